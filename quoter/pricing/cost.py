"""The cost build-up: what the service costs the provider each month, line by line, and what it sells for.

Every line is ``quantity x rate = amount`` with its source (the staffing plan, the shift plan, the price
book). Quantities from the staffing plan enter money through :func:`quoter.money.quantity` (0.01 steps);
amounts are rounded only by the book's :class:`~quoter.money.Rounder`. The monthly total is the target
revenue at the forecast volume (cost + margin - term discount, VAT excluded); the tariffs price it.
Seats come from peak concurrent agents, not FTE.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from quoter.errors import DomainError
from quoter.inputs.hourly_pay import HourlyPay
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, ZERO, dec_str, quantity, whole_up
from quoter.pricing.expr import Const, Expr, Fn, IfPositive, Input, Leaf, Num, Ref, Round, WholeUp, lift, total
from quoter.pricing.usage import SOURCE_PLAN, Usage, measure
from quoter.staffing.result import StaffingPlan

SOURCE_BOOK = "price book"
SOURCE_LINES = "cost lines"
SOURCE_TERM = "term plan"

GROUPS: tuple[str, ...] = ("agents", "support", "seats", "telephony", "overhead", "price")
"""Cost groups in display order (their words: quoter.render.wording, ``group.<key>``)."""
ROLES: tuple[str, ...] = ("supervisor", "qa", "trainer", "wfm", "manager")
"""Support roles sized by span of control (``book.span_of_control``)."""


@dataclass(frozen=True)
class Line:
    """One explainable line: ``quantity x rate = amount`` (amount rounded to the book's line step).

    ``source`` says where the quantity comes from (the staffing plan, the shift plan, the price book or
    other cost lines); rates come from the price book. ``exprs`` holds the quantity, rate and amount as
    expressions (:mod:`quoter.pricing.expr`), the form the workbook prints.
    """

    key: str
    group: str
    quantity: Decimal
    unit: str
    rate: Decimal
    amount: Decimal
    source: str
    fields: dict[str, str] = field(default_factory=dict)  # what the line's label names (months, percent...)
    exprs: tuple[Expr, Expr, Expr] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "group": self.group,
            **({"fields": dict(self.fields)} if self.fields else {}),
            "quantity": dec_str(self.quantity),
            "unit": self.unit,
            "rate": dec_str(self.rate),
            "amount": dec_str(self.amount),
            "source": self.source,
        }


@dataclass(frozen=True)
class CostBuildUp:
    lines: tuple[Line, ...]  # the lines shown (an optional line with nothing to charge is left out)
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
    financing: Decimal = ZERO  # the cost of being paid, a share of the cost before it (the term plan's)
    all_lines: tuple[Line, ...] = field(default=(), compare=False, repr=False)  # shown and optional (workbook)
    exprs: dict[str, Expr] = field(default_factory=dict, compare=False, repr=False)  # provider_cost, monthly_total

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
            "financing": dec_str(self.financing),
            "lines": [ln.to_dict() for ln in self.lines],
            "summary": [
                {"key": g, "amount": dec_str(self.group_total(g))}
                for g in GROUPS
                if any(ln.group == g for ln in self.lines)
            ],
        }


class Lines:
    """Cost lines being built: each ``quantity x rate``, the amount rounded to the book's line step."""

    def __init__(self, book: PriceBook) -> None:
        self.r = book.rounder
        self.items: list[Line] = []
        self.hidden: set[str] = set()

    def add(
        self,
        key: str,
        group: str,
        qty: Num,
        unit: str,
        rate_: Num,
        source: str,
        *,
        fields: dict[str, str] | None = None,
        optional: bool = False,
    ) -> Line:
        q, rt = lift(qty), lift(rate_)
        amount = Ref(
            f"amount.{key}", Round(Ref(f"qty.{key}", q) * Ref(f"rate.{key}", rt), self.r.step("line"), self.r.mode)
        )
        line = Line(key, group, q.value, unit, rt.value, amount.value, source, dict(fields or {}), (q, rt, amount))
        self.items.append(line)
        if optional and amount.value == 0:
            self.hidden.add(key)
        return line

    def _exprs(self, key: str) -> tuple[Expr, Expr, Expr]:
        line = next(ln for ln in self.items if ln.key == key)
        assert line.exprs is not None
        return line.exprs

    def amount(self, key: str) -> Expr:
        """The amount of line ``key`` (a reference to its cell in the workbook)."""
        return self._exprs(key)[2]

    def rate(self, key: str) -> Expr:
        """The rate of line ``key``, as written (the workbook refers to it as ``rate.<key>``)."""
        return self._exprs(key)[1]

    def sum_of(self, pred: Any) -> Expr:
        return total(ln.exprs[2] for ln in self.items if ln.exprs is not None and pred(ln))

    def total_keys(self, prefix: str) -> Decimal:
        return sum((ln.amount for ln in self.items if ln.key.startswith(prefix)), ZERO)

    def total(self, *groups: str) -> Decimal:
        return sum((ln.amount for ln in self.items if not groups or ln.group in groups), ZERO)

    def shown(self) -> tuple[Line, ...]:
        return tuple(ln for ln in self.items if ln.key not in self.hidden)


def allowances_total(book: PriceBook) -> Decimal:
    """Every allowance of one full-time head a month (the law's and the provider's)."""
    return sum(book.allowances_per_head().values(), ZERO)


def insured_allowances(book: PriceBook) -> Decimal:
    """The allowances of one head a month that are insured pay (``loads.insured_allowances``)."""
    per_head = book.allowances_per_head()
    return sum((per_head[k] for k in book.loads.insured_allowances), ZERO)


def loaded_monthly(book: PriceBook, wage: Decimal) -> Decimal:
    """Fully loaded monthly cost of one full-time employee on ``wage`` (before premiums), line-rounded.

    Insured pay is capped at the law's ceiling (``law.insurance_ceiling_minimum_wages`` x the minimum wage)."""
    allowances = allowances_total(book)
    insured = wage + insured_allowances(book)
    ceiling = book.insurance_ceiling()
    if ceiling is not None:
        insured = min(insured, ceiling)
    loads = insured * book.loads.employer_insurance + wage * book.loads.other
    return book.rounder.line(wage + allowances + loads + accrual_monthly(book, wage))


def accrual_monthly(book: PriceBook, wage: Decimal) -> Decimal:
    """Year-end bonus (eydi, capped) and severance (sanavat) accrued per month on ``wage``."""
    return accrual_expr(book, Const(wage)).value


def accrual_expr(book: PriceBook, wage: Expr) -> Expr:
    """:func:`accrual_monthly` as an expression of the wage (the workbook's wage-change input moves it)."""
    days = book.labour.days_per_month
    ac = book.accruals
    eydi: Expr = ac.eydi_days * wage / days
    if ac.eydi_cap_minimum_wage_days is not None:
        daily_min = book.labour.minimum_wage_monthly / days
        eydi = Fn("MIN", [eydi, ac.eydi_cap_minimum_wage_days * daily_min])
    severance = ac.severance_days_per_year * wage / days
    r = book.rounder
    return Round((eydi + severance) / 12, r.step("line"), r.mode)


def rotation_premium(book: PriceBook, rotations: tuple[str, ...]) -> Decimal:
    """Shift premium on agents' base wages when the service covers the night, so agents rotate (Labour Law
    art. 56: all three bands, or morning or evening with the night).

    Day-only services (morning and evening bands) are staffed with fixed shifts: no premium. Rotating
    agents are not also paid the night premium (art. 58 is for workers who do not rotate).
    """
    p = book.premiums
    if "night" not in rotations or len(rotations) < 2:  # night only: fixed night shifts (art. 58, no rotation)
        return ZERO
    return p.shift_three if len(rotations) >= 3 else p.shift_two_with_night


def role_count(book: PriceBook, role: str, fte: Decimal) -> Decimal:
    """People in a span-of-control role for ``fte`` agents (whole people or a shared fraction)."""
    return role_expr(book, role, Const(fte)).value


def role_expr(book: PriceBook, role: str, fte: Expr) -> Expr:
    spec = getattr(book.span_of_control, role)
    n = Fn("MAX", [spec.minimum, fte / spec.ratio])
    return WholeUp(n) if spec.whole else Round(n, Decimal("0.01"))


@dataclass
class _Build:
    """What the stages of one cost build-up share: the book, the usage and its leaves, the lines so far."""

    book: PriceBook
    usage: Usage
    values: dict[str, Decimal]
    lines: Lines

    def leaf(self, key: str) -> Leaf:
        return Leaf(key, self.values[key])

    def round(self, x: Expr, kind: str = "line") -> Expr:
        r = self.book.rounder
        return Round(x, r.step(kind), r.mode)


def build_cost(
    req: Requirements,
    book: PriceBook,
    plan: StaffingPlan,
    shifts: Any = None,
    *,
    usage: Usage | None = None,
    financing: Decimal = ZERO,
) -> CostBuildUp:
    """The monthly cost build-up and target revenue of ``plan`` under ``book``: agents, support, seats and
    telephony, then overhead (G&A, risk, and ``financing``: the cost of being paid, a share of the cost that
    the term plan computes), margin and the term discount. ``usage``, when given, replaces measuring ``plan``
    (the term plan prices the same usage at each year's figures)."""
    u = usage if usage is not None else measure(req, book, plan, shifts)
    b = _Build(book, u, usage_leaves(u, book), Lines(book))
    hourly = _agent_lines(b, plan.hours_per_fte_week)
    _support_seat_telephony_lines(b)
    direct, provider_cost = _overhead_lines(b, financing)
    margin, discount, monthly = _price_lines(b, req, provider_cost)
    term_discount = book.terms.discount(req.service.term_months)
    return CostBuildUp(
        lines=b.lines.shown(),
        direct=direct.value,
        provider_cost=provider_cost.value,
        margin=margin.value,
        discount=discount.value,
        monthly_total=monthly.value,
        target_margin=book.target_margin,
        term_discount=term_discount,
        agent_hourly_wage=hourly.value,
        agent_loaded_monthly=_agent_loaded(book, u),
        usage=u,
        financing=financing,
        all_lines=tuple(b.lines.items),
        exprs={"provider_cost": provider_cost, "monthly_total": monthly},
    )


def _agent_lines(b: _Build, hours_per_fte_week: float) -> Expr:
    """Wages by tier (following the wage-change input), allowances, accruals, premiums, insurance and other
    loads; returns the blended hourly wage the premiums are paid on."""
    book, u, L = b.book, b.usage, b.lines
    src = u.hours_source  # FTE and premium hours: the staffing plan, or the shift plan when one is used
    wage_change = Input("wage_change", ZERO)
    for tier in u.fte_by_tier:
        wage = b.round(book.wages.agent[tier] * (1 + wage_change))
        L.add(f"wages.{tier}", "agents", b.leaf(f"fte.{tier}"), "FTE", wage, src)
    wages_total = L.sum_of(lambda ln: ln.key.startswith("wages."))
    by_hour = _hourly_lines(b, wage_change)  # section key -> its wages' amount
    staff: Expr = b.leaf("fte")  # the salaried FTE: all but the agents paid by the hour
    for key in by_hour:
        staff = staff - b.leaf(f"{key}.fte")
    L.add("allowances", "agents", staff, "FTE", allowances_total(book), src)
    for tier in u.fte_by_tier:
        wage = Ref(f"rate.wages.{tier}", L.rate(f"wages.{tier}"))
        L.add(f"accruals.{tier}", "agents", b.leaf(f"fte.{tier}"), "FTE", accrual_expr(book, wage), src)
    hours_per_month = quantity(quantity(hours_per_fte_week) * WEEKS_PER_MONTH)
    if not by_hour:
        hourly = IfPositive(b.leaf("fte"), lambda: b.round(wages_total / (b.leaf("fte") * hours_per_month)))
    else:  # the premiums' base: salaried and hourly wages over their paid hours
        paid = staff * hours_per_month
        hourly_wages = wages_total
        for key, amount in by_hour.items():
            paid, hourly_wages = paid + b.leaf(f"{key}.hours"), hourly_wages + amount
        hourly = IfPositive(paid, lambda: b.round(hourly_wages / paid))
    p = book.premiums
    rotating = b.values["shift_premium"] > 0  # art. 58: no night premium for agents who rotate (art. 56)
    for key, share in (("night", p.night), ("friday", p.friday), ("holiday", p.holiday), ("overtime", p.overtime)):
        if share > 0 and b.values[f"hours.{key}"] > 0 and not (key == "night" and rotating):
            L.add(f"premium.{key}", "agents", b.leaf(f"hours.{key}"), "h", b.round(hourly * share), src)
    if b.values["shift_premium"] > 0:
        rotations = {"rotations": "/".join(u.rotations)}
        L.add("premium.shift", "agents", wages_total, book.currency, b.leaf("shift_premium"), SOURCE_LINES,
              fields=rotations)  # fmt: skip
    insured: Expr = wages_total + staff * insured_allowances(book)
    if book.loads.insure_premiums:
        insured = insured + L.sum_of(lambda ln: ln.key.startswith("premium."))
    ceiling = book.insurance_ceiling()
    if ceiling is not None:  # insured pay of one head is capped (Social Security Act): per FTE on average
        insured = Fn("MIN", [insured, staff * ceiling])
    L.add("insurance", "agents", b.round(insured), book.currency, book.loads.employer_insurance, SOURCE_LINES)
    if book.loads.other:
        L.add("other_loads", "agents", wages_total, book.currency, book.loads.other, SOURCE_LINES)
    return hourly


def _hourly_lines(b: _Build, wage_change: Expr) -> dict[str, Expr]:
    """Agents paid by the hour, each kind at its section's hourly wage (following the wage-change input) with
    the employer's loads on it (``<key>.loads``: insurance, allowances and accruals pro rata): hourly campaign
    agents for the staffing plan's scheduled hours (``campaign``), a roster's part-time tours for their paid
    hours (``part_time``). Returns each kind's wages amount, by key (none when the quote has no such hours)."""
    book, u, L = b.book, b.usage, b.lines
    kinds: tuple[tuple[str, HourlyPay | None, Decimal, str], ...] = (
        ("campaign", book.campaign, u.campaign_hours, SOURCE_PLAN),
        ("part_time", book.part_time, u.part_time_hours, u.hours_source),
    )
    out: dict[str, Expr] = {}
    for key, pay, hours, source in kinds:
        if hours <= 0:
            continue
        if pay is None:  # never priced at nothing: the planner only rosters part-time tours the book prices
            raise DomainError(f"the usage has {hours} {key.replace('_', '-')} hours a month but the price book "
                              f"'{book.name}' has no {key} section to pay them")  # fmt: skip
        wages, loads = f"{key}.wages", f"{key}.loads"  # labels: wording line.campaign.*, line.part_time.*
        L.add(wages, "agents", b.leaf(f"{key}.hours"), "h", b.round(pay.hourly_wage * (1 + wage_change)), source)
        L.add(loads, "agents", L.amount(wages), book.currency, pay.loads, SOURCE_LINES)
        out[key] = L.amount(wages)
    return out


def _support_seat_telephony_lines(b: _Build) -> None:
    """Support roles by span of control, seats from peak concurrent agents, telephony minutes and lines."""
    book, u, L = b.book, b.usage, b.lines
    for role in ROLES:
        n = role_expr(book, role, b.leaf("fte"))
        if n.value > 0:
            L.add(f"support.{role}", "support", n, "FTE", loaded_monthly(book, getattr(book.wages, role)),
                  u.hours_source)  # fmt: skip
    seats = Ref("qty.seats", WholeUp(b.leaf("peak_agents") * (1 + book.seats.spare_share)))
    L.add("seats", "seats", seats, "seat", book.seats.per_seat, SOURCE_PLAN)
    L.add("facility", "seats", seats, "seat", book.facility.per_seat_month, SOURCE_PLAN)
    if u.line_minutes > 0:
        L.add("telephony.minutes", "telephony", b.leaf("line_minutes"), "min", book.telephony.per_minute, SOURCE_PLAN)
    if u.lines > 0:
        L.add("telephony.lines", "telephony", b.leaf("lines"), "line", book.telephony.per_line_month, SOURCE_PLAN)


def _overhead_lines(b: _Build, financing: Decimal) -> tuple[Expr, Expr]:
    """G&A on the direct cost, the risk buffer on both, and the cost of being paid on all three (the term
    plan's financing share, shown only when there is one); returns (direct cost, provider cost)."""
    book, L = b.book, b.lines
    direct = Ref("direct", L.sum_of(lambda ln: True))
    L.add("overhead.g_and_a", "overhead", direct, book.currency, book.overhead.g_and_a, SOURCE_LINES)
    L.add("overhead.risk", "overhead", direct + L.amount("overhead.g_and_a"), book.currency, book.overhead.risk_buffer,
          SOURCE_LINES)  # fmt: skip
    before = direct + L.amount("overhead.g_and_a") + L.amount("overhead.risk")
    L.add("overhead.financing", "overhead", before, book.currency, Input("financing", financing), SOURCE_TERM,
          optional=True)  # fmt: skip
    return direct, Ref("provider_cost", L.sum_of(lambda ln: True))


def _price_lines(b: _Build, req: Requirements, provider_cost: Expr) -> tuple[Expr, Expr, Expr]:
    """The margin (a share of the price, from the margin input) and the term discount; returns their
    amounts and the monthly total (the target revenue at forecast, excl. VAT)."""
    book, L = b.book, b.lines
    m = Input("margin", book.target_margin)
    percent = {"percent": dec_str((book.target_margin * 100).normalize())}
    L.add("margin", "price", provider_cost, book.currency, Round(m / (1 - m), Decimal("0.000001")), SOURCE_LINES,
          fields=percent)  # fmt: skip
    margin = L.amount("margin")
    term_discount = Input("term_discount", book.terms.discount(req.service.term_months))
    L.add("discount.term", "price", provider_cost + margin, book.currency, -term_discount, SOURCE_LINES,
          fields={"months": str(req.service.term_months)}, optional=True)  # fmt: skip
    discount = L.amount("discount.term")
    return margin, discount, Ref("monthly_total", b.round(provider_cost + margin + discount, "monthly"))


def usage_leaves(u: Usage, book: PriceBook) -> dict[str, Decimal]:
    """The usage quantities the cost lines read (the workbook's staffing grid has one column each)."""
    out: dict[str, Decimal] = {f"fte.{tier}": fte for tier, fte in u.fte_by_tier.items()}
    out.update(
        {
            "fte": u.fte,
            "hours.night": u.night_hours,
            "hours.friday": u.friday_hours,
            "hours.holiday": u.holiday_hours,
            "hours.overtime": u.overtime_hours,
            "shift_premium": rotation_premium(book, u.rotations),
            "peak_agents": Decimal(u.peak_agents),
            "line_minutes": u.line_minutes,
            "lines": Decimal(u.lines),
            "campaign.hours": u.campaign_hours,
            "campaign.fte": u.campaign_fte,
            "part_time.hours": u.part_time_hours,
            "part_time.fte": u.part_time_fte,
        }
    )
    return out


def seat_count(book: PriceBook, u: Usage) -> Decimal:
    """Seats: peak concurrent agents plus the spare share, whole seats."""
    return whole_up(Decimal(u.peak_agents) * (1 + book.seats.spare_share))


def _agent_loaded(book: PriceBook, u: Usage) -> Decimal:
    """FTE-weighted loaded monthly cost of an agent across tiers."""
    if not u.salaried_fte:
        return ZERO
    total = sum((loaded_monthly(book, book.wages.agent[t]) * f for t, f in u.fte_by_tier.items()), ZERO)
    return book.rounder.line(total / u.salaried_fte)
