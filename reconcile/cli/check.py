"""The check command: a draft against the corpus before it is published, the way a linter
checks code before it is merged. Exit 0 clean, 1 findings, 2 usage or input error."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..output import CHECK_FORMATS
from .base import (
    DEFAULT_DB,
    DbOption,
    ExitZeroOption,
    Severity,
    VariantsOption,
    app,
    choices,
    fail,
    flag,
    handles_errors,
    plain,
    printable,
    stderr_console,
    stdout_console,
    write_output,
)

CheckFormat = choices("CheckFormat", CHECK_FORMATS)


@app.command()
@handles_errors
def check(
    draft: Annotated[
        str,
        typer.Argument(
            metavar="DRAFT",
            help="The draft: a .txt, .md, .html or one-line .jsonl file, or - for standard input.",
            show_default=False,
        ),
    ],
    db: DbOption = DEFAULT_DB,
    story: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Check against this story instead of the one the draft's names point to.",
        ),
    ] = None,
    format: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            envvar="RECONCILE_CHECK_FORMAT",
            help="text for a person; json or jsonl for programs; github or sarif for CI.",
        ),
    ] = CheckFormat.text,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on",
            envvar="RECONCILE_FAIL_ON",
            help="Exit 1 when a finding at or above this severity is left.",
        ),
    ] = Severity.medium,
    exit_zero: ExitZeroOption = False,
    accept: Annotated[
        str | None,
        typer.Option(
            "--accept",
            envvar="RECONCILE_ACCEPT",
            metavar="FILE",
            help="YAML or TOML file of accepted differences (the draft's words, why).",
        ),
    ] = None,
    show_supported: Annotated[
        bool, flag("--show-supported", help="Also list the claims the sources back.")
    ] = False,
    show_unsupported: Annotated[
        bool, flag("--show-unsupported", help="Also list the claims no source gives (to source).")
    ] = False,
    statistics: Annotated[
        bool,
        flag("--statistics", help="Count the findings per rule instead of listing them."),
    ] = False,
    save: Annotated[
        bool, flag("--save", help="Store the draft in the database after checking it.")
    ] = False,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename", metavar="NAME", help="The name to report for a draft read from -."
        ),
    ] = None,
    variants: VariantsOption = False,
) -> None:
    """Check a draft against the sources before it is published.

    Each claim of the draft (counts, ages, dates, names) is compared with what the sources of
    its story say. Exit 0 when nothing at or above --fail-on is found, 1 when something is,
    2 when the draft or the database cannot be used.

    Examples:
      reconcile check draft.md
      reconcile check draft.md --accept accepted.yaml --format github
      reconcile check draft.md --format sarif > check.sarif
      cat draft.txt | reconcile check - --format json
    """
    failed = run_check(
        draft,
        db,
        story,
        format,
        fail_on.value,
        accept,
        show_supported,
        show_unsupported,
        save,
        stdin_filename,
        statistics,
        variants,
    )  # its errors, and any failure of check itself, exit 2 through handles_errors
    raise typer.Exit(1 if failed and not exit_zero else 0)


def run_check(
    draft_path: str,
    db_path: str,
    story: str | None,
    format: CheckFormat,
    fail_on: str,
    accept: str | None,
    show_supported: bool,
    show_unsupported: bool,
    save: bool,
    stdin_filename: str | None,
    statistics: bool = False,
    variants: bool = False,
) -> bool:
    """Check and print; returns whether findings at or above `fail_on` are left."""
    from ..check import (
        check_draft,
        findings_jsonl,
        github_annotations,
        load_accepts,
        load_draft,
        result_json,
        sarif_log,
    )
    from ..load import DEFAULT_MAX_BYTES, LoadError
    from ..store import read_store, writable, write_document

    name = (stdin_filename or "<stdin>") if draft_path == "-" else draft_path
    entries = load_accepts(accept) if accept else None
    database = read_store(db_path)  # sqlite3 only: sqlite-utils when it writes
    stdin = None
    if draft_path == "-":
        from ..ingest import read_stdin

        stdin = read_stdin(DEFAULT_MAX_BYTES)  # enough to tell it is over the limit
    try:
        draft = load_draft(draft_path, stdin)
    except LoadError as error:
        raise fail(f"{name}: {error}") from None
    if draft_path == "-" and stdin_filename:  # stored under its own name with --save
        draft.document.name = Path(stdin_filename).stem
        draft.document.path = stdin_filename
    result = check_draft(database, draft, story=story, accepts=entries, variants=variants)
    shown = (show_supported, show_unsupported)
    if statistics:
        print_statistics(result, format, shown)
    elif format == "json":
        import json

        data = result_json(result, name, fail_on, *shown)
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", None)
    elif format == "jsonl":
        write_output(findings_jsonl(result, name, *shown), None)
    elif format == "github":
        write_output(github_annotations(result, name, accept, *shown), None)
    elif format == "sarif":
        import json

        from .. import __version__

        log = sarif_log(result, name, accept, *shown, version=__version__)
        write_output(json.dumps(log, ensure_ascii=False, indent=2) + "\n", None)
    else:
        render(result, name, fail_on, accept, *shown)
    if format != "json" or statistics:
        for warning in result.warnings:
            stderr_console().print(
                f"[yellow]warning:[/] {plain(warning)}", markup=True, highlight=False
            )
    if format == "jsonl":
        for entry in result.stale:
            where = f"{accept}:{entry.line}" if entry.line else str(accept)
            stderr_console().print(
                f"{plain(where)}: stale accept entry {plain(repr(entry.words))}", highlight=False
            )
    if save:
        status = write_document(writable(database), draft.document, draft.sentences, draft.claims)
        stderr_console().print(
            f"draft stored as {plain(draft.document.name)} ({status})", highlight=False
        )
    return result.failed(fail_on)


def print_statistics(result, format, shown: tuple[bool, bool]) -> None:
    """Findings counted per rule: JSON for json and jsonl, aligned lines otherwise."""
    from ..check import statistics
    from ..output import to_json, to_jsonl

    rows = statistics(result, *shown)
    if format == "json":
        write_output(to_json("statistics", rows) + "\n", None)
    elif format == "jsonl":
        write_output(to_jsonl(rows), None)
    else:
        width = max((len(row["rule"]) for row in rows), default=0)
        write_output(
            "".join(
                f"{row['count']:>5}  {row['rule']:<{width}}  {row['severity'] or ''}".rstrip()
                + "\n"
                for row in rows
            ),
            None,
        )


SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "cyan", None: "green"}


def render(result, path: str, fail_on: str, accept, show_supported, show_unsupported) -> None:
    """The findings for a person: each draft sentence with the words in question, what the
    sources say (values, tallies, outlets, quotes), the explanation and the suggestion."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from ..check import shown_findings

    console = stdout_console()
    path = printable(path, keep="")  # a newline in a file name would start a line of its own
    accept = printable(accept, keep="") if accept else accept
    for finding in shown_findings(result, show_supported, show_unsupported):
        style = SEVERITY_STYLE[finding.severity]
        head = Text(f"{path}:{finding.line}:{finding.column}  ", style="bold")
        head.append((finding.severity or finding.status).upper(), style=style)
        head.append(f"  {finding.kind}")
        if finding.kind != "name":
            head.append(f" · {finding.attribute}")
        if finding.subject:
            head.append(f" · {finding.subject}")
        if finding.severity:
            head.append(f" · {finding.status}", style=style)
        if finding.accepted:
            head.append(f"  (accepted: {finding.accepted})", style="dim")
        console.print(head)
        console.print(Padding(snippet(finding.sentence, finding.words, 300), (0, 0, 0, 2)))
        if finding.corpus:
            table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
            table.add_column("value", style="bold", max_width=30, overflow="fold")
            table.add_column("tally", style="dim", no_wrap=True)
            table.add_column("sources", ratio=1)
            for value in finding.corpus:
                cell = Text()
                for index, source in enumerate(value.sources[:2]):
                    if index:
                        cell.append("\n")
                    where = " · ".join(
                        x for x in (source.outlet, source.document[:16], source.published) if x
                    )
                    cell.append(where + "\n", style="cyan")
                    cell.append_text(snippet(source.quote, source.words, 120))
                if len(value.sources) > 2:
                    cell.append(f"\n… and {len(value.sources) - 2} more", style="dim")
                tally = f"{value.tally} source{'' if value.tally == 1 else 's'}"
                table.add_row(value.value, tally if value.sources else "", cell)
            console.print(Padding(table, (0, 0, 0, 2)))
        console.print(Padding(Text(finding.explanation, style="italic"), (0, 0, 0, 2)))
        if finding.suggestion:
            console.print(Padding(Text(f"suggestion: {finding.suggestion}"), (0, 0, 0, 2)))
        console.print()
    for entry in result.stale:
        where = f"{accept}:{entry.line}" if entry.line else str(accept)
        console.print(
            Text(f"{where}  STALE  accept entry {entry.words!r} matches nothing in {path}")
        )
    counts = result.counts()
    story = result.story or "none"
    if result.story_names:
        story += f" (names in common: {', '.join(result.story_names[:5])})"
    summary = (
        f"{counts['high']} high, {counts['medium']} medium, {counts['low']} low"
        f"; {counts['supported']} claims backed by the sources, {counts['unsupported']} with no source"
    )
    if counts["accepted"] or counts["stale"]:
        summary += f"; {counts['accepted']} accepted, {counts['stale']} stale accept entries"
    console.print(Text(f"story: {story}"))
    verdict = "fails" if result.failed(fail_on) else "passes"
    console.print(Text(f"{summary} — {verdict} at --fail-on {fail_on}"))


def snippet(sentence: str, words: str, width: int = 160):
    """The sentence around the claim's words (highlighted), cut to about `width` characters."""
    from rich.text import Text

    index = sentence.find(words) if words else -1
    if len(sentence) <= width or index < 0:
        text = Text(sentence if len(sentence) <= width else sentence[:width] + "…")
        if index >= 0:
            text.stylize("bold reverse", index, index + len(words))
        return text
    start = max(0, index - (width - len(words)) // 2)
    end = min(len(sentence), start + width)
    start = max(0, end - width)
    text = Text(("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else ""))
    shift = index - start + (1 if start else 0)
    text.stylize("bold reverse", shift, shift + len(words))
    return text
