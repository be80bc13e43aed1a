"""Stage 7, report: conflicts for a person at a terminal (rich) and as rows for programs and
spreadsheets (one row per conflict, or per value and source in the long form)."""

from __future__ import annotations

import difflib
from dataclasses import asdict

from .models import Conflict

SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
CSV_COLUMNS = [
    "id",
    "story",
    "severity",
    "kind",
    "subject",
    "attribute",
    "status",
    "explanation",
    "values",
    "outlets",
    "decision",
    "reviewer",
    "note",
    "decided_at",
]
LONG_CSV_COLUMNS = [
    "conflict_id",
    "story",
    "kind",
    "subject",
    "attribute",
    "severity",
    "status",
    "rule",
    "explanation",
    "decision",
    "reviewer",
    "note",
    "value",
    "low",
    "high",
    "qualifier",
    "tally",
    "document",
    "outlet",
    "published",
    "language",
    "words",
    "quote",
    "start",
    "end",
    "attribution",
    "hedge",
]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def conflict_summary_rows(conflicts: list[Conflict]) -> list[dict]:
    """One row per conflict, for a spreadsheet: the values joined readably ("29 (1 source); 31
    (2 sources)"), the outlets behind them, and the reviewer's latest decision."""
    rows = []
    for conflict in conflicts:
        decision = conflict.decision or {}
        outlets: list[str] = []
        for value in conflict.values:
            for source in value.sources:
                outlet = source.outlet or source.document
                if outlet not in outlets:
                    outlets.append(outlet)
        rows.append(
            {
                "id": conflict.id,
                "story": conflict.story,
                "severity": conflict.severity,
                "kind": conflict.kind,
                "subject": conflict.subject,
                "attribute": conflict.attribute,
                "status": conflict.status,
                "explanation": conflict.explanation,
                "values": "; ".join(
                    f"{v.value} ({plural(v.tally, 'source')})" if v.sources else v.value
                    for v in conflict.values
                ),
                "outlets": "; ".join(outlets),
                "decision": decision.get("decision"),
                "reviewer": decision.get("reviewer"),
                "note": decision.get("note"),
                "decided_at": decision.get("decided_at"),
            }
        )
    return rows


def conflict_rows(conflicts: list[Conflict]) -> list[dict]:
    """Flat rows, one per value and source, for the long CSV."""
    rows = []
    for conflict in conflicts:
        decision = conflict.decision or {}
        head = {
            "conflict_id": conflict.id,
            "story": conflict.story,
            "kind": conflict.kind,
            "subject": conflict.subject,
            "attribute": conflict.attribute,
            "severity": conflict.severity,
            "status": conflict.status,
            "rule": conflict.rule,
            "explanation": conflict.explanation,
            "decision": decision.get("decision"),
            "reviewer": decision.get("reviewer"),
            "note": decision.get("note"),
        }
        for value in conflict.values:
            for source in value.sources or [None]:
                row = {
                    **head,
                    "value": value.value,
                    "low": value.low,
                    "high": value.high,
                    "qualifier": value.qualifier,
                    "tally": value.tally,
                }
                if source is not None:
                    row.update(asdict(source))
                rows.append(row)
    return rows


def conflict_json(conflict: Conflict) -> dict:
    return asdict(conflict)


def highlight_differences(text: str, other: str):
    """The letters of `text` that `other` lacks, in bold (Wil[b]man[/b] vs Wil[b]liam[/b])."""
    from rich.text import Text

    result = Text(text)
    matcher = difflib.SequenceMatcher(a=text, b=other, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            result.stylize("bold reverse", i1, i2)
    return result


def quote_text(source, words: str, width: int = 110):
    """The source's sentence around the claim's own words, which are highlighted."""
    from rich.text import Text

    sentence = source.quote
    index = sentence.find(words) if words else -1
    start, end = 0, len(sentence)
    if len(sentence) > 2 * width and index >= 0:
        start = max(0, index - width)
        end = min(len(sentence), index + len(words) + width)
    text = Text(("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else ""))
    if index >= 0:
        offset = index - start + (1 if start else 0)
        text.stylize("bold yellow", offset, offset + len(words))
    return text


def render(conflicts: list[Conflict], console, story_names: dict[str, int] | None = None) -> None:
    """The terminal report: grouped by story and subject, values side by side with sources."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    if not conflicts:
        console.print("No conflicts found.")
        return
    current = None
    for conflict in conflicts:
        if conflict.story != current:
            current = conflict.story
            console.rule(f"[bold]story: {escape(conflict.story)}")
        table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
        table.add_column("value", style="bold", no_wrap=True, max_width=28)
        table.add_column("sources", ratio=1)
        others = [v.value for v in conflict.values]
        for value in conflict.values:
            other = next((o for o in others if o != value.value), "")
            label = (
                highlight_differences(value.value, other)
                if conflict.kind == "name"
                else Text(value.value)
            )
            label.append(f"\n{value.tally} source{'s' if value.tally != 1 else ''}", style="dim")
            cell = Text()
            for index, source in enumerate(value.sources):
                if index:
                    cell.append("\n")
                meta = " · ".join(
                    x
                    for x in (
                        source.document[:16],
                        source.outlet or "",
                        source.published or "",
                        source.language or "",
                    )
                    if x
                )
                cell.append(meta + "\n", style="cyan")
                cell.append_text(quote_text(source, source.words))
                if source.attribution or source.hedge:
                    cell.append(
                        "\n  "
                        + " · ".join(
                            x
                            for x in (
                                f"according to {source.attribution}" if source.attribution else "",
                                source.hedge or "",
                            )
                            if x
                        ),
                        style="dim italic",
                    )
            for note in value.wire_copies:
                cell.append(f"\n({note}: counted once)", style="dim")
            table.add_row(label, cell)
        style = SEVERITY_STYLE.get(conflict.severity, "")
        title = f"[{style}]{conflict.severity.upper()}[/] " + escape(
            f"{conflict.kind} · {conflict.subject} · {conflict.attribute} · {conflict.status}"
        )
        console.print(
            Panel(
                table,
                title=title,
                title_align="left",
                subtitle=escape(f"{conflict.id} · {conflict.rule}"),
                subtitle_align="right",
            )
        )
        console.print(Text(conflict.explanation, style="italic"))
        if conflict.decision:
            d = conflict.decision
            console.print(
                Text(
                    f"Reviewed: {d['decision']}"
                    + (f" by {d['reviewer']}" if d.get("reviewer") else "")
                    + (f" — {d['note']}" if d.get("note") else "")
                    + f" ({d['decided_at']})",
                    style="green",
                )
            )
        console.print()
    counts = {s: sum(1 for c in conflicts if c.severity == s) for s in ("high", "medium", "low")}
    console.print(
        f"{len(conflicts)} conflicts: {counts['high']} high, {counts['medium']} medium, {counts['low']} low"
    )
