"""Claims read against their sentences: a scraper's date glued to the first line, photo
credits and the captions they close, and a name after a place's adjective are page furniture
or places, not the article's people and figures."""

from __future__ import annotations

import pytest

from reconcile.extract import extract
from reconcile.models import Document
from reconcile.segment import segment

BODY_EN = "Floodwater swept through Marlow Creek on Sunday, killing 14 people."
BODY_ES = "Un alud sepultó el domingo la aldea de Peña Alta y mató a 14 personas."


def roles(text: str, language: str) -> dict[str, str]:
    return {s.text: s.role for s in segment(text, language)}


def claims_of(text: str, language: str) -> list:
    document = Document(
        id="d", name="d", path="d", text=text, language=language, published="2024-03-04"
    )
    return extract(document, segment(text, language))


@pytest.mark.parametrize(
    ("language", "stamp", "rest"),
    [
        ("en", "date 2024-03-04", BODY_EN),
        ("en", "date 2024-03", "Rescuers searched the river banks for 9 people still missing."),
        ("es", "fecha 2024-03-04", BODY_ES),
        ("es", "date 2024-03", BODY_ES),
    ],
)
def test_a_date_glued_to_the_first_line_is_a_stamp_of_its_own(language, stamp, rest):
    found = roles(f" {stamp} {rest}\n\nMore follows here.", language)
    assert found[stamp] == "stamp"
    assert found[rest] == "body"
