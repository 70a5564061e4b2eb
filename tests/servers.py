"""Start and stop real servers for tests and benchmarks: an Elasticsearch-API server (``noida-db``)
and an S3 server (``moto[server]``), each on a free port, in its own temporary data dir.

``noida_server()`` / ``moto_server()`` are context managers yielding a handle with the URL; they wait
until the server answers and stop it (and everything it started) on exit. The pytest fixtures
``es_server`` / ``s3_server`` (session-scoped) wrap them. A missing binary is a hard failure with a
message saying what to install: these suites run in CI, they never skip.

``ServerHandle.stop()`` / ``.start()`` take a running server down and bring it back on the same port
(fault tests: "Elasticsearch down during ingest").
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

START_TIMEOUT = 60.0


class ServerStartError(RuntimeError):
    """A test server could not be started (binary missing, or it never answered)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _http_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return 200 <= resp.status < 500
    except urllib.error.HTTPError as e:
        return e.code < 500
    except (OSError, urllib.error.URLError):
        return False


@dataclass
class ServerHandle:
    """One server process; ``url`` stays the same across stop()/start()."""

    name: str
    argv: list[str]
    url: str
    probe_url: str
    port: int
    workdir: Path
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.workdir / f"{self.name}.log"

    def log_tail(self, n: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    def start(self, timeout: float = START_TIMEOUT) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        log = self.log_path.open("ab")
        try:
            self.proc = subprocess.Popen(
                self.argv,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**os.environ, **self.env},
                start_new_session=True,  # its own process group: stop() ends it and its children
            )
        finally:
            log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServerStartError(
                    f"{self.name} exited with code {self.proc.returncode} on start "
                    f"({' '.join(self.argv)}):\n{self.log_tail()}"
                )
            if _http_answers(self.probe_url):
                return
            time.sleep(0.1)
        self.stop()
        raise ServerStartError(
            f"{self.name} did not answer on {self.probe_url} within {timeout:.0f}s:\n{self.log_tail()}"
        )

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        # Wait until the port is really free, so that a restart can bind it again.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _port_free(self.port):
            time.sleep(0.05)

    def restart(self) -> None:
        self.stop()
        self.start()


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def noida_binary() -> Path:
    """The real noida-db server binary (not the Python wrapper, which would outlive a SIGTERM)."""
    try:
        from importlib.resources import files

        path = Path(str(files("noida_db").joinpath("noida-db.exe" if os.name == "nt" else "noida-db")))
    except ModuleNotFoundError:
        raise ServerStartError(
            "noida-db is not installed (Elasticsearch-API test server): pip install -e .[dev]  (or pip install noida-db)"
        ) from None
    if not path.is_file():
        raise ServerStartError(
            f"noida-db binary missing at {path}: reinstall with pip install --force-reinstall noida-db"
        )
    if not os.access(path, os.X_OK):
        path.chmod(0o755)
    return path


def moto_argv(port: int) -> list[str]:
    exe = shutil.which("moto_server")
    if exe:
        return [exe, "-H", "127.0.0.1", "-p", str(port)]
    try:
        import moto.server  # noqa: F401
    except ImportError:
        raise ServerStartError(
            "moto[server] is not installed (S3 test server): pip install -e .[dev]"
        ) from None
    return [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]


@contextlib.contextmanager
def _running(make: Callable[[Path], ServerHandle]) -> Iterator[ServerHandle]:
    with tempfile.TemporaryDirectory(prefix="archive-server-") as tmp:
        handle = make(Path(tmp))
        try:
            handle.start()
            yield handle
        finally:
            handle.stop()


@contextlib.contextmanager
def noida_server() -> Iterator[ServerHandle]:
    """An Elasticsearch-API server (noida-db, elasticsearch service only); ``handle.url`` is http://127.0.0.1:PORT."""
    binary = noida_binary()

    def make(tmp: Path) -> ServerHandle:
        port = free_port()
        argv = [str(binary), "start", "--data-dir", str(tmp / "data"), "--only", "elasticsearch"]
        argv += ["--host", "127.0.0.1", "--elasticsearch-port", str(port)]
        url = f"http://127.0.0.1:{port}"
        return ServerHandle("noida-db", argv, url, url + "/", port, tmp)

    with _running(make) as handle:
        yield handle


@contextlib.contextmanager
def moto_server() -> Iterator[ServerHandle]:
    """An S3 server (moto); ``handle.url`` is the endpoint host:port (no scheme, as minio wants it)."""

    def make(tmp: Path) -> ServerHandle:
        port = free_port()
        env = {
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_DEFAULT_REGION": "us-east-1",
        }
        return ServerHandle(
            "moto", moto_argv(port), f"127.0.0.1:{port}", f"http://127.0.0.1:{port}/moto-api/", port, tmp, env
        )

    with _running(make) as handle:
        yield handle


def _start_or_fail(cm: contextlib.AbstractContextManager[ServerHandle]) -> Iterator[ServerHandle]:
    try:
        handle = cm.__enter__()
    except ServerStartError as e:
        pytest.fail(str(e), pytrace=False)
    try:
        yield handle
    finally:
        cm.__exit__(None, None, None)


@pytest.fixture(scope="session")
def es_server() -> Iterator[ServerHandle]:
    """A noida-db Elasticsearch-API server for the whole test session."""
    yield from _start_or_fail(noida_server())


@pytest.fixture(scope="session")
def s3_server() -> Iterator[ServerHandle]:
    """A moto S3 server for the whole test session (``.url`` = host:port)."""
    yield from _start_or_fail(moto_server())


@pytest.fixture
def es_server_restartable() -> Iterator[ServerHandle]:
    """A private noida-db server a test may stop() and start() (fault tests)."""
    yield from _start_or_fail(noida_server())


@pytest.fixture
def s3_server_restartable() -> Iterator[ServerHandle]:
    """A private moto server a test may stop() and start(); moto keeps data in memory, so a restart empties it."""
    yield from _start_or_fail(moto_server())
