"""Why fields go to review, per family: `python -m bench.review_tally DIR [DIR ...] [--read OUT]`.

For a development set (PNG + payroll-page/1 truth) and the extraction's JSON of each page (``--read OUT``
runs the extraction first and writes OUT/<stem>.json and the CPU seconds of each page; without it the
JSON is taken from OUT as written before), tallies the review reasons per field, split by whether the
flagged value was right (review load that a better check could spare) or wrong (a flag earned), and the
wrong values nobody flagged. Only for sets you tune on: never point it at an evaluation set.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from archive_core.config import load_settings
from archive_core.records import SCORED_FIELDS, PayrollPage
from ocr.engine import engine_from_settings
from ocr.runner import Limits, run

from .extraction import _baseline_one
from .scoring import Score, match_rows


def _extract(folder: Path, out: Path) -> None:
    settings = load_settings()
    pages = sorted(p for p in folder.glob("*.png") if p.with_suffix(".json").exists())
    out.mkdir(parents=True, exist_ok=True)
    cpu: dict[str, float] = {}
    for o in run(pages, limits=Limits.of(settings), engine=engine_from_settings(settings), workers=1):
        cpu[o.path.stem] = round(o.cpu_seconds, 3)
        if o.ok and o.document:
            (out / f"{o.path.stem}.json").write_text(o.document, encoding="utf-8")
        else:
            (out / f"{o.path.stem}.json").unlink(missing_ok=True)
            click.echo(f"  неуспешна: {o.error}")
    (out / "cpu.json").write_text(json.dumps(cpu, indent=1) + "\n", encoding="utf-8")
    base = out / "baseline_cpu.json"
    if not base.exists():  # plain tesseract's CPU on the same pages, once per set
        b = {p.stem: round(_baseline_one(str(p), settings.ocr_lang)[1], 3) for p in pages}
        base.write_text(json.dumps(b, indent=1) + "\n", encoding="utf-8")


def tally(folder: Path, out: Path) -> dict[str, object]:
    right: Counter[tuple[str, str]] = Counter()
    wrong: Counter[tuple[str, str]] = Counter()
    silent: Counter[str] = Counter()
    pages: list[str] = []
    score = Score()
    for truth_path in sorted(folder.glob("page-*.json")):
        truth = PayrollPage.load(truth_path)
        got_path = out / truth_path.name
        got = PayrollPage.load(got_path) if got_path.exists() else PayrollPage(image=truth.image)
        score.add(truth, got)
        flagged = bad = 0
        notes: list[str] = []
        for t, g in match_rows(truth.rows, got.rows):
            if g is None:
                notes.append(f"row {t.row} lost")
                continue
            reasons = g.review_reasons or {}
            for f in SCORED_FIELDS:
                tv, gv = getattr(t, f), getattr(g, f)
                if tv is None:
                    continue
                why = reasons[f].reason if f in reasons else ("?" if f in (g.review or []) else None)
                if why:
                    flagged += 1
                    (right if gv == tv else wrong)[(f, why)] += 1
                    if gv != tv:
                        notes.append(f"r{t.row} {f}: {gv!r} (true {tv!r}) [{why}]")
                elif gv != tv:
                    bad += 1
                    silent[f] += 1
                    notes.append(f"r{t.row} {f}: {gv!r} (true {tv!r}) SILENT")
        whole = f" PAGE {got.page_review.reason}" if got.page_review else ""
        pages.append(f"{truth_path.stem}: {len(truth.rows)} rows, flagged {flagged}, silent {bad}{whole}; "
                     + "; ".join(notes[:12]))  # fmt: skip
    cpu_path = out / "cpu.json"
    cpu = json.loads(cpu_path.read_text()) if cpu_path.exists() else {}
    base_path = out / "baseline_cpu.json"
    base = json.loads(base_path.read_text()) if base_path.exists() else {}
    return {
        "set": str(folder),
        "accuracy": round(score.accuracy, 4),
        "silent": round(score.silent_rate, 4),
        "review_load": round(score.review_load, 4),
        "rows_found": f"{score.rows_found}/{score.rows_truth}",
        "row_numbers": f"{score.row_numbers_ok}/{score.row_numbers}",
        "cpu_per_page": round(sum(cpu.values()) / max(1, len(cpu)), 3) if cpu else None,
        "cpu_ratio": round(sum(cpu.values()) / sum(base.values()), 2) if cpu and base else None,
        "flagged_right": {f"{f}:{r}": n for (f, r), n in right.most_common()},
        "flagged_wrong": {f"{f}:{r}": n for (f, r), n in wrong.most_common()},
        "silent_by_field": dict(silent),
        "pages": pages,
    }


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--out", "out_root", type=click.Path(path_type=Path, file_okay=False), default=Path("/tmp/tally"),
              show_default=True, help="Where the extraction's JSON is (OUT/<set name>/<stem>.json).")  # fmt: skip
@click.option("--read/--no-read", default=False, help="Run the extraction first (else reuse OUT).")
def main(folders: tuple[Path, ...], out_root: Path, read: bool) -> None:
    for folder in folders:
        out = out_root / folder.name
        if read:
            _extract(folder, out)
        click.echo(json.dumps(tally(folder, out), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
