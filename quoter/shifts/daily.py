"""The roster's first stage: how many shifts of each start and length on each day, and how many people.

Each day of the week gets its own shifts (a start and a length from the rules), so Thursday can be short and
Friday different. People come in *contracts* (full-time, and part-time where the client allows it). The
integer program is

    minimise   sum_k head_cost_k * N_k + sum_s cost_s * y_s
    subject to sum_{s covering i} y_s >= demand_i                 every interval i of the week
               sum_{s of k on day d} y_s <= N_k                     one shift a day per person
               sum_{s of k} y_s <= max_days_k * N_k                 the weekly rest day(s)
               sum_{s of k} hours_s * y_s <= max_week_k * N_k       the weekly maximum (art. 51, art. 57)
               sum_{s of k} hours_s * y_s >= min_week_k * N_k       part-time contracts' least hours
               sum_{s of k on d ending after t} y_s
                 + sum_{s of k on d+1 starting before t + rest} y_s <= N_k   for every hour t (rest)

with y_s, N_k whole numbers. Every constraint holds for any legal roster (the last because nobody can be in
both sums without resting less than ``rest`` between two shifts), so the linear relaxation is a true lower
bound on the cost of every roster the rules allow. A full-time person is paid the full week
(``paid_week``) whatever is worked, so their shifts cost only their premiums (and a trace per hour, so no
shift is added that nobody needs); a part-time person is paid by the hour.

The second stage (:mod:`quoter.shifts.assign`) turns the daily counts into one tour per person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quoter.calendar import MINUTES_PER_DAY, MINUTES_PER_WEEK

TRACE = 0.01  # objective per worked full-time hour: paid anyway, but a shift nobody needs is not added


@dataclass(frozen=True)
class Contract:
    """A kind of tour: its shift lengths, days and weekly hours, and how it is paid."""

    name: str  # full_time | part_time
    lengths_min: tuple[int, ...]
    max_days: int
    max_week_min: int
    min_week_min: int = 0
    paid_week_min: int | None = None  # full-time: paid this whatever is worked; None: paid as worked
    head_cost: float = 0.0  # objective per person, in paid-hour equivalents
    hour_cost: float = TRACE  # objective per worked hour (before premiums)


@dataclass(frozen=True)
class DayShift:
    """One shift on one day: the contract it belongs to, the day (0 = Saturday), start minute, length."""

    contract: int
    day: int
    start: int  # minute of the day
    length: int  # minutes

    @property
    def begin(self) -> int:
        """Minute of the week it starts (it may end in the next day, or after Friday in Saturday)."""
        return self.day * MINUTES_PER_DAY + self.start

    @property
    def end(self) -> int:
        return self.begin + self.length


@dataclass(frozen=True)
class Week:
    """A person's week as a contract and the lengths of its shifts (minutes, longest first); which days they
    fall on is the second stage's choice."""

    contract: int
    lengths: tuple[int, ...]

    @property
    def minutes(self) -> int:
        return sum(self.lengths)


@dataclass(frozen=True)
class Daily:
    """The stage-one program of one queue: columns are the day shifts, then the weeks (people per week)."""

    shifts: tuple[DayShift, ...]
    weeks: tuple[Week, ...]
    contracts: tuple[Contract, ...]
    interval_minutes: int
    need: Any  # whole agents per interval (float array)
    cover: Any  # intervals x columns, 0/1
    rows: Any  # the tour constraints, as rows x columns
    lower: Any  # their bounds (lb <= rows @ x <= ub)
    upper: Any
    cost: Any  # objective per column
    paid_hours: Any  # paid hours per column (full-time weeks: the paid week; part-time shifts: their hours)

    @property
    def n_shifts(self) -> int:
        return len(self.shifts)

    def constraints(self) -> list[Any]:
        import numpy as np
        from scipy.optimize import LinearConstraint

        return [
            LinearConstraint(self.cover, lb=self.need, ub=np.inf),
            LinearConstraint(self.rows, self.lower, self.upper),
        ]


def _maximal(combo: tuple[int, ...], c: Contract, lengths: Sequence[int]) -> bool:
    """Whether no shift of ``combo`` can be lengthened, and no shift added, within the contract's week."""
    room = c.max_week_min - sum(combo)
    if len(combo) < c.max_days and room >= min(lengths):
        return False
    for cur in set(combo):
        longer = [x for x in lengths if x > cur]
        if longer and min(longer) - cur <= room:
            return False
    return True


def weeks(contracts: Sequence[Contract]) -> tuple[Week, ...]:
    """The weeks of each contract: at most ``max_days`` shifts of its lengths, their hours within
    [``min_week``, ``max_week``]. A full-time contract (paid the full week) keeps only its maximal weeks (no
    shift can be lengthened or added): a person may work shorter shifts than their week's, paid the same."""
    from itertools import combinations_with_replacement

    out = []
    for k, c in enumerate(contracts):
        lengths = sorted(set(c.lengths_min))
        for size in range(1, c.max_days + 1):
            for combo in combinations_with_replacement(sorted(lengths, reverse=True), size):
                if not c.min_week_min <= sum(combo) <= c.max_week_min:
                    continue
                if c.paid_week_min is None or _maximal(combo, c, lengths):
                    out.append(Week(k, combo))
    return tuple(out)


def starts(earliest: int, latest: int, step: int, interval_minutes: int) -> list[int]:
    """Start minutes of a day: every ``step`` (a multiple of the interval) within [earliest, latest]."""
    step = max(step, interval_minutes)
    step -= step % interval_minutes
    return [s for s in range(0, MINUTES_PER_DAY, step) if earliest <= s <= latest]


def day_shifts(contracts: Sequence[Contract], start_minutes: Sequence[int]) -> tuple[DayShift, ...]:
    return tuple(
        DayShift(k, d, s, length)
        for k, c in enumerate(contracts)
        for d in range(7)
        for s in start_minutes
        for length in c.lengths_min
    )


def covered(shift: DayShift, interval_minutes: int) -> Any:
    """The intervals (indices into the cyclic week) a shift is on duty in."""
    import numpy as np

    n = MINUTES_PER_WEEK // interval_minutes
    first = shift.begin // interval_minutes
    return (first + np.arange(shift.length // interval_minutes)) % n


def _rest_rows(shifts: Sequence[DayShift], k: int, rest_min: int) -> list[list[int]]:
    """For contract ``k``, each day and each hour t: the shifts of that day ending after t and the next day's
    starting before t + rest (nobody can work one of each)."""
    rows: list[list[int]] = []
    by_day: dict[int, list[int]] = {d: [] for d in range(7)}
    for j, s in enumerate(shifts):
        if s.contract == k:
            by_day[s.day].append(j)
    for d in range(7):
        today, tomorrow = by_day[d], by_day[(d + 1) % 7]
        if not today or not tomorrow:
            continue
        shift_next = MINUTES_PER_WEEK if d == 6 else 0  # Friday's next day is next week's Saturday
        ends = sorted({shifts[j].end for j in today})
        for t in range(ends[0] - ends[0] % 60, ends[-1] + 1, 60):
            late = [j for j in today if shifts[j].end > t]
            early = [j for j in tomorrow if shifts[j].begin + shift_next < t + rest_min]
            if late and early:
                rows.append(late + early)
    return rows


def build(
    need: Sequence[int],
    interval_minutes: int,
    contracts: Sequence[Contract],
    start_minutes: Sequence[int],
    premium_rate: Sequence[float],
    rest_min: int,
) -> Daily:
    """The program for one queue. ``premium_rate[i]`` is the objective's extra weight of a worked hour in
    interval ``i`` (night and rest-day premiums)."""
    import numpy as np
    from scipy.sparse import csr_array

    shifts, wk = day_shifts(contracts, start_minutes), weeks(contracts)
    n, s_count, n_cols = len(need), len(shifts), len(shifts) + len(wk)
    h = interval_minutes / 60
    rate = np.asarray(premium_rate, dtype=float)
    cells = [covered(s, interval_minutes) for s in shifts]
    cols = np.concatenate([np.full(len(c), j) for j, c in enumerate(cells)])
    cover = csr_array((np.ones(len(cols)), (np.concatenate(cells), cols)), shape=(n, n_cols))
    cost, paid = np.zeros(n_cols), np.zeros(n_cols)
    for j, (s, c) in enumerate(zip(shifts, cells, strict=True)):
        ct = contracts[s.contract]
        cost[j] = h * float(rate[c].sum()) + ct.hour_cost * s.length / 60
        paid[j] = 0.0 if ct.paid_week_min is not None else s.length / 60
    for i, w in enumerate(wk):
        ct = contracts[w.contract]
        cost[s_count + i] = ct.head_cost + (ct.paid_week_min or 0) / 60
        paid[s_count + i] = (ct.paid_week_min or 0) / 60
    rows, lower, upper = _tour_rows(shifts, wk, contracts, rest_min)
    matrix = _sparse_rows(rows, n_cols, csr_array)
    return Daily(shifts, wk, tuple(contracts), interval_minutes, np.asarray(need, dtype=float), cover, matrix,
                 np.asarray(lower), np.asarray(upper), cost, paid)  # fmt: skip


def _tour_rows(
    shifts: Sequence[DayShift], wk: Sequence[Week], contracts: Sequence[Contract], rest_min: int
) -> tuple[list[dict[int, float]], list[float], list[float]]:
    """The tour constraints as sparse rows ({column: coefficient}) with their bounds: per contract, one shift a
    day per person, the shifts of each length equal to the weeks' (so the hours and days of every week hold),
    and the rest cuts."""
    inf, s_count = float("inf"), len(shifts)
    rows: list[dict[int, float]] = []
    lower: list[float] = []
    upper: list[float] = []
    for k, ct in enumerate(contracts):
        mine = [j for j, s in enumerate(shifts) if s.contract == k]
        people = {s_count + i: -1.0 for i, w in enumerate(wk) if w.contract == k}
        for d in range(7):
            rows.append({**{j: 1.0 for j in mine if shifts[j].day == d}, **people})
            lower.append(-inf)
            upper.append(0.0)
        for length in sorted(set(ct.lengths_min)):
            if ct.paid_week_min is None:  # paid as worked: the shifts of each length are the weeks' exactly
                uses = {s_count + i: -float(w.lengths.count(length)) for i, w in enumerate(wk) if w.contract == k}
                rows.append({**{j: 1.0 for j in mine if shifts[j].length == length}, **uses})
                lower.append(0.0)
            else:  # paid the week: a shift fits in any of the week's shifts at least as long
                uses = {s_count + i: -float(sum(x >= length for x in w.lengths)) for i, w in enumerate(wk)
                        if w.contract == k}  # fmt: skip
                rows.append({**{j: 1.0 for j in mine if shifts[j].length >= length}, **uses})
                lower.append(-inf)
            upper.append(0.0)
        for r in _rest_rows(shifts, k, rest_min):
            rows.append({**{j: 1.0 for j in r}, **people})
            lower.append(-inf)
            upper.append(0.0)
    return rows, lower, upper


def _sparse_rows(rows: Sequence[dict[int, float]], n_cols: int, csr_array: Any) -> Any:
    import numpy as np

    data, ri, ci = [], [], []
    for i, row in enumerate(rows):
        for j, v in row.items():
            ri.append(i)
            ci.append(j)
            data.append(v)
    return csr_array((np.array(data), (np.array(ri), np.array(ci))), shape=(len(rows), n_cols))


@dataclass(frozen=True)
class DailySolution:
    x: Any  # whole shifts per column, then people per week
    lp_cost: float  # the relaxation's cost: a lower bound on any roster's
    lp_paid_hours: float  # the relaxation minimising paid hours alone: a lower bound on paid hours
    status: str  # optimal | node_limit | time_limit
    mip_gap: float  # HiGHS's own gap on this stage


def _lp(d: Daily, cost: Any) -> Any:
    import numpy as np
    from scipy.optimize import Bounds, milp

    return milp(cost, constraints=d.constraints(), bounds=Bounds(0, np.inf), integrality=np.zeros(len(cost)))


def solve(d: Daily, *, mip_gap: float, node_limit: int | None, time_limit: float, run: Any) -> DailySolution:
    """Both relaxations, then the integer program (within ``node_limit`` nodes: the same answer on every
    machine, and ``time_limit`` seconds as a safety net). ``run`` calls the solver (interruptibly)."""
    import numpy as np
    from scipy.optimize import Bounds, milp

    lp = run(_lp, d, d.cost)
    lp_hours = run(_lp, d, d.paid_hours)
    if lp.x is None:
        from quoter.errors import InfeasibleError

        raise InfeasibleError(f"the shift rules leave no roster for this demand ({lp.message})")
    res = None
    if time_limit > 0:
        options: dict[str, Any] = {"mip_rel_gap": mip_gap, "time_limit": time_limit, "presolve": True}
        if node_limit is not None:
            options["node_limit"] = node_limit
        res = run(milp, d.cost, constraints=d.constraints(), bounds=Bounds(0, np.inf),
                  integrality=np.ones(len(d.cost)), options=options)  # fmt: skip
    if res is None or res.x is None:  # no time, or none found in it: the relaxation rounded up
        return DailySolution(np.ceil(lp.x - 1e-9).astype(int), float(lp.fun), float(lp_hours.fun), "heuristic", 1.0)
    x = np.round(res.x).astype(int)
    status = "optimal" if res.status == 0 else ("time_limit" if "time" in str(res.message).lower() else "node_limit")
    gap = float(getattr(res, "mip_gap", 0.0) or 0.0)
    return DailySolution(x, float(lp.fun), float(lp_hours.fun), status, gap)
