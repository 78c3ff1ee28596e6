"""The engine against hostile and random input: no lost volume, no overflow, no runaway search,
premium hours that partition paid hours, bills monotone in volume, quotes independent of the clock."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoter.inputs.requirements import Requirements
from quoter.inputs.yamlio import validate
from quoter.staffing.planner import plan_staffing, queue_groups

LANGS = ("fa", "en", "ar", "tr", "ku")


def _req(data: dict[str, Any]) -> Requirements:
    base: dict[str, Any] = {"client": {"name": "Test Co"}, "service": {"hours": "24/7", "interval_minutes": 60}}
    return validate({**base, **data}, Requirements, what="test requirements")


# ---------------------------------------------------------------- 1. every contact in exactly one queue
def test_a_pool_incomplete_in_a_channel_keeps_its_members():
    req = _req(
        {
            "languages": {"fa": 0.5, "en": 0.3, "ar": 0.2},
            "pools": [["en", "ar"]],
            "channels": {
                "voice": {"calls_per_week": 7000, "aht_seconds": 180, "languages": {"fa": 0.5, "en": 0.5}},
                "chat": {"chats_per_week": 1000, "aht_seconds": 300, "languages": {"fa": 0.9, "en": 0.1}},
            },
        }
    )
    plan = plan_staffing(req)
    for channel, weekly in (("voice", 7000), ("chat", 1000)):
        queues = [q for q in plan.queues if q.channel == channel]
        assert sum(q.contacts_week for q in queues) == pytest.approx(weekly)
        assert sorted(q.language for q in queues) == ["en", "fa"]
    assert queue_groups({"fa": 0.5, "en": 0.5}, [["en", "ar"]]) == [("en",), ("fa",)]


def _shares(draw: st.DrawFn, langs: list[str]) -> dict[str, float]:
    weights = [draw(st.integers(1, 20)) for _ in langs]
    total = sum(weights)
    return {lang: w / total for lang, w in zip(langs, weights, strict=True)}


@st.composite
def _language_setups(draw: st.DrawFn) -> tuple[dict[str, float], list[list[str]], dict[str, float] | None]:
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=5, unique=True))
    order = draw(st.permutations(langs))
    pools: list[list[str]] = []
    i = 0
    while i < len(order) - 1 and draw(st.booleans()):
        size = draw(st.integers(2, len(order) - i))
        pools.append(list(order[i : i + size]))
        i += size
    own = None
    if draw(st.booleans()):
        # a channel's own languages are among the offered ones (the requirements refuse others)
        own = _shares(draw, draw(st.lists(st.sampled_from(langs), min_size=1, max_size=len(langs), unique=True)))
    return _shares(draw, langs), pools, own


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_language_setups())
def test_every_contact_lands_in_exactly_one_queue(setup):
    languages, pools, own = setup
    groups = queue_groups(own or languages, pools)
    flat = [lang for g in groups for lang in g]
    assert sorted(flat) == sorted(own or languages)
    voice: dict[str, Any] = {"calls_per_week": 3000, "aht_seconds": 200}
    chat: dict[str, Any] = {"chats_per_week": 500, "aht_seconds": 300}
    if own is not None:
        voice["languages"] = own
    req = _req({"languages": languages, "pools": pools, "channels": {"voice": voice, "chat": chat}})
    plan = plan_staffing(req, compare_pools=False)
    for channel, weekly in (("voice", 3000), ("chat", 500)):
        total = sum(q.contacts_week for q in plan.queues if q.channel == channel)
        assert total == pytest.approx(weekly, rel=1e-9)


# ---------------------------------------------------------------- 2. no overflow, no runaway search
@pytest.mark.parametrize("calls", [1e7, 1e17, 1e23, 1e29, 1e308])
@pytest.mark.parametrize("patience", [None, 90.0])
def test_loads_beyond_max_agents_are_refused_not_overflowed(calls, patience):
    from quoter.errors import DomainError
    from quoter.staffing import erlang

    target = erlang.Target(service_level=0.8, patience_seconds=patience, max_abandon=0.05 if patience else None)
    with pytest.raises(DomainError, match="Erlangs"):
        erlang.required_agents(calls, 180, 1800, target)


@pytest.mark.parametrize("erlangs", [2e6, 1e17, 1e29, 1e308])
def test_line_sizing_is_bounded(erlangs):
    from quoter.errors import DomainError
    from quoter.staffing import erlang

    with pytest.raises(DomainError, match="lines"):
        erlang.lines_required(erlangs, 0.01)


def test_a_huge_floor_is_refused():
    from quoter.errors import DomainError
    from quoter.staffing import erlang

    with pytest.raises(DomainError, match="agents"):
        erlang.required_agents(10, 180, 1800, erlang.Target(service_level=0.8, min_agents=10**30))


@pytest.mark.parametrize("calls_per_month", [1e12, 1e23, 1e29])
def test_planner_refuses_huge_volumes(calls_per_month):
    from quoter.errors import DomainError

    # the requirements refuse such volumes; the engine defends itself too (the library is public), so the
    # volume is scaled past the input limit without re-validation
    base = _req({"channels": {"voice": {"calls_per_month": 1e6, "aht_seconds": 180}}})
    req = base.scaled(volume=calls_per_month / 1e6)
    with pytest.raises(DomainError, match="Erlangs"):
        plan_staffing(req)


# ---------------------------------------------------------------- 3. premium hours partition paid hours
def _book():
    from quoter.inputs.pricebook import load_price_book

    return load_price_book("ir-1405")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    day=st.sampled_from(["sat", "wed", "thu", "fri"]),
    start=st.integers(0, 23),
    length=st.integers(1, 24),
    tz=st.sampled_from(["Asia/Tehran", "Europe/Berlin", "Asia/Dubai", "America/New_York"]),
    calls=st.integers(50, 3000),
)
def test_roster_hour_kinds_partition_paid_hours(day, start, length, tz, calls):
    from quoter.pricing.usage import measure, shifts_hours
    from quoter.shifts.solver import plan_shifts

    end = min(24, start + length)
    hours = {day: f"{start:02d}:00-{end:02d}:00" if end < 24 else f"{start:02d}:00-24:00"}
    req = _req(
        {
            "service": {"hours": hours, "interval_minutes": 60, "timezone": tz},
            "channels": {"voice": {"calls_per_week": calls, "aht_seconds": 240}},
        }
    )
    book = _book()
    staffing = plan_staffing(req)
    result = plan_shifts(req, staffing, time_limit_s=0, book=book)
    split = result.paid_hours_week
    paid = result.totals["paid_hours_week"]
    assert all(v >= 0 for v in split.values()), split
    assert sum(split.values()) == pytest.approx(paid, rel=1e-9, abs=1e-9)
    assert shifts_hours(result)["total"] == pytest.approx(paid, rel=1e-9, abs=1e-9)
    u = measure(req, book, staffing)
    for kind in (u.night_hours, u.friday_hours, u.holiday_hours):
        assert 0 <= kind <= u.paid_hours


def test_a_friday_night_service_has_no_negative_normal_hours():
    from quoter.shifts.for_quote import plan_shifts_for_quote
    from quoter.shifts.solver import plan_shifts

    # Friday 00:00-06:00 in Tehran: every paid hour is a night hour and a rest-day hour (before: normal = -paid)
    req = _req(
        {
            "service": {"hours": {"fri": "00:00-06:00"}, "interval_minutes": 60, "timezone": "Asia/Tehran"},
            "channels": {"voice": {"calls_per_week": 400, "aht_seconds": 240}},
            "shifts": {"lengths_hours": [6]},
        }
    )
    staffing = plan_staffing(req)
    result = plan_shifts(req, staffing, time_limit_s=0, book=_book())
    assert result.paid_hours_week["normal"] >= 0
    _, use = plan_shifts_for_quote(req, staffing, _book(), True)
    assert use.paid_hours_week is not None and min(use.paid_hours_week.values()) >= 0
    assert sum(use.paid_hours_week.values()) == pytest.approx(result.totals["paid_hours_week"], rel=1e-6)
