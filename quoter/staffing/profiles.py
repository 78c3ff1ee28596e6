"""Built-in arrival profiles: how a week's contacts spread over days and hours.

The shapes are stylised, not measured data. Replace them with the client's own history
(explicit share lists in the requirements file) whenever the client can give it.

Where the shapes come from:

* ``business`` (intraday): the two-humped weekday curve of office-hours lines, peaking late
  morning with a second, lower peak after lunch, as described in Gans, Koole & Mandelbaum,
  "Telephone Call Centers: Tutorial, Review, and Research Prospects", MSOM 5(2), 2003, fig. 2.
* ``bank`` (intraday): a retail bank line, steep rise from 08:00, peak 10:00-11:00, slow decline
  through the afternoon and a long thin evening tail, after Brown et al., "Statistical Analysis
  of a Telephone Call Center: A Queueing-Science Perspective", JASA 100, 2005 (an Israeli bank,
  whose working week, like Iran's, is not Monday-Friday).
* ``retail`` (intraday): e-commerce customer care, a late-morning peak and a second, longer
  evening peak (17:00-22:00) when customers shop and track orders after work; quiet small hours.
  This is our assumption for Iranian online retail, not a published series.
* ``support`` (intraday): 24/7 technical support, a flatter day curve with a real night load.
* ``iran-retail`` / ``iran-business`` (weekly): the Iranian week (Saturday first): busiest on
  Saturday after the weekend, Thursday a half day for offices, Friday the weekend. Our
  assumption from the Iranian working week, not a published series.
* ``western-business`` (weekly): Monday the busiest day, declining through the week, little at
  weekends (Gans, Koole & Mandelbaum 2003).
* ``flat``: equal shares over every open interval (intraday) or day (weekly).
"""

from __future__ import annotations

from collections.abc import Sequence

from quoter.errors import InputError

# 24 hourly weights, 00:00 first. Only relative sizes matter.
INTRADAY: dict[str, tuple[float, ...]] = {
    "flat": (1.0,) * 24,
    "business": (
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 5.0, 8.5, 10.0, 9.5,
        7.5, 7.0, 8.5, 8.5, 7.5, 5.5, 3.0, 1.8, 1.2, 0.8, 0.5, 0.3,
    ),
    "bank": (
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2.5, 7.0, 10.0, 11.0, 10.5,
        9.0, 8.0, 7.5, 6.5, 5.5, 4.5, 3.0, 2.0, 1.5, 1.0, 0.7, 0.5,
    ),
    "retail": (
        1.5, 0.8, 0.5, 0.3, 0.3, 0.3, 0.6, 1.5, 3.5, 5.5, 7.0, 7.5,
        7.0, 6.0, 5.5, 5.5, 6.0, 6.5, 6.5, 6.5, 7.0, 6.5, 4.5, 2.5,
    ),
    "support": (
        2.0, 1.5, 1.2, 1.0, 1.0, 1.2, 1.8, 3.0, 5.0, 6.5, 7.0, 7.0,
        6.5, 6.5, 6.5, 6.5, 6.0, 5.5, 5.0, 4.5, 4.0, 3.5, 3.0, 2.5,
    ),
}  # fmt: skip

# 7 daily weights, Saturday first (Iranian week).
WEEKLY: dict[str, tuple[float, ...]] = {
    "flat": (1.0,) * 7,
    "iran-retail": (1.08, 1.02, 1.0, 1.0, 0.97, 0.88, 0.75),
    "iran-business": (1.20, 1.10, 1.05, 1.00, 0.95, 0.45, 0.10),
    "western-business": (0.30, 0.15, 1.20, 1.10, 1.05, 1.00, 0.95),
}


def intraday_weights(spec: str | Sequence[float], interval_minutes: int) -> list[float]:
    """Weights for each interval of a day, from a built-in name or an explicit list.

    An explicit list has 24 hourly values or one value per interval of the day.
    """
    per_day = 1440 // interval_minutes
    if isinstance(spec, str):
        if spec not in INTRADAY:
            raise InputError(f"unknown intraday profile '{spec}'; built-in: {', '.join(INTRADAY)}")
        hourly: Sequence[float] = INTRADAY[spec]
    else:
        hourly = spec
        if len(spec) == per_day:
            return [float(v) for v in spec]
        if len(spec) != 24:
            raise InputError(
                f"an intraday profile list needs 24 hourly values or {per_day} per-interval values, not {len(spec)}"
            )
    per_hour = per_day / 24
    if per_hour >= 1:  # 15/30/60-minute intervals: split each hour evenly
        k = int(per_hour)
        return [float(hourly[i // k]) / k for i in range(per_day)]
    raise InputError(f"interval_minutes {interval_minutes} is longer than an hour")


def weekly_weights(spec: str | Sequence[float]) -> list[float]:
    """Seven daily weights, Saturday first."""
    if isinstance(spec, str):
        if spec not in WEEKLY:
            raise InputError(f"unknown weekly profile '{spec}'; built-in: {', '.join(WEEKLY)}")
        return list(WEEKLY[spec])
    if len(spec) != 7:
        raise InputError(f"a weekly profile list needs 7 values (Saturday first), not {len(spec)}")
    return [float(v) for v in spec]


def spread_week(
    open_mask: Sequence[bool],
    interval_minutes: int,
    intraday: str | Sequence[float],
    weekly: str | Sequence[float],
) -> list[float]:
    """Shares of a week's contacts per interval (sum 1 over the open intervals, 0 when closed).

    Each open day gets its weekly share; within the day, the intraday shape restricted to the
    open intervals (flat if the shape is zero there). Closed days' shares go to the open days
    in proportion.
    """
    per_day = 1440 // interval_minutes
    day_shape = intraday_weights(intraday, interval_minutes)
    days = weekly_weights(weekly)
    shares = [0.0] * len(open_mask)
    for d in range(7):
        idx = [d * per_day + i for i in range(per_day) if open_mask[d * per_day + i]]
        if not idx or days[d] <= 0:
            continue
        w = [day_shape[i - d * per_day] for i in idx]
        total = sum(w)
        if total <= 0:
            w, total = [1.0] * len(idx), float(len(idx))
        for i, wi in zip(idx, w, strict=True):
            shares[i] = days[d] * wi / total
    grand = sum(shares)
    if grand <= 0:
        return shares
    return [s / grand for s in shares]
