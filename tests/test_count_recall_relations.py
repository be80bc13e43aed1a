"""Counts read through a relation to other words of their sentence, in both languages: a bare
figure whose event is said in a relative clause, a part named by a pronoun, a part after
'incluyendo', those who fell into the water, bodies handed over to their families. Invented
sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Rescuers said the 14 who were injured were taken to Varno.", "en", 14, "people injured"),
        ("The 14 who were injured were taken to Varno.", "en", 14, "people injured"),
        (
            "Según Protección Civil, los 14 que resultaron heridos están en Varno.",
            "es",
            14,
            "people injured",
        ),
        ("Los 14 que resultaron heridos están en Varno.", "es", 14, "people injured"),
        # the clause names no event: the main verb after it is what befell them
        (
            "Officials said the six who were travelling with the pilot survived.",
            "en",
            6,
            "people survived",
        ),
        (
            "Según la Fiscalía, los seis que viajaban con el piloto sobrevivieron.",
            "es",
            6,
            "people survived",
        ),
        ("Los seis que iban a bordo murieron.", "es", 6, "people killed"),
    ],
)
def test_a_bare_figure_takes_the_event_of_its_relative_clause(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # an event after an article in the clause is a noun, not what befell the figure
        ("Police said the five who were with the injured were questioned.", "en"),
        ("La policía dijo que los cinco que estaban con los heridos declararon.", "es"),
        # those who search are not those searched for
        ("Police said the 30 who were searching for survivors rested.", "en"),
        # a comma between: the verb after it may be anyone's
        ("The five who were in the car, police said, were arrested.", "en"),
    ],
)
def test_a_relative_clause_with_no_clear_event_gives_no_count(text, language):
    assert counts(text, language) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Forensic teams in Varno have identified 95 bodies, and 40 of them were later handed over to their "
            "families.",
            "en",
        ),
        (
            "Los forenses de Varno identificaron 95 cuerpos, y 40 de ellos fueron entregados a sus familias.",
            "es",
        ),
    ],
)
def test_a_part_named_by_a_pronoun_takes_the_event_said_of_it(text, language):
    """The part's own predicate is its measure, so the whole keeps its own and is compared."""
    claims = counts(text, language)
    whole, part = by_value(claims, 95), by_value(claims, 40)
    assert whole.attribute == "people identified"
    assert whole.extra["comparable"]
    assert part.attribute == "people handed over to families"
    assert part.extra["frame"]["part_of"] == "95"


def test_a_pronoun_part_with_a_copula_stays_a_part_of_the_whole():
    claims = counts("Thirty people died in Orvalle, six of them children.", "en")
    assert by_value(claims, 6).attribute == "people killed"
    assert not by_value(claims, 6).extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Setenta personas fueron hospitalizadas en Tarvela, incluyendo cinco niños.", "es"),
        ("Seventy people were hospitalized in Tarvela, including five children.", "en"),
    ],
)
def test_a_part_after_including_shares_the_event(text, language):
    claims = counts(text, language)
    part = by_value(claims, 5)
    assert part.attribute == "children hospitalized"
    assert part.extra["frame"]["part_of"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least nine workers fell into the water and three were rescued.", "en"),
        ("Al menos nueve trabajadores cayeron al agua y tres fueron rescatados.", "es"),
    ],
)
def test_those_who_fell_into_the_water_are_a_measure_of_their_own(text, language):
    """Not the rescued: before, both figures were read as people rescued and set aside."""
    claims = counts(text, language)
    fell = by_value(claims, 9)
    assert fell.attribute == "people fell into the water"
    assert fell.qualifier == "at least"
    assert fell.extra["comparable"]
    assert by_value(claims, 3).attribute == "people rescued"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hasta ahora se han entregado 61 restos mortales para los funerales.", "es"),
        ("The bodies of 61 victims were handed over to their families.", "en"),
    ],
)
def test_bodies_handed_over_to_families(text, language):
    claim = by_value(counts(text, language), 61)
    assert claim.attribute == "people handed over to families"
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        (
            "Fiscales dijeron que 14 personas, entre ellas dos menores, fueron detenidas.",
            "es",
            "people arrested",
        ),
        (
            "Prosecutors said 14 people, including two minors, were detained.",
            "en",
            "people arrested",
        ),
        (
            "Officials in Varno said 14 people, including an infant, drowned in the flood.",
            "en",
            "people killed",
        ),
        (
            "En Varno, 14 personas, entre ellas un recién nacido, murieron en la riada.",
            "es",
            "people killed",
        ),
    ],
)
def test_an_aside_naming_a_part_stands_between_a_whole_and_its_event(text, language, attribute):
    """Before, the commas put the verb out of reach and the whole made no claim."""
    claim = by_value(counts(text, language), 14)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


def test_an_aside_with_no_event_after_it_gives_no_count():
    assert counts("Police said 14 people, including a baby, in the house.", "en") == []


def test_an_aside_with_an_event_of_its_own_is_not_skipped():
    """The part's own predicate makes the sentence's structure unclear: no total is read."""
    claims = counts(
        "Nine suspects, including two said to have been involved in the raid, have been arrested.",
        "en",
    )
    assert not [c for c in claims if c.low == 9 and c.extra["comparable"]]


@pytest.mark.parametrize(
    "text",
    [
        "The blast left 150 casualties in Orvalle, 40 of them fatal.",
        "The number of casualties rose to 45, the ministry said.",
    ],
)
def test_casualties_are_not_the_toll_of_the_dead(text):
    """Casualties are the dead and the injured as often as the dead alone: a measure of their
    own, never compared with people killed."""
    claims = [c for c in counts(text) if c.low in (150, 45)]
    assert [c.attribute for c in claims] == ["people killed or injured"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Lucas Prado was one of the six workers who died in the collapse.", "en"),
        ("Lucas Prado era uno de los seis empleados que murieron en el derrumbe.", "es"),
    ],
)
def test_a_relative_clause_is_part_of_a_wholes_own_noun_phrase(text, language):
    """'one of the six workers who died': the whole's own clause names its measure."""
    claim = by_value(counts(text, language), 6)
    assert claim.attribute == "people killed"
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        (
            "Del total de heridos, 44 se encuentran en estado grave.",
            "es",
            "people seriously injured",
        ),
        ("Of the injured, 44 are in serious condition.", "en", "people seriously injured"),
        ("Of the injured, 44 are in critical condition.", "en", "people critically injured"),
    ],
)
def test_a_graded_part_of_a_named_group_is_stored(text, language, attribute):
    """A bare figure with a grade said of it after a group named without a count: stored with
    its grade, kept apart like any part of such a group."""
    claim = by_value(counts(text, language), 44)
    assert claim.attribute == attribute
    assert not claim.extra["comparable"]


def test_a_bare_graded_figure_with_no_group_before_it_gives_no_count():
    assert counts("Officials said 44 are in critical condition.", "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nueve personas cayeron al río Tarso, de las cuales tres pudieron ser rescatadas.", "es"),
        ("Nine people fell into the river, and three of them were rescued.", "en"),
    ],
)
def test_a_river_is_water_and_a_part_that_could_be_rescued_was(text, language):
    """'pudieron ser rescatadas': they were rescued, a part of those who fell in."""
    claims = counts(text, language)
    assert by_value(claims, 9).attribute == "people fell into the water"
    part = by_value(claims, 3)
    assert part.attribute == "people rescued"
    assert part.extra["frame"]["part_of"]
