"""A requirements file written for a person: the keys in the order docs/requirements.md gives them, small
mappings on one line, and each key's meaning as a comment (English or Persian)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from quoter.render.intake.fields import BY_PATH

ORDER = ("client", "service", "seasonality", "languages", "pools", "channels", "staffing", "payment", "notes")
FLOW = ("languages", "pools", "target", "profile", "hours", "shifts")
COMMENTS = {
    "en": {
        "client": "the client, as the contract names it",
        "service": "opening hours (the service's clock), interval, term and start",
        "languages": "share of contacts per language; the shares sum to 1",
        "pools": "languages answered by the same agents (one queue each)",
        "channels": "what comes in (voice is required) and the targets",
        "channels.voice.target": "service level: share answered within answer_seconds",
        "channels.voice.profile": "shape of the day and of the week",
        "staffing": "shrinkage, occupancy cap, full-time hours",
        "service.hours": "24/7 or days and hours, e.g. {sat-wed: '08:00-20:00'}",
    },
    "fa": {
        "client": "مشتری، همان‌گونه که قرارداد نام می‌برد",
        "service": "ساعات کار (به وقت محل خدمت)، بازه، مدت و آغاز قرارداد",
        "languages": "سهم تماس‌ها از هر زبان؛ جمع سهم‌ها ۱ است",
        "pools": "زبان‌هایی که کارشناسان مشترک پاسخ می‌دهند",
        "channels": "کانال‌های ورودی (تماس تلفنی الزامی است) و اهداف",
        "channels.voice.target": "سطح خدمت: سهم پاسخ‌ها در answer_seconds",
        "channels.voice.profile": "الگوی روز و هفته",
        "staffing": "زمان غیرپاسخگویی، سقف اشغال، ساعات تمام‌وقت",
        "service.hours": "24/7 یا روزها و ساعات، مانند {sat-wed: '08:00-20:00'}",
    },
}


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _scalar(value: Any) -> str:
    """A value as YAML (JSON's quoting is YAML's): strings always quoted, so a Jalali date stays a string."""
    return json.dumps(_plain(value), ensure_ascii=False)


def _flow(value: Any) -> str:
    """A small mapping or list on one line: ``{fa: 0.85, en: 0.1}``, ``[[en, ar]]``."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value)


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() and not key[0].isdigit() else json.dumps(key)


def _comment(path: str, lang: str) -> str:
    f = BY_PATH.get(path)
    text = COMMENTS[lang].get(path) or (f and (f.label(lang) + (f": {f.help(lang)}" if f.help(lang) else "")))
    return f"  # {text}" if text else ""


def _lines(data: dict[str, Any], lang: str, prefix: str, indent: int) -> list[str]:
    out: list[str] = []
    keys = [k for k in ORDER if k in data] + [k for k in data if k not in ORDER] if not prefix else list(data)
    for key in keys:
        value, path, pad = data[key], f"{prefix}{key}", "  " * indent
        if isinstance(value, dict) and key not in FLOW and value:
            out.append(f"{pad}{_key(key)}:{_comment(path, lang)}")
            out += _lines(value, lang, path + ".", indent + 1)
        else:
            out.append(f"{pad}{_key(key)}: {_flow(value)}{_comment(path, lang)}")
    return out


def requirements_yaml(data: dict[str, Any], lang: str = "en", source: str = "quoter init") -> str:
    """``data`` (requirements as a YAML file holds them) as a commented file; checked before it is returned."""
    from quoter.inputs.requirements import Requirements
    from quoter.inputs.yamlio import validate

    validate(data, Requirements, what="the answers")  # a file quoter quote would refuse is never written
    head = {
        "en": [f"# Requirements written by {source}. Keys: docs/requirements.md.",
               "# Price it with: quoter quote THIS_FILE"],
        "fa": [f"# نیازمندی‌ها، نوشته {source}. راهنمای کلیدها: docs/requirements.md",
               "# قیمت‌گذاری: quoter quote THIS_FILE"],
    }[lang]  # fmt: skip
    return "\n".join([*head, *_lines(_plain(data), lang, "", 0)]) + "\n"
