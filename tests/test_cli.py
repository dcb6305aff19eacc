"""The command line: help, usage errors, atomic builds and rewriting only what changed."""

from __future__ import annotations

import pytest

from generator.cli import main

from .conftest import Project


@pytest.mark.parametrize(
    "args", [["--help"], ["check", "--help"], ["build", "--help"], ["generate", "--help"]]
)
def test_help(args: list[str], capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    expected = "check" if args == ["--help"] else "--content"
    assert expected in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as exit_info:
        main(["bangun"])
    assert exit_info.value.code == 2
    assert "galat: argumen PERINTAH: pilihan tidak sah: 'bangun'" in capsys.readouterr().err


def test_missing_content_folder_is_a_usage_error(tmp_path, capsys: pytest.CaptureFixture[str]):
    assert main(["check", "--content", str(tmp_path / "tidak-ada")]) == 2
    assert capsys.readouterr().err == f"galat: folder konten '{tmp_path / 'tidak-ada'}' tidak ada\n"


def test_check_with_a_missing_config_fails_naming_it(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    """What `check` accepts, `build` builds: a config `build` cannot read fails `check` too."""
    content = str(minimal_project.content)
    assert main(["check", "--content", content, "--config", "nope.yml"]) == 2
    assert capsys.readouterr().err == "galat: berkas konfigurasi 'nope.yml' tidak ada\n"


def test_an_unknown_tag_in_the_config_is_named(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    config = minimal_project.config
    text = config.read_text(encoding="utf-8")
    config.write_text("extra_x: !ENVV [A, b]\n" + text, encoding="utf-8")
    assert minimal_project.run("check") == 1
    assert capsys.readouterr().err == (
        f"galat: konfigurasi MkDocs {config} tidak dapat dibaca: baris 1: tag YAML '!ENVV' tidak "
        "dikenal MkDocs. Periksa ejaannya (mis. !ENV)\n"
    )


def test_the_config_reads_env_as_mkdocs_does(
    minimal_project: Project, monkeypatch: pytest.MonkeyPatch
):
    from generator.pipeline.config import read_config

    config = minimal_project.config
    config.write_text("site_name: x\nrepo_url: !ENV [SITUS_UJI, SITUS_LAIN, 'https://bawaan']\n")
    assert read_config(config)["repo_url"] == "https://bawaan"
    monkeypatch.setenv("SITUS_LAIN", "https://lain")
    assert read_config(config)["repo_url"] == "https://lain"


@pytest.mark.site
def test_failed_build_leaves_the_previous_site_untouched(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    assert project.run("build") == 0
    before = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    project.edit("unit/biro-umum.yml", "induk: deputi-bidang-administrasi", "induk: tidak-ada")
    assert project.run("build") == 1
    err = capsys.readouterr().err
    at = project.where("unit/biro-umum.yml", "tidak-ada")
    assert f"content/unit/biro-umum.yml:{at}: galat: induk: unit 'tidak-ada' tidak ditemukan" in err
    assert "Tidak ada berkas yang diubah." in err
    after = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.site
def test_mkdocs_failure_leaves_the_previous_site_untouched(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    assert project.run("build") == 0
    marker = project.site / "index.html"
    before = marker.read_bytes()
    # A link to an anchor that no page has fails MkDocs' strict build (check reads pages only).
    (project.root / "docs" / "tentang" / "landasan-hukum.md").write_text(
        "[rusak](../index.md#tidak-ada-bagian-ini)\n", encoding="utf-8"
    )
    assert project.run("build") == 1
    assert "MkDocs gagal membangun situs" in capsys.readouterr().err
    assert marker.read_bytes() == before
    assert not list(project.root.glob(".site-*"))


def test_unchanged_regeneration_writes_nothing(
    minimal_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_project
    assert project.run("generate") == 0
    capsys.readouterr()
    assert project.run("generate") == 0
    assert "0 berkas ditulis" in capsys.readouterr().out


def test_one_unit_edit_rewrites_only_pages_that_show_it(
    minimal_book_project: Project, capsys: pytest.CaptureFixture[str]
):
    project = minimal_book_project
    assert project.run("generate") == 0
    docs = project.root / "docs"
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    project.edit("unit/biro-umum.yml", "  - nama: Biro Rumah Tangga\n", "  - nama: Biro RT\n")
    assert project.run("generate") == 0
    changed = {p.relative_to(docs).as_posix() for p in stamps if p.stat().st_mtime_ns != stamps[p]}
    # The alias appears on the unit's own page, in the A–Z index and in the open data only.
    assert changed == {
        "struktur/biro-umum/index.md",
        "indeks/index.md",
        "data/unit.json",
        "unduh/struktur-organisasi-setjen-kpu.pdf",  # the printable book names aliases too
    }


def test_removed_unit_pages_are_pruned(minimal_project: Project):
    project = minimal_project
    assert project.run("generate") == 0
    page = project.root / "docs" / "struktur" / "biro-umum" / "index.md"
    assert page.is_file()
    project.unit_file("biro-umum").unlink()
    assert project.run("generate") == 0
    assert not page.exists()


@pytest.mark.site
def test_a_rebuild_in_the_same_process_compiles_no_theme_template_again(
    minimal_project: Project, monkeypatch: pytest.MonkeyPatch
):
    """MkDocs makes a new Jinja environment for every build: a rebuild in the same process (the
    preview's) reuses the theme's templates as the first build compiled them."""
    from jinja2 import Environment

    compiled: list[str] = []
    original = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: object) -> object:
        compiled.append(str(name))
        return original(self, source, name, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(Environment, "compile", counting)
    project = minimal_project
    assert project.run("build", "--tanpa-peringatan") == 0
    compiled.clear()
    project.edit("unit/biro-umum.yml", "nama: Biro Umum", "nama: Biro Umum dan Protokol")
    assert project.run("build", "--tanpa-peringatan") == 0
    assert "Biro Umum dan Protokol" in project.page("struktur/biro-umum/").get_text()
    # Material reads its language partials through an environment of its own, at every build.
    theme = [n for n in compiled if n.endswith(".html") and not n.startswith("partials/language")]
    assert theme == []


def test_a_bug_is_reported_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    def broken(*args):
        raise RuntimeError("contoh")

    monkeypatch.delenv("GENERATOR_DEBUG", raising=False)
    monkeypatch.setattr("generator.cli.check_content", broken)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "galat internal: RuntimeError: contoh. Ini kesalahan program, bukan konten;"
    )
    assert "Traceback" not in err


@pytest.mark.site
def test_two_clean_builds_are_byte_identical(tmp_path):
    """Two builds in separate processes with different hash seeds make the same bytes."""
    import os
    import subprocess
    import sys

    def build(project: Project, seed: str) -> dict[str, bytes]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1767225600"}
        command = [sys.executable, "-m", "generator", "build", "--tanpa-peringatan"]
        options = ["--content", str(project.content), "--config", str(project.config)]
        subprocess.run(
            [*command, *options, "--site", str(project.site)], check=True, env=env,
            cwd=project.root, capture_output=True,
        )  # fmt: skip
        return {
            p.relative_to(project.site).as_posix(): p.read_bytes()
            for p in project.site.rglob("*")
            if p.is_file()
        }

    from .conftest import MINIMAL, copy_project

    one = build(copy_project(tmp_path / "satu", MINIMAL), "1")
    two = build(copy_project(tmp_path / "dua", MINIMAL), "4242")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
