"""Local time for the history: UTC offsets of the history's time zone, and the clock changes in its span.

Asterisk's ``queue_log`` stamps events in UTC epoch seconds; calls follow the local clock, so each event is
binned at its local time. Iran kept daylight saving time until 2022 (clocks forward at the start of 1 Farvardin,
back at the end of 30 Shahrivar): older histories cross clock changes. Offsets are looked up per quarter hour
(every zone's changes fall on a quarter hour of UTC) and cached, which keeps a million lines fast.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quoter.errors import InputError

STEP_S = 900


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(f"--timezone: '{name}' is not an IANA time zone such as Asia/Tehran") from None


def _at(tz: ZoneInfo, epoch: int) -> int:
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC).astimezone(tz)
    return int(moment.utcoffset().total_seconds())  # type: ignore[union-attr]


def offset_lookup(tz: ZoneInfo) -> Callable[[int], int]:
    """``offset(epoch)``: the zone's UTC offset in seconds at a UTC epoch second. Cached per UTC day when the
    offset is the same at both ends of the day, else per quarter hour (the day of a clock change)."""
    days: dict[int, int | None] = {}
    quarters: dict[int, int] = {}

    def offset(epoch: int) -> int:
        d = epoch // 86400
        off = days.get(d, -1)
        if off is not None and off != -1:
            return off
        if off == -1:
            a, b = _at(tz, d * 86400), _at(tz, d * 86400 + 86399)
            off = days[d] = a if a == b else None
        if off is not None:
            return off
        k = epoch // STEP_S
        if k not in quarters:
            quarters[k] = _at(tz, k * STEP_S)
        return quarters[k]

    return offset


def clock_changes(tz: ZoneInfo, first_day: int, last_day: int) -> list[dict[str, object]]:
    """The clock changes between two local days (days since 1970-01-01): date and shift in minutes."""
    out: list[dict[str, object]] = []
    epoch0 = dt.date(1970, 1, 1)
    prev: int | None = None
    for day in range(first_day, last_day + 2):
        d = epoch0 + dt.timedelta(days=day)
        noon = dt.datetime(d.year, d.month, d.day, 12, tzinfo=tz)
        off = int(noon.utcoffset().total_seconds())  # type: ignore[union-attr]
        if prev is not None and off != prev:
            out.append({"date": (d - dt.timedelta(days=1)).isoformat(), "minutes": (off - prev) // 60})
        prev = off
    return out


def local_day(d: dt.date) -> int:
    """Days since 1970-01-01 of a local date."""
    return (d - dt.date(1970, 1, 1)).days


def day_date(day: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=day)


def weekday(day: int) -> int:
    """Saturday-first weekday (0 = Saturday) of a day counted from 1970-01-01 (a Thursday)."""
    return (day + 5) % 7


DAYS_FULL: tuple[str, ...] = ("saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday")
