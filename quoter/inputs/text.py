"""Free text that reaches a Word contract or an Excel workbook, cleaned in one place.

* :data:`Text` (notes, descriptions): whitespace trimmed; control characters refused (C0 except tab and
  newline, DEL and C1, U+FFFE/U+FFFF, lone surrogates): Word and Excel files cannot hold them, or show
  them as nothing.
* :data:`Name` (names, titles, addresses, identifiers of the parties): as :data:`Text`, and the bidi
  embedding, override and isolate controls U+202A-U+202E and U+2066-U+2069 are refused too: they can make
  a contract read differently on screen than in the file. ZWNJ (U+200C), which Persian writing needs, and
  the plain direction marks LRM/RLM (U+200E/U+200F) stay allowed.
* :data:`RequiredName`: a :data:`Name` that is not empty once trimmed.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


def _bad_control(ch: str) -> bool:
    c = ord(ch)
    return (c < 0x20 and ch not in "\t\n") or 0x7F <= c <= 0x9F or c in (0xFFFE, 0xFFFF) or 0xD800 <= c <= 0xDFFF


def clean_text(value: str) -> str:
    """``value`` trimmed; ValueError naming the first control character it holds."""
    for i, ch in enumerate(value):
        if _bad_control(ch):
            raise ValueError(f"contains the control character U+{ord(ch):04X} at position {i + 1}")
    return value.strip()


def clean_name(value: str) -> str:
    """:func:`clean_text`, refusing bidi embedding, override and isolate characters too."""
    value = clean_text(value)
    for i, ch in enumerate(value):
        if ch in BIDI_CONTROLS:
            raise ValueError(
                f"contains the bidi control U+{ord(ch):04X} at position {i + 1} "
                "(it can make the text read differently on screen than in the file)"
            )
    return value


def required_name(value: str) -> str:
    """:func:`clean_name`, refusing an empty or whitespace-only name."""
    value = clean_name(value)
    if not value:
        raise ValueError("must not be empty or only whitespace")
    return value


Text = Annotated[str, AfterValidator(clean_text)]
Name = Annotated[str, AfterValidator(clean_name)]
RequiredName = Annotated[str, AfterValidator(required_name)]
