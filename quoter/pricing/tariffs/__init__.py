"""The tariff models: one module per model, all sharing :mod:`quoter.tariffs.base`'s shape.

``MODELS`` lists every module's ``MODEL`` in their ``order``; adding a model is adding a file.
"""

from __future__ import annotations

import importlib
import pkgutil

from quoter.pricing.tariffs.base import Basis, Model, Tariff


def _discover() -> tuple[Model, ...]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        model = getattr(module, "MODEL", None)
        if model is not None:
            found.append(model)
    return tuple(sorted(found, key=lambda m: m.order))


MODELS: tuple[Model, ...] = _discover()
KEYS: tuple[str, ...] = tuple(m.key for m in MODELS)


def get(key: str) -> Model:
    for m in MODELS:
        if m.key == key:
            return m
    raise KeyError(key)


def price_all(basis: Basis) -> dict[str, Tariff]:
    """Every model priced from one basis, in display order."""
    return {m.key: m.price(basis) for m in MODELS}


__all__ = ["KEYS", "MODELS", "Basis", "Model", "Tariff", "get", "price_all"]
