"""Call histories made from known parameters, written as queue_log, CDR Master.csv and interval CSV.

For tests, the example and the benchmark: arrivals are Poisson per interval (a weekly volume spread by an
hourly intraday shape, a weekly shape, optional monthly factors and a yearly growth); handle times lognormal;
patience exponential; the wait a caller would have (the "offered wait") is zero with probability
``p_no_wait``, else exponential. A caller whose patience is shorter abandons at that moment, else is answered
after the offered wait. Times are whole seconds in all three files, so each gives the same figures.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from quoter.staffing.profiles import INTRADAY, WEEKLY


@dataclass(frozen=True)
class Params:
    start: dt.date = dt.date(2025, 3, 21)  # 1 Farvardin 1404
    days: int = 28
    calls_per_week: float = 7000.0
    queues: tuple[str, ...] = ("support",)
    intraday: Sequence[float] = INTRADAY["business"]
    weekly: Sequence[float] = WEEKLY["iran-business"]
    seasonality: Sequence[float] | None = None  # twelve factors, Farvardin first
    growth_per_year: float = 0.0
    aht_seconds: float = 240.0
    aht_sigma: float = 0.6  # of the log
    patience_seconds: float = 120.0
    p_no_wait: float = 0.4
    mean_wait_seconds: float = 60.0
    timezone: str = "Asia/Tehran"
    seed: int = 1


@dataclass
class Calls:
    """One row per call: queue index, local arrival (seconds since 1970-01-01 local), wait, answered, handle."""

    queue: list[int] = field(default_factory=list)
    local: list[int] = field(default_factory=list)
    wait: list[int] = field(default_factory=list)
    answered: list[bool] = field(default_factory=list)
    handle: list[int] = field(default_factory=list)


def rate_per_interval(p: Params, day: dt.date, hour: int) -> float:
    """The expected calls of one queue in one hour of one day."""
    from quoter.calendar import jalali_month

    wd = (day.weekday() + 2) % 7  # Monday 0 -> Saturday-first index
    weekly = [w / sum(p.weekly) for w in p.weekly]
    hourly = [h / sum(p.intraday) for h in p.intraday]
    season = float(p.seasonality[jalali_month(day)[1] - 1]) if p.seasonality else 1.0
    growth = float((1 + p.growth_per_year) ** ((day - p.start).days / 365.25))
    return float(p.calls_per_week) * weekly[wd] * hourly[hour] * season * growth / len(p.queues)


def generate(p: Params) -> Calls:
    import numpy as np

    rng = np.random.default_rng(p.seed)
    out = Calls()
    mu = math.log(p.aht_seconds) - p.aht_sigma**2 / 2
    for d in range(p.days):
        day = p.start + dt.timedelta(days=d)
        base = (day - dt.date(1970, 1, 1)).days * 86400
        for hour in range(24):
            for qi in range(len(p.queues)):
                n = int(rng.poisson(rate_per_interval(p, day, hour)))
                if not n:
                    continue
                arrive = np.sort(rng.integers(0, 3600, n)) + base + hour * 3600
                offered = np.where(rng.random(n) < p.p_no_wait, 0.0, rng.exponential(p.mean_wait_seconds, n))
                patience = rng.exponential(p.patience_seconds, n)
                answered = patience >= offered
                wait = np.rint(np.where(answered, offered, patience)).astype(int)
                handle = np.maximum(np.rint(rng.lognormal(mu, p.aht_sigma, n)), 1).astype(int)
                out.queue += [qi] * n
                out.local += arrive.tolist()
                out.wait += wait.tolist()
                out.answered += answered.tolist()
                out.handle += handle.tolist()
    return out


def _epoch(local: int, tz: ZoneInfo, cache: dict[int, int]) -> int:
    day = local // 86400
    if day not in cache:
        d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
        noon = dt.datetime(d.year, d.month, d.day, 12, tzinfo=tz)
        cache[day] = int(noon.utcoffset().total_seconds())  # type: ignore[union-attr]
    return local - cache[day]


def queue_log_text(p: Params, c: Calls) -> str:
    """The calls as a queue_log, in time order (ENTERQUEUE, then CONNECT/COMPLETE or ABANDON)."""
    tz, cache = ZoneInfo(p.timezone), {}  # type: ignore[var-annotated]
    events: list[tuple[int, int, str]] = []
    for i in range(len(c.local)):
        t = _epoch(c.local[i], tz, cache)
        q, cid, w = p.queues[c.queue[i]], f"1700000000.{i}", c.wait[i]
        events.append((t, 0, f"{t}|{cid}|{q}|NONE|ENTERQUEUE||0912000{i % 10000:04d}|1"))
        if c.answered[i]:
            agent = f"SIP/{100 + i % 40}"
            events.append((t + w, 1, f"{t + w}|{cid}|{q}|{agent}|CONNECT|{w}|1700000001.{i}|2"))
            end = t + w + c.handle[i]
            what = "COMPLETECALLER" if i % 2 else "COMPLETEAGENT"
            events.append((end, 2, f"{end}|{cid}|{q}|{agent}|{what}|{w}|{c.handle[i]}|1"))
        else:
            events.append((t + w, 1, f"{t + w}|{cid}|{q}|NONE|ABANDON|1|1|{w}"))
    events.sort(key=lambda e: (e[0], e[1]))
    head = [f"{events[0][0] if events else 0}|NONE|NONE|NONE|QUEUESTART|"]
    return "\n".join(head + [e[2] for e in events]) + "\n"


def _stamp(local: int) -> str:
    return (dt.datetime(1970, 1, 1) + dt.timedelta(seconds=local)).strftime("%Y-%m-%d %H:%M:%S")


def cdr_text(p: Params, c: Calls) -> str:
    """The calls as Asterisk CDR rows (Master.csv, no header), in the order they ended."""
    rows = []
    for i in range(len(c.local)):
        s, w, h = c.local[i], c.wait[i], c.handle[i]
        ans = c.answered[i]
        end = s + w + (h if ans else 0)
        rows.append((end, [
            "", f"0912000{i % 10000:04d}", "500", "from-queue", f'"" <0912000{i % 10000:04d}>', f"SIP/trunk-{i:08x}",
            f"SIP/{100 + i % 40}-{i:08x}" if ans else "", "Queue", f"{p.queues[c.queue[i]]},t,,,300", _stamp(s),
            _stamp(s + w) if ans else "", _stamp(end), str(end - s), str(h if ans else 0),
            "ANSWERED" if ans else "NO ANSWER", "DOCUMENTATION", f"1700000000.{i}", "",
        ]))  # fmt: skip
    rows.sort(key=lambda r: r[0])
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(r for _, r in rows)
    return buf.getvalue()


def interval_csv_text(p: Params, c: Calls, interval_minutes: int = 30, answer_seconds: float = 20) -> str:
    """The calls as an interval report: one row per queue and interval with calls (local start times)."""
    size = interval_minutes * 60
    agg: dict[tuple[int, int], list[float]] = {}
    for i in range(len(c.local)):
        a = agg.setdefault((c.local[i] // size * size, c.queue[i]), [0.0] * 8)
        a[0] += 1
        if c.answered[i]:
            a[1] += 1
            a[3] += c.handle[i]
            a[4] += c.wait[i] <= answer_seconds
            a[5] += c.wait[i]
        else:
            a[2] += 1
            a[6] += c.wait[i]
            a[7] += c.wait[i] < 5
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Interval", "Queue", "Offered", "Answered", "Abandoned", "AHT", "Answered in SL", "ASA",
                "Abandon wait", "Short abandoned"])  # fmt: skip
    for (start, qi), a in sorted(agg.items()):
        stamp = _stamp(start)[:16]
        w.writerow([stamp, p.queues[qi], int(a[0]), int(a[1]), int(a[2]), _avg(a[3], a[1]), int(a[4]),
                    _avg(a[5], a[1]), _avg(a[6], a[2]), int(a[7])])  # fmt: skip
    return buf.getvalue()


def _avg(total: float, n: float) -> str:
    return f"{total / n:.6f}" if n else "0"


def write_all(p: Params, folder: Path, interval_minutes: int = 30) -> dict[str, Path]:
    """Generate the calls of ``p`` and write ``queue_log``, ``Master.csv`` and ``intervals.csv`` in ``folder``."""
    c = generate(p)
    folder.mkdir(parents=True, exist_ok=True)
    out = {"queue_log": folder / "queue_log", "cdr": folder / "Master.csv", "csv": folder / "intervals.csv"}
    out["queue_log"].write_text(queue_log_text(p, c), encoding="utf-8")
    out["cdr"].write_text(cdr_text(p, c), encoding="utf-8")
    out["csv"].write_text(interval_csv_text(p, c, interval_minutes), encoding="utf-8")
    return out
