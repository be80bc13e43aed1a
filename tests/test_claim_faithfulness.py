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
        ("Ana Ruiz cumpliría 21 años el 30 de abril.", "es"),
        ("Llegaron 500 militares adicionales el viernes 3 de mayo.", "es"),
        ("Rescuers searched stranded cars on Thursday.", "en"),
        ("Tolsa authorities on Tuesday will publish the list.", "en"),
        ("The damage came into sharper focus on Saturday.", "en"),
        ("Avanzaron a buen ritmo el viernes 3 de mayo.", "es"),
        ("En la misma noche del lunes, la banda huyó.", "es"),
        ("There were 29 more than on Tuesday.", "en"),
    ],
)
def test_a_noun_or_a_number_beside_a_date_is_not_what_it_dates(text, language):
    (claim,) = claims(text, language, "date")
    assert claim.attribute == "date"
