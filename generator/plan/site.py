"""The whole site plan: every generated page with its chart, and the section navs.

Everything here is data about the site, computed from the model; nothing is rendered or written.
"""

from __future__ import annotations

from generator.model import Organisation
from generator.opendata import SECRETARIAT_COLUMNS, UNIT_COLUMNS, licence_sources
from generator.plan.central import central_pages
from generator.plan.fields import field_reference
from generator.plan.messages import message_catalogue
from generator.plan.nav import section_navs
from generator.plan.page import PagePlan, SitePlan, trail
from generator.plan.regions import region_pages
from generator.urls import DATA_DOC, FIELDS_DOC


def fields_page() -> PagePlan:
    return PagePlan(
        FIELDS_DOC,
        "fields.md.j2",
        "Daftar kolom",
        "Arti setiap kolom dalam berkas konten, diturunkan dari JSON Schema",
        {"sections": field_reference(), "messages": message_catalogue()},
        crumbs=trail(("Daftar kolom", None)),
    )


def data_page(org: Organisation) -> PagePlan:
    return PagePlan(
        DATA_DOC,
        "opendata.md.j2",
        "Data Terbuka",
        "Seluruh struktur organisasi Setjen KPU dan sekretariat daerah sebagai JSON dan CSV",
        {
            "org": org,
            "unit_columns": UNIT_COLUMNS,
            "secretariat_columns": SECRETARIAT_COLUMNS,
            "region_sources": licence_sources(org),
        },
        crumbs=trail(("Data Terbuka", None)),
    )


def plan(org: Organisation) -> SitePlan:
    """Every generated page with its chart, and the section navs."""
    pages = [*central_pages(org), fields_page(), data_page(org)]
    if org.secretariats:
        pages += region_pages(org)
    return SitePlan(tuple(pages), section_navs(org))
