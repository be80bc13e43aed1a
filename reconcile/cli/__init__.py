"""The command line: a thin layer over the library. Each command parses its options, calls
one library function and formats what comes back. Data goes to stdout, messages to stderr.
The commands live in `base` and the modules it imports; this package stays light, so that
`reconcile --version` answers before the command-line framework and the library are imported.

Exit codes: 0 done, 1 findings (or some files failed), 2 usage or input error.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from .. import __version__

        sys.stdout.write(f"reconcile {__version__}\n")
        return
    from ..startup_cache import install

    install()  # the start-up cache, before the framework's own patterns are compiled
    from .base import main as run

    run()


def __getattr__(name: str):
    """`app` and the rest of the command line, imported on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(f"{__name__}.base"), name)
