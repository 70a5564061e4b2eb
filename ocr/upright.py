"""A page upright beyond doubt at a glance (the capture checks' first witness, ``scanner_drivers.
orientation.upright_at_a_glance``): its text lines run across and the writing sits in the upper part of
the sheet. A reading that finds few valid ЕГН on such a page is not a page fed turned (a face the model
reads poorly, dashed rules the grid misses): reading it three more times turned, and its turned halves,
cannot give the sheet and cost three times the CPU of plain tesseract (issue 9, family J). Only a page
that fails this glance is turned and read again (``extract.extract_image``).
"""

from __future__ import annotations

import numpy as np

from scanner_drivers import capture_checks, orientation

from . import preprocess


def at_a_glance(image: np.ndarray, dpi: int | None) -> bool:
    """True when ``image`` (as given, grey or BGR) is a payroll the right way up at a glance."""
    small = capture_checks.working_copy(preprocess.to_gray(image), dpi)
    _, text = capture_checks.split_rules(capture_checks.ink_mask(small))
    return orientation.upright_at_a_glance(orientation.line_axis(text), text)
