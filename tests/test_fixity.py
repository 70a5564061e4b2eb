"""`archive fixity`: re-hash originals against the ledger; missing and changed ones are reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import FixityCheck, PageEventRow, open_database
from archive_core.errors import IntegrityError
from ingest.backends import open_backends
from ingest.fixity import run_fixity
from ingest.pipeline import ingest_paths

from .test_ingest import FakeOcr, bad_files, cli_env, fake_ocr, run_cli, write_page

__all__ = ["cli_env", "fake_ocr"]  # fixtures


def _ingest(settings: Settings, tmp_path: Path, n: int) -> list[str]:
    paths = [write_page(tmp_path / f"p{i}.png", i) for i in range(n)]
    bad = bad_files(tmp_path / "bad")["text"]  # rejected: never stored, never checked
    summary = ingest_paths(open_backends(settings), [*paths, bad], employer="Завод", file_no="1")
    return summary.page_sha256s[:n]


def _original(settings: Settings, sha: str) -> Path:
    return settings.resolved_data_dir / "originals" / sha[:2] / sha[2:4] / sha


def test_all_intact(settings: Settings, fake_ocr: FakeOcr, tmp_path: Path) -> None:
    _ingest(settings, tmp_path, 3)
    report = run_fixity(open_backends(settings))
    assert (report.checked, report.ok, report.problems) == (3, 3, [])


def test_missing_and_changed_originals_are_reported_and_recorded(
    cli_env: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sha_ok, sha_gone, sha_changed = _ingest(cli_env, tmp_path, 3)
    _original(cli_env, sha_gone).unlink()
    victim = _original(cli_env, sha_changed)
    os.chmod(victim, 0o644)
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")

    code, out, err = run_cli(["fixity"], capsys)
    assert code == IntegrityError.exit_code
    assert "Проверени оригинали: 3; изправни: 1; липсващи: 1; променени: 1" in out
    assert any(sha_gone in ln and "липсва" in ln for ln in err.splitlines())
    assert any(sha_changed in ln and "променено" in ln for ln in err.splitlines())

    db = open_database(cli_env)
    with db.Session() as s:
        checks = {c.sha256: c.outcome for c in s.scalars(select(FixityCheck))}
        events = list(s.scalars(select(PageEventRow).where(PageEventRow.kind == "fixity-checked")))
    db.dispose()
    assert checks == {sha_ok: "ok", sha_gone: "missing", sha_changed: "changed"}
    assert {e.page_sha256 for e in events} == {sha_ok, sha_gone, sha_changed}


def test_sample_checks_only_n(settings: Settings, fake_ocr: FakeOcr, tmp_path: Path) -> None:
    _ingest(settings, tmp_path, 4)
    assert run_fixity(open_backends(settings), sample=2, seed=1).checked == 2


def test_cli_all_intact_exits_zero(
    cli_env: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ingest(cli_env, tmp_path, 2)
    code, out, err = run_cli(["fixity", "--sample", "5"], capsys)
    assert code == 0, err
    assert "Проверени оригинали: 2; изправни: 2; липсващи: 0; променени: 0" in out
