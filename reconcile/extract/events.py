"""Dates of events: each date belongs to the event of its own clause. "arrested on Wednesday"
is the date of an arrest; "the fire that broke out late on March 9" the date of the
fire (the noun a relative clause hangs from); "Wednesday's raids" the date of the raids; "said
on Tuesday" and "issued on Saturday" the date of a report, not of an event. A weekday written
with a date is kept, so the calendar can check it. A date whose event is unclear keeps no
event, and is listed but never compared.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DateMention, PartialDate, find_dates
from ..lexicon import Lexicon, fold
from ..models import Claim, Sentence
from .people import Person

#: Punctuation that closes a clause: a date beyond it belongs to another predicate. A full stop
#: glued to the next sentence's capital ("afectó.En la madrugada") is a sentence's end all the same;
#: a colon inside a clock time ("las 6:00") and the stop after an initial ("6 a.m. on") are none.
CLAUSE_MARKS = re.compile(
    r"[;()\[\]—–]|(?<!\d):|:(?!\d)|,\s|\s-\s|(?<!\b\w)[.!?][\"”’]?\s|(?<=[^\W\d_]{2})[.!?](?=[A-ZÁÉÍÓÚÑ][^\W\d_])"
)
#: A phrase between two commas, short enough to be an apposition ("Lindqvist, a former
#: teacher, won"), which the clause around it goes on past.
APPOSITION = re.compile(r",\s[^,;:()]{1,60},\s")
#: A trigger this close after a possessive date or a date after a determiner is its
#: attribute: "Wednesday's raids", "his October 2022 murder", "the 9 January clashes".
ATTRIBUTIVE_GAP = re.compile(r"^(?:['’]s)?\s*$")


#: A page stamp a scraper glued to the first sentence: "date 2021-05-14 On Friday night ...".
LEADING_STAMP = re.compile(r"\s*(?:([^\W\d_]+)\s+)?(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?\s+")


def stamp_end(text: str, lex: Lexicon) -> int:
    """Where the sentence starts after a page stamp glued to it, if any (0 without one)."""
    match = LEADING_STAMP.match(text)
    if not match or (match.group(1) and fold(match.group(1)) not in lex.get_set("stamp_words")):
        return 0
    return match.end()


def clause_bounds(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int, int | None]:
    """The clause a date stands in: from the last clause mark or clause opener ("that",
    "which", "que", "donde") before it to the next one after it. Returns its bounds and,
    when it opens with a relative word, where that word starts (the event is then the noun
    the clause hangs from: "the fire that broke out on ...")."""
    left, opener, marks = stamp_end(text, lex), None, []
    for mark in CLAUSE_MARKS.finditer(text, 0, start):
        left, opener = mark.end(), None
        marks.append(mark)
    if len(marks) > 1 and APPOSITION.fullmatch(text[marks[-2].start() : marks[-1].end()]):
        # "elected Sofia Lindqvist, a 44-year-old former teacher, as mayor on Sunday"
        left = marks[-3].end() if len(marks) > 2 else 0
    for word in lex.phrases("clause_openers").finditer(text, left, start):
        left, opener = word.end(), word.start()
    right = len(text)
    for bound in (CLAUSE_MARKS.search(text, end), lex.phrases("clause_openers").search(text, end)):
        if bound:
            right = min(right, bound.start())
    return left, right, opener


def triggers(text: str, lo: int, hi: int, lex: Lexicon, spans) -> list[tuple[int, int, str | None]]:
    """Event words and report words between `lo` and `hi`: (start, end, event or None for a
    report: "said", "announced", "issued", "informó"). A wording that holds an event word but
    names something else ("an arrest warrant", "una orden de captura") is a predicate of no
    event: the date is the warrant's, not the arrest's."""
    found = []
    others = [(m.start(), m.end()) for m in lex.phrases("not_events").finditer(text, lo, hi)]
    found.extend((s, e, None) for s, e in others)
    for match in lex.clause_event_re.finditer(text, lo, hi):
        if not any(s < match.end() and match.start() < e for s, e in [*spans, *others]):
            word = fold(re.sub(r"\s+", " ", match.group(0)))
            if word in lex.get_set("verb_readings") and not noun_reading(text, match.start(), lex):
                continue  # "la alcaldesa condena el asalto": condemns, no sentence
            found.append((match.start(), match.end(), lex.clause_event_of[word]))
    for match in lex.phrases("report_words").finditer(text, lo, hi):
        if not lex.phrases("not_report_words").match(text, max(lo, match.start() - 3)):
            found.append((match.start(), match.end(), None))
    for match in lex.phrases("discovery_verbs").finditer(text, lo, hi):
        found.append((match.start(), match.end(), found_object(text, lo, hi, lex)))
    return sorted(found)


def noun_reading(text: str, start: int, lex: Lexicon) -> bool:
    """Is an event word that is also a verb's form ("condena": a sentence, or condemns) the
    noun here? Only right after an article, a possessive or a preposition (`noun_openers`)."""
    words = re.findall(r"[\w'’]+", text[max(0, start - 20) : start])
    return bool(words) and fold(words[-1]) in lex.get_set("noun_openers")


def found_object(text: str, lo: int, hi: int, lex: Lexicon) -> str | None:
    """The event of finding something in a clause: "the plane was found", "hallaron la
    avioneta". Only things found once in a story (a wreck, a black box) make one; a clause
    that finds bodies or people, or several things, names no event."""
    events = {
        lex.found_object_of[fold(re.sub(r"\s+", " ", m.group(0)))]
        for m in lex.found_object_re.finditer(text, lo, hi)
    }
    return events.pop() if len(events) == 1 else None


#: More words than this between an event word and a date, and the date is likely another
#: predicate's ("called to trial 12 people linked to the takeover of the channel on 9 January").
EVENT_REACH = 8


def related_by_time(between: str, lex: Lexicon) -> bool:
    """Does a stretch between a date and an event word relate them by time ('a day after',
    'una vez confirmada')? A clock time ('after 4 a.m.') relates nothing."""
    return bool(lex.temporal_relation_re.search(lex.clock_time_re.sub(" ", between)))


def close(between: str, lex: Lexicon) -> bool:
    """Can an event word this far from a date be the date's? Not across a temporal relation
    ("two days after": a clock time, "after 4 a.m.", relates nothing), nor from the
    complement of another noun ("the story of the crash began on Sunday"), nor far away."""
    if related_by_time(between, lex):
        return False
    between = APPOSITION.sub(" ", between)
    between = re.sub(lex.get("clock_time") or r"(?!x)x", " ", between, flags=re.I)
    return len(re.findall(r"[\w'’]+", between)) <= EVENT_REACH


def clause_event(text: str, mention: DateMention, lex: Lexicon, mentions) -> str | None:
    """The event of a date's own clause, or None when the clause names none, names a report
    ("Petro wrote on Friday"), or puts the date before or after it ("on Wednesday, two days
    after the earthquake"). The nearest word before the date is the clause's predicate; a
    clause of nothing but the date ("On Friday, police arrested ...") is the next clause's;
    a relative clause with no event word of its own is the event of the noun it hangs from."""
    spans = [(m.start, m.end) for m in mentions]
    start, end = mention.start, mention.end
    if re.search(
        rf"(?:{lex.phrases('as_of_words').pattern})\s+(?:(?:the|el|la)\s+)?$", text[:start], re.I
    ):
        return None  # "60 percent contained as of Monday": a status on that day, not an event
    left, right, opener = clause_bounds(text, start, end, lex)
    found = triggers(text, left, right, lex, spans)
    after = [t for t in found if t[0] >= end]
    if after and after[0][2] and ATTRIBUTIVE_GAP.match(text[end : after[0][0]]):
        words = re.findall(r"[\w'’]+", text[:start])
        if mention.text.endswith(("'s", "’s")) or (
            words and lex.phrases("determiners").fullmatch(words[-1])
        ):
            return after[0][2]
    before = [t for t in found if t[1] <= start and close(text[t[1] : start], lex)]
    if before:
        nearest = before[-1]
        genitive = re.search(
            rf"(?:{lex.phrases('genitive_words').pattern})\s+$", text[: nearest[0]], re.I
        )
        if genitive and not dated_noun(text, genitive.start(), nearest[1], start, found, lex):
            return None  # "the story of the crash began on Sunday": the story's date
        if lex.phrases("figure_update_verbs").search(text[nearest[1] : start]):
            return None  # "the toll of the collision rose to 31 on Monday": the figure's date
        if passive_between(text[nearest[1] : start], lex):
            return None  # "hostages seized during the riot were freed on Saturday"
        if moment_verb(text[nearest[1] : start], lex):
            return None  # "cousins of two men lost in the collision flew in on Monday"
        return nearest[2]
    occurred = occurrence_event(text, left, start, found, lex)
    if occurred:
        return occurred
    if (
        opener is not None
        and close(text[opener:start], lex)
        and not moment_verb(text[opener:start], lex)
    ):
        # the relative clause must still be under way: "the warehouse that burned last Friday
        # ..., lacked a permit and a ruling had shut it ... from March 2021" is not
        head = triggers(text, max(0, opener - 40), opener, lex, spans)
        # the noun may carry a name before the relative word: "el operativo Cordillera, que"
        if head and len(re.findall(r"[\w'’]+", text[head[-1][1] : opener])) <= 3:
            return head[-1][2]
    joined = re.match(r"\s*,?\s*", text[end:])
    if lex.phrases("simultaneity_words").match(text, end + joined.end()):
        # "occurred in the early hours of Thursday, as raids were carried out": the clause
        # that says what happened at that moment names the event.
        _, until, _ = clause_bounds(text, end + joined.end() + 1, end + joined.end() + 1, lex)
        found = triggers(text, end, until, lex, spans)
        if found:
            return found[0][2]
    if content_words(text[left:start], lex):
        return None  # the clause's predicate comes before the date and is no event we know
    if not content_words(text[end:right], lex):
        # "On Friday, police arrested ...": a clause of the date alone modifies the next one.
        mark = CLAUSE_MARKS.search(text, end)
        if not (mark and text[mark.start()] == ","):
            return trailing_event(text, left, lex, spans)
        _, right, _ = clause_bounds(text, mark.end(), mark.end(), lex)
        found = triggers(text, mark.end(), right, lex, spans)
        # "On Sunday, a day after the attack, ...", "El martes, una vez confirmada la fuga":
        # an event related to the date by time is not the date's own
        if not found or related_by_time(text[mark.end() : found[0][0]], lex):
            return None
        if moment_verb(text[mark.end() : found[0][0]], lex):
            return None  # "On Monday, relatives of the crash victims arrived in Tarvela"
        if re.search(
            rf"(?:{lex.phrases('agent_prepositions').pattern})\s+(?:[\w'’]{{1,4}}\s+)?$",
            text[: found[0][0]],
            re.I,
        ):
            return None  # "On Sunday, people cleared an area hit by the storm": the cause
        if re.search(
            rf"(?:{lex.phrases('genitive_words').pattern})\s+$", text[: found[0][0]], re.I
        ):
            return None  # "On Sunday, the mayor visited the site of the attack"
        return found[0][2]
    # A date opening its clause: "donde el 4 de marzo hubo disturbios".
    after = [t for t in after if close(text[end : t[0]], lex)]
    if after and moment_verb(text[end : after[0][0]], lex):
        return None  # "donde el lunes llegaron los familiares de las víctimas del choque"
    return after[0][2] if after else None


def occurrence_event(text: str, left: int, start: int, found, lex: Lexicon) -> str | None:
    """A date right after a verb of occurring ("the quake shook the valley and occurred
    at 9:42 p.m.", "el temblor sacudió el valle y se produjo el jueves": `occurrence_verbs_dated`
    in `dates.yaml`, with only the date's own words between) dates what the clause names before
    it: the one event its event words name, however far; a report word, two events or an event
    word that completes another noun leave it without one."""
    verbs = list(lex.phrases("occurrence_verbs_dated").finditer(text, left, start))
    if not verbs or content_words(text[verbs[-1].end() : start], lex):
        return None
    named = [t for t in found if t[1] <= verbs[-1].start()]
    events = {event for _, _, event in named}
    if len(events) != 1 or None in events:
        return None
    genitive = lex.phrases("genitive_words").pattern
    if any(re.search(rf"(?:{genitive})\s+$", text[left:s], re.I) for s, _, _ in named):
        return None  # "the story of the crash occurred": another noun's
    return events.pop()


def dated_noun(text: str, genitive: int, event_end: int, start: int, found, lex: Lexicon) -> bool:
    """Is an event word after "of"/"de" dated by the date right after it ("the victims of the
    fire on Sunday", "los fallecidos del incendio del domingo")? Only the date's own words may
    stand between, and the noun it completes must not be a named non-event of its own ("the
    anniversary of the attack on Monday" is the anniversary's day)."""
    if content_words(text[event_end:start], lex):
        return False
    head = text[max(0, genitive - 40) : genitive].rstrip()
    return not any(
        event is None and re.fullmatch(r"\s*", text[e:genitive]) for s, e, event in found
    ) and not lex.phrases("not_events").search(head[-20:] if head else "")


def clause_label(text: str, mention: DateMention, lex: Lexicon, mentions) -> str | None:
    """What a date with no event of the lexicon dates, in the clause's own words, when its
    predicate is a word the lexicon knows as no event: a report ("said on Tuesday", "informó
    este lunes"), a finding ("recovered March 27") or a named non-event ("an arrest warrant
    issued"). The nearest such word before the date in its clause, else, for a date opening
    its clause ("On Monday, officials said"), the first after it. An event word nearer the
    date, a temporal relation or a far word leave the date undescribed: the label is shown,
    never compared."""
    spans = [(m.start, m.end) for m in mentions]
    left, right, _ = clause_bounds(text, mention.start, mention.end, lex)
    if lex.phrases("onset_words").search(text, max(left, mention.start - 25), mention.start):
        return None  # "mourning starting on Thursday": the date of a start, not of the verb
    found = triggers(text, left, right, lex, spans)
    before = [t for t in found if t[1] <= mention.start]
    if before:
        start, end, event = before[-1]
        verb = moment_verb(text[end : mention.start], lex)
        if event is not None and verb and close(text[end : mention.start], lex):
            return label_text(verb.group(0))  # "lost in the collision, flew in on Monday": flew
        if event is not None or not close(text[end : mention.start], lex):
            return None
        if lex.phrases("figure_update_verbs").search(text[end : mention.start]):
            return None
        return label_text(text[start:end])
    if content_words(text[left : mention.start], lex):
        return predicate_word(text, left, mention.start, lex)
    mark = CLAUSE_MARKS.search(text, mention.end)
    if not content_words(text[mention.end : right], lex) and mark and text[mark.start()] == ",":
        _, right, _ = clause_bounds(text, mark.end(), mark.end(), lex)
        found = triggers(text, mark.end(), right, lex, spans)
        lo = mark.end()
    else:
        found = [t for t in found if t[0] >= mention.end]
        lo = mention.end
    if not found or found[0][2] is not None or not close(text[lo : found[0][0]], lex):
        return None
    return label_text(text[found[0][0] : found[0][1]])


def label_text(words: str) -> str:
    """A label as the article writes it, in lower case: "informó", "the hearing"."""
    return re.sub(r"\s+", " ", words).strip().lower()


def predicate_word(text: str, left: int, start: int, lex: Lexicon) -> str | None:
    """The word a date attaches to when only a date's own words ("on", "el", "this") stand
    between them: a verb ("recovered March 27", "comparecer el jueves") or a noun with its
    article ("the hearing on Monday", "el entierro del martes"). A capitalised word is a
    name ("in Dolores on Monday"), a word after "of"/"de" completes another noun ("la
    conferencia de prensa del lunes"), a word after a preposition is a complement ("con
    vida el lunes"), a noun after an article inside the clause is an object ("controlled the
    area on May 6"), and a word of time or a function word describes nothing: no label."""
    clause = re.sub(  # "a las seis y media del lunes": a clock time is no predicate
        lex.get("clock_time") or r"(?!x)x",
        lambda m: " " * len(m.group(0)),
        text[left:start],
        flags=re.I,
    )
    words = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", clause))
    while words and fold(words[-1].group(0)) in lex.get_set("date_fillers"):
        words.pop()
    if not words:
        return None
    word = words[-1]
    between = text[left + word.end() : start]
    if re.search(r"[^\w\s'’.]", between) or not word.group(0).islower():
        return None
    for verb in lex.phrases("occurrence_verbs_dated").finditer(text, left, left + word.end()):
        if verb.end() == left + word.end():
            return label_text(verb.group(0))  # "tuvo lugar en 2005": the verb, not "lugar"
    folded = fold(word.group(0))
    if len(folded) < 4 or any(
        folded in lex.get_set(key)
        for key in ("not_predicates", "determiners", "clause_openers", "date_prepositions")
    ):
        return None
    head = text[left : left + word.start()]
    if re.search(rf"(?:{lex.phrases('genitive_words').pattern})\s+$", head, re.I):
        return None
    prior = [fold(w.group(0)) for w in words[-3:-1]]
    while prior and prior[-1] in lex.get_set("determiners"):
        prior.pop()  # "en la misma tarde del jueves": the article of a complement
    if set(prior[-2:]) & lex.get_set("label_prepositions"):
        # "found alive on Monday" is fine, "con vida el lunes", "a buen ritmo el viernes",
        # "came into plain view on Thursday" name no predicate
        return None
    if re.search(r"\d[\d.,]*\s+(?:[^\W\d_]+\s+)?$", head):
        return None  # "cumpliría 34 años el 12 de junio", "300 agentes adicionales": counted
    if lex.get("plural_nouns_no_predicate") and re.search(r"[^su]s$", folded):
        return None  # "stranded cars on Thursday", "Maui authorities on Tuesday": nouns
    article = re.search(rf"(?:{lex.phrases('determiners').pattern})\s+$", head, re.I)
    if article and content_words(head[: article.start()], lex):
        return None  # "controlled the area on May 6": the object, not what the date dates
    return label_text((article.group(0) if article else "") + word.group(0))


def trailing_event(text: str, left: int, lex: Lexicon, spans) -> str | None:
    """A date closing its sentence after a comma, alone in its clause ("The wreck was found
    two weeks after the crash, on 15 May."), dates the predicate of the clause before it: its
    first event word, unless a temporal relation comes before that word ("two days after the
    crash, on Monday" dates something else, unnamed)."""
    if not re.search(r",\s*$", text[:left]):
        return None
    lo, _, _ = clause_bounds(text, left - 2, left - 2, lex)
    found = triggers(text, lo, left - 2, lex, spans)
    if not found or related_by_time(text[lo : found[0][0]], lex):
        return None
    if moment_verb(text[lo : found[0][0]], lex):
        return None
    if re.search(rf"(?:{lex.phrases('genitive_words').pattern})\s+$", text[: found[0][0]], re.I):
        return None
    return found[0][2]


def moment_verb(between: str, lex: Lexicon) -> re.Match | None:
    """A verb of another moment between an event word and a date: the date is that verb's
    ("cousins of two men lost in the collision flew to Tarvela on Monday", "la tormenta
    salió de Norlandia el domingo", "the storm reached the coast on Sunday"), not the event's.
    The verbs are `moment_verbs` in `dates.yaml`; one followed by a figure tells a toll ("the
    blast left 12 dead"), no moment of its own."""
    figure = lex.built(
        "figure_next",
        lambda: re.compile(rf"\s+(?:\d|(?:{lex.phrases('words').pattern})\b)", re.I),
    )
    for match in lex.phrases("moment_verbs").finditer(between):
        if not figure.match(between, match.end()):
            return match
    return None


def passive_between(between: str, lex: Lexicon) -> bool:
    """Does another predicate stand between an event word and its date, an auxiliary and the
    verb it carries ("the riot were freed on", "el motín fueron liberados el")? A copula
    before the date's own words ("the quake was on Friday", "fue la noche del") is none, nor
    is an auxiliary before a verb of occurring ("el asalto fue registrado el martes")."""
    for match in lex.phrases("passive_auxiliaries").finditer(between):
        word = re.match(r"\s+([^\W\d_]+)", between[match.end() :])
        if lex.phrases("occurrence_verbs_dated").fullmatch(word.group(1)) if word else False:
            continue  # "the attack was recorded on Monday": the event's own occurring
        if word and not lex.phrases("date_fillers").fullmatch(word.group(1)):
            return True
    return False


def content_words(text: str, lex: Lexicon) -> bool:
    """Does a stretch of a clause say more than a date's own words ("on", "late", "this",
    "la noche del", a clock time)?"""
    text = re.sub(lex.get("clock_time") or r"(?!x)x", " ", text, flags=re.I)
    text = lex.phrases("date_fillers").sub(" ", text)
    return bool(re.search(r"[^\W\d_]{3,}", text))


NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")


def opening_stamp(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """A date in figures opening a line, after nothing but stamp words, is the page's stamp
    on a headline ("date 2024-03-04 Floods leave 14 dead"), not the date of an event: prose
    writes an event's date in words."""
    before = re.findall(r"[^\W\d_]+", text[: mention.start])
    return bool(NUMERIC_DATE.fullmatch(mention.text.strip())) and all(
        fold(w) in lex.get_set("stamp_words") for w in before
    )


def pictured(text: str, mention: DateMention, lex: Lexicon) -> re.Match | None:
    """A date in a caption is the picture's: "This satellite image shows the flooded valley on
    September 14", "La fotografía muestra la zona del incendio el 3 de mayo". A picture word
    (`picture_words`) then a verb of showing (`depiction_verbs`), both before the date, and the
    date keeps no event, whatever event word the picture holds. Returns the verb."""
    pictures = lex.phrases("picture_words").search(text, 0, mention.start)
    if not pictures:
        return None
    return lex.phrases("depiction_verbs").search(text, pictures.end(), mention.start)


def cited_on(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """A citation's date ("Retrieved 12 March 2024", "consultado el 12 de marzo") is when a
    page was read, not the date of any event."""
    before = fold(text[max(0, mention.start - 24) : mention.start]).rstrip(" :,")
    return any(before.endswith(cue) for cue in lex.get("citation_cues", []))


def dateline(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """An agency dateline is the report's date, not the event's: "RABAT, Sept. 10 (Petra) --",
    "MADRID, 9 Sep. (EFE) -", "9 de septiembre, Madrid. –": a date near the start of a
    paragraph, with at most a place and an agency around it, closed by a dash."""
    if mention.start > 40:
        return False
    head = text[: mention.start].strip()
    tail = text[mention.end : mention.end + 60]
    place = r"(?:[A-ZÁÉÍÓÚÑ][\w.'’-]*(?:\s+[\w.'’-]+){0,3})"
    if head and not re.fullmatch(rf"(?:\(?[\w ]*\)?\s*)?{place},?", head):
        return False
    return bool(re.match(rf"\s*(?:,\s*{place})?\.?\s*(?:\([^)]{{1,30}}\))?\s*[-–—](?!\d)", tail))


def day_pair(text: str, between: str, other: DateMention, lex: Lexicon) -> bool:
    """Are two days one stretch of one event: "between Friday night and Saturday morning",
    "entre la noche del viernes y la madrugada del sábado" (`day_pair_joiners`, then only the
    second day's own words)? Not when the second day has a predicate of its own ("on Friday and
    on Saturday prosecutors charged him")."""
    joiner = lex.phrases("day_pair_joiners").search(between)
    if not joiner or content_words(between[: joiner.start()] + " " + between[joiner.end() :], lex):
        return False
    mark = CLAUSE_MARKS.search(text, other.end)
    return not content_words(text[other.end : mark.start() if mark else len(text)], lex)


def night_span(
    text: str, mention: DateMention, mentions: list[DateMention], lex: Lexicon
) -> tuple[int, int, DateMention | None]:
    """Days before and after a date that one overnight event may also fall on: "the night
    of Monday" runs into Tuesday, "the small hours of Sunday" and "la madrugada del domingo"
    began on Saturday night; "the night of Thursday to Friday" and "hasta la madrugada del
    martes" join two days into one event (the second date is returned, to be left out)."""
    before = fold(text[max(0, mention.start - 30) : mention.start])
    joined = None
    for other in mentions:
        if other.start <= mention.end:
            continue
        between = fold(text[mention.end : other.start]).strip()
        if lex.phrases("span_joiners").fullmatch(between) or day_pair(text, between, other, lex):
            joined = other
        break
    back = 1 if lex.phrases("small_hours").search(before) else 0
    if universal(text, mention, lex):
        return 1, 1, joined  # "0040 GMT on Saturday": locally Friday night or Saturday
    # "last night", "anoche", "Friday night", "el viernes por la noche": the night runs on
    space = re.match(r"\s*", text[mention.end :])
    part = lex.phrases("day_parts").match(text, mention.end + space.end())
    overnight = (
        lex.phrases("night_words").search(before)
        or (mention.relative and lex.phrases("night_words").search(fold(mention.text)))
        or (part and lex.phrases("night_words").search(fold(part.group(0))))
    )
    forward = 1 if overnight or joined else 0
    return back, forward, joined


def universal(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """Is the date told in universal time ("0040 GMT on Saturday", "03.00 GMT del miércoles",
    "Saturday 00:40 UTC")? Only the date's own words and a clock time may stand between."""
    zone = lex.phrases("universal_time")

    def joined(between: str) -> bool:
        between = re.sub(r"\d+(?:[:.]\d+)?", " ", between)  # the clock time: "00:40", "03.00"
        return not CLAUSE_MARKS.search(between) and not content_words(between, lex)

    for match in zone.finditer(text, max(0, mention.start - 30), mention.start):
        if joined(text[match.end() : mention.start]):
            return True
    after = text[mention.end : mention.end + 30]
    return any(joined(after[: m.start()]) for m in zone.finditer(after))


def date_claims(
    sentence: Sentence,
    text: str,
    lex: Lexicon,
    code: str,
    reference: PartialDate,
    people: list[Person],
    topic: str | None,
    mentions: list[DateMention] | None = None,
) -> tuple[list[Claim], list[tuple[int, int]]]:
    """Date claims of a sentence, and the spans they cover (numbers inside them are not counts).
    `mentions` are the sentence's dates when the caller found them already (`find_dates`)."""
    claims, spans = [], []
    personal = set(lex.get("personal_events", []))
    if mentions is None:
        mentions = find_dates(sentence.text, code, reference)
    skipped = set()
    # a sentence that tells of another case ("in a separate case", an earlier shooting the
    # article compares the story with) dates that case's events, not the story's
    other_case = bool(lex.phrases("other_case_cues").search(sentence.text))
    for mention in mentions:
        weekday_and_day(sentence.text, mention, lex)
        start, end = sentence.start + mention.start, sentence.start + mention.end
        spans.append((start, end))
        if id(mention) in skipped or other_case:
            continue
        if opening_stamp(sentence.text, mention, lex) or cited_on(sentence.text, mention, lex):
            continue
        report = dateline(sentence.text, mention, lex)
        since = period_start(sentence.text, mention, lex)
        shown = pictured(sentence.text, mention, lex)
        event = (
            None
            if report or since or shown
            else clause_event(sentence.text, mention, lex, mentions)
        )
        about = label_text(shown.group(0)) if shown else None
        ended = event and period_end(sentence.text, mention, lex)
        if ended:  # "ended on Thursday": the end of an event that may have run on
            event, about = None, fold(ended)
        if not report and not since and not shown and event is None and not mention.year_end:
            about = clause_label(sentence.text, mention, lex, mentions)
        subject = ""
        if event in personal:  # an arrest or a death is somebody's
            nearby = [p for p in people if abs(p.start - start) < 120]
            # "In March, 27 people were killed": many deaths, not the topic's own
            rest = sentence.text[: mention.start] + " " + sentence.text[mention.end :]
            counted = any(
                fold(m.group(0)) not in lex.get_set("one_words")
                for m in re.finditer(rf"\d+|\b(?:{lex.phrases('words').pattern})\b", rest, re.I)
            )
            owner = (
                min(nearby, key=lambda p: abs(p.start - start)).name
                if nearby
                else (None if counted else topic)
            )
            if owner:
                subject = owner
            else:
                event = None
        back, forward, joined = night_span(sentence.text, mention, mentions, lex)
        if joined is not None:
            skipped.add(id(joined))
        first, last = day_range(sentence.text, mention, lex)
        if first is not None:  # "entre el 3 y 4 de mayo": the range, from its first day
            back = max(back, mention.day - first[0])
            start = sentence.start + first[1]
            spans.append((start, end))
        elif last is not None:  # "between May 3 and 4": the range, to its last day
            forward = max(forward, last[0] - mention.day)
            end = sentence.start + last[1]
            spans.append((start, end))
        extra = {
            "precision": mention.precision,
            "relative": mention.relative,
            "rendered": mention.render(),
            **({"year_end": mention.year_end} if mention.year_end else {}),
            **(
                {"month_day": f"{mention.month:02d}-{mention.day:02d}"}
                if mention.year is None and mention.month and mention.day
                else {}
            ),  # "el 17 de mayo" in an undated article: comparable within the story's year
            **({"event": event} if event else {}),
            **({"report": True} if report else {}),
            **({"about": about} if about else {}),
            **({"since": True} if since else {}),
        }
        if joined is not None and joined.weekday is not None and mention.weekday is not None:
            forward = (joined.weekday - mention.weekday) % 7 or forward
        elif joined is not None and joined.as_date() and mention.as_date():
            forward = (joined.as_date() - mention.as_date()).days
        if first is not None or last is not None:
            extra["range"] = True  # one claim spanning the days, never one end of them
            low, high = (first[0], mention.day) if first else (mention.day, last[0])
            month = re.sub(r"^(?:[^\W\d_]+,?\s+)?\d{1,2}\s+", "", mention.render())
            extra["rendered"] = f"{low}–{high} {month}"
        if back or forward:
            extra["night"] = [-back, forward]
        if universal(sentence.text, mention, lex):
            extra["zone"] = "UTC"
        claims.append(
            Claim(
                kind="date",
                start=start,
                end=end,
                quote=text[start:end],
                value=mention.text,
                attribute="period start"
                if since
                else date_attribute(mention, event, about, report),
                subject=subject,
                date=mention.iso,
                weekday=mention.weekday_name,
                sentence=sentence.index,
                extra=extra,
            )
        )
    return claims, spans


def weekday_and_day(text: str, mention: DateMention, lex: Lexicon) -> None:
    """'las marchas del lunes 14': a weekday with a bare day of the month after it is that
    day, the latest such Monday the 14th on or before the weekday's own reading (within
    two months); with none, only the weekday is kept. The mention grows to hold the day."""
    if mention.weekday is None or not mention.relative or re.search(r"\d", mention.text):
        return
    after = re.match(r"\s+(\d{1,2})\b(?![.,:]\d)", text[mention.end :])
    day = mention.as_date()
    if not after or day is None or not 1 <= int(after.group(1)) <= 31:
        return
    rest = text[mention.end + after.end() :]
    if lex.noun_re.match(rest.lstrip()) or re.match(r"\s+[^\W\d_]*[^\W\d_suáéíóú]s\b", rest):
        return  # "el lunes 14 personas murieron": a count after the weekday
    wanted = int(after.group(1))
    mention.end += after.end()
    mention.text = text[mention.start : mention.end]
    for _ in range(9):  # a story's weekday is within weeks of its writing
        if day.day == wanted:
            mention.year, mention.month, mention.day = day.year, day.month, day.day
            return
        day -= dt.timedelta(days=7)
    mention.year = mention.month = mention.day = None


def day_range(
    text: str, mention: DateMention, lex: Lexicon
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """A day of the month written bare beside a date, joined to it as a range: before it
    ("entre el 3 y 4 de mayo", "del 3 al 9 de mayo", "3-4 May") gives (first day, where it
    starts), after it ("between May 3 and 4", "May 3-9") (last day, where it ends). A word
    joiner needs a `range_openers` word before the first day; a dash needs none."""
    if not mention.day:
        return None, None
    determiners = rf"(?:(?:{lex.alternation('determiners')})\s+)?"
    openers = lex.phrases("range_openers").pattern
    joiners = lex.phrases("range_joiners").pattern
    before = re.search(
        rf"(?:(?P<opener>{openers})\s+{determiners})?\b(?P<day>\d{{1,2}})"
        rf"(?:\s+(?:{joiners})\s+{determiners}|\s*[-–]\s*)$",
        text[: mention.start],
        re.I,
    )
    if before and (before.group("opener") or not re.search(r"[^\W\d_]\s+$", before.group(0))):
        day = int(before.group("day"))
        if 0 < day < mention.day:
            return (day, before.start("day")), None
    if not lex.phrases("range_openers").search(text, max(0, mention.start - 20), mention.start):
        dash_only = True  # "May 3-4": a dash joins without an opener
    else:
        dash_only = False
    after = re.match(
        rf"(?:\s+(?:{joiners})\s+{determiners}|\s*[-–]\s*)(\d{{1,2}})\b(?![.,:]\d)",
        text[mention.end :],
        re.I,
    )
    if not after or (dash_only and not re.match(r"\s*[-–]", after.group(0))):
        return None, None
    day = int(after.group(1))
    rest = text[mention.end + after.end() :]
    if lex.noun_re.match(rest.lstrip()) or re.match(r"\s+[^\W\d_]+s\b", rest):
        return None, None  # "on May 3 and 4 people died": a count, not a day
    if not mention.day < day <= 31:
        return None, None
    return None, (day, mention.end + after.end())


def period_end(text: str, mention: DateMention, lex: Lexicon) -> str | None:
    """'the hearing, which ended on Thursday', 'la audiencia terminó el jueves': a date a few
    words after an `end_words` verb, nothing but words between, is when the event ended. One
    that ran overnight or for days began before it: the verb, or None."""
    if not lex.get("end_words"):
        return None
    found = lex.built(
        "end_verb_before",
        lambda: re.compile(
            rf"(?:{lex.phrases('end_words').pattern})((?:\s+[^\W\d_]+){{0,5}})\s*$", re.I
        ),
    ).search(text[max(0, mention.start - 60) : mention.start])
    if not found or lex.phrases("clause_conjunctions").search(found.group(1)):
        return None
    return found.group(0)[: len(found.group(0)) - len(found.group(1))].strip()


def period_start(text: str, mention: DateMention, lex: Lexicon) -> bool:
    """'in prison since 2001', 'desde el 29 de julio': a date after a `since_words` word opens
    a period; it is no event's date."""
    return bool(
        re.search(
            rf"(?:{lex.phrases('since_words').pattern})\s+(?:(?:{lex.alternation('determiners')})\s+)?$",
            text[: mention.start],
            re.I,
        )
    )


def date_attribute(mention: DateMention, event: str | None, about: str | None, report: bool) -> str:
    """What a date claim says it dates: "date of <event>" for an event of the lexicon (the
    only dates ever compared), "page date" for a dateline, "date (<word>)" for a predicate
    the lexicon knows as no event ("date (said)", "date (informó)"), else plain "date"."""
    if mention.year_end:
        return "period"
    if event:
        return f"date of {event}"
    if report:
        return "page date"
    return f"date ({about})" if about else "date"
