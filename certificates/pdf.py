"""The certificate as a landscape A4 PDF in Bulgarian (reportlab, a Cyrillic TTF found at run time)."""

from __future__ import annotations

from pathlib import Path

from archive_core.errors import ConfigError

from .model import MONTHS_BG, UNDER_REVIEW, Certificate, money

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/truetype/freefont/FreeSans.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
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


BASIS_SHORT = {  # the "Основание" column: one line (the long text is in the JSON's basis_text)
    "verified": "служител",
    "ocr_checked": "OCR, проверки OK",
    "chosen": "избран прочит",
    "under_review": "за проверка",
}


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
        Paragraph(
            f"Рег. № {cert.registration_no} от {cert.registered_on:%d.%m.%Y} г."
            if cert.registration_no and cert.registered_on
            else f"№ {cert.id} от {cert.issued_at:%d.%m.%Y} г. (неиздадено, без регистрационен номер)",
            normal,
        ),
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
        "Раб. дни на м." if service else "Отраб. дни",
        "Бележка",
        "Основание",
        "Страница",
        "Ред",
        "SHA-256 на оригинала",
    ]
    data: list[list] = [header]
    for i, ln in enumerate(cert.lines, 1):
        ev = ln.evidence
        days = "—" if ln.days_worked is None else str(ln.days_worked)
        value = days if service else money(ln.gross_pay)
        second = ("—" if ln.working_days is None else str(ln.working_days)) if service else days
        data.append(
            [
                str(i),
                month_text(ln.year, ln.month),
                Paragraph(ln.employer or "—", small),
                value,
                second,
                Paragraph(ln.mark, small),
                BASIS_SHORT[ln.basis],
                ev.page_id,
                "—" if ev.row_no is None else str(ev.row_no),
                Paragraph(ev.page_sha256, small),
            ]
        )
    widths = [8 * mm, 27 * mm, 44 * mm, 18 * mm, 18 * mm, 28 * mm, 28 * mm, 22 * mm, 9 * mm, 70 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (3, 1), (4, -1), "RIGHT"),
    ]
    for i, ln in enumerate(cert.lines, 1):
        if not ln.counted:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fff3c4")))
    table.setStyle(TableStyle(style))

    def side_table(
        heading: str,
        rows: list[list],
        widths_mm: list[int],
        *,
        background: str | None = None,
        repeat_header: bool = True,
    ) -> list:
        """A smaller table after the lines, under its ``heading``, in the lines' font, size, grid and
        header shading; its body on ``background``."""
        t = Table(rows, colWidths=[w * mm for w in widths_mm], repeatRows=1 if repeat_header else 0)
        shade = [("BACKGROUND", (0, 1), (-1, -1), colors.HexColor(background))] if background else []
        t.setStyle(TableStyle(style[:4] + shade))
        return [Paragraph(heading, normal), Spacer(1, 2 * mm), t, Spacer(1, 3 * mm)]

    story += [table, Spacer(1, 4 * mm), Paragraph(cert.totals.text, normal), Spacer(1, 2 * mm)]
    if cert.months:
        mdata: list[list] = [["Месец", "Отработени дни", "Работни дни", "Пълен месец", "Брутно, лв."]]
        for m in cert.months:
            mdata.append(
                [
                    month_text(m.year, m.month),
                    str(m.days_read),
                    str(m.working_days),
                    "да" if m.full_month else "не",
                    money(m.gross_pay),
                ]
            )
        story += side_table(
            "Отработени дни по месеци (зачетените редове на всички работодатели):",
            mdata,
            [32, 28, 26, 24, 30],
        )
    if cert.conflicts:
        cdata: list[list] = [["Месец", "Работодател", "Отраб. дни", "Брутно, лв.", "Страница", "Ред"]]
        for c in cert.conflicts:
            for r in c.readings:
                cdata.append(
                    [
                        month_text(r.year, r.month),
                        Paragraph(r.employer or "—", small),
                        "—" if r.days_worked is None else str(r.days_worked),
                        money(r.gross_pay),
                        r.evidence.page_id,
                        "—" if r.evidence.row_no is None else str(r.evidence.row_no),
                    ]
                )
        story += side_table(
            "Месеци с два различни прочита на една ведомост (не са включени, докато служител не избере верния):",
            cdata,
            [30, 60, 22, 28, 28, 12],
            background="#ffd9d9",
        )
    if cert.possible_lines:
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
        story += side_table(
            "Възможни редове на лицето с друго или неразчетено ЕГН (за проверка, не са включени в сборовете):",
            pdata,
            [10, 30, 60, 28, 60, 24, 26, 12],
            background="#fff3c4",
            repeat_header=False,
        )
    story.append(Paragraph(f"Начин на изчисление: {cert.method}", small))
    story.append(
        Paragraph(
            "Всеки ред е доказан с оригинала на страницата (SHA-256) и номера на реда в нея. "
            f"Редовете с бележка „{UNDER_REVIEW}“ не са потвърдени и не са включени в сборовете. "
            "„Основание“: „служител“ — стойността е проверена (поправена или потвърдена) от служител; "
            "„OCR, проверки OK“ — разчетена автоматично и издържала всички проверки; „избран прочит“ — "
            "служител е избрал един от два различни прочита на ведомостта.",
            small,
        )
    )
    if cert.issued_by:
        story.append(Paragraph(f"Издал: {cert.issued_by}", small))
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
