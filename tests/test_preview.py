"""The preview's incremental path (generator.pipeline.live, generator.tools.preview) on the small
project: an edit reaches its page as a full build would make it, errors leave the site alone, the
book is laid out when asked for; and the published build stays complete and the same bytes with
or without its second process.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.pipeline.build import build, write_pages
from generator.pipeline.live import LiveSite
from generator.plan.site import plan
from generator.urls import doc_url

from .conftest import MINIMAL, Project, copy_project, load_org
from .test_serve import Preview, _get, _until, running_preview

pytestmark = pytest.mark.site

UNIT_PAGE = "struktur/biro-umum/index.html"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_an_edit_rebuilds_only_its_pages_as_a_full_build_makes_them(
    minimal_project: Project, tmp_path: Path
):
    project = minimal_project
    live = LiveSite(project.config, project.site)
    write_pages(project.content, project.config)
    first = live.refresh()
    assert first.full and UNIT_PAGE in _files(project.site)

    project.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro Umum dan Protokol")
    write_pages(project.content, project.config)
    update = live.refresh()
    assert not update.full
    assert "struktur/biro-umum/index.md" in update.pages
    assert len(update.pages) < len(first.pages)
    page = (project.site / UNIT_PAGE).read_bytes()
    assert "Biro Umum dan Protokol" in page.decode("utf-8")

    # A full build of the same pages makes the edited page byte for byte the same.
    fresh = LiveSite(project.config, tmp_path / "penuh")
    assert fresh.refresh().full
    assert (tmp_path / "penuh" / UNIT_PAGE).read_bytes() == page

    # Nothing changed: nothing rebuilt, nothing written.
    write_pages(project.content, project.config)
    assert live.refresh() == type(update)(False, [], 0)


def test_a_failed_update_leaves_the_site_and_the_next_refresh_builds_it_whole(
    minimal_project: Project,
):
    project = minimal_project
    live = LiveSite(project.config, project.site)
    write_pages(project.content, project.config)
    live.refresh()
    before = _files(project.site)
    guide = project.root / "docs" / "panduan" / "index.md"
    good = guide.read_text(encoding="utf-8")
    guide.write_text(good + "\n[Tautan](../index.md#tidak-ada-bagian-ini)\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match="tidak-ada-bagian-ini"):
        live.refresh()
    assert _files(project.site) == before
    guide.write_text(good, encoding="utf-8")
    assert live.refresh().full


def test_the_published_build_is_complete_and_the_same_with_or_without_the_second_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.setenv("SITUS_URL", "https://contoh.go.id/struktur/")  # MkDocs' sitemap needs it
    # The small project is below the size worth a second process: it gets one all the same.
    monkeypatch.setattr("generator.pipeline.build.MIN_PAGES_TO_SHARE", 1)
    parallel = copy_project(tmp_path / "paralel", MINIMAL)
    serial = copy_project(tmp_path / "berurutan", MINIMAL)
    build(parallel.content, parallel.config, parallel.site, parallel=True)
    build(serial.content, serial.config, serial.site, parallel=False)
    one, two = _files(parallel.site), _files(serial.site)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []

    # Complete: every page is in the search index and the sitemap; the book is the real PDF.
    # (The full-size chart pages repeat their page's chart and stay out of search by design.)
    pages = {n.removesuffix("index.html") for n in one if n.endswith("index.html")}
    pages.discard("404.html")
    full_size = {doc_url(p.path) for p in plan(load_org(parallel.content)).pages if p.full_size}
    index = json.loads(one["search/search_index.json"])
    indexed = {d["location"].split("#", 1)[0] for d in index["docs"]}
    assert full_size and pages - full_size <= indexed
    sitemap = re.findall(
        r"<loc>https://contoh\.go\.id/struktur/([^<]*)</loc>", one["sitemap.xml"].decode()
    )
    assert set(sitemap) == pages
    assert one["unduh/struktur-organisasi-setjen-kpu.pdf"].startswith(b"%PDF-")


def test_a_small_site_is_built_by_mkdocs_in_one_process(
    minimal_project: Project, monkeypatch: pytest.MonkeyPatch
):
    """Starting a second process costs more than the small project's pages take."""

    def refused() -> None:
        raise AssertionError("proses kedua MkDocs dimulai untuk situs kecil")

    monkeypatch.setattr("generator.pipeline.build.MkDocsProcess", refused)
    assert minimal_project.run("build", "--tanpa-peringatan") == 0
    assert (minimal_project.site / "struktur" / "biro-umum" / "index.html").is_file()


def test_a_failed_book_fails_the_build_and_leaves_the_site(
    minimal_book_project: Project, monkeypatch: pytest.MonkeyPatch
):
    project = minimal_book_project
    assert project.run("build") == 0
    before = _files(project.site)
    project.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro Umum dan Protokol")

    def broken(self: object) -> tuple[bytes, float | None]:
        raise GeneratorError("WeasyPrint gagal (uji)")

    # The book is laid out in a process of its own: its outcome is what fails here.
    monkeypatch.setattr("generator.pipeline.pdf.BookProcess.result", broken)
    assert project.run("build") == 1
    assert _files(project.site) == before


@pytest.fixture
def small_preview(minimal_book_project: Project, tmp_path: Path) -> Iterator[Preview]:
    with running_preview(minimal_book_project, tmp_path / "pratinjau.log") as server:
        yield server


def test_the_preview_shows_an_edit_and_an_error_and_makes_the_book_when_asked(
    small_preview: Preview, minimal_book_project: Project
):
    preview, project = small_preview, minimal_book_project
    page = preview.url + "struktur/biro-umum/"
    assert "Situs dibangun penuh" in preview.output()

    project.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro Umum dan Protokol")
    _until(lambda: "Biro Umum dan Protokol" in _get(page))
    # The summary is printed once the files are written, so it may follow the page a moment.
    _until(
        lambda: bool(re.search(r"Situs diperbarui: \d+ halaman dibangun ulang", preview.output()))
    )
    assert "Buku PDF dibuat" not in preview.output()

    unit = project.unit_file("biro-umum")
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("jenis: biro", "jenis: biroo"), encoding="utf-8")
    _until(lambda: "Konten berisi 1 galat" in _get(page))
    assert "Biro Umum dan Protokol" in _get(page)
    assert "content/unit/biro-umum.yml:" in preview.output()

    unit.write_text(good, encoding="utf-8")
    _until(lambda: "Konten berisi" not in _get(page))

    started = time.monotonic()
    with urllib.request.urlopen(preview.url + "unduh/struktur-organisasi-setjen-kpu.pdf") as pdf:
        assert pdf.headers["Content-Type"] == "application/pdf"
        assert pdf.read().startswith(b"%PDF-")
    assert time.monotonic() - started < 120
    assert (project.site / "unduh" / "struktur-organisasi-setjen-kpu.pdf").read_bytes()[:5] == (
        b"%PDF-"
    )


def test_a_renamed_section_updates_the_navigation_of_the_rebuilt_pages(minimal_project: Project):
    project = minimal_project
    live = LiveSite(project.config, project.site)
    write_pages(project.content, project.config)
    live.refresh()
    project.edit(
        "unit/deputi-bidang-administrasi.yml",
        "nama: Deputi Bidang Administrasi",
        "nama: Deputi Bidang Administrasi Umum",
    )
    write_pages(project.content, project.config)
    update = live.refresh()
    assert not update.full
    assert "struktur/deputi-bidang-administrasi/index.md" in update.pages
    nav = project.page("struktur/deputi-bidang-administrasi/").select_one("nav.md-nav--primary")
    assert "Deputi Bidang Administrasi Umum" in nav.get_text(" ", strip=True)
