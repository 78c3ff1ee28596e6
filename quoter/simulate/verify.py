"""Staffing that holds in simulation: the iterative staffing algorithm (Feldman, Mandelbaum, Massey and Whitt,
"Staffing of time-varying queues to achieve time-stable performance", Management Science 54(2), 2008).

Start from the Erlang plan; simulate it; in every interval whose simulated mean misses a target (service level,
abandon cap, ASA cap) add one agent; simulate again with the same random numbers (so a change comes from the
staffing alone, not from new noise) and repeat until no interval misses, or ``max_iterations``. Agents are only
ever added, so the plan stays at least the Erlang one and the loop ends.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

from quoter.inputs.requirements import Requirements
from quoter.simulate.run import Options, Run, missing, simulate_plan
from quoter.staffing import erlang
from quoter.staffing.result import IntervalResult, QueuePlan, StaffingPlan

MAX_ITERATIONS = 25


@dataclass(frozen=True)
class Verification:
    """What verification did: weeks per simulation, iterations run, whether every interval holds at the end,
    the FTE added (total and per queue) and the intervals given agents."""

    weeks: int
    iterations: int
    holds: bool
    extra_fte: float
    extra_agent_hours_week: float
    queues: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def verify(
    req: Requirements, plan: StaffingPlan, opt: Options, max_iterations: int = MAX_ITERATIONS
) -> tuple[StaffingPlan, Verification, Run]:
    """The verified plan, what verification did, and the last simulation (of the verified plan)."""
    agents = {i: [round(iv.agents) for iv in q.intervals] for i, q in enumerate(plan.queues)
              if q.channel in ("voice", "chat")}  # fmt: skip
    iterations, holds = 0, False
    while True:
        iterations += 1
        run = simulate_plan(req, plan, opt, agents)
        misses = 0
        for qr in run.queues:
            for i in sorted({m["index"] for m in missing(qr)}):
                agents[qr.index][i] += 1
                misses += 1
        if misses == 0:
            holds = True
            break
        if iterations >= max_iterations:
            run = simulate_plan(req, plan, opt, agents)
            holds = all(not missing(qr) for qr in run.queues)
            break
    verified = _replan(req, plan, agents)
    return verified, _summary(plan, verified, opt.weeks, iterations, holds), run


def _summary(plan: StaffingPlan, verified: StaffingPlan, weeks: int, iterations: int, holds: bool) -> Verification:
    queues = []
    for old, new in zip(plan.queues, verified.queues, strict=True):
        pairs = zip(old.intervals, new.intervals, strict=True)
        added = [f"{b.day} {b.start} +{b.agents - a.agents:g}" for a, b in pairs if b.agents > a.agents]
        if added:
            queues.append({"queue": f"{new.channel} {new.language}", "extra_fte": new.fte - old.fte,
                           "extra_agent_hours_week": new.agent_hours_week - old.agent_hours_week,
                           "intervals_changed": len(added), "changes": added})  # fmt: skip
    return Verification(
        weeks=weeks,
        iterations=iterations,
        holds=holds,
        extra_fte=verified.totals.fte - plan.totals.fte,
        extra_agent_hours_week=verified.totals.agent_hours_week - plan.totals.agent_hours_week,
        queues=tuple(queues),
    )


def _replan(req: Requirements, plan: StaffingPlan, agents: dict[int, list[int]]) -> StaffingPlan:
    """``plan`` with the queues' new agents, their Erlang figures at those agents, hours, FTE and totals."""
    queues = [_requeue(req, q, plan, agents[i]) if i in agents else q for i, q in enumerate(plan.queues)]
    n = len(queues[0].intervals) if queues else 0
    concurrent = [sum(q.intervals[i].agents for q in queues) for i in range(n)]
    totals = dataclasses.replace(
        plan.totals,
        fte=sum(q.fte for q in queues),
        peak_agents=math.ceil(max(concurrent, default=0) - 1e-9),
        agent_hours_week=sum(q.agent_hours_week for q in queues),
        scheduled_hours_week=sum(q.scheduled_hours_week for q in queues),
    )
    return dataclasses.replace(plan, queues=tuple(queues), totals=totals)


def _requeue(req: Requirements, q: QueuePlan, plan: StaffingPlan, agents: list[int]) -> QueuePlan:
    if agents == [round(iv.agents) for iv in q.intervals]:
        return q
    spec = req.channels.section(q.channel)
    interval_s = plan.interval_minutes * 60.0
    slots = int(spec.concurrency) if q.channel == "chat" else 1
    t: Any = getattr(spec, "target", None)
    answer = spec.first_response_seconds if t is None else t.answer_seconds
    patience = None if t is None else t.patience_seconds
    aht = q.aht_seconds  # chat: the handling time at full concurrency, as planned
    res = erlang.evaluate_many([iv.calls for iv in q.intervals], aht, interval_s, [n * slots for n in agents],
                               answer_seconds=answer, patience_seconds=patience)  # fmt: skip
    intervals = tuple(
        IntervalResult(iv.day, iv.start, iv.calls, float(n), r.service_level, r.asa_seconds, r.abandon_rate,
                       r.occupancy) if iv.calls > 0 else dataclasses.replace(iv, agents=float(n))
        for iv, n, r in zip(q.intervals, agents, res, strict=True)
    )  # fmt: skip
    hours = sum(agents) * plan.interval_minutes / 60
    scheduled = hours / (1 - plan.shrinkage)

    def weighted(key: str) -> float | None:
        pairs = [(getattr(iv, key), iv.calls) for iv in intervals if getattr(iv, key) is not None and iv.calls > 0]
        total = sum(w for _, w in pairs)
        return sum(v * w for v, w in pairs) / total if pairs and total > 0 else None

    return dataclasses.replace(
        q, intervals=intervals, agent_hours_week=hours, scheduled_hours_week=scheduled,
        fte=scheduled / plan.hours_per_fte_week, peak_agents=max(agents, default=0),
        service_level=weighted("service_level"), asa_seconds=weighted("asa_seconds"),
        abandon_rate=weighted("abandon_rate"), occupancy=weighted("occupancy"),
    )  # fmt: skip


def verified_plan(req: Requirements, plan: StaffingPlan, book: Any = None) -> tuple[StaffingPlan, dict[str, Any]]:
    """``quoter staff --verify`` and ``build_quote(verified=True)``: the plan that holds in simulation (default
    weeks and seed) and what verification did, with the monthly cost of the agents it added (priced with
    ``book``, default: the client's country's)."""
    from quoter.inputs.pricebook import book_for_client, load_price_book
    from quoter.quote.pipeline import verification_cost

    verified, v, _ = verify(req, plan, Options())
    bk = book or load_price_book(book_for_client(req.client.country))
    return verified, {**v.to_dict(), "cost": verification_cost(req, bk, plan, verified)}
