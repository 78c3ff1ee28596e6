"""The quote book through the command line: quote --save/--revise/--from, book list/show/diff/status/approve/log/
export/backup, docs --from and contract (from the accepted revision only, its revision and SHA-256 in the footer)."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from quoter.book import Book
from quoter.calendar import jalali_year
from quoter.cli import main

from .conftest import MINIMAL

YEAR = jalali_year(dt.date.today())


def run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book_env(book_url, monkeypatch):
    monkeypatch.setenv("QUOTER_BOOK", book_url)
    monkeypatch.setenv("QUOTER_USER", "sara")
    return book_url


def test_quote_save_and_revise(book_env, capsys, tmp_path):
    req = tmp_path / "req.yaml"
    req.write_text(MINIMAL, encoding="utf-8")
    code, out, err = run(capsys, "quote", str(req), "--save", "--note", "first offer", "--json")
    assert code == 0, err
    number = f"Q-{YEAR}-0001"
    assert json.loads(out)["quote"]["number"] == number and f"Saved {number}/r1 in the quote book" in err
    code, out, err = run(capsys, "quote", str(req), "--save", "--revise", number, "--out", str(tmp_path / "r2"),
                         "--docs", "--lang", "en")  # fmt: skip
    assert code == 0, err
    assert f"Quote {number}" in out and f"Saved {number}/r2" in err
    sha = Book(book_env).revision(number, 2).summary.sha256
    assert f"{number} · revision r2 · SHA-256 {sha}" in _footer(tmp_path / "r2" / f"{number}-contract-en.docx")
    assert json.loads((tmp_path / "r2" / "quote.json").read_text(encoding="utf-8"))["quote"]["number"] == number
    code, out, _ = run(capsys, "book", "list", "--json")
    listed = json.loads(out)
    assert [(x["number"], x["rev"], x["saved_by"], x["note"]) for x in listed] == [
        (number, 1, "sara", "first offer"), (number, 2, "sara", None)]  # fmt: skip
    code, out, _ = run(capsys, "quote", "--from", f"{number}/r1", "--json")
    assert code == 0 and json.loads(out)["quote"]["number"] == number


def test_option_errors(book_env, capsys, tmp_path):
    req = tmp_path / "req.yaml"
    req.write_text(MINIMAL, encoding="utf-8")
    for args, message in (
        (["quote", str(req), "--revise", f"Q-{YEAR}-0001"], "--revise: only with --save"),
        (["quote", str(req), "--note", "x"], "--note: only with --save"),
        (["quote"], "give a REQUIREMENTS file or --from"),
        (["quote", "--from", f"Q-{YEAR}-0001/r1", "--save"], "already stored"),
        (["book", "show", f"Q-{YEAR}-0007"], f"Q-{YEAR}-0007: no such quote"),
        (["book", "show", "Q-7"], "not a quote number"),
        (["book", "list", "--status", "lost"], "--status: 'lost' is not one of"),
        (["docs", "--from", f"Q-{YEAR}-0001"], f"Q-{YEAR}-0001: no such quote"),
        (["contract", f"Q-{YEAR}-0001"], f"Q-{YEAR}-0001: no such quote"),
    ):
        code, out, err = run(capsys, *args)
        assert code == 1 and err.startswith("Error: ") and message in err, (args, err)
        assert "Traceback" not in err
    assert Book(book_env).list() == []


def test_unreachable_book_on_the_command_line(capsys):
    code, _, err = run(capsys, "book", "list", "--book", "postgresql+psycopg://q:secret@127.0.0.1:1/book")
    assert code == 1 and "cannot reach the database" in err and "secret" not in err


def test_lifecycle_commands(book_env, capsys, priced_quote, tmp_path):
    with Book(book_env) as book:
        s = book.save(copy.deepcopy(priced_quote) | {"cost": {**priced_quote["cost"], "term_discount": "0.06"}})
        book.save(priced_quote, revise=s.number)
    n = s.number
    code, _, err = run(capsys, "book", "status", n, "sent", "--rev", "1")
    assert code == 1 and "needs an approval before it is sent" in err and f"quoter book approve {n}" in err
    code, out, _ = run(capsys, "book", "approve", n, "--rev", "1", "--by", "Mina Rahimi")
    assert code == 0 and f"{n}/r1: approved by Mina Rahimi" in out
    code, out, _ = run(capsys, "book", "status", n, "sent", "--rev", "1")
    assert code == 0 and out.strip() == f"{n}/r1: sent"
    code, _, err = run(capsys, "book", "status", n, "rejected", "--rev", "2")
    assert code == 1 and "cannot go from draft to rejected" in err
    code, out, _ = run(capsys, "book", "list", "--status", "sent")
    assert f"{n}  r1" in out and "r2" not in out
    code, out, _ = run(capsys, "book", "log", n)
    assert [line.split()[3] for line in out.splitlines()[2:]] == ["saved", "saved", "approved", "sent"]
    assert "Mina Rahimi" in out
    code, out, _ = run(capsys, "book", "diff", n, "--json")
    assert code == 0 and json.loads(out)["from"] == f"{n}/r1"
    code, out, _ = run(capsys, "book", "diff", n)
    assert "cost.term_discount" in out and "Monthly, chosen tariff excl. VAT:" in out
    code, out, _ = run(capsys, "book", "show", n, "--rev", "1")
    assert "approved by Mina Rahimi" in out and "SHA-256" in out
    code, _, err = run(capsys, "book", "export", "--csv", str(tmp_path / "p.csv"))
    assert code == 0 and "(2 revisions)" in err and (tmp_path / "p.csv").read_text(encoding="utf-8").count("\n") == 3


def _footer(path) -> str:
    import docx

    return docx.Document(str(path)).sections[0].footer.paragraphs[0].text.replace("\u2060", "")  # word joiners


def test_contract_from_the_accepted_revision_only(book_env, capsys, priced_quote, tmp_path):
    with Book(book_env) as book:
        s = book.save(priced_quote)
        r2 = book.save(priced_quote | {"cost": {**priced_quote["cost"], "monthly_total": "1"}}, revise=s.number)
        n = s.number
        code, _, err = run(capsys, "contract", n, "--lang", "en", "--out", str(tmp_path / "none"))
        assert code == 1 and "no revision was accepted" in err and not (tmp_path / "none").exists()
        book.set_status(n, "sent", rev=1)
        book.set_status(n, "accepted", rev=1)
    out_dir = tmp_path / "contract"
    code, _, err = run(capsys, "contract", n, "--lang", "en", "--out", str(out_dir))
    assert code == 0, err
    made = sorted(p.name for p in out_dir.iterdir())
    assert made == [f"{n}-{doc}-en.docx" for doc in ("contract", "nda", "sla")]
    for p in out_dir.iterdir():
        footer = _footer(p)
        assert "revision r1" in footer and s.sha256 in footer and r2.sha256 not in footer
    code, _, err = run(capsys, "docs", "--from", f"{n}/r2", "--lang", "en", "--only", "proposal", "--out",
                       str(tmp_path / "r2"))  # fmt: skip
    assert code == 0, err
    assert f"revision r2 · SHA-256 {r2.sha256}" in _footer(tmp_path / "r2" / f"{n}-proposal-en.docx")


def test_backup_command(tmp_path, capsys, priced_quote, monkeypatch):
    url = f"sqlite:///{tmp_path / 'book.sqlite'}"
    with Book(url) as book:
        s = book.save(priced_quote)
    code, _, err = run(capsys, "book", "backup", str(tmp_path / "copy.sqlite"), "--book", url)
    assert code == 0, err
    with Book(f"sqlite:///{tmp_path / 'copy.sqlite'}") as copy_:
        assert copy_.revision(s.number).summary.sha256 == s.sha256


def test_workbook_from_a_stored_revision(tmp_path, capsys, priced_quote):
    """`quote --from N/rK --xlsx` re-prices the revision's own snapshot: the workbook carries the book's number."""
    import openpyxl

    url = f"sqlite:///{tmp_path / 'book.sqlite'}"
    with Book(url) as book:
        s = book.save(priced_quote)
    target = tmp_path / "w.xlsx"
    code, out, err = run(capsys, "quote", "--from", f"{s.number}/r1", "--xlsx", str(target), "--lang", "en",
                         "--book", url)  # fmt: skip
    assert code == 0, err
    assert f"Quote {s.number}" in out
    cells = {str(c.value) for ws in openpyxl.load_workbook(target).worksheets for row in ws.iter_rows() for c in row}
    assert any(s.number in v for v in cells)
