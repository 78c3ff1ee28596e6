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

SHIFT_NODES = 1000
"""Branch-and-bound nodes the quote gives the shift planner by default, per queue: a budget of work, not of
time, so the same input gets the same roster (or none) on any machine under any load. Business-hours
accounts prove their roster within a few nodes; one that needs more falls back to the interval estimate."""
SHIFT_SECONDS = 60.0
"""A safety net on the default attempt's wall-clock time, far above what the node budget takes here."""
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
        }


def plan_shifts_for_quote(
    req: Requirements, plan: StaffingPlan, book: PriceBook, mode: bool | None = None, seconds: float = SHIFT_SECONDS
) -> tuple[Any, ShiftUse]:
    """The shift plan to price with, and a note saying which hours the quote uses.

    ``mode``: ``False`` never plans shifts; ``True`` waits for the planner (its own time limit) and
    takes its best roster; ``None`` (default) gives it ``seconds`` and takes the roster only when
    the solver proves it (status optimal), so the same input always gives the same quote; a
    round-the-clock service is not attempted by default (its roster needs seconds), nor an outbound
    campaign whose price book pays campaign agents by the hour (``campaign.shift_roster: false``).
    """
    if mode is False:
        return None, ShiftUse(False, "not_asked")
    if mode is None and is_campaign(req, book) and book.campaign is not None and not book.campaign.shift_roster:
        return None, ShiftUse(False, "campaign")  # hourly campaign agents: the interval plan's hours, no shifts
    bands = rotations({parse_time(iv.start) for q in plan.queues for iv in q.intervals if iv.agents > 0})
    if mode is None and len(bands) == 3:
        # measured: round-the-clock rosters take the MILP seconds (1.5-4 s even for one queue), never a
        # quote's fraction of a second, so the attempt would only cost time
        return None, ShiftUse(False, "round_the_clock")
    from quoter.shifts import solver

    p = book.premiums
    rotating = "night" in bands and len(bands) >= 2  # art. 56 premium on wages; art. 58's is not paid as well
    premiums = {"night": 0.0 if rotating else float(p.night), "friday": float(p.friday), "holiday": float(p.holiday)}
    try:
        default = mode is None
        result = solver.plan_shifts(req, plan, premiums=premiums, time_limit_s=seconds if default else None,
                                    book=book, node_limit=SHIFT_NODES if default else None)  # fmt: skip
    except DomainError as exc:
        if mode:
            raise
        return None, ShiftUse(False, "no_roster", detail=str(exc))
    statuses = [q.status for q in result.queues]
    status = "optimal" if all(s in ("optimal", "skipped") for s in statuses) else "time_limit"
    totals = result.totals
    if mode is None and status != "optimal":
        return None, ShiftUse(
            False,
            "not_proven",
            status=status,
        )
    split = {k: float(quantity(float(v), HOURS_STEP)) for k, v in result.paid_hours_week.items()}
    headcount = totals.get("headcount")
    return result, ShiftUse(
        True,
        "used" if status == "optimal" else "used_best",
        status=status,
        paid_hours_week=split,
        headcount=None if headcount is None else int(headcount),
        efficiency=totals.get("efficiency"),
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
