"""The price book's ``campaign`` section: hourly (part-time) agents for outbound campaigns.

A campaign (a survey, a lead drive, a sales push of a few weeks) is staffed with agents paid by the hour
for the hours the staffing plan schedules, not with full-time staff on whole shifts: a six-week survey
rostered in whole 44-hour shifts pays for hours no one needs. The section says what an hour costs (the
hourly wage, at least the legal minimum per hour, and the employer's loads on it: the fields it shares with
the ``part_time`` section, :mod:`quoter.inputs.hourly_pay`), whether a shift roster still applies, and the
paid training hours per campaign type (set-up). A book without the section prices every quote as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from quoter.inputs.hourly_pay import HourlyPay, check_minimum, minimum_hourly
from quoter.inputs.numbers import Factor

if TYPE_CHECKING:
    from quoter.inputs.pricebook import PriceBook
    from quoter.inputs.requirements import Requirements

__all__ = ["CampaignBook", "CampaignType", "campaign_type", "check_minimum", "is_campaign", "minimum_hourly"]

CampaignType = Literal["survey", "lead", "sale"]


class CampaignBook(HourlyPay):
    """Hourly campaign agents: the wage per paid hour and the loads on it (:class:`HourlyPay`), the roster
    rule, training hours."""

    shift_roster: bool = False  # True: campaign hours are rostered in whole shifts like any other work
    every_outbound: bool = False  # True: any outbound channel is campaign work (not only records_total)
    training_hours: dict[CampaignType, Factor] = {}  # paid training per agent before go-live, by campaign type


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
