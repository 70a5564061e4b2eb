"""Index backends benchmark: bulk indexing, search latency, disk and reindex time.

    python -m bench.index_backends                          # 1,000,000 records, embedded + noida-db
    python -m bench.index_backends --records 10000000 --backends embedded --no-reindex
    python -m bench.index_backends --records 1000000 --backends embedded,tantivy
    python -m bench.index_backends --es-url http://host:9200 --backends elastic

Synthetic person-month records are generated deterministically: a person has 24 consecutive months
at one employer, a valid ЕГН, and a name drawn by the frequency of Bulgarian names
(``samples/name_frequency.json``: first name, patronymic from the father's first name, surname), so
that common names (Георги Иванов Димитров, Мария Иванова Георгиева) give long result lists as they
do in the archive. Records are fed to ``RecordIndex.upsert`` in chunks; the bulk rate counts the
time inside ``upsert`` (generating the records is timed apart). Then queries of each kind are timed
one by one after a short warm-up, each asking for the first page of results (``--page``):

* ЕГН; name exactly as printed; name in Latin letters (the Streamlined System, a third of them in
  an old spelling: -off/-eff, as in "Georgieff"); name with one misread letter; employer (one word
  of it); combined (name + employer + the person's years).

For each name kind it also checks that the person asked for is among the results. Without
``--es-url`` a noida-db server is started (tests/servers.py) in a temporary dir. ``tantivy`` is a
probe, not a RecordIndex: the same records in a tantivy index (fuzzy term queries per name word,
top results by score only, no period filter), to compare the engines on bulk rate and name latency.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import samples
from archive_core import egn as egn_mod
from archive_core.protocols import SearchQuery
from archive_core.records import PersonMonth
from indexer.translit import match_key, to_latin
from samples.data import EMPLOYERS_1990S, EMPLOYERS_SOCIALIST

MONTHS_PER_PERSON = 24
ROWS_PER_PAGE = 12
CYR = "абвгдежзийклмнопрстуфхцчшщъюя"
NAME_FREQUENCY = Path(samples.__file__).resolve().parent / "name_frequency.json"
TOWNS = (
    "София", "Пловдив", "Варна", "Бургас", "Русе", "Стара Загора", "Плевен", "Сливен", "Добрич", "Шумен",
    "Перник", "Хасково", "Ямбол", "Пазарджик", "Благоевград", "Велико Търново", "Враца", "Габрово",
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    egn: str
    name: str
    employer: str
    start_year: int


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, tuple[list[str], list[int]]]:
    data = json.loads(NAME_FREQUENCY.read_text(encoding="utf-8"))
    out: dict[str, tuple[list[str], list[int]]] = {}
    for kind in ("male_first", "female_first", "surnames"):
        names = [n for n, _ in data[kind]]
        cum, total = [], 0
        for _, w in data[kind]:
            total += w
            cum.append(total)
        out[kind] = (names, cum)
    return out


@lru_cache(maxsize=1)
def employers() -> tuple[str, ...]:
    """The bench's employers: the samples' 25 and one plant per kind and town (about 300)."""
    kinds = ("Завод „Металик“", "ТКЗС „Нова заря“", "ДФ „Текстил“", "Комбинат „Хранмаш“", "АПК „Зора“",
             "Мина „Балкан“", "ДСО „Строител“", "Хлебозавод", "Тютюнев комбинат", "Машиностроителен завод",
             "Консервен комбинат", "Пивоварна", "Захарен завод", "Мебелна фабрика", "Транспортно предприятие",
             "Кооперация „Единство“")  # fmt: skip
    return tuple(EMPLOYERS_SOCIALIST + EMPLOYERS_1990S) + tuple(f"{k} {t}" for k in kinds for t in TOWNS)


def _draw(rnd: random.Random, kind: str) -> str:
    names, cum = _frequencies()[kind]
    return rnd.choices(names, cum_weights=cum)[0]


_PATRONYMIC = {
    "Васил": "Василев",
    "Михаил": "Михайлов",
    "Павел": "Павлов",
    "Кольо": "Колев",
    "Добри": "Добрев",
}


def _patronymic(father: str, female: bool) -> str:
    """Иван -> Иванов, Георги -> Георгиев, Николай -> Николаев, Илия -> Илиев, Петър -> Петров,
    Никола -> Николов, Христо -> Христов; the female form adds -а."""
    if father in _PATRONYMIC:
        base = _PATRONYMIC[father]
    elif father.endswith(("ай", "ей", "ий")):
        base = father[:-1] + "ев"
    elif father[-1] == "и":
        base = father + "ев"
    elif father[-1] == "я":
        base = father[:-1] + "ев"
    elif father[-1] in "аоу":
        base = father[:-1] + "ов"
    elif len(father) > 2 and father[-2] == "ъ":
        base = father[:-2] + father[-1] + "ов"
    else:
        base = father + "ов"
    return base + ("а" if female else "")


def person(i: int) -> Person:
    rnd = random.Random(i * 7919 + 17)
    female = rnd.random() < 0.5
    first = _draw(rnd, "female_first" if female else "male_first")
    surname = _draw(rnd, "surnames") + ("а" if female else "")
    name = f"{first} {_patronymic(_draw(rnd, 'male_first'), female)} {surname}"
    born = date(1930 + rnd.randrange(45), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
    egn = egn_mod.make(born, i % 500, female)
    employer = rnd.choice(employers())
    return Person(egn, name, employer, max(born.year + 18, 1960) + rnd.randrange(20))


def records(n: int) -> Iterator[PersonMonth]:
    """``n`` records: person k has months k*24 .. k*24+23; pages hold 12 rows each."""
    p = person(0)
    for i in range(n):
        k = i % MONTHS_PER_PERSON
        if k == 0:
            p = person(i // MONTHS_PER_PERSON)
        page = hashlib.sha256(b"page %d" % (i // ROWS_PER_PAGE)).hexdigest()
        row = i % ROWS_PER_PAGE
        gross = Decimal(150 + (i * 37) % 900) + Decimal((i * 13) % 100) / 100
        yield PersonMonth(
            id=PersonMonth.make_id(page, row),
            page_sha256=page,
            row_index=row,
            row_no=row + 1,
            egn=p.egn,
            name=p.name,
            position="работник",
            employer=p.employer,
            year=p.start_year + k // 12,
            month=k % 12 + 1,
            days_worked=10 + i % 13,
            base_pay=gross,
            gross_pay=gross,
            deductions=(gross * Decimal("0.12")).quantize(Decimal("0.01")),
            net_pay=(gross * Decimal("0.88")).quantize(Decimal("0.01")),
        )


def misread(name: str, rnd: random.Random) -> str:
    """One Cyrillic letter replaced, in a word of 4 letters or more (as OCR or a hurried clerk would)."""
    words = name.split()
    w = rnd.choice([i for i, x in enumerate(words) if len(x) >= 4])
    word = words[w]
    pos = rnd.randrange(1, len(word))
    repl = rnd.choice([c for c in CYR if c != word[pos].lower()])
    words[w] = word[:pos] + repl + word[pos + 1 :]
    return " ".join(words)


def latin(name: str, rnd: random.Random) -> str:
    """The name in Latin letters: the Streamlined System, or (one in three) an old spelling."""
    text = to_latin(name)
    if rnd.random() < 1 / 3:
        text = " ".join(w[:-2] + w[-2:].replace("ov", "off").replace("ev", "eff") for w in text.split())
    return text


@dataclass
class Result:
    backend: str
    records: int
    generate_seconds: float
    index_seconds: float
    index_rate: float
    index_cpu_rate: float  # records per CPU second of this process (the machine may be shared)
    disk_bytes: int
    bytes_per_record: float
    latency_ms: dict[str, tuple[float, float]] = field(default_factory=dict)  # kind -> (p50, p95)
    cpu_ms: dict[str, tuple[float, float]] = field(default_factory=dict)  # the same in CPU time
    found: dict[str, float] = field(default_factory=dict)  # name kinds: share where the person is found
    # ... or, when not, the page is full of namesakes (same name, other people): a common name
    found_or_full: dict[str, float] = field(default_factory=dict)
    hits: dict[str, float] = field(default_factory=dict)  # kind -> mean results returned
    reindex_seconds: float | None = None
    count_after: int | None = None


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def _disk(path: Path) -> int:
    if path.is_file():  # SQLite: the file and its write-ahead log, after a checkpoint
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


class TantivyProbe:
    """The same records in tantivy (not a RecordIndex): name words as terms of ``translit.match_key``
    forms, fuzzy term queries per word (distance by ``fuzzy.allowed_distance``), top results by score."""

    def __init__(self, path: Path) -> None:
        import tantivy

        from indexer.fuzzy import allowed_distance
        from indexer.translit import match_key

        self.t, self.allowed, self.key = tantivy, allowed_distance, match_key
        path.mkdir(parents=True, exist_ok=True)
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("id", stored=True, tokenizer_name="raw")
        sb.add_text_field("egn", tokenizer_name="raw")
        sb.add_text_field("name", tokenizer_name="whitespace")
        sb.add_text_field("employer", tokenizer_name="default")
        sb.add_integer_field("ym", fast=True, indexed=True)
        sb.add_text_field("doc", stored=True, index_option="basic", tokenizer_name="raw")
        self.schema = sb.build()
        self.index = tantivy.Index(self.schema, path=str(path))
        self.writer = self.index.writer(heap_size=512 * 1024 * 1024, num_threads=2)
        self.path = path

    def ensure(self) -> None:
        pass

    def upsert(self, batch: list[PersonMonth]) -> None:
        t = self.t
        for pm in batch:
            self.writer.add_document(
                t.Document(
                    id=pm.id,
                    egn=pm.egn or "",
                    name=self.key(pm.name),
                    employer=self.key(pm.employer),
                    ym=(pm.year or 0) * 100 + (pm.month or 0),
                    doc=pm.model_dump_json(),
                )
            )

    def refresh(self) -> None:
        self.writer.commit()
        self.writer.wait_merging_threads()
        self.index.reload()

    def search(self, q: SearchQuery) -> list[PersonMonth]:
        t = self.t
        must: list[Any] = []
        if q.egn:
            must.append((t.Occur.Must, t.Query.term_query(self.schema, "egn", q.egn)))
        if q.name:
            for w in self.key(q.name).split():
                fuzzy = t.Query.fuzzy_term_query(
                    self.schema, "name", w, distance=self.allowed(w), prefix=False
                )
                exact = t.Query.boost_query(t.Query.term_query(self.schema, "name", w), 2.0)
                must.append(
                    (t.Occur.Must, t.Query.boolean_query([(t.Occur.Should, fuzzy), (t.Occur.Should, exact)]))
                )
        if q.employer:
            for w in self.key(q.employer).split():
                must.append((t.Occur.Must, t.Query.regex_query(self.schema, "employer", w + ".*")))
        searcher = self.index.searcher()
        hits = searcher.search(t.Query.boolean_query(must), limit=q.limit).hits
        return [PersonMonth.model_validate_json(searcher.doc(a)["doc"][0]) for _, a in hits]

    def count(self) -> int:
        return int(self.index.searcher().num_docs)


def _timed(
    index: Any, queries: list[SearchQuery]
) -> tuple[list[float], list[float], list[list[PersonMonth]]]:
    """Wall-clock and CPU seconds of each query (this process's CPU: on a shared machine the
    wall clock also counts the time spent waiting for a core), and the answers."""
    times: list[float] = []
    cpu: list[float] = []
    answers: list[list[PersonMonth]] = []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        answers.append(index.search(q))
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return times, cpu, answers


def run(
    backend: str, index: Any, where: Path, n: int, n_queries: int, chunk: int, page: int,
    reindex: bool, progress: bool, reuse: bool = False,
) -> Result:  # fmt: skip
    index.ensure()
    gen_s = index_s = cpu_s = 0.0
    done = 0
    it = records(n)
    while done < n and not reuse:
        t = time.perf_counter()
        batch = [pm for _, pm in zip(range(min(chunk, n - done)), it, strict=False)]
        t1, c1 = time.perf_counter(), time.process_time()
        index.upsert(batch)
        t2 = time.perf_counter()
        cpu_s += time.process_time() - c1
        gen_s += t1 - t
        index_s += t2 - t1
        done += len(batch)
        if progress:
            print(
                f"\r  {backend}: {done:,}/{n:,} ({done / index_s:,.0f}/s in upsert)",
                end="",
                file=sys.stderr,
                flush=True,
            )
    t, c = time.perf_counter(), time.process_time()
    index.refresh()
    index_s += time.perf_counter() - t
    cpu_s += time.process_time() - c
    if progress:
        print(file=sys.stderr)
    disk = _disk(where)

    people = max(1, n // MONTHS_PER_PERSON)
    rnd = random.Random(42)
    sample = [person(rnd.randrange(people)) for _ in range(n_queries)]
    queries = {
        "ЕГН": [SearchQuery(egn=p.egn, limit=page) for p in sample],
        "name, as printed": [SearchQuery(name=p.name, limit=page) for p in sample],
        "name, Latin letters": [SearchQuery(name=latin(p.name, rnd), limit=page) for p in sample],
        "name, 1 misread letter": [SearchQuery(name=misread(p.name, rnd), limit=page) for p in sample],
        "first name + surname only": [
            SearchQuery(name=f"{p.name.split()[0]} {p.name.split()[-1]}", limit=page) for p in sample
        ],
        "employer (one word)": [
            SearchQuery(
                employer=max(p.employer.replace("„", " ").replace("“", " ").split(), key=len), limit=page
            )
            for p in sample
        ],
        "name + employer + years": [
            SearchQuery(
                name=p.name,
                employer=p.employer,
                period_from=(p.start_year, 1),
                period_to=(p.start_year + 1, 12),
                limit=page,
            )
            for p in sample
        ],
    }
    _timed(index, queries["ЕГН"][:10] + queries["name, as printed"][:10])  # warm-up
    index_s, cpu_s = max(index_s, 1e-9), max(cpu_s, 1e-9)  # (--reuse: nothing indexed here)
    result = Result(backend, n, gen_s, index_s, n / index_s, n / cpu_s, disk, disk / n)
    for kind, qs in queries.items():
        times, cpu, answers = _timed(index, qs)
        result.latency_ms[kind] = (_pct(times, 50), _pct(times, 95))
        result.cpu_ms[kind] = (_pct(cpu, 50), _pct(cpu, 95))
        result.hits[kind] = statistics.mean(len(a) for a in answers)
        if kind.startswith("name"):
            hit = [any(r.egn == p.egn for r in a) for p, a in zip(sample, answers, strict=True)]
            full = [
                len(a) == page and all(match_key(r.name) == match_key(p.name) for r in a)
                for p, a in zip(sample, answers, strict=True)
            ]
            result.found[kind] = sum(hit) / len(sample)
            result.found_or_full[kind] = sum(h or f for h, f in zip(hit, full, strict=True)) / len(sample)
    if reindex:
        t1 = time.perf_counter()
        index.rebuild(records(n))
        index.refresh()
        result.reindex_seconds = time.perf_counter() - t1  # includes generating the records again
        result.count_after = index.count()
    return result


def _rate(r: Result, rate: float) -> str:
    return "— (--reuse)" if r.generate_seconds == 0 else f"{rate:,.0f}"


def table(results: list[Result]) -> str:
    rows: list[tuple[str, Any]] = [
        ("records", lambda r: f"{r.records:,}"),
        ("bulk indexing, records/s (time in upsert)", lambda r: _rate(r, r.index_rate)),
        ("  records per CPU second of the process", lambda r: _rate(r, r.index_cpu_rate)),
        (
            "bulk indexing, s (+ generating records, s)",
            lambda r: f"{r.index_seconds:,.1f} (+{r.generate_seconds:,.1f})",
        ),
        ("disk, bytes per record", lambda r: f"{r.bytes_per_record:,.0f}"),
    ]
    kinds = list(results[0].latency_ms) if results else []
    for kind in kinds:
        rows.append((f"{kind}: p50 / p95, ms", lambda r, k=kind: "{:.1f} / {:.1f}".format(*r.latency_ms[k])))
        rows.append(("  CPU time p50 / p95, ms", lambda r, k=kind: "{:.1f} / {:.1f}".format(*r.cpu_ms[k])))
        rows.append(("  results per query (mean)", lambda r, k=kind: f"{r.hits[k]:,.0f}"))
        if kind.startswith("name"):
            rows.append(("  person on the first page", lambda r, k=kind: f"{r.found[k]:.1%}"))
            rows.append(
                ("  ... or the page full of namesakes", lambda r, k=kind: f"{r.found_or_full[k]:.1%}")
            )
    rows.append(
        (
            "reindex (rebuild + swap, records generated on the way), s",
            lambda r: "—" if r.reindex_seconds is None else f"{r.reindex_seconds:,.1f}",
        )
    )
    rows.append(("count after reindex", lambda r: "—" if r.count_after is None else f"{r.count_after:,}"))
    head = ["", *(r.backend for r in results)]
    body = [[label, *(fmt(r) for r in results)] for label, fmt in rows]
    widths = [max(len(str(line[i])) for line in [head, *body]) for i in range(len(head))]
    out = [" | ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True))]
    out.append("-+-".join("-" * w for w in widths))
    out += [" | ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)) for line in body]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200, help="queries of each kind")
    ap.add_argument("--page", type=int, default=50, help="results asked for per query (the first page)")
    ap.add_argument("--chunk", type=int, default=5000, help="records per upsert call")
    ap.add_argument("--backends", default="embedded,elastic", help="embedded, elastic, tantivy")
    ap.add_argument("--dir", type=Path, help="where the indices go (default: a temporary dir, removed)")
    ap.add_argument("--no-reindex", dest="reindex", action="store_false", help="skip the rebuild timing")
    ap.add_argument(
        "--reuse",
        type=Path,
        help="embedded: time the queries on this index file, built earlier by this script with the same --records",
    )
    ap.add_argument("--es-url", help="an Elasticsearch cluster; default: start noida-db")
    ap.add_argument("--es-timeout", type=float, default=600, help="seconds per Elasticsearch request")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results: list[Result] = []
    with ExitStack() as stack:
        tmp = args.dir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-index-")))
        tmp.mkdir(parents=True, exist_ok=True)
        for backend in backends:
            index: Any
            where = tmp / f"{backend}-{os.getpid()}"
            reindex = args.reindex
            if backend == "embedded":
                from indexer.embedded import EmbeddedIndex

                where = args.reuse or where.with_suffix(".sqlite")
                index = EmbeddedIndex(where, cache_mib=512)
                reindex = reindex and not args.reuse
            elif backend == "tantivy":
                index = TantivyProbe(where)
                reindex = False
            elif backend == "elastic":
                from indexer.elastic import ElasticIndex

                url = args.es_url
                if not url:
                    from tests.servers import noida_server

                    url = stack.enter_context(noida_server()).url
                from elasticsearch import Elasticsearch

                client = Elasticsearch(
                    url, request_timeout=args.es_timeout, max_retries=2, retry_on_timeout=True
                )
                index = ElasticIndex(client, f"bench-records-{int(time.time())}", url=url)
            else:
                ap.error(f"unknown backend {backend!r} (embedded, elastic, tantivy)")
            print(f"{backend}: indexing {args.records:,} records ...", file=sys.stderr)
            results.append(
                run(
                    backend,
                    index,
                    where,
                    args.records,
                    args.queries,
                    args.chunk,
                    args.page,
                    reindex,
                    not args.quiet,
                    reuse=bool(args.reuse) and backend == "embedded",
                )
            )
            print(table(results[-1:]), file=sys.stderr)
    print(table(results))
    if args.json:
        args.json.write_text(
            json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
