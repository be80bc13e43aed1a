"""Issue 7: whatever a newsroom scraped goes in. A file that cannot be read is named on one
line with the reason; the rest of the batch is ingested; nothing partial is stored; databases
that are not ours, are too new or are read-only are refused or read, clearly."""

from __future__ import annotations

import base64
import os
import random
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from reliability_support import (
    article,
    command,
    environment,
    make_corpus,
    only_whole_documents,
    reconcile,
    snapshot,
    unprivileged_prefix,
)

from reconcile import store
from reconcile.ingest import ingest, prepare
from reconcile.load import DEFAULT_MAX_BYTES, LoadError, load_path
from reconcile.segment import MAX_SENTENCE_CHARS, segment

SOURCES = Path(__file__).resolve().parent.parent / "sources"
SECRETS = (
    "SECRET_SCRIPT",
    "SECRET_STYLE",
    "SECRET_ONLOAD",
    "SECRET_ONCLICK",
    "SECRET_ONERROR",
    "SECRET_HREF",
    "SECRET_COMMENT",
    "SECRET_NOSCRIPT",
    "SECRET_SVG",
    "SECRET_TEMPLATE",
    "SECRET_SRCDOC",
    "SECRET_IFRAME",
    "SECRET_OBJECT",
)
SCRIPTED_PAGE = """<!doctype html><html><head><title>Raids SECRET_TITLE_OK</title>
<script>var x = "SECRET_SCRIPT";</script><style>.a{content:"SECRET_STYLE"}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
<body onload="SECRET_ONLOAD()"><article>
<p onclick="SECRET_ONCLICK()">Police arrested 12 people in Quito on Monday, the prosecutor said.</p>
<img src=x onerror="SECRET_ONERROR()"><a href="javascript:SECRET_HREF()">Read more</a>
<!-- SECRET_COMMENT --><noscript>SECRET_NOSCRIPT</noscript>
<svg><script>SECRET_SVG</script></svg><template>SECRET_TEMPLATE</template>
<iframe srcdoc="<p>SECRET_SRCDOC</p>">SECRET_IFRAME</iframe><object>SECRET_OBJECT</object>
<p>Ana Pérez, 34, a judge, was among those detained.</p>
<SCRIPT type="text/javascript">document.write("<p>SECRET_SCRIPT</p>");</SCRIPT>
<script><!-- SECRET_SCRIPT --></script><style>p::after { content: "</p>SECRET_STYLE" }</style>
</article></body></html>"""

FAILED_LINE = re.compile(r"^failed: (?P<path>.+?): (?P<reason>.+)$")


def failures(stderr: str) -> dict[str, str]:
    """File name -> reason, from the one-line 'failed:' messages of an ingest."""
    out = {}
    for line in stderr.splitlines():
        match = FAILED_LINE.match(line)
        if match:
            out[Path(match.group("path")).name] = match.group("reason")
    return out


def stored_texts(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT name, text FROM documents"))


def offsets_slice_the_text(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM documents"))
        for document_id, start, end, sentence in conn.execute(
            'SELECT document_id, start, "end", text FROM sentences'
        ):
            assert texts[document_id][start:end] == sentence
        for document_id, start, end, quote in conn.execute(
            'SELECT document_id, start, "end", quote FROM claims'
        ):
            assert texts[document_id][start:end] == quote


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One batch: good articles among binary, broken, huge, nested, scripted, looping files.
    Ingested once through the CLI; each test reads what it needs from the outcome."""
    root = tmp_path_factory.mktemp("hostile")
    batch = root / "batch"
    good = make_corpus(batch, 3)
    odd_folder = batch / "carpeta con espacios ñandú"
    odd_folder.mkdir()
    (odd_folder / "résumé de prensa — día 1.txt").write_text(article(50), encoding="utf-8")
    (batch / os.fsdecode(b"caf\xe9 latin-1.txt")).write_text(article(53), encoding="utf-8")
    rng = random.Random(1)
    (batch / "binary.txt").write_bytes(bytes(rng.getrandbits(8) for _ in range(20_000)))
    (batch / "report [draft].txt").write_bytes(b"\x00\x01\x02" * 100)
    (batch / "nul-late.txt").write_bytes(article(51).encode() * 40 + b"\x00 trailing")
    (batch / "legacy.txt").write_bytes(
        "Wilman Terán, 52, was arrested in Quito on Monday.\n".encode("cp1252") + b"\xff\n"
    )
    (batch / "bad-utf16.txt").write_bytes(b"\xff\xfe" + "Police said".encode("utf-16-le") + b"\x00")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "blank.md").write_text("---\ntitle: x\n---\n\n   \n", encoding="utf-8")
    sparse = batch / "sparse.txt"
    with open(sparse, "wb") as handle:
        handle.truncate(1024**3)  # 1 GB that takes no disk space
    blob = base64.b64encode(rng.randbytes(3_800_000)).decode()
    prose = " ".join(article(n).replace("\n", " ") for n in range(60, 70))  # 5 kB, no newline
    (batch / "one-line.txt").write_text(
        f"{prose} ![photo](data:image/png;base64,{blob})\n", encoding="utf-8"
    )
    depth = 100_000
    (batch / "deep.html").write_text(
        "<html><body>" + "<div>" * depth + "Police said 3 people died." + "</div>" * depth,
        encoding="utf-8",
    )
    (batch / "malformed.html").write_text(
        "<html><body><p>Police arrested <b>12 people<p>in Quito <i>on Monday</span></table>"
        "<td>, the prosecutor said.</p><<<>>><!-- never closed",
        encoding="utf-8",
    )
    (batch / "scripted.html").write_text(SCRIPTED_PAGE, encoding="utf-8")
    (batch / "bomb.md").write_text(
        "---\n"
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(
            f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]\n"
            for prev, name in zip("abcdefg", "bcdefgh", strict=True)
        )
        + "title: *h\nauthor: [Ana Pérez, Luis Gómez]\n---\n"
        "Police arrested 12 people in Quito on Monday, the prosecutor said.\n",
        encoding="utf-8",
    )
    loop = batch / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop, target_is_directory=True)
    (loop / "inside.txt").write_text(article(52), encoding="utf-8")
    (batch / "cycle-a.txt").symlink_to(batch / "cycle-b.txt")
    (batch / "cycle-b.txt").symlink_to(batch / "cycle-a.txt")
    (batch / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)  # not a text suffix
    (batch / "empty folder").mkdir()
    db = root / "hostile.db"
    started = time.monotonic()
    result = reconcile("ingest", batch, "--db", db, timeout=300)
    seconds = time.monotonic() - started
    reference_db = root / "reference.db"
    reference = reconcile("ingest", *good, odd_folder, loop / "inside.txt", "--db", reference_db)
    assert reference.returncode == 0, reference.stderr
    return {
        "result": result,
        "failures": failures(result.stderr),
        "db": db,
        "seconds": seconds,
        "good": snapshot(reference_db),
        "batch": batch,
    }


EXPECTED_FAILURES = {
    "binary.txt": "binary file",
    "report [draft].txt": "binary file",
    "nul-late.txt": "NUL",
    "bad-utf16.txt": "UTF-16",
    "empty.txt": "empty file",
    "blank.md": "no text",
    "sparse.txt": "over the 20,971,520-byte limit",
    "deep.html": "nested",
    "cycle-a.txt": "symbolic links",
    "cycle-b.txt": "symbolic links",
}


def test_each_broken_file_is_named_on_one_line_with_its_reason(hostile):
    result = hostile["result"]
    assert result.returncode == 1  # some files failed
    assert "Traceback" not in result.stderr
    found = hostile["failures"]
    for name, reason in EXPECTED_FAILURES.items():
        assert name in found, f"{name} not reported; stderr:\n{result.stderr}"
        assert reason in found[name], f"{name}: {found[name]}"
    assert set(found) == set(EXPECTED_FAILURES), found
    assert f"{len(EXPECTED_FAILURES)} failed" in result.stderr


def test_the_rest_of_the_batch_is_ingested_whole(hostile):
    db = hostile["db"]
    assert only_whole_documents(db, {**hostile["good"], **snapshot(db)}) == []
    stored = snapshot(db)
    for document_id, content in hostile["good"].items():
        assert stored.get(document_id) == content  # good files: exactly as ingested alone
    names = set(stored_texts(db))
    assert {"résumé de prensa — día 1", "inside", "legacy", "one-line"} <= names
    assert "caf\ufffd latin-1" in names  # a file name that is not UTF-8 (it stopped the batch)
    assert {"malformed", "scripted", "bomb"} <= names
    assert len(names) == len(stored) == 3 + 1 + 1 + 6  # the symlink loop read inside.txt once
    offsets_slice_the_text(db)


def test_html_scripts_styles_and_handlers_never_reach_the_stored_text(hostile):
    with sqlite3.connect(hostile["db"]) as conn:
        text, title = conn.execute(
            "SELECT text, title FROM documents WHERE name = 'scripted'"
        ).fetchone()
        claims = [row[0] for row in conn.execute("SELECT quote FROM claims")]
    assert "Police arrested 12 people" in text and "Ana Pérez, 34" in text
    for secret in SECRETS:
        assert secret not in text and secret not in title, secret
        assert not any(secret in quote for quote in claims)
    assert "javascript" not in text


def test_malformed_html_and_legacy_bytes_are_read_not_refused(hostile):
    texts = stored_texts(hostile["db"])
    assert "12 people" in texts["malformed"] and "prosecutor said" in texts["malformed"]
    assert texts["legacy"].startswith("Wilman Terán, 52")  # read as Windows-1252


def test_a_yaml_bomb_in_front_matter_is_not_expanded(hostile):
    with sqlite3.connect(hostile["db"]) as conn:
        title, author = conn.execute(
            "SELECT title, author FROM documents WHERE name = 'bomb'"
        ).fetchone()
    assert title is None  # a nest of lists is not a title
    assert author == "Ana Pérez, Luis Gómez"  # a list of names is


def test_a_5_mb_line_is_ingested_in_bounded_time(hostile):
    """5.2 MB on one line (an inline image, as scraped): its sentence is cut into pieces of
    at most MAX_SENTENCE_CHARS, so reading it is linear (it took over four minutes before)."""
    with sqlite3.connect(hostile["db"]) as conn:
        (document_id,) = conn.execute("SELECT id FROM documents WHERE name = 'one-line'").fetchone()
        longest = conn.execute(
            'SELECT max("end" - start), count(*) FROM sentences WHERE document_id = ?',
            (document_id,),
        ).fetchone()
        kinds = {
            row[0]
            for row in conn.execute("SELECT kind FROM claims WHERE document_id = ?", (document_id,))
        }
    assert longest[0] <= MAX_SENTENCE_CHARS and longest[1] > 5000
    assert {"count", "age", "person"} <= kinds  # the prose before the blob is still read
    assert hostile["seconds"] < 120  # the whole hostile batch


def test_run_on_text_without_full_stops_is_read_in_linear_time():
    """66 kB of numbers and words with no full stop: one 'sentence' the counts rules would
    have read in cubic time (4 kB took 14 s). Cut into pieces, it takes seconds."""
    text = "Police said " + "12 people 3 dead 4,000 injured, " * 2000
    started = time.monotonic()
    from reconcile.ingest import analyse
    from reconcile.load import make_document

    document, sentences, claims = analyse(make_document(text, "runon", "runon", {}, {}, {}))
    assert time.monotonic() - started < 60
    assert max(s.end - s.start for s in sentences) <= MAX_SENTENCE_CHARS
    assert len(claims) > 300
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_abbreviations_in_a_long_paragraph_do_not_make_segmenting_quadratic():
    text = "Police said " + "A. B. C. " * 20_000 + "end."  # 180 kB, one paragraph
    started = time.monotonic()
    sentences = segment(text, "en")
    assert time.monotonic() - started < 10  # it took minutes
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_an_empty_folder_is_named(tmp_path):
    empty = tmp_path / "nothing here"
    empty.mkdir()
    result = reconcile("ingest", empty, "--db", tmp_path / "e.db")
    assert result.returncode == 1
    assert failures(result.stderr) == {"nothing here": failures(result.stderr)["nothing here"]}
    assert "no .txt, .md, .html or .jsonl files" in failures(result.stderr)["nothing here"]


def test_a_folder_of_only_other_files_is_named(tmp_path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"\x89PNG")
    result = reconcile("ingest", folder, "--db", tmp_path / "e.db")
    assert result.returncode == 1 and "pictures: no .txt" in result.stderr


def test_a_broken_manifest_fails_its_folder_only(tmp_path):
    bad = tmp_path / "bad"
    make_corpus(bad, 2)
    (bad / "manifest.yaml").write_text("documents:\n  - file: [unclosed\n", encoding="utf-8")
    fine = make_corpus(tmp_path / "fine", 2, first=10)
    db = tmp_path / "m.db"
    result = reconcile("ingest", bad, tmp_path / "fine", "--db", db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = failures(result.stderr)
    assert set(found) == {"article-000.txt", "article-001.txt"}
    assert all("manifest.yaml" in reason for reason in found.values())
    assert sorted(stored_texts(db)) == sorted(p.stem for p in fine)


def test_an_unexpected_error_in_one_file_does_not_stop_the_batch(tmp_path, monkeypatch):
    """A bug that raises on one document's text is reported as that file's failure."""
    import reconcile.ingest as ingest_module

    real = ingest_module.analyse
    files = make_corpus(tmp_path / "in", 3)

    def fragile(document):
        if document.name == "article-001":
            raise KeyError("some bug")
        return real(document)

    monkeypatch.setattr(ingest_module, "analyse", fragile)
    db = store.connect(tmp_path / "u.db")
    summary = ingest(db, [str(tmp_path / "in")], jobs=1)
    assert (summary.added, summary.failed) == (2, 1)
    ((path, reason),) = summary.errors
    assert path.endswith("article-001.txt") and "KeyError" in reason
    assert len(files) == 3


def test_standard_input_over_the_limit_is_refused_without_reading_it_all(tmp_path):
    """The limit applies while reading: fed 37 MB, the command stops at 20 MB + 1 byte and
    says so, and the feeding process sees the pipe close."""
    process = subprocess.Popen(
        command("ingest", "-", "--db", tmp_path / "s.db"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment(),
    )
    chunk = b"Police arrested 12 people in Quito on Monday. " * 20_000
    cut_off = False
    try:
        for _ in range(40):
            process.stdin.write(chunk)
        process.stdin.close()
    except BrokenPipeError:
        cut_off = True
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err
    assert b"<stdin>: input is larger than the 20,971,520-byte limit" in err
    assert cut_off


def test_load_path_names_the_reason_for_each_kind_of_file(tmp_path):
    """The library raises LoadError (never anything else) for files it cannot read."""
    cases = {
        "dir.txt": None,  # a folder named like a file
        "fifo.txt": None,
    }
    (tmp_path / "dir.txt").mkdir()
    os.mkfifo(tmp_path / "fifo.txt")
    for name in cases:
        with pytest.raises(LoadError):
            load_path(tmp_path / name)
    assert isinstance(prepare(str(tmp_path / "fifo.txt"), {}, DEFAULT_MAX_BYTES), LoadError)


# --------------------------------------------------------------------------- permissions


def test_an_unreadable_file_is_named_and_the_rest_ingested(tmp_path):
    """chmod 000 on one file. Root reads through permission bits, so as root the command runs
    in a user namespace where it cannot (skipped where that is unavailable)."""
    prefix = unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without user namespaces: permissions cannot be enforced")
    files = make_corpus(tmp_path / "in", 3)
    locked = tmp_path / "in" / "locked"
    make_corpus(locked, 1, first=7)
    files[1].chmod(0)
    locked.chmod(0)
    result = reconcile("ingest", tmp_path / "in", "--db", tmp_path / "p.db", prefix=prefix)
    files[1].chmod(0o644)
    locked.chmod(0o755)
    assert result.returncode == 1
    assert failures(result.stderr) == {
        "article-001.txt": "permission denied",
        "locked": "folder cannot be read (permission denied)",
    }
    assert sorted(stored_texts(tmp_path / "p.db")) == ["article-000", "article-002"]


def test_an_unreadable_file_simulated_in_process(tmp_path, monkeypatch):
    """The same without relying on the operating system: reading raises PermissionError."""
    files = make_corpus(tmp_path / "in", 3)
    real = Path.open

    def open_file(self, *args, **kwargs):
        if self.name == "article-001.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_file)
    summary = ingest(store.connect(tmp_path / "p.db"), [str(tmp_path / "in")], jobs=1)
    assert summary.added == 2
    assert [(Path(p).name, r) for p, r in summary.errors] == [
        ("article-001.txt", "permission denied")
    ]
    assert len(files) == 3


# --------------------------------------------------------------------------- databases


@pytest.fixture(scope="module")
def desk_template(tmp_path_factory) -> Path:
    """The sample corpus (it has conflicts) and a few more articles, ingested once."""
    folder = tmp_path_factory.mktemp("desk")
    make_corpus(folder / "in", 2)
    result = reconcile("ingest", SOURCES, folder / "in", "--db", folder / "desk.db")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def small_db(desk_template, tmp_path) -> Path:
    """A copy of the template database of its own, with the articles beside it."""
    shutil.copytree(desk_template / "in", tmp_path / "in")
    for name in ("desk.db", "desk.db-wal"):
        if (desk_template / name).exists():
            shutil.copy(desk_template / name, tmp_path / name)
    return tmp_path / "desk.db"


@pytest.mark.parametrize("args", [["ingest", "IN"], ["conflicts"], ["claims"], ["sources"]])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path, args):
    fake = tmp_path / "notes.db"
    content = b"These are my notes, not a database.\n" * 100
    fake.write_bytes(content)
    make_corpus(tmp_path / "in", 1)
    args = [str(tmp_path / "in") if a == "IN" else a for a in args]
    result = reconcile(*args, "--db", fake)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"error: {fake}: not a SQLite database"]
    assert fake.read_bytes() == content


def test_a_sqlite_file_of_another_program_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    before = other.read_bytes()
    make_corpus(tmp_path / "in", 1)
    result = reconcile("ingest", tmp_path / "in", "--db", other)
    assert result.returncode == 2 and "not reconcile's" in result.stderr
    assert other.read_bytes() == before


def test_a_database_from_a_newer_reconcile_is_refused(small_db):
    with sqlite3.connect(small_db) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    before = snapshot(small_db)
    for args in (["conflicts"], ["claims"], ["ingest", str(small_db.parent / "in")]):
        result = reconcile(*args, "--db", small_db)
        assert result.returncode == 2
        (line,) = result.stderr.strip().splitlines()
        assert "made by a newer reconcile" in line and "upgrade reconcile" in line
    assert snapshot(small_db) == before


def test_a_truncated_database_gives_a_clear_error(small_db):
    data = small_db.read_bytes()
    small_db.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        Path(f"{small_db}{suffix}").unlink(missing_ok=True)
    result = reconcile("claims", "--db", small_db)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_a_read_only_database_is_read_and_refuses_writes_clearly(small_db, folder_too):
    prefix = unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without user namespaces: permissions cannot be enforced")
    reference = reconcile("conflicts", "--db", small_db, "--format", "csv").stdout
    assert reference.count("\n") > 1
    before = snapshot(small_db)
    folder = small_db.parent
    new = folder / "in" / "new.txt"
    new.write_text(article(99), encoding="utf-8")
    small_db.chmod(0o444)
    if folder_too:
        folder.chmod(0o555)
    try:
        for refresh in ([], ["--refresh"]):
            result = reconcile(
                "conflicts", "--db", small_db, "--format", "csv", *refresh, prefix=prefix
            )
            assert result.returncode == 0, result.stderr
            assert result.stdout == reference
        search = reconcile("search", "arrested", "--db", small_db, prefix=prefix)
        assert search.returncode == 0 and "arrested" in search.stdout
        write = reconcile("ingest", new, "--db", small_db, prefix=prefix)
        assert write.returncode == 2
        (line,) = write.stderr.strip().splitlines()
        assert "read-only" in line and str(small_db) in line
    finally:
        folder.chmod(0o755)
        small_db.chmod(0o644)
    assert snapshot(small_db) == before
