"""The simulator against the formulas on their own assumptions, against known failures of those assumptions,
and through the command line (``quoter simulate``, ``quoter staff --verify``)."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from quoter.cli import main
from quoter.inputs.requirements import load_requirements
from quoter.simulate import stats
from quoter.simulate.engine import Dist, QueueModel, _kernel, _next_on, simulate_queue
from quoter.simulate.run import Options, simulate_plan
from quoter.simulate.verify import verify
from quoter.staffing.erlang import Target, evaluate, required_agents
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

BANK = ROOT / "examples/bank-sat-thu.yaml"
PARS = ROOT / "examples/pars-retail-24x7.yaml"
IV = 900.0  # seconds per interval in the single-queue cases


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def weekly(calls, aht, agents, patience=None, reps=40, seed=1, t=20.0, slots=1, slowdown=0.0, shape="exponential"):
    """Weekly figures (with their 95 % intervals) of a constant queue: a "week" of 15-minute intervals, 10 of them
    a "day" (2 a day for big queues, to keep the test short)."""
    n = 14 if calls * 7 > 5000 else 70
    pat = Dist(patience, shape, 0.5) if patience is not None else None
    m = QueueModel((calls,) * n, (agents,) * n, IV, Dist(aht), pat, slots, slowdown)
    s = simulate_queue(m, np.random.default_rng(seed), reps, np.ones((reps, 9)))
    c = stats.count(s, t, n)
    return {k: stats.across(v) for k, v in stats.weekly(c, np.full(n, agents * IV), np.full(n, calls)).items()}


def within(est, exact, slack=1.0):
    """The exact value inside the 95 % interval, widened ``slack`` times around the mean."""
    half = (est.hi - est.lo) / 2
    return abs(est.mean - exact) <= slack * half


@pytest.mark.parametrize(
    ("calls", "aht", "agents"),
    [(20, 180, 6), (100, 180, 23), (1000, 180, 212)],  # 4, 20 and 200 Erlangs
    ids=["small", "medium", "large"],
)
def test_erlang_c_reproduced(calls, aht, agents):
    exact = evaluate(calls, aht, IV, agents, answer_seconds=20)
    sim = weekly(calls, aht, agents)
    assert within(sim["service_level"], exact.service_level, 1.5), (sim["service_level"], exact.service_level)
    assert within(sim["asa_seconds"], exact.asa_seconds, 1.5), (sim["asa_seconds"], exact.asa_seconds)
    assert sim["service_level"].hi - sim["service_level"].lo < 0.08  # sharp enough to mean something
    assert abs(sim["occupancy"].mean - exact.occupancy) < 0.02


@pytest.mark.parametrize(
    ("calls", "aht", "agents", "patience"),
    [(20, 180, 4, 60), (100, 180, 20, 90), (1000, 180, 195, 120)],  # small, at the load, and large below it
    ids=["small", "medium", "large"],
)
def test_erlang_a_reproduced(calls, aht, agents, patience):
    exact = evaluate(calls, aht, IV, agents, answer_seconds=20, patience_seconds=patience)
    sim = weekly(calls, aht, agents, patience)
    assert within(sim["service_level"], exact.service_level, 1.5), (sim["service_level"], exact.service_level)
    assert within(sim["abandon_rate"], exact.abandon_rate, 1.5), (sim["abandon_rate"], exact.abandon_rate)
    assert sim["abandon_rate"].hi - sim["abandon_rate"].lo < 0.03


def test_fixed_patience_collapses_an_erlang_a_plan_below_the_load():
    """100 Erlangs, Erlang A at 80/20 with 60 s patience and no abandon cap staffs 90 agents: with exponential
    patience that holds, with the same mean patience fixed the service level collapses."""
    r = required_agents(500, 180, IV, Target(service_level=0.8, answer_seconds=20, patience_seconds=60))
    assert r.agents < 100
    expo = weekly(500, 180, r.agents, patience=60)
    fixed = weekly(500, 180, r.agents, patience=60, shape="fixed")
    lognormal = weekly(500, 180, r.agents, patience=60, shape="lognormal")
    assert within(expo["service_level"], r.service_level, 1.5)
    assert fixed["service_level"].hi < 0.2
    assert lognormal["service_level"].hi < 0.6


def test_the_planner_keeps_erlang_a_at_the_load_without_an_abandon_cap(write_yaml):
    text = """client: {name: Floor}
channels:
  voice: {calls_per_week: 200000, aht_seconds: 180, target: {service_level: 0.8, answer_seconds: 20,
          patience_seconds: 60}}
staffing: {max_occupancy: 1.0}
"""
    plan = plan_staffing(load_requirements(write_yaml(text)))
    q = plan.queues[0]
    for iv in q.intervals:
        assert iv.agents >= iv.calls * 180 / 1800 - 1e-9  # 30-minute intervals
    assert "No abandon cap is given" in q.sl_definition


def test_agents_leaving_finish_their_call_and_take_no_new_one():
    """Three servers, then one: calls that start after the drop never overlap (one server takes them), while the
    calls in progress at the drop end after it."""
    schedule = np.array([3] + [1] * 100)
    next_on = _next_on(schedule, 100.0)
    rng = np.random.default_rng(3)
    arr = np.sort(rng.uniform(0, 120, (1, 40)), axis=1)
    hand = rng.exponential(30, arr.shape)
    start, ok, used = _kernel(arr, hand, np.full(arr.shape, np.inf), next_on, 100.0, 1, 0.0)
    assert ok.all()
    after = np.argsort(start[0])
    late = [k for k in after if start[0, k] >= 100.0]
    for a, b in zip(late, late[1:], strict=False):
        assert start[0, b] >= start[0, a] + used[0, a] - 1e-9
    assert any(start[0, k] < 100.0 < start[0, k] + used[0, k] for k in range(40))  # someone finishes after 100 s
    assert np.all(np.diff(start[0]) >= -1e-9)  # first come, first served


def test_chat_slowdown_costs_service():
    """Chat slots without slowdown are Erlang C over slots; with 30 % slowdown per extra chat it is worse."""
    exact = evaluate(100, 180, IV, 24, answer_seconds=20)
    plain = weekly(100, 180, 24, slots=2)
    slow = weekly(100, 180, 24, slots=2, slowdown=0.3)
    assert within(plain["service_level"], exact.service_level, 1.5)
    assert slow["service_level"].hi < plain["service_level"].lo


def test_same_seed_same_numbers_and_another_seed_others():
    req = load_requirements(PARS)
    plan = plan_staffing(req)
    a = simulate_plan(req, plan, Options(weeks=3, seed=7))
    b = simulate_plan(req, plan, Options(weeks=3, seed=7))
    c = simulate_plan(req, plan, Options(weeks=3, seed=8))
    for qa, qb, qc in zip(a.queues, b.queues, c.queues, strict=True):
        assert np.array_equal(qa.weekly["service_level"], qb.weekly["service_level"])
        assert not np.array_equal(qa.weekly["service_level"], qc.weekly["service_level"])
    assert a.calls == b.calls != c.calls


def test_bilingual_share_and_forecast_error_cost_service():
    req = load_requirements(PARS)
    plan = plan_staffing(req)
    opts = {"weeks": 8, "seed": 2}
    base = simulate_plan(req, plan, Options(**opts))
    none = simulate_plan(req, plan, Options(**opts, bilingual_share=0.0))
    noisy = simulate_plan(req, plan, Options(**opts, forecast_error=0.2))

    def sl(r, name):
        q = next(q for q in r.queues if f"{q.plan.channel} {q.plan.language}" == name)
        return stats.across(q.weekly["service_level"])

    assert none.queues and sl(none, "voice en+ar").hi < sl(base, "voice en+ar").lo
    assert sl(none, "voice fa").mean == pytest.approx(sl(base, "voice fa").mean)  # a single language: no skills
    assert sl(noisy, "voice fa").mean < sl(base, "voice fa").mean


def test_verify_on_the_bank_leaves_no_interval_below_target():
    req = load_requirements(BANK)
    plan = plan_staffing(req)
    verified, v, last = verify(req, plan, Options(weeks=30, seed=1))
    assert v.holds and v.iterations >= 2
    assert v.extra_fte > 0
    (qr,) = last.queues
    sl, _ = qr.intervals["service_level"]
    ab, _ = qr.intervals["abandon_rate"]
    busy = qr.offered > 0
    assert (sl[busy] >= 0.90).all() and (ab[busy] <= 0.03).all()
    for old, new in zip(plan.queues[0].intervals, verified.queues[0].intervals, strict=True):
        assert new.agents >= old.agents
    assert verified.totals.fte == pytest.approx(plan.totals.fte + v.extra_fte)


def test_pool_incomplete_in_a_channel_keeps_every_chat(tmp_path):
    """Pars with chat languages {fa: 0.9, en: 0.1} and an en+ar pool: no chat vanishes (184 a week did)."""
    text = PARS.read_text(encoding="utf-8").replace(
        "    concurrency: 2\n", "    concurrency: 2\n    languages: {fa: 0.9, en: 0.1}\n"
    )
    path = tmp_path / "pars.yaml"
    path.write_text(text, encoding="utf-8")
    req = load_requirements(path)
    chats = [q for q in plan_staffing(req).queues if q.channel == "chat"]
    assert {q.language for q in chats} == {"fa", "en"}
    assert sum(q.contacts_week for q in chats) == pytest.approx(req.channels.chat.per_week())
    assert next(q for q in chats if q.language == "en").contacts_week == pytest.approx(184.0, abs=0.5)


def test_cli_simulate_json(capsys, tmp_path):
    chart = tmp_path / "sim.png"
    code, out, err = run(capsys, "simulate", str(PARS), "--weeks", "3", "--seed", "5", "--json", "--chart", str(chart))
    assert code == 0, err
    data = json.loads(out)
    assert data["seed"] == 5 and data["weeks"] == 3 and data["calls"] > 40_000 and data["seconds"] > 0
    assert chart.read_bytes()[:4] == b"\x89PNG"
    assert [q["queue"] for q in data["queues"]] == ["voice en+ar", "voice fa", "chat en+ar", "chat fa"]
    for q in data["queues"]:
        assert set(q["predicted"]) == {"service_level", "asa_seconds", "abandon_rate", "occupancy"}
        lo, hi = q["simulated"]["service_level_ci"]
        assert lo <= q["simulated"]["service_level"] <= hi
        for miss in q["intervals_missing"]:
            assert {"day", "time", "target", "simulated"} <= set(miss)
    assert sum(q["calls"] for q in data["queues"]) == data["calls"]


def test_cli_simulate_text_and_bad_options(capsys):
    code, out, err = run(capsys, "simulate", str(BANK), "--weeks", "2")
    assert code == 0, err
    assert "voice fa" in out and "E-mail fa: " in out and "within 24 open hours" in out and "SL 95% CI" in out
    bad = [(["--weeks", "1"], "weeks: must be between 2"), (["--handle", "gamma"], "handle: 'gamma'"),
           (["--forecast-error", "-1"], "forecast_error"), (["--chart", "x.txt"], "--chart")]  # fmt: skip
    for args, message in bad:
        code, out, err = run(capsys, "simulate", str(BANK), *args)
        assert code == 1 and message in err and "Traceback" not in err, (args, err)


def test_cli_staff_verify_json(capsys):
    code, out, err = run(capsys, "staff", str(PARS), "--verify", "--json")
    assert code == 0, err
    data = json.loads(out)
    v = data["verification"]
    assert {"weeks", "iterations", "extra_fte", "holds"} <= set(v)
    assert v["holds"] and v["extra_fte"] >= 0
    code, base, _ = run(capsys, "staff", str(PARS), "--json")
    assert data["totals"]["fte"] == pytest.approx(json.loads(base)["totals"]["fte"] + v["extra_fte"])


def test_cli_quote_verified_prices_the_added_agents(capsys):
    code, out, err = run(capsys, "quote", str(PARS), "--verified", "--no-shifts", "--json")
    assert code == 0, err
    data = json.loads(out)
    v = data["verification"]
    code, base, err = run(capsys, "quote", str(PARS), "--no-shifts", "--json")
    assert code == 0, err
    base = json.loads(base)
    fte = float(data["staffing"]["totals"]["fte"])
    assert fte == pytest.approx(float(base["staffing"]["totals"]["fte"]) + v["extra_fte"], abs=0.01)
    assert float(v["cost"]["extra_provider_cost"]) > 0
    assert float(data["cost"]["provider_cost"]) > float(base["cost"]["provider_cost"])


def test_email_window_in_clock_hours(tmp_path):
    """The bank's e-mail within 24 clock hours: the same work, but what arrives on Thursday afternoon (closed until
    Saturday) is answered before closing, and no interval's work is spread past its 24 clock hours."""
    text = BANK.read_text(encoding="utf-8").replace("    response_hours: 24\n", "    response_hours: 24\n"
                                                    "    response_clock: clock\n")  # fmt: skip
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    working = next(q for q in plan_staffing(load_requirements(BANK)).queues if q.channel == "email")
    clock = next(q for q in plan_staffing(load_requirements(path)).queues if q.channel == "email")
    assert "24 clock hours" in clock.sl_definition and "24 open hours" in working.sl_definition
    assert clock.agent_hours_week == pytest.approx(working.agent_hours_week)
    thu = [i for i, iv in enumerate(clock.intervals) if iv.day == "thu" and iv.calls > 0]
    last = thu[-1]
    assert clock.intervals[last].agents > 2 * working.intervals[last].agents
    assert sum(iv.agents for iv in clock.intervals if iv.day == "fri") == 0


def test_a_run_too_big_is_refused_with_the_weeks_that_fit(capsys, write_yaml):
    path = write_yaml("client: {name: Big}\nchannels:\n  voice: {calls_per_week: 400000, aht_seconds: 180}\n")
    code, out, err = run(capsys, "simulate", str(path))
    assert code == 1 and "use --weeks 10 or fewer" in err and "Traceback" not in err, err


def test_progress_is_reported_queue_by_queue():
    from quoter import progress

    events = []
    req = load_requirements(PARS)
    with progress.listening(events.append):
        simulate_plan(req, plan_staffing(req), Options(weeks=2))
    assert [e.kind for e in events][0] == "start" and events[-1].kind == "end"
    assert {e.step for e in events} == {"simulate"} and events[0].total == 4
    assert events[-1].done == pytest.approx(4.0)
    assert len([e for e in events if e.kind == "advance"]) >= 4


def test_email_answered_within_its_window_on_the_clock_or_in_open_hours():
    """The bank's e-mail, planned in open hours: every e-mail within 24 open hours in simulation, but not all
    within 24 clock hours (Thursday afternoon's wait over the closed Friday)."""
    req = load_requirements(BANK)
    run_ = simulate_plan(req, plan_staffing(req), Options(weeks=10, seed=3))
    (d,) = run_.deferred
    assert d.calls > 6000 and not d.clock
    assert stats.across(d.within_open).mean > 0.99
    assert stats.across(d.within_clock).hi < 0.95
    assert 1 < stats.across(d.mean_hours).mean < 24


def test_a_quote_with_pools_states_the_bilingual_share(tmp_path):
    from quoter.quote.pipeline import build_quote
    from quoter.render.text import assumptions

    text = PARS.read_text(encoding="utf-8").replace("pools: [[en, ar]]", "pools: [[en, ar]]\nbilingual_share: 0.6")
    path = tmp_path / "pars.yaml"
    path.write_text(text, encoding="utf-8")
    data = build_quote(path, shifts=False, scenarios=False).to_dict()
    (item,) = [a for a in data["assumptions"] if a["key"] == "bilingual"]
    assert item["fields"] == {"share": "60"}
    assert any("60% of the agents on duty in a pool" in line for line in assumptions(data, "en"))
    assert any("۶۰٪" in line for line in assumptions(data, "fa"))
    plain = build_quote(ROOT / "examples/bank-sat-thu.yaml", shifts=False, scenarios=False).to_dict()
    assert all(a["key"] != "bilingual" for a in plain["assumptions"])  # no pools, no such assumption


def test_a_verified_quote_requotes_to_its_own_numbers(capsys, tmp_path):
    from quoter.quote.pipeline import requote

    code, out, err = run(capsys, "quote", str(PARS), "--verified", "--no-shifts", "--out", str(tmp_path), "--json")
    assert code == 0, err
    saved = json.loads((tmp_path / "quote.json").read_text(encoding="utf-8"))
    assert saved["verification"]["extra_fte"] > 0
    again = requote(saved).to_dict()
    assert again["staffing"]["totals"]["fte"] == saved["staffing"]["totals"]["fte"]
    assert again["cost"]["monthly_total"] == saved["cost"]["monthly_total"]
    code, out, err = run(capsys, "quote", str(tmp_path / "quote.json"))  # shown as saved, with its check
    assert code == 0, err
    assert "Verified in simulation (50 weeks" in out


def test_the_library_prices_a_verified_plan_as_the_cli_does():
    """``build_quote(verified=True)`` is the whole feature (the CLI only passes the flag): the verification is in
    the quote, the options say so, and the number differs from the unverified quote of the same inputs."""
    from quoter.quote.pipeline import build_quote

    today = dt.date(2026, 11, 22)
    plain = build_quote(PARS, today=today, shifts=False, scenarios=False).to_dict()
    checked = build_quote(PARS, today=today, shifts=False, scenarios=False, verified=True).to_dict()
    assert "verification" not in plain and "verified" not in plain["options"]
    assert checked["options"]["verified"] is True and checked["verification"]["extra_fte"] > 0
    assert checked["quote"]["number"] != plain["quote"]["number"]
    assert float(checked["staffing"]["totals"]["fte"]) == pytest.approx(
        float(plain["staffing"]["totals"]["fte"]) + checked["verification"]["extra_fte"], abs=0.01
    )


def test_days_side_by_side_agree_with_whole_weeks():
    """Running each day from an empty queue three hours before it (the fast path) gives the figures of whole
    weeks run through, interval by interval, on Pars's 24/7 voice fa with its staffing drops."""
    from quoter.simulate.run import _queue_model

    req = load_requirements(PARS)
    q = next(q for q in plan_staffing(req).queues if q.language == "fa" and q.channel == "voice")
    model, _ = _queue_model(req, q, Options(), [round(iv.agents) for iv in q.intervals])
    n = len(q.intervals)
    out = {}
    for split in (True, False):
        s = simulate_queue(model, np.random.default_rng(11), 30, np.ones((30, 9)), split=split)
        c = stats.count(s, 20.0, n)
        out[split] = ({k: stats.across(v) for k, v in stats.weekly(c, np.full(n, 1.0)).items()},
                      stats.per_interval(c, np.full(n, 1.0)))  # fmt: skip
    for key in ("service_level", "abandon_rate"):
        a, b = out[True][0][key], out[False][0][key]
        assert abs(a.mean - b.mean) < (a.hi - a.lo + b.hi - b.lo) / 2, (key, a, b)
    (sl_a, h_a), (sl_b, h_b) = out[True][1]["service_level"], out[False][1]["service_level"]
    assert np.nanmean(np.abs(sl_a - sl_b) > 1.5 * (h_a + h_b)) < 0.01  # intervals agree within their noise
