"""``archive serve`` and ``archive certificate``."""

from __future__ import annotations

import getpass
from pathlib import Path

import click

from archive_core.errors import UsageError


def os_user() -> str:
    """The operating-system user running the command."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@click.command()
@click.argument("kind", metavar="service|income", required=False)
@click.option("--egn", help="ЕГН на лицето.")
@click.option("--from", "period_from", metavar="YYYY-MM", help="От месец (включително).")
@click.option("--to", "period_to", metavar="YYYY-MM", help="До месец (включително).")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="PDF файл (JSON се записва до него)."
)
@click.option("--user", "user", help="Кой издава (по подразбиране cli:<потребител на ОС>).")
def certificate(
    kind: str | None,
    egn: str | None,
    period_from: str | None,
    period_to: str | None,
    out: Path | None,
    user: str | None,
) -> None:
    """Удостоверение за осигурителен стаж (service) или доход (income): PDF и JSON с доказателство за всеки ред."""
    from archive_core.config import load_settings
    from certificates import TITLES, issue
    from indexer.query import parse_period

    if kind not in TITLES:
        raise UsageError(
            "посочете вида: 'archive certificate service' (стаж) или 'archive certificate income' (доход)"
        )
    if not egn:
        raise UsageError("посочете ЕГН с --egn")
    if out is None:
        raise UsageError("посочете файл за удостоверението с --out FILE.pdf")
    p_from = parse_period(period_from, "--from")
    p_to = parse_period(period_to, "--to")
    cert = issue(load_settings(), kind, egn, p_from, p_to, out, user=user or f"cli:{os_user()}")
    t = cert.totals
    click.echo(f"{cert.title} № {cert.registration_no} от {cert.registered_on}")
    click.echo(f"{cert.title}: {cert.person.name or '—'}, ЕГН {cert.person.egn}")
    click.echo(t.text)
    click.echo(f"PDF: {out}")
    click.echo(f"JSON: {out.with_suffix('.json')}")


@click.command()
@click.option("--host", help="Адрес (по подразбиране ARCHIVE_HOST или 127.0.0.1).")
@click.option("--port", type=int, help="Порт (по подразбиране ARCHIVE_PORT или 8000).")
def serve(host: str | None, port: int | None) -> None:
    """Уеб приложението и JSON API (OpenAPI на /docs)."""
    import uvicorn

    from archive_core.config import load_settings

    from .app import create_app

    settings = load_settings(host=host, port=port)
    app = create_app(settings)
    click.echo(f"Приложението работи на http://{settings.host}:{settings.port} (API: /docs)", err=True)
    if not app.state.accounts.list_users():
        click.echo(
            "Няма служители: добавете с 'archive users add NAME --role administrator' (или 'archive demo').",
            err=True,
        )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
