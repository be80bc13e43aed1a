"""Measured quantities (distances, depths, areas, magnitudes, prison terms) are their own
claims, never counts of people or things."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.match import NUMBER_KINDS
from reconcile.models import Document
from reconcile.pipeline import KINDS


def claims(text: str, language: str = "en") -> list:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return analyse(document)[2]


def of_kind(text: str, kind: str, language: str = "en") -> list:
    return [c for c in claims(text, language) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The landslide buried the road 12 miles north of the pass.", "en"),
        ("Rescuers dug through 35 metres of mud.", "en"),
        ("The blaze had burned 640 hectares by Tuesday.", "en"),
        ("The quake was felt 90 kilometres away.", "en"),
        ("El deslave sepultó la carretera a 19 kilómetros del paso.", "es"),
        ("El fuego arrasó 640 hectáreas hasta el martes.", "es"),
        ("El puente cayó desde 30 metros sobre el río.", "es"),
    ],
)
def test_a_number_with_a_unit_is_no_count(text, language):
    assert of_kind(text, "count", language) == []
    assert of_kind(text, "quantity", language)


@pytest.mark.parametrize(
    ("text", "language", "value", "unit", "dimension", "frame", "base"),
    [
        (
            "Smoke was seen 31 miles (50 km) east of Dornhaven.",
            "en",
            31,
            "mi",
            "length",
            "distance from Dornhaven",
            49889.664,
        ),
        (
            "El temblor se sintió a 50 kilómetros al este de Dornhaven.",
            "es",
            50,
            "km",
            "length",
            "distance from Dornhaven",
            50000,
        ),
        ("The quake hit at a depth of 12 km.", "en", 12, "km", "length", "depth of quake", 12000),
        (
            "El sismo fue a 12 kilómetros de profundidad.",
            "es",
            12,
            "km",
            "length",
            "depth of quake",
            12000,
        ),
        ("The shaft is 400 feet deep.", "en", 400, "ft", "length", "depth", 121.92),
        ("The wave was 6 metres high.", "en", 6, "m", "length", "height", 6),
        ("Una calle de 5 metros de ancho.", "es", 5, "m", "length", "width", 5),
        ("A magnitude 5.9 quake shook the valley.", "en", 5.9, "magnitude", "magnitude", "", 5.9),
        (
            "Un sismo de 5,9 de magnitud sacudió el valle.",
            "es",
            5.9,
            "magnitude",
            "magnitude",
            "",
            5.9,
        ),
        (
            "The judge gave Lorne Vask 11 years in prison.",
            "en",
            11,
            "year",
            "duration",
            "prison term",
            4017.75,
        ),
        (
            "Ana Ruiz fue condenada a 11 años de prisión.",
            "es",
            11,
            "year",
            "duration",
            "prison term",
            4017.75,
        ),
    ],
)
def test_quantity_claims(text, language, value, unit, dimension, frame, base):
    (claim,) = [c for c in of_kind(text, "quantity", language) if c.low == value]
    assert claim.unit == unit
    assert claim.extra["dimension"] == dimension
    assert claim.extra["frame"] == frame
    assert claim.extra["base_low"] == pytest.approx(base)
    assert claim.attribute == (f"{dimension}: {frame}" if frame else dimension)


def test_a_prison_term_range_is_a_range():
    (claim,) = of_kind("Both were jailed for between 6 and 9 years.", "quantity")
    assert (claim.low, claim.high, claim.qualifier) == (6, 9, "range")
    (claim,) = of_kind("Ambos recibieron penas de entre 6 y 9 años de cárcel.", "quantity", "es")
    assert (claim.low, claim.high, claim.qualifier) == (6, 9, "range")


def test_approximate_quantities_keep_their_qualifier():
    (claim,) = of_kind("The village lies about 40 km south of Ostrava.", "quantity")
    assert claim.qualifier == "about"
    assert claim.extra["frame"] == "distance from Ostrava"
    assert claim.extra["direction"] == "south"


def test_a_distance_to_an_unnamed_place_has_no_frame():
    (claim,) = of_kind("La aldea está a 40 kilómetros al sur del río.", "quantity", "es")
    assert claim.extra["frame"] == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The mine closed two years ago.", "en"),
        ("Turn the dial 90 degrees.", "en"),
        ("La mina cerró hace dos años.", "es"),
        ("Un joven de 19 años murió en el accidente.", "es"),
    ],
)
def test_unframed_durations_and_degrees_make_no_quantity(text, language):
    assert of_kind(text, "quantity", language) == []


def test_unframed_quantities_are_stored_but_never_compared():
    # quantities are compared by their own rules (quantity_rules.py), never as counts
    assert "quantity" in KINDS
    assert "quantity" not in NUMBER_KINDS
    (claim,) = of_kind("Searchers covered 18 miles of coast.", "quantity")
    assert claim.extra["comparable"] is False
