"""A toll named after a conjunction is the subject of a clause of its own.

"About 412 people were in the depot at the time and the death toll is the highest on record":
before, the 412 took the toll's event and was read as the dead. Invented sentences.
"""

from __future__ import annotations

import pytest
from conftest import counts


def with_figure(claims, figure):
    return [c for c in claims if figure in c.value]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Almost 412 people were in the depot when the roof gave way and the death toll "
            "is the highest in the country.",
            "en",
        ),
        (
            "En el almacén se encontraban casi 412 personas en el momento del derrumbe y el "
            "número de fallecidos supera al de 1992.",
            "es",
        ),
    ],
)
def test_a_figure_before_another_clause_s_toll_is_not_the_dead(text, language):
    assert all(c.attribute != "people killed" for c in with_figure(counts(text, language), "412"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 37 people were killed and the death toll may rise.", "en"),
        ("Al menos 37 personas murieron y la cifra de muertos podría subir.", "es"),
    ],
)
def test_a_figure_with_its_own_event_keeps_it(text, language):
    (claim,) = with_figure(counts(text, language), "37")
    assert claim.attribute == "people killed"
