"""Per logged-in hour: the BPO's base unit. One price per hour an agent is logged in and available on the
client's queues, which is what the contract bills.

Derivation (docs/pricing.md): H = target x (1 + risk premium) / logged-in hours per month, where logged-in
hours are the paid hours (from the staffing plan, or the roster when one is used) less shrinkage (breaks,
training, absence); the client carries volume risk (more contacts need more hours). The rate, the bill and
the contract's words all use this one definition.
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
        hours = basis.usage.logged_in_hours
        unit_expr = basis.round(basis.with_premium(self.key) / basis.leaf("logged_in_hours"), "hourly")
        monthly_expr = basis.round(unit_expr * basis.leaf("logged_in_hours"), "monthly")
        unit = unit_expr.value
        occupancy = sum(basis.usage.handled_minutes.values()) / (hours * 60)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly_expr.value,
            tolerance=hours * r.step("hourly") / 2 + r.step("monthly") / 2,
            fields={"unit_price": unit, "hours_per_month": hours},
            detail={
                "occupancy": quantity(occupancy, "0.0001"),
                "logged_in_hours": hours,
                "productive_hours": basis.usage.total_productive_hours,
            },  # fmt: skip
            exprs={"price": unit_expr, "monthly": monthly_expr},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        return basis.book.rounder.monthly(tariff.fields["unit_price"] * usage.logged_in_hours)


MODEL = PerHour()
