"""Commands that report: conflicts, and run (ingest then report, the main job)."""

from __future__ import annotations

from typing import Annotated

import typer

from . import (
    DEFAULT_DB,
    ConflictKind,
    DbOption,
    Decision,
    ExitZeroOption,
    FailOnOption,
    Format,
    FormatOption,
    Severity,
    app,
    flag,
    handles_errors,
    stderr_console,
    stdout_console,
)
from .documents import run_ingest
from .rows import emit_rows


def select(
    conflicts,
    min_severity: str,
    kind: str | None,
    story: str | None,
    undecided: bool = False,
):
    from ..judge import SEVERITY_RANK

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
            from rich.console import Console

            with open(output, "w", encoding="utf-8") as handle:
                render(conflicts, Console(file=handle, width=120, no_color=True))
        else:
            render(conflicts, stdout_console())

    rows = [conflict_json(c) for c in conflicts]
    csv_rows = conflict_rows(conflicts) if format is Format.csv else None
    emit_rows("conflicts", rows, CSV_COLUMNS, format, table, output, csv_rows)


def finish(conflicts, fail_on: str | None, exit_zero: bool = False) -> None:
    """Exit 1 when a conflict at or above `fail_on` is left: one a reviewer settled (dismissed,
    corrected) does not count, one confirmed does."""
    from ..judge import SEVERITY_RANK

    if (
        fail_on
        and not exit_zero
        and any(
            SEVERITY_RANK[c.severity] >= SEVERITY_RANK[fail_on] and not c.settled for c in conflicts
        )
    ):
        raise typer.Exit(1)


def known_story(database, story: str | None) -> str | None:
    """The story as every command names it (a label given at ingest, or an automatic name;
    'label:NAME' still works), or a usage error that lists the stories there are."""
    if story is None:
        return None
    from ..store import story_names
    from ..stories import story_name

    name = story_name(story)
    names = story_names(database)
    if name not in names:
        shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        raise typer.BadParameter(
            f"no story {story!r}; the stories are: {shown or 'none yet'}", param_hint="'--story'"
        )
    return name


MinSeverity = Annotated[
    Severity, typer.Option("--min-severity", help="Only conflicts this severe or more.")
]
KindOption = Annotated[
    ConflictKind | None, typer.Option("--kind", "-k", help="Only conflicts of this kind.")
]
OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to this file instead of stdout."),
]
StoryOption = Annotated[
    str | None,
    typer.Option(
        "--story", metavar="NAME", help="Only this story (as 'reconcile sources' names it)."
    ),
]


@app.command()
@handles_errors
def conflicts(
    db: DbOption = DEFAULT_DB,
    min_severity: MinSeverity = Severity.low,
    kind: KindOption = None,
    story: StoryOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    refresh: Annotated[
        bool, flag("--refresh", help="Recompute even if nothing changed since the last run.")
    ] = False,
    undecided: Annotated[
        bool, flag("--undecided", help="Only conflicts no reviewer has decided on yet.")
    ] = False,
) -> None:
    """Report where sources disagree: the values side by side, with their quotes.

    Results are recomputed when documents changed since the last run, else read back.
    With --fail-on, exit 1 when a conflict at or above that severity is left; a reviewer's
    decision counts (dismissed and corrected conflicts no longer fail, confirmed ones do).

    Examples:
      reconcile conflicts
      reconcile conflicts --min-severity medium --format csv -o conflicts.csv
      reconcile conflicts --format json | jq '.conflicts[].explanation'
    """
    import sqlite3

    from ..pipeline import attach_decisions, current_conflicts, reconcile
    from ..store import connect

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
    chosen = select(found, min_severity, kind, known_story(database, story), undecided)
    emit(chosen, format, output)
    finish(chosen, fail_on, exit_zero)


@app.command()
@handles_errors
def run(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files and folders of articles.", show_default=False),
    ],
    db: DbOption = DEFAULT_DB,
    story: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Label these documents as one story."),
    ] = None,
    min_severity: MinSeverity = Severity.low,
    format: FormatOption = Format.table,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0 = all cores)."),
    ] = 0,
) -> None:
    """The main job: ingest articles, then report the conflicts between them.

    Example:  reconcile run sources/
    """
    from ..pipeline import attach_decisions, reconcile

    database, summary = run_ingest(db, paths, None, None, story, None, 20.0, jobs)
    if format is Format.table and not output:
        from ..store import claims
        from .documents import print_summary

        print_summary(claims(database), Format.table)
    found = select(attach_decisions(database, reconcile(database)), min_severity, None, None)
    emit(found, format, output)
    if summary.failed:
        stderr_console().print(f"{summary.failed} file(s) could not be read; see above.")
    finish(found, fail_on, exit_zero)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def decide(
    conflict_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The conflict's id, as 'reconcile conflicts' prints it.",
            show_default=False,
        ),
    ],
    decision: Annotated[
        Decision,
        typer.Argument(
            help="confirmed (a real conflict), dismissed (not one), corrected, or needs-work.",
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", metavar="TEXT", help="Why: what was checked, with whom."),
    ] = None,
    reviewer: Annotated[
        str | None,
        typer.Option(
            "--reviewer",
            "-r",
            envvar="RECONCILE_REVIEWER",
            metavar="NAME",
            help="Who decided.",
        ),
    ] = None,
) -> None:
    """Record a reviewer's decision on a conflict; it shows in every later report.

    Conflict ids are stable, so a decision stays attached when the corpus is reconciled again.
    A dismissed or corrected conflict is still reported but no longer fails --fail-on; a
    confirmed one does.

    Example:  reconcile decide c-fb44e2dd3ce8 confirmed --note "police confirm 31" -r ana
    """
    from ..pipeline import current_conflicts
    from ..store import connect, record_decision

    database = connect(db, create=False)
    current_conflicts(database)  # make sure the stored conflicts are up to date
    row = record_decision(database, conflict_id, decision.value, note, reviewer)
    stderr_console().print(f"{conflict_id}: {row['decision']}", highlight=False)
