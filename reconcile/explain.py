"""Why an owed fact was missed: the claims behind each of its gold values, and why they never met.

Whoever tunes extraction or the rules needs to know, for a missed number or age fact, where the
chain broke: no claim carries a document's value (extraction), the claim was kept out of every
comparison (`extra.comparable` false, with the frame's reason where it records one), it was set
aside from its block (off the block's scale, or one of a document's two readings), the two
documents' claims were keyed apart (different measures or frames), or they met and were judged
compatible. For a missed name or role the chain runs through resolution instead: no person claim
carries a document's spelling, the spellings were resolved to two people (never compared), or
they were compared and judged a variant (an accent, a nickname, a translation: not reported) or
reported in a conflict that was not clean. `explain` answers that for every missed fact, cause
by cause, from the claims of the database; `reconcile eval --explain` prints it.

Nothing here prints.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .evaluate import Evaluation, Fact, Gold, Reported, Statement, says
from .extract.frames import frame_label
from .judge import compatible
from .lexicon import fold
from .match import (
    NUMBER_KINDS,
    block_key,
    in_scale,
    main_day,
    one_reading_per_document,
    story_countries,
    superseded,
)
from .role_rules import block_key as role_block_key

#: Fact kinds explained, and the claim kinds that carry their values.
EXPLAINED = {
    "count": ("count",),
    "money": ("money",),
    "age": ("age",),
    "name": ("person",),
    "role": ("role",),
}
#: The causes of two claims that met and were judged to say one thing, with nothing reported.
QUIET = ("no difference reported", "(one office)")
#: Fact kinds whose values are words said of a person: resolution decides whether they meet.
PERSONAL = ("name", "role")

#: How far a pair of claims got, best first; a fact's cause is its best pair's stage.
STAGES = (
    "compared",  # in one block, both kept: judged compatible, or reported but not found
    "set aside",  # in one block, but one left out of the comparison
    "different entities",  # names or roles given to two people: never compared
    "different keys",  # both checked, in different blocks
    "not checked",  # one of them is kept out of every comparison
    "not extracted",  # a document's value is carried by no claim
)


@dataclass
class ClaimNote:
    """One claim whose value equals a document's gold value, and what became of it."""

    document: str
    value: str
    qualifier: str
    attribute: str
    label: str  # the measure with its frame: the block's last key part
    block: tuple | None
    fate: str  # "compared", "set aside: ...", "alone in its block", "not checked: ..."
    sentence: int
    span: tuple[int, int] | None = None  # a name's or role's characters in its document
    entity: str = ""  # the person it was resolved to (a name or role)

    def as_dict(self) -> dict:
        found = {
            "document": self.document,
            "value": self.value,
            "qualifier": self.qualifier,
            "attribute": self.attribute,
            "label": self.label,
            "block": list(self.block) if self.block else None,
            "fate": self.fate,
            "sentence": self.sentence,
        }
        if self.span:
            found["span"] = list(self.span)
            found["entity"] = self.entity
        return found


@dataclass
class Explanation:
    fact: str
    story: str
    kind: str
    cause: str  # one of STAGES, with its detail after a colon
    says: list[tuple[Statement, list[ClaimNote]]] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # conflicts that touched it, verdicts

    @property
    def stage(self) -> str:
        return self.cause.split(":", 1)[0]

    def as_dict(self) -> dict:
        return {
            "fact": self.fact,
            "story": self.story,
            "kind": self.kind,
            "cause": self.cause,
            "conflicts": self.conflicts,
            "says": [
                {"doc": s.doc, "value": s.shown, "claims": [n.as_dict() for n in notes]}
                for s, notes in self.says
            ],
        }


def unchecked_reason(claim: dict) -> str:
    """Why a number claim is kept out of every comparison, as far as its claim records it."""
    extra = claim["extra"]
    unclear = (extra.get("frame") or {}).get("unclear")
    if unclear:
        return unclear
    if "additional" in extra:
        return "an increment ('another', 'more'), not a total"
    if claim["kind"] == "percent":
        return "a share"
    if claim["low"] is None:
        return "no lower bound"
    return f"no event said of it ('{claim['attribute']}')"


def claim_fates(claims: list[dict], story: str = "") -> dict[int, tuple[tuple | None, str]]:
    """Claim id -> (block key, fate) for the number and age claims of one story, as
    `match.build_blocks` would key and filter them (a subject stands for its entity)."""
    fates: dict[int, tuple[tuple | None, str]] = {}
    days = main_day([c for c in claims if c["kind"] == "date"])
    several = len(story_countries(claims)) > 1
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        entity = claim["subject_key"] or None
        if claim["kind"] in NUMBER_KINDS:
            key = block_key(claim, story, entity, days, several)
            if key is None:
                fates[claim["id"]] = (None, "not checked: " + unchecked_reason(claim))
                continue
        elif claim["kind"] == "age":
            if not entity:
                fates[claim["id"]] = (None, "not checked: an age of no named person")
                continue
            key = (story, "age", entity, "age")
        else:
            continue
        blocks[key].append(claim)
    for key, members in blocks.items():
        scaled = in_scale(members) if key[1] in NUMBER_KINDS else members
        kept = one_reading_per_document(scaled) if key[1] in NUMBER_KINDS else scaled
        scaled_ids = {m["id"] for m in scaled}
        kept_ids = {m["id"] for m in kept}
        documents = {m["document_id"] for m in kept}
        for member in members:
            if member["id"] not in scaled_ids:
                fate = "set aside: off the block's scale"
            elif member["id"] not in kept_ids and superseded(member):
                fate = "set aside: its sentence gives it as an earlier figure"
            elif member["id"] not in kept_ids:
                fate = "set aside: its document gives the block two readings"
            elif len(documents) < 2:
                fate = "alone in its block"
            else:
                fate = "compared"
            fates[member["id"]] = (key, fate)
    return fates


def carries(statement: Statement, claim: dict) -> bool:
    """Does the claim state the gold value? An open claim ("at least 39") states its bound
    only: it holds every larger figure, but it does not say them."""
    low, high = claim["low"], claim["high"]
    open_low, open_high = low is None or math.isinf(low), high is None or math.isinf(high)
    if statement.number and (open_low or open_high):
        if open_low and open_high:
            return False
        bound = high if open_low else low
        return statement.number[0] <= bound <= statement.number[1]
    reported = Reported.of({"value": claim["value"], "low": low, "high": high})
    return says(statement, reported)


def pair_stage(a: tuple[dict, ClaimNote], b: tuple[dict, ClaimNote]) -> str:
    """How far two claims of two documents got towards being compared."""
    (ca, na), (cb, nb) = a, b
    if na.block is None or nb.block is None:
        unchecked = na if na.block is None else nb
        return f"not checked: {unchecked.fate.split(': ', 1)[-1]}"
    if na.block[0] != nb.block[0]:
        return "different keys: the documents were grouped into different stories"
    if na.block != nb.block and ca["kind"] == "age" and na.block[2] != nb.block[2]:
        return f"different entities: '{ca['subject']}' vs '{cb['subject']}'"  # the ages' owners
    if na.block != nb.block:
        return f"different keys: '{na.label}' vs '{nb.label}'"
    if na.fate.startswith("set aside") or nb.fate.startswith("set aside"):
        aside = na if na.fate.startswith("set aside") else nb
        return aside.fate
    if ca["kind"] != "age" and compatible(ca, cb):
        return f"compared: judged compatible ({na.value} / {nb.value})"
    return f"compared: in block '{na.label}', reported but not found clean"


def explain_fact(
    fact: Fact, claims_of: dict[str, list[dict]], fates: dict, conflicts: list[str]
) -> Explanation:
    """The claims behind each gold value of a fact, and the furthest any two got."""

    def note(claim: dict, name: str) -> ClaimNote:
        key, fate = fates.get(claim["id"], (None, "not checked"))
        return ClaimNote(
            name,
            claim["value"],
            claim["qualifier"],
            claim["attribute"],
            frame_label(claim["attribute"], claim["extra"]),
            key,
            fate,
            claim["sentence"],
        )

    found = claims_behind(fact, claims_of, carries, note)
    return furthest(fact, found, conflicts, pair_stage)


def claims_behind(fact: Fact, claims_of: dict[str, list[dict]], carries_value, note) -> list:
    """For each gold statement of `fact`, the claims of its document(s) of the fact's kinds
    that carry its value (`carries_value(statement, claim)`), each with `note(claim, name)`."""
    wanted = EXPLAINED[fact.kind]
    found: list[tuple[Statement, list[tuple[dict, object]]]] = []
    for statement in fact.statements:
        hits = [
            (claim, note(claim, name))
            for name, claims in sorted(claims_of.items())
            if name.startswith(statement.doc)
            for claim in claims
            if claim["kind"] in wanted and carries_value(statement, claim)
        ]
        found.append((statement, hits))
    return found


def furthest(fact: Fact, found: list, conflicts: list[str], stage_of) -> Explanation:
    """The furthest any two owing statements' claims got (`stage_of` judges a pair)."""
    best = (len(STAGES), "not extracted: no two documents' values are carried by claims")
    owing = [
        (a, b)
        for a, b in itertools.combinations(found, 2)
        if (a[0].doc != b[0].doc or fact.within_document)
        and not (a[0].loose or b[0].loose)
        and not a[0].compatible(b[0])
    ]
    missing = [
        s.doc for s, hits in found if not hits and any(s in (p[0][0], p[1][0]) for p in owing)
    ]
    if missing:
        best = (
            len(STAGES) - 1,
            "not extracted: no claim carries the value of " + ", ".join(missing),
        )
    for (_, hits_a), (_, hits_b) in owing:
        for a, b in itertools.product(hits_a, hits_b):
            if a[0]["document_id"] == b[0]["document_id"] and not fact.within_document:
                continue
            cause = stage_of(a, b)
            # a pair that met and was judged says more than one that met with nothing to say
            rank = STAGES.index(cause.split(":", 1)[0]) + 0.5 * cause.endswith(QUIET)
            if rank < best[0]:
                best = (rank, cause)
    return Explanation(
        fact.id,
        fact.story,
        fact.kind,
        best[1],
        [(s, [note for _, note in hits]) for s, hits in found],
        conflicts,
    )


# ---------------------------------------------------------------- names and roles


@dataclass
class People:
    """What resolution and judging made of a database's people: who each person claim (and
    each role's subject) was resolved to, the story of each document, the stored name and
    role conflicts (variants too) and the verdicts of the reported ones."""

    entity_of_claim: dict[int, str]
    entity_of_subject: dict[tuple[str, str], str]
    entity_name: dict[str, str]
    story_of: dict[str, str]
    conflicts: list[dict]  # stored conflicts of kind name or role, as their JSON
    verdict_of: dict[str, str]

    def entity(self, claim: dict) -> str | None:
        if claim["kind"] == "person":
            return self.entity_of_claim.get(claim["id"])
        return self.entity_of_subject.get((claim["document_id"], claim["subject_key"]))


def read_people(db, story_of: dict[str, str], verdict_of: dict[str, str]) -> People:
    """The resolved people of a reconciled database (`explain` for names and roles), given
    the story of each document and the verdict of each reported conflict."""
    entity_of_claim: dict[int, str] = {}
    entity_of_subject: dict[tuple[str, str], str] = {}
    for row in db.query(
        "SELECT m.claim_id, m.entity_id, c.document_id, c.subject, c.value"
        " FROM mentions m JOIN claims c ON c.id = m.claim_id"
    ):
        entity_of_claim[row["claim_id"]] = row["entity_id"]
        for said in (row["subject"], row["value"]):
            entity_of_subject[(row["document_id"], fold(said))] = row["entity_id"]
    conflicts = [
        json.loads(row["data"])
        for row in db.query("SELECT data FROM conflicts WHERE kind IN ('name', 'role')")
    ]
    return People(
        entity_of_claim,
        entity_of_subject,
        {row["id"]: row["name"] for row in db.query("SELECT id, name FROM entities")},
        story_of,
        conflicts,
        verdict_of,
    )


def person_note(claim: dict, document: str, people: People) -> ClaimNote:
    """A name or role claim: its span, the person it was resolved to, and the block a role
    meets other roles in (`role_rules.block_key`)."""
    entity = people.entity(claim)
    name = people.entity_name.get(entity, "") if entity else ""
    story = people.story_of.get(claim["document_id"], "")
    if claim["kind"] == "person":
        block = (story, "person", entity) if entity else None
        fate = f"resolved to '{name}'" if entity else "not checked: resolved to no one"
        label = name
    else:
        block = role_block_key(claim, story, entity) if entity else None
        if not entity:
            fate = "not checked: a role of no resolved person"
        elif block is None:
            fate = "not checked: not an office of a place or body the rules compare"
        else:
            fate = f"said of '{name}'"
        label = block[-1] if block else claim["attribute"]
    return ClaimNote(
        document,
        claim["value"],
        claim["qualifier"],
        claim["attribute"],
        label,
        block,
        fate,
        claim["sentence"],
        (claim["start"], claim["end"]),
        name,
    )


def conflict_documents(conflict: dict) -> set[str]:
    return {
        str(source.get("document", ""))
        for value in conflict.get("values") or []
        for source in value.get("sources") or []
    }


def person_pair_stage(
    a: tuple[dict, ClaimNote], b: tuple[dict, ClaimNote], kind: str, people: People
) -> str:
    """How far two documents' spellings of a name (or two roles) got towards a conflict."""
    (ca, na), (cb, nb) = a, b
    story_a = people.story_of.get(ca["document_id"])
    story_b = people.story_of.get(cb["document_id"])
    if story_a != story_b:
        return "different keys: the documents were grouped into different stories"
    if na.block is None or nb.block is None:
        unchecked = na if na.block is None else nb
        return f"not checked: {unchecked.fate.split(': ', 1)[-1]}"
    if na.entity != nb.entity or na.block[2] != nb.block[2]:
        return f"different entities: '{na.entity}' vs '{nb.entity}'"
    if na.block != nb.block:
        return f"different keys: '{na.label}' vs '{nb.label}'"
    documents = {na.document, nb.document}
    met = [
        c
        for c in people.conflicts
        if c.get("kind") == kind
        and c.get("subject") == na.entity
        and documents <= conflict_documents(c)
    ]
    reported = [c for c in met if c.get("id") in people.verdict_of]
    for conflict in reported:
        verdict = people.verdict_of[conflict["id"]]
        if verdict != "clean":
            return f"compared: reported but not found clean ({conflict['rule']}, {verdict})"
    if reported:
        return f"compared: reported, without these two spellings apart ({reported[0]['rule']})"
    for conflict in met:
        if conflict.get("status") == "variant" or conflict.get("severity") == "low":
            return f"compared: judged a variant, not reported ({conflict['rule']})"
    if kind == "name":
        return "compared: one person, no difference reported"
    return "compared: judged compatible (one office)"


def explain_personal(
    fact: Fact, claims_of: dict[str, list[dict]], people: People, conflicts: list[str]
) -> Explanation:
    """A missed name or role: the claims of each document carrying its gold value, and the
    furthest any two documents' claims got (never compared: not extracted, other stories,
    other people; compared: judged a variant, reported but not clean)."""
    found = claims_behind(
        fact,
        claims_of,
        lambda statement, claim: says(statement, Reported.of(claim)),
        lambda claim, name: person_note(claim, name, people),
    )
    return furthest(fact, found, conflicts, lambda a, b: person_pair_stage(a, b, fact.kind, people))


def explain(db, gold: Gold, evaluation: Evaluation) -> list[Explanation]:
    """Why each missed owed fact of an explained kind was missed, from the database's claims.
    `db` is a sqlite_utils database that has been reconciled (its stories are stored)."""
    from .pipeline import load_claims
    from .store import attach_sentences

    verdict_of = {c.id: c.verdict for c in evaluation.conflicts}
    missed = {
        o.id: [f"{c} ({verdict_of.get(c, '?')})" for c in o.conflicts]
        for o in evaluation.facts
        if o.outcome == "missed"
    }
    facts = [f for f in gold.facts if f.id in missed and f.kind in EXPLAINED]
    if not facts:
        return []
    names = {row["id"]: row["name"] for row in db.query("SELECT id, name FROM documents")}
    story_of = {
        row["document_id"]: row["story"]
        for row in db.query("SELECT document_id, story FROM stories")
    }
    documents_of: dict[str, list[str]] = defaultdict(list)
    for document, story in story_of.items():
        documents_of[story].append(document)
    prefixes = {s.doc for f in facts for s in f.statements}
    fates: dict[int, tuple[tuple | None, str]] = {}
    claims_of: dict[str, list[dict]] = defaultdict(list)
    for story, documents in sorted(documents_of.items()):
        if not any(names.get(d, "").startswith(p) for d in documents for p in prefixes):
            continue
        claims = load_claims(db, documents)
        attach_sentences(db, claims)  # `match.superseded` reads a figure's sentence
        fates.update(claim_fates(claims, story))
        for claim in claims:
            claims_of[names[claim["document_id"]]].append(claim)
    people = (
        read_people(db, story_of, verdict_of) if any(f.kind in PERSONAL for f in facts) else None
    )
    explanations = [
        explain_personal(fact, claims_of, people, missed[fact.id])
        if fact.kind in PERSONAL
        else explain_fact(fact, claims_of, fates, missed[fact.id])
        for fact in facts
    ]
    order = {f.id: i for i, f in enumerate(gold.facts)}
    return sorted(explanations, key=lambda e: order[e.fact])


def causes(explanations: list[Explanation]) -> Counter:
    """How many missed facts stopped at each stage."""
    return Counter(e.stage for e in explanations)


def general_cause(cause: str) -> str:
    """A cause without what is particular to one fact (quoted words, document names, values):
    'not checked: no event said of it', 'different keys: other measures or frames'."""
    stage, _, detail = cause.partition(": ")
    if stage == "not extracted":
        detail = "a document's value" if detail.startswith("no claim") else detail
    elif stage == "different keys" and " vs " in detail:
        detail = "other measures or frames"
    elif stage == "different entities":
        detail = "resolved to two people"
    elif stage == "compared" and not detail.startswith("judged a variant"):
        detail = next(
            (
                general
                for opening, general in (
                    ("judged compatible", "judged compatible"),
                    ("one person", "one person, no difference reported"),
                    ("reported, without", "reported, these spellings not apart"),
                )
                if detail.startswith(opening)
            ),
            "reported, not clean",
        )
    if not detail.startswith("judged a variant"):  # which kind of variant is general
        detail = re.sub(r"\s*\(.*\)$", "", detail)
    return f"{stage}: {detail}" if detail else stage


def cause_table(explanations: list[Explanation]) -> list[tuple[str, int]]:
    """(general cause, missed facts) from the most common, for a tuning session's first look."""
    return Counter(general_cause(e.cause) for e in explanations).most_common()
