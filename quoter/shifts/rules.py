"""Shift rules: what a weekly tour of one person may look like (light: no solver imports).

Defaults follow Iranian practice and labour law (Labour Law of 1369, as amended): 44 hours a
week at most (art. 51), a weekly rest day (art. 62, normally Friday), night work between 22:00
and 06:00 (art. 55) and official holidays (about 26 a year in the Iranian calendar, as of 1404).
Premium *rates* are money and live in the price book; these rules only say which hours are
night, Friday or holiday hours.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from quoter.calendar import DAYS, parse_time, parse_window


class ShiftRules(BaseModel):
    """How people may be rostered. Every field has an Iranian default, so ``ShiftRules()`` is valid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lengths_hours: list[Annotated[float, Field(gt=0, le=16)]] = Field(
        default=[6, 8, 12], min_length=1, description="allowed shift lengths, paid hours including breaks"
    )
    start_step_minutes: Annotated[int, Field(ge=15, le=240)] = 60
    earliest_start: str = "00:00"
    latest_start: str = "23:59"
    paid_break_minutes: Annotated[int, Field(ge=0, le=120)] = 30
    max_weekly_hours: Annotated[float, Field(gt=0, le=84)] = 44
    max_days_per_week: Annotated[int, Field(ge=1, le=7)] = 6
    night_window: str = "22:00-06:00"
    rest_days: list[str] = ["fri"]  # weekly rest days: hours worked on them carry the Friday premium
    holidays_per_year: Annotated[int, Field(ge=0, le=60)] = 26
    time_limit_seconds: Annotated[float, Field(gt=0, le=600)] = 4  # for the whole plan, all queues
    mip_gap: Annotated[float, Field(ge=0, le=0.2)] = 0.01  # stop when the plan is provably this close to optimal

    @field_validator("night_window")
    @classmethod
    def _night(cls, v: str) -> str:
        parse_window(v)
        return v

    @field_validator("earliest_start", "latest_start")
    @classmethod
    def _time(cls, v: str) -> str:
        parse_time(v)
        return v

    @field_validator("rest_days")
    @classmethod
    def _days(cls, v: list[str]) -> list[str]:
        bad = [d for d in v if d not in DAYS]
        if bad:
            raise ValueError(f"{', '.join(bad)}: not a day ({', '.join(DAYS)})")
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

    def days_for(self, length_hours: float) -> int:
        """Working days per week of a tour of this shift length: as many as the weekly cap allows."""
        return max(1, min(self.max_days_per_week, int(self.max_weekly_hours // length_hours + 1e-9)))
