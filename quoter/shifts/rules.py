"""Shift rules: what a weekly tour of one person may look like (light: no solver imports).

Rostering rules only: shift lengths, start times, breaks, the weekly cap, days per week, the rest between
shifts, part-time tours (where the client allows them) and the solver's budget. Defaults follow Iranian
practice and labour law (Labour Law of 1369, as amended): 44 hours a week at most (art. 51) and six working
days (a weekly rest day, art. 62). The Labour Law sets no minimum rest between two shifts; the default 12
hours is the provider's rule (the EU's is 11). Which hours are
night, rest-day or holiday hours is a labour fact of where the agents work, and lives with the
premium rates in the price book's ``labour`` section (night window, rest days, holidays per year,
the agents' time zone).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quoter.calendar import parse_time


class PartTimeRules(BaseModel):
    """Part-time tours, where the client allows them: shorter shifts and weeks, paid by the hour (at the price
    book's ``part_time`` wage and loads)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lengths_hours: list[Annotated[float, Field(gt=0, le=8)]] = Field(
        default=[4, 5, 6], min_length=1, description="allowed part-time shift lengths, paid hours including breaks"
    )
    min_weekly_hours: Annotated[float, Field(ge=0, le=44)] = 16  # the hours a part-time contract guarantees
    max_weekly_hours: Annotated[float, Field(gt=0, le=44)] = 30
    max_days_per_week: Annotated[int, Field(ge=1, le=6)] = 6

    @model_validator(mode="after")
    def _week(self) -> PartTimeRules:
        if self.min_weekly_hours > self.max_weekly_hours:
            raise ValueError(f"min_weekly_hours {self.min_weekly_hours:g} is above max_weekly_hours "
                             f"{self.max_weekly_hours:g}")  # fmt: skip
        if min(self.lengths_hours) > self.max_weekly_hours:
            raise ValueError(f"max_weekly_hours {self.max_weekly_hours:g} is below the shortest part-time shift")
        return self


class ShiftRules(BaseModel):
    """How people may be rostered. Every field has an Iranian default, so ``ShiftRules()`` is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lengths_hours: list[Annotated[float, Field(gt=0, le=16)]] = Field(
        default=[4, 6, 8, 10, 12],
        min_length=1,
        description="allowed full-time shift lengths, paid hours including breaks; each day of a tour has its own",
    )
    start_step_minutes: Annotated[int, Field(ge=15, le=240)] = 60
    earliest_start: str = "00:00"
    latest_start: str = "23:59"
    paid_break_minutes: Annotated[int, Field(ge=0, le=120)] = 30
    max_weekly_hours: Annotated[float, Field(gt=0, le=84)] = 44
    max_days_per_week: Annotated[int, Field(ge=1, le=7)] = 6
    min_rest_hours: Annotated[float, Field(ge=0, le=24)] = 12  # off duty between two shifts of one person
    part_time: PartTimeRules | None = None  # None: full-time tours only (the client has not allowed part-time)
    time_limit_seconds: Annotated[float, Field(gt=0, le=600)] = (
        30  # a safety net for the whole plan (the budget is nodes)
    )
    mip_gap: Annotated[float, Field(ge=0, le=0.2)] = 0.01  # stop when the plan is provably this close to optimal

    @field_validator("earliest_start", "latest_start")
    @classmethod
    def _time(cls, v: str) -> str:
        parse_time(v)
        return v

    @model_validator(mode="after")
    def _one_shift_fits(self) -> ShiftRules:
        if min(self.lengths_hours) > self.max_weekly_hours:
            raise ValueError(
                f"max_weekly_hours {self.max_weekly_hours:g} is below the shortest shift "
                f"({min(self.lengths_hours):g} h): nobody could work a single shift"
            )
        return self

    def minutes(self, text: str) -> int:
        return parse_time(text)
