"""Table structure on documents nobody here made: ICDAR 2013 table competition, EU part.

    python -m bench.icdar2013                                   # whole set, clean + degraded, 2 workers
    python -m bench.icdar2013 --json bench/icdar2013.json
    python -m bench.icdar2013 --docs eu-001,eu-004 --sets clean
    python -m bench.icdar2013 --finder payroll                  # the payroll grid finder alone

Rendered pages are kept in --work (default /tmp/icdar2013-bench) and reused; --save DIR keeps every
page's table-structure/1 output. The default finder "auto" is what `archive tables` does.

Every page of ``eu-*.pdf`` that holds a table is rendered at 300 dpi (``pdftoppm -r 300 -png``) and
also degraded "like a photocopy" (slight skew, blur, noise, speckles, uneven light; fixed seed). The
table stage (``ocr.structure.table_structure``, lang ``eng``) runs on both sets in worker processes,
and the tables are scored by cell adjacency relations against ``*-str.xml`` (bench.adjacency; scoring in
shared/spec/table-structure.md). Prints precision / recall / F1 per set and F1 per document; the
"loose" figures compare letters and digits only, to tell OCR character errors from structure errors.
A ground truth without its PDF (eu-009b: a second reading of eu-009a's table) is skipped. Tables that
span pages are scored page by page (one ground-truth region per page).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
import zlib
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from archive_core.runtime import limit_ocr_threads
from bench import adjacency
from bench.adjacency import Score, Table
from ocr.structure import table_structure  # imported before the workers fork: one code version
from ocr.tess import TesseractEngine

REPO = Path(__file__).resolve().parent.parent

DEFAULT_DATA = REPO.parent / "shared" / "data" / "icdar2013-eu"
DPI = 300


@dataclass
class PageJob:
    doc: str
    page: int
    image: Path
    back: list[list[float]]  # 2x3 affine: image pixels -> clean page pixels


def page_heights(pdf: Path) -> dict[int, float]:
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    heights = {}
    for m in re.finditer(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out, re.M):
        heights[int(m.group(1))] = float(m.group(3))
    if not heights:  # single-page documents print "Page size:" only
        single = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", out, re.M)
        if single:
            heights[1] = float(single.group(2))
    return heights


def render(pdf: Path, page: int, target: Path) -> None:
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", "-gray", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)  # fmt: skip


def photocopy(clean: Path, target: Path, seed: int) -> np.ndarray:
    """A degraded copy of ``clean``; returns the 2x3 affine taking its pixels back to the clean page."""
    from samples import degrade

    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    gray = cv2.imread(str(clean), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        raise SystemExit(f"{clean}: не се чете като изображение")
    img = gray.astype(np.float32)
    img = degrade.uneven_light(img, rng)
    img = degrade.blur(img, rng)
    img = degrade.noise(img, rng, np_rng)
    img = degrade.speckles(img, rng, np_rng)
    angle = rng.uniform(0.3, 1.0) * rng.choice((-1, 1))
    img, m = degrade.skew(img, angle, float(rng.uniform(225, 245)))
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        cv2.imwrite(str(target), degrade.to_uint8(img))
    return cv2.invertAffineTransform(m)


def collect_jobs(
    data: Path, work: Path, wanted: set[str], sets: list[str], seed: int
) -> tuple[dict[str, list[Table]], dict[str, list[PageJob]], list[str]]:
    """The ground truth per document, the page images per set (rendered, degraded copies made once into
    ``work``) and the documents skipped for want of their PDF."""
    truth: dict[str, list[Table]] = {}
    jobs: dict[str, list[PageJob]] = {s: [] for s in sets}
    skipped: list[str] = []
    for xml in sorted(data.glob("*-str.xml")):
        name = xml.name[: -len("-str.xml")]
        if wanted and name not in wanted:
            continue
        pdf = data / f"{name}.pdf"
        if not pdf.exists():
            skipped.append(name)
            continue
        heights = page_heights(pdf)
        truth[name] = adjacency.read_icdar_structure(xml, heights, dpi=DPI)
        for page in sorted({t.page for t in truth[name]}):
            clean = work / "clean" / f"{name}-p{page}.png"
            render(pdf, page, clean)
            if "clean" in jobs:
                jobs["clean"].append(PageJob(name, page, clean, [[1, 0, 0], [0, 1, 0]]))
            if "degraded" in jobs:
                target = work / "degraded" / f"{name}-p{page}.png"
                back = photocopy(clean, target, seed + zlib.crc32(target.name.encode()))
                jobs["degraded"].append(PageJob(name, page, target, back.tolist()))
    return truth, jobs, skipped


def _init() -> None:
    limit_ocr_threads()


def _run_one(path: str, lang: str, finder: str) -> tuple[str, str | None, str | None, float]:
    from archive_core.config import Settings
    from ocr.runner import Limits, _cpu, read_image

    start = _cpu()
    try:
        img, dpi = read_image(Path(path), Limits.of(Settings()))
        engine = TesseractEngine(lang=lang, digits_lang=lang)
        doc = table_structure(img, image_name=Path(path).name, engine=engine, dpi=dpi or DPI, finder=finder)
        return path, doc, None, _cpu() - start
    except Exception as e:  # one page's failure is reported and scored as "no tables"
        return path, None, f"{type(e).__name__}: {e}", _cpu() - start


def run_pages(
    jobs: list[PageJob], lang: str, finder: str, workers: int
) -> tuple[dict[str, dict], list[str], float]:
    docs: dict[str, dict] = {}
    errors: list[str] = []
    cpu = 0.0
    with ProcessPoolExecutor(max_workers=workers, initializer=_init) as pool:
        futs = [pool.submit(_run_one, str(j.image), lang, finder) for j in jobs]
        for k, fut in enumerate(as_completed(futs), 1):
            path, doc, err, sec = fut.result()
            cpu += sec
            if doc is None:
                errors.append(f"{Path(path).name}: {err}")
            else:
                docs[path] = json.loads(doc)
            print(f"\r  {k}/{len(jobs)} страници", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return docs, errors, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with eu-*.pdf and eu-*-str.xml")
    ap.add_argument("--work", type=Path, default=Path("/tmp/icdar2013-bench"), help="rendered pages go here")
    ap.add_argument("--json", dest="json_out", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--finder", default="auto", choices=("auto", "payroll", "generic"))
    ap.add_argument("--docs", default="", help="comma-separated document names (default: all)")
    ap.add_argument("--sets", default="clean,degraded")
    ap.add_argument("--seed", type=int, default=2013)
    ap.add_argument("--save", type=Path, default=None, help="also write each page's table-structure/1 here")
    args = ap.parse_args(argv)

    wanted = {d for d in args.docs.split(",") if d}
    truth, jobs, skipped = collect_jobs(args.data, args.work, wanted, [s for s in args.sets.split(",") if s], args.seed)

    report: dict[str, object] = {
        "dpi": DPI,
        "lang": args.lang,
        "finder": args.finder,
        "skipped_no_pdf": skipped,
        "sets": {},
    }
    for set_name, set_jobs in jobs.items():
        print(f"{set_name}: {len(set_jobs)} страници", file=sys.stderr)
        t0 = time.monotonic()
        docs, errors, cpu = run_pages(set_jobs, args.lang, args.finder, args.workers)
        wall = time.monotonic() - t0
        per_doc: dict[str, dict[str, object]] = {}
        total, total_loose = Score(), Score()
        by_doc: dict[str, list[Table]] = {}
        for j in set_jobs:
            d = docs.get(str(j.image))
            if d is None:
                continue
            if args.save:
                out = args.save / set_name / f"{j.image.stem}.json"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
            tables = adjacency.tables_from_structure(d, j.page)
            by_doc.setdefault(j.doc, []).extend(adjacency.map_tables(tables, np.array(j.back, dtype=float)))
        for name in sorted({j.doc for j in set_jobs}):
            pred = by_doc.get(name, [])
            s = adjacency.score_document(truth[name], pred)
            s_loose = adjacency.score_document(truth[name], pred, adjacency.normalise_loose)
            total += s
            total_loose += s_loose
            per_doc[name] = {**s.as_dict(), "f1_loose": round(s_loose.f1, 4), "tables_truth": len(truth[name]),
                             "tables_found": len(pred)}  # fmt: skip
        report["sets"][set_name] = {  # type: ignore[index]
            **total.as_dict(),
            "loose": total_loose.as_dict(),
            "pages": len(set_jobs),
            "failed_pages": errors,
            "cpu_seconds_per_page": round(cpu / max(1, len(set_jobs)), 2),
            "wall_seconds": round(wall, 1),
            "documents": per_doc,
        }

    sets: dict[str, dict] = report["sets"]  # type: ignore[assignment]
    print(
        f"ICDAR 2013 EU, {DPI} dpi, lang {args.lang}, finder {args.finder}; skipped (no PDF): {', '.join(skipped) or '-'}"
    )
    print(
        f"{'set':<10} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6}   {'P*':>6} {'R*':>6} {'F1*':>6}  cpu s/page"
    )
    for set_name, r in sets.items():
        lo = r["loose"]
        print(f"{set_name:<10} {r['pages']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}   "
              f"{lo['precision']:>6.3f} {lo['recall']:>6.3f} {lo['f1']:>6.3f}  {r['cpu_seconds_per_page']:>6.2f}")  # fmt: skip
    print("(* loose: letters and digits only, case folded)")
    names = sorted({n for r in sets.values() for n in r["documents"]})
    print(f"\n{'document':<10} " + " ".join(f"{s + ' F1':>12} {'tables':>7}" for s in sets))
    for n in names:
        cols = []
        for r in sets.values():
            d = r["documents"].get(n)
            cols.append(
                f"{d['f1']:>12.3f} {d['tables_found']:>3}/{d['tables_truth']:<3}"
                if d
                else f"{'-':>12} {'':>7}"
            )
        print(f"{n:<10} " + " ".join(cols))
    for set_name, r in sets.items():
        for e in r["failed_pages"]:
            print(f"{set_name}: грешка: {e}", file=sys.stderr)
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
