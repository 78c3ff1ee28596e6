"""`quoter quote` end to end on every example (whole CLI runs, best of several), and the parts in process.

Run: python benchmarks/bench_quote.py
Budget: `quoter quote` on the largest example (pars-retail-24x7: 24/7, four queues, Erlang A, seven staffing
runs for the scenarios) under 1.5 s. Shown with the default shift-planner attempt (0.3 s, falls back on this
24/7 roster) and with --no-shifts.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LARGEST = "examples/pars-retail-24x7.yaml"
BUDGET_S = 1.5


def best_of(cmd: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t0)
    return best


def in_process(path: str, book: str | None) -> list[tuple[str, float]]:
    """Where the time goes inside one quote (imports already done)."""
    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.pricing.cost import build_cost
    from quoter.quote.pipeline import build_quote
    from quoter.staffing.planner import plan_staffing

    def timed(fn):  # best of 3
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        return best

    req, bk = load_requirements(ROOT / path), load_price_book(book)
    plan = plan_staffing(req)
    return [
        ("  load price book", timed(lambda: load_price_book(book))),
        ("  staffing (one run)", timed(lambda: plan_staffing(req))),
        ("  cost build-up", timed(lambda: build_cost(req, bk, plan))),
        ("  shift-planner attempt (0.3 s limit)", timed(lambda: build_quote(req, bk, plan=plan, scenarios=False))),
        ("  quote without scenarios", timed(lambda: build_quote(req, bk, plan=plan, scenarios=False, shifts=False))),
        ("  quote with 6 scenario re-runs", timed(lambda: build_quote(req, bk, plan=plan, shifts=False))),
        ("  to_dict", timed(lambda: build_quote(req, bk, plan=plan, scenarios=False, shifts=False).to_dict())),
    ]


def main() -> None:
    exe = shutil.which("quoter")
    base = [exe] if exe else [sys.executable, "-m", "quoter.cli"]
    rows: list[tuple[str, float, str]] = []
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        rel = str(example.relative_to(ROOT))
        book = "offshore-usd-2026" if "offshore" in rel else "ir-1405"
        cmd = [*base, "quote", rel, "--price-book", book]
        for extra in ([], ["--no-shifts"]):
            seconds = best_of(cmd + extra, runs=5 if rel == LARGEST else 3)
            note = f"budget {BUDGET_S} s: {'ok' if seconds < BUDGET_S else 'OVER'}" if rel == LARGEST else ""
            rows.append((f"quoter quote {rel} {' '.join(extra)}".rstrip(), seconds, note))
    json_cmd = [*base, "quote", LARGEST, "--json", "--no-shifts"]
    rows.append((f"quoter quote {LARGEST} --json --no-shifts", best_of(json_cmd), ""))
    width = max(len(r[0]) for r in rows)
    for name, seconds, note in rows:
        print(f"{name:<{width}}  {seconds * 1000:8.0f} ms  {note}")
    print(f"\nin process, {LARGEST}:")
    for name, seconds in in_process(LARGEST, None):
        print(f"{name:<{width}}  {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
