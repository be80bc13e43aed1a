"""Stage 5, match: claims that speak of the same thing are put in one block; only claims of
one block are ever compared. The block key is (story, kind, subject entity, attribute), so a
count of judges arrested never meets a count of police officers arrested, and two stories
never meet at all. For counts the attribute carries the claim's frame (nationality, place:
`extract/frames.py`), so the Honduran dead never meet the whole toll. Building the blocks is one pass over the claims (a dictionary), not a
comparison of all claims with all claims.
"""

from __future__ import annotations

import math
from collections import defaultdict

from .dates import PartialDate
from .extract.frames import frame_label

NUMBER_KINDS = ("count", "money", "percent")


def block_key(claim: dict, story: str, entity: str | None) -> tuple | None:
    """The block a claim belongs to, or None when it is not checked against other sources."""
    kind = claim["kind"]
    if kind in NUMBER_KINDS:
        if not claim["extra"].get("comparable", False) or claim["low"] is None:
            return None
        # The frame narrows the measure: Honduran dead never meet the whole toll.
        return (story, kind, entity or "", frame_label(claim["attribute"], claim["extra"]))
    if kind == "age":
        return (story, "age", entity, "age") if entity else None
    if kind == "date":
        # Only dates of one event meet: the event of the date's own clause
        # (`extract/events.py`); a date whose event is unclear is never compared.
        event = claim["extra"].get("event")
        if not event or claim["attribute"] == "period":
            return None
        date = PartialDate.parse(claim.get("date"))
        if date.month is None and not claim.get("weekday"):
            return None
        if claim["subject"] and not entity:
            return None
        return (story, "date", entity or "", f"date of {event}")
    return None


def build_blocks(
    claims: list[dict], story_of: dict[str, str], entity_of: dict[tuple[str, str], str]
) -> dict[tuple, list[dict]]:
    """Blocks that hold claims of at least two documents (the only ones worth judging)."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        story = story_of.get(claim["document_id"])
        if story is None:
            continue
        entity = (
            entity_of.get((claim["document_id"], claim["subject_key"]))
            if claim["subject"]
            else None
        )
        key = block_key(claim, story, entity)
        if key is not None:
            blocks[key].append(claim)
    for key, members in blocks.items():
        if key[1] in NUMBER_KINDS:
            blocks[key] = in_scale(members)
    return {
        key: members
        for key, members in blocks.items()
        if len({m["document_id"] for m in members}) > 1
    }


#: A figure this many times smaller or larger than the block's median measures something else.
SCALE_APART = 5


def figure(claim: dict) -> float:
    low, high = claim["low"], claim["high"]
    return high if (low is None or low <= 0) and high not in (None, math.inf) else (low or 0)


def in_scale(members: list[dict]) -> list[dict]:
    """Set aside the figures of a block that are off its scale: beside tolls of 1,300 and
    2,000, "3 dead" is the toll of one town or one family whose frame the sentence did not
    say, not a third report of the same toll. Abstaining on them costs a missed conflict at
    worst; comparing them would pit two different facts."""
    values = sorted(figure(m) for m in members)
    if len(values) < 3:
        return members
    median = values[len(values) // 2]
    if median <= 0:
        return members
    return [m for m in members if median / SCALE_APART <= figure(m) <= median * SCALE_APART]
