"""One-time costs before go-live (set-up), the ramp-up stages, and the in-house comparison."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from quoter.errors import InputError
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, ZERO, dec_str, quantity, rate, whole_up
from quoter.pricing.cost import SOURCE_BOOK, SOURCE_LINES, CostBuildUp, Line, Lines, role_count, seat_count
from quoter.pricing.usage import SOURCE_PLAN


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
    """One-time costs before go-live (recruitment, paid training, nesting, IVR and CRM), with the setup margin.

    Paid training hours per agent: the book's ``one_time.training_hours`` (inbound-style work, e.g. 80 h), or,
    for an outbound campaign with a ``result`` type, the book's ``campaign.training_hours`` of that type (e.g.
    a survey 16 h: the questionnaire and the CRM form, not a whole service); the line's ``fields`` name the
    figure used. Hourly campaign agents' hours are valued at their loaded hourly wage, FTE-weighted with the
    salaried agents'."""
    from quoter.inputs.campaign_book import campaign_type, is_campaign

    L = Lines(book)
    u = cost.usage
    ot = book.one_time
    cur = book.currency
    supervisors = role_count(book, "supervisor", u.fte) if book.span_of_control.supervisor.whole else ZERO
    hires = Decimal(u.headcount) + supervisors
    hours_per_month = quantity(quantity(req.staffing.hours_per_fte_week) * WEEKS_PER_MONTH)
    loaded_hourly = book.rounder.line(cost.agent_loaded_monthly / hours_per_month)
    training_hours, basis = ot.training_hours, "one_time.training_hours"
    cb, kind = book.campaign, campaign_type(req)
    if cb is not None and is_campaign(req, book):
        if kind is not None and kind in cb.training_hours:
            training_hours, basis = cb.training_hours[kind], f"campaign.training_hours.{kind}"
        if u.campaign_fte > 0 and u.fte > 0:
            hourly = cb.hourly_wage * (1 + cb.loads)
            loaded_hourly = book.rounder.line((loaded_hourly * u.salaried_fte + hourly * u.campaign_fte) / u.fte)
    L.add("setup.recruitment", "setup", hires, "hire", ot.recruitment_per_hire, SOURCE_PLAN)
    if training_hours:
        fields = {"hours_per_agent": dec_str(training_hours), "basis": basis}
        L.add("setup.training", "setup", Decimal(u.headcount) * training_hours, "h", loaded_hourly, SOURCE_PLAN,
              fields=fields)  # fmt: skip
    lost = Decimal(u.headcount) * ot.nesting_weeks * quantity(req.staffing.hours_per_fte_week)
    lost = quantity(lost * (1 - ot.nesting_productivity))
    if lost > 0:
        L.add("setup.nesting", "setup", lost, "h", loaded_hourly, SOURCE_PLAN)
    if req.channels.voice.ivr_seconds > 0:
        L.add("setup.ivr", "setup", Decimal(1), "item", ot.ivr_setup, SOURCE_BOOK)
    L.add("setup.crm", "setup", Decimal(1), "item", ot.crm_integration, SOURCE_BOOK)
    if ot.setup_margin:
        base = L.total()
        L.add("setup.margin", "setup", base, cur, rate(ot.setup_margin / (1 - ot.setup_margin)), SOURCE_LINES)
    return Setup(tuple(L.items), book.rounder.setup(L.total()), int(hires))


def build_in_house(book: PriceBook, cost: CostBuildUp, setup: Setup) -> InHouse:
    """The client's monthly and one-time cost of running the same staffing itself."""
    ih = book.in_house
    cur = book.currency
    u = cost.usage
    L = Lines(book)
    staff = cost.group_total("agents") + cost.group_total("support")
    staff_line = L.add("in_house.staff", "in_house", staff, cur, ih.wage_factor, SOURCE_LINES)
    L.add("in_house.management", "in_house", staff_line.amount, cur, ih.management_share, SOURCE_LINES)
    seats = seat_count(book, u)
    L.add("in_house.seats", "in_house", seats, "seat", ih.seat_per_month, SOURCE_PLAN)
    tel = cost.group_total("telephony")
    if tel:
        L.add("in_house.telephony", "in_house", tel, cur, Decimal(1), SOURCE_LINES)
    hires = quantity(Decimal(u.headcount) * ih.turnover_annual / 12)
    if hires:
        L.add("in_house.turnover", "in_house", hires, "hire", ih.replacement_cost_per_hire, SOURCE_PLAN)
    monthly = book.rounder.monthly(L.total())
    S = Lines(book)
    S.add("in_house.fitout", "in_house_setup", seats, "seat", ih.fitout_per_seat, SOURCE_PLAN)
    S.add("in_house.software", "in_house_setup", Decimal(1), "item", ih.software_setup, SOURCE_BOOK)
    hiring = sum((ln.amount for ln in setup.lines if ln.key in ("setup.recruitment", "setup.training")), ZERO)
    S.add("in_house.hiring", "in_house_setup", hiring, cur, ih.wage_factor, SOURCE_LINES)
    return InHouse(tuple(L.items), monthly, tuple(S.items), book.rounder.setup(S.total()))
