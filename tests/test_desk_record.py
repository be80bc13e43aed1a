"""The desk's record is never lost or wrong. Each test is one defect found by attacking the
tool: wire copies losing an outlet, outputs overwriting the database, bytes decoded by the
wrong evidence, links leading out of a folder, crashes read as findings, unbounded inputs,
readers shown part of what was committed, and control characters reaching a log."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import run_cli, write
from reliability_support import article, make_corpus, reconcile, unprivileged_prefix

from reconcile import store
from reconcile.ingest import ingest
from reconcile.load import LoadError, content_hash, decode, iter_paths, load_path

WIRE = (
    "Police arrested 29 people in Quito on Monday, the prosecutor said in a statement. "
    "Agustín Terán, 52, a judge, was among those detained during the raids.\n"
)
MANIFEST = (
    "documents:\n"
    "  - {file: ap.txt, outlet: AP, story: raids}\n"
    "  - {file: reuters.txt, outlet: Reuters, story: raids}\n"
    "  - {file: local.txt, outlet: El Diario, story: raids}\n"
)


def rows(db: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql, params))


def ingest_into(db: Path, *paths):
    """Ingest and close the connection: the tests also run the CLI on the same file."""
    database = store.connect(db)
    try:
        return ingest(database, [str(p) for p in paths], jobs=1)
    finally:
        database.conn.close()


def wire_folder(folder: Path) -> Path:
    write(folder / "manifest.yaml", MANIFEST)
    write(folder / "ap.txt", WIRE)
    write(folder / "reuters.txt", WIRE)
    write(
        folder / "local.txt",
        "Police arrested 31 people in Quito on Monday, officers told this newspaper.\n",
    )
    return folder


# --------------------------------------------------------------------------- 1, 2: identity


def test_1_wire_copies_from_two_outlets_are_two_documents(tmp_path):
    folder = wire_folder(tmp_path / "wire")
    db = tmp_path / "desk.db"
    summary = ingest_into(db, str(folder))
    assert (summary.added, summary.unchanged) == (3, 0)
    outlets = sorted(r[0] for r in rows(db, "SELECT outlet FROM documents"))
    assert outlets == ["AP", "El Diario", "Reuters"]
    (copies,) = rows(db, "SELECT count(DISTINCT sha256) FROM documents WHERE outlet != 'El Diario'")
    assert copies == (1,)  # the two know they are copies of one text

    result = run_cli("conflicts", "--db", db, "--format", "json")
    (conflict,) = [c for c in json.loads(result.stdout)["conflicts"] if c["kind"] == "count"]
    (wire,) = [v for v in conflict["values"] if v["value"] == "29"]
    assert wire["tally"] == 1  # one text, counted once
    assert {s["outlet"] for s in wire["sources"]} == {"AP", "Reuters"}
    assert "AP" in wire["wire_copies"][0] and "Reuters" in wire["wire_copies"][0]

    write(folder / "ap.txt", WIRE.replace("29", "30"))  # AP corrects its copy
    again = ingest_into(db, str(folder))
    assert (again.replaced, again.unchanged) == (1, 2)
    stored = dict(rows(db, "SELECT outlet, text FROM documents"))
    assert "30 people" in stored["AP"] and "29 people" in stored["Reuters"]


def test_2_the_same_file_by_another_spelling_replaces_its_own_version(tmp_path, monkeypatch):
    folder = wire_folder(tmp_path / "wire2")
    db = tmp_path / "desk.db"
    monkeypatch.chdir(tmp_path)
    ingest_into(db, "wire2")
    write(folder / "local.txt", "Police arrested 33 people in Quito on Monday.\n")
    summary = ingest_into(db, str(folder.resolve()))
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 2)
    texts = [r[0] for r in rows(db, "SELECT text FROM documents WHERE outlet = 'El Diario'")]
    assert texts == ["Police arrested 33 people in Quito on Monday.\n"]
    ingest_into(db, "./wire2/../wire2/local.txt")
    assert len(rows(db, "SELECT id FROM documents")) == 3


def test_2_an_older_database_is_migrated_to_document_identity(tmp_path, monkeypatch):
    """A database of the previous schema (ids were the text's hash, paths as typed) gains the
    text hash, and its relative paths are resolved, so the next ingest replaces, not adds."""
    folder = wire_folder(tmp_path / "wire")
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "old.db"
    ingest_into(db, "wire")
    with sqlite3.connect(db) as conn:  # back to how the previous version stored documents:
        conn.execute("PRAGMA foreign_keys = ON")  # ids were the text's hash, paths as typed,
        conn.execute("DELETE FROM documents WHERE outlet = 'Reuters'")  # and a copy was lost
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for document_id, path, text in list(conn.execute("SELECT id, path, text FROM documents")):
            for table in ("sentences", "claims", "stories"):
                conn.execute(
                    f"UPDATE {table} SET document_id = ? WHERE document_id = ?",  # noqa: S608
                    (content_hash(text), document_id),
                )
            conn.execute(
                "UPDATE documents SET id = ?, path = ? WHERE id = ?",
                (content_hash(text), os.path.relpath(path, tmp_path), document_id),
            )
        conn.execute("DROP INDEX documents_sha256")
        conn.execute("ALTER TABLE documents DROP COLUMN sha256")
        before = store.MIGRATIONS.index(store.documents_know_their_copies)
        conn.execute(f"PRAGMA user_version = {before}")
    write(folder / "local.txt", "Police arrested 33 people in Quito on Monday.\n")
    summary = ingest_into(db, "wire")
    assert (summary.added, summary.replaced, summary.unchanged) == (1, 1, 1)  # Reuters is back
    assert len(rows(db, "SELECT 1 FROM documents")) == 3
    assert rows(db, "SELECT count(*) FROM documents WHERE sha256 IS NULL") == [(0,)]
    assert all(Path(p).is_absolute() for (p,) in rows(db, "SELECT path FROM documents"))
    assert rows(db, "PRAGMA foreign_key_check") == []


# --------------------------------------------------------------------------- 3: outputs


@pytest.mark.parametrize("target", ["", "-wal", "-shm"])
def test_3_output_never_overwrites_the_database(tmp_path, target):
    db = tmp_path / "desk.db"
    ingest_into(db, str(wire_folder(tmp_path / "wire")))
    before = db.read_bytes()
    result = reconcile("conflicts", "--db", db, "-o", f"{db}{target}", "-f", "csv")
    assert result.returncode == 2
    assert "database" in result.stderr
    assert db.read_bytes() == before
    assert rows(db, "SELECT count(*) FROM documents") == [(3,)]


def test_3_output_never_overwrites_an_input_and_is_written_whole(tmp_path):
    folder = wire_folder(tmp_path / "wire")
    db = tmp_path / "desk.db"
    result = run_cli("run", folder, "--db", db, "-o", folder / "ap.txt")
    assert result.exit_code == 2 and "being read" in result.stderr
    assert (folder / "ap.txt").read_text(encoding="utf-8") == WIRE
    assert not db.exists()  # refused before any work
    ingest_into(db, folder)
    out = tmp_path / "out.csv"
    assert run_cli("conflicts", "--db", db, "-o", out, "-f", "csv").exit_code == 0
    assert out.read_text(encoding="utf-8-sig").startswith("id,")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


# --------------------------------------------------------------------------- 4: decoding


def test_4_one_stray_byte_does_not_turn_utf8_into_mojibake(tmp_path):
    text = "Agustín Terán, 52, a judge, was arrested in Quito on Monday, police said.\n"
    data = text.encode("utf-8") + "The café’s owner said so.\n".encode("cp1252")
    path = write(tmp_path / "stray.txt", data)
    (document,) = load_path(path)
    assert document.text.startswith("Agustín Terán, 52")
    assert "café’s" in document.text  # the stray Windows-1252 bytes repaired, not replaced
    assert document.warnings == ["2 bytes not valid UTF-8, read as Windows-1252"]
    db = tmp_path / "desk.db"
    ingest_into(db, str(path))
    names = [r[0] for r in rows(db, "SELECT value FROM claims WHERE kind = 'person'")]
    assert "Agustín Terán" in names
    result = run_cli("ingest", path, "--db", tmp_path / "other.db")
    assert "stray.txt: 2 bytes not valid UTF-8" in result.stderr


def test_4_a_legacy_file_as_a_whole_is_still_read_as_legacy():
    assert decode("Agustín Terán, 52, fue detenido.".encode("cp1252")).startswith("Agustín Terán")
    assert decode("Terán".encode()) == "Terán"


# --------------------------------------------------------------------------- 5: symlinks


def test_5_links_out_of_the_given_folder_are_skipped(tmp_path):
    secret = write(tmp_path / "private" / "secret.txt", "The PIN is 4321, the clerk said.\n")
    folder = tmp_path / "articles"
    make_corpus(folder, 1)
    (folder / "leak.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "article-000.txt")
    db = tmp_path / "desk.db"
    result = run_cli("ingest", folder, "--db", db)
    assert f"skipped: {folder / 'leak.txt'}: a link to a file outside the folders" in result.stderr
    assert [r[0] for r in rows(db, "SELECT name FROM documents")] == ["article-000"]
    assert result.exit_code == 0
    allowed = run_cli("ingest", folder, "--db", db, "--follow-symlinks")
    assert allowed.exit_code == 0 and rows(db, "SELECT count(*) FROM documents") == [(2,)]


def test_5_special_files_are_refused(tmp_path):
    with pytest.raises(LoadError, match="not a regular file"):
        load_path("/dev/zero")


# --------------------------------------------------------------------------- 6: exit codes


@pytest.mark.parametrize(
    "args",
    [
        ["conflicts", "--fail-on", "HIGH"],
        ["conflicts", "--fail-on", "severe"],
        ["conflicts", "--min-severity", "loud"],
        ["search", "arrested", "--limit", "99999999999999999999"],
        ["search", "arrested", "--limit", "0"],
    ],
)
def test_6_bad_option_values_exit_2_before_any_work(tmp_path, args):
    db = tmp_path / "desk.db"
    ingest_into(db, str(wire_folder(tmp_path / "wire")))
    result = reconcile(*args, "--db", db)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0"])
def test_6_max_mb_must_be_a_finite_positive_size(tmp_path, value):
    result = reconcile(
        "ingest", wire_folder(tmp_path / "w"), "--db", tmp_path / "d.db", "--max-mb", value
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "d.db").exists()


def test_6_an_unexpected_error_is_one_line_and_exit_2(tmp_path):
    db = tmp_path / "desk.db"
    ingest_into(db, str(wire_folder(tmp_path / "wire")))
    with sqlite3.connect(db) as conn:  # another tool edited the database
        conn.execute("UPDATE claims SET low = 'abc' WHERE kind = 'count'")
    for args in (["conflicts", "--refresh"], ["claims", "-f", "table"]):
        result = reconcile(*args, "--db", db)
        assert result.returncode == 2, (args, result.stderr)
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: ") and "--debug" in line
        debug = reconcile(*args, "--db", db, "--debug")
        assert debug.returncode == 2 and "Traceback" in debug.stderr


# --------------------------------------------------------------------------- 7: limits


def test_7_a_manifest_over_the_size_limit_is_refused(tmp_path):
    folder = tmp_path / "big"
    make_corpus(folder, 1)
    with open(folder / "manifest.yaml", "wb") as handle:
        handle.write(b"documents:\n")
        handle.truncate(30 * 1024 * 1024)
    with pytest.raises(LoadError, match="manifest.yaml beside it is .* over the"):
        load_path(folder / "article-000.txt")


def test_7_check_reads_no_more_standard_input_than_the_limit(tmp_path, sample_db):
    """An endless stream on standard input: refused after the limit, in bounded memory."""
    import resource

    def cap_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    with open("/dev/zero", "rb") as endless:
        result = reconcile(
            "check", "-", "--db", sample_db, stdin=endless, timeout=60, preexec_fn=cap_memory
        )
    assert result.returncode == 2
    assert "input is larger than the 20,971,520-byte limit" in result.stderr


def test_7_an_accept_file_must_be_a_regular_file(tmp_path, sample_db):
    fifo = tmp_path / "accept.yaml"
    os.mkfifo(fifo)
    draft = write(tmp_path / "draft.txt", "Police arrested 12 people on Monday.\n")
    result = reconcile("check", draft, "--db", sample_db, "--accept", fifo, timeout=30)
    assert result.returncode == 2 and "not a regular file" in result.stderr


def test_7_many_accept_entries_are_read_in_linear_time(tmp_path):
    from reconcile.check import load_accepts

    def seconds(count: int) -> float:
        path = write(
            tmp_path / f"accept-{count}.yaml",
            "accept:\n"
            + "".join(
                f"  - words: entry number {n} words\n    reason: why {n}\n" for n in range(count)
            ),
        )
        best = float("inf")
        for _ in range(2):  # the better of two: a busy machine slows one run, not both
            started = time.process_time()
            entries = load_accepts(str(path))
            best = min(best, time.process_time() - started)
        assert entries[-1].line == 2 * count
        return best

    small, large = seconds(2_000), seconds(20_000)
    # Ten times the entries: linear reading costs about ten times as much, quadratic a hundred.
    assert large / max(small, 1e-3) < 40


# --------------------------------------------------------------------------- 8: HTML depth


@pytest.mark.parametrize(
    "markup",
    [
        "<rb>" * 20_000,
        "<optgroup>" * 20_000,
        "<svg>" + "<div/>" * 20_000,
        "<ul><li>" * 10_000,
        "<b>" * 20_000,
        "<table><tr><td>" * 5_000,
    ],
    ids=["rb", "optgroup", "svg-div", "li", "b", "table"],
)
def test_8_deep_markup_of_any_element_is_refused_quickly(tmp_path, markup):
    path = write(tmp_path / "deep.html", f"<html><body><p>Police said 3 died.</p>{markup}")
    started = time.process_time()
    with pytest.raises(LoadError, match="nested more than"):
        load_path(path)
    assert time.process_time() - started < 2


# --------------------------------------------------------------------------- 9: deep folders


def test_9_a_deep_folder_tree_is_walked_without_recursion(tmp_path):
    folder = here = tmp_path / "deep"
    folder.mkdir()
    levels = [folder]
    for _ in range(1_500):  # one level at a time: os.makedirs itself recurses
        here = here / "d"
        here.mkdir()
        levels.append(here)
    try:
        write(here / "bottom.txt", article(1))
        write(folder / "top.txt", article(2))
        found = [Path(p).name for p in iter_paths([str(folder)])]
        assert found == ["top.txt", "bottom.txt"]
        summary = ingest_into(tmp_path / "desk.db", folder)
        assert (summary.added, summary.failed) == (2, 0)
    finally:  # bottom up: shutil.rmtree recurses too
        for level in reversed(levels):
            for file in level.glob("*.txt"):
                file.unlink()
            level.rmdir()


# --------------------------------------------------------------------------- 10: read-only WAL


def test_10_a_read_only_reader_sees_every_committed_document(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "desk.db"
    make_corpus(tmp_path / "in", 6)
    database = store.connect(db)
    ingest(database, [str(tmp_path / "in")], jobs=1)
    database.conn.execute("PRAGMA wal_autocheckpoint = 0")
    make_corpus(tmp_path / "more", 5, first=10)
    ingest(database, [str(tmp_path / "more")], jobs=1)  # committed, only in the WAL
    keep = tmp_path / "copy"
    keep.mkdir()
    for suffix in ("", "-wal"):  # as a backup or a download would have it: no -shm
        shutil.copy(f"{db}{suffix}", keep / f"desk.db{suffix}")
    database.conn.close()
    assert (keep / "desk.db-wal").stat().st_size > 0
    prefix = unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without user namespaces: permissions cannot be enforced")
    keep.chmod(0o555)
    try:
        result = reconcile("sources", "--db", keep / "desk.db", "-f", "json", prefix=prefix)
    finally:
        keep.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 11
    assert sorted(p.name for p in keep.iterdir()) == ["desk.db", "desk.db-wal"]  # untouched


# --------------------------------------------------------------------------- 11: first error


def test_11_the_first_error_of_a_transaction_is_the_one_reported(tmp_path):
    db = store.connect(tmp_path / "desk.db")
    with (
        pytest.raises(sqlite3.OperationalError, match="database or disk is full"),
        store.Transaction(db) as conn,
    ):
        conn.execute("ROLLBACK")  # as SQLite does by itself on a full disk
        raise sqlite3.OperationalError("database or disk is full")


def test_11_dev_null_as_the_database_is_a_clear_error(tmp_path):
    make_corpus(tmp_path / "in", 1)
    result = reconcile("ingest", tmp_path / "in", "--db", "/dev/null")
    assert result.returncode == 2
    assert "no transaction" not in result.stderr and "/dev/null" in result.stderr


# --------------------------------------------------------------------------- 12: control chars


def test_12_control_characters_in_paths_never_reach_outputs(tmp_path):
    db = tmp_path / "desk.db"
    ingest_into(db, wire_folder(tmp_path / "wire"))
    name = "bad\n::error file=x::owned\x1b[2J.txt"
    draft = write(
        tmp_path / "odd" / name,
        "Police arrested 45 people in Quito on Monday. Agustín Terán, 60, a judge, was held.\n",
    )
    assert run_cli("ingest", draft.parent, "--db", tmp_path / "other.db").exit_code == 0
    listing = run_cli("sources", "--db", tmp_path / "other.db", "-f", "csv")
    assert "\x1b" not in listing.stdout and "\\x1b[2J" in listing.stdout
    for fmt in ("github", "text"):
        checked = run_cli("check", draft, "--db", db, "-f", fmt, "--story", "label:raids")
        assert checked.exit_code == 1, checked.stderr  # findings: the path was printed
        output = checked.stdout + checked.stderr
        assert "\x1b" not in output, fmt
        assert not any(line.startswith("::error file=x") for line in output.splitlines()), fmt


# --------------------------------------------------------------------------- 13: smaller


def test_13_like_wildcards_in_filters_match_themselves(tmp_path):
    db = tmp_path / "desk.db"
    ingest_into(db, str(wire_folder(tmp_path / "wire")))
    assert json.loads(run_cli("claims", "--db", db, "-s", "%", "-f", "json").stdout)["claims"] == []
    assert json.loads(run_cli("people", "--db", db, "-n", "_", "-f", "json").stdout)["people"] == []


def test_13_check_on_a_folder_says_it_is_a_folder(tmp_path, sample_db):
    make_corpus(tmp_path / "drafts", 2)
    result = run_cli("check", tmp_path / "drafts", "--db", sample_db)
    assert result.exit_code == 2
    assert "is a folder" in result.stderr and "no .txt" not in result.stderr


def test_13_a_huge_number_in_jsonl_is_named(tmp_path):
    path = write(tmp_path / "n.jsonl", '{"text": "Police said.", "count": ' + "9" * 5000 + "}\n")
    with pytest.raises(LoadError, match="line 1 .*digits"):
        load_path(path)


@pytest.mark.parametrize("name", [":memory:", "file:desk.db?mode=memory", ""])
def test_13_a_database_that_would_not_be_saved_is_refused(tmp_path, name):
    make_corpus(tmp_path / "in", 1)
    result = reconcile("ingest", tmp_path / "in", "--db", name, cwd=tmp_path)
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == [tmp_path / "in"]


# --------------------------------------------------------------------------- CPU per megabyte

ELEMENTS = (  # noqa: SIM905
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas"
    " caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt"
    " em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head"
    " header hgroup hr html i iframe image img input ins kbd keygen label legend li link listing"
    " main map mark marquee math menu meta meter nav nobr noembed noframes noscript object ol"
    " optgroup option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp"
    " script search section select slot small source span strike strong style sub summary sup"
    " svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video"
    " wbr xmp x-custom"
).split()
MARKUP_CONTEXTS = ("open", "closed", "svg", "table", "select", "ruby")


def cpu_per_megabyte(path: Path) -> float:
    """CPU seconds per megabyte to load and analyse a file (refusing it counts as reading it)."""
    from reconcile.ingest import analyse

    started = time.process_time()
    try:
        for document in load_path(path):
            analyse(document)
    except LoadError:
        pass
    return (time.process_time() - started) / (path.stat().st_size / 1e6)


def markup(element: str, context: str, size: int) -> str:
    """`element` nested as deep as `size` allows: unclosed, closed, self-closing in SVG, or
    inside a table, a select or a ruby."""
    head = "<html><body><p>Police said 3 people died.</p>"
    if context == "closed":
        count = size // (2 * len(element) + 5)
        return head + f"<{element}>" * count + f"</{element}>" * count
    unit = f"<{element}/>" if context == "svg" else f"<{element}>"
    opening = {"svg": "<svg>", "table": "<table>", "select": "<select>", "ruby": "<ruby>"}
    return head + opening.get(context, "") + unit * (size // len(unit))


def test_hostile_input_costs_about_what_plain_text_costs_per_megabyte(tmp_path):
    """Run-on text, long number runs and deep markup of every element kind, each against plain
    prose measured in the same test: CPU per megabyte as a ratio, not a time. Quadratic work
    shows as a ratio that grows with the size (1 MB of <optgroup> cost 5 times a plain
    megabyte, of <svg><div/> 22 times, of <rb> over 75 times)."""
    size = 100_000
    prose = ""
    while len(prose) < size:
        prose += article(len(prose)) + "\n"
    plain = cpu_per_megabyte(write(tmp_path / "plain.txt", prose))
    text_classes = {
        "run-on": prose.replace(".", " ").replace("\n", " "),
        "digits": "Police said " + "7" * size,
        "grouped": "Police said 1" + ",000" * (size // 4),
        "number runs": "12 34 5,600 7.8 " * (size // 16),
        "initials": "Police said " + "A. B. C. " * (size // 9),
    }
    ratios = {
        name: cpu_per_megabyte(write(tmp_path / f"{name}.txt", text)) / plain
        for name, text in text_classes.items()
    }
    assert max(ratios.values()) < 15, ratios  # numbers are where extraction works hardest
    worst = (0.0, "")
    for context in MARKUP_CONTEXTS:
        for element in ELEMENTS:
            path = write(tmp_path / "page.html", markup(element, context, size))
            worst = max(worst, (cpu_per_megabyte(path) / plain, f"{context} <{element}>"))
    assert worst[0] < 1, worst  # 0.35 at most; before, 2.1 for <rb> at this size
