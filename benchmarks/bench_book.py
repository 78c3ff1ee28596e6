"""The quote book: time to save one quote, and to list 10,000 stored revisions, on SQLite and PostgreSQL.

Run: python benchmarks/bench_book.py [--pg postgresql+psycopg://...] [--rows 10000]
(the PostgreSQL URL defaults to $QUOTER_TEST_PG_URL; `eval "$(.ci/pg-start)"` starts a throw-away cluster;
the benchmark works in a schema of its own and drops it.)

Budget: listing 10,000 revisions under 0.5 s on SQLite (issue 15). A save is timed as the CLI does it after
pricing: validate the typed quote, one transaction (lock the year's counter, insert quote, revision, event),
commit. The 10,000 revisions are real rows (sealed 80 kB quote JSON each, as a save writes them), inserted in
bulk; `list` reads their summary columns only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUDGET_LIST_S = 0.5


def sample() -> dict[str, Any]:
    data = json.loads((ROOT / "tests" / "fixtures" / "quote_sample.json").read_text(encoding="utf-8"))
    data.pop("sha256", None)
    today = dt.date.today()
    data["quote"] = {**data["quote"], "date": today.isoformat(), "valid_until": (today + dt.timedelta(30)).isoformat()}
    return data


def time_saves(url: str, data: dict[str, Any], n: int) -> tuple[float, list[float]]:
    from quoter.book import Book

    t0 = time.perf_counter()
    book = Book(url)  # a fresh database: the migrations run here
    first_open = time.perf_counter() - t0
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        book.save(data, user="bench")
        times.append(time.perf_counter() - t0)
    book.close()
    return first_open, times


def fill(url: str, data: dict[str, Any], rows: int, per_quote: int = 10) -> None:
    """Top the book up to ``rows`` revisions (``per_quote`` a number), written as a save writes them."""
    from sqlalchemy import func, select

    from quoter.book import Book
    from quoter.book.schema import counters, quotes, revisions
    from quoter.book.store import _revision_row
    from quoter.calendar import jalali_year

    year = jalali_year(dt.date.today())
    now = dt.datetime.now(dt.UTC)
    with Book(url) as book, book.engine.begin() as conn:
        have = conn.execute(select(func.count()).select_from(revisions)).scalar_one()
        seq = conn.execute(select(counters.c.last).where(counters.c.year == year)).scalar()
        if seq is None:
            seq = 0
            conn.execute(counters.insert().values(year=year, last=0))
        batch = []
        while have < rows:
            seq += 1
            number = f"Q-{year}-{seq:04d}"
            new = quotes.insert().values(number=number, year=year, seq=seq, created_at=now, created_by="bench")
            qid = conn.execute(new.returning(quotes.c.id)).scalar_one()
            client = f"Client {seq:05d} Co."
            body = {**data, "client": {**data["client"], "name": client}, "quote": {**data["quote"], "number": number}}
            row = _revision_row(body, qid, 1, "bench", now, None, [])
            for rev in range(1, min(per_quote, rows - have) + 1):
                batch.append({**row, "rev": rev, "status": ("draft", "sent", "rejected")[rev % 3]})
            have += min(per_quote, rows - have)
            if len(batch) >= 500:
                conn.execute(revisions.insert(), batch)
                batch = []
        if batch:
            conn.execute(revisions.insert(), batch)
        conn.execute(counters.update().where(counters.c.year == year).values(last=seq))


def time_list(url: str, runs: int = 5) -> dict[str, float]:
    from quoter.book import Book

    out = {}
    with Book(url) as book:
        for label, kwargs in (("list", {}), ("list --status sent", {"status": "sent"}),
                              ("list --client 'client 0042'", {"client": "client 0042"})):  # fmt: skip
            best = float("inf")
            for _ in range(runs):
                t0 = time.perf_counter()
                found = book.list(**kwargs)
                best = min(best, time.perf_counter() - t0)
            out[f"{label} ({len(found):,} rows)"] = best
    return out


def cli_list(url: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "quoter.cli", "book", "list", "--book", url], check=True,
                       capture_output=True, cwd=ROOT)  # fmt: skip
        best = min(best, time.perf_counter() - t0)
    return best


def report(name: str, url: str, data: dict[str, Any], rows: int, saves: int) -> None:
    first, times = time_saves(url, data, saves)
    print(f"\n{name}")
    print(f"  first open (migrations 0001-0002 on an empty database): {first * 1000:.0f} ms")
    print(f"  save one quote: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms "
          f"({saves} saves)")  # fmt: skip
    t0 = time.perf_counter()
    fill(url, data, rows)
    print(f"  filled to {rows:,} revisions in {time.perf_counter() - t0:.1f} s (bulk, not timed as saves)")
    for label, seconds in time_list(url).items():
        print(f"  {label}: {seconds * 1000:.0f} ms (best of 5, in process)")
    if url.startswith("sqlite"):
        print(f"  `quoter book list` (whole CLI run, table of {rows:,} lines): {cli_list(url) * 1000:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", default=os.environ.get("QUOTER_TEST_PG_URL"))
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--saves", type=int, default=30)
    args = ap.parse_args()
    data = sample()
    with tempfile.TemporaryDirectory() as tmp:
        report("SQLite", f"sqlite:///{Path(tmp) / 'book.sqlite'}", data, args.rows, args.saves)
        size = (Path(tmp) / "book.sqlite").stat().st_size
        print(f"  file size: {size / 1e6:.0f} MB")
    if not args.pg:
        print("\nPostgreSQL: skipped (no --pg URL and no $QUOTER_TEST_PG_URL)")
        return
    from sqlalchemy import create_engine, text

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.pg)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        sep = "&" if "?" in args.pg else "?"
        report("PostgreSQL", f"{args.pg}{sep}options=-csearch_path%3D{schema}", data, args.rows, args.saves)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))


if __name__ == "__main__":
    main()
