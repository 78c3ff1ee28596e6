"""Agents paid by the hour: what one paid hour costs, in the price book's ``campaign`` and ``part_time`` sections.

Both sections say the same two things: the hourly wage (per paid hour, before loads; at least the legal
minimum wage per hour, checked when the book loads) and the employer's loads on it, a share of the wage
that holds insurance and the allowances and accruals paid pro rata. ``campaign`` adds its own rules
(:class:`quoter.inputs.campaign_book.CampaignBook`); ``part_time`` is this model as it is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import Field, ValidationInfo

from quoter.inputs.numbers import Money, Number, Strict

MONTHS_PER_YEAR = Decimal(12)
WEEKS_PER_YEAR = Decimal(52)


class HourlyPay(Strict):
    """Agents paid by the hour: the wage per paid hour and the employer's loads on it."""

    hourly_wage: Money  # per paid hour, before loads; at least labour's minimum wage per hour
    loads: Annotated[Decimal, Number, Field(ge=0, le=3)]  # share of the hourly wage: insurance, pro-rata allowances

    def loaded_hourly(self) -> Decimal:
        """One paid hour with the employer's loads (currency per hour, not rounded)."""
        return self.hourly_wage * (1 + self.loads)


def minimum_hourly(book_labour: Any) -> Decimal:
    """The legal minimum wage per hour: the monthly minimum over ``hours_per_week x 52 / 12`` hours."""
    hours = Decimal(str(book_labour.hours_per_week)) * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    monthly: Decimal = book_labour.minimum_wage_monthly
    return monthly / hours


P = TypeVar("P", bound=HourlyPay)


def check_minimum(v: P | None, info: ValidationInfo) -> P | None:
    """Refuse an hourly wage below the legal minimum per hour (the book's ``labour``); the message is located
    at the section's ``hourly_wage`` (``campaign.hourly_wage: ...``, ``part_time.hourly_wage: ...``)."""
    labour = info.data.get("labour")
    if v is not None and labour is not None:
        least = minimum_hourly(labour)
        if v.hourly_wage < least:
            raise ValueError(
                f"hourly_wage: {v.hourly_wage} is below the minimum wage per hour ({least:.2f}: "
                f"{labour.minimum_wage_monthly} a month / ({labour.hours_per_week} h x 52 / 12))"
            )
    return v
