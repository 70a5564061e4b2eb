"""A worker keeps the memory of one page's images for the next (archive_core.runtime.keep_freed_memory):
a page-sized image allocated again after it was freed comes from the process's heap, not from fresh
pages the kernel must map and zero (measured as page faults, not time)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import resource, sys
import numpy as np
from archive_core.runtime import keep_freed_memory
if sys.argv[1] == "kept":
    keep_freed_memory()
size = 2480 * 3508  # one A4 page at 300 dpi, 8 bits
for _ in range(2):  # the first round may grow the heap; the second is what every later page costs
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    # an image, its 16-bit labels, its 32-bit labels (a page of more than 65535 blots)
    a = np.ones(size, np.uint8); b = np.ones(2 * size, np.uint8); c = np.ones(4 * size, np.uint8)
    del a, b, c
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(faults)
"""


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", _PROBE, mode], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def test_a_freed_page_image_is_reused_not_mapped_again() -> None:
    # glibc's default maps the three afresh each time: some 1500 faults here (fewer where the kernel
    # hands out 2 MB pages); kept, the second round touches nothing new
    assert _faults("default") > _faults("kept")
    assert _faults("kept") < 50


def test_a_worker_asks_for_no_huge_pages() -> None:
    # numpy's request for 2 MB pages (each fault may compact memory: a quarter of a page's CPU in system
    # time) is off in a worker once it starts: the setting it reports when set again
    probe = (
        "from numpy._core import multiarray\n"
        "from ocr.runner import _init_worker\n"
        "_init_worker()\n"
        "print(multiarray._set_madvise_hugepage(True))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
