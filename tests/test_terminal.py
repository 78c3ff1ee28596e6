"""The terminal: the same plain text as ever when piped, rich tables when drawn, the slow steps' progress
(and none with --quiet), shell completion, and rich and questionary kept out of ``quoter --help``."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from rich.console import Console

from quoter import progress
from quoter.cli import main, staffing_summary
from quoter.commands import terminal

from .conftest import ROOT

PARS = str(ROOT / "examples/pars-retail-24x7.yaml")


def recording() -> Console:
    return Console(record=True, width=200, force_terminal=True, file=io.StringIO(), highlight=False)


def test_piped_output_is_the_plain_summary():
    from quoter.inputs.requirements import load_requirements
    from quoter.staffing.planner import plan_staffing

    done = subprocess.run([sys.executable, "-m", "quoter.cli", "staff", PARS], capture_output=True, text=True,
                          check=True, cwd=ROOT)  # fmt: skip
    assert done.stdout == staffing_summary(plan_staffing(load_requirements(PARS))) + "\n"
    assert "\x1b[" not in done.stdout and "\x1b[" not in done.stderr  # no colour, no progress when piped


def test_a_plain_table_is_drawn_as_a_rich_table_with_its_alignment():
    console = recording()
    plain = "TITLE LINE here\nname  count\n-----------\nab       10\ncdef      2\n\nRECOMMENDATION: take it"
    terminal.render(plain, console)
    text = console.export_text()
    assert "-----------" not in text and "─" in text  # the dashed line became the table's rule
    rows = [line for line in text.splitlines() if "ab" in line or "cdef" in line]
    assert rows[0].rstrip().endswith("10") and rows[1].rstrip().endswith(" 2")  # numbers stay right-aligned
    assert "Recommendation" in text and "take it" in text
    assert "TITLE LINE here" in text


def test_the_quote_summary_keeps_every_figure_when_drawn(capsys):
    from quoter.cli import quote_summary
    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.quote.pipeline import build_quote

    q = build_quote(load_requirements(PARS), load_price_book(None), shifts=False)
    plain = quote_summary(q.to_dict(), q.plan)
    console = recording()
    terminal.render(plain, console)
    drawn = console.export_text()
    figures = {w for w in plain.split() if any(c.isdigit() for c in w) and len(w) > 3}
    missing = [w for w in figures if w.strip(",;:.()") not in drawn]
    assert not missing, missing[:10]


def test_progress_is_drawn_for_the_slow_steps_and_quiet_hides_it(capsys):
    console = recording()
    terminal._CONSOLE.append(console)
    try:
        with pytest.raises(SystemExit) as exc:
            main(["shifts", PARS])
        assert exc.value.code == 0
        shown = console.export_text()
        with pytest.raises(SystemExit):
            main(["--quiet", "shifts", PARS])
        quiet = console.export_text()
    finally:
        terminal._CONSOLE.clear()
    assert "Planning shifts (queues)" in shown and "2/2" in shown
    assert "Planning shifts" not in quiet and "queue" in quiet  # the result, without the progress


def test_the_display_logs_each_finished_step():
    console = recording()
    display = terminal.ProgressDisplay(console, live=False)
    with display, progress.listening(display):
        with progress.step("pdf", total=2) as advance:
            advance(1)
            advance(1)
        with progress.step("history"):
            pass
    text = console.export_text()
    assert "Converting to PDF (LibreOffice runs)" in text and "2/2" in text
    assert "Importing history" in text and display.tasks == {}


def test_shell_completion_is_installable(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "--install-completion" in out and "--quiet" in out
    done = subprocess.run([sys.executable, "-m", "quoter.cli", "--show-completion", "bash"], capture_output=True,
                          text=True, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "SHELL": "/bin/bash"})  # fmt: skip
    assert done.returncode == 0 and "_QUOTER_COMPLETE" in done.stdout.upper()


def test_help_imports_neither_rich_nor_questionary():
    code = ("import sys\nfrom quoter.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('rich', 'questionary', 'openpyxl', 'pydantic') if m in sys.modules))"
            )  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_recorded_session_is_a_real_quote_with_its_progress():
    svg = (ROOT / "docs/img/terminal.svg").read_text(encoding="utf-8")
    for text in ("Planning&#160;shifts&#160;(queues)", "Pars&#160;Retail&#160;Co.", "STAFFING", "TARIFFS"):
        assert text in svg, text
