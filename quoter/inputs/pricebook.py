"""Price books: dated, validated YAML holding every rate a quote uses (nothing priced is in code).

A price book names its currency and its as-of date; statutory figures carry a comment citing their
source in the YAML file. ``load_price_book(name_or_path)`` is the only entry point; unknown keys,
missing rates, a negative margin, a margin of 100% or more, an unknown currency, a ramp-up longer
than the minimum term each become an :class:`~quoter.errors.InputError` naming the field and line.

Numbers are read from YAML straight into ``Decimal`` (a custom loader), never through float.
Key reference: docs/pricing.md.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from quoter.calendar import DAYS, in_window, parse_time
from quoter.errors import InputError
from quoter.inputs.campaign_book import CampaignBook
from quoter.inputs.hourly_pay import HourlyPay, check_minimum
from quoter.inputs.numbers import (
    DaysPerMonth,
    Factor,
    HoursPerWeek,
    Money,
    Number,
    Positive,
    Rate,
    Ratio,
    Step,
    Strict,
    _number_problem,
)
from quoter.inputs.term_book import Indexation, Law, Payment, Source
from quoter.inputs.text import Name, RequiredName
from quoter.inputs.yamlio import Loc, check_timezone, read_yaml, validate
from quoter.limits import (
    MAX_AGENTS,
)
from quoter.money import WEEKS_PER_MONTH, Rounder

DEFAULT_BOOK = "ir-1405"
MODEL_KEYS = ("per_call", "per_minute", "per_seat", "per_hour", "fixed", "hybrid", "performance")


class Company(Strict):
    """The provider's profile, used by the documents (parties, header, signature, courts' city)."""

    name: RequiredName
    name_fa: Name | None = None
    address: Name | None = None
    address_fa: Name | None = None
    city: Name | None = None
    city_fa: Name | None = None
    signatory: Name | None = None
    signatory_fa: Name | None = None
    signatory_title: Name | None = None
    signatory_title_fa: Name | None = None
    registration_no: Name | None = None
    national_id: Name | None = None
    economic_code: Name | None = None
    postal_code: Name | None = None
    phone: Name | None = None
    email: Name | None = None
    logo: Name | None = None
    # the proposal's company introduction (each optional; sales confirms the figures before sending)
    description: Name | None = None
    description_fa: Name | None = None
    founded: int | None = Field(default=None, ge=1900, le=2100)  # Gregorian year the company started
    seats: int | None = Field(default=None, ge=1)  # agent positions in the company's centres
    certifications: Name | None = None
    certifications_fa: Name | None = None


class Labour(Strict):
    """The labour facts of where the agents work: hours, minimum wage, and which hours carry a premium.

    The night window, the weekly rest days and the official holidays live here only: the interval
    estimate (:mod:`quoter.pricing.usage`) and the shift planner (:mod:`quoter.shifts.solver`) both read
    them, on the agents' clock (``timezone``); the service's hours are moved to it first.
    """

    hours_per_week: HoursPerWeek
    days_per_month: DaysPerMonth = Decimal(30)
    minimum_wage_daily: Money
    minimum_wage_year: Annotated[int, Field(ge=1300, le=3000, strict=True)]
    holidays_per_year: Annotated[int, Field(ge=0, le=60)] = 0
    overtime_max_hours_day: Annotated[Decimal, Number, Field(ge=0, le=12)] = Decimal(4)  # Labour Law art. 59
    shift_max_hours_4_weeks: Annotated[Decimal, Number, Field(gt=0, le=336)] = Decimal(176)  # art. 57
    overtime_max_share: Rate = Decimal("0.15")  # the provider's own cap: overtime at most this share of paid hours
    night_start: str = "22:00"
    night_end: str = "06:00"
    rest_days: list[str] = Field(
        default=["fri"],
        description="weekly rest days (Labour Law art. 62: Friday); hours on them carry the Friday premium",
        json_schema_extra={"items": {"type": "string", "enum": list(DAYS)}},
    )
    timezone: str = "Asia/Tehran"  # where the agents work (night and rest days are local)

    @property
    def minimum_wage_monthly(self) -> Decimal:
        """Minimum monthly wage for the book's year: the daily figure x days per month (30)."""
        return self.minimum_wage_daily * self.days_per_month

    @property
    def night_window(self) -> tuple[int, int]:
        """The night window as minutes after midnight (start, end); it may cross midnight."""
        return parse_time(self.night_start), parse_time(self.night_end)

    def is_night(self, minute: int) -> bool:
        """Whether ``minute`` after midnight (agents' clock) is a night minute."""
        return in_window(minute % 1440, *self.night_window)

    def is_rest_day(self, day: int) -> bool:
        """Whether day ``day`` of the week (Saturday 0, agents' clock) is a weekly rest day."""
        return DAYS[day % 7] in self.rest_days

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        return check_timezone(v)

    @field_validator("night_start", "night_end")
    @classmethod
    def _hhmm(cls, v: str) -> str:
        parse_time(v)
        return v

    @field_validator("rest_days")
    @classmethod
    def _days(cls, v: list[str]) -> list[str]:
        bad = [d for d in v if d not in DAYS]
        if bad:
            raise ValueError(f"{', '.join(bad)}: not a day ({', '.join(DAYS)})")
        if len(set(v)) != len(v):
            raise ValueError("names a day twice")
        return v

    @model_validator(mode="after")
    def _night_not_empty(self) -> Labour:
        a, b = self.night_window
        if a == b:
            raise ValueError(f"night_start and night_end are both {self.night_start}: the night window is empty")
        return self


class Wages(Strict):
    """Monthly base wages (currency per month, full-time). ``agent`` by language or skill tier."""

    agent: dict[str, Money]
    supervisor: Money
    qa: Money
    trainer: Money
    wfm: Money
    manager: Money

    @field_validator("agent")
    @classmethod
    def _default_tier(cls, v: dict[str, Decimal]) -> dict[str, Decimal]:
        if "default" not in v:
            raise ValueError("needs a 'default' tier for languages without their own wage")
        return v

    def agent_wage(self, languages: tuple[str, ...]) -> tuple[str, Decimal]:
        """The tier and wage for a queue: a pooled queue pays its best-paid language's tier."""
        tiers = [
            (self.agent.get(lang, self.agent["default"]), lang if lang in self.agent else "default")
            for lang in languages
        ]
        wage, tier = max(tiers)
        return tier, wage


class Loads(Strict):
    employer_insurance: Rate
    other: Rate = Decimal(0)
    insured_allowances: list[Literal["housing", "food", "child", "marriage", "seniority"]] = []
    insure_premiums: bool = True  # shift, night, Friday, holiday and overtime premiums are insured pay


class Allowances(Strict):
    """Monthly allowances per full-time head (currency per month).

    The child allowance is ``child_days`` of the minimum wage per child times the average children per head
    (or a fixed ``child`` amount per head); marriage and seniority are paid to the married share and to the
    share with a year's service or more. The shares are the provider's staff figures (assumptions).
    """

    housing: Money
    food: Money
    child: Money = Decimal(0)
    child_days: Factor = Decimal(0)
    children_per_head: Factor = Decimal(0)
    marriage: Money = Decimal(0)
    married_share: Rate = Decimal(0)
    seniority: Money = Decimal(0)
    seniority_share: Rate = Decimal(0)

    def per_head(self, minimum_daily: Decimal) -> dict[str, Decimal]:
        """Each allowance's average amount per head a month (``child`` from the days of ``minimum_daily``)."""
        return {
            "housing": self.housing,
            "food": self.food,
            "child": self.child + self.child_days * minimum_daily * self.children_per_head,
            "marriage": self.marriage * self.married_share,
            "seniority": self.seniority * self.seniority_share,
        }


class Accruals(Strict):
    eydi_days: Factor
    eydi_cap_minimum_wage_days: Factor | None = None
    severance_days_per_year: Factor


class Premiums(Strict):
    night: Rate
    friday: Rate
    holiday: Rate
    overtime: Rate
    shift_two: Rate
    shift_two_with_night: Rate
    shift_three: Rate


class Role(Strict):
    ratio: Ratio  # agents (FTE) per person in the role
    whole: bool = False  # round the head count up to whole people (else a shared, fractional role)
    minimum: Annotated[Decimal, Number, Field(ge=0, le=MAX_AGENTS)] = Decimal(0)


class SpanOfControl(Strict):
    supervisor: Role
    qa: Role
    trainer: Role
    wfm: Role
    manager: Role


class Seats(Strict):
    """Seat and technology cost per seat per month."""

    workstation: Money
    licences: Money
    headset: Money
    spare_share: Rate = Decimal("0.05")

    @property
    def per_seat(self) -> Decimal:
        return self.workstation + self.licences + self.headset


class Telephony(Strict):
    per_minute: Money
    per_line_month: Money


class Facility(Strict):
    per_seat_month: Money


class Overhead(Strict):
    g_and_a: Rate
    risk_buffer: Rate


class OneTime(Strict):
    recruitment_per_hire: Money
    training_hours: Factor
    ivr_setup: Money
    crm_integration: Money
    nesting_weeks: Factor = Decimal(0)
    nesting_productivity: Rate = Decimal(1)
    setup_margin: Annotated[Decimal, Number, Field(ge=0, lt=1)] = Decimal(0)


class RampStage(Strict):
    week: Annotated[int, Field(ge=1)]
    share: Annotated[Decimal, Number, Field(gt=0, le=1)]


class RampUp(Strict):
    stages: list[RampStage] = Field(min_length=1)

    @field_validator("stages")
    @classmethod
    def _ordered(cls, v: list[RampStage]) -> list[RampStage]:
        for a, b in zip(v, v[1:], strict=False):
            if b.week <= a.week or b.share <= a.share:
                raise ValueError("stages must go forward: each later week with a larger share")
        if v[-1].share != 1:
            raise ValueError("the last stage must bring the full team (share 1)")
        return v

    @property
    def weeks(self) -> int:
        return self.stages[-1].week


class AddOn(Strict):
    name: RequiredName
    name_fa: Name | None = None
    monthly: Money | None = None
    one_time: Money | None = None

    @model_validator(mode="after")
    def _priced(self) -> AddOn:
        if self.monthly is None and self.one_time is None:
            raise ValueError("give a monthly or a one_time price")
        return self


class TermDiscount(Strict):
    min_months: Annotated[int, Field(ge=1)]
    discount: Annotated[Decimal, Number, Field(ge=0, lt=1)]


class Terms(Strict):
    min_term_months: Annotated[int, Field(ge=1)] = 1
    discounts: list[TermDiscount] = []

    def discount(self, months: int) -> Decimal:
        """The largest discount whose minimum term the contract reaches."""
        return max((d.discount for d in self.discounts if months >= d.min_months), default=Decimal(0))


class Approval(Strict):
    """The company's approval policy (not law): a quote whose margin at forecast is under ``margin_floor``, or whose
    term discount is over ``discount_ceiling``, needs a named approval in the quote book before it is sent."""

    margin_floor: Rate
    discount_ceiling: Rate


class Rounding(Strict):
    line: Step
    unit_price: Step
    hourly: Step
    seat: Step
    monthly: Step
    setup: Step
    mode: Literal["half_up", "half_even", "up"] = "half_up"

    def rounder(self) -> Rounder:
        return Rounder(
            line=self.line,
            unit_price=self.unit_price,
            hourly=self.hourly,
            seat=self.seat,
            monthly=self.monthly,
            setup=self.setup,
            mode=self.mode,
        )


def validate_sections(
    data: dict[str, Any],
    specs: Mapping[str, tuple[type[BaseModel] | None, bool]],
    what: str,
    skip: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Validate a mapping of plug-in sections: each key must name a registered plug-in with a section model
    (``specs``: key -> (model, required)); every problem is raised at once, located under its key."""
    from pydantic_core import InitErrorDetails, PydanticCustomError

    errors: list[InitErrorDetails] = []
    sections: dict[str, Any] = {}
    known = ", ".join(k for k, (spec, _) in specs.items() if spec is not None)
    for key in data:
        if key not in skip and (key not in specs or specs[key][0] is None):
            err = PydanticCustomError(f"unknown_{what}", f"not a {what} (known: {{known}})", {"known": known})
            errors.append({"type": err, "loc": (key,), "input": data[key]})
    for key, (spec, required) in specs.items():
        given = data.get(key)
        if spec is None or (given is None and not required):
            continue
        if given is None:
            errors.append({"type": PydanticCustomError("missing", "required key is missing"), "loc": (key,),
                           "input": data})  # fmt: skip
            continue
        try:
            sections[key] = spec.model_validate(given)
        except ValidationError as exc:
            for e in exc.errors():
                detail = {"type": PydanticCustomError(e["type"], e["msg"]), "loc": (key, *e["loc"]),
                          "input": e.get("input")}  # fmt: skip
                errors.append(detail)  # type: ignore[arg-type]
    if errors:
        raise ValidationError.from_exception_data(what, errors)
    return sections


class Models(BaseModel):
    """The tariff models' sections: ``risk_premium`` (model key -> share added to the target revenue; a
    model the map does not name uses its own default) and one section per registered model that has one,
    validated by that model's ``spec`` (:mod:`quoter.pricing.tariffs`). A key that names no model is refused."""

    model_config = ConfigDict(extra="allow", frozen=True)

    risk_premium: dict[str, Rate] = {}

    @model_validator(mode="wrap")
    @classmethod
    def _sections(cls, data: Any, handler: Any) -> Any:
        from pydantic_core import InitErrorDetails, PydanticCustomError

        from quoter.pricing import tariffs

        if isinstance(data, Models):
            return data
        if not isinstance(data, dict):
            return handler(data)
        registered = {m.key: (m.spec, False) for m in tariffs.models()}
        unknown: list[InitErrorDetails] = [
            {
                "type": PydanticCustomError("unknown_model", "not a tariff model (known: {known})",
                                            {"known": ", ".join(registered)}),
                "loc": ("risk_premium", key),
                "input": key,
            }
            for key in data.get("risk_premium") or {}
            if key not in registered
        ]  # fmt: skip
        if unknown:
            raise ValidationError.from_exception_data("Models", unknown)
        specs = {k: (spec, False) for k, (spec, _) in registered.items()}
        sections = validate_sections({k: v for k, v in data.items()}, specs, "tariff model with a section",
                                     skip=("risk_premium",))  # fmt: skip
        for key, (spec, _) in specs.items():  # a model whose section the book leaves out takes its defaults
            if spec is not None and key not in sections:
                sections[key] = spec.model_validate({})
        out = handler({"risk_premium": data.get("risk_premium", {})})
        assert out.__pydantic_extra__ is not None
        out.__pydantic_extra__.update(sections)
        return out

    @classmethod
    def section_model(cls, key: str) -> type[BaseModel] | None:
        """The model of tariff model ``key``'s section (for the YAML reader's nearest-key hints)."""
        from quoter.pricing import tariffs

        return tariffs.get(key).spec if key in tariffs.model_keys() else None

    def section(self, key: str) -> Any:
        return (self.__pydantic_extra__ or {})[key]


class Risk(Strict):
    """How the per-unit models' risk premiums are set (``quoter.quote.risk``): from the committed scenarios,
    weighted by the client's volume certainty, or the fixed ``models.risk_premium`` figures (then also the
    least premium a model takes)."""

    method: Literal["scenarios", "fixed"] = "fixed"
    weights: dict[Literal["low", "medium", "high"], dict[str, Rate]] = {}
    loss_floor: Annotated[Decimal, Number, Field(ge=-1, le=1)] = Decimal(0)  # worst committed margin a winner may have

    @field_validator("weights")
    @classmethod
    def _weights(cls, v: dict[str, dict[str, Decimal]]) -> dict[str, dict[str, Decimal]]:
        from quoter.quote.scenarios import SCENARIOS

        keys = {k for k, _, _ in SCENARIOS}
        for certainty, w in v.items():
            unknown = sorted(set(w) - keys)
            if unknown:
                raise ValueError(f"{certainty}: {', '.join(unknown)} not a scenario ({', '.join(sorted(keys))})")
            if sum(w.values()) != 1:
                raise ValueError(f"{certainty}: the weights sum to {sum(w.values())}, not 1")
        return v


class InHouse(Strict):
    """What the client would pay to run the same service itself, and what managing a vendor costs it."""

    class Hidden(Strict):
        """A cost of running the service in-house that a first comparison leaves out (backup power, spare
        lines, standby agents...): a monthly amount per seat or a share of the in-house staff cost."""

        key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
        monthly_per_seat: Money | None = None
        share_of_staff: Rate | None = None
        basis: RequiredName  # where the figure comes from (ASSUMED: ...)

        @model_validator(mode="after")
        def _one_figure(self) -> InHouse.Hidden:
            if (self.monthly_per_seat is None) == (self.share_of_staff is None):
                raise ValueError("give exactly one of monthly_per_seat and share_of_staff")
            return self

    wage_factor: Positive  # in-house wages and loads relative to the provider's
    seat_per_month: Money  # seat, technology and facility per seat (no shared scale)
    fitout_per_seat: Money  # one-time: space, furniture, equipment
    software_setup: Money  # one-time: ACD/CRM licences and set-up
    management_share: Rate  # management and oversight, share of staff cost
    turnover_annual: Rate  # agents replaced per year
    replacement_cost_per_hire: Money  # recruitment and training of one replacement
    hidden: list[Hidden] = []  # the in-house costs a first comparison leaves out
    vendor_management_share: Rate = Decimal(0)  # the client's cost of managing a vendor, share of the bill
    vendor_management_basis: Name | None = None

    @field_validator("hidden")
    @classmethod
    def _unique_keys(cls, v: list[InHouse.Hidden]) -> list[InHouse.Hidden]:
        keys = [h.key for h in v]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"hidden cost keys given twice: {', '.join(twice)}")
        return v


class PriceBook(Strict):
    name: RequiredName
    title: RequiredName
    title_fa: Name | None = None
    as_of: dt.date
    currency: str
    clients: Literal["domestic", "foreign"] = Field(
        default="domestic",
        description="whom the book prices: clients in the provider's country (IR: Rial, Iranian VAT and courts), "
        "or foreign clients",
    )
    valid_days: Annotated[int, Field(ge=1, le=365)]
    vat_rate: Rate
    toman: bool = False
    company: Company
    labour: Labour
    wages: Wages
    loads: Loads
    allowances: Allowances
    accruals: Accruals
    premiums: Premiums
    span_of_control: SpanOfControl
    seats: Seats
    telephony: Telephony
    facility: Facility
    overhead: Overhead
    target_margin: Annotated[Decimal, Number]
    one_time: OneTime
    terms: Terms = Terms()
    approval: Approval | None = None  # the quote book's approval gate (none: no revision needs an approval)
    ramp_up: RampUp
    add_ons: dict[str, AddOn] = {}
    rounding: Rounding
    models: Models
    in_house: InHouse
    law: Law | None = None
    indexation: Indexation = Indexation()
    risk: Risk = Risk()
    payment: Payment = Payment()
    campaign: Annotated[CampaignBook | None, AfterValidator(check_minimum)] = None  # hourly campaign agents
    part_time: Annotated[HourlyPay | None, AfterValidator(check_minimum)] = None  # part-time tours, paid by the hour
    sources: dict[RequiredName, Source] = {}

    @field_validator("currency")
    @classmethod
    def _iso(cls, v: str) -> str:
        from babel.numbers import list_currencies

        if v not in list_currencies():
            raise ValueError(f"'{v}' is not an ISO 4217 currency code (e.g. IRR, USD, EUR)")
        return v

    @field_validator("target_margin")
    @classmethod
    def _margin(cls, v: Decimal) -> Decimal:
        if v < 0:
            raise ValueError("must not be negative")
        if v >= 1:
            raise ValueError("must be below 1 (100%): the margin is a share of the price")
        return v

    @field_validator("ramp_up")
    @classmethod
    def _within_term(cls, v: RampUp, info: ValidationInfo) -> RampUp:
        terms = info.data.get("terms")
        if terms is not None:
            term_weeks = terms.min_term_months * WEEKS_PER_MONTH
            if v.weeks > term_weeks:
                raise ValueError(
                    f"the ramp-up ({v.weeks} weeks) is longer than the shortest term "
                    f"(terms.min_term_months = {terms.min_term_months}, {term_weeks:.1f} weeks)"
                )
        return v

    @model_validator(mode="after")
    def _legal(self) -> PriceBook:
        problems = legal_shortfalls(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def allowances_per_head(self) -> dict[str, Decimal]:
        """Each allowance's average amount per full-time head a month."""
        return self.allowances.per_head(self.labour.minimum_wage_daily)

    def insurance_ceiling(self) -> Decimal | None:
        """The most insured pay of one head a month (the law's multiple of the minimum wage), if the book says."""
        if self.law is None or self.law.insurance_ceiling_minimum_wages is None:
            return None
        return self.law.insurance_ceiling_minimum_wages * self.labour.minimum_wage_monthly

    @property
    def rounder(self) -> Rounder:
        return self.rounding.rounder()

    def snapshot(self) -> dict[str, Any]:
        """The whole book as JSON-ready data (decimals as strings) for quote.json."""
        data: dict[str, Any] = _jsonable(self.model_dump(mode="python"))
        return data


def legal_shortfalls(book: PriceBook) -> list[str]:
    """Every wage and allowance of ``book`` below its year's legal minimum, each naming its key."""
    lab = book.labour
    minimum = lab.minimum_wage_monthly
    year = lab.minimum_wage_year
    wages = {f"wages.agent.{k}": w for k, w in book.wages.agent.items()}
    wages.update({f"wages.{r}": getattr(book.wages, r) for r in ("supervisor", "qa", "trainer", "wfm", "manager")})
    out = [
        f"{key}: {w:,.0f} is below the {year} minimum monthly wage {minimum:,.0f} "
        f"(labour.minimum_wage_daily {lab.minimum_wage_daily:,.0f} x {lab.days_per_month:.0f} days)"
        for key, w in wages.items()
        if w < minimum
    ]
    law, a = book.law, book.allowances
    if law is None:
        return out
    for key, paid, legal in (
        ("housing", a.housing, law.housing),
        ("food", a.food, law.food),
        ("child_days", a.child_days if a.children_per_head else law.child_days, law.child_days),
        ("marriage", a.marriage if a.married_share else law.marriage, law.marriage),
        ("seniority", a.seniority if a.seniority_share else law.seniority_base, law.seniority_base),
    ):
        if paid < legal:
            out.append(f"allowances.{key}: {paid:,.0f} is below the {year} legal figure {legal:,.0f} (law)")
    return out


def _jsonable(data: Any) -> Any:
    from quoter.money import dec_str

    if isinstance(data, Decimal):
        return dec_str(data)
    if isinstance(data, dt.date):
        return data.isoformat()
    if isinstance(data, dict):
        return {k: _jsonable(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_jsonable(v) for v in data]
    return data


# ---------------------------------------------------------------- loading
class _DecimalLoader(yaml.SafeLoader):  # type: ignore[misc]  # yaml is untyped here (no types-PyYAML)
    """SafeLoader that reads YAML floats as Decimal from their text (money never passes through float)."""


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    text = str(loader.construct_scalar(node)).replace("_", "")
    special = {".nan": "NaN", ".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity"}
    try:
        return Decimal(special.get(text.lower(), text))  # .inf / .nan: refused with the field named
    except InvalidOperation:
        return text  # a sexagesimal 1:30 and the like: refused by validation as not a number


def _check_numbers(data: Any, lines: dict[Loc, int], loc: Loc = ()) -> list[str]:
    """Every number of a price book, wherever it is (tariff sections too): finite and of sane size."""
    problems: list[str] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        problems += _check_numbers(value, lines, (*loc, key))
    problem = _number_problem(data)
    if problem:
        line = lines.get(loc)
        problems.append(f"{'.'.join(str(p) for p in loc)}: {problem}" + (f" (line {line})" if line else ""))
    return problems


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def read_price_book(path: Path) -> PriceBook:
    """Read and validate one price book file (floats read as exact Decimals)."""
    data, lines = read_yaml(path, "price book", _DecimalLoader)
    if not isinstance(data, dict):
        raise InputError(f"{path}: a price book file must be a YAML mapping of keys to values")
    problems = _check_numbers(data, lines)
    if problems:
        n = len(problems)
        raise InputError(f"{path}: {n} problem{'s' if n > 1 else ''}", problems)
    return validate(data, PriceBook, what=f"{path}", lines=lines)


def book_from_snapshot(data: dict[str, Any]) -> PriceBook:
    """A price book from the snapshot a quote.json carries (decimal strings are exact)."""
    return validate(data, PriceBook, what="quote.json price_book")


def search_dirs() -> list[Path]:
    """Where named price books are found, first match wins.

    ``$QUOTER_PRICE_BOOKS`` (folders separated by the OS path separator), then ``pricing_models/``
    of a source checkout, then the copy packaged with quoter.
    """
    dirs = [Path(p) for p in os.environ.get("QUOTER_PRICE_BOOKS", "").split(os.pathsep) if p]
    from quoter.paths import CHECKOUT, PACKAGE

    dirs += [CHECKOUT / "pricing_models", PACKAGE / "_data" / "pricing_models"]
    return [d for d in dirs if d.is_dir()]


class BookInfo(NamedTuple):
    name: str
    title: str
    as_of: dt.date
    currency: str
    path: Path


def _book_files() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for d in search_dirs():
        for p in sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml")):
            found.setdefault(p.stem, p)
    return found


def list_price_books() -> list[BookInfo]:
    """Every named price book found, by name; a broken file raises InputError naming it."""
    return [
        BookInfo(name, b.title, b.as_of, b.currency, path)
        for name, path in sorted(_book_files().items())
        for b in [read_price_book(path)]
    ]


def resolve_price_book(name_or_path: str | Path | None = None) -> Path:
    """The file of a book given by name (``ir-1405``) or path; InputError listing the names if unknown."""
    if name_or_path is None:
        name_or_path = DEFAULT_BOOK
    text = str(name_or_path)
    p = Path(text)
    if p.suffix.lower() in (".yaml", ".yml") or os.sep in text or "/" in text:
        return p
    files = _book_files()
    if text not in files:
        names = ", ".join(sorted(files)) or "none found"
        raise InputError(f"no price book named '{text}' (available: {names}); pass a file path to use your own")
    return files[text]


def load_price_book(name_or_path: str | Path | None = None) -> PriceBook:
    """Load a price book by name (default ``ir-1405``) or by file path."""
    return read_price_book(resolve_price_book(name_or_path))


HOME_COUNTRY = "IR"  # the provider's country: its domestic books price clients here


def book_for_client(country: str) -> str:
    """The book to price a client of ``country`` with when none is named: the default for a client in the
    provider's country, else the first named book for foreign clients (the default when there is none)."""
    if country == HOME_COUNTRY:
        return DEFAULT_BOOK
    for name, path in sorted(_book_files().items()):
        if read_price_book(path).clients == "foreign":
            return name
    return DEFAULT_BOOK


def check_client_market(country: str, book: PriceBook) -> None:
    """Refuse a book for the wrong side of the border: a domestic book (Rial, Iranian VAT and courts) for a
    foreign client, or a foreign one for a client at home."""
    foreign = country != HOME_COUNTRY
    if foreign != (book.clients == "foreign"):
        side = "foreign clients" if book.clients == "foreign" else f"clients in {HOME_COUNTRY}"
        wanted = "foreign clients" if foreign else f"clients in {HOME_COUNTRY}"
        raise InputError(
            "the price book does not fit the client's country",
            [
                f"client.country: {country}, but price book {book.name} prices {side} ({book.currency}); name a book "
                f"for {wanted} with --price-book, or correct client.country"
            ],
        )
