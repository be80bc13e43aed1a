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


def test_a_caption_behind_a_glued_date_is_a_caption():
    text = (
        "date 2024-03-05 An aerial image taken on March 4, 2024, shows 40 homes under water"
        " in Marlow Creek.\n\n" + BODY_EN
    )
    found = roles(text, "en")
    assert found["date 2024-03-05"] == "stamp"
    assert [r for t, r in found.items() if t.startswith("An aerial")] == ["caption"]
    assert {c.value for c in claims_of(text, "en") if c.kind == "count"} == {"14"}


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "(Dorian Vell / Tarvela Wire via Norland Images)"),
        ("en", "Crews clear a road near Marlow Creek. (Dorian Vell/The Marlow Post via Wire)"),
        ("en", "Photo courtesy of the Marlow County Fire Service director Ada Quill/Twitter"),
        ("en", "Images source: © TWA, NPA | Dorian Vell"),
        ("en", "Copyright © 2024, Marlow Radio."),
        ("en", "Crews clear a road near Marlow Creek Image: Dorian Vell/TW Photo/picture desk"),
        ("en", "Some 2,000 people marched to the square. TWA/Dorian VELL. TWA or licensors"),
        ("en", "Ada Quill, left, and Ben Roe search the ashes of their house in Marlow Creek."),
        ("es", "Bomberos despejan una calle en Peña Alta. (Agencia Foto/Dorián Vell)"),
        ("es", "Vecinos junto a una casa derrumbada. Foto cortesía de Protección Civil/Twitter"),
        ("es", "Últimos momentos en la plaza, antes del alud. Foto: Instagram: @vecino_pa"),
        ("es", "Fotos de Dorián Vell, Radio Peña Alta – Voces del Valle."),
        ("es", "Imágenes: © Agencia Tal | Dorián Vell"),
        ("es", "Una imagen tomada el 4 de marzo muestra 40 casas bajo el agua."),
    ],
)
def test_credits_and_the_captions_they_close_give_no_claims(language, line):
    text = f"{BODY_EN if language == 'en' else BODY_ES}\n\n{line}\n\nMore follows here."
    assert roles(text, language)[line] == "caption"
    claims = claims_of(text, language)
    assert {c.value for c in claims if c.kind == "count"} == {"14"}
    assert not [c for c in claims if c.kind in ("person", "role") and c.sentence > 0]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The storm killed 12 people. Police said (citing officers) that roads closed."),
        ("en", "The fire began on Tuesday, Aug. 8, 2023, and 12 people died."),
        ("en", "12 people died after the river rose on Tuesday, March 5, 2024, in Arlen County."),
        ("en", "Ada Quill said the left wing of the school was lost and 12 people died."),
        ("es", "Fue el martes 14 de marzo de 2023 cuando murieron 12 personas."),
        ("es", "Fotos de la tragedia muestran que murieron 12 personas."),
    ],
)
def test_prose_that_looks_a_little_like_a_credit_is_still_read(language, text):
    assert all(role == "body" for role in roles(text, language).values())
    assert "12" in {c.value for c in claims_of(text, language) if c.kind == "count"}


def test_a_name_after_a_municipal_place_noun_is_a_place():
    text = (
        "Las víctimas fueron trasladadas al auditorio municipal de Rosa Valdeluz,"
        " habilitado como morgue."
    )
    assert not [c for c in claims_of(text, "es") if c.kind == "person"]
