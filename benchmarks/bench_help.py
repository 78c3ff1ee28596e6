"""`quoter --help` (and `quoter init --help`, `quoter intake --help`) as a user waits for it: the whole process,
best of several runs, against the 0.15 s budget; and what the help imports (rich, questionary, openpyxl and
pydantic must not be among them: they load in the commands that use them).

Run: python benchmarks/bench_help.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 0.15
HEAVY = ("rich", "questionary", "openpyxl", "pydantic", "numpy", "scipy", "yaml")


def best_of(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """Best and median wall-clock seconds, and the best CPU seconds (user + system: less sensitive to a
    machine shared with other work)."""
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    times.sort()
    return times[0], times[len(times) // 2], min(cpu)


def imported_by_help() -> list[str]:
    code = ("import sys\nfrom quoter.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print('heavy:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return [m for m in done.stdout.strip().splitlines()[-1].removeprefix("heavy:").split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    exe = shutil.which("quoter")
    base = [exe] if exe else [sys.executable, "-m", "quoter.cli"]
    floor = best_of([sys.executable, "-c", "pass"], runs)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"python startup alone         best {floor[0] * 1000:6.0f} ms  median {floor[1] * 1000:6.0f} ms  "
          f"cpu {floor[2] * 1000:5.0f} ms")  # fmt: skip
    for args in (["--help"], ["init", "--help"], ["intake", "--help"], ["quote", "--help"]):
        best, median, cpu = best_of([*base, *args], runs)
        verdict = "ok" if best < BUDGET_S else "OVER"
        print(f"quoter {' '.join(args):<21} best {best * 1000:6.0f} ms  median {median * 1000:6.0f} ms  "
              f"cpu {cpu * 1000:5.0f} ms  budget {BUDGET_S * 1000:.0f} ms: {verdict}")  # fmt: skip
    heavy = imported_by_help()
    print(f"heavy modules imported by --help: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
