"""Per result (outbound campaigns): a price per completed contact or per result (a lead, a sale).

From the outbound usage: reached contacts = dial attempts x the contact rate; expected completions = reached x
``completion_rate``, expected results = reached x ``conversion_rate``. The unit is the result when the
requirements give a conversion rate, else the completed contact; its price is the target revenue with the
model's risk premium over the expected units, so the price x the expected units is the target with its premium
(within rounding). The whole target is recovered through the units: a call-back line in the same quote is part
of the campaign. The provider carries the volume risk and the reach and outcome risk (the rates are forecasts),
hence a higher premium (``models.risk_premium.per_result``). A quote without outbound, or whose outbound
gives neither rate, is not priced under this model.
"""

from __future__ import annotations

from decimal import Decimal

from quoter.errors import NotApplicable
from quoter.inputs.requirements import Requirements
from quoter.money import ZERO
from quoter.pricing.expr import Const
from quoter.pricing.tariffs.base import Basis, Tariff
from quoter.pricing.usage import Usage


def unit_and_share(req: Requirements) -> tuple[str, Decimal]:
    """The billing unit (``result`` or ``completion``) and the units per dial attempt (contact rate x the
    conversion or completion rate); :class:`NotApplicable` when the quote has no such outbound."""
    out = req.channels.outbound
    if out is None or (out.completion_rate is None and out.conversion_rate is None):
        raise NotApplicable("per_result: the outbound channel gives no completion_rate or conversion_rate")
    if out.conversion_rate is not None:
        unit, share = "result", out.conversion_rate
    else:
        assert out.completion_rate is not None
        unit, share = "completion", out.completion_rate
    return unit, Decimal(str(out.contact_rate)) * Decimal(str(share))


def expected_units(usage: Usage, share: Decimal) -> Decimal:
    """Completions or results in a month of ``usage``: dial attempts x units per attempt."""
    return usage.contacts.get("outbound", ZERO) * share


class PerResult:
    key = "per_result"
    price_fields = {"unit_price": "unit_price"}  # the prices a policy moves, and their rounding steps
    order = 8
    spec = None
    default_risk_premium = Decimal("0.10")

    def price(self, basis: Basis) -> Tariff:
        unit, share = unit_and_share(basis.req)
        expected = basis.leaf("calls.outbound") * Const(share)
        if expected.value <= 0:
            raise NotApplicable("per_result: no outbound attempts to price")
        price = basis.round(basis.with_premium(self.key) / expected, "unit_price")
        monthly = basis.round(price * expected, "monthly")
        r = basis.book.rounder
        out = basis.req.channels.outbound
        assert out is not None
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=monthly.value,
            tolerance=expected.value * r.step("unit_price") / 2 + r.step("monthly") / 2,
            fields={"unit_price": price.value},
            detail={
                "unit": unit,
                "result": out.result,
                "units_per_attempt": share,
                "forecast_units": expected.value,
            },
            exprs={"price": price, "monthly": monthly},
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        """The month's expected units (its dial attempts x units per attempt) at the unit price."""
        units = expected_units(usage, tariff.detail["units_per_attempt"])
        return basis.book.rounder.monthly(tariff.fields["unit_price"] * units)


MODEL = PerResult()
