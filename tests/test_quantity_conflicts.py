"""Measured quantities compared (issue 12): a quake's depth, the distance of a named place or
of an epicentre from a named place, a ravine's depth, a trial's length. Only one frame meets
one frame, in one dimension whatever the units; figures agree after conversion and rounding;
a quantity without a clear measured subject is never compared. Every sentence is invented."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, write

from reconcile.ingest import analyse
from reconcile.models import Document
from reconcile.quantity_rules import compatible, judge_quantities


def quantities(text: str, language: str = "en") -> list:
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == "quantity"]


def frame(text: str, language: str = "en") -> tuple[str, bool]:
    (claim,) = [c for c in quantities(text, language) if "conversion_of" not in c.extra]
    return claim.attribute, claim.extra["comparable"]


# --------------------------------------------------------------------------- frames


@pytest.mark.parametrize(
    ("text", "language", "attribute"),
    [
        (
            "The quake had an epicentre 60 kilometres southwest of the city of Dornhaven.",
            "en",
            "length: distance of epicentre from Dornhaven",
        ),
        (
            "El sismo tuvo su epicentro a 71 kilómetros al suroeste de Dornhaven.",
            "es",
            "length: distance of epicentre from Dornhaven",
        ),
        (
            "The hearing was held in the town of Velmar, 220km (137 miles) north of the "
            "capital Ostrena.",
            "en",
            "length: distance of Velmar from capital",
        ),
        (
            "En la ciudad de Velmar (200 kilómetros al norte de la capital) se leyó el fallo.",
            "es",
            "length: distance of Velmar from capital",
        ),
        (
            "Tarsk, a town located about 30 miles east of Ostrena, was cut off.",
            "en",
            "length: distance of Tarsk from Ostrena",
        ),
        ("The tremor struck at a depth of 12 kilometres.", "en", "length: depth of quake"),
        ("El temblor ocurrió a 12 kilómetros de profundidad.", "es", "length: depth of quake"),
        ("The lorry plunged into a 40-metre deep ravine.", "en", "length: depth of ravine"),
        (
            "El camión cayó a un barranco de unos 40 metros de profundidad.",
            "es",
            "length: depth of ravine",
        ),
        ("The three-week trial ended on Friday.", "en", "duration: trial"),
        ("Tras un juicio de tres semanas, el tribunal falló.", "es", "duration: trial"),
        ("The trial lasted four weeks.", "en", "duration: trial"),
        ("El juicio duró dos semanas.", "es", "duration: trial"),
        ("After three weeks of trial, the jury spoke.", "en", "duration: trial"),
        (
            "The quake struck 31 miles (50 km) east of Dornhaven.",
            "en",
            "length: distance of epicentre from Dornhaven",
        ),
        ("Con un hipocentro a solo 9 kilómetros de la superficie.", "es", "length: depth of quake"),
        ("The shaft is 400 feet deep.", "en", "length: depth"),
        (
            "The epicentre was 60 km southwest of Dornhaven.",
            "en",
            "length: distance of epicentre from Dornhaven",
        ),
        (
            "El epicentro estuvo a 45 kilómetros al noroeste de Dornhaven.",
            "es",
            "length: distance of epicentre from Dornhaven",
        ),
    ],
)
def test_a_clear_frame_is_compared(text, language, attribute):
    assert frame(text, language) == (attribute, True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a distance whose measured thing is not named right before it
        ("Smoke was seen 44 miles southwest of Dornhaven.", "en"),
        ("On Friday, 60 km from Dornhaven, a bus overturned.", "en"),
        ("The bus was 20 km from Dornhaven when it overturned.", "en"),
        ("La aldea quedó aislada, a 40 kilómetros al sur de Ostrena.", "es"),
        # a prison term is each convict's own: stored, not compared
        ("The judge gave Lorne Vask 11 years in prison.", "en"),
        ("Ana Ruiz fue condenada a 11 años de prisión.", "es"),
        # a height, a magnitude: no subject the story shares
        ("The wave was 6 metres high.", "en"),
        ("A magnitude 5.9 quake shook the valley.", "en"),
        ("Un sismo de 5,9 de magnitud sacudió el valle.", "es"),
    ],
)
def test_an_unclear_frame_is_not_compared(text, language):
    assert frame(text, language)[1] is False


@pytest.mark.parametrize(
    ("text", "language", "attribute", "compared"),
    [
        (
            "The Tarsk fire was 60 percent contained on Monday.",
            "en",
            "share: containment of Tarsk",
            True,
        ),
        (
            "El incendio de Tarsk está controlado en un 60%.",
            "es",
            "share: containment of Tarsk",
            True,
        ),
        (
            "Crews brought the Tarsk fire to 60% containment.",
            "en",
            "share: containment of Tarsk",
            True,
        ),
        # whose containment? "Two" is only the sentence's first word
        ("Two other fires were 40% contained.", "en", "share: containment", False),
    ],
)
def test_a_percentage_of_progress_is_a_measure_of_its_thing(text, language, attribute, compared):
    (claim,) = quantities(text, language)
    assert (claim.attribute, claim.extra["comparable"], claim.unit) == (attribute, compared, "%")
    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    assert not [c for c in analyse(document)[2] if c.kind == "percent"]  # not a share as well


def test_containment_that_grows_in_later_reports_is_evolving():
    def share(document, low, published):
        found = claim(document, low, 1, "%")
        found.update(published=published, attribute="share: containment of Tarsk")
        found["extra"]["frame"] = "containment of Tarsk"
        return found

    later = judge_quantities(
        "s",
        "share: containment of Tarsk",
        [share("a", 60, "2024-03-10"), share("b", 85, "2024-03-12")],
    )
    assert (later.status, later.severity, later.rule) == ("evolving", "low", "growing-count")
    assert [v.value for v in later.values] == ["60%", "85%"]
    shrinking = judge_quantities(
        "s",
        "share: containment of Tarsk",
        [share("a", 85, "2024-03-10"), share("b", 60, "2024-03-12")],
    )
    assert (shrinking.status, shrinking.severity) == ("contradiction", "high")


def test_a_converted_figure_in_brackets_is_the_same_figure():
    first, second = quantities("The town lies 44 miles (71 kilometres) south of Ostrena.")
    assert second.extra["conversion_of"] == "44"
    assert second.extra["frame"] == first.extra["frame"]
    assert second.extra["comparable"] is False


def test_a_unit_written_against_its_figure():
    (claim,) = quantities("Velmar, 220km north of Ostrena, was flooded.")
    assert (claim.low, claim.unit) == (220, "km")


# --------------------------------------------------------------------------- comparison


def claim(document: str, low: float, base: float, unit: str = "km", qualifier: str = "exact"):
    high = None if qualifier in ("more than", "at least") else low
    spread = 0.1 * low if qualifier == "about" else 0
    return {
        "document": document,
        "document_id": document,
        "start": 0,
        "end": 1,
        "quote": str(low),
        "value": str(low),
        "low": low - spread,
        "high": None if high is None else high + spread,
        "unit": unit,
        "qualifier": qualifier,
        "attribute": "length: depth of quake",
        "extra": {
            "base_low": (low - spread) * base,
            "base_high": float("inf") if high is None else (high + spread) * base,
        },
    }


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (claim("a", 70, 1000, qualifier="about"), claim("b", 43, 1609.344, "mi"), True),
        (claim("a", 44, 1609.344, "mi"), claim("b", 71, 1000), True),
        (claim("a", 10, 1000), claim("b", 18.5, 1000), False),
        (claim("a", 60, 1000), claim("b", 63, 1000), True),  # rounding
        (claim("a", 60, 1000), claim("b", 71, 1000), False),
        (claim("a", 18205, 10000, "ha"), claim("b", 18103, 10000, "ha"), False),  # exact figures
        (claim("a", 1000, 10000, "ha"), claim("b", 1300, 10000, "ha"), False),  # round, not loose
        (claim("a", 1000, 10000, "ha"), claim("b", 1040, 10000, "ha"), True),
        (claim("a", 25, 1, "m", "more than"), claim("b", 20, 1, "m"), False),
        (claim("a", 30, 0.3048, "ft", "more than"), claim("b", 20, 1, "m"), True),
    ],
)
def test_figures_agree_after_conversion_and_rounding(a, b, agree):
    assert compatible(a, b) is agree


def test_a_document_torn_between_two_figures_is_set_aside():
    members = [claim("a", 60, 1000), claim("a", 71, 1000), claim("b", 71, 1000)]
    assert judge_quantities("s", "length: depth", members) is None


def test_values_are_shown_in_the_unit_most_sources_use():
    members = [claim("a", 20, 1, "m"), claim("b", 20, 1, "m"), claim("c", 100, 0.3048, "ft")]
    conflict = judge_quantities("s", "length: depth", members)
    shown = {v.value: (v.low, v.high) for v in conflict.values}
    assert shown == {"20 m": (20, 20), "30.5 m (100 ft)": (30.5, 30.5)}
    assert conflict.kind == "quantity" and conflict.severity == "high"


# --------------------------------------------------------------------------- end to end

ARTICLES = {
    "a.md": """---
title: Quake shakes Dornhaven
outlet: North Wire
published: 2024-04-02
story: dornhaven quake
---

A strong earthquake shook Dornhaven on Monday. The quake had an epicentre 60 kilometres
southwest of the city of Dornhaven and struck at a depth of 10 kilometres, the observatory said.
""",
    "b.md": """---
title: Terremoto en Dornhaven
outlet: Diario Sur
published: 2024-04-02
story: dornhaven quake
---

Dornhaven tembló el lunes. El epicentro quedó 71 kilómetros al suroeste de Dornhaven, y el foco
del temblor, 18,5 kilómetros bajo tierra, según los sismólogos.
""",
    "c.md": """---
title: Dornhaven counts the damage
outlet: Coast Post
published: 2024-04-03
story: dornhaven quake
---

The quake, whose epicentre lay 44 miles (71 km) southwest of Dornhaven, struck 10 km
deep. Velk, a village located 12 miles from Dornhaven, lost its school.
""",
}


def test_quantity_conflicts_end_to_end(tmp_path):
    for name, text in ARTICLES.items():
        write(tmp_path / "in" / name, text)
    db = tmp_path / "q.db"
    assert run_cli("ingest", tmp_path / "in", "--db", db, "-q").exit_code == 0
    result = run_cli("conflicts", "--db", db, "--kind", "quantity", "-f", "json")
    conflicts = {c["attribute"]: c for c in json.loads(result.stdout)["conflicts"]}
    depth = conflicts["length: depth of quake"]
    assert {v["value"] for v in depth["values"]} == {"10 km", "18.5 km"}
    assert depth["kind"] == "quantity" and depth["rule"] == "quantity-intervals"
    distance = conflicts["length: distance of epicentre from Dornhaven"]
    # 44 miles sides with 71 (its conversion in brackets is not counted twice), and is shown
    # in kilometres as its source converted it: 71, not 70.8
    assert [v["value"] for v in distance["values"]] == ["60 km", "71 km", "71 km (44 mi)"]
    assert distance["explanation"].startswith("Sources disagree on distance of epicentre from")
    # Velk's distance is its own frame, and alone: no conflict
    assert not any("Velk" in a for a in conflicts)


DRAFT = """---
title: Draft on the Dornhaven quake
published: 2024-04-05
story: dornhaven quake
---

The quake had its epicentre 75 kilometres southwest of the city of Dornhaven and struck at a
depth of 6 miles, the observatory said.
"""


def test_check_judges_a_drafts_quantities_as_conflicts_would(tmp_path):
    write(tmp_path / "in" / "a.md", ARTICLES["a.md"])
    write(tmp_path / "draft.md", DRAFT)
    db = tmp_path / "q.db"
    assert run_cli("ingest", tmp_path / "in", "--db", db, "-q").exit_code == 0
    result = run_cli("check", tmp_path / "draft.md", "--db", db, "-f", "json")
    assert result.exit_code == 1
    findings = {f["attribute"]: f for f in json.loads(result.stdout)["findings"]}
    distance = findings["length: distance of epicentre from Dornhaven"]
    assert (distance["status"], distance["severity"]) == ("contradiction", "high")
    assert distance["rule"] == "quantity-intervals"
    assert "60 km" in distance["explanation"]
    assert "length: depth of quake" not in findings  # 6 miles is 9.7 km: backed by 10 km
    # the draft ingested as one more source: the same clash, and nothing on the depth
    write(tmp_path / "in" / "draft.md", DRAFT)
    assert run_cli("ingest", tmp_path / "in", "--db", db, "-q").exit_code == 0
    result = run_cli("conflicts", "--db", db, "-f", "json")
    attributes = [c["attribute"] for c in json.loads(result.stdout)["conflicts"]]
    assert attributes == ["length: distance of epicentre from Dornhaven"]


# --------------------------------------------------------------------------- area burned


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The blaze near Tarsk has burned 4,200 hectares since Sunday.", "en"),
        ("Some 4,200 hectares were scorched by the Tarsk fire.", "en"),
        ("El incendio de Tarsk ha calcinado 4.200 hectáreas desde el domingo.", "es"),
        ("Ya hay 4.200 hectáreas quemadas por el fuego de Tarsk.", "es"),
    ],
)
def test_the_land_a_fire_burnt_is_a_compared_frame(text, language):
    assert frame(text, language) == ("area: area burned", True)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The farm covers 4,200 hectares of wheat.", "en"),
        ("La finca tiene 4.200 hectáreas de trigo.", "es"),
    ],
)
def test_an_area_with_no_fire_verb_is_stored_but_not_compared(text, language):
    attribute, comparable = frame(text, language)
    assert not comparable


def test_a_larger_area_burned_in_a_later_report_is_growth_not_contradiction(tmp_path):
    db = tmp_path / "r.db"
    write(
        tmp_path / "a.md",
        "---\npublished: 2024-07-01\n---\n"
        "The Tarsk wildfire has burned 1,200 hectares, firefighters said.\n",
    )
    write(
        tmp_path / "b.md",
        "---\npublished: 2024-07-03\n---\n"
        "The Tarsk wildfire has burned 3,900 hectares, firefighters said.\n",
    )
    run_cli("ingest", str(tmp_path / "a.md"), str(tmp_path / "b.md"), "--db", str(db), "-q")
    result = run_cli("conflicts", "--db", str(db), "--format", "json", "--kind", "quantity")
    (conflict,) = json.loads(result.stdout)["conflicts"]
    assert conflict["severity"] == "low"
