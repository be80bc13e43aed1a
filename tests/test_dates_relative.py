"""Dates told against the article's own: a year said as "last year", days counted back, a month
with no year that would lie ahead, and event words read in their right sense. Every sentence
here is invented."""

from __future__ import annotations

from test_dates_events import relative
from test_events import dates_of, events, row

from reconcile.judge import clashing_pairs

# --------------------------------------------------------------------------- a year said


def test_a_month_of_last_year_is_the_year_before_the_article_s():
    assert relative("La policía detuvo a Juan Brell en diciembre del año pasado.", "es") == [
        ("diciembre del año pasado", "date of arrest", "2023-12", None)
    ]
    assert relative("El incendio del 3 de diciembre del año pasado mató a nueve.", "es") == [
        ("3 de diciembre del año pasado", "date of disaster", "2023-12-03", None)
    ]
    assert relative("Police arrested Juan Brell on December 3 last year.") == [
        ("December 3 last year", "date of arrest", "2023-12-03", None)
    ]
    assert relative("Police arrested Juan Brell in December of last year.") == [
        ("December of last year", "date of arrest", "2023-12", None)
    ]


def test_a_month_of_this_year_is_the_article_s_year():
    assert relative("El sismo de marzo de este año sacudió Tarvela.", "es") == [
        ("marzo de este año", "date of disaster", "2024-03", None)
    ]
    assert relative("The quake struck Varsela on March 9 this year.") == [
        ("March 9 this year", "date of disaster", "2024-03-09", None)
    ]


def test_a_year_said_against_an_undated_article_gives_no_year():
    (claim,) = dates_of("La policía detuvo a Juan Brell en diciembre del año pasado.", "es", None)
    assert claim.date is None and claim.extra["relative"] is True


# --------------------------------------------------------------------------- a past day said


def test_a_past_marker_before_a_month_and_day_keeps_the_day():
    assert relative("Police arrested Juan Brell last May 3 in Tarvela.") == [
        ("last May 3", "date of arrest", "2024-05-03", None)
    ]
    assert relative("La policía detuvo a Juan Brell el pasado 3 de mayo en Tarvela.", "es") == [
        ("pasado 3 de mayo", "date of arrest", "2024-05-03", None)
    ]


def test_the_night_of_a_day_runs_into_the_next():
    assert relative("Police arrested Juan Brell on the night of May 3 in Tarvela.") == [
        ("May 3", "date of arrest", "2024-05-03", [0, 1])
    ]
    assert relative("La policía detuvo a Juan Brell la noche del 3 de mayo en Tarvela.", "es") == [
        ("3 de mayo", "date of arrest", "2024-05-03", [0, 1])
    ]


# --------------------------------------------------------------------------- no coming month


def test_a_month_ahead_of_the_article_with_no_year_keeps_its_year_unknown():
    # written on 17 May: "in December" is a past December or a plan, never surely the coming one
    assert relative("La policía detuvo a Juan Brell en diciembre.", "es") == [
        ("diciembre", "date of arrest", None, None)
    ]
    (claim,) = dates_of("Police arrested Juan Brell on December 3.")
    assert claim.date is None and claim.extra["month_day"] == "12-03"
    # a month already past this year keeps the article's year, as before
    assert relative("Police arrested Juan Brell on March 3.") == [
        ("March 3", "date of arrest", "2024-03-03", None)
    ]
    assert relative("El sismo sacudió Tarvela el 14 de mayo.", "es") == [
        ("14 de mayo", "date of disaster", "2024-05-14", None)
    ]


def test_a_day_with_its_year_unknown_still_meets_a_full_date_of_its_event():
    (ahead,) = dates_of("Police arrested Juan Brell on December 3.")
    (full,) = dates_of("La policía detuvo a Juan Brell el 5 de diciembre de 2023.", "es")
    assert ahead.date is None and full.date == "2023-12-05"
    assert len(clashing_pairs("date", [row(ahead, "a"), row(full, "b")])) == 1


# --------------------------------------------------------------------------- days counted back


def test_days_counted_back_are_a_day_before_the_article_s():
    assert relative("El incendio se declaró hace dos días en Tarvela.", "es") == [
        ("hace dos días", "date of disaster", "2024-05-15", None)
    ]
    assert relative("The quake struck Varsela three days ago.") == [
        ("three days ago", "date of disaster", "2024-05-14", None)
    ]
    assert relative("Police arrested Juan Brell 4 days ago.") == [
        ("4 days ago", "date of arrest", "2024-05-13", None)
    ]


def test_days_counted_back_abstain_without_the_day_in_a_quote_or_far_back():
    assert relative("El incendio se declaró hace dos días.", "es", published="2024-05") == []
    assert relative("“The quake struck two days ago,” a neighbour said.") == []
    assert relative("Police arrested Juan Brell 40 days ago.") == []


def test_since_days_counted_back_opens_a_period():
    assert relative("Desde hace dos días buscan a Juan Brell en Tarvela.", "es") == [
        ("hace dos días", "period start", "2024-05-15", None)
    ]


# --------------------------------------------------------------------------- event words


def test_a_word_that_is_also_a_verb_dates_an_event_only_as_a_noun():
    # "condena": the sentence after an article, the verb to condemn after its subject
    assert events("El alcalde condena el martes el ataque en Tarvela.", "es") == {"martes": None}
    assert events("La condena del martes sorprendió a Juan Brell.", "es") == {"martes": "verdict"}
    found = events("La alcaldesa condena la brutal agresión del martes en Tarvela.", "es")
    assert found == {"martes": "attack"}


def test_opening_fire_dates_no_fire():
    # a volley may come more than once in a story: no event, never a fire
    assert events("Gunmen opened fire on the crowd on Sunday in Tarvela.") == {"Sunday": None}
    assert events("The fire broke out on Sunday in Tarvela.") == {"Sunday": "disaster"}


def test_a_gang_bursting_in_is_an_attack():
    assert events("Una banda irrumpió el martes en la sede de Radio Tarvela.", "es") == {
        "martes": "attack"
    }


# --------------------------------------------------------------------------- a clause of the date


def test_the_first_hours_of_a_day_began_the_night_before():
    (claim,) = dates_of("En las primeras horas del domingo, un incendio arrasó un bloque.", "es")
    assert claim.extra["event"] == "disaster" and claim.extra["night"] == [-1, 0]
    (claim,) = dates_of("In the small hours of Sunday, a fire swept through a block.")
    assert claim.extra["event"] == "disaster" and claim.extra["night"] == [-1, 0]


def test_a_year_run_into_the_next_word_is_still_the_date_s():
    # a caption glued to its credit line: the year stays, never the article's year instead
    (claim,) = dates_of("Soldiers patrol Tarvela after a riot, 8 January 2023Image source, Army")
    assert claim.date == "2023-01-08"
    (claim,) = dates_of("Soldados en Tarvela tras un motín, 8 de enero de 2023Foto: Ejército", "es")
    assert claim.date == "2023-01-08"


def test_a_verb_of_occurring_in_two_words_labels_the_date_whole():
    (claim,) = dates_of("Su última reforma tuvo lugar en 2005.", "es")
    assert claim.attribute == "date (tuvo lugar)"
    (claim,) = dates_of("Its last refit took place in 2005.")
    assert claim.attribute == "date (took place)"
