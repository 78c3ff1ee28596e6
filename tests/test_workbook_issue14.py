"""The negotiation workbook as a negotiator uses it (issue 14): every price of every model live on the Tariffs
sheet, a margin label that follows the margin, inputs that refuse what the formulas cannot take, a Persian
workbook with no English label, read right to left, and columns wide enough for what they show."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from quoter.inputs.pricebook import load_price_book
from quoter.inputs.requirements import load_requirements
from quoter.pricing.expr import collect_leaves
from quoter.quote.pipeline import build_quote
from quoter.render.workbook import (
    AHT_STEPS,
    VOLUME_STEPS,
    grid_rows,
    held_figures,
    price_fields,
    write_workbook_from_grid,
)

from .conftest import ROOT
from .xlsx_eval import RecalcError, recalculate

BANK = ROOT / "examples" / "bank-sat-thu.yaml"
OFFSHORE = ROOT / "examples" / "offshore-english.yaml"
PARS = ROOT / "examples" / "pars-retail-24x7.yaml"
SURVEY = ROOT / "examples" / "survey-outbound.yaml"


def _quote(path: Path, book: str = "ir-1405"):
    req, pb = load_requirements(path), load_price_book(book)
    return req, pb, build_quote(req, pb, shifts=False, number="Q-1405-WB14")


def _one_point_grid(quote) -> list[dict]:
    """The grid's forecast row only: the same sheets and labels as the full grid, without 84 staffing runs."""
    exprs = [e for ln in quote.cost.all_lines if ln.exprs for e in ln.exprs]
    exprs += [e for t in quote.tariffs.values() for e in t.exprs.values()]
    return [{"key": "0.00|0.00", "leaves": collect_leaves(exprs)}]


def _both_languages(path, folder, book="ir-1405"):
    """The quote of ``path`` and its workbook on the full grid in English and Persian."""
    req, pb, quote = _quote(path, book)
    rows = grid_rows(quote)
    files = {lang: write_workbook_from_grid(quote, rows, folder / f"{lang}.xlsx", lang) for lang in ("en", "fa")}
    return req, pb, quote, files


@pytest.fixture(scope="module")
def offshore(tmp_path_factory):
    """English, USD, voice + chat + e-mail, hybrid per minute: the full grid (2 s) and both languages."""
    return _both_languages(OFFSHORE, tmp_path_factory.mktemp("wb14-offshore"), "offshore-usd-2026")


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    return _both_languages(BANK, tmp_path_factory.mktemp("wb14-bank"))


@pytest.fixture(scope="module")
def persian(tmp_path_factory):
    """Persian workbooks of every Iranian example (one grid point: labels, not numbers, are checked)."""
    out = tmp_path_factory.mktemp("wb14-fa")
    files = {}
    for path in (BANK, PARS, SURVEY):
        _, _, quote = _quote(path)
        target = out / f"{path.stem}.xlsx"
        files[path.stem] = (quote, write_workbook_from_grid(quote, _one_point_grid(quote), target, "fa"))
    return files


def _named(wb, name):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


# ---------------------------------------------------------------- every price field, live
def _assert_fields(got: dict, quote) -> int:
    checked = 0
    for key, tariff in quote.tariffs.items():
        for name in price_fields(quote, key):
            assert got[f"field_{key}_{name}"] == Decimal(str(tariff.fields[name])), (key, name)
            checked += 1
    return checked


def test_every_price_field_of_every_model_is_on_the_tariffs_sheet(offshore, bank):
    for quote, path in ((offshore[2], offshore[3]["en"]), (bank[2], bank[3]["fa"])):
        wb = load_workbook(path)
        for key in quote.tariffs:
            for name in price_fields(quote, key):
                cell = _named(wb, f"field_{key}_{name}")
                assert cell.parent.title in ("Tariffs", "تعرفه‌ها")
                assert str(cell.value).startswith("="), (key, name)  # a live formula, not a value
    fields = {(k, n) for k in offshore[2].tariffs for n in price_fields(offshore[2], k)}
    for wanted in [("per_call", "unit_price_chat"), ("per_call", "unit_price_email"), ("per_call", "minimum_monthly"),
                   ("per_minute", "unit_price_chat"), ("per_minute", "minimum_monthly"), ("hybrid", "base_monthly"),
                   ("hybrid", "variable_rate_chat"), ("hybrid", "variable_rate_email"), ("fixed", "band_min_calls"),
                   ("fixed", "band_max_calls"), ("fixed", "overage_rate"), ("fixed", "underage_rate"),
                   ("per_seat", "unit_price"), ("per_hour", "unit_price"),
                   ("performance", "at_risk_amount")]:  # fmt: skip
        assert wanted in fields, wanted


def test_every_price_field_recalculates_to_the_engine(offshore, bank):
    assert _assert_fields(recalculate(offshore[3]["en"]), offshore[2]) >= 25
    assert _assert_fields(recalculate(bank[3]["en"]), bank[2]) >= 20


def test_every_price_field_follows_a_volume_and_margin_change(offshore):
    """At volume -20 % and a margin 3 points lower, each field is the engine's re-run at that change."""
    req, book, quote, files = offshore
    lower = book.model_copy(update={"target_margin": book.target_margin - Decimal("0.03")})
    engine = build_quote(req.scaled(volume=0.8), lower, shifts=False, scenarios=False, **held_figures(quote))
    got = recalculate(files["en"], volume_change=-0.2, margin=float(lower.target_margin))
    _assert_fields(got, engine)
    assert got["field_hybrid_base_monthly"] != Decimal(str(quote.tariffs["hybrid"].fields["base_monthly"]))


# ---------------------------------------------------------------- the margin label
def test_the_margin_label_follows_the_margin(bank):
    files = bank[3]
    assert recalculate(files["en"])["margin_label"] == "Margin (18% of the price)"
    assert recalculate(files["en"], margin=0.165)["margin_label"] == "Margin (16.5% of the price)"
    assert recalculate(files["fa"], margin=0.2)["margin_label"] == "سود (۲۰٪ از قیمت)"
    assert recalculate(files["fa"], margin=0.165)["margin_label"] == "سود (۱۶٫۵٪ از قیمت)"
    cell = _named(load_workbook(files["en"]), "margin_label")
    assert str(cell.value).startswith("=") and "margin" in str(cell.value)


# ---------------------------------------------------------------- validation
def _validations(path):
    """Each named input cell's data validation (one each)."""
    wb = load_workbook(path)
    out = {}
    for name in wb.defined_names:
        cell = _named(wb, name)
        if cell.protection.locked is False:
            found = [dv for dv in cell.parent.data_validations.dataValidation if cell.coordinate in dv.sqref]
            assert len(found) == 1, name
            out[name] = found[0]
    return out


def _accepts(dv, value: float) -> bool:
    """What Excel lets a reader type into a cell with this validation (errorStyle stop refuses the rest)."""
    if dv.type == "list":
        return any(Decimal(str(value)) == Decimal(v) for v in dv.formula1.strip('"').split(","))
    low, high = float(dv.formula1), float(dv.formula2)
    return low <= value <= high and (dv.type != "whole" or value == int(value))


def test_validated_inputs_refuse_with_a_message(bank):
    for lang, files in (("en", bank[3]), ("fa", bank[3])):
        dvs = _validations(files[lang])
        wanted = {"margin", "volume_change", "aht_change", "vat_rate", "wage_change", "financing", "start_month"}
        assert wanted <= set(dvs)
        for name, dv in dvs.items():
            assert dv.showErrorMessage is True and dv.errorStyle == "stop", name
            assert dv.errorTitle and dv.error, name
            assert dv.allow_blank is False, name
            if lang == "fa":
                assert not re.search("[A-Za-z0-9]", dv.error + dv.errorTitle), (name, dv.error)
    dvs = _validations(bank[3]["en"])
    assert not _accepts(dvs["volume_change"], 0.12)
    assert _accepts(dvs["volume_change"], -0.2) and _accepts(dvs["volume_change"], 0.4)
    assert not _accepts(dvs["aht_change"], 0.07)
    assert not _accepts(dvs["margin"], 1.0) and not _accepts(dvs["start_month"], 13)
    assert "-40%" in dvs["volume_change"].error and "from 0% to 95%" in dvs["margin"].error
    assert "۹۵٪" in _validations(bank[3]["fa"])["margin"].error


def test_what_validation_lets_through_recalculates(bank):
    """The bounds match the formulas: every edge a validation accepts gives numbers, not #N/A or #DIV/0!."""
    dvs = _validations(bank[3]["en"])
    edges = {"volume_change": [float(VOLUME_STEPS[0]), float(VOLUME_STEPS[-1])],
             "aht_change": [float(AHT_STEPS[0]), float(AHT_STEPS[-1])],
             "margin": [0.0, 0.95], "wage_change": [-0.5, 2.0], "vat_rate": [0.0, 0.5],
             "term_discount": [0.5]}  # fmt: skip
    for name, values in edges.items():
        for value in values:
            assert _accepts(dvs[name], value), (name, value)
            got = recalculate(bank[3]["en"], **{name: value})
            assert got["monthly_total"] > 0, (name, value)
    with pytest.raises(RecalcError):  # what a validation refuses breaks the lookup: why it must refuse it
        recalculate(bank[3]["en"], volume_change=0.12)


# ---------------------------------------------------------------- the Persian workbook
_GRID_KEY = re.compile(r"-?\d\.\d\d\|-?\d\.\d\d")


def _identifiers(quote) -> set[str]:
    """What may stay in Latin letters and digits in a Persian workbook: identifiers, not words (the quote
    number, the price book's name, the IANA time zone the night hours are counted in)."""
    return {quote.number, quote.book.name, *re.findall(r"[A-Z][a-z]+/[A-Za-z_]+", json.dumps(quote.to_dict()))}


def _literals(formula: str) -> list[str]:
    return [s for s in re.findall(r'"([^"]*)"', formula) if not re.fullmatch(r"[0-9#.,|\-]*", s)]  # formats, digit maps


def test_the_persian_workbook_has_no_english_label(persian):
    for stem, (quote, path) in persian.items():
        wb = load_workbook(path)
        allowed = _identifiers(quote)
        for ws in wb.worksheets:
            assert not re.search("[A-Za-z]", ws.title)
            for row in ws.iter_rows():
                for cell in row:
                    v = cell.value
                    if not isinstance(v, str):
                        continue
                    if cell.data_type == "f":  # a formula's own text pieces ("سود (" ... "٪ از قیمت)")
                        for lit in _literals(v):
                            assert not re.search("[A-Za-z0-9]", lit), (stem, ws.title, cell.coordinate, lit)
                        continue
                    if _GRID_KEY.fullmatch(v):  # the grid's lookup key, as TEXT() writes it
                        continue
                    rest = v
                    for ident in allowed:
                        rest = rest.replace(ident, "")
                    assert not re.search("[A-Za-z0-9]", rest), (stem, ws.title, cell.coordinate, v)


def test_the_persian_workbook_reads_right_to_left_in_persian_digits(persian, bank):
    for _, path in persian.values():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            assert ws.sheet_view.rightToLeft, ws.title
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    assert cell.alignment.readingOrder == 2, (ws.title, cell.coordinate)
                    assert cell.font.name == "Tahoma", (ws.title, cell.coordinate)
                    fmt = cell.number_format
                    if isinstance(cell.value, int | float) and fmt != "General":
                        assert fmt.startswith("[$-2000429]"), (ws.title, cell.coordinate, fmt)
    en = load_workbook(bank[3]["en"])
    assert all(c.alignment.readingOrder != 2 for row in en["Cost"].iter_rows() for c in row)
    fa = load_workbook(bank[3]["fa"])
    cost = fa["بهای تمام‌شده"]
    assert cost["B4"].number_format == "[$-2000429]#,##0.00"  # quantities with thousands separators
    assert cost["C4"].number_format == "[$-2000429]#,##0.######"
    grid = fa["جدول ظرفیت"]
    assert grid["B2"].number_format == "[$-2000429]#,##0.00"


def test_persian_labels_name_tiers_queues_and_days_in_persian(persian):
    quote, path = persian["pars-retail-24x7"]
    wb = load_workbook(path)
    staffing = wb["نیروی انسانی"]
    heads = [c.value for c in staffing[1]]
    assert "تماس صوتی، انگلیسی و عربی" in heads and "چت، فارسی" in heads
    assert staffing["A2"].value == "شنبه" and staffing["B3"].value == "۰۰:۳۰"
    labels = [c.value for c in wb["بهای تمام‌شده"]["A"] if isinstance(c.value, str)]
    assert "حقوق پایه کارشناسان، رده فارسی" in labels and "حقوق پایه کارشناسان، رده انگلیسی" in labels


# ---------------------------------------------------------------- column widths
def _shown(value: float, fmt: str) -> str:
    """A number as LibreOffice shows it under ``fmt`` (its length is what must fit)."""
    fmt = fmt.removeprefix("[$-2000429]")
    if fmt in ("General", "@"):
        return f"{value:.10g}"
    decimals = len(fmt.rsplit(".", 1)[1].rstrip("%")) if "." in fmt else 0
    if fmt.endswith("%"):
        return f"{value * 100:,.{decimals}f}%"
    return f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.skip("LibreOffice (soffice) is not installed")
    return exe


def _convert(src: Path, fmt: str, tmp: Path, **inputs: float) -> Path:
    """``src`` with its named inputs set, recalculated and converted by LibreOffice to ``fmt``."""
    wb = load_workbook(src)
    for name, value in inputs.items():
        _named(wb, name).value = value
    changed = tmp / f"{src.stem}-{len(inputs)}.xlsx"
    wb.save(changed)
    out, profile = tmp / f"out-{fmt}", tmp / f"profile-{fmt}-{src.stem}"
    subprocess.run([_soffice(), "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", fmt,
                    "--outdir", str(out), str(changed)], check=True, capture_output=True, timeout=180)  # fmt: skip
    result = out / f"{changed.stem}.{fmt}"
    assert result.exists(), "LibreOffice wrote no file"
    return result


def _too_narrow(path: Path) -> list[tuple[str, str, str, float]]:
    """Number cells whose shown value is longer than their column is wide (a reader sees "###")."""
    wb = load_workbook(path, data_only=True)
    narrow = []
    for ws in wb.worksheets:
        widths: dict[int, float] = {}  # LibreOffice writes runs of equal columns as one range
        for dim in ws.column_dimensions.values():
            for col in range(dim.min or 1, (dim.max or dim.min or 1) + 1):
                widths[col] = dim.width
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    width = widths.get(cell.column, 8.43)  # the default: what "###" came from
                    shown = _shown(cell.value, cell.number_format)
                    if len(shown) > width:
                        narrow.append((ws.title, cell.coordinate, shown, width))
    return narrow


@pytest.mark.libreoffice
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_columns_fit_every_recalculated_value(bank, lang, tmp_path):
    """Recalculated by LibreOffice at the defaults and at a high margin with volume +40 % (prices grow):
    every number fits its column, and the printed pages show no "###"."""
    for inputs in ({}, {"margin": 0.6, "volume_change": 0.4}):
        recalculated = _convert(bank[3][lang], "xlsx", tmp_path, **inputs)
        assert _too_narrow(recalculated) == []
    pdf = _convert(bank[3][lang], "pdf", tmp_path, margin=0.6, volume_change=0.4)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "###" not in text
    followed = re.search("۶۰٪|٪۶۰", text) if lang == "fa" else "Margin (60% of the price)" in text  # bidi order
    assert followed  # the margin label followed the input


def test_the_width_check_can_fail(bank, tmp_path):
    """A column narrowed back to the default width is found (the check is not vacuous)."""
    wb = load_workbook(bank[3]["en"])
    del wb["Scenarios"].column_dimensions["C"]
    wb["Scenarios"]["C3"].value = 34736310000.0
    narrowed = tmp_path / "narrow.xlsx"
    wb.save(narrowed)
    assert any(t == "Scenarios" and ref == "C3" for t, ref, _, _ in _too_narrow(narrowed))


def test_persian_texts_that_start_with_a_digit_read_right_to_left(persian):
    """LibreOffice lays out a text that starts with a digit (a Jalali date: ۱۱ آذر ۱۴۰۵) left to right and
    misplaces its letters; a right-to-left mark first makes it read as Persian. Keys and times keep no mark."""
    for _quote, path in persian.values():
        ws = load_workbook(path).worksheets[0]
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        dates = [t for t in texts if "آذر" in t or "دی" in t.split()]
        assert dates and all(t.startswith("\u200f") for t in dates if t.lstrip("\u200f")[:1].isdigit()), dates
        assert all(not t.startswith("\u200f") for t in texts if not re.search("[\u0621-\u06cc]", t))
