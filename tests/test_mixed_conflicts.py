"""One conflict, one fact: a warrant is not an arrest, a grade of injury (serious, critical) is
its own measure and never meets the total, a grade said of a part is not the total's, and a
document that rounds its own figure differs from no one. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, figure, key

from reconcile.judge import judge_numbers


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


# ---------------------------------------------------------------- warrants


def test_a_warrant_is_not_an_arrest():
    held = by_value(counts("Police detained 14 people after the fire."), 14)
    for text, language in [
        ("Prosecutors issued arrest warrants for three people linked to the club.", "en"),
        ("The court also issued warrants for the arrest of three people.", "en"),
        ("La fiscalía giró órdenes de detención contra tres personas vinculadas al local.", "es"),
        ("Se emitieron órdenes de arresto contra tres personas.", "es"),
        ("Un juez dictó órdenes de aprehensión contra tres personas.", "es"),
    ]:
        wanted = by_value(counts(text, language), 3)
        assert wanted.attribute.endswith("wanted"), text
        assert key(wanted) != key(held), text


def test_arrests_are_still_arrests():
    assert by_value(counts("Police detained 14 people."), 14).attribute == "people arrested"
    spanish = counts("La policía detuvo a 14 personas tras el incendio.", "es")
    assert by_value(spanish, 14).attribute == "people arrested"


# ---------------------------------------------------------------- grades of injury


def test_critical_and_serious_are_two_measures():
    critical = by_value(counts("Doctors said 12 people were critically injured."), 12)
    serious = by_value(counts("Officials said 17 people were seriously injured."), 17)
    total = by_value(counts("Officials said 90 people were injured."), 90)
    assert critical.attribute == "people critically injured"
    assert serious.attribute == "people seriously injured"
    assert len({key(critical), key(serious), key(total)}) == 3
    grave = by_value(counts("Hay 17 heridos graves tras el choque.", "es"), 17)
    critico = by_value(counts("El choque dejó 12 heridos en estado crítico.", "es"), 12)
    assert grave.attribute == "people seriously injured"
    assert critico.attribute == "people critically injured"
    assert key(grave) != key(critico)


def test_a_grade_said_of_a_part_is_not_the_totals():
    for text, language, total in [
        ("About 30 people were injured, most of them critically.", "en", 27),
        (
            "Un vocero dijo que hay aproximadamente 30 heridos, muchos en estado crítico.",
            "es",
            27,
        ),
        ("En total, 40 personas murieron y 130 resultaron heridas, 18 de ellas graves.", "es", 130),
        ("Hubo 130 heridos, algunos de ellos de gravedad.", "es", 130),
    ]:
        claim = by_value(counts(text, language), total)
        assert claim.attribute == "people injured", text
        assert comparable(claim), text


def test_a_graded_part_appended_to_its_total_is_kept_apart():
    claims = counts(
        "En total, 40 personas murieron y 130 resultaron heridas, 18 de ellas en estado crítico.",
        "es",
    )
    part = by_value(claims, 18)
    assert part.attribute == "people critically injured"
    assert part.extra["frame"]["part_of"] == "130"
    assert not comparable(part)


def test_a_grade_of_the_whole_count_stays_its_own():
    claims = counts(
        "Officials said 980 people were injured, 275 of whom remain in serious condition."
    )
    assert by_value(claims, 980).attribute == "people injured"
    assert by_value(claims, 275).attribute == "people seriously injured"
    spanish = counts("Además, 25 personas resultaron heridas de gravedad.", "es")
    assert by_value(spanish, 25).attribute == "people seriously injured"


# ---------------------------------------------------------------- rounding


def test_a_document_that_rounds_its_own_figure_differs_from_no_one():
    # Each document quotes "about 20 injured" and says "20 injured" in its own words.
    claims = [
        figure(18, 22, "about", "a"),
        figure(20, document="a"),
        figure(18, 22, "about", "b"),
        figure(20, document="b"),
    ]
    assert judge_numbers("s", "count", "", "people injured", claims, True) is None
    # Another document's exact figure beside one's "about" is still a low note.
    other = [figure(18, 22, "about", "a"), figure(21, document="c")]
    soft = judge_numbers("s", "count", "", "people injured", other, True)
    assert soft is not None and soft.status == "soft"


# ---------------------------------------------------------------- counted places


def test_places_after_in_are_where_another_figure_happened():
    for text, language in [
        ("Most of the dead were found in eleven different towns.", "en"),
        (
            "La mayoría de los muertos se concentran en cinco localidades: Tolsa (40) y Marena (20).",
            "es",
        ),
        ("Las víctimas fueron halladas en once municipios distintos.", "es"),
    ]:
        places = [c for c in counts(text, language) if c.attribute == "cities"]
        assert places and not any(comparable(c) for c in places), text
    hit = by_value(counts("The storm hit eleven towns."), 11)
    assert hit.attribute == "cities" and comparable(hit)
    afectados = by_value(counts("La tormenta afectó a once municipios.", "es"), 11)
    assert comparable(afectados)


# ---------------------------------------------------------------- wholes and their parts


def test_a_new_whole_ends_the_reach_of_the_one_before():
    for text, language in [
        ("Of the 30 dead, one was a pilot, while among the 85 injured are 12 children.", "en"),
        ("De los 30 muertos uno era piloto; entre los 85 heridos figuran 12 niños.", "es"),
    ]:
        claims = counts(text, language)
        children = by_value(claims, 12)
        assert children.attribute == "children injured", text
        injured = by_value(claims, 85)
        assert injured.attribute == "people injured", text
        assert comparable(injured), text  # its own noun says what it counts: the total


def test_a_whole_with_no_part_counted_is_still_set_aside():
    claim = by_value(counts("She shared pictures of the 7 missing cousins online."), 7)
    assert not comparable(claim)


def test_those_still_in_hospital_are_not_the_injured():
    for text, language in [
        ("In all, 57 people were injured, of whom 9 remain in hospital.", "en"),
        ("In all, 57 people were injured, of whom 9 are still in hospital.", "en"),
        ("Los heridos suman 57, y de ellos 9 se encuentran aún hospitalizados.", "es"),
        ("El total de lesionados es de 57, y de ellos nueve se encuentran ingresados.", "es"),
    ]:
        claims = counts(text, language)
        assert by_value(claims, 9).attribute == "people hospitalized", text
        assert key(by_value(claims, 9)) != key(by_value(claims, 57)), text


# ---------------------------------------------------------------- figures later undone


def test_survivors_one_of_whom_later_died_are_an_earlier_figure():
    for text, language in [
        ("Eight people survived the landslide, but one of them later died in hospital.", "en"),
        ("Eight people survived the landslide, of whom one later died.", "en"),
        ("Ocho personas sobrevivieron al alud, aunque una de ellas murió días después.", "es"),
        ("Ocho personas sobrevivieron al alud, de las cuales una murió en el hospital.", "es"),
    ]:
        claim = by_value(counts(text, language), 8)
        assert claim.attribute == "people survived", text
        assert not comparable(claim), text


def test_survivors_said_plainly_are_compared():
    claim = by_value(counts("Eight people survived the landslide.", "en"), 8)
    assert comparable(claim)
    spanish = by_value(counts("Ocho personas sobrevivieron al alud.", "es"), 8)
    assert comparable(spanish)


# ---------------------------------------------------------------- ages at two moments


def said_age(document: str, age: int, sentence: str, language: str) -> dict:
    return {
        "document": document,
        "low": age,
        "high": age,
        "date": None,
        "published": None,
        "quote": str(age),
        "start": 0,
        "end": 2,
        "hedge": None,
        "sentence_text": sentence,
        "language": language,
    }


def test_undated_ages_at_the_arrest_and_at_the_verdict_are_not_compared():
    from reconcile.judge import judge_ages

    arrest = said_age("a", 19, "Among those detained was Tomas Reyes (19), police said.", "en")
    verdict = said_age("b", 22, "Tomas Reyes, 22, was convicted of murder on Monday.", "en")
    other = said_age("c", 23, "Tomas Reyes (23) fainted after he was found guilty.", "en")
    conflict = judge_ages("s", "Tomas Reyes", [arrest, verdict, other])
    assert conflict is not None  # the two ages at the verdict still clash
    assert [v.value for v in conflict.values] == ["22", "23"]
    assert judge_ages("s", "Tomas Reyes", [arrest, verdict]) is None
    detenido = said_age("a", 19, "Entre los detenidos figura Tomás Reyes (19).", "es")
    condenado = said_age("b", 22, "Tomás Reyes, de 22 años, fue condenado el lunes.", "es")
    assert judge_ages("s", "Tomás Reyes", [detenido, condenado]) is None


def test_undated_ages_of_one_moment_still_clash():
    from reconcile.judge import judge_ages

    one = said_age("a", 22, "Tomas Reyes, 22, was convicted of murder on Monday.", "en")
    two = said_age("b", 23, "Tomas Reyes (23) fainted after he was convicted.", "en")
    assert judge_ages("s", "Tomas Reyes", [one, two]) is not None


# ---------------------------------------------------------------- a weekday and its event


def date_events(text: str, language: str) -> dict:
    from reconcile.ingest import analyse
    from reconcile.models import Document

    document = Document("t", "t", "t", text, published="2024-05-17", language=language)
    return {c.quote: c.extra.get("event") for c in analyse(document)[2] if c.kind == "date"}


def test_a_weekday_on_which_a_toll_was_reached_is_not_the_events_day():
    for text, language in [
        ("The dead in the bridge collapse reached 30 on Monday, the ministry said.", "en"),
        ("Los muertos del derrumbe del puente alcanzaron el lunes la cifra de 30.", "es"),
        ("Los heridos del derrumbe ascendieron a 50 el lunes.", "es"),
    ]:
        assert set(date_events(text, language).values()) == {None}, text
    assert date_events("El derrumbe del puente ocurrió el pasado viernes.", "es") == {
        "pasado viernes": "crash"
    }


# ---------------------------------------------------------------- sums


def test_a_total_made_by_adding_figures_is_not_the_storys_own_count():
    for text, language, total, part in [
        (
            "Those, added to three deaths in Orla, bring the death toll of the storm to 205.",
            "en",
            205,
            3,
        ),
        (
            "Aquellos, sumados a los tres muertos de Orla, elevan el balance final a 205.",
            "es",
            205,
            3,
        ),
        (
            "El balance nacional de muertos sube a 158 si se suman los fallecidos de Orla.",
            "es",
            158,
            None,
        ),
    ]:
        claims = counts(text, language)
        assert not comparable(by_value(claims, total)), text
        if part is not None:
            assert not comparable(by_value(claims, part)), text
    assert comparable(by_value(counts("The storm killed 205 people."), 205))


def test_still_says_nothing_of_its_own_but_still_held_does():
    held = by_value(counts("Police said 40 people were arrested and 12 are still held."), 12)
    assert held.attribute == "people still held"
    detenidas = by_value(counts("Son doce las personas aún detenidas.", "es"), 12)
    assert detenidas.attribute == "people still held"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("The toll in Varnel could reach 9,000, the governor warned on Tuesday.", "en", 9000),
        ("It can reach 8,000 to 9,000 deaths, given the districts washed away.", "en", 8000),
        ("In all, 9,000 people are feared dead in the lower town.", "en", 9000),
        ("Officials feared 9,000 people had died in the valley.", "en", 9000),
        ("La cifra de muertos podría alcanzar los 9.000, advirtió el gobernador.", "es", 9000),
        ("Se teme que haya 9.000 muertos en la parte baja de Varnel.", "es", 9000),
    ],
)
def test_a_projection_is_kept_but_not_compared(text, language, value):
    claim = by_value(counts(text, language), value)
    assert not claim.extra["comparable"] or claim.extra["frame"].get("unclear")
    assert "projection" in claim.extra["frame"].get("unclear", "")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Fears grew in Varnel after 300 people were killed.", "en"),
        ("The toll rose to 300 on Tuesday, the governor said.", "en"),
        ("El temor creció en Varnel, donde murieron 300 personas.", "es"),
    ],
)
def test_a_fear_that_is_not_a_projection_leaves_the_count_alone(text, language):
    claim = by_value(counts(text, language), 300)
    assert claim.extra["comparable"] and "unclear" not in claim.extra["frame"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Four suspects – all from Tarvia, the agency says – are under arrest along with "
            "several accomplices.",
            "en",
        ),
        ("Cuatro sospechosos fueron detenidos, junto con varios cómplices.", "es"),
    ],
)
def test_a_figure_said_with_uncounted_others_is_only_a_part(text, language):
    (claim,) = counts(text, language)
    assert "uncounted others" in claim.extra["frame"].get("unclear", "")


def test_a_figure_said_with_things_is_still_the_count():
    (claim,) = counts("Four suspects were arrested along with their weapons.", "en")
    assert claim.extra["comparable"] and "unclear" not in claim.extra["frame"]
