"""Hostile inputs to the outputs: templates, logos, workbook text, PDF bytes, quote.json, and the staging of files."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from quoter.errors import TemplateError
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
    "string_bomb": ("{{ 'x' * 100000000 }}", "larger than"),
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
