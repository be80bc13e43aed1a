"""Settings a desk keeps in a file instead of repeating them on every command line.

The file is the nearest, from the working directory upward, of `reconcile.toml` (settings at
its top level) or a `pyproject.toml` that has a `[tool.reconcile]` table. A command-line flag
beats an environment variable, which beats the file, which beats the default. Paths in the
file are relative to the file's folder.

    [tool.reconcile]
    db = "desk.db"
    fail-on = "high"
    accept = "drafts/accepted.yaml"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .models import SEVERITIES
from .output import CHECK_FORMATS, FORMATS

FILE_NAMES = ("reconcile.toml", "pyproject.toml")


class ConfigError(Exception):
    """The configuration file cannot be used; the message names the file and the setting."""


@dataclass(frozen=True)
class Setting:
    name: str  # as written in the file
    env: str  # the environment variable that overrides the file
    default: str | None
    choices: tuple[str, ...] | None = None
    path: bool = False  # a file name, relative to the configuration file's folder
    help: str = ""


SETTINGS = (
    Setting("db", "RECONCILE_DB", "reconcile.db", path=True, help="the database file"),
    Setting(
        "fail-on",
        "RECONCILE_FAIL_ON",
        None,
        SEVERITIES,
        help="exit 1 at or above this severity (unset: conflicts and run never fail, check fails at medium)",
    ),
    Setting("format", "RECONCILE_FORMAT", "table", FORMATS, help="output of listing commands"),
    Setting(
        "check-format", "RECONCILE_CHECK_FORMAT", "text", CHECK_FORMATS, help="output of check"
    ),
    Setting("accept", "RECONCILE_ACCEPT", None, path=True, help="check's accepted differences"),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def find_file(start: str | Path | None = None) -> Path | None:
    """The nearest configuration file from `start` (the working directory) upward."""
    folder = Path(start or Path.cwd()).absolute()
    for candidate in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or "reconcile" in tool_tables(path)):
                return path
    return None


def tool_tables(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # someone else's broken pyproject.toml is not ours to judge
    tool = data.get("tool")
    return tool if isinstance(tool, dict) else {}


def read_file(path: Path) -> dict[str, str]:
    """The settings of one file, checked: unknown names and values outside the choices are
    errors that name the file."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("reconcile", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.reconcile] must be a table")
    values: dict[str, str] = {}
    for name, value in data.items():
        setting = BY_NAME.get(name)
        if setting is None:
            known = ", ".join(BY_NAME)
            raise ConfigError(f"{path}: unknown setting {name!r} (known: {known})")
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: {name} must be a non-empty string")
        if setting.choices and value not in setting.choices:
            allowed = ", ".join(setting.choices)
            raise ConfigError(f"{path}: {name} = {value!r} is not one of {allowed}")
        values[name] = str(path.parent / value) if setting.path else value
    return values


def file_settings(start: str | Path | None = None) -> tuple[Path | None, dict[str, str]]:
    """The configuration file found (or None) and its settings."""
    path = find_file(start)
    return path, (read_file(path) if path else {})


def settings_in_force(
    environ: dict[str, str] | None = None, start: str | Path | None = None
) -> list[dict]:
    """Each setting with its value and where it came from: an environment variable, the file
    or the default (flags, given per command, beat all three)."""
    environ = os.environ if environ is None else environ
    path, values = file_settings(start)
    rows = []
    for setting in SETTINGS:
        if environ.get(setting.env):
            value, source = environ[setting.env], f"env {setting.env}"
        elif setting.name in values:
            value, source = values[setting.name], str(path)
        else:
            value, source = setting.default, "default"
        rows.append(
            {"setting": setting.name, "value": value, "source": source, "help": setting.help}
        )
    return rows
