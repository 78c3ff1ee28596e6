"""quoter.history on histories generated from known parameters: the figures come back, in every format."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from quoter.errors import InputError
from quoter.history import analyse, synthetic
from quoter.history.estimate import patience
from quoter.history.forecast import forecast

PARAMS = synthetic.Params(
    start=dt.date(2025, 3, 21), days=56, calls_per_week=12000, queues=("fa", "en"), aht_seconds=240,
    aht_sigma=0.6, patience_seconds=120, seed=7,
)  # fmt: skip


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return synthetic.write_all(PARAMS, tmp_path_factory.mktemp("history"))


@pytest.fixture(scope="module")
def histories(files):
    return {kind: analyse([path]) for kind, path in files.items()}


def _expected_intraday(p: synthetic.Params) -> list[float]:
    """The all-days half-hour shape the parameters imply (each hour split evenly)."""
    weekly = [w / sum(p.weekly) for w in p.weekly]
    hourly = [h / sum(p.intraday) for h in p.intraday]
    return [hourly[i // 2] / 2 for i in range(48)] if weekly else []


def test_recovers_the_parameters(histories):
    h = histories["queue_log"]
    assert [q.queue for q in h.queues] == ["en", "fa"]
    assert h.total.contacts_per_week == pytest.approx(PARAMS.calls_per_week, rel=0.01)
    for q in h.queues:
        assert q.contacts_per_week == pytest.approx(PARAMS.calls_per_week / 2, rel=0.01)
        assert q.aht_seconds == pytest.approx(PARAMS.aht_seconds, rel=0.02)
        assert q.patience_seconds == pytest.approx(PARAMS.patience_seconds, rel=0.10)
        low, high = q.patience_ci
        assert low < q.patience_seconds < high and high - low < 0.1 * q.patience_seconds
        assert q.contacts_per_month == pytest.approx(q.contacts_per_week * 365.25 / 12 / 7)


def test_recovers_the_shapes(histories):
    q = histories["queue_log"].total
    expected_week = [w / sum(PARAMS.weekly) for w in PARAMS.weekly]
    assert q.weekly == pytest.approx(expected_week, abs=0.005)
    assert sum(abs(a - b) for a, b in zip(q.intraday_all, _expected_intraday(PARAMS), strict=True)) < 0.03
    assert len(q.intraday) == 7 and all(len(day) == 48 for day in q.intraday)
    assert all(math.isclose(sum(day), 1) for day in q.intraday)
    assert q.intraday_all[0] < 0.002 < q.intraday_all[21]  # 00:00 is quiet, 10:30 is the peak


def test_the_three_formats_give_the_same_figures(histories):
    base = histories["queue_log"]
    for kind in ("cdr", "csv"):
        other = histories[kind]
        assert other.problems == [] and base.problems == []
        for a, b in zip(base.queues, other.queues, strict=True):
            da, db = a.to_dict(), b.to_dict()
            for key in ("contacts_per_week", "aht_seconds", "abandon_rate", "service_level", "asa_seconds",
                        "patience_seconds", "patience_ci", "short_abandon_share", "weekly", "intraday"):  # fmt: skip
                assert da[key] == db[key], (kind, key)


def test_service_definitions_from_counts(tmp_path):
    """Service level = answered within 20 s / offered; ASA over the answered; short abandons under 5 s."""
    log = tmp_path / "queue_log"
    lines = [
        "1735711200|NONE|NONE|NONE|QUEUESTART|",
        "1735711200|a|q|NONE|ENTERQUEUE||0912|1",
        "1735711210|a|q|SIP/1|CONNECT|10|x|2",
        "1735711310|a|q|SIP/1|COMPLETECALLER|10|100|1",
        "1735711220|b|q|NONE|ENTERQUEUE||0912|1",
        "1735711250|b|q|SIP/1|CONNECT|30|x|2",
        "1735711550|b|q|SIP/1|COMPLETEAGENT|30|300|1",
        "1735711300|c|q|NONE|ENTERQUEUE||0912|1",
        "1735711303|c|q|NONE|ABANDON|1|1|3",
        "1735711400|d|q|NONE|ENTERQUEUE||0912|1",
        "1735711460|d|q|NONE|EXITWITHTIMEOUT|1|1|60",
        "1735711500|e|q|NONE|ENTERQUEUE||0912|1",
        "1735711545|e|q|NONE|EXITWITHKEY|5|1|1|45",
    ]
    log.write_text("\n".join(lines) + "\n")
    q = analyse([log]).queues[0]
    assert q.offered == 5
    assert q.service_level == pytest.approx(1 / 5)
    assert q.asa_seconds == pytest.approx(20)
    assert q.abandon_rate == pytest.approx(1 / 5)
    assert q.aht_seconds == pytest.approx(200)
    assert q.short_abandon_share == 1
    assert q.patience_seconds == pytest.approx(10 + 30 + 3 + 60 + 45)  # one abandon over 148 s of waiting


def test_patience_interval_is_the_exact_poisson_one():
    """The interval's ends are the rates at which k abandons are just 2.5 % likely (Poisson tails)."""
    from scipy.stats import poisson

    mean, (low, high) = patience(100, 12000)
    assert mean == 120
    rate_low, rate_high = 1 / high, 1 / low
    assert poisson.sf(99, rate_low * 12000) == pytest.approx(0.025, rel=1e-6)  # P(N >= 100) at the low rate
    assert poisson.cdf(100, rate_high * 12000) == pytest.approx(0.025, rel=1e-6)  # P(N <= 100) at the high rate
    assert patience(0, 100) == (None, None)


def test_problems_are_counted_and_named(tmp_path):
    log = tmp_path / "queue_log"
    lines = [
        "1735711200|a|q|NONE|ENTERQUEUE||0912|1",  # 1
        "1735711210|a|q|SIP/1|CONNECT|10|x|2",  # 2
        "1735711200|a|q|NONE|ENTERQUEUE||0912|1",  # 3 duplicate, out of order
        "1735711310|a|q|SIP/1|COMPLETECALLER|10|100|1",  # 4
        "1735711320|z|q|SIP/1|CONNECT|5|x|2",  # 5 no ENTERQUEUE
        "1735711330|broken|q",  # 6 missing fields
        "1735711340|a|q|SIP/1|WEIRDEVENT|1",  # 7 unknown (call finished: duplicate) -> counted as duplicate
        "1735711350|b|q|NONE|ENTERQUEUE||0912|1",  # 8 never finishes
        "1735711360|c|q|NONE|ENTERQUEUE||0912|1",  # 9
        "1735711370|c|q|NONE|FROBNICATE|1",  # 10 unknown event
        "1735711380|c|q|NONE|ABANDON|1|1|x",  # 11 non-numeric wait
        "1735711390|c|q|NONE|ABANDON|1|1|30",  # 12
    ]
    log.write_text("\n".join(lines) + "\n")
    h = analyse([log])
    found = {p.kind: (p.count, p.lines) for p in h.problems}
    assert found["duplicate_call"] == (2, [3, 7])
    assert found["out_of_order"] == (1, [3])
    assert found["no_enterqueue"] == (1, [5])
    assert found["missing_fields"] == (2, [6, 11])
    assert found["unknown_event"] == (1, [10])
    assert found["unfinished_call"][0] == 1
    assert h.queues[0].offered == 2  # a (answered) and c (abandoned); b never ended


def test_a_file_with_nothing_usable_is_an_error(tmp_path):
    log = tmp_path / "queue_log"
    log.write_text("1735711200|NONE|NONE|NONE|QUEUESTART|\n1735711320|z|q|SIP/1|CONNECT|5|x|2\n")
    with pytest.raises(InputError, match="no usable calls") as exc:
        analyse([log])
    assert "no_enterqueue: 1" in str(exc.value)
    junk = tmp_path / "notes.txt"
    junk.write_text("dear sales team,\nplease find attached\n")
    with pytest.raises(InputError, match="neither an interval CSV"):
        analyse([junk])


def test_interval_csv_with_persian_digits_jalali_dates_and_a_mapping(tmp_path):
    path = tmp_path / "report.csv"
    path.write_text(
        "زمان,تماس,پاسخ,رها,میانگین,Agent notes\n"
        "۱۴۰۴-۰۱-۱۰ ۰۸:۰۰,۱۰۰,۹۰,۱۰,۲۰۰,x\n"
        "۱۴۰۴-۰۱-۱۰ ۰۸:۳۰,۵۰,۴۵,۵,۱۸۰٫۵,y\n"
        "1404-01-10 09:00,,40,5,200,z\n",
        encoding="utf-8",
    )
    h = analyse([path], mapping={"interval": "زمان", "offered": "تماس", "answered": "پاسخ", "abandoned": "رها",
                                 "aht": "میانگین"})  # fmt: skip
    q = h.queues[0]
    assert q.offered == 150
    assert q.aht_seconds == pytest.approx((90 * 200 + 45 * 180.5) / 135)
    assert h.first_date == dt.date(2025, 3, 30)  # 10 Farvardin 1404
    assert q.patience_seconds is None and q.asa_seconds is None  # no wait columns: not invented
    kinds = {p.kind: p for p in h.problems}
    assert kinds["unknown_column"].names == ["Agent notes"]
    assert kinds["missing_fields"].lines == [4]
    with pytest.raises(InputError, match="no column for aht"):
        analyse([path], mapping={"interval": "زمان", "offered": "تماس", "answered": "پاسخ", "abandoned": "رها"})


def test_clock_changes_are_found_and_local_time_kept(tmp_path):
    """Iran's last summer time: clocks back at the end of 30 Shahrivar 1400 (2021-09-21)."""
    p = synthetic.Params(start=dt.date(2021, 9, 15), days=14, calls_per_week=3000, seed=3)
    files = synthetic.write_all(p, tmp_path)
    h = analyse([files["queue_log"]])
    assert h.clock_changes == [{"date": "2021-09-21", "minutes": -60}]
    assert [p.kind for p in h.problems] == ["clock_change"]
    csv_h = analyse([files["csv"]])
    # the local-clock shape is the same whether read from UTC epochs or local interval starts
    assert h.total.intraday_all == pytest.approx(csv_h.total.intraday_all, abs=2e-3)
    assert h.total.contacts_per_week == pytest.approx(csv_h.total.contacts_per_week)
    no_dst = analyse([files["queue_log"]], timezone="UTC")
    assert no_dst.clock_changes == [] and no_dst.total.intraday_all != h.total.intraday_all


SEASON = (0.80, 0.95, 0.95, 0.95, 0.95, 1.00, 1.05, 1.05, 1.10, 1.00, 1.00, 1.20)


def _months(n: int, growth: float = 0.10) -> list[tuple[int, int, float, int, int]]:
    """n full Jalali months from Farvardin 1400 with SEASON and a yearly growth (no noise but rounding)."""
    out = []
    for i in range(n):
        y, m = 1400 + i // 12, i % 12 + 1
        out.append((y, m, round(10000 * SEASON[m - 1] * (1 + growth) ** (i / 12)), 30, 30))
    return out


def test_forecast_rules_by_length():
    long = forecast(_months(36))
    assert long is not None and long.method.startswith("holt-winters")
    assert long.seasonality == pytest.approx([s / (sum(SEASON) / 12) for s in SEASON], rel=0.05)
    assert long.mape is not None and long.mape < 0.05 and long.holdout_months == 6
    assert long.months[0][:2] == (1403, 1)
    assert long.months[0][2] == pytest.approx(10000 * SEASON[0] * 1.1**3, rel=0.08)
    short = forecast(_months(15))
    assert short is not None and "one year" in short.method and short.holdout_months == 3
    assert forecast(_months(11)) is None
    partial = _months(14)
    partial[5] = (*partial[5][:3], 20, 31)  # a month with missing days breaks the run: 8 full months after it
    assert forecast(partial) is None
