"""``quoter book ...`` (the quote book: list, show, diff, status, approve, log, export, backup) and
``quoter contract N`` (the contract, SLA and NDA from the accepted revision only)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from quoter.commands.common import JsonFlag, LangOption, PdfFlag, echo_json, plain_table

BookOption = Annotated[
    str | None,
    typer.Option("--book", help="Quote book URL (default: $QUOTER_BOOK, else a SQLite file in your data folder)."),
]
NumberArg = Annotated[str, typer.Argument(help="Quote number, e.g. Q-1405-0007 (or Q-1405-0007/r2).")]
RevOption = Annotated[int | None, typer.Option("--rev", help="Revision number (default: the newest).", min=1)]

book_app = typer.Typer(help="The quote book: numbered quotes, revisions, approval, acceptance.", no_args_is_help=True)


def open_book(url: str | None) -> Any:
    from quoter.book import Book

    return Book(url)


def _money(value: Any, currency: str) -> str:
    from decimal import Decimal

    from quoter.render.localize import CURRENCIES, format_money, format_number

    amount = Decimal(str(value))
    return (
        format_money(amount, currency, "en") if currency in CURRENCIES else f"{format_number(amount, 'en')} {currency}"
    )


def _summary_rows(items: list[Any]) -> list[list[str]]:
    """Table rows; amounts as stored with thousands separators (babel per row would cost 0.2 ms x 10,000)."""
    return [[s.number, f"r{s.rev}", s.client, s.status + (" (needs approval)" if s.needs_approval else ""), s.model,
             f"{s.monthly_total:,} {s.currency}", s.quote_date.isoformat(), s.valid_until.isoformat(), s.saved_by]
            for s in items]  # fmt: skip


_HEAD = ["number", "rev", "client", "status", "model", "monthly total", "date", "valid until", "saved by"]


@book_app.command("list")
def list_cmd(
    status: Annotated[
        str | None, typer.Option("--status", help="draft, sent, accepted, rejected, withdrawn, expired.")
    ] = None,  # noqa: E501
    client: Annotated[str | None, typer.Option("--client", help="Client names containing this text.")] = None,
    as_json: JsonFlag = False,
    book: BookOption = None,
) -> None:
    """Every revision in the book (summaries), by number."""
    with open_book(book) as b:
        items = b.list(status=status, client=client)
    if as_json:
        echo_json([s.to_dict() for s in items])
        return
    typer.echo(plain_table(_HEAD, _summary_rows(items), left=5) if items else "No revisions match.")


@book_app.command("show")
def show_cmd(number: NumberArg, rev: RevOption = None, as_json: JsonFlag = False, book: BookOption = None) -> None:
    """One revision: its summary, approval and hash (--json: the whole stored quote too)."""
    with open_book(book) as b:
        r = b.revision(number, rev)
        all_revs = b.revisions_of(number)
    s = r.summary
    if as_json:
        echo_json({**s.to_dict(), "quote": r.data})
        return
    lines = [
        f"{s.ref}  {s.status}   client {s.client}   model {s.model}   {_money(s.monthly_total, s.currency)} a month",
        f"Quote date {s.quote_date}  valid until {s.valid_until}   saved {s.saved_at:%Y-%m-%d %H:%M} UTC by "
        f"{s.saved_by}",
        f"Price book {r.data['price_book']['name']} ({r.data['price_book']['as_of']})   SHA-256 {s.sha256}",
    ]
    if s.note:
        lines.append(f"Note: {s.note}")
    if s.approval:
        given = f"approved by {s.approved_by} ({s.approved_at:%Y-%m-%d %H:%M} UTC)" if s.approved_by else "NOT approved"
        lines.append(f"Approval needed ({'; '.join(s.approval)}): {given}")
    lines += ["", "Revisions:", plain_table(_HEAD, _summary_rows(all_revs), left=5)]
    typer.echo("\n".join(lines))


@book_app.command("diff")
def diff_cmd(
    number: NumberArg,
    revs: Annotated[list[int] | None, typer.Argument(help="Two revisions K1 K2 (default: the last two).")] = None,
    as_json: JsonFlag = False,
    book: BookOption = None,
) -> None:
    """Inputs and prices that changed between two revisions, side by side, and the change in the monthly total."""
    from quoter.book.diff import diff
    from quoter.errors import InputError

    with open_book(book) as b:
        all_revs = b.revisions_of(number)
        if revs and len(revs) != 2:
            raise InputError("diff: give two revisions (K1 K2) or none")
        if not revs and len(all_revs) < 2:
            raise InputError(f"{all_revs[0].number}: has one revision only; nothing to compare")
        k1, k2 = revs if revs else (all_revs[-2].rev, all_revs[-1].rev)
        d = diff(b.revision(number, k1), b.revision(number, k2))
    if as_json:
        echo_json(d)
        return
    typer.echo(_diff_text(d))


def _diff_text(d: dict[str, Any]) -> str:
    out = [f"{d['from']} -> {d['to']}"]
    for key, title in (("inputs", "INPUTS"), ("price_book", "PRICE BOOK"), ("prices", "PRICES")):
        rows = [[r["field"], _cell(r["from"]), _cell(r["to"])] for r in d[key]]
        out += ["", title, plain_table(["field", d["from"], d["to"]], rows) if rows else "  (no change)"]
    t = d["monthly_total"]
    share = f" ({float(t['change_share']):+.2%})" if t["change_share"] is not None else ""
    sign = "" if str(t["change"]).startswith("-") else "+"
    cur = d["currency"]
    out += ["", f"Monthly, chosen tariff excl. VAT: {_money(t['from'], cur)} -> {_money(t['to'], cur)}: "
            f"{sign}{_money(t['change'], cur)}"
            f"{share}"]  # fmt: skip
    return "\n".join(out)


def _cell(value: Any) -> str:
    text = "-" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


@book_app.command("status")
def status_cmd(
    number: NumberArg,
    status: Annotated[str, typer.Argument(help="sent, accepted, rejected or withdrawn.")],
    rev: RevOption = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept with the event).")] = None,
    book: BookOption = None,
) -> None:
    """Move a revision (default: the newest) along draft -> sent -> accepted | rejected | withdrawn."""
    with open_book(book) as b:
        s = b.set_status(number, status, rev=rev, note=note)
    typer.echo(f"{s.ref}: {s.status}")


@book_app.command("approve")
def approve_cmd(
    number: NumberArg,
    by: Annotated[str, typer.Option("--by", help="Who approves (kept with the revision and the event).")],
    rev: RevOption = None,
    note: Annotated[str | None, typer.Option("--note", help="A remark kept with the approval.")] = None,
    book: BookOption = None,
) -> None:
    """Approve a revision whose margin is under the price book's floor or discount over its ceiling."""
    with open_book(book) as b:
        s = b.approve(number, by, rev=rev, note=note)
    typer.echo(f"{s.ref}: approved by {s.approved_by} ({'; '.join(s.approval)})")


@book_app.command("log")
def log_cmd(number: NumberArg, as_json: JsonFlag = False, book: BookOption = None) -> None:
    """Every event of a quote: saved, approved, sent, accepted ..., with who and when."""
    with open_book(book) as b:
        items = b.log(number)
    if as_json:
        echo_json([e.to_dict() for e in items])
        return
    rows = [[f"{e.at:%Y-%m-%d %H:%M:%S}", f"r{e.rev}", e.kind, f"{e.from_status or '-'} -> {e.to_status or '-'}",
             e.by, e.note or ""] for e in items]  # fmt: skip
    typer.echo(plain_table(["when (UTC)", "rev", "event", "status", "by", "note"], rows, left=6))


@book_app.command("export")
def export_cmd(
    csv: Annotated[Path, typer.Option("--csv", help="CSV file to write (one line per revision).")],
    book: BookOption = None,
) -> None:
    """One CSV line per revision for the sales pipeline (UTF-8, header row)."""
    from quoter.book.files import export_csv

    with open_book(book) as b:
        path, count = export_csv(b, csv)
    typer.echo(f"Wrote {path} ({count} revisions)", err=True)


@book_app.command("backup")
def backup_cmd(
    target: Annotated[Path, typer.Argument(help="Backup file to write (a SQLite database).")],
    book: BookOption = None,
) -> None:
    """A consistent copy of a SQLite book while others use it (PostgreSQL: use pg_dump)."""
    from quoter.book.files import backup

    with open_book(book) as b:
        path = backup(b, target)
    typer.echo(f"Wrote {path}", err=True)


def contract_cmd(
    number: NumberArg,
    lang: LangOption = "fa,en",
    pdf: PdfFlag = False,
    out: Annotated[Path, typer.Option("--out", help="Folder for the documents.")] = Path("."),
    book: BookOption = None,
) -> None:
    """Contract, SLA and NDA from the accepted revision only (its number/rK and SHA-256 in each footer)."""
    from quoter.cli import _check_langs, _check_output_dir, _delivery
    from quoter.render.documents import render_documents

    langs = _check_langs(lang)
    _check_output_dir(out, "--out")
    with open_book(book) as b:
        r = b.accepted(number)
    with _delivery(out) as stage:
        for made in render_documents(r.data, langs=langs, only=["contract", "sla", "nda"], out_dir=stage.scratch(),
                                     pdf=pdf, stamp=r.stamp()):  # fmt: skip
            stage.adopt(made)
    for p in stage.written:
        typer.echo(f"Wrote {p}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(book_app, name="book")
    app.command("contract")(contract_cmd)
