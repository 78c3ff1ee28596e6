"""The service contract and the NDA, read back from the rendered .docx (python-docx, no LibreOffice): every
clause a lawyer expects, by its heading, in Persian and English for the four examples; the parties with
their identifiers (the value where the requirements give it, a ruled blank where they do not); every amount
of the contract equal to the quote's; no Latin digit in the Persian text; the signing date left blank."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pydantic import ValidationError

from quoter.inputs.requirements import Client, load_requirements
from quoter.quote.pipeline import build_quote
from quoter.render.documents import render_documents
from quoter.render.documents.context import BLANK
from quoter.render.localize import format_date, format_money, jalali_date, to_persian_digits

EXAMPLES = Path(__file__).parent.parent / "examples"
TODAY = dt.date(2026, 11, 22)
BOOKS = {"offshore-english": "offshore-usd-2026"}
NAMES = ["bank-sat-thu", "offshore-english", "pars-retail-24x7", "survey-outbound"]

HEADINGS = {
    "fa": [
        "ماده ۱ – طرفین قرارداد",
        "ماده ۴ – مبلغ قرارداد",
        "ماده ۵ – تعدیل نرخ‌ها",
        "ماده ۶ – صورتحساب، پرداخت و مالیات",
        "ماده ۷ – تأخیر در پرداخت و خسارت تأخیر تأدیه",
        "ماده ۸ – کسور تأمین اجتماعی و مفاصاحساب",
        "ماده ۹ – ضمانت‌نامه حسن انجام تعهدات",
        "ماده ۱۳ – سطح خدمات، جریمه و پاداش",
        "ماده ۱۶ – منع انتقال و واگذاری به غیر",
        "ماده ۱۷ – حدود مسئولیت",
        "ماده ۱۸ – فسخ قرارداد",
        "ماده ۲۰ – اصلاح قرارداد",
        "ماده ۲۱ – حل اختلاف و داوری",
        "ماده ۲۲ – قانون حاکم و زبان قرارداد",
        "ماده ۲۳ – اقامتگاه قانونی و مکاتبات",
        "ماده ۲۴ – نسخ و امضای قرارداد",
    ],
    "en": [
        "Article 1. Parties",
        "Article 4. Price and contract value",
        "Article 5. Price adjustment",
        "Article 6. Invoicing, payment and taxes",
        "Article 7. Late payment and damages for delay",
        "Article 8. Social-security retention and clearance",
        "Article 9. Performance guarantee",
        "Article 13. Service levels, service credits and bonus",
        "Article 16. Assignment and subcontracting",
        "Article 17. Limitation of liability",
        "Article 18. Termination",
        "Article 20. Amendments",
        "Article 21. Disputes and arbitration",
        "Article 22. Governing law and language",
        "Article 23. Legal domicile and notices",
        "Article 24. Copies and signature",
    ],
}
"""The clauses every contract carries (numbered articles; articles 2, 3, 10-12, 14, 15 and 19 are older)."""

CLAUSE_MARKS = {
    "fa": {
        "e-invoicing": "سامانه مودیان",
        "late payment": "خسارت تأخیر",
        "early termination": "۱۸-۳- هزینه فسخ پیش از موعد",
        "liability exceptions": "تقصیر عمدی",
        "subcontracting": "پیمانکار فرعی",
        "arbitration": "مرکز داوری اتاق ایران",
        "amendments": "الحاقیه کتبی به امضای صاحبان امضای مجاز",
    },
    "en": {
        "e-invoicing": "Samaneh-ye Moadian",
        "late payment": "damages for late payment",
        "early termination": "18.3. Early-termination charge",
        "liability exceptions": "wilful misconduct",
        "subcontracting": "subcontract",
        "arbitration": "Arbitration Center of Iran Chamber",
        "amendments": "written amendment signed by the authorised signatories",
    },
}

ALL_IDS = {
    "national_id": "۱۰۱۰۳۴۵۶۷۸۹",  # Persian digits in the file: stored as Latin, printed Persian in fa
    "registration_no": "445566",
    "economic_code": "411122223333",
    "postal_code": "1517713111",
    "address": "No. 12, Gandhi St., Vanak Sq., Tehran",
    "address_fa": "تهران، میدان ونک، خیابان گاندی، پلاک ۱۲",
    "signatory": "Maryam Tehrani",
    "signatory_fa": "مریم تهرانی",
    "signatory_title": "Managing Director",
    "signatory_title_fa": "مدیرعامل",
}


def _quote(path: Path, book: str | None = None) -> dict:
    return build_quote(load_requirements(path), book, today=TODAY, number="Q-1405-0042").to_dict()


def _paragraphs(path: Path) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in Document(str(path)).element.body.iter(qn("w:p"))]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[dict, dict[tuple[str, str], list[str]]]]:
    """example -> (quote, {(document, lang): paragraphs}) for the contract and the NDA."""
    out = {}
    for name in NAMES:
        quote = _quote(EXAMPLES / f"{name}.yaml", BOOKS.get(name))
        paths = render_documents(quote, only=["contract", "nda"], out_dir=tmp_path_factory.mktemp(name))
        out[name] = (quote, {tuple(p.stem.rsplit("-", 2)[-2:]): _paragraphs(p) for p in paths})
    return out


@pytest.fixture(scope="module")
def identified(tmp_path_factory) -> tuple[dict, dict[tuple[str, str], list[str]]]:
    """The Pars example with every client identifier given."""
    folder = tmp_path_factory.mktemp("ids")
    text = (EXAMPLES / "pars-retail-24x7.yaml").read_text(encoding="utf-8")
    lines = "".join(f'\n  {k}: "{v}"' for k, v in ALL_IDS.items())
    assert text.count('name_fa: "شرکت خرده‌فروشی پارس"') == 1
    text = text.replace('name_fa: "شرکت خرده‌فروشی پارس"', 'name_fa: "شرکت خرده‌فروشی پارس"' + lines)
    (folder / "req.yaml").write_text(text, encoding="utf-8")
    quote = _quote(folder / "req.yaml")
    paths = render_documents(quote, only=["contract", "nda"], out_dir=folder / "out")
    return quote, {tuple(p.stem.rsplit("-", 2)[-2:]): _paragraphs(p) for p in paths}


def _one(paragraphs: list[str], start: str) -> str:
    found = [p for p in paragraphs if p.startswith(start)]
    assert len(found) == 1, (start, found)
    return found[0]


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_clause_is_present_by_its_heading(rendered, name, lang):
    paragraphs = rendered[name][1][("contract", lang)]
    for heading in HEADINGS[lang]:
        assert heading in paragraphs, heading
    numbers = [int(to_persian_digits(m.group(1)).translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
               for p in paragraphs if (m := re.match(r"(?:ماده|Article) ([0-9۰-۹]+)[ .–]", p))]  # fmt: skip
    assert numbers == list(range(1, 25))  # 24 articles, in order, none twice
    text = "\n".join(paragraphs)
    rial = rendered[name][0]["currency"] == "IRR"
    for clause, mark in CLAUSE_MARKS[lang].items():
        assert (mark in text) == (rial or clause != "e-invoicing"), clause  # e-invoices: a Rial contract's


def _expected_ids(party: dict, lang: str) -> dict[str, str]:
    """The printed value of each identifier of a party: its value (Persian digits in fa) or the blank."""

    def value(key: str) -> str:
        v = (party.get(f"{key}_fa") if lang == "fa" else None) or party.get(key)
        if not v:
            return BLANK
        return to_persian_digits(str(v)) if lang == "fa" else str(v)

    return {k: value(k) for k in ("national_id", "registration_no", "economic_code", "postal_code", "address",
                                   "signatory", "signatory_title")}  # fmt: skip


LABELS = {
    ("fa", False): {"national_id": "شناسه ملی ", "registration_no": "شماره ثبت ", "economic_code": "کد اقتصادی ",
                    "address": "به نشانی ", "postal_code": "کد پستی ", "signatory": "با نمایندگی ",
                    "signatory_title": "به سمت "},
    ("fa", True): {"registration_no": "به شماره ثبت ", "economic_code": "شماره شناسایی مالیاتی ",
                   "address": "به نشانی ", "signatory": "با نمایندگی ", "signatory_title": "به سمت "},
    ("en", False): {"national_id": "national ID (shenase-ye melli) ", "registration_no": "registration number ",
                    "economic_code": "economic code ", "address": "whose address is ", "postal_code": "postal code ",
                    "signatory": "represented by ", "signatory_title": ", "},
    ("en", True): {"registration_no": "under number ", "economic_code": "tax identification number ",
                   "address": "whose address is ", "signatory": "represented by ", "signatory_title": ", "},
}  # fmt: skip
"""What precedes each identifier in the parties article (a foreign party: its country's register)."""


def _check_party(paragraph: str, party: dict, lang: str, foreign: bool) -> None:
    expected = _expected_ids(party, lang)
    for key, label in LABELS[(lang, foreign)].items():
        assert label + expected[key] in paragraph, (key, paragraph)
    if lang == "en":
        assert f"represented by {expected['signatory']}, {expected['signatory_title']}" in paragraph
    shown = [k for k in LABELS[(lang, foreign)] if expected[k] == BLANK]
    assert paragraph.count(BLANK) == len(shown), (shown, paragraph)  # a blank exactly where a field is missing


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_blanks_exactly_where_a_party_field_is_missing(rendered, name, lang):
    quote, docs = rendered[name]
    paragraphs = docs[("contract", lang)]
    foreign = quote["client"].get("country", "IR") != "IR"
    assert foreign == (name == "offshore-english")
    client = _one(paragraphs, "۱-۲- " if lang == "fa" else "1.2. ")
    company = _one(paragraphs, "۱-۱- " if lang == "fa" else "1.1. ")
    _check_party(client, quote["client"], lang, foreign)
    _check_party(company, quote["company"], lang, False)
    nda_parties = _one(docs[("nda", lang)], "این قرارداد میان" if lang == "fa" else "This agreement is made between")
    assert nda_parties.count(BLANK) == client.count(BLANK) + company.count(BLANK)  # the same parties in the NDA


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_identifier_given_is_printed(identified, lang):
    quote, docs = identified
    client = quote["client"]
    assert client["national_id"] == "10103456789" and client["country"] == "IR"  # normalised to Latin digits
    parties = _one(docs[("contract", lang)], "۱-۲- " if lang == "fa" else "1.2. ")
    _check_party(parties, client, lang, False)
    assert BLANK not in parties
    assert (to_persian_digits("1517713111") if lang == "fa" else "1517713111") in parties
    assert ("مریم تهرانی" if lang == "fa" else "Maryam Tehrani") in "\n".join(docs[("contract", lang)][-8:])
    nda = _one(docs[("nda", lang)], "این قرارداد میان" if lang == "fa" else "This agreement is made between")
    assert (to_persian_digits("10103456789") if lang == "fa" else "10103456789") in nda


def _unit(currency: str) -> Decimal:
    return Decimal(1) if currency == "IRR" else Decimal("0.01")


def _amounts(quote: dict) -> dict[str, Decimal]:
    """The amounts the contract must state, from the quote (the engine's figures, not the context's)."""
    key = quote["chosen_model"]
    m = quote["models"][key]
    monthly = Decimal(m.get("monthly_at_forecast") or m.get("monthly_fee") or m["base"])
    value = Decimal(quote["term"]["totals"][key]["revenue"])
    vat = (value * Decimal(quote["vat_rate"])).quantize(_unit(quote["currency"]), ROUND_HALF_UP)
    pay = quote["term"]["payment"]
    out = {
        "monthly": monthly,
        "vat": Decimal(m["vat"]),
        "monthly_with_vat": Decimal(m["monthly_with_vat"]),
        "setup": Decimal(quote["setup"]["total"]),
        "value": value,
        "value_with_vat": value + vat,
        "notice_fee": monthly * 60 / 30,  # the default 60 days' notice, whole Rial already
    }
    if Decimal(pay["guarantee_share"]):
        out["guarantee"] = (value * Decimal(pay["guarantee_share"])).quantize(_unit(quote["currency"]))
    return out


def _money_re(lang: str) -> str:
    return r"[۰-۹٬٫]+ (?:ریال|دلار|یورو)" if lang == "fa" else r"[$€][\d,]+\.\d\d|[\d,]+ IRR"


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_every_amount_equals_the_quotes(rendered, name, lang):
    quote, docs = rendered[name]
    text = "\n".join(docs[("contract", lang)])
    cur = quote["currency"]
    amounts = _amounts(quote)
    money = {k: format_money(v, cur, lang) for k, v in amounts.items()}
    value = _one(docs[("contract", lang)], "۴-۴- " if lang == "fa" else "4.4. ")
    assert money["value"] in value and money["value_with_vat"] in value  # the term plan's total, excl. and incl.
    assert money["monthly"] in _one(docs[("contract", lang)], "۴-۲- " if lang == "fa" else "4.2. ")
    assert money["monthly_with_vat"] in text and money["setup"] in text and money["notice_fee"] in text
    if "guarantee" in money:
        assert money["guarantee"] in _one(docs[("contract", lang)], "۹-۱- " if lang == "fa" else "9.1. ")
    # every amount printed is one of the quote's: the contract figures above or a price of the chosen tariff
    tariff = {format_money(Decimal(str(v)), cur, lang) for v in quote["models"][quote["chosen_model"]].values()
              if isinstance(v, str | int) and re.fullmatch(r"-?\d+(\.\d+)?", str(v))}  # fmt: skip
    for found in re.findall(_money_re(lang), text):
        assert found in set(money.values()) | tariff, found


FORMULA_TOKEN = re.compile(r"\b[A-Za-z]+[0-9]+\b")  # P0, W0, CPI0, FX0: Latin symbols of the formula


@pytest.mark.parametrize("doc", ["contract", "nda"])
@pytest.mark.parametrize("name", NAMES)
def test_no_latin_digit_in_persian(rendered, name, doc):
    quote, docs = rendered[name]
    # identifiers are written with no-break joins (U+2060 after a hyphen, U+2011 hyphens): read them plain
    text = "\n".join(docs[(doc, "fa")]).replace("\u2060", "").replace("\u2011", "-")
    text = text.replace(quote["quote"]["number"], "")
    text = FORMULA_TOKEN.sub("", text)
    assert not re.findall(r"[0-9]", text), re.findall(r".{20}[0-9].{20}", text)


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", NAMES)
def test_the_signing_date_is_a_blank(rendered, name, lang):
    quote, docs = rendered[name]
    paragraphs = docs[("contract", lang)]
    last = _one(paragraphs, "این قرارداد در ۲۴ ماده" if lang == "fa" else "This contract is made in 24 articles")
    assert ("در تاریخ " + BLANK if lang == "fa" else "on " + BLANK) in last
    day = dt.date.fromisoformat(quote["quote"]["date"])
    for written in (format_date(day, lang), jalali_date(day, lang)):
        assert written not in last
    dates = [p for p in paragraphs if p.startswith("تاریخ امضا:" if lang == "fa" else "Date of signature:")]
    assert dates == [("تاریخ امضا: " if lang == "fa" else "Date of signature: ") + BLANK] * 2  # both parties


@pytest.mark.parametrize("name", NAMES)
def test_nda_speaks_of_liquidated_damages(rendered, name):
    docs = rendered[name][1]
    en = "\n".join(docs[("nda", "en")])
    assert "9. Liquidated damages" in docs[("nda", "en")] and "penalty" not in en.lower()
    assert "ماده ۹ – وجه التزام" in docs[("nda", "fa")]


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_prevailing_language(rendered, lang):
    iran = "\n".join(rendered["pars-retail-24x7"][1][("contract", lang)])
    foreign = "\n".join(rendered["offshore-english"][1][("contract", lang)])
    persian, english = ("متن فارسی این قرارداد ملاک است", "متن انگلیسی ملاک است") if lang == "fa" else (
        "the Persian text governs", "the English text prevails")  # fmt: skip
    assert persian in iran and english not in iran
    assert english in foreign and persian not in foreign
    assert ("کشور آلمان" if lang == "fa" else "registered in Germany") in foreign


# --- the requirements: the client's identifiers ------------------------------------------------------------


def test_client_identifiers_accept_persian_digits():
    c = Client(name="x", national_id="۱۰۱۰۳۴۵۶۷۸۹", postal_code="۱۵۱۷۷۱۳۱۱۱", economic_code="٤١١", country="ir")
    assert (c.national_id, c.postal_code, c.economic_code, c.country) == ("10103456789", "1517713111", "411", "IR")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"national_id": "1010345678"}, "national_id: must be 11 digits"),
        ({"national_id": "1010345678a"}, "national_id: must be 11 digits"),
        ({"postal_code": "12345"}, "must be 10 digits"),
        ({"country": "ZZ"}, "not an ISO 3166 alpha-2"),
        ({"country": "Iran"}, "not an ISO 3166 alpha-2"),
        ({"tax_id": "1"}, "Extra inputs are not permitted"),
    ],
)
def test_client_identifiers_are_validated(fields, message):
    with pytest.raises(ValidationError, match=message):
        Client(name="x", **fields)


def test_a_foreign_client_keeps_its_own_identifier():
    assert Client(name="x", country="DE", national_id="HRB 12345").national_id == "HRB 12345"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_no_vat_wording_when_vat_does_not_apply(rendered, lang):
    """The offshore book's VAT is 0 %: the contract says no VAT applies and prints no 0 % rate or VAT total."""
    quote, docs = rendered["offshore-english"]
    assert Decimal(str(quote["vat_rate"])) == 0
    text = "\n".join(docs[("contract", lang)])
    if lang == "en":
        assert "No value added tax applies" in text
        assert "VAT at 0" not in text and "plus VAT" not in text and "including VAT at" not in text
    else:
        assert "مالیات بر ارزش افزوده به این خدمات تعلق نمی‌گیرد" in text
        assert "به نرخ ۰٪" not in text
    _, bank = rendered["bank-sat-thu"]  # 10 %: the VAT wording stays
    assert ("plus VAT" if lang == "en" else "به‌علاوه مالیات بر ارزش افزوده") in "\n".join(bank[("contract", lang)])
