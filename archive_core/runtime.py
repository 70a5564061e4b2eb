"""How the process runs the OCR: one definition of the thread limit, and the allocator kept from
handing every page's images back to the kernel."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import cv2
from numpy._core import multiarray

# glibc's mallopt parameters (malloc.h): blocks from this size on get a mapping of their own, and free
# memory at the top of the heap beyond this is given back
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# a page's images come from the heap: 8-bit (9 MB), 16-bit labels (17 MB), 32-bit labels and float maps
# (35 MB); a glibc that refuses so high a threshold gets its own ceiling of old (32 MB)
MMAP_THRESHOLDS = (64 << 20, 32 << 20)
TRIM_THRESHOLD = 256 << 20  # a page's worth of freed images stays with the process for the next page


def limit_ocr_threads() -> None:
    """One single-threaded tesseract per core: tesseract's OpenMP threads would fight the worker
    processes (one per core) for the same cores. Inherited by every tesseract started afterwards."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)  # OpenCV's own thread pool likewise: its idle threads' spinning is CPU too


def keep_freed_memory() -> None:
    """Let a worker reuse the memory of one page's images for the next (glibc only; elsewhere nothing).

    Left to itself glibc maps every image of more than a few MB on its own and unmaps it when freed, so
    each of the dozens of page-sized arrays a page goes through (OpenCV, numpy and tesseract alike) is
    mapped, faulted in and zeroed by the kernel 4 KB at a time, and handed back: 2500-5500 page faults
    and some 0.05 s of system CPU per page, 4-5 % of the reading (issue 9, branch s8-cpu); the first
    page of a worker still grows the heap. Set in the process only (``mallopt``,
    not the ``MALLOC_*`` environment), so a tesseract started from it is not affected."""
    name = ctypes.util.find_library("c")
    if not name:
        return
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): its allocator is left as it is
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    for threshold in MMAP_THRESHOLDS:
        if mallopt(_M_MMAP_THRESHOLD, threshold):  # 1: accepted
            break
    mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def no_huge_pages() -> None:
    """numpy asks the kernel for 2 MB pages for every array of 4 MB or more (``madvise``); with the kernel's
    defrag on ``madvise`` (Debian's default) each such fault may compact memory to find one: system CPU, a
    quarter of a page's reading on a loaded machine (AB dev 20001 p1-2: 3.4-8.1 s of 13.4-17.4 s, 1.2-1.5 s
    without; issue 9). The same arrays, the same values: the page size only. In the process only, as
    ``NUMPY_MADVISE_HUGEPAGE=0`` would do at numpy's import."""
    multiarray._set_madvise_hugepage(False)  # type: ignore[attr-defined]  # numpy 2.4 (pinned): not in its stubs
