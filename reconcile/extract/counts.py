"""Counts, money and percentages: what a number counts and what happened to it.

"29 arrests, including eight judges" gives people arrested = 29 and judges arrested = 8;
"nine judges and eight high-ranking police officials were arrested" gives judges arrested = 9
and police officers arrested = 8; "75 simultaneous raids in seven provinces" gives raids = 75
and provinces = 7. Attributes come from the measures lexicon, so different wordings of one
measure ("detained", "taken into custody") meet under one key.
"""

from __future__ import annotations

import re

from ..lexicon import Lexicon, fold, longest_first
from ..models import Claim, Sentence
from ..numbers import Number
from ..output import number_text
from .frames import (
    UPPER,
    Counted,
    apply_frames,
    listed_place_measure,
    named_group_before,
    part_marker_after,
    part_marker_before,
)
from .quantities import measured

EVENT_WORDING_SLACK = 200  # longer than any event wording, its spaces included


def nearest_event(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    start: int,
    end: int,
    noun_end: int | None = None,
    dates: tuple[tuple[int, int], ...] = (),
    skip: str = "",
):
    """The event wording nearest to a number in its sentence. Distance after the number is
    counted from the end of its noun ("340 families were evacuated"); crossing a comma or a
    conjunction into another clause ("killed and 340 families") costs more."""
    after = noun_end or end
    best, best_score = None, 10_000
    # Only wordings within reach can be chosen (a score is at least the distance): searching
    # the whole sentence for each number made a sentence of numbers quadratic.
    reach = 130 + EVENT_WORDING_SLACK
    low, high = max(sentence.start, start - reach), min(sentence.end, after + reach)
    for match in lex.event_re.finditer(text, low, high):
        if match.start() < end and match.end() > start:
            continue
        if (match.start() - after if match.start() >= after else start - match.end()) > 130:
            continue  # its score is at least this distance: it could never be chosen
        if any(s < match.end() and match.start() < e for s, e in dates):
            continue  # "March" in "in March 2014" is a month, not a march
        if skip and lex.event_named(match) == skip:
            continue
        between = (
            text[after : match.start()] if match.start() >= after else text[match.end() : start]
        )
        if match.start() >= end and match.start() < after:
            between = ""  # the event is the noun itself
        elif match.start() >= after and event_has_own_count(text, match.end(), sentence.end, lex):
            continue  # "la muerte de 12 pasajeros y heridas a otros 30": the 30 were injured
        elif match.start() >= after and governs_an_object(text, match, sentence.end, lex):
            continue  # "900 troops joined the search for bodies": the bodies are missing
        elif match.start() >= after and toll_of_another_clause(text, after, match, lex):
            continue  # "412 were inside and the death toll is the worst": the toll's own
        elif match.start() >= after and governed(text, sentence.start, match, lex):
            continue  # "500 troops searching for survivors": the object's, not the troops'
        elif match.end() <= start and event_has_own_people(text, sentence.start, match, start, lex):
            continue  # "unclear how many people were detained, but ... some 15 people in cuffs"
        elif match.end() <= start and event_has_own_object(text, match, start, lex):
            continue  # "released a statement saying 30 ...": the statement was released
        score = (
            len(between)
            + 60 * between.count(",")
            + 30 * len(lex.phrases("clause_conjunctions").findall(between))
            + 200 * len(re.findall(r"[;:—()]", between))
        )
        if score < best_score:
            best, best_score = match, score
    if best is None or best_score > 130:
        return None
    return lex.event_named(best)


def toll_of_another_clause(text: str, after: int, match: re.Match, lex: Lexicon) -> bool:
    """Is an event after a number a toll named in a clause of its own ('412 people were inside
    and the death toll is the worst on record', 'y el número de fallecidos supera al de 1992')?
    The toll is that clause's subject: its figure, if any, is its own, not the number before."""
    between = text[after : match.start()]
    if not lex.phrases("clause_conjunctions").search(between):
        return False
    if fold(match.group(0)) in lex.get_set("toll_wordings"):
        return True
    if lex.phrases("toll_heads").match(match.group(0)):
        return True  # "cifra de muertos": a wording that opens with a toll's head
    return bool(toll_head_before(lex).search(between))


def toll_head_before(lex: Lexicon) -> re.Pattern:
    """A `toll_heads` word ending a stretch of text ('... the number of '), built once."""
    return lex.built(
        "toll_head_before",
        lambda: re.compile(rf"(?:^|\s){lex.phrases('toll_heads').pattern}\s+$", re.I),
    )


def event_has_own_count(text: str, start: int, limit: int, lex: Lexicon) -> bool:
    """Is an event followed by a number of its own ('injuring 85', 'heridas a otras 85')?"""
    window = text[start : min(limit, start + 25)]
    match = re.match(
        r"\s+((?:[a-záéíóúñü]+\s+){0,3})(?:\d|(?:" + lex.phrases("words").pattern + r")\b)", window
    )
    if not match or fold(match.group(0).split()[-1]) in lex.get_set("one_words"):
        return False
    gap = lex.qualifier_re.sub(" ", match.group(1))
    links = lex.get_set("event_object_links") | set(lex.additional)
    return all(fold(word) in links for word in gap.split())


def governs_an_object(text: str, event: re.Match, limit: int, lex: Lexicon) -> bool:
    """An event wording that ends in a preposition ('the search for', 'la búsqueda de') with a
    noun after it, not a number: said of that object, never of a count before it."""
    if fold(event.group(0)).split()[-1] not in lex.get_set("governing_prepositions"):
        return False
    word = re.match(r"\s+([\w'’-]+)", text[event.end() : limit])
    if not word or (
        fold(word.group(1)) in lex.get_set("count_gap_words")
        and fold(word.group(1)) not in lex.get_set("determiners")
    ):
        return False  # "40 are unaccounted for, officials said", "... for in the town"
    return not re.match(
        rf"\s+(?:(?:{lex.alternation('determiners')})\s+)?(?:\d|(?:{lex.phrases('words').pattern})\b)",
        text[event.end() : limit],
        re.I,
    ) and not lex.qualifier_re.match(text[event.end() : limit].lstrip())


def governed(text: str, floor: int, event: re.Match, lex: Lexicon) -> bool:
    """Is an event wording the object of another that ends in a preposition right before it,
    a determiner at most between ('searching for survivors', 'la búsqueda de los
    desaparecidos')? Then it names those searched for, not the count before them."""
    window = text[max(floor, event.start() - 40) : event.start()]
    gap = lex.built(
        "determiner_gap",
        lambda: re.compile(rf"\s*(?:(?:{lex.alternation('determiners')})\s+)?", re.I),
    )
    return any(
        fold(other.group(0)).split()[-1] in lex.get_set("governing_prepositions")
        and gap.fullmatch(window[other.end() :])
        for other in lex.event_re.finditer(window)
    )


def event_has_own_people(text: str, floor: int, event: re.Match, start: int, lex: Lexicon) -> bool:
    """An event before a number that is said of other people: 'how many people were
    arrested' (its own subject), 'detenciones de migrantes' (its own object)."""
    before = text[max(floor, event.start() - 40) : event.start()]
    auxiliaries = lex.phrases("auxiliaries").pattern
    subject = re.search(rf"([\w'’-]+)\s+((?:(?:{auxiliaries})\s+)+)$", before, re.I)
    active = subject and {fold(w) for w in subject.group(2).split()} <= lex.get_set(
        "perfect_auxiliaries"
    )  # "prosecutors have charged 39 people": the subject charged them
    if subject and not active and fold(subject.group(1)) in lex.people_nouns | set(lex.group_of):
        return True
    between = text[event.end() : start]
    own = re.match(rf"\s+(?:{lex.alternation('of_words')})\s+([a-záéíóúñü][\w'’-]*)", between)
    return (
        bool(own)
        and "," in between
        and fold(own.group(1)) not in lex.get_set("count_gap_words") | lex.number_words
    )


def event_has_own_object(text: str, event: re.Match, start: int, lex: Lexicon) -> bool:
    """An active event before a number with an object of its own right after it, an article
    and a noun that is neither people nor a figure ('released a statement saying 30 ...',
    'released the names of 30 ...'): the event happened to that object, not to the count."""
    own = re.match(
        rf"\s+(?:{lex.alternation('determiners')})\s+([^\W\d_][\w'’-]*)",
        text[event.end() : start],
        re.I,
    )
    if not own:
        return False
    word = fold(own.group(1))
    if word in lex.number_words or word in lex.qualifier_of or lex.qualifier_re.match(own.group(1)):
        return False
    noun = lex.noun_re.match(text, event.end() + own.start(1), start)
    key = fold(re.sub(r"\s+", " ", noun.group(0))) if noun else word
    people = lex.people_nouns | set(lex.group_of) | set(lex.event_noun_of)
    if key in people or word in people:
        return False
    rest = text[event.end() + own.end() : start]
    if not rest.strip():
        return False  # "charges against an additional eight people": a word of the count's
    # "arrested the leaders and 30 members": the count is a second object of the event
    return not (lex.phrases("and_words").search(rest) and len(rest.split()) <= 4)


def auxiliary_tail(lex: Lexicon) -> re.Pattern:
    """Space, then an optional auxiliary and space: what may stand between a noun and the
    event said of it (compiled once: one pattern per noun filled the regex cache)."""
    found = lex.__dict__.get("_auxiliary_tail")
    if found is None:
        found = lex.__dict__["_auxiliary_tail"] = re.compile(
            rf"\s+(?:(?:{lex.phrases('auxiliaries').pattern})\s+)?", re.I
        )
    return found


def event_right_after(text: str, start: int, limit: int, noun: str, lex: Lexicon) -> str | None:
    """The event said of a noun right after it: '<n> co-defendants were convicted'."""
    space = re.match(r"\s+", text[start:limit])
    at = start + space.end() if space else limit
    if not space or text[at : at + len(noun)].lower() != noun.lower():
        return None
    tail = auxiliary_tail(lex).match(text, at + len(noun), limit)
    if not tail:
        return None
    event = lex.event_re.match(text, tail.end(), limit)
    return lex.event_named(event) if event else None


def predicate_event(text: str, noun_end: int, limit: int, lex: Lexicon) -> str | None:
    """What the sentence says of counted people, after their noun and an auxiliary: '72
    injured passengers were hospitalized' counts the hospitalized, not the injured."""
    aside = lex.built("part_aside", lambda: part_aside(lex)).match(text, noun_end, limit)
    if aside and not lex.event_re.search(aside.group(0)):
        # "14 personas, entre ellas dos menores, fueron detenidas": said of the 14 (an aside
        # with an event of its own, "including four involved in it", is left unread)
        noun_end = aside.end()
    else:
        aside = None
    match = auxiliary_run(lex).match(text[noun_end:limit])
    if not match and aside:  # "23 people, including a baby, died": the verb right after
        match = re.match(r"\s+", text[noun_end:limit])
    if not match:
        return None
    # "29 personas siguen detenidas": a wording that holds the auxiliary is read whole
    space = re.match(r"\s+", text[noun_end:limit])
    whole = lex.event_re.match(text, noun_end + space.end(), limit)
    event = whole or lex.event_re.match(text, noun_end + match.end(), limit)
    if event and governs_an_object(text, event, limit, lex):
        return None  # "1,200 soldiers are searching for survivors": they search, not missing
    return lex.event_named(event) if event else None


def part_aside(lex: Lexicon) -> re.Pattern:
    """An aside between commas that names a part of the counted ('14 people, including two
    minors, were detained'): what follows it is still said of the whole."""
    return re.compile(rf",\s*{lex.phrases('part_markers_before').pattern}[^,;:()—]*,", re.I)


def predicate_after_modifier(text: str, noun_end: int, limit: int, lex: Lexicon) -> str | None:
    """'two tourists who were kidnapped on Friday were found dead', 'dos turistas secuestrados
    el viernes fueron hallados muertos': people whose relative clause or participle tells what
    they had been, then a predicate of their own (an auxiliary and an event, in the same
    clause): the predicate says what they are counted as."""
    if not lex.get("relative_openers"):
        return None
    opener = re.match(
        rf"(?:\s+(?:{lex.alternation('relative_openers')})(?=\s))?", text[noun_end:limit], re.I
    )
    at = noun_end + opener.end()
    run = auxiliary_run(lex).match(text[at:limit])
    space = re.match(r"\s+", text[at:limit])
    earlier = lex.event_re.match(text, at + (run or space).end(), limit) if run or space else None
    if not earlier:
        return None
    clause = re.split(r"[,;:()—–]", text[earlier.end() : min(limit, earlier.end() + 70)])[0]
    # "310 people died and another 95 were injured": another clause, of another count
    other = lex.built("another_clause_or_figure", lambda: another_clause_or_figure(lex))
    joined = other.search(clause)
    clause = clause[: joined.start()] if joined else clause
    auxiliaries = auxiliary_run(lex)
    for found in re.finditer(r"\s+", clause):
        run = auxiliaries.match(clause, found.start())
        if not run:
            continue
        at = earlier.end() + run.end()
        # "fueron hallados muertos": a wording that holds the auxiliary is read whole, or
        # one participle between the auxiliary and the event
        between = re.match(r"[a-záéíóúñü]+\s+(?=\w)", text[at:limit])
        later = (
            lex.event_re.match(text, earlier.end() + found.end(), limit)
            or lex.event_re.match(text, at, limit)
            or (between and lex.event_re.match(text, at + between.end(), limit))
        )
        if not later or lex.event_named(later) == lex.event_named(earlier):
            continue
        words = {fold(w) for w in re.findall(r"\w+", text[earlier.end() : later.start()])}
        if words & lex.get_set("negations"):
            return None  # "no fueron liberados": not what befell them
        return lex.event_named(later)
    return None


def another_clause_or_figure(lex: Lexicon) -> re.Pattern:
    """An "and" word or a conjunction opening another clause, or a figure in digits or words:
    where the clause of a predicate ends ("310 people died and another 95 were injured")."""
    return re.compile(
        rf"\s(?:{lex.phrases('and_words').pattern}|{lex.phrases('clause_conjunctions').pattern})\s"
        rf"|\d|\b(?:{lex.phrases('words').pattern})\b",
        re.I,
    )


def remains_before(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'the bodies of two tourists', 'los cuerpos de dos turistas': the people counted are
    dead, whatever else the sentence says of them (`remains_of`)."""
    if not lex.get("remains_of"):
        return False
    window = text[max(floor, number.start - 40) : number.start]
    pattern = lex.built(
        "remains_before",
        lambda: re.compile(
            rf"(?:{lex.phrases('remains_of').pattern})\s+"
            rf"(?:(?:{lex.alternation('determiners')})\s+)?$",
            re.I,
        ),
    )
    return bool(pattern.search(window))


def predicate_after_participle(
    text: str, number: Number, noun: str, noun_end: int, limit: int, lex: Lexicon
) -> str | None:
    """'2 kidnapped tourists found dead', '30 injured fans taken to hospital': an event worded
    between the number and its noun says what the people had been; an event right after the
    noun (a headline's predicate, no auxiliary) says what they are counted as."""
    gap = text[number.end : noun_end - len(noun)]
    if not lex.event_re.search(gap):
        return None
    space = re.match(r"\s+", text[noun_end:limit])
    found = space and lex.event_re.match(text, noun_end + space.end(), limit)
    if not found or governs_an_object(text, found, limit, lex):
        return None
    return lex.event_named(found)


def auxiliary_run(lex: Lexicon) -> re.Pattern:
    """Auxiliaries, or adverbs that may stand before an event ("10,000 people still missing"),
    after the counted noun (built once per lexicon)."""
    return lex.built("auxiliaries_or_adverbs", lambda: auxiliary_run_pattern(lex))


def auxiliary_run_pattern(lex: Lexicon) -> re.Pattern:
    auxiliaries = lex.phrases("auxiliaries").pattern
    adverbs = lex.phrases("adverbs_before_event").pattern
    return re.compile(rf"\s+(?:(?:{auxiliaries}|{adverbs})\s+)+", re.I)


def graded_predicate(text: str, noun_end: int, limit: int, lex: Lexicon) -> str | None:
    """'18 people are in critical condition', '18 personas se encuentran graves': a grade of
    injury said of counted people after an auxiliary makes them injured (frames.py reads the
    grade); None where the predicate is anything else."""
    graded = lex.built("graded_predicate", lambda: graded_pattern(lex)).match(text[noun_end:limit])
    return "injured" if graded else None


def graded_pattern(lex: Lexicon) -> re.Pattern:
    auxiliaries = lex.phrases("auxiliaries").pattern
    adverbs = lex.phrases("adverbs_before_event").pattern
    prepositions = lex.phrases("setting_prepositions").pattern
    determiners = lex.alternation("determiners")
    return re.compile(
        rf"\s+(?:(?:{auxiliaries})\s+)+(?:(?:{adverbs})\s+)?(?:{prepositions}\s+)?"
        rf"(?:(?:{determiners})\s+)?{lex.phrases('severity_markers').pattern}(?!\w)",
        re.I,
    )


def event_said_after(text: str, start: int, limit: int, lex: Lexicon) -> bool:
    """An event said of the number itself, after an auxiliary: 'another 95 were injured',
    '52 more were injured'."""
    auxiliaries = lex.phrases("auxiliaries").pattern
    more = lex.phrases("additional_after").pattern
    adverbs = lex.phrases("adverbs_before_event").pattern
    match = re.match(
        rf"\s+(?:(?:{more})\s+)?(?:(?:{auxiliaries})\s+)(?:(?:{adverbs})\s+)?",
        text[start:limit],
        re.I,
    )  # "215 were later freed"
    if not match:
        return False
    # "942 remain in prison": a wording that holds the auxiliary is read whole, and "12 are
    # still held" one that holds the adverb
    whole = re.match(rf"\s+(?:(?:{more})\s+)?", text[start:limit], re.I)
    bare = re.match(rf"\s+(?:(?:{more})\s+)?(?:(?:{auxiliaries})\s+)", text[start:limit], re.I)
    return bool(
        lex.event_re.match(text, start + whole.end(), limit)
        or lex.event_re.match(text, start + bare.end(), limit)
        or lex.event_re.match(text, start + match.end(), limit)
    )


def governing_event(text: str, floor: int, number: Number, lex: Lexicon) -> str | None:
    """An event wording that ends in a preposition right before a number ('the release of',
    'la liberación de', 'costó la vida a'), a determiner at most between: what happened to
    the people counted, whatever their noun ('173 detenidos' are detainees, released)."""
    window = text[max(floor, number.start - 60) : number.start]
    determiners = lex.alternation("determiners")
    for match in lex.event_re.finditer(window):
        words = fold(match.group(0)).split()
        if words[-1] in lex.get_set("governing_prepositions") and re.fullmatch(
            rf"\s*(?:(?:{determiners})\s+)?", window[match.end() :], re.I
        ):
            return lex.event_of[" ".join(words)]
    return None


def own_predicate(text: str, start: int, limit: int, lex: Lexicon) -> bool:
    """A verb of its own right after a number, that names no event ('y 18 han sufrido
    abusos'): the number is that verb's subject, and no toll noun before it is its measure."""
    auxiliaries = lex.phrases("auxiliaries").pattern
    match = re.match(rf"\s+(?:(?:{auxiliaries})\s+)+", text[start:limit], re.I)
    if not match or {fold(w) for w in match.group(0).split()} <= lex.get_set("copulas"):
        return False  # "77 son mujeres": a copula says what the counted are, a sub-group
    return not lex.event_re.match(text, start + match.end(), limit)


def event_right_before(text: str, floor: int, start: int, lex: Lexicon) -> bool:
    """Is an event wording written right before the number ("injuring more than 100"), an
    `event_object_links` word between or not ("hirió a 16")?"""
    return event_named_right_before(text, floor, start, lex) is not None


def event_named_right_before(text: str, floor: int, start: int, lex: Lexicon) -> str | None:
    """The event `event_right_before` finds ("and injured 260 others"): its name, or None."""
    window = text[max(floor, start - 30) : start]
    links = lex.get_set("event_object_links")
    named = None
    for m in lex.event_re.finditer(window):
        rest = window[m.end() :].split()
        if len(rest) <= 1 and all(fold(w) in links for w in rest):
            named = lex.event_named(m)
    return named


def event_noun_before(sentence: Sentence, text: str, lex: Lexicon, start: int) -> str | None:
    """'The death toll ... rose to 14': an event noun earlier in the clause names the count, as
    does a people noun and its event after a `toll_heads` word ('the number of people killed')."""
    clause = re.split(r"[;:]", text[sentence.start : start])[-1]
    if lex.get("relative_openers"):
        # "la cifra de muertos, que también dejó decenas de heridos, subió a 12": the aside's
        # event is not the toll's (blanked, so that the offsets stay)
        clause = re.sub(
            rf",\s*(?:{lex.alternation('relative_openers')})\b[^,]*,",
            lambda aside: " " * len(aside.group(0)),
            clause,
            flags=re.I,
        )
    found = None
    said = re.compile(rf"(?:^|\s)(?:{lex.phrases('auxiliaries').pattern})\s+$", re.I)
    head = toll_head_before(lex)
    joined = re.compile(rf"\s+(?:{lex.phrases('clause_conjunctions').pattern})\s+", re.I)
    told = 0  # the end of an event already read with its people ("policías heridos")
    for match in lex.noun_re.finditer(clause):
        key = fold(re.sub(r"\s+", " ", match.group(0)))
        if match.start() < told:
            continue
        if key in lex.event_noun_of:
            if said.search(clause[: match.start()]):
                continue  # "240 personas han sido detenidas y 18 ...": a verb, said of the 240
            found = lex.event_noun_of[key]
            other = head.search(clause[: match.start()]) and joined.match(clause, match.end())
            event = other and lex.event_re.match(clause, other.end())
            if event and "people " + lex.event_named(event) != found:
                return None  # "the number of dead and injured": two measures in one figure
        elif (key in lex.people_nouns or key in lex.group_of) and head.search(
            clause[: match.start()]
        ):
            # "the number of people killed has risen to 37": the people and their event
            event = lex.event_re.match(clause, match.end() + 1)
            if event and clause[match.end() : match.end() + 1].isspace():
                group = "people" if key in lex.people_nouns else lex.group_of[key]
                said_event = lex.event_named(event)
                found = f"{group} {said_event}"
                told = event.end()
    return found


def toll_of_people(
    sentence: Sentence, text: str, lex: Lexicon, number: Number, noun_end: int, event: str | None
) -> str | None:
    """'la cifra de muertos queda en 1.500 personas y los heridos suben a 900': the people
    counted right after a toll are its people, not those of the next clause's event.
    Only the first number of its clause, and only where the event nearest to it comes after it."""
    clause = re.split(r"[;:]", text[sentence.start : number.start])[-1]
    if not event or re.search(r"\d", clause):
        return None
    later = lex.event_re.search(text, noun_end, sentence.end)
    if not later or lex.event_named(later) != event:
        return None
    if not text[noun_end : later.start()].strip():
        return None  # "dieron por muertos a seis trabajadores desaparecidos": the noun's own
    toll = event_noun_before(sentence, text, lex, number.start)
    if not toll or not toll.startswith("people ") or toll == f"people {event}":
        return None
    return toll.removeprefix("people ")


def head_noun(text: str, number: Number, limit: int, lex: Lexicon):
    """The counted noun after a number, skipping up to three modifiers: (wording, match end)."""
    window_end = min(limit, number.end + 60)
    match = lex.noun_re.search(text, number.end, window_end)
    if match:
        gap = text[number.end : match.start()]
        words = gap.split()
        stop = lex.get_set("count_gap_words")  # "29 of the ...": the noun is not counted
        scaled = number.text.split() and fold(number.text.split()[-1]) in lex.scales
        if scaled and words and fold(words[0]) in lex.get_set("scale_links"):
            words = words[1:]  # "1,3 millones de personas": the people are what is counted
        if (
            len(words) <= 3
            and all(re.fullmatch(r"[a-záéíóúñü][\w'’-]*", w) and fold(w) not in stop for w in words)
            and not re.search(r"[,.;:]", gap)
        ):
            return fold(re.sub(r"\s+", " ", match.group(0))), match.end()
    return None, None


def partitive_event(text: str, floor: int, number: Number, limit: int, lex: Lexicon) -> str | None:
    """'six of the passengers have been identified', 'cuatro de los fallecidos han sido
    identificados', 'two of the nearly 80 passengers were identified': a number before a
    `whole_openers` word and a people or event noun (a whole between them or not), with an event
    said of it after an auxiliary or an object pronoun ('a siete de los cuerpos se los
    identificó') or governing it ('la identificación de siete de los fallecidos'), counts the
    people that event happened to; a copula ('three of the dead were children') names a
    sub-group, no event."""
    pronoun = re.match(rf"\s+{lex.phrases('part_markers_after').pattern}", text[number.end : limit])
    if pronoun:  # "40 of them were handed over", "40 de ellos han sido entregados"
        return predicate_event(text, number.end + pronoun.end(), limit, lex)
    opener = re.match(rf"\s+{lex.phrases('whole_openers').pattern}\s+", text[number.end : limit])
    if not opener:
        return None
    at = number.end + opener.end()
    qualifier = lex.qualifier_re.match(text, at, limit)  # "two of the nearly 80 passengers"
    after = qualifier.end() if qualifier else at
    whole = re.match(
        rf"\s*(?:\d[\d.,]*|(?:{lex.phrases('words').pattern})\b)\s+", text[after:limit], re.I
    )
    noun = lex.noun_re.match(text, after + whole.end() if whole else at, limit)
    if not noun:
        return None
    key = fold(re.sub(r"\s+", " ", noun.group(0)))
    if key not in lex.people_nouns and key not in lex.group_of and key not in lex.event_noun_of:
        return None
    clitic = re.match(
        rf"\s+{lex.phrases('object_clitics').pattern}\s+", text[noun.end() : limit], re.I
    )  # "a siete de los cuerpos se los identificó"
    said = clitic and lex.event_re.match(text, noun.end() + clitic.end(), limit)
    if said:
        return lex.event_named(said)
    return predicate_event(text, noun.end(), limit, lex) or governing_event(
        text, floor, number, lex
    )


def event_noun_after_article(text: str, number: Number, limit: int, lex: Lexicon):
    """'cifró en 12 los muertos y 85 los heridos': an event noun after an article, right after
    the number, is what it counts: (wording, match end), or (None, None)."""
    match = noun_after_article(text, number, limit, lex)
    if not match:
        match = toll_after(text, number, limit, lex)
    if not match:
        return None, None
    key = fold(re.sub(r"\s+", " ", match.group(0)))
    return (key, match.end()) if key in lex.event_noun_of else (None, None)


def toll_after(text: str, number: Number, limit: int, lex: Lexicon):
    """'subió a 310 el número de heridos', 'raising to 40 the number of dead': a toll
    named after the number, an article and a `toll_heads` word before its event noun; the
    noun's match, or None."""
    head = re.match(
        rf"\s+(?:{lex.alternation('determiners')})\s+{lex.phrases('toll_heads').pattern}\s+",
        text[number.end : limit],
        re.I,
    )
    return head and lex.noun_re.match(text, number.end + head.end(), limit)


def noun_after_article(text: str, number: Number, limit: int, lex: Lexicon):
    """The noun phrase after an article right after the number ('12 los muertos'), or None."""
    article = re.match(
        rf"\s+(?:{lex.alternation('determiners')})\s+", text[number.end : limit], re.I
    )
    return article and lex.noun_re.match(text, number.end + article.end(), limit)


def people_after_article(text: str, number: Number, limit: int, lex: Lexicon):
    """'son siete las víctimas ya identificadas': people after an article right after the
    number, and the event said of them after it (an adverb may stand between), are what the
    number counts: (attribute, end of the event), or (None, None)."""
    match = noun_after_article(text, number, limit, lex)
    if not match:
        return None, None
    key = fold(re.sub(r"\s+", " ", match.group(0)))
    if key not in lex.people_nouns and key not in lex.group_of:
        return None, None
    adverbs = lex.phrases("adverbs_before_event").pattern
    # "aún detenidas" is a wording of its own before "aún" is an adverb
    space = re.match(r"\s+", text[match.end() : limit])
    gap = re.match(rf"\s+(?:(?:{adverbs})\s+)?", text[match.end() : limit], re.I)
    event = (space and lex.event_re.match(text, match.end() + space.end(), limit)) or (
        gap and lex.event_re.match(text, match.end() + gap.end(), limit)
    )
    if not event:
        return None, None
    group = "people" if key in lex.people_nouns else lex.group_of[key]
    said = lex.event_named(event)
    return f"{group} {said}", event.end()


def fallback_noun(text: str, number: Number, limit: int, lex: Lexicon) -> str | None:
    match = re.match(
        r"\s+((?:[a-záéíóúñü][\w'’-]*\s+){0,2}[a-záéíóúñü][\w'’-]*)", text[number.end : limit]
    )
    if not match:
        return None
    words = []
    stop = lex.get_set("count_gap_words")
    verbs = {w for phrase in lex.get_set("auxiliaries") for w in phrase.split()}
    for word in match.group(1).split():
        if fold(word) in stop or fold(word) in verbs:
            break  # "cinco continúan hospitalizados": a verb, no noun
        words.append(word)
    rest = lex.get_set("remainder_after")  # "tres más murieron"

    def plural(word: str) -> bool:  # "después", "inglés": singular, accented
        accented = re.search(r"[áéíóú]s$", word)
        return bool(re.search(r"[^su]s$", word)) and (not accented or fold(word) in rest)

    while len(words) > 1 and fold(words[0]) in lex.get_set("adjectives_before_noun"):
        words.pop(0)  # "dos conocidas discotecas", "two popular nightclubs": the noun counts
    if len(words) > 1 and plural(words[1]):
        return " ".join(words[:2])  # "2 storage devices"
    if words and plural(words[0]):
        return words[0]  # "17 companies paid him"
    return None  # only plural nouns: not "the two discuss"


def after_and(text: str, end: int, limit: int, lex: Lexicon) -> int | None:
    """Where the text goes on after an "and" word (`and_words`) right after `end`, if any."""
    space = re.match(r"\s+", text[end:limit])
    joined = space and lex.phrases("and_words").match(text, end + space.end(), limit)
    return joined.end() if joined else None


def coordinated(text: str, end: int, limit: int, lex: Lexicon) -> bool:
    """'900 police and public prosecutors': one total of two kinds of people."""
    joined = after_and(text, end, limit, lex)
    match = joined is not None and re.match(
        r"\s+((?:[a-záéíóúñü][\w'’-]*\s+){0,2}[a-záéíóúñü][\w'’-]*)", text[joined:limit]
    )
    if not match:
        return False
    if re.match(
        r"(?:\d|" + "|".join(longest_first(lex.number_words)) + r")\b",
        fold(match.group(1)),
    ):
        return False  # "nine judges and eight police officials": two counts, not one total
    follower = lex.noun_re.search(match.group(1))
    return bool(follower) and fold(follower.group(0)) in (lex.people_nouns | set(lex.group_of))


def counts_two_events(text: str, end: int | None, limit: int, measure: str, lex: Lexicon) -> bool:
    """'28 injured and deceased', 'doce muertos y heridos': the figure counts two groups
    together (an "and" word, then another event noun or event word of another measure, with
    no figure of its own), so it is a total of neither. `end` is where the first one ends."""
    joined = None if end is None else after_and(text, end, limit, lex)
    follower = joined is not None and re.match(r"\s+([^\W\d_][\w'’-]*)", text[joined:limit])
    if not follower:
        return False
    word = fold(follower.group(1))
    said = lex.event_re.match(text, joined + follower.start(1), limit)
    other = lex.event_noun_of.get(word) or ("people " + lex.event_named(said) if said else None)
    return other is not None and other != measure


def ordinal_suffix(lex: Lexicon) -> re.Pattern:
    """'14th', '1.º': lexicon key `ordinal_suffixes` (a number so marked is no count)."""
    found = lex.__dict__.get("_ordinal_suffix")
    if found is None:
        suffixes = "|".join(map(re.escape, lex.get("ordinal_suffixes") or [])) or "(?!x)x"
        found = lex.__dict__["_ordinal_suffix"] = re.compile(rf"(?:{suffixes})(?!\w)", re.I)
    return found


def share_of(lex: Lexicon) -> re.Pattern:
    """'80% of the votes', '80 % de los votos': lexicon key `share_prepositions`."""
    found = lex.__dict__.get("_share_of")
    if found is None:
        words = lex.phrases("share_prepositions").pattern
        found = lex.__dict__["_share_of"] = re.compile(rf"\s+{words}\s+([a-záéíóúñü]+)", re.I)
    return found


def count_claims(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    numbers: list[Number],
    dates: tuple[tuple[int, int], ...] = (),
) -> list[Claim]:
    if not numbers:
        return []  # most sentences hold no number: nothing to frame
    counted = []
    durations = lex.get_set("durations")
    for number in numbers:
        if number.compound and number.unit is None:
            continue
        if number.words and number.low == number.high == 1:
            continue  # "one of", "one man": rarely a count, often a pronoun
        if measured(text, sentence, number, lex):
            continue  # "44 miles", "magnitude 6.8": a quantity (quantities.py), not a count
        next_words = re.match(
            r"\s+([a-záéíóúñü-]+)(?:\s+([a-záéíóúñü]+))?", text[number.end : sentence.end]
        )
        if (
            next_words
            and number.unit is None
            and durations & {fold(w or "") for w in next_words.groups()}
        ):
            continue  # "eight years in prison", "two full days"
        joined = re.match(
            r"\s+[\w'’-]+\s+(?:\d+|" + lex.phrases("words").pattern + r")\s+([\w'’-]+)",
            text[number.end : sentence.end],
        )
        if number.unit is None and joined and fold(joined.group(1)) in durations:
            continue  # "niñas de 9 y 12 años": one of two ages
        if ordinal_suffix(lex).match(text, number.end, min(sentence.end, number.end + 4)):
            continue
        if (
            re.search(
                rf"[{''.join('A-ZÁÉÍÓÚÑ')}][\w]+\s+$",
                text[max(sentence.start, number.start - 20) : number.start],
            )
            and not number.words
        ):
            before = text[max(sentence.start, number.start - 20) : number.start].split()
            openers = lex.get_set("count_openers")  # "Hubo 75 allanamientos"
            if (
                before
                and before[-1][0].isupper()
                and fold(before[-1]) not in lex.qualifier_of
                and fold(before[-1]) not in openers
                and fold(before[-1]) not in lex.additional  # "Another 95 were injured"
                and not lex.event_re.fullmatch(before[-1])  # "Murieron 23 pasajeros"
                and not said_after_article(text, before[-1], number, sentence, lex)
            ):
                continue  # "Ben 10", "Mexico #2", "Article 5"
        if clock_time(text, number, lex) or not_a_count_before(text, sentence.start, number, lex):
            continue
        if elided_age(text, sentence, number, lex) or day_after_weekday(
            text, sentence, number, lex
        ):
            continue
        raised_to(text, sentence, number, lex)
        claim = named_and_rest(sentence, text, lex, number, dates)
        if claim is None:
            claim = classify(sentence, text, lex, number, dates)
        if claim is None and counted:
            claim = (
                running_total(sentence, text, lex, number, counted[-1].claim)
                or part_with_own_event(sentence, text, lex, number, counted[-1].claim)
                or elided(sentence, text, lex, number, counted[-1].claim)
            )
        if claim is None:  # "The dead are from: Tolsa (21), Marena (3)": a place's figure
            measure = listed_place_measure(text, sentence, number, lex)
            claim = measure and bare_figure(number, sentence, measure, listed=True)
        if claim is not None:
            counted.append(Counted(claim, number))
    claims = apply_frames(sentence, text, lex, counted)
    for item in counted:
        if not item.claim.extra.get("comparable") and not item.claim.subject:
            item.claim.subject = owner_of(text, sentence, item.number, lex) or ""
    return claims


def said_after_article(
    text: str, word: str, number: Number, sentence: Sentence, lex: Lexicon
) -> bool:
    """'Los 17 sospechosos fueron acusados', 'The 17 suspects were charged': an article opening
    the sentence before a number is no name's, when the counted noun has its event said right
    after it."""
    if fold(word) not in lex.get_set("definite_articles"):
        return False
    noun, noun_end = head_noun(text, number, sentence.end, lex)
    if not noun:  # "The 12 who were injured", "Los 12 que resultaron heridos"
        return bool(said_in_relative(text, sentence.start, number, sentence.end, lex))
    # "The 71 people who died", "Los 12 pasajeros que murieron": said in a relative clause
    relative = re.match(
        rf"\s+(?:{lex.phrases('clause_openers').pattern})(?=\s)",
        text[noun_end : sentence.end],
        re.I,
    )
    tail = relative and auxiliary_tail(lex).match(text, noun_end + relative.end(), sentence.end)
    if tail and lex.event_re.match(text, tail.end(), sentence.end):
        return True
    return bool(predicate_event(text, noun_end, sentence.end, lex))


def said_in_relative(text: str, floor: int, number: Number, limit: int, lex: Lexicon) -> str | None:
    """'the 12 who were injured', 'los 12 que resultaron heridos': a bare number after an
    article, its event said in a relative clause right after it. Where that clause names none
    ('the five who were travelling with him survived', 'los cinco que viajaban con él
    sobrevivieron'), the first event after it is the clause's main verb, with no punctuation,
    figure or other relative between; an event after an article there is a noun, and nothing
    is read."""
    before = text[max(floor, number.start - 12) : number.start]
    if not re.search(rf"(?:^|\s)(?:{lex.alternation('definite_articles')})\s+$", before, re.I):
        return None
    opener = relative_opener(text, number.end, limit, lex)
    if not opener:
        return None
    at = opener.end()
    said = relative_event(text, number.end, limit, lex)
    if said:
        return said
    located = lex.get_set("located_events")
    for match in lex.event_re.finditer(text, at, min(limit, at + 80)):
        between = text[at : match.start()]
        if re.search(r"[,;:()\d—–]", between) or lex.phrases("relative_openers").search(between):
            return None
        if re.search(rf"\b(?:{lex.alternation('determiners')})\s+$", between, re.I):
            return None  # "the five who were with the injured": a noun, not the verb
        if lex.event_named(match) in located:
            continue  # "los cinco que iban a bordo murieron": where they were, then the verb
        if governs_an_object(text, match, limit, lex):
            return None
        return lex.event_named(match)
    return None


def relative_event(text: str, end: int, limit: int, lex: Lexicon) -> str | None:
    """The event a relative clause right after `end` says, an auxiliary between or not: 'who
    were injured', 'que murieron'; None where the clause says none or governs an object."""
    opener = relative_opener(text, end, limit, lex)
    tail = opener and auxiliary_tail(lex).match(text, opener.end(), limit)
    said = tail and lex.event_re.match(text, tail.end(), limit)
    if not said or governs_an_object(text, said, limit, lex):
        return None
    return lex.event_named(said)


def relative_opener(text: str, end: int, limit: int, lex: Lexicon) -> re.Match | None:
    """A `relative_openers` word right after `end` ('who', 'que'), its pattern built once."""
    pattern = lex.built(
        "relative_opener",
        lambda: re.compile(rf"\s+(?:{lex.phrases('relative_openers').pattern})(?=\s)", re.I),
    )
    return pattern.match(text, end, limit)


def name_pattern(lex: Lexicon) -> str:
    """A name as it opens a named-and-rest total: capitalised words with the particles names
    carry (`particles`)."""
    word = r"[A-ZÁÉÍÓÚÑÜ][\w'’-]+"
    return rf"{word}(?:\s+(?:(?:{lex.alternation('particles')})\s+)?{word})*"


def named_and_rest(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    number: Number,
    dates: tuple[tuple[int, int], ...] = (),
) -> Claim | None:
    """'Vega and 28 others were arrested', 'Vega plus 29 more', 'Vega y otros 28 detenidos':
    one named person and a rest make a total of 29 (30), compared as the whole. A list of
    names before the rest ('Vega, Ruiz and 28 others') or a name that may be a group or a
    place is left to the frames, which keep the rest apart."""
    links = lex.phrases("named_rest_links").pattern
    rest_before = lex.phrases("named_rest_before").pattern
    before = text[max(sentence.start, number.start - 80) : number.start]
    found = re.search(rf"({name_pattern(lex)})\s+{links}\s+(?:{rest_before}\s+)?$", before)
    if not found:
        return None
    marked_before = bool(re.search(rf"{rest_before}\s+$", before, re.I))
    after = re.match(
        r"\s+" + lex.phrases("remainder_after").pattern, text[number.end : sentence.end]
    )
    if not (marked_before or after):
        return None
    name = found.group(1)
    name_start = number.start - len(before) + found.start(1)
    first = fold(name.split()[0])
    ahead = text[max(sentence.start, name_start - 12) : name_start]
    if (
        name_start == sentence.start
        and " " not in name  # "Police and 28 others": a sentence's first word may be no name
        or first in lex.not_name_starters
        or first in lex.weekdays  # "on Monday and 12 more": a day, not a person
        or first in lex.months
        or fold(name) in country_words(lex)
        or re.search(rf"(?:,|\b{links})\s*$", ahead, re.I)  # "Ruiz, Vega and 28 others"
    ):
        return None
    rest_end = number.end + (after.end() if after else 0)
    noun, noun_end = head_noun(text, number, sentence.end, lex)
    if not after and (
        noun not in lex.people_nouns | set(lex.group_of) | set(lex.event_noun_of)
        if noun
        else fallback_noun(text, number, sentence.end, lex)
    ):
        return None  # "Vega y otras 12 empresas": not people
    group = "people"
    if noun in lex.group_of and not after:
        group = lex.group_of[noun]
    end = noun_end if noun_end and not after else rest_end
    event = predicate_event(text, end, sentence.end, lex) or nearest_event(
        sentence, text, lex, name_start, number.end, end, dates
    )
    if not event:
        return None
    total_low = number.low + 1 if number.low is not None else None
    total_high = number.high + 1 if number.high is not None else None
    return Claim(
        kind="count",
        start=name_start,
        end=end,
        quote=text[name_start:end],
        value=number_text(total_low if total_low is not None else total_high),
        attribute=f"{group} {event}",
        low=total_low,
        high=total_high,
        qualifier=number.qualifier,
        sentence=sentence.index,
        extra={"comparable": True, "set": {"named": 1, "rest": number.text}},
    )


def owner_of(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> str | None:
    """'Ana Ruiz and her three children', 'Ana Ruiz, 34, y sus tres hijos', 'Ruiz's three
    children': the person a count belongs to, named right before it; None where a possessive
    has no name joined to it ('ella y sus tres hijos')."""
    links = lex.phrases("named_rest_links").pattern
    possessives = lex.phrases("possessives").pattern
    before = text[max(sentence.start, number.start - 80) : number.start]
    found = re.search(
        rf"({name_pattern(lex)})(?:['’]s|(?:,\s*\d{{1,3}},?)?\s+{links}\s+{possessives})\s+$",
        before,
    )
    if not found:
        return None
    name = found.group(1)
    if fold(name.split()[0]) in lex.not_name_starters or fold(name) in country_words(lex):
        return None
    if number.start - len(before) + found.start(1) == sentence.start and " " not in name:
        return None  # "Police and their 30 dogs": a sentence's first word may be no name
    return name


def whole_after_part(text: str, floor: int, number: Number, lex: Lexicon) -> str:
    """'15 of the 31 people arrested', 'quince de los 31 detenidos': the number after a part
    and a `whole_openers` word is the whole (comparable, by its own noun phrase only); returns
    the part as written, or ''."""
    before = text[max(floor, number.start - 40) : number.start]
    pattern = lex.built(
        "part_and_whole_opener",
        lambda: re.compile(
            rf"(\d[\d.,]*|\b(?:{lex.phrases('words').pattern}))\s+{whole_or_of(lex)}\s+$", re.I
        ),
    )
    found = pattern.search(before)
    return found.group(1) if found else ""


def whole_or_of(lex: Lexicon) -> str:
    """A `whole_openers` word, or a bare `of_words` one between two figures ("71 de 77
    tripulantes", "71 of 77 people")."""
    return rf"(?:{lex.phrases('whole_openers').pattern}|(?:{lex.alternation('of_words')}))"


def opens_a_whole_before(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'... out of the 45', 'de los 20': a `whole_openers` word right before the figure."""
    return bool(
        re.search(
            rf"\b(?:{lex.phrases('whole_openers').pattern})\s+$",
            text[max(floor, number.start - 20) : number.start],
            re.I,
        )
    )


def whole_follows(text: str, noun_end: int | None, limit: int, noun: str, lex: Lexicon) -> bool:
    """'30 bodies out of the 45 recovered', 'doce cuerpos de los 20 rescatados': a count whose
    noun is followed by the whole it is drawn from (a `whole_openers` word and a figure with
    an event, the part's own noun or none after it). "12 members of the three families"
    counts no part of the three."""
    if noun_end is None:
        return False
    pattern = lex.built(
        "whole_opener_and_figure",
        lambda: re.compile(
            rf"\s+{whole_or_of(lex)}\s+(?:\d[\d.,]*|(?:{lex.phrases('words').pattern})\b)"
            r"(?:\s+([^\W\d_]+))?",
            re.I,
        ),
    )
    found = pattern.match(text[noun_end:limit])
    if not found:
        return False
    after = fold(found.group(1) or "")
    return (
        not after
        or after == fold(noun)
        or after in lex.people_nouns
        or bool(lex.event_re.fullmatch(after))
    )


def country_words(lex: Lexicon) -> frozenset[str]:
    """Folded country names and demonyms: 'Honduras and 12 others' joins no person."""
    found = lex.__dict__.get("_count_countries")
    if found is None:
        names = [n for ns in (lex.get("countries") or {}).values() for n in ns]
        names += list(lex.get("countries") or {}) + list(lex.nationality_of or {})
        found = lex.__dict__["_count_countries"] = frozenset(fold(str(n)) for n in names)
    return found


def running_total(
    sentence: Sentence, text: str, lex: Lexicon, number: Number, previous: Claim
) -> Claim | None:
    """'Three more people were arrested, bringing the total to 41', 'y con ello el total
    llega a once': a bare figure after a `running_total_before` wording is the total of the count
    before it in the sentence, an increment's own measure included."""
    if previous.kind != "count" or previous.sentence != sentence.index:
        return None
    if not previous.extra.get("additional", previous.extra.get("comparable")):
        return None
    before = text[max(sentence.start, number.start - 40) : number.start]
    if not re.search(rf"{lex.phrases('running_total_before').pattern}\s+$", before, re.I):
        return None
    measure = previous.attribute.removeprefix("additional ")
    return bare_figure(number, sentence, measure, running_total=True)


def elided(
    sentence: Sentence, text: str, lex: Lexicon, number: Number, previous: Claim
) -> Claim | None:
    """A figure whose noun the sentence leaves out, read as the count before it: '1,040
    deaths in Veldra, 316 in Olden'; '980 people were injured, 275 of whom ...'."""
    if previous.kind != "count" or not previous.extra.get("comparable"):
        return None
    if previous.attribute in set(lex.thing_of.values()):
        return None  # "cuatro localidades: Paiporta (45), ...": the figures are not towns
    if re.search(r"[;—–]", text[previous.end : number.start]):
        return None  # "a search by 90 soldiers ... — Ana (13), Luis (9)": another clause's
    place = lex.phrases("place_prepositions").pattern
    if not (
        part_marker_after(text, number, sentence.end, lex)
        or part_marker_before(text, sentence.start, number, lex)
        or re.match(rf"\s*{place}\s+[A-ZÁÉÍÓÚÑ]", text[number.end : sentence.end])
        or re.search(r"\(\s*$", text[max(sentence.start, number.start - 3) : number.start])
    ):
        return None
    return bare_figure(number, sentence, previous.attribute, elided=True)


def part_with_own_event(
    sentence: Sentence, text: str, lex: Lexicon, number: Number, previous: Claim
) -> Claim | None:
    """'40 passengers, 21 of whom died', '40 pasajeros, 21 de los cuales murieron': a figure
    set before a part marker, with an event said of it after the marker, counts the people of
    the whole before it (its group kept) who met that event, not what the whole counts."""
    if previous.kind != "count" or not part_marker_after(text, number, sentence.end, lex):
        return None
    measure = previous.attribute.removeprefix("additional ")
    groups = lex.built(
        "groups_longest_first",
        lambda: sorted(set(lex.group_of.values()) | {"people"}, key=len, reverse=True),
    )
    group = next((g for g in groups if measure == g or measure.startswith(g + " ")), None)
    if group is None:
        return None  # "300 homes, 40 of which were destroyed": not people
    marker = re.match(r"\s+" + lex.phrases("part_markers_after").pattern, text[number.end :], re.I)
    at = number.end + marker.end()
    run = auxiliary_run(lex).match(text[at : sentence.end]) or re.match(
        r"\s+", text[at : sentence.end]
    )
    found = lex.event_re.match(text, at + run.end(), sentence.end) if run else None
    if found and governs_an_object(text, found, sentence.end, lex):
        found = None
    event = lex.event_named(found) if found else graded_predicate(text, at, sentence.end, lex)
    if not event:
        return None
    return bare_figure(number, sentence, f"{group} {event}")


def group_before_of(text: str, floor: int, number: Number, lex: Lexicon) -> str | None:
    """'a crew of seven', 'una tripulación de siete': a particular kind of people right before
    an `of_words` word and the number is what the number counts (its `groups` key)."""
    if re.match(rf"\s+{lex.phrases('whole_openers').pattern}\s", text[number.end :], re.I):
        return None  # "las familias de 40 de los fallecidos": the figure counts the dead
    before = text[max(floor, number.start - 40) : number.start]
    of = lex.alternation("of_words")
    for match in lex.noun_re.finditer(before):
        key = fold(re.sub(r"\s+", " ", match.group(0)))
        if key in lex.group_of and re.fullmatch(rf"\s+(?:{of})\s+", before[match.end() :], re.I):
            return lex.group_of[key]
    return None


def excepted(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'all died except three children', 'murieron todos salvo tres niños': the count is
    the exception to the event said before it (`exception_words`)."""
    return bool(exception_before(lex).search(text[max(floor, number.start - 20) : number.start]))


def exception_before(lex: Lexicon) -> re.Pattern:
    """An `exception_words` word ending a stretch of text ('... except '), built once."""
    return lex.built(
        "exception_before",
        lambda: re.compile(lex.phrases("exception_words").pattern + r"\s+$", re.I),
    )


def exception_outcome(text: str, floor: int, number: Number, lex: Lexicon) -> str | None:
    """What the exception to a whole's event befell: 'everyone on board died except three
    children' says the three survived (`exception_outcomes`), when a `universal_words` word
    stands before the exception in its clause; None otherwise ('no one died except three').
    The event is the last one before the exception word, never the word itself ('salvo', read
    with its accent left out, is 'salvó')."""
    before = text[max(floor, number.start - 120) : number.start]
    exception = exception_before(lex).search(before)
    if not exception:
        return None
    clause = re.split(r"[;:()—]", before[: exception.start()])[-1]
    said = list(lex.event_re.finditer(clause))
    if not said or not lex.phrases("universal_words").search(clause):
        return None
    return (lex.data.get("exception_outcomes") or {}).get(lex.event_named(said[-1]))


def more_after_noun(text: str, noun_end: int | None, limit: int, lex: Lexicon) -> bool:
    """'se detuvo a cuatro personas más': an `additional_after` word after the counted
    noun, not only after the number, makes the count an increment."""
    if not noun_end:
        return False
    more = lex.phrases("additional_after").pattern
    return bool(re.match(rf"\s+(?:{more})\b", fold(text[noun_end : min(limit, noun_end + 20)])))


def bare_figure(number: Number, sentence: Sentence, attribute: str, **how: bool) -> Claim:
    """A comparable count of a figure that stands alone, its measure read from the count
    before it; `how` says which reading gave it (elided, running_total)."""
    return Claim(
        kind="count",
        start=number.start,
        end=number.end,
        quote=number.text,
        value=number.text,
        attribute=attribute,
        low=number.low,
        high=number.high,
        qualifier=number.qualifier,
        sentence=sentence.index,
        extra={"comparable": True, **how},
    )


def elided_age(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> bool:
    """'Lucía Fenoll, de 29.', 'Tom Reyes, aged 29,': a bare number set after a name with the
    word that opens an age (`age_elision_before`) is that person's age with 'years' left out,
    not a count."""
    words = lex.phrases("age_elision_before").pattern
    before = text[max(sentence.start, number.start - 40) : number.start]
    if not re.search(rf"[{UPPER}][\w'’-]+,\s*(?i:{words})\s+$", before):
        return False
    return bool(re.match(r"\s*(?:[,.;:)]|$)", text[number.end : sentence.end]))


def day_after_weekday(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> bool:
    """'last Sunday (14)', 'este martes (16)': a day of the month in brackets after a
    weekday, not a count; so is one in figures right after it ('las marchas del lunes 14
    después de ...'), unless a noun the lexicon counts follows ('el lunes 14 personas
    murieron': a count)."""
    before = re.findall(r"[\w'’]+|\(", text[max(sentence.start, number.start - 20) : number.start])
    if number.low is None or number.low > 31 or number.low != number.high or len(before) < 1:
        return False
    if len(before) > 1 and before[-1] == "(" and fold(before[-2]) in lex.weekdays:
        return True
    if number.words or fold(before[-1]) not in lex.weekdays or number.qualifier != "exact":
        return False
    if not re.fullmatch(r"\s+", text[number.start - 1 : number.start]):
        return False
    noun, _ = head_noun(text, number, sentence.end, lex)
    return noun is None and fallback_noun(text, number, sentence.end, lex) is None


def raised_to(text: str, sentence: Sentence, number: Number, lex: Lexicon) -> None:
    """'elevó la cifra hasta los 300', 'raised the toll up to 300': after a verb that raises a
    figure (`rise_verbs`, earlier in the clause), a `rise_to_words` word says where the
    figure now stands, not a bound: the number is exact."""
    if number.qualifier != "at most" or number.low is None and number.high is None:
        return
    to = lex.phrases("rise_to_words").match(text, number.start)
    if not to:
        return
    clause = re.split(r"[;:.,()]", text[max(sentence.start, number.start - 80) : number.start])[-1]
    if not lex.phrases("rise_verbs").search(clause):
        return
    number.qualifier = "exact"
    number.low = number.high


def clock_time(text: str, number: Number, lex: Lexicon | None = None) -> bool:
    """'a las 22.00', 'at 11:11': a time of day written like a decimal is no count; nor is
    'at 9 pm', 'hasta las 9:00' (the language's `clock_time` pattern, from the digits on)."""
    if re.fullmatch(r"\d{1,2}[.:][0-5]\d", number.text.strip()) and number.low < 25:
        return True
    if lex is None or number.words:
        return False
    pattern = lex.__dict__.get("_clock_time")
    if pattern is None:
        pattern = lex.__dict__["_clock_time"] = re.compile(lex.get("clock_time") or r"(?!x)x", re.I)
    digits = re.search(r"\d+", number.text)
    if digits is None:
        return False
    at, end = number.start + digits.start(), number.start + digits.end()
    # the pattern must reach past the digits ("9 pm", "las 9:00"): "las 39 víctimas" is none
    return any(
        m.start() <= at < m.end() and m.end() > end
        for m in pattern.finditer(text, max(0, at - 6), min(len(text), at + 30))
    )


def not_a_count_before(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'magnitude 7', 'magnitud 7': a word before the number says it is a scale or a label."""
    before = re.findall(r"[\w'’]+", text[max(floor, number.start - 25) : number.start])
    return bool(before) and fold(before[-1]) in lex.get_set("not_count_before")


def operation_named(text: str, sentence: Sentence, lex: Lexicon) -> bool:
    """'The operation involved more than 900 people', 'el operativo involucró a 900 agentes':
    people involved in an operation (`operation_nouns`) carried it out; those involved in a
    case are implicated in it. Two measures, one word."""
    if not lex.get("operation_nouns"):
        return False
    return bool(lex.phrases("operation_nouns").search(text[sentence.start : sentence.end]))


def lacking(text: str, end: int, limit: int, lex: Lexicon) -> bool:
    """'150,000 homes without power', 'hogares sin luz': a count said by a
    `lacking_words` word right after its noun to be without something."""
    if not lex.get("lacking_words"):
        return False
    found = re.match(
        rf"(\s+)(?:{lex.phrases('lacking_words').pattern})(?!\w)", text[end:limit], re.I
    )
    # "cuerpos sin vida": a wording of an event that holds the word is that event
    return bool(found) and not lex.event_re.match(text, end + found.end(1), limit)


def carried_in_a_crash(text: str, floor: int, number: Number, lex: Lexicon) -> bool:
    """'the plane crashed on Sunday with 72 people', 'se estrelló con más de 70 personas':
    people counted after a word that joins them to a crash (`carried_links`, a few words
    after a `crash` word) are those the vehicle carried."""
    pattern = lex.built("carried_in_a_crash", lambda: carried_pattern(lex))
    if pattern is None:
        return False
    return bool(pattern.search(fold(text[max(floor, number.start - 80) : number.start])))


def carried_pattern(lex: Lexicon) -> re.Pattern | None:
    crashes = [w for w, key in lex.clause_event_of.items() if key == "crash"]
    links = lex.get_set("carried_links")
    if not crashes or not links:
        return None
    crash = "|".join(re.escape(fold(w)) for w in longest_first(crashes))
    link = "|".join(re.escape(fold(w)) for w in longest_first(links))
    return re.compile(rf"\b(?:{crash})(?:\s+[^\W\d]+){{0,3}}?\s+(?:{link})\s+$")


def classify(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    number: Number,
    dates: tuple[tuple[int, int], ...] = (),
) -> Claim | None:
    kind = "count"
    comparable = True
    noun, noun_end = head_noun(text, number, sentence.end, lex)
    if noun is None:
        noun, noun_end = event_noun_after_article(text, number, sentence.end, lex)
    said_of = None
    if noun is None:
        said_of, said_end = people_after_article(text, number, sentence.end, lex)
        noun_end = said_end or noun_end
    whole = whole_after_part(text, sentence.start, number, lex)
    event = nearest_event(sentence, text, lex, number.start, number.end, noun_end, dates)
    if number.unit == "%":
        kind = "percent"
        of = share_of(lex).match(text[number.end : sentence.end])
        attribute = "share of " + (of.group(1) if of else "total")
        comparable = False
    elif number.unit:
        kind = "money"
        attribute = f"money {event}" if event else "money"
        comparable = bool(event)
    elif said_of:
        attribute = said_of  # "son siete las víctimas ya identificadas"
    elif noun in lex.event_noun_of and counts_two_events(
        text, noun_end, sentence.end, lex.event_noun_of[noun], lex
    ):
        # "the 28 injured and dead", "12 muertos y heridos": one figure for two groups
        attribute, comparable = lex.event_noun_of[noun], False
    elif noun in lex.event_noun_of:
        # "la liberación de 173 detenidos": the detainees were released
        governing = governing_event(text, sentence.start, number, lex)
        if governing in lex.get_set("searched_events"):
            # "la búsqueda de los cuatro fallecidos": searched for, the dead are still dead,
            # and maybe only those not yet found: shown, never compared
            governing, comparable = None, False
        if not governing and noun in lex.get_set("life_nouns"):
            # "saved 30 lives": the event right before says what befell them, not the noun
            before = event_right_before(text, sentence.start, number.start, lex)
            governing = event if before and event else None
        # "29 detenidos fueron liberados", "38 lesionados fueron dados de alta": what the
        # sentence says of them after an auxiliary is what they are counted as
        # ("15 de los 31 detenidos siguen presos": said of the 15, the 31 keep their noun)
        said = None if governing or whole else predicate_event(text, noun_end, sentence.end, lex)
        attribute = f"people {governing or said}" if governing or said else lex.event_noun_of[noun]
    elif noun in lex.people_nouns or noun in lex.group_of:
        group = "people" if noun in lex.people_nouns else lex.group_of[noun]
        if coordinated(text, noun_end, sentence.end, lex):
            group = "people"
        part_of_later = whole_follows(text, noun_end, sentence.end, noun, lex)
        if whole:  # "15 of the 31 people arrested were released": the verb is the 15's
            said = lex.event_re.match(text, noun_end + 1, sentence.end)
            # "one of the six workers who died": a relative clause is the whole's own
            event = (
                lex.event_named(said) if said else relative_event(text, noun_end, sentence.end, lex)
            )
            comparable = bool(event)
        elif part_of_later:
            # "30 bodies out of the 45 recovered were identified": the verb after the 45 is
            # the whole's; what the part is counted as is unclear
            event, comparable = None, False
        else:
            event = (
                predicate_event(text, noun_end, sentence.end, lex)
                or predicate_after_modifier(text, noun_end, sentence.end, lex)
                or predicate_after_participle(text, number, noun, noun_end, sentence.end, lex)
                or graded_predicate(text, noun_end, sentence.end, lex)
                # "costó la vida a los cinco adultos a bordo": the adults died
                or governing_event(text, sentence.start, number, lex)
                or toll_of_people(sentence, text, lex, number, noun_end, event)
                or event
            )
        if (
            event
            and remains_before(text, sentence.start, number, lex)
            and event not in (lex.get_set("remains_events"))
        ):
            # "the bodies of two tourists who were kidnapped": they are dead; the event said
            # of them is what they had been, not what the figure counts: kept, not compared
            comparable = False
        if lacking(text, noun_end, sentence.end, lex):
            # "167.000 hogares sin electricidad": counted by what they lack, not by the toll
            # another count of the sentence names; kept, not compared
            event, comparable = None, False
        if event == "involved":  # "la captura de nueve hombres involucrados"
            event = (
                nearest_event(
                    sentence, text, lex, number.start, number.end, noun_end, dates, skip="involved"
                )
                or event
            )
        if event == "involved" and operation_named(text, sentence, lex):
            event = "deployed"  # "the operation involved 900 people": not those implicated
        if (
            not whole
            and carried_in_a_crash(text, sentence.start, number, lex)
            and not predicate_event(text, noun_end, sentence.end, lex)
        ):
            # "the plane crashed on Sunday with 72 people": those it carried, not the dead
            # that another clause may count; kept, not compared
            event, comparable = "on board", False
        if event and excepted(text, sentence.start, number, lex):
            # "everyone on board died except three children": not killed, they survived
            event = exception_outcome(text, sentence.start, number, lex)
        if event:
            attribute = f"{group} {event}"
        elif whole or part_of_later:
            attribute, comparable = group, False
        elif group == "people":
            return None  # "two people" with nothing said of them: too vague to check
        else:
            attribute, comparable = group, False
    elif noun in lex.thing_of:
        attribute = lex.thing_of[noun]
        said = attribute in lex.get_set("people_things") and predicate_event(
            text, noun_end, sentence.end, lex
        )
        if said:  # "three gunmen were killed": attackers killed, not the attackers
            attribute = f"{attribute} {said}"
        if lacking(text, noun_end, sentence.end, lex):
            comparable = False  # "150,000 homes without power": not homes lost
    else:
        direct = re.match(r"\s+(\w+(?:\s+\w+)?)", text[number.end : sentence.end])
        toll = event_noun_before(sentence, text, lex, number.start)
        fallback = fallback_noun(text, number, sentence.end, lex)
        partitive = partitive_event(text, sentence.start, number, sentence.end, lex)
        crew = group_before_of(text, sentence.start, number, lex)
        relative = (
            None if fallback else said_in_relative(text, sentence.start, number, sentence.end, lex)
        )
        if partitive:
            attribute = f"people {partitive}"  # "four of the victims were identified"
        elif relative:
            attribute = f"people {relative}"  # "the 12 who were injured"
        elif crew:  # "a crew of seven on board": the crew, and what is said of the count
            attribute = f"{crew} {event}" if event else crew
            comparable = bool(event)
        elif event and direct and (said := lex.event_re.match(fold(direct.group(1)))):
            attribute = f"people {event}"  # "52 implicated in the case"
            # "20 survivors were taken to hospital": what is said of them after an
            # auxiliary is what they are counted as ("the 45 recovered have been identified"
            # after a part of them: said of the part)
            end = number.end + direct.start(1) + said.end()
            if not opens_a_whole_before(text, sentence.start, number, lex) and (
                later := predicate_event(text, end, sentence.end, lex)
            ):
                attribute = f"people {later}"
            if counts_two_events(text, end, sentence.end, attribute, lex):
                comparable = False  # "28 injured and deceased": one figure for two groups
        elif event and not fallback and event_said_after(text, number.end, sentence.end, lex):
            attribute = f"people {event}"  # "another 95 were injured"
        elif (
            not fallback
            and graded_predicate(text, number.end, sentence.end, lex)
            and named_group_before(text, sentence.start, number.start, lex)
        ):  # "de los heridos, 40 se encuentran graves": a graded part (frames.py)
            attribute = "people injured"
        elif (
            toll
            and not fallback
            and (
                said := direct
                and lex.event_re.match(text, number.end + direct.start(1), sentence.end)
            )
        ):
            # "el parte da 80 heridos ... y 31 recibieron el alta": its own event, not the toll
            attribute = "people " + lex.event_named(said)
        elif toll and not fallback and not own_predicate(text, number.end, sentence.end, lex):
            attribute = toll  # "the death toll rose to 14"
        elif event and not fallback and event_right_before(text, sentence.start, number.start, lex):
            attribute = f"people {event}"  # "killing 23 and injuring more than 100"
        elif fallback:
            attribute, comparable = fallback, False
            after = event_right_after(text, number.end, sentence.end, fallback, lex)
            if after in lex.get_set("located_events"):
                after = None  # "en los dos trenes viajaban 350 personas": the trains carry
            if fold(fallback) in lex.get_set("remainder_after"):
                # "three others were identified", "tres más murieron": the word counts no kind
                # of thing; the rest of some people, measured by what is said of them, after
                # or right before ("and injured 260 others")
                after = after or event_named_right_before(text, sentence.start, number.start, lex)
                attribute = f"people {after}" if after else "people"
            elif after:  # "three co-defendants were convicted"
                attribute = f"{fallback} {after}"
        else:
            return None
    extra: dict = {"comparable": comparable}
    if whole:
        extra["whole_of"] = whole
    if number.additional or more_after_noun(text, noun_end, sentence.end, lex):
        extra["additional"] = comparable  # comparable again if it is no increment (frames.py)
        attribute, extra["comparable"] = f"additional {attribute}", False
    end = max(number.end, noun_end or number.end)
    return Claim(
        kind=kind,
        start=number.start,
        end=end,
        quote=text[number.start : end],
        value=number.text,
        attribute=attribute,
        subject="",
        low=number.low,
        high=number.high,
        unit=number.unit,
        qualifier=number.qualifier,
        sentence=sentence.index,
        extra=extra,
    )
