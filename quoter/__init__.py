"""quoter: staffing, pricing and documents for call-center outsourcing quotes.

The library never prints and never exits; ``quoter.cli`` is a thin layer over it.
Heavy modules load on first use, so ``import quoter`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import DomainError, InfeasibleError, InputError, QuoterError, TemplateError

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
    from .pricebook import load_price_book
    from .quote import build_quote, load_quote
    from .requirements import load_requirements
    from .shifts import plan_shifts
    from .staffing import plan_staffing

_LAZY = {
    "build_quote": ("quoter.quote", "build_quote"),
    "load_price_book": ("quoter.pricebook", "load_price_book"),
    "load_quote": ("quoter.quote", "load_quote"),
    "load_requirements": ("quoter.requirements", "load_requirements"),
    "plan_shifts": ("quoter.shifts", "plan_shifts"),
    "plan_staffing": ("quoter.staffing", "plan_staffing"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'quoter' has no attribute {name!r}")
