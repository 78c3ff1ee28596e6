"""Where a quote comes from: a ``quote.json`` saved by ``quoter quote --out``, or a requirements file.

A requirements file (YAML) is priced on the fly by the quote engine; a ``quote.json`` is read as saved by
:func:`quoter.quote.load_quote`, with decimals kept exact (``Decimal``, never float).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def quote_source(path: str | Path, price_book: str | None = None) -> dict[str, Any]:
    """The quote dict of a saved ``quote.json`` (or its folder), or of a requirements ``.yaml`` priced now."""
    from quoter.quote.pipeline import build_quote
    from quoter.quote.store import load_quote

    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        return build_quote(p, price_book).to_dict()
    return load_quote(p)
