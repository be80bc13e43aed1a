"""Ages: "34 years old", "a 35-year-old communicator", "born 36 years ago", "attribute 34
years", "Norero, 36, ...". The subject is the person the age is said of: the name the age
stands in apposition to, the name a sentence-opening clause describes, the nearest name before
it, or else the person the previous sentence was about.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import accent_insensitive, lexicon
from ..models import Claim, Sentence
from ..numbers import parse_words
from .people import Person


@cache
def number_regex(code: str) -> str:
    """Digits, or a run of the language's number words ("thirty-four", "treinta y cuatro").
    A number word starts a word: without the look-behind the regex would also try every
    position inside every word (and find nothing more)."""
    lex = lexicon(code)
    words = "|".join(map(accent_insensitive, sorted(lex.number_words, key=len, reverse=True)))
    joiners = "|".join(map(accent_insensitive, sorted(lex.number_joiners))) or "and"
    word = rf"(?<![\w])(?:{words})(?![\w])"
    return rf"\d{{1,3}}|{word}(?:(?:[- ]|\s+(?:{joiners})\s+){word}){{0,3}}"


@cache
def age_patterns(code: str) -> list[re.Pattern]:
    number = number_regex(code)
    return [
        re.compile(p.replace("{n}", number), re.I) for p in lexicon(code).get("age_patterns", [])
    ]


@cache
def age_pattern_words(code: str) -> list[tuple[str, ...]]:
    """For each age pattern, the plain words every match of it contains ("year", "old")."""
    return [required_words(pattern.pattern) for pattern in age_patterns(code)]


def required_words(regex: str) -> tuple[str, ...]:
    """Runs of ASCII letters that any match of `regex` must contain, found by walking the
    parsed regex along what it cannot skip (groups, repeats of at least one)."""
    from re import _constants as c
    from re import _parser

    runs: list[str] = []

    def walk(items) -> None:
        current = ""
        for op, value in items:
            if op is c.LITERAL and chr(value).isascii() and chr(value).isalpha():
                current += chr(value)
                continue
            if len(current) >= 3:
                runs.append(current.casefold())
            current = ""
            if op is c.SUBPATTERN and not value[1] and not value[2]:
                walk(value[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and value[0] >= 1:
                walk(value[2])
        if len(current) >= 3:
            runs.append(current.casefold())

    try:
        walk(_parser.parse(regex, re.I))
    except Exception:  # an unusual regex: no shortcut, the pattern runs as always
        return ()
    return tuple(runs)


@cache
def age_link(code: str) -> re.Pattern:
    """What may stand between a name and its age: "Norero, 36", "Pérez, quien tenía 34 años"
    (lexicon key `age_links`)."""
    links = lexicon(code).phrases("age_links").pattern
    return re.compile(rf"['’]?s?\s*,?\s*(?:{links}\s+)?", re.I)


def parse_age(text: str, code: str) -> float | None:
    value = float(text) if text.isdigit() else parse_words(text, code)
    return value if value is not None and 0 < value < 125 else None


def age_subject(
    sentence: Sentence,
    text: str,
    start: int,
    end: int,
    people: list[Person],
    topic: str | None,
    code: str = "en",
):
    """Which person an age is said of (see the module docstring)."""
    for person in reversed(people):
        gap = text[person.end : start]
        if person.end <= start and age_link(code).fullmatch(gap):
            return person.name
    opening = text[sentence.start : start]
    if (
        not any(p.start < start for p in people)
        or re.match(r"^[^,]*$", opening)
        and "," in text[end : sentence.end]
    ):
        following = next((p for p in people if p.start >= end), None)
        if following is not None and not any(p.end <= start for p in people):
            return following.name
    preceding = [p for p in people if p.end <= start]
    if preceding:
        return preceding[-1].name
    if people:
        return people[0].name
    return topic


def age_claims(
    sentence: Sentence,
    text: str,
    code: str,
    people: list[Person],
    topic: str | None,
    published: str | None,
) -> list[Claim]:
    lex = lexicon(code)
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    spans = []
    folded = text[sentence.start : sentence.end].casefold()
    for pattern, needed in zip(age_patterns(code), age_pattern_words(code), strict=True):
        if not all(word in folded for word in needed):
            continue  # a word the pattern cannot match without is absent: it would find nothing
        for match in pattern.finditer(text, sentence.start, sentence.end):
            spans.append(
                (
                    match.start(),
                    match.end(),
                    match.group("n"),
                    "born" in match.groupdict() and bool(match.group("born")),
                )
            )
    apposition = lex.get("age_apposition")
    if apposition:
        for person in people:
            match = re.match(apposition, text[person.end : sentence.end])
            if match:
                person.end + match.start("n")
                spans.append((person.start, person.end + match.end("n"), match.group("n"), False))
    for start, end, raw, born in sorted(spans):
        if any(s < end and start < e for s, e in taken):
            continue
        age = parse_age(raw, code)
        if age is None:
            continue
        subject = age_subject(sentence, text, start, end, people, topic, code)
        if not subject:
            continue
        taken.append((start, end))
        claims.append(
            Claim(
                kind="age",
                start=start,
                end=end,
                quote=text[start:end],
                value=text[start:end],
                attribute="age",
                subject=subject,
                low=age,
                high=age,
                date=published,
                sentence=sentence.index,
                extra={"born_years_ago": True} if born else {},
            )
        )
    return claims
