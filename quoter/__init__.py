"""quoter: staffing, pricing and documents for call-center outsourcing quotes.

The library never prints and never exits; ``quoter.cli`` is a thin layer over it.
Heavy modules load on first use, so ``import quoter`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quoter.errors import DomainError, InfeasibleError, InputError, QuoterError, TemplateError

__version__ = "0.1.0"

__all__ = [
    "DomainError",
    "InfeasibleError",
    "InputError",
    "QuoterError",
    "TemplateError",
    "build_quote",
    "load_price_book",
    "load_quote",
    "load_requirements",
    "plan_shifts",
    "plan_staffing",
]

if TYPE_CHECKING:
    from quoter.inputs.pricebook import load_price_book
    from quoter.inputs.requirements import load_requirements
    from quoter.quote.pipeline import build_quote, load_quote
    from quoter.shifts.solver import plan_shifts
    from quoter.staffing.planner import plan_staffing

_LAZY = {
    "build_quote": ("quoter.quote.pipeline", "build_quote"),
    "load_price_book": ("quoter.inputs.pricebook", "load_price_book"),
    "load_quote": ("quoter.quote.pipeline", "load_quote"),
    "load_requirements": ("quoter.inputs.requirements", "load_requirements"),
    "plan_shifts": ("quoter.shifts.solver", "plan_shifts"),
    "plan_staffing": ("quoter.staffing.planner", "plan_staffing"),
}


def __getattr__(name: str) -> Any:
    if name == "erlang":  # ``from quoter import erlang``: the engine (README)
        import importlib

        return importlib.import_module("quoter.staffing.erlang")
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'quoter' has no attribute {name!r}")
