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

import sqlite_utils

from .extract import extract
from .language import detect_language
from .load import DEFAULT_MAX_BYTES, LoadError, iter_paths, load_path
from .models import Claim, Document, Sentence
from .segment import segment
from .store import write_document

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


def _prepare_star(args):
    return args[0], prepare(*args)


def ingest(
    db: sqlite_utils.Database,
    paths: Iterable[str],
    overrides: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    on_file: Callable[[str], None] | None = None,
    stdin: bytes | None = None,
) -> IngestSummary:
    """Ingest files and folders into `db`; `on_file` is called after each file (progress)."""
    overrides = overrides or {}
    summary = IngestSummary()
    files = [str(p) for p in iter_paths(list(paths))]
    tasks = [(f, overrides, max_bytes, stdin if f == "-" else None) for f in files]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    if jobs > 1 and len(tasks) > 8:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(
                _prepare_star, tasks, chunksize=max(1, min(64, len(tasks) // (jobs * 8) or 1))
            )
            for name, result in results:
                record(db, summary, name, result)
                if on_file:
                    on_file(name)
    else:
        for task in tasks:
            name, result = _prepare_star(task)
            record(db, summary, name, result)
            if on_file:
                on_file(name)
    return summary


def record(db: sqlite_utils.Database, summary: IngestSummary, path: str, result) -> None:
    if isinstance(result, LoadError):
        summary.failed += 1
        summary.errors.append((display(path), str(result)))
        return
    for document, sentences, claims in result:
        status = write_document(db, document, sentences, claims)
        setattr(summary, status, getattr(summary, status) + 1)
        summary.statuses.append((document.name, status))
        if status != "unchanged":
            summary.sentences += len(sentences)
            summary.claims += len(claims)


def display(path: str) -> str:
    return "<stdin>" if path == "-" else str(Path(path))


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()
