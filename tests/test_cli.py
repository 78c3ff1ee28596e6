"""The CLI through its real entry point: output, exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quoter.cli import app, main

from .conftest import EXAMPLES, MINIMAL, ROOT


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_staff_summary(capsys):
    code, out, err = run(capsys, "staff", str(ROOT / "examples/pars-retail-24x7.yaml"))
    assert code == 0, err
    assert "voice" in out and "en+ar" in out and "Telephone lines:" in out
    assert "Pooling voice en+ar" in out
    assert "answered within t divided by the calls offered" in out  # the SL definition is printed


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_staff_json_every_example(capsys, path):
    code, out, _ = run(capsys, "staff", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["totals"]["fte"] > 0
    n = 7 * 1440 // data["interval_minutes"]
    assert all(len(q["intervals"]) == n for q in data["queues"])


def test_erlang_finds_the_textbook_answer(capsys):
    code, out, _ = run(
        capsys,
        "erlang",
        "--calls",
        "100",
        "--interval",
        "30",
        "--aht",
        "180",
        "--sl",
        "80/20",
        "--shrinkage",
        "0.3",
        "--json",
    )
    assert code == 0
    d = json.loads(out)
    assert d["agents"] == 14 and d["scheduled_agents"] == 20
    assert d["service_level"] == pytest.approx(0.888, abs=0.001)
    assert d["p_wait"] == pytest.approx(0.174, abs=0.001)
    assert d["occupancy"] == pytest.approx(0.714, abs=0.001)
    assert "abandon_rate" not in d


def test_erlang_evaluates_given_agents_with_patience(capsys):
    code, out, _ = run(
        capsys, "erlang", "--calls", "100", "--aht", "180", "--agents", "13", "--patience", "300", "--json"
    )
    assert code == 0
    d = json.loads(out)
    assert d["agents"] == 13 and d["model"] == "erlang_a"
    assert 0 < d["abandon_rate"] < 0.05


def test_erlang_unstable_queue_gives_valid_json(capsys):
    code, out, _ = run(capsys, "erlang", "--calls", "100", "--aht", "180", "--agents", "5", "--json")
    assert code == 0
    d = json.loads(out)  # strict JSON: no Infinity
    assert d["service_level"] == 0 and d["asa_seconds"] is None


def test_erlang_text_output(capsys):
    code, out, _ = run(capsys, "erlang", "--calls", "100", "--aht", "180")
    assert code == 0
    assert "Required agents: 14" in out and "Definition:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["erlang", "--calls", "100", "--aht", "0"], "Error: bad arguments: --aht: must be in (0, 14400] seconds"),
        (
            ["erlang", "--calls", "100", "--aht", "180", "--sl", "80"],
            "Error: --sl: '80' is not a target like 80/20",
        ),
        (
            ["erlang", "--calls", "100", "--aht", "180", "--max-abandon", "0.05"],
            "--max-abandon: needs --patience",
        ),
        (["staff", "missing.yaml"], "Error: requirements file not found: missing.yaml"),
    ],
)
def test_bad_input_exits_1_with_one_clear_line(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 1
    assert message in err
    assert "Traceback" not in err + out


def test_bad_requirements_names_field_and_line(capsys, write_yaml):
    path = write_yaml(MINIMAL.replace("aht_seconds: 180", "aht_secs: 180"))
    code, _, err = run(capsys, "staff", str(path))
    assert code == 1
    assert "channels.voice.aht_secs: unknown key; did you mean 'aht_seconds'? (line 5)" in err


def test_usage_error_exits_2(capsys):
    code, _, err = run(capsys, "staff", "--no-such-option")
    assert code == 2
    assert "No such option" in err


def test_every_command_has_help():
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert cmd.help and len(cmd.help.strip()) > 10, f"command {name} lacks help"


def test_console_script_help_runs_without_heavy_imports():
    code = (
        "import sys; from quoter.cli import app; "
        "heavy = [m for m in ('pydantic', 'numpy', 'scipy', 'openpyxl', 'docxtpl', 'matplotlib') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_quote_out_then_docs_from_quote_json(capsys, tmp_path):
    code, _, err = run(capsys, "quote", str(ROOT / "examples/bank-sat-thu.yaml"), "--out", str(tmp_path / "q"),
                       "--number", "Q-TEST-1")  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, "docs", str(tmp_path / "q" / "quote.json"), "--out", str(tmp_path / "docs"))
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "docs").iterdir())
    assert names == sorted(f"Q-TEST-1-{d}-{lang}.docx" for d in ("proposal", "sla", "nda", "contract")
                           for lang in ("fa", "en"))  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "de"], "--lang"),
        (["--only", "invoice"], "document"),
        (["--templates", "EMPTY"], "template not found"),
    ],
)
def test_docs_bad_options_exit_1_and_write_nothing(capsys, tmp_path, args, message):
    (tmp_path / "EMPTY").mkdir()
    args = [str(tmp_path / "EMPTY") if a == "EMPTY" else a for a in args]
    out = tmp_path / "out"
    code, _, err = run(capsys, "docs", str(ROOT / "examples/survey-outbound.yaml"), "--out", str(out), *args)
    assert code == 1
    assert err.startswith("Error:") and message in err
    assert not out.exists() or not list(out.iterdir())
