"""The commands, their shared options and helpers; `reconcile.cli.main` runs them."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Annotated

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..lexicon import available_languages
from ..models import CLAIM_KINDS, CONFLICT_KINDS, DECISIONS, SEVERITIES


def plain_types(params: list) -> list:
    """Help that says what a value is (FILE, DATE, low|medium|high), not the Python type
    behind it: a switch shows no type, an argument its name only."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
        elif param.param_type_name == "argument" and param.metavar is not None:
            param.display_type_rich = lambda ctx: None
    return quick_coercion(params)


try:  # typer's coercion through pydantic adapters, with the plain values taken quickly
    from .coercion import quick_coercion
except Exception:  # a typer without adapters (its own coercion is quick already), or whose
    # private coercion module has moved: typer's own path, slower but the same values

    def quick_coercion(params: list) -> list:
        return params


class Command(TyperCommand):
    def get_params(self, ctx):
        return plain_types(super().get_params(ctx))


class Group(TyperGroup):
    def get_params(self, ctx):
        return plain_types(super().get_params(ctx))


app = typer.Typer(
    name="reconcile",
    cls=Group,
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
        "Settings (db, fail-on, format, check-format, accept) come from flags, then environment "
        "variables, then \\[tool.reconcile] in pyproject.toml or a reconcile.toml found upward from "
        "the working directory: [bold]reconcile config[/] shows them.  "
        "Shell completion: reconcile --install-completion (bash, zsh, fish).  "
        "Exit codes: 0 done, 1 findings, 2 usage or input error."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def choices(name: str, values: tuple[str, ...] | list[str]) -> type[StrEnum]:
    """An enum of the library's own words, so that --help lists them and typer refuses any
    other value (exit 2, naming the allowed ones) before the command does any work."""
    return StrEnum(name, {value: value for value in values})


Severity = choices("Severity", SEVERITIES)
ConflictKind = choices("ConflictKind", CONFLICT_KINDS)
ClaimKind = choices("ClaimKind", CLAIM_KINDS)
Decision = choices("Decision", DECISIONS)
Language = choices("Language", available_languages())

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="RECONCILE_DB",
        metavar="FILE",
        help="SQLite database file.",
        show_default=True,
    ),
]
DEFAULT_DB = "reconcile.db"
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", envvar="RECONCILE_FORMAT", help="Output format.")
]
FailOnOption = Annotated[
    Severity | None,
    typer.Option(
        "--fail-on",
        envvar="RECONCILE_FAIL_ON",
        help="Exit 1 when a conflict at or above this severity is left; a conflict a reviewer"
        " dismissed or marked corrected does not count.",
    ),
]
VariantsOption = Annotated[
    bool,
    typer.Option(
        "--variants",
        metavar="",
        help="Also show a name written with and without its accents, or as a nickname: the same"
        " person, a low note left out by default.",
    ),
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", metavar="", help="Exit 0 even when findings are left.")
]


OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file instead of stdout (a CSV file gets the BOM spreadsheets need;"
        " a name ending in .csv, .json or .jsonl sets the format).",
    ),
]


def flag(*names: str, help: str):
    """A switch: no value, so no type to show."""
    return typer.Option(*names, metavar="", help=help)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line


def stdout_console():
    from rich.console import Console

    class Output(Console):
        def on_broken_pipe(self) -> None:  # rich would exit 1: a script would read "findings"
            self.quiet = True
            divert_stdout()

    return Output(highlight=False, soft_wrap=False)


def divert_stdout() -> None:
    """The reader of stdout went away (`| head`): the rest of the output goes nowhere, quietly,
    and the command still ends with its own exit code."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor to redirect (output captured in-process)
        pass


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
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise  # typer's own: an exit code, or a usage error that names its option
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            divert_stdout()
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


def refuse_clobbering(output: str | None, db: str | None, reading: list[str] | None = None) -> None:
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

    for suffix in ("", "-wal", "-shm", "-journal") if db else ():
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
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            divert_stdout()


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=version_callback,
            is_eager=True,
            metavar="",
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """Reconcile what several news sources say about one story."""
    from ..config import ConfigError, file_settings

    try:
        _, values = file_settings()
    except ConfigError as error:
        raise fail(str(error)) from None
    # Below flags and environment variables, above the defaults: click's own order.
    ctx.default_map = command_defaults(values)


def command_defaults(values: dict[str, str]) -> dict[str, dict[str, str]]:
    """The configuration file's settings as each command's option defaults: `format` for the
    listing commands, `check-format` for check."""
    defaults: dict[str, dict[str, str]] = {}
    for info in app.registered_commands:
        name = command_name(info)
        parameters = inspect.signature(info.callback).parameters
        chosen = {}
        for setting, value in values.items():
            if setting == "format" and name == "check":
                continue
            parameter = "format" if setting == "check-format" else setting.replace("-", "_")
            if setting == "check-format" and name != "check":
                continue
            if parameter in parameters:
                chosen[parameter] = value
        defaults[name] = chosen
    return defaults


def prose(text: str) -> str:
    """A docstring as --help text: each paragraph's lines joined, for the terminal to wrap at
    its own width; indented blocks (examples) kept line by line."""
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(
        paragraph
        if any(line.startswith(" ") for line in paragraph.splitlines()[1:])
        else " ".join(paragraph.splitlines())
        for paragraph in paragraphs
    )


from . import documents, report, check, export, evaluate, settings  # noqa: E402,F401,I001  (registers the commands, in help order)

for _command in app.registered_commands:
    _command.help = prose(_command.help or _command.callback.__doc__ or "")
    _command.cls = Command


def command_name(info) -> str:
    return info.name or info.callback.__name__.replace("_", "-")


def main() -> None:
    # typer builds the parameters of every registered command (and a pydantic adapter for
    # each) before it dispatches; when the first argument names a command, only that one is
    # built: its help, parsing and errors are the same, and a start costs 10-20 ms less
    name = sys.argv[1] if len(sys.argv) > 1 else None
    everything = app.registered_commands
    chosen = [info for info in everything if command_name(info) == name]
    app.registered_commands = chosen or everything
    try:
        app()  # rich leaves out colour by itself off a terminal or when NO_COLOR is set
    finally:
        app.registered_commands = everything
