"""Stage 2, segment: a document's text becomes paragraphs and sentences with offsets.

Each span gets a role. Only `body` sentences are read for claims; headings, captions, photo
credits, bylines and reader comments are kept (they are searchable) but are not the article's
claims.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, fold, lexicon
from .models import Sentence

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


def paragraph_role(text: str, blanks_before: int, lex: Lexicon) -> str:
    folded = fold(text).strip()
    bare = re.sub(r"[^\w\s]", "", folded).strip()
    if bare in lex.comment_markers or any(
        folded.startswith(m) for m in lex.comment_markers if len(m) > 12
    ):
        return "comment"
    if NUMBERED.match(text) and blanks_before >= 2:
        return "comment"
    if any(p.search(text.strip()) for p in lex.byline_res):
        return "byline"
    if folded.startswith(lex.caption_prefixes):
        return "caption"
    stripped = text.strip()
    if not stripped.endswith(TERMINAL) or stripped.startswith(("-", "•", "*")):
        return "heading" if len(stripped.split()) < 30 else "body"
    return "body"


def split_sentences(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph, skipping full stops of abbreviations and initials."""
    abbreviations = lex.get_set("abbreviations")
    spans, cursor = [], start
    for match in BOUNDARY.finditer(text, start, end):
        word = re.search(  # the word before the stop; a bounded look back keeps this linear
            r"([\w.]+)[.!?][\"”’»)\]]*\s+$", text[max(cursor, match.start() - 64) : match.end()]
        )
        if word and text[match.start()] == ".":
            token = word.group(1)
            if fold(token) in abbreviations or (len(token) == 1 and token.isupper()):
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


def segment(text: str, language: str = "en") -> list[Sentence]:
    """All sentences of a document, in order, with offsets into `text` and their role."""
    lex = lexicon(language)
    sentences: list[Sentence] = []
    in_comments = False
    for start, end, blanks in paragraphs(text):
        role = "comment" if in_comments else paragraph_role(text[start:end], blanks, lex)
        in_comments = in_comments or role == "comment"
        spans = split_sentences(text, start, end, lex) if role == "body" else [(start, end)]
        for s, e in (piece for span in spans for piece in bounded(text, *span)):
            sentences.append(Sentence(len(sentences), s, e, text[s:e], role))
    return sentences
