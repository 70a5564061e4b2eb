"""Citizen copies on degraded sheets, measured exactly against the generator's row polygons.

    python -m bench.citizen_copies --pages 8 --seed 13            # skew up to ±2°, bent sheets,
                                                                   # corrections written between rows
    python -m bench.citizen_copies --pages 8 --seed 13 --stamps   # also stamps across rows

Each sheet is read by the real extraction (``ocr.extract.extract_image``); then one copy is asked for
every row of the ground truth (by its ЕГН), the way the API route and ``archive citizen-copy`` make it
(``certificates.citizen_copy.make_copy``: redaction, then the OCR leak check). Each copy is compared
with the page pixel by pixel. Ink = pixels darker than 0.7 x the local paper brightness.

- other rows: for every other row, its ink inside its ground-truth polygon or inside writing that
  belongs to it (corrections between rows), left unchanged in the copy; the worst row counts
  (acceptance: <= 20 pixels);
- own row: the share of the requester's ink inside their polygon left unchanged (acceptance: >= 99 %);
  writing between rows and stamps are not counted as the requester's (the allow-list blacks them out);
- refused copies, by reason (they go to the staff queue, never to the citizen).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np

from archive_core.config import Settings
from archive_core.errors import ExtractionError
from archive_core.records import PayrollPage
from certificates.citizen_copy import (
    LEAK_CHECK_FAILED,
    NO_TABLE,
    CopyRefused,
    PageRow,
    engine_reader,
    leak_check,
    page_layout,
    redact,
)
from ocr import preprocess
from ocr.engine import engine_from_settings
from ocr.extract import extract_image
from samples.generate import Options, generate_pages
from scanner_drivers import intake

MAX_OTHER_INK = 20
MIN_OWN_VISIBLE = 0.99


@dataclass
class CopyResult:
    page: str
    row: int
    outcome: str  # "issued" or the refusal reason
    worst_other: int | None = None  # unchanged ink pixels of the worst other row (None: not redacted)
    own_visible: float | None = None


def ink_mask(gray: np.ndarray) -> np.ndarray:
    paper = cv2.GaussianBlur(cv2.dilate(gray, np.ones((15, 15), np.uint8)), (0, 0), 5)
    return gray.astype(np.float32) < 0.7 * paper.astype(np.float32)


def poly_mask(shape: tuple[int, ...], polygon: list[list[int]]) -> np.ndarray:
    m = np.zeros(shape[:2], dtype=np.uint8)
    cv2.fillPoly(m, [np.asarray(polygon, dtype=np.int32)], 1)
    return m > 0


def measure(
    original: np.ndarray, copy: np.ndarray, truth: PayrollPage, own: int, ink: np.ndarray
) -> tuple[int, float]:
    unchanged = copy == original
    shown = ink & unchanged
    marks = truth.marks or []
    any_mark = np.zeros(original.shape[:2], dtype=bool)
    for m in marks:
        any_mark |= poly_mask(original.shape, m["polygon"])
    worst = 0
    for i, r in enumerate(truth.rows):
        if i == own or not r.polygon:
            continue
        region = poly_mask(original.shape, r.polygon)
        for m in marks:
            if m.get("row") == i:
                region |= poly_mask(original.shape, m["polygon"])
        worst = max(worst, int(np.count_nonzero(shown & region)))
    mine = poly_mask(original.shape, truth.rows[own].polygon or []) & ~any_mark & ink
    total = int(np.count_nonzero(mine))
    visible = float(np.count_nonzero(mine & unchanged)) / total if total else 1.0
    return worst, visible


def run(pages: int, seed: int, stamps: bool, work: Path, settings: Settings) -> list[CopyResult]:
    hard = {"warp", "between_rows", *({"stamp_rows"} if stamps else set())}
    paths = generate_pages(work, pages, seed, options=Options(degraded=True, hard=frozenset(hard)))
    engine = engine_from_settings(settings)
    read = engine_reader(engine)
    results: list[CopyResult] = []
    for path in paths:
        gray = preprocess.to_gray(intake.decode_image(path.read_bytes(), name=str(path)))
        truth = PayrollPage.load(path.with_suffix(".json"))
        try:
            page = extract_image(gray, image_name=path.name, engine=engine)
            layout = page_layout(gray)
        except ExtractionError:
            results += [CopyResult(path.name, i + 1, NO_TABLE) for i in range(len(truth.rows))]
            continue
        rows = [PageRow.from_json(r.model_dump()) for r in page.rows]
        ink = ink_mask(gray)
        cache: dict[bytes, list[str]] = {}
        for i, r in enumerate(truth.rows):
            assert r.egn
            res = CopyResult(path.name, i + 1, "issued")
            try:
                copy = redact(gray, layout, rows, r.egn)
                res.worst_other, res.own_visible = measure(gray, copy.image, truth, i, ink)
                leak_check(
                    copy,
                    rows,
                    r.egn,
                    read=read,
                    totals=list(page.totals.values()),
                    header=page.employer.name,
                    cache=cache,
                )
            except CopyRefused as e:
                res.outcome = e.reason
            results.append(res)
    return results


def summary(results: list[CopyResult]) -> str:
    issued = [r for r in results if r.outcome == "issued"]
    leak_refused = [r for r in results if r.outcome == LEAK_CHECK_FAILED]
    reasons = Counter(r.outcome for r in results if r.outcome != "issued")
    worst = max((r.worst_other or 0 for r in issued), default=0)
    own = [r.own_visible for r in issued if r.own_visible is not None]
    over = sum(1 for r in issued if (r.worst_other or 0) > MAX_OTHER_INK)
    under = sum(1 for r in issued if (r.own_visible or 0) < MIN_OWN_VISIBLE)
    lines = [
        f"copies asked: {len(results)}",
        f"issued: {len(issued)}; refused: {sum(reasons.values())} "
        + ("(" + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) + ")" if reasons else ""),
        f"issued copies showing > {MAX_OTHER_INK} ink px of another row: {over}; worst: {worst} px",
        f"issued copies with own ink < {MIN_OWN_VISIBLE:.0%} visible: {under}; "
        + (f"own ink visible min {min(own):.2%}, median {float(np.median(own)):.2%}" if own else ""),
    ]
    if leak_refused:
        w = [r.worst_other for r in leak_refused if r.worst_other is not None]
        false = sum(1 for v in w if v <= MAX_OTHER_INK)
        lines.append(
            f"refused by the leak check: {len(leak_refused)}, {false} of them false alarms (showing <= "
            f"{MAX_OTHER_INK} ink px of any other row; their worst other-row ink: {sorted(w)})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--stamps", action="store_true", help="also stamps across rows")
    ap.add_argument("--json", type=Path, help="write every copy's figures here")
    ap.add_argument("--keep", type=Path, help="generate the sheets here (default: a temporary folder)")
    args = ap.parse_args(argv)
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="bench-copies-") as tmp:
        work = args.keep or Path(tmp)
        results = run(args.pages, args.seed, args.stamps, work, Settings(data_dir=Path(tmp) / "data"))
    for r in results:
        print(
            f"{r.page} row {r.row:>2}: {r.outcome:<18} worst other row {r.worst_other!s:>6} px, "
            f"own ink {'' if r.own_visible is None else f'{r.own_visible:.2%}'}"
        )
    print(summary(results))
    print(f"time: {time.time() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
