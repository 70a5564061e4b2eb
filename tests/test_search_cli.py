"""`archive search` and `archive reindex` as a clerk runs them: output, JSON, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archive_cli.main import main
from archive_core.config import Settings
from archive_core.db import Page, Record, open_database
from indexer.embedded import EmbeddedIndex

from .test_index_embedded import IVAN, MARIA, seed_archive


@pytest.fixture
def archive(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    for var in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "S3_ENDPOINT"):
        monkeypatch.delenv(f"ARCHIVE_{var}", raising=False)
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(settings.data_dir))
    seed_archive(settings)
    return settings


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_search_by_egn_prints_table_with_page_and_row(
    archive: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["search", "--egn", MARIA], capsys)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == [
        "ЕГН",
        "име",
        "работодател",
        "период",
        "дни",
        "брутно",
        "страница",
        "ред",
        "преглед",
    ]
    body = [ln for ln in lines[2:] if ln.startswith(MARIA)]
    assert len(body) == 6
    assert "Мария Иванова Петрова" in body[0] and "01.1985" in body[0]
    assert "cd25e4bdbf80" in body[0]  # page sha256[:12]
    # The month under review says so and which field.
    april = next(ln for ln in body if "04.1985" in ln)
    assert "за проверка: брутно" in april
    assert lines[-1] == "Намерени записи: 6"


def test_search_json_is_array_of_records(archive: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["search", "--name", "Ivan Petrov", "--from", "1991-02", "--to", "1991-03", "--json"], capsys
    )
    assert code == 0
    data = json.loads(out)
    assert [(d["year"], d["month"]) for d in data] == [(1991, 2), (1991, 3)]
    assert {d["egn"] for d in data} == {IVAN}
    assert data[0]["gross_pay"] == "2500.00" and data[0]["page_sha256"] and data[0]["row_no"] == 2


def test_search_tolerant_name_from_cli(archive: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", "--name", "мариа иванава", "--json"], capsys)
    assert code == 0
    assert {d["name"] for d in json.loads(out)} == {"Мария Иванова Петрова"}


def test_search_employer(archive: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", "--employer", "машини", "--json"], capsys)
    assert code == 0 and len(json.loads(out)) == 6


def test_search_nothing_found(archive: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["search", "--name", "Стоян Колев"], capsys)
    assert code == 0 and out.strip() == "Няма намерени записи."
    code, out, _ = run(["search", "--name", "Стоян Колев", "--json"], capsys)
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["search"], "посочете поне едно от"),
        (["search", "--egn", MARIA, "--from", "1985-13"], "няма месец 13"),
        (["search", "--egn", MARIA, "--to", "март"], "ГГГГ-ММ"),
        (["search", "--egn", "12345"], "10 цифри"),
        (["search", "--egn", MARIA, "--from", "1986-01", "--to", "1985-01"], "след края"),
    ],
)
def test_bad_input_is_one_bulgarian_line_exit_2(
    archive: Settings, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_reindex_rebuilds_from_database(archive: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    # The index lost everything; the database still has the records.
    index = EmbeddedIndex(archive.resolved_data_dir / "index.sqlite")
    index.rebuild([])
    assert index.count() == 0
    db = open_database(archive)
    with db.Session() as s:
        n_records = s.query(Record).count()
    code, out, err = run(["reindex"], capsys)
    assert code == 0, err
    assert f"{n_records} записа" in out
    assert index.count() == n_records
    code, out, _ = run(["search", "--egn", MARIA, "--json"], capsys)
    assert len(json.loads(out)) == 6
    with db.Session() as s:
        assert all(p.indexed_at is not None for p in s.query(Page).all())
    db.dispose()


def test_damaged_index_says_so_and_reindex_repairs_it(
    archive: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    path = archive.resolved_data_dir / "index.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not an index" * 100)
    code, out, err = run(["search", "--egn", MARIA], capsys)
    assert code == 1 and "повреден" in err and "archive reindex" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(["reindex"], capsys)
    assert code == 0, err
    code, out, _ = run(["search", "--egn", MARIA, "--json"], capsys)
    assert code == 0 and len(json.loads(out)) == 6
    assert list(path.parent.glob("index.sqlite.damaged-*"))  # kept aside, not deleted
