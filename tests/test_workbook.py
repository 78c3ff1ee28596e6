"""The negotiation workbook: structure read back with openpyxl, and LibreOffice recalculation
proving the live formulas give exactly the engine's numbers (default and changed inputs)."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.pricing.tariffs import model_keys
from quoter.quote.pipeline import build_quote
from quoter.render.workbook import grid_rows, held_figures, write_workbook, write_workbook_from_grid

from .conftest import ROOT

PRICED = tuple(k for k in model_keys() if k != "per_result")  # per result: outbound campaigns only
BANK = ROOT / "examples" / "bank-sat-thu.yaml"


@pytest.fixture(scope="module")
def bank():
    req = load_requirements(BANK)
    book = load_price_book("ir-1405")
    quote = build_quote(req, book, shifts=False, number="Q-WB-1")
    return req, book, quote, grid_rows(quote)


@pytest.fixture(scope="module")
def files(bank, tmp_path_factory):
    _, _, quote, rows = bank
    out = tmp_path_factory.mktemp("wb")
    return {lang: write_workbook_from_grid(quote, rows, out / f"{lang}.xlsx", lang) for lang in ("en", "fa")}


def _named(wb, name):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def test_names_protection_and_validation(files):
    wb = load_workbook(files["en"])
    for name in ("margin", "term_discount", "volume_change", "aht_change", "vat_rate", "show_toman", "monthly_total"):
        assert name in wb.defined_names, name
    for key in PRICED:
        assert f"tariff_{key}" in wb.defined_names
    for name in ("margin", "volume_change", "aht_change", "vat_rate"):
        cell = _named(wb, name)
        assert cell.protection.locked is False
        assert cell.fill.fgColor.rgb.endswith("FFF2CC")
    total = _named(wb, "monthly_total")
    assert total.protection.locked is True and str(total.value).startswith("=")
    assert all(ws.protection.sheet for ws in wb.worksheets)
    inputs = _named(wb, "margin").parent
    ranges = {str(dv.sqref): dv for dv in inputs.data_validations.dataValidation}
    assert ranges["B5"].type == "list" and "-0.2" in ranges["B5"].formula1
    assert ranges["B3"].type == "decimal"


def test_tariffs_are_formulas_of_the_inputs(files):
    wb = load_workbook(files["en"])
    for key in PRICED:
        assert str(_named(wb, f"tariff_{key}").value).startswith("=")
    assert "margin" in str(wb["Cost"].cell(wb["Cost"].max_row - 2, 3).value)


def test_chart_and_right_to_left(files):
    en, fa = load_workbook(files["en"]), load_workbook(files["fa"])
    assert en["Staffing"]._charts, "the staffing sheet has a native chart"
    assert not en["Summary"].sheet_view.rightToLeft
    assert all(ws.sheet_view.rightToLeft for ws in fa.worksheets)
    assert fa.worksheets[0]["B1"].value == "بانک سپهر"
    assert "[$-2000429]" in fa["تعرفه‌ها"]["C2"].number_format


def test_formula_like_client_name_is_text(bank, tmp_path):
    req, book, _, _ = bank
    evil = req.model_copy(update={"client": req.client.model_copy(update={"name": '=HYPERLINK("http://x")'})})
    quote = build_quote(evil, book, shifts=False, scenarios=False)
    path = write_workbook_from_grid(quote, grid_rows(quote), tmp_path / "x.xlsx", "en")
    cell = load_workbook(path)["Summary"]["B1"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_same_input_same_bytes(bank, tmp_path, monkeypatch):
    import datetime as dt

    _, _, quote, rows = bank
    a = write_workbook_from_grid(quote, rows, tmp_path / "a.xlsx", "fa").read_bytes()

    class Later(dt.datetime):  # openpyxl stamps the save time: a later clock must not change the bytes
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    monkeypatch.setattr("openpyxl.writer.excel.datetime.datetime", Later)
    b = write_workbook_from_grid(quote, rows, tmp_path / "b.xlsx", "fa").read_bytes()
    assert a == b


def test_bad_language(bank, tmp_path):
    from quoter.errors import InputError

    with pytest.raises(InputError, match="not one of fa, en"):
        write_workbook(bank[2], tmp_path / "x.xlsx", lang="de")
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- LibreOffice recalculation
def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI for the workbook recalculation tests")
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def _recalc(path: Path, tmp: Path, **inputs: float):
    """Set named inputs, let LibreOffice recalculate, and read the values back."""
    wb = load_workbook(path)
    for name, value in inputs.items():
        _named(wb, name).value = value
    src = tmp / f"in-{abs(hash(tuple(inputs.items())))}.xlsx"
    wb.save(src)
    out = tmp / "out"
    profile = tmp / "lo-profile"
    subprocess.run([_soffice(), "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "xlsx",
                    "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=120)  # fmt: skip
    result = out / src.name
    assert result.exists(), "LibreOffice wrote no file"
    return load_workbook(result, data_only=True)


def _assert_matches(wb, quote_dict):
    assert Decimal(str(_named(wb, "monthly_total").value)) == Decimal(quote_dict["cost"]["monthly_total"])
    for key in PRICED:
        got = Decimal(str(_named(wb, f"tariff_{key}").value))
        assert got == Decimal(quote_dict["models"][key]["monthly_at_forecast"]), key
    m = quote_dict["models"]
    assert Decimal(str(_named(wb, "price_per_call").value)) == Decimal(m["per_call"]["unit_price"])
    assert Decimal(str(_named(wb, "price_per_seat").value)) == Decimal(m["per_seat"]["unit_price"])
    assert Decimal(str(_named(wb, "price_hybrid").value)) == Decimal(m["hybrid"]["variable_rate"])
    vat_row = _named(wb, "tariff_fixed").row
    assert Decimal(str(_named(wb, "tariff_fixed").parent.cell(vat_row, 5).value)) == Decimal(
        m["fixed"]["monthly_with_vat"]
    )


@pytest.mark.libreoffice
def test_recalculated_workbook_equals_the_engine(bank, files, tmp_path):
    req, book, quote, _ = bank
    _assert_matches(_recalc(files["en"], tmp_path), quote.to_dict())


@pytest.mark.libreoffice
def test_recalculated_with_volume_down_20_percent(bank, files, tmp_path):
    req, book, _, _ = bank
    engine = build_quote(
        req.scaled(volume=0.8),
        book,
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    _assert_matches(_recalc(files["fa"], tmp_path, volume_change=-0.2), engine)


@pytest.mark.libreoffice
def test_recalculated_with_margin_down_2_points_and_aht_up(bank, files, tmp_path):
    req, book, _, _ = bank
    lower = book.model_copy(update={"target_margin": book.target_margin - Decimal("0.02")})
    engine = build_quote(
        req.scaled(aht=1.1),
        lower,
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    wb = _recalc(files["en"], tmp_path, margin=float(lower.target_margin), aht_change=0.1)
    _assert_matches(wb, engine)


@pytest.mark.libreoffice
def test_recalculated_with_agent_wages_up_10_percent(bank, files, tmp_path):
    req, book, _, _ = bank
    raised = {tier: (w * Decimal("1.1")).quantize(Decimal(1)) for tier, w in book.wages.agent.items()}
    richer = book.model_copy(update={"wages": book.wages.model_copy(update={"agent": raised})})
    engine = build_quote(
        req,
        richer,
        shifts=False,
        scenarios=False,
        **held_figures(bank[2]),
    ).to_dict()
    _assert_matches(_recalc(files["en"], tmp_path, wage_change=0.1), engine)


@pytest.mark.libreoffice
def test_recalculated_24x7_with_premiums_wages_and_volume(tmp_path):
    """Night, Friday and holiday premiums, rotating-shift premium and pooled queues (pars-retail, 24/7)."""
    req = load_requirements(ROOT / "examples" / "pars-retail-24x7.yaml")
    book = load_price_book("ir-1405")
    quote = build_quote(req, book, shifts=False)
    assert any(ln.key == "premium.shift" for ln in quote.cost.lines)  # rotating: art. 56, no night premium
    path = write_workbook(quote, tmp_path / "pars.xlsx", lang="en")
    raised = {tier: (w * Decimal("1.05")).quantize(Decimal(1)) for tier, w in book.wages.agent.items()}
    richer = book.model_copy(update={"wages": book.wages.model_copy(update={"agent": raised})})
    engine = build_quote(
        req.scaled(volume=1.15),
        richer,
        shifts=False,
        scenarios=False,
        **held_figures(quote),
    ).to_dict()
    _assert_matches(_recalc(path, tmp_path, wage_change=0.05, volume_change=0.15), engine)
