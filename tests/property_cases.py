"""Random requirements and price-book tweaks for the property test and its benchmark (valid and invalid)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

LANGS = ["fa", "en", "ar", "tr"]


@st.composite
def requirements(draw: st.DrawFn) -> dict[str, Any]:
    """A requirements mapping: mostly plausible, sometimes absurd (huge, zero, negative, missing)."""
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=3, unique=True))
    weights = [draw(st.integers(1, 9)) for _ in langs]
    shares = {lang: w / sum(weights) for lang, w in zip(langs, weights, strict=True)}
    absurd = draw(st.integers(0, 9)) == 0  # one case in ten carries an absurd figure
    volume = draw(st.sampled_from([0.0, -5.0, 1e12, float("inf")])) if absurd else draw(st.floats(50, 200_000))
    aht = draw(st.sampled_from([0.0, 1e9])) if absurd and draw(st.booleans()) else draw(st.floats(20, 900))
    voice: dict[str, Any] = {"calls_per_month": volume, "aht_seconds": aht}
    if draw(st.booleans()):
        voice["target"] = {"patience_seconds": draw(st.floats(10, 600)), "max_abandon": draw(st.floats(0.01, 0.2))}
    channels: dict[str, Any] = {"voice": voice}
    if draw(st.booleans()):
        channels["chat"] = {"chats_per_month": draw(st.floats(10, 50_000)), "aht_seconds": draw(st.floats(60, 900)),
                            "concurrency": draw(st.integers(1, 4))}  # fmt: skip
    if draw(st.booleans()):
        channels["email"] = {"emails_per_month": draw(st.floats(10, 20_000)), "handle_minutes": draw(st.floats(1, 30))}
    pools = [langs[:2]] if len(langs) >= 2 and draw(st.booleans()) else []
    hours = draw(st.sampled_from(["24/7", {"sat-wed": "08:00-17:00", "thu": "08:00-13:00"}, {"daily": "09:00-21:00"}]))
    return {
        "client": {"name": "Random Co"},
        "service": {"hours": hours, "interval_minutes": 60, "term_months": draw(st.sampled_from([6, 12, 24, 36]))},
        "languages": shares,
        "pools": pools,
        "channels": channels,
        "staffing": {"shrinkage": draw(st.floats(0.0, 0.5)), "max_occupancy": draw(st.floats(0.6, 0.95))},
    }


@st.composite
def book_changes(draw: st.DrawFn) -> dict[str, Any]:
    """Changes to the default price book's figures (some of them absurd)."""
    absurd = draw(st.integers(0, 9)) == 0
    factor = draw(st.sampled_from([Decimal(0), Decimal("-1"), Decimal("0.5")])) if absurd else draw(
        st.decimals("1.1", "3", places=2))  # fmt: skip
    return {
        "target_margin": draw(st.decimals("0", "0.5", places=2)),
        "wage_factor": factor,
        "vat_rate": draw(st.sampled_from([Decimal("0.10"), Decimal(0), Decimal("0.2")])),
    }


def check_one(req_data: dict[str, Any], changes: dict[str, Any], *, shifts: bool | None = False) -> str:
    """Price one random case; return "quote" or "refused", and assert the properties of a quote:
    finite, non-negative money; premium hours within paid hours; every model's bill non-decreasing when
    the volume grows by 1 %. Anything but a :class:`quoter.errors.QuoterError` propagates (a bug)."""
    from quoter.errors import QuoterError
    from quoter.inputs.pricebook import PriceBook, load_price_book
    from quoter.inputs.requirements import Requirements
    from quoter.inputs.yamlio import validate
    from quoter.pricing import tariffs
    from quoter.pricing.cost import build_cost
    from quoter.quote.pipeline import build_quote
    from quoter.staffing.planner import plan_staffing

    try:
        req = validate(req_data, Requirements, what="random requirements")
        snap = load_price_book("ir-1405").snapshot()
        snap["target_margin"] = str(changes["target_margin"])
        snap["vat_rate"] = str(changes["vat_rate"])
        snap["wages"]["agent"] = {
            k: str(Decimal(v) * changes["wage_factor"]) for k, v in snap["wages"]["agent"].items()
        }
        book = validate(snap, PriceBook, what="random price book")
        q = build_quote(req, book, shifts=shifts, scenarios=False)
    except QuoterError:
        return "refused"
    data = q.to_dict()
    for key, m in data["models"].items():
        for field in ("monthly_at_forecast", "vat", "monthly_with_vat"):
            value = Decimal(m[field])
            assert value.is_finite() and value >= 0, (key, field, value)
    u = q.cost.usage
    assert u.night_hours + u.friday_hours + u.holiday_hours <= u.paid_hours * 2, "premium hours beyond paid hours"
    hours = data["staffing"]["shift_plan"].get("paid_hours_week") or {}
    assert all(Decimal(v) >= 0 for v in hours.values()), hours
    try:
        bigger = req.scaled(volume=1.01)
        cost = build_cost(bigger, book, plan_staffing(bigger, compare_pools=False))
    except QuoterError:
        return "quote"
    from quoter.pricing.tariffs.base import Basis

    basis = Basis(q.cost.monthly_total, q.cost.usage, book, req, q.kpis, q.cost.exprs["monthly_total"])
    for key, t in q.tariffs.items():
        model = tariffs.get(key)
        assert model.bill(t, basis, cost.usage) >= model.bill(t, basis, q.cost.usage), key
    return "quote"
