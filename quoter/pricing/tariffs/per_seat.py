"""Per seat (dedicated agent) per month: a known, steady team; the client carries the volume risk.

Seats are the agents on the account (FTE rounded up to whole people); price = H x productive hours
per seat per month. In the scenarios the team is re-sized to keep the service level, so the client
pays for the seats the volume needs.
"""

from __future__ import annotations

from decimal import Decimal

from quoter.money import quantity
from quoter.pricing.tariffs.base import Basis, Tariff
from quoter.pricing.usage import Usage


class PerSeat:
    key = "per_seat"
    price_fields = {"unit_price": "seat"}  # the prices a policy moves, and their rounding steps
    order = 3
    spec = None
    default_risk_premium = Decimal(0)

    def price(self, basis: Basis) -> Tariff:
        r = basis.book.rounder
        seats = basis.usage.headcount
        unit_expr = basis.round(basis.with_premium(self.key) / basis.leaf("headcount"), "seat")
        monthly_expr = basis.round(unit_expr * basis.leaf("headcount"), "monthly")
        unit = unit_expr.value
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly_expr.value,
            tolerance=seats * r.step("seat") / 2 + r.step("monthly") / 2,
            fields={"unit_price": unit, "seats": seats},
            detail={
                "fte": basis.usage.fte,
                "productive_hours_per_seat": quantity(basis.usage.total_productive_hours / seats),
            },
            exprs={"price": unit_expr, "monthly": monthly_expr},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        return basis.book.rounder.monthly(tariff.fields["unit_price"] * usage.headcount)


MODEL = PerSeat()
