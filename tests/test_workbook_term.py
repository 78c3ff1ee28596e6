"""The workbook's term sheet: one row per term month, recalculated in-process (``formulas``, as in
tests/xlsx_eval.py) its totals equal the engine's term plan at the default inputs, and its formulas follow
the term inputs (a year's wage rise, the start month) by amounts computed here from the engine's parts.

The case: the bank example with the iran-retail seasonality over 16 months (1405-10 to 1407-01: two
1 Farvardin adjustments, two wage-rise inputs). Only the term sheet's cells are loaded into the model, and
the staffing grid is cut to the quote's own point (the term sheet does not read it), to keep the file fast.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.pricing.cost import build_cost
from quoter.quote.pipeline import build_quote
from quoter.render import wording
from quoter.render import workbook as wbmod
from quoter.term.indices import book_for_year
from quoter.term.plan import adjustment_months

from .conftest import ROOT
from .xlsx_eval import _REF

BANK = ROOT / "examples" / "bank-sat-thu.yaml"
TOTALS = ("revenue", "cost", "financing", "margin", "margin_share")
TERM_INPUTS = ("financing", "cpi_annual", "fx_annual", "cost_of_money", "wage_rise_1406", "wage_rise_1407",
               "start_year", "start_month")  # fmt: skip


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    req = load_requirements(BANK)
    service = req.service.model_copy(update={"term_months": 16})
    req = req.model_copy(update={"seasonality": "iran-retail", "service": service})
    book = load_price_book("ir-1405")
    quote = build_quote(req, book, shifts=False, scenarios=False, number="Q-TERM-1")
    out = tmp_path_factory.mktemp("wb-term")
    with pytest.MonkeyPatch.context() as mp:  # the grid at the quote's point only: the term sheet does not read it
        mp.setattr(wbmod, "VOLUME_STEPS", (Decimal(0),))
        mp.setattr(wbmod, "AHT_STEPS", (Decimal(0),))
        rows = wbmod.grid_rows(quote)
    files = {lang: wbmod.write_workbook_from_grid(quote, rows, out / f"{lang}.xlsx", lang) for lang in ("en", "fa")}
    return quote, files


class TermModel:
    """The term sheet's totals and month columns of one file as a ``formulas`` model, with its inputs."""

    def __init__(self, path: Path) -> None:
        import formulas

        wb = load_workbook(path)
        ws = wb[wording.text("workbook.term", "en")]
        head = wording.text("workbook.term_no", "en")
        self.first = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == head) + 1
        self.n = sum(1 for r in range(self.first, ws.max_row + 1) if isinstance(ws.cell(r, 1).value, int))
        cells: dict[str, tuple[str, str]] = {}
        for name, dn in wb.defined_names.items():
            if name.startswith("term_") or name in TERM_INPUTS:
                ((sheet, ref),) = list(dn.destinations)
                cells[name] = (sheet, ref.replace("$", ""))
        for i in range(self.n):  # label, year, month, cost, factor of each term month
            for col in "BCDMP":
                cells[f"{col}{i + 1}"] = (ws.title, f"{col}{self.first + i}")
        p = Path(path).resolve()
        self.model = formulas.ExcelModel().from_ranges(*(f"'[{p}]{s}'!{r}" for s, r in cells.values())).finish()
        ids = {}
        for node in self.model.dsp.data_nodes:
            m = _REF.match(str(node))
            if m:
                ids[(m["sheet"].upper(), m["ref"].replace("$", ""))] = node
        self.ids = {k: ids[(s.upper(), r)] for k, (s, r) in cells.items()}

    def __call__(self, **inputs: float) -> dict[str, Any]:
        assert set(inputs) <= set(TERM_INPUTS), inputs
        sol = self.model.calculate(inputs={self.ids[k]: v for k, v in inputs.items()}, outputs=list(self.ids.values()))
        out: dict[str, Any] = {}
        for key, node in self.ids.items():
            v = sol[node].value[0, 0] if hasattr(sol[node], "value") else sol[node]
            out[key] = v if isinstance(v, str) else Decimal(str(float(v)))
        return out


@pytest.fixture(scope="module")
def model(case):
    return TermModel(case[1]["en"])


@pytest.fixture(scope="module")
def defaults(model):
    return model()


def _labour(quote, i: int) -> Decimal:
    """Term month ``i``'s labour (agents and support, with their G&A and risk) at its year's figures, rebuilt
    from the engine's usage of the month: what the sheet's labour part times the wage index gives back."""
    m, u = quote.term.months[i], quote.term.costs.usages[i]
    b = build_cost(quote.requirements, book_for_year(quote.book, m.year), quote.plan, usage=u)
    return (b.group_total("agents") + b.group_total("support")) * b.provider_cost / b.direct


def test_term_sheet_has_one_row_per_month(case, model, defaults):
    quote, files = case
    term = quote.term
    assert model.n == len(term.months) == 16
    got = defaults
    assert [got[f"B{i + 1}"] for i in range(model.n)] == [m.label for m in term.months]
    assert [int(got[f"D{i + 1}"]) for i in range(model.n)] == [m.month for m in term.months]
    en, fa = load_workbook(files["en"]), load_workbook(files["fa"])
    assert "Term" in en.sheetnames and wording.text("workbook.term", "fa") in fa.sheetnames
    assert fa[wording.text("workbook.term", "fa")].sheet_view.rightToLeft
    for name in TERM_INPUTS:  # named, yellow, unlocked inputs on the inputs sheet
        ((sheet, ref),) = list(en.defined_names[name].destinations)
        cell = en[sheet][ref.replace("$", "")]
        assert sheet == "Inputs" and cell.protection.locked is False and cell.fill.fgColor.rgb.endswith("FFF2CC")
    ((sheet, ref),) = list(en.defined_names["financing"].destinations)
    assert Decimal(str(en[sheet][ref.replace("$", "")].value)) == quote.cost.financing


def test_totals_equal_the_engine_at_default_inputs(case, defaults):
    """Revenue, financing and margin share exactly; cost and margin within one line step (1 Rial): each month's
    cost is the ROUND of a float sum in the sheet, of Decimals in the engine."""
    quote, _ = case
    term = quote.term
    got = defaults
    for policy in ("indexed", "flat"):
        engine = term.policies[policy].totals[term.chosen_model]
        assert got[f"term_revenue_{policy}"] == engine["revenue"], policy
        assert got[f"term_financing_{policy}"] == engine["financing"], policy
        assert got[f"term_margin_share_{policy}"] == engine["margin_share"], policy
        for key in ("cost", "margin"):
            assert abs(got[f"term_{key}_{policy}"] - engine[key]) <= 1, (policy, key)
    for i, m in enumerate(term.months):
        assert abs(got[f"M{i + 1}"] - m.cost) <= 1, m.label
        assert got[f"P{i + 1}"] == term.policies["indexed"].factors[term.chosen_model][i], m.label
    first = adjustment_months(term.costs)[0]
    assert got["term_first_adjustment"] == first + 1 == 4
    assert got["term_first_factor"] == term.policies["indexed"].factors[term.chosen_model][first]


def test_wage_rise_up_10_points_raises_the_cost_by_the_labour_of_the_later_months(case, model, defaults):
    """Wages from 1 Farvardin 1406 up 10 points more: every month from Farvardin 1406 on costs its labour x
    0.10 / 1.45 more (1407's index goes from 1.45^2 to 1.55 x 1.45: the same share); the flat price's revenue
    does not move, so its cost moves by exactly that (one Rial of rounding per month)."""
    quote, _ = case
    term, book = quote.term, quote.book
    rise = book.indexation.year(1406).wage_rise
    base, up = defaults, model(wage_rise_1406=float(rise + Decimal("0.10")))
    later = [i for i, m in enumerate(term.months) if m.year >= 1406]
    assert len(later) == 13
    expected = sum((_labour(quote, i) * Decimal("0.10") / (1 + rise) for i in later), Decimal(0))
    assert expected > 0
    n = len(term.months)
    assert abs(up["term_cost_flat"] - base["term_cost_flat"] - expected) <= n
    assert up["term_revenue_flat"] == base["term_revenue_flat"]
    # the indexed price follows at each Farvardin: L x W/W0 with W 1.55 (1406) and 1.55 x 1.45 (1407)
    s, r = term.costs.shares, book.rounder
    revenue = Decimal(0)
    factor = Decimal(1)
    for m in term.months:
        if m.month == 1:
            w = Decimal("1.55") * (1 + book.indexation.year(1407).wage_rise) ** (m.year - 1406)
            factor = (s.labour * w + s.other * m.cpi_index + s.fx * m.fx_index).quantize(Decimal("0.000001"))
        revenue += r.monthly(m.bills[term.chosen_model] * factor)
    assert up["term_revenue_indexed"] == r.line(revenue + term.costs.deal.setup_fee)
    guarantee = term.costs.deal.payment.guarantee_share * term.costs.deal.payment.guarantee_fee_annual * n / 12
    revenue_change = up["term_revenue_indexed"] - base["term_revenue_indexed"]
    assert abs(up["term_cost_indexed"] - base["term_cost_indexed"] - expected - guarantee * revenue_change) <= n


def test_start_month_moves_the_farvardin_row(model):
    """Start in Esfand 1405: Farvardin 1406 is the second term month (at the default start, Dey 1405, the fourth);
    in Mehr 1406, the seventh is Farvardin 1407."""
    for year, month, farvardin, label in ((1405, 12, 2, "1405-12"), (1406, 7, 7, "1406-07")):
        got = model(start_year=year, start_month=month)
        assert got["B1"] == label
        assert got["term_first_adjustment"] == farvardin, (year, month)
        assert got[f"D{farvardin}"] == 1 and got[f"C{farvardin}"] == (1406 if farvardin < 7 else 1407)
        assert got[f"P{farvardin}"] > 1 and (farvardin == 1 or got[f"P{farvardin - 1}"] == 1)
