"""Per minute: a price per billed minute of handling; transparent for clients whose call lengths matter.

The billing increment (per second, per 6 seconds, per started minute) and whether after-call work is
billed come from the price book; price = H / (60 x occupancy) per channel. The client carries the
handle-time risk, the provider the volume risk (minus the minimum commitment).
"""

from __future__ import annotations

from decimal import Decimal

from quoter.money import ZERO
from quoter.pricing.tariffs.base import (
    Basis,
    Tariff,
    channels,
    charge,
    flatten_prices,
    unit_prices,
    unit_tolerance,
    units,
)
from quoter.pricing.usage import Usage


class PerMinute:
    key = "per_minute"
    name = "Per minute"
    name_fa = "به ازای هر دقیقه"
    order = 2
    unit = "minute"

    def price(self, basis: Basis) -> Tariff:
        book = basis.book
        r = book.rounder
        spec = book.models.per_minute
        prices = unit_prices(basis.with_premium(self.key), basis, self.unit)
        qty = units(basis.usage, book, self.unit)
        monthly = r.monthly(charge(prices, qty))
        return Tariff(
            key=self.key,
            name=self.name,
            name_fa=self.name_fa,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly,
            tolerance=unit_tolerance(basis, qty),
            fields={
                **flatten_prices(prices),
                "increment": spec.billing_increment,
                "bill_acw": spec.bill_acw,
                "minimum_monthly": r.monthly(monthly * spec.minimum_commitment),
            },
            detail={
                "unit": self.unit,
                "unit_prices": prices,
                "billed_minutes": {c: qty[c] for c in channels(basis.usage)},
                "forecast_units": sum(qty.values(), ZERO),
                "minimum_commitment": spec.minimum_commitment,
            },
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        qty = units(usage, basis.book, self.unit)
        amount = charge(tariff.detail["unit_prices"], qty)
        return basis.book.rounder.monthly(max(amount, tariff.fields["minimum_monthly"]))


MODEL = PerMinute()
