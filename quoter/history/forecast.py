"""Monthly volumes ahead, from the history's full Jalali months.

Rules (the reasons are in docs/history.md):

- 24 full months or more: Holt-Winters exponential smoothing (statsmodels ``ExponentialSmoothing``), a damped
  additive trend and a multiplicative yearly season: two years are the least from which a season can be told
  apart from noise and trend; damping keeps a trend from running away over a multi-year term.
- 12 to 23 full months: one year gives the season (each month over the mean of the last twelve); a damped Holt
  trend is fitted to the deseasonalised months.
- Under 12 full months: no forecast; the term plan keeps the requirements' (built-in) seasonality.

The error is measured on a hold-out: the last ``HOLDOUT`` months (3 when the history is under two years) are
forecast from the months before them by the rule their length allows, and compared (MAPE).
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Any

HORIZON = 60
HOLDOUT = 6
MIN_SEASONAL = 24
MIN_YEAR = 12


HOLT_WINTERS = "holt-winters (damped additive trend, multiplicative season)"
HOLT_TREND_SEASON = "damped Holt trend x one year's season"
METHODS = (HOLT_WINTERS, HOLT_TREND_SEASON)
"""The methods a forecast names (the documents word each of them in Persian)."""


@dataclass(frozen=True)
class Forecast:
    method: str
    months: list[tuple[int, int, float]]  # (Jalali year, month, contacts)
    seasonality: list[float]  # twelve factors, Farvardin first, mean 1
    mape: float | None
    holdout_months: int
    history_months: int

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "history_months": self.history_months,
                "holdout_months": self.holdout_months,
                "mape": None if self.mape is None else round(self.mape, 4),
                "seasonality": [round(f, 4) for f in self.seasonality],
                "months": [{"month": f"{y}-{m:02d}", "contacts": round(c, 1)} for y, m, c in self.months]}  # fmt: skip


def full_run(months: list[tuple[int, int, float, int, int]]) -> list[tuple[int, int, float]]:
    """The longest run of consecutive full months that ends at the last full month."""
    full = [(y, m, c) for y, m, c, n, days in months if n == days]
    run: list[tuple[int, int, float]] = []
    for y, m, c in full:
        if run and (y * 12 + m) - (run[-1][0] * 12 + run[-1][1]) != 1:
            run = []
        run.append((y, m, c))
    return run


def forecast(
    months: list[tuple[int, int, float, int, int]], horizon: int = HORIZON, holdout: bool = True
) -> Forecast | None:
    """A forecast of the ``horizon`` months after the last full month, or None under a year of full months."""
    run = full_run(months)
    n = len(run)
    if n < MIN_YEAR or any(c <= 0 for _, _, c in run):
        return None
    values = [c for _, _, c in run]
    first_month = run[0][1]
    method, ahead, season = _fit(values, first_month, horizon)
    hold = HOLDOUT if n - HOLDOUT >= MIN_YEAR else 3 if n - 3 >= MIN_YEAR else 0
    hold = hold if holdout else 0
    mape = None
    if hold:
        _, test, _ = _fit(values[:-hold], first_month, hold)
        mape = sum(abs(f - a) / a for f, a in zip(test, values[-hold:], strict=True)) / hold
    y, m = run[-1][0], run[-1][1]
    out = []
    for i, v in enumerate(ahead, 1):
        k = y * 12 + (m - 1) + i
        out.append((k // 12, k % 12 + 1, max(float(v), 0.0)))
    return Forecast(method, out, season, mape, hold, n)


def _fit(values: list[float], first_month: int, horizon: int) -> tuple[str, list[float], list[float]]:
    """(method, the next ``horizon`` values, twelve seasonal factors Farvardin first)."""
    import numpy as np
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    y = np.asarray(values, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(y) >= MIN_SEASONAL:
            res = ExponentialSmoothing(y, trend="add", damped_trend=True, seasonal="mul", seasonal_periods=12,
                                       initialization_method="estimated").fit()  # fmt: skip
            season = list(res.season[-12:])
            method = HOLT_WINTERS
            ahead = list(res.forecast(horizon))
        else:
            last = y[-12:]
            season = list(last / last.mean())
            idx = [(j - len(y) + 12) % 12 for j in range(len(y))]
            deseason = y / np.asarray([season[i] for i in idx])
            res = ExponentialSmoothing(deseason, trend="add", damped_trend=True,
                                       initialization_method="estimated").fit()  # fmt: skip
            trend = res.forecast(horizon)
            ahead = [float(trend[h]) * season[h % 12] for h in range(horizon)]
            method = HOLT_TREND_SEASON
    # season[i] belongs to the month of observation len(y) - 12 + i
    mean = sum(season) / 12
    factors = [0.0] * 12
    for i, s in enumerate(season):
        month = (first_month - 1 + len(y) - 12 + i) % 12
        factors[month] = float(s) / float(mean)
    if not all(math.isfinite(v) for v in ahead):
        raise ValueError("the forecast did not converge")
    return method, [float(v) for v in ahead], factors
