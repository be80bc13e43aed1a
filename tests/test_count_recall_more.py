"""More counts the extractor used to miss or mislabel, in both languages: a quantifier or a
preposition opening the sentence, counts of lives, the discharged, a crew counted after its
noun, an own event after a figure that a toll stands before. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        # a quantifier or a preposition opening the sentence is no name ("Ben 10")
        ("All 140 passengers were rescued on Sunday.", "en", 140, "people rescued"),
        ("From 61 people on board, 12 were injured.", "en", 61, "people on board"),
        ("Todos los 40 pasajeros fueron rescatados.", "es", 40, "people rescued"),
        ("De 61 personas a bordo, 12 resultaron heridas.", "es", 61, "people on board"),
        # lives counted are the dead, unless an event right before them says otherwise
        ("The landslide claimed 23 lives, officials said.", "en", 23, "people killed"),
        ("The blast caused the loss of three lives.", "en", 3, "people killed"),
        ("La riada se cobró 23 vidas, según las autoridades.", "es", 23, "people killed"),
        ("Divers saved 30 lives that night.", "en", 30, "people rescued"),
        ("Los buzos salvaron 30 vidas esa noche.", "es", 30, "people rescued"),
        # a toll of "víctimas fatales" is the dead, like "víctimas mortales"
        ("Según la ONG, la cifra de víctimas fatales ya llega a 23.", "es", 23, "people killed"),
        ("Las lluvias dejaron 23 víctimas fatales en Orvela.", "es", 23, "people killed"),
        # those who left hospital are neither the injured nor the hospitalized
        ("Doctors said 37 patients were discharged on Monday.", "en", 37, "people discharged"),
        ("Un total de 36 pacientes recibieron el alta médica.", "es", 36, "people discharged"),
        # other wordings: found alive, deaths as a noun
        ("Rescuers said four passengers were discovered alive.", "en", 4, "people survived"),
        ("Los cuatro pasajeros fueron hallados vivos.", "es", 4, "people survived"),
        ("La ONG contó 30 decesos en la provincia.", "es", 30, "people killed"),
        ("La alcaldía lamentó el fallecimiento de cinco pasajeros.", "es", 5, "people killed"),
    ],
)
def test_a_count_and_its_event(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The plane came down with 64 passengers and a crew of seven on board.", "en"),
        ("El avión cayó con 64 pasajeros y una tripulación de siete a bordo.", "es"),
    ],
)
def test_a_crew_counted_after_its_noun(text, language):
    """'a crew of seven': the crew, not people on board in general (the total)."""
    claim = by_value(counts(text, language), 7)
    assert claim.attribute == "crew members on board"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "El parte da 80 heridos, y de ellos 12 siguen ingresados y 31 recibieron el alta.",
            "es",
        ),
        (
            "The injured number 80, of whom 12 are still in hospital and 31 were discharged.",
            "en",
        ),
    ],
)
def test_an_own_event_after_the_figure_beats_the_toll_before_it(text, language):
    """The toll named before the figures is the whole's; a figure with its own event right
    after it counts that event."""
    claim = by_value(counts(text, language), 31)
    assert claim.attribute == "people discharged"


def test_a_capitalised_word_before_a_number_is_still_a_name():
    """'Article 5', 'Ben 10': no count."""
    assert counts("Article 5 was invoked by the members.") == []


def test_a_figure_said_earlier_is_an_earlier_one():
    """'said earlier that ... 17 lives': the figure is marked as an earlier one."""
    from reconcile.match import superseded

    text = "The mayor said earlier that the fire had taken 17 lives."
    claim = by_value(counts(text), 17).as_dict()
    claim.update(sentence_text=text, language="en")
    assert superseded(claim)


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        (
            "Twelve administrative staff were taken hostage by the inmates.",
            "en",
            12,
            "staff taken hostage",
        ),
        ("Siguen retenidos 120 guías y cuatro administrativos.", "es", 4, "staff still held"),
        (
            "Doce miembros del personal administrativo fueron tomados como rehenes.",
            "es",
            12,
            "staff taken hostage",
        ),
    ],
)
def test_office_staff_are_a_kind_of_people(text, language, value, attribute):
    """An institution's office staff are counted apart from its guards and from people in
    general, in both languages, so that their figures meet each other."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]
