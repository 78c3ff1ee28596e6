"""Hybrid: a fixed base covering a set share of the revenue, plus a variable rate per call or minute.

The base (``base_share`` of the target) pays for the dedicated team; the variable part follows real
volume. The provider's volume risk is on the variable part only.
"""

from __future__ import annotations

from decimal import Decimal

from quoter.money import ZERO
from quoter.pricing.tariffs.base import Basis, Tariff, charge, flatten_prices, unit_prices, unit_tolerance, units
from quoter.pricing.usage import Usage


class Hybrid:
    key = "hybrid"
    name = "Hybrid (base plus variable)"
    name_fa = "ترکیبی (مبلغ پایه و بخش متغیر)"
    order = 6

    def price(self, basis: Basis) -> Tariff:
        book = basis.book
        r = book.rounder
        spec = book.models.hybrid
        total = basis.with_premium(self.key)
        base = r.monthly(total * spec.base_share)
        prices = unit_prices(total - base, basis, spec.variable_unit)
        qty = units(basis.usage, book, spec.variable_unit)
        return Tariff(
            key=self.key,
            name=self.name,
            name_fa=self.name_fa,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=r.monthly(base + charge(prices, qty)),
            tolerance=unit_tolerance(basis, qty) + r.step("monthly") / 2,
            fields={
                "base_monthly": base,
                "base_share": spec.base_share,
                **flatten_prices(prices, "variable_rate"),
                "variable_unit": spec.variable_unit,
            },
            detail={"variable_rates": prices, "units": qty, "forecast_units": sum(qty.values(), ZERO)},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        qty = units(usage, basis.book, tariff.fields["variable_unit"])
        return basis.book.rounder.monthly(tariff.fields["base_monthly"] + charge(tariff.detail["variable_rates"], qty))


MODEL = Hybrid()
