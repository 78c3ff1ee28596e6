"""The number types every book section uses: exact Decimals, finite, of sane size; and the strict base model.

``Money`` is an amount of the book's currency, ``Rate`` a share 0..1, ``Factor`` a count or multiplier,
``Rise`` a yearly change (above -100 %). Every one refuses true/false, .inf and .nan.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from quoter.limits import (
    MAX_AMOUNT,
    MAX_DAYS_PER_MONTH,
    MAX_DECIMAL_DIGITS,
    MAX_FACTOR,
    MAX_HOURS_PER_FTE_WEEK,
    MAX_ROUNDING_STEP,
    MAX_SPAN_RATIO,
    MIN_DAYS_PER_MONTH,
    MIN_HOURS_PER_FTE_WEEK,
    MIN_ROUNDING_STEP,
    MIN_SPAN_RATIO,
)


def _number_problem(v: Any) -> str | None:
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return "must be a finite number (not .inf or .nan)"
    if isinstance(v, Decimal):
        if not v.is_finite():
            return "must be a finite number (not .inf or .nan)"
        if abs(v) > MAX_AMOUNT:
            return f"{v} is above {MAX_AMOUNT:,.0f} (MAX_AMOUNT)"
        if v and (len(v.as_tuple().digits) > MAX_DECIMAL_DIGITS or v.adjusted() < -MAX_DECIMAL_DIGITS):
            return f"has more than {MAX_DECIMAL_DIGITS} significant digits or decimals (MAX_DECIMAL_DIGITS)"
    return None


def _number(v: Any) -> Any:
    """Before validation of every price-book number: ``true`` is not 1, and a number is finite."""
    if isinstance(v, bool):
        raise ValueError("must be a number, not true/false")
    if isinstance(v, str):
        try:
            v = Decimal(v.strip().replace("_", ""))
        except InvalidOperation:
            return v  # not a number: pydantic says so
    if _number_problem(v):
        raise ValueError(_number_problem(v))
    return v


Number = BeforeValidator(_number)
Money = Annotated[Decimal, Number, Field(ge=0, le=MAX_AMOUNT)]
"""An amount of the book's currency (at most MAX_AMOUNT)."""
Positive = Annotated[Decimal, Number, Field(gt=0, le=MAX_FACTOR)]
"""A strictly positive multiplier (e.g. in-house wage factor)."""
Factor = Annotated[Decimal, Number, Field(ge=0, le=MAX_FACTOR)]
"""A count or multiplier that is not money: days, hours, weeks, uplifts."""
Rate = Annotated[Decimal, Number, Field(ge=0, le=1)]
"""A share, 0..1."""
Rise = Annotated[Decimal, Number, Field(gt=-1, le=MAX_FACTOR)]
"""A yearly change as a share (0.40 = +40 %); above -100 %."""
Step = Annotated[Decimal, Number, Field(ge=MIN_ROUNDING_STEP, le=MAX_ROUNDING_STEP)]
"""A rounding step (MIN_ROUNDING_STEP..MAX_ROUNDING_STEP)."""
Ratio = Annotated[Decimal, Number, Field(ge=MIN_SPAN_RATIO, le=MAX_SPAN_RATIO)]
"""Agents per person in a support role (MIN_SPAN_RATIO..MAX_SPAN_RATIO)."""
HoursPerWeek = Annotated[
    Decimal,
    Number,
    Field(ge=Decimal(str(MIN_HOURS_PER_FTE_WEEK)), le=Decimal(str(MAX_HOURS_PER_FTE_WEEK))),
]
DaysPerMonth = Annotated[Decimal, Number, Field(ge=MIN_DAYS_PER_MONTH, le=MAX_DAYS_PER_MONTH)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
