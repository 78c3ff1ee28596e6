"""Fixed monthly fee: a predictable budget for a well-known volume.

The fee holds inside a volume band around the forecast (e.g. +-10% of contacts); contacts above the band
are billed at the overage rate, a shortfall below it is credited at the underage rate (both per contact,
from the fee's average price per contact and the book's factors). The provider carries the volume risk
inside the band, hence its risk premium.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field

from quoter.inputs.numbers import Rate, Strict
from quoter.pricing.tariffs.base import Basis, Tariff, band_bill, band_rate_exprs, band_terms
from quoter.pricing.usage import Usage


class FixedSpec(Strict):
    band: Rate
    overage_factor: Annotated[Decimal, Field(ge=0)] = Decimal(1)
    underage_factor: Rate = Decimal("0.5")


class Fixed:
    key = "fixed"
    price_fields = {
        "monthly_fee": "monthly",
        "overage_rate": "unit_price",
        "underage_rate": "unit_price",
    }  # the prices a policy moves, and their rounding steps
    order = 5
    spec = FixedSpec
    default_risk_premium = Decimal("0.03")

    def price(self, basis: Basis) -> Tariff:
        r = basis.book.rounder
        fee_expr = basis.round(basis.with_premium(self.key), "monthly")
        fee = fee_expr.value
        band = band_terms(basis, fee)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=fee,
            tolerance=r.step("monthly") / 2,
            fields={
                "monthly_fee": fee,
                "band": band["band"],
                "band_min_calls": int(band["band_min"]),
                "band_max_calls": int(band["band_max"]),
                "overage_rate": band["overage_rate"],
                "underage_rate": band["underage_rate"],
            },
            detail={**band, "forecast_units": basis.usage.total_contacts},
            exprs={"price": fee_expr, "monthly": fee_expr, "monthly_fee": fee_expr, **band_rate_exprs(basis, fee_expr)},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        return band_bill(tariff.fields["monthly_fee"], basis, tariff.detail, usage)


MODEL = Fixed()
