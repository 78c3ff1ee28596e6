"""Build the .docx templates in this folder from the wording in ``wording_fa.py`` and ``wording_en.py``.

    python templates/build_templates.py            # writes templates/{fa,en}/{proposal,sla,nda,contract}.docx

The committed .docx files are the product: users open and restyle them in Word or LibreOffice. This
script only makes them reproducible (same bytes on every run). A document is a list of blocks (see the
helpers below); text may hold docxtpl/jinja tags (``{{ }}``, ``{%p %}``, ``{%tr %}``) and ``**bold**``.

Persian documents carry the right-to-left markup Word and LibreOffice need: ``w:bidi`` on paragraphs and
the section, ``w:rtl`` on Persian runs, complex-script bold and size (``w:bCs``, ``w:szCs``), the
complex-script font (``w:rFonts w:cs``), ``w:lang w:bidi="fa-IR"`` and ``w:bidiVisual`` tables. Latin
words and values (quote number, e-mail) get runs of their own without ``w:rtl``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from quoter.render.reproducible import normalise_zip

HERE = Path(__file__).resolve().parent
LATIN_FONT = "Calibri"
PERSIAN_FONT = "Vazirmatn"  # LibreOffice without Vazirmatn: quoter maps it to Noto Sans Arabic for PDFs
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
LTR_VALUES = {"quote.number", "company.email", "client.email"}
"""Template values that are always Latin: they get a left-to-right run of their own in Persian documents."""

_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\*\*)")
_LATIN = re.compile(r"([A-Za-z][A-Za-z0-9@._/&+\-]*(?:[ ]+[A-Za-z0-9@._/&+\-]+)*)")


# --- blocks ---------------------------------------------------------------------------------------------


@dataclass
class Block:
    kind: str
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header: list[str] | None = None
    widths: list[float] | None = None
    loop: str | None = None
    bold_first: bool = False


def title(text: str) -> Block:
    return Block("title", text)


def h1(text: str) -> Block:
    return Block("h1", text)


def h2(text: str) -> Block:
    return Block("h2", text)


def p(text: str) -> Block:
    return Block("p", text)


def center(text: str) -> Block:
    return Block("center", text)


def formula(text: str) -> Block:
    """A centred left-to-right line (a formula in Latin letters), also in a Persian document."""
    return Block("formula", text)


def bullet(text: str) -> Block:
    return Block("bullet", text)


def tag(text: str) -> Block:
    """A paragraph holding only a ``{%p ... %}`` tag (docxtpl removes the paragraph)."""
    return Block("tag", text)


def table(header: list[str] | None, rows: list[list[str]], widths: list[float] | None = None,
          loop: str | None = None) -> Block:  # fmt: skip
    """A table. With ``loop`` (``"q in staffing.queues"``) the single row repeats per item.

    A row of one string starting with ``{%tr`` is a control row (``{%tr if x %}``, ``{%tr endif %}``).
    """
    return Block("table", rows=rows, header=header, widths=widths, loop=loop)


def pairs(rows: list[list[str]], widths: list[float] | None = None) -> Block:
    """A two-column label/value table without header; labels bold."""
    return Block("table", rows=rows, widths=widths or [5.5, 11.5], bold_first=True)


def logo() -> list[Block]:
    return [tag("{%p if company.logo %}"), center("{{ logo }}"), tag("{%p endif %}")]


def page_break() -> Block:
    return Block("break")


# --- writing ---------------------------------------------------------------------------------------------


def _el(tag_name: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag_name)
    for k, v in attrs.items():
        el.set(qn(k), v)
    return el


_PPR_AFTER_BIDI = ["w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange"]  # fmt: skip


def _set_bidi(ppr, on: bool = True) -> None:
    for old in ppr.findall(qn("w:bidi")):
        ppr.remove(old)
    bidi = _el("w:bidi") if on else _el("w:bidi", **{"w:val": "0"})
    ppr.insert_element_before(bidi, *_PPR_AFTER_BIDI)


def _run_props(run, *, rtl: bool, bold: bool, size: float | None = None, color: RGBColor | None = None) -> None:
    """rPr children in schema order: rFonts, b, bCs, color, sz, szCs, rtl, lang."""
    rpr = run._r.get_or_add_rPr()
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(_el("w:rFonts", **{"w:ascii": LATIN_FONT, "w:hAnsi": LATIN_FONT, "w:cs": PERSIAN_FONT,
                                  "w:eastAsia": LATIN_FONT}))  # fmt: skip
    if bold:
        rpr.append(_el("w:b"))
        rpr.append(_el("w:bCs"))
    if color is not None:
        rpr.append(_el("w:color", **{"w:val": str(color)}))
    if size is not None:
        half_points = str(int(size * 2))
        rpr.append(_el("w:sz", **{"w:val": half_points}))
        rpr.append(_el("w:szCs", **{"w:val": half_points}))
    if rtl:
        rpr.append(_el("w:rtl"))
    rpr.append(_el("w:lang", **{"w:val": "en-US", "w:bidi": "fa-IR"}))


def _segments(text: str, lang: str) -> list[tuple[str, bool, bool]]:
    """Split text into (piece, bold, rtl) runs: tags alone, ``**`` toggles bold, Latin apart in Persian."""
    out: list[tuple[str, bool, bool]] = []
    bold = False
    for piece in _TAG.split(text):
        if not piece:
            continue
        if piece == "**":
            bold = not bold
        elif piece.startswith(("{{", "{%")):
            name = piece.strip("{}% ").split("|")[0].strip()
            out.append((piece, bold, lang == "fa" and name not in LTR_VALUES))
        elif lang == "fa":
            for i, part in enumerate(_LATIN.split(piece)):
                if part:
                    out.append((part, bold, i % 2 == 0))
        else:
            out.append((piece, bold, False))
    return out


def _fill(paragraph, text: str, lang: str, *, bold: bool = False, size: float | None = None,
          color: RGBColor | None = None, ltr: bool = False) -> None:  # fmt: skip
    """Fill a paragraph; ``ltr``: a left-to-right paragraph of Latin runs, also in a Persian document."""
    _set_bidi(paragraph._p.get_or_add_pPr(), lang == "fa" and not ltr)
    for piece, piece_bold, rtl in _segments(text, "en" if ltr else lang):
        run = paragraph.add_run(piece)
        _run_props(run, rtl=rtl, bold=bold or piece_bold, size=size, color=color)


def _style_fonts(style, *, size: float, bold: bool = False, color: RGBColor | None = None) -> None:
    """Explicit Latin and complex-script fonts and sizes on a style (no theme fonts)."""
    style.font.size = Pt(size)
    style.font.bold = bold
    if color is not None:
        style.font.color.rgb = color
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for k, v in {"w:ascii": LATIN_FONT, "w:hAnsi": LATIN_FONT, "w:cs": PERSIAN_FONT, "w:eastAsia": LATIN_FONT}.items():
        fonts.set(qn(k), v)
    for name in ("w:szCs", "w:bCs"):
        for old in rpr.findall(qn(name)):
            rpr.remove(old)
    sz = rpr.find(qn("w:sz"))
    sz.addnext(_el("w:szCs", **{"w:val": str(int(size * 2))}))
    if bold:
        rpr.find(qn("w:b")).addnext(_el("w:bCs"))


def _setup(doc, lang: str, doc_title: str) -> None:
    styles = doc.styles
    _style_fonts(styles["Normal"], size=11)
    normal = styles["Normal"].paragraph_format
    normal.space_after = Pt(4)
    normal.line_spacing = 1.0 if lang == "fa" else 1.1  # Persian fonts have tall line metrics
    for name, size in (("Title", 18), ("Heading 1", 13), ("Heading 2", 11.5)):
        _style_fonts(styles[name], size=size, bold=True, color=ACCENT)
        fmt = styles[name].paragraph_format
        fmt.space_before = Pt(12 if name != "Heading 2" else 8)
        fmt.space_after = Pt(4)
        fmt.keep_with_next = True
    for name in ("Title",):
        ppr = styles[name].element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    if lang == "fa":
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid"):
            style = styles[name]
            if name != "Table Grid":
                _set_bidi(style.element.get_or_add_pPr())
            rpr = style.element.get_or_add_rPr()
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            rpr.append(_el("w:lang", **{"w:val": "en-US", "w:bidi": "fa-IR"}))

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    if lang == "fa":
        section._sectPr.insert_element_before(_el("w:bidi"), "w:rtlGutter", "w:docGrid", "w:printerSettings",
                                              "w:sectPrChange")  # fmt: skip
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_word = "صفحه " if lang == "fa" else "Page "
    _fill(footer, "{{ company.name }} · {{ quote.number }}{{ quote.stamp }} · " + page_word, lang, size=8.5)
    _page_field(footer, lang, size=8.5)

    props = doc.core_properties
    props.title = doc_title
    props.author = props.last_modified_by = "quoter"
    props.created = props.modified = props.last_printed = datetime(2020, 1, 1)
    props.revision = 1
    props.language = "fa-IR" if lang == "fa" else "en-US"


def _page_field(paragraph, lang: str, *, size: float) -> None:
    """A PAGE field whose result run is formatted like the footer text around it (font, size, and in
    Persian right-to-left with the fa-IR complex-script language). LibreOffice cannot read a Persian
    digit format from a .docx: quoter's PDF conversion gives Persian documents' pages Persian digits."""
    fld = _el("w:fldSimple", **{"w:instr": "PAGE"})
    paragraph._p.append(fld)
    run = paragraph.add_run("1")
    _run_props(run, rtl=lang == "fa", bold=False, size=size)
    fld.append(run._r)  # moved from the paragraph into the field


def _hanging(paragraph, lang: str) -> None:
    """Indent a bullet paragraph on its starting side (right in Persian), with a hanging bullet."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert_element_before(_el("w:tabs"), *(["w:suppressAutoHyphens", "w:kinsoku", "w:bidi"] + _PPR_AFTER_BIDI))
    ppr.find(qn("w:tabs")).append(_el("w:tab", **{"w:val": "start", "w:pos": "567"}))
    ppr.insert_element_before(_el("w:ind", **{"w:start": "567", "w:hanging": "283"}), *_PPR_AFTER_BIDI[4:])
    paragraph.paragraph_format.space_after = Pt(2)


def _cell_text(cell, text: str, lang: str, *, bold: bool = False, shade: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    _fill(paragraph, text, lang, bold=bold, size=10)
    paragraph.paragraph_format.space_after = Pt(1)
    if shade:
        tcpr = cell._tc.get_or_add_tcPr()
        tcpr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": shade}))


def _table(doc, block: Block, lang: str) -> None:
    rows: list[list[str]] = []
    if block.loop:
        rows.append([f"{{%tr for {block.loop} %}}"])
        rows.extend(block.rows)
        rows.append(["{%tr endfor %}"])
    else:
        rows = block.rows
    ncols = max(len(r) for r in ([block.header] if block.header else []) + [r for r in rows if len(r) > 1])
    t = doc.add_table(rows=0, cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    if lang == "fa":
        t.table_direction = WD_TABLE_DIRECTION.RTL
    widths = block.widths or [17.0 / ncols] * ncols
    if block.header:
        cells = t.add_row().cells
        for cell, text in zip(cells, block.header, strict=True):
            _cell_text(cell, text, lang, bold=True, shade="DCE6F0")
        trpr = t.rows[0]._tr.get_or_add_trPr()
        trpr.append(_el("w:tblHeader"))
    for row in rows:
        cells = t.add_row().cells
        if len(row) == 1 and row[0].startswith("{%tr"):
            merged = cells[0].merge(cells[-1]) if ncols > 1 else cells[0]
            _cell_text(merged, row[0], lang)
            continue
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _cell_text(cell, text, lang, bold=block.bold_first and i == 0,
                       shade="F2F2F2" if block.bold_first and i == 0 else None)  # fmt: skip
    t.autofit = False
    for column, width in zip(t.columns, widths, strict=False):
        column.width = Cm(width)  # w:gridCol, which LibreOffice follows
    for row in t.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Cm(width)  # w:tcW, which Word follows
    _keep_rows_together(t)
    spacer = doc.add_paragraph()  # Word needs a paragraph after a table; keep it small
    _set_bidi(spacer._p.get_or_add_pPr(), lang == "fa")
    spacer.paragraph_format.space_after = Pt(0)
    spacer.paragraph_format.line_spacing = Pt(8)


def _keep_rows_together(t) -> None:
    """No row breaks across pages, and every row but the last keeps with the next one, so a table (a
    signature block above all) moves to the next page whole rather than leave a lone row behind."""
    rows = list(t.rows)
    for i, row in enumerate(rows):
        row._tr.get_or_add_trPr().append(_el("w:cantSplit"))
        if i < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def build(blocks: list[Block | list[Block]], lang: str, doc_title: str) -> Document:
    doc = Document()
    _setup(doc, lang, doc_title)
    flat: list[Block] = []
    for b in blocks:
        flat.extend(b if isinstance(b, list) else [b])
    last = max((i for i, b in enumerate(flat) if b.kind != "tag"), default=-1)
    text_para = None  # the last paragraph docxtpl keeps (tag paragraphs are removed)
    for i, block in enumerate(flat):
        if block.kind == "table":
            if i == last and text_para is not None:  # the signature block: signed under the last words
                text_para.paragraph_format.keep_with_next = True
            _table(doc, block, lang)
            continue
        if block.kind == "break":
            para = doc.add_paragraph()
            _set_bidi(para._p.get_or_add_pPr(), lang == "fa")
            para.add_run().add_break(WD_BREAK.PAGE)
            continue
        style = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2"}.get(block.kind, "Normal")
        para = doc.add_paragraph(style=doc.styles[style])
        text = "•\t" + block.text if block.kind == "bullet" else block.text
        _fill(para, text, lang, ltr=block.kind == "formula")
        text_para = para if block.kind != "tag" else text_para
        if block.kind == "bullet":
            _hanging(para, lang)
        if block.kind in ("title", "center", "formula"):
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "p":
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY  # w:jc both; with w:bidi, justified right to left
    return doc


def _save(doc, path: Path) -> None:
    """Save with fixed zip member times so a rebuild gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    normalise_zip(path)


def main(out_dir: Path = HERE) -> list[Path]:
    sys.path.insert(0, str(HERE))
    import wording_en
    import wording_fa

    written = []
    for lang, wording in (("fa", wording_fa), ("en", wording_en)):
        for doc_name, (doc_title, blocks) in wording.DOCUMENTS.items():
            path = out_dir / lang / f"{doc_name}.docx"
            _save(build(blocks, lang, doc_title), path)
            written.append(path)
    return written


if __name__ == "__main__":
    for written_path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written_path)
