"""Money: the one module that turns floats into Decimals and rounds amounts.

Staffing is float maths (Erlang formulas); money is ``Decimal`` from the price book to the document.
Floats cross into money only through :func:`quantity`, which quantizes them explicitly (hours, FTE,
minutes, contacts to 0.01; KPI levels to 0.0001). Every rounding of an amount goes through a
:class:`Rounder` built from the price book's ``rounding`` section, so the rules live in data.
"""

from __future__ import annotations

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDREDTH = Decimal("0.01")
from quoter.calendar import WEEKS_PER_MONTH as WEEKS_PER_MONTH  # noqa: E402  (re-exported for money arithmetic)

RoundingMode = Literal["half_up", "half_even", "up"]
_MODES = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "up": ROUND_CEILING}


def quantity(value: float | int | Decimal, places: str = "0.01") -> Decimal:
    """The only way a float (from staffing) becomes a Decimal: its shortest repr, quantized half-up.

    ``places`` is the step, e.g. ``"0.01"`` for hours, FTE, minutes and contacts, ``"0.0001"`` for shares.
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"cannot turn {value} into a quantity")
    d = value if isinstance(value, Decimal) else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return d.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def whole_up(value: Decimal) -> Decimal:
    """The next whole number at or above ``value`` (seats, hires, supervisors)."""
    return value.to_integral_value(rounding=ROUND_CEILING)


def whole_down(value: Decimal) -> Decimal:
    """The whole number at or below ``value``."""
    return value.to_integral_value(rounding=ROUND_FLOOR)


def round_to(amount: Decimal, step: Decimal, mode: RoundingMode = "half_up") -> Decimal:
    """``amount`` rounded to a multiple of ``step`` (e.g. 100 Rial, 0.01 USD), keeping the step's exponent."""
    if step <= 0:
        raise ValueError("a rounding step must be positive")
    multiple = (amount / step).to_integral_value(rounding=_MODES[mode])
    exponent = step.as_tuple().exponent
    places = min(exponent, 0) if isinstance(exponent, int) else 0
    return (multiple * step).quantize(Decimal(1).scaleb(places))


def rate(value: Decimal, places: str = "0.000001") -> Decimal:
    """A derived ratio (a markup from a margin, a share) quantized for display as a line's rate."""
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


class Rounder:
    """The price book's rounding rules, one method per kind of amount.

    ``line``: a cost or setup line (the currency's minor unit); ``unit_price``: per-call and
    per-minute prices (e.g. 100 Rial); ``hourly``: the productive-hour price; ``seat``: the monthly
    per-seat price; ``monthly``: monthly totals and fees (e.g. 1,000 Rial); ``setup``: one-time totals.
    """

    def __init__(
        self,
        *,
        line: Decimal,
        unit_price: Decimal,
        hourly: Decimal,
        seat: Decimal,
        monthly: Decimal,
        setup: Decimal,
        mode: RoundingMode = "half_up",
    ) -> None:
        self.steps = {
            "line": line,
            "unit_price": unit_price,
            "hourly": hourly,
            "seat": seat,
            "monthly": monthly,
            "setup": setup,
        }
        self.mode = mode

    def step(self, kind: str) -> Decimal:
        return self.steps[kind]

    def __call__(self, amount: Decimal, kind: str) -> Decimal:
        return round_to(amount, self.steps[kind], self.mode)

    def line(self, amount: Decimal) -> Decimal:
        return self(amount, "line")

    def unit_price(self, amount: Decimal) -> Decimal:
        return self(amount, "unit_price")

    def hourly(self, amount: Decimal) -> Decimal:
        return self(amount, "hourly")

    def seat(self, amount: Decimal) -> Decimal:
        return self(amount, "seat")

    def monthly(self, amount: Decimal) -> Decimal:
        return self(amount, "monthly")

    def setup(self, amount: Decimal) -> Decimal:
        return self(amount, "setup")


def dec_str(value: Decimal) -> str:
    """A Decimal as a plain decimal string (no exponent): ``Decimal('1E+3')`` -> ``'1000'``."""
    text = format(value, "f")
    return "0" if text in ("-0", "-0.0") else text
