"""The shape every channel shares: its requirements section, how it scales, and how it is sized."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import BaseModel, model_validator

from quoter.calendar import WEEKS_PER_MONTH_F
from quoter.inputs.requirements import Strict

if TYPE_CHECKING:
    from quoter.staffing.planner import PlanContext
    from quoter.staffing.result import PoolSaving, QueuePlan


@dataclass
class ChannelResult:
    """A channel's queues, what pooling saved, and the Erlangs it puts on telephone lines per interval."""

    queues: list[QueuePlan] = field(default_factory=list)
    savings: list[PoolSaving] = field(default_factory=list)
    line_load: list[float] | None = None


class Channel(Protocol):
    """A contact channel: ``key`` (the requirements' ``channels.<key>``), display ``order``, its section's
    model ``spec``, whether every quote needs it (``required``), the spec fields that scale with volume
    and with handle time, and the sizing of its queues."""

    key: str
    order: int
    spec: type[BaseModel]
    required: bool
    volume_fields: tuple[str, ...]
    time_fields: tuple[str, ...]

    def plan(self, ctx: PlanContext, spec: Any, compare_pools: bool) -> ChannelResult: ...


def scale(channel: Channel, spec: BaseModel, volume: float, aht: float) -> BaseModel:
    """``spec`` with its volumes times ``volume`` and its handle times times ``aht`` (absent ones stay absent)."""
    update: dict[str, object] = {}
    for names, factor in ((channel.volume_fields, volume), (channel.time_fields, aht)):
        for name in names:
            value = getattr(spec, name)
            if value is not None:
                update[name] = value * factor
    return spec.model_copy(update=update)


class Volume(Strict):
    """Monthly or weekly volume; exactly one of them (``month_key`` / ``week_key`` name the fields)."""

    month_key: ClassVar[str] = ""
    week_key: ClassVar[str] = ""

    def per_week(self) -> float:
        month, week = getattr(self, self.month_key), getattr(self, self.week_key)
        return float(week) if week is not None else float(month) / WEEKS_PER_MONTH_F

    @model_validator(mode="after")
    def _one_volume(self) -> Volume:
        month, week = getattr(self, self.month_key), getattr(self, self.week_key)
        if (month is None) == (week is None):
            raise ValueError(f"give exactly one of {self.month_key} or {self.week_key}")
        return self
