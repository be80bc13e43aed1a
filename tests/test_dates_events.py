"""Dates tied to the event of their clause, relative days and days told in another time zone.
Every sentence here is invented."""

from __future__ import annotations

from test_events import events


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
        "Nadie lo esperaba.En la madrugada del domingo, un incendio arrasó tres naves.", "es"
    )
    assert found == {"domingo": "disaster"}


def test_a_page_stamp_glued_to_the_first_sentence_is_no_predicate():
    assert events("date 2024-05-13 On Sunday morning a fire killed nine people in Tarvela.") == {
        "Sunday": "disaster"
    }
    found = events(
        "fecha 2024-05-13 El domingo por la mañana un incendio mató a nueve vecinos.", "es"
    )
    assert found == {"domingo": "disaster"}
