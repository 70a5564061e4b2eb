"""Typed records shared by every stage.

``PayrollPage``/``PayrollRow`` are the ``payroll-page/1`` JSON format (../shared/spec/payroll-page.md):
both ground truth of samples and output of ``archive extract``. ``PersonMonth`` is one person's
month on one page: the unit stored in the database and the search index.
"""

from __future__ import annotations

import enum
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from . import egn as egn_mod

SCHEMA_PAYROLL_PAGE = "payroll-page/1"
SCHEMA_TABLE_STRUCTURE = "table-structure/1"

MONEY_FIELDS = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
ROW_FIELDS = ("row", "egn", "name", "position", "days_worked", *MONEY_FIELDS)
# Fields that count towards accuracy in scoring (ЕГН, name, days and money).
SCORED_FIELDS = ("egn", "name", "days_worked", *MONEY_FIELDS)


class Employer(BaseModel):
    name: str | None = None
    review: str | None = None  # extension: why a person should check the name as read (None: no doubt)


class Period(BaseModel):
    year: int | None = None
    month: int | None = Field(None, ge=1, le=12)
    review: str | None = None  # extension: why a person should check the period as read (None: no doubt)
    bbox: list[int] | None = None  # extension: where the doubted words are [x0, y0, x1, y1]


class ReviewReason(BaseModel):
    """Why one field of a row is under review, and where on the image (payroll-page/1 extension)."""

    reason: str  # ocr.checks.REASONS: check_digit, row_sum, column_total, low_confidence, unreadable, ...
    bbox: list[int] | None = None  # the field's cell [x0, y0, x1, y1] in the image as stored


class PageReview(BaseModel):
    """A page that fails as a whole (e.g. every amount a hundred times too small): one reason for the page."""

    reason: str
    detail: str = ""


class PayrollRow(BaseModel):
    model_config = ConfigDict(extra="ignore")

    row: int | None = None
    egn: str | None = Field(None, pattern=egn_mod.PATTERN)
    name: str | None = None
    position: str | None = None
    days_worked: int | None = None
    base_pay: str | None = Field(None, pattern=r"^-?\d+\.\d{2}$")
    extra_pay: str | None = Field(None, pattern=r"^-?\d+\.\d{2}$")
    gross_pay: str | None = Field(None, pattern=r"^-?\d+\.\d{2}$")
    deductions: str | None = Field(None, pattern=r"^-?\d+\.\d{2}$")
    net_pay: str | None = Field(None, pattern=r"^-?\d+\.\d{2}$")
    bbox: list[int] | None = None
    # the row's cells inside the ruling as a polygon [[x, y], ...] in the image as stored (ground truth
    # of sample sheets: follows skew and bending); absent in extraction output
    polygon: list[list[int]] | None = None
    review: list[str] | None = None
    # extension of payroll-page/1 (readers that do not know it ignore it): field -> why and where
    review_reasons: dict[str, ReviewReason] | None = None
    confidence: dict[str, float] | None = None


class PayrollPage(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    schema_: Literal["payroll-page/1"] = Field("payroll-page/1", alias="schema")
    image: str
    employer: Employer = Field(default_factory=lambda: Employer())
    period: Period = Field(default_factory=lambda: Period())
    sheet: int | None = None
    rows: list[PayrollRow] = Field(default_factory=list)
    totals: dict[str, str] = Field(default_factory=dict)
    # ground truth of sample sheets: writing outside the cells, [{"kind": "correction"|"stamp",
    # "row": index of the row it belongs to or null, "polygon": [[x, y], ...]}]
    marks: list[dict[str, Any]] | None = None
    page_review: PageReview | None = None  # extension: the page as a whole goes to a person

    def to_json(self) -> str:
        data = self.model_dump(by_alias=True, exclude_none=False)
        for key in ("marks", "page_review"):
            if data.get(key) is None:
                data.pop(key, None)
        if data["employer"].get("review") is None:
            data["employer"].pop("review", None)
        for k in ("review", "bbox"):
            if data["period"].get(k) is None:
                data["period"].pop(k, None)
        for r in data["rows"]:
            for k in ("bbox", "polygon", "review", "review_reasons", "confidence"):
                if r.get(k) is None:
                    r.pop(k, None)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def load(cls, path: Path) -> PayrollPage:
        return cls.model_validate_json(path.read_text(encoding="utf-8"))


class PageStatus(enum.StrEnum):
    """Where a page is in the ledger. Every page that entered has exactly one status."""

    queued = "queued"  # stored, job queued
    processing = "processing"  # a worker took it
    done = "done"  # recognised, records written and indexed
    failed = "failed"  # the pipeline failed on it (reason in `error`)
    rejected = "rejected"  # triage refused it (reason in `error`)


class ReviewState(enum.StrEnum):
    ok = "ok"  # every field passed its checks
    needs_review = "needs_review"  # some field flagged; a person must check
    verified = "verified"  # a person checked and confirmed/corrected it


class PersonMonth(BaseModel):
    """One person's month on one page: the record clerks search and certify from."""

    id: str  # stable: "<page sha256[:20]>-<row index>"; a retry overwrites, never duplicates
    page_sha256: str
    row_index: int  # 0-based position of the row on the page
    row_no: int | None = None  # printed row number
    egn: str | None = None
    name: str | None = None
    position: str | None = None
    employer: str | None = None  # the batch's employer (as printed if the batch has none)
    file_no: str | None = None
    box: str | None = None
    year: int | None = None
    month: int | None = None
    sheet: int | None = None
    days_worked: int | None = None
    base_pay: Decimal | None = None
    extra_pay: Decimal | None = None
    gross_pay: Decimal | None = None
    deductions: Decimal | None = None
    net_pay: Decimal | None = None
    review: list[str] = Field(default_factory=list)
    review_reasons: dict[str, ReviewReason] = Field(default_factory=dict)  # field -> why and where
    review_state: ReviewState = ReviewState.ok
    bbox: list[int] | None = None

    @staticmethod
    def make_id(page_sha256: str, row_index: int) -> str:
        return f"{page_sha256[:20]}-{row_index:03d}"

    def search_doc(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


class PageEvent(BaseModel):
    page_sha256: str
    kind: Literal["captured", "stored", "rejected", "queued", "recognised", "failed", "indexed", "verified", "fixity-checked", "duplicate", "kept"]
    actor: str
    at: datetime
    detail: str | None = None
