"""The article, not the page: date stamps, photo credits and captions, embedded posts and
links to other articles are told by their shape and place, kept as sentences, and never read
for claims."""

from __future__ import annotations

from collections import Counter

from reconcile.extract import extract
from reconcile.lexicon import lexicon
from reconcile.models import Document
from reconcile.segment import segment
from reconcile.stories import story_profile

LEAD_EN = [
    "Floodwater swept through the town of Marlow Creek on Sunday, killing 14 people.",
    "Rescuers searched the river banks through the night for 9 people still missing.",
    "The mayor, Hettie Callander, said 300 homes had been damaged.",
]
LEAD_ES = [
    "Un alud sepultó el domingo la aldea de Peña Alta y mató a 14 personas.",
    "Los rescatistas buscaron durante la noche a 9 personas desaparecidas.",
    "La alcaldesa, Rufina Olmedo, dijo que 300 casas resultaron dañadas.",
]


def roles(text: str, language: str) -> dict[str, str]:
    return {s.text: s.role for s in segment(text, language)}


def claims_of(text: str, language: str) -> list:
    document = Document(
        id="d", name="d", path="d", text=text, language=language, published="2024-03-04"
    )
    return extract(document, segment(text, language))


def test_date_stamps_of_the_page_are_not_claims():
    text = "\n\n".join(
        [
            "Marlow Creek floods leave 14 dead",
            "Last Updated: 2024-03-04 09:15",
            "Posted on March 4, 2024 at 9:15 am",
            *LEAD_EN,
        ]
    )
    found = roles(text, "en")
    assert found["Last Updated: 2024-03-04 09:15"] == "stamp"
    assert found["Posted on March 4, 2024 at 9:15 am"] == "stamp"
    assert [c.date for c in claims_of(text, "en") if c.kind == "date"] == ["2024-03-03"]


def test_spanish_date_lines_and_datelines_are_stamps():
    text = "\n\n".join(
        [
            "Alud en Peña Alta deja 14 muertos",
            "Lunes 4 de marzo de 2024",
            "Actualizado: 4 de marzo de 2024 - 09:15",
            "Peña Alta, 4 de marzo de 2024 - Redacción",
            *LEAD_ES,
        ]
    )
    found = roles(text, "es")
    assert found["Lunes 4 de marzo de 2024"] == "stamp"
    assert found["Actualizado: 4 de marzo de 2024 - 09:15"] == "stamp"
    assert found["Peña Alta, 4 de marzo de 2024 - Redacción"] == "stamp"
    assert [c.date for c in claims_of(text, "es") if c.kind == "date"] == ["2024-03-03"]


def test_a_sentence_that_opens_with_a_date_is_not_a_stamp():
    text = "\n\n".join(["Marlow Creek floods", "On March 3, 2024, the river burst its banks."])
    assert roles(text, "en")["On March 3, 2024, the river burst its banks."] == "body"
    assert [c.date for c in claims_of(text, "en") if c.kind == "date"] == ["2024-03-03"]


def test_photo_credits_captions_and_embedded_posts_are_not_claims():
    caption = "Residents wade through a flooded street on March 2, 2023. Photo / AFP"
    handout = "A handout photo released by the fire service shows 40 boats on the river."
    post = "— Hettie Callander (@hcallander) March 1, 2023"
    text = "\n\n".join(["Marlow Creek floods", LEAD_EN[0], caption, handout, post, LEAD_EN[1]])
    found = roles(text, "en")
    assert found[caption] == found[handout] == found[post] == "caption"
    values = {c.value for c in claims_of(text, "en")}
    assert not values & {"40", "March 2, 2023", "March 1, 2023"}
    assert "14" in values


def test_spanish_photo_credits_are_captions():
    caption = "Vecinos retiran escombros en Peña Alta el 2 de marzo de 2023. Foto: Lucía Pardo"
    archive = "Una foto de archivo de la aldea, con 40 casas."
    text = "\n\n".join(["Alud en Peña Alta", LEAD_ES[0], caption, archive, LEAD_ES[1]])
    found = roles(text, "es")
    assert found[caption] == found[archive] == "caption"


def test_a_sentence_about_a_photo_is_still_body():
    said = "The mayor said a photo by Reuters showed 40 boats on the river."
    assert roles("\n\n".join(["Marlow Creek floods", said]), "en")[said] == "body"


def test_links_to_other_articles_beside_their_dates_are_not_claims():
    teasers = [
        "Senator Quill says 12 ministers will resign over the budget...",
        "Lunes 19 de febrero de 2024",
        "Tormenta deja 7 heridos en el puerto de Arvel...",
        "Domingo 18 de febrero de 2024",
    ]
    text = "\n\n".join(["Alud en Peña Alta", *LEAD_ES, *teasers])
    found = roles(text, "es")
    assert found[teasers[0]] == found[teasers[2]] == "related"
    values = {c.value for c in claims_of(text, "es")}
    assert not values & {"12", "7", "Senator Quill"}
    assert "9" in values


def test_links_under_a_bare_list_marker_are_related():
    links = ["Storm leaves 7 injured at the port of Arvel", "Senator Quill to face 12 charges"]
    text = "\n\n".join(["Marlow Creek floods", *LEAD_EN, "Read more", *links, LEAD_EN[0]])
    found = roles(text, "en")
    assert found[links[0]] == found[links[1]] == "related"
    assert found[LEAD_EN[0]] == "body"


def test_a_headline_under_the_pages_date_is_the_articles_own():
    """At the top of the page a short line beside a date is the article's headline."""
    text = "\n\n".join(["Lunes 4 de marzo de 2024", "Alud en Peña Alta deja 14 muertos", *LEAD_ES])
    assert roles(text, "es")["Alud en Peña Alta deja 14 muertos"] == "heading"


def test_a_caption_still_says_what_the_story_is_about():
    """A caption's figures are the photo's, but it names the story's people and places."""
    lex = lexicon("en")
    with_caption = story_profile(
        [("heading", "Floods"), ("caption", "Hettie Callander in Marlow Creek. Photo AFP")], lex
    )
    assert with_caption["p:marlow creek"] > 0
    assert story_profile([("stamp", "March 4, 2024"), ("related", "Quill")], lex) == Counter()


def test_a_date_in_figures_on_a_headline_is_the_pages_stamp():
    text = "\n\n".join(["date 2024-03-04 Floods in Marlow Creek leave 14 dead.", *LEAD_EN])
    assert [c.date for c in claims_of(text, "en") if c.kind == "date"] == ["2024-03-03"]
    text = "\n\n".join(["fecha 2024-03-04 Alud en Peña Alta deja 14 muertos.", *LEAD_ES])
    assert [c.date for c in claims_of(text, "es") if c.kind == "date"] == ["2024-03-03"]


def test_a_date_in_figures_inside_a_sentence_is_still_a_date():
    text = "The river burst its banks on 2024-03-03, the council said."
    assert [c.date for c in claims_of(text, "en") if c.kind == "date"] == ["2024-03-03"]


def test_a_citations_retrieved_date_is_no_event_date():
    text = "Floods in Marlow Creek. Town council report. Retrieved 12 March 2024."
    assert not [c for c in claims_of(text, "en") if c.kind == "date"]
    text = "Informe del ayuntamiento de Peña Alta. Consultado el 12 de marzo de 2024."
    assert not [c for c in claims_of(text, "es") if c.kind == "date"]
    text = "The river rose on 12 March 2024, the council said."
    assert [c.date for c in claims_of(text, "en") if c.kind == "date"] == ["2024-03-12"]
