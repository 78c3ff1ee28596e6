"""Monthly volume factors over the Jalali year (Farvardin first; 1 = the forecast month).

The built-in shapes are this project's estimates from described, not measured, patterns; their sizes are
assumptions (a client's own history replaces them). What they rest on:

- Farvardin dip: the Nowruz holidays (1-4 and 12-13 Farvardin) close offices and shops for two weeks
  (upnama.ir, 2025-03-16; farsi-archive.aawsat.com, pre-Nowruz reports).
- Esfand peak: the pre-Nowruz shopping season, the year's busiest retail month (rokna.net; aawsat, 2025).
- Aban/Azar: online "Black Friday" sales in late Aban and early Azar (dbamag.ir/387187; tabnak.ir 1343068,
  2025-11-30) and Yalda shopping at the end of Azar (khabarkhodro.com 538558; tabnak.ir 1343875, 2025-12-03).
- Services (banks, insurers, telecoms): the same Nowruz dip, a year-end peak in Esfand (renewals, year-end
  payments), a small Mehr rise (school and university fees), a Mordad lull (summer leave).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

JALALI_MONTHS: tuple[str, ...] = (
    "farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar",
    "mehr", "aban", "azar", "dey", "bahman", "esfand",
)  # fmt: skip

PROFILES: dict[str, tuple[str, ...]] = {
    "flat": ("1",) * 12,
    #              Far    Ord    Kho    Tir    Mor    Sha    Meh    Aba    Aza    Dey    Bah    Esf
    "iran-retail": ("0.80", "0.95", "0.95", "0.95", "0.95", "1.00", "1.05", "1.05", "1.10", "1.00", "1.00", "1.20"),
    "iran-services": ("0.85", "1.00", "1.00", "1.00", "0.95", "1.00", "1.05", "1.00", "1.00", "1.00", "1.00", "1.15"),
}
"""Built-in shapes; each averages 1 over the year (the forecast is the average month)."""


def factors(seasonality: str | list[float]) -> tuple[Decimal, ...]:
    """The twelve factors, Farvardin first, of a profile name or a list (as Decimals, 4 places)."""
    values = PROFILES[seasonality] if isinstance(seasonality, str) else seasonality
    return tuple(Decimal(str(v)).quantize(Decimal("0.0001")) for v in values)


def month_factor(req: Any, season: tuple[Decimal, ...], year: int, month: int) -> Decimal:
    """A term month's volume factor: the requirements' forecast for that Jalali month when it has one (from
    the client's history), else the seasonality's factor of the month."""
    forecast = getattr(req, "forecast", None)
    f = forecast.factor(year, month) if forecast is not None else None
    return season[month - 1] if f is None else Decimal(str(f)).quantize(Decimal("0.0001"))
