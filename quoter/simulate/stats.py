"""Figures from simulated contacts: per week (one replication each), over all weeks with a 95 % confidence
interval across weeks, and per interval (a ratio estimator over the weeks, its interval by the delta method)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats as sps

from quoter.simulate.engine import FloatArray, Sample


@dataclass(frozen=True)
class Estimate:
    """A mean over weeks and its 95 % confidence interval (``lo``, ``hi``); NaN where nothing was observed."""

    mean: float
    lo: float
    hi: float


def _t(reps: int) -> float:
    return float(sps.t.ppf(0.975, reps - 1)) if reps > 1 else math.inf


def across(values: FloatArray) -> Estimate:
    """Mean of per-week values (NaN weeks left out) with a Student t interval."""
    v = values[np.isfinite(values)]
    if v.size == 0:
        return Estimate(math.nan, math.nan, math.nan)
    mean = float(v.mean())
    half = _t(v.size) * float(v.std(ddof=1)) / math.sqrt(v.size) if v.size > 1 else math.inf
    return Estimate(mean, mean - half, mean + half)


def ratio(num: FloatArray, den: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per-interval ratio of sums over weeks (axis 0) and the half width of its 95 % interval (delta method)."""
    reps = num.shape[0]
    total = den.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = num.sum(axis=0) / total
        resid = num - r[None, :] * den
        var = (resid * resid).sum(axis=0) / max(reps - 1, 1) / reps / (total / reps) ** 2
    return r, _t(reps) * np.sqrt(var)


@dataclass
class Counts:
    """Per week and interval: offered, answered, answered within t, abandoned, wait of answered, busy seconds."""

    offered: FloatArray
    answered: FloatArray
    within: FloatArray
    abandoned: FloatArray
    wait_answered: FloatArray
    busy: FloatArray


def count(sample: Sample, answer_seconds: float, n: int) -> Counts:
    reps = sample.busy.shape[0]
    rows = np.broadcast_to(sample.rep[:, None], sample.valid.shape)

    def per(mask: np.ndarray, weights: FloatArray | None = None) -> FloatArray:
        out = np.zeros((reps, n))
        w = None if weights is None else weights[mask]
        np.add.at(out, (rows[mask], sample.interval[mask]), 1.0 if w is None else w)
        return out

    v, ans = sample.valid, sample.answered
    return Counts(
        offered=per(v),
        answered=per(ans),
        within=per(ans & (sample.wait <= answer_seconds + 1e-9)),
        abandoned=per(v & ~ans),
        wait_answered=per(ans, sample.wait),
        busy=sample.busy,
    )


def weekly(c: Counts, capacity: FloatArray, expected: FloatArray | None = None) -> dict[str, FloatArray]:
    """Per-week figures: service level, ASA, abandon rate, occupancy (busy over server seconds on duty per
    interval, weighted by the ``expected`` contacts per interval as the plan's weekly figure is: weighting by the
    simulated contacts would bias it upwards, as busier draws are also busier intervals)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        occ = np.nan_to_num(c.busy / capacity[None, :])
    w = c.offered.mean(axis=0) if expected is None else expected
    off = c.offered.sum(axis=1)
    ans = c.answered.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return {
            "service_level": c.within.sum(axis=1) / off,
            "asa_seconds": c.wait_answered.sum(axis=1) / ans,
            "abandon_rate": c.abandoned.sum(axis=1) / off,
            "occupancy": (occ * w[None, :]).sum(axis=1) / w.sum(),
        }


def per_interval(c: Counts, capacity: FloatArray) -> dict[str, tuple[FloatArray, FloatArray]]:
    """Per-interval figures over all weeks, each with the half width of its 95 % interval."""
    reps = c.offered.shape[0]
    cap = np.broadcast_to(capacity[None, :], c.busy.shape)
    return {
        "service_level": ratio(c.within, c.offered),
        "asa_seconds": ratio(c.wait_answered, c.answered),
        "abandon_rate": ratio(c.abandoned, c.offered),
        "occupancy": ratio(c.busy, cap) if reps else (np.zeros(0), np.zeros(0)),
    }
