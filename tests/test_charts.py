"""Charts: DOT is built safely and deterministically, and many charts need one `dot` run."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import graphviz
import pytest

from generator.render import charts
from generator.render.charts import Chart, Edge, Node, dot_quote, render_svgs, to_dot

SVG = "{http://www.w3.org/2000/svg}"


def _chart(chart_id: str = "bagan-uji", label: str = "Biro Umum") -> Chart:
    return Chart(
        chart_id,
        f"Bagan struktur {label}",
        (
            Node(
                "induk",
                "Deputi Bidang Administrasi",
                "../induk/",
                "Deputi Bidang Administrasi (Deputi)",
            ),
            Node("satu", label, "./", f"{label} (Biro)", ("saat-ini",)),
            Node("dua", "Biro Keuangan", "../dua/", "Biro Keuangan (Biro)"),
        ),
        (
            Edge("induk", "satu", "satu di bawah induk"),
            Edge("induk", "dua", "dua di bawah induk", dashed=True),
        ),
    )


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("Biro Umum", '"Biro Umum"'),
        ('"]; x [label="', '"\\"]; x [label=\\""'),
        ("a\\Nb", '"a\\\\Nb"'),
        ("baris\nbaru", '"baris baru"'),
    ],
)
def test_dot_quote_keeps_text_literal(text: str, quoted: str):
    assert dot_quote(text) == quoted


def test_dot_is_deterministic():
    assert to_dot(_chart()) == to_dot(_chart())


def test_hostile_label_cannot_add_nodes():
    source = to_dot(_chart(label='"]; injected [label="x'))
    # Three boxes and the invisible junctions of the stacked column, nothing else.
    names = {
        line.split()[0]
        for line in source.splitlines()
        if "[" in line and "->" not in line and "{" not in line
    }
    assert "injected" not in names
    svg = render_svgs([_chart(label='"]; injected [label="x')])["bagan-uji"]
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert '"]; injected [label="x' in texts


def test_many_charts_render_in_one_dot_process(monkeypatch: pytest.MonkeyPatch):
    calls = []
    real = graphviz.pipe_string

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts.graphviz, "pipe_string", counting)
    rendered = render_svgs([_chart(f"bagan-{i}") for i in range(12)])
    assert len(calls) == 1
    assert sorted(rendered) == sorted(f"bagan-{i}" for i in range(12))


def test_svg_ids_are_prefixed_and_titles_readable():
    svg = ET.fromstring(render_svgs([_chart()])["bagan-uji"])
    ids = [e.get("id") for e in svg.iter() if e.get("id")]
    assert ids and all(i.startswith(("bagan-uji", "a_bagan-uji")) for i in ids)
    titles = [t.text for t in svg.iter(f"{SVG}title")]
    assert titles[0] == "Bagan struktur Biro Umum"
    assert "Biro Umum (Biro)" in titles and "%3" not in titles
    assert svg.get("aria-label") == "Bagan struktur Biro Umum"


def test_boxes_are_links_with_classes():
    svg = ET.fromstring(render_svgs([_chart()])["bagan-uji"])
    links = {a.get("href"): a for a in svg.iter(f"{SVG}a") if a.get("href")}
    assert set(links) == {"../induk/", "./", "../dua/"}
    current = next(g for g in svg.iter(f"{SVG}g") if "saat-ini" in (g.get("class") or ""))
    assert current.find(f"{SVG}title").text == "Biro Umum (Biro)"


def test_missing_dot_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch):
    def missing(*args, **kwargs):
        raise graphviz.ExecutableNotFound(["dot"])

    monkeypatch.setattr(charts.graphviz, "pipe_string", missing)
    with pytest.raises(charts.GeneratorError, match="apt-get install graphviz"):
        render_svgs([_chart()])


def test_cache_skips_dot_for_unchanged_charts_and_drops_unused_ones(
    tmp_path, monkeypatch: pytest.MonkeyPatch
):
    first = render_svgs([_chart("bagan-a"), _chart("bagan-b", label="Biro Lain")], tmp_path)
    assert len(list(tmp_path.glob("*.svg"))) == 2

    def no_dot(*args, **kwargs):
        raise AssertionError("dot should not run for cached charts")

    monkeypatch.setattr(charts.graphviz, "pipe_string", no_dot)
    again = render_svgs([_chart("bagan-a")], tmp_path)
    assert again == {"bagan-a": first["bagan-a"]}
    assert len(list(tmp_path.glob("*.svg"))) == 1
