"""Step two of rendering: fill the .docx templates with a context and, on request, convert them to PDF.

Templates are rendered by docxtpl in a sandboxed jinja2 environment with autoescape on (a value with
``&`` or ``<`` would otherwise be silently truncated) and undefined variables as errors. Every name a
template uses is checked against the context before anything is written; outputs go to a temporary file
that is renamed into place, so a failure never leaves a partial document.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from quoter.errors import InputError, QuoterError, TemplateError
from quoter.render.documents.context import build_context
from quoter.render.reproducible import normalise_zip

DOCUMENTS = ("proposal", "sla", "nda", "contract")
LANGS = ("fa", "en")
PERSIAN_FONT = "Vazirmatn"
"""The complex-script font the Persian templates name."""
PERSIAN_FONT_FALLBACK = "Noto Sans Arabic"
"""What LibreOffice uses instead when Vazirmatn is not installed (Debian: fonts-noto-core)."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class PdfError(QuoterError):
    """The PDF conversion could not run or did not produce every file (the .docx files are written)."""


def default_templates_dir() -> Path:
    """``templates/`` of a source checkout, else the copy packaged in the wheel."""
    from quoter.paths import data_dir

    return data_dir("templates")


def template_path(templates_dir: Path, doc: str, lang: str) -> Path:
    """Where a document's template lives: ``<templates_dir>/<lang>/<doc>.docx``."""
    return Path(templates_dir) / lang / f"{doc}.docx"


def _choose(values: Iterable[str] | None, allowed: Sequence[str], what: str) -> list[str]:
    chosen = list(allowed) if values is None else [v.strip() for v in values if v.strip()]
    unknown = [v for v in chosen if v not in allowed]
    if unknown or not chosen:
        raise InputError(f"unknown {what}: {', '.join(unknown) or '(none)'}; choose from {', '.join(allowed)}")
    return list(dict.fromkeys(chosen))


def _stem(quote: dict[str, Any]) -> str:
    number = str((quote.get("quote") or {}).get("number") or "quote")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", number).strip("._") or "quote"


def render_documents(
    quote: dict[str, Any],
    langs: Iterable[str] | None = None,
    only: Iterable[str] | None = None,
    out_dir: str | Path = ".",
    templates_dir: str | Path | None = None,
    pdf: bool = False,
) -> list[Path]:
    """Render the chosen documents in the chosen languages and return the paths written.

    Files are named ``<quote number>-<doc>-<lang>.docx`` (and ``.pdf``). Every template is checked
    before any file is written. With ``pdf=True`` the .docx files are written first, then converted by
    one LibreOffice run; :class:`PdfError` if LibreOffice is missing or a PDF did not appear.
    """
    langs = _choose(langs, LANGS, "language")
    docs = _choose(only, DOCUMENTS, "document")
    tdir = Path(templates_dir) if templates_dir is not None else default_templates_dir()
    missing = [str(template_path(tdir, d, lang)) for lang in langs for d in docs
               if not template_path(tdir, d, lang).is_file()]  # fmt: skip
    if missing:
        raise TemplateError("template not found: " + ", ".join(missing))
    contexts = {lang: build_context(quote, lang) for lang in langs}
    created = _created(quote)

    prepared = []
    for lang in langs:
        for doc in docs:
            prepared.append((lang, doc, _prepare(template_path(tdir, doc, lang), contexts[lang])))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, doc, (tpl, ctx, env, path) in prepared:
        target = out / f"{_stem(quote)}-{doc}-{lang}.docx"
        _render_to(tpl, ctx, env, path, target, created, lang)
        written.append(target)
    if pdf:
        written += convert_to_pdf(written, out)
    return written


def _created(quote: dict[str, Any]) -> datetime:
    try:
        d = date.fromisoformat(str((quote.get("quote") or {}).get("date")))
    except ValueError:
        d = date(2020, 1, 1)
    return datetime(d.year, d.month, d.day)


def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _prepare(path: Path, context: dict[str, Any]) -> tuple[Any, dict[str, Any], Any, Path]:
    """Load a template and check it against the context; TemplateError lists every missing name."""
    import jinja2
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # a corrupt or non-docx file
        raise TemplateError(f"{path}: not a readable .docx template ({exc})") from None
    ctx = dict(context)
    logo = (context.get("company") or {}).get("logo")
    if logo:
        if not Path(logo).is_file():
            raise InputError(f"company.logo: file not found: {logo}")
        ctx["logo"] = InlineImage(tpl, str(logo), height=Mm(18))
    else:
        ctx["logo"] = ""
    env = _environment()
    try:
        missing = sorted(tpl.get_undeclared_template_variables(jinja_env=env, context=ctx))
        xml = tpl.patch_xml(tpl.get_xml())
        missing += [m for m in _missing_attributes(env.parse(xml), ctx) if m.split(".")[0] not in missing]
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}: template syntax error: {exc.message}") from None
    if missing:
        raise TemplateError(f"{path}: the template uses names the context does not have: {', '.join(missing)}")
    return tpl, ctx, env, path


def _missing_attributes(ast: Any, ctx: dict[str, Any]) -> list[str]:
    """Dotted names (``client.nam``, ``q.ftee``) the template reads but the context lacks.

    Loop variables are checked against every item of the list they iterate over; where a value cannot be
    known statically (a loop over an empty or absent list), nothing is reported.
    """
    from jinja2 import nodes

    bindings: dict[str, list[Any] | None] = {}
    for assign in ast.find_all(nodes.Assign):  # {% set x = ... %}: not checked
        for target in (
            assign.target.find_all(nodes.Name) if not isinstance(assign.target, nodes.Name) else [assign.target]
        ):
            bindings[target.name] = None
    for loop in ast.find_all(nodes.For):
        if not isinstance(loop.target, nodes.Name):
            continue
        seqs = _resolve(loop.iter, ctx, bindings)
        if seqs and all(isinstance(seq, list) for seq in seqs):
            bindings[loop.target.name] = [item for seq in seqs for item in seq] or None
        else:
            bindings[loop.target.name] = None
    missing = [_dotted(node) for node in ast.find_all(nodes.Getattr) if _resolve(node, ctx, bindings) == []]
    return list(dict.fromkeys(m for m in missing if m))


def _dotted(node: Any) -> str:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _dotted(node.node)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _resolve(node: Any, ctx: dict[str, Any], bindings: dict[str, list[Any] | None]) -> list[Any] | None:
    """Values a Name/Getattr chain takes (several for a loop variable): ``[]`` if a key is missing,
    ``None`` if it cannot be told (not a plain chain, a loop over nothing, a value that is not a dict)."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        if node.name in bindings:
            return bindings[node.name]
        if node.name == "loop":  # jinja's own loop variable (loop.last, loop.index)
            return None
        return [ctx[node.name]] if node.name in ctx else []
    if not isinstance(node, nodes.Getattr):
        return None
    bases = _resolve(node.node, ctx, bindings)
    if not bases:
        return bases
    values = []
    for base in bases:
        if not isinstance(base, dict):
            return None
        if node.attr not in base:
            return []
        values.append(base[node.attr])
    return values


def _render_to(tpl: Any, ctx: dict[str, Any], env: Any, path: Path, target: Path, created: datetime,
               lang: str) -> None:  # fmt: skip
    import jinja2

    try:
        tpl.render(ctx, jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from None
    if lang == "fa":
        _ensure_bidi(tpl.docx)
    props = tpl.docx.core_properties
    props.created = props.modified = created
    props.last_printed = created
    props.revision = 1
    company = (ctx.get("company") or {}).get("name", "")
    props.author = props.last_modified_by = company
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".docx.tmp", dir=target.parent)
    os.close(fd)
    try:
        tpl.save(tmp)
        normalise_zip(Path(tmp))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _ensure_bidi(document: Any) -> None:
    """Give every paragraph of a Persian document ``w:bidi`` unless it is explicitly left-to-right."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    parts = [document.element.body]
    for section in document.sections:
        for hf in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    for part in parts:
        for p in part.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            if ppr.find(qn("w:bidi")) is None:
                bidi = OxmlElement("w:bidi")
                # w:bidi must precede spacing/indentation/justification in pPr (schema order)
                anchor = next((c for c in ppr if c.tag in _AFTER_BIDI), None)
                if anchor is not None:
                    anchor.addprevious(bidi)
                else:
                    ppr.append(bidi)


_AFTER_BIDI = {
    f"{{{_W}}}{tag}"
    for tag in ("adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
                "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
                "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
}  # fmt: skip


# --- PDF ------------------------------------------------------------------------------------------------

_FONT_REPLACEMENT = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Font/Substitution">
 <prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">
 <node oor:name="_0" oor:op="replace">
  <prop oor:name="Always" oor:op="fuse"><value>true</value></prop>
  <prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>
  <prop oor:name="ReplaceFont" oor:op="fuse"><value>{font}</value></prop>
  <prop oor:name="SubstituteFont" oor:op="fuse"><value>{fallback}</value></prop>
 </node></item>
</oor:items>
"""


def find_soffice() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _font_installed(family: str) -> bool:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return False
    result = subprocess.run([fc_list, family, "family"], capture_output=True, text=True, check=False)
    return bool(result.stdout.strip())


def convert_to_pdf(docx_files: Sequence[Path], out_dir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert .docx files to PDF with one headless LibreOffice run and a fresh profile of its own.

    A private profile keeps parallel runs from losing output. When Vazirmatn is not installed the profile
    maps it to Noto Sans Arabic, so the PDF embeds a font that shapes Persian. Raises :class:`PdfError`
    if LibreOffice is missing, fails, or a PDF does not appear.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(
            "cannot make PDF files: LibreOffice (soffice) is not installed; the .docx files are written "
            "(install libreoffice-writer-nogui, or leave out --pdf)"
        )
    if not docx_files:
        return []
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory(prefix="quoter-lo-") as work:
        profile = Path(work) / "profile"
        (profile / "user").mkdir(parents=True)
        if not _font_installed(PERSIAN_FONT):
            (profile / "user" / "registrymodifications.xcu").write_text(
                _FONT_REPLACEMENT.format(font=PERSIAN_FONT, fallback=PERSIAN_FONT_FALLBACK), encoding="utf-8"
            )
        staging = Path(tempfile.mkdtemp(prefix=".quoter-pdf-", dir=out_dir))  # same disk: renames are atomic
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf", "--outdir", str(staging),
               *[str(Path(p).resolve()) for p in docx_files]]  # fmt: skip
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfError(f"LibreOffice did not finish converting within {timeout:.0f} s") from None
        pdfs, missing = [], []
        for docx in docx_files:
            produced = staging / (Path(docx).stem + ".pdf")
            if produced.is_file() and produced.stat().st_size > 0:
                target = out_dir / produced.name
                os.replace(produced, target)
                pdfs.append(target)
            else:
                missing.append(Path(docx).name)
        shutil.rmtree(staging, ignore_errors=True)
        if missing:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise PdfError(
                f"LibreOffice did not convert {', '.join(missing)} (exit {result.returncode}"
                + (f": {detail[-1]}" if detail else "")
                + ")"
            )
    return pdfs
