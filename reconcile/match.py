"""Stage 5, match: claims that speak of the same thing are put in one block; only claims of
one block are ever compared. The block key is (story, kind, subject entity, attribute), so a
count of judges arrested never meets a count of police officers arrested, and two stories
never meet at all. For counts the attribute carries the claim's frame (nationality, place:
`extract/frames.py`), so the Honduran dead never meet the whole toll. Building the blocks is one pass over the claims (a dictionary), not a
comparison of all claims with all claims.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from .dates import WEEKDAY_NAMES as WEEKDAYS
from .dates import PartialDate
from .extract.frames import frame_label
from .lexicon import Lexicon, fold, lexicon
from .models import PERSONAL_KINDS
from .numbers import number_pattern
from .quantity_rules import block_key as quantity_block_key
from .quantity_rules import merge_alike
from .role_rules import block_key as role_block_key

NUMBER_KINDS = ("count", "money", "percent")


def block_key(
    claim: dict,
    story: str,
    entity: str | None,
    main_day: frozenset[str] = frozenset(),
    several_countries: bool = False,
) -> tuple | None:
    """The block a claim belongs to, or None when it is not checked against other sources.
    `main_day` names the story's main event day (its date and weekday): a count dated to
    another day ("On Saturday, 193 were detained") meets only counts of that day. With no main
    day known, a count's day keeps nothing apart. `several_countries` says the story's counts
    name two countries or more (`story_countries`): then a count whose clause opens with a
    country ("En Honduras, ... cuatro fallecidos") is that country's, not the whole toll."""
    kind = claim["kind"]
    if kind in NUMBER_KINDS:
        if not claim["extra"].get("comparable", False) or claim["low"] is None:
            return None
        # The frame narrows the measure: Honduran dead never meet the whole toll.
        label = frame_label(claim["attribute"], claim["extra"])
        frame = claim["extra"].get("frame") or {}
        if several_countries and frame.get("country"):
            label += f" in {frame['country'].title()}"
        day = frame.get("day")
        if day and main_day and day not in main_day:
            label += f" on {day}"
        return (story, kind, entity or "", label)
    if kind == "quantity":  # a measure of a clear frame: `quantity_rules.py`
        return quantity_block_key(claim, story)
    if kind == "age":
        return (story, "age", entity, "age") if entity else None
    if kind in PERSONAL_KINDS:  # a person's nationality or children: one block per person
        return (story, kind, entity, kind) if entity else None
    if kind == "date":
        # Only dates of one event meet: the event of the date's own clause
        # (`extract/events.py`); a date whose event is unclear is never compared.
        event = claim["extra"].get("event")
        if not event or claim["attribute"] == "period":
            return None
        date = PartialDate.parse(claim.get("date"))
        if date.month is None and not claim.get("weekday") and not claim["extra"].get("month_day"):
            return None
        if claim["subject"] and not entity:
            return None
        return (story, "date", entity or "", f"date of {event}")
    if kind == "role":  # one person's accounts of one office (`role_rules.py`)
        return role_block_key(claim, story, entity)
    if kind == "time":
        # A clock time meets only times of its own event and zone (`extract/times.py`).
        if not claim["extra"].get("event") or "minutes" not in claim["extra"]:
            return None
        return (story, "time", entity or "", claim["attribute"])
    return None


def build_blocks(
    claims: list[dict], story_of: dict[str, str], entity_of: dict[tuple[str, str], str]
) -> dict[tuple, list[dict]]:
    """Blocks that hold claims of at least two documents (the only ones worth judging)."""
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    main_days = {story: main_day(members) for story, members in by_story(claims, story_of).items()}
    several = {
        story
        for story, members in by_story(claims, story_of, NUMBER_KINDS).items()
        if len(story_countries(members)) > 1
    }
    for claim in claims:
        story = story_of.get(claim["document_id"])
        if story is None:
            continue
        entity = (
            entity_of.get((claim["document_id"], claim["subject_key"]))
            if claim["subject"]
            else None
        )
        key = block_key(claim, story, entity, main_days.get(story, frozenset()), story in several)
        if key is not None:
            blocks[key].append(claim)
    blocks = merge_alike(blocks)
    for key, members in blocks.items():
        if key[1] in NUMBER_KINDS:
            blocks[key] = comparable_figures(members)
    return {
        key: members
        for key, members in blocks.items()
        if len({m["document_id"] for m in members}) > 1
    }


def story_countries(claims: list[dict]) -> set[str]:
    """The countries that open the clauses of a story's counts (`frame.country`): two or more,
    and each count so placed is its country's."""
    return {
        country
        for claim in claims
        if claim["kind"] in NUMBER_KINDS
        and (country := ((claim.get("extra") or {}).get("frame") or {}).get("country"))
    }


def by_story(
    claims: list[dict], story_of: dict[str, str], kinds: tuple[str, ...] = ("date",)
) -> dict[str, list[dict]]:
    """The claims of the given kinds (dates by default), story by story."""
    found: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        story = story_of.get(claim["document_id"])
        if story is not None and claim["kind"] in kinds:
            found[story].append(claim)
    return found


def main_day(dates: list[dict]) -> frozenset[str]:
    """The day of a story's main event, as its date and its weekday ('2023-09-08',
    'friday'): the day its documents most often date an event to ('date of disaster'). When
    sources disagree on it, every day they give is a main day (a count of the march on Friday
    still meets one of the march on Thursday); with no dated event at all, nothing, and no
    count is kept apart by its day (which day is another event's cannot be told)."""
    days: dict[str, set[str]] = defaultdict(set)
    weekdays: dict[str, str] = {}
    for claim in dates:
        date = PartialDate.parse(claim.get("date"))
        if not claim["attribute"].startswith("date of ") or date.day is None:
            continue
        days[date.iso].add(claim["document_id"])
        if claim.get("weekday"):
            weekdays[date.iso] = fold(claim["weekday"])
    ranked = sorted(days.items(), key=lambda item: len(item[1]), reverse=True)
    if len(ranked) > 1 and len(ranked[1][1]) == len(ranked[0][1]):
        ranked = [r for r in ranked if len(r[1]) == len(ranked[0][1])]  # sources disagree
    else:
        ranked = ranked[:1]
    found = set()
    for iso, _ in ranked:
        day = PartialDate.parse(iso).as_date()
        found |= {iso, weekdays.get(iso) or (fold(WEEKDAYS[day.weekday()]) if day else "")}
    return frozenset(found - {""})


#: A figure this many times smaller or larger than the block's median measures something else.
SCALE_APART = 5


def figure(claim: dict) -> float:
    low, high = claim["low"], claim["high"]
    return high if (low is None or low <= 0) and high not in (None, math.inf) else (low or 0)


def comparable_figures(members: list[dict]) -> list[dict]:
    """The figures of a number block that are compared: on the block's scale, and from
    documents that give one reading of it. `conflicts` and `check` both judge these."""
    return one_reading_per_document(in_scale(members))


def one_reading_per_document(members: list[dict]) -> list[dict]:
    """Set aside the figures of a document that gives two figures of one block that cannot
    both be true ("17 died in the capital ... 39 died" under one key): a source rarely
    contradicts itself within one article, so the block's key lumps two facts in that
    document, and its figures would be pitted against the wrong ones elsewhere. A figure its
    sentence gives as one said before the current one ("initially 11", "the previous toll of
    1,300", "rose from 36 to 57": `superseded`) is never the document's reading: set aside
    first, it leaves a torn document its other figure. With nothing in the text to say which
    figure is current, the torn document is set aside whole."""
    from .judge import compatible, document_of

    of_document: dict[str, list[dict]] = defaultdict(list)
    for member in members:
        of_document[document_of(member)].append(member)
    aside: set[int] = set()
    for figures in of_document.values():
        current = [m for m in figures if not superseded(m)]
        if any(not compatible(a, b) for i, a in enumerate(current) for b in current[i + 1 :]):
            current = []
        if len(current) < len(figures):
            kept = {id(m) for m in current}
            aside |= {id(m) for m in figures if id(m) not in kept}
    return [m for m in members if id(m) not in aside] if aside else members


def superseded(claim: dict) -> bool:
    """Does the claim's sentence give its figure as one said before the current one? A word of
    an earlier figure a few words before it in its clause ("initially reported 11 dead", "según
    el balance anterior, 1.300"; `superseded_cues`), one just before it ("up from 36",
    "antes 36"), or a change from it to another number ("rose from 36 to 57", "pasó de 36 a
    57"). Every place the figure's words stand in the sentence must say so."""
    sentence = claim.get("sentence_text") or ""
    quote = claim.get("quote") or ""
    if not quote or quote not in sentence:
        return False
    lex = lexicon(claim.get("language") or "en")
    numbers = number_pattern(lex.code)
    starts = [m.start() for m in re.finditer(re.escape(quote), sentence)]
    return all(
        earlier_figure(sentence, start, start + len(quote), lex, numbers) for start in starts
    )


#: How many words a `superseded_cues` word may stand before the figure it marks, and how many
#: after a comma that parts them ("según el balance anterior, 1.300"; "initially a fire, the
#: blast killed 40" is no earlier 40).
CUE_REACH, CUE_REACH_PAST_COMMA = 8, 2
WORD = r"[\w'’-]+"


def earlier_figure(sentence: str, start: int, end: int, lex: Lexicon, numbers: re.Pattern) -> bool:
    """Is the figure at `start`..`end` of the sentence one said before the current one
    (`superseded`)? A cue counts only in the figure's clause and with no other number between
    them: in "initially 11 were reported, now 12", only 11 is earlier."""
    before = re.split(r"[.;:!?()]", sentence[:start])[-1]
    right_before = lex.phrases("superseded_right_before").pattern
    if re.search(rf"(?:{right_before})\s*$", before, re.I):
        return True
    for cue in lex.phrases("superseded_cues").finditer(before):
        between = before[cue.end() :]
        past_comma = between.rsplit(",", 1)[1] if "," in between else ""
        if (
            len(re.findall(WORD, between)) <= CUE_REACH
            and len(re.findall(WORD, past_comma)) <= CUE_REACH_PAST_COMMA
            and not numbers.search(between)
        ):
            return True
    verbs, source = lex.phrases("change_verbs").pattern, lex.phrases("change_from").pattern
    target = lex.phrases("change_to").pattern
    change = re.search(rf"(?:{verbs})(?:\s+{WORD}){{0,5}}?\s+(?:{source})\s*$", before, re.I)
    return bool(
        change
        and re.match(rf"\s*[\w\s'’-]{{0,30}}?\b(?:{target})\s+", sentence[end:], re.I)
        and numbers.search(sentence[end : end + 60])
    )


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
