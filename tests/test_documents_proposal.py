"""The proposal a client reads and a negotiator uses: rendered for the four examples in both languages and
read back with python-docx (no LibreOffice here).

It must show priced deliverables whose set-up lines add up to the total shown, never the provider's
internal lines (margin, nesting, cost build-up); each service once, included or an add-on with its price;
the tariffs' minimums, the fixed fee's band and over/under rates, the hybrid's base; a covering letter, the
company, the payment terms and a signature-and-stamp block; Persian digits only in Persian; and only the
quote's own amounts.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from quoter.inputs.requirements import load_requirements
from quoter.money import Rounder
from quoter.pricing.cost import Line
from quoter.pricing.setup import INTERNAL_SETUP, offer_lines
from quoter.quote.pipeline import build_quote
from quoter.render.documents import render_documents
from quoter.render.localize import format_money, format_number, to_latin_digits
from quoter.render.text import line_label

EXAMPLES = Path(__file__).parent.parent / "examples"
TODAY = dt.date(2026, 11, 22)
BOOKS = {"offshore-english": "offshore-usd-2026"}
NAMES = ("bank-sat-thu", "offshore-english", "pars-retail-24x7", "survey-outbound")
LANGS = ("fa", "en")

HEADINGS = {
    "fa": ("نامه ارائه پیشنهاد", "معرفی شرکت", "شرح نیازهای کارفرما", "شرایط پرداخت", "مهر و امضا"),
    "en": ("Covering letter", "About us", "The client's requirements", "Payment terms", "Signature and stamp"),
}
SETUP_HEADER = {"fa": "شرح", "en": "Item"}
ADD_ON_HEADER = {"fa": "خدمت", "en": "Service"}
SERVICE_DESIGN = {"fa": ("۳. طراحی خدمت", "۴. برنامه نیروی انسانی"), "en": ("3. Service design", "4. Staffing plan")}
INCLUDED_MARK = {  # an add-on's key -> words that name the same service in the included list or the set-up
    "call_recording_access": {"fa": "ضبط مکالمات", "en": "call-recording"},
    "custom_crm": {"fa": "مدیریت ارتباط با مشتری", "en": "CRM"},
    "ivr_design": {"fa": "پاسخگوی خودکار", "en": "IVR"},
}


@pytest.fixture(scope="module")
def quotes() -> dict[str, dict[str, Any]]:
    return {
        name: build_quote(
            load_requirements(EXAMPLES / f"{name}.yaml"), BOOKS.get(name), today=TODAY, number="Q-1405-0042"
        ).to_dict()
        for name in NAMES
    }


@pytest.fixture(scope="module")
def docs(quotes, tmp_path_factory) -> dict[tuple[str, str], Any]:
    out = {}
    for name, quote in quotes.items():
        for path in render_documents(quote, only=["proposal"], out_dir=tmp_path_factory.mktemp(name)):
            out[(name, path.stem.rsplit("-", 1)[-1])] = Document(str(path))
    return out


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _paragraphs(doc: Any) -> list[str]:
    return [_text(p) for p in doc.element.body.iter(qn("w:p"))]


def _table(doc: Any, header: str) -> list[list[str]]:
    """The rows (after the header) of the table whose first header cell is ``header``."""
    for table in doc.tables:
        rows = [[c.text.strip() for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == header:
            return rows[1:]
    raise AssertionError(f"no table headed {header!r}")


def _amount(text: str, lang: str) -> Decimal:
    """A formatted amount back to a Decimal: «۱۲٬۳۴۵ ریال», ``$1,234.50``, ``12,345 IRR``."""
    latin = to_latin_digits(text).replace("٬", "").replace("٫", ".").replace(",", "")
    return Decimal(re.sub(r"[^0-9.]", "", latin))


_MONEY = {
    "fa": re.compile(r"[۰-۹][۰-۹٬٫]* (?:ریال|دلار|یورو)"),
    "en": re.compile(r"(?:\$|€)[0-9][0-9,.]*[0-9]|[0-9][0-9,]*(?:\.[0-9]+)? (?:IRR|USD|EUR)"),
}


def _numbers(data: Any) -> set[Decimal]:
    """Every number anywhere in the quote."""
    if isinstance(data, dict):
        return set().union(*(_numbers(v) for v in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(_numbers(v) for v in data)) if data else set()
    try:
        return {Decimal(str(data))} if not isinstance(data, bool) and data is not None else set()
    except ArithmeticError:
        return set()


CASES = [(name, lang) for name in NAMES for lang in LANGS]


# --- set-up: deliverables that add up, internal lines folded in ----------------------------------------


def _line(key: str, amount: str) -> Line:
    return Line(key, "setup", Decimal(1), "item", Decimal(amount), Decimal(amount), "price book")


def test_offer_folds_internal_lines_in_and_adds_up_exactly():
    rounder = Rounder(
        line=Decimal(1), unit_price=Decimal(1), hourly=Decimal(1), seat=Decimal(1), monthly=Decimal(1),
        setup=Decimal(10000),
    )  # fmt: skip
    lines = (
        _line("setup.recruitment", "2175000000"),
        _line("setup.training", "12454342400"),
        _line("setup.nesting", "5479910656"),
        _line("setup.ivr", "350000000"),
        _line("setup.crm", "600000000"),
        _line("setup.margin", "2339914666"),
    )
    total = rounder.setup(sum((ln.amount for ln in lines), Decimal(0)))
    offer = offer_lines(lines, total, rounder)
    assert [o.key for o in offer] == ["setup.recruitment", "setup.training", "setup.ivr", "setup.crm"]
    assert sum(o.amount for o in offer) == total == Decimal("23399170000")
    assert all(o.amount % 10000 == 0 for o in offer)
    shown = sum(ln.amount for ln in lines if ln.key not in INTERNAL_SETUP)
    for o, ln in zip(offer, [ln for ln in lines if ln.key not in INTERNAL_SETUP], strict=True):
        assert abs(o.amount - ln.amount * total / shown) <= 10000  # in proportion, within a rounding step


def test_the_rounding_remainder_goes_to_the_largest_line():
    rounder = Rounder(
        line=Decimal(1), unit_price=Decimal(1), hourly=Decimal(1), seat=Decimal(1), monthly=Decimal(1),
        setup=Decimal(10),
    )  # fmt: skip
    lines = (_line("setup.a", "1"), _line("setup.b", "1"), _line("setup.c", "1"), _line("setup.margin", "27"))
    offer = offer_lines(lines, Decimal(30), rounder)  # each third is 10: no remainder
    assert [o.amount for o in offer] == [10, 10, 10]
    lines = (_line("setup.a", "2"), _line("setup.b", "1"), _line("setup.c", "1"), _line("setup.margin", "36"))
    offer = offer_lines(lines, Decimal(40), rounder)  # 20, 10, 10
    assert [o.amount for o in offer] == [20, 10, 10]
    lines = (_line("setup.a", "3"), _line("setup.b", "3"), _line("setup.c", "4"))
    offer = offer_lines(lines, Decimal(100), rounder)  # 30, 30, 40 -> exact
    assert sum(o.amount for o in offer) == 100
    offer = offer_lines(lines, Decimal(110), rounder)  # 33 -> 30, 33 -> 30, 44 -> 40: the 10 left goes to c
    assert [o.amount for o in offer] == [30, 30, 50]


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_setup_lines_add_up_to_the_total_shown(quotes, docs, name, lang):
    quote, doc = quotes[name], docs[(name, lang)]
    rows = _table(doc, SETUP_HEADER[lang])
    total = Decimal(quote["setup"]["total"])
    assert len(rows) == len(quote["setup"]["offer"]) >= 2
    assert sum(_amount(amount, lang) for _, amount in rows) == total
    assert [_amount(a, lang) for _, a in rows] == [Decimal(o["amount"]) for o in quote["setup"]["offer"]]
    assert format_money(total, quote["currency"], lang) in "".join(_paragraphs(doc))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_internal_line_reaches_the_proposal(quotes, docs, name, lang):
    quote, doc = quotes[name], docs[(name, lang)]
    text = "".join(_paragraphs(doc))
    for line in quote["setup"]["lines"]:
        if line["key"] in INTERNAL_SETUP:
            assert line_label(line, lang) not in text
            assert format_money(Decimal(line["amount"]), quote["currency"], lang) not in text
    cells = {c.text.strip() for t in doc.tables for row in t.rows for c in row.cells}
    for line in quote["cost"]["lines"]:
        assert line_label(line, lang) not in cells, f"cost line {line['key']} shown"
    internal = {"fa": ("سود راه‌اندازی", "بهره‌وری کمتر"), "en": ("Set-up margin", "below full productivity")}
    assert not [w for w in internal[lang] if w in text]
    # the quote book's approval gate (margin floor, discount ceiling) is the provider's own policy
    assert not [a for a in quote["assumptions"] if "approval" in str(a.get("fields", {}).get("figure", ""))]
    assert "approval" not in text.lower() and "تأیید مدیر" not in text


# --- services: included or an add-on, never both -------------------------------------------------------


def _section(doc: Any, lang: str) -> str:
    paras = _paragraphs(doc)
    start, end = (paras.index(h) for h in SERVICE_DESIGN[lang])
    return " ".join(paras[start:end])


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_no_service_is_both_included_and_an_add_on(quotes, docs, name, lang):
    quote, doc = quotes[name], docs[(name, lang)]
    shown = {row[0] for row in _table(doc, ADD_ON_HEADER[lang])}
    included = _section(doc, lang) + " ".join(row[0] for row in _table(doc, SETUP_HEADER[lang]))
    for add_on in quote["add_ons"]:
        label = (add_on.get("name_fa") if lang == "fa" else None) or add_on["name"]
        mark = INCLUDED_MARK.get(add_on["key"], {}).get(lang)
        if label in shown and mark:
            assert mark not in included, f"{add_on['key']} is an add-on and included"
        elif mark:
            assert mark in included, f"{add_on['key']} is neither included nor an add-on"
    assert "call_recording_access" in {a["key"] for a in quote["add_ons"]}  # the examples' books sell it
    assert INCLUDED_MARK["call_recording_access"][lang] not in _section(doc, lang)


# --- tariffs: the figures a negotiator needs ------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_minimums_and_the_fixed_and_hybrid_terms_appear(quotes, docs, name, lang):
    quote, doc = quotes[name], docs[(name, lang)]
    cur, models = quote["currency"], quote["models"]
    text = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    want = [
        format_money(Decimal(models["per_call"]["minimum_monthly"]), cur, lang),
        format_money(Decimal(models["per_minute"]["minimum_monthly"]), cur, lang),
        format_money(Decimal(models["fixed"]["overage_rate"]), cur, lang),
        format_money(Decimal(models["fixed"]["underage_rate"]), cur, lang),
        format_number(Decimal(models["fixed"]["band_min_calls"]), lang),
        format_number(Decimal(models["fixed"]["band_max_calls"]), lang),
        format_money(Decimal(models["hybrid"]["base_monthly"]), cur, lang),
        format_number(Decimal(models["per_seat"]["seats"]), lang),
    ]
    assert not [w for w in want if w not in text]


# --- the letter, the company, payment, signature ---------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_letter_company_payment_and_signature_are_there(quotes, docs, name, lang):
    quote, doc = quotes[name], docs[(name, lang)]
    paras = _paragraphs(doc)
    headings = [t for t in paras if t]
    missing = [h for h in HEADINGS[lang] if not any(t.endswith(h) for t in headings)]
    assert not missing
    text = " ".join(paras)
    greeting = {"fa": "با سلام و احترام", "en": "Dear Sir or Madam"}[lang]
    assert greeting in text
    company = quote["company"]
    assert company[f"description_{lang}" if lang == "fa" else "description"] in text
    pay = quote["term"]["payment"]
    days = format_number(Decimal(pay["days"]), lang)
    assert {"fa": f"ظرف {days} روز", "en": f"within {days} days"}[lang] in text
    if Decimal(pay["guarantee_share"]):
        assert {"fa": "ضمانت‌نامه حسن انجام تعهدات", "en": "performance guarantee"}[lang] in text
    stamp = {"fa": "مهر و امضا:", "en": "Signature and company stamp:"}[lang]
    cells = [c.text for row in doc.tables[-1].rows for c in row.cells]
    assert sum(stamp in c for c in cells) == 2  # the provider's and the client's


# --- wording -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_persian_wording(quotes, docs, name):
    quote, text = quotes[name], " ".join(_paragraphs(docs[(name, "fa")]))
    for calque in ("آن‌گونه که ما دریافته‌ایم", "اتلاف زمان"):
        assert calque not in text
    if len(quote["requirements"]["languages"]) == 1:
        assert "به زبان‌های" not in text and "سهم زبان‌ها" not in text
        assert "به زبان " in text
    assert "زمان غیرمولد" in text


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_vat_line_only_when_vat_applies(quotes, docs, name, lang):
    quote, text = quotes[name], " ".join(_paragraphs(docs[(name, lang)]))
    if Decimal(quote["vat_rate"]):
        assert {"fa": "مالیات بر ارزش افزوده به نرخ", "en": "VAT at"}[lang] in text
        return
    assert {"fa": "مالیات بر ارزش افزوده به این خدمات تعلق نمی‌گیرد", "en": "VAT does not apply"}[lang] in text
    assert not re.search({"fa": r"[(]?[۰0]٪[)]? ?مالیات|مالیات بر ارزش افزوده \(۰٪\)", "en": r"VAT[^.]*0%"}[lang], text)
    assert {"fa": "مالیات بر ارزش افزوده (", "en": "plus VAT"}[lang] not in text


@pytest.mark.parametrize("name", NAMES)
def test_no_latin_digit_in_the_persian_proposal(quotes, docs, name):
    quote = quotes[name]
    # identifiers are written with no-break joins (U+2060 after a hyphen, U+2011 hyphens): read them plain
    text = " ".join(_paragraphs(docs[(name, "fa")])).replace("\u2060", "").replace("\u2011", "-")
    for latin in (quote["quote"]["number"], quote["company"].get("email") or ""):
        text = text.replace(latin, "")
    assert not re.findall(r".{0,20}[0-9].{0,20}", text)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_every_amount_is_the_quotes(quotes, docs, name, lang):
    """Each amount in the proposal is a figure of the quote (or the guarantee: its share of the value)."""
    quote, doc = quotes[name], docs[(name, lang)]
    known = _numbers(quote)
    value = quote["term"]["totals"][quote["chosen_model"]]["revenue"]
    share = quote["term"]["payment"]["guarantee_share"]
    unit = Decimal(1) if quote["currency"] == "IRR" else Decimal("0.01")
    known.add((Decimal(value) * Decimal(share)).quantize(unit))
    text = " ".join(_paragraphs(doc))
    amounts = _MONEY[lang].findall(text)
    assert len(amounts) > 30
    assert not [a for a in amounts if _amount(a, lang) not in known]
