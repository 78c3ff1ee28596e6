"""``quoter history`` through the real entry point; ``--write`` into requirements; the term plan uses the forecast;
the committed example is not stale and prices."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest

from quoter.cli import main
from quoter.history import synthetic
from quoter.inputs.requirements import load_requirements

from .conftest import MINIMAL, ROOT

EXAMPLE = ROOT / "examples/history"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    p = synthetic.Params(start=dt.date(2025, 6, 22), days=21, calls_per_week=4000, queues=("fa", "en"), seed=11)
    return synthetic.write_all(p, tmp_path_factory.mktemp("cli"))


def test_json_has_the_promised_keys(capsys, files):
    code, out, err = run(capsys, "history", str(files["queue_log"]), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [q["queue"] for q in data["queues"]] == ["en", "fa"]
    q = data["queues"][0]
    for key in ("queue", "contacts_per_week", "contacts_per_month", "aht_seconds", "abandon_rate", "service_level",
                "asa_seconds", "patience_seconds", "patience_ci", "short_abandon_share", "intraday", "weekly",
                "seasonality"):  # fmt: skip
        assert key in q, key
    assert q["service_level"]["answer_seconds"] == 20 and 0 < q["service_level"]["value"] < 1
    assert list(q["intraday"]) == ["saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday"]
    assert all(len(v) == 48 for v in q["intraday"].values())
    assert len(q["weekly"]) == 7 and sum(q["weekly"]) == pytest.approx(1, abs=1e-3)
    assert q["seasonality"] is None and data["forecast"] is None  # three weeks: no season, no forecast
    assert data["problems"] == []


def test_summary_and_chart(capsys, files, tmp_path):
    chart = tmp_path / "out" / "week.png"
    code, out, err = run(capsys, "history", str(files["cdr"]), "--chart", str(chart), "--interval", "60")
    assert code == 0, err
    assert "patience s" in out and "fa" in out and "en" in out and "all queues" in out
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f"Wrote {chart}" in err


def test_bad_input_exits_1_and_writes_nothing(capsys, tmp_path):
    junk = tmp_path / "x.csv"
    junk.write_text("a,b\n1,2\n")
    req = tmp_path / "req.yaml"
    code, out, err = run(capsys, "history", str(junk), "--write", str(req))
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err
    assert not req.exists()
    code, _, err = run(capsys, "history", str(junk), "--format", "xml")
    assert code == 1 and "--format" in err
    code, _, err = run(capsys, "history", str(tmp_path / "missing.log"))
    assert code == 1 and "no such file" in err


def test_write_creates_a_requirements_file_that_prices(capsys, files, tmp_path):
    req = tmp_path / "new.yaml"
    code, _, err = run(capsys, "history", str(files["queue_log"]), "--write", str(req), "--client", "Pars Co")
    assert code == 0, err
    r = load_requirements(req)
    voice = r.channels.voice
    assert r.client.name == "Pars Co"
    assert voice.calls_per_month == pytest.approx(4000 * 365.25 / 12 / 7, rel=0.02)
    assert voice.target.patience_seconds == pytest.approx(120, rel=0.1)
    assert len(voice.profile.intraday) == 48 and len(voice.profile.weekly) == 7
    code, out, err = run(capsys, "quote", str(req), "--json")
    assert code == 0, err
    assert float(json.loads(out)["staffing"]["totals"]["fte"]) > 0


COMMENTED = (
    MINIMAL.replace("client:", "# the client's own words\nclient:")
    + """\
staffing:
  shrinkage: 0.25   # agreed with the client
"""
)


def test_write_updates_only_its_keys_and_keeps_comments(capsys, files, tmp_path):
    req = tmp_path / "req.yaml"
    req.write_text(COMMENTED.replace("aht_seconds: 180}", "aht_seconds: 180, acw_seconds: 30}"))
    code, _, err = run(capsys, "history", str(files["queue_log"]), "--write", str(req), "--queue", "fa")
    assert code == 0, err
    text = req.read_text()
    assert "# the client's own words" in text and "# agreed with the client" in text
    r = load_requirements(req)
    assert r.staffing.shrinkage == 0.25 and r.client.name == "Test Co" and r.service.interval_minutes == 60
    assert r.channels.voice.calls_per_week is None  # one volume: the measured month replaces the week
    assert r.channels.voice.calls_per_month == pytest.approx(2000 * 365.25 / 12 / 7, rel=0.03)
    assert r.channels.voice.aht_seconds == pytest.approx(240 + 30, rel=0.03)  # talk from the log + the file's wrap
    assert len(r.channels.voice.profile.intraday) == 24  # hourly, as the file's 60-minute interval needs
    code, _, err = run(capsys, "history", str(files["queue_log"]), "--write", str(req), "--queue", "xx")
    assert code == 1 and "no queue 'xx'" in err


def test_term_plan_uses_the_forecast():
    import yaml

    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import Requirements
    from quoter.inputs.yamlio import validate
    from quoter.quote.pipeline import build_quote

    data = yaml.safe_load(MINIMAL)
    data["service"]["term_months"] = 3
    data["seasonality"] = "iran-retail"
    data["forecast"] = {"method": "test", "months": {"1405-10": 1.1, "1405-11": 1.3}}  # Esfand falls back
    r = validate(data, Requirements, what="requirements")
    q = build_quote(r, load_price_book(), today=dt.date(2026, 12, 2), scenarios=False, shifts=False)
    months = q.to_dict()["term"]["months"]
    base = Decimal(7000) * Decimal("365.25") / 12 / 7  # MINIMAL's 7,000 calls a week as a month
    ratios = [float(Decimal(m["contacts"]) / base) for m in months]
    assert [m["month"] for m in months] == ["1405-10", "1405-11", "1405-12"]
    assert ratios == pytest.approx([1.1, 1.3, 1.2], rel=0.01)  # Esfand: iran-retail's 1.20
    from quoter.render.text import assumptions

    d = q.to_dict()
    keys = [a["key"] for a in d["assumptions"]]
    assert "term_forecast_given" in keys and "term_season" not in keys  # the quote says where its months come from
    en, fa = " ".join(assumptions(d, "en")), " ".join(assumptions(d, "fa"))
    assert "the forecast given in the requirements (test) for 1405-10 to 1405-11, and the" in en
    assert "از ۱۴۰۵-۱۰ تا ۱۴۰۵-۱۱ بر پایه پیش‌بینی داده‌شده" in fa
    data["forecast"]["mape"] = 0.023  # as quoter history --write puts it
    q = build_quote(validate(data, Requirements, what="requirements"), load_price_book(), today=dt.date(2026, 12, 2),
                    scenarios=False, shifts=False)  # fmt: skip
    d = q.to_dict()
    en, fa = " ".join(assumptions(d, "en")), " ".join(assumptions(d, "fa"))
    assert "forecast from the client's own history (test, 2.3% error on held-out months) for 1405-10" in en
    assert "پیش‌بینی آماری از سوابق خود کارفرما (test، با ۲٫۳٪ خطا" in fa
    from quoter.render.text import FA_FORECAST_METHODS

    assert {
        "holt-winters (damped additive trend, multiplicative season)",
        "damped Holt trend x one year's season",
    } == set(FA_FORECAST_METHODS)  # every method history can write
    with pytest.raises(Exception, match="not a Jalali month"):
        validate({**data, "forecast": {"months": {"2026-13": 1}}}, Requirements, what="requirements")


def test_example_is_not_stale_and_prices(capsys):
    made = subprocess.run([sys.executable, str(EXAMPLE / "make_sample.py"), "--check"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    code, out, err = run(capsys, "quote", str(EXAMPLE / "requirements.yaml"), "--json")
    assert code == 0, err
    assert float(json.loads(out)["staffing"]["totals"]["fte"]) > 0
