"""Shift planning: coverage never short, textbook results, premiums, and clear errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoter.errors import InfeasibleError, InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.shifts.rules import ShiftRules
from quoter.shifts.solver import plan_shifts, queue_demand, solve_shifts
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

H60 = 7 * 24  # hourly intervals in a week
IR = load_price_book("ir-1405")


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
    assert plan.worked_hours_week == pytest.approx(n * 168)
    assert plan.paid_hours_week == pytest.approx(21 * 44)  # full-time: paid the full week whatever is rostered
    assert plan.efficiency == pytest.approx(840 / 924)
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
        # the labour facts live in the price book's labour section now (tests/test_pricebook.py)
        ("shifts: {night_window: '22:00-06:00'}", "shifts.night_window: unknown key"),
        ("shifts: {rest_days: [fri]}", "shifts.rest_days: unknown key"),
        ("shifts: {holidays_per_year: 26}", "shifts.holidays_per_year: unknown key"),
        ("shifts: {lenghts_hours: [8]}", "shifts.lenghts_hours: unknown key; did you mean 'lengths_hours'?"),
    ],
)
def test_bad_rules_name_the_rule(write_yaml, minimal_yaml, rules, message):
    with pytest.raises(InputError) as exc:
        load_requirements(write_yaml(minimal_yaml + rules + "\n"))
    assert message in str(exc.value)


def test_plan_shifts_on_an_example_and_json_round_trip():
    req = load_requirements(ROOT / "examples/survey-outbound.yaml")
    result = plan_shifts(req, plan_staffing(req), time_limit_s=3, book=IR)
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


# ---------------------------------------------------------------- labour facts from the price book
def _req(tz: str, intraday, hours="24/7", text=None):
    import yaml

    from quoter.inputs.requirements import Requirements

    from .conftest import MINIMAL

    data = yaml.safe_load(text or MINIMAL)
    data["service"].update(timezone=tz, hours=hours)
    data["channels"]["voice"]["profile"] = {"intraday": intraday}
    return Requirements.model_validate(data)


def _share(plan_hours, paid):
    return float(plan_hours) / float(paid)


def test_night_and_rest_days_are_on_the_agents_clock_in_plan_and_estimate():
    """A London service (the client's clock) worked in Tehran (the book's labour.timezone): 18:30 London
    is 22:00 Tehran on the book's date (2026-11-22, London on GMT), so night is London 19:00-02:00 by
    interval start, and the rest day is Thursday 21:00 to Friday 20:00 London time, in both the shift
    plan and the interval estimate."""
    from quoter.calendar import clock_shift_minutes
    from quoter.pricing.usage import measure

    assert clock_shift_minutes("Europe/London", "Asia/Tehran", IR.as_of) == 210
    busy = [3 if h >= 19 or h <= 2 else 1 for h in range(24)]  # the London evening is the busy part
    req = _req("Europe/London", busy)
    staffing = plan_staffing(req)
    result = plan_shifts(req, staffing, time_limit_s=0, book=IR)
    (q,) = result.queues
    night = [i % 24 >= 19 or i % 24 <= 2 for i in range(H60)]
    rest = [(i // 24 == 5 and i % 24 >= 21) or (i // 24 == 6 and i % 24 <= 20) for i in range(H60)]
    assert q.night_hours_week == pytest.approx(sum(c for c, n in zip(q.coverage, night, strict=True) if n))
    assert q.friday_hours_week == pytest.approx(sum(c for c, r in zip(q.coverage, rest, strict=True) if r))

    # the interval estimate classes the same intervals: its shares are the plan's demand shares (before the
    # plan rounds agents on shift up to whole people)
    u = measure(req, IR, staffing)
    (demand,) = queue_demand(staffing).values()
    night_share = sum(d for d, n in zip(demand, night, strict=True) if n) / sum(demand)
    rest_share = sum(d for d, r in zip(demand, rest, strict=True) if r) / sum(demand)
    assert _share(u.night_hours, u.paid_hours) == pytest.approx(night_share, abs=1e-5)
    assert _share(u.friday_hours, u.paid_hours) == pytest.approx(rest_share, abs=1e-5)
    assert night_share > 0.45  # on the London clock (22:00-06:00 London) it would be about 0.4
    # priced from the roster, the premium hours are the plan's: the same share within the rounding to
    # whole people and whole shifts
    # (shares of the hours worked: a full-time person is paid the full week besides)
    from quoter.pricing.usage import WEEKS_PER_MONTH

    from_plan = measure(req, IR, staffing, result)
    worked = q.worked_hours_week * float(WEEKS_PER_MONTH)
    assert float(from_plan.night_hours) / worked == pytest.approx(night_share, abs=0.05)
    assert float(from_plan.friday_hours) / worked == pytest.approx(rest_share, abs=0.02)

    # the same service on the agents' own clock has its night at 22:00-06:00 of the demand
    tehran = plan_shifts(_req("Asia/Tehran", busy), staffing, time_limit_s=0, book=IR).queues[0]
    own = [i % 24 >= 22 or i % 24 < 6 for i in range(H60)]
    assert tehran.night_hours_week == pytest.approx(sum(c for c, n in zip(tehran.coverage, own, strict=True) if n))


def test_a_book_with_thursday_and_friday_rest_days_prices_thursday_hours(tmp_path):
    """The bank works Saturday to Thursday noon and is closed on Friday: with rest_days [thu, fri] its
    Thursday hours carry the rest-day premium in both the shift plan and the interval estimate."""
    from quoter.inputs.pricebook import read_price_book
    from quoter.pricing.usage import measure

    text = (ROOT / "pricing_models/ir-1405.yaml").read_text(encoding="utf-8")
    path = tmp_path / "thu-fri.yaml"
    path.write_text(text.replace("rest_days: [fri]", "rest_days: [thu, fri]"), encoding="utf-8")
    book = read_price_book(path)
    assert book.labour.rest_days == ["thu", "fri"]
    req = load_requirements(ROOT / "examples/bank-sat-thu.yaml")
    staffing = plan_staffing(req)

    plain = measure(req, IR, staffing)
    assert plain.friday_hours == 0 and plain.holiday_hours == 0  # closed on Friday: no premium hours
    u = measure(req, book, staffing)
    assert u.friday_hours > 0 and u.holiday_hours > 0  # open on a rest day: taken to be open on holidays
    assert u.paid_hours == plain.paid_hours

    before = plan_shifts(req, staffing, time_limit_s=0, book=IR)
    after = plan_shifts(req, staffing, time_limit_s=0, book=book)
    assert before.totals["friday_hours_week"] == 0
    per_day = 1440 // staffing.interval_minutes
    (q,) = after.queues
    thursday = sum(q.coverage[5 * per_day : 6 * per_day]) * staffing.interval_minutes / 60
    assert thursday > 0 and q.friday_hours_week == pytest.approx(thursday)
    (demand,) = queue_demand(staffing).values()
    thursday_share = sum(demand[5 * per_day : 6 * per_day]) / sum(demand)
    assert _share(u.friday_hours, u.paid_hours) == pytest.approx(thursday_share, abs=1e-5)


def test_cli_shifts_takes_the_labour_facts_from_a_price_book(tmp_path, capsys):
    from quoter.cli import main

    text = (ROOT / "pricing_models/ir-1405.yaml").read_text(encoding="utf-8")
    book = tmp_path / "thu-fri.yaml"
    book.write_text(text.replace("rest_days: [fri]", "rest_days: [thu, fri]"), encoding="utf-8")
    bank = str(ROOT / "examples/bank-sat-thu.yaml")
    runs = {}
    for name in ("ir-1405", str(book)):
        with pytest.raises(SystemExit) as exc:
            main(["shifts", bank, "--json", "--time-limit", "2", "--price-book", name])
        assert exc.value.code == 0
        runs[name] = json.loads(capsys.readouterr().out)["totals"]
    assert runs["ir-1405"]["friday_hours_week"] == 0 < runs[str(book)]["friday_hours_week"]
    with pytest.raises(SystemExit) as exc:
        main(["shifts", bank, "--price-book", "no-such-book"])
    assert exc.value.code == 1
    assert "no price book named 'no-such-book'" in capsys.readouterr().err


def _check_roster(q, interval_minutes: int, rules: ShiftRules, art_57_hours: float = 176) -> None:
    """A checker written apart from the solver: rebuild the coverage from the tours and check every rule of
    every person's week (days, weekly hours, art. 57 over four weeks of the repeating week, rest between
    shifts across the cyclic week, part-time hours)."""
    from quoter.calendar import DAYS, parse_time

    n, week = len(q.demand), 7 * 1440
    cover = [0] * n
    for tour in q.shifts:
        pt = tour.contract == "part_time"
        days_cap = rules.part_time.max_days_per_week if pt else rules.max_days_per_week
        hours_cap = rules.part_time.max_weekly_hours if pt else min(rules.max_weekly_hours, art_57_hours / 4)
        worked = sum(h for _, _, h in tour.shifts)
        assert len({d for d, _, _ in tour.shifts}) == len(tour.shifts) <= days_cap, tour
        assert worked <= hours_cap + 1e-9 and 4 * worked <= art_57_hours + 1e-9, tour
        if pt:
            assert tour.paid_hours >= rules.part_time.min_weekly_hours and tour.paid_hours >= worked, tour
        spans = sorted((DAYS.index(d) * 1440 + parse_time(t), round(h * 60)) for d, t, h in tour.shifts)
        for i, (begin, length) in enumerate(spans):
            nxt = spans[(i + 1) % len(spans)][0] + (week if i + 1 == len(spans) else 0)
            if len(spans) > 1:
                assert nxt - (begin + length) >= rules.min_rest_hours * 60, (tour, begin)
            for k in range(length // interval_minutes):
                cover[(begin // interval_minutes + k) % n] += tour.people
    assert cover == list(q.coverage)
    assert all(c >= d for c, d in zip(cover, q.demand, strict=True))
    assert sum(t.people for t in q.shifts) == q.headcount


def test_art_57_caps_a_weekly_tour_at_44_hours_and_the_checker_agrees(write_yaml):
    from quoter.shifts.solver import legal_rules

    loose = ShiftRules(max_weekly_hours=60)
    assert legal_rules(loose, IR).max_weekly_hours == 44  # 176 h in 4 weeks
    assert legal_rules(ShiftRules(max_weekly_hours=40), IR).max_weekly_hours == 40
    tight = IR.model_copy(update={"labour": IR.labour.model_copy(update={"shift_max_hours_4_weeks": 40})})
    with pytest.raises(InputError, match="art. 57"):
        legal_rules(ShiftRules(lengths_hours=[12], max_weekly_hours=60), tight)  # 10 h a week: no 12 h shift
    text = (ROOT / "examples/bank-sat-thu.yaml").read_text(encoding="utf-8")
    req = load_requirements(write_yaml(text + "shifts: {max_weekly_hours: 60}\n"))
    result = plan_shifts(req, plan_staffing(req), time_limit_s=5, book=IR)
    for q in result.queues:
        _check_roster(q, result.interval_minutes, req.shifts)


def _example(name: str, extra: str = ""):
    text = (ROOT / f"examples/{name}.yaml").read_text(encoding="utf-8") + extra
    return text


def test_day_specific_tours_roster_the_bank_at_90_percent_and_every_rule_holds(write_yaml):
    """Sat-Wed 08:00-20:00 and Thursday 08:00-14:00: a tour has its own shift each day (Thursday short), and
    every full-time person is paid the full 44-hour week."""
    req = load_requirements(write_yaml(_example("bank-sat-thu")))
    result = plan_shifts(req, plan_staffing(req), book=IR)
    (q,) = result.queues
    _check_roster(q, result.interval_minutes, ShiftRules())
    assert q.efficiency >= 0.90, q.efficiency  # fixed tours: 81 % counting worked hours only, less paying the week
    assert q.paid_hours_week == pytest.approx(44 * q.headcount)
    assert any(len({(t, h) for _, t, h in tour.shifts}) > 1 for tour in q.shifts)  # days differ within a tour
    thursday = [h for tour in q.shifts for d, _, h in tour.shifts if d == "thu"]
    assert thursday and max(thursday) <= 6  # the line closes at 14:00
    assert q.mip_gap <= 0.03


def test_part_time_tours_roster_the_survey_at_85_percent(write_yaml):
    req = load_requirements(write_yaml(_example("survey-outbound", "shifts: {part_time: {}}\n")))
    book = IR.model_copy(update={"part_time": getattr(IR, "part_time", None) or IR.campaign})
    result = plan_shifts(req, plan_staffing(req), book=book)
    (q,) = result.queues
    _check_roster(q, result.interval_minutes, req.shifts)
    assert q.efficiency >= 0.85, q.efficiency
    assert q.part_time_headcount > 0 and 0 < q.part_time_hours_week < q.paid_hours_week
    assert result.part_time_hours_week == pytest.approx(q.part_time_hours_week)
    plain = load_requirements(write_yaml(_example("survey-outbound")))
    full_time_only = plan_shifts(plain, plan_staffing(plain), book=IR)
    assert full_time_only.totals["efficiency"] < q.efficiency


def test_part_time_needs_the_books_part_time_wage(write_yaml):
    req = load_requirements(write_yaml(_example("survey-outbound", "shifts: {part_time: {}}\n")))
    bare = IR.model_copy(update={"part_time": None}) if hasattr(IR, "part_time") else IR
    with pytest.raises(InputError) as exc:
        plan_shifts(req, plan_staffing(req), book=bare)
    assert any(p.startswith("shifts.part_time:") for p in exc.value.problems)


def test_the_24x7_roster_keeps_the_rest_between_shifts_and_is_the_same_every_run():
    req = load_requirements(ROOT / "examples/pars-retail-24x7.yaml")
    staffing = plan_staffing(req)
    first = plan_shifts(req, staffing, book=IR)
    second = plan_shifts(req, staffing, book=IR)
    assert [q.shifts for q in first.queues] == [q.shifts for q in second.queues]
    for q in first.queues:
        _check_roster(q, first.interval_minutes, ShiftRules())
        assert q.night_hours_week > 0 and q.friday_hours_week > 0
    assert first.totals["mip_gap"] <= 0.05
