"""Leave-one-document-out figures for the generic table stage on ICDAR 2013 EU (issue 9).

    python -m bench.icdar2013_loo                     # both sets, the one-at-a-time grid, 2 workers
    python -m bench.icdar2013_loo --grid product      # every combination of three values per constant
    python -m bench.icdar2013_loo --grid product --constants chunk_gap,column_gap,region_gap
    python -m bench.icdar2013_loo --json loo.json

The generic finder's constants (``ocr.generic.Tuning``) were tuned on these very pages, so the figures of
``python -m bench.icdar2013`` come from pages the stage was tuned on. Here every document is scored with
the setting that is best on the *other* documents: for each constant a small grid of values around the
tuned one (one constant at a time, the others as tuned; or with ``--grid product`` every combination of
three values each); for each document the setting with the highest F1 over the other documents' pooled
relations is chosen and the left-out document is scored with it; the relations of all documents are
summed. The tuned setting is reported beside it (it should reproduce bench.icdar2013), and the best
setting in hindsight (chosen on all documents, the left-out one included).

The pages are the ones ``bench.icdar2013`` renders and degrades (same ``--work``, same seed). The
expensive part runs once per page: the payroll finder's decision (``archive tables`` = finder "auto"), the
page preparation and the one tesseract pass; its result is cached in ``--work``/loo-cache (keyed by the
source of the OCR side of the stage), so only the structure (``ocr.generic.find_tables``) runs per
setting. What leave-one-out cannot undo: the design of the stage was made looking at these pages too.
Nothing of the ICDAR 2013 US part is used.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import pickle
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import numpy as np

from archive_core.config import Settings
from archive_core.errors import ExtractionError
from archive_core.runtime import limit_ocr_threads
from bench import adjacency
from bench.adjacency import Score, Table
from bench.icdar2013 import DEFAULT_DATA, DPI, REPO, collect_jobs
from ocr import generic, structure
from ocr.analysis import analyse
from ocr.geometry import Word
from ocr.runner import Limits, _cpu, read_image
from ocr.tess import TesseractEngine

# Values around each tuned constant (the tuned value in the middle).
GRID: dict[str, tuple[float, ...]] = {
    "chunk_gap": (0.7, 0.8, 0.9, 1.0, 1.1),
    "column_gap": (0.3, 0.4, 0.5, 0.6, 0.7),
    "cover_allowance": (0.04, 0.08, 0.12, 0.16, 0.2),
    "region_gap": (1.6, 1.9, 2.2, 2.5, 2.8),
    "wrap_gap": (0.6, 0.75, 0.9, 1.05, 1.2),
}
# The sources whose change makes cached words stale (the structure step itself is not cached).
CACHE_SOURCES = ("ocr/generic.py", "ocr/preprocess.py", "ocr/tess.py", "ocr/analysis.py", "ocr/structure.py")


def settings_of(grid: str, constants: list[str] | None = None) -> list[generic.Tuning]:
    """The settings tried, the tuned one first; ``constants``: the ones varied (default: all of GRID)."""
    tuned = generic.TUNED
    varied = {n: GRID[n] for n in (constants or list(GRID))}
    out = [tuned]
    if grid == "one-at-a-time":
        for name, values in varied.items():
            out += [replace(tuned, **{name: v}) for v in values if v != getattr(tuned, name)]
        return out
    # every combination of the tuned value and its two nearest neighbours in the grid
    near = {}
    for name, values in varied.items():
        k = values.index(getattr(tuned, name))
        near[name] = values[max(0, k - 1) : k + 2]
    names = list(near)
    for combo in itertools.product(*(near[n] for n in names)):
        t = replace(tuned, **dict(zip(names, combo, strict=True)))
        if t != tuned:
            out.append(t)
    return out


@dataclass
class Cached:
    """One page after the costly steps: a fixed answer (the payroll finder took it) or what the generic
    finder needs (rules, transform, the page's size and the words of the one OCR pass)."""

    fixed: list[dict[str, Any]] | None
    page: generic.Page | None
    words: list[Word]
    cpu: float


def _light(page: generic.Page) -> generic.Page:
    """The page without its pixels (find_tables needs only the rules, the size and the transform)."""
    empty = np.zeros((0, 0), np.uint8)
    return generic.Page(gray=empty, binary=empty, ink=empty, clean=empty, horizontal=page.horizontal,
                        vertical=page.vertical, transform=page.transform, unit=page.unit)  # fmt: skip


def _cache_key() -> str:
    h = hashlib.sha256()
    for rel in CACHE_SOURCES:
        h.update((REPO / rel).read_bytes())
    return h.hexdigest()[:12]


def _prepare_one(path: str, cache: str, lang: str) -> tuple[str, float]:
    """OCR one page once (as `archive tables` does) and cache what the structure step needs."""
    start = _cpu()
    img, dpi = read_image(Path(path), Limits.of(Settings()))
    dpi = dpi or DPI
    engine = TesseractEngine(lang=lang, digits_lang=lang)
    fixed = None
    try:
        a = analyse(img, dpi=dpi)
    except ExtractionError:
        pass
    else:
        payroll = structure.structure_of(a, engine=engine)
        if structure._egn_rows(payroll[0]) >= 1 / 3:
            fixed = payroll
    page, words = None, []
    if fixed is None:
        full = generic.prepare(img, dpi=dpi)
        words = generic.recognise_page(full, engine=engine)
        page = _light(full)
        shape = full.binary.shape
    else:
        shape = img.shape[:2]
    data = Cached(fixed, page, words, _cpu() - start)
    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(cache + ".part")
    tmp.write_bytes(pickle.dumps((data, shape)))
    tmp.replace(cache)
    return path, data.cpu


def _load(cache: Path) -> Cached:
    data, shape = pickle.loads(cache.read_bytes())
    if data.page is not None:  # find_tables reads the page's size from its binary image
        data.page.binary = np.zeros(shape, np.uint8)
    return data


def _score_setting(
    k: int, tuning: generic.Tuning, pages: list[tuple[str, str, int, list[list[float]]]],
    truth: dict[str, list[Table]],
) -> tuple[int, dict[str, tuple[tuple[int, int, int], tuple[int, int, int]]]]:  # fmt: skip
    """Strict and loose (correct, predicted, truth) per document for one setting."""
    by_doc: dict[str, list[Table]] = {}
    for cache, doc, page_no, back in pages:
        c = _load(Path(cache))
        if c.fixed is not None:
            tables = c.fixed
        else:
            assert c.page is not None
            tables = generic.structure_tables(c.page, generic.find_tables(c.page, c.words, tuning))
        found = adjacency.tables_from_structure({"tables": tables}, page_no)
        by_doc.setdefault(doc, []).extend(adjacency.map_tables(found, np.array(back, dtype=float)))
    out = {}
    for doc, t in truth.items():
        s = adjacency.score_document(t, by_doc.get(doc, []))
        lo = adjacency.score_document(t, by_doc.get(doc, []), adjacency.normalise_loose)
        out[doc] = ((s.correct, s.predicted, s.truth), (lo.correct, lo.predicted, lo.truth))
    return k, out


def leave_one_out(
    per: list[dict[str, Score]], docs: list[str]
) -> tuple[Score, dict[str, int]]:
    """Each document scored with the setting best on the others (ties: the earlier setting, the tuned
    one first); returns the summed score and the setting chosen per document."""
    total, chosen = Score(), {}
    for d in docs:
        best, best_f1 = 0, -1.0
        for k, scores in enumerate(per):
            rest = sum((scores[o] for o in docs if o != d), Score())
            if rest.f1 > best_f1 + 1e-12:
                best, best_f1 = k, rest.f1
        chosen[d] = best
        total += per[best][d]
    return total, chosen


def _describe(t: generic.Tuning) -> str:
    diff = [f"{f.name}={getattr(t, f.name)}" for f in fields(t) if getattr(t, f.name) != getattr(generic.TUNED, f.name)]
    return ", ".join(diff) or "tuned"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with eu-*.pdf and eu-*-str.xml")
    ap.add_argument("--work", type=Path, default=Path("/tmp/icdar2013-bench"), help="rendered pages go here")
    ap.add_argument("--json", dest="json_out", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--lang", default="eng")
    ap.add_argument("--sets", default="clean,degraded")
    ap.add_argument("--seed", type=int, default=2013)
    ap.add_argument("--docs", default="", help="comma-separated document names (default: all)")
    ap.add_argument("--grid", default="one-at-a-time", choices=("one-at-a-time", "product"))
    ap.add_argument("--constants", default="", help=f"comma-separated constants to vary (default: {','.join(GRID)})")
    args = ap.parse_args(argv)

    sets = [s for s in args.sets.split(",") if s]
    truth, jobs, skipped = collect_jobs(args.data, args.work, {d for d in args.docs.split(",") if d}, sets, args.seed)
    key = _cache_key()
    cache_of = {(s, j.image): args.work / "loo-cache" / key / s / f"{j.image.stem}.pkl" for s in sets for j in jobs[s]}
    todo = [(s, j) for s in sets for j in jobs[s] if not cache_of[(s, j.image)].exists()]
    ocr_cpu = 0.0
    if todo:
        print(f"OCR once: {len(todo)} pages", file=sys.stderr)
        with ProcessPoolExecutor(max_workers=args.workers, initializer=limit_ocr_threads) as pool:
            futs = [pool.submit(_prepare_one, str(j.image), str(cache_of[(s, j.image)]), args.lang) for s, j in todo]
            for n, fut in enumerate(as_completed(futs), 1):
                ocr_cpu += fut.result()[1]
                print(f"\r  {n}/{len(todo)}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    unknown = [c for c in args.constants.split(",") if c and c not in GRID]
    if unknown:
        ap.error(f"unknown constants {unknown}; known: {', '.join(GRID)}")
    tunings = settings_of(args.grid, [c for c in args.constants.split(",") if c] or None)
    docs = sorted(truth)
    report: dict[str, Any] = {"dpi": DPI, "lang": args.lang, "grid": args.grid, "grid_values": GRID,
                              "settings": [asdict(t) for t in tunings], "skipped_no_pdf": skipped, "sets": {}}  # fmt: skip
    print(f"ICDAR 2013 EU, leave one document out: {len(docs)} documents, {len(tunings)} settings ({args.grid})")
    print(f"{'set':<10} {'selection':<26} {'P':>6} {'R':>6} {'F1':>6}   {'P*':>6} {'R*':>6} {'F1*':>6}")
    for s in sets:
        pages = [(str(cache_of[(s, j.image)]), j.doc, j.page, j.back) for j in jobs[s]]
        t0 = time.monotonic()
        strict: list[dict[str, Score]] = [{} for _ in tunings]
        loose: list[dict[str, Score]] = [{} for _ in tunings]
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            scoring = [pool.submit(_score_setting, k, t, pages, truth) for k, t in enumerate(tunings)]
            for done, answer in enumerate(as_completed(scoring), 1):
                k, out = answer.result()
                for d, (sc, lo) in out.items():
                    strict[k][d], loose[k][d] = Score(*sc), Score(*lo)
                print(f"\r  {s}: {done}/{len(tunings)} settings", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        loo, chosen = leave_one_out(strict, docs)
        loo_loose = sum((loose[chosen[d]][d] for d in docs), Score())
        tuned = sum((strict[0][d] for d in docs), Score())
        tuned_loose = sum((loose[0][d] for d in docs), Score())
        totals = [sum((per[d] for d in docs), Score()) for per in strict]
        hind = max(range(len(tunings)), key=lambda k: (totals[k].f1, -k))
        hind_loose = sum((loose[hind][d] for d in docs), Score())
        rows = (("tuned (all documents)", tuned, tuned_loose), ("best in hindsight", totals[hind], hind_loose),
                ("leave one document out", loo, loo_loose))  # fmt: skip
        for label, st, lo_ in rows:
            print(f"{s:<10} {label:<26} {st.precision:>6.3f} {st.recall:>6.3f} {st.f1:>6.3f}   "
                  f"{lo_.precision:>6.3f} {lo_.recall:>6.3f} {lo_.f1:>6.3f}")  # fmt: skip
        by_setting: dict[str, int] = {}
        for k in chosen.values():
            by_setting[_describe(tunings[k])] = by_setting.get(_describe(tunings[k]), 0) + 1
        print(f"{'':<10} hindsight: {_describe(tunings[hind])}; chosen per left-out document: "
              + "; ".join(f"{v}: {n}" for v, n in sorted(by_setting.items(), key=lambda kv: -kv[1])))  # fmt: skip
        report["sets"][s] = {
            "tuned": tuned.as_dict(), "tuned_loose": tuned_loose.as_dict(),
            "hindsight": {**totals[hind].as_dict(), "setting": asdict(tunings[hind])},
            "hindsight_loose": hind_loose.as_dict(),
            "leave_one_out": loo.as_dict(), "leave_one_out_loose": loo_loose.as_dict(),
            "chosen": {d: asdict(tunings[k]) for d, k in chosen.items()},
            "per_document": {d: {"tuned_f1": round(strict[0][d].f1, 4), "loo_f1": round(strict[chosen[d]][d].f1, 4)}
                             for d in docs},
            "structure_wall_seconds": round(time.monotonic() - t0, 1),
        }  # fmt: skip
    report["ocr_cpu_seconds"] = round(ocr_cpu, 1)
    print("(* loose: letters and digits only, case folded)")
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
