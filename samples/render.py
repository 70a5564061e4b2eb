"""Drawing a sheet's content onto a 300-dpi page: header, table (ruled or not), totals, signatures, stamp.

Returns the clean page plus the geometry the ground truth needs (row boxes, cell boxes) in page pixels.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from archive_core.errors import ConfigError

from . import data
from .content import SheetContent, department_runs, money_text

FONT_DIR = Path("/usr/share/fonts/truetype")
# faces without a "№" (family P's): the typist or the printer put "N"
NO_NUMERO = frozenset({"mononoki-Regular.ttf", "mononoki-Bold.ttf", "Monoid-Regular.ttf"})
# (file, typewriter?) — typewriter faces are drawn key by key with uneven strikes.
FONTS: tuple[tuple[str, bool], ...] = (
    ("gnutypewriter/GNUTypewriter.ttf", True),
    ("cmu/cmuntt.ttf", True),
    ("freefont/FreeMono.ttf", True),
    ("paratype/PTM55F.ttf", True),
    ("liberation/LiberationMono-Regular.ttf", True),
    ("dejavu/DejaVuSansMono.ttf", True),
    ("paratype/PTS55F.ttf", False),
    ("freefont/FreeSans.ttf", False),
    ("liberation/LiberationSans-Regular.ttf", False),
    ("paratype/PTF55F.ttf", False),
    ("dejavu/DejaVuSerif.ttf", False),
    ("cmu/cmunrm.ttf", False),
)


def available_fonts() -> list[tuple[Path, bool]]:
    found = [(FONT_DIR / f, tw) for f, tw in FONTS if (FONT_DIR / f).exists()]
    if not found:
        raise ConfigError(
            "няма шрифтове с кирилица в /usr/share/fonts/truetype — инсталирайте fonts-freefont-ttf, "
            "fonts-paratype, fonts-cmu, fonts-gnutypewriter (scripts/setup.sh)"
        )
    return found


@lru_cache(maxsize=64)
def face_at(path: str, size: int, index: int = 0) -> ImageFont.FreeTypeFont:
    """The face in ``path`` (the ``index``-th of a collection) at ``size`` pixels, loaded once."""
    return ImageFont.truetype(path, size, index=index)


@dataclass
class Style:
    font: Path
    typewriter: bool
    size: int
    ruled: bool
    landscape: bool
    ink: int = 25  # darkest gray of the text
    line_width: int = 3
    broken_ruling: bool = False
    doubled_ruling: bool = False
    wrap_names: bool = False
    corrections: bool = False  # handwritten corrections over typed figures
    between_rows: bool = False  # handwritten corrections written across the rule between two rows
    stamp_rows: bool = False  # a stamp pressed across rows of the table
    ruling: str = "full"  # when ruled: "full", "columns" (vertical rules only), "rows" (horizontal only)
    # where the corrected figure goes: "above" the struck one inside the row, on a half line "between"
    # the rows, or in the right "margin"; typed or handwritten
    correction_mode: str = "above"
    correction_typed: bool = False
    margin: int | None = None  # a wide right margin (corrections written there)
    # family E (samples/families.py): a dot-matrix printer's dotted glyphs; the totals row written by hand;
    # signatures running out of their column across the figures beside them (and below)
    dot_matrix: bool = False
    totals_hand: bool = False
    signatures_cross: bool = False
    # family J: rules drawn dashed; stamps rectangular; a clerk's hand tick beside the rows it checked;
    # correction_mode "fluid": the wrong figure whited out and the right one typed over the patch
    dashed_ruling: bool = False
    stamp_rect: bool = False
    ticks: bool = False
    heading_scale: float = 1.0  # the column headings' size to the figures' (a printed form, typed on)
    # family K: the narrow columns' headings on their side; a line of column numbers under the headings;
    # the rows ruled with dotted lines; correction_mode "xout": the wrong figure typed over with x's, the
    # right one typed after it
    vertical_heads: bool = False
    column_numbers: bool = False
    dotted_rows: bool = False
    # family L: a row per person on two typed lines (the row number, ЕГН and name on the first, the rest
    # below; where no rule crosses the rows, the name runs on over the columns beside it); a stamp pressed
    # over the totals row; correction_mode "arrow": the right figure written in the margin, an arrow to the
    # struck one; ruling "head": only the heading boxed
    two_line: bool = False
    stamp_total: bool = False
    # family M: the mark typed for "the same as above" down the position and days columns ('"', '—"—'; the
    # truth keeps the value it stands for); amounts after a line of leader dots; empty ruled lines under
    # the people (a printed form's rows nobody was typed on)
    ditto: str = ""
    leaders: bool = False
    blank_rows: int = 0
    recap: bool = False  # a second, small ruled table under the signatures: the month's sums by kind
    # family N: a tired typewriter (worn keys: char -> (ink added, baseline shift), each the same way all
    # through the file; the share of letters struck twice; the ribbon running dry from a fraction of the
    # page down, by up to so much ink); holes punched in a binding margin; a fold across the page through
    # a row; the ЕГН typed in a printed form's ten boxes; the cashier's "ИЗПЛАТЕНО" stamped in the
    # signature column; the rules' ink (a form printed in pale ink)
    worn: dict[str, tuple[int, float]] = field(default_factory=dict)
    double_strike: float = 0.0
    dry: tuple[float, float] | None = None
    holes: bool = False
    fold: bool = False
    egn_boxes: bool = False
    paid_stamps: bool = False
    rule_ink: int = 40
    # family O: squared paper (a 5 mm grid printed faintly under everything); the form's printed words
    # (title, the period's line) in a print face of their own; the office's corner stamp (ъглов щемпел) in
    # place of the typed employer; a department's subtotal row under its people; the clerk's ticks in the
    # right margin; a bound book's two-page spread scanned as one image (the gutter between two columns)
    graph: bool = False
    form_font: Path | None = None
    corner_stamp: bool = False
    subtotals: bool = False
    ticks_right: bool = False
    spread: bool = False
    # family P: fanfold paper (tractor strips with holes down both edges, perforations, grey bands under the
    # lines); the table ruled with typed characters (dashes, "=" over the totals, "!" between the columns);
    # everything in capitals; the employer in the top-right corner; a blue ink stamp over the totals
    fanfold: bool = False
    typed_rules: bool = False
    caps: bool = False
    employer_right: bool = False
    blue_stamp: bool = False
    # family R: the rules drawn by hand with a ruler ("ink" or "pencil": leaning, overshooting the corners, the
    # ruler moved halfway along some); the stotinki raised and underlined after the leva (no separator typed)
    hand_rules: str = ""
    raised_cents: bool = False
    # family T (samples/family_t.py): a writer of its own draws and measures the sheet's text; the column
    # headings and the footer's words printed in the form's face (``form_font``)
    writer: Writer | None = None
    printed_heads: bool = False
    # family U (samples/family_u.py): the rules printed by a 9-pin printer (rows of its pins' dots); the footer's
    # words where they are not "Съставил:", ...; the sheet's number in words of its own ("Стр. {n}"); the
    # heading row shaded grey (a spreadsheet's header cells), its grey
    pin_rules: bool = False
    footer_roles: tuple[str, ...] = ()
    sheet_words: str = ""
    head_fill: int = 0
    # family V (samples/family_v.py): the sheet's size in pixels at 300 dpi where it is neither A4 portrait nor
    # landscape (a wide A3 sheet: (4961, 3508))
    page: tuple[int, int] | None = None
    # family W (samples/family_w.py): the columns whose headings the form prints on their side (in place of K's
    # rule: every numeric column but the ЕГН), also under a group's label; with ``split`` money and
    # ``column_numbers`` the "лв."/"ст." line under the headings and the column numbers' line under it
    vertical_cols: tuple[str, ...] = ()
    stamp_below: bool = False  # family W: the employer's stamp under the table, off its figures


class Writer(Protocol):
    """What draws a sheet's text instead of the style's face (family T)."""

    def width(self, p: Painter, text: str, scale: float) -> int: ...

    def text(self, p: Painter, x: float, y_mid: float, text: str, scale: float) -> None: ...


@dataclass
class Geometry:
    width: int
    height: int
    table_bbox: list[int] = field(default_factory=list)
    row_bboxes: list[list[int]] = field(default_factory=list)
    # table-structure truth: (row, col, bbox, text) for every non-empty cell, header row 0
    cells: list[tuple[int, int, list[int], str]] = field(default_factory=list)
    # each row's cells inside the ruling, as a polygon (points [x, y]); distortions move the points
    row_polygons: list[list[list[float]]] = field(default_factory=list)
    # writing that belongs to no cell: {"kind": "correction"|"stamp", "row": index or None, "polygon": [...]}
    marks: list[dict[str, object]] = field(default_factory=list)


def rect_polygon(x0: float, y0: float, x1: float, y1: float, step: float = 100.0) -> list[list[float]]:
    """A rectangle as a polygon with a vertex every ``step`` pixels along its long edges, so that a
    bent sheet bends it too."""
    n = max(1, int(math.ceil((x1 - x0) / step)))
    top = [[x0 + (x1 - x0) * i / n, y0] for i in range(n + 1)]
    bottom = [[x1 - (x1 - x0) * i / n, y1] for i in range(n + 1)]
    return top + bottom


def circle_polygon(cx: float, cy: float, r: float, n: int = 36) -> list[list[float]]:
    return [
        [cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n)] for i in range(n)
    ]


class Painter:
    def __init__(self, img: Image.Image, style: Style, rng: random.Random) -> None:
        self.img = img
        self.draw = ImageDraw.Draw(img)
        self.style = style
        self.rng = rng

    def font(self, scale: float = 1.0) -> ImageFont.FreeTypeFont:
        return face_at(str(self.style.font), max(12, int(self.style.size * scale)))

    def width(self, text: str, scale: float = 1.0) -> int:
        if self.style.writer is not None:
            return self.style.writer.width(self, text, scale)
        return int(math.ceil(self.font(scale).getlength(text)))

    def text(self, x: float, y_mid: float, text: str, scale: float = 1.0) -> None:
        """Draw ``text`` with its x-height centred on ``y_mid``; typewriter faces key by key."""
        if self.style.writer is not None:
            self.style.writer.text(self, x, y_mid, text, scale)
            return
        f = self.font(scale)
        if "GNUTypewriter" in self.style.font.name:  # this face has no № or dashes: typists used N and -
            text = text.replace("№", "N").replace("–", "-").replace("—", "-")
        if self.style.font.name in NO_NUMERO:
            text = text.replace("№", "N")
        asc, desc = f.getmetrics()
        y = y_mid - asc * 0.62
        if self.style.dot_matrix:
            self._dotted(x, y, text, f)
            return
        if not self.style.typewriter:
            self.draw.text((x, y), text, font=f, fill=self.style.ink + self.rng.randint(0, 25))
            return
        tired = bool(self.style.worn or self.style.dry or self.style.double_strike)
        cx = x
        for ch in text:
            if ch != " ":
                strike = self.style.ink + int(abs(self.rng.gauss(0, 35)))
                if tired:  # family N
                    self._tired(cx, y, ch, f, strike)
                else:
                    self.draw.text(
                        (cx + self.rng.uniform(-0.8, 0.8), y + self.rng.uniform(-1.8, 1.8)),
                        ch,
                        font=f,
                        fill=min(strike, 150),
                    )
            cx += f.getlength(ch)

    def _dry_ink(self, y: float) -> int:
        """How much lighter the ribbon strikes at ``y`` (family N: it runs dry down the page)."""
        if self.style.dry is None:
            return 0
        start, most = self.style.dry
        h = self.img.height
        return int(most * min(1.0, max(0.0, (y - start * h) / (0.35 * h))))

    def _tired(self, x: float, y: float, ch: str, f: ImageFont.FreeTypeFont, strike: int) -> None:
        """One key of a tired typewriter: a worn key faint or off the line, the ribbon drying, now and
        then the key bouncing (the letter struck twice, a little apart, the second fainter)."""
        faint, shift = self.style.worn.get(ch.lower(), (0, 0.0))
        ink = min(strike + faint + self._dry_ink(y), 215)
        pos = (x + self.rng.uniform(-0.8, 0.8), y + shift + self.rng.uniform(-2.4, 2.4))
        self.draw.text(pos, ch, font=f, fill=ink)
        if self.style.double_strike and self.rng.random() < self.style.double_strike:
            dx, dy = self.rng.uniform(1.5, 4.0), self.rng.uniform(-1.5, 2.0)
            self.draw.text((pos[0] + dx, pos[1] + dy), ch, font=f, fill=min(ink + 40, 220))

    def _dotted(self, x: float, y: float, text: str, f: ImageFont.FreeTypeFont) -> None:
        """``text`` as a 9-pin dot-matrix printer puts it: the glyphs sampled on a grid of pins (about
        nine to the line), each pin a round dot; as wide as the face would be, so columns align."""
        if not text.strip():
            return
        _, _, x1, y1 = f.getbbox(text)
        w, h = max(1, math.ceil(x1)), max(1, math.ceil(y1))
        glyphs = Image.new("L", (w + 2, h + 2), 0)
        ImageDraw.Draw(glyphs).text((0, 0), text, font=f, fill=255)
        py = max(3, round(self.style.size / 10.5))  # the pins' spacing down the line
        px = max(2, round(py * 0.6))  # the head fires at half steps across (draft mode)
        gw, gh = -(-glyphs.width // px), -(-glyphs.height // py)
        grid = np.asarray(glyphs.resize((gw, gh), Image.Resampling.BOX)) > 60
        r = py * 0.42
        yy, xx = np.mgrid[0:py, 0:px]
        pin = (((xx - (px - 1) / 2) ** 2 + (yy - (py - 1) / 2) ** 2) <= r * r).astype(np.uint8) * 255
        dots = Image.fromarray(np.kron(grid.astype(np.uint8), pin))
        ink = self.style.ink + self.rng.randint(0, 30)  # the ribbon wears unevenly from line to line
        if self.style.dry is not None:  # family N
            ink = min(ink + self._dry_ink(y), 215)
        self.img.paste(ink, (int(round(x)), int(round(y))), dots)

    def handwrite(self, x: float, y_mid: float, text: str) -> None:
        """A correction in ballpoint: a slanted face, smaller, uneven, lighter than the typing."""
        hand = FONT_DIR / "dejavu/DejaVuSans-Oblique.ttf"
        f = face_at(str(hand if hand.exists() else self.style.font), int(self.style.size * 0.8))
        cx = x
        for ch in text:
            self.draw.text(
                (cx, y_mid - self.style.size * 0.45 + self.rng.uniform(-3, 3)),
                ch,
                font=f,
                fill=self.rng.randint(50, 100),
            )
            cx += f.getlength(ch) + self.rng.uniform(-1, 2)

    def handwrite_width(self, text: str) -> float:
        """Upper bound of the width ``handwrite`` gives ``text``."""
        hand = FONT_DIR / "dejavu/DejaVuSans-Oblique.ttf"
        f = face_at(str(hand if hand.exists() else self.style.font), int(self.style.size * 0.8))
        return f.getlength(text) + 2 * len(text)

    def hline(self, x0: float, x1: float, y: float) -> None:
        self._line(x0, y, x1, y)

    def dotted_hline(self, x0: float, x1: float, y: float) -> None:
        """A printed form's dotted rule: round dots at an even pitch."""
        step = self.rng.uniform(9, 13)
        r = max(1.2, self.style.line_width * 0.6)
        x = x0 + self.rng.uniform(0, step)
        while x < x1:
            self.draw.ellipse((x - r, y - r, x + r, y + r), fill=50)
            x += step

    def overtype(self, x: float, y_mid: float, text: str, mark: str = "x") -> None:
        """``mark`` typed over every character of ``text`` (drawn at ``x``): a typist's way to cancel a
        figure without an eraser."""
        f = self.font()
        for i, ch in enumerate(text):
            if ch.strip():
                cx = x + f.getlength(text[:i]) + (f.getlength(ch) - f.getlength(mark)) / 2
                self.text(cx, y_mid, mark)

    def vertical_text(self, x0: float, x1: float, y_bottom: float, lines: list[str], scale: float) -> None:
        """``lines`` printed on their side (read from the bottom up), centred between ``x0`` and ``x1``,
        ending at ``y_bottom``."""
        line_h = int(self.style.size * 1.25 * scale)
        w = max(self.width(line, scale) for line in lines) + 8
        layer = Image.new("L", (w, len(lines) * line_h), 255)
        sub = Painter(layer, self.style, self.rng)
        for k, line in enumerate(lines):
            sub.text((w - self.width(line, scale)) / 2, k * line_h + line_h / 2, line, scale)
        turned = layer.transpose(Image.Transpose.ROTATE_90)
        ox = int(round((x0 + x1 - turned.width) / 2))
        self.img.paste(turned, (ox, int(round(y_bottom - turned.height))))

    def vline(self, x: float, y0: float, y1: float) -> None:
        self._line(x, y0, x, y1)

    def _line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        if self.style.hand_rules:
            self._hand_line(x0, y0, x1, y1)
            return
        if self.style.pin_rules:
            self._pin_line(x0, y0, x1, y1)
            return
        w = self.style.line_width
        if self.style.broken_ruling:  # gaps where the ruling faded or the paper folded
            n = self.rng.randint(2, 5)
            pts = sorted(self.rng.random() for _ in range(2 * n))
            segs = [(0.0, pts[0])] + [(pts[i], pts[i + 1]) for i in range(1, 2 * n - 1, 2)] + [(pts[-1], 1.0)]
        elif self.style.dashed_ruling:  # a dashed rule: dashes of one length, gaps of another
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            dash, gap = self.rng.uniform(14, 30) / length, self.rng.uniform(7, 14) / length
            segs, t = [], self.rng.uniform(0, dash + gap) - (dash + gap)
            while t < 1.0:
                if t + dash > 0:
                    segs.append((max(0.0, t), min(1.0, t + dash)))
                t += dash + gap
        else:
            segs = [(0.0, 1.0)]
        for a, b in segs:
            self.draw.line(
                (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                fill=self.style.rule_ink,
                width=w,
            )
            if self.style.doubled_ruling:
                off = w + 3
                dx, dy = (0, off) if y0 == y1 else (off, 0)
                self.draw.line(
                    (x0 + (x1 - x0) * a + dx, y0 + (y1 - y0) * a + dy, x0 + (x1 - x0) * b + dx,
                     y0 + (y1 - y0) * b + dy),
                    fill=60,
                    width=max(1, w - 1),
                )  # fmt: skip

    def _hand_line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A rule drawn by hand along a ruler (family R): it overshoots or stops short of its ends, leans a
        little, its pressure (ink) uneven; on some the ruler was moved halfway and the rest drawn a little
        off the first part."""
        rng = self.rng
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        a0, a1 = rng.uniform(-6, 22), rng.uniform(-6, 22)  # past the corners (or short of them)
        sx, sy = x0 - ux * a0, y0 - uy * a0
        ex, ey = x1 + ux * a1, y1 + uy * a1
        lean = rng.uniform(-1, 1) * min(6.0, length / 300)  # the ruler not quite square to the page
        nx, ny = -uy, ux
        pencil = self.style.hand_rules == "pencil"
        width = 2 if pencil else rng.choice((2, 3, 3))
        pieces = [(0.0, 1.0)]
        if length > 600 and rng.random() < 0.25:  # the ruler moved halfway
            cut = rng.uniform(0.35, 0.65)
            pieces = [(0.0, cut + 0.01), (cut, 1.0)]
        for k, (a, b) in enumerate(pieces):
            off = rng.uniform(-3, 3) if k else 0.0
            pts = []
            for i in range(9):
                t = a + (b - a) * i / 8
                d = lean * (t - 0.5) * 2 + off + rng.uniform(-0.6, 0.6)
                pts.append((sx + (ex - sx) * t + nx * d, sy + (ey - sy) * t + ny * d))
            self.draw.line(pts, fill=self.style.rule_ink + rng.randint(0, 25), width=width, joint="curve")

    def _pin_line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A rule as a 9-pin printer prints it (family U: the box-drawing characters of an accounting program):
        a row of its pins' round dots at the head's pitch, the ribbon's ink a little uneven along it."""
        length = int(round(math.hypot(x1 - x0, y1 - y0)))
        if length < 2:
            return
        pitch = self.rng.choice((4, 5))
        r = self.rng.uniform(1.5, 2.1)
        t = int(math.ceil(2 * r)) + 2
        along = np.arange(length + 1, dtype=np.float32)
        centres = np.arange(self.rng.uniform(0, pitch), length + 1, pitch, dtype=np.float32)
        d_along = np.abs(along[:, None] - centres[None, :]).min(axis=1)
        across = np.arange(t, dtype=np.float32) - (t - 1) / 2
        dots = (d_along[None, :] ** 2 + across[:, None] ** 2) <= r * r
        mask = Image.fromarray((dots * 255).astype(np.uint8))
        if x0 == x1:
            mask = mask.transpose(Image.Transpose.ROTATE_90)
            box = (int(round(x0 - t / 2)), int(round(min(y0, y1))))
        else:
            box = (int(round(min(x0, x1))), int(round(y0 - t / 2)))
        self.img.paste(self.style.rule_ink + self.rng.randint(0, 30), box, mask)

    def raised(self, x1: float, y_mid: float, t: str) -> None:
        """An amount ending at ``x1`` with its stotinki raised and underlined after the leva (family R):
        ``t`` is the amount as typed with a separator before its last two digits, which is not printed."""
        leva, cents = t[:-3], t[-2:]
        scale = 0.72
        cw = self.width(cents, scale)
        cx = x1 - cw
        self.text(cx, y_mid - self.style.size * 0.32, cents, scale)
        y_under = y_mid - self.style.size * 0.02
        self.draw.line((cx - 1, y_under, x1 + 1, y_under), fill=self.style.ink + 20, width=2)
        self.text(cx - self.style.size * 0.12 - self.width(leva), y_mid, leva)

    def squiggle(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A handwritten signature: a few connected loops in ballpoint gray."""
        pts = []
        n = self.rng.randint(6, 14)
        for i in range(n):
            t = i / (n - 1)
            pts.append((x0 + (x1 - x0) * t + self.rng.uniform(-8, 8), self.rng.uniform(y0, y1)))
        self.draw.line(pts, fill=self.rng.randint(60, 120), width=self.rng.randint(2, 4), joint="curve")

    def stamp(self, cx: float, cy: float, r: float, text: str) -> None:
        g = self.rng.randint(120, 170)
        self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=g, width=5)
        self.draw.ellipse((cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72), outline=g, width=3)
        f = face_at(str(self.style.font), int(r * 0.2))
        chars = text.upper()[:28]
        for i, ch in enumerate(chars):
            a = -math.pi + 2 * math.pi * i / max(len(chars), 1)
            self.draw.text(
                (cx + r * 0.86 * math.cos(a) - 8, cy + r * 0.86 * math.sin(a) - 12), ch, font=f, fill=g
            )
        self.draw.text((cx - r * 0.4, cy - r * 0.15), "ПЕЧАТ", font=f, fill=g)

    def stamp_rect(self, cx: float, cy: float, w: float, h: float, text: str) -> list[list[float]]:
        """A rectangular office stamp (double frame, the employer, a word and a date line), turned a
        little; returns its outline as a polygon."""
        g = self.rng.randint(110, 170)
        layer = Image.new("L", (int(w) + 40, int(h) + 40), 0)
        d = ImageDraw.Draw(layer)
        d.rectangle((20, 20, 20 + w, 20 + h), outline=255, width=5)
        d.rectangle((32, 32, 8 + w, 8 + h), outline=255, width=2)
        lines = (text.upper()[:30], self.rng.choice(("ИЗПЛАТЕНО", "ПРОВЕРЕНО", "СЧЕТОВОДСТВО", "КАСА")),
                 f"{self.rng.randint(1, 28):02d}.{self.rng.randint(1, 12):02d}.19__ г.")  # fmt: skip
        size = max(14, int(h * 0.16))
        while size > 14 and max(face_at(str(self.style.font), size).getlength(t) for t in lines) > w - 30:
            size -= 2  # the stamp maker cut the employer's name to the frame
        f = face_at(str(self.style.font), size)
        for k, line in enumerate(lines):
            lw = f.getlength(line)
            d.text((20 + max(14, (w - lw) / 2), 20 + h * (0.14 + 0.28 * k)), line, font=f, fill=255)
        angle = self.rng.uniform(-12, 12)
        turned = layer.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True)
        ox, oy = int(cx - turned.width / 2), int(cy - turned.height / 2)
        self.img.paste(g, (ox, oy), turned)
        a = math.radians(-angle)
        corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
        return [
            [cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)]
            for x, y in corners
        ]

    def paid_stamp(self, x0: float, x1: float, y_mid: float, row_h: int) -> None:
        """The cashier's small rectangular "ИЗПЛАТЕНО" stamp in a row's signature cell (family N), pressed
        unevenly, turned a little, no wider than the cell."""
        word = self.rng.choice(("ИЗПЛАТЕНО", "ИЗПЛАТЕНО", "ПЛАТЕНО", "КАСА"))
        w = x1 - x0
        size = int(row_h * 0.5)
        while size > 12 and face_at(str(self.style.font), size).getlength(word) > w - 24:
            size -= 2
        f = face_at(str(self.style.font), size)
        lw, bh = int(f.getlength(word)) + 20, int(size * 1.5)
        layer = Image.new("L", (lw + 8, bh + 8), 0)
        d = ImageDraw.Draw(layer)
        d.rectangle((4, 4, 4 + lw, 4 + bh), outline=255, width=3)
        d.text((14, 4 + bh / 2 - size * 0.62), word, font=f, fill=255)
        turned = layer.rotate(self.rng.uniform(-6, 6), resample=Image.Resampling.BILINEAR, expand=True)
        fade = np.asarray(turned, dtype=np.float32) * self.rng.uniform(0.55, 1.0)
        fade *= np.linspace(self.rng.uniform(0.4, 1.0), self.rng.uniform(0.4, 1.0), fade.shape[1])[None, :]
        ox = int(x0 + (w - turned.width) / 2 + self.rng.uniform(-8, 8))
        oy = int(y_mid - turned.height / 2 + self.rng.uniform(-5, 5))
        self.img.paste(self.rng.randint(90, 150), (ox, oy), Image.fromarray(fade.astype(np.uint8)))

    def tick(self, x: float, y_mid: float) -> list[list[float]]:
        """A ballpoint tick (a short down-stroke, a long up-stroke) beside a row; returns its box."""
        s = self.style.size * self.rng.uniform(0.7, 1.0)
        pts = [
            (x, y_mid - s * 0.05 + self.rng.uniform(-3, 3)),
            (x + s * 0.35, y_mid + s * 0.4 + self.rng.uniform(-3, 3)),
            (x + s * self.rng.uniform(0.9, 1.2), y_mid - s * self.rng.uniform(0.5, 0.8)),
        ]
        self.draw.line(pts, fill=self.rng.randint(50, 110), width=self.rng.randint(2, 4), joint="curve")
        xs_, ys_ = [q[0] for q in pts], [q[1] for q in pts]
        return rect_polygon(min(xs_) - 8, min(ys_) - 8, max(xs_) + 8, max(ys_) + 8)

    def fluid(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Correction fluid over what is typed there: a white patch with a soft grey edge, the typing
        showing faintly through where the coat is thin."""
        box = (int(x0), int(y0), int(x1), int(y1))
        under = np.asarray(self.img.crop(box), dtype=np.float32)
        coat = self.rng.uniform(0.82, 0.95)
        patch = 255 - (255 - under) * (1 - coat)
        self.img.paste(Image.fromarray(patch.clip(0, 255).astype(np.uint8)), box[:2])
        edge = self.rng.randint(185, 215)
        pts = [(x0 + self.rng.uniform(-2, 2), y0 + self.rng.uniform(-2, 2)),
               (x1 + self.rng.uniform(-2, 2), y0 + self.rng.uniform(-2, 2)),
               (x1 + self.rng.uniform(-2, 2), y1 + self.rng.uniform(-2, 2)),
               (x0 + self.rng.uniform(-2, 2), y1 + self.rng.uniform(-2, 2))]  # fmt: skip
        self.draw.line([*pts, pts[0]], fill=edge, width=2, joint="curve")


MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
DEDUCTION_PARTS = ("tax", "insurance", "advance", "union_fee", "court")
# family V's itemised pay columns (not payroll-page/1 fields: their sum is `extra_pay`, samples/family_v.py)
PAY_PARTS = ("seniority", "piece", "night", "overtime", "leave")
FIRST_LINE = ("row", "egn", "name")  # what a two-line row types on its first line


def _slip(text: str, rng: random.Random) -> str:
    """The same figure with one digit mistyped."""
    idx = [i for i, ch in enumerate(text) if ch.isdigit()]
    i = rng.choice(idx)
    return text[:i] + rng.choice([d for d in "0123456789" if d != text[i]]) + text[i + 1 :]


def cell_text(sheet: SheetContent, row: dict[str, object], field_: str) -> str:
    v = row.get(field_)
    if v is None:
        return ""
    if field_ == "row" and sheet.row_zeros:  # family P: "01", "001"
        return f"{v:0{sheet.row_zeros}d}"
    if field_ == "row" and sheet.row_dot:
        return f"{v}."
    if field_ == "row" and sheet.row_mark:
        return f"{v}{sheet.row_mark}"
    if field_ == "days_worked" and sheet.days_suffix:
        return f"{v}{sheet.days_suffix}"
    if field_ in ("court", "sick") and not v:  # family L: no court order, no sick leave: the cell left blank
        return ""
    if field_ in MONEY or field_ in DEDUCTION_PARTS or field_ in PAY_PARTS or field_ in ("rate", "turnover"):
        from decimal import Decimal

        assert isinstance(v, Decimal)
        return money_text(v, sheet)
    return str(v)


def render(sheet: SheetContent, style: Style, rng: random.Random) -> tuple[Image.Image, Geometry]:
    W, H = style.page or ((3508, 2480) if style.landscape else (2480, 3508))
    img = Image.new("L", (W, H), 255)
    p = Painter(img, style, rng)
    fs = style.size
    mx = rng.randint(130, 190)
    geo = Geometry(W, H)
    if style.graph:  # family O: squared paper
        _graph_paper(p)
    form = _form_painter(p)
    hp = form if style.printed_heads else p  # what prints the column headings
    if style.fanfold:  # family P: the tractor strips take the page's edges
        mx += _fanfold(p)
    binding = 130 if style.holes else 0  # family N: the margin the file's holes are punched in
    if not style.landscape:
        mx += binding

    # Header: employer, title, period, sheet number.
    y = rng.randint(120, 190)
    if style.landscape:
        y += binding
    if sheet.parent:  # family K: the ministry or union above the employer
        p.text(mx, y, sheet.parent, 0.85)
        y += int(fs * 1.5)
    if sheet.centre:  # family P: the computer centre and its run's date, over the client's header
        p.text(mx, y, sheet.centre, 0.9)
        p.text(W - mx - p.width(sheet.run_date, 0.9), y, sheet.run_date, 0.9)
        y += int(fs * 1.7)
    label = f"{sheet.employer_label} " if sheet.employer_label else ""
    if style.employer_right:  # family P: the employer in the top-right corner
        p.text(W - mx - p.width(label + sheet.employer, 1.1) - rng.randint(0, 30), y, label + sheet.employer, 1.1)
    elif style.corner_stamp:  # family O: the office's rubber stamp, its name on a line of its own
        y = _corner_stamp(p, form, mx + rng.randint(0, 40), y, label + sheet.employer, sheet.year)
    else:
        p.text(mx + rng.randint(0, 60), y, label + sheet.employer, 1.1)
    sheet_label = rng.choice((f"Лист № {sheet.sheet}", f"Лист {sheet.sheet}", f"л. № {sheet.sheet}"))
    if style.sheet_words:  # family U: the program's words for the sheet's number
        sheet_label = style.sheet_words.format(n=sheet.sheet)
    if style.caps:
        sheet_label = sheet_label.upper()
    if style.employer_right:  # ... the sheet's number on the left
        p.text(mx, y, sheet_label)
    else:
        p.text(W - mx - p.width(sheet_label) - rng.randint(0, 40), y, sheet_label)
    if sheet.address:  # family L: the address under the employer's name
        y += int(fs * 1.3)
        p.text(mx + rng.randint(0, 60), y, sheet.address, 0.8)
    y += int(fs * 2.2)
    # a spread's title on its left page (family O), a printed form's in the form's face
    x_title = mx + 40 if style.spread else (W - form.width(sheet.title, 1.2)) / 2
    form.text(x_title, y, sheet.title, 1.2)
    y += int(fs * 1.8)
    if sheet.form_month:  # family O: "за месец ...май... 19.87. г." on the printed form's line
        _form_period(p, form, mx + 40 if style.spread else None, y, sheet.form_month, sheet.year)
    else:
        p.text(mx + 40 if style.spread else (W - p.width(sheet.period_text)) / 2, y, sheet.period_text)
    y += int(fs * 2.0)

    # Column widths from content, then the spare width shared by weight.
    cols = list(sheet.layout)
    pad = int(fs * (0.8 if style.typed_rules else 0.45))  # family P: a character's room beside the printed "!"
    hs = style.heading_scale
    line_h = int(fs * 1.25 * hs)
    # family K: the narrow columns (numbers, but the ЕГН) headed on their side
    vert = {c for c in cols if style.vertical_heads and data.COLUMNS[c].numeric and c != "egn"}
    if style.vertical_cols:  # family W: the form's own choice of narrow columns
        vert = set(style.vertical_cols) & set(cols)
    # family L: leva and stotinki in columns of their own (a sub-column as wide as "00" for the stotinki)
    split = [j for j, c in enumerate(cols) if sheet.split_cents and (c in MONEY or c in DEDUCTION_PARTS)]
    cents_w = p.width("00") + pad if split else 0
    spill = style.two_line and "name" in cols and not (style.ruled and style.ruling in ("full", "columns"))
    nat: list[int] = []
    for c in cols:
        head_w = max(hp.width(line, hs) for line in sheet.headings[c].split("\n"))
        if c in vert:
            head_w = len(sheet.headings[c].split("\n")) * line_h
        body_w = max((p.width(cell_text(sheet, r, c)) for r in sheet.rows), default=0)
        if c == "name" and style.wrap_names:
            body_w = max((p.width(str(r["name"]).rsplit(" ", 1)[0]) for r in sheet.rows), default=0)
        if c in sheet.totals:
            body_w = max(body_w, p.width(money_text(sheet.totals[c], sheet)))
        if c == "signature":
            body_w = int(fs * 4)
        if c == "name" and sheet.egn_under_name:  # family P: the ЕГН under the name
            body_w = max([body_w] + [p.width(str(r["egn"])) for r in sheet.rows])
        if c == "egn" and style.egn_boxes:  # family N: the form's ten boxes
            body_w = 10 * _egn_box_w(p)
        if split and cols.index(c) in split:
            body_w += pad
        if spill and c == "name":  # the name runs on over the columns of the second line
            body_w = 0
        nat.append(max(head_w, body_w) + 2 * pad)
    if spill:  # ... which must hold it
        k = cols.index("name")
        m = next((i for i in range(k + 1, len(cols)) if cols[i] in FIRST_LINE), len(cols))
        need = max((p.width(str(r["name"])) for r in sheet.rows), default=0) + 3 * pad
        nat[k] += max(0, need - sum(nat[k:m]))
    groups = [(cols.index(a), cols.index(b), label) for a, b, label in sheet.groups if a in cols and b in cols]
    for a, b, label in groups:  # a group's label fits over its columns
        nat[b] += max(0, hp.width(label, hs) + 2 * pad - sum(nat[a : b + 1]))
    avail = W - 2 * mx - (style.margin or 0)
    spare = avail - sum(nat)
    if spare < 0:
        raise ValueError("table too wide")
    weights = [data.COLUMNS[c].weight * (0.4 if data.COLUMNS[c].numeric else 1.0) for c in cols]
    widths = [n + int(spare * 0.75 * w / sum(weights)) for n, w in zip(nat, weights, strict=True)]
    xs = [mx]
    for w in widths:
        xs.append(xs[-1] + w)

    head_lines = max((len(sheet.headings[c].split("\n")) for c in cols if c not in vert), default=1)
    head_h = head_lines * line_h + 2 * pad
    grouped = {j: g for g in groups for j in range(g[0], g[1] + 1)}
    band = line_h + 2 * pad if groups else 0  # the groups' labels, over their columns' headings
    if groups:
        under = max(len(sheet.headings[cols[j]].split("\n")) for j in grouped)
        head_h = max(head_h, band + under * line_h + 2 * pad)
    if vert:  # as tall as the longest heading on its side
        side = max(hp.width(line, hs) for c in vert for line in sheet.headings[c].split("\n"))
        head_h = max(head_h, side + 2 * pad)
        if any(cols.index(c) in grouped for c in vert):  # family W: on its side under a group's label too
            head_h = max(head_h, band + side + 2 * pad)
    if style.two_line or sheet.egn_under_name:
        row_h = int(fs * rng.uniform(2.7, 3.1))
    else:
        row_h = int(fs * rng.uniform(1.6, 2.0)) * (2 if style.wrap_names else 1)
    top = y
    if style.head_fill:  # family U: a spreadsheet's header cells shaded grey
        p.draw.rectangle((xs[0], top, xs[-1], top + head_h), fill=style.head_fill)
    # Header cells.
    for j, c in enumerate(cols):
        lines = sheet.headings[c].split("\n")
        if c in vert:
            hp.vertical_text(xs[j], xs[j + 1], top + head_h - pad, lines, hs)
            y_top = top + (band if j in grouped else 0)
            geo.cells.append((0, j, [xs[j], y_top, xs[j + 1], top + head_h], " ".join(lines)))
            continue
        y_top = top + (band if j in grouped else 0)
        y0 = y_top + (top + head_h - y_top - len(lines) * line_h) / 2 + line_h / 2
        for k, line in enumerate(lines):
            hp.text(xs[j] + (widths[j] - hp.width(line, hs)) / 2, y0 + k * line_h, line, hs)
        geo.cells.append((0, j, [xs[j], y_top, xs[j + 1], top + head_h], " ".join(lines)))
    for a, b, label in groups:  # the merged cell over the group
        hp.text((xs[a] + xs[b + 1] - hp.width(label, hs)) / 2, top + band / 2, label, hs)
    num_h = 0
    split_h = int(fs * 1.15) if split and style.column_numbers else 0  # family W: "лв."/"ст." over the numbers
    if style.column_numbers:  # the form's column numbers, a line of their own under the headings
        num_h = int(fs * 1.2)
        for j in range(len(cols)):
            t = str(j + 1)
            room = widths[j] - (cents_w if split_h and j in split else 0)  # W: over the leva
            hp.text(xs[j] + (room - hp.width(t, 0.8)) / 2, top + head_h + split_h + num_h / 2, t, 0.8)
    if split:  # the money's sub-headings: leva over the figure, stotinki over the two digits after it
        num_h = int(fs * 1.15) + (num_h if split_h else 0)
        y_sub = top + head_h + int(fs * 1.15) / 2
        for j in split:
            hp.text(xs[j] + (widths[j] - cents_w - hp.width("лв.", 0.8)) / 2, y_sub, "лв.", 0.8)
            hp.text(xs[j + 1] - (cents_w + hp.width("ст.", 0.8)) / 2, y_sub, "ст.", 0.8)
    yrow = top + head_h + num_h

    def put(j: int, y_mid: float, t: str) -> None:
        """A figure right-aligned in column ``j``: where the sheet splits the money, the leva before the
        stotinki's column and the stotinki in it (the decimal separator not typed)."""
        if style.raised_cents and len(t) > 3 and t[-3] in ".," and t[-2:].isdigit():  # family R: 1468⁰²
            p.raised(xs[j + 1] - pad, y_mid, t)
            return
        if j in split and len(t) > 3 and not t[-3].isdigit():
            p.text(xs[j + 1] - (cents_w + p.width(t[-2:])) / 2, y_mid, t[-2:])
            p.text(xs[j + 1] - cents_w - pad / 2 - p.width(t[:-3]), y_mid, t[:-3])
        else:
            x = xs[j + 1] - pad - p.width(t)
            if style.leaders and (cols[j] in MONEY or cols[j] in DEDUCTION_PARTS):  # family M: dots up to it
                dots = int((x - xs[j] - pad - p.width(" ")) / max(1, p.width(".")))
                if dots > 1:
                    p.text(xs[j] + pad, y_mid, "." * dots)
            p.text(x, y_mid, t)
    num_cols = {c for c in cols if data.COLUMNS[c].numeric}
    label_col = next((j for j, c in enumerate(cols) if c == "name"), 1)
    carried_h = 0
    if sheet.carried_in:  # "От пренос": the sums carried from the previous sheet
        carried_h = row_h
        p.text(
            xs[label_col] + pad,
            yrow + row_h / 2,
            sheet.carry_in_label or rng.choice(("От пренос:", "ОТ ПРЕНОС", "Пренесено:")),
        )
        for j, c in enumerate(cols):
            if c in sheet.carried_in:
                put(j, yrow + row_h / 2, money_text(sheet.carried_in[c], sheet))
        yrow += row_h
    row_edges: list[int] = []  # the bottom of every person's row (rules go there)
    late = style.corrections and style.correction_mode in ("between", "margin", "over", "fluid", "xout", "arrow")
    runs = department_runs(sheet.rows)  # family O: a heading row over each department's people
    heads, ends = {a: dept for a, _, dept in runs}, {b - 1: a for a, b, _ in runs}
    for i, r in enumerate(sheet.rows):
        if i in heads:  # the department's name typed across its heading row (no person's row)
            p.text(xs[label_col] + pad, yrow + row_h / 2, heads[i])
            yrow += row_h
            row_edges.append(yrow)
        fixed: set[str] = set()
        if late:  # which figures the clerk corrects on this row
            fixed = {
                c for c in cols if c in MONEY and cell_text(sheet, r, c)[-1:].isdigit() and rng.random() < 0.08
            }
        row_top = yrow
        if fixed and style.correction_mode == "between":
            yrow += int(fs * 1.0)  # the row typed half a line lower, the correction on the half line above
        ymid_row = yrow + row_h / 2
        for j, c in enumerate(cols):
            ymid = ymid_row
            if style.two_line:  # the row number, ЕГН and name on the first line, the rest on the second
                ymid = yrow + row_h * (0.3 if c in FIRST_LINE else 0.72)
            if sheet.egn_under_name:  # family P: every figure on the name's line, the ЕГН on the line under it
                ymid = yrow + row_h * 0.32
                if c == "name":
                    p.text(xs[j] + pad, yrow + row_h * 0.74, str(r["egn"]))
                    geo.cells.append((i + 1, j, [xs[j], yrow + row_h // 2, xs[j + 1], yrow + row_h], str(r["egn"])))
            if c == "signature" and style.paid_stamps:  # family N: the cashier stamped the rows paid
                if rng.random() < 0.85:
                    p.paid_stamp(xs[j] + pad / 2, xs[j + 1] - pad / 2, ymid, row_h)
                continue
            if c == "signature":
                if rng.random() < 0.9:
                    if style.signatures_cross and rng.random() < 0.45:
                        # a wide signature across the figure to its left and the rule below
                        sx0 = xs[j] - (xs[j] - xs[j - 1]) * rng.uniform(0.3, 0.8)
                        sy0, sy1 = yrow + row_h * 0.05, yrow + row_h * rng.uniform(0.9, 1.35)
                        p.squiggle(sx0, sy0, xs[j + 1] - pad, sy1)
                        geo.marks.append({"kind": "signature", "row": i,
                                          "polygon": rect_polygon(sx0 - 14, sy0 - 8, xs[j + 1] - pad + 14, sy1 + 8)})  # fmt: skip
                    else:
                        p.squiggle(xs[j] + pad, yrow + row_h * 0.2, xs[j + 1] - pad, yrow + row_h * 0.85)
                continue
            t = cell_text(sheet, r, c)
            if not t:
                continue
            if style.ditto and c in ("position", "days_worked") and i and t == cell_text(sheet, sheet.rows[i - 1], c):
                # family M: "the same as above" (the truth keeps the value the mark stands for)
                p.text((xs[j] + xs[j + 1] - p.width(style.ditto)) / 2, ymid, style.ditto)
                geo.cells.append((i + 1, j, [xs[j], yrow, xs[j + 1], yrow + row_h], style.ditto))
                continue
            if c == "egn" and style.egn_boxes:
                _egn_boxes(p, xs[j + 1] - pad, ymid, t)
            elif c == "name" and style.wrap_names and " " in t:
                first, last = t.rsplit(" ", 1)
                p.text(xs[j] + pad, yrow + row_h * 0.27, first)
                p.text(xs[j] + pad, yrow + row_h * 0.73, last)
            elif c in fixed and style.correction_mode == "fluid":
                # the wrong figure whited out, the right one typed on the dried patch
                x1 = xs[j + 1] - pad
                wrong = _slip(t, rng)
                p.text(x1 - p.width(wrong), ymid, wrong)
                wide = max(p.width(wrong), p.width(t))
                p.fluid(
                    x1 - wide - rng.uniform(6, 16), ymid - fs * 0.62, x1 + rng.uniform(4, 10), ymid + fs * 0.5
                )
                p.text(x1 - p.width(t) + rng.uniform(-3, 3), ymid + rng.uniform(-2, 2), t)
            elif c in fixed and style.correction_mode == "xout":
                # the wrong figure typed, cancelled with x's typed over it, the right one typed after it
                # (no room beside it: the platen turned half a line, the right one typed under it)
                x1 = xs[j + 1] - pad
                wrong = _slip(t, rng)
                xw = x1 - p.width(t) - p.width("  ") - p.width(wrong)
                y_wrong = y_right = ymid
                if xw < xs[j] + pad:
                    xw, y_wrong, y_right = x1 - p.width(wrong), ymid - row_h * 0.3, ymid + row_h * 0.28
                p.text(xw, y_wrong, wrong)
                p.overtype(xw, y_wrong, wrong, rng.choice(("x", "x", "/")))
                p.text(x1 - p.width(t), y_right, t)
            elif c in fixed and style.correction_mode == "over":
                # the right figure typed over the wrong one: the slipped digit becomes a blot of two
                x1 = xs[j + 1] - pad
                wrong = _slip(t, rng)
                if split:
                    put(j, ymid, wrong)
                    put(j, ymid, t)
                else:
                    p.text(x1 - p.width(wrong), ymid, wrong)
                    p.text(x1 - p.width(t), ymid, t)
            elif c in fixed and style.correction_mode == "arrow":
                # the wrong figure struck through, the right one written in the margin, an arrow from
                # it along the rule above the row to the struck one
                x1 = xs[j + 1] - pad
                wrong = _slip(t, rng)
                put(j, ymid, wrong)
                x0 = x1 - p.width(wrong) - (pad if j in split else 0)
                p.draw.line((x0 - 4, ymid + rng.uniform(-4, 4), x1 + 4, ymid + rng.uniform(-6, 2)), fill=70, width=3)
                x_fix = xs[-1] + 45 + rng.randint(0, 30)
                y_fix = ymid + rng.uniform(-0.35, 0.2) * row_h
                p.handwrite(x_fix, y_fix, t)
                geo.marks.append(_arrow(p, (x1 + 8, ymid - fs * 0.35), row_top + 3, (x_fix - 8, y_fix), i))
                hw = p.handwrite_width(t)
                geo.marks.append({"kind": "correction", "row": i,
                                  "polygon": rect_polygon(x_fix - 8, y_fix - fs * 0.6, x_fix + hw + 8, y_fix + fs * 0.7)})  # fmt: skip
            elif c in fixed:
                wrong = _slip(t, rng)
                x1 = xs[j + 1] - pad
                p.text(x1 - p.width(wrong), ymid, wrong)
                p.draw.line(
                    (x1 - p.width(wrong) - 4, ymid + rng.uniform(-4, 4), x1 + 4, ymid + rng.uniform(-6, 2)),
                    fill=70,
                    width=3,
                )
                if style.correction_mode == "between":
                    y_fix = row_top + (yrow - row_top) * 0.55
                    x_fix = x1 - p.width(t, 0.9) - rng.randint(0, 15)
                else:
                    y_fix = ymid
                    x_fix = xs[-1] + 25 + rng.randint(0, 30)
                if style.correction_typed:
                    p.text(x_fix, y_fix, t, 0.9)
                else:
                    p.handwrite(x_fix, y_fix, t)
            elif (
                not late
                and c in num_cols
                and style.corrections
                and c in MONEY
                and t[-1:].isdigit()
                and rng.random() < 0.08
            ):
                # the typist's slip struck through, the right figure written above by hand
                wrong = _slip(t, rng)
                x1 = xs[j + 1] - pad
                p.text(x1 - p.width(wrong), ymid + row_h * 0.12, wrong)
                p.draw.line(
                    (x1 - p.width(wrong) - 4, ymid + row_h * 0.1, x1 + 4, ymid + row_h * 0.02),
                    fill=70,
                    width=3,
                )
                p.handwrite(x1 - p.width(t, 0.8) - rng.randint(0, 20), ymid - row_h * 0.28, t)
            elif c in num_cols:
                put(j, ymid, t)
            else:
                p.text(xs[j] + pad, ymid, t)
            geo.cells.append((i + 1, j, [xs[j], yrow, xs[j + 1], yrow + row_h], t))
        geo.row_bboxes.append([xs[0], row_top, xs[-1], yrow + row_h])
        inset = style.line_width / 2 + 2
        below = (2 * style.line_width + 3) if style.doubled_ruling else 0  # the second rule runs below
        geo.row_polygons.append(
            rect_polygon(xs[0] + inset, row_top + inset + below, xs[-1] - inset - below, yrow + row_h - inset)
        )
        yrow += row_h
        row_edges.append(yrow)
        if i in ends and style.subtotals:  # the department's sums (no person's row)
            _subtotal(p, sheet, sheet.rows[ends[i] : i + 1], xs, label_col, yrow + row_h / 2, put)
            yrow += row_h
            row_edges.append(yrow)
    for _ in range(style.blank_rows):  # family M: the form's lines left empty
        yrow += row_h
        row_edges.append(yrow)
    # Totals row.
    total_h = int(fs * 1.9)
    label = (
        (sheet.carry_out_label or rng.choice(("Пренос:", "ПРЕНОС")))
        if sheet.carry_out
        else (sheet.total_label or rng.choice(("Всичко", "ВСИЧКО:", "Всичко:")))
    )
    p.text(xs[label_col] + pad, yrow + total_h / 2, label)
    geo.cells.append(
        (len(sheet.rows) + 1, label_col, [xs[label_col], yrow, xs[label_col + 1], yrow + total_h], label)
    )
    for j, c in enumerate(cols):
        if c in sheet.totals and not (c == "court" and not sheet.totals[c]):  # L: no court order this month
            t = money_text(sheet.totals[c], sheet)
            if style.totals_hand:  # the typist left the totals to the accountant's pen
                p.handwrite(xs[j + 1] - pad - p.handwrite_width(t), yrow + total_h / 2, t)
            else:
                put(j, yrow + total_h / 2, t)
            geo.cells.append((len(sheet.rows) + 1, j, [xs[j], yrow, xs[j + 1], yrow + total_h], t))
    bottom = yrow + total_h
    geo.table_bbox = [xs[0], top, xs[-1], bottom]
    if style.stamp_total and sheet.totals:  # the cashier's stamp over the totals
        radius = rng.randint(120, 165)
        j = rng.choice([j for j, c in enumerate(cols) if c in sheet.totals])
        cx = (xs[j] + xs[j + 1]) / 2 + rng.uniform(-0.3, 0.3) * radius
        cy = yrow + total_h / 2 + rng.uniform(-0.3, 0.3) * total_h
        p.stamp(cx, cy, radius, sheet.employer)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": circle_polygon(cx, cy, radius + 6)})
    if style.blue_stamp and sheet.totals:  # family P: the office's stamp in blue ink over the totals
        radius = rng.randint(130, 175)
        j = rng.choice([j for j, c in enumerate(cols) if c in sheet.totals])
        cx = (xs[j] + xs[j + 1]) / 2 + rng.uniform(-0.4, 0.4) * radius
        cy = yrow + total_h / 2 + rng.uniform(-0.4, 0.4) * radius
        _blue_stamp(p, cx, cy, radius, sheet.employer)
        geo.marks.append({"kind": "stamp", "row": None, "polygon": circle_polygon(cx, cy, radius + 8)})
    if style.between_rows:
        _between_rows(p, sheet, geo, xs, top + head_h + num_h + carried_h, row_h)
    if style.ticks:  # the clerk ticked off the rows paid, in the left margin (family O: the right)
        for i, box in enumerate(geo.row_bboxes):
            if rng.random() < 0.75:
                if style.ticks_right:
                    tx = xs[-1] + style.size * 0.4 + rng.uniform(0, 12)
                else:
                    tx = xs[0] - style.size * 1.25 - rng.uniform(0, 12)
                geo.marks.append({"kind": "tick", "row": i, "polygon": p.tick(tx, (box[1] + box[3]) / 2)})
    if style.stamp_rows and sheet.rows and rng.random() < 0.7:
        radius = rng.randint(110, 160)
        cx = rng.uniform(xs[0] + radius, xs[-1] - radius)
        cy = top + head_h + num_h + carried_h + row_h * rng.randint(1, len(sheet.rows))
        if style.stamp_rect:
            poly = p.stamp_rect(cx, cy, radius * 2.6, radius * 1.2, sheet.employer)
            geo.marks.append({"kind": "stamp", "row": None, "polygon": poly})
        else:
            p.stamp(cx, cy, radius, sheet.employer)
            geo.marks.append({"kind": "stamp", "row": None, "polygon": circle_polygon(cx, cy, radius + 6)})

    # Ruling.
    # inside a group, the rules between its columns start under its label
    inner = {k for a, b, _ in groups for k in range(a + 1, b + 1)}
    for a, b, _ in groups:
        if style.ruled:
            p.hline(xs[a], xs[b + 1], top + band)
        else:
            p.hline(xs[a] + pad, xs[b + 1] - pad, top + band)
    if style.typed_rules:  # family P: the printer's rules are characters on lines of their own
        head_mids = [top + head_h / 2 + (k - (head_lines - 1) / 2) * line_h for k in range(head_lines)]
        spans = zip([top + head_h + num_h + carried_h, *row_edges[:-1]], row_edges, strict=False)
        at = (0.32, 0.74) if sheet.egn_under_name else (0.5,)  # the printed lines of a row
        rows_mid = [a + (b - a) * k for a, b in spans for k in at]
        _typed_rules(p, xs, style.ruling, top, top + head_h, row_edges, yrow, bottom, [*head_mids, *rows_mid, yrow + total_h / 2])
    elif style.ruled and style.ruling == "head":  # only the heading boxed, and a rule over the totals
        for k, x in enumerate(xs):
            p.vline(x, top + (band if k in inner else 0), top + head_h + num_h)
        for j in split:
            p.vline(xs[j + 1] - cents_w, top + head_h, top + head_h + num_h)
        p.hline(xs[0], xs[-1], top)
        p.hline(xs[0], xs[-1], top + head_h)
        p.hline(xs[0], xs[-1], top + head_h + num_h)
        p.hline(xs[0], xs[-1], yrow)
    elif style.ruled:
        if style.ruling != "rows":
            for k, x in enumerate(xs):
                p.vline(x, top + (band if k in inner else 0), bottom)
            for j in split:
                p.vline(xs[j + 1] - cents_w, top + head_h, bottom)
        p.hline(xs[0], xs[-1], top)
        p.hline(xs[0], xs[-1], top + head_h)
        yy = top + head_h
        if split_h:  # family W: the rule between the "лв."/"ст." line and the column numbers
            p.hline(xs[0], xs[-1], yy + split_h)
        if num_h:
            yy += num_h
            p.hline(xs[0], xs[-1], yy)
        if carried_h:
            yy += carried_h
            p.hline(xs[0], xs[-1], yy)
        if style.ruling == "columns":  # half-ruled: the columns and the totals only
            p.hline(xs[0], xs[-1], row_edges[-1] if row_edges else yy)
        elif style.dotted_rows:  # dotted between the rows, solid above the totals
            for yy in row_edges[:-1]:
                p.dotted_hline(xs[0], xs[-1], yy)
            p.hline(xs[0], xs[-1], row_edges[-1] if row_edges else yy)
        else:
            for yy in row_edges:
                p.hline(xs[0], xs[-1], yy)
        p.hline(xs[0], xs[-1], bottom)
    else:  # typed sheets: a rule under the heading and above the totals only
        p.hline(xs[0], xs[-1], top - 4)
        p.hline(xs[0], xs[-1], top + head_h + num_h)
        p.hline(xs[0], xs[-1], yrow)

    # Footer: signatures and a stamp.
    fy = min(bottom + int(fs * 2.5), H - 260)
    roles = style.footer_roles or ("Съставил:", "Гл. счетоводител:", "Ръководител:")
    fx = mx
    for role in roles:
        hp.text(fx, fy, role)
        sx = fx + hp.width(role) + 20
        p.squiggle(sx, fy - fs * 0.6, sx + fs * 4, fy + fs * 0.5)
        fx += (W - 2 * mx) // 3
    if style.recap and sheet.totals:
        _recap(p, sheet, mx + rng.randint(0, 200), fy + int(fs * 1.6), H)
    if style.signatures_cross and rng.random() < 0.6:  # the head of the office signed across the totals
        j = max(1, len(cols) - rng.randint(2, 4))
        sx0, sx1 = xs[j], xs[min(len(cols), j + 2)]
        sy0, sy1 = yrow - row_h * 0.3, bottom + fs * 0.6
        p.squiggle(sx0, sy0, sx1, sy1)
        geo.marks.append(
            {"kind": "signature", "row": None, "polygon": rect_polygon(sx0 - 14, sy0 - 8, sx1 + 14, sy1 + 8)}
        )
    if rng.random() < 0.85:
        radius = rng.randint(150, 200)
        cx, cy = W - mx - radius - rng.randint(0, 300), min(fy + rng.randint(-40, 120), H - radius - 20)
        if style.stamp_below:
            cy = min(max(cy, bottom + radius + 12), H - radius - 20)
        if style.stamp_rect:
            poly = p.stamp_rect(cx, cy, radius * 2.4, radius * 1.1, sheet.employer)
            geo.marks.append({"kind": "stamp", "row": None, "polygon": poly})
        else:
            p.stamp(cx, cy, radius, sheet.employer)
            geo.marks.append({"kind": "stamp", "row": None, "polygon": circle_polygon(cx, cy, radius + 6)})
    if style.holes:
        _holes(p)
    if style.spread and len(cols) >= 4:
        img = _spread(img, geo, xs, rng)
    if style.fold and geo.row_bboxes:
        box = geo.row_bboxes[rng.randrange(len(geo.row_bboxes))]
        img = _fold(img, box[1] + (box[3] - box[1]) * rng.uniform(0.25, 0.75), rng)
    return img, geo


def _form_painter(p: Painter) -> Painter:
    """What prints the form's own words: a painter in the form's print face (family O), else ``p``."""
    if p.style.form_font is None:
        return p
    from dataclasses import replace

    printed = replace(p.style, font=p.style.form_font, typewriter=False, dot_matrix=False, worn={}, dry=None, writer=None)
    return Painter(p.img, printed, p.rng)


def _graph_paper(p: Painter) -> None:
    """Squared paper: a faint 5 mm grid over the whole sheet, every line the same (family O)."""
    W, H = p.img.size
    pitch, shade, width = 59, p.rng.randint(195, 222), p.rng.choice((1, 2))
    ox, oy = p.rng.randint(0, pitch - 1), p.rng.randint(0, pitch - 1)
    for x in range(ox, W, pitch):
        p.draw.line((x, 0, x, H), fill=shade, width=width)
    for y in range(oy, H, pitch):
        p.draw.line((0, y, W, y), fill=shade, width=width)


def _corner_stamp(p: Painter, form: Painter, x: float, y_mid: float, name: str, year: int) -> int:
    """The office's corner stamp pressed where the employer is typed elsewhere (family O): a frame, the
    state above (not every stamp), the employer's name whole on a line of its own, the form's "Изх. №"
    and date lines; in the stamp pad's ink, unevenly, turned a little. Returns the y the header goes on at."""
    size = int(p.style.size * 1.05)
    f = face_at(str(form.style.font), size)
    lines = [name, "Изх. № ...........", "........... 19.... г."]
    if p.rng.random() < 0.5:
        lines.insert(0, "НРБ" if year <= 1990 else "Република България")
    lh = int(size * 1.45)
    w = int(max(f.getlength(t) for t in lines)) + 60
    h = lh * len(lines) + 30
    layer = Image.new("L", (w + 10, h + 10), 0)
    d = ImageDraw.Draw(layer)
    d.rectangle((5, 5, 5 + w, 5 + h), outline=255, width=4)
    for k, t in enumerate(lines):
        d.text((5 + (w - f.getlength(t)) / 2, 20 + k * lh), t, font=f, fill=255)
    turned = layer.rotate(p.rng.uniform(-1.5, 1.5), resample=Image.Resampling.BILINEAR, expand=True)
    press = np.asarray(turned, dtype=np.float32) * p.rng.uniform(0.7, 1.0)
    press *= np.linspace(p.rng.uniform(0.6, 1.0), p.rng.uniform(0.6, 1.0), press.shape[1])[None, :]
    top = int(y_mid - size * 0.9)
    p.img.paste(p.rng.randint(60, 120), (int(x), top), Image.fromarray(press.astype(np.uint8)))
    return top + turned.height - int(size * 0.6)


def _form_period(p: Painter, form: Painter, x: float | None, y_mid: float, month: str, year: int) -> None:
    """The period on a printed form's line: "за месец" and "19" and "г." printed, the month and the year's
    last two digits typed over dotted lines (family O); centred unless ``x`` is given."""
    fs = p.style.size
    parts = [("за месец", False), (month, True), ("19", False), (f"{year % 100:02d}", True), ("г.", False)]
    gap = form.width(" ")
    widths = [max(p.width(t) + fs * 2, fs * 4) if typed else form.width(t) for t, typed in parts]
    total = sum(widths) + gap * (len(parts) - 1)
    cx = x if x is not None else (p.img.width - total) / 2
    for (t, typed), w in zip(parts, widths, strict=True):
        if typed:
            form.dotted_hline(cx, cx + w, y_mid + fs * 0.45)
            p.text(cx + (w - p.width(t)) / 2, y_mid, t)
        else:
            form.text(cx, y_mid, t)
        cx += w + gap


def _subtotal(
    p: Painter, sheet: SheetContent, group: list[dict[str, object]], xs: list[int], label_col: int,
    y_mid: float, put: Callable[[int, float, str], None],
) -> None:
    """A department's subtotal row (family O): its words, and each money column's sum over its people."""
    from decimal import Decimal

    p.text(xs[label_col] + int(p.style.size * 0.45), y_mid, sheet.subtotal_label)
    for j, c in enumerate(sheet.layout):
        if c in sheet.totals:
            total = sum((v for r in group if isinstance(v := r.get(c), Decimal)), Decimal(0))
            put(j, y_mid, money_text(total, sheet))


def _spread(img: Image.Image, geo: Geometry, xs: list[int], rng: random.Random) -> Image.Image:
    """A bound book's two facing pages scanned as one image (family O): the table runs on across the
    gutter, which opens between the two columns nearest the middle (each page keeps that column rule), a
    shadow down it, the right page a shade darker. The truth's boxes and marks move with their page."""
    W, H = img.size
    k = min(range(2, len(xs) - 2), key=lambda j: abs(xs[j] - W / 2))
    xb, half, w = xs[k], rng.randint(70, 100), 6
    out = Image.new("L", (W, H), 255)
    out.paste(img.crop((0, 0, xb + w, H)), (-half, 0))
    out.paste(img.crop((xb - w, 0, W, H)), (xb - w + half, 0))

    def mv(x: float) -> float:
        return x - half if x < xb else x + half

    for box in [*geo.row_bboxes, geo.table_bbox]:
        if box:
            box[0], box[2] = int(mv(box[0])), int(mv(box[2]))
    geo.row_polygons = [[[mv(x), y] for x, y in poly] for poly in geo.row_polygons]
    for mark in geo.marks:
        mark["polygon"] = [[mv(x), y] for x, y in mark["polygon"]]  # type: ignore[attr-defined]
    geo.cells = [(r, c, [int(mv(b[0])), b[1], int(mv(b[2])), b[3]], t) for r, c, b, t in geo.cells]
    a = np.asarray(out, dtype=np.float32)
    xx = np.arange(W, dtype=np.float32) - xb
    shade = 1.0 - rng.uniform(0.3, 0.55) * np.exp(-(xx**2) / (2 * rng.uniform(22, 40) ** 2))
    shade *= np.where(xx > 0, rng.uniform(0.94, 0.99), 1.0).astype(np.float32)
    return Image.fromarray(np.rint(a * shade[None, :]).clip(0, 255).astype(np.uint8))


def _egn_box_w(p: Painter) -> int:
    """The width of one of the ЕГН's boxes on a printed form (family N)."""
    return max(p.width(d) for d in "0123456789") + int(p.style.size * 0.35)


def _egn_boxes(p: Painter, x1: float, y_mid: float, egn: str) -> None:
    """The ЕГН typed one digit a box in the form's ten boxes ending at ``x1`` (printed in the rules' ink)."""
    bw = _egn_box_w(p)
    x0, h = x1 - 10 * bw, p.style.size * 1.25
    top, bottom = y_mid - h * 0.55, y_mid + h * 0.45
    ink = p.style.rule_ink
    p.draw.line((x0, bottom, x1, bottom), fill=ink, width=2)
    p.draw.line((x0, top, x1, top), fill=ink, width=2)
    for k in range(11):
        p.draw.line((x0 + k * bw, top, x0 + k * bw, bottom), fill=ink, width=2)
    for k, d in enumerate(egn):
        p.text(x0 + k * bw + (bw - p.width(d)) / 2, y_mid, d)


def _holes(p: Painter) -> None:
    """Two holes punched for the file's binder, 80 mm apart, 12 mm in from the left edge (the top edge
    of a landscape sheet): the dark of what lay under the sheet shows through them."""
    W, H = p.img.size
    r, inset = p.rng.randint(33, 37), p.rng.randint(130, 150)
    for k in (-1, 1):
        along = (H if W < H else W) / 2 + k * 472 + p.rng.uniform(-6, 6)
        cx, cy = (inset, along) if W < H else (along, inset)
        p.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=p.rng.randint(25, 80), outline=150, width=2)


def _fold(img: Image.Image, y: float, rng: random.Random) -> Image.Image:
    """The sheet was folded across at ``y`` (through a row): a crease line and its shadow on one side,
    a little slanted."""
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    slope = rng.uniform(-0.012, 0.012)
    yy, xx = np.mgrid[0:h, 0:w]
    d = (yy - (y + slope * (xx - w / 2))).astype(np.float32)
    side = rng.choice((-1, 1))
    shade = 1.0 - rng.uniform(0.08, 0.16) * np.exp(-((side * d - 10) ** 2) / 90.0) * (side * d > 0)
    crease = 1.0 - rng.uniform(0.25, 0.4) * np.exp(-(d**2) / 2.0)
    return Image.fromarray((a * shade * crease).clip(0, 255).astype(np.uint8))


RECAP_LINES = (
    ("base_pay", "Основна заплата"), ("extra_pay", "Премии"), ("gross_pay", "Всичко начислено"),
    ("deductions", "Удръжки"), ("net_pay", "За изплащане"),
)  # fmt: skip


def _recap(p: Painter, sheet: SheetContent, x0: float, y0: float, height: int) -> None:
    """Family M: a second table under the first, "Рекапитулация": the month's sums by kind on lines of
    their own (no person's row; the truth is the first table's), ruled; left out where the page ends."""
    fs, pad = p.style.size, int(p.style.size * 0.45)
    lines = [(label, money_text(sheet.totals[f], sheet)) for f, label in RECAP_LINES if f in sheet.totals]
    lines.insert(0, ("Рекапитулация", "Сума"))
    h = int(fs * 1.6)
    if y0 + h * len(lines) > height - 60:
        return
    w0 = max(p.width(a) for a, _ in lines) + 2 * pad
    w1 = max(p.width(b) for _, b in lines) + 2 * pad
    for k, (a, b) in enumerate(lines):
        y = y0 + k * h
        p.text(x0 + pad, y + h / 2, a)
        p.text(x0 + w0 + w1 - pad - p.width(b), y + h / 2, b)
        p.hline(x0, x0 + w0 + w1, y)
    p.hline(x0, x0 + w0 + w1, y0 + h * len(lines))
    for x in (x0, x0 + w0, x0 + w0 + w1):
        p.vline(x, y0, y0 + h * len(lines))


def _arrow(
    p: Painter, tip: tuple[float, float], y_rule: float, tail: tuple[float, float], row: int
) -> dict[str, object]:
    """A ballpoint arrow from a figure written in the margin (``tail``) along the rule above its row
    (``y_rule``) down to the struck figure (``tip``); returns it as a correction mark of ``row``."""
    g, w = p.rng.randint(60, 110), p.rng.randint(2, 3)
    pts = [tail, (tail[0] - 20, y_rule), (tip[0] + 14, y_rule), tip]
    pts = [(x + p.rng.uniform(-2, 2), y + p.rng.uniform(-2, 2)) for x, y in pts]
    p.draw.line(pts, fill=g, width=w, joint="curve")
    dx, dy = pts[3][0] - pts[2][0], pts[3][1] - pts[2][1]
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    for sign in (-1, 1):  # the arrow's head
        hx = pts[3][0] - 16 * ux + sign * 9 * uy
        hy = pts[3][1] - 16 * uy - sign * 9 * ux
        p.draw.line((pts[3], (hx, hy)), fill=g, width=w)
    xs_, ys_ = [q[0] for q in pts], [q[1] for q in pts]
    return {"kind": "correction", "row": row, "polygon": rect_polygon(min(xs_) - 10, min(ys_) - 10, max(xs_) + 10, max(ys_) + 10)}


def _between_rows(
    p: Painter, sheet: SheetContent, geo: Geometry, xs: list[int], first_top: int, row_h: int
) -> None:
    """Corrections a clerk wrote across the rule under a row (the right figure of that row, in the gap
    where there was room): the writing belongs to the row above but lies on both."""
    cols = list(sheet.layout)
    money_cols = [j for j, c in enumerate(cols) if c in MONEY]
    pad = int(p.style.size * 0.45)
    for i, r in enumerate(sheet.rows[:-1]):
        if not money_cols or p.rng.random() >= 0.35:
            continue
        # in the empty left of a figure cell, clear of the typed figures above and below
        fits = []
        for j in money_cols:
            t = cell_text(sheet, r, cols[j])
            typed = max(p.width(cell_text(sheet, sheet.rows[k], cols[j])) for k in (i, i + 1))
            room = (xs[j + 1] - pad - typed) - (xs[j] + pad) - (p.handwrite_width(t) + 24)
            if t and room >= 0:
                fits.append((j, t, room))
        if not fits:
            continue
        j, t, room = p.rng.choice(fits)
        f = p.style.size * 0.8
        width = p.handwrite_width(t)
        x = xs[j] + pad + p.rng.randint(0, int(room))
        y_mid = first_top + (i + 1) * row_h + p.rng.uniform(-0.1, 0.1) * row_h
        p.handwrite(x, y_mid, t)
        geo.marks.append(
            {"kind": "correction", "row": i,
             "polygon": rect_polygon(x - 6, y_mid - 0.45 * p.style.size - 8, x + width + 8, y_mid - 0.45 * p.style.size + f * 1.25 + 8)}
        )  # fmt: skip


def _fanfold(p: Painter) -> int:
    """Family P: fanfold (continuous) paper: a tractor strip down each edge (round feed holes every half
    inch, a perforation inside it), the pages' perforation across near the top and bottom, grey bands (the
    green of the paper in a grey scan) under the lines. Returns the width the strips take from the margins."""
    W, H = p.img.size
    strip = p.rng.randint(145, 165)
    band_h = p.rng.choice((150, 100))  # half an inch, or a third: three or two lines of print
    shade = p.rng.randint(232, 244)
    y = p.rng.randint(0, band_h)
    while y < H:
        p.draw.rectangle((strip + 12, y, W - strip - 12, y + band_h - 1), fill=shade)
        y += 2 * band_h
    r = p.rng.randint(20, 25)
    hole_ink = p.rng.randint(60, 170)  # what lay under the sheet shows through the holes
    y0 = p.rng.uniform(20, 150)
    for cx in (strip / 2, W - strip / 2):
        yh = y0
        while yh < H:
            p.draw.ellipse((cx - r, yh - r, cx + r, yh + r), fill=hole_ink, outline=max(0, hole_ink - 40), width=2)
            yh += 150
    for x in (strip, W - strip):  # the strips' perforations: short cuts down the page
        for y in range(p.rng.randint(0, 12), H, 18):
            p.draw.line((x, y, x, y + 9), fill=150, width=2)
    for y in (p.rng.randint(30, 70), H - p.rng.randint(30, 70)):  # the pages' tear lines across
        for x in range(p.rng.randint(0, 14), W, 22):
            p.draw.line((x, y, x + 11, y), fill=160, width=2)
    return strip


def _typed_rules(
    p: Painter, xs: list[int], ruling: str, top: int, head_bottom: int, row_edges: list[int], totals_top: int,
    bottom: int, line_mids: list[float],
) -> None:
    """Family P: a printer's rules: lines of dashes across the table (over and under the heading, between the
    rows where the ruling has them, "=" over the totals, dashes under them) and "!" at every column's edge on
    every printed line (none where the ruling is "rows")."""
    width = xs[-1] - xs[0]

    def across(y: float, ch: str) -> None:
        n = max(1, math.ceil(width / max(1, p.width(ch))))
        p.text(xs[0], y, ch * n)

    across(top, "-")
    across(head_bottom, "-")
    if ruling in ("full", "rows"):
        for y in row_edges[:-1]:
            across(y, "-")
    across(totals_top, "=")
    across(bottom, "-")
    if ruling == "rows":
        return
    bar = p.width("!")
    for ym in line_mids:
        for x in xs:
            p.text(x - bar / 2, ym, "!")


def _blue_stamp(p: Painter, cx: float, cy: float, r: float, text: str) -> None:
    """Family P: a round stamp in blue (violet) ink over the totals: in a grey scan lighter than the print,
    its two rings and the employer round the rim, pressed unevenly (one side fainter), turned."""
    size = int(2 * r + 40)
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    c = size / 2
    d.ellipse((c - r, c - r, c + r, c + r), outline=255, width=6)
    d.ellipse((c - r * 0.7, c - r * 0.7, c + r * 0.7, c + r * 0.7), outline=255, width=3)
    f = face_at(str(p.style.font), max(14, int(r * 0.19)))
    chars = text.upper()[:34]
    for i, ch in enumerate(chars):
        ang = -math.pi + 2 * math.pi * i / max(len(chars), 1)
        d.text((c + r * 0.85 * math.cos(ang) - 7, c + r * 0.85 * math.sin(ang) - 10), ch, font=f, fill=255)
    word = p.rng.choice(("ЗА ЗАПЛАТИ", "СЧЕТОВОДСТВО", "КАСА"))
    d.text((c - f.getlength(word) / 2, c - r * 0.12), word, font=f, fill=255)
    turned = layer.rotate(p.rng.uniform(0, 360), resample=Image.Resampling.BILINEAR)
    a = np.asarray(turned, dtype=np.float32) / 255.0
    ramp = np.linspace(p.rng.uniform(0.35, 0.7), 1.0, size, dtype=np.float32)
    a *= ramp[None, :] if p.rng.random() < 0.5 else ramp[:, None]
    under = np.asarray(p.img.crop((int(cx - c), int(cy - c), int(cx - c) + size, int(cy - c) + size)), dtype=np.float32)
    ink = p.rng.uniform(135, 170)  # blue ink: lighter than the ribbon's black in grey
    out = under * (1 - a * 0.85) + np.minimum(under, ink) * (a * 0.85)
    p.img.paste(Image.fromarray(out.clip(0, 255).astype(np.uint8)), (int(cx - c), int(cy - c)))
