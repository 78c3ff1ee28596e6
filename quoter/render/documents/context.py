"""Step one of rendering: turn a quote (the dict of ``quote.json``) into a template context.

The context is plain, JSON-serialisable data in one language: every number, amount, percentage and date
is already a formatted string (Persian digits and separators for ``fa``), amounts come in figures and in
words, and names come in the document's language. Templates only place these strings; they do no
arithmetic. Both languages share one set of keys, so a Persian and an English template are interchangeable.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from quoter.calendar import DAYS, WEEKS_PER_MONTH, jalali_month, jalali_month_start
from quoter.errors import InputError
from quoter.pricing.tariffs import model_keys
from quoter.render.localize import (
    amount_in_words,
    format_date,
    format_money,
    format_number,
    format_percent,
    jalali_date,
    jalali_date_numeric,
    to_persian_digits,
)
from quoter.render.text import line_label, model_name, recommendation

"""Tariff keys the documents know, in the order the proposal lists them (``per_hour`` is the hourly form
of ``per_seat``)."""

DEFAULT_TERMS: dict[str, Any] = {
    "payment_days": 15,  # days after the monthly invoice is received
    "invoice_day": 5,  # the provider invoices the previous month by this day of the month
    "notice_days": 60,  # notice for termination without cause
    "cure_days": 15,  # time to remedy a material breach after written notice
    "nda_mutual": True,
    "nda_years": 3,  # confidentiality survives the contract by this many years
    "nda_penalty_months": 3,  # penalty for an NDA breach, in months of the contract's monthly amount
    "review_months": 3,  # SLA review period
    "report_day": 10,  # monthly SLA report due by this day of the following month
    "volume_band": "0.10",  # forecast volume may move this much before prices are reviewed
    "toman": False,  # also show key Persian amounts in Toman
    "liability_months": 12,  # liability cap: the fees of this many months before the claim
    "late_interest_monthly": "0.01",  # late-payment damages of a foreign-currency contract, per month
}
"""Deal terms the quote may override under ``terms``; they are negotiation defaults, not price-book data."""


def _names(lang: str) -> dict[str, Any]:
    """The documents' words in ``lang``, from the one wording table (``doc.*``, ``channel.*``, ``volume.*``),
    nested by their dotted keys (``doc.days.sat`` -> ``names["days"]``, a list in week order)."""

    from quoter.render import wording

    out: dict[str, Any] = {"channels": wording.labels("channel.", lang), "volume": wording.labels("volume.", lang)}
    for key, text in wording.labels("doc.", lang).items():
        *parents, leaf = key.split(".")
        node = out
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = text
    out["days"] = [out["days"][d] for d in DAYS]
    return out


_DAY_KEYS = list(DAYS)
_LOWER_IS_BETTER = {"abandon_rate", "asa", "first_response"}


class _Fmt:
    """Formatting helpers bound to one language and currency."""

    def __init__(self, lang: str, currency: str) -> None:
        self.lang, self.currency = lang, currency
        self.names = _names(lang)

    def digits(self, text: Any) -> str:
        return to_persian_digits(str(text)) if self.lang == "fa" else str(text)

    def identifier(self, text: Any) -> str:
        """A phone number or an ID in the document's digits, with no line break at its hyphens."""
        return _identifier(self.digits(_clean(text)))

    def num(self, value: Any, decimals: int | None = None) -> str:
        return "" if value is None else format_number(_dec(value), self.lang, decimals=decimals)

    def pct(self, value: Any, decimals: int = 1) -> str:
        return "" if value is None else format_percent(_dec(value), self.lang, decimals=decimals)

    def money(self, value: Any) -> str:
        return "" if value is None else format_money(_dec(value), self.currency, self.lang)

    def words(self, value: Any) -> str:
        return "" if value is None else amount_in_words(_dec(value), self.lang, self.currency)

    def toman(self, value: Any) -> str:
        if value is None or self.currency != "IRR" or self.lang != "fa":
            return ""
        return format_money(_dec(value), "IRR", "fa", toman=True)

    def date(self, value: Any) -> str:
        return "" if not value else format_date(_date(value), self.lang)

    def join(self, items: list[str]) -> str:
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        return str(self.names["list_sep"]).join(items[:-1]) + str(self.names["and"]) + items[-1]

    def language(self, code: str) -> str:
        return self.join([self.names["languages"].get(c, c) for c in str(code).split("+")])

    def amount(self, value: Any) -> dict[str, str]:
        """An amount in figures, in words and (Persian, when asked) in Toman."""
        return {"figures": self.money(value), "words": self.words(value), "toman": self.toman(value)}


def _dec(value: Any) -> Decimal:
    if isinstance(value, float):
        value = repr(value)  # a float reaches here only from hand-written JSON; keep its shortest form
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise InputError(f"not a number: {value!r}") from None


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _pick(data: dict[str, Any], key: str, lang: str) -> str:
    """``key_fa`` for Persian when present, else ``key``; control characters (invalid in XML) removed."""
    value = data.get(f"{key}_fa") if lang == "fa" and data.get(f"{key}_fa") else data.get(key)
    return _clean(value)


def _clean(value: Any) -> str:
    text = "" if value is None else str(value)
    return "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")


WORD_JOINER = "\u2060"
NON_BREAKING_HYPHEN = "\u2011"
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")


def _identifier(value: Any) -> str:
    """An identifier that must stay on one line (``Q-1405-E961CE``, ``۰۲۱-۸۸۷۷۶۶۵۵``), with no line break
    at its hyphens. What LibreOffice honours differs by script: in Persian digits a non-breaking hyphen
    (U+2011); in Latin it still broke lines after U+2011, but not at a hyphen followed by a word joiner
    (U+2060, invisible; the PDF's text keeps the plain hyphen)."""
    text = _clean(value)
    return text.replace("-", NON_BREAKING_HYPHEN if _ARABIC_SCRIPT.search(text) else "-" + WORD_JOINER)


REQUIRED = (
    "quote.number",
    "quote.date",
    "quote.valid_until",
    "client.name",
    "company.name",
    "company.address",
    "company.city",
    "company.signatory",
    "currency",
    "chosen_model",
    "cost.monthly_total",
    "staffing.queues",
    "staffing.totals",
    "requirements.service",
    "requirements.channels",
)


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict) or data.get(part) in (None, ""):
            return None
        data = data[part]
    return data


def check_quote(quote: dict[str, Any]) -> None:
    """Raise one :class:`InputError` listing every key the documents need but the quote lacks."""
    problems = [f"{path}: missing" for path in REQUIRED if _get(quote, path) is None]
    chosen = quote.get("chosen_model")
    if chosen and chosen not in (quote.get("models") or {}):
        problems.append(f"chosen_model: unknown tariff {chosen!r} (one of {', '.join(quote.get('models') or {})})")
    elif chosen and not _get(quote, f"models.{chosen}"):
        problems.append(f"models.{chosen}: missing (the chosen tariff)")
    if problems:
        raise InputError("the quote cannot fill the documents", problems)


def build_context(quote: dict[str, Any], lang: str, stamp: dict[str, str] | None = None) -> dict[str, Any]:
    """The template context of one language (``fa`` or ``en``) for a quote dict (see docs/documents.md);
    ``stamp`` (a stored revision's ``revision`` and ``sha256``) goes in every footer."""
    check_quote(quote)
    currency = str(quote["currency"]).upper()
    f = _Fmt(lang, currency)
    req = quote["requirements"]
    terms = {**DEFAULT_TERMS, **({"toman": quote["toman"]} if "toman" in quote else {}), **(quote.get("terms") or {})}
    terms["payment_days"] = _payment_days(quote, terms)
    quote = _at_policy(quote)
    fixed_band = ((quote.get("models") or {}).get("fixed") or {}).get("band")
    if fixed_band is not None and "volume_band" not in (quote.get("terms") or {}):
        terms["volume_band"] = fixed_band
    chosen_key = quote["chosen_model"]
    priced = quote.get("models") or {}
    models = {key: _model(f, key, priced.get(key)) for key in dict.fromkeys([*model_keys(), *priced])}
    chosen = _chosen(f, chosen_key, quote, terms)
    return {
        "lang": lang,
        "rtl": lang == "fa",
        "quote": {
            "number": _identifier(quote["quote"]["number"]),
            "stamp": _stamp(stamp, lang),
            "date": f.date(quote["quote"]["date"]),
            "date_numeric": _numeric_date(f, quote["quote"]["date"]),
            "valid_until": f.date(quote["quote"]["valid_until"]),
            "currency": currency,
            "currency_name": f.names["currencies"].get(currency, currency),
        },
        "client": _party(quote["client"], lang, f),
        "company": {
            **_party(quote["company"], lang, f),
            "logo": quote["company"].get("logo") or "",
            **_profile(f, quote["company"], quote["quote"]["date"]),
        },
        "service": _service(f, req),
        "needs": _needs(f, req),
        "targets": _targets(f, req),
        "staffing": _staffing(f, quote["staffing"], req),
        "cost": {
            "monthly": f.amount(quote["cost"]["monthly_total"]),
            "lines": [
                {"label": line_label(line, lang), "amount": f.money(line.get("amount"))}
                for line in quote["cost"].get("lines") or []
            ],
        },
        "setup": _setup(f, quote.get("setup") or {}),
        "ramp_up": _ramp_up(f, quote.get("ramp_up") or []),
        "models": models,
        "recommendation": _recommendation(f, quote, lang),
        "add_ons": _add_ons(f, quote),
        "included": _included(quote),
        "in_house": _in_house(f, quote.get("in_house")),
        "chosen": chosen,
        "other_models": [m for key, m in models.items() if key not in MODEL_FIELDS and m is not None],
        "performance": models["performance"],
        "sla": _sla(f, quote, chosen_key),
        "terms": _terms(f, terms, _monthly(chosen_key, quote["models"][chosen_key]), _monthly_step(quote)),
        "term": _term(f, quote, chosen_key),
    }


def _stamp(stamp: dict[str, str] | None, lang: str) -> str:
    """`` · revision r2 · SHA-256 ...`` after the number in the footer of documents made from a stored revision."""
    from quoter.render.wording import text

    if not stamp:
        return ""
    revision = str(stamp["revision"])
    if lang == "fa":  # «بازنگری ۲», not «r2»: the hash alone stays Latin (it is compared character by character)
        revision = to_persian_digits(revision.removeprefix("r"))
    return " · " + text("doc.stamp", lang, revision=revision, sha256=stamp["sha256"])


def _numeric_date(f: _Fmt, value: Any) -> str:
    d = _date(value)
    return jalali_date_numeric(d, "fa") if f.lang == "fa" else _identifier(d.isoformat())


BLANK = "..............."
"""A ruled blank where a party's identifier is unknown: filled in by hand at signature."""

_IDENTIFIERS = ("registration_no", "national_id", "economic_code", "postal_code")
_FILL = ("address", "signatory", "signatory_title", *_IDENTIFIERS)


def _party(data: dict[str, Any], lang: str, f: _Fmt) -> dict[str, Any]:
    """A party as the documents name it: each field as given ("" when absent); ``fill``, the fields the
    parties article prints, each the value or :data:`BLANK`; the country (ISO code, its name, ``foreign``)."""
    from babel import Locale

    fields = ("name", "address", "city", "signatory", "signatory_title", "contact")
    out: dict[str, Any] = {key: _pick(data, key, lang) for key in fields}
    for key in (*_IDENTIFIERS, "phone"):
        out[key] = f.identifier(_clean(data.get(key)))  # digits of the language, unbroken at their hyphens
    out["email"] = _clean(data.get("email"))
    country = _clean(data.get("country") or "IR").upper()
    out["country"] = country
    out["country_name"] = Locale(lang).territories.get(country, country)
    out["foreign"] = country != "IR"
    out["fill"] = {key: out[key] or BLANK for key in _FILL}
    return out


def _hours_text(f: _Fmt, hours: Any) -> str:
    n = f.names
    if hours in ("24/7", None):
        return str(n["24/7"])
    if isinstance(hours, str):
        return f.digits(hours)
    parts = []
    for days, spans in hours.items():
        label = n["daily"] if days == "daily" else _days_text(f, str(days))
        if spans == "closed":
            text = n["closed"]
        elif spans == "24h":
            text = n["all_day"]
        else:
            spans = [spans] if isinstance(spans, str) else list(spans)
            text = f.join([f.digits(s.replace("-", n["to"])) for s in spans])
        parts.append(f"{label}: {text}")
    return ("؛ " if f.lang == "fa" else "; ").join(parts)


def _days_text(f: _Fmt, key: str) -> str:
    def day(k: str) -> str:
        k = k.strip().lower()
        return f.names["days"][_DAY_KEYS.index(k)] if k in _DAY_KEYS else k

    if "," in key:
        return f.join([_days_text(f, k) for k in key.split(",")])
    if "-" in key:
        first, last = (k.strip().lower() for k in key.split("-", 1))
        if first in _DAY_KEYS and last in _DAY_KEYS and (_DAY_KEYS.index(last) - _DAY_KEYS.index(first)) % 7 == 1:
            return f.join([day(first), day(last)])  # two days: «شنبه و یکشنبه», "Saturday and Sunday"
        return day(first) + str(f.names["to"]) + day(last)
    return day(key)


def _service(f: _Fmt, req: dict[str, Any]) -> dict[str, Any]:
    service = req.get("service") or {}
    languages = req.get("languages") or {}
    tz = str(service.get("timezone") or "Asia/Tehran")
    channels = [f.names["channels"].get(c, c) for c in _channels(req)]
    if f.lang == "en":
        channels = [c.lower() for c in channels]  # used inside sentences
    return {
        "hours": _hours_text(f, service.get("hours")),
        "timezone": f.names["timezones"].get(tz, tz),
        "term_months": f.num(service.get("term_months") or 12),
        "start_date": f.date(service.get("start_date")),
        "languages": f.join([f.language(code) for code in languages]),
        "single_language": len(languages) <= 1,
        "language_shares": f.join([f"{f.language(code)} {f.pct(share)}" for code, share in languages.items()]),
        "channels": f.join(channels),
    }


def _channels(req: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The channels the client asked for (a saved quote lists absent ones as null)."""
    return {name: ch for name, ch in (req.get("channels") or {}).items() if ch}


def _volume(ch: dict[str, Any], stem: str) -> Decimal | None:
    """Monthly volume of a channel from ``<stem>_per_month`` or ``<stem>_per_week`` (a month = 365.25/12 days)."""
    if ch.get(f"{stem}_per_month") is not None:
        return _dec(ch[f"{stem}_per_month"])
    if ch.get(f"{stem}_per_week") is not None:
        return (_dec(ch[f"{stem}_per_week"]) * WEEKS_PER_MONTH).quantize(Decimal(1))
    return None


def _needs(f: _Fmt, req: dict[str, Any]) -> list[dict[str, str]]:
    """One row per channel: the volume, handling time and target as the client stated them."""
    rows = []
    stems = {"voice": "calls", "chat": "chats", "email": "emails", "outbound": "records"}
    n = f.names
    for channel, ch in _channels(req).items():
        volume = _volume(ch, stems.get(channel, channel))
        if channel == "email":
            handle = f"{f.num(ch.get('handle_minutes'))} {n['minutes']}"
            target = f"{f.num(ch.get('response_hours'))} {n['hours']}"
        elif channel == "outbound":
            handle = f"{f.num(ch.get('talk_seconds'))} {n['seconds']}"
            target = ""
        else:
            handle = f"{f.num(ch.get('aht_seconds'))} {n['seconds']}"
            tgt = ch.get("target") or {}
            if channel == "chat":
                sl, secs = ch.get("service_level", Decimal("0.8")), ch.get("first_response_seconds")
            else:
                sl, secs = tgt.get("service_level"), tgt.get("answer_seconds")
            target = f"{f.pct(sl)} {n['within']} {f.num(secs)} {n['seconds']}" if sl is not None and secs else ""
        unit = n["volume"].get(channel, "")
        if volume:
            volume_text = f"{f.num(volume)} {unit} {n['per_month']}"
        elif ch.get("records_total") is not None:  # a campaign: a total over some weeks
            volume_text = (
                f"{f.num(ch['records_total'])} {unit} {n['over']} {f.num(ch.get('campaign_weeks'))} {n['weeks']}"
            )
        else:
            volume_text = "–"
        rows.append(
            {
                "channel": n["channels"].get(channel, channel),
                "volume": volume_text,
                "handle_time": handle,
                "target": target or "–",
            }
        )
    return rows


def _targets(f: _Fmt, req: dict[str, Any]) -> dict[str, Any]:
    """Voice and chat targets from the requirements (empty strings where the client set none)."""
    channels = _channels(req)
    voice = (channels.get("voice") or {}).get("target") or {}
    chat = channels.get("chat") or {}
    return {
        "service_level": f.pct(voice.get("service_level")),
        "answer_seconds": f.num(voice.get("answer_seconds")),
        "max_abandon": f.pct(voice.get("max_abandon")),
        "max_asa_seconds": f.num(voice.get("max_asa_seconds")),
        "patience_seconds": f.num(voice.get("patience_seconds")),
        "has_chat": bool(chat),
        "chat_service_level": f.pct(chat.get("service_level", "0.8")) if chat else "",
        "chat_first_response_seconds": f.num(chat.get("first_response_seconds")) if chat else "",
        "has_email": bool(channels.get("email")),
        "email_response_hours": f.num((channels.get("email") or {}).get("response_hours")),
    }


def _staffing(f: _Fmt, staffing: dict[str, Any], req: dict[str, Any]) -> dict[str, Any]:
    totals = staffing.get("totals") or {}
    shrinkage = (req.get("staffing") or {}).get("shrinkage")
    return {
        "queues": [
            {
                "channel": f.names["channels"].get(q.get("channel"), q.get("channel", "")),
                "language": f.language(q.get("language", "")),
                "fte": f.num(q.get("fte"), 1),
                "peak_agents": f.num(q.get("peak_agents")),
                "service_level": f.pct(q.get("service_level")),
                "asa": f.num(q.get("asa_seconds"), 0),
                "abandon": f.pct(q.get("abandon_rate")) or "–",
                "occupancy": f.pct(q.get("occupancy")),
            }
            for q in staffing.get("queues") or []
        ],
        "totals": {
            "fte": f.num(totals.get("fte"), 1),
            "peak_agents": f.num(totals.get("peak_agents")),
            "lines": f.num(totals.get("lines")),
        },
        "shrinkage": f.pct(shrinkage),
    }


def _setup(f: _Fmt, setup: dict[str, Any]) -> dict[str, Any]:
    """The set-up fee as the client is offered it: the deliverables of ``setup.offer`` (the engine folded
    its internal lines, margin and nesting, into them, so they add up to the total); a quote without an
    offer shows the total alone, never the internal cost lines."""
    offer = f.names["offer"]
    return {
        "total": f.amount(setup.get("total", "0")),
        "lines": [
            {
                "label": offer.get(str(o["key"]).removeprefix("setup."), line_label(o, f.lang)),
                "amount": f.money(o.get("amount")),
            }
            for o in setup.get("offer") or []
        ],
    }


_ADD_ON_INCLUDED = {"custom_crm": "setup.crm", "ivr_design": "setup.ivr"}
"""Add-ons the set-up fee already delivers when it has that line: offered as included, not sold again."""


def _included(quote: dict[str, Any]) -> dict[str, bool]:
    """The services the proposal lists as included: call-recording access only when it is not an add-on,
    CRM and IVR when the set-up fee delivers them."""
    add_ons = {str(a.get("key") or "") for a in quote.get("add_ons") or []}
    setup = {str(o.get("key")) for o in (quote.get("setup") or {}).get("offer") or []}
    return {
        "recording": "call_recording_access" not in add_ons,
        "crm": "setup.crm" in setup,
        "ivr": "setup.ivr" in setup,
    }


def _add_ons(f: _Fmt, quote: dict[str, Any]) -> list[dict[str, str]]:
    """The optional services with their prices, less those the set-up fee already includes."""
    setup = {str(o.get("key")) for o in (quote.get("setup") or {}).get("offer") or []}
    return [
        {
            "key": str(a.get("key") or ""),
            "name": _pick(a, "name", f.lang),
            "monthly": f.money(a.get("monthly")) or "–",
            "one_time": f.money(a.get("one_time")) or "–",
        }
        for a in quote.get("add_ons") or []
        if _ADD_ON_INCLUDED.get(str(a.get("key") or "")) not in setup
    ]


def _profile(f: _Fmt, company: dict[str, Any], quote_date: Any) -> dict[str, str]:
    """The company introduction of the proposal ("" for what the price book does not give)."""
    founded = company.get("founded")
    years = _date(quote_date).year - int(founded) if founded else None
    return {
        "description": _pick(company, "description", f.lang),
        "years": f.num(years) if years and years > 0 else "",
        "seats": f.num(company.get("seats")) if company.get("seats") else "",
        "certifications": f.digits(_pick(company, "certifications", f.lang)),
    }


def _ramp_up(f: _Fmt, stages: list[dict[str, Any]]) -> list[dict[str, str]]:
    rows = []
    for s in stages:
        unit = "week" if s.get("week") is not None else "month"
        rows.append(
            {
                "stage": f.num(s.get("stage")),
                "when": f"{f.names[unit]} {f.num(s.get(unit))}" if s.get(unit) is not None else "",
                "agents": f.num(s.get("agents")),
                "share": f.pct(s.get("share")),
            }
        )
    return rows


MODEL_FIELDS: dict[str, tuple[str, ...]] = {
    "per_call": ("unit_price", "monthly_at_forecast", "risk_premium", "minimum_monthly"),
    "per_minute": ("unit_price", "increment", "bill_acw", "monthly_at_forecast", "minimum_monthly"),
    "per_seat": ("unit_price", "seats", "monthly_at_forecast"),
    "per_hour": ("unit_price", "hours_per_month", "monthly_at_forecast"),
    "fixed": ("monthly_fee", "band", "band_min_calls", "band_max_calls", "overage_rate", "underage_rate"),
    "hybrid": ("base_monthly", "variable_rate", "variable_unit", "monthly_at_forecast"),
    "performance": ("base", "at_risk_share", "at_risk_amount", "credit_cap", "bonus_cap", "earn_back",
                    "earn_back_months", "expected_payment"),
}  # fmt: skip
"""Fields every priced tariff has in the context (an empty string when the quote lacks one), so templates
can test them with ``{% if %}``."""


def _model(f: _Fmt, key: str, m: dict[str, Any] | None) -> dict[str, Any] | None:
    """One tariff with every figure formatted; ``None`` when the quote did not price it."""
    if not m:
        return None
    m = {**{k: None for k in MODEL_FIELDS.get(key, ("unit_price",))}, **m}
    out: dict[str, Any] = {"name": model_name(key, f.lang)}
    for field, value in m.items():
        if field in ("kpis", "band_min_calls", "band_max_calls", "seats", "hours_per_month", "earn_back_months"):
            continue
        if value is None:
            out[field] = ""
            if field not in ("increment", "variable_unit", "band", "earn_back", "bill_acw") and not field.endswith(
                ("_share", "_cap", "premium")
            ):
                out[f"{field}_words"] = ""
        elif isinstance(value, bool):
            out[field] = value
        elif field.endswith(("_share", "_cap", "premium")) or field == "band":
            out[field] = f.pct(value)
        elif field in ("increment", "variable_unit"):
            out[field] = f.names["increments" if field == "increment" else "units"].get(value, value)
        else:
            out[field] = f.money(value)
            out[f"{field}_words"] = f.words(value)
    for field in ("band_min_calls", "band_max_calls", "seats", "hours_per_month", "earn_back_months"):
        if field in m:
            out[field] = f.num(m[field], 0) if m[field] is not None else ""
    out["monthly"] = f.amount(_monthly(key, m)) if _monthly(key, m) is not None else None
    if key == "performance":
        out["kpis"] = _kpis(f, m)
    if key in _PRICE_FIELD:
        out["prices"] = _prices(f, key, m)
    return out


_PRICE_FIELD = {"per_call": "unit_price", "per_minute": "unit_price", "hybrid": "variable_rate"}
_CHANNEL_ORDER = ("voice", "chat", "email", "outbound")


def _prices(f: _Fmt, key: str, m: dict[str, Any]) -> list[dict[str, str]]:
    """A usage tariff's price per channel (``unit_price_chat`` ...): price, words and what it is paid for."""
    field = _PRICE_FIELD[key]
    per = "minute" if key == "per_minute" or (key == "hybrid" and m.get("variable_unit") == "minute") else "contact"
    units = f.names["price_units"][per]
    rows = [
        {"price": f.money(m[f"{field}_{ch}"]), "words": f.words(m[f"{field}_{ch}"]), "unit": units[ch]}
        for ch in _CHANNEL_ORDER
        if m.get(f"{field}_{ch}") is not None
    ]
    if not rows and m.get(field) is not None:
        rows.append({"price": f.money(m[field]), "words": f.words(m[field]), "unit": units["voice"]})
    return rows


def _monthly(key: str, m: dict[str, Any]) -> Any:
    """The model's monthly amount at the forecast volume (``monthly_fee`` / ``base`` if that is all there is)."""
    if m.get("monthly_at_forecast") not in (None, ""):
        return m["monthly_at_forecast"]
    return m.get({"fixed": "monthly_fee", "performance": "base"}.get(key, "monthly_at_forecast"))


def _kpis(f: _Fmt, m: dict[str, Any]) -> list[dict[str, str]]:
    at_risk = m.get("at_risk_amount")
    rows = []
    for k in m.get("kpis") or []:
        name = str(k.get("name", ""))
        bound = f.names["at_most"] if name in _LOWER_IS_BETTER else f.names["at_least"]
        target = k.get("target")
        target_text = f.pct(target) if name != "asa" else f"{f.num(target)} {f.names['seconds']}"
        credit = k.get("max_credit")
        if credit is None and at_risk is not None and k.get("allocation"):
            credit = _dec(at_risk) * _dec(k["allocation"])
        rows.append(
            {
                "name": f.names["kpis"].get(name, name),
                "target": f"{bound} {target_text}" if target is not None else "",
                "allocation": f.pct(k.get("allocation")),
                "max_credit": f.money(credit),
                "predicted": f.pct(k.get("predicted")) if k.get("predicted") is not None else "–",
            }
        )
    return rows


# --- the SLA: credits on the contract's own tariff, the KPIs it defines, the targets it only reports ----------

_CREDIT_KPIS = ("service_level", "abandon_rate", "asa", "csat", "fcr", "qa")
_VOICE_TARGET = {"service_level": "service_level", "abandon_rate": "max_abandon", "asa": "max_asa_seconds"}


def _sla_terms(quote: dict[str, Any]) -> dict[str, Any]:
    """The performance terms (share at risk, caps, earn-back, KPI allocations and targets): the priced
    performance tariff's, else the price book's ``models.performance`` section; ``{}`` when neither has them."""
    book = ((((quote.get("price_book") or {}).get("snapshot") or {}).get("models") or {}).get("performance")) or {}
    priced = (quote.get("models") or {}).get("performance") or {}
    out: dict[str, Any] = {
        k: priced.get(k, book.get(k)) for k in ("at_risk_share", "credit_cap", "bonus_cap", "earn_back_months")
    }
    if out["at_risk_share"] is None:
        return {}
    book_kpis: dict[str, Any] = book.get("kpis") or {}
    out["book_kpis"] = book_kpis
    out["kpis"] = priced.get("kpis") or [{"name": n, **k} for n, k in book_kpis.items()]
    return out


def _sla_base(key: str, m: dict[str, Any]) -> Any:
    """The monthly amount the contract invoices for its tariff at the forecast volume: the performance
    tariff's base fee (its credits come off it), else the tariff's monthly amount."""
    return m.get("base") if key == "performance" and m.get("base") not in (None, "") else _monthly(key, m)


def _line_step(quote: dict[str, Any]) -> Decimal:
    """The price book's rounding step for a line (``rounding.line``), else a Rial or a cent."""
    step = (((quote.get("price_book") or {}).get("snapshot") or {}).get("rounding") or {}).get("line")
    if step is not None and _dec(step) > 0:
        return _dec(step)
    return Decimal(1) if str(quote["currency"]).upper() == "IRR" else Decimal("0.01")


def _sla_target(f: _Fmt, name: str, target: Any, req: dict[str, Any]) -> str:
    """One target in the SLA's one wording (the same text in the targets article and the credits table)."""
    voice = (_channels(req).get("voice") or {}).get("target") or {}
    value = f"{f.num(target)}" if name == "asa" else f.pct(target)
    return str(f.names["sla_target"][name]).format(value=value, seconds=f.num(voice.get("answer_seconds")))


def _credited(quote: dict[str, Any], terms: dict[str, Any]) -> list[tuple[str, Decimal, Any]]:
    """The KPIs that carry a credit: those whose target the requirements or the price book set, with their
    allocation. A KPI whose target would be only the engine's default gives its allocation to service level,
    so the allocations still add up to the whole amount at risk; it is then neither credited nor a target."""
    voice = (_channels(quote["requirements"]).get("voice") or {}).get("target") or {}
    rows: list[tuple[str, Decimal, Any]] = []
    moved = Decimal(0)
    for k in terms["kpis"]:
        name, allocation = str(k.get("name")), _dec(k.get("allocation") or 0)
        field = _VOICE_TARGET.get(name)
        target = voice.get(field) if field else None
        if target is None:
            target = (terms["book_kpis"].get(name) or {}).get("target")
        if name not in _CREDIT_KPIS or target is None:
            moved += allocation
            continue
        rows.append((name, allocation, target))
    return [(n, a + moved if n == "service_level" else a, t) for n, a, t in rows]


def _sla_kpis(f: _Fmt, quote: dict[str, Any], terms: dict[str, Any], at_risk: Decimal) -> list[dict[str, Any]]:
    step = _line_step(quote)
    return [
        {
            "key": name,
            "name": f.names["kpis"].get(name, name),
            "target": _sla_target(f, name, target, quote["requirements"]),
            "allocation": f.pct(allocation),
            "max_credit": f.money((at_risk * allocation / step).quantize(Decimal(1), ROUND_HALF_UP) * step),
        }
        for name, allocation, target in _credited(quote, terms)
    ]


def _sla_reported(f: _Fmt, req: dict[str, Any], credited: set[str]) -> list[dict[str, str]]:
    """Targets the client set that carry no credit: stated and reported each month, never credited."""
    channels = _channels(req)
    voice = (channels.get("voice") or {}).get("target") or {}
    rows = []
    for name, field in _VOICE_TARGET.items():
        if name not in credited and voice.get(field) is not None:
            rows.append({"key": name, "name": f.names["kpis"][name], "target": _sla_target(f, name, voice[field], req)})
    chat, email = channels.get("chat"), channels.get("email")
    if chat:
        text = str(f.names["sla_target"]["first_response"]).format(
            value=f.pct(chat.get("service_level", "0.8")), seconds=f.num(chat.get("first_response_seconds"))
        )
        rows.append({"key": "first_response", "name": f.names["kpis"]["first_response"], "target": text})
    if email:
        text = str(f.names["sla_target"]["email"]).format(hours=f.num(email.get("response_hours")))
        rows.append({"key": "email", "name": f.names["sla_target_name"]["email"], "target": text})
    return rows


def _sla(f: _Fmt, quote: dict[str, Any], chosen_key: str) -> dict[str, Any]:
    """The SLA's figures. Credits are on the tariff the contract uses: the amount at risk is the book's share
    of its monthly amount at the forecast volume (in a month: of that month's invoice, before VAT); each
    credited KPI's credit is its allocation of it; the caps are shares of the same amount."""
    req = quote["requirements"]
    terms = _sla_terms(quote)
    monthly = _dec(_sla_base(chosen_key, quote["models"][chosen_key]))
    step = _line_step(quote)

    def share_of(share: Any) -> Decimal:
        return (monthly * _dec(share) / step).quantize(Decimal(1), ROUND_HALF_UP) * step

    channels = _channels(req)
    out: dict[str, Any] = {
        "period": f.names["sla_period"]["jalali" if f.currency == "IRR" else "gregorian"],
        "monthly": f.amount(monthly),
        "channels": {c: c in channels for c in _CHANNEL_ORDER},
        "credits": bool(terms),
    }
    kpis = _sla_kpis(f, quote, terms, share_of(terms["at_risk_share"])) if terms else []
    out["kpis"] = kpis
    out["reported"] = _sla_reported(f, req, {k["key"] for k in kpis})
    out["defines"] = {k: False for k in (*_CREDIT_KPIS, "first_response", "email")}
    out["defines"].update({k["key"]: True for k in [*kpis, *out["reported"]]})
    out["defines"]["service_level"] = True
    shares = {"at_risk": "at_risk_share", "credit_cap": "credit_cap", "bonus": "bonus_cap"}
    for name, key in shares.items():
        value = terms.get(key)
        out[key] = f.pct(value) if value is not None else ""
        out[f"{name}_amount"] = f.amount(share_of(value)) if value is not None else f.amount(None)
    out["earn_back"] = bool(terms.get("earn_back_months"))
    out["earn_back_months"] = f.num(terms.get("earn_back_months") or 0)
    return out


def _in_house(f: _Fmt, data: dict[str, Any] | None) -> dict[str, Any] | None:
    """Running the same service in-house against outsourcing over the term, as the quote estimates it
    (``None`` when it does not): amounts, the hidden in-house costs by label, which side is cheaper and by
    how much (``difference_share`` of the dearer side)."""
    if not data:
        return None
    amounts = (
        "monthly_total", "setup_total", "term_total", "outsourced_bill", "vendor_management", "outsourced_vat",
        "outsourced_term_total", "difference",
    )  # fmt: skip
    hidden = [
        {
            "label": _hidden_label(str(h["key"]), f.lang),
            "amount": f.money(h.get("amount")),
            "basis": h.get("basis") or "",
        }
        for h in data.get("hidden") or []
    ]
    return {
        **{key: f.amount(data.get(key)) for key in amounts},
        "hidden": hidden,
        "vendor_management_share": f.pct(data.get("vendor_management_share")),
        "difference_share": f.pct(data.get("difference_share")),
        "vat_included": bool(data.get("vat_included")),
        "cheaper": data.get("cheaper") or "",
    }


def _hidden_label(key: str, lang: str) -> str:
    """A hidden in-house cost's label; a price book's own key without a wording reads as its words."""
    from quoter.render import wording

    full = f"in_house.{key}"
    return line_label({"key": full}, lang) if wording.has(f"line.{full}", lang) else key.replace("_", " ")


def _recommendation(f: _Fmt, quote: dict[str, Any], lang: str) -> dict[str, str]:
    rec = quote.get("recommendation") or {}
    model = rec.get("model") or ""
    return {
        "model": model,
        "model_name": model_name(model, f.lang) if model else "",
        "text": _clean(recommendation(quote, lang)) if model else "",
    }


def _chosen(f: _Fmt, key: str, quote: dict[str, Any], terms: dict[str, Any]) -> dict[str, Any]:
    """The contract's tariff: its monthly amount at forecast, VAT and the total, in figures and words."""
    m = quote["models"][key]
    monthly = _monthly(key, m)
    if monthly is None:
        raise InputError(
            "the quote cannot fill the documents",
            [f"models.{key}.{'monthly_fee' if key == 'fixed' else 'monthly_at_forecast'}: missing"],
        )
    vat_rate = _dec(quote.get("vat_rate") or "0")
    if m.get("vat") is not None and m.get("monthly_with_vat") is not None:  # the engine's own rounding
        vat, total = _dec(m["vat"]), _dec(m["monthly_with_vat"])
    else:
        vat = (_dec(monthly) * vat_rate).quantize(Decimal(1) if f.currency == "IRR" else Decimal("0.01"))
        total = _dec(monthly) + vat
    return {
        "key": key,
        "name": model_name(key, f.lang),
        "monthly": f.amount(monthly),
        "vat_rate": f.pct(vat_rate),
        "vat_applies": bool(vat_rate),
        "vat": f.amount(vat),
        "monthly_with_vat": f.amount(total),
    }


def _terms(f: _Fmt, terms: dict[str, Any], monthly: Any, step: Decimal) -> dict[str, Any]:
    """The deal terms, formatted; ``notice_fee`` is the fee of the notice period (the chosen tariff's monthly
    amount x ``notice_days`` / 30, on the book's monthly step), owed for the part of it a client that ends
    the contract without cause does not give."""
    penalty = terms.get("nda_penalty")
    if penalty is None:
        penalty = _dec(monthly) * _dec(terms["nda_penalty_months"])
    notice_fee = (_dec(monthly) * _dec(terms["notice_days"]) / 30 / step).quantize(Decimal(1), ROUND_HALF_UP) * step
    return {
        "notice_fee": f.amount(notice_fee),
        "liability_months": f.num(terms["liability_months"]),
        "late_interest_monthly": f.pct(terms["late_interest_monthly"], decimals=2),
        "payment_days": f.num(terms["payment_days"]),
        "invoice_day": f.num(terms["invoice_day"]),
        "notice_days": f.num(terms["notice_days"]),
        "cure_days": f.num(terms["cure_days"]),
        "nda_mutual": bool(terms["nda_mutual"]),
        "nda_years": f.num(terms["nda_years"]),
        "nda_penalty_months": f.num(terms["nda_penalty_months"]),
        "nda_penalty": f.amount(penalty),
        "review_months": f.num(terms["review_months"]),
        "report_day": f.num(terms["report_day"]),
        "volume_band": f.pct(terms["volume_band"]),
        "toman": bool(terms["toman"]) and f.lang == "fa" and f.currency == "IRR",
    }


# --- the term: price policy, adjustment formula, payment terms, contract value --------------------------


def _payment_days(quote: dict[str, Any], terms: dict[str, Any]) -> Any:
    """The days the client has to pay: the term plan's (the price carries their financing), else ``terms``.

    A quote whose ``terms.payment_days`` says otherwise than its term plan is refused: the contract would
    promise a delay the price was not computed for (set ``payment.days`` in the requirements instead).
    """
    days = ((quote.get("term") or {}).get("payment") or {}).get("days")
    if days is None:
        return terms["payment_days"]
    given = (quote.get("terms") or {}).get("payment_days")
    if given is not None and _dec(given) != _dec(days):
        raise InputError(
            "the quote cannot fill the documents",
            [f"terms.payment_days: {given} is not the term plan's payment.days {days} (the price assumes "
             f"{days}; set payment.days in the requirements and quote again)"],
        )  # fmt: skip
    return days


_LEVEL_DROP = ("factor", "vat", "monthly_with_vat")


def _at_policy(quote: dict[str, Any]) -> dict[str, Any]:
    """The quote with its tariffs at the prices of its default policy.

    Indexed (or no term plan): today's prices, unchanged; the contract adjusts them on each 1 Farvardin.
    Level: every priced tariff at its level price for the whole term (``term.policies.level.prices``; VAT
    then follows from the level monthly amount), and the recommendation's amounts scaled by its model's level
    factor, so every figure of the documents is the price the contract fixes.
    """
    term = quote.get("term") or {}
    level = ((term.get("policies") or {}).get("level") or {}).get("prices") or {}
    if term.get("policy") != "level" or not level:
        return quote
    models = {}
    for key, m in (quote.get("models") or {}).items():
        prices = level.get(key)
        if not m or not prices:
            models[key] = m
            continue
        kept = {k: v for k, v in m.items() if k not in _LEVEL_DROP}
        models[key] = {**kept, **{k: v for k, v in prices.items() if k not in _LEVEL_DROP}}
    out = {**quote, "models": models}
    rec = quote.get("recommendation") or {}
    factor = (level.get(rec.get("model") or "") or {}).get("factor")
    if rec and factor is not None:
        step = _monthly_step(quote)
        scaled = {
            k: str(((_dec(rec[k]) * _dec(factor)) / step).quantize(Decimal(1), ROUND_HALF_UP) * step)
            for k in ("monthly", "monthly_low", "monthly_high")
            if rec.get(k) is not None
        }
        if rec.get("model") in models and _monthly(rec["model"], models[rec["model"]]) is not None:
            scaled["monthly"] = str(_monthly(rec["model"], models[rec["model"]]))
        out["recommendation"] = {**rec, **scaled}
    return out


def _monthly_step(quote: dict[str, Any]) -> Decimal:
    """The price book's rounding step for monthly amounts (its ``rounding.monthly``), else a cent or a Rial."""
    step = (((quote.get("price_book") or {}).get("snapshot") or {}).get("rounding") or {}).get("monthly")
    if step is not None and _dec(step) > 0:
        return _dec(step)
    return Decimal(1) if str(quote["currency"]).upper() == "IRR" else Decimal("0.01")


def _jalali_month_name(f: _Fmt, year: int, month: int) -> str:
    """A Jalali month: «فروردین ۱۴۰۶» (fa), ``Farvardin 1406 (21 March 2027)`` (en: with its first day)."""
    import jdatetime

    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if f.lang == "fa":
        return f.digits(f"{jdatetime.date.j_months_fa[month - 1]} {year}")
    return f"{jdatetime.date.j_months_en[month - 1]} {year} ({format_date(jalali_month_start(year, month), 'en')})"


def _label_month(label: str) -> tuple[int, int]:
    """``"1406-01"`` -> ``(1406, 1)``."""
    try:
        year, month = (int(x) for x in str(label).split("-"))
    except ValueError:
        raise InputError(f"not a Jalali month (YYYY-MM): {label!r}") from None
    if not 1 <= month <= 12:
        raise InputError(f"not a Jalali month (YYYY-MM): {label!r}")
    return year, month


def _share(f: _Fmt, value: Any) -> str:
    """A share of the price as a percentage to two places (the formula's shares have four places as
    fractions, so the percentages are exact and add up to 100 %); "" when it is zero or absent."""
    return f.pct(value, decimals=2) if value is not None and _dec(value) else ""


def _term(f: _Fmt, quote: dict[str, Any], chosen: str) -> dict[str, Any]:
    """The term plan as the contract and the proposal state it (empty values when the quote has none)."""
    t = quote.get("term") or {}
    indexed = (t.get("policies") or {}).get("indexed") or {}
    qy, qm = jalali_month(_date(quote["quote"]["date"]))
    adjustments = [
        {
            "month": _jalali_month_name(f, *_label_month(a["month"])),
            "index_month": _jalali_month_name(f, _label_month(a["month"])[0], _label_month(a["month"])[1] - 1),
            "expected_rise": f.pct(_dec(a["factor"]) - 1) if a.get("factor") is not None else "",
        }
        for a in indexed.get("adjustments") or []
    ]
    formula = str(indexed.get("formula") or "").replace(" x ", " × ")  # a Latin expression in both languages
    value = ((t.get("totals") or {}).get(chosen) or {}).get("revenue")
    return {
        "policy": str(t.get("policy") or ""),
        "start": f.date(t.get("start")),
        "start_jalali": jalali_date(_date(t["start"]), f.lang) if t.get("start") else "",
        "start_month": _jalali_month_name(f, *_label_month(t["start_month"])) if t.get("start_month") else "",
        "months": f.num(t.get("months_count")),
        "quote_year": f.digits(qy) if t else "",
        "base_month": _jalali_month_name(f, qy, qm - 1) if t else "",
        "indexed": {
            "labour_share": _share(f, indexed.get("labour_share")),
            "other_share": _share(f, indexed.get("other_share")),
            "fx_share": _share(f, indexed.get("fx_share")),
            "formula": formula,
            "adjustments": adjustments,
        },
        "first_adjustment": adjustments[0]["month"] if adjustments else "",
        "first_adjustment_index_month": adjustments[0]["index_month"] if adjustments else "",
        "first_expected_rise": adjustments[0]["expected_rise"] if adjustments else "",
        "level": _model(f, chosen, (quote.get("models") or {}).get(chosen)) if t.get("policy") == "level" else None,
        "payment": _payment(f, t.get("payment") or {}, quote),
        "value": f.amount(value) if value is not None else None,
        **_value_vat(f, quote, value),
        "guarantee": _guarantee(f, t, value),
    }


def _value_vat(f: _Fmt, quote: dict[str, Any], value: Any) -> dict[str, dict[str, str] | None]:
    """VAT on the contract value at the quote's rate (to the Rial or the cent, half up) and the value with
    it: ``value_vat`` and ``value_with_vat`` (``None`` without a term plan)."""
    if value is None:
        return {"value_vat": None, "value_with_vat": None}
    unit = Decimal(1) if f.currency == "IRR" else Decimal("0.01")
    vat = (_dec(value) * _dec(quote.get("vat_rate") or "0")).quantize(unit, ROUND_HALF_UP)
    return {"value_vat": f.amount(vat), "value_with_vat": f.amount(_dec(value) + vat)}


def _payment(f: _Fmt, pay: dict[str, Any], quote: dict[str, Any]) -> dict[str, Any]:
    """How the client pays: days, and each retention, guarantee and withholding as a percentage ("" when 0)."""

    def share(key: str) -> str:
        v = pay.get(key)
        return f.pct(v, decimals=2) if v is not None and _dec(v) else ""

    def months(key: str) -> str:
        return f.num(pay[key]) if pay.get(key) is not None else ""

    def period(key: str) -> str:  # "1 month", "3 months", «۳ ماه»
        if pay.get(key) is None:
            return ""
        plural = "s" if f.lang == "en" and _dec(pay[key]) != 1 else ""
        return f"{f.num(pay[key])} {f.names['month']}{plural}"

    shares = ("social_security_retention", "performance_retention", "guarantee_share", "withholding")
    out: dict[str, Any] = {key: share(key) for key in (*shares, "guarantee_fee_annual", "guarantee_deposit")}
    out.update(
        days=f.num(pay["days"]) if pay.get("days") is not None else "",
        clearance_months=months("clearance_months"),
        performance_release_months=months("performance_release_months"),
        withholding_recovery_months=months("withholding_recovery_months"),
        clearance_period=period("clearance_months"),
        performance_release_period=period("performance_release_months"),
        vat_quarterly=bool(pay.get("vat_quarterly", False)),
        vat=bool(_dec(quote.get("vat_rate") or "0")),
        deductions=any(out[key] for key in shares),
        retentions=bool(out["social_security_retention"] or out["performance_retention"]),
    )
    return out


def _guarantee(f: _Fmt, t: dict[str, Any], value: Any) -> dict[str, str] | None:
    """The performance guarantee: its share of the contract value (ex VAT) as an amount; None without one."""
    share = (t.get("payment") or {}).get("guarantee_share")
    if value is None or share is None or not _dec(share):
        return None
    unit = Decimal(1) if f.currency == "IRR" else Decimal("0.01")
    return f.amount((_dec(value) * _dec(share)).quantize(unit))
