"""A filled form read back: cells found by their defined names, values read as the model expects them, then
validated by the requirements model; every problem named by sheet and cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.render.intake import cells
from quoter.render.intake.fields import CHANNELS, DAYS, FIELDS
from quoter.render.intake.form import HISTORY_COLUMNS, HOURS_CHOICE, Cell, Filled


def _cells(wb: Any, name: str) -> tuple[Cell, list[Any]]:
    """The cell (or range) a defined name points at, and its values (a flat list)."""
    if name not in wb.defined_names:
        raise InputError(f"the form has no cell named {name} (a form from another quoter version?)")
    sheet, ref = next(iter(wb.defined_names[name].destinations))
    got = wb[sheet][ref]
    flat = [c.value for row in got for c in row] if isinstance(got, tuple) else [got.value]
    return Cell(sheet, ref.replace("$", "")), flat


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for p in parts[:-1]:
        data = data.setdefault(p, {})
    data[parts[-1]] = value


def read_cells(wb: Any, path: Path) -> Filled:
    """Every input of workbook ``wb`` into a :class:`Filled` (not validated yet)."""
    meta = wb["quoter"] if "quoter" in wb.sheetnames else None
    out = Filled(lang=str(meta["B2"].value) if meta is not None and meta["B2"].value in ("en", "fa") else "en")
    by_day = False
    for f in FIELDS:
        where, (value,) = _cells(wb, f.name)
        if cells.empty(value):
            continue
        if f.path == "service.hours":
            text = cells.latin(str(value))
            by_day = text not in ("24/7", "24x7", *(cells.latin(c[0]) for c in HOURS_CHOICE.values()))
            if not by_day:
                _set(out.data, f.path, "24/7")
            out.where[f.path] = where
            continue
        _set(out.data, f.path, cells.read(f, value))
        out.where[f.path] = where
    _read_hours(wb, out, by_day)
    _read_languages(wb, out)
    out.history = _read_history(wb, out)
    _keep_filled_channels(out)
    return out


def _read_hours(wb: Any, out: Filled, by_day: bool) -> None:
    for owner in ("service", *CHANNELS):
        prefix = "service_hours" if owner == "service" else f"channels_{owner}_hours"
        per_day: dict[str, Any] = {}
        first: Cell | None = None
        for day in DAYS:
            where, (value,) = _cells(wb, f"{prefix}_{day}")
            first = first or where
            if not cells.empty(value):
                per_day[day] = cells.day_ranges(value)
        if not per_day or (owner == "service" and out.data.get("service", {}).get("hours") == "24/7"):
            continue
        path = "service.hours" if owner == "service" else f"channels.{owner}.hours"
        assert first is not None
        _set(out.data, path, cells.group_days(per_day))
        out.where[path] = Cell(first.sheet, f"{first.ref}:{first.ref[0]}{int(first.ref[1:]) + 6}")
    if by_day and "hours" not in out.data.get("service", {}):
        out.problems.append(f"{out.where.get('service.hours', '')}: opening hours 'by day' but the Hours sheet's "
                            "service column is empty")  # fmt: skip


def _read_languages(wb: Any, out: Filled) -> None:
    codes_at, codes = _cells(wb, "languages_code")
    share_at, shares = _cells(wb, "languages_share")
    pool_at, pools = _cells(wb, "pools")
    column = {ch: _cells(wb, f"channels_{ch}_languages") for ch in CHANNELS}
    top: dict[str, Any] = {}
    groups: dict[str, list[str]] = {}
    per_channel: dict[str, dict[str, Any]] = {ch: {} for ch in CHANNELS}
    row0 = int(codes_at.ref.split(":")[0][1:])
    for i, raw in enumerate(codes):
        code = "" if cells.empty(raw) else cells.latin(str(raw))
        filled = [not cells.empty(v[i]) for v in (shares, pools, *(c[1] for c in column.values()))]
        if not code:
            if any(filled):
                out.problems.append(f"{codes_at.sheet}!A{row0 + i}: a language row without its code")
            continue
        top[code] = cells.number(shares[i]) if not cells.empty(shares[i]) else None
        if not cells.empty(pools[i]):
            groups.setdefault(cells.latin(str(pools[i])), []).append(code)
        for ch, (_, vals) in column.items():
            if not cells.empty(vals[i]):
                per_channel[ch][code] = cells.number(vals[i])
    if top:
        out.data["languages"], out.where["languages"] = top, share_at
    if groups:
        out.data["pools"], out.where["pools"] = list(groups.values()), pool_at
    for ch, shares_ in per_channel.items():
        if shares_:
            _set(out.data, f"channels.{ch}.languages", shares_)
            out.where[f"channels.{ch}.languages"] = column[ch][0]


def _read_history(wb: Any, out: Filled) -> list[dict[str, Any]]:
    """The interval history rows (date, start, channel, offered, answered, aht_seconds), each one checked."""
    where, values = _cells(wb, "history")
    width, row0 = len(HISTORY_COLUMNS), int(where.ref.split(":")[0][1:])
    rows: list[dict[str, Any]] = []
    for i in range(0, len(values), width):
        raw = values[i : i + width]
        if all(cells.empty(v) for v in raw):
            continue
        row = dict(zip(HISTORY_COLUMNS, raw, strict=True))
        ref = f"{where.sheet}!A{row0 + i // width}"
        row["date"] = cells.date(row["date"]) if not cells.empty(row["date"]) else None
        row["start"] = cells.latin(str(row["start"] or ""))
        row["channel"] = cells.latin(str(row["channel"] or "")).lower()
        for key in ("offered", "answered", "aht_seconds"):
            row[key] = None if cells.empty(row[key]) else cells.number(row[key])
        problem = _history_problem(row)
        if problem:
            out.problems.append(f"{ref}: interval history: {problem}")
        rows.append(row)
    return rows


def _history_problem(row: dict[str, Any]) -> str | None:
    from quoter.calendar import parse_time
    from quoter.inputs.requirements import parse_start_date

    try:
        parse_start_date(str(row["date"] or ""))
        parse_time(row["start"])
    except ValueError as exc:
        return str(exc)
    if row["channel"] not in CHANNELS:
        return f"channel '{row['channel']}' is not one of {', '.join(CHANNELS)}"
    for key in ("offered", "answered", "aht_seconds"):
        v = row[key]
        if v is not None and (not isinstance(v, int | float) or isinstance(v, bool) or v < 0):
            return f"{key}: {v!r} is not a number of at least 0"
    if row["offered"] is None:
        return "offered: the number of contacts is missing"
    return None


def _keep_filled_channels(out: Filled) -> None:
    """A channel whose cells are all empty is not asked for: its section is left out (voice is required, so an
    empty voice section is reported by the model)."""
    channels = out.data.get("channels", {})
    out.data["channels"] = {k: v for k, v in channels.items() if v}
    out.data["channels"].setdefault("voice", {})


def where_of(filled: Filled, path: str) -> str:
    """The cell a problem at ``path`` is shown on: the path's own cell, its nearest parent's, or the first cell
    of the section it names."""
    probe = path
    while probe:
        if probe in filled.where:
            return str(filled.where[probe])
        probe = probe.rpartition(".")[0]
    inside = [str(c) for p, c in filled.where.items() if p.startswith(path + ".")]
    if inside:
        return inside[0]
    from quoter.render.intake.form import names

    field = next((f for f in FIELDS if f.path.startswith(path + ".") or f.path == path), None)
    return str(names(filled.lang)[field.name]) if field is not None else "form"


def validate_filled(filled: Filled, path: Path) -> Any:
    """The Requirements of a read form; InputError listing every problem as ``Sheet!B7 (path): message``."""
    from pydantic import ValidationError

    from quoter.inputs.requirements import Requirements
    from quoter.inputs.yamlio import format_errors

    problems = list(filled.problems)
    try:
        req = Requirements.model_validate(filled.data)
    except ValidationError as exc:
        for text in format_errors(exc, Requirements, {}):
            where, _, msg = text.partition(": ")
            problems.append(f"{where_of(filled, where)} ({where}): {msg}")
        req = None
    if problems:
        n = len(problems)
        raise InputError(f"{path}: {n} problem{'s' if n > 1 else ''}", problems)
    return req
