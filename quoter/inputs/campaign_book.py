"""The price book's ``campaign`` section: hourly (part-time) agents for outbound campaigns.

A campaign (a survey, a lead drive, a sales push of a few weeks) is staffed with agents paid by the hour
for the hours the staffing plan schedules, not with full-time staff on whole shifts: a six-week survey
rostered in whole 44-hour shifts pays for hours no one needs. The section says what an hour costs (the
hourly wage, at least the legal minimum per hour, and the employer's loads on it), whether a shift roster
still applies, and the paid training hours per campaign type (set-up). A book without the section prices
every quote as before.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field, ValidationInfo

from quoter.inputs.numbers import Factor, Money, Number, Strict

if TYPE_CHECKING:
    from quoter.inputs.pricebook import PriceBook
    from quoter.inputs.requirements import Requirements

CampaignType = Literal["survey", "lead", "sale"]
MONTHS_PER_YEAR = Decimal(12)
WEEKS_PER_YEAR = Decimal(52)


class CampaignBook(Strict):
    """Hourly campaign agents: the wage per paid hour, the loads on it, the roster rule, training hours."""

    hourly_wage: Money  # per paid hour, before loads; at least labour's minimum wage per hour
    loads: Annotated[Decimal, Number, Field(ge=0, le=3)]  # share of the hourly wage: insurance, pro-rata allowances
    shift_roster: bool = False  # True: campaign hours are rostered in whole shifts like any other work
    every_outbound: bool = False  # True: any outbound channel is campaign work (not only records_total)
    training_hours: dict[CampaignType, Factor] = {}  # paid training per agent before go-live, by campaign type


def minimum_hourly(book_labour: Any) -> Decimal:
    """The legal minimum wage per hour: the monthly minimum over ``hours_per_week x 52 / 12`` hours."""
    hours = Decimal(str(book_labour.hours_per_week)) * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    monthly: Decimal = book_labour.minimum_wage_monthly
    return monthly / hours


def check_minimum(v: CampaignBook | None, info: ValidationInfo) -> CampaignBook | None:
    """Refuse an hourly wage below the legal minimum per hour (the book's ``labour``)."""
    labour = info.data.get("labour")
    if v is not None and labour is not None:
        least = minimum_hourly(labour)
        if v.hourly_wage < least:
            raise ValueError(
                f"hourly_wage {v.hourly_wage} is below the minimum wage per hour ({least:.2f}: "
                f"{labour.minimum_wage_monthly} a month / ({labour.hours_per_week} h x 52 / 12))"
            )
    return v


def is_campaign(req: Requirements, book: PriceBook) -> bool:
    """Whether the quote's outbound work is a campaign paid by the hour: the book has a campaign section and
    the outbound channel is a whole campaign (``records_total`` over ``campaign_weeks``), or the book says
    every outbound channel is."""
    out = req.channels.outbound
    cb = book.campaign
    if cb is None or out is None:
        return False
    return cb.every_outbound or (out.records_total is not None and out.campaign_weeks is not None)


def campaign_type(req: Requirements) -> CampaignType | None:
    """What the campaign produces (``channels.outbound.result``), or None."""
    out = req.channels.outbound
    return None if out is None else out.result
