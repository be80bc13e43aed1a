"""A stored count or date must say what its sentence says: a day of the month is no count, a
figure raised "to" a number is that number, a noun or a number beside a date is not what the
date dates. Invented sentences."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.models import Document


def claims(text: str, language: str = "en", kind: str = "count") -> list:
    document = Document("t", "t", "t", text, published="2024-05-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Las marchas del lunes 14 después de la votación dejaron 12 muertos.", "es"),
        ("The marches of Monday 14 after the vote left 12 dead.", "en"),
    ],
)
def test_a_day_after_a_weekday_is_no_count(text, language):
    assert [c.low for c in claims(text, language)] == [12]


def test_a_count_after_a_weekday_is_still_a_count():
    found = claims("El lunes 14 personas murieron en la ciudad.", "es")
    assert [(c.low, c.attribute) for c in found] == [(14, "people killed")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La fiscalía elevó la cifra de detenidos hasta los 300.", "es"),
        ("La fiscalía elevó hasta 300 el número de detenidos.", "es"),
        ("Officials raised the number of people arrested up to 300.", "en"),
    ],
)
def test_a_figure_raised_to_a_number_is_that_number(text, language):
    (claim,) = claims(text, language)
    assert (claim.low, claim.high, claim.qualifier) == (300, 300, "exact")


def test_up_to_without_a_rise_is_still_a_bound():
    (claim,) = claims("The fire destroyed up to 300 homes.")
    assert (claim.low, claim.high, claim.qualifier) == (0, 300, "at most")


def test_hundreds_as_a_noun_multiply():
    found = claims("La policía elevó la cifra hasta los tres centenares de detenidos.", "es")
    assert all(c.attribute != "centenares" for c in found)
    assert all(c.high != 3 for c in found)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ana Ruiz cumpliría 34 años el 12 de junio.", "es"),
        ("Llegaron 500 militares adicionales el viernes 3 de mayo.", "es"),
        ("Rescuers searched stranded cars on Thursday.", "en"),
        ("Tolsa authorities on Tuesday will publish the list.", "en"),
        ("The losses came into clear focus on Friday.", "en"),
        ("Caminaron todos a buen paso el viernes 3 de mayo.", "es"),
        ("Ya en la misma noche del martes, la banda huyó.", "es"),
        ("There were 29 more than on Tuesday.", "en"),
    ],
)
def test_a_noun_or_a_number_beside_a_date_is_not_what_it_dates(text, language):
    (claim,) = claims(text, language, "date")
    assert claim.attribute == "date"


@pytest.mark.parametrize(
    ("text", "language", "quote", "span"),
    [
        ("Las lluvias cayeron entre el 3 y 4 de mayo en la región.", "es", "3 y 4 de mayo", 1),
        ("Las lluvias cayeron del 3 al 9 de mayo en la región.", "es", "3 al 9 de mayo", 6),
        ("Las lluvias cayeron los días 3 y 4 de mayo.", "es", "3 y 4 de mayo", 1),
        ("The rains fell between May 3 and 4 in the region.", "en", "May 3 and 4", 1),
        ("The storm hit on May 3-4, killing 12 people.", "en", "May 3-4", 1),
    ],
)
def test_a_range_of_days_is_one_claim_spanning_them(text, language, quote, span):
    (claim,) = claims(text, language, "date")
    assert claim.quote == quote
    back, forward = claim.extra["night"]
    assert forward - back == span
    assert claim.extra["range"]


@pytest.mark.parametrize(
    "text",
    [
        "The rains fell on May 3 and 4 people died.",
        "On May 3, 4 people died in the storm.",
    ],
)
def test_a_count_after_a_date_is_no_range(text):
    (claim,) = claims(text, "en", "date")
    assert "range" not in claim.extra


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Estaba en prisión desde 2001 por asesinato.", "es"),
        ("He had been in prison since 2001 for murder.", "en"),
        ("Los bomberos trabajan desde el lunes en la zona del incendio.", "es"),
    ],
)
def test_a_date_after_since_opens_a_period(text, language):
    (claim,) = claims(text, language, "date")
    assert claim.attribute == "period start"
    assert "event" not in claim.extra


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He said at least 500 buildings were gone.", "en"),
        ("Al menos 500 edificios quedaron destruidos.", "es"),
    ],
)
def test_buildings_are_not_homes(text, language):
    (claim,) = claims(text, language)
    assert claim.attribute == "buildings"


@pytest.mark.parametrize(
    ("text", "language", "measure"),
    [
        ("El fuego arrasó dos conocidas discotecas de la ciudad.", "es", "discotecas"),
        ("The fire destroyed two popular nightclubs in the city.", "en", "nightclubs"),
    ],
)
def test_an_adjective_before_the_noun_is_no_part_of_the_measure(text, language, measure):
    (claim,) = claims(text, language)
    assert claim.attribute == measure


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Continúa la búsqueda de los cuatro fallecidos.", "es"),
        ("The search for the four dead continues.", "en"),
    ],
)
def test_the_dead_searched_for_are_dead_not_missing(text, language):
    (claim,) = claims(text, language)
    assert claim.attribute == "people killed"
    assert not claim.extra["comparable"]


def test_a_search_for_people_still_counts_the_missing():
    (claim,) = claims("The search for six missing workers continues.")
    assert claim.attribute == "people missing"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ministry released a statement saying 30 protesters.", "en"),
        ("Police released the names of 30 protesters.", "en"),
    ],
)
def test_an_event_with_its_own_object_is_not_the_counts(text, language):
    assert all(c.attribute != "people released" for c in claims(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested the leaders and 30 members of the gang.", "en"),
        ("La policía detuvo al cabecilla y a 30 miembros de la banda.", "es"),
    ],
)
def test_a_second_object_of_the_event_is_still_its_count(text, language):
    (claim,) = claims(text, language)
    assert claim.attribute == "people arrested"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Cerca de las seis y media de la mañana del lunes 6 de mayo, llegó la policía.", "es"),
        ("At half past six on Monday, May 6, the police arrived.", "en"),
    ],
)
def test_a_clock_time_is_not_what_a_date_dates(text, language):
    (claim,) = claims(text, language, "date")
    assert claim.attribute == "date"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Las marchas del lunes 29 dejaron 12 muertos.", "es"),
        ("The marches of Monday 29 left 12 dead.", "en"),
    ],
)
def test_a_weekday_with_a_bare_day_is_that_day(text, language):
    (claim,) = claims(text, language, "date")
    assert (claim.date, claim.weekday) == ("2024-04-29", "Monday")


def test_a_weekday_and_a_day_that_never_met_keep_only_the_weekday():
    (claim,) = claims("Las marchas del lunes 14 dejaron 12 muertos.", "es", "date")
    assert (claim.date, claim.weekday) == (None, "Monday")


def test_many_deaths_are_not_the_topic_persons_death():
    text = (
        "Ana Ruiz was a teacher in Tolsa. Ana Ruiz loved her town. "
        "In March, 27 people were killed when a ferry sank near Tarsis."
    )
    (claim,) = claims(text, "en", "date")
    assert (claim.attribute, claim.subject) == ("date", "")


def test_the_topic_persons_own_death_keeps_its_date():
    text = (
        "Ana Ruiz was a teacher in Tolsa. Ana Ruiz loved her town. "
        "She died in April after a long illness."
    )
    (claim,) = claims(text, "en", "date")
    assert (claim.attribute, claim.subject) == ("date of death", "Ana Ruiz")
