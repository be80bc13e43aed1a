"""Why an owed fact was missed: the claims behind each of its gold values, and why they never met.

Whoever tunes extraction or the rules needs to know, for a missed number or age fact, where the
chain broke: no claim carries a document's value (extraction), the claim was kept out of every
comparison (`extra.comparable` false, with the frame's reason where it records one), it was set
aside from its block (off the block's scale, or one of a document's two readings), the two
documents' claims were keyed apart (different measures or frames), or they met and were judged
compatible. `explain` answers that for every missed fact, cause by cause, from the claims of the
database; `reconcile eval --explain` prints it.

Nothing here prints.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .evaluate import Evaluation, Fact, Gold, Reported, Statement, says
from .extract.frames import frame_label
from .judge import compatible
from .match import NUMBER_KINDS, block_key, in_scale, main_day, one_reading_per_document, superseded

#: Fact kinds explained, and the claim kinds that carry their values.
EXPLAINED = {"count": ("count",), "money": ("money",), "age": ("age",)}

#: How far a pair of claims got, best first; a fact's cause is its best pair's stage.
STAGES = (
    "compared",  # in one block, both kept: judged compatible, or reported but not found
    "set aside",  # in one block, but one left out of the comparison
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

    def as_dict(self) -> dict:
        return {
            "document": self.document,
            "value": self.value,
            "qualifier": self.qualifier,
            "attribute": self.attribute,
            "label": self.label,
            "block": list(self.block) if self.block else None,
            "fate": self.fate,
            "sentence": self.sentence,
        }


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
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        entity = claim["subject_key"] or None
        if claim["kind"] in NUMBER_KINDS:
            key = block_key(claim, story, entity, days)
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
    wanted = EXPLAINED[fact.kind]
    found: list[tuple[Statement, list[tuple[dict, ClaimNote]]]] = []
    for statement in fact.statements:
        hits = []
        for name, claims in sorted(claims_of.items()):
            if not name.startswith(statement.doc):
                continue
            for claim in claims:
                if claim["kind"] in wanted and carries(statement, claim):
                    key, fate = fates.get(claim["id"], (None, "not checked"))
                    note = ClaimNote(
                        name,
                        claim["value"],
                        claim["qualifier"],
                        claim["attribute"],
                        frame_label(claim["attribute"], claim["extra"]),
                        key,
                        fate,
                        claim["sentence"],
                    )
                    hits.append((claim, note))
        found.append((statement, hits))
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
            cause = pair_stage(a, b)
            rank = STAGES.index(cause.split(":", 1)[0])
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
    documents_of: dict[str, list[str]] = defaultdict(list)
    for row in db.query("SELECT document_id, story FROM stories"):
        documents_of[row["story"]].append(row["document_id"])
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
    explanations = [explain_fact(fact, claims_of, fates, missed[fact.id]) for fact in facts]
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
    elif stage == "compared":
        detail = "judged compatible" if detail.startswith("judged") else "reported, not clean"
    detail = re.sub(r"\s*\(.*\)$", "", detail)
    return f"{stage}: {detail}" if detail else stage


def cause_table(explanations: list[Explanation]) -> list[tuple[str, int]]:
    """(general cause, missed facts) from the most common, for a tuning session's first look."""
    return Counter(general_cause(e.cause) for e in explanations).most_common()
