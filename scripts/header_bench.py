"""Prints each labelled page whose employer name or period the header's stages read wrong, then the shares right / silent / in review.

    PYTHONPATH=$PWD python scripts/header_bench.py /tmp/k3001 [/tmp/l4002 ...] [--cache /tmp/hdr-cache] [-v]

Runs only the header's stages of ``ocr.extract`` (the employer's band, spelling, re-reading (or a confirming second reading), a period in small print, the Roman month,
the period's confirmation) on each page's analysis and reading. With ``--cache DIR`` those (the slow part:
layout and OCR) are kept per page in DIR as pickles, so that a change to the header's stages is measured
again in seconds; ``--fresh`` reads the pages again (do so after any change to ``ocr.analysis`` or
``ocr.reading``: the cache does not know the code changed). Employer names are compared as ``archive bench``
compares them (quotes and dashes as glyphs do not count, nor case)."""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path

import cv2

from archive_core.config import load_settings
from archive_core.errors import ExtractionError
from bench.scoring import _norm
from ocr import sheet
from ocr.analysis import analyse, column_kinds
from ocr.engine import OcrEngine, engine_from_settings
from ocr.extract import read_header
from ocr.header import Header
from ocr.reading import recognise


@dataclass
class Tally:
    pages: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("e_ok", "e_silent", "e_review", "p_ok", "p_silent", "p_review"), 0)
    )

    def add(self, truth: dict, h: Header) -> tuple[bool, bool]:
        """Counts one page; (employer right, period right)."""
        e_ok = _norm(truth["employer"]["name"]) == _norm(h.employer)
        p_ok = (truth["period"]["year"], truth["period"]["month"]) == (h.year, h.month)
        c = self.counts
        self.pages += 1
        c["e_ok"] += e_ok
        c["p_ok"] += p_ok
        c["e_silent"] += not e_ok and h.employer is not None and not h.employer_review
        c["e_review"] += bool(h.employer_review)
        c["p_silent"] += not p_ok and h.year is not None and h.month is not None and not h.period_review
        c["p_review"] += bool(h.period_review)
        return e_ok, p_ok

    def line(self) -> str:
        n, c = max(self.pages, 1), self.counts
        return (
            f"pages {self.pages}: employer {c['e_ok'] / n:.1%} silent {c['e_silent'] / n:.1%} review "
            f"{c['e_review'] / n:.1%} | period {c['p_ok'] / n:.1%} silent {c['p_silent'] / n:.1%} review "
            f"{c['p_review'] / n:.1%}"
        )


def header_of(png: Path, engine: OcrEngine, cache: Path | None, fresh: bool) -> Header:
    """The page's header as ``ocr.extract`` reads it (the page as scanned, not turned)."""
    kept = cache / (hashlib.md5(str(png.resolve()).encode()).hexdigest() + ".pkl") if cache else None
    if kept is not None and kept.exists() and not fresh:
        stored = pickle.loads(kept.read_bytes())
        if isinstance(stored, str):  # the layout failed on this page before: it fails again
            raise ExtractionError(stored)
        a, reading = stored
    else:
        image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
        if image is None:
            raise SystemExit(f"{png}: not an image")
        try:
            a = analyse(image, dpi=None, quarter_turns=0, unbend=True)
        except (ExtractionError, cv2.error) as e:
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                kept.write_bytes(pickle.dumps(f"{type(e).__name__}: {str(e).strip().splitlines()[-1][:100]}"))
            raise
        reading = recognise(a, column_kinds(a), engine)
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(pickle.dumps((a, reading)))
    return read_header(a, sheet.parts(a, reading), reading, engine)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path, help="directories of labelled pages (page-*.png beside page-*.json)")
    ap.add_argument("--cache", type=Path, help="keep each page's analysis and reading here (pickles)")
    ap.add_argument("--fresh", action="store_true", help="read the pages again, not from --cache")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every page, not only the wrong ones")
    args = ap.parse_args(argv)
    pages = [png for d in args.dirs for png in sorted(d.glob("page-*.png"))]
    if not pages:
        print(f"no page-*.png in {', '.join(map(str, args.dirs))}", file=sys.stderr)
        return 2
    engine = engine_from_settings(load_settings())
    tally = Tally()
    for png in pages:
        truth = json.loads(png.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            h = header_of(png, engine, args.cache, args.fresh)
        except (ExtractionError, cv2.error) as e:  # no table found (or the layout failed): no header read
            print(f"{png}: not read ({type(e).__name__}: {str(e).strip().splitlines()[-1][:100]})")
            h = Header()
        e_ok, p_ok = tally.add(truth, h)
        if args.verbose or not e_ok or not p_ok:
            tp = (truth["period"]["year"], truth["period"]["month"])
            print(f"{png}: E{'+' if e_ok else '-'} P{'+' if p_ok else '-'}")
            print(f"   truth {truth['employer']['name']!r} {tp}\n   got   {h.employer!r} {(h.year, h.month)}")
            print(f"   employer review {h.employer_review!r}\n   period review {h.period_review!r}")
    print(tally.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
