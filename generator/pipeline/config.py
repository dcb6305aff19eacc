"""The project's settings as the generator reads them: mkdocs.yml (without running MkDocs) and the
build's date, so that builds of one commit are identical."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, cast

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
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {error}"
        ) from error
    return config if isinstance(config, dict) else {}


def docs_dir(config_file: Path) -> Path:
    """The docs folder named by the MkDocs config (``docs`` beside it by default)."""
    return config_file.parent / str(read_config(config_file).get("docs_dir", "docs"))


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose Material tags (!!python/name:…) only MkDocs needs to resolve."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    """MkDocs' ``!ENV NAME`` or ``!ENV [NAME, …, default]``: the first variable set, or the default.

    The workflow that publishes the site sets the repository's and site's addresses this way.
    """
    if isinstance(node, yaml.ScalarNode):
        names, default = [str(loader.construct_scalar(node))], None
    else:
        values = [loader.construct_object(child) for child in node.value]
        names = [str(v) for v in (values[:-1] if len(values) > 1 else values)]
        default = values[-1] if len(values) > 1 else None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return None if default is None else str(default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def markdown_extensions(config_file: Path) -> dict[str, dict[str, Any]]:
    """The Markdown extensions MkDocs renders pages with, and their settings: MkDocs' built-in
    ones, then the configuration's ``markdown_extensions`` (a list or a mapping), with the file
    it INHERITs merged in as MkDocs merges it."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open("rb") as source:
            config = yaml_load(source, cast("type[yaml.BaseLoader]", _ConfigLoader))
    except (OSError, ConfigurationError) as error:
        raise GeneratorError(
            f"konfigurasi MkDocs {config_file} tidak dapat dibaca: {error}"
        ) from error
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
