"""Index backends benchmark: bulk indexing, search latency and reindex time, embedded vs Elasticsearch.

    python -m bench.index_backends                       # 1,000,000 records, both backends
    python -m bench.index_backends --records 100000      # fewer records
    python -m bench.index_backends --es-url http://host:9200 --backends elastic

Synthetic person-month records (valid ЕГН, Bulgarian names, 24 months per person, one employer per
person) are generated deterministically and fed to ``RecordIndex.upsert`` in chunks; then random
ЕГН queries, name queries as printed and name queries with one misread letter are timed one by one
(after a short warm-up), and ``rebuild`` re-indexes everything. Without ``--es-url`` a noida-db server
is started (tests/servers.py) in a temporary dir. Results: a table on stdout, optionally JSON (--json).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from archive_core import egn as egn_mod
from archive_core.protocols import RecordIndex, SearchQuery
from archive_core.records import PersonMonth
from samples.data import EMPLOYERS_1990S, EMPLOYERS_SOCIALIST, FATHERS, FEMALE_FIRST, MALE_FIRST, SURNAMES

MONTHS_PER_PERSON = 24
ROWS_PER_PAGE = 12
CYR = "абвгдежзийклмнопрстуфхцчшщъюя"


@dataclass(frozen=True)
class Person:
    egn: str
    name: str
    employer: str
    start_year: int


def _patronymic(father: str, female: bool) -> str:
    base = father[:-1] + "иев" if father[-1] in "ий" else father + "ов"
    return base + ("а" if female else "")


def person(i: int) -> Person:
    rnd = random.Random(i * 7919 + 17)
    female = rnd.random() < 0.5
    first = rnd.choice(FEMALE_FIRST if female else MALE_FIRST)
    surname = rnd.choice(SURNAMES) + ("а" if female else "")
    name = f"{first} {_patronymic(rnd.choice(FATHERS), female)} {surname}"
    born = date(1930 + rnd.randrange(45), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
    egn = egn_mod.make(born, i % 500, female)
    employer = rnd.choice(EMPLOYERS_SOCIALIST + EMPLOYERS_1990S)
    return Person(egn, name, employer, max(born.year + 18, 1960) + rnd.randrange(20))


def records(n: int) -> Iterator[PersonMonth]:
    """``n`` records: person k has months k*24 .. k*24+23; pages hold 12 rows each."""
    for i in range(n):
        p = person(i // MONTHS_PER_PERSON)
        k = i % MONTHS_PER_PERSON
        page = f"{i // ROWS_PER_PAGE:064x}"
        row = i % ROWS_PER_PAGE
        gross = Decimal(150 + (i * 37) % 900) + Decimal((i * 13) % 100) / 100
        yield PersonMonth(
            id=PersonMonth.make_id(page[-20:] + page[:44], row),
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


@dataclass
class Result:
    backend: str
    records: int
    index_seconds: float
    index_rate: float
    egn_p50_ms: float
    egn_p95_ms: float
    name_p50_ms: float
    name_p95_ms: float
    typo_p50_ms: float
    typo_p95_ms: float
    reindex_seconds: float
    count_after: int
    name_hits_ok: float


def _pct(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] * 1000


def _timed(index: RecordIndex, queries: list[SearchQuery]) -> tuple[list[float], list[list[PersonMonth]]]:
    times: list[float] = []
    answers: list[list[PersonMonth]] = []
    for q in queries:
        t = time.perf_counter()
        answers.append(index.search(q))
        times.append(time.perf_counter() - t)
    return times, answers


def run(backend: str, index: RecordIndex, n: int, n_queries: int, chunk: int, progress: bool) -> Result:
    index.ensure()
    t0 = time.perf_counter()
    batch: list[PersonMonth] = []
    done = 0
    for pm in records(n):
        batch.append(pm)
        if len(batch) >= chunk:
            index.upsert(batch)
            done += len(batch)
            batch = []
            if progress:
                rate = done / (time.perf_counter() - t0)
                print(f"\r  {backend}: {done:,}/{n:,} ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if batch:
        index.upsert(batch)
    index.refresh()
    index_s = time.perf_counter() - t0
    if progress:
        print(file=sys.stderr)

    people = max(1, n // MONTHS_PER_PERSON)
    rnd = random.Random(42)
    sample = [person(rnd.randrange(people)) for _ in range(n_queries)]
    egn_q = [SearchQuery(egn=p.egn) for p in sample]
    name_q = [SearchQuery(name=p.name) for p in sample]
    typo_q = [SearchQuery(name=misread(p.name, rnd)) for p in sample]
    _timed(index, egn_q[:10] + name_q[:10])  # warm-up
    egn_t, _ = _timed(index, egn_q)
    name_t, _ = _timed(index, name_q)
    typo_t, typo_a = _timed(index, typo_q)
    found = sum(1 for p, a in zip(sample, typo_a, strict=True) if any(r.egn == p.egn for r in a))

    t1 = time.perf_counter()
    index.rebuild(records(n))
    index.refresh()
    reindex_s = time.perf_counter() - t1
    return Result(
        backend=backend,
        records=n,
        index_seconds=index_s,
        index_rate=n / index_s,
        egn_p50_ms=_pct(egn_t, 50),
        egn_p95_ms=_pct(egn_t, 95),
        name_p50_ms=_pct(name_t, 50),
        name_p95_ms=_pct(name_t, 95),
        typo_p50_ms=_pct(typo_t, 50),
        typo_p95_ms=_pct(typo_t, 95),
        reindex_seconds=reindex_s,
        count_after=index.count(),
        name_hits_ok=found / len(sample),
    )


def table(results: list[Result]) -> str:
    rows = [
        ("records", lambda r: f"{r.records:,}"),
        ("bulk indexing, records/s", lambda r: f"{r.index_rate:,.0f}"),
        ("bulk indexing, s", lambda r: f"{r.index_seconds:,.1f}"),
        ("ЕГН search p50 / p95, ms", lambda r: f"{r.egn_p50_ms:.1f} / {r.egn_p95_ms:.1f}"),
        ("name search p50 / p95, ms", lambda r: f"{r.name_p50_ms:.1f} / {r.name_p95_ms:.1f}"),
        ("name, 1 misread letter p50 / p95, ms", lambda r: f"{r.typo_p50_ms:.1f} / {r.typo_p95_ms:.1f}"),
        ("  person found despite the misread letter", lambda r: f"{r.name_hits_ok:.0%}"),
        ("reindex (rebuild + swap), s", lambda r: f"{r.reindex_seconds:,.1f}"),
        ("count after reindex", lambda r: f"{r.count_after:,}"),
    ]
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
    ap.add_argument("--chunk", type=int, default=5000, help="records per upsert call")
    ap.add_argument("--backends", default="embedded,elastic")
    ap.add_argument("--es-url", help="an Elasticsearch cluster; default: start noida-db")
    ap.add_argument("--es-timeout", type=float, default=600, help="seconds per Elasticsearch request")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    results: list[Result] = []
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-index-")))
        for backend in backends:
            index: RecordIndex
            if backend == "embedded":
                from indexer.embedded import EmbeddedIndex

                index = EmbeddedIndex(tmp / "index.sqlite")
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
                ap.error(f"unknown backend {backend!r} (embedded, elastic)")
            print(f"{backend}: indexing {args.records:,} records ...", file=sys.stderr)
            results.append(run(backend, index, args.records, args.queries, args.chunk, not args.quiet))
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
