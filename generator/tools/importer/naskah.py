"""The consolidated text as content ('Naskah konsolidasi (tidak resmi)'), and what a page prints.

`impor-peraturan --terapkan --naskah` writes ``content/naskah/<peraturan-id>.yml``; the
regulation's page shows it article by article, each with an anchor (``#pasal-5a``) so that a
unit page can link to the exact article it quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML

from generator.schema import ConsolidatedText, TextArticle, TextParagraph
from generator.tools.importer.consolidate import Consolidated
from generator.tools.importer.document import Article, Point
from generator.urls import article_anchor

TITLE = "Naskah konsolidasi (tidak resmi)"


@dataclass(frozen=True)
class Section:
    """One article ready to print: anchor, heading, paragraphs (with depth) and its source."""

    anchor: str
    heading: str
    paragraphs: tuple[tuple[int, str], ...]
    set_by: str


anchor = article_anchor


def _points(points: tuple[Point, ...], depth: int) -> list[tuple[int, str]]:
    paragraphs: list[tuple[int, str]] = []
    for point in points:
        paragraphs.append((depth, f"{point.marker} {point.text}".strip()))
        paragraphs.extend(_points(point.points, depth + 1))
    return paragraphs


def paragraphs(article: Article) -> list[tuple[int, str]]:
    """An article as printed: each ayat, then its points, indented by depth."""
    result: list[tuple[int, str]] = []
    for clause in article.clauses:
        marker = f"({clause.number}) " if clause.number else ""
        if clause.text or marker:
            result.append((0, f"{marker}{clause.text}".strip()))
        result.extend(_points(clause.points, 1))
    return result


def from_result(result: Consolidated, regulation_id: str) -> ConsolidatedText:
    return ConsolidatedText(
        peraturan=regulation_id,
        perubahan=[a.label for a in result.amendments],
        pasal=[
            TextArticle(
                nomor=a.number,
                ditetapkan_oleh=a.set_by,
                paragraf=[TextParagraph(teks=t, tingkat=d) for d, t in paragraphs(a)],
            )
            for a in result.articles
        ],
    )


def dump_text(result: Consolidated, regulation_id: str) -> str:
    """The YAML file --naskah writes."""
    data = from_result(result, regulation_id).model_dump(exclude_defaults=False)
    yaml = YAML()
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = StringIO()
    stream.write("# yaml-language-server: $schema=../../schema/naskah.schema.json\n")
    stream.write(
        f"# {TITLE}. Dibuat oleh 'python -m generator impor-peraturan'; jangan disunting.\n"
    )
    yaml.dump(data, stream)
    return stream.getvalue()


def load(path: Path) -> ConsolidatedText:
    """Read and validate one naskah file (pydantic raises ValidationError when it is wrong)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return ConsolidatedText.model_validate(data)


def sections(text: ConsolidatedText) -> list[Section]:
    """What the regulation page prints under 'Naskah konsolidasi (tidak resmi)'."""
    return [
        Section(
            anchor(article.nomor),
            f"Pasal {article.nomor}",
            tuple((p.tingkat, p.teks) for p in article.paragraf),
            article.ditetapkan_oleh,
        )
        for article in text.pasal
    ]
