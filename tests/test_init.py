"""``quoter init``: the interview driven by piped answers (wrong ones re-asked with the model's message),
--defaults, --from a filled form; the file written is commented and accepted by ``quoter quote`` as it is."""

from __future__ import annotations

import io
import json

import pytest

from quoter.cli import main
from quoter.inputs.requirements import load_requirements
from quoter.render.intake.form import write_form
from quoter.render.intake.interview import QUESTIONS, Interview

from .conftest import EXAMPLES


def run(capsys, monkeypatch, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


ANSWERS = [
    "Pars Retail Co.",  # client.name
    "شرکت خرده‌فروشی پارس",  # name_fa
    "XX",  # country: wrong, re-asked
    "IR",
    "sat-wed 08:00-25:00",  # hours: wrong
    "sat-wed 08:00-20:00; thu 08:00-14:00",
    "chat, fax",  # channels: wrong
    "chat",
    "week",  # basis
    "-100",  # voice calls a week: wrong
    "۴٬۵۰۰",  # Persian digits
    "",  # AHT: default 240
    "90/15",  # target
    "120",  # patience
    "retail",
    "business",  # not a weekly profile: re-asked
    "iran-retail",
    "2000",  # chats a week
    "",
    "",
    "",
    "",
    "fa 0.8, en 0.1",  # shares sum to 0.9: re-asked
    "fa 0.9, en 0.1",
    "",  # pools
    "24",  # term
    "1405-10",  # start month (Jalali)
    "iran-retail",
]


def test_piped_answers_wrong_ones_re_asked(tmp_path, capsys, monkeypatch):
    target = tmp_path / "pars.yaml"
    code, out, err = run(capsys, monkeypatch, "init", str(target), stdin="\n".join(ANSWERS) + "\n")
    assert code == 0, err
    for message in [
        "client.country: 'XX' is not an ISO 3166 alpha-2 country code",
        "service.hours: sat-wed: 08:00-25:00: '25:00' is not a valid time of day",
        "'fax' is not one of chat, email, outbound",
        "channels.voice.calls_per_week: Input should be greater than 0",
        "'business' is not one of flat, iran-retail, iran-business, western-business",
        "languages: shares sum to 0.9, not 1",
    ]:
        assert f"  {message}" in err, message
    req = load_requirements(target)
    assert req.client.name_fa == "شرکت خرده‌فروشی پارس"
    assert req.service.hours == {"sat-wed": "08:00-20:00", "thu": "08:00-14:00"}
    assert req.channels.voice.calls_per_week == 4500 and req.channels.voice.aht_seconds == 240
    assert req.channels.voice.target.service_level == 0.9 and req.channels.voice.target.patience_seconds == 120
    assert req.channels.chat.chats_per_week == 2000 and req.channels.chat.concurrency == 2
    assert req.languages == {"fa": 0.9, "en": 0.1}
    assert req.service.term_months == 24 and req.service.start_date == "2026-12-22"  # 1 Dey 1405
    text = target.read_text()
    assert "aht_seconds: 240  # Average handle time (seconds)" in text
    assert text.startswith("# Requirements written by quoter init.")


def test_defaults_write_a_file_quote_accepts_as_it_is(tmp_path, capsys, monkeypatch):
    target = tmp_path / "new.yaml"
    code, _, err = run(capsys, monkeypatch, "init", str(target), "--defaults", "--lang", "fa")
    assert code == 0, err
    assert "# مدت قرارداد (ماه)" in target.read_text()
    code, out, err = run(capsys, monkeypatch, "quote", str(target), "--json", "--no-shifts")
    assert code == 0, err
    assert json.loads(out)["client"]["name"] == "New client"


def test_standard_input_ending_early_writes_nothing(tmp_path, capsys, monkeypatch):
    target = tmp_path / "r.yaml"
    code, _, err = run(capsys, monkeypatch, "init", str(target), stdin="Acme\n\n\n\n\n\n")
    assert code == 1 and "standard input ended before an answer to: Inbound calls a month?" in err
    assert not target.exists()
    code, _, err = run(capsys, monkeypatch, "init", str(target), stdin="Acme\n\nXX\n")
    assert code == 1 and "client.country: 'XX'" in err and not target.exists()


def test_an_existing_file_is_kept_without_force(tmp_path, capsys, monkeypatch):
    target = tmp_path / "r.yaml"
    target.write_text("keep me")
    code, _, err = run(capsys, monkeypatch, "init", str(target), "--defaults")
    assert code == 1 and "exists (use --force" in err and target.read_text() == "keep me"
    code, _, _ = run(capsys, monkeypatch, "init", str(target), "--defaults", "--force")
    assert code == 0 and load_requirements(target).client.name == "New client"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_init_from_a_form_gives_the_example_back(tmp_path, capsys, monkeypatch, example):
    form = write_form(tmp_path / "form.xlsx", "fa", load_requirements(example))
    code, _, err = run(capsys, monkeypatch, "init", str(tmp_path / "r.yaml"), "--from", str(form))
    assert code == 0, err
    assert load_requirements(tmp_path / "r.yaml").model_dump() == load_requirements(example).model_dump()


def test_every_question_default_is_a_valid_answer_and_wording_exists_in_both_languages():
    iv = Interview()
    for q in QUESTIONS:
        assert q.en.endswith("?") and q.fa.endswith("؟"), q.key
        if q.default is not None and q.when(iv.answers):
            assert iv.ask(q, q.default) is None or q.key in iv.answers or q.default == "", q.key


class _Scripted:
    """questionary's prompts, answered from a script (the terminal path, without a terminal)."""

    def __init__(self, answers: list[object], asked: list[tuple[str, str, list[str]]]) -> None:
        self.answers, self.asked = answers, asked

    def _prompt(self, kind: str, message: str, choices: list | None = None, **kw: object) -> object:
        self.asked.append((kind, message, [c.title for c in choices or []]))
        answer = self.answers.pop(0)
        return type("Prompt", (), {"ask": lambda self: answer})()

    def text(self, message: str, **kw: object) -> object:
        return self._prompt("text", message, **kw)

    def select(self, message: str, choices: list, **kw: object) -> object:
        return self._prompt("select", message, choices, **kw)

    def checkbox(self, message: str, choices: list, **kw: object) -> object:
        return self._prompt("checkbox", message, choices, **kw)


def test_on_a_terminal_questionary_asks_with_described_choices(tmp_path, capsys, monkeypatch):
    import questionary

    asked: list[tuple[str, str, list[str]]] = []
    script = ["Acme", "", "IR", "24/7", ["email"], "month", "0", "30000", "200", "80/20", "", "retail", "flat",
              "3000", "6", "24", "flat", "flat", "fa 1", "12", "", "flat"]  # fmt: skip
    fake = _Scripted(script, asked)
    for name in ("text", "select", "checkbox"):
        monkeypatch.setattr(questionary, name, getattr(fake, name))
    monkeypatch.setattr(questionary, "print", lambda text, **kw: print(text))
    monkeypatch.setattr("sys.stdin", type("TTY", (io.StringIO,), {"isatty": lambda self: True})())
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "r.yaml")])
    out, err = capsys.readouterr()
    assert exc.value.code == 0, err
    assert "channels.voice.calls_per_month: Input should be greater than 0" in out  # shown, then asked again
    assert [m for _, m, _ in asked].count("Inbound calls a month?") == 2
    intraday = next(c for kind, m, c in asked if m == "Shape of the day for calls?")
    assert "retail - busy evenings, a late peak" in intraday
    assert ("checkbox", "Channels besides inbound calls (chat, email, outbound; empty: none)?",
            ["chat - online chat", "email - e-mail", "outbound - outbound calls"]) in asked  # fmt: skip
    req = load_requirements(tmp_path / "r.yaml")
    assert req.channels.email.emails_per_month == 3000 and req.channels.voice.profile.intraday == "retail"
    assert script == []


def test_ctrl_c_in_the_terminal_interview_writes_nothing(tmp_path, capsys, monkeypatch):
    import questionary

    monkeypatch.setattr(questionary, "text", _Scripted([None], []).text)
    monkeypatch.setattr("sys.stdin", type("TTY", (io.StringIO,), {"isatty": lambda self: True})())
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "r.yaml")])
    assert exc.value.code == 1 and not (tmp_path / "r.yaml").exists()
