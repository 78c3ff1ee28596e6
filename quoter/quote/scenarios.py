"""Scenarios: the client's bill and the provider's margin under every model when volume or handle time moves.

Two kinds (quoter.quote.risk): ``committed``, the team hired for the forecast faces the month (the margins
that say what the risk is), and ``replanned``, the next month's team is re-sized (what the deal settles to).
"""

from __future__ import annotations

from decimal import Decimal

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.pricing import tariffs
from quoter.pricing.cost import CostBuildUp, build_cost
from quoter.pricing.tariffs import Basis, Tariff
from quoter.quote.grid import UsageGrid
from quoter.quote.result import Scenario
from quoter.quote.risk import Committed, committed

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
KINDS: tuple[str, ...] = ("committed", "replanned")


def committed_months(
    req: Requirements, book: PriceBook, base_cost: CostBuildUp, grid: UsageGrid
) -> dict[str, Committed]:
    """The forecast team facing each scenario's month (not the forecast itself)."""
    out = {}
    for key, vol, aht in SCENARIOS:
        if key != "forecast":
            plan, usage = grid.exact(Decimal(vol), Decimal(aht))
            out[key] = committed(req, book, base_cost, grid.plan, plan, usage)
    return out


def run_scenarios(
    req: Requirements,
    book: PriceBook,
    basis: Basis,
    priced: dict[str, Tariff],
    base_cost: CostBuildUp,
    grid: UsageGrid,
    months: dict[str, Committed],
) -> tuple[Scenario, ...]:
    """Client cost and provider margin under every model for each scenario, committed then re-planned (the
    re-planned cost carries the base's financing share)."""
    out = []
    for kind in KINDS:
        for key, vol, aht in SCENARIOS:
            bill_usage, cost, extra = base_cost.usage, base_cost.provider_cost, {}
            if key != "forecast" and kind == "committed":
                c = months[key]
                bill_usage, cost = c.usage, c.provider_cost
                extra = {"overtime_hours": c.overtime_hours, "uncovered_hours": c.uncovered_hours,
                         "service_level": c.service_level, "abandon_rate": c.abandon_rate}  # fmt: skip
            elif key != "forecast":
                plan, usage = grid.exact(Decimal(vol), Decimal(aht))
                replanned = build_cost(req, book, plan, usage=usage, financing=base_cost.financing)
                bill_usage, cost = replanned.usage, replanned.provider_cost
            bills = {k: tariffs.get(k).bill(t, basis, bill_usage) for k, t in priced.items()}
            out.append(Scenario(key, Decimal(vol), Decimal(aht), bill_usage, cost, bills, kind, **extra))
    return tuple(out)
