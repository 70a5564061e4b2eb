"""Golden files of the geometry stages (ocr.analysis): deskew angle, rules found, grid, column kinds, on
four small sheets (tests/fixtures/golden/*.png, 150 dpi). A change to the page geometry shows which stage
moved: the stages run in this order and each test names its stage, so the first one failing is where.

Regenerate after an intended change (and review the JSON diff before committing it):

    UPDATE_GOLDEN=1 PYTHONPATH=$PWD python -m pytest -q -p no:cacheprovider tests/test_golden.py

tests/fixtures/golden/README.md says how the fixture images were made.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from typing import Any

import cv2
import pytest

from ocr.analysis import Analysis, analyse, column_kinds

from .conftest import FIXTURES

GOLDEN = FIXTURES / "golden"
SHEETS = ("plain", "unruled", "broken", "doubled")
DPI = 150  # the fixtures are 300-dpi samples at half size
STAGES = ("deskew", "rules", "grid", "column_kinds")


@cache
def _analysis(sheet: str) -> Analysis:
    image = cv2.imread(str(GOLDEN / f"{sheet}.png"), cv2.IMREAD_UNCHANGED)
    assert image is not None, f"{sheet}.png is missing from {GOLDEN}"
    return analyse(image, dpi=DPI)


def _stage(a: Analysis, stage: str) -> dict[str, Any]:
    if stage == "deskew":
        return {"angle": round(a.angle, 4), "height": a.gray.shape[0], "width": a.gray.shape[1]}
    if stage == "rules":
        return {
            "horizontal": [[r.pos, r.start, r.end] for r in a.rules.horizontal],
            "vertical": [[r.pos, r.start, r.end] for r in a.rules.vertical],
        }
    if stage == "grid":
        g = a.grid
        return {"xs": g.xs, "ys": g.ys, "ruled": g.ruled, "has_totals": g.has_totals,
                "row_lines": [[list(band) for band in lines] for lines in g.row_lines]}  # fmt: skip
    return {"kinds": column_kinds(a)}


def _plain(value: Any) -> Any:
    """numpy numbers and tuples as JSON has them, so a fresh result compares equal to a loaded one."""
    return json.loads(json.dumps(value, default=lambda x: x.item()))


def _dump(value: Any) -> str:
    """JSON with each innermost list on one line (a rule, a grid's xs): a diff shows what moved."""
    text = json.dumps(value, indent=1)
    return re.sub(r"\[[^\[\]{}]*\]", lambda m: json.dumps(json.loads(m.group(0))), text) + "\n"


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_geometry_stage_matches_its_golden_file(sheet: str, stage: str):
    got = _plain(_stage(_analysis(sheet), stage))
    path = GOLDEN / f"{sheet}.{stage}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(_dump(got), encoding="utf-8")
    assert path.exists(), f"{path.name} missing: run with UPDATE_GOLDEN=1 to write it"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want, (
        f"the {stage} stage moved on {sheet}.png (stages run deskew -> rules -> grid -> column_kinds: "
        f"the first one failing is where). If intended: UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    )
