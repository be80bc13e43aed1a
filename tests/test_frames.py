"""Count frames: what exactly a number counts (nationality, place, severity, part of a whole),
and counts whose frame cannot be read are kept but never compared. Invented sentences."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.match import block_key
from reconcile.models import Document
from reconcile.numbers import find_numbers


def counts(text: str, language: str = "en") -> list:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == "count"]


def by_value(claims, low):
    (claim,) = [c for c in claims if c.low == low]
    return claim


def key(claim) -> tuple | None:
    return block_key(claim.as_dict(), "s", None)


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("el balance dejó 2 mil 15 muertos", 2015),
        ("y mil 430 heridos", 1430),
        ("el balance anterior de mil 300 muertos", 1300),
        ("15 mil personas", 15000),
    ],
)
def test_numbers_written_the_mexican_way(text, value):
    (number,) = find_numbers(text, "es")
    assert number.low == number.high == value


def test_as_many_as_is_an_upper_bound():
    (number,) = find_numbers("as many as 22 people were detained", "en")
    assert (number.low, number.high, number.qualifier) == (0, 22, "at most")


# ---------------------------------------------------------------- frames


def test_nationality_frames_a_count_in_both_languages():
    english = by_value(counts("Eleven Peruvian migrants died in the blaze."), 11)
    spanish = by_value(counts("Murieron once migrantes peruanos en el incendio.", "es"), 11)
    total = by_value(counts("The blaze killed 40 migrants."), 40)
    assert english.extra["frame"]["nationality"] == spanish.extra["frame"]["nationality"] == "Peru"
    assert key(english) == key(spanish) != key(total)


def test_a_demonym_is_a_counted_noun():
    claim = by_value(counts("Seis hondureños murieron en el incendio.", "es"), 6)
    assert claim.attribute == "people killed"
    assert claim.extra["frame"]["nationality"] == "Honduras"


def test_places_of_a_breakdown():
    claims = counts(
        "The flood killed 140 people in the province of Valmora, 52 in Tesca and 9 in Orbel."
    )
    assert [c.extra["frame"].get("place") for c in claims] == ["Valmora", "Tesca", "Orbel"]
    assert all(c.attribute == "people killed" and c.extra["comparable"] for c in claims)
    assert len({key(c) for c in claims}) == 3


def test_places_before_their_figures_in_spanish():
    claims = counts(
        "La zona más afectada es Tolsa, con 88 fallecidos, y le sigue Marena (31).", "es"
    )
    assert [c.extra["frame"].get("place") for c in claims] == ["Tolsa", "Marena"]


def test_place_spellings_meet():
    one = by_value(counts("Officials counted 394 deaths in Al Haouz."), 394)
    other = by_value(counts("Hubo 349 muertos en Al Hauz.", "es"), 349)
    assert key(one) == key(other)


def test_respectively_abstains():
    claims = counts(
        "Las provincias de Tolsa y Marena siguieron, con 70 y 33 muertos respectivamente.", "es"
    )
    assert claims and not any(c.extra["comparable"] for c in claims)


def test_severity_makes_its_own_measure():
    claims = counts(
        "Officials said 1,150 people were injured, 412 of whom are in serious condition."
    )
    assert by_value(claims, 1150).attribute == "people injured"
    severe = by_value(claims, 412)
    assert severe.attribute == "people seriously injured"
    assert severe.extra["frame"]["part_of"] == "1,150"
    spanish = counts("Hay mil 430 heridos, de los cuales mil 120 en estado grave.", "es")
    assert by_value(spanish, 1120).attribute == "people seriously injured"


def test_another_of_another_measure_is_no_increment():
    claims = counts("At least 310 people died and another 95 were injured in the storm.")
    injured = by_value(claims, 95)
    assert (injured.attribute, injured.extra["comparable"]) == ("people injured", True)
    spanish = counts("Al menos 310 personas murieron y otras 95 resultaron heridas.", "es")
    assert by_value(spanish, 95).attribute == "people injured"


def test_an_increment_of_the_same_measure_stays_apart():
    claims = counts("Police arrested 12 people on Monday and another 5 people were arrested later.")
    assert not by_value(claims, 5).extra["comparable"]


def test_a_part_keeps_its_own_kind_of_people():
    claims = counts("Police made 29 arrests, including eight judges.")
    assert by_value(claims, 8).attribute == "judges arrested"


def test_a_whole_and_its_part():
    claims = counts("De los 16 bolivianos que viajaban en el autobús, cinco murieron.", "es")
    whole, part = by_value(claims, 16), by_value(claims, 5)
    assert not whole.extra["comparable"]
    assert part.extra["comparable"] and part.extra["frame"]["nationality"] == "Bolivia"
    claims = counts("Se contabilizan 14 chilenos, de los cuales nueve fallecieron.", "es")
    assert not by_value(claims, 14).extra["comparable"]
    assert by_value(claims, 9).extra["comparable"]


def test_court_outcomes_are_not_arrests():
    claims = counts(
        "A judge ordered pre-trial detention for 12 people and house arrest for 3 people."
    )
    assert by_value(claims, 12).attribute == "people held in pre-trial detention"
    assert by_value(claims, 3).attribute == "people under house arrest"
    spanish = counts("El juez dictó prisión preventiva para 12 personas.", "es")
    assert by_value(spanish, 12).attribute == "people held in pre-trial detention"


def test_magnitudes_and_clock_times_are_no_counts():
    assert not counts("El sismo de magnitud 6 dejó heridos a las 22.00 horas.", "es")


def test_a_sentence_dated_to_an_earlier_year_is_another_event():
    claims = counts("It was the worst since the 2011 quake, in which 412 people died.")
    assert not by_value(claims, 412).extra["comparable"]
    spanish = counts("Fue el peor desde el sismo de 2011, en el que murieron 412 personas.", "es")
    assert not by_value(spanish, 412).extra["comparable"]


def test_nationals_of_a_country_named_elsewhere_are_not_framed():
    claims = counts(
        "Colombia recibió los cuerpos de seis nacionales fallecidos en el incendio.", "es"
    )
    assert not by_value(claims, 6).extra["comparable"]


def test_figures_off_the_scale_of_their_block_are_set_aside():
    from reconcile.match import in_scale

    rows = [
        {"low": v, "high": v, "document_id": d} for v, d in ((1300, "a"), (2000, "b"), (3, "c"))
    ]
    assert [r["low"] for r in in_scale(rows)] == [1300, 2000]
