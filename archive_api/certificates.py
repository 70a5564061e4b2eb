"""Certificates of insurance service (осигурителен стаж) and insured income (осигурителен доход).

Read from the DATABASE (the system of record, never the search index): every record of one ЕГН,
optionally within a period. Every line carries its evidence (employer, page id, sha256 of the
original, printed row number and row index), so each figure can be traced to its page.

Records still under review are listed with the mark "за проверка" and are NOT added to the totals;
the totals say how many lines were left out. Method of the service totals (also written into the
JSON as ``method``): every calendar month with days worked > 0 on a counted line is one month of
service; 12 months are one year; the days part of years/months/days is always 0, and the plain sum
of days worked is given beside it.

``issue`` writes ``out`` (PDF, Bulgarian, Cyrillic TTF found at run time) and ``out.with_suffix('.json')``
(the same content) and returns the certificate.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from archive_core import egn as egn_mod
from archive_core.config import Settings
from archive_core.db import Page, Record, open_database, person_month_from_record
from archive_core.errors import ConfigError, NotFoundError, UsageError
from archive_core.records import PersonMonth, ReviewState
from indexer.fuzzy import name_distance, query_words
from indexer.translit import match_key

Kind = Literal["service", "income"]

TITLES: dict[str, str] = {
    "service": "УДОСТОВЕРЕНИЕ за осигурителен стаж",
    "income": "УДОСТОВЕРЕНИЕ за осигурителен доход",
}
UNDER_REVIEW = "за проверка"
OTHER_EGN = "за проверка: друго ЕГН"
SERVICE_METHOD = (
    "Всеки календарен месец с отработени дни (> 0) по зачетен ред е един месец стаж; 12 месеца са една година; "
    "дните в години/месеци/дни са винаги 0, а сборът на отработените дни е даден отделно. "
    "Редове за проверка не се зачитат."
)
INCOME_METHOD = (
    "Брутното възнаграждение (всичко начислено) по зачетените редове, в левове от съответния период "
    "(преди деноминацията от 1999 г.). Редове за проверка не се зачитат."
)
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/freefont/FreeSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
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


def _ym(p: tuple[int, int] | None) -> str | None:
    return None if p is None else f"{p[0]:04d}-{p[1]:02d}"


def money(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.2f}".replace(",", " ")


def _line(
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
        evidence=_evidence(pm, source),
    )


def _evidence(pm: PersonMonth, source: str | None) -> Evidence:
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


def _load(
    session: Session,
    conditions: list[ColumnElement[bool]],
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
) -> list[tuple[PersonMonth, str | None]]:
    stmt = select(Record, Page.source, Page.page_no).join(
        Page, Page.sha256 == Record.page_sha256, isouter=True
    )
    for cond in conditions:
        stmt = stmt.where(cond)
    if period_from is not None:
        stmt = stmt.where(Record.year * 100 + Record.month >= period_from[0] * 100 + period_from[1])
    if period_to is not None:
        stmt = stmt.where(Record.year * 100 + Record.month <= period_to[0] * 100 + period_to[1])
    out: list[tuple[PersonMonth, str | None]] = [
        (person_month_from_record(rec), None if source is None else f"{source}, стр. {page_no or 1}")
        for rec, source, page_no in session.execute(stmt).all()
    ]
    out.sort(
        key=lambda t: (t[0].year or 0, t[0].month or 0, t[0].employer or "", t[0].page_sha256, t[0].row_index)
    )
    return out


def _near_egn(a: str | None, b: str) -> bool:
    """Two ЕГН that differ in at most two digits (a misread)."""
    return a is not None and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _same_person_name(words: list[str], name: str) -> bool:
    """The names match word for word within the search tolerance, the shorter one inside the longer
    ("Иван Петров" is "Иван Петров Георгиев" with the father's name left out)."""
    if not words:
        return False
    key = match_key(name)
    if len(key.split()) < 2:  # a lone first name or surname says too little
        return False
    if len(key.split()) >= len(words):
        return name_distance(words, key) is not None
    return name_distance(key.split(), " ".join(words)) is not None


def load_records(
    settings: Settings, egn: str, period_from: tuple[int, int] | None, period_to: tuple[int, int] | None
) -> tuple[list[tuple[PersonMonth, str | None]], list[tuple[PersonMonth, str | None]]]:
    """The person's records from the database (with each page's source), in period order; and the
    possible ones: rows under review at the same employers whose ЕГН is missing or different (a
    misread) but whose name is the person's, or whose ЕГН differs in one or two digits and whose
    name could not be read."""
    db = open_database(settings)
    try:
        with db.Session() as session:
            found = _load(session, [Record.egn == egn], period_from, period_to)
            if not found:
                return found, []
            employers = sorted({pm.employer for pm, _ in found if pm.employer})
            names = Counter(pm.name for pm, _ in found if pm.name)
            words = query_words(names.most_common(1)[0][0]) if names else []
            others = _load(
                session,
                [
                    Record.review_state == str(ReviewState.needs_review),
                    or_(Record.egn.is_(None), Record.egn != egn),
                    Record.employer.in_(employers),
                ],
                period_from,
                period_to,
            )
    finally:
        db.dispose()
    possible = [
        (pm, src)
        for pm, src in others
        if (pm.name and _same_person_name(words, pm.name)) or (not pm.name and _near_egn(pm.egn, egn))
    ]
    return found, possible


def build(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None = None,
    period_to: tuple[int, int] | None = None,
) -> Certificate:
    """The certificate's content (no files written)."""
    if kind not in TITLES:
        raise UsageError(f"непознат вид удостоверение {kind!r}: service (стаж) или income (доход)")
    egn = egn.strip()
    if not re.fullmatch(r"\d{10}", egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    if period_from and period_to and period_from > period_to:
        raise UsageError(f"началото на периода ({_ym(period_from)}) е след края му ({_ym(period_to)})")
    found, possible = load_records(settings, egn, period_from, period_to)
    if not found:
        span = ""
        if period_from or period_to:
            span = f" в периода {_ym(period_from) or '…'} – {_ym(period_to) or '…'}"
        raise NotFoundError(f"няма записи за ЕГН {egn}{span}")

    lines: list[CertificateLine] = []
    for pm, source in found:
        counted = pm.review_state != ReviewState.needs_review
        lines.append(_line(pm, source, counted=counted, mark="" if counted else UNDER_REVIEW))
    counted_lines = [ln for ln in lines if ln.counted]
    left_out = len(lines) - len(counted_lines)
    names = Counter(pm.name for pm, _ in found if pm.name and pm.review_state != ReviewState.needs_review)
    names = names or Counter(pm.name for pm, _ in found if pm.name)
    person = Person(
        egn=egn, name=names.most_common(1)[0][0] if names else None, birth_date=egn_mod.birth_date(egn)
    )
    left_text = f"Не са включени {left_out} реда за проверка." if left_out else "Всички редове са включени."
    possible_lines = [
        _line(pm, source, counted=False, mark=OTHER_EGN, egn_read=pm.egn, name_read=pm.name)
        for pm, source in possible
    ]
    if possible_lines:
        left_text += (
            f" Възможни редове на лицето с друго или неразчетено ЕГН: {len(possible_lines)} "
            "(за проверка, не са включени)."
        )
    if kind == "service":
        days = sum(ln.days_worked or 0 for ln in counted_lines)
        months = len({(ln.year, ln.month) for ln in counted_lines if (ln.days_worked or 0) > 0})
        ymd = (months // 12, months % 12, 0)
        totals = Totals(
            lines=len(lines),
            counted_lines=len(counted_lines),
            left_out_under_review=left_out,
            possible_other_egn=len(possible_lines),
            days_worked=days,
            months=months,
            years_months_days=ymd,
            text=(
                f"Общо: {days} отработени дни; стаж {ymd[0]} г. {ymd[1]} м. {ymd[2]} д. "
                f"({months} месеца). {left_text}"
            ),
        )
        method = SERVICE_METHOD
    else:
        gross = sum((ln.gross_pay or Decimal("0") for ln in counted_lines), Decimal("0.00"))
        totals = Totals(
            lines=len(lines),
            counted_lines=len(counted_lines),
            left_out_under_review=left_out,
            possible_other_egn=len(possible_lines),
            gross_pay=gross,
            text=f"Общо брутно възнаграждение: {money(gross)} лв. {left_text}",
        )
        method = INCOME_METHOD
    return Certificate(
        id=uuid.uuid4().hex[:16],
        kind=kind,
        title=TITLES[kind],
        issued_at=datetime.now(UTC).replace(microsecond=0),
        person=person,
        period_from=_ym(period_from),
        period_to=_ym(period_to),
        lines=lines,
        possible_lines=possible_lines,
        totals=totals,
        method=method,
    )


def find_font() -> Path:
    """A TTF with Cyrillic glyphs (DejaVu Sans or FreeSans); ConfigError when none is installed."""
    for p in FONT_CANDIDATES:
        if p.is_file():
            return p
    for pattern in ("DejaVuSans.ttf", "FreeSans.ttf", "LiberationSans-Regular.ttf"):
        for p in sorted(Path("/usr/share/fonts").rglob(pattern)):
            return p
    raise ConfigError(
        "няма шрифт с кирилица за PDF: инсталирайте fonts-dejavu-core или fonts-freefont-ttf "
        "(търсени: " + ", ".join(str(p) for p in FONT_CANDIDATES) + ")"
    )


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = "ArchiveSans"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(find_font())))
    return name


def month_text(year: int | None, month: int | None) -> str:
    if year is None:
        return "—"
    if month is None or not 1 <= month <= 12:
        return str(year)
    return f"{MONTHS_BG[month - 1]} {year}"


def render_pdf(cert: Certificate, out: Path) -> None:
    """Write the certificate as a landscape A4 PDF in Bulgarian."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _register_font()
    title = ParagraphStyle("title", fontName=font, fontSize=15, leading=19, spaceAfter=6)
    normal = ParagraphStyle("normal", fontName=font, fontSize=9.5, leading=12)
    small = ParagraphStyle("small", fontName=font, fontSize=7.5, leading=9)

    p = cert.person
    story: list = [
        Paragraph(cert.title, title),
        Paragraph(f"№ {cert.id} от {cert.issued_at:%d.%m.%Y} г.", normal),
        Spacer(1, 4 * mm),
        Paragraph(f"Лице: {p.name or '—'}, ЕГН {p.egn}", normal),
        Paragraph(
            f"Дата на раждане: {p.birth_date:%d.%m.%Y} г." if p.birth_date else "Дата на раждане: —", normal
        ),
        Paragraph(
            f"Период: {cert.period_from or 'от началото'} – {cert.period_to or 'до края'} "
            f"на съхраняваните ведомости",
            normal,
        ),
        Spacer(1, 4 * mm),
    ]
    service = cert.kind == "service"
    header = [
        "№",
        "Месец",
        "Работодател",
        "Отраб. дни" if service else "Брутно, лв.",
        "Бележка",
        "Страница",
        "Ред",
        "SHA-256 на оригинала",
    ]
    data: list[list] = [header]
    for i, ln in enumerate(cert.lines, 1):
        ev = ln.evidence
        value = ("—" if ln.days_worked is None else str(ln.days_worked)) if service else money(ln.gross_pay)
        data.append(
            [
                str(i),
                month_text(ln.year, ln.month),
                Paragraph(ln.employer or "—", small),
                value,
                ln.mark,
                ev.page_id,
                "—" if ev.row_no is None else str(ev.row_no),
                Paragraph(ev.page_sha256, small),
            ]
        )
    widths = [10 * mm, 30 * mm, 60 * mm, 24 * mm, 24 * mm, 26 * mm, 12 * mm, 70 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
    ]
    for i, ln in enumerate(cert.lines, 1):
        if not ln.counted:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff3c4")))
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 4 * mm), Paragraph(cert.totals.text, normal), Spacer(1, 2 * mm)]
    if cert.possible_lines:
        story.append(
            Paragraph(
                "Възможни редове на лицето с друго или неразчетено ЕГН (за проверка, не са включени в сборовете):",
                normal,
            )
        )
        pdata: list[list] = [
            ["№", "Месец", "Работодател", "Прочетено ЕГН", "Прочетено име", header[3], "Страница", "Ред"]
        ]
        for i, ln in enumerate(cert.possible_lines, 1):
            value = (
                ("—" if ln.days_worked is None else str(ln.days_worked)) if service else money(ln.gross_pay)
            )
            pdata.append(
                [
                    str(i),
                    month_text(ln.year, ln.month),
                    Paragraph(ln.employer or "—", small),
                    ln.egn_read or "—",
                    Paragraph(ln.name_read or "—", small),
                    value,
                    ln.evidence.page_id,
                    "—" if ln.evidence.row_no is None else str(ln.evidence.row_no),
                ]
            )
        ptable = Table(
            pdata, colWidths=[10 * mm, 30 * mm, 60 * mm, 28 * mm, 60 * mm, 24 * mm, 26 * mm, 12 * mm]
        )
        ptable.setStyle(
            TableStyle(style[:4] + [("BACKGROUND", (0, 1), (-1, -1), colors.HexColor("#fff3c4"))])
        )
        story += [Spacer(1, 2 * mm), ptable, Spacer(1, 3 * mm)]
    story.append(Paragraph(f"Начин на изчисление: {cert.method}", small))
    story.append(
        Paragraph(
            "Всеки ред е доказан с оригинала на страницата (SHA-256) и номера на реда в нея. "
            f"Редовете с бележка „{UNDER_REVIEW}“ не са потвърдени и не са включени в сборовете.",
            small,
        )
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=cert.title,
        author="НОИ — осигурителен архив",
    )
    doc.build(story)


def issue(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
    out: Path,
) -> Certificate:
    """Build the certificate from the database and write ``out`` (PDF) and ``out.with_suffix('.json')``."""
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"файлът на удостоверението трябва да е .pdf: {out}")
    cert = build(settings, kind, egn, period_from, period_to)
    write(cert, out)
    return cert


def write(cert: Certificate, out: Path) -> None:
    """The PDF at ``out`` and the same content as JSON beside it (``out.with_suffix('.json')``)."""
    render_pdf(cert, out)
    out.with_suffix(".json").write_text(
        json.dumps(cert.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
