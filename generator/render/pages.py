"""Render planned pages to Markdown with one configured Jinja environment."""

from __future__ import annotations

import functools
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from generator import escape
from generator.model.confidence import confidence
from generator.plan import history
from generator.plan.org_charts import outline
from generator.plan.page import Link, PagePlan
from generator.plan.public_record import source_byline
from generator.render import filters, opendata
from generator.schema import Source, Unit
from generator.urls import (
    HISTORY_DOC,
    article_anchor,
    regulation_doc,
    relative_doc,
    relative_url,
    secretariat_doc,
    structure_doc,
    structure_unit_doc,
    unit_doc,
)


@pass_context
def _link_unit(context: Context, unit_id: str) -> str:
    return relative_doc(unit_doc(unit_id), context["page"].path)


@pass_context
def _link_regulation(context: Context, regulation_id: str) -> str:
    return relative_doc(regulation_doc(regulation_id), context["page"].path)


@pass_context
def _link(context: Context, doc: str) -> str:
    return relative_doc(doc, context["page"].path)


@pass_context
def _md_link(context: Context, link: Link) -> str:
    """A Markdown link to a planned page, with its label escaped."""
    return f"[{escape.md(link.label)}]({relative_doc(link.doc or '', context['page'].path)})"


def _unit_ref(unit: Unit) -> Link:
    return Link(unit.nama, unit_doc(unit.id))


@pass_context
def _url_doc(context: Context, doc: str) -> str:
    return relative_url(doc, context["page"].path)


def _source_title(source: Source) -> str:
    return escape.source_title(source.judul, source.url)


@functools.cache
def environment() -> Environment:
    """The one Jinja environment: Markdown output, so escaping is explicit, by filter.

    One per process: the preview renders the pages again on every save, and compiling the
    templates took longer than rendering them."""
    env = filters.base_environment(autoescape=False, keep_trailing_newline=True)
    env.filters.update(
        md=escape.md,
        html=escape.html,
        title=escape.title,
        url=escape.url,
        source_title=_source_title,
        jsonld=escape.jsonld,
        search_tags=escape.search_tags,
        link_unit=_link_unit,
        link_regulation=_link_regulation,
        link=_link,
        url_doc=_url_doc,
        md_link=_md_link,
        unit_ref=_unit_ref,
        byline=source_byline,
    )
    env.globals.update(
        PUBLIC_DOMAIN_NOTE=opendata.PUBLIC_DOMAIN_NOTE,
        HISTORY_DOC=HISTORY_DOC,
        HISTORY_TITLE=history.TITLE,
        article_anchor=article_anchor,
        outline=outline,
        confidence=confidence,
        unit_doc=unit_doc,
        secretariat_doc=secretariat_doc,
        structure_doc=structure_doc,
        structure_unit_doc=structure_unit_doc,
    )
    return env


def render_page(
    env: Environment,
    page: PagePlan,
    chart_svg: str | None,
    extra_svgs: dict[str, str] | None = None,
) -> str:
    """Render one page; ``chart_svg`` is its chart and ``extra_svgs`` its further charts (by
    chart id), already rendered and cleaned, or the slots they will fill."""
    context: dict[str, Any] = {
        **page.context,
        "page": page,
        "chart": page.chart,
        "chart_svg": chart_svg,
        "extra_svgs": extra_svgs or {},
    }
    return env.get_template(page.template).render(context)
