"""The `impor-peraturan` command: arguments, and the run that prints or writes the results."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.tools.importer.consolidate import consolidate
from generator.tools.importer.document import ImportFailed
from generator.tools.importer.output import as_json, as_markdown

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "dasar", metavar="DASAR", type=Path, help="peraturan dasar: berkas .pdf atau .txt"
    )
    command.add_argument(
        "perubahan",
        metavar="PERUBAHAN",
        type=Path,
        nargs="*",
        help="peraturan perubahan, diterapkan sesuai urutan penulisan",
    )
    command.add_argument(
        "--format",
        choices=["teks", "json"],
        default="teks",
        help="bentuk keluaran: teks (laporan Markdown untuk peninjau, bawaan) atau json",
    )
    command.add_argument(
        "--terapkan",
        action="store_true",
        help="tulis fakta unit ke folder konten (membuat draf untuk unit yang belum ada)",
    )
    command.add_argument(
        "--peraturan",
        metavar="ID",
        help="id peraturan dasar di content/peraturan/ (bawaan: dicocokkan dari jenis, nomor, tahun)",
    )
    command.add_argument(
        "--naskah",
        action="store_true",
        help="dengan --terapkan: tulis juga naskah konsolidasi ke content/naskah/ID.yml",
    )
    command.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="folder konten YAML (bawaan: content)",
    )


def run(args: argparse.Namespace) -> int:
    """Import, then print (and with --terapkan, write); Indonesian messages, exit 0/1/2."""
    if args.naskah and not args.terapkan:
        print("galat: --naskah hanya dapat dipakai bersama --terapkan", file=sys.stderr)
        return EXIT_USAGE
    if args.terapkan and not args.content.is_dir():
        print(f"galat: folder konten '{args.content}' tidak ada", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = consolidate(args.dasar, list(args.perubahan))
        if args.terapkan:
            from generator.tools.importer.apply import apply_to_content

            summary = apply_to_content(
                result, args.content, regulation_id=args.peraturan, with_text=args.naskah
            )
    except ImportFailed as error:
        print(f"galat: {error}", file=sys.stderr)
        print("Tidak ada berkas yang ditulis.", file=sys.stderr)
        return EXIT_INPUT
    if args.terapkan:
        sys.stdout.write(summary)
    elif args.format == "json":
        sys.stdout.write(as_json(result))
    else:
        sys.stdout.write(as_markdown(result))
    return EXIT_OK
