"""Issue 12: places that belong to an event. A trip's origin and destination, an earthquake's
epicentre, where a named person is from and where one is held, each read only in a clear slot
and compared only within that slot and subject. Every sentence here is invented."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, write

from reconcile.ingest import analyse
from reconcile.judge_places import judge_places, place_key, same_place, within_pairs
from reconcile.models import CLAIM_KINDS, CONFLICT_KINDS, Document


def places_of(text: str, language: str = "en") -> list[tuple[str, str, str]]:
    """(attribute, subject, value) of every place claim of a text."""
    document = Document("t", "t", "t", text, published="2024-03-20", language=language)
    return [(c.attribute, c.subject, c.value) for c in analyse(document)[2] if c.kind == "place"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The small plane crashed during a journey from Tolsabar to Marena del Sur on Monday.",
            "en",
            [
                ("origin (aircraft)", "", "Tolsabar"),
                ("destination (aircraft)", "", "Marena del Sur"),
            ],
        ),
        (
            "The bus, traveling from Velmora Heights, veered off the road before dawn.",
            "en",
            [("origin (bus)", "", "Velmora Heights")],
        ),
        (
            "The coach was heading to the mountain town of Orlo Alto when its brakes failed.",
            "en",
            [("destination (bus)", "", "Orlo Alto")],
        ),
        (
            "The bus left Port Tarsis the night before the crash.",
            "en",
            [("origin (bus)", "", "Port Tarsis")],
        ),
        (
            "El autobús, que partió de la Ciudad de Velmora rumbo a Santa Brena, volcó.",
            "es",
            [("origin (bus)", "", "Ciudad de Velmora"), ("destination (bus)", "", "Santa Brena")],
        ),
        (
            "La avioneta se accidentó cuando cubría la ruta de Tarsila hacia Puerto Ordén.",
            "es",
            [("origin (aircraft)", "", "Tarsila"), ("destination (aircraft)", "", "Puerto Ordén")],
        ),
        (
            "The quake had its epicentre in the village of Ouzran, officials said.",
            "en",
            [("epicentre", "", "Ouzran")],
        ),
        (
            "El terremoto tuvo su epicentro en la localidad de Tizelt, según el instituto.",
            "es",
            [("epicentre", "", "Tizelt")],
        ),
        (
            "The fire broke out in the Casa Lumen nightclub at dawn.",
            "en",
            [("venue", "", "Casa Lumen")],
        ),
        (
            "El incendio empezó en la discoteca La Casa Lumen de madrugada.",
            "es",
            [("venue", "", "Casa Lumen")],
        ),
        (
            "The victims included Dario Fennimore, 41, of Larkfield, who drove the truck.",
            "en",
            [("home", "Dario Fennimore", "Larkfield")],
        ),
        (
            "Among the dead was the Larkfield native Dario Fennimore, 41, his family said.",
            "en",
            [("home", "Dario Fennimore", "Larkfield")],
        ),
        (
            "Entre los fallecidos está Dario Fenoglio, originario de Valdeluz, de 41 años.",
            "es",
            [("home", "Dario Fenoglio", "Valdeluz")],
        ),
        (
            "Dario Fenoglio ha estado recluido en la cárcel de Pedregal Norte durante seis años.",
            "es",
            [("held", "Dario Fenoglio", "Pedregal Norte")],
        ),
    ],
)
def test_a_place_in_a_clear_slot(text, language, expected):
    assert places_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # no vehicle, or vehicles of two kinds: whose trip it is cannot be told
        ("Hundreds of families fled from Tolsabar to Marena del Sur.", "en"),
        ("A bus carried the survivors from the plane to Marena del Sur.", "en"),
        # a later trip told in the past is perhaps not the story's
        ("A military plane flew the children from Tarsila to Puerto Orden.", "en"),
        # a route named by its two ends runs both ways: no origin, no destination
        ("The plane was on a route between Tolsabar and Marena del Sur.", "en"),
        ("El autobús cubría la ruta Velmora-Santa Brena.", "es"),
        # a vehicle going off the road is no trip's start
        ("El autobús se salió de la vía en el distrito de Santa Brena.", "es"),
        # near the epicentre is not the epicentre; a distance is not a place
        ("In the town of Ouzran, near the epicentre, houses collapsed.", "en"),
        ("The epicenter lay 45 kilometers northwest of the city of Tarsis.", "en"),
        # a country is the story's setting, not a slot's place
        ("The bus was traveling from Guatemala when it crashed.", "en"),
        # where a person works is not where they are from
        ("Dario Fennimore, of Velmora University, said the bridge was old.", "en"),
        ("Dario Fennimore, of the Tarsis Group, said the bridge was old.", "en"),
        # a person's place with no person it is attached to
        ("El obrero era originario de Valdeluz, según su hermano.", "es"),
    ],
)
def test_no_place_without_a_clear_slot_and_subject(text, language):
    assert places_of(text, language) == []


def test_the_quote_holds_the_place_and_its_owner():
    text = "Among the dead was the Larkfield native Dario Fennimore, 41, his family said."
    document = Document("t", "t", "t", text, language="en")
    (claim,) = [c for c in analyse(document)[2] if c.kind == "place"]
    assert claim.quote == text[claim.start : claim.end] == "the Larkfield native Dario Fennimore"


def test_a_larger_place_given_beside_it_is_kept():
    document = Document(
        "t",
        "t",
        "t",
        "Hubo daños graves: el temblor, cuyo epicentro estuvo en el pueblo de Tizelt, provincia "
        "de Orba Alta, derribó la escuela.",
        language="es",
    )
    (claim,) = [c for c in analyse(document)[2] if c.kind == "place"]
    assert claim.value == "Tizelt" and claim.extra["within"] == "Orba Alta"


def claim(document: str, value: str, within: str | None = None, hedge=None) -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": "place",
        "value": value,
        "attribute": "origin (bus)",
        "subject": "",
        "start": 0,
        "end": 5,
        "quote": value,
        "hedge": hedge,
        "extra": {"slot": "origin", **({"within": within} if within else {})},
    }


def judged(*claims: dict):
    members = list(claims)
    return judge_places("s", "", "origin (bus)", members, within_pairs(members))


def test_two_places_for_one_slot_are_a_contradiction():
    found = judged(claim("a", "Tolsabar"), claim("b", "Tolsabar"), claim("c", "Marena"))
    assert found is not None and found.severity == "high" and found.rule == "place-differs"
    assert [v.value for v in found.values] == ["Tolsabar", "Marena"]


def test_a_hedge_on_every_clash_lowers_it():
    found = judged(claim("a", "Tolsabar", hedge="reportedly"), claim("b", "Marena"))
    assert found.severity == "medium"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ciudad de México", "Mexico City"),  # an exonym (place_exonyms)
        ("Santiago de Brena", "Brena"),  # one name holds the other's words
        ("Santiago Brena", "Santiago de Brena"),
        ("Al-Tarsa", "Al Tarsa"),
        ("Tolsábar", "Tolsabar"),
    ],
)
def test_one_place_however_written_is_no_conflict(a, b):
    assert same_place(place_key(a), place_key(b))
    assert judged(claim("a", a), claim("b", b)) is None


def test_a_place_and_the_larger_place_the_story_puts_it_in_agree():
    # "Tizelt, provincia de Orba Alta" in one source: Orba Alta holds Tizelt, and says less
    found = judged(
        claim("a", "Tizelt", within="Orba Alta"), claim("b", "Orba Alta"), claim("c", "Tizelt")
    )
    assert found is None
    found = judged(
        claim("a", "Tizelt", within="Orba Alta"), claim("b", "Orba Alta"), claim("c", "Marzouk")
    )
    assert [v.value for v in found.values] == ["Marzouk", "Tizelt"]


def test_a_document_giving_two_places_is_set_aside():
    assert judged(claim("a", "Tolsabar"), claim("b", "Tolsabar"), claim("b", "Marena")) is None


def test_one_place_misspelt_is_a_low_note():
    found = judged(claim("a", "Araquena"), claim("b", "Araquena"), claim("c", "Arraquena"))
    assert found is not None and found.severity == "low" and found.rule == "place-spelling"
    assert len(found.values) == 2


def test_places_end_to_end(tmp_path):
    db = tmp_path / "p.db"
    a = write(
        tmp_path / "a.txt",
        "A bus overturned on Tuesday. The bus, traveling from Velmora Heights, veered off the "
        "road before dawn, police said.\n",
    )
    b = write(
        tmp_path / "b.txt",
        "Un autobús volcó el martes. El autobús, que había partido de Puerto Tarsis, cayó a un "
        "barranco, según la policía.\n",
    )
    run_cli("ingest", a, b, "--db", db, "--story", "bus")
    report = json.loads(run_cli("conflicts", "--db", db, "-f", "json", "--kind", "place").stdout)
    (conflict,) = report["conflicts"]
    assert conflict["attribute"] == "origin (bus)" and conflict["severity"] == "high"
    assert sorted(v["value"] for v in conflict["values"]) == ["Puerto Tarsis", "Velmora Heights"]


def test_the_kind_is_in_the_one_vocabulary():
    assert "place" in CLAIM_KINDS and "place" in CONFLICT_KINDS


def test_venues_are_compared_only_for_spelling():
    def venue(document: str, value: str) -> dict:
        return {**claim(document, value), "attribute": "venue", "extra": {"slot": "venue"}}

    from reconcile.judge_places import judge_venues

    # two venues of one story are no contradiction
    assert judge_venues("s", "venue", [venue("a", "Casa Lumen"), venue("b", "Teatro Vela")]) is None
    found = judge_venues(
        "s",
        "venue",
        [venue("a", "Casa Lumen"), venue("b", "Casa Lumens"), venue("c", "Lumen")],
    )
    assert found.severity == "low" and [v.value for v in found.values] == [
        "Casa Lumen",
        "Casa Lumens",
    ]


def leg(document: str, slot: str, value: str) -> dict:
    return {
        **claim(document, value),
        "attribute": f"{slot} (aircraft)",
        "extra": {"slot": slot, "trip": "aircraft"},
    }


def test_a_leg_of_the_trip_is_a_waypoint_not_a_second_origin():
    from reconcile.judge_places import waypoints

    # a: flew from Velmora to Tarsis; b: took off from Tarsis for Ostrena. Tarsis is where the
    # second leg began, not a contradiction of the journey's start.
    chained = [
        leg("a", "origin", "Velmora"),
        leg("a", "destination", "Tarsis"),
        leg("b", "origin", "Tarsis"),
        leg("b", "destination", "Ostrena"),
    ]
    assert waypoints(chained) == {("aircraft", "tarsis")}
    origins = [c for c in chained if c["extra"]["slot"] == "origin"]
    legs = waypoints(chained)
    assert judge_places("s", "", "origin (aircraft)", origins, set(), legs) is None


def test_a_reversed_route_or_an_origin_with_no_onward_leg_is_still_judged():
    from reconcile.judge_places import waypoints

    reversed_route = [
        leg("a", "origin", "Velmora"),
        leg("a", "destination", "Tarsis"),
        leg("b", "origin", "Tarsis"),
        leg("b", "destination", "Velmora"),
    ]
    assert waypoints(reversed_route) == set()
    no_onward = [
        leg("a", "origin", "Velmora"),
        leg("a", "destination", "Tarsis"),
        leg("b", "origin", "Tarsis"),
    ]
    assert waypoints(no_onward) == set()
    origins = [c for c in no_onward if c["extra"]["slot"] == "origin"]
    found = judge_places("s", "", "origin (aircraft)", origins, set(), waypoints(no_onward))
    assert found is not None and found.rule == "place-differs"


def test_a_sentence_with_no_trip_person_or_cue_is_not_searched_for_places(monkeypatch):
    """Every place pattern of the shipped lexicons needs one vehicle of one kind, a person of
    its sentence or its slot's cue word: a sentence with none of them is passed over whole,
    and one with a cue still gives its place."""
    from reconcile.extract import places
    from reconcile.lexicon import lexicon
    from reconcile.models import Sentence

    def sentence_of(text: str) -> Sentence:
        return Sentence(0, 0, len(text), text)

    for code, plain, cued, place in (
        (
            "en",
            "The port office in Corvena stayed shut all week.",
            "The epicentre was in Valmora, officials said.",
            "Valmora",
        ),
        (
            "es",
            "La oficina del puerto de Corvena siguió cerrada toda la semana.",
            "El epicentro se localizó en Valmora, informaron las autoridades.",
            "Valmora",
        ),
    ):
        assert places.every_pattern_gated(code)
        lex = lexicon(code)
        searched: list[str] = []
        original = places.patterns

        def spy(language, searched=searched, original=original):
            searched.append(language)
            return original(language)

        monkeypatch.setattr(places, "patterns", spy)
        assert places.place_claims(sentence_of(plain), plain, lex, []) == []
        assert searched == []
        found = places.place_claims(sentence_of(cued), cued, lex, [])
        assert [c.value for c in found] == [place] and searched
        monkeypatch.undo()
