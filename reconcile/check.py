"""Stage 8, check: a draft against the corpus, before it is published.

The draft's claims are extracted as any article's are. Each one is put in the block it would
join in the story the draft belongs to (`match.block_key`, `match.comparable_figures`) and judged as
`conflicts` would judge it were the draft one more source: the pairs `judge.clashing_pairs`
and `judge.approximate_pairs` find, the spellings `judge.name_conflicts` sets apart, the
calendar of `judge.weekday_mismatch`, the places `judge_places` holds to be one place or two.
Only the weighing of sides (how many sources back the draft) is check's own. The draft is only read; nothing is stored.

    draft = load_draft("draft.md")
    result = check_draft(db, draft)
    result.failed("medium")  # True when a finding at or above medium was not accepted
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import WEEKDAY_NAMES, PartialDate
from .judge import (
    PERSONAL_RULES,
    SEVERITY_RANK,
    approximate_pairs,
    birthday_between,
    clashing_pairs,
    date_relation,
    date_span,
    date_text,
    is_exact,
    make_value,
    name_conflicts,
    one_account_per_document,
    personal_value,
    raw_parts,
    spellings,
    tally,
    value_text,
    weekday_mismatch,
)
from .judge_places import (
    SPELLING_ONLY,
    clusters,
    comparable_places,
    inside,
    misspellings,
    place_key,
    same_place,
    shown,
    waypoints,
    within_pairs,
)
from .lexicon import fold, lexicon
from .match import NUMBER_KINDS, block_key, comparable_figures, story_countries
from .models import PERSONAL_KINDS, Claim, Document, Sentence, Value
from .output import number_text
from .quantity_rules import label_of as quantity_label
from .quantity_rules import one_reading_per_document as one_measure_per_document
from .quantity_rules import value_label as quantity_value
from .role_rules import wording as role_wording
from .store import CLAIM_COLUMNS, attach_sentences, claim_row, meta, writable
from .time_rules import time_text

if TYPE_CHECKING:
    from collections.abc import Callable

    import sqlite_utils

#: A name in more sentences than this ties the draft to no story in particular.
COMMON_NAME_SENTENCES = 2000


class CheckError(Exception):
    """The draft cannot be checked as asked; the message says why in one line."""


# --------------------------------------------------------------------------- records


@dataclass
class Finding:
    """One draft claim and what the corpus says about it."""

    id: str
    kind: str  # count, money, percent, quantity, age, date, nationality, children, place, name
    attribute: str
    subject: str  # the person (as the sources mostly write the name), or "" for the event
    words: str  # the draft's own words
    value: str  # the draft's value, as written
    line: int  # 1-based, in the draft file as given
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # 1-based, exclusive
    start: int  # offsets into the draft's text
    end: int
    sentence: str  # the draft's sentence
    status: str  # contradiction, exceeds sources, disputed, weekday mismatch, approximate, variant, supported, unsupported
    severity: str | None  # high, medium, low; None for supported and unsupported claims
    rule: str
    explanation: str
    suggestion: str | None = None
    corpus: list[Value] = field(default_factory=list)
    accepted: str | None = None  # the reason given in the accept file

    @property
    def is_problem(self) -> bool:
        return self.severity is not None


@dataclass
class AcceptEntry:
    """A known difference an editor keeps: the draft's words and why they stand."""

    words: str
    reason: str
    line: int | None = None  # where the entry is written in the accept file
    used: bool = False


@dataclass
class Draft:
    """A draft as read and analysed, with the way back from text offsets to file lines."""

    document: Document
    sentences: list[Sentence]
    claims: list[Claim]
    raw: str = ""  # the file's decoded text (front matter and markup included)
    base: int | None = 0  # where document.text starts in `raw`; None when it is not a slice

    def __post_init__(self) -> None:
        self._lines = {
            "raw": newlines(self.raw),
            "text": newlines(self.document.text),
        }

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a text offset in the file as given."""
        if self.base is not None:
            return line_and_column(self._lines["raw"], offset + self.base)
        # HTML and JSONL: the text is not a slice of the file; find the claim's sentence in
        # the file, and failing that count lines in the text itself.
        sentence = next((s for s in self.sentences if s.start <= offset < s.end), None)
        found = self.raw.find(sentence.text) if sentence is not None and self.raw else -1
        if found >= 0:
            return line_and_column(self._lines["raw"], found + offset - sentence.start)
        return line_and_column(self._lines["text"], offset)


def newlines(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c == "\n"]


def line_and_column(breaks: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(breaks, offset - 1)
    column = offset - (breaks[line - 1] + 1 if line else 0)
    return line + 1, column + 1


@dataclass
class CheckResult:
    draft: Draft
    story: str | None
    story_reason: str  # option, shared names, only story, none
    story_names: list[str]
    findings: list[Finding]
    stale: list[AcceptEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.is_problem and not f.accepted]

    def failed(self, fail_on: str) -> bool:
        """Is there an unaccepted finding (or a stale accept entry, which counts as low) at
        or above `fail_on`?"""
        rank = SEVERITY_RANK[fail_on]
        worst = [SEVERITY_RANK[f.severity] for f in self.problems() if f.severity]
        if self.stale:
            worst.append(SEVERITY_RANK["low"])
        return any(r >= rank for r in worst)

    def counts(self) -> dict[str, int]:
        problems = self.problems()
        out = {s: sum(1 for f in problems if f.severity == s) for s in ("high", "medium", "low")}
        out["supported"] = sum(1 for f in self.findings if f.status == "supported")
        out["unsupported"] = sum(1 for f in self.findings if f.status == "unsupported")
        out["accepted"] = sum(1 for f in self.findings if f.accepted)
        out["stale"] = len(self.stale)
        return out


# --------------------------------------------------------------------------- the draft


def load_draft(path: str, stdin: bytes | None = None, max_bytes: int | None = None) -> Draft:
    """Read and analyse a draft (any format ingest reads; "-" for standard input).
    Raises `LoadError` when the file cannot be read, `CheckError` when it holds several
    documents."""
    from .ingest import analyse
    from .load import DEFAULT_MAX_BYTES, decode, load_path

    limit = max_bytes or DEFAULT_MAX_BYTES
    if path != "-" and Path(path).is_dir():
        raise CheckError(f"{path}: is a folder; check one draft file at a time")
    documents = load_path(path, {}, limit, stdin)
    if len(documents) != 1:
        raise CheckError(f"{path}: holds {len(documents)} documents; check one draft at a time")
    document, sentences, claims = analyse(documents[0])
    try:
        data = stdin if path == "-" else Path(path).read_bytes()
        raw = decode(data or b"")
    except Exception:  # the text was read once already; lines are a convenience
        raw = document.text
    # Text and Markdown drafts are the file after any front matter: offsets shift by its length.
    base = len(raw) - len(document.text) if raw.endswith(document.text) else None
    return Draft(document, sentences, claims, raw, base)


def analyse_document(document: Document) -> Draft:
    """A document given in memory (a test, a program) as a draft; lines count in its text."""
    from .ingest import analyse

    document, sentences, claims = analyse(document)
    return Draft(document, sentences, claims, document.text, 0)


def draft_rows(draft: Draft) -> list[dict]:
    """The draft's claims in the shape the store gives corpus claims."""
    document = draft.document
    texts = {s.index: s.text for s in draft.sentences}
    rows = []
    for claim in draft.claims:
        row = claim.as_dict()
        row.update(
            id=None,
            document=document.name,
            document_id=document.id,
            outlet=document.outlet,
            published=document.published,
            language=document.language,
            sentence_text=texts.get(claim.sentence, claim.quote),
            subject_key=fold(claim.subject),
        )
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- the corpus


def ensure_documents(db: sqlite_utils.Database) -> None:
    if db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None:
        raise CheckError(
            "the database holds no documents: ingest the sources first (reconcile ingest FOLDER)"
        )


def ensure_reconciled(db: sqlite_utils.Database) -> list[str]:
    """Stories and entities are read from the store; recompute them when documents changed
    since they were. Returns warnings."""
    import sqlite3

    if meta(db, "content_version") == meta(db, "reconciled_version"):
        return []
    from .pipeline import reconcile

    try:
        reconcile(writable(db))
    except sqlite3.OperationalError as error:
        if "readonly" not in str(error) and "read-only" not in str(error):
            raise
        return [
            "the database changed since stories were last computed and cannot be written; "
            "checking against the stories stored before"
        ]
    return []


def find_story(
    db: sqlite_utils.Database, names: list[str], exclude: tuple[str, str]
) -> tuple[str | None, list[str]]:
    """The story whose documents name most of the draft's people (in full, accents and case
    aside), found through the sentence index. Names in more sentences than
    `COMMON_NAME_SENTENCES` only break ties."""
    import sqlite3

    rare: dict[str, set[str]] = defaultdict(set)
    common: dict[str, set[str]] = defaultdict(set)
    hits: Counter[str] = Counter()
    sql = (
        "SELECT st.story, se.document_id FROM sentences_fts"
        " CROSS JOIN sentences se ON se.id = sentences_fts.rowid"
        " CROSS JOIN stories st ON st.document_id = se.document_id"
        " CROSS JOIN documents d ON d.id = se.document_id"
        " WHERE sentences_fts MATCH ? AND d.id != ? AND d.path != ? LIMIT ?"
    )
    for name in names:
        phrase = '"' + name.replace('"', '""') + '"'
        try:
            rows = db.execute(sql, [phrase, *exclude, COMMON_NAME_SENTENCES]).fetchall()
        except sqlite3.OperationalError:
            continue
        found = common if len(rows) >= COMMON_NAME_SENTENCES else rare
        for story, _document in rows:
            found[story].add(name)
            hits[story] += 1
    stories = set(rare) | set(common)
    if not stories:
        return None, []
    best = min(stories, key=lambda s: (-len(rare[s]), -len(common[s]), -hits[s], s))
    return best, sorted(rare[best] | common[best])


@dataclass
class Entity:
    id: str
    name: str
    spellings: list[str]


class Corpus:
    """The claims of one story that a check needs, read a few at a time through the indexes:
    the story's entities, then only the (kind, attribute) blocks the draft speaks of."""

    def __init__(self, db: sqlite_utils.Database, story: str, exclude: tuple[str, str]):
        self.db, self.story, self.exclude = db, story, exclude
        self.entities: dict[str, Entity] = {}
        self.by_spelling: dict[str, set[str]] = defaultdict(set)
        self.by_surname: dict[str, set[str]] = defaultdict(set)
        from .resolve import parts

        for row in db.query("SELECT id, name, names FROM entities WHERE story = ?", [story]):
            spellings = json.loads(row["names"] or "[]") or [row["name"]]
            entity = Entity(row["id"], row["name"], spellings)
            self.entities[entity.id] = entity
            for spelling in spellings:
                self.by_spelling[fold(spelling)].add(entity.id)
                if " " in spelling:
                    for surname in parts(spelling)[1]:
                        self.by_surname[surname].add(entity.id)
        self._entity_of: dict[tuple[str, str], str] | None = None

    def entity_of(self, document_id: str, subject: str) -> str | None:
        """The entity a corpus claim's subject names, as `pipeline.reconcile` tied them."""
        if self._entity_of is None:
            self._entity_of = {}
            for row in self.db.execute(
                "SELECT c.document_id, c.subject, c.value, m.entity_id FROM entities e"
                " CROSS JOIN mentions m ON m.entity_id = e.id"
                " CROSS JOIN claims c ON c.id = m.claim_id"
                " WHERE e.story = ?",
                [self.story],
            ):
                document_id_, subject_, value, entity_id = row
                for key in (subject_, value):
                    if key:
                        self._entity_of.setdefault((document_id_, fold(key)), entity_id)
        return self._entity_of.get((document_id, fold(subject)))

    def entity_for(self, name: str) -> str | None:
        """The story's entity a draft name refers to: the same spelling (accents and case
        aside), else a name `same_person` accepts, else a surname only one person bears."""
        from rapidfuzz.distance import JaroWinkler

        from .resolve import same_person

        key = fold(name)
        exact = self.by_spelling.get(key, set())
        if len(exact) == 1:
            return next(iter(exact))
        if exact:
            return None  # two people of the story go by this name
        if " " not in name.strip():
            owners = self.by_surname.get(key, set())
            return next(iter(owners)) if len(owners) == 1 else None
        best, best_score = None, 0.0
        for entity in self.entities.values():
            for spelling in entity.spellings:
                if " " in spelling and same_person(name, spelling):
                    similarity = JaroWinkler.normalized_similarity(key, fold(spelling))
                    if similarity > best_score:
                        best, best_score = entity.id, similarity
        return best

    def claims(self, pairs: set[tuple[str, str]]) -> list[dict]:
        """The story's claims of these (kind, attribute) blocks, with their sentences."""
        if not pairs:
            return []
        kinds = sorted({k for k, _ in pairs})
        attributes = sorted({a for _, a in pairs})
        sql = (
            # The story's documents lead (CROSS JOIN fixes the order) and their claims are
            # read through claims_document; the unary + keeps SQLite off the (kind,
            # attribute) index, which would visit that kind's claims in every story.
            f"SELECT {CLAIM_COLUMNS} FROM stories s"  # noqa: S608 (fixed text and placeholders)
            " CROSS JOIN documents d ON d.id = s.document_id"
            " CROSS JOIN claims c ON c.document_id = d.id"
            f" WHERE s.story = ? AND +c.kind IN ({','.join('?' * len(kinds))})"
            f" AND +c.attribute IN ({','.join('?' * len(attributes))})"
            " AND d.id != ? AND d.path != ?"
            " ORDER BY d.name, c.start"
        )
        rows = [
            claim_row(r)
            for r in self.db.query(sql, [self.story, *kinds, *attributes, *self.exclude])
        ]
        rows = [r for r in rows if (r["kind"], r["attribute"]) in pairs]
        for row in rows:
            row["subject_key"] = fold(row["subject"])
        attach_sentences(self.db, rows)
        return rows

    def places(self) -> list[dict]:
        """Every place claim of the story, whatever its slot (a sentence that puts one place
        in another speaks for every block), with its sentence."""
        sql = (
            f"SELECT {CLAIM_COLUMNS} FROM stories s"  # noqa: S608 (fixed text)
            " CROSS JOIN documents d ON d.id = s.document_id"
            " CROSS JOIN claims c ON c.document_id = d.id"
            " WHERE s.story = ? AND +c.kind = 'place' AND d.id != ? AND d.path != ?"
            " ORDER BY d.name, c.start"
        )
        rows = [claim_row(r) for r in self.db.query(sql, [self.story, *self.exclude])]
        for row in rows:
            row["subject_key"] = fold(row["subject"])
        attach_sentences(self.db, rows)
        return rows

    def name_mentions(self, entity_id: str) -> list[dict]:
        """Every mention of one entity (surnames alone back a surname), with its sentence."""
        sql = (
            f"SELECT {CLAIM_COLUMNS} FROM mentions m"  # noqa: S608 (fixed text)
            " CROSS JOIN claims c ON c.id = m.claim_id CROSS JOIN documents d ON d.id = c.document_id"
            " WHERE m.entity_id = ? AND c.kind = 'person'"
            " AND d.id != ? AND d.path != ? ORDER BY d.name, c.start"
        )
        rows = [claim_row(r) for r in self.db.query(sql, [entity_id, *self.exclude])]
        attach_sentences(self.db, rows)
        return rows


# --------------------------------------------------------------------------- comparisons


def pins(claim: dict) -> bool:
    """Does a claim give one value rather than a bound? "29" and "14 December" do; "at least
    29" and "December 2023" agree with many values and so back none in particular."""
    if claim["kind"] in (*NUMBER_KINDS, "quantity"):
        return is_exact(claim)
    if claim["kind"] == "date":
        return PartialDate.parse(claim.get("date")).day is not None
    return True


def label(claim: dict) -> str:
    if claim["kind"] in NUMBER_KINDS:
        return value_text(claim)
    if claim["kind"] == "quantity":
        return quantity_value(claim)
    if claim["kind"] == "age":
        return number_text(claim["low"])
    if claim["kind"] in PERSONAL_KINDS:  # "Guatemala" for "guatemalteca", "3" for "three"
        value = personal_value(claim)
        return value.title() if claim["kind"] == "nationality" else value
    if claim["kind"] == "place":
        return claim["value"]
    if claim["kind"] == "time":
        return time_text(claim)
    if claim["kind"] == "role":
        return role_wording(claim)
    return date_text(claim)


def corpus_values(claims: list[dict]) -> list[Value]:
    """The corpus claims grouped by value, the best-backed first."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[claim.get("label") or label(claim)].append(claim)
    values = [
        make_value(text, members, members[0]["low"], members[0]["high"], members[0]["qualifier"])
        for text, members in groups.items()
    ]
    values.sort(key=lambda v: (-v.tally, v.low if v.low is not None else 0, v.value))
    return values


def listing(values: list[Value]) -> str:
    return ", ".join(f"{v.value} ({v.tally} source{'' if v.tally == 1 else 's'})" for v in values)


def sources(count: int) -> str:
    return f"{count} source{'' if count == 1 else 's'}"


def best_supported(values: list[Value], claims: list[dict]) -> str | None:
    """The value most sources give, among those that pin a value; ties are all named."""
    pinned = {label(c) for c in claims if pins(c)}
    candidates = [v for v in values if v.value in pinned]
    if not candidates:
        return None
    top = max(v.tally for v in candidates)
    return " or ".join(v.value for v in candidates if v.tally == top)


def describe(claim: dict, subject: str) -> str:
    if claim["kind"] == "age":
        return f"the age of {subject}"
    if claim["kind"] == "nationality":
        return f"the nationality or origin of {subject}"
    if claim["kind"] == "children":
        return f"the number of children of {subject}"
    if claim["kind"] == "quantity":
        return quantity_label(claim["attribute"])
    if claim["kind"] == "place":
        return f"the {claim['attribute']} of {subject}" if subject else f"the {claim['attribute']}"
    attribute = claim["attribute"]
    return f"{attribute} of {subject}" if subject else attribute


@dataclass
class Verdict:
    status: str
    severity: str | None
    rule: str
    explanation: str
    suggestion: str | None
    values: list[Value]


RULES = {
    "quantity": "quantity-intervals",
    "age": "age-birth-year",
    "date": "event-date",
    "time": "event-time",
    "role": "role-office",
    **{kind: rule for kind, (rule, _) in PERSONAL_RULES.items()},
}


def sides(draft: dict, block: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """The block's corpus claims as `conflicts` would judge them with the draft among them:
    (those that agree with the draft, those that clash with it, those set aside). Figures off
    the block's scale, those a sentence gives as earlier ones and those of a document torn
    between two readings, are set aside
    (`match.comparable_figures`, the draft's own included: then every claim is), clashes are `judge.clashing_pairs`, and a date agrees only when its span meets
    the draft's (further than a month away it is another event)."""
    kind = draft["kind"]
    members = [*block, draft]
    if kind in NUMBER_KINDS or kind in PERSONAL_KINDS:
        # a document giving one person two nationalities is set aside, as in `conflicts`
        kept = (comparable_figures if kind in NUMBER_KINDS else one_account_per_document)(members)
        if not any(c is draft for c in kept):
            return [], [], block
        members = kept
    if kind == "quantity":  # a document torn between two figures of one frame, as in `conflicts`
        kept = one_measure_per_document(members)
        if not any(c is draft for c in kept):
            return [], [], block
        members = kept
    others = [c for c in members if c is not draft]
    kept = {id(c) for c in others}
    aside = [c for c in block if id(c) not in kept]
    clash = [
        b if a is draft else a for a, b in clashing_pairs(kind, members) if a is draft or b is draft
    ]
    clashing = {id(c) for c in clash}
    rest = [c for c in others if id(c) not in clashing]
    mine = date_span(draft) if kind == "date" else None
    if kind == "date":
        agree = [
            c
            for c in rest
            if mine and (span := date_span(c)) and date_relation(mine, span) == "agree"
        ]
    else:
        agree = rest
    return agree, clash, aside


def judge_claim(draft: dict, block: list[dict], subject: str, growing: set[str]) -> Verdict:
    """One draft claim against the corpus claims of its block, with the pairs `conflicts`
    would find if the draft were one more source (`sides`)."""
    kind = draft["kind"]
    rule = RULES.get(kind, "number-intervals")
    what = describe(draft, subject)
    said = draft["value"] if kind == "date" else label(draft)  # the weekday as the draft wrote it
    agree, clash, aside = sides(draft, block)
    for claim in agree + clash:
        claim["label"] = label(claim)
    if not agree and not clash:
        if aside and kind in NUMBER_KINDS:
            return Verdict(
                "unsupported",
                None,
                rule,
                f"The sources' figures for {what} ({listing(corpus_values(aside))}) are of "
                f"another scale than the draft's {said}: not compared.",
                None,
                [],
            )
        return Verdict("unsupported", None, rule, f"No source of the story gives {what}.", None, [])
    values = corpus_values(agree + clash)
    if not clash:
        soft = kind in NUMBER_KINDS and [
            c
            for a, b in approximate_pairs([*agree, draft])
            for c in (a, b)
            if (a is draft or b is draft) and c is not draft
        ]
        if soft and not clashing_pairs(kind, agree):
            return Verdict(
                "approximate",
                "low",
                "approximate-number",
                f"The draft gives {said} for {what}, the sources {listing(corpus_values(soft))}; "
                "one is approximate and covers the other.",
                None,
                values,
            )
        return Verdict(
            "supported",
            None,
            rule,
            f"The sources back the draft's {said} for {what}: {listing(values)}.",
            None,
            values,
        )
    backers = [c for c in agree if pins(c)]
    backing = tally(backers)[0] if backers else 0
    against = tally(clash)[0]
    clash_values = corpus_values(clash)
    agree_values = corpus_values(agree) if agree else []
    if backing >= against:
        return Verdict(
            "disputed",
            "low",
            rule,
            f"Sources disagree on {what}: {listing(agree_values)} back the draft's {said}, "
            f"{listing(clash_values)} do not.",
            None,
            values,
        )
    hedged = all(draft.get("hedge") or c.get("hedge") for c in clash)
    if kind in (*NUMBER_KINDS, "quantity"):
        hard = is_exact(draft) and any(is_exact(c) for c in clash)
        severity = "high" if hard and not hedged else "medium"
    elif kind == "age":
        birthday = all(birthday_between(draft, c) for c in clash)
        severity = "medium" if hedged or birthday else "high"
    elif kind in PERSONAL_KINDS:
        severity = "medium" if hedged else "high"
    else:
        severity = "high" if pins(draft) and any(pins(c) for c in clash) else "medium"
    suggestion = best_supported(clash_values, clash)
    exceeds = (
        kind in NUMBER_KINDS
        and draft["attribute"] in growing
        and draft["low"] is not None
        and all(c["high"] is not None and c["high"] < draft["low"] for c in clash)
    )
    if exceeds:
        return Verdict(
            "exceeds sources",
            "medium",
            "growing-count",
            f"The draft gives {said} for {what}, more than any source ({listing(clash_values)}); "
            "a count that grows needs a newer source for a newer figure.",
            suggestion,
            values,
        )
    if backing:
        severity = "medium" if severity == "high" else severity
        explanation = (
            f"The draft gives {said} for {what}; {listing(clash_values)} say otherwise, "
            f"only {listing(corpus_values(backers))} back it."
        )
    else:
        explanation = f"The draft gives {said} for {what}; the sources say {listing(clash_values)}."
        if agree_values:
            explanation += f" Compatible with the draft: {listing(agree_values)}."
    return Verdict("contradiction", severity, rule, explanation, suggestion, values)


def spelling_values(mentions: list[dict]) -> list[Value]:
    """The full spellings the sources give one person, the most used first."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for mention in mentions:
        if " " in mention["value"]:
            groups[mention["value"]].append(mention)
    values = [make_value(spelling, members) for spelling, members in groups.items()]
    values.sort(key=lambda v: (-v.tally, v.value))
    return values


NAME_ORDER = {"supported": 0, "variant": 1, "disputed": 2, "contradiction": 3}


def word_verdict(row: dict, conflict, entity_name: str, values: list[Value]) -> tuple | None:
    """The draft against a word of a name the sources spell one way and the draft another
    ("Aron" against the sources' "Aarón"): a contradiction unless the draft's word is the
    sources' most used one."""
    words = row["value"].replace(".", " ").split()
    counts = {
        v.value: sum(1 for s in v.sources if s.document != row["document"]) for v in conflict.values
    }
    mine = next((w for w in words if w in counts), None)
    if mine is None:
        return None
    top_count = max(counts.values())
    top = [w for w, n in counts.items() if n == top_count and n]
    if not top or mine in top:
        return None
    severity = "medium" if counts[mine] else "high"
    return (
        "contradiction",
        severity,
        conflict.rule,
        f"The draft spells {entity_name} with {mine}; sources write {' or '.join(top)}: "
        f"{listing(values)}.",
        top[0] if len(top) == 1 else None,
    )


def judge_name(
    row: dict, mentions: list[dict], entity_name: str, story: str
) -> tuple[str, Verdict]:
    """A draft's spelling of a person against the spellings the sources use for them, by
    `judge.name_conflicts` with the draft as one more mention: only a first name or surname
    that rule sets against another spelling is a finding; whether it is the sources' usual
    spelling sets its status. Returns the subject to show and the verdict."""
    value = row["value"]
    values = spelling_values(mentions)
    full = [m for m in mentions if " " in m["value"]]
    verdicts = []
    for conflict in name_conflicts(story, entity_name, [*mentions, row], set()):
        if conflict.attribute == "name":  # one word of the name misspelt (`word_conflicts`)
            verdict = word_verdict(row, conflict, entity_name, values)
            if verdict:
                verdicts.append(verdict)
            continue
        index = 0 if conflict.attribute == "first name" else 1
        mine = raw_parts(row)[index]
        if not any(v.value == mine for v in conflict.values):
            continue  # the draft's form is a shorter one, or not in question
        groups = spellings(conflict.attribute, full, mentions)
        tallies = {key: tally(members)[0] for key, members in groups.items() if key}
        if not tallies:
            continue
        top_tally = max(tallies.values())
        top = [key for key, count in tallies.items() if count == top_tally]
        part_of = {m["value"]: raw_parts(m)[index] for m in full}
        usual = next((v.value for v in values if part_of.get(v.value) == top[0]), None)
        usual = usual if len(top) == 1 else None
        if mine in top:
            if len(top) > 1 and conflict.status == "contradiction":
                verdicts.append(
                    (
                        "disputed",
                        "low",
                        conflict.rule,
                        f"Sources are split on the spelling of {value}: {listing(values)}.",
                        None,
                    )
                )
            continue
        if conflict.status == "variant":
            how = {
                "name-accents": "accents or capitals differ",
                "name-romanisation": "another romanisation",
                "name-translation": "the name in another language",
            }.get(conflict.rule, "a short form")
            written = usual or " or ".join(top)
            explanation = f"The draft writes {value}; the sources write {written} ({how}): "
            verdicts.append(
                ("variant", "low", conflict.rule, explanation + listing(values) + ".", usual)
            )
            continue
        severity = "medium" if mine in tallies else "high"
        most = f"most sources write {usual}" if usual else f"sources write {' or '.join(top)}"
        verdicts.append(
            (
                "contradiction",
                severity,
                conflict.rule,
                f"The draft spells {entity_name} as {value}; {most}: {listing(values)}.",
                usual,
            )
        )
    subject = (
        values[0].value
        if values and (len(values) == 1 or values[0].tally > values[1].tally)
        else entity_name
    )
    if not verdicts:
        if not values:
            return entity_name, Verdict(
                "supported", None, "name-spelling", f"The sources name {entity_name}.", None, []
            )
        return subject, Verdict(
            "supported",
            None,
            "name-spelling",
            f"The sources name {entity_name}: {listing(values)}.",
            None,
            values,
        )
    status, severity, rule, explanation, suggestion = max(
        verdicts, key=lambda v: (NAME_ORDER[v[0]], SEVERITY_RANK[v[1]])
    )
    return subject, Verdict(status, severity, rule, explanation, suggestion, values)


# --------------------------------------------------------------------------- the check


def finding_id(*parts: object) -> str:
    return "d-" + hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]


def make_finding(
    draft: Draft, row: dict, kind: str, attribute: str, subject: str, verdict: Verdict
) -> Finding:
    line, column = draft.position(row["start"])
    end_line, end_column = draft.position(row["end"])
    return Finding(
        id=finding_id(kind, attribute, fold(subject), row["start"], verdict.rule),
        kind=kind,
        attribute=attribute,
        subject=subject,
        words=row["quote"],
        value=row["value"],
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=row["start"],
        end=row["end"],
        sentence=row.get("sentence_text") or row["quote"],
        status=verdict.status,
        severity=verdict.severity,
        rule=verdict.rule,
        explanation=verdict.explanation,
        suggestion=verdict.suggestion,
        corpus=verdict.values,
    )


def choose_story(
    db: sqlite_utils.Database, story: str | None, names: list[str], exclude: tuple[str, str]
) -> tuple[str | None, str, list[str]]:
    """(story, how it was chosen, the draft's names its documents share)."""
    if story:
        from .stories import story_name

        row = db.execute(
            "SELECT story FROM stories WHERE story = ? LIMIT 1", [story_name(story)]
        ).fetchone()
        if row is None:
            raise CheckError(f"no story {story!r} in the database ('reconcile sources' lists them)")
        return row[0], "option", []
    found, shared = find_story(db, names, exclude)
    if found:
        return found, "shared names", shared
    if not names:
        rows = db.execute("SELECT DISTINCT story FROM stories LIMIT 2").fetchall()
        if len(rows) == 1:
            return rows[0][0], "only story", []
    return None, "none", []


def check_draft(
    db: sqlite_utils.Database,
    draft: Draft | Document,
    story: str | None = None,
    accepts: list[AcceptEntry] | None = None,
    refresh: bool = True,
    variants: bool = False,
) -> CheckResult:
    """Every checkable claim of the draft, judged against the corpus (supported and
    unsupported claims included: `Finding.is_problem` tells the problems apart). A name the
    draft writes as a variant of the sources' spelling (accents, a nickname) is a low finding
    only with `variants`; otherwise the sources back it."""
    if isinstance(draft, Document):
        draft = analyse_document(draft)
    ensure_documents(db)
    warnings = ensure_reconciled(db) if refresh else []
    exclude = (draft.document.id, draft.document.path)
    rows = draft_rows(draft)
    people = [r for r in rows if r["kind"] == "person"]
    names = list(dict.fromkeys(r["value"] for r in people if " " in r["value"].strip()))
    chosen, reason, shared = choose_story(db, story, names, exclude)
    if chosen is None:
        warnings.append(
            "no story of the database names the draft's people; pass --story to choose one"
        )
    corpus = Corpus(db, chosen, exclude) if chosen else None
    findings = check_weekdays(draft, rows, chosen)
    findings += check_names(draft, people, corpus, chosen, variants)
    findings += check_facts(draft, rows, people, corpus, chosen)
    findings += check_places(draft, rows, people, corpus)
    findings.sort(key=lambda f: (f.start, f.end, f.kind, f.rule))
    result = CheckResult(draft, chosen, reason, shared, findings, warnings=warnings)
    if accepts is not None:
        apply_accepts(result, accepts)
    return result


def check_weekdays(draft: Draft, rows: list[dict], story: str | None) -> list[Finding]:
    """A weekday written beside its date that the calendar contradicts; needs no corpus."""
    found = []
    for row in rows:
        if row["kind"] != "date":
            continue
        conflict = weekday_mismatch(story or "", row)
        if conflict is None:
            continue
        day = PartialDate.parse(row["date"]).as_date()
        actual = WEEKDAY_NAMES[day.weekday()]
        verdict = Verdict(
            "weekday mismatch",
            "high",
            "weekday-calendar",
            f"The draft calls {day.day} {day:%B} {day.year} a {row['weekday']}; it was a {actual}.",
            actual,
            conflict.values[1:],
        )
        found.append(make_finding(draft, row, "date", row["attribute"], row["subject"], verdict))
    return found


def check_names(
    draft: Draft,
    people: list[dict],
    corpus: Corpus | None,
    story: str | None,
    variants: bool = False,
) -> list[Finding]:
    found = []
    mentions: dict[str, list[dict]] = {}
    for row in people:
        value = row["value"]
        if " " not in value.strip():
            continue
        entity = corpus.entity_for(value) if corpus else None
        if entity is not None and entity not in mentions:
            mentions[entity] = corpus.name_mentions(entity)
        full = [m for m in mentions.get(entity, []) if " " in m["value"]]
        if entity is None or not full:  # (a saved draft is not its own source)
            verdict = Verdict(
                "unsupported",
                None,
                "name-spelling",
                f"No source of the story names {value}.",
                None,
                [],
            )
            found.append(make_finding(draft, row, "name", "name", value, verdict))
            continue
        subject, verdict = judge_name(row, mentions[entity], corpus.entities[entity].name, story)
        if verdict.status == "variant" and not variants:
            verdict = Verdict(
                "supported", None, verdict.rule, verdict.explanation, None, verdict.values
            )
        found.append(make_finding(draft, row, "name", "name", subject, verdict))
    return found


def check_facts(
    draft: Draft, rows: list[dict], people: list[dict], corpus: Corpus | None, story: str | None
) -> list[Finding]:
    """Counts, amounts, percentages, ages, event dates, nationalities and numbers of children
    against their blocks."""
    draft_entity = entity_finder(people, corpus)
    keyed: list[tuple[dict, tuple | None, str | None]] = []
    for row in rows:
        if row["kind"] not in (
            *NUMBER_KINDS,
            "quantity",
            "age",
            "date",
            "time",
            "role",
            *PERSONAL_KINDS,
        ):
            continue
        entity = draft_entity(row["subject"])
        key = block_key(row, story or "", entity)
        # An age (a nationality, a number of children) of someone the corpus does not know
        # has no block: it is unsupported.
        if key is not None or (row["kind"] in ("age", *PERSONAL_KINDS) and row["subject"]):
            keyed.append((row, key, entity))
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    known = (
        list(corpus.claims({(row["kind"], row["attribute"]) for row, key, _ in keyed if key}))
        if corpus
        else []
    )
    # In a story whose counts name two countries or more, a country's count is its own (the
    # same keys `match.build_blocks` gives)
    several = len(story_countries([*known, *(row for row, _, _ in keyed)])) > 1
    if several:
        keyed = [
            (row, block_key(row, story or "", entity, several_countries=True), entity)
            if key is not None
            else (row, key, entity)
            for row, key, entity in keyed
        ]
    for claim in known:
        subject = claim["subject"]
        entity = corpus.entity_of(claim["document_id"], subject) if subject else None
        key = block_key(claim, story or "", entity, several_countries=several)
        if key is not None:
            blocks[key].append(claim)
    code = draft.document.language or "en"
    growing = lexicon(code).growing | lexicon("en").growing
    found = []
    for row, key, entity in keyed:
        subject = (
            corpus.entities[entity].name if corpus and entity in corpus.entities else row["subject"]
        )
        related = [dict(c) for c in blocks.get(key, [])] if key else []
        verdict = judge_claim(row, related, subject, growing)
        found.append(make_finding(draft, row, row["kind"], row["attribute"], subject, verdict))
    return found


def entity_finder(people: list[dict], corpus: Corpus | None) -> Callable[[str], str | None]:
    """The story's entity a draft claim's subject names (None when the corpus knows no one of
    that name), the draft's own full names tying its surnames to the people they name."""
    entity_of: dict[str, str | None] = {}
    if corpus:
        for row in people:
            key = row["subject"] or row["value"]
            entity = corpus.entity_for(key)
            if entity:
                entity_of.setdefault(fold(key), entity)
                entity_of.setdefault(fold(row["value"]), entity)

    def draft_entity(subject: str) -> str | None:
        if not subject or corpus is None:
            return None
        if fold(subject) not in entity_of:
            entity_of[fold(subject)] = corpus.entity_for(subject)
        return entity_of[fold(subject)]

    return draft_entity


# --------------------------------------------------------------------------- places


def place_block(claim: dict, entity: str | None) -> tuple[str, str] | None:
    """The block a place claim joins, as `judge_places.place_conflicts` keys it: its slot and
    its person; None for a person the story does not know (whose place is unclear)."""
    if claim["subject"] and not entity:
        return None
    return (entity or "", claim["attribute"])


def check_places(
    draft: Draft, rows: list[dict], people: list[dict], corpus: Corpus | None
) -> list[Finding]:
    """Places of the story's event and of its people against their blocks, judged as
    `judge_places` judges them with the draft as one more source."""
    mine = [row for row in rows if row["kind"] == "place"]
    if not mine:
        return []
    draft_entity = entity_finder(people, corpus)
    story_places = corpus.places() if corpus else []
    pairs = within_pairs(story_places + mine)  # the draft's "Tizelt, province of Orba" too
    legs = waypoints(story_places + mine)  # a draft's leg of the trip too
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for claim in story_places:
        subject = claim["subject"]
        entity = corpus.entity_of(claim["document_id"], subject) if subject else None
        key = place_block(claim, entity)
        if key is not None:
            blocks[key].append(claim)
    keyed = [(row, draft_entity(row["subject"])) for row in mine]
    own: dict[tuple, list[dict]] = defaultdict(list)  # the draft's claims of each block
    for row, entity in keyed:
        key = place_block(row, entity)
        if key is not None:
            own[key].append(row)
    found = []
    for row, entity in keyed:
        subject = (
            corpus.entities[entity].name if corpus and entity in corpus.entities else row["subject"]
        )
        key = place_block(row, entity)
        block = [dict(c) for c in blocks.get(key, [])] if key else []
        verdict = judge_place(row, own.get(key) or [row], block, pairs, subject, legs)
        found.append(make_finding(draft, row, "place", row["attribute"], subject, verdict))
    return found


def judge_place(
    draft: dict,
    own: list[dict],
    block: list[dict],
    pairs: set[tuple[str, str]],
    subject: str,
    legs: set[tuple[str, str]] = frozenset(),
) -> Verdict:
    """One draft place against the corpus places of its block (`own`: the draft's claims of
    the block, `draft` among them), by `judge_places` with the draft as one more source: a
    place that is not one place with the sources' (nor inside it) contradicts them, high
    unless a side of every clash hedges; one place spelt two ways is a low variant. A venue
    is compared only for its spelling."""
    what = describe(draft, subject)
    said = draft["value"]
    venue = draft["attribute"] in SPELLING_ONLY
    mine = {id(c) for c in own}
    members = [*block, *own]
    kept = members if venue else comparable_places(members, pairs, legs)
    if not any(c is draft for c in kept):
        key = place_key(said)
        smaller = [
            c
            for c in members
            if not same_place(place_key(c["value"]), key)
            and inside(pairs, place_key(c["value"]), key)
        ]
        theirs = [c for c in smaller if id(c) not in mine]
        if theirs:
            values = labelled_values(theirs)
            return Verdict(
                "supported",
                None,
                "place-differs",
                f"The sources give {listing(values)} for {what}, which the story places in "
                f"the draft's {said}: compatible.",
                None,
                values,
            )
        if smaller:
            explanation = f"The draft also gives {what} as a place within {said}: that is compared."
        else:
            places = " and ".join(dict.fromkeys(c["value"] for c in own))
            explanation = (
                f"The draft gives two places for {what} ({places}): not compared, as a source "
                "giving two would not be."
            )
        return Verdict("unsupported", None, "place-differs", explanation, None, [])
    groups = clusters(kept)
    group = next(g for g in groups if any(c is draft for c in g))
    others = [c for c in kept if id(c) not in mine]
    in_group = {id(c) for c in group}
    agree = [c for c in others if id(c) in in_group]
    clash = [] if venue else [c for c in others if id(c) not in in_group]
    for each in groups:
        sources = [c for c in each if id(c) not in mine]
        for claim in sources:
            claim["label"] = shown(sources)
    if not agree and not clash:
        larger = [
            c
            for c in block
            if all(c is not k for k in kept)
            and inside(pairs, place_key(said), place_key(c["value"]))
        ]
        explanation = f"No source of the story gives {what}."
        if venue:
            explanation = f"No source of the story names {said} as {what}."
        elif larger:
            explanation = (
                f"The sources give only {listing(labelled_values(larger))} for {what}, where the "
                f"story places the draft's {said}: compatible, but no source gives {said}."
            )
        return Verdict("unsupported", None, "place-differs", explanation, None, [])
    values = corpus_values(agree + clash)
    if clash:
        backing = tally(agree)[0] if agree else 0
        clash_values = corpus_values(clash)
        if backing >= tally(clash)[0]:
            return Verdict(
                "disputed",
                "low",
                "place-differs",
                f"Sources disagree on {what}: {listing(corpus_values(agree))} back the draft's "
                f"{said}, {listing(clash_values)} do not.",
                None,
                values,
            )
        hedged = all(draft.get("hedge") or c.get("hedge") for c in clash)
        severity = "medium" if hedged or backing else "high"
        top = [v for v in clash_values if v.tally == clash_values[0].tally]
        suggestion = written_form(top[0], clash) if len(top) == 1 else None
        explanation = f"The draft gives {said} for {what}; the sources say {listing(clash_values)}."
        if backing:
            explanation = (
                f"The draft gives {said} for {what}; {listing(clash_values)} say otherwise, "
                f"only {listing(corpus_values(agree))} back it."
            )
        return Verdict("contradiction", severity, "place-differs", explanation, suggestion, values)
    spellings = misspellings(group)
    key = next((k for k, members in spellings.items() if any(c is draft for c in members)), None)
    if key is not None:
        counts = {
            k: tally(theirs)[0]
            for k, members in spellings.items()
            if (theirs := [c for c in members if id(c) not in mine])
        }
        most = max(counts.values(), default=0)
        top = [k for k, n in counts.items() if n == most]
        if key not in top:
            usual = spellings[top[0]][0]["value"] if len(top) == 1 else None
            written = usual or " or ".join(spellings[k][0]["value"] for k in top)
            return Verdict(
                "variant",
                "low",
                "place-spelling",
                f"The draft writes {said} for {what}; the sources spell it {written}: "
                f"{listing(values)}.",
                usual,
                values,
            )
    return Verdict(
        "supported",
        None,
        "place-differs" if not venue else "place-spelling",
        f"The sources back the draft's {said} for {what}: {listing(values)}.",
        None,
        values,
    )


def labelled_values(claims: list[dict]) -> list[Value]:
    """Corpus places grouped as one place however written, each shown as its sources write it."""
    for group in clusters(claims):
        for claim in group:
            claim["label"] = shown(group)
    return corpus_values(claims)


def written_form(value: Value, claims: list[dict]) -> str:
    """A place as most of the sources behind one value write it."""
    forms = Counter(c["value"] for c in claims if c.get("label") == value.value)
    return forms.most_common(1)[0][0] if forms else value.value


# --------------------------------------------------------------------------- accepted differences


def load_accepts(path: str) -> list[AcceptEntry]:
    """Entries of an accept file (YAML or TOML): `accept:` a list of {words, reason}."""
    import tomllib

    import yaml

    from .load import DEFAULT_MAX_BYTES, SAFE_LOADER, read_limited

    is_toml = path.lower().endswith(".toml")
    try:
        if not Path(path).is_file():  # a FIFO would hang, a device never end
            if Path(path).exists():
                raise CheckError(f"{path}: the accept file is not a regular file")
            raise CheckError(f"{path}: no such accept file")
        data = read_limited(Path(path), DEFAULT_MAX_BYTES)
        if data is None:
            raise CheckError(
                f"{path}: the accept file is over the {DEFAULT_MAX_BYTES:,}-byte limit"
            )
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeError) as error:
        raise CheckError(f"{path}: cannot read the accept file ({error})") from None
    try:
        data = tomllib.loads(text) if is_toml else yaml.load(text, Loader=SAFE_LOADER)
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else "syntax error"
        raise CheckError(f"{path}: not valid {'TOML' if is_toml else 'YAML'} ({first})") from None
    if data is None:
        return []
    entries = data.get("accept", []) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise CheckError(f"{path}: 'accept' must be a list of entries with words and reason")
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    accepted = []
    position = 0  # entries are listed in order: look for each after the one before
    for number, entry in enumerate(entries, 1):
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("words"), str)
            or not entry["words"].strip()
            or not isinstance(entry.get("reason"), str)
            or not entry["reason"].strip()
        ):
            raise CheckError(f"{path}: entry {number} needs 'words' and 'reason' (both text)")
        words = entry["words"].strip()
        found = text.find(words, position)
        if found < 0:
            found = text.find(words)
        line = bisect_right(line_starts, found) if found >= 0 else None
        position = found + len(words) if found >= 0 else position
        accepted.append(AcceptEntry(words, entry["reason"].strip(), line))
    return accepted


def words_pattern(words: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()), re.I)


def apply_accepts(result: CheckResult, entries: list[AcceptEntry]) -> None:
    """Mark the problems whose words an entry covers as accepted; entries that cover none
    are stale."""
    text = result.draft.document.text
    for entry in entries:
        spans = [(m.start(), m.end()) for m in words_pattern(entry.words).finditer(text)]
        for finding in result.findings:
            if finding.is_problem and any(s < finding.end and finding.start < e for s, e in spans):
                finding.accepted = finding.accepted or entry.reason
                entry.used = True
    result.stale = [e for e in entries if not e.used]


# --------------------------------------------------------------------------- output


def shown_findings(
    result: CheckResult, show_supported: bool = False, show_unsupported: bool = False
) -> list[Finding]:
    """Problems always (accepted ones included); supported and unsupported claims on demand."""
    return [
        f
        for f in result.findings
        if f.is_problem
        or (show_supported and f.status == "supported")
        or (show_unsupported and f.status == "unsupported")
    ]


def value_json(value: Value) -> dict:
    outlets = list(dict.fromkeys(s.outlet for s in value.sources if s.outlet))
    return {
        "value": value.value,
        "low": value.low,
        "high": value.high,
        "qualifier": value.qualifier,
        "tally": value.tally,
        "outlets": outlets,
        "wire_copies": list(value.wire_copies),
        "sources": [
            {
                "document": s.document,
                "outlet": s.outlet,
                "published": s.published,
                "language": s.language,
                "words": s.words,
                "quote": s.quote,
                "start": s.start,
                "end": s.end,
                "attribution": s.attribution,
                "hedge": s.hedge,
            }
            for s in value.sources
        ],
    }


def finding_json(finding: Finding) -> dict:
    out = {key: value for key, value in asdict(finding).items() if key != "corpus"}
    out["corpus"] = [value_json(v) for v in finding.corpus]
    return out


def result_json(
    result: CheckResult,
    path: str,
    fail_on: str = "medium",
    show_supported: bool = False,
    show_unsupported: bool = False,
) -> dict:
    """The check as one JSON object (its schema is in docs/check.md)."""
    from .output import jsonable

    document = result.draft.document
    return jsonable(
        {
            "version": 1,
            "draft": {
                "path": path,
                "name": document.name,
                "language": document.language,
                "published": document.published,
                "claims": len(result.draft.claims),
            },
            "story": result.story,
            "story_reason": result.story_reason,
            "story_names": result.story_names,
            "fail_on": fail_on,
            "failed": result.failed(fail_on),
            "counts": result.counts(),
            "findings": [
                finding_json(f) for f in shown_findings(result, show_supported, show_unsupported)
            ],
            "stale_accepts": [
                {"words": e.words, "reason": e.reason, "line": e.line} for e in result.stale
            ],
            "warnings": list(result.warnings),
        }
    )


GITHUB_LEVEL = {"high": "error", "medium": "warning", "low": "notice", None: "notice"}
STALE_RULE = "stale-accept"  # an accept entry that matches nothing: counts as low


def stale_message(entry: AcceptEntry, path: str) -> str:
    return f"stale accept entry: {entry.words!r} matches nothing in {path}"


def github_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped, other control characters as \\x.."""
    from .output import escape_controls

    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(text, keep="")


def github_property(text: str) -> str:
    """A workflow command's property value: also : and , escaped."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def finding_message(finding: Finding) -> str:
    message = f"{finding.status}: {finding.explanation}"
    if finding.suggestion:
        message += f" Suggestion: {finding.suggestion}."
    return message


def github_annotations(
    result: CheckResult,
    path: str,
    accept_path: str | None = None,
    show_supported: bool = False,
    show_unsupported: bool = False,
) -> str:
    """One `::error|warning|notice file=F,line=L,col=C::message` line per finding (accepted
    ones left out), stale accept entries and warnings after them."""
    lines = []
    for finding in shown_findings(result, show_supported, show_unsupported):
        if finding.accepted:
            continue
        lines.append(
            f"::{GITHUB_LEVEL[finding.severity]} file={github_property(path)},"
            f"line={finding.line},col={finding.column},"
            f"endLine={finding.end_line},endColumn={finding.end_column},"
            f"title={github_property(f'reconcile {finding.rule}')}"
            f"::{github_data(finding_message(finding))}"
        )
    for entry in result.stale:
        where = f"file={github_property(accept_path or '')}"
        if entry.line:
            where += f",line={entry.line}"
        where += f",title=reconcile {STALE_RULE}"
        lines.append(f"::notice {where}::{github_data(stale_message(entry, path))}")
    for warning in result.warnings:
        lines.append(f"::warning::{github_data(warning)}")
    return "".join(line + "\n" for line in lines)


def findings_jsonl(
    result: CheckResult, path: str, show_supported: bool = False, show_unsupported: bool = False
) -> str:
    """One finding a line, as in the JSON output, each with the draft's `path`."""
    from .output import jsonable

    return "".join(
        json.dumps(jsonable({"path": path, **finding_json(f)}), ensure_ascii=False) + "\n"
        for f in shown_findings(result, show_supported, show_unsupported)
    )


def statistics(
    result: CheckResult, show_supported: bool = False, show_unsupported: bool = False
) -> list[dict]:
    """How many findings each rule gave (accepted ones left out), most first, with the worst
    severity among them; stale accept entries count under `stale-accept`."""
    counts: Counter = Counter()
    worst: dict[str, str | None] = {}
    for finding in shown_findings(result, show_supported, show_unsupported):
        if finding.accepted:
            continue
        counts[finding.rule] += 1
        previous = worst.get(finding.rule)
        if previous is None or (
            finding.severity and SEVERITY_RANK[finding.severity] > SEVERITY_RANK[previous]
        ):
            worst[finding.rule] = finding.severity
    if result.stale:
        counts[STALE_RULE] += len(result.stale)
        worst[STALE_RULE] = "low"
    return [
        {"rule": rule, "count": count, "severity": worst[rule]}
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_LEVEL = {"high": "error", "medium": "warning", "low": "note"}


def sarif_log(
    result: CheckResult,
    path: str,
    accept_path: str | None = None,
    show_supported: bool = False,
    show_unsupported: bool = False,
    version: str = "",
) -> dict:
    """The check as a SARIF 2.1.0 log, for code-scanning tools. Accepted findings are kept,
    suppressed with the editor's reason; supported claims have level none."""
    from .output import jsonable

    findings = shown_findings(result, show_supported, show_unsupported)
    rule_ids = list(dict.fromkeys([f.rule for f in findings] + [STALE_RULE] * bool(result.stale)))
    results = []
    for finding in findings:
        level = SARIF_LEVEL.get(finding.severity or "", "none")
        if finding.status == "unsupported":
            level = "note"
        entry = {
            "ruleId": finding.rule,
            "ruleIndex": rule_ids.index(finding.rule),
            "level": level,
            "message": {"text": finding_message(finding)},
            "locations": [sarif_location(path, finding.line, finding.column, finding)],
            "partialFingerprints": {"reconcileFinding/v1": finding.id},
            "properties": {
                "kind": finding.kind,
                "attribute": finding.attribute,
                "subject": finding.subject,
                "status": finding.status,
                "severity": finding.severity,
                "suggestion": finding.suggestion,
            },
        }
        if finding.accepted:
            entry["suppressions"] = [{"kind": "external", "justification": finding.accepted}]
        results.append(entry)
    for stale in result.stale:
        results.append(
            {
                "ruleId": STALE_RULE,
                "ruleIndex": rule_ids.index(STALE_RULE),
                "level": "note",
                "message": {"text": stale_message(stale, path)},
                "locations": [sarif_location(accept_path or "", stale.line or 1, 1)],
            }
        )
    run: dict = {
        "tool": {
            "driver": {
                "name": "reconcile",
                "version": version,
                "rules": [{"id": rule} for rule in rule_ids],
            }
        },
        "results": results,
    }
    if result.warnings:
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": w}} for w in result.warnings
                ],
            }
        ]
    return jsonable({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def sarif_location(path: str, line: int, column: int, finding: Finding | None = None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if finding is not None:
        region |= {"endLine": finding.end_line, "endColumn": finding.end_column}
    from urllib.parse import quote

    uri = quote(path.replace("\\", "/"), safe="/:")  # a file name with spaces is still a URI
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}
