"""The reconcile job over a whole database: stories -> entities -> blocks -> conflicts.

conflicts = reconcile(db)          # recomputes and stores
conflicts = current_conflicts(db)  # reuses stored results while the documents are unchanged
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict

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
from .lexicon import fold, lexicon
from .match import NUMBER_KINDS, build_blocks
from .models import Conflict, Source, Value
from .resolve import resolve
from .store import Transaction, iter_claims, meta
from .stories import assign_stories

KINDS = ("person", "alias", "role", "count", "money", "percent", "age", "date")


def load_claims(db: sqlite_utils.Database) -> list[dict]:
    rows = list(iter_claims(db, KINDS))
    for row in rows:
        row["subject_key"] = fold(row["subject"])
    return rows


def story_assignment(db: sqlite_utils.Database, claims: list[dict]) -> dict[str, str]:
    labels, published = {}, {}
    for row in db.query("SELECT id, story, published FROM documents"):
        labels[row["id"]], published[row["id"]] = row["story"], row["published"]
    names: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    for claim in claims:
        if claim["kind"] == "person" and " " in claim["value"]:
            key = fold(claim["value"])
            names[claim["document_id"]].add(key)
            display.setdefault(key, claim["value"])
    return assign_stories(labels, names, display, published)


def attach_sentences(db: sqlite_utils.Database, claims: list[dict]) -> None:
    """Give each claim its sentence text (the quote a reader wants to see)."""
    wanted = defaultdict(set)
    for claim in claims:
        wanted[claim["document_id"]].add(claim["sentence"])
    texts = {}
    for document_id, indexes in wanted.items():
        marks = ",".join("?" for _ in indexes)
        for row in db.query(
            f"SELECT idx, text FROM sentences WHERE document_id = ? AND idx IN ({marks})",  # noqa: S608
            [document_id, *indexes],
        ):
            texts[(document_id, row["idx"])] = row["text"]
    for claim in claims:
        claim["sentence_text"] = texts.get((claim["document_id"], claim["sentence"]))


def reconcile(db: sqlite_utils.Database, save: bool = True) -> list[Conflict]:
    """Find every conflict in the database; store them (and the stories and entities)."""
    claims = load_claims(db)
    story_of = story_assignment(db, claims)
    by_story: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        by_story[story_of.get(claim["document_id"], "")].append(claim)
    entity_of: dict[tuple[str, str], str] = {}
    entity_rows, mention_rows = [], []
    conflicts: list[Conflict] = []
    named: list[tuple[str, str, list[dict], set[str]]] = []  # entities named by several documents
    involved: list[dict] = []
    for story, story_claims in by_story.items():
        kinds = defaultdict(list)
        for claim in story_claims:
            kinds[claim["kind"]].append(claim)
        entities = resolve(story, kinds["person"], kinds["alias"], kinds["role"])
        for entity in entities:
            spellings = entity.spellings()
            entity_rows.append(
                {
                    "id": entity.id,
                    "story": story,
                    "name": entity.name,
                    "kind": "person",
                    "names": json.dumps(sorted(spellings), ensure_ascii=False),
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
                named.append((story, entity.name, mentions, aliases))
        for claim in kinds["date"]:
            involved.append(claim)
    attach_sentences(db, involved + [c for c in claims if c["kind"] in (*NUMBER_KINDS, "age")])
    for story, name, mentions, aliases in named:
        conflicts.extend(name_conflicts(story, name, mentions, aliases))
    entity_names = {row["id"]: row["name"] for row in entity_rows}
    growing = set()
    for code in {c.get("language") or "en" for c in claims} | {"en"}:
        growing |= lexicon(code).growing
    for (story, kind, entity, attribute), members in build_blocks(
        claims, story_of, entity_of
    ).items():
        subject = entity_names.get(entity, "")
        if kind in NUMBER_KINDS:
            found = judge_numbers(story, kind, subject, attribute, members, attribute in growing)
        elif kind == "age":
            found = judge_ages(story, subject, members)
        else:
            found = judge_dates(story, subject, attribute, members)
        if found:
            conflicts.append(found)
    for story, story_claims in by_story.items():
        dates = [c for c in story_claims if c["kind"] == "date"]
        for claim in dates:
            found = weekday_mismatch(story, claim)
            if found:
                conflicts.append(found)
        first = min(
            (PartialDate.parse(c["published"]) for c in story_claims if c.get("published")),
            key=lambda d: d.iso or "9999",
            default=PartialDate(),
        )
        codes = {c.get("language") or "en" for c in story_claims}
        for code in codes:
            cues = lexicon(code).get("sequence_cues")
            if cues:
                from .lexicon import phrase_pattern

                conflicts.extend(
                    anachronisms(
                        story,
                        [c for c in dates if (c.get("language") or "en") == code],
                        first,
                        phrase_pattern(cues),
                    )
                )
    conflicts.sort(key=sort_key)
    if save:
        save_results(db, story_of, entity_rows, mention_rows, conflicts)
    return conflicts


def save_results(db, story_of, entity_rows, mention_rows, conflicts: list[Conflict]) -> None:
    version = meta(db, "content_version")
    with Transaction(db) as conn:
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


def conflict_dict(conflict: Conflict) -> dict:
    return asdict(conflict)
