"""Outbound calling: dial attempts as workload over the calling window; lines while dialling and talking."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from quoter.calendar import WEEKS_PER_MONTH_F
from quoter.channels.base import ChannelResult
from quoter.inputs.requirements import (
    Contacts,
    ExtraSeconds,
    HandleSeconds,
    HoursSpec,
    NotBool,
    Profile,
    Share,
    Strict,
    WeeklyContacts,
)
from quoter.limits import MAX_ATTEMPTS, MAX_CAMPAIGN_WEEKS, MAX_RECORDS_TOTAL


class OutboundSpec(Strict):
    records_per_month: Contacts | None = None
    records_per_week: WeeklyContacts | None = None
    records_total: Annotated[float, NotBool, Field(gt=0, le=MAX_RECORDS_TOTAL, allow_inf_nan=False)] | None = None
    campaign_weeks: Annotated[float, NotBool, Field(gt=0, le=MAX_CAMPAIGN_WEEKS, allow_inf_nan=False)] | None = None
    attempts: Annotated[float, NotBool, Field(ge=1, le=MAX_ATTEMPTS, allow_inf_nan=False)] = 1.0
    contact_rate: Share = 0.5
    talk_seconds: HandleSeconds
    wrap_seconds: ExtraSeconds = 0
    dial_seconds: ExtraSeconds = 25
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None
    completion_rate: Share | None = Field(
        default=None, description="share of reached contacts that complete the call's goal (the survey, the pitch)"
    )
    conversion_rate: Share | None = Field(
        default=None, description="share of reached contacts that give a result (a lead or a sale)"
    )
    result: Literal["survey", "lead", "sale"] | None = Field(
        default=None, description="what a result is; it also sets the campaign's training hours (price book)"
    )

    @model_validator(mode="after")
    def _one_volume(self) -> OutboundSpec:
        given = [k for k in ("records_per_month", "records_per_week", "records_total") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of records_per_month, records_per_week or records_total")
        if self.records_total is not None and self.campaign_weeks is None:
            raise ValueError("records_total needs campaign_weeks")
        return self

    @model_validator(mode="after")
    def _outcomes(self) -> OutboundSpec:
        """A result is a completed contact that gave a lead or a sale: never more results than completions."""
        done, won = self.completion_rate, self.conversion_rate
        if done is not None and won is not None and won > done:
            raise ValueError(
                f"conversion_rate ({won:g}) cannot exceed completion_rate ({done:g}): "
                "a result is a completed contact that gave a lead or a sale"
            )
        if self.result == "survey" and won is not None and done is None:
            raise ValueError("conversion_rate: a survey's result is a completed survey; give completion_rate")
        return self

    def per_week(self) -> float:
        if self.records_per_week is not None:
            return self.records_per_week
        if self.records_total is not None and self.campaign_weeks:
            return self.records_total / self.campaign_weeks
        return float(self.records_per_month or 0) / WEEKS_PER_MONTH_F

    @property
    def seconds_per_attempt(self) -> float:
        """Agent time per dial attempt: ringing, plus talk and wrap-up when someone answers."""
        return self.dial_seconds + self.contact_rate * (self.talk_seconds + self.wrap_seconds)


class Outbound:
    key = "outbound"
    order = 4
    spec = OutboundSpec
    required = False
    volume_fields = ("records_per_month", "records_per_week", "records_total")
    time_fields = ("talk_seconds", "wrap_seconds")

    def plan(self, ctx: Any, spec: Any, compare_pools: bool) -> ChannelResult:
        from quoter.staffing.planner import channel_contacts, workload_queue

        o: OutboundSpec = spec
        mask = ctx.mask(o.hours)
        desc = (
            f"workload: {o.attempts:g} attempts per record x ({o.dial_seconds:g} s dialling + "
            f"{o.contact_rate:.0%} contact x {o.talk_seconds + o.wrap_seconds:g} s talk and wrap) "
            f"/ max occupancy, over the calling window"
        )
        out = ChannelResult(line_load=[0.0] * ctx.n)
        assert out.line_load is not None
        for group, contacts in channel_contacts(ctx, o, o.per_week() * o.attempts, mask).items():
            talk_min = sum(contacts) * o.contact_rate * o.talk_seconds / 60
            out.queues.append(
                workload_queue(ctx, self.key, group, contacts, o.seconds_per_attempt, None, talk_min, desc)
            )
            for i in range(ctx.n):  # outbound calls hold lines while dialling and talking
                out.line_load[i] += contacts[i] * (o.dial_seconds + o.contact_rate * o.talk_seconds) / ctx.interval_s
        return out


CHANNEL = Outbound()
