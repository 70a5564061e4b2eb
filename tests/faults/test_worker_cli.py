"""`archive worker` and `archive jobs` as an operator meets them: clear one-line errors when Redis is
missing or down, and a jobs report that shows counts per status and why pages failed."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_cli.main import main
from archive_core.config import Settings
from tests.servers_sql import free_port

from .harness import fleet, ingest_all, server_env, worker_env


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


def use_env(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for k, v in env.items():
        if k.startswith("ARCHIVE_"):
            monkeypatch.setenv(k, v)


@pytest.mark.parametrize("command", ["worker", "jobs"])
def test_redis_down_is_one_clear_line(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dead = f"redis://127.0.0.1:{free_port()}/0"
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ARCHIVE_REDIS_URL", dead)
    monkeypatch.delenv("ARCHIVE_DATABASE_URL", raising=False)
    code, out, err = run([command], capsys)
    assert code == 6  # BackendUnavailable
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "Redis" in lines[0] and dead in lines[0] and "не отговаря" in lines[0]


def test_worker_needs_redis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ARCHIVE_REDIS_URL", raising=False)
    code, _, err = run(["worker"], capsys)
    assert code == 2
    assert "ARCHIVE_REDIS_URL" in err


def test_jobs_shows_counts_and_failed_pages(
    tmp_path: Path,
    prod_settings: Settings,
    sample_pages: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = prod_settings
    pages = sample_pages[:4]
    truth = tmp_path / "truth"  # ground truth for all but the last page: that one fails
    truth.mkdir()
    for p in pages[:-1]:
        (truth / p.with_suffix(".json").name).write_bytes(p.with_suffix(".json").read_bytes())
    log = tmp_path / "extract.log"
    with fleet(worker_env(settings, truth, log), tmp_path, processes=2):
        summary = ingest_all(settings, pages)
    assert summary.done == 3 and summary.failed == 1
    use_env(monkeypatch, server_env(settings))
    code, out, err = run(["jobs"], capsys)
    assert code == 0, err
    assert "готови" in out and "неуспешни" in out
    counts = {line.split()[0]: line.split()[-1] for line in out.splitlines() if line.startswith("  ")}
    assert counts.get("готови") == "3" and counts.get("неуспешни") == "1"
    bad = pages[-1].name
    assert any(bad in line and "таблицата не е открита" in line for line in out.splitlines())
    assert "Неуспешни задачи в rq" in out and "page-" in out


def test_bad_redis_url_is_a_config_error_without_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ARCHIVE_REDIS_URL", "rediss//:s3cret@host:6379/0")
    code, _, err = run(["jobs"], capsys)
    assert code == 3
    assert "ARCHIVE_REDIS_URL" in err and "s3cret" not in err
