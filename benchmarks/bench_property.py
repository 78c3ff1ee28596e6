"""5,000 random requirements and price books through the library (issue 10): counts and time.

Each case either raises a QuoterError (refused) or gives a quote whose money is finite and non-negative,
whose premium hours fit the paid hours and whose every bill is non-decreasing in volume.
Run: python benchmarks/bench_property.py [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.property_cases import book_changes, check_one, requirements  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
counts = {"quote": 0, "refused": 0}


@settings(max_examples=N, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(requirements(), book_changes())
def run(req_data, changes):  # type: ignore[no-untyped-def]
    counts[check_one(req_data, changes)] += 1


if __name__ == "__main__":
    t0 = time.perf_counter()
    run()
    took = time.perf_counter() - t0
    total = sum(counts.values())
    print(f"{total} cases in {took:.1f} s ({1000 * took / max(total, 1):.0f} ms each): "
          f"{counts['quote']} quotes, {counts['refused']} refused, 0 other errors")  # fmt: skip
