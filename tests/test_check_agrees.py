"""`check` and `conflicts` take one comparison path: a draft checked against a corpus reports
a clash exactly where `conflicts` reports one between the same values once the draft is
ingested as one more source. Corpora and drafts are invented, in English and in Spanish; no
two corpus articles disagree, so every conflict found afterwards is the draft's: the numbers,
ages and names that clash, and the approximate figure beside an exact one (a low note in
both)."""

from __future__ import annotations

import pytest
from conftest import write

from reconcile import store
from reconcile.check import check_draft, load_draft
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile

ENGLISH = {
    "a.md": (
        "2024-03-05",
        "Harbour collapse in Port Velland\n\n"
        "Mayor Orsolya Vantreek said 14 people were killed when the harbour crane fell on "
        "Monday. Rescuers said 23 people were injured. Engineer Dario Klemmensen, 47, led "
        "the inspection of the crane.",
    ),
    "b.md": (
        "2024-03-05",
        "Port Velland counts its dead\n\n"
        "Mayor Orsolya Vantreek confirmed that 14 people were killed in the collapse. "
        "Dario Klemmensen, 47, the engineer in charge, was questioned by the police. "
        "At least 20 people were injured, officials said.",
    ),
    "c.md": (
        "2024-03-06",
        "Inquiry into the Port Velland crane\n\n"
        "Orsolya Vantreek opened an inquiry into the collapse that killed 14 people. "
        "Dario Klemmensen, 47, said the crane had passed every test.",
    ),
}
ENGLISH_DRAFT = (
    "2024-03-07",
    "The Port Velland crane\n\n"
    "Mayor Orsolya Vantreek said 17 people were killed when the crane fell. "
    "Dario Klemensen, 52, led the inspection. Some 23 people were injured.",
)

SPANISH = {
    "a.md": (
        "2024-05-10",
        "Incendio en el mercado de Valdeloria\n\n"
        "El alcalde Teodoro Quintanilla Berrocal dijo que 9 personas murieron en el incendio "
        "del mercado. Los bomberos informaron que 31 personas resultaron heridas. La dueña "
        "del puesto, Remedios Albarracín, de 61 años, fue atendida en el hospital.",
    ),
    "b.md": (
        "2024-05-10",
        "Valdeloria llora a sus muertos\n\n"
        "Teodoro Quintanilla Berrocal confirmó que 9 personas murieron. Remedios Albarracín, "
        "de 61 años, perdió su puesto. Al menos 30 personas resultaron heridas.",
    ),
    "c.md": (
        "2024-05-11",
        "Investigan el incendio de Valdeloria\n\n"
        "El alcalde Teodoro Quintanilla Berrocal pidió una investigación del incendio en el "
        "que murieron 9 personas. Remedios Albarracín, de 61 años, declaró ante el juez.",
    ),
}
SPANISH_DRAFT = (
    "2024-05-12",
    "El incendio de Valdeloria\n\n"
    "El alcalde Teodoro Quintanilla Berrocal dijo que 12 personas murieron en el incendio. "
    "Remedios Albarracin, de 64 años, perdió su puesto. Unas 31 personas resultaron heridas.",
)


def page(published: str, text: str) -> str:
    return f"---\npublished: {published}\n---\n{text}\n"


def databases(tmp_path, corpus: dict, draft: tuple[str, str]):
    """The corpus alone (for `check`) and the corpus with the draft as a source (for
    `conflicts`); the path of the draft."""
    for name, (published, text) in corpus.items():
        write(tmp_path / "corpus" / name, page(published, text))
    draft_path = write(tmp_path / "draft" / "draft.md", page(*draft))
    alone = store.connect(tmp_path / "alone.db")
    ingest(alone, [str(tmp_path / "corpus")], jobs=1)
    both = store.connect(tmp_path / "both.db")
    ingest(both, [str(tmp_path / "corpus"), str(draft_path)], jobs=1)
    return alone, both, draft_path


def draft_conflicts(db, document: str) -> dict[tuple[str, int], set[str]]:
    """Where `conflicts` sets a draft claim against other sources: (kind, the claim's start)
    -> the values it is set against."""
    found: dict[tuple[str, int], set[str]] = {}
    for conflict in reconcile(db):
        for value in conflict.values:
            for source in value.sources:
                if source.document == document:
                    others = {v.value for v in conflict.values if v is not value and v.sources}
                    found[(conflict.kind, source.start)] = others
    return found


EXPECTED = {
    ("count", "exceeds sources"),  # 17 dead, 12 muertos: more than every source
    ("count", "approximate"),  # some 23 injured, unas 31 heridas: beside 23 and 31
    ("age", "contradiction"),  # 52 and 64: no birth year fits
}


@pytest.mark.parametrize(
    ("corpus", "draft", "statuses"),
    [
        (ENGLISH, ENGLISH_DRAFT, EXPECTED | {("name", "contradiction")}),  # Klemensen
        (SPANISH, SPANISH_DRAFT, EXPECTED | {("name", "variant")}),  # Albarracin
    ],
    ids=["en", "es"],
)
def test_check_and_conflicts_set_a_draft_claim_against_the_same_values(
    tmp_path, corpus, draft, statuses
):
    alone, both, draft_path = databases(tmp_path, corpus, draft)
    assert not reconcile(alone), "the invented corpus must agree with itself"
    result = check_draft(alone, load_draft(str(draft_path)), variants=True)
    problems = {(f.kind, f.start): f for f in result.findings if f.is_problem}
    found = draft_conflicts(both, result.draft.document.name)

    # `conflicts` sees no soft note where `check` sees none either, and the other way round.
    assert set(problems) == set(found), (
        [(f.words, f.status) for f in problems.values()],
        found,
    )
    for (kind, start), finding in problems.items():
        others = found[(kind, start)]
        if kind != "name":  # names: check shows full spellings, conflicts the part in question
            assert {v.value for v in finding.corpus} & others, (finding.explanation, others)
    assert {(f.kind, f.status) for f in problems.values()} == statuses


PERSONAL = {
    "a.md": (
        "2024-06-02",
        "Fire at the Port Velland depot\n\n"
        "Marta Velloso, a Guatemalan national, died in the depot blaze. Marta Velloso was "
        "a mother of three, her employer said.",
    ),
    "b.md": (
        "2024-06-02",
        "Port Velland mourns\n\n"
        "Marta Velloso, de 34 años y madre de tres hijos, murió en el incendio del depósito. "
        "Marta Velloso era guatemalteca.",
    ),
}
PERSONAL_DRAFT = (
    "2024-06-03",
    "The depot fire\n\n"
    "Marta Velloso, a Mexican national, died in the fire. Marta Velloso was a mother of four.",
)


def test_check_judges_a_nationality_and_children_as_conflicts_does(tmp_path):
    alone, both, draft_path = databases(tmp_path, PERSONAL, PERSONAL_DRAFT)
    assert not reconcile(alone), "the invented corpus must agree with itself"
    result = check_draft(alone, load_draft(str(draft_path)))
    problems = {(f.kind, f.start): f for f in result.findings if f.is_problem}
    found = draft_conflicts(both, result.draft.document.name)
    assert set(problems) == set(found)
    shown = {(f.kind, f.status, f.severity, f.suggestion) for f in problems.values()}
    assert shown == {
        ("nationality", "contradiction", "high", "Guatemala"),
        ("children", "contradiction", "high", "3"),
    }
    for (kind, start), finding in problems.items():
        assert {v.value for v in finding.corpus} == found[(kind, start)]


WORDS = {
    "a.md": (
        "2024-07-01",
        "Incendio en el mercado de Valdeloria\n\n"
        "El alcalde Teodoro Quintanilla Berrocal dijo que 9 personas murieron en el incendio "
        "del mercado. Entre los fallecidos está Wendilo Aarón Cárcamo Perdomo, de 27 años.",
    ),
    "b.md": (
        "2024-07-01",
        "Valdeloria llora a sus muertos\n\n"
        "Teodoro Quintanilla Berrocal confirmó que 9 personas murieron en el incendio del "
        "mercado. La familia de Wendilo Aarón Cárcamo Perdomo pidió justicia.",
    ),
}
WORDS_DRAFT = (
    "2024-07-02",
    "El incendio de Valdeloria\n\n"
    "El alcalde Teodoro Quintanilla Berrocal dijo que 9 personas murieron en el incendio. "
    "Entre los fallecidos está Wendilo Aron Cárcamo Perdomo, de 27 años.",
)


def test_check_finds_a_misspelt_word_of_a_name_as_conflicts_does(tmp_path):
    alone, both, draft_path = databases(tmp_path, WORDS, WORDS_DRAFT)
    assert not reconcile(alone), "the invented corpus must agree with itself"
    result = check_draft(alone, load_draft(str(draft_path)))
    problems = {(f.kind, f.start): f for f in result.findings if f.is_problem}
    found = draft_conflicts(both, result.draft.document.name)
    assert set(problems) == set(found)
    (finding,) = problems.values()
    assert (finding.status, finding.severity, finding.suggestion) == (
        "contradiction",
        "high",
        "Aarón",
    )
