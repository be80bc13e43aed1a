"""Counts the extractor used to miss or misread, in both languages: a qualifier set off by
commas, people on board, graded injured. Invented sentences ("víctimas fatales" is with the
other wordings of a count's event, in test_count_recall_more.py)."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "qualifier"),
    [
        ("La crecida dejó, al menos, 14 muertos, según Protección Civil.", "es", 14, "at least"),
        ("The flood left, at least, 14 people dead, officials said.", "en", 14, "at least"),
        ("Hubo, más de, 30 detenidos en Tarvela.", "es", 30, "more than"),
    ],
)
def test_a_qualifier_set_off_by_commas_still_bounds_the_figure(text, language, value, qualifier):
    claim = by_value(counts(text, language), value)
    assert claim.qualifier == qualifier
    assert claim.high == float("inf")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De los 16 trabajadores que iban a bordo del camión, cinco murieron.", "es"),
        ("Of the 16 workers on board the truck, five died.", "en"),
    ],
)
def test_the_vehicle_travelled_in_is_no_sub_group(text, language):
    """'a bordo del camión': the vehicle they were on; the part that died is compared."""
    claims = counts(text, language)
    assert by_value(claims, 16).attribute == "people on board"
    part = by_value(claims, 5)
    assert part.attribute == "people killed"
    assert part.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Los cinco pasajeros que viajaban junto al piloto sobrevivieron.", "es"),
        ("The three other people who were travelling with him survived.", "en"),
    ],
)
def test_travelling_said_in_a_relative_clause_is_no_measure(text, language):
    """A verb of travelling mostly describes the people in a relative clause while the main
    verb says what befell them: it is read as no event, so nothing is compared as on board."""
    for claim in counts(text, language):
        assert not (claim.attribute.endswith("on board") and claim.extra["comparable"])


def test_things_travelling_carry_no_event():
    """'en los dos trenes viajaban ...': the trains are not on board."""
    claims = counts("En los dos trenes viajaban 300 personas.", "es")
    assert by_value(claims, 2).attribute == "trenes"


@pytest.mark.parametrize(
    ("text", "language", "passengers", "crew"),
    [
        ("The ferry left Orvela with 212 passengers and 14 crew members on board.", "en", 212, 14),
        ("The jet was carrying six crew members and 58 passengers.", "en", 58, 6),
        ("El ferry zarpó de Orvela con 212 pasajeros y 14 tripulantes a bordo.", "es", 212, 14),
        ("La avioneta transportaba 6 pasajeros y dos tripulantes.", "es", 6, 2),
    ],
)
def test_passengers_beside_the_crew_are_a_measure_of_their_own(text, language, passengers, crew):
    """'212 passengers and 14 crew members': the passengers are not an unnamed part of the
    people on board, they are the passengers on board, compared with other such figures."""
    claims = counts(text, language)
    assert by_value(claims, passengers).attribute == "passengers on board"
    assert by_value(claims, passengers).extra["comparable"]
    assert by_value(claims, crew).attribute == "crew members on board"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nine guards and 30 people were released on Sunday.", "en"),
        ("Fueron liberados nueve guardias y 30 personas.", "es"),
        ("All 140 passengers were rescued on Sunday.", "en"),
    ],
)
def test_people_in_general_keep_their_reading(text, language):
    """'30 people' beside guards stays an unnamed part; passengers alone stay people."""
    claims = counts(text, language)
    claim = [c for c in claims if c.low in (30, 140)][0]
    assert claim.attribute.startswith("people ")


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        (
            "Doctors said 14 people are in critical condition.",
            "en",
            14,
            "people critically injured",
        ),
        ("Nine patients remain in a serious condition.", "en", 9, "people seriously injured"),
        (
            "Al menos 14 personas se encuentran en estado crítico.",
            "es",
            14,
            "people critically injured",
        ),
        ("Según Salud, 9 personas se encuentran graves.", "es", 9, "people seriously injured"),
    ],
)
def test_a_grade_of_injury_said_of_counted_people_makes_them_injured(
    text, language, value, attribute
):
    """'14 people are in critical condition': no injury word, but the grade says it."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The blast injured 40 people, 12 of them in serious condition.", "en"),
        ("La explosión hirió a 40 personas, 12 de ellas en estado grave.", "es"),
    ],
)
def test_a_graded_part_leaves_its_total_compared(text, language):
    claims = counts(text, language)
    assert by_value(claims, 40).attribute == "people injured"
    assert by_value(claims, 40).extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Los 29 detenidos fueron liberados el domingo.", "es", 29, "people released"),
        ("Los 38 lesionados fueron dados de alta.", "es", 38, "people discharged"),
        ("The 20 dead have been identified by relatives.", "en", 20, "people identified"),
        ("La policía informó de 29 detenidos en Tarvela.", "es", 29, "people arrested"),
    ],
)
def test_what_is_said_of_an_event_noun_after_an_auxiliary_is_its_measure(
    text, language, value, attribute
):
    """'29 detenidos fueron liberados': the detainees were released, as '29 detainees were
    released' already read; with nothing said of them they stay the arrested."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute.removeprefix("additional ") == attribute


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Another 95 people were injured.", "en", 95, "additional people injured"),
        ("Otras 57 personas siguen hospitalizadas.", "es", 57, "additional people hospitalized"),
        ("Otros 12 vecinos resultaron heridos.", "es", 12, "additional people injured"),
    ],
)
def test_an_increment_word_opening_the_sentence_is_no_name(text, language, value, attribute):
    """'Another 95', 'Otras 57': a capitalised word before the figure that marks an increment
    is no name ('Ben 10'); the count is kept as the increment it is, not compared."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("The 23 people who died in Orvela were buried.", "en", 23, "people killed"),
        ("Los 23 pasajeros que murieron eran de Tarvela.", "es", 23, "people killed"),
        ("Los 8 trabajadores que fueron rescatados están bien.", "es", 8, "people rescued"),
    ],
)
def test_an_article_opening_the_sentence_before_a_relative_clause_with_an_event(
    text, language, value, attribute
):
    """'The 23 people who died': the event said in a relative clause right after the noun
    makes the article no name's ('Ben 10'), as an event said right after it does."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute


@pytest.mark.parametrize(
    ("text", "language", "whole"),
    [
        ("El número de víctimas fatales subió a 31 de 40 tripulantes.", "es", "crew members"),
        ("The number of dead rose to 31 of 40 crew members.", "en", "crew members"),
    ],
)
def test_a_figure_after_a_bare_of_and_another_figure_is_the_whole(text, language, whole):
    """'31 de 40 tripulantes': the 40 are the whole the 31 are a part of, never the dead."""
    claims = counts(text, language)
    assert by_value(claims, 31).attribute == "people killed"
    assert by_value(claims, 40).attribute == whole
    assert not by_value(claims, 40).extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Las familias de 31 de los fallecidos ya reclamaron los restos.", "es"),
        ("The families of 31 of the dead have claimed the remains.", "en"),
    ],
)
def test_a_kind_before_of_does_not_count_a_part_of_another_group(text, language):
    """'the families of 31 of the dead': the 31 are dead people, not families ('a crew of
    seven' is a crew only when no 'of the' follows the figure)."""
    assert all(c.attribute != "families killed" for c in counts(text, language))


def test_an_infinitive_governing_the_count_is_its_event():
    claim = by_value(counts("Los forenses lograron identificar a 41 personas.", "es"), 41)
    assert claim.attribute == "people identified"


@pytest.mark.parametrize(
    "text",
    [
        "Cinco pasajeros han sobrevivido al naufragio.",
        "Se cree que 5 pasajeros habrían sobrevivido.",
    ],
)
def test_survived_in_its_participle(text):
    """'han sobrevivido': the participle says it as 'sobrevivieron' does."""
    assert by_value(counts(text, "es"), 5).attribute == "people survived"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Además de los 12 músicos, a bordo del barco iban 30 turistas.", "es"),
        ("Because of the 12 musicians, 30 tourists were on board.", "en"),
    ],
)
def test_a_compound_preposition_opens_no_whole(text, language):
    """'además de los 12', 'because of the 12': not 'of the 12', so no whole of what follows."""
    claims = counts(text, language)
    assert "part_of" not in by_value(claims, 30).extra.get("frame", {})
    assert by_value(claims, 30).attribute == "people on board"


def test_of_the_still_opens_a_whole():
    claims = counts("De los 12 músicos, tres murieron.", "es")
    assert by_value(claims, 3).extra["frame"]["part_of"] == "12"


@pytest.mark.parametrize(
    "text",
    [
        "After one more death, the number of dead rose to 45 because of the fire.",
        "The toll rose to 45 this morning, the ministry said.",
        "The number of fatalities rose to 45 as rescuers kept digging.",
    ],
)
def test_a_function_word_after_a_toll_figure_is_no_counted_noun(text):
    """'45 as a result', '45 this morning': 'as' and 'this' are no plural nouns, and no noun
    is read past them ('as rescuers' are not the dead): the toll before names the figure."""
    assert by_value(counts(text), 45).attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Two prison officers were arrested after the breakout.", "en"),
        ("Dos funcionarios de prisiones fueron detenidos tras la fuga.", "es"),
        ("Dos custodios fueron detenidos tras la fuga.", "es"),
    ],
)
def test_prison_officers_are_prison_guards_not_police(text, language):
    assert by_value(counts(text, language), 2).attribute == "prison guards arrested"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("More than 300 soldiers are searching for survivors in Orvela.", "en"),
        ("Más de 300 militares trabajan en la búsqueda de desaparecidos en Orvela.", "es"),
    ],
)
def test_those_who_search_are_not_those_searched_for(text, language):
    """'300 soldiers are searching for survivors': the survivors and the missing are the
    object of the search, not the soldiers: kept as soldiers, not compared."""
    claim = by_value(counts(text, language), 300)
    assert claim.attribute == "soldiers"
    assert not claim.extra["comparable"]


def test_the_search_for_counted_people_still_counts_the_missing():
    claim = by_value(counts("Divers kept searching for six workers on Sunday."), 6)
    assert claim.attribute == "people missing"
