"""What a count's stored claim says must be what its sentence says: a part of a total names its
own kind of people, and a figure a verb says was gone past is a bound. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Of the 47 dead, 12 were women and 35 were men.", "en", 12, "women killed"),
        (
            "La tormenta dejó 47 muertos, de los cuales 12 son mujeres y 35 hombres.",
            "es",
            12,
            "women killed",
        ),
        (
            "Police reported 230 arrests, including 40 teenagers and nine journalists.",
            "en",
            40,
            "teenagers arrested",
        ),
        (
            "Del total de 104 fallecidos, 26 eran extranjeros, según el informe.",
            "es",
            26,
            "foreigners killed",
        ),
    ],
)
def test_a_part_of_a_total_names_its_own_kind(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert not claim.extra["comparable"]  # still a part: renamed, never compared


def test_a_total_keeps_its_measure():
    claims = counts("Police reported 230 arrests, including 40 teenagers and nine journalists.")
    assert by_value(claims, 230).attribute == "people arrested"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The death toll from the floods has passed 2,000, officials said.", "en"),
        ("The number of people killed by the storms surpassed 2,000 on Friday.", "en"),
        ("La cifra de muertos por las inundaciones superó los 2.000 este viernes.", "es"),
        ("El número de fallecidos tras el temporal rebasó los 2.000, dijo el gobierno.", "es"),
    ],
)
def test_a_figure_gone_past_is_a_lower_bound(text, language):
    (claim,) = counts(text, language)
    assert claim.low == 2000
    assert claim.qualifier == "more than"


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("Three others were identified on Tuesday.", "en", "people identified"),
        ("Tres más murieron en el hospital.", "es", "additional people killed"),
        ("Twenty people died in the blast and four others later.", "en", "people killed"),
        ("Quince personas murieron en el acto y tres más en la clínica.", "es", "people killed"),
    ],
)
def test_the_rest_is_measured_by_what_is_said_of_it(text, language, attribute):
    claim = counts(text, language)[-1]
    assert claim.attribute == attribute  # not 'others' or 'más'
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "owner"),
    [
        ("The plane carried Ana Ruiz Vega, 34, and her four children.", "en", "Ana Ruiz Vega"),
        ("The court heard that Ruiz's three children were at school.", "en", "Ruiz"),
        ("En la avioneta viajaban Ana Ruiz Vega y sus cuatro hijos.", "es", "Ana Ruiz Vega"),
        ("El barco zarpó con ella y sus dos hijas a bordo.", "es", ""),
        ("Police and their 30 dogs searched the hills.", "en", ""),
    ],
)
def test_a_count_of_a_named_person_keeps_its_owner(text, language, owner):
    (claim,) = counts(text, language)
    assert claim.subject == owner
    assert not claim.extra["comparable"]


def test_the_people_of_a_toll_are_its_people():
    claims = counts(
        "El número de muertos por la tormenta que azotó este lunes la costa se sitúa en 1.500"
        " personas y los heridos llegan a 900.",
        "es",
    )
    assert by_value(claims, 1500).attribute == "people killed"  # not the next clause's injured
    assert by_value(claims, 900).attribute == "people injured"


def test_a_toll_does_not_reach_past_another_figure():
    claims = counts("El sismo dejó 2.000 muertos y 300 personas heridas.", "es")
    assert by_value(claims, 300).attribute == "people injured"


def test_a_toll_does_not_override_the_nouns_own_participle():
    claims = counts(
        "Las autoridades dieron por muertos a los tres trabajadores desaparecidos.", "es"
    )
    assert by_value(claims, 3).attribute == "people missing"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Officials said 17 injured and deceased travellers were flown to Ostrava.", "en"),
        ("Entre los 17 heridos y fallecidos del naufragio había cuatro niños.", "es"),
    ],
)
def test_one_figure_for_two_groups_is_a_total_of_neither(text, language):
    claim = by_value(counts(text, language), 17)
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("The storm left 17 dead and 40 injured in Ostrava.", "en", "people killed"),
        ("El temporal dejó 17 muertos y 40 heridos en Ostrava.", "es", "people killed"),
    ],
)
def test_two_groups_with_a_figure_each_keep_their_measures(text, language, attribute):
    claim = by_value(counts(text, language), 17)
    assert claim.attribute == attribute and claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("The toll may rise, with 900 people still missing.", "en", "people missing"),
        ("Rescuers said 900 people later died in hospital.", "en", "people killed"),
    ],
)
def test_what_is_said_of_the_people_past_an_adverb_is_their_measure(text, language, attribute):
    (claim,) = [c for c in counts(text, language) if c.high == 900]
    assert claim.attribute == attribute
