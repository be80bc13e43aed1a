"""The ingest job: load -> segment -> extract -> store, for a batch of files.

Worker processes read and extract (the costly part); the calling process is the one writer.
A file that fails is reported and skipped; nothing of it is written.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .extract import extract
from .language import detect_language
from .load import DEFAULT_MAX_BYTES, LoadError, iter_paths, load_path
from .models import Claim, Document, Sentence
from .segment import segment
from .store import DocumentRows, document_rows, write_documents

if TYPE_CHECKING:  # the callers pass the database: `check` analyses a draft without one
    import sqlite_utils

Prepared = tuple[Document, list[Sentence], list[Claim]]


@dataclass
class IngestSummary:
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    sentences: int = 0
    claims: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (path, what was repaired)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why it was not read)
    statuses: list[tuple[str, str]] = field(default_factory=list)  # (document name, status)

    def line(self) -> str:
        return (
            f"{self.added} added, {self.unchanged} unchanged, {self.replaced} replaced, "
            f"{self.failed} failed; {self.sentences} sentences, {self.claims} claims"
        )


def analyse(document: Document) -> Prepared:
    """Segment and extract one loaded document."""
    document.language = detect_language(document.text, document.language)
    sentences = segment(document.text, document.language)
    return document, sentences, extract(document, sentences)


def prepare(
    path: str, overrides: dict, max_bytes: int, stdin: bytes | None = None
) -> list[Prepared] | LoadError:
    """Everything a writer needs for one file, or the reason it cannot be read."""
    try:
        return [analyse(doc) for doc in load_path(path, overrides, max_bytes, stdin)]
    except LoadError as error:
        return error
    except (RecursionError, MemoryError, ValueError, UnicodeError) as error:
        return LoadError(f"cannot be read ({type(error).__name__})")
    except Exception as error:  # a bug on one file's text must not stop the batch
        return LoadError(f"cannot be processed ({type(error).__name__}: {error})")


def _prepare_star(args):
    """(path, what the writer stores of it): rows, not records, since a worker pickles them."""
    result = prepare(*args)
    if isinstance(result, LoadError):
        return args[0], result
    return args[0], [document_rows(*item) for item in result]


def _prepare_many(tasks):
    return [_prepare_star(task) for task in tasks]


BATCH_DOCUMENTS = 64  # documents per transaction: one commit and one index flush per batch


def ingest(
    db: sqlite_utils.Database,
    paths: Iterable[str],
    overrides: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    on_file: Callable[[str], None] | None = None,
    stdin: bytes | None = None,
    follow_symlinks: bool = False,
) -> IngestSummary:
    """Ingest files and folders into `db`; `on_file` is called after each file (progress).

    With `jobs` > 1, worker processes read and extract while this process writes, a batch of
    documents per transaction (each document whole)."""
    overrides = overrides or {}
    summary = IngestSummary()
    # The writer updates four indexes on documents, three on claims and the full-text index:
    # a page cache of 64 MB instead of SQLite's 2 MB keeps their upper pages in memory as the
    # archive grows (5% less writer CPU already at 1,300 articles). Pages are cached as used.
    db.conn.execute("PRAGMA cache_size = -65536")  # in KiB
    files = [str(p) for p in iter_paths(list(paths), follow_symlinks, summary.skipped)]
    tasks = [(f, overrides, max_bytes, stdin if f == "-" else None) for f in files]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    pending: list[tuple[str, list[DocumentRows] | LoadError]] = []

    def flush() -> None:
        record_batch(db, summary, pending)
        if on_file:
            for name, _ in pending:
                on_file(name)
        pending.clear()

    if jobs > 1 and len(tasks) > 8:
        results = parallel_prepare(tasks, jobs)
    else:
        results = map(_prepare_star, tasks)
    for name, result in results:
        pending.append((name, result))
        if sum(len(r) for _, r in pending if not isinstance(r, LoadError)) >= BATCH_DOCUMENTS:
            flush()
    flush()
    return summary


def parallel_prepare(tasks: list, jobs: int):
    """(path, result) for each task, in order, from `jobs` worker processes. Only a few chunks
    are in flight at once, so a slow writer holds back the workers instead of piling up their
    results in memory."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(32, len(tasks) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        in_flight: deque = deque()
        for start in range(0, len(tasks), size):
            in_flight.append(pool.submit(_prepare_many, tasks[start : start + size]))
            if len(in_flight) >= jobs * 4:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()


def record(db: sqlite_utils.Database, summary: IngestSummary, path: str, result) -> None:
    record_batch(db, summary, [(path, result)])


def record_batch(db: sqlite_utils.Database, summary: IngestSummary, results: list) -> None:
    """Write the documents of several files in one transaction and count what happened; each
    file's result is a LoadError or its documents (`Prepared`, or `DocumentRows`)."""
    prepared: list[Prepared | DocumentRows] = []
    for path, result in results:
        if isinstance(result, LoadError):
            summary.failed += 1
            summary.errors.append((display(path), str(result)))
        else:
            prepared.extend(result)
            for document, _, _ in result:
                summary.warnings.extend((display(path), w) for w in document.warnings)
    if not prepared:
        return
    for (document, sentences, claims), status in zip(
        prepared, write_documents(db, prepared), strict=True
    ):
        setattr(summary, status, getattr(summary, status) + 1)
        summary.statuses.append((document.name, status))
        if status != "unchanged":
            summary.sentences += len(sentences)
            summary.claims += len(claims)


def display(path: str) -> str:
    return "<stdin>" if path == "-" else str(Path(path))


def read_stdin(limit: int | None = None) -> bytes:
    """Standard input, or its first `limit` + 1 bytes: enough to tell it is over the limit
    without holding an endless stream in memory."""
    return sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
