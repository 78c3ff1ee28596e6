"""Hostile inputs to the outputs: templates, logos, workbook text, PDF bytes, quote.json, and the staging of files."""

from __future__ import annotations

import json
import os
import re
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from quoter.errors import InputError, TemplateError
from quoter.render.documents import render as render_mod
from quoter.render.documents import render_documents

FIXTURE = Path(__file__).parent / "fixtures" / "quote_sample.json"


@pytest.fixture
def quote() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def make_templates(root: Path, body: str, doc: str = "nda", lang: str = "en") -> Path:
    """A templates folder whose ``<lang>/<doc>.docx`` is one paragraph holding ``body``."""
    (root / lang).mkdir(parents=True, exist_ok=True)
    d = Document()
    d.add_paragraph(body)
    d.save(str(root / lang / f"{doc}.docx"))
    return root


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- templates ------------------------------------------------------------------------------------------

HOSTILE = {
    "zero": ("{{ 1/0 }}", "ZeroDivisionError"),
    "syntax": ("{{ client.name ", "syntax error"),
    "include": ("{% include '/etc/passwd' %}", "include"),
    "extends": ("{% extends '/etc/passwd' %}", "extends"),
    "import": ("{% import '/etc/passwd' as p %}", "import"),
    "from_import": ("{% from '/etc/passwd' import x %}", "import"),
    "power": ("{{ 10**(10**9) }}", "digits"),
    "power_small_base": ("{{ 2**200 }}", "digits"),
    "product": ("{{ 99999999999999999999999 * 99999999999999999999999 }}", "digits"),
    "range": ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "range"),
    "string_bomb": ("{{ 'x' * 100000000 }}", "repeated value"),
    "center": ("{{ 'x' | center(1000000000) }}", "filter argument"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_template_is_refused_and_names_the_file(quote, tmp_path, case):
    body, match = HOSTILE[case]
    tdir = make_templates(tmp_path / "t", body)
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(TemplateError, match=match) as info:
        render_documents(quote, langs=["en"], only=["nda"], out_dir=out, templates_dir=tdir)
    assert "nda.docx" in str(info.value)
    assert time.monotonic() - started < 5
    assert outputs(out) == []


def test_loops_are_stopped_by_the_deadline(quote, tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod, "TEMPLATE_MAX_RENDER_SECONDS", 1.0)
    tdir = make_templates(
        tmp_path / "t", "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError, match="longer than"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert time.monotonic() - started < 4
    assert outputs(tmp_path / "out") == []


def test_loops_without_calls_are_stopped_by_the_alarm(quote, tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod, "TEMPLATE_MAX_RENDER_SECONDS", 1.0)
    body = "{% set s = 'x' * 9000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    tdir = make_templates(tmp_path / "t", body)
    started = time.monotonic()
    with pytest.raises(TemplateError, match="longer than"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert time.monotonic() - started < 4


def test_output_is_capped(quote, tmp_path, monkeypatch):
    monkeypatch.setattr(render_mod, "TEMPLATE_MAX_OUTPUT_BYTES", 100_000)
    tdir = make_templates(tmp_path / "t", "{% for i in range(10000) %}{{ 'x' * 50 }}{% endfor %}")
    with pytest.raises(TemplateError, match="larger than"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)


def test_one_bad_template_leaves_no_document(quote, tmp_path):
    tdir = make_templates(tmp_path / "t", "{{ client.name }}", doc="nda")
    make_templates(tdir, "{{ 1/0 }}", doc="sla")
    with pytest.raises(TemplateError, match="sla.docx"):
        render_documents(quote, langs=["en"], only=["nda", "sla"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert outputs(tmp_path / "out") == []


def test_a_good_template_still_renders(quote, tmp_path):
    tdir = make_templates(tmp_path / "t", "{{ client.name }} {% for i in range(3) %}{{ i * 2 }}{% endfor %}")
    (path,) = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert "Pars Retail Co. 024" in Document(str(path)).paragraphs[0].text
    assert outputs(tmp_path / "out") == [path.name]


def test_oversized_template_is_refused(quote, tmp_path, monkeypatch):
    tdir = make_templates(tmp_path / "t", "{{ client.name }}")
    monkeypatch.setattr(render_mod, "TEMPLATE_MAX_BYTES", 1000)
    with pytest.raises(TemplateError, match=r"nda\.docx: the template is .* bytes"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)


def _zip_bomb(path: Path, lie: bool) -> None:
    good = make_templates(path.parent / "src", "{{ client.name }}") / "en" / "nda.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/bomb.bin", b"\0" * 60_000_000)
    if lie:  # patch the declared uncompressed size of the bomb in the central directory and local header
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("word/media/bomb.bin")
        real = (60_000_000).to_bytes(4, "little")
        data = data.replace(real, (1000).to_bytes(4, "little"))
        path.write_bytes(bytes(data))
        assert info.file_size == 60_000_000


@pytest.mark.parametrize("lie", [False, True], ids=["declared", "lying"])
def test_zip_bomb_template_is_refused(quote, tmp_path, lie):
    tdir = tmp_path / "t"
    (tdir / "en").mkdir(parents=True)
    _zip_bomb(tdir / "en" / "nda.docx", lie)
    with pytest.raises(TemplateError, match="nda.docx"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert outputs(tmp_path / "out") == []


# --- logos ----------------------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        ("/etc/passwd", "outside"),
        ("/proc/self/environ", "outside"),
        ("../../../../etc/passwd", "outside|not found"),
        ("missing.png", "file not found"),
    ],
)
def test_logo_outside_or_missing_is_refused(quote, tmp_path, logo, message):
    tdir = make_templates(tmp_path / "t", "{{ client.name }}")
    quote["company"]["logo"] = logo
    with pytest.raises(InputError, match=f"company.logo: .*({message})"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    assert outputs(tmp_path / "out") == []


def test_logo_symlink_escape_and_fake_png_are_refused(quote, tmp_path):
    tdir = make_templates(tmp_path / "t", "{{ client.name }}")
    (tdir / "link.png").symlink_to("/etc/passwd")
    quote["company"]["logo"] = "link.png"
    with pytest.raises(InputError, match="company.logo: .*outside"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    (tdir / "fake.png").write_text("root:x:0:0\n")
    quote["company"]["logo"] = "fake.png"
    with pytest.raises(InputError, match="company.logo: .*not a PNG or JPEG"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)
    (tdir / "big.png").write_bytes(PNG + b"\0" * 2_000_000)
    quote["company"]["logo"] = "big.png"
    with pytest.raises(InputError, match="company.logo: .*bytes"):
        render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "out", templates_dir=tdir)


def test_logo_beside_the_templates_or_in_logo_dirs_is_used(quote, tmp_path):
    pytest.importorskip("PIL")
    from PIL import Image

    tdir = make_templates(tmp_path / "t", "{{ logo }} {{ client.name }}")
    Image.new("RGB", (60, 20), (31, 58, 95)).save(tdir / "logo.png")
    quote["company"]["logo"] = "logo.png"
    (path,) = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "a", templates_dir=tdir)
    assert Document(str(path)).inline_shapes
    books = tmp_path / "books"
    books.mkdir()
    Image.new("RGB", (60, 20), (0, 0, 0)).save(books / "mine.png")
    quote["company"]["logo"] = str(books / "mine.png")
    (path,) = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "b", templates_dir=tdir,
                               logo_dirs=[books])  # fmt: skip
    assert Document(str(path)).inline_shapes


# --- workbook -------------------------------------------------------------------------------------------

EVIL = '=HYPERLINK("http://evil.example","click")'


def test_workbook_text_never_becomes_a_formula(tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.quote.pipeline import build_quote
    from quoter.render import workbook

    root = Path(__file__).resolve().parents[1]
    req = load_requirements(root / "examples" / "bank-sat-thu.yaml")
    req = req.model_copy(update={"client": req.client.model_copy(update={"name": "+cmd|' /C calc'!A0"})})
    book = load_price_book("ir-1405").model_copy(update={"name": EVIL, "title": "@SUM(1+1)"})
    quote = build_quote(req, book, shifts=False, scenarios=False, number="-1+2")
    monkeypatch.setattr(workbook, "VOLUME_STEPS", (Decimal(0),))  # the quote's own point only: no engine runs
    monkeypatch.setattr(workbook, "AHT_STEPS", (Decimal(0),))
    path = workbook.write_workbook(quote, tmp_path / "q.xlsx", "en")
    wb = load_workbook(path)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    hostile = [c for c in cells if "evil.example" in c.value or "calc" in c.value or c.value == "-1+2"]
    assert len(hostile) >= 3  # the book in Summary and Assumptions, the client, the number
    assert all(c.data_type == "s" for c in hostile)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                xml = zf.read(name).decode()
                for f in re.findall(r"<f>(.*?)</f>", xml):
                    assert "evil.example" not in f and "calc" not in f and "SUM(1+1)" not in f


# --- quote.json -----------------------------------------------------------------------------------------


def saved(tmp_path: Path) -> Path:
    from quoter.quote.store import save_quote

    return save_quote(json.loads(FIXTURE.read_text(encoding="utf-8")), tmp_path / "q")


def test_saved_quote_round_trips_with_its_hash(tmp_path):
    from quoter.quote.store import load_quote

    path = saved(tmp_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert list(raw)[-1] == "sha256" and len(raw["sha256"]) == 64
    assert load_quote(path) == {k: v for k, v in json.loads(FIXTURE.read_text(), parse_float=str).items()
                                if k != "sha256"} or load_quote(path)["quote"]["number"] == "Q-1405-0042"  # fmt: skip
    assert oct(path.stat().st_mode & 0o777) == oct(0o644)


def test_edited_amount_is_refused(tmp_path):
    from quoter.quote.store import load_quote

    path = saved(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["cost"]["monthly_total"] = "1"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="does not match its sha256: the file was changed after it was saved"):
        load_quote(path)
    del data["sha256"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="no sha256.*re-save"):
        load_quote(path)


def _edited(tmp_path: Path, edit) -> Path:
    path = saved(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(chosen_model="__class__"), "chosen_model"),
        (lambda d: d["options"].update(chosen_model="__init__"), "options.chosen_model"),
        (lambda d: d["quote"].update(date="9999-99-99"), "quote.date"),
        (lambda d: d["quote"].update(date_jalali="1405-99-99"), "quote.date_jalali"),
        (lambda d: d["cost"].update(monthly_total=[1]), "cost.monthly_total"),
        (lambda d: d.update(term_months="12"), "term_months"),
    ],
)
def test_wrong_fields_are_named(tmp_path, edit, message):
    from quoter.quote.store import load_quote

    with pytest.raises(InputError, match=re.escape(message)):
        load_quote(_edited(tmp_path, edit))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 200_000 + "]" * 200_000, "nested deeper"),
        ('{"schema": "quoter.quote/1", "vat_rate": NaN}', "vat_rate: the number NaN"),
        ('{"schema": "quoter.quote/1", "x": [Infinity]}', r"x\[0\]: the number Infinity"),
        ('{"schema": "quoter.quote/1", "term_months": 1e999999}', "term_months: the number 1e999999"),
        ('{"schema": "quoter.quote/1", "n": ' + "9" * 5000 + "}", "n: the number 9999"),
        ('{"schema": "quoter.quote/1", "quote": {"num', "not valid JSON"),
    ],
)
def test_hostile_json_is_refused_quickly(tmp_path, text, message):
    from quoter.quote.store import load_quote

    path = tmp_path / "quote.json"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(InputError, match=message):
        load_quote(path)
    assert time.monotonic() - started < 2


def test_oversized_quote_json_is_refused(tmp_path, monkeypatch):
    from quoter.quote import store

    monkeypatch.setattr(store, "QUOTE_JSON_MAX_BYTES", 1000)
    path = tmp_path / "quote.json"
    path.write_text(" " * 2000 + "{}", encoding="utf-8")
    with pytest.raises(InputError, match="larger than 1,000 bytes"):
        store.load_quote(path)


# --- staging --------------------------------------------------------------------------------------------


def test_staging_moves_every_file_into_place(tmp_path):
    from quoter.outputs import OUTPUT_MODE, Staging

    out = tmp_path / "new" / "out"
    with Staging(out) as stage:
        stage.path("a.txt").write_text("a")
        stage.path("b.txt").write_text("b")
    assert sorted(os.listdir(out)) == ["a.txt", "b.txt"]
    assert stage.written == [out / "a.txt", out / "b.txt"]
    assert all((out / n).stat().st_mode & 0o777 == OUTPUT_MODE for n in ("a.txt", "b.txt"))


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_staging_leaves_nothing_on_an_error(tmp_path, error):
    from quoter.outputs import Staging

    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("old")
    with pytest.raises(error), Staging(out) as stage:
        stage.path("keep.txt").write_text("new")
        stage.path("b.txt").write_text("b")
        raise error()
    assert os.listdir(out) == ["keep.txt"] and (out / "keep.txt").read_text() == "old"
    fresh = tmp_path / "fresh" / "deep"
    with pytest.raises(RuntimeError), Staging(fresh) as stage:
        stage.path("x").write_text("x")
        raise RuntimeError
    assert not (tmp_path / "fresh").exists()


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full", "/proc/self/status", "/sys/kernel/x"])
def test_staging_refuses_special_targets(tmp_path, target):
    from quoter.outputs import Staging

    with pytest.raises(InputError, match=re.escape(target)), Staging(tmp_path) as stage:
        stage.path("x.txt", target=target)
    assert os.listdir(tmp_path) == []


def test_staging_refuses_fifo_folder_and_path_under_a_file(tmp_path):
    from quoter.outputs import Staging

    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "dir").mkdir()
    (tmp_path / "file").write_text("x")
    for target, message in [(tmp_path / "fifo", "not a regular file"), (tmp_path / "dir", "is a folder"),
                            (tmp_path / "file" / "x.txt", "is a file")]:  # fmt: skip
        with pytest.raises(InputError, match=message), Staging(tmp_path) as stage:
            stage.path("x.txt", target=target)
    with pytest.raises(InputError, match="is a file"), Staging(tmp_path / "file"):
        pass
    assert sorted(os.listdir(tmp_path)) == ["dir", "fifo", "file"]


# --- PDF ------------------------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_pdf_is_reproducible(quote, tmp_path):
    import shutil
    import subprocess

    from quoter.render.documents.render import find_soffice

    if find_soffice() is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install LibreOffice and poppler-utils (see .ci/run)")
        pytest.skip("LibreOffice or poppler-utils not installed")
    first = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "a", pdf=True)[-1]
    time.sleep(1.1)  # a new second on the clock LibreOffice would stamp
    second = render_documents(quote, langs=["en"], only=["nda"], out_dir=tmp_path / "b", pdf=True)[-1]
    assert first.suffix == ".pdf" and first.read_bytes() == second.read_bytes()
    info = subprocess.run(["pdfinfo", str(first)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"CreationDate:.*2026", info), info
    assert "Syntax Error" not in subprocess.run(["pdfinfo", str(first)], capture_output=True, text=True).stderr
    text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True, text=True, check=True).stdout
    assert "Pars Retail Co." in text
