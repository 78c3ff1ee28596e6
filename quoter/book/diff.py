"""What changed between two revisions: the inputs (requirements and quote options), the price book, and the
prices (each tariff's monthly amount at forecast, the cost, the margin, the set-up), with the change in the
monthly total. Values are compared as stored (decimal strings), so a change is never a rounding artefact."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from quoter.book.lifecycle import quote_margin
from quoter.book.model import Revision, monthly_of


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"a": {"b": [1]}}`` -> ``{"a.b[0]": 1}``: every leaf by its path."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
        return out or {prefix: {}}
    if isinstance(value, list):
        out = {}
        for i, v in enumerate(value):
            out.update(flatten(v, f"{prefix}[{i}]"))
        return out or {prefix: []}
    return {prefix: value}


def changes(old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    """``(path, old, new)`` for every leaf that differs (None where a side lacks it), in path order."""
    a, b = flatten(old), flatten(new)
    return [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if _text(a.get(k)) != _text(b.get(k))]


def prices(data: dict[str, Any]) -> dict[str, Any]:
    """The figures a negotiation moves, by name."""
    out: dict[str, Any] = {
        "chosen_model": data["chosen_model"],
        "cost.monthly_total": data["cost"]["monthly_total"],
        "cost.provider_cost": data["cost"]["provider_cost"],
        "cost.term_discount": data["cost"].get("term_discount"),
        "margin_at_forecast": _round(quote_margin(data)),
        "setup.total": (data.get("setup") or {}).get("total"),
    }
    for key, m in (data.get("models") or {}).items():
        out[f"models.{key}.monthly_at_forecast"] = m.get("monthly_at_forecast")
    return out


def diff(a: Revision, b: Revision) -> dict[str, Any]:
    """The side-by-side changes from revision ``a`` to ``b`` (JSON-ready)."""
    old, new = a.data, b.data
    ta, tb = Decimal(monthly_of(old)), Decimal(monthly_of(new))
    return {
        "from": a.summary.ref,
        "to": b.summary.ref,
        "currency": new["currency"],
        "inputs": _rows(
            changes(
                {"requirements": old["requirements"], "options": old.get("options")},
                {"requirements": new["requirements"], "options": new.get("options")},
            )
        ),  # fmt: skip
        "price_book": _rows(changes(old["price_book"], new["price_book"])),
        "prices": _rows(changes(prices(old), prices(new))),
        "monthly_total": {
            "from": str(ta),
            "to": str(tb),
            "change": str(tb - ta),
            "change_share": str(((tb - ta) / ta).quantize(Decimal("0.0001"))) if ta else None,
        },
    }


def _rows(items: list[tuple[str, Any, Any]]) -> list[dict[str, Any]]:
    return [{"field": k, "from": _text(x), "to": _text(y)} for k, x, y in items]


def _round(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(Decimal("0.0001")))


def _text(value: Any) -> Any:
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return str(value)
    return value
