"""build_quote end to end: golden JSON per example, quote.json round trip, identity, recommendation, CLI.

Golden files (tests/golden/<example>.json) hold the whole quote dict except the two inputs it echoes (the
requirements and the price book snapshot). Regenerate them after a deliberate change with
``python tests/fixtures/build.py`` and review the diff (a missing or stale golden fails; no test writes one).

Reviewed by hand once (pars-retail-24x7 with ir-1405, 2026-11-24), recomputed on paper/calculator:
- wages.fa: 50.49 FTE x 150,000,000 = 7,573,500,000 Rial; insurance: (12,195,600,000 wages + 72.5 FTE x
  (11,700,000 housing + 28,600,000 food) + 4,506,703,602 premiums) x 0.23 = 19,624,053,602 x 0.23 = 4,513,532,328;
- eydi accrual for fa: min(60 days x 5,000,000, 90 days x 4,502,752.8) / 12 = 25,000,000, plus sanavat
  150,000,000 / 12 = 12,500,000: 37,500,000 per FTE; en is capped: (405,247,752 / 12) + 17,500,000 = 51,270,646;
- premiums: 24/7 covers three 8-hour bands, so the shift premium is 22.5% of wages; night, Friday and holiday
  hours at 35% / 40% / 40% of the blended hourly wage;
- seats: peak 20 concurrent agents x 1.05 = 21 (not the 72.5 FTE); supervisors ceil(72.5 / 13) = 6;
- margin line rate 0.18 / 0.82 = 0.219512; 37,129,516,201 x 0.219512 = 8,150,374,360; term discount 2% (12 months);
  monthly total 44,374,293,000;
- per hour: 44,374,293,000 / 9,709.56 h = 4,570,165 -> 4,570,000; x 9,709.56 = 44,372,689,200 -> 44,372,689,000;
- fixed: 44,374,293,000 x 1.03 = 45,705,521,790 -> 45,705,522,000; band +-10% of 66,367.89 contacts =
  59,731..73,005 (whole contacts, rounded outward);
- hybrid base: 44,374,293,000 x 1.025 x 0.60 = 27,290,190,195 -> 27,290,190,000;
- VAT 10% on each monthly; scenario -30%: per call falls to about its 70% minimum commitment (32,926,503,000;
  answered calls fall a little less than 30%); per-seat and per-hour follow the re-sized team; the provider's
  margin under fixed rises when volume falls and shrinks when it grows inside the band.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from functools import cache

import pytest

from quoter.cli import main
from quoter.errors import InputError
from quoter.quote.pipeline import SCENARIOS, build_quote, load_quote, quote_number, requote, save_quote

from .conftest import EXAMPLES, ROOT
from .fixtures import build

GOLDEN = ROOT / "tests" / "golden"
TODAY = build.TODAY
MODEL_KEYS = ("per_call", "per_minute", "per_seat", "per_hour", "fixed", "hybrid", "performance")


book_for = build.book_for


@cache
def quote_of(path: str):
    """The quote without the shift planner: goldens pin this engine's arithmetic, not another's roster."""
    return build_quote(path, book_for(path), today=TODAY, shifts=False)


@cache
def dict_of(path: str) -> dict:
    return quote_of(path).to_dict()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_golden(path):
    golden = GOLDEN / f"{path.stem}.json"
    assert golden.exists(), f"{golden} is missing: generate it with `python tests/fixtures/build.py` and review it"
    assert build.golden_view(dict_of(str(path))) == json.loads(golden.read_text(encoding="utf-8")), (
        f"{golden.name} is stale: run `python tests/fixtures/build.py` and review the diff"
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_dict_shape_and_decimal_strings(path):
    d = dict_of(str(path))
    assert d["schema"] == "quoter.quote/1"
    assert d["currency"] in ("IRR", "USD") and Decimal(d["vat_rate"]) >= 0
    assert Decimal(d["cost"]["monthly_total"]) > 0 and d["cost"]["lines"]
    assert Decimal(d["setup"]["total"]) > 0
    extra = ("per_result",) if "survey" in str(path) else ()  # per result: an outbound campaign's rates
    assert tuple(d["models"]) == MODEL_KEYS + extra
    for key, m in d["models"].items():
        for field in ("monthly_at_forecast", "risk_premium", "monthly_with_vat"):
            assert isinstance(m[field], str), (key, field)
            Decimal(m[field])
        vat = Decimal(m["monthly_at_forecast"]) * Decimal(d["vat_rate"])
        assert abs(Decimal(m["monthly_with_vat"]) - Decimal(m["monthly_at_forecast"]) - vat) <= Decimal("0.5")
    assert "unit_price" in d["models"]["per_call"] and "monthly_fee" in d["models"]["fixed"]
    assert [s["key"] for s in d["scenarios"]] == [k for k, *_ in SCENARIOS] * 2
    assert [s["kind"] for s in d["scenarios"]] == ["committed"] * 7 + ["replanned"] * 7
    assert d["chosen_model"] == d["recommendation"]["model"]

    def no_floats(x, where="quote"):
        if isinstance(x, dict):
            for k, v in x.items():
                no_floats(v, f"{where}.{k}")
        elif isinstance(x, list):
            for v in x:
                no_floats(v, where)
        else:
            assert not isinstance(x, float), where

    no_floats(d)
    json.dumps(d)  # serialisable as is


def test_identity_number_date_validity():
    d = dict_of(str(EXAMPLES[2]))
    assert d["quote"]["date"] == "2026-11-22" and d["quote"]["date_jalali"] == "1405-09-01"
    assert d["quote"]["valid_until"] == "2026-12-22"  # ir-1405: valid 30 days
    assert d["quote"]["number"].startswith("Q-1405-") and len(d["quote"]["number"]) == 13
    q = quote_of(str(EXAMPLES[2]))
    assert quote_number(q.requirements, q.book, q.options, TODAY) == d["quote"]["number"]  # same inputs, same number
    other = build_quote(q.requirements, q.book, today=TODAY, scenarios=False, volume_certainty="high")
    assert other.number != q.number
    assert (
        build_quote(q.requirements, q.book, number="Q-1405-0042", today=TODAY, scenarios=False).number == "Q-1405-0042"
    )


def test_save_load_and_requote_after_the_book_changes(tmp_path):
    book_file = tmp_path / "my-book.yaml"
    shutil.copy(ROOT / "pricing_models" / "ir-1405.yaml", book_file)
    q = build_quote(EXAMPLES[2], book_file, today=TODAY, shifts=False)
    path = save_quote(q, tmp_path / "out")
    assert path == tmp_path / "out" / "quote.json" and not list((tmp_path / "out").glob(".quote-*"))
    book_file.write_text(book_file.read_text().replace("target_margin: 0.18", "target_margin: 0.30"))
    data = load_quote(path)
    assert data == json.loads(json.dumps(q.to_dict()))
    again = requote(data).to_dict()
    assert again == _without_hash(path)  # same numbers, the changed file is not read
    changed = build_quote(EXAMPLES[2], book_file, today=TODAY, scenarios=False, shifts=False)
    assert changed.cost.monthly_total > q.cost.monthly_total


def test_load_quote_errors(tmp_path):
    with pytest.raises(InputError, match="quote file not found"):
        load_quote(tmp_path / "none.json")
    bad = tmp_path / "q.json"
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"not a quote saved by quoter \(schema quoter.quote/1\)"):
        load_quote(bad)


@pytest.mark.parametrize(
    ("certainty", "goal"),
    [("high", None), ("medium", None), ("low", None), ("low", "budget"), ("high", "quality"), ("medium", "cost"),
     ("high", "flexibility")],
)  # fmt: skip
def test_recommendation_reasons_follow_certainty_and_goal(certainty, goal):
    q = build_quote(EXAMPLES[0], today=dt.date(2026, 12, 2), shifts=False, volume_certainty=certainty, goal=goal)
    from quoter.render.text import recommendation

    rec = q.recommendation
    assert rec.monthly == q.tariffs[rec.model].monthly_at_forecast and rec.runner_up != rec.model
    expected = goal or {"high": "stable_volume", "low": "volume_risk", "medium": "balanced"}[certainty]
    if expected != "balanced":
        assert expected in rec.reasons
    if goal == "quality":
        assert rec.model == "performance"
    if goal == "budget":  # the steadiest bill among the models that do not lose money
        assert rec.model in ("fixed", "per_seat", "performance")
    data = q.to_dict()
    en, fa = recommendation(data, "en"), recommendation(data, "fa")
    assert en.endswith(".") and "runner-up" in en
    assert q.requirements.client.name in en and (q.requirements.client.name_fa or "") in fa
    assert fa.endswith(".") and "  " not in en


def test_bad_options():
    q = quote_of(str(EXAMPLES[0]))
    with pytest.raises(InputError, match="volume certainty: 'sure' is not one of low, medium, high"):
        build_quote(q.requirements, q.book, volume_certainty="sure")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="model: 'per_day' is not one of per_call"):
        build_quote(q.requirements, q.book, chosen_model="per_day")


def test_documents_accept_the_quote():
    from quoter.render.documents import build_context

    data = json.loads(json.dumps(dict_of(str(EXAMPLES[2]))))
    ctx = build_context(data, "fa")
    assert ctx["chosen"]["key"] == data["chosen_model"] and ctx["models"]["per_call"]["unit_price"]


# ---------------------------------------------------------------- CLI
def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_cli_quote_text(capsys):
    code, out, err = run(capsys, "quote", str(EXAMPLES[2]))
    assert code == 0, err
    for heading in ("STAFFING", "COST BUILD-UP", "TARIFFS", "SETUP", "RAMP-UP", "SCENARIOS", "IN-HOUSE",
                    "RECOMMENDATION"):  # fmt: skip
        assert heading in out
    total = build_quote(str(EXAMPLES[2]), book_for(str(EXAMPLES[2])), today=TODAY, scenarios=False).cost.monthly_total
    assert f"{total:,.0f} IRR" in out  # the monthly total (priced from the roster) with thousands separators
    code, out, _ = run(capsys, "quote", str(EXAMPLES[2]), "--toman")
    assert f"{total / 10:,.0f} Toman" in out


def test_cli_quote_json_and_out(capsys, tmp_path):
    code, out, err = run(capsys, "quote", str(EXAMPLES[1]), "--price-book", "offshore-usd-2026", "--json",
                         "--out", str(tmp_path), "--number", "Q-TEST-1")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["currency"] == "USD" and data["quote"]["number"] == "Q-TEST-1"
    for key in MODEL_KEYS:
        assert {"monthly_at_forecast", "risk_premium"} <= set(data["models"][key])
    assert _without_hash(tmp_path / "quote.json") == data
    assert "Saved" in err


def _without_hash(path):
    """A saved quote.json as the engine made it: the file ends with the sha256 of the rest."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert len(data.pop("sha256")) == 64
    return data


def test_cli_price_books(capsys):
    code, out, _ = run(capsys, "price-books")
    assert code == 0
    assert "ir-1405" in out and "2026-11-22" in out and "IRR" in out and "USD" in out


def test_cli_bad_price_book(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (ROOT / "pricing_models/ir-1405.yaml").read_text().replace("target_margin: 0.18", "target_margin: 1")
    )
    code, out, err = run(capsys, "quote", str(EXAMPLES[2]), "--price-book", str(bad))
    assert code == 1 and out == ""
    assert err.startswith(f"Error: {bad}: 1 problem: target_margin: must be below 1 (100%)")
    assert "Traceback" not in err
    code, _, err = run(capsys, "quote", str(EXAMPLES[2]), "--price-book", "nope")
    assert code == 1 and "no price book named 'nope'" in err


def test_cli_choice_of_model_and_recommendation_inputs(capsys):
    code, out, err = run(capsys, "quote", str(EXAMPLES[3]), "--json", "--certainty", "high", "--goal", "budget",
                         "--model", "per_seat")  # fmt: skip
    assert code == 0, err
    data = json.loads(out)
    assert data["options"] == {"volume_certainty": "high", "goal": "budget", "chosen_model": "per_seat", "shifts": None}
    assert data["recommendation"]["model"] == "fixed" and data["chosen_model"] == "per_seat"
    code, _, err = run(capsys, "quote", str(EXAMPLES[3]), "--goal", "cheap")
    assert code == 1 and err == "Error: goal: 'cheap' is not one of budget, cost, flexibility, quality\n"


def test_cli_shows_a_saved_quote_without_re_running(capsys, tmp_path):
    code, _, err = run(capsys, "quote", str(EXAMPLES[0]), "--out", str(tmp_path), "--number", "Q-SAVED")
    assert code == 0, err
    saved = tmp_path / "quote.json"
    code, out, err = run(capsys, "quote", str(saved))
    assert code == 0, err
    assert "Quote Q-SAVED" in out and "TARIFFS" in out and "Telephone lines:" in out
    code, out, _ = run(capsys, "quote", str(saved), "--json")
    assert json.loads(out) == _without_hash(saved)


def test_shift_plan_is_used_when_proved_and_saved_with_the_quote(tmp_path):
    q = build_quote(EXAMPLES[0], today=TODAY, scenarios=False)  # bank: business hours, solves at once
    data = q.to_dict()
    sp = data["staffing"]["shift_plan"]
    assert sp["used"] and sp["reason"] == "used"  # proved within the work budget, on any machine
    assert sp["status"] == "optimal" and data["pricing"]["usage"]["hours_source"] == "shift plan"
    paid = sum(Decimal(v) for v in sp["paid_hours_week"].values())
    assert paid >= Decimal(data["staffing"]["totals"]["scheduled_hours_week"]) - 1  # whole shifts pay at least that
    path = save_quote(q, tmp_path)
    assert requote(load_quote(path)).to_dict() == load_quote(path)  # the saved roster, not a new solve
    off = build_quote(EXAMPLES[0], today=TODAY, scenarios=False, shifts=False).to_dict()
    assert off["staffing"]["shift_plan"] == {
        "used": False,
        "reason": "not_asked",
        "status": None, "paid_hours_week": None, "headcount": None, "efficiency": None,
    }  # fmt: skip


def test_round_the_clock_quotes_are_priced_from_the_roster_and_say_its_gap():
    q = build_quote(EXAMPLES[2], today=TODAY, scenarios=False)  # pars-retail: 24/7
    sp = q.to_dict()["staffing"]["shift_plan"]
    assert sp["used"] and sp["reason"] == "used"
    assert q.cost.usage.hours_source == "shift plan"
    from quoter.render.text import shift_note

    gap = Decimal(sp["gap"])
    assert 0 <= gap <= Decimal("0.05")
    from quoter.render.localize import format_number, format_percent

    en, fa = shift_note(sp, "en"), shift_note(sp, "fa")
    assert f"{sp['headcount']} people" in en and f"within {format_percent(gap, 'en', decimals=1)}" in en, en
    assert format_number(Decimal(sp["headcount"]), "fa") + " نفر" in fa and "بهره‌وری برنامه" in fa, fa
    assert format_percent(gap, "fa", decimals=1) in fa


def test_the_default_roster_attempt_is_bounded_by_work_not_time(monkeypatch):
    """The same input gets the same quote under any load: the default shift attempt has a node budget
    (deterministic), and the quote stores no timing."""
    from quoter.shifts import for_quote, solver

    seen = {}
    real = solver.plan_shifts

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(solver, "plan_shifts", spy)
    a = build_quote(EXAMPLES[0], today=TODAY, scenarios=False).to_dict()
    assert seen["time_limit_s"] >= 30  # a safety net only: the budget is nodes
    assert for_quote.SHIFT_SECONDS >= 30 and solver.NODES == 1000
    assert a["staffing"]["shift_plan"]["used"] and "solve_seconds" not in a["staffing"]["shift_plan"]
    assert build_quote(EXAMPLES[0], today=TODAY, scenarios=False).to_dict() == a
