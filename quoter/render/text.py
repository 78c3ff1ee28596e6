"""Words for the engine's keys: the labels of cost lines, groups, scenarios and models, and the
recommendation's sentence, in any language of :mod:`quoter.render.wording`, from a quote dict.

The quote holds keys and figures only; every renderer (terminal, workbook, documents) asks here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from quoter.render import wording


def line_label(line: dict[str, Any], lang: str) -> str:
    """A cost, set-up or in-house line's label (``fields`` fill its parameters)."""
    return wording.line_label(str(line["key"]), lang, **(line.get("fields") or {}))


def group_label(group: str, lang: str) -> str:
    return wording.group_label(group, lang)


def scenario_label(key: str, lang: str) -> str:
    return wording.scenario_label(key, lang)


def model_name(key: str, lang: str) -> str:
    """A tariff model's name; a plug-in model adds its names with :func:`quoter.render.wording.add`."""
    return wording.model_name(key, lang)


def recommendation(quote: dict[str, Any], lang: str) -> str:
    """The recommendation in one sentence: which tariff, why, and what it comes to."""
    from quoter.render.localize import format_money, format_percent

    rec = quote["recommendation"]
    model = str(rec["model"])
    currency = str(quote["currency"])
    client = quote.get("client") or {}
    name = (client.get("name_fa") or client.get("name")) if lang == "fa" else client.get("name")

    def money(value: Any) -> str:
        return str(format_money(Decimal(str(value)), currency, lang))

    why = wording.recommendation_why(
        list(rec.get("reasons") or ["balanced"]),
        lang,
        at_risk=format_percent(Decimal(str(rec["at_risk_share"])), lang, decimals=0),
    )
    runner = ""
    if rec.get("runner_up") and rec.get("runner_up_worst_margin") is not None and rec.get("worst_margin") is not None:
        change = "loses" if "runner_up_loses" in (rec.get("reasons") or ()) else "other"
        runner = wording.text(
            "recommendation.runner_up",
            lang,
            runner=wording.model_name(str(rec["runner_up"]), lang),
            runner_monthly=money(rec["runner_up_monthly"]),
            change=wording.text(
                f"recommendation.change.{change}",
                lang,
                runner_margin=format_percent(Decimal(str(rec["runner_up_worst_margin"])), lang, decimals=1),
                margin=format_percent(Decimal(str(rec["worst_margin"])), lang, decimals=1),
            ),
        )
    spread = ""
    if rec.get("monthly_low") is not None and rec.get("monthly_high") is not None:
        spread = wording.text(
            "recommendation.spread", lang, low=money(rec["monthly_low"]), high=money(rec["monthly_high"])
        )
    title = wording.model_short(model, lang) if lang == "en" else wording.model_name(model, lang)
    return wording.text(
        "recommendation.sentence",
        lang,
        model=title,
        client=name or "",
        why=why,
        monthly=money(rec["monthly"]),
        ex_vat=wording.text("recommendation.ex_vat", lang) if Decimal(str(quote.get("vat_rate") or 0)) else "",
        spread=spread,
        runner=runner,
    )


def shift_note(shift_plan: dict[str, Any], lang: str) -> str:
    """Why a quote's paid hours do (or do not) come from a shift plan; a roster's size, efficiency and gap."""
    from quoter.render.localize import format_number, format_percent

    def pct(key: str) -> str:
        return format_percent(Decimal(str(shift_plan.get(key) or 0)), lang, decimals=1)

    return wording.text(
        f"note.shift.{shift_plan['reason']}",
        lang,
        detail=shift_plan.get("detail") or "",
        people=format_number(Decimal(int(shift_plan.get("headcount") or 0)), lang),
        efficiency=pct("efficiency"),
        gap=pct("gap"),
    )


def staffing_notes(notes: Any, shrinkage: Any, hours: Any, blocking: Any, lang: str) -> list[str]:
    """The staffing method in words (``notes``: the plan's keys), with its shrinkage, hours per FTE-week and
    line blocking."""
    from quoter.render.localize import format_number, format_percent

    fields = {
        "shrinkage": format_number(Decimal(str(shrinkage)).normalize(), lang),
        "hours": format_number(Decimal(str(hours)).normalize(), lang),
        "blocking": format_percent(Decimal(str(blocking)), lang, decimals=1),
    }
    return [wording.text(f"note.staffing.{key}", lang, **fields) for key in notes or ()]


def quote_staffing_notes(quote: dict[str, Any], lang: str) -> list[str]:
    """:func:`staffing_notes` of a quote dict."""
    st = quote["staffing"]
    blocking = quote["requirements"]["staffing"].get("line_blocking", "0.01")
    return staffing_notes(st.get("notes"), st["shrinkage"], st["hours_per_fte_week"], blocking, lang)


def _fa_name(key: str, value: str) -> str:
    """A currency code or a time zone in Persian (babel's names), or as given when babel has none."""
    from babel.dates import get_timezone, get_timezone_location
    from babel.numbers import get_currency_name

    try:
        if key == "currency":
            return str(get_currency_name(value, locale="fa"))
        return str(get_timezone_location(get_timezone(value), locale="fa", return_city=True))
    except (LookupError, ValueError):
        return value


FA_FORECAST_METHODS = {
    "holt-winters (damped additive trend, multiplicative season)": "هولت-وینترز با روند جمعی میرا و فصل ضربی",
    "damped Holt trend x one year's season": "روند میرای هولت ضرب در فصل یک‌ساله",
}
"""The forecast methods of :mod:`quoter.history.forecast`, as a Persian reader reads them."""


def assumptions(quote: dict[str, Any], lang: str) -> list[str]:
    """What the quote assumes, one sentence each."""
    from quoter.render.localize import format_date, format_number, to_persian_digits

    def local(key: str, value: str) -> str:  # figures in the reader's digits, dates in the reader's calendar
        if key == "as_of":
            return str(format_date(dt.date.fromisoformat(value), lang))
        if key in ("daily", "vat", "rise", "cpi", "fx", "money", "share", "mape"):
            return str(format_number(Decimal(value), lang))
        if key == "season":
            return wording.text(f"season.{value}", lang)
        if key == "figure":
            return wording.text(f"figure.{value}", lang) if wording.has(f"figure.{value}", lang) else value
        if lang == "fa" and key == "method":  # quoter history's methods in Persian; a method given stays as given
            return FA_FORECAST_METHODS.get(value, value)
        if lang == "fa" and key in ("currency", "timezone"):  # no Latin code in Persian: «ریال ایران», «تهران»
            return _fa_name(key, value)
        persian = ("year", "night_start", "night_end", "first", "last")
        return to_persian_digits(value) if lang == "fa" and key in persian else value

    shift = shift_note(quote["staffing"]["shift_plan"], lang)
    out = []
    for a in quote.get("assumptions") or ():
        fields = {k: local(k, v) for k, v in (a.get("fields") or {}).items()}
        out.append(wording.text(f"assumption.{a['key']}", lang, shift=shift, **fields))
    return out
