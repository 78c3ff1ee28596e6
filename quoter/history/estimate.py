"""Per-queue figures from a :class:`~quoter.history.tally.Tally`.

Definitions (said once, used everywhere): service level = answered within the answer time / offered;
ASA = mean wait of the answered calls; abandon rate = abandoned / offered; AHT = handle time of the answered
calls / the answered calls whose handle time is known; short-abandon share = abandoned within 5 s / abandoned.

Patience: callers' patience is exponential in Erlang A (M/M/n+M). Every caller's wait is an observation of
patience: an abandoned caller's wait is a patience, an answered (or timed-out) caller's wait a lower bound
(a censored observation). The maximum-likelihood rate is abandoned calls / total time all callers waited;
mean patience = 1 / rate. Its 95 % interval is exact: with k abandons over exposure T the rate lies in
[chi2(0.025; 2k) / 2T, chi2(0.975; 2k + 2) / 2T] (Poisson counts; Garwood 1936).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quoter.calendar import WEEKS_PER_MONTH_F
from quoter.history.clock import day_date, weekday
from quoter.history.tally import (
    ABANDONED,
    ANSWERED,
    FIELDS,
    HANDLE,
    HANDLED,
    IN_SL,
    OFFERED,
    SHORT,
    WAIT_ALL,
    WAIT_ANSWERED,
    Tally,
)  # fmt: skip

ALL = "all queues"


@dataclass(frozen=True)
class QueueFigures:
    queue: str
    offered: float
    contacts_per_week: float
    contacts_per_month: float
    aht_seconds: float | None
    abandon_rate: float | None
    service_level: float | None
    answer_seconds: float
    asa_seconds: float | None
    patience_seconds: float | None
    patience_ci: tuple[float, float] | None
    abandons: float
    short_abandon_share: float | None
    intraday: list[list[float]]  # per weekday (Saturday first), per interval: shares of the day's calls
    intraday_all: list[float]  # every day together
    weekly: list[float]  # seven shares, Saturday first
    months: list[tuple[int, int, float, int, int]]  # (Jalali year, month, calls, days covered, days in month)
    seasonality: list[float] | None = None

    def to_dict(self) -> dict[str, Any]:
        from quoter.history.clock import DAYS_FULL

        return {
            "queue": self.queue, "offered": _r(self.offered, 1),
            "contacts_per_week": _r(self.contacts_per_week, 1), "contacts_per_month": _r(self.contacts_per_month, 1),
            "aht_seconds": _r(self.aht_seconds, 1), "abandon_rate": _r(self.abandon_rate, 4),
            "service_level": {"value": _r(self.service_level, 4), "answer_seconds": self.answer_seconds,
                              "definition": "answered within answer_seconds / offered"},
            "asa_seconds": _r(self.asa_seconds, 1), "patience_seconds": _r(self.patience_seconds, 1),
            "patience_ci": None if self.patience_ci is None else [_r(x, 1) for x in self.patience_ci],
            "short_abandon_share": _r(self.short_abandon_share, 4),
            "intraday": {d: [_r(x, 5) for x in row] for d, row in zip(DAYS_FULL, self.intraday, strict=True)},
            "weekly": [_r(x, 4) for x in self.weekly],
            "seasonality": None if self.seasonality is None else [_r(x, 4) for x in self.seasonality],
            "months": [{"month": f"{y}-{m:02d}", "contacts": _r(c, 1), "days": n, "full": n == full}
                       for y, m, c, n, full in self.months],
        }  # fmt: skip


def _r(x: float | None, places: int) -> float | None:
    return None if x is None or not math.isfinite(x) else round(x, places)


def _ratio(a: float, b: float) -> float | None:
    return a / b if b and math.isfinite(a) and math.isfinite(b) else None


def patience(abandons: float, exposure: float) -> tuple[float | None, tuple[float, float] | None]:
    """Mean patience (s) and its exact 95 % interval from the abandons and the callers' total wait (s)."""
    from scipy.special import gammaincinv  # chi2.ppf(q, 2k) / 2 = gammaincinv(k, q), without scipy.stats' import

    if not math.isfinite(exposure) or exposure <= 0 or abandons <= 0:
        return None, None
    k = abandons
    low_rate = float(gammaincinv(k, 0.025)) / exposure
    high_rate = float(gammaincinv(k + 1, 0.975)) / exposure
    return exposure / k, (1 / high_rate, 1 / low_rate if low_rate > 0 else math.inf)


def figures(tally: Tally, queue: str | None) -> QueueFigures:
    """The figures of one queue, or of all queues together (``queue=None``)."""
    assert tally.first_day is not None and tally.last_day is not None
    per_day = 86400 // tally.interval_s
    grid = [[0.0] * per_day for _ in range(7)]
    by_day: dict[int, float] = {}
    chosen = []
    for (q, day, slot), b in tally.bins.items():
        if queue is not None and q != queue:
            continue
        chosen.append(b)
        grid[weekday(day)][slot] += b[OFFERED]
        by_day[day] = by_day.get(day, 0.0) + b[OFFERED]
    total = [sum(col) for col in zip(*chosen, strict=True)] if chosen else [0.0] * FIELDS
    days = tally.last_day - tally.first_day + 1
    per_week = total[OFFERED] / days * 7
    mean, ci = patience(total[ABANDONED], total[WAIT_ALL])
    counts = [0] * 7
    for day in range(tally.first_day, tally.last_day + 1):
        counts[weekday(day)] += 1
    weekday_means = [sum(grid[d]) / counts[d] if counts[d] else 0.0 for d in range(7)]
    week_sum = sum(weekday_means) or 1.0
    return QueueFigures(
        queue or ALL, total[OFFERED], per_week, per_week * WEEKS_PER_MONTH_F, _ratio(total[HANDLE], total[HANDLED]),
        _ratio(total[ABANDONED], total[OFFERED]), _ratio(total[IN_SL], total[OFFERED]), tally.answer_seconds,
        _ratio(total[WAIT_ANSWERED], total[ANSWERED]), mean, ci, total[ABANDONED],
        _ratio(total[SHORT], total[ABANDONED]), [_shares(row) for row in grid],
        _shares([sum(col) for col in zip(*grid, strict=True)]), [m / week_sum for m in weekday_means],
        months(by_day, tally.first_day, tally.last_day),
    )  # fmt: skip


def _shares(row: list[float]) -> list[float]:
    s = sum(row)
    return [x / s for x in row] if s else [0.0] * len(row)


@lru_cache(maxsize=8)
def _jalali_days(first: int, last: int) -> tuple[tuple[int, int, int, int], ...]:
    """(day, Jalali year, month, the month's length) for each day of the span."""
    import jdatetime

    out = []
    for day in range(first, last + 1):
        j = jdatetime.date.fromgregorian(date=day_date(day))
        length = jdatetime.j_days_in_month[j.month - 1] + (1 if j.month == 12 and j.isleap() else 0)
        out.append((day, int(j.year), int(j.month), length))
    return tuple(out)


def months(by_day: dict[int, float], first: int, last: int) -> list[tuple[int, int, float, int, int]]:
    """Calls per Jalali month in the span, with the days covered and the month's length."""
    out: dict[tuple[int, int], list[float]] = {}
    for day, y, mo, length in _jalali_days(first, last):
        m = out.setdefault((y, mo), [0.0, 0, length])
        m[0] += by_day.get(day, 0.0)
        m[1] += 1
    return [(y, mo, v[0], int(v[1]), int(v[2])) for (y, mo), v in sorted(out.items())]
