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
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.pricing.expr import Expr, Round
from quoter.pricing.tariffs.base import vat_exprs
from quoter.render import text, wording
from quoter.render.reproducible import normalise_zip

VOLUME_STEPS = tuple(Decimal(v) / 100 for v in range(-40, 41, 5))
AHT_STEPS = (Decimal("-0.10"), Decimal("-0.05"), Decimal(0), Decimal("0.05"), Decimal("0.10"))
PERSIAN_FONT = "Tahoma"  # on every Windows, with the Persian forms of ۴ ۵ ۶ (docs/workbook.md)
RLM = "\u200f"
DIGIT_START = frozenset("0123456789۰۱۲۳۴۵۶۷۸۹")
FA_DIGITS = "[$-2000429]"  # number-format prefix: Persian digits in LibreOffice and Excel
_FA_TERMS = {"IRR": "ریال", "USD": "دلار آمریکا", "EUR": "یورو"}
"""Latin left in shared Persian wording (line and assumption texts), replaced in the Persian workbook only."""


def held_figures(quote: Any) -> dict[str, Any]:
    """What the workbook holds at the quote's figures while its inputs move (the engine would compute them again
    at new inputs): the cost of being paid, the risk premiums and the hybrid's marginal cost per contact, as
    ``build_quote`` keywords (``build_quote(..., **held_figures(quote))`` prices as the workbook does)."""
    hybrid = quote.tariffs.get("hybrid")
    return {
        "financing": quote.cost.financing,
        "premiums": {k: t.risk_premium for k, t in quote.tariffs.items()},
        "marginal": hybrid.detail.get("marginal_cost") if hybrid is not None else None,
    }


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
    held = held_figures(quote)
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
                basis = Basis(cost.monthly_total, cost.usage, book, req, predicted_kpis(plan), total,
                              premiums=held["premiums"], marginal_cost=held["marginal"])  # fmt: skip
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
    _term_sheet(ctx, quote, term_parts(quote))
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
    keys = ("summary", "inputs", "cost", "tariffs", "term", "scenarios", "staffing", "grid", "assumptions")
    for i, key in enumerate(keys):
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
    t, book = ctx.t, quote.book
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
        _input_cell(ctx, wi, i, key, label, value, fmt)
    pct = "percent"
    checks = [
        ("B3", "decimal", "0", "0.95", pct), ("B4", "decimal", "0", "0.5", pct),
        ("B5", "list", ",".join(format(v, "f") for v in VOLUME_STEPS), "volume", ""),
        ("B6", "list", ",".join(format(a, "f") for a in AHT_STEPS), "aht", ""),
        ("B7", "decimal", "0", "0.5", pct), ("B8", "decimal", "-0.5", "2", pct),
        ("B9", "list", "0,1", "toman", ""), ("B10", "decimal", "0", "0.5", pct),
    ]  # fmt: skip
    for ref, kind, low, high, shown in checks:
        _validate(ctx, wi, ref, kind, low, high, shown)
    _term_inputs(ctx, quote, wi, 3 + len(inputs))


def _validate(ctx: _Context, ws: Any, ref: str, kind: str, low: str, high: str, shown: str) -> None:
    """Refuse a value the formulas cannot take (error style "stop", a message in the workbook's language).

    ``kind`` "list": ``low`` the values, ``high`` which message (volume, aht, toman); otherwise a range shown as
    ``shown`` ("percent", or "" for plain numbers)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if kind == "list":
        dv = DataValidation(type="list", formula1=f'"{low}"', allow_blank=False)
        message = ctx.t[f"error_{high}"]
    else:
        dv = DataValidation(type=kind, operator="between", formula1=low, formula2=high, allow_blank=False)
        bounds = {k: _shown(Decimal(v), shown, ctx.lang) for k, v in (("low", low), ("high", high))}
        key = "workbook.error_whole" if kind == "whole" else "workbook.error_range"
        message = wording.text(key, ctx.lang, **bounds)
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = ctx.t["error_title"]
    dv.error = message
    dv.add(ref)
    ws.add_data_validation(dv)


def _shown(value: Decimal, shown: str, lang: str) -> str:
    """A validation bound as the reader sees it: a percentage or a plain number, in ``lang``'s digits."""
    from quoter.render.localize import format_percent

    return format_percent(value, lang, decimals=0) if shown == "percent" else _digits(lang)(value)


def _input_cell(ctx: _Context, ws: Any, row: int, key: str, label: str, value: Decimal | int, fmt: str) -> None:
    """One named input: its label, then the value in column B, yellow and unlocked, defined as ``key``."""
    from openpyxl.styles import PatternFill, Protection

    _text(ws, row, 1, label)
    c = ws.cell(row, 2, float(value) if isinstance(value, Decimal) else value)
    c.number_format = fmt
    c.fill = PatternFill("solid", fgColor="FFF2CC")
    c.protection = Protection(locked=False)
    ctx.name(key, ws, f"$B${row}")


def labour_years(quote: Any) -> list[int]:
    """The price book's year, then each year with a wage-rise input (the term sheet's labour columns)."""
    return [quote.book.labour.minimum_wage_year, *term_years(quote)]


def term_years(quote: Any) -> list[int]:
    """The Jalali years after the price book's whose 1 Farvardin wage rise the term sheet reads (an input each):
    every year the term reaches, at least the one after the book's."""
    first = quote.book.labour.minimum_wage_year + 1
    return list(range(first, max([first, *(m.year for m in quote.term.months)]) + 1))


def _term_inputs(ctx: _Context, quote: Any, ws: Any, row: int) -> None:
    """The term sheet's inputs from ``row`` on: inflation, the exchange rate, the cost of money, each year's
    wage rise (default: the price book's ``indexation``) and the start month (default: the quote's)."""
    t, idx, term = ctx.t, quote.book.indexation, quote.term
    first = term.months[0]
    quote_year = term.costs.quote_month[0]
    digits = _digits(ctx.lang)
    rows: list[tuple[str, str, Decimal | int, str, str, str, str]] = [
        ("cpi_annual", t["cpi_annual"], idx.cpi_annual, "0.0%", "decimal", "-0.5", "3"),
        ("fx_annual", t["fx_annual"], idx.fx_annual, "0.0%", "decimal", "-0.5", "3"),
        ("cost_of_money", t["cost_of_money"], idx.cost_of_money_monthly, "0.00%", "decimal", "0", "0.2"),
    ]
    rows += [
        (f"wage_rise_{y}", wording.text("workbook.wage_rise", ctx.lang, year=digits(y)), idx.year(y).wage_rise,
         "0.0%", "decimal", "-0.5", "3")
        for y in term_years(quote)
    ]  # fmt: skip
    rows += [
        ("start_year", t["start_year"], first.year, "0", "whole", str(quote_year), str(quote_year + 5)),
        ("start_month", t["start_month"], first.month, "0", "whole", "1", "12"),
    ]
    for i, (key, label, value, fmt, kind, low, high) in enumerate(rows, start=row):
        _input_cell(ctx, ws, i, key, label, value, fmt)
        _validate(ctx, ws, f"B{i}", kind, low, high, "percent" if "%" in fmt else "")


def _digits(lang: str) -> Any:
    """A number as text in ``lang``'s digits (Persian digits in fa)."""
    from quoter.render.localize import to_persian_digits

    return (lambda n: to_persian_digits(str(n))) if lang == "fa" else str


def _grid_sheet(ctx: _Context, rows: list[dict[str, Any]]) -> None:
    """The engine's usage leaves at every grid point (values, not live): one row per point, one column per leaf."""
    wg = ctx.sheets["grid"]
    leaf_keys = list(ctx.refs.columns)
    _text(wg, 1, 1, ctx.t["grid_key"])
    for j, k in enumerate(leaf_keys, start=2):
        _text(wg, 1, j, leaf_label(k, ctx.lang) if ctx.lang == "fa" else k)  # English: the engine's keys
    for i, grid_row in enumerate(rows, start=2):
        _text(wg, i, 1, grid_row["key"])  # the key MATCH looks up: Latin digits, as TEXT() writes them
        for j, k in enumerate(leaf_keys, start=2):
            wg.cell(i, j, float(grid_row["leaves"].get(k, Decimal(0)))).number_format = "#,##0.00"


def leaf_label(key: str, lang: str) -> str:
    """A grid column's heading: the usage quantity in words (``calls.voice`` -> "Contacts: Voice"); the key
    itself for a quantity the wording does not know."""
    from quoter.channels import channel_keys

    family, _, rest = key.partition(".")
    if rest in channel_keys() and family in ("calls", "minutes", "hours"):
        return wording.text(f"workbook.leaf.{family}", lang, channel=wording.channel_name(rest, lang))
    if family == "fte" and rest and wording.has(f"doc.languages.{rest}", lang):
        return wording.text("workbook.leaf.fte", lang, language=wording.text(f"doc.languages.{rest}", lang))
    own = "workbook.leaf." + ("fte_all" if key == "fte" else key.replace(".", "_"))
    return wording.text(own, lang) if wording.has(own, lang) else key


def _cost_sheet(ctx: _Context, quote: Any) -> None:
    """The grid row of the chosen inputs, then each cost line's expressions laid out, provider cost and total."""
    from openpyxl.styles import Font

    t, refs = ctx.t, ctx.refs
    bold = Font(bold=True)
    wc = ctx.sheets["cost"]
    _text(wc, 1, 1, t["grid_row"])
    wc["B1"] = f'=MATCH(TEXT(volume_change,"0.00")&"|"&TEXT(aht_change,"0.00"),\'{refs.grid}\'!$A$2:$A${refs.last},0)'
    # General, never a Persian-digit format: LibreOffice would then write TEXT()'s digits in Persian, and MATCH fail
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
        if ln.key == "margin":  # the label follows the margin input
            wc.cell(i, 1, _margin_label(ctx))
            ctx.name("margin_label", wc, f"$A${i}")
        else:
            _text(wc, i, 1, _line_label(ln.to_dict(), ctx.lang))
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
        row[1].number_format = "#,##0.######"
        row[2].number_format = ctx.money_fmt


def _margin_label(ctx: _Context) -> str:
    """A formula building the margin line's label from the ``margin`` input ("Margin (16.5% of the price)"),
    with Persian digits, decimal sign and percent sign in fa."""
    before, _, after = ctx.t["margin_line"].partition("{percent}")
    number = 'ROUND(margin*100,2)&""'
    if ctx.lang == "fa":
        for latin, persian in zip("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫", strict=True):
            number = f'SUBSTITUTE({number},"{latin}","{persian}")'
    sign = "٪" if ctx.lang == "fa" else "%"
    return f'="{before}"&{number}&"{sign}{after}"'


def _line_label(line: dict[str, Any], lang: str) -> str:
    """A cost line's label; in Persian a tier is named by its language (رده فارسی, not رده fa)."""
    family, _, tier = str(line["key"]).partition(".")
    if lang == "fa" and family in wording.FAMILIES and wording.has(f"doc.languages.{tier}", lang):
        return _fa_terms(wording.line_label(str(line["key"]), lang, tier=wording.text(f"doc.languages.{tier}", lang)))
    return _fa_terms(text.line_label(line, lang)) if lang == "fa" else text.line_label(line, lang)


def _fa_terms(value: str) -> str:
    """Shared Persian wording with its Latin terms replaced (:data:`_FA_TERMS`)."""
    for latin, persian in _FA_TERMS.items():
        value = value.replace(latin, persian)
    return value


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
    _price_fields(ctx, quote, wt, wt.max_row + 2)
    return rows_t


def price_fields(quote: Any, key: str) -> list[str]:
    """The fields of model ``key`` the Tariffs sheet shows as formulas: its ``price_fields`` (``name_*``: every
    channel's) and the fixed fee's volume band."""
    from quoter.pricing import tariffs

    patterns = getattr(tariffs.get(key), "price_fields", {})  # a plug-in model may declare none
    out = []
    for name in quote.tariffs[key].fields:
        priced = name in patterns or any(p.endswith("*") and name.startswith(p[:-1]) for p in patterns)
        if priced or name in ("band_min_calls", "band_max_calls"):
            out.append(name)
    return out


def _price_fields(ctx: _Context, quote: Any, wt: Any, row: int) -> None:
    """Every price field of every model as a live formula, named ``field_<model>_<field>``."""
    from openpyxl.styles import Font

    _append_at(wt, row, [ctx.t["model"], ctx.t["field"], ctx.t["value"]], Font(bold=True))
    for key, tariff in quote.tariffs.items():
        names = price_fields(quote, key)
        for name in names:
            first = f"{name}_" if name in ("unit_price", "variable_rate") else ""
            channel_cell = next((n for n in names if first and n.startswith(first)), None)
            if channel_cell is not None:  # the first channel's price: named on that channel's row below
                continue
            row += 1
            _text(wt, row, 1, text.model_name(key, ctx.lang))
            _text(wt, row, 2, _field_label(quote, key, name, ctx.lang))
            wt.cell(row, 3, "=" + _field_formula(ctx, quote, key, name))
            wt.cell(row, 3).number_format = "#,##0" if name.startswith("band_") else ctx.money_fmt
            ctx.name(f"field_{key}_{name}", wt, f"$C${row}")
            flat = name.rsplit("_", 1)[0] if name.startswith(("unit_price_", "variable_rate_")) else ""
            if flat in tariff.fields and f"field_{key}_{flat}" not in ctx.wb.defined_names:
                ctx.name(f"field_{key}_{flat}", wt, f"$C${row}")


def _field_formula(ctx: _Context, quote: Any, key: str, name: str) -> str:
    """A price field's formula: the model's expression for it, or (the fixed fee's band) the forecast contacts
    at the grid row times one less or one more the band, to whole contacts."""
    tariff = quote.tariffs[key]
    if name in ("band_min_calls", "band_max_calls"):
        band = format(tariff.fields["band"], "f")
        contacts = ctx.refs.leaf("contacts")
        if name == "band_min_calls":
            return f"ROUNDDOWN({contacts}*(1-{band}),0)"
        return f"ROUNDUP({contacts}*(1+{band}),0)"
    expr = tariff.exprs.get(name) or tariff.exprs["price"]  # a model's single unit price is its "price"
    return str(expr.excel(ctx.refs))


def _field_label(quote: Any, key: str, name: str, lang: str) -> str:
    """A price field's label: per channel with its unit (call, chat, e-mail, minute), or the field's own."""
    fields = quote.tariffs[key].fields
    for base in ("unit_price", "variable_rate"):
        if name.startswith(f"{base}_"):
            channel = name.removeprefix(f"{base}_")
            unit = "minute" if key == "per_minute" or fields.get("variable_unit") == "minute" else "call"
            return wording.text(f"workbook.field.{base}_{unit}", lang, unit=wording.unit_name(channel, lang),
                                channel=wording.channel_name(channel, lang))  # fmt: skip
    single = {"per_seat": "unit_price_seat", "per_hour": "unit_price_hour", "per_result": "unit_price_result"}
    own = single.get(key, name) if name == "unit_price" else name
    return wording.text(f"workbook.field.{own}", lang) if wording.has(f"workbook.field.{own}", lang) else name


# ---------------------------------------------------------------- the term sheet
@dataclass(frozen=True)
class SeasonRow:
    """One month of the Jalali year at its season factor (engine values for the term sheet).

    The provider's cost at that month's volume in two parts, each with the G&A and risk overhead it carries:
    ``labour`` (agents and support), one figure per year of :func:`labour_years`, each the cost at that year's
    wage figures divided by the year's wage index (today's wages, with the year's own rounding and decreed
    figures); ``other`` the non-labour lines (seats, facility, telephony) at the quote month's prices, ``fx_share``
    its dollar-bought share. ``bill``: the chosen model's bill at that volume at today's prices."""

    month: int  # 1..12, Farvardin first
    season: Decimal
    labour: tuple[Decimal, ...]
    other: Decimal
    fx_share: Decimal
    bill: Decimal


@dataclass(frozen=True)
class TermParts:
    """What the term sheet takes from the engine as values: the twelve months at their season factors and, per
    price policy, the cash the deal ties up (sum of the negative month-end cash positions, money x months)."""

    months: tuple[SeasonRow, ...]
    tied_up: dict[str, Decimal]


def term_parts(quote: Any) -> TermParts:
    """The term sheet's engine values, from ``quote.term``.

    The engine costs a term month as ``(labour_y + other_cpi x CPI + other_fx x FX) x ratio_y`` (quoter/term/plan.py
    ``_month_cost``): ``labour_y`` from the cost build-up at the month's volume re-priced at year ``y``'s figures
    (:func:`quoter.term.indices.book_for_year`: every wage and allowance raised by the year's index and rounded
    again, or set to the year's decreed figure), ``ratio_y`` its G&A and risk over the direct cost. Recovering
    the parts from a month's rounded cost and today's shares would blur the split (the shares are at the forecast
    volume, a month at its season's, and the cost is rounded), so the parts are rebuilt from the term's own usage
    at each season factor with the engine's own functions (nothing added to the engine): labour at each year's
    figures divided by that year's wage index ``W_y``, so that the sheet's ``labour x W`` gives back ``labour_y``
    at the default rises and moves in proportion to ``W`` when a rise changes.
    """
    from quoter.pricing import tariffs
    from quoter.pricing.cost import build_cost
    from quoter.pricing.tariffs.base import Basis
    from quoter.term.indices import book_for_year, fx_shares, wage_index

    term, req, book = quote.term, quote.requirements, quote.book
    chosen = term.chosen_model
    usages: dict[int, Any] = {}
    bills: dict[int, Decimal] = {}
    for m, u in zip(term.months, term.costs.usages, strict=False):
        usages.setdefault(m.month, u)
        bills.setdefault(m.month, m.bills[chosen])
    missing = [k for k in range(1, 13) if k not in usages]
    if missing:  # a term shorter than a year: the other months' usage as the term plan would measure it
        from quoter.quote.grid import UsageGrid
        from quoter.shifts.for_quote import ScaledShifts

        use = quote.shift_use
        roster = ScaledShifts(use.paid_hours_week) if use.used and use.paid_hours_week else None
        grid = UsageGrid(req, book, quote.plan, quote.cost.usage, roster)
        cost = quote.cost
        basis = Basis(cost.monthly_total, cost.usage, book, req, quote.kpis, cost.exprs["monthly_total"])
        for k in missing:
            f = term.season_factors[k - 1]
            usages[k] = quote.cost.usage if f == 1 else grid.at(f)
            bills[k] = tariffs.get(chosen).bill(quote.tariffs[chosen], basis, usages[k])
    fxs = fx_shares(book)
    books = [(book_for_year(book, y), wage_index(book, y)) for y in labour_years(quote)]
    rows = []
    for k in range(1, 13):
        u = usages[k]
        labour = []
        for i, (year_book, w) in enumerate(books):
            b = build_cost(req, year_book, quote.plan, usage=u)
            ratio = b.provider_cost / b.direct if b.direct else Decimal(1)
            labour.append((b.group_total("agents") + b.group_total("support")) * ratio / w)
            if i == 0:  # non-labour lines are the same every year (the engine moves them by the indices)
                non_labour = [ln for ln in b.lines if ln.group in ("seats", "telephony")]
                other = sum((ln.amount for ln in non_labour), Decimal(0)) * ratio
                fx = sum((ln.amount * fxs.get(ln.key, Decimal(0)) for ln in non_labour), Decimal(0)) * ratio
        fx_share = fx / other if other else Decimal(0)
        rows.append(SeasonRow(k, term.season_factors[k - 1], tuple(labour), other, fx_share, bills[k]))
    tied = {
        key: sum((-p for p in term.policies[key].cash[chosen].position if p < 0), Decimal(0))
        for key in ("indexed", "flat")
    }
    return TermParts(tuple(rows), tied)


class _Cell(Expr):
    """A cell formula's text as an expression, so :class:`quoter.pricing.expr.Round` prints the book's rounding."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text, self.value = text, Decimal(0)

    def excel(self, refs: Any) -> str:
        return self.text


def _round(ctx: _Context, text: str, kind: str, book: Any) -> str:
    r = book.rounder
    return Round(_Cell(text), r.step(kind), r.mode).excel(ctx.refs)


@dataclass
class _TermLayout:
    """Where the term sheet put things: the parameter cells, the twelve-month table, the month rows."""

    ws: Any
    at: dict[str, str]
    season: dict[str, str] = field(default_factory=dict)
    labour_range: str = ""
    first: int = 0
    last: int = 0


def _term_sheet(ctx: _Context, quote: Any, parts: TermParts) -> None:
    """The term month by month, its formulas following the inputs: each month's indices, cost, the chosen model's
    bill at today's prices, the indexed price factor (each 1 Farvardin after the quote), revenue and margin; totals
    for the indexed price and today's price held."""

    ws = ctx.sheets["term"]
    ctx.refs.sheet = ws.title
    _text(ws, 1, 1, ctx.t["note_term"])
    model = text.model_name(quote.term.chosen_model, ctx.lang)
    _text(ws, 2, 1, wording.text("workbook.term_model", ctx.lang, model=model))
    lay, row = _term_params(ctx, quote, ws)
    row = _term_season_table(ctx, quote, parts, lay, row)
    _term_rows(ctx, quote, lay, row)
    _term_totals(ctx, quote, parts, lay)
    ws.freeze_panes = ws.cell(lay.first, 3)


def _wage_index_formula(years: list[int], year: str) -> str:
    """Wages in ``year`` against the price book's: each year's rise up to it, later years as the last."""
    rises = [f"IF({year}>={y},1+wage_rise_{y},1)" for y in years]
    rises.append(f"(1+wage_rise_{years[-1]})^MAX(0,{year}-{years[-1]})")
    return f"ROUND({'*'.join(rises)},6)"


def _term_params(ctx: _Context, quote: Any, ws: Any) -> tuple[_TermLayout, int]:
    """The formula's shares and the deal's fixed figures (engine values), the base wage index and the formula."""
    from quoter.term.plan import formula

    t, term = ctx.t, quote.term
    s, deal = term.costs.shares, term.costs.deal
    quote_year, quote_month = term.costs.quote_month
    params: list[tuple[str, str, Any, str]] = [
        ("labour_share", t["labour_share"], s.labour, "0.00%"),
        ("other_share", t["other_share"], s.other, "0.00%"),
        ("fx_share", t["fx_share"], s.fx, "0.00%"),
        ("quote_year", t["quote_year"], quote_year, "0"),
        ("quote_month", t["quote_month"], quote_month, "0"),
        ("guarantee_share", t["guarantee_share"], deal.payment.guarantee_share, "0.00%"),
        ("guarantee_fee", t["guarantee_fee_annual"], deal.payment.guarantee_fee_annual, "0.00%"),
        ("setup_fee", t["setup_fee"], deal.setup_fee, ctx.money_fmt),
        ("setup_cost", t["setup_cost"], deal.setup_cost, ctx.money_fmt),
    ]
    lay = _TermLayout(ws, {})
    row = 4
    for key, label, value, fmt in params:
        _text(ws, row, 1, label)
        ws.cell(row, 2, float(value) if isinstance(value, Decimal) else value).number_format = fmt
        lay.at[key] = f"$B${row}"
        row += 1
    _text(ws, row, 1, t["base_wage"])
    ws.cell(row, 2, "=" + _wage_index_formula(term_years(quote), lay.at["quote_year"])).number_format = "0.000000"
    lay.at["w0"] = f"$B${row}"
    _text(ws, row + 1, 1, t["formula"])
    _text(ws, row + 1, 2, formula(s) if ctx.lang == "en" else _formula_text(s, ctx.lang))
    return lay, row + 3


def _formula_text(s: Any, lang: str) -> str:
    """The price adjustment formula with its shares in ``lang`` (Persian words and digits in fa)."""
    from quoter.render.localize import format_number

    parts = [("labour", s.labour), ("other", s.other)] + ([("fx", s.fx)] if s.fx else [])
    terms = [wording.text(f"workbook.formula_{k}", lang, share=format_number(v, lang)) for k, v in parts]
    return wording.text("workbook.formula_text", lang, parts=" + ".join(terms))


def _term_season_table(ctx: _Context, quote: Any, parts: TermParts, lay: _TermLayout, row: int) -> int:
    """The twelve months of the year at their season factors (engine values); returns the next free row."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from quoter.render.localize import JALALI_MONTHS_EN, JALALI_MONTHS_FA

    t, ws = ctx.t, lay.ws
    names = JALALI_MONTHS_FA if ctx.lang == "fa" else JALALI_MONTHS_EN
    ly = labour_years(quote)
    digits = _digits(ctx.lang)
    labour_heads = [wording.text("workbook.labour_year", ctx.lang, year=digits(y)) for y in ly]
    _append_at(ws, row, [t["month_no"], t["month_name"], t["season"], t["other_part"], t["fx_part"], t["bill"],
                         *labour_heads], Font(bold=True))  # fmt: skip
    top = row + 1
    for i, sr in enumerate(parts.months):
        r = top + i
        ws.cell(r, 1, sr.month)
        _text(ws, r, 2, names[sr.month - 1])
        ws.cell(r, 3, float(sr.season)).number_format = "0.00"
        for col, v in ((4, sr.other), (6, sr.bill), *enumerate(sr.labour, start=7)):
            ws.cell(r, col, float(v)).number_format = ctx.money_fmt
        ws.cell(r, 5, float(sr.fx_share)).number_format = "0.00%"
    lay.season = {c: f"${c}${top}:${c}${top + 11}" for c in "BCDEF"}
    lay.labour_range = f"$G${top}:${get_column_letter(6 + len(ly))}${top + 11}"
    return top + 13


def _term_rows(ctx: _Context, quote: Any, lay: _TermLayout, row: int) -> int:
    """One row per term month; returns the number of columns."""
    from openpyxl.styles import Font

    t, ws, book, at, season = ctx.t, lay.ws, quote.book, lay.at, lay.season
    years, ly = term_years(quote), labour_years(quote)
    header = [t["term_no"], t["term_month"], t["year"], t["month_no"], t["month_name"], t["season"],
              t["wage_index"], t["cpi_index"], t["fx_index"], t["labour_part"], t["other_part"], t["fx_part"],
              t["month_cost"], t["bill"], t["adjusts"], t["factor"], t["revenue_indexed"], t["margin_indexed"],
              t["revenue_flat"], t["margin_flat"]]  # fmt: skip
    _append_at(ws, row, header, Font(bold=True))
    lay.first, lay.last = row + 1, row + len(quote.term.months)
    money, index, qy, qm = ctx.money_fmt, "0.000000", at["quote_year"], at["quote_month"]
    for i in range(len(quote.term.months)):
        r = lay.first + i
        elapsed = f"(C{r}-{qy})*12+(D{r}-{qm})"
        prev = f"P{r - 1}" if i else "1"
        cells: list[tuple[Any, str]] = [
            (i + 1, "0"),
            (f'=C{r}&"-"&TEXT(D{r},"00")', "@"),
            (f"=start_year+INT((start_month-1+A{r}-1)/12)", "0"),
            (f"=MOD(start_month-1+A{r}-1,12)+1", "0"),
            (f"=INDEX({season['B']},D{r})", "@"),
            (f"=INDEX({season['C']},D{r})", "0.00"),
            ("=" + _wage_index_formula(years, f"C{r}"), index),
            (f"=IF({elapsed}<=0,1,ROUND((1+cpi_annual)^(({elapsed})/12),6))", index),
            (f"=IF({elapsed}<=0,1,ROUND((1+fx_annual)^(({elapsed})/12),6))", index),
            (f"=INDEX({lay.labour_range},D{r},1+MAX(0,MIN(C{r}-{ly[0]},{len(ly) - 1})))", money),
            (f"=INDEX({season['D']},D{r})", money),
            (f"=INDEX({season['E']},D{r})", "0.00%"),
            ("=" + _round(ctx, f"J{r}*G{r}+K{r}*((1-L{r})*H{r}+L{r}*I{r})", "line", book), money),
            (f"=INDEX({season['F']},D{r})", money),
            (f"=IF(AND(D{r}=1,C{r}>{qy}),1,0)", "0"),
            (f"=IF(O{r}=1,ROUND({at['labour_share']}*G{r}/{at['w0']}+{at['other_share']}*H{r}"
             f"+{at['fx_share']}*I{r},6),{prev})", index),
            ("=" + _round(ctx, f"N{r}*P{r}", "monthly", book), money),
            (f"=Q{r}-M{r}", money),
            ("=" + _round(ctx, f"N{r}", "monthly", book), money),
            (f"=S{r}-M{r}", money),
        ]  # fmt: skip
        for col, (value, fmt) in enumerate(cells, start=1):
            ws.cell(r, col, value).number_format = fmt
    return len(header)


def _term_totals(ctx: _Context, quote: Any, parts: TermParts, lay: _TermLayout) -> None:
    """Totals for the indexed price and today's price held, and the first adjustment."""
    from openpyxl.styles import Font

    t, ws, book, at, first, last = ctx.t, lay.ws, quote.book, lay.at, lay.first, lay.last
    n, money, bold = len(quote.term.months), ctx.money_fmt, Font(bold=True)
    row = last + 2
    _append_at(ws, row, [t["totals"], t["policy_indexed"], t["policy_flat"]], bold)
    lines = ["months_revenue", "setup_fee", "revenue", "months_cost", "setup_cost", "guarantee_cost", "cost",
             "tied_up", "financing", "margin", "margin_share"]  # fmt: skip
    pos = {key: row + 1 + j for j, key in enumerate(lines)}
    for key in lines:
        _text(ws, pos[key], 1, t[f"total_{key}"])
    for policy, (c, rev) in {"indexed": ("B", "Q"), "flat": ("C", "S")}.items():
        p = {key: f"{c}{pos[key]}" for key in lines}
        unrounded_margin = (f"{p['months_revenue']}+{p['setup_fee']}-({p['months_cost']}+{p['setup_cost']}"
                            f"+{p['guarantee_cost']})-cost_of_money*{p['tied_up']}")  # fmt: skip
        formulas_: dict[str, tuple[Any, str]] = {
            "months_revenue": (f"=SUM({rev}{first}:{rev}{last})", money),
            "setup_fee": (f"={at['setup_fee']}", money),
            "revenue": ("=" + _round(ctx, f"{p['months_revenue']}+{p['setup_fee']}", "line", book), money),
            "months_cost": (f"=SUM(M{first}:M{last})", money),
            "setup_cost": (f"={at['setup_cost']}", money),
            "guarantee_cost": (f"={at['guarantee_share']}*{p['months_revenue']}*{at['guarantee_fee']}*{n}/12", money),
            "cost": ("=" + _round(ctx, f"{p['months_cost']}+{p['setup_cost']}+{p['guarantee_cost']}", "line", book),
                     money),
            "tied_up": (float(parts.tied_up[policy]), money),
            "financing": ("=" + _round(ctx, f"cost_of_money*{p['tied_up']}", "line", book), money),
            "margin": ("=" + _round(ctx, unrounded_margin, "line", book), money),
            "margin_share": (f"=IF({p['months_revenue']}+{p['setup_fee']}>0,ROUND(({unrounded_margin})"
                             f"/({p['months_revenue']}+{p['setup_fee']}),4),0)", "0.00%"),
        }  # fmt: skip
        for key, (value, fmt) in formulas_.items():
            cell = ws.cell(pos[key], 2 if policy == "indexed" else 3, value)
            cell.number_format = fmt
            if key in ("revenue", "cost", "financing", "margin", "margin_share"):
                ctx.name(f"term_{key}_{policy}", ws, f"${c}${pos[key]}")
                cell.font = bold
    row = pos["margin_share"] + 1
    _text(ws, row, 1, t["first_adjustment"])
    ws.cell(row, 2, f"=IFERROR(MATCH(1,O{first}:O{last},0),0)").number_format = "0"
    ws.cell(row, 3, f"=IF(B{row}>0,INDEX(P{first}:P{last},B{row}),1)").number_format = "0.000000"
    ctx.name("term_first_adjustment", ws, f"$B${row}")
    ctx.name("term_first_factor", ws, f"$C${row}")
    _text(ws, row + 1, 1, t["note_financing"])


def _append_at(ws: Any, row: int, values: list[Any], font: Any) -> None:
    """A header row at ``row``: text cells in ``font``."""
    for col, value in enumerate(values, start=1):
        _text(ws, row, col, value).font = font


def _scenarios_sheet(ctx: _Context, quote: Any) -> None:
    """The engine's scenario bills and margins under each tariff (values, not live)."""
    t, lang = ctx.t, ctx.lang
    wsc = ctx.sheets["scenarios"]
    _text(wsc, 1, 1, t["engine_note"])
    names = {k: text.model_name(k, lang) for k in quote.tariffs}
    header = [t["scenario"], t["kind"]]
    for key in quote.tariffs:
        header += [f"{names[key]}: {t['client_cost']}", f"{names[key]}: {t['margin_of']}"]
    _append(wsc, header)
    for sc in quote.scenarios:
        cells: list[Any] = [text.scenario_label(sc.key, lang), t[f"kind_{sc.kind}"]]
        for key in quote.tariffs:
            bill = sc.bills[key]
            cells += [float(bill), float((bill - sc.provider_cost) / bill) if bill else 0.0]
        _append(wsc, cells)
        for j in range(3, len(cells) + 1):
            wsc.cell(wsc.max_row, j).number_format = ctx.money_fmt if j % 2 == 1 else "0.0%"


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
        (t["book"], _book_short(book, lang)),
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
        _text(ws, j, 1, text.model_name(key, lang))
        ws.cell(j, 2, f"='{wt.title}'!C{tr}/IF(show_toman=1,10,1)").number_format = ctx.money_fmt
        ws.cell(j, 3, f"='{wt.title}'!E{tr}/IF(show_toman=1,10,1)").number_format = ctx.money_fmt
        currency = _fa_terms(book.currency) if lang == "fa" else book.currency
        ws.cell(j, 4, '=IF(show_toman=1,"' + ("تومان" if lang == "fa" else "Toman") + '","' + currency + '")')


def _book_short(book: Any, lang: str) -> str:
    """The price book's name, date and currency ("ir-1405 (به تاریخ ۱ آذر ۱۴۰۵، ریال)" in Persian)."""
    currency = _fa_terms(book.currency) if lang == "fa" else book.currency
    return wording.text("workbook.book_short", lang, name=book.name, as_of=_date_text(book.as_of, lang),
                        currency=currency)  # fmt: skip


def _staffing_sheet(ctx: _Context, quote: Any) -> None:
    """Calls and agents per interval and queue, with a native line chart."""
    from openpyxl.chart import LineChart, Reference
    from openpyxl.utils import get_column_letter

    t = ctx.t
    wst = ctx.sheets["staffing"]
    queues = quote.plan.queues
    _append(wst, [t["day"], t["start"], t["calls"]] + [_queue_label(q.channel, q.language, ctx.lang) for q in queues])
    n = len(queues[0].intervals) if queues else 0
    digits = _digits(ctx.lang)
    for i in range(n):
        iv = queues[0].intervals[i]
        day = wording.text(f"doc.days.{iv.day}", ctx.lang) if wording.has(f"doc.days.{iv.day}", ctx.lang) else iv.day
        _append(wst, [day, digits(iv.start), round(sum(q.intervals[i].calls for q in queues), 2)]
                   + [q.intervals[i].agents for q in queues])  # fmt: skip
        wst.cell(i + 2, 3).number_format = "#,##0.00"
        for j, q in enumerate(queues):
            whole = float(q.intervals[i].agents).is_integer()
            wst.cell(i + 2, 4 + j).number_format = "#,##0" if whole else "#,##0.00"
    if n:
        chart = LineChart()
        chart.title = f"{t['calls']} / {t['agents']}"
        chart.height, chart.width = 9, 28
        data = Reference(wst, min_col=3, min_row=1, max_col=3 + len(queues), max_row=n + 1)
        chart.add_data(data, titles_from_data=True)
        for s in chart.series:
            s.smooth = False
        wst.add_chart(chart, f"{get_column_letter(5 + len(queues))}2")


def _queue_label(channel: str, languages: str, lang: str) -> str:
    """A staffing queue's heading: its channel and languages in words ("Voice, English and Arabic")."""
    names = [wording.text(f"doc.languages.{x}", lang) if wording.has(f"doc.languages.{x}", lang) else x
             for x in languages.split("+")]  # fmt: skip
    joined = (" و " if lang == "fa" else " and ").join(names)
    return wording.text("workbook.queue", lang, channel=wording.channel_name(channel, lang), languages=joined)


def _assumptions_sheet(ctx: _Context, quote: Any) -> None:
    """The price book, the grid's extent, the shift plan and the staffing notes."""
    book = quote.book
    wa = ctx.sheets["assumptions"]
    fa = ctx.lang == "fa"
    title = (book.title_fa or book.title) if fa else book.title
    as_of = _date_text(book.as_of, ctx.lang)
    _append(wa, [ctx.t["book"], wording.text("workbook.book_line", ctx.lang, name=book.name, title=title, as_of=as_of)])
    data = quote.to_dict()
    _append(wa, [ctx.t["grid"], wording.text("workbook.grid_extent", ctx.lang)])
    for line in text.assumptions(data, ctx.lang) + text.quote_staffing_notes(data, ctx.lang):
        _append(wa, [ctx.t["assumptions"], _fa_terms(line) if fa else line])


def _page_setup(ctx: _Context) -> None:
    """Landscape, one page wide; in fa a Persian font, right-to-left reading order and Persian digits;
    columns as wide as their content; every sheet protected."""
    money_width = _money_width(ctx)
    for sheet in ctx.sheets.values():
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if ctx.lang == "fa":
            _persian_cells(sheet)
        _fit_columns(sheet, money_width)
        sheet.protection.sheet = True


def _persian_cells(sheet: Any) -> None:
    """Every cell in Tahoma, read right to left (mixed Persian and Latin keeps its order in LibreOffice),
    numbers in Persian digits (:data:`FA_DIGITS`)."""
    from copy import copy

    from openpyxl.styles import Alignment, Font

    done: dict[tuple[int, ...], Any] = {}  # a cell's style before -> after (a workbook has few distinct styles)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = cell.value
            if isinstance(text, str) and text[:1] in DIGIT_START and any("\u0621" <= ch <= "\u06cc" for ch in text):
                # a text that starts with a digit (a Jalali date, ۱۱ آذر ۱۴۰۵) is laid out left to right by
                # LibreOffice, letters misplaced: a right-to-left mark first makes it read as Persian
                cell.value = RLM + text
            before = tuple(cell._style or ())  # () for a cell never styled (openpyxl leaves it None)
            if before in done:
                cell._style = copy(done[before])
                continue
            cell.font = Font(name=PERSIAN_FONT, bold=cell.font.bold)
            cell.alignment = Alignment(readingOrder=2, wrap_text=cell.alignment.wrap_text)
            fmt = cell.number_format
            if fmt not in ("General", "@") and not fmt.startswith("[$-"):
                cell.number_format = FA_DIGITS + fmt
            done[before] = copy(cell._style)


_NOTE_WIDTH = 70  # a longer text wraps in a column this wide
_HEADING_WIDTH = 24  # and a longer heading (bold) in one this wide
_FORMULA_WIDTHS = {"0": 6, "00": 6, "#,##0": 12, "#,##0.00": 16, "#,##0.######": 18}


def _money_width(ctx: _Context) -> int:
    """How wide a money formula may grow: the largest amount written as a value, times the term's months
    and a margin for changed inputs, formatted."""
    largest = 0.0
    for sheet in ctx.sheets.values():
        for row in sheet.iter_rows(values_only=True):
            largest = max([largest, *(abs(v) for v in row if isinstance(v, int | float))])
    decimals = ".00" if ctx.money_fmt.endswith(".00") else ""
    return len(f"{largest * 100:,.0f}{decimals}")


def _fit_columns(sheet: Any, money_width: int) -> None:
    """Each column as wide as its longest shown value (text, a formatted number, or what a formula of that
    number format can show), so no cell shows "###"; a long note wraps instead."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for row in sheet.iter_rows():
        for cell in row:
            value, fmt = cell.value, cell.number_format.removeprefix(FA_DIGITS)
            if isinstance(value, str) and cell.data_type == "f":
                money = "#,##0" in fmt and fmt not in _FORMULA_WIDTHS
                n: float = money_width if money else _FORMULA_WIDTHS.get(fmt, 10)
                n = 0 if fmt in ("General", "@") else n
            elif isinstance(value, str):
                n = len(value) * (1.15 if cell.font.bold else 1)
                cap = _HEADING_WIDTH if cell.font.bold else _NOTE_WIDTH
                if n > cap and _is_note(sheet, cell):
                    continue  # runs over the empty cells beside it
                if n > cap:  # a heading or a long text wraps (no shorter than its longest word)
                    n = max(cap, *(len(w) * 1.15 for w in value.split()))
                    cell.alignment = Alignment(wrap_text=True, readingOrder=cell.alignment.readingOrder)
            elif isinstance(value, int | float):
                n = len(_shown_number(value, fmt))
            else:
                continue
            widths[cell.column] = max(widths.get(cell.column, 0), n)
    for col, n in widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = max(8, round(n + 3))


def _is_note(sheet: Any, cell: Any) -> bool:
    """A text with nothing after it on its row (a sheet's note): it may run over the empty cells beside it."""
    return all(c.value is None for c in sheet[cell.row][cell.column :])


def _shown_number(value: float, fmt: str) -> str:
    """A number as its format shows it (for the width: digits, separators, decimals, percent sign)."""
    if fmt.endswith("%"):
        decimals = len(fmt.rsplit(".", 1)[1]) - 1 if "." in fmt else 0
        return f"{value * 100:,.{decimals}f}%"
    decimals = len(fmt.rsplit(".", 1)[1]) if "." in fmt else (0 if fmt != "General" else 4)
    return f"{value:,.{decimals}f}" if "," in fmt or fmt == "General" else f"{value:.{decimals}f}"


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
