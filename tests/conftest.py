"""Shared fixtures: throwaway copies of the project, and the real site built once per session."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.urls import GENERATED_DIRS

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@dataclass(frozen=True)
class Project:
    """A copy of the project in a temporary folder: its content can be changed freely."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def unit_file(self, unit_id: str) -> Path:
        return self.content / "unit" / f"{unit_id}.yml"

    def edit(self, relative: str, old: str, new: str) -> Path:
        """Replace text in a content file; fails loudly when ``old`` is not there."""
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def run(self, *args: str) -> int:
        """Run the CLI against this project."""
        command, *rest = args
        options = ["--content", str(self.content)]
        if command != "check":
            options += ["--config", str(self.config)]
        if command == "build":
            options += ["--site", str(self.site)]
        return main([command, *options, *rest])

    def page(self, url_path: str) -> BeautifulSoup:
        """The built HTML page at a site path such as 'struktur/biro-umum/' (parsed once)."""
        target = self.site / url_path
        if target.is_dir() or url_path.endswith("/") or not url_path:
            target = target / "index.html"
        return parse_html(target)


@functools.cache
def parse_html(path: Path) -> BeautifulSoup:
    """Parse a built page once per test run; tests only read the tree."""
    return BeautifulSoup(path.read_bytes(), "lxml")


def copy_project(destination: Path) -> Project:
    """Copy the project (content, config, hand-written pages) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(CONTENT, destination / "content")
    # Only the hand-written pages: the generated folders are git-ignored and rebuilt.
    shutil.copytree(
        ROOT / "docs",
        destination / "docs",
        ignore=lambda folder, names: [
            n for n in names if Path(folder) == ROOT / "docs" and n in GENERATED_DIRS
        ],
    )
    # MkDocs finds the hook relative to mkdocs.yml.
    (destination / "generator").symlink_to(ROOT / "generator")
    return Project(destination)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh, writable copy of the real project."""
    return copy_project(tmp_path / "proyek")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[str], Project]:
    """Make several independent copies of the project in one test."""

    def make(name: str) -> Project:
        return copy_project(tmp_path / name)

    return make


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real content, built once into a real site with MkDocs."""
    project = copy_project(tmp_path_factory.mktemp("situs") / "proyek")
    assert project.run("build") == 0
    return project
