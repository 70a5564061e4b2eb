"""Drawing pieces the newer sheet families share instead of each keeping its own copy: a smooth random field
(uneven light, exposure, paper), an ink laid over a colour page, a typewriter's type, a ballpoint signature and a
round office stamp (the money's pieces are in samples/content.py, a face at a size in samples/render.py). Each takes the random source it
is given and draws from it in a fixed order, so a family that uses them draws the same pages as it did with its copy."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .render import FONT_DIR, face_at


def smooth_field(h: int, w: int, rng: random.Random, lo: float, hi: float, n: int = 6) -> np.ndarray:
    """A smooth field of ``h`` x ``w`` between about ``lo`` and ``hi``: an ``n`` x ``n`` grid of random values
    enlarged with cubic interpolation (a lamp's falloff, a copy's uneven exposure, a paper's cloud)."""
    grid = np.array([[rng.uniform(lo, hi) for _ in range(n)] for _ in range(n)], dtype=np.float32)
    return np.asarray(cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC), np.float32)


def mix_ink(out: np.ndarray, ink: np.ndarray, col: tuple[float, ...], k: float) -> None:
    """``col`` laid over ``out`` (3 planes) in the share ``ink`` x ``k`` (0..1), only inside the box round its ink."""
    rows = np.flatnonzero(ink.max(axis=1) > 0)
    if not len(rows):
        return
    cols = np.flatnonzero(ink[rows[0] : rows[-1] + 1].max(axis=0) > 0)
    win = (slice(int(rows[0]), int(rows[-1]) + 1), slice(int(cols[0]), int(cols[-1]) + 1))
    mix = np.clip(ink[win], 0, 1) * k
    for ch in range(3):
        plane = out[ch][win]
        plane *= 1.0 - mix
        plane += col[ch] * mix


@lru_cache(maxsize=4096)
def typewriter_glyph(path: str, ch: str, pitch: int) -> tuple[np.ndarray, int]:
    """One type of the machine: ``ch`` of the face at the pitch's size, squeezed into its cell where wider (a
    typewriter's type is no wider than its step), its strokes a little heavy (ink 0..1), and its baseline's row."""
    em = int(round(pitch * 1.6))
    f = face_at(path, em)
    w, h = pitch * 3, int(em * 1.5)
    img = Image.new("L", (w, h), 0)
    base = int(em * 1.1)
    ImageDraw.Draw(img).text((pitch, base), ch, font=f, fill=255, anchor="ls")
    a = np.asarray(img, np.float32) / 255.0
    cols = np.flatnonzero(a.max(axis=0) > 0.05)
    out = np.zeros((h, pitch + 8), np.float32)
    if len(cols):
        x0, x1 = int(cols[0]), int(cols[-1]) + 1
        g = a[:, x0:x1]
        most = int(pitch * 0.92)
        if g.shape[1] > most:
            g = np.asarray(cv2.resize(g, (most, h), interpolation=cv2.INTER_AREA), np.float32)
        at = 4 + (pitch - g.shape[1]) // 2
        out[:, at : at + g.shape[1]] = g
    heavy = np.asarray(cv2.GaussianBlur(out, (0, 0), 0.6), np.float32)
    return np.asarray(np.clip(heavy * 1.35, 0, 1), np.float32), base


def typed_page(ink: np.ndarray) -> Image.Image:
    """A typed layer (ink 0..1, more clipped to 1) as a grey page: the type black on white (AK's and AL's)."""
    return Image.fromarray(np.asarray(np.round(255.0 * (1.0 - np.clip(ink, 0, 1))), np.uint8), "L")


def flatbed_mode(width: int, grey: bool) -> tuple[bool, int]:
    """How a sheet drawn ``width`` pixels wide at 300 dpi is scanned (AL's and AM's): an A3 one grey at 200 dpi, an A4
    one grey at 300 or (not ``grey``) colour at 200. Gives (grey, dpi)."""
    a3 = width > 4000
    grey = grey or a3
    return grey, 300 if grey and not a3 else 200


def seen_by(grey: bool) -> Callable[[tuple[float, ...]], np.ndarray]:
    """A colour (B, G, R) as the scanner sees it: itself, or its grey (its luminance) on a grey scan."""
    see = np.array([[0.114], [0.587], [0.299]], np.float32) if grey else np.eye(3, dtype=np.float32)

    def seen(colour: tuple[float, ...]) -> np.ndarray:
        return np.asarray(np.array(colour, np.float32) @ see, np.float32)

    return seen


def on_the_glass(out: np.ndarray, grey: bool, dpi: int, angle: float,
                 np_rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """A sheet drawn at 300 dpi (``out``: BGR planes, their first the grey one where ``grey``) laid on a flatbed's glass
    turned by ``angle`` degrees and scanned at ``dpi``: the lid's white round it, a little soft, the sensor's noise,
    RGB where colour (AL's and AM's). Returns the image and the 2x3 map from the drawn sheet to it."""
    H, W = out.shape[:2]
    pad, f = 40, dpi / 300.0
    size = (int((W + 2 * pad) * f), int((H + 2 * pad) * f))
    m = cv2.getRotationMatrix2D((W / 2, H / 2), angle, f)
    m[:, 2] += np.array([size[0] / 2 - W / 2, size[1] / 2 - H / 2])
    src = out[..., 0] if grey else out
    img = np.asarray(cv2.warpAffine(src, m, size, flags=cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR,
                                    borderValue=(250, 250, 250)), np.uint8)  # fmt: skip  (the lid's white)
    del src
    img = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.6), np.uint8)
    if not grey:
        img = np.asarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), np.uint8)
    noisy = img.astype(np.float32) + np_rng.normal(0.0, 0.8 if grey else 0.5, img.shape).astype(np.float32)
    return np.clip(np.round(noisy), 0, 255).astype(np.uint8), np.asarray(m, np.float64)


def signature(pen: ImageDraw.ImageDraw, x: float, y: float, w: float, rng: random.Random,
              amp: tuple[float, float] = (8, 18), darkest: int = 60, widths: tuple[int, ...] = (2,)) -> None:  # fmt: skip
    """A signature in ballpoint across ``w`` from ``x``, about the line ``y``: a few loops (their height drawn from
    ``amp``) and a tail, as dark as 0..``darkest``, the pen's width one of ``widths``."""
    n = rng.randint(14, 30)
    height = rng.uniform(*amp)
    pts = []
    for k in range(n):
        t = k / (n - 1)
        pts.append((x + w * (0.1 + 0.8 * t) + rng.uniform(-3, 3), y + height * np.sin(t * rng.uniform(9, 16)) + rng.uniform(-5, 5)))
    shade = rng.randint(0, darkest)
    width = rng.choice(widths) if len(widths) > 1 else widths[0]
    pen.line([(float(a), float(b)) for a, b in pts], fill=shade, width=width, joint="curve")


@dataclass(frozen=True)
class StampCut:
    """How an office's round stamp was cut: the face of its letters (a file of FONT_DIR and its index in a
    collection), the inner ring's and the rim letters' radii (shares of the outer), how many letters of the name go
    round the rim, the words one of which stands in the middle, and how strongly it was pressed (0..1)."""

    face: str
    index: int = 0
    inner: float = 0.66
    rim: float = 0.83
    rim_letters: int = 32
    words: tuple[str, ...] = ("ЗА ЗАПЛАТИ", "СЧЕТОВОДСТВО", "ЗА ДОКУМЕНТИ")
    strength: float = 0.8


def round_stamp(layer: np.ndarray, cx: float, cy: float, r: float, text: str, rng: random.Random,
                cut: StampCut) -> None:  # fmt: skip
    """The round office stamp at (``cx``, ``cy``) of radius ``r`` (two rings, ``text`` round the rim, a word in the
    middle), pressed unevenly, into ``layer`` (ink 0..1, the darker kept)."""
    size = int(2 * r + 40)
    img = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(img)
    c = size / 2
    d.ellipse((c - r, c - r, c + r, c + r), outline=255, width=5)
    d.ellipse((c - r * cut.inner, c - r * cut.inner, c + r * cut.inner, c + r * cut.inner), outline=255, width=3)
    f = face_at(str(FONT_DIR / cut.face), max(14, int(r * 0.2)), cut.index)
    chars = text.upper().replace('"', "")[: cut.rim_letters]
    for i, ch in enumerate(chars):
        ang = -np.pi + 2 * np.pi * i / max(len(chars), 1)
        d.text((c + r * cut.rim * np.cos(ang) - 6, c + r * cut.rim * np.sin(ang) - 10), ch, font=f, fill=255)
    word = rng.choice(cut.words)
    d.text((c - f.getlength(word) / 2, c - r * 0.12), word, font=f, fill=255)
    a = np.asarray(img.rotate(rng.uniform(0, 360), resample=Image.Resampling.BILINEAR), np.float32) / 255.0
    ramp = np.linspace(rng.uniform(0.4, 0.7), 1.0, size, dtype=np.float32)
    a *= ramp[None, :] if rng.random() < 0.5 else ramp[:, None]
    H, W = layer.shape
    x0, y0 = int(cx - c), int(cy - c)
    xa, ya, xb, yb = max(0, x0), max(0, y0), min(W, x0 + size), min(H, y0 + size)
    if xb > xa and yb > ya:
        np.maximum(layer[ya:yb, xa:xb], a[ya - y0 : yb - y0, xa - x0 : xb - x0] * cut.strength, out=layer[ya:yb, xa:xb])
