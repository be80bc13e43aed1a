"""Start-up: `reconcile --version` answers before the command line's framework and the
library are imported; the command line is imported whole for any other command."""

from __future__ import annotations

import subprocess
import sys

PROBE = (
    "import sys; sys.argv = ['reconcile'] + sys.argv[1:]; from reconcile.cli import main; main();"
    " print(sorted(m for m in ('typer', 'reconcile.cli.base', 'reconcile.lexicon', 'yaml')"
    " if m in sys.modules))"
)


def probe(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stdout.splitlines()


def test_version_imports_nothing_heavy():
    from reconcile import __version__

    assert probe("--version") == [f"reconcile {__version__}", "[]"]


def test_the_package_still_offers_the_app():
    from reconcile.cli import app, main

    assert callable(main) and app.registered_commands
