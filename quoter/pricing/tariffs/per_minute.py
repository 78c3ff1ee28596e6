"""Per minute: a price per billed minute of handling; transparent for clients whose call lengths matter.

The billing increment (per second, per 6 seconds, per started minute) and whether after-call work is
billed come from the price book; price = H / (60 x occupancy) per channel. The client carries the
handle-time risk, the provider the volume risk (minus the minimum commitment).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from quoter.inputs.numbers import Rate, Strict
from quoter.money import ZERO
from quoter.pricing.tariffs.base import (
    Basis,
    Tariff,
    channels,
    charge,
    charge_expr,
    flatten_prices,
    unit_price_exprs,
    unit_tolerance,
    units,
    values,
)
from quoter.pricing.usage import Usage


class PerMinuteSpec(Strict):
    billing_increment: Literal["per_second", "per_6_seconds", "per_started_minute"] = "per_second"
    bill_acw: bool = True
    minimum_commitment: Rate = Decimal(0)


class PerMinute:
    key = "per_minute"
    price_fields = {
        "unit_price": "unit_price",
        "unit_price_*": "unit_price",
        "minimum_monthly": "monthly",
    }  # the prices a policy moves, and their rounding steps
    order = 2
    spec = PerMinuteSpec
    default_risk_premium = Decimal("0.05")
    unit = "minute"

    def price(self, basis: Basis) -> Tariff:
        book = basis.book
        r = book.rounder
        spec: PerMinuteSpec = book.models.section("per_minute")
        price_exprs = unit_price_exprs(basis.with_premium(self.key), basis, self.unit)
        monthly_expr = basis.round(charge_expr(price_exprs, basis, self.unit), "monthly")
        prices = values(price_exprs)
        qty = units(basis.usage, book, self.unit)
        monthly = monthly_expr.value
        return Tariff(
            key=self.key,
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
            exprs={
                "price": next(iter(price_exprs.values())),
                "monthly": monthly_expr,
                **{f"unit_price_{c}": e for c, e in price_exprs.items()},
                "minimum_monthly": basis.round(monthly_expr * spec.minimum_commitment, "monthly"),
            },  # every price field as an expression (the workbook prints them)
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        qty = units(usage, basis.book, self.unit)
        amount = charge(tariff.detail["unit_prices"], qty)
        return basis.book.rounder.monthly(max(amount, tariff.fields["minimum_monthly"]))


MODEL = PerMinute()
