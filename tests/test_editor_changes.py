"""Ordinary editor changes keep the suite green (issue 17's acceptance).

A copy of the real content gets the changes editors make every week: a new bagian under a biro,
a new regulation, a new source, a quoted tugas, a new kabupaten/kota and a new alias. `check`
must accept the copy, and the tests on the real content must pass on it unchanged: they read the
content folder from SITUS_UJI_KONTEN (tests/conftest.py).

By hand, on a folder of your choice::

    python -m tests.test_editor_changes /tmp/salinan/content   # copies content/ there, edits it
    SITUS_UJI_KONTEN=/tmp/salinan/content pytest -n 2 -m "not browser"
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from .conftest import CONTENT, CONTENT_ENV, ROOT

#: The new records; the ids are chosen so they never meet real content.
BUREAU = "biro-umum"
SECTION = "bagian-contoh-penyunting"
REGULATION = "pkpu-98-2098"
SOURCE = "contoh-sumber-penyunting"
PROVINCE = "jawa-barat"
REGENCY_CODE = "32.98"
ALIASED = "biro-logistik"
ALIAS = "Biro Contoh Logistik"


def _add_items(path: Path, key: str, items: list[str]) -> None:
    """Add list items (YAML, written for two-space indentation) to a top-level list, creating it
    when the file has none, the way an editor would type them."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    block = "".join(items)
    if head is None:
        path.write_text(text + f"{key}:\n{block}", encoding="utf-8")
        return
    following = lines[head + 1] if head + 1 < len(lines) else ""
    indent = len(following) - len(following.lstrip(" "))
    if indent != 2:  # the file writes its items at another indentation: follow it
        block = "".join(
            (" " * indent + line[2:] if line.startswith("  ") else line)
            for line in block.splitlines(keepends=True)
        )
    lines.insert(head + 1, block)
    path.write_text("".join(lines), encoding="utf-8")


def _new_file(path: Path, text: str) -> None:
    assert not path.exists(), f"{path} sudah ada: pilih id lain untuk skenario ini"
    path.write_text(text, encoding="utf-8")


def apply_editor_changes(content: Path) -> list[str]:
    """Make the six ordinary changes in ``content``; returns what was done, one line each."""
    sources = yaml.safe_load((content / "sumber.yml").read_text(encoding="utf-8"))
    assert SOURCE not in sources, f"sumber '{SOURCE}' sudah ada"
    with (content / "sumber.yml").open("a", encoding="utf-8") as handle:
        handle.write(
            f"\n{SOURCE}:\n"
            '  judul: "Contoh sumber yang ditambahkan penyunting"\n'
            "  url: https://example.org/contoh-sumber\n"
            "  jenis: primer\n"
        )
    _new_file(
        content / "peraturan" / f"{REGULATION}.yml",
        "# yaml-language-server: $schema=../../schema/peraturan.schema.json\n"
        f"id: {REGULATION}\n"
        "jenis: pkpu\n"
        "nomor: 98\n"
        "tahun: 2098\n"
        "tentang: Contoh Peraturan yang Ditambahkan Penyunting\n"
        "status: berlaku\n"
        "ditetapkan: 2098-01-02\n"
        "sumber:\n"
        f"  - {SOURCE}\n"
        "keyakinan: terverifikasi\n",
    )
    bureau = yaml.safe_load((content / "unit" / f"{BUREAU}.yml").read_text(encoding="utf-8"))
    _new_file(
        content / "unit" / f"{SECTION}.yml",
        "# yaml-language-server: $schema=../../schema/unit.schema.json\n"
        f"id: {SECTION}\n"
        "nama: Bagian Contoh Penyunting\n"
        "jenis: bagian\n"
        f"induk: {BUREAU}\n"
        "dasar_hukum:\n"
        f"  - peraturan: {REGULATION}\n"
        "sumber:\n"
        f"  - {SOURCE}\n"
        "keyakinan: terverifikasi\n",
    )
    _add_items(
        content / "unit" / f"{BUREAU}.yml",
        "ketentuan",
        [
            "  - topik: tugas\n",
            f"    peraturan: {REGULATION}\n",
            "    pasal: Pasal 5\n",
            f'    teks: "{bureau["nama"]} mempunyai tugas melaksanakan contoh tugas:"\n',
            "    butir:\n",
            "      - a. menyiapkan contoh; dan\n",
            "      - b. memeriksa contoh.\n",
        ],
    )
    _add_items(
        content / "wilayah" / f"{PROVINCE}.yml",
        "kabupaten_kota",
        [f'  - kode: "{REGENCY_CODE}"\n', '    nama: "Kabupaten Contoh Penyunting"\n'],
    )
    _add_items(
        content / "unit" / f"{ALIASED}.yml",
        "alias",
        [f"  - nama: {ALIAS}\n", "    jenis: informal\n"],
    )
    return [
        f"sumber baru '{SOURCE}' di sumber.yml",
        f"peraturan baru '{REGULATION}'",
        f"bagian baru '{SECTION}' di bawah '{BUREAU}'",
        f"kutipan tugas pada '{BUREAU}' dari '{REGULATION}'",
        f"kabupaten/kota baru {REGENCY_CODE} di '{PROVINCE}'",
        f"alias '{ALIAS}' pada '{ALIASED}'",
    ]


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    apply_editor_changes(content)
    return content


def test_the_changes_pass_check_and_reach_the_model(
    edited: Path, capsys: pytest.CaptureFixture[str]
):
    from .conftest import load_org

    assert main(["check", "--content", str(edited), "--tanpa-peringatan"]) == 0
    org = load_org(edited)
    section = org.units[SECTION]
    assert org.parent(section) is org.units[BUREAU]
    assert len(org.ancestors(section)) == 3  # below eselon II: not on the overview chart
    assert REGULATION in org.regulations and SOURCE in org.sources
    quoted = [(p.topik.value, p.peraturan) for p in org.units[BUREAU].ketentuan]
    assert ("tugas", REGULATION) in quoted
    assert any(s.kode == REGENCY_CODE for s in org.regional.regencies())
    assert ALIAS in [a.nama for a in org.units[ALIASED].alias]


#: Test files that read the real content (fixtures built, org, project, or CONTENT itself).
REAL_CONTENT_TESTS = [
    "tests/test_site.py",
    "tests/test_regions.py",
    "tests/test_opendata.py",
    "tests/test_history_page.py",
    "tests/test_publish.py",
    "tests/test_book.py",
    "tests/test_unrendered.py",
    "tests/test_feed.py",
    "tests/test_reader_view.py",
    "tests/test_model.py",
    "tests/test_completeness.py",
    "tests/test_search_names.py",
    "tests/test_stem.py",
    "tests/test_rules.py",
    "tests/test_schema.py",
    "tests/test_check.py",
    "tests/test_timeline.py",
    "tests/importer/test_apply.py",
]


@pytest.mark.slow
@pytest.mark.site
def test_the_tests_on_the_real_content_pass_on_the_edited_content(edited: Path, tmp_path: Path):
    """The acceptance itself: nothing in the tests had to change for ordinary edits."""
    env = {**os.environ, CONTENT_ENV: str(edited), "PYTHONPATH": str(ROOT)}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("PYTEST_XDIST_TESTRUNUID", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", *REAL_CONTENT_TESTS, "-q", "-p", "no:cacheprovider",
         "-m", "not browser", "-x", "--no-header", "-n", "0", "--basetemp", str(tmp_path / "uji")],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


if __name__ == "__main__":
    target = Path(sys.argv[1]).resolve()
    shutil.copytree(CONTENT, target)
    for change in apply_editor_changes(target):
        print(f"- {change}")
    print(f"Konten dengan perubahan penyunting di {target}.")
