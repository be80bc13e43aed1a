"""One conflict, one fact, on shapes the development articles lack: figures that name the same
number, a figure of a spread after "in", escapes beside those still at large, orders and lists
beside arrests, another case told in passing, a day among several, a toll beside an aside, those
involved in an operation beside those implicated in a case, the end of an overnight hearing.
Each shape is tried alone, then in small invented stories told by several outlets, English and
Spanish, each with one true contradiction that must still be found. Invented sentences."""

from __future__ import annotations

import json

from conftest import by_value, counts, figure, key, run_cli, write

from reconcile import store
from reconcile.ingest import analyse, ingest
from reconcile.judge import judge_numbers
from reconcile.models import Document
from reconcile.pipeline import reconcile


def comparable(claim) -> bool:
    return claim.extra.get("comparable", False) and not (claim.extra.get("frame") or {}).get(
        "unclear"
    )


def one(text: str, language: str, low: float):
    return by_value(counts(text, language), low)


# ---------------------------------------------------------------- one figure, three wordings


def test_approximately_a_figure_and_the_figure_are_one_fact():
    claims = [
        figure(67.5, 82.5, "about", "a"),  # "approximately 75"
        figure(75, document="b"),
        figure(75, None, "more than", "c"),
    ]
    assert judge_numbers("s", "count", "", "raids", claims, True) is None


def test_an_approximate_figure_beside_another_is_still_a_note():
    claims = [figure(67.5, 82.5, "about", "a"), figure(71, document="b")]
    soft = judge_numbers("s", "count", "", "raids", claims, True)
    assert soft is not None and soft.status == "soft"


# ---------------------------------------------------------------- a spread after "in"


def test_a_qualified_figure_after_in_is_the_spread_not_a_sub_group():
    for text, language in [
        ("Police arrested 31 people on Monday in more than 75 raids, officials said.", "en"),
        ("Police detained 31 people in about 40 searches.", "en"),
        ("La policía detuvo a 31 personas el lunes en más de 75 allanamientos.", "es"),
    ]:
        claim = one(text, language, 31)
        assert claim.attribute == "people arrested", text
        assert comparable(claim), text


# ---------------------------------------------------------------- an escape, and those at large


def test_those_who_escaped_are_not_those_still_at_large():
    for text, language, low in [
        ("Thirty inmates escaped from the Tarvik jail on Sunday.", "en", 30),
        ("Five suspects fled during the operation.", "en", 5),
        ("Treinta reos se fugaron de la cárcel de Tarvik.", "es", 30),
        ("Cinco sospechosos huyeron durante el operativo.", "es", 5),
    ]:
        assert one(text, language, low).attribute.endswith(" escaped"), text
    for text, language, low in [
        ("Eleven suspects are still on the run.", "en", 11),
        ("Once sospechosos siguen prófugos.", "es", 11),
    ]:
        assert one(text, language, low).attribute == "people at large", text
    escaped = one("Five suspects fled during the operation.", "en", 5)
    free = one("Eleven suspects are still on the run.", "en", 11)
    assert key(escaped) != key(free)


def test_evading_arrest_is_being_at_large():
    claim = one("The leak helped seven individuals in escaping detention.", "en", 7)
    assert claim.attribute == "people at large"


# ---------------------------------------------------------------- orders, lists, conditions


def test_an_order_a_request_or_a_list_is_not_an_arrest():
    held = one("Police arrested 29 people in the raids.", "en", 29)
    for text, language in [
        ("Prosecutors sought the arrest of 40 people.", "en"),
        ("Arrest orders were issued for 40 people.", "en"),
        ("The arrest list named 40 suspects.", "en"),
        ("The judge ordered the arrest of 40 people.", "en"),
        ("La fiscalía pidió la detención de 40 personas.", "es"),
        ("Se ordenó la captura de 40 personas.", "es"),
    ]:
        wanted = one(text, language, 40)
        assert wanted.attribute == "people wanted", text
        assert key(wanted) != key(held), text


def test_released_under_measures_is_not_released():
    for text, language in [
        ("Seven were released with alternative measures.", "en"),
        ("Siete quedaron libres con medidas cautelares.", "es"),
    ]:
        assert one(text, language, 7).attribute == "people released under conditions", text


def test_those_accounted_for_are_not_the_missing():
    claims = counts("Thirty-one workers have been accounted for, and nine remain unaccounted for.")
    assert by_value(claims, 31).attribute == "people accounted for"
    assert by_value(claims, 9).attribute == "people missing"
    assert key(by_value(claims, 31)) != key(by_value(claims, 9))


# ---------------------------------------------------------------- another case, one day of several


def test_a_count_of_another_case_is_not_compared():
    for text, language in [
        ("In a separate case, police arrested four suspects for fraud in Tarsk.", "en"),
        ("Police also arrested four people linked to an unrelated robbery.", "en"),
        ("En otro caso, la policía detuvo a cuatro sospechosos por estafa.", "es"),
    ]:
        claim = one(text, language, 4)
        assert claim.attribute == "people arrested", text
        assert not comparable(claim), text
    assert comparable(one("Police arrested four suspects for fraud in Tarsk.", "en", 4))


def test_a_figure_of_one_day_among_several_is_not_the_running_count():
    for text, language in [
        ("On the first day, rescuers recovered six bodies from the river.", "en"),
        ("Los rescatistas recuperaron el primer día seis cuerpos del río.", "es"),
    ]:
        claims = counts(text, language)
        assert all(not comparable(c) for c in claims), text
    assert comparable(one("Rescuers have recovered 12 bodies so far.", "en", 12))


# ---------------------------------------------------------------- a toll beside an aside


def test_an_event_in_an_aside_is_not_the_tolls():
    for text, language in [
        ("The death toll, which also left dozens injured, rose to 12.", "en"),
        ("La cifra de muertos, que también dejó decenas de heridos, subió a 12.", "es"),
    ]:
        assert one(text, language, 12).attribute == "people killed", text


def test_one_figure_of_the_dead_and_the_injured_together_is_neither():
    for text, language in [
        ("The number of dead and injured rose to 38.", "en"),
        ("El número de muertos y heridos subió a 38.", "es"),
    ]:
        claims = [c for c in counts(text, language) if c.low == 38]
        assert all(not comparable(c) for c in claims), text
    assert one("The number of dead rose to 12.", "en", 12).attribute == "people killed"
    assert one("El número de muertos subió a 12.", "es", 12).attribute == "people killed"


# ---------------------------------------------------------------- involved in what


def test_those_involved_in_an_operation_are_not_those_implicated():
    deployed = one("The operation involved more than 900 people.", "en", 900)
    assert deployed.attribute == "people deployed"
    spanish = one("En el operativo estuvieron involucradas más de 900 personas.", "es", 900)
    assert spanish.attribute == "people deployed"
    implicated = one("The case involves 52 people.", "en", 52)
    assert implicated.attribute == "people involved"
    assert key(deployed) != key(implicated)


# ---------------------------------------------------------------- the end of an overnight event


def dates(text: str, language: str = "en") -> list:
    document = Document("t", "t", "t", text, published="2024-04-12", language=language)
    return [c for c in analyse(document)[2] if c.kind == "date"]


def test_the_day_an_event_ended_is_not_its_date():
    for text, language in [
        ("The hearing, which ended on Thursday, April 11, 2024, was the longest yet.", "en"),
        ("La audiencia, que terminó el jueves 11 de abril de 2024, fue la más larga.", "es"),
    ]:
        (claim,) = dates(text, language)
        assert claim.attribute != "date of hearing", text
    (started,) = dates("The hearing took place on April 10, 2024.")
    assert started.attribute == "date of hearing"


# ---------------------------------------------------------------- whole stories

#: Invented stories, each told by three outlets: every shape above beside one true
#: contradiction (the arrests, the toll, the day of the hearing).
STORIES = {
    "raid/r1.md": """---
title: Police raid dismantles Corvane network
outlet: Tarsk Herald
published: 2024-05-14
story: corvane raid/2024
---

Police arrested 29 people on Monday in 75 raids across four provinces, dismantling the Corvane smuggling network.

The detainees included eight judges, prosecutors said.

Prosecutors had drawn up an arrest list of 40 people, and 11 remain wanted.

Five suspects escaped during the operation.

Network leader Anselm Brodec was captured in 2017 alongside 12 others in a similar case.

More than 900 officers were deployed in the operation.
""",
    "raid/r2.md": """---
title: Corvane network hit by raids
outlet: Valmora Daily
published: 2024-05-14
story: corvane raid/2024
---

Police arrested 31 people on Monday in more than 75 raids, officials said.

Brodec and 28 others were taken to the capital.

A judge ordered preventive detention for 22 of the detainees, and seven were released under conditions.

In a separate case, police arrested four suspects for fraud in Tarsk.

The case involves 52 people.
""",
    "raid/r3.md": """---
title: Corvane trial looms
outlet: Ostrena Post
published: 2024-05-15
story: corvane raid/2024
---

Approximately 75 raids were carried out on Monday, and 29 people were arrested.

Fifteen of the 31 detainees are public officials; the other 16 are lawyers.

Prosecutors will charge 52 defendants, officials said.

Brodec plus 29 more now face trial.

The operation involved more than 900 people.

Eleven suspects remain at large.
""",
    "redada/e1.md": """---
title: Redada contra la red Corvane
outlet: Diario de Tarsis
published: 2024-05-14
language: es
story: redada corvane/2024
---

La policía detuvo a 29 personas el lunes en 75 allanamientos en cuatro provincias.

Entre los detenidos hay ocho jueces, según la fiscalía.

La fiscalía tenía una lista de 40 personas buscadas, y 11 siguen prófugas.

Cinco sospechosos se fugaron durante el operativo.

El cabecilla Anselmo Brodec fue capturado en 2017 junto a otras 12 personas.

Más de 900 agentes participaron en el operativo.
""",
    "redada/e2.md": """---
title: Golpe a la red Corvane
outlet: El Heraldo de Valmora
published: 2024-05-14
language: es
story: redada corvane/2024
---

La policía detuvo a 31 personas el lunes en más de 75 allanamientos.

Brodec y otros 28 fueron trasladados a la capital.

Un juez dictó prisión preventiva para 22 de los detenidos, y siete quedaron en libertad con medidas cautelares.

En otro caso, la policía detuvo a cuatro sospechosos por estafa en Tarsis.

En la trama están involucradas 52 personas.
""",
    "redada/e3.md": """---
title: Juicio a la red Corvane
outlet: La Voz de Ostrena
published: 2024-05-15
language: es
story: redada corvane/2024
---

Se realizaron aproximadamente 75 allanamientos el lunes, y 29 personas fueron detenidas.

Quince de los 31 detenidos son funcionarios; los otros 16 son abogados.

La fiscalía acusará a 52 procesados.

Brodec más otros 29 enfrentan juicio.

En el operativo estuvieron involucradas más de 900 personas.

Once sospechosos siguen prófugos.
""",
    "collapse/c1.md": """---
title: Bridge collapse in Lirena kills 12
outlet: Lirena Times
published: 2024-06-03
story: lirena bridge/2024
---

Twelve people were killed when the Lirena bridge collapsed on Sunday, officials said.

Forty workers were on the structure when it fell.

On the first day, rescuers recovered six bodies from the river.

Twenty people fell into the water, and 14 were rescued.
""",
    "collapse/c2.md": """---
title: Lirena bridge toll
outlet: Southern Wire
published: 2024-06-03
story: lirena bridge/2024
---

The collapse of the Lirena bridge on Sunday killed 15 people, the mayor said.

Thirty-one workers have been accounted for, and nine remain unaccounted for.

The death toll stands at 15, and 23 people were injured.

The number of dead and injured rose to 38.
""",
    "collapse/c3.md": """---
title: Search continues in Lirena
outlet: Coastal Courier
published: 2024-06-03
story: lirena bridge/2024
---

Rescuers recovered eight bodies on Sunday after the bridge collapse in Lirena.

The collapse killed 12 people and injured 23, officials said.

Rescuers have recovered 12 bodies so far.

The death toll, which also left dozens injured, rose to 12.
""",
    "derrumbe/d1.md": """---
title: Derrumbe de un puente en Lirena
outlet: El Diario de Lirena
published: 2024-06-03
language: es
story: puente lirena/2024
---

Doce personas murieron el domingo al derrumbarse el puente de Lirena.

Cuarenta obreros trabajaban en la estructura cuando cayó.

El primer día, los rescatistas recuperaron seis cuerpos del río.

Veinte personas cayeron al agua y 14 fueron rescatadas.
""",
    "derrumbe/d2.md": """---
title: Balance del derrumbe en Lirena
outlet: Noticias del Sur
published: 2024-06-03
language: es
story: puente lirena/2024
---

El derrumbe del puente de Lirena el domingo dejó 15 muertos, dijo el alcalde.

Treinta y un obreros han sido localizados y nueve siguen sin ser localizados.

La cifra de muertos es de 15 y hay 23 heridos.

El primer día, los rescatistas recuperaron seis cuerpos del río.

El número de muertos y heridos subió a 38.
""",
    "derrumbe/d3.md": """---
title: Sigue la búsqueda en Lirena
outlet: Crónica Costera
published: 2024-06-03
language: es
story: puente lirena/2024
---

Los rescatistas recuperaron ocho cuerpos el domingo tras el derrumbe del puente en Lirena.

El derrumbe dejó 12 muertos y 23 heridos, según las autoridades.

Los rescatistas han recuperado 12 cuerpos hasta ahora.

La cifra de muertos, que también dejó decenas de heridos, subió a 12.
""",
    "hearing/t1.md": """---
title: Marlow hearing
outlet: Tarsk Herald
published: 2024-04-12
story: marlow hearing/2024
---

The hearing began on Wednesday, April 10, 2024, and ran overnight until Thursday, April 11.

Marlow, who was arrested on a Friday, appeared at the hearing on April 10, 2024.

The hearing lasted 14 hours.
""",
    "hearing/t2.md": """---
title: Marlow case
outlet: Valmora Daily
published: 2024-04-12
story: marlow hearing/2024
---

The hearing, which ended on Thursday, April 11, 2024, was the longest in the court's history.

Marlow, 41, who was arrested on a Friday, appeared at the hearing.
""",
    "hearing/t3.md": """---
title: Marlow case background
outlet: Ostrena Post
published: 2024-04-13
story: marlow hearing/2024
---

The hearing took place on April 9, 2024, prosecutors said.

"Marlow hearing ends". Tarsk Herald. April 11, 2024. Retrieved April 13, 2024.

Marlow was arrested on Friday and appeared at the hearing.
""",
}


#: The one fact each story's sources really disagree on, with the values they give.
EXPECTED = {
    ("corvane raid/2024", "people arrested"): {"29", "31"},
    ("redada corvane/2024", "people arrested"): {"29", "31"},
    ("lirena bridge/2024", "people killed"): {"12", "15"},
    ("puente lirena/2024", "people killed"): {"12", "15"},
    ("marlow hearing/2024", "date of hearing"): {"Tuesday 9 April 2024", "Wednesday 10 April 2024"},
}


def test_each_story_reports_its_one_contradiction_and_nothing_mixed(tmp_path):
    for name, text in STORIES.items():
        write(tmp_path / "stories" / name, text)
    path = tmp_path / "stories.db"
    db = store.connect(path)
    ingest(db, [str(tmp_path / "stories")], jobs=1)
    reconcile(db)
    db.conn.close()
    result = run_cli("conflicts", "--db", path, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    found = {
        (c["story"], c["attribute"]): {v["value"] for v in c["values"]}
        for c in json.loads(result.stdout)["conflicts"]
    }
    assert found == EXPECTED
