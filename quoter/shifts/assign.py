"""The roster's second stage: one tour per person from the daily shift counts of :mod:`quoter.shifts.daily`.

Deterministic, per contract, starting from stage one's weeks (one person per week):

1. **Days and lengths.** Person by person, an optimal assignment of the week's shifts to the days that need them
   most (a day's shifts of that length still to give out, over the unplanned weeks' shifts of that length, plus a
   weight for days nearly everyone must work); what is left goes into weeks with a spare shift.
2. **Starts, day by day.** The people planned on a day take its shifts by an optimal assignment
   (``scipy.optimize.linear_sum_assignment``): only shifts that leave the minimum rest to the shifts already given
   (the week is cyclic: Friday night runs into Saturday), the planned length first, steady start times; a shift
   nobody can take goes to a new person.
3. **Repair.** While new people remain: rounds that take each day's shifts back and give them out again with every
   other day fixed (each an exact assignment), a swap that makes room in a full week, and finally an exact small
   integer program over the new people and the stage-one people most able to take their shifts.

Two day weights are tried for step 1 while people are missing; the roster with the fewest people is kept. The
stage-one bound then shows what any person still added costs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from quoter.calendar import MINUTES_PER_WEEK
from quoter.shifts.daily import Contract, Daily, DayShift

BIG = 1e9  # not allowed
NEW = 1e7  # a shift given to a new person
DAY_WEIGHTS = (0.5, 1.0)  # tried in turn while people are missing (measured the best two of 0-5 on the examples)
LNS_PEOPLE = 10  # people in the exactly re-solved neighbourhood
LNS_NODES = 200  # its branch-and-bound budget (work, not time: the same roster on every run)
LNS_ROUNDS = 1  # measured: a second round rarely empties another person and can take the whole time limit
EXTRA = 1e4  # a shift given to a person the repair added (more for each later one)


@dataclass
class Person:
    contract: int
    off: set[int] = field(default_factory=set)  # planned days off
    shifts: list[DayShift] = field(default_factory=list)

    @property
    def worked_min(self) -> int:
        return sum(s.length for s in self.shifts)

    def on(self, day: int) -> DayShift | None:
        return next((s for s in self.shifts if s.day == day), None)


def rest_ok(shifts: Sequence[DayShift], new: DayShift, rest_min: int) -> bool:
    """Whether ``new`` keeps at least ``rest_min`` minutes off duty to every shift in ``shifts`` (the week is
    cyclic), and overlaps none."""
    for s in shifts:
        if s.day == new.day:
            return False
        after = (new.begin - s.end) % MINUTES_PER_WEEK  # from the end of s to the start of new
        before = (s.begin - new.end) % MINUTES_PER_WEEK  # from the end of new to the start of s
        if min(after, before) < rest_min or after + before + s.length + new.length != MINUTES_PER_WEEK:
            return False
    return True


def _plan_days(weeks: list[list[int]], counts: dict[tuple[int, int], int], day_weight: float) -> list[dict[int, int]]:
    """Which day each shift of each person's week falls on: person by person, an optimal assignment of the
    week's shifts to days, most wanted first (a day's shifts of a length still to give out, over the
    unplanned weeks' shifts of that length). ``counts`` ((day, length) -> shifts) is used up."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    left = {v: sum(w.count(v) for w in weeks) for w in weeks for v in w}
    plans: list[dict[int, int]] = []
    spares: list[list[int]] = []
    for week in weeks:
        cost = np.zeros((len(week), 7 + len(week)))  # the extra columns: a shift of the week left unused
        persons_left = len(weeks) - len(plans)
        for day in range(7):
            busy = sum(n for (dd, _), n in counts.items() if dd == day) / persons_left  # 1: everyone must work
            for i, v in enumerate(week):
                if counts.get((day, v), 0) > 0:
                    cost[i, day] = -counts[(day, v)] / max(left[v], 1) - day_weight * busy
        plan: dict[int, int] = {}
        spare = []
        for i, day in zip(*linear_sum_assignment(cost), strict=True):
            v = week[i]
            left[v] -= 1
            if day < 7 and counts.get((int(day), v), 0) > 0:
                counts[(int(day), v)] -= 1
                plan[int(day)] = v
            else:
                spare.append(v)
        plans.append(plan)
        spares.append(spare)
    for (day, v), n in sorted(counts.items(), key=lambda kv: -kv[0][1]):  # what is left: into spare shifts
        for plan, spare in zip(plans, spares, strict=True):
            fit = [u for u in spare if u >= v]
            if n and day not in plan and fit:
                spare.remove(min(fit))
                plan[day] = v
                n -= 1
        counts[(day, v)] = n
    return plans


def _start_cost(p: Person, s: DayShift, want: int | None, rest_min: int) -> float:
    """The first pass's cost of ``p`` taking ``s`` on its day, where their plan wants a shift of ``want``."""
    if want is None or not rest_ok(p.shifts, s, rest_min):
        return BIG
    cost = 0.0 if want == s.length else EXTRA / 10  # not the length planned: taken only to avoid a new person
    prev = p.on(s.day - 1)
    if prev is not None:  # steady start times: a planner's and the agents' preference
        moved = abs(s.start - prev.start)
        cost += 0.05 * min(moved, 1440 - moved) / 60
    return cost


def _first_pass(d: Daily, x: Any, k: int, rest_min: int, day_weight: float) -> list[Person]:
    """One person per week of stage one; first which days each works and how long (``_plan_days``), then each
    day's shifts by an optimal assignment with the rest rule; a shift nobody can take goes to a new person."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    weeks = [list(w.lengths) for i, w in enumerate(d.weeks) if w.contract == k for _ in range(int(x[d.n_shifts + i]))]
    counts: dict[tuple[int, int], int] = {}
    for j, s in enumerate(d.shifts):
        if s.contract == k and x[j] > 0:
            counts[(s.day, s.length)] = counts.get((s.day, s.length), 0) + int(x[j])
    plans = _plan_days(weeks, dict(counts), day_weight)
    people = [Person(k) for _ in weeks]
    for day in range(7):
        todays = sorted((s for j, s in enumerate(d.shifts) if s.contract == k and s.day == day
                         for _ in range(int(x[j]))), key=lambda s: (s.start, s.length))  # fmt: skip
        if not todays:
            continue
        rows = [[_start_cost(p, s, plans[r].get(day) if r < len(plans) else None, rest_min) for s in todays]
                for r, p in enumerate(people)]  # fmt: skip
        for r, c in zip(*linear_sum_assignment(np.array(rows + [[NEW] * len(todays) for _ in todays])), strict=True):
            if r < len(people):
                people[r].shifts.append(todays[c])
            else:
                people.append(Person(k, shifts=[todays[c]]))
    return people


def _move_cost(p: Person, rank: int, heads: int, s: DayShift, ct: Contract, rest_min: int) -> float:
    """Cost of ``p`` (``rank`` in the list; the first ``heads`` are stage one's people) taking ``s``, given
    their shifts on the other days (BIG: not allowed)."""
    if len(p.shifts) >= ct.max_days or p.worked_min + s.length > ct.max_week_min:
        return BIG
    if not rest_ok(p.shifts, s, rest_min):
        return BIG
    cost = 0.0 if rank < heads else EXTRA * (1 + rank - heads)  # empty the people the repair added
    for other in (p.on((s.day - 1) % 7), p.on((s.day + 1) % 7)):
        if other is not None:
            moved = abs(s.start - other.start)
            cost += 0.05 * min(moved, 1440 - moved) / 60
    return cost


def _reassign_day(people: list[Person], day: int, heads: int, ct: Contract, rest_min: int, k: int) -> None:
    """Take every shift of ``day`` back and give them out again by an optimal assignment, everyone's other days
    fixed; a shift nobody can take goes to a new person."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    todays = [s for p in people for s in p.shifts if s.day == day]
    if not todays:
        return
    for p in people:
        p.shifts = [s for s in p.shifts if s.day != day]
    costs = np.array(
        [[_move_cost(p, r, heads, s, ct, rest_min) for s in todays] for r, p in enumerate(people)]
        + [[NEW] * len(todays) for _ in todays]
    )
    rows, cols = linear_sum_assignment(costs)
    for r, c in zip(rows, cols, strict=True):
        if r < len(people):
            people[r].shifts.append(todays[c])
        else:
            people.append(Person(k, shifts=[todays[c]]))


def _fits(p: Person, s: DayShift, ct: Contract, rest_min: int, drop: DayShift | None = None) -> bool:
    """Whether ``p`` can work ``s`` (instead of ``drop``, one of their shifts, when given)."""
    shifts = [x for x in p.shifts if x is not drop] if drop is not None else p.shifts
    if len(shifts) >= ct.max_days or sum(x.length for x in shifts) + s.length > ct.max_week_min:
        return False
    return rest_ok(shifts, s, rest_min)


def _swap_room(q: Person, s: DayShift, regulars: Sequence[Person], ct: Contract, rest_min: int) -> bool:
    """Make room in ``q``'s week for ``s`` by swapping one of ``q``'s shifts for a shorter one of another person
    on the same day (both weeks staying legal); True if done (``s`` is then given to ``q``)."""
    excess = q.worked_min + s.length - ct.max_week_min
    for a in sorted(q.shifts, key=lambda x: -x.length):
        if a.length <= excess:
            break
        for r in regulars:
            b = r.on(a.day)
            if r is q or b is None or a.length - b.length < excess:
                continue
            q_after = [x for x in q.shifts if x is not a] + [b]
            if (
                _fits(r, a, ct, rest_min, drop=b)
                and rest_ok(q_after, s, rest_min)
                and rest_ok([x for x in q.shifts if x is not a], b, rest_min)
            ):
                r.shifts = [x for x in r.shifts if x is not b] + [a]
                q.shifts = q_after + [s]
                return True
    return False


def _eject(people: list[Person], heads: int, ct: Contract, rest_min: int) -> list[Person]:
    """Give the shifts of the people the repair added to stage one's people, directly or after one swap that
    makes room; an added person left with no shift is dropped."""
    regulars = people[:heads]
    for extra in people[heads:]:
        for s in list(extra.shifts):
            free = [q for q in regulars if q.on(s.day) is None and rest_ok(q.shifts, s, rest_min)]
            free = [q for q in free if len(q.shifts) < ct.max_days]
            q = next((q for q in free if _fits(q, s, ct, rest_min)), None)
            if q is not None:
                q.shifts.append(s)
            elif not any(_swap_room(q, s, regulars, ct, rest_min) for q in free):
                continue
            extra.shifts.remove(s)
    return [p for p in people if p.shifts]


def _group(people: list[Person], heads: int, size: int) -> list[Person]:
    """The people the repair added, and the stage-one people most able to take their shifts (free on most of
    those days, then the fewest hours worked), ``size`` in all."""
    extras = people[heads:]
    days = {s.day for e in extras for s in e.shifts}
    ranked = sorted(range(heads), key=lambda i: (-sum(people[i].on(d) is None for d in days), people[i].worked_min, i))
    return [people[i] for i in ranked[: max(0, size - len(extras))]] + extras


def _lns_rows(group: Sequence[Person], shifts: Sequence[DayShift], ct: Contract, rest_min: int, extras: int) -> Any:
    """The small program's rows: (matrix, lower, upper) over a[p, s] (person p works shift s) and u_e (added
    person e still used)."""
    import numpy as np
    from scipy.sparse import coo_array

    n_p, n_s = len(group), len(shifts)
    n_cols = n_p * n_s + extras
    rows: list[tuple[list[int], list[float], float, float]] = []
    for j in range(n_s):  # every shift worked by one person
        rows.append(([p * n_s + j for p in range(n_p)], [1.0] * n_p, 1.0, 1.0))
    clash = {j: [i for i, t in enumerate(shifts) if t.day == (sh.day + 1) % 7 and not rest_ok([sh], t, rest_min)]
             for j, sh in enumerate(shifts)}  # fmt: skip
    for p in range(n_p):
        base = p * n_s
        for day in range(7):
            on = [base + j for j, sh in enumerate(shifts) if sh.day == day]
            if len(on) > 1:
                rows.append((on, [1.0] * len(on), -np.inf, 1.0))
        rows.append(([base + j for j in range(n_s)], [sh.length / 60 for sh in shifts], -np.inf, ct.max_week_min / 60))
        rows.append(([base + j for j in range(n_s)], [1.0] * n_s, -np.inf, float(ct.max_days)))
        for j, others in clash.items():
            if others:
                rows.append(([base + j] + [base + i for i in others], [1.0] * (1 + len(others)), -np.inf, 1.0))
        e = p - (n_p - extras)
        if e >= 0:  # an added person's shifts need them kept
            for j in range(n_s):
                rows.append(([base + j, n_p * n_s + e], [1.0, -1.0], -np.inf, 0.0))
    ri = [i for i, (cols, _, _, _) in enumerate(rows) for _ in cols]
    ci = [c for cols, _, _, _ in rows for c in cols]
    data = [v for _, vals, _, _ in rows for v in vals]
    matrix = coo_array((data, (ri, ci)), shape=(len(rows), n_cols)).tocsr()
    return matrix, np.array([r[2] for r in rows]), np.array([r[3] for r in rows])


def _lns(people: list[Person], heads: int, ct: Contract, rest_min: int, run: Any) -> list[Person]:
    """Re-solve exactly, as a small integer program (HiGHS, a node budget), the weeks of the people the repair
    added together with the stage-one people most able to take their shifts: the fewest added people kept. The
    result is taken only if every week it gives passes the full rest check."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    group = _group(people, heads, LNS_PEOPLE)
    extras = len(people) - heads
    shifts = [s for p in group for s in p.shifts]
    matrix, lower, upper = _lns_rows(group, shifts, ct, rest_min, extras)
    n_p, n_s = len(group), len(shifts)
    cost = np.concatenate([np.zeros(n_p * n_s), 1.0 + np.arange(extras) / (extras + 1)])
    res = run(milp, cost, constraints=LinearConstraint(matrix, lower, upper), bounds=Bounds(0, 1),
               integrality=np.ones(len(cost)), options={"node_limit": LNS_NODES, "time_limit": 10.0})  # fmt: skip
    if res.x is None:
        return people
    a = np.round(res.x[: n_p * n_s]).reshape(n_p, n_s)
    weeks = [[shifts[j] for j in np.flatnonzero(a[p])] for p in range(n_p)]
    if not all(all(rest_ok([t for t in w if t is not s], s, rest_min) for s in w) for w in weeks):
        return people
    for p, w in zip(group, weeks, strict=True):
        p.shifts = w
    return [p for p in people if p.shifts]


def _roster(d: Daily, x: Any, k: int, rest_min: int, day_weight: float, rounds: int) -> list[Person]:
    """Contract ``k``'s people: the first pass, then rounds of re-assigning each day with all other days fixed
    (each an exact assignment) while the repair's people remain, then the ejection of what is left."""
    ct = d.contracts[k]
    heads = sum(int(x[d.n_shifts + i]) for i, w in enumerate(d.weeks) if w.contract == k)
    people = _first_pass(d, x, k, rest_min, day_weight)
    for _ in range(rounds):
        if len(people) <= heads:
            break
        before = len(people)
        for day in range(7):
            _reassign_day(people, day, heads, ct, rest_min, k)
            people = [p for p in people if p.shifts]
        if len(people) >= before:
            break
    return _eject(people, heads, ct, rest_min)


def _improve(people: list[Person], heads: int, ct: Contract, rest_min: int, run: Any) -> list[Person]:
    """Rounds of the exact neighbourhood re-solve while they empty added people."""
    for _ in range(LNS_ROUNDS):
        if len(people) <= heads:
            break
        before = len(people)
        people = _lns(people, heads, ct, rest_min, run)
        if len(people) >= before:
            break
    return people


def assign(d: Daily, x: Any, rest_min: int, rounds: int = 6, run: Any = None) -> list[Person]:
    """Everyone's tour for the stage-one solution ``x``: per contract, the roster of each day weight in
    :data:`DAY_WEIGHTS` until one needs no one more than stage one; the one with the fewest people is kept, then
    improved exactly where people are still added. ``run`` calls the integer solver (interruptibly)."""
    run = run or (lambda fn, *args, **kwargs: fn(*args, **kwargs))
    out: list[Person] = []
    for k in range(len(d.contracts)):
        heads = sum(int(x[d.n_shifts + i]) for i, w in enumerate(d.weeks) if w.contract == k)
        best: list[Person] | None = None
        for weight in DAY_WEIGHTS:
            people = _roster(d, x, k, rest_min, weight, rounds)
            if best is None or len(people) < len(best):
                best = people
            if len(best) <= heads:
                break
        best = _improve(best or [], heads, d.contracts[k], rest_min, run)
        for p in best or []:
            p.shifts.sort(key=lambda s: s.day)
            p.off = set(range(7)) - {s.day for s in p.shifts}
        out.extend(best or [])
    return out


def paid_minutes(p: Person, ct: Contract) -> int:
    """A person's paid minutes a week: the full week for full-time, the hours worked (at least the contract's
    guaranteed least) for part-time."""
    if ct.paid_week_min is not None:
        return ct.paid_week_min
    return max(p.worked_min, ct.min_week_min)
