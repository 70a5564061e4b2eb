"""review reasons: why each field of a record went to review and where on the page
(``records.review_reasons``), and the reason a page went to review as a whole (``pages.page_review``)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 06:45:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (("records", "review_reasons"), ("pages", "page_review"))


def upgrade() -> None:
    # A database made by create_all from newer models (stamped 0001 on adoption) may have them already.
    inspector = sa.inspect(op.get_bind())
    for table, name in _COLUMNS:
        if name in {c["name"] for c in inspector.get_columns(table)}:
            continue
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(name, sa.JSON(), nullable=True))


def downgrade() -> None:
    for table, name in _COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(name)
