"""Issue 16: the pipeline on a Dask cluster of two worker processes (extraction a map over the
documents, reconcile a group-by-story) finds the conflicts the single-machine run finds, one
for one: ids, values, sources and quotes, with the same stories, people and mentions."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import SOURCES, run_cli, write

from reconcile import store
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile

WITHOUT_DASK = "the dist extra (dask[distributed]) is not installed"


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("distributed", reason=WITHOUT_DASK)
    pytest.importorskip("dask.bag", reason=WITHOUT_DASK)
    from reconcile.distributed import local_client

    with local_client(workers=2) as connected:
        assert len(connected.scheduler_info()["workers"]) == 2
        yield connected


def single_machine(tmp_path, paths: list[str]):
    database = store.connect(tmp_path / "single.db")
    ingest(database, paths, jobs=1)
    return database, reconcile(database)


def assert_same_run(database, conflicts, run) -> None:
    assert conflicts, "the corpus should hold conflicts"
    assert [c.as_dict() for c in run.conflicts] == [c.as_dict() for c in conflicts]
    stored = dict(database.execute("SELECT document_id, story FROM stories").fetchall())
    assert run.stories == stored
    entities = [dict(row) for row in database.query("SELECT * FROM entities ORDER BY id")]
    assert sorted(run.entity_rows, key=lambda row: row["id"]) == entities
    mentions = sorted(database.execute("SELECT claim_id, entity_id FROM mentions").fetchall())
    assert sorted((m["claim_id"], m["entity_id"]) for m in run.mention_rows) == mentions
    (documents,) = database.execute("SELECT count(*) FROM documents").fetchone()
    (claims,) = database.execute("SELECT count(*) FROM claims").fetchone()
    assert (run.documents, run.claims) == (documents, claims)


@pytest.mark.parametrize("corpus", ["invented", "sample"])
def test_the_cluster_finds_the_conflicts_of_one_machine(client, corpus, invented_corpus, tmp_path):
    from reconcile.distributed import run_distributed

    paths = [str(invented_corpus)] if corpus == "invented" else [str(SOURCES)]
    database, conflicts = single_machine(tmp_path, paths)
    assert_same_run(database, conflicts, run_distributed(client, paths))


def test_both_corpora_at_once_with_a_copy_and_a_broken_file(client, invented_corpus, tmp_path):
    """Stories grouped across everything given; a second outlet's copy of a text is its own
    document, the same outlet's copy is read once; a file that cannot be read is named."""
    from reconcile.distributed import run_distributed

    extra = tmp_path / "extra"
    text = (invented_corpus / "flood" / "flood-2.md").read_text(encoding="utf-8")
    write(extra / "same-outlet.md", text)
    write(extra / "other-outlet.md", text.replace("La Voz de Valdorra", "Radio Valdorra"))
    write(extra / "broken.md", b"---\ntitle: [unclosed\n---\n\x00\x00\x00")
    paths = [str(SOURCES), str(invented_corpus), str(extra)]
    database, conflicts = single_machine(tmp_path, paths)
    run = run_distributed(client, paths)
    assert_same_run(database, conflicts, run)
    assert run.unchanged == 1
    assert [path for path, _ in run.errors] == [str(extra / "broken.md")]


def test_the_command_reports_what_conflicts_reports(client, invented_corpus, tmp_path):
    """`reconcile distributed` on a running scheduler prints the report `conflicts` prints."""
    db = tmp_path / "single.db"
    assert run_cli("ingest", invented_corpus, "--db", db, "-q").exit_code == 0
    single = run_cli("conflicts", "--db", db, "-f", "json")
    address = client.scheduler.address
    result = run_cli("distributed", invented_corpus, "--scheduler", address, "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads(single.stdout)
    assert "5 documents" in result.stderr and "7 conflicts" in result.stderr
    result = run_cli(
        "distributed", invented_corpus, "--scheduler", address, "--fail-on", "high", "-f", "json"
    )
    assert result.exit_code == 1


def test_standard_input_is_refused_before_any_work(tmp_path):
    result = run_cli("distributed", "-", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2 and "standard input" in result.stderr


def test_without_dask_the_command_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    result = run_cli("distributed", str(SOURCES))
    assert result.exit_code == 2 and "pip install 'reconcile[dist]'" in result.stderr
