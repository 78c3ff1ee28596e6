"""Hybrid: a fixed base covering a set share of the revenue, plus a variable rate per call or minute.

The base (``base_share`` of the target) pays for the dedicated team; the variable part follows real
volume. The provider's volume risk is on the variable part only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from quoter.inputs.numbers import Rate, Strict
from quoter.money import ZERO
from quoter.pricing.expr import Const, Fn
from quoter.pricing.tariffs.base import (
    Basis,
    Tariff,
    charge,
    charge_expr,
    collared,
    flatten_prices,
    unit_price_exprs,
    unit_tolerance,
    units,
    values,
)
from quoter.pricing.usage import Usage


class HybridSpec(Strict):
    base_share: Annotated[Decimal, Field(gt=0, lt=1)]
    variable_unit: Literal["call", "minute"] = "call"
    aht_collar: Rate | None = None  # the per-call rate follows the month's handle time beyond +-this share


class Hybrid:
    key = "hybrid"
    price_fields = {
        "base_monthly": "monthly",
        "variable_rate": "unit_price",
        "variable_rate_*": "unit_price",
    }  # the prices a policy moves, and their rounding steps
    order = 6
    spec = HybridSpec
    default_risk_premium = Decimal("0.025")

    def price(self, basis: Basis) -> Tariff:
        book = basis.book
        r = book.rounder
        spec: HybridSpec = book.models.section("hybrid")
        total = basis.with_premium(self.key)
        base_expr = basis.round(total * spec.base_share, "monthly")
        if basis.marginal_cost is not None:  # the variable part covers at least the marginal cost of its contacts
            floor = basis.round(Const(basis.marginal_cost.quantize(Decimal("0.0001"))) * basis.leaf("contacts"), "line")
            capped = Fn("MAX", [Const(ZERO), Fn("MIN", [total * spec.base_share, total - floor])])
            base_expr = basis.round(capped, "monthly")  # no base when a contact's marginal cost is its whole price
        price_exprs = unit_price_exprs(total - base_expr, basis, spec.variable_unit)
        monthly_expr = basis.round(base_expr + charge_expr(price_exprs, basis, spec.variable_unit), "monthly")
        base, prices = base_expr.value, values(price_exprs)
        qty = units(basis.usage, book, spec.variable_unit)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly_expr.value,
            tolerance=unit_tolerance(basis, qty) + r.step("monthly") / 2,
            fields={
                "base_monthly": base,
                "base_share": spec.base_share,
                **flatten_prices(prices, "variable_rate"),
                "variable_unit": spec.variable_unit,
            },
            detail={
                "variable_rates": prices,
                "units": qty,
                "forecast_units": sum(qty.values(), ZERO),
                "marginal_cost": basis.marginal_cost,
            },  # fmt: skip
            exprs={
                "price": next(iter(price_exprs.values())),
                "monthly": monthly_expr,
                "base_monthly": base_expr,
                **{f"variable_rate_{c}": e for c, e in price_exprs.items()},
            },  # every price field as an expression (the workbook prints them)
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        unit = tariff.fields["variable_unit"]
        qty = units(usage, basis.book, unit)
        band = basis.book.models.section(self.key).aht_collar if unit == "call" else None
        rates = collared(tariff.detail["variable_rates"], usage, basis, band)
        return basis.book.rounder.monthly(tariff.fields["base_monthly"] + charge(rates, qty))


MODEL = Hybrid()
