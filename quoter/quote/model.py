"""The typed contract of the quote dict (``quote.json``): pydantic models of exactly what ``Quote.to_dict()`` writes.

``validate_quote(data)`` checks a quote dict (e.g. a ``quote.json`` read back) and returns a frozen
:class:`QuoteDoc`; every problem is reported at once as ``path.to.field: message`` in an
:class:`~quoter.errors.InputError`. ``dump_quote(doc)`` gives the JSON-ready dict back, equal to the dict
the engine wrote: decimal strings come back as the same text, and optional keys (labels, names, per-channel
prices) absent from the input stay absent. docs/quote-json.md describes the fields;
``python -m quoter.schema`` writes the JSON Schema from these models.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    SerializerFunctionWrapHandler,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    model_serializer,
    model_validator,
)

from quoter.errors import InputError
from quoter.money import dec_str

SCHEMA_ID = "quoter.quote/1"
PLAIN_DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
_PLAIN = re.compile(PLAIN_DECIMAL)


def parse_dec(value: Any) -> Decimal:
    """A decimal string as the engine writes it (``"42996259000"``, ``"0.10"``, ``"-0.05"``), or a finite Decimal.

    The text must be exactly what :func:`quoter.money.dec_str` gives for its value (no exponent, no
    spaces, no leading zeros, no ``+``), so that dumping it gives the same string back.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"must be a finite decimal, not {value}")
        return value
    if not isinstance(value, str):
        raise ValueError(f'must be a decimal string such as "12.50", not {type(value).__name__} {value!r}')
    try:
        d = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"'{value}' is not a decimal number") from None
    if not d.is_finite():
        raise ValueError(f"must be a finite decimal, not '{value}'")
    if not _PLAIN.match(value) or dec_str(d) != value:
        raise ValueError(f"'{value}' is not a plain decimal string (write it as '{dec_str(d)}')")
    return d


Dec = Annotated[
    Decimal,
    PlainValidator(parse_dec),
    PlainSerializer(dec_str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": PLAIN_DECIMAL, "description": "a decimal number as a string"}),
]
"""Money, rates, shares and measures: a decimal string in JSON, a Decimal in Python, the same text back."""

Int = StrictInt
Bool = StrictBool
Jalali = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
Channel = Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*$")]
"""A registered channel's key (voice, chat, email, outbound, or a plug-in's)."""
MODEL_KEY = r"^[a-z][a-z0-9_]{0,63}$"
ModelKey = Annotated[str, Field(pattern=MODEL_KEY)]
"""A registered tariff model's key (the seven built-in ones are typed in :class:`Models`; a plug-in's as extra).
It starts with a letter: ``__class__`` and other dunder names are refused."""
KpiName = Literal["service_level", "abandon_rate", "asa", "csat", "fcr", "qa"]
PaidHoursKind = Literal["normal", "night", "friday", "holiday", "overtime", "friday_night", "holiday_night"]
"""Disjoint kinds of paid hours; an hour of two kinds (a rest-day or holiday night) carries both premiums."""


class Doc(BaseModel):
    """Base of every part of the quote: unknown keys are errors, models are frozen.

    A field that defaults to ``None`` and was not given is left out on dump (the engine may drop labels
    and names, and writes per-channel prices only for channels it priced); a ``null`` given stays ``null``.
    ``dump_last`` names fields the engine writes after the others (the dump keeps its key order).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    dump_last: ClassVar[tuple[str, ...]] = ()

    @model_serializer(mode="wrap")
    def _omit_absent(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        fields = type(self).model_fields
        for name in list(data):
            f = fields.get(name)
            if f is not None and data[name] is None and name not in self.model_fields_set and f.default is None:
                del data[name]
        for name in self.dump_last:
            if name in data:
                data[name] = data.pop(name)
        return data


# ---------------------------------------------------------------- header, parties, options
class QuoteHeader(Doc):
    number: str = Field(min_length=1)
    date: dt.date
    valid_until: dt.date
    date_jalali: Jalali
    valid_until_jalali: Jalali


class Client(Doc):
    """The requirements' ``client`` (keys without a value are left out)."""

    name: str | None = None
    name_fa: str | None = None
    address: str | None = None
    address_fa: str | None = None
    national_id: str | None = None
    registration_no: str | None = None
    economic_code: str | None = None
    postal_code: str | None = None
    signatory: str | None = None
    signatory_fa: str | None = None
    signatory_title: str | None = None
    signatory_title_fa: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 (the requirements' default: IR)
    contact: str | None = None
    vat_reclaim: Bool | None = None  # false: the client cannot reclaim VAT (the in-house comparison counts it)


class Company(Doc):
    """The price book's company profile (every key written, ``null`` when the book has no value)."""

    name: str | None = None
    name_fa: str | None = None
    address: str | None = None
    address_fa: str | None = None
    city: str | None = None
    city_fa: str | None = None
    signatory: str | None = None
    signatory_fa: str | None = None
    signatory_title: str | None = None
    signatory_title_fa: str | None = None
    registration_no: str | None = None
    national_id: str | None = None
    economic_code: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    email: str | None = None
    logo: str | None = None
    description: str | None = None
    description_fa: str | None = None
    founded: Int | None = None
    seats: Int | None = None
    certifications: str | None = None
    certifications_fa: str | None = None


class Options(Doc):
    volume_certainty: Literal["low", "medium", "high"]
    goal: Literal["budget", "cost", "flexibility", "quality"] | None
    chosen_model: ModelKey | None
    shifts: Bool | None
    verified: Bool | None = None  # true: priced from the staffing verified in simulation (absent otherwise)


class PriceBookRef(Doc):
    name: str
    title: str
    as_of: dt.date
    currency: str
    snapshot: dict[str, Any]  # validated as a PriceBook by requote (quoter.inputs.pricebook.book_from_snapshot)


# ---------------------------------------------------------------- staffing
class Queue(Doc):
    channel: Channel
    language: str
    model: Literal["erlang_c", "erlang_a", "chat_erlang_c", "workload"]
    sl_definition: str
    contacts_week: Dec | None
    handled_minutes_week: Dec | None
    agent_hours_week: Dec | None
    scheduled_hours_week: Dec | None
    fte: Dec | None
    peak_agents: Int
    service_level: Dec | None
    asa_seconds: Dec | None
    abandon_rate: Dec | None
    occupancy: Dec | None


class StaffingTotals(Doc):
    fte: Dec
    headcount: Int
    peak_agents: Int
    lines: Int
    contacts_week: Dec | None
    agent_hours_week: Dec | None
    scheduled_hours_week: Dec | None
    contacts_month: Dec
    productive_hours_month: Dec
    paid_hours_month: Dec


class ShiftPlan(Doc):
    used: Bool
    reason: Literal["not_asked", "no_roster", "used", "campaign"]
    detail: str | None = None
    status: str | None  # optimal, or the queues' statuses (repaired, node_limit, time_limit, heuristic) joined by /
    paid_hours_week: dict[PaidHoursKind, Dec] | None
    headcount: Int | None
    efficiency: Dec | None
    gap: Dec | None = None  # the roster's cost over the planner's lower bound, less one
    part_time_headcount: Int | None = None
    part_time_hours_week: Dec | None = None  # paid hours of part-time tours among paid_hours_week (absent: none)


class Staffing(Doc):
    interval_minutes: Int
    shrinkage: Dec | None
    max_occupancy: Dec | None
    hours_per_fte_week: Dec | None
    queues: list[Queue]
    totals: StaffingTotals
    notes: list[Literal["month", "scheduled", "lines"]]
    shift_plan: ShiftPlan


# ---------------------------------------------------------------- cost, setup, ramp-up, in-house
class CostLine(Doc):
    key: str
    group: str
    fields: dict[str, str] | None = None  # what the label names (tier, rotations, percent, months)
    quantity: Dec
    unit: str
    rate: Dec
    amount: Dec
    source: Literal["staffing plan", "shift plan", "price book", "cost lines", "term plan"]


class CostSummaryRow(Doc):
    key: Literal["agents", "support", "seats", "telephony", "overhead", "price"]
    amount: Dec


class Cost(Doc):
    monthly_total: Dec
    provider_cost: Dec
    direct: Dec
    margin: Dec
    discount: Dec
    target_margin: Dec
    term_discount: Dec
    agent_hourly_wage: Dec
    agent_loaded_monthly: Dec
    financing: Dec
    lines: list[CostLine]
    summary: list[CostSummaryRow]


class SetupOffer(Doc):
    """A set-up deliverable as the proposal offers it (internal lines folded in; adds up to the total)."""

    key: str
    amount: Dec


class Setup(Doc):
    total: Dec
    hires: Int
    lines: list[CostLine]
    offer: list[SetupOffer] | None = None


class RampStage(Doc):
    stage: Int
    week: Int
    share: Dec
    agents: Int


class InHouse(Doc):
    """Running the service in-house against the chosen tariff over the term (``quoter.pricing.setup``)."""

    class Hidden(Doc):
        """An in-house cost a first comparison leaves out: per seat a month or a share of staff cost."""

        key: str
        monthly_per_seat: Dec | None = None
        share_of_staff: Dec | None = None
        amount: Dec  # a month, today's prices
        basis: str

    monthly_total: Dec
    setup_total: Dec
    lines: list[CostLine]
    setup_lines: list[CostLine]
    hidden: list[Hidden]
    vendor_management_share: Dec
    vendor_management_basis: str | None
    term_total: Dec  # in-house over the term: set-up + each month at the term plan's wages and prices
    outsourced_policy: Literal["flat", "indexed", "level"]
    outsourced_bill: Dec  # the chosen tariff over the term under the policy, set-up fee included, excl. VAT
    vendor_management: Dec
    outsourced_vat: Dec  # 0 unless the client cannot reclaim VAT
    outsourced_term_total: Dec  # bill + vendor management + VAT (when included)
    vat_included: Bool
    cheaper: Literal["in_house", "outsourced"]
    difference: Dec = Field(ge=0)
    difference_share: Dec = Field(ge=0, le=1)  # of the dearer side


# ---------------------------------------------------------------- models (flat, document-facing)
class ModelPrice(Doc):
    """The fields every tariff has: the monthly bill at forecast (excl. VAT), its risk premium and VAT.

    The engine writes them after the model's own fields; the dump does too.
    """

    dump_last: ClassVar[tuple[str, ...]] = ("monthly_at_forecast", "risk_premium", "vat", "monthly_with_vat")

    monthly_at_forecast: Dec
    risk_premium: Dec
    vat: Dec
    monthly_with_vat: Dec


class PerChannel(ModelPrice):
    """A usage tariff's price per channel as ``<channel_prefix>_<channel>`` keys, for every channel it priced
    (the registered channels, plug-ins included); any other unknown key is refused."""

    model_config = ConfigDict(extra="allow", frozen=True)

    __pydantic_extra__: dict[str, Dec]
    channel_prefix: ClassVar[str] = "unit_price"

    @model_validator(mode="before")
    @classmethod
    def _channel_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            pattern = re.compile(rf"{cls.channel_prefix}_[a-z_][a-z0-9_]*")
            bad = [k for k in data if k not in cls.model_fields and not pattern.fullmatch(str(k))]
            if bad:
                raise ValueError(f"{bad[0]}: unknown key (per-channel prices are {cls.channel_prefix}_<channel>)")
        return data


class PerCallPrice(PerChannel):
    unit_price: Dec | None = None  # voice, or the first channel priced
    minimum_monthly: Dec


class PerMinutePrice(PerChannel):
    unit_price: Dec | None = None
    increment: Literal["per_second", "per_6_seconds", "per_started_minute"]
    bill_acw: Bool
    minimum_monthly: Dec


class PerSeatPrice(ModelPrice):
    unit_price: Dec
    seats: Int


class PerHourPrice(ModelPrice):
    unit_price: Dec
    hours_per_month: Dec


class FixedPrice(ModelPrice):
    monthly_fee: Dec
    band: Dec
    band_min_calls: Int
    band_max_calls: Int
    overage_rate: Dec
    underage_rate: Dec


class HybridPrice(PerChannel):
    channel_prefix: ClassVar[str] = "variable_rate"
    base_monthly: Dec
    base_share: Dec
    variable_rate: Dec | None = None
    variable_unit: Literal["call", "minute"]


class Kpi(Doc):
    name: KpiName
    target: Dec | None
    allocation: Dec
    max_credit: Dec
    predicted: Dec | None
    met: Bool


class PerformancePrice(ModelPrice):
    base: Dec
    at_risk_share: Dec
    at_risk_amount: Dec
    kpis: list[Kpi]
    credit_cap: Dec
    bonus_cap: Dec
    earn_back: Bool
    earn_back_months: Int
    expected_credit: Dec
    expected_payment: Dec


PluginValue = Dec | str | bool | int | None | list[Any] | dict[str, Any]


class PluginPrice(ModelPrice):
    """A plug-in tariff's fields: the common four typed, its own fields as the plug-in wrote them."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, PluginValue]


class Plugins(Doc):
    """Base of the per-model maps: a plug-in model (a registered key beyond the seven) is an extra key."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="after")
    def _plugin_keys(self) -> Plugins:
        bad = [k for k in self.__pydantic_extra__ or {} if not re.match(MODEL_KEY, k)]
        if bad:
            raise ValueError(f"not a model key: {', '.join(repr(k) for k in bad)} (lower-case letters, digits, _)")
        return self


class Models(Plugins):
    """The seven tariffs, in the engine's order, then any plug-in model."""

    __pydantic_extra__: dict[str, PluginPrice]

    per_call: PerCallPrice
    per_minute: PerMinutePrice
    per_seat: PerSeatPrice
    per_hour: PerHourPrice
    fixed: FixedPrice
    hybrid: HybridPrice
    performance: PerformancePrice


# ---------------------------------------------------------------- pricing (the derivation behind models)
class Usage(Doc):
    contacts: dict[Channel, Dec]
    handled_minutes: dict[Channel, Dec]
    talk_minutes: dict[Channel, Dec]
    productive_hours: dict[Channel, Dec]
    fte_by_tier: dict[str, Dec]
    fte: Dec
    headcount: Int
    paid_hours: Dec
    night_hours: Dec
    friday_hours: Dec
    holiday_hours: Dec
    overtime_hours: Dec
    peak_agents: Int
    lines: Int
    line_minutes: Dec
    rotations: list[Literal["morning", "evening", "night"]]
    hours_source: Literal["staffing plan", "shift plan"]
    logged_in_hours: Dec
    campaign_hours: Dec
    campaign_fte: Dec
    part_time_hours: Dec | None = None  # a roster's part-time tours (in paid_hours; absent: none, as zero)
    part_time_fte: Dec | None = None  # their full-time equivalent (in fte)


class PredictedKpis(Doc):
    service_level: Dec | None
    abandon_rate: Dec | None
    asa: Dec | None


class ModelDetail(Doc):
    tolerance: Dec


class UnitCount(Doc):
    quantity: Dec
    unit: str  # call, chat, email, dial attempt


class Tier(Doc):
    from_share: Dec
    from_units: Dec
    discount: Dec
    unit_prices: dict[Channel, Dec]


class PerCallDetail(ModelDetail):
    unit: Literal["call"]
    unit_prices: dict[Channel, Dec]
    units: dict[Channel, UnitCount]
    forecast_units: Dec
    minimum_commitment: Dec
    tiers: list[Tier]


class PerMinuteDetail(ModelDetail):
    unit: Literal["minute"]
    unit_prices: dict[Channel, Dec]
    billed_minutes: dict[Channel, Dec]
    forecast_units: Dec
    minimum_commitment: Dec


class PerSeatDetail(ModelDetail):
    fte: Dec
    productive_hours_per_seat: Dec


class PerHourDetail(ModelDetail):
    occupancy: Dec
    logged_in_hours: Dec  # what the contract bills: paid hours less shrinkage
    productive_hours: Dec


class BandDetail(ModelDetail):
    band: Dec
    band_min: Dec
    band_max: Dec
    overage_rate: Dec
    underage_rate: Dec
    forecast_units: Dec


class HybridDetail(ModelDetail):
    variable_rates: dict[Channel, Dec]
    units: dict[Channel, Dec]
    forecast_units: Dec
    marginal_cost: Dec | None  # the provider's cost of one more contact; the variable rate covers at least it


class PluginDetail(ModelDetail):
    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Any]


class PricingModels(Plugins):
    __pydantic_extra__: dict[str, PluginDetail]

    per_call: PerCallDetail
    per_minute: PerMinuteDetail
    per_seat: PerSeatDetail
    per_hour: PerHourDetail
    fixed: BandDetail
    hybrid: HybridDetail
    performance: BandDetail


class Pricing(Doc):
    target_monthly: Dec
    productive_hour: Dec
    usage: Usage
    predicted_kpis: PredictedKpis
    models: PricingModels


# ---------------------------------------------------------------- scenarios, recommendation, add-ons
class ScenarioModel(Doc):
    client_cost: Dec
    provider_margin: Dec | None  # null when the client pays nothing that month


class ScenarioModels(Plugins):
    __pydantic_extra__: dict[str, ScenarioModel]

    per_call: ScenarioModel
    per_minute: ScenarioModel
    per_seat: ScenarioModel
    per_hour: ScenarioModel
    fixed: ScenarioModel
    hybrid: ScenarioModel
    performance: ScenarioModel


class Scenario(Doc):
    key: Literal["volume-30", "volume-15", "forecast", "volume+15", "volume+30", "aht-10", "aht+10"]
    kind: Literal["committed", "replanned"]
    volume: Dec
    aht: Dec
    contacts_month: Dec
    fte: Dec
    peak_agents: Int
    provider_cost: Dec
    overtime_hours: Dec | None = None
    uncovered_hours: Dec | None = None
    service_level: Dec | None = None
    abandon_rate: Dec | None = None
    models: ScenarioModels


class Recommendation(Doc):
    model: ModelKey
    volume_certainty: Literal["low", "medium", "high"]
    goal: Literal["budget", "cost", "flexibility", "quality"] | None
    monthly: Dec
    monthly_low: Dec | None
    monthly_high: Dec | None
    band: Dec
    at_risk_share: Dec
    runner_up: ModelKey | None
    runner_up_monthly: Dec | None
    reasons: list[Literal["campaign", "short_term", "budget", "flexibility", "cost", "quality", "stable_volume",
                          "volume_risk", "vat", "balanced", "runner_up_loses"]]  # fmt: skip
    worst_margin: Dec | None
    runner_up_worst_margin: Dec | None


class Assumption(Doc):
    key: str
    fields: dict[str, str] | None = None


class AddOn(Doc):
    key: str
    name: str | None = None
    name_fa: str | None = None
    monthly: Dec | None
    one_time: Dec | None


# ---------------------------------------------------------------- the term plan
JalaliMonth = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class TermMonth(Doc):
    month: JalaliMonth
    season: Dec
    contacts: Dec
    fte: Dec
    wage_index: Dec
    cpi_index: Dec
    fx_index: Dec
    cost: Dec
    price_factor: Dec
    revenue: dict[ModelKey, Dec]
    cash: Dec
    financing: Dec


class TermTotals(Doc):
    revenue: Dec
    cost: Dec
    financing: Dec
    margin: Dec
    margin_share: Dec
    margin_pv: Dec
    lowest_cash: Dec


class TermPayment(Doc):
    days: Int
    social_security_retention: Dec
    clearance_months: Int
    performance_retention: Dec
    performance_release_months: Int
    guarantee_share: Dec
    guarantee_fee_annual: Dec
    guarantee_deposit: Dec
    withholding: Dec
    withholding_recovery_months: Int
    vat_quarterly: Bool


class Adjustment(Doc):
    month: JalaliMonth
    factor: Dec


class FlatPolicy(Doc):
    totals: dict[ModelKey, TermTotals]


class IndexedPolicy(FlatPolicy):
    labour_share: Dec
    other_share: Dec
    fx_share: Dec
    formula: str
    adjustments: list[Adjustment]
    dump_last = ("totals",)


class LevelPolicy(FlatPolicy):
    prices: dict[ModelKey, dict[str, Dec]]
    dump_last = ("totals",)


class TermPolicies(Doc):
    flat: FlatPolicy
    indexed: IndexedPolicy
    level: LevelPolicy


class Term(Doc):
    """The deal month by month over its term and its three price policies (quoter.term)."""

    start: dt.date
    start_month: JalaliMonth
    months_count: Int = Field(ge=1)
    seasonality: str
    season_factors: list[Dec] = Field(min_length=12, max_length=12)
    policy: Literal["indexed", "level"]
    chosen_model: ModelKey
    financing_share: Dec
    payment: TermPayment
    months: list[TermMonth]
    totals: dict[ModelKey, TermTotals]
    policies: TermPolicies


# ---------------------------------------------------------------- the whole quote
class Verification(Doc):
    """``quoter quote --verified``: the staffing check in simulation that the quote was priced from."""

    model_config = ConfigDict(extra="allow", frozen=True)

    weeks: Int = Field(ge=2)
    iterations: Int = Field(ge=1)
    holds: Bool
    extra_fte: float
    extra_agent_hours_week: float
    queues: list[dict[str, Any]]
    cost: dict[str, str] | None = None


class QuoteDoc(Doc):
    """A whole quote as ``Quote.to_dict()`` writes it (``schema`` ``quoter.quote/1``): see docs/quote-json.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_: Literal["quoter.quote/1"] = Field(alias="schema")
    quote: QuoteHeader
    client: Client
    company: Company
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    vat_rate: Dec
    toman: Bool
    term_months: Int = Field(ge=1)
    options: Options
    price_book: PriceBookRef
    requirements: dict[str, Any]  # validated as Requirements by requote
    staffing: Staffing
    cost: Cost
    setup: Setup
    ramp_up: list[RampStage]
    models: Models
    pricing: Pricing
    scenarios: list[Scenario]
    recommendation: Recommendation
    chosen_model: ModelKey
    in_house: InHouse
    term: Term
    add_ons: list[AddOn]
    assumptions: list[Assumption]
    verification: Verification | None = None
    """Present when the quote prices the staffing verified in simulation (``--verified``; docs/simulate.md)."""
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    """The SHA-256 of the canonical JSON of the rest (quoter.quote.store); absent from ``Quote.to_dict()``."""

    @model_validator(mode="after")
    def _chosen_is_priced(self) -> QuoteDoc:
        priced = set(type(self.models).model_fields) | set(self.models.__pydantic_extra__ or {})
        for where, key in (("chosen_model", self.chosen_model), ("options.chosen_model", self.options.chosen_model)):
            if key is not None and key not in priced:
                raise ValueError(f"{where}: '{key}' is not a model this quote priced ({', '.join(sorted(priced))})")
        return self


def validate_quote(data: Any, *, source: str = "quote.json") -> QuoteDoc:
    """``data`` checked against the quote contract; InputError lists every ``path.to.field: message``."""
    from quoter.inputs.yamlio import validate

    if not isinstance(data, dict):
        raise InputError(f"{source}: a quote must be a JSON object, not {type(data).__name__}")
    return validate(data, QuoteDoc, what=source)


def dump_quote(doc: QuoteDoc) -> dict[str, Any]:
    """The JSON-ready dict of ``doc``: the same dict ``validate_quote`` was given."""
    return doc.model_dump(mode="json", by_alias=True)


__all__ = ["Dec", "QuoteDoc", "dump_quote", "parse_dec", "validate_quote"]
