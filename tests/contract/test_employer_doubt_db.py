"""The employer-doubt query of the verification queue (a JSON path into ``pages.extraction``) finds the
same pages on SQLite and PostgreSQL, and a confirmation closes the doubt on both."""

from __future__ import annotations

import pytest

from archive_core.db import Database
from archive_core.doubts import open_employer_doubts as open_doubt_pages
from archive_core.records import PageStatus
from ingest.employer_doubt import confirm_employer
from ingest.verification import verification_queue
from tests.contract.test_db_contract import add_page, db, db_settings  # noqa: F401  (fixtures)

pytestmark = pytest.mark.integration


def test_pages_with_a_doubted_employer_name(db: Database) -> None:  # noqa: F811
    doubted = add_page(
        db, 1, PageStatus.done, extraction={"employer": {"name": "ТКЗС", "review": "„Х“ неуверено разчетено"}}
    )
    add_page(db, 2, PageStatus.done, extraction={"employer": {"name": "ТКЗС"}})
    add_page(db, 3, PageStatus.done, extraction={"employer": {"name": "ТКЗС", "review": None}})
    add_page(db, 4, PageStatus.queued)
    with db.Session() as s:
        assert open_doubt_pages(s) == {doubted}
    (item,) = verification_queue(db)
    assert item.page_sha256 == doubted and item.employer_under_review and item.fields_under_review == 0
    confirm_employer(db, doubted, user="vera")
    confirm_employer(db, doubted, user="ivo")  # once: the first confirmation stands
    with db.Session() as s:
        assert open_doubt_pages(s) == set()
    assert verification_queue(db) == []
