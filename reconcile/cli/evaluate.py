"""`reconcile eval`: how far to trust the tool on an archive whose facts a desk has written down."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from .base import (
    DEFAULT_DB,
    DbOption,
    VariantsOption,
    app,
    fail,
    handles_errors,
    plain,
    stdout_console,
    write_output,
)


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


@app.command("eval")
@handles_errors
def evaluate_command(
    gold: Annotated[
        list[str],
        typer.Argument(
            help="Facts files (YAML, see docs/eval.md); several are scored as one.",
            metavar="FACTS.yaml...",
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    report: Annotated[
        str | None,
        typer.Option(
            "--conflicts",
            metavar="FILE",
            help="Score this saved 'conflicts --format json' report (- for stdin) "
            "instead of the database's conflicts.",
        ),
    ] = None,
    format: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="table for people, json for scripts.")
    ] = EvalFormat.table,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", "-a", help="List every fact and every conflict, not only the misses."
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to this file instead of stdout."
        ),
    ] = None,
    variants: VariantsOption = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="For each missed count, money, age, name or role fact: the claims that carry "
            "each document's value, and why they were never compared (needs the database).",
        ),
    ] = False,
) -> None:
    """Score the conflicts against a gold file written source by source.

    Each reported conflict is clean (its sources all state one fact), mixed (two facts under one
    heading), cross-story, a false alarm (a look-alike the gold calls an agreement) or unknown
    (nothing in the gold). A gold contradiction counts as found only when a clean conflict shows
    two of its values that cannot both be true.

    Exit 0 when scored (the figures are the verdict); 2 when the gold or the report cannot be read.

    Examples:
      reconcile ingest sources/ && reconcile eval benchmarks/sample/metastasis.facts.yaml
      reconcile eval a.facts.yaml b.facts.yaml --db desk.db --format json | jq .summary
      reconcile conflicts -f json > c.json && reconcile eval facts.yaml --conflicts c.json
    """
    from ..evaluate import GoldError, evaluate, load_gold

    try:
        facts = load_gold(gold)
    except GoldError as error:
        raise fail(str(error)) from None
    conflicts = read_report(report) if report else stored_conflicts(db, variants)
    result = evaluate(conflicts, facts)
    explanations = explained(db, facts, result) if explain else None
    if format is EvalFormat.json:
        data = result.as_dict()
        if explanations is not None:
            data["explanations"] = [e.as_dict() for e in explanations]
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
        return
    if output and output != "-":
        from rich.console import Console

        with open(output, "w", encoding="utf-8") as handle:
            console = Console(file=handle, width=140, no_color=True)
            render(result, console, show_all)
            if explanations is not None:
                render_explanations(explanations, console)
    else:
        console = stdout_console()
        if not console.is_terminal:  # a file or a pipe: room for the fact names and sources
            console.width = 160
        render(result, console, show_all)
        if explanations is not None:
            render_explanations(explanations, console)


def explained(db: str, facts, result) -> list:
    """Why each missed number, age, name or role fact was missed, read from the database."""
    from ..explain import explain
    from ..pipeline import current_conflicts
    from ..store import connect

    database = connect(db, create=False)
    current_conflicts(database)  # the stories are stored once the database is reconciled
    return explain(database, facts, result)


def render_explanations(explanations: list, console) -> None:
    """Per missed fact: its cause, then per gold value the claims that carry it."""
    from ..explain import STAGES, cause_table, causes

    console.print()
    for item in explanations:
        console.print(
            plain(f"missed {item.fact} ({item.story}, {item.kind}): {item.cause}"),
            highlight=False,
        )
        if item.conflicts:
            console.print(plain(f"  touched by {', '.join(item.conflicts)}"), highlight=False)
        for statement, notes in item.says:
            if not notes:
                console.print(
                    plain(f"  {statement.doc} says {statement.shown}: no claim"), highlight=False
                )
            for note in notes:
                if note.span:  # a name or role: where it is and who it was resolved to
                    console.print(
                        plain(
                            f"  {statement.doc} says {statement.shown}: {note.document} "
                            f"s{note.sentence} {note.value!r} at {note.span[0]}-{note.span[1]} "
                            f"-> {note.fate}"
                        ),
                        highlight=False,
                    )
                    continue
                console.print(
                    plain(
                        f"  {statement.doc} says {statement.shown}: {note.document} "
                        f"s{note.sentence} {note.value!r} [{note.qualifier}] '{note.label}' "
                        f"-> {note.fate}"
                    ),
                    highlight=False,
                )
    for cause, number in cause_table(explanations):
        console.print(f"{number:4d}  {plain(cause)}", highlight=False)
    tally = causes(explanations)
    console.print(
        "causes of missed facts: "
        + (", ".join(f"{stage} {tally[stage]}" for stage in STAGES if tally[stage]) or "none"),
        highlight=False,
    )


def read_report(path: str) -> list[dict]:
    """The conflicts of a saved JSON report: {"conflicts": [...]} or a bare list."""
    try:
        if path == "-":
            raw = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                raw = handle.read()
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise fail(f"{path}: not a JSON conflicts report ({error})") from None
    conflicts = data.get("conflicts") if isinstance(data, dict) else data
    if not isinstance(conflicts, list) or not all(isinstance(c, dict) for c in conflicts):
        raise fail(f"{path}: expected {{\"conflicts\": [...]}} as 'conflicts --format json' prints")
    return conflicts


def stored_conflicts(db: str, variants: bool = False) -> list[dict]:
    """The database's conflicts, exactly as 'conflicts --format json' prints them (spelling
    variants only with --variants, as there)."""
    import sqlite3

    from ..judge import is_variant
    from ..output import jsonable
    from ..pipeline import current_conflicts
    from ..report import conflict_json
    from ..store import connect

    database = connect(db, create=False)
    try:
        found = current_conflicts(database)
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error):
            raise
        found = current_conflicts(database, writable=False)
    return [jsonable(conflict_json(c)) for c in found if variants or not is_variant(c)]


VERDICT_STYLE = {
    "clean": "green",
    "mixed": "yellow",
    "cross-story": "magenta",
    "false alarm": "red",
    "unknown": "dim",
}


def render(result, console, show_all: bool) -> None:
    from rich.table import Table

    from ..evaluate import OWED, VERDICTS

    summary = result.summary()
    stories = Table(title="By story", title_justify="left", show_edge=False, pad_edge=False)
    stories.add_column("story")
    stories.add_column("found", justify="right")
    for verdict in VERDICTS:
        stories.add_column(verdict, justify="right")
    for story, row in result.by_story().items():
        stories.add_row(
            plain(story), f"{row['found']}/{row['owed']}", *(str(row[v]) for v in VERDICTS)
        )
    console.print(stories)
    console.print()

    facts = Table(title="Facts", title_justify="left", show_edge=False, pad_edge=False)
    for column in ("outcome", "story", "fact", "kind", "nature"):
        facts.add_column(column, no_wrap=True)
    facts.add_column("conflicts", overflow="fold")
    for fact in result.facts:
        if not show_all and not (fact.nature in OWED or fact.outcome == "false alarm"):
            continue
        style = {"found": "green", "missed": "yellow", "false alarm": "red"}.get(fact.outcome, "")
        detail = ", ".join(fact.conflicts) or "-"
        if fact.pair:
            a, b = fact.pair
            detail = f"{detail} ({a.shown} {a.doc} vs {b.shown} {b.doc})"
        facts.add_row(
            f"[{style}]{fact.outcome}[/]" if style else fact.outcome,
            plain(fact.story),
            plain(fact.id),
            fact.kind,
            fact.nature,
            plain(detail),
        )
    console.print(facts)
    console.print()

    conflicts = Table(title="Conflicts", title_justify="left", show_edge=False, pad_edge=False)
    for column in ("verdict", "id", "kind", "severity"):
        conflicts.add_column(column, no_wrap=True)
    for column in ("about", "sources by fact"):
        conflicts.add_column(column, overflow="fold")
    for conflict in result.conflicts:
        if not show_all and conflict.verdict == "clean":
            continue
        conflicts.add_row(
            f"[{VERDICT_STYLE[conflict.verdict]}]{conflict.verdict}[/]",
            conflict.id,
            conflict.kind,
            conflict.severity,
            plain(f"{conflict.subject} / {conflict.attribute}".strip(" /")),
            plain(describe_sources(conflict)),
        )
    console.print(conflicts)
    console.print()

    by_kind = ", ".join(
        f"{kind} {v['found']}/{v['owed']}" for kind, v in summary["found_by_kind"].items()
    )
    console.print(
        f"found {summary['found']}/{summary['owed']} owed facts"
        + (f" ({by_kind})" if by_kind else "")
        + (
            f"; must_find {summary['must_find_found']}/{summary['must_find']}"
            if summary["must_find"]
            else ""
        )
    )
    console.print(
        f"clean {summary['clean']}/{summary['reported']} reported, mixed {summary['mixed']}, "
        f"cross-story {summary['cross_story']}, false alarms {summary['false_alarm']}, "
        f"unknown {summary['unknown']}",
        highlight=False,
    )


def describe_sources(conflict) -> str:
    """'fact {value: doc, doc; ...} + fact {...}; unassigned: value doc' for one conflict."""
    parts: dict[str, dict[str, list[str]]] = {unit: {} for unit in conflict.facts}
    for assigned in conflict.assigned:
        for unit in conflict.facts:
            if unit in assigned.units:
                documents = parts[unit].setdefault(assigned.reported.text, [])
                if assigned.document not in documents:
                    documents.append(assigned.document)
                break
    text = " + ".join(
        unit + " {" + "; ".join(f"{v}: {', '.join(d)}" for v, d in values.items()) + "}"
        for unit, values in parts.items()
    )
    if conflict.unassigned:
        text += (
            ("; " if text else "")
            + "unassigned: "
            + ", ".join(f"{value} {document}" for value, document in conflict.unassigned)
        )
    return text or "-"
