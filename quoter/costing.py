"""The cost build-up: what the service costs the provider each month, line by line, and what it sells for.

Every line is ``quantity x rate = amount`` with its source (the staffing plan, the shift plan, the price
book). Quantities from the staffing plan enter money through :func:`quoter.money.quantity` (0.01 steps);
amounts are rounded only by the book's :class:`~quoter.money.Rounder`. The monthly total is the target
revenue at the forecast volume (cost + margin - term discount, VAT excluded); the six tariffs price it.

Premium hours (night, Friday, holidays) come from the shift plan when the shift planner is installed and
otherwise from the staffing intervals: the share of required agent-hours in the night window and on
Fridays, applied to paid hours. Seats come from peak concurrent agents, not FTE.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .errors import DomainError, InputError
from .money import WEEKS_PER_MONTH, ZERO, dec_str, quantity, rate, whole_up
from .plan import DAYS, StaffingPlan
from .pricebook import PriceBook
from .requirements import Requirements

SOURCE_PLAN = "staffing plan"
SOURCE_SHIFTS = "shift plan"
SOURCE_BOOK = "price book"
SOURCE_LINES = "cost lines"

GROUPS: dict[str, tuple[str, str]] = {
    "agents": (
        "Agents (wages, insurance, allowances, accruals, premiums)",
        "کارشناسان پاسخگو (حقوق، بیمه، مزایا، ذخایر، فوق‌العاده‌ها)",
    ),
    "support": (
        "Supervision, QA, training, planning and management",
        "سرپرستی، تضمین کیفیت، آموزش، برنامه‌ریزی و مدیریت",
    ),
    "seats": ("Seats, technology and facility", "ایستگاه کاری، فناوری و فضای کار"),
    "telephony": ("Telephony", "تلفن و خطوط"),
    "overhead": ("Overhead and risk", "سربار و ذخیره ریسک"),
    "price": ("Margin and term discount", "سود و تخفیف مدت قرارداد"),
}  # fmt: skip
ROLES: dict[str, tuple[str, str]] = {
    "supervisor": ("Supervisors", "سرپرست"),
    "qa": ("Quality assurance", "کارشناس تضمین کیفیت"),
    "trainer": ("Trainers", "آموزش‌دهنده"),
    "wfm": ("Workforce planning", "برنامه‌ریز نیروی کار"),
    "manager": ("Account management", "مدیر پروژه"),
}


@dataclass(frozen=True)
class Line:
    """One explainable line: ``quantity x rate = amount`` (amount rounded to the book's line step).

    ``source`` says where the quantity comes from (the staffing plan, the shift plan, the price book or
    other cost lines); rates come from the price book.
    """

    key: str
    group: str
    label: str
    label_fa: str
    quantity: Decimal
    unit: str
    rate: Decimal
    amount: Decimal
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "group": self.group,
            "label": self.label,
            "label_fa": self.label_fa,
            "quantity": dec_str(self.quantity),
            "unit": self.unit,
            "rate": dec_str(self.rate),
            "amount": dec_str(self.amount),
            "source": self.source,
        }


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

    @property
    def total_contacts(self) -> Decimal:
        return sum(self.contacts.values(), ZERO)

    @property
    def total_productive_hours(self) -> Decimal:
        return sum(self.productive_hours.values(), ZERO)

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
        }


@dataclass(frozen=True)
class CostBuildUp:
    lines: tuple[Line, ...]
    direct: Decimal  # agents + support + seats + telephony
    provider_cost: Decimal  # direct + G&A + risk buffer: what the provider spends
    margin: Decimal
    discount: Decimal  # term discount (negative or zero)
    monthly_total: Decimal  # target revenue at forecast, rounded to the monthly step, excl. VAT
    target_margin: Decimal
    term_discount: Decimal
    agent_hourly_wage: Decimal  # blended base wage per paid hour (premium basis)
    agent_loaded_monthly: Decimal  # fully loaded monthly cost of one agent FTE (setup and in-house basis)
    usage: Usage

    def group_total(self, group: str) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.group == group), ZERO)

    def to_dict(self) -> dict[str, Any]:
        return {
            "monthly_total": dec_str(self.monthly_total),
            "provider_cost": dec_str(self.provider_cost),
            "direct": dec_str(self.direct),
            "margin": dec_str(self.margin),
            "discount": dec_str(self.discount),
            "target_margin": dec_str(self.target_margin),
            "term_discount": dec_str(self.term_discount),
            "agent_hourly_wage": dec_str(self.agent_hourly_wage),
            "agent_loaded_monthly": dec_str(self.agent_loaded_monthly),
            "lines": [ln.to_dict() for ln in self.lines],
            "summary": [
                {"key": g, "label": en, "label_fa": fa, "amount": dec_str(self.group_total(g))}
                for g, (en, fa) in GROUPS.items()
                if any(ln.group == g for ln in self.lines)
            ],
        }


@dataclass(frozen=True)
class Setup:
    lines: tuple[Line, ...]
    total: Decimal
    hires: int

    def to_dict(self) -> dict[str, Any]:
        return {"total": dec_str(self.total), "hires": self.hires, "lines": [ln.to_dict() for ln in self.lines]}


@dataclass(frozen=True)
class RampStage:
    stage: int
    week: int
    share: Decimal
    agents: int

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "week": self.week, "share": dec_str(self.share), "agents": self.agents}


@dataclass(frozen=True)
class InHouse:
    """What the client would spend to run the same service itself."""

    lines: tuple[Line, ...]
    monthly_total: Decimal
    setup_lines: tuple[Line, ...]
    setup_total: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {
            "monthly_total": dec_str(self.monthly_total),
            "setup_total": dec_str(self.setup_total),
            "lines": [ln.to_dict() for ln in self.lines],
            "setup_lines": [ln.to_dict() for ln in self.setup_lines],
        }


# ---------------------------------------------------------------- usage
def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _in_window(start: int, a: int, b: int) -> bool:
    return a <= start < b if a < b else start >= a or start < b


def _clock_shift(req: Requirements, book: PriceBook) -> int:
    """Minutes to add to the service's clock (the client's time zone) to get the agents' local clock."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    noon = dt.datetime.combine(book.as_of, dt.time(12))
    service = noon.replace(tzinfo=ZoneInfo(req.service.timezone)).utcoffset()
    local = noon.replace(tzinfo=ZoneInfo(book.labour.timezone)).utcoffset()
    return int(((local or dt.timedelta()) - (service or dt.timedelta())).total_seconds() // 60)


def _local(day: str, start: str, shift: int) -> tuple[int, int]:
    """(day index Saturday 0, minute of the day) of an interval on the agents' local clock."""
    t = (DAYS.index(day) * 1440 + _minutes(start) + shift) % (7 * 1440)
    return t // 1440, t % 1440


def _rotations(local_starts: set[int]) -> tuple[str, ...]:
    """Which of the three 8-hour bands (06-14, 14-22, 22-06, local time) have agents on duty in the week."""
    bands = {"morning": (360, 840), "evening": (840, 1320), "night": (1320, 360)}
    return tuple(name for name, (a, b) in bands.items() if any(_in_window(s, a, b) for s in local_starts))


def measure(req: Requirements, book: PriceBook, plan: StaffingPlan, shifts: Any = None) -> Usage:
    """The monthly quantities of ``plan`` (and of a shift plan, when given) as Decimals."""
    wpm = WEEKS_PER_MONTH
    contacts: dict[str, float] = defaultdict(float)
    handled: dict[str, float] = defaultdict(float)
    talk: dict[str, float] = defaultdict(float)
    productive: dict[str, float] = defaultdict(float)
    fte_tier: dict[str, float] = defaultdict(float)
    night_a, night_b = _minutes(book.labour.night_start), _minutes(book.labour.night_end)
    night_h = friday_h = total_h = 0.0
    shift = _clock_shift(req, book)
    starts: set[int] = set()
    voice = req.channels.voice
    for q in plan.queues:
        answered = q.contacts_week * (1 - (q.abandon_rate or 0.0))
        contacts[q.channel] += answered
        handled[q.channel] += q.handled_minutes_week
        if q.channel == "voice":
            talk[q.channel] += q.handled_minutes_week * (1 - voice.acw_seconds / voice.aht_seconds)
        else:
            talk[q.channel] += q.handled_minutes_week
        productive[q.channel] += q.agent_hours_week
        fte_tier[book.wages.agent_wage(q.languages)[0]] += q.fte
        h = plan.interval_minutes / 60
        for iv in q.intervals:
            if iv.agents <= 0:
                continue
            hours = iv.agents * h
            total_h += hours
            day, minute = _local(iv.day, iv.start, shift)
            starts.add(minute)
            if _in_window(minute, night_a, night_b):
                night_h += hours
            if DAYS[day] == "fri":
                friday_h += hours
    paid_week = plan.totals.scheduled_hours_week
    source = SOURCE_PLAN
    overtime_week = 0.0
    if shifts is not None:
        split = shifts_hours(shifts)
        night_week, friday_week = split.get("night", 0.0), split.get("friday", 0.0)
        holiday_week, overtime_week = split.get("holiday", 0.0), split.get("overtime", 0.0)
        # whole shifts cover the demand curve with more paid hours than the plan's: pay them
        scale = split["total"] / paid_week if paid_week > 0 else 1.0
        fte_tier = defaultdict(float, {k: v * scale for k, v in fte_tier.items()})
        paid_week = split["total"]
        source = SOURCE_SHIFTS
    else:
        night_week = paid_week * night_h / total_h if total_h else 0.0
        friday_week = paid_week * friday_h / total_h if total_h else 0.0
        open_friday = friday_h > 0  # a service open on Fridays is taken to be open on official holidays
        holiday_week = (paid_week - friday_week) * book.labour.holidays_per_year / 365.25 if open_friday else 0.0
    ivr_minutes = 0.0
    for q in plan.queues:
        if q.channel == "voice":
            ivr_minutes += q.contacts_week * voice.ivr_seconds / 60
    line_minutes_week = handled.get("voice", 0.0) + handled.get("outbound", 0.0) + ivr_minutes
    out = req.channels.outbound
    if out is not None:  # dialling time holds a line too
        line_minutes_week += contacts.get("outbound", 0.0) * out.dial_seconds / 60

    def month(x: float) -> Decimal:
        return quantity(quantity(x, "0.000001") * wpm)

    return Usage(
        contacts={k: month(v) for k, v in contacts.items()},
        handled_minutes={k: month(v) for k, v in handled.items()},
        talk_minutes={k: month(v) for k, v in talk.items()},
        productive_hours={k: month(v) for k, v in productive.items()},
        fte_by_tier={k: quantity(v) for k, v in sorted(fte_tier.items())},
        fte=sum((quantity(v) for v in fte_tier.values()), ZERO),
        paid_hours=month(paid_week),
        night_hours=month(night_week),
        friday_hours=month(friday_week),
        holiday_hours=month(holiday_week),
        overtime_hours=month(overtime_week),
        peak_agents=plan.totals.peak_agents,
        lines=plan.totals.lines,
        line_minutes=month(line_minutes_week),
        rotations=_rotations(starts),
        hours_source=source,
    )


def shifts_hours(shifts: Any) -> dict[str, float]:
    """Paid hours per week from a shift plan: ``total`` and the ``night``, ``friday``, ``holiday`` and
    ``overtime`` hours among them.

    The shift planner's result is read through ``paid_hours_week``: a mapping of hours per week by kind
    (``normal``, ``night``, ``friday``, ``holiday``, ``overtime``; see docs/pricing.md).
    """
    split = {k: float(v) for k, v in shifts.paid_hours_week.items()}
    return {**split, "total": sum(split.values())}


SHIFT_SECONDS = 0.3
HOURS_STEP = "0.000001"  # shift-plan hours are kept (and saved) to this step
"""Time the quote gives the shift planner by default: enough for business-hours accounts (they solve in
a few hundredths of a second); a large 24/7 roster that needs longer falls back to the interval estimate."""


@dataclass(frozen=True)
class ShiftUse:
    """Whether the quote's paid hours and premium hours come from a shift plan, and why (not)."""

    used: bool
    note: str
    status: str | None = None
    paid_hours_week: dict[str, float] | None = None
    headcount: int | None = None
    efficiency: float | None = None
    solve_seconds: float | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShiftUse:
        """Back from ``to_dict`` (a saved quote): the same hours, so the same costs."""

        def f(x: Any) -> float | None:
            return None if x is None else float(str(x))

        hours = data.get("paid_hours_week")
        return cls(
            used=bool(data["used"]),
            note=str(data["note"]),
            status=data.get("status"),
            paid_hours_week=None if hours is None else {k: float(str(v)) for k, v in hours.items()},
            headcount=data.get("headcount"),
            efficiency=f(data.get("efficiency")),
            solve_seconds=f(data.get("solve_seconds")),
        )

    def to_dict(self) -> dict[str, Any]:
        def q(x: float | None, places: str = "0.01") -> str | None:
            return None if x is None else dec_str(quantity(x, places))

        return {
            "used": self.used,
            "note": self.note,
            "status": self.status,
            "paid_hours_week": None
            if self.paid_hours_week is None
            else {k: q(v, HOURS_STEP) for k, v in self.paid_hours_week.items()},
            "headcount": self.headcount,
            "efficiency": q(self.efficiency, "0.0001"),
            "solve_seconds": q(self.solve_seconds, "0.001"),
        }


def plan_shifts_for_quote(
    req: Requirements, plan: StaffingPlan, book: PriceBook, mode: bool | None = None, seconds: float = SHIFT_SECONDS
) -> tuple[Any, ShiftUse]:
    """The shift plan to price with, and a note saying which hours the quote uses.

    ``mode``: ``False`` never plans shifts; ``True`` waits for the planner (its own time limit) and
    takes its best roster; ``None`` (default) gives it ``seconds`` and takes the roster only when
    the solver proves it (status optimal), so the same input always gives the same quote; a
    round-the-clock service is not attempted by default (its roster needs seconds).
    """
    import inspect

    interval = "paid hours and premium hours from the staffing intervals"
    if mode is False:
        return None, ShiftUse(False, f"shift planning not asked for: {interval}")
    if (
        mode is None
        and len(_rotations({_minutes(iv.start) for q in plan.queues for iv in q.intervals if iv.agents > 0})) == 3
    ):
        # measured: round-the-clock rosters take the MILP seconds (1.5-4 s even for one queue), never a
        # quote's fraction of a second, so the attempt would only cost time
        return None, ShiftUse(
            False,
            f"a round-the-clock roster takes the shift planner longer than a quote allows: {interval} "
            "(quote with shift planning on to wait for it)",
        )
    try:
        from . import shifts as shift_module  # type: ignore[attr-defined]
    except ImportError:
        return None, ShiftUse(False, f"no shift planner installed: {interval}")
    fn = getattr(shift_module, "plan_shifts", None)
    if fn is None:
        return None, ShiftUse(False, f"no shift planner installed: {interval}")
    p = book.premiums
    kwargs: dict[str, Any] = {}
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        params = {}  # type: ignore[assignment]
    if "premiums" in params:
        kwargs["premiums"] = {"night": float(p.night), "friday": float(p.friday), "holiday": float(p.holiday)}
    if mode is None and "time_limit_s" in params:
        kwargs["time_limit_s"] = seconds
    try:
        result = fn(req, plan, **kwargs)
    except DomainError as exc:
        if mode:
            raise
        return None, ShiftUse(False, f"the shift planner found no roster ({exc}): {interval}")
    if not hasattr(result, "paid_hours_week"):
        return None, ShiftUse(False, f"the shift planner gave no paid hours: {interval}")
    statuses = [getattr(q, "status", "optimal") for q in getattr(result, "queues", ())]
    status = "optimal" if all(s in ("optimal", "skipped") for s in statuses) else "time_limit"
    totals = getattr(result, "totals", {}) or {}
    if mode is None and status != "optimal":
        return None, ShiftUse(
            False,
            f"the shift planner did not prove a roster within {seconds:g} s: {interval} "
            "(quote with shift planning on to wait for it)",
            status=status,
            solve_seconds=totals.get("solve_seconds"),
        )
    split = {k: float(quantity(float(v), HOURS_STEP)) for k, v in result.paid_hours_week.items()}
    headcount = totals.get("headcount")
    proof = "" if status == "optimal" else "; the solver's best roster within its time limit, not proven optimal"
    return result, ShiftUse(
        True,
        f"paid hours and premium hours from the shift plan (whole weekly shifts{proof})",
        status=status,
        paid_hours_week=split,
        headcount=None if headcount is None else int(headcount),
        efficiency=totals.get("efficiency"),
        solve_seconds=totals.get("solve_seconds"),
    )


@dataclass(frozen=True)
class ScaledShifts:
    """A shift plan's paid-hour split scaled to another staffing plan (scenarios: no shift solving per run)."""

    paid_hours_week: dict[str, float]


def scale_shifts(shifts: Any, base: StaffingPlan, other: StaffingPlan) -> ScaledShifts | None:
    """``shifts`` (made for ``base``) scaled by the ratio of scheduled hours of ``other`` to ``base``."""
    if shifts is None or base.totals.scheduled_hours_week <= 0:
        return None
    factor = other.totals.scheduled_hours_week / base.totals.scheduled_hours_week
    return ScaledShifts({k: float(v) * factor for k, v in shifts.paid_hours_week.items()})


# ---------------------------------------------------------------- cost
class _Lines:
    def __init__(self, book: PriceBook) -> None:
        self.r = book.rounder
        self.items: list[Line] = []

    def add(
        self, key: str, group: str, label: str, label_fa: str, qty: Decimal, unit: str, rate_: Decimal, source: str
    ) -> Line:
        line = Line(key, group, label, label_fa, qty, unit, rate_, self.r.line(qty * rate_), source)
        self.items.append(line)
        return line

    def total_keys(self, prefix: str) -> Decimal:
        return sum((ln.amount for ln in self.items if ln.key.startswith(prefix)), ZERO)

    def total(self, *groups: str) -> Decimal:
        return sum((ln.amount for ln in self.items if not groups or ln.group in groups), ZERO)


def loaded_monthly(book: PriceBook, wage: Decimal) -> Decimal:
    """Fully loaded monthly cost of one full-time employee on ``wage`` (before premiums), line-rounded."""
    a = book.allowances
    allowances = a.housing + a.food + a.child
    insured = wage + sum((getattr(a, k) for k in book.loads.insured_allowances), ZERO)
    loads = insured * book.loads.employer_insurance + wage * book.loads.other
    return book.rounder.line(wage + allowances + loads + accrual_monthly(book, wage))


def accrual_monthly(book: PriceBook, wage: Decimal) -> Decimal:
    """Year-end bonus (eydi, capped) and severance (sanavat) accrued per month on ``wage``."""
    days = book.labour.days_per_month
    ac = book.accruals
    eydi = ac.eydi_days * wage / days
    if ac.eydi_cap_minimum_wage_days is not None:
        daily_min = book.labour.minimum_wage_monthly / days
        eydi = min(eydi, ac.eydi_cap_minimum_wage_days * daily_min)
    severance = ac.severance_days_per_year * wage / days
    return book.rounder.line((eydi + severance) / 12)


def _rotation_premium(book: PriceBook, rotations: tuple[str, ...]) -> Decimal:
    """Shift premium on agents' base wages when the service covers the night, so agents rotate.

    Day-only services (morning and evening bands) are staffed with fixed shifts: no premium.
    """
    p = book.premiums
    if "night" not in rotations:
        return ZERO
    return p.shift_three if len(rotations) >= 3 else p.shift_two_with_night


def role_count(book: PriceBook, role: str, fte: Decimal) -> Decimal:
    """People in a span-of-control role for ``fte`` agents (whole people or a shared fraction)."""
    spec = getattr(book.span_of_control, role)
    n = max(spec.minimum, fte / spec.ratio)
    return whole_up(n) if spec.whole else quantity(n)


def build_cost(req: Requirements, book: PriceBook, plan: StaffingPlan, shifts: Any = None) -> CostBuildUp:
    """The monthly cost build-up and target revenue of ``plan`` under ``book``."""
    u = measure(req, book, plan, shifts)
    L = _Lines(book)
    r = book.rounder
    cur = book.currency
    a = book.allowances
    src = u.hours_source  # FTE and premium hours: the staffing plan, or the shift plan when one is used
    wages_total = ZERO
    for tier, fte in u.fte_by_tier.items():
        wage = book.wages.agent[tier]
        wages_total += L.add(
            f"wages.{tier}", "agents", f"Agent wages, {tier} tier", f"حقوق پایه کارشناسان، رده {tier}",
            fte, "FTE", wage, src,
        ).amount  # fmt: skip
    per_head = a.housing + a.food + a.child
    L.add("allowances", "agents", "Allowances (housing, food, child)", "مزایا (مسکن، بن، حق اولاد)",
          u.fte, "FTE", per_head, src)  # fmt: skip
    for tier, fte in u.fte_by_tier.items():
        L.add(f"accruals.{tier}", "agents", f"Year-end bonus and severance accruals, {tier} tier",
              f"ذخیره عیدی و سنوات، رده {tier}", fte, "FTE", accrual_monthly(book, book.wages.agent[tier]),
              src)  # fmt: skip
    hours_per_month = quantity(quantity(plan.hours_per_fte_week) * WEEKS_PER_MONTH)
    hourly = r.line(wages_total / (u.fte * hours_per_month)) if u.fte else ZERO
    p = book.premiums
    for key, hours, share, en, fa in (
        ("night", u.night_hours, p.night, "Night-work premium (22:00-06:00)", "فوق‌العاده شب‌کاری"),
        ("friday", u.friday_hours, p.friday, "Friday-work premium", "فوق‌العاده کار در روز جمعه"),
        ("holiday", u.holiday_hours, p.holiday, "Official-holiday premium", "فوق‌العاده کار در تعطیلات رسمی"),
        ("overtime", u.overtime_hours, p.overtime, "Overtime premium", "اضافه‌کاری"),
    ):
        if hours > 0 and share > 0:
            L.add(f"premium.{key}", "agents", en, fa, hours, "h", r.line(hourly * share), src)
    rot = _rotation_premium(book, u.rotations)
    if rot:
        L.add("premium.shift", "agents", f"Rotating-shift premium ({'/'.join(u.rotations)})",
              "فوق‌العاده نوبت‌کاری", wages_total, cur, rot, SOURCE_LINES)  # fmt: skip
    insured = wages_total + u.fte * sum((getattr(a, k) for k in book.loads.insured_allowances), ZERO)
    if book.loads.insure_premiums:
        insured += L.total_keys("premium.")
    L.add("insurance", "agents", "Employer social insurance", "حق بیمه سهم کارفرما",
          r.line(insured), cur, book.loads.employer_insurance, SOURCE_LINES)  # fmt: skip
    if book.loads.other:
        L.add("other_loads", "agents", "Other employer loads", "سایر کسور سهم کارفرما",
              wages_total, cur, book.loads.other, SOURCE_LINES)  # fmt: skip
    for role, (en, fa) in ROLES.items():
        n = role_count(book, role, u.fte)
        if n > 0:
            L.add(f"support.{role}", "support", en, fa, n, "FTE",
                  loaded_monthly(book, getattr(book.wages, role)), src)  # fmt: skip
    seats = seat_count(book, u)
    L.add("seats", "seats", "Seats and technology (workstation, licences, headset)",
          "ایستگاه کاری و فناوری (رایانه، مجوز نرم‌افزار، هدست)", seats, "seat", book.seats.per_seat,
          SOURCE_PLAN)  # fmt: skip
    L.add("facility", "seats", "Facility (space, power, UPS, security)", "فضای کار (اجاره، برق، برق اضطراری، امنیت)",
          seats, "seat", book.facility.per_seat_month, SOURCE_PLAN)  # fmt: skip
    if u.line_minutes > 0:
        L.add("telephony.minutes", "telephony", "Telephony minutes (IVR, talk, dialling)",
              "دقیقه مکالمه (پاسخگوی خودکار، مکالمه، شماره‌گیری)", u.line_minutes, "min",
              book.telephony.per_minute, SOURCE_PLAN)  # fmt: skip
    if u.lines > 0:
        L.add("telephony.lines", "telephony", "Telephone lines (Erlang B)", "خطوط تلفن (ارلنگ B)",
              Decimal(u.lines), "line", book.telephony.per_line_month, SOURCE_PLAN)  # fmt: skip
    direct = L.total()
    ga = L.add("overhead.g_and_a", "overhead", "General and administrative overhead", "سربار عمومی و اداری",
               direct, cur, book.overhead.g_and_a, SOURCE_LINES).amount  # fmt: skip
    L.add("overhead.risk", "overhead", "Risk buffer", "ذخیره ریسک", direct + ga, cur, book.overhead.risk_buffer,
          SOURCE_LINES)  # fmt: skip
    provider_cost = L.total()
    m = book.target_margin
    markup = rate(m / (1 - m))
    margin = L.add("margin", "price", f"Margin ({dec_str((m * 100).normalize())}% of the price)", "سود",
                   provider_cost, cur, markup, SOURCE_LINES).amount  # fmt: skip
    term_discount = book.terms.discount(req.service.term_months)
    discount = ZERO
    if term_discount:
        discount = L.add("discount.term", "price", f"Term discount ({req.service.term_months} months)",
                         "تخفیف مدت قرارداد", provider_cost + margin, cur, -term_discount,
                         SOURCE_LINES).amount  # fmt: skip
    return CostBuildUp(
        lines=tuple(L.items),
        direct=direct,
        provider_cost=provider_cost,
        margin=margin,
        discount=discount,
        monthly_total=r.monthly(provider_cost + margin + discount),
        target_margin=m,
        term_discount=term_discount,
        agent_hourly_wage=hourly,
        agent_loaded_monthly=_agent_loaded(book, u),
        usage=u,
    )


def seat_count(book: PriceBook, u: Usage) -> Decimal:
    """Seats: peak concurrent agents plus the spare share, whole seats."""
    return whole_up(Decimal(u.peak_agents) * (1 + book.seats.spare_share))


def _agent_loaded(book: PriceBook, u: Usage) -> Decimal:
    """FTE-weighted loaded monthly cost of an agent across tiers."""
    if not u.fte:
        return ZERO
    total = sum((loaded_monthly(book, book.wages.agent[t]) * f for t, f in u.fte_by_tier.items()), ZERO)
    return book.rounder.line(total / u.fte)


# ---------------------------------------------------------------- setup, ramp-up, in-house
def check_term(req: Requirements, book: PriceBook) -> None:
    """The ramp-up must fit in the contract term."""
    term_weeks = req.service.term_months * WEEKS_PER_MONTH
    if book.ramp_up.weeks > term_weeks:
        raise InputError(
            "the price book's ramp-up does not fit the contract",
            [
                f"ramp_up.stages: the ramp-up ({book.ramp_up.weeks} weeks) is longer than the term "
                f"(service.term_months = {req.service.term_months}, {term_weeks:.1f} weeks)"
            ],
        )


def ramp_up(book: PriceBook, cost: CostBuildUp) -> tuple[RampStage, ...]:
    """Agents on the account at each stage of the ramp-up (whole agents of the full headcount)."""
    n = cost.usage.headcount
    return tuple(
        RampStage(i, s.week, s.share, int(whole_up(s.share * n))) for i, s in enumerate(book.ramp_up.stages, 1)
    )


def build_setup(req: Requirements, book: PriceBook, cost: CostBuildUp) -> Setup:
    """One-time costs before go-live (recruitment, paid training, nesting, IVR and CRM), with the setup margin."""
    L = _Lines(book)
    u = cost.usage
    ot = book.one_time
    cur = book.currency
    supervisors = role_count(book, "supervisor", u.fte) if book.span_of_control.supervisor.whole else ZERO
    hires = Decimal(u.headcount) + supervisors
    hours_per_month = quantity(quantity(req.staffing.hours_per_fte_week) * WEEKS_PER_MONTH)
    loaded_hourly = book.rounder.line(cost.agent_loaded_monthly / hours_per_month)
    L.add("setup.recruitment", "setup", "Recruitment and testing", "جذب، آزمون و گزینش", hires, "hire",
          ot.recruitment_per_hire, SOURCE_PLAN)  # fmt: skip
    if ot.training_hours:
        L.add("setup.training", "setup", "Paid training before go-live", "آموزش پیش از شروع (با حقوق)",
              Decimal(u.headcount) * ot.training_hours, "h", loaded_hourly, SOURCE_PLAN)  # fmt: skip
    lost = Decimal(u.headcount) * ot.nesting_weeks * quantity(req.staffing.hours_per_fte_week)
    lost = quantity(lost * (1 - ot.nesting_productivity))
    if lost > 0:
        L.add("setup.nesting", "setup", "Ramp-up: new agents below full productivity",
              "افزایش تدریجی ظرفیت: بهره‌وری کمتر کارشناسان جدید", lost, "h", loaded_hourly,
              SOURCE_PLAN)  # fmt: skip
    if req.channels.voice.ivr_seconds > 0:
        L.add("setup.ivr", "setup", "IVR set-up", "راه‌اندازی پاسخگوی خودکار", Decimal(1), "item", ot.ivr_setup,
              SOURCE_BOOK)  # fmt: skip
    L.add("setup.crm", "setup", "CRM integration (results recorded in the client's CRM)",
          "اتصال به سامانه مدیریت ارتباط با مشتری", Decimal(1), "item", ot.crm_integration, SOURCE_BOOK)  # fmt: skip
    if ot.setup_margin:
        base = L.total()
        L.add("setup.margin", "setup", "Set-up margin", "سود راه‌اندازی", base, cur,
              rate(ot.setup_margin / (1 - ot.setup_margin)), SOURCE_LINES)  # fmt: skip
    return Setup(tuple(L.items), book.rounder.setup(L.total()), int(hires))


def build_in_house(book: PriceBook, cost: CostBuildUp, setup: Setup) -> InHouse:
    """The client's monthly and one-time cost of running the same staffing itself."""
    ih = book.in_house
    cur = book.currency
    u = cost.usage
    L = _Lines(book)
    staff = cost.group_total("agents") + cost.group_total("support")
    staff_line = L.add("in_house.staff", "in_house", "Staff (same team, in-house pay)", "نیروی انسانی (همان تیم)",
                       staff, cur, ih.wage_factor, SOURCE_LINES)  # fmt: skip
    L.add("in_house.management", "in_house", "Management and oversight", "مدیریت و نظارت", staff_line.amount, cur,
          ih.management_share, SOURCE_LINES)  # fmt: skip
    seats = seat_count(book, u)
    L.add("in_house.seats", "in_house", "Seats, technology and space", "ایستگاه کاری، فناوری و فضا", seats, "seat",
          ih.seat_per_month, SOURCE_PLAN)  # fmt: skip
    tel = cost.group_total("telephony")
    if tel:
        L.add("in_house.telephony", "in_house", "Telephony", "تلفن و خطوط", tel, cur, Decimal(1), SOURCE_LINES)
    hires = quantity(Decimal(u.headcount) * ih.turnover_annual / 12)
    if hires:
        L.add("in_house.turnover", "in_house", "Staff turnover (replacement hiring and training)",
              "جایگزینی نیروی جداشده (جذب و آموزش)", hires, "hire", ih.replacement_cost_per_hire,
              SOURCE_PLAN)  # fmt: skip
    monthly = book.rounder.monthly(L.total())
    S = _Lines(book)
    S.add("in_house.fitout", "in_house_setup", "Space fit-out and equipment", "تجهیز فضا و تجهیزات", seats, "seat",
          ih.fitout_per_seat, SOURCE_PLAN)  # fmt: skip
    S.add("in_house.software", "in_house_setup", "Contact-centre software set-up", "راه‌اندازی نرم‌افزار مرکز تماس",
          Decimal(1), "item", ih.software_setup, SOURCE_BOOK)  # fmt: skip
    hiring = sum((ln.amount for ln in setup.lines if ln.key in ("setup.recruitment", "setup.training")), ZERO)
    S.add("in_house.hiring", "in_house_setup", "Recruitment and training", "جذب و آموزش", hiring, cur,
          ih.wage_factor, SOURCE_LINES)  # fmt: skip
    return InHouse(tuple(L.items), monthly, tuple(S.items), book.rounder.setup(S.total()))
