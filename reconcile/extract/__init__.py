"""Stage 3, extract: the sentences of a document become atomic claims with exact offsets.

One module per kind of claim: `people` (names, roles, aliases), `counts` (counts, money,
percentages), `ages`, `events` (dates and weekdays), and `context` (hedges, attribution).
Everything about a language comes from its lexicon; nothing here names a person or a figure.
"""

from __future__ import annotations

from ..dates import PartialDate, find_dates
from ..lexicon import fold, lexicon
from ..models import Claim, Document, Sentence
from ..numbers import find_numbers
from .ages import age_claims
from .context import attribution_of, hedge_of
from .counts import count_claims
from .events import date_claims
from .frames import (
    date_the_counts,
    increments_of_a_new_measure,
    name_the_counting_body,
    set_aside_earlier_events,
)
from .people import (
    find_aliases,
    find_people,
    list_line_people,
    not_a_place,
    person_claims,
    place_names,
)
from .personal import personal_claims
from .places import place_claims
from .prefilter import may_hold_numbers, may_name_a_nationality
from .quantities import quantity_claims
from .times import may_hold_times, time_claims

CLAIM_ROLES = ("body", "heading")  # captions, bylines and comments are not the article's claims

#: Skip work that cannot change a sentence's claims: the extractors of facts about a person
#: (aliases, nationalities, children) in sentences that name nobody, as every such fact is
#: owned by a person of its sentence (nine sentences in ten name nobody); the hedge and the
#: source of a sentence that gave no fact to give them to (most sentences); the search for
#: numbers in a sentence without a digit or a number word, and for nationalities in one
#: without a demonym or a country name (`prefilter`). False does all of it everywhere (the
#: reference the tests compare with: the claims are the same).
GATED = True


def known_names(document: Document, sentences: list[Sentence], code: str) -> dict[str, str]:
    """Folded single names (surnames, given names) of people the document names in full, and
    the aliases it gives them ("alias 'Fito'"), mapped to the full name, so that "Terán said"
    and "Fito said" can be tied to "Wilman Terán" and to the man so called. A single name
    shared by two different people of the document ("Salazar") is left out as ambiguous."""
    lex = lexicon(code)
    people = []
    nicknames: dict[str, str] = {}  # "Fito" -> "José Adolfo Macías Villamar"
    for sentence in sentences:
        if sentence.role not in CLAIM_ROLES:
            continue
        found = find_people(sentence, document.text, lex, {})
        if not found:
            continue  # an alias is always of a person of its sentence
        people.extend(p for p in found if not p.single)
        for alias in find_aliases(sentence, document.text, lex, found):
            if " " in alias.subject:
                nicknames.setdefault(fold(alias.value), alias.subject)
    aliases = {fold(n) for p in people if p.alias_of for n in (p.name, p.alias_of)}
    known: dict[str, str] = {}
    ambiguous: set[str] = set()
    for person in people:
        known.setdefault(fold(person.name), person.name)
        keys = [fold(t) for t in person.surname.split()]
        if person.given:
            keys.append(fold(person.given.split()[0]))
        for key in keys:
            if len(key) < 3 or key in lex.particles:
                continue
            other = known.get(key)
            if (
                other is not None
                and fold(other) != fold(person.name)
                and not same_person_name(other, person.name)
                and not {fold(other), fold(person.name)} <= aliases
            ):
                ambiguous.add(key)
            known.setdefault(key, person.name)
    for key in ambiguous:
        known.pop(key, None)
    for key, name in nicknames.items():  # an alias alone later ("Fito said") is its bearer
        if len(key) > 2 and key not in known and key not in ambiguous:
            known[key] = name
    return known


def title_case(text: str) -> bool:
    """'Attorney General Delivers A Major Blow To Crime': capitals say nothing about names."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def same_person_name(a: str, b: str) -> bool:
    """'Diana Salazar' and 'Diana Salazar Méndez' name one person; 'Mayra Salazar' does not."""
    fa, fb = fold(a).split(), fold(b).split()
    return fa[:1] == fb[:1] and bool(set(fa[1:]) & set(fb[1:]))


def extract(document: Document, sentences: list[Sentence]) -> list[Claim]:
    """All claims of a document, in text order."""
    code = document.language or "en"
    lex = lexicon(code)
    text = document.text
    reference = PartialDate.parse(document.published)
    read = [s for s in sentences if s.role in CLAIM_ROLES]
    places = place_names(read, text, lex)
    known = {
        key: name
        for key, name in known_names(document, sentences, code).items()
        if fold(name) not in places
    }
    listed = list_line_people(read, text, lex, known)
    claims: list[Claim] = []
    topic: str | None = None
    age_topic: str | None = None  # the one person the previous sentence was about, if any
    for sentence in sentences:
        if sentence.role not in CLAIM_ROLES:
            continue
        people = [p for p in find_people(sentence, text, lex, known) if not_a_place(p, places)]
        if sentence.role == "heading" and title_case(sentence.text):
            # A list line "Name Surname (20)." is a name with its age, whatever its capitals.
            people = [p for p in people if p.evidence & {"given name", "known", "age"}]
        if sentence.index in listed and not any(
            p.start <= listed[sentence.index].start < p.end for p in people
        ):
            people = sorted([*people, listed[sentence.index]], key=lambda p: p.start)
        sentence_claims: list[Claim] = []
        for person in people:
            sentence_claims.extend(person_claims(person, sentence, text))
        for claim in sentence_claims:
            if claim.kind == "person" and " " not in claim.value and fold(claim.value) in known:
                claim.subject = known[fold(claim.value)]
        if people or not GATED:
            sentence_claims.extend(find_aliases(sentence, text, lex, people))
        numeric = may_hold_numbers(sentence.text, code) or not GATED
        ages = age_claims(sentence, text, code, people, age_topic, document.published, numeric)
        personal = (
            personal_claims(
                sentence,
                text,
                lex,
                people,
                nationalities=may_name_a_nationality(sentence.text, code) or not GATED,
            )
            if people or not GATED
            else []
        )
        personal += place_claims(sentence, text, lex, people)
        mentions = find_dates(sentence.text, code, reference)
        dates, date_spans = date_claims(
            sentence, text, lex, code, reference, people, topic, mentions
        )
        times = (
            time_claims(sentence, text, lex, mentions)
            if may_hold_times(sentence.text) or not GATED
            else []
        )
        blocked = date_spans + [(c.start, c.end) for c in ages] + [(p.start, p.end) for p in people]
        blocked += [tuple(c.extra["number_at"]) for c in personal if "number_at" in c.extra]
        numbers = (
            [
                n
                for n in find_numbers(text, code, sentence.start, sentence.end)
                if not any(s < n.end and n.start < e for s, e in blocked)
            ]
            if numeric
            else []
        )
        counts = count_claims(sentence, text, lex, numbers, tuple(date_spans))
        set_aside_earlier_events(counts, dates, reference)
        date_the_counts(counts, dates, text, lex)
        measures = quantity_claims(sentence, text, lex, numbers)
        # a percentage read as a measure of a thing's state ("60% contained") is no share
        shares = {c.start for c in measures if c.unit == "%"}
        counts = [c for c in counts if not (c.kind == "percent" and c.start in shares)]
        facts = ages + dates + times + counts + measures
        if facts or personal or not GATED:  # a hedge and a source are only ever of a fact
            hedge = hedge_of(sentence, lex)
            attribution = attribution_of(sentence, lex, people)
            name_the_counting_body(counts, attribution, lex, sentence.text)
            for claim in facts:
                claim.hedge = hedge
                claim.attribution = attribution
            for claim in personal:
                claim.hedge = hedge
                claim.attribution = attribution if attribution != claim.subject else None
        for claim in ages + dates + personal:
            if claim.subject and " " not in claim.subject and fold(claim.subject) in known:
                claim.subject = known[fold(claim.subject)]
        sentence_claims.extend(facts + personal)
        claims.extend(sentence_claims)
        subjects = [c.subject for c in ages if c.subject] or [
            known.get(fold(p.name), p.name) for p in people if not p.alias_of
        ]
        if subjects:
            topic = subjects[-1] if not ages else subjects[0]
        named = {known.get(fold(s), s) for s in subjects}
        age_topic = subjects[0] if len(named) == 1 else None
    increments_of_a_new_measure(claims)
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return claims
