"""The request-for-information workbook: written for a client to fill (English, or Persian right to left),
read back into requirements.

Every input cell is unlocked and carries a defined name spelled as its requirements path with underscores
(``channels_voice_aht_seconds``); the rest of each sheet is protected (no password). The reader finds the
cells by those names, so a client's own system can fill the form, and reports every bad cell by sheet and
cell address with the requirements model's own message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.render.intake import cells
from quoter.render.intake.fields import CHANNELS, DAYS, FIELDS, SECTIONS, Field

FORM_VERSION = 1
LANG_ROWS = 10
HISTORY_ROWS = 500
SHEETS = {
    "en": {"main": "Request", "hours": "Hours", "languages": "Languages", "history": "History"},
    "fa": {"main": "درخواست", "hours": "ساعات کار", "languages": "زبان‌ها", "history": "سابقه"},
}
DAY_NAMES = {
    "en": ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "fa": ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"),
}
YES_NO = {"en": ("yes", "no"), "fa": ("بله", "خیر")}
HOURS_CHOICE = {"en": ("24/7", "by day"), "fa": ("شبانه‌روزی", "روزهای مشخص")}
CHANNEL_NAMES = {
    "en": {"service": "Service", "voice": "Calls", "chat": "Chat", "email": "E-mail", "outbound": "Outbound"},
    "fa": {"service": "کل خدمت", "voice": "تماس", "chat": "گفتگو", "email": "رایانامه", "outbound": "خروجی"},
}
HISTORY_COLUMNS = ("date", "start", "channel", "offered", "answered", "aht_seconds")


@dataclass(frozen=True)
class Cell:
    """Where a value sits: ``sheet`` and ``ref`` (``B7``, or a range ``B3:B9``)."""

    sheet: str
    ref: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


@dataclass
class Filled:
    """A form read back: the requirements data (before validation), where each path came from, the
    interval history rows, and the problems found before validation."""

    data: dict[str, Any] = field(default_factory=dict)
    where: dict[str, Cell] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lang: str = "en"


def _ref(sheet: str, ref: str) -> str:
    """A defined name's destination: ``'Sheet'!$B$7``."""
    parts = [f"${''.join(c for c in p if c.isalpha())}${''.join(c for c in p if c.isdigit())}" for p in ref.split(":")]
    return f"'{sheet}'!{':'.join(parts)}"


def main_rows() -> list[tuple[int, str, Field | None]]:
    """The main sheet's rows: ``(row, section, None)`` for a section's title, ``(row, section, field)`` after."""
    out: list[tuple[int, str, Field | None]] = []
    row = 4
    for section, fields in SECTIONS.items():
        out.append((row, section, None))
        out += [(row + 1 + i, section, f) for i, f in enumerate(fields)]
        row += len(fields) + 2
    return out


def names(lang: str) -> dict[str, Cell]:
    """Every defined name of a form in ``lang`` and its cell (the layout; the reader uses the names)."""
    s = SHEETS[lang]
    out: dict[str, Cell] = {}
    for row, _section, f in main_rows():
        if f is not None:
            out[f.name] = Cell(s["main"], f"B{row}")
    cols = "BCDEF"
    for j, owner in enumerate(("service", *CHANNELS)):
        prefix = "service_hours" if owner == "service" else f"channels_{owner}_hours"
        for i, day in enumerate(DAYS):
            out[f"{prefix}_{day}"] = Cell(s["hours"], f"{cols[j]}{4 + i}")
    last = 3 + LANG_ROWS
    out["languages_code"] = Cell(s["languages"], f"A4:A{last}")
    out["languages_share"] = Cell(s["languages"], f"B4:B{last}")
    out["pools"] = Cell(s["languages"], f"C4:C{last}")
    for j, ch in enumerate(CHANNELS):
        out[f"channels_{ch}_languages"] = Cell(s["languages"], f"{'DEFG'[j]}4:{'DEFG'[j]}{last}")
    out["history"] = Cell(s["history"], f"A4:F{3 + HISTORY_ROWS}")
    return out


def write_form(path: Path, lang: str = "en", prefill: Any = None) -> Path:
    """Write the form to ``path`` (``prefill``: a Requirements whose values fill the cells, for a check-back)."""
    from openpyxl import Workbook

    from quoter.render.intake.layout import lay_out

    if lang not in SHEETS:
        raise InputError(f"--lang: '{lang}' is not one of {', '.join(SHEETS)}")
    wb = Workbook()
    values = prefill_values(prefill, lang) if prefill is not None else {}
    lay_out(wb, lang, names(lang), values)
    wb.save(path)
    return path


def prefill_values(req: Any, lang: str) -> dict[str, Any]:
    """The cell values (by defined name; lists for ranges) that give back ``req`` when read."""
    out: dict[str, Any] = {}
    for f in FIELDS:
        value = _get(req, f.path)
        if value is None or (f.path == "service.hours" and value != "24/7"):
            continue
        out[f.name] = _cell_value(f, value, lang)
    if req.service.hours != "24/7":
        out["service_hours"] = HOURS_CHOICE[lang][1]
        for day, text in cells.spread_days(req.service.hours).items():
            out[f"service_hours_{day}"] = text
    for key, spec in req.channels.present().items():
        if key in CHANNELS and getattr(spec, "hours", None) is not None:
            for day, text in cells.spread_days(spec.hours).items():
                out[f"channels_{key}_hours_{day}"] = text
    codes = list(req.languages)
    out["languages_code"] = codes
    out["languages_share"] = [req.languages[c] for c in codes]
    pool_of = {lang_: f"P{i + 1}" for i, pool in enumerate(req.pools) for lang_ in pool}
    out["pools"] = [pool_of.get(c) for c in codes]
    for key, spec in req.channels.present().items():
        if key in CHANNELS and getattr(spec, "languages", None) is not None:
            out[f"channels_{key}_languages"] = [spec.languages.get(c) for c in codes]
    return out


def _get(req: Any, path: str) -> Any:
    obj = req
    for i, part in enumerate(path.split(".")):
        obj = obj.section(part) if i == 1 and path.startswith("channels.") else getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _cell_value(f: Field, value: Any, lang: str) -> Any:
    if f.kind == "bool":
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, list | tuple):
        return ", ".join(format(v, "g") for v in value)
    if f.kind == "choice" and f.path == "service.hours":
        return HOURS_CHOICE[lang][0]
    if f.kind == "choice" and f.path.endswith("interval_minutes"):
        return str(value)
    return value


# ---------------------------------------------------------------- reading
def read_form(path: Path) -> Filled:
    """Read a filled form into requirements data (every unreadable cell listed in ``problems``)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise InputError(f"intake form not found: {path}") from None
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    if "quoter_form" not in wb.defined_names:
        raise InputError(f"{path}: not a quoter intake form (no defined name quoter_form; see `quoter intake`)")
    from quoter.render.intake.reading import read_cells

    return read_cells(wb, path)


def load_form(path: Path) -> Any:
    """A filled form as validated Requirements; InputError listing every bad cell (sheet!cell: message)."""
    from quoter.render.intake.reading import validate_filled

    return validate_filled(read_form(path), path)
