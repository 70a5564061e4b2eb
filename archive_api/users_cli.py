"""``archive users``: add, list, disable staff accounts; API tokens for machine clients."""

from __future__ import annotations

import sys

import click

from archive_core.accounts import STAFF_ROLES, Accounts
from archive_core.audit import Action, AuditLog
from archive_core.config import load_settings
from archive_core.db import open_database
from archive_core.errors import UsageError


def _open() -> tuple[Accounts, AuditLog]:
    settings = load_settings()
    db = open_database(settings)
    return Accounts(db, settings), AuditLog(db, settings)


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("не е подадена парола на стандартния вход")
        return password
    return click.prompt("Парола", hide_input=True, confirmation_prompt="Паролата отново")


@click.group()
def users() -> None:
    """Служители: добавяне, списък, изключване, ключове за API."""


@users.command("add")
@click.argument("name")
@click.option(
    "--role", required=True, type=click.Choice([str(r) for r in STAFF_ROLES]), help="Роля на служителя."
)
@click.option("--password-stdin", is_flag=True, help="Паролата се чете от първия ред на стандартния вход.")
def add(name: str, role: str, password_stdin: bool) -> None:
    """Добавя служител; паролата — от stdin или въведена два пъти. Отпечатва ключа за TOTP."""
    accounts, audit = _open()
    enrolment = accounts.add_user(name, role, _read_password(password_stdin))
    audit.record("cli", Action.user_added, target=enrolment.username, detail={"role": role})
    click.echo(f"Добавен: {enrolment.username} ({enrolment.role})")
    click.echo(f"TOTP ключ: {enrolment.totp_secret}")
    click.echo(f"TOTP адрес: {enrolment.totp_uri}")
    click.echo("При първия вход страницата показва QR кода за приложението за удостоверяване.")


@users.command("list")
def list_() -> None:
    """Служителите с роля и състояние."""
    accounts, _ = _open()
    rows = accounts.list_users()
    if not rows:
        click.echo("Няма служители: добавете с 'archive users add NAME --role ROLE'.")
        return
    for u in rows:
        state = "изключен" if u.disabled else "активен"
        if u.locked_until is not None:
            state += f", заключен до {u.locked_until:%Y-%m-%d %H:%M} UTC"
        totp = "TOTP настроен" if u.totp_confirmed else "TOTP ненастроен"
        click.echo(f"{u.username}\t{u.role}\t{state}\t{totp}\tключове за API: {u.tokens}")


@users.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Изключва служител: входът, сесиите и ключовете му спират веднага."""
    accounts, audit = _open()
    accounts.disable(name)
    audit.record("cli", Action.user_disabled, target=name)
    click.echo(f"Изключен: {name}")


@users.command("token")
@click.argument("name")
@click.option("--label", default=None, help="За какво е ключът (напр. името на програмата).")
def token(name: str, label: str | None) -> None:
    """Нов ключ за API (Authorization: Bearer ...): показва се само веднъж."""
    accounts, audit = _open()
    token_id, value = accounts.create_token(name, label)
    audit.record("cli", Action.token_created, target=name, detail={"token_id": token_id, "label": label})
    click.echo(value)
    click.echo(f"Ключ № {token_id} за {name}: пазете го — не може да бъде показан отново.", err=True)


@users.command("revoke-token")
@click.argument("token_id", type=int)
def revoke_token(token_id: int) -> None:
    """Отменя ключ за API по номера му."""
    accounts, _ = _open()
    accounts.revoke_token(token_id)
    click.echo(f"Ключ № {token_id} е отменен.")
