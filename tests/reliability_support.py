"""Helpers shared by the reliability tests: a synthetic corpus, the CLI run as a separate
process, and a snapshot of what a database holds, document by document."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from functools import cache
from pathlib import Path

FIRST = ["Ana", "Luis", "María", "Jorge", "Diana", "Pedro", "Lucía", "Carlos", "Rosa", "Iván"]
LAST = ["Pérez", "Salazar", "Terán", "Gómez", "Ortiz", "Vega", "Ruiz", "Mora", "Intriago", "Lema"]
CITIES = ["Quito", "Guayaquil", "Cuenca", "Manta", "Loja", "Ambato"]
MONTHS = ["January", "February", "March", "April", "May", "June"]


def article(number: int) -> str:
    """A short article, different for each number, with counts, ages, names and dates."""
    rng = random.Random(number)
    judge = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    chief = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    city = rng.choice(CITIES)
    return (
        f"Raids in {city}, report {number}\n\n"
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, 2024\n\n"
        f"Police arrested {rng.randint(2, 90)} people in {city} on Monday, the prosecutor said. "
        f"{judge}, {rng.randint(25, 70)}, a judge, was among those detained. "
        f"At least {rng.randint(3, 40)} raids were carried out in {rng.randint(2, 9)} provinces.\n\n"
        f"The attorney general, {chief}, said {rng.randint(100, 900)} officers took part and "
        f"that {rng.randint(1, 12)} people were injured. {judge} was born "
        f"{rng.randint(30, 60)} years ago.\n"
    )


def make_corpus(folder: Path, count: int, first: int = 0) -> list[Path]:
    """`count` article files in `folder` (created), numbered from `first`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(first, first + count):
        path = folder / f"article-{number:03d}.txt"
        path.write_text(article(number), encoding="utf-8")
        paths.append(path)
    return paths


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RECONCILE_DB"}
    env.pop("COLUMNS", None)  # messages must stay on one line at the default width
    env.update({"NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    return env


def command(*args) -> list[str]:
    return [sys.executable, "-m", "reconcile", *(str(a) for a in args)]


def reconcile(*args, timeout: float = 120, prefix: list[str] | None = None, **kwargs):
    """Run the CLI in a process of its own: a CompletedProcess with text stdout and stderr."""
    return subprocess.run(
        [*(prefix or []), *command(*args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=environment(),
        **kwargs,
    )


@cache
def unprivileged_prefix() -> list[str] | None:
    """How to run a command so that file permissions apply to it.

    As an ordinary user, nothing is needed. As root (CI containers), permission bits do not
    stop reading or writing, so the command runs in a new user namespace (`unshare --user`),
    where root has no capabilities over the host's files. None when neither works: the test
    that needs it is skipped."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    try:
        probe = subprocess.run(
            [unshare, "--user", sys.executable, "-c", "import os; print(os.geteuid())"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return [unshare, "--user"] if probe.returncode == 0 and probe.stdout.strip() != "0" else None


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


Snapshot = dict[str, tuple[tuple, tuple]]


def snapshot(path: Path) -> Snapshot:
    """Document id -> (its sentences, its claims), every column that comes from the text."""
    conn = sqlite3.connect(path)
    try:
        out: Snapshot = {}
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            return out  # killed before the schema was committed
        for (document_id,) in conn.execute("SELECT id FROM documents ORDER BY id"):
            sentences = tuple(
                conn.execute(
                    'SELECT idx, start, "end", role, text FROM sentences'
                    " WHERE document_id = ? ORDER BY idx",
                    (document_id,),
                )
            )
            claims = tuple(
                sorted(
                    conn.execute(
                        "SELECT sentence, kind, subject, attribute, value, low, high, unit,"
                        ' qualifier, date, weekday, hedge, attribution, start, "end", quote, extra'
                        " FROM claims WHERE document_id = ?",
                        (document_id,),
                    ),
                    key=repr,
                )
            )
            out[document_id] = (sentences, claims)
        return out
    finally:
        conn.close()


def health(path: Path) -> list[str]:
    """What is wrong with the database file as a database (empty when nothing)."""
    problems = []
    conn = sqlite3.connect(path)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.append(f"integrity_check: {result[:5]}")
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            return problems  # killed before the schema was committed: an empty file
        broken = list(conn.execute("PRAGMA foreign_key_check"))
        if broken:
            problems.append(f"foreign_key_check: {broken[:5]}")
        sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
        if sentences != indexed:
            problems.append(f"{sentences} sentences but {indexed} in the full-text index")
        try:
            conn.execute(
                "INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as error:
            problems.append(f"full-text index: {error}")
    finally:
        conn.close()
    return problems


def only_whole_documents(path: Path, reference: Snapshot) -> list[str]:
    """Every document in the database holds exactly the sentences and claims a serial ingest
    gave it (nothing partial, nothing doubled); returns what differs."""
    problems = health(path)
    if problems:
        return problems
    for document_id, stored in snapshot(path).items():
        if document_id not in reference:
            problems.append(f"{document_id[:12]}: not a document of the corpus")
        elif stored != reference[document_id]:
            problems.append(
                f"{document_id[:12]}: {len(stored[0])} sentences and {len(stored[1])} claims,"
                f" expected {len(reference[document_id][0])} and {len(reference[document_id][1])}"
            )
    return problems
