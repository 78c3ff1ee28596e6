"""E-mail in simulation: deferred work answered first come first served by the plan's (fractional) agents, and
the share answered within the response window counted on the clock and in open hours.

The agents of an interval give ``agents x interval x max_occupancy`` seconds of work (the plan sized them so);
the e-mails are one fluid first-come-first-served queue on that capacity. In capacity units the recursion is
Lindley's, ``D_k = max(D_{k-1}, C(a_k)) + s_k`` with ``C`` the cumulative capacity, ``a_k`` the arrival and
``s_k`` the work of e-mail k, which is ``S_k + cummax_j(C(a_j) - S_{j-1})`` with ``S`` the cumulative work: one
vectorised pass per week. E-mail k is answered when ``C`` reaches ``D_k``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from quoter.simulate import stats
from quoter.simulate.engine import Dist, FloatArray
from quoter.staffing.result import QueuePlan

HORIZON_WEEKS = 3  # the week simulated, after a warm-up week, then a week for the last e-mails to be answered


@dataclass
class DeferredRun:
    plan: QueuePlan
    window_hours: float
    clock: bool  # the requirements count the window on the clock (else in open hours)
    within_clock: FloatArray  # per week: share answered within the window on the clock
    within_open: FloatArray  # per week: share answered within the window in open hours
    mean_hours: FloatArray  # per week: mean clock hours from arrival to answer
    calls: int


def simulate_email(
    q: QueuePlan, window_hours: float, clock: bool, max_occupancy: float, interval_s: float, handle: Dist,
    rng: np.random.Generator, weeks: int,
) -> DeferredRun:  # fmt: skip
    n = len(q.intervals)
    contacts = np.tile([iv.calls for iv in q.intervals], HORIZON_WEEKS)
    cap = np.tile([iv.agents * interval_s * max_occupancy for iv in q.intervals], HORIZON_WEEKS)
    is_open = np.tile([iv.calls > 0 or iv.agents > 0 for iv in q.intervals], HORIZON_WEEKS)
    edges: FloatArray = np.arange(contacts.size + 1, dtype=np.float64) * interval_s
    c_cum = np.concatenate([[0.0], np.cumsum(cap)])
    o_cum = np.concatenate([[0.0], np.cumsum(np.where(is_open, interval_s, 0.0))])
    out = {"clock": np.full(weeks, np.nan), "open": np.full(weeks, np.nan), "hours": np.full(weeks, np.nan)}
    total = 0
    for w in range(weeks):
        counts = rng.poisson(np.where(np.arange(contacts.size) < 2 * n, contacts, 0.0))
        ints = np.repeat(np.arange(contacts.size), counts)
        arrive = np.sort((ints + rng.random(ints.size)) * interval_s)
        size = handle.sample(rng, (arrive.size,))
        s_cum = np.cumsum(size)
        at = np.interp(arrive, edges, c_cum)
        done = s_cum + np.maximum.accumulate(at - (s_cum - size))
        finish = _first_time(done, c_cum, edges)
        week = (arrive >= n * interval_s) & (arrive < 2 * n * interval_s)
        if not week.any():
            continue
        took = finish[week] - arrive[week]
        took_open = np.interp(finish[week], edges, o_cum) - np.interp(arrive[week], edges, o_cum)
        limit = window_hours * 3600 * (1 + 1e-12)
        out["clock"][w] = float(np.mean(took <= limit))
        out["open"][w] = float(np.mean(took_open <= limit))
        out["hours"][w] = float(np.mean(took)) / 3600
        total += int(week.sum())
    return DeferredRun(q, window_hours, clock, out["clock"], out["open"], out["hours"], total)


def _first_time(level: FloatArray, c_cum: FloatArray, edges: FloatArray) -> FloatArray:
    """The first time the cumulative capacity reaches ``level`` (inf beyond the horizon)."""
    j = np.searchsorted(c_cum, level, side="left")  # c_cum[j-1] < level <= c_cum[j]
    inside = (j >= 1) & (j < c_cum.size)
    jj = np.clip(j, 1, c_cum.size - 1)
    rate = (c_cum[jj] - c_cum[jj - 1]) / (edges[jj] - edges[jj - 1])
    t = edges[jj - 1] + (level - c_cum[jj - 1]) / np.where(rate > 0, rate, np.inf)
    return np.where(inside, t, np.where(j < 1, 0.0, np.inf))


def deferred_dict(d: DeferredRun) -> dict[str, object]:
    def est(v: FloatArray) -> dict[str, float | None]:
        e = stats.across(v)
        return {"mean": _num(e.mean), "ci": [_num(e.lo), _num(e.hi)]}  # type: ignore[dict-item]

    return {
        "queue": f"{d.plan.channel} {d.plan.language}", "channel": d.plan.channel, "language": d.plan.language,
        "calls": d.calls, "response_hours": d.window_hours, "response_clock": "clock" if d.clock else "working",
        "within_clock_hours": est(d.within_clock), "within_open_hours": est(d.within_open),
        "mean_response_hours": est(d.mean_hours),
    }  # fmt: skip


def _num(x: float) -> float | None:
    return x if np.isfinite(x) else None
