"""Segmenting with less work: the word before a full stop is read by a scan back instead of a
regex search, and the furniture patterns of a paragraph are tested by plain substring tests
or not at all when anchored at its start. Both must answer as the regexes did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.lexicon import available_languages, lexicon
from reconcile.regex_needs import anchored, any_search, gated, written_in
from reconcile.segment import BOUNDARY, word_before

# the search the scan replaces: the word (letters, digits, underscores, full stops) before
# the stop a sentence boundary starts with
WORD_BEFORE_STOP = re.compile(r"([\w.]+)[.!?][\"”’»)\]]*\s+$")

ALPHABET = st.sampled_from(list("aZé9_.!?,;:'\"”’») ([ \n\t") + ["ß", "İ", "²", "٣", "Ⅻ", "ñ"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_the_scan_back_finds_the_word_the_regex_found(text):
    cursor = 0
    for match in BOUNDARY.finditer(text):
        floor = max(cursor, match.start() - 64)
        old = WORD_BEFORE_STOP.search(text[floor : match.end()])
        assert word_before(text, floor, match.start()) == (old.group(1) if old else "")
        cursor = match.end()


def test_the_word_before_a_stop():
    text = "Dr. Ana Ruiz met U.S. Officials at 5 p.m. Velmora was calm. Then she left."
    stops = [m.start() for m in BOUNDARY.finditer(text)]
    assert [word_before(text, 0, s) for s in stops] == ["Dr", "U.S", "p.m", "calm"]
    assert word_before("¿Qué? Nada.", 0, 4) == "Qué"
    assert word_before("Fin . Otro", 0, 4) == ""  # a stop after a space: no word


def test_anchored_patterns_are_told_apart():
    assert anchored(re.compile(r"^by\s+\S", re.I))
    assert anchored(re.compile(r"\Astaff"))
    assert not anchored(re.compile(r"^by", re.M))  # every line's start
    assert not anchored(re.compile(r"(?:^|[.!?]\s*)photo"))
    assert not anchored(re.compile(r"\bphoto"))


def test_a_few_strings_are_tested_one_by_one():
    test = written_in(frozenset({"photo", "photograph", "picture"}))
    assert test("a photograph by") and test("the picture") and not test("a phot")
    assert written_in(frozenset({"by"}))("written by") and written_in(None) is None


PARAGRAPHS = [
    "By Lorna Vetch and Tomas Ilbery",
    "by staff",
    "3 min read",
    "Written by the desk",
    "Staff writer",
    "Photo: Ramiro Quelt / Agencia Norte",
    "Image courtesy of the Velmora fire service",
    "A handout photo shows the damaged bridge.",
    "In this photo taken on Monday, rescuers search the rubble.",
    "The mayor, left, and the governor, right, at the site.",
    "(Ramiro Quelt/Agencia Norte)",
    "— Lorna Vetch (@lvetch)",
    "VNA / Ana Ruiz AFP",
    "Foto: Ramiro Quelt / Agencia Norte",
    "Por Lorna Vetch",
    "Redacción Velmora",
    "Fotografía cortesía de los bomberos de Velmora",
    "The rescuers worked through the night, officials said.",
    "Los rescatistas trabajaron toda la noche, dijeron las autoridades.",
    "İstanbul photo",
    "",
]


def test_the_gated_search_answers_as_every_pattern_would():
    for code in available_languages():
        lex = lexicon(code)
        for patterns in (lex.byline_res, lex.caption_res):
            pairs = gated(patterns)
            for text in PARAGRAPHS:
                for sample in (text, text.upper(), text.lower()):
                    expected = any(p.search(sample) for p in patterns)
                    assert any_search(pairs, sample) == expected, (code, sample)
