"""Story grouping joins documents through shared keys; it must give the groups that comparing
every pair of documents would."""

from __future__ import annotations

import random
from collections import defaultdict

from reconcile.dates import PartialDate
from reconcile.stories import (
    CLOSE_IN_TIME_DAYS,
    MAX_NAME_SHARE,
    MAX_NEAR_NAME_SHARE,
    MIN_SHARED_NAMES,
    UnionFind,
    assign_stories,
)


def pairwise_groups(labels, names, published):
    """The rule as written, pair by pair."""
    docs = [d for d, label in labels.items() if not label]
    counts = defaultdict(int)
    for doc in docs:
        for name in names.get(doc, ()):
            counts[name] += 1
    limit = max(20, int(len(docs) * MAX_NAME_SHARE))
    near = max(20, int(len(docs) * MAX_NEAR_NAME_SHARE))
    groups = UnionFind()
    for i, a in enumerate(docs):
        groups.find(a)
        for b in docs[i + 1 :]:
            shared = {n for n in names.get(a, ()) & names.get(b, ()) if counts[n] <= limit}
            if not shared:
                continue
            surnames_a = {n.split()[-1] for n in names.get(a, ())}
            surnames_b = {n.split()[-1] for n in names.get(b, ())}
            da = PartialDate.parse(published.get(a)).as_date()
            db = PartialDate.parse(published.get(b)).as_date()
            close = (
                any(counts[n] <= near for n in shared)
                and da is not None
                and db is not None
                and abs((da - db).days) <= CLOSE_IN_TIME_DAYS
            )
            if (
                len(shared) >= MIN_SHARED_NAMES
                or len(surnames_a & surnames_b) >= MIN_SHARED_NAMES
                or close
            ):
                groups.union(a, b)
    return sorted(sorted(g) for g in groups.groups().values())


def partition(stories: dict[str, str], labels) -> list[list[str]]:
    groups = defaultdict(list)
    for doc, story in stories.items():
        if not labels[doc]:
            groups[story].append(doc)
    return sorted(sorted(g) for g in groups.values())


def test_shared_keys_give_the_pairwise_groups():
    for seed in range(200):
        rng = random.Random(seed)
        people = [f"{rng.choice('abcdefgh')} {rng.choice('stuvwxyz')}" for _ in range(20)]
        labels = {
            f"d{i:03d}": ("L" if rng.random() < 0.1 else None) for i in range(rng.randint(1, 60))
        }
        names = {d: set(rng.sample(people, rng.randint(0, 5))) for d in labels}
        published = {
            d: f"2024-01-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None for d in labels
        }
        stories = assign_stories(labels, names, {n: n for n in people}, published)
        assert partition(stories, labels) == pairwise_groups(labels, names, published), seed


def test_story_labels_do_not_depend_on_set_order():
    labels = {"a": None, "b": None}
    names = {"a": {"ana perez", "luis gomez"}, "b": {"luis gomez", "ana perez"}}
    first = assign_stories(labels, names, {})
    second = assign_stories(labels, {k: set(sorted(v, reverse=True)) for k, v in names.items()}, {})
    assert first == second
