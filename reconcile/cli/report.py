"""Commands that report: conflicts, and run (ingest then report, the main job)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from .base import (
    DEFAULT_DB,
    ConflictKind,
    DbOption,
    Decision,
    ExitZeroOption,
    FailOnOption,
    Format,
    FormatOption,
    OutputOption,
    Severity,
    VariantsOption,
    app,
    fail,
    flag,
    handles_errors,
    plain,
    refuse_clobbering,
    stderr_console,
    stdout_console,
    write_output,
)
from .documents import FollowLinksOption, run_ingest
from .rows import emit_rows, format_for


def select(
    conflicts,
    min_severity: str,
    kind: str | None,
    story: str | None,
    undecided: bool = False,
    variants: bool = False,
):
    """The conflicts asked for. A spelling variant (accents, a nickname: one person's name
    written two ways) is shown only on request, and so never fails --fail-on otherwise."""
    from ..judge import SEVERITY_RANK, is_variant

    return [
        c
        for c in conflicts
        if SEVERITY_RANK[c.severity] >= SEVERITY_RANK[min_severity]
        and (variants or not is_variant(c))
        and (not kind or c.kind == kind)
        and (not story or c.story == story)
        and not (undecided and c.decision)
    ]


class ConflictFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


def emit(
    conflicts,
    format: ConflictFormat,
    output: str | None,
    long: bool = False,
    database=None,
) -> None:
    """The conflicts in the format asked for; a file named .html gets the page."""
    from ..report import (
        CSV_COLUMNS,
        LONG_CSV_COLUMNS,
        conflict_json,
        conflict_rows,
        conflict_summary_rows,
        render,
    )

    if format is ConflictFormat.html or (
        format is ConflictFormat.table and output and output.lower().endswith((".html", ".htm"))
    ):
        write_page(conflicts, output, database)
        return

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
    columns, csv_rows = CSV_COLUMNS, None
    if format_for(Format(format.value), output) is Format.csv:
        if long:
            columns, csv_rows = LONG_CSV_COLUMNS, conflict_rows(conflicts)
        else:
            csv_rows = conflict_summary_rows(conflicts)
    emit_rows("conflicts", rows, columns, Format(format.value), table, output, csv_rows, True)


def write_page(conflicts, output: str | None, database=None) -> None:
    """The HTML report: one page that works offline, for a desk to share."""
    from ..html import html_report
    from ..store import document_links

    links = document_links(database) if database is not None else {}
    write_output(html_report(conflicts, links), output)


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


PathsArgument = Annotated[
    list[str],
    typer.Argument(metavar="PATH", help="Files and folders of articles.", show_default=False),
]
StoryLabelOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Label these documents as one story.")
]
MinSeverity = Annotated[
    Severity, typer.Option("--min-severity", help="Only conflicts this severe or more.")
]
KindOption = Annotated[
    ConflictKind | None, typer.Option("--kind", "-k", help="Only conflicts of this kind.")
]
StoryOption = Annotated[
    str | None,
    typer.Option(
        "--story", metavar="NAME", help="Only this story (as 'reconcile sources' names it)."
    ),
]
ConflictFormatOption = Annotated[
    ConflictFormat,
    typer.Option(
        "--format",
        "-f",
        envvar="RECONCILE_FORMAT",
        help="Output format; html is the page 'reconcile report' writes.",
    ),
]
LongOption = Annotated[
    bool, flag("--long", help="CSV with one row per value and source, not one per conflict.")
]
RefreshOption = Annotated[
    bool, flag("--refresh", help="Recompute even if nothing changed since the last run.")
]
UndecidedOption = Annotated[
    bool, flag("--undecided", help="Only conflicts no reviewer has decided on yet.")
]


def load_conflicts(db: str, refresh: bool = False):
    """The database and its conflicts, each with its latest decision: recomputed when asked
    or when documents changed, computed without storing on a read-only database."""
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
    return database, found


@app.command()
@handles_errors
def conflicts(
    db: DbOption = DEFAULT_DB,
    min_severity: MinSeverity = Severity.low,
    kind: KindOption = None,
    story: StoryOption = None,
    format: ConflictFormatOption = ConflictFormat.table,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    refresh: RefreshOption = False,
    undecided: UndecidedOption = False,
    long: LongOption = False,
    variants: VariantsOption = False,
) -> None:
    """Report where sources disagree: the values side by side, with their quotes.

    Results are recomputed when documents changed since the last run, else read back.
    With --fail-on, exit 1 when a conflict at or above that severity is left; a reviewer's
    decision counts (dismissed and corrected conflicts no longer fail, confirmed ones do).

    Examples:
      reconcile conflicts
      reconcile conflicts --min-severity medium -o desk.csv   # one row per conflict
      reconcile conflicts --format csv --long                # one row per value and source
      reconcile conflicts --format json | jq '.conflicts[].explanation'
    """
    refuse_clobbering(output, db)
    database, found = load_conflicts(db, refresh)
    chosen = select(found, min_severity, kind, known_story(database, story), undecided, variants)
    emit(chosen, format, output, long, database)
    finish(chosen, fail_on, exit_zero)


@app.command()
@handles_errors
def report(
    html: Annotated[
        str,
        typer.Option(
            "--html",
            metavar="FILE",
            help="Write the page to this file (- for stdout).",
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    min_severity: MinSeverity = Severity.low,
    kind: KindOption = None,
    story: StoryOption = None,
    undecided: UndecidedOption = False,
    refresh: RefreshOption = False,
    variants: VariantsOption = False,
) -> None:
    """Write the conflicts as one HTML page to share, offline and printable.

    The page filters by severity, kind, story and decision; it is the same as
    'conflicts --format html -o FILE'.

    Open a page already filtered with an address such as report.html#severity=high.

    Example:  reconcile report --html desk.html
    """
    refuse_clobbering(html, db)
    database, found = load_conflicts(db, refresh)
    chosen = select(found, min_severity, kind, known_story(database, story), undecided, variants)
    write_page(chosen, html, database)
    if html != "-":
        stderr_console().print(f"wrote {len(chosen)} conflicts to {html}", markup=False)


@app.command()
@handles_errors
def run(
    paths: PathsArgument,
    db: DbOption = DEFAULT_DB,
    story: StoryLabelOption = None,
    min_severity: MinSeverity = Severity.low,
    format: ConflictFormatOption = ConflictFormat.table,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    long: LongOption = False,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0 = all cores)."),
    ] = 0,
    follow_symlinks: FollowLinksOption = False,
    variants: VariantsOption = False,
) -> None:
    """The main job: ingest articles, then report the conflicts between them.

    Example:  reconcile run sources/
    """
    from ..pipeline import attach_decisions, reconcile

    refuse_clobbering(output, db, paths)
    database, summary = run_ingest(
        db, paths, None, None, story, None, 20.0, jobs, follow_symlinks=follow_symlinks
    )
    if format is ConflictFormat.table and not output:
        from ..store import claims
        from .documents import print_summary

        print_summary(claims(database), Format.table)
    found = select(
        attach_decisions(database, reconcile(database)),
        min_severity,
        None,
        None,
        variants=variants,
    )
    emit(found, format, output, long, database)
    if summary.failed:
        stderr_console().print(f"{summary.failed} file(s) could not be read; see above.")
    finish(found, fail_on, exit_zero)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
@handles_errors
def distributed(
    paths: PathsArgument,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            metavar="N",
            help="Worker processes of a cluster started on this machine for the run.",
        ),
    ] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Use a running Dask scheduler (tcp://host:8786) instead of starting a local"
            " cluster; its workers must be able to read the files.",
        ),
    ] = None,
    story: StoryLabelOption = None,
    min_severity: MinSeverity = Severity.low,
    format: ConflictFormatOption = ConflictFormat.table,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    long: LongOption = False,
    follow_symlinks: FollowLinksOption = False,
    variants: VariantsOption = False,
) -> None:
    """The main job on a Dask cluster: read, extract and reconcile articles, and report the
    conflicts, the same ones 'run' finds on one machine.

    Extraction is a map over the files, reconcile a group-by-story on the workers. No
    database is read or written: the report is the result (keep it with -o). Needs the dist
    extra: pip install 'reconcile\\[dist]'.

    Examples:
      reconcile distributed archive/ --workers 2
      reconcile distributed /shared/archive --scheduler tcp://10.0.0.5:8786 -f json -o conflicts.json
    """
    from ..distributed import local_client, remote_client, run_distributed

    refuse_clobbering(output, None, paths)
    if "-" in paths:
        raise typer.BadParameter(
            "standard input cannot be sent to a cluster; give files or folders",
            param_hint="'PATH'",
        )
    client = remote_client(scheduler) if scheduler else local_client(workers)
    with client as connected:
        result = run_distributed(
            connected, paths, {"story": story}, follow_symlinks=follow_symlinks
        )
    console = stderr_console()
    for path, reason in result.skipped:
        console.print(f"skipped: {plain(path)}: {plain(reason)}", highlight=False)
    for path, warning in result.warnings:
        console.print(f"[yellow]warning:[/] {plain(path)}: {plain(warning)}", highlight=False)
    for path, reason in result.errors:
        console.print(f"[red]failed:[/] {plain(path)}: {plain(reason)}", highlight=False)
    copies = f" ({result.unchanged} copies of a text read once)" if result.unchanged else ""
    steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in result.seconds.items())
    console.print(
        f"{result.documents} documents{copies}, {result.claims} claims,"
        f" {len(result.errors)} failed; {len(result.conflicts)} conflicts ({steps})",
        highlight=False,
    )
    found = select(result.conflicts, min_severity, None, None, variants=variants)
    emit(found, format, output, long)
    finish(found, fail_on, exit_zero)
    if result.errors:
        raise typer.Exit(1)


@app.command()
@handles_errors
def decide(
    conflict_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="The conflict's id, as 'reconcile conflicts' prints it.",
            show_default=False,
        ),
    ] = None,
    decision: Annotated[
        Decision | None,
        typer.Argument(
            help="confirmed (a real conflict), dismissed (not one), corrected, or needs-work.",
            show_default=False,
        ),
    ] = None,
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
    undo: Annotated[
        str | None,
        typer.Option(
            "--undo",
            metavar="N|ID",
            help="Remove a decision instead: its number from 'reconcile decisions', or a"
            " conflict id for that conflict's latest decision.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record a reviewer's decision on a conflict; it shows in every later report.

    A conflict keeps its id when the corpus grows or is reconciled again, so the decision
    stays attached. A conflict's latest decision is the one reports show; --undo removes one.
    A dismissed or corrected conflict is still reported but no longer fails --fail-on; a
    confirmed one does.

    Examples:
      reconcile decide c-fb44e2dd3ce8 confirmed --note "police confirm 31" -r ana
      reconcile decide --undo 12
    """
    from ..pipeline import current_conflicts
    from ..store import connect, record_decision, undo_decision

    if undo is not None:
        if conflict_id or decision:
            raise fail("give either a conflict and a decision, or --undo, not both")
        database = connect(db, create=False)
        row = undo_decision(database, undo)
        stderr_console().print(
            f"undone: decision {row['id']} ({row['decision']}) on {row['conflict_id']}",
            highlight=False,
            markup=False,
        )
        return
    if not conflict_id or not decision:
        raise fail("give a conflict id and a decision (or --undo ID); see 'reconcile decide -h'")
    database = connect(db, create=False)
    current_conflicts(database)  # make sure the stored conflicts are up to date
    row = record_decision(database, conflict_id, decision.value, note, reviewer)
    stderr_console().print(
        f"{conflict_id}: {row['decision']} (decision {row['id']})", highlight=False, markup=False
    )


DECISION_COLUMNS = [
    "id",
    "decided_at",
    "reviewer",
    "decision",
    "note",
    "conflict_id",
    "found",
    "latest",
    "story",
    "severity",
    "kind",
    "subject",
    "attribute",
    "explanation",
]


@app.command()
@handles_errors
def decisions(
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """List reviewers' decisions, newest first: who, when, the verdict, the note, the conflict.

    A conflict the sources no longer support keeps its decisions, marked as no longer found.

    Example:  reconcile decisions --format csv -o decisions.csv
    """
    refuse_clobbering(output, db)
    from ..store import connect, list_decisions

    rows = list_decisions(connect(db, create=False))

    def table() -> None:
        from rich.table import Table

        view = Table(title=f"{len(rows)} decisions", title_justify="left")
        for column in ("#", "when", "who", "verdict", "note", "conflict"):
            view.add_column(column, overflow="fold")
        for row in rows:
            conflict = " · ".join(
                x for x in (row["conflict_id"], row["subject"], row["attribute"]) if x
            )
            if not row["found"]:
                conflict += " (no longer found)"
            verdict = row["decision"] + ("" if row["latest"] else " (earlier)")
            view.add_row(
                str(row["id"]),
                plain(row["decided_at"]),
                plain(row["reviewer"] or ""),
                plain(verdict),
                plain(row["note"] or ""),
                plain(conflict),
            )
        stdout_console().print(view)

    emit_rows("decisions", rows, DECISION_COLUMNS, format, table, output)
