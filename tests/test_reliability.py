"""Issue 7: the database is the desk's record of what sources said. Concurrent writers queue
instead of failing, a killed process leaves whole documents or none, and a rerun completes the
batch. Figures quoted in docs/reliability.md come from these tests."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from reliability_support import (
    command,
    environment,
    make_corpus,
    only_whole_documents,
    reconcile,
    remove_database,
    snapshot,
)

from reconcile import store
from reconcile.ingest import analyse
from reconcile.load import load_path

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

CORPUS_SIZE = 80  # more than one write batch (64 documents) per ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A corpus, and its reference: the database a plain serial ingest makes of it."""
    root = tmp_path_factory.mktemp("corpus")
    files = make_corpus(root / "articles", CORPUS_SIZE)
    reference_db = root / "reference.db"
    started = time.monotonic()
    result = reconcile("ingest", root / "articles", "--db", reference_db, "--jobs", "1")
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    reference = snapshot(reference_db)
    assert len(reference) == CORPUS_SIZE
    assert all(claims for _, claims in reference.values())
    return {"folder": root / "articles", "files": files, "reference": reference, "seconds": seconds}


# --------------------------------------------------------------------------- concurrency


def test_four_writers_with_overlapping_batches_equal_a_serial_ingest(corpus, tmp_path):
    """Four processes start together on a brand-new database file, each with 40 of the 80
    files (every file goes to two of them; two take the folder order, two the reverse)."""
    files = corpus["files"]
    db = tmp_path / "shared.db"
    for _round in range(2):  # on a new file (the migration race), then on a full one
        processes = []
        for writer in range(4):
            chosen = [files[(writer * 20 + k) % len(files)] for k in range(40)]
            if writer % 2:
                chosen.reverse()
            jobs = "2" if writer == 3 else "1"
            processes.append(
                subprocess.Popen(
                    command("ingest", *chosen, "--db", db, "--jobs", jobs),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=environment(),
                )
            )
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert "locked" not in err and "Traceback" not in err, err
    stored = snapshot(db)
    assert stored == corpus["reference"]  # same documents, same claims, nothing doubled
    assert only_whole_documents(db, corpus["reference"]) == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (store.SCHEMA_VERSION,)
        paths = [row[0] for row in conn.execute("SELECT path FROM documents")]
    assert len(paths) == len(set(paths)) == CORPUS_SIZE


BARRIER_OPEN = """
import sys, time
from reconcile import store
start = float(sys.argv[2])
while time.time() < start:
    pass
db = store.connect(sys.argv[1])
print(db.execute("PRAGMA user_version").fetchone()[0], len(db.table_names()))
"""


def test_processes_opening_a_new_database_at_the_same_instant_all_succeed(tmp_path):
    """Three rounds of four processes released at one instant on a file that does not exist
    yet: exactly one creates the schema, the others wait for it and find it made."""
    outcomes = set()
    for round_number in range(3):
        db = tmp_path / f"new-{round_number}.db"
        start = time.time() + 0.7
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", BARRIER_OPEN, str(db), str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=environment(),
            )
            for _ in range(4)
        ]
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            outcomes.add(out.strip())
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    tables = len(store.connect(tmp_path / "new-0.db").table_names())
    assert outcomes == {f"{store.SCHEMA_VERSION} {tables}"}


def test_the_unchanged_check_and_the_insert_are_one_transaction(tmp_path):
    """Two writers with the same document: while one holds the write lock, the other waits;
    it then sees the stored copy and reports it unchanged instead of inserting it twice."""
    path = make_corpus(tmp_path / "in", 1)[0]
    prepared = [analyse(doc) for doc in load_path(path)]
    db_path = tmp_path / "t.db"
    first = store.connect(db_path)
    statuses = []
    second = threading.Thread(
        target=lambda: statuses.append(store.write_documents(store.connect(db_path), prepared))
    )
    with store.Transaction(first) as conn:
        second.start()
        time.sleep(0.5)
        assert second.is_alive() and not statuses  # queued behind the lock, not failed
        store.write_one(conn, *prepared[0])
    second.join(30)
    assert statuses == [["unchanged"]]
    assert first.execute("SELECT count(*) FROM documents").fetchone() == (1,)


def test_a_busy_database_waits_instead_of_failing(tmp_path, monkeypatch):
    """A writer that finds the lock taken past its busy timeout retries; it does not fail."""
    monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 200)
    db_path = tmp_path / "b.db"
    waiter = store.connect(db_path)
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(db_path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        locked.set()
        release.wait(10)
        time.sleep(0.6)  # three busy timeouts of the waiter
        conn.execute("COMMIT")
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    locked.wait(10)
    release.set()
    started = time.monotonic()
    with store.Transaction(waiter) as conn:
        conn.execute("UPDATE meta SET value = value WHERE key = 'content_version'")
    assert time.monotonic() - started >= 0.5
    holder.join(10)


def test_conflicts_computed_while_documents_change_are_not_stored_as_current(tmp_path, monkeypatch):
    """reconcile() reads the claims, then stores its results stamped with the content version.
    When another process adds a document in between, or replaces one (its rows go), the stale
    results are not stored as current and storing them does not fail; the next read recomputes."""
    from reconcile import pipeline
    from reconcile.ingest import ingest

    files = make_corpus(tmp_path / "in", 3)
    db = store.connect(tmp_path / "r.db")
    ingest(db, [str(p) for p in files[:2]], jobs=1)
    real = pipeline.attach_sentences
    for change in ("add", "replace"):

        def meanwhile(*args, change=change, **kwargs):
            other = store.connect(tmp_path / "r.db")
            if change == "replace":
                files[0].write_text(files[0].read_text(encoding="utf-8") + "\nUpdated.\n")
            ingest(other, [str(files[2] if change == "add" else files[0])], jobs=1)
            other.conn.close()
            monkeypatch.setattr(pipeline, "attach_sentences", real)
            return real(*args, **kwargs)

        monkeypatch.setattr(pipeline, "attach_sentences", meanwhile)
        stale = pipeline.reconcile(db)
        assert store.meta(db, "reconciled_version") != store.meta(db, "content_version")
        fresh = pipeline.current_conflicts(db)  # recomputes, and this time stores
        assert store.meta(db, "reconciled_version") == store.meta(db, "content_version")
        assert isinstance(stale, list) and isinstance(fresh, list)


# --------------------------------------------------------------------------- crashes


def run_and_kill(args: list, delay: float) -> tuple[bool, float]:
    """Start the CLI, SIGKILL its whole process group after `delay` seconds: whether the kill
    landed (the process was still running), and how long the process ran."""
    started = time.monotonic()
    process = subprocess.Popen(
        command(*args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment(),
        start_new_session=True,  # its own group: the kill takes its worker processes too
    )
    try:
        process.wait(timeout=delay)
        return False, time.monotonic() - started
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True, time.monotonic() - started


def in_lanes(lanes: int, work) -> list:
    """`work(lane)` for each lane at once, in threads (each drives processes of its own, on
    a database of its own); the lanes' results, or the first failure."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(lanes) as pool:
        return [future.result() for future in [pool.submit(work, n) for n in range(lanes)]]


def test_sigkill_at_random_moments_leaves_only_whole_documents(corpus, tmp_path):
    """20 SIGKILLs at seeded random moments of an ingest, in two lanes of ten (of a new
    database every other time, so that some land in the schema creation; with worker
    processes a quarter of the time). After each: integrity_check passes and every stored
    document equals its serial ingest. A rerun then completes the batch: nothing lost,
    nothing doubled."""

    def lane(number: int) -> list[int]:
        rng = random.Random(20240314 + number)
        db = tmp_path / f"killed-{number}.db"
        span = corpus["seconds"]  # how long an ingest runs; re-timed when one finishes first
        kills = attempts = 0
        stages = []  # documents stored after each kill, for the record
        while kills < 10:
            attempts += 1
            assert attempts < 30, "the ingest finished before most kills"
            if attempts % 2 == 1:
                remove_database(db)
            jobs = "2" if (attempts + number) % 4 == 0 else "1"
            delay = span * rng.uniform(0.01, 1) ** 0.5  # more of them late, after a commit
            args = ["ingest", corpus["folder"], "--db", db, "--jobs", jobs]
            landed, ran = run_and_kill(args, delay)
            if landed:
                kills += 1
                stages.append(len(snapshot(db)) if db.exists() else 0)
            else:
                span = ran
            problems = only_whole_documents(db, corpus["reference"])
            assert problems == [], f"after a kill at {delay:.2f}s: {problems}"
        result = reconcile("ingest", corpus["folder"], "--db", db)
        assert result.returncode == 0, result.stderr
        assert snapshot(db) == corpus["reference"]
        return stages

    stages = [n for lane_stages in in_lanes(2, lane) for n in lane_stages]
    assert len(stages) == 20


KILL_INSIDE = """
import atexit, os, signal, sys
from reconcile import store
steps = int(sys.argv[1])  # 0: only count the steps, and print their number at exit
where = sys.argv[2]
count = 0
atexit.register(lambda: print(f"steps: {count}", file=sys.stderr))
def arm(db):
    def tick():
        global count
        if db.conn.in_transaction:
            count += 1
            if count == steps:
                os.kill(os.getpid(), signal.SIGKILL)
        return 0
    db.conn.set_progress_handler(tick, 20)
if where == "migration":
    real_migrate = store.migrate
    def migrate(db):
        arm(db)
        real_migrate(db)
        db.conn.set_progress_handler(None, 0)
    store.migrate = migrate
else:
    real_connect = store.connect
    def connect(*args, **kwargs):
        db = real_connect(*args, **kwargs)
        arm(db)
        return db
    store.connect = connect
from reconcile.cli import main
sys.argv = ["reconcile", *sys.argv[3:]]
main()
"""


def kill_inside(steps: int, where: str, args: list) -> subprocess.CompletedProcess:
    """Run the CLI with SQLite counting its steps (20 virtual-machine instructions each) inside
    write transactions, and SIGKILL itself at step `steps` (0: never)."""
    return subprocess.run(
        [sys.executable, "-c", KILL_INSIDE, str(steps), where, *map(str, args)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
    )


def test_sigkill_inside_write_transactions_leaves_only_whole_documents(corpus, tmp_path):
    """The process kills itself from inside SQLite, at a random step of its write
    transactions: the batch inserts of ingest, and the results `run` stores after
    reconciling. Each time on a new database, so the kills spread over the whole job."""

    def arguments(db: Path) -> list:
        return ["run", corpus["folder"], "--db", db, "--jobs", "1", "--format", "json"]

    counted = kill_inside(0, "transaction", arguments(tmp_path / "counted.db"))
    assert counted.returncode == 0, counted.stderr
    total = int(re.search(r"steps: (\d+)", counted.stderr).group(1))

    def lane(number: int) -> list[int]:
        rng = random.Random(7 + number)
        db = tmp_path / f"inside-{number}.db"
        stages = []
        for _ in range(3):
            remove_database(db)
            steps = rng.randint(1, total)
            killed = kill_inside(steps, "transaction", arguments(db))
            assert killed.returncode == -signal.SIGKILL, killed.stderr
            problems = only_whole_documents(db, corpus["reference"])
            assert problems == [], f"step {steps} of {total}: {problems}"
            stages.append(len(snapshot(db)))
        assert reconcile(*arguments(db)).returncode == 0
        assert snapshot(db) == corpus["reference"]
        return stages

    stages = [n for lane_stages in in_lanes(2, lane) for n in lane_stages]
    assert len(set(stages)) > 1  # killed in different transactions of the job
    db = tmp_path / "inside-0.db"
    conflicts = reconcile("conflicts", "--db", db, "--format", "json")
    assert conflicts.returncode == 0 and '"conflicts"' in conflicts.stdout


def test_sigkill_during_schema_creation_leaves_a_database_that_opens(corpus, tmp_path):
    """Killed while creating the schema: the file holds no half-made schema; the next
    command creates it whole and ingests."""
    folder = corpus["folder"]
    few = sorted(folder.iterdir())[:3]
    for steps in (1, 40, 130):  # creating the schema takes about 140
        db = tmp_path / f"schema-{steps}.db"
        killed = kill_inside(steps, "migration", ["ingest", *few, "--db", db])
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        assert (version, tables) == (0, 0)
        result = reconcile("ingest", *few, "--db", db)
        assert result.returncode == 0, result.stderr
        assert only_whole_documents(db, corpus["reference"]) == []
        assert len(snapshot(db)) == 3
