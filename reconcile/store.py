"""The SQLite store: documents, sentences (with FTS5), claims, entities, conflicts, decisions.

Plain tables anyone can read with sqlite-utils or Datasette. The schema version lives in
PRAGMA user_version and grows one migration function at a time. Each document is written in
one `BEGIN IMMEDIATE` transaction, so concurrent writers queue instead of failing and a killed
process leaves either the whole document or none of it.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import quote

from .models import DECISIONS, Claim, Document, Sentence

if TYPE_CHECKING:  # imported where a command writes: `check` only reads, and starts faster
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000


class StoreError(Exception):
    """The database cannot be used as asked; the message says why in one line."""


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = []


def migration(function: Callable[[sqlite_utils.Database], None]):
    """Register a schema step; its position in the list is the version it brings."""
    MIGRATIONS.append(function)
    return function


@migration
def create_tables(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,          -- sha256 of the stored text
            name TEXT NOT NULL,           -- file stem
            path TEXT NOT NULL,
            title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT,
            language TEXT, story TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_path ON documents(path);
        CREATE INDEX documents_name ON documents(name);
        CREATE INDEX documents_story ON documents(story);
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            role TEXT NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (document_id, idx)
        );
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            attribute TEXT NOT NULL DEFAULT '',
            value TEXT NOT NULL,
            low REAL, high REAL, unit TEXT,
            qualifier TEXT NOT NULL DEFAULT 'exact',
            date TEXT, weekday TEXT, hedge TEXT, attribution TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            extra TEXT NOT NULL DEFAULT '{}',
            FOREIGN KEY (document_id, sentence) REFERENCES sentences(document_id, idx) ON DELETE CASCADE
        );
        CREATE INDEX claims_document ON claims(document_id);
        CREATE INDEX claims_kind_attribute ON claims(kind, attribute);
        CREATE INDEX claims_subject ON claims(subject);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            story TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'person',
            names TEXT NOT NULL DEFAULT '[]'   -- every spelling seen, JSON
        );
        CREATE INDEX entities_story ON entities(story);
        CREATE TABLE mentions (
            claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE stories (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            story TEXT NOT NULL
        );
        CREATE INDEX stories_story ON stories(story);
        CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            story TEXT NOT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            attribute TEXT NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            rule TEXT NOT NULL,
            explanation TEXT NOT NULL,
            data TEXT NOT NULL               -- the whole conflict as JSON
        );
        CREATE INDEX conflicts_severity ON conflicts(severity);
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            conflict_id TEXT NOT NULL,       -- stable across runs, so no foreign key
            decision TEXT NOT NULL,          -- confirmed, dismissed, corrected, ...
            note TEXT,
            reviewer TEXT,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX decisions_conflict ON decisions(conflict_id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('content_version', '0'), ('reconciled_version', '-1');
        """
    )
    db["sentences"].enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


@migration
def index_sentences_in_the_writer(db: sqlite_utils.Database) -> None:
    """The writer adds a document's sentences to the full-text index itself, in the same
    transaction, with one statement: the per-row trigger cost three times as much."""
    db.execute("DROP TRIGGER IF EXISTS sentences_ai")


@migration
def name_stories_as_labelled(db: sqlite_utils.Database) -> None:
    """Stories are stored under the name given at ingest ('harbour', no longer
    'label:harbour'): results computed before are recomputed on the next read."""
    db.execute("UPDATE meta SET value = '-1' WHERE key = 'reconciled_version'")


@migration
def link_decisions_to_conflicts(db: sqlite_utils.Database) -> None:
    """Decisions point at their conflict by a foreign key, and the views a desk browses in
    Datasette answer from SQL alone.

    A conflict a reviewer decided on is kept when a later run no longer finds it
    (`retired_at` says since when), so the key always holds. Decisions whose conflict an
    earlier version already dropped get a retired stand-in row. Stored conflicts wrote
    unbounded values as `Infinity`, which SQLite's JSON functions refuse; they are rewritten
    with the bound the claims table uses (1e308)."""
    conn = db.conn
    conn.execute("ALTER TABLE conflicts ADD COLUMN retired_at TEXT")
    rewritten = []
    for conflict_id, data in conn.execute("SELECT id, data FROM conflicts").fetchall():
        raw = json.loads(data)
        for value in raw.get("values", []):
            value["low"], value["high"] = finite(value.get("low")), finite(value.get("high"))
        rewritten.append((json.dumps(raw, ensure_ascii=False), conflict_id))
    conn.executemany("UPDATE conflicts SET data = ? WHERE id = ?", rewritten)
    conn.execute(
        "INSERT INTO conflicts (id, story, kind, subject, attribute, severity, status, rule,"
        " explanation, data, retired_at)"
        " SELECT DISTINCT conflict_id, '', '', '', '', '', '', '',"
        " 'no longer found; decided before decisions were linked to conflicts', '{}', ?"
        " FROM decisions WHERE conflict_id NOT IN (SELECT id FROM conflicts)",
        (now(),),
    )
    db.executescript(
        """
        CREATE TABLE decisions_linked (
            id INTEGER PRIMARY KEY,
            conflict_id TEXT NOT NULL REFERENCES conflicts(id),
            decision TEXT NOT NULL,          -- confirmed, dismissed, corrected, needs-work
            note TEXT,
            reviewer TEXT,
            decided_at TEXT NOT NULL
        );
        INSERT INTO decisions_linked (id, conflict_id, decision, note, reviewer, decided_at)
            SELECT id, conflict_id, decision, note, reviewer, decided_at FROM decisions;
        DROP TABLE decisions;
        ALTER TABLE decisions_linked RENAME TO decisions;
        CREATE INDEX decisions_conflict ON decisions(conflict_id);

        -- One row per value and source of every conflict the last run found.
        CREATE VIEW conflict_values AS
        SELECT c.id AS conflict_id, c.story, c.severity, c.kind, c.subject, c.attribute,
               c.status,
               json_extract(v.value, '$.value') AS value,
               CASE WHEN abs(json_extract(v.value, '$.low')) < 1e308
                    THEN json_extract(v.value, '$.low') END AS low,
               CASE WHEN abs(json_extract(v.value, '$.high')) < 1e308
                    THEN json_extract(v.value, '$.high') END AS high,
               json_extract(v.value, '$.qualifier') AS qualifier,
               json_extract(v.value, '$.tally') AS tally,
               json_extract(s.value, '$.document') AS document,
               json_extract(s.value, '$.outlet') AS outlet,
               json_extract(s.value, '$.published') AS published,
               json_extract(s.value, '$.words') AS words,
               json_extract(s.value, '$.quote') AS quote,
               json_extract(s.value, '$.start') AS start,
               json_extract(s.value, '$.end') AS "end"
        FROM conflicts c
        JOIN json_each(c.data, '$.values') v
        LEFT JOIN json_each(v.value, '$.sources') s
        WHERE c.retired_at IS NULL;

        -- Every claim with its document's outlet, date, link and story, and its sentence.
        CREATE VIEW claims_with_sources AS
        SELECT c.id, d.name AS document, d.outlet, d.published, d.url, d.language,
               coalesce(d.story, st.story) AS story,
               c.kind, c.subject, c.attribute, c.value,
               CASE WHEN abs(c.low) < 1e308 THEN c.low END AS low,
               CASE WHEN abs(c.high) < 1e308 THEN c.high END AS high,
               c.unit, c.qualifier, c.date, c.weekday, c.hedge, c.attribution,
               c.quote AS words, s.text AS sentence, c.start, c."end", c.document_id
        FROM claims c
        JOIN documents d ON d.id = c.document_id
        LEFT JOIN sentences s ON s.document_id = c.document_id AND s.idx = c.sentence
        LEFT JOIN stories st ON st.document_id = c.document_id;

        -- What is still to review: conflicts the last run found that no one has decided on.
        CREATE VIEW open_conflicts AS
        SELECT c.id, c.story, c.severity, c.kind, c.subject, c.attribute, c.status,
               c.explanation
        FROM conflicts c
        WHERE c.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.conflict_id = c.id)
        ORDER BY CASE c.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                 c.story, c.kind, c.subject, c.attribute;
        """
    )


@migration
def documents_know_their_copies(db: sqlite_utils.Database) -> None:
    """A document is one outlet's publication of a text, known by its file's resolved path.
    Each gains `sha256`, its text's hash, which copies of one text share (the ids so far were
    that hash). Relative paths are resolved against the folder the upgrading command runs in,
    where the file is still found there, so that the next ingest of it replaces the version
    stored rather than adding a second; the others stay as written."""
    import os

    if "sha256" not in db["documents"].columns_dict:  # a step that may meet a partial upgrade
        db.execute("ALTER TABLE documents ADD COLUMN sha256 TEXT")
    db.execute("UPDATE documents SET sha256 = id WHERE sha256 IS NULL")
    db.execute("CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256)")
    for document_id, path in list(db.execute("SELECT id, path FROM documents")):
        line = re.fullmatch(r"(.+\.(?:jsonl|ndjson))(#\d+)", path, re.I)  # one line of a file
        file, suffix = (line.group(1), line.group(2)) if line else (path, "")
        if file == "-" or os.path.isabs(file) or not os.path.isfile(file):
            continue
        resolved = os.path.realpath(file) + suffix
        db.execute("UPDATE documents SET path = ? WHERE id = ?", [resolved, document_id])


@migration
def documents_say_where_their_date_came_from(db: sqlite_utils.Database) -> None:
    """`published_from`: where a document's date was read, "metadata" (the manifest, front
    matter, fields or command line), or its page's "url", "stamp" or "dateline"; none on the
    rows stored before, whose dates were all metadata or a stamp."""
    if "published_from" not in db["documents"].columns_dict:
        db.execute("ALTER TABLE documents ADD COLUMN published_from TEXT")


SCHEMA_VERSION = len(MIGRATIONS)


def is_sqlite_file(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(16) == SQLITE_MAGIC


def open_connection(path: Path, mode: str | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) with the busy timeout set.
    `mode` ("mode=ro", ...) opens the file by URI, its path quoted: a '?' or '#' in a file name
    must not be read as the start of URI parameters."""
    if mode is None:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        conn = sqlite3.connect(
            f"file:{quote(str(path.absolute()))}?{mode}",
            uri=True,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def read_aside(path: Path) -> sqlite3.Connection:
    """A read-only connection to a copy of the database with its WAL's committed data folded
    in, for a database whose folder cannot be written (so its WAL cannot be read in place):
    never a silent view of only the part already in the main file. The copy is removed once
    opened; the connection holds it until it closes."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="reconcile-read-"))
    copy = folder / "copy.db"
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-wal", f"{copy}-wal")
        with contextlib.closing(sqlite3.connect(copy)) as writable:
            writable.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            writable.execute("PRAGMA journal_mode = DELETE")
        conn = open_connection(copy, "mode=ro&immutable=1")
        conn.execute("PRAGMA user_version").fetchone()
    except (OSError, sqlite3.Error) as error:
        raise StoreError(
            f"{path}: committed data is in {path.name}-wal, which cannot be read in a folder"
            f" that cannot be written, and copying it aside failed ({error})"
        ) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return conn


def cannot_write(error: sqlite3.Error) -> bool:
    return "readonly" in str(error) or "unable to open" in str(error)


def connect(path: str | Path, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and if need be create and migrate) a reconcile database.

    A read command passes `create=False`: a mistyped path is an error, not a new empty file.
    """
    import sqlite_utils

    return sqlite_utils.Database(open_store(path, create, readonly))


class Reader:
    """A reconcile database read through `sqlite3` alone, with the two reading methods of
    sqlite-utils' `Database` (`execute`, and `query` giving each row as a dict), so that a
    command that only reads need not import sqlite-utils. `writer()` gives the sqlite-utils
    database on the same connection when the command has something to write after all."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._writer: sqlite_utils.Database | None = None

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, parameters=None):
        cursor = self.execute(sql, parameters)
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def writer(self) -> sqlite_utils.Database:
        if self._writer is None:
            import sqlite_utils

            self._writer = sqlite_utils.Database(self.conn)
        return self._writer


def writable(db) -> sqlite_utils.Database:
    """The sqlite-utils database of `db`, a `Reader` or already one."""
    return db.writer() if isinstance(db, Reader) else db


def read_store(path: str | Path) -> Reader:
    """`connect(path, create=False)` for a command that reads (and seldom writes)."""
    return Reader(open_store(path, create=False))


def open_store(path: str | Path, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """The checks and migrations of `connect`, giving the plain connection."""
    if str(path) == ":memory:" or str(path).startswith("file:"):
        raise StoreError(
            f"{path}: not a database file (a database in memory or named by URI is not saved)"
        )
    path = Path(path)
    if path.exists():
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file")
        if not path.is_file():
            raise StoreError(f"{path}: not a regular file, so not a database")
        if path.stat().st_size and not is_sqlite_file(path):
            raise StoreError(f"{path}: not a SQLite database")
    elif not create:
        raise StoreError(f"{path}: no such database (run 'reconcile ingest' first, or pass --db)")
    try:
        conn = open_connection(path, "mode=ro" if readonly else None)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError as error:
            if not cannot_write(error):
                raise
            # A WAL database in a folder this process cannot write: SQLite cannot make the
            # shared-memory file readers need. Read the file as it stands, strictly read-only;
            # when the WAL holds committed data, read a copy with that data folded in.
            conn.close()
            wal = Path(f"{path}-wal")
            if wal.exists() and wal.stat().st_size:
                conn = read_aside(path)
            else:
                conn = open_connection(path, "mode=ro&immutable=1")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            readonly = True
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: cannot open database ({error})") from None
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: made by a newer reconcile (schema {version}, this one knows {SCHEMA_VERSION}); upgrade reconcile"
        )
    tables = "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
    if version == 0 and not create and conn.execute(tables).fetchone() is None:
        raise StoreError(f"{path}: not a reconcile database")
    if version < SCHEMA_VERSION:
        if readonly:
            raise StoreError(f"{path}: schema {version} needs migrating; open it once for writing")
        migrate(Reader(conn).writer())
    if not readonly:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError:
            pass  # a read-only file: reads still work
    return conn


def migrate(db: sqlite_utils.Database) -> None:
    """Apply the missing migrations, each once, under the write lock."""
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise StoreError(f"cannot write the database ({error})") from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0 and db.table_names() and "documents" not in db.table_names():
            raise StoreError("the file holds tables that are not reconcile's; refusing to touch it")
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            step(db)
            conn.execute(f"PRAGMA user_version = {number}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: sqlite3.Connection) -> None:
    """Undo a failed transaction, if SQLite has not already (it does by itself on a full disk
    or an I/O error): the error that broke the transaction is the one to report, never a
    "cannot rollback" that follows it."""
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


class Transaction:
    """`BEGIN IMMEDIATE` ... `COMMIT`: the write lock is taken up front, so two writers queue
    behind the busy timeout rather than failing halfway with "database is locked"."""

    def __init__(self, db: sqlite_utils.Database):
        self.conn = db.conn

    def __enter__(self):
        for attempt in range(20):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return self.conn
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    raise StoreError(f"cannot write the database ({error})") from None
                time.sleep(0.05 * (attempt + 1))
        raise StoreError("the database stayed locked by another writer; try again")

    def __exit__(self, kind, value, traceback):
        if kind is None:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                rollback(self.conn)
                raise
        else:
            rollback(self.conn)
        return False


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def finite(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else (1e308 if value > 0 else -1e308)


def unbounded(value: float | None) -> float | None:
    if value is None:
        return None
    return math.inf if value >= 1e308 else -math.inf if value <= -1e308 else value


def write_document(
    db: sqlite_utils.Database, document: Document, sentences: list[Sentence], claims: list[Claim]
) -> str:
    """Store a document with its sentences and claims, in one transaction.

    Returns "added", "unchanged" (same content already stored) or "replaced" (a changed file at
    a path already stored: the old version and its claims go)."""
    return write_documents(db, [(document, sentences, claims)])[0]


def write_documents(
    db: sqlite_utils.Database,
    prepared: Iterable[tuple[Document, list[Sentence], list[Claim]] | DocumentRows],
) -> list[str]:
    """Store several documents in one transaction (what a bulk ingest does: one commit per
    batch, not per document). A document is never split: a killed writer leaves the batch
    whole or absent. Each item is a document with its sentences and claims, as records or as
    the rows `document_rows` makes of them. Returns each document's status, as
    `write_document`. The batch's sentences enter the full-text index with one statement."""
    with Transaction(db) as conn:
        added: list[str] = []
        statuses = [write_one(conn, *item, indexed=added) for item in prepared]
        index_sentences(conn, added)
        return statuses


def index_sentences(conn: sqlite3.Connection, document_ids: list[str]) -> None:
    """Add the sentences of documents just written to the full-text index."""
    for at in range(0, len(document_ids), 500):  # within SQLite's limit on parameters
        chunk = document_ids[at : at + 500]
        marks = ",".join("?" for _ in chunk)
        conn.execute(
            "INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences"  # noqa: S608
            f" WHERE document_id IN ({marks})",
            chunk,
        )
    document_ids.clear()


class DocumentRows(NamedTuple):
    """A document as the writer stores it: the document, then its sentences and claims as the
    plain tuples of their table rows (what worker processes send the writer: a fraction of
    the records' pickled size and unpickling time). A sentence row's text is None where it is
    the document's text between its offsets, as the writer can slice it from there."""

    document: Document
    sentences: list[tuple]
    claims: list[tuple]


def document_rows(
    document: Document, sentences: list[Sentence] | list[tuple], claims: list[Claim] | list[tuple]
) -> DocumentRows:
    """A document's sentences and claims as rows (rows given are kept as they are)."""
    return DocumentRows(document, sentence_rows(document, sentences), claim_rows(claims))


def sentence_rows(document: Document, sentences: list[Sentence] | list[tuple]) -> list[tuple]:
    text = document.text
    return [
        s
        if isinstance(s, tuple)
        else (s.index, s.start, s.end, s.role, None if text[s.start : s.end] == s.text else s.text)
        for s in sentences
    ]


def claim_rows(claims: list[Claim] | list[tuple]) -> list[tuple]:
    return [
        c
        if isinstance(c, tuple)
        else (
            c.sentence,
            c.kind,
            c.subject,
            c.attribute,
            c.value,
            finite(c.low),
            finite(c.high),
            c.unit,
            c.qualifier,
            c.date,
            c.weekday,
            c.hedge,
            c.attribution,
            c.start,
            c.end,
            c.quote,
            json.dumps(c.extra, ensure_ascii=False) if c.extra else "{}",
        )
        for c in claims
    ]


def write_one(
    conn: sqlite3.Connection,
    document: Document,
    sentences: list[Sentence] | list[tuple],
    claims: list[Claim] | list[tuple],
    indexed: list[str] | None = None,
) -> str:
    """One document. The same outlet's same text is already stored ("unchanged"), whatever
    path it was read from; what was stored at this file's path before, if it is another text or
    another outlet's, is this file's old version and goes ("replaced"). Another outlet's copy
    of the text is another document, never touched. Its sentences enter the full-text index
    here, or, when `indexed` is given, the caller indexes the documents added to that list."""
    sha256 = document.sha256
    same = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM documents WHERE sha256 = ? AND outlet IS ?", (sha256, document.outlet)
        )
    ]
    old = [
        row[0]
        for row in conn.execute("SELECT id FROM documents WHERE path = ?", (document.path,))
        if row[0] not in same
    ]
    if indexed and set(old) & set(indexed):
        index_sentences(conn, indexed)  # the index must hold what a deletion takes out of it
    for old_id in old:
        conn.execute("DELETE FROM documents WHERE id = ?", (old_id,))
    if same:
        if old:
            conn.execute(
                "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'"
            )
        return "replaced" if old else "unchanged"
    conn.execute(
        "INSERT INTO documents (id, name, path, title, outlet, author, published, url, language,"
        " story, text, ingested_at, sha256, published_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            document.id,
            document.name,
            document.path,
            document.title,
            document.outlet,
            document.author,
            document.published,
            document.url,
            document.language,
            document.story,
            document.text,
            now(),
            sha256,
            document.published_from,
        ),
    )
    text, doc_id = document.text, document.id
    conn.executemany(
        'INSERT INTO sentences (document_id, idx, start, "end", role, text) VALUES (?,?,?,?,?,?)',
        [
            (doc_id, index, start, end, role, text[start:end] if own is None else own)
            for index, start, end, role, own in sentence_rows(document, sentences)
        ],
    )
    if indexed is None:
        index_sentences(conn, [doc_id])
    else:
        indexed.append(doc_id)
    conn.executemany(
        "INSERT INTO claims (document_id, sentence, kind, subject, attribute, value, low, high,"
        ' unit, qualifier, date, weekday, hedge, attribution, start, "end", quote, extra)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(doc_id, *row) for row in claim_rows(claims)],
    )
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'")
    return "replaced" if old else "added"


def attach_sentences(
    sentences: sqlite_utils.Database | Reader | Mapping[tuple[str, int], str], claims: list[dict]
) -> None:
    """Give each claim its sentence text (the quote a reader wants to see), from the
    database or from a mapping (document id, sentence index) -> text. It lives here, not
    with the pipeline that uses it most, so that `check` need not import the pipeline."""
    texts = sentences if isinstance(sentences, Mapping) else stored_sentences(sentences, claims)
    for claim in claims:
        claim["sentence_text"] = texts.get((claim["document_id"], claim["sentence"]))


def stored_sentences(
    db: sqlite_utils.Database | Reader, claims: list[dict]
) -> dict[tuple[str, int], str]:
    wanted = defaultdict(set)
    for claim in claims:
        wanted[claim["document_id"]].add(claim["sentence"])
    texts = {}
    for document_id, indexes in wanted.items():  # by the (document_id, idx) index
        marks = ",".join("?" for _ in indexes)
        for index, text in db.execute(
            f"SELECT idx, text FROM sentences WHERE document_id = ? AND idx IN ({marks})",  # noqa: S608
            [document_id, *indexes],
        ):
            texts[(document_id, index)] = text
    return texts


def meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def documents(db: sqlite_utils.Database, story: str | None = None) -> list[dict]:
    sql = (
        "SELECT d.id, d.name, d.path, d.title, d.outlet, d.author, d.published, d.published_from,"
        " d.url, d.language, coalesce(d.story, s.story) AS story, d.sha256, length(d.text) AS chars,"
        " (SELECT count(*) FROM sentences WHERE document_id = d.id) AS sentences,"
        " (SELECT count(*) FROM claims WHERE document_id = d.id) AS claims, d.ingested_at"
        " FROM documents d LEFT JOIN stories s ON s.document_id = d.id"
    )
    params: list = []
    if story:
        sql += " WHERE coalesce(d.story, s.story) = ?"
        params.append(story)
    return [dict(row) for row in db.query(sql + " ORDER BY d.name", params)]


def story_names(db: sqlite_utils.Database) -> list[str]:
    """Every story's name: the labels given at ingest and, as the last reconcile run made
    them, the automatic stories."""
    return [
        row[0]
        for row in db.execute(
            "SELECT story FROM documents WHERE story IS NOT NULL"
            " UNION SELECT story FROM stories ORDER BY 1"
        )
    ]


CLAIM_COLUMNS = (
    "c.id, d.name AS document, c.sentence, c.kind, c.subject, c.attribute, c.value, c.low, c.high,"
    ' c.unit, c.qualifier, c.date, c.weekday, c.hedge, c.attribution, c.start, c."end", c.quote,'
    " c.extra, d.outlet, d.published, d.language, d.id AS document_id, d.sha256 AS text_sha256"
)


def claims(
    db: sqlite_utils.Database,
    document: str | None = None,
    kind: str | None = None,
    subject: str | None = None,
    attribute: str | None = None,
) -> list[dict]:
    """Claims as rows, filtered by parameters (never by string formatting)."""
    where, params = [], []
    if document:
        where.append("(d.name = ? OR d.id = ? OR d.path = ? OR d.path = ?)")
        params += [document, document, document, str(Path(document).resolve())]
    if kind:
        where.append("c.kind = ?")
        params.append(kind)
    if subject:
        where.append("c.subject LIKE ? ESCAPE '\\'")
        params.append(f"%{like_text(subject)}%")
    if attribute:
        where.append("c.attribute = ?")
        params.append(attribute)
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id"  # noqa: S608 (fixed text)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY d.name, c.start, c.id"
    return [claim_row(row) for row in db.query(sql, params)]


def like_text(text: str) -> str:
    """Text matched as itself inside a LIKE pattern: % and _ are not wildcards there."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def claim_row(row: dict) -> dict:
    row = dict(row)
    row["low"], row["high"] = unbounded(row["low"]), unbounded(row["high"])
    row["extra"] = json.loads(row["extra"] or "{}")
    return row


def claim_order(row: dict) -> tuple:
    return (row["document"], row["start"], row["id"])


def document_fields(document: Document) -> dict:
    """What each claim row `iter_claims` reads carries of its document."""
    return {
        "document": document.name,
        "outlet": document.outlet,
        "published": document.published,
        "language": document.language,
        "document_id": document.id,
        "text_sha256": document.sha256,
    }


def claim_record(document: dict, claim: Claim, claim_id: int) -> dict:
    """The row `iter_claims` reads back for a claim once written under `claim_id`, its
    document given by `document_fields`: for a run that keeps its claims out of the database
    (a distributed run) and must read them exactly as the database would give them (REAL
    columns give floats, unbounded figures come back as infinities, `extra` through JSON)."""

    def real(value):
        return None if value is None else unbounded(float(finite(value)))

    return {
        "id": claim_id,
        "document": document["document"],
        "sentence": claim.sentence,
        "kind": claim.kind,
        "subject": claim.subject,
        "attribute": claim.attribute,
        "value": claim.value,
        "low": real(claim.low),
        "high": real(claim.high),
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "date": claim.date,
        "weekday": claim.weekday,
        "hedge": claim.hedge,
        "attribution": claim.attribution,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "extra": json.loads(json.dumps(claim.extra, ensure_ascii=False)),
        **{key: document[key] for key in ("outlet", "published", "language")},
        "document_id": document["document_id"],
        "text_sha256": document["text_sha256"],
    }


def iter_claims(
    db: sqlite_utils.Database, kinds: Iterable[str], documents: Iterable[str] | None = None
) -> Iterable[dict]:
    """Claims of some kinds (of some documents, by id), in document-name and text order (and
    the order they were read, where two claims start at one place)."""
    kinds = list(kinds)
    marks = ",".join("?" for _ in kinds)
    params = list(kinds)
    sql = f"SELECT {CLAIM_COLUMNS} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.kind IN ({marks})"  # noqa: S608
    if documents is None:
        rows = db.query(sql + " ORDER BY d.name, c.start, c.id", params)
    else:
        documents = list(documents)
        rows = []
        for at in range(0, len(documents), 500):  # within SQLite's limit on parameters
            chunk = documents[at : at + 500]
            more = f" AND c.document_id IN ({','.join('?' for _ in chunk)})"
            rows += db.query(sql + more + " ORDER BY d.name, c.start, c.id", params + chunk)
        if len(documents) > 500:
            rows.sort(key=claim_order)
    for row in rows:
        yield claim_row(row)


def record_decision(
    db: sqlite_utils.Database,
    conflict_id: str,
    decision: str,
    note: str | None,
    reviewer: str | None,
) -> dict:
    """A reviewer's decision on a conflict the last run found. A conflict keeps its id across
    runs (see `pipeline.carry_ids`), so the decision stays attached when the corpus grows."""
    if decision not in DECISIONS:
        raise StoreError(f"decision must be one of {', '.join(DECISIONS)}")
    found = db.execute("SELECT retired_at FROM conflicts WHERE id = ?", [conflict_id]).fetchone()
    if not found:
        raise StoreError(f"no conflict {conflict_id!r} (see 'reconcile conflicts' for ids)")
    if found[0] is not None:
        raise StoreError(f"conflict {conflict_id!r} is no longer found in the sources")
    row = {
        "conflict_id": conflict_id,
        "decision": decision,
        "note": note,
        "reviewer": reviewer,
        "decided_at": now(),
    }
    with Transaction(db) as conn:
        cursor = conn.execute(
            "INSERT INTO decisions (conflict_id, decision, note, reviewer, decided_at) VALUES (?,?,?,?,?)",
            tuple(row.values()),
        )
    return {"id": cursor.lastrowid, **row}


def undo_decision(db: sqlite_utils.Database, target: str) -> dict:
    """Remove one decision: by its number (as 'reconcile decisions' lists it), or the latest
    on a conflict when given the conflict's id. The decision before it, if any, shows again."""
    with Transaction(db) as conn:
        if target.isdigit():
            sql = "SELECT * FROM decisions WHERE id = ?"
        else:
            sql = "SELECT * FROM decisions WHERE conflict_id = ? ORDER BY id DESC LIMIT 1"
        cursor = conn.execute(sql, (int(target) if target.isdigit() else target,))
        found = cursor.fetchone()
        if found is None:
            raise StoreError(f"no decision {target!r} (see 'reconcile decisions')")
        row = dict(zip([c[0] for c in cursor.description], found, strict=True))
        conn.execute("DELETE FROM decisions WHERE id = ?", (row["id"],))
        conn.execute(
            "DELETE FROM conflicts WHERE id = ? AND retired_at IS NOT NULL"
            " AND id NOT IN (SELECT conflict_id FROM decisions)",
            (row["conflict_id"],),
        )  # a conflict kept only for its decision goes with the last one
    return row


def list_decisions(db: sqlite_utils.Database) -> list[dict]:
    """Every decision, newest first, with the conflict it is about. `latest` marks the one a
    report shows; `found` says whether the last run still found the conflict."""
    rows = []
    for row in db.query(
        "SELECT d.id, d.decided_at, d.reviewer, d.decision, d.note, d.conflict_id,"
        " c.story, c.severity, c.kind, c.subject, c.attribute, c.explanation,"
        " c.retired_at IS NULL AS found,"
        " d.id = (SELECT max(id) FROM decisions WHERE conflict_id = d.conflict_id) AS latest"
        " FROM decisions d JOIN conflicts c ON c.id = d.conflict_id ORDER BY d.id DESC"
    ):
        row = dict(row)
        row["found"], row["latest"] = bool(row["found"]), bool(row["latest"])
        rows.append(row)
    return rows


def latest_decisions(db: sqlite_utils.Database) -> dict[str, dict]:
    """Conflict id -> its latest decision."""
    latest: dict[str, dict] = {}
    for row in db.query(
        "SELECT id, conflict_id, decision, note, reviewer, decided_at FROM decisions ORDER BY id"
    ):
        latest[row["conflict_id"]] = {
            k: row[k] for k in ("id", "decision", "note", "reviewer", "decided_at")
        }
    return latest


def entities(
    db: sqlite_utils.Database, story: str | None = None, name: str | None = None
) -> list[dict]:
    """People as the last reconcile run resolved them, with every spelling the sources use and
    how many documents mention each."""
    sql = (
        "SELECT e.id, e.story, e.name, e.names, count(m.claim_id) AS mentions,"
        " count(DISTINCT c.document_id) AS documents"
        " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"
        " LEFT JOIN claims c ON c.id = m.claim_id"
    )
    where, params = [], []
    if story:
        where.append("e.story = ?")
        params.append(story)
    if name:
        where.append("(e.name LIKE ? ESCAPE '\\' OR e.names LIKE ? ESCAPE '\\')")
        params += [f"%{like_text(name)}%", f"%{like_text(name)}%"]
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " GROUP BY e.id ORDER BY e.story, documents DESC, e.name"
    rows = []
    for row in db.query(sql, params):
        row = dict(row)
        row["names"] = json.loads(row["names"] or "[]")
        rows.append(row)
    return rows


def document_links(db: sqlite_utils.Database) -> dict[str, str]:
    """Document name -> its URL, for the documents that have one."""
    return {
        row["name"]: row["url"]
        for row in db.query("SELECT name, url FROM documents WHERE url IS NOT NULL AND url != ''")
    }
