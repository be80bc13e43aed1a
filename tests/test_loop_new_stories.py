"""Shapes the stadium-crush and volcano stories showed: "more" or "otras" setting a new
measure beside an earlier count of another, "others" beside a count of another measure, the
sheltered and the affected as measures of their own, a number with a scale word inside at the
end of a sentence, a count of people with a fraction, a volcano located by its distance, people
counted after "millones de", and a kind of people named in a later clause. Invented sentences
and names."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- increments of a new measure


@pytest.mark.parametrize(
    ("text", "language", "low", "attribute"),
    [
        (
            "At least 41 people were killed when the dam at Velmora gave way. The torrent"
            " swept through three hamlets. Another 63 people were injured.",
            "en",
            63,
            "people injured",
        ),
        (
            "At least 41 fatalities were confirmed in Velmora. Over 120 more residents are"
            " still unaccounted for.",
            "en",
            120,
            "people missing",
        ),
        (
            "La riada de Velmora dejó por lo menos 41 personas muertas. El agua arrasó tres"
            " aldeas. Otras 63 personas resultaron heridas.",
            "es",
            63,
            "people injured",
        ),
        (
            "Murieron 41 personas en Velmora. Otras 2.150 fueron evacuadas a zonas seguras.",
            "es",
            2150,
            "people evacuated",
        ),
    ],
)
def test_more_beside_an_earlier_count_of_another_measure_is_a_total(text, language, low, attribute):
    claim = one(text, language, low)
    assert claim.attribute == attribute
    assert comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Twelve people were injured on Monday in Velmora. The dead numbered 41. Another 9"
            " people were injured in the evening.",
            "en",
        ),
        (
            "Doce personas resultaron heridas el lunes en Velmora. Los muertos son 41. Otras 9"
            " personas resultaron heridas por la tarde.",
            "es",
        ),
    ],
)
def test_more_of_a_measure_counted_before_stays_an_increment(text, language):
    claim = one(text, language, 9)
    assert claim.attribute == "additional people injured"
    assert not comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Another 9 people were injured in Velmora on Monday.", "en"),
        ("Otras 9 personas resultaron heridas en Velmora el lunes.", "es"),
    ],
)
def test_more_with_no_earlier_count_stays_an_increment(text, language):
    claim = one(text, language, 9)
    assert claim.attribute == "additional people injured"


# ---------------------------------------------------------------- the sheltered and the affected


@pytest.mark.parametrize(
    ("text", "language", "low", "attribute"),
    [
        (
            "At least 2,140 people have sought refuge in schools after the flood.",
            "en",
            2140,
            "people sheltered",
        ),
        (
            "Officials said 860 residents spent the night in shelters near Velmora.",
            "en",
            860,
            "people sheltered",
        ),
        (
            "En total, 1.245 personas se han refugiado en los albergues de Velmora.",
            "es",
            1245,
            "people sheltered",
        ),
        ("La cifra de albergados es de 2 mil 140.", "es", 2140, "people sheltered"),
        (
            "Officials said 1.3 million people were affected by the storm.",
            "en",
            1300000,
            "people affected",
        ),
        (
            "Las autoridades dijeron que 4.100 personas fueron afectadas por la tormenta.",
            "es",
            4100,
            "people affected",
        ),
        ("La tormenta dejó 4.000 damnificados en Velmora.", "es", 4000, "people affected"),
    ],
)
def test_the_sheltered_and_the_affected_are_measures_of_their_own(text, language, low, attribute):
    assert one(text, language, low).attribute == attribute


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        (
            "Murieron 41 personas y 9 mil personas podrían seguir en las aldeas afectadas.",
            "es",
            9000,
        ),
        ("Officials said 9,000 people may still be in the affected villages.", "en", 9000),
    ],
)
def test_affected_places_do_not_make_a_count_of_the_affected(text, language, low):
    assert all(c.attribute != "people affected" for c in counts(text, language))


def test_a_sentence_gives_the_evacuated_and_the_sheltered_apart():
    text = (
        "Según el parte de Velmora, los evacuados suman 9 mil 214 y los albergados llegan a"
        " 2 mil 507."
    )
    claims = counts(text, "es")
    assert by_value(claims, 9214).attribute == "people evacuated"
    assert by_value(claims, 2507).attribute == "people sheltered"


@pytest.mark.parametrize(
    ("text", "value"),
    [("Los albergados son 2 mil 507.", 2507), ("Son 2 mil 507, dijo el vocero.", 2507)],
)
def test_a_number_with_a_scale_word_inside_may_end_a_sentence_or_clause(text, value):
    from reconcile.numbers import find_numbers

    assert [n.low for n in find_numbers(text, "es", 0, len(text))] == [value]


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("Officials said 1.7 people were affected across three provinces.", "en", 1.7),
        ("Según la agencia, 1.7 resultaron afectadas en tres provincias.", "es", 1.7),
    ],
)
def test_a_fraction_of_a_person_is_no_count_to_compare(text, language, low):
    assert not comparable(one(text, language, low))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Some 23 people were injured in Velmora.", "en"),
        ("Unas 23 personas resultaron heridas en Velmora.", "es"),
    ],
)
def test_an_approximate_whole_figure_is_still_compared(text, language):
    (claim,) = counts(text, language)
    assert comparable(claim)


# ---------------------------------------------------------------- where a volcano stands


def distance_frame(text: str, language: str) -> tuple[str, bool]:
    from reconcile.ingest import analyse
    from reconcile.models import Document

    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    (claim,) = [
        c for c in analyse(document)[2] if c.kind == "quantity" and "conversion_of" not in c.extra
    ]
    return claim.attribute, claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The volcano sits 45 km north of the capital.", "en"),
        ("The volcano, 45 km north of the capital, erupted again.", "en"),
        ("La lava bajó por la ladera oeste del coloso, 45 km al sur de la capital.", "es"),
        ("Retumbó de nuevo el cono, ubicado a 45 kilómetros al norte de la capital.", "es"),
        ("El volcán, situado a 45 km de la capital, sigue activo.", "es"),
    ],
)
def test_a_volcano_is_located_by_its_distance(text, language):
    assert distance_frame(text, language) == ("length: distance of volcano from capital", True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Velmora lies 45 km from the capital.", "en"),
        ("Velmora está a 45 km de la capital.", "es"),
    ],
)
def test_a_town_is_no_volcano(text, language):
    assert "volcano" not in distance_frame(text, language)[0]


# ---------------------------------------------------------------- "others" beside another measure


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The landslide left 41 people killed and 263 others injured in Velmora.", "en"),
        ("El alud dejó 41 muertos en Velmora y 263 heridos más.", "es"),
    ],
)
def test_others_said_beside_a_count_of_another_measure_are_that_measures_total(text, language):
    claim = one(text, language, 263)
    assert claim.attribute == "people injured"
    assert comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Twelve people were injured and 28 others were hurt in Velmora.", "en"),
        ("Doce personas resultaron heridas en Velmora y 28 heridos más.", "es"),
    ],
)
def test_others_of_the_same_measure_are_still_the_rest(text, language):
    assert not comparable(one(text, language, 28))


# ---------------------------------------------------------------- "millones de personas"


@pytest.mark.parametrize(
    ("text", "low", "attribute"),
    [
        (
            "Al menos 1,3 millones de personas fueron evacuadas en Velmora.",
            1300000,
            "people evacuated",
        ),
        ("La tormenta dejó 2 millones de damnificados en Velmora.", 2000000, "people affected"),
    ],
)
def test_people_after_a_scale_word_and_de_are_what_is_counted(text, low, attribute):
    assert one(text, "es", low).attribute == attribute


def test_of_the_whole_after_a_plain_figure_is_still_no_noun():
    claims = counts("Murieron 25 de los 40 pasajeros en Velmora.", "es")
    assert by_value(claims, 25).attribute == "people killed"


# ---------------------------------------------------------------- a kind named in a later clause


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The riot in Velmora left 41 dead and 263 others injured after soldiers fired.", "en"),
        ("Hubo en Velmora 41 muertos y 263 heridos cuando los soldados dispararon.", "es"),
    ],
)
def test_a_kind_in_a_later_clause_is_not_the_kind_counted(text, language):
    assert one(text, language, 263).attribute == "people injured"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The riot in Velmora left 263 injured soldiers.", "en"),
        ("El motín de Velmora dejó 263 soldados heridos.", "es"),
    ],
)
def test_a_kind_written_with_its_count_is_still_counted(text, language):
    assert one(text, language, 263).attribute == "soldiers injured"


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("The crush in Velmora killed 41 people and injured 260 others.", "en", 260),
        ("The crush caused the deaths of 41 people and injuries to 260 others.", "en", 260),
        ("El choque en Velmora mató a 41 personas e hirió a 260 más.", "es", 260),
    ],
)
def test_the_others_take_the_event_written_right_before_them(text, language, low):
    claim = one(text, language, low)
    assert claim.attribute == "people injured"
    assert comparable(claim)
