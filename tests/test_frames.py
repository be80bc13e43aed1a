"""Count frames: what exactly a number counts (nationality, place, severity, part of a whole),
and counts whose frame cannot be read are kept but never compared. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, key

from reconcile.match import block_key
from reconcile.numbers import find_numbers

# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("el balance dejó 2 mil 15 muertos", 2015),
        ("y mil 430 heridos", 1430),
        ("el recuento previo de mil 240 muertos", 1240),
        ("15 mil personas", 15000),
    ],
)
def test_numbers_written_the_mexican_way(text, value):
    (number,) = find_numbers(text, "es")
    assert number.low == number.high == value


def test_as_many_as_is_an_upper_bound():
    (number,) = find_numbers("as many as 22 people were detained", "en")
    assert (number.low, number.high, number.qualifier) == (0, 22, "at most")


# ---------------------------------------------------------------- frames


def test_nationality_frames_a_count_in_both_languages():
    english = by_value(counts("Eleven Peruvian migrants died in the blaze."), 11)
    spanish = by_value(counts("Murieron once migrantes peruanos en el incendio.", "es"), 11)
    total = by_value(counts("The blaze killed 40 migrants."), 40)
    assert english.extra["frame"]["nationality"] == spanish.extra["frame"]["nationality"] == "Peru"
    assert key(english) == key(spanish) != key(total)


def test_a_demonym_is_a_counted_noun():
    claim = by_value(counts("Seis hondureños murieron en el incendio.", "es"), 6)
    assert claim.attribute == "people killed"
    assert claim.extra["frame"]["nationality"] == "Honduras"


def test_places_of_a_breakdown():
    claims = counts(
        "The flood killed 140 people in the province of Valmora, 52 in Tesca and 9 in Orbel."
    )
    assert [c.extra["frame"].get("place") for c in claims] == ["Valmora", "Tesca", "Orbel"]
    assert all(c.attribute == "people killed" and c.extra["comparable"] for c in claims)
    assert len({key(c) for c in claims}) == 3


def test_places_before_their_figures_in_spanish():
    claims = counts(
        "La zona más afectada es Tolsa, con 88 fallecidos, y le sigue Marena (31).", "es"
    )
    assert [c.extra["frame"].get("place") for c in claims] == ["Tolsa", "Marena"]


def test_place_spellings_meet():
    one = by_value(counts("Officials counted 394 deaths in Al Haouz."), 394)
    other = by_value(counts("Hubo 349 muertos en Al Hauz.", "es"), 349)
    assert key(one) == key(other)


def test_respectively_abstains():
    claims = counts(
        "Las provincias de Tolsa y Marena siguieron, con 70 y 33 muertos respectivamente.", "es"
    )
    assert claims and not any(c.extra["comparable"] for c in claims)


def test_severity_makes_its_own_measure():
    claims = counts(
        "Officials said 980 people were injured, 275 of whom remain in serious condition."
    )
    assert by_value(claims, 980).attribute == "people injured"
    severe = by_value(claims, 275)
    assert severe.attribute == "people seriously injured"
    assert severe.extra["frame"]["part_of"] == "980"
    spanish = counts("Hay mil 430 heridos, de los cuales mil 120 en estado grave.", "es")
    assert by_value(spanish, 1120).attribute == "people seriously injured"


def test_another_of_another_measure_is_no_increment():
    claims = counts("At least 310 people died and another 95 were injured in the storm.")
    injured = by_value(claims, 95)
    assert (injured.attribute, injured.extra["comparable"]) == ("people injured", True)
    spanish = counts("Al menos 310 personas murieron y otras 95 resultaron heridas.", "es")
    assert by_value(spanish, 95).attribute == "people injured"


def test_an_increment_of_the_same_measure_stays_apart():
    claims = counts("Police arrested 12 people on Monday and another 5 people were arrested later.")
    assert not by_value(claims, 5).extra["comparable"]


def test_a_part_keeps_its_own_kind_of_people():
    claims = counts("Police made 29 arrests, including eight judges.")
    assert by_value(claims, 8).attribute == "judges arrested"


def test_a_whole_and_its_part():
    claims = counts("De los 16 bolivianos que viajaban en el autobús, cinco murieron.", "es")
    whole, part = by_value(claims, 16), by_value(claims, 5)
    assert not whole.extra["comparable"]
    assert part.extra["comparable"] and part.extra["frame"]["nationality"] == "Bolivia"
    claims = counts("Se contabilizan 14 chilenos, de los cuales nueve fallecieron.", "es")
    assert not by_value(claims, 14).extra["comparable"]
    assert by_value(claims, 9).extra["comparable"]


def test_court_outcomes_are_not_arrests():
    claims = counts(
        "A judge ordered pre-trial detention for 12 people and house arrest for 3 people."
    )
    assert by_value(claims, 12).attribute == "people held in pre-trial detention"
    assert by_value(claims, 3).attribute == "people under house arrest"
    spanish = counts("El juez dictó prisión preventiva para 12 personas.", "es")
    assert by_value(spanish, 12).attribute == "people held in pre-trial detention"


def test_magnitudes_and_clock_times_are_no_counts():
    assert not counts("El sismo de magnitud 6 dejó heridos a las 22.00 horas.", "es")


def test_a_sentence_dated_to_an_earlier_year_is_another_event():
    claims = counts("It was the worst since the 2011 quake, in which 412 people died.")
    assert not by_value(claims, 412).extra["comparable"]
    spanish = counts("Fue el peor desde el sismo de 2011, en el que murieron 412 personas.", "es")
    assert not by_value(spanish, 412).extra["comparable"]


def test_nationals_of_a_country_named_elsewhere_are_not_framed():
    claims = counts("Chile repatrió los restos de seis nacionales muertos en el naufragio.", "es")
    assert not by_value(claims, 6).extra["comparable"]


def test_figures_off_the_scale_of_their_block_are_set_aside():
    from reconcile.match import in_scale

    rows = [
        {"low": v, "high": v, "document_id": d} for v, d in ((1300, "a"), (2000, "b"), (3, "c"))
    ]
    assert [r["low"] for r in in_scale(rows)] == [1300, 2000]


# ---------------------------------------------------------------- what a count is not


def comparable(claim) -> bool:
    return key(claim) is not None


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("In all, 40 people died in their garages during the storm.", "en", 40),
        ("At least 22 people died in direct clashes with the police.", "en", 22),
        ("En total, 52 víctimas mortales fueron halladas en sótanos.", "es", 52),
        ("Al menos 19 personas murieron ahogadas en sus viviendas.", "es", 19),
    ],
)
def test_a_lowercase_place_or_manner_after_the_verb_is_a_sub_group(text, language, value):
    claim = by_value(counts(text, language), value)
    assert not comparable(claim)
    assert claim.extra["frame"]["unclear"].startswith("a sub-group")


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("At least 310 people died in the earthquake.", "en", 310),
        ("At least 310 people died in different mountain villages.", "en", 310),
        ("Police said 32 people were arrested in seven provinces.", "en", 32),
        ("Al menos 310 personas murieron en el terremoto.", "es", 310),
        ("Al menos 310 personas murieron en distintas aldeas.", "es", 310),
    ],
)
def test_the_story_s_own_event_or_spread_narrows_nothing(text, language, value):
    assert comparable(by_value(counts(text, language), value))


def test_a_named_locality_after_the_verb_frames_the_count():
    claim = by_value(
        counts("Hasta el lunes murieron 23 manifestantes en la ciudad de Tolsa.", "es"), 23
    )
    assert claim.extra["frame"]["place"] == "Tolsa"


def test_figures_listed_after_a_sub_group_belong_to_it():
    text = "En total, 48 víctimas mortales fueron encontradas en casas, sobre todo en Tolsa (15) y Marena (7)."
    for value in (48, 15, 7):
        assert not comparable(by_value(counts(text, "es"), value))


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Among the elderly, 131 people died, 61% of the total.", "en", 131),
        ("Por edad, con 131 fallecidos, lo que supone un 61% del total.", "es", 131),
        ("The court charged Quist, Lamb and 28 others.", "en", 28),
        ("The other 30 people arrested were released.", "en", 30),
        ("Según el parte, 61 de los fallecidos son varones y 45 son mujeres.", "es", 45),
        ("Fueron liberados ocho guardias y tres empleados administrativos.", "es", 3),
        ("Four officials and a private guard have been detained.", "en", 4),
        ("Cinco de las víctimas son peruanas, incluido un herido y tres desaparecidos.", "es", 3),
        (
            "De las 190 víctimas mortales, 150 fueron identificadas por huellas, 40 por ADN.",
            "es",
            40,
        ),
    ],
)
def test_parts_rests_and_sub_groups_are_not_compared(text, language, value):
    assert not comparable(by_value(counts(text, language), value))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The blast left 40 dead and 85 injured.", 40),
        ("Twelve people were killed and 340 families were evacuated.", 12),
    ],
)
def test_two_measures_side_by_side_are_no_coordinated_part(text, value):
    assert comparable(by_value(counts(text), value))


def test_an_event_with_its_own_number_is_not_the_earlier_count_s():
    claims = counts(
        "El derrumbe se saldó con la muerte de al menos 12 pasajeros y heridas a otros 30.", "es"
    )
    assert by_value(claims, 12).attribute == "people killed"
    assert by_value(claims, 30).attribute == "people injured"


def test_an_event_said_of_other_people_is_not_the_count_s():
    text = "It is unclear how many people were detained, but videos showed some 15 people in cuffs."
    assert all(c.low != 15 or c.attribute != "people arrested" for c in counts(text))
    text = "Tras una ola de detenciones en Tolsa, cerca de 70 personas seguían allí."
    assert all(c.low != 70 or c.attribute != "people arrested" for c in counts(text, "es"))


def test_two_ages_joined_are_no_count():
    text = "Los otros dos detenidos, adolescentes de 14 y 16 años, fueron trasladados."
    assert all(c.low != 14 for c in counts(text, "es"))


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("At least 64 injured passengers were hospitalized.", "en", "people hospitalized"),
        ("The bodies of three workers have been recovered.", "en", "people recovered"),
        ("A bus carrying 44 people overturned.", "en", "people on board"),
        (
            "Unas 230 personas que sobrevivieron al choque fueron trasladadas.",
            "es",
            "people survived",
        ),
        (
            "Se logró la detención de nueve individuos involucrados en el asalto.",
            "es",
            "people arrested",
        ),
    ],
)
def test_the_predicate_names_the_measure(text, language, attribute):
    (claim,) = counts(text, language)
    assert claim.attribute == attribute


def test_another_count_of_the_same_kind_keeps_its_nationality():
    text = "Seis venezolanos fallecieron en el incendio, y otros cuatro resultaron heridos."
    claim = by_value(counts(text, "es"), 4)
    assert (claim.attribute, claim.extra["frame"]["nationality"]) == ("people injured", "Venezuela")


def test_a_demonym_after_the_verb_does_not_frame_the_count():
    claim = by_value(counts("At least 296 people died in several Moroccan towns."), 296)
    assert "nationality" not in claim.extra["frame"]


def test_civilians_are_a_group_of_their_own():
    claims = counts("It reported 340 civilians and 170 police officers injured.")
    assert by_value(claims, 340).attribute == "civilians injured"


def test_a_list_of_towns_is_no_count_of_towns():
    text = "Most deaths are in four towns: Tolsa (45), Marena (25) and Arbo (15)."
    assert [c.low for c in counts(text) if c.attribute == "towns" or c.attribute == "cities"] == [4]


@pytest.mark.parametrize(
    ("text", "language", "total", "attribute"),
    [
        ("The court charged Quist and 28 others.", "en", 29, "people charged"),
        ("Marlon Vega and 28 others were arrested on Tuesday.", "en", 29, "people arrested"),
        ("Prosecutors charged Marlon Vega plus 29 more.", "en", 30, "people charged"),
        ("Marlon Vega y otros 28 fueron detenidos el martes.", "es", 29, "people arrested"),
        ("La policía detuvo a Marlon Vega y otros 28 sospechosos.", "es", 29, "people arrested"),
        ("Fueron detenidos Marlon Vega y 28 más.", "es", 29, "people arrested"),
    ],
)
def test_a_named_person_and_a_rest_are_one_total(text, language, total, attribute):
    claim = by_value(counts(text, language), total)
    assert comparable(claim)
    assert claim.attribute == attribute


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Vega, Ruiz and 28 others were arrested.", "en"),  # a list: the rest is not the total
        ("Police and 28 others were arrested.", "en"),  # the first word of a sentence
        ("Honduras y otros 12 países firmaron el acuerdo.", "es"),  # a country
        ("La policía sancionó a Vega y otras 12 empresas.", "es"),  # not people
    ],
)
def test_a_rest_without_one_named_person_is_no_total(text, language):
    found = counts(text, language)
    assert not any(comparable(c) for c in found)
    assert not any(c.low in (29, 13) for c in found)


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("Fifteen of the 31 people arrested were released on bail.", "en", "people arrested"),
        ("Quince de los 31 detenidos quedaron en libertad.", "es", "people arrested"),
        ("Según la fiscalía, 15 de los 31 detenidos siguen presos.", "es", "people arrested"),
    ],
)
def test_the_whole_after_a_part_is_compared_by_its_own_noun(text, language, attribute):
    claim = by_value(counts(text, language), 31)
    assert comparable(claim)
    assert claim.attribute == attribute
    assert claim.extra["frame"]["whole_of"]


def test_the_whole_after_a_part_does_not_take_the_parts_verb():
    """'were released' is said of the 15: the 31 detainees are not 31 people released."""
    claim = by_value(counts("Police said 15 of the 31 detainees were released.", "en"), 31)
    assert not comparable(claim)
    assert claim.attribute != "people released"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Police say four of the victims were identified from dental records.", "en", 4),
        ("Hasta ahora, cuatro de los fallecidos han sido identificados por su ADN.", "es", 4),
        ("Officials confirmed the identification of seven of the victims on Friday.", "en", 7),
        ("El alcalde confirmó la identificación de siete de los fallecidos.", "es", 7),
        ("Only seven of the nearly 90 victims have been identified.", "en", 7),
        ("Solo siete de los casi 90 fallecidos han sido identificados.", "es", 7),
        ("A siete de los cuerpos se los identificó por sus huellas.", "es", 7),
    ],
)
def test_a_part_with_no_whole_counts_the_event_said_of_it(text, language, value):
    """'six of the passengers have been identified': the number before 'of the' and a people
    noun counts the people the verb after (or the event noun before) is said of."""
    claim = by_value(counts(text, language), value)
    assert comparable(claim)
    assert claim.attribute == "people identified"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three of the dead were children.", "en"),
        ("Tres de los detenidos son menores.", "es"),
        ("Three of the 12 dead were children.", "en"),
    ],
)
def test_a_part_named_by_a_copula_is_no_count(text, language):
    assert not any(comparable(c) and c.low == 3 for c in counts(text, language))


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        ("Según la policía, 12 personas continúan desaparecidas.", 12, "people missing"),
        (
            "Según el servicio, 14 empleados continúan retenidos en la cárcel.",
            14,
            "people still held",
        ),
    ],
)
def test_continuar_links_counted_people_to_their_event(text, value, attribute):
    """'continúan desaparecidas' is 'siguen desaparecidas': the event is still said of them."""
    assert by_value(counts(text, "es"), value).attribute == attribute


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The group said the number of dead had risen to 37.", "en"),
        ("El grupo dijo que el número de muertos se había elevado a 37.", "es"),
    ],
)
def test_the_dead_name_a_toll_before_its_number(text, language):
    """'the number of dead ... 37' is a toll as 'el número de muertos ... 37' is."""
    claim = by_value(counts(text, language), 37)
    assert comparable(claim)
    assert claim.attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        ("The number of people killed has risen to 37.", "en", "people killed"),
        ("The number of police officers injured rose to 37.", "en", "police officers injured"),
        ("El número de policías heridos subió a 37.", "es", "police officers injured"),
    ],
)
def test_people_and_their_event_after_number_of_name_the_toll(text, language, attribute):
    """'the number of people killed ... 37': the people and the event said of them name the
    count after them, a group kept apart ('policías heridos' are not all the injured)."""
    claim = by_value(counts(text, language), 37)
    assert comparable(claim)
    assert claim.attribute == attribute


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("Son siete las víctimas ya identificadas por la policía.", "people identified"),
        ("Son 12 los policías heridos en la protesta.", "police officers injured"),
    ],
)
def test_people_after_an_article_take_the_event_said_of_them(text, attribute):
    """'son siete las víctimas ya identificadas': the people after the number's article and
    the event after them say what the number counts."""
    (claim,) = [c for c in counts(text, "es") if c.low in (7, 12)]
    assert comparable(claim)
    assert claim.attribute == attribute


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Son 12 las familias que viven en el edificio.", "es"),  # no event said of them
        ("On day 12 the workers were rescued from the mine.", "en"),  # a day, not a count
    ],
)
def test_people_after_an_article_need_an_event_and_a_count(text, language):
    assert not any(comparable(c) and c.low == 12 for c in counts(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three more people were arrested on Friday, bringing the total to 41.", "en"),
        ("La policía detuvo a otras tres personas, con lo que el total asciende a 41.", "es"),
    ],
)
def test_a_running_total_after_an_increment_is_its_measure(text, language):
    """'three more were arrested, bringing the total to 41': the 41 is all the people arrested,
    the three an increment never compared with totals."""
    found = counts(text, language)
    total = by_value(found, 41)
    assert comparable(total)
    assert total.attribute == "people arrested"
    assert not comparable(by_value(found, 3))


# ---------------------------------------------------------------- days


@pytest.mark.parametrize(
    ("text", "language", "value", "day"),
    [
        ("On Saturday, 193 people were detained at the university.", "en", 193, "2024-03-09"),
        ("El sábado 9 de marzo, 193 personas fueron detenidas.", "es", 193, "2024-03-09"),
        ("Police counted 193 protesters who were detained last Saturday.", "en", 193, "2024-03-09"),
        (
            "La fiscalía cuenta 193 manifestantes detenidos el pasado sábado.",
            "es",
            193,
            "2024-03-09",
        ),
    ],
)
def test_a_count_dated_to_one_day_carries_it(text, language, value, day):
    claim = by_value(counts(text, language), value)
    assert claim.extra["frame"]["day"] == day
    totals = block_key({**claim.as_dict(), "extra": {**claim.extra, "frame": {}}}, "s", None)
    other_day = frozenset({"2024-03-06", "wednesday"})  # the story's main event: Wednesday
    assert block_key(claim.as_dict(), "s", None, other_day) != totals  # never meets the totals
    main_day = frozenset({day, "saturday"})
    assert block_key(claim.as_dict(), "s", None, main_day) == totals  # the main event's day
    assert key(claim) == totals  # no main day known: the day keeps nothing apart


@pytest.mark.parametrize(
    ("text", "language", "as_of"),
    [
        ("As of Sunday, March 10, 2,012 people had died.", "en", "2024-03-10"),
        ("Hasta el domingo 10 de marzo, 2.012 personas habían muerto.", "es", "2024-03-10"),
    ],
)
def test_a_running_total_keeps_the_date_it_was_true_on(text, language, as_of):
    claim = by_value(counts(text, language), 2012)
    assert claim.extra["as_of"] == as_of
    assert "day" not in claim.extra["frame"]
    assert comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The earthquake killed 2,000 people on Friday.",
            "en",
        ),  # the date after: said of the quake
        ("Police said that 40 people were detained, a day after the march.", "en"),
    ],
)
def test_a_count_without_a_day_of_its_own_has_none(text, language):
    for claim in counts(text, language):
        assert "day" not in claim.extra.get("frame", {})


def test_the_main_day_is_the_day_most_sources_date_an_event_to():
    from reconcile.match import main_day

    def dated(document, date, weekday, attribute="date of protest"):
        return {"document_id": document, "date": date, "weekday": weekday, "attribute": attribute}

    leading = [dated("a", "2024-03-08", "Friday"), dated("b", "2024-03-08", None)]
    leading.append(dated("c", "2024-03-09", "Saturday", "date of arrest"))
    assert main_day(leading) == {"2024-03-08", "friday"}
    split = [dated("a", "2024-03-08", "Friday"), dated("b", "2024-03-07", "Thursday")]
    assert main_day(split) == {"2024-03-08", "friday", "2024-03-07", "thursday"}
    assert main_day([dated("a", "2024-03-08", "Friday", "date")]) == frozenset()


# ---------------------------------------------------------------- parts named by the clause


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("La alcaldesa precisó que de los fallecidos, cinco vivían en Tolsa.", "es", 5),
        ("La mayor parte de los muertos, 21, llegaron de Tolsa.", "es", 21),
        ("Most of the dead, 21, were killed near the river.", "en", 21),
    ],
)
def test_a_figure_after_an_uncounted_group_is_its_part(text, language, value):
    assert not [c for c in counts(text, language) if c.low == value and c.extra["comparable"]]


def test_a_date_before_a_count_is_no_group():
    claim = by_value(counts("El sábado 9 de marzo, 193 personas fueron detenidas.", "es"), 193)
    assert claim.extra["comparable"] is True


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("En Tolsa, los muertos suman 17.", "es"),
        ("In Tolsa, 17 people died on Monday.", "en"),
        ("In the city of Tolsa, 17 people died.", "en"),
        ("Seventeen people died in the Tolsa region, the council said.", "en"),
    ],
)
def test_a_place_named_in_the_clause_frames_the_count(text, language):
    claim = by_value(counts(text, language), 17)
    assert claim.extra["frame"]["place"] == "Tolsa"
    total = by_value(counts("Seventeen people died in the floods."), 17)
    assert key(claim) != key(total)


def test_a_country_opening_the_clause_narrows_nothing():
    claim = by_value(counts("En Venezuela, 11 personas murieron en las protestas.", "es"), 11)
    assert "place" not in claim.extra["frame"]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Sobre las personas fallecidas, 13 eran de sexo masculino.", "es", 13),
        ("Of the 30 people killed, 13 were male.", "en", 13),
    ],
)
def test_a_split_by_sex_is_a_sub_group(text, language, value):
    assert not [c for c in counts(text, language) if c.low == value and c.extra["comparable"]]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Cuatro heridos fueron trasladados en helicóptero a la capital.", "es", 4),
        ("El hospital central, que atendió a 165 heridos, pidió donantes.", "es", 165),
        ("Four injured people were airlifted to the capital.", "en", 4),
    ],
)
def test_people_moved_or_treated_are_a_part_of_the_injured(text, language, value):
    assert not [c for c in counts(text, language) if c.low == value and c.extra["comparable"]]


def test_every_hospital_treating_is_the_whole():
    text = "Los hospitales atendieron a 20 heridos leves."
    claim = by_value(counts(text, "es"), 20)
    assert claim.extra["comparable"] is True


def test_the_hospitalized_keep_their_own_measure():
    claim = by_value(counts("72 injured passengers were hospitalized."), 72)
    assert claim.extra["comparable"] is True


def test_a_document_torn_between_two_figures_of_one_block_is_set_aside():
    from reconcile.match import one_reading_per_document

    def row(low, document, qualifier="exact"):
        return {"low": low, "high": low, "qualifier": qualifier, "document_id": document}

    torn = [row(17, "a"), row(39, "a"), row(39, "b"), row(41, "c")]
    assert [(r["document_id"], r["low"]) for r in one_reading_per_document(torn)] == [
        ("b", 39),
        ("c", 41),
    ]
    agreeing = [row(39, "a"), row(39, "a", "more than") | {"low": 38}, row(41, "b")]
    assert one_reading_per_document(agreeing) == agreeing  # "more than 38" fits 39


def test_a_torn_document_is_not_pitted_against_the_others(tmp_path):
    from conftest import run_cli, write

    write(
        tmp_path / "a" / "ledger.txt",  # 17 in one town, say; the sentence does not say so
        "The storm killed 17 people on Monday, police said.\n\n"
        "Officials later said the storm killed 39 people.\n",
    )
    write(tmp_path / "a" / "herald.txt", "Officials said the storm killed 39 people.\n")
    write(tmp_path / "a" / "courier.txt", "Officials said the storm killed 41 people.\n")
    db = tmp_path / "storm.db"
    assert run_cli("ingest", tmp_path / "a", "--db", db, "--story", "storm").exit_code == 0
    result = run_cli("conflicts", "--db", db, "-f", "json")
    values = [
        sorted((v["low"], s["document"]) for v in c["values"] for s in v["sources"])
        for c in __import__("json").loads(result.stdout)["conflicts"]
        if c["kind"] == "count"
    ]
    assert values == [[(39, "herald"), (41, "courier")]]


# ---------------------------------------------------------------- the counting body


@pytest.mark.parametrize(
    ("ngo", "other", "language"),
    [
        (
            "According to the rights group Vela Civica, 214 protesters were arrested.",
            "At least 180 protesters were arrested, the report added.",
            "en",
        ),
        (
            "Según la ONG Vela Cívica, 214 manifestantes fueron detenidos.",
            "Al menos 180 manifestantes fueron detenidos.",
            "es",
        ),
    ],
)
def test_an_organisations_own_figure_is_another_fact(ngo, other, language):
    (named,) = counts(ngo, language)
    (plain,) = counts(other, language)
    assert named.extra["frame"]["body"] == "vela civica"
    assert named.extra["comparable"]
    assert key(named) != key(plain)
    assert key(named)[:3] == key(plain)[:3]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("According to the Interior Ministry, 214 protesters were arrested.", "en"),
        ("According to police, 214 protesters were arrested.", "en"),
        ("Sources said 214 protesters were arrested.", "en"),
        ("De acuerdo con el Ministerio del Interior, 214 manifestantes fueron detenidos.", "es"),
        ("Según fuentes, 214 manifestantes fueron detenidos.", "es"),
    ],
)
def test_the_states_count_or_an_unnamed_body_keeps_the_frame(text, language):
    (claim,) = counts(text, language)
    assert "body" not in claim.extra.get("frame", {})
    plain = (
        "214 protesters were arrested."
        if language == "en"
        else "214 manifestantes fueron detenidos."
    )
    (other,) = counts(plain, language)
    assert key(claim) == key(other)


# ---------------------------------------------------------------- places, lists, ages, groups


@pytest.mark.parametrize(
    ("text", "language", "value", "place"),
    [
        (
            "Three women died in the Ardena region north of the port where a boy also died.",
            "en",
            3,
            "Ardena",
        ),
        ("Officials said 31 guards were released from the Velmora prison.", "en", 31, "Velmora"),
        (
            "Según la policía, 31 guías fueron liberados de la cárcel de Velmora.",
            "es",
            31,
            "Velmora",
        ),
        (
            "Fueron liberados nueve guías y dos empleados del Centro de Reclusión de Tarsis.",
            "es",
            9,
            "Centro de Reclusión de Tarsis",
        ),
    ],
)
def test_a_named_locality_or_facility_frames_the_count(text, language, value, place):
    assert by_value(counts(text, language), value).extra["frame"]["place"] == place


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("At least 12 people were rescued from the rubble.", "en"),
        ("En total, 12 personas de la comunidad fueron evacuadas.", "es"),
    ],
)
def test_an_unnamed_origin_narrows_nothing(text, language):
    claim = by_value(counts(text, language), 12)
    assert comparable(claim) and "place" not in claim.extra["frame"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The town hall published a list of 415 residents who remain missing.", "en"),
        ("El ayuntamiento difundió los nombres de 415 personas que siguen desaparecidas.", "es"),
    ],
)
def test_the_length_of_a_list_is_not_compared(text, language):
    claim = by_value(counts(text, language), 415)
    assert not comparable(claim)
    assert claim.extra["frame"]["unclear"].startswith("the length of a list")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Volunteers found 640 residents who had been reported missing.", "en"),
        (
            "Los voluntarios ubicaron a 640 vecinos que habían sido reportados como desaparecidos.",
            "es",
        ),
    ],
)
def test_what_people_had_been_is_not_what_they_are_counted_as(text, language):
    claim = by_value(counts(text, language), 640)
    assert not comparable(claim)
    assert comparable(by_value(counts("In all, 640 people are still missing."), 640))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("En la lista de heridos figuran Tomás Ibarne, de 47 años, y Lucía Fenoll, de 29.", "es"),
        ("Among the injured were Tomas Ibarne, 47, and Lucia Fenoll, aged 29.", "en"),
    ],
)
def test_an_age_without_years_is_no_count(text, language):
    assert not [c for c in counts(text, language) if c.low == 29]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In all, 640 people were detained and 41 law enforcement officers were injured.", "en"),
        (
            "En total, 640 personas fueron detenidas y 41 agentes del orden resultaron heridos.",
            "es",
        ),
    ],
)
def test_security_forces_are_not_the_police_alone(text, language):
    assert by_value(counts(text, language), 41).attribute == "security forces injured"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police said 870 people remain in custody.", "en"),
        ("Según la fiscalía, 870 personas siguen detenidas.", "es"),
    ],
)
def test_those_still_held_are_not_the_arrested(text, language):
    claim = by_value(counts(text, language), 870)
    assert claim.attribute == "people still held" and comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In Tolsa (north), “two officers on patrol” were kidnapped at dawn.", "en"),
        ("Una banda secuestró a dos policías en Tolsa.", "es"),
    ],
)
def test_kidnapped_officers_are_hostages_framed_by_their_town(text, language):
    claim = by_value(counts(text, language), 2)
    assert claim.attribute == "police officers taken hostage"
    assert claim.extra["frame"]["place"] == "Tolsa"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("In all, 215 people were released on humanitarian grounds.", "en"),
        ("En total, 215 personas fueron liberadas por razones humanitarias.", "es"),
    ],
)
def test_a_humanitarian_release_is_a_measure_of_its_own(text, language):
    assert (
        by_value(counts(text, language), 215).attribute == "people released on humanitarian grounds"
    )


# ---------------------------------------------------------------- recall


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The landslide killed 31 workers, including 4 Peruvians, 9 Bolivians and 12 Chileans.",
            "en",
        ),
        (
            "Murieron 31 trabajadores, entre ellos 4 peruanos, 9 bolivianos y 12 chilenos.",
            "es",
        ),
    ],
)
def test_every_item_of_a_list_is_a_part_of_the_whole(text, language):
    claims = counts(text, language)
    assert comparable(by_value(claims, 31))
    for value, country in ((4, "Peru"), (9, "Bolivia"), (12, "Chile")):
        frame = by_value(claims, value).extra["frame"]
        assert frame["part_of"] == "31" and frame["nationality"] == country


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Murieron 23 pasajeros en el choque.", "es", 23, "people killed"),
        ("La explosión mató a 23 personas.", "es", 23, "people killed"),
        ("Fallecieron 12 personas y otras 30 resultaron heridas.", "es", 12, "people killed"),
    ],
)
def test_a_count_after_its_verb_or_beside_another_count_is_read(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute and comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Al menos 17 heridos dejó una explosión en un almacén del puerto.", "es"),
        (
            "El alcalde dijo que hay 17 heridos por la explosión en el almacén del puerto.",
            "es",
        ),
        ("Al menos 17 personas resultaron heridas en la chilena Villa Tolsa.", "es"),
    ],
)
def test_where_the_event_was_or_a_named_town_narrows_nothing(text, language):
    claim = by_value(counts(text, language), 17)
    assert comparable(claim) and "place" not in claim.extra["frame"]


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        (
            "In all, 96 workers were taken hostage in at least three jails.",
            "en",
            "people taken hostage",
        ),
        (
            "Según la empresa, al menos 96 trabajadores son rehenes desde el martes.",
            "es",
            "people taken hostage",
        ),
        ("The company reported the release of 96 workers held hostage.", "en", "people released"),
        ("La empresa informó de la liberación de 96 trabajadores.", "es", "people released"),
    ],
)
def test_hostages_and_their_release(text, language, attribute):
    claim = by_value(counts(text, language), 96)
    assert claim.attribute == attribute and comparable(claim)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("About 90 workers were held hostage at the mine, with 27 freed earlier.", "en"),
        (
            "Unos 90 trabajadores fueron tomados como rehenes, y 27 fueron liberados anteriormente.",
            "es",
        ),
    ],
)
def test_a_figure_of_an_earlier_moment_is_not_compared(text, language):
    claim = by_value(counts(text, language), 27)
    assert not comparable(claim)
    assert claim.extra["frame"]["unclear"].startswith("a figure of an earlier moment")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The ministry said 14 people were killed and 52 more were injured.", "en"),
        ("Murieron 14 personas y otras 52 resultaron heridas.", "es"),
    ],
)
def test_more_of_another_measure_is_that_measure(text, language):
    claim = by_value(counts(text, language), 52)
    assert claim.attribute == "people injured" and comparable(claim)


def test_a_day_before_and_more_is_no_named_person():
    claims = counts("Police arrested 20 people on Monday and 12 more were arrested on Tuesday.")
    assert not [c for c in claims if c.low == 13]


def test_a_participle_said_of_one_count_names_no_toll_for_the_next():
    claims = counts("Según la ONG, 240 personas han sido detenidas y 18 han sufrido abusos.", "es")
    assert by_value(claims, 240).attribute == "people arrested"
    assert not [c for c in claims if c.low == 18 and c.attribute == "people arrested"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El total de heridos sube a 87, y 18 han sufrido abusos.", "es"),
        ("The death toll rose to 87, and 18 have suffered abuses.", "en"),
    ],
)
def test_a_number_with_a_verb_of_its_own_takes_no_toll_noun(text, language):
    claims = counts(text, language)
    assert comparable(by_value(claims, 87))
    assert not [c for c in claims if c.low == 18]


def test_a_qualified_span_of_time_after_the_verb_narrows_nothing():
    claim = by_value(
        counts("Además, 64 civiles resultaron lesionados en estos casi cuatro meses.", "es"), 64
    )
    assert comparable(claim) and claim.attribute == "civilians injured"


def test_a_hyphenated_qualifier_of_the_story_s_event_narrows_nothing():
    text = "The monitor said 26 people have died in anti-austerity protests."
    assert comparable(by_value(counts(text), 26))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Over 1,000 people were detained after the final last Sunday (14), said this Tuesday (16) the mayor.",
            "en",
        ),
        (
            "Más de mil personas fueron detenidas tras la final del domingo (14), dijo el martes (16) el alcalde.",
            "es",
        ),
    ],
)
def test_a_day_of_the_month_after_a_weekday_is_no_count(text, language):
    claims = counts(text, language)
    assert not [c for c in claims if c.low in (14, 16)]
    assert [c for c in claims if c.low == 1000 and c.attribute == "people arrested"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "At least 340 people were killed, according to a toll issued on Monday at 9 pm.",
            "en",
        ),
        ("La fiscalía computa 530 detenciones desde el jueves hasta las 9:00 hora local.", "es"),
    ],
)
def test_a_time_of_day_is_no_count(text, language):
    assert not [c for c in counts(text, language) if c.low == 9]


def test_an_event_noun_after_an_article_is_what_a_number_counts():
    claims = counts("El ministerio cifró este martes en 12 los muertos y 85 los heridos.", "es")
    assert by_value(claims, 85).attribute == "people injured"
    assert by_value(claims, 12).attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The driver, blamed for a pile-up that claimed the lives of 23 people in Portugal, was jailed pending trial.",
            "en",
        ),
        ("El choque se cobró la vida de 23 personas en Portugal.", "es"),
    ],
)
def test_claimed_the_lives_of_counts_the_dead_and_a_country_narrows_nothing(text, language):
    claim = by_value(counts(text, language), 23)
    assert claim.attribute == "people killed"
    assert "place" not in claim.extra["frame"] and comparable(claim)


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Prosecutors have charged 39 people so far.", "en", 39, "people charged"),
        ("Los fiscales han acusado a 39 personas hasta ahora.", "es", 39, "people charged"),
        ("In all, 215 were later freed by the court.", "en", 215, "people released"),
        ("In all, 942 remain in prison.", "en", 942, "people still held"),
        ("Un juez ordenó la liberación de 173 detenidos.", "es", 173, "people released"),
        ("The judge ordered the release of 173 detainees.", "en", 173, "people released"),
    ],
)
def test_who_acted_and_what_happened_to_the_counted(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute and comparable(claim)


# ---------------------------------------------------------------- bodies identified, by what means


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Forensic teams said 31 bodies have been identified so far.", "en"),
        ("Los forenses dijeron que 31 cadáveres han sido identificados hasta ahora.", "es"),
        ("Hasta ahora se han identificado 31 cuerpos, según la fiscalía.", "es"),
    ],
)
def test_bodies_identified_are_a_count_of_their_own(text, language):
    claim = by_value(counts(text, language), 31)
    assert claim.attribute == "people identified"
    assert key(claim) == ("s", "count", "", "people identified")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Of the 80 dead, 52 have been identified using fingerprints and 20 by DNA.", "en"),
        ("De los 80 fallecidos, 52 han sido identificados mediante huellas dactilares.", "es"),
        ("De los 80 fallecidos, 52 fueron identificados a través de análisis de ADN.", "es"),
    ],
)
def test_a_count_done_by_one_means_is_a_part_never_compared(text, language):
    claim = by_value(counts(text, language), 52)
    assert "by where or how" in claim.extra["frame"]["unclear"]
    assert key(claim) is None


def test_crew_members_are_kept_apart_from_passengers():
    claim = by_value(counts("The ferry carried 12 crew members and 300 passengers.", "en"), 12)
    assert claim.attribute.startswith("crew members")
    claim = by_value(counts("El ferri llevaba 12 tripulantes y 300 pasajeros.", "es"), 12)
    assert claim.attribute.startswith("crew members")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Forensic teams had identified 24 bodies and the experts expect more.", "en"),
        ("Hasta el viernes se habían identificado 24 cadáveres y los expertos esperan más.", "es"),
    ],
)
def test_a_clause_opened_by_and_the_is_no_second_kind_of_people(text, language):
    claim = by_value(counts(text, language), 24)
    assert claim.attribute == "people identified"
    assert "unclear" not in claim.extra["frame"]
    assert key(claim) is not None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three officials and a guard were detained at the border.", "en"),
        ("Tres funcionarios y un guardia fueron detenidos en la frontera.", "es"),
    ],
)
def test_people_beside_one_of_another_kind_stay_a_part(text, language):
    claim = by_value(counts(text, language), 3)
    assert claim.extra["frame"]["unclear"] == "one kind of people counted beside another"


def test_a_perfect_tense_of_losing_ones_life_is_a_death_not_the_next_verb():
    claims = counts(
        "La asociación dijo que 8 personas ya han perdido la vida y 143 quedaron detenidas.", "es"
    )
    assert by_value(claims, 8).attribute == "people killed"
    assert by_value(claims, 143).attribute == "people arrested"
    assert all(c.extra["comparable"] for c in claims)
    english = counts("The group said 8 people have lost their lives and 143 were detained.")
    assert by_value(english, 8).attribute == "people killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The nurses' union reports 13 people have died, 12 of them in Norvilla.", "en"),
        ("El gremio de enfermeras informa de 13 personas muertas, 12 de ellas en Norvilla.", "es"),
    ],
)
def test_a_part_placed_after_its_marker_is_that_places_figure(text, language):
    claims = counts(text, language)
    part = by_value(claims, 12)
    assert part.extra["frame"]["place"] == "Norvilla"
    assert key(part)[3].startswith("people killed in Norvil")  # a place's key folds spellings
    assert key(by_value(claims, 13)) == ("s", "count", "", "people killed")


def test_marching_through_a_town_is_no_means():
    (claim,) = counts("Some 15,000 people marched through the centre of Tolsa.")
    assert claim.attribute == "people protested"
    assert "unclear" not in claim.extra["frame"]
