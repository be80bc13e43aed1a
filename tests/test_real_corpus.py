"""The real-news corpus as committed: every story has its recipe and a gold that reads, and no
committed file carries the articles' own wording (the texts are third-party)."""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest
import yaml
from conftest import ROOT

from reconcile.evaluate import load_gold

REAL = ROOT / "benchmarks" / "real"
STORIES = yaml.safe_load((REAL / "stories.yaml").read_text(encoding="utf-8"))["stories"]
spec = importlib.util.spec_from_file_location("corpus", REAL / "corpus.py")
corpus = sys.modules["corpus"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)


def test_the_corpus_is_large_enough_and_split():
    assert len(STORIES) >= 15
    assert sum(info["articles"] for info in STORIES.values()) >= 150
    held_out = [s for s, info in STORIES.items() if info["split"] == "heldout"]
    assert len(STORIES) / 4 <= len(held_out) <= len(STORIES) / 2


@pytest.mark.parametrize("story", sorted(STORIES))
def test_each_story_has_a_recipe_and_a_gold_that_reads(story):
    files = corpus.recipe_files(REAL / story / "recipe.md")
    assert len(files) == STORIES[story]["articles"]
    gold = load_gold([REAL / story / "facts.yaml"])
    prefixes = gold.stories[story]
    assert sorted(p.rstrip("_") for p in prefixes) == sorted(f.file.split("_")[0] for f in files)
    assert all(p.startswith(STORIES[story]["prefix"]) for p in prefixes)
    assert all(s.doc in prefixes for fact in gold.facts for s in fact.statements)
    assert any(fact.owed for fact in gold.facts)


def runs(text: str, size: int = 8) -> set[str]:
    """Runs of `size` words, lowercased; runs that are half names and figures (capitalised
    words, numbers) state facts a gold may give, not an article's wording."""
    words = re.findall(r"\w+", re.sub(r"https?://\S+", " ", text))
    return {
        " ".join(words[i : i + size]).lower()
        for i in range(len(words) - size + 1)
        if sum(w[0].isupper() or w[0].isdigit() for w in words[i : i + size]) * 2 < size
    }


def test_no_committed_file_repeats_an_article():
    texts = sorted((REAL / "texts").rglob("*.txt")) if (REAL / "texts").is_dir() else []
    if not texts:
        pytest.skip("the article texts are not rebuilt here (benchmarks/real/texts/)")
    article_runs = set().union(*(runs(corpus.read_text_file(path)[1]) for path in texts))
    repeated = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in project_text_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if runs(line) & article_runs
    ]
    assert not repeated, f"lines that repeat an article: {repeated}"


def project_text_files() -> list:
    """What the project commits in words: golds and recipes, docs, tests (their sentences are
    invented), the package's code and language data, the README."""
    found = [ROOT / "README.md"]
    for folder, suffixes in (
        (REAL, (".md", ".yaml")),
        (ROOT / "docs", (".md",)),
        (ROOT / "tests", (".py", ".md", ".yaml")),
        (ROOT / "reconcile", (".py", ".yaml")),
    ):
        for path in sorted(folder.rglob("*")):
            inside = path.relative_to(folder).parts
            if path.suffix in suffixes and not {"texts", "build", "__pycache__"} & set(inside):
                found.append(path)
    return found


def test_groups_counts_split_and_joined_stories(tmp_path, capsys):
    import sqlite3

    first, second = [entry["prefix"] for entry in STORIES.values()][:2]
    (tmp_path / "dev").mkdir()
    db = sqlite3.connect(tmp_path / "dev" / "corpus.db")
    db.executescript(
        "CREATE TABLE documents (id TEXT, name TEXT, story TEXT);"
        "CREATE TABLE stories (document_id TEXT, story TEXT);"
    )
    grouping = {  # the first story in two groups, one of them with the second story
        f"{first}01_a": "g1",
        f"{first}02_b": "g1",
        f"{first}03_c": "g2",
        f"{second}01_d": "g2",
        f"{second}02_e": "g2",
    }
    for number, (name, group) in enumerate(grouping.items()):
        db.execute("INSERT INTO documents VALUES (?, ?, NULL)", [str(number), name])
        db.execute("INSERT INTO stories VALUES (?, ?)", [str(number), group])
    db.commit()
    db.close()
    assert corpus.main(["groups", "--split", "dev", "--build", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2 stories in 2 groups; 1 split (1 groups too many), 1 groups joining" in out
    held_out = ["groups", "--split", "heldout", "--detail", "--build", str(tmp_path)]
    assert corpus.main(held_out) == 2  # the held-out part is only ever counted
