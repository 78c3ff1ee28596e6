"""Shift rules (placeholder until the shift planner lands)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ShiftRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
