"""`reconcile eval`: every verdict on small invented golds, and the command's wiring."""

from __future__ import annotations

import json

import pytest
import yaml
from conftest import ROOT, write

from reconcile.evaluate import GoldError, evaluate, load_gold, parse_gold

SAMPLE_FACTS = ROOT / "benchmarks" / "sample" / "metastasis.facts.yaml"

# Two invented stories: a flood in "Riverton" (documents f1_, f2_, f3_) and a strike in
# "Portvale" (documents s1_, s2_).
GOLD = yaml.safe_load(
    """
stories:
  flood: ["f1_", "f2_", "f3_"]
  strike: ["s1_", "s2_"]
facts:
  - id: flood_dead
    story: flood
    kind: count
    nature: contradiction
    scored: must_find
    says:
      - {doc: "f1_", value: 12}
      - {doc: "f2_", value: 14}
      - {doc: "f3_", value: 10, at_least: true}
  - id: rescued
    story: flood
    kind: count
    nature: agreement
    scored: must_not_flag
    says:
      - {doc: "f1_", value: 40}
      - {doc: "f2_", value: 40}
  - id: boats
    story: flood
    kind: count
    nature: approximate
    says:
      - {doc: "f1_", value: 30}
      - {doc: "f2_", value: 30, approx: true}
  - id: mayor_name
    story: flood
    kind: name
    nature: contradiction
    says:
      - {doc: "f1_", value: Halvorsen, alt: [Ines Halvorsen]}
      - {doc: "f2_", value: Halvorson}
  - id: mayor_accent
    story: flood
    kind: name
    nature: agreement
    may_inform: true
    says:
      - {doc: "f1_", value: Inés}
      - {doc: "f3_", value: Ines}
  - id: flood_date
    story: flood
    kind: date
    nature: contradiction
    event: surge
    says:
      - {doc: "f1_", value: 2024-03-05}
      - {doc: "f2_", value: 2024-03-05}
  - id: flood_weekday
    story: flood
    kind: weekday
    nature: contradiction
    event: surge
    says:
      - {doc: "f1_", value: 2024-03-05}
      - {doc: "f3_", value: Wednesday}
  - id: strikers
    story: strike
    kind: count
    nature: evolving
    says:
      - {doc: "s1_", value: 200}
      - {doc: "s2_", value: 350}
  - id: strike_age
    story: strike
    kind: age
    nature: contradiction
    within_document: true
    says:
      - {doc: "s1_", value: 51}
      - {doc: "s1_", value: 15}
"""
)


def value(text, docs, low=None, high=None):
    return {
        "value": text,
        "low": low,
        "high": high,
        "sources": [{"document": doc} for doc in docs],
    }


def conflict(cid, *values, severity="high", kind="count"):
    return {"id": cid, "kind": kind, "severity": severity, "subject": "", "attribute": "x",
            "values": list(values)}  # fmt: skip


def verdicts(*conflicts):
    result = evaluate(list(conflicts), parse_gold(GOLD))
    return {c.id: c.verdict for c in result.conflicts}, result


def outcome(result, fact_id):
    return next(f for f in result.facts if f.id == fact_id).outcome


def test_a_clean_conflict_on_two_incompatible_values_finds_the_fact():
    found, result = verdicts(
        conflict(
            "c1", value("12", ["f1_riverton_daily"], 12, 12), value("14", ["f2_herald"], 14, 14)
        )
    )
    assert found == {"c1": "clean"}
    assert outcome(result, "flood_dead") == "found"
    assert result.summary()["found"] == 1
    assert result.summary()["must_find_found"] == 1


def test_at_least_ten_is_compatible_with_twelve_so_nothing_is_found():
    found, result = verdicts(
        conflict("c1", value("12", ["f1_a"], 12, 12), value("at least 10", ["f3_c"], 10, None))
    )
    assert found == {"c1": "clean"}
    assert outcome(result, "flood_dead") == "missed"


def test_two_facts_under_one_heading_are_mixed_and_find_nothing():
    found, result = verdicts(
        conflict(
            "c1",
            value("12", ["f1_a"], 12, 12),
            value("14", ["f2_b"], 14, 14),
            value("40", ["f1_a"], 40, 40),
        )  # fmt: skip
    )
    assert found == {"c1": "mixed"}
    assert outcome(result, "flood_dead") == "missed"


def test_a_conflict_joining_two_stories_is_cross_story():
    found, _ = verdicts(
        conflict("c1", value("12", ["f1_a"], 12, 12), value("200", ["s1_a"], 200, 200))
    )
    assert found == {"c1": "cross-story"}


def test_a_conflict_on_an_agreement_is_a_false_alarm():
    found, result = verdicts(
        conflict("c1", value("40", ["f1_a"], 40, 40), value("40", ["f2_b"], 40, 40))
    )
    assert found == {"c1": "false alarm"}
    assert outcome(result, "rescued") == "false alarm"


def test_an_informational_note_on_an_accent_is_allowed_at_low_severity_only():
    low, _ = verdicts(
        conflict(
            "c1", value("Inés", ["f1_a"]), value("Ines", ["f3_c"]), severity="low", kind="name"
        )
    )
    high, _ = verdicts(
        conflict("c2", value("Inés", ["f1_a"]), value("Ines", ["f3_c"]), kind="name")
    )
    assert low == {"c1": "clean"}
    assert high == {"c2": "false alarm"}


def test_high_severity_on_a_difference_of_precision_is_a_false_alarm():
    high, _ = verdicts(
        conflict("c1", value("30", ["f1_a"], 30, 30), value("about 30", ["f2_b"], 27, 33))
    )
    medium, _ = verdicts(
        conflict(
            "c2",
            value("30", ["f1_a"], 30, 30),
            value("about 30", ["f2_b"], 27, 33),
            severity="medium",
        )
    )
    assert high == {"c1": "false alarm"}
    assert medium == {"c2": "clean"}


def test_values_the_gold_does_not_know_are_unknown():
    found, result = verdicts(conflict("c1", value("7", ["f1_a"], 7, 7), value("9", ["f2_b"], 9, 9)))
    assert found == {"c1": "unknown"}
    assert result.summary()["unknown"] == 1


def test_a_name_value_must_open_or_close_the_reported_name():
    found, result = verdicts(
        conflict("c1", value("Ines Halvorsen", ["f1_a"]), value("Halvorson", ["f2_b"]), kind="name")
    )
    assert found == {"c1": "clean"}
    assert outcome(result, "mayor_name") == "found"


def test_a_date_and_its_weekday_share_an_event_and_count_as_one_fact():
    found, result = verdicts(
        conflict(
            "c1", value("Tuesday 5 March 2024", ["f1_a"]), value("Wednesday", ["f3_c"]), kind="date"
        )
    )
    assert found == {"c1": "clean"}  # 5 March 2024 was a Tuesday
    assert outcome(result, "flood_weekday") == "found"


def test_one_document_may_contradict_itself_where_the_gold_says_so():
    found, result = verdicts(
        conflict("c1", value("51", ["s1_a"], 51, 51), value("15", ["s1_a"], 15, 15), kind="age")
    )
    assert found == {"c1": "clean"}
    assert outcome(result, "strike_age") == "found"


def test_an_evolving_figure_is_owed_like_a_contradiction():
    _, result = verdicts(
        conflict(
            "c1", value("200", ["s1_a"], 200, 200), value("350", ["s2_b"], 350, 350), severity="low"
        )
    )
    assert outcome(result, "strikers") == "found"
    assert result.by_story()["strike"]["found"] == 1
    assert result.by_story()["flood"]["found"] == 0


def test_facts_nobody_reported_are_missed_or_quiet():
    _, result = verdicts()
    assert outcome(result, "flood_dead") == "missed"
    assert outcome(result, "rescued") == "quiet"
    assert result.summary()["reported"] == 0
    assert result.summary()["found_by_kind"]["count"] == {"found": 0, "owed": 2}


def test_facts_files_are_merged_and_a_repeated_fact_id_is_refused(tmp_path):
    one = write(
        tmp_path / "one.yaml",
        yaml.safe_dump({"stories": {"a": ["a_"]}, "facts": GOLD["facts"][:2]}),
    )
    two = write(
        tmp_path / "two.yaml",
        yaml.safe_dump({"stories": {"b": ["b_"]}, "facts": GOLD["facts"][2:]}),
    )
    merged = load_gold([one, two])
    assert set(merged.stories) == {"a", "b"}
    assert len(merged.facts) == len(GOLD["facts"])
    elsewhere = [dict(fact, story="landslide") for fact in GOLD["facts"][:2]]
    again = write(tmp_path / "again.yaml", yaml.safe_dump({"facts": elsewhere}))
    same_ids = load_gold([one, again])
    assert {f.id for f in same_ids.facts} == {
        "flood:flood_dead", "flood:rescued", "landslide:flood_dead", "landslide:rescued"
    }  # fmt: skip
    twice = write(tmp_path / "twice.yaml", yaml.safe_dump({"facts": GOLD["facts"][:1] * 2}))
    with pytest.raises(GoldError, match="appears twice"):
        load_gold([twice])


@pytest.mark.parametrize(
    "content, message",
    [
        ("facts: [{id: x, story: s, kind: count}]", "no `nature`"),
        (
            "facts: [{id: x, story: s, kind: count, nature: agreement, says: [{value: 3}]}]",
            "needs a `doc`",
        ),
        ("- just a list", "expected a mapping"),
        ("stories: [a, b]", "`stories` must map"),
        ("facts: [{: ", "bad.yaml"),
    ],
)
def test_a_gold_that_cannot_be_read_names_itself(tmp_path, content, message):
    path = write(tmp_path / "bad.yaml", content)
    with pytest.raises(GoldError, match=message) as error:
        load_gold([path])
    assert "bad.yaml" in str(error.value)


# ---------------------------------------------------------------- the command


def test_eval_on_the_sample_corpus_finds_its_contradictions(cli, sample_db):
    result = cli("eval", SAMPLE_FACTS, "--db", sample_db, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    summary = report["summary"]
    assert summary["found"] == summary["owed"] == 7
    assert summary["clean"] == summary["reported"]
    assert summary["false_alarm"] == summary["mixed"] == summary["cross_story"] == 0
    assert report["stories"]["metastasis"]["found"] == 7


def test_eval_table_ends_with_the_two_summary_lines(cli, sample_db):
    result = cli("eval", SAMPLE_FACTS, "--db", sample_db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[-2].startswith("found 7/7 owed facts")
    assert lines[-1].startswith("clean ")


def test_eval_scores_a_saved_report_from_stdin(cli, tmp_path):
    gold = write(tmp_path / "gold.yaml", yaml.safe_dump(GOLD))
    report = {
        "conflicts": [conflict("c1", value("12", ["f1_a"], 12, 12), value("14", ["f2_b"], 14, 14))]
    }
    result = cli("eval", gold, "--conflicts", "-", "-f", "json", input=json.dumps(report))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["found"] == 1


def test_eval_exits_2_with_one_line_when_the_gold_cannot_be_read(cli, sample_db, tmp_path):
    result = cli("eval", tmp_path / "missing.yaml", "--db", sample_db)
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_exits_2_when_the_saved_report_is_not_json(cli, tmp_path):
    gold = write(tmp_path / "gold.yaml", yaml.safe_dump(GOLD))
    result = cli("eval", gold, "--conflicts", write(tmp_path / "c.json", "not json"))
    assert result.exit_code == 2
    assert "c.json" in result.stderr


# ---------------------------------------------------------------- why a fact was missed

EXPLAIN_GOLD = """
stories:
  harbour: ["h1_", "h2_"]
facts:
  - id: dead
    story: harbour
    kind: count
    nature: contradiction
    says:
      - {doc: "h1_", value: 12}
      - {doc: "h2_", value: 14}
  - id: arrested
    story: harbour
    kind: count
    nature: contradiction
    says:
      - {doc: "h1_", value: 20}
      - {doc: "h2_", value: 25}
  - id: boats
    story: harbour
    kind: count
    nature: contradiction
    says:
      - {doc: "h1_", value: 8}
      - {doc: "h2_", value: 9}
  - id: arrested_later
    story: harbour
    kind: count
    nature: contradiction
    says:
      - {doc: "h1_", value: 30}
      - {doc: "h2_", value: 25}
"""
EXPLAIN_TEXTS = {
    "h1_coast.md": "# Harbour fire\n\nThe harbour fire killed 12 people on Monday, officials said. "
    "Police said at least 20 people were arrested after the fire. Eight boats burned.\n",
    "h2_bay.md": "# Fire at the harbour\n\nThe harbour fire injured 14 people on Monday, officials "
    "said. Police said 25 people were arrested after the fire.\n",
}


def test_eval_explain_says_where_each_missed_fact_stopped(cli, tmp_path):
    for name, text in EXPLAIN_TEXTS.items():
        write(tmp_path / "in" / name, text)
    db = tmp_path / "x.db"
    assert cli("ingest", tmp_path / "in", "--db", db, "--story", "harbour").exit_code == 0
    gold = write(tmp_path / "gold.yaml", EXPLAIN_GOLD)
    result = cli("eval", gold, "--db", db, "--explain", "-f", "json")
    assert result.exit_code == 0, result.output
    why = {e["fact"]: e for e in json.loads(result.stdout)["explanations"]}
    assert why["dead"]["cause"] == "different keys: 'people killed' vs 'people injured'"
    assert why["arrested"]["cause"].startswith("compared: judged compatible")
    assert why["boats"]["cause"] == "not extracted: no claim carries the value of h2_"
    # "at least 20" holds 30 but does not say it
    assert why["arrested_later"]["cause"] == "not extracted: no claim carries the value of h1_"
    carried = why["dead"]["says"][0]["claims"][0]
    assert (carried["document"], carried["label"], carried["fate"]) == (
        "h1_coast", "people killed", "alone in its block"
    )  # fmt: skip
    table = cli("eval", gold, "--db", db, "--explain")
    assert "   2  not extracted: a document's value" in table.stdout
    assert "causes of missed facts: compared 1, different keys 1, not extracted 2" in table.stdout


def test_eval_explain_reads_the_database_even_when_scoring_a_saved_report(cli, tmp_path):
    for name, text in EXPLAIN_TEXTS.items():
        write(tmp_path / "in" / name, text)
    db = tmp_path / "x.db"
    cli("ingest", tmp_path / "in", "--db", db, "--story", "harbour")
    gold = write(tmp_path / "gold.yaml", EXPLAIN_GOLD)
    saved = cli("eval", gold, "--conflicts", "-", "--db", db, "--explain", "-f", "json", input="[]")
    assert saved.exit_code == 0, saved.output
    why = {e["fact"]: e["cause"] for e in json.loads(saved.stdout)["explanations"]}
    assert why["dead"] == "different keys: 'people killed' vs 'people injured'"


PEOPLE_GOLD = """
stories:
  ferry: ["f1_", "f2_"]
facts:
  - {id: speaker_name, story: ferry, kind: name, nature: contradiction,
     says: [{doc: "f1_", value: Dorota Krasnik}, {doc: "f2_", value: Dorata Krasnyk}]}
  - {id: fisherman_name, story: ferry, kind: name, nature: contradiction,
     says: [{doc: "f1_", value: William, alt: [William Ostrander]},
            {doc: "f2_", value: Bill, alt: [Bill Ostrander]}]}
  - {id: watcher_name, story: ferry, kind: name, nature: contradiction,
     says: [{doc: "f1_", value: Quenby}, {doc: "f2_", value: Quenbie}]}
  - {id: varnhagen_role, story: ferry, kind: role, nature: contradiction,
     says: [{doc: "f1_", value: spokeswoman}, {doc: "f2_", value: mayor}]}
  - {id: speaker_age, story: ferry, kind: age, nature: contradiction,
     says: [{doc: "f1_", value: 52}, {doc: "f2_", value: 55}]}
"""
PEOPLE_TEXTS = {
    "f1_coast.md": "# Ferry sinks off Korvik\n\nDorota Krasnik said the ferry sank near the pier "
    "on Monday. William Ostrander, a fisherman, said he saw it go down. Ilse Varnhagen, "
    "spokeswoman for the Korvik police, said 40 people were rescued. Dorota Krasnik, 52, said "
    "the engine failed.\n",
    "f2_bay.md": "# Ferry goes down at Korvik pier\n\nDorata Krasnyk said the boat went down on "
    "Monday. Bill Ostrander, a fisherman, said he saw it sink. Ilse Varnhagen, the mayor of "
    "Korvik, said 40 people were rescued. Dorata Krasnyk, 55, said the engine failed.\n",
}


def test_eval_explain_follows_missed_names_roles_and_ages_through_resolution(cli, tmp_path):
    for name, text in PEOPLE_TEXTS.items():
        write(tmp_path / "in" / name, text)
    db = tmp_path / "x.db"
    assert cli("ingest", tmp_path / "in", "--db", db, "--story", "ferry").exit_code == 0
    gold = write(tmp_path / "gold.yaml", PEOPLE_GOLD)
    result = cli("eval", gold, "--db", db, "--explain", "-f", "json")
    assert result.exit_code == 0, result.output
    why = {e["fact"]: e for e in json.loads(result.stdout)["explanations"]}
    # both parts misspelt, and nothing beside the names says they are one person
    assert (
        why["speaker_name"]["cause"] == "different entities: 'Dorota Krasnik' vs 'Dorata Krasnyk'"
    )
    # so their ages never meet either
    assert why["speaker_age"]["cause"].startswith("different entities")
    # a short form is one name: compared, and only noted
    assert why["fisherman_name"]["cause"] == (
        "compared: judged a variant, not reported (name-nickname)"
    )
    assert why["watcher_name"]["cause"].startswith("not extracted")
    assert why["varnhagen_role"]["cause"] == "different keys: 'spokesperson' vs 'mayor'"
    carried = why["speaker_name"]["says"][1]["claims"][0]
    assert carried["value"] == "Dorata Krasnyk" and carried["entity"] == "Dorata Krasnyk"
    start, end = carried["span"]
    assert PEOPLE_TEXTS["f2_bay.md"].find("Dorata Krasnyk") > 0 and end - start == 14
    table = cli("eval", gold, "--db", db, "--explain")
    assert "   2  different entities: resolved to two people" in table.stdout
    assert "   1  compared: judged a variant, not reported (name-nickname)" in table.stdout
    assert "'Bill Ostrander' at " in table.stdout
    # with the variants asked for, the short form is reported and the fact found
    shown = cli("eval", gold, "--db", db, "--explain", "--variants", "-f", "json")
    assert "fisherman_name" not in {e["fact"] for e in json.loads(shown.stdout)["explanations"]}
