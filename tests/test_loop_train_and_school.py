"""Shapes the train-crash and school-shooting stories showed: one age given by reports written
years apart (a person's age at the events, kept in later reports), and figures of an earlier
disaster the story is measured against ("the worst since the one at Elm Hill left 31 dead"). Invented
sentences and names."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, write

from reconcile import store
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile


def conflicts_of(tmp_path, texts: dict[str, tuple[str, str]]):
    """Ingest invented articles, each with its publication date, as one story."""
    for name, (published, text) in texts.items():
        write(tmp_path / "corpus" / name, f"---\npublished: {published}\n---\n{text}\n")
    db = store.connect(tmp_path / "s.db")
    ingest(db, [str(tmp_path / "corpus")], overrides={"story": "tolsa"}, jobs=1)
    return reconcile(db)


# ---------------------------------------------------------------- one age, years apart


def test_one_age_in_reports_years_apart_is_no_contradiction(tmp_path):
    found = conflicts_of(
        tmp_path,
        {
            "a.md": (
                "2021-03-09",
                "Mill fire in Tolsa\n\nDario Velasco, 19, set fire to the mill.",
            ),
            "b.md": (
                "2023-11-02",
                "Tolsa remembers\n\nTwo years on, the town recalls how Dario Velasco, 19, set"
                " fire to the mill.",
            ),
            "c.md": (
                "2021-03-10",
                "Incendio en Tolsa\n\nDario Velasco, de 19 años, prendió fuego al molino.",
            ),
        },
    )
    assert [c for c in found if c.kind == "age"] == []


def test_two_ages_in_reports_of_one_week_still_clash(tmp_path):
    found = conflicts_of(
        tmp_path,
        {
            "a.md": (
                "2021-03-09",
                "Mill fire in Tolsa\n\nDario Velasco, 19, set fire to the mill.",
            ),
            "b.md": (
                "2021-03-11",
                "Mill fire\n\nDario Velasco, 23, set fire to the mill in Tolsa.",
            ),
        },
    )
    assert [c.kind for c in found if c.kind == "age"] == ["age"]


# ---------------------------------------------------------------- an earlier disaster's figures


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        (
            "The attack at Brenna Primary was the worst at a school since the one at Orvale College"
            " left 26 pupils and three staff dead a decade ago.",
            "en",
            26,
        ),
        (
            "It was the worst rail disaster in the region since the Kestra express crash killed"
            " 140 passengers.",
            "en",
            140,
        ),
        (
            "Es el tiroteo más mortífero en una escuela desde que un hombre mató a 26 alumnos en"
            " el colegio Orvale hace una década.",
            "es",
            26,
        ),
        (
            "Fue el peor accidente ferroviario del país desde el choque del expreso Kestra, que"
            " dejó 140 muertos.",
            "es",
            140,
        ),
    ],
)
def test_figures_of_the_earlier_disaster_a_story_is_measured_against(text, language, low):
    assert not comparable(by_value(counts(text, language), low))


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        (
            "The fire, the deadliest in the country's nightclubs since records began, has left at"
            " least 17 people dead.",
            "en",
            17,
        ),
        (
            "El incendio, el más mortífero en discotecas del país desde hace décadas, ha dejado al"
            " menos 17 muertos.",
            "es",
            17,
        ),
    ],
)
def test_since_with_no_earlier_event_keeps_the_story_s_own_figures(text, language, low):
    assert comparable(by_value(counts(text, language), low))


# ---------------------------------------------------------------- the date of another case


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "It is the third time in a month that such a massacre has taken place: on 3 March, nine"
            " people were shot dead at a market in Lorvin.",
            "en",
        ),
        (
            "Es la tercera vez en un mes que se produce una matanza así, ya que el pasado 3 de"
            " marzo nueve personas fueron asesinadas en un mercado de Lorvin.",
            "es",
        ),
        ("In a separate case, police arrested two men in Lorvin on 3 March.", "en"),
        ("En otro caso, la policía detuvo a dos hombres en Lorvin el 3 de marzo.", "es"),
    ],
)
def test_a_sentence_of_another_case_dates_none_of_the_story_s_events(text, language):
    from test_events import dates_of

    assert dates_of(text, language) == []


def test_a_story_sentence_keeps_its_date():
    from test_events import dates_of

    assert len(dates_of("Gunmen shot nine people at a market in Lorvin on 3 March.")) == 1
    assert len(dates_of("El 3 de marzo, unos pistoleros mataron a nueve personas.", "es")) == 1


# ---------------------------------------------------------------- an age in words after a name


def ages_of(text: str, language: str) -> dict[str, float]:
    from reconcile.ingest import analyse
    from reconcile.models import Document

    document = Document("t", "t", "t", text, published="2024-05-17", language=language)
    return {c.subject: c.low for c in analyse(document)[2] if c.kind == "age"}


@pytest.mark.parametrize(
    ("text", "language", "name", "age"),
    [
        ("Odalys Brenca Marú, de diez años, murió en el tiroteo.", "es", "Odalys Brenca Marú", 10),
        ("Odalys Brenca Marú, de nueve años, murió en el tiroteo.", "es", "Odalys Brenca Marú", 9),
        ("Odalys Brenca, a ten-year-old pupil, died in the shooting.", "en", "Odalys Brenca", 10),
    ],
)
def test_an_age_in_words_vouches_for_an_unknown_name(text, language, name, age):
    assert ages_of(text, language) == {name: age}


def test_a_scale_word_is_no_age_that_makes_a_person():
    assert ages_of("La catedral de Tolsa, de mil años, ardió anoche.", "es") == {}


# ---------------------------------------------------------------- speeds written "kmph"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The express was running at 118 kmph when it left the rails near Tolsa.", "en"),
        ("El expreso circulaba a 118 kmh cuando descarriló cerca de Tolsa.", "es"),
    ],
)
def test_a_speed_in_kmph_is_a_speed(text, language):
    from reconcile.ingest import analyse
    from reconcile.models import Document

    document = Document("t", "t", "t", text, published="2024-05-17", language=language)
    found = [(c.attribute, c.low) for c in analyse(document)[2] if c.kind == "quantity"]
    assert found == [("speed", 118)]
