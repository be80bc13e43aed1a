"""A document's date read from its own page, where its metadata gives none.

Evidence in falling order of trust: a date in the page's address (`/2023/09/10/`,
`-20230910-`, `?date=2023-09-10`), a publication or update stamp near the top ("Published 10
September 2023", "Actualizado: 10/09/2023", a bare date line above the headline), and a
dateline opening the body ("RABAT, Sept. 10 (MAP) --", "Madrid, 9 sep (EFE).-"). A less
trusted source may only make a more trusted one more precise (the day within the month of the
address). Only the top of the page is read: a date beside a teaser of another story at the
end of the page is never the article's. A date read this way must be plausible against the
dates the text itself states. Pure functions: the loader calls `page_date`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from .dates import DateMention, PartialDate, find_dates
from .lexicon import available_languages, lexicon
from .segment import date_stamp

#: Where a document's date came from, most trusted first (the `published_from` column).
SOURCES = ("metadata", "url", "stamp", "dateline")

EARLIEST_YEAR = 1990  # news on the web; an older "year" in an address is an id
TOP_LINES = 12  # lines of the page read for a stamp or a dateline
TOP_CHARS = 2500
BODY_LINES_BEFORE_STOP = 2  # a stamp comes before the article is under way
BODY_LINE_CHARS = 100  # a paragraph of the article: this long, ending as a sentence ends
BODY_ENDS = (".", "!", "?", '"', "”", "»", "’")
STAMP_CHARS = 80
# A date read from the page that precedes most of what its text dates by more than this, or
# follows all of it by more than this, belongs to something else (an id, a re-publication).
TOO_EARLY = dt.timedelta(days=366)
TOO_LATE = dt.timedelta(days=3 * 366)
LATER_DAY = dt.timedelta(days=1)  # a day named after the page's date, beyond time zones


@dataclass(frozen=True)
class PageDate:
    """A date read from the page, and where: "url", "stamp" or "dateline"."""

    date: PartialDate
    source: str

    @property
    def iso(self) -> str | None:
        return self.date.iso


def valid(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    """A calendar date of the web's years, or None ('2023/13/40' is an id, not a date)."""
    if not EARLIEST_YEAR <= year <= dt.date.today().year:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


# An address's path segments: /2023/09/10/, /2023/9/, /2023/; a whole date in one token
# (2023-09-10, 20230910) between separators; an American /06/25/2024/.
SEGMENT_YMD = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?:/(\d{1,2}))?(?=/|$)")
SEGMENT_MDY = re.compile(r"/(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?=/|$)")
SEGMENT_YEAR = re.compile(r"/((?:19|20)\d\d)(?=/)")
TOKEN_DATE = re.compile(r"(?<![\dA-Za-z])((?:19|20)\d\d)-?([01]\d)-?([0-3]\d)(?![\dA-Za-z])")
DATE_QUERY_KEYS = ("date", "fecha", "published", "pubdate", "publication_date", "publishdate")


def url_date(url: str | None) -> PartialDate | None:
    """The date an article's address gives it, as precise as the address is.

    >>> url_date("https://example.com/news/2023/09/10/quake-toll-rises").iso
    '2023-09-10'
    >>> url_date("https://example.com/2024/6/protests").iso
    '2024-06'
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = unquote(parts.path)
    ids = False  # /2023/13/40/: numbers that are no date, so no year either
    for match in SEGMENT_YMD.finditer(path):
        found = valid(*(int(g) if g else None for g in match.groups()))
        if found:
            return found
        ids = True
    for match in SEGMENT_MDY.finditer(path):
        month, day, year = (int(g) for g in match.groups())
        found = valid(year, month, day)
        if found and day <= 12 and month != day:  # 06/07/2024: June or July, unsaid
            return valid(year)
        if found:
            return found
    for token in re.split(r"[/_.]", path):
        match = TOKEN_DATE.search(token)
        if match:
            found = valid(*(int(g) for g in match.groups()))
            if found:
                return found
    for key, values in parse_qs(parts.query).items():
        if key.lower() in DATE_QUERY_KEYS:
            match = TOKEN_DATE.search(values[0])
            found = valid(*(int(g) for g in match.groups())) if match else None
            if found:
                return found
    match = None if ids else SEGMENT_YEAR.search(path)
    return valid(int(match.group(1))) if match else None


# A scraper's marker at the very top of the text: " date 2023-09-10 NAIROBI — ...".
DATE_MARKER = re.compile(r"\A\s*(?:date|fecha)\s+((?:19|20)\d\d)-([01]\d)(?:-([0-3]\d))?\b")
LIST_MARKS = ("•", "-", "*", "·", "–", "—", "+")


def top_lines(text: str) -> list[str]:
    """The page's first lines, up to where the article is under way."""
    lines: list[str] = []
    long_lines = 0
    for line in text[:TOP_CHARS].splitlines():
        line = line.strip()
        if not line:
            continue
        lines.append(line)
        long_lines += len(line) > BODY_LINE_CHARS and line.endswith(BODY_ENDS)
        if len(lines) >= TOP_LINES or long_lines >= BODY_LINES_BEFORE_STOP:
            break
    return lines


def stamp_date(text: str, year: int | None = None) -> PartialDate | None:
    """The date of a stamp at the top of the page: a line that is a date and little else
    ("Published 10 September 2023 10:42 GMT", "Actualizado: 10/09/2023"), or a scraper's
    leading "date 2023-09-10". A stamp under a list marker dates a link, not the article.

    >>> stamp_date("Quake toll rises\\nPublished 10 September 2023\\nThe toll ...").iso
    '2023-09-10'
    """
    marker = DATE_MARKER.match(text)
    if marker:
        found = valid(*(int(g) if g else None for g in marker.groups()))
        if found:
            return found
    previous = ""
    for line in top_lines(text):
        if len(line) <= STAMP_CHARS and not previous.startswith(LIST_MARKS):
            for code in available_languages():
                line_iso = full_months(numeric_days(line, code), code)
                if not date_stamp(line_iso, lexicon(code)):
                    continue
                found = first_date(line_iso, code, year)
                if found:
                    return found
        previous = line
    return None


# Day-first numeric stamps ("10/09/2023", "10.09.2023") in the languages that write them so;
# "09/10/2023" in English is month first.
NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)(?![\d/.])")


def numeric_days(line: str, code: str) -> str:
    """A stamp's numeric date rewritten as ISO, in the order the language writes it."""
    day_first = lexicon(code).get("day_first_numeric_dates", False)

    def iso(match: re.Match) -> str:
        a, b, year = (int(g) for g in match.groups())
        if not day_first and a <= 12 and b <= 12 and a != b:
            return match.group(0)  # 06/07/2023 in English: June or July, unsaid
        day, month = (a, b) if day_first or a > 12 else (b, a)
        return f"{year:04d}-{month:02d}-{day:02d}" if valid(year, month, day) else match.group(0)

    return NUMERIC_DATE.sub(iso, line)


def first_date(line: str, code: str, year: int | None) -> PartialDate | None:
    """The first date of a short line; `year` is the year of one that gives none."""
    for mention in find_dates(line, code):
        if mention.precision == "none" and mention.weekday is not None:
            continue
        if mention.month is None:
            continue
        said = mention.year if not mention.relative else year
        if said is None:
            continue
        found = valid(said, mention.month, mention.day)
        if found:
            return found
    return None


def usual_year(years: list[int]) -> int | None:
    """The year the text dates most often (the latest of equals): the year of a dateline
    that gives only the day and month."""
    if not years:
        return None
    counts = Counter(years)
    return max(counts, key=lambda year: (counts[year], year))


DATELINE = re.compile(
    r"\A(?P<place>[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:[ .'’-]+[^\W\d_]+){0,3}),\s*"
    r"(?P<date>[^()\n—–]{3,48}?)\s*(?:\((?P<agency>[^()\n]{2,24})\))?\s*\.?\s*(?:--|[—–-]|:)\s"
)
DATELINE_WORDS = 2  # words a dateline's date part may hold besides the date: "Kenya, June 25"


def dateline_date(text: str, year: int | None = None) -> PartialDate | None:
    """The date of a dateline opening the body: a place, a date, perhaps an agency, and a
    dash ("RABAT, Sept. 10 (MAP) --", "Madrid, 9 sep (EFE).-").

    >>> dateline_date("RABAT, Sept. 10, 2023 (MAP) -- Rescuers ...").iso
    '2023-09-10'
    """
    for line in top_lines(text):
        match = DATELINE.match(line)
        if not match:
            continue
        for code in available_languages():
            said = full_months(match.group("date"), code)
            mentions = [m for m in find_dates(said, code) if m.day]
            if not mentions:
                continue
            rest = said[: mentions[0].start] + " " + said[mentions[0].end :]
            if len(re.findall(r"[^\W\d_]+", rest)) > DATELINE_WORDS:
                continue
            found = first_date(said, code, year)
            if found and found.day:
                return found
    return None


def full_months(text: str, code: str) -> str:
    """A short line's abbreviated months written out ("9 sep" -> "9 septiembre"), by the
    lexicon key `short_months` (for the languages whose running-text months have none)."""
    short = lexicon(code).get("short_months") or {}
    if not short:
        return text
    # Only after a day ("9 sep", "9 de ago."): alone, "ago" and "set" are English words.
    pattern = r"(?<!\w)(\d{1,2}\s+(?:de\s+)?)(" + "|".join(map(re.escape, short)) + r")\.?(?!\w)"
    return re.sub(pattern, lambda m: m.group(1) + short[m.group(2).lower()], text, flags=re.I)


def stated_dates(text: str, language: str | None) -> list[DateMention]:
    """The absolute dates the text states (each with its own year)."""
    codes = [language] if language in available_languages() else list(available_languages())
    return [
        mention
        for code in codes
        for mention in find_dates(text, code)
        if mention.year is not None and not mention.relative and mention.month is not None
    ]


def span(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The first and last days a partial date can be."""
    year, month = date.year or 1, date.month
    if date.day:
        day = dt.date(year, month or 1, date.day)
        return day, day
    if month:
        last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        return dt.date(year, month, 1), last
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def plausible(date: PartialDate, stated: list[DateMention]) -> bool:
    """Can the page have been written on this date, by the dates its text states? Not in the
    future, and not before a day its text names (a live page first dated 9 August that quotes
    a post of 11 August was written later; an article naming a day to come is dated by its
    metadata or not at all); not a year or more before most of the events it dates; not years
    after all of them.

    >>> plausible(PartialDate(2023, 8, 9), find_dates("on August 11, 2023"))
    False
    """
    first, last = span(date)
    if first > dt.date.today():
        return False
    days = sorted(day for day in (m.as_date() or span(m)[0] for m in stated) if day)
    if not days:
        return True
    named = [day for m in stated if (day := m.as_date()) is not None]
    if named and max(named) > last + LATER_DAY:
        return False
    middle = days[len(days) // 2]
    return last + TOO_EARLY >= middle and first <= days[-1] + TOO_LATE


def refines(finer: PartialDate, coarser: PartialDate) -> bool:
    """Does `finer` say more than `coarser` and agree with all it says?"""
    rank = ("none", "year", "month", "day")
    if rank.index(finer.precision) <= rank.index(coarser.precision):
        return False
    return finer.year == coarser.year and coarser.month in (None, finer.month)


def page_date(text: str, url: str | None = None, language: str | None = None) -> PageDate | None:
    """The date of a page without one in its metadata, by the evidence of its address, its
    stamps and its dateline (see the module's docstring), or None.

    >>> page_date("Madrid, 9 sep (EFE).- El incendio ...", "https://example.es/2023/09/x").iso
    '2023-09-09'
    """
    stated = stated_dates(text, language)
    address = url_date(url)
    # A day and month without a year take the address's year, else the text's usual one.
    year = address.year if address else usual_year([m.year for m in stated if m.year])
    found: PageDate | None = None
    for source, date in (
        ("url", address),
        ("stamp", stamp_date(text, year)),
        ("dateline", dateline_date(text, year)),
    ):
        if date is None or not plausible(date, stated):
            continue
        if found is None or refines(date, found.date):
            found = PageDate(date, source)
    return found
