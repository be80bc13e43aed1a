"""Issue 13: names and ages the extractor used to miss. Every sentence here is invented."""

from __future__ import annotations

import pytest
from conftest import mention

from reconcile.ingest import analyse
from reconcile.judge import name_conflicts
from reconcile.models import Document
from reconcile.resolve import resolve


def claims_of(text: str, language: str = "en", published: str = "2024-03-20"):
    document = Document("t", "t", "t", text, published=published, language=language)
    return analyse(document)[2]


def names_of(text: str, language: str = "en") -> list[str]:
    return [c.value for c in claims_of(text, language) if c.kind == "person"]


def ages_of(text: str, language: str = "en", published: str = "2024-03-20") -> dict:
    return {c.subject: c.low for c in claims_of(text, language, published) if c.kind == "age"}


# ------------------------------------------------------------------ an age in months


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "The family, Ofelia, 12, Bruno, 7, and Tamsin, 10 months, reached the camp.",
            "en",
            ["Ofelia", "Bruno", "Tamsin"],
        ),
        ("Rescuers carried Tamsin Orwell, aged 9 months, to the boat.", "en", ["Tamsin Orwell"]),
        (
            "Buscan a sus hermanos Ofelia, de 12; Bruno Tarqui, de 7, y Tamsin Quenaya, de solo "
            "10 meses, de la misma comunidad.",
            "es",
            ["Ofelia", "Bruno Tarqui", "Tamsin Quenaya"],
        ),
        ("A su lado viajaba la bebé Tamsin, de 10 meses, en brazos.", "es", ["Tamsin"]),
    ],
)
def test_a_name_followed_by_an_age_in_months_is_a_person(text, language, names):
    assert names_of(text, language) == names


def test_an_age_in_months_gives_no_age_in_years():
    text = "The family, Ofelia, 12, and Tamsin, 10 months, reached the camp."
    assert ages_of(text) == {"Ofelia": 12}
    assert ages_of("Viajaba Tamsin Quenaya, de 10 meses, con su madre.", "es") == {}


# ------------------------------------------------------------------ a child's changing surnames


def person(document: str, name: str) -> dict:
    return {"document_id": document, "value": name, "subject": name, "extra": {}}


def age(document: str, subject: str, years: int) -> dict:
    return {"document_id": document, "subject": subject, "low": years, "date": "2024-03-20"}


def groups(entities) -> set[frozenset[str]]:
    return {frozenset(e.spellings()) for e in entities}


def test_a_child_misspelt_and_given_another_fathers_surname_joins_with_the_same_age():
    claims = [person("a", "Solenia Ibarra Quenaya"), person("b", "Solenya Tarqui Quenalla")]
    ages = [age("a", "Solenia Ibarra Quenaya", 9), age("b", "Solenya Tarqui Quenalla", 9)]
    assert groups(resolve("s", claims, [], [], ages)) == {
        frozenset({"Solenia Ibarra Quenaya", "Solenya Tarqui Quenalla"})
    }


def test_a_child_misspelt_and_given_another_surname_stays_apart_without_evidence():
    claims = [person("a", "Solenia Ibarra Quenaya"), person("b", "Solenya Tarqui Quenalla")]
    assert len(resolve("s", claims, [], [])) == 2
    ages = [age("a", "Solenia Ibarra Quenaya", 9), age("b", "Solenya Tarqui Quenalla", 30)]
    assert len(resolve("s", claims, [], [], ages)) == 2


def test_another_surname_is_no_spelling_of_it_but_a_misspelt_one_is():
    another = [mention("a", "Solenia Ibarra Quenaya"), mention("b", "Solenya Tarqui Quenaya")]
    found = name_conflicts("s", "Solenia Ibarra Quenaya", another, set())
    assert [c.attribute for c in found] == ["first name"]
    misspelt = [mention("a", "Alba Hernández Ruiz"), mention("b", "Alba Fernández Ruiz")]
    found = name_conflicts("s", "Alba Hernández Ruiz", misspelt, set())
    assert [(c.attribute, c.severity) for c in found] == [("surname", "high")]


# ------------------------------------------------------------------ an age whose subject is dropped


def test_an_age_opening_a_sentence_with_its_verb_is_the_previous_sentences_person():
    text = (
        "El juicio terminó ayer.\n\nEl perfil de Mateo Brunsen\n\n"
        "Tenía 31 años, y había viajado con Ciro Pertano."
    )
    assert ages_of(text, "es") == {"Mateo Brunsen": 31}


def test_an_age_with_its_subject_after_the_verb_is_not_the_previous_sentences_person():
    text = "Habló Mateo Brunsen. Tenía 34 años Pedro Loor cuando murió."
    assert "Mateo Brunsen" not in ages_of(text, "es")


# ------------------------------------------------------------------ a first name alone


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Un testigo, Walter, primo de Mauro, relató cómo empezó el fuego.", "es"),
        ("Hay dolor en la familia nicaragüense de Mauro, que celebraba su cumpleaños.", "es"),
        ("A witness, the cousin of Mauro, said the fire began upstairs.", "en"),
    ],
)
def test_a_given_name_alone_beside_a_relative_is_a_person(text, language):
    assert "Mauro" in names_of(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("La familia de Ayaviri celebró la fiesta.", "es"),  # no given name: a place, maybe
        ("The family of Tarrasola left the town.", "en"),
    ],
)
def test_an_unknown_word_beside_a_relative_is_no_person(text, language):
    assert names_of(text, language) == []


def single(document: str, name: str) -> dict:
    return {**person(document, name), "sentence": 1}


def test_a_first_name_alone_joins_the_one_person_whose_first_name_it_misspells():
    claims = [person("a", "Erick Tasman"), single("b", "Erik"), single("c", "Mauro")]
    assert frozenset({"Erick Tasman", "Erik"}) in groups(resolve("s", claims, [], []))
    # the full name's document also calling him by his first name alone changes nothing
    claims = [person("a", "Erick Tasman"), {**person("a", "Erick"), "subject": "Erick Tasman"}]
    claims += [single("b", "Erik"), single("c", "Eric")]
    assert groups(resolve("s", claims, [], [])) == {
        frozenset({"Erick Tasman", "Erick", "Erik", "Eric"})
    }


@pytest.mark.parametrize(("full", "alone"), [("María Tasman", "Mario"), ("Daniela Ruiz", "Daniel")])
def test_a_masculine_and_a_feminine_first_name_are_two_people(full, alone):
    assert len(resolve("s", [person("a", full), single("b", alone)], [], [])) == 2


def alone(document: str, name: str) -> dict:
    return {
        "document": document,
        "value": name,
        "quote": name,
        "start": 0,
        "end": len(name),
        "extra": {"given": "", "surname": name},
    }


def test_a_first_name_alone_spelt_another_way_is_a_spelling_contradiction():
    mentions = [mention("a", "Erick Tasman"), alone("b", "Erik")]
    found = name_conflicts("s", "Erick Tasman", mentions, set())
    assert [(c.attribute, c.severity, sorted(v.value for v in c.values)) for c in found] == [
        ("first name", "high", ["Erick", "Erik"])
    ]


def test_a_name_alone_that_is_a_word_of_the_full_name_is_no_second_spelling():
    mentions = [mention("a", "Erick Tasman"), alone("b", "Tasman"), alone("c", "Erick")]
    assert name_conflicts("s", "Erick Tasman", mentions, set()) == []
    nickname = [mention("a", "Alejandro Tasman"), alone("b", "Alex")]
    assert all(
        c.severity == "low" for c in name_conflicts("s", "Alejandro Tasman", nickname, set())
    )


# ------------------------------------------------------------------ a document's own slip


@pytest.mark.parametrize(
    ("text", "language", "full"),
    [
        (
            "Martín Tavenjira, de la comisión, habló ayer. “Pero desde el principio”, continuó "
            "Tavenijira, “nadie escuchó”.",
            "es",
            "Martín Tavenjira",
        ),
        (
            "Martin Tavenjira, of the commission, spoke on Monday. “From the start,” added "
            "Tavenijira, “no one listened.”",
            "en",
            "Martin Tavenjira",
        ),
    ],
)
def test_a_lone_surname_a_document_misspells_is_its_person(text, language, full):
    found = [(c.value, c.subject) for c in claims_of(text, language) if c.kind == "person"]
    assert found == [(full, full), ("Tavenijira", full)]


@pytest.mark.parametrize(
    "text",
    [
        # two people the word could be a slip for: no one
        "Ana Tavenjira and Luis Tavenjiro spoke. “Later,” added Tavenijira, “we left.”",
        # a short word is no one's slip
        "Ana Ruizo spoke on Monday. “Later,” added Ruiza, “we left.”",
    ],
)
def test_a_lone_word_alike_to_no_single_surname_is_no_slip(text):
    assert not any(c.extra.get("slip_of") for c in claims_of(text) if c.kind == "person")


def test_a_documents_own_slip_of_a_surname_is_a_spelling_contradiction():
    full = mention("a", "Martín Tavenjira")
    lone = {**alone("a", "Tavenijira"), "extra": {"slip_of": "Martín Tavenjira"}}
    found = name_conflicts("s", "Martín Tavenjira", [full, lone], set())
    assert [(c.attribute, c.severity, sorted(v.value for v in c.values)) for c in found] == [
        ("surname", "high", ["Tavenijira", "Tavenjira"])
    ]
    # the same lone surname written right is no conflict
    right = {**alone("a", "Tavenjira"), "extra": {}}
    assert name_conflicts("s", "Martín Tavenjira", [full, right], set()) == []


def test_a_lone_surname_written_with_a_hyphen_is_no_first_name():
    mentions = [mention("a", "Mayra Suazo Sandoval"), alone("b", "Suazo-Sandoval")]
    assert name_conflicts("s", "Mayra Suazo Sandoval", mentions, set()) == []


# ------------------------------------------------------------------ one document, a name two ways


def named(document: str, given: str, surname: str, sentence: int = 0) -> dict:
    name = f"{given} {surname}"
    return {
        **mention(document, f"{given} {surname}"),
        "document_id": document,
        "subject": name,
        "sentence": sentence,
    }


def conflicts_of(claims: list[dict], ages: list[dict] = ()) -> list:
    found = []
    for entity in resolve("s", claims, [], [], ages):
        mentions = [m for member in entity.members for m in member.mentions]
        aliases = set().union(*(member.aliases for member in entity.members))
        found += name_conflicts("s", entity.name, mentions, aliases)
    return found


def test_a_name_a_document_writes_two_ways_is_one_person_and_a_contradiction():
    claims = [
        named("a", "Orla", "Brenneck", 0),
        named("a", "Orla", "Brenneck", 3),
        named("a", "Orla", "Breneck", 5),
    ]
    assert groups(resolve("s", claims, [], [])) == {frozenset({"Orla Brenneck", "Orla Breneck"})}
    found = conflicts_of(claims)
    assert [(c.attribute, c.severity, sorted(v.value for v in c.values)) for c in found] == [
        ("surname", "high", ["Breneck", "Brenneck"])
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Juan Carlos", "Tarrant"), ("Juan Pablo", "Tarrant")),  # two given names of their own
        (("Mario", "Quenaya"), ("María", "Quenaya")),  # a brother and a sister
        (("Lucio", "Pertano"), ("Luciano", "Pertano")),  # brothers
        (("Ana", "Ruiz Tello"), ("Ana", "Ruiz Soto")),  # cousins: no age says they are one
    ],
)
def test_names_a_document_gives_two_people_stay_apart(first, second):
    claims = [named("a", *first), named("a", *second, 4)]
    assert len(resolve("s", claims, [], [])) == 2
    assert conflicts_of(claims) == []


def test_a_surname_given_another_way_joins_only_with_the_same_age():
    claims = [
        named("a", "Rosa Amparo", "Ledesma Viñals"),
        named("a", "Rosa Amparo", "Lerma Viñals", 6),
    ]
    same = [age("a", "Rosa Amparo Ledesma Viñals", 71), age("a", "Rosa Amparo Lerma Viñals", 71)]
    found = conflicts_of(claims, same)
    assert [(c.attribute, c.severity) for c in found] == [("surname", "high")]
    other = [age("a", "Rosa Amparo Ledesma Viñals", 71), age("a", "Rosa Amparo Lerma Viñals", 44)]
    assert len(resolve("s", claims, [], [], other)) == 2
    assert len(resolve("s", claims, [], [])) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Survivor Nadia Korvel, 19, said the exit was locked.", "en"),
        ("La superviviente Nadia Korvel, de 19 años, dijo que la salida estaba cerrada.", "es"),
    ],
)
def test_a_role_written_before_a_name_is_no_part_of_it(text, language):
    assert names_of(text, language) == ["Nadia Korvel"]
    assert ages_of(text, language) == {"Nadia Korvel": 19}


def test_a_second_given_name_of_another_language_is_a_given_name():
    text = "The victims include Rosa Amparo Ledesma Viñals, 71, a retired teacher."
    person_claim = next(c for c in claims_of(text) if c.kind == "person")
    assert (person_claim.extra["given"], person_claim.extra["surname"]) == (
        "Rosa Amparo",
        "Ledesma Viñals",
    )


# ------------------------------------------------------------------ ages said beside a description


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        (
            "Detuvieron a Tomás Brevik, un mecánico de 41 años, en su casa.",
            "es",
            {"Tomás Brevik": 41},
        ),
        ("Ilse Marnock, estudiante de 17 años, murió en el hospital.", "es", {"Ilse Marnock": 17}),
        ("Tomas Brevik, a mechanic aged 41, was arrested.", "en", {"Tomas Brevik": 41}),
        ("Tomas Brevik, who was 41, died at the scene.", "en", {"Tomas Brevik": 41}),
        (
            "Tomás Brevik celebraba su 39 cumpleaños cuando empezó el fuego.",
            "es",
            {"Tomás Brevik": 39},
        ),
        ("Ana Ruiz festejaba su cumpleaños número 41 con sus amigos.", "es", {"Ana Ruiz": 41}),
        # the age of someone the words after the comma name
        ("Llegó Ana Ruiz, su hijo de 26 años y una vecina.", "es", {}),
        ("Tomás Brevik, padre de un niño de 5 años, habló ayer.", "es", {}),
        ("Ana Ruiz, con un vecino de 60 años, salió del edificio.", "es", {}),
        ("Ana Ruiz, una vecina de 60 años que vivía enfrente, salió.", "es", {}),
        ("Ana Ruiz celebraba su cumpleaños número 41 de casada.", "es", {}),
        ("Faltaban dos días para su 30 cumpleaños, dijo Ana Ruiz.", "es", {}),
    ],
)
def test_an_age_beside_a_description_of_a_named_person_is_theirs(text, language, ages):
    assert ages_of(text, language) == ages


# ---------------------------------------------------------------- places named like people


@pytest.mark.parametrize(
    "text, language",
    [
        (
            'The bus was crossing Rosa Valdeluz, a village of 2,000 people. "We mourn the crash '
            'in Rosa Valdeluz," said mayor Tomas Brevik.',
            "en",
        ),
        (
            'El autobús cruzaba Rosa Valdeluz, con unos 2.000 habitantes. "Lamentamos el '
            'accidente ocurrido en Rosa Valdeluz", dijo el alcalde Tomás Brevik.',
            "es",
        ),
    ],
)
def test_a_name_the_document_puts_after_a_place_preposition_is_a_place_throughout(text, language):
    assert names_of(text, language) == ["Tomas Brevik" if language == "en" else "Tomás Brevik"]


def test_a_name_with_more_than_its_given_name_for_evidence_stays_a_person_after_en():
    text = "Rosa Valdeluz, de 34 años, dijo que confiaba en Rosa Valdeluz."
    assert names_of(text, "es") == ["Rosa Valdeluz", "Rosa Valdeluz"]


# ---------------------------------------------------------------- residents, and a shared surname


@pytest.mark.parametrize(
    "text, language, role",
    [
        ("Orvel Tasker, a resident of the town, recalled the flood.", "en", "resident of the town"),
        ("Orvel Tasker, vecino del pueblo, recordó la riada.", "es", "vecino del pueblo"),
    ],
)
def test_a_resident_in_apposition_is_a_person(text, language, role):
    claims = claims_of(text, language)
    assert [c.value for c in claims if c.kind == "person"] == ["Orvel Tasker"]
    assert [(c.subject, c.value) for c in claims if c.kind == "role"] == [("Orvel Tasker", role)]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            'Mayor Ruth Tasker spoke on Monday. "We will rebuild," Tasker said. Orvel Tasker, '
            'a resident of the town, recalled the flood. "It was fast," said Tasker, 32.',
            "en",
        ),
        (
            'La alcaldesa Ruth Tasker habló el lunes. "Vamos a reconstruir", dijo Tasker. '
            'Orvel Tasker, vecino del pueblo, recordó la riada. "Fue muy rápido", dijo '
            "Tasker, de 32 años.",
            "es",
        ),
    ],
)
def test_a_surname_two_people_share_is_neither_of_them(text, language):
    claims = claims_of(text, language)
    lone = [c.subject for c in claims if c.kind == "person" and c.value == "Tasker"]
    assert lone and set(lone) == {"Tasker"}  # either of them: no one in particular
    assert [c.subject for c in claims if c.kind == "age"] == ["Tasker"]  # not the mayor's age


# ---------------------------------------------------------------- shorter forms of one document


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_document_shortening_its_own_full_name_gives_no_surname_of_it(language):
    """ "Ciro Anselmo" beside the document's "Ciro Anselmo Vidaurre Poma" is the given names,
    not a surname "Anselmo" that would make the other document's surname another one."""

    def said(document: str, name: str, given: str) -> dict:
        row = mention(document, name, language)
        return {**row, "extra": {"given": given, "surname": name[len(given) :].strip()}}

    conflicts = name_conflicts(
        "s",
        "Ciro Anselmo Vidaurre Poma",
        [
            said("a", "Ciro Anselmo Vidaurre Poma", "Ciro Anselmo"),
            said("a", "Ciro Anselmo", "Ciro"),
            said("b", "Ciro Anselmo Vidaurre Pona", "Ciro Anselmo"),
        ],
        set(),
    )
    assert [(c.attribute, c.rule, c.severity) for c in conflicts] == [
        ("surname", "name-spelling", "high")
    ]
    assert sorted(v.value for v in conflicts[0].values) == ["Vidaurre Poma", "Vidaurre Pona"]
