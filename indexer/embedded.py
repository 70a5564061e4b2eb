"""The embedded search index: SQLite in one file, no server (stdlib ``sqlite3`` + ``rapidfuzz``).

Layout (``<n>`` is the generation; ``meta.generation`` says which one searches use, ``meta.layout``
which table layout the file has):

* ``docs_<n>``: one row per PersonMonth (``id`` unique, so a retry overwrites): the whole record as
  JSON, ЕГН, the period as ``year*100+month`` (``NO_PERIOD`` when unknown, so it sorts last), and
  the ids of its name and employer in the tables below. Indexes: (egn, ym), (name_id, ym),
  (emp_id, ym). ``delete_page`` finds a page's rows through the unique ``id`` index: an id begins
  with its page's sha256 (``PersonMonth.make_id``; ``upsert`` refuses any other id). One random
  B-tree fewer than a separate page index: bulk writes at 10 million records are a quarter faster.
* ``names_<n>``: each distinct name's ``translit.match_key`` once; ``words_<n>``: each distinct
  name word once; ``namewords_<n>``: which names hold which word (the postings, by word).
* ``emps_<n>``: each distinct employer's key once, with ``empwords_<n>`` (FTS5) over it for
  "employer by words, prefix per word".

A name search never compares the query with the stored records one by one. Each query word is
looked up in the dictionary of distinct name words (``fuzzy.WordDictionary``: rapidfuzz over the
words of a possible length; kept in memory, topped up as words are added), which gives the close
words and their edits; the postings of those words, intersected in SQLite, give the names that hold
a close word for every query word; each such name is scored (edits, words out of order) from the
per-word edits already known; and the records are read name group by name group, best score first,
each group by period, until the page of results is full. Distinct names are few next to records
(a person has many months), so the work depends on how many *names* fit the query, not on how
many records the archive holds.

``rebuild`` fills generation n+1 and switches ``meta.generation`` in one transaction, so searches
see either the old or the new index, never a half-built one. Every upsert carries a write sequence
number (``meta.seq``); records upserted by other processes while a rebuild runs are copied into the
new generation at the switch, so they are not lost. (A ``delete_page`` during a rebuild is: the
page comes back if the rebuild's source still had it.)
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive_core.errors import ArchiveError, BackendUnavailable, UsageError
from archive_core.protocols import SearchQuery
from archive_core.records import PersonMonth

from .fuzzy import WordDictionary, matching_order, query_words, score_words
from .translit import match_key


class IndexDamaged(ArchiveError):
    """The index file is not a readable SQLite database (or of an older layout); ``rebuild`` replaces it."""


LAYOUT = 3
NO_PERIOD = 999_999  # ym of a record without a year: after every real period
_BATCH = 5000  # records per transaction while rebuilding
_TABLES = ("docs", "names", "words", "namewords", "emps", "empwords")


def _ym(year: int | None, month: int | None) -> int:
    if year is None:
        return NO_PERIOD
    return year * 100 + (month or 0)


def _id_range(page_sha256: str) -> tuple[str, str]:
    """The ids of a page's records lie in [low, high): ``PersonMonth.make_id`` puts the page first."""
    low = PersonMonth.make_id(page_sha256, 0).rsplit("-", 1)[0] + "-"
    return low, low[:-1] + chr(ord("-") + 1)


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _ids_param(ids: Iterable[int]) -> str:
    return json.dumps(list(ids))


_IN_IDS = "(SELECT value FROM json_each(?))"


class _Words:
    """The in-memory dictionary of one generation's name words (see the module docstring)."""

    def __init__(self, gen: int) -> None:
        self.gen = gen
        self.max_id = 0
        self.ids: dict[str, int] = {}
        self.dictionary = WordDictionary()


class EmbeddedIndex:
    """RecordIndex on SQLite (see the module docstring)."""

    def __init__(self, path: Path, *, cache_mib: int = 256) -> None:
        self.path = Path(path)
        self.cache_mib = cache_mib
        self._local = threading.local()
        self._words_lock = threading.Lock()
        self._words: _Words | None = None

    # -- plumbing ---------------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA cache_size=-{self.cache_mib * 1024}")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute(f"PRAGMA mmap_size={4 << 30}")
        conn.execute("PRAGMA wal_autocheckpoint=16384")  # 64 MiB: a hot page is written once per checkpoint
        return conn

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (kept open between calls, so that its page cache stays warm;
        reopened after a fork or an error)."""
        local = self._local
        conn: sqlite3.Connection | None = getattr(local, "conn", None)
        if conn is None or getattr(local, "pid", None) != os.getpid():
            try:
                conn = self._open()
            except (sqlite3.Error, OSError) as e:
                if isinstance(e, sqlite3.DatabaseError) and not isinstance(e, sqlite3.OperationalError):
                    raise IndexDamaged(
                        f"индексът за търсене {self.path} е повреден ({e}); изпълнете 'archive reindex'"
                    ) from e
                raise BackendUnavailable(f"индексът за търсене {self.path} не може да се отвори: {e}") from e
            local.conn, local.pid = conn, os.getpid()
        try:
            yield conn
        except sqlite3.OperationalError as e:
            self._forget(conn)
            if "locked" in str(e) or "busy" in str(e):
                raise BackendUnavailable(f"индексът за търсене {self.path} е зает: {e}; опитайте пак") from e
            raise
        except sqlite3.DatabaseError as e:  # not a database / malformed: the file is damaged
            self._forget(conn)
            raise IndexDamaged(
                f"индексът за търсене {self.path} е повреден ({e}); изпълнете 'archive reindex'"
            ) from e
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _forget(self, conn: sqlite3.Connection) -> None:
        self._local.conn = None
        with suppress(sqlite3.Error):
            conn.close()

    def close(self) -> None:
        """Close this thread's connection (others close when their thread's objects go)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            self._forget(conn)

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @staticmethod
    def _create_generation(conn: sqlite3.Connection, gen: int) -> None:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS docs_{gen} ("
            " rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, egn TEXT,"
            " name_id INTEGER NOT NULL, emp_id INTEGER NOT NULL, ym INTEGER NOT NULL,"
            " doc TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0)"
        )
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS names_{gen} (name_id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)"
        )
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS words_{gen} (word_id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)"
        )
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS namewords_{gen} (word_id INTEGER NOT NULL, name_id INTEGER NOT NULL,"
            " PRIMARY KEY (word_id, name_id)) WITHOUT ROWID"
        )
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS emps_{gen} (emp_id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE)"
        )
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS empwords_{gen} USING fts5("
            "key, tokenize='unicode61 remove_diacritics 2')"
        )

    @staticmethod
    def _create_indexes(conn: sqlite3.Connection, gen: int) -> None:
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_egn ON docs_{gen}(egn, ym)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_name ON docs_{gen}(name_id, ym)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_emp ON docs_{gen}(emp_id, ym)")

    @staticmethod
    def _drop_generation(conn: sqlite3.Connection, gen: int) -> None:
        for t in _TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {t}_{gen}")

    def _generation(self, conn: sqlite3.Connection, *, any_layout: bool = False) -> int:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        meta = dict(
            conn.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'layout')").fetchall()
        )
        if "generation" in meta:
            if not any_layout and meta.get("layout") != str(LAYOUT):
                raise IndexDamaged(
                    f"индексът за търсене {self.path} е от по-стара версия на програмата; "
                    "изпълнете 'archive reindex'"
                )
            return int(meta["generation"])
        with self._transaction(conn):
            row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            if row is None:
                self._create_generation(conn, 1)
                self._create_indexes(conn, 1)
                conn.execute("INSERT INTO meta (key, value) VALUES ('generation', '1')")
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('layout', ?)", (str(LAYOUT),))
                gen = 1
            else:
                gen = int(row[0])
        return gen

    @staticmethod
    def _next_seq(conn: sqlite3.Connection) -> int:
        """Inside a write transaction: a new write sequence number (lets a rebuild catch up with
        upserts that happened while it ran)."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
        seq = (int(row[0]) if row else 0) + 1
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('seq', ?)", (str(seq),))
        return seq

    @staticmethod
    def _current_seq(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = 'seq'").fetchone()
        return int(row[0]) if row else 0

    # -- writes -----------------------------------------------------------------------------------
    @staticmethod
    def _name_ids(conn: sqlite3.Connection, gen: int, keys: set[str]) -> dict[str, int]:
        """Ids of the names ``keys`` (match keys), adding the new ones with their words' postings."""
        select = f"SELECT key, name_id FROM names_{gen} WHERE key IN {_IN_IDS}"
        found = dict(conn.execute(select, (json.dumps(list(keys)),)).fetchall())
        new = sorted(keys - found.keys())
        if not new:
            return found
        conn.executemany(f"INSERT INTO names_{gen} (key) VALUES (?)", [(k,) for k in new])
        added = dict(conn.execute(select, (json.dumps(new),)).fetchall())
        found.update(added)
        words = sorted({w for k in new for w in k.split()})
        conn.executemany(f"INSERT OR IGNORE INTO words_{gen} (word) VALUES (?)", [(w,) for w in words])
        word_ids = dict(
            conn.execute(
                f"SELECT word, word_id FROM words_{gen} WHERE word IN {_IN_IDS}", (json.dumps(words),)
            )
        )
        conn.executemany(
            f"INSERT OR IGNORE INTO namewords_{gen} (word_id, name_id) VALUES (?, ?)",
            sorted({(word_ids[w], name_id) for k, name_id in added.items() for w in k.split()}),
        )
        return found

    @staticmethod
    def _emp_ids(conn: sqlite3.Connection, gen: int, keys: set[str]) -> dict[str, int]:
        found = dict(
            conn.execute(
                f"SELECT key, emp_id FROM emps_{gen} WHERE key IN {_IN_IDS}", (json.dumps(list(keys)),)
            ).fetchall()
        )
        for key in keys - found.keys():
            emp_id = conn.execute(f"INSERT INTO emps_{gen} (key) VALUES (?)", (key,)).lastrowid
            assert emp_id is not None
            conn.execute(f"INSERT INTO empwords_{gen} (rowid, key) VALUES (?, ?)", (emp_id, key))
            found[key] = emp_id
        return found

    def _write(self, conn: sqlite3.Connection, gen: int, records: Sequence[PersonMonth], seq: int) -> None:
        """Upsert into a generation by PersonMonth.id (inside the caller's transaction)."""
        for pm in records:
            low, high = _id_range(pm.page_sha256)
            if not low <= pm.id < high:
                raise UsageError(
                    f"запис {pm.id!r}: идентификаторът не е от страницата си {pm.page_sha256[:12]} "
                    "(PersonMonth.make_id); записът не е индексиран"
                )
        name_keys = [match_key(pm.name) for pm in records]
        emp_keys = [match_key(pm.employer) for pm in records]
        names = self._name_ids(conn, gen, set(name_keys))
        emps = self._emp_ids(conn, gen, set(emp_keys))
        rows = [
            (
                pm.id,
                pm.egn,
                names[nk],
                emps[ek],
                _ym(pm.year, pm.month),
                pm.model_dump_json(exclude_none=True),
                seq,
            )
            for pm, nk, ek in zip(records, name_keys, emp_keys, strict=True)
        ]
        conn.executemany(
            f"INSERT INTO docs_{gen} (id, egn, name_id, emp_id, ym, doc, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET egn = excluded.egn, name_id = excluded.name_id, emp_id = excluded.emp_id, ym = excluded.ym,"
            " doc = excluded.doc, seq = excluded.seq",
            rows,
        )

    # -- RecordIndex ------------------------------------------------------------------------------
    def ensure(self) -> None:
        with self._connect() as conn:
            self._generation(conn)

    def upsert(self, records: Sequence[PersonMonth]) -> None:
        if not records:
            return
        with self._connect() as conn:
            gen = self._generation(conn)
            with self._transaction(conn):
                self._write(conn, gen, records, self._next_seq(conn))

    def delete_page(self, page_sha256: str) -> None:
        with self._connect() as conn:
            gen = self._generation(conn)
            with self._transaction(conn):
                low, high = _id_range(page_sha256)
                conn.execute(
                    f"DELETE FROM docs_{gen} WHERE id >= ? AND id < ? AND json_extract(doc, '$.page_sha256') = ?",
                    (low, high, page_sha256),
                )

    def count(self) -> int:
        with self._connect() as conn:
            gen = self._generation(conn, any_layout=True)
            return int(conn.execute(f"SELECT count(*) FROM docs_{gen}").fetchone()[0])

    def refresh(self) -> None:
        """Nothing to do: a committed upsert is visible to the next search."""

    def rebuild(self, records: Iterable[PersonMonth]) -> int:
        try:
            with self._connect() as conn:
                self._generation(conn, any_layout=True)
        except IndexDamaged:
            # The index is derived data (the database is the system of record): keep the damaged
            # file aside for inspection and build a fresh one.
            self.close()
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.rename(Path(f"{self.path}{suffix}.damaged-{stamp}"))
        with self._connect() as conn:
            old = self._generation(conn, any_layout=True)
            old_layout = conn.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
            new = old + 1
            start_seq = self._current_seq(conn)
            self._drop_generation(conn, new)  # leftovers of an interrupted rebuild
            self._create_generation(conn, new)
            try:
                it = iter(records)
                while True:
                    chunk = [pm for _, pm in zip(range(_BATCH), it, strict=False)]
                    if not chunk:
                        break
                    with self._transaction(conn):
                        self._write(conn, new, chunk, start_seq)
                with self._transaction(conn):
                    self._create_indexes(conn, new)
                    conn.execute(f"ANALYZE docs_{new}")
            except BaseException:
                self._drop_generation(conn, new)
                raise
            n = int(conn.execute(f"SELECT count(*) FROM docs_{new}").fetchone()[0])
            with self._transaction(conn):
                # Records upserted into the old generation while this rebuild ran are carried over.
                cols = {c[1] for c in conn.execute(f"PRAGMA table_info(docs_{old})")}
                if "seq" in cols:
                    late = [
                        PersonMonth.model_validate_json(doc)
                        for (doc,) in conn.execute(f"SELECT doc FROM docs_{old} WHERE seq > ?", (start_seq,))
                    ]
                    if late:
                        self._write(conn, new, late, self._next_seq(conn))
                conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(new),))
                conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('layout', ?)", (str(LAYOUT),))
                self._drop_generation(conn, old)
            if old_layout is None or old_layout[0] != str(LAYOUT):
                conn.execute("VACUUM")  # an old layout's tables leave much free space behind
            return n

    def search(self, query: SearchQuery) -> list[PersonMonth]:
        if query.limit < 1:
            raise UsageError(f"броят резултати трябва да е поне 1, а не {query.limit}")
        with self._connect() as conn:
            gen = self._generation(conn)
            where, params = self._filters(conn, gen, query)
            if where is None:
                return []
            if query.name and query.name.strip():
                # the name's records are found through the name index: the employer and the period
                # only filter them (an employer's index would walk all of its records)
                where = [w.replace("d.emp_id", "+d.emp_id") for w in where]
                return self._search_name(conn, gen, query, where, params)
            return self._page(conn, gen, where, params, query.limit)

    # -- search helpers ---------------------------------------------------------------------------
    @staticmethod
    def _filters(
        conn: sqlite3.Connection, gen: int, query: SearchQuery
    ) -> tuple[list[str] | None, list[Any]]:
        """SQL conditions on ``docs d`` for everything but the name; None when nothing can match."""
        where: list[str] = []
        params: list[Any] = []
        if query.egn is not None:
            where.append("d.egn = ?")
            params.append(query.egn.strip())
        if query.employer is not None:
            words = match_key(query.employer).split()
            if not words:
                return None, []
            expr = " AND ".join(_fts_phrase(w) + "*" for w in words)
            emp_ids = [
                r[0]
                for r in conn.execute(
                    f"SELECT rowid FROM empwords_{gen} WHERE empwords_{gen} MATCH ?", (expr,)
                )
            ]
            if not emp_ids:
                return None, []
            if len(emp_ids) == 1:
                where.append("d.emp_id = ?")
                params.append(emp_ids[0])
            else:
                where.append(f"d.emp_id IN {_IN_IDS}")
                params.append(_ids_param(emp_ids))
        if query.period_from is not None:
            where.append("d.ym >= ? AND d.ym < ?")
            params += [_ym(*query.period_from), NO_PERIOD]
        if query.period_to is not None:
            where.append("d.ym <= ?")
            params.append(_ym(*query.period_to))
        return where, params

    @staticmethod
    def _page(
        conn: sqlite3.Connection, gen: int, where: list[str], params: list[Any], need: int
    ) -> list[PersonMonth]:
        """The first ``need`` records meeting ``where``, by period then id."""
        cond = " AND ".join(where) or "1"
        rows = conn.execute(
            f"SELECT d.rowid, d.ym FROM docs_{gen} d WHERE {cond} ORDER BY d.ym LIMIT ?", (*params, need)
        ).fetchall()
        if not rows:
            return []
        rowids = [r[0] for r in rows]
        if len(rows) == need:  # the last period may go on past the page: order all of it by id
            cut = rows[-1][1]
            rowids = [r[0] for r in rows if r[1] < cut]
            rowids += [
                r[0]
                for r in conn.execute(
                    f"SELECT d.rowid FROM docs_{gen} d WHERE {cond} AND d.ym = ?", (*params, cut)
                )
            ]
        keyed = conn.execute(
            f"SELECT rowid, ym, id FROM docs_{gen} WHERE rowid IN {_IN_IDS}", (_ids_param(rowids),)
        ).fetchall()
        keyed.sort(key=lambda r: (r[1], r[2]))
        chosen = [r[0] for r in keyed[:need]]
        docs = dict(
            conn.execute(f"SELECT rowid, doc FROM docs_{gen} WHERE rowid IN {_IN_IDS}", (_ids_param(chosen),))
        )
        return [PersonMonth.model_validate_json(docs[r]) for r in chosen]

    def _dictionary(self, conn: sqlite3.Connection, gen: int) -> _Words:
        """The generation's name words in memory, topped up with the words added since last time."""
        with self._words_lock:
            words = self._words
            if words is None or words.gen != gen:
                words = _Words(gen)
            top = conn.execute(f"SELECT max(word_id) FROM words_{gen}").fetchone()[0] or 0
            if top > words.max_id:
                new = conn.execute(
                    f"SELECT word_id, word FROM words_{gen} WHERE word_id > ?", (words.max_id,)
                ).fetchall()
                words.ids.update((w, i) for i, w in new)
                words.dictionary.add(w for _, w in new)
                words.max_id = top
            self._words = words
            return words

    def _search_name(
        self, conn: sqlite3.Connection, gen: int, query: SearchQuery, where: list[str], params: list[Any]
    ) -> list[PersonMonth]:
        assert query.name is not None
        typed = query_words(query.name)
        if not typed:
            return []
        words = self._dictionary(conn, gen)
        close = [words.dictionary.close(w) for w in typed]  # per query word: {name word: edits}
        if not all(close):
            return []
        # The candidates: names holding a close word for every query word (postings intersected).
        selects = " INTERSECT ".join(
            f"SELECT name_id FROM namewords_{gen} WHERE word_id IN {_IN_IDS}" for _ in close
        )
        ids_per_word = [_ids_param(words.ids[w] for w in c) for c in close]
        candidates = conn.execute(
            f"SELECT name_id, key FROM names_{gen} WHERE name_id IN ({selects})", ids_per_word
        ).fetchall()

        order = matching_order(typed)
        # A name's score depends only on how close each of its words is to each query word: names
        # of the same shape ("мария <other> иванова") are scored once.
        shapes: dict[str, tuple[Any, ...]] = {}
        scores: dict[tuple[Any, ...], tuple[int, int] | None] = {}

        def by_shape(sig: tuple[Any, ...]) -> tuple[int, int] | None:
            return score_words(order, range(len(sig)), lambda qi, i: sig[i][qi])

        groups: dict[tuple[int, int], list[int]] = {}
        for name_id, key in candidates:
            shape = []
            for w in key.split():
                s = shapes.get(w)
                if s is None:
                    s = shapes[w] = tuple(c.get(w) for c in close)
                shape.append(s)
            sig = tuple(shape)
            if sig in scores:
                score = scores[sig]
            else:
                score = scores[sig] = by_shape(sig)
            if score is not None:
                groups.setdefault(score, []).append(name_id)

        found: list[PersonMonth] = []
        for score in sorted(groups):
            ids = groups[score]
            found += self._page(
                conn,
                gen,
                [*where, f"d.name_id IN {_IN_IDS}"],
                [*params, _ids_param(ids)],
                query.limit - len(found),
            )
            if len(found) >= query.limit:
                break
        return found
