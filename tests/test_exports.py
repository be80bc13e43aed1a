"""Issue 7: what the tool writes cannot hurt whoever opens it. CSV cells that a spreadsheet
would run as formulas are neutralised; source text shown on a terminal is text, not markup or
escape sequences; no SQL is built from user input; odd full-text queries are clear errors."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import run_cli
from reliability_support import reconcile, snapshot

import reconcile as package
from reconcile import store
from reconcile.output import FORMULA_START, safe_cell

FORMULA = ("=", "+", "-", "@", "\t", "\r")  # OWASP: cells starting with these run as formulas

HOSTILE_ARTICLES = {
    "=HYPERLINK(1+1).md": (
        '---\noutlet: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"\n'
        'author: "@SUM(1+1)"\ntitle: "+cmd|\' /C calc\'!A0"\npublished: 2024-03-04\n---\n\n'
        "=1+1 Police arrested 12 people in Quito on Monday, the prosecutor said.\n\n"
        "-2+3 Ana Pérez, 34, a judge, was among those detained.\n"
    ),
    "@evil.md": (
        '---\noutlet: "-1+1"\npublished: 2024-03-05\n---\n\n'
        "=2+2 Police arrested 30 people in Quito on Monday, the prosecutor said.\n\n"
        "@SUM(1) Ana Pérez, 41, a judge, was among those detained.\n"
    ),
}
JSONL_ARTICLE = {
    "name": "\t=1+2",
    "outlet": "\r=1+3",
    "published": "2024-03-06",
    "text": "+3+3 Police arrested 45 people in Quito on Monday, the prosecutor said.",
}


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("exports")
    folder = root / "articles"
    folder.mkdir()
    for name, text in HOSTILE_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps(JSONL_ARTICLE) + "\n", encoding="utf-8")
    db = root / "exports.db"
    result = reconcile("ingest", folder, "--db", db, "--story", "-2+3 story")
    assert result.returncode == 0, result.stderr
    return db


def cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def unsafe_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would evaluate: starting with a formula character and not a plain
    number (-5 is a number, -2+3 a formula)."""
    bad = []
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA):
                try:
                    float(cell)
                except ValueError:
                    bad.append(cell)
    return bad


CSV_COMMANDS = [
    ["conflicts", "--format", "csv"],
    ["conflicts", "--format", "csv", "--long"],
    ["claims", "--format", "csv"],
    ["claims", "--summary", "--format", "csv"],
    ["sources", "--format", "csv"],
    ["search", "Police", "--format", "csv"],
    ["people", "--format", "csv"],
]


@pytest.mark.parametrize("args", CSV_COMMANDS, ids=lambda a: " ".join(a[:1] + a[3:]))
def test_csv_cells_never_start_a_formula(hostile_db, args):
    if args[0] in ("conflicts", "claims") and "--summary" not in args:
        result = reconcile(*args, "--db", hostile_db)  # as a desk runs it: its own process
        code, stdout, stderr = result.returncode, result.stdout, result.stderr
    else:
        result = run_cli(*args, "--db", hostile_db)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    assert code in (0, 1), stderr
    rows = cells(stdout)
    assert len(rows) > 1, result.stdout
    assert unsafe_cells(rows) == []


def test_hostile_values_are_kept_but_neutralised(hostile_db):
    """The values themselves are kept (a quote is evidence), behind a leading apostrophe."""
    claims = cells(reconcile("claims", "--format", "csv", "--db", hostile_db).stdout)
    documents = {row[0] for row in claims[1:]}
    assert {"'=HYPERLINK(1+1)", "'@evil", "'\t=1+2"} <= documents
    conflicts = reconcile("conflicts", "--format", "csv", "--long", "--db", hostile_db)
    rows = cells(conflicts.stdout)
    header = rows[0]
    quotes = {row[header.index("quote")] for row in rows[1:]}
    outlets = {row[header.index("outlet")] for row in rows[1:]}
    assert "'=1+1 Police arrested 12 people in Quito on Monday, the prosecutor said." in quotes
    assert "'=2+2 Police arrested 30 people in Quito on Monday, the prosecutor said." in quotes
    assert "'-1+1" in outlets and any(o.startswith("'=HYPERLINK(") for o in outlets)
    values = {row[header.index("value")] for row in rows[1:]}
    assert {"12", "30"} <= values  # numbers are written as numbers, untouched
    sources = cells(run_cli("sources", "--format", "csv", "--db", hostile_db).stdout)
    assert {row[sources[0].index("story")] for row in sources[1:]} == {"'-2+3 story"}


def test_a_csv_file_for_a_spreadsheet_is_neutralised_too(hostile_db, tmp_path):
    out = tmp_path / "conflicts.csv"
    result = reconcile("conflicts", "--format", "csv", "-o", out, "--db", hostile_db)
    assert result.returncode == 0, result.stderr
    data = out.read_text(encoding="utf-8")
    assert data.startswith("\ufeff")  # the BOM Excel needs for accents
    assert len(cells(data)) > 1 and unsafe_cells(cells(data)) == []


def test_json_keeps_values_exactly(hostile_db):
    """JSON is for programs: nothing is prefixed there."""
    result = reconcile("claims", "--format", "json", "--db", hostile_db)
    documents = {row["document"] for row in json.loads(result.stdout)["claims"]}
    assert "=HYPERLINK(1+1)" in documents and "\t=1+2" in documents


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", '=HYPERLINK("x")'],
)
def test_safe_cell_follows_owasp(value):
    assert safe_cell(value) == "'" + value
    assert set(FORMULA) <= set(FORMULA_START)


def test_safe_cell_leaves_numbers_and_plain_text():
    assert safe_cell(-5) == -5 and safe_cell(2.5) == 2.5 and safe_cell(None) == ""
    assert safe_cell("Quito") == "Quito" and safe_cell("12 people") == "12 people"
    assert safe_cell(float("inf")) == ""


# --------------------------------------------------------------------------- terminal


TERMINAL_ARTICLE = {
    "name": "[bold]report[/bold] [/]",
    "outlet": "[link=http://evil.example]Daily[/link]",
    "text": (
        "Police arrested 12 people [/] in Quito on Monday, the prosecutor said. "
        "See [link=http://evil.example]the record[/link] \u001b[2J\u001b]0;PWNED\u0007here. "
        "Ana Pérez, 34, a judge \u009b31m [red]was[/red] among those detained."
    ),
}


@pytest.fixture(scope="module")
def terminal_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("terminal")
    feed = root / "feed [draft].jsonl"
    feed.write_text(json.dumps(TERMINAL_ARTICLE) + "\n", encoding="utf-8")
    db = root / "t.db"
    result = reconcile("ingest", feed, "--db", db)
    assert result.returncode == 0, result.stderr
    return db


def test_stored_text_holds_no_control_characters(terminal_db):
    with sqlite3.connect(terminal_db) as conn:
        (text,) = conn.execute("SELECT text FROM documents").fetchone()
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "[link=http://evil.example]" in text  # the words themselves are kept


@pytest.mark.parametrize(
    "args",
    [["search", "Police"], ["search", "record"], ["claims"], ["sources"], ["conflicts"]],
    ids=lambda a: " ".join(a),
)
def test_tables_show_source_text_as_text(terminal_db, args):
    result = run_cli(*args, "--db", terminal_db)
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    if args[0] == "search":
        assert "[/]" in result.stdout or "[link=http://evil.example]" in result.stdout
    if args[0] == "sources":
        assert "[bold]" in result.stdout  # the name as written, not made bold


def test_messages_name_files_with_brackets_exactly(tmp_path):
    folder = tmp_path / "odd ["
    folder.mkdir()
    (folder / "] report [draft].txt").write_bytes(b"\x00\x01" * 50)
    result = reconcile("ingest", tmp_path, "--db", tmp_path / "m.db")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"failed: {folder / '] report [draft].txt'}: binary file" in result.stderr
    assert reconcile("claims", "--db", tmp_path / "odd [/] x.db").stderr.count("\n") == 1


# --------------------------------------------------------------------------- SQL


SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|DROP|WHERE|FROM|JOIN|MATCH|VALUES)\b"
)
ALLOWED_NAMES = {"CLAIM_COLUMNS", "marks", "BUSY_TIMEOUT_MS", "number", "more"}
PLACEHOLDERS = re.compile(r"""^(['"]),\1\.join\((['"])\?\2( \* len\(\w+\)| for _ in \w+)\)$""")


def sql_interpolations(path: Path) -> list[str]:
    """Every value put into SQL text by f-string, str.format or %, that is not a fixed list
    of columns, a row of ? placeholders or an integer the code itself counts."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            fixed = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
            if not SQL_WORDS.search(fixed):
                continue
            for part in node.values:
                if not isinstance(part, ast.FormattedValue):
                    continue
                expression = ast.unparse(part.value)
                if expression in ALLOWED_NAMES or PLACEHOLDERS.match(expression):
                    continue
                found.append(f"{path.name}:{node.lineno}: {{{expression}}}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
            and SQL_WORDS.search(str(node.func.value.value))
        ):
            found.append(f"{path.name}:{node.lineno}: str.format on SQL")
        elif (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
            and SQL_WORDS.search(str(node.left.value))
        ):
            found.append(f"{path.name}:{node.lineno}: % on SQL")
    return found


def test_no_sql_is_built_by_formatting_values_into_it():
    """An audit of the source: SQL text only ever interpolates fixed column lists and rows of
    ? placeholders; every value (filters, search terms, names) goes in as a parameter."""
    root = Path(package.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 20
    found = [hit for path in files for hit in sql_interpolations(path)]
    assert found == []


def test_the_audit_catches_a_value_formatted_into_sql(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def f(db, name):\n"
        "    db.execute(f\"SELECT * FROM documents WHERE name = '{name}'\")\n"
        "    db.execute(\"DELETE FROM claims WHERE kind = '%s'\" % name)\n"
        '    db.execute("SELECT {} FROM x".format(name))\n',
        encoding="utf-8",
    )
    assert len(sql_interpolations(bad)) == 3


INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE claims; --", '" OR 1=1 --', "%", "_", "\\"]


@pytest.mark.parametrize("value", INJECTIONS)
def test_filters_are_parameters(hostile_db, value):
    before = snapshot(hostile_db)
    db = store.connect(hostile_db, create=False)
    for name in ("document", "subject", "kind", "attribute"):
        rows = store.claims(db, **{name: value})
        if name != "subject" or value not in ("%", "_", "\\"):
            assert rows == []  # matched as text, not as SQL
    db.conn.close()
    result = run_cli("claims", "--document", value, "--format", "json", "--db", hostile_db)
    assert result.exit_code == 0 and json.loads(result.stdout)["claims"] == []
    assert snapshot(hostile_db) == before


@pytest.mark.parametrize(
    "query",
    ["AND", '"unbalanced', "OR OR", "(", "NEAR(a b", "nosuchcolumn:x", "*", "[/]", "", "NOT x"]
    + INJECTIONS,
)
def test_odd_search_queries_are_clear_errors(hostile_db, query):
    result = run_cli("search", query, "--db", hostile_db)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: bad search query")
    else:
        assert result.exit_code == 0, result.output
    if query in ("AND", '"unbalanced', "OR OR", "("):
        assert result.exit_code == 2
    with sqlite3.connect(hostile_db) as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0


@pytest.mark.parametrize("query", ["AND", '"unbalanced'])
def test_odd_search_queries_through_a_process_of_its_own(hostile_db, query):
    result = reconcile("search", query, "--db", hostile_db)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"error: bad search query {query!r}: ")
