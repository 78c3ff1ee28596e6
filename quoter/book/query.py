"""Filters of ``book list``: by effective status (``expired`` is computed from ``valid_until``) and client."""

from __future__ import annotations

import datetime as dt
from typing import Any

from quoter.book.lifecycle import OPEN, STATUSES
from quoter.book.schema import quotes, revisions
from quoter.errors import InputError


def filtered(query: Any, status: str | None, client: str | None, today: dt.date) -> Any:
    """``query`` (over revisions joined to quotes) narrowed to ``status`` and a client name containing ``client``."""
    from sqlalchemy import and_, or_

    c = revisions.c
    if status is not None:
        if status not in STATUSES:
            raise InputError(f"--status: '{status}' is not one of {', '.join(STATUSES)}")
        if status == "expired":
            query = query.where(and_(c.status.in_(OPEN), c.valid_until < today))
        elif status in OPEN:
            query = query.where(and_(c.status == status, c.valid_until >= today))
        else:
            query = query.where(c.status == status)
    if client:
        query = query.where(or_(c.client.icontains(client.strip(), autoescape=True)))
    return query.order_by(quotes.c.year, quotes.c.seq, c.rev)
