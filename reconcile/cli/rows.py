"""One way to print rows in every format, shared by every listing command."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import Format, write_output


def emit_rows(
    key: str,
    rows: list[dict],
    columns: Sequence[str],
    format: Format,
    table: Callable[[], None],
    output: str | None = None,
    csv_rows: list[dict] | None = None,
) -> None:
    """json: {key: rows}; jsonl: a row a line; csv: `csv_rows` (default `rows`) under
    `columns`, with a BOM when written to a file for a spreadsheet; table: `table()`."""
    from ..output import to_csv, to_json, to_jsonl

    if format is Format.json:
        write_output(to_json(key, rows) + "\n", output)
    elif format is Format.jsonl:
        write_output(to_jsonl(rows), output)
    elif format is Format.csv:
        bom = bool(output and output != "-")  # Excel reads accents right only with the BOM
        write_output(to_csv(rows if csv_rows is None else csv_rows, columns, bom=bom), output)
    else:
        table()
