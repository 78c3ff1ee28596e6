"""The negotiation workbook recalculated in-process (``formulas``, see tests/xlsx_eval.py): the live
formulas give exactly the engine's numbers at default and changed inputs, on every test run.
The same cases as the LibreOffice tests in tests/test_workbook.py, without LibreOffice."""

from __future__ import annotations

import multiprocessing
import zipfile
from concurrent.futures import Future, ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.pricing.tariffs import model_keys
from quoter.quote.pipeline import build_quote
from quoter.render.workbook import grid_rows, held_figures, write_workbook, write_workbook_from_grid

from .conftest import ROOT
from .xlsx_eval import recalculate

PRICED = tuple(k for k in model_keys() if k != "per_result")  # per result: outbound campaigns only
BANK = ROOT / "examples" / "bank-sat-thu.yaml"
PARS = ROOT / "examples" / "pars-retail-24x7.yaml"


@pytest.fixture(scope="module")
def bank():
    req = load_requirements(BANK)
    book = load_price_book("ir-1405")
    quote = build_quote(req, book, shifts=False, number="Q-WB-1")
    return req, book, quote, grid_rows(quote)


@pytest.fixture(scope="module")
def files(bank, tmp_path_factory):
    _, _, quote, rows = bank
    out = tmp_path_factory.mktemp("wb-inprocess")
    return {lang: write_workbook_from_grid(quote, rows, out / f"{lang}.xlsx", lang) for lang in ("en", "fa")}


def _build_pars(out: str) -> tuple[str, bool, dict]:
    """The 24/7 workbook (its staffing grid is most of this file's time) and the engine at wages +5 %, volume +15 %."""
    req = load_requirements(PARS)
    book = load_price_book("ir-1405")
    quote = build_quote(req, book, shifts=False)
    night = any(ln.key == "premium.shift" for ln in quote.cost.lines)  # rotating: art. 56, no night premium
    path = write_workbook(quote, Path(out) / "pars.xlsx", lang="en")
    engine = build_quote(
        req.scaled(volume=1.15),
        _wages(book, "1.05"),
        shifts=False,
        scenarios=False,
        **held_figures(quote),
    ).to_dict()
    return str(path), night, engine


@pytest.fixture(scope="module", autouse=True)
def pars(request, tmp_path_factory):
    """Build the 24/7 case in a second process while the bank cases run here (same code, same result)."""
    if not any(item.name == "test_recalculated_24x7_with_premiums_wages_and_volume" for item in request.session.items):
        yield None  # not selected (-k): no second process
        return
    out = str(tmp_path_factory.mktemp("wb-pars"))
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, NotImplementedError):  # no second process here: build it in this one
        done: Future = Future()
        done.set_result(_build_pars(out))
        yield done
        return
    with pool:
        yield pool.submit(_build_pars, out)


def _wages(book, factor: str):
    raised = {tier: (w * Decimal(factor)).quantize(Decimal(1)) for tier, w in book.wages.agent.items()}
    return book.model_copy(update={"wages": book.wages.model_copy(update={"agent": raised})})


def _assert_matches(got: dict[str, Decimal], quote_dict) -> None:
    """Exactly the checks of tests/test_workbook.py::_assert_matches, on the in-process values."""
    assert got["monthly_total"] == Decimal(quote_dict["cost"]["monthly_total"])
    m = quote_dict["models"]
    for key in PRICED:
        assert got[f"tariff_{key}"] == Decimal(m[key]["monthly_at_forecast"]), key
    assert got["price_per_call"] == Decimal(m["per_call"]["unit_price"])
    assert got["price_per_seat"] == Decimal(m["per_seat"]["unit_price"])
    assert got["price_hybrid"] == Decimal(m["hybrid"]["variable_rate"])
    assert got["with_vat_fixed"] == Decimal(m["fixed"]["monthly_with_vat"])


def test_recalculated_workbook_equals_the_engine(bank, files):
    _assert_matches(recalculate(files["en"]), bank[2].to_dict())


def test_recalculated_with_volume_down_20_percent(bank, files):
    req, book, _, _ = bank
    engine = build_quote(
        req.scaled(volume=0.8),
        book,
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    _assert_matches(recalculate(files["fa"], volume_change=-0.2), engine)


def test_recalculated_with_margin_down_2_points_and_aht_up(bank, files):
    req, book, _, _ = bank
    lower = book.model_copy(update={"target_margin": book.target_margin - Decimal("0.02")})
    engine = build_quote(
        req.scaled(aht=1.1),
        lower,
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    _assert_matches(recalculate(files["en"], margin=float(lower.target_margin), aht_change=0.1), engine)


def test_recalculated_with_agent_wages_up_10_percent(bank, files):
    req, book, _, _ = bank
    engine = build_quote(
        req,
        _wages(book, "1.1"),
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    _assert_matches(recalculate(files["en"], wage_change=0.1), engine)


def test_recalculated_24x7_with_premiums_wages_and_volume(pars):
    """Night, Friday and holiday premiums, rotating-shift premium and pooled queues (pars-retail, 24/7)."""
    path, night, engine = pars.result(timeout=300)
    assert night
    _assert_matches(recalculate(path, wage_change=0.05, volume_change=0.15), engine)


def _tamper(src, dst, old: str, new: str) -> None:
    """Copy the workbook with one formula's text replaced in the sheet XML (every other byte kept)."""
    hits = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/"):
                hits += data.count(f"<f>{old}</f>".encode())
                data = data.replace(f"<f>{old}</f>".encode(), f"<f>{new}</f>".encode())
            zout.writestr(item, data)
    assert hits == 1, hits


def test_a_tampered_formula_is_caught(bank, files, tmp_path):
    """The check can fail: the margin rate rounded to 4 places instead of 6 moves the total and every tariff."""
    tampered = tmp_path / "tampered.xlsx"
    _tamper(files["en"], tampered, "ROUND(margin/(1-margin),6)", "ROUND(margin/(1-margin),4)")
    engine = bank[2].to_dict()
    got = recalculate(tampered)
    assert got["monthly_total"] != Decimal(engine["cost"]["monthly_total"])
    assert got["tariff_fixed"] != Decimal(engine["models"]["fixed"]["monthly_at_forecast"])
    with pytest.raises(AssertionError):
        _assert_matches(got, engine)
    _assert_matches(recalculate(files["en"]), engine)  # the untouched file still matches
