"""Writing the negotiation workbook for a 24/7, three-queue, 15-minute requirements.

Run: python benchmarks/bench_workbook.py
Budget (issue 5): writing the workbook under 1 s. The staffing grid (85 engine runs: volume
-40%..+40% in 5% steps x handle time -10%..+10% in 5% steps) is engine work and is timed apart.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from instances import REQ_24X7_3Q as REQ  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

from quoter.inputs.requirements import Requirements
from quoter.quote.pipeline import build_quote
from quoter.render.workbook import grid_rows, write_workbook_from_grid


def main() -> None:
    quote = build_quote(Requirements.model_validate(REQ), "ir-1405", shifts=False)
    t0 = time.perf_counter()
    rows = grid_rows(quote)
    grid_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as d:
        for lang in ("en", "fa"):
            best = float("inf")
            for _ in range(5):
                t0 = time.perf_counter()
                write_workbook_from_grid(quote, rows, Path(d) / f"{lang}.xlsx", lang)
                best = min(best, time.perf_counter() - t0)
            size = (Path(d) / f"{lang}.xlsx").stat().st_size
            print(f"write workbook ({lang}), 3 queues x 672 intervals: {best * 1000:7.0f} ms  ({size / 1024:.0f} KiB)"
                  "  budget 1 s")  # fmt: skip
    print(f"staffing grid, {len(rows)} engine runs:                 {grid_s * 1000:7.0f} ms  (engine work)")


if __name__ == "__main__":
    main()
