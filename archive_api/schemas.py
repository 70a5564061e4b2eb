"""Public schemas of the JSON API (kept apart from the database models and internal records)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from archive_core import egn as egn_mod
from archive_core.records import PersonMonth, ReviewReason
from certificates import Certificate

# A month as YYYY-MM, 1900-01 .. 2099-12 (what indexer.query.parse_period accepts).
PERIOD_PATTERN = r"^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"


class HealthPublic(BaseModel):
    status: Literal["ok", "degraded"]
    database: str
    index: str
    store: str
    records_indexed: int | None = None


class RecordPublic(BaseModel):
    """One person's month on one page, with links to its page."""

    id: str
    egn: str | None
    name: str | None
    position: str | None
    employer: str | None
    file_no: str | None
    box: str | None
    year: int | None
    month: int | None
    sheet: int | None
    days_worked: int | None
    base_pay: Decimal | None
    extra_pay: Decimal | None
    gross_pay: Decimal | None
    deductions: Decimal | None
    net_pay: Decimal | None
    review: list[str]
    # why each field under review is there (check digit, row sum, column total, ...) and its cell
    review_reasons: dict[str, ReviewReason] = Field(default_factory=dict)
    review_state: str
    page_sha256: str
    row_index: int
    row_no: int | None
    bbox: list[int] | None
    page_url: str
    image_url: str

    @classmethod
    def from_person_month(cls, pm: PersonMonth) -> RecordPublic:
        data = pm.model_dump()
        data["review_state"] = str(pm.review_state)
        return cls(
            **data,
            page_url=f"/api/pages/{pm.page_sha256}",
            image_url=f"/api/pages/{pm.page_sha256}/image",
        )


class SearchPublic(BaseModel):
    count: int
    records: list[RecordPublic]


class BatchPublic(BaseModel):
    employer: str
    file_no: str
    box: str | None
    operator: str | None


class PagePublic(BaseModel):
    sha256: str
    status: str
    error: str | None
    source: str
    page_no: int
    content_type: str | None
    width: int | None
    height: int | None
    dpi: int | None
    employer_printed: str | None
    year: int | None
    month: int | None
    sheet: int | None
    batch: BatchPublic | None
    indexed_at: datetime | None
    created_at: datetime | None
    extraction: dict[str, Any] | None = Field(
        None,
        description="the payroll-page/1 document; its extensions: `employer.review` (why the employer's "
        "name as read is in doubt, absent when not), `page_review` ({reason, detail}: the page went to "
        "review as a whole), per row `review_reasons`",
    )
    employer_review: str | None = Field(
        None,
        description="why a person should check the employer's name as read (`extraction.employer.review`, "
        "Bulgarian: a word read unsure and unknown, or corrected by two letters); null: no doubt",
    )
    employer_confirmed_by: str | None = Field(
        None, description="the verifier who checked the employer's name against the sheet; null: not yet"
    )
    page_review: dict[str, str] | None = Field(
        None, description="the page went to review as a whole: {reason, detail}, and for `layout_unproved` "
        "`proofs` (which of `rows`, `numbers`, `columns` the page did not prove, space-separated), for "
        "`page_plausibility` `plausibility` (`total.larger`, `total.smaller` or `wage`) with the figures "
        "(`column`, `total`, `factor`, `sum` or `median`, `year`, `low`, `avg`); null when not"
    )
    capture_checks: dict[str, Any] | None = Field(
        None, description="what the checks at capture found (findings with reasons, rotation, provenance)"
    )
    batch_seq: int | None = Field(None, description="place in the employer's file")
    duplicate_of: str | None = Field(None, description="the same sheet as this page: gives no records")
    records: list[RecordPublic]
    image_url: str


class CertificateRequest(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    kind: Literal["service", "income"]
    egn: str = Field(pattern=egn_mod.PATTERN)
    period_from: str | None = Field(
        None, alias="from", pattern=PERIOD_PATTERN, description="YYYY-MM, inclusive"
    )
    period_to: str | None = Field(None, alias="to", pattern=PERIOD_PATTERN, description="YYYY-MM, inclusive")


class CertificatePublic(Certificate):
    pdf_url: str
    json_url: str


class ErrorPublic(BaseModel):
    detail: str
