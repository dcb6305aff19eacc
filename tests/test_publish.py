"""Publishing: with the repository and the site's address configured (as the publishing workflow
does), every page links to its source and to the issue form, has a canonical link, and is in the
sitemap; the site works under a sub-path (as on GitHub Pages, https://<owner>.github.io/<repo>/),
404 page included. Without them (a default local build), no page links anywhere that does not exist.
"""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import ROOT, Project, parse_html

pytestmark = pytest.mark.site

SUB = "repo"
#: The repository and site address of the build published under the sub-path.
REPO = "https://github.invalid/pemilik/repo"
ADDRESS = f"http://localhost/{SUB}/"


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Like GitHub Pages: a missing address gets the site's 404.html, with status 404."""

    not_found: Path

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(root: Path, not_found: Path) -> Iterator[str]:
    """Serve ``root`` on a free port; missing paths get ``not_found``."""
    handler = type("Handler", (_PagesHandler,), {"not_found": not_found})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _help_links(soup: BeautifulSoup) -> dict[str, str]:
    return {a.get_text(strip=True): a["href"] for a in soup.select("nav.bantu a")}


def _page(published: Path, url: str) -> BeautifulSoup:
    """A page of the site built for the sub-path, by its address below the sub-path."""
    return parse_html(published / SUB / url / "index.html")


def test_generated_pages_link_to_their_yaml(under_sub_path: Path):
    cases = {
        "struktur/biro-logistik/": "content/unit/biro-logistik.yml",
        "dasar-hukum/uu-7-2017/": "content/peraturan/uu-7-2017.yml",
        "daerah/jawa-barat/kabupaten-bogor/": "content/wilayah/jawa-barat.yml",
        "struktur-baku/sekretariat-provinsi/": "content/templat/sekretariat-provinsi.yml",
    }
    for url, source in cases.items():
        page = _page(under_sub_path, url)
        links = _help_links(page)
        assert links["Sunting sumber halaman ini"] == REPO + "/edit/main/" + source, url
        # Material's edit button agrees.
        assert page.select_one("a.md-content__button[rel=edit]")["href"].endswith(source)


def test_index_pages_have_no_edit_link_and_hand_written_pages_link_their_markdown(
    under_sub_path: Path,
):
    for url in ("struktur/", "daerah/", "kelengkapan/", "indeks/"):
        soup = _page(under_sub_path, url)
        assert "Sunting sumber halaman ini" not in _help_links(soup), url
        assert soup.select_one("a.md-content__button[rel=edit]") is None, url
    assert _help_links(_page(under_sub_path, "tentang/"))["Sunting sumber halaman ini"] == (
        REPO + "/edit/main/docs/tentang/index.md"
    )


def test_every_page_has_a_report_link_naming_itself(under_sub_path: Path):
    site = under_sub_path / SUB
    pages = [p for p in sorted(site.rglob("index.html"))]
    assert len(pages) > 500
    for page in pages:
        url = page.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        soup = _page(under_sub_path, url)
        report = _help_links(soup).get("Laporkan kesalahan")
        assert report is not None and report.startswith(REPO + "/issues/new?"), url
        query = parse_qs(urlsplit(report).query)
        assert query["template"] == ["kesalahan.yml"]
        assert query["halaman"] == [f"{ADDRESS}{url}"], (url, query)
        assert soup.select_one("link[rel=canonical]")["href"] == f"{ADDRESS}{url}", url


def test_the_sitemap_lists_every_page_by_its_address(under_sub_path: Path):
    site = under_sub_path / SUB
    sitemap = BeautifulSoup((site / "sitemap.xml").read_bytes(), "xml")
    addresses = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert len(addresses) > 500
    assert f"{ADDRESS}struktur/biro-logistik/" in addresses
    assert all(a.startswith(ADDRESS) for a in addresses)
    assert (site / "sitemap.xml.gz").is_file()


def test_a_default_build_links_to_no_placeholder_or_missing_address(built: Project):
    """Without SITUS_REPO_URL and SITUS_URL: no edit or report links, no canonical links, a
    sitemap of relative addresses only (the theme requests it on every page), and no placeholder
    address anywhere in the site."""
    for path in sorted(built.site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".css", ".txt"):
            assert b"example.org" not in path.read_bytes(), path
    sitemap = BeautifulSoup((built.site / "sitemap.xml").read_bytes(), "xml")
    addresses = [loc.get_text() for loc in sitemap.find_all("loc")]
    assert len(addresses) > 500 and "struktur/biro-logistik/" in addresses
    assert not any(urlsplit(a).scheme or a.startswith("/") for a in addresses)
    for url in ("", "struktur/biro-logistik/", "kelengkapan/", "tentang/", "404.html"):
        soup = built.page(url)
        assert soup.select("nav.bantu, a[rel=edit], link[rel=canonical]") == [], url
    home = built.page("").article.get_text(" ")
    assert "Laporkan kesalahan" not in home and "Panduan Penyunting" in home
    completeness = built.page("kelengkapan/").article
    assert "Laporkan kesalahan" not in completeness.get_text(" ")
    assert completeness.find("a", string="sunting") is None


def test_the_issue_form_takes_the_page_from_the_link():
    form = yaml.safe_load(
        (ROOT / ".github/ISSUE_TEMPLATE/kesalahan.yml").read_text(encoding="utf-8")
    )
    ids = [field.get("id") for field in form["body"]]
    assert ids[1:] == ["halaman", "salah", "sumber"]


def test_the_workflow_publishes_with_the_official_actions_only():
    workflow = yaml.safe_load((ROOT / ".github/workflows/terbit.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads "on" as True
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    uses = [
        s["uses"].split("@")[0]
        for job in workflow["jobs"].values()
        for s in job["steps"]
        if "uses" in s
    ]
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(uses)
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert "make build" in runs
    assert "secrets." not in (ROOT / ".github/workflows/terbit.yml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def under_sub_path(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch
) -> Path:
    """The real site built for https://…/repo/ and placed in <root>/repo/, as Pages serves it."""
    from .conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("subjalur") / "proyek")
    monkeypatch_module.setenv("SITUS_URL", ADDRESS)
    monkeypatch_module.setenv("SITUS_REPO_URL", REPO)
    assert project.run("build", "--tanpa-peringatan") == 0
    root = project.root / "terbit"
    root.mkdir()
    project.site.rename(root / SUB)
    return root


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _broken_links(base: str, paths: list[str]) -> tuple[dict[str, int], list[str]]:
    """Each page's status, and every local link, stylesheet, script or image that does not load."""
    statuses, broken, seen = {}, [], set()
    for path in paths:
        status, body = _get(urljoin(base, path))
        statuses[path] = status
        soup = BeautifulSoup(body, "lxml")
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                target = urldefrag(urljoin(urljoin(base, path), element[attribute]))[0]
                if urlsplit(target).hostname != "127.0.0.1" or target in seen:
                    continue
                seen.add(target)
                if _get(target)[0] != 200:
                    broken.append(f"{path}: {element.get(attribute)}")
    return statuses, broken


def test_the_site_works_under_a_sub_path(under_sub_path: Path):
    pages = [
        "",
        "struktur/",
        "struktur/biro-logistik/",
        "dasar-hukum/pkpu-21-2023/",
        "daerah/jawa-barat/kabupaten-bogor/",
        "struktur-baku/sekretariat-kabupaten-kota/",
        "kelengkapan/",
        "tentang/",
    ]
    with serve(under_sub_path, under_sub_path / SUB / "404.html") as server:
        statuses, broken = _broken_links(server + f"{SUB}/", pages)
    assert set(statuses.values()) == {200}, statuses
    assert broken == []


def test_the_404_page_works_two_levels_deep_under_a_sub_path(under_sub_path: Path):
    with serve(under_sub_path, under_sub_path / SUB / "404.html") as server:
        missing = f"{SUB}/tidak/ada/"
        statuses, broken = _broken_links(server, [missing])
        soup = BeautifulSoup(_get(server + missing)[1], "lxml")
    assert statuses == {missing: 404}
    assert broken == []
    assert soup.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    hrefs = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert hrefs["Beranda"] == f"/{SUB}/"
    assert hrefs["Struktur Organisasi"] == f"/{SUB}/struktur/"
    assert hrefs["Indeks A–Z"] == f"/{SUB}/indeks/"
    assert "cari" in soup.article.get_text().lower()
