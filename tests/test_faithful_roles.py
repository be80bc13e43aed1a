"""A role read against its sentence: it never swallows the next person of a list."""

from __future__ import annotations

import pytest

from reconcile.extract import extract
from reconcile.models import Document
from reconcile.segment import segment


def roles_of(text: str, language: str) -> dict[str, str]:
    document = Document(
        id="d", name="d", path="d", text=text, language=language, published="2024-03-04"
    )
    return {
        c.subject: c.value for c in extract(document, segment(text, language)) if c.kind == "role"
    }


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "es",
            "Los acompañantes fueron identificados como: Sergio Quintal, hermano de Eloy y Marta"
            " Quintal (60 años), madre de ambos; Lidia Roca (28 años), pareja de Eloy.",
            {
                "Sergio Quintal": "hermano de Eloy",
                "Marta Quintal": "madre de ambos",
                "Lidia Roca": "pareja de Eloy",
            },
        ),
        (
            "en",
            "Sergio Quintal, brother of Eloy and Marta Quintal (60), said the fire spread fast.",
            {"Sergio Quintal": "brother of Eloy"},
        ),
    ],
)
def test_a_name_with_its_own_bracket_is_the_next_person_not_the_role(language, text, expected):
    assert roles_of(text, language) == expected


def test_a_role_of_two_people_joined_without_a_bracket_is_kept_whole():
    text = "Sergio Quintal, hijo de Eloy y Marta Quintal, declaró ante el juez."
    assert roles_of(text, "es") == {"Sergio Quintal": "hijo de Eloy y Marta Quintal"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Dos heridos fueron llevados al hospital Reina Ana, dijo el alcalde Juan Quintal."),
        ("en", "Two were taken to the hospital Queen Ana, said Mayor Juan Quintal."),
    ],
)
def test_a_thing_named_after_a_titled_person_gives_no_role(language, text):
    found = roles_of(text, language)
    assert "Ana" not in found
    assert "Juan Quintal" in found


@pytest.mark.parametrize(
    ("language", "text", "people"),
    [
        ("es", "El autobús volcó en Rosa Valdeluz, una comunidad de la sierra.", set()),
        ("es", "El autobús iba desde Arlen hacia Rosa Valdeluz.", set()),
        ("en", "The bus crashed in Rosa Valdeluz on Monday.", set()),
        ("en", "The prize went to Rosa Valdeluz.", {"Rosa Valdeluz"}),
        (
            "es",
            "En Rosa Valdeluz, dijo la alcaldesa Ana Quintal, murieron 12 personas.",
            {"Ana Quintal"},
        ),
    ],
)
def test_a_name_known_only_by_its_given_name_after_a_place_preposition_is_a_place(
    language, text, people
):
    assert people_of(text, language) == people


def people_of(text: str, language: str) -> set[str]:
    document = Document(
        id="d", name="d", path="d", text=text, language=language, published="2024-03-04"
    )
    return {c.value for c in extract(document, segment(text, language)) if c.kind == "person"}
