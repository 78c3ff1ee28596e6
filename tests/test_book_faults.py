"""The quote book's faults, on both databases where they apply: concurrent saves, a process killed in the middle
of a save, a tampered row, a newer schema, the migration from the previous schema, a read-only SQLite file, a full
disk and an unreachable server. Each leaves a clear message and the book unchanged."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, event, text

from quoter.book import Book
from quoter.book import engine as eng
from quoter.book.model import monthly_of
from quoter.book.schema import metadata
from quoter.calendar import jalali_year
from quoter.errors import InputError

from .conftest import ROOT

YEAR = jalali_year(dt.date.today())

SAVER = """
import json, sys, time
from pathlib import Path
from quoter.book import Book
url, data_file, go, n = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
data = json.loads(Path(data_file).read_text(encoding="utf-8"))
book = Book(url)
while not go.exists():
    time.sleep(0.005)
print(" ".join(book.save(data, user="p").number for _ in range(n)))
"""

KILLED = """
import json, sys, time
from pathlib import Path
from sqlalchemy import event
from quoter.book import Book
url, data_file, marker = sys.argv[1], sys.argv[2], Path(sys.argv[3])
book = Book(url)

@event.listens_for(book.engine, "after_cursor_execute")
def _stall(conn, cursor, statement, params, context, many):
    if statement.lstrip().upper().startswith("INSERT INTO REVISIONS"):
        marker.write_text("in the middle of a save")
        time.sleep(120)  # killed here: the number, the quote row and the revision are written, not committed

book.save(json.loads(Path(data_file).read_text(encoding="utf-8")))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def test_eight_processes_ten_saves_each(book_url, priced_quote, tmp_path):
    """80 saves at the same moment: 80 distinct, consecutive numbers, no gap."""
    # a fresh, empty book: the eight also race to create the schema (serialised by the migration lock)
    data_file, go = tmp_path / "quote.json", tmp_path / "go"
    data_file.write_text(json.dumps(priced_quote, ensure_ascii=False), encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, book_url, str(data_file), str(go), "10"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
             for _ in range(8)]  # fmt: skip
    time.sleep(1.5)  # all are importing and opening the book; then they start together
    go.write_text("go")
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, [err for _, err in outs]
    numbers = [n for out, _ in outs for n in out.split()]
    assert len(numbers) == 80
    assert sorted(numbers) == [f"Q-{YEAR}-{i:04d}" for i in range(1, 81)]
    with Book(book_url) as book:
        assert len(book.list()) == 80


def test_killed_in_the_middle_of_a_save(book_url, priced_quote, tmp_path):
    with Book(book_url) as book:
        first = book.save(priced_quote)
    data_file, marker = tmp_path / "quote.json", tmp_path / "marker"
    data_file.write_text(json.dumps(priced_quote, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", KILLED, book_url, str(data_file), str(marker)], env=_env(),
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "the save never reached its revision insert"
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Book(book_url) as book:
        assert [s.ref for s in book.list()] == [first.ref]  # no half revision, no half quote
        nxt = book.save(priced_quote)
        assert nxt.number == f"Q-{YEAR}-0002"  # the killed save used no number: no gap


def _raw(url: str):
    return create_engine(url)


def test_tampered_row_is_refused(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        other = book.save(priced_quote)
    raw = _raw(book_url)
    with raw.begin() as conn:
        conn.execute(text("UPDATE revisions SET quote_json = REPLACE(quote_json, :a, :b) WHERE rev = 1 AND quote_id = "
                          "(SELECT id FROM quotes WHERE number = :n)"),  # fmt: skip
                     {"a": f'"monthly_total": "{priced_quote["cost"]["monthly_total"]}"', "b": '"monthly_total": "1"',
                      "n": s.number})  # fmt: skip
        conn.execute(text("UPDATE revisions SET monthly_total = '1' WHERE quote_id = "
                          "(SELECT id FROM quotes WHERE number = :n)"), {"n": other.number})  # fmt: skip
    raw.dispose()
    with Book(book_url) as book:
        with pytest.raises(InputError, match="does not match its SHA-256.*changed after it was saved"):
            book.revision(s.number)
        with pytest.raises(InputError, match=r"summary columns \(monthly_total\) differ"):
            book.revision(other.number)


def test_newer_schema_is_refused(book_url, priced_quote):
    with Book(book_url) as book:
        book.save(priced_quote)
    raw = _raw(book_url)
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    raw.dispose()
    with pytest.raises(InputError, match="written by a newer quoter .*'0099_future'.*upgrade quoter"):
        Book(book_url)
    with _raw(book_url).connect() as conn:  # and left as it was
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0099_future"


def test_migration_from_an_empty_database_matches_the_tables(book_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    Book(book_url).close()
    raw = _raw(book_url)
    with raw.connect() as conn:
        assert eng.current_revision(conn) == eng.head_revision() == eng.HEAD == "0002"
        assert eng.known_revisions() == {"0001", "0002"}
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    raw.dispose()


def test_migration_from_the_previous_schema(book_url, priced_quote):
    """A book written by schema 0001 (before the approval columns) is upgraded on first use and stays readable."""
    from quoter.quote.store import sealed

    engine = eng.make_engine(book_url)
    eng.ensure_schema(engine, book_url, target="0001")
    number = f"Q-{YEAR}-0001"
    body = sealed({**priced_quote, "quote": {**priced_quote["quote"], "number": number}})
    now = dt.datetime.now(dt.UTC)
    q = priced_quote
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO counters (year, last) VALUES (:y, 1)"), {"y": YEAR})
        conn.execute(text("INSERT INTO quotes (number, year, seq, created_at, created_by) "
                          "VALUES (:n, :y, 1, :t, 'old')"), {"n": number, "y": YEAR, "t": now})  # fmt: skip
        conn.execute(
            text("INSERT INTO revisions (quote_id, rev, client, status, model, monthly_total, currency, quote_date, "
                 "valid_until, saved_at, saved_by, note, sha256, quote_json) VALUES ((SELECT id FROM quotes), 1, :c, "
                 "'sent', :m, :tot, :cur, :d, :v, :t, 'old', 'from 0001', :h, :j)"),
            {"c": q["client"]["name"], "m": q["chosen_model"], "tot": monthly_of(q), "cur": q["currency"],
             "d": dt.date.fromisoformat(q["quote"]["date"]), "v": dt.date.fromisoformat(q["quote"]["valid_until"]),
             "t": now, "h": body["sha256"], "j": json.dumps(body, ensure_ascii=False)},
        )  # fmt: skip
    with engine.connect() as conn:
        assert eng.current_revision(conn) == "0001"
    engine.dispose()
    with Book(book_url) as book:
        r = book.revision(number)
        assert (r.summary.status, r.summary.note, r.summary.approval) == ("sent", "from 0001", ())
        assert r.data["quote"]["number"] == number
        assert book.save(priced_quote).number == f"Q-{YEAR}-0002"
        assert book.set_status(number, "accepted").status == "accepted"


def test_unreachable_server_is_fast_and_clear():
    start = time.monotonic()
    with pytest.raises(InputError, match=r"book postgresql\+psycopg://quoter:\*\*\*@127.0.0.1:1/book: cannot reach"):
        Book("postgresql+psycopg://quoter:secret@127.0.0.1:1/book")
    assert time.monotonic() - start < eng.CONNECT_TIMEOUT_S + 1


def test_bad_urls():
    with pytest.raises(InputError, match="is not a database URL"):
        Book("not a url")
    with pytest.raises(InputError, match="only SQLite and PostgreSQL"):
        Book("mysql://x@localhost/db")


def test_read_only_sqlite(tmp_path, priced_quote):
    """Root writes through chmod, so read-only is SQLite's own read-only open (``?mode=ro``), as a user shares a
    book for reading; every write is refused with the book unchanged, reads work."""
    path = tmp_path / "book.sqlite"
    with Book(f"sqlite:///{path}") as book:
        s = book.save(priced_quote)
    before = path.read_bytes()
    with Book(f"sqlite:///file:{path}?mode=ro&uri=true") as ro:
        assert [x.ref for x in ro.list()] == [s.ref]
        assert ro.revision(s.number).summary.ref == s.ref
        with pytest.raises(InputError, match="the database is read-only; nothing was changed"):
            ro.save(priced_quote)
        with pytest.raises(InputError, match="read-only"):
            ro.set_status(s.number, "sent")
    assert path.read_bytes() == before


def test_disk_full_during_a_save(tmp_path, priced_quote):
    """SQLite's max_page_count makes the file full at its current size: the save fails, nothing is half-written."""
    path = tmp_path / "book.sqlite"
    with Book(f"sqlite:///{path}") as book:
        s = book.save(priced_quote)
        book.engine.dispose()

        @event.listens_for(book.engine, "connect")
        def _full(dbapi, record):
            pages = dbapi.execute("PRAGMA page_count").fetchone()[0]
            dbapi.execute(f"PRAGMA max_page_count = {pages}")

        with pytest.raises(InputError, match="the disk is full; nothing was saved"):
            book.save(priced_quote)
    with Book(f"sqlite:///{path}") as book:
        assert [x.ref for x in book.list()] == [s.ref]
        assert book.save(priced_quote).number == f"Q-{YEAR}-0002"


def test_backup(book_url, priced_quote, tmp_path):
    """SQLite: an online backup that is a working book; PostgreSQL: refused, pointing at pg_dump."""
    from quoter.book.files import backup

    with Book(book_url) as book:
        s = book.save(priced_quote)
        if book.engine.dialect.name == "postgresql":
            with pytest.raises(InputError, match="pg_dump"):
                backup(book, tmp_path / "copy.sqlite")
            assert not (tmp_path / "copy.sqlite").exists()
            return
        backup(book, tmp_path / "copy.sqlite")
    with Book(f"sqlite:///{tmp_path / 'copy.sqlite'}") as copy:
        assert copy.revision(s.number).summary.sha256 == s.sha256
    assert not list(tmp_path.glob(".*.tmp"))
