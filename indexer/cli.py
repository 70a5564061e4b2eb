"""``archive search`` and ``archive reindex``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import click

from archive_core.records import PersonMonth

from .query import build_query, money, period_text, review_text

_HEADERS = ("ЕГН", "име", "работодател", "период", "дни", "брутно", "страница", "ред", "преглед")
_RIGHT = {4, 5, 7}  # right-aligned columns (numbers)


def _cut(text: str | None, width: int) -> str:
    t = text or "—"
    return t if len(t) <= width else t[: width - 1] + "…"


def format_table(records: list[PersonMonth]) -> str:
    """Records as a plain-text table (one line per record) with a Bulgarian header."""
    rows = [
        (
            r.egn or "—",
            _cut(r.name, 40),
            _cut(r.employer, 36),
            period_text(r),
            "—" if r.days_worked is None else str(r.days_worked),
            money(r.gross_pay),
            r.page_sha256[:12],
            str(r.row_no if r.row_no is not None else r.row_index + 1),
            review_text(r),
        )
        for r in records
    ]
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(_HEADERS)]

    def line(cells: tuple[str, ...]) -> str:
        parts = [
            c.rjust(w) if i in _RIGHT else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    out = [line(_HEADERS), line(tuple("-" * w for w in widths))]
    out.extend(line(row) for row in rows)
    return "\n".join(out)


@click.command()
@click.option("--egn", help="ЕГН (точно съвпадение).")
@click.option(
    "--name", help="Име (без значение главни/малки букви, до две сгрешени букви, кирилица или латиница)."
)
@click.option("--employer", help="Работодател (по думи).")
@click.option("--from", "period_from", metavar="YYYY-MM", help="От месец (включително).")
@click.option("--to", "period_to", metavar="YYYY-MM", help="До месец (включително).")
@click.option("--limit", type=int, default=200, show_default=True, help="Най-много резултати.")
@click.option("--json", "as_json", is_flag=True, help="Отпечатай JSON масив от записи.")
def search(
    egn: str | None,
    name: str | None,
    employer: str | None,
    period_from: str | None,
    period_to: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Търсене на записи (лице и месец) по ЕГН, име или работодател, по избор в период."""
    from archive_core.config import load_settings

    from .backend import open_index

    query = build_query(
        egn=egn, name=name, employer=employer, period_from=period_from, period_to=period_to, limit=limit
    )
    settings = load_settings()
    index = open_index(settings)
    index.ensure()
    results = index.search(query)
    if as_json:
        click.echo(json.dumps([r.search_doc() for r in results], ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo("Няма намерени записи.")
        if index.count() == 0:
            click.echo("Индексът е празен; ако в базата има записи, изпълнете 'archive reindex'.", err=True)
        return
    click.echo(format_table(results))
    more = " (има още — увеличете --limit)" if len(results) >= query.limit else ""
    click.echo(f"Намерени записи: {len(results)}{more}")


@click.command()
def reindex() -> None:
    """Изграждане на индекса за търсене наново от записите в базата (превключва наведнъж)."""
    from sqlalchemy import func, select, update

    from archive_core.config import load_settings
    from archive_core.db import Page, Record, open_database, person_month_from_record
    from archive_core.progress import tqdm_progress

    from .backend import open_index

    settings = load_settings()
    db = open_database(settings)
    index = open_index(settings)  # rebuild needs no ensure(): it also replaces a damaged embedded index
    started = datetime.now(UTC)
    try:
        with db.Session() as session:
            total = session.scalar(select(func.count()).select_from(Record)) or 0
            bar = tqdm_progress(total=total, desc="Индексиране", unit="запис")

            def records() -> Iterator[PersonMonth]:
                stmt = (
                    select(Record)
                    .order_by(Record.page_sha256, Record.row_index)
                    .execution_options(yield_per=1000)
                )
                for rec in session.scalars(stmt):
                    yield person_month_from_record(rec)
                    bar.update(1)

            try:
                n = index.rebuild(records())
            finally:
                bar.close()
            index.refresh()
        with db.Session.begin() as session:
            session.execute(update(Page).where(Page.status == "done").values(indexed_at=started))
    finally:
        db.dispose()
    click.echo(f"Индексът е изграден наново: {n} записа, в индекса сега: {index.count()}.")
