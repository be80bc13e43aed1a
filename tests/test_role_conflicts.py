"""A person's office as two sources give it: one office of two places or of two kinds of body
conflicts; two offices, a modifier or an unclear complement never do. Every sentence and name
here is invented."""

from __future__ import annotations

import pytest
from test_check_agrees import databases, draft_conflicts

from reconcile.check import check_draft, load_draft
from reconcile.judge import clashing_pairs
from reconcile.pipeline import reconcile
from reconcile.role_rules import office


def role(value: str, language: str = "en", document: str = "a") -> dict:
    return {"value": value, "language": language, "document": document, "document_id": document}


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (
            "spokesman for the Velland national police",
            "en",
            ("spokesperson", "institution", "police"),
        ),
        (
            "portavoz de la fiscalía de Velland",
            "es",
            ("spokesperson", "institution", "prosecution"),
        ),
        ("vocera del Ministerio Público", "es", ("spokesperson", "institution", "prosecution")),
        ("el gobernador del estado de Tarvela", "es", ("governor", "place (es)", "tarvela")),
        ("Guatemalan President", "en", ("president", "country", "guatemala")),
        ("el presidente de Guatemala", "es", ("president", "country", "guatemala")),
        ("former President", "en", None),  # another office than the one held
        ("vice president of Tarvela", "en", None),
        ("la presidenta de la República", "es", None),  # a body, not a place
        ("el alcalde de la localidad", "es", None),
        ("Governor", "en", None),  # of nothing said
        ("portavoz de Defensa al confirmar el hallazgo", "es", None),
    ],
)
def test_an_office_and_what_it_is_of(value, language, expected):
    assert office(role(value, language)) == expected


def test_one_office_of_two_bodies_or_two_places_clashes():
    police = role("spokesman for the Velland national police", "en", "a")
    prosecutors = role("portavoz de la fiscalía", "es", "b")
    assert clashing_pairs("role", [police, prosecutors])
    one = role("el gobernador de Tarvela", "es", "a")
    two = role("el gobernador del estado de Orbesa", "es", "b")
    assert clashing_pairs("role", [one, two])


def test_one_place_written_two_ways_or_places_of_two_languages_never_clash():
    one = role("el gobernador de Tarvéla", "es", "a")
    two = role("el gobernador del estado de Tarvela", "es", "b")
    assert not clashing_pairs("role", [one, two])
    # "Londra" and "Londres" may be one city: names of two languages are not compared
    english = role("mayor of Orbesa", "en", "a")
    spanish = role("el alcalde de Velmora", "es", "b")
    assert not clashing_pairs("role", [english, spanish])


CORPUS = {
    "a.md": (
        "2024-05-18",
        "Riot at the Velland prison\n\n"
        "Dravin Oskarsson, spokesman for the Velland national police, said 12 inmates died in "
        "the riot at the Velland prison. Nine guards were injured in the riot.",
    ),
    "b.md": (
        "2024-05-18",
        "Motín en la cárcel de Velland\n\n"
        "Dravin Oskarsson, portavoz de la policía nacional de Velland, dijo que 12 reclusos "
        "murieron en el motín de la cárcel de Velland. Nueve guardias resultaron heridos.",
    ),
}
DRAFT = (
    "2024-05-19",
    "The Velland prison riot\n\n"
    "Dravin Oskarsson, spokesman for the Velland prosecutor's office, said 12 inmates died in "
    "the riot at the Velland prison.",
)


def test_check_sets_a_draft_office_against_the_same_values_as_conflicts(tmp_path):
    alone, both, draft_path = databases(tmp_path, CORPUS, DRAFT)
    assert not reconcile(alone), "the invented corpus must agree with itself"
    result = check_draft(alone, load_draft(str(draft_path)))
    problems = {(f.kind, f.start): f for f in result.findings if f.is_problem}
    found = draft_conflicts(both, result.draft.document.name)
    assert set(problems) == set(found) and {kind for kind, _ in found} == {"role"}
    [finding] = problems.values()
    assert finding.status == "contradiction" and finding.rule == "role-office"
    assert {v.value for v in finding.corpus} == set(next(iter(found.values())))
