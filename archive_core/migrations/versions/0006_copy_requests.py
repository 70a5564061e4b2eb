"""copy_requests: the staff queue of citizen copies that could not be issued automatically

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 04:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("copy_requests"):  # made by create_all before migrations
        return
    op.create_table(
        "copy_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_sha256", sa.String(length=64), nullable=False),
        sa.Column("egn", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("copy_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_copy_requests_page_sha256"), ["page_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_copy_requests_reason"), ["reason"], unique=False)
        batch_op.create_index(batch_op.f("ix_copy_requests_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("copy_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_copy_requests_status"))
        batch_op.drop_index(batch_op.f("ix_copy_requests_reason"))
        batch_op.drop_index(batch_op.f("ix_copy_requests_page_sha256"))
    op.drop_table("copy_requests")
