"""The quote contract (quoter.quote.model) and the committed JSON Schemas (quoter.schema, docs/schema/)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache

import pytest
from pydantic import ValidationError

from quoter.errors import InputError
from quoter.quote.model import QuoteDoc, dump_quote, parse_dec, validate_quote
from quoter.quote.pipeline import build_quote, load_quote, save_quote
from quoter.schema import NAMES, WRITE_COMMAND, file_name, render, schema

from .conftest import EXAMPLES, ROOT

TODAY = dt.date(2026, 11, 22)
SCHEMA_DIR = ROOT / "docs" / "schema"


def book_for(path) -> str:
    return "offshore-usd-2026" if "offshore" in str(path) else "ir-1405"


@cache
def _dict_json(path: str) -> str:
    return json.dumps(build_quote(path, book_for(path), today=TODAY, shifts=False).to_dict())


def dict_of(path) -> dict:
    """A fresh copy of the example's quote dict (tests may tamper with it)."""
    return json.loads(_dict_json(str(path)))


PARS = next(p for p in EXAMPLES if p.stem == "pars-retail-24x7")


def problems(data: dict) -> list[str]:
    with pytest.raises(InputError) as info:
        validate_quote(data)
    assert str(info.value).startswith("quote.json: ")
    return info.value.problems


# ---------------------------------------------------------------- round trip
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_round_trip_is_exact(path):
    data = dict_of(path)
    doc = validate_quote(data)
    assert isinstance(doc, QuoteDoc)
    assert dump_quote(doc) == data
    # and the dump is JSON text-identical, key order included
    assert json.dumps(dump_quote(doc), ensure_ascii=False) == json.dumps(data, ensure_ascii=False)


def test_round_trip_through_quote_json(tmp_path):
    data = dict_of(PARS)
    loaded = load_quote(save_quote(data, tmp_path))
    assert dump_quote(validate_quote(loaded)) == data


def test_shift_plan_hours_validate():
    """With the shift planner (business hours, so it solves in well under a second) the hours are a typed dict."""
    path = next(p for p in EXAMPLES if p.stem == "bank-sat-thu")
    data = json.loads(json.dumps(build_quote(path, today=TODAY, shifts=True).to_dict()))
    doc = validate_quote(data)
    assert dump_quote(doc) == data
    plan = doc.staffing.shift_plan
    assert plan.used and plan.status in ("optimal", "time_limit")
    assert plan.paid_hours_week and all(isinstance(v, Decimal) for v in plan.paid_hours_week.values())


def test_decimals_are_decimals_in_python():
    doc = validate_quote(dict_of(PARS))
    assert isinstance(doc.cost.monthly_total, Decimal)
    assert doc.cost.monthly_total == Decimal(dict_of(PARS)["cost"]["monthly_total"])
    assert doc.models.per_call.monthly_at_forecast > 0
    assert doc.schema_ == "quoter.quote/1"


def test_doc_is_frozen():
    doc = validate_quote(dict_of(PARS))
    with pytest.raises(ValidationError, match="frozen"):
        doc.term_months = 1  # type: ignore[misc]


# ---------------------------------------------------------------- optional keys
def test_explicit_null_of_an_optional_key_stays_null():
    data = dict_of(PARS)
    data["add_ons"][0]["name_fa"] = None
    assert dump_quote(validate_quote(data))["add_ons"][0]["name_fa"] is None


def test_per_channel_prices_only_for_priced_channels():
    data = dict_of(PARS)
    m = data["models"]["per_call"]
    keys = [k for k in m if k.startswith("unit_price_")]
    doc = validate_quote(data)
    assert [k for k in dump_quote(doc)["models"]["per_call"] if k.startswith("unit_price_")] == keys


# ---------------------------------------------------------------- tampered quotes
@pytest.mark.parametrize(
    "bad, message",
    [
        ("abc", "'abc' is not a decimal number"),
        ("NaN", "must be a finite decimal, not 'NaN'"),
        ("Infinity", "must be a finite decimal, not 'Infinity'"),
        ("-Infinity", "must be a finite decimal"),
        ("1E+3", "not a plain decimal string (write it as '1000')"),
        (" 12", "not a plain decimal string"),
        ("007", "not a plain decimal string (write it as '7')"),
        (12, "must be a decimal string"),
        (12.5, "must be a decimal string"),
        (None, "must be a decimal string"),
    ],
)
def test_bad_total(bad, message):
    data = dict_of(PARS)
    data["cost"]["monthly_total"] = bad
    got = problems(data)
    assert len(got) == 1
    assert got[0].startswith("cost.monthly_total: ")
    assert message in got[0]


def test_bad_decimal_deep_inside():
    data = dict_of(PARS)
    data["scenarios"][2]["models"]["fixed"]["client_cost"] = "NaN"
    data["cost"]["lines"][3]["amount"] = "abc"
    got = problems(data)
    assert any(p.startswith("scenarios.2.models.fixed.client_cost: must be a finite decimal") for p in got)
    assert any(p.startswith("cost.lines.3.amount: 'abc' is not a decimal number") for p in got)


def test_missing_models():
    data = dict_of(PARS)
    del data["models"]
    assert problems(data) == ["models: required key is missing"]


def test_missing_common_model_field():
    data = dict_of(PARS)
    del data["models"]["hybrid"]["vat"]
    assert problems(data) == ["models.hybrid.vat: required key is missing"]


def test_unknown_key():
    data = dict_of(PARS)
    data["totl"] = "1"
    data["cost"]["monthly_totl"] = "1"
    data["models"]["fixed"]["band_max_call"] = 5
    got = problems(data)
    assert any(p.startswith("totl: unknown key") for p in got), got
    assert "cost.monthly_totl: unknown key; did you mean 'monthly_total'?" in got
    assert "models.fixed.band_max_call: unknown key; did you mean 'band_max_calls'?" in got


@pytest.mark.parametrize("bad", ["12", "twelve", 12.0, True, None, [12]])
def test_wrong_type_for_term_months(bad):
    data = dict_of(PARS)
    data["term_months"] = bad
    got = problems(data)
    assert len(got) == 1 and got[0].startswith("term_months: "), got


def test_every_problem_at_once():
    data = dict_of(PARS)
    data["term_months"] = "x"
    data["vat_rate"] = "NaN"
    del data["models"]
    data["options"]["goal"] = "cheap"
    got = problems(data)
    assert [p.split(":")[0] for p in got] == ["vat_rate", "term_months", "options.goal", "models"]


def test_wrong_schema_and_not_a_dict():
    data = dict_of(PARS)
    data["schema"] = "quoter.quote/2"
    assert problems(data)[0].startswith("schema: ")
    with pytest.raises(InputError, match="must be a JSON object"):
        validate_quote([1, 2])  # type: ignore[arg-type]


def test_parse_dec_accepts_engine_text():
    for text in ("0", "42996259000", "0.10", "-0.05", "9709.56", "0.000000", "-0.00"):
        assert format(parse_dec(text), "f") == text
    assert parse_dec(Decimal("1.50")) == Decimal("1.50")
    with pytest.raises(ValueError, match="finite"):
        parse_dec(Decimal("NaN"))


# ---------------------------------------------------------------- JSON Schemas
@pytest.mark.parametrize("name", NAMES)
def test_committed_schema_is_fresh(name):
    path = SCHEMA_DIR / file_name(name)
    assert path.exists(), f"{path} is missing: run `{WRITE_COMMAND}`"
    assert path.read_text(encoding="utf-8") == render(name), f"{path} is stale: run `{WRITE_COMMAND}`"


@pytest.mark.parametrize("name", NAMES)
def test_schema_header(name):
    s = schema(name)
    assert s["$id"] == f"urn:quoter:schema:{name}"
    assert s["$schema"].startswith("https://json-schema.org/")
    assert s["title"] and s["type"] == "object" and s["properties"]


def test_quote_schema_types_decimals_as_strings():
    s = schema("quote")
    cost = s["$defs"]["Cost"]["properties"]["monthly_total"]
    assert cost["type"] == "string" and "pattern" in cost
    assert s["properties"]["schema"] == {"const": "quoter.quote/1", "title": "Schema", "type": "string"}
    assert s["additionalProperties"] is False
    assert "models" in s["required"]


def test_unknown_schema_name():
    with pytest.raises(InputError, match="'nope' is not one of quote, requirements, price-book"):
        schema("nope")
