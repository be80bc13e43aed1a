"""A bulk ingest writes a batch of documents per transaction; each document stays whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reconcile import store
from reconcile.ingest import ingest

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def copies(folder: Path, count: int) -> Path:
    """`count` distinct articles made from the sample corpus."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    for number in range(count):
        body = texts[number % len(texts)]
        (folder / f"copy-{number:03d}.txt").write_text(
            f"Copy {number} of the archive\n\n{body}", encoding="utf-8"
        )
    return folder


def whole(path: Path) -> tuple[int, int, int]:
    """Documents, and documents missing their sentences or their index rows (must be 0, 0)."""
    with sqlite3.connect(path) as conn:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        bare = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
        ).fetchone()[0]
        sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
    return documents, bare, sentences - indexed


def test_batches_match_one_document_at_a_time(tmp_path):
    folder = copies(tmp_path / "in", 20)
    one = store.connect(tmp_path / "one.db")
    for path in sorted(folder.iterdir()):
        ingest(one, [str(path)])
    many = store.connect(tmp_path / "many.db")
    summary = ingest(many, [str(folder)], jobs=2)
    assert summary.added == 20 and summary.failed == 0
    query = "SELECT d.name, c.kind, c.value, c.start FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY 1, 4, 2, 3"
    assert list(one.execute(query)) == list(many.execute(query))
    hits = "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Teran'"
    assert one.execute(hits).fetchone() == many.execute(hits).fetchone() != (0,)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_ingest_leaves_only_whole_documents(tmp_path):
    folder = copies(tmp_path / "in", 100)
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "reconcile", "ingest", str(folder), "--db", str(db)]
    process = subprocess.Popen(
        [*command, "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        try:
            if whole(db)[0] > 0:
                break  # a first batch is committed: kill in the middle of the rest
        except sqlite3.Error:
            pass
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    documents, bare, unindexed = whole(db)
    assert documents <= 100  # the kill may land before, between or after batches
    assert (bare, unindexed) == (0, 0)
    # Ingesting again completes the archive without duplicates.
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert whole(db) == (100, 0, 0)
