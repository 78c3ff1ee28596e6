"""quoter.render.documents: the context, the rendered .docx files read back, errors, and the PDF conversion."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoter.errors import InputError, TemplateError
from quoter.render.documents import (
    DOCUMENTS,
    LANGS,
    build_context,
    default_templates_dir,
    render_documents,
    template_path,
)
from quoter.render.documents.render import PdfError, find_soffice

from .fixtures import build

FIXTURE = Path(__file__).parent / "fixtures" / "quote_sample.json"
PERSIAN_LETTER = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def quote() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def docx_text(path: Path) -> str:
    """All text of a .docx: body paragraphs, tables (nested too), headers and footers."""
    doc = Document(str(path))
    parts = [t.text or "" for t in doc.element.body.iter(qn("w:t"))]
    for section in doc.sections:
        for hf in (section.header, section.footer):
            parts += [t.text or "" for t in hf._element.iter(qn("w:t"))]
    return "".join(parts)


def paragraphs(path: Path):
    doc = Document(str(path))
    yield from doc.element.body.iter(qn("w:p"))
    for section in doc.sections:
        yield from section.footer._element.iter(qn("w:p"))


def para_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


# --- the context ----------------------------------------------------------------------------------------


def test_context_is_plain_and_formatted(quote):
    fa, en = build_context(quote, "fa"), build_context(quote, "en")
    json.dumps(fa, ensure_ascii=False)  # serialisable: no Decimal, date or object left
    assert fa["client"]["name"] == "شرکت خرده‌فروشی پارس"
    assert en["client"]["name"] == "Pars Retail Co."
    assert fa["quote"]["date"] == "۱ آذر ۱۴۰۵"
    assert fa["quote"]["date_numeric"] == "۱۴۰۵/۰۹/۰۱"
    assert en["quote"]["date"] == "22 November 2026"
    assert fa["chosen"]["monthly"]["figures"] == "۵۹٬۸۶۴٬۰۹۶٬۰۰۰ ریال"
    assert fa["chosen"]["monthly"]["words"] == "پنجاه و نه میلیارد و هشتصد و شصت و چهار میلیون و نود و شش هزار ریال"
    assert (
        en["chosen"]["monthly"]["words"]
        == "fifty-nine billion eight hundred sixty-four million ninety-six thousand rials"
    )
    assert en["chosen"]["vat"]["figures"] == "5,986,409,600 IRR"  # the engine's VAT, not recomputed
    assert en["chosen"]["monthly_with_vat"]["figures"] == "65,850,505,600 IRR"
    assert fa["chosen"]["vat_rate"] == "۱۰٪"
    assert fa["staffing"]["totals"]["fte"] == "۸۰٫۰"  # the roster's people (the intervals alone: 72.5)
    chat = Decimal(quote["models"]["per_call"]["unit_price_chat"])
    assert en["models"]["per_call"]["unit_price_chat"] == f"{chat:,.0f} IRR"
    assert fa["add_ons"][0] == {
        "key": "call_recording_access",
        "name": "دسترسی به سامانه ضبط مکالمات",
        "monthly": "۸۰٬۰۰۰٬۰۰۰ ریال",
        "one_time": "–",
    }
    assert fa["company"]["city"] == "تهران" and en["company"]["city"] == "Tehran"
    assert not re.search(r"[0-9]", json.dumps(fa["chosen"], ensure_ascii=False)), "ASCII digits in Persian"


@pytest.mark.parametrize("lang", LANGS)
def test_context_golden(quote, lang):
    """The whole context of the sample quote, as JSON (``python tests/fixtures/build.py`` rewrites it)."""
    golden = FIXTURE.parent / f"context_{lang}.json"
    assert build.context_text(quote, lang) == golden.read_text(encoding="utf-8"), (
        "context changed; review and rerun `python tests/fixtures/build.py`"
    )


def test_context_has_one_shape_for_both_languages(quote):
    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value[:1]]
        return type(value).__name__

    assert shape(build_context(quote, "fa")) == shape(build_context(quote, "en"))


def test_every_priced_model_has_its_fields(quote):
    quote["models"]["per_call"].pop("minimum_monthly")
    ctx = build_context(quote, "en")
    assert ctx["models"]["per_call"]["minimum_monthly"] == ""
    quote["models"].pop("per_minute")
    assert build_context(quote, "en")["models"]["per_minute"] is None


def test_missing_quote_keys_are_listed_together(quote):
    del quote["client"]["name"]
    del quote["company"]["city"]
    quote["chosen_model"] = "per_banana"
    with pytest.raises(InputError) as err:
        build_context(quote, "fa")
    text = str(err.value)
    assert "client.name: missing" in text
    assert "company.city: missing" in text
    assert "chosen_model: unknown tariff 'per_banana'" in text


# --- rendering ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[dict, list[Path]]:
    quote = json.loads(FIXTURE.read_text(encoding="utf-8"))
    out = tmp_path_factory.mktemp("docs")
    return quote, render_documents(quote, out_dir=out)


def test_renders_all_eight(rendered):
    _, paths = rendered
    assert sorted(p.name for p in paths) == sorted(f"Q-1405-0042-{d}-{lang}.docx" for d in DOCUMENTS for lang in LANGS)
    assert not [p for p in paths[0].parent.iterdir() if p.name.startswith(".")], "temporary files left behind"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("doc", DOCUMENTS)
def test_documents_carry_the_quote(rendered, doc, lang):
    quote, paths = rendered
    ctx = build_context(quote, lang)
    path = next(p for p in paths if p.name.endswith(f"-{doc}-{lang}.docx"))
    text = docx_text(path)
    assert "{{" not in text and "{%" not in text and "}}" not in text
    assert ctx["client"]["name"] in text
    assert ctx["quote"]["number"] in text
    assert ctx["company"]["name"] in text
    if doc in ("proposal", "contract"):
        for amount in ("monthly", "monthly_with_vat"):
            assert ctx["chosen"][amount]["figures"] in text
        assert ctx["chosen"]["monthly"]["words"] in text
        if doc == "contract":
            assert ctx["chosen"]["vat"]["words"] in text
            assert ctx["chosen"]["monthly_with_vat"]["words"] in text
        assert ctx["setup"]["total"]["figures"] in text
        assert ctx["setup"]["total"]["words"] in text
    if doc == "proposal":
        assert ctx["staffing"]["totals"]["fte"] in text
        assert ctx["quote"]["valid_until"] in text
        for q in ctx["staffing"]["queues"]:
            assert q["fte"] in text
    if doc == "contract":
        assert ctx["company"]["city"] in text
        assert ctx["models"]["hybrid"]["base_monthly_words"] in text
    if doc == "sla":
        assert ctx["sla"]["at_risk_amount"]["figures"] in text
        for k in ctx["sla"]["kpis"]:
            assert k["max_credit"] in text and k["target"] in text
    if doc == "nda":
        assert ctx["terms"]["nda_penalty"]["words"] in text
    if lang == "en":
        assert not re.search("[۰-۹]", text), "Persian digits leaked into an English document"


@pytest.mark.parametrize("doc", DOCUMENTS)
def test_persian_paragraphs_are_right_to_left(rendered, doc):
    _, paths = rendered
    path = next(p for p in paths if p.name.endswith(f"-{doc}-fa.docx"))
    checked = 0
    for p in paragraphs(path):
        if not PERSIAN_LETTER.search(para_text(p)):
            continue
        checked += 1
        bidi = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
        assert bidi is not None and bidi.get(qn("w:val")) in (None, "1", "true", "on"), para_text(p)[:60]
        for r in p.iter(qn("w:r")):
            run_text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if PERSIAN_LETTER.search(run_text):
                assert r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None, run_text
                fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
                assert fonts is not None and fonts.get(qn("w:cs")), run_text
            if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None:
                assert r.find(f"{qn('w:rPr')}/{qn('w:bCs')}") is not None, "bold without complex-script bold"
    assert checked > 20
    doc_xml = Document(str(path))
    assert doc_xml.sections[0]._sectPr.find(qn("w:bidi")) is not None
    for table in doc_xml.tables:
        assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None


def test_special_characters_come_through_whole(quote, tmp_path):
    quote["client"]["name"] = "A&B <Co>"
    quote["client"]["name_fa"] = 'شرکت A&B <Co> & "شرکا"'
    paths = render_documents(quote, only=["contract", "nda"], out_dir=tmp_path)
    for path in paths:
        text = docx_text(path)
        expected = quote["client"]["name_fa"] if path.name.endswith("-fa.docx") else "A&B <Co>"
        assert expected in text
        assert "&amp;" not in text and "&lt;" not in text


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_client_name_comes_through_whole(quote, tmp_path_factory, name):
    name = name.strip() or "X"
    quote = copy.deepcopy(quote)
    quote["client"]["name"] = name
    quote["client"].pop("name_fa", None)
    paths = render_documents(quote, langs=["fa", "en"], only=["nda"], out_dir=tmp_path_factory.mktemp("n"))
    for path in paths:
        assert name in docx_text(path)


def test_usd_quote_in_both_languages(quote, tmp_path):
    quote["currency"] = "USD"
    quote["vat_rate"] = "0"
    quote["models"]["hybrid"].update(base_monthly="18250.50", variable_rate="1.35", monthly_at_forecast="26350.75")
    fa, en = render_documents(quote, only=["contract"], out_dir=tmp_path)
    en_text, fa_text = docx_text(en), docx_text(fa)
    assert "$18,250.50" in en_text
    assert "eighteen thousand two hundred fifty dollars and fifty cents" in en_text
    assert "twenty-six thousand three hundred fifty dollars and seventy-five cents" in en_text
    assert "۱۸٬۲۵۰٫۵۰ دلار" in fa_text
    assert "هجده هزار و دویست و پنجاه دلار و پنجاه سنت" in fa_text
    assert "ریال" not in build_context(quote, "fa")["chosen"]["monthly"]["words"]


def test_control_characters_are_dropped(quote, tmp_path):
    quote["client"]["name"] = "Pars\x00 Retail\x0b Co."
    quote["client"].pop("name_fa")
    (path,) = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path)
    assert "Pars Retail Co." in docx_text(path)


def test_the_chosen_tariff_drives_the_contract(quote, tmp_path):
    for key in quote["models"]:  # every model the quote priced (per result: outbound campaigns only)
        quote["chosen_model"] = key
        out = tmp_path / key
        (path_fa, path_en) = render_documents(quote, only=["contract"], out_dir=out)
        for path, lang in ((path_fa, "fa"), (path_en, "en")):
            ctx = build_context(quote, lang)
            text = docx_text(path)
            price_field = {"fixed": "monthly_fee", "hybrid": "base_monthly", "performance": "base"}.get(
                key, "unit_price"
            )
            assert ctx["models"][key][price_field] in text, (key, lang)
            assert ctx["models"][key][f"{price_field}_words"] in text, (key, lang)
            assert ctx["chosen"]["monthly_with_vat"]["words"] in text
            for price in ctx["models"][key].get("prices", []):  # every channel's own price, in words too
                assert price["price"] in text and price["words"] in text and price["unit"] in text, (key, lang)


def test_a_minimal_quote_renders_everything(quote, tmp_path):
    """Only the required keys and the chosen tariff: optional sections drop out, nothing breaks."""
    minimal = {key: quote[key] for key in ("quote", "client", "company", "currency", "requirements", "staffing")}
    minimal.update(chosen_model="per_seat", models={"per_seat": quote["models"]["per_seat"]},
                   cost={"monthly_total": quote["cost"]["monthly_total"]})  # fmt: skip
    paths = render_documents(minimal, out_dir=tmp_path)
    assert len(paths) == 8
    sla_en = docx_text(next(p for p in paths if p.name.endswith("-sla-en.docx")))
    assert "carries no service credits" in sla_en
    proposal_fa = docx_text(next(p for p in paths if p.name.endswith("-proposal-fa.docx")))
    assert build_context(minimal, "fa")["models"]["per_seat"]["unit_price"] in proposal_fa
    assert "خدمات اختیاری" not in proposal_fa and "پیشنهاد ما:" not in proposal_fa


def test_toman_beside_rial_when_asked(quote, tmp_path):
    quote["toman"] = True
    fa, en = render_documents(quote, only=["contract"], out_dir=tmp_path)
    toman = build_context(quote, "fa")["chosen"]["monthly_with_vat"]["toman"]
    assert toman.endswith("تومان") and f"معادل {toman}" in docx_text(fa)
    assert "Toman" not in docx_text(en)


def test_one_way_nda(quote, tmp_path):
    quote["terms"] = {"nda_mutual": False, "nda_years": 5}
    fa, en = render_documents(quote, only=["nda"], out_dir=tmp_path)
    assert "one-way" in docx_text(en) and "Mutual" not in docx_text(en)
    assert "یک‌جانبه" in docx_text(fa) and "۵ سال" in docx_text(fa)


def test_languages_and_documents_can_be_chosen(quote, tmp_path):
    paths = render_documents(quote, langs=["en"], only=["sla"], out_dir=tmp_path)
    assert [p.name for p in paths] == ["Q-1405-0042-sla-en.docx"]
    with pytest.raises(InputError, match="unknown language: de"):
        render_documents(quote, langs=["de"], out_dir=tmp_path)
    with pytest.raises(InputError, match="unknown document: invoice"):
        render_documents(quote, only=["invoice"], out_dir=tmp_path)


def test_same_quote_same_bytes(quote, tmp_path):
    a = render_documents(quote, langs=["fa"], only=["contract"], out_dir=tmp_path / "a")[0]
    b = render_documents(quote, langs=["fa"], only=["contract"], out_dir=tmp_path / "b")[0]
    assert a.read_bytes() == b.read_bytes()


def test_committed_templates_match_their_builder(tmp_path):
    """The .docx files in templates/ are what templates/build_templates.py makes (edit the wording, rebuild)."""
    templates = default_templates_dir()
    builder = templates / "build_templates.py"
    if not builder.exists():
        pytest.skip("installed package: the builder is not shipped next to the templates")
    subprocess.run([sys.executable, str(builder), str(tmp_path)], check=True, capture_output=True)
    for doc in DOCUMENTS:
        for lang in LANGS:
            built = template_path(tmp_path, doc, lang).read_bytes()
            assert built == template_path(templates, doc, lang).read_bytes(), f"{lang}/{doc}.docx is stale"


# --- template errors ------------------------------------------------------------------------------------


def _user_templates(tmp_path: Path, extra: str) -> Path:
    """A copy of the templates whose English contract has one more paragraph."""
    tdir = tmp_path / "tpl"
    shutil.copytree(default_templates_dir(), tdir, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    path = template_path(tdir, "contract", "en")
    doc = Document(str(path))
    doc.add_paragraph(extra)
    doc.save(str(path))
    return tdir


def test_undefined_names_are_reported_with_the_template_path(quote, tmp_path):
    tdir = _user_templates(tmp_path, "Signed by {{ client_ceo }} for {{ client.nam }} ({{ company.name }})")
    out = tmp_path / "out"
    with pytest.raises(TemplateError) as err:
        render_documents(quote, langs=["fa", "en"], out_dir=out, templates_dir=tdir)
    message = str(err.value)
    assert str(template_path(tdir, "contract", "en")) in message
    assert "client_ceo" in message and "client.nam" in message
    assert "company.name" not in message
    assert not out.exists() or not any(out.iterdir()), "no file is written when a template is broken"


def test_undefined_attribute_of_a_loop_variable(quote, tmp_path):
    tdir = _user_templates(tmp_path, "{% for q in staffing.queues %}{{ q.ftee }}{% endfor %}")
    with pytest.raises(TemplateError, match=r"q\.ftee"):
        render_documents(quote, langs=["en"], only=["contract"], out_dir=tmp_path / "out", templates_dir=tdir)


def test_template_syntax_error(quote, tmp_path):
    tdir = _user_templates(tmp_path, "{% if client.name %}never closed")
    with pytest.raises(TemplateError, match="contract.docx"):
        render_documents(quote, langs=["en"], only=["contract"], out_dir=tmp_path / "out", templates_dir=tdir)


def test_sandbox_refuses_unsafe_access(quote, tmp_path):
    tdir = _user_templates(tmp_path, "{{ client.name.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        render_documents(quote, langs=["en"], only=["contract"], out_dir=tmp_path / "out", templates_dir=tdir)


def test_missing_template(quote, tmp_path):
    with pytest.raises(TemplateError, match="template not found: .*nda.docx"):
        render_documents(quote, only=["nda"], out_dir=tmp_path, templates_dir=tmp_path / "nowhere")


def test_missing_logo_file(quote, tmp_path):
    quote["company"]["logo"] = str(tmp_path / "logo.png")
    with pytest.raises(InputError, match="company.logo: file not found"):
        render_documents(quote, only=["nda"], out_dir=tmp_path)


def test_logo_is_placed(quote, tmp_path):
    pytest.importorskip("PIL")
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (31, 58, 95)).save(logo)
    quote["company"]["logo"] = str(logo)
    (path,) = render_documents(quote, langs=["en"], only=["proposal"], out_dir=tmp_path / "out", logo_dirs=[tmp_path])
    assert Document(str(path)).inline_shapes, "the logo is an inline picture"


# --- PDF ------------------------------------------------------------------------------------------------


def test_pdf_without_libreoffice_keeps_the_docx(quote, tmp_path, monkeypatch):
    monkeypatch.setattr("quoter.render.documents.render.find_soffice", lambda: None)
    with pytest.raises(PdfError, match="LibreOffice"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path, pdf=True)
    assert (tmp_path / "Q-1405-0042-nda-en.docx").is_file()


_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_words(text: str) -> str:
    """pdftotext output made comparable with the document's logical text.

    pdftotext already emits right-to-left lines in logical order, wrapped in embedding controls; it
    turns the lam-alef ligature (لا) back into alef-lam (ال), lines wrap anywhere, and a hyphen at the end
    of a line is dropped ("forty-" + "four" -> "fortyfour"). So: drop the bidi controls, apply NFKC, write
    every lam-alef as alef-lam, drop hyphens and collapse all whitespace. Persian body text is justified
    and LibreOffice stretches it with kashidas, which pdftotext gives back as gaps inside words or as
    stray Latin marks (``1``, ``::``) in a left-to-right embedding between two letters: drop those, and
    all whitespace in Persian text.
    """
    text = _KASHIDA.sub("", text)
    text = unicodedata.normalize("NFKC", _BIDI_CONTROLS.sub("", text)).replace("لا", "ال").replace("-", "")
    if re.search("[\u0600-\u06ff]", text):
        return "".join(text.split())
    return " ".join(text.split())


_KASHIDA = re.compile(
    "(?<=[\u0620-\u064a\u067e-\u06d3])\u202a[^\\s\u0600-\u06ff\u202a-\u202c]{1,4}\u202c(?=[\u0620-\u064a\u067e-\u06d3])|\u0640"
)


@pytest.mark.libreoffice
def test_pdf_has_the_persian_text(quote, tmp_path):
    if find_soffice() is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice and poppler-utils (see .ci/run)")
        pytest.skip("LibreOffice or pdftotext not installed")
    paths = render_documents(quote, only=["contract", "proposal"], out_dir=tmp_path, pdf=True)
    pdfs = [p for p in paths if p.suffix == ".pdf"]
    assert len(pdfs) == 4
    for pdf in pdfs:
        lang = "fa" if pdf.stem.endswith("-fa") else "en"
        ctx = build_context(quote, lang)
        text = pdf_words(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                        text=True, check=True).stdout)  # fmt: skip
        assert pdf_words(ctx["client"]["name"]) in text
        assert pdf_words(ctx["chosen"]["monthly"]["words"]) in text
        if "-contract-" in pdf.name:
            assert pdf_words(ctx["chosen"]["monthly_with_vat"]["words"]) in text
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        if lang == "fa":
            assert re.search(r"(Vazirmatn|NotoSansArabic|NotoNaskhArabic)\S*\s.*\byes\b", fonts), fonts


@pytest.mark.libreoffice
def test_pdf_error_names_missing_files(tmp_path):
    if find_soffice() is None:
        pytest.skip("LibreOffice not installed")
    from quoter.render.documents.render import convert_to_pdf

    good = render_documents(json.loads(FIXTURE.read_text(encoding="utf-8")), langs=["en"], only=["nda"],
                            out_dir=tmp_path)[0]  # fmt: skip
    with pytest.raises(PdfError, match=r"did not convert vanished\.docx"):
        convert_to_pdf([good, tmp_path / "vanished.docx"], tmp_path)
    assert good.with_suffix(".pdf").is_file(), "the files that did convert are kept"


def test_load_quote_reads_json_exactly(tmp_path):
    from quoter.render.documents import quote_source as load_quote

    quote = load_quote(FIXTURE)
    assert quote["quote"]["number"] == "Q-1405-0042"
    assert quote["requirements"]["staffing"]["shrinkage"] == "0.3"  # the exact decimal string, no float
    assert build_context(quote, "fa") == build_context(json.loads(FIXTURE.read_text(encoding="utf-8")), "fa")


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", r"not valid JSON \(line 1, column 2"), ("[1, 2]", "not a quote saved by quoter")],
)
def test_load_quote_errors(tmp_path, content, message):
    from quoter.render.documents import quote_source as load_quote

    path = tmp_path / "quote.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_quote(path)
    with pytest.raises(InputError, match="quote file not found"):
        load_quote(tmp_path / "missing.json")


def test_requirements_file_is_priced_by_the_engine(tmp_path):
    from quoter.render.documents import quote_source as load_quote

    quote = load_quote(Path(__file__).parent.parent / "examples" / "bank-sat-thu.yaml")
    assert quote["client"]["name"] == "Sepehr Bank"
    assert Decimal(quote["cost"]["monthly_total"]) > 0


def test_quote_is_not_modified(quote, tmp_path):
    before = copy.deepcopy(quote)
    render_documents(quote, langs=["en"], only=["sla"], out_dir=tmp_path)
    assert quote == before


def test_the_revision_stamp_reads_in_each_language(quote):
    """A stored revision's footer stamp: «بازنگری ۱۲» in Persian (no Latin r12), the hash as it is."""
    stamp = {"revision": "r12", "sha256": "ab" * 32}
    fa, en = build_context(quote, "fa", stamp=stamp), build_context(quote, "en", stamp=stamp)
    assert fa["quote"]["stamp"] == " · بازنگری ۱۲ · SHA-256 " + "ab" * 32
    assert en["quote"]["stamp"] == " · revision r12 · SHA-256 " + "ab" * 32
    assert build_context(quote, "fa")["quote"]["stamp"] == ""
