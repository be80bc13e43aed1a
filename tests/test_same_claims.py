"""Claim for claim: however ingest runs (one process or worker processes, rows sent to the
writer, the full-text index built per batch), the database holds exactly the claims the
extractors give for each document read on its own, the reference path."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from reconcile import extract as extract_module
from reconcile import store
from reconcile.ingest import analyse, ingest
from reconcile.load import iter_paths, load_path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"

CLAIM_FIELDS = (
    "sentence",
    "kind",
    "subject",
    "attribute",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "date",
    "weekday",
    "hedge",
    "attribution",
    "start",
    "end",
    "quote",
    "extra",
)


def reference_claims(folder: Path) -> dict[str, list[tuple]]:
    """Document name -> its claims, every field, from `analyse` on each document alone."""
    found: dict[str, list[tuple]] = {}
    for path in iter_paths([str(folder)], False, []):
        for document in load_path(str(path)):
            _, _, claims = analyse(document)
            found[document.name] = [
                tuple(
                    store.finite(value) if name in ("low", "high") else value
                    for name, value in ((n, getattr(c, n)) for n in CLAIM_FIELDS)
                )
                for c in claims
            ]
    return found


def stored_claims(db) -> dict[str, list[tuple]]:
    columns = ", ".join(f'c."{name}"' for name in CLAIM_FIELDS)
    found: dict[str, list[tuple]] = {}
    for name in [row[0] for row in db.execute("SELECT name FROM documents")]:
        found[name] = []
    rows = db.execute(
        f"SELECT d.name, {columns} FROM claims c JOIN documents d ON d.id = c.document_id"  # noqa: S608
        " ORDER BY c.id"
    )
    for name, *values in rows:
        values[-1] = json.loads(values[-1])
        found[name].append(tuple(values))
    return found


def stored_sentences(db) -> list[tuple]:
    return list(
        db.execute(
            'SELECT d.name, s.idx, s.start, s."end", s.role, s.text, substr(d.text, s.start + 1,'
            ' s."end" - s.start) FROM sentences s JOIN documents d ON d.id = s.document_id'
            " ORDER BY d.name, s.idx"
        )
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample corpus, a generated archive and two invented articles with facts about
    people (English and Spanish) in one folder: enough files for ingest to use workers."""
    folder = tmp_path_factory.mktemp("same") / "corpus"
    shutil.copytree(SOURCES, folder / "sample")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate

        generate.generate(24, folder / "generated", seed=5)
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    (folder / "generated" / "truth.json").unlink()
    invented = folder / "invented"
    invented.mkdir()
    (invented / "en.txt").write_text(
        "Arrests at the port\n\nThe Honduran Carlos Mejía, 41, a father of three, was among"
        ' the 12 people arrested on Monday.\n\nPolice said Mejía, better known as "El Toro",'
        " had been sought since 2021.\n",
        encoding="utf-8",
    )
    (invented / "es.md").write_text(
        "---\nlanguage: es\n---\nDetenciones en el puerto\n\nLa guatemalteca Ana Ruiz, de 34"
        " años y madre de dos hijos, fue una de las 12 personas detenidas el lunes.\n\nRuiz,"
        ' alias "La Güera", era buscada desde 2021.\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("part", ["sample", "generated"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_stores_the_claims_the_extractors_give(corpus, tmp_path, part, jobs):
    folder = corpus / part if jobs == 1 else corpus
    db = store.connect(tmp_path / "claims.db")
    summary = ingest(db, [str(folder)], jobs=jobs)
    assert summary.failed == 0
    reference = reference_claims(folder)
    stored = stored_claims(db)
    assert sorted(stored) == sorted(reference)
    assert sum(map(len, reference.values())) > 20 * len(reference) // 2
    for name, claims in reference.items():
        assert stored[name] == claims, name
    sentences = stored_sentences(db)
    assert all(row[5] == row[6] for row in sentences)  # each sentence is its document's span
    indexed = db.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
    assert indexed == len(sentences)
    word = db.execute("SELECT text FROM sentences ORDER BY id DESC LIMIT 1").fetchone()[0].split()
    hits = db.execute(
        "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH ?",
        [json.dumps(max(word, key=len).strip(".,;:\"'()"))],
    ).fetchone()[0]
    assert hits >= 1


def test_rows_and_records_are_stored_alike(corpus, tmp_path):
    """The writer takes a document's records or the rows workers make of them, to one result;
    a sentence whose text is not its span keeps its own text."""
    prepared = [analyse(d) for p in sorted((corpus / "sample").glob("*.txt")) for d in load_path(p)]
    document, sentences, claims = prepared[0]
    sentences[0].text = sentences[0].text + " (edited)"
    as_records = store.connect(tmp_path / "records.db")
    store.write_documents(as_records, prepared)
    as_rows = store.connect(tmp_path / "rows.db")
    store.write_documents(as_rows, [store.document_rows(*item) for item in prepared])
    assert stored_claims(as_records) == stored_claims(as_rows)
    assert stored_sentences(as_records) == stored_sentences(as_rows)
    first = stored_sentences(as_rows)[0]
    assert first[5].endswith(" (edited)") and first[5] != first[6]


def test_a_replaced_document_leaves_the_index_consistent(tmp_path):
    """A batch that writes a document and then, at the same path, its new version: the old
    one's sentences leave the index they entered."""
    path = tmp_path / "article.txt"
    path.write_text("Ana Pérez said 12 people were hurt on Monday.\n", encoding="utf-8")
    first = [analyse(d) for d in load_path(path)]
    path.write_text("Ana Pérez said 14 people were hurt on Monday.\n", encoding="utf-8")
    second = [analyse(d) for d in load_path(path)]
    db = store.connect(tmp_path / "replaced.db")
    assert store.write_documents(db, first + second) == ["added", "replaced"]
    db.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('integrity-check')")
    assert (
        db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '14'").fetchone()[
            0
        ]
        == 1
    )
    assert (
        db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '12'").fetchone()[
            0
        ]
        == 0
    )


def claims_of(paths: list[Path], gated: bool, monkeypatch) -> list[dict]:
    monkeypatch.setattr(extract_module, "GATED", gated)
    return [
        {"document": document.name, **claim.as_dict()}
        for path in paths
        for document in load_path(str(path))
        for claim in analyse(document)[2]
    ]


def test_gated_extraction_gives_the_reference_claims(corpus, monkeypatch):
    """Extractors skipped where they can give nothing: the same claims as running them all."""
    paths = [Path(p) for p in iter_paths([str(corpus)], False, [])]
    gated = claims_of(paths, True, monkeypatch)
    assert gated == claims_of(paths, False, monkeypatch)
    kinds = {claim["kind"] for claim in gated}
    assert {"person", "alias", "nationality", "children", "count", "age", "date"} <= kinds


REAL = ROOT / "benchmarks" / "real"


def test_gated_extraction_gives_the_reference_claims_on_the_real_development_stories(
    monkeypatch,
):
    import yaml

    stories = yaml.safe_load((REAL / "stories.yaml").read_text(encoding="utf-8"))["stories"]
    paths = sorted(
        path
        for story, info in stories.items()
        if info["split"] == "dev"
        for path in (REAL / "texts" / story).glob("*.txt")
    )
    if not paths:
        pytest.skip("the article texts are not rebuilt here (benchmarks/real/texts/)")
    gated = claims_of(paths, True, monkeypatch)
    assert gated == claims_of(paths, False, monkeypatch)
    assert len(gated) > 10 * len(paths)


def test_facts_about_people_are_not_sought_where_nobody_is_named(corpus, monkeypatch):
    seen: list[int] = []
    original = extract_module.personal_claims

    def spy(sentence, text, lex, people, **options):
        seen.append(len(people))
        return original(sentence, text, lex, people, **options)

    monkeypatch.setattr(extract_module, "personal_claims", spy)
    claims_of(sorted((corpus / "invented").iterdir()), True, monkeypatch)
    assert seen and all(seen)
    seen.clear()
    claims_of(sorted((corpus / "invented").iterdir()), False, monkeypatch)
    assert 0 in seen


def test_control_bytes_are_counted_as_one_byte_at_a_time_would():
    import random

    from reconcile.load import looks_binary

    def reference(data: bytes) -> bool:
        head = data[:8192]
        if b"\x00" in head:
            return True
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        return bool(head) and controls / len(head) > 0.05

    rng = random.Random(3)
    samples = [b"", b"plain text\n", "Año 2024\r\n\t\x0c".encode()]
    for share in (0.0, 0.03, 0.05, 0.06, 0.2):
        for size in (10, 100, 9000):
            samples.append(
                bytes(
                    rng.choice(range(1, 32)) if rng.random() < share else rng.choice(range(32, 256))
                    for _ in range(size)
                )
            )
    answers = [looks_binary(data) for data in samples]
    assert answers == [reference(data) for data in samples]
    assert True in answers and False in answers


def test_no_hedge_or_source_is_sought_for_a_sentence_without_facts(corpus, monkeypatch):
    calls = {"hedge": 0, "source": 0}
    hedge_of, attribution_of = extract_module.hedge_of, extract_module.attribution_of

    def hedge_spy(*args):
        calls["hedge"] += 1
        return hedge_of(*args)

    def source_spy(*args):
        calls["source"] += 1
        return attribution_of(*args)

    monkeypatch.setattr(extract_module, "hedge_of", hedge_spy)
    monkeypatch.setattr(extract_module, "attribution_of", source_spy)
    paths = sorted((corpus / "sample").glob("*.txt"))
    claims_of(paths, False, monkeypatch)
    everywhere = dict(calls)
    calls.update(hedge=0, source=0)
    gated = claims_of(paths, True, monkeypatch)
    assert 0 < calls["hedge"] == calls["source"] < everywhere["hedge"] / 2
    assert any(c["hedge"] for c in gated) and any(c["attribution"] for c in gated)


def test_numbers_are_not_sought_in_a_sentence_without_digits_or_number_words(corpus, monkeypatch):
    searched: list[str] = []
    find_numbers = extract_module.find_numbers

    def spy(text, code, start, end):
        searched.append(text[start:end])
        return find_numbers(text, code, start, end)

    monkeypatch.setattr(extract_module, "find_numbers", spy)
    paths = sorted((corpus / "sample").glob("*.txt"))
    claims_of(paths, False, monkeypatch)
    everywhere = list(searched)
    searched.clear()
    claims_of(paths, True, monkeypatch)
    assert 0 < len(searched) < len(everywhere)
    assert any(not re.search(r"\d", s) for s in searched)  # number words are still read


def test_runs_are_weighed_once_and_only_where_they_may_be_people(tmp_path, monkeypatch):
    """A sentence's first word alone ("Police", "Luego") is weighed as a person only when the
    document already names someone by it, another single word ("Halvik") only when a title or
    an apposition stands by it; every other run is weighed once per document, however many
    times extraction reads its sentence."""
    from reconcile.extract import people

    weighed: list[str] = []
    original = people.weigh_run

    def spy(text, lex, sentence, run):
        weighed.append(run.name)
        return original(text, lex, sentence, run)

    monkeypatch.setattr(people, "weigh_run", spy)
    for name, text in (
        (
            "en.txt",
            "Police sealed the port on Monday. Yesterday the ferry for Halvik stayed in dock.\n\n"
            "Officers said Carlos Mejía, 41, was detained. Mejía denied it.\n",
        ),
        (
            "es.md",
            "---\nlanguage: es\n---\nLuego cerraron el puerto el lunes. Ayer el ferry a Halvik"
            " no zarpó.\n\nLa policía dijo que Ana Ruiz, de 34 años, fue detenida. Ruiz lo negó.\n",
        ),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        weighed.clear()
        claims = [c for d in load_path(path) for c in analyse(d)[2]]
        full = "Carlos Mejía" if name == "en.txt" else "Ana Ruiz"
        assert [c.subject for c in claims if c.kind == "person"] == [full, full]
        assert sorted(weighed) == sorted({full, full.split()[1]})


def test_an_age_pattern_is_compiled_only_when_a_sentence_holds_its_words(tmp_path):
    from reconcile.extract import ages

    for code in ("en", "es"):
        ages.age_pattern.cache_clear()
        path = tmp_path / f"{code}.md"
        path.write_text(
            f"---\nlanguage: {code}\n---\nThe port closed on Monday. El puerto cerró el lunes.\n",
            encoding="utf-8",
        )
        for document in load_path(path):
            analyse(document)
        assert ages.age_pattern.cache_info().currsize == 0  # no number: no age phrase at all
        path.write_text(
            f"---\nlanguage: {code}\n---\nThe port closed with 12 ships inside. El puerto cerró"
            " con 12 barcos dentro.\n",
            encoding="utf-8",
        )
        for document in load_path(path):
            analyse(document)
        compiled = ages.age_pattern.cache_info().currsize
        needy = sum(1 for words in ages.age_pattern_words(code) if words)
        assert needy and compiled == len(ages.age_pattern_sources(code)) - needy
        path.write_text(
            f"---\nlanguage: {code}\n---\nAna Ruiz, 34 years old, de 34 años, was born in 1990."
            " Nació hace 34 años.\n",
            encoding="utf-8",
        )
        for document in load_path(path):
            analyse(document)
        assert ages.age_pattern.cache_info().currsize > compiled


def test_a_sentence_is_read_again_only_where_the_known_names_answer_otherwise(
    tmp_path, monkeypatch
):
    """Extraction reads each sentence without the document's names, then with them: the
    second reading is the first one again unless a question it asked of the names ("is this
    word a known name?", "whose surname does it misspell?") now has another answer. Only the
    sentences that name someone the document knows (in full, then by surname alone) are read
    twice; the ferry's is read once."""
    from reconcile.extract import people
    from reconcile.lexicon import lexicon

    read: list[str] = []
    original = people.read_people

    def spy(sentence, text, lex, known):
        read.append(sentence.text)
        return original(sentence, text, lex, known)

    monkeypatch.setattr(people, "read_people", spy)
    for name, text, again in (
        (
            "en.txt",
            "Officers said Tomasz Welbeck, 52, was detained in Corvena on Monday.\n\n"
            "The ferry stayed in dock. Welbeck denied it.\n",
            "Welbeck denied it.",
        ),
        (
            "es.md",
            "---\nlanguage: es\n---\nLa policía dijo que Nerea Valcárcel, de 38 años, fue"
            " detenida en Corvena el lunes.\n\nEl ferry no zarpó. Valcárcel lo negó.\n",
            "Valcárcel lo negó.",
        ),
    ):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        read.clear()
        (document,) = load_path(path)
        _, sentences, claims = analyse(document)
        assert sorted(read) == sorted([s.text for s in sentences] + [sentences[0].text, again])
        full = "Tomasz Welbeck" if name == "en.txt" else "Nerea Valcárcel"
        assert [c.subject for c in claims if c.kind == "person"] == [full, full]
        assert [(c.subject, c.low) for c in claims if c.kind == "age"] == [
            (full, 52 if name == "en.txt" else 38)
        ]
        lex = lexicon(document.language)
        first, second = (people.find_people(sentences[0], document.text, lex, {}) for _ in "ab")
        assert first == second and first[0] is not second[0]  # each caller's own to change
        assert first[0].evidence is not second[0].evidence
