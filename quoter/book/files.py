"""The book to files: a CSV line per revision for the sales pipeline, and an online backup of a SQLite book.

PostgreSQL books are backed up with ``pg_dump`` (the server's own tool, consistent while others write):
``pg_dump -Fc -f book.dump "$URL"``.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from quoter.errors import InputError

if TYPE_CHECKING:
    from quoter.book.store import Book

CSV_COLUMNS = ("number", "revision", "client", "status", "model", "monthly_total", "currency", "quote_date",
               "valid_until", "saved_at", "saved_by", "approval_needed", "approved_by", "sha256", "note")  # fmt: skip


def export_csv(book: Book, target: str | Path) -> tuple[Path, int]:
    """Write every revision (summaries) to ``target`` as UTF-8 CSV, all or nothing; the path and the count."""
    from quoter.outputs import Staging, check_target

    target = Path(target)
    check_target(target)
    rows = book.list()
    with Staging(target.parent) as stage, open(stage.path(target.name), "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CSV_COLUMNS)
        for s in rows:
            out.writerow([s.number, f"r{s.rev}", s.client, s.status, s.model, s.monthly_total, s.currency,
                          s.quote_date.isoformat(), s.valid_until.isoformat(), s.saved_at.isoformat(),
                          s.saved_by, "; ".join(s.approval), s.approved_by or "", s.sha256,
                          s.note or ""])  # fmt: skip
    return stage.written[0], len(rows)


def backup(book: Book, target: str | Path) -> Path:
    """A consistent copy of a SQLite book (SQLite's online backup, safe while others write), all or nothing."""
    import sqlite3

    from quoter.outputs import check_target

    if book.engine.dialect.name != "sqlite":
        raise InputError("book backup: this book is on PostgreSQL: back it up with pg_dump "
                         "(pg_dump -Fc -f book.dump URL) and restore with pg_restore")  # fmt: skip
    target = Path(target)
    check_target(target)
    if not target.parent.is_dir():
        raise InputError(f"book backup: the folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with book.translated():
            raw = book.engine.raw_connection()
            try:
                dst = sqlite3.connect(tmp)
                try:
                    raw.driver_connection.backup(dst)  # type: ignore[union-attr]
                finally:
                    dst.close()
            finally:
                raw.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
