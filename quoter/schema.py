"""JSON Schemas of quoter's documents: the quote (``quote.json``), the requirements file and the price book.

``schema(name)`` builds one from its pydantic model (validation mode: what the file may hold);
``python -m quoter.schema --write docs/schema`` writes ``<name>.schema.json`` for every name, and
``python -m quoter.schema NAME`` prints one. The committed files in docs/schema/ are checked against
these models by tests/test_schema.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quoter.errors import InputError

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
WRITE_COMMAND = "python -m quoter.schema --write docs/schema"


def _models() -> dict[str, tuple[type[BaseModel], str, str]]:
    from quoter.inputs.pricebook import PriceBook
    from quoter.inputs.requirements import Requirements
    from quoter.quote.model import QuoteDoc

    return {
        "quote": (QuoteDoc, "Quote", "A saved quote (quote.json), schema quoter.quote/1: see docs/quote-json.md."),
        "requirements": (Requirements, "Requirements", "A client's requirements file: see docs/requirements.md."),
        "price-book": (PriceBook, "Price book", "A provider's price book: see docs/pricing.md."),
    }


NAMES: tuple[str, ...] = ("quote", "requirements", "price-book")


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of document ``name`` (``quote``, ``requirements`` or ``price-book``)."""
    models = _models()
    if name not in models:
        raise InputError(f"schema: '{name}' is not one of {', '.join(NAMES)}")
    model, title, description = models[name]
    body = model.model_json_schema(mode="validation")
    body.pop("title", None)
    body.pop("description", None)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:quoter:schema:{name}",
        "title": title,
        "description": description,
        **body,
    }


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def render(name: str) -> str:
    """The text of ``<name>.schema.json`` exactly as committed (2-space indent, UTF-8, final newline)."""
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def write_all(out_dir: str | Path) -> list[Path]:
    """Write every schema into ``out_dir`` (created if needed); return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in NAMES:
        p = out / file_name(name)
        p.write_text(render(name), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quoter.schema", description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", help=f"print one schema: {', '.join(NAMES)}")
    parser.add_argument("--write", metavar="DIR", help="write <name>.schema.json for every document into DIR")
    args = parser.parse_args(argv)
    try:
        if args.write:
            for p in write_all(args.write):
                print(p)
        elif args.name:
            sys.stdout.write(render(args.name))
        else:
            parser.error("give a schema name or --write DIR")
    except InputError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
