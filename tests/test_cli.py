"""The command line keeps its promises: one vocabulary of stories, kinds and severities checked
before any work, exit codes a script can trust, decisions that count, stdin that never
overwrites, help that reads as prose, the checker's formats, and a configuration file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, run_cli, write

DRAFTS = DATA / "drafts"
ONE = "Mayor Ann Lee said 12 people were arrested in the raids.\n"
TWO = "Mayor Ann Lee said that 15 people were arrested in the raids.\n"


@pytest.fixture
def labelled(tmp_path) -> Path:
    """Two reports of one story, labelled 'harbour' at ingest, disagreeing on one count."""
    database = tmp_path / "desk.db"
    write(tmp_path / "corpus" / "one.txt", ONE)
    write(tmp_path / "corpus" / "two.txt", TWO)
    result = run_cli("ingest", tmp_path / "corpus", "--db", database, "--story", "harbour")
    assert result.exit_code == 0, result.output
    assert run_cli("conflicts", "--db", database).exit_code == 0  # stories and results stored
    return database


def conflicts_json(database, *args) -> list[dict]:
    result = run_cli("conflicts", "--db", database, "-f", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["conflicts"]


def one_line(text: str) -> str:
    """Help and error panels wrap at the terminal's width: compare their words."""
    return " ".join(text.replace("│", " ").split())


def state(database) -> tuple:
    """What a command that does any work would change: documents, results, decisions."""
    with sqlite3.connect(database) as conn:
        return (
            conn.execute("SELECT group_concat(value) FROM meta").fetchone(),
            conn.execute("SELECT count(*) FROM documents").fetchone(),
            conn.execute("SELECT count(*) FROM decisions").fetchone(),
        )


# --------------------------------------------------------------------------- 1. story labels


def test_1_a_story_label_set_at_ingest_is_the_story_every_command_filters_on(labelled):
    (shown,) = {
        d["story"]
        for d in json.loads(run_cli("sources", "--db", labelled, "-f", "json").stdout)["documents"]
    }
    assert shown == "harbour"
    (conflict,) = conflicts_json(labelled, "--story", "harbour")
    assert conflict["story"] == "harbour" and conflict["severity"] == "high"
    assert conflict["subject"] == "harbour"  # an event-level measure is about the story
    people = json.loads(
        run_cli("people", "--db", labelled, "--story", "harbour", "-f", "json").stdout
    )
    assert [p["name"] for p in people["people"]] == ["Ann Lee"]
    gate = run_cli("conflicts", "--db", labelled, "--story", "harbour", "--fail-on", "high")
    assert gate.exit_code == 1, gate.output
    assert "story: harbour" in gate.stdout
    # the spelling older versions printed still works in scripts
    assert conflicts_json(labelled, "--story", "label:harbour") == [conflict]
    draft = write(labelled.parent / "draft.txt", "Mayor Ann Lee said 20 people were arrested.\n")
    checked = run_cli("check", draft, "--db", labelled, "--story", "harbour", "-f", "json")
    assert checked.exit_code == 1 and json.loads(checked.stdout)["story"] == "harbour"


def test_1_an_automatic_story_never_takes_a_label_s_name(tmp_path):
    from reconcile.stories import assign_stories

    names = {"b": {"ann lee", "bo chen"}, "c": {"ann lee", "bo chen"}}
    stories = assign_stories({"a": "ann-lee", "b": None, "c": None}, names, {})
    assert stories["a"] == "label:ann-lee"
    assert stories["b"] == stories["c"] != "ann-lee"


# --------------------------------------------------------------------------- 2. option values


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["conflicts", "--fail-on", "critical"], "'low', 'medium', 'high'"),
        (["conflicts", "--min-severity", "urgent"], "'low', 'medium', 'high'"),
        (["conflicts", "--kind", "bogus"], "'name'"),
        (
            ["conflicts", "--kind", "person"],
            "'count', 'money', 'percent', 'quantity', 'age', 'date', 'time', 'name'",
        ),
        (["conflicts", "--story", "nope"], "harbour"),
        (["people", "--story", "nope"], "harbour"),
        (["sources", "--story", "nope"], "harbour"),
        (["claims", "--kind", "name"], "'person'"),
        (["run", "corpus", "--fail-on", "critical"], "'low', 'medium', 'high'"),
        (["decide", "c-0", "maybe"], "'confirmed', 'dismissed', 'corrected', 'needs-work'"),
        (["search", "arrested", "--limit", "-5"], "greater than or equal to 1"),
        (["ingest", "corpus", "--published", "2024-13-45"], "YYYY-MM-DD"),
        (["ingest", "corpus", "--language", "fr"], "'en', 'es'"),
        (["ingest", "-", "--max-mb", "-1"], "-1"),
        (["check", "draft.md", "--format", "pdf"], "'sarif'"),
    ],
)
def test_2_a_wrong_option_value_exits_2_naming_the_allowed_values(labelled, args, allowed):
    before = state(labelled)
    result = run_cli(*args, "--db", labelled, input="Police arrested 3 people.\n")
    assert result.exit_code == 2, result.output
    assert allowed in one_line(result.stderr)
    assert "Traceback" not in result.output and not result.stdout
    assert state(labelled) == before  # refused before doing anything


# --------------------------------------------------------------------------- 3. closed pipe


def command(*args) -> list[str]:
    return [sys.executable, "-m", "reconcile", *map(str, args)]


@pytest.mark.parametrize(("gate", "code"), [([], 0), (["--fail-on", "high"], 1)])
def test_3_a_closed_stdout_ends_quietly_with_the_command_s_own_code(labelled, gate, code):
    for form in ("table", "json", "csv"):
        process = subprocess.Popen(
            command("conflicts", "--db", labelled, "-f", form, *gate),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        process.stdout.close()  # the reader is gone before the first line: `| head -0`
        err = process.stderr.read()
        assert process.wait(timeout=60) == code, (form, err)
        assert err == b"", (form, err)


# --------------------------------------------------------------------------- 4. decisions


def test_4_a_dismissed_conflict_no_longer_fails_the_gate_and_a_confirmed_one_does(labelled):
    (conflict,) = conflicts_json(labelled)
    gate = ("conflicts", "--db", labelled, "--fail-on", "high")
    assert run_cli(*gate).exit_code == 1
    assert run_cli("decide", conflict["id"], "dismissed", "--db", labelled).exit_code == 0
    assert run_cli(*gate).exit_code == 0
    assert conflicts_json(labelled)[0]["decision"]["decision"] == "dismissed"  # still reported
    assert run_cli("decide", conflict["id"], "confirmed", "--db", labelled).exit_code == 0
    assert run_cli(*gate).exit_code == 1
    assert run_cli(*gate, "--exit-zero").exit_code == 0


def test_4_run_counts_decisions_too(labelled, tmp_path):
    (conflict,) = conflicts_json(labelled)
    run_cli("decide", conflict["id"], "dismissed", "--db", labelled)
    result = run_cli(
        "run", tmp_path / "corpus", "--db", labelled, "--story", "harbour", "--fail-on", "high"
    )
    assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- 5. stdin


def test_5_standard_input_never_overwrites_an_earlier_one(db_path):
    first = run_cli("ingest", "-", "--db", db_path, input=ONE)
    second = run_cli("ingest", "-", "--db", db_path, input=TWO)
    assert "1 added, 0 unchanged, 0 replaced" in first.stderr
    assert "1 added, 0 unchanged, 0 replaced" in second.stderr, second.stderr
    again = run_cli("ingest", "-", "--db", db_path, input=TWO)
    assert "0 added, 1 unchanged, 0 replaced" in again.stderr
    named = run_cli("ingest", "-", "--db", db_path, "--name", "harbour-wire", input=ONE + TWO)
    assert named.exit_code == 0, named.output
    documents = json.loads(run_cli("sources", "--db", db_path, "-f", "json").stdout)["documents"]
    names = sorted(d["name"] for d in documents)
    assert len(names) == 3 and names[0] == "harbour-wire"
    assert all(n.startswith("stdin-") for n in names[1:]) and names[1] != names[2]


def test_5_name_only_names_standard_input(tmp_path, db_path):
    article = write(tmp_path / "a.txt", ONE)
    result = run_cli("ingest", article, "--db", db_path, "--name", "x")
    assert result.exit_code == 2 and "--name" in result.stderr


# --------------------------------------------------------------------------- 6. conventions


def help_of(*command) -> str:
    result = run_cli(*command, "--help", env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    "command", [("conflicts",), ("ingest",), ("check",), ("run",), ("decide",), ("people",)]
)
def test_6_help_shows_real_types_and_choices(command):
    text = help_of(*command)
    for python_type in ("<str>", "<bool>", "<list[str]>", "<int>", "<float>"):
        assert python_type not in text, python_type


def test_6_help_lists_choices_and_reads_as_prose():
    conflicts = help_of("conflicts")
    assert "low|medium|high" in conflicts
    assert "count|money|percent|quantity|age|date|time|name" in conflicts
    assert "confirmed|dismissed|corrected|needs-work" in help_of("decide")
    assert "text|json|jsonl|github|sarif" in help_of("check")
    ingest = help_of("ingest")
    assert "beside the files, or the text itself" in ingest  # one paragraph, not cut lines
    assert "Examples:\n" in conflicts or "Example" in conflicts


def test_6_shell_completion_for_bash_zsh_and_fish(monkeypatch):
    # Typer guesses the shell from the parent processes unless told not to (its own switch,
    # read when the command is built); under CI there may be no shell to find.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    for shell in ("bash", "zsh", "fish"):
        result = run_cli("--show-completion", shell, env={"SHELL": f"/bin/{shell}"})
        assert result.exit_code == 0, result.output
        assert "reconcile" in result.stdout.lower()


def test_6_every_command_that_finds_things_has_exit_zero_and_fail_on():
    for command in ("conflicts", "run", "check"):
        text = help_of(command)
        assert "--exit-zero" in text and "--fail-on" in text, command


def test_6_people_csv_calls_the_spellings_spellings(labelled):
    result = run_cli("people", "--db", labelled, "-f", "csv")
    header, row = result.stdout.splitlines()[:2]
    assert header.split(",")[:3] == ["story", "name", "spellings"]
    assert row.startswith("harbour,Ann Lee,Ann Lee,") and "[" not in row


# --------------------------------------------------------------------------- 6. check's formats


@pytest.fixture(scope="module")
def check_args(sample_db):
    return ("check", DRAFTS / "name.md", "--db", sample_db)


def test_6_github_annotations_carry_title_and_end(check_args):
    result = run_cli(*check_args, "-f", "github")
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("::warning")]
    head = line.split("::")[1]
    properties = dict(p.split("=", 1) for p in head.split(" ", 1)[1].split(","))
    assert {"file", "line", "col", "endLine", "endColumn", "title"} <= set(properties)
    assert int(properties["endColumn"]) > int(properties["col"])


def test_6_check_jsonl_is_one_finding_a_line(check_args):
    result = run_cli(*check_args, "-f", "jsonl")
    assert result.exit_code == 1
    findings = [json.loads(line) for line in result.stdout.splitlines()]
    assert findings and all({"line", "column", "rule", "severity"} <= set(f) for f in findings)


def test_6_check_sarif_has_every_field_the_schema_requires(check_args):
    result = run_cli(*check_args, "-f", "sarif")
    assert result.exit_code == 1, result.output
    sarif = json.loads(result.stdout)
    # SARIF 2.1.0: the required properties of each object the output uses
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "reconcile"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert run["results"]
    for found in run["results"]:
        assert found["message"]["text"]
        assert found["level"] in ("none", "note", "warning", "error")
        assert found["ruleId"] in rule_ids
        assert driver["rules"][found["ruleIndex"]]["id"] == found["ruleId"]
        (location,) = found["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].endswith("name.md")
        region = physical["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in region)
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)


def test_6_check_statistics_count_findings_per_rule(check_args):
    result = run_cli(*check_args, "--statistics")
    assert result.exit_code == 1
    lines = [line.split() for line in result.stdout.splitlines() if line.strip()]
    assert lines and all(line[0].isdigit() for line in lines)
    data = json.loads(run_cli(*check_args, "--statistics", "-f", "json").stdout)
    assert sum(s["count"] for s in data["statistics"]) == sum(int(x[0]) for x in lines)


# --------------------------------------------------------------------------- configuration


def test_6_configuration_file_environment_and_flags(labelled, tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    write(
        project / "pyproject.toml",
        f'[project]\nname = "x"\n\n[tool.reconcile]\ndb = "{labelled.as_posix()}"\nfail-on = "high"\n',
    )
    monkeypatch.chdir(project / "drafts")  # found upward from the working directory
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    monkeypatch.delenv("RECONCILE_FAIL_ON", raising=False)
    assert run_cli("conflicts").exit_code == 1  # db and fail-on from the file
    assert run_cli("conflicts", "--fail-on", "low", "--exit-zero").exit_code == 0
    assert run_cli("conflicts", env={"RECONCILE_DB": str(tmp_path / "none.db")}).exit_code == 2
    shown = json.loads(run_cli("config", "-f", "json").stdout)["settings"]
    by_name = {s["setting"]: s for s in shown}
    assert by_name["db"]["value"] == labelled.as_posix()
    assert by_name["db"]["source"] == str(project / "pyproject.toml")
    assert by_name["fail-on"]["value"] == "high"
    assert by_name["format"]["source"] == "default"
    from_env = run_cli("config", "-f", "json", env={"RECONCILE_FAIL_ON": "medium"})
    fail_on = next(s for s in json.loads(from_env.stdout)["settings"] if s["setting"] == "fail-on")
    assert (fail_on["value"], fail_on["source"]) == ("medium", "env RECONCILE_FAIL_ON")


def test_6_reconcile_toml_paths_are_relative_to_the_file(labelled, tmp_path, monkeypatch):
    project = tmp_path / "desk"
    (project / "deep" / "er").mkdir(parents=True)
    with sqlite3.connect(labelled) as source, sqlite3.connect(project / "desk.db") as copy:
        source.backup(copy)
    write(project / "reconcile.toml", 'db = "desk.db"\n')
    monkeypatch.chdir(project / "deep" / "er")
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    result = run_cli("sources", "-f", "json")
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["documents"]) == 2


def test_6_a_bad_configuration_value_exits_2_naming_the_file(tmp_path, monkeypatch):
    write(tmp_path / "reconcile.toml", 'fail-on = "critical"\n')
    monkeypatch.chdir(tmp_path)
    result = run_cli("conflicts")
    assert result.exit_code == 2
    assert "reconcile.toml" in result.stderr and "high" in result.stderr


# --------------------------------------------------------------------------- spelling variants

ACCENTED = "Firefighter Joaquín Berrondo said 4 people were hurt at the depot.\n"
PLAIN = "Firefighter Joaquin Berrondo said that 4 people were hurt at the depot.\n"


@pytest.fixture
def accents(tmp_path) -> Path:
    """Two reports of one story in one language, one writing a name without its accent."""
    database = tmp_path / "variants.db"
    write(tmp_path / "corpus" / "one.txt", ACCENTED)
    write(tmp_path / "corpus" / "two.txt", PLAIN)
    assert run_cli("ingest", tmp_path / "corpus", "--db", database).exit_code == 0
    return database


def test_a_name_written_without_its_accent_shows_only_when_asked(accents, tmp_path):
    assert conflicts_json(accents) == []
    assert run_cli("conflicts", "--db", accents, "--fail-on", "low").exit_code == 0
    (variant,) = conflicts_json(accents, "--variants")
    assert (variant["status"], variant["severity"]) == ("variant", "low")
    assert run_cli("conflicts", "--db", accents, "--variants", "--fail-on", "low").exit_code == 1
    page = tmp_path / "page.html"
    assert run_cli("report", "--html", page, "--db", accents).exit_code == 0
    assert "Berrondo" not in page.read_text(encoding="utf-8")
    assert run_cli("report", "--html", page, "--db", accents, "--variants").exit_code == 0
    assert "Berrondo" in page.read_text(encoding="utf-8")

    draft = write(tmp_path / "draft.txt", PLAIN)
    hidden = run_cli("check", draft, "--db", accents, "--fail-on", "low", "-f", "json")
    assert hidden.exit_code == 0 and json.loads(hidden.stdout)["findings"] == []
    shown = run_cli("check", draft, "--db", accents, "--fail-on", "low", "-f", "json", "--variants")
    assert shown.exit_code == 1
    assert [f["status"] for f in json.loads(shown.stdout)["findings"]] == ["variant"]
