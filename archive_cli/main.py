"""The ``archive`` command, on top of every layer. Subcommands live beside the code they drive and
are imported lazily by name, so ``archive --help`` is fast and a broken optional component cannot
break the others.

Errors are mapped to exit codes here and only here: an ``ArchiveError`` prints one line on stderr
and exits with its ``exit_code``; a usage error exits 2 with one line. Every option can also be
given as an environment variable ``ARCHIVE_<COMMAND>_<OPTION>`` (click's auto_envvar_prefix).
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

import click

from archive_core.errors import ArchiveError

# name -> ("module:attribute", one-line help); the order is the order of `archive --help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": (
        "archive_cli.demo:demo",
        "Generate sample sheets, run them through the whole pipeline, summarise.",
    ),
    "samples": ("samples.cli:samples", "Write synthetic payroll sheets (PNG) with their ground truth."),
    "scan": ("ingest.cli:scan", "Scan pages (SANE, eSCL, hot folder, files) into a batch, checked at capture."),
    "separator": ("ingest.cli:separator", "Print a separator sheet (QR code) that starts an employer's file."),
    "duplicates": ("ingest.cli:duplicates", "List sheets scanned twice; keep one scan."),
    "ingest": ("ingest.cli:ingest", "Ingest page images/PDF/TIFF of one employer's file."),
    "worker": ("ingest.worker_cli:worker", "Run OCR workers on the queue (rq on Redis)."),
    "jobs": ("ingest.worker_cli:jobs", "Show queued, processing and failed pages/jobs."),
    "extract": ("ocr.cli:extract", "Read payroll sheets into payroll-page/1 JSON."),
    "tables": ("ocr.cli:tables", "Find table structure into table-structure/1 JSON."),
    "search": ("indexer.cli:search", "Search person-month records by ЕГН, name, employer, period."),
    "reindex": ("indexer.cli:reindex", "Rebuild the search index from the database."),
    "certificate": ("archive_api.cli:certificate", "Issue a certificate of service or income (PDF + JSON)."),
    "citizen-copy": (
        "certificates.cli:citizen_copy",
        "A citizen's copy of a page: their own row only (PNG or PDF).",
    ),
    "serve": ("archive_api.cli:serve", "Serve the web app and JSON API."),
    "users": ("archive_api.users_cli:users", "Staff accounts: add, list, disable; API tokens."),
    "bench": ("bench.extraction:bench", "Measure extraction quality and speed on labelled pages."),
    "fixity": ("ingest.cli:fixity", "Re-hash stored originals against the database."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module_name, attr = entry[0].split(":")
        module = importlib.import_module(module_name)
        cmd = getattr(module, attr)
        assert isinstance(cmd, click.Command)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, help_) for name, (_, help_) in COMMANDS.items()])


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(package_name="payroll-archive")
def cli() -> None:
    """payroll-archive: payroll sheets of the NSSI insurance archive in, verified person-month
    records and certificates out.

    Data lives under ARCHIVE_DATA_DIR (default ./archive-data). Servers are used when
    ARCHIVE_DATABASE_URL, ARCHIVE_REDIS_URL, ARCHIVE_ELASTICSEARCH_URL, ARCHIVE_S3_ENDPOINT are set;
    otherwise the embedded defaults (SQLite, an embedded index, files, in-process workers).
    """


def main(argv: list[str] | None = None) -> None:
    try:
        rv = cli.main(args=argv, prog_name="archive", standalone_mode=False, auto_envvar_prefix="ARCHIVE")
        if isinstance(rv, int) and rv:  # ctx.exit(n) inside a command comes back as a return value
            sys.exit(rv)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.Abort:
        click.echo("archive: aborted", err=True)
        sys.exit(130)
    except click.UsageError as e:
        cmd = e.ctx.command_path if e.ctx else "archive"
        click.echo(f"{cmd}: {e.format_message()} (see '{cmd} --help')", err=True)
        sys.exit(2)
    except click.ClickException as e:
        click.echo(f"archive: {e.format_message()}", err=True)
        sys.exit(e.exit_code)
    except ArchiveError as e:
        click.echo(f"archive: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("archive: interrupted", err=True)
        sys.exit(130)
    except Exception as e:  # an unexpected bug: one line, full traceback only when asked for
        if os.environ.get("ARCHIVE_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"archive: internal error: {type(e).__name__}: {e} (set ARCHIVE_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(70)
    sys.exit(0)


if __name__ == "__main__":
    main()
