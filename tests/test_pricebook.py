"""Price books: every shipped book loads, numbers arrive as Decimal, bad books get exact messages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from quoter.errors import InputError
from quoter.inputs.pricebook import (
    DEFAULT_BOOK,
    list_price_books,
    load_price_book,
    read_price_book,
    resolve_price_book,
)

from .conftest import ROOT

BOOKS = sorted((ROOT / "pricing_models").glob("*.yaml"))
IR = ROOT / "pricing_models" / "ir-1405.yaml"


def _walk(value, path="book"):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")
    else:
        yield path, value


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.stem)
def test_every_book_loads_without_float(path):
    book = read_price_book(path)
    assert book.name == path.stem
    floats = [p for p, v in _walk(book.model_dump()) if isinstance(v, float)]
    assert floats == [], "money must never pass through float"


def test_decimals_are_exact():
    book = load_price_book()
    assert book.name == DEFAULT_BOOK
    assert book.vat_rate == Decimal("0.10") and isinstance(book.vat_rate, Decimal)
    assert book.premiums.shift_three == Decimal("0.15")  # Labour Law art. 56: all three bands
    assert book.premiums.shift_two_with_night == Decimal("0.225")  # art. 56: morning or evening with night
    assert book.labour.minimum_wage_daily == 5541850  # the 1405 decree
    assert book.labour.minimum_wage_monthly == Decimal("166255500")
    assert book.insurance_ceiling() == 7 * Decimal("166255500")


def test_list_price_books():
    books = {b.name: b for b in list_price_books()}
    assert {"ir-1405", "offshore-usd-2026"} <= set(books)
    assert books["ir-1405"].currency == "IRR" and books["offshore-usd-2026"].currency == "USD"
    assert str(books["ir-1405"].as_of) == "2026-11-22"


def test_resolve_by_name_path_and_env(tmp_path, monkeypatch):
    assert resolve_price_book("ir-1405") == IR
    assert resolve_price_book(str(IR)) == IR
    mine = tmp_path / "books"
    mine.mkdir()
    (mine / "my-book.yaml").write_text(IR.read_text(encoding="utf-8").replace("name: ir-1405", "name: my-book"))
    monkeypatch.setenv("QUOTER_PRICE_BOOKS", str(mine))
    assert load_price_book("my-book").name == "my-book"
    with pytest.raises(InputError) as exc:
        load_price_book("nope")
    assert str(exc.value).startswith("no price book named 'nope' (available: ir-1405, my-book, offshore-usd-2026")


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(needle))


def _problems(tmp_path: Path, text: str) -> list[str]:
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_price_book(p)
    assert str(exc.value).startswith(f"{p}: ")
    return exc.value.problems


BASE = IR.read_text(encoding="utf-8")


def test_missing_rate(tmp_path):
    text = BASE.replace("  per_minute: 800 ", "  #per_minute: 800 ")
    assert _problems(tmp_path, text) == [
        f"telephony.per_minute: required key is missing (line {_line(text, 'telephony:')})"
    ]


def test_negative_margin(tmp_path):
    text = BASE.replace("target_margin: 0.18", "target_margin: -0.05")
    assert _problems(tmp_path, text) == [f"target_margin: must not be negative (line {_line(text, 'target_margin')})"]


@pytest.mark.parametrize("margin", ["1.0", "1.5"])
def test_margin_of_100_percent_or_more(tmp_path, margin):
    text = BASE.replace("target_margin: 0.18", f"target_margin: {margin}")
    assert _problems(tmp_path, text) == [
        "target_margin: must be below 1 (100%): the margin is a share of the price "
        f"(line {_line(text, 'target_margin')})"
    ]


def test_unknown_currency(tmp_path):
    text = BASE.replace("currency: IRR ", "currency: XYZ ")
    assert _problems(tmp_path, text) == [
        f"currency: 'XYZ' is not an ISO 4217 currency code (e.g. IRR, USD, EUR) (line {_line(text, 'currency:')})"
    ]


def test_ramp_up_longer_than_the_shortest_term(tmp_path):
    text = BASE.replace("{week: 5, share: 1.0}", "{week: 12, share: 1.0}")
    assert _problems(tmp_path, text) == [
        "ramp_up: the ramp-up (12 weeks) is longer than the shortest term (terms.min_term_months = 2, 8.7 weeks) "
        f"(line {_line(text, 'ramp_up:')})"
    ]


def test_unknown_key_and_several_problems_at_once(tmp_path):
    text = BASE.replace("vat_rate: 0.10", "vat_rat: 0.10").replace("target_margin: 0.18", "target_margin: -1")
    assert _problems(tmp_path, text) == [
        "vat_rate: required key is missing",
        f"target_margin: must not be negative (line {_line(text, 'target_margin')})",
        f"vat_rat: unknown key; did you mean 'vat_rate'? (line {_line(text, 'vat_rat')})",
    ]


def test_wage_below_minimum_and_tiers(tmp_path):
    text = BASE.replace("    fa: 180000000", "    fa: 150000000")
    assert _problems(tmp_path, text) == [
        "wages.agent.fa: 150,000,000 is below the 1405 minimum monthly wage 166,255,500 "
        f"(labour.minimum_wage_daily 5,541,850 x 30 days) (line {_line(text, 'fa: 150000000')})"
    ]
    text = BASE.replace("    default: 180000000\n", "")
    assert _problems(tmp_path, text) == [
        f"wages.agent: needs a 'default' tier for languages without their own wage (line {_line(text, 'agent:')})"
    ]


def test_tiers_must_not_raise_prices_and_kpis_sum_to_one(tmp_path):
    text = BASE.replace("{from_share: 1.30, discount: 0.06}", "{from_share: 1.30, discount: 0.01}")
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith(
        "models.per_call.tiers: tiers must start at growing volumes with discounts that never shrink"
    )
    text = BASE.replace("qa: {allocation: 0.15, target: 0.90}", "qa: {allocation: 0.25, target: 0.90}")
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith("models.performance.kpis: allocations sum to 1.10, not 1")


def test_broken_yaml_and_missing_file(tmp_path):
    p = tmp_path / "broken.yaml"
    p.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken YAML \(line 2, column 1\)"):
        read_price_book(p)
    with pytest.raises(InputError, match="price book file not found"):
        read_price_book(tmp_path / "none.yaml")


def test_snapshot_round_trip():
    from quoter.inputs.pricebook import book_from_snapshot

    book = load_price_book()
    assert book_from_snapshot(book.snapshot()) == book


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('night_start: "22:00"', 'night_start: "22"', "labour.night_start: '22' is not a time of day HH:MM"),
        ('night_end: "06:00"', 'night_end: "25:00"', "labour.night_end: '25:00' is not a valid time of day"),
        ('night_end: "06:00"', 'night_end: "22:00"', "labour: night_start and night_end are both 22:00"),
        ("rest_days: [fri]", "rest_days: [friday]", "labour.rest_days: friday: not a day (sat, sun, mon"),
        ("rest_days: [fri]", "rest_days: [fri, fri]", "labour.rest_days: names a day twice"),
        ("holidays_per_year: 26", "holidays_per_year: 70", "labour.holidays_per_year:"),
    ],
)
def test_bad_labour_facts_name_the_field(tmp_path, old, new, message):
    """The night window, rest days and holidays live in the book's labour section (not in shift rules)."""
    assert old in BASE
    (problem,) = _problems(tmp_path, BASE.replace(old, new))
    assert problem.startswith(message)


def test_labour_facts_and_their_defaults():
    labour = load_price_book().labour
    assert (labour.night_start, labour.night_end, labour.rest_days) == ("22:00", "06:00", ["fri"])
    assert labour.night_window == (22 * 60, 6 * 60) and labour.timezone == "Asia/Tehran"
    assert labour.is_night(22 * 60) and labour.is_night(5 * 60 + 59) and not labour.is_night(6 * 60)
    assert labour.is_rest_day(6) and not labour.is_rest_day(5)  # Saturday is day 0


def test_support_wage_and_allowances_below_the_law_are_named(tmp_path):
    text = BASE.replace("  qa: 240000000", "  qa: 160000000").replace(
        "allowances:                       # what this provider pays per full-time head per month\n  housing: 30000000",
        "allowances:                       # what this provider pays per full-time head per month\n  housing: 9000000",
    )
    problems = _problems(tmp_path, text)
    assert len(problems) == 1, problems
    assert "wages.qa: 160,000,000 is below the 1405 minimum monthly wage 166,255,500" in problems[0]
    assert "allowances.housing: 9,000,000 is below the 1405 legal figure 30,000,000 (law)" in problems[0]


def test_every_statutory_figure_has_a_source():
    from quoter.inputs.term_book import STATUTORY

    for name in ("ir-1405", "offshore-usd-2026"):
        book = load_price_book(name)
        missing = [k for k in STATUTORY if k not in book.sources]
        assert missing == [], f"{name}: no source for {missing}"
        for key, src in book.sources.items():
            assert src.source and (src.date or src.status != "confirmed"), f"{name}: {key} has no date"
        # the unconfirmed ones are listed in every quote's assumptions (checked in test_quote)
    ir = load_price_book("ir-1405")
    assert ir.sources["premiums.shift_three"].url and "ilawyou.ir" in ir.sources["premiums.shift_three"].url
    assert ir.sources["labour.minimum_wage_daily"].status == "unconfirmed"
