"""How the process runs the OCR: one definition of the thread limit."""

from __future__ import annotations

import os

import cv2


def limit_ocr_threads() -> None:
    """One single-threaded tesseract per core: tesseract's OpenMP threads would fight the worker
    processes (one per core) for the same cores. Inherited by every tesseract started afterwards."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)  # OpenCV's own thread pool likewise: its idle threads' spinning is CPU too
