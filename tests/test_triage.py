"""Triage refuses bad input with one Bulgarian line naming the file, the reason and what to do."""

from __future__ import annotations

import io
import resource

import pytest
from PIL import Image

from archive_core.config import Settings
from archive_core.errors import InputFileError
from scanner_drivers.intake import triage

from .test_ingest import bad_files, huge_png, page_image


def _png(im: Image.Image, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="PNG", **kw)
    return buf.getvalue()


def _refused(data: bytes, settings: Settings, name: str = "страница.png") -> str:
    with pytest.raises(InputFileError) as exc:
        triage(data, name=name, settings=settings)
    msg = str(exc.value)
    assert msg.startswith(f"{name}: ") and " — " in msg and "\n" not in msg
    return msg


def test_the_four_bad_files_each_get_their_reason(settings: Settings, tmp_path) -> None:
    files = bad_files(tmp_path)
    assert "файлът е празен (0 байта) — сканирайте страницата отново" in _refused(b"", settings)
    assert "не е изображение" in _refused(files["text"].read_bytes(), settings, "notes.png")
    assert "непълно или повредено" in _refused(files["truncated"].read_bytes(), settings)
    msg = _refused(files["huge"].read_bytes(), settings)
    assert "20000×20000 пиксела" in msg and "300 dpi" in msg


def test_huge_header_is_refused_without_decoding(settings: Settings) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _refused(huge_png(30000, 30000), settings)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert (after - before) * 1024 < 100 * 1024 * 1024  # 900 MB of pixels were never allocated


def test_pixel_limit_comes_from_settings(settings: Settings) -> None:
    data = _png(page_image(1, size=(800, 1000)))
    strict = settings.model_copy(update={"max_pixels": 700_000})
    assert "800×1000" in _refused(data, strict)
    assert triage(data, name="x.png", settings=settings).width == 800


def test_too_small_and_too_big_files(settings: Settings) -> None:
    assert "твърде малко: 300×400" in _refused(_png(page_image(1, size=(300, 400))), settings)
    data = _png(page_image(1))
    small_limit = settings.model_copy(update={"max_file_bytes": 1000})
    assert "файлът е твърде голям" in _refused(data, small_limit)


def test_corrupt_middle_of_png_is_refused(settings: Settings) -> None:
    data = bytearray(_png(page_image(2)))
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    assert "повредено" in _refused(bytes(data), settings)


def test_good_png_and_jpeg_pass_with_their_metadata(settings: Settings) -> None:
    info = triage(_png(page_image(3), dpi=(300, 300)), name="a.png", settings=settings)
    assert (info.content_type, info.width, info.height, info.dpi, info.mode) == (
        "image/png",
        800,
        1000,
        300,
        "L",
    )
    buf = io.BytesIO()
    page_image(3, mode="RGB").save(buf, format="JPEG", dpi=(200, 200))
    info = triage(buf.getvalue(), name="a.jpg", settings=settings)
    assert (info.content_type, info.dpi, info.mode) == ("image/jpeg", 200, "RGB")


def test_type_comes_from_the_bytes_not_the_name(settings: Settings) -> None:
    buf = io.BytesIO()
    page_image(4).save(buf, format="JPEG")
    assert triage(buf.getvalue(), name="looks-like.png", settings=settings).content_type == "image/jpeg"


@pytest.mark.parametrize("mode", ["L", "RGB", "RGBA"])
def test_a_page_reads_the_same_whatever_its_colour_mode(mode: str, tmp_path) -> None:
    """A grey page comes out one grey plane; a colour one (decoded once, as BGR, since Pillow's header says
    it is colour) the same pixels OpenCV's colour decode gives, alpha dropped."""
    import cv2
    import numpy as np

    from scanner_drivers.intake import read_image

    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, size=(600, 700, len(mode)), dtype=np.uint8)
    path = tmp_path / f"page-{mode}.png"
    Image.fromarray(pixels[..., 0] if mode == "L" else pixels, mode).save(path, dpi=(300, 300))
    image, dpi = read_image(path, max_file_bytes=10**8, max_pixels=10**8)
    assert dpi == 300
    if mode == "L":
        assert image.ndim == 2 and np.array_equal(image, pixels[..., 0])
    else:
        assert image.shape == (600, 700, 3)
        assert np.array_equal(image, cv2.imdecode(np.frombuffer(path.read_bytes(), np.uint8), cv2.IMREAD_COLOR))
        assert np.array_equal(image, pixels[..., 2::-1])  # BGR of the page's RGB
