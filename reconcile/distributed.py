"""The pipeline on a Dask cluster: extraction as a map over documents, story grouping on the
client, reconcile as a group-by-story. The stages are the library's own functions
(`ingest.prepare`, `pipeline.group_stories`, `pipeline.reconcile_story`, and through it
`resolve` and `judge`), so the conflicts are the single-machine run's, one for one.

    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, processes=True) as cluster, Client(cluster) as client:
        run = run_distributed(client, ["archive/"])
    run.conflicts

No database is involved: the files are read by the workers (on a cluster of several
machines, from storage they all mount), and the results come back to the caller (and, with
`parquet`, are written by the workers as the tables `export_parquet` writes). Dask is an
optional dependency (the `dist` extra): it is imported only here.
"""

from __future__ import annotations

import logging
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from .load import DEFAULT_MAX_BYTES, LoadError, iter_paths
from .models import Conflict
from .store import StoreError

#: Files per task of the extraction map: about eight tasks per worker, within these bounds.
#: Each task's claims are later cut into buckets of stories, one small task per bucket, so
#: fewer, larger tasks cost less to schedule.
FILES_PER_TASK = (16, 256)
#: Buckets of stories per worker for reconcile: a few, so that a large story does not keep
#: one worker busy while the others wait.
BUCKETS_PER_WORKER = 4


class DistributedUnavailable(StoreError):
    """Dask distributed is not installed: the message says how to install it."""


def require_dask():
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise DistributedUnavailable(
            "the distributed run needs Dask: pip install 'reconcile[dist]'"
            " (or pip install 'dask[distributed]')"
        ) from None
    return dask.bag, distributed


@contextmanager
def local_client(workers: int = 2):
    """A client of a cluster of `workers` processes on this machine, listening on loopback
    only, with one thread each (extraction holds the GIL) and no dashboard."""
    _, distributed = require_dask()
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # any free port: never another cluster's
            worker_dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@contextmanager
def remote_client(address: str):
    """A client of a running scheduler (`dask scheduler` and `dask worker` started apart)."""
    _, distributed = require_dask()
    with distributed.Client(address) as client:
        yield client


@dataclass
class DistributedRun:
    """What a distributed run found, as `pipeline.reconcile` finds it on one machine."""

    conflicts: list[Conflict]
    stories: dict[str, str]  # document id -> story name
    entity_rows: list[dict]
    mention_rows: list[dict]  # claim id -> entity id (claim ids as a fresh database's)
    documents: int = 0
    claims: int = 0
    unchanged: int = 0  # the same outlet's same text again: read once
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, why it failed)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall clock of each step


# --------------------------------------------------------------------------- on the workers


def extract_files(paths: list[str], overrides: dict, max_bytes: int) -> list[tuple]:
    """Extraction on a worker: each file loaded, segmented and extracted by `ingest.prepare`,
    then cut down to what the rest of the run needs: per document, its metadata, what story
    grouping reads, and the claims reconcile compares with the sentences they quote."""
    from .ingest import prepare
    from .pipeline import KINDS, document_profile

    out = []
    for path in paths:
        result = prepare(path, overrides, max_bytes)
        if isinstance(result, LoadError):
            out.append((path, str(result)))
            continue
        documents = []
        for document, sentences, claims in result:
            people = [(c.value, c.sentence) for c in claims if c.kind == "person"]
            profile = (
                None
                if document.story
                else document_profile(
                    ((s.role, s.text) for s in sentences), document.language, people
                )
            )
            kept = [(n, c) for n, c in enumerate(claims) if c.kind in KINDS]
            quoted = {c.sentence for _, c in kept}
            documents.append(
                {
                    "document": document,
                    "claims": len(claims),
                    "profile": profile,
                    "people": [(c.value, c.start, n) for n, c in kept if c.kind == "person"],
                    "kept": kept,
                    "sentences": {s.index: s.text for s in sentences if s.index in quoted},
                }
            )
        out.append((path, documents))
    return out


def story_buckets(
    tasks: list[list[tuple]],
    story_of: dict[str, str],
    first_id: dict[tuple[str, int], int],
    buckets: int,
) -> dict[int, list[tuple[str, dict]]]:
    """A partition's documents cut into buckets of stories: bucket -> (story, a document's
    claims with their ids and the sentences they quote). `first_id` holds the id of the
    first claim of each document kept, by its file and place in the file (a copy of a text
    already read under the same outlet is not kept: it shares that document's id, but not
    its place)."""
    from .store import document_fields

    out: dict[int, list[tuple[str, dict]]] = {bucket: [] for bucket in range(buckets)}
    for files in tasks:
        for path, documents in files:
            if isinstance(documents, str):
                continue
            for place, item in enumerate(documents):
                document = item["document"]
                first = first_id.get((path, place))
                if first is None or document.id not in story_of or not item["kept"]:
                    continue
                story = story_of[document.id]
                out[bucket_of(story, buckets)].append(
                    (
                        story,
                        {
                            "document": document_fields(document),
                            "claims": [(first + n, claim) for n, claim in item["kept"]],
                            "sentences": item["sentences"],
                        },
                    )
                )
    return out


def bucket_of(story: str, buckets: int) -> int:
    """The same bucket for a story on every worker (unlike `hash`, salted per process)."""
    return zlib.crc32(story.encode("utf-8")) % buckets


def reconcile_bucket(pieces: list[list[tuple[str, dict]]], growing: set[str]) -> list[tuple]:
    """Reconcile on a worker: each story of a bucket, gathered from every partition."""
    members: dict[str, list[dict]] = defaultdict(list)
    for piece in pieces:
        for story, member in piece:
            members[story].append(member)
    return [reconcile_group(story, members[story], growing) for story in sorted(members)]


def reconcile_group(story: str, members: list[dict], growing: set[str]) -> tuple:
    """One story's claims through `pipeline.reconcile_story`, as the single-machine run
    reconciles it: claims as the database would give them back, in the order it gives them."""
    from .pipeline import keyed, reconcile_story, under_its_name
    from .store import claim_order, claim_record

    claims: list[dict] = []
    sentences: dict[tuple[str, int], str] = {}
    for member in members:
        document = member["document"]
        claims += [claim_record(document, claim, n) for n, claim in member["claims"]]
        for index, text in member["sentences"].items():
            sentences[(document["document_id"], index)] = text
    claims = keyed(sorted(claims, key=claim_order))
    entity_rows: list[dict] = []
    mention_rows: list[dict] = []
    found = reconcile_story(sentences, story, claims, growing, entity_rows, mention_rows)
    return story, under_its_name(story, found), entity_rows, mention_rows


# --------------------------------------------------------------------------- the run


def run_distributed(
    client,
    paths: Iterable[str],
    overrides: dict | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    follow_symlinks: bool = False,
) -> DistributedRun:
    """Read, extract and reconcile the articles under `paths` on the cluster of `client`.

    1. extraction, a map over the files (`ingest.prepare`, the function ingest runs);
    2. story grouping, on the client: each document's profile and person names are small,
       and grouping is the one step that sees the whole archive (`pipeline.group_stories`);
    3. reconcile, a group-by-story (`pipeline.reconcile_story`): the documents of each
       partition are cut into buckets of stories, and each bucket is reconciled on one
       worker, story by story.
    Documents are taken in the order ingest would store them, a copy of a text already read
    under the same outlet is read once, and claims are numbered as a new database would
    number them, so that every result is the one ingest and reconcile give on one machine."""
    bag, _ = require_dask()
    import dask

    from .pipeline import group_stories, growing_measures, sort_key
    from .stories import story_name

    overrides = overrides or {}
    skipped: list[tuple[str, str]] = []
    files = [str(p) for p in iter_paths(list(paths), follow_symlinks, skipped)]
    if "-" in files:
        raise LoadError("standard input cannot be sent to a cluster: give files or folders")
    started = time.perf_counter()
    workers = max(1, len(client.scheduler_info()["workers"]))
    size = max(FILES_PER_TASK[0], min(FILES_PER_TASK[1], len(files) // (workers * 8)))
    chunks = [files[at : at + size] for at in range(0, len(files), size)]
    extracted = (
        bag.from_sequence(chunks, npartitions=max(1, len(chunks)))
        .map(extract_files, overrides, max_bytes)
        .persist()
    )

    # 2. On the client: what each document is, in the order ingest would store it.
    summary = extracted.map(summarise).compute()
    run = DistributedRun([], {}, [], [], skipped=skipped)
    run.seconds["extract"] = time.perf_counter() - started
    labels: dict[str, str | None] = {}
    published: dict[str, str | None] = {}
    keys = {}
    people: list[tuple] = []
    first_id: dict[tuple[str, int], int] = {}
    seen: set[tuple[str, str | None]] = set()
    next_id = 1
    languages = set()
    for chunk in summary:
        for path, documents in chunk:
            if isinstance(documents, str):
                run.errors.append((path, documents))
                continue
            for place, entry in enumerate(documents):
                run.warnings.extend((path, w) for w in entry["warnings"])
                if (entry["sha256"], entry["outlet"]) in seen:
                    run.unchanged += 1
                    continue
                seen.add((entry["sha256"], entry["outlet"]))
                document_id = entry["id"]
                labels[document_id], published[document_id] = entry["story"], entry["published"]
                if entry["profile"] is not None:
                    keys[document_id] = entry["profile"]
                languages.add(entry["language"])
                first_id[(path, place)] = next_id
                for value, start, n in entry["people"]:
                    people.append(
                        (entry["name"], start, next_id + n, document_id, value, entry["language"])
                    )
                next_id += entry["claims"]
                run.documents += 1
                run.claims += entry["claims"]
    people.sort(key=lambda p: p[:3])
    persons = (
        {"document_id": d, "kind": "person", "value": v, "language": lang}
        for _, _, _, d, v, lang in people
    )
    story_of = group_stories(labels, published, keys, persons)
    run.stories = {document: story_name(story) for document, story in story_of.items()}
    run.seconds["stories"] = time.perf_counter() - started - run.seconds["extract"]

    # 3. Reconcile, story by story, where the claims are: each partition cuts its documents
    # into buckets of stories, and each bucket's pieces are gathered on one worker.
    growing = growing_measures(languages)
    buckets = max(1, min(len(set(story_of.values())), BUCKETS_PER_WORKER * workers))
    shared_stories = dask.delayed(story_of, pure=True)
    shared_ids = dask.delayed(first_id, pure=True)
    cut = [
        dask.delayed(story_buckets, pure=True)(part, shared_stories, shared_ids, buckets)
        for part in extracted.to_delayed(optimize_graph=False)
    ]
    tasks = [
        dask.delayed(reconcile_bucket, pure=True)([piece[bucket] for piece in cut], growing)
        for bucket in range(buckets)
    ]
    results = [story for bucket in client.gather(client.compute(tasks)) for story in bucket]
    for _, found, entity_rows, mention_rows in sorted(results, key=lambda r: r[0]):
        run.conflicts += found
        run.entity_rows += entity_rows
        run.mention_rows += mention_rows
    run.conflicts.sort(key=sort_key)
    run.seconds["reconcile"] = time.perf_counter() - started - sum(run.seconds.values())
    return run


def summarise(files: list[tuple]) -> list[tuple]:
    """What the client needs of each document of a task: small, whatever the text's size."""
    out = []
    for path, documents in files:
        if isinstance(documents, str):
            out.append((path, documents))
            continue
        out.append(
            (
                path,
                [
                    {
                        "id": item["document"].id,
                        "name": item["document"].name,
                        "sha256": item["document"].sha256,
                        "outlet": item["document"].outlet,
                        "story": item["document"].story,
                        "published": item["document"].published,
                        "language": item["document"].language,
                        "warnings": item["document"].warnings,
                        "claims": item["claims"],
                        "profile": item["profile"],
                        "people": item["people"],
                    }
                    for item in documents
                ],
            )
        )
    return out
