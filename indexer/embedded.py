"""The embedded search index: SQLite FTS5 in one file, no server (stdlib ``sqlite3``).

Layout (``<n>`` is the generation; ``meta.generation`` says which one searches use):

* ``docs_<n>``: one row per PersonMonth (``id`` unique, so a retry overwrites), the whole record as
  JSON (``PersonMonth.search_doc()``), ЕГН, period as ``year*100+month`` and the name's match key;
* ``names_<n>``: FTS5 with the ``trigram`` tokenizer over the name key (candidates for fuzzy names);
* ``emps_<n>``: FTS5 (unicode61) over the employer key (employer by words, prefix per word).

Names: the query and the stored names are compared on ``translit.match_key`` (case-, script- and
spacing-insensitive), candidates come from shared trigrams, and every query word must be within
``fuzzy.allowed_distance`` edits of a distinct name word. When no trigram candidate is close
enough (two misread letters in a short word can share no trigram) the distinct names are scanned.

``rebuild`` fills generation n+1 and switches ``meta.generation`` in one transaction, so searches
see either the old or the new index, never a half-built one. Every upsert carries a write sequence
number (``meta.seq``); records upserted by other processes while a rebuild runs are copied into the
new generation at the switch, so they are not lost. (A ``delete_page`` during a rebuild is: the
page comes back if the rebuild's source still had it.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive_core.errors import ArchiveError, BackendUnavailable, UsageError
from archive_core.protocols import SearchQuery
from archive_core.records import PersonMonth

from .fuzzy import name_score, query_words
from .translit import match_key


class IndexDamaged(ArchiveError):
    """The index file is not a readable SQLite database; ``rebuild`` replaces it."""


_CANDIDATES = 5000  # trigram candidates re-ranked per name query
_BATCH = 1000


def _ym(year: int | None, month: int | None) -> int | None:
    if year is None:
        return None
    return year * 100 + (month or 0)


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class EmbeddedIndex:
    """RecordIndex on SQLite FTS5 (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._keeper: sqlite3.Connection | None = None

    def _keep_open(self) -> None:
        """Hold one idle connection for the index's life. Without it every write's connection is the
        last to close and checkpoints the WAL into the file (20-40 ms for a one-record upsert, the
        bulk of a verifier's correction round-trip); an idle connection holds no lock."""
        if self._keeper is not None:
            return
        try:
            keeper = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except sqlite3.Error:
            return  # only an optimisation: a damaged file is reported by the real connection
        self._keeper = keeper

    def _release(self) -> None:
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    # -- plumbing ---------------------------------------------------------------------------------
    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        except (sqlite3.Error, OSError) as e:
            raise BackendUnavailable(f"индексът за търсене {self.path} не може да се отвори: {e}") from e
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._keep_open()
            yield conn
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise BackendUnavailable(f"индексът за търсене {self.path} е зает: {e}; опитайте пак") from e
            raise
        except sqlite3.DatabaseError as e:  # not a database / malformed: the file is damaged
            raise IndexDamaged(
                f"индексът за търсене {self.path} е повреден ({e}); изпълнете 'archive reindex'"
            ) from e
        finally:
            conn.close()

    @staticmethod
    def _create_generation(conn: sqlite3.Connection, gen: int) -> None:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS docs_{gen} ("
            " rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, page_sha256 TEXT NOT NULL,"
            " egn TEXT, name_key TEXT NOT NULL DEFAULT '', employer_key TEXT NOT NULL DEFAULT '',"
            " ym INTEGER, doc TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0)"
        )
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS names_{gen} USING fts5(name_key, tokenize='trigram')"
        )
        conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS emps_{gen} USING fts5("
            "employer_key, tokenize='unicode61 remove_diacritics 2')"
        )

    @staticmethod
    def _create_indexes(conn: sqlite3.Connection, gen: int) -> None:
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_egn ON docs_{gen}(egn, ym)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_page ON docs_{gen}(page_sha256)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_name ON docs_{gen}(name_key)")
        conn.execute(f"CREATE INDEX IF NOT EXISTS ix_docs_{gen}_ym ON docs_{gen}(ym)")

    @staticmethod
    def _drop_generation(conn: sqlite3.Connection, gen: int) -> None:
        for t in (f"names_{gen}", f"emps_{gen}", f"docs_{gen}"):
            conn.execute(f"DROP TABLE IF EXISTS {t}")

    def _generation(self, conn: sqlite3.Connection) -> int:
        conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        if row is not None:
            gen = int(row[0])
            cols = {c[1] for c in conn.execute(f"PRAGMA table_info(docs_{gen})")}
            if "seq" not in cols:  # an index file from before write sequence numbers
                conn.execute(f"ALTER TABLE docs_{gen} ADD COLUMN seq INTEGER NOT NULL DEFAULT 0")
            if "employer_key" not in cols:
                conn.execute(f"ALTER TABLE docs_{gen} ADD COLUMN employer_key TEXT NOT NULL DEFAULT ''")
            return gen
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
            if row is None:
                self._create_generation(conn, 1)
                self._create_indexes(conn, 1)
                conn.execute("INSERT INTO meta (key, value) VALUES ('generation', '1')")
                gen = 1
            else:
                gen = int(row[0])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
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

    @staticmethod
    def _row(pm: PersonMonth, seq: int) -> tuple[Any, ...]:
        return (
            pm.id,
            pm.page_sha256,
            pm.egn,
            match_key(pm.name),
            match_key(pm.employer),
            _ym(pm.year, pm.month),
            json.dumps(pm.search_doc(), ensure_ascii=False),
            seq,
        )

    _INSERT = "INTO docs_{gen} (id, page_sha256, egn, name_key, employer_key, ym, doc, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"

    def _write(self, conn: sqlite3.Connection, gen: int, records: Iterable[PersonMonth], seq: int = 0) -> int:
        """Upsert into a live generation (its FTS tables kept in step), by PersonMonth.id."""
        n = 0
        for pm in records:
            old = conn.execute(f"SELECT rowid FROM docs_{gen} WHERE id = ?", (pm.id,)).fetchone()
            if old is not None:
                for t in (f"names_{gen}", f"emps_{gen}", f"docs_{gen}"):
                    conn.execute(f"DELETE FROM {t} WHERE rowid = ?", (old[0],))
            row = self._row(pm, seq)
            rowid = conn.execute("INSERT " + self._INSERT.format(gen=gen), row).lastrowid
            conn.execute(f"INSERT INTO names_{gen} (rowid, name_key) VALUES (?, ?)", (rowid, row[3]))
            conn.execute(f"INSERT INTO emps_{gen} (rowid, employer_key) VALUES (?, ?)", (rowid, row[4]))
            n += 1
        return n

    def _bulk_load(
        self, conn: sqlite3.Connection, gen: int, records: Sequence[PersonMonth], seq: int
    ) -> None:
        """Fill a generation being built: documents only; the FTS tables are filled at the end."""
        conn.executemany(
            "INSERT OR REPLACE " + self._INSERT.format(gen=gen), [self._row(pm, seq) for pm in records]
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
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._write(conn, gen, records, self._next_seq(conn))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def delete_page(self, page_sha256: str) -> None:
        with self._connect() as conn:
            gen = self._generation(conn)
            conn.execute("BEGIN IMMEDIATE")
            try:
                sub = f"SELECT rowid FROM docs_{gen} WHERE page_sha256 = ?"
                conn.execute(f"DELETE FROM names_{gen} WHERE rowid IN ({sub})", (page_sha256,))
                conn.execute(f"DELETE FROM emps_{gen} WHERE rowid IN ({sub})", (page_sha256,))
                conn.execute(f"DELETE FROM docs_{gen} WHERE page_sha256 = ?", (page_sha256,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def count(self) -> int:
        with self._connect() as conn:
            gen = self._generation(conn)
            return int(conn.execute(f"SELECT count(*) FROM docs_{gen}").fetchone()[0])

    def refresh(self) -> None:
        """Nothing to do: a committed upsert is visible to the next search."""

    def rebuild(self, records: Iterable[PersonMonth]) -> int:
        try:
            self.ensure()
        except IndexDamaged:
            self._release()
            # The index is derived data (the database is the system of record): keep the damaged
            # file aside for inspection and build a fresh one.
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{self.path}{suffix}")
                if part.exists():
                    part.rename(Path(f"{self.path}{suffix}.damaged-{stamp}"))
        with self._connect() as conn:
            old = self._generation(conn)
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
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        self._bulk_load(conn, new, chunk, start_seq)
                        conn.execute("COMMIT")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(
                        f"INSERT INTO names_{new} (rowid, name_key) SELECT rowid, name_key FROM docs_{new}"
                    )
                    conn.execute(
                        f"INSERT INTO emps_{new} (rowid, employer_key) SELECT rowid, employer_key FROM docs_{new}"
                    )
                    self._create_indexes(conn, new)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except BaseException:
                self._drop_generation(conn, new)
                raise
            n = int(conn.execute(f"SELECT count(*) FROM docs_{new}").fetchone()[0])
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Records upserted into the old generation while this rebuild ran are carried over.
                late = [
                    PersonMonth.model_validate_json(doc)
                    for (doc,) in conn.execute(f"SELECT doc FROM docs_{old} WHERE seq > ?", (start_seq,))
                ]
                if late:
                    self._write(conn, new, late, self._next_seq(conn))
                conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(new),))
                self._drop_generation(conn, old)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            return n

    def search(self, query: SearchQuery) -> list[PersonMonth]:
        if query.limit < 1:
            raise UsageError(f"броят резултати трябва да е поне 1, а не {query.limit}")
        with self._connect() as conn:
            gen = self._generation(conn)
            where, params = self._filters(gen, query)
            if query.name and query.name.strip():
                return self._search_name(conn, gen, query, where, params)
            sql = f"SELECT d.doc FROM docs_{gen} d WHERE {' AND '.join(where) or '1'} ORDER BY d.ym, d.name_key, d.id LIMIT ?"
            rows = conn.execute(sql, (*params, query.limit)).fetchall()
            return [PersonMonth.model_validate_json(r[0]) for r in rows]

    # -- search helpers ---------------------------------------------------------------------------
    @staticmethod
    def _filters(gen: int, query: SearchQuery) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if query.egn is not None:
            where.append("d.egn = ?")
            params.append(query.egn.strip())
        if query.employer is not None:
            words = match_key(query.employer).split()
            if not words:
                where.append("0")
            else:
                expr = " AND ".join(_fts_phrase(w) + "*" for w in words)
                where.append(f"d.rowid IN (SELECT rowid FROM emps_{gen} WHERE emps_{gen} MATCH ?)")
                params.append(expr)
        if query.period_from is not None:
            where.append("d.ym >= ?")
            params.append(_ym(*query.period_from))
        if query.period_to is not None:
            where.append("d.ym <= ?")
            params.append(_ym(*query.period_to))
        return where, params

    def _search_name(
        self, conn: sqlite3.Connection, gen: int, query: SearchQuery, where: list[str], params: list[Any]
    ) -> list[PersonMonth]:
        assert query.name is not None
        words = query_words(query.name)
        if not words:
            return []
        extra = "".join(f" AND {w}" for w in where)
        trigrams = sorted({w[i : i + 3] for w in words for i in range(len(w) - 2)})
        scored: list[tuple[tuple[int, int], int, str, str]] = []  # ((edits, out of order), ym, id, doc)
        cache: dict[str, tuple[int, int] | None] = {}

        def distance(key: str) -> tuple[int, int] | None:
            if key not in cache:
                cache[key] = name_score(words, key)
            return cache[key]

        if trigrams:
            expr = " OR ".join(_fts_phrase(t) for t in trigrams)
            sql = (
                f"SELECT d.doc, d.name_key, d.ym, d.id FROM names_{gen} n JOIN docs_{gen} d ON d.rowid = n.rowid"
                f" WHERE names_{gen} MATCH ?{extra} ORDER BY n.rank LIMIT ?"
            )
            for doc, key, ym, rid in conn.execute(sql, (expr, *params, _CANDIDATES)):
                dist = distance(key)
                if dist is not None:
                    scored.append((dist, ym or 0, rid, doc))
        if not scored:
            keys = [
                k
                for (k,) in conn.execute(f"SELECT DISTINCT name_key FROM docs_{gen}")
                if distance(k) is not None
            ]
            for i in range(0, len(keys), 500):
                part = keys[i : i + 500]
                marks = ",".join("?" * len(part))
                sql = f"SELECT d.doc, d.name_key, d.ym, d.id FROM docs_{gen} d WHERE d.name_key IN ({marks}){extra}"
                for doc, key, ym, rid in conn.execute(sql, (*part, *params)):
                    dist = distance(key)
                    if dist is not None:
                        scored.append((dist, ym or 0, rid, doc))
        scored.sort(key=lambda s: (s[0], s[1], s[2]))
        return [PersonMonth.model_validate_json(doc) for *_, doc in scored[: query.limit]]
