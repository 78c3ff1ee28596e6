"""Shift planning: coverage never short, textbook results, premiums, and clear errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoter.errors import InfeasibleError, InputError
from quoter.inputs.requirements import load_requirements
from quoter.shifts.rules import ShiftRules
from quoter.shifts.solver import plan_shifts, solve_shifts
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

H60 = 7 * 24  # hourly intervals in a week


def test_flat_24x7_with_8_hour_shifts_needs_3n_shifts_a_day():
    n = 5  # 3 x 5 x 7 = 105 shift-days: exactly 21 five-day tours
    plan = solve_shifts([n] * H60, interval_minutes=60, rules=ShiftRules(lengths_hours=[8]))
    per_day = dict.fromkeys(("sat", "sun", "mon", "tue", "wed", "thu", "fri"), 0)
    for s in plan.shifts:
        for d in s.days:
            per_day[d] += s.people
    assert set(per_day.values()) == {3 * n}
    assert plan.coverage == plan.demand  # no over-coverage at all
    assert plan.headcount == 21  # 5-day tours (8 h x 5 = 40 h <= 44 h)
    assert plan.paid_hours_week == pytest.approx(n * 168)
    assert plan.efficiency == pytest.approx(1.0)
    assert plan.night_hours_week == pytest.approx(n * 8 * 7)  # 22:00-06:00 every day
    assert plan.friday_hours_week == pytest.approx(n * 24)
    assert plan.status == "optimal"


def _business_demand(n=5):
    return [n if 8 <= (i % 24) < 20 and i // 24 < 6 else 0 for i in range(H60)]


def test_business_hours_line_has_no_night_or_friday_hours():
    plan = solve_shifts(_business_demand(), interval_minutes=60)
    assert plan.night_hours_week == 0 and plan.friday_hours_week == 0
    assert all(c >= d for c, d in zip(plan.coverage, plan.demand, strict=True))


def test_headcount_rises_when_max_weekly_hours_fall():
    demand = _business_demand(6)
    long_week = solve_shifts(demand, interval_minutes=60, rules=ShiftRules(lengths_hours=[6, 8], max_weekly_hours=44))
    short_week = solve_shifts(demand, interval_minutes=60, rules=ShiftRules(lengths_hours=[6, 8], max_weekly_hours=24))
    assert short_week.headcount > long_week.headcount


def test_night_premium_steers_the_plan_but_never_below_demand():
    demand = [3] * H60
    plan = solve_shifts(demand, interval_minutes=60, premiums={"night": 1.0})
    assert min(c - d for c, d in zip(plan.coverage, plan.demand, strict=True)) >= 0


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=0, max_value=6), min_size=24, max_size=24), st.integers(0, 6))
def test_coverage_never_below_demand(day_shape, closed_day):
    demand = [0 if d == closed_day else day_shape[h] for d in range(7) for h in range(24)]
    plan = solve_shifts(demand, interval_minutes=60, rules=ShiftRules(time_limit_seconds=0.5))
    assert all(c >= d for c, d in zip(plan.coverage, plan.demand, strict=True))
    assert plan.paid_hours_week >= plan.lp_bound_hours - 1e-6
    if any(demand):
        assert plan.headcount > 0


def test_rules_that_cannot_cover_the_hours_are_infeasible():
    rules = ShiftRules(lengths_hours=[8], earliest_start="08:00", latest_start="08:00")
    with pytest.raises(InfeasibleError, match="shift rules cannot cover sat 00:00"):
        solve_shifts([1] * H60, interval_minutes=60, rules=rules)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ("shifts: {lengths_hours: [8], max_weekly_hours: 6}", "max_weekly_hours 6 is below the shortest shift"),
        ("shifts: {night_window: '22-06'}", "shifts.night_window: '22-06' is not a window like '22:00-06:00'"),
        ("shifts: {rest_days: [friday]}", "shifts.rest_days: friday: not a day"),
        ("shifts: {lenghts_hours: [8]}", "shifts.lenghts_hours: unknown key; did you mean 'lengths_hours'?"),
    ],
)
def test_bad_rules_name_the_rule(write_yaml, minimal_yaml, rules, message):
    with pytest.raises(InputError) as exc:
        load_requirements(write_yaml(minimal_yaml + rules + "\n"))
    assert message in str(exc.value)


def test_plan_shifts_on_an_example_and_json_round_trip():
    req = load_requirements(ROOT / "examples/survey-outbound.yaml")
    result = plan_shifts(req, plan_staffing(req), time_limit_s=3)
    (q,) = result.queues  # voice and outbound in Persian are one blended roster
    assert all(c >= d for c, d in zip(q.coverage, q.demand, strict=True))
    assert q.night_hours_week == 0
    d = json.loads(json.dumps(result.to_dict()))
    assert d["totals"]["headcount"] == q.headcount
    split = result.paid_hours_week
    assert sum(split.values()) == pytest.approx(q.paid_hours_week)


def test_cli_shifts_with_chart(tmp_path, capsys):
    from quoter.cli import main

    chart = tmp_path / "coverage.png"
    with pytest.raises(SystemExit) as exc:
        main(["shifts", str(ROOT / "examples/bank-sat-thu.yaml"), "--chart", str(chart), "--time-limit", "3"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert "Shifts of queue fa:" in out and "LP lower bound" in out
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_shifts_bad_chart_suffix_writes_nothing(tmp_path, capsys):
    from quoter.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["shifts", str(ROOT / "examples/bank-sat-thu.yaml"), "--chart", str(tmp_path / "c.pdf")])
    assert exc.value.code == 1
    assert "must end in .png or .svg" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_lp_rounding_alone_is_a_deterministic_cover():
    demand = [0 if d == 6 else [1, 1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 7, 6, 6, 6, 7, 8, 8, 7, 5, 3, 2, 1][h]
              for d in range(7) for h in range(24)]  # fmt: skip
    first = solve_shifts(demand, interval_minutes=60, time_limit_s=0)
    second = solve_shifts(demand, interval_minutes=60, time_limit_s=0)
    assert first.status in ("heuristic", "optimal")
    assert first.shifts == second.shifts
    assert all(c >= d for c, d in zip(first.coverage, first.demand, strict=True))
    assert first.paid_hours_week >= first.lp_bound_hours - 1e-6
