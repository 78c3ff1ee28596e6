"""The requirements file: what the client asked for, validated in one place.

Every model forbids unknown keys. ``load_requirements`` is the only entry point for files;
errors name the field and the line (see :mod:`quoter.yamlio`). Key reference: docs/requirements.md.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import WithJsonSchema

from quoter.calendar import DAYS, WEEKS_PER_MONTH_F, parse_time
from quoter.inputs.term_book import PaymentTerms
from quoter.inputs.text import Name, RequiredName, Text
from quoter.inputs.yamlio import check_timezone, load_model
from quoter.limits import (
    MAX_AGENTS,
    MAX_CONTACTS_PER_MONTH,
    MAX_CONTACTS_PER_WEEK,
    MAX_HANDLE_SECONDS,
    MAX_HOURS_PER_FTE_WEEK,
    MAX_LANGUAGES,
    MAX_PATIENCE_SECONDS,
    MAX_PROFILE_VALUES,
    MAX_SEASON_FACTOR,
    MAX_TERM_MONTHS,
    MIN_HOURS_PER_FTE_WEEK,
)
from quoter.shifts.rules import ShiftRules


def _no_bool(v: Any) -> Any:
    """``true`` is not 1: YAML booleans are refused where a number is due."""
    if isinstance(v, bool):
        raise ValueError("must be a number, not true/false")
    return v


NotBool = BeforeValidator(_no_bool)
# Numbers are never booleans and always finite (``.inf`` and ``.nan`` are refused).
PositiveFloat = Annotated[float, NotBool, Field(gt=0, allow_inf_nan=False)]
NonNegativeFloat = Annotated[float, NotBool, Field(ge=0, allow_inf_nan=False)]
Share = Annotated[float, NotBool, Field(gt=0, le=1, allow_inf_nan=False)]
Contacts = Annotated[float, NotBool, Field(gt=0, le=float(MAX_CONTACTS_PER_MONTH), allow_inf_nan=False)]
"""A monthly volume (contacts, records)."""
WeeklyContacts = Annotated[float, NotBool, Field(gt=0, le=MAX_CONTACTS_PER_WEEK, allow_inf_nan=False)]
"""A weekly volume: the monthly limit over the weeks of a month."""
HandleSeconds = Annotated[float, NotBool, Field(gt=0, le=MAX_HANDLE_SECONDS, allow_inf_nan=False)]
"""The time an agent spends on one contact."""
ExtraSeconds = Annotated[float, NotBool, Field(ge=0, le=MAX_HANDLE_SECONDS, allow_inf_nan=False)]
"""A part of a contact's time (after-call work, IVR, dialling) that may be zero."""
WaitSeconds = Annotated[float, NotBool, Field(ge=0, le=MAX_PATIENCE_SECONDS, allow_inf_nan=False)]
"""How long a customer waits (answer targets, patience)."""
PositiveWaitSeconds = Annotated[float, NotBool, Field(gt=0, le=MAX_PATIENCE_SECONDS, allow_inf_nan=False)]
Weight = Annotated[float, NotBool, Field(ge=0, allow_inf_nan=False)]
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
    owner: dict[int, str] = {}  # interval -> the range that opened it (overlaps are refused)
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
                    i = (first + k) % len(mask)
                    if i in owner:
                        raise ValueError(f"'{key}: {rng}' overlaps '{owner[i]}' on {DAYS[i // per_day]}")
                    owner[i] = f"{key}: {rng}"
                    mask[i] = True
    if not any(mask):
        raise ValueError("the service is never open")
    return mask


# ---------------------------------------------------------------- parts
_DIGITS = {0x06F0 + i: ord("0") + i for i in range(10)} | {0x0660 + i: ord("0") + i for i in range(10)}
"""Persian (U+06F0..) and Arabic-Indic (U+0660..) digits to Latin ones."""


def _latin_digits(value: str | None) -> str | None:
    """An identifier with Persian or Arabic-Indic digits written in Latin ones (the documents localise them)."""
    return None if value is None else value.translate(_DIGITS)


def _check_digits(value: str | None, length: int) -> str | None:
    if value is not None and (len(value) != length or not value.isascii() or not value.isdigit()):
        raise ValueError(f"must be {length} digits (Persian or Latin), got {value!r}")
    return value


def _check_country(value: str) -> str:
    from babel import Locale

    code = value.strip().upper()
    if len(code) != 2 or code == "ZZ" or code not in Locale("en").territories:
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-2 country code (IR, DE, AE ...)")
    return code


class Client(Strict):
    """The client as the contract names it: every identifier is optional and a missing one is printed in
    the documents as a blank to fill at signature."""

    name: RequiredName
    name_fa: Name | None = None
    address: Name | None = None
    address_fa: Name | None = None
    national_id: Name | None = Field(
        default=None, description="national ID (shenase-ye melli): 11 digits for an Iranian legal person"
    )
    registration_no: Name | None = Field(default=None, description="company registration number (shomare-ye sabt)")
    economic_code: Name | None = Field(default=None, description="the taxpayer's economic code (code-e eghtesadi)")
    postal_code: Name | None = Field(default=None, description="postal code: 10 digits (Persian or Latin digits)")
    signatory: Name | None = Field(default=None, description="who signs for the client")
    signatory_fa: Name | None = None
    signatory_title: Name | None = Field(default=None, description="the signatory's position (Managing Director)")
    signatory_title_fa: Name | None = None
    country: Annotated[str, AfterValidator(_check_country)] = Field(
        default="IR", description="ISO 3166 alpha-2 code of the client's country"
    )
    contact: Name | None = None
    vat_reclaim: bool = Field(
        default=True,
        description="false for a client that cannot reclaim VAT, e.g. a bank (a VAT-exempt seller): the in-house "
        "comparison then counts the VAT on the outsourced bill as a cost",
    )

    @field_validator("national_id", "registration_no", "economic_code", "postal_code", mode="after")
    @classmethod
    def _identifier_digits(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = _latin_digits(value)
        return _check_digits(value, 10) if info.field_name == "postal_code" else value

    @model_validator(mode="after")
    def _national_id(self) -> Client:
        if self.country == "IR":
            try:
                _check_digits(self.national_id, 11)
            except ValueError as exc:
                raise ValueError(f"national_id: {exc} (an Iranian legal person's national ID)") from None
        return self


class Service(Strict):
    interval_minutes: Literal[15, 30, 60] = 30
    hours: HoursSpec = "24/7"
    timezone: str = "Asia/Tehran"
    term_months: Annotated[int, NotBool] = Field(
        default=12, ge=1, le=MAX_TERM_MONTHS, description="contract term in months"
    )
    start_date: str | None = Field(
        default=None,
        description="the contract's first day: an ISO date (2026-12-22) or a Jalali one (1405-10-01); "
        "default: the first day of the next Jalali month",
    )

    @field_validator("start_date", mode="before")
    @classmethod
    def _iso_date(cls, v: Any) -> Any:
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            v = v.isoformat()  # YAML reads an unquoted 1405-10-01 as a (Gregorian) date: it is Jalali
        if isinstance(v, str):
            return parse_start_date(v).isoformat()
        if v is None:
            return v
        raise ValueError("must be a date such as 2026-12-22 or 1405-10-01 (Jalali)")

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
    intraday: str | Annotated[list[Weight], Field(max_length=MAX_PROFILE_VALUES)] = "flat"
    weekly: str | Annotated[list[Weight], Field(max_length=7)] = "flat"

    @field_validator("intraday", "weekly")
    @classmethod
    def _some_weight(cls, v: str | list[float]) -> str | list[float]:
        if isinstance(v, list) and not any(w > 0 for w in v):
            raise ValueError("needs at least one positive weight")
        return v


class Channels(BaseModel):
    """``channels``: one section per registered channel (:mod:`quoter.channels`), each validated by that
    channel's own model; a key that names no channel is refused, and a required channel (voice) must be
    there. Absent channels read as ``None`` (``req.channels.chat``) and dump as ``None``."""

    model_config = ConfigDict(extra="allow", frozen=True)

    if TYPE_CHECKING:  # the built-in channels, for type checkers; at run time every channel is an extra
        from quoter.channels.chat import ChatSpec
        from quoter.channels.email import EmailSpec
        from quoter.channels.outbound import OutboundSpec
        from quoter.channels.voice import VoiceSpec

        voice: VoiceSpec
        chat: ChatSpec | None
        email: EmailSpec | None
        outbound: OutboundSpec | None

    @model_validator(mode="wrap")
    @classmethod
    def _sections(cls, data: Any, handler: Any) -> Any:
        from quoter import channels
        from quoter.inputs.pricebook import validate_sections

        if isinstance(data, Channels):
            return data
        if not isinstance(data, dict):
            return handler(data)
        specs = {c.key: (c.spec, c.required) for c in channels.channels()}
        sections = validate_sections(data, specs, "channel")
        out = handler({})
        assert out.__pydantic_extra__ is not None
        out.__pydantic_extra__.update(sections)
        return out

    def __getattr__(self, name: str) -> Any:
        try:
            return super().__getattr__(name)  # type: ignore[misc]
        except AttributeError:
            from quoter import channels

            if name in channels.channel_keys():
                return None
            raise

    @classmethod
    def section_model(cls, key: str) -> type[BaseModel] | None:
        """The model of channel ``key``'s section (for the YAML reader's nearest-key hints)."""
        from quoter import channels

        return channels.get(key).spec if key in channels.channel_keys() else None

    def section(self, key: str) -> Any:
        """The section of channel ``key``, or ``None`` when the client did not ask for it."""
        return (self.__pydantic_extra__ or {}).get(key)

    def present(self) -> dict[str, Any]:
        """The channels asked for, in the registry's order."""
        from quoter import channels

        return {k: self.section(k) for k in channels.channel_keys() if self.section(k) is not None}

    @model_serializer(mode="wrap")
    def _with_absent(self, handler: Any) -> dict[str, Any]:
        from quoter import channels

        data: dict[str, Any] = handler(self)
        keys = channels.channel_keys()
        return {k: data.get(k) for k in keys} | {k: v for k, v in data.items() if k not in keys}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        from pydantic import create_model

        from quoter import channels

        fields: dict[str, Any] = {
            c.key: (c.spec, ...) if c.required else (c.spec | None, None) for c in channels.channels()
        }
        typed = create_model("Channels", __config__=ConfigDict(extra="forbid"), **fields)
        return handler(typed.__pydantic_core_schema__)


class Staffing(Strict):
    shrinkage: Annotated[float, NotBool, Field(ge=0, lt=1, allow_inf_nan=False)] = 0.30
    max_occupancy: Share = 0.85
    hours_per_fte_week: Annotated[
        float, NotBool, Field(ge=MIN_HOURS_PER_FTE_WEEK, le=MAX_HOURS_PER_FTE_WEEK, allow_inf_nan=False)
    ] = 44
    min_agents: Annotated[int, NotBool, Field(ge=0, le=MAX_AGENTS)] = 1
    line_blocking: Annotated[float, NotBool, Field(gt=0, lt=1, allow_inf_nan=False)] = 0.01


def parse_start_date(text: str) -> dt.date:
    """An ISO date, or a Jalali ``YYYY-MM-DD`` (a year before 1700 is Jalali), as a Gregorian date."""
    from quoter.calendar import from_jalali

    t = text.strip().replace("/", "-")
    try:
        year = int(t.split("-")[0])
        return from_jalali(t) if year < 1700 else dt.date.fromisoformat(t)
    except ValueError:
        raise ValueError(f"'{text}' is not a date such as 2026-12-22 or 1405-10-01 (Jalali)") from None


def _season(v: Any) -> str | list[float]:
    """A seasonality profile's name, or twelve monthly factors (0..MAX_SEASON_FACTOR, Farvardin first)."""
    from quoter.term.seasonality import JALALI_MONTHS, PROFILES

    if isinstance(v, str):
        if v not in PROFILES:
            raise ValueError(f"'{v}' is not a seasonality profile ({', '.join(PROFILES)}) or a list of 12 factors")
        return v
    if not isinstance(v, list):
        raise ValueError("must be a profile name or a list of 12 monthly factors, Farvardin first")
    if len(v) != 12:
        raise ValueError(f"needs 12 monthly factors, Farvardin first (got {len(v)})")
    out = []
    for i, f in enumerate(v):
        month = JALALI_MONTHS[i].capitalize()
        if isinstance(f, bool) or not isinstance(f, int | float) or f != f or f in (float("inf"), float("-inf")):
            raise ValueError(f"{month} (factor {i + 1}): {f!r} is not a finite number")
        if not 0 <= f <= MAX_SEASON_FACTOR:
            raise ValueError(f"{month} (factor {i + 1}): {f} is not between 0 and {MAX_SEASON_FACTOR:g}")
        out.append(float(f))
    if not any(out):
        raise ValueError("needs at least one positive factor")
    return out


Seasonality = Annotated[
    str | list[float],
    PlainValidator(_season),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "enum": ["flat", "iran-retail", "iran-services"]},
                   {"type": "array", "items": {"type": "number", "minimum": 0, "maximum": MAX_SEASON_FACTOR},
                    "minItems": 12, "maxItems": 12}]}
    ),
]  # fmt: skip


SeasonFactor = Annotated[float, NotBool, Field(ge=0, le=MAX_SEASON_FACTOR, allow_inf_nan=False)]


class Forecast(Strict):
    """``forecast``: the volume of months ahead, as factors of the forecast month (the channels' monthly
    volumes), keyed by Jalali month (``1405-10``). Written by ``quoter history --write``; the term plan uses
    a month's factor here before the seasonality."""

    method: Text | None = None
    mape: Annotated[float, NotBool, Field(ge=0, allow_inf_nan=False)] | None = Field(
        default=None, description="the forecast's mean absolute percentage error on held-out history"
    )
    source: Text | None = None
    months: Annotated[dict[str, SeasonFactor], Field(min_length=1, max_length=2 * MAX_TERM_MONTHS)]

    @field_validator("months")
    @classmethod
    def _jalali_months(cls, v: dict[str, float]) -> dict[str, float]:
        for key in v:
            y, _, m = key.partition("-")
            if not (len(y) == 4 and y.isdigit() and m.isdigit() and len(m) == 2 and 1 <= int(m) <= 12):
                raise ValueError(f"'{key}' is not a Jalali month like 1405-10")
        return v

    def factor(self, year: int, month: int) -> float | None:
        return self.months.get(f"{year}-{month:02d}")


def _check_shares(shares: dict[str, float], where: str) -> None:
    total = sum(shares.values())
    if abs(total - 1) > 1e-6:
        raise ValueError(f"{where}: shares sum to {total:g}, not 1")


class Requirements(Strict):
    client: Client
    service: Service = Service()
    languages: Annotated[dict[Name, Share], Field(min_length=1, max_length=MAX_LANGUAGES)] = {"fa": 1.0}
    pools: list[list[str]] = []
    bilingual_share: Annotated[float, NotBool, Field(ge=0, le=1, allow_inf_nan=False)] = Field(
        default=1.0,
        description="share of a pool's agents on duty who speak every language of the pool (1: all of them, "
        "which the pooled Erlang sizing assumes; quoter simulate and staff --verify route by skill with it)",
    )
    channels: Channels
    staffing: Staffing = Staffing()
    shifts: ShiftRules | None = None
    seasonality: Seasonality = Field(
        default="flat",
        description="monthly volume factors over the year, Farvardin first: a profile (flat, iran-retail, "
        "iran-services) or 12 factors (1 = the forecast month)",
    )
    forecast: Forecast | None = Field(
        default=None,
        exclude_if=lambda v: v is None,  # absent, it leaves the dump (and so every quote number) as before
        description="the volume of the months ahead from the client's history (quoter history --write)",
    )
    payment: PaymentTerms | None = None
    notes: Text | None = None

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
        for name, ch in self.channels.present().items():
            if getattr(ch, "languages", None) is not None:
                _check_shares(ch.languages, f"channels.{name}.languages")
                unknown = [lang for lang in ch.languages if lang not in self.languages]
                if unknown:
                    raise ValueError(
                        f"channels.{name}.languages: {', '.join(unknown)} not among the languages "
                        f"({', '.join(self.languages)})"
                    )
            if getattr(ch, "hours", None) is not None:
                try:
                    open_mask(ch.hours, self.service.interval_minutes)
                except ValueError as exc:
                    raise ValueError(f"channels.{name}.hours: {exc}") from None
        return self

    def scaled(self, volume: float = 1.0, aht: float = 1.0) -> Requirements:
        """The same requirements with every volume times ``volume`` and every handle time times ``aht``."""
        from quoter import channels
        from quoter.channels.base import scale

        extra = {k: scale(channels.get(k), spec, volume, aht) for k, spec in self.channels.present().items()}
        scaled = self.channels.model_copy()
        scaled.__pydantic_extra__ = {**(self.channels.__pydantic_extra__ or {}), **extra}
        return self.model_copy(update={"channels": scaled})


def load_requirements(path: str | Path) -> Requirements:
    """Read and validate a requirements YAML file (InputError on any problem, with lines)."""
    return load_model(path, Requirements, "requirements")
