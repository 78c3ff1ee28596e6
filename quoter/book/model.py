"""What the quote book gives back: revision summaries (what ``list`` reads), whole revisions (checked against
their SHA-256) and status events. Plain frozen values: the CLI renders them, nothing here prints."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from quoter.errors import InputError

NUMBER = re.compile(r"^Q-(\d{4})-(\d{4,})$")
REF = re.compile(r"^(Q-\d{4}-\d{4,})(?:/r(\d+))?$")


def monthly_of(data: dict[str, Any]) -> str:
    """What the client pays a month under the quote's chosen tariff, at forecast and excluding VAT: the figure a
    sales pipeline and a negotiation follow (the cost build-up's target total is the provider's, not a price)."""
    return str(data["models"][data["chosen_model"]]["monthly_at_forecast"])


@dataclass(frozen=True)
class Summary:
    """One revision as listed: no JSON blob is read to make it."""

    number: str
    rev: int
    client: str
    status: str  # the effective status (an open revision past valid_until is "expired")
    model: str
    monthly_total: Decimal  # the chosen tariff's monthly amount at forecast, excl. VAT (:func:`monthly_of`)
    currency: str
    quote_date: dt.date
    valid_until: dt.date
    saved_at: dt.datetime
    saved_by: str
    note: str | None
    sha256: str
    approval: tuple[str, ...] = ()  # why it needs an approval (empty: it does not)
    approved_by: str | None = None
    approved_at: dt.datetime | None = None

    @property
    def ref(self) -> str:
        return f"{self.number}/r{self.rev}"

    @property
    def needs_approval(self) -> bool:
        """True while an approval is needed and not given."""
        return bool(self.approval) and self.approved_by is None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["approval"] = list(self.approval)
        return {k: _plain(v) for k, v in out.items()}


@dataclass(frozen=True)
class Revision:
    """A stored revision: its summary and the quote dict as saved (hash checked; ``sha256`` removed)."""

    summary: Summary
    data: dict[str, Any] = field(repr=False)

    def stamp(self) -> dict[str, str]:
        """What a document made from this revision prints in its footer."""
        return {"number": self.summary.number, "revision": f"r{self.summary.rev}", "sha256": self.summary.sha256}


@dataclass(frozen=True)
class Event:
    """A change in a revision's life: ``saved``, ``approved``, or a new status, with who and when."""

    number: str
    rev: int
    at: dt.datetime
    by: str
    kind: str
    from_status: str | None
    to_status: str | None
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in asdict(self).items()}


def parse_ref(text: str, what: str = "quote") -> tuple[str, int | None]:
    """``Q-1405-0007`` -> (number, None); ``Q-1405-0007/r2`` -> (number, 2)."""
    m = REF.match(text.strip().upper().replace("/R", "/r")) if text else None
    if not m:
        raise InputError(f"{what}: '{text}' is not a quote number like Q-1405-0007 (or Q-1405-0007/r2)")
    rev = int(m.group(2)) if m.group(2) else None
    if rev == 0:
        raise InputError(f"{what}: '{text}': revisions count from r1")
    return m.group(1), rev


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
