"""Per call (per handled interaction): cost follows real volume; the provider carries volume risk.

Prices per channel (a call, a chat, an email, a dial attempt) share the target revenue by the channel's
productive hours, so each channel pays for its own work: price = H x AHT / (3600 x occupancy) per
channel. Volume tiers give marginal discounts on the contacts above a share of the forecast (the price
of a tier never rises with volume). A minimum monthly commitment is a share of the monthly at forecast.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, field_validator

from quoter.inputs.numbers import Rate, Strict
from quoter.money import ZERO, whole_up
from quoter.pricing.tariffs.base import (
    Basis,
    Tariff,
    channels,
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


class Tier(Strict):
    from_share: Annotated[Decimal, Field(ge=1)]  # of the forecast monthly volume
    discount: Annotated[Decimal, Field(ge=0, lt=1)]


class PerCallSpec(Strict):
    tiers: list[Tier] = []
    minimum_commitment: Rate = Decimal(0)
    aht_collar: Rate | None = None  # the price follows the month's handle time beyond +-this share (per call)

    @field_validator("tiers")
    @classmethod
    def _non_increasing(cls, v: list[Tier]) -> list[Tier]:
        for a, b in zip(v, v[1:], strict=False):
            if b.from_share <= a.from_share or b.discount < a.discount:
                raise ValueError("tiers must start at growing volumes with discounts that never shrink")
        return v


class PerCall:
    key = "per_call"
    price_fields = {
        "unit_price": "unit_price",
        "unit_price_*": "unit_price",
        "minimum_monthly": "monthly",
    }  # the prices a policy moves, and their rounding steps
    order = 1
    spec = PerCallSpec
    default_risk_premium = Decimal("0.06")
    unit = "call"

    def price(self, basis: Basis) -> Tariff:
        book = basis.book
        r = book.rounder
        spec: PerCallSpec = book.models.section(self.key)
        price_exprs = unit_price_exprs(basis.with_premium(self.key), basis, self.unit)
        monthly_expr = basis.round(charge_expr(price_exprs, basis, self.unit), "monthly")
        prices = values(price_exprs)
        qty = units(basis.usage, book, self.unit)
        monthly = monthly_expr.value
        forecast = sum(qty.values(), ZERO)
        tiers = self._tiers(basis, prices, forecast)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly,
            tolerance=unit_tolerance(basis, qty),
            fields={**flatten_prices(prices), "minimum_monthly": r.monthly(monthly * spec.minimum_commitment)},
            detail={
                "unit": self.unit,
                "unit_prices": prices,
                "units": {c: {"quantity": qty[c], "unit": self._unit_name(c)} for c in channels(basis.usage)},
                "forecast_units": forecast,
                "minimum_commitment": spec.minimum_commitment,
                "tiers": tiers,
            },
            exprs={
                "price": next(iter(price_exprs.values())),
                "monthly": monthly_expr,
                **{f"unit_price_{c}": e for c, e in price_exprs.items()},
                "minimum_monthly": basis.round(monthly_expr * spec.minimum_commitment, "monthly"),
            },  # every price field as an expression (the workbook prints them)
        )

    def _unit_name(self, channel: str) -> str:
        return channel if self.unit == "call" else "minute"

    def _tiers(self, basis: Basis, prices: dict[str, Decimal], forecast: Decimal) -> list[dict[str, object]]:
        """Marginal tiers: ``from_units`` (inclusive) with each channel's price after the tier's discount."""
        r = basis.book.rounder
        spec: PerCallSpec = basis.book.models.section(self.key)
        rows: list[dict[str, object]] = [{"from_share": Decimal(0), "from_units": Decimal(0), "discount": ZERO,
                                          "unit_prices": dict(prices)}]  # fmt: skip
        for t in spec.tiers:
            rows.append(
                {
                    "from_share": t.from_share,
                    "from_units": whole_up(forecast * t.from_share),
                    "discount": t.discount,
                    "unit_prices": {c: r.unit_price(p * (1 - t.discount)) for c, p in prices.items()},
                }
            )
        return rows

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        """Units at each channel's price, less the tier discounts on the units above each threshold valued
        at the forecast's average price per unit, never below the minimum commitment.

        Valuing the discounted units at the forecast's average (not the month's own) keeps the bill from
        falling when a cheaper channel grows: more units never cost the client less."""
        book = basis.book
        qty = units(usage, book, self.unit)
        total = sum(qty.values(), ZERO)
        band = getattr(book.models.section(self.key), "aht_collar", None) if self.unit == "call" else None
        amount = charge(collared(tariff.detail["unit_prices"], usage, basis, band), qty)
        tiers = tariff.detail["tiers"]
        forecast = tariff.detail["forecast_units"]
        if total > 0 and forecast > 0:
            avg = charge(tariff.detail["unit_prices"], units(basis.usage, book, self.unit)) / forecast
            for i, t in enumerate(tiers):
                if i == 0:
                    continue
                top = tiers[i + 1]["from_units"] if i + 1 < len(tiers) else None
                lo = t["from_units"]
                hi = total if top is None else min(total, top)
                if hi > lo:
                    amount -= avg * (hi - lo) * t["discount"]
        return book.rounder.monthly(max(amount, tariff.fields["minimum_monthly"]))


MODEL = PerCall()
