"""``archive demo``: sample sheets through the whole pipeline, a search and a certificate."""

from __future__ import annotations

import json
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click
from sqlalchemy import func, select

from archive_core.accounts import STAFF_ROLES, Accounts, Enrolment
from archive_core.backends import Backends
from archive_core.config import load_settings
from archive_core.db import Database, Record
from archive_core.errors import UsageError
from archive_core.progress import ProgressFactory, null_progress, tqdm_progress
from archive_core.protocols import SearchQuery
from archive_core.records import PayrollPage, PersonMonth, ReviewState
from certificates import issue
from ingest.backends import open_backends
from ingest.batches import default_actor
from ingest.cli import some_failed
from ingest.pipeline import IngestSummary, ingest_paths
from samples.generate import generate_pages


@dataclass
class DemoResult:
    summaries: list[tuple[str, IngestSummary]] = field(default_factory=list)  # (batch label, summary)
    egn: str | None = None
    hits: list[PersonMonth] = field(default_factory=list)
    certificate: Path | None = None
    records: int = 0  # records of every demo page (also those already in the archive)
    fields_under_review: int = 0
    accounts: list[tuple[Enrolment, str]] = field(default_factory=list)  # (enrolment, password)

    @property
    def total(self) -> IngestSummary:
        t = IngestSummary()
        for _, s in self.summaries:
            for name in ("pages_in", "stored", "duplicates", "rejected", "failed", "done", "records"):
                setattr(t, name, getattr(t, name) + getattr(s, name))
            t.fields_under_review += s.fields_under_review
            t.index_pending = s.index_pending
            t.problems.extend(s.problems)
        return t


def load_batches(samples_dir: Path) -> list[dict]:
    path = samples_dir / "batches.json"
    if not path.exists():
        raise UsageError(f"{path}: липсва описанието на делата — генерирайте примерите отново")
    batches = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(batches, list):
        raise UsageError(f"{path}: очаква се списък от дела")
    return batches


def pick_person(db: Database, samples_dir: Path, page_names: list[str]) -> str | None:
    """The person with the most months recognised without anything under review (from the truth)."""
    truth: Counter[str] = Counter()
    for name in page_names:
        js = samples_dir / f"{Path(name).stem}.json"
        if js.exists():
            for row in PayrollPage.load(js).rows:
                if row.egn:
                    truth[row.egn] += 1
    if not truth:
        return None
    with db.Session() as s:
        ok_rows = dict(
            s.execute(
                select(Record.egn, func.count())
                .where(Record.egn.in_(list(truth)), Record.review_state == str(ReviewState.ok))
                .group_by(Record.egn)
            ).all()
        )
    return max(truth, key=lambda e: (ok_rows.get(e, 0), truth[e], e))


DEMO_USERS = {role: f"demo-{str(role).replace('_', '-')}" for role in STAFF_ROLES}


def demo_accounts(backends: Backends) -> list[tuple[Enrolment, str]]:
    """One account per staff role (demo-scan-operator, demo-verifier, demo-clerk, demo-administrator)
    with a fresh random password each run (the TOTP key of an existing account stays)."""
    accounts = Accounts(backends.db, backends.settings)
    out = []
    for role, name in DEMO_USERS.items():
        password = secrets.token_urlsafe(12)
        if accounts.exists(name):
            out.append((accounts.reset_password(name, password), password))
        else:
            out.append((accounts.add_user(name, str(role), password), password))
    return out


def run_demo(
    backends: Backends,
    *,
    pages: int,
    seed: int,
    progress: ProgressFactory = null_progress,
    say: Callable[[str], None] = lambda _: None,
) -> DemoResult:
    settings = backends.settings
    samples_dir = settings.resolved_data_dir / "samples"
    say(f"Генериране на {pages} примерни листа в {samples_dir} (seed {seed})")
    generate_pages(samples_dir, pages, seed, progress=progress)
    result = DemoResult()
    all_pages: list[str] = []
    for b in load_batches(samples_dir):
        names = [str(p) for p in b["pages"]]
        all_pages += names
        label = f"{b['employer']}, дело {b['file_no']}"
        say(f"Дело: {label} ({len(names)} стр.)")
        summary = ingest_paths(
            backends,
            [samples_dir / n for n in names],
            employer=str(b["employer"]),
            file_no=str(b["file_no"]),
            box=str(b["box"]) if b.get("box") else None,
            operator="demo",
            progress=progress,
        )
        result.summaries.append((label, summary))
    shas = [sha for _, s in result.summaries for sha in s.page_sha256s]
    with backends.db.Session() as s:
        reviews = s.scalars(select(Record.review).where(Record.page_sha256.in_(shas))).all()
    result.records = len(reviews)
    result.fields_under_review = sum(len(r or []) for r in reviews)
    result.egn = pick_person(backends.db, samples_dir, all_pages)
    if result.egn:
        result.hits = backends.index.search(SearchQuery(egn=result.egn))
        out = settings.resolved_data_dir / "certificates" / f"demo-service-{result.egn}.pdf"
        out.parent.mkdir(parents=True, exist_ok=True)
        issue(settings, "service", result.egn, None, None, out, user=f"demo:{default_actor()}")
        result.certificate = out
    result.accounts = demo_accounts(backends)
    return result


def describe(pm: PersonMonth) -> str:
    """One search hit as a line a clerk can read."""
    period = f"{pm.month:02d}.{pm.year}" if pm.year and pm.month else "период неизвестен"
    money = f", брутно {pm.gross_pay} лв." if pm.gross_pay is not None else ""
    days = f", {pm.days_worked} дни" if pm.days_worked is not None else ""
    review = " [за проверка: " + ", ".join(pm.review) + "]" if pm.review else ""
    return (
        f"{pm.egn or '—'} {pm.name or '—'} — {pm.employer or '—'}, {period}{days}{money}"
        f" (страница {pm.page_sha256[:12]}, ред {pm.row_no if pm.row_no is not None else pm.row_index + 1})"
        f"{review}"
    )


@click.command()
@click.option(
    "--pages", type=click.IntRange(min=1), default=12, show_default=True, help="Брой примерни листове."
)
@click.option("--seed", type=int, default=2026, show_default=True, help="Начално число на генератора.")
def demo(pages: int, seed: int) -> None:
    """Generate sample sheets, run them through the whole pipeline, search and certify."""
    backends = open_backends(load_settings())
    try:
        result = run_demo(
            backends, pages=pages, seed=seed, progress=tqdm_progress, say=lambda m: click.echo(m, err=True)
        )
    finally:
        backends.close()
    for label, s in result.summaries:
        click.echo(f"{label}: {s.line()}")
    total = result.total
    for p in total.problems:
        click.echo(p.message, err=True)
    click.echo(
        f"Общо: {total.pages_in} страници, {result.records} записа,"
        f" {result.fields_under_review} полета за проверка"
    )
    if result.egn:
        click.echo(f"Търсене по ЕГН {result.egn}: {len(result.hits)} записа")
        if result.hits:
            shown = next((h for h in result.hits if not h.review), result.hits[0])
            click.echo("  " + describe(shown))
    if result.certificate:
        click.echo(f"Удостоверение: {result.certificate}")
    if result.accounts:
        click.echo("Вход в уеб приложението: 'archive serve', после http://127.0.0.1:8000/ —")
        click.echo("  потребител и парола, после шестцифреният код от приложение за удостоверяване")
        click.echo("  (FreeOTP, Google Authenticator: сканирайте QR кода при първия вход или въведете TOTP ключа;")
        click.echo("  без телефон: python3 -c \"import pyotp; print(pyotp.TOTP('КЛЮЧ').now())\").")
        for enrolment, password in result.accounts:
            click.echo(
                f"  {enrolment.role}: потребител {enrolment.username}, парола {password},"
                f" TOTP ключ {enrolment.totp_secret}"
            )
    if not total.ok:
        raise some_failed(len(total.problems))
