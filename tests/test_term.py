"""The term plan: months in Jalali months, wages indexed at 1 Farvardin, the three price policies, being paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from quoter.errors import InputError
from quoter.inputs.pricebook import load_price_book
from quoter.inputs.term_book import Payment
from quoter.inputs.yamlio import validate
from quoter.quote.pipeline import build_quote
from quoter.term.cash import Deal, cash_flow
from quoter.term.indices import book_for_year, wage_index

from .conftest import MINIMAL

IR = load_price_book()
TODAY = dt.date(2026, 12, 2)  # 11 Azar 1405: the default start is 1 Dey 1405 (2026-12-22)


def req(text: str = MINIMAL, **service):
    import yaml

    from quoter.inputs.requirements import Requirements

    data = yaml.safe_load(text)
    data["service"].update(service)
    return validate(data, Requirements, what="requirements")


def quote(r=None, book=IR, **kw):
    return build_quote(r or req(), book, today=TODAY, scenarios=False, shifts=False, **kw)


def still_book(**indexation):
    """The book with nothing moving over the term unless asked (no rise, no inflation, no exchange-rate move)."""
    ix = IR.indexation.model_copy(update={"years": {}, "wage_rise": Decimal(0), "cpi_annual": Decimal(0),
                                          "fx_annual": Decimal(0), **indexation})  # fmt: skip
    return IR.model_copy(update={"indexation": ix})


def term(q):
    return q.to_dict()["term"]


# ---------------------------------------------------------------- months and indexation
def test_dey_start_has_nine_months_at_the_indexed_wage():
    t = term(quote(req(term_months=12)))
    months = [m["month"] for m in t["months"]]
    assert t["start"] == "2026-12-22" and months[0] == "1405-10" and months[-1] == "1406-09"
    assert len(months) == 12 == t["months_count"]
    rise = IR.indexation.year(1406).wage_rise
    indexed = [m for m in t["months"] if Decimal(m["wage_index"]) == 1 + rise]
    assert [m["month"] for m in indexed] == months[3:]  # Farvardin 1406 to Azar 1406: nine months
    assert all(Decimal(m["wage_index"]) == 1 for m in t["months"][:3])
    # labour costs rise with the wage index: a Farvardin month costs about (1 + rise) x labour share more
    dey, far = Decimal(t["months"][2]["cost"]), Decimal(t["months"][3]["cost"])
    L = Decimal(t["policies"]["indexed"]["labour_share"])
    assert float(far / dey) == pytest.approx(float(1 + rise * L), rel=0.01)


def test_book_for_year_raises_every_wage_and_the_statutory_figures():
    b = book_for_year(IR, 1406)
    w = wage_index(IR, 1406)
    assert w == Decimal("1.45")
    assert b.wages.agent["fa"] == IR.wages.agent["fa"] * w and b.wages.manager == IR.wages.manager * w
    assert b.labour.minimum_wage_daily == IR.rounder.line(IR.labour.minimum_wage_daily * w)
    assert b.labour.minimum_wage_year == 1406
    assert b.allowances.housing == IR.allowances.housing * w
    assert book_for_year(IR, 1405) is IR and wage_index(IR, 1407) == Decimal("1.45") ** 2


def test_known_figures_of_a_year_replace_the_assumed_rise():
    from quoter.inputs.term_book import YearFigures

    years = {1406: YearFigures(wage_rise=Decimal("0.30"), housing=Decimal(40_000_000), assumed=False, basis="decree")}
    book = still_book(years=years)
    b = book_for_year(book, 1406)
    assert b.wages.agent["fa"] == IR.wages.agent["fa"] * Decimal("1.30")
    assert b.allowances.housing == 40_000_000  # the decreed figure, not 30,000,000 x 1.30


def test_farvardin_start_has_no_mid_term_rise():
    t = term(quote(req(term_months=12, start_date="1406-01-01")))
    assert t["months"][0]["month"] == "1406-01" and t["months"][-1]["month"] == "1406-12"
    assert len({m["wage_index"] for m in t["months"]}) == 1
    factors = {m["price_factor"] for m in t["months"]}
    assert len(factors) == 1  # adjusted once, on the first day (a new wage year), then never within the term
    assert [a["month"] for a in t["policies"]["indexed"]["adjustments"]] == ["1406-01"]


def test_flat_seasonality_gives_equal_months():
    t = term(quote(req(term_months=12), book=still_book()))
    for key in ("contacts", "fte", "cost", "price_factor"):
        assert len({Decimal(m[key]) for m in t["months"]}) == 1, key
    assert len({tuple(m["revenue"].items()) for m in t["months"]}) == 1


def test_seasonality_moves_the_months_volume_and_staffing():
    r = req(MINIMAL + "seasonality: iran-retail\n", term_months=12)
    t = term(quote(r, book=still_book()))
    by = {m["month"][5:]: m for m in t["months"]}
    base = Decimal(by["10"]["contacts"])  # Dey: factor 1.00
    assert float(Decimal(by["12"]["contacts"]) / base) == pytest.approx(1.20, rel=0.002)  # Esfand peak
    assert float(Decimal(by["01"]["contacts"]) / base) == pytest.approx(0.80, rel=0.002)  # the Nowruz dip
    assert Decimal(by["12"]["fte"]) > Decimal(by["10"]["fte"]) > Decimal(by["01"]["fte"])
    assert Decimal(by["12"]["cost"]) > Decimal(by["10"]["cost"]) > Decimal(by["01"]["cost"])
    assert t["seasonality"] == "iran-retail" and t["season_factors"][11] == "1.2000"


# ---------------------------------------------------------------- the three policies
def test_indexed_month_one_is_todays_price_and_farvardin_follows_the_formula_exactly():
    q = quote(req(term_months=12))
    t = term(q)
    model = t["chosen_model"]
    first = t["months"][0]
    assert first["price_factor"] == "1"
    flat = t["policies"]["flat"]
    assert t["policy"] == "indexed"
    assert Decimal(first["revenue"][model]) == q.book.rounder.monthly(q.term.months[0].bills[model])
    ix = t["policies"]["indexed"]
    lab, oth, fxs = (Decimal(ix[k]) for k in ("labour_share", "other_share", "fx_share"))
    assert lab + oth + fxs == 1
    assert lab > Decimal("0.9")  # Iranian contact centres are labour
    far = next(m for m in t["months"] if m["month"] == "1406-01")
    expected = lab * Decimal(far["wage_index"]) + oth * Decimal(far["cpi_index"]) + fxs * Decimal(far["fx_index"])
    assert Decimal(far["price_factor"]) == expected.quantize(Decimal("0.000001"))
    i = t["months"].index(far)
    bill = q.term.months[i].bills[model]
    assert Decimal(far["revenue"][model]) == q.book.rounder.monthly(bill * Decimal(far["price_factor"]))
    assert ix["formula"] == f"P = P0 x ({ix['labour_share']} x W/W0 + {ix['other_share']} x CPI/CPI0 + " \
        f"{ix['fx_share']} x FX/FX0)"  # fmt: skip
    assert flat["totals"][model]["revenue"] < ix["totals"][model]["revenue"]


def test_level_price_exceeds_the_flat_price_by_what_the_term_plan_computes():
    q = quote(req(term_months=12))
    t = term(q)
    model = t["chosen_model"]
    level = t["policies"]["level"]
    k = Decimal(level["prices"][model]["factor"])
    bills = [m.bills[model] for m in q.term.months]
    costs = [m.cost for m in q.term.months]
    totals = level["totals"][model]
    # k earns the target margin and the model's risk premium on the term's cost, its financing and guarantee
    p = q.term.costs.deal.payment
    guarantee_fee = Decimal(totals["revenue"]) - q.setup.total  # the contract value the guarantee covers
    guarantee_fee = guarantee_fee * p.guarantee_share * p.guarantee_fee_annual
    extra = Decimal(totals["financing"]) + guarantee_fee
    markup = (1 + q.tariffs[model].risk_premium) / (1 - IR.target_margin)  # no term discount on a level price
    assert float(k * sum(bills)) == pytest.approx(float((sum(costs) + extra) * markup), rel=2e-4)
    flat_monthly = q.tariffs[model].monthly_at_forecast
    assert Decimal(level["prices"][model]["monthly_at_forecast"]) == q.book.rounder.monthly(flat_monthly * k)
    assert k > Decimal("1.2")  # nine of twelve months at +45 % wages
    flat = t["policies"]["flat"]["totals"][model]
    assert Decimal(flat["margin_share"]) < 0 < Decimal(totals["margin_share"])  # flat loses money over the term
    gap = Decimal(totals["revenue"]) - Decimal(flat["revenue"])
    assert float(gap) == pytest.approx(float((k - 1) * sum(bills)), rel=1e-4)


def test_level_price_with_nothing_moving_is_the_flat_price_less_the_term_discount():
    book = still_book()
    book = book.model_copy(update={"payment": Payment(days=0, social_security_retention=Decimal(0))})
    q = quote(req(term_months=12), book=book)
    t = term(q)
    d = IR.terms.discount(12)
    for model, prices in t["policies"]["level"]["prices"].items():
        # flat prices carry the term discount (2 % at 12 months) and the level price does not
        assert float(prices["factor"]) == pytest.approx(float(1 / (1 - d)), abs=0.003), model


def test_level_policy_can_be_the_books_default():
    ix = IR.indexation.model_copy(update={"policy": "level"})
    t = term(quote(req(term_months=12), book=IR.model_copy(update={"indexation": ix})))
    model = t["chosen_model"]
    assert t["policy"] == "level"
    assert {Decimal(m["price_factor"]) for m in t["months"]} == {
        Decimal(t["policies"]["level"]["prices"][model]["factor"])
    }


def test_start_date_in_the_past_is_refused():
    with pytest.raises(InputError) as exc:
        quote(req(start_date="2026-01-01"))
    assert "service.start_date: 2026-01-01 is before the quote's date 2026-12-02" in str(exc.value)


# ---------------------------------------------------------------- being paid
def _deal(**payment):
    p = Payment(**{"days": 60, "social_security_retention": Decimal(0), **payment})
    return Deal(p, Decimal("0.10"), Decimal("0.02"), (10, 11, 12, 1, 2, 3))


def test_cash_position_never_ignores_a_retention():
    revenue, cost = [Decimal(100)] * 6, [Decimal(80)] * 6
    base = cash_flow(revenue, cost, _deal())
    held = cash_flow(revenue, cost, _deal(social_security_retention=Decimal("0.05"), clearance_months=3))
    paid_by = [sum(Decimal(100) for i in range(1, 7) if i + 2 <= t) for t in range(len(base.position))]
    for t, (a, b) in enumerate(zip(base.position, held.position, strict=True)):
        if t < 6 + 3:  # until the clearance releases it, 5 % of every paid invoice is missing
            assert a - b == Decimal("0.05") * paid_by[t], t
    assert base.position[-1] == held.position[-1]  # released in the end: the same money, later
    assert held.financing_total > base.financing_total and held.npv < base.npv


def test_payment_delay_vat_and_withholding_flows():
    revenue, cost = [Decimal(100)] * 6, [Decimal(0)] * 6
    c = cash_flow(revenue, cost, _deal(days=45, withholding=Decimal("0.05"), withholding_recovery_months=2))
    # month 1's invoice: 110 with VAT less 5 withheld = 105, half at 1.5 months -> months 2 and 3
    assert c.position[1] == 0
    assert c.position[2] == Decimal("52.5")
    # VAT of Dey-Esfand (the third quarter of the Jalali year) is paid in Farvardin (term month 4)
    assert c.position[4] - c.position[3] == Decimal("105") - Decimal("30") + Decimal("2.5")
    assert c.position[-1] == 600  # in the end: the revenue; VAT passed on, withholding credited


def test_guarantee_fee_and_deposit():
    p = {
        "guarantee_share": Decimal("0.10"),
        "guarantee_fee_annual": Decimal("0.03"),
        "guarantee_deposit": Decimal("0.2"),
    }
    c = cash_flow(
        [Decimal(100)] * 12,
        [Decimal(0)] * 12,
        _deal(**p)
        if False
        else Deal(
            Payment(days=0, social_security_retention=Decimal(0), **p), Decimal(0), Decimal(0), tuple(range(1, 13))
        ),
    )
    assert c.guarantee == 120
    assert c.position[0] == -(Decimal("120") * Decimal("0.03") + Decimal("120") * Decimal("0.2"))
    assert c.position[-1] == 1200 - Decimal("3.6")  # the deposit comes back, the fee does not


def test_the_cost_of_being_paid_is_in_the_price():
    q = quote(req(term_months=12))
    line = next(ln for ln in q.cost.lines if ln.key == "overhead.financing")
    assert line.rate == q.cost.financing == q.term.financing_share > 0
    before = sum((ln.amount for ln in q.cost.lines if ln.group in ("agents", "support", "seats", "telephony")
                  or ln.key in ("overhead.g_and_a", "overhead.risk")), Decimal(0))  # fmt: skip
    assert line.quantity == before
    still_money = IR.indexation.model_copy(update={"cost_of_money_monthly": Decimal(0)})
    free = IR.model_copy(update={"payment": Payment(days=0, social_security_retention=Decimal(0)),
                                 "indexation": still_money})  # fmt: skip
    q0 = quote(req(term_months=12), book=free)
    assert q0.cost.financing == 0 and not any(ln.key == "overhead.financing" for ln in q0.cost.lines)
    assert q.cost.monthly_total > q0.cost.monthly_total


def test_the_clients_payment_terms_override_the_books():
    r = req(MINIMAL + "payment: {days: 90, performance_retention: 0.0, guarantee_share: 0.10}\n", term_months=12)
    t = term(quote(r))
    assert t["payment"]["days"] == 90 and Decimal(t["payment"]["performance_retention"]) == 0
    assert Decimal(t["payment"]["guarantee_share"]) == Decimal("0.10")
    assert t["payment"]["social_security_retention"] == "0.05"  # the book's, the client said nothing


def test_an_unquoted_jalali_start_date_is_read_as_jalali(tmp_path):
    from quoter.inputs.requirements import load_requirements

    p = tmp_path / "req.yaml"
    p.write_text(MINIMAL.replace("interval_minutes: 60}", "interval_minutes: 60, start_date: 1406-01-01}"), "utf-8")
    assert load_requirements(p).service.start_date == "2027-03-21"  # 1 Farvardin 1406, not the year 1406 AD
    p.write_text(MINIMAL.replace("interval_minutes: 60}", "interval_minutes: 60, start_date: 2027-03-21}"), "utf-8")
    assert load_requirements(p).service.start_date == "2027-03-21"
