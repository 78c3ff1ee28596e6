"""The discrete-event kernel: one FIFO multi-server queue with time-varying staffing, many replications at once.

Model (per replication): Poisson arrivals whose rate is constant within an interval (times a per-day forecast
error factor), a first-come-first-served queue carried across interval boundaries, ``servers[i]`` servers on duty
in interval ``i``. Server ``s`` is on duty in interval ``i`` when ``s < servers[i]``: when staffing drops, the
highest-numbered servers leave, each after finishing the contact it holds. A contact abandons when its wait would
exceed its patience, and then holds no server.

The recursion is the "next free server" one of FIFO multi-server queues: contacts are taken in arrival order and
each starts at the earliest moment any server is both free and on duty, which keeps the order first-come
first-served. A step handles one contact of every replication at once (numpy over replications x servers), so the
Python loop runs once per contact of the busiest replication, not once per event.

Chat: a server is a chat slot; ``slots`` slots make one agent (agent ``m`` holds slots ``m*slots .. m*slots+slots-1``
and leaves with all of them). A chat's handling time is its sampled time x ``1 + slowdown x (chats the agent
already holds)``; a new chat goes to the least loaded agent among those free first.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from quoter.errors import InputError

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.intp]

Shape = Literal["exponential", "lognormal", "fixed"]
SHAPES: tuple[Shape, ...] = ("exponential", "lognormal", "fixed")
SPLIT_ELEMENTS = 25_000  # days side by side while weeks x 7 x servers stay below this (measured: bench_simulate)
WARMUP_SECONDS = 3 * 3600.0  # each day's row starts this long before the day (at most a day)
TICK_STEPS = 4096  # steps between two progress reports
Tick = Callable[[float], None]  # told the share of a queue's run done since it was last told
_LOAD_TIE = 1e-3  # seconds per chat already held: prefers the least loaded of agents free at the same moment


@dataclass(frozen=True)
class Dist:
    """A positive random time: its mean (seconds), shape and, for lognormal, coefficient of variation."""

    mean: float
    shape: Shape = "exponential"
    cv: float = 1.0

    def sample(self, rng: np.random.Generator, size: tuple[int, ...]) -> FloatArray:
        if self.shape == "fixed":
            return np.full(size, self.mean)
        if self.shape == "exponential":
            return rng.exponential(self.mean, size)
        sigma2 = math.log1p(self.cv * self.cv)
        return rng.lognormal(math.log(self.mean) - sigma2 / 2, math.sqrt(sigma2), size)


def check_dist(name: str, shape: str, cv: float) -> None:
    if shape not in SHAPES:
        raise InputError(f"{name}: '{shape}' is not one of {', '.join(SHAPES)}")
    if not (math.isfinite(cv) and 0 < cv <= 10):
        raise InputError(f"{name}_cv: must be above 0 and at most 10, got {cv:g}")


@dataclass(frozen=True)
class QueueModel:
    """One queue's week: contacts offered and servers on duty per interval (``n`` intervals from Saturday 00:00)."""

    contacts: tuple[float, ...]
    servers: tuple[int, ...]
    interval_s: float
    handle: Dist
    patience: Dist | None = None  # None: nobody abandons (Erlang C)
    slots: int = 1  # chat slots per agent; servers are slots
    slowdown: float = 0.0
    shares: tuple[float, ...] = (1.0,)  # a pool: each language's share of the contacts
    bilingual_share: float = 1.0  # a pool: the share of servers who speak every language of it


def skills(m: QueueModel, s_count: int) -> BoolArray | None:
    """``elig[language, server]`` of a pool whose agents are not all bilingual (None: everyone serves all).

    Any first ``N`` agents hold ``N x bilingual_share`` bilingual ones, rounded to the nearest (spread evenly,
    so every staffing level keeps the share; a lone agent at a share of one half is bilingual); the others
    speak one language each, dealt out in proportion to the shares.
    """
    if len(m.shares) < 2 or m.bilingual_share >= 1.0:
        return None
    b = m.bilingual_share
    agent = np.arange(s_count) // m.slots
    bilingual = np.floor((agent + 1) * b + 0.5) > np.floor(agent * b + 0.5)
    elig = np.zeros((len(m.shares), s_count), dtype=bool)
    elig[:, bilingual] = True
    dealt = np.zeros(len(m.shares))
    shares = np.asarray(m.shares) / sum(m.shares)
    for a in sorted(set(agent[~bilingual].tolist())):
        lang = int(np.argmax(shares * (dealt.sum() + 1) - dealt))
        dealt[lang] += 1
        elig[lang, agent == a] = True
    return elig


@dataclass
class Sample:
    """Every simulated contact of the week (warm-up excluded).

    Arrays are (rows, contacts) padded, a row one day of one week (``rep``): ``valid`` marks real contacts.
    ``interval`` is the week interval a contact arrived in; ``wait`` its time in queue (until answer or
    abandonment); ``busy`` the server seconds worked per week and interval (by the interval a contact started in).
    """

    interval: IntArray
    valid: BoolArray
    answered: BoolArray
    wait: FloatArray
    busy: FloatArray
    rep: IntArray  # the week (replication) of each row


def _schedule(m: QueueModel) -> IntArray:
    """Servers on duty per interval over warm-up day + week + a day: cyclic, and the servers of an interval
    before a closed one stay one more interval to work off the queue at closing time."""
    week = np.asarray(m.servers, dtype=np.intp)
    n = week.size
    per_day = n // 7
    closing = (week == 0) & (np.roll(week, 1) > 0)
    week = np.where(closing, np.roll(week, 1), week)
    return np.concatenate([week[n - per_day :], week, week[:per_day]])


def _next_on(schedule: IntArray, interval_s: float) -> FloatArray:
    """``next_on[s, i]``: the start of the first interval ``j >= i`` in which server ``s`` is on duty (seconds
    from the start of the horizon; a far-away time when never)."""
    s_count = max(1, int(schedule.max()))
    n = schedule.size
    far = (n + 1) * interval_s * 10
    on = np.arange(s_count)[:, None] < schedule[None, :]
    starts = np.where(on, np.arange(n) * interval_s, far)
    out: FloatArray = np.minimum.accumulate(starts[:, ::-1], axis=1)[:, ::-1]
    return np.concatenate([out, np.full((s_count, 1), far)], axis=1)


@dataclass
class Rows:
    """The rows the kernel runs side by side: one per week and day (``rep``, ``day``), each the day's contacts
    after a warm-up of the hours before it (from an empty queue at ``first``, a horizon interval)."""

    times: FloatArray  # arrival times, horizon seconds, sorted per row, padded with inf
    interval: IntArray  # their horizon interval
    valid: BoolArray
    rep: IntArray
    measured: IntArray  # the horizon interval where the row's measured time starts ...
    until: IntArray  # ... and ends
    first: IntArray


def _arrivals(m: QueueModel, rng: np.random.Generator, reps: int, day_factor: FloatArray, split: bool) -> Rows:
    """Poisson arrivals per interval of each week's horizon (warm-up day, week, drain day), at the planned rate
    times the day's forecast-error factor (``day_factor``: reps x 9), cut into one row per day of the week."""
    week = np.asarray(m.contacts, dtype=float)
    per_day = week.size // 7
    rates = np.concatenate([week[week.size - per_day :], week, week[:per_day]])
    n = rates.size
    lam = rates[None, :] * np.repeat(day_factor, per_day, axis=1)[:, :n]
    counts = rng.poisson(lam)
    days = 7 if split else 1  # rows per week, each ``span`` intervals long after ``warm`` of warm-up
    warm = min(per_day, math.ceil(WARMUP_SECONDS / m.interval_s)) if split else per_day
    span = per_day if split else 7 * per_day
    rep = np.repeat(np.arange(reps), days)
    measured = np.tile((np.arange(days) + 1) * per_day, reps)
    first = measured - warm
    pieces = []
    for r, lo in zip(rep.tolist(), first.tolist(), strict=True):
        ints = np.repeat(np.arange(lo, lo + warm + span), counts[r, lo : lo + warm + span])
        pieces.append((ints + rng.random(ints.size)) * m.interval_s)
    width = max(1, max(p.size for p in pieces))
    times = np.full((rep.size, width), np.inf)
    for row, p in enumerate(pieces):
        times[row, : p.size] = p
    times.sort(axis=1)
    valid = np.isfinite(times)
    idx = np.where(valid, np.floor(np.where(valid, times, 0.0) / m.interval_s), 0).astype(np.intp)
    return Rows(times, idx, valid, rep, measured, measured + span, first)


def simulate_queue(
    m: QueueModel, rng: np.random.Generator, reps: int, day_factor: FloatArray, tick: Tick | None = None,
    split: bool | None = None,
) -> Sample:  # fmt: skip
    """Simulate ``reps`` independent weeks of one queue; see the module docstring.

    The seven days of every week run side by side, each from an empty queue a few hours before it
    (:data:`WARMUP_SECONDS`, at the rates and staffing of those hours): a queue forgets its state within
    minutes, and a seventh of the steps makes the run several times faster."""
    schedule = _schedule(m)
    next_on = _next_on(schedule, m.interval_s)
    if split is None:  # days side by side pay where few weeks leave numpy's per-step cost unshared
        split = reps * max(m.servers, default=1) * 7 <= SPLIT_ELEMENTS
    rows = _arrivals(m, rng, reps, day_factor, split)
    arr, idx, valid = rows.times, rows.interval, rows.valid
    far = float(next_on[0, -1])
    arr_f = np.where(valid, arr, far)
    hand = m.handle.sample(rng, arr.shape)
    pat = m.patience.sample(rng, arr.shape) if m.patience is not None else np.full(arr.shape, np.inf)
    pat = np.where(valid, pat, -1.0)  # padding is never answered
    elig = skills(m, next_on.shape[0])
    shares = np.asarray(m.shares) / sum(m.shares)
    lang = rng.choice(len(m.shares), size=arr.shape, p=shares) if elig is not None else None
    start, ok, served_time = _kernel(arr_f, hand, pat, next_on, m.interval_s, m.slots, m.slowdown, elig, lang, tick,
                                     rows.first)  # fmt: skip
    per_day = len(m.contacts) // 7
    n_week = len(m.contacts)
    in_week = valid & (idx >= rows.measured[:, None]) & (idx < rows.until[:, None])
    busy = np.zeros((reps, n_week))
    start_i = np.clip(np.floor(np.where(ok, start, 0.0) / m.interval_s).astype(np.intp) - per_day, 0, n_week - 1)
    rep_of = np.broadcast_to(rows.rep[:, None], arr.shape)
    use = ok & in_week
    np.add.at(busy, (rep_of[use], start_i[use]), served_time[use])
    wait = np.where(ok, start - arr_f, np.minimum(pat, far))
    return Sample(np.clip(idx - per_day, 0, n_week - 1), in_week, ok & in_week, wait, busy, rows.rep)


def _kernel(
    arr: FloatArray, hand: FloatArray, pat: FloatArray, next_on: FloatArray, interval_s: float, slots: int,
    slowdown: float, elig: BoolArray | None = None, lang: IntArray | None = None, tick: Tick | None = None,
    first: IntArray | None = None,
) -> tuple[FloatArray, BoolArray, FloatArray]:  # fmt: skip
    """The recursion, one contact of every replication per step: start times, answered, handling times.

    ``free[r, s]`` is the first moment server ``s`` can take a contact, always a moment it is on duty (a server
    finishing off duty is moved to its next start), so a server is available to a contact arriving at ``a`` at
    ``max(free, a, next_on[s, interval of a])``: one row of ``next_on`` per replication and step.
    """
    reps, width = arr.shape
    s_count, n = next_on.shape
    next_t = np.ascontiguousarray(next_on.T)
    free = next_t[first] if first is not None else np.repeat(next_t[:1], reps, axis=0)  # empty at each row's start
    inv, last = 1.0 / interval_s, n - 1
    arr_t, pat_t, used_t = (np.ascontiguousarray(x.T) for x in (arr, pat, hand))  # one contiguous row per step
    at_arrival = np.minimum((arr_t * inv).astype(np.intp), last)
    lang_t = np.ascontiguousarray(lang.T) if lang is not None else None
    start = np.empty((width, reps))
    served = np.zeros((width, reps), dtype=bool)
    rows = np.arange(reps)
    chat = slots > 1 and slowdown > 0  # without slowdown a chat slot is a server like any other
    agents = s_count // slots if chat else 0
    bias: FloatArray | float = 0.0
    if elig is not None:
        bias = _LOAD_TIE * np.all(elig, axis=0).astype(float)[None, :]
    for k in range(width):
        a = arr_t[k]
        avail = np.maximum(free, next_t[at_arrival[k]])
        np.maximum(avail, a[:, None], out=avail)
        score = avail
        if elig is not None and lang_t is not None:  # skills: another language's agents are never free
            avail = np.where(elig[lang_t[k]], avail, np.inf)
            score = avail + bias  # bilingual agents last among those free at once
        if chat:
            by_agent = free.reshape(reps, agents, slots)
            held = np.repeat((by_agent > a[:, None, None]).sum(axis=2), slots, axis=1)
            j = (score + _LOAD_TIE * held).argmin(axis=1)
            st = avail[rows, j]
            others = (by_agent[rows, j // slots] > st[:, None]).sum(axis=1)  # chats the agent holds at the start
            used_t[k] *= 1.0 + slowdown * others
        else:
            j = score.argmin(axis=1)
            st = avail[rows, j]
        ok = st - a <= pat_t[k]
        if elig is not None:  # a language nobody on duty speaks: never answered
            ok &= np.isfinite(st)
            st = np.where(ok, st, a)
        done = st + used_t[k]
        back = next_on[j, np.minimum((done * inv).astype(np.intp), last)]  # finished off duty: next start
        free[rows, j] = np.where(ok, np.maximum(done, back), free[rows, j])
        start[k] = st
        served[k] = ok
        if tick is not None and k % TICK_STEPS == TICK_STEPS - 1:
            tick(TICK_STEPS / width)
    if tick is not None:
        tick((width % TICK_STEPS) / width)
    return start.T, served.T, used_t.T
