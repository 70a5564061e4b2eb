"""Separator sheets: a printed page with a QR code that starts the next employer's file in a scan.

``separator_pdf`` prints one (QR code plus the same data as text for people; reportlab's own QR
code); ``read_separator`` finds one on a captured page (``zxing-cpp``, a wheel, no system
library). A separator is not itself a page of the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

KIND = "archive-separator/1"
_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


@dataclass(frozen=True)
class Separator:
    employer: str
    file_no: str
    box: str | None = None

    def payload(self) -> str:
        data = {"kind": KIND, "employer": self.employer, "file_no": self.file_no, "box": self.box}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def parse(cls, text: str) -> Separator | None:
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("kind") != KIND:
            return None
        employer, file_no = str(data.get("employer") or "").strip(), str(data.get("file_no") or "").strip()
        if not employer or not file_no:
            return None
        box = data.get("box")
        return cls(employer, file_no, str(box) if box else None)


def _font() -> str:
    for path in _FONTS:
        if Path(path).exists():
            if "SepFont" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("SepFont", path))
            return "SepFont"
    return "Helvetica"


def separator_pdf(sep: Separator, out: Path) -> None:
    """One A4 page: a large QR code and the same data printed for people."""
    out.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(out), pagesize=A4)
    w, h = A4
    font = _font()
    c.setFont(font, 28)
    c.drawCentredString(w / 2, h - 40 * mm, "РАЗДЕЛИТЕЛ")
    c.setFont(font, 12)
    c.drawCentredString(w / 2, h - 50 * mm, "Започва ново дело — този лист не е страница от делото")
    qr = QrCodeWidget(sep.payload(), barLevel="M")
    x0, y0, x1, y1 = qr.getBounds()
    side = 110 * mm
    d = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, (w - side) / 2, h - 60 * mm - side)
    c.setFont(font, 16)
    y = h - 80 * mm - side
    for line in (
        f"Работодател: {sep.employer}",
        f"Дело №: {sep.file_no}",
        f"Кутия: {sep.box or '—'}",
    ):
        c.drawCentredString(w / 2, y, line)
        y -= 10 * mm
    c.showPage()
    c.save()


def read_separator(image: np.ndarray) -> Separator | None:
    """The separator on this page, if it is one: a QR code with our payload."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    long_side = max(gray.shape[:2])
    if long_side > 1800:  # the code is large: a third of the resolution reads it, much faster
        f = 1800 / long_side
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    for result in zxingcpp.read_barcodes(gray, formats=zxingcpp.barcode_formats_from_str("QRCode")):
        sep = Separator.parse(result.text)
        if sep is not None:
            return sep
    return None
