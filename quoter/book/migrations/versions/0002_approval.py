"""The approval policy: a revision whose margin is under the price book's floor, or whose discount is over its
ceiling, records why (``approval_reasons``) and needs ``approved_by``/``approved_at`` before it is sent.

Revisions saved before this schema predate the policy: their reasons stay null (no approval needed).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("approval_reasons", sa.Text, nullable=True))
        batch.add_column(sa.Column("approved_by", sa.String(200), nullable=True))
        batch.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("approved_at")
        batch.drop_column("approved_by")
        batch.drop_column("approval_reasons")
