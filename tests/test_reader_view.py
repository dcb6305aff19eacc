"""What a reader finds on the real site: a breadcrumb on every page, and an A–Z index that covers
units, standard structures, regulations and provinces under all their names."""

from __future__ import annotations

import pytest

from generator.model.organisation import Organisation
from generator.plan.labels import regulation_short
from generator.plan.site import plan
from generator.urls import doc_url, regulation_doc

from .conftest import Project, has_class, tree_string

pytestmark = pytest.mark.site


def test_every_page_but_the_home_page_has_its_breadcrumb(built: Project, org: Organisation):
    pages = sorted(built.site.rglob("*.html"))
    assert len(pages) >= len(plan(org).pages)
    missing = []
    for path in pages:
        url = path.relative_to(built.site).as_posix()
        if url == "index.html":
            continue
        # lxml, not BeautifulSoup: this reads every page of the site.
        tree = built.tree(url)
        if tree.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect to a moved page, not a page
        crumbs = tree.xpath(f"(//article//*[{has_class('remah-roti')}])[1]")
        if not crumbs or not any(
            tree_string(a) == "Beranda" for a in crumbs[0].iterdescendants("a")
        ):
            missing.append(url)
    assert missing == []
    assert built.page("").select_one(".remah-roti") is None


def test_the_a_to_z_index_covers_regulations_and_provinces(built: Project, org: Organisation):
    index = built.page("indeks/")
    links = {a.get_text(" ", strip=True): a["href"] for a in index.select("article li a")}
    for regulation in org.regulations.values():
        short = regulation_short(regulation)
        assert links[short] == "../" + doc_url(regulation_doc(regulation.id)), short
    text = index.article.get_text(" ")
    for regulation in org.regulations.values():
        assert all(alias in text for alias in regulation.alias), regulation.id
    for secretariat in org.regional.provinces():
        province = secretariat.province
        assert province.nama in text
        assert all(alias in text for alias in province.alias), province.id
        assert links[secretariat.short] == f"../daerah/{secretariat.key}/"
