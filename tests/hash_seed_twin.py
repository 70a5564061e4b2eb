"""Another Python, under another hash seed than the tests' own, that draws sample pages on request: a test compares
its own drawing with the twin's (no set's or dict's order may leak into a page). Started once per test process and
kept, so each comparison pays for the drawing only, not for an interpreter's start and the generator's imports
(about 2 s of CPU each; some thirty comparisons a run)."""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 600.0  # seconds a drawing may take (the slowest family's three pages take under a minute)

# The twin: one request a line on stdin (JSON: out, pages, seed, family, hard, degraded), one answer a line on the
# protocol's stdout ("ok" or the error); whatever the generator prints goes to stderr.
_CHILD = r"""
import json, os, sys, traceback
from pathlib import Path
from samples.generate import HARD_CASES, Options, generate_pages
answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr
for line in sys.stdin:
    r = json.loads(line)
    try:
        opts = Options(family=r["family"], hard=frozenset(HARD_CASES) if r["hard"] else frozenset(),
                       degraded=r["degraded"])
        generate_pages(Path(r["out"]), r["pages"], r["seed"], options=opts)
        answers.write(json.dumps("ok") + "\n")
    except Exception:
        answers.write(json.dumps(traceback.format_exc()) + "\n")
    answers.flush()
"""


def other_hash_seed() -> str:
    """A hash seed other than this Python's when that one is fixed (PYTHONHASHSEED); else this one is random."""
    return "4243" if os.environ.get("PYTHONHASHSEED") == "4242" else "4242"


class Twin:
    """The twin process, started on the first request."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self.proc is None or self.proc.poll() is not None:
            env = {**os.environ, "PYTHONHASHSEED": other_hash_seed(), "PYTHONPATH": str(ROOT)}
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _CHILD], cwd=ROOT, env=env, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )  # fmt: skip
        return self.proc

    def draw(self, out: Path, pages: int, seed: int, family: str, hard: bool = False, degraded: bool = True) -> Path:
        """``pages`` pages of ``family`` from ``seed`` drawn by the twin into ``out`` (as `generate_pages` with
        Options(family, hard=every hard case if ``hard``, degraded)); gives ``out``."""
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        request = {"out": str(out), "pages": pages, "seed": seed, "family": family, "hard": hard, "degraded": degraded}
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stdout, selectors.EVENT_READ)
            if not sel.select(TIMEOUT):
                self.close()
                raise TimeoutError(f"the hash-seed twin took over {TIMEOUT:.0f} s to draw {request}")
        line = proc.stdout.readline()
        if not line:
            self.close()
            raise RuntimeError(f"the hash-seed twin died drawing {request} (its stderr is in the test's output)")
        answer = json.loads(line)
        if answer != "ok":
            raise RuntimeError(f"the hash-seed twin failed to draw {request}:\n{answer}")
        return out

    def close(self) -> None:
        if self.proc is not None:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


TWIN = Twin()  # one per test process (conftest.py's pytest_sessionfinish closes it)
