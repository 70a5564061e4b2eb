"""Synthetic payroll sheets with their ground truth: `archive samples` and the demo.

Each page is `page-NNNN.png` (300 dpi unless the 200-dpi case is on) and `page-NNNN.json` in
payroll-page/1 (the truth). `batches.json` groups the pages into employers' files (дела), the way
they are ingested. The same seed gives the same pages.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from archive_core.errors import UsageError
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import MONEY_FIELDS, PayrollPage, PayrollRow

from . import (
    degrade,
    families,
    family_aa,
    family_ab,
    family_ac,
    family_ad,
    family_ae,
    family_af,
    family_ag,
    family_ah,
    family_ai,
    family_aj,
    family_ak,
    family_al,
    family_am,
    family_an,
    family_ao,
    family_ap,
    family_aq,
    family_ar,
    family_as,
    family_at,
    family_q,
    family_r,
    family_s,
    family_t,
    family_u,
    family_v,
    family_w,
    family_x,
    family_y,
    family_z,
)
from .content import EmployerFile, SheetContent, carried_pages, make_file, make_sheet, split_carried
from .render import Geometry, Style, available_fonts, render

# The harder cases of the table-reading issue, each a switch.
HARD_CASES = (
    "unruled",  # every table typed without ruling
    "broken_ruling",  # ruling with gaps
    "doubled_ruling",  # ruling drawn twice, slightly offset
    "wrap_names",  # names wrapping onto two lines
    "dash_zero",  # '-' printed for zero amounts
    "thousands",  # thousands separated by a space
    "carbon",  # faded carbon copies
    "dpi200",  # scanned at 200 dpi
    "rotate",  # pages fed at 90 or 180 degrees
    "corrections",  # handwritten corrections over typed figures
    "carried",  # a month on two sheets: "Пренос" at the foot of one, "От пренос" at the head of the next
    "two_sheets",  # two such sheets (A5) side by side on one landscape scan
    "warp",  # the sheet bent on the scanner glass: rows curve across the page
    "between_rows",  # corrections written across the rule between two rows
    "stamp_rows",  # a stamp pressed across rows of the table
)


@dataclass
class Options:
    degraded: bool = True
    hard: frozenset[str] = field(default_factory=frozenset)
    unruled_share: float = 0.3
    family: str = "A"  # samples/families.py; "mixed" draws B, C or D per employer's file

    def __post_init__(self) -> None:
        if self.family not in (*families.FAMILIES, "mixed"):
            raise UsageError(
                f"непознато семейство листове: {self.family} (възможни: {', '.join(families.FAMILIES)}, mixed)"
            )
        unknown = set(self.hard) - set(HARD_CASES)
        if unknown:
            raise UsageError(
                f"непознат труден случай: {', '.join(sorted(unknown))} (възможни: {', '.join(HARD_CASES)})"
            )


def _int_points(points: list[list[float]]) -> list[list[int]]:
    return [[int(round(x)), int(round(y))] for x, y in points]


def truth_of(sheet: SheetContent, geo: Geometry, image_name: str) -> PayrollPage:
    """The page's truth. On a sheet that says so (``egn_printed_only``: families S, AE, AF, AG, AH, AI, AJ and AK) the ЕГН stays with the person in
    the sheet's rows (the generator keys its people's items by it) but is no truth where the layout prints none (no
    ЕГН column, none under the name: AE dev 23001 p6-8, its first layout): nobody can read it there."""
    rows = []
    polys: list[list[list[float]] | None] = list(geo.row_polygons) or [None] * len(geo.row_bboxes)
    unprinted = sheet.egn_printed_only and "egn" not in sheet.layout and not sheet.egn_under_name
    for r, box, poly in zip(sheet.rows, geo.row_bboxes, polys, strict=True):
        vals = {k: (f"{v:.2f}" if isinstance(v, Decimal) else v) for k, v in r.items()}
        if unprinted:
            vals["egn"] = None
        rows.append(
            PayrollRow.model_validate({**vals, "bbox": box, "polygon": _int_points(poly) if poly else None})
        )
    marks = [{**m, "polygon": _int_points(m["polygon"])} for m in geo.marks]  # type: ignore[arg-type]
    return PayrollPage.model_validate(
        {
            "image": image_name,
            "employer": {"name": sheet.employer},
            "period": {"year": sheet.year, "month": sheet.month},
            "sheet": sheet.sheet,
            "rows": [r.model_dump() for r in rows],
            "totals": {k: f"{v:.2f}" for k, v in sheet.totals.items() if k in MONEY_FIELDS},
            "marks": marks or None,
        }
    )


def _style(rng: random.Random, sheet: SheetContent, opts: Options, fonts: list[tuple[Path, bool]]) -> Style:
    font, typewriter = rng.choice(fonts)
    wide = len(sheet.layout) >= 9
    ruled = rng.random() >= opts.unruled_share and "unruled" not in opts.hard
    return Style(
        font=font,
        typewriter=typewriter,
        size=rng.randint(40, 48),
        ruled=ruled,
        landscape=wide or rng.random() < 0.4,
        ink=rng.randint(10, 45),
        line_width=rng.randint(2, 4),
        broken_ruling=ruled and "broken_ruling" in opts.hard and rng.random() < 0.6,
        doubled_ruling=ruled and "doubled_ruling" in opts.hard and rng.random() < 0.4,
        wrap_names="wrap_names" in opts.hard and rng.random() < 0.5,
        corrections="corrections" in opts.hard,
        between_rows="between_rows" in opts.hard,
        stamp_rows="stamp_rows" in opts.hard,
    )


def _render_fitting(sheet: SheetContent, style: Style, rng: random.Random) -> tuple[Image.Image, Geometry]:
    """Shrink the type until the table fits the page (as a typist would pick a smaller ball)."""
    while True:
        try:
            img, geo = render(sheet, style, rng)
        except ValueError:
            img, geo = None, None
        if img is not None and geo is not None and geo.table_bbox[3] < geo.height - 330:
            return img, geo
        if style.size <= 28:
            if not style.landscape:
                style.landscape, style.size = True, 40
                continue
            raise UsageError("листът не се побира на страницата")
        style.size -= 3


def degrade_page(
    img: Image.Image,
    rng: random.Random,
    opts: Options,
    np_rng: np.random.Generator,
    *,
    carbon: bool = False,
    ghost: bool = False,
    through: bool = False,
    photo: bool = False,
    copy: bool = False,
    stain: bool = False,
    torn: bool = False,
    soft: bool = False,
    phone: bool = False,
    curl: bool = False,
    r: family_r.RHabits | None = None,
    t: family_t.THabits | None = None,
    u: family_u.UPage | None = None,
    v: family_v.VPage | None = None,
    w: family_w.WPage | None = None,
    x: family_x.XPage | None = None,
    y: family_y.YPage | None = None,
    z: family_z.ZPage | None = None,
    aa: family_aa.AAPage | None = None,
    ab: family_ab.ABPage | None = None,
    ac: family_ac.ACPage | None = None,
    ad: family_ad.ADPage | None = None,
    ae: family_ae.AEPage | None = None,
    af: family_af.AFPage | None = None,
    ag: family_ag.AGPage | None = None,
    ah: family_ah.AHPage | None = None,
    ai: family_ai.AIPage | None = None,
    aj: family_aj.AJPage | None = None,
    ak: family_ak.AKPage | None = None,
    al: family_al.ALPage | None = None,
    am: family_am.AMPage | None = None,
    an: family_an.ANPage | None = None,
    ao: family_ao.AOPage | None = None,
    ap: family_ap.APPage | None = None,
    aq: family_aq.AQPage | None = None,
    ar: family_ar.ARPage | None = None,
    as_: family_as.ASPage | None = None,
    at: family_at.ATPage | None = None,
) -> tuple[np.ndarray, degrade.Affine, int, np.ndarray | None]:
    """The scanned page, the affine map of its geometry, its dpi and the bending (vertical shift per
    column, applied before the affine map; None when the sheet lay flat). ``carbon``: the file is kept
    as carbon copies (family E), as the ``carbon`` hard case; ``ghost``: the carbon slipped (family K);
    ``through``: the back of the sheet shows through, ``photo``: photographed at an angle, not scanned
    (family N: the map is then a 3x3 homography); ``copy``: the file keeps a photocopy, ``stain``: a
    coffee cup's ring, ``torn``: a bottom corner torn off (family O); ``soft``: scanned out of focus (family P);
    ``r``: family R's water stain and mended tear on the paper and its capture (microfilm, black and white);
    ``t``: family T's paper (samples/family_t.py); ``u``: family U's page: its printer, the fax, the thermal paper,
    the staple, how it was fed to the scanner (samples/family_u.py); ``v``: family V's page: its paper, store room
    and colour scan (samples/family_v.py: the image returned is RGB); ``w``: family W's page: its layers (the
    carbon's typing, the pen, the foliation), the copy and the overhead scanner (samples/family_w.py: RGB or grey);
    ``x``: family X's page: the duplicator's copy, scanned or photographed by a phone (samples/family_x.py: RGB or
    grey; a photograph's map is 3x3); ``y``: family Y's page: the pen's layer, what lies over the sheet, the fold,
    the plastic sleeve, scanned or photographed (samples/family_y.py: RGB or grey; a photograph's map is 3x3); ``z``: family
    Z's page: the red half of the ribbon, the form's ink, the pen, through a production scanner (samples/family_z.py:
    bitonal or grey); ``aa``: family AA's page: the listing's paper, filmed onto microfiche and read on a
    reader-printer or copied and scanned (samples/family_aa.py: grey); ``ab``: family AB's page: the daisy wheel's sheet
    filmed onto 16 mm roll film and scanned from it (samples/family_ab.py: grey or bitonal); ``ac``: family AC's page:
    the typed original through its generations of photocopy, certified, and scanned (samples/family_ac.py: grey); ``ad``:
    family AD's page: the typing and the pen on acidic paper gone brittle, broken and taped, scanned in colour on an A3
    flatbed (samples/family_ad.py: RGB); ``ae``: family AE's page: the electric typewriter's sheet through the
    archive's flood (tide lines, run inks, mould, cockles, pages stuck and torn apart) scanned on a flatbed
    (samples/family_ae.py: RGB or grey, the cockling as the bend); ``af``: family AF's page: the spirit-duplicator
    copy in violet dye, folded and punched, through a sheet-fed scanner with JPEG artefacts (samples/family_af.py:
    RGB, 200 or 300 dpi); ``ag``: family AG's page: the typed sheet burned in the archive's fire, photographed on a
    copy stand beside a ruler and a colour chart (samples/family_ag.py: RGB, 200, 240 or 300 dpi); ``ah``: family AH's
    page: a ship's crew payroll torn in pieces and mended with yellowed tape, on a flatbed (samples/family_ah.py: 16
    levels of grey at 200 or 300 dpi, or bitonal dithered at 300); ``ai``: family AI's page: a design office's payroll
    lettered on tracing paper, kept as its diazo copy, on a flatbed (samples/family_ai.py: colour at 200 dpi or grey at
    300); ``aj``: family AJ's page: a hotel's typed payroll checked in pencil, gnawed by mice and bored by insects, on a
    flatbed (samples/family_aj.py: colour at 200 dpi or grey at 300); ``ak``: family AK's page: a co-operative's
    dot-matrix printout, headless after a month's first page, photographed on a desk by a phone under a lamp with the
    hand's shadow (samples/family_ak.py: RGB at about 200 dpi, JPEG-compressed); ``al``: family AL's page: a works'
    typed two-section payroll the consulting clerks marked with a highlighter and pencil, on a flatbed
    (samples/family_al.py: grey at 300 dpi or colour at 200); ``am``: family AM's page: an institution's typed payroll
    with its supplementary rows, faded by the light where it lay exposed, on a flatbed (samples/family_am.py); ``an``:
    family AN's page: a works' carbon copy of its payroll with the sick-leave benefits, scanned with the next sheet
    showing through (samples/family_an.py); ``ao``: family AO's page: an upright sheet typed in two parts one under the
    other, crumpled and flattened, on a flatbed (samples/family_ao.py); ``ap``: family AP's page: a month typed on a printed
    form whose grid the typing does not match, on a flatbed (samples/family_ap.py); ``aq``: family AQ's page: a computing
    centre's line-printer printout by kinds of payment on fanfold paper, on an A3 flatbed (samples/family_aq.py); ``ar``:
    family AR's page: an A3 sheet snaked in two blocks side by side, scanned in two passes on an A4 flatbed and joined
    (samples/family_ar.py); ``as_``: family AS's page: a typed sheet with an adding machine's tapes stapled on beside the
    table, on a flatbed (samples/family_as.py); ``at``: family AT's page: a table typed on two upright sheets joined side
    by side (glued, taped or laid loose), on an A3 flatbed (samples/family_at.py)."""
    a = np.asarray(img, dtype=np.float32)
    if at is not None:  # family AT: the two sheets joined, scanned together
        if not opts.degraded:
            return degrade.to_uint8(family_at.flat(a, at)), degrade.identity(), 300, None
        return family_at.scan(a, at, np_rng)
    if as_ is not None:  # family AS: the sheet with its tapes, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_as.flat(a, as_)), degrade.identity(), 300, None
        return family_as.scan(a, as_, np_rng)
    if ar is not None:  # family AR: the sheet, scanned in two passes and joined
        if not opts.degraded:
            return degrade.to_uint8(family_ar.flat(a, ar)), degrade.identity(), 300, None
        return family_ar.scan(a, ar, np_rng)
    if aq is not None:  # family AQ: the printout, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_aq.flat(a, aq)), degrade.identity(), 300, None
        return family_aq.scan(a, aq, np_rng)
    if ap is not None:  # family AP: the typed form, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_ap.flat(a, ap)), degrade.identity(), 300, None
        return family_ap.scan(a, ap, np_rng)
    if ao is not None:  # family AO: the crumpled and flattened sheet, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_ao.flat(a, ao)), degrade.identity(), 300, None
        return family_ao.scan(a, ao, np_rng)
    if an is not None:  # family AN: the carbon copy on thin paper, the sheet beneath showing through, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_an.flat(a, an)), degrade.identity(), 300, None
        return family_an.scan(a, an, np_rng)
    if am is not None:  # family AM: the institution's sheet, part of it faded by the light, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_am.flat(a, am)), degrade.identity(), 300, None
        return family_am.scan(a, am, np_rng)
    if al is not None:  # family AL: the works' two-section sheet, highlighted and pencilled, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_al.flat(a, al)), degrade.identity(), 300, None
        return family_al.scan(a, al, np_rng)
    if ak is not None:  # family AK: the co-operative's dot-matrix printout, photographed on a desk by a phone
        if not opts.degraded:
            return degrade.to_uint8(family_ak.flat(a, ak)), degrade.identity(), 300, None
        return family_ak.scan(a, ak, np_rng)
    if aj is not None:  # family AJ: the hotel's sheet the mice and insects got at, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_aj.flat(a, aj)), degrade.identity(), 300, None
        return family_aj.scan(a, aj, np_rng)
    if ai is not None:  # family AI: the tracing paper's diazo copy, scanned
        if not opts.degraded:
            return degrade.to_uint8(family_ai.flat(a, ai)), degrade.identity(), 300, None
        return family_ai.scan(a, ai, np_rng)
    if ah is not None:  # family AH: a ship's crew payroll, torn, taped and scanned
        if not opts.degraded:
            return degrade.to_uint8(family_ah.flat(a, ah)), degrade.identity(), 300, None
        return family_ah.scan(a, ah, np_rng)
    if ag is not None:  # family AG: a state enterprise's cash payroll, burned and photographed
        if not opts.degraded:
            return degrade.to_uint8(family_ag.flat(a, ag)), degrade.identity(), 300, None
        return family_ag.scan(a, ag, np_rng)
    if af is not None:  # family AF: a culture or education institution's payroll, a ditto copy
        if not opts.degraded:
            return degrade.to_uint8(family_af.flat(a, af)), degrade.identity(), 300, None
        return family_af.scan(a, af, np_rng)
    if ae is not None:  # family AE: a shift-working employer's hours and pay, its boxes flooded
        if not opts.degraded:
            return degrade.to_uint8(family_ae.flat(a, ae)), degrade.identity(), 300, None
        return family_ae.scan(a, ae, np_rng)
    if ad is not None:  # family AD: a Rhodope or north-east works' typed payroll, its people renamed and restored
        if not opts.degraded:
            return degrade.to_uint8(family_ad.flat(a, ad)), degrade.identity(), 300, None
        arr_ad, m_ad, dpi_ad = family_ad.scan(a, ad, np_rng)
        return arr_ad, m_ad, dpi_ad, None
    if ac is not None:  # family AC: a seasonal workers' piece-rate payroll, a certified photocopy of a copy
        if not opts.degraded:
            return degrade.to_uint8(family_ac.flat(a, ac)), degrade.identity(), 300, None
        arr_ac, m_ac, dpi_ac = family_ac.scan(a, ac, np_rng)
        return arr_ac, m_ac, dpi_ac, None
    if ab is not None:  # family AB: a state institution's daisy-wheel payroll on roll microfilm
        if not opts.degraded:
            return degrade.to_uint8(family_ab.flat(a, ab)), degrade.identity(), 200, None
        arr_ab, m_ab, dpi_ab = family_ab.scan(a, ab, np_rng)
        return arr_ab, m_ab, dpi_ab, None
    if aa is not None:  # family AA: a computing centre's line-printer listing on microfiche
        if not opts.degraded:
            return degrade.to_uint8(family_aa.flat(a, aa)), degrade.identity(), 200, None
        arr_aa, m_aa, dpi_aa = family_aa.scan(a, aa, np_rng)
        return arr_aa, m_aa, dpi_aa, None
    if z is not None:  # family Z: the machine-accounting station's form through a sheet-fed production scanner
        if not opts.degraded:
            return degrade.to_uint8(family_z.flat(a, z)), degrade.identity(), 200, None
        arr_z, m_z, dpi_z = family_z.scan(a, z, np_rng)
        return arr_z, m_z, dpi_z, None
    if y is not None:  # family Y: an A3 sheet folded in four, in a plastic sleeve, scanned or photographed
        if not opts.degraded:
            return degrade.to_uint8(family_y.flat(a, y)), degrade.identity(), 200, None
        arr_y, m_y, dpi_y = family_y.scan(a, y, np_rng)
        return arr_y, m_y, dpi_y, None
    if x is not None:  # family X: the duplicator's copy of a stencil, scanned or photographed
        if not opts.degraded:
            return degrade.to_uint8(family_x.flat(a)), degrade.identity(), 300, None
        arr_x, m_x, dpi_x = family_x.scan(a, x, np_rng)
        return arr_x, m_x, dpi_x, None
    if w is not None:  # family W: the carbon copy on onionskin, on an overhead book scanner
        if not opts.degraded:
            return degrade.to_uint8(family_w.flat(a, w)), degrade.identity(), 300, None
        arr_w, m_w, dpi_w, bend_w = family_w.scan(a, w, np_rng)
        return arr_w, m_w, dpi_w, bend_w
    if v is not None and opts.degraded:  # family V: its own paper and damage, scanned in colour
        rgb, m_v, dpi_v = family_v.scan(a, v, np_rng)
        return rgb, m_v, dpi_v, None
    if ghost and opts.degraded:
        a = degrade.ghost(a, rng)
    if through and opts.degraded:
        a = degrade.show_through(a, rng)
    if copy and opts.degraded:
        a = degrade.photocopy(a, rng)
    if stain and opts.degraded and rng.random() < 0.6:  # not every sheet of the file under the cup
        a = degrade.coffee_stain(a, rng)
    if torn and opts.degraded and rng.random() < 0.6:
        a = degrade.torn_corner(a, rng, rng.uniform(40, 110))
    if r is not None and opts.degraded:  # family R: the water stain, the mended tear
        a = family_r.on_paper(a, r, rng)
    if t is not None and opts.degraded:  # family T: its paper
        a = family_t.on_paper(a, t, rng)
    m = degrade.identity()
    dpi = 300
    bend = None
    if not opts.degraded:
        return degrade.to_uint8(a), m, dpi, bend
    if u is not None:  # family U: the printer, the fax and its thermal paper, the staple
        a, m = family_u.before_scan(a, u, rng)
    elif (carbon or "carbon" in opts.hard) and rng.random() < (0.8 if carbon else 0.5):
        a = degrade.carbon(a, rng)
    elif rng.random() < 0.5:
        a = degrade.fade(a, rng, rng.uniform(0.2, 1.0))
    a = degrade.uneven_light(a, rng)
    a = degrade.blur(a, rng)
    if soft:
        a = degrade.defocus(a, rng)
    a = degrade.speckles(a, rng, np_rng)
    paper = float(np.median(a[:50, :50]))
    if "warp" in opts.hard:
        a, bend = degrade.warp(a, rng, paper)
    if phone:  # family Q: photographed by a phone (its edge curling up with ``curl``), samples/family_q.py
        a, m1, bend = family_q.phone_photo(a, rng, paper, bend, curl)
    elif photo:
        a, m1 = degrade.photo(a, rng)
    else:
        a, m1 = degrade.skew(a, rng.uniform(-2.0, 2.0), paper)
    m = degrade.compose(m1, m)
    if "dpi200" in opts.hard and rng.random() < 0.5:
        a, m2 = degrade.rescale(a, 200 / 300)
        m, dpi = degrade.compose(m2, m), 200
    a = degrade.noise(a, rng, np_rng)
    if r is not None:  # family R: printed from microfilm or scanned in black and white
        a = family_r.capture(a, r, rng, paper)
    if u is not None:  # family U: fed to the scanner turned
        a, m = family_u.after_scan(a, m, u)
    if "rotate" in opts.hard and rng.random() < 0.4:
        a, m3 = degrade.turn(a, rng.choice((1, 2, 3)))
        m = degrade.compose(m3, m)
    return degrade.to_uint8(a), m, dpi, bend


def _move(geo: Geometry, m: degrade.Affine, bend: np.ndarray | None) -> Geometry:
    """Every box, polygon and mark of the truth through the bending and the affine map of the scan."""
    if bend is not None:
        boxes = [degrade.rect_points(b) for b in geo.row_bboxes]
        for box, pts in zip(geo.row_bboxes, boxes, strict=True):
            q = degrade.map_points(degrade.bend_points(pts, bend), m)
            box[:] = [int(round(q[:, 0].min())), int(round(q[:, 1].min())), int(round(q[:, 0].max())),
                      int(round(q[:, 1].max()))]  # fmt: skip
    else:
        for box in geo.row_bboxes:
            box[:] = degrade.map_box(box, m)
    geo.row_polygons = [
        degrade.map_points(degrade.bend_points(p, bend), m).tolist() for p in geo.row_polygons
    ]
    for mark in geo.marks:
        mark["polygon"] = degrade.map_points(degrade.bend_points(mark["polygon"], bend), m).tolist()
    return geo


def generate_pages(
    out: Path,
    pages: int,
    seed: int,
    *,
    options: Options | None = None,
    progress: ProgressFactory = null_progress,
) -> list[Path]:
    """Write ``pages`` sheets into ``out``; returns the image paths in order."""
    if pages < 1:
        raise UsageError("броят страници трябва да е поне 1")
    opts = options or Options()
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    fonts = available_fonts()
    paths: list[Path] = []
    batches: list[dict[str, object]] = []
    bar = progress(total=pages, desc="Генериране на листове", unit="лист")
    files: list[tuple[EmployerFile, int]] = []
    try:
        while len(paths) < pages:
            habits = None
            if opts.family != "A":
                fam = rng.choice(("B", "C", "D")) if opts.family == "mixed" else opts.family
                habits = families.draw_habits(fam, rng)
                ef = make_file(rng, len(files), staff=rng.randint(7, 15), years=families.YEARS[fam])
                families.adapt_file(ef, habits, rng)
            else:
                ef = make_file(rng, len(files), staff=rng.randint(7, 15))
            months = min(rng.randint(2, 6), pages - len(paths))
            if habits is not None and habits.aa is not None:  # family AA: a client's few months to an archive's file
                months = max(1, months // 2)
            files.append((ef, months))
            batch_pages: list[str] = []
            for k in range(months):
                month_sheet = make_sheet(
                    rng, ef, k, dash_zero="dash_zero" in opts.hard and rng.random() < 0.6
                )
                if habits is not None:
                    families.adapt_sheet(month_sheet, habits, rng, ef)
                if "thousands" in opts.hard:
                    month_sheet.thousands_space = True
                sheets = [month_sheet]
                if habits is not None and habits.aa is not None:  # family AA: the month's listing over its pages
                    sheets = family_aa.pages(month_sheet, ef, habits.aa, rng)
                elif habits is not None and habits.ab is not None:  # family AB: the month over its pages
                    sheets = family_ab.pages(month_sheet, habits.ab, rng)
                elif habits is not None and habits.ak is not None:  # family AK: the month over its pages, headless after the first
                    sheets = family_ak.pages(month_sheet, habits.ak, rng)
                elif (
                    "two_sheets" in opts.hard
                    and len(month_sheet.rows) >= 6
                    and len(month_sheet.layout) <= 8
                    and rng.random() < 0.5
                ):
                    a, b = split_carried(month_sheet, len(month_sheet.rows) // 2)
                    ef.sheet_no += 1
                    composed = _two_on_one(a, b, rng, opts, fonts)
                    if composed is not None:
                        img, geo, sheet = composed
                        arr, m, dpi, bend = degrade_page(img, rng, opts, np_rng)
                        name = f"page-{len(paths) + 1:04d}.png"
                        _write_page(out, name, arr, dpi, truth_of(sheet, _move(geo, m, bend), name))
                        paths.append(out / name)
                        batch_pages.append(name)
                        bar.update(1)
                        continue
                    sheets = [a, b]
                elif "carried" in opts.hard and len(month_sheet.rows) >= 6 and len(paths) + 2 <= pages:
                    sheets = list(split_carried(month_sheet, len(month_sheet.rows) // 2))
                    ef.sheet_no += 1
                elif (
                    habits is not None and habits.carried and len(month_sheet.rows) >= 6 and len(paths) + 2 <= pages
                    and rng.random() < 0.7
                ):  # family L: the month's sheet was full, the rest typed on the next  # fmt: skip
                    sheets = list(split_carried(month_sheet, rng.randint(len(month_sheet.rows) // 2, len(month_sheet.rows) - 2)))
                    ef.sheet_no += 1
                elif (
                    habits is not None and habits.q is not None and habits.q.carried and len(month_sheet.rows) >= 8
                    and len(paths) + 2 <= pages and rng.random() < 0.85
                ):  # family Q: the month on two or three pages, "Пренос" carried between them  # fmt: skip
                    sheets = family_q.carried_pages(month_sheet, ef, rng, pages - len(paths))
                elif (
                    habits is not None and habits.u is not None and habits.u.carried and len(month_sheet.rows) >= 7
                    and len(paths) + 2 <= pages and rng.random() < 0.75
                ):  # family U: the month over two or three pages, the sums carried  # fmt: skip
                    sheets = family_u.carried_pages(month_sheet, ef, rng, pages - len(paths))
                elif (
                    habits is not None and habits.x is not None and habits.x.carried and len(month_sheet.rows) >= 8
                    and len(paths) + 2 <= pages and rng.random() < 0.8
                ):  # family X: a long month over two or three pages, the sums carried in both tiers  # fmt: skip
                    sheets = carried_pages(month_sheet, ef, rng, pages - len(paths), three_from=13, three_share=0.35)
                for k_sheet, sheet in enumerate(sheets):
                    if len(paths) >= pages:
                        break
                    style = _style(rng, sheet, opts, fonts)
                    if habits is not None:
                        style = families.style_for(habits, rng, style)
                        sheet.employer = families.employer_as_typed(sheet.employer, style)
                    xh = habits.x if habits is not None else None
                    yh = habits.y if habits is not None else None
                    zh = habits.z if habits is not None else None
                    aah = habits.aa if habits is not None else None
                    abh = habits.ab if habits is not None else None
                    ach = habits.ac if habits is not None else None
                    adh = habits.ad if habits is not None else None
                    aeh = habits.ae if habits is not None else None
                    afh = habits.af if habits is not None else None
                    agh = habits.ag if habits is not None else None
                    ahh = habits.ah if habits is not None else None
                    aih = habits.ai if habits is not None else None
                    ajh = habits.aj if habits is not None else None
                    akh = habits.ak if habits is not None else None
                    alh = habits.al if habits is not None else None
                    amh = habits.am if habits is not None else None
                    anh = habits.an if habits is not None else None
                    aoh = habits.ao if habits is not None else None
                    aph = habits.ap if habits is not None else None
                    aqh = habits.aq if habits is not None else None
                    arh = habits.ar if habits is not None else None
                    ash = habits.as_ if habits is not None else None
                    ath = habits.at if habits is not None else None
                    if xh is not None:  # family X: the stencil's two-tier sheet (samples/family_x.py)
                        img, geo = family_x.render(sheet, style, xh, rng)
                    elif yh is not None:  # family Y: the A3 sheet typed on a portable typewriter (samples/family_y.py)
                        img, geo = family_y.render(sheet, style, yh, rng)
                    elif zh is not None:  # family Z: the bookkeeping machine's form (samples/family_z.py)
                        img, geo = family_z.render(sheet, style, zh, rng)
                    elif aah is not None:  # family AA: the line printer's listing (samples/family_aa.py)
                        img, geo = family_aa.render(sheet, style, aah, rng)
                    elif abh is not None:  # family AB: the daisy wheel's sheet (samples/family_ab.py)
                        img, geo = family_ab.render(sheet, style, abh, rng)
                    elif ach is not None:  # family AC: the seasonal workers' typed sheet (samples/family_ac.py)
                        img, geo = family_ac.render(sheet, style, ach, rng)
                    elif adh is not None:  # family AD: the works' typed sheet (samples/family_ad.py)
                        img, geo = family_ad.render(sheet, style, adh, rng)
                    elif aeh is not None:  # family AE: the electric typewriter's sheet of hours (samples/family_ae.py)
                        img, geo = family_ae.render(sheet, style, aeh, rng)
                    elif afh is not None:  # family AF: the spirit master's typing (samples/family_af.py)
                        img, geo = family_af.render(sheet, style, afh, rng)
                    elif agh is not None:  # family AG: the office typewriter's cash payroll (samples/family_ag.py)
                        img, geo = family_ag.render(sheet, style, agh, rng)
                    elif ahh is not None:  # family AH: the electric typewriter's crew payroll (samples/family_ah.py)
                        img, geo = family_ah.render(sheet, style, ahh, rng)
                    elif aih is not None:  # family AI: the drawing office's lettered payroll (samples/family_ai.py)
                        img, geo = family_ai.render(sheet, style, aih, rng)
                    elif ajh is not None:  # family AJ: the hotel's typed and pencil-checked payroll (samples/family_aj.py)
                        img, geo = family_aj.render(sheet, style, ajh, rng)
                    elif akh is not None:  # family AK: the co-operative's dot-matrix printout (samples/family_ak.py)
                        img, geo = family_ak.render(sheet, style, akh, rng)
                    elif alh is not None:  # family AL: the works' two-section typed payroll (samples/family_al.py)
                        img, geo = family_al.render(sheet, style, alh, rng)
                    elif amh is not None:  # family AM: the institution's payroll and its supplementary rows
                        img, geo = family_am.render(sheet, style, amh, rng)
                    elif anh is not None:  # family AN: the works' payroll with the sick-leave benefits (carbon copy)
                        img, geo = family_an.render(sheet, style, anh, rng)
                    elif aoh is not None:  # family AO: the upright sheet typed in two parts one under the other
                        img, geo = family_ao.render(sheet, style, aoh, rng)
                    elif aph is not None:  # family AP: the month typed on a printed form (samples/family_ap.py)
                        img, geo = family_ap.render(sheet, style, aph, rng)
                    elif aqh is not None:  # family AQ: the printout by kinds of payment (samples/family_aq.py)
                        img, geo = family_aq.render(sheet, style, aqh, rng)
                    elif arh is not None:  # family AR: the month snaked in two blocks (samples/family_ar.py)
                        img, geo = family_ar.render(sheet, style, arh, rng)
                    elif ash is not None:  # family AS: the sheet and its adding machine's tapes (samples/family_as.py)
                        img, geo = family_as.render(sheet, style, ash, rng)
                    elif ath is not None:  # family AT: the table on two sheets joined side by side (samples/family_at.py)
                        img, geo = family_at.render(sheet, style, ath, rng)
                    else:
                        img, geo = _render_fitting(sheet, style, rng)
                    q = habits.q if habits is not None else None
                    if q is not None:  # family Q: the stamp and the signature over the figures
                        family_q.after_render(img, geo, sheet, style, q, rng)
                    rh = habits.r if habits is not None else None
                    if rh is not None:  # family R: the net total in words under the table
                        family_r.after_render(img, geo, sheet, style, rh, rng)
                    sh = habits.s if habits is not None else None
                    if sh is not None:  # family S: the page as it lies in the open book
                        img = family_s.bind(img, geo, sh, rng)
                    th = habits.t if habits is not None else None
                    if th is not None:  # family T: samples/family_t.py
                        family_t.after_render(img, geo, sheet, style, th, rng)
                    uh = habits.u if habits is not None else None
                    up = None
                    if uh is not None:  # family U: samples/family_u.py
                        family_u.after_render(img, geo, sheet, style, uh, rng)
                        up = family_u.page_of(uh, sheet, k_sheet, len(sheets), rng)
                    vh = habits.v if habits is not None else None
                    vp = family_v.page_of(img, geo, sheet, style, vh, rng) if vh is not None else None
                    wh = habits.w if habits is not None else None
                    wp = family_w.page_of(img, geo, sheet, style, wh, rng) if wh is not None else None
                    xp = family_x.page_of(geo, xh, rng) if xh is not None else None
                    yp = family_y.page_of(img, geo, sheet, style, yh, rng) if yh is not None else None
                    zp = family_z.page_of(img, geo, sheet, zh, rng) if zh is not None else None
                    aap = family_aa.page_of(img, geo, sheet, aah, rng) if aah is not None else None
                    abp = family_ab.page_of(img, geo, sheet, abh, rng) if abh is not None else None
                    acp = family_ac.page_of(img, geo, sheet, ach, rng) if ach is not None else None
                    adp = family_ad.page_of(img, geo, sheet, adh, rng) if adh is not None else None
                    aep = family_ae.page_of(img, geo, sheet, aeh, rng) if aeh is not None else None
                    afp = family_af.page_of(img, geo, sheet, afh, rng) if afh is not None else None
                    agp = family_ag.page_of(img, geo, sheet, agh, rng) if agh is not None else None
                    ahp = family_ah.page_of(img, geo, sheet, ahh, rng) if ahh is not None else None
                    aip = family_ai.page_of(img, geo, sheet, aih, rng) if aih is not None else None
                    ajp = family_aj.page_of(img, geo, sheet, ajh, rng) if ajh is not None else None
                    akp = family_ak.page_of(img, geo, sheet, akh, rng) if akh is not None else None
                    alp = family_al.page_of(img, geo, sheet, alh, rng) if alh is not None else None
                    amp = family_am.page_of(img, geo, sheet, amh, rng) if amh is not None else None
                    anp = family_an.page_of(img, geo, sheet, anh, rng) if anh is not None else None
                    aop = family_ao.page_of(img, geo, sheet, aoh, rng) if aoh is not None else None
                    app = family_ap.page_of(img, geo, sheet, aph, rng) if aph is not None else None
                    aqp = family_aq.page_of(img, geo, sheet, aqh, rng) if aqh is not None else None
                    arp = family_ar.page_of(img, geo, sheet, arh, rng) if arh is not None else None
                    asp = family_as.page_of(img, geo, sheet, ash, rng) if ash is not None else None
                    atp = family_at.page_of(img, geo, sheet, ath, rng) if ath is not None else None
                    arr, m, dpi, bend = degrade_page(
                        img, rng, opts, np_rng, carbon=habits is not None and habits.carbon,
                        ghost=habits is not None and habits.ghost,
                        through=habits is not None and habits.show_through, photo=habits is not None and habits.photo,
                        copy=habits is not None and habits.photocopy, stain=habits is not None and habits.coffee,
                        torn=habits is not None and habits.torn, soft=habits is not None and habits.soft,
                        phone=q is not None and q.phone, curl=q is not None and q.curl, r=rh, t=th, u=up, v=vp, w=wp,
                        x=xp, y=yp, z=zp, aa=aap, ab=abp, ac=acp, ad=adp, ae=aep, af=afp, ag=agp, ah=ahp, ai=aip, aj=ajp,
                        ak=akp, al=alp, am=amp, an=anp, ao=aop, ap=app, aq=aqp, ar=arp, as_=asp, at=atp,
                    )  # fmt: skip
                    name = f"page-{len(paths) + 1:04d}.png"
                    truth = truth_of(sheet, _move(geo, m, bend), name)
                    path = out / name
                    if arr.ndim == 3:  # family V: a colour scan (RGB), written as an RGB PNG
                        arr = cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)
                    flags = [cv2.IMWRITE_PNG_COMPRESSION, 6]
                    if zp is not None and zp.z.bitonal and opts.degraded:  # family Z: a bitonal scan, a 1-bit PNG
                        flags += [cv2.IMWRITE_PNG_BILEVEL, 1]
                    if adp is not None and opts.degraded:  # family AD: a colour scan of aged paper, level 3 (twice as fast)
                        flags[1] = 3
                    if aep is not None and opts.degraded and arr.ndim == 2:  # family AE: a grey scan level 3, a
                        flags[1] = 3  # colour one 6 (under ~5 MB)
                    if afp is not None and opts.degraded:  # family AF: the ADF's colour scan, level 3 (under ~5 MB)
                        flags[1] = 3
                    if agp is not None and opts.degraded:  # family AG: the camera's colour frame, level 3 (at 300 dpi
                        flags[1] = 6 if agp.ag.dpi == 300 else 3  # 6: under ~5 MB)
                    if ahp is not None and opts.degraded and ahp.ah.bitonal:  # family AH: a bitonal scan, a 1-bit PNG
                        flags += [cv2.IMWRITE_PNG_BILEVEL, 1]
                    if abp is not None and opts.degraded:  # family AB: the film's grain compresses slowly (level 3);
                        flags[1] = 3  # a bitonal scan a 1-bit PNG
                        flags += [cv2.IMWRITE_PNG_BILEVEL, 1] if abp.ab.bitonal else []
                    ok, buf = cv2.imencode(".png", arr, flags)
                    if not ok:
                        raise UsageError(f"{name}: неуспешно кодиране на PNG")
                    _write_png_with_dpi(path, buf.tobytes(), dpi)
                    (out / f"{path.stem}.json").write_text(truth.to_json(), encoding="utf-8")
                    paths.append(path)
                    batch_pages.append(name)
                    bar.update(1)
            batches.append(
                {
                    "employer": ef.employer,
                    "file_no": ef.file_no,
                    "box": f"К-{rng.randint(1, 400)}",
                    "pages": batch_pages,
                }
            )
    finally:
        bar.close()
    (out / "batches.json").write_text(
        json.dumps(batches, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return paths


def _write_page(out: Path, name: str, arr: np.ndarray, dpi: int, truth: PayrollPage) -> None:
    ok, buf = cv2.imencode(".png", arr, [cv2.IMWRITE_PNG_COMPRESSION, 6])
    if not ok:
        raise UsageError(f"{name}: неуспешно кодиране на PNG")
    _write_png_with_dpi(out / name, buf.tobytes(), dpi)
    (out / f"{Path(name).stem}.json").write_text(truth.to_json(), encoding="utf-8")


def _two_on_one(
    a: SheetContent, b: SheetContent, rng: random.Random, opts: Options, fonts: list[tuple[Path, bool]]
) -> tuple[Image.Image, Geometry, SheetContent] | None:
    """Two portrait sheets of one month, reduced and scanned side by side on one landscape page. The
    truth is one page: both sheets' rows in reading order, the month's totals."""
    from dataclasses import replace

    style = _style(rng, a, opts, fonts)
    style.landscape = False
    parts = []
    for sheet in (a, b):
        img, geo = _render_fitting(sheet, replace(style), rng)
        if geo.width > geo.height:  # did not fit in portrait: scan them separately
            return None
        parts.append((img, geo))
    scale = 0.7
    canvas = Image.new("L", (3508, 2480), 255)
    geo_all = Geometry(3508, 2480)
    for k, (img, geo) in enumerate(parts):
        small = img.resize((round(img.width * scale), round(img.height * scale)), Image.Resampling.LANCZOS)
        x_off = 10 + k * 1754
        canvas.paste(small, (x_off, 8))
        for box in geo.row_bboxes:
            geo_all.row_bboxes.append(
                [round(box[0] * scale) + x_off, round(box[1] * scale) + 8, round(box[2] * scale) + x_off,
                 round(box[3] * scale) + 8]
            )  # fmt: skip
        for poly in geo.row_polygons:
            geo_all.row_polygons.append([[x * scale + x_off, y * scale + 8] for x, y in poly])
        for mark in geo.marks:
            pts = [[x * scale + x_off, y * scale + 8] for x, y in np.asarray(mark["polygon"]).tolist()]
            geo_all.marks.append({**mark, "polygon": pts})
    return canvas, geo_all, replace(a, rows=a.rows + b.rows, totals=b.totals, carry_out=False)


def _write_png_with_dpi(path: Path, png: bytes, dpi: int) -> None:
    """Insert a pHYs chunk so readers know the resolution (OpenCV does not write one)."""
    import struct
    import zlib

    ppm = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", ppm, ppm, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    ihdr_end = 8 + 8 + 13 + 4  # signature + IHDR length/type + data + crc
    tmp = path.with_suffix(".png.part")
    tmp.write_bytes(png[:ihdr_end] + chunk + png[ihdr_end:])
    tmp.replace(path)
