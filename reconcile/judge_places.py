"""The comparison of places that belong to an event (claims of kind `place`: see
`extract/places.py`): a trip's origin or destination, an earthquake's epicentre, where a
person is from, where a person is held.

Two claims meet only when they fill the same slot for the same subject (the story's trip by
the kind of its vehicle, the story's earthquake, one resolved person). Two places are one
place when they are written alike once accents, capitals, hyphens and an exonym are set aside
(`place_exonyms`: "Mexico City" and "Ciudad de México"), when one name holds the other's words
("Brena", "Santiago de Brena"), or when one is the other misspelt ("Tolsabar",
"Tolosabar"). A place the story says lies in another ("Orla, provincia de Brenn") is compatible
with it: the larger place's claim says less, and is set aside where the smaller one is given.
A document giving two places for one slot is set aside too (one of its readings is of another
trip). Different places are a contradiction; one place spelt two ways a low note.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from .judge import conflict_id, document_of, make_value
from .lexicon import available_languages, fold, lexicon
from .models import Conflict
from .resolve import misspelt

#: Slots a story may fill with several places: their names are compared only for spelling.
SPELLING_ONLY = ("venue",)
#: The slots that end a leg of a trip: where a waypoint shows as one and as the other.
LEG_ENDS = ("origin", "destination")


@cache
def exonyms() -> dict[str, str]:
    """Folded names of a place under another name, each mapped to one key for the place."""
    found: dict[str, str] = {}
    for code in available_languages():
        for group in lexicon(code).get("place_exonyms") or []:
            names = [letters(str(n)) for n in group]
            key = next((found[n] for n in names if n in found), names[0])
            for name in names:
                found[name] = key
    return found


@cache
def facility_words() -> frozenset[str]:
    """Words that make a place a facility within a town (an airport, a station): a facility
    and a town are different kinds of place, neither contradicts the other."""
    return frozenset(
        fold(str(w))
        for code in available_languages()
        for w in lexicon(code).get("place_facility_words") or []
    )


def facility(group: list[dict]) -> bool:
    return any(words_of(place_key(c["value"])) & facility_words() for c in group)


@cache
def particles() -> frozenset[str]:
    return frozenset(
        fold(str(p))
        for code in available_languages()
        for p in lexicon(code).get("place_particles") or []
    )


def letters(name: str) -> str:
    """A place name's letters: folded, hyphens as spaces, a possessive ending ("Tarsk's
    airport") and other marks dropped."""
    name = re.sub(r"['’]s\b", "", fold(name).replace("-", " "))
    return " ".join(re.sub(r"[^\w\s]", "", name).split())


def place_key(name: str) -> str:
    found = letters(name)
    return exonyms().get(found, found)


def words_of(key: str) -> frozenset[str]:
    return frozenset(w for w in key.split() if w not in particles())


def same_place(a: str, b: str) -> bool:
    """Are two place keys one place (written alike, one holding the other's words, or one
    misspelt)?"""
    if a == b:
        return True
    wa, wb = words_of(a), words_of(b)
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    return misspelt(a.replace(" ", ""), b.replace(" ", ""))


def inside(pairs: set[tuple[str, str]], small: str, large: str) -> bool:
    """Does the story say the place `small` lies in `large` (directly or through another)?"""
    seen, todo = set(), [small]
    while todo:
        here = todo.pop()
        for a, b in pairs:
            if same_place(a, here) and b not in seen:
                if same_place(b, large):
                    return True
                seen.add(b)
                todo.append(b)
    return False


def within_pairs(claims: list[dict]) -> set[tuple[str, str]]:
    """(place, larger place) for every place the story's sentences place in another."""
    return {
        (place_key(c["value"]), place_key(c["extra"]["within"]))
        for c in claims
        if c["kind"] == "place" and (c.get("extra") or {}).get("within")
    }


def waypoints(claims: list[dict]) -> set[tuple[str, str]]:
    """The places a trip passes through, as the story tells it: a place one source gives as the
    start of a whole leg ("took off from Y for Z") and another as where the trip was going
    ("flew from X to Y"), with Z not X (X to Y and Y to X is a reversed route, a contradiction
    left to judge). Each (trip, place key); a waypoint is no origin or destination to compare."""
    ends: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        extra = claim.get("extra") or {}
        if claim["kind"] == "place" and extra.get("trip") and extra.get("slot") in LEG_ENDS:
            ends[(extra["trip"], document_of(claim))][extra["slot"]].append(
                place_key(claim["value"])
            )
    found = set()
    for (trip, _), leg in ends.items():
        for start in leg["origin"]:
            onward = [z for z in leg["destination"] if not same_place(z, start)]
            if not onward:
                continue  # no whole leg: nothing says the trip went on from here
            for (other_trip, _), arrival in ends.items():
                if other_trip != trip or not any(
                    same_place(start, y) for y in arrival["destination"]
                ):
                    continue
                came_from = arrival["origin"] or [""]
                if any(not x or not same_place(z, x) for z in onward for x in came_from):
                    found.add((trip, start))
    return found


def clusters(claims: list[dict]) -> list[list[dict]]:
    """The claims grouped by place: each group one place however written."""
    groups: list[list[dict]] = []
    for claim in claims:
        key = place_key(claim["value"])
        joined = [g for g in groups if any(same_place(key, place_key(c["value"])) for c in g)]
        merged = [claim] + [c for g in joined for c in g]
        groups = [g for g in groups if not any(g is j for j in joined)] + [merged]
    return groups


def comparable_places(
    claims: list[dict], pairs: set[tuple[str, str]], legs: set[tuple[str, str]] = frozenset()
) -> list[dict]:
    """The claims of a block that are judged: not a larger place that holds another claim's
    place, not a trip's waypoint (`waypoints`: an origin that is also where an earlier leg
    went is no contradiction of the journey's start), and not of a document that gives two
    places."""
    keys = {id(c): place_key(c["value"]) for c in claims}
    kept = [
        c
        for c in claims
        if not any(
            not same_place(keys[id(o)], keys[id(c)]) and inside(pairs, keys[id(o)], keys[id(c)])
            for o in claims
        )
        and ((c.get("extra") or {}).get("trip"), keys[id(c)]) not in legs
    ]
    places_of: dict[str, list[list[dict]]] = defaultdict(list)
    for group in clusters(kept):
        for document in {document_of(c) for c in group}:
            places_of[document].append(group)
    return [c for c in kept if len(places_of[document_of(c)]) == 1]


def shown(group: list[dict]) -> str:
    """A place as its sources write it: each spelling once, the most common first."""
    counts: dict[str, list[str]] = defaultdict(list)
    for claim in group:
        counts[letters(claim["value"])].append(claim["value"])
    ranked = sorted(counts.values(), key=lambda forms: (-len(forms), forms[0]))
    return " / ".join(forms[0] for forms in ranked)


def judge_places(
    story: str,
    subject: str,
    attribute: str,
    claims: list[dict],
    pairs: set[tuple[str, str]],
    legs: set[tuple[str, str]] = frozenset(),
) -> Conflict | None:
    """One slot of one subject: two places that are not one place (nor one inside the other)
    are a contradiction, high (medium when every clashing pair has a hedged side); one place
    spelt two ways (a letter, not only an accent) a low note."""
    claims = comparable_places(claims, pairs, legs)
    if len({document_of(c) for c in claims}) < 2:
        return None
    groups = sorted(clusters(claims), key=lambda g: (-len(g), shown(g)))
    what = attribute if not subject else f"{attribute} of {subject}"
    if len(groups) > 1:
        if not any(
            facility(a) == facility(b) for i, a in enumerate(groups) for b in groups[i + 1 :]
        ):
            return None  # "Tarsk" and "Bessel International Airport": a town and a facility
        hedged = all(
            a.get("hedge") or b.get("hedge")
            for i, ga in enumerate(groups)
            for gb in groups[i + 1 :]
            for a in ga
            for b in gb
            if document_of(a) != document_of(b)
        )
        values = [make_value(shown(g), g) for g in groups]
        return Conflict(
            conflict_id(story, "place", subject, attribute),
            story,
            "place",
            subject or story,  # an event's place is the story's, as a count is
            attribute,
            "medium" if hedged else "high",
            "contradiction",
            "place-differs",
            f"Sources give different places for the {what}: "
            + " vs ".join(v.value for v in values)
            + ".",
            values,
        )
    return spelling_note(story, subject, attribute, groups[0])


def misspellings(group: list[dict]) -> dict[str, list[dict]]:
    """The spellings of one place that are one another misspelt (a letter, not an accent, an
    exonym or a longer form) by sources of one language, each with its claims; empty when
    there are none. "Katmandú" in Spanish beside "Kathmandu" in English is each language's
    own spelling."""
    spellings: dict[str, list[dict]] = defaultdict(list)
    for claim in group:
        key = place_key(claim["value"])
        if key == letters(claim["value"]) and len(words_of(key)) == len(key.split()):
            spellings[key].append(claim)  # written in full, and not under an exonym
    misspelt_pairs = [
        (a, b)
        for a in spellings
        for b in spellings
        if a < b
        and misspelt(a.replace(" ", ""), b.replace(" ", ""))
        and {document_of(c) for c in spellings[a]} != {document_of(c) for c in spellings[b]}
        and languages(spellings[a]) & languages(spellings[b])
    ]
    involved = {key for pair in misspelt_pairs for key in pair}  # not a shorter form beside
    return {key: members for key, members in spellings.items() if key in involved}


def languages(claims: list[dict]) -> set[str]:
    return {c.get("language") or "" for c in claims}


def spelling_note(story: str, subject: str, attribute: str, group: list[dict]) -> Conflict | None:
    """One place spelt two ways by its sources (`misspellings`): a low note."""
    what = attribute if not subject else f"{attribute} of {subject}"
    spellings = misspellings(group)
    if not spellings:
        return None
    values = [
        make_value(members[0]["value"], members)
        for key, members in sorted(spellings.items(), key=lambda i: (-len(i[1]), i[0]))
    ]
    return Conflict(
        conflict_id(story, "place", subject, attribute),
        story,
        "place",
        subject or story,  # an event's place is the story's, as a count is
        attribute,
        "low",
        "contradiction",
        "place-spelling",
        f"Sources spell the place of the {what} differently: "
        + " vs ".join(v.value for v in values)
        + ".",
        values,
    )


def judge_venues(story: str, attribute: str, claims: list[dict]) -> Conflict | None:
    """Venues of a story ("the Casa Lumen nightclub"): a story may name several, so two names
    are no contradiction; one name spelt two ways is a low note."""
    for group in sorted(clusters(claims), key=lambda g: -len(g)):
        found = spelling_note(story, "", attribute, group)
        if found:
            return found
    return None


def place_conflicts(
    story: str,
    claims: list[dict],
    entity_of: dict[tuple[str, str], str],
    entity_names: dict[str, str],
) -> list[Conflict]:
    """The conflicts of a story's places, block by block (slot and subject)."""
    places = [c for c in claims if c["kind"] == "place"]
    pairs = within_pairs(places)
    legs = waypoints(places)
    blocks: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for claim in places:
        entity = ""
        if claim["subject"]:
            entity = entity_of.get((claim["document_id"], claim["subject_key"])) or ""
            if not entity:
                continue  # a person the story could not resolve: whose place is unclear
        blocks[(entity, claim["attribute"])].append(claim)
    found = []
    for (entity, attribute), members in sorted(blocks.items()):
        if len({m["document_id"] for m in members}) < 2:
            continue
        if attribute in SPELLING_ONLY:
            conflict = judge_venues(story, attribute, members)
        else:
            subject = entity_names.get(entity, "")
            conflict = judge_places(story, subject, attribute, members, pairs, legs)
        if conflict:
            found.append(conflict)
    return found
