"""Result types of the staffing planner: immutable, plain, serialisable.

A week is the Iranian week, Saturday first. Interval ``i`` of a queue starts
``i * interval_minutes`` minutes after Saturday 00:00 local time; every queue has all
``7 * 1440 / interval_minutes`` intervals, closed ones with zero contacts and zero agents.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class IntervalResult:
    """One interval of one queue. ``agents`` are required (productive) agents, before shrinkage.

    For workload-sized queues (email, outbound) ``agents`` is a fractional agent count.
    """

    day: str  # "sat" .. "fri"
    start: str  # "HH:MM"
    calls: float  # contacts offered in the interval
    agents: float
    service_level: float | None
    asa_seconds: float | None
    abandon_rate: float | None
    occupancy: float | None


@dataclass(frozen=True)
class QueuePlan:
    """Staffing of one queue: one channel for one language or one pool of languages."""

    channel: str  # voice | chat | email | outbound
    language: str  # "fa", or a pool joined with "+", e.g. "en+ar"
    languages: tuple[str, ...]
    model: str  # erlang_c | erlang_a | chat_erlang_c | workload
    sl_definition: str
    aht_seconds: float  # handle time per contact (outbound: per attempt)
    contacts_week: float
    intervals: tuple[IntervalResult, ...]
    agent_hours_week: float  # required productive agent-hours per week
    scheduled_hours_week: float  # agent_hours_week / (1 - shrinkage)
    fte: float  # scheduled_hours_week / hours_per_fte_week
    peak_agents: int  # most agents needed at once (rounded up for fractional queues)
    service_level: float | None  # contact-weighted over the week
    asa_seconds: float | None
    abandon_rate: float | None
    occupancy: float | None
    handled_minutes_week: float = 0.0  # contact minutes handled (billing basis for per-minute prices)


@dataclass(frozen=True)
class PoolSaving:
    """What serving languages from one pooled queue saves against separate queues."""

    channel: str
    pool: str
    fte_pooled: float
    fte_separate: float
    peak_pooled: int
    peak_separate: int

    @property
    def fte_saved(self) -> float:
        return self.fte_separate - self.fte_pooled


@dataclass(frozen=True)
class Totals:
    fte: float
    peak_agents: int  # most agents needed at once over all queues together
    agent_hours_week: float
    scheduled_hours_week: float
    lines: int  # telephone lines (Erlang B at the blocking target)
    lines_blocking: float
    contacts_week: float


@dataclass(frozen=True)
class StaffingPlan:
    interval_minutes: int
    shrinkage: float
    max_occupancy: float
    hours_per_fte_week: float
    queues: tuple[QueuePlan, ...]
    totals: Totals
    pooling: tuple[PoolSaving, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-ready (floats, not Decimals: staffing is not money)."""
        d = asdict(self)
        for p, saving in zip(d["pooling"], self.pooling, strict=True):
            p["fte_saved"] = saving.fte_saved
        return d
