"""The distance of two pages' perceptual hashes: the bits they differ in, as imagehash counts them, and
cheap enough to compare each new page with every page of the ledger (``ingest.duplicates.near_pages``
runs three times a page): with imagehash's arrays 200 pages took minutes of a loaded machine, and the hot
folder's watcher was still ingesting after 300 s (tests/test_hotfolder.py)."""

from __future__ import annotations

import random
import time

import imagehash
import numpy as np
import pytest
from PIL import Image

from scanner_drivers.capture_checks import hash_distance, perceptual_hash


def _hashes(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.getrandbits(256):064x}" for _ in range(n)]


def test_the_distance_is_the_bits_the_hashes_differ_in() -> None:
    hashes = _hashes(40, 1)
    for a, b in zip(hashes, hashes[1:], strict=False):
        assert hash_distance(a, b) == int(imagehash.hex_to_hash(a) - imagehash.hex_to_hash(b))
    rng = np.random.default_rng(3)
    page = rng.integers(0, 255, size=(300, 240), dtype=np.uint8)
    noisy = np.clip(page.astype(np.int16) + rng.integers(-6, 6, size=page.shape), 0, 255).astype(np.uint8)
    a, b = perceptual_hash(page), perceptual_hash(noisy)
    assert hash_distance(a, b) == int(imagehash.phash(Image.fromarray(page), 16) - imagehash.phash(Image.fromarray(noisy), 16))
    assert hash_distance(a, a) == 0
    with pytest.raises(ValueError):
        hash_distance(a, a[:16])


def test_a_page_is_compared_with_a_hundred_thousand_in_well_under_two_seconds() -> None:
    new, *ledger = _hashes(100_001, 2)
    start = time.process_time()
    near = [h for h in ledger if hash_distance(new, h) <= 30]
    assert time.process_time() - start < 2.0  # imagehash: some 20 s of CPU
    assert near == []  # random hashes differ in about half their bits
