"""How the price book's figures move over a term: wages at each 1 Farvardin, the other costs with inflation,
dollar-bought items with the exchange rate.

Indices are relative to the price book (wages: the book's year is 1) and to the quote's month (inflation and
exchange rate: the quote's month is 1). Inflation and the exchange rate compound month by month at the book's
annual figures; wages step once a year, on 1 Farvardin, by the year's decreed (or assumed) rise.
"""

from __future__ import annotations

from decimal import Decimal

from quoter.inputs.pricebook import PriceBook

ONE = Decimal(1)
PLACES = Decimal("0.000001")


def wage_index(book: PriceBook, year: int) -> Decimal:
    """Wages in Jalali ``year`` against the book's year (1 for the book's year and before)."""
    out = ONE
    for y in range(book.labour.minimum_wage_year + 1, year + 1):
        out *= 1 + book.indexation.year(y).wage_rise
    return out.quantize(PLACES)


def monthly_index(annual: Decimal, months: int) -> Decimal:
    """An annual rate compounded over ``months`` (negative months give 1: nothing moves backwards)."""
    if months <= 0 or annual == 0:
        return ONE
    return ((1 + annual) ** (Decimal(months) / 12)).quantize(PLACES)


def book_for_year(book: PriceBook, year: int) -> PriceBook:
    """``book`` at Jalali ``year``'s labour figures: every wage and the statutory allowances raised by the
    years' rises (or set to a year's decreed figures when the book gives them), the minimum wage too.
    Non-labour figures are left as they are (the term plan moves them by inflation)."""
    if year <= book.labour.minimum_wage_year:
        return book
    line = book.rounder.line
    w = wage_index(book, year)
    known = book.indexation.year(year)

    def figure(name: str, value: Decimal) -> Decimal:
        given = getattr(known, name, None)
        return given if given is not None else line(value * w)

    wages = book.wages.model_copy(
        update={
            "agent": {k: line(v * w) for k, v in book.wages.agent.items()},
            **{r: line(getattr(book.wages, r) * w) for r in ("supervisor", "qa", "trainer", "wfm", "manager")},
        }
    )
    a = book.allowances
    allowances = a.model_copy(
        update={
            "housing": figure("housing", a.housing),
            "food": figure("food", a.food),
            "marriage": figure("marriage", a.marriage),
            "seniority": figure("seniority_base", a.seniority),
            "child": line(a.child * w),
        }
    )
    daily = known.minimum_wage_daily or line(book.labour.minimum_wage_daily * w)
    labour = book.labour.model_copy(update={"minimum_wage_daily": daily, "minimum_wage_year": year})
    update = {"wages": wages, "allowances": allowances, "labour": labour}
    for key in ("campaign", "part_time"):  # hourly wages rise with the others
        pay = getattr(book, key)
        if pay is not None:
            update[key] = pay.model_copy(update={"hourly_wage": line(pay.hourly_wage * w)})
    return book.model_copy(update=update)


def fx_shares(book: PriceBook) -> dict[str, Decimal]:
    """Share of each non-labour cost line bought in dollars (``indexation.fx_items``), by line key."""
    items = set(book.indexation.fx_items)
    seats = book.seats
    per_seat = seats.per_seat
    seat_fx = sum((getattr(seats, k.split(".")[1]) for k in items if k.startswith("seats.")), Decimal(0))
    return {
        "seats": seat_fx / per_seat if per_seat else Decimal(0),
        "facility": ONE if "facility.per_seat_month" in items else Decimal(0),
        "telephony.minutes": ONE if "telephony.per_minute" in items else Decimal(0),
        "telephony.lines": ONE if "telephony.per_line_month" in items else Decimal(0),
    }
