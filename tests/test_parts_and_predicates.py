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


# ---------------------------------------------------------------- what they had been, and are


def test_a_relative_clause_tells_what_they_had_been_the_predicate_what_they_are():
    for text, language, value, event in [
        (
            "Two tourists who were abducted near Pellora were found dead on Monday.",
            "en",
            2,
            "killed",
        ),
        ("Three tourists who were kidnapped in March have been released.", "en", 3, "released"),
        (
            "Dos turistas que fueron secuestrados cerca de Pellora fueron hallados muertos.",
            "es",
            2,
            "killed",
        ),
        ("Tres turistas que fueron secuestrados en marzo fueron liberados.", "es", 3, "released"),
    ]:
        claim = by_value(counts(text, language), value)
        assert claim.attribute == f"people {event}", text


def test_a_participle_before_the_noun_then_a_headline_predicate():
    # Spanish puts the participle after the noun ("turistas secuestrados hallados sin vida"):
    # read without an auxiliary it joined figures of other facts, so it is left alone
    for text, event in [
        ("2 abducted tourists found dead near Pellora, 3 others alive", "killed"),
        ("Police said 30 injured fans taken to hospital were stable.", "hospitalized"),
    ]:
        assert counts(text, "en")[0].attribute == f"people {event}", text


def test_a_denied_predicate_is_not_what_befell_them():
    for text, language in [
        ("Three tourists who were kidnapped in March were not released.", "en"),
        ("Tres turistas que fueron secuestrados en marzo no fueron liberados.", "es"),
    ]:
        assert by_value(counts(text, language), 3).attribute != "people released", text


def test_another_clause_keeps_its_own_count():
    for text, language in [
        ("At least 41 people died and another 12 were injured in the flood.", "en"),
        ("Al menos 41 personas murieron y otras 12 resultaron heridas.", "es"),
    ]:
        claims = counts(text, language)
        assert by_value(claims, 41).attribute == "people killed", text
        assert by_value(claims, 12).attribute == "people injured", text


def test_the_remains_of_people_are_not_counted_as_what_they_had_been():
    for text, language in [
        ("Soldiers found the bodies of two tourists who were kidnapped near Pellora.", "en"),
        ("Soldados hallaron los cuerpos de dos turistas que fueron secuestrados en Pellora.", "es"),
    ]:
        claim = by_value(counts(text, language), 2)
        assert not (claim.attribute == "people taken hostage" and comparable(claim)), text
    killed = by_value(counts("Soldiers found the bodies of two tourists who were killed."), 2)
    assert killed.attribute == "people killed" and comparable(killed)
