"""The negotiation workbook: the quote as an Excel file whose prices are live formulas.

Staffing cannot be an Excel formula, so the engine's usage (FTE, hours, seats, lines, contacts,
billed minutes, productive hours, predicted KPIs) is written for a grid of volume and handle-time
changes (sheet "Grid"); the cost lines, the cost total and the tariffs are formulas that look the
grid row up from the named inputs and mirror quoter/costing.py and quoter/tariffs/ with the price
book's rounding, so a recalculated workbook shows exactly the engine's numbers. See docs/workbook.md.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.pricing.tariffs.base import vat_exprs
from quoter.render import text, wording
from quoter.render.reproducible import normalise_zip

VOLUME_STEPS = tuple(Decimal(v) / 100 for v in range(-40, 41, 5))
AHT_STEPS = (Decimal("-0.10"), Decimal("-0.05"), Decimal(0), Decimal("0.05"), Decimal("0.10"))
PERSIAN_FONT = "Noto Naskh Arabic"


def grid_rows(quote: Any) -> list[dict[str, Any]]:
    """The engine's usage leaves (the quantities the cost lines and tariffs read) at every grid point
    (volume change x handle-time change): the cost and every registered tariff priced there, leaves collected."""
    from quoter.pricing import tariffs
    from quoter.pricing.cost import build_cost
    from quoter.pricing.expr import collect_leaves
    from quoter.pricing.tariffs.base import Basis
    from quoter.quote.pipeline import predicted_kpis
    from quoter.shifts.for_quote import scale_shifts
    from quoter.staffing.planner import plan_staffing

    req, book = quote.requirements, quote.book
    shifts = quote.shift_use if quote.shift_use.used else None
    rows = []
    for a in AHT_STEPS:
        for v in VOLUME_STEPS:
            if v == 0 and a == 0:
                cost, priced = quote.cost, quote.tariffs
            else:
                scaled = req.scaled(volume=float(1 + v), aht=float(1 + a))
                plan = plan_staffing(scaled, compare_pools=False)
                cost = build_cost(scaled, book, plan, scale_shifts(shifts, quote.plan, plan))
                total = cost.exprs["monthly_total"]
                basis = Basis(cost.monthly_total, cost.usage, book, req, predicted_kpis(plan), total)
                priced = tariffs.price_all(basis)
            exprs = [e for ln in cost.all_lines if ln.exprs for e in ln.exprs]
            exprs += [e for t in priced.values() for e in t.exprs.values()]
            rows.append({"key": f"{v:.2f}|{a:.2f}", "leaves": collect_leaves(exprs)})
    return rows


def write_workbook(quote: Any, path: str | Path, lang: str = "en") -> Path:
    """Write the negotiation workbook of ``quote`` (a :class:`quoter.quote.Quote`) to ``path``."""
    if lang not in wording.LANGS:
        raise InputError(f"--lang: '{lang}' is not one of fa, en")
    rows = grid_rows(quote)
    return write_workbook_from_grid(quote, rows, path, lang)


def write_workbook_from_grid(quote: Any, rows: list[dict[str, Any]], path: str | Path, lang: str) -> Path:
    """Write the workbook from a precomputed grid (the write alone, for the benchmark)."""
    ctx = _new_context(quote, rows, lang)
    _inputs_sheet(ctx, quote)
    _grid_sheet(ctx, rows)
    _cost_sheet(ctx, quote)
    tariff_rows = _tariffs_sheet(ctx, quote)
    _scenarios_sheet(ctx, quote)
    _summary_sheet(ctx, quote, tariff_rows)
    _staffing_sheet(ctx, quote)
    _assumptions_sheet(ctx, quote)
    _page_setup(ctx)
    return _save(ctx.wb, Path(path), f"{quote.date.isoformat()}T00:00:00Z")


@dataclass
class _Context:
    """What every sheet writer shares: the workbook, its sheets by key, the wording, the money format and
    where things are (defined names and the cells laid out so far)."""

    wb: Any  # openpyxl Workbook
    sheets: dict[str, Any]  # sheet key -> worksheet
    t: dict[str, str]  # the workbook's wording in the chosen language
    lang: str
    money_fmt: str
    refs: _SheetRefs

    def name(self, n: str, ws: Any, ref: str) -> None:
        """Define the workbook name ``n`` for the cell ``ref`` of ``ws``."""
        from openpyxl.workbook.defined_name import DefinedName

        self.wb.defined_names[n] = DefinedName(n, attr_text=f"'{ws.title}'!{ref}")


def _new_context(quote: Any, rows: list[dict[str, Any]], lang: str) -> _Context:
    """The workbook with its sheets (dated by the quote) and where the grid's usage leaves live."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    t = wording.labels("workbook.", lang)
    book = quote.book
    money_fmt = "[$-2000429]#,##0" if lang == "fa" else "#,##0"
    if book.currency != "IRR":
        money_fmt = "[$-2000429]#,##0.00" if lang == "fa" else "#,##0.00"

    wb = Workbook()
    wb.properties.creator = "quoter"
    fixed_time = dt.datetime.combine(quote.date, dt.time(0, 0))
    wb.properties.created = fixed_time
    wb.properties.modified = fixed_time
    sheets = {}
    for i, key in enumerate(("summary", "inputs", "cost", "tariffs", "scenarios", "staffing", "grid", "assumptions")):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = t[key][:31]
        ws.sheet_view.rightToLeft = lang == "fa"
        sheets[key] = ws
    leaf_keys = sorted({k for grid_row in rows for k in grid_row["leaves"]})
    columns = {k: get_column_letter(j) for j, k in enumerate(leaf_keys, start=2)}
    refs = _SheetRefs(sheets["grid"].title, columns, len(rows) + 1)
    return _Context(wb, sheets, t, lang, money_fmt, refs)


def _inputs_sheet(ctx: _Context, quote: Any) -> None:
    """The named, unlocked inputs (yellow) with their validations."""
    from openpyxl.styles import PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    t, book = ctx.t, quote.book
    yellow = PatternFill("solid", fgColor="FFF2CC")
    wi = ctx.sheets["inputs"]
    _text(wi, 1, 1, t["note_inputs"])
    inputs = [
        ("margin", t["margin"], book.target_margin, "0.00%"),
        ("term_discount", t["term_discount"], quote.cost.term_discount, "0.00%"),
        ("volume_change", t["volume_change"], Decimal(0), "0%"),
        ("aht_change", t["aht_change"], Decimal(0), "0%"),
        ("vat_rate", t["vat_rate"], quote.book.vat_rate, "0.00%"),
        ("wage_change", t["wage_change"], Decimal(0), "0.0%"),
        ("show_toman", t["toman"], 1 if (book.currency == "IRR" and book.toman) else 0, "0"),
        ("financing", t["financing"], quote.cost.financing, "0.00%"),  # the cost line overhead.financing
    ]
    for i, (key, label, value, fmt) in enumerate(inputs, start=3):
        _text(wi, i, 1, label)
        c = wi.cell(i, 2, float(value) if isinstance(value, Decimal) else value)
        c.number_format = fmt
        c.fill = yellow
        c.protection = Protection(locked=False)
        ctx.name(key, wi, f"$B${i}")
    dv_margin = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.95", allow_blank=False)
    dv_margin.add("B3")
    dv_disc = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.5")
    dv_disc.add("B4")
    vols = ",".join(format(v, "f") for v in VOLUME_STEPS)
    ahts = ",".join(format(a, "f") for a in AHT_STEPS)
    dv_vol = DataValidation(type="list", formula1=f'"{vols}"')
    dv_vol.add("B5")
    dv_aht = DataValidation(type="list", formula1=f'"{ahts}"')
    dv_aht.add("B6")
    dv_vat = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.5")
    dv_vat.add("B7")
    dv_wage = DataValidation(type="decimal", operator="between", formula1="-0.5", formula2="2")
    dv_wage.add("B8")
    dv_toman = DataValidation(type="list", formula1='"0,1"')
    dv_toman.add("B9")
    dv_financing = DataValidation(type="decimal", operator="between", formula1="0", formula2="0.5")
    dv_financing.add("B10")
    for dv in (dv_margin, dv_disc, dv_vol, dv_aht, dv_vat, dv_wage, dv_toman, dv_financing):
        wi.add_data_validation(dv)
    wi.column_dimensions["A"].width = 42
    wi.column_dimensions["B"].width = 16


def _grid_sheet(ctx: _Context, rows: list[dict[str, Any]]) -> None:
    """The engine's usage leaves at every grid point (values, not live): one row per point, one column per leaf."""
    wg = ctx.sheets["grid"]
    leaf_keys = list(ctx.refs.columns)
    _text(wg, 1, 1, "key")
    for j, k in enumerate(leaf_keys, start=2):
        _text(wg, 1, j, k)
    for i, grid_row in enumerate(rows, start=2):
        _text(wg, i, 1, grid_row["key"])
        for j, k in enumerate(leaf_keys, start=2):
            wg.cell(i, j, float(grid_row["leaves"].get(k, Decimal(0))))


def _cost_sheet(ctx: _Context, quote: Any) -> None:
    """The grid row of the chosen inputs, then each cost line's expressions laid out, provider cost and total."""
    from openpyxl.styles import Font

    t, refs = ctx.t, ctx.refs
    bold = Font(bold=True)
    wc = ctx.sheets["cost"]
    _text(wc, 1, 1, "grid row")
    wc["B1"] = f'=MATCH(TEXT(volume_change,"0.00")&"|"&TEXT(aht_change,"0.00"),\'{refs.grid}\'!$A$2:$A${refs.last},0)'
    ctx.name("grid_row", wc, "$B$1")
    refs.sheet = wc.title
    wc.append([])
    _append(wc, [t["line"], t["qty"], t["rate"], t["amount"]])
    for c in wc[3]:
        c.font = bold
    i = 4
    overhead = [ln.key for ln in quote.cost.all_lines if ln.group == "overhead"]
    for ln in quote.cost.all_lines:
        assert ln.exprs is not None
        qty, rate_, amount = ln.exprs
        _text(wc, i, 1, text.line_label(ln.to_dict(), ctx.lang))
        wc.cell(i, 2, "=" + qty.excel(refs))
        refs.put(f"qty.{ln.key}", f"B{i}")
        wc.cell(i, 3, "=" + rate_.excel(refs))
        refs.put(f"rate.{ln.key}", f"C{i}")
        wc.cell(i, 4, "=" + amount.inner().excel(refs))
        refs.put(f"amount.{ln.key}", f"D{i}")
        i += 1
        if overhead and ln.key == overhead[-1]:  # G&A, risk and the cost of being paid, then the provider cost
            _text(wc, i, 1, t["provider"])
            wc.cell(i, 4, "=" + quote.cost.exprs["provider_cost"].inner().excel(refs))
            refs.put("provider_cost", f"D{i}")
            ctx.name("provider_cost", wc, f"$D${i}")
            i += 1
    _text(wc, i, 1, t["total"]).font = bold
    wc.cell(i, 4, "=" + quote.cost.exprs["monthly_total"].inner().excel(refs)).font = bold
    refs.put("monthly_total", f"D{i}")
    ctx.name("monthly_total", wc, f"$D${i}")
    for row in wc.iter_rows(min_row=4, min_col=2, max_col=4):
        row[0].number_format = "#,##0.00"
        row[1].number_format = "0.######"
        row[2].number_format = ctx.money_fmt
    wc.column_dimensions["A"].width = 55
    for col in "BCD":
        wc.column_dimensions[col].width = 20


def _tariffs_sheet(ctx: _Context, quote: Any) -> dict[str, int]:
    """Every registered model's expressions; returns the row of each model (for the summary)."""
    from openpyxl.styles import Font

    t, refs, book = ctx.t, ctx.refs, quote.book
    wt = ctx.sheets["tariffs"]
    _append(wt, [t["model"], t["price"], t["monthly"], t["vat"], t["with_vat"], t["premium"]])
    for c in wt[1]:
        c.font = Font(bold=True)
    rows_t: dict[str, int] = {}
    refs.sheet = wt.title
    for key, tariff in quote.tariffs.items():
        j = wt.max_row + 1
        _text(wt, j, 1, text.model_name(key, ctx.lang))
        wt.cell(j, 2, "=" + tariff.exprs["price"].excel(refs))
        wt.cell(j, 3, "=" + tariff.exprs["monthly"].excel(refs))
        refs.put(f"tariff.{key}", f"C{j}")
        vat, with_vat = vat_exprs(tariff, book)
        wt.cell(j, 4, "=" + vat.inner().excel(refs))
        refs.put(f"vat.{key}", f"D{j}")
        wt.cell(j, 5, "=" + with_vat.excel(refs))
        wt.cell(j, 6, float(tariff.risk_premium))
        for c in range(2, 6):
            wt.cell(j, c).number_format = ctx.money_fmt
        wt.cell(j, 6).number_format = "0.0%"
        rows_t[key] = j
        ctx.name(f"tariff_{key}", wt, f"$C${j}")
        ctx.name(f"price_{key}", wt, f"$B${j}")
    wt.column_dimensions["A"].width = 40
    for col in "BCDE":
        wt.column_dimensions[col].width = 22
    return rows_t


def _scenarios_sheet(ctx: _Context, quote: Any) -> None:
    """The engine's scenario bills and margins under each tariff (values, not live)."""
    t, lang = ctx.t, ctx.lang
    wsc = ctx.sheets["scenarios"]
    _text(wsc, 1, 1, t["engine_note"])
    names = {k: text.model_name(k, lang) for k in quote.tariffs}
    header = [t["scenario"]]
    for key in quote.tariffs:
        header += [f"{names[key]}: {t['client_cost']}", f"{names[key]}: {t['margin_of']}"]
    _append(wsc, header)
    for sc in quote.scenarios:
        cells: list[Any] = [text.scenario_label(sc.key, lang)]
        for key in quote.tariffs:
            bill = sc.bills[key]
            cells += [float(bill), float((bill - sc.provider_cost) / bill) if bill else 0.0]
        _append(wsc, cells)
        for j in range(2, len(cells) + 1):
            wsc.cell(wsc.max_row, j).number_format = ctx.money_fmt if j % 2 == 0 else "0.0%"
    wsc.column_dimensions["A"].width = 28


def _summary_sheet(ctx: _Context, quote: Any, tariff_rows: dict[str, int]) -> None:
    """The quote's head and each model's monthly price, referring to the tariffs sheet (Rial or Toman)."""
    from openpyxl.styles import Font

    t, lang, book = ctx.t, ctx.lang, quote.book
    bold = Font(bold=True)
    ws, wt = ctx.sheets["summary"], ctx.sheets["tariffs"]
    client = quote.requirements.client
    client_name = (client.name_fa or client.name) if lang == "fa" else client.name
    head = [
        (t["client"], client_name),
        (t["quote"], quote.number),
        (t["date"], _date_text(quote.date, lang)),
        (t["valid"], _date_text(quote.valid_until, lang)),
        (t["book"], f"{book.name} ({book.as_of.isoformat()}, {book.currency})"),
    ]
    for i, (k, v) in enumerate(head, start=1):
        _text(ws, i, 1, k).font = bold
        _text(ws, i, 2, v)  # a client name like "=HYPERLINK(...)" stays text
    ws.append([])
    _append(ws, [t["model"], t["monthly"], t["with_vat"], t["display"]])
    for c in ws[ws.max_row]:
        c.font = bold
    for key in quote.tariffs:
        j = ws.max_row + 1
        tr = tariff_rows[key]
        ws.cell(j, 1, f"='{wt.title}'!A{tr}")
        ws.cell(j, 2, f"='{wt.title}'!C{tr}/IF(show_toman=1,10,1)").number_format = ctx.money_fmt
        ws.cell(j, 3, f"='{wt.title}'!E{tr}/IF(show_toman=1,10,1)").number_format = ctx.money_fmt
        ws.cell(j, 4, '=IF(show_toman=1,"' + ("تومان" if lang == "fa" else "Toman") + '","' + book.currency + '")')
    ws.column_dimensions["A"].width = 40
    for col in "BCD":
        ws.column_dimensions[col].width = 24


def _staffing_sheet(ctx: _Context, quote: Any) -> None:
    """Calls and agents per interval and queue, with a native line chart."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.utils import get_column_letter

    t = ctx.t
    wst = ctx.sheets["staffing"]
    queues = quote.plan.queues
    _append(wst, [t["day"], t["start"], t["calls"]] + [f"{q.channel} {q.language}" for q in queues])
    n = len(queues[0].intervals) if queues else 0
    for i in range(n):
        iv = queues[0].intervals[i]
        _append(wst, [iv.day, iv.start, round(sum(q.intervals[i].calls for q in queues), 2)]
                   + [q.intervals[i].agents for q in queues])  # fmt: skip
    if n:
        chart = LineChart()
        chart.title = f"{t['calls']} / {t['agents']}"
        chart.height, chart.width = 9, 28
        data = Reference(wst, min_col=3, min_row=1, max_col=3 + len(queues), max_row=n + 1)
        chart.add_data(data, titles_from_data=True)
        for s in chart.series:
            s.smooth = False
        wst.add_chart(chart, f"{get_column_letter(5 + len(queues))}2")


def _assumptions_sheet(ctx: _Context, quote: Any) -> None:
    """The price book, the grid's extent, the shift plan and the staffing notes."""
    book = quote.book
    wa = ctx.sheets["assumptions"]
    _append(wa, [ctx.t["book"], f"{book.name}: {book.title} (as of {book.as_of.isoformat()})"])
    data = quote.to_dict()
    _append(wa, [ctx.t["grid"], wording.text("workbook.grid_extent", ctx.lang)])
    for line in text.assumptions(data, ctx.lang) + text.quote_staffing_notes(data, ctx.lang):
        _append(wa, [ctx.t["assumptions"], line])
    wa.column_dimensions["A"].width = 22
    wa.column_dimensions["B"].width = 110


def _page_setup(ctx: _Context) -> None:
    """Landscape, one page wide; a Persian font in fa; every sheet protected."""
    from openpyxl.styles import Font

    for sheet in ctx.sheets.values():
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if ctx.lang == "fa":  # a font that shapes Persian in Excel (Tahoma) with a free fallback in LibreOffice
            for row in sheet.iter_rows():
                for cell in row:
                    cell.font = Font(name=PERSIAN_FONT, bold=cell.font.bold)
        sheet.protection.sheet = True


class _SheetRefs:
    """Where the workbook keeps things: inputs are defined names, usage leaves are the grid's columns at
    the chosen row, and results laid out so far are cells of the current sheet (or of another, quoted)."""

    def __init__(self, grid: str, columns: dict[str, str], last: int) -> None:
        self.grid, self.columns, self.last = grid, columns, last
        self.cells: dict[str, tuple[str, str]] = {}  # key -> (sheet, cell)
        self.sheet = ""  # the sheet being written

    def put(self, key: str, cell: str) -> None:
        self.cells[key] = (self.sheet, cell)

    def input(self, name: str) -> str:
        return name

    def leaf(self, key: str) -> str:
        col = self.columns[key]
        return f"INDEX('{self.grid}'!${col}$2:${col}${self.last},grid_row)"

    def ref(self, key: str) -> str | None:
        if key not in self.cells:
            return None
        sheet, cell = self.cells[key]
        return cell if sheet == self.sheet else f"'{sheet}'!{cell}"


def _text(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a value that is data, never a formula: text is stored as a string even when it starts with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (a price-book name ``=HYPERLINK(...)`` stays text).
    Every cell the workbook writes goes through here except the formulas it builds itself."""
    cell = ws.cell(row, col, value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _append(ws: Any, values: list[Any]) -> None:
    """``ws.append(values)`` with every text value stored as text (see :func:`_text`)."""
    if all(v is None for v in values):
        ws.append([])
        return
    row = ws._current_row + 1  # where ws.append would write
    for col, value in enumerate(values, start=1):
        if value is not None:
            _text(ws, row, col, value)


def _date_text(d: dt.date, lang: str) -> str:
    from quoter.render.localize import jalali_date

    return jalali_date(d, "fa") if lang == "fa" else d.isoformat()


def _save(wb: Any, target: Path, modified: str) -> Path:
    """Save atomically with fixed zip times (same input, same bytes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".quoter-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        normalise_zip(Path(tmp), modified)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
