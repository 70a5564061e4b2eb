"""Checks at capture: what a page image says about the scan itself, before the page is accepted.

Plain typed functions on the decoded page (``scanner_drivers.intake.decode_image``); nothing here
reads text or records (the same sheet scanned twice is found at the ingest layer,
``ingest/duplicates.py``, from the perceptual hash computed here and from the records).

Each finding names the check, says what is wrong and what to do, in Bulgarian for the operator:

- ``resolution`` — scanned below 300 dpi (from the file's header or the scanner; estimated from
  the page's size when neither says);
- ``blank`` — no writing on the page (kept out, with a record that it was there);
- ``rotation`` — fed at 90°/180°/270°: turned automatically for reading and recorded
  (``scanner_drivers/orientation.py``); ``orientation`` — which way up could not be told: left as
  it is, the operator asked to check the page;
- ``skew`` — tilted beyond what the reader straightens (3°);
- ``cut_off`` — table rules or writing touching an edge of the image;
- ``too_dark`` / ``too_light`` — the exposure leaves too little difference between paper and ink.

The work is done on a copy at about 100 dpi, so a check costs a few tens of milliseconds; only a
page that does not look upright at a glance is asked to tesseract (its orientation detector, then a
strip read both ways), see ``scanner_drivers/orientation.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import imagehash
import numpy as np
from PIL import Image

from . import orientation
from .orientation import estimate_skew

MIN_DPI = 300
OCR_MAX_SKEW = 3.0  # degrees the reader straightens by itself (ocr.preprocess.estimate_skew)
WORK_DPI = 100
ASSUMED_DPI = 300
A5_LONG_SIDE_IN = 8.27  # the smallest sheet the archive holds, long side in inches

# Finding kinds
RESOLUTION = "resolution"
BLANK = "blank"
ROTATION = "rotation"
ORIENTATION = "orientation"  # which way up could not be told: the operator checks the page
SKEW = "skew"
CUT_OFF = "cut_off"
TOO_DARK = "too_dark"
TOO_LIGHT = "too_light"
DUPLICATE = "duplicate"  # set by ingest/duplicates.py

SIDES = {"top": "горния", "bottom": "долния", "left": "левия", "right": "десния"}


@dataclass(frozen=True)
class Finding:
    check: str
    message: str  # Bulgarian: what is wrong and what to do
    keeps_out: bool = False  # the page is not accepted (a blank page)
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "message": self.message, "keeps_out": self.keeps_out, "detail": self.detail}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Finding:
        return cls(d["check"], d["message"], bool(d.get("keeps_out")), dict(d.get("detail") or {}))


@dataclass
class CaptureReport:
    """Everything the checks found on one page; stored with the page (``pages.capture_checks``)."""

    findings: list[Finding] = field(default_factory=list)
    quarter_turns: int = 0  # numpy.rot90 turns (counter-clockwise) that put the page upright
    skew: float = 0.0
    dpi: int | None = None
    phash: str | None = None
    provenance: str = "image"  # "image": read from the picture; or how a born-digital file was read

    @property
    def keeps_out(self) -> bool:
        return any(f.keeps_out for f in self.findings)

    def has(self, check: str) -> bool:
        return any(f.check == check for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.to_json() for f in self.findings],
            "quarter_turns": self.quarter_turns,
            "skew": round(self.skew, 2),
            "dpi": self.dpi,
            "phash": self.phash,
            "provenance": self.provenance,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> CaptureReport:
        d = d or {}
        return cls(
            findings=[Finding.from_json(x) for x in d.get("findings", [])],
            quarter_turns=int(d.get("quarter_turns") or 0),
            skew=float(d.get("skew") or 0.0),
            dpi=d.get("dpi"),
            phash=d.get("phash"),
            provenance=str(d.get("provenance") or "image"),
        )

    def summary(self) -> str:
        return "; ".join(f.message for f in self.findings)


# --------------------------------------------------------------------------------------------------
# Preparation


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def working_copy(gray: np.ndarray, dpi: int | None) -> np.ndarray:
    f = WORK_DPI / float(dpi or ASSUMED_DPI)
    if f >= 1.0:
        return gray.copy()
    return cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)


def ink_mask(small: np.ndarray) -> np.ndarray:
    """Ink (255) where a pixel is clearly darker than the paper around it; specks removed."""
    background = cv2.medianBlur(small, 31)
    diff = background.astype(np.int16) - small.astype(np.int16)
    contrast = max(float(np.percentile(background, 90)) - float(np.percentile(small, 0.5)), 1.0)
    thr = max(28.0, 0.22 * contrast)
    mask = (diff > thr).astype(np.uint8) * 255
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    keep = np.zeros(n, dtype=np.uint8)
    keep[1:] = (stats[1:, cv2.CC_STAT_AREA] >= 4).astype(np.uint8) * 255
    return keep[labels]


def split_rules(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rules, text): long horizontal and vertical strokes, and the rest."""
    h, w = mask.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(15, w // 20), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(15, h // 20)))
    rules = cv2.bitwise_or(cv2.morphologyEx(mask, cv2.MORPH_OPEN, hk), cv2.morphologyEx(mask, cv2.MORPH_OPEN, vk))
    text = cv2.bitwise_and(mask, cv2.bitwise_not(cv2.dilate(rules, np.ones((3, 3), np.uint8))))
    return rules, text


# --------------------------------------------------------------------------------------------------
# The checks, one function each


def check_resolution(dpi: int | None, shape: tuple[int, ...]) -> Finding | None:
    if dpi is not None:
        if dpi < MIN_DPI:
            return Finding(
                RESOLUTION,
                f"сканирана с {dpi} dpi (нужни са поне {MIN_DPI}) — сканирайте страницата отново с {MIN_DPI} dpi",
                detail={"dpi": dpi},
            )
        return None
    long_side = max(shape[:2])
    estimate = round(long_side / A5_LONG_SIDE_IN)
    if estimate < MIN_DPI * 0.9:
        return Finding(
            RESOLUTION,
            f"файлът не казва разделителната си способност, а размерът ({long_side} пиксела) отговаря на"
            f" около {estimate} dpi — сканирайте страницата с {MIN_DPI} dpi",
            detail={"dpi_estimated": estimate},
        )
    return None


def check_blank(text: np.ndarray, rules: np.ndarray) -> Finding | None:
    """No writing: hardly any ink that is not a rule, in no more than a few blots."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(text, connectivity=8)
    marks = int(np.sum((stats[1:, cv2.CC_STAT_AREA] >= 6) & (stats[1:, cv2.CC_STAT_HEIGHT] >= 4))) if n > 1 else 0
    ink = float(np.count_nonzero(text)) / text.size
    if marks < 25 and ink < 0.002 and np.count_nonzero(rules) < 0.002 * rules.size:
        return Finding(
            BLANK,
            "празна страница (няма писмо) — не е приета; ако листът има текст, сканирайте го отново",
            keeps_out=True,
            detail={"marks": marks, "ink": round(ink, 5)},
        )
    return None


def check_exposure(small: np.ndarray) -> Finding | None:
    paper = float(np.percentile(small, 90))
    ink = float(np.percentile(small, 0.5))
    if paper < 110:
        return Finding(
            TOO_DARK,
            f"страницата е твърде тъмна (хартията е {paper:.0f} от 255) — намалете тъмнината и сканирайте отново",
            detail={"paper": round(paper), "ink": round(ink)},
        )
    if paper - ink < 45:
        return Finding(
            TOO_LIGHT,
            f"страницата е твърде светла (разлика хартия-мастило {paper - ink:.0f} от 255) — увеличете"
            " тъмнината и сканирайте отново",
            detail={"paper": round(paper), "ink": round(ink)},
        )
    return None


def check_skew(angle: float) -> Finding | None:
    if abs(angle) > OCR_MAX_SKEW:
        return Finding(
            SKEW,
            f"листът е изкривен с {abs(angle):.1f}° (изправят се до {OCR_MAX_SKEW:.0f}°) — поставете го прав"
            " и сканирайте отново",
            detail={"angle": round(angle, 1)},
        )
    return None


def check_cut_off(mask: np.ndarray) -> Finding | None:
    """Writing or table rules running into an edge of the image: part of the sheet is missing.
    A dark scanner border along a whole side is not counted (it is one stroke the length of the side)."""
    h, w = mask.shape
    band = 2
    sides: list[str] = []
    detail: dict[str, Any] = {}
    strips = {
        "top": mask[:band, :].max(axis=0),
        "bottom": mask[h - band :, :].max(axis=0),
        "left": mask[:, :band].max(axis=1),
        "right": mask[:, w - band :].max(axis=1),
    }
    for side, strip in strips.items():
        on = (strip > 0).astype(np.int8)
        if on.mean() > 0.6:  # a scanner's shadow along the whole side
            continue
        starts = int(np.count_nonzero(np.diff(np.concatenate(([0], on))) == 1))
        if starts >= 4:
            sides.append(side)
            detail[side] = starts
    if sides:
        names = ", ".join(SIDES[s] for s in sides)
        return Finding(
            CUT_OFF,
            f"текст или линии на таблицата опират в {names} край — листът може да е отрязан;"
            " поставете го изцяло върху стъклото и сканирайте отново",
            detail=detail,
        )
    return None


def check_rotation(
    gray: np.ndarray, text: np.ndarray, dpi: int | None, lang: str | None
) -> tuple[int, Finding | None]:
    """Fed turned by 90°/180°/270°: turned for reading and recorded; when the witnesses of
    ``scanner_drivers.orientation`` cannot tell, the page is left as it is and the operator is asked
    to look at it."""
    found = orientation.decide(gray, text, dpi, lang)
    if not found.sure:
        return 0, Finding(
            ORIENTATION,
            "не може да се определи накъде е обърнат листът — проверете страницата; ако е обърнат,"
            " поставете го правилно и сканирайте отново",
            detail={"how": found.how, **found.detail},
        )
    if found.quarter_turns == 0:
        return 0, None
    degrees = {1: 270, 2: 180, 3: 90}[found.quarter_turns]
    return found.quarter_turns, Finding(
        ROTATION,
        f"листът е подаден обърнат на {degrees}° — обърнат автоматично за разчитане",
        detail={"degrees": degrees, "quarter_turns": found.quarter_turns, "how": found.how, **found.detail},
    )


def perceptual_hash(small: np.ndarray) -> str:
    """A 256-bit perceptual hash of the page's look (hex): a re-scan with a little noise and a few
    pixels' shift stays within a few bits; a different month's sheet of the same layout does not."""
    return str(imagehash.phash(Image.fromarray(small), hash_size=16))


def hash_distance(a: str, b: str) -> int:
    """How many bits two perceptual hashes (hex, as ``perceptual_hash`` writes them) differ in. Each new
    page is compared with every page of the ledger (``ingest.duplicates.near_pages``), so this is done
    on the integers (imagehash's arrays took 0.2 ms of CPU a pair: 200 pages, 60,000 pairs, minutes on a
    loaded machine)."""
    if len(a) != len(b):
        raise ValueError(f"perceptual hashes of different sizes: {len(a)} and {len(b)} hex digits")
    return (int(a, 16) ^ int(b, 16)).bit_count()


# --------------------------------------------------------------------------------------------------
# All of them


def check_page(image: np.ndarray, *, dpi: int | None, lang: str | None = None) -> CaptureReport:
    """Run every image check on one decoded page (uint8 grey or BGR). ``lang`` is the OCR model
    (``Settings.ocr_lang``) for reading a strip both ways when the orientation detector is unsure;
    None: the strip is not read."""
    gray = to_gray(image)
    report = CaptureReport(dpi=dpi)
    found = check_resolution(dpi, gray.shape)
    if found:
        report.findings.append(found)
    small = working_copy(gray, dpi)
    mask = ink_mask(small)
    rules, text = split_rules(mask)
    exposure = check_exposure(small)
    if exposure:
        report.findings.append(exposure)
    blank = check_blank(text, rules) if exposure is None or exposure.check != TOO_DARK else None
    if blank:
        report.findings.append(blank)
        report.phash = perceptual_hash(small)
        return report
    turns, rotated = check_rotation(gray, text, dpi, lang)
    if rotated:
        report.findings.append(rotated)
    if turns:
        report.quarter_turns = turns
        small = np.ascontiguousarray(np.rot90(small, turns))
        mask = np.ascontiguousarray(np.rot90(mask, turns))
    report.skew = estimate_skew(mask)
    for finding in (check_skew(report.skew), check_cut_off(mask)):
        if finding:
            report.findings.append(finding)
    report.phash = perceptual_hash(small)
    return report
