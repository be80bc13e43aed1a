"""Counts read through a relation to other words of their sentence, in both languages: a part
after 'incluyendo', those who fell into the water, bodies handed over to their families.
Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


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
