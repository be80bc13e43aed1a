"""The config command: the settings in force and where each one came from."""

from __future__ import annotations

from .base import Format, FormatOption, app, handles_errors, plain, stdout_console
from .rows import emit_rows


@app.command()
@handles_errors
def config(format: FormatOption = Format.table) -> None:
    """Show the settings in force and where each one came from.

    A setting comes from an environment variable, the configuration file, or the default; a
    flag given to a command beats all three.

    The file is the nearest reconcile.toml, or pyproject.toml with a [tool.reconcile] table,
    from the working directory upward; paths in it are relative to its folder.

    Example of pyproject.toml:
      [tool.reconcile]
      db = "desk.db"
      fail-on = "high"
      accept = "drafts/accepted.yaml"
    """
    from ..config import settings_in_force

    rows = settings_in_force()

    def table() -> None:
        from rich.table import Table

        view = Table(title="settings", title_justify="left")
        for column in ("setting", "value", "source", "what"):
            view.add_column(column, overflow="fold")
        for row in rows:
            view.add_row(
                plain(row["setting"]),
                plain(row["value"] if row["value"] is not None else "(unset)"),
                plain(row["source"]),
                plain(row["help"]),
            )
        stdout_console().print(view)

    emit_rows("settings", rows, ["setting", "value", "source", "help"], format, table)
