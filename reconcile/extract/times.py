"""Clock times of events: "hit at 9:42 p.m. local time (1942 GMT)", "se produjo a las 21.42
hora local del jueves (19.42 GMT)", "began at around 4:20 a.m.". A time is a claim only
when it is a moment written in figures: a bound ("until 4:00", "hasta las 20.00", "just before
7:15 p.m.") is none, nor is a time in words ("poco antes de la medianoche", "las seis de la
mañana"), nor an hour that could be morning or evening ("at 10:15", with no "p.m.", no "horas"
and no part of the day). Each time keeps

- its event, the event of its own clause as a date's (`events.clause_event`); a time in
  brackets right after another ("9:42 pm (1942 GMT)") is the same moment in another zone and
  takes the first one's event;
- its zone: `UTC` for universal time (`universal_time`; a stated offset, "GMT+1", is taken
  off), `local` for local time and for a time that names no zone, or the zone's own words
  ("EST", "hora de Lima"); times of two zones are never compared;
- whether it is approximate ("around 11 pm", "alrededor de las 23:00": `time_approximators`);
- its day, when a date of its clause stands right beside it.

A time with no event is listed and never compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dates import DateMention
from ..lexicon import Lexicon, fold
from ..models import Claim, Sentence
from .events import CLAUSE_MARKS, clause_bounds, clause_event, content_words

#: "9:42", "21.42", "04:20": an hour and two figures of minutes.
HOUR_MINUTES = r"(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)"
#: "1942 GMT", "2342 UTC": a wire time, four figures, only before a universal zone.
WIRE = r"(?P<wh>[01]\d|2[0-3])(?P<wm>[0-5]\d)"
#: "10 p.m.", "9:42 pm", "4:00 AM", "11 p. m."
MERIDIEM = r"(?P<mh>1[0-2]|0?[1-9])(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m(?![^\W\d_])\.?"
#: "GMT+1", "UTC-5", "GMT−3:00"
OFFSET = r"\s*(?P<sign>[+\-−])\s*(?P<oh>\d{1,2})(?::?(?P<om>\d{2}))?"
DAY = 24 * 60
#: What a sentence holding a time in figures must hold: most hold none, and skip the search.
TIME_HINT = re.compile(r"\d(?:[:.][0-5]\d(?!\d)|\s*[aApP]\.?\s?[mM](?![^\W\d_])|\d{3}\s*[A-Z]{3})")


def may_hold_times(text: str) -> bool:
    return bool(TIME_HINT.search(text))


@dataclass
class ClockTime:
    start: int
    end: int
    text: str
    minutes: int  # after midnight, in its zone
    zone: str = "local"
    approx: bool = False
    bound: bool = False  # "until 4:00": a limit, not a moment

    @property
    def rendered(self) -> str:
        return f"{self.minutes // 60:02d}:{self.minutes % 60:02d}"


def time_patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The pattern of a time, of a zone right after it, and of the words before it that make
    it a bound or an approximation (built once per language)."""
    cached = lex.__dict__.get("_time_patterns")
    if cached:
        return cached
    universal = lex.alternation("universal_time") or "gmt|utc"
    zone_words = lex.alternation("zone_words") or "time"
    zone = re.compile(
        rf"(?:\s*(?P<suffix>{lex.alternation('hour_words') or 'h'})(?![^\W\d_])\.?)?"
        rf"(?:\s*[(\[]?\s*(?:(?P<utc>{universal})(?:{OFFSET})?(?![^\W\d_])"
        rf"|(?P<local>{lex.alternation('local_time_words') or 'local time'})(?![^\W\d_])"
        rf"|(?P<named>(?:{zone_words})\s+(?:(?:de|del|of|em|in)\s+)?(?-i:[A-ZÁÉÍÓÚ])[^\W\d_]+"
        rf"|(?-i:[A-Z][a-z]+)\s+(?:{zone_words})(?![^\W\d_])"
        rf"|(?-i:[A-Z]{{1,3}}T)(?![^\W\d_]))))?",
        re.I,
    )
    moment = re.compile(
        rf"(?<![\w.,:/-])(?:{MERIDIEM}|{HOUR_MINUTES}|{WIRE}(?=\s*(?:{universal})(?![^\W\d_])))"
        r"(?![^\W\d_]|[.,:]\d|\d)",
        re.I,
    )
    lead = rf"(?:\s+(?:{lex.alternation('time_openers', 'time_approximators') or 'at'}))*\s*$"
    bound = re.compile(rf"(?<![^\W\d_])(?:{lex.alternation('time_bounds') or 'until'}){lead}", re.I)
    lex.__dict__["_time_patterns"] = (moment, zone, bound)
    return moment, zone, bound


def find_times(text: str, lex: Lexicon) -> list[ClockTime]:
    """Every clock time of a sentence written in figures, with its zone, whether it is
    approximate, and whether it is a bound rather than a moment."""
    moment, zone_re, bound_re = time_patterns(lex)
    found: list[ClockTime] = []
    for match in moment.finditer(text):
        groups = match.groupdict()
        zone = zone_re.match(text, match.end())
        end = zone.end() if zone and zone.group(0).strip() else match.end()
        before = fold(text[max(0, match.start() - 40) : match.start()])
        if groups["mh"]:  # "10 p.m.": twelve hours and a meridiem
            hour, minutes = int(groups["mh"]) % 12, int(groups["mm"] or 0)
            if fold(groups["ap"]) == "p":
                hour += 12
        elif groups["h"]:  # "21.42": a time only after "at", "a las", or before "horas", a zone
            opener = re.search(rf"(?:{lex.alternation('time_openers') or 'at'})\s*$", before)
            if not (opener or end > match.end()):
                continue
            hour, minutes = int(groups["h"]), int(groups["m"])
            space = re.match(r"\s*", text[end:])
            evening = lex.phrases("evening_parts").match(text, end + space.end())
            morning = lex.phrases("morning_parts").match(text, end + space.end())
            if evening and hour < 12:  # "a las 10:40 de la noche"
                hour += 12
            said_24 = groups["h"].startswith("0") or hour > 12 or zone and zone.group("suffix")
            if not (said_24 or evening or morning or (zone and zone.group("utc"))):
                continue  # "at 10:15": morning or evening, the text does not say
            end = (evening or morning).end() if evening or morning else end
        else:
            hour, minutes = int(groups["wh"]), int(groups["wm"])
        if re.search(r"[(\[][^)\]]*$", text[match.end() : end]):
            close = re.match(r"\s*[)\]]", text[end:])
            end += close.end() if close else 0  # "13:35 (hora de Lima)"
        kind, offset = zone_of(zone)
        found.append(
            ClockTime(
                start=match.start(),
                end=end,
                text=text[match.start() : end].strip(),
                minutes=(hour * 60 + minutes - offset) % DAY,
                zone=kind,
                approx=bool(lex.phrases("time_approximators").search(before[-24:])),
                bound=bool(bound_re.search(before)),
            )
        )
    return found


def zone_of(zone: re.Match | None) -> tuple[str, int]:
    """The zone a time is told in, and the minutes to take off to reach it ("GMT+1": 60)."""
    if zone is None:
        return "local", 0
    if zone.group("utc"):
        if zone.group("oh"):
            sign = -1 if zone.group("sign") in "-−" else 1
            return "UTC", sign * (int(zone.group("oh")) * 60 + int(zone.group("om") or 0))
        return "UTC", 0
    if zone.group("named"):
        return " ".join(zone.group("named").split()), 0
    return "local", 0


def converted(text: str, time: ClockTime, previous: ClockTime | None, spans, lex) -> bool:
    """Is `time` the moment `previous` names, told in another zone: "9:42 pm (1942 GMT)",
    "a las 21.42 hora local del jueves (19.42 GMT)"? A bracket opens right after the earlier
    time, with only a day's own words between."""
    if previous is None:
        return False
    between = text[previous.end : time.start]
    bracket = re.search(r"[(\[]\s*$", between)
    if not bracket:
        return False
    words = "".join(
        " " if any(s <= previous.end + i < e for s, e in spans) else char
        for i, char in enumerate(between[: bracket.start()])
    )
    return not CLAUSE_MARKS.search(words) and not content_words(words, lex)


def time_claims(
    sentence: Sentence, text: str, lex: Lexicon, mentions: list[DateMention]
) -> list[Claim]:
    """Time claims of a sentence, each with the event of its clause (`events.clause_event`)
    and its zone; `mentions` are the sentence's dates, whose day a time beside them takes."""
    claims: list[Claim] = []
    personal = set(lex.get("personal_events", []))
    spans = [(m.start, m.end) for m in mentions]
    previous: ClockTime | None = None
    previous_event: str | None = None
    found = find_times(sentence.text, lex)
    if found and is_stamp(sentence.text, spans + [(t.start, t.end) for t in found]):
        return []
    for time in found:
        if previous is not None and converted(sentence.text, time, previous, spans, lex):
            if previous.bound:
                continue  # "hasta las 20.00 hora local (18.00 GMT)": a bound in two zones
            event, time.approx = previous_event, previous.approx
        elif time.bound:
            previous, previous_event = time, None
            continue
        else:
            probe = DateMention(start=time.start, end=time.end, text=time.text)
            event = clause_event(sentence.text, probe, lex, mentions)
            if event in personal:
                event = None  # an arrest's hour is somebody's: not read here
        previous, previous_event = time, event
        day = day_of(sentence.text, time, mentions, lex)
        start, end = sentence.start + time.start, sentence.start + time.end
        extra = {
            "minutes": time.minutes,
            "zone": time.zone,
            "rendered": time.rendered,
            **({"approx": True} if time.approx else {}),
            **({"event": event} if event else {}),
        }
        where = "" if time.zone == "local" else f" ({time.zone})"
        claims.append(
            Claim(
                kind="time",
                start=start,
                end=end,
                quote=text[start:end],
                value=time.text,
                attribute=(f"time of {event}" if event else "time") + where,
                qualifier="about" if time.approx else "exact",
                date=day.iso if day is not None and day.precision == "day" else None,
                weekday=day.weekday_name if day is not None else None,
                sentence=sentence.index,
                extra=extra,
            )
        )
    return claims


def is_stamp(text: str, spans: list[tuple[int, int]]) -> bool:
    """A line that is only a date and a time, with at most a capitalised label ("SPORT • 26
    Jun, 2025 10:57 h"): when a page was posted, no moment of the story."""
    rest = list(text)
    for start, end in spans:
        rest[start:end] = " " * (end - start)
    return re.search(r"(?<![\w'’])[a-záéíóúñü]{3,}", "".join(rest)) is None


def day_of(text: str, time: ClockTime, mentions: list[DateMention], lex: Lexicon):
    """The date of the time's own clause, with only the date's own words between them:
    "at 10:05 p.m. on March 3, 2024", "el jueves a las 21:42 horas"."""
    left, right, _ = clause_bounds(text, time.start, time.end, lex)
    for mention in mentions:
        if not (left <= mention.start and mention.end <= right):
            continue
        lo, hi = (
            (mention.end, time.start) if mention.end <= time.start else (time.end, mention.start)
        )
        if lo <= hi and not content_words(text[lo:hi], lex):
            return mention
    return None
