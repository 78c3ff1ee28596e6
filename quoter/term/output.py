"""The term plan as quote.json's ``term`` (decimals as strings; months as Jalali ``YYYY-MM``)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from quoter.money import dec_str

if TYPE_CHECKING:
    from quoter.term.plan import Policy, Term


def _d(x: dict[str, Decimal]) -> dict[str, str]:
    return {k: dec_str(v) for k, v in x.items()}


def term_dict(t: Term) -> dict[str, Any]:
    from quoter.term.plan import adjustment_months, formula

    tc = t.costs
    default = t.policies[t.default_policy]
    chosen_cash = default.cash[t.chosen_model]
    s = tc.shares
    return {
        "start": tc.start.isoformat(),
        "start_month": tc.months[0].label,
        "months_count": len(tc.months),
        "seasonality": t.seasonality,
        "season_factors": [dec_str(f) for f in t.season_factors],
        "policy": t.default_policy,
        "chosen_model": t.chosen_model,
        "financing_share": dec_str(t.financing_share),
        "payment": {k: (dec_str(v) if isinstance(v, Decimal) else v) for k, v in tc.deal.payment.model_dump().items()},
        "months": [
            {
                "month": m.label,
                "season": dec_str(m.season),
                "contacts": dec_str(m.contacts),
                "fte": dec_str(m.fte),
                "wage_index": dec_str(m.wage_index),
                "cpi_index": dec_str(m.cpi_index),
                "fx_index": dec_str(m.fx_index),
                "cost": dec_str(m.cost),
                "price_factor": dec_str(default.factors[t.chosen_model][i]),
                "revenue": {k: dec_str(v[i]) for k, v in default.revenue.items()},
                "cash": dec_str(chosen_cash.position[m.index].quantize(Decimal(1))),
                "financing": dec_str(chosen_cash.financing[m.index].quantize(Decimal(1))),
            }
            for i, m in enumerate(tc.months)
        ],
        "totals": _totals(default),
        "policies": {
            "flat": {"totals": _totals(t.policies["flat"])},
            "indexed": {
                "labour_share": dec_str(s.labour),
                "other_share": dec_str(s.other),
                "fx_share": dec_str(s.fx),
                "formula": formula(s),
                "adjustments": [
                    {"month": tc.months[i].label, "factor": dec_str(t.policies["indexed"].factors[t.chosen_model][i])}
                    for i in adjustment_months(tc)
                ],
                "totals": _totals(t.policies["indexed"]),
            },
            "level": {
                "prices": {k: _d(v) for k, v in t.level_prices.items()},
                "totals": _totals(t.policies["level"]),
            },
        },
    }


def _totals(p: Policy) -> dict[str, dict[str, str]]:
    return {k: _d(v) for k, v in p.totals.items()}
