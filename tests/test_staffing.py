"""The staffing planner: volumes spread right, queues and pools, totals, and monotonicity."""

from __future__ import annotations

import math

import pytest

from quoter.inputs.requirements import load_requirements
from quoter.staffing.planner import plan_staffing, queue_groups

from .conftest import EXAMPLES, MINIMAL


@pytest.fixture(scope="module")
def plans():
    return {p.stem: plan_staffing(load_requirements(p)) for p in EXAMPLES}


def _plan(write_yaml, text):
    return plan_staffing(load_requirements(write_yaml(text)))


def test_every_example_plans(plans):
    assert set(plans) == {p.stem for p in EXAMPLES}
    for plan in plans.values():
        assert plan.totals.fte > 0 and plan.totals.peak_agents > 0 and plan.totals.lines > 0


def test_flat_constant_load_matches_the_textbook_example(write_yaml):
    # 100 calls per 30 minutes every interval, AHT 180 s, 80/20 -> 14 agents in every interval
    # (the worked example in shared/domain.md), so 14 x 168 agent-hours a week.
    text = MINIMAL.replace("interval_minutes: 60", "interval_minutes: 30").replace(
        "calls_per_week: 7000", f"calls_per_week: {100 * 48 * 7}"
    )
    plan = _plan(write_yaml, text)
    (q,) = plan.queues
    assert {iv.agents for iv in q.intervals} == {14}
    assert q.agent_hours_week == pytest.approx(14 * 168)
    assert q.scheduled_hours_week == pytest.approx(14 * 168 / 0.7)
    assert q.fte == pytest.approx(14 * 168 / 0.7 / 44)
    assert q.service_level == pytest.approx(0.888, abs=0.001)
    assert q.occupancy == pytest.approx(0.714, abs=0.001)
    assert q.model == "erlang_c"


def test_volume_spreads_only_over_open_intervals(plans):
    plan = plans["bank-sat-thu"]
    voice = next(q for q in plan.queues if q.channel == "voice")
    friday = [iv for iv in voice.intervals if iv.day == "fri"]
    assert all(iv.calls == 0 and iv.agents == 0 for iv in friday)
    thursday_afternoon = [iv for iv in voice.intervals if iv.day == "thu" and iv.start >= "14:00"]
    assert all(iv.calls == 0 for iv in thursday_afternoon)
    open_ivs = [iv for iv in voice.intervals if iv.calls > 0]
    assert all(iv.agents >= 2 for iv in open_ivs)  # min_agents: 2
    assert voice.contacts_week == pytest.approx(120000 * 7 * 12 / 365.25)


def test_queues_follow_languages_and_pools(plans):
    plan = plans["pars-retail-24x7"]
    names = [(q.channel, q.language) for q in plan.queues]
    assert names == [("voice", "en+ar"), ("voice", "fa"), ("chat", "en+ar"), ("chat", "fa")]
    assert queue_groups({"fa": 0.8, "en": 0.1, "ar": 0.1}, [["en", "ar"]]) == [("en", "ar"), ("fa",)]
    voice = [q for q in plan.queues if q.channel == "voice"]
    assert sum(q.contacts_week for q in voice) == pytest.approx(60000 * 7 * 12 / 365.25)


def test_pooling_saves_agents(plans):
    (voice_pool, chat_pool) = plans["pars-retail-24x7"].pooling
    assert voice_pool.pool == "en+ar"
    assert voice_pool.fte_pooled < voice_pool.fte_separate
    assert chat_pool.fte_pooled <= chat_pool.fte_separate


def test_erlang_a_used_when_patience_given(plans):
    voice = next(q for q in plans["pars-retail-24x7"].queues if q.language == "fa" and q.channel == "voice")
    assert voice.model == "erlang_a"
    assert voice.abandon_rate is not None and voice.abandon_rate <= 0.04
    assert "divided by the calls offered" in voice.sl_definition
    for iv in voice.intervals:
        assert iv.abandon_rate <= 0.04 + 1e-12 and iv.service_level >= 0.80 - 1e-12
        assert iv.occupancy <= 0.85 + 1e-12


def test_totals_add_up(plans):
    for plan in plans.values():
        t = plan.totals
        assert t.fte == pytest.approx(sum(q.fte for q in plan.queues))
        assert t.agent_hours_week == pytest.approx(sum(q.agent_hours_week for q in plan.queues))
        per_interval = [sum(q.intervals[i].agents for q in plan.queues) for i in range(len(plan.queues[0].intervals))]
        assert t.peak_agents == math.ceil(max(per_interval) - 1e-9)
        assert t.peak_agents >= max(q.peak_agents for q in plan.queues)


def test_email_hours_equal_the_work(plans):
    plan = plans["bank-sat-thu"]
    email = next(q for q in plan.queues if q.channel == "email")
    work_hours = 3000 * 7 * 12 / 365.25 * 6 / 60
    assert email.agent_hours_week == pytest.approx(work_hours / 0.88)
    assert email.model == "workload"


def test_outbound_workload(plans):
    plan = plans["survey-outbound"]
    out = next(q for q in plan.queues if q.channel == "outbound")
    attempts = 30000 / 6 * 2.0
    seconds = attempts * (25 + 0.45 * (240 + 45))
    assert out.contacts_week == pytest.approx(attempts)
    assert out.agent_hours_week == pytest.approx(seconds / 3600 / 0.90)
    assert all(iv.agents == 0 for iv in out.intervals if iv.day == "thu")  # outside the calling window


def test_more_calls_never_need_fewer_agents(write_yaml):
    fte = []
    for calls in (2000, 4000, 8000, 16000):
        plan = _plan(write_yaml, MINIMAL.replace("calls_per_week: 7000", f"calls_per_week: {calls}"))
        fte.append((plan.totals.fte, plan.totals.peak_agents))
    assert fte == sorted(fte)


def test_lines_cover_ivr_time(write_yaml):
    base = _plan(write_yaml, MINIMAL).totals.lines
    with_ivr = _plan(write_yaml, MINIMAL.replace("aht_seconds: 180", "aht_seconds: 180, ivr_seconds: 120")).totals.lines
    assert with_ivr > base


def test_huge_volume_finishes(write_yaml):
    plan = _plan(write_yaml, MINIMAL.replace("calls_per_week: 7000", "calls_per_month: 100000000"))  # the limit
    assert math.isfinite(plan.totals.fte) and plan.totals.peak_agents > 8000  # 6,845 Erlangs at the 85% cap


def test_json_has_the_contract_keys(plans):
    d = plans["pars-retail-24x7"].to_dict()
    q = d["queues"][0]
    for key in ("channel", "language", "fte", "peak_agents", "agent_hours_week", "intervals"):
        assert key in q
    for key in (
        "day",
        "start",
        "calls",
        "agents",
        "service_level",
        "asa_seconds",
        "abandon_rate",
        "occupancy",
    ):
        assert key in q["intervals"][0]
    for key in ("fte", "peak_agents", "lines"):
        assert key in d["totals"]
