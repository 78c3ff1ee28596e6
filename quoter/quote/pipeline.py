"""A quote: staffing, cost build-up, the six tariffs, scenarios and a recommendation, with an identity.

``build_quote(requirements, book)`` is the library's main entry; ``Quote.to_dict()`` is the plain,
JSON-ready quote every consumer reads (CLI, workbook, documents): see docs/quote-json.md.
``save_quote`` writes it as ``quote.json`` (temp file, then rename); ``load_quote`` reads it back with
exact decimals; ``requote`` re-prices its own snapshot (requirements + price book) and gives the same
numbers however the price book file has changed since.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from quoter.errors import InputError
from quoter.inputs.pricebook import PriceBook, book_from_snapshot, load_price_book
from quoter.inputs.requirements import Requirements, load_requirements
from quoter.money import dec_str, quantity, rate
from quoter.pricing import tariffs
from quoter.pricing.cost import CostBuildUp, build_cost
from quoter.pricing.setup import InHouse, RampStage, Setup, build_in_house, build_setup, check_term, ramp_up
from quoter.pricing.tariffs import Basis, Tariff
from quoter.pricing.usage import Usage
from quoter.shifts.for_quote import SHIFT_SECONDS, ScaledShifts, ShiftUse, plan_shifts_for_quote, scale_shifts
from quoter.staffing.result import StaffingPlan

SCHEMA = "quoter.quote/1"
Certainty = Literal["low", "medium", "high"]
Goal = Literal["budget", "cost", "flexibility", "quality"]
CERTAINTIES: tuple[str, ...] = ("low", "medium", "high")
GOALS: tuple[str, ...] = ("budget", "cost", "flexibility", "quality")

SCENARIOS: tuple[tuple[str, str, str], ...] = (
    ("volume-30", "0.70", "1.00"),
    ("volume-15", "0.85", "1.00"),
    ("forecast", "1.00", "1.00"),
    ("volume+15", "1.15", "1.00"),
    ("volume+30", "1.30", "1.00"),
    ("aht-10", "1.00", "0.90"),
    ("aht+10", "1.00", "1.10"),
)
"""(key, volume factor, handle-time factor); staffing is re-run for each (labels: ``scenario.<key>`` wording)."""


@dataclass(frozen=True)
class Scenario:
    key: str
    volume: Decimal
    aht: Decimal
    usage: Usage
    provider_cost: Decimal
    bills: dict[str, Decimal]

    def margin(self, key: str) -> Decimal | None:
        """The provider's margin under a model: (bill - cost) / bill."""
        bill = self.bills[key]
        return rate((bill - self.provider_cost) / bill, "0.0001") if bill else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "volume": dec_str(self.volume),
            "aht": dec_str(self.aht),
            "contacts_month": dec_str(self.usage.total_contacts),
            "fte": dec_str(self.usage.fte),
            "peak_agents": self.usage.peak_agents,
            "provider_cost": dec_str(self.provider_cost),
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
    options: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The whole quote as JSON-ready data: money and measures as decimal strings (docs/quote-json.md)."""
        book = self.book
        r = book.rounder
        req = self.requirements
        chosen = self.tariffs[self.chosen_model]
        term = req.service.term_months
        return {
            "schema": SCHEMA,
            "quote": {
                "number": self.number,
                "date": self.date.isoformat(),
                "valid_until": self.valid_until.isoformat(),
                "date_jalali": _jalali(self.date),
                "valid_until_jalali": _jalali(self.valid_until),
            },
            "client": req.client.model_dump(mode="json", exclude_none=True),
            "company": book.company.model_dump(mode="json"),
            "currency": book.currency,
            "vat_rate": dec_str(book.vat_rate),
            "toman": book.toman,
            "term_months": term,
            "options": dict(self.options),
            "price_book": {
                "name": book.name,
                "title": book.title,
                "as_of": book.as_of.isoformat(),
                "currency": book.currency,
                "snapshot": book.snapshot(),
            },
            "requirements": _float_strings(req.model_dump(mode="json")),
            "staffing": {**_staffing(self.plan, self.cost.usage), "shift_plan": self.shift_use.to_dict()},
            "cost": self.cost.to_dict(),
            "setup": self.setup.to_dict(),
            "ramp_up": [s.to_dict() for s in self.ramp_up],
            "models": {k: t.to_dict(book) for k, t in self.tariffs.items()},
            "pricing": {
                "target_monthly": dec_str(self.cost.monthly_total),
                "productive_hour": dec_str(r.line(self.cost.monthly_total / self.cost.usage.total_productive_hours)),
                "usage": self.cost.usage.to_dict(),
                "predicted_kpis": {k: _opt(v) for k, v in self.kpis.items()},
                "models": {k: t.detail_dict() for k, t in self.tariffs.items()},
            },
            "scenarios": [s.to_dict() for s in self.scenarios],
            "recommendation": self.recommendation.to_dict(),
            "chosen_model": self.chosen_model,
            "in_house": {
                **self.in_house.to_dict(),
                "term_total": dec_str(self.in_house.setup_total + self.in_house.monthly_total * term),
                "outsourced_term_total": dec_str(self.setup.total + chosen.monthly_at_forecast * term),
            },
            "add_ons": [
                {
                    "key": k,
                    "name": a.name,
                    "name_fa": a.name_fa,
                    "monthly": _opt(a.monthly),
                    "one_time": _opt(a.one_time),
                }
                for k, a in book.add_ons.items()
            ],
            "assumptions": _assumptions(self),
        }


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


def _assumptions(q: Quote) -> list[str]:
    b = q.book
    out = [
        f"Price book {b.name} as of {b.as_of.isoformat()}, amounts in {b.currency}, VAT {b.vat_rate * 100:.4g}% "
        "shown separately.",
        f"Minimum wage {b.labour.minimum_wage_year} of {b.labour.minimum_wage_daily:f} a day raised by an assumed "
        f"{b.labour.minimum_wage_uplift * 100:.4g}% for the book's year."
        if b.labour.minimum_wage_uplift
        else f"Minimum wage {b.labour.minimum_wage_daily:f} a day ({b.labour.minimum_wage_year}).",
        f"Shift planning: {q.shift_use.note}; night is {b.labour.night_start}-{b.labour.night_end} "
        f"{b.labour.timezone} time.",
        "Seats from peak concurrent agents plus spare seats; support staff from the span of control.",
        "Every tariff prices the same target revenue at the forecast plus its own risk premium.",
        "Performance credits: KPIs the staffing plan cannot predict (CSAT, FCR, QA) are assumed met.",
        "Scenarios re-run the staffing for each volume and handle time; per-seat and per-hour bills follow "
        "the re-sized team.",
    ]
    return out


# ---------------------------------------------------------------- building
def predicted_kpis(plan: StaffingPlan) -> dict[str, Decimal | None]:
    """Voice service level, abandon rate and ASA over the week, weighted by contacts (from the plan)."""
    out: dict[str, Decimal | None] = {}
    voice = [x for x in plan.queues if x.channel == "voice"]
    for key, attr, places in (
        ("service_level", "service_level", "0.0001"),
        ("abandon_rate", "abandon_rate", "0.0001"),
        ("asa", "asa_seconds", "0.1"),
    ):
        pairs = [(getattr(x, attr), x.contacts_week) for x in voice if getattr(x, attr) is not None]
        weight = sum(w for _, w in pairs)
        value = sum(v * w for v, w in pairs) / weight if pairs and weight > 0 else None
        ok = value is not None and value == value and value != float("inf")
        out[key] = quantity(value, places) if ok else None  # type: ignore[arg-type]
    return out


def _price(
    req: Requirements, book: PriceBook, plan: StaffingPlan, shifts: Any
) -> tuple[CostBuildUp, Basis, dict[str, Tariff]]:
    cost = build_cost(req, book, plan, shifts)
    if cost.usage.total_contacts <= 0 or cost.usage.total_productive_hours <= 0:
        raise InputError("nothing to price: the staffing plan handles no contacts")
    basis = Basis(cost.monthly_total, cost.usage, book, req, predicted_kpis(plan), cost.exprs["monthly_total"])
    return cost, basis, tariffs.price_all(basis)


def run_scenarios(
    req: Requirements,
    book: PriceBook,
    basis: Basis,
    priced: dict[str, Tariff],
    base_cost: CostBuildUp,
    base_plan: StaffingPlan,
    shifts: Any = None,
) -> tuple[Scenario, ...]:
    """Client cost and provider margin under every model for each scenario (staffing re-run).

    A forecast shift plan is scaled to each scenario's scheduled hours rather than solved again.
    """
    from quoter.staffing.planner import plan_staffing

    out = []
    for key, vol, aht in SCENARIOS:
        if key == "forecast":
            cost = base_cost
        else:
            scaled = req.scaled(volume=float(vol), aht=float(aht))
            plan = plan_staffing(scaled, compare_pools=False)
            cost = build_cost(scaled, book, plan, scale_shifts(shifts, base_plan, plan))
        bills = {k: tariffs.get(k).bill(t, basis, cost.usage) for k, t in priced.items()}
        out.append(Scenario(key, Decimal(vol), Decimal(aht), cost.usage, cost.provider_cost, bills))
    return tuple(out)


def build_quote(
    requirements: Requirements | str | Path,
    book: PriceBook | str | Path | None = None,
    *,
    number: str | None = None,
    today: dt.date | None = None,
    volume_certainty: Certainty = "medium",
    goal: Goal | None = None,
    chosen_model: str | None = None,
    scenarios: bool = True,
    plan: StaffingPlan | None = None,
    shifts: bool | None = None,
    shift_seconds: float = SHIFT_SECONDS,
    saved_shifts: ShiftUse | None = None,
) -> Quote:
    """Price a requirements file (or model) with a price book (name, path or model; default ``ir-1405``).

    ``volume_certainty`` (low/medium/high) and ``goal`` (budget, cost, flexibility, quality) drive the
    recommendation; ``chosen_model`` is the tariff the contract carries (default: the recommended one).
    ``shifts``: ``None`` uses the shift planner when it proves a roster within ``shift_seconds``, ``True``
    waits for it, ``False`` skips it (see :func:`quoter.costing.plan_shifts_for_quote`); ``saved_shifts``
    (the shift plan's hours a saved quote holds) replaces planning altogether.
    """
    req = requirements if isinstance(requirements, Requirements) else load_requirements(requirements)
    bk = book if isinstance(book, PriceBook) else load_price_book(book)
    if volume_certainty not in CERTAINTIES:
        raise InputError(f"volume certainty: '{volume_certainty}' is not one of {', '.join(CERTAINTIES)}")
    if goal is not None and goal not in GOALS:
        raise InputError(f"goal: '{goal}' is not one of {', '.join(GOALS)}")
    if chosen_model is not None and chosen_model not in tariffs.model_keys():
        raise InputError(f"model: '{chosen_model}' is not one of {', '.join(tariffs.model_keys())}")
    check_term(req, bk)
    if plan is None:
        from quoter.staffing.planner import plan_staffing

        plan = plan_staffing(req)
    use = saved_shifts or plan_shifts_for_quote(req, plan, bk, shifts, shift_seconds)[1]
    # price from the hours as saved (6 places), so a saved quote re-prices to the same numbers
    roster = ScaledShifts(use.paid_hours_week) if use.used and use.paid_hours_week else None
    cost, basis, priced = _price(req, bk, plan, roster)
    setup = build_setup(req, bk, cost)
    stages = ramp_up(bk, cost)
    in_house = build_in_house(bk, cost, setup)
    scen = run_scenarios(req, bk, basis, priced, cost, plan, roster) if scenarios else ()
    rec = recommend(req, bk, priced, scen, volume_certainty, goal)
    options = {"volume_certainty": volume_certainty, "goal": goal, "chosen_model": chosen_model, "shifts": shifts}
    date = today or _today(bk)
    return Quote(
        number=number or quote_number(req, bk, options, date),
        date=date,
        valid_until=date + dt.timedelta(days=bk.valid_days),
        requirements=req,
        book=bk,
        plan=plan,
        cost=cost,
        setup=setup,
        ramp_up=stages,
        in_house=in_house,
        tariffs=priced,
        kpis=basis.kpis,
        scenarios=scen,
        recommendation=rec,
        chosen_model=chosen_model or rec.model,
        shift_use=use,
        options=options,
    )


def _today(book: PriceBook) -> dt.date:
    """Today where the provider works (the book's ``labour.timezone``), not where the machine is."""
    from zoneinfo import ZoneInfo

    return dt.datetime.now(ZoneInfo(book.labour.timezone)).date()


def quote_number(req: Requirements, book: PriceBook, options: dict[str, Any], date: dt.date) -> str:
    """``Q-<Jalali year>-<6 hex of a hash of the inputs>``: the same inputs give the same number."""
    payload = json.dumps(
        {"requirements": req.model_dump(mode="json"), "book": book.snapshot(), "options": options},
        sort_keys=True,
        ensure_ascii=False,
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:6].upper()
    return f"Q-{_jalali(date)[:4]}-{digest}"


# ---------------------------------------------------------------- recommendation
_RULES: dict[tuple[str | None, str], str] = {
    (None, "high"): "fixed",
    (None, "medium"): "hybrid",
    (None, "low"): "per_call",
    ("budget", "high"): "fixed",
    ("budget", "medium"): "hybrid",
    ("budget", "low"): "per_seat",
    ("cost", "high"): "per_hour",
    ("cost", "medium"): "per_hour",
    ("cost", "low"): "per_seat",
    ("flexibility", "high"): "per_minute",
    ("flexibility", "medium"): "per_call",
    ("flexibility", "low"): "per_call",
    ("quality", "high"): "performance",
    ("quality", "medium"): "performance",
    ("quality", "low"): "performance",
}


def recommend(
    req: Requirements,
    book: PriceBook,
    priced: dict[str, Tariff],
    scenarios: tuple[Scenario, ...],
    volume_certainty: str,
    goal: str | None,
) -> Recommendation:
    """Which model fits, from volume certainty and the client's goal, with the figures its sentence quotes."""
    model = _RULES[(goal, volume_certainty)]
    by_key = {s.key: s for s in scenarios}
    low = by_key["volume-15"].bills[model] if "volume-15" in by_key else None
    high = by_key["volume+15"].bills[model] if "volume+15" in by_key else None
    return Recommendation(
        model,
        volume_certainty,
        goal,
        priced[model].monthly_at_forecast,
        low,
        high,
        book.models.section("fixed").band,
        book.models.section("performance").at_risk_share,
    )


# ---------------------------------------------------------------- saving and loading
def save_quote(quote: Quote | dict[str, Any], out_dir: str | Path) -> Path:
    """Write ``quote.json`` into ``out_dir`` (created if needed) atomically: a temp file, then a rename."""
    data = quote.to_dict() if isinstance(quote, Quote) else quote
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "quote.json"
    fd, tmp = tempfile.mkstemp(prefix=".quote-", suffix=".json", dir=out)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_quote(path: str | Path) -> dict[str, Any]:
    """A saved quote dict, with JSON numbers read as Decimal (money is already in decimal strings)."""
    p = Path(path)
    if p.is_dir():
        p = p / "quote.json"
    try:
        data = json.loads(p.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise InputError(f"quote file not found: {p}") from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise InputError(f"cannot read quote file {p}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise InputError(f"{p}: not a quote saved by quoter (schema {SCHEMA})")
    from quoter.quote.model import validate_quote

    validate_quote(data, source=str(p))  # every field checked against the typed quote (docs/schema)
    return data


def requote(data: dict[str, Any]) -> Quote:
    """Re-price a saved quote from its own snapshot (requirements and price book), same identity.

    The numbers equal the saved ones: the price book file on disk is not read.
    """
    from quoter.inputs.yamlio import validate

    req = validate(data["requirements"], Requirements, what="quote.json requirements")
    book = book_from_snapshot(data["price_book"]["snapshot"])
    opts = data.get("options") or {}
    saved = (data.get("staffing") or {}).get("shift_plan") or {}
    return build_quote(
        req,
        book,
        number=data["quote"]["number"],
        today=dt.date.fromisoformat(data["quote"]["date"]),
        volume_certainty=opts.get("volume_certainty", "medium"),
        goal=opts.get("goal"),
        chosen_model=opts.get("chosen_model"),
        scenarios=bool(data.get("scenarios")),
        shifts=opts.get("shifts"),
        saved_shifts=ShiftUse.from_dict(saved) if saved else None,
    )


__all__ = [
    "SCENARIOS",
    "Quote",
    "Recommendation",
    "Scenario",
    "build_quote",
    "load_quote",
    "predicted_kpis",
    "quote_number",
    "recommend",
    "requote",
    "save_quote",
]
