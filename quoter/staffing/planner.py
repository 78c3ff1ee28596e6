"""The staffing planner: requirements in, agents per interval and per queue out.

Which model sizes which channel (see docs/requirements.md):

* voice: Erlang C per interval, or Erlang A when the target gives a caller patience;
* chat: Erlang C over ``agents x concurrency`` chat slots, the SL target on the first response;
* email: deferred work; capacity in each open interval is the mean workload of the trailing
  response window, so every email can be answered within it and the week's hours equal the work;
* outbound: workload (attempts x agent seconds per attempt) spread over the calling window.

Volumes spread over the open intervals of a typical week by the channel's profile.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence

from quoter.calendar import DAYS, format_time
from quoter.inputs.requirements import Requirements, open_mask
from quoter.staffing import erlang
from quoter.staffing.profiles import spread_week
from quoter.staffing.result import IntervalResult, PoolSaving, QueuePlan, StaffingPlan, Totals


def queue_groups(languages: dict[str, float], pools: Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    """The queues of a channel: every language of ``languages`` in exactly one queue.

    A pool serves the channel's languages it lists: two or more of them make one pooled queue, a single
    one is its own queue (a pool is never dropped because the channel lacks some of its members).
    Every language in no pool is its own queue. Pools come first, in their order; then the rest.
    """
    pooled = {lang for pool in pools for lang in pool}
    groups: list[tuple[str, ...]] = []
    for pool in pools:
        present = tuple(lang for lang in pool if lang in languages)
        if present:
            groups.append(present)
    groups += [(lang,) for lang in languages if lang not in pooled]
    return groups


def _label(i: int, interval_minutes: int) -> tuple[str, str]:
    per_day = 1440 // interval_minutes
    minutes = (i % per_day) * interval_minutes
    return DAYS[i // per_day], format_time(minutes)


def _weighted(values: Sequence[float | None], weights: Sequence[float]) -> float | None:
    pairs = [(v, w) for v, w in zip(values, weights, strict=True) if v is not None and w > 0]
    total = sum(w for _, w in pairs)
    if not pairs or total <= 0:
        return None
    return sum(v * w for v, w in pairs) / total


class PlanContext:
    """What every queue of one requirements file shares."""

    def __init__(self, req: Requirements) -> None:
        self.req = req
        self.im = req.service.interval_minutes
        self.interval_s = self.im * 60.0
        self.n = 7 * 1440 // self.im
        self.shrinkage = req.staffing.shrinkage

    def mask(self, channel_hours: object) -> list[bool]:
        return open_mask(channel_hours or self.req.service.hours, self.im)  # type: ignore[arg-type]

    def finish(
        self,
        channel: str,
        group: tuple[str, ...],
        model: str,
        sl_definition: str,
        aht_seconds: float,
        contacts: Sequence[float],
        agents: Sequence[float],
        kpis: Sequence[tuple[float | None, float | None, float | None, float | None]],
        handled_minutes_week: float,
    ) -> QueuePlan:
        intervals = []
        for i in range(self.n):
            day, start = _label(i, self.im)
            sl, asa, ab, occ = kpis[i]
            intervals.append(IntervalResult(day, start, contacts[i], agents[i], sl, asa, ab, occ))
        hours = sum(agents) * self.im / 60
        scheduled = hours / (1 - self.shrinkage)
        return QueuePlan(
            channel=channel,
            language="+".join(group),
            languages=group,
            model=model,
            sl_definition=sl_definition,
            aht_seconds=aht_seconds,
            contacts_week=sum(contacts),
            intervals=tuple(intervals),
            agent_hours_week=hours,
            scheduled_hours_week=scheduled,
            fte=scheduled / self.req.staffing.hours_per_fte_week,
            peak_agents=math.ceil(max(agents) - 1e-9) if agents else 0,
            service_level=_weighted([k[0] for k in kpis], contacts),
            asa_seconds=_weighted([k[1] for k in kpis], contacts),
            abandon_rate=_weighted([k[2] for k in kpis], contacts),
            occupancy=_weighted([k[3] for k in kpis], contacts),
            handled_minutes_week=handled_minutes_week,
        )


def erlang_queue(
    ctx: PlanContext,
    channel: str,
    group: tuple[str, ...],
    contacts: list[float],
    aht: float,
    target: erlang.Target,
    mask: list[bool],
    slots_per_agent: int = 1,
) -> tuple[QueuePlan, list[float]]:
    """Size a queue interval by interval with Erlang C/A; return the plan and each interval's mean wait."""
    idx = [i for i in range(ctx.n) if mask[i]]
    results = erlang.required_agents_many([contacts[i] for i in idx], aht, ctx.interval_s, target)
    agents = [0.0] * ctx.n
    kpis: list[tuple[float | None, float | None, float | None, float | None]] = [(None,) * 4] * ctx.n
    waits = [0.0] * ctx.n
    if slots_per_agent > 1:  # chat: whole agents over the slots, KPIs at the slots they give
        whole = [math.ceil(r.agents / slots_per_agent) for r in results]
        results = erlang.evaluate_many(
            [contacts[i] for i in idx],
            aht,
            ctx.interval_s,
            [n * slots_per_agent for n in whole],
            answer_seconds=target.answer_seconds,
            patience_seconds=target.patience_seconds,
        )
    for j, (i, r) in enumerate(zip(idx, results, strict=True)):
        agents[i] = float(whole[j]) if slots_per_agent > 1 else float(r.agents)
        kpis[i] = (r.service_level, r.asa_seconds, r.abandon_rate, r.occupancy)
        waits[i] = r.mean_wait_seconds
    abandon = [k[2] or 0.0 for k in kpis]
    handled_min = sum(c * (1 - a) for c, a in zip(contacts, abandon, strict=True)) * aht / 60
    if channel == "chat":
        model, sl_def = (
            "chat_erlang_c",
            (
                f"share of chats whose first response comes within {target.answer_seconds:g} s: P(wait <= t) of "
                f"Erlang C over agents x {slots_per_agent} chat slots"
            ),
        )
    elif target.patience_seconds is not None:
        model, sl_def = "erlang_a", erlang.SL_DEFINITION_A
    else:
        model, sl_def = "erlang_c", erlang.SL_DEFINITION_C
    plan = ctx.finish(channel, group, model, sl_def, aht, contacts, agents, kpis, handled_min)
    return plan, waits


def workload_queue(
    ctx: PlanContext,
    channel: str,
    group: tuple[str, ...],
    contacts: list[float],
    seconds_each: float,
    window_hours: float | None,
    handled_minutes_week: float,
    description: str,
    clock: bool = False,
) -> QueuePlan:
    """Deferred or outbound work: fractional agents = workload / (interval x max occupancy).

    With a response window each interval's work is spread over the open intervals of the window that starts
    with it: the next ``window_hours`` of open time, or with ``clock`` the open intervals among the next
    ``window_hours`` on the clock (the first open interval after it, when the window holds none)."""
    occ = ctx.req.staffing.max_occupancy
    work = [c * seconds_each / (ctx.interval_s * occ) for c in contacts]
    if window_hours is not None and clock:
        work = _spread_clock(work, [c > 0 or w > 0 for c, w in zip(contacts, work, strict=True)],
                             max(1, round(window_hours * 60 / ctx.im)))  # fmt: skip
    elif window_hours is not None:  # spread each interval's work over the trailing response window
        open_idx = [i for i in range(ctx.n) if contacts[i] > 0 or work[i] > 0]
        k = max(1, min(len(open_idx), round(window_hours * 60 / ctx.im)))
        if k > 1 and open_idx:
            load = [work[i] for i in open_idx]
            run = sum(load[-k:])  # cyclic: the week wraps around
            smoothed = []
            for j in range(len(load)):
                run += load[j] - load[j - k]
                smoothed.append(run / k)
            work = [0.0] * ctx.n
            for i, v in zip(open_idx, smoothed, strict=True):
                work[i] = v
    kpis = [(None, None, None, occ if w > 0 else None) for w in work]
    return ctx.finish(channel, group, "workload", description, seconds_each, contacts, work, kpis, handled_minutes_week)


def _spread_clock(work: list[float], is_open: list[bool], k: int) -> list[float]:
    """Each interval's work spread evenly over the open intervals among it and the ``k - 1`` after it (cyclic)."""
    n = len(work)
    opens = [i for i in range(n) if is_open[i]]
    out = [0.0] * n
    if not opens:
        return out
    for i, w in enumerate(work):
        if w <= 0:
            continue
        window = [(i + d) % n for d in range(min(k, n)) if is_open[(i + d) % n]]
        if not window:  # nobody works within the window: the first open interval after it
            window = [min(opens, key=lambda j: (j - i) % n)]
        for j in window:
            out[j] += w / len(window)
    return out


def channel_contacts(
    ctx: PlanContext, ch: object, weekly_volume: float, mask: list[bool]
) -> dict[tuple[str, ...], list[float]]:
    """Contacts per interval for each queue of a channel."""
    shares_by_lang = getattr(ch, "languages", None) or ctx.req.languages
    profile = ch.profile  # type: ignore[attr-defined]
    spread = spread_week(mask, ctx.im, profile.intraday, profile.weekly)
    out = {}
    for group in queue_groups(shares_by_lang, ctx.req.pools):
        share = sum(shares_by_lang[lang] for lang in group)
        out[group] = [weekly_volume * share * s for s in spread]
    return out


def pool_saving(
    ctx: PlanContext,
    channel: str,
    group: tuple[str, ...],
    pooled: QueuePlan,
    contacts: list[float],
    shares: dict[str, float],
    aht: float,
    target: erlang.Target,
    mask: list[bool],
    slots_per_agent: int = 1,
) -> PoolSaving:
    """Size each language of a pool as its own queue and compare with the pooled queue."""
    total = sum(shares[g] for g in group)
    separate = [
        erlang_queue(ctx, channel, (lang,), [c * shares[lang] / total for c in contacts], aht, target, mask,
                      slots_per_agent)[0]
        for lang in group
    ]  # fmt: skip
    return PoolSaving(
        channel=channel,
        pool="+".join(group),
        fte_pooled=pooled.fte,
        fte_separate=sum(q.fte for q in separate),
        peak_pooled=pooled.peak_agents,
        peak_separate=sum(q.peak_agents for q in separate),
    )


_PLANS: OrderedDict[tuple[str, bool, tuple[str, ...]], StaffingPlan] = OrderedDict()
PLAN_CACHE_SIZE = 32
"""Plans kept (least recently used dropped): a quote needs seven (the scenarios and the term plan share them), the
workbook's grid and a re-priced quote the same ones again. Plans are immutable, so sharing one is safe."""


def plan_staffing(req: Requirements, *, compare_pools: bool = True) -> StaffingPlan:
    """Agents per interval for every queue of every channel, with totals and line count.

    ``compare_pools`` also sizes each pooled language on its own, to show what pooling saves;
    scenario re-runs that only need the totals turn it off. The same requirements (and registered channels)
    give the same plan, from a small cache.
    """
    from quoter import channels

    key = (req.model_dump_json(), compare_pools, channels.channel_keys())
    if key in _PLANS:
        _PLANS.move_to_end(key)
        return _PLANS[key]
    plan = _plan_staffing(req, compare_pools)
    _PLANS[key] = plan
    while len(_PLANS) > PLAN_CACHE_SIZE:
        _PLANS.popitem(last=False)
    return plan


def _plan_staffing(req: Requirements, compare_pools: bool) -> StaffingPlan:
    ctx = PlanContext(req)
    st = req.staffing
    queues: list[QueuePlan] = []
    savings: list[PoolSaving] = []
    line_load = [0.0] * ctx.n  # Erlangs on telephone lines per interval

    from quoter import channels

    for channel in channels.channels():
        spec = req.channels.section(channel.key)
        if spec is None:
            continue
        result = channel.plan(ctx, spec, compare_pools)
        queues += result.queues
        savings += result.savings
        if result.line_load is not None:
            line_load = [a + b for a, b in zip(line_load, result.line_load, strict=True)]

    concurrent = [sum(q.intervals[i].agents for q in queues) for i in range(ctx.n)]
    peak_load = max(line_load)
    totals = Totals(
        fte=sum(q.fte for q in queues),
        peak_agents=math.ceil(max(concurrent) - 1e-9),
        agent_hours_week=sum(q.agent_hours_week for q in queues),
        scheduled_hours_week=sum(q.scheduled_hours_week for q in queues),
        lines=erlang.lines_required(peak_load, st.line_blocking) if peak_load > 0 else 0,
        lines_blocking=st.line_blocking,
        contacts_week=sum(q.contacts_week for q in queues),
    )
    notes = ("month", "scheduled", "lines")  # the method, in words: ``note.staffing.<key>`` (render.text)
    return StaffingPlan(
        interval_minutes=ctx.im,
        shrinkage=st.shrinkage,
        max_occupancy=st.max_occupancy,
        hours_per_fte_week=st.hours_per_fte_week,
        queues=tuple(queues),
        totals=totals,
        pooling=tuple(savings),
        notes=notes,
    )
