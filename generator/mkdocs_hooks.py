"""MkDocs hook for the live preview: regenerate the pages from content/ on every rebuild.

A plain build needs no hook (the generator writes the pages and the whole nav before MkDocs
runs); while serving, this keeps the preview in step with the YAML being edited. After every
build it trims the search index (see generator/search_index.py).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from generator.build import GENERATED_CONFIG, generate
from generator.errors import ContentError, GeneratorError

log = logging.getLogger("mkdocs.hooks.generator")
_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: Any) -> Any:
    if _command != "serve":
        return config
    root = Path(config["config_file_path"]).parent
    try:
        generate(root / "content", root / "mkdocs.yml")
    except ContentError as error:
        # Keep the last good pages; the editor sees what to fix in the terminal.
        for problem in error.problems:
            log.warning(problem.format())
        return config
    except GeneratorError as error:
        log.warning(str(error))
        return config
    generated = json.loads((root / GENERATED_CONFIG).read_text(encoding="utf-8").split("\n", 1)[1])
    config["nav"] = generated["nav"]
    return config
