"""The shape every tariff model shares: a :class:`Basis` in, a :class:`Tariff` out, and a bill for any usage.

A model is a module in this package with a ``MODEL`` object that has ``key``, ``name``, ``name_fa``,
``order`` and two methods: ``price(basis) -> Tariff`` (unit prices from the target revenue at forecast)
and ``bill(tariff, basis, usage) -> Decimal`` (what the client pays in a month with ``usage``, for the
scenarios and the term plan), and ``price_fields`` (which of its fields are prices, with their rounding
step: the term plan's policies scale them). A seventh model is one new file; :mod:`quoter.tariffs` finds it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any, Protocol

from pydantic import BaseModel

from quoter.inputs.pricebook import PriceBook
from quoter.inputs.requirements import Requirements
from quoter.money import ZERO, dec_str, whole_down, whole_up
from quoter.pricing.expr import Const, Expr, Leaf, Round, total
from quoter.pricing.usage import Usage


def _channel_order() -> tuple[str, ...]:
    """Channels in the registry's display order; a channel's billing unit is its key (``unit.<key>`` in the
    wording), or ``minute``."""
    from quoter.channels import channel_keys

    return channel_keys()


_INCREMENT_MINUTES = {"per_second": Decimal(0), "per_6_seconds": Decimal("0.05"), "per_started_minute": Decimal("0.5")}
"""Expected extra billed minutes per call from rounding each call up to the increment (half a step)."""


@dataclass(frozen=True)
class Basis:
    """What every model prices from: the target revenue at forecast and the forecast usage.

    ``target_expr`` is the target as an expression (the cost build-up's monthly total), so tariff prices
    are expressions too (:mod:`quoter.pricing.expr`) and the workbook prints them as formulas.
    """

    target: Decimal  # monthly revenue at forecast, excl. VAT (the cost build-up's monthly_total)
    usage: Usage
    book: PriceBook
    req: Requirements
    kpis: dict[str, Decimal | None] = field(default_factory=dict)  # predicted service_level, abandon_rate, asa
    target_expr: Expr | None = None
    premiums: dict[str, Decimal] | None = None  # set from the committed scenarios (quoter.quote.risk)
    marginal_cost: Decimal | None = None  # the provider's cost of one more contact (re-planned), per contact

    def premium(self, key: str) -> Decimal:
        from quoter.pricing.tariffs import get

        if self.premiums is not None and key in self.premiums:
            return self.premiums[key]
        premiums = self.book.models.risk_premium
        return premiums[key] if key in premiums else get(key).default_risk_premium

    def total(self) -> Expr:
        return self.target_expr if self.target_expr is not None else Const(self.target)

    def with_premium(self, key: str) -> Expr:
        """The target revenue plus the model's risk premium (unrounded)."""
        return self.total() * (1 + self.premium(key))

    @cached_property
    def leaves(self) -> dict[str, Decimal]:
        """:func:`tariff_leaves` of this basis, computed once (every price reads several)."""
        return tariff_leaves(self.usage, self.book)

    def leaf(self, key: str) -> Leaf:
        """A usage quantity of :func:`tariff_leaves` as an expression leaf."""
        return Leaf(key, self.leaves[key])

    def round(self, x: Expr, kind: str) -> Expr:
        r = self.book.rounder
        return Round(x, r.step(kind), r.mode)


def tariff_leaves(usage: Usage, book: PriceBook) -> dict[str, Decimal]:
    """The usage quantities tariffs price from (the workbook's staffing grid has one column each)."""
    calls = units(usage, book, "call")
    minutes = units(usage, book, "minute")
    out: dict[str, Decimal] = {
        "headcount": Decimal(usage.headcount),
        "productive_hours": usage.total_productive_hours,
        "logged_in_hours": usage.logged_in_hours,
        "contacts": usage.total_contacts,
    }
    for c in _channel_order():
        out[f"calls.{c}"] = calls.get(c, ZERO)
        out[f"minutes.{c}"] = minutes.get(c, ZERO)
        out[f"hours.{c}"] = usage.productive_hours.get(c, ZERO) if calls.get(c) else ZERO
    return out


@dataclass(frozen=True)
class Tariff:
    """One priced model. ``fields`` are the flat, document-facing figures (money, shares, counts);
    ``detail`` holds the structures behind them (tiers, prices per channel, volumes).

    ``tolerance``: how far rounding may move ``monthly_at_forecast`` from ``target x (1 + risk_premium)``.
    """

    key: str
    risk_premium: Decimal
    monthly_at_forecast: Decimal
    tolerance: Decimal
    fields: dict[str, Any]
    detail: dict[str, Any]
    exprs: dict[str, Expr] = field(default_factory=dict, compare=False, repr=False)  # "price", "monthly"

    def to_dict(self, book: PriceBook) -> dict[str, Any]:
        vat = vat_exprs(self, book)[0].value
        out = {
            **{k: _plain(v) for k, v in self.fields.items()},
            "monthly_at_forecast": dec_str(self.monthly_at_forecast),
            "risk_premium": dec_str(self.risk_premium),
            "vat": dec_str(vat),
            "monthly_with_vat": dec_str(self.monthly_at_forecast + vat),
        }
        return out

    def detail_dict(self) -> dict[str, Any]:
        return {"tolerance": dec_str(self.tolerance), **{k: _plain(v) for k, v in self.detail.items()}}


def vat_exprs(tariff: Tariff, book: PriceBook) -> tuple[Expr, Expr]:
    """VAT on the monthly amount at forecast (line-rounded) and the amount with VAT, as expressions."""
    from quoter.pricing.expr import Input, Ref

    r = book.rounder
    monthly = Ref(f"tariff.{tariff.key}", tariff.exprs.get("monthly") or Const(tariff.monthly_at_forecast))
    vat = Ref(f"vat.{tariff.key}", Round(monthly * Input("vat_rate", book.vat_rate), r.step("line"), r.mode))
    return vat, monthly + vat


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return dec_str(v)
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    return v


class Model(Protocol):
    """A tariff model: a key (its names are wording, ``model.<key>`` in quoter.render.wording), its price-book
    section (``spec``, a pydantic model or None), the risk premium used when the book names none, and two
    methods."""

    key: str
    order: int
    spec: type[BaseModel] | None
    default_risk_premium: Decimal
    price_fields: dict[str, str]  # field (``name_*``: every channel's) -> rounding step kind of the book

    def price(self, basis: Basis) -> Tariff: ...

    def bill(self, tariff: Tariff, basis: Basis, usage: Usage) -> Decimal: ...


# ---------------------------------------------------------------- shared arithmetic
def channels(usage: Usage) -> list[str]:
    """Channels with handled contacts, in a stable order (voice first)."""
    order = list(_channel_order())
    return sorted((c for c, n in usage.contacts.items() if n > 0), key=order.index)


def split_by_hours(amount: Decimal, usage: Usage) -> dict[str, Decimal]:
    """``amount`` shared among channels by their productive agent-hours (each channel pays its own work)."""
    chans = channels(usage)
    hours = {c: usage.productive_hours.get(c, ZERO) for c in chans}
    total = sum(hours.values(), ZERO)
    if total == 0:
        return {c: amount / len(chans) for c in chans} if chans else {}
    return {c: amount * h / total for c, h in hours.items()}


def billed_minutes(usage: Usage, book: PriceBook) -> dict[str, Decimal]:
    """Billable minutes per channel: handled minutes (voice without after-call work unless billed), plus
    the expected round-up of the billing increment on calls (voice, outbound)."""
    pm = book.models.section("per_minute")
    extra = _INCREMENT_MINUTES[pm.billing_increment]
    out = {}
    for c in channels(usage):
        minutes = usage.handled_minutes.get(c, ZERO) if (pm.bill_acw or c != "voice") else usage.talk_minutes[c]
        if c in ("voice", "outbound"):
            minutes += usage.contacts[c] * extra
        out[c] = minutes
    return out


def units(usage: Usage, book: PriceBook, unit: str) -> dict[str, Decimal]:
    """Handled contacts (``call``) or billed minutes (``minute``) per channel."""
    if unit == "minute":
        return billed_minutes(usage, book)
    return {c: usage.contacts[c] for c in channels(usage)}


def unit_price_exprs(amount: Expr, basis: Basis, unit: str) -> dict[str, Expr]:
    """Per-unit prices per channel that bring ``amount`` at the forecast, rounded to the unit-price step:
    each channel's share of ``amount`` by its productive hours, over its units."""
    chans = channels(basis.usage)
    hours = {c: basis.leaf(f"hours.{c}") for c in chans}
    all_hours = total(hours.values())
    kind = "minutes" if unit == "minute" else "calls"
    out: dict[str, Expr] = {}
    for c in chans:
        q = basis.leaf(f"{kind}.{c}")
        if q.value:
            out[c] = basis.round(amount * hours[c] / all_hours / q, "unit_price")
    return out


def charge_expr(prices: dict[str, Expr], basis: Basis, unit: str) -> Expr:
    """Units at each channel's price (unrounded)."""
    kind = "minutes" if unit == "minute" else "calls"
    return total(p * basis.leaf(f"{kind}.{c}") for c, p in prices.items())


def values(exprs: dict[str, Expr]) -> dict[str, Decimal]:
    return {k: e.value for k, e in exprs.items()}


def charge(prices: dict[str, Decimal], qty: dict[str, Decimal]) -> Decimal:
    return sum((p * qty.get(c, ZERO) for c, p in prices.items()), ZERO)


def unit_tolerance(basis: Basis, qty: dict[str, Decimal]) -> Decimal:
    """Rounding allowance of a per-unit total: half a unit-price step on every unit plus half a monthly step."""
    r = basis.book.rounder
    return sum(qty.values(), ZERO) * r.step("unit_price") / 2 + r.step("monthly") / 2


def flatten_prices(prices: dict[str, Decimal], field: str = "unit_price") -> dict[str, Decimal]:
    """Document-facing fields: ``unit_price`` (the first channel, voice when there is one) and
    ``unit_price_<channel>`` for every channel."""
    out: dict[str, Decimal] = {}
    if prices:
        out[field] = next(iter(prices.values()))
    for c, p in prices.items():
        out[f"{field}_{c}"] = p
    return out


def band_bill(fee: Decimal, basis: Basis, detail: dict[str, Any], usage: Usage) -> Decimal:
    """A fixed fee inside the volume band, plus overage above it and minus underage below it."""
    v = usage.total_contacts
    over = max(ZERO, v - detail["band_max"]) * detail["overage_rate"]
    under = max(ZERO, detail["band_min"] - v) * detail["underage_rate"]
    return basis.book.rounder.monthly(fee + over - under)


def band_terms(basis: Basis, reference: Decimal) -> dict[str, Decimal]:
    """Volume band around the forecast contacts and the overage/underage rates per contact.

    ``reference`` is the fee the band protects; the per-contact rate is that fee over the forecast contacts.
    """
    fx = basis.book.models.section("fixed")
    r = basis.book.rounder
    v = basis.usage.total_contacts
    avg = reference / v if v else ZERO
    return {
        "band": fx.band,
        "band_min": whole_down(v * (1 - fx.band)),  # whole contacts, the band always holds the forecast
        "band_max": whole_up(v * (1 + fx.band)),
        "overage_rate": r.unit_price(avg * fx.overage_factor),
        "underage_rate": r.unit_price(avg * fx.underage_factor),
    }


def band_rate_exprs(basis: Basis, reference: Expr) -> dict[str, Expr]:
    """:func:`band_terms`' overage and underage rates as expressions of ``reference`` (the fee the band protects)."""
    from quoter.pricing.expr import IfPositive

    fx = basis.book.models.section("fixed")
    v = basis.leaf("contacts")

    def rate(factor: Decimal) -> Expr:
        return IfPositive(v, lambda: basis.round(reference / v * factor, "unit_price"))

    return {"overage_rate": rate(fx.overage_factor), "underage_rate": rate(fx.underage_factor)}


def scaled_prices(tariff: Tariff, fields: dict[str, str], factor: Decimal, book: PriceBook) -> dict[str, Decimal]:
    """The tariff's prices (``fields``: name or ``prefix_*`` -> rounding kind) times ``factor``, each rounded
    to its step; and its monthly amount at forecast, as ``monthly_at_forecast``."""
    r = book.rounder
    out: dict[str, Decimal] = {}
    for name, value in tariff.fields.items():
        kind = fields.get(name) or next(
            (k for pat, k in fields.items() if pat.endswith("*") and name.startswith(pat[:-1])), None
        )
        if kind is not None and isinstance(value, Decimal):
            out[name] = r(value * factor, kind)
    out["monthly_at_forecast"] = r.monthly(tariff.monthly_at_forecast * factor)
    return out


def collared(prices: dict[str, Decimal], usage: Usage, basis: Basis, band: Decimal | None) -> dict[str, Decimal]:
    """Per-contact prices under a handle-time collar: a channel whose average handle time this month is more
    than ``band`` above (below) the forecast's pays its price x (month's AHT / forecast AHT) / (1 + band)
    (/ (1 - band)); inside the band the price holds. ``None``: no collar."""
    if band is None:
        return prices
    out = dict(prices)
    for c, p in prices.items():
        n, n0 = usage.contacts.get(c, ZERO), basis.usage.contacts.get(c, ZERO)
        if not n or not n0 or not basis.usage.handled_minutes.get(c):
            continue
        factor = (usage.handled_minutes.get(c, ZERO) / n) / (basis.usage.handled_minutes[c] / n0)
        if factor > 1 + band:
            out[c] = p * factor / (1 + band)
        elif factor < 1 - band:
            out[c] = p * factor / (1 - band)
    return out
