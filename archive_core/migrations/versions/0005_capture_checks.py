"""capture checks: what was found on each page when it was captured, its perceptual hash and its
place in the employer's file

Revision ID: 0005
Revises: 0001
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A database made before migrations from newer models (stamped 0001 on adoption) may have them.
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("pages")}
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("pages")}
    with op.batch_alter_table("pages", schema=None) as batch_op:
        for column in (
            sa.Column("capture_checks", sa.JSON(), nullable=True),
            sa.Column("phash", sa.String(length=64), nullable=True),
            sa.Column("batch_seq", sa.Integer(), nullable=True),
            sa.Column("duplicate_of", sa.String(length=64), nullable=True),
        ):
            if column.name not in have:
                batch_op.add_column(column)
        if "ix_pages_phash" not in indexes:
            batch_op.create_index(batch_op.f("ix_pages_phash"), ["phash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pages_phash"))
        batch_op.drop_column("duplicate_of")
        batch_op.drop_column("batch_seq")
        batch_op.drop_column("phash")
        batch_op.drop_column("capture_checks")
