"""A registry of plug-ins (tariff models, channels): keyed, ordered, filled from a package's modules.

Each plug-in has a ``key`` (a Python identifier: it names workbook cells and JSON fields) and an ``order``
(display order). A package registers every module of its own that defines the given attribute
(``MODEL``, ``CHANNEL``); other code adds more with :meth:`Registry.register`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class Plugin(Protocol):
    key: str
    order: int


P = TypeVar("P", bound=Plugin)


class Registry(Generic[P]):
    def __init__(self, what: str) -> None:
        self.what = what  # "tariff model", "channel": for messages
        self._items: dict[str, P] = {}

    def register(self, item: P, *, replace: bool = False) -> P:
        """Add ``item`` (returned, so a module can write ``MODEL = register(PerDay())``)."""
        if item.key in self._items and not replace and self._items[item.key] is not item:
            raise ValueError(f"{self.what} '{item.key}' is registered already")
        if not item.key.isidentifier():
            raise ValueError(f"{self.what} key '{item.key}' must be a Python identifier (it names cells and fields)")
        self._items[item.key] = item
        return item

    def unregister(self, key: str) -> None:
        self._items.pop(key, None)

    def items(self) -> tuple[P, ...]:
        """Every registered plug-in, in display order."""
        return tuple(sorted(self._items.values(), key=lambda p: (p.order, p.key)))

    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.items())

    def get(self, key: str) -> P:
        try:
            return self._items[key]
        except KeyError:
            raise KeyError(key) from None

    def discover(self, package: str, path: Iterable[str], attribute: str) -> None:
        """Register the ``attribute`` of every module of ``package`` (but ``base``) that defines it."""
        for info in pkgutil.iter_modules(path):
            if info.name == "base":
                continue
            module = importlib.import_module(f"{package}.{info.name}")
            item = getattr(module, attribute, None)
            if item is not None:
                self.register(item)
