"""A tariff model registered from this file alone (per day) is validated in the price book, priced in the
quote's JSON and laid out as live formulas in the workbook, recalculating to the engine's figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import BaseModel, ConfigDict

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.pricing import tariffs
from quoter.pricing.tariffs.base import Basis, Tariff
from quoter.pricing.usage import Usage
from quoter.quote.pipeline import build_quote
from quoter.render import wording

from .conftest import ROOT
from .xlsx_eval import recalculate

BANK = ROOT / "examples" / "bank-sat-thu.yaml"


class PerDaySpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    days_per_month: Decimal = Decimal(26)


class PerDay:
    """A fee per service day: the target revenue plus its premium over the month's service days."""

    key = "per_day"
    order = 8
    spec = PerDaySpec
    default_risk_premium = Decimal("0.01")

    def price(self, basis: Basis) -> Tariff:
        days = basis.book.models.section(self.key).days_per_month
        daily = basis.round(basis.with_premium(self.key) / days, "unit_price")
        monthly = basis.round(daily * days, "monthly")
        return Tariff(self.key, basis.premium(self.key), monthly.value,
                      basis.book.rounder.step("unit_price") * days, {"unit_price": daily.value}, {},
                      {"price": daily, "monthly": monthly})  # fmt: skip

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        return tariff.monthly_at_forecast


@pytest.fixture()
def per_day(monkeypatch):
    model = tariffs.register(PerDay())
    monkeypatch.setitem(wording.EN, "model.per_day", "Per service day")
    monkeypatch.setitem(wording.FA, "model.per_day", "به ازای هر روز خدمت")
    yield model
    tariffs.unregister(model.key)


def test_toy_model_is_priced_in_json_and_workbook(per_day, tmp_path):
    from quoter.render.workbook import write_workbook

    q = build_quote(BANK, shifts=False, scenarios=False)
    data = q.to_dict()
    m = data["models"]["per_day"]
    # the plug-in's premium: its default is the floor; the committed scenarios may raise it
    premium = q.tariffs["per_day"].risk_premium
    assert premium >= Decimal("0.01")
    target = Decimal(data["cost"]["monthly_total"]) * (1 + premium)
    assert abs(Decimal(m["monthly_at_forecast"]) - target) <= 26 * 100
    assert Decimal(m["monthly_with_vat"]) > Decimal(m["monthly_at_forecast"])
    path = write_workbook(q, tmp_path / "wb.xlsx", "en")
    got = recalculate(path)
    assert got["tariff_per_day"] == Decimal(m["monthly_at_forecast"])
    assert got["price_per_day"] == Decimal(m["unit_price"])
    lower = recalculate(path, margin=float(q.book.target_margin - Decimal("0.05")))
    assert lower["tariff_per_day"] < got["tariff_per_day"]  # the plug-in's formula follows the margin input


def test_toy_model_section_is_validated(per_day, tmp_path):
    book = load_price_book("ir-1405")
    assert book.models.section("per_day").days_per_month == 26  # the spec's default
    snap = book.snapshot()
    snap["models"]["per_day"] = {"days_per_month": 26, "hours": 3}
    bad = tmp_path / "bad.yaml"
    import yaml

    bad.write_text(yaml.safe_dump(snap, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_price_book(bad)
    assert any(p.startswith("models.per_day.hours") for p in exc.value.problems), exc.value.problems


def test_unknown_model_section_is_refused(tmp_path):
    snap = load_price_book("ir-1405").snapshot()
    snap["models"]["per_week"] = {"x": 1}
    bad = tmp_path / "bad.yaml"
    import yaml

    bad.write_text(yaml.safe_dump(snap, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_price_book(bad)
    assert any(p.startswith("models.per_week") for p in exc.value.problems), exc.value.problems


def test_toy_model_is_in_the_proposals_price_table(per_day, tmp_path):
    from quoter.render.documents import render_documents

    from .test_documents import docx_text

    data = build_quote(BANK, shifts=False, scenarios=False).to_dict()
    monthly = Decimal(data["models"]["per_day"]["monthly_at_forecast"])
    en, fa = render_documents(data, langs=["en", "fa"], only=["proposal"], out_dir=tmp_path)
    text_en = docx_text(en if en.name.endswith("-en.docx") else fa)
    assert "Per service day" in text_en and f"{monthly:,.0f}" in text_en
    text_fa = docx_text(fa if fa.name.endswith("-fa.docx") else en)
    assert "به ازای هر روز خدمت" in text_fa


def test_every_registered_model_is_in_the_json_the_workbook_and_the_proposal(per_day, tmp_path):
    from openpyxl import load_workbook

    from quoter.render.documents import render_documents
    from quoter.render.workbook import write_workbook

    from .test_documents import docx_text

    q = build_quote(BANK, shifts=False, scenarios=False)
    data = q.to_dict()
    keys = [k for k in tariffs.model_keys() if k != "per_result"]  # per result needs outbound: the bank has none
    assert "per_day" in keys and list(data["models"]) == keys
    names = load_workbook(write_workbook(q, tmp_path / "wb.xlsx", "en")).defined_names
    assert all(f"tariff_{k}" in names and f"price_{k}" in names for k in keys)
    (proposal,) = render_documents(data, langs=["en"], only=["proposal"], out_dir=tmp_path)
    text = docx_text(proposal)
    assert all(wording.model_name(k, "en") in text for k in keys), [
        k for k in keys if wording.model_name(k, "en") not in text
    ]
