"""``quoter history FILE...``: the client's own history (queue_log, CDR, interval CSV) measured, and optionally
written into a requirements file (docs/history.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from quoter.commands.common import JsonFlag, echo_json, num, pct, plain_table
from quoter.errors import InputError


def _mapping(text: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, sep, column = part.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise InputError(f"--map: '{part}' is not KEY=COLUMN (e.g. offered=Calls)")
        out[key.strip().lower()] = column.strip()
    return out


def summary(h: Any) -> str:
    rows = [
        [q.queue, num(q.contacts_per_week, ".0f"), num(q.contacts_per_month, ".0f"), num(q.aht_seconds),
         pct(q.abandon_rate), pct(q.service_level), num(q.asa_seconds), num(q.patience_seconds),
         "-" if q.patience_ci is None else f"{q.patience_ci[0]:.0f}-{q.patience_ci[1]:.0f}",
         pct(q.short_abandon_share)]
        for q in [*h.queues, *([h.total] if len(h.queues) > 1 else [])]
    ]  # fmt: skip
    head = ["queue", "calls/week", "calls/month", "AHT s", "abandon", f"SL {h.total.answer_seconds:g}s", "ASA s",
            "patience s", "95% CI", "short ab."]  # fmt: skip
    lines = [f"History {h.first_date} to {h.last_date} ({', '.join(h.sources)}, {h.timezone}, "
             f"AHT = {' + '.join(h.aht_parts)})", plain_table(head, rows), f"Forecast: {h.forecast_note}"]  # fmt: skip
    if h.forecast is not None and h.forecast.mape is not None:
        lines.append(f"  hold-out error (MAPE, last {h.forecast.holdout_months} months): {pct(h.forecast.mape)}")
    for p in h.problems:
        where = ", ".join(p.names) if p.names else ", ".join(map(str, p.lines))
        lines.append(f"Problem: {p.kind}: {p.count} {p.message}" + (f" ({where})" if where else ""))
    return "\n".join(lines)


def history_cmd(
    files: Annotated[list[Path], typer.Argument(help="queue_log, Master.csv or interval CSV files.")],
    fmt: Annotated[str, typer.Option("--format", help="auto, csv, queue_log or cdr.")] = "auto",
    timezone: Annotated[str, typer.Option("--timezone", help="The phone system's clock.")] = "Asia/Tehran",
    interval: Annotated[int, typer.Option("--interval", help="Interval, minutes: 15, 30 or 60.")] = 30,
    answer_seconds: Annotated[float, typer.Option("--answer-seconds", help="Service-level answer time, s.")] = 20,
    mapping: Annotated[str | None, typer.Option("--map", help="CSV columns: offered=Calls,aht=AHT...")] = None,
    as_json: JsonFlag = False,
    chart: Annotated[Path | None, typer.Option("--chart", help="Draw the weekly profile (.png/.svg).")] = None,
    write: Annotated[Path | None, typer.Option("--write", help="Create or update a requirements file.")] = None,
    queue: Annotated[str | None, typer.Option("--queue", help="With --write: one queue (default: all).")] = None,
    client: Annotated[str, typer.Option("--client", help="With --write, a new file's client name.")] = "Client",
) -> None:
    """Measure the client's own history: volumes, shapes, AHT, service, patience; a forecast."""
    from quoter.history import analyse
    from quoter.history.chart import history_chart
    from quoter.history.write import write_requirements
    from quoter.outputs import Staging

    h = analyse(files, fmt, timezone, interval, answer_seconds, _mapping(mapping))
    targets = [p for p in (chart, write) if p is not None]
    if targets:
        with Staging(targets[0].parent) as stage:
            if chart is not None:
                history_chart(h, stage.path(chart.name, target=chart))
            if write is not None:
                write_requirements(write, h, queue, client, out=stage.path(write.name, target=write))
        for path in stage.written:
            typer.echo(f"Wrote {path}", err=True)
    if as_json:
        echo_json(h.to_dict())
    else:
        typer.echo(summary(h))


def register(app: typer.Typer) -> None:
    app.command("history")(history_cmd)
