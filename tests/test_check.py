"""`reconcile check DRAFT`: a draft against the sample corpus, as a library and as a command.

The drafts under tests/data/drafts/ are written for these tests: `correct.md` repeats the
corpus's facts, each of the others gets one thing wrong on line 7.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from conftest import DATA, ROOT, run_cli, write

from reconcile import store
from reconcile.check import (
    AcceptEntry,
    CheckError,
    CheckResult,
    Draft,
    Finding,
    apply_accepts,
    check_draft,
    github_annotations,
    load_accepts,
    load_draft,
    result_json,
)
from reconcile.models import Document, Source, Value

DRAFTS = DATA / "drafts"
WRONG = {
    # draft: (kind, words in the finding, status, severity, suggestion)
    "arrested.md": ("count", "32", "exceeds sources", "medium", None),
    "age.md": ("age", "38", "contradiction", "medium", "34"),
    "name.md": ("name", "William Terán", "contradiction", "medium", "Wilman Terán"),
    "weekday.md": ("date", "Wednesday, December 14, 2023", "weekday mismatch", "high", "Thursday"),
}


@pytest.fixture
def db(sample_db):
    database = store.connect(sample_db, create=False)
    yield database
    database.conn.close()


def check(db, name: str, **options) -> CheckResult:
    return check_draft(db, load_draft(str(DRAFTS / name)), **options)


def draft_of(text: str, published: str | None = "2023-12-21") -> Document:
    return Document(
        id=f"draft-{hash(text)}", name="draft", path="draft.txt", text=text, published=published
    )


# --------------------------------------------------------------------------- library


def test_a_draft_that_repeats_the_corpus_passes(db):
    result = check(db, "correct.md")
    assert not result.failed("medium"), [f.explanation for f in result.problems()]
    assert result.story_reason == "shared names"
    assert {"Diana Salazar", "Wilman Terán", "Leandro Norero"} <= set(result.story_names)
    supported = {f.words for f in result.findings if f.status == "supported"}
    assert {"Diana Salazar", "Wilman Terán", "Pablo Ramírez", "Leandro Norero"} <= supported


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_draft_that_gets_one_thing_wrong_fails_on_that_line(db, name):
    kind, words, status, severity, suggestion = WRONG[name]
    result = check(db, name)
    assert result.failed("medium")
    failing = [f for f in result.problems() if f.severity in ("medium", "high")]
    assert len(failing) == 1, [(f.words, f.status) for f in failing]
    finding = failing[0]
    assert (finding.kind, finding.status, finding.severity) == (kind, status, severity)
    assert words in finding.words
    assert finding.line == 7
    text = (DRAFTS / name).read_text(encoding="utf-8").splitlines()[finding.line - 1]
    assert text[finding.column - 1 :].startswith(finding.words)
    if suggestion:
        assert finding.suggestion == suggestion
    assert finding.explanation


def test_a_count_above_every_source_names_what_the_sources_say(db):
    finding = next(f for f in check(db, "arrested.md").problems())
    values = {v.value: v for v in finding.corpus}
    assert {"29", "31", "at least 29"} <= set(values)
    assert all(v.tally == 1 and v.sources for v in values.values())
    assert "29" in finding.suggestion and "31" in finding.suggestion
    source = values["31"].sources[0]
    assert source.outlet and "31" in source.words and source.words in source.quote


def test_a_misspelt_name_gets_the_majority_spelling(db):
    finding = next(f for f in check(db, "name.md").problems())
    assert finding.subject == "Wilman Terán"
    tallies = {v.value: v.tally for v in finding.corpus}
    assert tallies["Wilman Terán"] > tallies.get("William Terán", 0)


def test_a_name_without_its_accent_is_a_low_variant_when_asked(db):
    draft = draft_of(
        "Among those detained was Wilman Teran, the president of the Judicial Council."
    )
    result = check_draft(db, draft, variants=True)
    finding = next(f for f in result.findings if f.kind == "name")
    assert (finding.status, finding.severity, finding.suggestion) == (
        "variant",
        "low",
        "Wilman Terán",
    )
    assert not result.failed("medium") and result.failed("low")
    # by default the same name with its accents left out is backed by the sources
    finding = next(f for f in check_draft(db, draft).findings if f.kind == "name")
    assert (finding.status, finding.severity) == ("supported", None)


def test_a_figure_the_sources_are_split_on_is_disputed_not_wrong(db):
    text = "Attorney General Diana Salazar said 31 people were arrested in the raids."
    result = check_draft(db, draft_of(text))
    finding = next(f for f in result.findings if f.kind == "count")
    assert (finding.status, finding.severity) == ("disputed", "low")
    assert not result.failed("medium")


def test_claims_the_corpus_knows_nothing_of_are_unsupported(db):
    text = "Attorney General Diana Salazar met Ambassador Gertrude Vanbrugh-Oyelaran on Friday."
    result = check_draft(db, draft_of(text))
    names = {f.words: f.status for f in result.findings if f.kind == "name"}
    assert names["Gertrude Vanbrugh-Oyelaran"] == "unsupported"
    assert names["Diana Salazar"] == "supported"
    assert not result.failed("low")


def test_an_age_without_a_date_compares_as_an_age(db):
    result = check_draft(
        db, draft_of("Leandro Norero was a drug trafficker. Norero, 38, ran three gangs.", None)
    )
    finding = next(f for f in result.findings if f.kind == "age")
    assert finding.status == "contradiction" and finding.severity == "high"


def test_a_weekday_the_calendar_contradicts_is_high(db):
    result = check_draft(db, draft_of("The referendum was held on Monday, 21 April 2024."))
    finding = next(f for f in result.findings if f.rule == "weekday-calendar")
    assert (finding.status, finding.severity, finding.suggestion) == (
        "weekday mismatch",
        "high",
        "Sunday",
    )
    assert finding.words.startswith("Monday")


def test_lines_and_columns_count_in_the_file_as_given(db, tmp_path):
    text = "Draft\n\n\nAttorney General Diana Salazar said 32 people were arrested.\n"
    path = write(tmp_path / "draft.txt", text)
    finding = next(f for f in check_draft(db, load_draft(str(path))).problems())
    assert (finding.line, finding.column) == (4, text.splitlines()[3].index("32") + 1)


def test_lines_of_an_html_draft_point_into_the_markup(db, tmp_path):
    html = (
        "<!doctype html>\n<html lang='en'><body><article>\n<h1>Raids</h1>\n"
        "<p>Attorney General Diana Salazar led the operation.</p>\n"
        "<p>Among those detained was William Terán, the president of the Judicial Council.</p>\n"
        "</article></body></html>\n"
    )
    path = write(tmp_path / "draft.html", html)
    finding = next(f for f in check_draft(db, load_draft(str(path))).problems())
    line = html.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith("William Terán")


def test_the_draft_is_not_stored(db):
    before = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    check(db, "name.md")
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == before


def test_a_story_can_be_named(db):
    story = db.execute("SELECT story FROM stories LIMIT 1").fetchone()[0]
    assert check(db, "name.md", story=story).story_reason == "option"
    with pytest.raises(CheckError, match="no story"):
        check(db, "name.md", story="no-such-story")


# --------------------------------------------------------------------------- accepted differences


def test_an_accept_entry_silences_its_finding_and_a_stale_one_is_reported(db):
    entries = load_accepts(str(DRAFTS / "accepted.yaml"))
    result = check(db, "arrested.md", accepts=entries)
    assert not result.failed("medium") and not result.stale
    assert next(f for f in result.findings if f.kind == "count").accepted.startswith(
        "Police figure"
    )
    entries = load_accepts(str(DRAFTS / "accepted.yaml"))
    result = check(db, "correct.md", accepts=entries)
    assert [e.words for e in result.stale] == ["32 people were arrested"]
    assert result.stale[0].line == 3
    assert result.failed("low") and not result.failed("medium")


def test_accept_files_may_be_toml(tmp_path):
    path = write(
        tmp_path / "accept.toml",
        '[[accept]]\nwords = "William Terán"\nreason = "his own spelling"\n',
    )
    assert load_accepts(str(path)) == [AcceptEntry("William Terán", "his own spelling", 2)]


@pytest.mark.parametrize(
    "content", ["accept: [{words: 'x'}]", "accept: {words: x}", "accept: [\n", "- 3\n"]
)
def test_a_malformed_accept_file_is_an_error(tmp_path, content):
    with pytest.raises(CheckError):
        load_accepts(str(write(tmp_path / "accept.yaml", content)))


def test_accept_words_match_across_line_breaks_and_case():
    document = Document("d", "d", "d.txt", "Police said 32 people\nwere Arrested.")
    draft = Draft(document, [], [], document.text, 0)
    finding = make_finding(start=12, end=21)
    result = CheckResult(draft, None, "none", [], [finding])
    apply_accepts(result, [AcceptEntry("32 people were arrested", "checked")])
    assert finding.accepted == "checked" and not result.stale


# --------------------------------------------------------------------------- output formats


def make_finding(**changes) -> Finding:
    fields = dict(
        id="d-1",
        kind="count",
        attribute="people arrested",
        subject="",
        words="32 people",
        value="32",
        line=7,
        column=13,
        end_line=7,
        end_column=22,
        start=12,
        end=21,
        sentence="Police said 32 people were arrested.",
        status="contradiction",
        severity="high",
        rule="number-intervals",
        explanation="The draft gives 32 for people arrested; the sources say 29 (1 source).",
        suggestion="29",
        corpus=[
            Value(
                "29", 29, 29, "exact", [Source("a", "Outlet", None, "29 arrests.", 0, 2, "29")], 1
            )
        ],
    )
    fields.update(changes)
    return Finding(**fields)


def test_github_annotations_are_exact_and_escaped():
    document = Document("d", "d", "d.md", "text")
    findings = [
        make_finding(),
        make_finding(
            severity="medium", line=9, column=1, explanation="100% sure:\nyes,\rno", suggestion=None
        ),
        make_finding(severity="low", line=10, column=2, suggestion=None, explanation="minor"),
        make_finding(severity="high", line=11, accepted="checked"),
    ]
    result = CheckResult(Draft(document, [], [], "text", 0), "s", "option", [], findings)
    result.stale = [AcceptEntry("old words", "why", 4)]
    output = github_annotations(result, "drafts/a,b:c.md", "accept.yaml")
    end = "endLine=7,endColumn=22,title=reconcile number-intervals"
    assert output == (
        f"::error file=drafts/a%2Cb%3Ac.md,line=7,col=13,{end}::contradiction: The draft gives 32"
        " for people arrested; the sources say 29 (1 source). Suggestion: 29.\n"
        f"::warning file=drafts/a%2Cb%3Ac.md,line=9,col=1,{end}::contradiction: 100%25 sure:%0Ayes,"
        "%0Dno\n"
        f"::notice file=drafts/a%2Cb%3Ac.md,line=10,col=2,{end}::contradiction: minor\n"
        "::notice file=accept.yaml,line=4,title=reconcile stale-accept::stale accept entry:"
        " 'old words' matches nothing in drafts/a,b:c.md\n"
    )


def json_schema() -> dict:
    text = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(\{\n  \"\$schema\".*?)\n```", text, re.S)
    assert block, "docs/check.md has the JSON Schema of the output"
    return json.loads(block.group(1))


def test_the_json_output_follows_the_documented_schema(db):
    schema = json_schema()
    data = result_json(check(db, "name.md"), "name.md", "medium", show_supported=True)
    assert set(data) == set(schema["required"]) == set(schema["properties"])
    finding_schema = schema["$defs"]["finding"]
    for finding in data["findings"]:
        assert set(finding) == set(finding_schema["required"])
        for value in finding["corpus"]:
            assert set(value) == set(schema["$defs"]["value"]["required"])
            for source in value["sources"]:
                assert set(source) == set(schema["$defs"]["source"]["required"])
    assert data["failed"] is True and data["counts"]["medium"] == 1


# --------------------------------------------------------------------------- the command


def test_cli_a_correct_draft_exits_0(sample_db):
    result = run_cli("check", DRAFTS / "correct.md", "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert "passes" in result.stdout


@pytest.mark.parametrize("name", sorted(WRONG))
def test_cli_a_wrong_draft_exits_1_and_names_the_line(sample_db, name):
    path = DRAFTS / name
    result = run_cli("check", path, "--db", sample_db)
    assert result.exit_code == 1, result.output
    assert f"{path}:7:" in result.stdout


def test_cli_github_format(sample_db):
    path = DRAFTS / "name.md"
    result = run_cli("check", path, "--db", sample_db, "--format", "github")
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    prefix = f"::warning file={path},line=7,col=26,endLine=7,endColumn=39,title=reconcile "
    (warning,) = [line for line in lines if line.startswith("::warning")]
    assert warning.startswith(prefix)
    assert "::contradiction: The draft spells Wilman Terán as William Terán;" in warning
    assert lines[-1].endswith("Suggestion: Wilman Terán.")
    assert all(
        re.match(
            r"::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+"
            r",title=reconcile [a-z-]+::\S",
            line,
        )
        for line in lines
    )


def test_cli_json_format(sample_db):
    result = run_cli("check", DRAFTS / "weekday.md", "--db", sample_db, "-f", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    finding = next(f for f in data["findings"] if f["status"] == "weekday mismatch")
    assert (finding["line"], finding["severity"], finding["suggestion"]) == (7, "high", "Thursday")


def test_cli_exit_zero_and_fail_on(sample_db):
    arrested = ["check", DRAFTS / "arrested.md", "--db", sample_db]
    result = run_cli(*arrested, "--exit-zero")
    assert result.exit_code == 0 and f"{DRAFTS / 'arrested.md'}:7:" in result.stdout
    assert run_cli(*arrested, "--fail-on", "high").exit_code == 0
    assert run_cli(*arrested, "--fail-on", "low").exit_code == 1
    weekday = ["check", DRAFTS / "weekday.md", "--db", sample_db]
    assert run_cli(*weekday, "--fail-on", "high").exit_code == 1
    assert run_cli(*weekday, "--fail-on", "high", "--exit-zero").exit_code == 0
    assert run_cli(*weekday, "--fail-on", "severe").exit_code == 2


def test_cli_show_supported_and_unsupported(sample_db, tmp_path):
    path = write(
        tmp_path / "d.md",
        "Attorney General Diana Salazar met Ambassador Gertrude Vanbrugh-Oyelaran.\n",
    )
    plain = run_cli("check", path, "--db", sample_db, "-f", "json")
    assert json.loads(plain.stdout)["findings"] == []
    shown = run_cli(
        "check", path, "--db", sample_db, "-f", "json", "--show-supported", "--show-unsupported"
    )
    statuses = {f["words"]: f["status"] for f in json.loads(shown.stdout)["findings"]}
    assert statuses == {"Diana Salazar": "supported", "Gertrude Vanbrugh-Oyelaran": "unsupported"}


def test_cli_accept_file(sample_db):
    accept = DRAFTS / "accepted.yaml"
    result = run_cli("check", DRAFTS / "arrested.md", "--db", sample_db, "--accept", accept)
    assert result.exit_code == 0, result.output
    assert "accepted" in result.stdout
    stale = run_cli(
        "check", DRAFTS / "correct.md", "--db", sample_db, "--accept", accept, "-f", "github"
    )
    assert stale.exit_code == 0
    assert (
        f"::notice file={accept},line=3,title=reconcile stale-accept::stale accept entry"
        in stale.stdout
    )


def test_cli_reads_standard_input(sample_db):
    text = (DRAFTS / "name.md").read_text(encoding="utf-8")
    result = run_cli(
        "check",
        "-",
        "--db",
        sample_db,
        "-f",
        "github",
        "--stdin-filename",
        "drafts/x.md",
        input=text,
    )
    assert result.exit_code == 1, result.output
    assert "::warning file=drafts/x.md,line=7,col=26,endLine=7,endColumn=39," in result.stdout


def test_cli_save_stores_the_draft_and_it_does_not_back_itself(sample_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    first = run_cli("check", DRAFTS / "name.md", "--db", copy, "--save", "-f", "json")
    assert first.exit_code == 1 and "stored" in first.stderr
    database = store.connect(copy, create=False)
    assert database.execute("SELECT count(*) FROM documents WHERE name = 'name'").fetchone()[0] == 1
    database.conn.close()
    again = run_cli("check", DRAFTS / "name.md", "--db", copy, "-f", "json")
    assert json.loads(again.stdout)["findings"] == json.loads(first.stdout)["findings"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["check"], "Missing argument"),
        (["check", "no-such-draft.md"], "no such file"),
        (["check", DRAFTS / "name.md", "--db", "no-such.db"], "no such database"),
        (["check", DRAFTS / "name.md", "--story", "nothing-like-it"], "no story"),
        (["check", DRAFTS / "name.md", "--accept", "no-such-accept.yaml"], "no such accept file"),
    ],
)
def test_cli_bad_input_exits_2(sample_db, args, message):
    if "--db" not in args and len(args) > 1:
        args = [*args, "--db", sample_db]
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_cli_empty_or_unreadable_inputs_exit_2(tmp_path, sample_db):
    empty = tmp_path / "empty.db"
    store.connect(empty).conn.close()
    result = run_cli("check", DRAFTS / "name.md", "--db", empty)
    assert result.exit_code == 2 and "no documents" in result.stderr
    binary = write(tmp_path / "draft.txt", b"\x00\x01\x02binary")
    result = run_cli("check", binary, "--db", sample_db)
    assert result.exit_code == 2 and "binary" in result.stderr
    blank = write(tmp_path / "blank.md", "\n\n")
    result = run_cli("check", blank, "--db", sample_db)
    assert result.exit_code == 2 and "empty" in result.stderr


def test_cli_an_unexpected_failure_exits_2_not_1(sample_db, monkeypatch):
    import reconcile.check

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reconcile.check, "check_draft", broken)
    result = run_cli("check", DRAFTS / "name.md", "--db", sample_db)
    assert result.exit_code == 2
    assert "boom" in result.stderr


def test_markup_in_a_draft_or_its_name_is_printed_as_text(tmp_path, sample_db):
    draft = tmp_path / "draft [final].md"
    draft.write_text(
        "Diana Salazar [/] said 32 people were arrested in the raids.\n", encoding="utf-8"
    )
    result = run_cli("check", draft, "--db", sample_db, "--exit-zero")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())  # the terminal wraps long lines
    assert "draft [final].md" in shown and "[/]" in shown
