"""Shared fixtures: the sample corpus ingested once, a CLI runner, small file helpers."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile import store
from reconcile.cli import app
from reconcile.ingest import ingest
from reconcile.pipeline import reconcile

# The start-up cache (reconcile/startup_cache.py) of this session, and of every process its
# tests start, goes to a folder of its own, never to the user's (importing the package reads
# none of it: this is early enough).
SESSION_CACHE = tempfile.mkdtemp(prefix="reconcile-test-cache-")
os.environ["RECONCILE_CACHE_DIR"] = SESSION_CACHE


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(SESSION_CACHE, ignore_errors=True)


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


#: Two invented stories: a harbour fire told by three outlets under a story label given in
#: the front matter, and a flood told in Spanish by two, grouped automatically. Each holds
#: conflicts of several kinds (counts, ages, a name, a weekday).
INVENTED_ARTICLES = {
    "fire/fire-1.md": """---
title: Harbour fire kills 14 in Portvale
outlet: Portvale Courier
published: 2024-03-06
story: portvale fire/2024
---

Fourteen people died in the harbour fire in Portvale on Tuesday, March 5, 2024, fire crews said.

Harbour master Tomas Whitcombe, 52, said the blaze began in a grain warehouse shortly after midnight.

Police arrested 3 people on suspicion of arson, according to the fire chief, Ilse Marrow.
""",
    "fire/fire-2.md": """---
title: Portvale harbour blaze
outlet: Coastal Times
published: 2024-03-06
story: portvale fire/2024
---

At least 16 people died when fire swept through Portvale harbour on Tuesday, March 5, 2024.

Tomas Whitcombe, 54, the harbour master, said the fire started in a grain warehouse.

Police arrested 5 people overnight, fire chief Ilse Marrow said.
""",
    "fire/fire-3.md": """---
title: Questions after Portvale fire
outlet: Regional Wire
published: 2024-03-07
story: portvale fire/2024
---

Seventeen people died in the Portvale harbour fire on Wednesday, March 5, 2024, officials said.

Harbour master Thomas Whitcombe said the grain warehouse had failed an inspection.

Fire chief Ilse Marrow, 47, said 5 people had been arrested.
""",
    "flood/flood-1.md": """---
title: Inundaciones en Valdorra
outlet: Diario del Sur
published: 2024-03-05
language: es
---

Al menos 40 personas murieron en las inundaciones de Valdorra el lunes 4 de marzo de 2024.

La alcaldesa Marisol Quintero, de 47 años, pidió ayuda al gobierno.
""",
    "flood/flood-2.md": """---
title: Valdorra bajo el agua
outlet: La Voz de Valdorra
published: 2024-03-05
language: es
---

Un total de 38 personas murieron en las inundaciones de Valdorra el lunes 4 de marzo de 2024.

La alcaldesa Marisol Quinteros, de 49 años, pidió ayuda al gobierno.
""",
}


@pytest.fixture(scope="session")
def invented_corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("invented")
    for name, text in INVENTED_ARTICLES.items():
        write(folder / name, text)
    return folder


# --------------------------------------------------------------------------- claims of a sentence


def counts(text: str, language: str = "en") -> list:
    """The count claims of an invented text, dated 10 March 2024."""
    from reconcile.ingest import analyse
    from reconcile.models import Document

    document = Document("t", "t", "t", text, published="2024-03-10", language=language)
    return [c for c in analyse(document)[2] if c.kind == "count"]


def by_value(claims, low):
    """The one claim of `claims` whose figure is `low`."""
    (claim,) = [c for c in claims if c.low == low]
    return claim


def key(claim) -> tuple | None:
    """The block a claim is compared in, in a story named 's'."""
    from reconcile.match import block_key

    return block_key(claim.as_dict(), "s", None)


def figure(low, high=None, qualifier="exact", document="a", published="2024-03-10") -> dict:
    """A count claim row as the judge reads it: bounds, qualifier, document and date. An exact
    figure's upper bound is its value; give `high` for any other."""
    return {
        "low": low,
        "high": low if high is None and qualifier == "exact" else high,
        "qualifier": qualifier,
        "document": document,
        "published": published,
        "quote": str(low),
        "start": 0,
        "end": 1,
        "unit": None,
    }


def mention(document: str, name: str, language: str = "en", given: str | None = None) -> dict:
    """A person claim row as reconcile reads it, for the people-resolution tests: the first
    word of `name` its given name, the rest its surname, unless `given` says where the given
    names end ("Ravi Anand" of "Ravi Anand Kosla")."""
    given = given or name.split(" ", 1)[0]
    surname = name[len(given) :].strip()
    return {
        "document": document,
        "value": name,
        "quote": name,
        "start": 0,
        "end": len(name),
        "language": language,
        "extra": {"given": given, "surname": surname},
    }
