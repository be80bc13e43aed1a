"""Dates and weekdays in running text, with their offsets, resolved against a reference date.

"Thursday, December 14, 2023", "December 14th", "14 de diciembre de 2023", "in October 2022",
"May of 2022", "last May", "this Monday", "Wednesday's raids", "(12/27)", "(2007–2017)".
Month and weekday names come from the lexicons, so every language with a `dates.yaml` works.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .lexicon import available_languages, fold, lexicon
from .regex_needs import CASE_TWINS, required_literals, written_in

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.year is None:
            return "none"
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> dt.date | None:
        if self.precision != "day":
            return None
        try:
            return dt.date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @classmethod
    def parse(cls, iso: str | None) -> PartialDate:
        match = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", iso or "")
        if not match:
            return cls()
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)


@dataclass
class DateMention(PartialDate):
    start: int = 0
    end: int = 0
    text: str = ""
    weekday: int | None = None  # 0 = Monday, as written in the text
    relative: bool = False  # resolved against the reference date
    year_end: int | None = None  # "(2007–2017)"

    @property
    def weekday_name(self) -> str | None:
        return WEEKDAY_NAMES[self.weekday] if self.weekday is not None else None

    def calendar_weekday(self) -> int | None:
        date = self.as_date()
        return date.weekday() if date else None

    def render(self) -> str:
        """A canonical rendering that names the weekday: 'Thursday 14 December 2023'. Every
        part the text gives is kept: 'Tuesday 26 March' when it gives no year."""
        date = self.as_date()
        if date is not None:
            return f"{WEEKDAY_NAMES[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1]} {date.year}"
        parts = []
        if self.weekday is not None:
            parts.append(WEEKDAY_NAMES[self.weekday])
        if self.day and self.month:
            parts.append(str(self.day))  # "Tuesday 26 March": a year unknown keeps the day
        if self.month:
            parts.append(MONTH_NAMES[self.month - 1])
        if self.year:
            parts.append(str(self.year) + (f"–{self.year_end}" if self.year_end else ""))
        return " ".join(parts)


def alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def opening(*word_lists, digit: bool = False) -> str:
    """A lookahead for the first character of a match that opens with one of the words of
    `word_lists` (or a digit): Python's regex engine has no first-character shortcut for a
    pattern that opens with a lookbehind, and tried every alternative at each position. It
    is implied by every alternative, so no match changes; "" when a list is empty or holds an
    empty word, as what opens a match is then not told by the words."""
    words = [str(w) for listed in word_lists for w in listed]
    if any(not listed for listed in word_lists) or not all(words):
        return ""
    first = re.escape("".join(sorted({w[0] for w in words})))
    return "(?=[" + first + (r"\d" if digit else "") + "])"


@cache
def patterns(code: str) -> list[tuple[str, re.Pattern]]:
    lex = lexicon(code)
    month_words = [str(w) for ws in lex.get("months", {}).values() for w in ws]
    weekday_words = [str(w) for ws in lex.get("weekdays", {}).values() for w in ws]
    past_words = [*lex.get("past_markers", []), *lex.get("present_markers", [])]
    months = alternation(month_words)
    weekdays = alternation(weekday_words)
    suffix = alternation(lex.get("ordinal_suffixes", []) or ["th"])
    joiners = alternation(lex.get("date_joiners", []) or ["of"])
    past = alternation(past_words)
    past_after = alternation(lex.get("past_markers_after", []) or ["last"])
    after = rf"(?:\s+(?P<after>{past_after}))?"
    W = rf"(?P<wd>{weekdays})"
    M = rf"(?P<month>{months})(?:\.(?=\s*\d))?"
    D = rf"(?P<day>[0-3]?\d)(?:{suffix})?(?!\d)"
    Y = r"(?P<year>1[89]\d\d|20\d\d)(?!\d)"
    J = rf"(?:\s+(?:{joiners}))*"
    B = r"(?<![\w'’])"
    A = r"(?![\w])"
    # a year a scraper ran into the next word ("8 January 2023Image source") still ends there
    AY = r"(?:(?![\w])|(?<=\d{4})(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ]))"
    # "diciembre del año pasado", "December 3 last year": the year said against the article's
    years = [str(w) for w in (lex.get("relative_years") or {})]
    RY = rf"(?:\s*,?\s+(?P<relyear>{alternation(years)}))" if years else "(?!x)x"
    return [
        (
            "month_first",
            re.compile(
                rf"{B}{opening(past_words, weekday_words, month_words)}(?:(?P<mark>{past})\s+)?"
                rf"(?:{W}\s*,?{J}\s+)?{M}\s+{D}(?:\s*,?{J}\s*{Y}|{RY})?{AY}",
                re.I,
            ),
        ),
        (
            "day_first",
            re.compile(
                rf"{B}{opening(past_words, weekday_words, digit=True)}"
                rf"(?:(?P<mark>{past})\s+)?(?:{W}\s*,?\s+)?{D}{J}\s+{M}(?:\s*,?{J}\s+{Y}|{RY})?{AY}",
                re.I,
            ),
        ),
        (
            "month_year",
            re.compile(
                rf"{B}{opening(past_words, month_words)}(?:(?P<mark>{past})\s+)?{M}\s*,?{J}\s+{Y}{AY}",
                re.I,
            ),
        ),
        (
            "month",
            re.compile(
                rf"{B}{opening(past_words, month_words)}(?:(?P<mark>{past})\s+)?{M}"
                rf"(?:{RY}|\s+(?P<after>{past_after}))?{A}",
                re.I,
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"{B}{opening(past_words, weekday_words)}(?:(?P<mark>{past})\s+)?{W}(?:['’]s)?{after}{A}",
                re.I,
            ),
        ),
        ("relative_day", relative_day_pattern(lex)),
        ("days_ago", days_ago_pattern(lex)),
        # The patterns in figures open with a lookahead for their first character too.
        (
            "iso",
            re.compile(
                r"(?=[12])(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)(?![\d/.-])"
            ),
        ),
        (
            "numeric",
            re.compile(
                r"(?=[(0-9])(?<![\d/.])\(?(?P<m>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])\)?(?![\d/.])"
            ),
        ),
        (
            "year",
            re.compile(
                r"(?=[12])(?<![\d$€£.,/:-])(?P<year>1[89]\d\d|20\d\d)(?:\s*[–—-]\s*(?P<year2>1[89]\d\d|20\d\d))?(?![\d%,.:]\d|\d|%)"
            ),
        ),
    ]


def relative_day_pattern(lex) -> re.Pattern:
    """'yesterday', 'ayer', 'today', 'hoy' (lexicon key `relative_days`, with their offsets).
    Only days on or before the article's own: a day to come dates a plan, not an event, and
    Spanish 'mañana' is also the morning."""
    words = [word for word, offset in (lex.get("relative_days") or {}).items() if int(offset) <= 0]
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(
        rf"(?<![\w'’-]){opening(words)}(?P<rel>{alternation(words)})(?![\w'’-])", re.I
    )


def days_ago_pattern(lex) -> re.Pattern:
    """'two days ago', 'hace dos días' (lexicon keys `days_ago`, a pattern whose {n} is a
    number in figures or one of `day_count_words`)."""
    template = lex.get("days_ago")
    if not template:
        return re.compile(r"(?!x)x")
    words = [str(w) for w in (lex.get("day_count_words") or {})]
    n = rf"(?P<n>\d{{1,2}}|{alternation(words)})" if words else r"(?P<n>\d{1,2})"
    return re.compile(r"(?<![\w'’-])" + template.replace("{n}", n) + r"(?![\w'’-])", re.I)


def month_is_capitalised(code: str) -> bool:
    """English writes "May", Spanish "mayo": lexicon key `capitalised_months`."""
    return bool(lexicon(code).get("capitalised_months", False))


#: What each pattern cannot match without. Most sentences name no month, no weekday and no
#: digit: skipping the patterns that need them changes no result and saves most of the time.
NEEDS = {
    "month_first": ("month", "digit"),
    "day_first": ("month", "digit"),
    "month_year": ("month", "digit"),
    "month": ("month",),
    "weekday": ("weekday",),
    "relative_day": ("relative",),
    "iso": ("digit",),
    "numeric": ("digit",),
    "year": ("digit",),
}
DIGIT = re.compile(r"\d")


@cache
def pattern_strings(code: str) -> dict[str, object]:
    """For each pattern NEEDS says nothing of ("two days ago", "hace dos días"), the test
    (`regex_needs.written_in`) of the strings one of which every match of it holds, read off
    the parsed pattern: without it, it was searched in every sentence."""
    return {
        name: written_in(required_literals(pattern.pattern, pattern.flags))
        for name, pattern in patterns(code)
        if name not in NEEDS
    }


@cache
def calendar_words(code: str) -> dict[str, tuple[str, ...]]:
    lex = lexicon(code)
    found = {
        kind: tuple(
            sorted({str(w).casefold() for words in lex.get(key, {}).values() for w in words})
        )
        for kind, key in (("month", "months"), ("weekday", "weekdays"))
    }
    relative = lex.get("relative_days") or {}
    found["relative"] = tuple(sorted(str(w).casefold() for w, n in relative.items() if int(n) <= 0))
    # A word holding another of its kind ("january", "jan") occurs only where that one does:
    # the shorter alone answers whether the kind occurs (half the tests for English months).
    return {
        kind: tuple(w for w in words if not any(o != w and o in w for o in words))
        for kind, words in found.items()
    }


def calendar_words_in(text: str, code: str) -> set[str]:
    """Which of month names, weekday names, relative days and digits occur in `text` at all (plain substring
    tests: a regex alternation of the names with re.I was slower than the patterns it spared)."""
    folded = text.casefold()
    present = set()
    for kind, words in calendar_words(code).items():
        for word in words:
            if word in folded:
                present.add(kind)
                break
    if DIGIT.search(text):
        present.add("digit")
    return present


def find_dates(
    text: str, code: str = "en", reference: PartialDate | None = None
) -> list[DateMention]:
    """Every date in `text`, longest first where they overlap, resolved against `reference`."""
    lex = lexicon(code)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    candidates = []
    present = calendar_words_in(text, code)
    strings = pattern_strings(code)
    lowered = None
    for name, pattern in patterns(code):
        if not present.issuperset(NEEDS.get(name, ())):
            continue
        written = strings.get(name)
        if written is not None:
            if lowered is None:  # as `regex_needs.any_search` reads a text
                lowered = "" if CASE_TWINS.search(text) else text.lower()
            if lowered and not written(lowered):
                continue  # none of the strings one of which it needs ("day", "hace")
        for match in pattern.finditer(text):
            candidates.append((match.start(), -(match.end() - match.start()), name, match))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for start, _, name, match in candidates:
        end = match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        mention = build(name, match, lex, code, text, reference)
        if mention is None:
            continue
        taken.append((start, end))
        found.append(mention)
    found.sort(key=lambda m: m.start)
    return found


def build(name, match, lex, code, text, reference) -> DateMention | None:
    groups = match.groupdict()
    capital = month_is_capitalised(code)
    if groups.get("month") and capital and not groups["month"][0].isupper():
        return None  # "may" the verb, not May the month
    if groups.get("wd") and capital and not groups["wd"][0].isupper():
        return None
    mention = DateMention(start=match.start(), end=match.end(), text=match.group(0))
    if groups.get("wd"):
        mention.weekday = lex.weekdays.get(fold(groups["wd"]))
    if groups.get("month"):
        mention.month = lex.months.get(fold(groups["month"].rstrip(".")))
    if groups.get("m"):
        mention.month = int(groups["m"])
    if groups.get("day"):
        mention.day = int(groups["day"])
        if not 1 <= mention.day <= 31:
            return None
    if groups.get("year"):
        mention.year = int(groups["year"])
    if groups.get("year2"):
        mention.year_end = int(groups["year2"])
        if not mention.year < mention.year_end <= mention.year + 60:
            return None
    marker = fold(groups.get("mark") or groups.get("after") or "")
    if name == "numeric" and not numeric_is_date(text, match, lex):
        return None
    if name == "year" and not year_is_date(text, match, lex):
        return None
    if name == "month" and not (marker or preceded_by_preposition(text, match.start(), lex)):
        return None
    if name == "weekday" and not weekday_in_context(text, match, lex, marker):
        return None
    if name == "relative_day":
        return relative_day(mention, match, text, lex, reference)
    if name == "days_ago":
        return days_ago(mention, match, text, lex, reference)
    if groups.get("relyear"):
        # "diciembre del año pasado": the article's year and the offset, never the coming one
        mention.relative = True
        offset = lex.built("relative_year_offsets", lambda: folded_numbers(lex, "relative_years"))
        if reference is not None and reference.year is not None:
            mention.year = reference.year + offset[fold(re.sub(r"\s+", " ", groups["relyear"]))]
    elif mention.year is None:
        resolve(mention, reference, marker in lex.past_markers or marker in lex.past_markers_after)
    if mention.precision == "day" and mention.as_date() is None:
        return None
    return mention


#: What may come right before a capitalised relative day that opens a sentence or a quote:
#: anywhere else a capitalised "Today", "Hoy" is a name ("USA Today", "Diario Hoy").
OPENING = re.compile(r"(?:^|[.!?:;\"“”«»(\[—–-])\s*$")


def relative_day(mention: DateMention, match, text: str, lex, reference) -> DateMention | None:
    """'yesterday', 'ayer': the day before the article's, when the article's day is known. An
    article dated only to the month cannot say which day 'ayer' was: no date."""
    word = match.group("rel")
    if lex.get("relative_idioms") and lex.phrases("relative_idioms").match(text, match.start()):
        return None  # "hoy en día" is nowadays
    if word[0].isupper() and not OPENING.search(text[max(0, match.start() - 3) : match.start()]):
        return None
    day = reference.as_date() if reference is not None else None
    if day is None or quoted(text[: match.start()]):
        return None  # a quote's "yesterday" is the day before it was said, not published
    day += dt.timedelta(days=lex.relative_days[fold(word)])
    mention.year, mention.month, mention.day = day.year, day.month, day.day
    mention.relative = True
    return mention


def days_ago(mention: DateMention, match, text: str, lex, reference) -> DateMention | None:
    """'hace dos días': that many days before the article's, when its day is known and the
    words are not a quote's (said on another day)."""
    day = reference.as_date() if reference is not None else None
    if day is None or quoted(text[: match.start()]):
        return None
    count = match.group("n")
    counts = lex.built("day_counts", lambda: folded_numbers(lex, "day_count_words"))
    back = int(count) if count.isdigit() else counts[fold(count)]
    if not 1 <= back <= 10:
        return None  # further back, "days ago" is a manner of speaking
    day -= dt.timedelta(days=back)
    mention.year, mention.month, mention.day = day.year, day.month, day.day
    mention.relative = True
    return mention


def folded_numbers(lex, key: str) -> dict[str, int]:
    """A lexicon table of wordings and numbers (`relative_years`, `day_count_words`), folded."""
    return {fold(k): int(v) for k, v in (lex.get(key) or {}).items()}


def quoted(before: str) -> bool:
    """Does a quotation opened before this point remain open?"""
    return (
        before.count("“") > before.count("”")
        or before.count("«") > before.count("»")
        or before.count('"') % 2 == 1
    )


def preceded_by_preposition(text: str, start: int, lex) -> bool:
    """'in May', 'on Thursday', 'el jueves': lexicon key `date_prepositions`."""
    before = re.findall(r"[\w’']+", text[max(0, start - 20) : start])
    return bool(before) and fold(before[-1]) in lex.get_set("date_prepositions")


def year_is_date(text: str, match, lex) -> bool:
    """A bare 4-digit number is a year after a preposition, in parentheses or as a range."""
    if match.group("year2"):
        return True
    start = match.start()
    if start and text[start - 1] == "(":
        return True
    return preceded_by_preposition(text, start, lex)


def numeric_is_date(text: str, match, lex) -> bool:
    """'12/27' only counts as a date in parentheses or after 'at the time of writing'."""
    window = text[max(0, match.start() - 40) : match.start()]
    return match.group(0).startswith("(") or bool(lex.writing_time_re.search(window))


def weekday_in_context(text: str, match, lex, marker: str) -> bool:
    """A weekday name alone is a date when it is marked ("this Monday"), possessive
    ("Wednesday's raids"), or after "on"/"el" ("on Thursday")."""
    if marker or match.group(0).endswith(("'s", "’s")):
        return True
    if preceded_by_preposition(text, match.start(), lex):
        return True
    space = re.match(r"\s+", text[match.end() : match.end() + 5])
    return bool(space) and bool(lex.phrases("day_parts").match(text, match.end() + space.end()))


def resolve(mention: DateMention, reference: PartialDate | None, past: bool) -> None:
    """Fill in what the text leaves to its date: the year of "December 14th", the month and day
    of "Wednesday's raids" (the latest such weekday on or before the reference date). A weekday
    against a reference known only to the month stays a weekday: "last Saturday" in a March
    piece may be in February."""
    mention.relative = True
    if reference is None or reference.year is None:
        return
    if mention.month is not None:
        mention.year = reference.year
        # "el pasado 8 de enero" written on 14 January is this January; on 2 January, last year's.
        said = (mention.month, mention.day or 99)  # "last May" said in May: a year ago
        if reference.month and past and said > (reference.month, reference.day or 32):
            mention.year -= 1
        elif reference.month and (mention.month, mention.day or 0) > (
            reference.month,
            reference.day or 31,
        ):
            # "en diciembre" written in May, with no year or marker: a plan to come, or a past
            # December; neither is the coming December for sure, so the year stays unknown.
            mention.year = None
        return
    ref_day = reference.as_date()
    if mention.weekday is not None and ref_day is not None:
        back = (ref_day.weekday() - mention.weekday) % 7
        if back == 0 and past:
            back = 7
        day = ref_day - dt.timedelta(days=back)
        mention.year, mention.month, mention.day = day.year, day.month, day.day


def find_date(text: str) -> DateMention | None:
    """The first absolute date in a short text, in any language we have (for metadata)."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)  # "7 min readDec 29, 2023"
    best: DateMention | None = None
    for code in available_languages():
        for mention in find_dates(text, code):
            if mention.relative or mention.year is None:
                continue
            rank = ("year", "month", "day").index(mention.precision)
            if best is None or rank > ("year", "month", "day").index(best.precision):
                best = mention
    return best
