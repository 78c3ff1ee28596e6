"""Channels: a registry of plug-ins, one module per built-in channel (voice, chat, email, outbound).

A channel owns its section of the requirements file (``channels.<key>``: a pydantic model, extra keys
forbidden), how its volume and handle times scale in a scenario, and how its queues are sized per
interval (:meth:`Channel.plan`). The requirements model validates ``channels`` through this registry
and the staffing planner runs every registered channel the client asked for, in order.
"""

from __future__ import annotations

from quoter.channels.base import Channel, ChannelResult
from quoter.registry import Registry

_REGISTRY: Registry[Channel] = Registry("channel")
register = _REGISTRY.register
unregister = _REGISTRY.unregister
channels = _REGISTRY.items  # every registered channel, in display order
channel_keys = _REGISTRY.keys
get = _REGISTRY.get

_REGISTRY.discover(__name__, __path__, "CHANNEL")

__all__ = ["Channel", "ChannelResult", "channel_keys", "channels", "get", "register", "unregister"]
