"""Which documents tell the same story. Claims are only ever compared within a story.

A document ingested with `--story LABEL` belongs to that story. The others are grouped by what
they are about: each document gets a profile of weighted keys (the proper names it uses, and
the kinds of event it tells of, from the lexicon's `story_events`), where a name in the headline
or the lead weighs more than a passing mention further down, and a key that many documents of
the archive share weighs less than a rare one. Documents are then taken in order of date and
each joins the story whose profile (the sum of its members') is closest to its own, when that
is close enough; otherwise it opens a new story. Comparing a document with a story's whole
profile, never with one of its members, is what keeps a passing mention of another story's
people from chaining two stories together.

The work stays linear in the archive: a document is compared only with the stories that share
one of its strongest keys (a blocking key), never with every other document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .lexicon import Lexicon, fold, phrase_pattern

# How much a key weighs by where it stands: the headline, the lead (first body sentences), the
# rest of the body, and headings after the body started (subheads, or a list of other stories).
HEADLINE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
LEAD_SENTENCES = 3
BODY_WEIGHT = 1.0
LATE_HEADING_WEIGHT = 0.25
LATE_EVENT_WEIGHT = 0.25  # an event told after the lead is often another story's, as context
PROFILE_SIZE = 60  # strongest keys kept per document
BLOCKING_KEYS = 25  # strongest keys through which a document finds its neighbours
JOIN_SIMILARITY = 0.18  # two groups join when their documents are this similar on average
MAX_ROUNDS = 5
# People named in full say most about a story; a single capitalised word says least.
KIND_WEIGHT = {"n:": 1.0, "p:": 1.0, "w:": 0.5, "e:": 1.0}
RARITY_POWER = 2  # a key's weight grows with the square of its rarity in the archive
FAR_IN_TIME_DAYS = 45  # a document this far from every member of a story must be closer still
FAR_IN_TIME_FACTOR = 0.75
MAX_BLOCK = 200  # a key held by more documents than this is too common to pair them by
# A document moves to another story when it is closer to that story's members on average than
# to its own story's others by this much (and close enough to join it at all).
MOVE_MARGIN = 0.02

POSSESSIVE = re.compile(r"['’]s$")
TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*[^\W_]|[^\W\d_]", re.U)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for item in list(self.parent):
            out[self.find(item)].append(item)
        return out


# --------------------------------------------------------------------------- profiles


def title_case(text: str) -> bool:
    """'Ecuador Prisoners Take Guards Hostage': capitals say nothing about names there."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def name_keys_of(text: str, lex: Lexicon) -> list[str]:
    """Proper names of a sentence as keys: each run of capitalised words ("p:tc television")
    and each of its words ("w:guayaquil"). A capitalised word opening the sentence counts only
    inside a longer run, and never when it is a function word, a month or a weekday."""
    skip = (
        lex.get_set("stopwords")
        | lex.not_name_starters
        | set(lex.months)
        | set(lex.weekdays)
        | lex.titles
    )
    runs: list[list[str]] = []
    run: list[str] = []
    last_end = -1
    first = True
    for match in TOKEN.finditer(text):
        word = POSSESSIVE.sub("", match.group(0)).rstrip(".’'")
        gap = text[last_end : match.start()] if last_end >= 0 else ""
        joined = last_end >= 0 and gap in (" ", "\u00a0")
        folded = fold(word)
        capital = word[:1].isupper()
        if capital and not (first and folded in skip):
            if run and not joined:
                runs.append(run)
                run = []
            run.append(word)
        elif run and joined and folded in lex.particles:
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
        last_end = match.end()
        first = False
    if run:
        runs.append(run)
    opening = TOKEN.match(text.lstrip())
    title_words = title_words_of(lex)
    keys: list[str] = []
    for words in runs:
        while words and fold(words[-1]) in lex.particles:
            words = words[:-1]
        while len(words) > 1 and fold(words[0]) in title_words:
            words = words[1:]  # "Attorney General Diana Salazar" is Diana Salazar
        if not words:
            continue
        if len(words) == 1 and opening and text.lstrip().startswith(words[0]):
            continue  # "Después ...", "Officials ...": any sentence opens with a capital
        folded = [fold(w) for w in words]
        if len(words) > 1:
            keys.append("p:" + " ".join(folded))
        for word in folded:
            if (
                len(word) >= 3
                and word not in lex.particles
                and word not in skip
                and word not in lex.given_names
            ):
                keys.append("w:" + word)
    return keys


def title_words_of(lex: Lexicon) -> frozenset[str]:
    cached = lex.__dict__.get("_title_words")
    if cached is None:
        cached = frozenset(w for t in lex.titles | lex.title_modifiers for w in t.split())
        lex.__dict__["_title_words"] = cached
    return cached


def event_pattern(lex: Lexicon) -> tuple[re.Pattern | None, dict[str, str]]:
    cached = lex.__dict__.get("_story_events")
    if cached is None:
        words = {
            fold(w): label for label, ws in (lex.get("story_events") or {}).items() for w in ws
        }
        cached = (phrase_pattern(words) if words else None, words)
        lex.__dict__["_story_events"] = cached
    return cached


def event_keys_of(text: str, lex: Lexicon) -> list[str]:
    """Kinds of event a sentence tells of ("e:earthquake" for "sismo" and for "quake")."""
    pattern, label_of = event_pattern(lex)
    if pattern is None:
        return []
    return ["e:" + label_of[fold(re.sub(r"\s+", " ", m.group(0)))] for m in pattern.finditer(text)]


def person_weight(sentence: int | None) -> float:
    """How much a person named in full weighs by the sentence naming them: the headline and
    the lead above a passing mention further down."""
    if sentence is None:
        return BODY_WEIGHT
    if sentence < 2:
        return HEADLINE_WEIGHT
    return LEAD_WEIGHT if sentence < 2 + LEAD_SENTENCES else BODY_WEIGHT


def story_profile(sentences: Iterable[tuple[str, str]], lex: Lexicon) -> Counter:
    """A document's keys with their raw weights, from its (role, text) sentences in order.
    Headings and body count, and photo captions as body (a caption's figures are the photo's,
    but it names the story's people and places); bylines, date stamps, links to other
    articles and comments say nothing of the story. Headings before the first body sentence
    are the headline."""
    weights: Counter = Counter()
    headline: list[str] = []
    body_seen = 0
    for role, text in sentences:
        if role == "caption":
            role = "body"  # it names the story's people and places
        if role not in ("body", "heading"):
            continue
        if role == "heading":
            keys = name_keys_of(text, lex) + event_keys_of(text, lex)
            if body_seen == 0:
                if title_case(text):
                    headline.extend(keys)  # kept only if the body names them too
                else:
                    for key in keys:
                        weights[key] += HEADLINE_WEIGHT
            else:
                for key in keys:
                    weights[key] += LATE_HEADING_WEIGHT
            continue
        body_seen += 1
        weight = LEAD_WEIGHT if body_seen <= LEAD_SENTENCES else BODY_WEIGHT
        for key in name_keys_of(text, lex):
            weights[key] += weight
        for key in event_keys_of(text, lex):  # the story's own event is told in its lead
            weights[key] += weight if body_seen <= LEAD_SENTENCES else LATE_EVENT_WEIGHT
    for key in headline:
        if key in weights:
            weights[key] += HEADLINE_WEIGHT
    return weights


# --------------------------------------------------------------------------- grouping


def normalised(vector: dict[str, float], size: int) -> dict[str, float]:
    top = sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:size]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {k: w / norm for k, w in top}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def weighted_profiles(raw: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Raw key weights -> unit vectors: a key's weight grows with the log of its raw weight,
    times how rare it is in the archive (smoothed inverse document frequency)."""
    documents = Counter(key for keys in raw.values() for key in keys)
    total = len(raw)
    out = {}
    for doc, keys in raw.items():
        vector = {
            key: KIND_WEIGHT.get(key[:2], 1.0)
            * (1 + math.log(1 + weight))
            * (math.log((1 + total) / (1 + documents[key])) + 1) ** RARITY_POWER
            for key, weight in keys.items()
            if weight > 0 and documents[key] > 1  # a key no other document holds ties nothing
        }
        out[doc] = normalised(vector, PROFILE_SIZE)
    return out


def candidate_pairs(profiles: dict[str, dict[str, float]]) -> list[tuple[float, str, str]]:
    """Pairs of documents that share one of their strongest keys, with their similarity,
    closest first. A key shared by too many documents finds no pairs: the work grows with the
    archive times the largest block, never with the square of the archive."""
    holders = key_holders(profiles)
    seen: set[tuple[str, str]] = set()
    pairs = []
    for docs in holders.values():
        if len(docs) > MAX_BLOCK:
            continue
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    pairs.append((cosine(profiles[a], profiles[b]), a, b))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def strongest_keys(vector: dict[str, float]) -> list[str]:
    """A document's blocking keys: its strongest, through which it finds its neighbours."""
    return sorted(vector, key=lambda k: (-vector[k], k))[:BLOCKING_KEYS]


def key_holders(profiles: dict[str, dict[str, float]]) -> dict[str, list[str]]:
    """Each blocking key -> the documents holding it among their strongest, in name order."""
    holders: dict[str, list[str]] = defaultdict(list)
    for doc in sorted(profiles):
        for key in strongest_keys(profiles[doc]):
            holders[key].append(doc)
    return holders


@dataclass
class Group:
    members: list[str] = field(default_factory=list)
    total: dict[str, float] = field(default_factory=dict)  # sum of the members' unit vectors
    first: dt.date | None = None  # the earliest and latest dates of its documents
    last: dt.date | None = None

    def absorb(self, other: Group) -> None:
        self.members += other.members
        for key, weight in other.total.items():
            self.total[key] = self.total.get(key, 0.0) + weight
        if other.first is not None:
            self.first = min(self.first or other.first, other.first)
            self.last = max(self.last or other.last, other.last)


def average_similarity(a: Group, b: Group) -> float:
    """The mean similarity of every document of `a` with every document of `b` (the dot
    product of their sums, the vectors being of unit length), lowered when the two are far
    apart in time."""
    score = cosine(a.total, b.total) / (len(a.members) * len(b.members))
    if a.first and b.first:
        gap = max((a.first - b.last).days, (b.first - a.last).days, 0)
        if gap > FAR_IN_TIME_DAYS:
            score *= FAR_IN_TIME_FACTOR
    return score


def group_documents(
    profiles: dict[str, dict[str, float]], published: dict[str, str | None]
) -> list[list[str]]:
    """Documents -> groups, by average linkage: the closest pairs first, two groups join
    when their documents are close on average, so that one document mentioning another story's
    people cannot pull the two stories together. Then each document settles in the group it is
    closest to on average (`settle`)."""
    from .dates import PartialDate

    days = {doc: PartialDate.parse(published.get(doc)).as_date() for doc in profiles}
    groups = join_groups(profiles, days, candidate_pairs(profiles), JOIN_SIMILARITY)
    return [sorted(members) for members in settle(profiles, days, groups)]


def join_groups(
    profiles: dict[str, dict[str, float]],
    days: dict[str, dt.date | None],
    pairs: list[tuple[float, str, str]],
    threshold: float,
) -> list[list[str]]:
    """Over the pairs of documents, closest first, the groups of the two join when their
    documents are at least `threshold` similar on average."""
    groups = {
        doc: Group([doc], dict(vector), days[doc], days[doc]) for doc, vector in profiles.items()
    }
    joins = UnionFind()
    for _ in range(MAX_ROUNDS):
        merged = False
        for score, a, b in pairs:
            if score <= 0:
                break
            ra, rb = joins.find(a), joins.find(b)
            if ra == rb or average_similarity(groups[ra], groups[rb]) < threshold:
                continue
            joins.union(ra, rb)
            root = joins.find(ra)
            other = rb if root == ra else ra
            groups[root].absorb(groups.pop(other))
            merged = True
        if not merged:
            break
    return [group.members for group in groups.values()]


def settle(
    profiles: dict[str, dict[str, float]],
    days: dict[str, dt.date | None],
    start: list[list[str]],
) -> list[list[str]]:
    """Moves a document to the group it is closest to on average, when that is not the one it
    joined. Groups grow from the closest pairs first, so a document of one story can join
    another story of the same place and week through one close pair before its own story's
    documents have met; once both are whole, its own story is the closer on average. Moves
    are weighed against the groups as they stand before any of them, and only between groups
    of two documents or more, so that one move cannot draw others after it."""
    groups: dict[int, Group] = {}
    home: dict[str, int] = {}
    for index, members in enumerate(start):
        group = groups[index] = Group()
        for doc in members:
            home[doc] = index
            group.absorb(Group([doc], dict(profiles[doc]), days[doc], days[doc]))
    holders = key_holders(profiles)
    moves = []
    for doc in sorted(profiles):
        vector, own = profiles[doc], groups[home[doc]]
        if len(own.members) < 2:
            continue  # a document alone has no story to leave
        stay = (cosine(vector, own.total) - 1.0) / (len(own.members) - 1)
        best, target = max(stay + MOVE_MARGIN, JOIN_SIMILARITY), None
        near = {  # the groups it could have met, as in `candidate_pairs`
            home[other]
            for key in strongest_keys(vector)
            if len(holders[key]) <= MAX_BLOCK
            for other in holders[key]
        }
        alone = Group([doc], vector, days[doc], days[doc])
        for index in sorted(near - {home[doc]}):
            group = groups[index]
            if len(group.members) < 2:
                continue
            score = average_similarity(alone, group)
            if score >= best:
                best, target = score, index
        if target is not None:
            moves.append((doc, target))
    out = {index: list(group.members) for index, group in groups.items()}
    for doc, target in moves:
        out[home[doc]].remove(doc)
        out[target].append(doc)
    return [members for members in out.values() if members]


LABEL_PREFIX = "label:"


def story_name(story: str) -> str:
    """A story as people read and type it: its label as given at ingest, or its automatic slug.
    (Labelled stories keep the `label:` key inside, so that conflict ids stay stable.)"""
    return story.removeprefix(LABEL_PREFIX)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "story"


def assign_stories(
    labels: dict[str, str | None],
    names: dict[str, set[str]],
    display: dict[str, str],
    published: dict[str, str | None] | None = None,
    keys: dict[str, Counter] | None = None,
) -> dict[str, str]:
    """Document id -> story id.

    `labels` gives each document's explicit story label (or None); `keys` each document's
    raw story profile (`story_profile`); `names` the folded full names each document mentions
    (a story is named after its most mentioned person), `display` a readable spelling of each;
    `published` each document's ISO date. Without `keys`, the names are the profile."""
    stories: dict[str, str] = {doc: LABEL_PREFIX + label for doc, label in labels.items() if label}
    unlabelled = [doc for doc, label in labels.items() if not label]
    if keys is None:
        keys = {doc: Counter({f"p:{n}": 1.0 for n in names.get(doc, ())}) for doc in unlabelled}
    raw = {doc: keys.get(doc) or Counter() for doc in unlabelled}
    groups = group_documents(weighted_profiles(raw), published or {})
    taken = {label for label in labels.values() if label}  # one name, one story
    for members in sorted(groups, key=lambda m: sorted(m)):
        # Sorted, so that a tie between two names is settled the same way on every run.
        frequency = Counter(name for doc in sorted(members) for name in sorted(names.get(doc, ())))
        top = frequency.most_common(1)[0][0] if frequency else sorted(members)[0][:12]
        base = slug(display.get(top, top))
        story = base
        if story in taken:
            story = f"{base}-{hashlib.sha1('|'.join(sorted(members)).encode()).hexdigest()[:6]}"
        taken.add(story)
        for doc in members:
            stories[doc] = story
    return stories
