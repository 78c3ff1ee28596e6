"""The quote book's tables (SQLAlchemy Core), as the newest migration leaves them.

``counters`` holds the last number given out in each Jalali year; ``quotes`` one row per number;
``revisions`` one row per saved revision: summary columns that ``list`` reads (client, status, model,
monthly total, currency, dates) and the sealed quote JSON with its SHA-256, which only ``show`` and the
documents read; ``events`` every change of status (saved, approved, sent, accepted, ...) with who and when.
The migrations under ``migrations/versions`` create exactly these; a test compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

counters = Table(
    "counters",
    metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("last", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(32), nullable=False, unique=True),
    Column("year", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    UniqueConstraint("year", "seq", name="uq_quotes_year_seq"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("quote_id", Integer, ForeignKey("quotes.id"), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("client", String(400), nullable=False, index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("model", String(40), nullable=False),
    Column("monthly_total", String(40), nullable=False),  # a decimal string: exact on both databases
    Column("currency", String(3), nullable=False),
    Column("quote_date", Date, nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("saved_by", String(200), nullable=False),
    Column("note", Text, nullable=True),
    Column("sha256", String(64), nullable=False),
    Column("quote_json", Text, nullable=False),
    # added by migration 0002 (the approval policy):
    Column("approval_reasons", Text, nullable=True),  # JSON list of reasons; null: no approval needed
    Column("approved_by", String(200), nullable=True),
    Column("approved_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("quote_id", "rev", name="uq_revisions_quote_rev"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("revision_id", Integer, ForeignKey("revisions.id"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(200), nullable=False),
    Column("kind", String(16), nullable=False),  # saved, approved, or the new status
    Column("from_status", String(16), nullable=True),
    Column("to_status", String(16), nullable=True),
    Column("note", Text, nullable=True),
)
