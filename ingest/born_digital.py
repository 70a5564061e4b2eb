"""Born-digital payrolls: PDFs with a text layer, CSV and XLSX files, read from their text, no OCR.

The same records as a scanned sheet: the header (employer, month, sheet number) and the table come
from the file's text — a PDF's words and ruling lines through ``pdfplumber``, a spreadsheet's cells
through ``openpyxl`` (CSV through the ``csv`` module) — the columns are recognised by their
headings (``ocr.columns.heading_votes``, plus a mapping file for headings the defaults do not know),
and the same checks run (ЕГН, days in the month, row sums, column totals: ``ocr.checks``). A text
cannot be misread, so a check never changes a value here: a figure that fails goes to the row's
``review`` list, exactly as an OCR'd figure nobody could prove.

The original file is kept untouched in the store; the page's provenance is "read from the file's
text". A PDF without a text layer is split into pictures and read by OCR (scanner_drivers.files).

Mapping file (``<data dir>/column-mapping.json``): ``{"heading as written": "field"}`` with field
one of row, egn, name, position, days_worked, base_pay, extra_pay, gross_pay, deductions, net_pay.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber

from archive_core.errors import InputFileError
from archive_core.records import MONEY_FIELDS, ROW_FIELDS, PayrollPage, PayrollRow
from ocr import checks, normalise
from ocr.columns import heading_votes
from ocr.geometry import Box, Word
from ocr.header import parse_header
from scanner_drivers.base import CSV_TYPE, XLSX_TYPE
from scanner_drivers.intake import ImageInfo

PDF_TYPE = "application/pdf"
TYPES = frozenset({PDF_TYPE, XLSX_TYPE, CSV_TYPE})
PROVENANCE = "прочетено от текста на файла"
MAPPING_FILE = "column-mapping.json"
TOTAL_WORDS = ("всичко", "общо", "пренос")
FIELDS = (*ROW_FIELDS,)
_PLAIN_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def is_born_digital(content_type: str | None) -> bool:
    return content_type in TYPES


def _fail(name: str, reason: str, todo: str) -> InputFileError:
    return InputFileError(f"{name}: {reason} — {todo}")


def triage_file(data: bytes, *, name: str, content_type: str) -> ImageInfo:
    """Accept a born-digital payroll file or raise InputFileError: it must open and hold a table."""
    table = read_table(data, content_type=content_type, name=name, mapping=None)
    if not table.rows:
        raise _fail(name, "във файла няма таблица с ведомост (не са разпознати колони ЕГН, име, суми)",
                    "проверете файла или опишете заглавията на колоните във файла за съответствие")  # fmt: skip
    return ImageInfo(content_type=content_type, width=0, height=0, dpi=None, mode="text")


# --------------------------------------------------------------------------------------------------
# Reading


@dataclass
class Table:
    header_lines: list[str]
    fields: list[str | None]  # per column
    rows: list[list[str]]
    totals: list[str] | None
    words: list[Word] | None = None  # a PDF's words above the table (with their places)


def load_mapping(path: Path | None) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {" ".join(str(k).lower().split()): str(v) for k, v in data.items() if str(v) in FIELDS}


def field_of(heading: str, mapping: dict[str, str]) -> str | None:
    key = " ".join(heading.lower().split())
    if key in mapping:
        return mapping[key]
    votes = {f: v for f, v in heading_votes(heading).items() if f != "signature"}
    if not votes:
        return None
    best = max(votes.values())
    top = [f for f, v in votes.items() if v == best]
    if "всичко" in key and "gross_pay" in votes:
        return "gross_pay" if "удръж" not in key else "deductions"
    return top[0] if len(top) == 1 else None


def _heading_row(grid: list[list[str]], mapping: dict[str, str]) -> tuple[int, list[str | None]] | None:
    for i, cells in enumerate(grid[:30]):
        fields = [field_of(c, mapping) if c else None for c in cells]
        known = [f for f in fields if f]
        if len(set(known)) >= 3 and ("egn" in known or "name" in known):
            return i, fields
    return None


def table_from_grid(grid: list[list[str]], mapping: dict[str, str]) -> Table:
    grid = [[(c or "").replace("\n", " ").strip() for c in row] for row in grid]
    found = _heading_row(grid, mapping)
    if found is None:
        return Table([" ".join(c for c in r if c) for r in grid[:10]], [], [], None)
    at, fields = found
    header = [" ".join(c for c in r if c) for r in grid[:at] if any(r)]
    rows: list[list[str]] = []
    totals: list[str] | None = None
    for r in grid[at + 1 :]:
        if not any(r):
            continue
        first = " ".join(c for c in r[:4] if c).lower()
        if any(first.startswith(w) or f" {w}" in first for w in TOTAL_WORDS):
            if "от пренос" in first:  # sums carried in from the previous sheet
                continue
            totals = r
            break
        if all(not c or c.isdigit() and len(c) <= 2 for c in r):  # column numbers under the headings
            continue
        rows.append(r)
    return Table(header, fields, rows, totals)


def _pdf_grid(data: bytes) -> tuple[list[list[str]], list[Word], float]:
    """The first table of a text PDF (ruling lines, else text alignment), the words above it, the width."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        tables = page.find_tables()
        if not tables:
            tables = page.find_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
        if not tables:
            return [], [], float(page.width)
        table = tables[0]
        grid = [[c or "" for c in row] for row in table.extract()]
        top = table.bbox[1]
        words = [
            Word(text=w["text"], conf=1.0, box=Box(int(w["x0"]), int(w["top"]), int(w["x1"]), int(w["bottom"])))
            for w in page.extract_words(keep_blank_chars=False, use_text_flow=True)
            if w["bottom"] <= top
        ]
        return grid, words, float(page.width)


def _xlsx_grid(data: bytes) -> list[list[str]]:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        return [["" if v is None else _cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def _cell(v: object) -> str:
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def _csv_grid(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251")
    head = text[:20000]
    delimiter = max((";", "\t", ","), key=head.count)  # ';' first: Bulgarian exports use decimal commas
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _lines_as_words(lines: list[str]) -> tuple[list[Word], int]:
    """Header lines of a spreadsheet as words on lines, for the same header parser as the scans."""
    words: list[Word] = []
    for y, line in enumerate(lines):
        x = 0
        for t in line.split():
            words.append(Word(text=t, conf=1.0, box=Box(x, y * 100, x + 20 * len(t), y * 100 + 40), line=(1, 1, y)))
            x += 20 * len(t) + 20
    return words, 10_000


def read_table(data: bytes, *, content_type: str, name: str, mapping: Path | None) -> Table:
    maps = load_mapping(mapping)
    try:
        if content_type == PDF_TYPE:
            grid, words, _ = _pdf_grid(data)
            table = table_from_grid(grid, maps)
            table.words = words
            return table
        grid = _xlsx_grid(data) if content_type == XLSX_TYPE else _csv_grid(data)
    except InputFileError:
        raise
    except Exception as e:  # openpyxl, pdfplumber and csv raise many types for damaged files
        if "password" in str(e).lower() or "encrypt" in str(e).lower():
            raise _fail(name, "файлът е защитен с парола", "поискайте го без парола и го подайте отново") from None
        raise _fail(name, f"файлът е повреден и не се чете ({type(e).__name__}: {e})", "копирайте го отново") from None
    return table_from_grid(grid, maps)


def _value(field: str, text: str) -> object:
    text = text.strip()
    if not text:
        return None
    plain = _PLAIN_NUMBER.match(text)
    if field == "egn":
        return normalise.egn(text)
    if field in ("row", "days_worked"):
        return int(Decimal(text)) if plain else normalise.integer(text)
    if field in MONEY_FIELDS:
        if plain:  # a spreadsheet's number: exact as it stands
            return f"{Decimal(text).quantize(Decimal('0.01'))}"
        return "0.00" if normalise.is_dash(text) else normalise.money(text)
    return " ".join(text.split())


def read_payroll(data: bytes, *, content_type: str | None, name: str, mapping: Path | None) -> PayrollPage:
    """The payroll-page/1 reading of a born-digital file, with the checks' findings in ``review``."""
    assert content_type is not None
    table = read_table(data, content_type=content_type, name=name, mapping=mapping)
    words = table.words
    if words is not None:
        header = parse_header(words, int(max((w.box.x1 for w in words), default=1000) * 1.2))
    else:
        hw, width = _lines_as_words(table.header_lines)
        header = parse_header(hw, width)
    present = [f for f in dict.fromkeys(table.fields) if f and f in FIELDS]
    drafts: list[checks.RowDraft] = []
    for cells in table.rows:
        values: dict[str, object] = {}
        for f, text in zip(table.fields, cells, strict=False):
            if f and f in FIELDS and f not in values:
                values[f] = _value(f, text or "")
        if not any(values.get(f) for f in ("egn", "name")):
            continue
        drafts.append(checks.RowDraft(values=values))
    read = [dict(d.values) for d in drafts]
    totals: dict[str, str] = {}
    if table.totals:
        for f, text in zip(table.fields, table.totals, strict=False):
            if f in MONEY_FIELDS and text and (v := _value(f, text)) is not None:
                totals[f] = str(v)
    for d in drafts:
        if "egn" in present:
            checks.check_egn(d)
        if "days_worked" in present:
            checks.check_days(d, header.year, header.month)
        checks.check_money(d, [f for f in present if f in MONEY_FIELDS])
    checks.check_totals(drafts, totals, [f for f in present if f in MONEY_FIELDS])
    for f in MONEY_FIELDS:  # a text cannot be misread: a column that misses its own total goes to a person
        col = [d.dec(f) for d in drafts]
        if f in totals and all(x is not None for x in col) and sum(x for x in col if x is not None) != Decimal(totals[f]):
            for d in drafts:
                d.review.add(f)
    rows: list[PayrollRow] = []
    for i, (d, orig) in enumerate(zip(drafts, read, strict=True), start=1):
        # a text is what it says: a check that would change a value flags it instead
        review = set(d.review) | {f for f, v in orig.items() if d.values.get(f) != v}
        values = {f: orig.get(f) for f in FIELDS}
        values["row"] = values.get("row") or i
        rows.append(PayrollRow.model_validate({**values, "review": sorted(review)}))
    return PayrollPage(
        image=Path(name).name,
        employer={"name": header.employer},
        period={"year": header.year, "month": header.month},
        sheet=header.sheet,
        rows=rows,
        totals=totals,
    )
