"""Scoring as payroll-page.md defines it: rows matched by printed number (else by order); per-field
accuracy and silent error rate over the ground truth's values; plus review load, rows found, header."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from archive_core.records import SCORED_FIELDS, PayrollPage, PayrollRow


@dataclass
class Score:
    pages: int = 0
    truth_values: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    silent: dict[str, int] = field(default_factory=dict)
    flagged: int = 0  # extracted fields listed in review
    extracted_fields: int = 0
    rows_truth: int = 0
    rows_found: int = 0
    employer_ok: int = 0
    period_ok: int = 0
    employer_silent: int = 0  # pages whose employer name is wrong and carries no doubt (employer.review)
    period_silent: int = 0  # pages whose period is wrong, read and not doubted (a missing or doubted one goes to review)
    row_numbers: int = 0  # truth rows with a printed number
    row_numbers_ok: int = 0  # ... whose row in the extraction (the one covering it) carries that number
    pages_reviewed_whole: int = 0  # pages sent to review as a page (page_review)

    def add(self, truth: PayrollPage, got: PayrollPage) -> None:
        self.pages += 1
        self.rows_truth += len(truth.rows)
        employer_ok = _norm(truth.employer.name) == _norm(got.employer.name)
        self.employer_ok += employer_ok
        self.employer_silent += not employer_ok and got.employer.name is not None and not got.employer.review
        period_ok = (truth.period.year, truth.period.month) == (got.period.year, got.period.month)
        self.period_ok += period_ok
        self.period_silent += (not period_ok and got.period.year is not None and got.period.month is not None
                               and not got.period.review)  # a period read unsure goes to review (ingest/records.py)
        self.pages_reviewed_whole += got.page_review is not None
        for t in truth.rows:
            if t.row is None:
                continue
            self.row_numbers += 1
            at = covering_row(t, got.rows)
            self.row_numbers_ok += at is not None and at.row == t.row
        for t, g in match_rows(truth.rows, got.rows):
            if g is not None:
                self.rows_found += 1
            review = set(g.review or []) if g is not None else set()
            for f in SCORED_FIELDS:
                tv = getattr(t, f)
                gv = getattr(g, f) if g is not None else None
                if g is not None and gv is not None:
                    self.extracted_fields += 1
                    self.flagged += f in review
                if tv is None:
                    continue
                self.truth_values[f] = self.truth_values.get(f, 0) + 1
                if gv == tv:
                    self.correct[f] = self.correct.get(f, 0) + 1
                elif f not in review:
                    self.silent[f] = self.silent.get(f, 0) + 1

    @property
    def accuracy(self) -> float:
        n = sum(self.truth_values.values())
        return sum(self.correct.values()) / n if n else 0.0

    @property
    def silent_rate(self) -> float:
        n = sum(self.truth_values.values())
        return sum(self.silent.values()) / n if n else 0.0

    @property
    def review_load(self) -> float:
        return self.flagged / self.extracted_fields if self.extracted_fields else 0.0

    def field_accuracy(self, f: str) -> float:
        n = self.truth_values.get(f, 0)
        return self.correct.get(f, 0) / n if n else 0.0

    def field_silent(self, f: str) -> float:
        n = self.truth_values.get(f, 0)
        return self.silent.get(f, 0) / n if n else 0.0


def covering_row(t: PayrollRow, got: list[PayrollRow]) -> PayrollRow | None:
    """The extracted row that covers the truth row's middle on the image (None without boxes): which
    row number would a certificate cite for this person's line."""
    if not t.bbox:
        return None
    cy = (t.bbox[1] + t.bbox[3]) / 2
    cx = (t.bbox[0] + t.bbox[2]) / 2
    hits = [g for g in got if g.bbox and g.bbox[1] <= cy <= g.bbox[3] and g.bbox[0] <= cx <= g.bbox[2]]
    # a skewed page's boxes overlap their neighbours: the nearest middle is the row (across and down: on a
    # page fed sideways the rows lie side by side in the image as given)
    return min(hits, key=lambda g: math.hypot((g.bbox[1] + g.bbox[3]) / 2 - cy, (g.bbox[0] + g.bbox[2]) / 2 - cx)
               if g.bbox else 0) if hits else None  # fmt: skip


def _norm(s: str | None) -> str:
    # quotes and dashes as glyphs do not count: „ and " are one quote, - – — one dash
    t = (s or "").replace("„", '"').replace("“", '"').replace("—", "-").replace("–", "-")
    return " ".join(t.split()).lower()


def match_rows(truth: list[PayrollRow], got: list[PayrollRow]) -> list[tuple[PayrollRow, PayrollRow | None]]:
    by_no = {r.row: r for r in got if r.row is not None}
    out: list[tuple[PayrollRow, PayrollRow | None]] = []
    for i, t in enumerate(truth):
        if t.row is not None and by_no:
            out.append((t, by_no.get(t.row)))
        else:
            out.append((t, got[i] if i < len(got) else None))
    return out
