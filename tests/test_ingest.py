"""Issue 2: ingest of every format, metadata, idempotence, replacement, encodings, bad input."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import SOURCES, run_cli, write

from reconcile import store
from reconcile.ingest import analyse
from reconcile.load import decode, load_path

ARTICLE = "Monday, March 4, 2024\n\nBy Jane Roe\n\nAt least 12 people were arrested in raids on Monday, police said.\n"


def documents(db_path) -> list[dict]:
    result = run_cli("sources", "--db", db_path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["documents"]


def row_counts(db_path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "sentences", "claims")
    }


def test_sample_corpus_ingests_with_manifest_metadata(db_path):
    result = run_cli("ingest", SOURCES, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "5 added, 0 unchanged, 0 replaced, 0 failed" in result.stderr
    by_name = {d["name"]: d for d in documents(db_path)}
    assert by_name["001_7ca59217f1047d98"]["published"] == "2023-12-17"
    assert (
        by_name["002_63ea571f442a00e3"]["published"] == "2024"
    )  # "2024 (between ...)" in the manifest
    assert by_name["003_821922c0ca3443ac"]["published"] == "2022-10"
    assert by_name["000_96648e514321150e"]["author"] == "Matthew Carpenter-Arévalo"


def test_second_ingest_adds_nothing(db_path):
    run_cli("ingest", SOURCES, "--db", db_path)
    before = row_counts(db_path)
    result = run_cli("ingest", SOURCES, "--db", db_path)
    assert "0 added, 5 unchanged" in result.stderr
    assert row_counts(db_path) == before


def test_changed_file_replaces_its_old_version(tmp_path, db_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    run_cli("ingest", article, "--db", db_path)
    write(article, ARTICLE.replace("At least 12", "At least 14"))
    result = run_cli("ingest", article, "--db", db_path)
    assert "0 added, 0 unchanged, 1 replaced" in result.stderr
    rows = json.loads(run_cli("claims", "--db", db_path, "-k", "count", "-f", "json").stdout)[
        "claims"
    ]
    assert [c["low"] for c in rows] == [14]
    assert row_counts(db_path)["documents"] == 1


def test_markdown_front_matter(tmp_path):
    path = write(
        tmp_path / "story.md",
        "---\ntitle: Raids\noutlet: Daily Planet\npublished: 2024-03-05\nlanguage: en\n---\n"
        + ARTICLE,
    )
    (doc,) = load_path(path)
    assert (doc.title, doc.outlet, doc.published, doc.language) == (
        "Raids",
        "Daily Planet",
        "2024-03-05",
        "en",
    )
    assert doc.text.startswith("Monday, March 4, 2024")


def test_inline_html_in_markdown_is_read_as_its_words(tmp_path):
    path = write(
        tmp_path / "story.md",
        'About 400 volunteers joined the <a href="https://example.org/x?a=1" target="_blank">'
        "clean-up of</a> the beach, a <b>bold</b> move. In all, 3 < 4 > 2.\n",
    )
    (doc,) = load_path(path)
    assert doc.text.startswith(
        "About 400 volunteers joined the clean-up of the beach, a bold move."
    )
    assert "3 < 4 > 2" in doc.text


def test_metadata_from_text_when_nothing_else_says(tmp_path):
    (doc,) = load_path(write(tmp_path / "plain.txt", ARTICLE))
    assert doc.published == "2024-03-04"
    assert doc.author == "Jane Roe"


def test_manifest_csv_and_cli_overrides(tmp_path, db_path):
    write(tmp_path / "one.txt", ARTICLE)
    write(tmp_path / "manifest.csv", "file,outlet,published\none.txt,Wire Service,2024-03-06\n")
    (doc,) = load_path(tmp_path / "one.txt")
    assert (doc.outlet, doc.published) == ("Wire Service", "2024-03-06")
    (doc,) = load_path(
        tmp_path / "one.txt", overrides={"outlet": "Override", "published": "2024-03-07"}
    )
    assert (doc.outlet, doc.published) == ("Override", "2024-03-07")


def test_html_keeps_article_text_only(tmp_path):
    html = """<!doctype html><html lang="es"><head><title>Redadas</title>
    <meta property="article:published_time" content="2024-03-05T10:00:00Z">
    <style>p { color: red }</style><script>var x = "29 arrests";</script></head>
    <body><nav><a href="/">Home</a> Menu items</nav>
    <article><h1>Raids</h1><p>At least 12 people were <b>arrested</b> on Monday.</p>
    <p onclick="alert(1)">Police said 40 homes were searched.</p></article>
    <footer>Copyright</footer></body></html>"""
    (doc,) = load_path(write(tmp_path / "page.html", html))
    assert "At least 12 people were arrested on Monday." in doc.text
    assert (
        "29 arrests" not in doc.text
        and "Menu items" not in doc.text
        and "Copyright" not in doc.text
    )
    assert (doc.title, doc.published, doc.language) == ("Redadas", "2024-03-05", "es")


def test_jsonl_one_document_a_line(tmp_path, db_path):
    lines = [
        {"id": "wire-1", "text": ARTICLE, "outlet": "Wire", "published": "2024-03-04"},
        {"id": "wire-2", "text": ARTICLE.replace("12", "13"), "outlet": "Wire 2"},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(line) for line in lines))
    result = run_cli("ingest", path, "--db", db_path)
    assert result.exit_code == 0 and "2 added" in result.stderr
    assert {d["name"] for d in documents(db_path)} == {"wire-1", "wire-2"}


def test_standard_input(db_path):
    result = run_cli("ingest", "-", "--db", db_path, "--outlet", "Piped", input=ARTICLE)
    assert result.exit_code == 0, result.output
    (doc,) = documents(db_path)
    assert doc["name"].startswith("stdin-") and doc["outlet"] == "Piped"  # named by its text


def test_encodings_are_read_correctly(tmp_path):
    text = "El presidente Wilmán Terán dijo que 29 personas fueron detenidas en Cañar.\n"
    samples = {
        "utf8.txt": text.encode("utf-8"),
        "utf8bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),  # with BOM
        "cp1252.txt": text.encode("cp1252"),
        "latin1.txt": text.encode("latin-1"),
    }
    for name, data in samples.items():
        (doc,) = load_path(write(tmp_path / name, data))
        assert doc.text == text, name


def test_text_is_nfc_normalised():
    decomposed = "Tera\u0301n".encode()
    assert decode(decomposed) == "Terán"


def test_every_offset_slices_the_stored_text(sample_db):
    db = store.connect(sample_db, create=False)
    texts = {row["id"]: row["text"] for row in db.query("SELECT id, text FROM documents")}
    for row in db.query('SELECT document_id, start, "end", text FROM sentences'):
        assert texts[row["document_id"]][row["start"] : row["end"]] == row["text"]
    for row in db.query('SELECT document_id, start, "end", quote FROM claims'):
        assert texts[row["document_id"]][row["start"] : row["end"]] == row["quote"]


def test_bad_files_are_named_and_the_batch_goes_on(tmp_path, db_path):
    good = write(tmp_path / "batch" / "good.txt", ARTICLE)
    write(tmp_path / "batch" / "empty.txt", "")
    write(tmp_path / "batch" / "binary.txt", bytes(range(256)) * 8)
    big = write(tmp_path / "batch" / "big.txt", "word " * 300_000)
    result = run_cli(
        "ingest", tmp_path / "batch", tmp_path / "missing.txt", "--db", db_path, "--max-mb", "1"
    )
    assert result.exit_code == 1
    messages = result.stderr
    assert "empty.txt: empty file" in messages
    assert "binary.txt: binary file" in messages
    assert f"{big.name}: file is" in messages and "limit" in messages
    assert "missing.txt: no such file" in messages
    assert "1 added" in messages and "4 failed" in messages
    assert [d["name"] for d in documents(db_path)] == [good.stem]
    counts = row_counts(db_path)
    assert counts["documents"] == 1 and counts["sentences"] > 0


def test_failed_document_leaves_no_rows(tmp_path, db_path, monkeypatch):
    """A failure after the document and its sentences are written, while writing its claims,
    rolls the whole document back."""
    import reconcile.store as store_module

    article = write(tmp_path / "a.txt", ARTICLE)
    prepared = analyse(load_path(article)[0])
    assert prepared[2], "the article should have claims"

    def disk_full(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_module.json, "dumps", disk_full)
    db = store.connect(db_path)
    with pytest.raises(sqlite3.OperationalError):
        store.write_document(db, *prepared)
    monkeypatch.undo()
    assert row_counts(db_path) == {"documents": 0, "sentences": 0, "claims": 0}


def test_usage_errors_exit_2(db_path):
    assert run_cli("ingest", "--db", db_path).exit_code == 2
    assert run_cli("sources", "--db", db_path).exit_code == 2  # no such database: not created
    assert not db_path.exists()


def test_db_from_environment(tmp_path):
    path = tmp_path / "env.db"
    result = run_cli(
        "ingest", SOURCES / "004_306bd8d128e17d47.txt", env={"RECONCILE_DB": str(path)}
    )
    assert result.exit_code == 0, result.output
    assert path.exists()


def test_schema_version_and_pragmas(db_path):
    db = store.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert "sentences_fts" in db.table_names()


def test_search_finds_sentences(sample_db):
    result = run_cli("search", "Teran", "--db", sample_db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["sentences"]
    assert any("Wilman Terán" in row["text"] for row in rows)  # accent-insensitive
