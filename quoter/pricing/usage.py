"""Monthly usage of a staffing plan: contacts, minutes, productive and paid hours, premium hours, seats'
basis, lines, as Decimals: the quantities every cost line and every tariff prices.

Premium hours (night, Friday, holidays) come from the shift plan when the quote uses one, else from the
staffing intervals: the share of required agent-hours in the night window and on the rest days (the price
book's ``labour``), applied to paid hours, on the agents' local clock (``labour.timezone``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from quoter.calendar import (
    DAYS,
    DAYS_PER_YEAR,
    MINUTES_PER_DAY,
    MINUTES_PER_WEEK,
    clock_shift_minutes,
    in_window,
    parse_time,
)
from quoter.inputs.campaign_book import is_campaign
from quoter.inputs.pricebook import Labour, PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, ZERO, dec_str, quantity, whole_up
from quoter.staffing.result import StaffingPlan

SOURCE_PLAN = "staffing plan"
SOURCE_SHIFTS = "shift plan"
CAMPAIGN = "campaign"  # hourly campaign agents' key among the weekly FTE (never a wage tier of the book)


@dataclass(frozen=True)
class Usage:
    """Monthly quantities of a staffing plan, as Decimals (the bases of costs and of every tariff).

    Per channel (voice, chat, email, outbound): handled contacts, handled minutes, billable talk minutes
    (voice without after-call work), productive agent-hours (logged in, before shrinkage).
    """

    contacts: dict[str, Decimal]
    handled_minutes: dict[str, Decimal]
    talk_minutes: dict[str, Decimal]
    productive_hours: dict[str, Decimal]
    fte_by_tier: dict[str, Decimal]
    fte: Decimal
    paid_hours: Decimal
    night_hours: Decimal
    friday_hours: Decimal
    holiday_hours: Decimal
    overtime_hours: Decimal
    peak_agents: int
    lines: int
    line_minutes: Decimal
    rotations: tuple[str, ...]  # which of morning/evening/night the service covers
    hours_source: str
    logged_in_hours: Decimal = ZERO  # paid hours less shrinkage: the hours agents are logged in and available
    campaign_hours: Decimal = ZERO  # paid hours of hourly campaign agents (in paid_hours, not in fte_by_tier)
    campaign_fte: Decimal = ZERO  # their full-time equivalent (in fte: support roles, hires and seats count them)
    part_time_hours: Decimal = ZERO  # paid hours of a roster's part-time tours (in paid_hours, not in fte_by_tier)
    part_time_fte: Decimal = ZERO  # their full-time equivalent (in fte, like campaign_fte)

    @property
    def total_contacts(self) -> Decimal:
        return sum(self.contacts.values(), ZERO)

    @property
    def total_productive_hours(self) -> Decimal:
        return sum(self.productive_hours.values(), ZERO)

    @property
    def salaried_fte(self) -> Decimal:
        """FTE paid a monthly wage (the wage tiers): every agent but those paid by the hour (campaign, part-time)."""
        return self.fte - self.campaign_fte - self.part_time_fte

    @property
    def headcount(self) -> int:
        """Agents on the account: FTE rounded up to whole people."""
        return int(whole_up(self.fte))

    def to_dict(self) -> dict[str, Any]:
        def d(m: dict[str, Decimal]) -> dict[str, str]:
            return {k: dec_str(v) for k, v in m.items()}

        return {
            "contacts": d(self.contacts),
            "handled_minutes": d(self.handled_minutes),
            "talk_minutes": d(self.talk_minutes),
            "productive_hours": d(self.productive_hours),
            "fte_by_tier": d(self.fte_by_tier),
            "fte": dec_str(self.fte),
            "headcount": self.headcount,
            "paid_hours": dec_str(self.paid_hours),
            "night_hours": dec_str(self.night_hours),
            "friday_hours": dec_str(self.friday_hours),
            "holiday_hours": dec_str(self.holiday_hours),
            "overtime_hours": dec_str(self.overtime_hours),
            "peak_agents": self.peak_agents,
            "lines": self.lines,
            "line_minutes": dec_str(self.line_minutes),
            "rotations": list(self.rotations),
            "hours_source": self.hours_source,
            "logged_in_hours": dec_str(self.logged_in_hours),
            "campaign_hours": dec_str(self.campaign_hours),
            "campaign_fte": dec_str(self.campaign_fte),
            **self._part_time_dict(),
        }

    def _part_time_dict(self) -> dict[str, str]:
        """The part-time fields, written only when a roster has part-time hours (older quotes have none)."""
        if not self.part_time_hours and not self.part_time_fte:
            return {}
        return {"part_time_hours": dec_str(self.part_time_hours), "part_time_fte": dec_str(self.part_time_fte)}


def _local(day: str, start: str, shift: int) -> tuple[int, int]:
    """(day index Saturday 0, minute of the day) of an interval on the agents' local clock."""
    t = (DAYS.index(day) * MINUTES_PER_DAY + parse_time(start) + shift) % MINUTES_PER_WEEK
    return t // MINUTES_PER_DAY, t % MINUTES_PER_DAY


def rotations(local_starts: set[int]) -> tuple[str, ...]:
    """Which of the three 8-hour bands (06-14, 14-22, 22-06, local time) have agents on duty in the week."""
    bands = {"morning": (360, 840), "evening": (840, 1320), "night": (1320, 360)}
    return tuple(name for name, (a, b) in bands.items() if any(in_window(s, a, b) for s in local_starts))


@dataclass(frozen=True)
class _Weekly:
    """A plan's weekly quantities per channel (answered contacts, handled and talk minutes, productive hours)
    and its FTE per wage tier, summed over its queues."""

    contacts: dict[str, float]
    handled: dict[str, float]
    talk: dict[str, float]
    productive: dict[str, float]
    fte_tier: dict[str, float]


@dataclass(frozen=True)
class _PaidHours:
    """Paid hours a week and the premium and overtime hours among them, FTE per wage tier, and their source."""

    paid: float
    night: float
    friday: float
    holiday: float
    overtime: float
    fte_tier: dict[str, float]
    source: str
    part_time: float = 0.0  # paid hours of part-time tours among ``paid`` (a roster's only)


def _weekly(req: Requirements, book: PriceBook, plan: StaffingPlan, campaign: bool = False) -> _Weekly:
    """The per-queue quantities of ``plan`` a week, summed per channel, and its FTE per wage tier (with
    ``campaign``, the outbound queues' FTE is the hourly campaign agents', under ``CAMPAIGN``, not a tier)."""
    w = _Weekly(defaultdict(float), defaultdict(float), defaultdict(float), defaultdict(float), defaultdict(float))
    voice = req.channels.voice
    for q in plan.queues:
        answered = q.contacts_week * (1 - (q.abandon_rate or 0.0))
        w.contacts[q.channel] += answered
        w.handled[q.channel] += q.handled_minutes_week
        if q.channel == "voice":
            w.talk[q.channel] += q.handled_minutes_week * (1 - voice.acw_seconds / voice.aht_seconds)
        else:
            w.talk[q.channel] += q.handled_minutes_week
        w.productive[q.channel] += q.agent_hours_week
        tier = CAMPAIGN if campaign and q.channel == "outbound" else book.wages.agent_wage(q.languages)[0]
        w.fte_tier[tier] += q.fte
    return w


def _interval_hours(plan: StaffingPlan, labour: Labour, shift: int) -> tuple[float, float, float, float, set[int]]:
    """Required agent-hours a week in the night window, on rest days, in all and at night on rest days, from
    the staffing intervals on the agents' clock (``shift`` minutes ahead of the service's), and the local
    start minutes staffed."""
    night_h = friday_h = total_h = rest_night_h = 0.0
    starts: set[int] = set()
    for q in plan.queues:
        h = plan.interval_minutes / 60
        for iv in q.intervals:
            if iv.agents <= 0:
                continue
            hours = iv.agents * h
            total_h += hours
            day, minute = _local(iv.day, iv.start, shift)
            starts.add(minute)
            if labour.is_night(minute):
                night_h += hours
            if labour.is_rest_day(day):
                friday_h += hours
                if labour.is_night(minute):
                    rest_night_h += hours
    return night_h, friday_h, total_h, rest_night_h, starts


def part_time_week(shifts: Any) -> float:
    """Paid hours a week of a shift plan's part-time tours (``part_time_hours_week``, among its paid hours;
    0 for a plan without the attribute, such as a saved quote's from before part-time tours)."""
    return float(getattr(shifts, "part_time_hours_week", 0.0) or 0.0) if shifts is not None else 0.0


def _roster_hours(shifts: Any, paid_week: float, fte_tier: dict[str, float]) -> _PaidHours:
    """Paid and premium hours from a shift plan; full-time FTE scaled to the roster's full-time paid hours (whole
    shifts cover the demand curve with more paid hours than the staffing plan's: pay them), part-time tours'
    hours apart (paid by the hour)."""
    split = shifts_hours(shifts)
    part_time = part_time_week(shifts)
    assert 0 <= part_time <= split["total"] * (1 + 1e-9) + 1e-9, (part_time, split["total"])
    scale = (split["total"] - part_time) / paid_week if paid_week > 0 else 1.0
    return _PaidHours(
        paid=split["total"],
        night=split.get("night", 0.0),
        friday=split.get("friday", 0.0),
        holiday=split.get("holiday", 0.0),
        overtime=split.get("overtime", 0.0),
        fte_tier=defaultdict(float, {k: v * scale for k, v in fte_tier.items()}),
        source=SOURCE_SHIFTS,
        part_time=part_time,
    )


def _plan_hours(
    paid_week: float, labour: Labour, interval_hours: tuple[float, float, float, float], fte_tier: dict[str, float]
) -> _PaidHours:
    """The staffing plan's paid hours, with premium hours in the shares of the interval estimate.

    Night, Friday and holiday hours overlap as their premiums stack (a Friday night hour is both); counted
    once each, in the shift planner's precedence (rest day, then holiday, then night), they fit in the
    paid hours: Friday + holiday + night off rest days and holidays <= paid.
    """
    night_h, friday_h, total_h, rest_night_h = interval_hours
    night_week = paid_week * night_h / total_h if total_h else 0.0
    friday_week = paid_week * friday_h / total_h if total_h else 0.0
    open_friday = friday_h > 0  # a service open on its rest days is taken to be open on official holidays
    holiday_share = labour.holidays_per_year / float(DAYS_PER_YEAR) if open_friday else 0.0
    holiday_week = (paid_week - friday_week) * holiday_share
    night_only = paid_week * (night_h - rest_night_h) / total_h * (1 - holiday_share) if total_h else 0.0
    assert friday_week + holiday_week + night_only <= paid_week * (1 + 1e-9) + 1e-9, (paid_week, interval_hours)
    return _PaidHours(paid_week, night_week, friday_week, holiday_week, 0.0, fte_tier, SOURCE_PLAN)


def _line_minutes_week(req: Requirements, plan: StaffingPlan, w: _Weekly) -> float:
    """Telephony line minutes a week: voice and outbound handling, IVR time, outbound dialling."""
    voice = req.channels.voice
    ivr_minutes = 0.0
    for q in plan.queues:
        if q.channel == "voice":
            ivr_minutes += q.contacts_week * voice.ivr_seconds / 60
    line_minutes_week = w.handled.get("voice", 0.0) + w.handled.get("outbound", 0.0) + ivr_minutes
    out = req.channels.outbound
    if out is not None:  # dialling time holds a line too
        line_minutes_week += w.contacts.get("outbound", 0.0) * out.dial_seconds / 60
    return line_minutes_week


def _month(x: float) -> Decimal:
    """A weekly quantity as a monthly Decimal."""
    return quantity(quantity(x, "0.000001") * WEEKS_PER_MONTH)


def measure(req: Requirements, book: PriceBook, plan: StaffingPlan, shifts: Any = None) -> Usage:
    """The monthly quantities of ``plan`` (and of a shift plan, when given) as Decimals."""
    labour = book.labour
    shift = clock_shift_minutes(req.service.timezone, labour.timezone, book.as_of)
    campaign = shifts is None and is_campaign(req, book)  # hourly agents for the plan's hours; a roster pays shifts
    w = _weekly(req, book, plan, campaign)
    night_h, friday_h, total_h, rest_night_h, starts = _interval_hours(plan, labour, shift)
    paid_week = plan.totals.scheduled_hours_week
    if shifts is not None:
        paid = _roster_hours(shifts, paid_week, w.fte_tier)
    else:
        paid = _plan_hours(paid_week, labour, (night_h, friday_h, total_h, rest_night_h), w.fte_tier)
    campaign_fte = paid.fte_tier.pop(CAMPAIGN, 0.0)
    campaign_week = sum(q.scheduled_hours_week for q in plan.queues if q.channel == "outbound") if campaign else 0.0
    part_time_fte = quantity(paid.part_time / req.staffing.hours_per_fte_week)
    return Usage(
        contacts={k: _month(v) for k, v in w.contacts.items()},
        handled_minutes={k: _month(v) for k, v in w.handled.items()},
        talk_minutes={k: _month(v) for k, v in w.talk.items()},
        productive_hours={k: _month(v) for k, v in w.productive.items()},
        fte_by_tier={k: quantity(v) for k, v in sorted(paid.fte_tier.items())},
        fte=sum((quantity(v) for v in paid.fte_tier.values()), ZERO) + quantity(campaign_fte) + part_time_fte,
        paid_hours=_month(paid.paid),
        night_hours=_month(paid.night),
        friday_hours=_month(paid.friday),
        holiday_hours=_month(paid.holiday),
        overtime_hours=_month(paid.overtime),
        peak_agents=plan.totals.peak_agents,
        lines=plan.totals.lines,
        line_minutes=_month(_line_minutes_week(req, plan, w)),
        rotations=rotations(starts),
        hours_source=paid.source,
        logged_in_hours=_month(paid.paid * (1 - req.staffing.shrinkage)),
        campaign_hours=_month(campaign_week),
        campaign_fte=quantity(campaign_fte),
        part_time_hours=_month(paid.part_time),
        part_time_fte=part_time_fte,
    )


def shifts_hours(shifts: Any) -> dict[str, float]:
    """Paid hours per week from a shift plan: ``total`` and the ``night``, ``friday``, ``holiday`` and
    ``overtime`` hours among them.

    The shift planner's result is read through ``paid_hours_week``: a mapping of hours per week by kind
    (``normal``, ``night``, ``friday``, ``holiday``, ``overtime``, and the hours of two kinds ``friday_night``
    and ``holiday_night``, all disjoint; see docs/pricing.md). The hours of two kinds count in both premiums.
    """
    split = {k: float(v) for k, v in shifts.paid_hours_week.items()}
    total = sum(split.values())  # the kinds are disjoint: they sum to the paid hours
    both_rest = split.pop("friday_night", 0.0)  # hours of two kinds carry both premiums (they stack)
    both_holiday = split.pop("holiday_night", 0.0)
    split["night"] = split.get("night", 0.0) + both_rest + both_holiday
    split["friday"] = split.get("friday", 0.0) + both_rest
    split["holiday"] = split.get("holiday", 0.0) + both_holiday
    return {**split, "total": total}
