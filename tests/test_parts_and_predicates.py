"""Counts whose words say one thing of a whole and another of its part or of its people: a
part set before "of whom" / "de los cuales" with its own event, people with a past told in a
relative clause or participle and a predicate of their own. English and Spanish, invented
sentences."""

from __future__ import annotations

from conftest import by_value, counts


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- a part with its own event


def test_a_part_before_of_whom_takes_its_own_event_not_the_wholes():
    for text, language in [
        ("The coach was carrying 52 passengers to Dorval, 17 of whom have died.", "en"),
        ("The coach had been carrying 52 passengers, 17 of which died and 9 were hurt.", "en"),
        ("El autocar llevaba 52 pasajeros a Dorval, 17 de los cuales murieron.", "es"),
        ("El autocar transportaba 52 pasajeros, 17 de los cuales han fallecido.", "es"),
    ]:
        claim = one(text, language, 17)
        assert claim.attribute == "people killed", text
        assert comparable(claim), text


def test_the_whole_before_a_part_with_its_own_event_is_not_that_event():
    # the 52 did not all die: read as those aboard, or kept but not compared
    for text, language in [
        ("The coach was carrying 52 passengers to Dorval, 17 of whom have died.", "en"),
        ("El autocar llevaba 52 pasajeros a Dorval, 17 de los cuales murieron.", "es"),
    ]:
        whole = one(text, language, 52)
        assert not (whole.attribute == "people killed" and comparable(whole)), text


def test_a_part_after_of_whom_with_an_adverb_takes_its_own_event():
    for text, language in [
        ("Police detained 64 people, 12 of whom were later released.", "en"),
        ("La policía detuvo a 64 personas, 12 de las cuales fueron liberadas después.", "es"),
    ]:
        part = one(text, language, 12)
        assert part.attribute == "people released", text
        whole = one(text, language, 64)
        assert whole.attribute == "people arrested" and comparable(whole), text


def test_a_part_of_things_is_not_made_people():
    for text, language in [
        ("The storm hit 300 homes, 40 of which were destroyed.", "en"),
        ("La tormenta alcanzó 300 viviendas, 40 de las cuales quedaron destruidas.", "es"),
    ]:
        assert not any(
            c.attribute.startswith("people") and c.low == 40 for c in counts(text, language)
        ), text


def test_a_graded_part_after_of_whom_is_still_graded():
    for text, language in [
        ("About 120 people were injured, 14 of whom remain in serious condition.", "en"),
        ("Unas 120 personas resultaron heridas, 14 de las cuales siguen graves.", "es"),
    ]:
        assert one(text, language, 14).attribute == "people seriously injured", text
