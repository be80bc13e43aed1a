"""Places that belong to an event: where a trip started and where it was going ("a flight from
Tolsa to Marena", "el autobús que salió de Velmora con destino a Tarsis"), where an
earthquake's epicentre lay ("con epicentro en la localidad de Orla"), where a named person is
from ("Ana Ruiz, originaria de Tolsa") and where a named person is held ("Juan Pérez ha
estado recluido en la cárcel de Velmora").

Each claim says its slot (`extra.slot`: origin, destination, epicentre, home, held) and whose
it is: the story's trip by the kind of its vehicle (`extra.trip`: aircraft, bus, ...; a
sentence that names vehicles of two kinds, or none, gives no trip place), the story's
earthquake, or the person the phrase is attached to (the grammar of `personal.owner_before`).
A place is a capitalised name in a slot of one of the lexicon's patterns (`places.yaml`);
anything less clear is left out. A place the sentence says lies in another ("Orla, provincia
de Brenn") keeps that larger place in `extra.within`, so that a town and its province are
never taken for two places.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import ACCENTED, Lexicon, accent_insensitive, fold, invert, lexicon, phrase_pattern
from ..models import Claim, Sentence
from .frames import country_names
from .people import UPPER, Person
from .personal import owner_before

SLOTS = ("origin", "destination", "epicentre", "venue", "home", "held")
NAMED_AFTER_A_NOUN = ("venue",)
PATTERN_KEYS = {
    "place_trip_patterns": "trip",
    "place_epicentre_patterns": "epicentre",
    "place_venue_patterns": "venue",
    "place_home_patterns": "home",
    "place_home_before_name_patterns": "home before",
    "place_held_patterns": "held",
}


def words(lex: Lexicon, key: str) -> str:
    """A word list as a regex alternation, longest first, spaces as any white space."""
    found = sorted({fold(str(w)) for w in lex.get(key) or []}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in found) or r"(?!x)x"


@cache
def name_regex(code: str) -> str:
    """A capitalised run of words, with the language's particles inside ("Santiago de
    Orla", "State of Brenn"). Case-sensitive, whatever the pattern around it."""
    lex = lexicon(code)
    word = rf"[{UPPER}][\w'’]*(?:-[\w'’]+)*"
    particles = "|".join(
        re.escape(p) for p in sorted(lex.get("place_particles") or [], key=lambda p: -len(p))
    )
    joint = rf"\s+(?:(?:{particles})\s+)?" if particles else r"\s+"
    return rf"(?-i:{word}(?:{joint}{word})*)"


@cache
def slot_regex(code: str, slot: str) -> str:
    """A place in a slot: an optional article and lead noun ("the town of", "el improvisado
    aeropuerto de"), then the name, captured as `slot` (and the lead noun as `slot_lead`). A
    venue is named after its own noun ("the Casa Lumen nightclub"): an article and a name."""
    lex = lexicon(code)
    articles = words(lex, "place_articles")
    if slot in NAMED_AFTER_A_NOUN:
        return rf"(?:(?:{articles})\s+)?(?!(?:{articles})\s)(?P<{slot}>{name_regex(code)})"
    lead = rf"(?-i:(?:[a-záéíóúñ]+\s+){{0,2}}?(?P<{slot}_lead>{words(lex, 'place_lead_nouns')}))"
    links = words(lex, "place_lead_links")
    return (
        rf"(?:(?:{articles})\s+)?(?:{lead}\s+(?:{links})\s+(?:(?:{articles})\s+)?)?"
        rf"(?!(?:{articles})\s)(?P<{slot}>{name_regex(code)})"
    )


@cache
def vehicles(code: str) -> tuple[dict[str, str], re.Pattern]:
    lex = lexicon(code)
    kinds = invert(lex.get("place_trip_vehicles"))
    return kinds, phrase_pattern(kinds)


@cache
def patterns(code: str) -> list[tuple[str, re.Pattern]]:
    """The language's place patterns, each with what it is about (trip, epicentre, home, held)."""
    lex = lexicon(code)
    _, vehicle = vehicles(code)
    fill = {
        "{vehicle}": rf"(?:(?:{words(lex, 'place_articles')})\s+)?(?:{vehicle.pattern})",
        "{gap}": rf"(?:(?!(?:{words(lex, 'place_gap_stops')})\s)(?-i:[a-záéíóúñü\d:’'-]+)\s+){{0,4}}?",
        "{aside}": r"(?:\s*,[^,;()]{1,50},|\s*\([^()]{1,50}\))?",
    }
    for slot in SLOTS:
        fill["{" + slot + "}"] = slot_regex(code, slot)
    found = []
    for key, about in PATTERN_KEYS.items():
        for pattern in lex.get(key) or []:
            for slot, regex in fill.items():
                pattern = pattern.replace(slot, regex)
            found.append((about, re.compile(rf"(?<![\w'’-])(?:{pattern})", re.I)))
    return found


@cache
def slot_cues(code: str) -> dict[str, re.Pattern]:
    """For a slot of the event, the words one of which its sentence must hold
    (`place_slot_cues`): a quick search before the slot's patterns are tried."""
    cues = lexicon(code).get("place_slot_cues") or {}
    return {
        about: re.compile(
            rf"(?<![\w'’-])(?:{'|'.join(accent_insensitive(str(w)) for w in words)})", re.I
        )
        for about, words in cues.items()
    }


OWNED = ("home", "home before", "held")  # the place of a person of the sentence


@cache
def every_pattern_gated(code: str) -> bool:
    """Does each place pattern need a single trip, a person or its slot's cue in the sentence?"""
    cues = slot_cues(code)
    return all(about == "trip" or about in OWNED or about in cues for about, _ in patterns(code))


@cache
def any_slot_cue(code: str) -> re.Pattern:
    """Where any slot's cue starts: one search that tells most sentences no cue is there, in
    place of one search per slot (a cue's own pattern matches only where this one does)."""
    cues = lexicon(code).get("place_slot_cues") or {}
    words = [fold(str(w)).split() for about in cues.values() for w in about]
    words = [w for w in words if w]
    if not words:
        return re.compile(r"(?!x)x")
    # the class of the cues' first letters, as `accent_insensitive` writes them, rules out
    # most word starts with one test
    firsts = "".join(ACCENTED.get(c, re.escape(c)) for c in sorted({w[0][0] for w in words}))
    alternatives = "|".join(accent_insensitive(" ".join(w)) for w in words)
    return re.compile(rf"(?<![\w'’-])(?=[{firsts}])(?:{alternatives})", re.I)


@cache
def within_patterns(code: str) -> list[re.Pattern]:
    within = f"(?P<within>{name_regex(code)})"
    return [
        re.compile(p.replace("{within}", within), re.I)
        for p in lexicon(code).get("place_within") or []
    ]


@cache
def held_gap(code: str) -> re.Pattern | None:
    gap = lexicon(code).get("place_held_gap")
    return re.compile(gap, re.I) if gap else None


def institutions(lex: Lexicon) -> frozenset[str]:
    """Words that make a name an institution's, not a home town's ("Velmora University")."""
    return lex.get_set("not_person_words") | lex.get_set("organisation_nouns")


def larger_place(text: str, end: int, limit: int, code: str) -> str | None:
    """The place a sentence says the place ending at `end` lies in, if it says so."""
    for pattern in within_patterns(code):
        found = pattern.match(text, end, limit)
        if found:
            return found.group("within")
    return None


def holder(people: list[Person], text: str, start: int, code: str, floor: int) -> Person | None:
    """The person right before a phrase of custody, with only auxiliaries between."""
    gap = held_gap(code)
    for person in reversed(people):
        if person.end > start or person.end < floor:
            continue
        return person if gap is not None and gap.fullmatch(text, person.end, start) else None
    return None


def place_claims(sentence: Sentence, text: str, lex: Lexicon, people: list[Person]) -> list[Claim]:
    """The places of one sentence that belong to its story's trip, its earthquake or one of its
    named people."""
    code = lex.code
    kinds, vehicle = vehicles(code)
    trips = {kinds.get(" ".join(fold(m.group(0)).split())) for m in vehicle.finditer(sentence.text)}
    trips.discard(None)
    countries = country_names(lex)
    cues = slot_cues(code)
    cued = (
        {about for about, cue in cues.items() if cue.search(sentence.text)}
        if any_slot_cue(code).search(sentence.text)
        else set()
    )
    if len(trips) != 1 and not people and not cued and every_pattern_gated(code):
        return []  # no pattern can be run: the loop below would skip each
    claims: list[Claim] = []
    taken: set[tuple[str, int]] = set()
    for about, pattern in patterns(code):
        if (about == "trip" and len(trips) != 1) or (about in OWNED and not people):
            continue  # whose trip, or whose place, cannot be told
        if about in cues and about not in cued:
            continue
        for match in pattern.finditer(text, sentence.start, sentence.end):
            owner = None
            if about == "home":
                owner = owner_before(people, text, match.start(), code, sentence.start)
            elif about == "home before":  # "the Larkfield native Dario Fennimore"
                owner = next((p for p in people if p.start == match.end()), None)
            elif about == "held":
                owner = holder(people, text, match.start(), code, sentence.start)
            if about in OWNED and owner is None:
                continue
            for slot, name in match.groupdict().items():
                if slot not in SLOTS or not name or (slot, match.start(slot)) in taken:
                    continue
                value, start = name, match.start(slot)
                if about.startswith("home") and set(fold(name).split()) & institutions(lex):
                    continue  # "Ana Ruiz, of Velmora University,": where she works
                lead = match.groupdict().get(f"{slot}_lead")
                if fold(name) in countries:
                    if not lead:
                        continue  # a country is the story's setting, not a slot's place
                    value, start = (
                        text[match.start(f"{slot}_lead") : match.end(slot)],
                        match.start(f"{slot}_lead"),
                    )
                taken.add((slot, match.start(slot)))
                extra: dict = {"slot": slot}
                if about == "trip":
                    extra["trip"] = next(iter(trips))
                within = larger_place(text, match.end(slot), sentence.end, code)
                if within and fold(within) != fold(name):
                    extra["within"] = within
                attribute = f"{slot} ({extra['trip']})" if about == "trip" else slot
                quote_start = min(match.start(), owner.start) if owner else match.start()
                quote_end = max(match.end(), owner.end) if owner else match.end()
                claims.append(
                    Claim(
                        kind="place",
                        start=quote_start,
                        end=quote_end,
                        quote=text[quote_start:quote_end],
                        value=value,
                        attribute=attribute,
                        subject=(owner.alias_of or owner.name) if owner else "",
                        sentence=sentence.index,
                        extra={**extra, "at": [start, match.end(slot)]},
                    )
                )
    return claims
