"""Checks at capture on labelled sample sheets: false alarms on good pages, and each bad case caught.

    python -m bench.capture_checks [--pages 60] [--seed 777] [--dir DIR]

Generates (or reuses) the sample sheets, runs ``scanner_drivers.capture_checks.check_page`` on each
good page (any finding on a good page is a false alarm), then on bad variants made from each page:
blank (paper with noise and specks), upside down, turned 90°, 150 dpi, cut off (a fifth of the
width missing), too dark, too light, skewed by 7° (beyond the 3° the reader straightens), and a
re-scan (noise + a few pixels' shift) whose perceptual hash must fall within the duplicate distance
of its original while different sheets stay outside it. A turned page counts as caught only when it
is turned the right way; one the checks could not tell is counted apart (the operator is told to
check it, which is not a miss, but not caught either).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

from archive_core.config import Settings
from ingest.duplicates import PHASH_NEAR
from samples.generate import generate_pages
from scanner_drivers.capture_checks import (
    BLANK,
    CUT_OFF,
    ORIENTATION,
    RESOLUTION,
    ROTATION,
    SKEW,
    TOO_DARK,
    TOO_LIGHT,
    check_page,
    hash_distance,
)


def blank_page(like: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    paper = float(np.percentile(like, 90))
    out = np.full(like.shape, paper, dtype=np.float32) + rng.normal(0, 6, like.shape)
    ys, xs = rng.integers(0, like.shape[0], 60), rng.integers(0, like.shape[1], 60)
    for y, x in zip(ys, xs, strict=True):
        cv2.circle(out, (int(x), int(y)), int(rng.integers(1, 3)), float(paper - 120), -1)
    return np.clip(out, 0, 255).astype(np.uint8)


def rescan(gray: np.ndarray, rng: np.random.Generator, shift: tuple[int, int] = (4, -3)) -> np.ndarray:
    """The same sheet scanned again: moved a few pixels, new sensor noise."""
    m = np.array([[1, 0, shift[0]], [0, 1, shift[1]]], dtype=np.float32)
    moved = cv2.warpAffine(gray, m, (gray.shape[1], gray.shape[0]), borderValue=int(np.percentile(gray, 90)))
    noisy = moved.astype(np.float32) + rng.normal(0, 8, gray.shape)
    return np.clip(noisy, 0, 255).astype(np.uint8)


def skewed(gray: np.ndarray, degrees: float = 7.0) -> np.ndarray:
    """Laid on the glass at an angle (the sheet's own small skew comes on top)."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=int(np.percentile(gray, 90)))


def too_light(gray: np.ndarray) -> np.ndarray:
    """Scanned with the brightness far too high: ink and paper only ~30 grey levels apart."""
    return (255 - (255 - gray.astype(np.float32)) * 0.15).astype(np.uint8)


def cut_off(gray: np.ndarray) -> np.ndarray:
    w = gray.shape[1]
    return np.ascontiguousarray(gray[:, : int(w * 0.8)])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--dir", type=Path, default=Path("bench-capture-samples"))
    args = ap.parse_args(argv)
    lang = Settings().ocr_lang  # the OCR model for reading a strip both ways (orientation)
    paths = sorted(args.dir.glob("page-*.png"))[: args.pages]
    if len(paths) < args.pages:
        paths = generate_pages(args.dir, args.pages, args.seed)
    rng = np.random.default_rng(args.seed)
    false_alarms: Counter[str] = Counter()
    flagged_pages: list[str] = []
    caught: Counter[str] = Counter()
    unsure: Counter[str] = Counter()
    how: dict[str, Counter[str]] = {"upside_down": Counter(), "turned_90": Counter()}
    tried: Counter[str] = Counter()
    hashes: list[str] = []
    rescan_dist: list[int] = []
    t0 = time.perf_counter()
    for path in paths:
        gray = np.asarray(cv2.imread(str(path), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
        good = check_page(gray, dpi=300, lang=lang)
        if good.findings:
            flagged_pages.append(f"{path.name}: {good.summary()}")
            false_alarms.update(f.check for f in good.findings)
        assert good.phash is not None
        hashes.append(good.phash)
        variants = {
            BLANK: (blank_page(gray, rng), 300),
            "upside_down": (np.ascontiguousarray(np.rot90(gray, 2)), 300),
            "turned_90": (np.ascontiguousarray(np.rot90(gray, 1)), 300),
            RESOLUTION: (cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 150),
            CUT_OFF: (cut_off(gray), 300),
            TOO_DARK: (np.clip(gray.astype(np.int16) - 150, 0, 255).astype(np.uint8), 300),
            TOO_LIGHT: (too_light(gray), 300),
            SKEW: (skewed(gray), 300),
        }
        for case, (img, dpi) in variants.items():
            tried[case] += 1
            rep = check_page(img, dpi=dpi, lang=lang)
            if case in how:
                turned = 2 if case == "upside_down" else 1
                if rep.has(ROTATION) and (rep.quarter_turns + turned) % 4 == 0:
                    caught[case] += 1
                    how[case].update(f.detail.get("how", "?") for f in rep.findings if f.check == ROTATION)
                elif rep.has(ORIENTATION):
                    unsure[case] += 1
                else:
                    print(f"  {path.name} {case}: missed ({rep.summary() or 'nothing said'})")
            elif rep.has(case):
                caught[case] += 1
            else:
                print(f"  {path.name} {case}: missed ({rep.summary() or 'nothing said'})")
        dup = check_page(rescan(gray, rng), dpi=300, lang=lang)
        assert dup.phash is not None
        rescan_dist.append(hash_distance(good.phash, dup.phash))
    seconds = time.perf_counter() - t0
    others = [hash_distance(a, b) for i, a in enumerate(hashes) for b in hashes[i + 1 :]]
    near_others = sum(d <= PHASH_NEAR for d in others)
    n = len(paths)
    print(f"good pages: {n}; pages with a false alarm: {len(flagged_pages)} ({dict(false_alarms)})")
    for line in flagged_pages:
        print("  " + line)
    for case in tried:
        extra = f"; could not tell (operator asked to check) {unsure[case]}" if case in how else ""
        decided = f"; decided by {dict(how[case])}" if case in how else ""
        print(f"{case}: caught {caught[case]}/{tried[case]}{extra}{decided}")
    print(
        f"re-scan (noise + 4/-3 px shift): perceptual distance max {max(rescan_dist)}, "
        f"{sum(d <= PHASH_NEAR for d in rescan_dist)}/{n} within {PHASH_NEAR}; different sheets: min "
        f"{min(others)}, {near_others}/{len(others)} pairs within {PHASH_NEAR} (records decide those)"
    )
    print(f"time: {seconds:.1f} s for {n} pages and {n * (len(tried) + 1)} variants")


if __name__ == "__main__":
    main()
