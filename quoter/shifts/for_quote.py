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
            **({"part_time_hours_week": q(self.part_time_hours_week, HOURS_STEP)} if self.part_time_hours_week else {}),
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
