"""Channels: a registry of plug-ins, one module per built-in channel (voice, chat, email, outbound).

A channel owns its section of the requirements file (``channels.<key>``: a pydantic model, extra keys
forbidden), how its volume and handle times scale in a scenario, and how its queues are sized per
interval (:meth:`Channel.plan`). The requirements model validates ``channels`` through this registry
and the staffing planner runs every registered channel the client asked for, in order.
"""

from __future__ import annotations

import importlib
import pkgutil

from quoter.channels.base import Channel, ChannelResult

_REGISTRY: dict[str, Channel] = {}


def register(channel: Channel, *, replace: bool = False) -> Channel:
    """Add a channel (returns it, so a module can write ``CHANNEL = register(Fax())``)."""
    if channel.key in _REGISTRY and not replace and _REGISTRY[channel.key] is not channel:
        raise ValueError(f"channel '{channel.key}' is registered already")
    if not channel.key.isidentifier():
        raise ValueError(f"channel key '{channel.key}' must be a Python identifier")
    _REGISTRY[channel.key] = channel
    return channel


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


def channels() -> tuple[Channel, ...]:
    """Every registered channel, in display order."""
    return tuple(sorted(_REGISTRY.values(), key=lambda c: (c.order, c.key)))


def channel_keys() -> tuple[str, ...]:
    return tuple(c.key for c in channels())


def get(key: str) -> Channel:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise KeyError(key) from None


def _discover() -> None:
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        channel = getattr(module, "CHANNEL", None)
        if channel is not None:
            register(channel)


_discover()

__all__ = ["Channel", "ChannelResult", "channel_keys", "channels", "get", "register", "unregister"]
