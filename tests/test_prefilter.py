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


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"(?P<n>\d{1,3})\s+years", True),
        (r"aged\s+(?:\d|\d\d)", True),
        (r"x{0,2}\d", True),
        (r"(?>\d)", True),
        (r"a\d?", False),  # an optional digit
        (r"\d*", False),
        (r"(?:\d|dozen)", False),  # a branch without one
        (r"(?=\d)", False),  # a lookahead is not read
        (r"[0-9]", False),  # nor a class of its own: the answer errs towards running
        (r"(", False),  # no regex at all
    ],
)
def test_a_regex_requires_a_digit_only_where_every_match_holds_one(regex, expected):
    from reconcile.regex_needs import requires_a_digit

    assert requires_a_digit(regex, re.I) is expected


@pytest.mark.parametrize(
    ("code", "sentence", "age"),
    [
        ("en", "Lidia Farrow, who was thirty-four years old, ran the ferry office.", 34),
        ("en", "The pilot, Oskar Brenn, 47, was unhurt.", 47),
        ("en", "Lidia Farrow ran the ferry office in Corvena for years.", None),
        ("es", "Lidia Farrow, de treinta y cuatro años, dirigía la oficina del ferry.", 34),
        ("es", "El piloto, Oskar Brenn, 47, salió ileso.", 47),
        ("es", "Lidia Farrow dirigió durante años la oficina del ferry en Corvena.", None),
    ],
)
def test_ages_are_sought_only_in_sentences_that_may_hold_a_number(
    code, sentence, age, monkeypatch, tmp_path
):
    """Every age phrase and apposition of the shipped lexicons needs a number (digits or the
    language's number words), so a sentence without one runs none of them; ages in words are
    still found."""
    from reconcile.extract import ages
    from reconcile.ingest import analyse
    from reconcile.load import load_path

    assert all(all(needs) for needs in ages.needs_a_number(code))
    compiled: list[int] = []
    original = ages.age_pattern

    def spy(language, index):
        compiled.append(index)
        return original(language, index)

    monkeypatch.setattr(ages, "age_pattern", spy)
    path = tmp_path / "article.md"
    path.write_text(f"---\nlanguage: {code}\n---\n{sentence}\n", encoding="utf-8")
    claims = [c for d in load_path(path) for c in analyse(d)[2] if c.kind == "age"]
    assert [c.low for c in claims] == ([age] if age else [])
    if age is None:
        assert not compiled


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"(?:^|[.!?]\s*)(?i:photo|image)s?:", {"photo", "image"}),
        (r"^by\s+\S", {"by"}),
        (r"\b[A-Z]{2,}\s*/\s*[A-Z]", {"/"}),
        (r"(?i:foto|imágenes)\b", {"foto", "genes"}),  # a run stops at a letter outside ASCII
        (r"(?:photo|)credit", {"credit"}),
        (r"(?:photo|)\s+", None),  # a branch that needs nothing
        (r"[ab]x?", None),
        (r"(", None),
    ],
)
def test_the_strings_a_regex_needs_are_read_off_its_parse(regex, expected):
    from reconcile.regex_needs import required_literals

    found = required_literals(regex, re.I)
    assert (None if found is None else set(found)) == expected


FURNITURE = [
    "Photo: Ana Ruiz/Agency",
    "PHOTO: ANA RUIZ/AGENCY",
    "İMAGE: Ana Ruiz",  # a dotted capital I, which a case-insensitive pattern reads as i
    "Photoſ: Ana Ruiz",  # a long s
    "Images courtesy of the Velmora port authority",
    "(Ana Ruiz / Agency via Wire)",
    "By Tomasz Welbeck",
    "Ana Ruiz, left, and Oskar Brenn, right, at the port.",
    "The ferry left the port at dawn with 40 passengers.",
    "Foto: Ana Ruiz/Agencia",
    "FOTOGRAFÍA: ANA RUIZ",
    "Imágenes cedidas por la autoridad portuaria de Velmora",
    "Por Nerea Valcárcel",
    "El ferry zarpó del puerto al amanecer con 40 pasajeros.",
]


@pytest.mark.parametrize("code", ["en", "es"])
def test_furniture_patterns_find_what_they_find_without_the_shortcut(code):
    """A paragraph's byline and caption patterns are passed over where none of the strings
    they need is written, with the same roles as searching with every pattern."""
    from reconcile.lexicon import lexicon
    from reconcile.regex_needs import anchored, any_search
    from reconcile.segment import furniture_patterns

    lex = lexicon(code)
    texts = [variant for text in FURNITURE for variant in (text, text.upper(), text.lower())]
    hits = 0
    for patterns in furniture_patterns(lex):
        # a pattern anchored at the start is searched as it is: one attempt, no test first
        assert any(written is not None for _, written in patterns) or all(
            anchored(p) for p, _ in patterns
        )
        for text in texts:
            expected = any(p.search(text) for p, _ in patterns)
            assert any_search(patterns, text) is expected, text
            hits += expected
    assert hits


DAYS_AGO = [
    ("en", "The boat left Tarvel two days ago, the harbour master said."),
    ("en", "Ana Ruiz arrived 3 days ago and left on Monday."),
    ("en", "THE FERRY SANK FOUR DAYS AGO."),
    ("en", "The mayor of Velmora said the repairs would take weeks."),
    ("en", "İlker Demir came back 2 days ago."),
    ("es", "El barco zarpó de Tarvel hace dos días, dijo el capitán."),
    ("es", "HACE 3 DÍAS QUE LLEGÓ ANA RUIZ."),
    ("es", "El alcalde de Velmora dijo que las obras durarán semanas."),
]


@pytest.mark.parametrize(("code", "sentence"), DAYS_AGO)
def test_a_date_pattern_without_calendar_needs_is_tried_only_where_its_words_are(
    code, sentence, monkeypatch
):
    """'two days ago', 'hace dos días' need no month, weekday or digit: the pattern is passed
    over where none of the strings it needs ("day", "hace") is written, with the same dates
    as searching every sentence with it."""
    from reconcile import dates

    assert dates.pattern_strings(code)  # the days-ago pattern is gated
    published = dates.PartialDate.parse("2024-03-10")

    def found():
        return [
            (m.start, m.end, m.text, m.day) for m in dates.find_dates(sentence, code, published)
        ]

    gated = found()
    monkeypatch.setattr(dates, "pattern_strings", lambda code: {})
    assert gated == found()
    assert bool(gated) == ("ago" in sentence.lower() or "hace" in sentence.lower())
