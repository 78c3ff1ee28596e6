"""E-mail: deferred work, each e-mail handled within the response window."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from quoter.channels.base import ChannelResult, Volume
from quoter.inputs.requirements import Contacts, HoursSpec, NotBool, Profile, Share, WeeklyContacts
from quoter.limits import MAX_HANDLE_SECONDS, MAX_RESPONSE_HOURS


class EmailSpec(Volume):
    month_key = "emails_per_month"
    week_key = "emails_per_week"
    emails_per_month: Contacts | None = None
    emails_per_week: WeeklyContacts | None = None
    handle_minutes: Annotated[float, NotBool, Field(gt=0, le=MAX_HANDLE_SECONDS / 60, allow_inf_nan=False)]
    response_hours: Annotated[float, NotBool, Field(gt=0, le=MAX_RESPONSE_HOURS, allow_inf_nan=False)] = 24
    response_clock: Literal["working", "clock"] = Field(
        default="working",
        description="how response_hours count: working (the channel's open hours only; 24 h from Thursday "
        "afternoon runs into next week) or clock (hours on the clock, closed hours included)",
    )
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None


class Email:
    key = "email"
    order = 3
    spec = EmailSpec
    required = False
    volume_fields = ("emails_per_month", "emails_per_week")
    time_fields = ("handle_minutes",)

    def plan(self, ctx: Any, spec: Any, compare_pools: bool) -> ChannelResult:
        from quoter.staffing.planner import channel_contacts, workload_queue

        email: EmailSpec = spec
        mask = ctx.mask(email.hours)
        hours = "open hours" if email.response_clock == "working" else "clock hours"
        desc = (
            f"deferred work: each email handled within {email.response_hours:g} {hours}; capacity = each "
            f"interval's workload spread over the open intervals of its response window / max occupancy"
        )
        out = ChannelResult()
        for group, contacts in channel_contacts(ctx, email, email.per_week(), mask).items():
            handled = sum(contacts) * email.handle_minutes
            out.queues.append(
                workload_queue(ctx, self.key, group, contacts, email.handle_minutes * 60, email.response_hours,
                               handled, desc, clock=email.response_clock == "clock")
            )  # fmt: skip
        return out


CHANNEL = Email()
