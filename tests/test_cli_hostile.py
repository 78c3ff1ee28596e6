"""Hostile and broken input through the real CLI: every row exits 1 (or 2 for usage) with one message naming
the field or option, no traceback, and no output file left behind (issue 10)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from quoter.cli import main

from .conftest import MINIMAL, ROOT

BANK = (ROOT / "examples" / "bank-sat-thu.yaml").read_text(encoding="utf-8")
BOOK = (ROOT / "pricing_models" / "ir-1405.yaml").read_text(encoding="utf-8")


def _bomb(levels: int, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        refs = ", ".join(f"*a{i - 1}" for _ in range(width))
        lines.append(f"a{i}: &a{i} [{refs}]")
    return "\n".join(lines) + "\n"


def req(text: str) -> Callable[[Path], list[str]]:
    """A requirements file with ``text``, quoted with --out."""

    def make(tmp: Path) -> list[str]:
        (tmp / "req.yaml").write_text(text, encoding="utf-8")
        return ["quote", str(tmp / "req.yaml"), "--out", str(tmp / "out"), "--no-shifts"]

    return make


def minimal(old: str, new: str) -> Callable[[Path], list[str]]:
    assert old in MINIMAL, old
    return req(MINIMAL.replace(old, new))


def book(old: str, new: str) -> Callable[[Path], list[str]]:
    """The default price book with one change, used for a quote."""
    assert old in BOOK, old

    def make(tmp: Path) -> list[str]:
        (tmp / "book.yaml").write_text(BOOK.replace(old, new, 1), encoding="utf-8")
        (tmp / "req.yaml").write_text(MINIMAL, encoding="utf-8")
        return ["quote", str(tmp / "req.yaml"), "--price-book", str(tmp / "book.yaml"), "--out", str(tmp / "out"),
                "--no-shifts"]  # fmt: skip

    return make


def saved(change: Callable[[dict], object] | None = None, raw: str | None = None) -> Callable[[Path], list[str]]:
    """A quote.json saved by quoter, then tampered with (``change`` on the data, or ``raw`` text), re-shown
    with documents and a workbook asked for."""

    def make(tmp: Path) -> list[str]:
        (tmp / "req.yaml").write_text(MINIMAL, encoding="utf-8")
        src = tmp / "src"
        assert main_code(["quote", str(tmp / "req.yaml"), "--out", str(src), "--no-shifts"]) == 0
        path = src / "quote.json"
        if raw is not None:
            path.write_text(raw, encoding="utf-8")
        elif change is not None:
            data = json.loads(path.read_text(encoding="utf-8"))
            change(data)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return ["docs", str(path), "--out", str(tmp / "out")]

    return make


def cli(*args: str, files: dict[str, str] | None = None) -> Callable[[Path], list[str]]:
    def make(tmp: Path) -> list[str]:
        (tmp / "req.yaml").write_text(MINIMAL, encoding="utf-8")
        for name, text in (files or {}).items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_text(text, encoding="utf-8")
        return [a.replace("{tmp}", str(tmp)) for a in args]

    return make


def main_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    return int(exc.value.code or 0)


def _set(path: str, value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for p in parents:
            node = node[p]
        node[last] = value

    return change


def _del(path: str) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for p in parents:
            node = node[p]
        del node[last]

    return change


def _only_schema(data: dict) -> None:
    for k in list(data):
        if k != "schema":
            del data[k]


NESTED = '{"schema": "quoter.quote/1", "x": ' + "[" * 200_000 + "]" * 200_000 + "}"
V = "voice: {calls_per_week: 7000, aht_seconds: 180}"

CASES: list[tuple[str, Callable[[Path], list[str]], int, str]] = [
    # YAML itself
    ("alias bomb, top-level keys", req(_bomb(10)), 1, "alias"),
    (
        "alias bomb under notes",
        req(MINIMAL + "notes: " + _bomb(9).replace("\n", " ")[:0] + "x\n" + _bomb(9)),
        1,
        "alias",
    ),
    ("duplicate key", req(MINIMAL + "languages: {fa: 1.0}\n"), 1, "languages"),
    (
        "start in the past",
        minimal("interval_minutes: 60}", "interval_minutes: 60, start_date: 2020-03-21}"),
        1,
        "service.start_date: 2020-03-21 is before the quote's date",
    ),
    (
        "start in the past, Jalali",
        minimal("interval_minutes: 60}", "interval_minutes: 60, start_date: 1399-01-01}"),
        1,
        "service.start_date: 2020-03-20 is before the quote's date",
    ),
    (
        "eleven seasonal factors",
        req(MINIMAL + "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n"),
        1,
        "seasonality: needs 12 monthly factors",
    ),
    (
        "negative seasonal factor",
        req(MINIMAL + "seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -2]\n"),
        1,
        "seasonality: Esfand (factor 12): -2",
    ),
    (
        "retention over half",
        req(MINIMAL + "payment: {social_security_retention: 0.55}\n"),
        1,
        "payment.social_security_retention",
    ),
    (
        "wage rise below -100%",
        book("  wage_rise: 0.45                 #", "  wage_rise: -2                 #"),
        1,
        "indexation.wage_rise",
    ),
    (
        "term shorter than the ramp-up",
        minimal("interval_minutes: 60}", "interval_minutes: 60, term_months: 1}"),
        1,
        "ramp_up.stages: the ramp-up",
    ),
    ("not YAML", req("client: [unclosed\n"), 1, "line"),
    ("huge file", req(MINIMAL + "notes: '" + "x" * 1_200_000 + "'\n"), 1, "bytes"),
    ("empty file", req(""), 1, "req.yaml"),
    ("a list, not a mapping", req("- 1\n- 2\n"), 1, "req.yaml"),
    ("unknown key", minimal("aht_seconds: 180", "aht_secs: 180"), 1, "aht_secs"),
    # numbers
    ("aht as a boolean", minimal("aht_seconds: 180", "aht_seconds: true"), 1, "aht_seconds"),
    ("aht negative", minimal("aht_seconds: 180", "aht_seconds: -5"), 1, "aht_seconds"),
    ("aht of a week", minimal("aht_seconds: 180", "aht_seconds: 604800"), 1, "aht_seconds"),
    ("calls 1e23", minimal("calls_per_week: 7000", "calls_per_week: 1e23"), 1, "calls_per_week"),
    ("calls 1e308", minimal("calls_per_week: 7000", "calls_per_week: 1e308"), 1, "calls_per_week"),
    ("calls 1e29", minimal("calls_per_week: 7000", "calls_per_week: 1e29"), 1, "calls_per_week"),
    ("calls .inf", minimal("calls_per_week: 7000", "calls_per_week: .inf"), 1, "calls_per_week"),
    ("calls .nan", minimal("calls_per_week: 7000", "calls_per_week: .nan"), 1, "calls_per_week"),
    (
        "acw above aht",
        minimal(V, "voice: {calls_per_week: 7000, aht_seconds: 180, acw_seconds: 400}"),
        1,
        "acw_seconds",
    ),
    (
        "patience of a day",
        minimal(V, "voice: {calls_per_week: 7000, aht_seconds: 180, target: {patience_seconds: 86400}}"),
        1,
        "patience_seconds",
    ),  # fmt: skip
    ("hours per FTE 1e-9", req(MINIMAL + "staffing: {hours_per_fte_week: 1e-9}\n"), 1, "hours_per_fte_week"),
    (
        "intraday weight inf",
        minimal(V, "voice: {calls_per_week: 7000, aht_seconds: 180, profile: {intraday: [1, .inf]}}"),
        1,
        "intraday",
    ),  # fmt: skip
    (
        "term of 500 months",
        req(MINIMAL.replace("interval_minutes: 60", "interval_minutes: 60, term_months: 500")),
        1,
        "term_months",
    ),  # fmt: skip
    # dates, hours, languages, text
    (
        "start date yesterday",
        req(MINIMAL.replace("interval_minutes: 60", "interval_minutes: 60, start_date: yesterday")),
        1,
        "start_date",
    ),  # fmt: skip
    (
        "overlapping hours",
        req(MINIMAL.replace('hours: "24/7"', 'hours: {sat: ["08:00-14:00", "12:00-18:00"]}')),
        1,
        "hours",
    ),  # fmt: skip
    ("hour 25:00", req(MINIMAL.replace('hours: "24/7"', 'hours: {sat: "08:00-25:00"}')), 1, "hours"),
    ("shares sum to 0.9", minimal("languages: {fa: 1.0}", "languages: {fa: 0.9}"), 1, "languages"),
    (
        "channel language not offered",
        minimal(V, "voice: {calls_per_week: 7000, aht_seconds: 180, languages: {ar: 1.0}}"),
        1,
        "languages",
    ),  # fmt: skip
    ("whitespace-only client name", minimal('client: {name: "Test Co"}', 'client: {name: "   "}'), 1, "client.name"),
    (
        "control character in client name",
        minimal('client: {name: "Test Co"}', 'client: {name: "Test\\x0b Co"}'),
        1,
        "client.name",
    ),  # fmt: skip
    ("U+FFFF in client name", minimal('client: {name: "Test Co"}', 'client: {name: "Test\\uFFFF"}'), 1, "client.name"),
    (
        "bidi override in client name",
        minimal('client: {name: "Test Co"}', 'client: {name: "Test \\u202eoC"}'),
        1,
        "client.name",
    ),  # fmt: skip
    ("pool of one language", req(MINIMAL + "pools: [[fa]]\n"), 1, "pools"),
    ("unknown channel", minimal("channels:\n", "channels:\n  fax: {pages: 3}\n"), 1, "channels.fax"),
    ("missing voice", req('client: {name: "X"}\nchannels: {}\n'), 1, "channels.voice"),
    # price books
    ("book g_and_a .nan", book("g_and_a: 0.08", "g_and_a: .nan"), 1, "overhead.g_and_a"),
    ("book manager wage .inf", book("manager: 500000000", "manager: .inf"), 1, "wages.manager"),
    ("book 1e400", book("manager: 500000000", "manager: 1e400"), 1, "wages.manager"),
    ("book rounding step 1e-40", book("line: 1 ", "line: 1e-40 "), 1, "rounding"),
    ("book rounding monthly 1e30", book("monthly: 1000 ", "monthly: 1e30 "), 1, "rounding"),
    ("book supervisor ratio 1e-9", book("supervisor: {ratio: 13", "supervisor: {ratio: 1e-9"), 1, "supervisor"),
    (
        "book unknown tariff section",
        book("  per_minute:\n", "  per_week: {x: 1}\n  per_minute:\n"),
        1,
        "models.per_week",
    ),
    ("book logo /etc/passwd", lambda tmp: [*book("  logo: null", "  logo: /etc/passwd")(tmp), "--docs"], 1, "logo"),
    ("price book not found", cli("quote", "{tmp}/req.yaml", "--price-book", "no-such-book"), 1, "no-such-book"),
    # saved quotes
    ("quote.json total abc", saved(_set("cost.monthly_total", "abc")), 1, "cost.monthly_total"),
    ("quote.json NaN", saved(_set("cost.monthly_total", float("nan"))), 1, "cost.monthly_total"),
    ("quote.json Infinity", saved(_set("cost.monthly_total", float("inf"))), 1, "cost.monthly_total"),
    ("quote.json without models", saved(_del("models")), 1, "models"),
    ("quote.json only schema", saved(_only_schema), 1, "quote"),
    ("quote.json term as text", saved(_set("term_months", "12")), 1, "term_months"),
    ("quote.json nested arrays", saved(raw=NESTED), 1, "quote.json"),
    ("quote.json 1e999999", saved(raw='{"schema": "quoter.quote/1", "x": 1e999999}'), 1, "quote.json"),
    ("quote.json truncated", saved(raw='{"schema": "quoter.quote/1", "quote": {"num'), 1, "quote.json"),
    ("quote.json date 9999-99-99", saved(_set("quote.date", "9999-99-99")), 1, "quote.date"),
    ("quote.json chosen __class__", saved(_set("chosen_model", "__class__")), 1, "chosen_model"),
    ("quote.json amount edited", saved(_set("models.per_call.unit_price", "1")), 1, "sha256"),
    ("quote.json not a quote", saved(raw="[1, 2]"), 1, "quote"),
    # options
    ("time limit inf", cli("shifts", "{tmp}/req.yaml", "--time-limit", "inf"), 1, "--time-limit"),
    ("time limit -1", cli("shifts", "{tmp}/req.yaml", "--time-limit", "-1"), 1, "--time-limit"),
    ("time limit nan", cli("shifts", "{tmp}/req.yaml", "--time-limit", "nan"), 1, "--time-limit"),
    ("time limit 0", cli("shifts", "{tmp}/req.yaml", "--time-limit", "0"), 1, "--time-limit"),
    (
        "erlang 1e17 calls",
        cli("erlang", "--calls", "1e17", "--interval", "30", "--aht", "180", "--sl", "80/20"),
        1,
        "calls",
    ),  # fmt: skip
    ("erlang sl 80/x", cli("erlang", "--calls", "100", "--interval", "30", "--aht", "180", "--sl", "80/x"), 1, "--sl"),
    ("bad model", cli("quote", "{tmp}/req.yaml", "--model", "per_day", "--no-shifts"), 1, "per_day"),
    ("bad certainty", cli("quote", "{tmp}/req.yaml", "--certainty", "sure", "--no-shifts"), 1, "sure"),
    (
        "bad language for docs",
        cli("quote", "{tmp}/req.yaml", "--docs", "--lang", "de", "--out", "{tmp}/out", "--no-shifts"),
        1,
        "de",
    ),  # fmt: skip
    (
        "workbook into a folder",
        cli("quote", "{tmp}/req.yaml", "--xlsx", "{tmp}/out", "--no-shifts", files={"out/keep": ""}),
        1,
        "--xlsx",
    ),  # fmt: skip
    (
        "workbook under a file",
        cli("quote", "{tmp}/req.yaml", "--xlsx", "{tmp}/req.yaml/x.xlsx", "--no-shifts"),
        1,
        "--xlsx",
    ),  # fmt: skip
    ("workbook into /proc", cli("quote", "{tmp}/req.yaml", "--xlsx", "/proc/self/x.xlsx", "--no-shifts"), 1, "--xlsx"),
    ("workbook to /dev/full", cli("quote", "{tmp}/req.yaml", "--xlsx", "/dev/full", "--no-shifts"), 1, "--xlsx"),
    ("workbook named .csv", cli("quote", "{tmp}/req.yaml", "--xlsx", "{tmp}/out/wb.csv", "--no-shifts"), 1, ".xlsx"),
    ("chart to /dev/full", cli("shifts", "{tmp}/req.yaml", "--chart", "/dev/full"), 1, "--chart"),
    ("out is a file", cli("quote", "{tmp}/req.yaml", "--out", "{tmp}/req.yaml", "--no-shifts"), 1, "--out"),
    ("requirements missing", cli("quote", "{tmp}/nope.yaml"), 1, "nope.yaml"),
    ("requirements is a folder", cli("quote", "{tmp}"), 1, "{tmp}"),
    ("unknown option", cli("quote", "{tmp}/req.yaml", "--frobnicate"), 2, "frobnicate"),
]


@pytest.mark.parametrize(("name", "make", "code", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_hostile_input_is_refused_cleanly(name, make, code, fragment, tmp_path, capsys):
    argv = make(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    got = main_code(argv)
    out, err = capsys.readouterr()
    text = out + err
    assert got == code, f"{name}: exit {got}\n{text[-2000:]}"
    assert "Traceback" not in text
    assert fragment.replace("{tmp}", str(tmp_path)) in text, f"{name}: {fragment!r} not in:\n{text[-2000:]}"
    made = {p for p in tmp_path.rglob("*")} - before
    assert not made, f"{name}: left {sorted(str(p.relative_to(tmp_path)) for p in made)}"
    assert not os.path.exists(tmp_path / "out" / "quote.json")


def test_price_books_reports_a_broken_book(tmp_path, capsys, monkeypatch):
    (tmp_path / "broken.yaml").write_text(BOOK.replace("g_and_a: 0.08", "g_and_a: .nan", 1), encoding="utf-8")
    monkeypatch.setenv("QUOTER_PRICE_BOOKS", str(tmp_path))
    code = main_code(["price-books"])
    out, err = capsys.readouterr()
    assert code == 1 and "broken.yaml" in out + err and "g_and_a" in out + err
