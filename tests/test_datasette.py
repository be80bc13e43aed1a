"""The database in Datasette: the views answer, facets load, decisions link to their conflict,
tables and columns carry their descriptions. Datasette's own test client, no network."""

from __future__ import annotations

import asyncio
import json

import pytest
from conftest import run_cli

from reconcile.browse import TABLES

datasette_app = pytest.importorskip("datasette.app", reason="datasette is in the test extra")


@pytest.fixture(scope="module")
def desk(sample_db, tmp_path_factory):
    """A copy of the sample database with one decision, and its Datasette metadata."""
    path = tmp_path_factory.mktemp("datasette") / "desk.db"
    path.write_bytes(sample_db.read_bytes())
    # the database keeps every conflict, spelling variants included: ask for them too
    listed = run_cli("conflicts", "--db", path, "-f", "json", "--variants").stdout
    conflicts = json.loads(listed)["conflicts"]
    result = run_cli("decide", conflicts[0]["id"], "confirmed", "-r", "ana", "--db", path)
    assert result.exit_code == 0, result.output
    out = path.parent / "metadata.json"
    result = run_cli("export", "datasette", "--db", path, "-o", out)
    assert result.exit_code == 0, result.output
    metadata = json.loads(out.read_text(encoding="utf-8"))
    return path, metadata, conflicts


def fetch(path, metadata, *urls):
    """Datasette's answers to some paths (JSON decoded where the path asks for JSON)."""

    async def main():
        ds = datasette_app.Datasette([str(path)], metadata=metadata)
        await ds.invoke_startup()
        answers = []
        for url in urls:
            response = await ds.client.get(url)
            assert response.status_code == 200, (url, response.text[:500])
            answers.append(response.json() if ".json" in url else response.text)
        return answers

    return asyncio.run(main())


def test_the_views_answer(desk, sample_claims):
    path, metadata, conflicts = desk
    open_rows, values, claims = fetch(
        path,
        metadata,
        "/desk/open_conflicts.json?_shape=objects&_size=max",
        "/desk/conflict_values.json?_shape=objects&_size=max",
        "/desk/claims_with_sources.json?_shape=objects&_size=max",
    )
    assert {r["id"] for r in open_rows["rows"]} == {c["id"] for c in conflicts[1:]}
    sources = sum(max(1, len(v["sources"])) for c in conflicts for v in c["values"])
    assert len(values["rows"]) == sources
    arrested = [r for r in values["rows"] if r["value"] == "at least 29"]
    assert arrested and arrested[0]["low"] == 29 and arrested[0]["high"] is None  # unbounded
    assert len(claims["rows"]) == len(sample_claims)
    assert all(r["sentence"] and r["outlet"] for r in claims["rows"])


def test_facets_load(desk):
    path, metadata, _ = desk
    conflicts, values = fetch(
        path, metadata, "/desk/conflicts.json", "/desk/conflict_values.json?_size=max"
    )
    facets = conflicts["facet_results"]
    assert {"severity", "kind", "story"} <= set(facets)
    assert {r["value"] for r in facets["severity"]["results"]} == {"high", "medium", "low"}
    assert "outlet" in values["facet_results"]
    assert any(
        r["value"] == "Medium (personal essay)"
        for r in values["facet_results"]["outlet"]["results"]
    )


def test_a_decision_links_to_its_conflict_and_descriptions_show(desk):
    path, metadata, conflicts = desk
    decisions, page = fetch(
        path, metadata, "/desk/decisions.json?_shape=objects&_labels=on", "/desk/open_conflicts"
    )
    (row,) = decisions["rows"]
    assert row["conflict_id"] == {"value": conflicts[0]["id"], "label": conflicts[0]["explanation"]}
    assert TABLES["open_conflicts"]["description"] in page


def test_the_metadata_describes_only_what_exists(desk):
    import sqlite3

    path, metadata, _ = desk
    described = metadata["databases"]["desk"]["tables"]
    with sqlite3.connect(path) as conn:
        names = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
        }
        for name, table in described.items():
            assert name in names, name
            columns = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
            for column in [*table.get("columns", {}), *table.get("facets", [])]:
                assert column in columns, (name, column)
            if "label_column" in table:
                assert table["label_column"] in columns
