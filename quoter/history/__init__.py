"""The client's own history: volumes, handle times, service and patience from their phone system, and a
forecast of the months ahead.

    history = analyse(["queue_log"], timezone="Asia/Tehran")
    history.queues[0].patience_seconds

Readers: :mod:`~quoter.history.queue_log` (Asterisk/Issabel), :mod:`~quoter.history.cdr` (Asterisk
``Master.csv``), :mod:`~quoter.history.interval_csv` (any interval report). Figures:
:mod:`~quoter.history.estimate`; forecast: :mod:`~quoter.history.forecast`; writing a requirements file:
:mod:`~quoter.history.write`. Docs: docs/history.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import IO, Any

from quoter.errors import InputError
from quoter.history.estimate import QueueFigures
from quoter.history.forecast import Forecast
from quoter.history.tally import Problem, Tally

FORMATS = ("auto", "csv", "queue_log", "cdr")
SNIFF_LINES = 20


@dataclass(frozen=True)
class History:
    sources: list[str]
    timezone: str
    interval_minutes: int
    first_date: dt.date
    last_date: dt.date
    aht_parts: list[str]
    queues: list[QueueFigures]
    total: QueueFigures
    forecast: Forecast | None
    forecast_note: str
    clock_changes: list[dict[str, object]]
    problems: list[Problem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources, "timezone": self.timezone, "interval_minutes": self.interval_minutes,
            "first_date": self.first_date.isoformat(), "last_date": self.last_date.isoformat(),
            "days": (self.last_date - self.first_date).days + 1, "aht_includes": self.aht_parts,
            "queues": [q.to_dict() for q in self.queues], "total": self.total.to_dict(),
            "forecast": None if self.forecast is None else self.forecast.to_dict(),
            "forecast_note": self.forecast_note, "clock_changes": self.clock_changes,
            "problems": [p.to_dict() for p in self.problems],
        }  # fmt: skip


def sniff(path: Path, head: list[str]) -> str:
    from quoter.history import cdr, interval_csv, queue_log

    if queue_log.looks_like(head):
        return "queue_log"
    if cdr.looks_like(head):
        return "cdr"
    if interval_csv.looks_like(head):
        return "csv"
    raise InputError(f"{path}: neither an interval CSV, an Asterisk queue_log nor a CDR Master.csv")


def _open(path: Path) -> IO[str]:
    try:
        return path.open(encoding="utf-8-sig", errors="replace", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def _batches(f: IO[str], advance: Callable[[float], None]) -> Iterator[list[str]]:
    """The file's lines a megabyte at a time, reporting progress (characters, about bytes) after each batch."""
    while batch := f.readlines(1 << 20):
        yield batch
        advance(sum(map(len, batch)))


def _read_file(path: Path, fmt: str, tally: Tally, tz: Any, mapping: dict[str, str], advance: Any) -> None:
    from quoter.history import cdr, clock, interval_csv, queue_log

    with _open(path) as f:
        head = [line for _, line in zip(range(SNIFF_LINES), f, strict=False)]
        kind = fmt if fmt != "auto" else "csv" if mapping else sniff(path, head)  # a column mapping means CSV
        f.seek(0)
        batches = _batches(f, advance)
        lines = chain.from_iterable(batches)
        if kind == "queue_log":
            queue_log.read(batches, tally, clock.offset_lookup(tz))
        elif kind == "cdr":
            cdr.read(lines, tally)
        else:
            interval_csv.read(lines, tally, mapping, _change_dates(tz))


def _change_dates(tz: Any) -> set[dt.date]:
    from quoter.history.clock import clock_changes, local_day

    changes = clock_changes(tz, local_day(dt.date(1990, 1, 1)), local_day(dt.date(2040, 1, 1)))
    out: set[dt.date] = set()
    for c in changes:
        d = dt.date.fromisoformat(str(c["date"]))
        out |= {d, d + dt.timedelta(days=1)}
    return out


def analyse(
    paths: Sequence[str | Path],
    fmt: str = "auto",
    timezone: str = "Asia/Tehran",
    interval_minutes: int = 30,
    answer_seconds: float = 20.0,
    mapping: dict[str, str] | None = None,
) -> History:
    """Read every file (each in its own format, or ``fmt``) and compute the figures of each queue."""
    from quoter import progress
    from quoter.history import clock, estimate
    from quoter.history.forecast import forecast

    if fmt not in FORMATS:
        raise InputError(f"--format: '{fmt}' is not one of {', '.join(FORMATS)}")
    if interval_minutes not in (15, 30, 60):
        raise InputError(f"--interval: {interval_minutes} is not 15, 30 or 60 minutes")
    tz = clock.zone(timezone)
    files = [Path(p) for p in paths]
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise InputError(f"no such file: {', '.join(missing)}")
    tally = Tally(interval_minutes * 60, answer_seconds)
    with progress.step("history", total=float(sum(p.stat().st_size for p in files))) as advance:
        for path in files:
            _read_file(path, fmt, tally, tz, mapping or {}, advance)
    if not tally.bins or tally.first_day is None or tally.last_day is None:
        found = [f"{p.kind}: {p.count} ({p.message})" for p in tally.problems.values()]
        raise InputError(f"{', '.join(map(str, files))}: no usable calls", found)
    changes = clock.clock_changes(tz, tally.first_day, tally.last_day)
    if changes and "clock_change" not in tally.problems:
        for c in changes:
            tally.problem("clock_change", "clock changes in the history's span (times read on the local clock)",
                          name=f"{c['date']} {int(str(c['minutes'])):+d} min")  # fmt: skip
    total = estimate.figures(tally, None)
    ahead = forecast(total.months)
    total = replace(total, seasonality=ahead.seasonality if ahead else None)
    names = tally.queues()
    if len(names) == 1:
        queues = [replace(total, queue=names[0])]
    else:
        queues = [_with_season(estimate.figures(tally, q)) for q in names]
    note = (
        f"{ahead.history_months} full months: {ahead.method}"
        if ahead
        else "under 12 full months of history: no forecast; the term plan keeps the requirements' seasonality"
    )
    return History(
        tally.sources, timezone, interval_minutes, clock.day_date(tally.first_day), clock.day_date(tally.last_day),
        sorted(tally.aht_parts, key=["talk", "hold", "wrap"].index), queues, total, ahead, note, changes,
        sorted(tally.problems.values(), key=lambda p: p.kind),
    )  # fmt: skip


def _with_season(q: QueueFigures) -> QueueFigures:
    from quoter.history.forecast import forecast

    ahead = forecast(q.months, horizon=1, holdout=False)
    return replace(q, seasonality=ahead.seasonality if ahead else None)
