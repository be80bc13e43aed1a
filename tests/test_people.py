"""Issue 13: people. Whose age it is, who is who across sources, and which spellings differ.
Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import mention

from reconcile.ingest import analyse
from reconcile.judge import judge_ages, name_conflicts
from reconcile.lexicon import fold
from reconcile.models import Document
from reconcile.resolve import misspelt, resolve, same_person


def claims_of(text: str, language: str = "en", published: str = "2024-03-20"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return analyse(document)[2]


def ages_of(text: str, language: str = "en", published: str = "2024-03-20") -> dict:
    """Age claims as {subject: age}; a subject given two ages fails the test."""
    found: dict = {}
    for claim in claims_of(text, language, published):
        if claim.kind == "age":
            assert claim.subject not in found, f"two ages for {claim.subject}"
            found[claim.subject] = claim.low
    return found


# --------------------------------------------------------------------------- whose age


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The victims were named as Harold Quist, 55, Bernard Ostrowski, 36, and Milan Fenwick, 48.",
            "en",
            {"Harold Quist": 55, "Bernard Ostrowski": 36, "Milan Fenwick": 48},
        ),
        (
            "Police named the dead as Harold Quist, 55, of Leeds, and Bernard Ostrowski, 36, of York.",
            "en",
            {"Harold Quist": 55, "Bernard Ostrowski": 36},
        ),
        (
            "Union leader Tomas Brandt said 41-year-old Harold Quist and 29-year-old Milan Fenwick had families.",
            "en",
            {"Harold Quist": 41, "Milan Fenwick": 29},
        ),
        (
            "Rescuers found the car of Harold Quist and his 31-year-old partner Bernard Ostrowski.",
            "en",
            {"Bernard Ostrowski": 31},
        ),
        (
            "Los fallecidos son Ramiro Quispe Lazo, de 35 años, y Teodoro Huamán Ccori, de 26 años.",
            "es",
            {"Ramiro Quispe Lazo": 35, "Teodoro Huamán Ccori": 26},
        ),
        (
            "Los detenidos son Ramiro Quispe Lazo (20); Teodoro Huamán Ccori (19) y Eulogio Mamani Ticona (23).",
            "es",
            {"Ramiro Quispe Lazo": 20, "Teodoro Huamán Ccori": 19, "Eulogio Mamani Ticona": 23},
        ),
        (
            "Entre los heridos está Ramiro Quispe Lazo (26 años, Cusco).",
            "es",
            {"Ramiro Quispe Lazo": 26},
        ),
        (
            "Her children were with her: Anouk, 12, Wessel, 8, and Ferdi, 5.",
            "en",
            {"Anouk": 12, "Wessel": 8, "Ferdi": 5},
        ),
        (
            "Perdió a su padre, Tomás Ferrer, de 41 años, y a su madre, Inés Ferrer, de 39.",
            "es",
            {"Tomás Ferrer": 41, "Inés Ferrer": 39},
        ),
        (
            "Salieron del pueblo Marco Antonio Quintero de 26 años y Elvis Ramón Paredes de 31.",
            "es",
            {"Marco Antonio Quintero": 26, "Elvis Ramón Paredes": 31},
        ),
        (
            "The names of 29-year-old Ana Tello, 40-year-old Bruno Tello and 6-year-old Leo "
            "Tello were read aloud.",
            "en",
            {"Ana Tello": 29, "Bruno Tello": 40, "Leo Tello": 6},
        ),
        (
            "The escape of Adolfo Merino, alias “Tigre”, 44, shocked the port.",
            "en",
            {"Adolfo Merino": 44},
        ),
        (
            "Murieron Ana Quispe (40) y Rosa Tello (35) en el choque.",
            "es",
            {"Ana Quispe": 40, "Rosa Tello": 35},
        ),
    ],
)
def test_every_age_of_a_list_goes_to_its_own_name(text, language, expected):
    assert ages_of(text, language) == expected


def test_a_list_line_of_names_and_ages_keeps_its_names():
    text = (
        "The dead were identified:\n\n- Ramiro Quispe Lazo (20).\n\n- Teodoro Huamán Ccori (22).\n"
    )
    assert ages_of(text, "es") == {"Ramiro Quispe Lazo": 20, "Teodoro Huamán Ccori": 22}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Gerald Okafor said firefighters airlifted a 1-year-old boy from the roof.", "en"),
        ("Honduras said two of its nationals, aged 41 and 52, were missing.", "en"),
        ("Gerald Okafor said the children — aged 13, nine and four — were safe.", "en"),
        ("Según Rosa Villca, su hijo, de 26 años, viajó a la frontera.", "es"),
        ("El padre de Rosa Villca contó que una menor de 17 años murió en la plaza.", "es"),
        ("La fiscal Rosa Villca pidió condenas de 15 años para los acusados.", "es"),
        ("Las víctimas eran Lucía y Marta Ferrer, de 12 y 9 años.", "es"),
        ("The twins Tom and Emma Quist, 12 and 9, were unhurt.", "en"),
        (
            "El deceso de un adolescente en Ayaviri, ciudad de la región de Ayacara, de 16 años.",
            "es",
        ),
    ],
)
def test_an_age_attached_to_a_noun_belongs_to_no_named_person(text, language):
    assert ages_of(text, language) == {}


def test_a_place_with_a_figure_is_not_a_person():
    text = "Los muertos se concentran en Tarrasola (45), Benifayó (25) y Villagordo (15)."
    assert not [c for c in claims_of(text, "es") if c.kind in ("person", "age")]


def test_an_age_opening_the_sentence_goes_to_the_name_after_its_clause():
    text = "Believed to be 52 years old at the time of the arrest, Marco Vitale ran the port."
    assert ages_of(text) == {"Marco Vitale": 52}


def test_an_age_after_a_list_line_heading_is_not_given_to_a_later_name():
    text = "Perfil del acusado\n\nTiene 22 años, y fue condenado por el tribunal que presidió Rosa Villca Quispe."
    assert ages_of(text, "es") == {}


def test_an_age_a_person_would_have_turned_is_not_their_age():
    text = "Tomás Ferrer cumpliría 31 años el 2 de mayo. Era de Valdeloria."
    assert ages_of(text, "es") == {}


def test_a_name_before_an_alias_and_a_pilot_are_people():
    text = (
        "El sexto acusado es Wilberto Joffre Alcázar Bautista, alias Negro Toro, jefe de la "
        "banda. The plane carried pilot Hernando Murcia Morales and two passengers."
    )
    names = {c.value for c in claims_of(text, "es") if c.kind == "person"}
    assert "Wilberto Joffre Alcázar Bautista" in names
    english = {c.value for c in claims_of(text.split(". ", 1)[1]) if c.kind == "person"}
    assert english == {"Hernando Murcia Morales"}


def test_an_age_of_the_previous_sentence_person():
    text = "Marco Vitale was born in Bari. Local reports attribute 52 years."
    assert ages_of(text) == {"Marco Vitale": 52}


def test_an_alias_alone_is_its_bearer_and_carries_the_age_to_the_next_sentence():
    text = (
        "El cabecilla Ramón Teodoro Ulloa Prado, alias “Tigre”, escapó. Tigre lleva "
        "preso 9 años. De 47 años de edad, desde 2018 es el jefe de la banda."
    )
    assert ages_of(text, "es") == {"Ramón Teodoro Ulloa Prado": 47}
    subjects = {c.subject for c in claims_of(text, "es") if c.kind == "person"}
    assert subjects == {"Ramón Teodoro Ulloa Prado"}


def test_no_age_from_a_previous_sentence_that_named_two_people():
    text = "Marco Vitale met Elena Brenner in Bari. Local reports attribute 52 years."
    assert ages_of(text) == {}


# --------------------------------------------------------------------------- ages across sources


def age_claim(document: str, age: int, published: str) -> dict:
    return {
        "document": document,
        "low": age,
        "high": age,
        "date": published,
        "published": published,
        "quote": f"{age} years old",
        "start": 0,
        "end": 10,
        "hedge": None,
    }


def test_an_age_that_needs_a_birthday_between_close_reports_is_flagged():
    conflict = judge_ages(
        "s", "Ana Ruiz", [age_claim("a", 33, "2023-05-19"), age_claim("b", 34, "2023-06-18")]
    )
    assert conflict is not None and conflict.severity == "medium"
    assert "birthday" in conflict.explanation


def test_ages_a_year_apart_said_a_year_apart_agree():
    claims = [age_claim("a", 33, "2022-05-19"), age_claim("b", 34, "2023-06-18")]
    assert judge_ages("s", "Ana Ruiz", claims) is None


def test_a_younger_age_in_a_later_report_is_a_contradiction():
    claims = [age_claim("a", 34, "2023-05-19"), age_claim("b", 33, "2023-05-25")]
    conflict = judge_ages("s", "Ana Ruiz", claims)
    assert conflict is not None and conflict.severity == "high"


# --------------------------------------------------------------------------- who is who


def person(document: str, name: str, subject: str | None = None) -> dict:
    return {"document_id": document, "value": name, "subject": subject or name, "extra": {}}


def listed(document: str, names: list[str]) -> list[dict]:
    return [{**person(document, name), "sentence": 1} for name in names]


def groups(entities) -> set[frozenset[str]]:
    return {frozenset(e.spellings()) for e in entities}


def test_one_role_and_given_name_join_surnames_two_slips_apart_even_at_their_first_letter():
    claims = [person("a", "Yannis Ikaridis"), person("b", "Yiannis Okarides")]
    roles = [
        {"document_id": "a", "subject": "Yannis Ikaridis", "value": "the government spokesman"},
        {
            "document_id": "b",
            "subject": "Yiannis Okarides",
            "value": "a spokesman for the government",
        },
    ]
    assert len(resolve("s", claims, [], roles)) == 1
    assert len(resolve("s", claims, [], [])) == 2  # without the role: two people
    other = [
        {"document_id": "a", "subject": "Yannis Ikaridis", "value": "the government spokesman"},
        {"document_id": "b", "subject": "Yiannis Okarides", "value": "el alcalde"},
    ]
    assert len(resolve("s", claims, [], other)) == 2


def test_two_people_one_document_names_apart_never_join():
    claims = [
        person("a", "Lucas Pertano"),
        person("a", "Luciano Pertano"),
        person("b", "Luciano Pertano"),
        person("c", "Lucas Pertano"),
    ]
    assert groups(resolve("s", claims, [], [])) == {
        frozenset({"Lucas Pertano"}),
        frozenset({"Luciano Pertano"}),
    }


def test_a_first_name_alone_joins_the_one_person_of_the_story_so_named():
    claims = [person("a", "Anouk"), person("b", "Anouk Verbeek Mol"), person("b", "Ferdi Mol")]
    assert frozenset({"Anouk", "Anouk Verbeek Mol"}) in groups(resolve("s", claims, [], []))


def test_a_first_name_shared_by_two_people_joins_no_one():
    claims = [person("a", "Anouk"), person("b", "Anouk Verbeek"), person("c", "Anouk Mol")]
    assert frozenset({"Anouk"}) in groups(resolve("s", claims, [], []))


# --------------------------------------------------------------------------- name spans


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "El exministro Rafael Cordero y Ricardo Paltán viajaron juntos.",
            "es",
            {"Rafael Cordero", "Ricardo Paltán"},
        ),
        (
            "Former minister Rafael Cordero y Ricardo Paltán travelled together.",
            "en",
            {"Rafael Cordero", "Ricardo Paltán"},
        ),
    ],
)
def test_a_conjunction_is_never_inside_a_name(text, language, names):
    found = {c.value for c in claims_of(text, language) if c.kind == "person"}
    assert names <= found


# --------------------------------------------------------------------------- nicknames


@pytest.mark.parametrize(
    ("short", "full"), [("Bill Ostrowski", "William Ostrowski"), ("Pepe Quispe", "José Quispe")]
)
def test_a_nickname_is_the_same_person_and_only_a_low_note(short, full):
    assert same_person(short, full)
    conflicts = name_conflicts("s", full, [mention("a", short), mention("b", full)], set())
    assert [(c.rule, c.severity) for c in conflicts] == [("name-nickname", "low")]


def test_a_different_given_name_is_still_a_spelling_contradiction():
    conflicts = name_conflicts(
        "s",
        "Wilmer Ostrowski",
        [mention("a", "Wilmer Ostrowski"), mention("b", "Wilmar Ostrowski")],
        set(),
    )
    assert [(c.rule, c.severity) for c in conflicts] == [("name-spelling", "high")]


def test_a_slip_in_a_word_the_documents_split_differently_is_still_a_misspelling():
    # one document reads "Aron" as a surname, the other "Aarón" as a given name
    a = {
        **mention("a", "Wendilo Aron Córdova Perdomo"),
        "extra": {"given": "Wendilo", "surname": "Aron Córdova Perdomo"},
    }
    b = {
        **mention("b", "Wendilo Aarón Córdova Perdomo"),
        "extra": {"given": "Wendilo Aarón", "surname": "Córdova Perdomo"},
    }
    conflicts = name_conflicts("s", "Wendilo Aarón Córdova Perdomo", [a, b], set())
    assert [(c.attribute, sorted(v.value for v in c.values)) for c in conflicts] == [
        ("name", ["Aarón", "Aron"])
    ]
    # a name romanised two ways is no misspelling
    c = {**mention("c", "Vasilis Samaras"), "extra": {"given": "Vasilis", "surname": "Samaras"}}
    d = {**mention("d", "Vassilis Samaras"), "extra": {"given": "Vassilis", "surname": "Samaras"}}
    found = name_conflicts("s", "Vasilis Samaras", [c, d], set())
    assert all(f.status == "variant" for f in found)


@pytest.mark.parametrize(
    ("together", "apart"),
    [
        (("Ramsingh", "Tamrakar"), ("Ram", "Singh Tamrakar")),
        (("Lucía", "Ortega-Blanco"), ("Lucía", "Ortega Blanco")),
    ],
)
def test_one_name_written_together_or_apart_is_no_second_spelling(together, apart):
    def written(document: str, parts: tuple[str, str]) -> dict:
        return {
            **mention(document, " ".join(parts)),
            "extra": dict(zip(("given", "surname"), parts, strict=True)),
        }

    mentions = [written("a", together), written("b", together), written("c", apart)]
    assert name_conflicts("s", " ".join(together), mentions, set()) == []
    # letters that differ are still a spelling conflict, however the name is spaced
    given, surname = together
    other = (given[:2] + given[1:], surname)  # one letter doubled
    found = name_conflicts("s", " ".join(together), [*mentions, written("d", other)], set())
    assert [(c.attribute, c.status) for c in found] == [("first name", "contradiction")]


def test_surnames_written_as_initials_are_a_shorter_form_not_a_misspelling():
    conflicts = name_conflicts(
        "s",
        "Wilberto Joffre Alcázar Bautista",
        [mention("a", "Wilberto Joffre Alcázar Bautista"), mention("b", "Wilberth Joffre A. B.")],
        set(),
    )
    assert [(c.attribute, c.values[0].value, c.values[1].value) for c in conflicts] == [
        ("first name", "Wilberth", "Wilberto")
    ]


def test_a_name_with_an_alias_in_one_document_is_still_compared_with_the_others():
    text = (
        "El sexto acusado es Wilberto Joffre Alcázar Bautista, alias Negro Toro, jefe de la "
        "banda. Negro Toro huyó."
    )
    claims = [
        {**c.__dict__, "document_id": "a", "document": "a"}
        for c in claims_of(text, "es")
        if c.kind in ("person", "alias")
    ]
    other = {**person("b", "Wilberth Joffre Alcázar Bautista"), "document": "b", "sentence": 0}
    people = [c for c in claims if c["kind"] == "person"] + [other]
    (entity,) = [
        e
        for e in resolve("s", people, [c for c in claims if c["kind"] == "alias"], [])
        if "Negro Toro" in e.spellings()
    ]
    aliases = set().union(*(m.aliases for m in entity.members))
    assert "wilberto joffre alcazar bautista" not in aliases
    assert {fold(a) for a in aliases} == {"negro toro"}


# --------------------------------------------------------------------------- lists of names


def people_in(text: str, language: str) -> set[str]:
    return {c.value for c in claims_of(text, language) if c.kind == "person"}


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "Los jugadores fueron identificados como Pablo Bertolo, Ayrton Quevedo, "
            "Enzo Farelli y Blas Cinoli, según la fiscalía.",
            "es",
            {"Pablo Bertolo", "Ayrton Quevedo", "Enzo Farelli", "Blas Cinoli"},
        ),
        (
            "The crew were identified as Peter Haldane, Orvin Tasker, Dagny Morrow and "
            "Wendell Pike.",
            "en",
            {"Peter Haldane", "Orvin Tasker", "Dagny Morrow", "Wendell Pike"},
        ),
    ],
)
def test_names_listed_beside_a_confirmed_person_are_people(text, language, names):
    assert people_in(text, language) == names


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("Dania Leal, su madre, lo identificó.", "es", "su madre"),
        ("Ana Cho, Ecuador's attorney general, spoke.", "en", "Ecuador's attorney general"),
    ],
)
def test_a_role_in_apposition_may_open_with_a_possessive(text, language, role):
    roles = {c.value for c in claims_of(text, language) if c.kind == "role"}
    assert roles == {role}


def test_each_item_of_a_list_of_relatives_keeps_its_own_role():
    text = (
        "Iban con él: Sergio Ruiz, hermano de Erick; Marta Ruiz (60 años), madre de ambos; "
        "Orfilia Landa (28 años), pareja de Erick. Afirmó el fiscal jefe, Tarek Saab, que hubo "
        "detenidos."
    )
    roles = {(c.subject, c.value) for c in claims_of(text, "es") if c.kind == "role"}
    assert roles == {
        ("Sergio Ruiz", "hermano de Erick"),
        ("Marta Ruiz", "madre de ambos"),
        ("Orfilia Landa", "pareja de Erick"),
        ("Tarek Saab", "el fiscal jefe"),
    }


def test_a_role_after_a_titled_name_in_a_list_is_another_person():
    text = "The crash killed three: their mother Ana Ruiz Valencia, the pilot, and a leader."
    roles = {(c.subject, c.value) for c in claims_of(text) if c.kind == "role"}
    assert roles == {("Ana Ruiz Valencia", "mother")}


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        ("Police said Orvin Tasker’s mother was found.", "en", {"Orvin Tasker"}),
        ("The father of Dagny Morrow spoke to reporters.", "en", {"Dagny Morrow"}),
        ("La familia de Dazio Farelli pidió justicia.", "es", {"Dazio Farelli"}),
    ],
)
def test_a_name_beside_a_relative_is_a_person(text, language, names):
    assert people_in(text, language) == names


def test_a_portfolio_before_a_minister_is_part_of_the_title():
    roles = {
        (c.subject, c.value)
        for c in claims_of("Minister of Trade and Tourism Luis Helguero confirmed the figure.")
        if c.kind == "role"
    }
    assert roles == {("Luis Helguero", "Minister of Trade and Tourism")}


def test_a_name_the_document_calls_a_place_is_the_place_elsewhere_too():
    text = (
        "The coach plunged from a bridge in the municipality of Teresa Alcocer. Rescuers reached "
        "Teresa Alcocer at noon, Mayor Ana Ruiz said."
    )
    assert people_in(text, "en") == {"Ana Ruiz"}


def test_a_country_after_a_name_is_no_surname():
    assert people_in("La embajadora Ana Ruiz de Honduras habló ayer.", "es") == {"Ana Ruiz"}


def test_a_name_ending_in_initials_keeps_them():
    text = "La jueza envió a prisión a los acusados Rafael T., Luis M. C. y Sara D. R., dijo el fiscal."
    assert people_in(text, "es") == {"Rafael T.", "Luis M. C.", "Sara D. R."}


def test_the_lines_of_a_list_of_names_are_people():
    text = (
        "Los fallecidos son:\n\n1. Brayan Orlando Rodas Funes\n\n2. Wendilo Javier Carranza "
        "Toro\n\n3. Dazio Arón Córdova Perdomo\n\n4. Edin Josué Umaña Madrid (26)\n\n"
        "5. Policía Nacional de Honduras\n"
    )
    assert people_in(text, "es") == {
        "Brayan Orlando Rodas Funes",
        "Wendilo Javier Carranza Toro",
        "Dazio Arón Córdova Perdomo",
        "Edin Josué Umaña Madrid",
    }


def test_a_list_of_lines_few_of_which_are_people_adds_no_one():
    text = "Read more:\n\n- Wendilo Carranza Toro\n\n- Dazio Córdova Perdomo\n\n- Ana Quispe\n"
    assert people_in(text, "en") == {"Ana Quispe"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # no item of the list is a confirmed person
        ("Los detenidos eran Ayrton Quevedo, Dazio Farelli y Blas Cinoli.", "es"),
        # two items are not enough to show a list
        ("The crew were Orvin Tasker and Dagny Morrow.", "en"),
        # places beside a person: the list is not one of names
        ("Juan Pérez recorrió Puerto Plata, Costa Azul y San Andrés.", "es"),
    ],
)
def test_an_unclear_list_adds_no_one(text, language):
    found = people_in(text, language)
    assert not found - {"Juan Pérez"}


# --------------------------------------------------------------------------- places, institutions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El avión despegó de San José del Guaviare, dijo el piloto.", "es"),
        ("La cancillería de Relaciones Exteriores de Honduras informó el hecho.", "es"),
        ("Estudiaba en la Universidad Estatal de Nevada, de 40 años de historia.", "es"),
        ("The ship sailed from Port Louis Haldane said nothing.", "en"),
        ("The Foreign Affairs Ministry of Honduras said it was informed.", "en"),
        ("Abrió una tienda en el área de Valdeloria-Norte, dijo su hermano.", "es"),
        ("El autobús cayó al norte de Perú, informó la directora del hospital.", "es"),
        ("The body went to the Office of the Chief Coroner.", "en"),
        ("The dead came from Nakuru (3), Palm Bay (1) and Embu (1).", "en"),
        (
            "They came from Nairobi (14), Nakuru (5), Laikipia (1), Uasin Gishu (3) and Embu (2).",
            "en",
        ),
        ("The crash happened early on Monday in the town of Teresa Alcocer.", "en"),
        ("El choque ocurrió en el municipio de Santa Ana Tlapacoyan.", "es"),
        ("The Oaxaca Government Secretariat said the road was closed.", "en"),
        ("Según la fiscalía de General Valdivia, hubo tres detenidos.", "es"),
        ("El ministerio del Interior de Bolivia informó que hubo 20 muertos.", "es"),
        ("El Ayuntamiento de Valdeloria aseguró que no había licencia.", "es"),
        ("El autobús iba hacia el poblado de San Pedro de Tlalcoya.", "es"),
        ("Human Rights Watch said the police had fired first.", "en"),
        ("She sent a voice note, according to the La Voz de Valdeloria newspaper.", "en"),
        ("La Verdad de Valdeloria reported the toll.", "en"),
        ("Lo trasladaron a la cárcel La Roca de Valdeloria, según la policía.", "es"),
        ("The US Geological Survey said the quake was shallow.", "en"),
        ("“Presuntamente, el conductor del bus perdió el control”, contó un testigo.", "es"),
    ],
)
def test_places_and_institutions_are_not_people(text, language):
    assert not people_in(text, language)


# --------------------------------------------------------------------------- which spellings differ


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MacFarlane", "McFarlane"),
        ("Brackett", "Bracket"),
        ("Joseph", "Joeseph"),
        ("Lucille", "Luceille"),
        ("Sandoval", "Sandova"),
        ("Brawner", "Brawn"),
        ("Cornetti", "Cometti"),
    ],
)
def test_a_slip_of_the_pen_is_a_misspelling(a, b):
    assert misspelt(fold(a), fold(b))


@pytest.mark.parametrize(("a", "b"), [("Lucas", "Luciano"), ("Ana", "Ada"), ("Diana", "Mayra")])
def test_different_names_are_no_misspelling(a, b):
    assert not misspelt(fold(a), fold(b))


def test_a_name_misspelt_in_both_parts_is_still_one_person():
    assert same_person("Tadeo Brunsem", "Tadeo Brunsen")
    assert same_person("Macimo Brunsem", "Máximo Brunsen")
    # two common given names a letter apart are two people, whatever their surnames
    assert not same_person("Mario Pereira", "María Pereyra")


def age(document: str, subject: str, years: int, date: str = "2024-03-20") -> dict:
    return {"document_id": document, "subject": subject, "low": years, "date": date}


def role(document: str, subject: str, value: str) -> dict:
    return {"document_id": document, "subject": subject, "value": value}


def test_a_name_misspelt_in_both_parts_joins_with_the_same_age():
    entities = resolve(
        "s",
        [person("a", "Macimo Brunsem"), person("b", "Máximo Brunsen")],
        [],
        [],
        [age("a", "Macimo Brunsem", 23), age("b", "Máximo Brunsen", 24, "2024-11-02")],
    )
    assert groups(entities) == {frozenset({"Macimo Brunsem", "Máximo Brunsen"})}


def test_a_name_misspelt_in_both_parts_joins_with_a_shared_role():
    entities = resolve(
        "s",
        [person("a", "Macimo Brunsem"), person("b", "Máximo Brunsen")],
        [],
        [role("a", "Macimo Brunsem", "the goalkeeper"), role("b", "Máximo Brunsen", "goalkeeper")],
    )
    assert groups(entities) == {frozenset({"Macimo Brunsem", "Máximo Brunsen"})}


def test_a_name_misspelt_in_both_parts_without_evidence_stays_apart():
    entities = resolve("s", [person("a", "Macimo Brunsem"), person("b", "Máximo Brunsen")], [], [])
    assert groups(entities) == {frozenset({"Macimo Brunsem"}), frozenset({"Máximo Brunsen"})}


def test_names_misspelt_in_both_parts_with_ages_apart_stay_apart():
    claims = listed("a", ["Macimo Brunsem", "Ciro Pertano", "Ayrton Velloso"]) + listed(
        "b", ["Máximo Brunsen", "Ciro Pertano", "Ayrton Velloso"]
    )
    ages = [age("a", "Macimo Brunsem", 61), age("b", "Máximo Brunsen", 19)]
    assert frozenset({"Macimo Brunsem"}) in groups(resolve("s", claims, [], [], ages))


def test_one_name_and_its_shorter_form_stay_one_person_whatever_their_ages():
    claims = [person("a", "Tadeo Brunsen Lazo"), person("b", "Tadeo Brunsen")]
    ages = [age("a", "Tadeo Brunsen Lazo", 57), age("b", "Tadeo Brunsen", 47)]
    assert groups(resolve("s", claims, [], [], ages)) == {
        frozenset({"Tadeo Brunsen Lazo", "Tadeo Brunsen"})
    }


@pytest.mark.parametrize(
    ("one", "other"), [("Vasilis Karanos", "Vassilis Karanos"), ("Sergei Volkin", "Sergey Volkin")]
)
def test_a_known_romanisation_is_one_name_and_only_a_low_note(one, other):
    conflicts = name_conflicts("s", one, [mention("a", one), mention("b", other)], set())
    assert [(c.rule, c.severity) for c in conflicts] == [("name-nickname", "low")]


def test_a_doubled_letter_outside_the_romanisations_is_a_contradiction():
    conflicts = name_conflicts(
        "s", "Yassin Okorie", [mention("a", "Yassin Okorie"), mention("b", "Yasin Okorie")], set()
    )
    assert [(c.rule, c.severity) for c in conflicts] == [("name-spelling", "high")]


# --------------------------------------------------------------------------- accents


def in_language(claim: dict, language: str) -> dict:
    return {**claim, "language": language}


def test_accents_dropped_by_an_english_outlet_are_no_note():
    conflicts = name_conflicts(
        "s",
        "Ramón Quispe Ibáñez",
        [
            in_language(mention("a", "Ramón Quispe Ibáñez"), "es"),
            in_language(mention("b", "Ramon Quispe Ibanez"), "en"),
        ],
        set(),
    )
    assert conflicts == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_accents_that_differ_within_one_language_are_a_low_note(language):
    conflicts = name_conflicts(
        "s",
        "Ramón Quispe",
        [
            in_language(mention("a", "Ramón Quispe"), language),
            in_language(mention("b", "Ramon Quispe"), language),
            in_language(mention("c", "Ramon Quispe"), "en" if language == "es" else "es"),
        ],
        set(),
    )
    assert [(c.rule, c.severity) for c in conflicts] == [("name-accents", "low")]


# --------------------------------------------------------------------------- roles


def roles_of(text: str, language: str = "en") -> set:
    return {(c.subject, c.value) for c in claims_of(text, language) if c.kind == "role"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Ramiro Quispe Lazo, de 27 años, fue detenido el lunes.", "es", "Ramiro Quispe Lazo"),
        ("Ramiro Quispe Lazo, 27 años, fue detenido el lunes.", "es", "Ramiro Quispe Lazo"),
        ("Harold Quist, 41-year-old, was arrested on Monday.", "en", "Harold Quist"),
    ],
)
def test_an_age_is_no_role(text, language, name):
    assert not {role for subject, role in roles_of(text, language) if subject == name}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("“We will not give up,” Mr Ostrowski said on Monday.", "en"),
        ("“No nos rendiremos”, dijo el señor Ostrowski el lunes.", "es"),
    ],
)
def test_a_form_of_address_is_no_role(text, language):
    assert roles_of(text, language) == set()


def test_a_role_never_reaches_into_the_sentence_before():
    text = "The call came from the lawyer of the family. Harold Quist said he was safe."
    assert roles_of(text) == set()


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Police named Bruno Ibáñez, along with his vice president Ana Tello, as suspects.",
            "en",
            "Bruno Ibáñez",
        ),
        (
            "La policía buscó a Bruno Ibáñez Soto, junto con su mano derecha Ana Tello Ríos.",
            "es",
            "Bruno Ibáñez Soto",
        ),
    ],
)
def test_a_role_after_along_with_is_not_the_previous_names(text, language, name):
    assert not {role for subject, role in roles_of(text, language) if subject == name}


# --------------------------------------------------------------------------- more ages


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Detuvieron a Pedro Ibáñez Soto, alias 'El Toro', de 44 años, en Quito.",
            "es",
            {"Pedro Ibáñez Soto": 44},
        ),
        (
            "Police arrested Peter Ostrowski, alias 'The Bull', 44, on Monday.",
            "en",
            {"Peter Ostrowski": 44},
        ),
        (
            "Police arrested Peter Ostrowski, known as Toro, 44, on Monday.",
            "en",
            {"Peter Ostrowski": 44},
        ),
    ],
)
def test_an_age_after_an_alias_is_the_bearers(text, language, expected):
    assert ages_of(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Peter Quist was killed on his 39th birthday, police said.", "en", {"Peter Quist": 39}),
        ("Peter Quist celebrated his 39th birthday on Monday.", "en", {"Peter Quist": 39}),
        ("Peter Quist died two days before his 39th birthday.", "en", {}),
        ("Pedro Tello Ríos cumplía 39 años el día del ataque.", "es", {"Pedro Tello Ríos": 39}),
    ],
)
def test_an_age_said_by_a_birthday(text, language, expected):
    assert ages_of(text, language) == expected


def test_a_name_misspelt_in_both_parts_joins_among_the_same_companions():
    claims = listed("a", ["Macimo Brunsem", "Ciro Pertano", "Ayrton Velloso"]) + listed(
        "b", ["Máximo Brunsen", "Ciro Pertano", "Ayrton Velloso"]
    )
    found = groups(resolve("s", claims, [], []))
    assert frozenset({"Macimo Brunsem", "Máximo Brunsen"}) in found
    alone = listed("a", ["Macimo Brunsem", "Ciro Pertano"]) + listed("b", ["Máximo Brunsen"])
    assert frozenset({"Macimo Brunsem"}) in groups(resolve("s", alone, [], []))
