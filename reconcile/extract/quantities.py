"""Measured quantities: a number with a unit of measure ("44 miles", "18,5 km de profundidad",
"magnitude 6.8", "15 years in prison") is a quantity, not a count of people or things.

Units, their dimensions and their sizes in each dimension's base unit come from the language's
`units.yaml`. A quantity claim keeps the number as written, its unit and dimension, its value in
the base unit (miles and kilometres both in metres) and a frame: what is measured, as far as the
words around it say (the depth of something, a prison term, the distance from a named place).
Durations and bare degrees are too often no measure of anything ("two years ago", "180
degrees") and make a claim only when framed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, accent_insensitive, fold
from ..models import Claim, Sentence
from ..numbers import Number

#: The same quantity in another unit, in brackets after it: "44 miles (71 kilometres)".
CONVERSION = r"(?:\s*\([^()]*\))?"

#: How far before a number a unit or frame wording may start ("at a depth of 10 km").
BEFORE_SLACK = 40


@dataclass(frozen=True)
class Unit:
    key: str  # "km", "mi", "year"
    dimension: str  # length, area, mass, speed, magnitude, degrees, duration
    base: float  # its size in the dimension's base unit
    end: int  # where its wording ends in the text


def built(lex: Lexicon, name, make):
    """What `make()` builds from a lexicon, built once per lexicon and `name`: the patterns
    of this module are made of whole word lists, which cost more to join and to look up in
    `re`'s cache than to match, and are the same for every sentence."""
    cache = lex.__dict__.setdefault("_quantity_built", {})
    found = cache.get(name)
    if found is None:
        found = cache[name] = make()
    return found


def compiled(lex: Lexicon, regex, flags: int = 0) -> re.Pattern:
    """`regex(lex)`, a pattern string made from the lexicon, compiled once per lexicon."""
    return built(lex, (regex, flags), lambda: re.compile(regex(lex), flags))


def unit_table(lex: Lexicon) -> tuple[dict[str, tuple[str, str, float]], re.Pattern | None]:
    """Folded unit wording -> (unit, dimension, base size), and one pattern of them all."""
    found = lex.__dict__.get("_unit_table")
    if found is None:
        table = {}
        for key, spec in (lex.get("units") or {}).items():
            for word in spec.get("words") or []:
                table[fold(str(word))] = (str(key), spec["dimension"], float(spec["base"]))
        words = sorted(table, key=len, reverse=True)
        pattern = (
            re.compile(
                r"[\s-]*(" + "|".join(accent_insensitive(w) for w in words) + r")"
                r"(?![\w²])",
                re.I,
            )
            if words
            else None
        )
        found = lex.__dict__["_unit_table"] = (table, pattern)
    return found


def unit_after(text: str, number: Number, limit: int, lex: Lexicon) -> Unit | None:
    """The unit written right after a number ("44 miles", "18.5-kilometre"), if any."""
    if number.unit is not None:  # money and percentages have their own kinds
        return None
    table, pattern = unit_table(lex)
    if pattern is None:
        return None
    found = pattern.match(text, number.end, limit)
    if found is None:
        return None
    key, dimension, base = table[" ".join(fold(found.group(1)).split())]
    return Unit(key, dimension, base, found.end())


def unit_before(text: str, floor: int, number: Number, lex: Lexicon) -> Unit | None:
    """A unit named before its number: 'magnitude 7.8', 'de magnitud 6,8'."""
    if number.unit is not None or number.words:
        return None
    before = fold(text[max(floor, number.start - BEFORE_SLACK) : number.start])
    table, _ = unit_table(lex)
    for key, pattern in built(lex, "units_before", lambda: ending_patterns(lex, "units_before")):
        if pattern.search(before):
            unit = next((u for u in table.values() if u[0] == key), None)
            if unit is not None:
                return Unit(unit[0], unit[1], unit[2], number.end)
    return None


def folded_alternation(words) -> str:
    """Words as a regex alternation of their escaped folded forms, in their order."""
    return "|".join(re.escape(fold(str(w))) for w in words)


def ending_patterns(lex: Lexicon, key: str) -> list[tuple[str, re.Pattern]]:
    """For each key of a keyed word list, a pattern of its words ending a folded text."""
    return [
        (name, re.compile(rf"(?<!\w)(?:{folded_alternation(words)})\s*$"))
        for name, words in (lex.get(key) or {}).items()
        if words
    ]


def opening_patterns(lex: Lexicon, key: str) -> list[tuple[str, re.Pattern]]:
    """For each key of a keyed word list, a pattern of its words opening a folded text."""
    return [
        (name, re.compile(rf"[\s,)]*(?:{folded_alternation(words)})(?!\w)"))
        for name, words in (lex.get(key) or {}).items()
        if words
    ]


def measured(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> Unit | None:
    """The unit of a measured number, after or before it; None for a count."""
    return unit_after(text, number, sentence.end, lex) or unit_before(
        text, sentence.start, number, lex
    )


#: A capitalised name: a place or a thing's proper name ("Port Velland", "Al Tarsk").
NAME = r"[A-ZÁÉÍÓÚÑÜ][\w'’-]+(?:\s+(?:(?:{of})\s+)?[A-ZÁÉÍÓÚÑÜ][\w'’-]+)*"
#: A lowercase word (an adjective or a noun before a name: "seaside resort Dornhaven").
LOWER = r"[a-záéíóúñü][\w'’-]*"


def words_of(lex: Lexicon, key: str) -> str:
    """A lexicon word list (or a mapping of keys to lists) as one accent-insensitive
    alternation, longest first; a pattern that never matches when the list is empty."""
    return built(lex, ("words", key), lambda: alternation_of(lex, key))


def alternation_of(lex: Lexicon, key: str) -> str:
    found = lex.get(key) or []
    if isinstance(found, dict):
        found = [w for words in found.values() for w in words]
    alternatives = sorted((accent_insensitive(str(w)) for w in found), key=len, reverse=True)
    return "|".join(alternatives) or "(?!x)x"


def key_of(lex: Lexicon, key: str, word: str) -> str:
    """The shared key of a word of a keyed lexicon list (`measured_nouns`: 'barranco' ->
    'ravine'), so that the same thing reads alike in every language."""
    folded = " ".join(fold(word).split())
    return built(lex, ("keys", key), lambda: keys_of(lex, key)).get(folded, folded)


def keys_of(lex: Lexicon, key: str) -> dict[str, str]:
    """Each folded word of a keyed lexicon list -> the first key that lists it."""
    keys: dict[str, str] = {}
    for name, words in (lex.get(key) or {}).items():
        for w in words:
            keys.setdefault(" ".join(fold(str(w)).split()), str(name))
    return keys


@dataclass(frozen=True)
class Frame:
    """What a quantity measures: `label` is its attribute's frame ('depth', 'distance of Velk
    from Dornhaven', 'trial'); `compared` says whether it is clear enough to be compared."""

    label: str = ""
    compared: bool = False
    details: tuple[tuple[str, str], ...] = ()


def frame_of(
    text: str, sentence: Sentence, number: Number, unit: Unit, lex: Lexicon, head: int | None = None
) -> Frame:
    """What a quantity measures: a depth (of a named thing: 'a 20-metre deep ravine'), a prison
    term, a distance of a named thing from a named place, or the length of a thing the lexicon
    knows to be measured ('a three-week trial', 'un juicio de tres semanas'). `head` is where
    the measured words start (a conversion in brackets takes the frame of the figure before)."""
    head = number.start if head is None else head
    after = fold(re.sub(CONVERSION, "", text[unit.end : sentence.end], count=1))
    before = fold(text[max(sentence.start, head - BEFORE_SLACK) : head])
    noun = measured_noun(text, sentence, head, number, unit, lex)
    dimensions = lex.get("measured_dimensions") or {}
    if noun and unit.dimension not in (dimensions.get(noun) or []):
        noun = ""  # "un sismo de 5,9 de magnitud": a quake's magnitude is no measure compared
    frames = built(lex, "quantity_frames", lambda: opening_patterns(lex, "quantity_frames"))
    for frame, pattern in frames:
        if pattern.match(after):
            if height_of_event(text, sentence, head, frame, unit, lex):
                return framed(lex.get("event_heights")[frame], "", lex)
            return framed(frame, noun or sentence_noun(text, sentence, head, unit, lex), lex)
    frames = built(
        lex, "quantity_frames_before", lambda: ending_patterns(lex, "quantity_frames_before")
    )
    dimensions_of = lex.get("frame_dimensions") or {}
    event_frames = set(lex.get("event_frames") or [])
    for frame, pattern in frames:
        if frame in dimensions_of and unit.dimension not in dimensions_of[frame]:
            continue  # "the price fell 20 percent", "temperatures fell 10 degrees": no drop
        if frame in event_frames and compiled(lex, level_regex).search(text[sentence.start : head]):
            continue  # "the river fell two metres": a level went down, nothing fell
        if pattern.search(before):
            return framed(frame, noun or sentence_noun(text, sentence, head, unit, lex), lex)
    if unit.dimension == "length":
        found = distance_frame(text, sentence, head, unit.end, lex)
        if found.label:
            return found
    if noun:
        return Frame(noun, True, (("measured", noun),))
    return Frame()


def height_of_event(
    text: str, sentence: Sentence, head: int, frame: str, unit: Unit, lex: Lexicon
) -> bool:
    """'cayó desde un viaducto de unos 15 metros de altura', 'plunged off a bridge 15 metres
    high': a height said in the clause of the story's fall (`event_heights`) is how far it
    fell, not a thing's measure."""
    event = (lex.get("event_heights") or {}).get(frame)
    if not event or unit.dimension not in ((lex.get("frame_dimensions") or {}).get(event) or []):
        return False
    clause = fold(re.split(r"[,;:()]", text[sentence.start : head])[-1])
    if compiled(lex, level_regex).search(clause):
        return False
    words = (lex.get("quantity_frames_before") or {}).get(event) or []
    return bool(re.search(rf"(?<!\w)(?:{folded_alternation(words)})(?!\w)", clause))


def level_regex(lex: Lexicon) -> str:
    """A `level_words` word ('river', 'nivel'): what falls is a level, not the story's vehicle."""
    return rf"(?<!\w)(?i:{words_of(lex, 'level_words')})(?!\w)"


def framed(frame: str, noun: str, lex: Lexicon) -> Frame:
    """A frame read from its words ('deep', 'at a depth of'): compared only when the lexicon
    says such a measure is of the story's one thing (`compared_frames`: a depth, not a prison
    term, which is each convict's own), and then of the thing the sentence names, if any (a
    quake's depth never meets a ravine's). A frame of the story's event itself (`event_frames`:
    how far the vehicle fell) takes no thing: the ravine it fell into is not what fell."""
    compared = frame in set(lex.get("compared_frames") or [])
    if noun and frame not in set(lex.get("event_frames") or []):
        return Frame(f"{frame} of {noun}", compared, (("measured", noun),))
    return Frame(frame, compared)


def noun_regex(lex: Lexicon) -> str:
    return rf"(?<!\w)(?:{words_of(lex, 'measured_nouns')})(?!\w)"


def hyphenated_noun_regex(lex: Lexicon) -> str:
    nouns = words_of(lex, "measured_nouns")
    return rf"\s+(?:(?:{words_of(lex, 'quantity_frames')})\s+)?({nouns})(?!\w)"


def noun_of_regex(lex: Lexicon) -> str:
    nouns, of = words_of(lex, "measured_nouns"), words_of(lex, "of_words")
    return rf"(?<!\w)({nouns})\s+(?:{of}|{words_of(lex, 'lasting_words')})\s+$"


def of_noun_regex(lex: Lexicon) -> str:
    return rf"\s+(?:{words_of(lex, 'of_words')})\s+({words_of(lex, 'measured_nouns')})(?!\w)"


def sentence_noun(text: str, sentence: Sentence, head: int, unit: Unit, lex: Lexicon) -> str:
    """The last thing of `measured_nouns` named before a figure in its sentence, when such a
    thing is measured in the figure's dimension ('the quake struck ... at a depth of 10 km')."""
    found = list(compiled(lex, noun_regex, re.I).finditer(text[sentence.start : head]))
    if not found:
        return ""
    noun = key_of(lex, "measured_nouns", found[-1].group(0))
    return (
        noun if unit.dimension in ((lex.get("measured_dimensions") or {}).get(noun) or []) else ""
    )


def measured_noun(
    text: str, sentence: Sentence, head: int, number: Number, unit: Unit, lex: Lexicon
) -> str:
    """The thing a measure is of, when the words say it and the lexicon knows it
    (`measured_nouns`): right after a hyphenated measure ('a three-week trial', 'a 40-metre
    deep ravine'), or right before 'of'/'de' and the figure ('un barranco de 25 metros')."""
    if "-" in text[number.end : unit.end]:
        found = compiled(lex, hyphenated_noun_regex, re.I).match(text[unit.end : sentence.end])
        if found:
            return key_of(lex, "measured_nouns", found.group(1))
    found = compiled(lex, noun_of_regex, re.I).search(text[sentence.start : head]) or compiled(
        lex, of_noun_regex, re.I
    ).match(text[unit.end : sentence.end])  # "four weeks of trial", "cuatro semanas de juicio"
    return key_of(lex, "measured_nouns", found.group(1)) if found else ""


def distance_frame(text: str, sentence: Sentence, head: int, start: int, lex: Lexicon) -> Frame:
    """'Velk, 30 kilometres southwest of Dornhaven', 'con epicentro a 200 km al sur de la
    capital': the distance of a thing (a named place, or a word of `located_nouns` such as the
    epicentre) from a named place (or the capital), with the direction when one is given. Only
    a distance whose two ends are named is compared."""
    direction_of = {
        " ".join(fold(w).split()): key
        for key, words in (lex.get("directions") or {}).items()
        for w in words
    }
    found = compiled(lex, distance_regex).match(text[start : sentence.end])
    if found is None:
        return Frame()
    anchor = (
        key_of(lex, "capital_words", found.group("capital"))
        if found.group("capital")
        else found.group("place")
    )
    direction = found.group("direction")
    details = [("anchor", anchor)]
    if direction:
        details.append(
            ("direction", direction_of.get(" ".join(fold(direction).split()), fold(direction)))
        )
    subject = distance_subject(text, sentence, head, lex)
    if not subject:
        return Frame(f"distance from {anchor}", False, tuple(details))
    return Frame(f"distance of {subject} from {anchor}", True, (("measured", subject), *details))


def distance_regex(lex: Lexicon) -> str:
    of = words_of(lex, "of_words")
    articles = words_of(lex, "articles")
    name = NAME.format(of=of)
    return (
        rf"{CONVERSION}[\s)]*(?i:(?P<direction>{words_of(lex, 'directions')})\s+)?"
        rf"(?i:{words_of(lex, 'distance_prepositions')})\s+(?i:(?:{articles})\s+)?"
        rf"(?:(?:[A-ZÁÉÍÓÚÑ][\w'’]+\s+)?(?P<capital>(?i:{words_of(lex, 'capital_words')}))(?!\w)"
        rf"|(?:(?:{LOWER})\s+){{0,2}}?(?:(?i:{of})\s+)?(?:(?i:{articles})\s+)?(?P<place>{name}))"
    )


def distance_subject(text: str, sentence: Sentence, head: int, lex: Lexicon) -> str:
    """The thing whose distance a figure gives, written right before it: a name ('Velmar
    (200 km ...', 'Tarsk, a town located 90 km ...') or a `located_nouns` word ('an
    epicentre 60 km ...', 'tuvo su epicentro a 60 km'); '' when anything else stands between."""
    articles = words_of(lex, "articles")
    gap = (
        rf"(?:\s*[,(]\s*|\s+)"
        rf"(?:(?i:{articles})\s+(?:{LOWER}\s+)?(?i:{words_of(lex, 'locality_nouns')})\s+)?"
        rf"(?:(?i:{words_of(lex, 'location_words')})\s+)?"
        rf"(?:(?i:{words_of(lex, 'distance_links')})\s+)?$"
    )
    before = text[sentence.start : head]
    # where it happened may stand between the verb and the figure, with no comma or clause break:
    # "crashed in a wooded valley 40 km from ...", "cayó entre dos aldeas a 45 km de ..."
    # (a comma after it sets off the place the distance is of: "crashed near Tarsk, 30 km from")
    where = (
        rf"\s+(?i:{words_of(lex, 'located_where')})\s+[^,;:.()\[\]«»“”\"]{{1,60}}?\s+"
        rf"(?:(?i:{words_of(lex, 'distance_links')})\s+)?$"
    )
    located = rf"(?<!\w)(?i:({words_of(lex, 'located_nouns')}))"
    found = re.search(located + gap, before) or re.search(located + where, before)
    if found:
        return key_of(lex, "located_nouns", found.group(1))
    found = re.search(rf"(?<![\w'’-])({NAME.format(of=words_of(lex, 'of_words'))}){gap}", before)
    if found is None:
        return ""
    name = found.group(1)
    if any(fold(w) in lex.weekdays or fold(w) in lex.months for w in name.split()):
        return ""  # "On Friday, 60 km from ...": a day, not a place
    # a sentence's first word is capitalised whatever it is: alone, it is a name only when an
    # apposition says what it is ("Tarsk, a town located ...")
    if (
        found.start(1) == 0
        and " " not in name
        and not re.search(rf"(?i:{words_of(lex, 'locality_nouns')})", before[found.end(1) :])
    ):
        return ""
    return name


def quantity_claims(
    sentence: Sentence, text: str, lex: Lexicon, numbers: list[Number]
) -> list[Claim]:
    """One claim per measured number in the sentence (see the module's docstring). A figure in
    brackets right after another of the same dimension ("44 miles (71 kilometres)") is that
    figure converted: it takes its frame and is never compared on its own."""
    framed_only = lex.get_set("framed_only_dimensions")
    claims: list[Claim] = []
    previous: tuple[Number, Unit, Frame] | None = None
    previous_claim: Claim | None = None  # the claim of `previous`, told its own conversion
    for number in numbers:
        if number.low is None:
            continue
        if number.unit == "%":
            share = share_claim(sentence, text, lex, number)
            if share is not None:
                claims.append(share)
            continue
        unit = measured(text, sentence, number, lex)
        if unit is None:
            continue
        converts = (
            previous is not None
            and previous[1].dimension == unit.dimension
            and re.fullmatch(r"\s*\(\s*", text[previous[1].end : number.start]) is not None
        )
        if converts:
            frame = previous[2]
        else:
            frame = frame_of(text, sentence, number, unit, lex)
            previous, previous_claim = (number, unit, frame), None
        if not frame.label and unit.dimension in framed_only:
            continue
        end = max(unit.end, number.end)
        extra = {
            "dimension": unit.dimension,
            "frame": frame.label,
            "base_low": round(number.low * unit.base, 6),
            "base_high": round(number.high * unit.base, 6),
            "comparable": frame.compared and not converts,
            **dict(frame.details),
        }
        if converts:
            extra["conversion_of"] = previous[0].text
            if previous_claim is not None and previous_claim.unit != unit.key:
                # the figure's own conversion, which a report in that unit shows
                previous_claim.extra["converted"] = [unit.key, number.low, number.high]
        claims.append(
            Claim(
                kind="quantity",
                start=number.start,
                end=end,
                quote=text[number.start : end],
                value=number.text,
                attribute=f"{unit.dimension}: {frame.label}" if frame.label else unit.dimension,
                low=number.low,
                high=number.high,
                unit=unit.key,
                qualifier=number.qualifier,
                sentence=sentence.index,
                extra=extra,
            )
        )
        if not converts:
            previous_claim = claims[-1]
    return claims


def share_claim(sentence: Sentence, text: str, lex: Lexicon, number: Number) -> Claim | None:
    """A percentage that says how far a thing has got ('80 percent contained', 'controlado en
    un 60%': `share_frames`, `share_frames_before`) is a measure of that thing's state, not a
    share of a total: the thing is the name last written before it in the sentence ('the
    Tarsk fire was 60 percent contained'), and without one the figure is not compared."""
    after = text[number.end : sentence.end]
    before = text[sentence.start : number.start]
    frame = next(
        (
            key
            for key, words in (lex.get("share_frames") or {}).items()
            if re.match(rf"\s+(?i:{'|'.join(accent_insensitive(w) for w in words)})(?!\w)", after)
        ),
        None,
    ) or next(
        (
            key
            for key, words in (lex.get("share_frames_before") or {}).items()
            if re.search(
                rf"(?<!\w)(?i:{'|'.join(accent_insensitive(w) for w in words)})\s+$", before
            )
        ),
        None,
    )
    area, qualifier = None, number.qualifier
    if frame is None:
        area, filler = area_frame(before, after, lex)
        if area is None:
            return None
        frame = area
        if filler and qualifier == "exact":  # "alrededor del 25%": the figure's own qualifier
            qualifier = key_of(lex, "area_share_fillers", filler)
    subject = "" if area else named_before(before, lex)
    label = f"{frame} of {subject}" if subject else frame
    details = {"measured": subject} if subject else {}
    return Claim(
        kind="quantity",
        start=number.start,
        end=number.end,
        quote=number.text,
        value=number.text,
        attribute=f"share: {label}",
        low=number.low,
        high=number.high,
        unit="%",
        qualifier=qualifier,
        sentence=sentence.index,
        extra={
            "dimension": "share",
            "frame": label,
            "base_low": number.low,
            "base_high": number.high,
            "comparable": bool(subject or area),
            **details,
        },
    )


def area_frame(before: str, after: str, lex: Lexicon) -> tuple[str | None, str]:
    """A percentage of an area said to have been gone through ('some 40% of the burned zone
    has been combed', 'se ha peinado el 25% del área'): how far the story's search has got
    (`area_share_frames`, `area_share_frames_before`). It is of the story's one search, so it
    is compared with no name: the area is named many ways ('the burn zone', 'the town').
    Returns the frame and the words between the verb and the figure ('alrededor del'), whose
    key in `area_share_fillers` is the figure's qualifier."""
    if not compiled(lex, area_link_regex).match(after):
        return None, ""  # "searched 40% of the homes", "25% more": no share of an area
    clause = re.split(r"[.;:!?]", after, maxsplit=1)[0]
    for key, pattern in built(lex, "area_share_frames", lambda: area_share_patterns(lex)):
        if pattern.search(clause[:120]):
            return key, ""
    for key, pattern in built(lex, "area_share_frames_before", lambda: area_fillers_ending(lex)):
        found = pattern.search(before)
        if found:
            return key, found.group(1) or ""
    return None, ""


def area_link_regex(lex: Lexicon) -> str:
    """An `area_share_links` word and an area, by a word of `area_nouns` or by its name."""
    area = rf"(?:(?:{LOWER})\s+){{0,2}}?(?i:{words_of(lex, 'area_nouns')})(?!\w)"
    name = NAME.format(of=words_of(lex, "of_words"))
    return rf"\s+(?i:{words_of(lex, 'area_share_links')})\s+(?:{area}|{name})"


def area_share_patterns(
    lex: Lexicon, key: str = "area_share_frames", ending: str = r"(?!\w)"
) -> list[tuple[str, re.Pattern]]:
    """For each key of a keyed word list, a pattern of its words, accents optional, then
    `ending`."""
    return [
        (name, re.compile(rf"(?<!\w)(?i:{'|'.join(accent_insensitive(w) for w in words)}){ending}"))
        for name, words in (lex.get(key) or {}).items()
    ]


def area_fillers_ending(lex: Lexicon) -> list[tuple[str, re.Pattern]]:
    """`area_share_frames_before` words ending the text, an `area_share_fillers` wording
    between them and the figure or none (kept in the first group)."""
    fillers = rf"\s+(?:((?i:{words_of(lex, 'area_share_fillers')}))\s+)?$"
    return area_share_patterns(lex, "area_share_frames_before", fillers)


def named_before(before: str, lex: Lexicon) -> str:
    """The last capitalised name in `before` (its article dropped), if it is no day or month and
    not a sentence's lone first word."""
    articles = words_of(lex, "articles")
    found = list(re.finditer(rf"(?<![\w'’-]){NAME.format(of=words_of(lex, 'of_words'))}", before))
    if not found:
        return ""
    last = found[-1]
    name = re.sub(rf"^(?i:{articles})\s+", "", last.group(0))
    if name == last.group(0) and last.start() == 0 and " " not in name:
        return ""  # a sentence's first word is capitalised whatever it is
    if not name or any(fold(w) in lex.weekdays or fold(w) in lex.months for w in name.split()):
        return ""
    return name
