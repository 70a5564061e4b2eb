"""`archive demo`: samples through the whole pipeline, a summary, a search hit and a certificate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_core.accounts import Accounts
from archive_core.config import Settings
from archive_core.db import open_database
from archive_core.records import PayrollPage

from .test_ingest import FakeOcr, cli_env, fake_ocr, run_cli

__all__ = ["cli_env", "fake_ocr"]  # fixtures


def test_demo_runs_end_to_end_on_ground_truth(
    cli_env: Settings, fake_ocr: FakeOcr, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = cli_env.resolved_data_dir / "samples"
    fake_ocr.truth_dir = samples  # recognition replaced by the samples' ground truth
    code, out, err = run_cli(["demo", "--pages", "4", "--seed", "7"], capsys)
    assert code == 0, err

    truths = [PayrollPage.load(p) for p in sorted(samples.glob("page-*.json"))]
    rows = sum(len(t.rows) for t in truths)
    assert f"Общо: 4 страници, {rows} записа, 0 полета за проверка" in out
    batches = json.loads((samples / "batches.json").read_text(encoding="utf-8"))
    for b in batches:
        assert f"{b['employer']}, дело {b['file_no']}:" in out

    search = next(ln for ln in out.splitlines() if ln.startswith("Търсене по ЕГН"))
    egn = search.split()[3].rstrip(":")
    months = {(t.period.year, t.period.month) for t in truths for r in t.rows if r.egn == egn}
    assert f"{len(months)} записа" in search
    cert = Path(out.split("Удостоверение: ")[1].splitlines()[0])
    assert cert.exists() and cert.read_bytes().startswith(b"%PDF")
    data = json.loads(cert.with_suffix(".json").read_text(encoding="utf-8"))
    assert egn in json.dumps(data, ensure_ascii=False)

    # one account per role, with what it takes to sign in
    assert "http://127.0.0.1:8000/" in out
    for role, user in [
        ("scan_operator", "demo-scan-operator"),
        ("verifier", "demo-verifier"),
        ("clerk", "demo-clerk"),
        ("administrator", "demo-administrator"),
    ]:
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(f"{role}: потребител {user},"))
        password = line.split("парола ")[1].split(",")[0]
        secret = line.split("TOTP ключ ")[1].strip()
        assert cli_env and len(password) >= 10 and len(secret) >= 16
        assert Accounts(open_database(cli_env), cli_env).check_password(user, password).ok


def test_demo_twice_adds_nothing(
    cli_env: Settings, fake_ocr: FakeOcr, capsys: pytest.CaptureFixture[str]
) -> None:
    fake_ocr.truth_dir = cli_env.resolved_data_dir / "samples"
    code, first, err = run_cli(["demo", "--pages", "2", "--seed", "3"], capsys)
    assert code == 0, err
    calls = len(fake_ocr.calls)
    code, second, err = run_cli(["demo", "--pages", "2", "--seed", "3"], capsys)
    assert code == 0, err
    batch_lines = [ln for ln in second.splitlines() if ", дело " in ln]
    assert batch_lines and all(" 0 нови" in ln for ln in batch_lines)
    assert len(fake_ocr.calls) == calls  # nothing recognised again
    total = [ln for ln in first.splitlines() if ln.startswith("Общо:")]
    assert total == [ln for ln in second.splitlines() if ln.startswith("Общо:")]
