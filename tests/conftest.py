"""Shared fixtures: throwaway copies of the project, and the real site built once per session."""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.urls import GENERATED_DIRS, GENERATED_FILES

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--perbarui-golden",
        action="store_true",
        help="tulis ulang berkas golden di tests/golden/ dari keluaran sekarang (tinjau diff-nya)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; with --perbarui-golden, rewrite the file instead."""
    update = request.config.getoption("--perbarui-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"{path} belum ada: jalankan pytest --perbarui-golden"
        assert text == path.read_text(encoding="utf-8"), f"berbeda dari {path}"

    return check


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

    def where(self, relative: str, value: str) -> str:
        """'line:column' of the first occurrence of ``value`` in a content file (1-based)."""
        for number, text in enumerate(
            (self.content / relative).read_text(encoding="utf-8").splitlines(), 1
        ):
            if value in text:
                return f"{number}:{text.index(value) + 1}"
        raise AssertionError(f"{value!r} not in {relative}")

    def run(self, *args: str) -> int:
        """Run the CLI against this project."""
        command, *rest = args
        options = ["--content", str(self.content), "--config", str(self.config)]
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


@functools.cache
def _shared_book_cache() -> Path:
    import atexit
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="buku-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def copy_project(
    destination: Path, fixture: Path | None = None, content: Path | None = None
) -> Project:
    """Copy the project (content, config, hand-written pages) into ``destination``.

    With ``fixture``, the copy holds that small project instead: its content, its hand-written
    pages and its navigation, on top of the real configuration and assets.
    """
    destination.mkdir(parents=True, exist_ok=True)
    if fixture is None:
        shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
        shutil.copytree(content or CONTENT, destination / "content")
        # Only the hand-written pages: the generated folders are git-ignored and rebuilt.
        shutil.copytree(
            ROOT / "docs",
            destination / "docs",
            ignore=lambda folder, names: [
                n
                for n in names
                if Path(folder) == ROOT / "docs" and n in (*GENERATED_DIRS, *GENERATED_FILES)
            ],
        )
    else:
        shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.base.yml")
        shutil.copy2(fixture / "mkdocs.yml", destination / "mkdocs.yml")
        shutil.copytree(fixture / "content", destination / "content")
        shutil.copytree(fixture / "docs", destination / "docs")
        shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
    # MkDocs finds the hook and the theme overrides relative to mkdocs.yml.
    (destination / "generator").symlink_to(ROOT / "generator")
    # Copies of one content lay out the same printable book: they share its cache.
    (destination / ".tembolok").mkdir(exist_ok=True)
    (destination / ".tembolok" / "buku").symlink_to(_shared_book_cache(), target_is_directory=True)
    (destination / "overrides").symlink_to(ROOT / "overrides")
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


PAYLOAD = '<script>alert(1)</script> <img src=x onerror=alert(2)> "]; x [label=" \\N *tebal* [tautan](javascript:alert(3))'
HOSTILE_NAME = f"Biro Umum {PAYLOAD}"


def _q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML string


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small project with hostile text in every kind of editor field, built once."""
    project = copy_project(tmp_path_factory.mktemp("payload") / "proyek", MINIMAL)
    unit = "unit/biro-umum.yml"
    project.edit(unit, "nama: Biro Umum", f"nama: {_q(HOSTILE_NAME)}")
    project.edit(unit, "kepala: Kepala Biro Umum", f"kepala: {_q(PAYLOAD)}")
    project.edit(
        unit,
        "  - nama: Biro Rumah Tangga\n    jenis: informal",
        f"  - nama: {_q(PAYLOAD)}\n    jenis: informal\n    catatan: {_q(PAYLOAD)}",
    )
    project.edit(
        unit,
        "keyakinan: terverifikasi",
        "keyakinan: terverifikasi\nketentuan:\n  - topik: tugas\n    peraturan: uu-7-2017\n"
        f"    pasal: {_q(PAYLOAD)}\n    teks: {_q(PAYLOAD)}\n    butir: [{_q(PAYLOAD)}]\ncatatan: {_q(PAYLOAD)}",
    )
    project.edit(
        "sumber.yml",
        'judul: "Daftar satuan kerja pusat',
        "judul: " + _q(PAYLOAD)[:-1] + " Daftar satuan kerja pusat",
    )
    assert project.run("build", "--tanpa-peringatan") == 0
    return project


def load_org(content: Path):
    from generator.content.load import load_content
    from generator.content.validate import check
    from generator.model.organisation import Organisation

    checked = check(load_content(content))
    assert checked.records is not None, [p.format() for p in checked.errors]
    return Organisation.build(checked.records)


@pytest.fixture(scope="session")
def org():
    """The real content as a model (tests on it check invariants, never today's numbers)."""
    return load_org(CONTENT)


@pytest.fixture(scope="session")
def minimal_org():
    """The small fixture organisation as a model (tests on it may pin exact values)."""
    return load_org(MINIMAL / "content")


@pytest.fixture
def minimal_project(tmp_path: Path) -> Project:
    """A writable copy of the project whose content is the small fixture organisation."""
    return copy_project(tmp_path / "kecil", MINIMAL)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for every browser test: Playwright's sync API allows one driver at a time."""

    from playwright import sync_api as playwright

    from .test_browser import CHROMIUM, FLAGS

    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Chromium tidak ada: pasang paket Debian 'chromium' (make test memasangnya bila "
            "dijalankan sebagai root)"
        )
    with playwright.sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()
