"""Counts by place: a figure restricted to a place ("Tolsa (21)", "21 were recorded in Tolsa",
a list of places and figures) is keyed '<measure> in <place>' and meets only figures of the same
place; a whole's figure and a place's never meet. Where the restriction is unclear, the count is
kept but not compared. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, key


def places(claims) -> dict:
    return {c.low: c.extra["frame"].get("place") for c in claims if c.extra.get("comparable")}


# ---------------------------------------------------------------- lists of places and figures


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The dead came from several districts: Tolsa (21), Marena (3) and Orbel (2).", "en"),
        ("Los fallecidos proceden de varias regiones: Tolsa (21), Marena (3) y Orbel (2).", "es"),
        (
            "Casi la mitad de los 90 fallecidos se concentran en tres municipios: Tolsa (21), "
            "Marena (3) y Orbel (2).",
            "es",
        ),
        (
            "Por pueblos, los fallecimientos quedan así: Tolsa (21), Marena (3) y Orbel (2).",
            "es",
        ),
    ],
)
def test_a_list_of_places_and_figures_counts_the_sentence_s_toll_per_place(text, language):
    claims = counts(text, language)
    found = places(claims)
    # "de los 90 fallecidos": a whole whose own noun names its measure is the total, no place's
    assert found.pop(90, None) is None
    assert found == {21: "Tolsa", 3: "Marena", 2: "Orbel"}
    listed = [c for c in claims if c.extra["frame"].get("place")]
    assert all(c.attribute == "people killed" for c in listed)
    assert len({key(c) for c in listed}) == 3


def test_arrests_by_place_in_a_list():
    claims = counts("Arrests by state: Tolsa (12), Marena (9).")
    assert places(claims) == {12: "Tolsa", 9: "Marena"}
    assert {c.attribute for c in claims} == {"people arrested"}


def test_one_place_after_a_preposition_and_the_capital():
    claims = counts(
        "Según el informe, casi todos los fallecimientos ocurrieron en la capital, Tolsa (17).",
        "es",
    )
    assert places(claims) == {17: "Tolsa"}
    english = counts("Most deaths were recorded in the capital, Tolsa (17).")
    assert key(by_value(english, 17)) == key(by_value(claims, 17))


def test_a_national_total_and_a_place_s_figure_never_meet():
    claims = counts("The storm killed 40 people. The dead came from Tolsa (21) and Marena (3).")
    total, tolsa = by_value(claims, 40), by_value(claims, 21)
    assert total.extra["comparable"] and tolsa.extra["comparable"]
    assert key(total) != key(tolsa)


def test_a_city_written_with_capital_or_an_accent_is_one_place():
    spanish = counts(
        "Los fallecidos se concentran en tres municipios: Tolsa (45), Órbel capital (16) y "
        "Marena (15).",
        "es",
    )
    other = counts(
        "Los fallecidos se concentran en tres localidades: Tolsa (45), Orbel (17) y Marena (15).",
        "es",
    )
    assert key(by_value(spanish, 16)) == key(by_value(other, 17))
    assert key(by_value(spanish, 16)) != key(by_value(spanish, 45))


def test_figures_in_brackets_without_a_toll_are_no_counts():
    assert not counts("The rally moved through Tolsa (north), Marena (21) and Orbel (3).")
    assert not counts("Los equipos de Tolsa (21) y Marena (3) jugaron el domingo.", "es")


def test_a_name_with_an_age_in_brackets_is_no_place():
    claims = counts("The dead included Ana Ruiz (34) and Luis Vega (40).")
    assert not [c for c in claims if c.low in (34, 40)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Deaths by district: Tolsa: 21; Marena: 3; Orbel: 2.", "en"),
        ("Los muertos, por pueblos: Tolsa: 21, Marena: 3 y Orbel: 2.", "es"),
    ],
)
def test_a_list_of_places_with_colons(text, language):
    assert places(counts(text, language)) == {21: "Tolsa", 3: "Marena", 2: "Orbel"}


def test_one_place_with_a_colon_is_no_list():
    claim = by_value(counts("Valmora: 39 killed in protests."), 39)
    assert "place" not in claim.extra["frame"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The storm killed 21 people in Tolsa and 3 in Marena.", "en"),
        ("Hubo 21 muertos en Tolsa y tres en Marena.", "es"),
    ],
)
def test_one_measure_in_two_places_is_no_pair_of_kinds(text, language):
    assert places(counts(text, language)) == {21: "Tolsa", 3: "Marena"}


# ---------------------------------------------------------------- a list that goes on


def test_a_sentence_that_goes_on_with_the_list_before_keeps_its_measure():
    claims = counts(
        "Según la ONG, la mayoría de las detenciones han ocurrido en el estado Tolsa, con 99 "
        "detenciones, y en Marena, con 80. Le siguen Orbel (32), Vesta (29) y Lira (26).",
        "es",
    )
    assert places(claims) == {99: "Tolsa", 80: "Marena", 32: "Orbel", 29: "Vesta", 26: "Lira"}
    assert {c.attribute for c in claims} == {"people arrested"}


def test_a_list_after_a_sentence_without_place_figures_is_not_read():
    claims = counts(
        "La ONG contó 300 detenciones en todo el país. Le siguen Orbel (32) y Vesta (29).", "es"
    )
    assert not [c for c in claims if c.low in (32, 29)]


# ---------------------------------------------------------------- a part and its place


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Buena parte de los muertos, 21, se registraron en Tolsa.", "es"),
        ("La mayor parte de los muertos, 21, se contaron en Tolsa.", "es"),
        ("Most of the dead, 21, were recorded in Tolsa.", "en"),
        ("Of the dead, 21 were recorded in Tolsa.", "en"),
    ],
)
def test_a_part_recorded_in_a_place_is_that_place_s_figure(text, language):
    claim = by_value(counts(text, language), 21)
    assert claim.extra["comparable"]
    assert claim.extra["frame"]["place"] == "Tolsa"
    assert key(claim)[3] == "people killed in Tolsa"


def test_parts_of_a_named_group_each_in_its_place():
    claims = counts(
        "Entre los fallecidos, cinco se registraron en Tolsa y dos en Marena, dijo el parte.",
        "es",
    )
    assert places(claims) == {5: "Tolsa", 2: "Marena"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La alcaldesa precisó que de los fallecidos, cinco vivían en Tolsa.", "es"),
        ("Of the dead, five lived in Tolsa.", "en"),
        ("Of the dead, five were recorded in Spain.", "en"),
    ],
)
def test_a_part_whose_place_is_not_where_it_was_counted_is_not_compared(text, language):
    claims = counts(text, language)
    assert not [c for c in claims if c.low == 5 and c.extra["comparable"]]


# ---------------------------------------------------------------- unclear restrictions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "En estos espacios se ha hallado a 30 personas fallecidas en diez localidades, entre "
            "las que destacan Tolsa, con 8; y Marena, con 2.",
            "es",
        ),
        ("In these homes, 30 people were found dead, most in Tolsa, with 8.", "en"),
    ],
)
def test_figures_within_places_named_before_are_a_sub_group(text, language):
    claims = counts(text, language)
    assert not [c for c in claims if c.low in (30, 8) and c.extra["comparable"]]


def test_these_floods_are_the_story_s_event_not_a_sub_group():
    claim = by_value(counts("In these floods, 30 people died."), 30)
    assert claim.extra["comparable"]


def test_the_capital_unnamed_is_not_compared():
    claim = by_value(counts("Rights groups reported 31 deaths in the capital city alone."), 31)
    assert not claim.extra["comparable"]


# ---------------------------------------------------------------- what is no place


def test_a_name_that_owns_the_next_noun_is_no_place():
    claim = by_value(counts("Over 1,000 soldiers from Tolsa’s emergency units were sent."), 1000)
    assert "place" not in claim.extra["frame"]


def test_a_month_opening_the_clause_is_a_period_not_a_place():
    claim = by_value(counts("In March, 27 people were killed when a bus fell."), 27)
    assert "place" not in claim.extra["frame"]
    assert claim.extra["frame"]["period"] == "march"
    total = by_value(counts("The crash killed 27 people."), 27)
    assert key(claim) != key(total)


def test_a_place_opening_the_clause_is_its_capitalised_words_only():
    claim = by_value(
        counts("In the village of Letra in the nearby Tolsa region, six people were missing."), 6
    )
    assert claim.extra["frame"]["place"] == "Letra"


# ---------------------------------------------------------------- end to end


def test_only_figures_of_one_place_meet_across_documents(tmp_path, db_path):
    import json

    from conftest import run_cli, write

    first = write(
        tmp_path / "a.txt",
        "Storm kills 40 in Valmora\n\nThe storm killed 40 people across Valmora on Monday, "
        "March 4, 2024. The dead came from several districts: Tolsa (21), Marena (3) and "
        "Orbel (2).\n",
    )
    second = write(
        tmp_path / "b.txt",
        "Storm in Valmora\n\nThe storm killed 40 people across Valmora on Monday, March 4, "
        "2024. The dead came from several districts: Tolsa (17), Marena (3) and Orbel (2).\n",
    )
    for path in (first, second):
        run_cli("ingest", path, "--db", db_path, "--story", "storm", "--published", "2024-03-05")
    out = run_cli("conflicts", "--db", db_path, "-f", "json").stdout
    conflicts = json.loads(out)["conflicts"]
    assert [(c["attribute"], sorted(v["value"] for v in c["values"])) for c in conflicts] == [
        ("people killed in Tolsa", ["17", "21"])
    ]
