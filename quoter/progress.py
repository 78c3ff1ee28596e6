"""Progress of the slow steps (shift planning, simulation, PDF conversion, history import), told to whoever
listens. The core never prints: it opens a :func:`step` and advances it; the command line listens
(:func:`listening`) and draws a progress bar on a terminal. With nobody listening a step costs nothing.

    with progress.step("simulate", total=weeks) as advance:
        for _ in range(weeks):
            ...
            advance()
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Event:
    """One report: a step started, advanced (``done`` of ``total``, None when unknown) or ended."""

    step: str
    kind: Literal["start", "advance", "end"]
    done: float = 0.0
    total: float | None = None


Listener = Callable[[Event], None]
_LISTENER: ContextVar[Listener | None] = ContextVar("quoter_progress_listener", default=None)


def _ignore(amount: float = 1.0) -> None:
    return None


@contextmanager
def step(name: str, total: float | None = None) -> Iterator[Callable[[float], None]]:
    """A slow step named ``name`` (a key the CLI words): yields ``advance(amount=1)``; ends on exit, error or not."""
    listener = _LISTENER.get()
    if listener is None:
        yield _ignore
        return
    done = 0.0
    listener(Event(name, "start", done, total))

    def advance(amount: float = 1.0) -> None:
        nonlocal done
        done += amount
        listener(Event(name, "advance", done, total))

    try:
        yield advance
    finally:
        listener(Event(name, "end", done, total))


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send the steps opened inside this block (in this thread or task) to ``listener``."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)
