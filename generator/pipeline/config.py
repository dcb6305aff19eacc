"""The project's settings as the generator reads them: mkdocs.yml (with MkDocs' own YAML loader,
so ``!ENV`` and ``INHERIT`` mean what they mean to MkDocs, without running a build) and the
build's date, so that builds of one commit are identical."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from generator.errors import GeneratorError


def git_output(folder: Path, *args: str) -> str | None:
    """What a git command prints about ``folder``'s repository; None outside git or on failure."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    output = result.stdout.strip()
    return output if result.returncode == 0 and output else None


def source_date_epoch(folder: Path) -> str | None:
    """SOURCE_DATE_EPOCH, or the last commit's time: builds of one commit are byte-identical."""
    if stamp := os.environ.get("SOURCE_DATE_EPOCH"):
        return stamp
    stamp = git_output(folder, "log", "-1", "--format=%ct")
    return stamp if stamp is not None and stamp.isdigit() else None


def build_date(folder: Path) -> date:
    """The day a build stands for: that of ``source_date_epoch``, else today (outside git)."""
    stamp = source_date_epoch(folder)
    if stamp is None or not stamp.isdigit():
        return date.today()
    return datetime.fromtimestamp(int(stamp), tz=UTC).date()


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it: ``!ENV`` resolved, an ``INHERIT``ed file merged in.

    Raises:
        GeneratorError: the file is missing or is not YAML MkDocs can read (e.g. an unknown tag).
    """
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as handle:
            config = yaml_load(handle)
    except OSError as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {error.strerror}"
        ) from error
    except ConfigurationError as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {_reason(error)}"
        ) from error
    return config if isinstance(config, dict) else {}


_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")


def _reason(error: Exception) -> str:
    """Why MkDocs' loader refused the file, in Indonesian where the YAML problem is known."""
    cause = error.__context__
    if isinstance(cause, yaml.MarkedYAMLError):
        line = cause.problem_mark.line + 1 if cause.problem_mark else 1
        unknown = _UNKNOWN_TAG.search(str(cause.problem))
        if unknown:
            return (
                f"baris {line}: tag YAML '{unknown.group(1)}' tidak dikenal MkDocs. Periksa "
                "ejaannya (mis. !ENV)"
            )
        return f"baris {line}: YAML tidak sah ({cause.problem})"
    return str(error)


def docs_dir(config_file: Path) -> Path:
    """The docs folder named by the MkDocs config (``docs`` beside it by default)."""
    return config_file.parent / str(read_config(config_file).get("docs_dir", "docs"))


def markdown_extensions(config_file: Path) -> dict[str, dict[str, Any]]:
    """The Markdown extensions MkDocs renders pages with, and their settings: MkDocs' built-in
    ones, then the configuration's ``markdown_extensions`` (a list or a mapping), with the file
    it INHERITs merged in as MkDocs merges it."""
    from mkdocs.config.defaults import MkDocsConfig

    config = read_config(config_file)
    builtins = getattr(MkDocsConfig.markdown_extensions, "builtins", [])
    found: dict[str, dict[str, Any]] = {str(name): {} for name in builtins}
    entries = config.get("markdown_extensions") or {}
    items = entries.items() if isinstance(entries, dict) else [_entry(e) for e in entries]
    for name, options in items:
        found[str(name)] = dict(options or {})
    return found


def _entry(entry: Any) -> tuple[str, Any]:
    """One item of a list of extensions: a name, or a mapping of one name to its settings."""
    if isinstance(entry, dict) and len(entry) == 1:
        ((name, options),) = entry.items()
        return str(name), options
    return str(entry), {}
