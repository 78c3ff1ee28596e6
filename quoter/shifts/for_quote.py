"""Whether a quote prices its paid hours from a shift roster, and the roster's hours scaled to scenarios."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quoter.calendar import parse_time
from quoter.errors import DomainError
from quoter.inputs.campaign_book import is_campaign
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import dec_str, quantity
from quoter.pricing.usage import rotations
from quoter.staffing.result import StaffingPlan

SHIFT_SECONDS = 60.0
"""A safety net on the planner's wall-clock time, far above what its node budget takes here (the budget is
branch-and-bound nodes, :data:`quoter.shifts.solver.NODES`, so the same input gets the same roster on any
machine under any load)."""
HOURS_STEP = "0.000001"  # shift-plan hours are kept (and saved) to this step


@dataclass(frozen=True)
class ShiftUse:
    """Whether the quote's paid hours and premium hours come from a shift plan, and why (not)."""

    used: bool
    reason: str  # why (not): wording key ``note.shift.<reason>``; ``detail`` fills it where it needs one
    status: str | None = None
    paid_hours_week: dict[str, float] | None = None
    headcount: int | None = None
    efficiency: float | None = None
    detail: str | None = None
    gap: float | None = None  # the roster's cost over the planner's lower bound, less one
    part_time_headcount: int | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShiftUse:
        """Back from ``to_dict`` (a saved quote): the same hours, so the same costs."""

        def f(x: Any) -> float | None:
            return None if x is None else float(str(x))

        hours = data.get("paid_hours_week")
        return cls(
            used=bool(data["used"]),
            reason=str(data["reason"]),
            detail=data.get("detail"),
            status=data.get("status"),
            paid_hours_week=None if hours is None else {k: float(str(v)) for k, v in hours.items()},
            headcount=data.get("headcount"),
            efficiency=f(data.get("efficiency")),
            gap=f(data.get("gap")),
            part_time_headcount=data.get("part_time_headcount"),
        )

    def to_dict(self) -> dict[str, Any]:
        def q(x: float | None, places: str = "0.01") -> str | None:
            return None if x is None else dec_str(quantity(x, places))

        return {
            "used": self.used,
            "reason": self.reason,
            **({"detail": self.detail} if self.detail is not None else {}),
            "status": self.status,
            "paid_hours_week": None
            if self.paid_hours_week is None
            else {k: q(v, HOURS_STEP) for k, v in self.paid_hours_week.items()},
            "headcount": self.headcount,
            "efficiency": q(self.efficiency, "0.0001"),
            **({"gap": q(self.gap, "0.0001")} if self.gap is not None else {}),
            **({"part_time_headcount": self.part_time_headcount} if self.part_time_headcount else {}),
        }


def plan_shifts_for_quote(
    req: Requirements, plan: StaffingPlan, book: PriceBook, mode: bool | None = None, seconds: float = SHIFT_SECONDS
) -> tuple[Any, ShiftUse]:
    """The roster to price with, and a note saying which hours the quote uses and how close the roster is to
    the best possible.

    ``mode``: ``False`` never plans shifts; ``None`` (default) and ``True`` roster every quote, round-the-clock
    ones included (``True`` also raises when the rules leave no roster, where the default falls back to the
    interval estimate and says why). An outbound campaign whose price book pays campaign agents by the hour
    (``campaign.shift_roster: false``) is not rostered by default.
    """
    if mode is False:
        return None, ShiftUse(False, "not_asked")
    if mode is None and is_campaign(req, book) and book.campaign is not None and not book.campaign.shift_roster:
        return None, ShiftUse(False, "campaign")  # hourly campaign agents: the interval plan's hours, no shifts
    from quoter.shifts import solver

    bands = rotations({parse_time(iv.start) for q in plan.queues for iv in q.intervals if iv.agents > 0})
    p = book.premiums
    rotating = "night" in bands and len(bands) >= 2  # art. 56 premium on wages; art. 58's is not paid as well
    premiums = {"night": 0.0 if rotating else float(p.night), "friday": float(p.friday), "holiday": float(p.holiday)}
    try:
        result = solver.plan_shifts(req, plan, premiums=premiums, time_limit_s=seconds, book=book)
    except DomainError as exc:
        if mode:
            raise
        return None, ShiftUse(False, "no_roster", detail=str(exc))
    totals = result.totals
    split = {k: float(quantity(float(v), HOURS_STEP)) for k, v in result.paid_hours_week.items()}
    statuses = {q.status for q in result.queues} - {"skipped"}
    return result, ShiftUse(
        True,
        "used",
        status="optimal" if statuses <= {"optimal"} else "/".join(sorted(statuses)),
        paid_hours_week=split,
        headcount=int(totals.get("headcount", 0)),
        efficiency=totals.get("efficiency"),
        gap=totals.get("mip_gap"),
        part_time_headcount=int(totals.get("part_time_headcount", 0)),
    )


@dataclass(frozen=True)
class ScaledShifts:
    """A shift plan's paid-hour split scaled to another staffing plan (scenarios: no shift solving per run)."""

    paid_hours_week: dict[str, float]


def scale_shifts(shifts: Any, base: StaffingPlan, other: StaffingPlan) -> ScaledShifts | None:
    """``shifts`` (made for ``base``) scaled by the ratio of scheduled hours of ``other`` to ``base``."""
    if shifts is None or base.totals.scheduled_hours_week <= 0:
        return None
    factor = other.totals.scheduled_hours_week / base.totals.scheduled_hours_week
    return ScaledShifts({k: float(v) * factor for k, v in shifts.paid_hours_week.items()})
