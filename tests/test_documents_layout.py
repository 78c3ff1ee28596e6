"""Layout and typesetting of the documents: tables and headings that do not split from what follows,
Persian page numbers in the body's size, identifiers that stay on one line, justified Persian paragraphs,
and the words of days and small amounts. The .docx checks read the files back with python-docx; one
LibreOffice run converts the documents of two examples and pdftotext reads them page by page."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from quoter.inputs.requirements import load_requirements
from quoter.quote.pipeline import build_quote
from quoter.render.documents import build_context, render_documents
from quoter.render.documents.context import _days_text, _Fmt, _hours_text
from quoter.render.documents.render import convert_to_pdf, find_soffice
from quoter.render.localize import amount_in_words, to_persian_digits

ROOT = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "quote_sample.json"
TEMPLATES = ROOT / "templates"
NO_BREAK_HYPHEN = "-\u2060"  # Latin: a hyphen and a word joiner
NB_HYPHEN = "\u2011"  # Persian digits: a non-breaking hyphen
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _sample() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"), parse_float=Decimal)


# --- words ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "key", "expected"),
    [
        ("fa", "sat-sun", "شنبه و یکشنبه"),
        ("en", "sat-sun", "Saturday and Sunday"),
        ("fa", "fri-sat", "جمعه و شنبه"),  # across the week's end: still two days
        ("fa", "sat-thu", "شنبه تا پنجشنبه"),
        ("en", "sat-mon", "Saturday to Monday"),
        ("fa", "fri", "جمعه"),
    ],
)
def test_a_range_of_two_days_is_a_and_b(lang, key, expected):
    assert _days_text(_Fmt(lang, "IRR"), key) == expected


def test_hours_of_two_closed_days_say_and():
    hours = {"mon-fri": "08:00-17:00", "sat-sun": "closed"}
    assert "شنبه و یکشنبه: تعطیل" in _hours_text(_Fmt("fa", "IRR"), hours)
    assert "شنبه تا یکشنبه" not in _hours_text(_Fmt("fa", "IRR"), hours)
    assert "Saturday and Sunday: closed" in _hours_text(_Fmt("en", "IRR"), hours)


@pytest.mark.parametrize(
    ("amount", "fa", "en"),
    [
        ("0.15", "پانزده سنت", "fifteen cents"),
        ("0.01", "یک سنت", "one cent"),
        ("0", "صفر دلار", "zero dollars"),
        ("1.15", "یک دلار و پانزده سنت", "one dollar and fifteen cents"),
        ("20", "بیست دلار", "twenty dollars"),
    ],
)
def test_cents_alone_are_said_without_zero_dollars(amount, fa, en):
    assert amount_in_words(Decimal(amount), "fa", "USD") == fa
    assert amount_in_words(Decimal(amount), "en", "USD") == en


def test_a_per_call_price_under_a_dollar_reads_as_cents():
    quote = _sample()
    quote["currency"] = "USD"
    quote["models"]["per_call"]["unit_price"] = "0.15"
    for lang, words in (("fa", "پانزده سنت"), ("en", "fifteen cents")):
        ctx = build_context(quote, lang)
        assert ctx["models"]["per_call"]["unit_price_words"] == words


# --- identifiers --------------------------------------------------------------------------------------------


def test_identifiers_have_no_line_break_at_their_hyphens():
    quote = _sample()
    quote["company"]["phone"] = "021-88776655"
    quote["client"]["national_id"] = "1400-5678"
    for lang in ("fa", "en"):
        ctx = build_context(quote, lang)
        assert ctx["quote"]["number"] == f"Q{NO_BREAK_HYPHEN}1405{NO_BREAK_HYPHEN}0042"
        assert "-" not in ctx["company"]["phone"].replace(NO_BREAK_HYPHEN, "")
    assert build_context(quote, "fa")["company"]["phone"] == f"۰۲۱{NB_HYPHEN}۸۸۷۷۶۶۵۵"
    assert build_context(quote, "fa")["client"]["national_id"] == f"۱۴۰۰{NB_HYPHEN}۵۶۷۸"
    assert build_context(quote, "en")["company"]["phone"] == f"021{NO_BREAK_HYPHEN}88776655"
    assert build_context(quote, "en")["quote"]["date_numeric"] == f"2026{NO_BREAK_HYPHEN}11{NO_BREAK_HYPHEN}22"
    assert build_context(quote, "fa")["company"]["email"] == quote["company"]["email"]  # an address stays as typed


# --- the .docx: justification, keeping together, the page number ----------------------------------------------


def _body_paragraphs(doc):
    return [p for p in doc.paragraphs if p.style.name == "Normal"]


@pytest.mark.parametrize("name", ["proposal", "sla", "nda", "contract"])
def test_persian_body_paragraphs_are_justified(name, tmp_path):
    path = next(p for p in render_documents(_sample(), langs=["fa"], only=[name], out_dir=tmp_path))
    doc = Document(str(path))
    body = [p for p in _body_paragraphs(doc) if len(p.text) > 60 and not p.text.startswith("•")]
    assert len(body) >= 3, [p.text for p in body]
    for p in body:
        if p.alignment != WD_ALIGN_PARAGRAPH.CENTER:
            assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, p.text
            assert p._p.pPr.find(qn("w:bidi")) is not None, p.text


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", ["proposal", "sla", "nda", "contract"])
def test_tables_keep_together_and_headings_keep_with_next(lang, name):
    doc = Document(str(TEMPLATES / lang / f"{name}.docx"))
    for style in ("Title", "Heading 1", "Heading 2"):
        assert doc.styles[style].paragraph_format.keep_with_next, style
    assert doc.tables
    for table in doc.tables:
        rows = table.rows
        for i, row in enumerate(rows):
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            keep = {bool(p.paragraph_format.keep_with_next) for c in row.cells for p in c.paragraphs}
            assert keep == ({True} if i < len(rows) - 1 else {False}), (name, i, row.cells[0].text)


@pytest.mark.parametrize("lang", ["fa", "en"])
@pytest.mark.parametrize("name", ["sla", "nda", "contract"])
def test_the_signature_block_keeps_with_the_words_above_it(lang, name):
    body = Document(str(TEMPLATES / lang / f"{name}.docx")).element.body
    table = body.findall(qn("w:tbl"))[-1]
    assert re.search("امضا|Signature", "".join(t.text or "" for t in table.iter(qn("w:t"))))
    above = table.getprevious()
    while "{%" in "".join(t.text or "" for t in above.iter(qn("w:t"))):  # docxtpl removes tag paragraphs
        above = above.getprevious()
    assert above.tag == qn("w:p") and above.pPr.find(qn("w:keepNext")) is not None


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_the_page_number_is_formatted_like_the_footer(lang):
    doc = Document(str(TEMPLATES / lang / "contract.docx"))
    footer = doc.sections[0].footer.paragraphs[0]._p
    field = footer.find(qn("w:fldSimple"))
    assert field is not None and field.get(qn("w:instr")).strip() == "PAGE"
    text_run = footer.find(qn("w:r"))
    page_rpr = field.find(qn("w:r")).find(qn("w:rPr"))
    for prop in ("w:sz", "w:szCs"):
        assert page_rpr.find(qn(prop)).get(qn("w:val")) == text_run.find(qn("w:rPr")).find(qn(prop)).get(qn("w:val"))
    assert (page_rpr.find(qn("w:rtl")) is not None) == (lang == "fa")


# --- the PDF, page by page ----------------------------------------------------------------------------------


def _tokens(line: str) -> list[str]:
    """The words of a line, whatever order pdftotext put them in (bidi runs, table cells)."""
    text = unicodedata.normalize("NFKC", _BIDI.sub("", line)).replace("لا", "ال")
    return sorted(re.sub(r"[^\w\s]", " ", text).split())


def _pages(pdf: Path) -> list[list[str]]:
    """The non-empty lines of each page (pdftotext -layout, one page at a time)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info)[1])
    pages = []
    for n in range(1, count + 1):
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"],
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
        pages.append([line for line in out.splitlines() if line.strip()])
    return pages


def _headings(docx: Path) -> set[tuple[str, ...]]:
    doc = Document(str(docx))
    names = ("Title", "Heading 1", "Heading 2")
    return {tuple(_tokens(p.text)) for p in doc.paragraphs if p.style.name in names and p.text.strip()}


def _signature_rows(docx: Path) -> list[set[str]]:
    """The rows of the last table (the signature block) as sets of words; [] when there is none."""
    doc = Document(str(docx))
    if not doc.tables or not re.search("امضا|Signature", doc.tables[-1].rows[-1].cells[0].text):
        return []
    return [{t for c in row.cells for t in _tokens(c.text)} for row in doc.tables[-1].rows]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> list[tuple[Path, Path, dict]]:
    """The Persian and English documents of two examples, converted to PDF in one LibreOffice run."""
    if find_soffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice and poppler-utils (see .ci/run)")
        pytest.skip("LibreOffice or pdftotext not installed")
    out = tmp_path_factory.mktemp("layout")
    bank = build_quote(load_requirements(ROOT / "examples" / "bank-sat-thu.yaml"), today=dt.date(2026, 11, 22),
                       number="Q-1405-E961CE", shifts=False).to_dict()  # fmt: skip
    docs = []
    for quote in (_sample(), bank):
        for path in render_documents(quote, out_dir=out):
            docs.append((path, quote))
    convert_to_pdf([d for d, _ in docs], out)
    return [(d, d.with_suffix(".pdf"), q) for d, q in docs]


def _pages_ending_with_a_heading(pages: list[list[str]], headings: set[tuple[str, ...]]) -> list[tuple[int, str]]:
    """The pages (but the last) whose last body line, above the footer, is a heading: (page number, line)."""
    found = []
    for n, lines in enumerate(pages[:-1], start=1):
        body = [line for line in lines if "صفحه" not in line and "Page" not in line]  # the footer
        if body and tuple(_tokens(body[-1])) in headings:
            found.append((n, body[-1].strip()))
    return found


def test_the_heading_check_finds_a_heading_left_at_a_page_foot():
    """The check below can fail: a page whose last line is a heading (in any word order) is reported."""
    headings = {tuple(_tokens("ماده ۵ - تعدیل قیمت")), tuple(_tokens("5. Price adjustment"))}
    pages = [
        ["ماده ۴ - مدت قرارداد", "متن ماده", "قیمت تعدیل - ۵ ماده", "صفحه ۱ از ۳"],  # bidi order, as pdftotext gives
        ["Some text", "5. Price adjustment", "Page 2 of 3"],
        ["The clause text", "5. Price adjustment", "Page 3 of 3"],  # the last page may end anyhow
    ]
    assert _pages_ending_with_a_heading(pages, headings) == [(1, "قیمت تعدیل - ۵ ماده"), (2, "5. Price adjustment")]
    assert _pages_ending_with_a_heading([["5. Price adjustment", "text"], ["x"]], headings) == []


@pytest.mark.libreoffice
def test_no_page_ends_with_a_heading(rendered):
    for docx, pdf, _ in rendered:
        headings = _headings(docx)
        assert headings
        assert not _pages_ending_with_a_heading(_pages(pdf), headings), pdf.name


@pytest.mark.libreoffice
def test_no_page_starts_with_a_lone_signature_row(rendered):
    checked = 0
    for docx, pdf, _ in rendered:
        rows = _signature_rows(docx)
        if not rows:
            continue
        checked += 1
        pages = _pages(pdf)
        for n, lines in enumerate(pages[1:], start=2):
            first = set(_tokens(lines[0]))
            if first and any(first <= row for row in rows):
                words = {t for line in lines for t in _tokens(line)}
                missing = [sorted(row - words) for row in rows if not row <= words]
                assert not missing, f"{pdf.name} page {n} starts with part of the signature block: {missing}"
        last = {t for line in pages[-1] for t in _tokens(line)}
        assert all(row <= last for row in rows), f"{pdf.name}: the signature block is not whole on the last page"
    assert checked >= 8  # the contract, the SLA and the NDA of two examples, in two languages, sign


@pytest.mark.libreoffice
def test_persian_page_numbers_are_persian_digits(rendered):
    for _, pdf, _ in rendered:
        if not pdf.stem.endswith("-fa"):
            continue
        for n, lines in enumerate(_pages(pdf), start=1):
            footer = next(line for line in reversed(lines) if "صفحه" in line)
            words = _tokens(footer)
            assert to_persian_digits(str(n)) in words and str(n) not in words, (pdf.name, n, footer)


@pytest.mark.libreoffice
def test_identifiers_stay_whole_on_one_line(rendered):
    for _, pdf, quote in rendered:
        number = quote["quote"]["number"]
        lines = [line.replace("\u2060", "").replace(NB_HYPHEN, "-") for page in _pages(pdf) for line in page]
        with_number = [line for line in lines if number in line]
        assert with_number, pdf.name
        for line in lines:
            for part in number.split("-"):
                if re.search(rf"(?<![\w-]){re.escape(part)}-|-{re.escape(part)}(?![\w-])", line):
                    assert number in line, f"{pdf.name}: the quote number is split: «{line.strip()}»"
        phone = str(quote["company"].get("phone") or "")
        if "-" in phone and pdf.stem.endswith("-fa"):
            head, tail = (to_persian_digits(p) for p in phone.split("-", 1))
            for line in lines:
                if tail in line or head + "-" in line:
                    assert head in line and tail in line, f"{pdf.name}: the phone number is split: «{line.strip()}»"
