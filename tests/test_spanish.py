"""Issue 8: Spanish-language sources, reconciled with English ones.

The articles under tests/data/es/ are invented: `cordillera/` tells one event in Spanish and in
English with the same facts (the claims must agree key for key); `marea_negra/` is a story with
two Spanish first reports and an English rewrite, with 29 vs 31 people arrested and Wilmer vs
Wilmar planted in it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml
from conftest import DATA, run_cli, write

from reconcile import store
from reconcile.dates import PartialDate, find_dates
from reconcile.ingest import analyse, ingest
from reconcile.language import detect_language
from reconcile.lexicon import LANG_DIR, available_languages
from reconcile.load import load_path
from reconcile.models import Document
from reconcile.numbers import find_numbers
from reconcile.pipeline import reconcile
from reconcile.resolve import same_person
from reconcile.segment import segment

ES = DATA / "es"
INF = math.inf


def claims_of(text: str, published: str = "2023-12-15", language: str = "es"):
    """The claims of one short Spanish text, as the ingest job extracts them (a sentence is too
    short to tell its language by)."""
    document = Document("t", "t", "t", text, published=published, language=language)
    return analyse(document)[2]


def one(claims, kind: str, **expected):
    hits = [
        c for c in claims if c.kind == kind and all(getattr(c, k) == v for k, v in expected.items())
    ]
    assert len(hits) == 1, f"{kind} {expected}: {[(c.quote, c.attribute) for c in claims]}"
    return hits[0]


def file_claims(path: Path):
    (document,) = load_path(str(path), {}, 10**7)
    document, _, claims = analyse(document)
    return document, claims


@pytest.fixture(scope="module")
def marea_negra(tmp_path_factory):
    """The bilingual story ingested and reconciled: (conflicts as JSON, the database path)."""
    path = tmp_path_factory.mktemp("es") / "marea.db"
    db = store.connect(path)
    ingest(db, [str(ES / "marea_negra")], jobs=1)
    reconcile(db)
    db.conn.close()
    result = run_cli("conflicts", "--db", path, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["conflicts"], path


# --------------------------------------------------------------------------- language


def test_language_is_detected_per_document():
    spanish = (
        "Al menos 29 personas fueron detenidas en el operativo de la Fiscalía, según la Policía."
    )
    english = "At least 29 people were arrested in the raids, according to the police."
    assert detect_language(spanish) == "es"
    assert detect_language(english) == "en"


def test_declared_language_wins():
    spanish = "Al menos 29 personas fueron detenidas en el operativo de la Fiscalía."
    assert detect_language(spanish, "en") == "en"
    assert detect_language("At least 29 people were arrested.", "es-EC") == "es"


def test_ingested_documents_carry_their_language(marea_negra):
    _, path = marea_negra
    result = run_cli("sources", "--db", path, "--format", "json")
    languages = {d["name"]: d["language"] for d in json.loads(result.stdout)["documents"]}
    # the Spanish files declare nothing; the English one declares "en" in the manifest
    assert languages == {"el_litoral": "es", "costa_sur": "es", "coastal_herald": "en"}


def test_spanish_bylines_captions_and_comments_are_not_the_article():
    text = (
        "Título de la nota\n\nPor Juan Pérez Andrade\n\n"
        "Por su parte, la Fiscalía detuvo a 12 personas.\n\n"
        "Foto: Policía Nacional\n\nLea también: otra nota\n\nComentarios\n\nMuy buena nota."
    )
    roles = [(s.role, s.text[:12]) for s in segment(text, "es")]
    assert roles == [
        ("heading", "Título de la"),
        ("byline", "Por Juan Pér"),
        ("body", "Por su parte"),
        ("caption", "Foto: Policí"),
        ("caption", "Lea también:"),
        ("comment", "Comentarios"),
        ("comment", "Muy buena no"),
    ]


# --------------------------------------------------------------------------- lexicon files


def lexicon_keys(code: str) -> dict[str, dict]:
    data: dict[str, dict] = {}
    for path in sorted((LANG_DIR / code).glob("*.yaml")):
        data[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data


@pytest.mark.parametrize("code", [c for c in available_languages() if c != "en"])
def test_a_language_folder_has_every_list_english_has(code):
    english, other = lexicon_keys("en"), lexicon_keys(code)
    assert set(english) <= set(other), "a language has the same files as English"
    for name, lists in english.items():
        missing = set(lists) - set(other[name])
        assert not missing, f"{code}/{name}.yaml lacks {sorted(missing)}"


@pytest.mark.parametrize("code", [c for c in available_languages() if c != "en"])
def test_measures_map_to_the_english_keys(code):
    """Attribute keys are language-independent: a Spanish count lands in the English block."""
    english, other = lexicon_keys("en")["measures"], lexicon_keys(code)["measures"]
    for section in ("groups", "things", "events", "date_events"):
        assert set(other[section]) <= set(english[section]), section
    people_keys = {f"people {event}" for event in english["events"]}
    assert set(other["event_nouns"].values()) <= people_keys | set(english["event_nouns"].values())
    assert set(other["growing"]) == set(english["growing"])
    assert set(other["personal_events"]) == set(english["personal_events"])


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("15.000 policías", 15000, 15000, "exact"),
        ("veintinueve detenidos", 29, 29, "exact"),
        ("veintiún detenidos", 21, 21, "exact"),
        ("veintidos detenidos", 22, 22, "exact"),  # without its accent
        ("treinta y un detenidos", 31, 31, "exact"),
        ("ocho o nueve prófugos", 8, 9, "range"),
        ("entre 8 y 10 jueces", 8, 10, "range"),
        ("entre ocho y diez jueces", 8, 10, "range"),
        ("una treintena de detenidos", 27, 33, "about"),
        ("un centenar de detenidos", 90, 110, "about"),
        ("medio centenar de detenidos", 45, 55, "about"),
        ("más de un centenar de detenidos", 100, INF, "more than"),
        ("al menos 29 detenidos", 29, INF, "at least"),
        ("por lo menos 29 detenidos", 29, INF, "at least"),
        ("más de 900 policías", 900, INF, "more than"),
        ("cerca de 30 detenidos", 27, 33, "about"),
        ("alrededor de 30 detenidos", 27, 33, "about"),
        ("unos 30 detenidos", 27, 33, "about"),
        ("casi 30 detenidos", 27, 30, "almost"),
        ("hasta 30 detenidos", 0, 30, "at most"),
        ("menos de 30 detenidos", 0, 30, "fewer than"),
        ("unos 12 000 vecinos", 10800, 13200, "about"),  # thousands set apart by a space
        ("ciudad de 780\u00a0000 habitantes", 780000, 780000, "exact"),
        ("1 250 000 euros", 1250000, 1250000, "exact"),
    ],
)
def test_spanish_numbers(text, low, high, qualifier):
    (number,) = find_numbers(text, "es")
    assert (number.low, number.high, number.qualifier) == pytest.approx((low, high, qualifier))


def test_a_space_between_two_figures_is_not_a_thousands_separator():
    assert [n.low for n in find_numbers("El 5 de mayo 300 vecinos y en 2021 150 más.", "es")] == [
        5,
        300,
        2021,
        150,
    ]


def test_spanish_money_and_percent():
    money, percent = find_numbers(
        "Se hallaron US$ 7 millones y el 80 por ciento de los votos.", "es"
    )
    assert (money.low, money.unit, money.text) == (7_000_000, "USD", "US$ 7 millones")
    assert (percent.low, percent.unit) == (80, "%")


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("text", "quote", "attribute"),
    [
        ("Al menos 29 detenidos dejó el operativo.", "Al menos 29 detenidos", "people arrested"),
        ("Fueron detenidas 29 personas en el operativo.", "29 personas", "people arrested"),
        ("En el operativo, 29 personas fueron detenidas.", "29 personas", "people arrested"),
        ("La Policía informó de 29 detenciones.", "29 detenciones", "people arrested"),
        ("Hubo 29 aprehendidos en la madrugada.", "29 aprehendidos", "people arrested"),
        ("Fiscalía detiene a 29 personas en el caso Cordillera", "29 personas", "people arrested"),
        ("Fueron capturados 29 sospechosos.", "29 sospechosos", "people arrested"),
        ("La Policía capturó a 29 integrantes de la banda.", "29 integrantes", "people arrested"),
        ("Entre los detenidos hay ocho jueces.", "ocho jueces", "judges arrested"),
        ("Ocho juezas fueron detenidas.", "Ocho juezas", "judges arrested"),
        ("Se realizaron 75 allanamientos.", "75 allanamientos", "raids"),
        ("Los operativos se hicieron en siete provincias.", "siete provincias", "provinces"),
        ("El caso tiene 52 procesados.", "52 procesados", "people prosecuted"),
        ("Ocho sospechosos siguen prófugos.", "Ocho sospechosos", "people at large"),
        ("Fueron detenidos 29 policias.", "29 policias", "police officers arrested"),  # no accent
    ],
)
def test_spanish_counts_land_on_the_english_keys(text, quote, attribute):
    claim = one(claims_of(text), "count", quote=quote)
    assert claim.attribute == attribute


def test_a_prison_term_is_neither_a_count_nor_an_age():
    claims = claims_of("Pedro Loor fue condenado a una pena de 12 años de prisión.")
    assert not [c for c in claims if c.kind in ("count", "age")]


# --------------------------------------------------------------------------- ages


@pytest.mark.parametrize(
    ("text", "quote", "age", "subject"),
    [
        ("Pedro Loor, de 34 años, fue detenido.", "de 34 años", 34, "Pedro Loor"),
        ("Pedro Loor tenía 36 años.", "tenía 36 años", 36, "Pedro Loor"),
        ("Pedro Loor murió a los 36 años.", "a los 36 años", 36, "Pedro Loor"),
        ("Julia Andrade, quien tenía 41 años, murió.", "tenía 41 años", 41, "Julia Andrade"),
        (
            "Ramiro Castillo, de treinta y cuatro años, fue detenido.",
            "de treinta y cuatro años",
            34,
            "Ramiro Castillo",
        ),
    ],
)
def test_spanish_ages(text, quote, age, subject):
    claim = one(claims_of(text), "age", quote=quote)
    assert (claim.low, claim.subject) == (age, subject)


def test_born_years_ago():
    claim = one(claims_of("Pedro Loor nació hace 36 años en Puerto Aldana."), "age")
    assert claim.low == 36 and claim.extra == {"born_years_ago": True}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "reference", "iso", "weekday"),
    [
        ("el jueves 14 de diciembre de 2023", None, "2023-12-14", 3),
        ("el pasado 14 de diciembre", "2024-01-05", "2023-12-14", None),
        ("en octubre de 2022", None, "2022-10", None),
        ("en octubre del 2022", None, "2022-10", None),
        ("el pasado mayo", "2023-12-15", "2023-05", None),
        ("el pasado mayo", "2024-03-01", "2023-05", None),
        ("en mayo pasado", "2024-03-01", "2023-05", None),
        ("el lunes pasado", "2024-05-09", "2024-05-06", 0),
        ("el 1 de setiembre de 2023", None, "2023-09-01", None),
    ],
)
def test_spanish_dates(text, reference, iso, weekday):
    (mention,) = find_dates(text, "es", PartialDate.parse(reference))
    assert (mention.iso, mention.weekday) == (iso, weekday)


def test_a_weekday_needs_a_date_context():
    assert not find_dates("en Santo Domingo", "es", PartialDate.parse("2024-05-09"))
    (night,) = find_dates("jueves por la noche", "es", PartialDate.parse("2024-05-10"))
    assert night.iso == "2024-05-09"


# --------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Lo confirmó el presidente del Consejo de la Judicatura, Wilson Ortega.",
            "Wilson Ortega",
            "el presidente del Consejo de la Judicatura",
        ),
        (
            "El fiscal general Rodrigo Espinel habló con la prensa.",
            "Rodrigo Espinel",
            "El fiscal general",
        ),
        ("Ayer declaró la fiscal Verónica Paredes.", "Verónica Paredes", "la fiscal"),
        (
            "Hernán Celi, presidente del Consejo de la Judicatura, fue detenido.",
            "Hernán Celi",
            "presidente del Consejo de la Judicatura",
        ),
    ],
)
def test_spanish_titles(text, name, role):
    claims = claims_of(text)
    one(claims, "person", value=name)
    one(claims, "role", subject=name, value=role)


def test_spanish_aliases():
    claims = claims_of(
        "Édgar Patricio Landázuri Mera, más conocido como Patricio Landázuri, fue capturado. "
        "A su socio lo llamaban alias ‘el Tiburón’, contó Landázuri."
    )
    one(claims, "person", value="Patricio Landázuri")
    aliases = {c.value for c in claims if c.kind == "alias"}
    assert aliases == {"Patricio Landázuri"}


def test_a_month_name_is_a_given_name_in_spanish():
    claims = claims_of("El cabecilla, Julio Cárdenas, fue detenido en abril.")
    one(claims, "person", value="Julio Cárdenas")


def test_two_surnames_name_one_person():
    assert same_person("Verónica Paredes", "Verónica Paredes Lozada")
    assert not same_person("Verónica Paredes", "Mayra Paredes")
    assert same_person("Wilmán Terán", "William Terán")
    assert same_person("Wilmer Arboleda Cuesta", "Wilmar Arboleda")
    # only the stated alias ties a legal name to the name the press uses
    assert not same_person("Édgar Patricio Landázuri Mera", "Patricio Landázuri")


# --------------------------------------------------------------------------- one event, two languages


def comparable(claims):
    return {
        (c.kind, c.attribute, c.low, c.high, c.qualifier, c.date, c.weekday)
        for c in claims
        if c.kind in ("count", "age", "date")
    }


def test_spanish_and_english_reports_give_the_same_claims():
    spanish, es_claims = file_claims(ES / "cordillera" / "operativo_cordillera.txt")
    english, en_claims = file_claims(ES / "cordillera" / "operation_cordillera.txt")
    assert (spanish.language, english.language) == ("es", "en")
    expected = {
        ("count", "people arrested", 29, INF, "at least", None, None),
        ("count", "provinces", 7, 7, "exact", None, None),
        ("age", "age", 34, 34, "exact", "2023-12-15", None),
        ("date", "date of raids", None, None, "exact", "2023-12-14", "Thursday"),
    }
    assert comparable(es_claims) == comparable(en_claims) == expected
    (es_age,) = [c for c in es_claims if c.kind == "age"]
    (en_age,) = [c for c in en_claims if c.kind == "age"]
    assert (es_age.quote, es_age.subject) == ("tenía 34 años", "Julio Cárdenas Villalba")
    assert (en_age.quote, en_age.subject) == ("34 years old", "Julio Cárdenas")
    roles = {(c.subject, c.value) for c in es_claims + en_claims if c.kind == "role"}
    assert {
        ("Rodrigo Espinel Mora", "El fiscal general subrogante"),
        ("Rodrigo Espinel", "Acting Attorney General"),
    } <= roles


def test_29_vs_31_across_languages_is_one_conflict(marea_negra):
    conflicts, _ = marea_negra
    (conflict,) = [c for c in conflicts if c["attribute"] == "people arrested"]
    assert (conflict["severity"], conflict["status"]) == ("high", "contradiction")
    values = {v["value"]: v for v in conflict["values"]}
    assert set(values) == {"29", "31", "about 30"}
    languages = {v: {s["language"] for s in values[v]["sources"]} for v in values}
    assert languages == {"29": {"es"}, "31": {"en"}, "about 30": {"es"}}
    (spanish,) = values["29"]["sources"]
    assert spanish["words"] == "29 personas"
    assert spanish["quote"].startswith("Fueron detenidas 29 personas en el operativo Marea Negra")
    assert (
        "31 (coastal_hera, en) and 29 (el_litoral, es) cannot both be true"
        in (conflict["explanation"])
    )
    assert "about 30 (costa_sur, es) is compatible" in conflict["explanation"]


def test_name_spelled_differently_across_languages(marea_negra):
    conflicts, _ = marea_negra
    names = [c for c in conflicts if c["kind"] == "name"]
    assert [(c["attribute"], sorted(v["value"] for v in c["values"])) for c in names] == [
        ("first name", ["Wilmar", "Wilmer"])
    ]


def test_agreeing_figures_across_languages_raise_nothing(marea_negra):
    conflicts, _ = marea_negra
    assert sorted((c["kind"], c["attribute"]) for c in conflicts) == [
        ("count", "people arrested"),
        ("name", "first name"),
    ]


def test_legal_name_and_alias_are_one_entity(marea_negra):
    _, path = marea_negra
    conn = store.connect(path).conn
    rows = conn.execute("SELECT names FROM entities").fetchall()
    entities = [set(json.loads(spellings)) for (spellings,) in rows]

    def entity_of(name):
        (found,) = [e for e in entities if name in e]
        return found

    assert entity_of("Patricio Landázuri") == {
        "Patricio Landázuri",
        "Édgar Patricio Landázuri Mera",
    }
    assert entity_of("Marco Landázuri") == {"Marco Landázuri"}  # a namesake stays apart
    assert entity_of("Verónica Paredes") >= {"Verónica Paredes", "Verónica Paredes Lozada"}
    assert entity_of("Wilmar Arboleda") >= {"Wilmar Arboleda", "Wilmer Arboleda Cuesta"}


def test_csv_rows_name_each_source_language(marea_negra):
    _, path = marea_negra
    result = run_cli("conflicts", "--db", path, "--format", "csv", "--long")
    assert result.exit_code == 0, result.output
    assert ",es," in result.stdout and ",en," in result.stdout
    assert "Fueron detenidas 29 personas" in result.stdout


def test_a_second_surname_does_not_split_a_story(tmp_path):
    """The Spanish report names everyone with both surnames, the English one with the first."""
    write(
        tmp_path / "es.md",
        "---\npublished: 2024-08-20\noutlet: Diario del Valle\n---\n"
        "La fiscal Ana Lucía Cornejo Vaca informó que fueron detenidas 12 personas. "
        "El alcalde Fausto Iñiguez Bravo negó los cargos.\n",
    )
    write(
        tmp_path / "en.md",
        "---\npublished: 2024-08-20\noutlet: Valley Post\n---\n"
        "Prosecutor Ana Cornejo said 14 people were arrested. "
        "Mayor Fausto Iñiguez denied the charges.\n",
    )
    db_path = tmp_path / "two.db"
    assert run_cli("ingest", tmp_path / "es.md", tmp_path / "en.md", "--db", db_path).exit_code == 0
    result = run_cli("conflicts", "--db", db_path, "--format", "json")
    (conflict,) = json.loads(result.stdout)["conflicts"]
    assert (conflict["attribute"], sorted(v["value"] for v in conflict["values"])) == (
        "people arrested",
        ["12", "14"],
    )
