"""Issue 13: personal facts. Where a named person is from and how many children they have,
each owned by the person grammar attaches it to, and compared per person. Every sentence
here is invented."""

from __future__ import annotations

import pytest

from reconcile.ingest import analyse
from reconcile.judge import judge_personal
from reconcile.models import CLAIM_KINDS, CONFLICT_KINDS, Document


def facts_of(text: str, kind: str, language: str = "en") -> dict:
    """Claims of one kind as {subject: value}: the country, or the number of children."""
    document = Document("t", "t", "t", text, published="2024-03-20", language=language)
    found: dict = {}
    for claim in analyse(document)[2]:
        if claim.kind == kind:
            assert claim.subject not in found, f"two {kind} claims for {claim.subject}"
            found[claim.subject] = claim.extra["country"] if kind == "nationality" else claim.low
    return found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Honduran Rodrigo Bustamante was among the dead, officials said.",
            "en",
            {"Rodrigo Bustamante": "honduras"},
        ),
        (
            "Police identified him as Rodrigo Bustamante, a Guatemalan national who lived nearby.",
            "en",
            {"Rodrigo Bustamante": "guatemala"},
        ),
        (
            "Rodrigo Bustamante, 41, a native of El Salvador, drove the truck.",
            "en",
            {"Rodrigo Bustamante": "el salvador"},
        ),
        (
            "El hondureño Rodrigo Bustamante figura entre los fallecidos.",
            "es",
            {"Rodrigo Bustamante": "honduras"},
        ),
        (
            "La víctima es Rodrigo Bustamante, de nacionalidad guatemalteca, según la fiscalía.",
            "es",
            {"Rodrigo Bustamante": "guatemala"},
        ),
        (
            "Rodrigo Bustamante, de 41 años y originario de Honduras, conducía el camión.",
            "es",
            {"Rodrigo Bustamante": "honduras"},
        ),
        (
            "Entre los heridos está Lucía Ferrán, salvadoreña de 30 años.",
            "es",
            {"Lucía Ferrán": "el salvador"},
        ),
    ],
)
def test_nationality_of_a_named_person(text, language, expected):
    assert facts_of(text, "nationality", language) == expected


def test_a_demonym_before_a_name_is_not_part_of_the_name():
    document = Document(
        "t", "t", "t", "The Honduran Rodrigo Bustamante died.", "2024-03-20", language="en"
    )
    names = [c.value for c in analyse(document)[2] if c.kind == "person"]
    assert names == ["Rodrigo Bustamante"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rodrigo Bustamante, a Mexican-American teacher, spoke first.", "en"),  # descent
        ("Rodrigo Bustamante, of Mexican descent, spoke first.", "en"),
        ("Rodrigo Bustamante flew from Mexico City on Monday.", "en"),  # a city, not a country
        ("Rodrigo Bustamante, de origen mexicano, habló primero.", "es"),
        ("Lo dijo Rodrigo Bustamante, Argentina, en una nota.", "es"),  # a dateline
        ("Lo dijo el ministro del Interior marroquí en una nota.", "es"),  # no person
    ],
)
def test_no_nationality_without_a_clear_owner_or_country(text, language):
    assert facts_of(text, "nationality", language) == {}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Marta Ilundain, a mother of three, was treated at the scene.", "en", 3),
        ("Marta Ilundain, 38, mother of two, was treated at the scene.", "en", 2),
        ("Marta Ilundain leaves behind four children, her brother said.", "en", 4),
        ("Marta Ilundain is survived by her husband and five children.", "en", 5),
        ("Marta Ilundain, madre de seis hijos, fue atendida en el lugar.", "es", 6),
        ("Marta Ilundain, de 38 años y madre de tres, fue atendida.", "es", 3),
        ("Según su hermano, Marta Ilundain deja dos hijos pequeños.", "es", 2),
        ("Marta Ilundain, originaria de Honduras y madre de seis hijos, murió.", "es", 6),
    ],
)
def test_number_of_children_of_a_named_person(text, language, expected):
    assert facts_of(text, "children", language) == {"Marta Ilundain": expected}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("She leaves behind three children, her brother said.", "en"),  # no name: abstain
        ("Marta Ilundain met the mother of two of the victims.", "en"),
        ("Marta Ilundain, the father of two victims, spoke.", "en"),
        ("La madre de dos de las víctimas habló con Marta Ilundain.", "es"),
    ],
)
def test_no_number_of_children_without_a_clear_owner(text, language):
    assert facts_of(text, "children", language) == {}


def test_the_number_of_children_is_not_a_count_of_the_story():
    document = Document(
        "t", "t", "t", "Marta Ilundain, madre de seis hijos, murió.", "2024-03-20", language="es"
    )
    assert [c.value for c in analyse(document)[2] if c.kind == "count"] == []


def claim(document: str, kind: str, value: str, low=None, country=None, hedge=None) -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": kind,
        "value": value,
        "low": low,
        "high": low,
        "qualifier": "exact",
        "start": 0,
        "end": 5,
        "quote": value,
        "hedge": hedge,
        "extra": {"country": country} if country else {},
    }


def test_two_countries_for_one_person_are_a_conflict():
    found = judge_personal(
        "s",
        "nationality",
        "Rodrigo Bustamante",
        [
            claim("a", "nationality", "Guatemalan", country="guatemala"),
            claim("b", "nationality", "mexicano", country="mexico"),
            claim("c", "nationality", "guatemalteco", country="guatemala"),
        ],
    )
    assert found is not None and found.severity == "high"
    assert [v.value for v in found.values] == ["Guatemala", "Mexico"]
    assert found.rule == "nationality-differs"


def test_one_country_written_in_two_languages_is_no_conflict():
    members = [
        claim("a", "nationality", "Guatemalan", country="guatemala"),
        claim("b", "nationality", "guatemalteca", country="guatemala"),
    ]
    assert judge_personal("s", "nationality", "Rodrigo Bustamante", members) is None


def test_two_numbers_of_children_are_a_conflict_and_a_hedge_lowers_it():
    members = [claim("a", "children", "three", 3.0), claim("b", "children", "seis", 6.0)]
    found = judge_personal("s", "children", "Marta Ilundain", members)
    assert found is not None and found.severity == "high" and found.rule == "children-differ"
    members[1]["hedge"] = "reportedly"
    assert judge_personal("s", "children", "Marta Ilundain", members).severity == "medium"


def test_a_document_giving_one_person_two_values_is_set_aside():
    members = [
        claim("a", "children", "three", 3.0),
        claim("b", "children", "two", 2.0),
        claim("b", "children", "three", 3.0),
    ]
    assert judge_personal("s", "children", "Marta Ilundain", members) is None


def test_the_kinds_are_in_the_one_vocabulary():
    for kind in ("nationality", "children"):
        assert kind in CLAIM_KINDS and kind in CONFLICT_KINDS
