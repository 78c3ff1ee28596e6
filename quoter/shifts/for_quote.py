"""Whether a quote prices its paid hours from a shift roster, and the roster's hours scaled to scenarios."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from quoter.calendar import parse_time
from quoter.errors import DomainError
from quoter.inputs.campaign_book import is_campaign
from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import dec_str, quantity
from quoter.pricing.usage import part_time_week, rotations
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
    part_time_hours_week: float | None = None  # paid hours of part-time tours among paid_hours_week (None: none)

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
            part_time_hours_week=f(data.get("part_time_hours_week")),
        )

    def roster(self) -> ScaledShifts | None:
        """The roster's hours the quote prices, as saved (6 places), or None when no shift plan is used."""
        if not self.used or not self.paid_hours_week:
            return None
        return ScaledShifts(dict(self.paid_hours_week), self.part_time_hours_week or 0.0)

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
            **({"part_time_hours_week": q(self.part_time_hours_week, HOURS_STEP)} if self.part_time_hours_week else {}),
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
    return result, with_part_time(
        result,
        ShiftUse(
            True,
            "used",
            status="optimal" if statuses <= {"optimal"} else "/".join(sorted(statuses)),
            paid_hours_week=split,
            headcount=int(totals.get("headcount", 0)),
            efficiency=totals.get("efficiency"),
            gap=totals.get("mip_gap"),
            part_time_headcount=int(totals.get("part_time_headcount", 0)),
        ),
    )


def with_part_time(result: Any, use: ShiftUse) -> ShiftUse:
    """The note of ``plan_shifts_for_quote``'s answer (``result``, ``use``) with the roster's part-time hours a week
    on it (the planner's ``part_time_hours_week``, kept to ``HOURS_STEP`` like its split), when the roster is used
    and has any: the quote prices the note's hours and saves them."""
    hours = part_time_week(result) if use.used else 0.0
    return replace(use, part_time_hours_week=float(quantity(hours, HOURS_STEP))) if hours > 0 else use


@dataclass(frozen=True)
class ScaledShifts:
    """A shift plan's paid-hour split scaled to another staffing plan (scenarios: no shift solving per run), and
    the paid hours of part-time tours among them."""

    paid_hours_week: dict[str, float]
    part_time_hours_week: float = 0.0


def scale_shifts(shifts: Any, base: StaffingPlan, other: StaffingPlan) -> ScaledShifts | None:
    """``shifts`` (made for ``base``) scaled by the ratio of scheduled hours of ``other`` to ``base``: every kind
    of paid hours and the part-time tours' hours alike."""
    if shifts is None or base.totals.scheduled_hours_week <= 0:
        return None
    factor = other.totals.scheduled_hours_week / base.totals.scheduled_hours_week
    paid = {k: float(v) * factor for k, v in shifts.paid_hours_week.items()}
    return ScaledShifts(paid, part_time_week(shifts) * factor)
