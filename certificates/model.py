"""A certificate's content: its lines, each with the evidence that traces it to a page, and the totals.

Pure data (pydantic); no queries, no files. ``counting`` fills it, ``pdf`` draws it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field

from archive_core.money import display
from archive_core.records import PersonMonth

Kind = Literal["service", "income"]

TITLES: dict[str, str] = {
    "service": "УДОСТОВЕРЕНИЕ за осигурителен стаж",
    "income": "УДОСТОВЕРЕНИЕ за осигурителен доход",
}
UNDER_REVIEW = "за проверка"
OTHER_EGN = "за проверка: друго ЕГН"
EMPLOYER_IN_DOUBT = "за проверка: името на работодателя"  # the page's employer name not yet confirmed
DUPLICATE = "копие на същата ведомост: не се брои втори път"
CONFLICT = "два различни прочита: изберете верния"
NOT_CHOSEN = "друг прочит (избран е другият)"
SUPPLEMENTARY = "допълнителна ведомост: доход без дни"
BASIS_TEXT = {
    "verified": "проверено от служител",
    "ocr_checked": "разчетено, всички проверки издържани",
    "chosen": "прочит, избран от служител",
    "under_review": "за проверка",
}
# How a line stands in the totals.
Role = Literal["counted", "supplementary", "under_review", "duplicate", "conflict", "not_chosen", "possible"]
Basis = Literal["verified", "ocr_checked", "chosen", "under_review"]
SERVICE_METHOD = (
    "Всеки календарен месец с отработени дни (> 0) по зачетен ред е един месец стаж; 12 месеца са една година; "
    "дните в години/месеци/дни са винаги 0, а сборът на отработените дни е даден отделно. "
    "Редове за проверка не се зачитат."
)
INCOME_METHOD = (
    "Брутното възнаграждение (всичко начислено) по зачетените редове, в левове от съответния период "
    "(преди деноминацията от 1999 г.). Редове за проверка не се зачитат."
)
MONTHS_BG = (
    "януари",
    "февруари",
    "март",
    "април",
    "май",
    "юни",
    "юли",
    "август",
    "септември",
    "октомври",
    "ноември",
    "декември",
)


class Evidence(BaseModel):
    employer: str | None
    page_id: str  # short page id (sha256[:12]) as shown by search and the web app
    page_sha256: str
    page_source: str | None = None  # file name and page number as ingested
    row_no: int | None  # printed row number
    row_index: int  # 0-based position on the page
    record_id: str
    file_no: str | None = None
    box: str | None = None
    sheet: int | None = None


class CertificateLine(BaseModel):
    year: int | None
    month: int | None
    employer: str | None
    days_worked: int | None
    gross_pay: Decimal | None
    counted: bool  # False: under review, not in the totals
    mark: str = ""  # "за проверка" when under review
    review: list[str] = Field(default_factory=list)
    egn_read: str | None = None  # possible lines: the ЕГН as read on the page
    name_read: str | None = None  # possible lines: the name as read on the page
    evidence: Evidence
    role: Role = "counted"
    days_counted: int = 0  # days this line adds to the service (0: not counted, or a supplementary sheet)
    working_days: int | None = None  # working days of the month (counting rules)
    basis: Basis = "ocr_checked"  # the line's figure: verified by a person, or read and passed every check
    basis_text: str = ""
    verified_fields: list[str] = Field(default_factory=list)  # fields a person corrected or confirmed
    net_pay: Decimal | None = None


class MonthSummary(BaseModel):
    """One calendar month of the person: the days read (counted lines, every employer together)
    against the month's working days."""

    year: int
    month: int
    days_read: int
    working_days: int
    full_month: bool
    employers: list[str] = Field(default_factory=list)
    gross_pay: Decimal | None = None


class Conflict(BaseModel):
    """Two (or more) different readings of the same sheet's row: none counts until one is chosen
    (``certificates.choose_reading``)."""

    group_key: str
    year: int | None
    month: int | None
    employer: str | None
    record_ids: list[str]
    readings: list[CertificateLine]


class Person(BaseModel):
    egn: str
    name: str | None
    birth_date: date | None


class Totals(BaseModel):
    lines: int
    counted_lines: int
    left_out_under_review: int
    possible_other_egn: int = 0  # rows that may be the person's under another/unreadable ЕГН
    days_worked: int | None = None  # service
    months: int | None = None  # service: months with days worked
    years_months_days: tuple[int, int, int] | None = None  # service
    gross_pay: Decimal | None = None  # income
    text: str  # the totals line as printed
    duplicates: int = 0  # copies of a sheet already counted
    conflicts: int = 0  # person-months with differing readings, left out until chosen
    supplementary: int = 0  # lines of supplementary payrolls (income, no days)
    full_months: int | None = None  # service: months with at least the month's working days
    partial_months: int | None = None  # service: months with fewer days
    partial_days: int | None = None  # service: days of the partial months
    verified_lines: int = 0  # counted lines whose figure a person verified


class Certificate(BaseModel):
    id: str
    kind: Kind
    title: str
    issued_at: datetime
    person: Person
    period_from: str | None  # "YYYY-MM"
    period_to: str | None
    lines: list[CertificateLine]
    possible_lines: list[CertificateLine] = Field(
        default_factory=list,
        description="rows under review that may be the person's (name matches, ЕГН missing or different); never counted",
    )
    totals: Totals
    method: str
    registration_no: str | None = None  # "2026-000123" once issued (the register)
    registered_on: date | None = None
    issued_by: str | None = None
    months: list[MonthSummary] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    counting_rules: dict[str, Any] = Field(default_factory=dict)  # the CountingRules used


def period_text(p: tuple[int, int] | None) -> str | None:
    return None if p is None else f"{p[0]:04d}-{p[1]:02d}"


def money(value: Decimal | None) -> str:
    return display(value)


def line_of(
    pm: PersonMonth,
    source: str | None,
    *,
    counted: bool,
    mark: str,
    egn_read: str | None = None,
    name_read: str | None = None,
) -> CertificateLine:
    """One month of a certificate with its evidence."""
    return CertificateLine(
        year=pm.year,
        month=pm.month,
        employer=pm.employer,
        days_worked=pm.days_worked,
        gross_pay=pm.gross_pay,
        counted=counted,
        mark=mark,
        review=list(pm.review),
        egn_read=egn_read,
        name_read=name_read,
        evidence=evidence_of(pm, source),
        net_pay=pm.net_pay,
    )


def evidence_of(pm: PersonMonth, source: str | None) -> Evidence:
    return Evidence(
        employer=pm.employer,
        page_id=pm.page_sha256[:12],
        page_sha256=pm.page_sha256,
        page_source=source,
        row_no=pm.row_no,
        row_index=pm.row_index,
        record_id=pm.id,
        file_no=pm.file_no,
        box=pm.box,
        sheet=pm.sheet,
    )
