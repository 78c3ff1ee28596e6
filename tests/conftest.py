from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture
def write_yaml(tmp_path: Path):
    """Write YAML text to a file and return its path."""

    def _write(text: str, name: str = "req.yaml") -> Path:
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p

    return _write


MINIMAL = """\
client: {name: "Test Co"}
service: {hours: "24/7", interval_minutes: 60}
languages: {fa: 1.0}
channels:
  voice: {calls_per_week: 7000, aht_seconds: 180}
"""


@pytest.fixture
def minimal_yaml() -> str:
    return MINIMAL


# ---------------------------------------------------------------- the quote book (tests/test_book*.py)
BOOK_BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BOOK_BACKENDS)
def book_url(request, tmp_path: Path):
    """A fresh, empty quote book: a temp SQLite file, and (same tests) a fresh schema of the PostgreSQL database
    in ``$QUOTER_TEST_PG_URL``. Without that URL the PostgreSQL case skips, except under CI, where it fails."""
    import os
    import uuid

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'book.sqlite'}"
        return
    base = os.environ.get("QUOTER_TEST_PG_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("CI must provide PostgreSQL: QUOTER_TEST_PG_URL is not set (see .ci/run)")
        pytest.skip('QUOTER_TEST_PG_URL is not set (eval "$(.ci/pg-start)" starts a throw-away cluster)')
    from sqlalchemy import create_engine, text

    schema = f"book_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(scope="session")
def priced_quote() -> dict:
    """A whole priced quote (tests/fixtures/quote_sample.json, the Pars example), dated today and valid 30 days, so
    saving it is fast (pricing happens before the book, outside its transaction)."""
    import datetime as dt
    import json

    from quoter.quote.store import HASH_KEY

    data = json.loads((ROOT / "tests" / "fixtures" / "quote_sample.json").read_text(encoding="utf-8"))
    data.pop(HASH_KEY, None)
    today = dt.date.today()
    data["quote"] = {**data["quote"], "date": today.isoformat(), "valid_until": (today + dt.timedelta(30)).isoformat()}
    return data
