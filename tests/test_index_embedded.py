"""The embedded FTS5 search index: ЕГН exact, tolerant names, employer words, periods, upsert, rebuild."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from archive_core.config import Settings
from archive_core.db import Page, open_database, record_from_person_month
from archive_core.errors import UsageError
from archive_core.protocols import RecordIndex, SearchQuery
from archive_core.records import PersonMonth
from indexer.embedded import EmbeddedIndex, IndexDamaged
from indexer.translit import fold, match_key, to_cyrillic, to_latin

from .conftest import FIXTURES

IVAN = "5003140242"
MARIA = "5511020813"
SHTERYU = "6001052020"


def load_records() -> list[PersonMonth]:
    data = json.loads((FIXTURES / "records" / "person_months.json").read_text(encoding="utf-8"))
    return [PersonMonth.model_validate(d) for d in data]


@pytest.fixture
def index(tmp_path: Path) -> EmbeddedIndex:
    idx = EmbeddedIndex(tmp_path / "index.sqlite")
    idx.ensure()
    idx.upsert(load_records())
    return idx


def names(results: list[PersonMonth]) -> set[str | None]:
    return {r.name for r in results}


def test_implements_protocol(tmp_path: Path) -> None:
    assert isinstance(EmbeddedIndex(tmp_path / "i.sqlite"), RecordIndex)


def test_transliteration_streamlined_system() -> None:
    assert to_latin("Иван Петров") == "Ivan Petrov"
    assert to_latin("Щерю Жеков Цонев") == "Shteryu Zhekov Tsonev"
    assert to_latin("Чавдар Шишков Йорданов Хаджиев Ъглов") == "Chavdar Shishkov Yordanov Hadzhiev Aglov"
    assert to_latin("Ямбол") == "Yambol"
    assert to_cyrillic("Ivan Petrov") == "Иван Петров"
    assert to_cyrillic("Shteryu Zhekov Tsonev") == "Щерю Жеков Цонев"
    assert fold("  ИВАН   петров ") == fold("Ivan Petrov") == "ivan petrov"


def test_egn_is_exact(index: EmbeddedIndex) -> None:
    res = index.search(SearchQuery(egn=IVAN))
    assert len(res) == 9 and {r.egn for r in res} == {IVAN}
    assert index.search(SearchQuery(egn=IVAN[:-1] + "3")) == []
    # Ordered by period and carrying the whole record.
    assert [(r.year, r.month) for r in res][:2] == [(1985, 1), (1985, 2)]
    assert res[0].gross_pay == Decimal("196.50") and res[0].bbox == [200, 900, 3300, 960]


@pytest.mark.parametrize(
    "query",
    [
        "Иван Петров Георгиев",
        "иван петров",
        "ИВАН ПЕТРОВ",
        "Петров Иван",  # any word order
        "Ivan Petrov",  # Latin spelling
        "ivan petrov georgiev",
        "Иван Петрав",  # one misread letter
        "Ибан Пвтрав",  # two misread letters in a word and one in another
        "Иван Петров Геортиев",
    ],
)
def test_name_tolerance(index: EmbeddedIndex, query: str) -> None:
    res = index.search(SearchQuery(name=query))
    assert res, query
    assert res[0].name == "Иван Петров Георгиев"
    assert "Мария Иванова Петрова" not in names(res)  # "Иван" is not "Мария"


def test_name_tolerance_latin_and_special_letters(index: EmbeddedIndex) -> None:
    for q in ("Shteryu Zhekov", "Щерю Жеков Цонев", "ЩЕРЮ ЖЕКОВ ЦОНЕВ", "Шерю Жеков Чонев"):
        res = index.search(SearchQuery(name=q))
        assert names(res) == {"Щерю Жеков Цонев"}, q


def test_name_with_ocr_lookalikes_and_sh_letters(index: EmbeddedIndex) -> None:
    # OCR puts Latin look-alikes into Cyrillic words, and misreads р as щ: still the same person.
    for q in ("Иван Пeтрoв", "ИВAН ПETPOB", "Иван Петщов", "Шерю Цонев"):
        res = index.search(SearchQuery(name=q))
        assert res and res[0].name in {"Иван Петров Георгиев", "Щерю Жеков Цонев"}, q
    assert match_key("Иван Пeтрoв") == match_key("Ivan Petrov") == "иван петров"
    assert match_key("Кънчева") == match_key("Kancheva")


def test_name_rejects_too_different(index: EmbeddedIndex) -> None:
    assert index.search(SearchQuery(name="Стоян Димитров")) == []
    assert index.search(SearchQuery(name="Иван Кирилов")) == []


def test_best_match_first(index: EmbeddedIndex) -> None:
    res = index.search(SearchQuery(name="Георги Иванов Петров"))
    assert res[0].name == "Георги Иванов Петров"
    assert [r.name for r in res[:6]] == ["Георги Иванов Петров"] * 6


def test_word_order_breaks_ties(tmp_path: Path) -> None:
    base = load_records()[0]
    r0, r1 = (PersonMonth.make_id(base.page_sha256, row) for row in (0, 1))
    reversed_order = base.model_copy(update={"id": r0, "name": "Колев Стоян Маринов", "year": 1980})
    in_order = base.model_copy(update={"id": r1, "name": "Стоян Колев Маринов", "year": 1990})
    idx = EmbeddedIndex(tmp_path / "i.sqlite")
    idx.upsert([reversed_order, in_order])
    assert [r.id for r in idx.search(SearchQuery(name="Стоян Колев"))] == [r1, r0]
    assert [r.id for r in idx.search(SearchQuery(name="Колев Стоян"))] == [r0, r1]


def test_an_id_that_is_not_of_its_page_is_refused(tmp_path: Path) -> None:
    """delete_page finds a page's rows by their ids, so a stray id would outlive its page."""
    stray = load_records()[0].model_copy(update={"id": "r-000"})
    idx = EmbeddedIndex(tmp_path / "i.sqlite")
    with pytest.raises(UsageError, match="r-000"):
        idx.upsert([stray])
    assert idx.count() == 0


def test_employer_by_words(index: EmbeddedIndex) -> None:
    res = index.search(SearchQuery(employer="балкан"))
    assert len(res) == 18 and {r.employer for r in res} == {'ДЗС "Балкан"'}
    res = index.search(SearchQuery(employer="завод Пловдив"))
    assert {r.employer for r in res} == {"Завод за машини Пловдив"}
    assert index.search(SearchQuery(employer="Пловдив Балкан")) == []


def test_period_is_inclusive(index: EmbeddedIndex) -> None:
    res = index.search(SearchQuery(egn=IVAN, period_from=(1985, 3), period_to=(1985, 5)))
    assert [(r.year, r.month) for r in res] == [(1985, 3), (1985, 4), (1985, 5)]
    res = index.search(SearchQuery(name="Ivan Petrov Georgiev", period_from=(1991, 1)))
    assert {r.year for r in res} == {1991} and len(res) == 3
    res = index.search(SearchQuery(employer="Балкан", period_to=(1985, 1)))
    assert len(res) == 3


def test_combined_criteria_and_limit(index: EmbeddedIndex) -> None:
    res = index.search(SearchQuery(name="Иван Петров", employer="Пловдив"))
    assert {(r.name, r.employer) for r in res} == {("Иван Петров Георгиев", "Завод за машини Пловдив")}
    assert len(index.search(SearchQuery(employer="Балкан", limit=4))) == 4


def test_upsert_is_idempotent_and_overwrites(index: EmbeddedIndex) -> None:
    records = load_records()
    assert index.count() == len(records)
    index.upsert(records)
    assert index.count() == len(records)
    fixed = records[0].model_copy(update={"name": "Иван Петров Георгиев", "days_worked": 5})
    index.upsert([fixed])
    assert index.count() == len(records)
    res = index.search(SearchQuery(egn=IVAN, period_from=(1985, 1), period_to=(1985, 1)))
    assert [r.days_worked for r in res] == [5]


def test_delete_page(index: EmbeddedIndex) -> None:
    records = load_records()
    page = records[0].page_sha256
    index.delete_page(page)
    assert index.count() == len(records) - 3
    assert all(r.page_sha256 != page for r in index.search(SearchQuery(employer="Балкан")))
    assert index.search(SearchQuery(name="Мария Иванова", period_to=(1985, 1))) == []


def test_rebuild_replaces_everything(index: EmbeddedIndex, tmp_path: Path) -> None:
    records = load_records()
    only_1991 = [r for r in records if r.year == 1991]
    assert index.rebuild(iter(only_1991)) == len(only_1991)
    assert index.count() == len(only_1991)
    assert index.search(SearchQuery(employer="Балкан")) == []
    assert len(index.search(SearchQuery(name="Щерю Цонев"))) == 3
    # Old generation tables are gone from the file.
    tables = {
        r[0] for r in sqlite3.connect(tmp_path / "index.sqlite").execute("SELECT name FROM sqlite_master")
    }
    assert not any(t.split("_")[0] in {"docs", "names", "emps"} and t.split("_")[1] == "1" for t in tables)


def test_failed_rebuild_keeps_old_index(index: EmbeddedIndex) -> None:
    records = load_records()

    def broken():
        yield records[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        index.rebuild(broken())
    assert index.count() == len(records)
    assert len(index.search(SearchQuery(egn=MARIA))) == 6


def test_upsert_during_rebuild_is_not_lost(index: EmbeddedIndex) -> None:
    records = load_records()
    late = records[0].model_copy(
        update={
            "id": PersonMonth.make_id(records[0].page_sha256, 99),
            "row_index": 99,
            "name": "Стефка Колева",
        }
    )
    other_process = EmbeddedIndex(index.path)

    def from_database():
        yield from records[:5]
        other_process.upsert([late])  # a worker indexes a new page while the rebuild runs
        yield from records[5:]

    index.rebuild(from_database())
    assert index.count() == len(records) + 1
    assert [r.id for r in index.search(SearchQuery(name="Стефка Колева"))] == [late.id]


def test_index_survives_reopen(index: EmbeddedIndex) -> None:
    again = EmbeddedIndex(index.path)
    assert again.count() == index.count()
    assert again.search(SearchQuery(egn=SHTERYU))[0].name == "Щерю Жеков Цонев"


def seed_archive(settings: Settings, records: list[PersonMonth] | None = None) -> list[PersonMonth]:
    """Write records (default: the fixture) into the settings' database and embedded index, with a
    ledger row per page, as the pipeline would. Shared by the CLI, API and certificate tests."""
    records = load_records() if records is None else records
    db = open_database(settings)
    try:
        with db.Session.begin() as session:
            for sha in dict.fromkeys(r.page_sha256 for r in records):
                first = next(r for r in records if r.page_sha256 == sha)
                session.merge(
                    Page(
                        sha256=sha,
                        source=f"{first.employer}-{first.year}-{first.month}.png",
                        status="done",
                        content_type="image/png",
                        year=first.year,
                        month=first.month,
                        sheet=first.sheet,
                        employer_printed=first.employer,
                    )
                )
            session.flush()
            for r in records:
                session.merge(record_from_person_month(r))
    finally:
        db.dispose()
    index = EmbeddedIndex(settings.resolved_data_dir / "index.sqlite")
    index.ensure()
    index.upsert(records)
    index.close()
    return records


def test_index_of_the_previous_layout_asks_for_reindex(tmp_path: Path) -> None:
    """An index file written by the previous version (FTS5 trigram names) is not misread: searches
    say to run 'archive reindex', and the rebuild replaces it."""
    path = tmp_path / "index.sqlite"
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO meta VALUES ('generation', '1');"
        "CREATE TABLE docs_1 (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, page_sha256 TEXT NOT NULL,"
        " egn TEXT, name_key TEXT NOT NULL DEFAULT '', employer_key TEXT NOT NULL DEFAULT '', ym INTEGER,"
        " doc TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0);"
        "CREATE VIRTUAL TABLE names_1 USING fts5(name_key, tokenize='trigram');"
    )
    old.close()
    idx = EmbeddedIndex(path)
    with pytest.raises(IndexDamaged) as err:
        idx.search(SearchQuery(egn=IVAN))
    assert "archive reindex" in str(err.value)
    records = load_records()
    assert idx.rebuild(iter(records)) == len(records)
    assert len(idx.search(SearchQuery(egn=IVAN))) == 9
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert not any(t.startswith(("docs_1", "names_1")) for t in tables)


def test_a_name_with_two_close_words_is_found_once(tmp_path: Path) -> None:
    base = load_records()[0]
    ivan = base.model_copy(update={"name": "Иван Иванов Иванов"})
    idx = EmbeddedIndex(tmp_path / "i.sqlite")
    idx.upsert([ivan])
    assert [r.id for r in idx.search(SearchQuery(name="Иван"))] == [ivan.id]
    assert [r.id for r in idx.search(SearchQuery(name="Иванов Иван"))] == [ivan.id]
