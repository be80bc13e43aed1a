"""The date patterns open with a lookahead for the first character of a match (`dates.opening`),
so that the regex engine rules most positions out with one test. It is implied by every
alternative: the patterns find exactly what they found without it."""

from __future__ import annotations

import re
import sys

import pytest

from reconcile import dates
from reconcile.lexicon import lexicon

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def opening_words(code: str) -> list[list[str]]:
    lex = lexicon(code)
    return [
        [str(w) for ws in lex.get("months", {}).values() for w in ws],
        [str(w) for ws in lex.get("weekdays", {}).values() for w in ws],
        [*lex.get("past_markers", []), *lex.get("present_markers", [])],
        [str(w) for w in (lex.get("relative_days") or {})],
    ]


@pytest.mark.parametrize("code", ["en", "es"])
def test_the_lookahead_accepts_what_a_first_letter_accepts(code):
    """Case-insensitively, the lookahead's class accepts every character the first letter of
    one of the words (or a digit) accepts, and no other."""
    words = opening_words(code)
    lookahead = dates.opening(*words, digit=True)
    assert lookahead.startswith("(?=[")
    accepted = set(re.findall(lookahead[3:-1], EVERY_CHARACTER, re.I))
    firsts = {w[0] for listed in words for w in listed}
    expected = set(re.findall(r"\d", EVERY_CHARACTER))
    for first in firsts:
        expected |= set(re.findall(re.escape(first), EVERY_CHARACTER, re.I))
    assert accepted == expected


def test_no_lookahead_when_a_list_may_open_with_anything():
    assert dates.opening(["may"], []) == ""
    assert dates.opening(["may", ""]) == ""
    assert dates.opening(["may", "june"], digit=True) == r"(?=[jm\d])"


SENTENCES = {
    "en": [
        "The ferry sank on Tuesday, March 5, 2024, off the coast.",
        "Last Monday the mayor said the bridge would reopen in May.",
        "THE STORM HIT ON 12 AUGUST AND AGAIN LAST FRIDAY NIGHT.",
        "Yesterday the court met; today it adjourned until Sept. 9 of 2025.",
        "The report (dated 03/04) and the 2023-11-02 notice were filed in 1998-2001.",
        "Figures: 12/31, (1/2), 2019, 20190, $2020, 1899–1950, 2000%, 3.2021, 11/5/2022.",
        "It may rain this week, said the weather desk on the 3rd of June.",
    ],
    "es": [
        "El barco se hundió el martes 5 de marzo de 2024 frente a la costa.",
        "El pasado lunes el alcalde dijo que el puente abriría en mayo.",
        "LA TORMENTA LLEGÓ EL 12 DE AGOSTO Y OTRA VEZ EL ÚLTIMO VIERNES.",
        "Ayer se reunió el tribunal; hoy suspendió la sesión hasta el 9 de septiembre.",
        "Anoche, el sábado, y anteayer, el miércoles 2 de noviembre de 2023, hubo réplicas.",
    ],
}


@pytest.mark.parametrize("code", ["en", "es"])
def test_the_patterns_find_what_they_found_without_the_lookahead(code, monkeypatch):
    """Every pattern's matches, on invented sentences and on each calendar word of the
    lexicon in three cases after each marker, with the lookahead and without it."""
    with_lookahead = dates.patterns.__wrapped__(code)
    monkeypatch.setattr(dates, "opening", lambda *lists, digit=False: "")
    without = [  # the patterns in figures have their first character's lookahead written in
        (name, re.compile(re.sub(r"^\(\?=\[[^]]*\]\)", "", p.pattern), p.flags))
        for name, p in dates.patterns.__wrapped__(code)
    ]
    assert any(
        a.pattern != b.pattern for (_, a), (_, b) in zip(with_lookahead, without, strict=True)
    )
    months, weekdays, marks, relative = opening_words(code)
    calendar = [
        f"{mark} {word} 5, 2024 and 7 {word} 2023"
        for word in months + weekdays + relative
        for mark in ["", *marks]
    ]
    texts = SENTENCES[code] + [
        variant for text in calendar for variant in (text, text.upper(), text.title())
    ]
    for (name, pattern), (_, plain) in zip(with_lookahead, without, strict=True):
        for text in texts:
            found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], (name, text)
