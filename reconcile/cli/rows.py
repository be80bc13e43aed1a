"""One way to print rows in every format, shared by every listing command."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .base import Format, fail, write_output

SUFFIX_FORMATS = {".csv": Format.csv, ".json": Format.json, ".jsonl": Format.jsonl}


def format_for(format: Format, output: str | None) -> Format:
    """The format asked for; when none was (table) and the output file's name ends in .csv,
    .json or .jsonl, the format that name says."""
    if format is Format.table and output and output != "-":
        return SUFFIX_FORMATS.get(Path(output).suffix.lower(), format)
    return format


def emit_rows(
    key: str,
    rows: list[dict],
    columns: Sequence[str],
    format: Format,
    table: Callable[[], None],
    output: str | None = None,
    csv_rows: list[dict] | None = None,
    table_to_file: bool = False,
) -> None:
    """json: {key: rows}; jsonl: a row a line; csv: `csv_rows` (default `rows`) under
    `columns`, with a BOM when written to a file for a spreadsheet; table: `table()`, which
    writes to `output` itself when `table_to_file` says it can."""
    from ..output import to_csv, to_json, to_jsonl

    format = format_for(format, output)
    if format is Format.json:
        write_output(to_json(key, rows) + "\n", output)
    elif format is Format.jsonl:
        write_output(to_jsonl(rows), output)
    elif format is Format.csv:
        bom = bool(output and output != "-")  # Excel reads accents right only with the BOM
        write_output(to_csv(rows if csv_rows is None else csv_rows, columns, bom=bom), output)
    elif output and output != "-" and not table_to_file:
        raise fail("--output needs --format csv, json or jsonl (or a file ending in .csv)")
    else:
        table()
