"""The seven tariff models: one shape, equal revenue at forecast within risk premium and rounding, risk moves."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import Requirements, load_requirements
from quoter.pricing import tariffs
from quoter.pricing.cost import build_cost
from quoter.pricing.tariffs import Basis
from quoter.quote.pipeline import predicted_kpis
from quoter.render import wording
from quoter.staffing.planner import plan_staffing

from .conftest import EXAMPLES, MINIMAL

IR = load_price_book("ir-1405")
USD = load_price_book("offshore-usd-2026")


@cache
def basis_of(path: str, book_name: str = "ir-1405", volume: float = 1.0) -> Basis:
    req = load_requirements(path).scaled(volume=volume)
    book = load_price_book(book_name)
    plan = plan_staffing(req)
    cost = build_cost(req, book, plan)
    return Basis(cost.monthly_total, cost.usage, book, req, predicted_kpis(plan))


@cache
def minimal_basis(calls: float) -> Basis:
    data = yaml.safe_load(MINIMAL)
    data["channels"]["voice"]["calls_per_week"] = calls
    req = Requirements.model_validate(data)
    plan = plan_staffing(req)
    cost = build_cost(req, IR, plan)
    return Basis(cost.monthly_total, cost.usage, IR, req, predicted_kpis(plan))


def book_for(path) -> str:
    return "offshore-usd-2026" if "offshore" in str(path) else "ir-1405"


def test_registry_has_the_seven_models_in_order_then_per_result():
    assert tariffs.model_keys() == (
        "per_call", "per_minute", "per_seat", "per_hour", "fixed", "hybrid", "performance", "per_result"
    )  # fmt: skip
    for model in tariffs.models():
        assert callable(model.price) and callable(model.bill)
        assert wording.model_name(model.key, "en") and wording.model_name(model.key, "fa")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_model_brings_the_target_within_its_risk_premium_and_rounding(path):
    basis = basis_of(str(path), book_for(path))
    priced = tariffs.price_all(basis)
    target = basis.target
    for key, t in priced.items():
        expected = target * (1 + t.risk_premium)
        assert abs(t.monthly_at_forecast - expected) <= t.tolerance, key
        assert target - t.tolerance <= t.monthly_at_forecast <= target * (1 + t.risk_premium) + t.tolerance, key
        if basis.book.currency == "IRR":  # 100-Rial steps on prices of ~10^5 Rial: the allowance stays tiny
            assert t.tolerance <= target * Decimal("0.001") + t.fields.get("expected_credit", 0), key
        # the bill at the forecast usage is the monthly at forecast
        assert tariffs.get(key).bill(t, basis, basis.usage) == t.monthly_at_forecast, key


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_per_call_tier_prices_never_rise(path):
    basis = basis_of(str(path), book_for(path))
    t = tariffs.get("per_call").price(basis)
    tiers = t.detail["tiers"]
    assert len(tiers) == 3
    for a, b in zip(tiers, tiers[1:], strict=False):
        assert b["from_units"] > a["from_units"]
        for ch in a["unit_prices"]:
            assert b["unit_prices"][ch] <= a["unit_prices"][ch]


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1000, max_value=20000), st.integers(min_value=50, max_value=6000))
def test_bills_never_fall_with_more_volume_and_per_call_average_never_rises(calls, extra):
    """Quoted at ``calls``; billed at the forecast, then at more volume (staffing re-run)."""
    basis = minimal_basis(float(calls))
    priced = tariffs.price_all(basis)
    usage_hi = minimal_basis(float(calls + extra)).usage
    for key, t in priced.items():
        model = tariffs.get(key)
        assert model.bill(t, basis, usage_hi) >= model.bill(t, basis, basis.usage), key
    pc = priced["per_call"]
    lo_avg = tariffs.get("per_call").bill(pc, basis, basis.usage) / basis.usage.total_contacts
    hi_avg = tariffs.get("per_call").bill(pc, basis, usage_hi) / usage_hi.total_contacts
    half = IR.rounder.step("monthly") / 2  # each bill is rounded to the monthly step
    assert hi_avg <= lo_avg + half / basis.usage.total_contacts + half / usage_hi.total_contacts


def test_per_unit_models_carry_volume_risk_and_per_seat_does_not():
    basis = basis_of(str(EXAMPLES[2]))  # pars-retail-24x7
    low = basis_of(str(EXAMPLES[2]), volume=0.6).usage
    priced = tariffs.price_all(basis)
    per_call = priced["per_call"]
    # at -40% the per-call bill falls to the minimum commitment (70% of the monthly at forecast)
    assert tariffs.get("per_call").bill(per_call, basis, low) == per_call.fields["minimum_monthly"]
    # per seat follows the re-sized team
    seat = priced["per_seat"]
    assert tariffs.get("per_seat").bill(seat, basis, low) == seat.fields["unit_price"] * low.headcount


def test_fixed_fee_inside_the_band_and_overage_above():
    basis = basis_of(str(EXAMPLES[2]))
    t = tariffs.get("fixed").price(basis)
    fee = t.fields["monthly_fee"]
    assert fee == IR.rounder.monthly(basis.target * (1 + basis.premium("fixed")))
    assert t.fields["band_min_calls"] < basis.usage.total_contacts < t.fields["band_max_calls"]
    inside = basis_of(str(EXAMPLES[2]), volume=1.05).usage
    assert tariffs.get("fixed").bill(t, basis, inside) == fee
    above = basis_of(str(EXAMPLES[2]), volume=1.3).usage
    over = (above.total_contacts - t.detail["band_max"]) * t.fields["overage_rate"]
    assert tariffs.get("fixed").bill(t, basis, above) == IR.rounder.monthly(fee + over)


def test_hybrid_base_covers_its_share():
    basis = basis_of(str(EXAMPLES[2]))
    t = tariffs.get("hybrid").price(basis)
    # no marginal cost given: the base is its share of the target with the premium
    assert t.fields["base_monthly"] == IR.rounder.monthly(
        basis.target * (1 + basis.premium("hybrid")) * Decimal("0.60")
    )
    assert t.fields["variable_unit"] == "call"


def test_performance_expected_payment_uses_predicted_kpis():
    basis = basis_of(str(EXAMPLES[2]))
    t = tariffs.get("performance").price(basis)
    assert t.fields["expected_payment"] == t.fields["base"]  # the plan meets every target
    kpis = {k["name"]: k for k in t.fields["kpis"]}
    assert kpis["service_level"]["predicted"] == basis.kpis["service_level"] >= Decimal("0.80")
    assert kpis["csat"]["predicted"] is None and kpis["csat"]["met"]
    # a plan that misses the service level: credit = allocation x at-risk amount
    missing = Basis(basis.target, basis.usage, basis.book, basis.req, {**basis.kpis, "service_level": Decimal("0.7")})
    m = tariffs.get("performance").price(missing)
    credit = IR.rounder.line(Decimal("0.35") * m.fields["at_risk_amount"])
    assert m.fields["expected_credit"] == credit
    assert m.fields["expected_payment"] == IR.rounder.monthly(m.fields["base"] - credit)
    # credits are capped
    worst = Basis(basis.target, basis.usage, basis.book, basis.req,
                  {"service_level": Decimal("0.1"), "abandon_rate": Decimal("0.5"), "asa": Decimal(999)})  # fmt: skip
    w = tariffs.get("performance").price(worst)
    assert w.fields["expected_credit"] <= w.fields["base"] * Decimal("0.10")


def test_per_minute_billing_increment_and_acw():
    basis = basis_of(str(EXAMPLES[2]))
    t = tariffs.get("per_minute").price(basis)
    assert t.fields["increment"] == "per_second" and t.fields["bill_acw"] is True
    assert t.detail["billed_minutes"]["voice"] == basis.usage.handled_minutes["voice"]
    talk_book = IR.model_copy(
        update={"models": IR.models.model_copy(update={"per_minute": IR.models.section("per_minute").model_copy(
            update={"bill_acw": False, "billing_increment": "per_6_seconds"})})}
    )  # fmt: skip
    b2 = Basis(basis.target, basis.usage, talk_book, basis.req, basis.kpis)
    t2 = tariffs.get("per_minute").price(b2)
    voice = basis.usage
    extra = voice.contacts["voice"] * Decimal("0.05")  # 3 s a call on average
    assert t2.detail["billed_minutes"]["voice"] == voice.talk_minutes["voice"] + extra
    assert t2.fields["unit_price_voice"] > t.fields["unit_price_voice"]  # fewer minutes, same revenue


def _with(book, **models):
    """The book with some model settings and risk premiums replaced."""
    m = book.models
    rp = {**m.risk_premium, **models.pop("risk_premium", {})}
    update = {"risk_premium": rp}
    for key, changes in models.items():
        update[key] = getattr(m, key).model_copy(update=changes)
    return book.model_copy(update={"models": m.model_copy(update=update)})


shares = st.decimals(min_value=0, max_value=Decimal("0.3"), places=3)


@settings(max_examples=25, deadline=None)
@given(
    premiums=st.fixed_dictionaries({k: shares for k in tariffs.model_keys()}),
    base_share=st.decimals(min_value=Decimal("0.05"), max_value=Decimal("0.95"), places=2),
    band=st.decimals(min_value=0, max_value=Decimal("0.3"), places=2),
    unit=st.sampled_from(["call", "minute"]),
    increment=st.sampled_from(["per_second", "per_6_seconds", "per_started_minute"]),
    calls=st.sampled_from([1500.0, 7000.0, 25000.0]),
)
def test_equal_revenue_holds_for_any_book_settings(premiums, base_share, band, unit, increment, calls):
    base = minimal_basis(calls)
    book = _with(
        IR,
        risk_premium=premiums,
        hybrid={"base_share": base_share, "variable_unit": unit},
        fixed={"band": band},
        per_minute={"billing_increment": increment},
    )
    basis = Basis(base.target, base.usage, book, base.req, base.kpis)
    for key, t in tariffs.price_all(basis).items():
        assert t.risk_premium == premiums[key]
        assert abs(t.monthly_at_forecast - basis.target * (1 + t.risk_premium)) <= t.tolerance, key
        assert tariffs.get(key).bill(t, basis, basis.usage) == t.monthly_at_forecast, key
