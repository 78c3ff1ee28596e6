"""Performance-based: a base fee with a share at risk against KPI targets, service credits and a bonus.

Credit for a missed KPI = its allocation x the at-risk amount; a month's credits are capped
(``credit_cap`` of the base) and earned back when the next ``earn_back_months`` meet every target.
The expected payment uses the KPI levels the staffing plan predicts (service level, abandon rate, ASA);
KPIs the plan cannot predict (CSAT, FCR, QA) are assumed met. The base holds inside the fixed tariff's
volume band, with the same overage and underage terms.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from quoter.inputs.numbers import Rate, Strict
from quoter.money import ZERO
from quoter.pricing.expr import Fn, Leaf
from quoter.pricing.tariffs.base import Basis, Tariff, band_bill, band_terms
from quoter.pricing.usage import Usage

LOWER_IS_BETTER = ("abandon_rate", "asa")
DEFAULT_TARGETS = {"abandon_rate": Decimal("0.05"), "asa": Decimal(30)}
"""Used only when neither the requirements nor the price book give the KPI a target."""


def kpi_targets(basis: Basis) -> dict[str, Decimal | None]:
    """Targets: service level, abandon rate and ASA from the requirements (voice), else the book."""
    t = basis.req.channels.voice.target
    from quoter.money import quantity

    req = {
        "service_level": None if t.service_level is None else quantity(t.service_level, "0.0001"),
        "abandon_rate": None if t.max_abandon is None else quantity(t.max_abandon, "0.0001"),
        "asa": None if t.max_asa_seconds is None else quantity(t.max_asa_seconds),
    }
    out: dict[str, Decimal | None] = {}
    for name, kpi in basis.book.models.section("performance").kpis.items():
        out[name] = req.get(name) or kpi.target or DEFAULT_TARGETS.get(name)
    return out


KpiName = Literal["service_level", "abandon_rate", "asa", "csat", "fcr", "qa"]


class Kpi(Strict):
    allocation: Rate
    target: Annotated[Decimal, Field(ge=0)] | None = None  # csat/fcr/qa (fractions); the others from requirements


class PerformanceSpec(Strict):
    at_risk_share: Annotated[Decimal, Field(ge=0, le=Decimal("0.5"))]
    credit_cap: Rate
    bonus_cap: Rate
    earn_back_months: Annotated[int, Field(ge=0)] = 0
    kpis: dict[KpiName, Kpi]

    @field_validator("kpis")
    @classmethod
    def _allocations(cls, v: dict[str, Kpi]) -> dict[str, Kpi]:
        total = sum((k.allocation for k in v.values()), Decimal(0))
        if total != 1:
            raise ValueError(f"allocations sum to {total}, not 1")
        for name in ("csat", "fcr", "qa"):
            if name in v and v[name].target is None:
                raise ValueError(f"{name} needs a target (the staffing plan cannot predict it)")
        return v


class Performance:
    key = "performance"
    price_fields = {
        "base": "monthly",
        "at_risk_amount": "monthly",
        "expected_payment": "monthly",
    }  # the prices a policy moves, and their rounding steps
    order = 7
    spec = PerformanceSpec
    default_risk_premium = Decimal("0.02")

    def price(self, basis: Basis) -> Tariff:
        r = basis.book.rounder
        spec: PerformanceSpec = basis.book.models.section("performance")
        base_expr = basis.round(basis.with_premium(self.key), "monthly")
        at_risk_expr = basis.round(base_expr * spec.at_risk_share, "line")
        base, at_risk = base_expr.value, at_risk_expr.value
        targets = kpi_targets(basis)
        kpis: list[dict[str, Any]] = []
        missed = ZERO
        for name, kpi in spec.kpis.items():
            target = targets[name]
            predicted = basis.kpis.get(name)
            met = True
            if predicted is not None and target is not None:
                met = predicted <= target if name in LOWER_IS_BETTER else predicted >= target
            if not met:
                missed += kpi.allocation
            kpis.append(
                {
                    "name": name,
                    "target": target,
                    "allocation": kpi.allocation,
                    "max_credit": r.line(kpi.allocation * at_risk),
                    "predicted": predicted,
                    "met": met,
                }
            )
        missed_share = Leaf("missed", missed)
        credit_expr = basis.round(Fn("MIN", [missed_share * at_risk_expr, base_expr * spec.credit_cap]), "line")
        expected_expr = basis.round(base_expr - credit_expr, "monthly")
        credit, expected = credit_expr.value, expected_expr.value
        band = band_terms(basis, base)
        return Tariff(
            key=self.key,
            risk_premium=basis.premium(self.key),
            monthly_at_forecast=expected,
            tolerance=r.step("monthly") / 2 + credit,
            fields={
                "base": base,
                "at_risk_share": spec.at_risk_share,
                "at_risk_amount": at_risk,
                "kpis": kpis,
                "credit_cap": spec.credit_cap,
                "bonus_cap": spec.bonus_cap,
                "earn_back": spec.earn_back_months > 0,
                "earn_back_months": spec.earn_back_months,
                "expected_credit": credit,
                "expected_payment": expected,
            },
            detail={**band, "forecast_units": basis.usage.total_contacts},
            exprs={
                "price": base_expr,
                "monthly": expected_expr,
                "base": base_expr,
                "at_risk_amount": at_risk_expr,
                "expected_payment": expected_expr,
            },  # fmt: skip
        )

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal:
        fee = tariff.fields["expected_payment"]
        return band_bill(fee, basis, tariff.detail, usage)


MODEL = Performance()
