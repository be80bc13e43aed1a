"""Dates tied to the event of their clause, relative days and days told in another time zone.
Every sentence here is invented."""

from __future__ import annotations

from test_events import dates_of, events, row

from reconcile.judge import clashing_pairs, judge_dates
from reconcile.match import block_key


def test_a_date_right_after_an_event_noun_completing_another_dates_that_event():
    assert events("The nine victims of the fire on Sunday lived in Tarvela.") == {
        "Sunday": "disaster"
    }
    assert events("Los nueve fallecidos del incendio del domingo vivían en Tarvela.", "es") == {
        "domingo": "disaster"
    }


def test_a_genitive_event_with_a_predicate_or_a_non_event_head_stays_undated():
    assert events("The story of the crash began on Sunday.") == {"Sunday": None}
    assert events("Hundreds marked the anniversary of the attack on Monday.") == {"Monday": None}


def test_a_full_stop_glued_to_the_next_sentence_still_ends_the_clause():
    found = events(
        "Nadie lo esperaba.En la madrugada del jueves, un incendio arrasó tres naves.", "es"
    )
    assert found == {"jueves": "disaster"}


def test_a_page_stamp_glued_to_the_first_sentence_is_no_predicate():
    assert events("date 2024-05-13 On Sunday morning a fire killed nine people in Tarvela.") == {
        "Sunday": "disaster"
    }
    found = events(
        "fecha 2024-05-13 El domingo por la mañana un incendio mató a nueve vecinos.", "es"
    )
    assert found == {"domingo": "disaster"}


# --------------------------------------------------------------------------- relative days


def relative(text: str, language: str = "en", published: str | None = "2024-05-17"):
    return [
        (c.quote, c.attribute, c.date, c.extra.get("night"))
        for c in dates_of(text, language, published)
    ]


def test_yesterday_is_the_day_before_the_article_and_dates_its_clause():
    assert relative("The quake struck Varsela yesterday, killing nine.") == [
        ("yesterday", "date of disaster", "2024-05-16", None)
    ]
    assert relative("La policía detuvo ayer a Juan Brell en Tarvela.", "es") == [
        ("ayer", "date of arrest", "2024-05-16", None)
    ]


def test_last_night_runs_into_the_article_s_day():
    assert relative("The quake struck Varsela last night, killing nine.") == [
        ("last night", "date of disaster", "2024-05-16", [0, 1])
    ]
    assert relative("El sismo sacudió Tarvela ayer por la noche.", "es") == [
        ("ayer", "date of disaster", "2024-05-16", [0, 1])
    ]
    assert relative("El incendio de anoche dejó nueve muertos.", "es") == [
        ("anoche", "date of disaster", "2024-05-16", [0, 1])
    ]


def test_a_relative_day_abstains_without_the_article_s_day_or_inside_a_quote():
    assert relative("The quake struck Varsela yesterday, killing nine.", published="2024-05") == []
    assert relative("La policía detuvo ayer a Juan Brell.", "es", published=None) == []
    assert relative("“The quake struck yesterday,” a neighbour said.") == []


def test_a_capitalised_relative_word_inside_a_sentence_is_a_name():
    assert relative("John Brell told USA Today that the fire was terrible.") == []
    assert relative("El incendio dejó nueve muertos, según Diario Hoy.", "es") == []
    assert relative("Hoy, el sismo sacudió Tarvela.", "es") == [
        ("Hoy", "date of disaster", "2024-05-17", None)
    ]


def test_a_day_to_come_dates_no_event():
    assert relative("The trial opens tomorrow in Brelton.") == []
    assert relative("El juicio empieza mañana en Tarvela.", "es") == []


# --------------------------------------------------------------------------- time zones


def test_a_day_told_in_universal_time_agrees_with_the_local_day_either_side():
    (utc,) = dates_of("The quake struck at 0040 GMT on Saturday.", published="2024-05-19")
    (local,) = dates_of("The quake struck Varsela on Friday.", published="2024-05-19")
    (earlier,) = dates_of("El sismo sacudió Tarvela el jueves.", "es", published="2024-05-19")
    assert utc.extra["zone"] == "UTC" and utc.extra["night"] == [-1, 1]
    assert clashing_pairs("date", [row(utc, "a"), row(local, "b")]) == []
    assert len(clashing_pairs("date", [row(utc, "a"), row(earlier, "c")])) == 1


def test_universal_time_is_read_only_beside_the_date():
    (after,) = dates_of("El sismo se produjo el miércoles a las 03.00 GMT.", "es")
    assert after.extra["zone"] == "UTC"
    (other,) = dates_of("The quake struck at 0040 GMT, and on Saturday police arrested a man.")
    assert "zone" not in other.extra


# --------------------------------------------------------------------------- clock times


def test_a_clock_time_before_the_date_is_the_date_s_own_words():
    found = events(
        "El choque ocurrió justo después de las siete de la tarde del jueves 9 de julio.", "es"
    )
    assert found == {"jueves 9 de julio": "crash"}
    found = events("El accidente ocurrió poco después de las 6:00 del martes 5 de julio.", "es")
    assert found == {"martes 5 de julio": "crash"}
    assert events("The accident happened shortly after six a.m. on Tuesday, July 5.") == {
        "Tuesday, July 5": "crash"
    }


# --------------------------------------------------------------------------- undated articles


def test_a_day_without_a_year_meets_the_same_event_s_dates_in_their_year():
    (undated,) = dates_of("El avión se estrelló el 17 de mayo en la selva.", "es", None)
    (dated,) = dates_of("The plane crashed on May 18, 2024.", published=None)
    (same,) = dates_of("The plane crashed on May 17.", published=None)
    (other,) = dates_of("El avión se estrelló el 18 de mayo.", "es", None)
    assert undated.date is None and undated.extra["month_day"] == "05-17"
    rows = [row(undated, "a"), row(dated, "b")]
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    assert len(clashing_pairs("date", rows)) == 1
    assert clashing_pairs("date", [row(undated, "a"), row(same, "c")]) == []
    conflict = judge_dates("s", "", "date of crash", [row(undated, "a"), row(other, "d")])
    assert conflict is not None and conflict.severity == "high"


def test_an_undated_day_of_no_event_still_meets_nothing():
    (undated,) = dates_of("Su familia lo vio por última vez el 17 de mayo.", "es", None)
    assert block_key(row(undated, "a"), "s", None) is None


# --------------------------------------------------------------------------- two days, one night


def test_a_night_between_two_days_is_one_event_spanning_both():
    found = dates_of(
        "El incendio se produjo entre la noche del viernes y la madrugada del sábado.", "es"
    )
    assert [(c.quote, c.attribute, c.extra.get("night")) for c in found] == [
        ("viernes", "date of disaster", [0, 1])
    ]
    found = dates_of("The fire broke out between Friday night and Saturday morning.")
    assert [(c.quote, c.extra.get("night")) for c in found] == [("Friday", [0, 1])]


def test_two_days_with_a_predicate_each_stay_two_dates():
    found = dates_of("La policía lo detuvo el viernes y el sábado la fiscalía lo acusó.", "es")
    assert [c.quote for c in found] == ["viernes", "sábado"]
    assert all("night" not in c.extra for c in found)


def test_the_storm_words_of_dating_cover_the_plural_verb_and_the_dana():
    found = events(
        "Las lluvias que azotaron la costa de Tarvela el pasado 29 de octubre dejaron 40 muertos.",
        "es",
    )
    assert found == {"pasado 29 de octubre": "disaster"}
    assert events(
        "Muchas víctimas de esa dana del pasado 17 de noviembre vivían en Tarvela.", "es"
    ) == {"pasado 17 de noviembre": "disaster"}


def test_nowadays_is_no_day():
    assert relative("Hoy en día el sismo sigue en la memoria de Tarvela.", "es") == []


# --------------------------------------------------------------------------- weekday against date


def test_a_bare_weekday_meets_the_calendar_weekday_of_another_source_s_date():
    (bare,) = dates_of("The bus overturned on Tuesday in the sierra.", published=None)
    (dated,) = dates_of(
        "El autobús volcó el 5 de julio de 2023 en la sierra.", "es", published=None
    )
    (night,) = dates_of("The bus overturned on the night of Tuesday.", published=None)
    assert bare.date is None and dated.weekday is None  # 5 July 2023 was a Wednesday
    rows = [row(bare, "a"), row(dated, "b")]
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    conflict = judge_dates("s", "", "date of crash", rows)
    assert conflict is not None and conflict.status == "weekday mismatch"
    assert clashing_pairs("date", [row(night, "c"), row(dated, "b")]) == []  # runs into Wednesday


def test_a_weekday_never_meets_the_date_of_another_event():
    (bare,) = dates_of("The bus overturned on Tuesday in the sierra.", published=None)
    (other,) = dates_of("Police arrested the driver on 5 July 2023.", published=None)
    assert block_key(row(bare, "a"), "s", None) != block_key(row(other, "b"), "s", None)


def test_a_verb_of_occurring_dates_the_one_event_its_clause_named_before_it():
    found = events(
        "The magnitude 6 earthquake shook the mountain towns of the north and occurred on "
        "Friday at a depth of 9 km."
    )
    assert found == {"Friday": "disaster"}
    found = events(
        "El sismo sacudió los pueblos de montaña del norte del país y se produjo el viernes.",
        "es",
    )
    assert found == {"viernes": "disaster"}
    # a report word in the clause leaves it without one
    found = events(
        "The ministry said the storm flooded the low-lying mountain towns of the far north and "
        "it occurred on Friday."
    )
    assert found == {"Friday": None}


def test_a_weekday_after_dia_is_a_date_and_an_auxiliary_before_an_occurring_is_no_predicate():
    found = events("El asalto fue registrado cerca de la medianoche del día martes.", "es")
    assert found == {"martes": "attack"}
    assert events("The attack was recorded on Monday in Tarvela.") == {"Monday": "attack"}
    # another predicate after the auxiliary still keeps the date from the event
    assert events("Guards seized during the riot were freed on Saturday.") == {"Saturday": None}


# --------------------------------------------------------------------------- other moments


def test_a_date_of_a_verb_of_another_moment_keeps_no_event_of_a_relative_clause():
    found = events(
        "Cousins of two miners who died in the collision flew to Dravia on Monday"
        " to collect the bodies."
    )
    assert found == {"Monday": None}
    found = events(
        "Los familiares de dos primos que murieron en el accidente viajaron el lunes a Dravia.",
        "es",
    )
    assert found == {"lunes": None}
    labels = {c.quote: c.attribute for c in dates_of("The mourners of the fire met on Friday.")}
    assert labels == {"Friday": "date (met)"}


def test_a_storm_reaching_or_leaving_a_country_is_no_date_of_the_storm():
    assert events("The storm reached the coast of Norlandia on Sunday.") == {"Sunday": None}
    assert events("Later the hurricane weakened over Varsela on Monday night.") == {"Monday": None}
    found = events("La tormenta salió de Norlandia la tarde del domingo con vientos fuertes.", "es")
    assert found == {"domingo": None}


def test_a_date_opening_its_clause_before_a_verb_of_another_moment_keeps_no_event():
    found = events("On Tuesday, the mayor arrived at the blast site in Tarvela.")
    assert found == {"Tuesday": None}
    found = events("El martes, el alcalde llegó a la zona arrasada en el incendio.", "es")
    assert found == {"martes": None}
    found = events("Los vecinos, cuyas casas arrasó el incendio, regresaron el lunes.", "es")
    assert found == {"lunes": None}


def test_a_verb_of_another_moment_before_a_figure_is_a_toll_and_the_event_keeps_its_date():
    assert events("The quake that struck Varsela on Sunday left 14 dead.") == {"Sunday": "disaster"}
    assert events("The bus crashed into a ravine near Tarvela on Monday.") == {"Monday": "crash"}
    assert events("El autobús se estrelló el lunes cerca de Tarvela.", "es") == {"lunes": "crash"}


def test_a_date_in_a_caption_is_the_picture_s_and_keeps_no_event():
    found = dates_of(
        "This satellite image shows the harbour of Tarvela on May 2, and the same"
        " flood-hit quay on May 9."
    )
    assert {c.quote: (c.extra.get("event"), c.attribute) for c in found} == {
        "May 2": (None, "date (shows)"),
        "May 9": (None, "date (shows)"),
    }
    found = events(
        "La imagen de satélite muestra el muelle dañado por la tormenta el 9 de mayo.", "es"
    )
    assert found == {"9 de mayo": None}
    assert events("The flood swept through Tarvela on May 9.") == {"May 9": "disaster"}
