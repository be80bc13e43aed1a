"""Reviewers' decisions: listed, undone, and attached to a conflict by an id that outlives
re-ingest and re-reconcile, even when new articles rename the story or its people."""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils
from conftest import run_cli, write

from reconcile import store
from reconcile.pipeline import reconcile

# An invented story: a fire at a harbour, told by two papers that disagree on an age and a count.
HARBOUR_POST = (
    "---\noutlet: Harbour Post\npublished: 2024-05-06\n---\n"
    "Police arrested 12 people after a fire at the Calder docks on Sunday, May 5, 2024.\n\n"
    "Harbour master Marta Quiroga, 52, said the blaze started in a warehouse. "
    "Fire chief Tomás Ibarra said crews worked through the night.\n"
)
EVENING_LEDGER = (
    "---\noutlet: Evening Ledger\npublished: 2024-05-07\n---\n"
    "Police arrested 15 people after Sunday's fire at the Calder docks.\n\n"
    "Harbour master Marta Quiroga, 55, called for an inquiry. "
    "Fire chief Tomás Ibarra praised his crews.\n"
)
# A third paper names the fire chief and someone new: the story's most named person changes,
# and with it the story's automatic name.
COAST_WEEKLY = (
    "---\noutlet: Coast Weekly\npublished: 2024-05-08\n---\n"
    "Fire chief Tomás Ibarra met the insurer Rubén Sotelo at the Calder docks.\n\n"
    "Rubén Sotelo said the warehouse had been inspected in March.\n"
)


def conflicts_of(db_path, *options) -> list[dict]:
    result = run_cli("conflicts", "--db", db_path, "-f", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["conflicts"]


def age_conflict(conflicts: list[dict]) -> dict:
    (found,) = [c for c in conflicts if c["kind"] == "age"]
    return found


def harbour(tmp_path, db_path) -> dict:
    write(tmp_path / "first" / "harbour_post.md", HARBOUR_POST)
    write(tmp_path / "first" / "evening_ledger.md", EVENING_LEDGER)
    assert run_cli("ingest", tmp_path / "first", "--db", db_path).exit_code == 0
    return age_conflict(conflicts_of(db_path))


def decide(db_path, *args):
    result = run_cli("decide", *args, "--db", db_path)
    assert result.exit_code == 0, result.output
    return result


def test_a_decision_survives_a_new_article_that_renames_the_story(tmp_path, db_path):
    target = harbour(tmp_path, db_path)
    decide(db_path, target["id"], "confirmed", "--note", "the port authority says 55", "-r", "ana")
    write(tmp_path / "second" / "coast_weekly.md", COAST_WEEKLY)
    assert run_cli("ingest", tmp_path / "second", "--db", db_path).exit_code == 0
    run_cli("ingest", tmp_path / "first", "--db", db_path)  # the same files again: unchanged
    again = conflicts_of(db_path, "--refresh")
    assert age_conflict(again)["story"] != target["story"]  # the story was renamed...
    decided = age_conflict(again)
    assert decided["id"] == target["id"]  # ...and the conflict kept its id
    assert decided["decision"]["decision"] == "confirmed"
    assert decided["decision"]["note"] == "the port authority says 55"
    assert target["id"] not in {c["id"] for c in conflicts_of(db_path, "--undecided")}


def test_a_decision_survives_a_replaced_article(tmp_path, db_path):
    target = harbour(tmp_path, db_path)
    decide(db_path, target["id"], "corrected", "-r", "ben")
    write(
        tmp_path / "first" / "evening_ledger.md",
        EVENING_LEDGER.replace("praised his crews", "thanked the volunteers"),
    )
    assert "1 replaced" in run_cli("ingest", tmp_path / "first", "--db", db_path).stderr
    decided = age_conflict(conflicts_of(db_path))
    assert decided["id"] == target["id"] and decided["decision"]["decision"] == "corrected"


def test_decisions_are_listed_with_who_when_verdict_note_and_conflict(tmp_path, db_path):
    target = harbour(tmp_path, db_path)
    decide(db_path, target["id"], "needs-work", "--note", "call the port", "-r", "ana")
    decide(db_path, target["id"], "confirmed", "--note", "the port says 55", "-r", "ben")
    result = run_cli("decisions", "--db", db_path, "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["decisions"]
    assert [(r["reviewer"], r["decision"], r["note"]) for r in rows] == [
        ("ben", "confirmed", "the port says 55"),  # newest first
        ("ana", "needs-work", "call the port"),
    ]
    first = rows[0]
    assert first["conflict_id"] == target["id"] and first["decided_at"].endswith("Z")
    assert first["attribute"] == "age" and first["subject"] == "Marta Quiroga"
    assert first["latest"] is True and rows[1]["latest"] is False
    assert first["found"] is True
    table = run_cli("decisions", "--db", db_path)
    assert table.exit_code == 0 and "confirmed" in table.stdout and "ben" in table.stdout


def test_undo_removes_one_decision_and_the_one_before_shows_again(tmp_path, db_path):
    target = harbour(tmp_path, db_path)
    decide(db_path, target["id"], "needs-work", "-r", "ana")
    decide(db_path, target["id"], "dismissed", "-r", "ben")
    rows = json.loads(run_cli("decisions", "--db", db_path, "-f", "json").stdout)["decisions"]
    result = decide(db_path, "--undo", str(rows[0]["id"]))
    assert "undone" in result.stderr
    assert age_conflict(conflicts_of(db_path))["decision"]["decision"] == "needs-work"
    decide(db_path, "--undo", target["id"])  # a conflict id: its latest decision
    assert age_conflict(conflicts_of(db_path))["decision"] is None
    assert run_cli("decide", "--undo", target["id"], "--db", db_path).exit_code == 2
    assert run_cli("decide", "--undo", "999", "--db", db_path).exit_code == 2
    assert run_cli("decide", "--db", db_path).exit_code == 2  # neither a verdict nor --undo
    both = run_cli("decide", target["id"], "confirmed", "--undo", "1", "--db", db_path)
    assert both.exit_code == 2


def test_a_decided_conflict_that_goes_away_is_kept_with_its_decision(tmp_path, db_path):
    target = harbour(tmp_path, db_path)
    decide(db_path, target["id"], "corrected", "--note", "the Ledger fixed its age", "-r", "ana")
    write(tmp_path / "first" / "evening_ledger.md", EVENING_LEDGER.replace("55", "52"))
    run_cli("ingest", tmp_path / "first", "--db", db_path)
    assert [c for c in conflicts_of(db_path) if c["kind"] == "age"] == []
    (row,) = json.loads(run_cli("decisions", "--db", db_path, "-f", "json").stdout)["decisions"]
    assert row["conflict_id"] == target["id"] and row["found"] is False
    assert row["attribute"] == "age" and row["note"] == "the Ledger fixed its age"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_decisions_refer_to_conflicts_by_a_foreign_key(tmp_path, db_path):
    harbour(tmp_path, db_path)
    db = sqlite_utils.Database(db_path)
    (key,) = db["decisions"].foreign_keys
    assert (key.column, key.other_table, key.other_column) == ("conflict_id", "conflicts", "id")


def test_the_migration_brings_existing_decisions_along(tmp_path, db_path):
    """A database made before decisions had a foreign key: its decisions, including one whose
    conflict a later run no longer found, all survive the upgrade, and stored conflicts whose
    bounds were written as Infinity become readable by SQLite's JSON functions."""
    write(tmp_path / "first" / "harbour_post.md", HARBOUR_POST)
    write(
        tmp_path / "first" / "evening_ledger.md",
        EVENING_LEDGER.replace("15 people", "at least 15 people"),
    )
    path = str(db_path)
    before = store.MIGRATIONS.index(store.link_decisions_to_conflicts)
    conn = store.open_connection(db_path)
    old = sqlite_utils.Database(conn)
    conn.execute("BEGIN IMMEDIATE")
    for number, step in enumerate(store.MIGRATIONS[:before], start=1):
        step(old)
        conn.execute(f"PRAGMA user_version = {number}")
    # Today's writer needs the text's hash and where the date came from; both steps rerun.
    store.documents_know_their_copies(old)
    store.documents_say_where_their_date_came_from(old)
    conn.execute("COMMIT")
    from reconcile.ingest import ingest

    ingest(old, [str(tmp_path / "first")], jobs=1)
    found = reconcile(old, save=False)
    with store.Transaction(old) as tx:  # the rows as the old version wrote them
        for c in found:
            tx.execute(
                "INSERT INTO conflicts VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    c.id,
                    c.story,
                    c.kind,
                    c.subject,
                    c.attribute,
                    c.severity,
                    c.status,
                    c.rule,
                    c.explanation,
                    json.dumps(c.as_dict(), default=str),
                ),
            )
        tx.execute(
            "INSERT INTO decisions (conflict_id, decision, note, reviewer, decided_at)"
            " VALUES (?, 'confirmed', 'kept', 'ana', '2024-05-09T10:00:00Z'),"
            " ('c-000000000000', 'dismissed', 'gone since', 'ben', '2024-05-01T10:00:00Z')",
            (found[0].id,),
        )
        tx.execute(
            "UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'content_version')"
            " WHERE key = 'reconciled_version'"
        )
    assert "Infinity" in "".join(r[0] for r in conn.execute("SELECT data FROM conflicts"))
    conn.close()

    db = store.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    rows = {r["note"]: r for r in db.query("SELECT * FROM decisions")}
    assert set(rows) == {"kept", "gone since"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM conflict_values").fetchone()[0] > 0
    listed = json.loads(run_cli("decisions", "--db", path, "-f", "json").stdout)["decisions"]
    assert {(r["note"], r["found"]) for r in listed} == {("kept", True), ("gone since", False)}
