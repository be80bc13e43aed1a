"""The reconcile job over a whole database: stories -> entities -> blocks -> conflicts.

conflicts = reconcile(db)          # recomputes and stores
conflicts = current_conflicts(db)  # reuses stored results while the documents are unchanged
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from functools import cache

import sqlite_utils

from .dates import PartialDate
from .judge import (
    SEVERITY_RANK,
    anachronisms,
    judge_ages,
    judge_dates,
    judge_numbers,
    name_conflicts,
    weekday_mismatch,
)
from .lexicon import fold, lexicon, phrase_pattern
from .match import NUMBER_KINDS, build_blocks
from .models import Conflict, Source, Value
from .resolve import resolve
from .store import Transaction, iter_claims, meta
from .stories import assign_stories

KINDS = ("person", "alias", "role", "count", "money", "percent", "age", "date")


def load_claims(db: sqlite_utils.Database, documents: list[str] | None = None) -> list[dict]:
    """Claims of the kinds reconcile compares: all of them, or those of some documents."""
    rows = list(iter_claims(db, KINDS, documents))
    for row in rows:
        row["subject_key"] = fold(row["subject"])
    return rows


def story_assignment(db: sqlite_utils.Database, claims: list[dict] | None = None) -> dict[str, str]:
    """Document id -> story, from the full names each document mentions (read from the
    database when `claims` are not given, so that no other claim need be in memory)."""
    labels, published = {}, {}
    for row in db.query("SELECT id, story, published FROM documents"):
        labels[row["id"]], published[row["id"]] = row["story"], row["published"]
    names: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    if claims is None:
        claims = db.query(
            "SELECT c.document_id, c.kind, c.value, d.language FROM claims c JOIN documents d"
            " ON d.id = c.document_id WHERE c.kind = 'person' ORDER BY d.name, c.start"
        )
    for claim in claims:
        if claim["kind"] == "person" and " " in claim["value"]:
            for key in name_keys(claim["value"], claim.get("language")):
                names[claim["document_id"]].add(key)
                display.setdefault(key, claim["value"])
    return assign_stories(labels, names, display, published)


def name_keys(name: str, language: str | None) -> list[str]:
    """A full name as stories compare it, and, where names end in two surnames (lexicon key
    `surnames`), its short form: 'Diana Salazar Méndez' is also 'diana salazar'."""
    tokens = [t for t in fold(name).split() if t not in lexicon(language or "en").particles]
    keys = [fold(name)]
    if len(tokens) >= 3 and lexicon(language or "en").get("surnames", 1) >= 2:
        keys.append(f"{tokens[0]} {tokens[-2]}")
    return keys


def attach_sentences(db: sqlite_utils.Database, claims: list[dict]) -> None:
    """Give each claim its sentence text (the quote a reader wants to see)."""
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
    for claim in claims:
        claim["sentence_text"] = texts.get((claim["document_id"], claim["sentence"]))


def reconcile(db: sqlite_utils.Database, save: bool = True) -> list[Conflict]:
    """Find every conflict in the database; store them (and the stories and entities).

    Stories never meet, so they are reconciled one at a time: only one story's claims are in
    memory at once, and the work grows with the archive, not with its square."""
    version = meta(db, "content_version")  # before reading: what the results will be true of
    story_of = story_assignment(db)
    documents_of: dict[str, list[str]] = defaultdict(list)
    for document, story in story_of.items():
        documents_of[story].append(document)
    growing = set()
    languages = {
        row["language"] or "en" for row in db.query("SELECT DISTINCT language FROM documents")
    }
    for code in languages | {"en"}:
        growing |= lexicon(code).growing
    entity_rows: list[dict] = []
    mention_rows: list[dict] = []
    conflicts: list[Conflict] = []
    for story in sorted(documents_of):
        claims = load_claims(db, documents_of[story])
        if claims:
            conflicts += reconcile_story(db, story, claims, growing, entity_rows, mention_rows)
    conflicts.sort(key=sort_key)
    if save:
        save_results(db, story_of, entity_rows, mention_rows, conflicts, version)
    return conflicts


def reconcile_story(
    db: sqlite_utils.Database,
    story: str,
    claims: list[dict],
    growing: set[str],
    entity_rows: list[dict],
    mention_rows: list[dict],
) -> list[Conflict]:
    """The conflicts of one story; its entities and mentions are added to the rows given."""
    story_of = {claim["document_id"]: story for claim in claims}
    entity_of: dict[tuple[str, str], str] = {}
    entity_names: dict[str, str] = {}
    conflicts: list[Conflict] = []
    named: list[tuple[str, list[dict], set[str]]] = []  # entities named by several documents
    involved: list[dict] = []
    kinds = defaultdict(list)
    for claim in claims:
        kinds[claim["kind"]].append(claim)
    for entity in resolve(story, kinds["person"], kinds["alias"], kinds["role"]):
        entity_names[entity.id] = entity.name
        entity_rows.append(
            {
                "id": entity.id,
                "story": story,
                "name": entity.name,
                "kind": "person",
                "names": json.dumps(sorted(entity.spellings()), ensure_ascii=False),
            }
        )
        mentions, aliases = [], set()
        for member in entity.members:
            entity_of[(member.document_id, member.key)] = entity.id
            for mention in member.mentions:
                entity_of[(member.document_id, mention["subject_key"])] = entity.id
                entity_of[(member.document_id, fold(mention["value"]))] = entity.id
                mention_rows.append({"claim_id": mention["id"], "entity_id": entity.id})
                mentions.append(mention)
            aliases |= member.aliases
        if len({m["document_id"] for m in mentions}) > 1:
            involved.extend(mentions)
            named.append((entity.name, mentions, aliases))
    dates = kinds["date"]
    attach_sentences(
        db, involved + dates + [c for c in claims if c["kind"] in (*NUMBER_KINDS, "age")]
    )
    for name, mentions, aliases in named:
        conflicts.extend(name_conflicts(story, name, mentions, aliases))
    for (_, kind, entity, attribute), members in build_blocks(claims, story_of, entity_of).items():
        subject = entity_names.get(entity, "")
        if kind in NUMBER_KINDS:
            growing_measure = members[0]["attribute"] in growing
            found = judge_numbers(story, kind, subject, attribute, members, growing_measure)
        elif kind == "age":
            found = judge_ages(story, subject, members)
        else:
            found = judge_dates(story, subject, attribute, members)
        if found:
            conflicts.append(found)
    for claim in dates:
        found = weekday_mismatch(story, claim)
        if found:
            conflicts.append(found)
    first = min(
        (PartialDate.parse(p) for p in {c["published"] for c in claims if c.get("published")}),
        key=lambda d: d.iso or "9999",
        default=PartialDate(),
    )
    for code in {c.get("language") or "en" for c in claims}:
        cues = sequence_cues(code)
        if cues:
            conflicts.extend(
                anachronisms(
                    story, [c for c in dates if (c.get("language") or "en") == code], first, cues
                )
            )
    return conflicts


@cache
def sequence_cues(code: str) -> re.Pattern | None:
    cues = lexicon(code).get("sequence_cues")
    return phrase_pattern(cues) if cues else None


def save_results(
    db, story_of, entity_rows, mention_rows, conflicts: list[Conflict], version: str | None = None
) -> None:
    """Store a reconcile run's results, stamped with the content version they were computed
    from. When another process changed the documents meanwhile, nothing is stored: the results
    are stale (and may name documents now gone), and the next read recomputes."""
    with Transaction(db) as conn:
        current = meta(db, "content_version")
        if version is not None and current != version:
            return
        version = current
        conn.execute("DELETE FROM stories")
        conn.execute("DELETE FROM mentions")
        conn.execute("DELETE FROM entities")
        conn.execute("DELETE FROM conflicts")
        conn.executemany("INSERT INTO stories VALUES (?, ?)", list(story_of.items()))
        conn.executemany(
            "INSERT OR IGNORE INTO entities (id, story, name, kind, names) VALUES (?,?,?,?,?)",
            [(r["id"], r["story"], r["name"], r["kind"], r["names"]) for r in entity_rows],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?)",
            [(r["claim_id"], r["entity_id"]) for r in mention_rows],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO conflicts VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    c.id,
                    c.story,
                    c.kind,
                    c.subject,
                    c.attribute,
                    c.severity,
                    c.status,
                    c.rule,
                    c.explanation,
                    json.dumps(c.as_dict(), ensure_ascii=False, default=str),
                )
                for c in conflicts
            ],
        )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'reconciled_version'", (version,))


def conflict_from_json(data: str) -> Conflict:
    raw = json.loads(data)
    values = [
        Value(**{**v, "sources": [Source(**s) for s in v["sources"]]}) for v in raw.pop("values")
    ]
    return Conflict(**raw, values=values)


def sort_key(conflict: Conflict) -> tuple:
    return (
        -SEVERITY_RANK[conflict.severity],
        conflict.story,
        conflict.kind,
        conflict.subject,
        conflict.attribute,
        conflict.id,
    )


def current_conflicts(db: sqlite_utils.Database, writable: bool = True) -> list[Conflict]:
    """Stored conflicts while nothing changed since they were computed; otherwise recompute.
    Each carries its reviewer's latest decision, if any."""
    if meta(db, "content_version") == meta(db, "reconciled_version"):
        found = sorted(
            (conflict_from_json(row["data"]) for row in db.query("SELECT data FROM conflicts")),
            key=sort_key,
        )
    else:
        found = reconcile(db, save=writable)
    return attach_decisions(db, found)


def attach_decisions(db: sqlite_utils.Database, conflicts: list[Conflict]) -> list[Conflict]:
    from .store import latest_decisions

    decisions = latest_decisions(db)
    for conflict in conflicts:
        conflict.decision = decisions.get(conflict.id)
    return conflicts
