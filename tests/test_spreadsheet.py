"""What a desk opens in a spreadsheet: one row per conflict with its decision, note and
reviewer; the long form on request; a BOM in every CSV file written with -o; whole numbers
written as whole numbers."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import run_cli

SHORT_COLUMNS = [
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


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_conflicts_csv_has_one_row_per_conflict(sample_db, sample_conflicts):
    result = run_cli("conflicts", "--db", sample_db, "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = rows_of(result.stdout)
    assert list(rows[0]) == SHORT_COLUMNS
    assert [r["id"] for r in rows] == [c["id"] for c in sample_conflicts]
    arrested = next(r for r in rows if r["attribute"] == "people arrested")
    assert arrested["values"] == "29 (1 source); at least 29 (1 source); 31 (1 source)"
    assert arrested["outlets"] == (
        "Medium (personal essay);"
        " local outlet in Chimborazo province (English translation); news blog (unknown)"
    )
    assert arrested["explanation"].startswith("Sources disagree on people arrested")


def test_a_decision_shows_with_its_reviewer_and_note(tmp_path, sample_db):
    db = tmp_path / "copy.db"
    db.write_bytes(sample_db.read_bytes())
    conflict = json.loads(run_cli("conflicts", "--db", db, "-f", "json").stdout)["conflicts"][0]
    run_cli(
        "decide",
        conflict["id"],
        "confirmed",
        "-n",
        "la fiscalía lo confirmó",
        "-r",
        "Iñés",
        "--db",
        db,
    )
    rows = rows_of(run_cli("conflicts", "--db", db, "-f", "csv").stdout)
    decided = next(r for r in rows if r["id"] == conflict["id"])
    assert (decided["decision"], decided["reviewer"], decided["note"]) == (
        "confirmed",
        "Iñés",
        "la fiscalía lo confirmó",
    )
    assert decided["decided_at"].endswith("Z")
    long = rows_of(run_cli("conflicts", "--db", db, "-f", "csv", "--long").stdout)
    decided = [r for r in long if r["conflict_id"] == conflict["id"]]
    assert {(r["decision"], r["reviewer"], r["note"]) for r in decided} == {
        ("confirmed", "Iñés", "la fiscalía lo confirmó")
    }


def test_long_keeps_one_row_per_value_and_source(sample_db, sample_conflicts):
    rows = rows_of(run_cli("conflicts", "--db", sample_db, "-f", "csv", "--long").stdout)
    expected = sum(max(1, len(v["sources"])) for c in sample_conflicts for v in c["values"])
    assert len(rows) == expected and len(rows) > len(sample_conflicts)
    assert {"conflict_id", "value", "low", "high", "document", "quote", "words"} <= set(rows[0])


def test_whole_numbers_are_written_as_whole_numbers(sample_db):
    """Bounds were written "8.0": a desk reads 8 judges, not 8.0."""
    long = rows_of(run_cli("conflicts", "--db", sample_db, "-f", "csv", "--long").stdout)
    judges = {r["low"] for r in long if r["attribute"] == "judges arrested"}
    assert judges == {"8", "9"}
    claims = rows_of(run_cli("claims", "--db", sample_db, "-f", "csv", "-k", "count").stdout)
    assert claims and not [r for r in claims if r["low"].endswith(".0")]


CSV_FILES = [
    ["conflicts"],
    ["conflicts", "--long"],
    ["claims"],
    ["claims", "--summary"],
    ["sources"],
    ["search", "judges"],
    ["people"],
    ["decisions"],
]


@pytest.mark.parametrize("args", CSV_FILES, ids=" ".join)
def test_every_csv_file_starts_with_a_bom_and_piped_csv_does_not(tmp_path, sample_db, args):
    out = tmp_path / "desk.csv"
    result = run_cli(*args, "--db", sample_db, "-o", out)  # the file's suffix says CSV
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()), data[:40]
    assert csv.reader(io.StringIO(data.decode("utf-8-sig")))
    piped = run_cli(*args, "--db", sample_db, "-f", "csv")
    assert not piped.stdout.startswith("\ufeff")


def spreadsheet_import(data: bytes):
    """Open a CSV as Excel does: UTF-8 only when the file starts with a BOM, otherwise the
    Windows code page; then the cells go into a workbook, saved and opened again."""
    openpyxl = pytest.importorskip("openpyxl")
    text = data[3:].decode("utf-8") if data.startswith(b"\xef\xbb\xbf") else data.decode("cp1252")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(text)):
        sheet.append(row)
    saved = io.BytesIO()
    book.save(saved)
    return openpyxl.load_workbook(io.BytesIO(saved.getvalue())).active


def test_the_csv_opens_in_a_spreadsheet_one_row_per_conflict_accents_intact(
    tmp_path, sample_db, sample_conflicts
):
    out = tmp_path / "desk.csv"
    # with the spelling variants, whose accents are the point here
    asked = ("conflicts", "--db", sample_db, "--variants")
    assert run_cli(*asked, "-f", "csv", "-o", out).exit_code == 0
    sheet = spreadsheet_import(out.read_bytes())
    header = [cell.value for cell in sheet[1]]
    assert header == SHORT_COLUMNS
    listed = json.loads(run_cli(*asked, "-f", "json").stdout)["conflicts"]
    assert len(listed) > len(sample_conflicts)  # the variants are shown only when asked
    assert sheet.max_row == len(listed) + 1  # a header and one row per conflict
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert "Wilman Terán" in {row[header.index("subject")] for row in rows}
    assert "Agustin (1 source); Agustín (1 source)" in {row[header.index("values")] for row in rows}
    # Without the BOM the same bytes read as mojibake: the reason the BOM is there.
    piped = run_cli(*asked, "-f", "csv").stdout.encode()
    assert "TerÃ¡n" in str([c.value for row in spreadsheet_import(piped) for c in row])
