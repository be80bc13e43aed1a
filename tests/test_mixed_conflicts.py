"""One conflict, one fact: a warrant is not an arrest, a grade of injury (serious, critical) is
its own measure and never meets the total, a grade said of a part is not the total's, and a
document that rounds its own figure differs from no one. Invented sentences."""

from __future__ import annotations

from conftest import by_value, counts, key

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


def figure(low, high=None, qualifier="exact", document="a"):
    return {
        "low": low,
        "high": low if high is None else high,
        "qualifier": qualifier,
        "document": document,
        "published": "2024-03-10",
        "quote": str(low),
        "start": 0,
        "end": 1,
        "unit": None,
    }


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
