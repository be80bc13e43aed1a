"""One name from another script romanised two ways is a low note, never a contradiction;
a Latin-script name misspelt stays a contradiction. All names are invented."""

from __future__ import annotations

import json

import pytest
from conftest import mention, run_cli, write

from reconcile import store
from reconcile.check import check_draft
from reconcile.judge import is_variant, name_conflicts
from reconcile.models import Document
from reconcile.resolve import resolve, romanised, same_person


def person(document: str, name: str) -> dict:
    return {"document_id": document, "value": name, "subject": name, "extra": {}}


def rules(conflicts) -> list[tuple[str, str, str]]:
    return sorted((c.attribute, c.rule, c.severity) for c in conflicts)


# --------------------------------------------------------------------------- the test itself


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Velkoshevski", "Velkosevski"),  # sh / s (š with its mark dropped)
        ("Velkoshevski", "Velkoševski"),
        ("Trajchevska", "Trajcevska"),  # ch / c
        ("Trajchevska", "Trajtchevska"),  # ch / tch
        ("Zhuravin", "Juravin"),  # zh / j
        ("Khaldoun", "Jaldoun"),  # kh / j, as Spanish outlets write it
        ("Kuznitsov", "Kuznicov"),  # ts / c
        ("Djurdjevac", "Đurđevac"),  # dj / đ
        ("Aleksandrova", "Alexandrova"),  # ks / x
        ("Yevdokim", "Evdokim"),  # ye / e
        ("Miljanoska", "Milianoska"),  # j / i between a consonant and a vowel
        ("Natalya", "Natalia"),
        ("Nataliya", "Natalia"),  # iya / ia at the end
        ("Oleksiy", "Oleksii"),  # at the word's end
        ("Bortnikov", "Bortnikoff"),
        ("Miljanoska-Pekova", "Milianoska-Pekova"),  # one word of two
    ],
)
def test_usual_transliteration_alternations_are_romanisations(one, other):
    assert romanised(one, other) and romanised(other, one)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("MacFarlane", "McFarlane"),  # Mac / Mc
        ("Brackett", "Bracket"),  # a doubled letter
        ("Joseph", "Joeseph"),  # a letter added
        ("Lucille", "Luceille"),
        ("Sandoval", "Sandova"),  # a letter dropped
        ("Wilman", "William"),
        ("Yasin", "Yassin"),  # a doubled letter outside the known romanisations
        ("Carvajal", "Karvajal"),  # c / k: two plain letters
        ("Zelaya", "Jelaya"),  # z / j: two plain letters
        ("Velkoshevski", "Velkosevsky"),  # sh / s, but also a slip at the end
        ("Tapuyu", "Tapuiu"),  # y / i after a vowel: a Latin-script name misspelt
        ("Quispetuy", "Quispetui"),  # y / i alone at the end: the same
        ("Reyes", "Reies"),
        ("Christian", "Cristian"),  # two given names of their own
        ("Trajchevska", "Petrovska"),
        ("Ana", "Ania"),  # too short to tell
    ],
)
def test_misspellings_and_other_names_are_no_romanisations(one, other):
    assert not romanised(one, other) and not romanised(other, one)


# --------------------------------------------------------------------------- the judge


def test_a_surname_romanised_two_ways_is_a_low_variant():
    conflicts = name_conflicts(
        "s",
        "Dragan Velkoshevski",
        [
            mention("a", "Dragan Velkoshevski"),
            mention("b", "Dragan Velkoshevski"),
            mention("c", "Dragan Velkoševski", "es"),
        ],
        set(),
    )
    assert rules(conflicts) == [("surname", "name-romanisation", "low")]
    assert all(is_variant(c) for c in conflicts)


def test_both_parts_romanised_are_two_low_variants_and_one_person():
    one, other = "Dushko Trajchevski", "Dusko Trajcevski"
    assert same_person(one, other)
    assert len(resolve("s", [person("a", one), person("b", other)], [], [])) == 1
    conflicts = name_conflicts("s", one, [mention("a", one), mention("b", other, "es")], set())
    assert rules(conflicts) == [
        ("first name", "name-romanisation", "low"),
        ("surname", "name-romanisation", "low"),
    ]


def test_a_romanisation_and_a_slip_beside_it_stay_a_contradiction():
    conflicts = name_conflicts(
        "s",
        "Dragan Velkoshevski",
        [
            mention("a", "Dragan Velkoshevski"),
            mention("b", "Dragan Velkosevski"),
            mention("c", "Dragan Velkoshevki"),
        ],
        set(),
    )
    assert rules(conflicts) == [("surname", "name-spelling", "high")]


@pytest.mark.parametrize("language", ["en", "es"])
def test_one_document_romanising_a_name_two_ways_has_slipped(language):
    conflicts = name_conflicts(
        "s",
        "Dragan Velkoshevski",
        [
            mention("a", "Dragan Velkoshevski", language),
            mention("b", "Dragan Velkoshevski", language),
            mention("b", "Dragan Velkosevski", language),
        ],
        set(),
    )
    assert rules(conflicts) == [("surname", "name-spelling", "high")]
    # each outlet its own way stays a note, whatever one document repeats
    conflicts = name_conflicts(
        "s",
        "Dragan Velkoshevski",
        [
            mention("a", "Dragan Velkoshevski", language),
            mention("b", "Dragan Velkosevski", language),
            mention("b", "Dragan Velkosevski", language),
        ],
        set(),
    )
    assert rules(conflicts) == [("surname", "name-romanisation", "low")]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ruth MacFarlane", "Ruth McFarlane"),
        ("Glen Brackett", "Glen Bracket"),
        ("Joseph Arliss", "Joeseph Arliss"),
        ("Lucille Renfro", "Luceille Renfro"),
        ("Tomas Sandoval", "Tomas Sandova"),
        ("Wilman Oquendo", "William Oquendo"),
        ("Erika Quispetuy", "Erika Quispetui"),
    ],
)
def test_latin_script_misspellings_stay_high_contradictions(one, other):
    conflicts = name_conflicts("s", one, [mention("a", one), mention("b", other)], set())
    assert [(c.rule, c.severity) for c in conflicts] == [("name-spelling", "high")]


def test_two_people_of_one_surname_stay_apart():
    claims = [person("a", "Natalya Morozenko"), person("b", "Tatyana Morozenko")]
    assert len(resolve("s", claims, [], [])) == 2
    claims = [person("a", "Dushko Trajchevski"), person("b", "Zoran Trajcevski")]
    assert len(resolve("s", claims, [], [])) == 2


# --------------------------------------------------------------------------- end to end


def test_romanisations_across_outlets_are_hidden_unless_asked(tmp_path):
    db = tmp_path / "r.db"
    english = write(
        tmp_path / "en.txt",
        "Title: Fire at the Ostrava depot\nDate: 2025-03-16\n\n"
        "Interior Minister Dushko Trajchevski said on Sunday that 14 people were arrested "
        "after the fire at the depot in Velmar.\n",
    )
    spanish = write(
        tmp_path / "es.txt",
        "Título: Incendio en el depósito de Velmar\nFecha: 2025-03-16\n\n"
        "El ministro del Interior, Dusko Trajcevski, dijo el domingo que 14 personas fueron "
        "detenidas tras el incendio del depósito de Velmar.\n",
    )
    assert run_cli("ingest", english, spanish, "--db", db, "--story", "velmar").exit_code == 0
    listed = json.loads(run_cli("conflicts", "--db", db, "-f", "json").stdout)["conflicts"]
    assert not [c for c in listed if c["kind"] == "name"]
    noted = json.loads(run_cli("conflicts", "--db", db, "-f", "json", "--variants").stdout)
    names = [c for c in noted["conflicts"] if c["kind"] == "name"]
    assert names and all(c["rule"] == "name-romanisation" and c["severity"] == "low" for c in names)


def test_a_draft_romanising_a_name_another_way_is_backed_unless_variants_asked(tmp_path):
    sentence = (
        "Interior Minister {} said on Sunday that 14 people were arrested after the fire at "
        "the depot in Velmar."
    )
    for name in ("a.txt", "b.txt"):
        write(
            tmp_path / name,
            "Title: Fire at the Velmar depot\nDate: 2025-03-16\n\n"
            + sentence.format("Dushko Trajchevski")
            + "\n",
        )
    db_path = tmp_path / "r.db"
    assert run_cli("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db_path).exit_code == 0

    def draft(name: str) -> Document:
        text = sentence.format(name)
        return Document(
            id=f"draft-{name}", name="draft", path="draft.txt", text=text, published="2025-03-17"
        )

    db = store.connect(db_path, create=False)
    try:
        story = check_draft(db, draft("Dushko Trajchevski")).story
        assert story
        other = draft("Dushko Trajcevski")
        names = [f for f in check_draft(db, other, story).findings if f.kind == "name"]
        assert names and all(f.status == "supported" for f in names)
        noted = [
            f for f in check_draft(db, other, story, variants=True).findings if f.kind == "name"
        ]
        assert [(f.status, f.severity) for f in noted] == [("variant", "low")]
        assert "romanisation" in noted[0].explanation
    finally:
        db.conn.close()


def test_a_shorter_form_one_document_also_gives_is_still_compared_as_a_spelling():
    """A document giving "Dragan Ilija Velkoshevski" and "Dragan Velkoshevski" has not stated
    an alias: the shorter form stays a spelling, so the document that writes it both ways is
    seen to slip."""
    from reconcile.lexicon import fold

    named = [
        ("a", "Dragan Ilija Velkoshevski"),
        ("a", "Dragan Velkoshevski"),
        ("b", "Dragan Velkoshevski"),
        ("b", "Dragan Velkosevski"),
        ("c", "Dragan Velkoshevski"),
    ]
    claims = [
        {**mention(d, n), "document_id": d, "subject": n, "subject_key": fold(n), "id": i}
        for i, (d, n) in enumerate(named)
    ]
    [entity] = resolve("s", claims, [], [])
    aliases = set().union(*(m.aliases for m in entity.members))
    assert not aliases
    mentions = [x for m in entity.members for x in m.mentions]
    conflicts = name_conflicts("s", entity.name, mentions, aliases)
    assert rules(conflicts) == [("surname", "name-spelling", "high")]
    [slipped] = [v for v in conflicts[0].values if v.value == "Velkosevski"]
    assert {s.document for s in slipped.sources} == {"b"}
