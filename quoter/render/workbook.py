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
from decimal import Decimal
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.money import WEEKS_PER_MONTH, quantity
from quoter.render.reproducible import normalise_zip

VOLUME_STEPS = tuple(Decimal(v) / 100 for v in range(-40, 41, 5))
AHT_STEPS = (Decimal("-0.10"), Decimal("-0.05"), Decimal(0), Decimal("0.05"), Decimal("0.10"))
PERSIAN_FONT = "Noto Naskh Arabic"
PRICED = ("per_call", "per_minute", "per_seat", "per_hour", "fixed", "hybrid", "performance")

LABELS = {
    "en": {
        "inputs": "Inputs", "summary": "Summary", "cost": "Cost", "tariffs": "Tariffs", "grid": "Grid",
        "staffing": "Staffing", "assumptions": "Assumptions", "margin": "Target margin (share of the price)",
        "term_discount": "Term discount", "volume_change": "Volume change", "aht_change": "Handle-time change",
        "vat_rate": "VAT rate", "toman": "Show Toman (1) or Rial (0)", "client": "Client", "quote": "Quote number",
        "date": "Date", "valid": "Valid until", "book": "Price book", "line": "Cost line", "qty": "Quantity",
        "rate": "Rate", "amount": "Amount", "total": "Monthly total at forecast (excl. VAT)",
        "provider": "Provider cost (before margin)", "model": "Model", "price": "Unit price",
        "monthly": "Monthly excl. VAT", "vat": "VAT", "with_vat": "Monthly incl. VAT", "premium": "Risk premium",
        "channel": "Channel", "day": "Day", "start": "Start", "calls": "Contacts", "agents": "Agents",
        "wage_change": "Agent wage change", "display": "Display currency",
        "note_inputs": "Change the yellow cells; every price follows.",
        "scenarios": "Scenarios", "scenario": "Scenario", "client_cost": "client pays", "margin_of": "provider margin",
        "engine_note": "Engine values at the quote's inputs (not live): what the client pays and the provider's "
                       "margin per model when volume or handle time moves, staffing re-run for each row.",
    },
    "fa": {
        "inputs": "ورودی‌ها", "summary": "خلاصه", "cost": "بهای تمام‌شده", "tariffs": "تعرفه‌ها", "grid": "جدول ظرفیت",
        "staffing": "نیروی انسانی", "assumptions": "فرض‌ها", "margin": "حاشیه سود هدف (سهم از قیمت)",
        "term_discount": "تخفیف مدت قرارداد", "volume_change": "تغییر حجم تماس", "aht_change": "تغییر زمان رسیدگی",
        "vat_rate": "نرخ مالیات بر ارزش افزوده", "toman": "نمایش به تومان (۱) یا ریال (۰)", "client": "کارفرما",
        "quote": "شماره پیشنهاد", "date": "تاریخ", "valid": "اعتبار تا", "book": "دفترچه قیمت", "line": "ردیف هزینه",
        "qty": "مقدار", "rate": "نرخ", "amount": "مبلغ", "total": "جمع ماهانه در حجم پیش‌بینی‌شده (بدون مالیات)",
        "provider": "بهای تمام‌شده (پیش از سود)", "model": "مدل تعرفه", "price": "قیمت واحد",
        "monthly": "ماهانه بدون مالیات", "vat": "مالیات بر ارزش افزوده", "with_vat": "ماهانه با مالیات",
        "premium": "صرف ریسک", "channel": "کانال", "day": "روز", "start": "شروع", "calls": "تماس‌ها",
        "agents": "کارشناس", "display": "واحد نمایش",
        "wage_change": "تغییر حقوق کارشناسان", "scenarios": "سناریوها", "scenario": "سناریو",
        "client_cost": "پرداخت کارفرما", "margin_of": "سود پیمانکار",
        "engine_note": "مقادیر موتور در ورودی‌های پیشنهاد (غیرپویا): پرداخت کارفرما و سود پیمانکار در هر مدل "
                       "با تغییر حجم یا زمان رسیدگی؛ نیروی لازم برای هر ردیف دوباره محاسبه شده است.",
        "note_inputs": "خانه‌های زرد را تغییر دهید؛ همه قیمت‌ها دنبال می‌کنند.",
    },
}  # fmt: skip


def _round_formula(expr: str, step: Decimal, mode: str) -> str:
    """Excel text that rounds ``expr`` like money.round_to (half-up away from zero, or up)."""
    s = format(step.normalize(), "f")
    if mode == "up":
        return f"CEILING({expr},{s})"
    if step == 1:
        return f"ROUND({expr},0)"
    if step < 1:
        return f"ROUND({expr},{-step.as_tuple().exponent})"
    return f"ROUND(({expr})/{s},0)*{s}"


def grid_rows(quote: Any) -> list[dict[str, Any]]:
    """The engine's usage for every grid point (volume change x handle-time change)."""
    from quoter.pricing.cost import build_cost
    from quoter.pricing.tariffs.base import Basis, units
    from quoter.quote.pipeline import predicted_kpis
    from quoter.shifts.for_quote import scale_shifts
    from quoter.staffing.planner import plan_staffing

    req, book = quote.requirements, quote.book
    shifts = quote.shift_use if quote.shift_use.used else None
    perf = _performance_model()
    rows = []
    for a in AHT_STEPS:
        for v in VOLUME_STEPS:
            if v == 0 and a == 0:
                plan, cost = quote.plan, quote.cost
            else:
                scaled = req.scaled(volume=float(1 + v), aht=float(1 + a))
                plan = plan_staffing(scaled, compare_pools=False)
                cost = build_cost(scaled, book, plan, scale_shifts(shifts, quote.plan, plan))
            u = cost.usage
            basis = Basis(cost.monthly_total, u, book, req, predicted_kpis(plan))
            kpis = perf.price(basis).fields["kpis"]
            row: dict[str, Any] = {
                "key": f"{v}|{a}",
                "lines": {ln.key: (ln.quantity, ln.rate) for ln in cost.lines},
                "headcount": Decimal(u.headcount),
                "fte": u.fte,
                "hours": u.total_productive_hours,
                "contacts": u.total_contacts,
                "missed": sum((k["allocation"] for k in kpis if not k["met"]), Decimal(0)),
            }
            calls = units(u, book, "call")
            minutes = units(u, book, "minute")
            for c in ("voice", "chat", "email", "outbound"):
                row[f"calls.{c}"] = calls.get(c, Decimal(0))
                row[f"minutes.{c}"] = minutes.get(c, Decimal(0))
                row[f"hours.{c}"] = u.productive_hours.get(c, Decimal(0)) if calls.get(c) else Decimal(0)
            rows.append(row)
    return rows


def _performance_model() -> Any:
    from quoter.pricing import tariffs

    return tariffs.get("performance")


def write_workbook(quote: Any, path: str | Path, lang: str = "en") -> Path:
    """Write the negotiation workbook of ``quote`` (a :class:`quoter.quote.Quote`) to ``path``."""
    if lang not in LABELS:
        raise InputError(f"--lang: '{lang}' is not one of fa, en")
    rows = grid_rows(quote)
    return write_workbook_from_grid(quote, rows, path, lang)


def write_workbook_from_grid(quote: Any, rows: list[dict[str, Any]], path: str | Path, lang: str) -> Path:
    """Write the workbook from a precomputed grid (the write alone, for the benchmark)."""
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    t = LABELS[lang]
    book = quote.book
    r = book.rounder
    money_fmt = "[$-2000429]#,##0" if lang == "fa" else "#,##0"
    if book.currency != "IRR":
        money_fmt = "[$-2000429]#,##0.00" if lang == "fa" else "#,##0.00"
    yellow = PatternFill("solid", fgColor="FFF2CC")
    bold = Font(bold=True)

    def rnd(expr: str, kind: str) -> str:
        return _round_formula(expr, r.step(kind), r.mode)

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

    def name(n: str, ws: Any, ref: str) -> None:
        wb.defined_names[n] = DefinedName(n, attr_text=f"'{ws.title}'!{ref}")

    # ---------------------------------------------------------------- inputs
    wi = sheets["inputs"]
    wi["A1"] = t["note_inputs"]
    inputs = [
        ("margin", t["margin"], book.target_margin, "0.00%"),
        ("term_discount", t["term_discount"], quote.cost.term_discount, "0.00%"),
        ("volume_change", t["volume_change"], Decimal(0), "0%"),
        ("aht_change", t["aht_change"], Decimal(0), "0%"),
        ("vat_rate", t["vat_rate"], quote.book.vat_rate, "0.00%"),
        ("wage_change", t["wage_change"], Decimal(0), "0.0%"),
        ("show_toman", t["toman"], 1 if (book.currency == "IRR" and book.toman) else 0, "0"),
    ]
    for i, (key, label, value, fmt) in enumerate(inputs, start=3):
        wi.cell(i, 1, label)
        c = wi.cell(i, 2, float(value) if isinstance(value, Decimal) else value)
        c.number_format = fmt
        c.fill = yellow
        c.protection = Protection(locked=False)
        name(key, wi, f"$B${i}")
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
    for dv in (dv_margin, dv_disc, dv_vol, dv_aht, dv_vat, dv_wage, dv_toman):
        wi.add_data_validation(dv)
    wi.column_dimensions["A"].width = 42
    wi.column_dimensions["B"].width = 16

    # ---------------------------------------------------------------- grid
    wg = sheets["grid"]
    line_keys = list(dict.fromkeys(k for row in rows for k in row["lines"]))
    scalar = ["headcount", "fte", "hours", "contacts", "missed"] + [
        f"{m}.{c}" for m in ("calls", "minutes", "hours") for c in ("voice", "chat", "email", "outbound")
    ]
    cols = ["key"] + scalar + [f"q.{k}" for k in line_keys] + [f"r.{k}" for k in line_keys]
    for j, col in enumerate(cols, start=1):
        wg.cell(1, j, col)
    for i, row in enumerate(rows, start=2):
        wg.cell(i, 1, row["key"])
        for j, col in enumerate(scalar, start=2):
            wg.cell(i, j, float(row[col]))
        for j, k in enumerate(line_keys):
            q, rt = row["lines"].get(k, (Decimal(0), Decimal(0)))
            wg.cell(i, 2 + len(scalar) + j, float(q))
            wg.cell(i, 2 + len(scalar) + len(line_keys) + j, float(rt))
    last = len(rows) + 1
    col_of = {col: j for j, col in enumerate(cols, start=1)}
    from openpyxl.utils import get_column_letter

    wc = sheets["cost"]
    wc["A1"] = "grid row"
    wc["B1"] = f'=MATCH(TEXT(volume_change,"0.00")&"|"&TEXT(aht_change,"0.00"),\'{wg.title}\'!$A$2:$A${last},0)'
    # grid keys written as text with the same two-decimal form
    for i, row in enumerate(rows, start=2):
        v, a = row["key"].split("|")
        wg.cell(i, 1, f"{Decimal(v):.2f}|{Decimal(a):.2f}")
    name("grid_row", wc, "$B$1")

    def g(col: str) -> str:
        letter = get_column_letter(col_of[col])
        return f"INDEX('{wg.title}'!${letter}$2:${letter}${last},grid_row)"

    # ---------------------------------------------------------------- cost
    wc.append([])
    wc.append([t["line"], t["qty"], t["rate"], t["amount"]])
    for c in wc[3]:
        c.font = bold
    derived = {"overhead.g_and_a", "overhead.risk", "margin", "discount.term"}
    labels = {ln.key: (ln.label_fa if lang == "fa" else ln.label) for ln in quote.cost.lines}
    hours_per_month = quantity(quantity(quote.plan.hours_per_fte_week) * WEEKS_PER_MONTH)
    direct_keys = [k for k in line_keys if k not in derived]
    row_of = {k: 4 + n for n, k in enumerate(direct_keys)}
    wage_keys = [k for k in direct_keys if k.startswith("wages.")]
    wages_total = "(" + "+".join(f"D{row_of[k]}" for k in wage_keys) + ")" if wage_keys else "0"
    premiums_total = "+".join(f"D{row_of[k]}" for k in direct_keys if k.startswith("premium.")) or "0"
    for k in direct_keys:
        i = row_of[k]
        wc.cell(i, 1, labels.get(k, k))
        qty, rate_ = f"={g('q.' + k)}", f"={g('r.' + k)}"
        tier = k.split(".", 1)[1] if "." in k else ""
        if k.startswith("wages."):  # agent wages follow the wage-change input
            rate_ = "=" + rnd(f"{book.wages.agent[tier]}*(1+wage_change)", "line")
        elif k.startswith("accruals."):
            rate_ = "=" + _accrual_formula(book, f"C{row_of['wages.' + tier]}", rnd)
        elif k in ("premium.night", "premium.friday", "premium.holiday", "premium.overtime"):
            share = getattr(book.premiums, k.split(".")[1])
            hourly = rnd(f"{wages_total}/({g('fte')}*{hours_per_month})", "line")
            rate_ = "=" + rnd(f"{hourly}*{share}", "line")
        elif k in ("premium.shift", "other_loads"):
            qty = f"={wages_total}"
        elif k == "insurance":
            allow = sum((getattr(book.allowances, a) for a in book.loads.insured_allowances), Decimal(0))
            prem = f"+{premiums_total}" if book.loads.insure_premiums else ""
            qty = "=" + rnd(f"{wages_total}+{g('fte')}*{allow}{prem}", "line")
        wc.cell(i, 2, qty)
        wc.cell(i, 3, rate_)
        wc.cell(i, 4, "=" + rnd(f"B{i}*C{i}", "line"))
    first, direct_last = 4, wc.max_row
    i = direct_last + 1
    ga_rate = book.overhead.g_and_a
    wc.cell(i, 1, labels.get("overhead.g_and_a", "G&A"))
    wc.cell(i, 2, f"=SUM(D{first}:D{direct_last})")
    wc.cell(i, 3, float(ga_rate))
    wc.cell(i, 4, "=" + rnd(f"B{i}*C{i}", "line"))
    ga = i
    i += 1
    wc.cell(i, 1, labels.get("overhead.risk", "Risk"))
    wc.cell(i, 2, f"=B{ga}+D{ga}")
    wc.cell(i, 3, float(book.overhead.risk_buffer))
    wc.cell(i, 4, "=" + rnd(f"B{i}*C{i}", "line"))
    i += 1
    wc.cell(i, 1, t["provider"])
    wc.cell(i, 4, f"=SUM(D{first}:D{i - 1})")
    provider = i
    name("provider_cost", wc, f"$D${i}")
    i += 1
    wc.cell(i, 1, labels.get("margin", "Margin"))
    wc.cell(i, 2, f"=D{provider}")
    wc.cell(i, 3, "=ROUND(margin/(1-margin),6)")
    wc.cell(i, 4, "=" + rnd(f"B{i}*C{i}", "line"))
    marg = i
    i += 1
    wc.cell(i, 1, labels.get("discount.term", "Term discount"))
    wc.cell(i, 2, f"=D{provider}+D{marg}")
    wc.cell(i, 3, "=-term_discount")
    wc.cell(i, 4, "=" + rnd(f"B{i}*C{i}", "line"))
    disc = i
    i += 1
    wc.cell(i, 1, t["total"]).font = bold
    wc.cell(i, 4, "=" + rnd(f"D{provider}+D{marg}+D{disc}", "monthly")).font = bold
    name("monthly_total", wc, f"$D${i}")
    for row in wc.iter_rows(min_row=4, min_col=2, max_col=4):
        row[0].number_format = "#,##0.00"
        row[1].number_format = "0.######"
        row[2].number_format = money_fmt
    wc.column_dimensions["A"].width = 55
    for col in "BCD":
        wc.column_dimensions[col].width = 20

    # ---------------------------------------------------------------- tariffs
    wt = sheets["tariffs"]
    wt.append([t["model"], t["price"], t["monthly"], t["vat"], t["with_vat"], t["premium"]])
    for c in wt[1]:
        c.font = bold
    prem = {k: getattr(book.models.risk_premium, k) for k in PRICED}
    chans = ("voice", "chat", "email", "outbound")

    def per_unit(total: str, unit: str) -> tuple[str, str]:
        """Per-channel price cells (hidden helper rows) and the charge expression, like tariffs.base."""
        hsum = "+".join(g(f"hours.{c}") for c in chans)
        parts, first_price = [], ""
        for c in chans:
            q = g(f"{'minutes' if unit == 'minute' else 'calls'}.{c}")
            h = g(f"hours.{c}")
            price = f"IF({q}>0,{rnd(f'({total})*{h}/({hsum})/{q}', 'unit_price')},0)"
            parts.append(f"{price}*{q}")
            if not first_price:
                first_price = price
        return first_price, "+".join(parts)

    rows_t: dict[str, int] = {}

    def tariff_row(key: str, price: str, monthly: str) -> None:
        j = wt.max_row + 1
        label = next(m for m in quote.tariffs.values() if m.key == key)
        wt.cell(j, 1, label.name_fa if lang == "fa" else label.name)
        wt.cell(j, 2, "=" + price)
        wt.cell(j, 3, "=" + monthly)
        wt.cell(j, 4, "=" + rnd(f"C{j}*vat_rate", "line"))
        wt.cell(j, 5, f"=C{j}+D{j}")
        wt.cell(j, 6, float(prem[key]))
        for c in range(2, 6):
            wt.cell(j, c).number_format = money_fmt
        wt.cell(j, 6).number_format = "0.0%"
        rows_t[key] = j
        name(f"tariff_{key}", wt, f"$C${j}")
        name(f"price_{key}", wt, f"$B${j}")

    T = "monthly_total"
    pc_price, pc_charge = per_unit(f"{T}*(1+{prem['per_call']})", "call")
    tariff_row("per_call", pc_price, rnd(pc_charge, "monthly"))
    pm_unit = book.models.per_minute
    pm_price, pm_charge = per_unit(f"{T}*(1+{prem['per_minute']})", "minute")
    tariff_row("per_minute", pm_price, rnd(pm_charge, "monthly"))
    seat = rnd(f"{T}*(1+{prem['per_seat']})/{g('headcount')}", "seat")
    tariff_row("per_seat", seat, rnd(f"{seat}*{g('headcount')}", "monthly"))
    hourly = rnd(f"{T}*(1+{prem['per_hour']})/{g('hours')}", "hourly")
    tariff_row("per_hour", hourly, rnd(f"{hourly}*{g('hours')}", "monthly"))
    fee = rnd(f"{T}*(1+{prem['fixed']})", "monthly")
    tariff_row("fixed", fee, fee)
    hy = book.models.hybrid
    base = rnd(f"{T}*(1+{prem['hybrid']})*{hy.base_share}", "monthly")
    hy_price, hy_charge = per_unit(f"{T}*(1+{prem['hybrid']})-{base}", hy.variable_unit)
    tariff_row("hybrid", hy_price, rnd(f"{base}+{hy_charge}", "monthly"))
    pf = book.models.performance
    pbase = rnd(f"{T}*(1+{prem['performance']})", "monthly")
    at_risk = rnd(f"{pbase}*{pf.at_risk_share}", "line")
    credit = rnd(f"MIN({g('missed')}*{at_risk},{pbase}*{pf.credit_cap})", "line")
    tariff_row("performance", pbase, rnd(f"{pbase}-{credit}", "monthly"))
    del pm_unit
    wt.column_dimensions["A"].width = 40
    for col in "BCDE":
        wt.column_dimensions[col].width = 22

    # ---------------------------------------------------------------- scenarios (engine values)
    wsc = sheets["scenarios"]
    wsc["A1"] = t["engine_note"]
    names = {k: (m.name_fa if lang == "fa" else m.name) for k, m in quote.tariffs.items()}
    header = [t["scenario"]]
    for key in PRICED:
        header += [f"{names[key]}: {t['client_cost']}", f"{names[key]}: {t['margin_of']}"]
    wsc.append(header)
    for sc in quote.scenarios:
        row: list[Any] = [sc.label_fa if lang == "fa" else sc.label]
        for key in PRICED:
            bill = sc.bills[key]
            row += [float(bill), float((bill - sc.provider_cost) / bill) if bill else 0.0]
        wsc.append(row)
        for j in range(2, len(row) + 1):
            wsc.cell(wsc.max_row, j).number_format = money_fmt if j % 2 == 0 else "0.0%"
    wsc.column_dimensions["A"].width = 28

    # ---------------------------------------------------------------- summary
    ws = sheets["summary"]
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
        ws.cell(i, 1, k).font = bold
        c = ws.cell(i, 2, v)
        c.data_type = "s"  # a client name like "=HYPERLINK(...)" stays text
    ws.append([])
    ws.append([t["model"], t["monthly"], t["with_vat"], t["display"]])
    for c in ws[ws.max_row]:
        c.font = bold
    for key in PRICED:
        j = ws.max_row + 1
        tr = rows_t[key]
        ws.cell(j, 1, f"='{wt.title}'!A{tr}")
        ws.cell(j, 2, f"='{wt.title}'!C{tr}/IF(show_toman=1,10,1)").number_format = money_fmt
        ws.cell(j, 3, f"='{wt.title}'!E{tr}/IF(show_toman=1,10,1)").number_format = money_fmt
        ws.cell(j, 4, '=IF(show_toman=1,"' + ("تومان" if lang == "fa" else "Toman") + '","' + book.currency + '")')
    ws.column_dimensions["A"].width = 40
    for col in "BCD":
        ws.column_dimensions[col].width = 24

    # ---------------------------------------------------------------- staffing and chart
    wst = sheets["staffing"]
    queues = quote.plan.queues
    wst.append([t["day"], t["start"], t["calls"]] + [f"{q.channel} {q.language}" for q in queues])
    n = len(queues[0].intervals) if queues else 0
    for i in range(n):
        iv = queues[0].intervals[i]
        wst.append([iv.day, iv.start, round(sum(q.intervals[i].calls for q in queues), 2)]
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

    # ---------------------------------------------------------------- assumptions
    wa = sheets["assumptions"]
    wa.append([t["book"], f"{book.name}: {book.title} (as of {book.as_of.isoformat()})"])
    wa.append(["Staffing grid", "volume -40%..+40% in 5% steps x handle time -10%..+10% in 5% steps; engine runs"])
    wa.append(["Shift plan", quote.shift_use.note])
    for note in quote.plan.notes:
        wa.append(["Note", note])
    wa.column_dimensions["A"].width = 22
    wa.column_dimensions["B"].width = 110

    # ---------------------------------------------------------------- page set-up, font, protection
    for sheet in sheets.values():
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if lang == "fa":  # a font that shapes Persian in Excel (Tahoma) with a free fallback in LibreOffice
            for row in sheet.iter_rows():
                for cell in row:
                    cell.font = Font(name=PERSIAN_FONT, bold=cell.font.bold)
        sheet.protection.sheet = True
    return _save(wb, Path(path), f"{quote.date.isoformat()}T00:00:00Z")


def _accrual_formula(book: Any, wage: str, rnd: Any) -> str:
    """Excel text of costing.accrual_monthly for the wage in cell ``wage``."""
    ac, days = book.accruals, book.labour.days_per_month
    eydi = f"{ac.eydi_days}*{wage}/{days}"
    if ac.eydi_cap_minimum_wage_days is not None:
        eydi = f"MIN({eydi},{ac.eydi_cap_minimum_wage_days * book.labour.minimum_wage_monthly / days})"
    return rnd(f"({eydi}+{ac.severance_days_per_year}*{wage}/{days})/12", "line")


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
