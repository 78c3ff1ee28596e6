"""Outbound as campaigns: the per-result tariff, completion and conversion rates, hourly campaign agents paid
for the staffing plan's hours, set-up training by campaign type, and the survey example's cheaper quote."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.money import WEEKS_PER_MONTH, quantity
from quoter.pricing import tariffs
from quoter.pricing.cost import build_cost
from quoter.pricing.setup import build_setup
from quoter.quote.pipeline import build_quote
from quoter.shifts.for_quote import plan_shifts_for_quote
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

SURVEY = ROOT / "examples" / "survey-outbound.yaml"
BANK = ROOT / "examples" / "bank-sat-thu.yaml"


def _survey(tmp_path, **outbound):
    """The survey example with ``outbound`` keys replaced (None removes one), as a requirements file."""
    import yaml

    data = _plain(yaml.safe_load(SURVEY.read_text(encoding="utf-8")))
    for k, v in outbound.items():
        if v is None:
            data["channels"]["outbound"].pop(k, None)
        else:
            data["channels"]["outbound"][k] = v
    path = tmp_path / "survey.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _plain(x):
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if isinstance(x, Decimal):
        return float(x)
    return x


def _book_without_campaign():
    book = load_price_book("ir-1405")
    return book.model_copy(update={"campaign": None})


# ---------------------------------------------------------------- the per-result tariff
def test_per_result_price_times_expected_results_is_the_target_with_its_premium():
    q = build_quote(SURVEY, scenarios=False)
    t = q.tariffs["per_result"]
    out = q.requirements.channels.outbound
    assert out is not None and out.completion_rate is not None
    attempts = q.cost.usage.contacts["outbound"]
    expected = attempts * Decimal(str(out.contact_rate)) * Decimal(str(out.completion_rate))
    assert t.detail["unit"] == "completion" and t.detail["forecast_units"] == expected
    target = q.cost.monthly_total * (1 + Decimal("0.10"))  # the book's per_result premium
    assert t.risk_premium == Decimal("0.10") > max(q.tariffs[k].risk_premium for k in q.tariffs if k != "per_result")
    assert abs(t.fields["unit_price"] * expected - target) <= expected * 50 + 500  # half a unit-price step a unit
    assert abs(t.monthly_at_forecast - target) <= t.tolerance


def test_per_result_prices_results_when_a_conversion_rate_is_given(tmp_path):
    path = _survey(tmp_path, completion_rate=0.6, conversion_rate=0.2, result="lead")
    q = build_quote(path, scenarios=False)
    t = q.tariffs["per_result"]
    expected = q.cost.usage.contacts["outbound"] * Decimal("0.45") * Decimal("0.2")
    assert t.detail["unit"] == "result" and t.detail["result"] == "lead"
    assert abs(t.fields["unit_price"] * expected - q.cost.monthly_total * Decimal("1.10")) <= expected * 50 + 500
    # the bill follows the month's attempts: fewer attempts, fewer results, a smaller bill
    model = tariffs.get("per_result")
    from dataclasses import replace

    from quoter.pricing.tariffs.base import Basis

    basis = Basis(q.cost.monthly_total, q.cost.usage, q.book, q.requirements)
    half = replace(q.cost.usage, contacts={k: v / 2 for k, v in q.cost.usage.contacts.items()})
    assert model.bill(t, basis, half) < model.bill(t, basis, q.cost.usage)


def test_per_result_is_left_out_without_outbound_rates(tmp_path):
    assert "per_result" not in build_quote(BANK, shifts=False, scenarios=False).tariffs
    path = _survey(tmp_path, completion_rate=None, result=None)
    q = build_quote(path, scenarios=False)
    assert "per_result" not in q.tariffs and "hybrid" in q.tariffs
    with pytest.raises(InputError, match="per_result' does not apply"):
        build_quote(path, scenarios=False, chosen_model="per_result")


# ---------------------------------------------------------------- validation
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"completion_rate": 1.5}, "channels.outbound.completion_rate"),
        ({"conversion_rate": -0.1}, "channels.outbound.conversion_rate"),
        ({"completion_rate": True}, "channels.outbound.completion_rate"),
        ({"result": "donation"}, "channels.outbound.result"),
        ({"completion_rate": 0.2, "conversion_rate": 0.3}, "conversion_rate (0.3) cannot exceed completion_rate"),
    ],
)
def test_completion_and_conversion_errors_name_the_field(tmp_path, changes, field):
    with pytest.raises(InputError) as err:
        load_requirements(_survey(tmp_path, **changes))
    assert field in str(err.value)


def test_campaign_hourly_wage_below_the_legal_minimum_is_refused(tmp_path):
    text = (ROOT / "pricing_models" / "ir-1405.yaml").read_text(encoding="utf-8")
    path = tmp_path / "low.yaml"
    path.write_text(text.replace("  hourly_wage: 950000", "  hourly_wage: 800000"), encoding="utf-8")
    with pytest.raises(InputError, match=r"campaign\.hourly_wage: 800000 is below the minimum wage per hour"):
        load_price_book(path)


# ---------------------------------------------------------------- hourly campaign agents
def test_campaign_paid_hours_are_the_plans_scheduled_hours_at_the_hourly_rate():
    req = load_requirements(SURVEY)
    book = load_price_book("ir-1405")
    plan = plan_staffing(req)
    shifts, use = plan_shifts_for_quote(req, plan, book)
    assert shifts is None and not use.used and use.reason == "campaign"
    cost = build_cost(req, book, plan, shifts)
    scheduled = sum(q.scheduled_hours_week for q in plan.queues if q.channel == "outbound")
    month = quantity(quantity(scheduled, "0.000001") * WEEKS_PER_MONTH)
    lines = {ln.key: ln for ln in cost.lines}
    wages = lines["campaign.wages"]
    assert wages.quantity == month == cost.usage.campaign_hours and wages.unit == "h"
    assert wages.rate == book.campaign.hourly_wage
    assert wages.amount == book.rounder.line(month * book.campaign.hourly_wage)
    assert lines["campaign.loads"].amount == book.rounder.line(wages.amount * book.campaign.loads)
    assert cost.usage.paid_hours == quantity(quantity(plan.totals.scheduled_hours_week, "0.000001") * WEEKS_PER_MONTH)
    # the outbound agents are not also paid a monthly wage: only the voice line's FTE is in the wage tiers
    voice_fte = sum(q.fte for q in plan.queues if q.channel == "voice")
    assert cost.usage.fte_by_tier == {"fa": quantity(voice_fte)}
    assert cost.usage.headcount >= int(quantity(sum(q.fte for q in plan.queues)))  # hires and seats count them


def test_without_a_campaign_section_the_roster_prices_the_survey():
    req = load_requirements(SURVEY)
    book = _book_without_campaign()
    plan = plan_staffing(req)
    shifts, use = plan_shifts_for_quote(req, plan, book)
    assert use.reason != "campaign"
    cost = build_cost(req, book, plan, shifts)
    assert cost.usage.campaign_hours == 0 and "campaign.wages" not in {ln.key for ln in cost.lines}


# ---------------------------------------------------------------- set-up
@pytest.mark.parametrize(("kind", "hours"), [("survey", 16), ("lead", 24), ("sale", 40), (None, 80)])
def test_setup_training_hours_follow_the_campaign_type(tmp_path, kind, hours):
    path = _survey(tmp_path, result=kind, conversion_rate=0.1 if kind in ("lead", "sale") else None)
    req = load_requirements(path)
    book = load_price_book("ir-1405")
    plan = plan_staffing(req)
    cost = build_cost(req, book, plan)
    training = next(ln for ln in build_setup(req, book, cost).lines if ln.key == "setup.training")
    assert training.quantity == cost.usage.headcount * hours
    assert training.fields["hours_per_agent"] == str(hours)
    assert training.fields["basis"] == (f"campaign.training_hours.{kind}" if kind else "one_time.training_hours")


# ---------------------------------------------------------------- the survey example
def test_the_survey_quote_gets_cheaper_and_says_why():
    now = build_quote(SURVEY, scenarios=False)
    before = build_quote(SURVEY, _book_without_campaign(), scenarios=False)
    # full-time tours for six weeks of calls: paid the whole week, the roster wastes hours an hourly agent does not
    assert before.shift_use.used and before.shift_use.efficiency is not None and before.shift_use.efficiency < 0.9
    assert now.cost.monthly_total < before.cost.monthly_total * Decimal("0.9")  # 0.84 against day-specific tours
    assert now.setup.total < before.setup.total * Decimal("0.6")  # 0.52: the hourly team trains for 16 h, not 80
    assert now.cost.usage.paid_hours < before.cost.usage.paid_hours
    data = now.to_dict()
    assert data["staffing"]["shift_plan"]["reason"] == "campaign"
    from quoter.render import text

    why = text.shift_note(data["staffing"]["shift_plan"], "en")
    assert "paid by the hour" in why and "no whole shifts" in why
    assert "کمپین" in text.shift_note(data["staffing"]["shift_plan"], "fa")
    keys = [ln["key"] for ln in data["cost"]["lines"]]
    assert "campaign.wages" in keys and "campaign.loads" in keys


def test_the_survey_cli_shows_the_campaign_and_the_per_result_price():
    from typer.testing import CliRunner

    from quoter.cli import app

    res = CliRunner().invoke(app, ["quote", str(SURVEY)])
    assert res.exit_code == 0, res.output
    assert "campaign agents are paid by the hour" in res.output
    assert "Campaign agents, paid by the hour" in res.output
    assert "IRR/completion x" in res.output
