"""The request-for-information workbook: written in English and Persian, filled as a client would (Persian
digits, Persian yes/no), read back and quoted; every example survives the round trip; bad cells are reported by
sheet and address, exit 1, nothing written."""

from __future__ import annotations

import json
import typing

import pytest
from openpyxl import load_workbook
from pydantic import BaseModel

from quoter.cli import main
from quoter.inputs.requirements import Requirements, load_requirements
from quoter.render.intake.fields import BY_PATH, FIELDS
from quoter.render.intake.form import SHEETS, load_form, names, write_form

from .conftest import EXAMPLES


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def fill(path, values: dict[str, object]) -> None:
    """Type ``values`` into the cells named by their defined names, as a client's system would."""
    wb = load_workbook(path)
    for name, value in values.items():
        sheet, ref = next(iter(wb.defined_names[name].destinations))
        wb[sheet][ref.replace("$", "")] = value
    wb.save(path)


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_written_as_a_form_reads_back_the_same(tmp_path, example, lang):
    req = load_requirements(example)
    form = write_form(tmp_path / "form.xlsx", lang, req)
    assert load_form(form).model_dump() == req.model_dump()


def test_the_defined_names_are_the_requirements_paths(tmp_path):
    wb = load_workbook(write_form(tmp_path / "f.xlsx", "en"))
    for name in ("client_name", "channels_voice_calls_per_month", "channels_voice_aht_seconds",
                 "service_term_months", "channels_voice_target_service_level", "service_hours_sat",
                 "channels_chat_hours_fri", "languages_share", "pools", "history"):  # fmt: skip
        assert name in wb.defined_names, name
    assert set(names("en")) <= set(wb.defined_names)


def test_the_persian_form_is_right_to_left_protected_with_open_inputs_and_drop_downs(tmp_path):
    wb = load_workbook(write_form(tmp_path / "f.xlsx", "fa"))
    main_sheet = wb[SHEETS["fa"]["main"]]
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == list(SHEETS["fa"].values())
    assert all(ws.sheet_view.rightToLeft for ws in wb.worksheets)
    assert all(ws.protection.sheet for ws in wb.worksheets)
    where = names("fa")
    cell = main_sheet[where["channels_voice_aht_seconds"].ref]
    label = main_sheet[f"A{cell.row}"]
    assert cell.protection.locked is False and label.protection.locked is True
    assert label.value == "میانگین زمان رسیدگی (ثانیه)"
    assert "ثانیه" not in (main_sheet[f"C{cell.row}"].value or "x") or main_sheet[f"C{cell.row}"].value
    lists = {str(dv.sqref): dv.formula1 for dv in main_sheet.data_validations.dataValidation if dv.type == "list"}
    assert lists[where["service_interval_minutes"].ref] == '"15,30,60"'
    assert lists[where["client_vat_reclaim"].ref] == '"بله,خیر"'
    ranges = {str(dv.sqref): (dv.formula1, dv.formula2) for dv in main_sheet.data_validations.dataValidation
              if dv.type in ("decimal", "whole")}  # fmt: skip
    assert ranges[where["service_term_months"].ref] == ("1", "120")


def test_a_persian_client_fills_the_form_with_persian_digits_and_it_is_quoted(tmp_path, capsys):
    form = write_form(tmp_path / "rfi.xlsx", "fa")
    fill(form, {
        "client_name": "Behnam Tile", "client_name_fa": "کاشی بهنام", "client_vat_reclaim": "خیر",
        "service_hours": "روزهای مشخص", "service_interval_minutes": "60", "service_term_months": "۱۸",
        "service_hours_sat": "۰۸:۰۰-۲۰:۰۰", "service_hours_sun": "08:00-20:00", "service_hours_mon": "08:00-20:00",
        "service_hours_tue": "08:00-20:00", "service_hours_wed": "08:00-20:00", "service_hours_thu": "۰۸:۰۰-۱۴:۰۰",
        "service_hours_fri": "تعطیل",
        "channels_voice_calls_per_month": "۲۴٬۰۰۰", "channels_voice_aht_seconds": "۱۸۰",
        "channels_voice_target_service_level": "۸۰٪", "channels_voice_target_answer_seconds": 20,
    })  # fmt: skip
    wb = load_workbook(form)
    sheet, ref = next(iter(wb.defined_names["languages_code"].destinations))
    wb[sheet]["A4"], wb[sheet]["B4"], wb[sheet]["A5"], wb[sheet]["B5"] = "fa", "۰٫۹", "en", 0.1
    wb.save(form)
    req = load_form(form)
    assert req.client.name_fa == "کاشی بهنام" and req.client.vat_reclaim is False
    assert req.service.term_months == 18 and req.service.interval_minutes == 60
    assert req.service.hours == {"sat-wed": "08:00-20:00", "thu": "08:00-14:00", "fri": "closed"}
    assert req.channels.voice.calls_per_month == 24000 and req.channels.voice.target.service_level == 0.8
    assert req.languages == {"fa": 0.9, "en": 0.1}
    code, out, err = run(capsys, "quote", str(form), "--json", "--no-shifts")
    assert code == 0, err
    data = json.loads(out)
    assert data["client"]["name"] == "Behnam Tile" and data["term_months"] == 18


def test_every_bad_cell_is_reported_by_sheet_and_address_and_nothing_is_written(tmp_path, capsys):
    form = write_form(tmp_path / "rfi.xlsx", "en")
    fill(form, {"client_name": "Acme", "channels_voice_calls_per_month": "-5", "channels_voice_aht_seconds": "lots",
                "service_term_months": 500, "client_postal_code": "123", "service_hours": "by day",
                "service_hours_sat": "08:00-25:00", "channels_chat_concurrency": 9})  # fmt: skip
    where = names("en")
    code, out, err = run(capsys, "quote", str(form), "--out", str(tmp_path / "out"))
    assert code == 1 and out == ""
    assert err.startswith(f"Error: {form}: ")
    assert "Traceback" not in err
    for name, text in [
        ("channels_voice_calls_per_month", "Input should be greater than 0"),
        ("channels_voice_aht_seconds", "Input should be a valid number"),
        ("service_term_months", "Input should be less than or equal to 120"),
        ("client_postal_code", "must be 10 digits"),
        ("channels_chat_concurrency", "Input should be less than or equal to 6"),
    ]:
        line = next(x for x in err.splitlines() if f"{where[name]} (" in x)
        assert text in line, line
    assert "Hours!B4:B10 (service.hours): sat: 08:00-25:00" in err
    assert "Request!B46 (channels.chat.aht_seconds): required key is missing" in err  # chat asked: its AHT too
    assert not (tmp_path / "out").exists()


def test_an_empty_form_says_what_is_missing(tmp_path, capsys):
    form = write_form(tmp_path / "rfi.xlsx", "en")
    code, _, err = run(capsys, "init", str(tmp_path / "r.yaml"), "--from", str(form))
    assert code == 1
    assert "Request!B5 (client): required key is missing" in err  # the first cell of the section
    assert "(channels.voice.aht_seconds): required key is missing" in err
    assert not (tmp_path / "r.yaml").exists()


def test_interval_history_is_checked_and_kept_beside_the_requirements(tmp_path, capsys):
    form = write_form(tmp_path / "rfi.xlsx", "fa", load_requirements(EXAMPLES[0]))
    wb = load_workbook(form)
    ws = wb[SHEETS["fa"]["history"]]
    for r, row in enumerate([("۱۴۰۵-۰۷-۰۹", "08:30", "voice", "۱۲۰", 110, 200), ("1405-07-09", "9:99", "fax", -1)]):
        for c, v in enumerate(row):
            ws.cell(4 + r, 1 + c, v)
    wb.save(form)
    code, _, err = run(capsys, "init", str(tmp_path / "r.yaml"), "--from", str(form))
    assert code == 1 and "سابقه!A5: interval history:" in err and "سابقه!A4" not in err
    ws.delete_rows(5)
    wb.save(form)
    code, _, err = run(capsys, "init", str(tmp_path / "r.yaml"), "--from", str(form))
    assert code == 0, err
    history = (tmp_path / "r-history.csv").read_text().splitlines()
    assert history == ["date,start,channel,offered,answered,aht_seconds", "1405-07-09,08:30,voice,120.0,110,200"]


def test_a_workbook_that_is_no_form_is_refused(tmp_path, capsys):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "other.xlsx")
    code, _, err = run(capsys, "quote", str(tmp_path / "other.xlsx"))
    assert code == 1 and "not a quoter intake form" in err
    (tmp_path / "broken.xlsx").write_text("not a zip")
    code, _, err = run(capsys, "quote", str(tmp_path / "broken.xlsx"))
    assert code == 1 and "not a readable .xlsx workbook" in err


def _leaves(model: type[BaseModel], prefix: str) -> list[str]:
    out = []
    for name, info in model.model_fields.items():
        args = [a for a in typing.get_args(info.annotation) if isinstance(a, type)] or [info.annotation]
        sub = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        out += _leaves(sub, f"{prefix}{name}.") if sub is not None else [f"{prefix}{name}"]
    return out


def test_the_form_asks_every_field_of_the_requirements_but_the_rostering_rules_and_the_forecast():
    """Every requirements field is on the form, but the rostering rules (kept in YAML) and the forecast, which
    ``quoter history`` computes from the History sheet's data rather than asking the client."""
    from quoter import channels

    tables = {"service.hours", "languages", "pools"}
    paths = _leaves(Requirements, "")
    for ch in channels.channels():
        paths += _leaves(ch.spec, f"channels.{ch.key}.")
    missing = [p for p in paths if p not in BY_PATH and p not in tables and not p.startswith(("shifts", "forecast"))
               and p != "channels" and not p.endswith((".hours", ".languages"))]  # fmt: skip
    assert missing == []
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in f.fa) for f in FIELDS)  # every label worded in Persian
