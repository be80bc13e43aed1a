"""Which documents tell the same story. Claims are only ever compared within a story.

A document ingested with `--story LABEL` belongs to that story. The others are grouped
automatically (accent- and case-insensitive): two documents are in one story when they name at
least two of the same people in full, or one person in full and a second by the same surname
(a misspelt given name must not split a story), or one person in full within a week of each
other. Names that half the archive mentions (a head of state) are too common to tie documents
together and are ignored for grouping; a name that more than 1% of a large archive mentions does
not tie documents by being within a week of each other.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from itertools import combinations

from .lexicon import fold

MIN_SHARED_NAMES = 2
CLOSE_IN_TIME_DAYS = 7
MAX_NAME_SHARE = 0.5  # a name in more than half of the documents (of a large archive) ties nothing
# One name within a week ties documents only when the name is rare: a head of state (or an
# office misread as a name) in a large archive would chain every week's stories into one.
MAX_NEAR_NAME_SHARE = 0.01


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


def close_in_time(a: str | None, b: str | None) -> bool:
    from .dates import PartialDate

    da, db = PartialDate.parse(a).as_date(), PartialDate.parse(b).as_date()
    return da is not None and db is not None and abs((da - db).days) <= CLOSE_IN_TIME_DAYS


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
) -> dict[str, str]:
    """Document id -> story id.

    `labels` gives each document's explicit story label (or None); `names` the folded full
    names each document mentions; `display` a readable spelling of each folded name;
    `published` each document's ISO date (for "close in time")."""
    stories: dict[str, str] = {doc: LABEL_PREFIX + label for doc, label in labels.items() if label}
    unlabelled = [doc for doc, label in labels.items() if not label]
    surnames = {doc: {n.split()[-1] for n in names.get(doc, ())} for doc in unlabelled}
    documents_of: dict[str, list[str]] = defaultdict(list)
    for doc in unlabelled:
        for name in names.get(doc, ()):
            documents_of[name].append(doc)
    from .dates import PartialDate

    limit = max(20, int(len(unlabelled) * MAX_NAME_SHARE))
    near_limit = max(20, int(len(unlabelled) * MAX_NEAR_NAME_SHARE))
    groups = UnionFind()
    # Each rule is a shared key, so the work grows with the documents, not with pairs of them:
    # documents holding the same key are joined to the first document that held it.
    first_with: dict[tuple, str] = {}
    dated: dict[str, list[tuple]] = defaultdict(list)
    dates = published or {}
    for doc in unlabelled:
        groups.find(doc)
        common = sorted(n for n in names.get(doc, ()) if len(documents_of[n]) <= limit)
        keys: list[tuple] = list(combinations(common, MIN_SHARED_NAMES))  # names in full
        day = PartialDate.parse(dates.get(doc)).as_date() if common else None
        for name in common:  # a name in full and further surnames in common
            last = name.split()[-1]
            others = sorted(surnames[doc] - {last})
            keys += [
                (name, "surnames", *more) for more in combinations(others, MIN_SHARED_NAMES - 1)
            ]
            if day is not None and len(documents_of[name]) <= near_limit:
                dated[name].append((day, doc))
        for other in {first_with.setdefault(key, doc) for key in keys} - {doc}:
            groups.union(doc, other)
    for mentions in dated.values():  # a name in full within a week: neighbours in time suffice
        mentions.sort()
        for (day, doc), (next_day, other) in zip(mentions, mentions[1:], strict=False):
            if (next_day - day).days <= CLOSE_IN_TIME_DAYS:
                groups.union(doc, other)
    taken = {label for label in labels.values() if label}  # one name, one story
    for members in sorted(groups.groups().values(), key=lambda m: sorted(m)):
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
