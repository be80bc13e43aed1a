"""Measures other than counts: how far a vehicle fell, the distance of a crash site, and what
each is of. Every sentence here is invented."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.models import Document
from reconcile.quantity_rules import compatible


def quantities(text: str, language: str = "en") -> list:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == "quantity"]


def frame(text: str, language: str = "en") -> tuple[str, bool]:
    (claim,) = [c for c in quantities(text, language) if "conversion_of" not in c.extra]
    return claim.attribute, claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The coach plunged about 30 meters (98 feet) from the Orvell bridge into a creek.", "en"),
        ("The minibus fell 140 feet (43 meters) into a drainage canal.", "en"),
        ("The van plummeted some 25 metres off the Tarvo viaduct.", "en"),
        ("El autocar se precipitó desde una altura de casi 30 metros sobre el cauce.", "es"),
        ("El microbús se precipitó 43 metros al cauce del arroyo.", "es"),
    ],
)
def test_how_far_the_vehicle_fell_is_one_compared_frame(text, language):
    # the bridge it fell from is no place it lies some distance from
    assert frame(text, language) == ("length: fall", True)


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        # the ravine it fell into is measured as the ravine, not as the fall
        ("El microbús se precipitó a un barranco de unos 30 metros.", "es", "length: ravine"),
        ("The river fell 2 metres overnight near Tarvo.", "en", "length"),
        ("El nivel del embalse de Orvell cayó 3 metros en una semana.", "es", "length"),
    ],
)
def test_a_level_going_down_or_a_ravine_is_no_fall(text, language, attribute):
    assert frame(text, language)[0] == attribute


def test_a_fall_is_only_a_length():
    assert [c.attribute for c in quantities("Fares fell 20 percent last year.")] == []


def test_two_falls_of_one_story_clash_after_conversion():
    (a,) = [c for c in quantities("The coach plunged about 20 meters into the creek.")]
    (b, _) = quantities("The coach fell 118 feet (36 meters) into the creek.")
    rows = [
        {"document": d, "low": c.low, "high": c.high, "qualifier": c.qualifier, "extra": c.extra}
        for d, c in (("a", a), ("b", b))
    ]
    assert a.attribute == b.attribute == "length: fall"
    assert not compatible(rows[0], rows[1])


def test_a_figure_is_shown_in_another_unit_as_its_source_converted_it():
    from reconcile.quantity_rules import shown_in

    (feet, _) = quantities("The minibus fell 117 feet (36 meters) into the canal.")
    row = {"low": feet.low, "high": feet.high, "unit": feet.unit, "qualifier": "exact"}
    assert shown_in({**row, "extra": feet.extra}, "m", 1.0)[:2] == ("36 m (117 ft)", 36)
    # with no conversion of its own, it is converted
    assert shown_in({**row, "extra": {"base_low": 35.6616}}, "m", 1.0)[0] == "35.7 m (117 ft)"


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        (
            "It crashed 40 kilometers from Varnholt in a hilly area.",
            "en",
            "length: distance of crash site from Varnholt",
        ),
        (
            "The jet went down in a wooded area 40 km south of Varnholt.",
            "en",
            "length: distance of crash site from Varnholt",
        ),
        (
            "La avioneta cayó en una zona boscosa a 45 kilómetros de Varnholt.",
            "es",
            "length: distance of crash site from Varnholt",
        ),
        (
            "La aeronave se desplomó entre las aldeas de Orla y Brenn a 47 kilómetros de Varnholt.",
            "es",
            "length: distance of crash site from Varnholt",
        ),
        (
            "La aeronave se estrelló a 40 km al sur de la capital.",
            "es",
            "length: distance of crash site from capital",
        ),
        # a comma sets off the place the distance is of
        (
            "The plane crashed near Tarsk, 30 km from Varnholt.",
            "en",
            "length: distance of Tarsk from Varnholt",
        ),
        (
            "El sismo tuvo su epicentro en la localidad de Tizelt, a 60 km de Dornhaven.",
            "es",
            "length: distance of Tizelt from Dornhaven",
        ),
    ],
)
def test_where_a_plane_or_vehicle_crashed_is_located_by_its_distance(text, language, attribute):
    assert frame(text, language) == (attribute, True)


def test_a_crash_site_and_a_town_are_two_frames():
    # "the town is 30 km away" says nothing of where the plane came down
    assert (
        frame("Orla, a town located 30 km from Varnholt, mourned.")[0]
        != frame("The plane crashed 30 km from Varnholt.")[0]
    )


def shares(text: str, language: str = "en") -> list[tuple]:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [
        (c.kind, c.attribute, c.qualifier, c.extra.get("comparable"))
        for c in analyse(document)[2]
        if c.kind in ("quantity", "percent")
    ]


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("About 25% of the flood zone has been searched.", "en", "about"),
        (
            "So far, 31% of the stricken area has been combed, the mayor said.",
            "en",
            "exact",
        ),
        ("Just 31% of Orlo -- the old port town -- has been searched.", "en", "exact"),
        ("Crews have searched nearly 30% of the area.", "en", "almost"),
        (
            "Para el jueves se había registrado cerca del 30% de la zona del deslave.",
            "es",
            "about",
        ),
        ("Los equipos han rastreado el 40% del área afectada.", "es", "exact"),
    ],
)
def test_how_far_the_search_of_an_area_has_got_is_one_growing_frame(text, language, qualifier):
    assert shares(text, language) == [("quantity", "share: area searched", qualifier, True)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police searched 40% of the homes.", "en"),  # homes, not an area
        ("Se ha registrado un aumento del 25% de los casos.", "es"),  # recorded, not searched
        ("About 25% of voters backed him.", "en"),
    ],
)
def test_a_share_of_no_area_searched_stays_a_share(text, language):
    assert [kind for kind, *_ in shares(text, language)] == ["percent"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The riot started at the jail in Orvik, 30 miles northwest of the Veluvian capital of Tarsa.",
            "en",
        ),
        (
            "The riot started at the jail in Orvik, 45 miles northwest of the capital, Tarsa.",
            "en",
        ),
        ("El motín estalló en la cárcel de Orvik, a 50 kilómetros de la capital veluviana.", "es"),
    ],
)
def test_a_capital_named_by_its_country_is_measured_from_the_capital(text, language):
    # "the Veluvian capital" is no place called Veluvian
    assert frame(text, language) == ("length: distance of Orvik from capital", True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The president ordered five days of national mourning.", "en"),
        ("Veluvia will observe a four-day period of national mourning.", "en"),
        ("El gobierno decretó cinco días de luto nacional.", "es"),
        ("Veluvia vivirá un duelo nacional de cuatro días.", "es"),
    ],
)
def test_the_length_of_a_national_mourning_is_compared(text, language):
    assert frame(text, language) == ("duration: national mourning", True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Orvik declared three days of mourning.", "en"),  # a town's, maybe not the country's
        ("Se decretaron tres días de duelo en Orvik.", "es"),
    ],
)
def test_a_mourning_not_said_to_be_national_makes_no_claim(text, language):
    assert quantities(text, language) == []
