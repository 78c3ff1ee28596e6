"""Simulate a staffing plan: every voice and chat queue of it, week by week, against the Erlang prediction."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from quoter import progress
from quoter.errors import InputError
from quoter.inputs.requirements import Requirements
from quoter.simulate import stats
from quoter.simulate.deferred import DeferredRun, deferred_dict, simulate_email
from quoter.simulate.engine import Dist, FloatArray, QueueModel, Shape, check_dist, simulate_queue
from quoter.staffing.result import QueuePlan, StaffingPlan

MAX_WEEKS = 500
MAX_CALLS_PER_QUEUE = 5_000_000
"""Contacts one queue's run may simulate (its weeks with their warm-up days): about 0.3 GB of arrays and a few
seconds; beyond it the run is refused with the weeks that fit."""
MAX_FORECAST_ERROR = 1.0


@dataclass(frozen=True)
class Options:
    """How to simulate: weeks (independent replications of the plan's week), the seed, the distributions of
    handle time and patience (exponential is the Erlang assumption), a daily forecast error (the coefficient of
    variation of a per-day factor on every queue's arrival rate, mean 1) and the pools' bilingual share (None:
    the requirements')."""

    weeks: int = 50
    seed: int = 1
    handle: Shape = "exponential"
    handle_cv: float = 1.0
    patience: Shape = "exponential"
    patience_cv: float = 1.0
    forecast_error: float = 0.0
    bilingual_share: float | None = None

    def check(self) -> None:
        if not 2 <= self.weeks <= MAX_WEEKS:
            raise InputError(f"weeks: must be between 2 and {MAX_WEEKS} (the confidence intervals need two), "
                             f"got {self.weeks}")  # fmt: skip
        check_dist("handle", self.handle, self.handle_cv)
        check_dist("patience", self.patience, self.patience_cv)
        if not (math.isfinite(self.forecast_error) and 0 <= self.forecast_error <= MAX_FORECAST_ERROR):
            raise InputError(
                f"forecast_error: must be between 0 and {MAX_FORECAST_ERROR:g}, got {self.forecast_error:g}"
            )
        b = self.bilingual_share
        if b is not None and not (math.isfinite(b) and 0 <= b <= 1):
            raise InputError(f"bilingual_share: must be between 0 and 1, got {b:g}")


@dataclass(frozen=True)
class Targets:
    service_level: float | None
    answer_seconds: float
    max_abandon: float | None = None
    max_asa_seconds: float | None = None


@dataclass
class QueueRun:
    """One queue's simulation: its plan, targets, per-week figures and per-interval figures with half widths."""

    plan: QueuePlan
    targets: Targets
    servers_per_agent: int
    weekly: dict[str, FloatArray]
    intervals: dict[str, tuple[FloatArray, FloatArray]]
    offered: FloatArray  # mean contacts per interval over the weeks
    calls: int
    index: int  # the queue's place in the plan
    agents: list[int]  # the agents simulated per interval


@dataclass
class Run:
    options: Options
    queues: list[QueueRun]
    skipped: list[dict[str, str]]
    calls: int
    seconds: float
    interval_minutes: int
    extra: dict[str, Any] = field(default_factory=dict)
    deferred: list[DeferredRun] = field(default_factory=list)  # e-mail


def _queue_model(req: Requirements, q: QueuePlan, opt: Options, whole: list[int]) -> tuple[QueueModel, Targets]:
    spec = req.channels.section(q.channel)
    interval_s = req.service.interval_minutes * 60.0
    base = float(spec.aht_seconds) if q.channel == "chat" else q.aht_seconds  # chat: handled alone
    handle = Dist(base, opt.handle, opt.handle_cv)
    shares_all = getattr(spec, "languages", None) or req.languages
    shares = tuple(shares_all[lang] for lang in q.languages)
    b = opt.bilingual_share if opt.bilingual_share is not None else getattr(req, "bilingual_share", 1.0)
    contacts = tuple(iv.calls for iv in q.intervals)
    if q.channel == "chat":
        c = int(spec.concurrency)
        model = QueueModel(contacts, tuple(n * c for n in whole), interval_s, handle, None, c,
                           float(getattr(spec, "concurrency_slowdown", 0.0)), shares, b)  # fmt: skip
        return model, Targets(spec.service_level, spec.first_response_seconds)
    t = spec.target
    patience = Dist(t.patience_seconds, opt.patience, opt.patience_cv) if t.patience_seconds else None
    model = QueueModel(contacts, tuple(whole), interval_s, handle, patience, 1, 0.0, shares, b)
    return model, Targets(t.service_level, t.answer_seconds, t.max_abandon, t.max_asa_seconds)


def _day_factors(opt: Options) -> FloatArray:
    """One factor per replication and horizon day (warm-up day, seven, drain day): lognormal, mean 1."""
    if opt.forecast_error <= 0:
        return np.ones((opt.weeks, 9))
    rng = np.random.default_rng([opt.seed, 999_983])
    sigma2 = math.log1p(opt.forecast_error**2)
    return rng.lognormal(-sigma2 / 2, math.sqrt(sigma2), (opt.weeks, 9))


def simulate_plan(
    req: Requirements, plan: StaffingPlan, opt: Options, agents: dict[int, list[int]] | None = None
) -> Run:
    """Simulate every voice and chat queue of ``plan`` (``agents`` overrides a queue's agents, by its index) and
    its e-mail (:mod:`quoter.simulate.deferred`); outbound is workload on the calling window, listed as skipped."""
    opt.check()
    began = time.perf_counter()
    factors = _day_factors(opt)
    runs: list[QueueRun] = []
    todo = [(i, q) for i, q in enumerate(plan.queues) if q.channel in ("voice", "chat")]
    _check_size(todo, opt.weeks)
    skipped = [{"queue": f"{q.channel} {q.language}", "reason": "workload on the calling window, not a queue"}
               for q in plan.queues if q.channel == "outbound"]  # fmt: skip
    total = 0
    with progress.step("simulate", total=len(todo)) as advance:
        for i, q in todo:
            whole = (agents or {}).get(i) or [round(iv.agents) for iv in q.intervals]
            model, targets = _queue_model(req, q, opt, whole)
            sample = simulate_queue(model, np.random.default_rng([opt.seed, i]), opt.weeks, factors, advance)
            n = len(q.intervals)
            counts = stats.count(sample, targets.answer_seconds, n)
            capacity = np.asarray(model.servers, dtype=float) * model.interval_s
            calls = int(sample.valid.sum())
            total += calls
            weekly = stats.weekly(counts, capacity, np.asarray(model.contacts, dtype=float))
            per = stats.per_interval(counts, capacity)
            runs.append(QueueRun(q, targets, model.slots, weekly, per, counts.offered.mean(axis=0), calls, i, whole))
    emails = _emails(req, plan, opt)
    total += sum(e.calls for e in emails)
    out = Run(opt, runs, skipped, total, time.perf_counter() - began, req.service.interval_minutes)
    out.deferred = emails
    return out


def _emails(req: Requirements, plan: StaffingPlan, opt: Options) -> list[DeferredRun]:
    spec = req.channels.section("email")
    out = []
    for i, q in enumerate(plan.queues):
        if q.channel == "email" and spec is not None and q.contacts_week > 0:
            handle = Dist(spec.handle_minutes * 60.0, opt.handle, opt.handle_cv)
            out.append(simulate_email(q, spec.response_hours, spec.response_clock == "clock", plan.max_occupancy,
                                      plan.interval_minutes * 60.0, handle, np.random.default_rng([opt.seed, i]),
                                      opt.weeks))  # fmt: skip
    return out


def _check_size(todo: list[tuple[int, QueuePlan]], weeks: int) -> None:
    for _, q in todo:
        calls = q.contacts_week * weeks * 8 / 7  # with the warm-up day
        if calls > MAX_CALLS_PER_QUEUE:
            fit = int(MAX_CALLS_PER_QUEUE / (q.contacts_week * 8 / 7))
            hint = f"use --weeks {fit} or fewer" if fit >= 2 else "split the volume"
            raise InputError(
                f"weeks: {q.channel} {q.language} offers {q.contacts_week:,.0f} contacts a week; {weeks} weeks "
                f"would simulate about {calls:,.0f}, over the {MAX_CALLS_PER_QUEUE:,} one run holds ({hint})"
            )


def missing(qr: QueueRun) -> list[dict[str, Any]]:
    """Intervals whose simulated mean misses a target; ``significant`` when its whole 95 % interval does too
    (a miss beyond chance)."""
    out: list[dict[str, Any]] = []
    t = qr.targets
    checks = [("service_level", t.service_level, -1), ("abandon_rate", t.max_abandon, 1),
              ("asa_seconds", t.max_asa_seconds, 1)]  # fmt: skip
    for i, iv in enumerate(qr.plan.intervals):
        if qr.offered[i] <= 0:
            continue
        for key, target, sign in checks:
            if target is None:
                continue
            mean, half = (float(a[i]) for a in qr.intervals[key])
            if not math.isfinite(mean) or sign * (mean - target) <= 1e-12:
                continue
            bound = mean + half if sign < 0 else mean - half
            out.append({"index": i, "day": iv.day, "time": iv.start, "target": key, "target_value": target,
                        "simulated": mean, "ci": [_num(mean - half), _num(mean + half)], "agents": qr.agents[i],
                        "significant": bool(sign * (bound - target) > 0)})  # fmt: skip
    return out


def _num(x: float) -> float | None:
    return x if math.isfinite(x) else None


def queue_dict(qr: QueueRun) -> dict[str, Any]:
    p = qr.plan
    sim: dict[str, Any] = {}
    for key, values in qr.weekly.items():
        est = stats.across(values)
        sim[key] = _num(est.mean)
        sim[f"{key}_ci"] = [_num(est.lo), _num(est.hi)]
    weeks = [{"week": w + 1, **{k: _num(float(v[w])) for k, v in qr.weekly.items()}}
             for w in range(len(qr.weekly["service_level"]))]  # fmt: skip
    intervals = []
    for i, iv in enumerate(p.intervals):
        if iv.calls <= 0:
            continue
        row: dict[str, Any] = {"day": iv.day, "time": iv.start, "contacts": iv.calls, "agents": iv.agents,
                               "predicted": {"service_level": iv.service_level, "asa_seconds": iv.asa_seconds,
                                             "abandon_rate": iv.abandon_rate, "occupancy": iv.occupancy},
                               "simulated": {}}  # fmt: skip
        for key, (mean, half) in qr.intervals.items():
            row["simulated"][key] = _num(float(mean[i]))
            row["simulated"][f"{key}_ci"] = [_num(float(mean[i] - half[i])), _num(float(mean[i] + half[i]))]
        intervals.append(row)
    return {
        "queue": f"{p.channel} {p.language}", "channel": p.channel, "language": p.language, "model": p.model,
        "contacts_week": p.contacts_week, "calls": qr.calls,
        "targets": {"service_level": qr.targets.service_level, "answer_seconds": qr.targets.answer_seconds,
                    "max_abandon": qr.targets.max_abandon, "max_asa_seconds": qr.targets.max_asa_seconds},
        "predicted": {"service_level": p.service_level, "asa_seconds": p.asa_seconds,
                      "abandon_rate": p.abandon_rate, "occupancy": p.occupancy},
        "simulated": sim, "weeks": weeks, "intervals": intervals,
        "intervals_missing": missing(qr),
    }  # fmt: skip


def run_dict(run: Run) -> dict[str, Any]:
    """The JSON of ``quoter simulate``: see docs/simulate.md."""
    o = run.options
    return {
        "calls": run.calls, "seconds": run.seconds, "seed": o.seed, "weeks": o.weeks,
        "model": {"handle": o.handle, "handle_cv": o.handle_cv if o.handle == "lognormal" else None,
                  "patience": o.patience, "patience_cv": o.patience_cv if o.patience == "lognormal" else None,
                  "forecast_error": o.forecast_error, "bilingual_share": o.bilingual_share},
        "queues": [queue_dict(q) for q in run.queues],
        "deferred": [deferred_dict(d) for d in run.deferred],
        "skipped": run.skipped, **run.extra,
    }  # fmt: skip
