"""Staffing at other volumes and handle times, computed once per quote: the scenarios and the term plan share it.

``exact(volume, aht)`` re-runs the staffing plan (Erlang per interval) on the scaled requirements and
measures its usage; a forecast shift plan is scaled to the new scheduled hours, not solved again.
``at(volume)`` is the usage at a monthly seasonality factor: exact on the scenario grid (0.70, 0.85, 1.00,
1.15, 1.30), linear between two grid points inside it, exact outside it. The interpolation error is
measured by ``benchmarks/bench_term.py`` (in the note of the term-economics issue).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import ZERO, quantity, whole_up
from quoter.pricing.usage import Usage, measure
from quoter.shifts.for_quote import scale_shifts
from quoter.staffing.result import StaffingPlan

GRID: tuple[Decimal, ...] = tuple(Decimal(v) for v in ("0.70", "0.85", "1.00", "1.15", "1.30"))
"""The volume factors the scenarios compute exactly (handle time as forecast)."""


class UsageGrid:
    """Plans and usage of one quote's requirements at other volume and handle-time factors (cached)."""

    def __init__(self, req: Requirements, book: PriceBook, plan: StaffingPlan, usage: Usage, shifts: Any) -> None:
        self.req, self.book, self.plan, self.shifts = req, book, plan, shifts
        self._cache: dict[tuple[Decimal, Decimal], tuple[StaffingPlan, Usage]] = {
            (Decimal(1), Decimal(1)): (plan, usage)
        }

    def exact(self, volume: Decimal, aht: Decimal = Decimal(1)) -> tuple[StaffingPlan, Usage]:
        key = (Decimal(volume), Decimal(aht))
        if key not in self._cache:
            from quoter.staffing.planner import plan_staffing

            scaled = self.req.scaled(volume=float(volume), aht=float(aht))
            plan = plan_staffing(scaled, compare_pools=False)
            usage = measure(scaled, self.book, plan, scale_shifts(self.shifts, self.plan, plan))
            self._cache[key] = (plan, usage)
        return self._cache[key]

    def at(self, volume: Decimal) -> Usage:
        """Usage at a volume factor (handle time as forecast): exact on the grid or outside it, else linear
        between the two grid points around it."""
        if (volume, Decimal(1)) in self._cache or volume <= GRID[0] or volume >= GRID[-1] or volume in GRID:
            return self.exact(volume)[1]
        hi = next(g for g in GRID if g > volume)
        lo = GRID[GRID.index(hi) - 1]
        w = (volume - lo) / (hi - lo)
        return interpolate(self.exact(lo)[1], self.exact(hi)[1], w)


def interpolate(a: Usage, b: Usage, w: Decimal) -> Usage:
    """The usage ``w`` of the way from ``a`` to ``b`` (0..1): quantities linear, whole counts rounded up."""

    def lin(x: Decimal, y: Decimal) -> Decimal:
        return quantity(x + (y - x) * w)

    def lin_map(x: dict[str, Decimal], y: dict[str, Decimal]) -> dict[str, Decimal]:
        return {k: lin(x.get(k, ZERO), y.get(k, ZERO)) for k in {**x, **y}}

    return replace(
        a,
        contacts=lin_map(a.contacts, b.contacts),
        handled_minutes=lin_map(a.handled_minutes, b.handled_minutes),
        talk_minutes=lin_map(a.talk_minutes, b.talk_minutes),
        productive_hours=lin_map(a.productive_hours, b.productive_hours),
        fte_by_tier=lin_map(a.fte_by_tier, b.fte_by_tier),
        fte=lin(a.fte, b.fte),
        paid_hours=lin(a.paid_hours, b.paid_hours),
        night_hours=lin(a.night_hours, b.night_hours),
        friday_hours=lin(a.friday_hours, b.friday_hours),
        holiday_hours=lin(a.holiday_hours, b.holiday_hours),
        overtime_hours=lin(a.overtime_hours, b.overtime_hours),
        peak_agents=int(whole_up(lin(Decimal(a.peak_agents), Decimal(b.peak_agents)))),
        lines=int(whole_up(lin(Decimal(a.lines), Decimal(b.lines)))),
        line_minutes=lin(a.line_minutes, b.line_minutes),
        logged_in_hours=lin(a.logged_in_hours, b.logged_in_hours),
        campaign_hours=lin(a.campaign_hours, b.campaign_hours),
        campaign_fte=lin(a.campaign_fte, b.campaign_fte),
        part_time_hours=lin(a.part_time_hours, b.part_time_hours),
        part_time_fte=lin(a.part_time_fte, b.part_time_fte),
    )
