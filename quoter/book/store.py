"""The quote book: numbered quotes, their revisions, approvals and status changes, on SQLite or PostgreSQL.

A save is one short transaction: the quote is priced before (pricing takes seconds), then the number is
allocated from the year's counter row (locked), the revision is written with that number in its quote JSON,
sealed with the SHA-256 of its canonical JSON (:func:`quoter.quote.store.sealed`), and committed. A failure
anywhere (disk full, a killed process, a forbidden change) leaves the book as it was: no number is used up,
so the numbers of a year have no gaps and no duplicates.
"""

from __future__ import annotations

import builtins
import datetime as dt
import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from quoter.book import engine as eng
from quoter.book.lifecycle import approval_reasons, check_transition, effective_status
from quoter.book.model import Event, Revision, Summary, monthly_of, parse_ref
from quoter.book.schema import counters, events, quotes, revisions
from quoter.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Row


def current_user() -> str:
    """Who is saving: ``$QUOTER_USER``, else the operating-system user."""
    user = os.environ.get("QUOTER_USER", "").strip()
    if user:
        return user
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "unknown"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Book:
    """The quote book at ``url`` (see :func:`quoter.book.engine.resolve_url`), upgraded to the newest schema."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = eng.resolve_url(url)
        self.engine = eng.make_engine(self.url)
        if migrate:
            with self.translated():
                eng.ensure_schema(self.engine, self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Database errors as one clear :class:`InputError` (the transaction is already rolled back)."""
        from sqlalchemy.exc import DBAPIError

        try:
            yield
        except DBAPIError as exc:
            raise InputError(f"book {eng.shown(self.url)}: {_reason(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.translated(), eng.writing(self.engine) as conn:
            yield conn

    # ------------------------------------------------------------ saving
    def save(
        self, data: dict[str, Any], *, note: str | None = None, user: str | None = None, revise: str | None = None
    ) -> Summary:
        """Store a priced quote dict as a new number's r1, or (``revise``) as the next revision of that number."""
        from quoter.calendar import jalali_year
        from quoter.quote.model import validate_quote

        validate_quote({k: v for k, v in data.items() if k != "sha256"}, source="quote")
        who, at = user or current_user(), _now()
        reasons = approval_reasons(data)
        with self._write() as conn:
            if revise is None:
                quote_id, number, rev = self._new_number(conn, jalali_year(_date(data["quote"]["date"])), who, at)
            else:
                quote_id, number, rev = self._next_revision(conn, revise)
            body = {**data, "quote": {**data["quote"], "number": number}}
            row = _revision_row(body, quote_id, rev, who, at, note, reasons)
            rid = conn.execute(revisions.insert().values(**row).returning(revisions.c.id)).scalar_one()
            conn.execute(events.insert().values(revision_id=rid, at=at, by=who, kind="saved", to_status="draft",
                                                note=note))  # fmt: skip
        return _summary(number, row, dt.date.today())

    def _new_number(self, conn: Connection, year: int, who: str, at: dt.datetime) -> tuple[int, str, int]:
        """The year's next sequence number, its counter row locked until the commit."""
        from sqlalchemy import select, update

        conn.execute(_insert_ignore(conn).values(year=year, last=0))
        last = conn.execute(select(counters.c.last).where(counters.c.year == year).with_for_update()).scalar_one()
        seq = last + 1
        conn.execute(update(counters).where(counters.c.year == year).values(last=seq))
        number = f"Q-{year}-{seq:04d}"
        qid = conn.execute(
            quotes.insert().values(number=number, year=year, seq=seq, created_at=at, created_by=who)
            .returning(quotes.c.id)
        ).scalar_one()  # fmt: skip
        return qid, number, 1

    def _next_revision(self, conn: Connection, ref: str) -> tuple[int, str, int]:
        from sqlalchemy import func, select

        number, rev = parse_ref(ref, "--revise")
        if rev is not None:
            raise InputError(f"--revise: give the quote number ({number}), not a revision")
        qid = self._quote_id(conn, number, lock=True)
        accepted = self._accepted_rev(conn, qid)
        if accepted is not None:
            raise InputError(f"{number}: r{accepted} was accepted, so the quote is locked: no new revision")
        last = conn.execute(select(func.max(revisions.c.rev)).where(revisions.c.quote_id == qid)).scalar_one()
        return qid, number, int(last or 0) + 1

    # ------------------------------------------------------------ reading
    def _quote_id(self, conn: Connection, number: str, lock: bool = False) -> int:
        from sqlalchemy import select

        q = select(quotes.c.id).where(quotes.c.number == number)
        qid = conn.execute(q.with_for_update() if lock else q).scalar()
        if qid is None:
            raise InputError(f"{number}: no such quote in the book {eng.shown(self.url)}")
        return int(qid)

    def _accepted_rev(self, conn: Connection, qid: int) -> int | None:
        from sqlalchemy import select

        q = select(revisions.c.rev).where(revisions.c.quote_id == qid, revisions.c.status == "accepted")
        found = conn.execute(q).scalar()
        return None if found is None else int(found)

    def _row(self, conn: Connection, number: str, rev: int | None, lock: bool = False) -> Row[Any]:
        """The revision's row (the newest if ``rev`` is None)."""
        from sqlalchemy import select

        qid = self._quote_id(conn, number, lock=lock)
        q = select(revisions).where(revisions.c.quote_id == qid)
        q = q.where(revisions.c.rev == rev) if rev is not None else q.order_by(revisions.c.rev.desc()).limit(1)
        row = conn.execute(q).first()
        if row is None:
            raise InputError(f"{number}: has no revision r{rev} (see `quoter book show {number}`)")
        return row

    def revision(self, ref: str, rev: int | None = None, *, today: dt.date | None = None) -> Revision:
        """A stored revision, its content checked against its SHA-256 (``Q-1405-0007`` or ``.../r2``)."""
        number, in_ref = parse_ref(ref)
        with self.translated(), self.engine.connect() as conn:
            row = self._row(conn, number, rev if rev is not None else in_ref)
        summary = _summary(number, row._mapping, today or dt.date.today())
        return Revision(summary, _verified(summary, row._mapping))

    def revisions_of(self, ref: str, *, today: dt.date | None = None) -> builtins.list[Summary]:
        """Every revision of a quote, oldest first (summaries only)."""

        number, _ = parse_ref(ref)
        with self.translated(), self.engine.connect() as conn:
            qid = self._quote_id(conn, number)
            rows = conn.execute(_summary_select().where(revisions.c.quote_id == qid).order_by(revisions.c.rev))
            return [_summary(r.number, r._mapping, today or dt.date.today()) for r in rows]
        raise AssertionError  # pragma: no cover  (mypy: the with block returns)

    def accepted(self, ref: str) -> Revision:
        """The accepted revision of a quote: the only one a contract is made from."""
        number, rev = parse_ref(ref)
        with self.translated(), self.engine.connect() as conn:
            found = self._accepted_rev(conn, self._quote_id(conn, number))
        if found is None:
            raise InputError(f"{number}: no revision was accepted; a contract is made from the accepted one only "
                             f"(`quoter book status {number} accepted` once the client signs)")  # fmt: skip
        if rev is not None and rev != found:
            raise InputError(f"{number}/r{rev}: not the accepted revision (r{found} is)")
        return self.revision(number, found)

    def list(
        self, *, status: str | None = None, client: str | None = None, today: dt.date | None = None
    ) -> builtins.list[Summary]:
        """Every revision (summary columns only), by number and revision; filtered by status and client text."""
        from quoter.book.query import filtered

        day = today or dt.date.today()
        with self.translated(), self.engine.connect() as conn:
            rows = conn.execute(filtered(_summary_select(), status, client, day)).all()
        return [_summary(r.number, r._mapping, day) for r in rows]

    # ------------------------------------------------------------ the lifecycle
    def set_status(self, ref: str, status: str, *, rev: int | None = None, user: str | None = None,
                   note: str | None = None, today: dt.date | None = None) -> Summary:  # fmt: skip
        """Move a revision (default: the newest) to ``status``, as the lifecycle allows; an event records it."""
        number, in_ref = parse_ref(ref)
        who, at, day = user or current_user(), _now(), today or dt.date.today()
        with self._write() as conn:
            row = self._row(conn, number, rev if rev is not None else in_ref, lock=True)
            m = row._mapping
            current = effective_status(m["status"], m["valid_until"], day)
            check_transition(number, m["rev"], current, status)
            if status == "sent" and m["approval_reasons"] and not m["approved_by"]:
                raise InputError(f"{number}/r{m['rev']}: needs an approval before it is sent "
                                 f"({'; '.join(json.loads(m['approval_reasons']))}): "
                                 f"`quoter book approve {number} --by NAME`")  # fmt: skip
            if status in ("sent", "accepted"):
                other = self._accepted_rev(conn, m["quote_id"])
                if other is not None:
                    raise InputError(f"{number}: r{other} is already accepted; a quote is accepted once, and "
                                     "no other revision is sent after it")  # fmt: skip
            self._change(conn, m["id"], status=status)
            conn.execute(events.insert().values(revision_id=m["id"], at=at, by=who, kind=status,
                                                from_status=current, to_status=status, note=note))  # fmt: skip
        found: Summary = self.revisions_of(number, today=day)[int(m["rev"]) - 1]
        return found

    def approve(self, ref: str, by: str, *, rev: int | None = None, note: str | None = None,
                today: dt.date | None = None) -> Summary:  # fmt: skip
        """Record ``by``'s approval of a revision that needs one (margin under the floor, discount over the ceiling)."""
        number, in_ref = parse_ref(ref)
        if not by.strip():
            raise InputError("--by: the approver's name is empty")
        at, day = _now(), today or dt.date.today()
        with self._write() as conn:
            m = self._row(conn, number, rev if rev is not None else in_ref, lock=True)._mapping
            where = f"{number}/r{m['rev']}"
            if not m["approval_reasons"]:
                raise InputError(f"{where}: needs no approval (its margin and discount are within the price book's "
                                 "policy)")  # fmt: skip
            if m["approved_by"]:
                raise InputError(f"{where}: already approved by {m['approved_by']}")
            current = effective_status(m["status"], m["valid_until"], day)
            if current != "draft":
                raise InputError(f"{where}: is {current}; only a draft is approved")
            self._change(conn, m["id"], approved_by=by.strip(), approved_at=at)
            conn.execute(events.insert().values(revision_id=m["id"], at=at, by=by.strip(), kind="approved",
                                                from_status=current, to_status=current, note=note))  # fmt: skip
        found: Summary = self.revisions_of(number, today=day)[int(m["rev"]) - 1]
        return found

    def _change(self, conn: Connection, rid: int, **values: Any) -> None:
        from sqlalchemy import update

        conn.execute(update(revisions).where(revisions.c.id == rid).values(**values))

    def log(self, ref: str) -> builtins.list[Event]:
        """Every event of a quote's revisions, in order."""
        from sqlalchemy import select

        number, _ = parse_ref(ref)
        with self.translated(), self.engine.connect() as conn:
            qid = self._quote_id(conn, number)
            q = (
                select(
                    revisions.c.rev,
                    events.c.at,
                    events.c.by,
                    events.c.kind,
                    events.c.from_status,
                    events.c.to_status,
                    events.c.note,
                )  # fmt: skip
                .join(revisions, revisions.c.id == events.c.revision_id)
                .where(revisions.c.quote_id == qid)
                .order_by(events.c.id)
            )
            return [Event(number, r.rev, _aware(r.at), r.by, r.kind, r.from_status, r.to_status, r.note)
                    for r in conn.execute(q)]  # fmt: skip
        raise AssertionError  # pragma: no cover


# ---------------------------------------------------------------- rows
def _insert_ignore(conn: Connection) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` into counters, in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(counters).on_conflict_do_nothing(index_elements=["year"])
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(counters).on_conflict_do_nothing(index_elements=["year"])


def _date(text: Any) -> dt.date:
    return text if isinstance(text, dt.date) else dt.date.fromisoformat(str(text))


def _revision_row(body: dict[str, Any], quote_id: int, rev: int, who: str, at: dt.datetime, note: str | None,
                  reasons: list[str]) -> dict[str, Any]:  # fmt: skip
    from quoter.quote.store import sealed

    data = sealed(body)
    return {
        "quote_id": quote_id, "rev": rev, "client": str(body["client"]["name"]), "status": "draft",
        "model": str(body["chosen_model"]), "monthly_total": monthly_of(body),
        "currency": str(body["currency"]), "quote_date": _date(body["quote"]["date"]),
        "valid_until": _date(body["quote"]["valid_until"]), "saved_at": at, "saved_by": who, "note": note,
        "sha256": data["sha256"], "quote_json": json.dumps(data, ensure_ascii=False, default=str),
        "approval_reasons": json.dumps(reasons, ensure_ascii=False) if reasons else None,
        "approved_by": None, "approved_at": None,
    }  # fmt: skip


def _summary_select() -> Any:
    """The summary columns of every revision with its number: never the JSON blob."""
    from sqlalchemy import String, select, type_coerce

    c = revisions.c
    raw = {k: type_coerce(c[k], String).label(k) for k in ("quote_date", "valid_until", "saved_at", "approved_at")}
    return select(
        quotes.c.number, c.rev, c.client, c.status, c.model, c.monthly_total, c.currency, raw["quote_date"],
        raw["valid_until"], raw["saved_at"], c.saved_by, c.note, c.sha256, c.approval_reasons, c.approved_by,
        raw["approved_at"],
    ).join(quotes, quotes.c.id == c.quote_id)  # fmt: skip


def _day(value: Any) -> dt.date:
    """A date column's value: a date (PostgreSQL, typed reads) or SQLite's ISO text, which the summary select takes
    raw because ``date.fromisoformat`` is several times faster than SQLAlchemy's SQLite date parsing."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _aware(value: Any) -> Any:
    """A datetime column's value (a datetime, or SQLite's ISO text), in UTC: SQLite keeps them naive."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def _summary(number: str, m: Any, today: dt.date) -> Summary:
    reasons, valid = m["approval_reasons"], _day(m["valid_until"])
    return Summary(
        number=number, rev=int(m["rev"]), client=m["client"],
        status=effective_status(m["status"], valid, today), model=m["model"],
        monthly_total=Decimal(m["monthly_total"]), currency=m["currency"], quote_date=_day(m["quote_date"]),
        valid_until=valid, saved_at=_aware(m["saved_at"]), saved_by=m["saved_by"], note=m["note"],
        sha256=m["sha256"], approval=tuple(json.loads(reasons)) if reasons else (),
        approved_by=m["approved_by"], approved_at=_aware(m["approved_at"]),
    )  # fmt: skip


def _verified(s: Summary, m: Any) -> dict[str, Any]:
    """The stored quote dict, refused unless it matches its SHA-256 and its summary columns."""
    from quoter.quote.store import HASH_KEY, content_sha256

    where = f"{s.ref}"
    try:
        data = json.loads(m["quote_json"], parse_float=Decimal)
    except (ValueError, TypeError):
        raise InputError(f"{where}: the stored quote is not valid JSON: the row was changed; refusing it") from None
    saved = data.pop(HASH_KEY, None) if isinstance(data, dict) else None
    if saved != m["sha256"] or content_sha256(data) != saved:
        raise InputError(f"{where}: the stored content does not match its SHA-256 ({str(m['sha256'])[:12]}...): "
                         "the row was changed after it was saved; refusing it")  # fmt: skip
    facts = {
        "quote.number": (data["quote"]["number"], s.number), "client": (data["client"]["name"], s.client),
        "chosen_model": (data["chosen_model"], s.model), "currency": (data["currency"], s.currency),
        "monthly_total": (monthly_of(data), str(s.monthly_total)),
        "valid_until": (str(data["quote"]["valid_until"]), s.valid_until.isoformat()),
    }  # fmt: skip
    bad = [k for k, (a, b) in facts.items() if a != b]
    if bad:
        raise InputError(f"{where}: the summary columns ({', '.join(bad)}) differ from the sealed quote: the row was "
                         "changed after it was saved; refusing it")  # fmt: skip
    return dict(data)


def _reason(exc: Exception) -> str:
    """What went wrong with the database, in words a user can act on."""
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    low = text.lower()
    if "readonly" in low or "read-only" in low or "read only" in low:
        return "the database is read-only; nothing was changed"
    if "disk is full" in low or "database or disk is full" in low or "no space" in low:
        return "the disk is full; nothing was saved"
    if "permission denied" in low:
        return f"the database user may not do this ({text}); nothing was changed"
    if "unable to open" in low:
        return "cannot open the database file (check the path and its folder)"
    if "database is locked" in low:
        return f"another process held the database for over {eng.BUSY_TIMEOUT_S} s; nothing was changed"
    if "connection" in low or "could not" in low or "timeout" in low or "resolve" in low:
        return f"cannot reach the database ({text}); nothing was changed"
    if "no such table" in low or "does not exist" in low:
        return f"not a quote book, or an incomplete one ({text})"
    return f"database error ({text}); nothing was changed"
