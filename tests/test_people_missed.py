"""Issue 13: names and ages the extractor used to miss. Every sentence here is invented."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.models import Document


def claims_of(text: str, language: str = "en", published: str = "2024-03-20"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return analyse(document)[2]


def names_of(text: str, language: str = "en") -> list[str]:
    return [c.value for c in claims_of(text, language) if c.kind == "person"]


def ages_of(text: str, language: str = "en", published: str = "2024-03-20") -> dict:
    return {c.subject: c.low for c in claims_of(text, language, published) if c.kind == "age"}


# ------------------------------------------------------------------ an age in months


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "The family, Ofelia, 12, Bruno, 7, and Tamsin, 10 months, reached the camp.",
            "en",
            ["Ofelia", "Bruno", "Tamsin"],
        ),
        ("Rescuers carried Tamsin Orwell, aged 9 months, to the boat.", "en", ["Tamsin Orwell"]),
        (
            "Buscan a sus hermanos Ofelia, de 12; Bruno Tarqui, de 7, y Tamsin Quenaya, de solo "
            "10 meses, de la misma comunidad.",
            "es",
            ["Ofelia", "Bruno Tarqui", "Tamsin Quenaya"],
        ),
        ("A su lado viajaba la bebé Tamsin, de 10 meses, en brazos.", "es", ["Tamsin"]),
    ],
)
def test_a_name_followed_by_an_age_in_months_is_a_person(text, language, names):
    assert names_of(text, language) == names


def test_an_age_in_months_gives_no_age_in_years():
    text = "The family, Ofelia, 12, and Tamsin, 10 months, reached the camp."
    assert ages_of(text) == {"Ofelia": 12}
    assert ages_of("Viajaba Tamsin Quenaya, de 10 meses, con su madre.", "es") == {}
