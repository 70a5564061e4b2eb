"""Make regression fixtures (tests/fixtures/regression) from sample pages: SRC.png=NAME ...

    PYTHONPATH=$PWD python scripts/regression_fixture.py /tmp/s/page-0001.png=b-half-ruled-rows-merged
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import cv2
from PIL import Image

from samples.generate import _write_png_with_dpi

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "regression"


def main(args: list[str]) -> None:
    for arg in args:
        src_s, name = arg.split("=")
        src = Path(src_s)
        im = cv2.imread(str(src), cv2.IMREAD_UNCHANGED)
        dpi = round(Image.open(src).info.get("dpi", (300, 300))[0])
        f = 0.5 if dpi >= 300 else 1.0  # a 200-dpi scan is kept at its size (halved it would be 100 dpi)
        small = cv2.resize(im, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else im
        ok, buf = cv2.imencode(".png", (small // 16 * 16 + 8).astype("uint8"), [cv2.IMWRITE_PNG_COMPRESSION, 9])
        if not ok:
            raise SystemExit(f"{src}: PNG encoding failed")
        _write_png_with_dpi(OUT / f"{name}.png", buf.tobytes(), round(dpi * f))
        truth = json.loads(src.with_suffix(".json").read_text(encoding="utf-8"))
        truth["image"] = f"{name}.png"
        for r in truth["rows"]:
            if r.get("bbox"):
                r["bbox"] = [round(v * f) for v in r["bbox"]]
            if r.get("polygon"):
                r["polygon"] = [[round(x * f), round(y * f)] for x, y in r["polygon"]]
        (OUT / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
