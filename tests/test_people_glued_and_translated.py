"""Issue 13: a name run together with the next word by a page's markup, and one person's given
name in two languages. Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import mention

from reconcile.extract.people import glued_head
from reconcile.ingest import analyse
from reconcile.judge import name_conflicts
from reconcile.lexicon import lexicon
from reconcile.models import Document
from reconcile.resolve import resolve, same_person, translated_given_name


def people_in(text: str, language: str = "en") -> set[str]:
    document = Document("t", "t", "t", text, published="2024-03-20", language=language)
    return {c.value for c in analyse(document)[2] if c.kind == "person"}


# --------------------------------------------------------------------------- glued words


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Police said the trader Osvaldo Tremarmurdered his partner in May.",
            "en",
            "Osvaldo Tremar",
        ),
        ("The guard Lidia Quiroswho was on duty said nothing.", "en", "Lidia Quiros"),
        ("La testigo Marcela Ibartadijo que no vio nada.", "es", "Marcela Ibarta"),
        (
            "El fiscal Tadeo Brunsen habló. Según el fiscal Tadeo Brunsenque llegó tarde, nadie huyó.",
            "es",
            "Tadeo Brunsen",
        ),
    ],
)
def test_a_word_run_into_a_name_is_cut_off(text, language, name):
    found = people_in(text, language)
    assert name in found
    assert not any(n != name and n.startswith(name) for n in found)


@pytest.mark.parametrize(
    "surname",
    ["Andrade", "Santamaría", "Delgado", "Overton", "Newman", "Whitehouse", "Boyd", "Sandoval"],
)
def test_a_surname_that_ends_like_a_word_stays_whole(surname):
    text = f"The spokesman Arturo {surname} said the road was closed."
    assert f"Arturo {surname}" in people_in(text)


@pytest.mark.parametrize(("word", "alone"), [("Fisher", "Fis"), ("Holland", "Holl")])
def test_a_tail_some_surnames_end_with_is_cut_only_where_the_head_stands_alone(word, alone):
    lex = lexicon("en")
    assert glued_head(word, f"The witness {word} spoke.", lex) is None
    assert glued_head("Enrique", "Enri and Enrique", lexicon("es")) is None  # a given name
    assert glued_head(word, f"{alone} spoke. Then {word} spoke.", lex) == alone


def test_a_spelling_with_a_word_run_into_it_is_no_spelling_conflict():
    mentions = [mention("a", "Lidia Quiros"), mention("b", "Lidia Quiroswho")]
    assert name_conflicts("s", "Lidia Quiros", mentions, set()) == []
    mentions = [mention("a", "Marcela Ibarta", "es"), mention("b", "Marcela Ibartaque", "es")]
    assert name_conflicts("s", "Marcela Ibarta", mentions, set()) == []


# --------------------------------------------------------------------------- two languages


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Joseph Quintela", "José Quintela"),
        ("Mary Ochoa Ferrán", "María Ochoa Ferrán"),
        ("Peter Valdivieso", "Pedro Valdivieso"),
        ("William Carranza", "Guillermo Carranza"),
        ("Stephen Arellano", "Esteban Arellano"),
    ],
)
def test_a_given_name_in_two_languages_is_one_person_and_a_low_note(english, spanish):
    assert same_person(english, spanish, translated=True)
    claims = [
        {"document_id": "a", "value": english, "subject": english, "extra": {}, "language": "en"},
        {"document_id": "b", "value": spanish, "subject": spanish, "extra": {}, "language": "es"},
    ]
    assert len(resolve("s", claims, [], [])) == 1
    mentions = [mention("a", english), mention("b", spanish, "es")]
    conflicts = name_conflicts("s", english, mentions, set())
    assert [(c.rule, c.severity, c.status) for c in conflicts] == [
        ("name-translation", "low", "variant")
    ]


def test_a_translated_given_name_needs_the_rest_of_the_name_to_agree():
    assert not same_person("John Barreda", "Juan Herrera", translated=True)
    assert not same_person("Peter Valdivieso", "Pedro Valdivieso")  # one language: two people
    claims = [
        {"document_id": "a", "value": "Peter Lund", "subject": "Peter Lund", "extra": {}},
        {"document_id": "b", "value": "Pedro Lund", "subject": "Pedro Lund", "extra": {}},
    ]
    for claim, language in zip(claims, ("en", "en"), strict=True):
        claim["language"] = language
    assert len(resolve("s", claims, [], [])) == 2


def test_translated_and_short_forms_of_one_name():
    assert translated_given_name("Tony", "Antonio")
    assert translated_given_name("Michael", "Miguel")
    assert not translated_given_name("Roland", "Orlando")  # two forms of one name, not one
    assert not translated_given_name("Mario", "María")


def test_other_given_names_stay_a_spelling_contradiction():
    mentions = [mention("a", "Peter Valdivieso"), mention("b", "Petra Valdivieso", "es")]
    conflicts = name_conflicts("s", "Peter Valdivieso", mentions, set())
    assert [c.rule for c in conflicts] != ["name-translation"]
