"""Shift planning: cover every interval's agents with one weekly tour per person at the least cost.

A *tour* is one person's week: on each working day a shift with its own start and length (Thursday can be
short, Friday different), with at least ``min_rest_hours`` off between shifts, at most ``max_days_per_week``
days and ``max_weekly_hours`` (Labour Law arts. 51 and 57: 44 h a week, 176 h in four weeks). Full-time
people are paid the full week (``labour.hours_per_week``) whatever is rostered; part-time people, where the
client allows them (``shifts.part_time``), are paid by the hour with a guaranteed least week.

Two stages: :mod:`quoter.shifts.daily` chooses how many shifts of each start and length each day needs and
how many people of each kind of week, by an integer program (HiGHS through ``scipy.optimize.milp``) whose
relaxation is a true lower bound on any legal roster's cost; :mod:`quoter.shifts.assign` then gives every
person their tour, deterministically. The gap reported is the roster's cost over that bound.

The objective weighs every worked hour by the premiums (``night`` in the night window, ``friday`` on rest
days) and adds a small cost per person, so the planner avoids premium hours and needless heads. The week is
cyclic: a Friday night shift runs into Saturday morning.

The demand and the tours are on the service's clock (the requirements' ``service.timezone``); the night
window, the rest days and the holidays are the price book's ``labour`` facts, on the agents' clock
(``labour.timezone``): each interval is moved by the offset between the two clocks
(:func:`quoter.calendar.clock_shift_minutes`, on the book's as-of date) before it is classed, as the interval
estimate of :mod:`quoter.pricing.usage` does. Measured choices: docs/shifts.md.

Demand is agents on shift: required agents / (1 - shrinkage), rounded up. Breaks are part of shrinkage, so a
shift covers every interval from its start to its end. Queues of the same language (or pool) are rostered
together: agents are blended across voice, chat, email and outbound within a language queue.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from quoter import progress
from quoter.calendar import DAYS, DAYS_PER_YEAR, MINUTES_PER_DAY, MINUTES_PER_WEEK, clock_shift_minutes, format_time
from quoter.errors import DomainError, InfeasibleError, InputError
from quoter.inputs.pricebook import Labour, PriceBook
from quoter.shifts import daily
from quoter.shifts.assign import Person, assign, paid_minutes
from quoter.shifts.daily import Contract, Daily
from quoter.shifts.rules import ShiftRules
from quoter.staffing.result import StaffingPlan

DEFAULT_PREMIUMS: dict[str, float] = {"night": 0.35, "friday": 0.40, "holiday": 0.40}
PERSON_HOURS = 2.0  # per-head overhead in the objective, in paid-hour equivalents (supervision, hiring)
NODES = 1000  # branch-and-bound nodes per queue: a budget of work, so the same input gets the same roster
PART_TIME_PERSON_HOURS = 4.0  # a part-time head: the same hiring, training and supervision for fewer hours
DEFAULT_LABOUR = Labour.model_construct()
"""The ``labour`` fields' own defaults (night 22:00-06:00, Friday rest, no holidays) for a bare demand curve;
quotes and the CLI pass their price book's ``labour``."""


@dataclass(frozen=True)
class Tour:
    """One kind of week, worked by ``people`` persons: a shift on each working day."""

    contract: str  # full_time | part_time
    shifts: tuple[tuple[str, str, float], ...]  # (day, start "HH:MM", length in hours) per working day
    people: int
    paid_hours: float  # per person a week

    @property
    def days(self) -> tuple[str, ...]:
        return tuple(d for d, _, _ in self.shifts)

    @property
    def worked_hours(self) -> float:
        return sum(h for _, _, h in self.shifts)


@dataclass(frozen=True)
class ShiftPlan:
    """The roster of one language queue (or of all queues together in ``ShiftsResult.totals``)."""

    queue: str
    headcount: int
    required_hours_week: float  # demand agent-hours (after shrinkage)
    paid_hours_week: float
    # The premium buckets overlap as the premiums stack: a Friday night hour is a night hour and a
    # Friday hour (Labour Law arts. 58 and 62). normal = hours with no premium at all. The overlaps are
    # kept below, so ``ShiftsResult.paid_hours_week`` can split the paid hours into disjoint kinds.
    normal_hours_week: float
    night_hours_week: float  # in the night window, any day
    friday_hours_week: float  # on a rest day (Friday), night or day
    holiday_hours_week: float  # expected on official holidays (not rest days): holidays per year / 365.25
    efficiency: float  # required hours / paid hours
    demand: tuple[int, ...]
    coverage: tuple[int, ...]
    shifts: tuple[Tour, ...]
    status: str  # optimal | repaired (people added to stage one's) | node_limit | time_limit | skipped
    mip_gap: float  # the roster's cost over the lower bound, less one
    lp_bound_hours: float  # paid hours of the relaxation minimising them alone (a lower bound on any roster)
    solve_seconds: float
    notes: tuple[str, ...] = ()
    rest_night_hours_week: float = 0.0  # night hours on a rest day (in both night and friday)
    holiday_night_hours_week: float = 0.0  # night hours expected on holidays (in both night and holiday)
    worked_hours_week: float = 0.0  # rostered hours (full-time people are paid their full week besides)
    part_time_hours_week: float = 0.0  # paid hours of part-time people (in paid_hours_week)
    part_time_headcount: int = 0

    @property
    def over_coverage(self) -> tuple[int, ...]:
        return tuple(c - d for c, d in zip(self.coverage, self.demand, strict=True))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["over_coverage"] = list(self.over_coverage)
        return d


@dataclass(frozen=True)
class ShiftsResult:
    interval_minutes: int
    queues: tuple[ShiftPlan, ...]
    totals: dict[str, float] = field(default_factory=dict)
    solver: str = "HiGHS (scipy.optimize.milp) for the daily shifts, then one tour per person by assignment"

    @property
    def part_time_hours_week(self) -> float:
        """Paid hours a week of part-time people (in the ``paid_hours_week`` total)."""
        return float(self.totals.get("part_time_hours_week", 0.0))

    @property
    def paid_hours_week(self) -> dict[str, float]:
        """Paid hours per week for the cost build-up, in disjoint kinds that sum to the paid hours.

        Each hour counts once, in one kind; precedence: a rest-day hour is ``friday`` (``friday_night`` when it
        is also a night hour), else a holiday hour is ``holiday`` (``holiday_night`` at night), else a night
        hour is ``night``, else ``normal`` (>= 0). The combined kinds carry both premiums (they stack):
        :func:`quoter.pricing.usage.shifts_hours` adds them back to the night, Friday and holiday hours.
        """
        t = self.totals
        paid = t["paid_hours_week"]
        rest_night = t.get("rest_night_hours_week", 0.0)
        holiday_night = t.get("holiday_night_hours_week", 0.0)
        split = {
            "night": t["night_hours_week"] - rest_night - holiday_night,
            "friday": t["friday_hours_week"] - rest_night,
            "holiday": t["holiday_hours_week"] - holiday_night,
            "friday_night": rest_night,
            "holiday_night": holiday_night,
        }
        tol = 1e-9 * max(paid, 1.0)
        assert all(v >= -tol for v in split.values()), split
        split = {k: max(v, 0.0) for k, v in split.items()}
        normal = paid - sum(split.values())
        assert normal >= -tol, (normal, t)
        return {"normal": max(normal, 0.0), **split}

    def to_dict(self) -> dict[str, Any]:
        return {
            "interval_minutes": self.interval_minutes,
            "solver": self.solver,
            "queues": [q.to_dict() for q in self.queues],
            "totals": dict(self.totals),
        }


_Kinds = tuple[list[bool], list[bool]]  # (night, rest day) per interval


def _hour_kinds(n: int, interval_minutes: int, labour: Labour, clock_shift: int = 0) -> _Kinds:
    """Which intervals are night hours and which fall on a rest day (Friday), each classed by its start
    on the agents' clock (``clock_shift`` minutes ahead of the demand's)."""
    night, friday = [], []
    for i in range(n):
        local = (i * interval_minutes + clock_shift) % MINUTES_PER_WEEK
        night.append(labour.is_night(local % MINUTES_PER_DAY))
        friday.append(labour.is_rest_day(local // MINUTES_PER_DAY))
    return night, friday


def _need(demand: Sequence[float], interval_minutes: int) -> list[int]:
    """Whole agents to cover per interval; the demand must be one week of ``interval_minutes`` intervals."""
    n = len(demand)
    if n != 7 * 1440 // interval_minutes:
        raise DomainError(f"demand has {n} intervals, not a week of {interval_minutes}-minute intervals")
    return [max(0, math.ceil(d - 1e-9)) for d in demand]


def _interruptible(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a worker thread while the main thread waits in short steps, so Ctrl-C or
    SIGTERM takes effect within a tenth of a second even while HiGHS (which does not return to Python until
    it stops) is still solving; the abandoned solve ends with the process."""
    import threading

    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args, **kwargs)
        except BaseException as exc:  # handed to the caller
            box["error"] = exc

    worker = threading.Thread(target=run, name="highs", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    if "error" in box:
        raise box["error"]
    return box["value"]


def _hours_by_kind(
    coverage: Any, paid: float, kinds: _Kinds, h: float, holiday_share: float
) -> tuple[float, float, float, float, float, float]:
    """A plan's weekly (normal, night, Friday (rest day), holiday, rest-day night, holiday night) hours.

    Night, Friday and holiday hours overlap as their premiums stack; the last two are the overlaps, so
    normal = paid - night - Friday - holiday + overlaps >= 0 (the hours with no premium).
    """
    import numpy as np

    night, friday = kinds
    cov = np.asarray(coverage, dtype=float)
    is_night, is_rest = np.array(night, dtype=bool), np.array(friday, dtype=bool)
    night_h = h * float(cov[is_night].sum())
    friday_h = h * float(cov[is_rest].sum())
    rest_night_h = h * float(cov[is_night & is_rest].sum())
    holiday_h = (paid - friday_h) * holiday_share
    holiday_night_h = (night_h - rest_night_h) * holiday_share
    normal_h = paid - friday_h - holiday_h - (night_h - rest_night_h - holiday_night_h)
    return max(normal_h, 0.0), night_h, friday_h, holiday_h, rest_night_h, holiday_night_h


def _contracts(
    rules: ShiftRules, interval_minutes: int, paid_week_hours: float, part_time_weight: float
) -> list[Contract]:
    """The kinds of week the rules allow: full-time (paid the full week), and part-time when allowed."""

    def minutes(hours: Sequence[float]) -> tuple[int, ...]:
        out = {round(h * 60 / interval_minutes) * interval_minutes for h in hours}
        return tuple(sorted(m for m in out if m > 0))

    out = [Contract("full_time", minutes(rules.lengths_hours), rules.max_days_per_week,
                    round(rules.max_weekly_hours * 60), 0, round(paid_week_hours * 60), PERSON_HOURS)]  # fmt: skip
    pt = rules.part_time
    if pt is not None:
        out.append(Contract("part_time", minutes(pt.lengths_hours), pt.max_days_per_week,
                            round(pt.max_weekly_hours * 60), round(pt.min_weekly_hours * 60), None,
                            PART_TIME_PERSON_HOURS, part_time_weight))  # fmt: skip
    return out


def _check_coverable(d: Daily, rules: ShiftRules) -> None:
    """Raise :class:`InfeasibleError` at the first interval with demand that no allowed shift is on duty in."""
    import numpy as np

    reach = np.asarray(d.cover.sum(axis=1)).ravel()
    uncovered = np.flatnonzero((d.need > 0) & (reach == 0))
    if len(uncovered):
        per_day = 1440 // d.interval_minutes
        day, minute = DAYS[int(uncovered[0]) // per_day], int(uncovered[0]) % per_day
        raise InfeasibleError(
            f"shift rules cannot cover {day} {format_time(minute * d.interval_minutes)}: no allowed shift (lengths "
            f"{rules.lengths_hours}, starts {rules.earliest_start}-{rules.latest_start} every "
            f"{rules.start_step_minutes} min) is on duty then"
        )


def _tours(people: Sequence[Person], d: Daily) -> tuple[Tour, ...]:
    """The roster as kinds of week with the people on each, in a stable order."""
    count: dict[tuple[int, tuple[tuple[int, int, int], ...]], int] = {}
    for p in people:
        key = (p.contract, tuple((s.day, s.start, s.length) for s in sorted(p.shifts, key=lambda s: s.day)))
        count[key] = count.get(key, 0) + 1
    out = []
    for (k, shifts), n in sorted(count.items()):
        ct = d.contracts[k]
        worked = sum(length for _, _, length in shifts)
        paid = ct.paid_week_min if ct.paid_week_min is not None else max(worked, ct.min_week_min)
        out.append(Tour(ct.name, tuple((DAYS[day], format_time(start), length / 60) for day, start, length in shifts),
                        n, paid / 60))  # fmt: skip
    return tuple(out)


def _roster_cost(people: Sequence[Person], d: Daily) -> float:
    """The roster's cost in the stage-one objective (people at their week's cost, shifts at theirs)."""
    index = {s: j for j, s in enumerate(d.shifts)}
    total = 0.0
    for p in people:
        ct = d.contracts[p.contract]
        total += ct.head_cost + (ct.paid_week_min or 0) / 60
        total += sum(float(d.cost[index[s]]) for s in p.shifts)
        if ct.paid_week_min is None:  # a part-time week below its guaranteed hours is paid them
            total += max(0, ct.min_week_min - p.worked_min) / 60 * ct.hour_cost
    return total


def _roster(
    need: list[int],
    interval_minutes: int,
    rules: ShiftRules,
    rate: Sequence[float],
    limits: tuple[float, int | None],
    paid_week_hours: float,
    part_time_weight: float,
) -> tuple[Daily, Any, list[Person], float]:
    """Both stages for one queue: (program, its solution, the people, seconds)."""
    t0 = time.perf_counter()
    contracts = _contracts(rules, interval_minutes, paid_week_hours, part_time_weight)
    starts = daily.starts(rules.minutes(rules.earliest_start), rules.minutes(rules.latest_start),
                          rules.start_step_minutes, interval_minutes)  # fmt: skip
    rest = round(rules.min_rest_hours * 60)
    d = daily.build(need, interval_minutes, contracts, starts, rate, rest)
    _check_coverable(d, rules)
    sol = daily.solve(d, mip_gap=rules.mip_gap, node_limit=limits[1], time_limit=limits[0], run=_interruptible)
    people = assign(d, sol.x, rest, run=_interruptible)
    return d, sol, people, time.perf_counter() - t0


def _read_plan(
    queue: str, d: Daily, sol: Any, people: list[Person], kinds: _Kinds, holiday_share: float, seconds: float
) -> ShiftPlan:
    """The roster of one queue: headcount, coverage, paid hours and their kinds, tours, status and notes."""
    import numpy as np

    h = d.interval_minutes / 60
    need = tuple(int(v) for v in d.need)
    coverage = np.zeros(len(need), dtype=int)
    for p in people:
        for s in p.shifts:
            coverage[daily.covered(s, d.interval_minutes)] += 1
    if any(coverage[i] < need[i] for i in range(len(need))):  # pragma: no cover - would be a bug in the assignment
        raise InfeasibleError(f"the roster for queue {queue} under-covers the demand")
    paid_of = [paid_minutes(p, d.contracts[p.contract]) / 60 for p in people]
    paid = sum(paid_of)
    part = [i for i, p in enumerate(people) if d.contracts[p.contract].paid_week_min is None]
    cost = _roster_cost(people, d)
    gap = max(0.0, (cost - sol.lp_cost) / cost) if cost > 0 else 0.0
    heads = sum(int(v) for v in sol.x[d.n_shifts :])
    status = sol.status if sol.status != "optimal" else ("optimal" if len(people) <= heads else "repaired")
    kinds_h = _hours_by_kind(coverage, paid, kinds, h, holiday_share)
    notes = [f"roster within {gap:.1%} of the best possible cost (the stage-one lower bound)"]
    if status == "repaired":
        notes.append(f"{len(people) - heads} more people than the daily plan needs: their weeks could not be fitted")
    return ShiftPlan(
        queue=queue, headcount=len(people), required_hours_week=sum(need) * h, paid_hours_week=paid,
        normal_hours_week=kinds_h[0], night_hours_week=kinds_h[1], friday_hours_week=kinds_h[2],
        holiday_hours_week=kinds_h[3], efficiency=sum(need) * h / paid if paid else 1.0, demand=need,
        coverage=tuple(int(v) for v in coverage), shifts=_tours(people, d), status=status, mip_gap=gap,
        lp_bound_hours=sol.lp_paid_hours, solve_seconds=seconds, notes=tuple(notes),
        rest_night_hours_week=kinds_h[4], holiday_night_hours_week=kinds_h[5],
        worked_hours_week=float(coverage.sum()) * h, part_time_hours_week=sum(paid_of[i] for i in part),
        part_time_headcount=len(part),
    )  # fmt: skip


def solve_shifts(
    demand: Sequence[float],
    *,
    interval_minutes: int,
    rules: ShiftRules | None = None,
    premiums: Mapping[str, float] | None = None,
    labour: Labour | None = None,
    clock_shift: int = 0,
    queue: str = "all",
    time_limit_s: float | None = None,
    node_limit: int | None = None,
    paid_week_hours: float = 44.0,
) -> ShiftPlan:
    """Cover ``demand`` (agents on shift per interval, Saturday 00:00 first) with one tour per person.

    ``labour`` (a price book's; default :data:`DEFAULT_LABOUR`) says which hours are night, rest-day and
    holiday hours, on the agents' clock, which is ``clock_shift`` minutes ahead of the demand's. A full-time
    person is paid ``paid_week_hours`` a week; ``premiums["part_time"]`` weighs a part-time hour against it.
    """
    rules = rules or ShiftRules()
    labour = DEFAULT_LABOUR if labour is None else labour
    prem = {**DEFAULT_PREMIUMS, **(premiums or {})}
    need = _need(demand, interval_minutes)
    n = len(need)
    kinds = _hour_kinds(n, interval_minutes, labour, clock_shift)
    holiday_share = labour.holidays_per_year / float(DAYS_PER_YEAR)
    if not any(need):
        return ShiftPlan(queue, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, tuple(need), (0,) * n, (), "skipped",
                         0.0, 0.0, 0.0, ("no demand",))  # fmt: skip
    night, friday = kinds
    rate = [prem["night"] * night[i] + prem["friday"] * friday[i] for i in range(n)]
    limit = rules.time_limit_seconds if time_limit_s is None else time_limit_s
    d, sol, people, seconds = _roster(need, interval_minutes, rules, rate, (limit, node_limit), paid_week_hours,
                                      prem.get("part_time", 1.0))  # fmt: skip
    return _read_plan(queue, d, sol, people, kinds, holiday_share, seconds)


def queue_demand(plan: StaffingPlan) -> dict[str, list[float]]:
    """Agents on shift per interval for each language queue: channels blended, shrinkage added."""
    out: dict[str, list[float]] = {}
    for q in plan.queues:
        acc = out.setdefault(q.language, [0.0] * len(q.intervals))
        for i, iv in enumerate(q.intervals):
            acc[i] += iv.agents
    return {k: [v / (1 - plan.shrinkage) for v in vals] for k, vals in out.items()}


def legal_rules(rules: ShiftRules, book: PriceBook) -> ShiftRules:
    """The rules within the law: a tour repeats every week, so Labour Law art. 57 (shift workers at most
    ``labour.shift_max_hours_4_weeks`` hours in four consecutive weeks) caps its weekly hours at a quarter of it."""
    cap = float(book.labour.shift_max_hours_4_weeks) / 4
    if rules.max_weekly_hours <= cap:
        return rules
    if min(rules.lengths_hours) > cap:
        raise InputError(
            "the shift rules break Labour Law art. 57",
            [f"shifts.lengths_hours: the shortest shift ({min(rules.lengths_hours):g} h) is longer than the "
             f"{cap:g} hours a week art. 57 allows ({book.labour.shift_max_hours_4_weeks} h in 4 weeks)"],
        )  # fmt: skip
    return rules.model_copy(update={"max_weekly_hours": cap})


def plan_shifts(
    req: Any,
    plan: StaffingPlan,
    premiums: Mapping[str, float] | None = None,
    time_limit_s: float | None = None,
    *,
    book: PriceBook,
    node_limit: int | None = None,
) -> ShiftsResult:
    """Roster every language queue of a staffing plan with the requirements' shift rules and the labour
    facts of ``book`` (night window, rest days, holidays, on the agents' clock ``book.labour.timezone``).

    ``premiums`` (default: the book's night, Friday and holiday rates) weigh the hours in the objective.
    ``time_limit_s`` (default: the rules' ``time_limit_seconds``) is the budget for the whole plan,
    shared equally by the queues that have demand. ``node_limit`` bounds each queue's branch and bound by
    nodes instead (a budget that does not depend on the machine's speed or load).
    """
    rules = legal_rules(getattr(req, "shifts", None) or ShiftRules(), book)
    if premiums is None:
        p = book.premiums
        premiums = {"night": float(p.night), "friday": float(p.friday), "holiday": float(p.holiday)}
    if rules.part_time is not None and getattr(book, "part_time", None) is None:
        raise InputError(
            "part-time tours need the price book's part-time wage",
            [f"shifts.part_time: price book {book.name} has no part_time section (hourly wage and loads)"],
        )
    # the full-time contract's week (the requirements' FTE week, the law's 44 h by default) is paid whole and is
    # the most a full-time tour works
    week = float(getattr(getattr(req, "staffing", None), "hours_per_fte_week", None) or book.labour.hours_per_week)
    week = min(week, float(book.labour.hours_per_week))
    if rules.max_weekly_hours > week:
        rules = rules.model_copy(update={"max_weekly_hours": week})
    shift = clock_shift_minutes(req.service.timezone, book.labour.timezone, book.as_of)
    demands = {k: d for k, d in queue_demand(plan).items() if any(v > 1e-9 for v in d)}
    budget = rules.time_limit_seconds if time_limit_s is None else time_limit_s
    per_queue = budget / max(1, len(demands))
    nodes = NODES if node_limit is None else node_limit
    fixed = (plan.interval_minutes, rules.model_dump_json(), book.labour.model_dump_json(),
             tuple(sorted(premiums.items())), shift, per_queue, nodes, week)  # fmt: skip
    solved = []
    with progress.step("shifts", total=len(demands)) as advance:  # seconds a queue on a 24/7 case
        for name, d in demands.items():
            solved.append(_solve_cached(tuple(_need(d, plan.interval_minutes)), name, fixed))
            advance(1)
    queues = tuple(solved)
    return ShiftsResult(interval_minutes=plan.interval_minutes, queues=queues, totals=_totals(queues))


@lru_cache(maxsize=64)
def _solve_cached(need: tuple[int, ...], queue: str, fixed: tuple[Any, ...]) -> ShiftPlan:
    """:func:`solve_shifts` remembered by its whole input (the roster is deterministic and immutable): the
    scenarios, the workbook and re-quotes of the same requirements do not solve it again."""
    interval, rules, labour, premiums, shift, seconds, nodes, week = fixed
    return solve_shifts(need, interval_minutes=interval, rules=ShiftRules.model_validate_json(rules),
                        premiums=dict(premiums), labour=Labour.model_validate_json(labour), clock_shift=shift,
                        queue=queue, time_limit_s=seconds, node_limit=nodes, paid_week_hours=week)  # fmt: skip


def _totals(queues: Sequence[ShiftPlan]) -> dict[str, float]:
    """The queues' sums; the gap is the queues' weighted by their paid hours (and the largest one)."""
    keys = ("headcount", "required_hours_week", "paid_hours_week", "normal_hours_week", "night_hours_week",
            "friday_hours_week", "holiday_hours_week", "lp_bound_hours", "rest_night_hours_week",
            "holiday_night_hours_week", "worked_hours_week", "part_time_hours_week", "part_time_headcount")  # fmt: skip
    totals: dict[str, float] = {k: sum(getattr(q, k) for q in queues) for k in keys}
    paid = totals["paid_hours_week"]
    totals["efficiency"] = totals["required_hours_week"] / paid if paid else 1
    totals["mip_gap"] = sum(q.mip_gap * q.paid_hours_week for q in queues) / paid if paid else 0.0
    totals["mip_gap_max"] = max((q.mip_gap for q in queues), default=0.0)
    totals["solve_seconds"] = sum(q.solve_seconds for q in queues)
    return totals
