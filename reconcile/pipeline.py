"""The reconcile job over a whole database: stories -> entities -> blocks -> conflicts.

conflicts = reconcile(db)          # recomputes and stores
conflicts = current_conflicts(db)  # reuses stored results while the documents are unchanged
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import cache

import sqlite_utils

from .dates import PartialDate
from .judge import (
    SEVERITY_RANK,
    anachronisms,
    judge_ages,
    judge_dates,
    judge_numbers,
    judge_personal,
    name_conflicts,
    rule_family,
    weekday_mismatch,
)
from .judge_places import place_conflicts
from .lexicon import fold, lexicon, phrase_pattern
from .match import NUMBER_KINDS, build_blocks
from .models import CLAIM_KINDS, PERSONAL_KINDS, Conflict, Source, Value
from .quantity_rules import judge_quantities
from .resolve import resolve
from .role_rules import judge_roles
from .store import (
    Transaction,
    attach_sentences,
    finite,
    iter_claims,
    meta,
    now,
    unbounded,
)
from .stories import assign_stories, person_weight, story_name, story_profile
from .time_rules import judge_times

#: Where a story's quoted sentences come from: the database, or (document id, index) -> text.
SentenceSource = sqlite_utils.Database | Mapping[tuple[str, int], str]

#: Every kind of claim reconcile reads (read in text order, whatever the order here).
KINDS = CLAIM_KINDS


def load_claims(db: sqlite_utils.Database, documents: list[str] | None = None) -> list[dict]:
    """Claims of the kinds reconcile compares: all of them, or those of some documents."""
    return keyed(iter_claims(db, KINDS, documents))


def keyed(rows: Iterable[dict]) -> list[dict]:
    """Claim rows as reconcile reads them: each with its subject folded for matching."""
    rows = list(rows)
    for row in rows:
        row["subject_key"] = fold(row["subject"])
    return rows


def story_assignment(db: sqlite_utils.Database, claims: list[dict] | None = None) -> dict[str, str]:
    """Document id -> story, from the full names each document mentions (read from the
    database when `claims` are not given, so that no other claim need be in memory)."""
    labels, published = {}, {}
    for row in db.query("SELECT id, story, published FROM documents"):
        labels[row["id"]], published[row["id"]] = row["story"], row["published"]
    keys = story_keys(db, labels)
    if claims is None:
        claims = db.query(
            "SELECT c.document_id, c.kind, c.value, d.language FROM claims c JOIN documents d"
            " ON d.id = c.document_id WHERE c.kind = 'person' ORDER BY d.name, c.start, c.id"
        )
    return group_stories(labels, published, keys, claims)


def group_stories(
    labels: dict[str, str | None],
    published: dict[str, str | None],
    keys: dict[str, Counter],
    claims: Iterable[dict],
) -> dict[str, str]:
    """Document id -> story: documents in the order they were stored, with their labels and
    dates; `keys` each unlabelled document's profile (`document_profile`); `claims` the
    person claims (document_id, kind, value, language) in document-name and text order,
    since a story is named after the first spelling of its most mentioned person."""
    names: dict[str, set[str]] = defaultdict(set)
    display: dict[str, str] = {}
    for claim in claims:
        if claim["kind"] == "person" and " " in claim["value"]:
            for key in name_keys(claim["value"], claim.get("language")):
                names[claim["document_id"]].add(key)
                display.setdefault(key, claim["value"])
    return assign_stories(labels, names, display, published, keys)


def story_keys(db: sqlite_utils.Database, labels: dict[str, str | None]) -> dict[str, Counter]:
    """Each unlabelled document's story profile, read from its stored sentences in order."""
    keys: dict[str, Counter] = {}
    languages = dict(db.execute("SELECT id, language FROM documents").fetchall())
    for document in sorted(doc for doc, label in labels.items() if not label):
        rows = db.execute(
            "SELECT role, text FROM sentences WHERE document_id = ? ORDER BY idx", [document]
        )
        people = db.execute(
            "SELECT value, sentence FROM claims WHERE document_id = ? AND kind = 'person'"
            " ORDER BY id",
            [document],
        )
        keys[document] = document_profile(rows, languages.get(document), people)
    return keys


def document_profile(
    sentences: Iterable[tuple[str, str]],
    language: str | None,
    people: Iterable[tuple[str, int]],
) -> Counter:
    """A document's story profile from its (role, text) sentences in order, with the people
    it names in full, (value, sentence index) in the order they were read: the earlier in the
    article, the more they weigh."""
    profile = story_profile(sentences, lexicon(language or "en"))
    for value, sentence in people:
        if " " in value:
            profile[f"n:{fold(value)}"] += person_weight(sentence)
    return profile


def name_keys(name: str, language: str | None) -> list[str]:
    """A full name as stories compare it, and, where names end in two surnames (lexicon key
    `surnames`), its short form: 'Diana Salazar Méndez' is also 'diana salazar'."""
    tokens = [t for t in fold(name).split() if t not in lexicon(language or "en").particles]
    keys = [fold(name)]
    if len(tokens) >= 3 and lexicon(language or "en").get("surnames", 1) >= 2:
        keys.append(f"{tokens[0]} {tokens[-2]}")
    return keys


def reconcile(db: sqlite_utils.Database, save: bool = True) -> list[Conflict]:
    """Find every conflict in the database; store them (and the stories and entities).

    Stories never meet, so they are reconciled one at a time: only one story's claims are in
    memory at once, and the work grows with the archive, not with its square."""
    version = meta(db, "content_version")  # before reading: what the results will be true of
    story_of = story_assignment(db)
    documents_of: dict[str, list[str]] = defaultdict(list)
    for document, story in story_of.items():
        documents_of[story].append(document)
    growing = growing_measures(
        row["language"] for row in db.query("SELECT DISTINCT language FROM documents")
    )
    entity_rows: list[dict] = []
    mention_rows: list[dict] = []
    conflicts: list[Conflict] = []
    for story in sorted(documents_of):
        claims = load_claims(db, documents_of[story])
        if claims:
            found = reconcile_story(db, story, claims, growing, entity_rows, mention_rows)
            conflicts += under_its_name(story, found)
    conflicts.sort(key=sort_key)
    carry_ids(db, conflicts)
    if save:
        names = {document: story_name(story) for document, story in story_of.items()}
        save_results(db, names, entity_rows, mention_rows, conflicts, version)
    return conflicts


def growing_measures(languages: Iterable[str | None]) -> set[str]:
    """Measures that grow as a story develops (a toll), in every language of the archive."""
    growing: set[str] = set()
    for code in {language or "en" for language in languages} | {"en"}:
        growing |= lexicon(code).growing
    return growing


def reconcile_story(
    sentences: SentenceSource,
    story: str,
    claims: list[dict],
    growing: set[str],
    entity_rows: list[dict],
    mention_rows: list[dict],
) -> list[Conflict]:
    """The conflicts of one story; its entities and mentions are added to the rows given.
    `sentences` gives the quoted sentences: the database, or a mapping (document id, sentence
    index) -> text when the claims were read elsewhere (a distributed run)."""
    story_of = {claim["document_id"]: story for claim in claims}
    entity_of: dict[tuple[str, str], str] = {}
    entity_names: dict[str, str] = {}
    conflicts: list[Conflict] = []
    named: list[tuple[str, list[dict], set[str]]] = []  # entities named by several documents
    involved: list[dict] = []
    kinds = defaultdict(list)
    for claim in claims:
        kinds[claim["kind"]].append(claim)
    for entity in resolve(story, kinds["person"], kinds["alias"], kinds["role"], kinds["age"]):
        entity_names[entity.id] = entity.name
        entity_rows.append(
            {
                "id": entity.id,
                "story": story_name(story),
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
        if len({m["document_id"] for m in mentions}) > 1 or any(
            (m.get("extra") or {}).get("slip_of") for m in mentions
        ):  # several sources, or one that misspells its own person
            involved.extend(mentions)
            named.append((entity.name, mentions, aliases))
    dates = kinds["date"]
    attach_sentences(
        sentences,
        involved
        + dates
        + [
            c
            for c in claims
            if c["kind"]
            in (*NUMBER_KINDS, "age", "quantity", "place", "time", "role", *PERSONAL_KINDS)
        ],
    )
    for name, mentions, aliases in named:
        conflicts.extend(name_conflicts(story, name, mentions, aliases))
    for (_, kind, entity, attribute), members in build_blocks(claims, story_of, entity_of).items():
        subject = entity_names.get(entity, "")
        if kind in NUMBER_KINDS:
            growing_measure = members[0]["attribute"] in growing
            found = judge_numbers(story, kind, subject, attribute, members, growing_measure)
        elif kind == "quantity":
            found = judge_quantities(story, attribute, members)
        elif kind == "age":
            found = judge_ages(story, subject, members)
        elif kind in PERSONAL_KINDS:
            found = judge_personal(story, kind, subject, members)
        elif kind == "time":
            found = judge_times(story, subject, attribute, members)
        elif kind == "role":
            found = judge_roles(story, subject, attribute, members)
        else:
            found = judge_dates(story, subject, attribute, members)
        if found:
            conflicts.append(found)
    conflicts.extend(place_conflicts(story, claims, entity_of, entity_names))
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


def under_its_name(story: str, conflicts: list[Conflict]) -> list[Conflict]:
    """A story's conflicts as every command shows and filters them: under the story's name
    (a label as given at ingest). Their ids were made from the story's key and stay as they
    were, so reviewers' decisions stay attached."""
    name = story_name(story)
    for conflict in conflicts:
        if conflict.subject == conflict.story:  # an event-level measure is about the story
            conflict.subject = name
        conflict.story = name
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
        # A conflict a reviewer decided on stays, retired when this run no longer finds it:
        # the decision's foreign key holds, and the desk's record keeps what was decided on.
        conn.execute("DELETE FROM conflicts WHERE id NOT IN (SELECT conflict_id FROM decisions)")
        conn.execute("UPDATE conflicts SET retired_at = coalesce(retired_at, ?)", (now(),))
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
            "INSERT INTO conflicts (id, story, kind, subject, attribute, severity, status, rule,"
            " explanation, data, retired_at) VALUES (?,?,?,?,?,?,?,?,?,?,NULL)"
            " ON CONFLICT (id) DO UPDATE SET story = excluded.story, kind = excluded.kind,"
            " subject = excluded.subject, attribute = excluded.attribute,"
            " severity = excluded.severity, status = excluded.status, rule = excluded.rule,"
            " explanation = excluded.explanation, data = excluded.data, retired_at = NULL",
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
                    conflict_to_json(c),
                )
                for c in conflicts
            ],
        )
        conn.execute("UPDATE meta SET value = ? WHERE key = 'reconciled_version'", (version,))


def conflict_to_json(conflict: Conflict) -> str:
    """The whole conflict as stored: unbounded values as the claims table writes them (1e308),
    because SQLite's JSON functions (and so the views) refuse `Infinity`."""
    raw = conflict.as_dict()
    for value in raw["values"]:
        value["low"], value["high"] = finite(value["low"]), finite(value["high"])
    return json.dumps(raw, ensure_ascii=False, default=str)


def conflict_from_json(data: str) -> Conflict:
    raw = json.loads(data)
    values = [
        Value(
            **{
                **v,
                "low": unbounded(v["low"]),
                "high": unbounded(v["high"]),
                "sources": [Source(**s) for s in v["sources"]],
            }
        )
        for v in raw.pop("values")
    ]
    return Conflict(**raw, values=values)


def evidence(values: list[dict]) -> set[tuple]:
    """The sentences a conflict rests on: document, the claim's words and its sentence."""
    return {
        (source["document"], source["words"], source["quote"])
        for value in values
        for source in value["sources"]
    }


def carry_ids(db: sqlite_utils.Database, conflicts: list[Conflict]) -> None:
    """Give a conflict the id it had in the last run, when its id changed but its evidence did
    not: a conflict's id is computed from its story and subject, and both take their names
    from the people most mentioned, which a new article can change. A decision names the
    conflict by id, so without this it would lose its conflict.

    A stored conflict no longer found under its id passes it to the new conflict of the same
    kind, attribute and rule family that shares the most evidence with it."""
    stored = {row[0] for row in db.execute("SELECT id FROM conflicts")}
    new = [c for c in conflicts if c.id not in stored]
    gone = stored - {c.id for c in conflicts}
    if not new or not gone:
        return
    previous: dict[tuple, list[tuple[str, set[tuple]]]] = defaultdict(list)
    for row in db.query("SELECT id, kind, attribute, rule, data FROM conflicts"):
        if row["id"] in gone and row["rule"]:
            key = (row["kind"], row["attribute"], rule_family(row["rule"]))
            previous[key].append((row["id"], evidence(json.loads(row["data"])["values"])))
    pairs = []
    for conflict in new:
        key = (conflict.kind, conflict.attribute, rule_family(conflict.rule))
        if previous.get(key):
            mine = evidence(conflict.as_dict()["values"])
            for old_id, theirs in previous[key]:
                if mine & theirs:
                    pairs.append((-len(mine & theirs), conflict.id, old_id, conflict))
    taken: set[str] = set()
    renamed: set[int] = set()
    for _, _, old_id, conflict in sorted(pairs, key=lambda p: p[:3]):
        if old_id not in taken and id(conflict) not in renamed:
            taken.add(old_id)
            renamed.add(id(conflict))
            conflict.id = old_id


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
            (
                conflict_from_json(row["data"])
                for row in db.query("SELECT data FROM conflicts WHERE retired_at IS NULL")
            ),
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


def decided_conflicts(db: sqlite_utils.Database) -> list[Conflict]:
    """Every conflict a reviewer decided on, with its latest decision, including those a later
    run no longer found (a source corrected since, say), as they were when last found."""
    found = [
        conflict_from_json(row["data"])
        for row in db.query(
            "SELECT data FROM conflicts WHERE data != '{}'"
            " AND id IN (SELECT conflict_id FROM decisions)"
        )
    ]
    return attach_decisions(db, sorted(found, key=sort_key))
