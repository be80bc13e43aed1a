"""Which documents tell the same story. Claims are only ever compared within a story.

A document ingested with `--story LABEL` belongs to that story. The others are grouped
automatically: two documents are in one story when they name at least two of the same people
in full (accent- and case-insensitive). Names that half the archive mentions (a head of state)
are too common to tie documents together and are ignored for grouping.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from .lexicon import fold

MIN_SHARED_NAMES = 2
MAX_NAME_SHARE = 0.5  # a name in more than half of the documents (of a large archive) ties nothing


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


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "story"


def assign_stories(
    labels: dict[str, str | None], names: dict[str, set[str]], display: dict[str, str]
) -> dict[str, str]:
    """Document id -> story id.

    `labels` gives each document's explicit story label (or None); `names` the folded full
    names each document mentions; `display` a readable spelling of each folded name."""
    stories: dict[str, str] = {doc: f"label:{label}" for doc, label in labels.items() if label}
    unlabelled = [doc for doc, label in labels.items() if not label]
    documents_of: dict[str, list[str]] = defaultdict(list)
    for doc in unlabelled:
        for name in names.get(doc, ()):
            documents_of[name].append(doc)
    limit = max(20, int(len(unlabelled) * MAX_NAME_SHARE))
    groups = UnionFind()
    for doc in unlabelled:
        groups.find(doc)
        shared: Counter[str] = Counter()
        for name in names.get(doc, ()):
            if len(documents_of[name]) > limit:
                continue
            shared.update(other for other in documents_of[name] if other != doc)
        for other, count in shared.items():
            if count >= MIN_SHARED_NAMES:
                groups.union(doc, other)
    taken: set[str] = set()
    for members in sorted(groups.groups().values(), key=lambda m: sorted(m)):
        frequency = Counter(name for doc in members for name in names.get(doc, ()))
        top = frequency.most_common(1)[0][0] if frequency else sorted(members)[0][:12]
        base = slug(display.get(top, top))
        story = base
        if story in taken:
            story = f"{base}-{hashlib.sha1('|'.join(sorted(members)).encode()).hexdigest()[:6]}"
        taken.add(story)
        for doc in members:
            stories[doc] = story
    return stories
