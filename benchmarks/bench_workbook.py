"""Writing the negotiation workbook for a 24/7, three-queue, 15-minute requirements.

Run: python benchmarks/bench_workbook.py
Budget (issue 5): writing the workbook under 1 s. The staffing grid (85 engine runs: volume
-40%..+40% in 5% steps x handle time -10%..+10% in 5% steps) is engine work and is timed apart.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from quoter.quote import build_quote
from quoter.requirements import Requirements
from quoter.xlsx import grid_rows, write_workbook_from_grid

REQ = {
    "client": {"name": "Benchmark Co", "name_fa": "شرکت محک"},
    "service": {"hours": "24/7", "interval_minutes": 15},
    "languages": {"fa": 0.7, "en": 0.2, "ar": 0.1},
    "channels": {
        "voice": {
            "calls_per_month": 150000,
            "aht_seconds": 240,
            "target": {"service_level": 0.8, "answer_seconds": 20, "max_abandon": 0.04, "patience_seconds": 120},
            "profile": {"intraday": "retail", "weekly": "iran-retail"},
        }
    },
}


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
