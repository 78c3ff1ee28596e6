"""The quote book on SQLite and PostgreSQL (same tests, see the ``book_url`` fixture): numbers, revisions, the
lifecycle (every allowed and forbidden transition), approval, the lock on acceptance, diff, export."""

from __future__ import annotations

import copy
import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from quoter.book import Book
from quoter.book.diff import diff
from quoter.book.files import export_csv
from quoter.book.lifecycle import ALLOWED, SETTABLE, STATUSES
from quoter.book.model import monthly_of
from quoter.calendar import jalali_year
from quoter.errors import InputError

YEAR = jalali_year(dt.date.today())


def variant(data: dict, calls: int | None = None, total: str | None = None, discount: str | None = None) -> dict:
    d = copy.deepcopy(data)
    if calls is not None:
        d["requirements"]["channels"]["voice"]["calls_per_month"] = calls
    if total is not None:  # the provider's target total and the chosen tariff's price move together
        d["cost"]["monthly_total"] = total
        d["models"][d["chosen_model"]]["monthly_at_forecast"] = total
    if discount is not None:
        d["cost"]["term_discount"] = discount
    return d


def test_numbers_and_revisions(book_url, priced_quote):
    with Book(book_url) as book:
        a = book.save(priced_quote, note="first", user="sara")
        b = book.save(priced_quote, user="sara")
        a2 = book.save(priced_quote, revise=a.number, note="second round", user="ali")
        assert (a.ref, b.ref, a2.ref) == (f"Q-{YEAR}-0001/r1", f"Q-{YEAR}-0002/r1", f"Q-{YEAR}-0001/r2")
        r = book.revision(a.number)  # the newest
        assert r.summary.rev == 2 and r.summary.saved_by == "ali" and r.summary.note == "second round"
        assert r.data["quote"]["number"] == a.number  # the book's number is in the stored quote JSON
        assert r.data["requirements"] == priced_quote["requirements"]
        assert r.data["price_book"]["snapshot"]["approval"]["margin_floor"] == "0.12"
        assert book.revision(f"{a.number}/r1").summary.note == "first"
        listed = book.list()
        assert [s.ref for s in listed] == [a.ref, a2.ref, b.ref]
        assert listed[0].monthly_total == Decimal(monthly_of(priced_quote))  # the chosen tariff's price
        assert [s.ref for s in book.list(client="pars RET")] == [a.ref, a2.ref, b.ref]
        assert book.list(client="nobody") == [] and book.list(client="%") == []
        assert [e.kind for e in book.log(a.number)] == ["saved", "saved"]


def test_saved_by_quoter_user(book_url, priced_quote, monkeypatch):
    monkeypatch.setenv("QUOTER_USER", "negar")
    with Book(book_url) as book:
        assert book.save(priced_quote).saved_by == "negar"


def test_unknown_number_and_revision(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        with pytest.raises(InputError, match=f"Q-{YEAR}-0099: no such quote"):
            book.revision(f"Q-{YEAR}-0099")
        with pytest.raises(InputError, match="has no revision r5"):
            book.revision(s.number, 5)
        with pytest.raises(InputError, match="not a quote number"):
            book.revision("banana")
        with pytest.raises(InputError, match="no such quote"):
            book.save(priced_quote, revise=f"Q-{YEAR}-0042")
        assert [x.ref for x in book.list()] == [s.ref]  # the failed revise left nothing


def _at(book: Book, data: dict, status: str) -> tuple[str, dt.date]:
    """A new quote whose revision is in ``status``; the day to look at it (expired: after valid_until)."""
    s = book.save(data)
    day = dt.date.today()
    path = {"draft": [], "sent": ["sent"], "accepted": ["sent", "accepted"], "rejected": ["sent", "rejected"],
            "withdrawn": ["withdrawn"], "expired": []}[status]  # fmt: skip
    for step in path:
        book.set_status(s.number, step)
    if status == "expired":
        day = s.valid_until + dt.timedelta(days=1)
    assert book.revision(s.number, today=day).summary.status == status
    return s.number, day


def test_every_transition(book_url, priced_quote):
    """Each of the 6 statuses x the 4 settable ones: allowed ones happen (and are logged), the others are refused
    with the book unchanged."""
    with Book(book_url) as book:
        for current in STATUSES:
            for new in SETTABLE:
                number, day = _at(book, priced_quote, current)
                before = book.log(number)
                if new in ALLOWED[current]:
                    assert book.set_status(number, new, user="reza", today=day).status == new
                    last = book.log(number)[-1]
                    assert (last.kind, last.from_status, last.to_status, last.by) == (new, current, new, "reza")
                else:
                    with pytest.raises(InputError, match=f"cannot go from {current} to {new}"):
                        book.set_status(number, new, today=day)
                    assert book.log(number) == before
                    assert book.revision(number, today=day).summary.status == current
        with pytest.raises(InputError, match="'draft' is not one of"):
            book.set_status(number, "draft")


def test_expired_filter(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        later = s.valid_until + dt.timedelta(days=1)
        assert [x.ref for x in book.list(status="expired", today=later)] == [s.ref]
        assert book.list(status="draft", today=later) == []
        assert [x.ref for x in book.list(status="draft")] == [s.ref]
        with pytest.raises(InputError, match="--status: 'lost'"):
            book.list(status="lost")


def test_approval_gates_sending(book_url, priced_quote):
    """A 6 % term discount is over the price book's 4 % ceiling: no sending before a named approval."""
    with Book(book_url) as book:
        s = book.save(variant(priced_quote, discount="0.06"))
        assert s.approval == ("discount 6.0 % is above the ceiling 4.0 %",) and s.needs_approval
        with pytest.raises(InputError, match="needs an approval before it is sent"):
            book.set_status(s.number, "sent")
        assert book.revision(s.number).summary.status == "draft"
        approved = book.approve(s.number, "Mina Rahimi")
        assert approved.approved_by == "Mina Rahimi" and not approved.needs_approval
        with pytest.raises(InputError, match="already approved by Mina Rahimi"):
            book.approve(s.number, "someone")
        assert book.set_status(s.number, "sent").status == "sent"
        assert [(e.kind, e.by) for e in book.log(s.number)][1] == ("approved", "Mina Rahimi")
        plain = book.save(priced_quote)
        with pytest.raises(InputError, match="needs no approval"):
            book.approve(plain.number, "Mina Rahimi")


def test_margin_under_the_floor_needs_approval(book_url, priced_quote):
    data = copy.deepcopy(priced_quote)
    price = Decimal(data["models"][data["chosen_model"]]["monthly_at_forecast"])
    data["cost"]["provider_cost"] = str((price * Decimal("0.9")).quantize(Decimal(1)))  # a 10 % margin
    with Book(book_url) as book:
        s = book.save(data)
        assert s.approval == ("margin 10.0 % is below the floor 12.0 %",)


def test_accepting_locks_the_quote(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        book.save(priced_quote, revise=s.number)
        book.set_status(s.number, "sent", rev=1)
        book.set_status(s.number, "sent", rev=2)
        book.set_status(s.number, "accepted", rev=1)
        with pytest.raises(InputError, match="r1 was accepted, so the quote is locked"):
            book.save(priced_quote, revise=s.number)
        with pytest.raises(InputError, match="r1 is already accepted"):
            book.set_status(s.number, "accepted", rev=2)
        with pytest.raises(InputError, match="cannot go from accepted to accepted"):
            book.set_status(s.number, "accepted", rev=1)
        assert [x.status for x in book.revisions_of(s.number)] == ["accepted", "sent"]
        assert book.accepted(s.number).summary.rev == 1
        with pytest.raises(InputError, match="not the accepted revision"):
            book.accepted(f"{s.number}/r2")


def test_contract_needs_an_accepted_revision(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        with pytest.raises(InputError, match="no revision was accepted"):
            book.accepted(s.number)


def test_diff_inputs_and_prices(book_url, priced_quote):
    with Book(book_url) as book:
        s = book.save(priced_quote)
        book.save(variant(priced_quote, calls=66000, total="60927339000"), revise=s.number)
        d = diff(book.revision(s.number, 1), book.revision(s.number, 2))
    assert d["from"] == f"{s.number}/r1" and d["to"] == f"{s.number}/r2"
    old_calls = str(priced_quote["requirements"]["channels"]["voice"]["calls_per_month"])
    assert d["inputs"] == [{"field": "requirements.channels.voice.calls_per_month", "from": old_calls, "to": "66000"}]
    assert d["price_book"] == []
    assert {"field": "cost.monthly_total", "from": priced_quote["cost"]["monthly_total"], "to": "60927339000"} \
        in d["prices"]  # fmt: skip
    old = Decimal(monthly_of(priced_quote))  # the chosen tariff's monthly amount, not the cost build-up's total
    assert old != Decimal(priced_quote["cost"]["monthly_total"])
    assert Decimal(d["monthly_total"]["change"]) == Decimal("60927339000") - old
    assert Decimal(d["monthly_total"]["change_share"]) == ((Decimal("60927339000") - old) / old).quantize(
        Decimal("0.0001")
    )


def test_export_csv(book_url, priced_quote, tmp_path):
    with Book(book_url) as book:
        s = book.save(priced_quote, note='a, "quoted" note')
        book.save(priced_quote, revise=s.number)
        path, count = export_csv(book, tmp_path / "pipeline.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert count == 2 and [r["revision"] for r in rows] == ["r1", "r2"]
    assert rows[0]["number"] == s.number and rows[0]["note"] == 'a, "quoted" note'
    assert rows[0]["monthly_total"] == monthly_of(priced_quote) and rows[0]["status"] == "draft"


def test_where_the_book_lives(monkeypatch, tmp_path):
    """--book URL, else $QUOTER_BOOK, else one SQLite file in the user's data folder (its folder made on first use)."""
    from platformdirs import user_data_dir

    from quoter.book import engine as eng

    monkeypatch.delenv("QUOTER_BOOK", raising=False)
    assert eng.resolve_url() == f"sqlite:///{Path(user_data_dir('quoter')) / 'book.sqlite'}"
    monkeypatch.setenv("QUOTER_BOOK", "sqlite:////elsewhere/book.sqlite")
    assert eng.resolve_url() == "sqlite:////elsewhere/book.sqlite"
    assert eng.resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert eng.shown("postgresql+psycopg://u:secret@h/db") == "postgresql+psycopg://u:***@h/db"
    nested = tmp_path / "a" / "b" / "book.sqlite"
    with Book(f"sqlite:///{nested}") as book:
        assert book.list() == []
    assert nested.is_file()
