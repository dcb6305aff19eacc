"""Generated Markdown of the small fixture organisation, pinned by golden files.

Run `pytest tests/test_pages.py --perbarui-golden` after an intended change, then review the
diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Project

PAGES = [
    "struktur/index.md",
    "struktur/perubahan/index.md",
    "struktur/biro-umum/index.md",
    "struktur/biro-keuangan-dan-barang-milik-negara/index.md",
    "dasar-hukum/uu-7-2017.md",
    "dasar-hukum/index.md",
    "indeks/index.md",
    "daerah/index.md",
    "daerah/gorontalo/index.md",
    "daerah/gorontalo/kota-gorontalo/index.md",
    "daerah/aceh/kabupaten-aceh-besar/index.md",
    "struktur-baku/sekretariat-kabupaten-kota/index.md",
    "struktur-baku/sekretariat-kabupaten-kota/subbagian-umum/index.md",
]

# The drawing itself comes from Graphviz and is pinned by the DOT golden files.
_SVG = re.compile(r"<svg .*?</svg>", re.S)


@pytest.fixture(scope="module")
def generated(minimal_generated: Project) -> Project:
    return minimal_generated


@pytest.mark.parametrize("page", PAGES)
def test_page_matches_golden_file(generated: Project, golden, page: str):
    text = (generated.root / "docs" / page).read_text(encoding="utf-8")
    golden(f"pages/{page.replace('/', '__')}", _SVG.sub("<svg>…</svg>", text))


def test_generated_config_holds_the_whole_nav(generated: Project, golden):
    text = (generated.root / "mkdocs.gen.yml").read_text(encoding="utf-8")
    golden("mkdocs.gen.yml", text.replace(str(generated.root.resolve()), "<proyek>"))


def test_no_template_names_a_content_id_or_an_article():
    templates = Path(__file__).resolve().parent.parent / "generator" / "render" / "templates"
    content = Path(__file__).resolve().parent.parent / "content"
    ids = {p.stem for p in content.rglob("*.yml")} - {"sumber"}
    ids |= {
        line.split(":")[0]
        for line in (content / "sumber.yml").read_text(encoding="utf-8").splitlines()
        if line and not line[0].isspace() and not line.startswith("#")
    }
    for template in templates.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\bPasal \d", text), template.name
        for content_id in ids:
            assert not re.search(rf"['\"]{re.escape(content_id)}['\"]", text), (
                template,
                content_id,
            )


def test_pages_receive_plan_data_not_the_organisation(minimal_org):
    """Templates only print: the plan resolves parents, children, quotations and status words."""
    from generator.model.organisation import Organisation
    from generator.plan.site import plan

    for page in plan(minimal_org).pages:
        values = page.context.values()
        assert not any(isinstance(v, Organisation) for v in values), page.path
    templates = Path(__file__).resolve().parent.parent / "generator" / "render" / "templates"
    for template in templates.glob("*.md.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"(?<![.\w])org\b", text), template.name
        assert '"Berlaku"' not in text and '"Dicabut"' not in text, template.name
