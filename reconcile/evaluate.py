"""Score reported conflicts against a gold file written source by source.

A desk wants to know how far to trust the tool on its own archive. The gold says, fact by fact,
what each document states (see docs/eval.md for the format). Every reported conflict is then
judged by its sources, not by its values alone:

- clean: all its sources state one fact (the values a fact-checker should compare);
- mixed: its sources state two or more facts (different measures under one heading);
- cross-story: its documents belong to two stories;
- false alarm: it rests on a fact the gold calls an agreement (a look-alike), or it is of high
  severity on a difference the gold calls only approximate or a matter of wording;
- unknown: no source could be tied to any fact of the gold.

A gold contradiction (or evolving figure) is found only by a clean conflict that shows two of
its values, from two documents, that cannot both be true and that the report itself keeps apart.

Nothing here prints; `evaluate` returns an `Evaluation` the CLI formats.
"""

from __future__ import annotations

import datetime
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .lexicon import SAFE_LOADER, available_languages, fold, lexicon

#: Natures a desk is owed: a conflict should find them.
OWED = ("contradiction", "evolving")
#: Natures that may be reported, but never at high severity.
SOFT = ("approximate", "loose_wording")
KINDS = ("count", "age", "date", "weekday", "name", "money", "place", "role", "other")
VERDICTS = ("clean", "mixed", "cross-story", "false alarm", "unknown")
#: A cover of more facts than this is not searched exhaustively (greedy past it).
EXHAUSTIVE_COVER = 6
MAX_GOLD_BYTES = 20 * 1024 * 1024

WORD = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*")
ISO_DATE = re.compile(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*")
PLAIN_NUMBER = re.compile(
    r"\s*(?:us\$|\$|usd|€|eur)?\s*(\d[\d,]*(?:\.\d+)?)\s*([^\W\d_]+)?\s*(?:%|percent|por ciento)?\s*"
)
ORDINAL_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|o|a)?")


class GoldError(ValueError):
    """The gold file cannot be read or does not follow the format."""


# ---------------------------------------------------------------- words, numbers and dates


def words(text: Any) -> tuple[str, ...]:
    """Accent- and case-folded words: 'Agustín Terán' -> ('agustin', 'teran')."""
    return tuple(WORD.findall(fold(str(text))))


@cache
def calendar() -> tuple[dict[str, int], dict[str, int], dict[str, float]]:
    """Month names, weekday names and scale words of every language the tool knows."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    scales: dict[str, float] = {"k": 1e3, "m": 1e6, "bn": 1e9}
    for code in available_languages():
        lex = lexicon(code)
        months.update(lex.months)
        weekdays.update(lex.weekdays)
        scales.update(lex.scales)
        # plurals of scale words ("millions") are the same multiplier
        scales.update({word + "s": value for word, value in lex.scales.items()})
    return months, weekdays, scales


def period(year: int, month: int | None = None, day: int | None = None):
    """The first and last day of a year, a month or a day."""
    if day:
        first = datetime.date(year, month or 1, day)
        return first, first
    if month:
        first = datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return first, following - datetime.timedelta(days=1)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@dataclass(frozen=True)
class DateReading:
    """A date as far as it is known: a span of days, or only a weekday, or both."""

    first: datetime.date | None
    last: datetime.date | None
    weekday: int | None


def read_date(text: str) -> DateReading | None:
    """'Thursday 14 December 2023', '2023-12-14', 'marzo de 2014', '2022' -> a DateReading."""
    iso = ISO_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(part) if part else None for part in iso.groups())
        if not 1000 <= year <= 2999:
            return None
        try:
            first, last = period(year, month, day)
        except ValueError:
            return None
        return DateReading(first, last, first.weekday() if day else None)
    months, weekdays, _ = calendar()
    year = month = day = weekday = None
    for word in re.findall(r"[^\W_]+", fold(text)):  # "Wednesday's" -> wednesday, s
        ordinal = ORDINAL_DAY.fullmatch(word)
        if weekday is None and word in weekdays:
            weekday = weekdays[word]
        elif month is None and word in months:
            month = months[word]
        elif word.isdigit() and len(word) == 4 and 1000 <= int(word) <= 2999:
            year = int(word)
        elif ordinal and 1 <= int(ordinal.group(1)) <= 31 and day is None:
            day = int(ordinal.group(1))
    try:
        if year and month:
            first, last = period(year, month, day)
        elif year and not day:
            first, last = period(year)
        else:  # a day without its month says nothing of the calendar
            return DateReading(None, None, weekday) if weekday is not None else None
    except ValueError:
        return None
    if weekday is None and first == last:
        weekday = first.weekday()
    return DateReading(first, last, weekday)


def plain_number(text: str) -> float | None:
    """'29', 'US$6 million', '7.5%', '25,000', '15 mil' -> a number; None for anything else."""
    match = PLAIN_NUMBER.fullmatch(fold(text))
    if not match:
        return None
    scales = calendar()[2]
    scale = match.group(2)
    if scale and scale not in scales:
        return None
    return float(match.group(1).replace(",", "")) * (scales[scale] if scale else 1.0)


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def within(low: float, high: float, outer_low: float, outer_high: float) -> bool:
    return outer_low <= low + 1e-9 * max(1.0, abs(low)) and high <= outer_high + 1e-9 * max(
        1.0, abs(high)
    )


# ---------------------------------------------------------------- the gold


@dataclass(frozen=True)
class Statement:
    """What one document says of one fact: '000_ says 29, at least'."""

    fact: str
    kind: str
    doc: str  # a prefix of the document's name
    shown: str
    number: tuple[float, float] | None = None
    dates: tuple[datetime.date, datetime.date] | None = None
    weekday: int | None = None
    texts: tuple[tuple[str, ...], ...] = ()
    approx: bool = False
    at_least: bool = False
    loose: bool = False

    @property
    def canonical(self) -> str:
        return " ".join(words(self.shown))

    def span(self) -> tuple[float, float]:
        """The numbers this statement allows, for deciding whether two can both be true."""
        low, high = self.number
        if self.approx:
            low, high = low * 0.9, high * 1.1
        if self.at_least:
            high = math.inf
        return low, high

    def compatible(self, other: Statement) -> bool:
        """Could both statements be true at once? (about 30 and 29 can; 29 and 31 cannot)"""
        if self.number and other.number:
            (a, b), (c, d) = self.span(), other.span()
            return not (b < c or d < a)
        if self.dates and other.dates:
            return not (self.dates[1] < other.dates[0] or other.dates[1] < self.dates[0])
        for one, two in ((self, other), (other, self)):
            if one.weekday is not None and two.dates:
                first, last = two.dates
                return first != last or first.weekday() == one.weekday
        if self.weekday is not None and other.weekday is not None:
            return self.weekday == other.weekday
        if self.texts and other.texts:
            return self.canonical == other.canonical
        return False


@dataclass(frozen=True)
class Fact:
    id: str
    story: str
    kind: str
    nature: str
    unit: str  # facts sharing an `event` are judged as one unit
    scored: str | None
    may_inform: bool
    within_document: bool
    statements: tuple[Statement, ...]

    @property
    def owed(self) -> bool:
        return self.nature in OWED


@dataclass
class Gold:
    stories: dict[str, list[str]]
    facts: list[Fact]

    def story_of(self, document: str) -> str | None:
        for story, prefixes in self.stories.items():
            if any(document.startswith(prefix) for prefix in prefixes):
                return story
        return None


def statement(entry: dict, fact_id: str, kind: str) -> Statement:
    """One `says` entry, typed by the fact's kind."""
    if not isinstance(entry, dict) or "doc" not in entry:
        raise GoldError(f"fact {fact_id}: each `says` entry needs a `doc`")
    common = dict(
        fact=fact_id,
        kind=kind,
        doc=str(entry["doc"]),
        approx=bool(entry.get("approx")),
        at_least=bool(entry.get("at_least")),
        loose=bool(entry.get("loose")),
    )
    value = entry.get("value")
    if value is None:
        try:
            low, high = float(entry["low"]), float(entry["high"])
        except (KeyError, TypeError, ValueError) as error:
            raise GoldError(
                f"fact {fact_id}: a `says` entry needs a value, or low and high"
            ) from error
        return Statement(shown=f"{entry['low']}-{entry['high']}", number=(low, high), **common)
    shown = str(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return Statement(shown=shown, dates=(value, value), **common)
    is_year = kind == "date" and isinstance(value, int) and 1000 <= value <= 2999
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not is_year:
        return Statement(shown=shown, number=(float(value), float(value)), **common)
    if re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", shown) and (kind == "date" or "-" in shown):
        reading = read_date(shown)
        if reading and reading.first:
            return Statement(shown=shown, dates=(reading.first, reading.last), **common)
    weekdays = calendar()[1]
    folded = words(shown)
    if len(folded) == 1 and folded[0] in weekdays:
        return Statement(shown=shown, weekday=weekdays[folded[0]], **common)
    alternatives = [shown] + [str(alt) for alt in entry.get("alt") or []]
    return Statement(shown=shown, texts=tuple(words(text) for text in alternatives), **common)


def parse_gold(data: Any, origin: str = "gold") -> Gold:
    """A Gold from the parsed YAML of one facts file."""
    if not isinstance(data, dict):
        raise GoldError(f"{origin}: expected a mapping with `stories` and `facts`")
    stories = data.get("stories") or {}
    if not isinstance(stories, dict):
        raise GoldError(f"{origin}: `stories` must map a story to document-name prefixes")
    facts = []
    for raw in list(data.get("facts") or []) + list(data.get("seed_facts") or []):
        if not isinstance(raw, dict) or not raw.get("id"):
            raise GoldError(f"{origin}: every fact needs an `id`")
        fact_id = str(raw["id"])
        for key in ("story", "kind", "nature"):
            if not raw.get(key):
                raise GoldError(f"{origin}: fact {fact_id} has no `{key}`")
        kind = str(raw["kind"])
        try:
            statements = tuple(statement(e, fact_id, kind) for e in raw.get("says") or [])
        except GoldError as error:
            raise GoldError(f"{origin}: {error}") from None
        facts.append(
            Fact(
                id=fact_id,
                story=str(raw["story"]),
                kind=kind,
                nature=str(raw["nature"]),
                unit=str(raw.get("event") or fact_id),
                scored=str(raw["scored"]) if raw.get("scored") else None,
                may_inform=bool(raw.get("may_inform")),
                within_document=bool(raw.get("within_document")),
                statements=statements,
            )
        )
    return Gold(
        stories={str(s): [str(p) for p in (prefixes or [])] for s, prefixes in stories.items()},
        facts=facts,
    )


def merge(golds: Iterable[Gold]) -> Gold:
    """Several facts files scored as one: their stories side by side, so that a conflict
    joining two of them counts as cross-story. A fact id used by two files (each story's gold
    may have its own `teaser_dates`) is told apart by its story: `story:id`."""
    golds = list(golds)
    files_using: dict[str, int] = {}
    for gold in golds:
        for fact_id in {fact.id for fact in gold.facts}:
            files_using[fact_id] = files_using.get(fact_id, 0) + 1
    merged = Gold(stories={}, facts=[])
    seen: set[str] = set()
    for gold in golds:
        for story, prefixes in gold.stories.items():
            merged.stories.setdefault(story, []).extend(prefixes)
        for fact in gold.facts:
            if files_using[fact.id] > 1:
                fact = qualified(fact)
            if fact.id in seen:
                raise GoldError(f"fact {fact.id} appears twice")
            seen.add(fact.id)
            merged.facts.append(fact)
    return merged


def qualified(fact: Fact) -> Fact:
    """The fact under the id `story:id` (its event, if any, likewise)."""
    fact_id = f"{fact.story}:{fact.id}"
    unit = fact_id if fact.unit == fact.id else f"{fact.story}:{fact.unit}"
    statements = tuple(replace(s, fact=fact_id) for s in fact.statements)
    return replace(fact, id=fact_id, unit=unit, statements=statements)


def load_gold(paths: Sequence[str | Path]) -> Gold:
    """Read one or more facts files (YAML); a GoldError names the file that cannot be read."""
    golds = []
    for path in paths:
        path = Path(path)
        try:
            if not path.is_file():
                raise GoldError(f"{path}: no such file")
            if path.stat().st_size > MAX_GOLD_BYTES:
                raise GoldError(f"{path}: larger than {MAX_GOLD_BYTES // 2**20} MB")
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)  # noqa: S506
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise GoldError(f"{path}: {error}".splitlines()[0]) from error
        golds.append(parse_gold(data, str(path)))
    return merge(golds)


# ---------------------------------------------------------------- what a report says


@dataclass(frozen=True)
class Reported:
    """One value of a reported conflict, read every way a gold value may need it."""

    text: str
    words: tuple[str, ...]
    interval: tuple[float, float] | None
    date: DateReading | None

    @classmethod
    def of(cls, value: dict) -> Reported:
        text = str(value.get("value", ""))
        low, high = value.get("low"), value.get("high")
        if is_number(low) or is_number(high):  # an open side ("at least 29") is unbounded
            interval = (
                float(low) if is_number(low) else -math.inf,
                float(high) if is_number(high) else math.inf,
            )
        else:
            number = plain_number(text)
            interval = (number, number) if number is not None else None
        return cls(text, words(text), interval, read_date(text))

    def kept_apart_from(self, other: Reported) -> bool:
        """Does the report itself keep the two values apart (other numbers, days or names)?"""
        if self.interval and other.interval:
            (a, b), (c, d) = self.interval, other.interval
            return (b < c and not close(b, c)) or (d < a and not close(d, a))
        if self.date and other.date:
            one, two = self.date, other.date
            if one.first and two.first and (one.last < two.first or two.last < one.first):
                return True
            return (
                one.weekday is not None and two.weekday is not None and one.weekday != two.weekday
            )
        return self.words != other.words


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def says(statement: Statement, reported: Reported) -> bool:
    """Does this reported value carry what the statement says?"""
    if statement.number:
        if not reported.interval:
            return False
        low, high = statement.number
        r_low, r_high = reported.interval
        return within(low, high, r_low, r_high) or (
            math.isfinite(r_low) and math.isfinite(r_high) and within(r_low, r_high, low, high)
        )
    if statement.dates:
        if not reported.date or reported.date.first is None:
            return False
        first, last = reported.date.first, reported.date.last
        g_first, g_last = statement.dates
        return (g_first <= first and last <= g_last) or (first <= g_first and g_last <= last)
    if statement.weekday is not None:
        return bool(reported.date) and reported.date.weekday == statement.weekday
    have = reported.words
    for wanted in statement.texts:
        n = len(wanted)
        if not n or n > len(have):
            continue
        if statement.kind == "name":  # a name opens or closes the reported value
            if have[:n] == wanted or have[-n:] == wanted:
                return True
        elif any(have[i : i + n] == wanted for i in range(len(have) - n + 1)):
            return True
    return False


# ---------------------------------------------------------------- judging one conflict


@dataclass
class Assigned:
    """A reported value from one document, and the gold statements it carries."""

    value_index: int
    document: str
    reported: Reported
    statements: list[Statement]
    units: frozenset[str] = frozenset()  # the facts (or events) its statements belong to


@dataclass
class ConflictVerdict:
    id: str
    kind: str
    severity: str
    subject: str
    attribute: str
    verdict: str  # one of VERDICTS
    facts: list[str]  # the units (facts, or events) that account for its sources
    stories: list[str]
    found: dict[str, tuple[Statement, Statement]] = field(default_factory=dict)
    assigned: list[Assigned] = field(default_factory=list)
    unassigned: list[tuple[str, str]] = field(default_factory=list)  # (value, document)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "subject": self.subject,
            "attribute": self.attribute,
            "verdict": self.verdict,
            "facts": self.facts,
            "stories": self.stories,
            "found": {
                fact: [pair_entry(a), pair_entry(b)] for fact, (a, b) in sorted(self.found.items())
            },
            "sources": [
                {"value": a.reported.text, "document": a.document, "facts": sorted(a.units)}
                for a in self.assigned
            ],
            "unassigned": [{"value": v, "document": d} for v, d in self.unassigned],
            "notes": self.notes,
        }


def pair_entry(statement: Statement) -> dict:
    return {"doc": statement.doc, "value": statement.shown}


def reported_sources(conflict: dict) -> list[tuple[int, str, Reported]]:
    """(value index, document, reading) once per document and reported value."""
    seen, out = set(), []
    for index, value in enumerate(conflict.get("values") or []):
        reported = Reported.of(value)
        for source in value.get("sources") or []:
            document = str(source.get("document", ""))
            if (index, document) not in seen:
                seen.add((index, document))
                out.append((index, document, reported))
    return out


def smallest_covers(candidates: list[set[str]]) -> list[set[str]]:
    """Every smallest set of units that accounts for each assigned source."""
    units = sorted(set().union(*candidates))
    for size in range(1, min(len(units), EXHAUSTIVE_COVER) + 1):
        covers = [
            set(combo)
            for combo in itertools.combinations(units, size)
            if all(c & set(combo) for c in candidates)
        ]
        if covers:
            return covers
    cover: set[str] = set()
    while not all(c & cover for c in candidates):
        cover.add(max(units, key=lambda u: sum(u in c and not c & cover for c in candidates)))
    return [cover]


def contradicting_pair(fact: Fact, assigned: list[Assigned]) -> tuple[Statement, Statement] | None:
    """Two statements of the fact, from two documents (or one, where the gold allows) and two
    reported values kept apart, that cannot both be true; the best-attested value first."""
    hits = [
        (a.value_index, s, a.reported) for a in assigned for s in a.statements if s.fact == fact.id
    ]
    weight: dict[str, int] = {}
    for _, s, _ in hits:
        weight[s.canonical] = weight.get(s.canonical, 0) + 1
    hits.sort(key=lambda hit: -weight[hit[1].canonical])
    for (i, a, ra), (j, b, rb) in itertools.combinations(hits, 2):
        if (
            i != j
            and (a.doc != b.doc or fact.within_document)
            and not (a.loose or b.loose)
            and not a.compatible(b)
            and ra.kept_apart_from(rb)
        ):
            return a, b
    return None


def judge_conflict(conflict: dict, gold: Gold) -> ConflictVerdict:
    """The verdict on one reported conflict (a dict as `conflicts --format json` prints it)."""
    facts_of_unit: dict[str, list[Fact]] = {}
    for fact in gold.facts:
        facts_of_unit.setdefault(fact.unit, []).append(fact)
    sources = reported_sources(conflict)
    assigned, unassigned = [], []
    for index, document, reported in sources:
        statements = [
            s
            for fact in gold.facts
            for s in fact.statements
            if document.startswith(s.doc) and says(s, reported)
        ]
        if statements:
            assigned.append(Assigned(index, document, reported, statements))
        else:
            unassigned.append((reported.text, document))
    severity = str(conflict.get("severity", "")).lower()
    result = ConflictVerdict(
        id=str(conflict.get("id") or "?"),
        kind=str(conflict.get("kind", "")),
        severity=severity,
        subject=str(conflict.get("subject", "")),
        attribute=str(conflict.get("attribute", "")),
        verdict="unknown",
        facts=[],
        stories=sorted({gold.story_of(d) for _, d, _ in sources} - {None}),
        assigned=assigned,
        unassigned=unassigned,
    )
    fact_of = {fact.id: fact for fact in gold.facts}
    if assigned:
        for a in assigned:
            a.units = frozenset(fact_of[s.fact].unit for s in a.statements)
        candidates = [set(a.units) for a in assigned]
        readings = []
        for cover in smallest_covers(candidates):
            found = {
                fact.id: pair
                for unit in cover
                for fact in facts_of_unit[unit]
                if fact.owed and (pair := contradicting_pair(fact, assigned))
            }
            all_agreement = all(f.nature == "agreement" for u in cover for f in facts_of_unit[u])
            readings.append((len(found), not all_agreement, sorted(cover), found))
        best = max(readings, key=lambda r: r[:2])
        result.facts = best[2]
        if len(best[2]) == 1:
            result.found = best[3]
    natures = {f.nature for unit in result.facts for f in facts_of_unit[unit]}
    if len(result.stories) > 1:
        result.verdict = "cross-story"
    elif not assigned:
        result.verdict = "unknown"
    elif len(result.facts) > 1:
        result.verdict = "mixed"
    elif natures == {"agreement"}:
        informs = all(f.may_inform for f in facts_of_unit[result.facts[0]])
        if informs and severity in ("low", "info"):
            result.verdict = "clean"
            result.notes.append("informational, allowed")
        else:
            result.verdict = "false alarm"
    elif natures & set(SOFT) and severity == "high":
        result.verdict = "false alarm"
        result.notes.append("high severity on a difference of precision or wording")
    else:
        result.verdict = "clean"
        if "evolving" in natures and severity == "high":
            result.notes.append("high severity on an evolving figure")
    if result.verdict != "clean":
        result.found = {}
    return result


# ---------------------------------------------------------------- the whole evaluation


@dataclass
class FactOutcome:
    id: str
    story: str
    kind: str
    nature: str
    scored: str | None
    outcome: str  # found, missed (owed facts); false alarm, noted, quiet (the others)
    conflicts: list[str]  # the conflicts that found, touched or flagged it
    pair: tuple[Statement, Statement] | None = None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "story": self.story,
            "kind": self.kind,
            "nature": self.nature,
            "scored": self.scored,
            "outcome": self.outcome,
            "conflicts": self.conflicts,
            "pair": [pair_entry(self.pair[0]), pair_entry(self.pair[1])] if self.pair else None,
        }


@dataclass
class Evaluation:
    conflicts: list[ConflictVerdict]
    facts: list[FactOutcome]

    def verdict_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICTS, 0)
        for conflict in self.conflicts:
            counts[conflict.verdict] += 1
        return counts

    def found_by_kind(self) -> dict[str, tuple[int, int]]:
        """Owed facts found and owed, per kind of fact."""
        tally: dict[str, list[int]] = {}
        for fact in self.facts:
            if fact.nature in OWED:
                entry = tally.setdefault(fact.kind, [0, 0])
                entry[0] += fact.outcome == "found"
                entry[1] += 1
        return {kind: (f, n) for kind, (f, n) in sorted(tally.items())}

    def summary(self) -> dict:
        owed = [f for f in self.facts if f.nature in OWED]
        must = [f for f in self.facts if f.scored == "must_find"]
        counts = self.verdict_counts()
        reported = len(self.conflicts)
        return {
            "owed": len(owed),
            "found": sum(f.outcome == "found" for f in owed),
            "must_find": len(must),
            "must_find_found": sum(f.outcome == "found" for f in must),
            "reported": reported,
            **{verdict.replace(" ", "_").replace("-", "_"): n for verdict, n in counts.items()},
            "clean_share": round(counts["clean"] / reported, 3) if reported else None,
            "found_by_kind": {
                k: {"found": f, "owed": n} for k, (f, n) in self.found_by_kind().items()
            },
        }

    def by_story(self) -> dict[str, dict[str, int]]:
        """Per story: owed facts found and owed, and the verdicts of its conflicts (a conflict
        that spans stories is counted under each)."""
        rows: dict[str, dict[str, int]] = {}

        def row(story: str) -> dict[str, int]:
            return rows.setdefault(story, {"owed": 0, "found": 0, **dict.fromkeys(VERDICTS, 0)})

        for fact in self.facts:
            entry = row(fact.story)
            if fact.nature in OWED:
                entry["owed"] += 1
                entry["found"] += fact.outcome == "found"
        for conflict in self.conflicts:
            for story in conflict.stories or ["?"]:
                row(story)[conflict.verdict] += 1
        return dict(sorted(rows.items()))

    def as_dict(self) -> dict:
        return {
            "summary": self.summary(),
            "stories": self.by_story(),
            "facts": [f.as_dict() for f in self.facts],
            "conflicts": [c.as_dict() for c in self.conflicts],
        }


def evaluate(conflicts: Sequence[dict], gold: Gold) -> Evaluation:
    """Judge every reported conflict, then say of every gold fact what became of it."""
    verdicts = [judge_conflict(conflict, gold) for conflict in conflicts]
    unit_of = {fact.id: fact.unit for fact in gold.facts}
    touched: dict[str, list[str]] = {}
    for verdict in verdicts:
        ids = {s.fact for a in verdict.assigned for s in a.statements}
        if verdict.verdict != "cross-story":
            ids = {i for i in ids if unit_of[i] in verdict.facts}
        for fact_id in sorted(ids):
            touched.setdefault(fact_id, []).append(verdict.id)
    outcomes = []
    for fact in gold.facts:
        finders = [v for v in verdicts if fact.id in v.found]
        on_it = [
            v for v in verdicts if v.verdict in ("clean", "false alarm") and fact.unit in v.facts
        ]
        if fact.owed:
            if finders:
                outcome = FactOutcome(
                    fact.id, fact.story, fact.kind, fact.nature, fact.scored, "found",
                    [v.id for v in finders], finders[0].found[fact.id],
                )  # fmt: skip
            else:
                outcome = FactOutcome(
                    fact.id, fact.story, fact.kind, fact.nature, fact.scored, "missed",
                    touched.get(fact.id, []),
                )  # fmt: skip
        else:
            alarms = [v.id for v in on_it if v.verdict == "false alarm"]
            if alarms:
                state, ids = "false alarm", alarms
            elif on_it:
                state, ids = "noted", [v.id for v in on_it]
            else:
                state, ids = "quiet", touched.get(fact.id, [])
            outcome = FactOutcome(
                fact.id, fact.story, fact.kind, fact.nature, fact.scored, state, ids
            )
        outcomes.append(outcome)
    return Evaluation(verdicts, outcomes)
