"""The term plan in the documents: the contract's price-adjustment article (indexed) or fixed prices (level),
its payment article (retentions, guarantee, withholding, each only when its figure is not zero), and the
proposal's sentence on the price policy and its payment line. Rendered to .docx and read back with
python-docx (no LibreOffice here)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import jdatetime
import pytest
from docx import Document
from docx.oxml.ns import qn

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.quote.pipeline import build_quote
from quoter.render.documents import build_context, render_documents
from quoter.render.localize import format_money, to_persian_digits

EXAMPLES = Path(__file__).parent.parent / "examples"
TODAY = dt.date(2026, 11, 22)  # 1 Azar 1405: the term starts 1 Dey 1405 and crosses one Nowruz
FORMULA_FX = "P = P0 × (L × W/W0 + O × CPI/CPI0 + F × FX/FX0)"
FORMULA = "P = P0 × (L × W/W0 + O × CPI/CPI0)"


def _quote(example: str, book=None) -> dict:
    return build_quote(load_requirements(EXAMPLES / example), book, today=TODAY, number="Q-1405-0042").to_dict()


@pytest.fixture(scope="module")
def pars() -> dict:
    return _quote("pars-retail-24x7.yaml")


@pytest.fixture(scope="module")
def level() -> dict:
    book = load_price_book(None)
    book = book.model_copy(update={"indexation": book.indexation.model_copy(update={"policy": "level"})})
    return _quote("pars-retail-24x7.yaml", book)


@pytest.fixture(scope="module")
def offshore() -> dict:
    return _quote("offshore-english.yaml", "offshore-usd-2026")


def _render(quote: dict, out: Path) -> dict[tuple[str, str], list]:
    """(document, lang) -> the rendered document's paragraphs (body, tables included)."""
    paths = render_documents(quote, only=["contract", "proposal"], out_dir=out)
    docs = {}
    for path in paths:
        doc, lang = path.stem.rsplit("-", 2)[-2:]
        docs[(doc, lang)] = list(Document(str(path)).element.body.iter(qn("w:p")))
    return docs


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def full_text(paragraphs: list) -> str:
    return "\n".join(text_of(p) for p in paragraphs)


def payment_section(paragraphs: list, lang: str) -> str:
    """The proposal's payment-terms section: from its heading to the next one (assumptions)."""
    texts = [text_of(p) for p in paragraphs]
    start = texts.index("۹. شرایط پرداخت" if lang == "fa" else "9. Payment terms")
    end = texts.index("۱۰. مفروضات" if lang == "fa" else "10. Assumptions")
    return "\n".join(texts[start + 1 : end])


def paragraph_with(paragraphs: list, needle: str) -> str:
    """The one paragraph that contains ``needle``."""
    found = [text_of(p) for p in paragraphs if needle in text_of(p)]
    assert len(found) == 1, (needle, found)
    return found[0]


@pytest.fixture(scope="module")
def pars_docs(pars, tmp_path_factory):
    return _render(pars, tmp_path_factory.mktemp("pars"))


@pytest.fixture(scope="module")
def level_docs(level, tmp_path_factory):
    return _render(level, tmp_path_factory.mktemp("level"))


@pytest.fixture(scope="module")
def offshore_docs(offshore, tmp_path_factory):
    return _render(offshore, tmp_path_factory.mktemp("offshore"))


def pct(fraction: str, lang: str) -> str:
    """A fraction written as the documents write a percentage (independently of quoter's formatting):
    0.9762 -> 97.62% / ۹۷٫۶۲٪, 0.05 -> 5% / ۵٪."""
    text = format(Decimal(fraction) * 100, "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return to_persian_digits(text.replace(".", "٫")) + "٪" if lang == "fa" else text + "%"


def jalali_month(label: str, lang: str) -> str:
    year, month = (int(x) for x in label.split("-"))
    if lang == "fa":
        return to_persian_digits(f"{jdatetime.date.j_months_fa[month - 1]} {year}")
    first = jdatetime.date(year, month, 1).togregorian()
    return f"{jdatetime.date.j_months_en[month - 1]} {year} ({first.day} {first.strftime('%B')} {first.year})"


# --- indexed (the price book's default) -----------------------------------------------------------------


def test_the_example_is_indexed_with_one_nowruz(pars):
    term = pars["term"]
    assert term["policy"] == "indexed"
    assert [a["month"] for a in term["policies"]["indexed"]["adjustments"]] == ["1406-01"]
    indexed = term["policies"]["indexed"]
    shares = [Decimal(indexed[k]) for k in ("labour_share", "other_share", "fx_share")]
    assert sum(shares) == 1 and all(s > 0 for s in shares), shares


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_contract_carries_the_adjustment_formula(pars, pars_docs, lang):
    paragraphs = pars_docs[("contract", lang)]
    text = full_text(paragraphs)
    indexed = pars["term"]["policies"]["indexed"]
    labour, other, fx = (pct(indexed[k], lang) for k in ("labour_share", "other_share", "fx_share"))
    if indexed["labour_share"] == "0.9762":  # the shares as the brief's example quotes them
        assert (labour, other, fx) == (("۹۷٫۶۲٪", "۱٫۴۹٪", "۰٫۸۹٪") if lang == "fa" else ("97.62%", "1.49%", "0.89%"))
    equals = " برابر " if lang == "fa" else " = "
    for letter, share in (("L", labour), ("O", other), ("F", fx)):
        assert f"{letter}{equals}{share}" in text, (letter, share)
    assert FORMULA_FX in [text_of(p) for p in paragraphs]
    if lang == "fa":
        assert "حداقل مزد روزانه مصوب شورای عالی کار" in text and "مرکز آمار ایران" in text
        assert "مرکز مبادله ارز و طلای ایران" in text
    else:
        assert "Supreme Labour Council" in text and "Statistical Centre of Iran" in text
        assert "Iran Centre of Exchange" in text
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_first_adjustment_month_is_in_the_formula_clause(pars_docs, lang):
    paragraphs = pars_docs[("contract", lang)]
    clause = paragraph_with(paragraphs, "۵-۱-" if lang == "fa" else "5.1.")
    first = jalali_month("1406-01", lang)
    assert first == ("فروردین ۱۴۰۶" if lang == "fa" else "Farvardin 1406 (21 March 2027)")
    assert ("۱ " if lang == "fa" else "1 ") + first in clause
    cpi = paragraph_with(paragraphs, "CPI0 " + ("همان" if lang == "fa" else "the same"))
    assert jalali_month("1405-12", lang) in cpi  # the index of the month before the adjustment
    assert jalali_month("1405-08", lang) in cpi  # and of the month before the quote (Aban 1405)


def test_the_formula_is_a_left_to_right_line_in_persian(pars_docs):
    (p,) = [p for p in pars_docs[("contract", "fa")] if text_of(p) == FORMULA_FX]
    bidi = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
    assert bidi is not None and bidi.get(qn("w:val")) == "0"
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is None for r in p.iter(qn("w:r")))


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_contract_payment_article(pars, pars_docs, lang):
    paragraphs = pars_docs[("contract", lang)]
    text = full_text(paragraphs)
    pay = pars["term"]["payment"]
    days = to_persian_digits(str(pay["days"])) if lang == "fa" else str(pay["days"])
    first = paragraph_with(paragraphs, "۶-۱-" if lang == "fa" else "6.1.")
    assert (f"ظرف {days} روز" if lang == "fa" else f"within {days} days") in first
    einvoice = paragraph_with(paragraphs, "۶-۲-" if lang == "fa" else "6.2.")
    assert ("سامانه مودیان" if lang == "fa" else "Samaneh-ye Moadian") in einvoice
    assert ("۶-۴-" if lang == "fa" else "6.4.") in text
    clauses = {
        "social_security_retention": "ماده ۳۸ قانون تأمین اجتماعی" if lang == "fa" else "article 38",
        "performance_retention": "حسن انجام کار:" if lang == "fa" else "Good performance:",
        "guarantee_share": "ضمانت‌نامه بانکی بدون قید و شرط" if lang == "fa" else "unconditional bank guarantee",
        "withholding": "ماده ۱۰۴ قانون مالیات‌های مستقیم" if lang == "fa" else "article 104 of the Direct Taxes Act",
    }
    for key, needle in clauses.items():
        assert Decimal(pay[key]) > 0, key
        assert pct(pay[key], lang) in paragraph_with(paragraphs, needle), key
    assert "مفاصاحساب" in paragraph_with(paragraphs, clauses["social_security_retention"]) or lang == "en"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_contract_value_and_guarantee_in_figures_and_words(pars, pars_docs, lang):
    text = full_text(pars_docs[("contract", lang)])
    ctx = build_context(pars, lang)
    revenue = Decimal(pars["term"]["totals"][pars["chosen_model"]]["revenue"])
    assert ctx["term"]["value"]["figures"] == format_money(revenue, "IRR", lang)
    assert ctx["term"]["value"]["figures"] in text and ctx["term"]["value"]["words"] in text
    guarantee = revenue * Decimal(pars["term"]["payment"]["guarantee_share"])
    assert ctx["term"]["guarantee"]["figures"] == format_money(guarantee, "IRR", lang)
    assert ctx["term"]["guarantee"]["words"] in text


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_proposal_states_the_policy_and_the_payment_terms(pars, pars_docs, lang):
    text = full_text(pars_docs[("proposal", lang)])
    indexed, pay = pars["term"]["policies"]["indexed"], pars["term"]["payment"]
    for key in ("labour_share", "other_share", "fx_share"):
        assert pct(indexed[key], lang) in text, key
    assert jalali_month("1406-01", lang) in text
    days = to_persian_digits(str(pay["days"])) if lang == "fa" else str(pay["days"])
    line = payment_section(pars_docs[("proposal", lang)], lang)
    assert (f"ظرف {days} روز" if lang == "fa" else f"within {days} days") in line
    for key in ("social_security_retention", "performance_retention", "guarantee_share", "withholding"):
        assert pct(pay[key], lang) in line, key
    old = "جز در صورت تغییر حداقل دستمزد قانونی" if lang == "fa" else "unless wages set by law change"
    assert old not in text


def test_persian_term_figures_have_persian_digits(pars):
    term = build_context(pars, "fa")["term"]
    term["indexed"].pop("formula")  # a Latin expression by design
    assert not re.search(r"[0-9]", json.dumps(term, ensure_ascii=False)), "ASCII digits in the Persian term"
    assert not re.search("[۰-۹]", json.dumps(build_context(pars, "en")["term"], ensure_ascii=False))


# --- level ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_level_contract_is_fixed_with_no_formula(level, level_docs, lang):
    assert level["term"]["policy"] == "level"
    text = full_text(level_docs[("contract", lang)])
    for absent in ("W/W0", "CPI0", "P0", "Farvardin 1406 (21", "فروردین ۱۴۰۶"):
        assert absent not in text, absent
    article = paragraph_with(level_docs[("contract", lang)], "ماده ۴ در تمام مدت" if lang == "fa" else "are fixed")
    assert ("ثابت است" if lang == "fa" else "fixed for the whole term") in article
    assert ("تعدیل نمی‌شود" if lang == "fa" else "no adjustment") in article


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_level_contract_states_the_level_prices(level, level_docs, lang):
    """A fixed price for the term is the level price, not today's (which the indexed contract adjusts)."""
    text = full_text(level_docs[("contract", lang)])
    chosen = level["chosen_model"]
    level_prices = level["term"]["policies"]["level"]["prices"][chosen]
    today = level["models"][chosen]
    ctx = build_context(level, lang)
    assert ctx["chosen"]["monthly"]["figures"] == format_money(
        Decimal(level_prices["monthly_at_forecast"]), "IRR", lang
    )
    assert ctx["chosen"]["monthly"]["figures"] in text
    assert format_money(Decimal(today["monthly_at_forecast"]), "IRR", lang) not in text
    assert Decimal(level_prices["factor"]) > 1


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_level_proposal_says_fixed(level_docs, lang):
    text = full_text(level_docs[("proposal", lang)])
    line = paragraph_with(level_docs[("proposal", lang)], "مبالغ بدون مالیات" if lang == "fa" else "Prices exclude VAT")
    assert ("ثابت می‌ماند" if lang == "fa" else "fixed for the whole term") in line
    assert ("تعدیل نمی‌شود" if lang == "fa" else "no price adjustment") in line
    assert ("شورای عالی کار" if lang == "fa" else "Supreme Labour Council") not in text


# --- offshore: no retentions, no dollar share ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_offshore_contract_has_no_retention_clause(offshore, offshore_docs, lang):
    pay = offshore["term"]["payment"]
    assert offshore["currency"] == "USD"
    assert all(not Decimal(pay[k]) for k in ("social_security_retention", "performance_retention",
                                            "guarantee_share", "withholding"))  # fmt: skip
    paragraphs = offshore_docs[("contract", lang)]
    text = full_text(paragraphs)
    if lang == "fa":
        absent = ("۶-۴-", "ماده ۳۸", "حسن انجام کار", "ضمانت‌نامه بانکی", "ماده ۱۰۴", "مالیات تکلیفی", "سامانه مودیان")
        present = ("مبلغی از صورتحساب‌ها کسر نمی‌شود", "ملزم به تسلیم ضمانت‌نامه حسن انجام تعهدات نیست")
    else:
        absent = ("6.4.", "article 38", "Good performance", "bank guarantee", "article 104", "withh",
                  "Samaneh-ye Moadian")  # fmt: skip
        present = ("nothing is held back", "not required to deliver a performance guarantee")
    for needle in absent:
        assert needle not in text, needle
    for needle in present:  # the articles stay, saying there is none
        assert needle in text, needle
    first = paragraph_with(paragraphs, "۶-۱-" if lang == "fa" else "6.1.")
    assert ("ظرف ۳۰ روز" if lang == "fa" else "within 30 days") in first
    assert FORMULA in [text_of(p) for p in paragraphs] and "FX" not in text  # no item bought in dollars


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_offshore_proposal_payment_line_has_no_retentions(offshore_docs, lang):
    line = payment_section(offshore_docs[("proposal", lang)], lang)
    assert ("۳۰ روز" if lang == "fa" else "30 days") in line
    for needle in (("مفاصاحساب", "حسن انجام", "ضمانت‌نامه", "مالیات تکلیفی") if lang == "fa"
                   else ("clearance", "retention", "guarantee", "withheld")):  # fmt: skip
        assert needle not in line, needle


# --- each clause on its own figure ----------------------------------------------------------------------------


def test_a_zero_retention_drops_only_its_clause(pars, tmp_path):
    quote = copy.deepcopy(pars)
    quote["term"]["payment"]["performance_retention"] = "0"
    quote["term"]["payment"]["withholding"] = "0.00"
    paths = render_documents(quote, langs=["en"], only=["contract"], out_dir=tmp_path)
    text = full_text(list(Document(str(paths[0])).element.body.iter(qn("w:p"))))
    assert "Good performance" not in text and "Direct Taxes Act" not in text
    assert "article 38" in text and "unconditional bank guarantee" in text and "6.4." not in text


def test_payment_days_come_from_the_term_plan(pars):
    quote = copy.deepcopy(pars)
    assert build_context(quote, "en")["terms"]["payment_days"] == str(pars["term"]["payment"]["days"])
    quote["terms"] = {"payment_days": pars["term"]["payment"]["days"]}
    build_context(quote, "en")  # the same days: fine
    quote["terms"] = {"payment_days": 15}
    with pytest.raises(InputError, match="terms.payment_days"):
        build_context(quote, "en")


def test_a_quote_without_a_term_plan_keeps_a_review_clause(pars, tmp_path):
    quote = copy.deepcopy(pars)
    del quote["term"]
    paths = render_documents(quote, langs=["en"], only=["contract"], out_dir=tmp_path)
    text = full_text(list(Document(str(paths[0])).element.body.iter(qn("w:p"))))
    assert "Article 5. Price review" in text and "W/W0" not in text and "6.4." not in text
