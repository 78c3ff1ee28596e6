"""Risk with the team already hired: the committed scenarios, and the risk premiums they price.

A provider hires for the forecast and keeps those people for the month. In a **committed** scenario the
month's volume or handle time moves and the team does not:

- cost: today's provider cost, plus telephony for the minutes that moved, plus overtime for the extra work
  (the re-planned paid hours above the team's), at the blended hourly wage x (1 + the overtime premium) with
  insurance, up to the law's cap (``labour.overtime_max_hours_day``, Labour Law art. 59) and the book's own
  (``labour.overtime_max_share``); overhead, risk and financing in today's proportion. Less work leaves
  the cost where it is (idle time).
- service: the voice queues' service level and abandon rate with the team on duty (today's agents per
  interval, raised by the overtime worked) facing the month's calls (Erlang C or A, per interval).
- revenue: each tariff's bill for the contacts handled (voice less the extra abandons); per seat and per
  hour bill the team that is there.

A **re-planned** scenario (quoter.quote.scenarios) re-sizes the next month's team instead.

Risk premiums (``risk.method: scenarios``): for each model, the factor k by which its prices must rise so
that its expected cost-to-revenue over the committed scenarios (weighted by the client's volume certainty,
``risk.weights``) is today's at the forecast; the premium is k - 1, never below ``models.risk_premium``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import Decimal

from quoter.calendar import WEEKS_PER_MONTH
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import ZERO, quantity
from quoter.pricing.cost import CostBuildUp
from quoter.pricing.usage import Usage
from quoter.staffing.result import StaffingPlan

PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Committed:
    """The hired team facing a month that moved."""

    usage: Usage  # the month's contacts with the team's hours (for the bills)
    provider_cost: Decimal
    overtime_hours: Decimal  # worked on top of the team's paid hours
    uncovered_hours: Decimal  # the extra work the overtime cap leaves undone
    service_level: Decimal | None  # voice, contact-weighted
    abandon_rate: Decimal | None


def overtime_cap(book: PriceBook, base: Usage) -> Decimal:
    """Overtime the team can work in a month: the law's hours a day over the working days, and the
    provider's own share of paid hours, whichever is less."""
    lab = book.labour
    days = WEEKS_PER_MONTH * (7 - len(lab.rest_days))
    legal = base.fte * lab.overtime_max_hours_day * days
    return quantity(min(legal, base.paid_hours * lab.overtime_max_share))


def committed(
    req: Requirements,
    book: PriceBook,
    base_cost: CostBuildUp,
    base_plan: StaffingPlan,
    plan: StaffingPlan,
    usage: Usage,
) -> Committed:
    """The forecast team (``base_cost``, ``base_plan``) facing the month of ``plan`` / ``usage`` (re-planned)."""
    base = base_cost.usage
    extra = usage.paid_hours - base.paid_hours
    covered = min(max(extra, ZERO), overtime_cap(book, base))
    uncovered = max(extra - covered, ZERO)
    ins = book.loads.employer_insurance if book.loads.insure_premiums else ZERO
    overtime = covered * base_cost.agent_hourly_wage * (1 + book.premiums.overtime) * (1 + ins)
    telephony = (usage.line_minutes - base.line_minutes) * book.telephony.per_minute
    ratio = base_cost.provider_cost / base_cost.direct if base_cost.direct else Decimal(1)
    cost = book.rounder.line(base_cost.provider_cost + (overtime + telephony) * ratio)
    factor = 1 + float(covered / base.paid_hours) if base.paid_hours else 1.0
    sl, ab, ab_planned = _voice_service(req, base_plan, plan, factor)
    answered = Decimal(1)
    if ab is not None and ab_planned is not None and ab_planned < 1:
        answered = Decimal(str((1 - ab) / (1 - ab_planned)))
    month = _team_usage(usage, base, covered, answered)
    return Committed(month, cost, quantity(covered), quantity(uncovered),
                     _dec(sl), _dec(ab))  # fmt: skip


def _team_usage(usage: Usage, base: Usage, covered: Decimal, answered: Decimal) -> Usage:
    """The month's contacts (voice scaled to the calls the team answers) with the team's hours and seats."""

    def answered_only(m: dict[str, Decimal]) -> dict[str, Decimal]:
        return {c: quantity(v * answered) if c == "voice" else v for c, v in m.items()}

    return replace(
        usage,
        contacts=answered_only(usage.contacts),
        handled_minutes=answered_only(usage.handled_minutes),
        talk_minutes=answered_only(usage.talk_minutes),
        fte_by_tier=base.fte_by_tier,
        fte=base.fte,
        part_time_hours=base.part_time_hours,  # the hired team's part-time tours
        part_time_fte=base.part_time_fte,
        paid_hours=base.paid_hours + covered,
        logged_in_hours=base.logged_in_hours + covered,
        night_hours=base.night_hours,
        friday_hours=base.friday_hours,
        holiday_hours=base.holiday_hours,
        overtime_hours=base.overtime_hours + covered,
        peak_agents=base.peak_agents,
        lines=base.lines,
        rotations=base.rotations,
        hours_source=base.hours_source,
    )


def _voice_service(
    req: Requirements, base_plan: StaffingPlan, plan: StaffingPlan, factor: float
) -> tuple[float | None, float | None, float | None]:
    """Voice service level and abandon rate (contact-weighted) of the team on duty facing the month's calls,
    and the re-planned abandon rate to compare with."""
    from quoter.staffing.erlang import evaluate_many

    voice = req.channels.voice
    t = voice.target
    interval = base_plan.interval_minutes * 60.0
    sl_sum = ab_sum = ab_planned_sum = weight = 0.0
    for q0, q in zip(base_plan.queues, plan.queues, strict=True):
        if q.channel != "voice":
            continue
        idx = [i for i, iv in enumerate(q.intervals) if iv.calls > 0]
        agents = [max(int(q0.intervals[i].agents), math.floor(q0.intervals[i].agents * factor + 1e-9)) for i in idx]
        results = evaluate_many([q.intervals[i].calls for i in idx], q.aht_seconds, interval, agents,
                                answer_seconds=t.answer_seconds, patience_seconds=t.patience_seconds)  # fmt: skip
        for i, r in zip(idx, results, strict=True):
            calls = q.intervals[i].calls
            weight += calls
            sl_sum += calls * r.service_level
            ab_sum += calls * (r.abandon_rate or 0.0)
            ab_planned_sum += calls * (q.intervals[i].abandon_rate or 0.0)
    if not weight:
        return None, None, None
    if t.patience_seconds is None:  # Erlang C: callers wait for ever, no abandon rate to report
        return sl_sum / weight, None, None
    return sl_sum / weight, ab_sum / weight, ab_planned_sum / weight


def _dec(x: float | None) -> Decimal | None:
    return None if x is None else Decimal(str(round(x, 4))).quantize(PLACES)


def premiums(
    book: PriceBook,
    certainty: str,
    forecast_cost: Decimal,
    forecast_bills: dict[str, Decimal],
    months: dict[str, tuple[Decimal, dict[str, Decimal]]],
) -> dict[str, Decimal]:
    """Each model's risk premium from the committed scenarios (``months``: key -> (cost, bills at prices
    without premium)), weighted by ``risk.weights[certainty]``, floored at ``models.risk_premium``."""
    from quoter.pricing import tariffs

    floors = {k: book.models.risk_premium.get(k, tariffs.get(k).default_risk_premium) for k in forecast_bills}
    weights = book.risk.weights.get(certainty)  # type: ignore[call-overload]
    if book.risk.method != "scenarios" or not weights:
        return floors
    rows = [(w, forecast_cost, forecast_bills) if key == "forecast" else (w, *months[key])
            for key, w in weights.items() if w and (key == "forecast" or key in months)]  # fmt: skip
    cost = sum((w * c for w, c, _ in rows), ZERO)
    out = {}
    for model, bill0 in forecast_bills.items():
        revenue = sum((w * b[model] for w, _, b in rows), ZERO)
        if not revenue or not bill0:
            out[model] = floors[model]
            continue
        k = (cost / revenue) / (forecast_cost / bill0)
        out[model] = max(floors[model], (k - 1).quantize(PLACES))
    return out
