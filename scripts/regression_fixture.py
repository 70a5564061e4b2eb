"""Make regression fixtures (tests/fixtures/regression) from sample pages: SRC.png=NAME ...

    PYTHONPATH=$PWD python scripts/regression_fixture.py /tmp/s/page-0001.png=b-half-ruled-rows-merged

Halved to 150 dpi unless NAME ends in ``:full`` (a failure that only shows at the scan's own resolution:
kept at it, 16 grey levels).
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
        full = name.endswith(":full")
        name = name.removesuffix(":full")
        src = Path(src_s)
        im = cv2.imread(str(src), cv2.IMREAD_UNCHANGED)
        dpi = round(Image.open(src).info.get("dpi", (300, 300))[0])
        # halved to keep the fixture small, unless asked for in full; a 200-dpi scan is kept at its size
        # (halved it would be 100 dpi)
        f = 1.0 if full or dpi < 300 else 0.5
        small = cv2.resize(im, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else im
        ok, buf = cv2.imencode(".png", (small // 16 * 16 + 8).astype("uint8"), [cv2.IMWRITE_PNG_COMPRESSION, 9])
        if not ok:
            raise SystemExit(f"{src}: PNG encoding failed")
        _write_png_with_dpi(OUT / f"{name}.png", buf.tobytes(), round(dpi * f))
        truth = json.loads(src.with_suffix(".json").read_text(encoding="utf-8"))
        truth["image"] = f"{name}.png"
        for r in truth["rows"]:
            r.pop("polygon", None)  # the scoring needs the box only
            if r.get("bbox"):
                r["bbox"] = [round(v * f) for v in r["bbox"]]
        (OUT / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
