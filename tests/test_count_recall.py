"""Counts the extractor used to miss, or kept with no event said of them: each shape of
sentence in both languages. Invented sentences."""

from __future__ import annotations

import pytest
from conftest import by_value, counts


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        # a toll named after its number: "raised to N the number of ..."
        (
            "The new finds raised to 40 the number of dead in the province.",
            "en",
            40,
            "people killed",
        ),
        (
            "La jueza elevó a 1.204 el número de detenidos en la ciudad.",
            "es",
            1204,
            "people arrested",
        ),
        ("La policía ha elevado a más de 300 la cifra de detenidos.", "es", 300, "people arrested"),
        # an active verb before its object: "released 142 guards", "deployed 60 soldiers"
        (
            "El gobierno liberó a los 142 guardias de la cárcel.",
            "es",
            142,
            "prison guards released",
        ),
        ("La Marina desplegó a setenta soldados junto al puerto.", "es", 70, "soldiers deployed"),
        ("The army deployed 60 soldiers to the area.", "en", 60, "soldiers deployed"),
        ("A search by 240 soldiers went on for weeks.", "en", 240, "soldiers deployed"),
        ("Siguió la búsqueda por parte de 240 soldados.", "es", 240, "soldiers deployed"),
        # wordings the lexicons lacked: found alive, the singular participle after "han"
        ("Rescuers said four passengers were found alive.", "en", 4, "people survived"),
        (
            "La policía dijo que tres pasajeros fueron hallados con vida.",
            "es",
            3,
            "people survived",
        ),
        ("Los bomberos dijeron que 14 han fallecido.", "es", 14, "people killed"),
        ("Nine workers perished in the flood.", "en", 9, "people killed"),
        ("Nueve trabajadores perecieron en la inundación.", "es", 9, "people killed"),
        ("Los buzos hallaron a nueve personas sin vida.", "es", 9, "people killed"),
        ("Police recorded 30 killings in the province.", "en", 30, "people killed"),
        ("La ONG contó 30 asesinatos en la provincia.", "es", 30, "people killed"),
        # the personal "a" between an active event and its bare number
        ("La bomba mató a 31 personas e hirió a dieciséis.", "es", 16, "people injured"),
        # event nouns governing their people: rescue, disappearance; hospitals in the plural
        ("Officials confirmed the rescue of 27 people.", "en", 27, "people rescued"),
        ("Confirmaron el rescate de 27 personas.", "es", 27, "people rescued"),
        ("Police reported the disappearance of 27 people.", "en", 27, "people missing"),
        ("Se denunció la desaparición de 27 personas.", "es", 27, "people missing"),
        ("At least 27 people were taken to hospitals.", "en", 27, "people hospitalized"),
        ("Four hikers and 23 people drowned in the flood.", "en", 23, "people killed"),
        ("Veintitrés personas se ahogaron, según la policía.", "es", 23, "people killed"),
        ("Las autoridades evacuaron a 230 familias.", "es", 230, "families evacuated"),
        ("Veintitrés personas siguen sin ser localizadas.", "es", 23, "people missing"),
        ("Twenty-three people are yet to be found.", "en", 23, "people missing"),
        # people nouns of crowds and venues
        ("At least 300 rioters were arrested at the stadium.", "en", 300, "people arrested"),
        ("Al menos 300 simpatizantes fueron detenidos.", "es", 300, "people arrested"),
        ("Cuarenta asistentes resultaron heridos, dijo la policía.", "es", 40, "people injured"),
        # an adverb between the auxiliary and the event
        ("Of the 90 bodies, 57 have been fully identified.", "en", 57, "people identified"),
        (
            "De los 90 cuerpos, 57 fueron plenamente identificados.",
            "es",
            57,
            "people identified",
        ),
    ],
)
def test_a_count_and_its_event(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("Police said 900 troops joined them in the search for bodies.", "en", 900),
        ("Quinientos militares se sumaron a la búsqueda de los cuerpos.", "es", 500),
    ],
)
def test_an_event_with_its_own_object_is_not_the_counts(text, language, value):
    """'the search for bodies' is said of the bodies: the searchers are not missing."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == "soldiers"
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Divers resumed the search for six workers.", "en"),
        ("Continúa la búsqueda de seis trabajadores.", "es"),
    ],
)
def test_an_event_still_governs_its_number(text, language):
    assert by_value(counts(text, language), 6).attribute == "people missing"


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("Police later detained the 11 hooded men who stormed the bank.", "en", 11, "attackers"),
        ("La policía capturó a los 11 pistoleros que asaltaron el banco.", "es", 11, "attackers"),
        # an event said of them right after is a measure of its own
        ("Two gunmen were shot dead by the guards.", "en", 2, "attackers killed"),
        ("Dos atacantes fueron abatidos por los guardias.", "es", 2, "attackers killed"),
    ],
)
def test_attackers_are_counted(text, language, value, attribute):
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La policía detuvo a cuatro personas más, y el total sube a 31.", "es"),
        ("Police arrested four people more, bringing the total to 31.", "en"),
    ],
)
def test_more_after_the_noun_is_an_increment(text, language):
    """'cuatro personas más': the increment is not compared; the running total is."""
    claims = counts(text, language)
    increment, total = by_value(claims, 4), by_value(claims, 31)
    assert increment.attribute.startswith("additional ")
    assert not increment.extra["comparable"]
    assert total.extra["comparable"] and total.extra.get("running_total")


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("The fire claimed the lives of the five adults on board.", "en", 5, "people killed"),
        ("El incendio costó la vida a los cinco adultos a bordo.", "es", 5, "people killed"),
        ("Officials announced the release of the 44 workers.", "en", 44, "people released"),
        ("Anunciaron la liberación de los 44 trabajadores.", "es", 44, "people released"),
    ],
)
def test_an_event_governing_its_people(text, language, value, attribute):
    """A governing event before the people counted is what happened to them, over a phrase
    after their noun; and 'of the', 'de los' after it opens no whole."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute
    assert claim.extra["comparable"]


def test_a_search_for_the_dead_does_not_make_them_missing():
    claim = by_value(counts("Terminó ayer la búsqueda de los ocho fallecidos.", "es"), 8)
    assert not claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language", "value", "attribute"),
    [
        ("The 17 suspects were charged on Friday.", "en", 17, "people charged"),
        ("Los 17 sospechosos fueron acusados el viernes.", "es", 17, "people charged"),
    ],
)
def test_an_article_opening_the_sentence(text, language, value, attribute):
    """An article before the number is no name ('Ben 10') when the event is said right after
    the counted noun."""
    claim = by_value(counts(text, language), value)
    assert claim.attribute == attribute


def test_an_event_ending_in_a_preposition_with_no_object():
    """'unaccounted for' ends in a preposition but governs nothing after it."""
    claim = by_value(counts("Some 1,500 people are still unaccounted for, the mayor said."), 1350)
    assert claim.attribute == "people missing"


def test_bracketed_figures_after_a_dash_are_not_the_count_before():
    """'... 90 soldiers — Ana (13), Luis (9)': ages in another clause, not soldiers by place."""
    claims = counts("A search by 90 soldiers went on for the children — Ana (13), Luis (9).")
    assert [c.low for c in claims] == [90]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The boat sank and everyone on board died except five children.", "en"),
        ("Murieron todos los pasajeros salvo cinco niños.", "es"),
        ("Todos los ocupantes murieron, excepto cinco niños.", "es"),
    ],
)
def test_the_exception_to_everyone_killed_survived(text, language):
    """All died but five: the five survived ('salvo' is no 'salvó', no rescue)."""
    claim = by_value(counts(text, language), 5)
    assert claim.attribute == "children survived"
    assert claim.extra["comparable"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No one died except five children.", "en"),
        ("Police arrested everyone except five children.", "en"),
        ("No murió nadie salvo cinco niños.", "es"),
    ],
)
def test_the_exception_to_an_event_is_not_its_count(text, language):
    """No whole said to have died, or an event with no outcome for its exception: kept only."""
    claim = by_value(counts(text, language), 5)
    assert claim.attribute == "children"
    assert not claim.extra["comparable"]


def test_an_auxiliary_is_no_counted_noun():
    """'cinco continúan hospitalizados': the verb after the number is no noun of an unknown kind,
    and an auxiliary written with its accent is read like any other."""
    claims = counts("Los médicos dijeron que cinco continúan hospitalizados.", "es")
    assert [c.attribute for c in claims] == ["people hospitalized"]


def test_a_number_word_with_an_accent_opens_a_part():
    """'Dieciséis de los 31 detenidos': the accented number word is read like 'quince'."""
    claims = counts("Dieciséis de los 31 detenidos fueron liberados.", "es")
    whole = by_value(claims, 31)
    assert whole.extra["frame"].get("whole_of") == "Dieciséis"
