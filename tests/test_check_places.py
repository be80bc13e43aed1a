"""`check` judges a draft's places (a trip's origin and destination, a person's home) as
`conflicts` judges the sources' places, with the draft as one more source: the same slot and
subject, one place however written, a town inside the province the story puts it in, a
spelling slip as a low note. The corpus and the drafts are invented, in English and Spanish."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli, write

from reconcile import store
from reconcile.check import check_draft, judge_place, load_draft
from reconcile.ingest import ingest
from reconcile.judge_places import within_pairs
from reconcile.pipeline import reconcile

CORPUS = {
    "a.md": (
        "2024-03-19",
        "A bus carrying 40 pilgrims overturned on Tuesday. The bus, traveling from Velmora "
        "Heights, was heading to the province of Orba Alta when its brakes failed, police "
        "said. The driver, Dario Fennimore, 41, of Larkfield, survived.",
    ),
    "b.md": (
        "2024-03-19",
        "Un autobús con 40 peregrinos volcó el martes. El autobús, que había partido de "
        "Velmora Heights con destino a la provincia de Orba Alta, cayó a un barranco, según "
        "la policía. El conductor, Dario Fennimore, originario de Larkfield, sobrevivió.",
    ),
}

DRAFTS = {
    "agrees": (
        "El autobús, que había partido de Velmora Heights con destino a la provincia de Orba "
        "Alta, volcó el martes. El conductor, Dario Fennimore, originario de Larkfield, "
        "sobrevivió."
    ),
    "contradicts": (
        "The bus, traveling from Port Tarsis, was heading to the province of Orba Alta when it "
        "overturned on Tuesday. Its driver, Dario Fennimore, 41, of Brenmouth, survived."
    ),
    "hedged": (
        "The bus, reportedly traveling from Port Tarsis, was heading to the province of Orba "
        "Alta when it overturned on Tuesday. Its driver, Dario Fennimore, survived."
    ),
    "spelling": (
        "The bus, traveling from Velmorra Heights, was heading to the province of Orba Alta "
        "when it overturned on Tuesday. Its driver, Dario Fennimore, survived."
    ),
    "town": (
        "El autobús, que había partido de Velmora Heights con destino a Tizelt, provincia de "
        "Orba Alta, volcó el martes. El conductor, Dario Fennimore, sobrevivió."
    ),
}

# draft: the place findings that are problems, (attribute, value, status, severity, suggestion)
PROBLEMS = {
    "agrees": set(),
    "contradicts": {
        ("origin (bus)", "Port Tarsis", "contradiction", "high", "Velmora Heights"),
        ("home", "Brenmouth", "contradiction", "high", "Larkfield"),
    },
    "hedged": {("origin (bus)", "Port Tarsis", "contradiction", "medium", "Velmora Heights")},
    "spelling": {("origin (bus)", "Velmorra Heights", "variant", "low", "Velmora Heights")},
    "town": set(),
}


def page(published: str, text: str) -> str:
    return f"---\npublished: {published}\n---\n{text}\n"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("places") / "corpus"
    for name, (published, text) in CORPUS.items():
        write(folder / name, page(published, text))
    return folder


@pytest.fixture(scope="module")
def corpus_db(corpus_dir):
    path = corpus_dir.parent / "corpus.db"
    db = store.connect(path)
    ingest(db, [str(corpus_dir)], jobs=1)
    assert not reconcile(db), "the invented corpus must agree with itself"
    db.conn.close()
    return path


def draft_file(tmp_path, name: str):
    return write(tmp_path / "draft" / f"{name}.md", page("2024-03-20", DRAFTS[name]))


def place_findings(db_path, draft_path):
    db = store.connect(db_path, create=False)
    try:
        result = check_draft(db, load_draft(str(draft_path)))
    finally:
        db.conn.close()
    return result, [f for f in result.findings if f.kind == "place"]


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_a_drafts_places_against_the_corpus(tmp_path, corpus_db, name):
    result, places = place_findings(corpus_db, draft_file(tmp_path, name))
    problems = {
        (f.attribute, f.value, f.status, f.severity, f.suggestion) for f in places if f.is_problem
    }
    assert problems == PROBLEMS[name], [(f.value, f.status, f.explanation) for f in places]
    assert result.story is not None


def test_a_draft_that_agrees_is_backed_by_both_languages(tmp_path, corpus_db):
    _, places = place_findings(corpus_db, draft_file(tmp_path, "agrees"))
    shown = {f.attribute: (f.status, [(v.value, v.tally) for v in f.corpus]) for f in places}
    assert shown == {
        "origin (bus)": ("supported", [("Velmora Heights", 2)]),
        "destination (bus)": ("supported", [("Orba Alta", 2)]),
        "home": ("supported", [("Larkfield", 2)]),
    }


def test_a_town_inside_the_sources_province_is_compatible(tmp_path, corpus_db):
    # the draft says Tizelt lies in Orba Alta: the sources' province says less, and is no clash
    _, places = place_findings(corpus_db, draft_file(tmp_path, "town"))
    (destination,) = [f for f in places if f.attribute == "destination (bus)"]
    assert destination.value == "Tizelt" and destination.status == "unsupported"
    assert "compatible" in destination.explanation and "Orba Alta" in destination.explanation


def test_the_cli_fails_on_a_contradicted_place(tmp_path, corpus_db):
    draft = draft_file(tmp_path, "contradicts")
    result = run_cli("check", draft, "--db", corpus_db, "--fail-on", "high", "-f", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    origin = next(f for f in findings if f["attribute"] == "origin (bus)")
    assert origin["kind"] == "place" and origin["rule"] == "place-differs"
    assert origin["severity"] == "high"
    assert origin["line"] == 4 and origin["words"].endswith("Port Tarsis")
    assert [v["value"] for v in origin["corpus"]] == ["Velmora Heights"]


def test_the_cli_passes_a_spelling_slip_unless_asked_to_fail_on_low(tmp_path, corpus_db):
    draft = draft_file(tmp_path, "spelling")
    assert run_cli("check", draft, "--db", corpus_db).exit_code == 0
    result = run_cli("check", draft, "--db", corpus_db, "--fail-on", "low", "-f", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["status"]) == ("place-spelling", "variant")
    for name in ("agrees", "town"):
        draft = draft_file(tmp_path, name)
        assert run_cli("check", draft, "--db", corpus_db, "--fail-on", "low").exit_code == 0


def draft_conflicts(db, document: str) -> dict[int, tuple[str, str, set[str]]]:
    """Where `conflicts` sets a draft place against other sources: the claim's start ->
    (rule, severity, the values it is set against)."""
    found = {}
    for conflict in reconcile(db):
        if conflict.kind != "place":
            continue
        for value in conflict.values:
            for source in value.sources:
                if source.document == document:
                    others = {v.value for v in conflict.values if v is not value}
                    found[source.start] = (conflict.rule, conflict.severity, others)
    return found


@pytest.mark.parametrize("name", sorted(DRAFTS))
def test_check_and_conflicts_judge_the_same_places_alike(tmp_path, corpus_dir, corpus_db, name):
    draft = draft_file(tmp_path, name)
    result, places = place_findings(corpus_db, draft)
    both = store.connect(tmp_path / "both.db")
    ingest(both, [str(corpus_dir), str(draft)], jobs=1)
    found = draft_conflicts(both, result.draft.document.name)
    problems = {f.start: f for f in places if f.is_problem}
    assert set(problems) == set(found), ([(f.value, f.status) for f in places], found)
    for start, finding in problems.items():
        rule, severity, others = found[start]
        assert (finding.rule, finding.severity) == (rule, severity)
        assert {v.value for v in finding.corpus} <= others | {finding.value}
        assert {v.value for v in finding.corpus} & others


def claim(document: str, value: str, within: str | None = None) -> dict:
    return {
        "document": document,
        "document_id": document,
        "kind": "place",
        "value": value,
        "attribute": "destination (bus)",
        "subject": "",
        "start": 0,
        "end": 5,
        "quote": value,
        "hedge": None,
        "low": None,
        "high": None,
        "qualifier": None,
        "extra": {"slot": "destination", **({"within": within} if within else {})},
    }


def test_a_drafts_province_holding_the_sources_town_is_backed():
    block = [claim("a", "Tizelt", within="Orba Alta"), claim("b", "Tizelt")]
    draft = claim("draft", "Orba Alta")
    verdict = judge_place(draft, [draft], block, within_pairs([*block, draft]), "")
    assert verdict.status == "supported" and verdict.severity is None
    assert [v.value for v in verdict.values] == ["Tizelt"]


def test_a_draft_giving_two_places_for_a_slot_is_not_compared():
    block = [claim("a", "Tizelt"), claim("b", "Tizelt")]
    own = [claim("draft", "Marzouk"), claim("draft", "Tizelt")]
    verdict = judge_place(own[0], own, block, within_pairs([*block, *own]), "")
    assert verdict.status == "unsupported" and verdict.severity is None


def test_a_venue_is_compared_only_for_its_spelling():
    def venue(document: str, value: str) -> dict:
        return {**claim(document, value), "attribute": "venue", "extra": {"slot": "venue"}}

    block = [venue("a", "Casa Lumen"), venue("b", "Casa Lumen")]
    for value, status in [("Teatro Vela", "unsupported"), ("Casa Lumens", "variant")]:
        draft = venue("draft", value)
        verdict = judge_place(draft, [draft], block, set(), "")
        assert verdict.status == status, verdict.explanation
    draft = venue("draft", "Casa Lumen")
    assert judge_place(draft, [draft], block, set(), "").status == "supported"
