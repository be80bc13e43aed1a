"""Issue 16: `reconcile export --parquet DIR` writes the store's tables as Parquet, partitioned
by story, and what is read back is what the database holds."""

from __future__ import annotations

import json
import math
import sqlite3
import sys

import pytest
from conftest import run_cli

from reconcile import store
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile

WITHOUT_PYARROW = "the dist extra (pyarrow) is not installed"


@pytest.fixture(scope="module")
def exported(invented_corpus, tmp_path_factory):
    pytest.importorskip("pyarrow", reason=WITHOUT_PYARROW)
    root = tmp_path_factory.mktemp("parquet")
    db = root / "invented.db"
    database = store.connect(db)
    ingest(database, [str(invented_corpus)])
    reconcile(database)
    database.conn.close()
    result = run_cli("export", "--parquet", root / "archive", "--db", db)
    assert result.exit_code == 0, result.output
    assert "written to" in result.stderr
    return db, root / "archive"


def read(folder, table: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(folder / table, format="parquet", partitioning="hive").to_table().to_pylist()


def rows(db, sql: str) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql)]


def test_every_table_has_the_rows_of_the_database(exported):
    db, folder = exported
    for table in ("documents", "sentences", "claims", "mentions", "entities", "conflicts"):
        (count,) = rows(db, f"SELECT count(*) AS n FROM {table}")[0].values()
        assert count > 0 and len(read(folder, table)) == count, table
    assert len(read(folder, "stories")) == 5  # one row per document


def test_tables_are_partitioned_by_story(exported):
    _, folder = exported
    stories = {row["document_id"]: row["story"] for row in read(folder, "stories")}
    assert set(stories.values()) == {"portvale fire/2024", "marisol-quinteros"}
    # A label with a slash is one folder, its name encoded, and reads back as written.
    folders = sorted(p.name for p in (folder / "claims").iterdir())
    assert folders == ["story=marisol-quinteros", "story=portvale%20fire%2F2024"]
    for table in ("documents", "sentences", "claims"):
        for row in read(folder, table):
            document = row["id"] if table == "documents" else row["document_id"]
            assert row["story"] == stories[document], table
    named = {row["id"]: row["story"] for row in read(folder, "entities")}
    assert all(named[m["entity_id"]] == m["story"] for m in read(folder, "mentions"))


def test_values_are_those_of_the_database(exported):
    db, folder = exported
    claims = {row["id"]: row for row in read(folder, "claims")}
    for stored in rows(db, "SELECT * FROM claims"):
        row = claims[stored["id"]]
        for column in ("document_id", "sentence", "kind", "subject", "value", "start", "quote"):
            assert row[column] == stored[column]
        assert json.loads(row["extra"]) == json.loads(stored["extra"])
    # "At least 16" is unbounded above: an infinity again, not the store's 1e308.
    (least,) = [c for c in claims.values() if c["quote"].startswith("At least 16")]
    assert least["low"] == 16 and math.isinf(least["high"])
    texts = {row["name"]: row["text"] for row in read(folder, "documents")}
    assert "Marisol Quinteros, de 49 años" in texts["flood-2"]
    (label,) = {row["label"] for row in read(folder, "documents") if row["name"] == "fire-1"}
    assert label == "portvale fire/2024"
    conflicts = {row["id"]: row for row in read(folder, "conflicts")}
    for stored in rows(db, "SELECT id, severity, data FROM conflicts"):
        assert conflicts[stored["id"]]["severity"] == stored["severity"]
        assert json.loads(conflicts[stored["id"]]["data"]) == json.loads(stored["data"])


def test_a_second_export_replaces_the_first(exported, tmp_path):
    db, _ = exported
    target = tmp_path / "again"
    (target / "claims" / "story=gone").mkdir(parents=True)
    (target / "notes.txt").write_text("kept", encoding="utf-8")
    assert run_cli("export", "--parquet", target, "--db", db).exit_code == 0
    assert not (target / "claims" / "story=gone").exists()
    assert (target / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert not [p for p in target.iterdir() if p.name.startswith(".")]


def test_export_refuses_a_file_and_a_missing_database(exported, tmp_path):
    db, _ = exported
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = run_cli("export", "--parquet", tmp_path / "file", "--db", db)
    assert result.exit_code == 2 and "is a file" in result.stderr
    result = run_cli("export", "--parquet", tmp_path / "out", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()
    result = run_cli("export", "--parquet", tmp_path / "out", "datasette", "--db", db)
    assert result.exit_code == 2


def test_without_pyarrow_the_export_says_how_to_install_it(sample_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed
    result = run_cli("export", "--parquet", tmp_path / "out", "--db", sample_db)
    assert result.exit_code == 2
    assert "pip install 'reconcile[dist]'" in result.stderr and not (tmp_path / "out").exists()
