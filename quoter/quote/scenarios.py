"""Scenarios: the client's bill and the provider's margin under every model when volume or handle time moves."""

from __future__ import annotations

from decimal import Decimal

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.pricing import tariffs
from quoter.pricing.cost import CostBuildUp, build_cost
from quoter.pricing.tariffs import Basis, Tariff
from quoter.quote.grid import UsageGrid
from quoter.quote.result import Scenario

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


def run_scenarios(
    req: Requirements,
    book: PriceBook,
    basis: Basis,
    priced: dict[str, Tariff],
    base_cost: CostBuildUp,
    grid: UsageGrid,
) -> tuple[Scenario, ...]:
    """Client cost and provider margin under every model for each scenario (staffing re-run, from ``grid``;
    the cost carries the base's financing share)."""
    out = []
    for key, vol, aht in SCENARIOS:
        if key == "forecast":
            cost = base_cost
        else:
            plan, usage = grid.exact(Decimal(vol), Decimal(aht))
            cost = build_cost(req, book, plan, usage=usage, financing=base_cost.financing)
        bills = {k: tariffs.get(k).bill(t, basis, cost.usage) for k, t in priced.items()}
        out.append(Scenario(key, Decimal(vol), Decimal(aht), cost.usage, cost.provider_cost, bills))
    return tuple(out)
