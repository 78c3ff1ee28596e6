"""Where the quote book lives and how it is opened: the URL, the engine, the schema check and migrations.

The URL is ``--book URL``, else ``$QUOTER_BOOK``, else one SQLite file in the user's data folder
(``platformdirs.user_data_dir("quoter")/book.sqlite``). A fresh database is upgraded to the newest schema
on first use (Alembic, migrations shipped in this package); a database whose ``alembic_version`` names a
revision this quoter does not know was written by a newer one, and is refused.

SQLite writes take the database lock at ``BEGIN IMMEDIATE`` (not at the first write, which would let two
writers read the same counter and one of them fail at commit); PostgreSQL locks the counter row with
``SELECT ... FOR UPDATE``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quoter.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "QUOTER_BOOK"
CONNECT_TIMEOUT_S = 5  # PostgreSQL: give up on an unreachable server after this many seconds
BUSY_TIMEOUT_S = 60  # SQLite: wait this long for another writer's lock


def default_url() -> str:
    """``sqlite:///<user data dir>/book.sqlite``: a laptop needs no set-up."""
    from platformdirs import user_data_dir

    return f"sqlite:///{Path(user_data_dir('quoter')) / 'book.sqlite'}"


def resolve_url(url: str | None = None) -> str:
    """The book's URL: the argument, else ``$QUOTER_BOOK``, else :func:`default_url`."""
    return url or os.environ.get(ENV_VAR) or default_url()


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001  (a URL too broken to parse is shown as typed, minus nothing secret)
        return url.split("@")[-1]


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite: its folder made, ``BEGIN IMMEDIATE`` for writes; PostgreSQL: a timeout)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(f"book: '{url}' is not a database URL (sqlite:///FILE or postgresql+psycopg://...)") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise InputError(f"book: {shown(url)}: only SQLite and PostgreSQL are supported")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise InputError(f"book: {shown(url)}: no driver ({exc}); PostgreSQL needs psycopg") from None


def _sqlite_engine(parsed: Any) -> Engine:
    from sqlalchemy import create_engine, event

    db = parsed.database or ""
    if db and db != ":memory:" and not db.startswith("file:"):
        folder = Path(db).expanduser().parent
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputError(f"book: cannot create the folder {folder}: {exc.strerror}") from None
    engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _connect(dbapi: Any, record: Any) -> None:
        dbapi.isolation_level = None  # the driver must not BEGIN on its own: _begin does
        dbapi.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("book_write") else "BEGIN")

    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed on success, rolled back on any error (the book unchanged)."""
    with engine.connect().execution_options(book_write=True) as conn, conn.begin():
        yield conn


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


HEAD = "0002"  # the newest migration's revision id (a test checks it is Alembic's head)


def head_revision() -> str:
    """The newest schema revision, as Alembic finds it in ``migrations/versions`` (slow: imports Alembic)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """The revision ids of the migrations shipped (each file is named after its id: ``0002_approval.py``)."""
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py")}


def current_revision(conn: Connection) -> str | None:
    """The database's schema revision (None: no quote book yet), read without importing Alembic."""
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table("alembic_version"):
        return None
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)


def ensure_schema(engine: Engine, url: str, target: str | None = None) -> None:
    """Upgrade the database to ``target`` (default: the newest schema) unless it is there; refuse a newer one.

    The upgrade runs in a write transaction (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so
    two processes opening a fresh book at once do not both create the tables."""
    target = target or HEAD
    with engine.connect() as conn:
        now = current_revision(conn)
    _refuse_newer(now, url)
    if now == target:
        return
    from alembic import command

    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7140150)")
        now = current_revision(conn)
        _refuse_newer(now, url)
        if now != target:
            command.upgrade(_alembic_config(conn), target)


def _refuse_newer(revision: str | None, url: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise InputError(
            f"book {shown(url)}: written by a newer quoter (schema revision '{revision}', this quoter knows up to "
            f"'{HEAD}'): upgrade quoter to use it; nothing was changed"
        )
