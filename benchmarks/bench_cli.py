"""Wall-clock time of whole CLI runs, as a user sees them (best of several).

Run: python benchmarks/bench_cli.py
Budgets: `quoter --help` under 0.3 s; `quoter staff` on every example within seconds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(cmd: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    exe = shutil.which("quoter")
    base = [exe] if exe else [sys.executable, "-m", "quoter.cli"]
    rows = [("quoter --help", best_of([*base, "--help"]), "budget 0.3 s")]
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        rel = example.relative_to(ROOT)
        rows.append((f"quoter staff {rel} --json", best_of([*base, "staff", str(rel), "--json"], runs=3), ""))
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds * 1000:8.0f} ms  {note}")


if __name__ == "__main__":
    main()
