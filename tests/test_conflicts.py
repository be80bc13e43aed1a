"""Issue 4: conflicts end to end through the CLI, the look-alikes that must stay quiet, story
scoping, stable ids, CSV export, and the rules one by one."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata

import pytest
from conftest import DATA, GOLD, SCORECARD, SOURCES, figure, run_cli, write

from reconcile.judge import compatible, judge_numbers


def fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", str(text)) if not unicodedata.combining(c)
    ).casefold()


def holds(value: dict, wanted: str) -> bool:
    """Does a reported value carry `wanted` (a number within its bounds, or a whole word)?"""
    if wanted.replace(",", "").isdigit():
        number = float(wanted.replace(",", ""))
        low, high = value.get("low"), value.get("high")
        if low is not None and high is not None and low <= number <= high:
            return True
        return wanted in value["value"]
    return f" {fold(wanted)} " in f" {fold(value['value'])} "


def conflicts_with(conflicts, *wanted, kind=None):
    return [
        c
        for c in conflicts
        if (kind is None or c["kind"] == kind)
        and all(any(holds(v, w) for v in c["values"]) for w in wanted)
    ]


def documents_of(conflict, value_text):
    value = next(v for v in conflict["values"] if v["value"] == value_text)
    return {s["document"] for s in value["sources"]}


# --------------------------------------------------------------------------- the user's examples


def test_29_vs_31_arrests(sample_conflicts):
    (conflict,) = conflicts_with(sample_conflicts, "29", "31", kind="count")
    assert conflict["attribute"] == "people arrested"
    assert conflict["severity"] == "high" and conflict["status"] == "contradiction"
    assert documents_of(conflict, "29") == {"000_96648e514321150e"}
    assert documents_of(conflict, "31") == {"001_7ca59217f1047d98"}
    assert documents_of(conflict, "at least 29") == {"004_306bd8d128e17d47"}
    assert "compatible" in conflict["explanation"]  # "at least 29" fits 31
    source = conflict["values"][0]["sources"][0]
    assert {"document", "outlet", "published", "quote", "start", "end"} <= set(source)


def test_norero_age_34_vs_36(sample_conflicts):
    (conflict,) = conflicts_with(sample_conflicts, "34", "36", kind="age")
    assert conflict["subject"] == "Leandro Norero"
    assert documents_of(conflict, "36") == {"003_821922c0ca3443ac"}
    assert documents_of(conflict, "34") == {"000_96648e514321150e", "003_821922c0ca3443ac"}


def test_wilman_vs_william(sample_conflicts):
    (conflict,) = conflicts_with(sample_conflicts, "Wilman", "William", kind="name")
    assert conflict["severity"] == "high" and conflict["attribute"] == "first name"
    wilman = next(v for v in conflict["values"] if v["value"] == "Wilman")
    assert wilman["tally"] == 2 and documents_of(conflict, "William") == {"000_96648e514321150e"}


@pytest.mark.parametrize(
    ("wanted", "kind"),
    [
        (("8", "9"), "count"),
        (("Noboa", "Novoa"), "name"),
        (("Wednesday", "Thursday"), "date"),
        (("7", "8"), "count"),
        (("2014",), "date"),
    ],
)
def test_other_must_find(sample_conflicts, wanted, kind):
    assert conflicts_with(sample_conflicts, *wanted, kind=kind)


# --------------------------------------------------------------------------- look-alikes


def single_valued(conflicts, wanted):
    return [
        c for c in conflicts if len(c["values"]) >= 2 and all(holds(v, wanted) for v in c["values"])
    ]


@pytest.mark.parametrize("wanted", ["75", "7", "900", "2007", "May", "October"])
def test_agreeing_sources_are_not_flagged(sample_conflicts, wanted):
    assert not single_valued(sample_conflicts, wanted)


@pytest.mark.parametrize(
    "pair", [("52", "29"), ("52", "31"), ("15", "15000"), ("8", "29"), ("Diana", "Mayra")]
)
def test_different_measures_or_people_are_not_paired(sample_conflicts, pair):
    assert not conflicts_with(sample_conflicts, *pair)


def test_police_are_not_judges(sample_conflicts):
    assert not [
        c
        for c in conflicts_with(sample_conflicts, "8", "9")
        if "police" in fold(c["attribute"] + c["subject"])
    ]


@pytest.mark.parametrize(
    "pair",
    [("Agustín", "Agustin"), ("Boscán", "Boscan"), ("Terán", "Teran"), ("Leandro", "Luis Antonio")],
)
def test_variants_at_most_inform(sample_db, pair):
    listed = run_cli("conflicts", "--db", sample_db, "-f", "json", "--variants").stdout
    for conflict in json.loads(listed)["conflicts"]:
        values = [v["value"] for v in conflict["values"]]
        if all(any(p in v for v in values) for p in pair):
            assert conflict["severity"] == "low", conflict


@pytest.mark.skipif(
    not (GOLD.exists() and SCORECARD.exists()),
    reason="the shared gold file is not beside the project",
)
def test_scorecard_on_the_sample_corpus(sample_db, tmp_path):
    report = tmp_path / "conflicts.json"
    assert run_cli("conflicts", "--db", sample_db, "--format", "json", "-o", report).exit_code == 0
    out = subprocess.run(
        [sys.executable, str(SCORECARD), str(GOLD), str(report)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    summary = out.strip().splitlines()[-1]
    found, total = map(int, summary.split()[1].split("/"))
    assert found >= total - 1, out
    assert "false alarms 0" in summary, out
    assert int(summary.split("unexplained ")[1].split()[0]) <= 3, out


# --------------------------------------------------------------------------- stories


def test_unrelated_story_gets_its_own_conflicts_and_none_across(db_path):
    assert run_cli("ingest", SOURCES, DATA / "flood", "--db", db_path).exit_code == 0
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    flood_docs = {"river_times", "daily_courier", "wire_copy"}
    for conflict in conflicts:
        docs = {s["document"] for v in conflict["values"] for s in v["sources"]}
        assert docs <= flood_docs or not docs & flood_docs, conflict["id"]
    flood = [
        c
        for c in conflicts
        if {s["document"] for v in c["values"] for s in v["sources"]} & flood_docs
    ]
    kinds = {(c["kind"], c["attribute"], c["status"]) for c in flood}
    assert ("count", "families evacuated", "contradiction") in kinds
    assert ("count", "people killed", "evolving") in kinds  # 12 on March 6, 14 on March 8
    assert ("age", "age", "contradiction") in kinds  # 61 vs 63
    assert ("name", "first name", "contradiction") in kinds  # Roberta vs Roberto
    assert ("date", "date", "weekday mismatch") in kinds  # Wednesday, March 5, 2024


def test_wire_copy_counts_once(db_path):
    run_cli("ingest", DATA / "flood", "--db", db_path)
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    (killed,) = [c for c in conflicts if c["attribute"] == "people killed"]
    fourteen = next(v for v in killed["values"] if v["value"] == "14")
    assert len(fourteen["sources"]) == 2 and fourteen["tally"] == 1
    assert fourteen["wire_copies"]


def test_explicit_story_labels_keep_stories_apart(tmp_path, db_path):
    a = write(
        tmp_path / "a.txt", "Mayor Ann Lee said 12 people were arrested on Monday, March 4, 2024.\n"
    )
    b = write(
        tmp_path / "b.txt", "Mayor Ann Lee said 15 people were arrested on Monday, March 4, 2024.\n"
    )
    run_cli("ingest", a, "--db", db_path, "--story", "one")
    run_cli("ingest", b, "--db", db_path, "--story", "two")
    assert json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"] == []


# --------------------------------------------------------------------------- outputs


def test_conflict_ids_are_stable(sample_conflicts, db_path):
    run_cli("ingest", SOURCES, "--db", db_path)
    again = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json", "--refresh").stdout)[
        "conflicts"
    ]
    assert [c["id"] for c in again] == [c["id"] for c in sample_conflicts]


def test_csv_round_trips_and_neutralises_formulas(tmp_path, db_path):
    write(
        tmp_path / "corpus" / "a.txt",
        "=HYPERLINK(1) Officials said 12 people were arrested in the raids, Mayor Ann Lee said.\n",
    )
    write(
        tmp_path / "corpus" / "b.txt",
        "Mayor Ann Lee said that 15 people were arrested in the raids.\n",
    )
    run_cli("ingest", tmp_path / "corpus", "--db", db_path, "--story", "csv")
    out = tmp_path / "conflicts.csv"
    result = run_cli("conflicts", "--db", db_path, "--format", "csv", "--long", "-o", out)
    assert result.exit_code == 0, result.output
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")  # a file for a spreadsheet carries the BOM
    rows = list(csv.DictReader(io.StringIO(raw.lstrip("\ufeff"))))
    assert {r["value"] for r in rows} == {"12", "15"}
    quotes = [r["quote"] for r in rows]
    assert any(q.startswith("'=HYPERLINK") for q in quotes)
    assert not any(q.startswith("=") for q in quotes)
    piped = run_cli("conflicts", "--db", db_path, "--format", "csv", "--long").stdout
    assert not piped.startswith("\ufeff")


def test_json_schema_fields_and_exit_codes(sample_db):
    result = run_cli("conflicts", "--db", sample_db, "-f", "json", "--min-severity", "high")
    conflicts = json.loads(result.stdout)["conflicts"]
    assert conflicts and all(c["severity"] == "high" for c in conflicts)
    for conflict in conflicts:
        assert {
            "id",
            "story",
            "kind",
            "subject",
            "attribute",
            "severity",
            "status",
            "rule",
            "explanation",
            "values",
        } <= set(conflict)
        for value in conflict["values"]:
            assert {"value", "low", "high", "qualifier", "sources", "tally"} <= set(value)
    assert run_cli("conflicts", "--db", sample_db, "--fail-on", "high", "-f", "json").exit_code == 1
    assert run_cli("conflicts", "--db", sample_db, "--min-severity", "bogus").exit_code == 2
    lines = run_cli("conflicts", "--db", sample_db, "-f", "jsonl", "-k", "name").stdout.splitlines()
    assert lines and all(json.loads(line)["kind"] == "name" for line in lines)


def test_table_report_reads_well(sample_db):
    result = run_cli("conflicts", "--db", sample_db)
    assert result.exit_code == 0
    assert "Wilman" in result.stdout and "William" in result.stdout and "\x1b[" not in result.stdout


# --------------------------------------------------------------------------- rules


def number(low, high=None, qualifier="exact", document="a", published="2023-12-14"):
    return figure(low, high, qualifier, document, published)


INF = float("inf")
RULE_EXAMPLES = [
    (number(29), number(31), False),  # 29 vs 31 contradict
    (number(29, INF, "at least"), number(31), True),  # "at least 29" is compatible with 31
    (
        number(900, INF, "more than"),
        number(900, INF, "more than"),
        True,
    ),  # "over 900" = "more than 900"
    (
        number(900, INF, "more than"),
        number(900),
        True,
    ),  # "more than 900" and 900: one fact loosely worded
    (number(900, INF, "more than"), number(850), False),
    (number(7), number(8, 9, "range"), False),  # 7 vs "eight or nine"
    (number(8), number(8, 9, "range"), True),
    (number(13500, 15000, "almost"), number(15000), True),
    (number(27, 33, "about"), number(29), True),  # compatible, reported as "soft"
]


@pytest.mark.parametrize(("a", "b", "expected"), RULE_EXAMPLES)
def test_number_compatibility(a, b, expected):
    assert compatible(a, b) is expected


def test_about_the_same_number_is_no_difference_at_all():
    """About 40 against "40" or "at least 40": the words give one number, so there is
    nothing to note; about 30 against 29 is still a low note."""
    for other in (number(40, document="b"), number(40, INF, "at least", "b")):
        assert (
            judge_numbers(
                "s", "count", "", "people killed", [number(36, 44, "about", "a"), other], True
            )
            is None
        )


def test_about_is_soft_and_growth_is_evolving():
    soft = judge_numbers(
        "s",
        "count",
        "",
        "people arrested",
        [number(27, 33, "about", "a"), number(29, document="b")],
        True,
    )
    assert soft.status == "soft" and soft.severity == "low"
    growing = judge_numbers(
        "s",
        "count",
        "",
        "people killed",
        [
            number(12, document="a", published="2024-03-06"),
            number(14, document="b", published="2024-03-08"),
        ],
        True,
    )
    assert growing.status == "evolving"
    shrinking = judge_numbers(
        "s",
        "count",
        "",
        "people killed",
        [
            number(14, document="a", published="2024-03-06"),
            number(12, document="b", published="2024-03-08"),
        ],
        True,
    )
    assert shrinking.status == "contradiction"


def test_those_still_held_may_rise_or_fall_between_days_but_not_within_one():
    def held(values_and_days):
        return judge_numbers(
            "s",
            "count",
            "",
            "prison guards still held",
            [number(v, document=d, published=p) for v, d, p in values_and_days],
            False,
        )

    falling = held([(158, "a", "2024-03-06"), (133, "b", "2024-03-08")])
    assert falling.status == "evolving" and falling.severity == "low"
    same_day = held([(158, "a", "2024-03-06"), (133, "b", "2024-03-06")])
    assert same_day.status == "contradiction"


def test_reviewer_decisions_outlive_a_rerun(tmp_path, db_path):
    run_cli("ingest", DATA / "flood", "--db", db_path)
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    target = conflicts[0]["id"]
    result = run_cli(
        "decide",
        target,
        "confirmed",
        "--note",
        "checked with the council",
        "-r",
        "ana",
        "--db",
        db_path,
    )
    assert result.exit_code == 0, result.output
    write(tmp_path / "more" / "late.txt", "Mayor Ann Lee said 3 shelters were opened.\n")
    run_cli(
        "ingest", tmp_path / "more", "--db", db_path
    )  # the corpus changes: conflicts are recomputed
    again = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    decided = next(c for c in again if c["id"] == target)
    assert (
        decided["decision"]["decision"] == "confirmed" and decided["decision"]["reviewer"] == "ana"
    )
    open_ones = json.loads(
        run_cli("conflicts", "--db", db_path, "-f", "json", "--undecided").stdout
    )["conflicts"]
    assert target not in {c["id"] for c in open_ones} and len(open_ones) == len(again) - 1
    assert run_cli("decide", "c-unknown", "dismissed", "--db", db_path).exit_code == 2
    assert run_cli("decide", target, "maybe", "--db", db_path).exit_code == 2


def test_sources_that_agree_in_other_words_raise_nothing(db_path):
    """Two reports of one earthquake, worded differently, agreeing on every fact: no conflict
    above low. ("two days after the earthquake" must not date the earthquake.)"""
    run_cli("ingest", DATA / "quake", "--db", db_path)
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    assert all(c["severity"] == "low" for c in conflicts), conflicts
    claims = json.loads(run_cli("claims", "--db", db_path, "-k", "date", "-f", "json").stdout)[
        "claims"
    ]
    quake_dates = {c["date"] for c in claims if c["attribute"] == "date of disaster"}
    assert quake_dates == {"2025-06-09"}


def test_people_lists_every_spelling(sample_db):
    result = run_cli("people", "--db", sample_db, "--name", "Teran", "-f", "json")
    assert result.exit_code == 0, result.output
    (teran,) = [p for p in json.loads(result.stdout)["people"] if "Wilman Terán" in p["names"]]
    assert {"Wilman Terán", "William Terán"} <= set(teran["names"]) and teran["documents"] == 3
    everyone = json.loads(run_cli("people", "--db", sample_db, "-f", "json").stdout)["people"]
    salazars = [p for p in everyone if p["name"].endswith("Salazar")]
    assert {p["name"] for p in salazars} == {"Diana Salazar", "Mayra Salazar"}  # two people


def test_a_story_told_in_another_register(db_path):
    """British dates ("Friday 4 April"), "aged 45", apostrophe surnames and crowd estimates:
    every planted conflict is found, each as the kind it is."""
    run_cli("ingest", DATA / "march", "--db", db_path)
    conflicts = json.loads(run_cli("conflicts", "--db", db_path, "-f", "json").stdout)["conflicts"]
    found = {(c["kind"], c["attribute"], c["status"]): c for c in conflicts}
    assert {v["value"] for v in found[("age", "age", "contradiction")]["values"]} == {"45", "47"}
    assert {v["value"] for v in found[("name", "surname", "contradiction")]["values"]} == {
        "O'Connell",
        "O'Connel",
    }
    assert (
        "date",
        "date of protest",
        "weekday mismatch",
    ) in found  # Friday 4 April vs "Thursday's march"
    assert (
        found[("count", "people protested", "contradiction")]["severity"] == "medium"
    )  # two estimates
    assert (
        found[("count", "people arrested", "evolving")]["severity"] == "low"
    )  # 3, then 5 a day later


def test_explanation_names_value_groups_not_pairs():
    from reconcile.judge import judge_numbers

    def claim(value, document, qualifier="exact"):
        high = None if qualifier == "at least" else value
        return {
            "document": document,
            "low": value,
            "high": high,
            "qualifier": qualifier,
            "start": 0,
            "end": 2,
            "quote": str(value),
            "published": "2024-03-10",
        }

    claims = [claim(29, "a"), claim(29, "b"), claim(31, "c"), claim(20, "d", "at least")]
    conflict = judge_numbers("s", "count", "", "people arrested", claims, growing=False)
    assert conflict.explanation == (
        "Sources disagree on people arrested: 29 (a, b) and 31 (c) cannot both be true. "
        "at least 20 (d) is compatible with every figure given."
    )
    three = [claim(29, "a"), claim(31, "b"), claim(35, "c")]
    conflict = judge_numbers("s", "count", "", "people arrested", three, growing=False)
    assert "no two of these can both be true" in conflict.explanation
    assert conflict.explanation.count(" and ") <= 1


def test_a_figure_dated_by_its_own_sentence_grows_with_its_date():
    """Undated articles whose sentences date their figures ('as of Sunday 10 September'):
    the later, larger figure is evolving; two figures of one day that differ contradict."""

    def dated(low, document, as_of):
        claim = number(low, document=document, published=None)
        claim["extra"] = {"as_of": as_of}
        return claim

    rising = [dated(296, "a", "2023-09-09"), dated(2012, "b", "2023-09-10")]
    found = judge_numbers("s", "count", "", "people killed", rising, True)
    assert found.status == "evolving" and found.severity == "low"
    same_day = [dated(29, "a", "2023-09-09"), dated(31, "b", "2023-09-09")]
    found = judge_numbers("s", "count", "", "people killed", same_day, True)
    assert found.status == "contradiction" and found.severity == "high"
    undated = [
        number(296, document="a", published=None),
        number(2012, document="b", published=None),
    ]
    found = judge_numbers("s", "count", "", "people killed", undated, True)
    assert found.status == "contradiction"
