"""The quote's result: the scenario, recommendation and quote values, and the quote as its typed JSON document
(:mod:`quoter.quote.model`; docs/quote-json.md)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import dec_str, quantity, rate
from quoter.pricing.cost import CostBuildUp
from quoter.pricing.setup import InHouse, RampStage, Setup
from quoter.pricing.tariffs import Tariff
from quoter.pricing.usage import Usage
from quoter.shifts.for_quote import ShiftUse
from quoter.staffing.result import StaffingPlan

if TYPE_CHECKING:
    from quoter.quote.model import QuoteDoc
    from quoter.term.plan import Term

SCHEMA = "quoter.quote/1"


@dataclass(frozen=True)
class Scenario:
    key: str
    volume: Decimal
    aht: Decimal
    usage: Usage
    provider_cost: Decimal
    bills: dict[str, Decimal]
    kind: str = "replanned"  # committed: the forecast team faces the month; replanned: the team is re-sized
    overtime_hours: Decimal | None = None  # committed: worked on top of the team's hours
    uncovered_hours: Decimal | None = None  # committed: extra work beyond the overtime cap
    service_level: Decimal | None = None  # committed: voice service with the team on duty
    abandon_rate: Decimal | None = None

    def margin(self, key: str) -> Decimal | None:
        """The provider's margin under a model: (bill - cost) / bill."""
        bill = self.bills[key]
        return rate((bill - self.provider_cost) / bill, "0.0001") if bill else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "volume": dec_str(self.volume),
            "aht": dec_str(self.aht),
            "contacts_month": dec_str(self.usage.total_contacts),
            "fte": dec_str(self.usage.fte),
            "peak_agents": self.usage.peak_agents,
            "provider_cost": dec_str(self.provider_cost),
            **{
                k: _opt(getattr(self, k))
                for k in ("overtime_hours", "uncovered_hours", "service_level", "abandon_rate")
                if getattr(self, k) is not None
            },
            "models": {
                k: {"client_cost": dec_str(b), "provider_margin": _opt(self.margin(k))} for k, b in self.bills.items()
            },
        }


@dataclass(frozen=True)
class Recommendation:
    """Which model fits and the figures the sentence quotes (its words: quoter.render.text.recommendation)."""

    model: str
    volume_certainty: str
    goal: str | None
    monthly: Decimal  # the model's monthly amount at forecast, excl. VAT
    monthly_low: Decimal | None  # at 15 % less volume (None without scenarios)
    monthly_high: Decimal | None  # at 15 % more volume
    band: Decimal  # the fixed fee's volume band
    at_risk_share: Decimal  # the performance fee's share at risk
    runner_up: str | None = None
    runner_up_monthly: Decimal | None = None
    reasons: tuple[str, ...] = ()  # keys: campaign, short_term, budget, ..., runner_up_loses (quoter.quote.recommend)
    worst_margin: Decimal | None = None  # the winner's worst likely committed month
    runner_up_worst_margin: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "volume_certainty": self.volume_certainty,
            "goal": self.goal,
            "monthly": dec_str(self.monthly),
            "monthly_low": _opt(self.monthly_low),
            "monthly_high": _opt(self.monthly_high),
            "band": dec_str(self.band),
            "at_risk_share": dec_str(self.at_risk_share),
            "runner_up": self.runner_up,
            "runner_up_monthly": _opt(self.runner_up_monthly),
            "reasons": list(self.reasons),
            "worst_margin": _opt(self.worst_margin),
            "runner_up_worst_margin": _opt(self.runner_up_worst_margin),
        }


@dataclass(frozen=True)
class Quote:
    number: str
    date: dt.date
    valid_until: dt.date
    requirements: Requirements
    book: PriceBook
    plan: StaffingPlan
    cost: CostBuildUp
    setup: Setup
    ramp_up: tuple[RampStage, ...]
    in_house: InHouse
    tariffs: dict[str, Tariff]
    kpis: dict[str, Decimal | None]
    scenarios: tuple[Scenario, ...]
    recommendation: Recommendation
    chosen_model: str
    shift_use: ShiftUse
    term: Term
    options: dict[str, Any] = field(default_factory=dict)
    verification: dict[str, Any] | None = None  # build_quote(verified=True): what simulation added
    doc: QuoteDoc | None = field(default=None, compare=False, repr=False)  # the typed quote, made by the pipeline

    def to_dict(self) -> dict[str, Any]:
        """The whole quote as JSON-ready data: money and measures as decimal strings (docs/quote-json.md)."""
        from quoter.quote.model import dump_quote

        return dump_quote(self.doc) if self.doc is not None else _as_dict(self)


def document(quote: Quote) -> QuoteDoc:
    """The typed quote: every figure of the pipeline checked against :class:`quoter.quote.model.QuoteDoc`."""
    from quoter.quote.model import validate_quote

    return validate_quote(_as_dict(quote), source="the quote")


def _as_dict(q: Quote) -> dict[str, Any]:
    """The quote as JSON-ready data (money and measures as decimal strings), in the order of quote.json."""
    book, req = q.book, q.requirements
    return {
        "schema": SCHEMA,
        "quote": _header(q),
        "client": req.client.model_dump(mode="json", exclude_none=True),
        "company": book.company.model_dump(mode="json"),
        "currency": book.currency,
        "vat_rate": dec_str(book.vat_rate),
        "toman": book.toman,
        "term_months": req.service.term_months,
        "options": dict(q.options),
        "price_book": {
            "name": book.name,
            "title": book.title,
            "as_of": book.as_of.isoformat(),
            "currency": book.currency,
            "snapshot": book.snapshot(),
        },  # fmt: skip
        "requirements": _float_strings(req.model_dump(mode="json")),
        "staffing": {**_staffing(q.plan, q.cost.usage), "shift_plan": q.shift_use.to_dict()},
        "cost": q.cost.to_dict(),
        "setup": q.setup.to_dict(),
        "ramp_up": [s.to_dict() for s in q.ramp_up],
        "models": {k: t.to_dict(book) for k, t in q.tariffs.items()},
        "pricing": _pricing(q),
        "scenarios": [s.to_dict() for s in q.scenarios],
        "recommendation": q.recommendation.to_dict(),
        "chosen_model": q.chosen_model,
        "in_house": _in_house(q),
        "term": q.term.to_dict(),
        "add_ons": [
            {"key": k, "name": a.name, "name_fa": a.name_fa, "monthly": _opt(a.monthly), "one_time": _opt(a.one_time)}
            for k, a in book.add_ons.items()
        ],
        "assumptions": _assumptions(q),
        **({"verification": q.verification} if q.verification is not None else {}),
    }


def _header(q: Quote) -> dict[str, Any]:
    return {
        "number": q.number,
        "date": q.date.isoformat(),
        "valid_until": q.valid_until.isoformat(),
        "date_jalali": _jalali(q.date),
        "valid_until_jalali": _jalali(q.valid_until),
    }


def _pricing(q: Quote) -> dict[str, Any]:
    """The derivation behind the prices: the target, the productive-hour price, usage, KPIs, model details."""
    usage = q.cost.usage
    return {
        "target_monthly": dec_str(q.cost.monthly_total),
        "productive_hour": dec_str(q.book.rounder.line(q.cost.monthly_total / usage.total_productive_hours)),
        "usage": usage.to_dict(),
        "predicted_kpis": {k: _opt(v) for k, v in q.kpis.items()},
        "models": {k: t.detail_dict() for k, t in q.tariffs.items()},
    }


def _in_house(q: Quote) -> dict[str, Any]:
    """The in-house comparison over the term against the chosen tariff (see
    :func:`quoter.pricing.setup.build_in_house`): both sides at the term plan's prices, the hidden in-house
    costs and the client's cost of managing a vendor in, VAT on the outsourced side when the client cannot
    reclaim it."""
    return q.in_house.to_dict()


def _float_strings(data: Any) -> Any:
    """The requirements echo with every float as its shortest decimal string (``0.85`` -> ``"0.85"``)."""
    if isinstance(data, float):
        return repr(data)
    if isinstance(data, dict):
        return {k: _float_strings(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_float_strings(v) for v in data]
    return data


def _opt(v: Decimal | None) -> str | None:
    return None if v is None else dec_str(v)


def _jalali(d: dt.date) -> str:
    from quoter.calendar import jalali

    return jalali(d)


def _staffing(plan: StaffingPlan, usage: Usage) -> dict[str, Any]:
    def q(x: float | None, places: str = "0.01") -> str | None:
        return None if x is None or x != x or x in (float("inf"), float("-inf")) else dec_str(quantity(x, places))

    t = plan.totals
    return {
        "interval_minutes": plan.interval_minutes,
        "shrinkage": q(plan.shrinkage, "0.0001"),
        "max_occupancy": q(plan.max_occupancy, "0.0001"),
        "hours_per_fte_week": q(plan.hours_per_fte_week),
        "queues": [
            {
                "channel": x.channel,
                "language": x.language,
                "model": x.model,
                "sl_definition": x.sl_definition,
                "contacts_week": q(x.contacts_week),
                "handled_minutes_week": q(x.handled_minutes_week),
                "agent_hours_week": q(x.agent_hours_week),
                "scheduled_hours_week": q(x.scheduled_hours_week),
                "fte": q(x.fte),
                "peak_agents": x.peak_agents,
                "service_level": q(x.service_level, "0.0001"),
                "asa_seconds": q(x.asa_seconds, "0.1"),
                "abandon_rate": q(x.abandon_rate, "0.0001"),
                "occupancy": q(x.occupancy, "0.0001"),
            }
            for x in plan.queues
        ],
        "totals": {
            "fte": dec_str(usage.fte),
            "headcount": usage.headcount,
            "peak_agents": t.peak_agents,
            "lines": t.lines,
            "contacts_week": q(t.contacts_week),
            "agent_hours_week": q(t.agent_hours_week),
            "scheduled_hours_week": q(t.scheduled_hours_week),
            "contacts_month": dec_str(usage.total_contacts),
            "productive_hours_month": dec_str(usage.total_productive_hours),
            "paid_hours_month": dec_str(usage.paid_hours),
        },
        "notes": list(plan.notes),
    }


def _assumptions(q: Quote) -> list[dict[str, Any]]:
    """What the quote assumes, as wording keys (``assumption.<key>``) with the figures they name."""
    b, lab = q.book, q.book.labour
    wage = {"year": str(lab.minimum_wage_year), "daily": dec_str(lab.minimum_wage_daily)}
    items: list[tuple[str, dict[str, str]]] = [
        ("book", {"name": b.name, "as_of": b.as_of.isoformat(), "currency": b.currency,
                  "vat": dec_str((b.vat_rate * 100).normalize())}),
        ("minimum_wage", wage),
        ("shifts", {"night_start": lab.night_start, "night_end": lab.night_end, "timezone": lab.timezone}),
        ("seats", {}),
        ("same_target", {}),
        ("kpis", {}),
        ("scenarios", {}),
    ]  # fmt: skip
    items += [
        ("unconfirmed", {"figure": key, "source": src.source}) for key, src in b.sources.items()
        if src.status in ("unconfirmed", "assumed")  # not "policy": the provider's own rules stay internal
    ]  # fmt: skip
    if q.requirements.pools:  # the pooling saving counts on agents who speak every language of their pool
        items.append(
            ("bilingual", {"share": dec_str((Decimal(str(q.requirements.bilingual_share)) * 100).normalize())})
        )
    items += _term_assumptions(q)
    return [{"key": k, **({"fields": f} if f else {})} for k, f in items]


def _term_assumptions(q: Quote) -> list[tuple[str, dict[str, str]]]:
    """The rises the term plan assumes (each Farvardin in the term whose figures are not decreed), the price
    paths and the seasonality."""
    ix = q.book.indexation

    def pct(x: Decimal) -> str:
        return dec_str((x * 100).normalize())

    years = sorted({m.year for m in q.term.months if m.year > q.book.labour.minimum_wage_year})
    out = [
        ("term_rise", {"year": str(y), "rise": pct(ix.year(y).wage_rise), "basis": ix.year(y).basis or ""})
        for y in years
        if ix.year(y).assumed
    ]
    out.append(
        ("term_prices", {"cpi": pct(ix.cpi_annual), "fx": pct(ix.fx_annual), "money": pct(ix.cost_of_money_monthly)})
    )
    fc = q.requirements.forecast
    if fc is None:
        out.append(("term_season", {"season": q.term.seasonality}))
    else:  # quoter history --write: the client's own forecast first, the seasonality for the months it lacks
        months = sorted(fc.months)
        span = {"method": fc.method or "-", "first": months[0], "last": months[-1], "season": q.term.seasonality}
        if fc.mape is None:
            out.append(("term_forecast_given", span))
        else:
            out.append(("term_forecast", {**span, "mape": pct(Decimal(str(fc.mape)))}))
    return out
