"""The tariff models: a registry of plugins, one module per built-in model, all sharing
:mod:`quoter.pricing.tariffs.base`'s shape.

A model has a key, names, an ``order``, its price-book section (``spec``: a pydantic model, or None),
a default risk premium, and ``price``/``bill``. The built-in models register themselves when this
package loads; :func:`register` adds another (a new file here, or a plugin of your own), and from then
on the price book validates its section, the quote prices it, and the workbook and the documents show it.
"""

from __future__ import annotations

import importlib
import pkgutil

from quoter.pricing.tariffs.base import Basis, Model, Tariff

_REGISTRY: dict[str, Model] = {}


def register(model: Model, *, replace: bool = False) -> Model:
    """Add a tariff model (returns it, so a module can write ``MODEL = register(PerDay())``)."""
    if model.key in _REGISTRY and not replace and _REGISTRY[model.key] is not model:
        raise ValueError(f"tariff model '{model.key}' is registered already")
    if not model.key.isidentifier():
        raise ValueError(f"tariff model key '{model.key}' must be a Python identifier (it names cells and fields)")
    _REGISTRY[model.key] = model
    return model


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


def models() -> tuple[Model, ...]:
    """Every registered model, in display order."""
    return tuple(sorted(_REGISTRY.values(), key=lambda m: (m.order, m.key)))


def model_keys() -> tuple[str, ...]:
    return tuple(m.key for m in models())


def get(key: str) -> Model:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise KeyError(key) from None


def price_all(basis: Basis) -> dict[str, Tariff]:
    """Every model priced from one basis, in display order."""
    return {m.key: m.price(basis) for m in models()}


def _discover() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        model = getattr(module, "MODEL", None)
        if model is not None:
            register(model)


_discover()

__all__ = ["Basis", "Model", "Tariff", "get", "model_keys", "models", "price_all", "register", "unregister"]
