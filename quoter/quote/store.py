"""quote.json on disk: written atomically with an integrity hash, read back with exact decimals, checked
against the typed quote, and refused when it was changed after it was saved.

``save_quote`` adds ``sha256``: the SHA-256 of the canonical JSON of the rest of the quote (keys sorted,
no whitespace, UTF-8, JSON numbers as written). ``load_quote`` refuses, with an :class:`InputError`
naming the field, a file larger than ``QUOTE_JSON_MAX_BYTES``, nested deeper than ``QUOTE_JSON_MAX_DEPTH``
(checked by a cheap scan before parsing), with ``NaN``/``Infinity`` or out-of-range number literals,
truncated, of the wrong shape or types, and a file whose ``sha256`` is missing or does not match.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from quoter.errors import InputError
from quoter.limits import (
    QUOTE_JSON_MAX_BYTES,
    QUOTE_JSON_MAX_DEPTH,
    QUOTE_JSON_MAX_EXPONENT,
    QUOTE_JSON_MAX_NUMBER_CHARS,
)
from quoter.quote.result import SCHEMA, Quote

HASH_KEY = "sha256"


def save_quote(quote: Quote | dict[str, Any], out_dir: str | Path) -> Path:
    """Write ``quote.json`` (with its ``sha256``) into ``out_dir`` (created if needed), all or nothing."""
    from quoter.outputs import Staging

    data = sealed(quote.to_dict() if isinstance(quote, Quote) else quote)
    with Staging(out_dir) as stage:
        staged = stage.path("quote.json")
        staged.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return stage.written[0]


def sealed(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``sha256`` (re)computed and written last: what :func:`save_quote` saves."""
    rest = {k: v for k, v in data.items() if k != HASH_KEY}
    as_read = json.loads(json.dumps(rest, ensure_ascii=False), parse_float=Decimal)  # hashed as load_quote sees it
    return {**rest, HASH_KEY: content_sha256(as_read)}


def content_sha256(data: dict[str, Any]) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``data`` without its ``sha256`` key."""
    rest = {k: v for k, v in data.items() if k != HASH_KEY}
    text = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_number_text)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _number_text(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"#{value}"  # a JSON number read as Decimal; '#' keeps it apart from the string "0.1"
    raise TypeError(f"not JSON: {type(value).__name__}")


def load_quote(path: str | Path) -> dict[str, Any]:
    """A saved quote dict, with JSON numbers read as Decimal (money is already in decimal strings).

    The ``sha256`` is checked and removed: the dict returned is the one the engine wrote.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "quote.json"
    text = _read(p)
    if _too_deep(text, QUOTE_JSON_MAX_DEPTH):
        raise InputError(f"{p}: nested deeper than {QUOTE_JSON_MAX_DEPTH} levels; not a quote saved by quoter")
    try:
        data = json.loads(text, parse_float=_float, parse_int=_int, parse_constant=_Bad)
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:  # the scan above keeps this from happening; belt and braces
        raise InputError(f"{p}: nested too deeply; not a quote saved by quoter") from None
    bad = list(_bad_numbers(data, ""))
    if bad:
        raise InputError(f"{p}: numbers quoter never writes", bad)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{p}: not a quote saved by quoter (schema {SCHEMA})")
    from quoter.quote.model import validate_quote

    validate_quote(data, source=str(p))  # every field checked against the typed quote (docs/schema)
    saved = data.pop(HASH_KEY, None)
    if saved is None:
        raise InputError(f"{p}: has no sha256 (saved by an older quoter): re-save it with "
                         "`quoter quote ... --out` or `quoter requote` before using it")  # fmt: skip
    if saved != content_sha256(data):
        raise InputError(f"{p}: the content does not match its sha256: the file was changed after it was saved")
    return data


def _read(p: Path) -> str:
    try:
        if not p.is_file():
            if not p.exists():
                raise InputError(f"quote file not found: {p}")
            raise InputError(f"cannot read quote file {p}: not a regular file")
        with open(p, "rb") as fh:
            raw = fh.read(QUOTE_JSON_MAX_BYTES + 1)
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise InputError(f"cannot read quote file {p}: {exc}") from None
    if len(raw) > QUOTE_JSON_MAX_BYTES:
        raise InputError(f"{p}: larger than {QUOTE_JSON_MAX_BYTES:,} bytes; not a quote saved by quoter")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read quote file {p}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _too_deep(text: str, limit: int) -> bool:
    """True if arrays and objects nest deeper than ``limit`` (strings skipped): linear, no recursion."""
    depth = 0
    for m in _BRACKET.finditer(_STRING.sub('""', text)):
        if m.group() in "[{":
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


class _Bad:
    """A number literal quoter never writes (NaN, Infinity, too long, exponent out of range), found later by path."""

    def __init__(self, text: str) -> None:
        self.text = text


def _float(text: str) -> Decimal | _Bad:
    if len(text) > QUOTE_JSON_MAX_NUMBER_CHARS:
        return _Bad(text[:20] + "...")
    try:
        d = Decimal(text)
    except InvalidOperation:
        return _Bad(text)
    if not d.is_finite() or abs(d.adjusted()) > QUOTE_JSON_MAX_EXPONENT:
        return _Bad(text)
    return d


def _int(text: str) -> int | _Bad:
    if len(text) > QUOTE_JSON_MAX_NUMBER_CHARS:
        return _Bad(text[:20] + "...")
    return int(text)


def _bad_numbers(value: Any, where: str) -> Any:
    if isinstance(value, _Bad):
        yield f"{where or '(top)'}: the number {value.text} is out of range (NaN, Infinity, huge numbers)"
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _bad_numbers(v, f"{where}.{k}" if where else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _bad_numbers(v, f"{where}[{i}]")
