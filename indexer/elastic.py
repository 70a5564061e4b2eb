"""Search index on Elasticsearch through the official ``elasticsearch`` client (works unchanged on a
real cluster; tested on the noida-db Elasticsearch-API server).

Layout
  * Searches go through the alias ``settings.index_alias``, writes through ``<alias>-write``. Behind
    the alias stand one index per intake period, ``<alias>-<period>-<UTC timestamp>`` (the period is
    the calendar quarter, ``intake_period()``); the first upsert of a new quarter (``start_intake_period()``)
    opens the next one and moves the write alias to it in one ``update_aliases`` call, so the older
    periods stay searchable and are no longer written to (see docs/scaling.md for the sizes). ``ensure()`` creates the first one
    if there is none. Two processes racing in ``ensure()`` both keep the oldest index and drop the
    other, so the alias always ends up on one index.
  * Documents are addressed by ``PersonMonth.id``: a retry overwrites, never duplicates. An upsert
    first deletes the same ids from the older periods' indices (a ``terms`` query on the keyword
    ``id``), so a page re-read in a later period is replaced there too; ``delete_page`` works on
    every period.
  * ``rebuild(records)`` fills one fresh index (marked by the alias ``<alias>-rebuilding`` so that
    upserts and deletes made meanwhile go to it as well) with no replicas and no refreshes, then
    restores both and moves the read and write aliases to it and deletes the old indices in ONE
    ``update_aliases`` call: searches see the old indices or the new one, never none and never a
    half-built one. Run one rebuild at a time (a new rebuild drops the leftovers of an interrupted one).

Mapping (explicit; ``dynamic: false`` so that a new PersonMonth field is kept in ``_source`` but not
indexed until the mapping says how)
  * ``egn``, ``id``, ``page_sha256``, ``review``, ``review_state``, ``file_no``, ``box``: keyword.
  * ``name``: text with the ``bulgarian`` analyzer, sub-fields ``name.folded`` (standard tokenizer,
    lowercase + asciifolding) and ``name.keyword`` (keyword, same normaliser; sorting).
  * ``name_latin``: the name transliterated to Latin by ``indexer.translit.fold`` at index time - an
    analyzer cannot transliterate without the ICU plugin, so it is a separate field, not a sub-field.
  * ``name_key``: ``indexer.translit.match_key`` of the name (lowercase Cyrillic, one letter per letter),
    the field fuzzy queries run on, so that one misread Cyrillic letter is one edit whatever the script
    of the query.
  * ``employer``: text (``bulgarian``) with ``employer.folded``; ``employer_key``: its ``match_key``
    words, searched word by word as prefixes (like the embedded index).
  * ``period``: date, the first day of the month (1 January when only the year is known), plus ``year``
    and ``month`` integers.
  * money fields: ``scaled_float`` with ``scaling_factor`` 100, sent as JSON numbers and read back as
    two-decimal ``Decimal``.

Search: ЕГН is an exact ``term`` filter; a name must match ``name_key`` with fuzziness ``AUTO:3,4`` (0 edits
for words of 1-2 letters, 1 for 3, 2 from 4 on, as the embedded index; no fixed prefix, at most 50
expansions a word) or ``name_latin`` with fuzziness ``AUTO`` (other Latin spellings); exact matches on
``name_key``/``name``/``name.folded`` score higher. Best matches first, then by period, then by id;
without a name, by period then id (as the embedded index). The derived word fields have no norms and
no positions: a name is a handful of words, and no phrase query runs on them.

Writes use ``elasticsearch.helpers.streaming_bulk`` with back-off on 429 (``max_retries``,
``initial_backoff``); documents still refused with 429 after that -> ``BackendUnavailable`` (retryable).
A server that does not answer -> ``BackendUnavailable`` with the URL in the message.

Known gaps of noida-db 0.2 (the test server), none of which changes what is sent to a real cluster:
  * its ``bulgarian`` analyzer does not stem (``Петрова`` does not find ``Петров`` through ``name``);
    fuzzy ``name_key`` still finds it (one edit);
  * ``scaled_float`` range queries only work on numeric values, which is why money is sent as numbers
    (a real cluster accepts both).
Client/cluster versions: the ``elasticsearch`` client must have the cluster's major version (a 9.x client
sends ``compatible-with=9`` headers that an 8.x cluster refuses); noida-db answers both.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import elastic_transport
from elasticsearch import ApiError, Elasticsearch
from elasticsearch import NotFoundError as EsNotFoundError
from elasticsearch.helpers import streaming_bulk

from archive_core.config import Settings
from archive_core.errors import ArchiveError, BackendUnavailable, ConfigError, UsageError
from archive_core.protocols import SearchQuery
from archive_core.records import MONEY_FIELDS, PersonMonth

from .translit import fold, match_key

SCHEMA_VERSION = 1
_CENT = Decimal("0.01")

ANALYSIS: dict[str, Any] = {
    "normalizer": {
        "folded": {"type": "custom", "char_filter": [], "filter": ["lowercase", "asciifolding"]},
    },
    "analyzer": {
        "folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
        "key_words": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
    },
}

MAPPINGS: dict[str, Any] = {
    "dynamic": False,
    "_meta": {"schema": SCHEMA_VERSION, "of": "PersonMonth"},
    "properties": {
        "id": {"type": "keyword"},
        "page_sha256": {"type": "keyword"},
        "row_index": {"type": "integer"},
        "row_no": {"type": "integer"},
        "egn": {"type": "keyword"},
        "name": {
            "type": "text",
            "analyzer": "bulgarian",
            "fields": {
                "folded": {"type": "text", "analyzer": "folded"},
                "keyword": {"type": "keyword", "normalizer": "folded", "ignore_above": 256},
            },
        },
        "name_latin": {"type": "text", "analyzer": "folded", "norms": False, "index_options": "freqs"},
        "name_key": {"type": "text", "analyzer": "key_words", "norms": False, "index_options": "freqs"},
        "position": {"type": "text", "analyzer": "bulgarian"},
        "employer": {
            "type": "text",
            "analyzer": "bulgarian",
            "fields": {"folded": {"type": "text", "analyzer": "folded"}},
        },
        "employer_key": {"type": "text", "analyzer": "key_words", "norms": False, "index_options": "docs"},
        "file_no": {"type": "keyword"},
        "box": {"type": "keyword"},
        "year": {"type": "integer"},
        "month": {"type": "integer"},
        "period": {"type": "date", "format": "yyyy-MM-dd"},
        "sheet": {"type": "integer"},
        "days_worked": {"type": "integer"},
        **{f: {"type": "scaled_float", "scaling_factor": 100} for f in MONEY_FIELDS},
        "review": {"type": "keyword"},
        "review_state": {"type": "keyword"},
        "bbox": {"type": "integer", "index": False},
    },
}

NAME_FUZZINESS = "AUTO:3,4"  # 0 edits for 1-2 letters, 1 for 3, 2 from 4 on (as indexer.fuzzy)
# Fuzzy name words: the automaton runs over the term dictionary of name words (some 10^5-10^6 distinct
# words per shard whatever the number of records), so no prefix is fixed: a misread first letter
# ("Цавдарова" for "Чавдарова") must still match. At most NAME_EXPANSIONS close words per query word.
NAME_PREFIX_LENGTH = 0
NAME_EXPANSIONS = 50


def intake_period(now: datetime | None = None) -> str:
    """The intake period an index holds: the calendar quarter, e.g. ``2026q4`` (some 27 million
    person-months at 300,000 a day: one primary shard of a healthy size, see docs/scaling.md)."""
    now = now or datetime.now(UTC)
    return f"{now.year}q{(now.month - 1) // 3 + 1}"


def to_doc(pm: PersonMonth) -> dict[str, Any]:
    """The Elasticsearch document of one record: the record itself plus the derived search fields."""
    doc = pm.search_doc()
    for f in MONEY_FIELDS:
        value = getattr(pm, f)
        doc[f] = None if value is None else float(value)
    doc["name_latin"] = fold(pm.name) or None
    doc["name_key"] = match_key(pm.name) or None
    doc["employer_key"] = match_key(pm.employer) or None
    doc["period"] = f"{pm.year:04d}-{pm.month or 1:02d}-01" if pm.year else None
    return doc


def from_doc(source: dict[str, Any]) -> PersonMonth:
    data = dict(source)
    for f in MONEY_FIELDS:
        value = data.get(f)
        if value is not None:
            data[f] = Decimal(str(value)).quantize(_CENT)
    return PersonMonth.model_validate(data)


_FUZZY: dict[str, Any] = {
    "fuzziness": NAME_FUZZINESS,
    "prefix_length": NAME_PREFIX_LENGTH,
    "max_expansions": NAME_EXPANSIONS,
    "fuzzy_transpositions": True,
}
_FUZZY_LATIN = {**_FUZZY, "fuzziness": "AUTO"}


def _date(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}-01"


def build_query(query: SearchQuery) -> tuple[dict[str, Any], list[Any]]:
    """The Elasticsearch query and sort for a SearchQuery."""
    filters: list[dict[str, Any]] = []
    must: list[dict[str, Any]] = []
    should: list[dict[str, Any]] = []
    if query.egn is not None:
        filters.append({"term": {"egn": query.egn.strip()}})
    if query.employer is not None:
        words = match_key(query.employer).split()
        if not words:
            filters.append({"bool": {"must_not": {"match_all": {}}}})
        filters.extend({"prefix": {"employer_key": {"value": w}}} for w in words)
    period: dict[str, str] = {}
    if query.period_from is not None:
        period["gte"] = _date(query.period_from)
    if query.period_to is not None:
        period["lte"] = _date(query.period_to)
    if period:
        filters.append({"range": {"period": period}})
    name = query.name.strip() if query.name else ""
    if name:
        key, latin = match_key(name), fold(name)
        must.append(
            {
                "bool": {
                    "should": [
                        {"match": {"name_key": {"query": key, "operator": "and", **_FUZZY}}},
                        {"match": {"name_latin": {"query": latin, "operator": "and", **_FUZZY_LATIN}}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
        should += [
            {"match": {"name_key": {"query": key, "operator": "and", "boost": 4}}},
            {"match": {"name": {"query": name, "operator": "and", "boost": 2}}},
            {"match": {"name.folded": {"query": name, "operator": "and", "boost": 2}}},
        ]
    bool_q: dict[str, Any] = {"filter": filters}
    if must:
        bool_q["must"] = must
    if should:
        bool_q["should"] = should
    if name:
        sort: list[Any] = [
            {"_score": "desc"},
            {"period": {"order": "asc", "missing": "_last"}},
            {"id": "asc"},
        ]
    else:
        sort = [{"period": {"order": "asc", "missing": "_last"}}, {"id": "asc"}]
    return {"bool": bool_q}, sort


class ElasticIndex:
    """``RecordIndex`` on Elasticsearch (see the module docstring)."""

    def __init__(
        self,
        client: Elasticsearch,
        alias: str,
        *,
        url: str = "",
        chunk_size: int = 1000,
        max_retries: int = 5,
        initial_backoff: float = 0.5,
        max_backoff: float = 30.0,
        number_of_shards: int | None = None,
        number_of_replicas: int | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if not alias or alias != alias.lower() or alias.startswith(("-", "_", "+")):
            raise ConfigError(
                f"неправилно име на индекс в Elasticsearch: {alias!r} (малки букви, без '-' отпред)"
            )
        self.client = client
        self.alias = alias
        self.rebuilding_alias = f"{alias}-rebuilding"
        self.write_alias = f"{alias}-write"
        self.url = url
        self.chunk_size = chunk_size
        self.max_retries = max_retries
        self.initial_backoff = initial_backoff
        self.max_backoff = max_backoff
        self.number_of_shards = number_of_shards
        self.number_of_replicas = number_of_replicas
        self.clock = clock or (lambda: datetime.now(UTC))
        self._ensured = False

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs: Any) -> ElasticIndex:
        url = settings.elasticsearch_url
        if not url:
            raise ConfigError("ARCHIVE_ELASTICSEARCH_URL не е зададен")
        try:
            client = Elasticsearch(url, request_timeout=30, max_retries=2, retry_on_timeout=True)
        except ValueError as e:
            raise ConfigError(f"неправилен ARCHIVE_ELASTICSEARCH_URL {url!r}: {e}") from None
        return cls(client, settings.index_alias, url=url, **kwargs)

    # -- errors ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except ArchiveError:
            raise
        except ApiError as e:
            status = e.meta.status if e.meta is not None else 0
            if status in (429, 502, 503, 504):
                raise BackendUnavailable(
                    f"{what}: Elasticsearch {self.url} е претоварен или недостъпен (HTTP {status}); опитайте пак"
                ) from None
            if status in (401, 403):
                raise ConfigError(
                    f"{what}: Elasticsearch {self.url} отказа достъп (HTTP {status}); проверете ARCHIVE_ELASTICSEARCH_URL"
                ) from None
            raise ArchiveError(
                f"{what}: Elasticsearch {self.url} върна грешка {status}: {e.message}"
            ) from None
        except elastic_transport.TransportError as e:
            raise BackendUnavailable(
                f"{what}: Elasticsearch {self.url} не отговаря ({type(e).__name__}); опитайте пак по-късно"
            ) from None

    # -- indices and aliases -----------------------------------------------------------------------

    def _new_index_name(self, period: str | None = None) -> str:
        return f"{self.alias}-{period or intake_period(self.clock())}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def _period_of(self, index: str) -> str:
        """The intake period in an index's name (``<alias>-<period>-<suffix>``)."""
        return index[len(self.alias) + 1 :].split("-", 1)[0]

    def _period_index_name(self, period: str) -> str:
        # The index that opens a period has a fixed name, so that processes opening the same period
        # at once (every worker's first upsert of a new quarter) all land on one index.
        return f"{self.alias}-{period}-{'0' * 20}"

    def _index_body(self, *, bulk: bool = False) -> dict[str, Any]:
        settings: dict[str, Any] = {"analysis": ANALYSIS}
        if self.number_of_shards is not None:
            settings["number_of_shards"] = self.number_of_shards
        if bulk:  # a rebuild: no replicas and no refreshes until it is loaded (see _finish_bulk)
            settings["number_of_replicas"] = 0
            settings["refresh_interval"] = "-1"
        elif self.number_of_replicas is not None:
            settings["number_of_replicas"] = self.number_of_replicas
        return {"settings": settings, "mappings": MAPPINGS}

    def _indices_of(self, alias: str) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=alias).keys())
        except EsNotFoundError:
            return []

    def _layout(self) -> tuple[list[str], str | None, list[str]]:
        """(indices searched, the index written to, indices being rebuilt), in one request."""
        # Every concrete index is named "<alias>-...": one request lists them all with their aliases
        # (asking for the three aliases by name answers 404 when one of them does not exist).
        try:
            got = self.client.indices.get_alias(index=f"{self.alias}-*", allow_no_indices=True)
        except EsNotFoundError:
            return [], None, []
        read = sorted(i for i, a in got.items() if self.alias in a.get("aliases", {}))
        write = sorted(i for i, a in got.items() if self.write_alias in a.get("aliases", {}))
        rebuilding = sorted(i for i, a in got.items() if self.rebuilding_alias in a.get("aliases", {}))
        return read, (write[-1] if write else None), rebuilding

    def ensure(self) -> None:
        with self._errors("създаване на индекса"):
            if self.client.indices.exists_alias(name=self.alias):
                self._ensure_write_alias()
                self._ensured = True
                return
            try:
                behind = set(self.client.indices.get(index=self.alias))
            except EsNotFoundError:
                behind = set()
            if behind and self.alias not in behind:  # another process has just made the alias
                self._ensure_write_alias()
                self._ensured = True
                return
            if self.alias in behind:
                raise ConfigError(
                    f"в Elasticsearch има индекс {self.alias!r}, а не псевдоним; преименувайте го или "
                    "сменете ARCHIVE_INDEX_ALIAS"
                )
            name = self._new_index_name()
            self.client.indices.create(
                index=name, aliases={self.alias: {}, self.write_alias: {}}, **self._index_body()
            )
            indices = self._indices_of(self.alias)
            if len(indices) > 1:  # another process created one at the same time: keep the oldest
                with contextlib.suppress(EsNotFoundError):
                    self.client.indices.update_aliases(
                        actions=[{"remove_index": {"index": i}} for i in indices[1:]]
                    )
            self._ensure_write_alias()
        self._ensured = True

    def _ensure_write_alias(self) -> None:
        """An alias made before intake periods has no write alias: put it on the newest index."""
        read, write, _ = self._layout()
        if write is None and read:
            with contextlib.suppress(ApiError):
                self.client.indices.put_alias(index=read[-1], name=self.write_alias)

    def start_intake_period(self, period: str | None = None) -> str:
        """Open the index of a new intake period (default: this quarter, ``intake_period()``) and
        move the write alias to it in one step; earlier periods stay searchable behind the alias and
        are no longer written to. Returns the index written to from now on. ``upsert`` calls it by
        itself at the first write of a new quarter, so no scheduled job is needed."""
        period = period or intake_period(self.clock())
        with self._errors("ново тримесечие на индекса"):
            self._ready()
            _, write, _ = self._layout()
            return self._open_period(period, write)

    def _open_period(self, period: str, write: str | None) -> str:
        if write is not None and self._period_of(write) == period:
            return write
        new = self._period_index_name(period)
        try:
            self.client.indices.create(index=new, aliases={self.alias: {}}, **self._index_body())
        except ApiError as e:
            if e.meta is None or e.meta.status != 400 or not self.client.indices.exists(index=new):
                raise
            # another process has just opened the same period: move the write alias with it
        actions: list[dict[str, Any]] = [{"add": {"index": new, "alias": self.write_alias}}]
        if write is not None:
            actions.append({"remove": {"index": write, "alias": self.write_alias}})
        try:
            self.client.indices.update_aliases(actions=actions)
        except EsNotFoundError:  # the other process moved it first (the old write alias is gone)
            self.client.indices.update_aliases(actions=actions[:1])
        # whoever moved it, only the period's index keeps the write alias
        others = [i for i in self._indices_of(self.write_alias) if i != new]
        if others:
            with contextlib.suppress(EsNotFoundError):
                self.client.indices.update_aliases(
                    actions=[{"remove": {"index": i, "alias": self.write_alias}} for i in others]
                )
        return new

    def _ready(self) -> None:
        if not self._ensured:
            self.ensure()

    # -- writes ------------------------------------------------------------------------------------

    def _bulk(self, actions: Iterable[dict[str, Any]], what: str) -> int:
        ok_count = 0
        refused: list[dict[str, Any]] = []
        overloaded = 0
        for ok, item in streaming_bulk(
            self.client,
            actions,
            chunk_size=self.chunk_size,
            max_retries=self.max_retries,
            initial_backoff=self.initial_backoff,
            max_backoff=self.max_backoff,
            raise_on_error=False,
            raise_on_exception=True,
        ):
            if ok:
                ok_count += 1
                continue
            info = next(iter(item.values()))
            if info.get("status") == 429:
                overloaded += 1
            elif len(refused) < 5:
                refused.append(info)
        if overloaded:
            raise BackendUnavailable(
                f"{what}: Elasticsearch {self.url} отказа {overloaded} записа заради претоварване (429) "
                f"и след {self.max_retries} опита; опитайте пак"
            )
        if refused:
            first = refused[0]
            reason = (first.get("error") or {}).get("reason", first.get("error"))
            raise ArchiveError(f"{what}: Elasticsearch не прие запис {first.get('_id')}: {reason}")
        return ok_count

    def upsert(self, records: Sequence[PersonMonth]) -> None:
        if not records:
            return
        with self._errors("индексиране"):
            self._ready()
            read, write, rebuilding = self._layout()
            if write is None:
                raise ArchiveError(
                    f"индексиране: псевдонимът {self.write_alias} не сочи индекс в Elasticsearch {self.url}; "
                    "изпълнете 'archive reindex'"
                )
            period = intake_period(self.clock())
            if not rebuilding and self._period_of(write) < period:
                # the first write of a new quarter opens its index (every process arrives at the same one)
                write = self._open_period(period, write)
                read = [*read, write] if write not in read else read
            older = [i for i in read if i != write]
            if older:
                # A record indexed in an earlier intake period is replaced, not duplicated.
                self.client.delete_by_query(
                    index=",".join(older),
                    query={"terms": {"id": [pm.id for pm in records]}},
                    conflicts="proceed",
                    refresh=True,
                )
            targets = [write, *rebuilding]
            actions = (
                {"_op_type": "index", "_index": target, "_id": pm.id, "_source": to_doc(pm)}
                for pm in records
                for target in targets
            )
            self._bulk(actions, "индексиране")

    def delete_page(self, page_sha256: str) -> None:
        with self._errors(f"изтриване на страница {page_sha256[:12]} от индекса"):
            self._ready()
            read, _, rebuilding = self._layout()
            for target in [*read, *rebuilding]:
                self.client.indices.refresh(index=target)  # delete_by_query sees only refreshed documents
                self.client.delete_by_query(
                    index=target,
                    query={"term": {"page_sha256": page_sha256}},
                    conflicts="proceed",
                    refresh=True,
                )

    def refresh(self) -> None:
        with self._errors("опресняване на индекса"):
            self._ready()
            self.client.indices.refresh(index=self.alias)

    def count(self) -> int:
        with self._errors("броене на записите"):
            self._ready()
            return int(self.client.count(index=self.alias)["count"])

    def rebuild(self, records: Iterable[PersonMonth]) -> int:
        """Load ``records`` into one fresh index (no replicas, no refreshes while loading), then
        restore replicas and refreshes and move the read and write aliases to it in one step."""
        with self._errors("преиндексиране"):
            self._ready()
            stale = self._indices_of(self.rebuilding_alias)  # leftovers of an interrupted rebuild
            if stale:
                self.client.indices.delete(index=",".join(stale), ignore_unavailable=True)
            new = self._new_index_name()
            while self.client.indices.exists(index=new):
                time.sleep(0.001)
                new = self._new_index_name()
            self.client.indices.create(
                index=new, aliases={self.rebuilding_alias: {}}, **self._index_body(bulk=True)
            )
            try:
                self._put_settings(new, {"refresh_interval": "-1", "number_of_replicas": 0})
                actions = (
                    {"_op_type": "index", "_index": new, "_id": pm.id, "_source": to_doc(pm)}
                    for pm in records
                )
                n = self._bulk(actions, "преиндексиране")
                self._put_settings(
                    new, {"refresh_interval": None, "number_of_replicas": self.number_of_replicas}
                )
                self.client.indices.refresh(index=new)
                old = [i for i in self._indices_of(self.alias) if i != new]
                self.client.indices.update_aliases(
                    actions=[
                        {"add": {"index": new, "alias": self.alias}},
                        {"add": {"index": new, "alias": self.write_alias}},
                        {"remove": {"index": new, "alias": self.rebuilding_alias}},
                        *({"remove_index": {"index": i}} for i in old),
                    ]
                )
            except BaseException:
                with contextlib.suppress(Exception):
                    self.client.indices.delete(index=new, ignore_unavailable=True)
                raise
            return n

    def _put_settings(self, index: str, settings: dict[str, Any]) -> None:
        """Bulk-load settings (None restores the default); a server that cannot change them simply
        keeps its own."""
        with contextlib.suppress(ApiError):
            self.client.indices.put_settings(index=index, settings={"index": settings})

    # -- search ------------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> list[PersonMonth]:
        if query.limit < 1:
            raise UsageError("броят резултати трябва да е поне 1")
        es_query, sort = build_query(query)
        with self._errors("търсене"):
            self._ready()
            resp = self.client.search(
                index=self.alias, query=es_query, sort=sort, size=query.limit, track_total_hits=False
            )
        return [from_doc(hit["_source"]) for hit in resp["hits"]["hits"]]
