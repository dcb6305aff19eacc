"""The whole site plan: every generated page with its chart, and the section navs.

Everything here is data about the site, computed from the model; nothing is rendered or written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator.model.organisation import Organisation
from generator.plan.central_pages import central_pages
from generator.plan.chart_pages import full_size_pages
from generator.plan.completeness import completeness
from generator.plan.field_reference import field_reference
from generator.plan.history import history_page
from generator.plan.message_catalogue import message_catalogue
from generator.plan.nav import section_navs
from generator.plan.open_data import SECRETARIAT_COLUMNS, UNIT_COLUMNS, licence_sources
from generator.plan.page import PagePlan, SitePlan, trail
from generator.plan.regional_pages import establishing_article, region_pages
from generator.plan.repository import Repository
from generator.plan.search import TOPIC_BOOST, TOPIC_NAMES
from generator.urls import COMPLETENESS_DOC, DATA_DOC, FIELDS_DOC


def fields_page() -> PagePlan:
    return PagePlan(
        FIELDS_DOC,
        "fields.md.j2",
        "Daftar kolom",
        "Arti setiap kolom dalam berkas konten, diturunkan dari JSON Schema",
        {"sections": field_reference(), "messages": message_catalogue()},
        crumbs=trail(("Panduan Penyunting", "panduan/index.md"), ("Daftar kolom", None)),
    )


def data_page(org: Organisation) -> PagePlan:
    return PagePlan(
        DATA_DOC,
        "opendata.md.j2",
        "Data Terbuka",
        "Seluruh struktur organisasi Setjen KPU dan sekretariat daerah sebagai JSON dan CSV",
        {
            "counts": {
                "units": len(org.units),
                "secretariats": len(org.regional.secretariats),
                "regulations": len(org.regulations),
            },
            "unit_columns": UNIT_COLUMNS,
            "secretariat_columns": SECRETARIAT_COLUMNS,
            "region_sources": licence_sources(org),
            "established": establishing_article(org),
        },
        crumbs=trail(("Data Terbuka", None)),
    )


def completeness_page(
    org: Organisation, repository: Repository, today: date | None = None
) -> PagePlan:
    return PagePlan(
        COMPLETENESS_DOC,
        "completeness.md.j2",
        "Kelengkapan Data",
        "Keterangan yang belum ada atau belum pasti untuk setiap unit, struktur baku, dan peraturan",
        {
            "report": completeness(org, repository.edit_url, today),
            "can_edit": repository.url is not None,
        },
        crumbs=trail(("Kelengkapan Data", None)),
    )


def plan(
    org: Organisation, repository: Repository | None = None, today: date | None = None
) -> SitePlan:
    """Every generated page with its chart, and the section navs.

    With a repository, each page made from one content file links to that file's editor.
    ``today`` is the build's date: what is judged out of date is judged against it.
    """
    repository = repository or Repository(None)
    pages = [
        *central_pages(org, today),
        history_page(org),
        fields_page(),
        data_page(org),
        completeness_page(org, repository, today),
    ]
    if org.regional.secretariats:
        pages += region_pages(org, today)
    pages += full_size_pages(pages)
    pages = [
        replace(
            p,
            edit_url=repository.edit_url(p.source_file),
            search_names=TOPIC_NAMES.get(p.path, p.search_names),
            search_boost=TOPIC_BOOST if p.path in TOPIC_NAMES else p.search_boost,
        )
        for p in pages
    ]
    return SitePlan(tuple(pages), section_navs(org))
