"""Time each hostile input (alias bombs, huge and deep files) until it is refused.

    PYTHONPATH=. python benchmarks/bench_hostile.py

Every case must end in an InputError in milliseconds; the test suite asserts a generous 2 s bound.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quoter.errors import InputError  # noqa: E402
from quoter.inputs.requirements import load_requirements  # noqa: E402
from tests.test_hostile_inputs import bombs  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in bombs().items():
            p = Path(tmp) / f"{name}.yaml"
            p.write_text(text, encoding="utf-8")
            start = time.perf_counter()
            try:
                load_requirements(p)
                outcome = "ACCEPTED (bug)"
            except InputError as exc:
                outcome = str(exc).replace(str(p), "file")[:90]
            ms = (time.perf_counter() - start) * 1000
            print(f"{name:24} {len(text):>9,} bytes {ms:8.1f} ms  {outcome}")


if __name__ == "__main__":
    main()
