"""The cost build-up: explainable lines, Decimal money, seats from peak agents, premiums, setup, in-house."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, Rounder, quantity, round_to
from quoter.pricing.cost import build_cost, seat_count
from quoter.pricing.setup import build_in_house, build_setup, check_term, ramp_up
from quoter.staffing.planner import plan_staffing

from .conftest import EXAMPLES, MINIMAL

IR = load_price_book("ir-1405")
USD = load_price_book("offshore-usd-2026")


def req_from(text: str, **changes) -> Requirements:
    data = yaml.safe_load(text)
    for path, value in changes.items():
        node = data
        *parents, last = path.split("__")
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = value
    return Requirements.model_validate(data)


@cache
def cost_of(text: str, calls: float = 7000, hours: str = "24/7", book_name: str = "ir-1405"):
    req = req_from(text, channels__voice__calls_per_week=calls, service__hours=yaml.safe_load(hours))
    book = load_price_book(book_name)
    return req, book, build_cost(req, book, plan_staffing(req))


# ---------------------------------------------------------------- money.py
def test_rounding_steps():
    assert round_to(Decimal("149"), Decimal(100)) == 100
    assert round_to(Decimal("150"), Decimal(100)) == 200
    assert round_to(Decimal("1234567.5"), Decimal(1000)) == 1235000
    assert str(round_to(Decimal("1.005"), Decimal("0.01"))) == "1.01"
    assert round_to(Decimal("1.005"), Decimal("0.01"), "half_even") == Decimal("1.00")
    assert round_to(Decimal("101"), Decimal(100), "up") == 200
    r = Rounder(line=Decimal(1), unit_price=Decimal(100), hourly=Decimal(1000), seat=Decimal(10000),
                monthly=Decimal(1000), setup=Decimal(10000))  # fmt: skip
    assert r.unit_price(Decimal("148949.99")) == 148900 and r.monthly(Decimal("9184499.5")) == 9184000


def test_floats_enter_only_quantized():
    assert quantity(38.416666666) == Decimal("38.42")
    assert quantity(0.1 + 0.2) == Decimal("0.30")
    assert quantity(0.85312, "0.0001") == Decimal("0.8531")
    with pytest.raises(ValueError):
        quantity(float("inf"))


# ---------------------------------------------------------------- lines
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_line_is_quantity_times_rate(path):
    from quoter.inputs.requirements import load_requirements

    req = load_requirements(path)
    book = USD if "offshore" in path.name else IR
    plan = plan_staffing(req)
    cost = build_cost(req, book, plan)
    r = book.rounder
    for line in cost.lines:
        assert isinstance(line.quantity, Decimal) and isinstance(line.rate, Decimal)
        assert line.amount == r.line(line.quantity * line.rate), line.key
        assert line.source in ("staffing plan", "shift plan", "price book", "cost lines")
    assert cost.monthly_total == r.monthly(sum(ln.amount for ln in cost.lines))
    assert cost.provider_cost == sum(ln.amount for ln in cost.lines if ln.group != "price")
    # seats from peak concurrent agents (+ spare), never from FTE
    seats = next(ln for ln in cost.lines if ln.key == "seats")
    assert seats.quantity == seat_count(book, cost.usage)
    assert seats.quantity == (Decimal(plan.totals.peak_agents) * Decimal("1.05")).to_integral_value(
        rounding="ROUND_CEILING"
    )
    assert seats.quantity < cost.usage.fte
    # the price lines: margin is a share of the price
    margin_share = cost.margin / (cost.provider_cost + cost.margin)
    assert abs(margin_share - book.target_margin) < Decimal("0.000001")


def test_24x7_has_night_friday_holiday_and_shift_premiums():
    _, _, cost = cost_of(MINIMAL)
    keys = {ln.key for ln in cost.lines}
    assert {"premium.friday", "premium.holiday", "premium.shift"} <= keys
    shift = next(ln for ln in cost.lines if ln.key == "premium.shift")
    assert shift.rate == Decimal("0.15")  # three rotations, Labour Law art. 56
    # art. 58: the night premium is for workers who do not rotate; rotating agents are not paid both
    assert "premium.night" not in keys and cost.usage.night_hours > 0


def test_night_only_service_pays_the_night_premium_not_a_rotation_premium():
    """22:00-06:00 every day: fixed night shifts, so art. 58's 35 % on the hours and no art. 56 premium."""
    _, _, cost = cost_of(MINIMAL, hours="{sat-fri: '22:00-06:00'}")
    keys = {ln.key for ln in cost.lines}
    assert cost.usage.rotations == ("night",)
    assert "premium.shift" not in keys
    night = next(ln for ln in cost.lines if ln.key == "premium.night")
    assert night.rate == IR.rounder.line(cost.agent_hourly_wage * Decimal("0.35"))
    assert night.quantity == cost.usage.night_hours


def test_business_hours_have_no_premiums():
    _, _, cost = cost_of(MINIMAL, hours="{sat-wed: '08:00-20:00', thu: '08:00-14:00', fri: closed}")
    assert not [ln.key for ln in cost.lines if ln.key.startswith("premium.")]
    assert cost.usage.rotations == ("morning", "evening")


def test_night_and_friday_are_counted_on_the_agents_clock():
    """Berlin 20:00-24:00 on Fridays is 22:30-02:30 in Tehran (winter): night work, and Friday work."""
    req = req_from(MINIMAL, service__timezone="Europe/Berlin", service__hours={"fri": "20:00-24:00"})
    cost = build_cost(req, USD, plan_staffing(req))
    keys = {ln.key for ln in cost.lines}
    assert {"premium.night", "premium.friday"} <= keys
    assert cost.usage.night_hours > cost.usage.paid_hours * Decimal("0.8")  # 22:30-02:30 is all night


# ---------------------------------------------------------------- properties
def test_24x7_costs_more_than_business_hours_for_the_same_volume():
    for calls in (2000, 7000, 20000):
        _, _, around = cost_of(MINIMAL, calls=calls)
        _, _, day = cost_of(MINIMAL, calls=calls, hours="{sat-thu: '08:00-20:00', fri: closed}")
        assert around.monthly_total > day.monthly_total, calls
        assert around.provider_cost > day.provider_cost


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=300, max_value=30000), st.integers(min_value=1, max_value=5000))
def test_more_volume_never_lowers_the_monthly_total(calls, extra):
    _, _, low = cost_of(MINIMAL, calls=float(calls))
    _, _, high = cost_of(MINIMAL, calls=float(calls + extra))
    assert high.monthly_total >= low.monthly_total
    assert high.provider_cost >= low.provider_cost


# ---------------------------------------------------------------- setup, ramp-up, in-house
def test_setup_ramp_up_and_in_house_are_separate_from_the_run_rate():
    req, book, cost = cost_of(MINIMAL)
    setup = build_setup(req, book, cost)
    assert setup.total == book.rounder.setup(sum(ln.amount for ln in setup.lines))
    assert {ln.key for ln in setup.lines} >= {"setup.recruitment", "setup.training", "setup.nesting", "setup.crm"}
    assert not any(ln.key.startswith("setup.") for ln in cost.lines)
    recruit = next(ln for ln in setup.lines if ln.key == "setup.recruitment")
    assert recruit.quantity == setup.hires == cost.usage.headcount + 2  # agents + whole supervisors
    stages = ramp_up(book, cost)
    assert [s.week for s in stages] == [1, 3, 5]
    assert stages[-1].agents == cost.usage.headcount
    assert [s.agents for s in stages] == sorted(s.agents for s in stages)
    ih = build_in_house(book, cost, setup)
    assert ih.monthly_total > 0 and ih.setup_total > 0
    for line in ih.lines + ih.setup_lines:
        assert line.amount == book.rounder.line(line.quantity * line.rate)


def test_ramp_up_must_fit_the_contract_term():
    req = req_from(MINIMAL, service__term_months=1)
    with pytest.raises(InputError) as exc:
        check_term(req, IR)
    assert exc.value.problems == [
        "ramp_up.stages: the ramp-up (5 weeks) is longer than the term (service.term_months = 1, 4.3 weeks)"
    ]


def test_paid_hours_and_premiums_come_from_the_shift_plan(monkeypatch):
    """A stand-in roster: its paid hours and their split replace the interval estimate."""
    import types

    from quoter.shifts import solver
    from quoter.shifts.for_quote import plan_shifts_for_quote

    req, book, base = cost_of(MINIMAL)
    plan = plan_staffing(req)
    scheduled = plan.totals.scheduled_hours_week
    seen = {}

    def plan_shifts(req_, plan_, premiums, time_limit_s=None, *, book, node_limit=None):
        seen.update(premiums, book=book.name)
        split = {"normal": scheduled * 0.6, "night": scheduled * 0.3, "friday": scheduled * 0.12,
                 "holiday": scheduled * 0.03, "overtime": scheduled * 0.05}  # fmt: skip
        queue = types.SimpleNamespace(status="optimal")
        return types.SimpleNamespace(paid_hours_week=split, queues=[queue], totals={"headcount": 80})

    monkeypatch.setattr(solver, "plan_shifts", plan_shifts)
    assert plan_shifts_for_quote(req, plan, book)[1].used  # 24/7 included: every quote is rostered
    shifts, use = plan_shifts_for_quote(req, plan, book, mode=True)
    assert use.used and use.paid_hours_week == pytest.approx(shifts.paid_hours_week)
    assert seen == {"night": 0.0, "friday": 0.40, "holiday": 0.40, "book": "ir-1405"}  # rotating: art. 56, not 58
    cost = build_cost(req, book, plan, shifts)
    u = cost.usage
    assert u.hours_source == "shift plan"
    assert u.paid_hours == quantity(quantity(scheduled * 1.1, "0.000001") * WEEKS_PER_MONTH)
    assert u.fte == quantity(plan.totals.fte * 1.1)  # whole shifts: 10% more paid hours than the plan's
    keys = {ln.key: ln for ln in cost.lines}
    assert keys["premium.overtime"].source == "shift plan" and keys["premium.friday"].source == "shift plan"
    assert "premium.night" not in keys  # rotating agents (art. 56)
    assert cost.monthly_total > base.monthly_total
    assert plan_shifts_for_quote(req, plan, book, mode=False)[1].reason == "not_asked"
