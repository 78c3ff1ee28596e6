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
    "load_requirements",
    "plan_staffing",
]

if TYPE_CHECKING:
    from .requirements import load_requirements
    from .staffing import plan_staffing

_LAZY = {
    "load_requirements": ("quoter.requirements", "load_requirements"),
    "plan_staffing": ("quoter.staffing", "plan_staffing"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'quoter' has no attribute {name!r}")
