"""A story over several countries: a count whose clause opens with a country ("En Honduras,
... 12 fallecidos") is that country's when the story's counts name two countries or more, and
never meets the whole toll; in a story of one country it narrows nothing. `check` keys a
draft the same way. Invented stories; the countries are the lexicon's."""

from __future__ import annotations

import pytest
from conftest import by_value, counts, write

from reconcile import store
from reconcile.check import check_draft, load_draft
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("In Honduras, the authorities confirmed 12 deaths.", "en", "honduras"),
        ("In Guatemala, at least 12 people died in the storm.", "en", "guatemala"),
        ("En Honduras, las autoridades confirmaron 12 fallecidos.", "es", "honduras"),
        (
            "En Guatemala, tras decretar la calamidad pública, las autoridades cuentan 12 fallecidos.",
            "es",
            "guatemala",
        ),
        ("En El Salvador, murieron 12 personas.", "es", "el salvador"),
    ],
)
def test_a_country_opening_the_clause_is_kept_in_the_frame(text, language, country):
    frame = by_value(counts(text, language), 12).extra["frame"]
    assert frame.get("country") == country and "place" not in frame


def test_a_town_opening_the_clause_is_a_place_not_a_country():
    frame = by_value(counts("In the town of Tolsa, 12 people died.", "en"), 12).extra["frame"]
    assert frame.get("place") == "Tolsa" and "country" not in frame


def page(text: str) -> str:
    return f"---\npublished: 2024-10-10\n---\n{text}\n"


def conflicts_of(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        write(tmp_path / "corpus" / name, page(text))
    db = store.connect(tmp_path / "s.db")
    ingest(db, [str(tmp_path / "corpus")], overrides={"story": "orla"}, jobs=1)
    return db, reconcile(db)


SEVERAL = {
    "a.md": "Storm Orla kills 30\n\nStorm Orla killed 30 people across Central America. "
    "In Honduras, the authorities confirmed 12 deaths. In Guatemala, at least 9 people died.",
    "b.md": "Storm Orla toll\n\nStorm Orla killed 30 people in the region. "
    "In Honduras, officials counted 12 deaths.",
    "c.md": "La tormenta Orla\n\nLa tormenta Orla dejó 30 muertos en la región. "
    "En Honduras, las autoridades confirmaron 12 fallecidos.",
}


def test_a_country_s_toll_never_meets_the_whole_one_in_a_story_of_several(tmp_path):
    _, found = conflicts_of(tmp_path, SEVERAL)
    assert [c.attribute for c in found if c.kind == "count"] == []


def test_two_tolls_of_one_country_still_meet(tmp_path):
    texts = {
        **SEVERAL,
        "d.md": "Orla in Honduras\n\nIn Honduras, 15 people died in the storm. "
        "In Guatemala, at least 9 people died.",
    }
    _, found = conflicts_of(tmp_path, texts)
    counts_found = [c for c in found if c.kind == "count"]
    assert [c.attribute for c in counts_found] == ["people killed in Honduras"]
    assert sorted(v.value for v in counts_found[0].values) == ["12", "15"]


def test_in_a_story_of_one_country_its_name_narrows_nothing(tmp_path):
    _, found = conflicts_of(
        tmp_path,
        {
            "a.md": "Floods in Honduras\n\nIn Honduras, 12 people died in the floods.",
            "b.md": "Honduras floods\n\nThe floods killed 14 people, officials said.",
        },
    )
    assert [c.attribute for c in found if c.kind == "count"] == ["people killed"]


def test_check_keys_a_country_s_toll_as_conflicts_does(tmp_path):
    db, _ = conflicts_of(tmp_path, SEVERAL)
    draft = write(
        tmp_path / "draft.md",
        page("Orla\n\nIn Honduras, 12 people died. Storm Orla killed 30 people in all."),
    )
    result = check_draft(db, load_draft(str(draft)))
    assert not [f for f in result.findings if f.is_problem and f.kind == "count"]
