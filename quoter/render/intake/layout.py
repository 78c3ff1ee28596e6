"""The form's sheets laid out with openpyxl: labels, unlocked input cells with their defined names, drop-downs
and ranges, instructions beside each field; Persian sheets right to left."""

from __future__ import annotations

from typing import Any

from quoter.render.intake.fields import CHANNELS, DAYS, SECTION_TITLES, Field

TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Request for information: your contact centre",
        "intro": "Fill the white cells; leave a cell empty when you do not know (our defaults apply). "
        "Numbers may be typed with Persian or Latin digits.",
        "head": ("Question", "Your answer", "How to fill it"),
        "hours_title": "Opening hours, day by day (on the service's clock)",
        "hours_intro": "One range per cell (08:00-20:00), several separated by commas, 'closed' or '24h'. "
        "A channel left empty keeps the service's hours.",
        "lang_title": "Languages: the share of contacts in each",
        "lang_intro": "Codes such as fa, en, ar; shares add up to 100%. Languages with the same pool label are "
        "answered by the same agents. The channel columns are optional (the channel's own shares).",
        "lang_head": ("Language code", "Share", "Pool"),
        "hist_title": "Interval history (optional): what your lines received, interval by interval",
        "hist_intro": "Date (2026-10-01 or 1405-07-09), interval start (08:30), channel (voice, chat, email, "
        "outbound), contacts offered, answered, average handle time in seconds.",
        "hist_head": ("Date", "Start", "Channel", "Offered", "Answered", "AHT (s)"),
        "prompt": "Type a number",
    },
    "fa": {
        "title": "درخواست اطلاعات: مرکز تماس شما",
        "intro": "خانه‌های سفید را پر کنید؛ اگر پاسخی را نمی‌دانید خانه را خالی بگذارید تا مقدار پیش‌فرض ما به کار رود. "
        "اعداد را می‌توانید با رقم فارسی یا لاتین بنویسید.",
        "head": ("پرسش", "پاسخ شما", "راهنمای پر کردن"),
        "hours_title": "ساعات کار، روز به روز (به وقت محل خدمت)",
        "hours_intro": "در هر خانه یک بازه مانند 08:00-20:00، یا چند بازه جدا با ویرگول، یا «تعطیل» یا «شبانه‌روز». "
        "ستون کانالی که خالی بماند همان ساعات کل خدمت را دارد.",
        "lang_title": "زبان‌ها: سهم هر زبان از تماس‌ها",
        "lang_intro": "کد زبان مانند fa، en، ar؛ جمع سهم‌ها ۱۰۰٪ است. زبان‌هایی که برچسب گروه یکسان دارند را "
        "کارشناسان مشترک پاسخ می‌دهند. ستون‌های کانال‌ها اختیاری است (سهم ویژه آن کانال).",
        "lang_head": ("کد زبان", "سهم", "گروه مشترک"),
        "hist_title": "سابقه بازه‌ای (اختیاری): آنچه خطوط شما در هر بازه دریافت کرده‌اند",
        "hist_intro": "تاریخ (۱۴۰۵-۰۷-۰۹ یا 2026-10-01)، آغاز بازه (08:30)، کانال (voice، chat، email، outbound)، "
        "تعداد ورودی، تعداد پاسخ‌داده‌شده، میانگین زمان رسیدگی به ثانیه.",
        "hist_head": ("تاریخ", "آغاز بازه", "کانال", "ورودی", "پاسخ‌داده‌شده", "زمان رسیدگی (ثانیه)"),
        "prompt": "یک عدد بنویسید",
    },
}


def lay_out(wb: Any, lang: str, where: dict[str, Any], values: dict[str, Any]) -> None:
    """Fill workbook ``wb`` (its first sheet reused) with the form's sheets, names and ``values``."""
    from openpyxl.workbook.defined_name import DefinedName

    from quoter.render.intake.form import FORM_VERSION, SHEETS

    s = SHEETS[lang]
    main = wb.active
    main.title = s["main"]
    _main_sheet(main, lang, where, values)
    _hours_sheet(wb.create_sheet(s["hours"]), lang, where, values)
    _languages_sheet(wb.create_sheet(s["languages"]), lang, where, values)
    _history_sheet(wb.create_sheet(s["history"]), lang)
    meta = wb.create_sheet("quoter")
    meta["A1"], meta["B1"], meta["A2"], meta["B2"] = "form_version", FORM_VERSION, "lang", lang
    meta.sheet_state = "hidden"
    wb.defined_names["quoter_form"] = DefinedName("quoter_form", attr_text="'quoter'!$B$1")
    for name, cell in where.items():
        from quoter.render.intake.form import _ref

        wb.defined_names[name] = DefinedName(name, attr_text=_ref(cell.sheet, cell.ref))
    for ws in wb.worksheets:
        ws.sheet_view.rightToLeft = lang == "fa"
        ws.protection.sheet = True  # no password: protection guards the layout, not a secret


def _styles(lang: str) -> dict[str, Any]:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    order = 2 if lang == "fa" else 1
    font = "Tahoma" if lang == "fa" else "Calibri"
    return {
        "title": Font(name=font, bold=True, size=14),
        "head": Font(name=font, bold=True),
        "font": Font(name=font),
        "wrap": Alignment(wrap_text=True, vertical="top", readingOrder=order),
        "input": PatternFill("solid", fgColor="FFFFFF"),
        "fixed": PatternFill("solid", fgColor="EEF1F5"),
        "section": PatternFill("solid", fgColor="D9E2F3"),
        "open": Protection(locked=False),
    }


def _input(ws: Any, ref: str, st: dict[str, Any], value: Any = None, number_format: str | None = None) -> None:
    c = ws[ref]
    if value is not None:
        c.value = value
        if isinstance(value, str):
            c.data_type = "s"  # text that starts with = + - @ stays text, never a formula
    c.protection, c.fill, c.font = st["open"], st["input"], st["font"]
    if number_format:
        c.number_format = number_format


def _heading(ws: Any, lang: str, title: str, intro: str, span: str, st: dict[str, Any]) -> None:
    ws["A1"], ws["A2"] = title, intro
    ws["A1"].font, ws["A2"].font, ws["A2"].alignment = st["title"], st["font"], st["wrap"]
    ws.merge_cells(f"A2:{span}2")
    ws.row_dimensions[2].height = 45


def _main_sheet(ws: Any, lang: str, where: dict[str, Any], values: dict[str, Any]) -> None:
    from quoter.render.intake.form import main_rows

    t, st = TEXT[lang], _styles(lang)
    _heading(ws, lang, t["title"], t["intro"], "C", st)
    for col, text in zip("ABC", t["head"], strict=True):
        ws[f"{col}3"], ws[f"{col}3"].font = text, st["head"]
    for row, section, f in main_rows():
        if f is None:
            ws[f"A{row}"] = SECTION_TITLES[section][1 if lang == "fa" else 0]
            for col in "ABC":
                ws[f"{col}{row}"].fill, ws[f"{col}{row}"].font = st["section"], st["head"]
            continue
        ws[f"A{row}"], ws[f"C{row}"] = f.label(lang), f.help(lang)
        for col in "AC":
            ws[f"{col}{row}"].alignment, ws[f"{col}{row}"].font = st["wrap"], st["font"]
        _input(ws, f"B{row}", st, values.get(f.name), _format(f))
        _validate(ws, f, f"B{row}", lang)
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 40, 28, 70
    ws.freeze_panes = "A4"


def _format(f: Field) -> str | None:
    return {"share": "0.0%", "number": "#,##0.##", "int": "0", "text": "@", "date": "@"}.get(f.kind)


def _validate(ws: Any, f: Field, ref: str, lang: str) -> None:
    """A drop-down for a choice or yes/no; a range for a number (a warning, so Persian digits typed as text
    pass: the reader reads them)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    from quoter.render.intake.form import HOURS_CHOICE, YES_NO

    if f.kind in ("choice", "bool"):
        options = YES_NO[lang] if f.kind == "bool" else HOURS_CHOICE[lang] if f.path == "service.hours" else f.choices
        dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        dv.errorStyle = "stop" if f.strict_choice else "warning"
    elif f.kind in ("number", "share", "int") and f.low is not None:
        high = f.high if f.high is not None else 1e12
        dv = DataValidation(type="whole" if f.kind == "int" else "decimal", operator="between",
                            formula1=str(f.low), formula2=str(high), allow_blank=True)  # fmt: skip
        dv.errorStyle = "warning"
        dv.error = f"{TEXT[lang]['prompt']}: {f.low:g} - {high:g}"
    else:
        return
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    dv.add(ref)


def _hours_sheet(ws: Any, lang: str, where: dict[str, Any], values: dict[str, Any]) -> None:
    from quoter.render.intake.form import CHANNEL_NAMES, DAY_NAMES

    t, st = TEXT[lang], _styles(lang)
    _heading(ws, lang, t["hours_title"], t["hours_intro"], "F", st)
    owners = ("service", *CHANNELS)
    for j, owner in enumerate(owners):
        col = "BCDEF"[j]
        ws[f"{col}3"], ws[f"{col}3"].font = CHANNEL_NAMES[lang][owner], st["head"]
        ws.column_dimensions[col].width = 22
        prefix = "service_hours" if owner == "service" else f"channels_{owner}_hours"
        for i, day in enumerate(DAYS):
            ws[f"A{4 + i}"], ws[f"A{4 + i}"].font = DAY_NAMES[lang][i], st["head"]
            _input(ws, where[f"{prefix}_{day}"].ref, st, values.get(f"{prefix}_{day}"), "@")
    ws.column_dimensions["A"].width = 16


def _languages_sheet(ws: Any, lang: str, where: dict[str, Any], values: dict[str, Any]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    from quoter.render.intake.form import CHANNEL_NAMES, LANG_ROWS

    t, st = TEXT[lang], _styles(lang)
    _heading(ws, lang, t["lang_title"], t["lang_intro"], "G", st)
    heads = (*t["lang_head"], *(CHANNEL_NAMES[lang][c] for c in CHANNELS))
    names = ("languages_code", "languages_share", "pools", *(f"channels_{c}_languages" for c in CHANNELS))
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
    dv.errorStyle, dv.error = "warning", f"{t['prompt']}: 0% - 100%"
    ws.add_data_validation(dv)
    for j, (head, name) in enumerate(zip(heads, names, strict=True)):
        col = "ABCDEFG"[j]
        ws[f"{col}3"], ws[f"{col}3"].font = head, st["head"]
        ws.column_dimensions[col].width = 16
        column = list(values.get(name) or [])
        for i in range(LANG_ROWS):
            fmt = "@" if j in (0, 2) else "0.0%"
            _input(ws, f"{col}{4 + i}", st, column[i] if i < len(column) else None, fmt)
            if fmt != "@":
                dv.add(f"{col}{4 + i}")


def _history_sheet(ws: Any, lang: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    from quoter.render.intake.form import HISTORY_ROWS

    t, st = TEXT[lang], _styles(lang)
    _heading(ws, lang, t["hist_title"], t["hist_intro"], "F", st)
    for j, head in enumerate(t["hist_head"]):
        col = "ABCDEF"[j]
        ws[f"{col}3"], ws[f"{col}3"].font = head, st["head"]
        ws.column_dimensions[col].width = 16
        for r in range(4, 4 + HISTORY_ROWS):
            _input(ws, f"{col}{r}", st, None, "@" if j < 3 else None)
    dv = DataValidation(type="list", formula1='"' + ",".join(CHANNELS) + '"', allow_blank=True)
    ws.add_data_validation(dv)
    dv.add(f"C4:C{3 + HISTORY_ROWS}")
    ws.freeze_panes = "A4"
