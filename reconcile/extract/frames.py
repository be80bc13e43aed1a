"""Claim frames for counts: what exactly a number counts, so that only like meets like.

A count's attribute names its measure ("people killed", "people injured"); its frame adds what
narrows the measure within the story: the nationality of the people counted ("13 Honduran
migrants died"), the place the figure is for ("1,040 deaths in Veldra", "Olden (271)",
a list of places and figures after a toll noun: "the dead: Tolsa (21), Marena (3)"),
the severity ("395 of whom remain in serious condition" is people seriously injured), and the set
relations between counts of one sentence ("including 18 Guatemalans" is a part of the total,
"another 153 were injured" is no increment when the sentence counted the dead before it).

Where the frame cannot be read with confidence the count is kept but not compared
(`extra.comparable = false`, `extra.frame.unclear` says why): a missed conflict costs a
fact-checker less than a false one. Everything about a language comes from its lexicon
(`measures.yaml`: `nationalities`, `severity_markers`, `part_markers_before`,
`part_markers_after`, `whole_openers`, `locality_nouns`, `place_prepositions`,
`place_count_links`, `respectively_words`, `setting_prepositions`, `origin_prepositions`,
`facility_nouns`, `list_openers`, `earlier_state_openers`, `earlier_moment_words`,
`event_settings`, `spread_words`, `determiners`, `share_of_total`, `undoing_events`, `sum_cues`,
`remainder_after`, `remainder_before`, `copulas`, `capital_words`, `list_continuers`,
`occurrence_verbs`, `plural_demonstratives`, `possessive_endings`, `superlative_words`,
`comparison_openers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import PartialDate
from ..lexicon import Lexicon, fold, invert, longest_first, phrase_pattern
from ..models import Claim, Sentence
from ..numbers import Number

UPPER = "A-ZÁÉÍÓÚÑÜ"
#: A place name as written: capitalised words, with the small joining words names carry.
PLACE = rf"[{UPPER}][\w'’-]+(?:\s+(?:(?:de|del|la|las|los|el|al|of|the)\s+)?[{UPPER}][\w'’-]+)*"


REST = "the rest of a set, not its total"
#: Reasons a count is not compared that the bare figures after it in its sentence share.
PASSED_ON = ("a sub-group", "a share of", "a figure of a sub-group", "a part of a group")


@dataclass
class Counted:
    """A count claim of a sentence with the number it was read from."""

    claim: Claim
    number: Number


def place_key(name: str) -> str:
    """A place name as frames compare it: folded, with the spellings transliteration varies
    on made one ('Al Haouz' and 'Al Hauz', 'Chichaoua' and 'Chichaua')."""
    key = re.sub(r"[^a-z ]", "", fold(name))
    key = key.replace("ou", "u").replace("-", " ")
    return " ".join(re.sub(r"(.)\1", r"\1", word) for word in key.split())


def frame_key(extra: dict) -> str:
    """The part of a block key that the frame adds: '' for a story-wide total."""
    frame = extra.get("frame") or {}
    parts = []
    if frame.get("nationality"):
        parts.append(f"nationality={frame['nationality']}")
    if frame.get("place"):
        parts.append(f"place={place_key(frame['place'])}")
    if frame.get("body"):
        parts.append(f"body={frame['body']}")
    if frame.get("period"):
        parts.append(f"period={frame['period']}")
    return "; ".join(parts)


def frame_label(attribute: str, extra: dict) -> str:
    """The measure and its frame as a reader sees it: 'people killed (Honduras)',
    'people killed in Al Hauz'."""
    frame = extra.get("frame") or {}
    label = attribute
    if frame.get("nationality"):
        label += f" ({frame['nationality']})"
    if frame.get("place"):
        label += f" in {place_key(frame['place']).title()}"
    if frame.get("period"):
        label += f" in {frame['period']}"
    if frame.get("body"):
        label += f" according to {frame['body']}"
    return label


def clause_after(text: str, start: int, limit: int) -> str:
    """The words after a count up to the next comma, semicolon or number."""
    tail = text[start:limit]
    cut = re.search(r"[,;:()]|\d", tail)
    return tail[: cut.start()] if cut else tail


def nationality_of(
    text: str, number: Number, claim: Claim, sentence: Sentence, lex: Lexicon
) -> str | None:
    """A demonym in the counted noun phrase: '13 Honduran migrants', '13 migrantes
    hondureños', 'seis hondureños', 'eight injured Guatemalan migrants'."""
    nationalities = lex.nationality_of
    if not nationalities:
        return None
    window = clause_after(text, number.end, min(sentence.end, claim.end + 40))
    # "69 people including five Tarvians": the demonym after a part marker is the part's
    marker = lex.built(
        "part_marker_word",
        lambda: re.compile(rf"(?<!\w){lex.phrases('part_markers_before').pattern}(?!\w)", re.I),
    ).search(window)
    if marker:
        window = window[: marker.start()]
    words = re.findall(r"[\w'’-]+", window)[:5]
    for word in words:
        if fold(word) in lex.get_set("count_gap_words"):
            break  # "296 people died in different Moroccan towns": past the counted noun
        key = nationalities.get(fold(word))
        if key:
            return key
    return None


def nationals(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> bool:
    """'the bodies of six nationals': a nationality the count does not spell out."""
    words = re.findall(r"[\w'’-]+", text[number.end : min(sentence.end, number.end + 30)])[:2]
    return any(fold(w) in lex.get_set("nationals_words") for w in words)


def place_of(
    text: str, number: Number, claim: Claim, sentence: Sentence, lex: Lexicon
) -> str | None:
    """The place a figure is for: '1,120 deaths in Orla', '310 in Brenn', 'Orla
    (287)', 'Brenn, con 64 fallecidos', 'en la provincia de Orla, con 233 muertos';
    '12 of them in Nairobi', '12 de ellas en Nairobi' (a part marker between)."""
    prepositions = lex.phrases("place_prepositions").pattern
    localities = lex.phrases("locality_nouns").pattern
    part = lex.phrases("part_markers_after").pattern
    articles = rf"(?:(?:{lex.alternation('definite_articles')})\s+)?"
    link = lex.alternation("of_words")
    after = re.match(
        rf"\s*(?:{part}\s*,?\s*)?{prepositions}\s+{articles}(?:{localities}\s+(?:{link})\s+)?({PLACE})",
        text[claim.end : sentence.end],
    )
    if after:
        # "23 people in Portugal": a country is the whole story's and narrows nothing; a name
        # that owns the next noun ("soldiers from Tolsa's army", `possessive_endings`) is none
        owner = tuple(lex.get("possessive_endings") or ())
        if owner and after.group(1).endswith(owner):
            return None
        return None if fold(after.group(1)) in country_names(lex) else after.group(1)
    before = text[sentence.start : number.start]
    links = lex.phrases("place_count_links").pattern
    match = re.search(rf"({PLACE})(?:{capital_after(lex)}\s*\(\s*|,\s*{links}\s+)$", before)
    if match and not re.search(r"[.!?]\s*$", before[: match.start()].rstrip()[-1:] or ""):
        name = match.group(1)
        first = fold(name.split()[0])
        after_locality = re.search(
            rf"{localities}\s+(?:{link})\s+$", before[: match.start()], re.I
        )  # "la provincia de Al Qasra, con 212": "Al" opens the name, not a clause
        if not after_locality and (
            first in lex.not_name_starters or first in lex.get_set("count_gap_words")
        ):
            return None
        return name
    return None


def capital_after(lex: Lexicon) -> str:
    """What may follow a place's name before its figure: a `capital_words` word ('Tolsa
    capital (16)': the city, not its province), as an optional regex group."""
    words = lex.alternation("capital_words") if lex.get("capital_words") else "(?!x)x"
    return rf"(?:\s+(?:{words}))?"


def listed_items(
    text: str, sentence: Sentence, lex: Lexicon
) -> dict[int, tuple[int, str, bool, bool]]:
    """The places with a figure alone in brackets ('Tolsa (45), Marena (25) y Orbel (15)') or
    after a colon ('Tolsa: 45; Marena: 25') in a sentence, by where the figure starts: (where
    its list begins, the place, whether it stands in a list of two or more, whether after a
    colon). Read once per sentence: a list of hundreds of items costs one pass, not one per
    figure."""
    cache = lex.__dict__.setdefault("_listed_items", {})
    if cache.get("at") == (id(text), sentence.start, sentence.end) and cache.get("text") is text:
        return cache["items"]
    items: dict[int, tuple[int, str, bool, bool]] = {}
    if "(" in sentence.text or ":" in sentence.text:
        figure = rf"(\d[\d.,]*|(?i:{lex.alternation('words')})\b)"
        ands = lex.alternation("and_words")
        bracketed = re.compile(rf"({PLACE}){capital_after(lex)}\s*\(\s*{figure}\s*\)")
        colon = re.compile(
            rf"({PLACE}){capital_after(lex)}\s*:\s*{figure}(?=\s*(?:[,;.]|$|(?i:{ands})\s))"
        )
        joint = re.compile(rf"\s*(?:[,;]\s*(?:(?:{ands})\s+)?|(?:{ands})\s+)", re.I)
        chain: list[re.Match] = []
        found = sorted(
            (
                m
                for pattern in (bracketed, colon)
                for m in pattern.finditer(text, sentence.start, sentence.end)
                if m.group(1)[0].isupper()
            ),
            key=lambda m: m.start(),
        )
        for index, match in enumerate(found):
            if not chain or not joint.fullmatch(text, chain[-1].end(), match.start()):
                chain = []
            chain.append(match)
            following = index + 1 < len(found) and joint.fullmatch(
                text, match.end(), found[index + 1].start()
            )
            items[match.start(2)] = (
                chain[0].start(),
                match.group(1),
                len(chain) > 1 or bool(following),
                match.re is colon,
            )
    cache.update(at=(id(text), sentence.start, sentence.end), text=text, items=items)
    return items


def listed_place(
    text: str, sentence: Sentence, number: Number, lex: Lexicon
) -> tuple[int, str] | None:
    """'Tolsa (45), Marena (25) y Orbel (15)', 'en la capital, Tolsa (17)': a figure alone in
    brackets right after a place's name, in a list of such items or after a preposition of
    place, is that place's figure. (where the list begins, the place), or None."""
    found = listed_items(text, sentence, lex).get(number.start)
    if found is None:
        return None
    start, name, listed, after_colon = found
    if fold(name.split()[0]) in lex.not_name_starters | lex.get_set("count_gap_words"):
        return None
    if after_colon and not listed:
        return None  # "Tolsa: 21 dead" alone is a headline's place, perhaps the whole story's
    if not listed:
        # one item after a preposition of place: "en la capital, Tolsa (17)", "in Tolsa (17)"
        prepositions = lex.phrases("setting_prepositions").pattern
        articles = rf"(?:(?:{lex.alternation('definite_articles')})\s+)?"
        capital = lex.alternation("capital_words") if lex.get("capital_words") else "(?!x)x"
        if not re.search(
            rf"(?<!\w){prepositions}\s+(?:{articles}(?:{capital})\s*,\s*)?$",
            text[max(sentence.start, start - 60) : start],
            re.I,
        ):
            return None
    return start, name


def listed_before(text: str, start: int, lex: Lexicon) -> int | None:
    """Where the sentence before `start` begins, when it ends on a place's figure ('..., y en
    el distrito de Tolsa, con 80.', '... Marena (15).'); None otherwise."""
    window = text[max(0, start - 600) : start].rstrip()
    ends = [m.end() for m in re.finditer(r"[.!?]\s+", window[:-1])]
    previous = window[ends[-1] :] if ends else window
    figure = rf"(?:\d[\d.,]*|(?:{lex.alternation('words')}))"
    links = lex.phrases("place_count_links").pattern
    if not re.search(
        rf"{PLACE}{capital_after(lex)}\s*(?:\(\s*{figure}\s*\)|,\s*{links}\s+{figure}[^.;()]{{0,30}})\s*[.]?$",
        previous,
    ):
        return None
    return start - (len(text[max(0, start - 600) : start]) - (ends[-1] if ends else 0))


def listed_place_measure(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> str | None:
    """The measure of a place's figure in a list ('The dead are from several regions: Tolsa
    (21), Marena (3)', 'por pueblos, los fallecimientos quedan así: Tolsa (45), ...'): what the nearest event noun before the list counts, when no event of
    another measure stands between. None when the figure is not such an item."""
    found = listed_place(text, sentence, number, lex)
    if found is None:
        return None
    start = found[0]
    floor = sentence.start
    if lex.get("list_continuers") and re.fullmatch(
        rf"\s*{lex.phrases('list_continuers').pattern}\s+[^\d()]{{0,40}}",
        text[sentence.start : start],
        re.I,
    ):  # "Le siguen Marena (32), Orbel (29)": the list of the sentence before goes on
        floor = listed_before(text, sentence.start, lex)
        if floor is None:
            return None
    measure, noun_end = None, floor
    for match in lex.noun_re.finditer(text, floor, start):
        key = fold(re.sub(r"\s+", " ", match.group(0)))
        if key in lex.event_noun_of:
            measure, noun_end = lex.event_noun_of[key], match.end()
    if measure is None:
        return None
    for match in lex.event_re.finditer(text, noun_end, start):
        event = lex.event_of.get(fold(re.sub(r"\s+", " ", match.group(0))))
        if event and not measure.endswith(" " + event):
            return None  # "... 40 dead, and the injured were taken to: Tolsa (3)": another measure
    return measure


def setting_after(
    text: str, claim: Claim, sentence: Sentence, lex: Lexicon, apposed: bool = False
) -> tuple[str, str]:
    """Where the count's own verb puts it: ('place', 'Juliaca') for '17 people died in the
    city of Juliaca'; ('part', 'garages') for '30 were found in garages', '41 died in direct clashes'
    (a sub-group by where or how: not the total), and so is '147 were identified using
    fingerprints' (`means_prepositions`: one way among others); ('named', 'Tolsa') for a bare
    name after a verb of recording ('21 were recorded in Tolsa'), which only a part of a larger
    count takes as its place; ('', '') when it says nothing of that.
    The story's own event ('died in the collision'), its spread ('in different towns') and a
    country (the whole story's) narrow nothing."""
    end = claim.end
    if apposed:  # "buena parte de los muertos, 21, se ...": the clause goes on past the comma
        comma = re.match(r"\s*,", text[end : sentence.end])
        end += comma.end() if comma else 0
    clause = clause_after(text, end, sentence.end)
    event = lex.event_re.search(clause)
    if event and (event.start() > 40 or re.search(r"[,;]", clause[: event.start()])):
        event = None
    if any(claim.attribute.endswith(" " + said) for said in lex.get_set("located_events")):
        return "", ""  # "que viajaban en el autobús": the vehicle they were on, no sub-group
    start = event.end() if event else 0
    if lex.get("means_prepositions"):
        means = lex.phrases("means_prepositions").pattern
        how = re.match(
            rf"((?:\s+[a-záéíóúñü][\w'’-]*){{0,2}}?)\s+{means}\s+([^,;:.()]{{1,60}})",
            clause[start:],
            re.I,
        )
        if how and not lex.event_re.search(how.group(1)):
            return "part", how.group(2).strip()  # "identified using fingerprints": one way
    prepositions = lex.phrases("setting_prepositions").pattern
    found = re.match(
        rf"((?:\s+[a-záéíóúñü][\w'’-]*){{0,4}}?)\s+{prepositions}\s+([^,;:.()]{{1,60}})",
        clause[start:],
        re.I,
    )
    if not found:
        return origin_place(clause[start:], lex)
    if lex.event_re.search(found.group(1)):
        return "", ""
    settings = event_settings(lex)
    if settings & {fold(w) for w in found.group(1).split()}:
        return "", ""  # "17 heridos por la explosión en el almacén": where the event was
    named = named_locality(found.group(2), lex)
    if named:
        return "place", named  # "two died in the Tolsa region (after the storm)"
    tail = found.group(0)[len(found.group(1)) :]
    if lex.phrases("severity_markers").search(tail) or lex.event_re.search(found.group(2)):
        return "", ""  # "in serious condition", "in custody": the measure, not a part
    qualified = lex.qualifier_re.match(found.group(2).lstrip())
    # "in more than 75 raids": the clause stops at the figure, so only the qualifier may be left
    counted = qualified and found.group(2).lstrip()[qualified.end() :]
    if qualified and (
        not counted.strip() or re.match(rf"\s*(?:\d|(?:{lex.alternation('words')})\b)", counted)
    ):
        return "", ""  # "in at least five prisons": the spread, counted
    words = re.findall(r"[\w'’-]+", found.group(2))
    determiners = lex.get_set("determiners")
    localities = lex.get_set("locality_nouns")
    while words and (fold(words[0]) in determiners or fold(words[0]) in lex.qualifier_of):
        words.pop(0)  # "en estos casi tres meses": the time the count took, not a sub-group
    if len(words) > 1 and fold(words[0]) in lex.nationality_of and words[1][0].isupper():
        words.pop(0)  # "en la chilena Villa Tolsa": a demonym before the name
    if not words or fold(words[0]) in lex.get_set("spread_words") | lex.number_words:
        return "", ""
    if words[0][0].isupper():
        # "39 died in Ciudad Juárez" is as often the story's own town as a part of its toll:
        # a bare name after the verb narrows nothing; "in the city of Juliaca" does (below).
        # Only a part of a larger count takes it as its place ("most of the dead, 21, in Tolsa").
        # Only with a verb that says where the figure was recorded (`occurrence_verbs`):
        # "cinco vivían en Tolsa" says where five lived, not where they died.
        named = re.match(PLACE, " ".join(words))
        recorded = lex.get("occurrence_verbs") and lex.phrases("occurrence_verbs").search(
            found.group(1)
        )
        if named and recorded and fold(named.group(0)) not in country_names(lex):
            return "named", named.group(0)
        return "", ""
    if fold(words[0]) in localities:
        of = re.search(rf"(?:{lex.alternation('of_words')})\s+({PLACE})", found.group(2))
        return ("place", of.group(1)) if of else ("", "")
    noun = fold(words[0])
    if noun in settings or lex.date_event_re.match(noun):
        return "", ""
    if len(words) > 1 and "-" in words[0] and fold(words[1]) in settings:
        return "", ""  # "in anti-austerity protests": the story's own event, qualified
    return "part", words[0]


def event_settings(lex: Lexicon) -> frozenset[str]:
    """Words for the story's own event or a span of time (`event_settings`, `date_events`,
    `durations`): after a count's verb they narrow nothing (built once per language)."""
    found = lex.__dict__.get("_event_settings")
    if found is None:
        found = lex.__dict__["_event_settings"] = (
            lex.get_set("event_settings") | frozenset(lex.date_event_of) | lex.get_set("durations")
        )
    return found


def localities_and_facilities(lex: Lexicon) -> frozenset[str]:
    found = lex.__dict__.get("_localities_and_facilities")
    if found is None:
        found = lex.__dict__["_localities_and_facilities"] = lex.get_set(
            "locality_nouns"
        ) | lex.get_set("facility_nouns")
    return found


def named_locality(phrase: str, lex: Lexicon) -> str | None:
    """'the Tolsa region', 'the Velmora prison', 'la cárcel de Velmora': a name with a
    locality or facility noun (`locality_nouns`, `facility_nouns`), after optional determiners;
    the name, or None."""
    words = re.findall(r"[\w'’-]+", phrase)
    determiners = lex.get_set("determiners")
    while words and fold(words[0]) in determiners:
        words.pop(0)
    localities = localities_and_facilities(lex)
    genitive = lex.get_set("genitive_words")
    candidates = [words]
    if len(words) > 3 and words[0].islower() and fold(words[1]) in localities:
        candidates.append(words[1:])  # "the coastal city of Velmora": an adjective before
    if len(words) > 3 and fold(words[0]) in localities and words[1].islower():
        candidates.append(words[:1] + words[2:])  # "la ciudad costera de Velmora": after
    for rest in candidates:
        if len(rest) > 2 and fold(rest[0]) in localities and fold(rest[1]) in genitive:
            named = re.match(PLACE, " ".join(rest[2:]))  # "la cárcel de Velmora"
            return named.group(0) if named else None
    phrase = " ".join(words)
    if (
        words
        and words[0][0].isupper()
        and re.match(rf"(?:{lex.alternation('facility_nouns')})\b", fold(phrase))
    ):  # "el Centro de Reclusión de Tarsis": the facility's own name
        named = re.match(PLACE, phrase)
        return named.group(0) if named else None
    named = re.match(PLACE, " ".join(words))
    if not named:
        return None
    after = " ".join(words)[named.end() :].split()
    if after and fold(after[0]) in localities:
        return named.group(0)  # "the Velmora prison"
    place = named.group(0).split()  # "the Tolsa Region": the noun written with a capital
    if len(place) > 1 and fold(place[-1]) in localities:
        return " ".join(place[:-1])
    return None


def origin_place(clause: str, lex: Lexicon) -> tuple[str, str]:
    """'31 guards were released from the Velmora prison': a named locality the count's verb
    moves people from (`origin_prepositions`, in the count's own clause) is the place the
    figure is for; anything else after such a preposition narrows nothing."""
    prepositions = lex.phrases("origin_prepositions").pattern
    for found in re.finditer(rf"(?<!\w){prepositions}\s+([^,;:.()]{{1,80}})", clause, re.I):
        named = named_locality(found.group(1), lex)
        if named:
            return "place", named
    return "", ""


def country_names(lex: Lexicon) -> frozenset[str]:
    """Folded names of countries (`countries` of nationalities.yaml) and their English keys."""
    found = lex.__dict__.get("_frame_countries")
    if found is None:
        names = [n for ns in (lex.get("countries") or {}).values() for n in ns]
        names += list(lex.get("countries") or {}) + list(lex.get("nationalities") or {})
        found = lex.__dict__["_frame_countries"] = frozenset(fold(str(n)) for n in names)
    return found


def countries_joined(sentence: str, lex: Lexicon) -> bool:
    """'killed at least 15 in Tarvia and Brenn', 'el sur de Tarvia y el norte de Brenn': a
    sentence that joins two countries tells of both; its figures are neither one country's
    nor, where a story spans more, the whole story's."""
    pattern = lex.built("countries_joined", lambda: joined_countries_pattern(lex))
    return pattern is not None and any(
        found.group(1) != found.group(2) for found in pattern.finditer(fold(sentence))
    )


def joined_countries_pattern(lex: Lexicon) -> re.Pattern | None:
    names = longest_first(
        {fold(str(n)) for ns in (lex.get("countries") or {}).values() for n in ns}
    )
    if not names:
        return None
    country = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"\b({country})\b(?:\s*,\s*|\s+(?:{lex.alternation('and_words')})\s+)"
        rf"(?:[^\W\d]+\s+){{0,3}}?({country})\b"
    )


def share_of_total(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> bool:
    """'con 85 víctimas, lo que supone un 40 % del total', 'another 30, 14% of the total':
    a count said to be a share of a larger one is a part."""
    window = text[claim.end : min(sentence.end, claim.end + 50)]
    cut = re.search(r";|\d[\d.,]*\s+(?![%]|por\s+ciento|per\s+cent)", window)
    window = window[: cut.start()] if cut else window
    return bool(
        re.search(r"%\s*" + lex.phrases("share_of_total").pattern, window, re.I)
        or re.search(
            r"(?:por|per)\s+(?:ciento|cent)\s+" + lex.phrases("share_of_total").pattern,
            window,
            re.I,
        )
    )


def remainder(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> bool:
    """'Quist and 28 others', '29 more', 'the other 30': the rest of a set, not its total."""
    after = re.match(
        r"\s+" + lex.phrases("remainder_after").pattern, text[number.end : sentence.end]
    )
    before = text[max(sentence.start, number.start - 20) : number.start]
    return bool(after) or bool(
        re.search(lex.phrases("remainder_before").pattern + r"\s+$", before, re.I)
    )


def summed(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> str:
    """'Those victims, added to the three found in Tolsa, put the tally at
    205', 'el recuento llega a 158 tomando en cuenta a los de Orla': a sentence that adds figures together (`sum_cues`)
    gives a total over more than one count, not a figure of the story's own measure; "added"
    for the count the cue opens (a part of the sum), "total" for the others, "" without a cue."""
    cues = lex.phrases("sum_cues")
    if not cues.search(sentence.text):
        return ""
    determiners = lex.alternation("determiners")
    rest = lex.phrases("remainder_before").pattern
    before = text[max(sentence.start, number.start - 40) : number.start]
    if re.search(
        rf"(?:{cues.pattern})\s+(?:(?:{rest}|{determiners})\s+)?(?:(?:{determiners})\s+)?$",
        before,
        re.I,
    ):
        return "added"
    return "total"


def predicate_group(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> bool:
    """'85 were women', '85 son mujeres': the count is of the sub-group the verb names."""
    match = re.match(
        r"\s+" + lex.phrases("copulas").pattern + r"\s+([\w'’-]+)", text[number.end : sentence.end]
    )
    if not match:
        return False
    noun = fold(match.group(1))
    return (
        noun in lex.people_nouns
        or noun in lex.group_of
        or subgroup_predicate(text[number.end + match.start(1) : sentence.end], lex)
    )


def subgroup_predicate(tail: str, lex: Lexicon) -> bool:
    """'13 were male', '13 eran de sexo masculino', 'seis tenían entre 22 y 35 años', 'five
    were aged 18 to 30': what the verb says of a count splits a total by sex or age
    (`subgroup_words`, `age_band_verbs`)."""
    words = lex.phrases("subgroup_words").pattern
    return bool(
        re.match(rf"(?:{words})\b", tail, re.I) or re.match(r"(?:between|entre)\s+\d", tail, re.I)
    )


def age_band(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> bool:
    """'seis tenían entre 22 y 35 años', 'six were aged between 22 and 35'."""
    return bool(
        re.match(
            r"\s+" + lex.phrases("age_band_verbs").pattern + r"\s+(?:(?:between|entre)\s+)?\d",
            text[number.end : sentence.end],
            re.I,
        )
    )


def coordinated_part(
    text: str, item: Counted, previous: Counted | None, sentence: Sentence, lex: Lexicon
) -> bool:
    """'nine guards and two employees were released', 'three officials and a guard were
    detained': a count of people in general beside another kind is one part of a total."""
    claim = item.claim
    if not claim.attribute.startswith("people ") or claim.end <= item.number.end:
        return False  # "40 dead and 85 injured": two measures, no noun of people
    conjunctions = lex.phrases("and_words").pattern
    joined, listed_after = lex.built("coordinated_counts", lambda: coordinated_patterns(lex))
    after = joined.match(text[claim.end : sentence.end])
    if after:
        verbs = lex.get_set("auxiliaries") | lex.get_set("copulas")
        if lex.event_re.search(after.group(1)) or verbs & {fold(w) for w in after.group(1).split()}:
            return False  # "12 people were killed and 340 families ...": two clauses
        if re.match(r"\d", after.group(2)) or fold(after.group(2)) in lex.number_words:
            return False  # "12 personas y otras 30 resultaron heridas": another count
        if fold(after.group(2)) in lex.get_set("setting_prepositions"):
            return False  # "21 people in Tolsa and 3 in Marena": one measure, two places
        return not lex.event_re.match(after.group(2))
    listed = listed_after.match(text[claim.end : sentence.end])
    if listed and kind_named(text, item.number, sentence.end, lex) is None:
        # "64 passengers, two pilots and two flight attendants": a list of kinds of people
        words = fold(listed.group(1)).split()
        if words[0] in lex.group_of or " ".join(words) in lex.group_of:
            return True
    if previous is None or previous.claim.end > item.number.start:
        return False
    if previous.claim.end <= previous.number.end:
        return False
    event = claim.attribute.removeprefix("people ")
    between = text[previous.claim.end : item.number.start]
    return previous.claim.attribute.endswith(" " + event) and bool(
        re.fullmatch(rf"(?:\s+[a-záéíóúñü][\w'’-]*){{0,2}}\s+{conjunctions}\s+", between, re.I)
    )


def part_marker_before(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'including eight judges', 'de los cuales ocho', 'of whom 721'; and each later item
    of the list the marker opens ('entre ellos 4 peruanos, 9 bolivianos y 12 ...')."""
    window = text[max(floor, number.start - 150) : number.start]
    conjunctions = lex.phrases("and_words").pattern
    figures = rf"(?:\d[\d.,]*|{lex.alternation('words', 'one_words')})"
    # "incluido un herido y tres desaparecidos": the list the marker opens goes on
    first = rf"(?:\s*[\w'’-]+\s+[\w'’-]+\s*(?:,|\s{conjunctions}))?"
    more = rf"(?:\s*{figures}(?:\s+[\w'’-]+){{1,2}}\s*(?:,|\s{conjunctions}))*"
    return any(
        re.fullmatch(first + more + r"[\s,]*", window[m.end() :], re.I)
        for m in lex.phrases("part_markers_before").finditer(window)
    )


def coordinated_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """For `coordinated_part`: a second count joined by a conjunction ("and two employees"),
    and one listed after a comma ("64 passengers, two pilots")."""
    conjunctions = lex.phrases("and_words").pattern
    # a figure or a word for one ("and a guard"): "y los expertos estiman" counts nobody
    numbers = lex.alternation("words", "one_words")
    joined = re.compile(
        rf"((?:\s+[a-záéíóúñü][\w'’-]*){{0,2}})\s+{conjunctions}\s+(?:\d[\d.,]*|(?:{numbers}))\s+([\w'’-]+)",
        re.I,
    )
    listed = re.compile(rf",\s+(?:\d[\d.,]*|(?:{numbers}))\s+([\w'’-]+(?:\s+[\w'’-]+)?)", re.I)
    return joined, listed


def part_marker_after(text: str, number: Number, limit: int, lex: Lexicon) -> bool:
    """'395 of whom remain in serious condition', 'seis de ellos'."""
    return bool(
        re.match(r"\s+" + lex.phrases("part_markers_after").pattern, text[number.end : limit], re.I)
    )


def named_group_before(text: str, floor: int, start: int, lex: Lexicon) -> bool:
    """'de los fallecidos, cinco ...', 'la mayoría de los muertos, 17, ...', 'Of the dead,
    five were ...': a figure set after the group it is drawn from, which the sentence names
    without counting it (`group_part_openers`) right before `start`, is a part of that group."""
    window = text[max(floor, start - 50) : start]
    determiners = lex.alternation("determiners")
    found = re.search(
        rf"(?:^|[\s,;:])(?:{lex.phrases('group_part_openers').pattern})\s+"
        rf"(?:(?:{determiners})\s+)?([a-záéíóúñü][\w'’-]*)\s*[,:]\s*$",
        window,
        re.I,
    )
    if not found or not found.group(1)[0].islower():
        return False
    noun = fold(found.group(1))
    return noun in lex.people_nouns or noun in lex.group_of or bool(lex.event_re.fullmatch(noun))


def place_opening_the_clause(
    text: str, claim: Claim, sentence: Sentence, lex: Lexicon
) -> str | None:
    """'En Tolsa, los muertos suman 17', 'In the city of Tolsa, 17 people died': a place that
    opens the count's clause is the place the figure is for. A country is most often the whole
    story's and narrows nothing here (`country_opening_the_clause`)."""
    name = clause_opening_name(text, claim, sentence, lex)
    if name is None or fold(name) in country_names(lex):
        return None
    return name


def country_opening_the_clause(
    text: str, claim: Claim, sentence: Sentence, lex: Lexicon
) -> str | None:
    """'En Honduras, las autoridades confirman cuatro muertos', 'In Guatemala, 13 died': the
    country that opens the count's clause, as its key in `countries` ('honduras'). Whether it
    narrows the count is the story's to say: only where its counts name two countries or more
    (`match.story_countries`)."""
    name = clause_opening_name(text, claim, sentence, lex)
    if name is None:  # "En Guatemala, se ha decretado ..., con al menos 13 fallecidos"
        opening = lex.built(
            "country_opening",
            lambda: re.compile(
                rf"\s*{lex.phrases('place_prepositions').pattern}\s+({PLACE})\s*,", re.I
            ),
        ).match(text[sentence.start : claim.start])
        named = opening and re.match(PLACE, opening.group(1))
        name = named.group(0) if named else None
    return country_key(name, lex) if name else None


def country_key(name: str, lex: Lexicon) -> str | None:
    keys = lex.built(
        "country_keys",
        lambda: {
            fold(str(n)): fold(str(key))
            for key, names in (lex.get("countries") or {}).items()
            for n in [key, *names]
        },
    )
    return keys.get(fold(name))


def clause_opening_name(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> str | None:
    """The capitalised name of a place phrase opening the count's clause, or None."""
    before = text[sentence.start : claim.start]
    found = lex.built("clause_opening_place", lambda: clause_opening_pattern(lex)).search(before)
    if not found or not found.group(1)[0].isupper():
        return None
    # the pattern ignores case for its prepositions: the name is its capitalised words only
    # ("In the village of Letra in the Tolsa region," is Letra)
    name = re.match(PLACE, found.group(1)).group(0)
    if fold(name.split()[0]) in lex.not_name_starters:
        return None
    return with_article(before[: found.start(1)], name, lex)


def clause_opening_pattern(lex: Lexicon) -> re.Pattern:
    prepositions = lex.phrases("place_prepositions").pattern
    localities = lex.phrases("locality_nouns").pattern
    articles = rf"(?:(?:{lex.alternation('definite_articles')})\s+)?"
    link = lex.alternation("of_words")
    return re.compile(
        rf"(?:^|[;:]|\b(?:{lex.phrases('clause_openers').pattern}))\s*{prepositions}\s+{articles}"
        rf"(?:{localities}\s+(?:{link})\s+)?({PLACE})\s*(?:\([^()]{{1,30}}\)\s*)?,([^,;:()\d]{{0,60}})$",
        re.I,
    )


def with_article(before: str, name: str, lex: Lexicon) -> str:
    """'El Salvador', not 'Salvador': a country whose name holds its article."""
    article = re.search(r"(\w+)\s+$", before)
    whole = f"{article.group(1)} {name}" if article else name
    return whole if article and country_key(whole, lex) else name


def setting_named_before(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> str | None:
    """'En estos últimos espacios se halló a 30 personas', 'In those homes, 30 were found': a
    clause opened by a preposition of place and a plural demonstrative (`plural_demonstratives`)
    counts within places named before, a sub-group of the story's count. The words, or None;
    the story's own event or a span of time ('in these floods', 'en estos días') is none."""
    if not lex.get("plural_demonstratives"):
        return None
    clause = re.split(r"[;:]", text[sentence.start : claim.start])[-1]
    prepositions = lex.phrases("setting_prepositions").pattern
    found = re.match(
        rf"\s*{prepositions}\s+(?:{lex.alternation('plural_demonstratives')})\s+"
        rf"((?:[a-záéíóúñü][\w'’-]*\s+){{0,1}}[a-záéíóúñü][\w'’-]*)\b",
        clause,
        re.I,
    )
    if not found:
        return None
    words = {fold(w) for w in found.group(1).split()}
    if words & (event_settings(lex) | lex.number_words | lex.get_set("spread_words")):
        return None
    return found.group(1)


def handled_group(
    text: str, claim: Claim, number: Number, sentence: Sentence, lex: Lexicon
) -> bool:
    """'4 were airlifted to the capital', 'el hospital, que atendió a 165 personas', 'trasladaron
    a Tarvela a siete vecinos que resultaron heridos': those moved or treated somewhere are a
    part of the injured, not their total (`handling_verbs`, in the count's own clause)."""
    verbs = lex.phrases("handling_verbs").pattern
    before = text[max(sentence.start, claim.start - 100) : claim.start]
    clause = re.split(r"[,;:]", before)[-1]
    after = clause_after(text, number.end, min(sentence.end, number.end + 40))
    return bool(
        re.search(rf"\b(?:{verbs})\b", clause, re.I) or re.search(rf"\b(?:{verbs})\b", after, re.I)
    )


def earlier_moment(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> bool:
    """'with 27 freed earlier', '27 liberados anteriormente': a word of an earlier moment
    (`earlier_moment_words`) in the few words after a count makes it a past figure, set beside
    the one the sentence gives for now."""
    clause = clause_after(text, claim.end, min(sentence.end, claim.end + 50))
    words = " ".join(re.findall(r"[\w'’-]+", clause)[:4])
    return bool(lex.phrases("earlier_moment_words").search(words))


def earlier_disaster(text: str, number: Number, sentence: Sentence, lex: Lexicon) -> bool:
    """'the worst attack since the one at Elm Hill left 31 dead', 'el accidente más
    mortífero desde que un tren dejó 80 muertos': a superlative (`superlative_words`), then a
    word that opens the earlier event it is measured against (`comparison_openers`: "since a",
    "desde que", never "since 1990", whose figures stay the story's); a count after that
    opener, in the same clause, is that earlier event's."""
    before = re.split(r"[;:]", text[sentence.start : number.start])[-1]
    return bool(lex.built("compared_with_earlier", lambda: comparison_pattern(lex)).search(before))


def comparison_pattern(lex: Lexicon) -> re.Pattern:
    superlatives = lex.phrases("superlative_words").pattern
    openers = lex.phrases("comparison_openers").pattern
    return re.compile(rf"\b(?:{superlatives})\b.*?\b(?:{openers})\b(?!\s*\d)", re.I | re.S)


def projected(text: str, floor: int, number: Number, limit: int, lex: Lexicon) -> bool:
    """'the toll could reach 20,000', 'podría alcanzar los 20.000', '20,000 are feared dead': a
    figure someone says the count may become (`projection_cues` before it in its clause, with
    no other figure between; `projection_cues_after` right after it) is a projection, not a
    count of anyone."""
    window = text[max(floor, number.start - 60) : number.start]
    cues = list(lex.phrases("projection_cues").finditer(window))
    if cues and not re.search(r"[\d;.:]", window[cues[-1].end() :]):
        return True  # the last cue before the figure, with no figure or clause break between
    words = " ".join(re.findall(r"[\w'’-]+", text[number.end : min(limit, number.end + 60)])[:6])
    following = lex.phrases("projection_cues_after").search(words)
    return bool(following) and words[: following.start()].count(" ") <= 2  # "20,000 people are"


def with_uncounted_companions(text: str, number: Number, limit: int, lex: Lexicon) -> bool:
    """'four suspects held along with several accomplices', 'cuatro detenidos junto
    con varios cómplices': a figure said together with a group nobody counted (`companion_words`
    then `uncounted_groups`, before any other figure; asides between dashes skipped) is only
    part of what its measure covers."""
    tail = re.sub(r"\s[–—]\s[^–—]*\s[–—]\s", " ", text[number.end : limit])  # dashed asides
    clause = re.split(r"[;:()]|\d", tail[:120])[0]
    return bool(
        lex.built("companion_with_uncounted", lambda: companion_pattern(lex)).search(clause)
    )


def companion_pattern(lex: Lexicon) -> re.Pattern:
    companions = lex.phrases("companion_words").pattern
    groups = lex.phrases("uncounted_groups").pattern
    return re.compile(rf"(?:{companions})\s+(?:(?:{groups})\b)", re.I)


def sentence_says(key: str, text: str, sentence: Sentence, lex: Lexicon) -> bool:
    """Does the sentence hold one of the lexicon's `key` phrases anywhere? For cues that set a
    whole sentence's counts apart: another case (`other_case_cues`: 'in a separate case', 'en
    otro caso': that case's people, not the story's) or one day among several
    (`day_of_several`: 'on the first day', 'el primer día': a part of the running count, with no
    date to set it beside others of that day)."""
    return bool(lex.phrases(key).search(text, sentence.start, sentence.end))


def on_a_list(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'published a list of 415 residents', 'una lista de 40 buscados': the length of a list
    (`list_openers`) is what someone wrote down, not the count the story keeps (the missing,
    the wanted) as of a moment."""
    window = text[max(floor, number.start - 30) : number.start]
    determiners = lex.alternation("determiners")
    return bool(
        re.search(
            rf"(?:{lex.phrases('list_openers').pattern})\s+(?:(?:{determiners})\s+)?$",
            window,
            re.I,
        )
    )


def earlier_state(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> bool:
    """'found 210 residents who had been reported missing', 'localizaron a 40 vecinos que
    habían sido dados por desaparecidos': when the measure is read from a relative clause in
    the past perfect (`earlier_state_openers`), it is what the people had been, not what the
    sentence counts them as now."""
    clause = clause_after(text, claim.end, min(sentence.end, claim.end + 80))
    found = re.search(lex.phrases("earlier_state_openers").pattern, clause, re.I)
    return bool(found) and bool(lex.event_re.search(clause[found.end() :]))


def undone_later(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> bool:
    """'6 people survived, one of whom later died', 'seis sobrevivieron, una de ellas falleció
    después': a part of the count said to have met an event that undoes its measure
    (`undoing_events`) makes the figure one of an earlier moment (those pulled out alive),
    not what the story counts now."""
    undoing = lex.get("undoing_events") or {}
    own = next((e for e in undoing if claim.attribute.endswith(" " + e)), None)
    if own is None:
        return False
    figures = rf"(?:\d[\d.,]*|{lex.alternation('words', 'one_words')})"
    parts = lex.phrases("part_markers_after").pattern
    markers = lex.phrases("part_markers_before").pattern
    adverbs = lex.phrases("adverbs_before_event").pattern
    after = text[claim.end : sentence.end]
    shape = rf"\b(?:{figures}\s+(?:{parts})|(?:{markers})\s+{figures})\s+"
    for part in re.finditer(shape, after, re.I):
        found = re.match(rf"(?:(?:{adverbs})\s+)?", after[part.end() :], re.I)
        event = lex.event_re.match(after, part.end() + found.end())
        if event and lex.event_named(event) in undoing[own]:
            return True
    return False


def opens_a_whole(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'De los 9 chilenos que viajaban ..., cuatro murieron': the number is the whole the
    next count of the sentence is a part of."""
    window = text[max(floor, number.start - 12) : number.start]
    opener = re.search(lex.phrases("whole_openers").pattern + r"\s+$", window, re.I)
    if not opener:
        return False
    if lex.get("compound_prepositions") and lex.built(
        "compound_preposition_before",
        lambda: re.compile(
            rf"(?:^|\s)(?:{lex.phrases('compound_prepositions').pattern})\s+$", re.I
        ),
    ).search(text[max(floor, number.start - 40) : number.start - len(window) + opener.start()]):
        return False  # "además de los 22 jugadores": besides them, no whole of what follows
    # "the release of the 40 workers", "la liberación de los 40 trabajadores": the event
    # governs them, whole; not people named by an event of their own ("la búsqueda de los
    # seis fallecidos": the search does not make the dead missing), who stay apart
    noun = lex.noun_re.match(text, number.end + 1)
    if noun and fold(re.sub(r"\s+", " ", noun.group(0))) in lex.event_noun_of:
        return True
    reach = text[max(floor, number.start - 60) : number.start]
    determiners = lex.alternation("determiners")
    return not any(
        fold(event.group(0)).split()[-1] in lex.get_set("governing_prepositions")
        and re.fullmatch(rf"\s*(?:(?:{determiners})\s+)?", reach[event.end() :], re.I)
        for event in lex.event_re.finditer(reach)
    )


def counts_its_own_measure(text: str, number: Number, lex: Lexicon) -> bool:
    """'among the 64 injured', 'de los 22 fallecidos': a whole whose own noun names what
    happened to the people (`event_nouns`) is a total of that measure, whatever its parts say."""
    noun = lex.noun_re.match(text, number.end + 1)
    if noun and fold(re.sub(r"\s+", " ", noun.group(0))) in lex.event_noun_of:
        return True
    return bool(re.match(r"\s", text[number.end : number.end + 1])) and bool(
        lex.event_re.match(text, number.end + 1)
    )


def severe(text: str, claim: Claim, sentence: Sentence, lex: Lexicon) -> str:
    """The grade of an injury count: 'seriously injured', '395 of whom remain in serious
    condition', '2.310 se encuentran en estado grave', 'heridos de gravedad': "seriously";
    '20 in critical condition': "critically", a grade of its own. "130 heridas, 18 de ellas en
    estado crítico", "about 30 injured, most of them critically": "part", the grade is a
    part's, after a comma that opens it. Else ""."""
    markers = lex.phrases("severity_markers")
    before = text[max(sentence.start, claim.start - 25) : claim.start]
    found = re.search(markers.pattern + r"\s+$", before, re.I)
    if not found:
        window = text[claim.start : min(sentence.end, claim.end + 45)]
        cut = re.search(r"[;(]|\d[\d.,]*\s+(?!de\b)", window[len(claim.quote) :])
        if cut:
            window = window[: len(claim.quote) + cut.start()]
        words = lex.alternation("words")
        of_them = lex.phrases("part_markers_after").pattern
        openers = lex.phrases("severity_part_openers").pattern
        part = re.search(
            rf",\s*(?:(?:\d[\d.,]*|(?:{words}))\s+{of_them}|{openers})",
            window[len(claim.quote) :],
            re.I,
        )
        if part:
            found = markers.search(window[: len(claim.quote) + part.start()])
            if not found:
                return "part" if markers.search(window) else ""
        else:
            found = markers.search(window)
    if not found:
        return ""
    return "critically" if lex.phrases("critical_markers").search(found.group(0)) else "seriously"


def own_event(text: str, number: Number, limit: int, lex: Lexicon) -> bool:
    """Is an event worded in the count's own clause, after it ('ocho fallecieron')?"""
    return bool(lex.event_re.search(clause_after(text, number.end, limit)))


def inherited_measure(own: str, parent: str, lex: Lexicon) -> str:
    """What a part counts: its own kind of people, with what happened to the whole ('29
    arrests, including eight judges': judges arrested); else the whole's measure."""
    parent = measure_of(parent)
    if not parent.startswith("people "):
        return parent
    for group in sorted(set(lex.group_of.values()), key=len, reverse=True):
        if own == group or own.startswith(group + " "):
            return f"{group} {parent.removeprefix('people ')}"
    return parent


def measure_of(attribute: str) -> str:
    return re.sub(r"\b(?:seriously|critically) injured$", "injured", attribute)


def apply_frames(
    sentence: Sentence, text: str, lex: Lexicon, counted: list[Counted]
) -> list[Claim]:
    """Give each count of one sentence its frame, and abstain where it cannot be read."""
    people = [c for c in counted if c.claim.kind == "count"]
    whole: Counted | None = None
    previous: Counted | None = None
    parents: dict[int, Counted | None] = {}
    graded_in_part: set[int] = set()
    own_wholes: list[Counted] = []
    # cues that set every count of the sentence apart: searched once, not per count
    other_case = bool(people) and sentence_says("other_case_cues", text, sentence, lex)
    one_day = bool(people) and sentence_says("day_of_several", text, sentence, lex)
    joins_countries = bool(people) and countries_joined(text[sentence.start : sentence.end], lex)
    for item in people:
        claim, number = item.claim, item.number
        frame: dict = {}
        comparable = claim.extra.get("comparable", False)
        parent = None
        marked = part_marker_before(text, sentence.start, number, lex) or part_marker_after(
            text, number, sentence.end, lex
        )
        opens = not claim.extra.get("whole_of") and opens_a_whole(text, sentence.start, number, lex)
        if opens:
            # "Of the 22 dead, one was a child, while among the 64 injured are 14 children":
            # a whole the sentence opens anew ends the reach of the one before it
            whole = None
        if marked:
            parent = previous
            if previous is not None and id(previous) in parents:  # the list goes on: one whole
                parent = parents[id(previous)]
            if parent is None:  # "tres de las víctimas, incluido un herido y dos ..."
                frame["unclear"] = "a part of a group the sentence does not count"
            parents[id(item)] = parent
        elif whole is not None:
            parent = whole  # "De las 218 víctimas, 169 ..., 45 ...": every later count a part
        if claim.extra.get("whole_of"):
            frame["whole_of"] = claim.extra.pop("whole_of")  # "15 of the 31": the 31 is whole
        elif opens:
            whole = item  # "De los 14 hondureños que viajaban": what it counts is its part's
            frame["unclear"] = "the whole that a later count is a part of"
            if counts_its_own_measure(text, number, lex):
                own_wholes.append(item)  # compared if a later count is its part (below)
            else:
                comparable = False
        nationality = nationality_of(text, number, claim, sentence, lex)
        place = place_of(text, number, claim, sentence, lex)
        if claim.extra.get("listed") and not place:  # "Muertos por distrito: Tolsa: 21; ..."
            place = (listed_place(text, sentence, number, lex) or (None, None))[1]
        if parent is not None:
            frame["part_of"] = parent.claim.value
            if (
                own_event(text, number, sentence.end, lex)
                and not own_event(text, parent.number, sentence.end, lex)
                and parent.claim.attribute == claim.attribute
            ):  # "14 chilenos, de los cuales nueve fallecieron": the 14 did not all die
                parent.claim.extra["frame"]["unclear"] = "a whole whose parts say what happened"
            parent_frame = parent.claim.extra.get("frame") or {}
            nationality = nationality or parent_frame.get("nationality")
            place = place or parent_frame.get("place")
            if not own_event(text, number, sentence.end, lex) and parent.claim.attribute:
                claim.attribute = inherited_measure(claim.attribute, parent.claim.attribute, lex)
                comparable = parent.claim.extra.get("comparable", False) or comparable
        base = claim.attribute.removeprefix("additional ")
        other_measure = False
        if (
            claim.extra.get("additional") is not None
            and previous is not None
            and measure_of(previous.claim.attribute) != measure_of(base)
        ):  # "180 died and another 95 were injured": no increment of the dead
            claim.attribute, comparable = base, claim.extra["additional"]
            other_measure = True
            # "siete venezolanos murieron y otros cinco resultaron heridos": of the same kind
            nationality = nationality or (previous.claim.extra.get("frame") or {}).get(
                "nationality"
            )
        grade = severe(text, claim, sentence, lex) if claim.attribute.endswith(" injured") else ""
        if grade in ("seriously", "critically"):
            claim.attribute = claim.attribute[: -len("injured")] + f"{grade} injured"
            if parent is not None and id(parent) in graded_in_part:
                # "140 heridas, 12 de ellas en estado crítico", "30 injured, most of them
                # critically": a graded part appended to its total is kept but not compared
                # (abstain): on real news such parts joined figures of two different facts
                frame["unclear"] = "a graded part appended to its total"
        elif grade == "part":  # the total injured, whose part is graded after it
            graded_in_part.add(id(item))
        if nationals(text, number, sentence, lex):
            frame["unclear"] = "counted as nationals of a country the sentence names elsewhere"
        named_group = named_group_before(text, sentence.start, claim.start, lex)
        setting, where = (
            ("", "")
            if frame.get("whole_of")
            else setting_after(text, claim, sentence, lex, apposed=named_group)
        )
        # "buena parte de los muertos, 21, se registraron en Tolsa": Tolsa's figure
        named_part = setting == "named" and (parent is not None or named_group)
        if (setting == "place" or named_part) and not place:
            place = where
        elif setting == "part":
            frame["unclear"] = f"a sub-group of the count, by where or how ('{where}')"
        if share_of_total(text, claim, sentence, lex):
            frame["unclear"] = "a share of a larger total"
        if claim.attribute in lex.get_set("place_things") and re.search(
            lex.phrases("setting_prepositions").pattern + r"\s+$",
            text[sentence.start : number.start],
            re.I,
        ):  # "murieron en cuatro localidades": where another figure happened, not a fact
            frame["unclear"] = "the places another figure is spread over"
        added = summed(text, number, sentence, lex)
        if added == "added":
            frame["unclear"] = "a figure the sentence adds to another to make a total"
        elif added == "total":
            frame["unclear"] = "a total the sentence makes by adding figures together"
        beside_another = previous is not None and measure_of(
            previous.claim.attribute.removeprefix("additional ")
        ) != measure_of(claim.attribute.removeprefix("additional "))
        rest = remainder(text, number, sentence, lex)
        if rest and not (claim.extra.get("set") or other_measure or beside_another):
            frame["unclear"] = REST
        elif (
            rest and beside_another and not other_measure and claim.attribute.startswith("people ")
        ):
            # "41 killed and 263 others injured": the others are not the killed, nor the rest
            # of them; what is said of them makes the total of its own measure
            comparable = True
        if named_group and not (parent or named_part):
            frame["unclear"] = "a part of a group the sentence names before it"
        if not place:
            place = place_opening_the_clause(text, claim, sentence, lex)
        if not place and not nationality:
            country = country_opening_the_clause(text, claim, sentence, lex)
            if country:
                frame["country"] = country
        if not place and joins_countries:
            frame["unclear"] = "a figure over several countries the sentence joins"
        within = setting_named_before(text, claim, sentence, lex)
        if within:
            frame["unclear"] = f"a sub-group of the count, by where or how ('{within}')"
        if earlier_state(text, claim, sentence, lex):
            frame["unclear"] = "what the people had been, not what they are counted as now"
        if undone_later(text, claim, sentence, lex):
            frame["unclear"] = "a figure a part of which the sentence says was later undone"
        if earlier_moment(text, claim, sentence, lex):
            frame["unclear"] = "a figure of an earlier moment than the sentence's own"
        if number.qualifier == "exact" and number.low != int(number.low):
            # "1.7 resultaron afectadas": people come whole; the figure lost its scale word
            frame["unclear"] = "a fraction of a person: a figure whose scale word is lost"
        if on_a_list(text, sentence.start, number, lex):
            frame["unclear"] = "the length of a list, not the count itself"
        if with_uncounted_companions(text, number, sentence.end, lex):
            frame["unclear"] = "a part of a set the sentence says has uncounted others"
        if projected(text, sentence.start, number, sentence.end, lex):
            frame["unclear"] = "a projection of what the figure may become, not a count"
        if other_case:
            frame["unclear"] = "a count of another case than the story's"
        if earlier_disaster(text, number, sentence, lex):
            frame["unclear"] = "a count of an earlier disaster the story is measured against"
        if one_day:
            frame["unclear"] = "a figure of one day among several"
        if handled_group(text, claim, number, sentence, lex):
            frame["unclear"] = "a part of the count moved or treated somewhere"
        if age_band(text, number, sentence, lex):
            frame["unclear"] = "a sub-group the sentence names after the count"
        if predicate_group(text, number, sentence, lex) and not frame.get("whole_of"):
            frame["unclear"] = "a sub-group the sentence names after the count"
        if coordinated_part(text, item, previous, sentence, lex):
            kind = kind_beside(text, claim, number, lex)
            if kind:  # "64 passengers and six crew members": the passengers, not a part
                claim.attribute = f"{kind} {claim.attribute.removeprefix('people ')}"
            else:
                frame["unclear"] = "one kind of people counted beside another"
        if (
            (claim.extra.get("elided") or claim.end <= number.end)
            and previous is not None
            and previous.claim.extra["frame"].get("unclear", "").startswith(PASSED_ON)
        ):  # "66 were found in homes, most in towns like Tolsa (22)": figures of the sub-group
            frame["unclear"] = "a figure of a sub-group counted before it"
        if nationality:
            frame["nationality"] = nationality
        if place and fold(place) in lex.months:
            frame["period"] = fold(place)  # "In March, 27 people were killed": a time, no place
        elif place:
            frame["place"] = place
        if (
            parent is not None
            and not own_event(text, number, sentence.end, lex)
            and not (
                nationality != (parent.claim.extra.get("frame") or {}).get("nationality")
                or place != (parent.claim.extra.get("frame") or {}).get("place")
                or claim.attribute != parent.claim.attribute
            )
        ):
            frame["unclear"] = "a part of another count, with nothing that tells it apart"
        claim.extra["frame"] = frame
        claim.extra["comparable"] = comparable
        previous = item
    for item in own_wholes:  # "among the 64 injured are 14 children": the 64 is the total
        frame = item.claim.extra["frame"]
        if frame.get("unclear") == "the whole that a later count is a part of" and any(
            (other.claim.extra.get("frame") or {}).get("part_of") == item.claim.value
            for other in people
            if other is not item
        ):
            del frame["unclear"]
    unclear_repeats(sentence, text, lex, people)
    for index, item in enumerate(people):
        if item.claim.extra["frame"].get("unclear"):
            item.claim.extra["comparable"] = False
            name_the_kind(text, item, sentence, lex)
        if not item.claim.extra["comparable"] and index:
            measure_the_rest(text, item, people[index - 1], sentence, lex)
    return [c.claim for c in counted]


def increments_of_a_new_measure(claims: list[Claim]) -> None:
    """'Forty were killed. Sixty more are still unaccounted for': the 'more' sets the missing
    beside the dead counted before; it adds to no earlier count of the missing. An increment
    whose measure no earlier count of the document has, read after a count of another measure
    in an earlier sentence, is that measure's total and is compared as a total would be. An
    increment of a measure counted before stays an increment (within one sentence
    `apply_frames` decides)."""
    seen: set[str] = set()
    previous: Claim | None = None
    for claim in sorted((c for c in claims if c.kind == "count" and c.attribute), key=start_of):
        base = claim.attribute.removeprefix("additional ")
        measure = measure_of(base)
        if (
            claim.attribute != base
            and claim.extra.get("additional") is not None
            and previous is not None
            and previous.sentence != claim.sentence
            and measure_of(previous.attribute.removeprefix("additional ")) != measure
            and measure not in seen
            and (claim.extra.get("frame") or {}).get("unclear", REST) == REST
        ):  # "more are still missing": the rest of no set once 'more' adds to nothing
            claim.attribute = base
            claim.extra["comparable"] = claim.extra["additional"]
            claim.extra.get("frame", {}).pop("unclear", None)
        seen.add(measure)
        previous = claim


def start_of(claim: Claim) -> int:
    return claim.start


def measure_the_rest(
    text: str, item: Counted, previous: Counted, sentence: Sentence, lex: Lexicon
) -> None:
    """'19 murieron en el acto y tres más en la clínica': an uncompared rest that says
    nothing of its own people is of the measure of the count before it, not bare 'people'."""
    claim = item.claim
    additional = claim.attribute.startswith("additional ")
    if claim.attribute.removeprefix("additional ") != "people":
        return
    if not remainder(text, item.number, sentence, lex):
        return
    before = measure_of(previous.claim.attribute.removeprefix("additional "))
    if " " in before:
        claim.attribute = ("additional " if additional else "") + before


def kind_beside(text: str, claim: Claim, number: Number, lex: Lexicon) -> str | None:
    """The kind a noun of people in general still names when counted beside another kind
    (`beside_kinds`): '64 passengers and six crew members' counts the passengers, a measure
    of its own, where '30 people and five guards' counts a part of some total."""
    kinds = lex.built("beside_kinds", lambda: invert(lex.get("beside_kinds")))
    return kinds.get(" ".join(fold(text[number.end : claim.end]).split())) if kinds else None


def kind_named(text: str, number: Number, limit: int, lex: Lexicon) -> str | None:
    """The kind of people written with a count: '100 teenagers' and '85 son mujeres' give
    'teenagers' and 'women'; None where the count names no kind (`groups`, `part_kinds`)."""
    built = lex.__dict__.setdefault("_kind_patterns", {})
    pattern = built.get("kind")
    if pattern is None:
        built["kinds"] = {**invert(lex.get("part_kinds")), **lex.group_of}
        groups = phrase_pattern(built["kinds"]).pattern
        copulas = lex.phrases("copulas").pattern
        determiners = lex.phrases("determiners").pattern
        pattern = built["kind"] = re.compile(
            rf"\s+(?:{copulas}\s+)?(?:{determiners}\s+)?({groups})", re.I
        )
    found = pattern.match(text, number.end, limit)
    if not found:
        return None
    return built["kinds"].get(" ".join(fold(found.group(1)).split()))


def name_the_kind(text: str, item: Counted, sentence: Sentence, lex: Lexicon) -> None:
    """A count that is not compared because it is a part of a total says in its measure what
    kind of people it counts: '12 women among the dead' is women killed, not people killed, so
    the claim list says what the article says. Only uncompared counts are renamed: the new
    measure never meets another count."""
    claim = item.claim
    if not claim.attribute.startswith("people "):
        return
    kind = kind_named(text, item.number, sentence.end, lex)
    if kind:
        claim.attribute = f"{kind} {claim.attribute.removeprefix('people ')}"


def unclear_repeats(sentence: Sentence, text: str, lex: Lexicon, people: list[Counted]) -> None:
    """Two different figures of one frame in one sentence ('in A and B, 321 and 103
    respectively'; a breakdown whose places were not read): neither is compared."""
    if not people:
        return  # most sentences count nobody: no need to look for 'respectively'
    respectively = bool(lex.phrases("respectively_words").search(sentence.text))
    seen: dict[tuple, list[Counted]] = {}
    for item in people:
        claim = item.claim
        if not claim.extra.get("comparable") or claim.extra["frame"].get("unclear"):
            continue
        key = (claim.attribute, frame_key(claim.extra))
        seen.setdefault(key, []).append(item)
    for key, items in seen.items():
        values = {(i.claim.low, i.claim.high) for i in items}
        if len(values) > 1 or (respectively and not key[1]):
            for item in items:
                item.claim.extra["frame"]["unclear"] = "one sentence gives this frame two figures"


def set_aside_earlier_events(
    counts: list[Claim], dates: list[Claim], reference: PartialDate
) -> None:
    """A sentence dated to an earlier year speaks of another event: 'the 2004 quake, in which
    629 people died' is not this quake's toll. Its counts are kept, not compared."""
    if reference.year is None or not counts:
        return
    # A term of office in passing ("Correa (2007–2017)") dates a person, not the sentence.
    years = [PartialDate.parse(d.date).year for d in dates if d.date and d.attribute != "period"]
    if not any(year is not None and year < reference.year for year in years):
        return
    for claim in counts:
        frame = claim.extra.setdefault("frame", {})
        frame["unclear"] = "the sentence is dated to an earlier year: another event"
        claim.extra["comparable"] = False


def date_the_counts(counts: list[Claim], dates: list[Claim], text: str, lex: Lexicon) -> None:
    """When a count's figure was true, or which day's event it counts, from a date that opens
    its clause. After an as-of word ('as of Sunday 10 September, 2,012 had died', 'hasta el
    domingo') the date is the figure's own date (`extra.as_of`): a running total, compared
    with the others as a figure that grows. Opened by a preposition of time ('On Saturday,
    193 were detained', 'El sábado, 193 personas') the count is of that day's event
    (`frame.day`): it meets only counts of the same day, unless that day is the story's main
    event (`match.build_blocks`). A date after the count, or one that cannot be read, says
    nothing."""
    if not counts:
        return  # most sentences count nothing: no need to build the date wordings
    as_of = lex.phrases("as_of_words").pattern
    on = lex.phrases("day_prepositions").pattern
    articles = lex.alternation("definite_articles")
    for claim in counts:
        if claim.kind != "count" or not claim.extra.get("comparable"):
            continue
        said = date_of_its_verb(claim, dates, text, lex)
        if said:
            claim.extra.setdefault("frame", {})["day"] = said
            continue
        before = [d for d in dates if d.end <= claim.start and d.attribute != "period"]
        if not before:
            continue
        date = before[-1]
        between = text[date.end : claim.start]
        if re.search(r"[;:.!?]|\d", between) or len(between) > 40:
            continue  # the date is another clause's
        lead = text[max(0, date.start - 25) : date.start]
        when = date.date if PartialDate.parse(date.date).day else None
        if re.search(rf"{as_of}\s+(?:(?:{articles})\s+)?$", lead, re.I):
            if when:
                claim.extra["as_of"] = when
            continue
        opened = re.search(r"(?:^|[.;:]\s*|\n\s*)" + on + r"\s+$", lead, re.I)
        day = when or (fold(date.weekday) if date.weekday else None)
        if opened and day:
            claim.extra.setdefault("frame", {})["day"] = day


def date_of_its_verb(claim: Claim, dates: list[Claim], text: str, lex: Lexicon) -> str | None:
    """'193 protesters who were detained last Saturday', '193 manifestantes detenidos el
    pasado sábado': a day that the count's own verb, right after it, is said to have happened
    on. The day as a date, or as a weekday where the article gives no date."""
    on = lex.phrases("day_prepositions").pattern
    for date in dates:
        if date.start < claim.end or date.attribute == "period":
            continue
        between = text[claim.end : date.start]
        if len(between) > 45 or re.search(r"[,;:.!?()]|\d", between):
            return None
        verb = lex.event_re.search(between)
        opened = re.search(on + r"\s+$", between[verb.end() :], re.I) if verb else None
        if not verb or not (opened or re.match(on, date.quote, re.I)):
            return None
        if PartialDate.parse(date.date).day:
            return date.date
        return fold(date.weekday) if date.weekday else None
    return None


def counting_body(attribution: str | None, lex: Lexicon) -> str | None:
    """Who counted, from the sentence's attribution, when it is clear: an organisation named
    as one ('según la ONG Foro Penal', 'the rights group Acme Watch said') is its name, folded
    ('foro penal'). Figures of two bodies are two facts, not a contradiction. The state's own
    count ('according to police', 'the Interior Ministry said') is what news reports without
    naming a source, so it names no body and meets the unattributed figures; so do a vague
    source ('sources') and an organisation without its name (`organisation_nouns`) here; a
    non-governmental body without its name is read by `body_beside_a_verb`."""
    if not attribution:
        return None
    organisations = lex.get_set("organisation_nouns")
    if not {fold(w) for w in re.findall(r"[\w'’-]+", attribution)} & organisations:
        return None
    names = [
        name
        for name in re.findall(PLACE, attribution)
        if not {fold(w) for w in name.split()} <= organisations | lex.not_name_starters
    ]
    if len(names) != 1 or lex.phrases("official_bodies").search(names[0]):
        return None  # two names, or none, or a ministry's: not clearly one counting body
    words = [w for w in names[0].split() if fold(w) not in organisations]
    return " ".join(fold(w) for w in words) or None


def body_beside_a_verb(text: str, lex: Lexicon) -> str | None:
    """A non-governmental body that gives the sentence's figures, named beside a verb of saying
    or counting, before or after the figure ('..., announced the NGO', 'según la ONG', 'the
    rights group documented 40 arrests'): its name when one follows ('the NGO Foro Penal'),
    else the kind of body (`counting_body_kinds`). None when no such body is next to such a
    verb, when two are, or when a state body is named in the sentence too (unclear who
    counted: abstain)."""
    cache = lex.__dict__.setdefault("_body_patterns", {})
    if not cache:
        verbs = [*lex.speech_verbs, *lex.data.get("counting_verbs", [])]
        cache["verb"] = phrase_pattern([*verbs, *lex.data.get("attribution_before", [])])
        cache["body"] = lex.phrases("nongovernmental_nouns")
    found = set()
    for match in cache["body"].finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 60]
        # "la Organización No Gubernamental (ONG) Foro Penal": its acronym in brackets
        after = re.sub(r"^\s*\([^()]{1,15}\)", "", after)
        name = re.match(rf"\s+({PLACE})", after)
        tail = after[name.end() :] if name else after
        verb_before = any(
            re.fullmatch(r"\s+(?:[^\W\d]+\s+){0,4}", before[v.end() :])
            for v in cache["verb"].finditer(before)
        )
        head = re.match(r"(?:\s+[^\W\d]+){0,3}?\s+", tail)
        verb_after = bool(head and cache["verb"].match(tail, head.end()))
        if verb_before or verb_after:
            found.add(fold(name.group(1)) if name else lex.data["counting_body_kinds"][0])
    if len(found) != 1 or lex.phrases("official_bodies").search(text):
        return None
    return found.pop()


def name_the_counting_body(
    counts: list[Claim], attribution: str | None, lex: Lexicon, text: str = ""
) -> None:
    """Put the body that counted into the frame of each count of the sentence ('according to
    Foro Penal, 177 were arrested', '..., announced the NGO'); a count with no body named
    keeps its frame, as does one whose attribution is a state body."""
    if not any(claim.kind == "count" for claim in counts):
        return  # no count to give the body to: no need to look for one
    body = counting_body(attribution, lex)
    if not body and not (attribution and lex.phrases("official_bodies").search(attribution)):
        body = body_beside_a_verb(text, lex) if text else None
    if not body:
        return
    for claim in counts:
        if claim.kind == "count":
            claim.extra.setdefault("frame", {})["body"] = body
