"""Hostile inputs: every bad requirements file or price book is one clear InputError naming the field,
in milliseconds; never a traceback, a hang or a silent acceptance."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.limits import YAML_MAX_BYTES

from .conftest import MINIMAL, ROOT

BOOK = (ROOT / "pricing_models" / "ir-1405.yaml").read_text(encoding="utf-8")
VOICE = "voice: {calls_per_week: 7000, aht_seconds: 180}"


def _voice(extra: str) -> str:
    return MINIMAL.replace(VOICE, "voice: {calls_per_week: 7000, aht_seconds: 180, " + extra + "}")


def _error(load, path: Path) -> str:
    with pytest.raises(InputError) as exc:
        load(path)
    return str(exc.value)


REQUIREMENTS = [
    # (id, yaml text, expected fragment)
    (
        "aht-bool",
        MINIMAL.replace("aht_seconds: 180", "aht_seconds: true"),
        "channels.voice.aht_seconds: must be a number, not true/false",
    ),
    ("aht-inf", MINIMAL.replace("aht_seconds: 180", "aht_seconds: .inf"), "channels.voice.aht_seconds"),
    ("aht-nan", MINIMAL.replace("aht_seconds: 180", "aht_seconds: .nan"), "channels.voice.aht_seconds"),
    (
        "aht-huge",
        MINIMAL.replace("aht_seconds: 180", "aht_seconds: 1e9"),
        "channels.voice.aht_seconds: Input should be less than or equal to 14400",
    ),
    (
        "calls-week-huge",
        MINIMAL.replace("calls_per_week: 7000", "calls_per_week: 1e12"),
        "channels.voice.calls_per_week: Input should be less than or equal to",
    ),
    (
        "calls-month-huge",
        MINIMAL.replace("calls_per_week: 7000", "calls_per_month: 1e300"),
        "channels.voice.calls_per_month: Input should be less than or equal to 100000000",
    ),
    ("calls-bool", MINIMAL.replace("calls_per_week: 7000", "calls_per_week: true"), "channels.voice.calls_per_week"),
    ("acw-above-aht", _voice("acw_seconds: 300"), "channels.voice.acw_seconds: 300 is above aht_seconds (180)"),
    ("ivr-huge", _voice("ivr_seconds: 1e6"), "channels.voice.ivr_seconds"),
    (
        "patience-huge",
        _voice("target: {max_abandon: 0.05, patience_seconds: 1e7}"),
        "channels.voice.target.patience_seconds: Input should be less than or equal to 3600",
    ),
    ("answer-huge", _voice("target: {answer_seconds: 99999}"), "channels.voice.target.answer_seconds"),
    (
        "intraday-inf",
        _voice("profile: {intraday: [.inf, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}"),
        "channels.voice.profile.intraday",
    ),
    (
        "intraday-zero",
        _voice("profile: {intraday: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}"),
        "channels.voice.profile.intraday: needs at least one positive weight",
    ),
    ("weekly-nan", _voice("profile: {weekly: [1, 1, .nan, 1, 1, 1, 1]}"), "channels.voice.profile.weekly"),
    ("weekly-long", _voice("profile: {weekly: [1, 1, 1, 1, 1, 1, 1, 1]}"), "channels.voice.profile.weekly"),
    (
        "channel-language-unknown",
        _voice("languages: {en: 1.0}"),
        "channels.voice.languages: en not among the languages (fa)",
    ),
    ("shares", MINIMAL.replace("{fa: 1.0}", "{fa: 0.7, en: 0.2}"), "languages: shares sum to 0.9, not 1 (line 3)"),
    ("language-share-bool", MINIMAL.replace("{fa: 1.0}", "{fa: true}"), "languages.fa"),
    (
        "start-date-word",
        MINIMAL.replace("interval_minutes: 60}", "interval_minutes: 60, start_date: yesterday}"),
        "service.start_date: 'yesterday' is not a date such as 2026-12-22 or 1405-10-01 (Jalali)",
    ),
    (
        "start-date-number",
        MINIMAL.replace("interval_minutes: 60}", "interval_minutes: 60, start_date: 20260321}"),
        "service.start_date: must be a date such as 2026-12-22 or 1405-10-01 (Jalali)",
    ),
    (
        "start-date-impossible",
        MINIMAL.replace("interval_minutes: 60}", 'interval_minutes: 60, start_date: "2026-02-30"}'),
        "service.start_date",
    ),
    (
        "term-bool",
        MINIMAL.replace("interval_minutes: 60}", "interval_minutes: 60, term_months: true}"),
        "service.term_months",
    ),
    (
        "hours-overlap",
        MINIMAL.replace('hours: "24/7"', 'hours: {sat: ["08:00-14:00", "12:00-20:00"]}'),
        "service.hours: 'sat: 12:00-20:00' overlaps 'sat: 08:00-14:00' on sat",
    ),
    (
        "hours-overlap-days",
        MINIMAL.replace('hours: "24/7"', 'hours: {sat-wed: "08:00-20:00", mon: "18:00-22:00"}'),
        "overlaps 'sat-wed: 08:00-20:00' on mon",
    ),
    (
        "name-blank",
        MINIMAL.replace('name: "Test Co"', 'name: "   "'),
        "client.name: must not be empty or only whitespace",
    ),
    (
        "name-nul",
        MINIMAL.replace('name: "Test Co"', 'name: "Test\\0Co"'),
        "client.name: contains the control character U+0000",
    ),
    (
        "name-c1",
        MINIMAL.replace('name: "Test Co"', 'name: "Test\\x85Co"'),
        "client.name: contains the control character U+0085",
    ),
    (
        "name-bidi-override",
        MINIMAL.replace('name: "Test Co"', 'name: "Test \\u202eoC"'),
        "client.name: contains the bidi control U+202E",
    ),
    (
        "name-bidi-isolate",
        MINIMAL.replace('name: "Test Co"', 'name: "Test Co", name_fa: "\\u2067x"'),
        "client.name_fa: contains the bidi control U+2067",
    ),
    (
        "name-fffe",
        MINIMAL.replace('name: "Test Co"', 'name: "Test Co", address: "a\\uFFFEb"'),
        "client.address: contains the control character U+FFFE",
    ),
    ("notes-escape", MINIMAL + 'notes: "ring \\x1b[31m"\n', "notes: contains the control character U+001B"),
    (
        "hours-fte-tiny",
        MINIMAL + "staffing: {hours_per_fte_week: 1e-9}\n",
        "staffing.hours_per_fte_week: Input should be greater than or equal to 4",
    ),
    ("min-agents-huge", MINIMAL + "staffing: {min_agents: 10000000}\n", "staffing.min_agents"),
    ("shrinkage-bool", MINIMAL + "staffing: {shrinkage: false}\n", "staffing.shrinkage"),
    ("duplicate-key", MINIMAL + "client: {name: Other}\n", "client: duplicate key 'client' (lines 1 and 6)"),
    (
        "duplicate-nested",
        MINIMAL.replace(VOICE, "voice: {calls_per_week: 7000, aht_seconds: 180, aht_seconds: 200}"),
        "channels.voice.aht_seconds: duplicate key 'aht_seconds' (lines 5 and 5)",
    ),
    (
        "email-response-huge",
        MINIMAL.replace(VOICE, VOICE + "\n  email: {emails_per_month: 10, handle_minutes: 5, response_hours: 1e9}"),
        "channels.email.response_hours",
    ),
    (
        "outbound-attempts",
        MINIMAL.replace(VOICE, VOICE + "\n  outbound: {records_per_month: 10, talk_seconds: 60, attempts: 1e6}"),
        "channels.outbound.attempts",
    ),
    (
        "chat-concurrency-bool",
        MINIMAL.replace(VOICE, VOICE + "\n  chat: {chats_per_month: 10, aht_seconds: 60, concurrency: true}"),
        "channels.chat.concurrency",
    ),
    (
        "season-eleven",
        MINIMAL + "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n",
        "seasonality: Value error, needs 12 monthly factors, Farvardin first (got 11)".replace("Value error, ", ""),
    ),
    (
        "season-negative",
        MINIMAL + "seasonality: [1, 1, 1, -0.5, 1, 1, 1, 1, 1, 1, 1, 1]\n",
        "seasonality: Tir (factor 4): -0.5 is not between 0 and 10",
    ),
    (
        "season-zero",
        MINIMAL + "seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n",
        "seasonality: needs at least one positive factor",
    ),
    ("season-name", MINIMAL + "seasonality: christmas\n", "seasonality: 'christmas' is not a seasonality profile"),
    ("season-inf", MINIMAL + "seasonality: [1, 1, 1, .inf, 1, 1, 1, 1, 1, 1, 1, 1]\n", "seasonality"),
    (
        "retention-over-half",
        MINIMAL + "payment: {performance_retention: 0.6}\n",
        "payment.performance_retention: Input should be less than or equal to Decimal('0.5')",
    ),
    ("payment-days-text", MINIMAL + "payment: {days: soon}\n", "payment.days"),
    ("payment-unknown", MINIMAL + "payment: {dayz: 30}\n", "payment.dayz: unknown key; did you mean 'days'?"),
    (
        "start-jalali-impossible",
        MINIMAL.replace("interval_minutes: 60}", 'interval_minutes: 60, start_date: "1405-13-01"}'),
        "service.start_date: '1405-13-01' is not a date",
    ),  # fmt: skip
    ("recursive-alias", MINIMAL + "notes: &n [*n]\n", "notes.0: an alias refers to the collection that contains it"),
    ("deep", MINIMAL + "notes: " + "[" * 30 + "]" * 30 + "\n", "nested more than 20 levels deep"),
]

BOOKS = [
    (
        "rise-below-minus-100",
        BOOK.replace("  wage_rise: 0.45                 #", "  wage_rise: -1.5                 #"),
        "indexation.wage_rise: Input should be greater than -1",
    ),
    (
        "retention-over-half",
        BOOK.replace("  performance_retention: 0.10 ", "  performance_retention: 0.75 "),
        "payment.performance_retention: Input should be less than or equal to Decimal('0.5')",
    ),
    (
        "source-not-an-address",
        BOOK.replace('url: "http://ilawyou.ir/?p=12562"', 'url: "ilawyou"', 1),
        "sources.premiums.shift_two.url: Value error, must be an address".replace("Value error, ", ""),
    ),
    (
        "fa-wage-below-minimum",
        BOOK.replace("    fa: 180000000", "    fa: 150000000"),
        "wages.agent.fa: 150,000,000 is below the 1405 minimum monthly wage 166,255,500",
    ),
    ("nan", BOOK.replace("vat_rate: 0.10", "vat_rate: .nan"), "vat_rate: must be a finite number"),
    (
        "inf",
        BOOK.replace("  housing: 30000000\n  food", "  housing: .inf\n  food"),
        "allowances.housing: must be a finite number",
    ),
    ("1e400", BOOK.replace("  per_minute: 800 ", "  per_minute: 1e400 "), "telephony.per_minute: 1E+400 is above"),
    ("money-huge", BOOK.replace("  per_minute: 800 ", "  per_minute: 1e19 "), "telephony.per_minute: 1E+19 is above"),
    (
        "bool-money",
        BOOK.replace("  per_minute: 800 ", "  per_minute: true "),
        "telephony.per_minute: Value error, must be a number, not true/false".replace("Value error, ", ""),
    ),
    ("step-tiny", BOOK.replace("  line: 1  ", "  line: 1e-40  "), "rounding.line"),
    ("step-huge", BOOK.replace("  monthly: 1000  ", "  monthly: 1e30  "), "rounding.monthly: 1E+30 is above"),
    (
        "step-large",
        BOOK.replace("  monthly: 1000  ", "  monthly: 1e12  "),
        "rounding.monthly: Input should be less than or equal to Decimal('1000000000')",
    ),
    (
        "hours-tiny",
        BOOK.replace("  hours_per_week: 44 ", "  hours_per_week: 1e-9 "),
        "labour.hours_per_week: Input should be greater than or equal to Decimal('4.0')",
    ),
    ("hours-zero", BOOK.replace("  hours_per_week: 44 ", "  hours_per_week: 0 "), "labour.hours_per_week"),
    ("days-month", BOOK.replace("  days_per_month: 30 ", "  days_per_month: 1e-9 "), "labour.days_per_month"),
    (
        "ratio-tiny",
        BOOK.replace("supervisor: {ratio: 13,", "supervisor: {ratio: 1e-9,"),
        "span_of_control.supervisor.ratio: Input should be greater than or equal to Decimal('1')",
    ),
    (
        "margin-nan",
        BOOK.replace("target_margin: 0.18", "target_margin: .nan"),
        "target_margin: must be a finite number",
    ),
    (
        "digits",
        BOOK.replace("vat_rate: 0.10", "vat_rate: 0.1000000000000000000000000000000000000000000000001"),
        "vat_rate: has more than 40 significant digits",
    ),
    (
        "tariff-inf",
        BOOK.replace("    per_call: 0.0                 #", "    per_call: .inf                 #"),
        "models.risk_premium.per_call: must be a finite number",
    ),
    (
        "company-bidi",
        BOOK.replace('name: "Avaye Pasokh Contact Center"', 'name: "Avaye \\u202dPasokh"'),
        "company.name: contains the bidi control U+202D",
    ),
    (
        "company-blank",
        BOOK.replace('name: "Avaye Pasokh Contact Center"', 'name: " \\t "'),
        "company.name: must not be empty",
    ),
    (
        "title-nul",
        BOOK.replace('title: "Iran 1405, Rial"', 'title: "Iran\\0"'),
        "title: contains the control character U+0000",
    ),
    (
        "addon-bidi",
        BOOK.replace('{name: "IVR design"', '{name: "IVR \\u2066design"'),
        "add_ons.ivr_design.name: contains the bidi control U+2066",
    ),
    (
        "duplicate",
        BOOK.replace("vat_rate: 0.10", "vat_rate: 0.10\nvat_rate: 0.09"),
        "vat_rate: duplicate key 'vat_rate'",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in REQUIREMENTS], ids=[r[0] for r in REQUIREMENTS])
def test_bad_requirements_name_the_field(tmp_path, text, expected):
    p = tmp_path / "req.yaml"
    p.write_text(text, encoding="utf-8")
    assert expected in _error(load_requirements, p)


@pytest.mark.parametrize(("text", "expected"), [r[1:] for r in BOOKS], ids=[r[0] for r in BOOKS])
def test_bad_price_books_name_the_field(tmp_path, text, expected):
    assert text != BOOK
    p = tmp_path / "book.yaml"
    p.write_text(text, encoding="utf-8")
    assert expected in _error(load_price_book, p)


def test_persian_zwnj_and_marks_stay(tmp_path):
    p = tmp_path / "req.yaml"
    p.write_text(
        MINIMAL.replace('name: "Test Co"', 'name: "  Test Co ", name_fa: "خرده\u200cفروشی \u200fپارس"'), "utf-8"
    )
    req = load_requirements(p)
    assert req.client.name == "Test Co"
    assert req.client.name_fa == "خرده\u200cفروشی \u200fپارس"


def lol(levels: int = 9, width: int = 9) -> str:
    """A "billion laughs": ``levels`` anchors, each ``width`` aliases of the one before."""
    out = ['l0: &l0 "lol"']
    out += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels + 1)]
    return "\n".join(out) + "\n"


def bombs() -> dict[str, str]:
    """The hostile files of the benchmark and the tests, by name."""
    nine = lol()
    keys = nine.replace("l0: &l0", "notes: &l0", 1)
    top = "\n".join(line.replace(": &", ": &", 1) for line in nine.splitlines())
    return {
        "laughs-9x9": MINIMAL + nine,
        "laughs-under-notes": MINIMAL
        + "notes: "
        + "{"
        + ", ".join(lol().strip().replace(": &", ": &").splitlines())
        + "}\n",
        "laughs-top-level-keys": MINIMAL + top + "\n" + "? *l9\n: x\n",
        "laughs-notes-alias": keys.replace("l9: &l9", "l9: &l9", 1) + "client: {name: x}\n",
        "list-10^8": MINIMAL + lol(8, 10).replace('l0: &l0 "lol"', "l0: &l0 0"),
        "flat-list-300k": MINIMAL + "notes: [" + "0," * 300_000 + "0]\n",
        "over-1MB": MINIMAL + "notes: '" + "x" * YAML_MAX_BYTES + "'\n",
    }


@pytest.mark.parametrize(("name", "text"), list(bombs().items()), ids=list(bombs()))
def test_bombs_fail_fast(tmp_path, name, text):
    p = tmp_path / "bomb.yaml"
    p.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(InputError) as exc:
        load_requirements(p)
    assert time.perf_counter() - start < 2.0, name
    assert "refused" in str(exc.value) or "larger than" in str(exc.value)
