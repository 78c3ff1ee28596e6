"""One home for the calendar: the Iranian week, times of day, windows, weeks per month and Jalali dates.

The week starts on Saturday (index 0) and Friday is the weekly rest day. A month is 365.25/12 days, in
weeks :data:`WEEKS_PER_MONTH` (the staffing planner, the cost build-up and the documents use this one figure).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache

DAYS: tuple[str, ...] = ("sat", "sun", "mon", "tue", "wed", "thu", "fri")
"""Days of the Iranian week, Saturday first (index 0)."""

DAYS_PER_YEAR = Decimal("365.25")
WEEKS_PER_MONTH = DAYS_PER_YEAR / 12 / 7
"""A month is 365.25/12 days, in weeks (Decimal, for money)."""
WEEKS_PER_MONTH_F = float(WEEKS_PER_MONTH)
"""The same, as a float (for staffing arithmetic)."""
MINUTES_PER_DAY = 1440
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


@lru_cache(maxsize=4096)
def parse_time(text: str, *, allow_24: bool = False) -> int:
    """``'HH:MM'`` -> minutes after midnight; ``'24:00'`` only with ``allow_24`` (the end of a day).

    Raises ``ValueError`` with a message fit for a validation error.
    """
    m = _TIME.match(str(text).strip())
    if not m:
        raise ValueError(f"'{text}' is not a time of day HH:MM")
    h, mi = int(m.group(1)), int(m.group(2))
    if mi >= 60 or h > 24 or (h == 24 and (mi or not allow_24)):
        raise ValueError(f"'{text}' is not a valid time of day")
    return h * 60 + mi


@lru_cache(maxsize=4096)
def format_time(minutes: int) -> str:
    """Minutes after midnight -> ``'HH:MM'`` (wrapping past midnight)."""
    minutes %= MINUTES_PER_DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_window(text: str) -> tuple[int, int]:
    """``'22:00-06:00'`` -> ``(1320, 360)`` minutes after midnight; the window may cross midnight."""
    start, sep, end = str(text).replace(" ", "").partition("-")
    if not (sep and _TIME.match(start) and _TIME.match(end)):
        raise ValueError(f"'{text}' is not a window like '22:00-06:00'")
    a, b = parse_time(start), parse_time(end, allow_24=True) % MINUTES_PER_DAY
    if a == b:
        raise ValueError(f"'{text}' is empty")
    return a, b


def in_window(minute: int, start: int, end: int) -> bool:
    """Whether ``minute`` after midnight lies in ``[start, end)``, a window that may cross midnight."""
    return start <= minute < end if start < end else minute >= start or minute < end


def clock_shift_minutes(service_tz: str, local_tz: str, on_date: dt.date) -> int:
    """Minutes to add to a time on ``service_tz``'s clock (the client's) to read it on ``local_tz``'s clock
    (the agents'), at noon of ``on_date`` (so daylight saving is that of the date, e.g. a price book's as-of).

    ``clock_shift_minutes("Europe/London", "Asia/Tehran", dt.date(2026, 11, 22))`` is 210: 18:30 in London
    is 22:00 in Tehran.
    """
    from zoneinfo import ZoneInfo

    noon = dt.datetime.combine(on_date, dt.time(12))
    service = noon.replace(tzinfo=ZoneInfo(service_tz)).utcoffset()
    local = noon.replace(tzinfo=ZoneInfo(local_tz)).utcoffset()
    return int(((local or dt.timedelta()) - (service or dt.timedelta())).total_seconds() // 60)


def jalali(d: dt.date) -> str:
    """A Gregorian date as its Jalali ``YYYY-MM-DD``."""
    import jdatetime

    return str(jdatetime.date.fromgregorian(date=d).strftime("%Y-%m-%d"))


def jalali_year(d: dt.date) -> int:
    """The Jalali year of a Gregorian date."""
    import jdatetime

    return int(jdatetime.date.fromgregorian(date=d).year)


def from_jalali(text: str) -> dt.date:
    """A Jalali ``YYYY-MM-DD`` as a Gregorian date (``ValueError`` if it is no such day)."""
    import jdatetime

    y, m, d = (int(x) for x in text.split("-"))
    return dt.date.fromisoformat(jdatetime.date(y, m, d).togregorian().isoformat())


def jalali_month(d: dt.date) -> tuple[int, int]:
    """(Jalali year, month 1..12) of a Gregorian date."""
    import jdatetime

    j = jdatetime.date.fromgregorian(date=d)
    return int(j.year), int(j.month)


def jalali_month_start(year: int, month: int) -> dt.date:
    """The Gregorian date of the first day of Jalali ``year``-``month`` (month may run past 12)."""
    import jdatetime

    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date.fromisoformat(jdatetime.date(year, month, 1).togregorian().isoformat())
