"""Everything the command line says is Indonesian: usage, help and argparse's own errors."""

from __future__ import annotations

import argparse

import pytest

from generator.cli import main

ENGLISH = (
    "usage:",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "show this help message",
    "positional arguments",
    "options:",
    "error:",
)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    captured = capsys.readouterr()
    return int(exit_.value.code or 0), captured.out, captured.err


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def test_missing_command(capsys):
    code, _, err = _run(capsys)
    assert code == 2
    assert err == (
        "penggunaan: python -m generator [-h] PERINTAH ...\n"
        "python -m generator: galat: argumen berikut wajib diisi: PERINTAH\n"
    )


def test_unknown_command(capsys):
    code, _, err = _run(capsys, "bangun")
    assert code == 2
    assert err.splitlines()[-1] == (
        "python -m generator: galat: argumen PERINTAH: pilihan tidak sah: 'bangun' (pilih salah "
        "satu dari 'check', 'generate', 'build', 'diff', 'serve', 'schema', 'impor-peraturan')"
    )


def test_invalid_choice_of_an_option(capsys):
    code, _, err = _run(capsys, "check", "--format", "xml")
    assert code == 2 and not _english(err)
    assert err.splitlines()[-1] == (
        "python -m generator check: galat: argumen --format: pilihan tidak sah: 'xml' (pilih salah "
        "satu dari 'teks', 'github', 'json')"
    )


def test_unrecognized_arguments(capsys):
    code, _, err = _run(capsys, "check", "lebih")
    assert code == 2
    assert err.splitlines()[-1] == "python -m generator: galat: argumen tidak dikenal: lebih"


def test_missing_revision(capsys):
    code, _, err = _run(capsys, "diff")
    assert code == 2
    assert err.splitlines()[-1] == (
        "python -m generator diff: galat: argumen berikut wajib diisi: REVISI"
    )


def test_option_without_value_and_bad_number(capsys):
    assert _run(capsys, "check", "--content")[2].splitlines()[-1] == (
        "python -m generator check: galat: argumen --content: perlu satu nilai"
    )
    assert _run(capsys, "serve", "--port", "delapan")[2].splitlines()[-1] == (
        "python -m generator serve: galat: argumen --port: nilai bilangan bulat tidak sah: 'delapan'"
    )


@pytest.mark.parametrize(
    "command", [[], ["check"], ["generate"], ["build"], ["diff"], ["serve"], ["schema"]]
)
def test_help_is_indonesian(capsys, command: list[str]):
    code, out, _ = _run(capsys, *command, "--help")
    assert code == 0
    assert out.startswith("penggunaan: python -m generator")
    assert "opsi:\n  -h, --help" in out and "tampilkan bantuan ini lalu keluar" in out
    assert not _english(out)


def test_argparse_is_left_as_it_was():
    """The translation is swapped in only while the CLI's parser works."""
    parser = argparse.ArgumentParser(prog="lain")
    assert parser.format_usage() == "usage: lain [-h]\n"
