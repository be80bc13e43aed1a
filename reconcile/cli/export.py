"""Commands that export for other tools: ClaimReview for search engines, Datasette's metadata,
Parquet for engines that work past one machine."""

from __future__ import annotations

from typing import Annotated

import typer

from .base import (
    DEFAULT_DB,
    DbOption,
    OutputOption,
    app,
    handles_errors,
    refuse_clobbering,
    stderr_console,
    write_output,
)

export_app = typer.Typer(
    name="export",
    help="Export for other tools: ClaimReview JSON-LD, Datasette metadata, Parquet.",
    no_args_is_help=True,
    invoke_without_command=True,
    rich_markup_mode="rich",
)
app.add_typer(export_app)


@export_app.callback()
def export(
    ctx: typer.Context,
    parquet: Annotated[
        str | None,
        typer.Option(
            "--parquet",
            metavar="DIR",
            help="Write the tables (documents, sentences, claims, mentions, entities,"
            " conflicts, stories) as Parquet under DIR, partitioned by story.",
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export for other tools: ClaimReview JSON-LD, Datasette metadata, Parquet.

    Examples:
      reconcile export --parquet archive/     # then: duckdb -c "FROM 'archive/claims/**/*.parquet'"
      reconcile export claimreview --url-base https://desk.example/checks/ -o reviews.jsonld
    """
    if parquet is None:
        if ctx.invoked_subcommand is None:
            typer.echo(ctx.get_help())
            raise typer.Exit(2)
        return
    if ctx.invoked_subcommand is not None:
        raise typer.BadParameter(
            f"--parquet is an export of its own; it does not go with '{ctx.invoked_subcommand}'",
            param_hint="'--parquet'",
        )
    export_parquet_files(parquet, db)


@handles_errors
def export_parquet_files(folder: str, db: str) -> None:
    from ..parquet import export_parquet
    from ..pipeline import current_conflicts
    from ..store import connect

    database = connect(db, create=False)
    try:
        current_conflicts(database)  # stories as the conflicts now stand
    except __import__("sqlite3").OperationalError as error:
        if "readonly" not in str(error):
            raise
    counts = export_parquet(database, folder)
    tables = ", ".join(f"{rows:,} {table}" for table, rows in counts.items() if table != "stories")
    stderr_console().print(f"{tables} and each document's story written to {folder}", markup=False)


@export_app.command()
@handles_errors
def claimreview(
    url_base: Annotated[
        str,
        typer.Option(
            "--url-base",
            help="Address of your published checks; each review's url is this plus the"
            " conflict's id.",
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", help="The organisation publishing the reviews (their author)."),
    ] = None,
    output: OutputOption = None,
) -> None:
    """schema.org ClaimReview JSON-LD for the conflicts a reviewer confirmed or corrected:
    the claim, its sources as appearances, the reviewer's verdict and note as the rating.

    Example:  reconcile export claimreview --url-base https://desk.example/checks/ -o reviews.jsonld
    """
    refuse_clobbering(output, db)
    import json

    from ..claimreview import claim_reviews
    from ..pipeline import current_conflicts, decided_conflicts
    from ..store import connect, documents

    database = connect(db, create=False)
    try:
        current_conflicts(database)  # bring the stored conflicts up to date
    except __import__("sqlite3").OperationalError as error:
        if "readonly" not in str(error):
            raise
    document = claim_reviews(decided_conflicts(database), documents(database), url_base, publisher)
    write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)


@export_app.command()
@handles_errors
def datasette(
    db: DbOption = DEFAULT_DB,
    output: OutputOption = None,
) -> None:
    """Metadata for browsing the database in Datasette: descriptions of every table, view and
    column, facets on severity, kind, story and outlet, and row labels.

    Example:  reconcile export datasette -o metadata.json && datasette reconcile.db -m metadata.json
    """
    refuse_clobbering(output, db)
    import json
    from pathlib import Path

    from ..browse import datasette_metadata
    from ..store import connect

    connect(db, create=False)  # a reconcile database, at the current schema
    document = datasette_metadata(Path(db).stem)
    write_output(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)
