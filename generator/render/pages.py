"""Render planned pages to Markdown with one configured Jinja environment."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from generator import model, opendata
from generator.render import filters
from generator.schema import Confidence
from generator.site import PagePlan, outline
from generator.stem import root_forms
from generator.urls import (
    regulation_doc,
    relative_doc,
    relative_url,
    secretariat_doc,
    template_doc,
    template_unit_doc,
    unit_doc,
)


@pass_context
def _link_unit(context: Context, unit_id: str) -> str:
    return relative_doc(unit_doc(unit_id), context["page_path"])


@pass_context
def _link_regulation(context: Context, regulation_id: str) -> str:
    return relative_doc(regulation_doc(regulation_id), context["page_path"])


@pass_context
def _link(context: Context, doc: str) -> str:
    return relative_doc(doc, context["page_path"])


@pass_context
def _url_doc(context: Context, doc: str) -> str:
    return relative_url(doc, context["page_path"])


def environment() -> Environment:
    """The one Jinja environment: Markdown output, so escaping is explicit, by filter."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(
        md=filters.md,
        html=filters.html,
        title=filters.title,
        tanggal=filters.tanggal,
        url=filters.url,
        jsonld=filters.jsonld,
        search_tags=filters.search_tags,
        root_forms=root_forms,
        link_unit=_link_unit,
        link_regulation=_link_regulation,
        link=_link,
        url_doc=_url_doc,
    )
    env.globals.update(
        KIND=model.KIND_LABELS,
        POSITION=model.POSITION_LABELS,
        CONFIDENCE=model.CONFIDENCE_LABELS,
        CONFIDENCE_MEANING=model.CONFIDENCE_MEANINGS,
        TOPIC=model.TOPIC_LABELS,
        CORE_TOPICS=model.CORE_TOPICS,
        FIELD=model.FIELD_LABELS,
        ALIAS=model.ALIAS_LABELS,
        RELATION=model.RELATION_LABELS,
        regulation_title=model.regulation_title,
        regulation_short=model.regulation_short,
        outline=outline,
        unit_doc=unit_doc,
        secretariat_doc=secretariat_doc,
        template_doc=template_doc,
        template_unit_doc=template_unit_doc,
        INFERRED=Confidence.INFERRED,
        unit_jsonld=opendata.unit_jsonld,
        secretariat_jsonld=opendata.secretariat_jsonld,
    )
    return env


def render_page(env: Environment, page: PagePlan, chart_svg: str | None) -> str:
    """Render one page; ``chart_svg`` is its chart, already rendered and cleaned."""
    context: dict[str, Any] = {
        **page.context,
        "page_path": page.path,
        "chart": page.chart,
        "chart_svg": chart_svg,
    }
    return env.get_template(page.template).render(context)
