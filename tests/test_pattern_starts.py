"""The lookaheads that open the number and phrase patterns only skip places where no match
can start: every pattern finds what it finds without them."""

import re

import pytest

from reconcile.lexicon import available_languages, fold, lexicon, phrase_pattern
from reconcile.numbers import first_characters, number_pattern, prefix_trie

TEXTS = [
    "At least twenty-nine people were arrested and thirty-one more were held, police said.",
    "Some 1,500 residents fled; a dozen homes and 15.000 hectares burned on March 5, 2024.",
    "Sixty-two-year-old Ana, one of two hundred and five witnesses, spoke for 45 minutes.",
    "Al menos veintinueve personas fueron detenidas y otras treinta y una quedaron libres.",
    "Unos 2 mil 12 vecinos huyeron; una docena de casas y mil 832 hectáreas ardieron el martes.",
    "DOSCIENTOS CINCUENTA Y SEIS HERIDOS, SEGÚN LA POLICÍA; ÉL TIENE CUARENTA AÑOS.",
    "Öne ſeven K ı İ ﬁfty twentŷ-one Ünos veintiún, Ocho y diez; 8-10; eight or nine.",
]


def without(pattern: re.Pattern, lookahead: str) -> re.Pattern:
    assert lookahead in pattern.pattern
    return re.compile(pattern.pattern.replace(lookahead, "", 1), pattern.flags)


def matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("code", available_languages())
def test_the_number_pattern_finds_what_it_finds_without_its_lookahead(code):
    pattern = number_pattern(code)
    plain = without(pattern, first_characters(lexicon(code)))
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        assert matches(pattern, text) == matches(plain, text)


def test_a_prefix_trie_matches_the_starts_of_its_prefixes_only():
    trie = re.compile(prefix_trie({"two", "tw", "thr", "ocho"}), re.I)
    assert trie.match("Twelve") and trie.match("THREE") and trie.match("óchocientos")
    assert not trie.match("ten") and not trie.match("oc")
    assert prefix_trie({"", "one"}) == ""  # an empty prefix: any start will do


@pytest.mark.parametrize("code", available_languages())
def test_phrase_patterns_find_what_they_find_without_their_lookahead(code):
    lex = lexicon(code)
    for key in ("speech_verbs", "hedges", "qualifiers", "stopwords"):
        words = [str(w) for w in lex.get(key) or []]
        if not words:
            continue
        pattern = phrase_pattern(words)
        lookahead = re.match(r"\(\?<!\[[^\]]*\]\)(\(\?=\[[^\]]*\]\))", pattern.pattern).group(1)
        plain = without(pattern, lookahead)
        for text in TEXTS + [t.upper() for t in TEXTS] + [" ".join(map(fold, words))]:
            assert matches(pattern, text) == matches(plain, text)
