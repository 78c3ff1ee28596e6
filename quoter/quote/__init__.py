"""The quote: the pipeline that runs the stages in one straight line (inputs -> staffing -> shifts ->
pricing -> scenarios -> recommendation), the result, and saving and loading ``quote.json``.
"""

from __future__ import annotations

from typing import Any

_FACE = {"build_quote", "load_quote", "requote", "save_quote", "Quote"}


def __getattr__(name: str) -> Any:
    if name in _FACE:
        from quoter.quote import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'quoter.quote' has no attribute {name!r}")
