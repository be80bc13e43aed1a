"""Stage 2, segment: a document's text becomes paragraphs and sentences with offsets.

Each span gets a role. Only `body` and `heading` sentences are read for claims; captions and
photo credits (`caption`), bylines, the page's date stamps (`stamp`), links to other articles
(`related`) and reader comments are kept (they are searchable) but are not the article's
claims. Page furniture is told by its shape and its place, never by the site it comes from.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .lexicon import Lexicon, available_languages, fold, lexicon
from .models import Sentence
from .regex_needs import any_search, gated

TERMINAL = (".", "!", "?", '"', "”", "’", "»", ":", ";", ")")
BOUNDARY = re.compile(r"[.!?][\"”’»)\]]*\s+(?=[\"“‘«(¿¡\[]?[A-ZÁÉÍÓÚÑÜ0-9])")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")


def paragraphs(text: str) -> list[tuple[int, int, int]]:
    """(start, end, blank lines before) of each paragraph. A line is a paragraph, except
    that a line without closing punctuation followed by one starting in lowercase continues it
    (hard-wrapped text)."""
    spans: list[tuple[int, int, int]] = []
    offset, blanks = 0, 0
    current: list[int] | None = None
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = line.strip()
        if not stripped:
            if current:
                spans.append((current[0], current[1], current[2]))
                current = None
            blanks += 1
            continue
        lead = start + len(line) - len(line.lstrip())
        tail = start + len(line.rstrip())
        if current and not text[current[1] - 1].endswith(TERMINAL) and stripped[0].islower():
            current[1] = tail
            continue
        if current:
            spans.append((current[0], current[1], current[2]))
        current = [lead, tail, blanks]
        blanks = 0
    if current:
        spans.append((current[0], current[1], current[2]))
    return spans


NOT_WORD_OR_SPACE = re.compile(r"[^\w\s]")


def furniture_patterns(lex: Lexicon) -> tuple[list, list]:
    """The byline and caption patterns, each with the strings one of which it needs to match:
    most paragraphs hold none of a pattern's ("photo", "/", "courtesy"), and are not searched
    with it. Built once per lexicon."""
    return lex.built("furniture", lambda: (gated(lex.byline_res), gated(lex.caption_res)))


def paragraph_role(text: str, blanks_before: int, lex: Lexicon) -> str:
    folded = fold(text).strip()
    bare = NOT_WORD_OR_SPACE.sub("", folded).strip()
    if bare in lex.comment_markers or folded.startswith(lex.long_comment_markers):
        return "comment"
    if NUMBERED.match(text) and blanks_before >= 2:
        return "comment"
    stripped = text.strip()
    bylines, captions = furniture_patterns(lex)
    if any_search(bylines, stripped):
        return "byline"
    if folded.startswith(lex.caption_prefixes) or any_search(captions, stripped):
        return "caption"
    if date_stamp(stripped, lex):
        return "stamp"  # the page's date line, not the article's: no claims
    if not stripped.endswith(TERMINAL) or stripped.startswith(("-", "•", "*")):
        return "heading" if len(stripped.split()) < 30 else "body"
    return "body"


MAX_STAMP_CHARS = 80
LETTERS = re.compile(r"[^\W\d_]+")


def date_stamp(text: str, lex: Lexicon) -> bool:
    """Is a short line only a date stamp of the page? "Last Updated: 2022-03-09 11:27",
    "Jueves 3 de abril de 2025", "7:25 PM EST, March 2, 2023", "Quito, 11 de enero de
    2024 - Redacción": once dates, clock times and stamp words are taken out, at most two
    words are left."""
    if len(text) > MAX_STAMP_CHARS or not any(c.isdigit() for c in text):
        return False
    mentions = find_dates(text, lex.code)
    if not mentions:
        return False
    rest = text
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    rest = lex.clock_time_re.sub(" ", rest)
    stamp_words = lex.get_set("stamp_words")
    words = [w for w in LETTERS.findall(rest) if fold(w) not in stamp_words]
    return len(words) <= 2


def word_before(text: str, floor: int, stop: int) -> str:
    """The run of word characters and full stops right before `stop`, reaching back no
    further than `floor` ("U.S" before the last full stop of "U.S."); empty when there is
    none. (`str.isalnum` and the underscore are what `\\w` matches.)"""
    i = stop
    while i > floor and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:stop]


def split_sentences(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph, skipping full stops of abbreviations and initials."""
    abbreviations = lex.get_set("abbreviations")
    spans, cursor = [], start
    for match in BOUNDARY.finditer(text, start, end):
        stop = match.start()
        if text[stop] == ".":
            # the word before the stop; a bounded look back keeps this linear
            token = word_before(text, max(cursor, stop - 64), stop)
            if token and (fold(token) in abbreviations or (len(token) == 1 and token.isupper())):
                continue
        spans.append((cursor, match.start() + 1 + len(match.group(0).rstrip()) - 1))
        cursor = match.end()
    spans.append((cursor, end))
    return [(s, e) for s, e in (trim(text, s, e) for s, e in spans) if e > s]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_SENTENCE_CHARS = 1000


def bounded(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS):
    """A span cut into pieces of at most `limit` characters, at the last space before the
    limit where there is one. Real sentences are far shorter; a longer one is a table flattened
    to one line or scraped junk, and reading claims from it must stay linear in its length."""
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        piece = trim(text, start, cut)
        if piece[1] > piece[0]:
            yield piece
        start = cut
    piece = trim(text, start, end)
    if piece[1] > piece[0]:
        yield piece


TEASER_WORDS = 30  # a link to another article is a headline: shorter than this
# Body paragraphs before a list of links: fewer, and the lines are still the page's header
# (the article's own headline under its standfirst and date).
BODY_BEFORE_TEASERS = 3


def teasers(texts: list[str], roles: list[str], lex: Lexicon) -> set[int]:
    """Paragraphs that are links to other articles, by their shape and place: once the body
    is under way, a line shaped like a headline (short, without a full stop, or cut off with
    an ellipsis) beside a date stamp of the page ("Boric criticises ..." over "Tuesday
    14 October 2025"), or one of the short lines under a bare list marker ("Related",
    "Te puede interesar"), up to the next paragraph that is not."""
    found: set[int] = set()
    body = 0
    listing = False
    for i, (text, role) in enumerate(zip(texts, roles, strict=True)):
        stripped = text.strip()
        headline = len(stripped.split()) <= TEASER_WORDS and (
            stripped.endswith(("...", "…")) or not stripped.endswith(TERMINAL)
        )
        if role == "caption":
            bare = fold(text).strip(" :.")
            listing = body >= BODY_BEFORE_TEASERS and any(
                bare == p.rstrip(" :") for p in lex.caption_prefixes
            )
            continue
        if role not in ("body", "heading"):
            continue
        beside_stamp = any(0 <= j < len(roles) and roles[j] == "stamp" for j in (i - 1, i + 1))
        if headline and body >= BODY_BEFORE_TEASERS and (beside_stamp or listing):
            found.add(i)
            continue
        listing = False
        body += role == "body"
    return found


LEADING_STAMP = re.compile(r"\A((?:[^\W\d_]+\s+){1,2}(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)\s+(?=\S)")


def leading_stamp(text: str, lex: Lexicon) -> int:
    """The length of a scraper's date stamp glued to the start of a paragraph ("date
    2024-03-04 Floods leave ...": stamp words of any language, then a date in figures), or 0. The stamp is
    the page's, and what follows is a paragraph of its own, a headline or a caption as often as
    the article's first sentence."""
    found = LEADING_STAMP.match(text)
    if not found:
        return 0
    words = [fold(w) for w in found.group(1).split()[:-1]]
    # A scraper writes its stamp in its own language, not the article's ("date 2024-01-09"
    # over a Spanish text): the stamp words of every language count.
    for stamp_words in [lex.get_set("stamp_words")] + [
        lexicon(code).get_set("stamp_words") for code in available_languages() if code != lex.code
    ]:
        if all(w in stamp_words for w in words):
            return found.end(1)
    return 0


def split_stamps(text: str, spans: list[tuple[int, int, int]], lex: Lexicon):
    """Paragraph spans with a leading date stamp cut off into a span of its own, each with
    whether it is such a stamp."""
    for start, end, blanks in spans:
        cut = leading_stamp(text[start:end], lex)
        if cut:
            yield (start, start + cut, blanks), True
            start, _ = trim(text, start + cut, end)
            blanks = 0
        yield (start, end, blanks), False


def segment(text: str, language: str = "en") -> list[Sentence]:
    """All sentences of a document, in order, with offsets into `text` and their role."""
    lex = lexicon(language)
    sentences: list[Sentence] = []
    cut = list(split_stamps(text, paragraphs(text), lex))
    spans = [span for span, _ in cut]
    roles: list[str] = []
    in_comments = False
    for (start, end, blanks), stamp in cut:
        if stamp and not in_comments:
            roles.append("stamp")
            continue
        role = "comment" if in_comments else paragraph_role(text[start:end], blanks, lex)
        in_comments = in_comments or role == "comment"
        roles.append(role)
    for i in teasers([text[s:e] for s, e, _ in spans], roles, lex):
        roles[i] = "related"
    for (start, end, _), role in zip(spans, roles, strict=True):
        pieces = split_sentences(text, start, end, lex) if role == "body" else [(start, end)]
        for s, e in (piece for span in pieces for piece in bounded(text, *span)):
            sentences.append(Sentence(len(sentences), s, e, text[s:e], role))
    return sentences
