"""Progress on stderr through a small Protocol (OCRmyPDF style): tqdm bars for people, silence for tests."""

from __future__ import annotations

import sys
from typing import Protocol


class ProgressBar(Protocol):
    def update(self, n: int = 1) -> None: ...
    def close(self) -> None: ...


class ProgressFactory(Protocol):
    def __call__(self, *, total: int | None, desc: str, unit: str) -> ProgressBar: ...


class _Null:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def null_progress(*, total: int | None, desc: str, unit: str) -> ProgressBar:
    return _Null()


def tqdm_progress(*, total: int | None, desc: str, unit: str) -> ProgressBar:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, leave=True, dynamic_ncols=True)
