"""A generic interval CSV: one row per interval (and queue), with a header.

Columns (names matched without case, spaces or underscores; ``--map offered=Calls,...`` names others):
``interval`` (its start, local time: ``2026-01-03 08:30``, ISO ``T`` form, or Jalali ``1404-10-13 08:30``;
or separate ``date`` and ``time`` columns), ``offered``, ``answered``, ``abandoned``, ``aht`` (average handle
time of the answered calls, seconds: talk + hold + wrap as the system counts it); optional ``queue``,
``language``, ``channel`` (together they name the queue), ``answered_in_sl`` (answered within the answer
time), ``asa`` (mean wait of the answered, s), ``abandon_wait`` (mean wait of the abandoned, s: with ``asa`` it
gives the callers' total wait, hence the patience), ``short_abandoned``. Persian and Arabic digits are read.
Rows coarser than ``--interval`` are spread evenly over its intervals.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable

from quoter.errors import InputError
from quoter.history.tally import (
    ABANDONED,
    ANSWERED,
    HANDLE,
    HANDLED,
    IN_SL,
    OFFERED,
    SHORT,
    WAIT_ALL,
    WAIT_ANSWERED,
    WAITED,
    Tally,
)

ALIASES: dict[str, tuple[str, ...]] = {
    "interval": ("interval", "intervalstart", "start", "datetime", "period", "timestamp"),
    "date": ("date", "day"),
    "time": ("time", "hour"),
    "offered": ("offered", "calls", "callsoffered", "received", "incoming"),
    "answered": ("answered", "handled", "callsanswered"),
    "abandoned": ("abandoned", "abandons", "callsabandoned", "lost"),
    "aht": ("aht", "ahtseconds", "averagehandletime", "handletime"),
    "queue": ("queue", "queuename", "skill", "split"),
    "language": ("language", "lang"),
    "channel": ("channel",),
    "answered_in_sl": ("answeredinsl", "answeredwithinsl", "withinsl", "insl"),
    "asa": ("asa", "asaseconds", "averagespeedofanswer"),
    "abandon_wait": ("abandonwait", "averageabandontime", "abandontime", "timetoabandon"),
    "short_abandoned": ("shortabandoned", "shortabandons"),
}
REQUIRED = ("offered", "answered", "abandoned", "aht")
_DIGITS: dict[int, int | None] = {0x06F0 + i: ord("0") + i for i in range(10)}
_DIGITS |= {0x0660 + i: ord("0") + i for i in range(10)}
_DIGITS |= {0x066B: ord("."), 0x066C: None, 0x060C: None}  # Arabic decimal and thousands separators


def _norm(name: str) -> str:
    return "".join(c for c in name.lower().translate(_DIGITS) if c.isalnum())


def looks_like(first_lines: list[str]) -> bool:
    rows = list(csv.reader(first_lines[:1]))
    if not rows:
        return False
    names = {_norm(h) for h in rows[0]}
    return sum(any(a in names for a in ALIASES[k]) for k in REQUIRED) >= 2


def columns(header: list[str], mapping: dict[str, str], tally: Tally) -> dict[str, int]:
    """Canonical column -> index; unknown columns are named as a problem; missing required ones are an error."""
    norm = [_norm(h) for h in header]
    out: dict[str, int] = {}
    for key, given in mapping.items():
        if key not in ALIASES:
            raise InputError(f"--map: '{key}' is not a column this reader knows ({', '.join(ALIASES)})")
        if _norm(given) not in norm:
            raise InputError(f"--map: {key}={given}: the file has no column '{given}'")
        out[key] = norm.index(_norm(given))
    for key, aliases in ALIASES.items():
        if key not in out:
            hit = next((i for i, n in enumerate(norm) if n in aliases and i not in out.values()), None)
            if hit is not None:
                out[key] = hit
    for i, h in enumerate(header):
        if i not in out.values():
            tally.problem("unknown_column", "columns this reader does not know (ignored)", None, h)
    missing = [k for k in REQUIRED if k not in out]
    if "interval" not in out and not {"date", "time"} <= out.keys():
        missing.insert(0, "interval (or date and time)")
    if missing:
        raise InputError(f"interval CSV: no column for {', '.join(missing)} (name it with --map KEY=COLUMN)")
    return out


def parse_start(text: str) -> dt.datetime:
    """A local interval start: Gregorian or Jalali (a year before 1700) date, then HH:MM[:SS]."""
    from quoter.calendar import from_jalali

    t = text.translate(_DIGITS).strip().replace("T", " ").replace("/", "-")
    day, _, clock = t.partition(" ")
    y = int(day.split("-")[0])
    d = from_jalali(day) if y < 1700 else dt.date.fromisoformat(day)
    hh, mm, *_ = (clock or "00:00").split(":")
    return dt.datetime(d.year, d.month, d.day, int(hh), int(mm))


Row = tuple[int, str, dt.datetime, dict[str, float]]


def read(lines: Iterable[str], tally: Tally, mapping: dict[str, str], change_dates: set[dt.date]) -> None:
    """Add an interval CSV's rows to ``tally``. ``change_dates``: local dates of clock changes (a repeated
    interval on such a day is the repeated hour of the change and is added, not skipped)."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None:
        raise InputError("interval CSV: the file is empty")
    cols = columns(header, mapping, tally)
    rows: list[Row] = []
    for lineno, row in enumerate(reader, 2):
        if not any(c.strip() for c in row):
            continue
        parsed = _row(row, cols, lineno, tally)
        if parsed is not None:
            rows.append(parsed)
    _add(rows, tally, change_dates)
    tally.sources.append("csv")
    tally.aht_parts.update(("talk", "hold", "wrap"))


def _row(row: list[str], cols: dict[str, int], lineno: int, tally: Tally) -> Row | None:
    if len(row) <= max(cols.values()):
        tally.problem("missing_fields", "rows with missing fields", lineno)
        return None
    try:
        when = row[cols["interval"]] if "interval" in cols else f"{row[cols['date']]} {row[cols['time']]}"
        start = parse_start(when)
        values = {k: _number(row[i]) for k, i in cols.items() if k not in ("interval", "date", "time", *_NAMES)}
    except (ValueError, IndexError):
        tally.problem("bad_value", "rows with a time or number that cannot be read", lineno)
        return None
    if any(v is None for k, v in values.items() if k in REQUIRED):
        tally.problem("missing_fields", "rows with missing fields", lineno)
        return None
    queue = "/".join(row[cols[k]].strip() for k in _NAMES if k in cols and row[cols[k]].strip()) or "default"
    return lineno, queue, start, {k: v for k, v in values.items() if v is not None}


_NAMES = ("queue", "language", "channel")


def _number(text: str) -> float | None:
    t = text.translate(_DIGITS).replace(",", "").strip()
    if not t:
        return None
    v = float(t)
    if v < 0 or v != v or v in (float("inf"),):
        raise ValueError(text)
    return v


def _step_minutes(rows: list[Row]) -> int:
    """The file's interval: the smallest gap between two starts of one queue (minutes, at most a day)."""
    gaps: dict[str, set[dt.datetime]] = {}
    for _, q, start, _ in rows:
        gaps.setdefault(q, set()).add(start)
    best = 1440
    for starts in gaps.values():
        ordered = sorted(starts)
        for a, b in zip(ordered, ordered[1:], strict=False):
            best = min(best, int((b - a).total_seconds() // 60) or best)
    return best


def _add(rows: list[Row], tally: Tally, change_dates: set[dt.date]) -> None:
    step = max(_step_minutes(rows) * 60, tally.interval_s)
    parts = step // tally.interval_s
    seen: set[tuple[str, dt.datetime]] = set()
    last: dt.datetime | None = None
    for lineno, q, start, v in rows:
        if last is not None and start < last and start.date() not in change_dates:
            tally.problem("out_of_order", "rows earlier than the row above them", lineno)
        last = start if last is None else max(last, start)
        if (q, start) in seen:
            if start.date() in change_dates:
                tally.problem("clock_change", "intervals repeated by a clock change (added)", lineno)
            else:
                tally.problem("duplicate_call", "repeated intervals (skipped)", lineno)
                continue
        seen.add((q, start))
        local = (start - dt.datetime(1970, 1, 1)).total_seconds()
        for k in range(parts):
            _interval(tally.bin(q, local + k * tally.interval_s), v, 1 / parts)


def _interval(b: list[float], v: dict[str, float], share: float) -> None:
    answered, abandoned = v["answered"] * share, v["abandoned"] * share
    b[OFFERED] += v["offered"] * share
    b[ANSWERED] += answered
    b[ABANDONED] += abandoned
    b[HANDLE] += v["aht"] * answered
    b[HANDLED] += answered
    b[IN_SL] += v.get("answered_in_sl", float("nan")) * share
    b[SHORT] += v.get("short_abandoned", float("nan")) * share
    if "asa" in v:
        b[WAIT_ANSWERED] += v["asa"] * answered
    else:
        b[WAIT_ANSWERED] = float("nan")
    if "asa" in v and "abandon_wait" in v:
        b[WAIT_ALL] += v["asa"] * answered + v["abandon_wait"] * abandoned
        b[WAITED] += answered + abandoned
    else:
        b[WAIT_ALL] = float("nan")
