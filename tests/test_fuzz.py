"""Issue 7: arbitrary text and arbitrary bytes through loading, segmenting, extracting and
storing. Loading raises nothing but LoadError; analysing and storing raise nothing; every
stored offset slices the stored text, for sentences and for claims."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reconcile import store
from reconcile.ingest import analyse
from reconcile.load import LoadError, clean_text, load_path, make_document

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Words that make the extractors work: numbers, names, dates, ages, event words, Spanish,
# punctuation, and characters that break naive offset arithmetic.
# fmt: off
FRAGMENTS = [
    'Police', 'arrested', 'detained', 'killed', 'injured', 'people', 'officers', 'raids',
    'at least', 'more than', 'about', 'nearly', 'between', 'and', 'or', 'said', 'according to',
    '12', '1,200', '3.5', '2024', '75', 'one', 'twenty-nine', 'a dozen', 'hundreds', 'half',
    '$5 million', '40%', '34', 'years old', '-year-old', 'born', 'ago', 'aged', 'Ana Pérez',
    'Wilman Terán', 'Diana Salazar Méndez', 'Mr.', 'Dr.', 'J. R.', "O'Neil", 'McDonald', 'Monday',
    'March 14', '14 de marzo', 'December 14th', 'last week', 'in 2014', 'policía', 'detenidos',
    'personas', 'años', 'según', 'alias', '"', '“', '”', '«', '»', '(', ')', ',', '.', ';', ':',
    '!', '?', '—', '-', "'", '’', '\n', '\n\n', '\r\n', '\t', '  ', 'é', '\xa0', '\u200b',
    '\u2028', '\ufeff', 'ß', 'İ', 'ﬁ', '𝟙𝟚', '😀', '\u202e', '[/]', '<p>', '</p>', '---', '#', '*',
    'By ', 'Photo:', 'Comments', '\x00', '\x1b[2J', '\x9b', '\ud800', '\udce9',
]
# fmt: on
article_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=80
).map(lambda parts: " ".join(parts))
any_text = st.one_of(article_text, st.text(max_size=400))


def check_offsets(text: str, sentences, claims) -> None:
    for sentence in sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
    by_index = {s.index: s for s in sentences}
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.quote, claim
        sentence = by_index[claim.sentence]
        assert sentence.start <= claim.start and claim.end <= sentence.end, claim


@pytest.fixture(scope="module")
def fuzz_db():
    with tempfile.TemporaryDirectory() as folder:
        db = store.connect(Path(folder) / "fuzz.db")
        yield db
        db.conn.close()


def stored_offsets_slice_the_text(db, document_id: str) -> None:
    """The same check on what the database holds, with SQLite's own substr()."""
    bad = db.execute(
        "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id"
        ' WHERE d.id = ? AND substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text',
        [document_id],
    ).fetchone()[0]
    bad += db.execute(
        "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id"
        ' WHERE d.id = ? AND substr(d.text, c.start + 1, c."end" - c.start) IS NOT c.quote',
        [document_id],
    ).fetchone()[0]
    assert bad == 0


@FUZZ
@given(text=any_text, language=st.sampled_from([None, "en", "es"]))
@example(text="Police at least \n $5 million", language=None)  # a qualifier across sentences
@example(text="Police arrested 5 people \ud800 in Quito.", language=None)  # a lone surrogate
def test_any_text_is_analysed_and_stored_with_exact_offsets(fuzz_db, text, language):
    try:
        document = make_document(text, "fuzz", "fuzz.txt", {}, {}, {"language": language})
    except LoadError as error:
        assert str(error) == "no text" and not clean_text(text).strip()
        return
    prepared = analyse(document)
    check_offsets(document.text, prepared[1], prepared[2])
    store.write_documents(fuzz_db, [prepared])
    stored_offsets_slice_the_text(fuzz_db, document.id)


SUFFIXES = [".txt", ".md", ".html", ".jsonl", ".bin"]


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=600),
        any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        any_text.map(lambda t: t.encode("cp1252", "ignore")),
        any_text.map(lambda t: t.encode("utf-16", "surrogatepass")),
        any_text.map(lambda t: ("---\ntitle: x\n---\n" + t).encode("utf-8", "surrogatepass")),
        any_text.map(
            lambda t: f"<html><body><p>{t}</p><script>x</script>".encode("utf-8", "surrogatepass")
        ),
        any_text.map(lambda t: ('{"text": ' + json.dumps(t) + "}\n").encode()),
        any_text.map(lambda t: ('{"name": "\\ud800", "text": ' + json.dumps(t) + "}\n").encode()),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_bytes_load_or_fail_with_load_error(fuzz_db, tmp_path_factory, data, suffix):
    folder = tmp_path_factory.mktemp("bytes", numbered=True)
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        documents = load_path(path)
    except LoadError as error:
        assert str(error) and "\n" not in str(error)
        return
    for document in documents:
        prepared = analyse(document)
        check_offsets(document.text, prepared[1], prepared[2])
        store.write_documents(fuzz_db, [prepared])
        stored_offsets_slice_the_text(fuzz_db, document.id)


def test_the_fuzz_database_is_sound(fuzz_db):
    """Runs after the fuzz tests of this module: the database they filled is whole."""
    assert fuzz_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert fuzz_db.execute("PRAGMA foreign_key_check").fetchall() == []
    conn: sqlite3.Connection = fuzz_db.conn
    conn.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")
