"""One conflict, one fact, on shapes the development articles lack: figures that name the same
number, a figure of a spread after "in", escapes beside those still at large, orders and lists
beside arrests, another case told in passing, a day among several, a toll beside an aside, those
involved in an operation beside those implicated in a case, the end of an overnight hearing.
Each shape is tried alone, then in small invented stories told by several outlets, English and
Spanish, each with one true contradiction that must still be found. Invented sentences."""

from __future__ import annotations

from conftest import by_value, counts, key

from reconcile.judge import judge_numbers


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- one figure, three wordings


def figure(low, high=None, qualifier="exact", document="a"):
    return {
        "low": low,
        "high": low if high is None else high,
        "qualifier": qualifier,
        "document": document,
        "published": "2024-05-14",
        "quote": str(low),
        "start": 0,
        "end": 1,
        "unit": None,
    }


def test_approximately_a_figure_and_the_figure_are_one_fact():
    claims = [
        figure(67.5, 82.5, "about", "a"),  # "approximately 75"
        figure(75, document="b"),
        figure(75, None, "more than", "c"),
    ]
    claims[2]["high"] = None
    assert judge_numbers("s", "count", "", "raids", claims, True) is None


def test_an_approximate_figure_beside_another_is_still_a_note():
    claims = [figure(67.5, 82.5, "about", "a"), figure(71, document="b")]
    soft = judge_numbers("s", "count", "", "raids", claims, True)
    assert soft is not None and soft.status == "soft"


# ---------------------------------------------------------------- a spread after "in"


def test_a_qualified_figure_after_in_is_the_spread_not_a_sub_group():
    for text, language in [
        ("Police arrested 31 people on Monday in more than 75 raids, officials said.", "en"),
        ("Police detained 31 people in about 40 searches.", "en"),
        ("La policía detuvo a 31 personas el lunes en más de 75 allanamientos.", "es"),
    ]:
        claim = one(text, language, 31)
        assert claim.attribute == "people arrested", text
        assert comparable(claim), text


# ---------------------------------------------------------------- an escape, and those at large


def test_those_who_escaped_are_not_those_still_at_large():
    for text, language, low in [
        ("Thirty inmates escaped from the Tarvik jail on Sunday.", "en", 30),
        ("Five suspects fled during the operation.", "en", 5),
        ("Treinta reos se fugaron de la cárcel de Tarvik.", "es", 30),
        ("Cinco sospechosos huyeron durante el operativo.", "es", 5),
    ]:
        assert one(text, language, low).attribute.endswith(" escaped"), text
    for text, language, low in [
        ("Eleven suspects are still on the run.", "en", 11),
        ("Once sospechosos siguen prófugos.", "es", 11),
    ]:
        assert one(text, language, low).attribute == "people at large", text
    escaped = one("Five suspects fled during the operation.", "en", 5)
    free = one("Eleven suspects are still on the run.", "en", 11)
    assert key(escaped) != key(free)


def test_evading_arrest_is_being_at_large():
    claim = one("The leak helped seven individuals in escaping detention.", "en", 7)
    assert claim.attribute == "people at large"


# ---------------------------------------------------------------- orders, lists, conditions


def test_an_order_a_request_or_a_list_is_not_an_arrest():
    held = one("Police arrested 29 people in the raids.", "en", 29)
    for text, language in [
        ("Prosecutors sought the arrest of 40 people.", "en"),
        ("Arrest orders were issued for 40 people.", "en"),
        ("The arrest list named 40 suspects.", "en"),
        ("The judge ordered the arrest of 40 people.", "en"),
        ("La fiscalía pidió la detención de 40 personas.", "es"),
        ("Se ordenó la captura de 40 personas.", "es"),
    ]:
        wanted = one(text, language, 40)
        assert wanted.attribute == "people wanted", text
        assert key(wanted) != key(held), text


def test_released_under_measures_is_not_released():
    for text, language in [
        ("Seven were released with alternative measures.", "en"),
        ("Siete quedaron libres con medidas cautelares.", "es"),
    ]:
        assert one(text, language, 7).attribute == "people released under conditions", text


def test_those_accounted_for_are_not_the_missing():
    claims = counts("Thirty-one workers have been accounted for, and nine remain unaccounted for.")
    assert by_value(claims, 31).attribute == "people accounted for"
    assert by_value(claims, 9).attribute == "people missing"
    assert key(by_value(claims, 31)) != key(by_value(claims, 9))


# ---------------------------------------------------------------- another case, one day of several


def test_a_count_of_another_case_is_not_compared():
    for text, language in [
        ("In a separate case, police arrested four suspects for fraud in Tarsk.", "en"),
        ("Police also arrested four people linked to an unrelated robbery.", "en"),
        ("En otro caso, la policía detuvo a cuatro sospechosos por estafa.", "es"),
    ]:
        claim = one(text, language, 4)
        assert claim.attribute == "people arrested", text
        assert not comparable(claim), text
    assert comparable(one("Police arrested four suspects for fraud in Tarsk.", "en", 4))


def test_a_figure_of_one_day_among_several_is_not_the_running_count():
    for text, language in [
        ("On the first day, rescuers recovered six bodies from the river.", "en"),
        ("Los rescatistas recuperaron el primer día seis cuerpos del río.", "es"),
    ]:
        claims = counts(text, language)
        assert all(not comparable(c) for c in claims), text
    assert comparable(one("Rescuers have recovered 12 bodies so far.", "en", 12))


# ---------------------------------------------------------------- a toll beside an aside


def test_an_event_in_an_aside_is_not_the_tolls():
    for text, language in [
        ("The death toll, which also left dozens injured, rose to 12.", "en"),
        ("La cifra de muertos, que también dejó decenas de heridos, subió a 12.", "es"),
    ]:
        assert one(text, language, 12).attribute == "people killed", text


def test_one_figure_of_the_dead_and_the_injured_together_is_neither():
    for text, language in [
        ("The number of dead and injured rose to 38.", "en"),
        ("El número de muertos y heridos subió a 38.", "es"),
    ]:
        claims = [c for c in counts(text, language) if c.low == 38]
        assert all(not comparable(c) for c in claims), text
    assert one("The number of dead rose to 12 and the injured to 23.", "en", 23).attribute == (
        "people injured"
    )


# ---------------------------------------------------------------- involved in what


def test_those_involved_in_an_operation_are_not_those_implicated():
    deployed = one("The operation involved more than 900 people.", "en", 900)
    assert deployed.attribute == "people deployed"
    spanish = one("En el operativo estuvieron involucradas más de 900 personas.", "es", 900)
    assert spanish.attribute == "people deployed"
    implicated = one("The case involves 52 people.", "en", 52)
    assert implicated.attribute == "people involved"
    assert key(deployed) != key(implicated)
