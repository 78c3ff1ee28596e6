"""Quote prices of each example from this tree and from another checkout (an older commit), side by side.

Run: python benchmarks/bench_roster_prices.py [--before DIR]
e.g. git worktree add /tmp/before <commit> && python benchmarks/bench_roster_prices.py --before /tmp/before

Each quote is made by the command line (``quoter quote EXAMPLE --json``) with PYTHONPATH set to the tree, so
each side runs its own engine on its own examples and price books. Printed: the monthly total at forecast
(target revenue, excl. VAT), the people the quote pays, where its paid hours come from, and the change.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("bank-sat-thu", "offshore-english", "pars-retail-24x7", "survey-outbound")


def quote(tree: Path, example: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-m", "quoter.cli", "quote", str(tree / f"examples/{example}.yaml"),
                          "--json"], cwd=tree, env=env, capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(out.stdout)


def summary(data: dict) -> tuple[Decimal, str, str]:
    total = Decimal(data["cost"]["monthly_total"])
    sp = data["staffing"]["shift_plan"]
    return total, str(data["staffing"]["totals"]["fte"]), "roster" if sp["used"] else "intervals"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--before", type=Path, help="another checkout to compare with")
    args = ap.parse_args()
    print(f"{'example':<18} {'before':>18} {'FTE':>7} {'hours from':>14} {'after':>18} {'FTE':>7} {'hours from':>14} "
          f"{'change':>7}")  # fmt: skip
    for ex in EXAMPLES:
        after = summary(quote(ROOT, ex))
        before = summary(quote(args.before, ex)) if args.before else (Decimal(0), "", "")
        change = f"{after[0] / before[0] - 1:+.1%}" if before[0] else ""
        print(f"{ex:<18} {before[0]:>18,} {before[1]:>7} {before[2]:>14} {after[0]:>18,} {after[1]:>7} {after[2]:>14} "
              f"{change:>7}")  # fmt: skip


if __name__ == "__main__":
    main()
