"""Option values taken without typer's pydantic adapters (`reconcile.cli.coercion`): the same
values and the same errors as the adapters give, and no pydantic import for a plain run."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum

import pytest

coercion = pytest.importorskip("reconcile.cli.coercion")


def commands():
    import typer.main

    from reconcile.cli.base import app

    return typer.main.get_command(app).commands


VALUES = [
    None,
    "",
    "x",
    "reconcile.db",
    "Mañana.md",
    "-",
    "3",
    " 3 ",
    "-1",
    "2.5",
    "abc",
    "json",
    "JSON",
    "high",
    "critical",
    "age",
    "bogus",
    "es",
    "1",
    "true",
    "no",
    "maybe",
    True,
    False,
    0,
    4,
    2.0,
    ("a.md", "b.md"),
    ["c.txt"],
    (),
]


def outcome(runtime, value, param, ctx):
    from typer import BadParameter

    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
        return "value", type(result), result
    except BadParameter as error:
        return "error", error.format_message()
    except Exception as error:  # the same failure, whatever it is
        return "raised", type(error), str(error)


def test_every_parameter_gets_what_typer_would_give_it():
    from typer._click import Context
    from typer._coercion import build_runtime_param

    compared = 0
    for name, command in commands().items():
        ctx = Context(command, info_name=name)
        for param in command.params:
            descriptor = param.type_descriptor
            quick = coercion.Quick(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
            full = build_runtime_param(descriptor)
            defaults = [param.default] if param.default is not None else []
            if isinstance(descriptor.annotation, type) and issubclass(descriptor.annotation, Enum):
                defaults += list(descriptor.annotation)
            for value in [*VALUES, *defaults]:
                expected = outcome(full, value, param, ctx)
                assert outcome(quick, value, param, ctx) == expected, (name, param.name, value)
                compared += 1
    assert compared > 1000


@pytest.mark.parametrize(
    "args",
    [
        ["check", "draft.md", "--format", "JSON", "--fail-on", "low"],
        ["check", "draft.md", "-f", "bogus"],
        ["check", "borrador.md", "--fail-on", "critical"],
        ["ingest", "nowhere", "--jobs", "two"],
        ["ingest", "nowhere", "--jobs", "0", "--max-mb", "x"],
        ["ingest", "nowhere", "--language", "xx"],
        ["conflicts", "--kind", "bogus"],
        ["claims", "--kind", "ages"],
    ],
)
def test_the_command_line_answers_as_with_the_adapters(args, monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from reconcile.cli import base

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    env = {"COLUMNS": "100", "RECONCILE_DB": str(tmp_path / "none.db")}
    quick = runner.invoke(base.app, args, env=env)
    monkeypatch.setattr(base, "quick_coercion", lambda params: params)
    full = runner.invoke(base.app, args, env=env)
    assert (quick.exit_code, quick.output) == (full.exit_code, full.output)


def test_a_check_run_does_not_import_pydantic(sample_db):
    from conftest import DATA

    draft = next((DATA / "drafts").glob("*.md"))
    probe = (
        "import sys; sys.argv = ['reconcile'] + sys.argv[1:]; from reconcile.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules)"
    )
    args = ["check", str(draft), "--db", str(sample_db), "-f", "json", "--fail-on", "low"]
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[-1] == "False"
