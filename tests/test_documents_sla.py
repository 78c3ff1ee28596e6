"""The SLA as a lawyer reads it: credits on the contract's own tariff, only on KPIs the SLA defines, one
wording per target, Persian digits only, and only the channels the quote has.

Every check reads the rendered .docx back (python-docx) and recomputes the money from the quote itself
(share of the price book x the chosen tariff's monthly amount), not from the context.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from quoter.render.documents import build_context, render_documents
from quoter.render.localize import amount_in_words, format_money, format_percent

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "quote_sample.json"
LANGS = ("fa", "en")
HEADERS = {  # the first two header cells of each SLA table
    "definitions": {"en": ("Metric", "How it is measured"), "fa": ("شاخص", "نحوه محاسبه")},
    "targets": {"en": ("Metric", "Target"), "fa": ("شاخص", "هدف")},
    "credits": {"en": ("Metric", "Allocation"), "fa": ("شاخص", "سهم")},
}
CREDITED = {"en": "credited (article 7)", "fa": "مشمول جریمه (ماده ۷)"}
REPORTED = {"en": "reported", "fa": "گزارشی"}


def _built(example: str, chosen: str | None = None) -> dict:
    """A requirements example priced now, as ``quoter quote --out`` saves it (numbers as strings)."""
    from quoter.inputs.requirements import load_requirements
    from quoter.quote.pipeline import build_quote

    req = load_requirements(ROOT / "examples" / f"{example}.yaml")
    q = build_quote(req, today=dt.date(2026, 11, 22), number="Q-1405-0077", chosen_model=chosen).to_dict()
    return json.loads(json.dumps(q, default=str))


@pytest.fixture(scope="module")
def pars() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bank() -> dict:
    return _built("bank-sat-thu")


@pytest.fixture(scope="module")
def pars_fixed() -> dict:
    """``quoter quote examples/pars-retail-24x7.yaml --model fixed``."""
    return _built("pars-retail-24x7", chosen="fixed")


def sla(quote: dict, tmp_path: Path) -> dict[str, Document]:
    paths = render_documents(quote, only=["sla"], out_dir=tmp_path)
    return {lang: Document(str(next(p for p in paths if p.name.endswith(f"-sla-{lang}.docx")))) for lang in LANGS}


def text_of(doc: Document) -> str:
    return "".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))


def table(doc: Document, kind: str, lang: str) -> list[list[str]]:
    """The rows (header dropped) of the SLA's table of ``kind``; the targets article has two tables (credited,
    then reported, the second without a header), read as one."""
    first, second = HEADERS[kind][lang]
    tables = doc.tables
    for i, t in enumerate(tables):
        cells = [c.text.strip() for c in t.rows[0].cells]
        if cells[:2] == [first, second] and (kind != "targets" or len(cells) == 3):
            rows = [[c.text.strip() for c in r.cells] for r in t.rows[1:]]
            if kind == "targets" and i + 1 < len(tables) and tables[i + 1].rows[0].cells[-1].text == REPORTED[lang]:
                rows += [[c.text.strip() for c in r.cells] for r in tables[i + 1].rows]
            return rows
    raise AssertionError(f"no {kind} table in the {lang} SLA")


def expected_at_risk(quote: dict) -> Decimal:
    """The book's share of the chosen tariff's monthly amount (a performance tariff: its base fee), on the
    book's line rounding step."""
    book = quote["price_book"]["snapshot"]
    key = quote["chosen_model"]
    m = quote["models"][key]
    monthly = {"performance": m.get("base"), "fixed": m.get("monthly_fee")}.get(key) or m["monthly_at_forecast"]
    step = Decimal(book["rounding"]["line"])
    share = Decimal(book["models"]["performance"]["at_risk_share"])
    return (Decimal(monthly) * share / step).quantize(Decimal(1), ROUND_HALF_UP) * step


# --- the amount at risk is the chosen tariff's ---------------------------------------------------------


@pytest.mark.parametrize("which", ["pars", "bank"])
def test_at_risk_is_the_share_of_every_chosen_tariff(which, request, tmp_path):
    base = request.getfixturevalue(which)
    for key in base["models"]:
        quote = {**copy.deepcopy(base), "chosen_model": key}
        at_risk = expected_at_risk(quote)
        docs = sla(quote, tmp_path / key)
        for lang, doc in docs.items():
            text, currency = text_of(doc), quote["currency"]
            assert format_money(at_risk, currency, lang) in text, (which, key, lang)
            assert amount_in_words(at_risk, lang, currency) in text, (which, key, lang)
            share = format_percent(
                Decimal(quote["price_book"]["snapshot"]["models"]["performance"]["at_risk_share"]), lang
            )
            assert share in text
            credits = table(doc, "credits", lang)
            for name, allocation, credit in credits:  # each credit = allocation x the amount at risk
                frac = Decimal(allocation.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٪", "0123456789%")).rstrip("%")) / 100
                assert credit == format_money(
                    (at_risk * frac).quantize(Decimal(1) if currency == "IRR" else Decimal("0.01")), currency, lang
                ), name
            if key != "performance":  # the performance tariff's own figure would be the wrong one
                perf = Decimal(quote["models"]["performance"]["at_risk_amount"])
                if perf != at_risk:
                    assert format_money(perf, currency, lang) not in text, (which, key, lang)


def test_model_fixed_prices_the_sla_on_the_fixed_fee(pars_fixed, tmp_path):
    """``--model fixed``: 10 % of the fixed monthly fee, not of the performance tariff's base."""
    assert pars_fixed["chosen_model"] == "fixed"
    fee = Decimal(pars_fixed["models"]["fixed"]["monthly_fee"])
    at_risk = expected_at_risk(pars_fixed)
    assert at_risk == (fee * Decimal("0.10")).quantize(Decimal(1))
    assert at_risk != Decimal(pars_fixed["models"]["performance"]["at_risk_amount"])
    for lang, doc in sla(pars_fixed, tmp_path).items():
        text = text_of(doc)
        assert format_money(at_risk, "IRR", lang) in text
        assert format_money(fee, "IRR", lang) in text  # the monthly amount it is the share of
        cap = format_money((fee * Decimal("0.10")).quantize(Decimal(1)), "IRR", lang)
        assert cap in text  # the monthly cap, at the same base


# --- credits fall only on defined KPIs; every target credited or reported, said once --------------------


@pytest.mark.parametrize("which", ["pars", "bank", "pars_fixed"])
def test_every_credited_kpi_is_defined_and_targeted(which, request, tmp_path):
    quote = request.getfixturevalue(which)
    for lang, doc in sla(quote, tmp_path).items():
        defined = [r[0] for r in table(doc, "definitions", lang)]
        credited = [r[0] for r in table(doc, "credits", lang)]
        targets = table(doc, "targets", lang)
        assert credited and set(credited) <= set(defined), (lang, credited, defined)
        assert [t[0] for t in targets if t[2] == CREDITED[lang]] == credited
        assert {t[2] for t in targets} <= {CREDITED[lang], REPORTED[lang]}
        names = [t[0] for t in targets]
        assert len(names) == len(set(names)), "a target is stated twice"
        assert set(names) <= set(defined), "a target the SLA does not define"
        ctx = build_context(quote, lang)
        allocations = sum(Decimal(k["allocation"].translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")).rstrip("%٪"))
                          for k in ctx["sla"]["kpis"])  # fmt: skip
        assert allocations == 100, "the credited allocations must cover the whole amount at risk"


def test_the_bank_s_contractual_targets_are_all_in_the_sla(bank, tmp_path):
    """The bank's ASA and e-mail targets: stated once each, as reported targets (the book gives them no
    allocation); e-mail in one wording (service hours) wherever it appears."""
    docs = sla(bank, tmp_path)
    targets = {t[0]: t for t in table(docs["en"], "targets", "en")}
    assert targets["Average speed of answer"][1:] == ["at most 10 seconds", "reported"]
    assert targets["E-mail response"][1:] == [
        "a reply to each e-mail within 24 service hours of its receipt",
        "reported",
    ]
    assert targets["Service level"][1:] == ["at least 90% of calls answered within 15 seconds", "credited (article 7)"]
    assert targets["Abandon rate"][1:] == ["at most 3% of calls offered", "credited (article 7)"]
    en = text_of(docs["en"])
    phrases = re.findall(r"24 (?:\w+ )?hours", en)
    assert len(phrases) >= 2 and set(phrases) == {"24 service hours"}, phrases
    assert "24 working hours" not in en and "within 24 hours" not in en
    fa = text_of(docs["fa"])
    assert fa.count("۲۴ ساعت") == fa.count("۲۴ ساعت خدمت") >= 2
    assert "ساعت کاری" not in fa


def test_a_target_left_to_the_engine_s_default_carries_no_credit(pars, tmp_path):
    """Without the client's maximum abandon rate (and none in the book) the abandon rate is neither credited
    nor a target: its allocation goes to service level."""
    quote = copy.deepcopy(pars)
    quote["requirements"]["channels"]["voice"]["target"]["max_abandon"] = None
    for lang, doc in sla(quote, tmp_path).items():
        credits = {r[0]: r[1] for r in table(doc, "credits", lang)}
        name = {"en": "Abandon rate", "fa": "نرخ رهاشدگی"}[lang]
        assert name not in credits and name not in [t[0] for t in table(doc, "targets", lang)]
        sl = {"en": "Service level", "fa": "سطح خدمت"}[lang]
        assert credits[sl] == format_percent(Decimal("0.60"), lang)


# --- one period, Persian digits, only the quote's channels ----------------------------------------------


@pytest.mark.parametrize("which", ["pars", "bank"])
def test_one_period_in_both_languages(which, request, tmp_path):
    docs = sla(request.getfixturevalue(which), tmp_path)
    assert "Persian (Solar Hijri) calendar month" in text_of(docs["en"])
    assert "calendar month," not in text_of(docs["en"]).replace("Persian (Solar Hijri) calendar month,", "")
    assert "ماه شمسی (هجری خورشیدی)" in text_of(docs["fa"])


@pytest.mark.parametrize("which", ["pars", "bank", "pars_fixed"])
def test_no_latin_digit_in_the_persian_sla(which, request, tmp_path):
    quote = request.getfixturevalue(which)
    # identifiers are written with no-break joins (U+2060 after a hyphen, U+2011 hyphens): read them plain
    text = text_of(sla(quote, tmp_path)["fa"]).replace("\u2060", "").replace("\u2011", "-")
    for identifier in (quote["quote"]["number"], quote["company"].get("email"), quote["client"].get("email")):
        text = text.replace(identifier or "\0", "")  # Latin identifiers, in runs of their own
    assert not re.findall(r".{0,20}[0-9].{0,20}", text)


CHANNEL_WORDS = {
    "chat": {"en": ("chat",), "fa": ("چت", "گفتگو")},
    "email": {"en": ("e-mail", "email"), "fa": ("ایمیل",)},
}


@pytest.mark.parametrize("which", ["pars", "bank", "voice_only"])
def test_only_the_quote_s_channels_are_mentioned(which, request, tmp_path):
    if which == "voice_only":
        quote = copy.deepcopy(request.getfixturevalue("pars"))
        quote["requirements"]["channels"]["chat"] = None
    else:
        quote = request.getfixturevalue(which)
    has = {c for c, v in quote["requirements"]["channels"].items() if v}
    for lang, doc in sla(quote, tmp_path).items():
        text = text_of(doc).lower()
        for channel, words in CHANNEL_WORDS.items():
            for word in words[lang]:
                assert (word in text) == (channel in has), (which, lang, word)
