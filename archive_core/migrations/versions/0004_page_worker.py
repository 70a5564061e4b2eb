"""pages.worker: which worker took the page (so a dead worker's pages are retried at once)

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a database made before migrations (create_all of today's models, then stamped 0001) has it
    if "worker" in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("pages")}:
        return
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("worker", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_column("worker")
