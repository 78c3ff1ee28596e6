"""The tariff models: a registry of plugins, one module per built-in model, all sharing
:mod:`quoter.pricing.tariffs.base`'s shape.

A model has a key, names, an ``order``, its price-book section (``spec``: a pydantic model, or None),
a default risk premium, and ``price``/``bill``. The built-in models register themselves when this
package loads; :func:`register` adds another (a new file here, or a plugin of your own), and from then
on the price book validates its section, the quote prices it, and the workbook and the documents show it.
"""

from __future__ import annotations

from quoter.errors import NotApplicable
from quoter.pricing.tariffs.base import Basis, Model, Tariff
from quoter.registry import Registry

_REGISTRY: Registry[Model] = Registry("tariff model")
register = _REGISTRY.register
unregister = _REGISTRY.unregister
models = _REGISTRY.items  # every registered model, in display order
model_keys = _REGISTRY.keys
get = _REGISTRY.get


def price_all(basis: Basis) -> dict[str, Tariff]:
    """Every model that applies, priced from one basis, in display order (a model whose ``price`` raises
    :class:`~quoter.errors.NotApplicable` is left out: the quote, its scenarios, documents and workbook show
    the models priced)."""
    out: dict[str, Tariff] = {}
    for m in models():
        try:
            out[m.key] = m.price(basis)
        except NotApplicable:
            continue
    return out


_REGISTRY.discover(__name__, __path__, "MODEL")

__all__ = ["Basis", "Model", "Tariff", "get", "model_keys", "models", "price_all", "register", "unregister"]
