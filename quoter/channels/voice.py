"""Inbound voice: Erlang C (or Erlang A with caller patience) per interval and language queue; lines for
calls in the IVR, in the queue and in talk."""

from __future__ import annotations

import dataclasses
from typing import Any

from pydantic import model_validator

from quoter.channels.base import ChannelResult, Volume
from quoter.inputs.requirements import (
    Contacts,
    ExtraSeconds,
    HandleSeconds,
    HoursSpec,
    PositiveWaitSeconds,
    Profile,
    Share,
    Strict,
    WaitSeconds,
    WeeklyContacts,
)


class VoiceTarget(Strict):
    service_level: Share | None = 0.80
    answer_seconds: WaitSeconds = 20
    max_abandon: Share | None = None
    patience_seconds: PositiveWaitSeconds | None = None
    max_asa_seconds: PositiveWaitSeconds | None = None

    @model_validator(mode="after")
    def _abandon_needs_patience(self) -> VoiceTarget:
        if self.max_abandon is not None and self.patience_seconds is None:
            raise ValueError("max_abandon needs patience_seconds (the Erlang A model of caller patience)")
        return self


class VoiceSpec(Volume):
    month_key = "calls_per_month"
    week_key = "calls_per_week"
    calls_per_month: Contacts | None = None
    calls_per_week: WeeklyContacts | None = None
    aht_seconds: HandleSeconds
    acw_seconds: ExtraSeconds = 0
    ivr_seconds: ExtraSeconds = 0
    target: VoiceTarget = VoiceTarget()
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None

    @model_validator(mode="after")
    def _acw_within_aht(self) -> VoiceSpec:
        if self.acw_seconds > self.aht_seconds:
            raise ValueError(
                f"acw_seconds: {self.acw_seconds:g} is above aht_seconds ({self.aht_seconds:g}), "
                "which includes the after-call work"
            )
        return self


class Voice:
    key = "voice"
    order = 1
    spec = VoiceSpec
    required = True
    volume_fields = ("calls_per_month", "calls_per_week")
    time_fields = ("aht_seconds",)

    def plan(self, ctx: Any, spec: Any, compare_pools: bool) -> ChannelResult:
        from quoter.staffing import erlang
        from quoter.staffing.planner import channel_contacts, erlang_queue, pool_saving

        voice: VoiceSpec = spec
        st = ctx.req.staffing
        vt = voice.target
        target = erlang.Target(
            service_level=vt.service_level,
            answer_seconds=vt.answer_seconds,
            max_asa_seconds=vt.max_asa_seconds,
            max_abandon=vt.max_abandon,
            patience_seconds=vt.patience_seconds,
            max_occupancy=st.max_occupancy,
            min_agents=st.min_agents,
            load_floor=vt.patience_seconds is not None and vt.max_abandon is None,
        )
        mask = ctx.mask(voice.hours)
        out = ChannelResult(line_load=[0.0] * ctx.n)
        assert out.line_load is not None
        talk = voice.aht_seconds - min(voice.acw_seconds, voice.aht_seconds)
        for group, contacts in channel_contacts(ctx, voice, voice.per_week(), mask).items():
            plan, waits = erlang_queue(ctx, self.key, group, contacts, voice.aht_seconds, target, mask)
            if target.load_floor:  # the warning, in the queue's stated method
                plan = dataclasses.replace(plan, sl_definition=f"{plan.sl_definition} {erlang.LOAD_FLOOR_NOTE}")
            out.queues.append(plan)
            for i, iv in enumerate(plan.intervals):
                answered = 1 - (iv.abandon_rate or 0.0)
                out.line_load[i] += iv.calls * (voice.ivr_seconds + waits[i] + answered * talk) / ctx.interval_s
            if compare_pools and len(group) > 1:
                shares = voice.languages or ctx.req.languages
                out.savings.append(
                    pool_saving(ctx, self.key, group, plan, contacts, shares, voice.aht_seconds, target, mask)
                )
        return out


CHANNEL = Voice()
