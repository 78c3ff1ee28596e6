"""Honest risk: committed scenarios (the team is hired), premiums priced from them, the AHT collar, the hour the
contract bills, the hybrid's marginal-cost floor, and a recommendation that reasons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from quoter.inputs.pricebook import load_price_book
from quoter.pricing import tariffs
from quoter.quote.pipeline import build_quote

from .conftest import EXAMPLES, MINIMAL

IR = load_price_book()
TODAY = dt.date(2026, 12, 2)
BANK = next(p for p in EXAMPLES if p.stem == "bank-sat-thu")
SURVEY = next(p for p in EXAMPLES if p.stem == "survey-outbound")


@pytest.fixture(scope="module")
def bank():
    return build_quote(BANK, IR, today=TODAY, shifts=False)


def _scenario(q, kind: str, key: str):
    return next(s for s in q.scenarios if s.kind == kind and s.key == key)


def test_committed_volume_down_is_worse_than_replanned_and_matches_a_hand_calculation(bank):
    c, r = _scenario(bank, "committed", "volume-30"), _scenario(bank, "replanned", "volume-30")
    assert c.margin("per_call") < r.margin("per_call") - Decimal("0.10")  # idle agents are still paid
    # by hand: today's cost, less the telephony minutes not used (with overhead), and no overtime
    base = bank.cost
    ratio = base.provider_cost / base.direct
    tel = (c.usage.line_minutes - base.usage.line_minutes) * IR.telephony.per_minute
    cost = IR.rounder.line(base.provider_cost + tel * ratio)
    assert c.provider_cost == cost and c.overtime_hours == 0
    assert c.usage.fte == base.usage.fte and c.usage.peak_agents == base.usage.peak_agents
    bill = tariffs.get("per_call").bill(bank.tariffs["per_call"], _basis(bank), c.usage)
    assert c.margin("per_call") == ((bill - cost) / bill).quantize(Decimal("0.0001"))
    # the service is better than planned with the full team on fewer calls
    assert c.service_level > bank.kpis["service_level"]


def _basis(q):
    from quoter.pricing.tariffs import Basis

    return Basis(q.cost.monthly_total, q.cost.usage, q.book, q.requirements, q.kpis,
                 premiums={k: t.risk_premium for k, t in q.tariffs.items()})  # fmt: skip


def test_committed_volume_up_works_overtime_up_to_the_cap_and_the_service_suffers(bank):
    c = _scenario(bank, "committed", "volume+30")
    from quoter.quote.risk import overtime_cap

    cap = overtime_cap(IR, bank.cost.usage)
    assert c.overtime_hours == cap and c.uncovered_hours > 0  # more work than the law and the book allow
    assert c.service_level < bank.kpis["service_level"] and c.abandon_rate > bank.kpis["abandon_rate"]
    ins = IR.loads.employer_insurance
    overtime = cap * bank.cost.agent_hourly_wage * (1 + IR.premiums.overtime) * (1 + ins)
    assert c.provider_cost > bank.cost.provider_cost + overtime  # plus telephony, with overhead


def test_the_aht_collar_caps_the_loss_it_is_meant_to_cap(bank):
    no_collar = IR.models.section("per_call").model_copy(update={"aht_collar": None})
    models = IR.models.model_copy()
    models.__pydantic_extra__ = {**(IR.models.__pydantic_extra__ or {}), "per_call": no_collar}
    bare = build_quote(BANK, IR.model_copy(update={"models": models}), today=TODAY, shifts=False,
                       premiums={k: t.risk_premium for k, t in bank.tariffs.items()})  # fmt: skip
    with_collar = _scenario(bank, "committed", "aht+10").margin("per_call")
    without = _scenario(bare, "committed", "aht+10").margin("per_call")
    assert with_collar > without + Decimal("0.03")
    # inside the band nothing moves; beyond it the price follows the handle time: 1.10 / 1.05
    c = _scenario(bank, "committed", "aht+10")
    t = bank.tariffs["per_call"]
    prices = t.detail["unit_prices"]
    expected = sum(prices[ch] * Decimal("1.1") / Decimal("1.05") * c.usage.contacts[ch] for ch in prices)
    assert float(c.bills["per_call"]) == pytest.approx(float(expected), rel=2e-3)


def test_per_hour_bills_the_logged_in_hours_the_contract_defines(bank):
    t = bank.tariffs["per_hour"]
    u = bank.cost.usage
    logged = u.paid_hours * (1 - Decimal(str(bank.requirements.staffing.shrinkage)))
    assert abs(u.logged_in_hours - logged) < Decimal("0.05")
    assert t.fields["hours_per_month"] == u.logged_in_hours
    assert t.monthly_at_forecast == IR.rounder.monthly(t.fields["unit_price"] * u.logged_in_hours)
    # from the intervals, paid hours are the required ones over (1 - shrinkage): the two definitions agree
    assert abs(u.logged_in_hours - u.total_productive_hours) < Decimal("0.05")
    rostered = build_quote(BANK, IR, today=TODAY, scenarios=False)  # whole shifts: more paid than required
    ru = rostered.cost.usage
    assert rostered.shift_use.used and ru.logged_in_hours > ru.total_productive_hours * Decimal("1.1")
    assert rostered.tariffs["per_hour"].fields["hours_per_month"] == ru.logged_in_hours  # billed as contracted


def test_hybrid_variable_rate_covers_the_marginal_cost(bank):
    h = bank.tariffs["hybrid"]
    mc = h.detail["marginal_cost"]
    assert mc and mc > 0
    variable = sum(h.detail["variable_rates"][c] * h.detail["units"][c] for c in h.detail["units"])
    assert variable >= mc * bank.cost.usage.total_contacts * Decimal("0.999")
    plus = _scenario(bank, "replanned", "volume+30")
    assert plus.margin("hybrid") > 0  # more volume never sells below its cost


def test_risk_premiums_grow_with_volume_uncertainty():
    prem = {c: build_quote(BANK, IR, today=TODAY, shifts=False, scenarios=False, volume_certainty=c).tariffs
            for c in ("high", "medium", "low")}  # fmt: skip
    pc = {c: prem[c]["per_call"].risk_premium for c in prem}
    assert pc["low"] > pc["medium"] > pc["high"] >= 0
    assert prem["low"]["per_hour"].risk_premium == 0  # the client pays the hours: no volume risk
    assert prem["medium"]["performance"].risk_premium == Decimal("0.02")  # the book's floor (quality risk)


def test_different_deals_get_different_advice_with_reasons(tmp_path):
    campaign = build_quote(SURVEY, IR, today=TODAY, shifts=False, scenarios=False)
    stable = build_quote(BANK, IR, today=TODAY, shifts=False, scenarios=False, volume_certainty="high", goal="budget")
    p = tmp_path / "startup.yaml"
    p.write_text(MINIMAL.replace("Test Co", "Startup Co"), encoding="utf-8")
    startup = build_quote(p, IR, today=TODAY, shifts=False, scenarios=False, volume_certainty="low")
    recs = [campaign.recommendation, stable.recommendation, startup.recommendation]
    assert "campaign" in recs[0].reasons and "budget" in recs[1].reasons and "volume_risk" in recs[2].reasons
    assert len({r.model for r in recs}) >= 2, [r.model for r in recs]
    for r in recs:
        assert r.runner_up and r.runner_up != r.model and r.worst_margin is not None
        assert r.worst_margin >= IR.risk.loss_floor  # never advise a model that loses money in a likely month
    assert recs[1].model in ("fixed", "per_seat", "performance")  # a steady bill for a budget


def test_the_recommendation_sentence_names_its_reason_and_runner_up(bank):
    from quoter.render import text, wording

    d = bank.to_dict()
    rec = d["recommendation"]
    en, fa = text.recommendation(d, "en"), text.recommendation(d, "fa")
    assert wording.model_name(rec["runner_up"], "en") in en and "runner-up" in en
    assert wording.model_name(rec["runner_up"], "fa") in fa and "گزینه دوم" in fa
    assert d["scenarios"][0]["kind"] == "committed" and {s["kind"] for s in d["scenarios"]} == {
        "committed",
        "replanned",
    }
