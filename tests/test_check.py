"""Editors' mistakes: each one is caught with the file, line, field and a fix, in Indonesian.

Every file in tests/salah/ is one mistake, named for the rule it breaks, applied onto the small
fixture project (tests/fixtures/minimal/): its first line says which content file it replaces or
adds (``# berkas: unit/biro-umum.yml``); the ``# diharapkan [id]:`` lines that follow are the exact
errors ``check`` must report (path omitted when it is that file), each with the id of its message
in generator/messages.py. The real content is only checked to be valid.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import Project

CORPUS = Path(__file__).parent / "salah"


@dataclass(frozen=True)
class Mistake:
    """One bad file of the corpus."""

    path: Path
    target: str
    expected: list[str]
    codes: list[str]

    @classmethod
    def read(cls, path: Path) -> Mistake:
        head = path.read_bytes().removeprefix(b"\xef\xbb\xbf").split(b"\n")
        target = head[0].decode().removeprefix("# berkas: ")
        expected, codes = [], []
        for line in head[1:]:
            found = _EXPECTED.match(line.decode(errors="replace"))
            if not found:
                break
            code, message = found.groups()
            codes.append(code)
            expected.append(
                message if message.startswith("content/") else f"content/{target}:{message}"
            )
        return cls(path, target, expected, codes)


_EXPECTED = re.compile(r"^# diharapkan \[([a-z0-9-]+)\]: (.*)$")


MISTAKES = {path.stem: Mistake.read(path) for path in sorted(CORPUS.glob("*.yml"))}


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": galat: " in line]


def test_corpus_covers_the_rules():
    assert len(MISTAKES) >= 40
    assert all(m.expected for m in MISTAKES.values())


def test_real_content_is_valid(project: Project, capsys: pytest.CaptureFixture[str], org):
    assert project.run("check", "--tanpa-peringatan") == 0
    expected = f"Konten sah: {len(org.units)} unit, {len(org.regulations)} peraturan."
    assert capsys.readouterr().out.startswith(expected)


@pytest.mark.parametrize("name", MISTAKES)
def test_mistake_is_reported_precisely(
    minimal_project: Project, capsys: pytest.CaptureFixture[str], name: str
):
    project = minimal_project
    mistake = MISTAKES[name]
    (project.content / mistake.target).write_bytes(mistake.path.read_bytes())
    code = project.run("check", "--tanpa-peringatan")
    err = capsys.readouterr().err
    assert code == 1
    assert _errors(err) == mistake.expected
    assert "Traceback" not in err
    assert project.run("check", "--tanpa-peringatan", "--format", "json") == 1
    reported = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in reported] == mistake.codes


def test_mistakes_in_many_files_are_reported_in_one_run(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    chosen = [
        "induk_tidak_ditemukan",
        "url_javascript",
        "tanggal_tidak_ada",
        "berkas_berisi_daftar",
    ]
    for name in chosen:
        mistake = MISTAKES[name]
        (project.content / mistake.target).write_bytes(mistake.path.read_bytes())
    assert project.run("check", "--tanpa-peringatan") == 1
    expected = sorted(line for name in chosen for line in MISTAKES[name].expected)
    assert _errors(capsys.readouterr().err) == expected


def test_a_parent_cycle_is_named(minimal_project: Project, capsys: pytest.CaptureFixture[str]):
    project = minimal_project
    project.edit(
        "unit/deputi-bidang-administrasi.yml", "induk: sekretariat-jenderal", "induk: biro-umum"
    )
    assert project.run("check", "--tanpa-peringatan") == 1
    assert (
        "content/unit/biro-umum.yml:5:8: galat: induk: rantai induk berputar: biro-umum → deputi-bidang-administrasi"
        " → biro-umum. Salah satu unit harus punya induk lain"
    ) in _errors(capsys.readouterr().err)


def test_an_oversized_file_is_refused_before_parsing(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    (project.content / "unit" / "biro-baru.yml").write_text(
        "catatan: " + "x" * 300_000 + "\n", encoding="utf-8"
    )
    assert project.run("check", "--tanpa-peringatan") == 1
    assert _errors(capsys.readouterr().err) == [
        "content/unit/biro-baru.yml:1:1: galat: berkas terlalu besar (300010 bita; batasnya 262144 bita). Pecah"
        " isinya menjadi beberapa berkas"
    ]


def test_warnings_are_listed_separately(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    project.edit("unit/biro-umum.yml", "sumber:\n  - daftar-unit\n", "")
    project.edit(
        "unit/biro-umum.yml", "# yaml-language-server: $schema=../../schema/unit.schema.json\n", ""
    )
    assert project.run("check") == 0
    out = capsys.readouterr().out
    assert re.search(r"^Peringatan \(\d+\), untuk diperiksa peninjau:$", out, re.MULTILINE)
    assert (
        "content/unit/biro-umum.yml:1:5: peringatan: id: unit ini belum punya sumber. Tambahkan 'sumber:' dengan id"
        " dari content/sumber.yml"
    ) in out
    assert (
        "content/unit/biro-umum.yml:1:1: peringatan: baris pertama sebaiknya '# yaml-language-server:"
        " $schema=../../schema/unit.schema.json' agar editor dapat memeriksa dan melengkapi kolom saat Anda mengetik"
    ) in out


def test_every_problem_of_the_corpus_has_a_known_message_id(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    """`check --format json` names every problem (warnings too) by its id in messages.py (on the
    small project, like the corpus's other tests: `check` of the real content, once per mistake,
    made this test about four times slower)."""
    from generator.messages import MESSAGES

    project = minimal_project

    for mistake in MISTAKES.values():
        target = project.content / mistake.target
        original = target.read_bytes() if target.is_file() else None
        target.write_bytes(mistake.path.read_bytes())
        project.run("check", "--format", "json")
        reported = json.loads(capsys.readouterr().out)
        assert reported, mistake.path.name
        unknown = [p for p in reported if p["code"] not in MESSAGES]
        assert not unknown, (mistake.path.name, unknown)
        if original is None:
            target.unlink()
        else:
            target.write_bytes(original)
