"""Events within a story: each date belongs to the event of its own clause, and only dates of
one event are compared. Every sentence here is invented."""

from __future__ import annotations

from reconcile.dates import PartialDate, find_dates
from reconcile.ingest import analyse
from reconcile.judge import clashing_pairs, judge_dates
from reconcile.match import block_key
from reconcile.models import Document


def dates_of(text: str, language: str = "en", published: str | None = "2024-05-17"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return [c for c in analyse(document)[2] if c.kind == "date"]


def events(text: str, language: str = "en", published: str | None = "2024-05-17"):
    return {c.quote: c.extra.get("event") for c in dates_of(text, language, published)}


# --------------------------------------------------------------------------- the clause's event


def test_a_weekday_belongs_to_the_event_of_its_own_clause():
    found = events(
        "Gunmen stormed a clinic in Harlow and the attack on Wednesday left two guards hurt, "
        "while detectives arrested John Brell on Thursday."
    )
    assert found == {"Wednesday": "attack", "Thursday": "arrest"}


def test_spanish_weekdays_keep_to_their_own_clauses():
    found = events(
        "El atentado del miércoles dejó dos heridos en Tarvela, y la policía detuvo a Juan "
        "Brell el jueves.",
        "es",
    )
    assert found == {"miércoles": "attack", "jueves": "arrest"}


def test_a_relative_clause_takes_the_event_of_the_noun_it_hangs_from():
    assert events("The fire that broke out late on May 3 killed four.") == {"May 3": "disaster"}
    assert events(
        "El incendio que se produjo el lunes por la noche dejó cuatro muertos.", "es"
    ) == {"lunes": "disaster"}


def test_a_fronted_date_belongs_to_the_next_clause():
    assert events("On Monday, police arrested John Brell in Brelton.") == {"Monday": "arrest"}


def test_a_report_date_is_not_the_event_date():
    found = events(
        "The ministry said on Tuesday that the flood had killed nine people in Oskel, "
        "according to a toll issued on Saturday."
    )
    assert found == {"Tuesday": None, "Saturday": None}
    assert events("La fiscalía informó el martes que el incendio dejó nueve muertos.", "es") == {
        "martes": None
    }


def test_an_event_word_completing_another_noun_gives_no_event():
    assert events("The history of the crash began on Sunday afternoon in Varno.") == {
        "Sunday": None
    }


def test_a_date_far_from_any_event_word_keeps_no_event():
    found = events(
        "A judge sent to trial the nine people accused over the seizure of the port offices "
        "of Lantry on 9 January."
    )
    assert found == {"9 January": None}


def test_a_moment_named_by_the_clause_that_follows():
    found = events(
        "A heavy blow fell in the early hours of Thursday, May 16, 2024, as raids were carried "
        "out in four towns."
    )
    assert found == {"Thursday, May 16, 2024": "raids"}


# --------------------------------------------------------------------------- datelines


def test_agency_datelines_are_the_report_date():
    for text, language in (
        ("HARLOW, May 10 (Reuters) - Floods killed six people in the north.", "en"),
        ("Tarvela, Sept. 10 (Petra) -- The earthquake left 40 dead.", "en"),
        ("MADRID, 9 de septiembre (EFE) - El terremoto dejó 40 muertos.", "es"),
        ("9 de septiembre, Madrid. – El terremoto dejó 40 muertos.", "es"),
    ):
        (claim,) = dates_of(text, language, published=None)
        assert claim.extra.get("report") and "event" not in claim.extra, text


def test_a_date_opening_prose_is_not_a_dateline():
    (claim,) = dates_of("On May 10 floods killed six people in the north.")
    assert not claim.extra.get("report")


# --------------------------------------------------------------------------- overnight


def test_the_night_of_one_day_to_the_next_is_one_event():
    (claim,) = dates_of("The hearing ran through the night of Thursday to Friday in Harlow.")
    assert claim.weekday == "Thursday" and claim.extra["night"] == [0, 1]
    (claim,) = dates_of("La audiencia se extendió hasta la madrugada del martes.", "es")
    assert claim.weekday == "Tuesday" and claim.extra["night"] == [-1, 0]


def row(claim, document: str) -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": claim.kind,
        "attribute": claim.attribute,
        "subject": claim.subject,
        "date": claim.date,
        "weekday": claim.weekday,
        "value": claim.value,
        "quote": claim.quote,
        "start": claim.start,
        "end": claim.end,
        "extra": claim.extra,
    }


def test_a_date_inside_an_overnight_event_agrees_with_it():
    sunday = "2024-05-19"
    (night,) = dates_of("The fire that broke out late on Friday killed four.", "en", sunday)
    (small_hours,) = dates_of("El incendio comenzó en la madrugada del sábado.", "es", sunday)
    (other_day,) = dates_of("The fire broke out on Wednesday.", "en", sunday)
    rows = [row(night, "a"), row(small_hours, "b")]
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    assert clashing_pairs("date", rows) == []
    assert len(clashing_pairs("date", [row(night, "a"), row(other_day, "c")])) == 1


# --------------------------------------------------------------------------- relative dates


def test_relative_dates_resolve_only_against_a_known_day():
    (known,) = dates_of("Police arrested him last Saturday.", published="2024-05-17")
    assert known.date == "2024-05-11"
    (unknown,) = dates_of("Police arrested him last Saturday.", published=None)
    assert (unknown.date, unknown.weekday) == (None, "Saturday")
    (month_only,) = dates_of("Police arrested him last Saturday.", published="2024-05")
    assert (month_only.date, month_only.weekday) == (None, "Saturday")


def test_a_past_day_of_this_month_is_this_year():
    reference = PartialDate(2024, 1, 14)
    (mention,) = find_dates("desde el pasado 5 de enero", "es", reference)
    assert mention.iso == "2024-01-05"
    (mention,) = find_dates("desde el pasado 20 de enero", "es", reference)
    assert mention.iso == "2023-01-20"
    (mention,) = find_dates("since last May", "en", PartialDate(2024, 5, 20))
    assert mention.iso == "2023-05"


# --------------------------------------------------------------------------- comparison


def test_dates_of_different_events_never_meet():
    (attack,) = dates_of("The attack happened on Wednesday.")
    (arrest,) = dates_of("Detectives arrested John Brell on Thursday.")
    (said,) = dates_of("The mayor said on Thursday that the town was calm.")
    keys = {block_key(row(c, d), "s", None) for c, d in ((attack, "a"), (arrest, "b"))}
    assert len(keys) == 2
    assert block_key(row(said, "c"), "s", None) is None


def test_two_dates_of_one_event_clash():
    (one,) = dates_of("The earthquake struck on Thursday night.", published="2024-05-17")
    (two,) = dates_of("El terremoto sacudió el martes la región.", "es", published="2024-05-17")
    rows = [row(one, "a"), row(two, "b")]
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    conflict = judge_dates("s", "", "date of disaster", rows)
    assert conflict is not None and conflict.rule == "event-date"


def test_weekdays_of_one_event_clash_where_no_date_settles_them():
    (one,) = dates_of("El autobús volcó la mañana del martes en la sierra.", "es", published=None)
    (two,) = dates_of("The bus overturned on Wednesday morning.", published=None)
    (night,) = dates_of("The bus overturned on the night of Tuesday.", published=None)
    rows = [row(one, "a"), row(two, "b")]
    assert one.extra["event"] == two.extra["event"] == "crash"
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    conflict = judge_dates("s", "", "date of crash", rows)
    assert conflict is not None and conflict.status == "weekday mismatch"
    assert clashing_pairs("date", [row(night, "c"), row(two, "b")]) == []  # runs into Wednesday


# --------------------------------------------------------------------------- not the event's


def test_a_date_related_to_the_event_by_time_is_not_its_date():
    assert events("On Sunday, a day after the attack, police arrested two men.") == {"Sunday": None}
    found = events(
        "El martes, una vez confirmada la huida del preso, la ciudad quedó en calma.", "es"
    )
    assert found == {"martes": None}


def test_a_status_as_of_a_day_is_not_the_event_date():
    assert events("The wildfire was 60 percent contained as of Monday evening.") == {"Monday": None}


def test_a_figure_updated_on_a_day_does_not_date_the_event():
    assert events("The death toll of the ferry collision rose to 31 late on Monday night.") == {
        "Monday": None
    }
    assert events("La cifra de muertos del choque ascendió a 31 el lunes.", "es") == {"lunes": None}
    assert events("The ferry collision on Saturday killed 31.") == {"Saturday": "crash"}


def test_a_fronted_date_does_not_take_an_event_that_completes_another_noun():
    assert events("On Sunday, the mayor visited the site of the attack.") == {"Sunday": None}
    assert events("El domingo, el alcalde visitó el lugar del ataque.", "es") == {"domingo": None}
    assert events("On Sunday, police carried out raids in four towns.") == {"Sunday": "raids"}


# --------------------------------------------------------------------------- finding things


def test_a_finding_dates_an_event_only_with_a_thing_found_once():
    assert events("The light aircraft was found on May 14 in a clearing.") == {
        "May 14": "wreck found"
    }
    assert events("La avioneta fue avistada el martes pasado por una patrulla.", "es") == {
        "martes pasado": "wreck found"
    }
    # bodies and people are found many times in one story: no event of their own
    assert events("Rescuers found three bodies on May 14 near the dam.") == {"May 14": None}
    assert events("Los cuerpos fueron hallados el martes pasado junto al río.", "es") == {
        "martes pasado": None
    }
    # a finding is not the event named before it: "arrested" does not date a body found
    assert events("The man arrested in Brelton was found dead on Sunday.") == {"Sunday": None}


def test_findings_of_one_wreck_in_two_languages_clash():
    (one,) = dates_of("The wreckage was located on May 14 by an army patrol.")
    (two,) = dates_of("El fuselaje fue encontrado el 15 de mayo por los indígenas.", "es")
    rows = [row(one, "a"), row(two, "b")]
    assert block_key(rows[0], "s", None) == block_key(rows[1], "s", None)
    assert judge_dates("s", "", "date of wreck found", rows) is not None


def test_a_date_closing_the_sentence_dates_the_clause_before_it():
    assert events("The helicopter was recovered two weeks after the storm, on 14 May.") == {
        "14 May": "wreck found"
    }
    assert events(
        "El barco fue localizado tres días después del naufragio, el 9 de mayo.", "es"
    ) == {"9 de mayo": "wreck found"}
    assert events("The bus overturned in the mountains, on Tuesday.") == {"Tuesday": "crash"}
    # a relation in time before the event word: the date is of something unnamed
    assert events("The search resumed two days after the crash, on 3 May.") == {"3 May": None}


def test_a_warrant_or_a_threat_is_not_the_event_it_names():
    assert events("A court issued an arrest warrant for John Brell on July 31 in Harlow.") == {
        "July 31": None
    }
    assert events(
        "Un juez emitió una orden de captura contra Juan Brell el 31 de julio.", "es"
    ) == {"31 de julio": None}
    assert events("Brell received death threats on Monday, his lawyer said.") == {"Monday": None}
    assert events("Police arrested John Brell on July 31 in Harlow.") == {"July 31": "arrest"}


def test_a_relative_clause_long_ended_does_not_lend_its_noun():
    found = events(
        "The clubs hit by the fire that broke out on Sunday in a park near Harlow, in the south, "
        "had no licence, and an order had been issued to close them from January 2022."
    )
    assert found == {"Sunday": "disaster", "January 2022": None}
    found = events(
        "Los locales del incendio que empezó el domingo en un polígono de Tarvela, en el sur, no "
        "tenían licencia y sobre ellos pesaba una orden de cierre desde enero de 2022.",
        "es",
    )
    assert found == {"domingo": "disaster", "enero de 2022": None}


def test_words_of_single_events_beyond_the_shared_list_date_them():
    assert events("The blaze that swept the hillside on Tuesday destroyed 40 homes.") == {
        "Tuesday": "disaster"
    }
    assert events("Gunmen stormed the studio on Tuesday during a live broadcast.") == {
        "Tuesday": "attack"
    }
    assert events("La tormenta que azotó la costa el martes dejó cuatro heridos.", "es") == {
        "martes": "disaster"
    }
    assert events("El siniestro ocurrió la noche del jueves en una bodega.", "es") == {
        "jueves": "disaster"
    }
    assert events("Hubo una estampida el sábado a la salida del estadio.", "es") == {
        "sábado": "crush"
    }


def test_a_passive_predicate_between_takes_the_date_from_the_event_word():
    assert events("Guards seized during the prison riot were freed on Saturday night.") == {
        "Saturday": None
    }
    assert events("Los guardias retenidos en el motín fueron liberados el sábado.", "es") == {
        "sábado": None
    }
    # a copula before the date's own words is no other predicate
    assert events("The earthquake was on Friday night, officials said.") == {"Friday": "disaster"}
    assert events("Police arrested John Brell on Thursday.") == {"Thursday": "arrest"}


def test_a_fire_that_broke_out_is_not_a_statement():
    assert events("El incendio se declaró la madrugada del domingo en una nave.", "es") == {
        "domingo": "disaster"
    }
    assert events("El alcalde declaró el domingo que el fuego estaba controlado.", "es") == {
        "domingo": None
    }


def test_a_fronted_date_does_not_take_the_cause_of_another_predicate():
    found = events("On Sunday, residents cleared debris in a district hit hard by the hurricane.")
    assert found == {"Sunday": None}
    found = events("El domingo, los vecinos limpiaron una calle dañada por la tormenta.", "es")
    assert found == {"domingo": None}
    # a long subject before the event word is still the next clause's own event
    found = events(
        "En la madrugada del viernes, el techo del viejo salón de baile de Tarvela se derrumbó.",
        "es",
    )
    assert found == {"viernes": "crash"}


# --------------------------------------------------------------------------- what a date dates


def attributes(text: str, language: str = "en", published: str | None = "2024-05-17"):
    return {c.quote: c.attribute for c in dates_of(text, language, published)}


def test_a_date_of_a_lexicon_event_is_named_by_its_event():
    assert attributes("Police arrested John Brell on Thursday in Harlow.") == {
        "Thursday": "date of arrest"
    }


def test_a_report_date_names_its_report_word():
    assert attributes("The ministry announced on Tuesday a new budget for Oskel.") == {
        "Tuesday": "date (announced)"
    }
    assert attributes("La alcaldía informó este martes de nuevas medidas en Tarvela.", "es") == {
        "este martes": "date (informó)"
    }


def test_a_date_names_the_verb_it_follows():
    assert attributes("The last of the climbers was rescued on Wednesday near Varno.") == {
        "Wednesday": "date (rescued)"
    }
    assert attributes("El alcalde deberá comparecer el jueves en Tarvela.", "es") == {
        "jueves": "date (comparecer)"
    }


def test_a_date_names_the_noun_that_opens_its_clause():
    assert attributes("El entierro del martes reunió a cientos de vecinos.", "es") == {
        "martes": "date (el entierro)"
    }


def test_a_date_after_a_name_an_object_or_a_complement_is_left_undescribed():
    assert attributes("Three men were given long terms by a judge in Harlow on Monday.") == {
        "Monday": "date"
    }
    assert attributes("Soldiers guarded the bridge on May 6 near Varno.") == {"May 6": "date"}
    assert attributes("Los niños fueron hallados con vida el lunes en Tarvela.", "es") == {
        "lunes": "date"
    }
    assert attributes("Hubo una rueda de prensa el jueves en Tarvela.", "es") == {"jueves": "date"}


def test_a_date_a_start_is_counted_from_is_left_undescribed():
    assert attributes("The mayor announced a week of festivities starting on Thursday.") == {
        "Thursday": "date"
    }


def test_a_dateline_is_a_page_date():
    (claim,) = dates_of(
        "HARLOW, May 10 (Reuters) - Floods killed six people.", "en", published=None
    )
    assert claim.attribute == "page date"


def test_a_day_and_month_without_a_year_keep_the_day():
    (claim,) = dates_of("The body was recovered on April 5 near Varno.", "en", published=None)
    assert claim.extra["rendered"] == "5 April"
    (claim,) = dates_of("El juicio empezó el martes 26 de marzo en Tarvela.", "es", published=None)
    assert claim.extra["rendered"] == "Tuesday 26 March"
