"""The price book follows the client's country: a foreign client is priced with the book for foreign clients,
and a book for the other side of the border is refused with the field named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quoter.errors import InputError
from quoter.inputs.pricebook import book_for_client, check_client_market, load_price_book
from quoter.quote.pipeline import build_quote

from .conftest import ROOT

OFFSHORE = ROOT / "examples/offshore-english.yaml"  # client.country: DE
BANK = ROOT / "examples/bank-sat-thu.yaml"  # client.country: IR (the default)


def test_the_book_is_chosen_by_the_clients_country():
    assert book_for_client("IR") == "ir-1405"
    assert book_for_client("DE") == book_for_client("AE") == "offshore-usd-2026"
    q = build_quote(OFFSHORE, scenarios=False, shifts=False)
    assert q.book.name == "offshore-usd-2026" and q.book.currency == "USD"
    assert build_quote(BANK, scenarios=False, shifts=False).book.name == "ir-1405"


@pytest.mark.parametrize(("path", "book", "country"), [(OFFSHORE, "ir-1405", "DE"), (BANK, "offshore-usd-2026", "IR")])
def test_a_book_for_the_other_side_of_the_border_is_refused(path, book, country):
    with pytest.raises(InputError) as exc:
        build_quote(path, book, scenarios=False, shifts=False)
    (problem,) = exc.value.problems
    assert problem.startswith(f"client.country: {country}, but price book {book} prices")


def test_check_client_market_accepts_the_right_side():
    check_client_market("IR", load_price_book("ir-1405"))
    check_client_market("DE", load_price_book("offshore-usd-2026"))


def test_cli_quotes_a_foreign_client_in_its_book_and_refuses_the_wrong_one(capsys):
    from quoter.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["quote", str(OFFSHORE), "--no-shifts"])
    assert exc.value.code == 0 and "price book offshore-usd-2026" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["quote", str(OFFSHORE), "--price-book", "ir-1405", "--no-shifts"])
    err = capsys.readouterr().err
    assert exc.value.code == 1 and "client.country: DE" in err and "Traceback" not in err


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_recommendation_mentions_vat_only_where_vat_is_charged(lang):
    from quoter.render.text import recommendation

    vat_words = {"en": "excluding VAT", "fa": "بدون مالیات بر ارزش افزوده"}[lang]
    foreign = build_quote(OFFSHORE, scenarios=False, shifts=False).to_dict()  # 0 % VAT
    domestic = build_quote(BANK, scenarios=False, shifts=False).to_dict()  # Iranian VAT
    assert Decimal(foreign["vat_rate"]) == 0 and vat_words not in recommendation(foreign, lang)
    assert Decimal(domestic["vat_rate"]) > 0 and vat_words in recommendation(domestic, lang)
