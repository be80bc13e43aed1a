"""Commands that fill and read the store: ingest, sources, claims, search."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from .base import (
    DEFAULT_DB,
    ClaimKind,
    DbOption,
    Format,
    FormatOption,
    Language,
    OutputOption,
    app,
    fail,
    flag,
    handles_errors,
    plain,
    printable,
    refuse_clobbering,
    stderr_console,
    stdout_console,
)
from .rows import emit_rows

DOCUMENT_COLUMNS = [
    "name",
    "outlet",
    "published",
    "published_from",
    "language",
    "story",
    "title",
    "author",
    "url",
    "sentences",
    "claims",
    "chars",
    "path",
    "id",
]
CLAIM_COLUMNS = [
    "document",
    "kind",
    "subject",
    "attribute",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "date",
    "weekday",
    "hedge",
    "attribution",
    "start",
    "end",
    "quote",
]


FollowLinksOption = Annotated[
    bool, flag("--follow-symlinks", help="Also read links that lead out of the folders given.")
]


def size_limit(value: float) -> float:
    """A size limit is a finite number of megabytes above zero (checked before any work)."""
    import math

    if not math.isfinite(value) or value <= 0 or value > 1024 * 1024:
        raise typer.BadParameter(f"{value} is not a size in megabytes (above 0, at most 1048576)")
    return value


def run_ingest(
    db_path: str,
    paths: list[str],
    outlet,
    published,
    story,
    language,
    max_mb,
    jobs,
    quiet=False,
    name=None,
    follow_symlinks=False,
):
    """Ingest with a progress bar on a terminal and a summary line on stderr."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from ..ingest import ingest, read_stdin
    from ..load import iter_paths
    from ..store import connect

    if not paths:
        raise fail("nothing to ingest: give files, folders or - for standard input")
    console = stderr_console()
    db = connect(db_path)
    overrides = {
        "outlet": outlet,
        "published": published,
        "story": story,
        "language": language,
        "name": name,
    }
    stdin = read_stdin(int(max_mb * 1024 * 1024)) if "-" in paths else None
    total = sum(1 for _ in iter_paths(paths, follow_symlinks))
    progress = Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=quiet or total <= 3 or not console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=total)
        summary = ingest(
            db,
            paths,
            overrides,
            max_bytes=int(max_mb * 1024 * 1024),
            jobs=jobs,
            on_file=lambda _: progress.advance(task),
            stdin=stdin,
            follow_symlinks=follow_symlinks,
        )

    def line(path: str) -> str:  # a newline in a file name must not start a line of its own
        return plain(printable(path, keep=""))

    for path, reason in summary.skipped:
        console.print(f"skipped: {line(path)}: {plain(reason)}", highlight=False)
    for path, warning in summary.warnings:
        console.print(f"[yellow]warning:[/] {line(path)}: {plain(warning)}", highlight=False)
    for path, reason in summary.errors:
        console.print(f"[red]failed:[/] {line(path)}: {plain(reason)}", highlight=False)
    if not quiet:
        console.print(summary.line(), highlight=False)
    return db, summary


def publication_date(value: str | None) -> str | None:
    """--published: a calendar date, whole or partial (2024-03-04, 2024-03, 2024)."""
    import datetime as dt
    import re

    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match:
        year, month, day = match.groups()
        try:
            dt.date(int(year), int(month or 1), int(day or 1))
            return value
        except ValueError:
            pass
    raise typer.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD, YYYY-MM or YYYY")


@app.command()
@handles_errors
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Files, folders (read recursively) or - for standard input.",
            show_default=False,
        ),
    ] = None,  # type: ignore[assignment]
    db: DbOption = DEFAULT_DB,
    outlet: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Set the outlet of every document of this call."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            callback=publication_date,
            help="Set the publication date (YYYY-MM-DD, YYYY-MM or YYYY) of every document of"
            " this call.",
        ),
    ] = None,
    story: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Label the documents as one story; unlabelled ones are grouped automatically."
            " Every command's --story takes this name.",
        ),
    ] = None,
    language: Annotated[
        Language | None, typer.Option(help="The language when the text does not say.")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Name the document read from - (default: stdin- and a digest of its text, so"
            " that two different texts never replace each other).",
        ),
    ] = None,
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb",
            metavar="MB",
            callback=size_limit,
            help="Skip files larger than this many megabytes.",
        ),
    ] = 20.0,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Worker processes for extraction (0 = all cores).",
        ),
    ] = 0,
    quiet: Annotated[bool, flag("--quiet", "-q", help="No summary line.")] = False,
    follow_symlinks: FollowLinksOption = False,
) -> None:
    """Read articles into the database: .txt, .md (YAML front matter), .html, .jsonl.

    Metadata comes from front matter, a manifest.yaml/manifest.csv beside the files, or the
    text itself (a date line, a "By ..." byline). Ingesting the same file twice changes nothing;
    a changed file replaces its old version. Standard input is named by a digest of its text,
    or by --name. Exit 1 when any file failed.

    Examples:
      reconcile ingest sources/ --db desk.db
      reconcile ingest drafts/ --story harbour-fire
      curl -s https://example.org/story | reconcile ingest - --name example-story
    """
    if name is not None and "-" not in (paths or []):
        raise typer.BadParameter(
            "names only the document read from - (standard input)", param_hint="'--name'"
        )
    _, summary = run_ingest(
        db,
        paths or [],
        outlet,
        published,
        story,
        language.value if language else None,
        max_mb,
        jobs,
        quiet,
        name,
        follow_symlinks,
    )
    if summary.failed:
        raise typer.Exit(1)


@app.command("sources")
@handles_errors
def sources(
    db: DbOption = DEFAULT_DB,
    format: FormatOption = Format.table,
    story: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only the documents of this story.")
    ] = None,
    output: OutputOption = None,
) -> None:
    """List the documents in the database, with their metadata and claim counts."""
    refuse_clobbering(output, db)
    from ..store import connect, documents
    from .report import known_story

    database = connect(db, create=False)
    rows = documents(database, story=known_story(database, story))
    emit_rows(
        "documents", rows, DOCUMENT_COLUMNS, format, lambda: print_documents_table(rows), output
    )


def print_documents_table(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table(title=f"{len(rows)} documents", title_justify="left")
    for column in (
        "name",
        "outlet",
        "published",
        "from",
        "lang",
        "story",
        "sentences",
        "claims",
        "title",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            *map(
                plain,
                (
                    row["name"],
                    row["outlet"] or "",
                    row["published"] or "",
                    row["published_from"] or "",
                    row["language"] or "",
                    row["story"] or "",
                    str(row["sentences"]),
                    str(row["claims"]),
                    (row["title"] or "")[:60],
                ),
            )
        )
    stdout_console().print(table)


@app.command()
@handles_errors
def claims(
    db: DbOption = DEFAULT_DB,
    document: Annotated[
        str | None,
        typer.Option("--document", "-d", metavar="NAME", help="Only this document (file stem)."),
    ] = None,
    kind: Annotated[
        ClaimKind | None, typer.Option("--kind", "-k", help="Only claims of this kind.")
    ] = None,
    subject: Annotated[
        str | None,
        typer.Option("--subject", "-s", metavar="TEXT", help="Subject contains this text."),
    ] = None,
    attribute: Annotated[
        str | None,
        typer.Option(
            "--attribute",
            "-a",
            metavar="TEXT",
            help="Exact attribute key, e.g. 'people arrested'.",
        ),
    ] = None,
    format: FormatOption = Format.table,
    summary: Annotated[
        bool, flag("--summary", help="Counts per kind per document instead of the claims.")
    ] = False,
    output: OutputOption = None,
) -> None:
    """List the extracted claims with their quotes and offsets.

    Examples:
      reconcile claims --kind count --format csv > counts.csv
      reconcile claims --kind count -o counts.csv      # with the BOM a spreadsheet needs
    """
    refuse_clobbering(output, db)
    from ..store import claims as load_claims
    from ..store import connect

    rows = load_claims(connect(db, create=False), document, kind, subject, attribute)
    for row in rows:
        for key in ("id", "document_id", "text_sha256", "outlet", "published", "language"):
            row.pop(key, None)
    if summary:
        print_summary(rows, format, output)
    else:
        emit_rows("claims", rows, CLAIM_COLUMNS, format, lambda: print_claims_table(rows), output)


def print_claims_table(rows: list[dict]) -> None:
    from rich.table import Table
    from rich.text import Text

    from ..output import number_text

    table = Table(title=f"{len(rows)} claims", title_justify="left", show_lines=False)
    for column in (
        "document",
        "kind",
        "subject",
        "attribute",
        "value",
        "bounds",
        "qualifier",
        "quote",
    ):
        table.add_column(column, overflow="fold")
    for row in rows:
        quote = Text(row["quote"])
        position = row["quote"].find(row["value"])
        if position >= 0:
            quote.stylize("bold yellow", position, position + len(row["value"]))
        bounds = ""
        if row["low"] is not None:
            bounds = (
                number_text(row["low"])
                if row["low"] == row["high"]
                else f"{number_text(row['low'])}–{number_text(row['high'])}"
            )
        elif row["date"]:
            bounds = row["date"] + (f" ({row['weekday']})" if row["weekday"] else "")
        table.add_row(
            *map(
                plain,
                (
                    row["document"][:12],
                    row["kind"],
                    row["subject"],
                    row["attribute"],
                    row["value"],
                    bounds,
                    row["qualifier"],
                ),
            ),
            quote,
        )
    stdout_console().print(table)


def print_summary(rows: list[dict], format: Format, output: str | None = None) -> None:
    from collections import Counter

    kinds = sorted({row["kind"] for row in rows})
    counts = Counter((row["document"], row["kind"]) for row in rows)
    documents = sorted({row["document"] for row in rows})
    table_rows = [
        {
            "document": d,
            **{k: counts[(d, k)] for k in kinds},
            "total": sum(counts[(d, k)] for k in kinds),
        }
        for d in documents
    ]
    emit_rows(
        "summary",
        table_rows,
        ["document", *kinds, "total"],
        format,
        lambda: print_summary_table(table_rows, kinds),
        output,
    )


def print_summary_table(table_rows: list[dict], kinds: list[str]) -> None:
    from rich.table import Table

    table = Table(title="claims per kind per document", title_justify="left")
    table.add_column("document")
    for kind in [*kinds, "total"]:
        table.add_column(kind, justify="right")
    for row in table_rows:
        table.add_row(plain(row["document"]), *(str(row[k]) for k in [*kinds, "total"]))
    stdout_console().print(table)


@app.command()
@handles_errors
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help='Full-text query (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).',
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[
        int,
        typer.Option(min=1, max=1_000_000_000, metavar="N", help="At most this many sentences."),
    ] = 20,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Find sentences by their words, across all documents (accent-insensitive).

    Example:  reconcile search '"taken into custody"'
    """
    refuse_clobbering(output, db)
    import sqlite3

    from ..store import connect

    database = connect(db, create=False)
    sql = (
        'SELECT d.name AS document, s.idx AS sentence, s.start, s."end", s.role, s.text'
        " FROM sentences_fts f JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id"
        " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?"
    )
    try:
        rows = [dict(r) for r in database.query(sql, [query, limit])]
    except sqlite3.OperationalError as error:
        raise fail(f"bad search query {query!r}: {error}") from None
    emit_rows(
        "sentences",
        rows,
        ["document", "sentence", "start", "end", "role", "text"],
        format,
        lambda: print_sentences(rows),
        output,
    )


def print_sentences(rows: list[dict]) -> None:
    console = stdout_console()
    for row in rows:
        console.print(
            f"[bold]{plain(row['document'])}[/] [dim]{row['start']}–{row['end']}[/]"
            f"  {plain(row['text'])}",
            highlight=False,
        )
    if not rows:
        stderr_console().print("no sentences match")
    sys.stdout.flush()


@app.command()
@handles_errors
def people(
    db: DbOption = DEFAULT_DB,
    story: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only the people of this story.")
    ] = None,
    name: Annotated[
        str | None,
        typer.Option("--name", "-n", metavar="TEXT", help="Name or spelling contains this text."),
    ] = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """List the people of each story, with every spelling the sources use for them.

    Example:  reconcile people --name Teran
    """
    refuse_clobbering(output, db)
    import sqlite3

    from ..pipeline import current_conflicts
    from ..store import connect, entities
    from .report import known_story

    database = connect(db, create=False)
    try:
        current_conflicts(database)  # entities are resolved by the reconcile run
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error).replace("-", ""):
            raise
        stderr_console().print("note: read-only database; people as of its last reconcile run")
    rows = entities(database, known_story(database, story), name)

    def table() -> None:
        from rich.table import Table

        view = Table(title=f"{len(rows)} people", title_justify="left")
        for column in ("story", "name", "spellings", "documents", "mentions"):
            view.add_column(column, overflow="fold")
        for row in rows:
            view.add_row(
                plain(row["story"]),
                plain(row["name"]),
                plain(" · ".join(row["names"])),
                str(row["documents"]),
                str(row["mentions"]),
            )
        stdout_console().print(view)

    # A spreadsheet gets the spellings as the table shows them, not as a JSON list.
    spelt = [{**row, "spellings": "; ".join(row["names"])} for row in rows]
    emit_rows(
        "people",
        rows,
        ["story", "name", "spellings", "documents", "mentions", "id"],
        format,
        table,
        output,
        csv_rows=spelt,
    )
