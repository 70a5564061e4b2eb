"""A page for the screen tests, as the pipeline would leave it: a generated payroll sheet (samples, not
degraded, ruled) stored as the original, its rows as records with their boxes, one person's gross pay
misread (two digits swapped) and flagged for review, in a batch; the index holds the records."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from archive_core.config import Settings
from archive_core.db import Batch, Page, open_database, record_from_person_month, utcnow
from archive_core.records import PayrollPage, PersonMonth, ReviewState
from archive_core.storage import open_store
from indexer.backend import open_index
from samples.generate import Options, generate_pages

from .sheets import Row, add_sheet

WRONG_ROW = 2  # the row whose gross pay OCR misread


@dataclass(frozen=True)
class Scene:
    sha256: str
    records: list[PersonMonth]
    egn: str
    name: str
    employer: str
    true_gross: str
    wrong_gross: str

    @property
    def wrong(self) -> PersonMonth:
        return self.records[WRONG_ROW]


def _swap(text: str) -> str:
    """'204.03' -> '240.03': the first two digits after the first swapped."""
    whole, cents = text.split(".")
    if len(whole) >= 3 and whole[1] != whole[2]:
        whole = whole[0] + whole[2] + whole[1] + whole[3:]
    else:
        whole = str(int(whole) + 9)
    return f"{whole}.{cents}"


def verification_scene(settings: Settings, *, seed: int = 7, operator: str = "Оператор 1") -> Scene:
    out = settings.resolved_data_dir.parent / f"generated-{seed}"
    (image,) = generate_pages(out, 1, seed, options=Options(degraded=False, unruled_share=0.0))
    truth = PayrollPage.load(image.with_suffix(".json"))
    sha = open_store(settings).put(image.read_bytes(), content_type="image/png")
    employer = truth.employer.name or "?"
    year, month = truth.period.year or 1985, truth.period.month or 1
    true_gross = truth.rows[WRONG_ROW].gross_pay or "0.00"
    wrong = _swap(true_gross)
    extraction = truth.model_dump(by_alias=True)
    extraction["rows"][WRONG_ROW]["gross_pay"] = wrong
    extraction["rows"][WRONG_ROW]["review"] = ["gross_pay"]
    records = []
    for i, r in enumerate(truth.rows):
        review = ["gross_pay"] if i == WRONG_ROW else []
        money = {
            f: (None if getattr(r, f) is None else Decimal(getattr(r, f)))
            for f in ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
        }
        if i == WRONG_ROW:
            money["gross_pay"] = Decimal(wrong)
        records.append(
            PersonMonth(
                id=PersonMonth.make_id(sha, i),
                page_sha256=sha,
                row_index=i,
                row_no=r.row or i + 1,
                egn=r.egn,
                name=r.name,
                position=r.position,
                employer=employer,
                file_no="12",
                box="К-7",
                year=year,
                month=month,
                sheet=truth.sheet,
                days_worked=r.days_worked,
                review=review,
                review_state=ReviewState.needs_review if review else ReviewState.ok,
                bbox=r.bbox,
                **money,
            )
        )
    db = open_database(settings)
    try:
        with db.Session.begin() as s:
            batch = Batch(employer=employer, file_no="12", box="К-7", operator=operator, created_at=utcnow())
            s.add(batch)
            s.flush()
            s.add(
                Page(
                    sha256=sha,
                    batch_id=batch.id,
                    source=image.name,
                    page_no=1,
                    status="done",
                    content_type="image/png",
                    dpi=300,
                    width=2480,
                    height=3508,
                    size_bytes=image.stat().st_size,
                    year=year,
                    month=month,
                    sheet=truth.sheet,
                    employer_printed=employer,
                    extraction=extraction,
                    indexed_at=utcnow(),
                )
            )
            s.flush()
            s.add_all([record_from_person_month(pm) for pm in records])
    finally:
        db.dispose()
    index = open_index(settings)
    index.ensure()
    index.upsert(records)
    index.refresh()
    person = records[WRONG_ROW]
    return Scene(sha, records, person.egn or "", person.name or "", employer, true_gross, wrong)


def generated_dir(settings: Settings) -> Path:
    return settings.resolved_data_dir.parent


def career(settings: Settings, scene: Scene) -> None:
    """More months of the scene's person for the timeline: the rest of the sheet's year at the same
    employer (one partial month), a gap, then half a year at another employer with one month under
    review."""
    db = open_database(settings)
    index = open_index(settings)
    try:
        first = scene.records[0]
        year, month = first.year or 1985, first.month or 1
        for m in range(month + 1, min(month + 7, 13)):
            days = 12 if m == month + 3 else 21
            add_sheet(db, index, seed=f"career-a-{m}", employer=scene.employer, year=year, month=m,
                      rows=[Row(scene.egn, name=scene.name, days=days)])  # fmt: skip
        for m in range(2, 8):
            review = ["days_worked"] if m == 4 else []
            add_sheet(db, index, seed=f"career-b-{m}", employer="Завод „Искър“ София", file_no="31",
                      year=year + 1, month=m, rows=[Row(scene.egn, name=scene.name, review=review)])  # fmt: skip
    finally:
        db.dispose()
