"""Part-time tours priced by the hour: a shift plan's ``part_time_hours_week`` (among its ``paid_hours_week``) is
paid at the price book's ``part_time.hourly_wage`` plus ``part_time.loads``, the wage tiers' FTE follow the
full-time hours only, and the part-time FTE count where every agent counts (support roles, hires, seats).

The shift planner that rosters part-time tours is not needed here: a small object with the two attributes
stands in for its result, as the quote's own :class:`~quoter.shifts.for_quote.ScaledShifts` does."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import pytest

from quoter.errors import DomainError, InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.money import WEEKS_PER_MONTH, quantity
from quoter.pricing.cost import build_cost, role_count
from quoter.pricing.setup import build_setup
from quoter.pricing.usage import measure
from quoter.quote.grid import interpolate
from quoter.quote.pipeline import build_quote, load_quote, requote, save_quote
from quoter.shifts.for_quote import ShiftUse, scale_shifts, with_part_time
from quoter.staffing.planner import plan_staffing

from .conftest import ROOT

BANK = ROOT / "examples" / "bank-sat-thu.yaml"
IR = ROOT / "pricing_models" / "ir-1405.yaml"
SPLIT = {"normal": 3000.0, "overtime": 40.0}  # paid hours a week by kind: 3,040 in all
PART_TIME = 500.0  # of which part-time tours' (a week)


@dataclass(frozen=True)
class Roster:
    """A shift planner's result as the pricing reads it: paid hours by kind, and the part-time hours among them."""

    paid_hours_week: dict[str, float]
    part_time_hours_week: float


@dataclass(frozen=True)
class OldRoster:
    """A shift plan without part-time tours (today's planner, a saved quote): no ``part_time_hours_week``."""

    paid_hours_week: dict[str, float]


@cache
def bank():
    req = load_requirements(BANK)
    return req, load_price_book("ir-1405"), plan_staffing(req)


@cache
def priced(part_time: float = PART_TIME):
    req, book, plan = bank()
    return build_cost(req, book, plan, Roster(dict(SPLIT), part_time))


def _month(week: str) -> Decimal:
    """Weekly hours as the usage's monthly quantity (0.01 h)."""
    return quantity(Decimal(week) * WEEKS_PER_MONTH)


def _lines(cost) -> dict:
    return {ln.key: ln for ln in cost.all_lines}


def _book_text_with(old: str, new: str, after: str = "part_time:") -> str:
    """ir-1405.yaml with the first ``old`` after ``after`` replaced by ``new``."""
    text = IR.read_text(encoding="utf-8")
    at = text.index(after)
    assert old in text[at:]
    return text[:at] + text[at:].replace(old, new, 1)


# ---------------------------------------------------------------- the lines and the usage
def test_part_time_hours_are_paid_at_the_books_hourly_wage_and_loads():
    req, book, plan = bank()
    cost = priced()
    pt = book.part_time
    assert pt is not None and pt.hourly_wage == Decimal(950000) and pt.loads == Decimal("0.895")
    hours = _month("500")
    assert hours == Decimal("2174.11") == cost.usage.part_time_hours
    lines = _lines(cost)
    wages, loads = lines["part_time.wages"], lines["part_time.loads"]
    assert (wages.quantity, wages.unit, wages.rate, wages.source) == (hours, "h", pt.hourly_wage, "shift plan")
    assert wages.amount == hours * pt.hourly_wage == Decimal("2065404500")  # exact: whole Rial, nothing rounded
    assert loads.quantity == wages.amount and loads.rate == pt.loads
    assert loads.amount == book.rounder.line(wages.amount * pt.loads)
    assert [ln.key for ln in cost.lines].index("part_time.loads") < [ln.key for ln in cost.lines].index("allowances")
    assert cost.usage.paid_hours == _month("3040")  # part-time hours are among the paid hours


def test_part_time_fte_is_hours_over_44_and_counts_for_support_and_hires():
    req, book, plan = bank()
    u = priced().usage
    assert req.staffing.hours_per_fte_week == 44
    assert u.part_time_fte == quantity(Decimal(500) / 44) == Decimal("11.36")
    assert u.fte == sum(u.fte_by_tier.values()) + u.part_time_fte
    assert u.salaried_fte == sum(u.fte_by_tier.values())
    lines = _lines(priced())
    assert lines["allowances"].quantity == u.salaried_fte  # the part-timers' allowances are in their loads
    assert lines["support.qa"].quantity == role_count(book, "qa", u.fte)  # support roles count every agent
    assert lines["support.supervisor"].quantity == role_count(book, "supervisor", u.fte)
    assert u.headcount == 70  # 57.73 + 11.36 = 69.09 FTE
    supervisors = role_count(book, "supervisor", u.fte)
    assert build_setup(req, book, priced()).hires == u.headcount + supervisors


def test_full_time_tier_fte_follow_the_full_time_paid_hours_only():
    req, book, plan = bank()
    tier_fte = sum(q.fte for q in plan.queues)  # every queue of the bank is on the fa tier
    scheduled = plan.totals.scheduled_hours_week
    assert priced().usage.fte_by_tier == {"fa": quantity(tier_fte * (3040 - PART_TIME) / scheduled)}
    assert priced(0.0).usage.fte_by_tier == {"fa": quantity(tier_fte * 3040 / scheduled)}
    assert priced().usage.fte_by_tier["fa"] == Decimal("57.73")


def test_the_premiums_hourly_base_blends_the_part_time_wage():
    req, book, plan = bank()
    cost = priced()
    lines = _lines(cost)
    hours_month = quantity(quantity(req.staffing.hours_per_fte_week) * WEEKS_PER_MONTH)
    salaried = cost.usage.salaried_fte
    paid = salaried * hours_month + cost.usage.part_time_hours
    wages = lines["wages.fa"].amount + lines["part_time.wages"].amount
    assert cost.agent_hourly_wage == book.rounder.line(wages / paid)
    premium = lines["premium.overtime"]
    assert premium.rate == book.rounder.line(cost.agent_hourly_wage * book.premiums.overtime)


def test_setup_values_part_time_hours_at_their_loaded_hourly_wage():
    req, book, plan = bank()
    cost = priced()
    u = cost.usage
    hours_month = quantity(quantity(req.staffing.hours_per_fte_week) * WEEKS_PER_MONTH)
    salaried = book.rounder.line(cost.agent_loaded_monthly / hours_month)
    loaded = book.part_time.hourly_wage * (1 + book.part_time.loads)
    blended = book.rounder.line((salaried * u.salaried_fte + loaded * u.part_time_fte) / u.fte)
    training = next(ln for ln in build_setup(req, book, cost).lines if ln.key == "setup.training")
    assert training.rate == blended and blended > salaried  # an hour of a part-timer costs more than a salaried one


# ---------------------------------------------------------------- as before
def test_a_shift_plan_without_the_attribute_prices_exactly_as_before():
    req, book, plan = bank()
    old = build_cost(req, book, plan, OldRoster(dict(SPLIT)))
    assert old == priced(0.0)  # lines, totals, usage: all equal
    assert old.usage.part_time_hours == 0 and old.usage.part_time_fte == 0
    assert not any(ln.key.startswith("part_time.") for ln in old.all_lines)
    assert "part_time_hours" not in old.usage.to_dict() and "part_time_fte" not in old.usage.to_dict()
    tier_fte = sum(q.fte for q in plan.queues)
    assert old.usage.fte_by_tier == {"fa": quantity(tier_fte * 3040 / plan.totals.scheduled_hours_week)}
    assert old.usage.fte == old.usage.salaried_fte == old.usage.fte_by_tier["fa"]
    assert old.agent_hourly_wage == book.rounder.line(
        _lines(old)["wages.fa"].amount / (old.usage.fte * quantity(quantity(44) * WEEKS_PER_MONTH))
    )


def test_a_book_without_the_section_refuses_nothing_and_prices_no_part_time_line(tmp_path):
    req, book, plan = bank()
    start = IR.read_text(encoding="utf-8").index("# Part-time tours")
    end = IR.read_text(encoding="utf-8").index("in_house:")
    path = tmp_path / "no-part-time.yaml"
    text = IR.read_text(encoding="utf-8")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    without = load_price_book(path)
    assert without.part_time is None
    cost = build_cost(req, without, plan, Roster(dict(SPLIT), 0.0))
    assert not any(ln.key.startswith("part_time.") for ln in cost.all_lines)
    assert cost.monthly_total == priced(0.0).monthly_total
    # part-time hours with nothing to pay them at: refused, never priced at zero
    with pytest.raises(DomainError, match="no part_time section"):
        build_cost(req, without, plan, Roster(dict(SPLIT), PART_TIME))


def test_an_hourly_wage_below_the_legal_minimum_is_refused_naming_the_key(tmp_path):
    path = tmp_path / "low.yaml"
    text = _book_text_with("  hourly_wage: 950000", "  hourly_wage: 800000")
    path.write_text(text, encoding="utf-8")
    line = text[: text.index("  hourly_wage: 800000")].count("\n") + 1
    with pytest.raises(InputError) as err:
        load_price_book(path)
    assert err.value.problems == [
        "part_time.hourly_wage: 800000 is below the minimum wage per hour (871969.41: 166255500 a month / "
        f"(44 h x 52 / 12)) (line {line})"
    ]


def test_the_offshore_book_prices_part_time_in_dollars():
    book = load_price_book("offshore-usd-2026")
    assert book.part_time is not None and book.part_time.hourly_wage == Decimal("2.21")
    assert book.part_time.loads == Decimal("0.525")


# ---------------------------------------------------------------- scenarios, the grid, the saved quote
def test_scale_shifts_and_the_grid_carry_the_part_time_hours():
    req, book, plan = bank()
    lower = plan_staffing(req.scaled(volume=0.8), compare_pools=False)
    factor = lower.totals.scheduled_hours_week / plan.totals.scheduled_hours_week
    scaled = scale_shifts(Roster(dict(SPLIT), PART_TIME), plan, lower)
    assert scaled is not None and scaled.part_time_hours_week == PART_TIME * factor
    assert scaled.paid_hours_week == {k: v * factor for k, v in SPLIT.items()}
    old = scale_shifts(OldRoster(dict(SPLIT)), plan, lower)
    assert old is not None and old.part_time_hours_week == 0.0
    a, b = priced().usage, measure(req.scaled(volume=0.8), book, lower, scaled)
    assert 0 < b.part_time_hours < a.part_time_hours
    mid = interpolate(a, b, Decimal("0.5"))
    assert mid.part_time_hours == quantity((a.part_time_hours + b.part_time_hours) / 2)
    assert mid.part_time_fte == quantity((a.part_time_fte + b.part_time_fte) / 2)


def test_the_shift_note_carries_and_saves_the_part_time_hours():
    use = ShiftUse(True, "used", status="optimal", paid_hours_week=dict(SPLIT))
    assert with_part_time(OldRoster(dict(SPLIT)), use) is use  # today's planner: nothing added
    noted = with_part_time(Roster(dict(SPLIT), 500.1234567), use)
    assert noted.part_time_hours_week == 500.123457  # kept to 6 places, like the split
    assert with_part_time(Roster(dict(SPLIT), 500.0), ShiftUse(False, "not_proven")).part_time_hours_week is None
    assert noted.to_dict()["part_time_hours_week"] == "500.123457"
    assert ShiftUse.from_dict(noted.to_dict()) == noted
    assert "part_time_hours_week" not in use.to_dict() and ShiftUse.from_dict(use.to_dict()) == use
    roster = noted.roster()
    assert roster is not None and roster.part_time_hours_week == 500.123457


@cache
def part_time_quote():
    req, book, plan = bank()
    use = ShiftUse(True, "used", status="optimal", paid_hours_week=dict(SPLIT), part_time_hours_week=PART_TIME)
    return build_quote(req, book, saved_shifts=use, number="Q-PT-1")


def test_a_quote_prices_saves_and_requotes_its_part_time_hours(tmp_path):
    from quoter.quote.model import validate_quote
    from quoter.render import text

    quote = part_time_quote()
    assert quote.cost.usage == priced().usage  # the pipeline prices the note's hours
    lines = _lines(quote.cost)
    assert lines["part_time.wages"] == _lines(priced())["part_time.wages"]
    data = quote.to_dict()
    validate_quote(data)
    assert data["staffing"]["shift_plan"]["part_time_hours_week"] == "500.000000"  # 6 places, as the split
    assert data["pricing"]["usage"]["part_time_hours"] == "2174.11"
    assert data["pricing"]["usage"]["part_time_fte"] == "11.36"
    line = next(ln for ln in data["cost"]["lines"] if ln["key"] == "part_time.wages")
    assert text.line_label(line, "en") == "Part-time agents, paid by the hour"
    assert text.line_label(line, "fa") == "کارشناسان پاره‌وقت با حقوق ساعتی"
    loads = next(ln for ln in data["cost"]["lines"] if ln["key"] == "part_time.loads")
    assert "pro rata" in text.line_label(loads, "en") and "پاره‌وقت" in text.line_label(loads, "fa")
    again = requote(load_quote(save_quote(quote, tmp_path / "out")))
    assert again.cost.usage.part_time_hours == quote.cost.usage.part_time_hours
    assert again.to_dict() == data  # the saved hours price the same quote


def test_a_saved_quote_without_the_part_time_fields_still_loads():
    from quoter.quote.model import validate_quote

    data = build_quote(BANK, shifts=False, scenarios=False).to_dict()
    assert "part_time_hours" not in data["pricing"]["usage"]
    assert "part_time_hours_week" not in data["staffing"]["shift_plan"]
    doc = validate_quote(data)
    assert doc.pricing.usage.part_time_hours is None and doc.pricing.usage.part_time_fte is None


def test_wages_rise_at_nowruz_for_part_time_too():
    from quoter.term.indices import book_for_year, wage_index

    book = load_price_book("ir-1405")
    later = book_for_year(book, 1406)
    w = wage_index(book, 1406)
    assert w > 1
    assert later.part_time is not None and later.part_time.hourly_wage == book.rounder.line(950000 * w)
    assert later.part_time.loads == book.part_time.loads


# ---------------------------------------------------------------- the workbook
@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    from quoter.render.workbook import write_workbook

    return write_workbook(part_time_quote(), tmp_path_factory.mktemp("wb-part-time") / "part-time.xlsx", lang="en")


def test_the_workbook_has_live_part_time_columns_and_formulas(workbook):
    from openpyxl import load_workbook

    wb = load_workbook(workbook)
    grid, cost = wb.worksheets[7], wb.worksheets[2]
    header = [c.value for c in grid[1]]
    assert "part_time.hours" in header and "part_time.fte" in header
    col = header.index("part_time.hours")
    row = [c.value for c in grid[1 + [c.value for c in grid["A"]].index("0.00|0.00")]]
    assert Decimal(str(row[col])) == part_time_quote().cost.usage.part_time_hours
    label = "Part-time agents, paid by the hour"
    at = next(r for r in range(1, cost.max_row + 1) if cost.cell(r, 1).value == label)
    qty, rate_ = cost.cell(at, 2).value, cost.cell(at, 3).value
    assert qty.startswith("=") and grid.title in qty  # read from the grid, not a number
    assert rate_.startswith("=") and "wage_change" in rate_  # follows the wage-change input


def test_the_recalculated_workbook_equals_the_engine_with_part_time_hours(workbook):
    from .test_workbook_inprocess import _assert_matches
    from .xlsx_eval import recalculate

    _assert_matches(recalculate(workbook), part_time_quote().to_dict())


def test_the_recalculated_workbook_follows_wages_and_volume_with_part_time_hours(workbook):
    from quoter.render.workbook import held_figures

    from .test_workbook_inprocess import _assert_matches
    from .xlsx_eval import recalculate

    req, book, plan = bank()
    quote = part_time_quote()
    lower = plan_staffing(req.scaled(volume=0.8), compare_pools=False)
    scaled = scale_shifts(quote.shift_use, plan, lower)
    assert scaled is not None
    use = ShiftUse(True, "used", status="optimal", paid_hours_week=scaled.paid_hours_week,
                   part_time_hours_week=scaled.part_time_hours_week)  # fmt: skip
    raised = {tier: (w * Decimal("1.1")).quantize(Decimal(1)) for tier, w in book.wages.agent.items()}
    higher = book.model_copy(
        update={
            "wages": book.wages.model_copy(update={"agent": raised}),
            "part_time": book.part_time.model_copy(update={"hourly_wage": book.part_time.hourly_wage * 11 / 10}),
        }
    )
    engine = build_quote(req.scaled(volume=0.8), higher, saved_shifts=use, scenarios=False, **held_figures(quote))
    assert any(ln.key == "part_time.wages" for ln in engine.cost.lines)
    _assert_matches(recalculate(workbook, wage_change=0.1, volume_change=-0.2), engine.to_dict())
