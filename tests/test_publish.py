"""Publishing: every page links to its source and to the issue form; the site works under a
sub-path (as on GitHub Pages, https://<owner>.github.io/<repo>/), 404 page included."""

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

from .conftest import MINIMAL, ROOT, Project, copy_project, fetch, has_class, serve

pytestmark = pytest.mark.site

SUB = "repo"


def _help_links(tree: lxml.html.HtmlElement) -> dict[str, str]:
    return {
        "".join(t.strip() for t in a.itertext()): a.get("href")
        for a in tree.xpath(f"//nav[{has_class('bantu')}]//a")
    }


#: Material's edit button.
EDIT_BUTTON = f"//a[{has_class('md-content__button')} and @rel='edit']/@href"


def test_generated_pages_link_to_their_yaml(built: Project, org: Organisation):
    sources = {doc_url(p.path): p.source_file for p in plan(org).pages if p.source_file}
    kinds = {source.split("/")[1] for source in sources.values()}
    assert {"unit", "peraturan", "wilayah", "templat"} <= kinds
    for url, source in sources.items():
        tree = built.tree(url)
        links = _help_links(tree)
        assert links["Sunting sumber halaman ini"].endswith("/edit/main/" + source), url
        # Material's edit button agrees.
        assert tree.xpath(EDIT_BUTTON)[0].endswith(source), url


def test_index_pages_have_no_edit_link_and_hand_written_pages_link_their_markdown(built: Project):
    for url in ("struktur/", "daerah/", "kelengkapan/", "indeks/"):
        tree = built.tree(url)
        assert "Sunting sumber halaman ini" not in _help_links(tree), url
        assert tree.xpath(EDIT_BUTTON) == [], url
    assert _help_links(built.tree("tentang/"))["Sunting sumber halaman ini"].endswith(
        "/edit/main/docs/tentang/index.md"
    )


def test_every_page_has_a_report_link_naming_itself(built: Project):
    pages = [p for p in sorted(built.site.rglob("index.html"))]
    assert len(pages) > 500
    for page in pages:
        url = page.parent.relative_to(built.site).as_posix()
        url = "" if url == "." else url + "/"
        report = _help_links(built.tree(url)).get("Laporkan kesalahan")
        assert report is not None, url
        query = parse_qs(urlsplit(report).query)
        assert query["template"] == ["kesalahan.yml"]
        assert query["halaman"][0].endswith("/" + url if url else "/"), (url, query)


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
    """The small project built for https://…/repo/ and placed in <root>/repo/, as Pages serves it."""
    project = copy_project(tmp_path_factory.mktemp("subjalur") / "proyek", MINIMAL)
    monkeypatch_module.setenv("SITUS_URL", f"http://localhost/{SUB}/")
    monkeypatch_module.setenv("SITUS_REPO_URL", "https://github.invalid/pemilik/repo")
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
