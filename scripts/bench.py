"""Benchmark the build at 1x, 3x and 10x the national number of secretariats.

    make bench            # or: .venv/bin/python scripts/bench.py [--skala 1 3 10]

For each scale it builds a throwaway copy of the project (real central content, real or
synthetic regions; the synthetic ones are generated here and never committed) and measures, in
one run on one machine:

- fresh builds (no generated pages, no site, no chart or book cache: a fresh clone) and warm
  builds (caches kept, generated pages and site removed), as many of each, each paired with
  `mkdocs build` alone on the same generated pages, alternating which runs first; ratios per
  pair, then the median of each kind;
- a build with nothing changed; peak memory; site and search-index size; seconds per page (of the
  warm build, and of MkDocs alone, to tell whose cost grows);
- the preview: `python -m generator serve` on the copy, a one-field edit of a unit (its name),
  polled on the unit's page until the new name shows; the median of several edits, and its ratio
  to `mkdocs build` alone;
- when Playwright and Chromium are there (the dev tools), the first search on a 360 px phone
  with a 4x slower CPU (tests/test_browser_search.py): from typing a query once the index has
  arrived and been built to the first result.

Figures are compared as ratios within the run, since the machine is shared. It prints a table and
writes bench-out/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NATIONAL = 552  # 38 provincial + 514 kabupaten/kota secretariats
MAX_PROVINCES = 90  # two-digit codes 10..99

# Runs a command in-process and reports its own peak memory and its children's (dot), in KiB.
MEASURE = """
import resource, runpy, sys
module, out, *args = sys.argv[1:]
sys.argv = [module, *args]
try:
    runpy.run_module(module, run_name="__main__", alter_sys=True)
except SystemExit as exit:
    code = exit.code or 0
else:
    code = 0
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    open(out, "w").write(f"{own} {kids}")
sys.exit(code)
"""


def synthetic_regions(target: Path, secretariats: int) -> None:
    """Provinces and kabupaten/kota with valid, unique codes, adding up to ``secretariats``."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    provinces = min(MAX_PROVINCES, max(1, round(secretariats * 38 / NATIONAL)))
    regencies = secretariats - provinces
    for p in range(provinces):
        code = f"{10 + p:02d}"
        count = regencies // provinces + (1 if p < regencies % provinces else 0)
        lines = [
            "# yaml-language-server: $schema=../../schema/wilayah.schema.json",
            f"id: provinsi-uji-{code}",
            f'kode: "{code}"',
            f'nama: "Uji {code}"',
            "sumber: [kepmendagri-300-2-2-2138-2025]",
            "kabupaten_kota:",
        ]
        for r in range(count):
            kind = "Kota" if r % 5 == 4 else "Kabupaten"
            lines += [
                f'  - kode: "{code}.{r + 1:02d}"',
                f'    nama: "{kind} Uji {code} {r + 1:02d}"',
            ]
        (target / f"provinsi-uji-{code}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def project(base: Path, scale: int) -> Path:
    root = base / f"skala-{scale}"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    from generator.urls import GENERATED_DIRS

    generated = set(GENERATED_DIRS)
    shutil.copytree(
        ROOT / "docs",
        root / "docs",
        ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "docs" and n in generated],
    )
    (root / "generator").symlink_to(ROOT / "generator")
    (root / "overrides").symlink_to(ROOT / "overrides")
    if scale != 1:
        synthetic_regions(root / "content" / "wilayah", NATIONAL * scale)
    return root


def measure(root: Path, module: str, *args: str) -> tuple[float, int, str]:
    """Seconds, peak memory (KiB, the process or its largest child) and output of one command."""
    out = root / ".rss"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, module, str(out), *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{module} {' '.join(args)} gagal:\n{result.stderr}\n{result.stdout}")
    own, kids = (int(x) for x in out.read_text().split())
    return seconds, max(own, kids), result.stdout


def written(output: str, where: str = "docs/") -> int:
    """Files written, from the build's summary line for docs/ or site/."""
    if where == "site/" and "sudah mutakhir" in output:
        return 0
    pattern = r"docs/: (\d+) berkas ditulis" if where == "docs/" else r"site/: (\d+) berkas ditulis"
    match = re.search(pattern, output)
    return int(match.group(1)) if match else -1


def book_seconds(output: str) -> float:
    """WeasyPrint's time for the printable book, as the generator reports it (-1 if cached)."""
    match = re.search(r"Buku PDF dibuat dalam ([\d,]+) detik", output)
    return float(match.group(1).replace(",", ".")) if match else -1.0


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def clean(root: Path, *, cache: bool) -> None:
    """What a clean build starts without: generated pages and the site (and the chart cache,
    unless ``cache``: a fresh clone has none, a maintainer's checkout usually has one)."""
    from generator.urls import GENERATED_DIRS

    for folder in [*GENERATED_DIRS]:
        shutil.rmtree(root / "docs" / folder, ignore_errors=True)
    for name in ("site", "site-mkdocs", *(() if cache else (".tembolok",))):
        shutil.rmtree(root / name, ignore_errors=True)
    (root / "mkdocs.gen.yml").unlink(missing_ok=True)


def progress(text: str) -> None:
    """A figure as soon as it is measured (a scale takes many minutes at 10x; the table comes
    at the end)."""
    print(f"  {text}", file=sys.stderr, flush=True)


def _build(root: Path, *, cache: bool) -> tuple[float, int]:
    clean(root, cache=cache)
    seconds, kib, _ = measure(root, "generator", "build", "--tanpa-peringatan")
    return seconds, kib


def _mkdocs_alone(root: Path) -> float:
    shutil.rmtree(root / "site-mkdocs", ignore_errors=True)
    command = ("build", "--strict", "-f", "mkdocs.gen.yml", "-d", "site-mkdocs")
    return measure(root, "mkdocs", *command)[0]


@dataclass
class Pairs:
    """Builds paired with `mkdocs build` alone on the same pages, fresh and warm."""

    fresh: list[tuple[float, float]] = field(default_factory=list)
    """(build, mkdocs alone) seconds, the build with no caches (a fresh clone)."""
    warm: list[tuple[float, float]] = field(default_factory=list)
    """The same, caches kept (generated pages and site removed)."""
    peak_kib: int = 0

    @staticmethod
    def median_ratio(runs: list[tuple[float, float]]) -> float:
        return statistics.median(build / alone for build, alone in runs)


def _pair(root: Path, *, cache: bool, mkdocs_first: bool) -> tuple[float, float, int]:
    if mkdocs_first:
        alone = _mkdocs_alone(root)
        seconds, kib = _build(root, cache=cache)
    else:
        seconds, kib = _build(root, cache=cache)
        alone = _mkdocs_alone(root)
    return seconds, alone, kib


def paired(root: Path, pairs: int) -> Pairs:
    """``pairs`` fresh and ``pairs`` warm builds, each paired with `mkdocs build` alone on the same
    pages, alternating which of the two runs first (MkDocs alone needs pages: the first build of
    all runs first)."""
    found = Pairs()
    for i in range(pairs):
        for cache, words in ((False, "segar"), (True, "hangat")):
            # Fresh pairs start with the build, warm ones with MkDocs; every other round swaps.
            mkdocs_first = (i + cache) % 2 == 1
            seconds, alone, kib = _pair(root, cache=cache, mkdocs_first=mkdocs_first)
            (found.warm if cache else found.fresh).append((seconds, alone))
            found.peak_kib = max(found.peak_kib, kib)
            ratio = seconds / alone
            progress(f"{words} {i + 1}: {seconds:.1f} s, mkdocs saja {alone:.1f} s ({ratio:.3f}x)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def preview_latency(root: Path, edits: int) -> list[float]:
    """Seconds from saving a one-field edit of a unit to its preview page showing it."""
    port = _free_port()
    log = root / "pratinjau.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--port", str(port)]
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        while "Pratinjau di" not in log.read_text(encoding="utf-8"):
            if server.poll() is not None or time.monotonic() > started + 1800:
                raise SystemExit(f"pratinjau tidak berjalan:\n{log.read_text(encoding='utf-8')}")
            time.sleep(0.2)
        progress(f"pratinjau siap (bangun penuh pertama) dalam {time.monotonic() - started:.1f} s")
        unit = root / "content" / "unit" / "inspektorat-wilayah-iii.yml"
        url = f"http://127.0.0.1:{port}/struktur/inspektorat-wilayah-iii/"
        original = unit.read_text(encoding="utf-8")
        seconds = []
        for i in range(edits):
            name = f"Inspektorat Wilayah III Uji {i + 1}"
            unit.write_text(original.replace("nama: Inspektorat Wilayah III", f"nama: {name}"))
            started = time.perf_counter()
            while name not in _page(url):
                if time.perf_counter() - started > 600:
                    raise SystemExit(f"suntingan tidak tampil:\n{log.read_text(encoding='utf-8')}")
                time.sleep(0.1)  # pages poll the preview every half second
            seconds.append(time.perf_counter() - started)
            progress(f"pratinjau, suntingan {i + 1}: tampil dalam {seconds[-1]:.1f} s")
            time.sleep(1.0)  # let the preview settle (the watcher's quiet spell)
        unit.write_text(original, encoding="utf-8")
        return seconds
    finally:
        server.terminate()
        server.wait(30)


def first_search(site: Path) -> dict[str, float] | None:
    """The first search on a slow phone (tests/test_browser_search.py), when the browser tools
    are installed; None otherwise."""
    try:
        from playwright import sync_api
    except ImportError:
        return None
    # The browser set-up of the tests themselves (not optional: a rename there must fail here).
    from tests.conftest import CHROMIUM, FLAGS, serve
    from tests.test_browser_search import _first_search

    if not Path(CHROMIUM).exists():
        return None
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            with serve(site) as base:
                slow = _first_search(browser, base, rate=4)
        except sync_api.Error as error:  # e.g. a time-out on a very large index
            print(f"pencarian pertama tidak terukur: {error}", file=sys.stderr)
            return None
        finally:
            browser.close()
    return {"siap_s": round(slow.ready, 2), "kueri_s": round(slow.query, 2)}


def run_scale(base: Path, scale: int, pairs: int, edits: int) -> dict[str, Any]:
    root = project(base, scale)
    runs = paired(root, pairs)
    alone_s = statistics.median(a for _, a in runs.fresh + runs.warm)
    warm_s = statistics.median(b for b, _ in runs.warm)
    noop_s, _, noop_out = measure(root, "generator", "build", "--tanpa-peringatan")
    progress(f"bangun tanpa perubahan: {noop_s:.1f} s")
    found = re.search(r"(\d+) halaman, (\d+) bagan", noop_out)
    assert found, noop_out
    pages, charts = (int(x) for x in found.groups())
    site = root / "site"
    search = first_search(site)
    if search:
        progress(f"cari pertama: siap {search['siap_s']} s, kueri {search['kueri_s']} s")
    latency = statistics.median(preview_latency(root, edits))
    return {
        "skala": scale,
        "halaman": pages,
        "bagan": charts,
        "pasangan": pairs,
        "bangun_segar_s": round(statistics.median(b for b, _ in runs.fresh), 2),
        "bangun_hangat_s": round(warm_s, 2),
        "mkdocs_saja_s": round(alone_s, 2),
        "segar_banding_mkdocs": round(Pairs.median_ratio(runs.fresh), 3),
        "hangat_banding_mkdocs": round(Pairs.median_ratio(runs.warm), 3),
        "pratinjau_s": round(latency, 2),
        "pratinjau_banding_mkdocs": round(latency / alone_s, 3),
        "tanpa_perubahan_s": round(noop_s, 2),
        "site_ditulis_tanpa_perubahan": written(noop_out, "site/"),
        "memori_puncak_mb": round(runs.peak_kib / 1024, 1),
        "ukuran_situs_mb": round(size(site) / 1e6, 1),
        "indeks_pencarian_mb": round(
            (site / "search" / "search_index.json").stat().st_size / 1e6, 2
        ),
        "detik_per_halaman": round(warm_s / pages, 4),
        "mkdocs_detik_per_halaman": round(alone_s / pages, 4),
        "cari_pertama_siap_s": search["siap_s"] if search else None,
        "cari_pertama_kueri_s": search["kueri_s"] if search else None,
    }


#: The table's columns (the JSON has every figure).
COLUMNS = {
    "skala": "skala",
    "halaman": "halaman",
    "bagan": "bagan",
    "bangun_segar_s": "segar s",
    "mkdocs_saja_s": "mkdocs s",
    "segar_banding_mkdocs": "segar÷mk",
    "bangun_hangat_s": "hangat s",
    "hangat_banding_mkdocs": "hangat÷mk",
    "pratinjau_s": "pratinjau s",
    "pratinjau_banding_mkdocs": "prat÷mk",
    "tanpa_perubahan_s": "tanpa ubah s",
    "memori_puncak_mb": "memori MB",
    "ukuran_situs_mb": "situs MB",
    "indeks_pencarian_mb": "indeks MB",
    "detik_per_halaman": "s/hal",
    "detik_per_halaman_banding_1x": "s/hal÷1x",
    "mkdocs_detik_per_halaman_banding_1x": "mk s/hal÷1x",
    "cari_pertama_kueri_s": "cari pertama s",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skala", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument(
        "--pasangan", type=int, default=3, help="pasangan segar dan hangat pada skala 1x (median)"
    )
    parser.add_argument(
        "--suntingan", type=int, default=5, help="suntingan pratinjau pada skala 1x (median)"
    )
    parser.add_argument(
        "--pasangan-besar", type=int, default=1, help="pasangan segar dan hangat di skala lain"
    )
    parser.add_argument("--suntingan-besar", type=int, default=2, help="suntingan di skala lain")
    parser.add_argument("--keluaran", type=Path, default=ROOT / "bench-out" / "bench.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for scale in args.skala:
            print(f"skala {scale}x …", file=sys.stderr, flush=True)
            # The larger scales take minutes a build: one warm pair and two edits there.
            first = scale == args.skala[0]
            pairs = args.pasangan if first else args.pasangan_besar
            edits = args.suntingan if first else args.suntingan_besar
            rows.append(run_scale(Path(temp), scale, pairs, edits))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # in case a later one fails
            shutil.rmtree(Path(temp) / f"skala-{scale}", ignore_errors=True)
    base = rows[0]
    for row in rows:
        row["detik_per_halaman_banding_1x"] = round(
            row["detik_per_halaman"] / base["detik_per_halaman"], 2
        )
        row["mkdocs_detik_per_halaman_banding_1x"] = round(
            row["mkdocs_detik_per_halaman"] / base["mkdocs_detik_per_halaman"], 2
        )
    cells = [[str(row[key]) if row[key] is not None else "-" for key in COLUMNS] for row in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(COLUMNS.values())]
    print("  ".join(h.rjust(w) for h, w in zip(COLUMNS.values(), widths, strict=True)))
    for line in cells:
        print("  ".join(c.rjust(w) for c, w in zip(line, widths, strict=True)))
    print(
        "segar = clone baru (tanpa tembolok bagan dan buku); hangat = tembolok tetap, halaman dan "
        "situs dihapus; ÷mk = dibanding `mkdocs build` saja pada halaman yang sama (median "
        "pasangan); pratinjau = simpan satu kolom unit sampai halamannya menampilkannya; cari "
        "pertama = 360 px, CPU 4× lebih lambat, dari kueri (indeks sudah tiba) sampai hasil pertama."
    )
    args.keluaran.parent.mkdir(parents=True, exist_ok=True)
    args.keluaran.write_text(json.dumps({"hasil": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"JSON: {args.keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
