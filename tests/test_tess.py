"""The reader's tesseract passes run in process (tesserocr) with the models kept loaded: they must read
exactly what the `tesseract` command reads, and each model must load once, not once per page."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from archive_core.errors import ConfigError
from ocr import tess
from ocr.reading import NUMERIC_CHARS

from .conftest import FIXTURES

PAGE = sorted((FIXTURES / "pages").glob("page-*.png"))[0]


def _command_words(image: np.ndarray, tmp: Path, lang: str, whitelist: str | None) -> list[tuple]:
    """The words the `tesseract` command writes for ``image`` (TSV): text, whole-percent confidence, box."""
    path = tmp / "pass.bmp"
    cv2.imwrite(str(path), image)
    cmd = ["tesseract", str(path), "-", "-l", lang, "--psm", "6", "-c", "preserve_interword_spaces=0",
           "-c", "tessedit_do_invert=0"]  # fmt: skip
    if whitelist:
        cmd += ["-c", f"tessedit_char_whitelist={whitelist}"]
    tsv = subprocess.run([*cmd, "tsv"], capture_output=True, check=True, text=True).stdout
    out = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) >= 12 and f[11].strip():
            x, y, w, h = (int(v) for v in f[6:10])
            out.append((f[11].strip(), max(0, int(float(f[10]))), (x, y, x + w, y + h)))
    return out


@pytest.mark.parametrize(("lang", "whitelist"), [("bul", None), ("eng", NUMERIC_CHARS), ("bul", NUMERIC_CHARS)])
def test_in_process_pass_reads_what_the_command_reads(tmp_path: Path, lang: str, whitelist: str | None) -> None:
    gray = cv2.imread(str(PAGE), cv2.IMREAD_GRAYSCALE)
    part = np.ascontiguousarray(gray[: gray.shape[0] // 3])  # header and the first rows: a few seconds
    got = [(w.text, round(w.conf * 100), (w.box.x0, w.box.y0, w.box.x1, w.box.y1))
           for w in tess.words(part, lang=lang, whitelist=whitelist)]  # fmt: skip
    assert got == _command_words(part, tmp_path, lang, whitelist)
    assert len(got) >= 5


def test_a_model_is_loaded_once_per_thread_and_a_whitelist_does_not_stick() -> None:
    img = np.full((80, 400), 255, dtype=np.uint8)
    cv2.putText(img, "AB 123", (10, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3)
    assert "".join(w.text for w in tess.words(img, lang="eng", whitelist="0123456789")).isdigit()
    first = tess._api("eng")
    assert "AB" in " ".join(w.text for w in tess.words(img, lang="eng"))  # the digits-only pass left no trace
    assert tess._api("eng") is first
    other: list[object] = []
    t = threading.Thread(target=lambda: other.append(tess._api("eng")))
    t.start()
    t.join()
    assert other[0] is not first  # a handle is never used by two threads at once


def test_a_missing_model_says_what_to_install() -> None:
    with pytest.raises(ConfigError, match="инсталирайте"):
        tess.words(np.full((50, 50), 255, dtype=np.uint8), lang="xxx-not-installed")


def test_the_same_pixels_read_again_are_not_passed_again_and_land_at_their_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crop the reader asks for again (a stacked sheet's part holds the whole page's figure cells) is read once:
    the second answer is the first one's words at the new offset; other settings or other pixels are read anew."""
    img = np.full((80, 420), 255, dtype=np.uint8)  # pixels no other test reads (a thread keeps its last passes)
    cv2.putText(img, "CD 4567", (10, 60), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 3)
    first = tess.words(img, lang="eng")
    passes: list[str] = []
    real = tess._api
    monkeypatch.setattr(tess, "_api", lambda lang: passes.append(lang) or real(lang))
    again = tess.words(img.copy(), lang="eng", offset=(100, 50))
    assert passes == []
    assert [(w.text, w.conf, w.box.x0 - 100, w.box.y0 - 50, w.line) for w in again] == [
        (w.text, w.conf, w.box.x0, w.box.y0, w.line) for w in first
    ]
    digits = tess.words(img, lang="eng", whitelist="0123456789")
    assert passes == ["eng"] and "".join(w.text for w in digits).isdigit()
    other = img.copy()
    other[5, 5] = 0
    tess.words(other, lang="eng")
    assert passes == ["eng", "eng"]
