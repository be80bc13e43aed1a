"""Start-up: `reconcile --version` answers before the command line's framework and the
library are imported; the command line is imported whole for any other command."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = (
    "import sys; sys.argv = ['reconcile'] + sys.argv[1:]; from reconcile.cli import main; main();"
    " print(sorted(m for m in ('typer', 'reconcile.cli.base', 'reconcile.lexicon', 'yaml')"
    " if m in sys.modules))"
)


def probe(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stdout.splitlines()


def test_version_imports_nothing_heavy():
    from reconcile import __version__

    assert probe("--version") == [f"reconcile {__version__}", "[]"]


def test_the_package_still_offers_the_app():
    from reconcile.cli import app, main

    assert callable(main) and app.registered_commands


CHECK_PROBE = (
    "import sys; sys.argv = ['reconcile'] + sys.argv[1:]; from reconcile.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "print(sorted(m for m in ('sqlite_utils', 'reconcile.pipeline') if m in sys.modules))"
)


def check_probe(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", CHECK_PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stdout.splitlines()


def test_check_reads_without_sqlite_utils_or_the_pipeline(sample_db, tmp_path):
    """`check` only reads a reconciled database: sqlite3 is enough, and sqlite-utils (with its
    plugins and its large regex) and the pipeline are imported only when it has to write."""
    from conftest import DATA

    draft = next((DATA / "drafts").glob("*.md"))
    assert check_probe("check", str(draft), "--db", str(sample_db), "-f", "json")[-1] == "[]"
    copy = tmp_path / "copy.db"
    copy.write_bytes(sample_db.read_bytes())
    saved = check_probe("check", str(draft), "--db", str(copy), "-f", "json", "--save")
    assert saved[-1] == "['sqlite_utils']"


def test_the_reader_gives_the_rows_sqlite_utils_gives(sample_db):
    from reconcile import store

    sql = "SELECT id, kind, value, sentence FROM claims ORDER BY id LIMIT 50"
    reader = store.read_store(sample_db)
    database = store.connect(sample_db, create=False)
    assert list(reader.query(sql)) == list(database.query(sql))
    assert reader.execute(sql).fetchall() == database.execute(sql).fetchall()
    claims = list(database.query("SELECT document_id, sentence FROM claims LIMIT 20"))
    mine, theirs = [dict(c) for c in claims], [dict(c) for c in claims]
    store.attach_sentences(reader, mine)
    store.attach_sentences(database, theirs)
    assert mine == theirs and all(c["sentence_text"] for c in mine)
    assert store.writable(reader).conn is reader.conn and store.writable(database) is database


def test_a_stale_database_is_reconciled_by_check_through_sqlite_utils(sample_db, tmp_path):
    from conftest import DATA

    from reconcile import store
    from reconcile.check import check_draft, load_draft

    copy = tmp_path / "stale.db"
    copy.write_bytes(sample_db.read_bytes())
    database = store.connect(copy, create=False)
    database.execute("UPDATE meta SET value = 'old' WHERE key = 'reconciled_version'")
    database.conn.close()
    reader = store.read_store(copy)
    draft = load_draft(str(next((DATA / "drafts").glob("*.md"))))
    result = check_draft(reader, draft)
    assert result.story and not result.warnings
    assert store.meta(reader, "reconciled_version") == store.meta(reader, "content_version")


RUN = "import sys; sys.argv = ['reconcile'] + sys.argv[1:]; from reconcile.cli import main; main()"


def test_a_named_command_alone_is_built_with_the_same_help_and_errors():
    """`main` builds only the command its first argument names (typer would build every
    command's parameters first): help, parsing errors and exit codes are those of the whole
    application, and a first argument that names no command gets the whole application."""
    from typer.testing import CliRunner

    from reconcile.cli.base import app

    everything = list(app.registered_commands)
    runner = CliRunner()
    for args in (
        ["check", "--help"],
        ["ingest", "--help"],
        ["check", "--bogus", "x"],
        ["conflicts", "--kind", "bogus"],
        ["chek", "draft.md"],
        ["--help"],
    ):
        whole = runner.invoke(app, args, env={"COLUMNS": "100"})
        result = subprocess.run(
            [sys.executable, "-c", RUN, *args],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "COLUMNS": "100"},
        )
        assert result.returncode == whole.exit_code, args
        assert result.stdout + result.stderr == whole.output, args
    assert app.registered_commands == everything
