"""Being paid: the provider's cash position month by month, and what financing it costs.

Time runs in months: 0 is the day before go-live, ``i`` the end of term month ``i``. Flows:

- out: each month's cost at its end; set-up costs, the guarantee's bank fee and its cash deposit at 0; VAT
  for each quarter's invoices in the month after the quarter (within 15 days), or each month's the month
  after, as the book says (VAT is owed on the invoice, paid or not);
- in: each month's invoice (plus VAT, less the social-security retention, the good-performance retention
  and the tax withheld) ``payment.days`` after the month's end (a delay of 45 days is half at 30 and half
  at 60); the set-up fee with the first invoice; the social-security retention ``clearance_months`` after
  the term (Social Security Act art. 38: released on the clearance certificate), the good-performance
  retention and the guarantee deposit ``performance_release_months`` after it, each withholding
  ``withholding_recovery_months`` after its payment (credited against income tax).

The financing cost is the book's monthly cost of money on the negative position of each month (simple, not
compounded); positive balances earn nothing. The present value discounts every flow at the same rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quoter.inputs.term_book import Payment

ZERO = Decimal(0)


@dataclass(frozen=True)
class Deal:
    """What a cash flow needs to know of the deal besides its months' revenue and cost."""

    payment: Payment
    vat_rate: Decimal
    cost_of_money: Decimal  # a month
    jalali_months: tuple[int, ...]  # 1..12 of each term month (for VAT quarters)
    setup_fee: Decimal = ZERO
    setup_cost: Decimal = ZERO


@dataclass(frozen=True)
class Cash:
    position: tuple[Decimal, ...]  # at the end of month 0..T (cumulative net flows)
    financing: tuple[Decimal, ...]  # cost of carrying each month's negative position
    npv: Decimal  # present value of every flow at the cost of money
    guarantee: Decimal  # the guarantee's amount

    @property
    def financing_total(self) -> Decimal:
        return sum(self.financing, ZERO)

    @property
    def lowest(self) -> Decimal:
        return min(self.position)


def _spread(flows: list[Decimal], at: Decimal, amount: Decimal) -> None:
    """Add ``amount`` at month ``at`` (fractional: shared between the two whole months around it)."""
    whole = int(at)
    frac = at - whole
    flows[whole] += amount * (1 - frac)
    if frac:
        flows[whole + 1] += amount * frac


def _horizon(n: int, p: Payment) -> int:
    return (
        n + p.days // 30 + 2 + max(p.clearance_months, p.performance_release_months, p.withholding_recovery_months) + 4
    )


def cash_flow(revenue: list[Decimal], cost: list[Decimal], deal: Deal) -> Cash:
    """The cash position of a deal whose month ``i`` (1-based) invoices ``revenue[i-1]`` and costs ``cost[i-1]``."""
    p, n = deal.payment, len(revenue)
    flows = [ZERO] * (_horizon(n, p) + 1)
    delay = Decimal(p.days) / 30
    held = p.social_security_retention + p.performance_retention + p.withholding
    guarantee = p.guarantee_share * sum(revenue, ZERO)
    flows[0] -= deal.setup_cost + guarantee * p.guarantee_fee_annual * Decimal(n) / 12 + guarantee * p.guarantee_deposit
    for i, (r, c) in enumerate(zip(revenue, cost, strict=True), start=1):
        billed = r + (deal.setup_fee if i == 1 else ZERO)
        flows[i] -= c
        _spread(flows, i + delay, billed * (1 + deal.vat_rate - held))
        _spread(flows, i + delay + p.withholding_recovery_months, billed * p.withholding)
        flows[_vat_month(i, deal)] -= billed * deal.vat_rate
    total = sum(revenue, ZERO) + deal.setup_fee
    flows[n + p.clearance_months] += total * p.social_security_retention
    flows[n + p.performance_release_months] += total * p.performance_retention + guarantee * p.guarantee_deposit
    return _position(flows, deal.cost_of_money, guarantee)


def _vat_month(i: int, deal: Deal) -> int:
    """The month VAT on month ``i``'s invoice is paid: after its quarter (Jalali quarters), or the next month."""
    if not deal.payment.vat_quarterly:
        return i + 1
    month = deal.jalali_months[i - 1]
    return i + (3 - (month - 1) % 3) if month else i + 1


def _position(flows: list[Decimal], rate: Decimal, guarantee: Decimal) -> Cash:
    position, financing = [], []
    running = ZERO
    npv = ZERO
    for t, f in enumerate(flows):
        running += f
        npv += f / (1 + rate) ** t
        position.append(running)
        financing.append(rate * -running if running < 0 else ZERO)
    return Cash(tuple(position), tuple(financing), npv, guarantee)
