"""--terapkan: fills empty fields, adds drafts, keeps comments, reports differences."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline.build import check_content
from generator.tools.importer.naskah import load, sections
from tests.conftest import CONTENT

DATA = Path(__file__).parent / "data"
PKPU = DATA / "pkpu-organisasi.txt"
REGULATION = """id: pkpu-99-2099
jenis: pkpu
nomor: 99
tahun: 2099
tentang: Organisasi dan Tata Kerja Sekretariat Jenderal Komisi Pemilihan Umum
status: berlaku
sumber:
  - uu-7-2017-teks
keyakinan: terverifikasi
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    (copy / "peraturan" / "pkpu-99-2099.yml").write_text(REGULATION, encoding="utf-8")
    setjen = copy / "unit" / "sekretariat-jenderal.yml"
    text = setjen.read_text(encoding="utf-8")
    setjen.write_text(
        text.replace("status: aktif\n", "status: aktif  # catatan editor\n"), encoding="utf-8"
    )
    return copy


def _run(content: Path, *extra: str) -> int:
    return main(["impor-peraturan", str(PKPU), "--terapkan", "--content", str(content), *extra])


def test_facts_are_written_drafts_created_and_differences_reported(
    content: Path, capsys: pytest.CaptureFixture[str]
):
    before = (content / "unit" / "sekretariat-jenderal.yml").read_text(encoding="utf-8")
    assert _run(content) == 0
    out = capsys.readouterr().out
    assert "**Unit ditambahkan (3)**" in out
    assert (
        "- Biro Logistik Pemilu (`biro-logistik-pemilu`), di bawah Sekretariat Jenderal Komisi "
        "Pemilihan Umum (`sekretariat-jenderal`)"
    ) in out
    assert (
        "- sekretariat-jenderal: kepala di konten 'Sekretaris Jenderal KPU', menurut peraturan "
        "'Sekretaris Jenderal'"
    ) in out
    assert (
        "- sekretariat-jenderal: induk 'Komisi Pemilihan Umum' (Pasal 1 ayat (1)) bukan unit di konten"
        in out
    )
    after = (content / "unit" / "sekretariat-jenderal.yml").read_text(encoding="utf-8")
    # The editor's file is only extended: every old line stays, comment included.
    assert after.startswith(before.split("sumber:\n  - uu-7-2017-teks")[0])
    assert "status: aktif  # catatan editor\n" in after
    assert "kepala: Sekretaris Jenderal KPU\n" in after
    assert (
        "  - topik: tugas\n    peraturan: pkpu-99-2099\n    pasal: Pasal 2\n    teks: Sekretariat "
        "Jenderal Komisi Pemilihan Umum mempunyai tugas memberikan dukungan teknis, "
        "administratif, dan keuangan kepada Komisi Pemilihan Umum.\n"
    ) in after
    draft = (content / "unit" / "bagian-distribusi-logistik.yml").read_text(encoding="utf-8")
    assert "induk: biro-logistik-pemilu\n" in draft
    assert "keyakinan: terverifikasi\n" in draft
    assert "  induk:\n    keyakinan: inferensi\n" in draft
    biro = (content / "unit" / "biro-logistik-pemilu.yml").read_text(encoding="utf-8")
    assert "induk: sekretariat-jenderal\nkepala: Kepala Biro\n" in biro
    assert "rincian_keyakinan:\n  jenis:\n" in biro and "  induk:" not in biro
    assert check_content(content).errors == []


def test_a_second_run_changes_nothing(content: Path, capsys: pytest.CaptureFixture[str]):
    assert _run(content) == 0
    files = {p: p.read_bytes() for p in content.rglob("*.yml")}
    capsys.readouterr()
    assert _run(content) == 0
    assert "- (tidak ada; konten sudah sesuai)" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in content.rglob("*.yml")} == files


def test_an_unknown_regulation_writes_nothing(content: Path, capsys: pytest.CaptureFixture[str]):
    (content / "peraturan" / "pkpu-99-2099.yml").unlink()
    files = {p: p.read_bytes() for p in content.rglob("*.yml")}
    assert _run(content) == 1
    assert capsys.readouterr().err == (
        f"galat: Peraturan Komisi Pemilihan Umum Nomor 99 Tahun 2099 belum ada di {content / 'peraturan'}/. "
        "Tambahkan berkas peraturannya lebih dulu, atau sebutkan id-nya dengan --peraturan ID.\n"
        "Tidak ada berkas yang ditulis.\n"
    )
    assert {p: p.read_bytes() for p in content.rglob("*.yml")} == files


def test_naskah_is_written_and_renders_with_anchors(
    content: Path, capsys: pytest.CaptureFixture[str]
):
    assert _run(content, "--peraturan", "pkpu-99-2099", "--naskah") == 0
    text = load(content / "naskah" / "pkpu-99-2099.yml")
    first, *_, last = sections(text)
    assert (first.anchor, first.heading) == ("pasal-1", "Pasal 1")
    assert first.paragraphs == (
        (
            0,
            "(1) Sekretariat Jenderal Komisi Pemilihan Umum berada di bawah dan bertanggung jawab kepada Komisi Pemilihan Umum.",
        ),
        (0, "(2) Sekretariat Jenderal Komisi Pemilihan Umum dipimpin oleh Sekretaris Jenderal."),
    )
    assert first.set_by == "Peraturan Komisi Pemilihan Umum Nomor 99 Tahun 2099"
    assert last.heading == "Pasal 11"
    pasal_6 = sections(text)[5]
    assert pasal_6.paragraphs[3:5] == ((2, "1. surat suara; dan"), (2, "2. kotak suara; dan"))


def test_naskah_needs_terapkan(capsys: pytest.CaptureFixture[str]):
    assert main(["impor-peraturan", str(PKPU), "--naskah"]) == 2
    assert capsys.readouterr().err == "galat: --naskah hanya dapat dipakai bersama --terapkan\n"


def test_naskah_passes_check_and_is_published_on_the_regulation_page(minimal_project):
    # The small fixture project: generating its pages takes a second, not the whole site's.
    project = minimal_project
    content = project.content
    (content / "peraturan" / "pkpu-99-2099.yml").write_text(
        REGULATION.replace("uu-7-2017-teks", "uu-teks"), encoding="utf-8"
    )
    assert _run(content, "--peraturan", "pkpu-99-2099", "--naskah") == 0
    checked = check_content(content)
    assert checked.errors == []
    assert project.run("generate", "--tanpa-peringatan") == 0
    page = (project.root / "docs" / "dasar-hukum" / "pkpu-99-2099.md").read_text(encoding="utf-8")
    assert "## Naskah konsolidasi (tidak resmi)" in page
    assert "### Pasal 1 { #pasal-1 }" in page
    assert "Bunyi ini ditetapkan oleh Peraturan Komisi Pemilihan Umum Nomor 99 Tahun 2099." in page
