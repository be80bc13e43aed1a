"""Cheap tests that tell the pipeline an extractor can find nothing in a sentence, so that it
is not run there. Each is derived from the same lexicon data as the pattern it stands in for,
and errs only towards running the extractor: the claims are those of running it everywhere.
"""

from __future__ import annotations

import re
from functools import cache

from ..lexicon import fold, lexicon

DIGIT = re.compile(r"\d")
WORD = re.compile(r"\w+")


class WordFolding(dict):
    """`str.translate` table: each character as `fold` gives it when that is one character
    and as much a word character as it was (an accented letter, a capital), else itself, so
    that the words of the folded text are the words of the text. Dotless ı, which `fold` keeps but a case-insensitive pattern reads
    as i, becomes i. Filled as characters are met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "i" if char == "ı" else fold(char)
        if len(folded) != 1 or bool(WORD.match(folded)) != bool(WORD.match(char)):
            folded = char  # "Ⓔ" is no word character, "e" is: it would join two words
        self[code] = folded
        return folded


FOLDING = WordFolding()


def folded_word_list(text: str) -> list[str]:
    """The words of a text in order, folded as lexicon words are ('Doscientos' -> 'doscientos')."""
    return WORD.findall(text.lower() if text.isascii() else text.translate(FOLDING))


def folded_words(text: str) -> set[str]:
    """The distinct folded words of a text."""
    return set(folded_word_list(text))


@cache
def number_words(code: str) -> frozenset[str]:
    """Every word of the number words and collectives `numbers.number_pattern` is built from:
    a number it finds holds a digit, or one of these as a word of its own."""
    lex = lexicon(code)
    return frozenset(
        word for entry in (*lex.number_words, *lex.collective) for word in WORD.findall(fold(entry))
    )


def may_hold_numbers(text: str, code: str) -> bool:
    """False when `numbers.find_numbers` can find no number in `text`: no digit, and none of
    the language's number words."""
    # `isdisjoint` stops at the first number word, and needs no set of the sentence's words.
    return bool(DIGIT.search(text)) or not number_words(code).isdisjoint(folded_word_list(text))


@cache
def place_word_starts(code: str) -> tuple[frozenset[str], tuple[int, ...]]:
    """The first word of every demonym and country name `personal.nationality_patterns` are
    built from, and their lengths."""
    from .personal import place_words

    demonyms, countries = place_words(code)
    starts = frozenset(
        words[0] for name in (*demonyms, *countries) if (words := WORD.findall(name))
    )
    return starts, tuple(sorted({len(word) for word in starts}))


def may_name_a_nationality(text: str, code: str) -> bool:
    """False when no nationality pattern can match in `text`: each needs a demonym or a country
    name, which starts a word, and no word of the text begins with the first word of one.
    (A beginning, not a whole word, so that the test holds whatever a pattern puts after the
    name.)"""
    starts, lengths = place_word_starts(code)
    return any(word[:n] in starts for word in folded_words(text) for n in lengths if len(word) >= n)
