"""What every command shares: JSON output, percentages and plain-text tables, and the common options."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer

ReqPath = Annotated[Path, typer.Argument(help="Requirements YAML file (see docs/requirements.md).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print everything as JSON.")]
LangOption = Annotated[str, typer.Option("--lang", help="Document languages, comma-separated: fa,en.")]
PdfFlag = Annotated[bool, typer.Option("--pdf", help="Also convert the documents to PDF (needs LibreOffice).")]


def finite(data: Any) -> Any:
    """JSON has no infinity: an unstable queue's endless wait becomes null."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [finite(v) for v in data]
    return data


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(finite(data), ensure_ascii=False, indent=2, default=str))


def pct(x: float | None) -> str:
    return "-" if x is None else f"{x * 100:.1f}%"


def num(x: float | None, fmt: str = ".1f") -> str:
    return "-" if x is None else format(x, fmt)


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) if i < 2 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths, strict=True)))
    out = [line, "-" * len(line)]
    for r in rows:
        out.append(
            "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        )
    return "\n".join(out)


def plain_table(headers: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A table whose first ``left`` columns are left-aligned and the rest right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        return "  ".join(c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in pairs).rstrip()

    line = fmt(headers)
    return "\n".join([line, "-" * len(line), *(fmt(r) for r in rows)])
