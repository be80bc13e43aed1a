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
    for key, words in (lex.get("units_before") or {}).items():
        for word in words:
            if re.search(rf"(?<!\w){re.escape(fold(word))}\s*$", before):
                unit = next((u for u in table.values() if u[0] == key), None)
                if unit is not None:
                    return Unit(unit[0], unit[1], unit[2], number.end)
    return None


def measured(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> Unit | None:
    """The unit of a measured number, after or before it; None for a count."""
    return unit_after(text, number, sentence.end, lex) or unit_before(
        text, sentence.start, number, lex
    )


def frame_of(text: str, sentence: Sentence, number: Number, unit: Unit, lex: Lexicon) -> str:
    """What a quantity measures: 'depth', 'prison term', 'distance from <Place>' or ''."""
    after = fold(re.sub(CONVERSION, "", text[unit.end : sentence.end], count=1))
    before = fold(text[max(sentence.start, number.start - BEFORE_SLACK) : number.start])
    for frame, words in (lex.get("quantity_frames") or {}).items():
        if any(re.match(rf"[\s,)]*{re.escape(fold(w))}(?!\w)", after) for w in words):
            return frame
    for frame, words in (lex.get("quantity_frames_before") or {}).items():
        if any(re.search(rf"(?<!\w){re.escape(fold(w))}\s*$", before) for w in words):
            return frame
    if unit.dimension == "length":
        return distance_frame(text, unit.end, sentence.end, lex)
    return ""


def distance_frame(text: str, start: int, limit: int, lex: Lexicon) -> str:
    """'71 kilometres southwest of Marrakesh', '200 km al sur de Buenos Aires': the distance
    from a named place (capitalised words), with the direction when one is given."""
    direction_of = {
        " ".join(fold(w).split()): key
        for key, words in (lex.get("directions") or {}).items()
        for w in words
    }
    directions = "|".join(
        sorted((accent_insensitive(w) for w in direction_of), key=len, reverse=True)
    )
    prepositions = "|".join(re.escape(fold(w)) for w in lex.get("distance_prepositions") or [])
    if not prepositions:
        return ""
    found = re.match(
        rf"{CONVERSION}[\s)]*(?i:(?P<direction>{directions or '(?!x)x'})\s+)?"
        rf"(?i:{prepositions})\s+(?i:(?:the|la|el|los|las)\s+)?"
        r"(?P<place>[A-ZÁÉÍÓÚÑ][\w'’-]+(?:\s+(?:de\s+)?[A-ZÁÉÍÓÚÑ][\w'’-]+)*)",
        text[start:limit],
    )
    if found is None:
        return ""
    place = found.group("place")
    direction = found.group("direction")
    if direction:
        direction = direction_of.get(" ".join(fold(direction).split()), fold(direction))
    return f"distance from {place}" + (f" ({direction})" if direction else "")


def quantity_claims(
    sentence: Sentence, text: str, lex: Lexicon, numbers: list[Number]
) -> list[Claim]:
    """One claim per measured number in the sentence (see the module's docstring)."""
    framed_only = lex.get_set("framed_only_dimensions")
    claims = []
    for number in numbers:
        if number.low is None:
            continue
        unit = measured(text, sentence, number, lex)
        if unit is None:
            continue
        frame = frame_of(text, sentence, number, unit, lex)
        if not frame and unit.dimension in framed_only:
            continue
        end = max(unit.end, number.end)
        claims.append(
            Claim(
                kind="quantity",
                start=number.start,
                end=end,
                quote=text[number.start : end],
                value=number.text,
                attribute=f"{unit.dimension}: {frame}" if frame else unit.dimension,
                low=number.low,
                high=number.high,
                unit=unit.key,
                qualifier=number.qualifier,
                sentence=sentence.index,
                extra={
                    "dimension": unit.dimension,
                    "frame": frame,
                    "base_low": round(number.low * unit.base, 6),
                    "base_high": round(number.high * unit.base, 6),
                    "comparable": False,
                },
            )
        )
    return claims
