"""Benchmark the build at 1x, 3x and 10x the national number of secretariats.

    make bench            # or: .venv/bin/python scripts/bench.py [--skala 1 3 10]

For each scale it builds a throwaway copy of the project (real central content, real or
synthetic regions; the synthetic ones are generated here and never committed) and measures, in
one run on one machine: pages, charts, a clean `make build`-equivalent build against `mkdocs
build` alone on the same pages (paired runs, median ratio), a second build with nothing changed
(its time as a share of the clean build, and the files it rewrote in site/), a one-unit edit
(files rewritten in docs/ and site/), peak memory, output and search-index size. Figures are
compared as ratios within the run, since the machine is shared. It prints a table and writes
bench-out/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _build(root: Path, *, cache: bool) -> tuple[float, int]:
    clean(root, cache=cache)
    seconds, kib, _ = measure(root, "generator", "build", "--tanpa-peringatan")
    return seconds, kib


def _mkdocs_alone(root: Path) -> float:
    shutil.rmtree(root / "site-mkdocs", ignore_errors=True)
    command = ("build", "--strict", "-f", "mkdocs.gen.yml", "-d", "site-mkdocs")
    return measure(root, "mkdocs", *command)[0]


def paired(root: Path, pairs: int) -> tuple[list[float], list[float], int]:
    """Clean builds and `mkdocs build` alone on the same pages, alternating which runs first.

    The first build starts without a chart cache (as on a fresh clone); the others keep it.
    """
    builds: list[float] = []
    alone: list[float] = []
    peak = 0
    for i in range(pairs + 1):
        if i % 2 == 0:  # pages must exist before MkDocs can build them alone
            seconds, kib = _build(root, cache=i > 0)
            alone.append(_mkdocs_alone(root))
        else:
            alone.append(_mkdocs_alone(root))
            seconds, kib = _build(root, cache=True)
        builds.append(seconds)
        peak = max(peak, kib)
    return builds, alone, peak


def run_scale(base: Path, scale: int, pairs: int) -> dict[str, float | int | str]:
    root = project(base, scale)
    builds, alone, peak = paired(root, pairs)
    cold = builds[0] / alone[0]
    builds, alone = builds[1:], alone[1:]
    clean_s, alone_s = statistics.median(builds), statistics.median(alone)
    ratios = [b / a for b, a in zip(builds, alone, strict=True)]
    noop_s, _, noop_out = measure(root, "generator", "build", "--tanpa-peringatan")
    pages, charts = (int(x) for x in re.search(r"(\d+) halaman, (\d+) bagan", noop_out).groups())
    unit = root / "content" / "unit" / "inspektorat-wilayah-iii.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("nama: Itwil III", "nama: Itwil 3"),
        encoding="utf-8",
    )
    edit_out = measure(root, "generator", "build", "--tanpa-peringatan")[2]
    site = root / "site"
    return {
        "skala": scale,
        "halaman": pages,
        "bagan": charts,
        "pasangan": pairs,
        "bangun_bersih_s": round(clean_s, 2),
        "mkdocs_saja_s": round(alone_s, 2),
        "rasio_bersih_banding_mkdocs": round(statistics.median(ratios), 3),
        "rasio_bersih_tanpa_tembolok": round(cold, 3),
        "bangun_tanpa_perubahan_s": round(noop_s, 2),
        "rasio_tanpa_perubahan": round(noop_s / clean_s, 3),
        "site_ditulis_tanpa_perubahan": written(noop_out, "site/"),
        "docs_ditulis_satu_unit": written(edit_out),
        "site_ditulis_satu_unit": written(edit_out, "site/"),
        "detik_per_halaman": round(clean_s / pages, 4),
        "memori_puncak_mb": round(peak / 1024, 1),
        "ukuran_situs_mb": round(size(site) / 1e6, 1),
        "indeks_pencarian_mb": round(
            (site / "search" / "search_index.json").stat().st_size / 1e6, 2
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skala", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument(
        "--pasangan", type=int, default=5, help="pasangan pengukuran pada skala 1x (median)"
    )
    parser.add_argument("--keluaran", type=Path, default=ROOT / "bench-out" / "bench.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for scale in args.skala:
            print(f"skala {scale}x …", file=sys.stderr, flush=True)
            rows.append(run_scale(Path(temp), scale, args.pasangan if scale == 1 else 1))
    columns = list(rows[0])
    widths = [max(len(c), *(len(str(r[c])) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True)))
    base = rows[0]
    summary = {
        f"detik_per_halaman_{row['skala']}x_banding_{base['skala']}x": round(
            row["detik_per_halaman"] / base["detik_per_halaman"], 2
        )
        for row in rows[1:]
    }
    for key, value in summary.items():
        print(f"{key}: {value}")
    args.keluaran.parent.mkdir(parents=True, exist_ok=True)
    args.keluaran.write_text(
        json.dumps({"hasil": rows, "ringkasan": summary}, indent=2) + "\n", encoding="utf-8"
    )
    print(f"JSON: {args.keluaran}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
