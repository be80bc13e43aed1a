"""The pipeline's prefilters err only towards running an extractor: a sentence they pass
over holds nothing the extractor's own pattern could find."""

from __future__ import annotations

import re
import sys

import pytest

from reconcile.extract.prefilter import (
    WordFolding,
    folded_words,
    may_hold_numbers,
    may_name_a_nationality,
    number_words,
)
from reconcile.lexicon import ACCENTED
from reconcile.numbers import find_numbers

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_folding_keeps_the_words_of_a_text_where_they_were():
    """A character is a word character exactly when its folded form is."""
    folded = EVERY_CHARACTER.translate(WordFolding())  # a table of its own: a million entries
    assert len(folded) == len(EVERY_CHARACTER)
    word = re.compile(r"\w")
    changed = [
        (a, b)
        for a, b in zip(EVERY_CHARACTER, folded, strict=True)
        if a != b and bool(word.match(a)) != bool(word.match(b))
    ]
    assert changed == []


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_spelling_a_number_pattern_accepts_folds_to_the_lexicon_word(code):
    """Each letter of a number word, as the number pattern spells it (accents optional, any
    case): every character it accepts folds to that letter."""
    folding = WordFolding()
    for letter in sorted({c for word in number_words(code) for c in word}):
        piece = f"[{ACCENTED[letter]}]" if letter in ACCENTED else re.escape(letter)
        accepted = set(re.findall(piece, EVERY_CHARACTER, re.I))
        assert {c.translate(folding) for c in accepted} == {letter}, letter


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        ("en", "The ferry left the harbour before dawn.", False),
        ("en", "Forty-two passengers were rescued.", True),
        ("en", "Rescuers found DOZENS of survivors.", True),
        ("en", "The toll rose to ٣ overnight.", True),  # digits of another script
        ("es", "El barco zarpó antes del amanecer con la tripulación.", False),
        ("es", "Murieron DOSCIENTOS VEINTIÚN pasajeros.", True),
        ("es", "Fueron veintiun los heridos.", True),
        ("es", "Llegaron dıez ambulancias.", True),  # a dotless i, which the pattern reads as i
    ],
)
def test_a_sentence_without_digits_or_number_words_is_passed_over(code, sentence, expected):
    assert may_hold_numbers(sentence, code) is expected
    if not expected:
        assert find_numbers(sentence, code) == []


def test_words_are_folded_as_the_lexicon_folds_them():
    assert folded_words("Veintiún CIENTOS, dıez") == {"veintiun", "cientos", "diez"}
    assert folded_words("Forty-two") == {"forty", "two"}


@pytest.mark.parametrize(
    ("code", "sentence", "expected"),
    [
        ("en", "Marta Lind, a baker from the old quarter, opened early.", False),
        ("en", "Marta Lind, a Peruvian baker, opened early.", True),
        ("en", "Marta Lind, originally from PERU, opened early.", True),
        ("es", "Marta Lind, panadera del barrio viejo, abrió temprano.", False),
        ("es", "Marta Lind, de nacionalidad peruana, abrió temprano.", True),
        ("es", "Marta Lind, oriunda de Perú, abrió temprano.", True),
    ],
)
def test_a_sentence_without_a_place_word_is_passed_over_for_nationalities(code, sentence, expected):
    from reconcile.extract.personal import nationality_patterns

    assert may_name_a_nationality(sentence, code) is expected
    if not expected:
        before, after = nationality_patterns(code)
        assert not any(p.search(sentence) for p in [*before, *after])


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_demonym_and_country_passes_the_nationality_test(code):
    """Each place word as the lexicon folds it, in lower case, capitalised, in capitals and
    with more letters after it: the test lets it through."""
    from reconcile.extract.personal import place_words

    demonyms, countries = place_words(code)
    for name in [*demonyms, *countries]:
        for spelling in (name, name.title(), name.upper(), name + "s"):
            assert may_name_a_nationality(f"It was, {spelling} - they said.", code), spelling
