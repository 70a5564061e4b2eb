"""Checks at capture on labelled sample sheets: false alarms on good pages, and each bad case caught.

    python -m bench.capture_checks [--pages 60] [--seed 777] [--dir DIR]

Generates (or reuses) the sample sheets, runs ``scanner_drivers.capture_checks.check_page`` on each
good page (any finding on a good page is a false alarm), then on bad variants made from each page:
blank (paper with noise and specks), upside down, turned 90°, 150 dpi, cut off (a fifth of the
width missing), too dark, and a re-scan (noise + a few pixels' shift) whose perceptual hash must
fall within the duplicate distance of its original while different sheets stay outside it.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

from ingest.duplicates import PHASH_NEAR
from samples.generate import generate_pages
from scanner_drivers.capture_checks import (
    BLANK,
    CUT_OFF,
    RESOLUTION,
    ROTATION,
    TOO_DARK,
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


def cut_off(gray: np.ndarray) -> np.ndarray:
    w = gray.shape[1]
    return np.ascontiguousarray(gray[:, : int(w * 0.8)])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--seed", type=int, default=777)
    ap.add_argument("--dir", type=Path, default=Path("bench-capture-samples"))
    args = ap.parse_args(argv)
    paths = sorted(args.dir.glob("page-*.png"))[: args.pages]
    if len(paths) < args.pages:
        paths = generate_pages(args.dir, args.pages, args.seed)
    rng = np.random.default_rng(args.seed)
    false_alarms: Counter[str] = Counter()
    flagged_pages: list[str] = []
    caught: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    hashes: list[str] = []
    rescan_dist: list[int] = []
    t0 = time.perf_counter()
    for path in paths:
        gray = np.asarray(cv2.imread(str(path), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
        good = check_page(gray, dpi=300)
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
        }
        for case, (img, dpi) in variants.items():
            tried[case] += 1
            rep = check_page(img, dpi=dpi)
            want = ROTATION if case in ("upside_down", "turned_90") else case
            if rep.has(want) and (want != ROTATION or (rep.quarter_turns + (2 if case == "upside_down" else 1)) % 4 == 0):
                caught[case] += 1
        dup = check_page(rescan(gray, rng), dpi=300)
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
        print(f"{case}: caught {caught[case]}/{tried[case]}")
    print(
        f"re-scan (noise + 4/-3 px shift): perceptual distance max {max(rescan_dist)}, "
        f"{sum(d <= PHASH_NEAR for d in rescan_dist)}/{n} within {PHASH_NEAR}; different sheets: min "
        f"{min(others)}, {near_others}/{len(others)} pairs within {PHASH_NEAR} (records decide those)"
    )
    print(f"time: {seconds:.1f} s for {n} pages and {n * 7} variants")


if __name__ == "__main__":
    main()
