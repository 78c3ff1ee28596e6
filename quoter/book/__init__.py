"""The quote book: numbered quotes (``Q-<Jalali year>-NNNN``), immutable revisions sealed by SHA-256, approval,
the lifecycle ``draft -> sent -> accepted | rejected | withdrawn`` (and ``expired``), and every change as an event.

One SQLite file in the user's data folder by default; a team shares one PostgreSQL database
(``QUOTER_BOOK=postgresql+psycopg://...``). See docs/book.md.
"""

from __future__ import annotations

from quoter.book.model import Event, Revision, Summary, parse_ref
from quoter.book.store import Book, current_user

__all__ = ["Book", "Event", "Revision", "Summary", "current_user", "parse_ref"]
