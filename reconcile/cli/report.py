"""Commands that report: conflicts, and run (ingest then report, the main job)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import (
    DEFAULT_DB,
    DbOption,
    Format,
    FormatOption,
    app,
    fail,
    handles_errors,
    refuse_clobbering,
    stderr_console,
    stdout_console,
    write_output,
)
from .documents import run_ingest
from .rows import emit_rows

SEVERITIES = ("low", "medium", "high")


def select(
    conflicts, min_severity: str, kind: str | None, story: str | None, undecided: bool = False
):
    from ..judge import SEVERITY_RANK

    if min_severity not in SEVERITIES:
        raise fail(f"--min-severity must be one of {', '.join(SEVERITIES)}")
    return [
        c
        for c in conflicts
        if SEVERITY_RANK[c.severity] >= SEVERITY_RANK[min_severity]
        and (not kind or c.kind == kind)
        and (not story or c.story == story)
        and not (undecided and c.decision)
    ]


def emit(conflicts, format: Format, output: str | None) -> None:
    from ..report import CSV_COLUMNS, conflict_json, conflict_rows, render

    def table() -> None:
        if output and output != "-":
            import io

            from rich.console import Console

            buffer = io.StringIO()
            render(conflicts, Console(file=buffer, width=120, no_color=True))
            write_output(buffer.getvalue(), output)
        else:
            render(conflicts, stdout_console())

    rows = [conflict_json(c) for c in conflicts]
    csv_rows = conflict_rows(conflicts) if format is Format.csv else None
    emit_rows("conflicts", rows, CSV_COLUMNS, format, table, output, csv_rows)


def finish(conflicts, fail_on: str | None) -> None:
    from ..judge import SEVERITY_RANK

    if fail_on and any(SEVERITY_RANK[c.severity] >= SEVERITY_RANK[fail_on] for c in conflicts):
        raise typer.Exit(1)


def severity_choice(value: str | None) -> str | None:
    """Checked before any work: a mistyped severity must not pass silently."""
    if value is not None and value not in SEVERITIES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(SEVERITIES)}")
    return value


MinSeverity = Annotated[
    str,
    typer.Option("--min-severity", callback=severity_choice, help="low, medium or high."),
]
KindOption = Annotated[
    str | None, typer.Option("--kind", "-k", help="count, age, date, name, money, percent.")
]
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        callback=severity_choice,
        help="Exit 1 when a conflict at or above this severity (low, medium, high) is found.",
    ),
]
StoryOption = Annotated[str | None, typer.Option("--story", help="Only this story.")]


@app.command()
@handles_errors
def conflicts(
    db: DbOption = DEFAULT_DB,
    min_severity: MinSeverity = "low",
    kind: KindOption = None,
    story: StoryOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    fail_on: FailOn = None,
    refresh: Annotated[
        bool,
        typer.Option("--refresh", help="Recompute even if nothing changed since the last run."),
    ] = False,
    undecided: Annotated[
        bool, typer.Option("--undecided", help="Only conflicts no reviewer has decided on yet.")
    ] = False,
) -> None:
    """Report where sources disagree: the values side by side, with their quotes.

    Results are recomputed when documents changed since the last run, else read back.

    Examples:
      reconcile conflicts
      reconcile conflicts --min-severity medium --format csv -o conflicts.csv
      reconcile conflicts --format json | jq '.conflicts[].explanation'
    """
    import sqlite3

    from ..pipeline import attach_decisions, current_conflicts, reconcile
    from ..store import connect

    refuse_clobbering(output, db)
    database = connect(db, create=False)
    try:
        found = (
            attach_decisions(database, reconcile(database))
            if refresh
            else current_conflicts(database)
        )
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        found = attach_decisions(database, reconcile(database, save=False))
    chosen = select(found, min_severity, kind, story, undecided)
    emit(chosen, format, output)
    finish(chosen, fail_on)


@app.command()
@handles_errors
def run(
    paths: Annotated[
        list[str], typer.Argument(help="Files and folders of articles.", show_default=False)
    ],
    db: DbOption = DEFAULT_DB,
    story: Annotated[str | None, typer.Option(help="Label these documents as one story.")] = None,
    min_severity: MinSeverity = "low",
    format: FormatOption = Format.table,
    output: OutputOption = None,
    fail_on: FailOn = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0 = all cores).")
    ] = 0,
) -> None:
    """The main job: ingest articles, then report the conflicts between them.

    Example:  reconcile run sources/
    """
    from ..pipeline import reconcile

    refuse_clobbering(output, db, paths)
    database, summary = run_ingest(db, paths, None, None, story, None, 20.0, jobs)
    if format is Format.table and not output:
        from ..store import claims
        from .documents import print_summary

        print_summary(claims(database), Format.table)
    found = select(reconcile(database), min_severity, None, None)
    emit(found, format, output)
    if summary.failed:
        stderr_console().print(f"{summary.failed} file(s) could not be read; see above.")
    finish(found, fail_on)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def decide(
    conflict_id: Annotated[
        str, typer.Argument(help="The conflict's id, as 'reconcile conflicts' prints it.")
    ],
    decision: Annotated[str, typer.Argument(help="confirmed, dismissed, corrected or needs-work.")],
    db: DbOption = DEFAULT_DB,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="Why: what was checked, with whom.")
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(
            "--reviewer",
            "-r",
            envvar="RECONCILE_REVIEWER",
            help="Who decided. [env: RECONCILE_REVIEWER]",
        ),
    ] = None,
) -> None:
    """Record a reviewer's decision on a conflict; it shows in every later report.

    Conflict ids are stable, so a decision stays attached when the corpus is reconciled again.

    Example:  reconcile decide c-fb44e2dd3ce8 confirmed --note "police confirm 31" -r ana
    """
    from ..pipeline import current_conflicts
    from ..store import connect, record_decision

    database = connect(db, create=False)
    current_conflicts(database)  # make sure the stored conflicts are up to date
    row = record_decision(database, conflict_id, decision, note, reviewer)
    stderr_console().print(f"{conflict_id}: {row['decision']}", highlight=False)
