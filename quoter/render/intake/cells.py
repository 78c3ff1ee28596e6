"""What a client types in a cell, read as the requirements model expects it: Persian or Latin digits, Persian
separators, ``85%`` or 0.85, yes/no in both languages, a day's hours, a row of weights.

A value that cannot be read is passed on as written, so the requirements model itself says what is wrong with
it (the same message a YAML file gets).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from quoter.render.intake.fields import DAYS, Field

_DIGITS = {0x06F0 + i: ord("0") + i for i in range(10)} | {0x0660 + i: ord("0") + i for i in range(10)}
_SEPARATORS = str.maketrans({"٫": ".", "٬": "", "،": ",", "٪": "%", "\u00a0": " "})
YES = ("yes", "y", "true", "1", "بله", "آری", "بلی", "درست")
NO = ("no", "n", "false", "0", "خیر", "نه", "نادرست")
CLOSED = ("closed", "تعطیل", "بسته")
ALL_DAY = ("24h", "all day", "شبانه‌روز", "شبانه روز", "۲۴ ساعت", "24 ساعت")


def latin(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits in Latin ones and Persian separators in ASCII ones."""
    return text.translate(_DIGITS).translate(_SEPARATORS).strip()


def number(value: Any) -> Any:
    """A cell's number: as it is, or read from text (``۶۰٬۰۰۰``, ``1,200``, ``85%``); else the text itself."""
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    text = latin(value).replace(" ", "")
    percent = text.endswith("%")
    text = text.rstrip("%")
    if "," in text and "." not in text and all(len(p) == 3 for p in text.split(",")[1:]):
        text = text.replace(",", "")  # thousands
    try:
        out = float(text)
    except ValueError:
        return value.strip()
    return out / 100 if percent else out


def whole(value: Any) -> Any:
    """An integer cell: ``12.0`` and ``"۱۲"`` are 12; anything else is left to the model."""
    value = number(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def boolean(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    text = latin(str(value)).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return value


def text(value: Any) -> Any:
    """A text cell: a number Excel made of digits (an identifier) is written back as its digits."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    return str(value).strip()


def date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return latin(str(value)).replace("/", "-")


def weights(value: Any) -> Any:
    """A profile or seasonality cell: a name, or numbers separated by commas (Persian digits allowed)."""
    if not isinstance(value, str):
        return value
    raw = latin(value)
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    if len(parts) < 2:
        return raw
    values = [number(p) for p in parts]
    return values if all(isinstance(v, float) for v in values) else raw


def read(field: Field, value: Any) -> Any:
    """The value of ``field`` from a cell (not empty), as the requirements model expects it."""
    if field.kind in ("number", "share"):
        return number(value)
    if field.kind == "int":
        return whole(value)
    if field.kind == "bool":
        return boolean(value)
    if field.kind == "date":
        return date(value)
    if field.kind == "choice":
        if field.path.endswith("interval_minutes"):
            return whole(value)
        return weights(value) if not field.strict_choice else latin(str(value))
    return text(value)


def empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------- hours, day by day
def day_ranges(value: Any) -> str | list[str]:
    """One day's cell: ``08:00-20:00``, several ranges separated by commas, ``closed`` or ``24h``."""
    raw = latin(str(value))
    low = raw.lower()
    if low in CLOSED:
        return "closed"
    if low in ALL_DAY:
        return "24h"
    parts = [p.strip().replace(" ", "") for p in raw.replace("؛", ",").replace(";", ",").split(",") if p.strip()]
    return parts[0] if len(parts) == 1 else parts


def group_days(per_day: dict[str, Any]) -> dict[str, str | list[str]]:
    """Days (Saturday first) with the same hours joined into ranges: ``{sat-wed: '08:00-20:00', thu: ...}``."""
    out: dict[str, str | list[str]] = {}
    run: list[str] = []
    for day in (*DAYS, None):
        value = per_day.get(day) if day else None
        if run and (day is None or value != per_day[run[0]]):
            out[run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}"] = per_day[run[0]]
            run = []
        if day is not None and value is not None:
            run.append(day)
    return out


def spread_days(spec: Any) -> dict[str, str]:
    """A requirements hours mapping as one cell text per day (for a prefilled form); '24/7' is every day 24h."""
    from quoter.inputs.requirements import _day_keys

    if isinstance(spec, str):
        return dict.fromkeys(DAYS, "24h")
    out: dict[str, str] = {}
    for key, ranges in spec.items():
        cell = ranges if isinstance(ranges, str) else ", ".join(ranges)
        for i in _day_keys(key):
            out[DAYS[i]] = cell
    return out
