"""The recommendation: which tariff fits this deal, scored on its own figures, with its reasons and runner-up.

Each model is scored on:

- the provider's risk: its margins over the committed scenarios (the team is hired) that the client's volume
  certainty makes likely (``risk.weights``); a model whose worst likely month is below ``risk.loss_floor``
  is not recommended while another is safe;
- the client's fit: ``budget`` wants the bill that moves least with volume (re-planned months), ``flexibility``
  the bill that follows volume, ``cost`` the lowest expected bill, ``quality`` the performance tariff; with
  no goal, the volume certainty decides (well known: predictability; uncertain: paying for the work; in
  between: both, and the expected bill);
- the deal: a campaign or a term of three months or less is paid by its work (no base to recover); a client
  that cannot reclaim VAT weighs the bill more.

``reasons`` are keys a reader can test (``campaign``, ``short_term``, ``budget``, ``flexibility``, ``cost``,
``quality``, ``stable_volume``, ``volume_risk``, ``vat``, ``runner_up_loses``); the sentence is wording
(``quoter.render.text.recommendation``).
"""

from __future__ import annotations

from decimal import Decimal

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.pricing import tariffs
from quoter.pricing.tariffs import Basis, Tariff
from quoter.quote.grid import UsageGrid
from quoter.quote.result import Recommendation
from quoter.quote.risk import Committed

ZERO = Decimal(0)
PLACES = Decimal("0.0001")


def _margins(model: str, priced: dict[str, Tariff], basis: Basis, base_cost: Decimal, months: dict[str, Committed],
             weights: dict[str, Decimal]) -> dict[str, Decimal]:  # fmt: skip
    """The model's margin in each likely committed month (the forecast's too)."""
    t, m = priced[model], tariffs.get(model)
    out = {}
    for key, w in weights.items():
        if not w:
            continue
        usage, cost = (basis.usage, base_cost) if key == "forecast" else (months[key].usage, months[key].provider_cost)
        bill = m.bill(t, basis, usage)
        out[key] = ((bill - cost) / bill).quantize(PLACES) if bill else Decimal(-1)
    return out


def _client_bills(model: str, priced: dict[str, Tariff], basis: Basis, grid: UsageGrid) -> dict[str, Decimal]:
    """The client's bill at 15 % less, the forecast and 15 % more volume, the team re-sized (months to come)."""
    t, m = priced[model], tariffs.get(model)
    return {v: m.bill(t, basis, grid.exact(Decimal(v))[1] if v != "1.00" else basis.usage)
            for v in ("0.85", "1.00", "1.15")}  # fmt: skip


def _campaign(req: Requirements) -> bool:
    """Outbound work only, or a whole outbound campaign (``records_total`` over ``campaign_weeks``)."""
    out = req.channels.outbound
    return out is not None and (set(req.channels.present()) == {"outbound"} or out.records_total is not None)


def recommend(
    req: Requirements,
    book: PriceBook,
    priced: dict[str, Tariff],
    basis: Basis,
    base_cost: Decimal,
    grid: UsageGrid,
    months: dict[str, Committed],
    volume_certainty: str,
    goal: str | None,
) -> Recommendation:
    """The best-scoring model for this deal, its reasons, and the runner-up."""
    weights = book.risk.weights.get(volume_certainty) or {"forecast": Decimal(1)}  # type: ignore[call-overload]
    weights = {k: w for k, w in weights.items() if k == "forecast" or k in months}
    deal = _deal_reasons(req, volume_certainty, goal)
    rows = {}
    for model in priced:
        margins = _margins(model, priced, basis, base_cost, months, weights)
        bills = _client_bills(model, priced, basis, grid)
        rows[model] = (margins, bills)
    expected = {k: _expected_bill(rows[k][1], weights) for k in rows}
    cheapest = min(expected.values())
    scores = {k: _score(k, rows[k], expected[k], cheapest, deal, book.risk.loss_floor) for k in rows}
    ranked = sorted(scores, key=lambda k: (-scores[k], tariffs.get(k).order))
    winner, runner = ranked[0], ranked[1] if len(ranked) > 1 else None
    reasons = _reasons(winner, runner, rows, deal, book.risk.loss_floor)
    worst = min(rows[winner][0].values())
    low, high = rows[winner][1]["0.85"], rows[winner][1]["1.15"]
    return Recommendation(
        winner, volume_certainty, goal, priced[winner].monthly_at_forecast, low, high,
        book.models.section("fixed").band, book.models.section("performance").at_risk_share,
        runner_up=runner, runner_up_monthly=priced[runner].monthly_at_forecast if runner else None,
        reasons=tuple(reasons), worst_margin=worst,
        runner_up_worst_margin=min(rows[runner][0].values()) if runner else None,
    )  # fmt: skip


def _expected_bill(bills: dict[str, Decimal], weights: dict[str, Decimal]) -> Decimal:
    """The client's bill over the likely months (15 % less, forecast, 15 % more), by the scenario weights."""
    w = {"0.85": weights.get("volume-15", ZERO), "1.00": weights.get("forecast", ZERO),
         "1.15": weights.get("volume+15", ZERO)}  # fmt: skip
    total = sum(w.values(), ZERO)
    return sum((w[v] * bills[v] for v in w), ZERO) / total if total else bills["1.00"]


def _deal_reasons(req: Requirements, certainty: str, goal: str | None) -> list[str]:
    out = []
    if _campaign(req):
        out.append("campaign")
    elif req.service.term_months <= 3:
        out.append("short_term")
    if goal:
        out.append(goal)
    elif certainty == "high":
        out.append("stable_volume")
    elif certainty == "low":
        out.append("volume_risk")
    if not getattr(req.client, "vat_reclaim", True):
        out.append("vat")
    return out


def _score(
    model: str,
    row: tuple[dict[str, Decimal], dict[str, Decimal]],
    expected: Decimal,
    cheapest: Decimal,
    deal: list[str],
    floor: Decimal,
) -> float:
    """Higher is better: the client's fit (0..1 per part) less a penalty for a loss in a likely month."""
    margins, bills = row
    mid = bills["1.00"]
    follows = float((bills["1.15"] - bills["0.85"]) / (Decimal("0.30") * mid)) if mid else 0.0
    follows = max(0.0, min(1.0, follows))  # 1: the bill follows volume one for one; 0: it does not move
    steady = 1.0 - follows
    cost = float(cheapest / expected) if expected else 0.0
    parts = {
        "budget": steady, "flexibility": follows, "cost": cost,
        "quality": 1.0 if model == "performance" else 0.0,
        "stable_volume": 0.6 * steady + 0.4 * cost,
        "volume_risk": 0.6 * follows + 0.4 * cost,
        "campaign": 0.5 * follows + 0.5 * cost, "short_term": 0.5 * follows + 0.5 * cost,
        "vat": cost,
    }  # fmt: skip
    chosen = [parts[r] for r in deal if r in parts] or [0.5 * steady + 0.5 * follows * 0.8 + 0.5 * cost]
    score = sum(chosen) / len(chosen)
    if "quality" not in deal and model == "performance":
        score -= 0.1  # the credits need KPIs the client has not asked to buy
    worst = min(margins.values())
    if worst < floor:
        score -= 1.0 + float(floor - worst)
    return score


def _reasons(winner: str, runner: str | None, rows: dict[str, tuple[dict[str, Decimal], dict[str, Decimal]]],
             deal: list[str], floor: Decimal) -> list[str]:  # fmt: skip
    out = list(deal) or ["balanced"]
    if runner is not None and min(rows[runner][0].values()) < floor <= min(rows[winner][0].values()):
        out.append("runner_up_loses")
    return out
