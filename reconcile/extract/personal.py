"""Personal facts: where a named person is from ("the Honduran Juan Pérez", "Carlos Mejía, a
Guatemalan national", "Ana Ruiz, originaria de Honduras") and how many children they have
("Ana Ruiz, a mother of three", "Juan Pérez deja dos hijos").

A fact belongs to the person it is grammatically attached to: the name it stands right
before, or the name it follows in apposition or as that name's own predicate (what may stand
between is the lexicon's `personal_fact_gap`). A fact whose owner is not clear ("He leaves
behind two children", "the mother of two of the victims") is left out: a wrong owner is worse
than none. A nationality is stored as its country (the key of `nationalities.yaml`), so the
Spanish "guatemalteca" and the English "Guatemalan" say the same thing.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import Lexicon, fold, invert, lexicon, trie_regex
from ..models import Claim, Sentence
from ..numbers import parse_words
from .ages import number_regex
from .people import Person

MOST_CHILDREN = 30  # a larger "father of" figure is not a family


@cache
def place_words(code: str) -> tuple[dict[str, str], dict[str, str]]:
    """Folded demonyms and country names of a language, each mapped to its country key. Names
    of two letters or fewer ("us", "uk") are left out: they are also common words."""
    lex = lexicon(code)
    demonyms = invert(lex.get("demonyms"))
    countries = {k: v for k, v in invert(lex.get("countries")).items() if len(k) > 2}
    return demonyms, countries


def alternation(words) -> str:
    return rf"(?<![\w-])(?:{trie_regex(set(words))})"


@cache
def nationality_patterns(code: str) -> tuple[list[re.Pattern], list[re.Pattern]]:
    """The language's patterns of a nationality before a name and after it."""
    lex = lexicon(code)
    demonyms, countries = place_words(code)
    fill = {
        "{demonym}": f"(?P<demonym>{alternation(demonyms)})",
        "{country}": f"(?P<country>{alternation(countries)})",
    }

    def compiled(key: str) -> list[re.Pattern]:
        found = []
        for pattern in lex.get(key) or []:
            for slot, regex in fill.items():
                pattern = pattern.replace(slot, regex)
            found.append(re.compile(pattern, re.I))
        return found

    return compiled("nationality_before_name"), compiled("nationality_after_name")


@cache
def children_patterns(code: str) -> list[re.Pattern]:
    lex = lexicon(code)
    child = alternation(fold(w) for w in lex.get("children_nouns") or []) + r"(?![\w-])"
    number = f"(?P<n>{number_regex(code)})"
    return [
        re.compile(p.replace("{n}", number).replace("{child}", child), re.I)
        for p in lex.get("children_patterns") or []
    ]


@cache
def fact_gap(code: str) -> re.Pattern | None:
    gap = lexicon(code).get("personal_fact_gap")
    return re.compile(gap, re.I) if gap else None


def country_of(match: re.Match, code: str) -> str | None:
    """The country a demonym or a country name matched stands for. A capitalised word that is
    also a country's name ("Argentina", "China" beside the demonyms "argentina", "china") is
    the country, not a person's nationality: "Ana Ruiz, Argentina" is a dateline."""
    demonyms, countries = place_words(code)
    word = match.groupdict().get("demonym")
    if word:
        folded = " ".join(fold(word).split())
        if word[:1].isupper() and folded in countries:
            return None
        return demonyms.get(folded)
    word = match.groupdict().get("country")
    return countries.get(" ".join(fold(word).split())) if word else None


def owner_before(
    people: list[Person],
    text: str,
    start: int,
    code: str,
    floor: int,
    facts: list[tuple[int, Person]] | None = None,
) -> Person | None:
    """The person a fact starting at `start` is written about: the last name before it, with
    only `personal_fact_gap` between them ("Ana Ruiz, 34, a mother of three"), or the person
    of a fact it is joined to ("Ana Ruiz, originaria de Honduras y madre de seis hijos")."""
    gap = fact_gap(code)
    if gap is None:
        return None
    for end, person in facts or []:
        if end <= start and joined(code).fullmatch(text, end, start):
            return person
    for person in reversed(people):
        if person.end > start or person.end < floor:
            continue
        return person if gap.fullmatch(text, person.end, start) else None
    return None


@cache
def joined(code: str) -> re.Pattern:
    """What joins two facts of one person: a comma, "and", "y"."""
    return re.compile(rf"\s*,?\s*(?:(?:{lexicon(code).phrases('and_words').pattern})\s+)?", re.I)


def person_fact(
    kind: str, person: Person, match: re.Match, value: str, sentence: Sentence, text: str, **kw
) -> Claim:
    start, end = min(person.start, match.start()), max(person.end, match.end())
    return Claim(
        kind=kind,
        start=start,
        end=end,
        quote=text[start:end],
        value=value,
        attribute=kind,
        subject=person.alias_of or person.name,
        sentence=sentence.index,
        **kw,
    )


def nationality_claims(
    sentence: Sentence,
    text: str,
    code: str,
    people: list[Person],
    facts: list[tuple[int, Person]] | None = None,
) -> list[Claim]:
    """'the Honduran Juan Pérez', 'Carlos Mejía, a Guatemalan national', 'Ana Ruiz, de
    nacionalidad guatemalteca': one claim per person, valued as the country's key."""
    before, after = nationality_patterns(code)
    claims: list[Claim] = []
    owned: set[int] = set()
    facts: list[tuple[int, Person]] = [] if facts is None else facts
    for person in people:
        window = text[sentence.start : person.start]
        for pattern in before:
            match = pattern.search(window)
            country = match and country_of(match, code)
            if country:
                start = sentence.start + match.start("demonym")
                claims.append(
                    Claim(
                        kind="nationality",
                        start=start,
                        end=person.end,
                        quote=text[start : person.end],
                        value=match.group("demonym"),
                        attribute="nationality",
                        subject=person.alias_of or person.name,
                        sentence=sentence.index,
                        extra={"country": country},
                    )
                )
                owned.add(id(person))
                break
    for pattern in after:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            owner = owner_before(people, text, match.start(), code, sentence.start)
            country = country_of(match, code)
            if owner is None or not country or id(owner) in owned:
                continue
            words = match.groupdict().get("demonym") or match.groupdict().get("country")
            claim = person_fact("nationality", owner, match, words, sentence, text)
            claim.extra = {"country": country}
            claims.append(claim)
            owned.add(id(owner))
            facts.append((match.end(), owner))
    return claims


def children_claims(
    sentence: Sentence,
    text: str,
    code: str,
    people: list[Person],
    facts: list[tuple[int, Person]] | None = None,
) -> list[Claim]:
    """'Ana Ruiz, a mother of three', 'Juan Pérez deja dos hijos': the number of children of
    the person the phrase is attached to."""
    claims: list[Claim] = []
    owned: set[int] = set()
    for pattern in children_patterns(code):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            owner = owner_before(people, text, match.start(), code, sentence.start, facts)
            if owner is None or id(owner) in owned:
                continue
            raw = match.group("n")
            number = float(raw) if raw.isdigit() else parse_words(raw, code)
            if number is None or not 0 < number <= MOST_CHILDREN:
                continue
            claim = person_fact(
                "children", owner, match, raw, sentence, text, low=number, high=number
            )
            claim.extra = {"number_at": [match.start("n"), match.end("n")]}
            claims.append(claim)
            owned.add(id(owner))
    return claims


def personal_claims(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    people: list[Person],
    nationalities: bool = True,
) -> list[Claim]:
    """Nationalities and numbers of children of the people of one sentence. `nationalities`
    False skips the nationality patterns (and their compiling) where no place word occurs."""
    facts: list[tuple[int, Person]] = []  # where each fact ends, and whose it is
    found = nationality_claims(sentence, text, lex.code, people, facts) if nationalities else []
    return found + children_claims(sentence, text, lex.code, people, facts)
