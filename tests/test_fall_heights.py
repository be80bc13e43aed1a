"""How far the story's vehicle fell, however the height is worded: "fell from N metres", a
height said in the clause of the fall ("15 metres high", "de 15 metros de altura"), "de una
altura de", "tras caer N metros". English and Spanish, invented sentences."""

from __future__ import annotations

from reconcile.ingest import analyse
from reconcile.models import Document


def quantities(text: str, language: str) -> list:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == "quantity"]


def test_falls_worded_many_ways_are_one_measure():
    for text, language in [
        ("The shuttle fell from almost 14 metres onto the tracks at Velmar.", "en"),
        ("The shuttle plunged off the Velmar flyover 14 metres high.", "en"),
        ("En Velmar, el vehículo cayó desde un viaducto de unos 14 metros de altura.", "es"),
        ("El autobús se precipitó por el puente a la vía desde unos 14 metros de altura.", "es"),
        ("El autobús se incendió tras caer unos 14 metros junto a la vía.", "es"),
        ("El autobús se precipitó desde 14 metros de altura.", "es"),
    ]:
        (claim,) = quantities(text, language)
        assert claim.attribute == "length: fall", text
        assert claim.extra["comparable"], text


def test_a_height_with_no_fall_in_its_clause_stays_a_height():
    for text, language in [
        ("The Velmar tower is 40 metres high.", "en"),
        ("La torre de Velmar tiene 40 metros de altura.", "es"),
        ("El nivel del río Velmar cayó desde 4 metros de altura.", "es"),
    ]:
        (claim,) = quantities(text, language)
        assert claim.attribute != "length: fall", text
