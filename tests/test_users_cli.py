"""`archive users`: add (password from stdin), list, disable, API tokens; errors say what to do."""

from __future__ import annotations

import io

import pyotp
import pytest
from fastapi.testclient import TestClient

from archive_api.app import create_app
from archive_core.config import Settings

from .test_ingest import cli_env, run_cli

__all__ = ["cli_env"]  # fixture


def add(name: str, role: str, password: str, capsys, monkeypatch) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return run_cli(["users", "add", name, "--role", role, "--password-stdin"], capsys)


def test_add_list_token_disable(
    cli_env: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = add("Ana", "clerk", "a long enough password", capsys, monkeypatch)
    assert code == 0, err
    assert "Добавен: ana (clerk)" in out
    secret = out.split("TOTP ключ: ")[1].split()[0]
    assert pyotp.TOTP(secret).now().isdigit()
    assert "otpauth://totp/" in out and f"secret={secret}" in out

    code, out, err = run_cli(["users", "token", "ana", "--label", "nightly"], capsys)
    assert code == 0, err
    token = out.strip()
    assert token.startswith("pa_") and "не може да бъде показан отново" in err
    client = TestClient(create_app(cli_env), headers={"Authorization": f"Bearer {token}"})
    r = client.get("/api/search", params={"name": "Иван", "purpose": "certificate"})
    assert r.status_code == 200

    code, out, _ = run_cli(["users", "list"], capsys)
    assert code == 0 and "ana\tclerk\tактивен\tTOTP ненастроен\tключове за API: 1" in out

    code, out, _ = run_cli(["users", "disable", "ana"], capsys)
    assert code == 0 and "Изключен: ana" in out
    assert client.get("/api/search", params={"name": "Иван", "purpose": "certificate"}).status_code == 401
    code, out, _ = run_cli(["users", "list"], capsys)
    assert "ana\tclerk\tизключен" in out


def test_refusals_say_what_to_do(
    cli_env: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = add("bob", "clerk", "short", capsys, monkeypatch)
    assert code != 0 and "поне 10 знака" in err
    code, _, err = add("bob", "boss", "a long enough password", capsys, monkeypatch)
    assert code == 2 and "--role" in err
    code, _, err = add("Bob Smith", "clerk", "a long enough password", capsys, monkeypatch)
    assert code != 0 and "малки латински букви" in err
    assert add("bob", "verifier", "a long enough password", capsys, monkeypatch)[0] == 0
    code, _, err = add("bob", "clerk", "a long enough password", capsys, monkeypatch)
    assert code != 0 and "вече има" in err
    code, _, err = run_cli(["users", "token", "nobody"], capsys)
    assert code != 0 and "archive users list" in err
