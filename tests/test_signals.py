"""Ctrl-C and SIGTERM: the command stops within a second, leaves no output, no staging folder, no LibreOffice
profile and no LibreOffice process (issue 10). Real processes, real signals."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from .conftest import ROOT

QUOTER = [sys.executable, "-m", "quoter.cli"]


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([*QUOTER, *args], cwd=cwd, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)  # fmt: skip


def _stop(proc: subprocess.Popen[str], sig: int) -> tuple[float, str]:
    t0 = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    return time.monotonic() - t0, err


def _lo_runs(marks: list[str]) -> list[str]:
    """Live LibreOffice processes whose arguments name one of ``marks`` (a staging folder's name: unique, and
    the same however the temporary directory's path is spelled)."""
    out = subprocess.run(["ps", "-eww", "-o", "pid=,stat=,args="], capture_output=True, text=True).stdout
    return [ln for ln in out.splitlines()
            if "soffice" in ln and any(m in ln for m in marks) and " Z" not in ln[:12]]  # fmt: skip


def _heavy_roster(folder: Path) -> Path:
    """Pars 24/7 at 15-minute intervals with starts every 15 minutes and part-time tours: a roster that keeps
    HiGHS busy for tens of seconds (measured 52 s), so the signal surely arrives inside the solver (the examples'
    own rosters now take 1-3 s)."""
    text = (ROOT / "examples/pars-retail-24x7.yaml").read_text(encoding="utf-8")
    path = folder / "heavy.yaml"
    path.write_text(text.replace("interval_minutes: 30", "interval_minutes: 15")
                    + "shifts: {start_step_minutes: 15, part_time: {}}\n", encoding="utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_a_shift_solve_within_a_second(tmp_path, tmp_path_factory, sig):
    heavy = _heavy_roster(tmp_path_factory.mktemp("input"))
    proc = _start(["shifts", str(heavy), "--time-limit", "60", "--chart", str(tmp_path / "chart.png")], tmp_path)
    time.sleep(4)  # well into the solve
    assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    took, err = _stop(proc, sig)
    assert proc.returncode == 130 and "Interrupted: nothing was written." in err, err
    assert took < 1.5, f"took {took:.2f} s"
    assert "Traceback" not in err
    assert not list(tmp_path.iterdir()), list(tmp_path.iterdir())


@pytest.mark.libreoffice
def test_sigterm_during_pdf_conversion_leaves_nothing(tmp_path):
    if shutil.which("soffice") is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    profiles_before = set(Path(tempfile.gettempdir()).glob("quoter-lo-*"))
    out = tmp_path / "out"
    proc = _start(["quote", str(ROOT / "examples/bank-sat-thu.yaml"), "--out", str(out), "--xlsx",
                   str(out / "wb.xlsx"), "--docs", "--pdf", "--no-shifts"], tmp_path)  # fmt: skip
    deadline = time.monotonic() + 60
    # the staging folder appears just before LibreOffice is started (render.convert_to_pdf)
    while (
        not (staging := list(tmp_path.rglob(".quoter-pdf-*"))) and time.monotonic() < deadline and proc.poll() is None
    ):
        time.sleep(0.02)
    assert proc.poll() is None, f"quote ended (exit {proc.returncode}) before converting: {proc.communicate()[1]}"
    assert staging, "the PDF conversion never began"
    marks = [p.name for p in staging]
    while not _lo_runs(marks) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, f"quote ended (exit {proc.returncode}) during conversion: {proc.communicate()[1]}"
    time.sleep(0.3)
    took, err = _stop(proc, signal.SIGTERM)
    assert proc.returncode == 130 and "Interrupted" in err, err
    assert took < 2, f"took {took:.2f} s"
    assert not list(tmp_path.rglob("*")), sorted(str(p) for p in tmp_path.rglob("*"))
    time.sleep(0.2)
    assert not _lo_runs(marks), _lo_runs(marks)
    assert set(Path(tempfile.gettempdir()).glob("quoter-lo-*")) <= profiles_before
