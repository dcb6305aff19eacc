"""MkDocs hooks: splice the generated section navs into the nav, and regenerate while serving.

MkDocs loads this file through ``hooks:`` in mkdocs.yml. It stays thin: the generator does the
work, and this only connects it to MkDocs' events.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml

from generator.build import generate
from generator.errors import ContentError, GeneratorError
from generator.urls import NAV_FILE

log = logging.getLogger("mkdocs.hooks.generator")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def expand_nav(nav: list[Any], docs_dir: Path) -> list[Any]:
    """Replace a ``Title: section/index.md`` entry by the section's generated nav, if it has one."""
    expanded: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, target),) = entry.items()
            nav_file = (
                docs_dir / str(target).rsplit("/", 1)[0] / NAV_FILE
                if isinstance(target, str)
                else None
            )
            if nav_file is not None and target.endswith("index.md") and nav_file.is_file():
                entry = {title: yaml.safe_load(nav_file.read_text(encoding="utf-8"))}
        expanded.append(entry)
    return expanded


def on_config(config: Any) -> Any:
    docs = Path(config["docs_dir"])
    if _command == "serve":
        # Live preview: regenerate from the YAML on every rebuild; keep the last good pages on error.
        content = Path(config["config_file_path"]).parent / "content"
        try:
            generate(content, docs)
        except ContentError as error:
            for problem in error.problems:
                log.warning(problem.format())
        except GeneratorError as error:
            log.warning(str(error))
    if config["nav"]:
        config["nav"] = expand_nav(config["nav"], docs)
    return config
