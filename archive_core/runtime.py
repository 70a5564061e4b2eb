"""Process-wide settings of the OCR runtime."""

from __future__ import annotations

import os


def limit_ocr_threads() -> None:
    """One single-threaded tesseract per core: workers are processes, so tesseract's own OpenMP
    threads would only fight them for the cores."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
