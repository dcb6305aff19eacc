"""Org charts: a planned chart becomes DOT (built with graphviz.Digraph, which quotes), many DOT
graphs become SVG through a few ``dot`` processes, and the SVG is made safe and readable for
inlining in a page. Nothing here reads or writes files: the chart cache belongs to the build.
"""

from __future__ import annotations

import functools
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
from generator.plan.org_charts import ENDED, NEW, UNPLACED_LABEL, Chart, Edge
from generator.render.palette import LIGHT, standalone_css

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Characters per label line: boxes narrow enough that the overview's first two levels fit the
#: page's text column on a laptop (about 660 px), without tiny text.
LABEL_WIDTH = 16
FONT = "DejaVu Sans"
#: Box text in points (10 pt = 13.3 px at natural size); line labels a little smaller.
FONT_SIZE = "10"
EDGE_FONT_SIZE = "9"


def wrap(text: str, width: int) -> list[str]:
    """Text in as few lines as ``width`` allows, then balanced: no line left with one short word.

    >>> wrap("Inspektorat Wilayah I", 20)
    ['Inspektorat', 'Wilayah I']
    >>> wrap("Biro Umum", 16)
    ['Biro Umum']
    """
    text = " ".join(text.split())
    lines = textwrap.wrap(text, width, break_long_words=False) or [""]
    if len(lines) == 1:
        return lines
    # The narrowest width that still needs no more lines evens them out.
    while width > 1:
        narrower = textwrap.wrap(text, width - 1, break_long_words=False)
        if len(narrower) != len(lines):
            break
        lines, width = narrower, width - 1
    return lines


def _label(text: str) -> str:
    r"""Box text wrapped to lines; each line escaped so Graphviz shows it literally.

    >>> _label('a "b" \\N')
    'a "b" \\\\N'
    """
    return _lines(wrap(text, LABEL_WIDTH))


def _lines(lines: list[str]) -> str:
    # graphviz.escape doubles backslashes; the "\n" between lines is DOT's centred line break.
    # nohtml: a label such as "<b>" is text, never a Graphviz HTML label.
    label: str = graphviz.nohtml("\\n".join(graphviz.escape(line) for line in lines))
    return label


def _text(text: str) -> str:
    escaped: str = graphviz.escape(" ".join(text.split()))
    return escaped


@functools.lru_cache(maxsize=65536, typed=True)
def _quote(value: str) -> str:
    """graphviz's own quoting (``typed``: a ``nohtml`` string is never taken for an HTML label),
    remembered, since charts repeat the same names, ids and attribute values many times."""
    quoted: str = graphviz.quoting.quote(value)
    return quoted


def _attrs(label: str | None, attrs: dict[str, str]) -> str:
    """`` [label=… key=value …]`` as graphviz.Digraph writes it: the label first, then the
    attributes sorted by name."""
    parts = [f"label={_quote(label)}"] if label is not None else []
    parts += [f"{_quote(k)}={_quote(v)}" for k, v in sorted(attrs.items())]
    return f" [{' '.join(parts)}]" if parts else ""


class _Dot:
    """Writes DOT text exactly as graphviz.Digraph does, without its per-call overhead (drawing
    hundreds of charts spent more time assembling DOT than Graphviz spent laying it out)."""

    def __init__(self, name: str) -> None:
        self.lines = [f"digraph {_quote(name)} {{\n"]

    def attr(self, kind: str | None = None, **attrs: str) -> None:
        if kind is None:
            self.lines.append(f"\t{_attrs(None, attrs)[2:-1]}\n")
        else:
            self.lines.append(f"\t{kind}{_attrs(None, attrs)}\n")

    def node(self, name: str, label: str | None = None, **attrs: str) -> None:
        self.lines.append(f"\t{_quote(name)}{_attrs(label, attrs)}\n")

    def edge(self, tail: str, head: str, label: str | None = None, **attrs: str) -> None:
        self.lines.append(f"\t{_quote(tail)} -> {_quote(head)}{_attrs(label, attrs)}\n")

    def same_rank(self, *names: str) -> None:
        """An anonymous subgraph that puts ``names`` on one rank."""
        self.lines += ["\t{\n", "\t\trank=same\n", *(f"\t\t{_quote(n)}\n" for n in names)]
        self.lines.append("\t}\n")

    @property
    def source(self) -> str:
        return "".join([*self.lines, "}\n"])


def _graph(chart: Chart) -> _Dot:
    graph = _Dot(_text(chart.title))
    graph.attr(
        id=chart.id,
        rankdir="TB",
        nodesep="0.2",
        ranksep="0.3",
        bgcolor="transparent",
        pad="0.1",
        # Right-angled lines read like a classic org chart, but cannot carry edge labels.
        splines="polyline",
    )
    graph.attr(
        "node",
        shape="box",
        style="rounded,filled",
        fillcolor=LIGHT.kotak,
        color=LIGHT.garis,
        fontcolor=LIGHT.teks,
        fontname=FONT,
        fontsize=FONT_SIZE,
        margin="0.14,0.07",
        target="_top",
    )
    graph.attr(
        "edge", color=LIGHT.sambung, fontcolor=LIGHT.sambung_teks, arrowhead="none",
        fontname=FONT, fontsize=EDGE_FONT_SIZE,
    )  # fmt: skip
    return graph


def to_dot(chart: Chart) -> str:
    """Return the DOT source of a chart; deterministic for the same chart."""
    graph = _graph(chart)
    index = {node.key: f"n{i}" for i, node in enumerate(chart.nodes)}
    for node in chart.nodes:
        attrs = {"id": f"{chart.id}-{index[node.key]}", "URL": _text(node.href)}
        if node.classes:
            attrs["class"] = " ".join(node.classes)
        # Colours are written as attributes too: print renderers ignore CSS fills on inline SVG.
        if node.is_current:
            attrs.update(fillcolor=LIGHT.saat_ini, fontcolor=LIGHT.saat_ini_teks)
        elif NEW in node.classes:
            attrs.update(fillcolor=LIGHT.baru, color=LIGHT.baru_garis)
        elif ENDED in node.classes:
            attrs.update(fillcolor=LIGHT.berakhir)
        if node.is_former:
            # Dashed as an attribute too, for print (the page's CSS sets the same dash).
            attrs["style"] = "rounded,filled,dashed"
        lines = [
            *wrap(node.label, LABEL_WIDTH),
            *(wrap(node.note, LABEL_WIDTH) if node.note else []),
        ]
        text = _lines(lines)
        graph.node(index[node.key], text, tooltip=_text(node.tooltip), **attrs)
    _add_edges(graph, chart, index)
    return graph.source


def _stacked_groups(chart: Chart) -> dict[str, list[int]]:
    """Edges (by index) whose heads are two or more leaf children of the same box.

    Side by side, fourteen biro would make a chart far wider than a phone; stacked in a
    column under their head, the chart grows downwards and each column reads as a list. A box
    with both kinds of children keeps the ones with children of their own side by side and
    stacks the rest in one column beside them.
    """
    children: dict[str, list[int]] = {}
    for i, edge in enumerate(chart.edges):
        if not edge.label:  # a labelled line (a successor; an unplaced unit) is not stacked
            children.setdefault(edge.tail, []).append(i)
    groups = {
        tail: [k for k in kids if chart.edges[k].head not in children]
        for tail, kids in children.items()
    }
    return {tail: leaves for tail, leaves in groups.items() if len(leaves) > 1}


def _only_leaves(chart: Chart, tail: str, stacked: list[int]) -> bool:
    """Whether every line below ``tail`` (labelled ones aside) goes to a stacked leaf."""
    return all(i in stacked for i, e in enumerate(chart.edges) if e.tail == tail and not e.label)


def _edge_attrs(chart: Chart, i: int, edge: Edge) -> dict[str, str]:
    attrs = {"id": f"{chart.id}-e{i}", "tooltip": _text(edge.tooltip)}
    if edge.classes:
        attrs["class"] = " ".join(edge.classes)
    if edge.dashed:
        attrs["style"] = "dashed"
    if edge.label:
        attrs["label"] = _label(edge.label)
        attrs["arrowhead"] = "normal"
    return attrs


#: A column of stacked boxes longer than this is split into columns side by side: the 27
#: kabupaten/kota of a province in one column made a chart 2 400 px tall and 200 px wide. Three
#: columns of the 38 provinces still fit a laptop's text column; four did not.
COLUMN_ROWS = 13


def _columns(kids: list[int]) -> list[list[int]]:
    """``kids`` in as few columns of at most COLUMN_ROWS as they need, as even as they go.

    >>> [len(c) for c in _columns(list(range(27)))]
    [9, 9, 9]
    >>> [len(c) for c in _columns(list(range(4)))]
    [4]
    """
    count = -(-len(kids) // COLUMN_ROWS)
    rows = -(-len(kids) // count)
    return [kids[i : i + rows] for i in range(0, len(kids), rows)]


def _add_edges(graph: _Dot, chart: Chart, index: dict[str, str]) -> None:
    """Edges; stacked children hang off a vertical trunk of invisible junction points."""
    groups = _stacked_groups(chart)
    stacked = {i for kids in groups.values() for i in kids}
    for i, edge in enumerate(chart.edges):
        if i not in stacked and not edge.is_unplaced:
            graph.edge(index[edge.tail], index[edge.head], **_edge_attrs(chart, i, edge))
    _unplaced_list(graph, chart, index, groups)
    for tail, kids in groups.items():
        columns = _columns(kids)
        # A lone column of leaves hangs from the box's left corner, so it is barely wider than
        # its widest box. Beside children that head columns of their own, or beside another
        # column, it starts one row down from a bend of its own: headed by its first box, it
        # read as that box's column ("Pusat Pengembangan Kompetensi SDM" under "Pusat Data dan
        # Teknologi Informasi").
        corner = len(columns) == 1 and _only_leaves(chart, tail, kids)
        bends = (
            []
            if corner
            else [_stem(graph, chart, index[tail], c, n) for n, c in enumerate(columns)]
        )
        if len(bends) > 1:
            graph.same_rank(*bends)
        start = 0  # junctions are numbered through the columns
        for number, column in enumerate(columns):
            previous = index[tail] if corner else bends[number]
            for position, i in enumerate(column):
                edge = chart.edges[i]
                junction = f"{index[tail]}j{start + position}"
                trunk = {"id": f"{chart.id}-e{i}t", "tooltip": _text(edge.tooltip), "weight": "10"}
                if position == 0 and corner:
                    trunk["tailport"] = "sw"
                # A trunk segment is dashed only when every relation it carries is uncertain.
                if all(chart.edges[k].dashed for k in column[position:]):
                    trunk["style"] = "dashed"
                graph.node(junction, "", shape="point", width="0.01", height="0.01", style="invis")
                graph.edge(previous, junction, **trunk)
                graph.same_rank(junction, index[edge.head])
                graph.edge(junction, index[edge.head], **_edge_attrs(chart, i, edge))
                previous = junction
            start += len(column)


def _stem(graph: _Dot, chart: Chart, tail: str, kids: list[int], number: int = 0) -> str:
    """The segment from ``tail`` to the bend where column ``number`` of its stacked children
    starts; the bend's name."""
    bend = f"{tail}s" if number == 0 else f"{tail}s{number}"
    first = kids[0]
    # At weight 1 the box centres over all its children (heavier, it was pulled over the column
    # and sat top right, over its staff units), and the segment runs across to the column.
    stem = {
        "id": f"{chart.id}-e{first}s",
        "tooltip": _text(chart.edges[first].tooltip),
        "weight": "1",
    }
    if all(chart.edges[k].dashed for k in kids):
        stem["style"] = "dashed"
    graph.node(bend, "", shape="point", width="0.01", height="0.01", style="invis")
    graph.edge(tail, bend, **stem)
    return bend


def _unplaced_list(
    graph: _Dot, chart: Chart, index: dict[str, str], groups: dict[str, list[int]]
) -> None:
    """The units whose parent is unknown, listed under words that say so, apart from the chart's
    lines (``UNPLACED``)."""
    heads = [index[e.head] for e in chart.edges if e.is_unplaced]
    if not heads:
        return
    words = f"{index[chart.nodes[0].key]}u"
    graph.node(
        words, _lines(wrap(UNPLACED_LABEL + ":", LABEL_WIDTH)), id=f"{chart.id}-u",
        shape="plaintext", style="", fontcolor=LIGHT.sambung_teks, tooltip=_text(UNPLACED_LABEL),
    )  # fmt: skip
    # Under the column of the root's own childless units, when it has one (a column of its own
    # made the chart wider than a laptop's text column), with no line into it; else a row
    # below the root's children.
    root = chart.nodes[0].key
    column = groups.get(root)
    if column:
        graph.edge(index[chart.edges[column[-1]].head], words, style="invis", weight="10")
    else:
        graph.edge(index[root], words, style="invis", weight="0", minlen="2")
    for above, below in zip([words, *heads], heads, strict=False):
        # Stacked under the words, as a list: a row was wider than the chart.
        graph.edge(above, below, style="invis", weight="10")


_XML_PROLOG = re.compile(r"<\?xml[^>]*\?>")


def _draw(source: str) -> str:
    """Run one ``dot`` process over many graphs (concatenated DOT); return its SVG output."""
    try:
        svg: str = graphviz.pipe_string("dot", "svg", source, encoding="utf-8")
        return svg
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


#: Bump to redraw every cached chart (the code hash below already covers changes here).
CACHE_VERSION = "4"
#: Below this many charts a second dot process costs more than it saves.
MIN_BATCH = 60


def _drawing_version() -> str:
    """Changes whenever the code or palette that turns a chart into SVG changes."""
    here = Path(__file__)
    code = here.read_bytes() + here.with_name("palette.py").read_bytes()
    return CACHE_VERSION + hashlib.sha256(code).hexdigest()


_VERSION = _drawing_version()


def cache_key(chart: Chart) -> str:
    """A chart's content hash: the same planned chart, drawn by the same code, is the same SVG.

    Hashing the plan (not its DOT) lets a build with a warm cache skip building DOT at all.
    """
    return hashlib.sha256((_VERSION + repr(chart)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChartJob:
    chart: Chart
    key: str


def chart_jobs(charts: list[Chart]) -> list[ChartJob]:
    return [ChartJob(chart, cache_key(chart)) for chart in charts]


class PendingCharts:
    """Charts being drawn: the ones already known (by cache key) are taken at once; the rest go
    to a few ``dot`` processes that run while the caller renders pages."""

    def __init__(
        self, jobs: list[ChartJob], known: dict[str, str], workers: int | None = None
    ) -> None:
        self.ready = {job.chart.id: known[job.key] for job in jobs if job.key in known}
        todo = [job.chart for job in jobs if job.key not in known]
        self.keys = {job.chart.id: job.key for job in jobs}
        cores = workers or (os.cpu_count() or 1)
        count = max(1, min(cores, 4, len(todo) // MIN_BATCH))
        # Threads only wait on the dot processes, which do the work in parallel. Each batch's
        # DOT is written just before its process starts, so the first one draws while the
        # next batch is written (and the caller renders pages meanwhile).
        self.pool = ThreadPoolExecutor(max_workers=count)
        self.batches: list[list[tuple[Chart, str]]] = []
        self.futures = []
        for i in range(count if todo else 0):
            batch = [(chart, to_dot(chart)) for chart in todo[i::count]]
            self.batches.append(batch)
            self.futures.append(self.pool.submit(_draw_batch, batch))

    def result(self) -> tuple[dict[str, str], dict[str, str]]:
        """Cleaned SVG by chart id, and the newly drawn ones by cache key (for the cache)."""
        drawn: dict[str, str] = {}
        try:
            for batch, future in zip(self.batches, self.futures, strict=True):
                for (chart, _), svg in zip(batch, future.result(), strict=True):
                    self.ready[chart.id] = svg
                    drawn[self.keys[chart.id]] = svg
        finally:
            self.pool.shutdown()
        return self.ready, drawn


def render_svgs(charts: list[Chart], workers: int | None = None) -> dict[str, str]:
    """Cleaned SVG by chart id, all drawn now (no cache)."""
    return PendingCharts(chart_jobs(charts), {}, workers).result()[0]


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
    titles = {chart.id: chart.title, f"{chart.id}-u": UNPLACED_LABEL}
    titles.update((f"{chart.id}-n{i}", node.tooltip) for i, node in enumerate(chart.nodes))
    for i, edge in enumerate(chart.edges):
        # A stacked column draws one relation as a trunk segment ('…t') and a tick.
        # A column beside other children starts with a segment of its own ('…s').
        for suffix in ("", "t", "s"):
            titles[f"{chart.id}-e{i}{suffix}"] = edge.tooltip
    notes = {
        f"{chart.id}-n{i}": len(wrap(node.label, LABEL_WIDTH))
        for i, node in enumerate(chart.nodes)
        if node.note
    }
    for group in root.iter(_q("g")):
        if group.get("id") in notes:
            # The lines after the name are the box's note, which the page sets in bold.
            for text in list(group.iter(_q("text")))[notes[group.get("id", "")] :]:
                text.set("class", "catatan")
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
    for comment in list(root.iter(etree.Comment)):
        parent = comment.getparent()
        if parent is not None:
            parent.remove(comment)
    return str(etree.tostring(root, encoding="unicode"))


def standalone_svg(inline: str) -> str:
    """A full-size SVG file of a chart: the inline SVG plus its own light/dark styles."""
    # The first '>' closes the <svg> tag: attribute values are escaped, so none holds a '>'.
    end = inline.index(">") + 1
    style = f"<style>{standalone_css()}</style>"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + inline[:end] + style + inline[end:] + "\n"
