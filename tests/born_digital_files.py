"""Born-digital payrolls made from a generated sheet's ground truth (payroll-page/1): a text PDF with
ruling lines (reportlab) and an XLSX (openpyxl), the way an accounting program would have written them."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from archive_core.records import PayrollPage

MONTHS = ("януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
          "ноември", "декември")  # fmt: skip
HEADINGS = {
    "row": "№",
    "egn": "ЕГН",
    "name": "Име, презиме, фамилия",
    "position": "Длъжност",
    "days_worked": "Отработени дни",
    "base_pay": "Основна заплата",
    "extra_pay": "Допълнително възнаграждение",
    "gross_pay": "Всичко начислено",
    "deductions": "Удръжки",
    "net_pay": "Сума за получаване",
}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def columns_of(page: PayrollPage) -> list[str]:
    return [f for f in HEADINGS if any(getattr(r, f) is not None for r in page.rows)]


def table_rows(page: PayrollPage, *, totals: dict[str, str] | None = None) -> list[list[str]]:
    cols = columns_of(page)
    out = [[HEADINGS[c] for c in cols]]
    for r in page.rows:
        out.append(["" if getattr(r, c) is None else str(getattr(r, c)) for c in cols])
    tot = totals if totals is not None else page.totals
    out.append(["Всичко:" if i == 1 else tot.get(c, "") for i, c in enumerate(cols)])
    return out


def header_lines(page: PayrollPage) -> list[str]:
    assert page.period.month is not None
    return [
        f"{page.employer.name}    Лист № {page.sheet}",
        "РАЗЧЕТНО-ПЛАТЕЖНА ВЕДОМОСТ",
        f"за м. {MONTHS[page.period.month - 1]} {page.period.year} г.",
    ]


def write_pdf(page: PayrollPage, out: Path, *, totals: dict[str, str] | None = None, password: str | None = None) -> Path:
    return write_pdf_pages([page], out, totals=totals, password=password)


def write_pdf_pages(
    pages: list[PayrollPage], out: Path, *, totals: dict[str, str] | None = None, password: str | None = None
) -> Path:
    """One PDF, each sheet on its own page (its header, then its table)."""
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    style = ParagraphStyle("h", fontName="DejaVu", fontSize=11, leading=14)
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4), encrypt=password)
    story: list[Flowable] = []
    for i, page in enumerate(pages):
        table = Table(table_rows(page, totals=totals), repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]))  # fmt: skip
        if i:
            story.append(PageBreak())
        story += [Paragraph(line, style) for line in header_lines(page)] + [Spacer(1, 12), table]
    doc.build(story)
    return out


def write_xlsx(page: PayrollPage, out: Path, *, headings: dict[str, str] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in header_lines(page):
        ws.append([line])
    ws.append([])
    rows = table_rows(page)
    if headings:
        rows[0] = [headings.get(h, h) for h in rows[0]]
    cols = columns_of(page)
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append([_typed(c, v) for c, v in zip(cols, r, strict=True)])
    wb.save(out)
    return out


def _typed(field: str, value: str) -> object:
    if value == "" or field in ("egn", "name", "position") or value.startswith("Всичко"):
        return value
    if field in ("row", "days_worked"):
        return int(value)
    return float(value)


def write_csv(page: PayrollPage, out: Path) -> Path:
    """A CSV export as Bulgarian spreadsheets write it: ';' between fields, decimal comma."""
    lines = [*header_lines(page), ""]
    for row in table_rows(page):
        lines.append(";".join(c.replace(".", ",") if c.replace(".", "").isdigit() else c for c in row))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
