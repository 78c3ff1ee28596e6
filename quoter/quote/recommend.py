"""The recommendation: which tariff fits the deal, from the client's volume certainty and goal."""

from __future__ import annotations

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.pricing.tariffs import Tariff
from quoter.quote.result import Recommendation, Scenario

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
