"""House rules that live in files other than Python: what is ignored, cleaned and documented."""

from __future__ import annotations

import re

from generator.cli import _parser
from generator.urls import GENERATED_DIRS, GENERATED_FILES

from .conftest import ROOT


def test_generated_folders_are_ignored_and_cleaned():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    clean = re.search(
        r"^clean:.*?(?=^\S)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.S | re.M
    )
    assert clean is not None
    for folder in GENERATED_DIRS:
        assert f"docs/{folder}/" in ignored
        assert f"docs/{folder}" in clean.group(0)
    for name in GENERATED_FILES:
        assert f"docs/{name}" in ignored
        assert f"docs/{name}" in clean.group(0)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _parser()._subparsers._group_actions[0].choices  # argparse keeps subcommands here
    for command in commands:
        assert f"python -m generator {command}" in readme, command
    for target in (
        "make build",
        "make test",
        "make check",
        "make serve",
        "make clean",
        "make distclean",
    ):
        assert target in readme
