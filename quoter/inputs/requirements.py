"""The requirements file: what the client asked for, validated in one place.

Every model forbids unknown keys. ``load_requirements`` is the only entry point for files;
errors name the field and the line (see :mod:`quoter.yamlio`). Key reference: docs/requirements.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from quoter.calendar import DAYS, WEEKS_PER_MONTH_F, parse_time
from quoter.inputs.yamlio import check_timezone, load_model
from quoter.shifts.rules import ShiftRules

PositiveFloat = Annotated[float, Field(gt=0)]
Share = Annotated[float, Field(gt=0, le=1)]
WEEKS_PER_MONTH = WEEKS_PER_MONTH_F


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- opening hours
HoursSpec = str | dict[str, str | list[str]]


def _day_keys(key: str) -> list[int]:
    """'sat', 'sat-wed', 'thu,fri', 'daily' -> day indexes (Saturday 0)."""
    key = key.strip().lower()
    if key in ("daily", "all", "every day"):
        return list(range(7))
    out: list[int] = []
    for part in key.split(","):
        part = part.strip()
        if "-" in part:
            a, b = (p.strip() for p in part.split("-", 1))
            if a not in DAYS or b not in DAYS:
                raise ValueError(f"'{part}' is not a day range like 'sat-wed' (days: {', '.join(DAYS)})")
            i, j = DAYS.index(a), DAYS.index(b)
            out += list(range(i, j + 1)) if i <= j else list(range(i, 7)) + list(range(0, j + 1))
        elif part in DAYS:
            out.append(DAYS.index(part))
        else:
            raise ValueError(f"'{part}' is not a day (days: {', '.join(DAYS)})")
    return out


def open_mask(spec: HoursSpec, interval_minutes: int) -> list[bool]:
    """Which intervals of the week (Saturday 00:00 first) are open. Ranges may cross midnight."""
    per_day = 1440 // interval_minutes
    mask = [False] * (7 * per_day)
    if isinstance(spec, str):
        if spec.strip().lower() in ("24/7", "24x7"):
            return [True] * (7 * per_day)
        raise ValueError(f"'{spec}' is not '24/7' nor a mapping of days to hours like {{sat-wed: '08:00-20:00'}}")
    for key, ranges in spec.items():
        days = _day_keys(key)
        for rng in [ranges] if isinstance(ranges, str) else ranges:
            text = rng.strip().lower()
            if text == "closed":
                continue
            if text in ("24h", "all day"):
                text = "00:00-24:00"
            if "-" not in text:
                raise ValueError(f"'{rng}' for '{key}' is not a range like '08:00-20:00' or 'closed'")
            a, b = (t.strip() for t in text.split("-", 1))
            try:
                start, end = parse_time(a), parse_time(b, allow_24=True)
            except ValueError as exc:
                raise ValueError(f"{key}: {rng}: {exc}; write ranges like '08:00-20:00'") from None
            if start % interval_minutes or end % interval_minutes:
                raise ValueError(f"'{rng}' for '{key}' is not on the {interval_minutes}-minute interval grid")
            if start == end:
                raise ValueError(f"'{rng}' for '{key}' is empty")
            length = (end - start) % 1440 or 1440
            for d in days:
                first = d * per_day + start // interval_minutes
                for k in range(length // interval_minutes):
                    mask[(first + k) % len(mask)] = True
    if not any(mask):
        raise ValueError("the service is never open")
    return mask


# ---------------------------------------------------------------- parts
class Client(Strict):
    name: str = Field(min_length=1)
    name_fa: str | None = None
    address: str | None = None
    address_fa: str | None = None
    national_id: str | None = None
    contact: str | None = None


class Service(Strict):
    interval_minutes: Literal[15, 30, 60] = 30
    hours: HoursSpec = "24/7"
    timezone: str = "Asia/Tehran"
    term_months: int = Field(default=12, ge=1, le=120, description="contract term in months")
    start_date: str | None = None

    @field_validator("hours")
    @classmethod
    def _check_hours(cls, v: HoursSpec, info: ValidationInfo) -> HoursSpec:
        open_mask(v, info.data.get("interval_minutes", 60))
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        return check_timezone(v)


class Profile(Strict):
    intraday: str | list[Annotated[float, Field(ge=0)]] = "flat"
    weekly: str | list[Annotated[float, Field(ge=0)]] = "flat"


class VoiceTarget(Strict):
    service_level: Share | None = 0.80
    answer_seconds: Annotated[float, Field(ge=0)] = 20
    max_abandon: Share | None = None
    patience_seconds: PositiveFloat | None = None
    max_asa_seconds: PositiveFloat | None = None

    @model_validator(mode="after")
    def _abandon_needs_patience(self) -> VoiceTarget:
        if self.max_abandon is not None and self.patience_seconds is None:
            raise ValueError("max_abandon needs patience_seconds (the Erlang A model of caller patience)")
        return self


class _Volume(Strict):
    """Monthly or weekly volume; exactly one of them."""

    month_key: ClassVar[str] = ""
    week_key: ClassVar[str] = ""

    def per_week(self) -> float:
        month, week = getattr(self, self.month_key), getattr(self, self.week_key)
        return float(week) if week is not None else float(month) / WEEKS_PER_MONTH

    @model_validator(mode="after")
    def _one_volume(self) -> _Volume:
        month, week = getattr(self, self.month_key), getattr(self, self.week_key)
        if (month is None) == (week is None):
            raise ValueError(f"give exactly one of {self.month_key} or {self.week_key}")
        return self


class Voice(_Volume):
    month_key = "calls_per_month"
    week_key = "calls_per_week"
    calls_per_month: PositiveFloat | None = None
    calls_per_week: PositiveFloat | None = None
    aht_seconds: PositiveFloat
    acw_seconds: Annotated[float, Field(ge=0)] = 0
    ivr_seconds: Annotated[float, Field(ge=0)] = 0
    target: VoiceTarget = VoiceTarget()
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None


class Chat(_Volume):
    month_key = "chats_per_month"
    week_key = "chats_per_week"
    chats_per_month: PositiveFloat | None = None
    chats_per_week: PositiveFloat | None = None
    aht_seconds: PositiveFloat
    concurrency: Annotated[int, Field(ge=1, le=6)] = 2
    first_response_seconds: Annotated[float, Field(ge=0)] = 60
    service_level: Share = 0.80
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None


class Email(_Volume):
    month_key = "emails_per_month"
    week_key = "emails_per_week"
    emails_per_month: PositiveFloat | None = None
    emails_per_week: PositiveFloat | None = None
    handle_minutes: PositiveFloat
    response_hours: PositiveFloat = 24
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None


class Outbound(Strict):
    records_per_month: PositiveFloat | None = None
    records_per_week: PositiveFloat | None = None
    records_total: PositiveFloat | None = None
    campaign_weeks: PositiveFloat | None = None
    attempts: Annotated[float, Field(ge=1)] = 1.0
    contact_rate: Share = 0.5
    talk_seconds: PositiveFloat
    wrap_seconds: Annotated[float, Field(ge=0)] = 0
    dial_seconds: Annotated[float, Field(ge=0)] = 25
    profile: Profile = Profile()
    hours: HoursSpec | None = None
    languages: dict[str, Share] | None = None

    @model_validator(mode="after")
    def _one_volume(self) -> Outbound:
        given = [k for k in ("records_per_month", "records_per_week", "records_total") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of records_per_month, records_per_week or records_total")
        if self.records_total is not None and self.campaign_weeks is None:
            raise ValueError("records_total needs campaign_weeks")
        return self

    def per_week(self) -> float:
        if self.records_per_week is not None:
            return self.records_per_week
        if self.records_total is not None and self.campaign_weeks:
            return self.records_total / self.campaign_weeks
        return float(self.records_per_month or 0) / WEEKS_PER_MONTH

    @property
    def seconds_per_attempt(self) -> float:
        """Agent time per dial attempt: ringing, plus talk and wrap-up when someone answers."""
        return self.dial_seconds + self.contact_rate * (self.talk_seconds + self.wrap_seconds)


class Channels(Strict):
    voice: Voice
    chat: Chat | None = None
    email: Email | None = None
    outbound: Outbound | None = None


class Staffing(Strict):
    shrinkage: Annotated[float, Field(ge=0, lt=1)] = 0.30
    max_occupancy: Share = 0.85
    hours_per_fte_week: Annotated[float, Field(gt=0, le=84)] = 44
    min_agents: Annotated[int, Field(ge=0)] = 1
    line_blocking: Annotated[float, Field(gt=0, lt=1)] = 0.01


def _check_shares(shares: dict[str, float], where: str) -> None:
    total = sum(shares.values())
    if abs(total - 1) > 1e-6:
        raise ValueError(f"{where} shares sum to {total:g}, not 1")


class Requirements(Strict):
    client: Client
    service: Service = Service()
    languages: dict[str, Share] = {"fa": 1.0}
    pools: list[list[str]] = []
    channels: Channels
    staffing: Staffing = Staffing()
    shifts: ShiftRules | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Requirements:
        _check_shares(self.languages, "languages")
        seen: set[str] = set()
        for pool in self.pools:
            if len(pool) < 2:
                raise ValueError(f"pools: {pool} needs at least two languages")
            for lang in pool:
                if lang not in self.languages:
                    raise ValueError(f"pools: '{lang}' is not one of the languages ({', '.join(self.languages)})")
                if lang in seen:
                    raise ValueError(f"pools: '{lang}' is in more than one pool")
                seen.add(lang)
        for name in ("voice", "chat", "email", "outbound"):
            ch = getattr(self.channels, name)
            if ch is None:
                continue
            if ch.languages is not None:
                _check_shares(ch.languages, f"channels.{name}.languages")
            if ch.hours is not None:
                try:
                    open_mask(ch.hours, self.service.interval_minutes)
                except ValueError as exc:
                    raise ValueError(f"channels.{name}.hours: {exc}") from None
        return self

    def scaled(self, volume: float = 1.0, aht: float = 1.0) -> Requirements:
        """The same requirements with every volume times ``volume`` and every handle time times ``aht``."""
        ch = self.channels
        voice_upd: dict[str, object] = {"aht_seconds": ch.voice.aht_seconds * aht}
        for k in ("calls_per_month", "calls_per_week"):
            if getattr(ch.voice, k) is not None:
                voice_upd[k] = getattr(ch.voice, k) * volume
        upd: dict[str, object] = {"voice": ch.voice.model_copy(update=voice_upd)}
        if ch.chat is not None:
            cu: dict[str, object] = {"aht_seconds": ch.chat.aht_seconds * aht}
            for k in ("chats_per_month", "chats_per_week"):
                if getattr(ch.chat, k) is not None:
                    cu[k] = getattr(ch.chat, k) * volume
            upd["chat"] = ch.chat.model_copy(update=cu)
        if ch.email is not None:
            eu: dict[str, object] = {"handle_minutes": ch.email.handle_minutes * aht}
            for k in ("emails_per_month", "emails_per_week"):
                if getattr(ch.email, k) is not None:
                    eu[k] = getattr(ch.email, k) * volume
            upd["email"] = ch.email.model_copy(update=eu)
        if ch.outbound is not None:
            ou: dict[str, object] = {
                "talk_seconds": ch.outbound.talk_seconds * aht,
                "wrap_seconds": ch.outbound.wrap_seconds * aht,
            }
            for k in ("records_per_month", "records_per_week", "records_total"):
                if getattr(ch.outbound, k) is not None:
                    ou[k] = getattr(ch.outbound, k) * volume
            upd["outbound"] = ch.outbound.model_copy(update=ou)
        return self.model_copy(update={"channels": ch.model_copy(update=upd)})


def load_requirements(path: str | Path) -> Requirements:
    """Read and validate a requirements YAML file (InputError on any problem, with lines)."""
    return load_model(path, Requirements, "requirements")
