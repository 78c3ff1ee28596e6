"""Command groups beyond the core commands of :mod:`quoter.cli`: one module per group, each with a
``register(app)`` that adds its commands (or a sub-app) to the main typer app.

Modules here are found by name, so a new group is one new file. They must import their heavy modules
inside the commands, like :mod:`quoter.cli`, so that ``quoter --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register_all(app: Any) -> None:
    """Call ``register(app)`` of every module of this package (but ``common``), in name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name != "common":
            importlib.import_module(f"{__name__}.{info.name}").register(app)
