"""The benchmark's generator: the same seed gives the same archive, and its truth is usable."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate
        import run

        yield generate, run
    finally:
        sys.path.remove(str(BENCHMARKS))


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(folder).as_posix().encode())
            sha.update(path.read_bytes())
    return sha.hexdigest()


def test_generator_is_deterministic_under_a_seed(bench, tmp_path):
    generate, _ = bench
    first = generate.generate(20, tmp_path / "a", seed=3)
    generate.generate(20, tmp_path / "b", seed=3)
    generate.generate(20, tmp_path / "c", seed=4)
    assert first["articles"] == 20
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")
    sizes = [p.stat().st_size for p in (tmp_path / "a").rglob("*.md")]
    assert len(sizes) == 20 and 3500 < sum(sizes) / len(sizes) < 7000  # about 5 KB each
    truth = json.loads((tmp_path / "a" / "truth.json").read_text(encoding="utf-8"))
    assert set(truth["documents"]) == {p.stem for p in (tmp_path / "a").rglob("*.md")}
    for plant in truth["planted"]:
        assert plant["right"] != plant["wrong"]
        assert truth["documents"][plant["document"]] == plant["story"]


def test_score_counts_a_found_plant_and_a_false_alarm(bench):
    _, run = bench
    truth = {
        "documents": {"s1-00": "s1", "s1-01": "s1", "s2-00": "s2"},
        "planted": [
            {"story": "s1", "kind": "count", "type": "count", "right": "29", "wrong": "31"}
        ],
    }

    def conflict(kind, values):
        return {
            "kind": kind,
            "values": [
                {"value": v, "low": None, "high": None, "sources": [{"document": d}]}
                for v, d in values
            ],
        }

    found = conflict("count", [("29", "s1-00"), ("31", "s1-01")])
    stray = conflict("age", [("40", "s1-00"), ("42", "s2-00")])  # spans two stories
    result = run.score([found, stray], truth)
    assert (result["found"], result["planted"], result["false_alarms"]) == (1, 1, 1)
