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


def event_of(sentence: Sentence, text: str, lex: Lexicon, mention: DateMention) -> str | None:
    """The event noun nearest a date in its sentence (a possessive "Wednesday's raids" wins)."""
    best, best_score = None, 10_000
    start, end = sentence.start + mention.start, sentence.start + mention.end
    for match in lex.date_event_re.finditer(text, sentence.start, sentence.end):
        between = text[end : match.start()] if match.start() >= end else text[match.end() : start]
        score = len(between) + 40 * between.count(",")
        if score < best_score:
            best, best_score = match, score
    if best is None or best_score > 140:
        return None
    return lex.date_event_of[fold(re.sub(r"\s+", " ", best.group(0)))]


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
    for mention in find_dates(sentence.text, code, reference):
        start, end = sentence.start + mention.start, sentence.start + mention.end
        spans.append((start, end))
        event = event_of(sentence, text, lex, mention)
        subject = ""
        if event in personal:
            nearby = [p for p in people if abs(p.start - start) < 120]
            subject = (
                min(nearby, key=lambda p: abs(p.start - start)).name if nearby else (topic or "")
            )
            if not subject:
                event = None
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
