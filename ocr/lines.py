"""Ruling lines: find horizontal and vertical rules by morphology, and take them out of the text image."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True)
class Rule:
    pos: int  # y of a horizontal rule, x of a vertical one
    start: int  # extent along the rule
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Rules:
    horizontal: list[Rule]
    vertical: list[Rule]
    mask: np.ndarray  # 255 where ruling ink is


def _positions(mask: np.ndarray, axis: int, min_len: int, merge: int) -> list[Rule]:
    """Cluster the rows (axis=1: horizontal rules) or columns (axis=0) of ``mask`` that carry a rule."""
    # ink per row (axis=1) or column (axis=0): cv2.reduce, several times numpy's sum over a page
    prof = cv2.reduce((mask > 0).view(np.uint8), axis, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    idx = np.nonzero(prof >= min_len)[0]
    rules: list[Rule] = []
    if idx.size == 0:
        return rules
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= merge:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    for g in groups:
        lo, hi = g[0], g[-1]
        band = mask[lo : hi + 1, :] if axis == 1 else mask[:, lo : hi + 1]
        along = np.nonzero((band > 0).any(axis=0 if axis == 1 else 1))[0]
        weights = prof[lo : hi + 1].astype(np.float64)
        pos = int(round(float(np.average(np.arange(lo, hi + 1), weights=weights))))
        rules.append(Rule(pos, int(along[0]), int(along[-1])))
    return rules


def find_rules(binary: np.ndarray, *, dpi: int = 300) -> Rules:
    """Long thin strokes; gaps in broken ruling are bridged, doubled rules merge into one."""
    h, w = binary.shape
    unit = dpi / 300.0
    hk = max(30, int(110 * unit))
    vk = max(30, int(90 * unit))
    horiz = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (hk, 1)))
    vert = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))
    # bridge gaps of broken ruling and small residual skew
    horiz_b = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (int(60 * unit), 3)))
    vert_b = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, int(40 * unit))))
    hr = _off_the_edge(_positions(horiz_b, axis=1, min_len=int(w * 0.2), merge=int(14 * unit)), h, unit)
    vr = _positions(vert_b, axis=0, min_len=int(h * 0.06), merge=int(14 * unit))
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return Rules(hr, vr, mask)


EDGE = 0.015  # share of the height near the edge where a rule is the paper's edge while two others stay


def _off_the_edge(rules: list[Rule], size: int, unit: float) -> list[Rule]:
    """Horizontal rules not on the image's very top or bottom edge: the dark edge of the glass or of a sheet
    cut in two, turned by the deskew into a wedge along the border, is no ruling (taken for the table's top
    rule, it put the employer's heading inside the table: `--hard all --seed 55` page 21's second sheet).
    Within 2 mm of the edge a stroke is always dropped; within 1.5 % of the page's height (the step between
    a deskew's white fill and the grey paper, D dev 103 page 7: a "rule" 20 px from the top lost eight of
    nine people) only while two rules stay, so a sheet cropped to its table keeps its rules. A sheet keeps
    a margin above its heading and below its signatures. (Not the vertical ones: a table cut close at the
    side keeps its last rule there, tests/fixtures/golden/broken.)"""
    edge = 24 * unit  # 2 mm at 300 dpi
    kept = [r for r in rules if edge <= r.pos <= size - 1 - edge]
    margin = max(8, int(EDGE * size))
    inner = [r for r in kept if margin <= r.pos <= size - 1 - margin]
    return inner if len(inner) >= 2 else kept
