"""SANE driver: pages from a scanner through ``scanimage`` (sane-utils), PNG at 300 dpi.

``scanimage --batch`` writes one file per page into a private temporary folder; each file's bytes
are the original as the scanner produced them. Any SANE device works (``test:0`` is SANE's
built-in test device, used by the tests).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from archive_core.errors import ConfigError, UsageError

from .base import CapturedPage


class SaneDriver:
    def __init__(
        self,
        device: str,
        *,
        pages: int,
        resolution: int = 300,
        mode: str | None = "Gray",
        timeout: float = 600.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        if pages < 1:
            raise UsageError("--pages must be at least 1")
        self.device = device
        self.count = pages
        self.resolution = resolution
        self.mode = mode
        self.timeout = timeout
        self.extra_args = extra_args

    def command(self, out_dir: Path) -> list[str]:
        exe = shutil.which("scanimage")
        if exe is None:
            raise ConfigError(
                "scanimage не е инсталиран (пакет sane-utils) — инсталирайте го или подайте файлове"
            )
        cmd = [
            exe,
            f"--device-name={self.device}",
            "--format=png",
            "--resolution",
            str(self.resolution),
            f"--batch={out_dir / 'page-%04d.png'}",
            f"--batch-count={self.count}",
        ]
        if self.mode:
            cmd += ["--mode", self.mode]
        cmd += list(self.extra_args)
        return cmd

    def pages(self) -> Iterator[CapturedPage]:
        with tempfile.TemporaryDirectory(prefix="archive-scan-") as tmp:
            out_dir = Path(tmp)
            cmd = self.command(out_dir)
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout, check=False)
            except subprocess.TimeoutExpired:
                raise ConfigError(
                    f"скенерът {self.device} не отговори за {self.timeout:.0f} s — проверете връзката"
                ) from None
            files = sorted(out_dir.glob("page-*.png"))
            # scanimage exits non-zero when the feeder runs empty after some pages; pages scanned count.
            if not files:
                detail = (proc.stderr or "").strip().splitlines()[-1:] or ["няма изход"]
                raise ConfigError(f"скенерът {self.device} не сканира нито една страница: {detail[0]}")
            for i, f in enumerate(files, start=1):
                yield CapturedPage(
                    f.read_bytes(),
                    "image/png",
                    f"{self.device}#{i}",
                    page_no=i,
                    dpi=self.resolution,
                )
