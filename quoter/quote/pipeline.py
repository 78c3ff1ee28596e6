"""The pipeline: a quote in one straight line.

inputs (requirements, price book) -> staffing (Erlang per interval and queue) -> shifts (a roster, when
the planner proves one) -> pricing (usage, cost build-up, every registered tariff) -> set-up, ramp-up,
in-house -> scenarios -> recommendation -> the typed quote (:class:`quoter.quote.model.QuoteDoc`).

``build_quote(requirements, book)`` is the library's main entry; ``requote`` re-prices a saved quote
from its own snapshot (requirements + price book) and gives the same numbers however the price book
file has changed since. Saving and loading: :mod:`quoter.quote.store`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from quoter.calendar import jalali_year
from quoter.errors import InputError
from quoter.inputs.pricebook import (
    PriceBook,
    book_for_client,
    book_from_snapshot,
    check_client_market,
    load_price_book,
)
from quoter.inputs.requirements import Requirements, load_requirements
from quoter.money import ZERO, quantity
from quoter.pricing import tariffs
from quoter.pricing.cost import CostBuildUp, build_cost
from quoter.pricing.setup import build_in_house, build_setup, check_term, ramp_up
from quoter.pricing.tariffs import Basis, Tariff
from quoter.quote.grid import UsageGrid
from quoter.quote.recommend import recommend
from quoter.quote.result import SCHEMA, Quote, Recommendation, Scenario, document
from quoter.quote.risk import Committed, premiums
from quoter.quote.scenarios import SCENARIOS, committed_months, run_scenarios
from quoter.quote.store import load_quote, save_quote
from quoter.shifts.for_quote import SHIFT_SECONDS, ShiftUse, plan_shifts_for_quote
from quoter.staffing.result import StaffingPlan
from quoter.term.plan import Term, TermCosts, financing_share, finish_term, term_costs

Certainty = Literal["low", "medium", "high"]
Goal = Literal["budget", "cost", "flexibility", "quality"]
CERTAINTIES: tuple[str, ...] = ("low", "medium", "high")
GOALS: tuple[str, ...] = ("budget", "cost", "flexibility", "quality")


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


def _cost_and_term(
    req: Requirements, book: PriceBook, plan: StaffingPlan, shifts: Any, today: dt.date, held: Decimal | None
) -> tuple[CostBuildUp, UsageGrid, TermCosts]:
    """Today's cost build-up with the cost of being paid in it (``held``, or computed from the term's cash),
    and the term's months at their own figures."""
    first = build_cost(req, book, plan, shifts)
    if first.usage.total_contacts <= 0 or first.usage.total_productive_hours <= 0:
        raise InputError("nothing to price: the staffing plan handles no contacts")
    grid = UsageGrid(req, book, plan, first.usage, shifts)
    tc = term_costs(req, book, first, grid, build_setup(req, book, first), today)
    f = financing_share(tc) if held is None else held
    cost = build_cost(req, book, plan, usage=first.usage, financing=f) if f else first
    return cost, grid, tc


def _price(
    req: Requirements,
    book: PriceBook,
    cost: CostBuildUp,
    grid: UsageGrid,
    months: dict[str, Committed],
    certainty: str,
    held: dict[str, Decimal] | None,
    marginal: Decimal | None = None,
    chosen_model: str | None = None,
) -> tuple[Basis, dict[str, Tariff]]:
    """Every tariff, its risk premium priced from the committed scenarios (or ``held``), the hybrid's variable
    rate at least the marginal cost of a contact."""
    zero = {k: ZERO for k in tariffs.model_keys()}
    basis = Basis(cost.monthly_total, cost.usage, book, req, predicted_kpis(grid.plan), cost.exprs["monthly_total"],
                  premiums=zero, marginal_cost=marginal or marginal_cost(req, book, cost, grid))  # fmt: skip
    if held is None:
        free = tariffs.price_all(basis)
        bills = {k: tariffs.get(k).bill(t, basis, cost.usage) for k, t in free.items()}
        at = {key: (c.provider_cost, {k: tariffs.get(k).bill(t, basis, c.usage) for k, t in free.items()})
              for key, c in months.items()}  # fmt: skip
        held = premiums(book, certainty, cost.provider_cost, bills, at)
    basis = dataclasses.replace(basis, premiums=held)
    priced = tariffs.price_all(basis)
    if chosen_model is not None and chosen_model not in priced:
        raise InputError(f"model: '{chosen_model}' does not apply to this quote (priced: {', '.join(priced)})")
    return basis, priced


def marginal_cost(req: Requirements, book: PriceBook, cost: CostBuildUp, grid: UsageGrid) -> Decimal | None:
    """The provider's cost of one more contact: re-planned at 15 % less and 15 % more volume, the cost's change
    over the contacts' (a central difference: one step alone follows the agents' whole numbers)."""
    ends = []
    for v in ("0.85", "1.15"):
        plan, usage = grid.exact(Decimal(v))
        ends.append(build_cost(req, book, plan, usage=usage, financing=cost.financing))
    extra = ends[1].usage.total_contacts - ends[0].usage.total_contacts
    return (ends[1].provider_cost - ends[0].provider_cost) / extra if extra > 0 else None


def verification_cost(req: Requirements, book: PriceBook, plan: StaffingPlan, verified: StaffingPlan) -> dict[str, str]:
    """What the agents verification added cost a month: the cost build-up of both plans (the interval estimate of
    paid hours, without a roster, so the difference is the added agents' alone)."""
    from quoter.money import dec_str

    before, after = build_cost(req, book, plan), build_cost(req, book, verified)
    return {
        "extra_provider_cost": dec_str(after.provider_cost - before.provider_cost),
        "extra_monthly_total": dec_str(after.monthly_total - before.monthly_total),
        "currency": book.currency,
        "book": book.name,
    }


def _staffing(
    req: Requirements, book: PriceBook, plan: StaffingPlan | None, verified: bool
) -> tuple[StaffingPlan, dict[str, Any] | None]:
    """The plan to price (given, or planned now) and, when ``verified``, the one that holds in simulation with
    what verification did."""
    plan = plan or _plan(req)
    if not verified:
        return plan, None
    from quoter.simulate.verify import verified_plan

    return verified_plan(req, plan, book)


def _book_for(req: Requirements, book: PriceBook | str | Path | None) -> PriceBook:
    """The price book (by default the one for the client's country), refused if it is for the other side of the
    border."""
    bk = book if isinstance(book, PriceBook) else load_price_book(book or book_for_client(req.client.country))
    check_client_market(req.client.country, bk)
    return bk


def build_quote(
    requirements: Requirements | str | Path, book: PriceBook | str | Path | None = None, *,
    number: str | None = None, today: dt.date | None = None,
    volume_certainty: Certainty = "medium", goal: Goal | None = None, chosen_model: str | None = None,
    scenarios: bool = True, plan: StaffingPlan | None = None, verified: bool = False,
    shifts: bool | None = None, shift_seconds: float = SHIFT_SECONDS, saved_shifts: ShiftUse | None = None,
    financing: Decimal | None = None, premiums: dict[str, Decimal] | None = None, marginal: Decimal | None = None,
) -> Quote:  # fmt: skip
    """Price requirements with a price book (name, path or model; default: the client's country's, ``ir-1405`` at home).

    ``volume_certainty`` and ``goal`` drive the risk premiums and the recommendation; ``chosen_model`` is the
    contract's tariff (default: the recommended one). ``shifts``: ``None`` and ``True`` price from the roster
    (``True`` fails if the rules leave none), ``False`` skips it; ``saved_shifts`` replaces planning.
    ``financing``, ``premiums`` and ``marginal`` hold those figures (as the workbook does) instead of computing them.
    ``verified``: price the staffing that holds in simulation (:func:`quoter.simulate.verify.verified_plan`; same
    seed, same plan), the verification kept in the quote."""
    req = requirements if isinstance(requirements, Requirements) else load_requirements(requirements)
    bk = _book_for(req, book)
    _check_options(volume_certainty, goal, chosen_model)
    check_term(req, bk)
    plan, verification = _staffing(req, bk, plan, verified)
    use = saved_shifts or plan_shifts_for_quote(req, plan, bk, shifts, shift_seconds)[1]
    roster = use.roster()  # as saved: 6 places
    date = today or _today(bk)
    cost, grid, tc = _cost_and_term(req, bk, plan, roster, date, financing)
    months = committed_months(req, bk, cost, grid)
    basis, priced = _price(req, bk, cost, grid, months, volume_certainty, premiums, marginal, chosen_model)
    setup = build_setup(req, bk, cost)
    scen = run_scenarios(req, bk, basis, priced, cost, grid, months) if scenarios else ()
    rec, term = _advise(req, bk, basis, priced, cost, grid, months, tc, volume_certainty, goal, chosen_model)
    options = {
        "volume_certainty": volume_certainty,
        "goal": goal,
        "chosen_model": chosen_model,
        "shifts": shifts,
        **({"verified": True} if verified else {}),
    }  # fmt: skip  (in the number: a verified quote is another)
    quote = Quote(
        number=number or quote_number(req, bk, options, date),
        date=date,
        valid_until=date + dt.timedelta(days=bk.valid_days),
        requirements=req,
        book=bk,
        plan=plan,
        cost=cost,
        setup=setup,
        ramp_up=ramp_up(bk, cost),
        in_house=build_in_house(bk, cost, setup, req, term),
        tariffs=priced,
        kpis=basis.kpis,
        scenarios=scen,
        recommendation=rec,
        chosen_model=chosen_model or rec.model,
        shift_use=use,
        term=term,
        options=options,
        verification=verification,
    )
    return dataclasses.replace(quote, doc=document(quote))


def _advise(
    req: Requirements,
    book: PriceBook,
    basis: Basis,
    priced: dict[str, Tariff],
    cost: CostBuildUp,
    grid: UsageGrid,
    months: dict[str, Committed],
    tc: TermCosts,
    certainty: str,
    goal: str | None,
    chosen_model: str | None,
) -> tuple[Recommendation, Term]:
    """The recommendation, and the term plan of the contract's model (the chosen one, else the recommended)."""
    rec = recommend(req, book, priced, basis, cost.provider_cost, grid, months, certainty, goal)
    return rec, finish_term(tc, req, book, basis, priced, cost.financing, chosen_model or rec.model)


def _plan(req: Requirements) -> StaffingPlan:
    from quoter.staffing.planner import plan_staffing

    return plan_staffing(req)


def _check_options(volume_certainty: str, goal: str | None, chosen_model: str | None) -> None:
    if volume_certainty not in CERTAINTIES:
        raise InputError(f"volume certainty: '{volume_certainty}' is not one of {', '.join(CERTAINTIES)}")
    if goal is not None and goal not in GOALS:
        raise InputError(f"goal: '{goal}' is not one of {', '.join(GOALS)}")
    if chosen_model is not None and chosen_model not in tariffs.model_keys():
        raise InputError(f"model: '{chosen_model}' is not one of {', '.join(tariffs.model_keys())}")


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
    return f"Q-{jalali_year(date)}-{digest}"


# ---------------------------------------------------------------- recommendation


# ---------------------------------------------------------------- saving and loading


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
        verified=bool(opts.get("verified")),  # priced from the verified plan: verify again (same seed)
    )


__all__ = [
    "SCENARIOS",
    "SCHEMA",
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
    "verification_cost",
]
