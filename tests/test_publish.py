"""Publishing: with the repository and the site's address configured (as the publishing workflow
does), every page links to its source and to the issue form, has a canonical link, and is in the
sitemap; the site works under a sub-path (as on GitHub Pages, https://<owner>.github.io/<repo>/),
404 page included. Without them (a default local build), no page links anywhere that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urldefrag, urljoin, urlsplit

import lxml.html
import pytest
import yaml
from bs4 import BeautifulSoup

from generator.model.organisation import Organisation
from generator.plan.site import plan
from generator.urls import doc_url

from .conftest import MINIMAL, ROOT, Project, copy_project, fetch, has_class, parse_tree, serve

pytestmark = pytest.mark.site

SUB = "repo"
#: The repository and site address of the build published under the sub-path.
REPO = "https://github.invalid/pemilik/repo"
ADDRESS = f"http://localhost/{SUB}/"


def _help_links(tree: lxml.html.HtmlElement) -> dict[str, str]:
    return {
        "".join(t.strip() for t in a.itertext()): a.get("href")
        for a in tree.xpath(f"//nav[{has_class('bantu')}]//a")
    }


#: Material's edit button.
EDIT_BUTTON = f"//a[{has_class('md-content__button')} and @rel='edit']/@href"


def _page(published: Path, url: str) -> lxml.html.HtmlElement:
    """A page of the site built for the sub-path, by its address below the sub-path."""
    return parse_tree(published / SUB / url / "index.html")


def _urls(org: Organisation) -> set[str]:
    """The address (below the site root) of every generated page."""
    return {doc_url(p.path) for p in plan(org).pages}


def test_generated_pages_link_to_their_yaml(under_sub_path: Path, minimal_org: Organisation):
    sources = {doc_url(p.path): p.source_file for p in plan(minimal_org).pages if p.source_file}
    kinds = {source.split("/")[1] for source in sources.values()}
    assert {"unit", "peraturan", "wilayah", "templat"} <= kinds
    for url, source in sources.items():
        tree = _page(under_sub_path, url)
        links = _help_links(tree)
        assert links["Sunting sumber halaman ini"] == REPO + "/edit/main/" + source, url
        # Material's edit button agrees.
        assert tree.xpath(EDIT_BUTTON)[0].endswith(source), url


def test_index_pages_have_no_edit_link_and_hand_written_pages_link_their_markdown(
    under_sub_path: Path,
):
    for url in ("struktur/", "daerah/", "kelengkapan/", "indeks/"):
        tree = _page(under_sub_path, url)
        assert "Sunting sumber halaman ini" not in _help_links(tree), url
        assert tree.xpath(EDIT_BUTTON) == [], url
    links = _help_links(_page(under_sub_path, "tentang/landasan-hukum/"))
    assert links["Sunting sumber halaman ini"] == (
        REPO + "/edit/main/docs/tentang/landasan-hukum.md"
    )


def test_every_page_has_a_report_link_naming_itself(
    under_sub_path: Path, minimal_org: Organisation
):
    site = under_sub_path / SUB
    pages = [p for p in sorted(site.rglob("index.html"))]
    urls = set()
    for page in pages:
        url = page.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        urls.add(url)
        tree = _page(under_sub_path, url)
        report = _help_links(tree).get("Laporkan kesalahan")
        assert report is not None and report.startswith(REPO + "/issues/new?"), url
        query = parse_qs(urlsplit(report).query)
        assert query["template"] == ["kesalahan.yml"]
        assert query["halaman"] == [f"{ADDRESS}{url}"], (url, query)
        assert tree.xpath("//link[@rel='canonical']/@href") == [f"{ADDRESS}{url}"], url
    assert _urls(minimal_org) <= urls


def test_the_sitemap_lists_every_page_by_its_address(
    under_sub_path: Path, minimal_org: Organisation
):
    site = under_sub_path / SUB
    sitemap = BeautifulSoup((site / "sitemap.xml").read_bytes(), "xml")
    addresses = {loc.get_text() for loc in sitemap.find_all("loc")}
    assert {ADDRESS + url for url in _urls(minimal_org)} <= addresses
    assert all(a.startswith(ADDRESS) for a in addresses)
    assert (site / "sitemap.xml.gz").is_file()


def test_a_default_build_links_to_no_placeholder_or_missing_address(
    built: Project, org: Organisation
):
    """Without SITUS_REPO_URL and SITUS_URL: no edit or report links, no canonical links, a
    sitemap of relative addresses only (the theme requests it on every page), and no placeholder
    address anywhere in the site (but where a source's own address is one)."""
    cited = sorted({s.url.encode() for s in org.sources.values() if s.url}, key=len, reverse=True)
    for path in sorted(built.site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".css", ".txt"):
            text = path.read_bytes()
            for url in cited:
                text = text.replace(url, b"")
            assert b"example.org" not in text, path
    sitemap = BeautifulSoup((built.site / "sitemap.xml").read_bytes(), "xml")
    addresses = {loc.get_text() for loc in sitemap.find_all("loc")}
    generated = _urls(org)
    assert generated <= addresses
    assert not any(urlsplit(a).scheme or a.startswith("/") for a in addresses)
    unit = min(doc_url(p.path) for p in plan(org).pages if p.source_file)
    for url in ("", unit, "kelengkapan/", "tentang/", "404.html"):
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
    """The small project built for https://…/repo/ with its repository configured, and placed in
    <root>/repo/, as Pages serves it."""
    project = copy_project(tmp_path_factory.mktemp("subjalur") / "proyek", MINIMAL)
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
        status, body = fetch(urljoin(base, path))
        statuses[path] = status
        soup = BeautifulSoup(body, "lxml")
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                target = urldefrag(urljoin(urljoin(base, path), element[attribute]))[0]
                if urlsplit(target).hostname != "127.0.0.1" or target in seen:
                    continue
                seen.add(target)
                if fetch(target)[0] != 200:
                    broken.append(f"{path}: {element.get(attribute)}")
    return statuses, broken


def test_the_site_works_under_a_sub_path(under_sub_path: Path):
    pages = [
        "",
        "struktur/",
        "struktur/biro-umum/",
        "dasar-hukum/pkpu-21-2023/",
        "daerah/gorontalo/kota-gorontalo/",
        "struktur-baku/sekretariat-kabupaten-kota/",
        "kelengkapan/",
        "tentang/landasan-hukum/",
    ]
    with serve(under_sub_path, under_sub_path / SUB / "404.html") as server:
        statuses, broken = _broken_links(server + f"{SUB}/", pages)
    assert set(statuses.values()) == {200}, statuses
    assert broken == []


def test_the_404_page_works_two_levels_deep_under_a_sub_path(under_sub_path: Path):
    with serve(under_sub_path, under_sub_path / SUB / "404.html") as server:
        missing = f"{SUB}/tidak/ada/"
        statuses, broken = _broken_links(server, [missing])
        soup = BeautifulSoup(fetch(server + missing)[1], "lxml")
    assert statuses == {missing: 404}
    assert broken == []
    assert soup.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    hrefs = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert hrefs["Beranda"] == f"/{SUB}/"
    assert hrefs["Struktur Organisasi"] == f"/{SUB}/struktur/"
    assert hrefs["Indeks A–Z"] == f"/{SUB}/indeks/"
    assert "cari" in soup.article.get_text().lower()
