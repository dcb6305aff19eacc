"""Command line: ``python -m generator check|generate|build|diff|serve|schema``. The only module that prints or exits.

Exit codes: 0 success, 1 content errors or a failed build, 2 usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from generator.content import report
from generator.errors import ContentError, GeneratorError
from generator.pipeline.build import build, check_content, generate
from generator.pipeline.write import write_tree
from generator.schema.publish import json_schemas
from generator.tools.diff import describe, markdown

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


#: argparse's own words, in Indonesian. argparse looks each one up through gettext's ``_``
#: (and ``ngettext``) when it builds a parser, a help text or an error, so they are swapped in there.
_ARGPARSE_ID = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih salah satu dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi ambigu: %(option)s dapat berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unexpected option string: %s": "opsi tak terduga: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
}


def _translate(text: str) -> str:
    return _ARGPARSE_ID.get(text, text)


def _translate_n(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


@contextlib.contextmanager
def _indonesian() -> Iterator[None]:
    """argparse speaks Indonesian inside this block (the CLI is single-threaded)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translate, _translate_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse in Indonesian: usage, help and errors; usage errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _indonesian():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _indonesian():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _indonesian():
            return super().parse_known_args(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _indonesian():
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _indonesian():
            return super().format_usage()

    def format_help(self) -> str:
        with _indonesian():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {message}\n")


def _whole_number(text: str) -> int:
    return int(text)


_whole_number.__name__ = "bilangan bulat"  # argparse names the type in its error message


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m generator",
        description="Generator situs struktur organisasi Sekretariat Jenderal KPU.",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="PERINTAH", parser_class=_Parser
    )

    def content_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--content",
            type=Path,
            default=Path("content"),
            metavar="DIR",
            help="folder konten YAML (bawaan: content)",
        )

    def warning_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--tanpa-peringatan",
            action="store_true",
            help="jangan tampilkan peringatan, hanya galat",
        )

    def config_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--config",
            type=Path,
            default=Path("mkdocs.yml"),
            metavar="FILE",
            help="konfigurasi MkDocs (bawaan: mkdocs.yml)",
        )

    check_cmd = commands.add_parser(
        "check",
        help="periksa konten tanpa membangun apa pun",
        description="Periksa seluruh konten dan laporkan semua galat sekaligus. Keluar dengan 0 bila sah, 1 bila ada galat.",
    )
    content_option(check_cmd)
    warning_option(check_cmd)
    config_option(check_cmd)
    check_cmd.add_argument(
        "--format",
        choices=["teks", "github", "json"],
        default="teks",
        help="bentuk laporan: teks (bawaan), github (anotasi GitHub Actions dan ringkasan), json",
    )

    generate_cmd = commands.add_parser(
        "generate",
        help="tulis halaman dan bagan ke docs/ tanpa menjalankan MkDocs",
        description="Periksa konten, lalu tulis halaman Markdown dan bagan SVG ke folder docs/.",
    )
    content_option(generate_cmd)
    config_option(generate_cmd)
    warning_option(generate_cmd)

    build_cmd = commands.add_parser(
        "build",
        help="periksa konten, buat halaman, dan bangun situs",
        description=(
            "Periksa konten, tulis halaman dan bagan, lalu bangun situs dengan MkDocs. Situs lama di "
            "--site baru diganti bila pembangunan berhasil."
        ),
    )
    content_option(build_cmd)
    config_option(build_cmd)
    build_cmd.add_argument(
        "--site", type=Path, default=Path("site"), metavar="DIR", help="folder hasil (bawaan: site)"
    )
    warning_option(build_cmd)

    diff_cmd = commands.add_parser(
        "diff",
        help="ringkas perubahan konten dibanding sebuah revisi git",
        description=(
            "Bandingkan konten sekarang dengan konten pada revisi git REVISI: unit yang ditambahkan, "
            "dihapus, berganti nama, dipindahkan, dan kolom yang berubah, dalam Markdown."
        ),
    )
    diff_cmd.add_argument(
        "revisi", metavar="REVISI", help="revisi git pembanding, mis. origin/main"
    )
    content_option(diff_cmd)

    serve_cmd = commands.add_parser(
        "serve",
        help="pratinjau langsung di http://127.0.0.1:8000 selama menyunting",
        description=(
            "Bangun situs, tayangkan di http://127.0.0.1:PORT, dan bangun ulang sekali setiap kali "
            "berkas di content/ atau docs/ disimpan. Selama konten berisi galat, situs terakhir yang "
            "sah tetap ditayangkan; galatnya tampil di terminal dan di atas halaman. Halaman dimuat "
            "ulang sendiri setelah setiap pembangunan."
        ),
    )
    content_option(serve_cmd)
    config_option(serve_cmd)
    serve_cmd.add_argument(
        "--site", type=Path, default=Path("site"), metavar="DIR", help="folder hasil (bawaan: site)"
    )
    serve_cmd.add_argument(
        "--port",
        type=_whole_number,
        default=8000,
        metavar="PORT",
        help="port di 127.0.0.1 (bawaan: 8000)",
    )

    schema_cmd = commands.add_parser(
        "schema",
        help="tulis JSON Schema konten ke folder schema/",
        description=(
            "Tulis JSON Schema setiap jenis berkas konten, diturunkan dari generator/schema/models.py. Dengan "
            "--periksa, hanya periksa bahwa berkas yang ada sudah mutakhir (keluar 1 bila belum)."
        ),
    )
    schema_cmd.add_argument(
        "--out",
        type=Path,
        default=Path("schema"),
        metavar="DIR",
        help="folder tujuan (bawaan: schema)",
    )
    schema_cmd.add_argument("--periksa", action="store_true", help="jangan menulis; periksa saja")

    from generator.tools.importer.command import add_arguments

    add_arguments(
        commands.add_parser(
            "impor-peraturan",
            help="baca teks peraturan (PDF atau .txt) dan ambil fakta organisasinya",
            description=(
                "Baca peraturan DASAR dari PDF (lapisan teks) atau salinan .txt, terapkan setiap "
                "PERUBAHAN secara berurutan, lalu tampilkan pasal hasil konsolidasi dan fakta unit "
                "(tugas, fungsi, susunan, pimpinan, induk). Keluar 0 bila berhasil, 1 bila masukan "
                "tidak dapat dibaca, 2 bila perintah salah."
            ),
        )
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit code. Unexpected failures are reported, not dumped."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except Exception as error:  # a bug, not an editor's mistake: say so in one line
        if os.environ.get("GENERATOR_DEBUG"):
            raise
        print(
            f"galat internal: {type(error).__name__}: {error}. Ini kesalahan program, bukan konten; "
            "laporkan, dan jalankan ulang dengan GENERATOR_DEBUG=1 untuk rinciannya.",
            file=sys.stderr,
        )
        return EXIT_CONTENT


def _schema(out: Path, *, check_only: bool) -> int:
    files = {
        name: (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        for name, schema in json_schemas().items()
    }
    stale = [
        name
        for name, data in files.items()
        if not (out / name).is_file() or (out / name).read_bytes() != data
    ]
    if check_only:
        for name in stale:
            print(f"galat: {out / name} belum mutakhir; jalankan 'make schema'", file=sys.stderr)
        return EXIT_CONTENT if stale else EXIT_OK
    write_tree(out, files, ())
    print(f"{len(stale)} berkas skema ditulis di {out}/")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    checked = check_content(args.content, args.config)
    warnings = not args.tanpa_peringatan
    if args.format == "json":
        sys.stdout.write(report.as_json(checked.problems, warnings=warnings))
    elif args.format == "github":
        # Annotations mark the lines in the pull request; the log and the job summary keep the
        # full list, since GitHub shows only ten annotations a step.
        sys.stdout.write(report.github(checked.problems, warnings=warnings))
        sys.stdout.write(report.text(checked.problems, warnings=warnings))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(report.summary(checked.problems))
    else:
        out = sys.stderr if checked.errors else sys.stdout
        out.write(report.text(checked.problems, warnings=warnings))
    if checked.errors:
        return EXIT_CONTENT
    if args.format != "json" and checked.records is not None:
        records = checked.records
        print(f"Konten sah: {len(records.units)} unit, {len(records.regulations)} peraturan.")
    return EXIT_OK


def _generate(args: argparse.Namespace) -> int:
    try:
        if args.command == "generate":
            generated, site = generate(args.content, args.config), None
        else:
            built = build(args.content, args.config, args.site)
            generated, site = built.generated, built.site
    except ContentError as error:
        sys.stderr.write(report.text(error.problems, warnings=False))
        print("Tidak ada berkas yang diubah.", file=sys.stderr)
        return EXIT_CONTENT
    warnings = generated.checked.warnings
    if warnings and not args.tanpa_peringatan:
        print(
            f"{len(warnings)} peringatan untuk peninjau; lihat dengan 'python -m generator check'."
        )
    written = generated.report
    print(
        f"{generated.pages} halaman, {generated.charts} bagan; docs/: {len(written.written)} berkas "
        f"ditulis, {written.unchanged} tidak berubah, {len(written.removed)} dihapus."
    )
    if not generated.book:
        print("Buku PDF dilewati (SITUS_TANPA_BUKU=1).")
    elif generated.book_seconds is None:
        print("Buku PDF tidak berubah; diambil dari tembolok.")
    else:
        seconds = f"{generated.book_seconds:.1f}".replace(".", ",")
        print(f"Buku PDF dibuat dalam {seconds} detik.")
    if args.command == "build":
        if site is None:
            print(f"Situs di {args.site}/ sudah mutakhir; tidak ada yang berubah.")
        else:
            print(
                f"Situs selesai dibangun di {args.site}/: {len(site.written)} berkas ditulis, "
                f"{site.unchanged} tidak berubah, {len(site.removed)} dihapus."
            )
    return EXIT_OK


def _impor_peraturan(args: argparse.Namespace) -> int:
    from generator.tools.importer.command import run

    return run(args)


def _diff(content: Path, revision: str) -> int:
    """The change summary on stdout; a page address the change would break fails (exit 1)."""
    try:
        diff = describe(content, revision)
    except GeneratorError as error:
        print(f"galat: {error}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(markdown(diff, revision))
    for broken in diff.broken:
        print(f"galat: alamat {broken.address} akan rusak: {broken.fix}", file=sys.stderr)
    return EXIT_CONTENT if diff.broken else EXIT_OK


def _say(line: str) -> None:
    print(line, flush=True)


def _serve(args: argparse.Namespace) -> int:
    from generator.tools.preview import Preview  # watchdog is only needed here

    preview = Preview(args.content, args.config, args.site, args.port, _say)
    preview.start()
    try:
        while True:
            preview.wait_and_rebuild()
    except KeyboardInterrupt:
        _say("Pratinjau dihentikan.")
    finally:
        preview.stop()
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        return _schema(args.out, check_only=args.periksa)
    if args.command == "impor-peraturan":
        return _impor_peraturan(args)
    if not args.content.is_dir():
        print(f"galat: folder konten '{args.content}' tidak ada", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "diff":
        return _diff(args.content, args.revisi)
    if args.command == "check":
        return _check(args)
    if not args.config.is_file():
        print(f"galat: berkas konfigurasi '{args.config}' tidak ada", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "serve":
            return _serve(args)
        return _generate(args)
    except GeneratorError as error:
        print(f"galat: {error}", file=sys.stderr)
        return EXIT_CONTENT
