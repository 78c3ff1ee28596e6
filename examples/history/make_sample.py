"""Make the committed sample of examples/history/ from known parameters, and the requirements made from it.

    python examples/history/make_sample.py            # writes queue_log, Master.csv, intervals.csv, requirements.yaml
    python examples/history/make_sample.py --check    # exit 1 if the committed files differ from what it makes

The sample: two weeks from 1 Dey 1404 (2025-12-22) of a small Iranian retail line, 1,000 calls a week in one
queue ``sales``, a business intraday shape and the Iranian business week, AHT 200 s (lognormal), mean
patience 90 s. tests/test_history_example.py checks the files are not stale and that they price.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import sys
import tempfile
from pathlib import Path

from quoter.history import analyse, synthetic
from quoter.history.write import write_requirements

HERE = Path(__file__).parent
PARAMS = synthetic.Params(
    start=dt.date(2025, 12, 22), days=14, calls_per_week=1000, queues=("sales",), aht_seconds=200,
    patience_seconds=90, seed=1404,
)  # fmt: skip
FILES = ("queue_log", "Master.csv", "intervals.csv", "requirements.yaml")
HEADER = """\
# Made by `quoter history examples/history/queue_log --write examples/history/requirements.yaml --client ...`
# (examples/history/make_sample.py). The lines below the client came from the history; the rest is ours.
client:
  name: Sample Retail Co.
  name_fa: فروشگاه نمونه
service:
  interval_minutes: 30
  hours: {sat-wed: '08:00-20:00', thu: '08:00-14:00', fri: closed}
"""


def make(folder: Path) -> None:
    synthetic.write_all(PARAMS, folder)
    req = folder / "requirements.yaml"
    req.write_text(HEADER, encoding="utf-8")
    write_requirements(req, analyse([folder / "queue_log"]))


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        make(HERE)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp))
        stale = [f for f in FILES if not filecmp.cmp(Path(tmp) / f, HERE / f, shallow=False)]
    if stale:
        print(f"stale: {', '.join(stale)}; run python examples/history/make_sample.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
