"""RecordIndex contract: the embedded SQLite index and ElasticIndex (on noida-db) answer alike."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from archive_core.config import Settings
from archive_core.errors import BackendUnavailable, ConfigError
from archive_core.protocols import RecordIndex, SearchQuery
from archive_core.records import PersonMonth, ReviewState
from indexer.elastic import ElasticIndex

from .conftest import make_elastic_index

pytestmark = pytest.mark.integration

PAGE_A = "a1" * 32
PAGE_B = "b2" * 32
PAGE_C = "c3" * 32
IVAN = "5003140242"
MARIA = "5511020813"
PETAR = "4807126505"


def pm(page: str, row: int, egn: str, name: str, year: int, month: int, **kw: Any) -> PersonMonth:
    return PersonMonth(
        id=PersonMonth.make_id(page, row),
        page_sha256=page,
        row_index=row,
        row_no=row + 1,
        egn=egn,
        name=name,
        employer=kw.pop("employer", "ДЗУ АД Стара Загора"),
        year=year,
        month=month,
        days_worked=kw.pop("days_worked", 22),
        gross_pay=kw.pop("gross_pay", Decimal("312.45")),
        net_pay=kw.pop("net_pay", Decimal("280.10")),
        **kw,
    )


def records() -> list[PersonMonth]:
    return [
        pm(PAGE_A, 0, IVAN, "Иван Петров Иванов", 1985, 3),
        pm(PAGE_A, 1, MARIA, "Мария Георгиева Чавдарова", 1985, 3, gross_pay=Decimal("1234.56")),
        pm(
            PAGE_A,
            2,
            PETAR,
            "Петър Стоянов Петров",
            1985,
            3,
            review=["egn"],
            review_state=ReviewState.needs_review,
        ),
        pm(PAGE_B, 0, IVAN, "Иван Петров Иванов", 1985, 4),
        pm(PAGE_B, 1, MARIA, "Мария Георгиева Чавдарова", 1985, 4),
        pm(PAGE_C, 0, IVAN, "ИВАН ПЕТРОВ ИВАНОВ", 1991, 12, employer="Завод Балкан ЕООД Ловеч"),
        pm(PAGE_C, 1, "6001052020", "Щерю Жеков Цонев", 1991, 12, employer="Завод Балкан ЕООД Ловеч"),
    ]


@pytest.fixture
def filled(index: RecordIndex) -> RecordIndex:
    index.ensure()
    index.upsert(records())
    index.refresh()
    return index


def names(found: list[PersonMonth]) -> set[str]:
    return {(r.name or "").lower() for r in found}


def test_implements_protocol(index: RecordIndex) -> None:
    assert isinstance(index, RecordIndex)


def test_returns_the_records_as_stored(filled: RecordIndex) -> None:
    found = filled.search(SearchQuery(egn=MARIA, period_from=(1985, 3), period_to=(1985, 3)))
    assert found == [records()[1]]  # every field, money to the stotinka, review marks
    petar = filled.search(SearchQuery(egn=PETAR))
    assert petar == [records()[2]] and petar[0].review_state is ReviewState.needs_review


def test_egn_is_exact(filled: RecordIndex) -> None:
    found = filled.search(SearchQuery(egn=IVAN))
    assert [(r.year, r.month) for r in found] == [(1985, 3), (1985, 4), (1991, 12)]  # by period
    assert filled.search(SearchQuery(egn=IVAN[:9])) == []
    assert filled.search(SearchQuery(egn="5003140243")) == []


@pytest.mark.parametrize(
    "typed",
    [
        "Иван Петров",  # as printed
        "иван петров иванов",  # case
        "ИВАН ПЕТРОВ",
        "Петров Иван",  # order
        "Ivan Petrov",  # Latin spelling
        "IVAN PETROV IVANOV",
        "Иван Петрав",  # one misread letter
        "Ивам Петрпв",  # two misread letters (one per word)
        "Иван Пиетрв",  # two misread letters in one word
    ],
)
def test_name_is_tolerant(filled: RecordIndex, typed: str) -> None:
    found = filled.search(SearchQuery(name=typed))
    assert {r.egn for r in found} == {IVAN}, typed
    assert len(found) == 3


def test_name_latin_and_misread_cyrillic(filled: RecordIndex) -> None:
    assert {r.egn for r in filled.search(SearchQuery(name="Maria Chavdarova"))} == {MARIA}
    assert {r.egn for r in filled.search(SearchQuery(name="Мария Цавдарова"))} == {MARIA}  # ц misread for ч
    assert {r.name for r in filled.search(SearchQuery(name="Shteryu Tsonev"))} == {"Щерю Жеков Цонев"}


@pytest.mark.parametrize(
    "typed",
    [
        "Стоян Гсоргиев",  # е misread as с
        "Гсоргиев",
        "Stoyan Georgiev",  # the Streamlined System
        "Stoyan Georgieff",  # an old spelling
        "Georgieff Stoyan",
        "STOYAN GEORGIEV KOLEV",
    ],
)
def test_misread_and_latin_spellings_find_the_person(filled: RecordIndex, typed: str) -> None:
    stoyan = pm(PAGE_C, 2, "5209098825", "Стоян Георгиев Колев", 1991, 12, employer="Завод Балкан ЕООД Ловеч")
    filled.upsert([stoyan])
    filled.refresh()
    found = filled.search(SearchQuery(name=typed))
    assert stoyan in found, typed
    assert found[0] == stoyan or typed == "Гсоргиев", typed  # the closest name first
    assert IVAN not in {r.egn for r in found}


def test_name_does_not_match_other_people(filled: RecordIndex) -> None:
    assert filled.search(SearchQuery(name="Георги Димитров")) == []
    assert filled.search(SearchQuery(name="Иван Иванчев Колев")) == []


def test_closest_name_first(index: RecordIndex) -> None:
    index.upsert(
        [
            pm(PAGE_A, 0, "7001011230", "Иван Петкова", 1980, 1),
            pm(PAGE_A, 1, "7001011231", "Иван Петров", 1990, 1),
        ]
    )
    index.refresh()
    found = index.search(SearchQuery(name="Иван Петров"))
    assert [r.name for r in found] == ["Иван Петров", "Иван Петкова"]


def test_employer_by_words(filled: RecordIndex) -> None:
    found = filled.search(SearchQuery(employer="завод балкан"))
    assert names(found) == {"иван петров иванов", "щерю жеков цонев"} and all(r.year == 1991 for r in found)
    assert len(filled.search(SearchQuery(employer="Ловеч"))) == 2
    assert len(filled.search(SearchQuery(employer="стара загора"))) == 5
    assert filled.search(SearchQuery(employer="Металургичен комбинат")) == []
    both = filled.search(SearchQuery(name="Иван Петров", employer="ДЗУ"))
    assert [(r.year, r.month) for r in both] == [(1985, 3), (1985, 4)]


def test_period_is_inclusive(filled: RecordIndex) -> None:
    def months(q: SearchQuery) -> list[tuple[int | None, int | None]]:
        return sorted((r.year, r.month) for r in filled.search(q))

    assert months(SearchQuery(egn=IVAN, period_from=(1985, 4))) == [(1985, 4), (1991, 12)]
    assert months(SearchQuery(egn=IVAN, period_to=(1985, 4))) == [(1985, 3), (1985, 4)]
    assert months(SearchQuery(egn=IVAN, period_from=(1985, 4), period_to=(1985, 4))) == [(1985, 4)]
    assert months(SearchQuery(egn=IVAN, period_from=(1986, 1), period_to=(1991, 11))) == []
    assert months(SearchQuery(name="Ivan Petrov", period_from=(1991, 12), period_to=(1991, 12))) == [
        (1991, 12)
    ]


def test_limit(filled: RecordIndex) -> None:
    assert len(filled.search(SearchQuery(employer="ДЗУ", limit=2))) == 2


def test_upsert_same_id_twice_is_one_record(filled: RecordIndex) -> None:
    before = filled.count()
    fixed = records()[2].model_copy(
        update={"egn": "4807126504", "review": [], "review_state": ReviewState.verified}
    )
    filled.upsert([fixed])
    filled.upsert([fixed])
    filled.refresh()
    assert filled.count() == before == len(records())
    assert filled.search(SearchQuery(egn=PETAR)) == []
    assert filled.search(SearchQuery(egn="4807126504")) == [fixed]


def test_delete_page(filled: RecordIndex) -> None:
    filled.delete_page(PAGE_A)
    filled.refresh()
    assert filled.count() == len(records()) - 3
    assert [(r.year, r.month) for r in filled.search(SearchQuery(egn=IVAN))] == [(1985, 4), (1991, 12)]
    assert filled.search(SearchQuery(egn=PETAR)) == []


def test_count(index: RecordIndex) -> None:
    index.ensure()
    assert index.count() == 0
    index.upsert(records())
    index.refresh()
    assert index.count() == len(records())


def test_rebuild_swaps_and_search_keeps_answering(filled: RecordIndex) -> None:
    new = [r for r in records() if r.page_sha256 != PAGE_A]
    new.append(pm(PAGE_A, 5, "6612121212", "Стоян Колев Стоянов", 1985, 3))
    seen_during: list[set[str | None]] = []

    def slowly() -> Iterator[PersonMonth]:
        for i, r in enumerate(new):
            if i == len(new) // 2:  # half-way through: searches still answer from the old index
                seen_during.append({x.egn for x in filled.search(SearchQuery(employer="ДЗУ"))})
            yield r

    assert filled.rebuild(slowly()) == len(new)
    assert seen_during == [{IVAN, MARIA, PETAR}]
    filled.refresh()
    assert filled.count() == len(new)
    assert filled.search(SearchQuery(egn=PETAR)) == []  # only what the rebuild was given
    assert [r.name for r in filled.search(SearchQuery(name="Stoyan Kolev"))] == ["Стоян Колев Стоянов"]
    assert filled.rebuild(iter(records())) == len(records())  # and again
    assert filled.count() == len(records())


def test_failed_rebuild_changes_nothing(filled: RecordIndex) -> None:
    def breaks_half_way() -> Iterator[PersonMonth]:
        yield records()[0]
        raise RuntimeError("database connection lost")

    with pytest.raises(RuntimeError):
        filled.rebuild(breaks_half_way())
    assert filled.count() == len(records())
    assert len(filled.search(SearchQuery(egn=IVAN))) == 3
    assert filled.rebuild(iter(records()[:2])) == 2  # and the next rebuild works
    filled.refresh()
    assert filled.count() == 2


# -- Elasticsearch specifics -------------------------------------------------------------------------


def es_indices(idx: ElasticIndex) -> dict[str, Any]:
    return dict(idx.client.indices.get_alias(index=f"{idx.alias}-*"))


def test_elastic_alias_moves_and_old_index_goes(es_server) -> None:  # type: ignore[no-untyped-def]
    idx = make_elastic_index(es_server.url)
    idx.ensure()
    idx.ensure()  # idempotent
    before = es_indices(idx)
    assert len(before) == 1
    (old,) = before
    assert old.startswith(idx.alias + "-") and idx.alias in before[old]["aliases"]
    idx.upsert(records())
    idx.rebuild(records())
    after = es_indices(idx)
    assert len(after) == 1 and old not in after
    (new,) = after
    assert set(after[new]["aliases"]) == {idx.alias, idx.write_alias}  # the rebuilding mark is gone
    mapping = idx.client.indices.get_mapping(index=new)[new]["mappings"]["properties"]
    assert mapping["egn"]["type"] == "keyword"
    assert mapping["name"]["analyzer"] == "bulgarian" and set(mapping["name"]["fields"]) >= {"folded"}
    assert mapping["period"]["type"] == "date"
    assert mapping["gross_pay"] == {"type": "scaled_float", "scaling_factor": 100}


def test_elastic_writes_during_rebuild_are_kept(es_server) -> None:  # type: ignore[no-untyped-def]
    idx = make_elastic_index(es_server.url)
    idx.upsert(records())
    late = pm(PAGE_C, 7, "7707077777", "Радка Тодорова", 1991, 12)

    def with_a_late_page() -> Iterator[PersonMonth]:
        for i, r in enumerate(records()):
            if i == 3:
                idx.upsert([late])  # a worker indexes a page while the rebuild runs
            yield r

    idx.rebuild(with_a_late_page())
    idx.refresh()
    assert idx.search(SearchQuery(egn="7707077777")) == [late]
    assert idx.count() == len(records()) + 1


def test_elastic_intake_periods_behind_one_alias(es_server) -> None:  # type: ignore[no-untyped-def]
    idx = make_elastic_index(es_server.url)
    idx.start_intake_period("2026q4")
    idx.upsert(records()[:4])
    new = idx.start_intake_period("2027q1")
    assert idx.start_intake_period("2027q1") == new  # the same period twice: the same index
    idx.upsert(records()[4:])
    idx.refresh()
    indices = es_indices(idx)
    assert len(indices) == 2 and all(idx.alias in a["aliases"] for a in indices.values())
    assert [i for i, a in indices.items() if idx.write_alias in a["aliases"]] == [new]
    assert idx.count() == len(records())
    assert [(r.year, r.month) for r in idx.search(SearchQuery(egn=IVAN))] == [
        (1985, 3),
        (1985, 4),
        (1991, 12),
    ]
    fixed = records()[0].model_copy(update={"days_worked": 3})  # re-indexed in the new period
    idx.upsert([fixed])
    idx.refresh()
    assert idx.count() == len(records())
    assert idx.search(SearchQuery(egn=IVAN, period_to=(1985, 3))) == [fixed]
    idx.delete_page(PAGE_A)  # across every period
    idx.refresh()
    assert idx.count() == len(records()) - 3
    assert idx.rebuild(iter(records())) == len(records())  # a rebuild gathers every period into one
    assert len(es_indices(idx)) == 1 and idx.count() == len(records())


def test_elastic_first_write_of_a_new_quarter_opens_its_index(es_server) -> None:  # type: ignore[no-untyped-def]
    """No scheduled job: the workers' first writes after New Year move the write alias by themselves,
    two processes at once land on one new index, and nothing written on either side is lost."""
    now = [datetime(2026, 12, 31, 23, 59, tzinfo=UTC)]
    first = make_elastic_index(es_server.url)
    first.clock = lambda: now[0]
    first.upsert(records()[:4])
    second = ElasticIndex.from_settings(Settings(elasticsearch_url=es_server.url, index_alias=first.alias))
    second.clock = lambda: now[0]
    now[0] = datetime(2027, 1, 1, 0, 1, tzinfo=UTC)
    halves = (records()[4:5], records()[5:])
    errors: list[BaseException] = []

    def write(idx: ElasticIndex, part: list[PersonMonth]) -> None:
        try:
            idx.upsert(part)
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            errors.append(e)

    threads = [
        threading.Thread(target=write, args=(i, p)) for i, p in zip((first, second), halves, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    first.refresh()
    indices = es_indices(first)
    writers = [i for i, a in indices.items() if first.write_alias in a["aliases"]]
    assert len(indices) == 2 and len(writers) == 1 and "-2027q1-" in writers[0]
    assert all(first.alias in a["aliases"] for a in indices.values())
    assert first.count() == len(records())
    fixed = records()[0].model_copy(update={"days_worked": 3})  # a page of last quarter read again
    second.upsert([fixed])
    first.refresh()
    assert first.count() == len(records())
    assert first.search(SearchQuery(egn=IVAN, period_to=(1985, 3))) == [fixed]


@pytest.mark.parametrize("missed", ["alias check", "both checks"])
def test_elastic_two_processes_ensuring_at_once_keep_one_index(es_server, monkeypatch, missed) -> None:  # type: ignore[no-untyped-def]
    first = make_elastic_index(es_server.url)
    first.ensure()
    first.upsert(records())
    first.refresh()
    second = ElasticIndex.from_settings(Settings(elasticsearch_url=es_server.url, index_alias=first.alias))
    # the second process checked for the alias just before the first one created it
    monkeypatch.setattr(second.client.indices, "exists_alias", lambda **kw: False)
    if missed == "both checks":  # ... and both create an index
        monkeypatch.setattr(second.client.indices, "get", lambda **kw: {})
    second.ensure()
    monkeypatch.undo()
    assert len(es_indices(first)) == 1  # the younger index is dropped again, the alias is on the older one
    assert second.count() == first.count() == len(records())


def test_elastic_plain_index_in_the_way(es_server) -> None:  # type: ignore[no-untyped-def]
    idx = make_elastic_index(es_server.url)
    idx.client.indices.create(index=idx.alias)
    try:
        with pytest.raises(ConfigError) as err:
            idx.ensure()
        assert idx.alias in str(err.value)
    finally:
        idx.client.indices.delete(index=idx.alias)


def test_elastic_down_is_backend_unavailable(dead_endpoint: str) -> None:
    idx = make_elastic_index(f"http://{dead_endpoint}")
    for call in (
        idx.ensure,
        lambda: idx.search(SearchQuery(egn=IVAN)),
        lambda: idx.upsert(records()),
        idx.count,
    ):
        with pytest.raises(BackendUnavailable) as err:
            call()
        assert dead_endpoint in str(err.value)


def test_elastic_going_down_and_back(es_server_restartable) -> None:  # type: ignore[no-untyped-def]
    idx = make_elastic_index(es_server_restartable.url)
    idx.upsert(records())
    idx.refresh()
    es_server_restartable.stop()
    with pytest.raises(BackendUnavailable):
        idx.search(SearchQuery(egn=IVAN))
    with pytest.raises(BackendUnavailable):
        idx.upsert([records()[0]])
    es_server_restartable.start()
    assert len(idx.search(SearchQuery(egn=IVAN))) == 3
    assert idx.count() == len(records())


class _Rejecting:
    """An HTTP proxy in front of the server that answers the first ``reject`` bulk requests with a
    per-document 429 (es_rejected_execution_exception), as a busy cluster does."""

    def __init__(self, upstream: str, reject: int) -> None:
        self.upstream = upstream
        self.reject = reject
        self.bulk_calls = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if self.path.split("?")[0].endswith("/_bulk"):
                    proxy.bulk_calls += 1
                    if proxy.bulk_calls <= proxy.reject:
                        lines = [json.loads(x) for x in (body or b"").splitlines() if x.strip()]
                        items = [
                            {
                                op: {
                                    "_index": meta.get("_index"),
                                    "_id": meta.get("_id"),
                                    "status": 429,
                                    "error": {
                                        "type": "es_rejected_execution_exception",
                                        "reason": "queue full",
                                    },
                                }
                            }
                            for line in lines
                            for op, meta in line.items()
                            if op in ("index", "create", "update", "delete")
                        ]
                        self._send(200, json.dumps({"took": 1, "errors": True, "items": items}).encode())
                        return
                req = urllib.request.Request(proxy.upstream + self.path, data=body, method=self.command)
                for k in ("Content-Type", "Accept"):
                    if self.headers.get(k):
                        req.add_header(k, self.headers[k])
                try:
                    with urllib.request.urlopen(req, timeout=30) as resp:
                        self._send(resp.status, resp.read())
                except urllib.error.HTTPError as e:
                    self._send(e.code, e.read())

            def _send(self, status: int, payload: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> _Rejecting:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_elastic_bulk_backs_off_on_429(es_server) -> None:  # type: ignore[no-untyped-def]
    with _Rejecting(es_server.url, reject=2) as proxy:
        idx = make_elastic_index(proxy.url)
        idx.upsert(records())
        idx.refresh()
        assert proxy.bulk_calls == 3  # two refusals, then accepted
        assert idx.count() == len(records())


def test_elastic_bulk_gives_up_as_unavailable(es_server) -> None:  # type: ignore[no-untyped-def]
    with _Rejecting(es_server.url, reject=1000) as proxy:
        idx = make_elastic_index(proxy.url)
        idx.max_retries = 2
        with pytest.raises(BackendUnavailable):
            idx.upsert(records())
        assert proxy.bulk_calls == 3
