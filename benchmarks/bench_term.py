"""The term plan: what it costs in time, and how far the seasonal staffing's interpolation is from exact Erlang.

Run: python benchmarks/bench_term.py
- `quoter quote EXAMPLE` end to end (best of 5 runs, wall clock), budget 1.5 s on the largest example;
- the usage grid (quoter.quote.grid): FTE, paid hours and seats interpolated between the scenario plans
  against an exact staffing plan at factors 0.75 ... 1.25 (the built-in seasonality's range);
- each example's monthly price of the contract's model and its term margin under the three policies.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best_of(cmd: list[str], runs: int = 5) -> float:
    best = float("inf")
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([*cmd, "--out", out] if "--out" in cmd else cmd, check=True, capture_output=True, cwd=ROOT)
            best = min(best, time.perf_counter() - t0)
    return best


def interpolation_error() -> None:
    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.pricing.usage import measure
    from quoter.quote.grid import UsageGrid
    from quoter.staffing.planner import plan_staffing

    book = load_price_book()
    worst: dict[str, float] = {}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        req = load_requirements(example)
        plan = plan_staffing(req, compare_pools=False)
        grid = UsageGrid(req, book, plan, measure(req, book, plan, None), None)
        for f in ("0.75", "0.80", "0.90", "0.95", "1.05", "1.10", "1.20", "1.25"):
            approx = grid.at(Decimal(f))
            exact_plan = plan_staffing(req.scaled(volume=float(f)), compare_pools=False)
            exact = measure(req.scaled(volume=float(f)), book, exact_plan, None)
            for name, a, e in (("fte", approx.fte, exact.fte), ("paid_hours", approx.paid_hours, exact.paid_hours),
                               ("peak_agents", approx.peak_agents, exact.peak_agents)):  # fmt: skip
                err = abs(float(a) - float(e)) / float(e) if e else 0.0
                key = f"{name}"
                worst[key] = max(worst.get(key, 0.0), err)
                if err > 0.01:
                    print(f"  {example.stem} x{f} {name}: interpolated {a} exact {e} ({err:.2%})")
    print("interpolation, worst relative error over the examples x 8 factors:",
          ", ".join(f"{k} {v:.2%}" for k, v in worst.items()))  # fmt: skip


def prices() -> None:
    from quoter.quote.pipeline import build_quote

    for example in sorted((ROOT / "examples").glob("*.yaml")):
        q = build_quote(example)
        t = q.to_dict()["term"]
        m = t["chosen_model"]
        pol = t["policies"]
        share = {k: pol[k]["totals"][m]["margin_share"] for k in ("flat", "indexed", "level")}
        print(f"{example.stem}: {m} {q.tariffs[m].monthly_at_forecast:,} a month at forecast; term margin "
              f"flat {share['flat']}, indexed {share['indexed']}, level {share['level']} "
              f"(level factor {pol['level']['prices'][m]['factor']}); financing {t['financing_share']}")  # fmt: skip


def main() -> None:
    exe = shutil.which("quoter")
    base = [exe] if exe else [sys.executable, "-m", "quoter.cli"]
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        rel = example.relative_to(ROOT)
        print(f"quoter quote {rel}: {best_of([*base, 'quote', str(rel)]) * 1000:.0f} ms (best of 5)")
    interpolation_error()
    prices()


if __name__ == "__main__":
    main()
