"""The cost build-up: what the service costs the provider each month, line by line, and what it sells for.

Every line is ``quantity x rate = amount`` with its source (the staffing plan, the shift plan, the price
book). Quantities from the staffing plan enter money through :func:`quoter.money.quantity` (0.01 steps);
amounts are rounded only by the book's :class:`~quoter.money.Rounder`. The monthly total is the target
revenue at the forecast volume (cost + margin - term discount, VAT excluded); the tariffs price it.
Seats come from peak concurrent agents, not FTE.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, ZERO, dec_str, quantity, rate, whole_up
from quoter.pricing.usage import SOURCE_PLAN, Usage, measure
from quoter.staffing.result import StaffingPlan

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


class Lines:
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
    L = Lines(book)
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
