"""A person's office as two sources give it: the conflict rule `role-office`.

A role claim ("spokeswoman for the state police", "el gobernador de
Tarvela", "Guatemalan President") is read as an office (`office_heads` of `roles.yaml`: one
key per office in every language) and what it is of: a kind of institution
(`institution_kinds`: police, prosecution, ...) or a place (a country, by its name or its
demonym, or a capitalised place name after "of"/"de", a `place_kind_words` opening dropped:
"del estado de Orbesa" is Orbesa). Only claims whose office and complement are both clear are
compared: a modifier ("former", "vice", "interino"), a complement naming two kinds of
institution or none and no place, or an office with nothing after it, keep the claim out. Two
accounts of one person's office conflict when they name one office of two different places
(`judge_places.same_place` decides: "Tarvela" and "Tarvéla" are one place) or of two different
kinds of institution. One person holding two offices ("president" and "prime minister") is
never a conflict: they are two blocks.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from .extract.personal import place_words
from .judge_places import place_key, same_place
from .lexicon import fold, invert, lexicon, phrase_pattern
from .models import Conflict, Value


@cache
def heads(code: str) -> tuple[re.Pattern, dict[str, str]]:
    """The pattern of an office's wordings, and the office of each (folded) wording."""
    office_of = invert(lexicon(code).get("office_heads"))
    return phrase_pattern(office_of), office_of


@cache
def kinds(code: str) -> tuple[re.Pattern, dict[str, str]]:
    kind_of = invert(lexicon(code).get("institution_kinds"))
    return phrase_pattern(kind_of), kind_of


def office(claim: dict) -> tuple[str, str, str] | None:
    """(office, 'place' or 'institution', what it is of) for a role claim whose office and
    complement are both clear, else None."""
    code = claim.get("language") or "en"
    lex = lexicon(code)
    text = " ".join(re.sub(r"[’‘]", "'", claim["value"]).split())
    pattern, office_of = heads(code)
    found = list(pattern.finditer(text))
    if len(found) != 1:
        return None
    head = found[0]
    before = [w for w in re.findall(r"[^\W\d_][\w.'-]*", text[: head.start()])]
    while before and fold(before[0]) in lex.get_set("articles"):
        before.pop(0)
    after = text[head.end() :].strip(" ,")
    next_word = re.match(r"\s*([^\W\d_]+)", text[head.end() :])
    beside = {fold(w) for w in before} | ({fold(next_word.group(1))} if next_word else set())
    if beside & (lex.get_set("title_modifiers") | lex.get_set("office_modifiers")):
        return None  # "former president", "gobernador interino": not the office as it stands
    key = office_of[fold(" ".join(head.group(0).split()))]
    if before and after:
        return None
    if before:  # "Guatemalan President", "Tarvela governor": a country or its demonym only
        country = country_of(" ".join(before), code)
        return (key, "country", country) if country else None
    if not after:
        return None
    link = re.match(rf"(?:{lex.alternation('office_links')})\s+", after, re.I)
    if not link:
        country = country_of(after, code)  # "el presidente mexicano"
        return (key, "country", country) if country else None
    complement = after[link.end() :]
    institution = institution_of(complement, code)
    if institution:
        return (key, "institution", institution)
    return place_of(complement, code, key)


def country_of(words: str, code: str) -> str | None:
    demonyms, countries = place_words(code)
    folded = " ".join(fold(words).split())
    return demonyms.get(folded) or countries.get(folded)


def institution_of(complement: str, code: str) -> str | None:
    pattern, kind_of = kinds(code)
    found = {kind_of[fold(" ".join(m.group(0).split()))] for m in pattern.finditer(complement)}
    return found.pop() if len(found) == 1 else None


def place_of(complement: str, code: str, key: str) -> tuple[str, str, str] | None:
    """A place a complement names: a country, or a capitalised name with no word of a body
    ("Tarvela", "Orbesa", "estado de Orbesa" -> Orbesa), told in the claim's language (a place name
    is compared only with names of its own language: "London" is "Londres"), else None."""
    lex = lexicon(code)
    text = complement.strip()
    articles = lex.alternation("articles")
    text = re.sub(rf"^(?:(?:{articles})\s+)?", "", text, flags=re.I)
    kind = re.match(rf"(?:{lex.alternation('place_kind_words')})\s+", text, re.I)
    if kind:
        text = text[kind.end() :]
    country = country_of(text, code)
    if country:
        return (key, "country", country)
    particles = lex.get_set("particles")
    content = [w for w in text.split() if fold(w) not in particles]
    if not 1 <= len(content) <= 3 or not all(w[:1].isupper() for w in content):
        return None
    bodies = lex.get_set("not_person_words") | lex.get_set("not_place_words")
    if any(fold(w) in bodies for w in content):
        return None  # "Consejo de Ministros", "la República": a body, not a place
    return (key, f"place ({code})", place_key(text))


def block_key(claim: dict, story: str, entity: str | None) -> tuple | None:
    """Only one person's accounts of one office meet."""
    if not entity:
        return None
    found = office(claim)
    return (story, "role", entity, found[0]) if found else None


def clash(a: dict, b: dict) -> bool:
    one, two = office(a), office(b)
    if one is None or two is None or one[0] != two[0] or one[1] != two[1]:
        return False
    if one[1] in ("institution", "country"):
        return one[2] != two[2]
    return not same_place(one[2], two[2])  # two places of one language


def wording(claim: dict) -> str:
    """The role as its source writes it, without its article: "gobernador de Tarvela"."""
    lex = lexicon(claim.get("language") or "en")
    text = " ".join(re.sub(r"[’‘]", "'", claim["value"]).split())
    return re.sub(rf"^(?:{lex.alternation('articles')})\s+", "", text, flags=re.I)


def judge_roles(story: str, subject: str, attribute: str, claims: list[dict]) -> Conflict | None:
    """One person's office given as of two different places or kinds of institution."""
    from .judge import clashing_groups, conflict_id, make_value  # it builds on this module

    clashes, groups = clashing_groups("role", claims, lambda claim: fold(wording(claim)))
    if not clashes:
        return None
    ordered = sorted(groups.items(), key=lambda i: (office(i[1][0])[2], i[0]))
    values: list[Value] = [make_value(wording(members[0]), members) for _, members in ordered]
    sides: dict[str, list[str]] = defaultdict(list)
    for value, (_, members) in zip(values, ordered, strict=True):
        sides[office(members[0])[2]].append(value.value)
    told = " vs ".join(" / ".join(v) for v in sides.values())
    return Conflict(
        conflict_id(story, "role", subject, attribute),
        story,
        "role",
        subject or story,
        attribute,
        "medium",
        "contradiction",
        "role-office",
        f"Sources give {subject or 'one person'} the office of {attribute} of different "
        f"{'bodies' if office(ordered[0][1][0])[1] == 'institution' else 'places'}: {told}.",
        values,
    )
