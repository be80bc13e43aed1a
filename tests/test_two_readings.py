"""A document that gives one block two figures: a figure its sentence gives as one said before
the current one ("initially 11", "rose from 36 to 57") is not the document's reading, and a
document torn only by it keeps its other figure; with nothing to say which is current, the
document is set aside whole (`match.one_reading_per_document`, `match.superseded`)."""

from __future__ import annotations

import pytest

from reconcile.match import one_reading_per_document, superseded


def claim(document: str, sentence: str, quote: str, value: float, language: str = "en") -> dict:
    return {
        "document": document,
        "document_id": document,
        "low": value,
        "high": value,
        "qualifier": "exact",
        "quote": quote,
        "sentence_text": sentence,
        "language": language,
    }


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        ("en", "The toll rose from 36 to 57 on Tuesday.", "36"),
        ("en", "Officials initially reported 11 dead before a man died in hospital.", "11"),
        ("en", "At least 40 people have died, up from 31 on Monday.", "31"),
        (
            "en",
            "The previous toll of 1,300 was revised after the rescue teams reached the valley.",
            "1,300",
        ),
        ("en", "Initially, eleven were listed as missing.", "eleven"),
        ("es", "La cifra de fallecidos pasó de 36 a 57 este martes.", "36"),
        ("es", "La fiscalía inicialmente reportó 11 muertos en el barrio.", "11"),
        ("es", "Según el balance anterior, 1.300 muertos se contaban en la provincia.", "1.300"),
        ("es", "El temporal deja 57 muertos (antes 36) en la comarca.", "36"),
        ("es", "En un primer momento se habló de 76 víctimas en el accidente.", "76"),
        ("es", "Hasta entonces el hospital había recibido 43 cuerpos.", "43"),
    ],
)
def test_a_figure_given_as_an_earlier_one(language, sentence, quote):
    assert superseded(claim("a", sentence, quote, 0, language))


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        ("en", "The toll rose from 36 to 57 on Tuesday.", "57"),
        ("en", "At least 40 people have died, up from 31 on Monday.", "40"),
        ("en", "From 20 to 30 people were injured in the stampede.", "20"),
        ("en", "Initially 11 were reported dead, then 12.", "12"),
        ("en", "Initially described as a gas leak, the blast killed 40 people.", "40"),
        ("en", "The storm raised the death toll to 29 in the valley.", "29"),
        ("es", "La cifra de fallecidos pasó de 36 a 57 este martes.", "57"),
        ("es", "Inicialmente se reportaron 11 muertos, pero después fueron 12.", "12"),
        ("es", "El accidente dejó 18 muertos antes del mediodía.", "18"),
        ("es", "La cifra de muertos de 12 personas fue confirmada por la alcaldía.", "12"),
    ],
)
def test_a_figure_given_as_current(language, sentence, quote):
    assert not superseded(claim("a", sentence, quote, 0, language))


def test_a_figure_said_twice_must_be_earlier_wherever_it_stands():
    sentence = "Initially 12 were reported dead, and 12 families asked for news."
    assert not superseded(claim("a", sentence, "12", 12))


def test_a_document_torn_only_by_an_earlier_figure_keeps_the_current_one():
    members = [
        claim("a", "At least 72 people died in the crash of the cargo plane.", "72", 72),
        claim("a", "At first 76 deaths were reported, before the toll was lowered.", "76", 76),
        claim("b", "The crash of the cargo plane left 72 dead.", "72", 72),
    ]
    kept = one_reading_per_document(members)
    assert [(m["document"], m["low"]) for m in kept] == [("a", 72), ("b", 72)]


def test_a_spanish_document_torn_only_by_an_earlier_figure_keeps_the_current_one():
    members = [
        claim("a", "Asciende a 13 la cifra de muertos en la feria.", "13", 13, "es"),
        claim("a", "La fiscalía inicialmente reportó 11 muertos en la feria.", "11", 11, "es"),
        claim("b", "El ataque en la feria dejó 14 muertos.", "14", 14, "es"),
    ]
    kept = one_reading_per_document(members)
    assert [(m["document"], m["low"]) for m in kept] == [("a", 13), ("b", 14)]


def test_a_document_with_nothing_to_say_which_figure_is_current_is_set_aside():
    members = [
        claim("a", "The toll rose to 36, the fire service said.", "36", 36),
        claim("a", "At least 38 people died in the collision.", "38", 38),
        claim("b", "The collision killed 38 people.", "38", 38),
    ]
    assert [m["document"] for m in one_reading_per_document(members)] == ["b"]


def test_two_current_figures_left_after_an_earlier_one_still_tear_the_document():
    members = [
        claim("a", "The toll rose from 20 to 30 overnight.", "20", 20),
        claim("a", "The toll rose from 20 to 30 overnight.", "30", 30),
        claim("a", "Police later said 25 people had died.", "25", 25),
        claim("b", "The flood killed 30 people.", "30", 30),
    ]
    assert [m["document"] for m in one_reading_per_document(members)] == ["b"]


def test_an_earlier_figure_is_set_aside_even_in_an_untorn_document():
    """'the toll was revised down from earlier reports of 76': the 76 is not what the document
    says now, even when its current figure was not read."""
    members = [
        claim("a", "The toll was revised down from earlier reports of 76.", "76", 76),
        claim("b", "The crash killed 72 people.", "72", 72),
    ]
    assert [m["document"] for m in one_reading_per_document(members)] == ["b"]
