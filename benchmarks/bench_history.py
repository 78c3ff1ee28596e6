"""`quoter history` on a million queue_log lines: wall time and peak memory of the whole command.

Run: python benchmarks/bench_history.py [--lines 1000000]
Budget (issue 16): one million lines in under 5 s and under 500 MB on this machine.

Two histories of about a million lines each, generated from known parameters (quoter.history.synthetic):
- "busy quarter": 13 weeks of a 28,000-calls-a-week line, 2 queues (no forecast: under a year);
- "three years": 36 months of 2,000 calls a week with seasonality and growth (Holt-Winters fit, clock changes).
Each is run three times as `quoter history FILE --json` in a fresh process; the best wall time, the best CPU
time (user + system: what the machine's other load does not inflate) and the largest peak RSS (os.wait4 of the
child) are reported, with the figures recovered against the parameters (the three-year line grows 10 % a year,
so its mean week is above the first year's 2,000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quoter.history import synthetic

SEASON = (0.80, 0.95, 0.95, 0.95, 0.95, 1.00, 1.05, 1.05, 1.10, 1.00, 1.00, 1.20)
CASES = {
    "busy quarter": synthetic.Params(start=dt.date(2025, 3, 21), days=91, calls_per_week=28000, queues=("fa", "en")),
    "three years": synthetic.Params(start=dt.date(2019, 3, 21), days=1096, calls_per_week=2000, seasonality=SEASON,
                                    growth_per_year=0.10),
}  # fmt: skip


def run(cmd: list[str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MB of one child process (os.wait4)."""
    t0 = time.perf_counter()
    with out.open("w") as f:
        child = subprocess.Popen(cmd, stdout=f, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - t0
    if status:
        raise SystemExit(f"{cmd} failed: {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def make(name: str, path: Path) -> None:
    """Write the case's queue_log in a child process: a forked child's peak RSS starts at its parent's, so the
    parent must stay small for the measured runs' RSS to be theirs."""
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[3]); import bench_history as b; "
        "from quoter.history import synthetic as s; p = b.CASES[sys.argv[1]]; "
        "Path(sys.argv[2]).write_text(s.queue_log_text(p, s.generate(p)), encoding='utf-8')"
    )
    subprocess.run([sys.executable, "-c", code, name, str(path), str(Path(__file__).parent)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    exe = shutil.which("quoter")
    base = [exe] if exe else [sys.executable, "-m", "quoter.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        for name, p in CASES.items():
            path = Path(tmp) / "queue_log"
            make(name, path)
            with path.open() as f:
                lines = sum(1 for _ in f)
            size = os.path.getsize(path) / 2**20
            out = Path(tmp) / "out.json"
            results = [run([*base, "history", str(path), "--json"], out) for _ in range(args.runs)]
            best, cpu, peak = min(r[0] for r in results), min(r[1] for r in results), max(r[2] for r in results)
            total = json.loads(out.read_text())["total"]
            load = os.getloadavg()[0]
            print(
                f"{name}: {lines:,} lines ({size:.0f} MB): best wall {best:.2f} s, best CPU {cpu:.2f} s of "
                f"{args.runs} runs (load average {load:.1f} on {os.cpu_count()} cores), peak RSS {peak:.0f} MB"
            )
            print(f"  calls/week {total['contacts_per_week']:.0f} (set {p.calls_per_week:.0f}), "
                  f"AHT {total['aht_seconds']} s (set {p.aht_seconds:.0f}), "
                  f"patience {total['patience_seconds']} s (set {p.patience_seconds:.0f})")  # fmt: skip


if __name__ == "__main__":
    main()
