"""Shared fixtures: the sample corpus ingested once, a CLI runner, small file helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile import store
from reconcile.cli import app
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DATA = Path(__file__).resolve().parent / "data"
GOLD = ROOT.parent / "shared" / "gold" / "metastasis.yaml"
SCORECARD = ROOT.parent / "shared" / "tools" / "scorecard.py"


def run_cli(*args, input: str | bytes | None = None, env: dict | None = None):
    """Invoke the CLI in-process; returns click's Result (stdout, stderr, exit_code)."""
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env=env)


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """sources/ ingested and reconciled once for the whole session (read-only use)."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    db = store.connect(path)
    ingest(db, [str(SOURCES)], jobs=1)
    reconcile(db)
    db.conn.close()
    return path


@pytest.fixture(scope="session")
def sample_conflicts(sample_db) -> list[dict]:
    result = run_cli("conflicts", "--db", sample_db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["conflicts"]


@pytest.fixture(scope="session")
def sample_claims(sample_db) -> list[dict]:
    result = run_cli("claims", "--db", sample_db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["claims"]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
