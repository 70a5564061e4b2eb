"""Citizen copies of a page: the person's own row, the header and the totals; every other row under a
black box (a third party's data is never revealed, per the access-to-information rules)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from archive_core.errors import ArchiveError, InputFileError

PAD = 4  # pixels added around another person's row box: OCR boxes are tight, ink is not


class CannotRedact(ArchiveError):
    """Some other row has no known box: a copy could reveal a third party's data."""


def sniff_content_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data.startswith(b"%PDF"):
        return "application/pdf"
    return "application/octet-stream"


def _clip(
    box: Sequence[int], keep: Sequence[Sequence[int]], w: int, h: int
) -> tuple[int, int, int, int] | None:
    """Another row's box, padded, but never reaching into a kept row: where the two boxes overlap the
    boundary is the middle of the overlap; where they do not, the padding stops at the kept box."""
    x0, y0, x1, y1 = (int(v) for v in box[:4])
    top, bottom = max(0, y0 - PAD), min(h - 1, y1 + PAD)
    for k in keep:
        kx0, ky0, kx1, ky1 = (int(v) for v in k[:4])
        if x1 < kx0 or kx1 < x0:  # side by side: no vertical conflict
            continue
        if (y0 + y1) <= (ky0 + ky1):  # this row is above the kept one
            limit = (y1 + ky0) // 2 if y1 >= ky0 else ky0 - 1
            bottom = min(bottom, limit)
        else:  # below
            limit = (ky1 + y0) // 2 + 1 if y0 <= ky1 else ky1 + 1
            top = max(top, limit)
    if bottom <= top:
        return None
    return max(0, x0 - PAD), top, min(w - 1, x1 + PAD), bottom


def redact(image_bytes: bytes, others: Sequence[Sequence[int]], keep: Sequence[Sequence[int]] = ()) -> bytes:
    """The page as PNG with a black box over each of ``others`` ([x0, y0, x1, y1], padded, clipped
    so that the rows in ``keep`` stay readable)."""
    from PIL import Image, ImageDraw, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(image_bytes)) as im:
            im.load()
            # Keep bilevel and grey pages as they are (smaller, faster); anything else becomes RGB.
            page = im.copy() if im.mode in ("1", "L", "RGB") else im.convert("RGB")
    except (UnidentifiedImageError, OSError) as e:
        raise InputFileError(
            f"оригиналът на страницата не е изображение, от което може да се направи копие: {e}"
        ) from e
    draw = ImageDraw.Draw(page)
    black: int | tuple[int, int, int] = (0, 0, 0) if page.mode == "RGB" else 0
    w, h = page.size
    for box in others:
        clipped = _clip(box, keep, w, h)
        if clipped is not None:
            draw.rectangle(clipped, fill=black)
    out = io.BytesIO()
    page.save(out, format="PNG", compress_level=3)
    return out.getvalue()


def split_rows(
    egn: str, rows: Sequence[tuple[str | None, Sequence[int] | None]]
) -> tuple[list[Sequence[int]], list[Sequence[int]]]:
    """(own boxes, other boxes) from (egn, bbox) pairs of every row on the page. CannotRedact when
    another row has no box; the same box given twice (ledger and extraction) counts once."""
    own: list[Sequence[int]] = []
    others: list[Sequence[int]] = []
    for row_egn, bbox in rows:
        if row_egn == egn:
            if bbox:
                own.append(list(bbox))
            continue
        if not bbox or len(bbox) < 4:
            raise CannotRedact(
                "страницата има ред без координати; копие със заличени данни на други лица "
                "не може да се направи автоматично"
            )
        others.append(list(bbox))
    others = [b for b in others if b not in own]
    return own, others
