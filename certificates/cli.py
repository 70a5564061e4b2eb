"""``archive citizen-copy``: a citizen's copy of one page (their row, header, headings, totals)."""

from __future__ import annotations

from pathlib import Path

import click

from archive_core.errors import UsageError


@click.command("citizen-copy")
@click.argument("page_sha256", required=False)
@click.option("--egn", help="ЕГН на лицето, чийто ред остава.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="FILE.png или FILE.pdf.")
def citizen_copy(page_sha256: str | None, egn: str | None, out: Path | None) -> None:
    """Копие на лист за гражданин: само неговият ред, заглавието, колоните и сборът; всичко друго е
    заличено. Копие, което не може да се издаде автоматично, отива при служител с причината."""
    from archive_core.config import load_settings
    from archive_core.db import open_database
    from archive_core.storage import open_store

    from .copies import check_request, issue_copy

    if not page_sha256:
        raise UsageError(
            "посочете sha256 на страницата: archive citizen-copy PAGE_SHA256 --egn E --out FILE.png"
        )
    if not egn:
        raise UsageError("посочете ЕГН с --egn")
    if out is None or out.suffix.lower() not in (".png", ".pdf"):
        raise UsageError("посочете файл за копието с --out FILE.png или --out FILE.pdf")
    check_request(page_sha256, egn)
    settings = load_settings()
    db = open_database(settings)
    try:
        copy = issue_copy(
            settings,
            db,
            open_store(settings),
            page_sha256,
            egn,
            "pdf" if out.suffix.lower() == ".pdf" else "png",
        )
    finally:
        db.dispose()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(copy.data)
    click.echo(f"копие: {out}")
