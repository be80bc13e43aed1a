"""The command line: a thin layer over the library. Each command parses its options, calls
one library function and formats what comes back. Data goes to stdout, messages to stderr.

Exit codes: 0 done, 1 findings (or some files failed), 2 usage or input error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Annotated

import typer

from .. import __version__

app = typer.Typer(
    name="reconcile",
    help=(
        "Reconcile what several news sources say about one story.\n\n"
        "Break articles into atomic factual claims (counts, ages, dates, names, roles), store them "
        "in SQLite with their exact quotes, match them across sources and flag the conflicts.\n\n"
        "Start with:  reconcile run sources/"
    ),
    epilog=(
        "A desk's day: [bold]ingest[/] articles, read [bold]conflicts[/], record a [bold]decide[/] "
        "verdict on each, and [bold]check[/] drafts before they go out.  "
        "Every command takes --db (env RECONCILE_DB, default ./reconcile.db).  "
        "Exit codes: 0 done, 1 findings, 2 usage or input error."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="RECONCILE_DB",
        help="SQLite database file. [env: RECONCILE_DB]",
        show_default=True,
    ),
]
DEFAULT_DB = "reconcile.db"
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def stdout_console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def plain(value) -> str:
    """Text from a source, a file name or the command line, safe inside rich markup: brackets
    that would read as markup ("[/]" fails, "[link=...]" makes a link) are escaped, and control
    characters are shown as \\x.. instead of reaching the terminal."""
    from rich.markup import escape

    return escape(printable(value))


def printable(value, keep: str = "\t\n") -> str:
    """Text with its control characters (ESC, CR, C1 codes...) shown as \\x.., so that a file
    name cannot move a terminal's cursor, retitle it or clear it; newlines and tabs are kept
    unless `keep` says otherwise."""
    from ..output import escape_controls

    return escape_controls("" if value is None else str(value), keep)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one line on stderr and leave with `code`."""
    message = printable(message, keep="")  # one line, whatever a file name holds
    stderr_console().print(f"[bold red]error:[/] {plain(message)}", markup=True, highlight=False)
    return typer.Exit(code)


def handles_errors(function: Callable) -> Callable:
    """The one error path of every command: the library's own errors become one line on stderr
    and exit 2, and so does anything unexpected (exit 1 would read as "findings" to a script);
    `--debug` (added to every command) also prints the traceback."""
    import inspect

    @wraps(function)
    def wrapper(*args, debug: bool = False, **kwargs):
        try:
            return function(*args, **kwargs)
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None
        except Exception as error:
            if debug:
                import traceback

                traceback.print_exc(file=sys.stderr)
            raise fail(error_line(error, kwargs.get("db"), debug)) from None

    signature = inspect.signature(function, eval_str=True)
    debug = inspect.Parameter(
        "debug",
        inspect.Parameter.KEYWORD_ONLY,
        default=False,
        annotation=Annotated[
            bool,
            typer.Option(
                "--debug", envvar="RECONCILE_DEBUG", help="Print the traceback of an error."
            ),
        ],
    )
    parameters = [*signature.parameters.values(), debug]
    wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return wrapper


def error_line(error: Exception, db: str | None, debug: bool) -> str:
    """One line for an error: the library's own errors say what went wrong by themselves;
    anything else is named as unexpected."""
    import sqlite3

    from ..check import CheckError
    from ..load import LoadError
    from ..store import StoreError

    if isinstance(error, StoreError | LoadError | CheckError):
        return str(error)
    if isinstance(error, OSError):
        return f"{getattr(error, 'filename', '') or ''} {error.strerror or error}".strip()
    if isinstance(error, sqlite3.Error):
        if "readonly" in str(error):
            return (
                f"{db or 'the database'}: read-only (file or folder permissions);"
                " commands that only read it still work"
            )
        return f"{db or 'the database'}: database error: {error}"
    hint = "" if debug else " (--debug shows where)"
    return f"unexpected {type(error).__name__}: {error}{hint}"


def refuse_clobbering(output: str | None, db: str, reading: list[str] | None = None) -> None:
    """Checked before any work: `-o` never names the database (nor its -wal, -shm or journal,
    which SQLite maps in memory) or a file this command reads."""
    import os

    if not output or output == "-":
        return

    def same(a: str, b: str) -> bool:
        try:
            return os.path.samefile(a, b)
        except OSError:
            return os.path.realpath(a) == os.path.realpath(b)

    for suffix in ("", "-wal", "-shm", "-journal"):
        if same(output, f"{db}{suffix}"):
            raise fail(f"-o {output}: that is the database{suffix and f' ({suffix} file)'}")
    if reading and os.path.exists(output):
        from ..load import iter_paths

        for path in iter_paths([p for p in reading if p != "-"]):
            if same(output, str(path)):
                raise fail(f"-o {output}: that is a file being read")


def write_output(text: str, output: str | None) -> None:
    """Data to stdout, or to a file written whole: a temporary file beside it, renamed into
    place, so that a failure never leaves half a file (or none where there was one)."""
    if output and output != "-":
        import os
        import tempfile

        folder, name = os.path.split(os.path.abspath(output))
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.")
        try:
            with open(descriptor, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            try:
                mode = os.stat(output).st_mode & 0o777
            except FileNotFoundError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(temporary, mode)
            os.replace(temporary, output)
        except BaseException:
            os.unlink(temporary)
            raise
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Reconcile what several news sources say about one story."""


from . import documents, report, check  # noqa: E402,F401,I001  (registers the commands, in help order)


def main() -> None:
    app()  # rich leaves out colour by itself off a terminal or when NO_COLOR is set
