"""The life of a revision: ``draft -> sent -> accepted | rejected | withdrawn``, and ``expired`` once its
validity date passes unaccepted; and the approval a revision needs before it is sent.

``expired`` is not written by anyone: it is what a draft or sent revision *is* once the day after its
``valid_until`` has come (in the provider's time zone), so it needs no background job and no write.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from quoter.errors import InputError

STATUSES = ("draft", "sent", "accepted", "rejected", "withdrawn", "expired")
SETTABLE = ("sent", "accepted", "rejected", "withdrawn")
OPEN = ("draft", "sent")  # the statuses that expire

ALLOWED: dict[str, tuple[str, ...]] = {
    "draft": ("sent", "withdrawn"),
    "sent": ("accepted", "rejected", "withdrawn"),
    "accepted": (),
    "rejected": (),
    "withdrawn": (),
    "expired": (),
}


def effective_status(stored: str, valid_until: dt.date, today: dt.date) -> str:
    """The status as the user sees it: an open revision past its validity date is ``expired``."""
    return "expired" if stored in OPEN and today > valid_until else stored


def check_transition(number: str, rev: int, current: str, new: str) -> None:
    """Refuse a change of status the lifecycle forbids, saying what is allowed from here."""
    if new not in SETTABLE:
        raise InputError(f"status: '{new}' is not one of {', '.join(SETTABLE)}")
    if new in ALLOWED[current]:
        return
    allowed = ALLOWED[current]
    then = f"it can become {' or '.join(allowed)}" if allowed else "it is final"
    raise InputError(f"{number}/r{rev}: cannot go from {current} to {new} ({then})")


def approval_reasons(data: dict[str, Any]) -> list[str]:
    """Why a quote needs an approval before it is sent, under its own price book's policy (empty: none).

    The margin is the chosen tariff's monthly price at forecast less the provider's cost, over the price;
    the discount is the term discount granted. A book without ``approval`` gates nothing."""
    policy = (data.get("price_book") or {}).get("snapshot", {}).get("approval")
    if not policy:
        return []
    out = []
    margin = quote_margin(data)
    floor = Decimal(str(policy["margin_floor"]))
    if margin is not None and margin < floor:
        out.append(f"margin {_pc(margin)} is below the floor {_pc(floor)}")
    discount = Decimal(str(data["cost"].get("term_discount") or 0))
    ceiling = Decimal(str(policy["discount_ceiling"]))
    if discount > ceiling:
        out.append(f"discount {_pc(discount)} is above the ceiling {_pc(ceiling)}")
    return out


def quote_margin(data: dict[str, Any]) -> Decimal | None:
    """The chosen tariff's margin at the forecast volume: (price - provider cost) / price."""
    price = Decimal(str(data["models"][data["chosen_model"]]["monthly_at_forecast"]))
    cost = Decimal(str(data["cost"]["provider_cost"]))
    return (price - cost) / price if price > 0 else None


def _pc(share: Decimal) -> str:
    return f"{share * 100:.1f} %"
