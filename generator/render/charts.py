"""Org charts: a chart description becomes DOT text (pure), and many DOT graphs become SVG
through one ``dot`` process; the SVG is then made safe and readable for inlining in a page.
"""

from __future__ import annotations

import hashlib
import os
import re
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import graphviz
from lxml import etree

from generator.errors import GeneratorError
from generator.write import write_atomic

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Characters per label line: keeps boxes narrow enough for a phone without tiny text.
LABEL_WIDTH = 26
FONT = "DejaVu Sans"


@dataclass(frozen=True)
class Node:
    """One box: a unit, its page link and how it is drawn."""

    key: str
    label: str
    href: str
    tooltip: str
    classes: tuple[str, ...] = ()
    doc: str = ""
    """The page the box links to, as a docs/ path (for the text alternative's Markdown links)."""


@dataclass(frozen=True)
class Edge:
    """One line between two boxes; ``dashed`` marks an inferred or uncertain relation."""

    tail: str
    head: str
    tooltip: str
    classes: tuple[str, ...] = ()
    dashed: bool = False
    label: str | None = None


def successor_edge(old: Node, new: Node) -> Edge:
    """The dashed, labelled arrow from a dissolved unit to a unit that replaced it."""
    return Edge(
        old.key,
        new.key,
        f"{old.label} digantikan oleh {new.label}",
        ("pengganti",),
        dashed=True,
        label="digantikan oleh",
    )


@dataclass(frozen=True)
class Chart:
    """A whole chart; ``id`` prefixes every element id so charts can share a page."""

    id: str
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def dot_quote(text: str) -> str:
    r"""Quote text as a DOT string that Graphviz shows literally.

    Backslashes are doubled so that sequences such as ``\N`` or ``\l`` are not expanded, and
    quotes are escaped so that text cannot end the string and inject DOT.

    >>> dot_quote('a "b" \\N')
    '"a \\"b\\" \\\\N"'
    """
    flat = " ".join(text.split())
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(text: str) -> str:
    lines = textwrap.wrap(" ".join(text.split()), LABEL_WIDTH, break_long_words=False) or [""]
    # Each line is quoted on its own; DOT's "\n" centres the line that precedes it.
    return '"' + "\\n".join(dot_quote(line)[1:-1] for line in lines) + '"'


def _attrs(**attrs: str) -> str:
    return " ".join(f"{key}={value}" for key, value in sorted(attrs.items()))


def to_dot(chart: Chart) -> str:
    """Return the DOT source of a chart; deterministic for the same chart."""
    index = {node.key: f"n{i}" for i, node in enumerate(chart.nodes)}
    lines = [
        f"digraph {dot_quote(chart.title)} {{",
        "  graph ["
        + _attrs(
            id=dot_quote(chart.id),
            rankdir="TB",
            nodesep="0.3",
            ranksep="0.3",
            bgcolor="transparent",
            pad="0.1",
            # Right-angled lines read like a classic org chart, but cannot carry edge labels.
            splines="polyline",
        )
        + "]",
        "  node ["
        + _attrs(
            shape="box",
            style='"rounded,filled"',
            fillcolor='"#ffffff"',
            color='"#7a1f1f"',
            fontcolor='"#1a1a1a"',
            fontname=dot_quote(FONT),
            fontsize="12",
            margin='"0.14,0.07"',
            target='"_top"',
        )
        + "]",
        "  edge ["
        + _attrs(color='"#6b6b6b"', arrowhead="none", fontname=dot_quote(FONT), fontsize="10")
        + "]",
    ]
    for node in chart.nodes:
        name = index[node.key]
        attrs = {
            "id": dot_quote(f"{chart.id}-{name}"),
            "label": _label(node.label),
            "URL": dot_quote(node.href),
            "tooltip": dot_quote(node.tooltip),
        }
        if node.classes:
            attrs["class"] = dot_quote(" ".join(node.classes))
        lines.append(f"  {name} [{_attrs(**attrs)}]")
    lines.extend(_edge_lines(chart, index))
    lines.append("}")
    return "\n".join(lines) + "\n"


def _stacked_groups(chart: Chart) -> dict[str, list[int]]:
    """Edges (by index) whose heads are two or more leaf children of the same box.

    Side by side, fourteen biro would make a chart far wider than a phone; stacked in a
    column under their head, the chart grows downwards and each column reads as a list.
    """
    children: dict[str, list[int]] = {}
    for i, edge in enumerate(chart.edges):
        if not edge.label:
            children.setdefault(edge.tail, []).append(i)
    return {
        tail: kids
        for tail, kids in children.items()
        if len(kids) > 1 and not any(chart.edges[k].head in children for k in kids)
    }


def _edge_attrs(chart: Chart, i: int, edge: Edge) -> dict[str, str]:
    attrs = {"id": dot_quote(f"{chart.id}-e{i}"), "tooltip": dot_quote(edge.tooltip)}
    if edge.classes:
        attrs["class"] = dot_quote(" ".join(edge.classes))
    if edge.dashed:
        attrs["style"] = "dashed"
    if edge.label:
        attrs["label"] = _label(edge.label)
        attrs["arrowhead"] = "normal"
    return attrs


def _edge_lines(chart: Chart, index: dict[str, str]) -> list[str]:
    """Edges as DOT; stacked children hang off a vertical trunk of invisible junction points."""
    groups = _stacked_groups(chart)
    stacked = {i for kids in groups.values() for i in kids}
    lines = []
    for i, edge in enumerate(chart.edges):
        if i not in stacked:
            lines.append(
                f"  {index[edge.tail]} -> {index[edge.head]} [{_attrs(**_edge_attrs(chart, i, edge))}]"
            )
    for tail, kids in groups.items():
        previous = index[tail]
        for position, i in enumerate(kids):
            edge = chart.edges[i]
            junction = f"{index[tail]}j{position}"
            # A trunk segment is dashed only when every relation it carries is uncertain.
            dashed = all(chart.edges[k].dashed for k in kids[position:])
            trunk = {
                "id": dot_quote(f"{chart.id}-e{i}t"),
                "tooltip": dot_quote(edge.tooltip),
                "weight": "10",
            }
            if dashed:
                trunk["style"] = "dashed"
            lines.append(f'  {junction} [shape=point width=0.01 height=0.01 label="" style=invis]')
            lines.append(f"  {previous} -> {junction} [{_attrs(**trunk)}]")
            lines.append(f"  {{rank=same; {junction}; {index[edge.head]}}}")
            lines.append(
                f"  {junction} -> {index[edge.head]} [{_attrs(**_edge_attrs(chart, i, edge))}]"
            )
            previous = junction
    return lines


_XML_PROLOG = re.compile(r"<\?xml[^>]*\?>")


def _draw(source: str) -> str:
    """Run one ``dot`` process over many graphs (concatenated DOT); return its SVG output."""
    try:
        return graphviz.pipe_string("dot", "svg", source, encoding="utf-8")
    except graphviz.ExecutableNotFound as error:
        raise GeneratorError(
            "program Graphviz 'dot' tidak ditemukan. Pasang paket Debian 'graphviz' "
            "(apt-get install graphviz), atau jalankan 'make build' yang memasangnya"
        ) from error
    except graphviz.CalledProcessError as error:
        raise GeneratorError(f"Graphviz gagal menggambar bagan: {error.stderr}") from error


def _split(output: str, batch: list[tuple[Chart, str]]) -> list[str]:
    # dot writes one complete SVG document per input graph, in order.
    documents = [d for d in _XML_PROLOG.split(output) if d.strip()]
    if len(documents) != len(batch):
        raise GeneratorError(f"Graphviz menghasilkan {len(documents)} bagan, bukan {len(batch)}")
    return [
        clean_svg(document, chart) for (chart, _), document in zip(batch, documents, strict=True)
    ]


def _draw_batch(batch: list[tuple[Chart, str]]) -> list[str]:
    return _split(_draw("".join(dot for _, dot in batch)), batch)


#: Bump when clean_svg changes what it makes from the same DOT, so cached charts are redrawn.
CACHE_VERSION = "3"
#: Below this many charts a second dot process costs more than it saves.
MIN_BATCH = 60


def cache_key(dot: str) -> str:
    """A chart's content hash: same DOT (and cleaner), same SVG."""
    return hashlib.sha256((CACHE_VERSION + dot).encode("utf-8")).hexdigest()


class PendingCharts:
    """Charts being drawn: cached ones are read at once; the rest go to a few ``dot`` processes
    that run while the caller renders pages, and ``result()`` collects them."""

    def __init__(
        self, charts: list[Chart], cache_dir: Path | None = None, workers: int | None = None
    ) -> None:
        self.cache_dir = cache_dir
        self.ready: dict[str, str] = {}
        self.used: set[str] = set()
        todo: list[tuple[Chart, str]] = []
        for chart in charts:
            dot = to_dot(chart)
            name = f"{cache_key(dot)}.svg"
            self.used.add(name)
            cached = cache_dir / name if cache_dir else None
            if cached is not None and cached.is_file():
                self.ready[chart.id] = cached.read_text(encoding="utf-8")
            else:
                todo.append((chart, dot))
        cores = workers or (os.cpu_count() or 1)
        count = max(1, min(cores, 4, len(todo) // MIN_BATCH))
        self.batches = [todo[i::count] for i in range(count)] if todo else []
        # Threads only wait on the dot processes, which do the work in parallel.
        self.pool = ThreadPoolExecutor(max_workers=max(1, len(self.batches)))
        self.futures = [self.pool.submit(_draw_batch, b) for b in self.batches]

    def result(self) -> dict[str, str]:
        try:
            for batch, future in zip(self.batches, self.futures, strict=True):
                for (chart, dot), svg in zip(batch, future.result(), strict=True):
                    self.ready[chart.id] = svg
                    if self.cache_dir is not None:
                        self.cache_dir.mkdir(parents=True, exist_ok=True)
                        write_atomic(self.cache_dir / f"{cache_key(dot)}.svg", svg.encode("utf-8"))
        finally:
            self.pool.shutdown()
        if self.cache_dir is not None and self.cache_dir.is_dir():
            # Charts no page shows any more would only pile up.
            for stale in self.cache_dir.glob("*.svg"):
                if stale.name not in self.used:
                    stale.unlink(missing_ok=True)
        return self.ready


def render_svgs(
    charts: list[Chart], cache_dir: Path | None = None, workers: int | None = None
) -> dict[str, str]:
    """Cleaned SVG by chart id (see PendingCharts)."""
    return PendingCharts(charts, cache_dir, workers).result()


def _q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


# Graphviz's SVG names a DTD on the web: never fetch it, never expand entities.
_SVG_PARSER = etree.XMLParser(
    no_network=True, resolve_entities=False, load_dtd=False, remove_blank_text=True
)


def clean_svg(document: str, chart: Chart) -> str:
    """Make Graphviz's SVG fit for inlining: readable titles, real links, no DOCTYPE, no blank
    lines (which would end the raw HTML block in Markdown)."""
    root = etree.fromstring(document.encode("utf-8"), _SVG_PARSER)
    titles = {chart.id: chart.title}
    titles.update((f"{chart.id}-n{i}", node.tooltip) for i, node in enumerate(chart.nodes))
    for i, edge in enumerate(chart.edges):
        # A stacked column draws one relation as a trunk segment ('…t') and a tick.
        titles[f"{chart.id}-e{i}"] = titles[f"{chart.id}-e{i}t"] = edge.tooltip
    for group in root.iter(_q("g")):
        if group.get("class") == "graph":
            # dot sometimes prefixes 'page0,1_' depending on the graphs before it in a batch.
            group.set("id", chart.id)
        title = group.find(_q("title"))
        if title is not None:
            title.text = titles.get(group.get("id", ""), chart.title)
    for anchor in root.iter(_q("a")):
        href = anchor.get(f"{{{XLINK_NS}}}href")
        if href is not None:
            # SVG 2 browsers follow and focus 'href'; xlink:href stays for older readers.
            anchor.set("href", href)
    root.set("class", "bagan-svg")
    root.set("role", "group")
    root.set("aria-label", chart.title)
    for attribute in ("width", "height"):
        value = root.get(attribute, "")
        if value.endswith("pt"):
            # Keep the natural size (1pt = 4/3 px), so text stays legible and wide charts scroll.
            root.set(attribute, f"{round(float(value[:-2]) * 4 / 3)}px")
    for comment in root.xpath(".//comment()"):
        comment.getparent().remove(comment)
    return etree.tostring(root, encoding="unicode")


STANDALONE_STYLE = """
svg { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.node path, .node polygon { fill: #ffffff; stroke: #7a1f1f; }
.node text { fill: #1a1a1a; }
.node.saat-ini path, .node.saat-ini polygon { fill: #7a1f1f; }
.node.saat-ini text { fill: #ffffff; }
.node.terdahulu path, .node.terdahulu polygon { stroke-dasharray: 4 3; }
.edge path { stroke: #6b6b6b; }
.edge text { fill: #444444; }
@media (prefers-color-scheme: dark) {
  :root { background: #1e2129; }
  .node path, .node polygon { fill: #2e303e; stroke: #e8a0a0; }
  .node text { fill: #eeeeee; }
  .node.saat-ini path, .node.saat-ini polygon { fill: #e8a0a0; }
  .node.saat-ini text { fill: #1a1a1a; }
  .edge path { stroke: #b0b0b0; }
  .edge text { fill: #cccccc; }
}
"""


def standalone_svg(inline: str) -> str:
    """A full-size SVG file of a chart: the inline SVG plus its own light/dark styles."""
    # The first '>' closes the <svg> tag: attribute values are escaped, so none holds a '>'.
    end = inline.index(">") + 1
    style = f"<style>{STANDALONE_STYLE}</style>"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + inline[:end] + style + inline[end:] + "\n"
