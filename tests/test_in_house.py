"""The in-house case: hidden in-house costs, the client's cost of managing a vendor, VAT for a client that
cannot reclaim it, and what the proposal says about which side is cheaper."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from quoter.inputs.pricebook import PriceBook, load_price_book
from quoter.inputs.requirements import Requirements, load_requirements
from quoter.quote.pipeline import build_quote
from quoter.render.documents import render_documents
from quoter.render.documents.context import build_context

from .conftest import ROOT

TODAY = dt.date(2026, 11, 22)
RETAIL = ROOT / "examples" / "pars-retail-24x7.yaml"


def _book(**in_house: object) -> PriceBook:
    book = load_price_book("ir-1405")
    return book.model_copy(update={"in_house": book.in_house.model_copy(update=in_house)}) if in_house else book


def _req(vat_reclaim: bool = True, **service: object) -> Requirements:
    req = load_requirements(RETAIL)
    client = req.client.model_copy(update={"vat_reclaim": vat_reclaim})
    return req.model_copy(update={"client": client, "service": req.service.model_copy(update=service)})


@cache
def _quote(vat_reclaim: bool = True) -> dict:
    """The quote with the contract's model fixed (the advice itself weighs VAT, so it may change the model)."""
    return build_quote(_req(vat_reclaim), _book(), today=TODAY, scenarios=False, shifts=False,
                       chosen_model="hybrid").to_dict()  # fmt: skip


def _d(x: str) -> Decimal:
    return Decimal(x)


def test_hidden_lines_are_priced_with_their_basis():
    book = _book()
    ih = _quote()["in_house"]
    lines = {ln["key"]: ln for ln in ih["lines"]}
    assert [h["key"] for h in ih["hidden"]] == [h.key for h in book.in_house.hidden]
    assert len(ih["hidden"]) >= 6
    staff = _d(lines["in_house.staff"]["amount"])
    seats = _d(lines["in_house.seats"]["quantity"])
    for h, given in zip(ih["hidden"], book.in_house.hidden, strict=True):
        assert h["basis"].startswith("ASSUMED:") and h["basis"] == given.basis
        line = lines[f"in_house.{h['key']}"]
        # the client's estimate is shown to the monthly step; the line keeps the exact amount for the totals
        assert _d(h["amount"]) == book.rounder.monthly(_d(line["amount"])) > 0
        assert _d(h["amount"]) % book.rounder.step("monthly") == 0
        if given.share_of_staff is not None:
            assert _d(line["quantity"]) == staff and _d(line["rate"]) == given.share_of_staff
        else:
            assert _d(line["quantity"]) == seats and _d(line["rate"]) == given.monthly_per_seat
    assert _d(ih["monthly_total"]) == book.rounder.monthly(sum(_d(ln["amount"]) for ln in ih["lines"]))


def test_vendor_management_is_on_the_outsourced_side():
    q = _quote()
    ih = q["in_house"]
    bill = _d(q["term"]["totals"][q["chosen_model"]]["revenue"])
    assert _d(ih["outsourced_bill"]) == bill
    assert _d(ih["vendor_management_share"]) == Decimal("0.04")
    assert _d(ih["vendor_management"]) == (bill * Decimal("0.04")).quantize(Decimal(1))
    assert ih["vat_included"] is False and _d(ih["outsourced_vat"]) == 0
    assert _d(ih["outsourced_term_total"]) == bill + _d(ih["vendor_management"])
    assert ih["vendor_management_basis"].startswith("ASSUMED:")


def test_vat_is_added_to_the_outsourced_side_only_when_the_client_cannot_reclaim_it():
    reclaim, bank = _quote(True)["in_house"], _quote(False)["in_house"]
    bill = _d(bank["outsourced_bill"])
    vat = (bill * Decimal("0.10")).quantize(Decimal(1))
    assert bank["vat_included"] is True
    assert _d(bank["outsourced_vat"]) == vat
    assert _d(bank["outsourced_term_total"]) == bill + _d(bank["vendor_management"]) + vat
    assert _d(bank["outsourced_term_total"]) - _d(reclaim["outsourced_term_total"]) == vat
    assert bank["term_total"] == reclaim["term_total"]  # in-house: staff carries no VAT
    assert bank["outsourced_bill"] == reclaim["outsourced_bill"]


@pytest.mark.parametrize("vat_reclaim", [True, False])
def test_cheaper_and_difference_follow_the_totals(vat_reclaim):
    ih = _quote(vat_reclaim)["in_house"]
    inside, outside = _d(ih["term_total"]), _d(ih["outsourced_term_total"])
    assert ih["cheaper"] == ("in_house" if inside < outside else "outsourced")
    assert _d(ih["difference"]) == abs(inside - outside) > 0
    share = (_d(ih["difference"]) / max(inside, outside)).quantize(Decimal("0.0001"))
    assert _d(ih["difference_share"]) == share


def test_both_sides_are_at_todays_prices_when_nothing_rises():
    """With no wage, price or exchange-rate rise and flat seasonality, the in-house term is set-up + monthly x
    months: the term plan moves both sides by the same indices, nothing else."""
    book = _book()
    ix = book.indexation
    years = {y: v.model_copy(update={"wage_rise": Decimal(0)}) for y, v in ix.years.items()}
    flat = ix.model_copy(update={"years": years, "wage_rise": Decimal(0), "cpi_annual": Decimal(0),
                                 "fx_annual": Decimal(0)})  # fmt: skip
    book = book.model_copy(update={"indexation": flat})
    req = _req().model_copy(update={"seasonality": "flat"})
    ih = build_quote(req, book, today=TODAY, scenarios=False, shifts=False).to_dict()["in_house"]
    assert _d(ih["term_total"]) == _d(ih["setup_total"]) + 12 * _d(ih["monthly_total"])


def _flip() -> dict:
    """The retail quote with a vendor-management share so high that running it in-house is cheaper."""
    book = _book(vendor_management_share=Decimal("0.60"))
    return build_quote(_req(False), book, today=TODAY, scenarios=False, shifts=False).to_dict()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_proposal_context_carries_the_comparison(lang):
    q = _quote(False)
    ctx = build_context(q, lang)["in_house"]
    assert ctx["cheaper"] == q["in_house"]["cheaper"]
    assert ctx["vat_included"] is True
    assert ctx["outsourced_vat"]["figures"] and ctx["difference"]["words"]
    labels = [h["label"] for h in ctx["hidden"]]
    assert len(labels) == len(q["in_house"]["hidden"]) and all(labels)
    assert ("Backup power (UPS and generator)" if lang == "en" else "برق اضطراری (یو‌پی‌اس و ژنراتور)") in labels


def _docx_text(path: Path) -> str:
    return "".join(t.text or "" for t in Document(str(path)).element.body.iter(qn("w:t")))


SAYS = {
    ("en", "outsourced"): "Outsourcing is cheaper by ",
    ("en", "in_house"): "Running it in-house is cheaper by ",
    ("fa", "outsourced"): "برون‌سپاری در این مدت ",
    ("fa", "in_house"): "اجرای داخلی در این مدت ",
}


@pytest.mark.parametrize("flip", [False, True], ids=["as-quoted", "in-house-cheaper"])
def test_the_proposal_says_which_side_is_cheaper(tmp_path, flip):
    q = _flip() if flip else _quote(False)
    cheaper = q["in_house"]["cheaper"]
    assert cheaper == ("in_house" if flip else q["in_house"]["cheaper"])
    paths = render_documents(q, only=["proposal"], out_dir=tmp_path)
    assert len(paths) == 2
    for path in paths:
        lang = "fa" if path.name.endswith("-fa.docx") else "en"
        text = _docx_text(path)
        ctx = build_context(q, lang)["in_house"]
        other = "in_house" if cheaper == "outsourced" else "outsourced"
        assert SAYS[(lang, cheaper)] + ctx["difference"]["figures"] in text
        assert SAYS[(lang, other)] + ctx["difference"]["figures"] not in text
        assert ctx["outsourced_vat"]["figures"] in text
        assert ("VAT included" if lang == "en" else "با احتساب مالیات بر ارزش افزوده") in text
