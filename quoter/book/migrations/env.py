"""Alembic's environment for the quote book: always run by quoter.book.engine on a connection it opened
(``config.attributes["connection"]``), never from the ``alembic`` command line with a URL."""

from __future__ import annotations

from alembic import context

from quoter.book.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
