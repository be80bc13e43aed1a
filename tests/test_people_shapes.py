"""Issue 13, the shapes of people unseen articles hold: each in sentences of its own, in English
and Spanish, from extraction through resolution to the conflict. Every sentence and name here is
invented."""

from __future__ import annotations

import pytest
from conftest import mention

from reconcile import store
from reconcile.ingest import analyse, ingest
from reconcile.judge import name_conflicts
from reconcile.models import Document
from reconcile.pipeline import reconcile


def claims_of(text: str, language: str = "en", published: str = "2024-05-14"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return analyse(document)[2]


def ages_of(text: str, language: str = "en") -> dict:
    """Age claims as {subject: age}; a subject given two ages fails the test."""
    found: dict = {}
    for claim in claims_of(text, language):
        if claim.kind == "age":
            assert claim.subject not in found, f"two ages for {claim.subject}"
            found[claim.subject] = claim.low
    return found


def people_of(text: str, language: str = "en") -> set[str]:
    return {c.value for c in claims_of(text, language) if c.kind == "person"}


def roles_of(text: str, language: str = "en") -> dict[str, str]:
    return {c.subject: c.value for c in claims_of(text, language) if c.kind == "role"}


def story_conflicts(tmp_path, documents: list[tuple[str, str, str]]) -> list:
    """Each (name, language, text) ingested as one story; its conflicts, variants too."""
    folder = tmp_path / "articles"
    folder.mkdir(parents=True)
    for day, (name, language, text) in enumerate(documents, start=10):
        front = f"---\nlanguage: {language}\npublished: 2024-05-{day}\n---\n\n"
        (folder / f"{name}.md").write_text(front + text + "\n", encoding="utf-8")
    db = store.connect(tmp_path / "shapes.db")
    ingest(db, [str(folder)], {"story": "shapes"}, jobs=1)
    reconcile(db)
    found = [
        {"kind": kind, "rule": rule, "severity": severity, "subject": subject}
        for kind, rule, severity, subject in db.conn.execute(
            "SELECT kind, rule, severity, subject FROM conflicts"
        )
    ]
    db.conn.close()
    return found


def kinds(conflicts: list) -> list[tuple[str, str, str]]:
    return sorted((c["kind"], c["rule"], c["severity"]) for c in conflicts)


# --------------------------------------------------------------------------- ages along a list


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Those killed were Osgood Pellham, 55, Verity Calloway, 36, Dunstan Reyler, 48, "
            "and the driver, Imelda Frost, 61.",
            "en",
            {"Osgood Pellham": 55, "Verity Calloway": 36, "Dunstan Reyler": 48, "Imelda Frost": 61},
        ),
        (
            "Fallecieron Anselmo Ricaurte Vela, 55, Filomena Sarmiento, 36, Evaristo Lamas, 48, "
            "según el parte policial.",
            "es",
            {"Anselmo Ricaurte Vela": 55, "Filomena Sarmiento": 36, "Evaristo Lamas": 48},
        ),
    ],
)
def test_ages_along_a_list_go_each_to_its_own_name(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The crash killed:\n\n- Osgood Pellham, 49.\n\n- Verity Calloway, 37.\n",
            "en",
            {"Osgood Pellham": 49, "Verity Calloway": 37},
        ),
        (
            "Las víctimas:\n\n- Anselmo Ricaurte Vela, 49.\n\n- Filomena Sarmiento, 37.\n",
            "es",
            {"Anselmo Ricaurte Vela": 49, "Filomena Sarmiento": 37},
        ),
    ],
)
def test_a_list_line_name_and_age_gives_the_age(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Osgood Pellham, 35, and Verity Calloway, 26, were charged on Friday.",
            "en",
            {"Osgood Pellham": 35, "Verity Calloway": 26},
        ),
        (
            "Anselmo Ricaurte, 35, y Filomena Sarmiento, 26, fueron acusados el viernes.",
            "es",
            {"Anselmo Ricaurte": 35, "Filomena Sarmiento": 26},
        ),
    ],
)
def test_the_second_person_of_a_pair_keeps_their_age(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Dunstan Reyler was shot dead on his 39th birthday.", "en", {"Dunstan Reyler": 39}),
        (
            "Evaristo Lamas Ortiz celebraba su 39 cumpleaños en casa.",
            "es",
            {"Evaristo Lamas Ortiz": 39},
        ),
        ("Dunstan Reyler was shot a week after his 39th birthday.", "en", {}),
    ],
)
def test_a_birthday_gives_the_age(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Imelda Frost lost her children, Tobin, 9, and Wren, 4, in the fire.",
            "en",
            {"Tobin": 9, "Wren": 4},
        ),
        (
            "En el incendio murieron sus hijos Tobías, de 9 años, y Wendy, de 4.",
            "es",
            {"Tobías": 9, "Wendy": 4},
        ),
        ("Imelda Frost, 41, lost her son, 9, in the fire.", "en", {"Imelda Frost": 41}),
        (
            "Filomena Sarmiento, de 41 años, perdió a su hijo, de 9.",
            "es",
            {"Filomena Sarmiento": 41},
        ),
    ],
)
def test_childrens_ages_go_to_the_named_child_and_never_the_parent(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Among the dead were Imelda Frost, 41, her husband Osgood Frost, 44, and their "
            "daughter Wren Frost, 12.",
            "en",
            {"Imelda Frost": 41, "Osgood Frost": 44, "Wren Frost": 12},
        ),
        (
            "Murieron Filomena Lamas, de 41 años, su esposo Evaristo Lamas, de 44, y su hija "
            "Wendy Lamas, de 12.",
            "es",
            {"Filomena Lamas": 41, "Evaristo Lamas": 44, "Wendy Lamas": 12},
        ),
    ],
)
def test_a_family_in_one_list_keeps_each_age_apart(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The driver was named as Osgood Pellham, aged 49.", "en", {"Osgood Pellham": 49}),
        ("Osgood Pellham turned 49 in March, his sister said.", "en", {"Osgood Pellham": 49}),
        ("Osgood Pellham was 49 years old.", "en", {"Osgood Pellham": 49}),
        ("Evaristo Lamas Ortiz tenía 49 años y dos hijos.", "es", {"Evaristo Lamas Ortiz": 49}),
        (
            "Evaristo Lamas Ortiz, quien tenía 49 años, conducía.",
            "es",
            {"Evaristo Lamas Ortiz": 49},
        ),
        ("Evaristo Lamas cumplió 39 años el día del ataque.", "es", {"Evaristo Lamas": 39}),
        # no age: a count, or years of something else
        ("The toll given by Osgood Pellham was 49.", "en", {}),
        ("Evaristo Lamas Ortiz tenía 20 años de carrera.", "es", {}),
    ],
)
def test_an_age_said_by_the_verb_after_an_unknown_name_makes_it_a_person(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fallecieron Anselmo Ricaurte, de 19 años, y Filomena Vela.", {"Anselmo Ricaurte"}),
        ("Resultaron heridos Anselmo Ricaurte, de 19 años, y otros dos.", {"Anselmo Ricaurte"}),
        ("Sharon Ricaurte Vela dijo que no vio nada.", {"Sharon Ricaurte Vela"}),
        ("Murió Anselmo Ricaurte, de 19 años, en el choque.", {"Anselmo Ricaurte"}),
    ],
)
def test_a_plural_verb_opening_the_sentence_is_no_part_of_the_name(text, names):
    assert names <= people_of(text, "es")
    opening = text.split()[0]
    assert not [n for n in people_of(text, "es") if n.startswith(opening)] or opening == "Sharon"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Osgood Pellham Jr., 44, was charged on Friday.", "en", {"Osgood Pellham Jr": 44}),
        (
            "Detuvieron a Osgood Pellham Jr., de 44 años, el viernes.",
            "es",
            {"Osgood Pellham Jr": 44},
        ),
        ("Suspect Dunstan Reyler, 40, fled on foot.", "en", {"Dunstan Reyler": 40}),
        ("El sospechoso Evaristo Lamas, de 40 años, huyó a pie.", "es", {"Evaristo Lamas": 40}),
    ],
)
def test_a_suffix_with_its_full_stop_or_a_suspect_before_the_name_keeps_the_age(
    text, language, expected
):
    assert ages_of(text, language) == expected


def test_a_suffix_with_its_full_stop_still_lets_a_verb_of_saying_vouch_for_the_name():
    assert people_of("Osgood Pellham Jr. said the car was red.") == {"Osgood Pellham Jr"}


# --------------------------------------------------------------------------- ages across sources


def test_an_age_in_two_languages_with_one_or_two_surnames_and_accents_is_one_persons(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "es", "Murió Iván Ledesma Ortúzar, de 35 años, en el choque del lunes."),
            ("b", "en", "The crash on Monday killed 27-year-old Ivan Ledesma, his family said."),
        ],
    )
    ages = [c for c in found if c["kind"] == "age"]
    assert len(ages) == 1 and ages[0]["severity"] == "high"
    assert not [c for c in found if c["kind"] == "name" and c["severity"] != "low"]


def test_relatives_sharing_a_surname_are_never_one_persons_ages(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "en", "Imelda Frost, 41, and her son Tobin Frost, 9, were hurt in the blast."),
            ("b", "en", "The blast hurt Tobin Frost, 9, and his mother Imelda Frost, 41."),
        ],
    )
    assert [c for c in found if c["kind"] in ("age", "name")] == []


def test_a_parent_and_child_of_one_list_stay_two_people(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "es", "Murieron Evaristo Lamas Ortiz, de 44 años, y Evaristo Lamas Vega, de 12."),
            (
                "b",
                "es",
                "Entre los muertos, Evaristo Lamas Ortiz, de 44 años, y su hijo, Evaristo Lamas Vega, de 12.",
            ),
        ],
    )
    assert [c for c in found if c["kind"] in ("age", "name")] == []


def test_a_parent_and_child_of_one_name_are_never_one_persons_ages(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "en", "Osgood Pellham, 76, and his son Osgood Pellham, 50, died in the fire."),
            ("b", "en", "The fire killed Osgood Pellham, 77, a retired baker."),
        ],
    )
    assert [c for c in found if c["kind"] == "age"] == []
    found = story_conflicts(
        tmp_path / "es",
        [
            ("a", "es", "Filomena Ortiz, de 40 años, y su hija Filomena Ortiz, de 12, murieron."),
            ("b", "es", "Murió Filomena Ortiz, de 12 años, en el incendio."),
        ],
    )
    assert [c for c in found if c["kind"] == "age"] == []


def test_ages_of_one_name_close_together_in_one_document_are_still_compared(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "en", "Osgood Pellham, 46, died. Friends said Osgood Pellham, 47, loved boats."),
            ("b", "en", "The fire killed Osgood Pellham, 52, a retired baker."),
        ],
    )
    assert [c["kind"] for c in found if c["kind"] == "age"] == ["age"]


@pytest.mark.parametrize("language", ["es", "en"])
def test_cousins_with_another_second_surname_are_two_people(tmp_path, language):
    found = story_conflicts(
        tmp_path,
        [
            ("a", language, "Rosa Quispe Lazo, de 30 años, murió en el choque."),
            ("b", language, "Rosa Quispe Vargas, de 34 años, murió en el choque."),
        ],
    )
    assert [c for c in found if c["kind"] in ("age", "name")] == []


def test_a_shorter_name_two_people_of_one_document_bear_joins_neither(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            (
                "a",
                "es",
                "Murió Rosa Quispe Lazo, de 30 años, y su prima Rosa Quispe Vargas, de 34 años.",
            ),
            ("b", "es", "Murió Rosa Quispe, de 33 años, según la policía."),
            ("c", "es", "Entre los muertos está Rosa Quispe Lazo, de 31 años."),
        ],
    )
    ages = [c for c in found if c["kind"] == "age"]
    assert [c["subject"] for c in ages] == ["Rosa Quispe Lazo"]  # 30 vs 31 only


# --------------------------------------------------------------------------- which spellings differ


def one_conflict(a: str, b: str, language: str = "en") -> list[tuple[str, str]]:
    mentions = [mention("a", a, language), mention("b", b, language)]
    return [(c.rule, c.severity) for c in name_conflicts("s", a, mentions, set())]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Corwin MacAllister", "Corwin McAllister"),
        ("Osgood Pellham", "Osgood Pelham"),
        ("Josephine Arkwright", "Joesephine Arkwright"),
        ("Evaristo Sarmiento", "Evaristo Sarmient"),
        ("Fermín Echeverría", "Fermín Echevería"),
    ],
)
def test_doubled_dropped_and_cut_letters_are_high_spelling_contradictions(a, b):
    assert one_conflict(a, b) == [("name-spelling", "high")]


@pytest.mark.parametrize(
    ("a", "b", "language"),
    [
        ("Mike Tollan", "Michael Tollan", "en"),
        ("Pepe Ricaurte", "José Ricaurte", "es"),
        ("Paco Lamas", "Francisco Lamas", "es"),
        ("Bob Pellham", "Robert Pellham", "en"),
    ],
)
def test_a_nickname_is_only_a_low_note(a, b, language):
    assert one_conflict(a, b, language) == [("name-nickname", "low")]


@pytest.mark.parametrize(
    ("a", "b"), [("Fermín Echeverría", "Fermin Echeverria"), ("Iván Ledesma", "Ivan Ledesma")]
)
def test_accents_alone_are_only_a_low_note(a, b):
    found = one_conflict(a, b, "es")
    assert found and set(found) == {("name-accents", "low")}


def test_a_nickname_across_sources_is_never_a_contradiction(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "en", "Mike Tollan, 52, a carpenter, said the roof fell in."),
            ("b", "en", "Carpenter Michael Tollan, 52, said he heard the roof fall."),
        ],
    )
    assert all(c["severity"] == "low" for c in found if c["kind"] == "name")


# --------------------------------------------------------------------------- name spans


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "Los exministros Hernán Valdivieso e Ismael Cárdenas declararon ante el juez.",
            "es",
            {"Hernán Valdivieso", "Ismael Cárdenas"},
        ),
        (
            "Declararon el exalcalde Hernán Valdivieso y el concejal Ismael Cárdenas.",
            "es",
            {"Hernán Valdivieso", "Ismael Cárdenas"},
        ),
        (
            "On Tuesday Harriet Coble and Ramona Pettigrew testified.",
            "en",
            {"Harriet Coble", "Ramona Pettigrew"},
        ),
    ],
)
def test_a_conjunction_is_never_part_of_a_name(text, language, names):
    found = people_of(text, language)
    assert names <= found
    assert not [n for n in found if " y " in n or " e " in n or " and " in n]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("The businessman Dunstan Reylermurdered in May had debts.", "en", "Dunstan Reyler"),
        ("El empresario Evaristo Lamasasesinado en mayo tenía deudas.", "es", "Evaristo Lamas"),
    ],
)
def test_a_word_the_markup_glued_to_a_surname_is_cut(text, language, name):
    assert name in people_of(text, language)


def test_a_glued_spelling_is_no_conflict():
    assert one_conflict("Dunstan Reyler", "Dunstan Reylermurdered") == []


# --------------------------------------------------------------------------- who is a person


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Corwin Ashby's father said the boy had left at dawn.", "en", "Corwin Ashby"),
        ("The lawyer for Corwin Ashby's family asked for calm.", "en", "Corwin Ashby"),
        ("Según el padre de Corwin Ashby, el chico salió al amanecer.", "es", "Corwin Ashby"),
    ],
)
def test_a_name_seen_only_in_a_possessive_is_a_person(text, language, name):
    assert name in people_of(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Estudió en la Universidad Estatal de Oregón hasta 2019.", "es"),
        ("Trabajaba para la Universidad Autónoma de Coahuila, dijo su madre.", "es"),
        ("She studied at Oregon State University, her mother said.", "en"),
        ("He taught at the Universidad Estatal de Sonora, colleagues said.", "en"),
    ],
)
def test_an_institution_is_not_a_person(text, language):
    assert people_of(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El autobús iba con destino a Santiago Tlalcoya, municipio de la sierra.", "es"),
        ("Viajaban hacia Marcos Yolotla, una comunidad de la sierra, cuando volcaron.", "es"),
        ("They drove to Anna Yolton, a small town in the north, on Sunday.", "en"),
    ],
)
def test_a_name_whose_apposition_is_a_place_noun_is_a_place(text, language):
    assert people_of(text, language) == set()


def test_a_place_in_a_persons_apposition_leaves_the_person():
    assert people_of("Ana Ruiz, vecina del barrio de San Blas, murió.", "es") == {"Ana Ruiz"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_particle_joined_by_a_hyphen_stays_in_the_name(language):
    text = "“Could reach 900,” Mayor Abdulkarim al-Hassadi said."
    if language == "es":
        text = "“Podrían ser 900”, dijo el alcalde Abdulkarim al-Hassadi."
    assert people_of(text, language) == {"Abdulkarim al-Hassadi"}


# --------------------------------------------------------------------------- never a role


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mr Pellham, 61, said the water rose in minutes.", "en"),
        ("Evaristo Lamas Ortiz, el señor de 49 años, conducía el camión.", "es"),
        ("La señora Sarmiento, de 61 años, dijo que el agua subió en minutos.", "es"),
        ("Evaristo Lamas, de 27 años, dijo que el agua subió en minutos.", "es"),
    ],
)
def test_a_form_of_address_or_an_age_is_never_a_role(text, language):
    for value in roles_of(text, language).values():
        assert "años" not in value and not value.lower().startswith(("mr", "señor", "señora"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Photo: Dunstan Reyler / Staff photographer\n\nThe river rose overnight.", "en"),
        ("Foto: Evaristo Lamas / Fotógrafo de la agencia\n\nEl río creció de noche.", "es"),
        ("READ MORE: Mayor Osgood Pellham resigns after flood report\n\nThe river rose.", "en"),
        ("LEA TAMBIÉN: Alcalde Evaristo Lamas renuncia tras la inundación\n\nEl río creció.", "es"),
    ],
)
def test_a_photo_credit_or_a_link_headline_gives_no_role(text, language):
    assert roles_of(text, language) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No aparecían en el registro oficial de viajeros de la naviera “Vorta Mar”.", {}),
        ("El oficial Ramón Ortiz dijo que no hubo heridos.", {"Ramón Ortiz": "El oficial"}),
    ],
)
def test_a_title_that_follows_a_noun_as_its_adjective_titles_no_one(text, expected):
    assert roles_of(text, "es") == expected


# --------------------------------------------------------------------------- personal facts


def facts_of(text: str, kind: str, language: str = "en") -> dict:
    found = {}
    for claim in claims_of(text, language):
        if claim.kind == kind:
            found[claim.subject] = claim.extra["country"] if kind == "nationality" else claim.low
    return found


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Mexican Anselmo Ricaurte, 33, died at the scene.",
            "en",
            {"Anselmo Ricaurte": "mexico"},
        ),
        (
            "Anselmo Ricaurte, de 33 años y de nacionalidad guatemalteca, murió en el lugar.",
            "es",
            {"Anselmo Ricaurte": "guatemala"},
        ),
    ],
)
def test_a_nationality_is_a_claim_of_its_person(text, language, expected):
    assert facts_of(text, "nationality", language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Anselmo Ricaurte, a father of three, died at the scene.", "en", {"Anselmo Ricaurte": 3}),
        (
            "Anselmo Ricaurte, padre de seis hijos, murió en el lugar.",
            "es",
            {"Anselmo Ricaurte": 6},
        ),
    ],
)
def test_a_number_of_children_is_a_claim_of_its_person(text, language, expected):
    assert facts_of(text, "children", language) == expected


def test_nationality_and_children_that_differ_are_contradictions(tmp_path):
    found = story_conflicts(
        tmp_path,
        [
            ("a", "en", "The Mexican Anselmo Ricaurte, a father of three, died in the fire."),
            (
                "b",
                "es",
                "El guatemalteco Anselmo Ricaurte, padre de seis hijos, murió en el incendio.",
            ),
        ],
    )
    assert {c["kind"] for c in found if c["severity"] == "high"} >= {"nationality", "children"}


@pytest.mark.parametrize(
    "text",
    [
        "Drolven Kasteru, the police commander for Ostrena, said the search went on.",
        "Drolven Kasteru, the fire chief, said the search went on.",
    ],
)
def test_a_noun_of_the_title_s_field_still_makes_an_apposition(text):
    """'the police chief' after an unknown name: 'police' is the title's field, not a verb."""
    assert people_of(text) == {"Drolven Kasteru"}
    assert roles_of(text)["Drolven Kasteru"].startswith(("police commander", "fire chief"))


def test_a_verb_before_a_title_still_makes_no_apposition():
    assert roles_of("Baltimore, dijo su hermano, nunca fue igual.", "es") == {}
