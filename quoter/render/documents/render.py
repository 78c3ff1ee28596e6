"""Step two of rendering: fill the .docx templates with a context and, on request, convert them to PDF.

Templates are rendered by docxtpl in a sandboxed jinja2 environment with autoescape on (a value with
``&`` or ``<`` would otherwise be silently truncated) and undefined variables as errors. Every name a
template uses is checked against the context before anything is written; outputs go to a temporary file
that is renamed into place, so a failure never leaves a partial document.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from quoter import progress
from quoter.errors import InputError, QuoterError, TemplateError
from quoter.limits import (
    LOGO_MAX_BYTES,
    TEMPLATE_MAX_BYTES,
    TEMPLATE_MAX_INT_DIGITS,
    TEMPLATE_MAX_OUTPUT_BYTES,
    TEMPLATE_MAX_RANGE,
    TEMPLATE_MAX_RENDER_SECONDS,
    TEMPLATE_MAX_UNZIPPED_BYTES,
)
from quoter.render.documents.context import build_context
from quoter.render.reproducible import normalise_pdf, normalise_zip

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
    logo_dirs: Sequence[str | Path] | None = None,
    stamp: dict[str, str] | None = None,
) -> list[Path]:
    """Render the chosen documents in the chosen languages and return the paths written.

    Files are named ``<quote number>-<doc>-<lang>.docx`` (and ``.pdf``). Every template is checked
    before any file is written, and the documents are rendered in a hidden staging folder and moved into
    place together, so a failing template leaves no file. With ``pdf=True`` the .docx files are written
    first, then converted by one LibreOffice run; :class:`PdfError` if LibreOffice is missing or a PDF did
    not appear. ``company.logo`` must be a PNG or JPEG under the templates folder, the price book's folder
    (found from the quote's price-book name) or one of ``logo_dirs`` (the CLI passes the folder of a
    ``--price-book`` file); see :func:`logo_file`. ``stamp`` (``revision``, ``sha256``): the stored revision the
    documents come from, printed in every footer (see :meth:`quoter.book.Revision.stamp`).
    """
    from quoter.outputs import Staging

    langs = _choose(langs, LANGS, "language")
    docs = _choose(only, DOCUMENTS, "document")
    tdir = Path(templates_dir) if templates_dir is not None else default_templates_dir()
    missing = [str(template_path(tdir, d, lang)) for lang in langs for d in docs
               if not template_path(tdir, d, lang).is_file()]  # fmt: skip
    if missing:
        raise TemplateError("template not found: " + ", ".join(missing))
    contexts = {lang: build_context(quote, lang, stamp) for lang in langs}
    created = _created(quote)
    logo = logo_file(quote, [tdir, *_book_dirs(quote), *(Path(d) for d in logo_dirs or ())])

    prepared = []
    for lang in langs:
        for doc in docs:
            prepared.append((lang, doc, _prepare(template_path(tdir, doc, lang), contexts[lang], logo)))
    out = Path(out_dir)
    with Staging(out) as stage:
        for lang, doc, (tpl, ctx, env, path) in prepared:
            name = f"{_stem(quote)}-{doc}-{lang}.docx"
            _render_to(tpl, ctx, env, path, stage.path(name), created, lang)
    written = list(stage.written)
    if pdf:
        written += convert_to_pdf(written, out)
    return written


_LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _book_dirs(quote: dict[str, Any]) -> list[Path]:
    """The folder of the quote's price book, if its name still resolves to a file."""
    from quoter.inputs.pricebook import resolve_price_book

    name = (quote.get("price_book") or {}).get("name")
    if not isinstance(name, str) or not name or "/" in name or os.sep in name:
        return []
    try:
        return [resolve_price_book(name).resolve().parent]
    except (QuoterError, OSError):
        return []


def logo_file(quote: dict[str, Any], roots: Sequence[Path]) -> Path | None:
    """The checked ``company.logo`` of a quote, or None if it has none.

    A relative path is taken under each root in turn. The file (symlinks resolved) must lie under one
    of ``roots``, be a regular file of at most LOGO_MAX_BYTES and start like a PNG or JPEG; otherwise
    InputError naming ``company.logo``. This keeps a price book or an edited quote.json from putting
    ``/etc/passwd`` or ``/proc/self/environ`` into a document.
    """
    logo = (quote.get("company") or {}).get("logo")
    if not logo:
        return None
    if not isinstance(logo, str):
        raise InputError(f"company.logo: must be a file name, not {type(logo).__name__}")
    given = Path(logo)
    real_roots = [Path(os.path.realpath(r)) for r in roots]
    candidates = [given] if given.is_absolute() else [r / given for r in real_roots] + [given]
    found = next((c for c in candidates if os.path.lexists(c)), None)
    if found is None:
        raise InputError(f"company.logo: file not found: {logo}")
    real = Path(os.path.realpath(found))
    if not any(real == r or r in real.parents for r in real_roots):
        where = ", ".join(str(r) for r in real_roots)
        raise InputError(f"company.logo: {logo} is outside the price book's and the templates' folders ({where}); "
                         "put the logo next to the price book")  # fmt: skip
    if not real.is_file():
        raise InputError(f"company.logo: {logo} is not a regular file")
    size = real.stat().st_size
    if size > LOGO_MAX_BYTES:
        raise InputError(f"company.logo: {logo} is {size:,} bytes (at most {LOGO_MAX_BYTES:,})")
    with open(real, "rb") as fh:
        head = fh.read(8)
    if not head.startswith(_LOGO_MAGIC):
        raise InputError(f"company.logo: {logo} is not a PNG or JPEG image")
    return real


def _created(quote: dict[str, Any]) -> datetime:
    try:
        d = date.fromisoformat(str((quote.get("quote") or {}).get("date")))
    except ValueError:
        d = date(2020, 1, 1)
    return datetime(d.year, d.month, d.day)


class _Budget:
    """The deadline and output budget of one document's render, shared by every hook of the sandbox."""

    def __init__(self) -> None:
        self.deadline = 0.0
        self.output = 0
        self.reset()

    def reset(self) -> None:
        """Start the clock and the output count (before each document)."""
        self.deadline = time.monotonic() + TEMPLATE_MAX_RENDER_SECONDS
        self.output = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Refused(f"rendering took longer than {TEMPLATE_MAX_RENDER_SECONDS:g} s (a runaway loop)")

    def emit(self, chunk: str) -> None:
        self.output += len(chunk)
        if self.output > TEMPLATE_MAX_OUTPUT_BYTES:
            raise _Refused(f"the rendered document is larger than {TEMPLATE_MAX_OUTPUT_BYTES:,} bytes")
        self.tick()


class _Refused(Exception):
    """A template went beyond a limit of quoter.limits (turned into a TemplateError naming the file)."""


def _int_digits(value: int) -> int:
    return max(1, (abs(value).bit_length() * 30103) // 100000 + 1)  # log10(2) ~ 0.30103


def _repeat_size(left: Any, right: Any) -> int:
    """The length of ``left * right`` when one side is a count and the other a string or list."""
    if isinstance(left, int) and not isinstance(right, int):
        left, right = right, left
    if isinstance(right, int) and not isinstance(left, int):
        return len(left) * max(right, 0)
    return 0


def _too_big_power(left: int, right: int) -> bool:
    return right > 0 and abs(left) > 1 and right * math.log10(abs(left)) > TEMPLATE_MAX_INT_DIGITS


def _check_int(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and _int_digits(value) > TEMPLATE_MAX_INT_DIGITS:
        raise _Refused(f"an integer of more than {TEMPLATE_MAX_INT_DIGITS} digits")
    if isinstance(value, str | bytes | list | tuple) and len(value) > TEMPLATE_MAX_OUTPUT_BYTES:
        raise _Refused(f"a value larger than {TEMPLATE_MAX_OUTPUT_BYTES:,} items")
    return value


def _environment() -> Any:
    """A sandboxed jinja2 environment with no loader (include/extends/import cannot read a file) whose
    arithmetic, calls, attribute reads, ``range`` and output are bounded by quoter.limits."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    budget = _Budget()

    class Bounded(SandboxedEnvironment):
        budget: _Budget
        intercepted_binops = frozenset({"**", "*", "+", "//", "%", "/", "-"})
        intercepted_unops = frozenset({"-", "+"})

        def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
            budget.tick()
            if op == "**" and isinstance(left, int) and isinstance(right, int) and _too_big_power(left, right):
                raise _Refused(f"{left} ** {right} has more than {TEMPLATE_MAX_INT_DIGITS} digits")
            if op == "*" and isinstance(left, int | str | list | tuple) and isinstance(right, int | str | list | tuple):
                if isinstance(left, int) and isinstance(right, int):
                    if _int_digits(left) + _int_digits(right) > TEMPLATE_MAX_INT_DIGITS + 1:
                        raise _Refused(f"a product of more than {TEMPLATE_MAX_INT_DIGITS} digits")
                elif _repeat_size(left, right) > TEMPLATE_MAX_OUTPUT_BYTES:
                    raise _Refused(f"a repeated value larger than {TEMPLATE_MAX_OUTPUT_BYTES:,} characters")
            return _check_int(super().call_binop(context, op, left, right))

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
            budget.tick()
            return _check_int(super().call(__context, __obj, *args, **kwargs))

        def getattr(self, obj: Any, attribute: str) -> Any:
            budget.tick()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            budget.tick()
            return super().getitem(obj, argument)

    env = Bounded(undefined=StrictUndefined, autoescape=True)
    env.globals["range"] = _bounded_range(budget)
    for name, fn in list(env.filters.items()):
        env.filters[name] = _bounded_filter(fn, budget)

    class BoundedTemplate(env.template_class):  # type: ignore[misc,name-defined]
        def render(self, *args: Any, **kwargs: Any) -> str:
            parts = []
            for chunk in self.generate(*args, **kwargs):
                budget.emit(chunk)
                parts.append(chunk)
            return "".join(parts)

    env.template_class = BoundedTemplate
    env.budget = budget
    return env


def _bounded_range(budget: _Budget) -> Any:
    """``range()`` for templates: at most TEMPLATE_MAX_RANGE items, the clock checked at every step."""

    def bounded_range(*args: int) -> Any:
        r = range(*args)
        if len(r) > TEMPLATE_MAX_RANGE:
            raise _Refused(f"range() of {len(r):,} items (at most {TEMPLATE_MAX_RANGE:,})")
        for i in r:
            budget.tick()
            yield i

    return bounded_range


def _bounded_filter(fn: Any, budget: _Budget) -> Any:
    import functools

    @functools.wraps(fn)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget.tick()
        for value in list(args[1:]) + list(kwargs.values()):  # center(10**9), indent(10**9), ...
            if isinstance(value, int) and not isinstance(value, bool) and value > TEMPLATE_MAX_OUTPUT_BYTES:
                raise _Refused(f"a filter argument of {value:,}")
        return _check_int(fn(*args, **kwargs))

    return bounded


def check_template_file(path: Path) -> None:
    """TemplateError unless ``path`` is a .docx of at most TEMPLATE_MAX_BYTES whose parts inflate to at most
    TEMPLATE_MAX_UNZIPPED_BYTES: the zip's declared sizes are checked, then every part is read with a cap
    (a zip may lie about its sizes)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read the template ({exc.strerror})") from None
    if not path.is_file():
        raise TemplateError(f"{path}: the template is not a regular file")
    if size > TEMPLATE_MAX_BYTES:
        raise TemplateError(f"{path}: the template is {size:,} bytes (at most {TEMPLATE_MAX_BYTES:,})")
    too_big = TemplateError(f"{path}: the template's parts inflate beyond {TEMPLATE_MAX_UNZIPPED_BYTES:,} bytes "
                            "(a zip bomb?)")  # fmt: skip
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > TEMPLATE_MAX_UNZIPPED_BYTES:
                raise too_big
            total = 0
            for info in infos:
                with zf.open(info) as fh:
                    while chunk := fh.read(1 << 20):
                        total += len(chunk)
                        if total > TEMPLATE_MAX_UNZIPPED_BYTES:
                            raise too_big
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
        raise TemplateError(f"{path}: not a readable .docx template ({exc})") from None


_REFUSED_TAGS = {"Include": "include", "Extends": "extends", "Import": "import", "FromImport": "from ... import"}


def _refuse_loading(ast: Any, path: Path) -> None:
    from jinja2 import nodes

    for node in ast.find_all((nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport)):
        raise TemplateError(f"{path}: {{% {_REFUSED_TAGS[type(node).__name__]} %}} is not allowed in a template "
                            f"(line {node.lineno}): templates cannot read other files")  # fmt: skip


def _prepare(path: Path, context: dict[str, Any], logo: Path | None) -> tuple[Any, dict[str, Any], Any, Path]:
    """Load a template and check it against the context; TemplateError lists every missing name."""
    import jinja2
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    check_template_file(path)
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # a corrupt or non-docx file
        raise TemplateError(f"{path}: not a readable .docx template ({exc})") from None
    ctx = dict(context)
    ctx["logo"] = InlineImage(tpl, str(logo), height=Mm(18)) if logo is not None else ""
    env = _environment()
    try:
        missing = sorted(tpl.get_undeclared_template_variables(jinja_env=env, context=ctx))
        xml = tpl.patch_xml(tpl.get_xml())
        ast = env.parse(xml)
        _refuse_loading(ast, path)
        for part_xml in _other_parts_xml(tpl):
            _refuse_loading(env.parse(part_xml), path)
        missing += [m for m in _missing_attributes(ast, ctx) if m.split(".")[0] not in missing]
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{path}: template syntax error (line {exc.lineno}): {exc.message}") from None
    except TemplateError:
        raise
    except Exception as exc:  # a template that trips the checker itself
        raise TemplateError(f"{path}: the template cannot be read ({type(exc).__name__}: {exc})") from None
    if missing:
        raise TemplateError(f"{path}: the template uses names the context does not have: {', '.join(missing)}")
    return tpl, ctx, env, path


def _other_parts_xml(tpl: Any) -> list[str]:
    """The XML of headers and footers (rendered too): checked for include/extends/import as well."""
    out = []
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            out.append(tpl.patch_xml(tpl.get_part_xml(part)))
    return out


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A backstop for loops the sandbox's hooks never see (``{% for a in s %}{% for b in s %}{% endfor %}``):
    SIGALRM after ``seconds`` in the main thread of a Unix process; elsewhere the hooks alone."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _fire(signum: int, frame: Any) -> None:
        raise _Refused(f"rendering took longer than {TEMPLATE_MAX_RENDER_SECONDS:g} s (a runaway loop)")

    previous = signal.signal(signal.SIGALRM, _fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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

    env.budget.reset()  # the deadline starts now
    try:
        with _alarm(TEMPLATE_MAX_RENDER_SECONDS + 1):
            tpl.render(ctx, jinja_env=env, autoescape=True)
    except _Refused as exc:
        raise TemplateError(f"{path}: refused: {exc}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from None
    except (MemoryError, RecursionError) as exc:
        raise TemplateError(f"{path}: refused: the template ran out of {type(exc).__name__}") from None
    except Exception as exc:  # {{ 1/0 }}, a filter given the wrong type, ...
        raise TemplateError(f"{path}: the template failed: {type(exc).__name__}: {exc}") from None
    if lang == "fa":
        _ensure_bidi(tpl.docx)
    props = tpl.docx.core_properties
    props.created = props.modified = created
    props.last_printed = created
    props.revision = 1
    company = (ctx.get("company") or {}).get("name", "")
    props.author = props.last_modified_by = company
    tpl.save(str(target))  # a staged path (quoter.outputs.Staging): moved into place with the others
    normalise_zip(target)


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


def _run_own_group(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in a process group of its own and end the whole group (soffice starts soffice.bin
    as a child) when the run times out or is interrupted."""
    import signal

    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as proc:  # fmt: skip
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


_PAGE_NUMBER_FORMAT = re.compile(rb'(<(?:style:page-layout-properties|text:page-number)\b[^>]*?style:num-format=")1"')
_PERSIAN_DIGITS_FORMAT = "\u06f1, \u06f2, \u06f3, ...".encode()
"""ODF's name for the Persian-digit numbering (LibreOffice's NUMBER_EAST_ARABIC_INDIC: ۱، ۲، ۳)."""


def _is_persian(docx: Path) -> bool:
    """A document whose (last) section is right-to-left, as the Persian templates' is."""
    with zipfile.ZipFile(docx) as zf:
        xml = zf.read("word/document.xml")
    return b"<w:bidi/>" in xml[xml.rfind(b"<w:sectPr") :]


def _with_persian_page_numbers(lo: list[str], docx_files: Sequence[Path], odt_dir: Path,
                               timeout: float) -> list[Path]:  # fmt: skip
    """The files to convert to PDF: Persian documents as ODF copies whose page numbers use Persian digits.

    A .docx cannot tell LibreOffice to number pages ۱، ۲، ۳ (it reads no such format from Word's page
    numbering; a PAGE field's digits stay Latin whatever their language), but ODF can: Persian documents
    are converted to .odt first (one run for all of them), their page styles and page-number fields given
    the Persian-digit format, and those copies converted to PDF with the others.
    """
    sources = [Path(p).resolve() for p in docx_files]
    persian = [p for p in sources if p.is_file() and _is_persian(p)]
    if not persian:
        return sources
    odt_dir.mkdir()
    _run_own_group([*lo, "--convert-to", "odt", "--outdir", str(odt_dir), *[str(p) for p in persian]], timeout)
    out = []
    for path in sources:
        odt = odt_dir / (path.stem + ".odt")
        if path in persian and odt.is_file():
            _persian_page_format(odt)
            out.append(odt)
        else:
            out.append(path)  # not Persian, or LibreOffice could not read it: the PDF run reports it
    return out


def _persian_page_format(odt: Path) -> None:
    """Rewrite an .odt so page numbers (page styles, page-number fields) use Persian digits."""
    tmp = odt.with_suffix(".tmp")
    with zipfile.ZipFile(odt) as src, zipfile.ZipFile(tmp, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in ("styles.xml", "content.xml"):
                data = _PAGE_NUMBER_FORMAT.sub(lambda m: m[1] + _PERSIAN_DIGITS_FORMAT + b'"', data)
            dst.writestr(info, data)  # same order and compression: mimetype stays first and stored
    os.replace(tmp, odt)


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
        lo = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck"]
        try:
            with progress.step("pdf", total=2) as advance:  # LibreOffice: seconds per run
                sources = _with_persian_page_numbers(lo, docx_files, staging / "odt", timeout)
                advance(1)
                cmd = [*lo, "--convert-to", "pdf", "--outdir", str(staging), *[str(p) for p in sources]]
                result = _run_own_group(cmd, timeout)
                advance(1)
        except subprocess.TimeoutExpired:
            shutil.rmtree(staging, ignore_errors=True)
            raise PdfError(f"LibreOffice did not finish converting within {timeout:.0f} s") from None
        except BaseException:  # Ctrl-C, SIGTERM: no half-written PDF, no staging folder, no LibreOffice left
            shutil.rmtree(staging, ignore_errors=True)
            raise
        pdfs, missing = [], []
        for docx in docx_files:
            produced = staging / (Path(docx).stem + ".pdf")
            if produced.is_file() and produced.stat().st_size > 0:
                normalise_pdf(produced, Path(docx))  # same .docx, same PDF bytes
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
