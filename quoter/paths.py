"""Where quoter's data folders are: ``pricing_models/`` and ``templates/`` of a source checkout, else the
copies packaged in the wheel (``quoter/_data/``)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def data_dir(name: str) -> Path:
    """``name`` (``pricing_models`` or ``templates``) of the checkout when present, else the packaged copy."""
    checkout = CHECKOUT / name
    if checkout.is_dir() and any(checkout.iterdir()):
        return checkout
    return PACKAGE / "_data" / name
