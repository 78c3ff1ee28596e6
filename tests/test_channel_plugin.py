"""A channel registered from this file alone (social-media messages, deferred work) has its own section in
the requirements (validated, extra keys refused), is staffed as its own queue, scales in scenarios, and is
priced per message in the quote."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from quoter import channels
from quoter.channels.base import ChannelResult, Volume
from quoter.errors import InputError
from quoter.inputs.requirements import PositiveFloat, Profile, load_requirements
from quoter.quote.pipeline import build_quote
from quoter.render import wording
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

BANK = (ROOT / "examples" / "bank-sat-thu.yaml").read_text(encoding="utf-8")
SOCIAL = "  social:\n    messages_per_month: 3000\n    handle_minutes: 4\n"


class SocialSpec(Volume):
    month_key = "messages_per_month"
    week_key = "messages_per_week"
    messages_per_month: PositiveFloat | None = None
    messages_per_week: PositiveFloat | None = None
    handle_minutes: PositiveFloat
    profile: Profile = Profile()
    hours: str | None = None
    languages: dict[str, float] | None = None


class Social:
    key = "social"
    order = 5
    spec = SocialSpec
    required = False
    volume_fields = ("messages_per_month", "messages_per_week")
    time_fields = ("handle_minutes",)

    def plan(self, ctx: Any, spec: Any, compare_pools: bool) -> ChannelResult:
        from quoter.staffing.planner import channel_contacts, workload_queue

        out = ChannelResult()
        for group, contacts in channel_contacts(ctx, spec, spec.per_week(), ctx.mask(spec.hours)).items():
            minutes = sum(contacts) * spec.handle_minutes
            out.queues.append(
                workload_queue(ctx, self.key, group, contacts, spec.handle_minutes * 60, 4, minutes, "messages")
            )
        return out


@pytest.fixture()
def social(monkeypatch, tmp_path):
    channels.register(Social())
    for table, words in ((wording.EN, ("Social media", "message")), (wording.FA, ("شبکه‌های اجتماعی", "پیام"))):
        monkeypatch.setitem(table, "channel.social", words[0])
        monkeypatch.setitem(table, "unit.social", words[1])
    path = tmp_path / "req.yaml"
    path.write_text(BANK.replace("channels:\n", "channels:\n" + SOCIAL, 1), encoding="utf-8")
    yield path
    channels.unregister("social")


def test_toy_channel_is_validated_staffed_and_priced(social):
    req = load_requirements(social)
    assert req.channels.section("social").handle_minutes == 4
    plan = plan_staffing(req)
    queue = next(q for q in plan.queues if q.channel == "social")
    assert queue.contacts_week == pytest.approx(3000 / (365.25 / 12 / 7))
    assert queue.fte > 0
    bigger = plan_staffing(req.scaled(volume=1.3))
    assert next(q for q in bigger.queues if q.channel == "social").fte > queue.fte  # scales like any channel
    data = build_quote(req, shifts=False, scenarios=False).to_dict()
    per_call = data["models"]["per_call"]
    assert Decimal(per_call["unit_price_social"]) > 0
    assert "social" in data["pricing"]["usage"]["contacts"]


def test_toy_channel_section_refuses_unknown_keys(social):
    social.write_text(social.read_text(encoding="utf-8").replace("handle_minutes: 4", "handle_mins: 4"))
    with pytest.raises(InputError) as exc:
        load_requirements(social)
    assert any(p.startswith("channels.social.handle_mins: unknown key; did you mean 'handle_minutes'?")
               for p in exc.value.problems), exc.value.problems  # fmt: skip


def test_an_unregistered_channel_is_refused(tmp_path):
    path = tmp_path / "req.yaml"
    path.write_text(BANK.replace("channels:\n", "channels:\n" + SOCIAL, 1), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_requirements(path)
    assert any(p.startswith("channels.social: not a channel (known: voice, chat, email, outbound)")
               for p in exc.value.problems), exc.value.problems  # fmt: skip
