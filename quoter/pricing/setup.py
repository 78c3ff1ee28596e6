"""One-time costs before go-live (set-up), the ramp-up stages, and the in-house comparison."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from quoter.errors import InputError
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import WEEKS_PER_MONTH, ZERO, Rounder, dec_str, quantity, rate, whole_up
from quoter.pricing.cost import SOURCE_BOOK, SOURCE_LINES, CostBuildUp, Line, Lines, role_count, seat_count
from quoter.pricing.usage import SOURCE_PLAN

if TYPE_CHECKING:
    from quoter.term.plan import Term


INTERNAL_SETUP = frozenset({"setup.nesting", "setup.margin"})
"""Set-up lines that are the provider's own costing, not deliverables a client buys: new agents' lower
productivity while they nest, and the set-up margin. The offer folds them into the deliverables."""


@dataclass(frozen=True)
class OfferLine:
    """A set-up deliverable as the client is offered it: its share of the rounded set-up total."""

    key: str
    amount: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "amount": dec_str(self.amount)}


@dataclass(frozen=True)
class Setup:
    lines: tuple[Line, ...]
    total: Decimal
    hires: int
    offer: tuple[OfferLine, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": dec_str(self.total),
            "hires": self.hires,
            "lines": [ln.to_dict() for ln in self.lines],
            "offer": [o.to_dict() for o in self.offer],
        }


def offer_lines(lines: tuple[Line, ...], total: Decimal, rounder: Rounder) -> tuple[OfferLine, ...]:
    """The deliverables a client is offered (recruitment, training, IVR, CRM), adding up to ``total``.

    The internal lines (:data:`INTERNAL_SETUP`) are folded in in proportion to each deliverable's cost;
    each amount is rounded by the book's set-up step and the rounding remainder goes to the largest line,
    so the offer's lines add up exactly to the set-up total shown.
    """
    shown = [ln for ln in lines if ln.key not in INTERNAL_SETUP]
    base = sum((ln.amount for ln in shown), ZERO)
    if not shown or base <= 0:
        return ()
    amounts = [rounder.setup(ln.amount * total / base) for ln in shown]
    largest = max(range(len(shown)), key=lambda i: (amounts[i], -i))
    amounts[largest] += total - sum(amounts, ZERO)
    return tuple(OfferLine(ln.key, amount) for ln, amount in zip(shown, amounts, strict=True))


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
    """What the client would spend to run the same service itself, and the comparison over the term.

    ``lines`` include the hidden in-house costs (``hidden``: key, figure and basis of each). The comparison
    (``None`` without a term plan): ``term_total`` in-house against ``outsourced_term_total`` = the chosen
    tariff's bill over the term (``outsourced_bill``, set-up fee included) + ``vendor_management`` +
    ``outsourced_vat`` (only when the client cannot reclaim VAT, ``vat_included``).
    """

    lines: tuple[Line, ...]
    monthly_total: Decimal
    setup_lines: tuple[Line, ...]
    setup_total: Decimal
    hidden: tuple[dict[str, str], ...] = ()
    vendor_management_share: Decimal = ZERO
    vendor_management_basis: str | None = None
    comparison: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "monthly_total": dec_str(self.monthly_total),
            "setup_total": dec_str(self.setup_total),
            "lines": [ln.to_dict() for ln in self.lines],
            "setup_lines": [ln.to_dict() for ln in self.setup_lines],
            "hidden": [dict(h) for h in self.hidden],
            "vendor_management_share": dec_str(self.vendor_management_share),
            "vendor_management_basis": self.vendor_management_basis,
        }
        if self.comparison is not None:
            out.update({k: (dec_str(v) if isinstance(v, Decimal) else v) for k, v in self.comparison.items()})
        return out


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
    figure used. Agents paid by the hour (hourly campaign agents, part-time tours) are valued at their loaded
    hourly wage, FTE-weighted with the salaried agents'."""
    from quoter.inputs.campaign_book import campaign_type, is_campaign

    L = Lines(book)
    u = cost.usage
    ot = book.one_time
    cur = book.currency
    supervisors = role_count(book, "supervisor", u.fte) if book.span_of_control.supervisor.whole else ZERO
    hires = Decimal(u.headcount) + supervisors
    loaded_hourly = _loaded_hourly(req, book, cost)
    training_hours, basis = ot.training_hours, "one_time.training_hours"
    cb, kind = book.campaign, campaign_type(req)
    if cb is not None and is_campaign(req, book) and kind is not None and kind in cb.training_hours:
        training_hours, basis = cb.training_hours[kind], f"campaign.training_hours.{kind}"
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
    total = book.rounder.setup(L.total())
    return Setup(tuple(L.items), total, int(hires), offer_lines(tuple(L.items), total, book.rounder))


def _loaded_hourly(req: Requirements, book: PriceBook, cost: CostBuildUp) -> Decimal:
    """An agent's loaded cost per hour (line-rounded): the salaried agents' loaded monthly cost over their
    monthly hours, FTE-weighted with the loaded hourly wage of the agents paid by the hour (hourly campaign
    agents, part-time tours) when the quote has any."""
    from quoter.inputs.campaign_book import is_campaign

    u = cost.usage
    hours_per_month = quantity(quantity(req.staffing.hours_per_fte_week) * WEEKS_PER_MONTH)
    salaried = book.rounder.line(cost.agent_loaded_monthly / hours_per_month)
    campaign = book.campaign if is_campaign(req, book) else None
    by_hour = [(pay, fte) for pay, fte in ((campaign, u.campaign_fte), (book.part_time, u.part_time_fte))
               if pay is not None and fte > 0]  # fmt: skip
    if not by_hour or u.fte <= 0:
        return salaried
    hourly = sum((pay.loaded_hourly() * fte for pay, fte in by_hour), ZERO)
    return book.rounder.line((salaried * u.salaried_fte + hourly) / u.fte)


_LABOUR_LINES = ("in_house.staff", "in_house.management", "in_house.turnover")


def build_in_house(
    book: PriceBook,
    cost: CostBuildUp,
    setup: Setup,
    req: Requirements | None = None,
    term: Term | None = None,
) -> InHouse:
    """The client's monthly and one-time cost of running the same staffing itself, hidden costs included, and
    (with ``req`` and the quote's ``term`` plan) the comparison with the chosen tariff over the whole term.

    Both sides are at the prices the client would really pay over the term. Outsourced: the chosen tariff's
    revenue over the term under the book's price policy (``term.totals``: wages indexed at each 1 Farvardin
    when the policy is ``indexed``), set-up fee included, plus the client's cost of managing a vendor
    (``vendor_management_share`` of that bill). In-house: month by month at the term plan's staffing, labour
    lines (staff, management, turnover and hidden lines given as a share of staff) moved by the wage index
    of the month's Jalali year, the others (seats, telephony, per-seat hidden lines) by the provider's
    non-labour mix of inflation and exchange rate; plus the one-time set-up at today's prices.

    VAT: with ``client.vat_reclaim: false`` (a bank) the VAT on the outsourced bill is a cost and is added
    to the outsourced side. It is not added on the in-house side: staff cost carries no VAT, and the VAT on
    the in-house purchases (seats, technology, telephony, fit-out) is left out for simplicity; it would
    raise the in-house side a little. Vendor management is the client's own staff time: no VAT.
    """
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
    hidden, labour = _hidden_lines(book, L, staff_line.amount, seats)
    monthly = book.rounder.monthly(L.total())
    S = Lines(book)
    S.add("in_house.fitout", "in_house_setup", seats, "seat", ih.fitout_per_seat, SOURCE_PLAN)
    S.add("in_house.software", "in_house_setup", Decimal(1), "item", ih.software_setup, SOURCE_BOOK)
    hiring = sum((ln.amount for ln in setup.lines if ln.key in ("setup.recruitment", "setup.training")), ZERO)
    S.add("in_house.hiring", "in_house_setup", hiring, cur, ih.wage_factor, SOURCE_LINES)
    setup_total = book.rounder.setup(S.total())
    comparison = None
    if req is not None and term is not None:
        months = _in_house_months(book, cost, tuple(L.items), labour, term)
        comparison = _compare(book, req, term, setup_total + sum(months, ZERO))
    return InHouse(
        tuple(L.items), monthly, tuple(S.items), setup_total, hidden,
        ih.vendor_management_share, ih.vendor_management_basis, comparison,
    )  # fmt: skip


def _hidden_lines(
    book: PriceBook, L: Lines, staff: Decimal, seats: Decimal
) -> tuple[tuple[dict[str, str], ...], set[str]]:
    """The book's hidden in-house costs as lines (per seat, or a share of the in-house ``staff`` cost), each
    with its figure and basis; and the keys of every labour line (they follow wages over the term)."""
    labour = set(_LABOUR_LINES)
    hidden = []
    for h in book.in_house.hidden:
        key = f"in_house.{h.key}"
        if h.share_of_staff is not None:
            ln = L.add(key, "in_house", staff, book.currency, h.share_of_staff, SOURCE_LINES)
            labour.add(key)
            figure = {"share_of_staff": dec_str(h.share_of_staff)}
        else:
            ln = L.add(key, "in_house", seats, "seat", h.monthly_per_seat or ZERO, SOURCE_PLAN)
            figure = {"monthly_per_seat": dec_str(h.monthly_per_seat or ZERO)}
        # an estimate of the client's own cost: shown to the monthly step, not to the Rial (the line keeps it exact)
        amount = book.rounder.monthly(ln.amount)
        hidden.append({"key": h.key, **figure, "amount": dec_str(amount), "basis": h.basis})
    return tuple(hidden), labour


def _in_house_months(
    book: PriceBook, cost: CostBuildUp, lines: tuple[Line, ...], labour: set[str], term: Term
) -> list[Decimal]:
    """Each term month's in-house cost: today's lines at the month's staffing (FTE; telephony by contacts),
    labour by the month's wage index, the rest by the provider's non-labour mix of inflation and exchange."""
    u = cost.usage
    s = term.costs.shares
    non_labour = s.other + s.fx
    out = []
    for m in term.months:
        fte = m.fte / u.fte if u.fte else Decimal(1)
        calls = m.contacts / u.total_contacts if u.total_contacts else Decimal(1)
        prices = (s.other * m.cpi_index + s.fx * m.fx_index) / non_labour if non_labour else m.cpi_index
        total = ZERO
        for ln in lines:
            if ln.key in labour:
                total += ln.amount * fte * m.wage_index
            else:
                total += ln.amount * (calls if ln.key == "in_house.telephony" else fte) * prices
        out.append(book.rounder.monthly(total))
    return out


def _compare(book: PriceBook, req: Requirements, term: Term, in_house_total: Decimal) -> dict[str, Any]:
    """The two sides over the term: which is cheaper, by how much and by what share of the dearer side."""
    line = book.rounder.line
    bill = term.policies[term.default_policy].totals[term.chosen_model]["revenue"]
    vendor = line(bill * book.in_house.vendor_management_share)
    vat_included = not req.client.vat_reclaim
    vat = line(bill * book.vat_rate) if vat_included else ZERO
    outsourced = bill + vendor + vat
    cheaper = "in_house" if in_house_total < outsourced else "outsourced"
    dearer = max(in_house_total, outsourced)
    difference = abs(outsourced - in_house_total)
    return {
        "term_total": in_house_total,
        "outsourced_policy": term.default_policy,
        "outsourced_bill": bill,
        "vendor_management": vendor,
        "outsourced_vat": vat,
        "outsourced_term_total": outsourced,
        "vat_included": vat_included,
        "cheaper": cheaper,
        "difference": difference,
        "difference_share": rate(difference / dearer, "0.0001") if dearer else ZERO,
    }
