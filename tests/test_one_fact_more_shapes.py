"""One conflict, one fact, on more shapes: a plane's people "onboard", bodies recovered and
people rescued told verb first in Spanish, a part said before its whole ("30 bodies out of
the 45 recovered"), survivors counted by what befell them after, a toll over two countries, a
list of kinds of crew, a person's given names alone beside their full name, a facility beside
its town, and a place spelt by each language its own way. Invented sentences and names."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, mention

from reconcile.judge import name_conflicts
from reconcile.judge_places import judge_places, place_key, same_place, within_pairs


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize("aboard", ["onboard", "on board", "aboard"])
def test_people_onboard_are_those_on_board_not_the_dead(aboard):
    text = f"At least 48 people died after a small airliner with 51 people {aboard} crashed."
    assert one(text, "en", 48).attribute == "people killed"
    assert one(text, "en", 51).attribute == "people on board"


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("Se recuperaron 41 cuerpos del río.", "people recovered"),
        ("Los buzos recuperaron 41 cadáveres del embalse.", "people recovered"),
        ("Hasta el momento se han recuperado 41 cuerpos.", "people recovered"),
        ("Se rescataron 87 personas del agua.", "people rescued"),
        (
            "Hasta ahora se ha rescatado con vida a 87 personas, pero se teme que decenas"
            " más están desaparecidas.",
            "people rescued",
        ),
        (
            "No se sabe cuántos viajeros siguen desaparecidos después de que se recuperaron"
            " 41 cadáveres.",
            "people recovered",
        ),
    ],
)
def test_a_spanish_verb_before_its_figure_names_the_measure(text, attribute):
    claim = [c for c in counts(text, "es") if c.low in (41, 87)][0]
    assert claim.attribute == attribute


@pytest.mark.parametrize(
    ("text", "language", "part", "whole"),
    [
        ("Officials said 30 bodies out of the 45 recovered have been identified.", "en", 30, 45),
        ("Doce cuerpos de los 20 recuperados fueron identificados.", "es", 12, 20),
    ],
)
def test_a_part_said_before_its_whole_does_not_take_the_whole_s_verb(text, language, part, whole):
    assert not comparable(one(text, language, part))
    assert one(text, language, whole).attribute == "people recovered"


def test_a_group_of_another_count_is_no_whole():
    claim = one("Twelve members of the three families were arrested.", "en", 12)
    assert claim.attribute == "people arrested" and comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Twenty survivors were taken to hospital with hypothermia.", "en"),
        ("Veinte supervivientes fueron hospitalizados con hipotermia.", "es"),
    ],
)
def test_survivors_are_counted_by_what_is_said_of_them(text, language):
    assert one(text, language, 20).attribute == "people hospitalized"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The quake shook southern Bolivia and northern Chile, killing at least 15 people.", "en"),
        ("The storm killed at least 15 in Honduras, Nicaragua and beyond.", "en"),
        ("El sismo mató a 15 personas en el sur de Ecuador y el norte de Perú.", "es"),
    ],
)
def test_a_toll_over_two_countries_is_neither_country_s(text, language):
    assert not comparable(one(text, language, 15))


def test_a_toll_in_one_country_is_still_compared():
    assert comparable(one("The quake killed 14 people in Ecuador, officials said.", "en", 14))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A bordo iban 64 pasajeros, tres pilotos y cuatro azafatas.", "es"),
        ("A bordo viajaban 64 pasajeros y cuatro tripulantes.", "es"),
    ],
)
def test_passengers_listed_beside_crew_are_the_passengers(text, language):
    assert one(text, language, 64).attribute == "passengers on board"


def test_a_comma_before_another_clause_joins_no_kinds():
    claim = one("The fire killed 12 people, 30 were injured.", "en", 12)
    assert claim.attribute == "people killed" and comparable(claim)


# ---------------------------------------------------------------- names


def test_given_names_alone_are_no_other_surname():
    conflicts = name_conflicts(
        "s",
        "Ravi Anand Kosla",
        [
            mention("a", "Ravi Anand Kosla", given="Ravi Anand"),
            mention("b", "Ravi Anand Kosla", given="Ravi Anand"),
            mention("c", "Ravi Anand", given="Ravi"),
        ],
        set(),
    )
    assert conflicts == []


def test_a_misspelt_surname_beside_a_longer_form_is_still_found():
    conflicts = name_conflicts(
        "s",
        "Tomas Ulian Berchtel",
        [
            mention("a", "Tomas Ulian Berchtel", given="Tomas Ulian"),
            mention("b", "Tomas Berchtel", given="Tomas"),
            mention("c", "Tomas Berchel", given="Tomas"),
        ],
        set(),
    )
    assert [(c.attribute, c.severity) for c in conflicts] == [("surname", "high")]


# ---------------------------------------------------------------- places


def place(document: str, value: str, language: str = "en") -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": "place",
        "value": value,
        "attribute": "origin (aircraft)",
        "subject": "",
        "start": 0,
        "end": 5,
        "quote": value,
        "hedge": None,
        "language": language,
        "extra": {"slot": "origin"},
    }


def judged(*claims: dict):
    members = list(claims)
    return judge_places("s", "", "origin (aircraft)", members, within_pairs(members))


def test_a_town_s_airport_named_with_a_possessive_is_in_the_town():
    assert same_place(place_key("Tarsk's Bessel International Airport"), place_key("Tarsk"))
    assert judged(place("a", "Tarsk’s Bessel International Airport"), place("b", "Tarsk")) is None


@pytest.mark.parametrize(
    ("facility", "town", "language"),
    [
        ("Bessel International Airport", "Tarsk", "en"),
        ("Aeropuerto Internacional Bessel", "Tarsk", "es"),
        ("Marena Central Station", "Tolsabar", "en"),
    ],
)
def test_a_facility_and_a_town_are_no_contradiction(facility, town, language):
    assert judged(place("a", facility, language), place("b", town, language)) is None


def test_two_towns_or_two_airports_still_differ():
    assert judged(place("a", "Tarsk"), place("b", "Marena")).rule == "place-differs"
    found = judged(place("a", "Bessel Airport"), place("b", "Orlan Airport"))
    assert found.rule == "place-differs"


def test_each_language_s_spelling_of_a_place_is_no_note():
    assert judged(place("a", "Katrandu", "en"), place("b", "Katandú", "es")) is None


def test_a_place_misspelt_within_one_language_is_a_low_note():
    found = judged(place("a", "Katrandu"), place("b", "Katrandu"), place("c", "Katandu"))
    assert found is not None and found.rule == "place-spelling" and found.severity == "low"
