"""Blot labelling (ocr.preprocess.components): 16-bit labels on an ordinary page, and the same labels
as OpenCV's 32-bit ones on a page of more than 65535 blots (heavy speckle), where 16 bits overflow."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.preprocess import Blobs, components


def _reference(binary: np.ndarray) -> tuple[int, np.ndarray, np.ndarray]:
    n, labels, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(binary, 8, cv2.CV_32S, cv2.CCL_GRANA)
    return n, labels, stats


def test_labels_match_opencv_on_few_blots() -> None:
    binary = np.zeros((300, 400), np.uint8)
    cv2.putText(binary, "1 468.02", (10, 150), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 255, 3)
    n, labels, stats, _ = components(binary)
    rn, rlabels, rstats = _reference(binary)
    assert labels.dtype == np.uint16
    assert n == rn and np.array_equal(labels, rlabels) and np.array_equal(stats, rstats)


def test_labels_match_opencv_beyond_65535_blots() -> None:
    binary = np.zeros((900, 900), np.uint8)
    binary[::3, ::3] = 255  # 90,000 separate specks
    n, labels, stats, _ = components(binary)
    rn, rlabels, rstats = _reference(binary)
    assert n == rn > 65536
    assert np.array_equal(labels, rlabels) and np.array_equal(stats, rstats)
    assert Blobs(binary).at_least(1).sum() == binary.sum()  # every speck kept, none lost to overflow


def test_labels_match_opencvs_default_labelling() -> None:
    """The labels and stats of ``cv2.connectedComponentsWithStats(…, connectivity=8)`` (its default algorithm,
    32-bit): ``curving_rules``, ``table_foot`` and ``without_down_strokes`` call ``components`` instead, a
    third of the time, for the same blots in the same order (rules' masks, writing, speckle, solid ink)."""
    rng = np.random.default_rng(7)
    for density in (0.02, 0.2, 0.5, 0.9):
        binary = (rng.random((240, 330)) < density).astype(np.uint8) * np.uint8(255)
        for image in (binary, cv2.dilate(binary, np.ones((3, 3), np.uint8)), (binary > 0).view(np.uint8)):
            n, labels, stats, _ = components(image)
            rn, rlabels, rstats, _ = cv2.connectedComponentsWithStats(image, connectivity=8)
            assert n == rn and np.array_equal(labels, rlabels) and np.array_equal(stats, rstats)
