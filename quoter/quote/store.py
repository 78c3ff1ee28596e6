"""quote.json on disk: written atomically, read back with exact decimals and checked against the typed quote."""

from __future__ import annotations

import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.quote.result import SCHEMA, Quote


def save_quote(quote: Quote | dict[str, Any], out_dir: str | Path) -> Path:
    """Write ``quote.json`` into ``out_dir`` (created if needed) atomically: a temp file, then a rename."""
    data = quote.to_dict() if isinstance(quote, Quote) else quote
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "quote.json"
    fd, tmp = tempfile.mkstemp(prefix=".quote-", suffix=".json", dir=out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_quote(path: str | Path) -> dict[str, Any]:
    """A saved quote dict, with JSON numbers read as Decimal (money is already in decimal strings)."""
    p = Path(path)
    if p.is_dir():
        p = p / "quote.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise InputError(f"quote file not found: {p}") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise InputError(f"cannot read quote file {p}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{p}: not a quote saved by quoter (schema {SCHEMA})")
    from quoter.quote.model import validate_quote

    validate_quote(data, source=str(p))  # every field checked against the typed quote (docs/schema)
    return data
