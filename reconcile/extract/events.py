"""Dates of events: "on December 14th ... raids" is the date of the raids; "his October 2022
murder" the date of a person's death; "Wednesday's raids" a weekday of the raids, resolved
against the document's date. A weekday written with a date is kept, so the calendar can check it.
"""

from __future__ import annotations

import re

from ..dates import DateMention, PartialDate, find_dates
from ..lexicon import Lexicon, fold
from ..models import Claim, Sentence
from .people import Person


def events_near(
    sentence: Sentence, text: str, lex: Lexicon, mention: DateMention, dates: list[DateMention] = ()
) -> list[str]:
    """Event nouns a date may belong to, nearest first (a possessive "Wednesday's raids" is
    nearest of all). A date is never the date of an event it is said to come after or before:
    in "on Wednesday, two days after the earthquake" Wednesday is not the earthquake's date
    (a clock time, "after 4 a.m.", relates nothing)."""
    scored = []
    start, end = sentence.start + mention.start, sentence.start + mention.end
    spans = [(sentence.start + d.start, sentence.start + d.end) for d in dates or [mention]]
    for match in lex.date_event_re.finditer(text, sentence.start, sentence.end):
        if any(s < match.end() and match.start() < e for s, e in spans):
            continue  # "March" in "in March 2014" is a month, not a march
        between = text[end : match.start()] if match.start() >= end else text[match.end() : start]
        if lex.temporal_relation_re.search(lex.clock_time_re.sub(" ", between)):
            continue
        score = len(between) + 40 * between.count(",")
        if score <= 140:
            scored.append((score, lex.date_event_of[fold(re.sub(r"\s+", " ", match.group(0)))]))
    return [event for _, event in sorted(scored, key=lambda item: item[0])]


NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def opening_stamp(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """A date in figures opening a line, after nothing but stamp words, is the page's stamp
    on a headline ("date 2024-03-04 Floods leave 14 dead"), not the date of an event: prose
    writes an event's date in words."""
    before = re.findall(r"[^\W\d_]+", text[: mention.start])
    return bool(NUMERIC_DATE.fullmatch(mention.text.strip())) and all(
        fold(w) in lex.get_set("stamp_words") for w in before
    )


def cited_on(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """A citation's date ("Retrieved 12 March 2024", "consultado el 12 de marzo") is when a
    page was read, not the date of any event."""
    before = fold(text[max(0, mention.start - 24) : mention.start]).rstrip(" :,")
    return any(before.endswith(cue) for cue in lex.get("citation_cues", []))


def date_claims(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    code: str,
    reference: PartialDate,
    people: list[Person],
    topic: str | None,
) -> tuple[list[Claim], list[tuple[int, int]]]:
    """Date claims of a sentence, and the spans they cover (numbers inside them are not counts)."""
    claims, spans = [], []
    personal = set(lex.get("personal_events", []))
    mentions = find_dates(sentence.text, code, reference)
    for mention in mentions:
        start, end = sentence.start + mention.start, sentence.start + mention.end
        spans.append((start, end))
        if opening_stamp(sentence.text, mention, lex) or cited_on(sentence.text, mention, lex):
            continue
        event, subject = None, ""
        for candidate in events_near(sentence, text, lex, mention, mentions):
            if candidate not in personal:
                event = candidate
                break
            nearby = [p for p in people if abs(p.start - start) < 120]
            owner = min(nearby, key=lambda p: abs(p.start - start)).name if nearby else topic
            if owner:  # an arrest or a death is somebody's
                event, subject = candidate, owner
                break
        if mention.year_end:
            attribute = "period"
            value = mention.text
        else:
            attribute = f"date of {event}" if event else "date"
            value = mention.text
        claims.append(
            Claim(
                kind="date",
                start=start,
                end=end,
                quote=text[start:end],
                value=value,
                attribute=attribute,
                subject=subject,
                date=mention.iso,
                weekday=mention.weekday_name,
                sentence=sentence.index,
                extra={
                    "precision": mention.precision,
                    "relative": mention.relative,
                    "rendered": mention.render(),
                    **({"year_end": mention.year_end} if mention.year_end else {}),
                },
            )
        )
    return claims, spans
