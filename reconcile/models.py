"""The small records every stage passes along: documents, sentences, claims, conflicts.

They are plain dataclasses so that each stage is a function from records to records and
the store can write them as rows without an ORM.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

#: Metadata fields a document may carry, in the order they are shown.
METADATA_FIELDS = ("title", "outlet", "author", "published", "url", "language", "story")

# The words every command shares (and the command line offers as choices).
CLAIM_KINDS = (
    "count",
    "money",
    "percent",
    "quantity",
    "age",
    "date",
    "time",
    "person",
    "role",
    "alias",
    "nationality",
    "children",
    "place",
)
CONFLICT_KINDS = (
    "count",
    "money",
    "percent",
    "quantity",
    "age",
    "date",
    "time",
    "name",
    "role",
    "nationality",
    "children",
    "place",
)
#: Facts about one person, compared per person: where they are from, how many children they have.
PERSONAL_KINDS = ("nationality", "children")
SEVERITIES = ("low", "medium", "high")  # lowest first
DECISIONS = ("confirmed", "dismissed", "corrected", "needs-work")
#: A reviewer's decisions that settle a conflict: it is still reported, but fails no gate.
SETTLING_DECISIONS = ("dismissed", "corrected")


@dataclass
class Document:
    """One article as stored: its text is NFC-normalised and every offset points into it."""

    id: str  # one outlet's publication of a text: sha256 of the outlet and the text
    name: str  # file stem (or the `id`/`name` field of a JSONL line)
    path: str  # the file's resolved path: any spelling of a file is the same file
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, possibly partial: 2023-12-14, 2022-10, 2024
    published_from: str | None = None  # metadata, url, stamp or dateline (dating.SOURCES)
    url: str | None = None
    language: str | None = None
    story: str | None = None  # explicit story label given at ingest
    warnings: list[str] = field(default_factory=list)  # read, but not quite as written

    @property
    def sha256(self) -> str:
        """The text's own hash: documents of two outlets with the same one are copies."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def metadata(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in METADATA_FIELDS}


@dataclass
class Sentence:
    """A span of a document; `role` says whether claims are read from it."""

    index: int
    start: int
    end: int
    text: str
    role: str = "body"  # body, heading, caption, byline, comment

    @property
    def is_body(self) -> bool:
        return self.role == "body"


@dataclass
class Claim:
    """One atomic, checkable statement and the exact words it came from."""

    kind: str  # count, money, percent, age, date, person, role, alias, nationality, children
    start: int  # offsets into the document text
    end: int
    quote: str  # == document.text[start:end]
    value: str  # as written
    attribute: str = ""  # normalised key of what is claimed: "people arrested", "age"
    subject: str = ""  # who or what it is about: a person's name, or "" for the story's event
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # USD, %, ...
    qualifier: str = (
        "exact"  # exact, at least, more than, at most, fewer than, about, almost, range
    )
    date: str | None = None  # ISO date or partial date
    weekday: str | None = None
    hedge: str | None = None
    attribution: str | None = None
    sentence: int = 0  # index of the sentence in its document
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Source:
    """Where one value of a conflict was read."""

    document: str  # file stem
    outlet: str | None
    published: str | None
    quote: str  # the sentence the claim was read from
    start: int  # offsets of the claim's own words in the document text
    end: int
    words: str = ""  # the claim's own words: document text[start:end]
    language: str | None = None
    attribution: str | None = None
    hedge: str | None = None


@dataclass
class Value:
    """One of the values sources give for the same thing."""

    value: str
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    sources: list[Source] = field(default_factory=list)
    tally: int = 0  # independent sources: outlets carrying the same wire copy count once
    wire_copies: list[str] = field(default_factory=list)


@dataclass
class Conflict:
    """Sources disagreeing on one thing, with the evidence and the rule that fired."""

    id: str
    story: str
    kind: str  # count, age, name, date, money, percent
    subject: str
    attribute: str
    severity: str  # high, medium, low
    status: str  # contradiction, evolving, variant, weekday mismatch, anachronism, soft
    rule: str
    explanation: str
    values: list[Value] = field(default_factory=list)
    decision: dict[str, Any] | None = None  # a reviewer's latest decision on this conflict

    @property
    def settled(self) -> bool:
        """A reviewer dismissed it, or it was corrected: `--fail-on` no longer counts it."""
        return bool(self.decision) and self.decision.get("decision") in SETTLING_DECISIONS

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
