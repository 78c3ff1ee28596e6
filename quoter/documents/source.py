"""Where a quote comes from: a ``quote.json`` saved by ``quoter quote --out``, or a requirements file.

A requirements file (YAML) is priced on the fly by the quote engine; a ``quote.json`` is read as saved, with
decimals kept exact (``Decimal``, never float).
"""

from __future__ import annotations

import importlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import InputError

QUOTE_ENGINE = ("quoter.quote", "build_quote")
"""Module and function that price a requirements file: ``build_quote(path) -> dict`` (the quote.json dict)."""


def load_quote(path: str | Path) -> dict[str, Any]:
    """The quote dict of a ``.json`` file, or of a requirements ``.yaml``/``.yml`` file priced by the engine."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() in (".yaml", ".yml"):
        return _quote_requirements(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: a quote file holds a JSON object, not {type(data).__name__}")
    return data


def _quote_requirements(path: Path) -> dict[str, Any]:
    module_name, function = QUOTE_ENGINE
    try:
        build_quote = getattr(importlib.import_module(module_name), function)
    except (ImportError, AttributeError):
        raise InputError(
            f"{path}: pricing a requirements file needs the quote engine, which this version lacks; "
            "pass a quote.json saved by `quoter quote --out` instead"
        ) from None
    quote = build_quote(path)
    return quote if isinstance(quote, dict) else quote.to_dict()
