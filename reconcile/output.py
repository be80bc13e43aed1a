"""Output formats shared by every command: table (people), json, jsonl, csv (programs and
spreadsheets). One CSV writer for the whole tool, guarded against formula injection."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

FORMATS = ("table", "json", "jsonl", "csv")
CHECK_FORMATS = ("text", "json", "jsonl", "github", "sarif")  # a checker's, as ruff has them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def jsonable(value: Any) -> Any:
    """Infinite bounds ("at least 29" has no upper bound) become null in JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def to_json(key: str, rows: list[dict], **extra) -> str:
    return json.dumps({key: jsonable(rows), **jsonable(extra)}, ensure_ascii=False, indent=2)


def to_jsonl(rows: Iterable[dict]) -> str:
    return "".join(json.dumps(jsonable(row), ensure_ascii=False) + "\n" for row in rows)


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_controls(text: str, keep: str = "\t\n\r") -> str:
    """Control characters shown as \\x.. (ESC, a C1 code), but for those in `keep`."""
    return CONTROL_CHARACTERS.sub(
        lambda m: m.group() if m.group() in keep else f"\\x{ord(m.group()):02x}", text
    )


def safe_cell(value: Any) -> Any:
    """Neutralise a cell a spreadsheet would run as a formula (OWASP CSV injection guidance):
    a leading = + - @ tab CR or LF gets a single quote in front. Numbers stay numbers; control
    characters other than tab and line ends are shown as \\x.."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)  # a bound of 8 people is "8", not "8.0"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    text = escape_controls(str(value))  # an ESC in a file name never reaches a terminal
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def to_csv(rows: Iterable[dict], columns: Sequence[str], bom: bool = False) -> str:
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isinf(value):
        return "∞" if value > 0 else "-∞"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
