"""Those inside a building, a mine or a tunnel when it happened are a measure of their own.

Before, "412 people were inside the mill" gave no claim, and an early figure of those inside
could not be set against a later one; a figure of those inside is neither the dead nor the
trapped. Invented sentences.
"""

from __future__ import annotations

import pytest
from conftest import counts


def by_figure(claims, figure):
    """The one claim whose quoted value holds `figure` (an approximate one has a range)."""
    (claim,) = [c for c in claims if figure in c.value]
    return claim


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Officials said 412 people were inside the mill when the roof gave way, and 23 died.",
            "en",
        ),
        (
            "Cuando cedió el techo, 412 empleados se hallaban en el interior; 23 murieron.",
            "es",
        ),
        ("Al menos 412 empleados estaban bajo tierra durante el derrumbe y 23 murieron.", "es"),
    ],
)
def test_those_inside_are_neither_the_dead_nor_the_trapped(text, language):
    claims = counts(text, language)
    inside = by_figure(claims, "412")
    assert inside.attribute == "people inside"
    assert inside.extra["comparable"]
    assert by_figure(claims, "23").attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 40 workers were underground when the tunnel flooded.", "en"),
        ("Unos 40 trabajadores se hallaban bajo tierra cuando se inundó el túnel.", "es"),
    ],
)
def test_those_underground_count_as_inside(text, language):
    assert by_figure(counts(text, language), "40").attribute == "people inside"
