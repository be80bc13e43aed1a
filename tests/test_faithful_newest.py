"""Counts read against their sentences on newer stories: a rest counted by the active verb right
before it. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "A strong quake shook the coast of Varnia on Saturday, killing at least 12 people"
            " and injuring at least 310 others.",
            "en",
        ),
        ("The storm killed 12 people and injured 310 others.", "en"),
        ("El sismo mató a 12 personas e hirió a 310 más.", "es"),
    ],
)
def test_a_rest_after_an_active_verb_is_that_verbs_count(text, language):
    dead = by_value(counts(text, language), 12)
    injured = by_value(counts(text, language), 310)
    assert dead.attribute == "people killed"
    assert injured.attribute == "people injured"  # not the dead named before it


def test_a_rest_with_no_verb_of_its_own_keeps_the_measure_before_it():
    claim = by_value(counts("Nineteen people died at the scene and three others later on."), 3)
    assert claim.attribute == "people killed"
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 60 people including five Peruvians lost their lives in the crash.", "en"),
        ("Al menos 60 personas, incluidos cinco peruanos, murieron en el accidente.", "es"),
    ],
)
def test_a_whole_does_not_take_the_nationality_of_its_part(text, language):
    claims = counts(text, language)
    whole, part = by_value(claims, 60), by_value(claims, 5)
    assert "nationality" not in whole.extra["frame"]
    assert whole.extra["comparable"]
    assert part.extra["frame"]["nationality"] == "Peru"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 60 people died after the plane crashed on Sunday with 72 people.", "en"),
        (
            "Al menos 60 personas murieron después de que la avioneta se estrelló el lunes con"
            " 72 personas en la sierra de Tolsa.",
            "es",
        ),
    ],
)
def test_people_a_crashed_vehicle_carried_are_not_the_dead(text, language):
    claims = counts(text, language)
    dead, carried = by_value(claims, 60), by_value(claims, 72)
    assert dead.attribute == "people killed"
    assert dead.extra["comparable"]  # no longer one of two figures of the dead
    assert carried.attribute == "people on board"
    assert not carried.extra["comparable"]


def test_a_count_with_its_own_event_after_a_crash_keeps_it():
    claims = counts("El choque con tres vehículos dejó 12 muertos.", "es")
    assert by_value(claims, 12).attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The worst crash came in 1990 near Tolsa. On that occasion all 140 people on board"
            " were killed.",
            "en",
        ),
        (
            "El peor accidente fue el de 1990 en Tolsa. En dicha ocasión murieron las 140"
            " personas que iban a bordo.",
            "es",
        ),
    ],
)
def test_a_count_of_an_earlier_occasion_is_not_compared(text, language):
    claim = by_value(counts(text, language), 140)
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("The storm left at least 13 dead and some 150,000 families without power.", "en", None),
        ("The storm left 13 people dead and 150,000 homes without power.", "en", "homes"),
        (
            "En Tolsa rige la alerta roja, con 13 fallecidos por la tormenta y cerca de 150.000"
            " hogares sin luz.",
            "es",
            None,
        ),
    ],
)
def test_a_count_of_those_without_something_is_not_the_toll(text, language, attribute):
    claims = counts(text, language)
    (dead,) = [c for c in claims if "13" in c.value]
    (lacking,) = [c for c in claims if "150" in c.value]
    assert dead.attribute == "people killed"
    assert not lacking.attribute.endswith("killed")
    assert not lacking.extra["comparable"]
    if attribute:
        assert lacking.attribute == attribute
