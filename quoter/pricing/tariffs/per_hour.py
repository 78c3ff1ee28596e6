"""Per productive hour: the BPO's base unit. One price per logged-in agent-hour on the client's queues.

Derivation (docs/pricing.md): H = target x (1 + risk premium) / productive hours per month; the client
carries volume risk (more contacts need more hours).
"""

from __future__ import annotations

from decimal import Decimal

from quoter.money import quantity
from quoter.pricing.tariffs.base import Basis, Tariff
from quoter.pricing.usage import Usage


class PerHour:
    key = "per_hour"
    price_fields = {"unit_price": "hourly"}  # the prices a policy moves, and their rounding steps
    order = 4
    spec = None
    default_risk_premium = Decimal(0)

    def price(self, basis: Basis) -> Tariff:
        r = basis.book.rounder
        hours = basis.usage.total_productive_hours
        unit_expr = basis.round(basis.with_premium(self.key) / basis.leaf("productive_hours"), "hourly")
        monthly_expr = basis.round(unit_expr * basis.leaf("productive_hours"), "monthly")
        unit = unit_expr.value
        occupancy = sum(basis.usage.handled_minutes.values()) / (hours * 60)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly_expr.value,
            tolerance=hours * r.step("hourly") / 2 + r.step("monthly") / 2,
            fields={"unit_price": unit, "hours_per_month": hours},
            detail={"occupancy": quantity(occupancy, "0.0001"), "productive_hours": hours},
            exprs={"price": unit_expr, "monthly": monthly_expr},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        return basis.book.rounder.monthly(tariff.fields["unit_price"] * usage.total_productive_hours)


MODEL = PerHour()
