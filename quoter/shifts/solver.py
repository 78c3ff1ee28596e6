"""Shift planning: cover every interval's agents with whole weekly tours at the least paid cost.

A *tour* is one person's week: a start time, a shift length and a block of consecutive working
days (the days off are consecutive too), with at most ``max_weekly_hours``. The integer program

    minimise   sum_tours cost(tour) * x_tour
    subject to sum_{tours covering i} x_tour >= demand_i   for every interval i of the week
               x_tour >= 0, integer

is solved with HiGHS through ``scipy.optimize.milp``. A tour's cost is its paid hours weighted by
the premiums: an hour costs 1, plus ``night`` in the night window, plus ``friday`` on rest days,
so the solver prefers plans with fewer premium hours. The week is cyclic: a Friday night shift
runs into Saturday morning.

The demand and the tours are on the service's clock (the requirements' ``service.timezone``); the
night window, the rest days and the holidays are the price book's ``labour`` facts, on the agents'
clock (``labour.timezone``): each interval is moved by the offset between the two clocks
(:func:`quoter.calendar.clock_shift_minutes`, on the book's as-of date) before it is classed, as the
interval estimate of :mod:`quoter.pricing.usage` does. Why HiGHS via scipy, and the measured comparison with OR-Tools:
docs/shifts.md.

Demand is agents on shift: required agents / (1 - shrinkage), rounded up. Breaks are part of
shrinkage, so a shift covers every interval from its start to its end. Queues of the same
language (or pool) are rostered together: agents are blended across voice, chat, email and
outbound within a language queue, which is how small accounts are run.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from quoter.calendar import DAYS, DAYS_PER_YEAR, MINUTES_PER_DAY, MINUTES_PER_WEEK, clock_shift_minutes, format_time
from quoter.errors import DomainError, InfeasibleError, InputError
from quoter.inputs.pricebook import Labour, PriceBook
from quoter.shifts.rules import ShiftRules
from quoter.staffing.result import StaffingPlan

DEFAULT_PREMIUMS: dict[str, float] = {"night": 0.35, "friday": 0.40, "holiday": 0.40}
PERSON_HOURS = 2.0  # per-head overhead in the objective, in paid-hour equivalents (supervision, hiring)
DEFAULT_LABOUR = Labour.model_construct()
"""The ``labour`` fields' own defaults (night 22:00-06:00, Friday rest, no holidays) for a bare demand curve;
quotes and the CLI pass their price book's ``labour``."""


@dataclass(frozen=True)
class Shift:
    start: str  # "HH:MM"
    length_hours: float
    days: tuple[str, ...]  # working days, e.g. ("sat", "sun", "mon", "tue", "wed")
    people: int


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
    shifts: tuple[Shift, ...]
    status: str  # optimal (within mip_gap) | time_limit (best found) | heuristic (LP rounding only) | skipped
    mip_gap: float
    lp_bound_hours: float  # paid hours of the LP relaxation (a lower bound on any roster)
    solve_seconds: float
    notes: tuple[str, ...] = ()
    rest_night_hours_week: float = 0.0  # night hours on a rest day (in both night and friday)
    holiday_night_hours_week: float = 0.0  # night hours expected on holidays (in both night and holiday)

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
    solver: str = "HiGHS (scipy.optimize.milp)"

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


@dataclass(frozen=True)
class _Tour:
    start_min: int
    length_min: int
    first_day: int
    days: int


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


def _tours(rules: ShiftRules, interval_minutes: int) -> list[_Tour]:
    step = max(rules.start_step_minutes, interval_minutes)
    step -= step % interval_minutes
    lo, hi = rules.minutes(rules.earliest_start), rules.minutes(rules.latest_start)
    starts = [s for s in range(0, 1440, step) if lo <= s <= hi]
    out = []
    for length in sorted(set(rules.lengths_hours)):
        length_min = round(length * 60 / interval_minutes) * interval_minutes
        if length_min <= 0:
            continue
        days = rules.days_for(length)
        for s in starts:
            for d in range(7):
                out.append(_Tour(s, length_min, d, days))
    return out


def _round_cover(a: Any, need: Any, cost: Any, x_lp: Any) -> Any:
    """A whole-tour cover from an LP solution: round down, add the tours that cover the most
    still-short intervals per unit of cost until nothing is short, then drop tours nobody needs."""
    import numpy as np

    x = np.floor(np.asarray(x_lp) + 1e-9).astype(int)
    at = a.T.tocsr()
    short = need - a @ x
    while (short > 1e-9).any():
        gain = at @ (short > 1e-9).astype(float)
        j = int(np.argmax(gain / cost))
        x[j] += 1
        short = need - a @ x
    cover = a @ x
    for j in np.argsort(-cost):  # prune: dearest tours first
        while x[j] > 0:
            col = a[:, [j]].toarray().ravel()
            if np.all(cover - col >= need - 1e-9):
                x[j] -= 1
                cover = cover - col
            else:
                break
    return x


def _covered(t: _Tour, interval_minutes: int, n: int) -> list[int]:
    per_day = 1440 // interval_minutes
    first = t.start_min // interval_minutes
    k = t.length_min // interval_minutes
    cells: list[int] = []
    for day in range(t.first_day, t.first_day + t.days):
        base = (day % 7) * per_day + first
        cells.extend((base + j) % n for j in range(k))
    return cells


@dataclass(frozen=True)
class _Cover:
    """One queue's covering problem: the tours, the intervals-by-tours coverage matrix, the demand, and each
    tour's objective cost and paid hours."""

    tours: list[_Tour]
    a: Any
    demand: tuple[int, ...]  # whole agents per interval
    need: Any  # the demand as a float array
    cost: Any
    hours: Any

    def constraint(self) -> Any:
        """Every interval covered by at least its demand."""
        import numpy as np
        from scipy.optimize import LinearConstraint

        return LinearConstraint(self.a, lb=self.need, ub=np.inf)


@dataclass(frozen=True)
class _Solution:
    """A solved cover: people per tour, how it was found, its gap to the best bound, the solve's seconds."""

    x: Any  # people per tour
    status: str
    source: str
    gap: float
    seconds: float


def _need(demand: Sequence[float], interval_minutes: int) -> list[int]:
    """Whole agents to cover per interval; the demand must be one week of ``interval_minutes`` intervals."""
    n = len(demand)
    if n != 7 * 1440 // interval_minutes:
        raise DomainError(f"demand has {n} intervals, not a week of {interval_minutes}-minute intervals")
    return [max(0, math.ceil(d - 1e-9)) for d in demand]


def _check_coverable(cells: list[list[int]], need: list[int], rules: ShiftRules, interval_minutes: int) -> None:
    """Raise :class:`InfeasibleError` at the first interval with demand that no allowed tour is on duty in."""
    covers = set().union(*map(set, cells)) if cells else set()
    uncovered = [i for i in range(len(need)) if need[i] and i not in covers]
    if uncovered:
        day, minute = DAYS[uncovered[0] // (1440 // interval_minutes)], (uncovered[0] % (1440 // interval_minutes))
        hhmm = format_time(minute * interval_minutes)
        raise InfeasibleError(
            f"shift rules cannot cover {day} {hhmm}: no allowed shift (lengths {rules.lengths_hours}, starts "
            f"{rules.earliest_start}-{rules.latest_start} every {rules.start_step_minutes} min) is on duty then"
        )


def _build_cover(
    need: list[int], rules: ShiftRules, interval_minutes: int, prem: Mapping[str, float], kinds: _Kinds
) -> _Cover:
    """The tour set and its coverage matrix, with each tour's premium-weighted cost and paid hours."""
    import numpy as np
    from scipy.sparse import csc_array

    n, h = len(need), interval_minutes / 60
    night, friday = kinds
    tours = _tours(rules, interval_minutes)
    cells = [_covered(t, interval_minutes, n) for t in tours]
    _check_coverable(cells, need, rules, interval_minutes)
    rate = [1 + prem["night"] * night[i] + prem["friday"] * friday[i] for i in range(n)]
    # a small cost per person (PERSON_HOURS paid hours) prefers full tours when hours tie
    cost = np.array([h * sum(rate[i] for i in c) + PERSON_HOURS for c in cells])
    rows = np.concatenate([np.array(c) for c in cells])
    cols = np.concatenate([np.full(len(c), j) for j, c in enumerate(cells)])
    a = csc_array((np.ones(len(rows)), (rows, cols)), shape=(n, len(tours)))
    hours = np.array([h * len(c) for c in cells])
    return _Cover(tours, a, tuple(need), np.array(need, dtype=float), cost, hours)


def _lp_bound_hours(c: _Cover) -> float:
    """Paid hours of the LP relaxation that minimises hours alone: a true lower bound on any roster."""
    import numpy as np
    from scipy.optimize import Bounds, milp

    lp = milp(c.hours, constraints=c.constraint(), bounds=Bounds(0, np.inf), integrality=np.zeros(len(c.tours)))
    return float(lp.fun) if lp.x is not None else 0.0


def _lp_rounding(c: _Cover) -> tuple[Any, float]:
    """The deterministic plan: the cost LP rounded (down, then greedy repair, then pruning), and the LP's cost
    (a lower bound)."""
    import numpy as np
    from scipy.optimize import Bounds, milp

    lp_cost = milp(c.cost, constraints=c.constraint(), bounds=Bounds(0, np.inf), integrality=np.zeros(len(c.tours)))
    return _round_cover(c.a, c.need, c.cost, lp_cost.x), float(lp_cost.fun)


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


def _solve_milp(
    c: _Cover, x: Any, lower: float, limit: float, mip_gap: float, node_limit: int | None = None
) -> tuple[Any, float, str, str]:
    """HiGHS's MILP within ``limit`` s: its plan replaces ``x`` if no dearer and covering; its dual bound raises
    ``lower``. Returns (plan, lower bound, status, plan's source)."""
    import numpy as np
    from scipy.optimize import Bounds, milp

    status, source = "heuristic", "LP rounding"
    if limit > 0:
        res = _interruptible(milp, c.cost, constraints=c.constraint(), bounds=Bounds(0, np.inf),
                             integrality=np.ones(len(c.tours)),
                   options={"time_limit": limit, "mip_rel_gap": mip_gap,
                            **({"node_limit": node_limit} if node_limit is not None else {})})  # fmt: skip
        if res.x is not None:
            lower = max(lower, float(getattr(res, "mip_dual_bound", lower) or lower))
            x_mip = np.round(res.x).astype(int)
            if c.cost @ x_mip <= c.cost @ x and np.all(c.a @ x_mip >= c.need):
                x, source = x_mip, "HiGHS MILP"
        status = "optimal" if res.status == 0 else "time_limit"
    return x, lower, status, source


def _solve(c: _Cover, limit: float, mip_gap: float, node_limit: int | None = None) -> _Solution:
    """The timed solve: the LP-rounding plan, then the MILP within ``limit`` s; the gap to the best bound."""
    t0 = time.perf_counter()
    x, lower = _lp_rounding(c)
    x, lower, status, source = _solve_milp(c, x, lower, limit, mip_gap, node_limit)
    elapsed = time.perf_counter() - t0
    total = c.cost @ x
    gap = max(0.0, float(total - lower) / float(total)) if total > 0 else 0.0
    if gap <= mip_gap:
        status = "optimal"
    return _Solution(x, status, source, gap, elapsed)


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


def _shift_list(tours: list[_Tour], x: Any) -> tuple[Shift, ...]:
    """The tours with people on them, as shifts."""
    import numpy as np

    return tuple(
        Shift(
            start=format_time(tours[j].start_min),
            length_hours=tours[j].length_min / 60,
            days=tuple(DAYS[(tours[j].first_day + k) % 7] for k in range(tours[j].days)),
            people=int(x[j]),
        )
        for j in np.flatnonzero(x)
    )


def _read_plan(
    queue: str, c: _Cover, sol: _Solution, kinds: _Kinds, h: float, holiday_share: float, lp_hours: float, limit: float
) -> ShiftPlan:
    """The roster of a solved cover: headcount, coverage, paid hours and their kinds, shifts, status and notes."""
    need, x = c.demand, sol.x
    coverage = c.a @ x
    if any(coverage[i] < need[i] for i in range(len(need))):  # pragma: no cover - would be a bug in the rounding
        raise InfeasibleError(f"the plan for queue {queue} under-covers the demand")
    paid = float(c.hours @ x)
    required = sum(need) * h
    normal_h, night_h, friday_h, holiday_h, rest_night_h, holiday_night_h = _hours_by_kind(
        coverage, paid, kinds, h, holiday_share
    )
    notes = [f"plan from {sol.source}; cost within {sol.gap:.1%} of the best possible (the solver's bound)"]
    if sol.status == "time_limit":
        notes.append(f"the solver stopped at its {limit:g} s time limit; this is the best plan found")
    return ShiftPlan(
        queue=queue,
        headcount=int(x.sum()),
        required_hours_week=required,
        paid_hours_week=paid,
        normal_hours_week=normal_h,
        night_hours_week=night_h,
        friday_hours_week=friday_h,
        holiday_hours_week=holiday_h,
        efficiency=required / paid if paid else 1.0,
        demand=need,
        coverage=tuple(int(v) for v in coverage),
        shifts=_shift_list(c.tours, x),
        status=sol.status,
        mip_gap=sol.gap,
        lp_bound_hours=lp_hours,
        solve_seconds=sol.seconds,
        notes=tuple(notes),
        rest_night_hours_week=rest_night_h,
        holiday_night_hours_week=holiday_night_h,
    )


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
) -> ShiftPlan:
    """Cover ``demand`` (agents on shift per interval, Saturday 00:00 first) with weekly tours.

    ``labour`` (a price book's; default :data:`DEFAULT_LABOUR`) says which hours are night, rest-day and
    holiday hours, on the agents' clock, which is ``clock_shift`` minutes ahead of the demand's.
    """
    rules = rules or ShiftRules()
    labour = DEFAULT_LABOUR if labour is None else labour
    prem = {**DEFAULT_PREMIUMS, **(premiums or {})}
    need = _need(demand, interval_minutes)
    n = len(need)
    h = interval_minutes / 60
    kinds = _hour_kinds(n, interval_minutes, labour, clock_shift)
    holiday_share = labour.holidays_per_year / float(DAYS_PER_YEAR)
    if not any(need):
        return ShiftPlan(queue, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, tuple(need), (0,) * n, (), "skipped",
                         0.0, 0.0, 0.0, ("no demand",))  # fmt: skip
    cover = _build_cover(need, rules, interval_minutes, prem, kinds)
    lp_hours = _lp_bound_hours(cover)
    limit = rules.time_limit_seconds if time_limit_s is None else time_limit_s
    sol = _solve(cover, limit, rules.mip_gap, node_limit)
    return _read_plan(queue, cover, sol, kinds, h, holiday_share, lp_hours, limit)


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
    shift = clock_shift_minutes(req.service.timezone, book.labour.timezone, book.as_of)
    demands = {k: d for k, d in queue_demand(plan).items() if any(v > 1e-9 for v in d)}
    budget = rules.time_limit_seconds if time_limit_s is None else time_limit_s
    per_queue = budget / max(1, len(demands))
    queues = tuple(
        solve_shifts(d, interval_minutes=plan.interval_minutes, rules=rules, premiums=premiums, labour=book.labour,
                     clock_shift=shift, queue=name, time_limit_s=per_queue, node_limit=node_limit)
        for name, d in demands.items()
    )  # fmt: skip
    keys = ("headcount", "required_hours_week", "paid_hours_week", "normal_hours_week", "night_hours_week",
            "friday_hours_week", "holiday_hours_week", "lp_bound_hours", "rest_night_hours_week",
            "holiday_night_hours_week")  # fmt: skip
    totals: dict[str, float] = {k: sum(getattr(q, k) for q in queues) for k in keys}
    totals["efficiency"] = totals["required_hours_week"] / totals["paid_hours_week"] if totals["paid_hours_week"] else 1
    totals["mip_gap"] = max((q.mip_gap for q in queues), default=0.0)
    totals["solve_seconds"] = sum(q.solve_seconds for q in queues)
    return ShiftsResult(interval_minutes=plan.interval_minutes, queues=queues, totals=totals)
