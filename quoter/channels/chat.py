"""Chat: Erlang C over agents x concurrency slots per interval and language queue."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from quoter.channels.base import ChannelResult, Volume
from quoter.inputs.requirements import (
    Contacts,
    HandleSeconds,
    HoursSpec,
    NotBool,
    Profile,
    Share,
    WaitSeconds,
    WeeklyContacts,
)


class ChatSpec(Volume):
    month_key = "chats_per_month"
    week_key = "chats_per_week"
    chats_per_month: Contacts | None = None
    chats_per_week: WeeklyContacts | None = None
    aht_seconds: HandleSeconds
    concurrency: Annotated[int, NotBool, Field(ge=1, le=6)] = 2
    concurrency_slowdown: Annotated[float, NotBool, Field(ge=0, le=1, allow_inf_nan=False)] = Field(
        default=0.0,
        description="how much longer a chat takes for each other chat its agent holds at once (0.15: 15 % per "
        "extra chat); aht_seconds is a chat handled alone",
    )
    first_response_seconds: WaitSeconds = 60
    service_level: Share = 0.80
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None


class Chat:
    key = "chat"
    order = 2
    spec = ChatSpec
    required = False
    volume_fields = ("chats_per_month", "chats_per_week")
    time_fields = ("aht_seconds",)

    @staticmethod
    def busy_aht(chat: ChatSpec) -> float:
        """A chat's handling time when its agent holds ``concurrency`` chats (each other one slows it by
        ``concurrency_slowdown``): the time Erlang C over slots sizes with, since chats queue when every slot
        is busy."""
        return chat.aht_seconds * (1.0 + chat.concurrency_slowdown * (chat.concurrency - 1))

    def plan(self, ctx: Any, spec: Any, compare_pools: bool) -> ChannelResult:
        from quoter.staffing import erlang
        from quoter.staffing.planner import channel_contacts, erlang_queue, pool_saving

        chat: ChatSpec = spec
        st = ctx.req.staffing
        target = erlang.Target(
            service_level=chat.service_level,
            answer_seconds=chat.first_response_seconds,
            max_occupancy=st.max_occupancy,
            min_agents=st.min_agents * chat.concurrency,
        )
        mask = ctx.mask(chat.hours)
        shares = chat.languages or ctx.req.languages
        out = ChannelResult()
        aht = self.busy_aht(chat)
        for group, contacts in channel_contacts(ctx, chat, chat.per_week(), mask).items():
            plan, _ = erlang_queue(ctx, self.key, group, contacts, aht, target, mask, chat.concurrency)
            out.queues.append(plan)
            if compare_pools and len(group) > 1:
                out.savings.append(
                    pool_saving(ctx, self.key, group, plan, contacts, shares, aht, target, mask, chat.concurrency)
                )
        return out


CHANNEL = Chat()
