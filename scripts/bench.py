"""Benchmark the build at 1x, 3x and 10x the national number of secretariats.

    make bench            # or: .venv/bin/python scripts/bench.py [--skala 1 3 10]

For each scale it builds a throwaway copy of the project (real central content, real or
synthetic regions; the synthetic ones are generated here and never committed) and measures, in
one run on one machine: pages, charts, generator seconds (clean, empty chart cache) and the
printable book's share of them (WeasyPrint), MkDocs seconds, the generator's share of the
total, peak memory, output and search-index size, and the files rewritten by a no-op
regeneration and by a one-unit edit. Figures are compared as ratios within the run, since the
machine is shared. It prints a table and writes bench-out/bench.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    generated = {"struktur", "dasar-hukum", "indeks", "kolom", "daerah", "struktur-baku", "unduh"}
    shutil.copytree(
        ROOT / "docs",
        root / "docs",
        ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "docs" and n in generated],
    )
    (root / "generator").symlink_to(ROOT / "generator")
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


def written(output: str) -> int:
    match = re.search(r"(\d+) berkas ditulis", output)
    return int(match.group(1)) if match else -1


def book_seconds(output: str) -> float:
    """WeasyPrint's time for the printable book, as the generator reports it (-1 if cached)."""
    match = re.search(r"Buku PDF dibuat dalam ([\d,]+) detik", output)
    return float(match.group(1).replace(",", ".")) if match else -1.0


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_scale(base: Path, scale: int) -> dict[str, float | int | str]:
    root = project(base, scale)
    gen_s, gen_kib, out = measure(root, "generator", "generate", "--tanpa-peringatan")
    pages, charts = (int(x) for x in re.search(r"(\d+) halaman, (\d+) bagan", out).groups())
    docs_s, docs_kib, _ = measure(
        root, "mkdocs", "build", "--strict", "-f", "mkdocs.gen.yml", "-d", "site"
    )
    noop = written(measure(root, "generator", "generate", "--tanpa-peringatan")[2])
    unit = root / "content" / "unit" / "inspektorat-wilayah-iii.yml"
    unit.write_text(
        unit.read_text(encoding="utf-8").replace("nama: Itwil III", "nama: Itwil 3"),
        encoding="utf-8",
    )
    edit_out = measure(root, "generator", "generate", "--tanpa-peringatan")[2]
    cached_s = measure(root, "generator", "generate", "--tanpa-peringatan")[0]
    site = root / "site"
    return {
        "skala": scale,
        "halaman": pages,
        "bagan": charts,
        "generator_s": round(gen_s, 2),
        "generator_cache_s": round(cached_s, 2),
        "buku_pdf_s": book_seconds(out),
        "mkdocs_s": round(docs_s, 2),
        "porsi_generator": round(gen_s / (gen_s + docs_s), 3),
        "detik_per_halaman": round((gen_s + docs_s) / pages, 4),
        "memori_puncak_mb": round(max(gen_kib, docs_kib) / 1024, 1),
        "ukuran_situs_mb": round(size(site) / 1e6, 1),
        "indeks_pencarian_mb": round(
            (site / "search" / "search_index.json").stat().st_size / 1e6, 2
        ),
        "tulis_ulang_tanpa_perubahan": noop,
        "tulis_ulang_satu_unit": written(edit_out),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skala", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--keluaran", type=Path, default=ROOT / "bench-out" / "bench.json")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for scale in args.skala:
            print(f"skala {scale}x …", file=sys.stderr, flush=True)
            rows.append(run_scale(Path(temp), scale))
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
