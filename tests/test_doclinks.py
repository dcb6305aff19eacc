"""Hand-written pages that link to a page the content no longer makes fail `check`, not MkDocs."""

from __future__ import annotations

import pytest

from generator.handwritten.links import broken_links

from .conftest import Project


def test_links_to_planned_and_hand_written_pages_pass():
    pages = {
        "index.md": "[A](struktur/index.md) [B](tentang/x.md#bagian) [C](https://x.id/a.md)",
        "tentang/x.md": "[Balik](../index.md) `[kode](tidak/ada.md)`\n```\n[blok](tidak.md)\n```",
    }
    assert broken_links(pages, ["struktur/index.md"]) == []


def test_a_renamed_unit_breaks_a_hand_written_link_in_check(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    index = minimal_project.root / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\nLihat juga [Biro Umum](struktur/biro-umum/index.md).\n",
        encoding="utf-8",
    )
    assert minimal_project.run("check", "--tanpa-peringatan") == 0
    minimal_project.edit("unit/biro-umum.yml", "id: biro-umum", "id: biro-umum-dan-protokol")
    (minimal_project.content / "unit" / "biro-umum.yml").rename(
        minimal_project.content / "unit" / "biro-umum-dan-protokol.yml"
    )
    assert minimal_project.run("check", "--tanpa-peringatan") == 1
    err = capsys.readouterr().err
    line = len(index.read_text(encoding="utf-8").splitlines())
    assert (
        f"docs/index.md:{line}:24: galat: tautan ke 'struktur/biro-umum/index.md' menuju halaman yang "
        "tidak ada — maksud Anda 'struktur/biro-umum-dan-protokol/index.md'? Bila unit atau "
        "peraturannya diganti id-nya, perbarui tautan ini."
    ) in err
    assert minimal_project.run("build", "--tanpa-peringatan") == 1
    assert "MkDocs" not in capsys.readouterr().err
