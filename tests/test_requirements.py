"""The requirements file: the contract's shape, and one clear message per mistake."""

from __future__ import annotations

import pytest

from quoter.errors import InputError
from quoter.inputs.requirements import WEEKS_PER_MONTH, load_requirements, open_mask

from .conftest import EXAMPLES, MINIMAL


def _error(write_yaml, text: str) -> str:
    with pytest.raises(InputError) as exc:
        load_requirements(write_yaml(text))
    return str(exc.value)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_load(path):
    req = load_requirements(path)
    assert req.client.name
    assert req.channels.voice.per_week() > 0


def test_issue_contract_shape_loads(write_yaml):
    text = """\
client: {name: "Pars Retail Co.", name_fa: "شرکت خرده‌فروشی پارس"}
service:
  hours: "24/7"
  interval_minutes: 30
  timezone: Asia/Tehran
languages: {fa: 0.85, en: 0.10, ar: 0.05}
pools: [[en, ar]]
channels:
  voice:
    calls_per_month: 60000
    aht_seconds: 240
    target: {service_level: 0.80, answer_seconds: 20, max_abandon: 0.04, patience_seconds: 120}
    profile: {intraday: retail, weekly: iran-retail}
  chat:     {chats_per_month: 8000, aht_seconds: 420, concurrency: 2, first_response_seconds: 60}
  email:    {emails_per_month: 3000, handle_minutes: 6, response_hours: 24}
  outbound: {records_per_month: 5000, attempts: 2.0, contact_rate: 0.45, talk_seconds: 180, wrap_seconds: 30, \
dial_seconds: 25}
staffing: {shrinkage: 0.30, max_occupancy: 0.85, hours_per_fte_week: 44, min_agents: 1}
"""
    req = load_requirements(write_yaml(text))
    assert req.client.name_fa == "شرکت خرده‌فروشی پارس"
    assert req.pools == [["en", "ar"]]
    assert req.channels.voice.per_week() == pytest.approx(60000 * 7 * 12 / 365.25)
    assert req.channels.outbound.per_week() == pytest.approx(5000 * 7 * 12 / 365.25)
    assert req.channels.email.per_week() == pytest.approx(3000 * 7 * 12 / 365.25)
    assert req.channels.outbound.seconds_per_attempt == pytest.approx(25 + 0.45 * 210)


def test_month_is_365_25_over_12_days():
    assert pytest.approx(365.25 / 12) == WEEKS_PER_MONTH * 7


def test_missing_file():
    with pytest.raises(InputError, match="requirements file not found: nope.yaml"):
        load_requirements("nope.yaml")


def test_broken_yaml_names_the_line(write_yaml):
    msg = _error(write_yaml, 'client: {name: "x"}\nchannels:\n  voice: [unclosed\n')
    assert "broken YAML" in msg and "line 4" in msg


def test_unknown_key_suggests_nearest(write_yaml):
    msg = _error(write_yaml, MINIMAL.replace("aht_seconds: 180", "aht_secs: 180"))
    assert "channels.voice.aht_secs: unknown key; did you mean 'aht_seconds'? (line 5)" in msg
    assert "channels.voice.aht_seconds: required key is missing" in msg


def test_unknown_top_level_key(write_yaml):
    msg = _error(write_yaml, MINIMAL + "stafing: {shrinkage: 0.3}\n")
    assert "stafing: unknown key; did you mean 'staffing'? (line 6)" in msg


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "calls_per_week: 7000",
            "calls_per_week: 0",
            "channels.voice.calls_per_week: Input should be greater than 0",
        ),
        (
            "calls_per_week: 7000",
            "calls_per_week: -5",
            "channels.voice.calls_per_week: Input should be greater than 0",
        ),
        ("aht_seconds: 180", "aht_seconds: 0", "channels.voice.aht_seconds: Input should be greater than 0"),
        ("{fa: 1.0}", "{fa: 0.7, en: 0.2}", "languages: shares sum to 0.9, not 1"),
        (
            '"24/7"',
            '{sat-wed: "8-20"}',
            "service.hours: sat-wed: 8-20: '8' is not a time of day HH:MM; write ranges like '08:00-20:00' (line 2)",
        ),
        ('"24/7"', '{satday: "08:00-20:00"}', "service.hours: 'satday' is not a day"),
        ('"24/7"', '{sat: "08:00-25:00"}', "'25:00' is not a valid time of day"),
        ('"24/7"', '"always"', "'always' is not '24/7'"),
        (
            "aht_seconds: 180}",
            "aht_seconds: 180, target: {service_level: 1.5}}",
            "channels.voice.target.service_level: Input should be less than or equal to 1",
        ),
        (
            "aht_seconds: 180}",
            "aht_seconds: 180, target: {service_level: 0}}",
            "channels.voice.target.service_level: Input should be greater than 0",
        ),
        (
            "aht_seconds: 180}",
            "aht_seconds: 180, target: {max_abandon: 0.05}}",
            "max_abandon needs patience_seconds",
        ),
        (
            "calls_per_week: 7000",
            "calls_per_week: 7000, calls_per_month: 100",
            "give exactly one of calls_per_month or calls_per_week",
        ),
        (
            "interval_minutes: 60",
            "interval_minutes: 20",
            "service.interval_minutes: Input should be 15, 30 or 60",
        ),
    ],
)
def test_bad_values_name_the_field(write_yaml, old, new, expected):
    assert old in MINIMAL
    assert expected in _error(write_yaml, MINIMAL.replace(old, new))


def test_pool_with_unknown_language(write_yaml):
    msg = _error(
        write_yaml,
        MINIMAL.replace("languages: {fa: 1.0}", "languages: {fa: 0.9, en: 0.1}\npools: [[en, ar]]"),
    )
    assert "pools: 'ar' is not one of the languages (fa, en)" in msg


def test_every_problem_is_reported_at_once(write_yaml):
    msg = _error(write_yaml, MINIMAL.replace("aht_seconds: 180", "aht_seconds: -1, colour: red"))
    assert "2 problems" in msg
    assert "aht_seconds" in msg and "colour" in msg


def test_open_mask_crosses_midnight_and_wraps_the_week():
    mask = open_mask({"fri": "22:00-02:00"}, 60)
    open_hours = [i for i, m in enumerate(mask) if m]
    # Friday 22:00, 23:00 (day 6) then Saturday 00:00, 01:00 (the week wraps to day 0)
    assert open_hours == [0, 1, 6 * 24 + 22, 6 * 24 + 23]


def test_scaled_scales_volume_and_handle_time(write_yaml):
    req = load_requirements(write_yaml(MINIMAL))
    s = req.scaled(volume=1.5, aht=0.9)
    assert s.channels.voice.per_week() == pytest.approx(7000 * 1.5)
    assert s.channels.voice.aht_seconds == pytest.approx(162)
    assert req.channels.voice.aht_seconds == 180  # the original is untouched
