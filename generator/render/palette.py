"""The chart palette, defined once and emitted three ways: DOT attributes (so a chart printed
or opened without our CSS keeps its colours), the site's CSS variables, and the style inside
each full-size SVG file."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields


@dataclass(frozen=True)
class Palette:
    kotak: str
    """Box fill."""
    garis: str
    """Box border."""
    teks: str
    """Box text."""
    saat_ini: str
    """Fill of the box of the page being read."""
    saat_ini_teks: str
    sambung: str
    """Lines between boxes."""
    sambung_teks: str
    """Labels on lines."""
    latar: str
    """Background of a full-size chart file."""
    baru: str
    """Fill of a unit that a change of structure created."""
    baru_garis: str
    """Its border."""
    berakhir: str
    """Fill of a unit that a change of structure ended."""


LIGHT = Palette(
    "#ffffff", "#7a1f1f", "#1a1a1a", "#7a1f1f", "#ffffff", "#6b6b6b", "#444444", "#ffffff",
    "#e3f1e6", "#1b5e20", "#ececec",
)  # fmt: skip
DARK = Palette(
    "#2e303e", "#e8a0a0", "#eeeeee", "#e8a0a0", "#1a1a1a", "#b0b0b0", "#cccccc", "#1e2129",
    "#1d3b25", "#81c784", "#3b3b44",
)  # fmt: skip


def _variables(palette: Palette) -> str:
    names = [f.name.replace("_", "-") for f in fields(Palette)]
    return " ".join(f"--bagan-{n}: {v};" for n, v in zip(names, astuple(palette), strict=True))


def site_css() -> str:
    """CSS variables for the site, light and dark (Material's 'slate' scheme).

    >>> "--bagan-saat-ini: #7a1f1f;" in site_css()
    True
    """
    return (
        "/* Dibuat oleh generator dari generator/render/palette.py; jangan disunting. */\n"
        f":root {{ {_variables(LIGHT)} }}\n"
        f'[data-md-color-scheme="slate"] {{ {_variables(DARK)} }}\n'
    )


_RULES = """
svg { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
.node path, .node polygon { fill: var(--bagan-kotak); stroke: var(--bagan-garis); }
.node text { fill: var(--bagan-teks); }
.node.saat-ini path, .node.saat-ini polygon { fill: var(--bagan-saat-ini); }
.node.saat-ini text { fill: var(--bagan-saat-ini-teks); }
.node.terdahulu path, .node.terdahulu polygon { stroke-dasharray: 4 3; }
.node.baru path, .node.baru polygon { fill: var(--bagan-baru); stroke: var(--bagan-baru-garis); }
.node.berakhir path, .node.berakhir polygon { fill: var(--bagan-berakhir); }
.node text.catatan { font-weight: bold; }
.edge path { stroke: var(--bagan-sambung); }
.edge polygon { fill: var(--bagan-sambung); stroke: var(--bagan-sambung); }
.edge text { fill: var(--bagan-sambung-teks); }
"""


def standalone_css() -> str:
    """The style of a full-size chart file, which follows the reader's light or dark setting."""
    return (
        f":root {{ {_variables(LIGHT)} background: var(--bagan-latar); }}\n"
        f"@media (prefers-color-scheme: dark) {{ :root {{ {_variables(DARK)} }} }}\n" + _RULES
    )
