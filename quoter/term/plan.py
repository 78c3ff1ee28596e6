"""The term plan: the deal month by month over its whole term, and three price policies side by side.

Months are Jalali months from the start date's month (default start: the first day of the month after the
quote). Each month: contacts = the forecast x the month's seasonality factor; staffing at that volume
(:class:`quoter.quote.grid.UsageGrid`); each cost line at that month's figures (labour at the Jalali year's
wages, :func:`quoter.term.indices.book_for_year`; the other costs by inflation, dollar-bought items by the
exchange rate, month by month); and every tariff's bill at today's prices (``tariff.bill``).

Policies:

- ``flat``: today's prices for the whole term (what a quote that ignores the term earns);
- ``indexed``: today's prices, adjusted on each 1 Farvardin in the term by
  ``P = P0 x (L x W/W0 + O x CPI/CPI0 + F x FX/FX0)``, the shares from today's cost build-up (labour; other
  costs; dollar-bought items), W the minimum-wage index of the year, CPI and FX at the adjustment month;
- ``level``: one price for the term, today's prices x a factor per model that earns the target margin and
  the model's risk premium over the term at the assumed rises, financing included (the term discount only
  if the book's ``indexation.level_term_discount`` says so).

The cost of being paid (:mod:`quoter.term.cash`) is a share of the cost (``financing_share``) that today's
price carries as a cost line, computed on a price that follows the cost month by month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from quoter.calendar import jalali_month, jalali_month_start
from quoter.errors import InputError
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import ZERO, dec_str
from quoter.pricing.cost import CostBuildUp, build_cost
from quoter.quote.grid import UsageGrid
from quoter.term.cash import Cash, Deal, cash_flow
from quoter.term.indices import book_for_year, fx_shares, monthly_index, wage_index
from quoter.term.seasonality import factors, month_factor

POLICIES: tuple[str, ...] = ("flat", "indexed", "level")
SHARE_PLACES = Decimal("0.0001")
FACTOR_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Month:
    """One month of the term at its own volume and prices."""

    index: int  # 1..n
    year: int  # Jalali
    month: int  # 1..12
    season: Decimal
    contacts: Decimal
    fte: Decimal
    wage_index: Decimal  # against the price book's year
    cpi_index: Decimal  # against the quote's month
    fx_index: Decimal
    cost: Decimal  # the provider's cost at the month's figures (before financing)
    bills: dict[str, Decimal]  # each model's bill at today's prices

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Shares:
    """Today's cost split for the price-adjustment formula (they sum to 1)."""

    labour: Decimal
    fx: Decimal
    other: Decimal


@dataclass(frozen=True)
class TermCosts:
    """The months with their costs and bills to come; what the price needs before the tariffs exist."""

    start: dt.date
    quote_month: tuple[int, int]
    months: tuple[Month, ...]
    shares: Shares
    deal: Deal
    markup: Decimal  # today's monthly total over today's provider cost (margin and term discount)
    usages: tuple[Any, ...] = field(repr=False, default=())


@dataclass(frozen=True)
class Policy:
    key: str
    factors: dict[str, tuple[Decimal, ...]]  # per model, each month's price factor on today's prices
    revenue: dict[str, tuple[Decimal, ...]]
    cash: dict[str, Cash]
    totals: dict[str, dict[str, Decimal]]


@dataclass(frozen=True)
class Term:
    costs: TermCosts
    seasonality: str
    season_factors: tuple[Decimal, ...]
    financing_share: Decimal
    default_policy: str
    chosen_model: str
    policies: dict[str, Policy]
    level_prices: dict[str, dict[str, Decimal]]

    @property
    def months(self) -> tuple[Month, ...]:
        return self.costs.months

    def to_dict(self) -> dict[str, Any]:
        from quoter.term.output import term_dict

        return term_dict(self)


# ---------------------------------------------------------------- months and their costs
def start_date(req: Requirements, today: dt.date) -> dt.date:
    """The contract's first day: the requirements' start date (not before ``today``), else the first day of
    the next Jalali month."""
    given = req.service.start_date
    if given is None:
        y, m = jalali_month(today)
        return jalali_month_start(y, m + 1)
    start = dt.date.fromisoformat(given)
    if start < today:
        raise InputError(
            "the contract cannot start before the quote",
            [f"service.start_date: {given} is before the quote's date {today.isoformat()}"],
        )
    return start


def term_costs(
    req: Requirements, book: PriceBook, cost: CostBuildUp, grid: UsageGrid, setup: Any, today: dt.date
) -> TermCosts:
    """Each month's volume, staffing and cost at its own figures; the formula's shares; the deal's cash terms."""
    start = start_date(req, today)
    y0, m0 = jalali_month(start)
    quote_month = jalali_month(today)
    season = factors(req.seasonality)
    builds: dict[tuple[int, Decimal], CostBuildUp] = {}
    months, usages = [], []
    for i in range(req.service.term_months):
        y, m = y0 + (m0 - 1 + i) // 12, (m0 - 1 + i) % 12 + 1
        f = month_factor(req, season, y, m)
        usage = cost.usage if f == 1 else grid.at(f)
        if (y, f) not in builds:
            builds[(y, f)] = build_cost(req, book_for_year(book, y), grid.plan, usage=usage)
        elapsed = (y - quote_month[0]) * 12 + (m - quote_month[1])
        cpi = monthly_index(book.indexation.cpi_annual, elapsed)
        fx = monthly_index(book.indexation.fx_annual, elapsed)
        months.append(
            Month(i + 1, y, m, f, usage.total_contacts, usage.fte, wage_index(book, y), cpi, fx,
                  _month_cost(builds[(y, f)], book, cpi, fx), {})
        )  # fmt: skip
        usages.append(usage)
    payment = book.payment.merged(req.payment)
    setup_margin = sum((ln.amount for ln in setup.lines if ln.key == "setup.margin"), ZERO)
    deal = Deal(payment, book.vat_rate, book.indexation.cost_of_money_monthly, tuple(mo.month for mo in months),
                setup.total, setup.total - setup_margin)  # fmt: skip
    markup = cost.monthly_total / cost.provider_cost if cost.provider_cost else Decimal(1)
    return TermCosts(start, quote_month, tuple(months), shares(cost, book), deal, markup, tuple(usages))


def _month_cost(cost: CostBuildUp, book: PriceBook, cpi: Decimal, fx: Decimal) -> Decimal:
    """The provider's cost of a build-up with its non-labour lines moved by inflation (and the exchange rate
    for their dollar-bought share); overhead in the build-up's own proportion."""
    fxs = fx_shares(book)
    labour = cost.group_total("agents") + cost.group_total("support")
    other = sum(
        (ln.amount * ((1 - fxs.get(ln.key, ZERO)) * cpi + fxs.get(ln.key, ZERO) * fx)
         for ln in cost.lines if ln.group in ("seats", "telephony")),
        ZERO,
    )  # fmt: skip
    ratio = cost.provider_cost / cost.direct if cost.direct else Decimal(1)
    return book.rounder.line((labour + other) * ratio)


def shares(cost: CostBuildUp, book: PriceBook) -> Shares:
    """Labour, dollar-bought and other shares of today's direct cost (4 places; other = the rest)."""
    if not cost.direct:
        return Shares(ZERO, ZERO, Decimal(1))
    fxs = fx_shares(book)
    labour = ((cost.group_total("agents") + cost.group_total("support")) / cost.direct).quantize(SHARE_PLACES)
    fx_amount = sum(
        (ln.amount * fxs.get(ln.key, ZERO) for ln in cost.lines if ln.group in ("seats", "telephony")), ZERO
    )
    fx = (fx_amount / cost.direct).quantize(SHARE_PLACES)
    return Shares(labour, fx, 1 - labour - fx)


def financing_share(tc: TermCosts) -> Decimal:
    """The cost of being paid as a share of the cost: on a price that follows the cost month by month (today's
    markup), solved for the financing it carries itself (three rounds)."""
    costs = [m.cost for m in tc.months]
    total = sum(costs, ZERO)
    if not total or not tc.deal.cost_of_money:
        return ZERO
    f = ZERO
    for _ in range(3):
        revenue = [c * tc.markup * (1 + f) for c in costs]
        f = cash_flow(revenue, costs, tc.deal).financing_total / total
    return f.quantize(FACTOR_PLACES)


# ---------------------------------------------------------------- policies
def finish_term(
    tc: TermCosts, req: Requirements, book: PriceBook, basis: Any, priced: dict[str, Any], f: Decimal, chosen: str
) -> Term:
    """Bill every tariff each month and price the three policies."""
    from quoter.pricing import tariffs

    months = tuple(
        Month(**{**m.__dict__, "bills": {k: tariffs.get(k).bill(t, basis, u) for k, t in priced.items()}})
        for m, u in zip(tc.months, tc.usages, strict=True)
    )
    tc = TermCosts(tc.start, tc.quote_month, months, tc.shares, tc.deal, tc.markup, tc.usages)
    indexed = indexed_factors(tc, book)
    policies = {
        "flat": _policy("flat", tc, book, {k: (Decimal(1),) * len(months) for k in priced}),
        "indexed": _policy("indexed", tc, book, {k: indexed for k in priced}),
    }
    level = {k: level_factor(tc, book, k, basis.premium(k), req) for k in priced}
    policies["level"] = _policy("level", tc, book, {k: (level[k],) * len(months) for k in priced})
    prices = {k: {"factor": level[k], **scaled(t, k, level[k], book)} for k, t in priced.items()}
    name = req.seasonality if isinstance(req.seasonality, str) else "custom"
    return Term(tc, name, factors(req.seasonality), f, book.indexation.policy, chosen, policies, prices)


def scaled(tariff: Any, key: str, factor: Decimal, book: PriceBook) -> dict[str, Decimal]:
    from quoter.pricing import tariffs
    from quoter.pricing.tariffs.base import scaled_prices

    return scaled_prices(tariff, getattr(tariffs.get(key), "price_fields", {}), factor, book)


def adjustment_months(tc: TermCosts) -> list[int]:
    """Term months (0-based) on whose first day the indexed price moves: each Farvardin after the quote's year."""
    return [i for i, m in enumerate(tc.months) if m.month == 1 and m.year > tc.quote_month[0]]


def indexed_factors(tc: TermCosts, book: PriceBook) -> tuple[Decimal, ...]:
    """Each month's factor on today's prices under the adjustment formula (1 until the first Farvardin)."""
    s = tc.shares
    out, current = [], Decimal(1)
    base_w = wage_index(book, tc.quote_month[0])
    adjust = set(adjustment_months(tc))
    for i, m in enumerate(tc.months):
        if i in adjust:
            current = (s.labour * m.wage_index / base_w + s.other * m.cpi_index + s.fx * m.fx_index).quantize(
                FACTOR_PLACES
            )
        out.append(current)
    return tuple(out)


def level_factor(tc: TermCosts, book: PriceBook, key: str, premium: Decimal, req: Requirements) -> Decimal:
    """The factor on today's prices of ``key`` that earns the target margin and the model's risk premium over the
    term, with the financing and guarantee costs it causes (four rounds)."""
    bills = [m.bills[key] for m in tc.months]
    flat = sum(bills, ZERO)
    costs = [m.cost for m in tc.months]
    if not flat:
        return Decimal(1)
    discount = book.terms.discount(req.service.term_months) if book.indexation.level_term_discount else ZERO
    markup = (1 + premium) * (1 - discount) / (1 - book.target_margin)
    k = sum(costs, ZERO) * markup / flat
    p = tc.deal.payment
    for _ in range(4):
        cash = cash_flow([b * k for b in bills], costs, tc.deal)
        extra = cash.financing_total + cash.guarantee * p.guarantee_fee_annual * len(bills) / 12
        k = (sum(costs, ZERO) + extra) * markup / flat
    return k.quantize(FACTOR_PLACES)


def _policy(key: str, tc: TermCosts, book: PriceBook, fac: dict[str, tuple[Decimal, ...]]) -> Policy:
    r = book.rounder
    costs = [m.cost for m in tc.months]
    revenue: dict[str, tuple[Decimal, ...]] = {}
    cash: dict[str, Cash] = {}
    totals: dict[str, dict[str, Decimal]] = {}
    for model, fs in fac.items():
        rev = tuple(r.monthly(m.bills[model] * x) for m, x in zip(tc.months, fs, strict=True))
        c = cash_flow(list(rev), costs, tc.deal)
        revenue[model], cash[model] = rev, c
        totals[model] = _totals(rev, costs, c, tc.deal, book)
    return Policy(key, fac, revenue, cash, totals)


def _totals(rev: tuple[Decimal, ...], costs: list[Decimal], c: Cash, deal: Deal, book: PriceBook) -> dict[str, Decimal]:
    line = book.rounder.line
    p = deal.payment
    guarantee_fee = c.guarantee * p.guarantee_fee_annual * len(rev) / 12
    revenue = sum(rev, ZERO) + deal.setup_fee
    cost = sum(costs, ZERO) + deal.setup_cost + guarantee_fee
    margin = revenue - cost - c.financing_total
    return {
        "revenue": line(revenue),
        "cost": line(cost),
        "financing": line(c.financing_total),
        "margin": line(margin),
        "margin_share": (margin / revenue).quantize(SHARE_PLACES) if revenue else ZERO,
        "margin_pv": line(c.npv),
        "lowest_cash": line(c.lowest),
    }


def formula(s: Shares) -> str:
    """The adjustment formula with its shares, as the contract states it."""
    parts = [f"{dec_str(s.labour)} x W/W0", f"{dec_str(s.other)} x CPI/CPI0"]
    if s.fx:
        parts.append(f"{dec_str(s.fx)} x FX/FX0")
    return "P = P0 x (" + " + ".join(parts) + ")"
