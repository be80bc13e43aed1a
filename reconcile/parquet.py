"""Export to Parquet: the store's tables as files any engine reads (DuckDB, Spark, pandas,
Dask), partitioned by story, so that a job working story by story reads only its own folder.

    export_parquet(db, "archive/")   # archive/claims/story=metastasis/part-0.parquet, ...

Each table is a folder of Hive-style partitions (`story=NAME`, the name URI-encoded); the
`story` column comes back from the folder names when the table is read as a dataset. Values
are as the store holds them, except that unbounded figures are infinities again (the store
writes them as ±1e308 only because SQLite's JSON functions refuse infinities). pyarrow is an
optional dependency (the `dist` extra): it is imported only here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlite_utils

from .store import StoreError, unbounded

#: Rows per record batch: enough to amortise the conversion, few enough to bound memory.
BATCH_ROWS = 20_000

#: Each table's columns and their Arrow types; `story` is the partition column.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "string"),
        ("name", "string"),
        ("path", "string"),
        ("title", "string"),
        ("outlet", "string"),
        ("author", "string"),
        ("published", "string"),
        ("url", "string"),
        ("language", "string"),
        ("label", "string"),  # the story label given at ingest, if any
        ("sha256", "string"),
        ("text", "string"),
        ("ingested_at", "string"),
    ],
    "sentences": [
        ("id", "int64"),
        ("document_id", "string"),
        ("idx", "int64"),
        ("start", "int64"),
        ("end", "int64"),
        ("role", "string"),
        ("text", "string"),
    ],
    "claims": [
        ("id", "int64"),
        ("document_id", "string"),
        ("sentence", "int64"),
        ("kind", "string"),
        ("subject", "string"),
        ("attribute", "string"),
        ("value", "string"),
        ("low", "float64"),
        ("high", "float64"),
        ("unit", "string"),
        ("qualifier", "string"),
        ("date", "string"),
        ("weekday", "string"),
        ("hedge", "string"),
        ("attribution", "string"),
        ("start", "int64"),
        ("end", "int64"),
        ("quote", "string"),
        ("extra", "string"),  # JSON, as in the store
    ],
    "mentions": [("claim_id", "int64"), ("entity_id", "string")],
    "entities": [("id", "string"), ("name", "string"), ("kind", "string"), ("names", "string")],
    "conflicts": [
        ("id", "string"),
        ("kind", "string"),
        ("subject", "string"),
        ("attribute", "string"),
        ("severity", "string"),
        ("status", "string"),
        ("rule", "string"),
        ("explanation", "string"),
        ("data", "string"),  # the whole conflict as JSON, as in the store
        ("retired_at", "string"),
    ],
}
TABLES = (*COLUMNS, "stories")


class ParquetUnavailable(StoreError):
    """pyarrow is not installed: the message says how to install it."""


def require_pyarrow():
    try:
        import pyarrow
        import pyarrow.dataset  # noqa: F401
    except ImportError:
        raise ParquetUnavailable(
            "Parquet needs pyarrow: pip install 'reconcile[dist]' (or pip install pyarrow)"
        ) from None
    return pyarrow


def schema(table: str, partitioned: bool = True):
    pa = require_pyarrow()
    fields = [(name, getattr(pa, kind)()) for name, kind in COLUMNS[table]]
    return pa.schema(fields + ([("story", pa.string())] if partitioned else []))


def export_parquet(db: sqlite_utils.Database, folder: str | Path) -> dict[str, int]:
    """Write documents, sentences, claims, mentions, entities, conflicts (each partitioned by
    story) and stories (document -> story, one file) under `folder`; returns rows per table.

    A table's folder is written aside and renamed into place, so a failed export leaves the
    previous export of that table whole; other files in `folder` are left alone. Stories are
    as the last reconcile run stored them (call `pipeline.current_conflicts` first to bring
    them up to date)."""
    require_pyarrow()
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: is a file, not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    members = documents_by_story(db)
    counts = {}
    for table in COLUMNS:
        counts[table] = write_table(folder, table, table_rows(db, table, members))
    counts["stories"] = write_stories(folder, members)
    return counts


def documents_by_story(db: sqlite_utils.Database) -> dict[str | None, list[str]]:
    """Story name (as every command shows it) -> its documents' ids, in name order."""
    members: dict[str | None, list[str]] = defaultdict(list)
    for document_id, story in db.execute(
        "SELECT d.id, coalesce(d.story, s.story) FROM documents d"
        " LEFT JOIN stories s ON s.document_id = d.id ORDER BY d.name, d.id"
    ):
        members[story].append(document_id)
    return dict(sorted(members.items(), key=lambda item: (item[0] is None, item[0] or "")))


#: Each table's rows for some documents; "(?)" becomes as many placeholders as documents.
BY_DOCUMENT = {
    "documents": "SELECT id, name, path, title, outlet, author, published, url, language,"
    " story AS label, sha256, text, ingested_at FROM documents WHERE id IN (?) ORDER BY name, id",
    "sentences": 'SELECT id, document_id, idx, start, "end", role, text FROM sentences'
    " WHERE document_id IN (?) ORDER BY document_id, idx",
    "claims": "SELECT id, document_id, sentence, kind, subject, attribute, value, low, high, unit,"
    ' qualifier, date, weekday, hedge, attribution, start, "end", quote, extra FROM claims'
    " WHERE document_id IN (?) ORDER BY id",
}


def chunks(items: list, size: int = 500) -> Iterator[list]:
    """Within SQLite's limit on parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def table_rows(
    db: sqlite_utils.Database, table: str, members: dict[str | None, list[str]]
) -> Iterator[dict]:
    """A table's rows, story by story (so each partition is written in one piece)."""
    names = [name for name, _ in COLUMNS[table]]
    if table in ("entities", "mentions", "conflicts"):
        yield from by_story_column(db, table, names)
        return
    for story, documents in members.items():
        for chunk in chunks(documents):
            sql = BY_DOCUMENT[table].replace("(?)", "(" + ",".join("?" for _ in chunk) + ")")
            for row in db.execute(sql, chunk):
                record = dict(zip(names, row, strict=True))
                if table == "claims":
                    record["low"] = unbounded(record["low"])
                    record["high"] = unbounded(record["high"])
                record["story"] = story
                yield record


#: Tables that carry their story's name themselves, in story order.
BY_STORY = {
    "mentions": "SELECT m.claim_id, m.entity_id, e.story FROM mentions m"
    " JOIN entities e ON e.id = m.entity_id ORDER BY e.story, m.claim_id",
    "entities": "SELECT id, name, kind, names, story FROM entities ORDER BY story, id",
    "conflicts": "SELECT id, kind, subject, attribute, severity, status, rule, explanation,"
    " data, retired_at, story FROM conflicts ORDER BY story, id",
}


def by_story_column(db: sqlite_utils.Database, table: str, names: list[str]) -> Iterator[dict]:
    """Entities, mentions and conflicts carry their story's name themselves."""
    for row in db.execute(BY_STORY[table]):
        record = dict(zip([*names, "story"], row, strict=True))
        record["story"] = record["story"] or None  # a stand-in for a decision has no story
        yield record


def partition_name(story: str | None) -> str:
    """A story's folder, as Hive-style readers (pyarrow, DuckDB, Spark) decode it."""
    from urllib.parse import quote

    return "story=" + ("__HIVE_DEFAULT_PARTITION__" if story is None else quote(story, safe=""))


def write_table(folder: Path, table: str, rows: Iterable[dict]) -> int:
    """One table as a partitioned dataset in `folder/table`, replacing any earlier one. Rows
    come story by story, so each partition is one file written in one go."""
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    file_schema = schema(table, partitioned=False)
    names = file_schema.names
    counted = 0
    aside = Path(tempfile.mkdtemp(prefix=f".{table}.", dir=folder))
    try:

        def flush(story: str | None, pending: list[dict], writers: dict) -> None:
            if story not in writers:
                if writers:  # the previous story is done: close its file
                    writers.pop(next(iter(writers))).close()
                part = aside / partition_name(story)
                part.mkdir()
                writers[story] = pq.ParquetWriter(part / "part-0.parquet", file_schema)
            columns = {name: [row[name] for row in pending] for name in names}
            writers[story].write_batch(pa.RecordBatch.from_pydict(columns, schema=file_schema))

        writers: dict = {}
        pending: list[dict] = []
        story: str | None = None
        for row in rows:
            if pending and (len(pending) >= BATCH_ROWS or row["story"] != story):
                flush(story, pending, writers)
                pending = []
            story = row["story"]
            pending.append(row)
            counted += 1
        if pending:
            flush(story, pending, writers)
        for writer in writers.values():
            writer.close()
        replace_folder(aside, folder / table)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    return counted


def write_stories(folder: Path, members: dict[str | None, list[str]]) -> int:
    """document -> story, one small file: the index a job reads to find a document's story."""
    pa = require_pyarrow()
    import pyarrow.parquet as pq

    rows = [(doc, story) for story, docs in members.items() for doc in docs]
    data = pa.table(
        {"document_id": [r[0] for r in rows], "story": [r[1] for r in rows]},
        schema=pa.schema([("document_id", pa.string()), ("story", pa.string())]),
    )
    aside = Path(tempfile.mkdtemp(prefix=".stories.", dir=folder))
    try:
        pq.write_table(data, aside / "part-0.parquet")
        replace_folder(aside, folder / "stories")
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    return len(rows)


def replace_folder(new: Path, target: Path) -> None:
    """Move `new` to `target`, the old `target` (if any) removed only once `new` is whole."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old.{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
