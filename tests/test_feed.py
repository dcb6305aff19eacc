"""The feed of changes (perubahan.xml): entries from the content's git history and from the
structure's recorded changes (generator/plan/feed.py), the Atom document (generator/render/feed.py),
reading the history from git (generator/pipeline/history.py), and the feed in the built site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from generator.model import timeline
from generator.model.organisation import Organisation
from generator.pipeline.history import content_history
from generator.plan.feed import Commit, FileChange, feed
from generator.render.feed import atom
from generator.urls import FEED_FILE, HISTORY_DOC, unit_doc

from .conftest import Project

ATOM = "{http://www.w3.org/2005/Atom}"
EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def _commit(sha: str, time: int, *files: FileChange, first: bool = False) -> Commit:
    return Commit(sha, time, files, first)


def test_without_history_the_structures_changes_make_the_feed(minimal_org: Organisation):
    result = feed(minimal_org, [], EPOCH)
    changes = timeline.changes(minimal_org.units)
    assert changes and len(result.entries) == len(changes)
    assert {e.doc for e in result.entries} == {HISTORY_DOC}
    assert {e.updated for e in result.entries} == {"2026-01-01T00:00:00Z"}
    assert result.updated == "2026-01-01T00:00:00Z"
    assert all(e.title.startswith("Perubahan struktur (") for e in result.entries)
    # An inferred succession is marked as on the pages.
    uncertain = [c for c in changes if any(link.uncertain for link in c.links)]
    marked = [e for e in result.entries if e.title.endswith(("[Inferensi]", "[Perlu verifikasi]"))]
    assert len(marked) >= len(uncertain)


def test_a_commit_names_what_changed_in_reader_words(minimal_org: Organisation):
    before = {"id": "biro-umum", "nama": "Biro Umum", "sumber": ["a"], "keyakinan": "inferensi"}
    after = {**before, "sumber": ["b"], "keyakinan": "terverifikasi", "catatan": "x"}
    commit = _commit("c1", EPOCH + 60, FileChange("M", "unit/biro-umum.yml", before, after))
    (entry,) = [e for e in feed(minimal_org, [commit], EPOCH).entries if e.time == EPOCH + 60]
    assert entry.title == "Diperbarui: Biro Umum"
    assert entry.doc == unit_doc("biro-umum")
    (item,) = entry.items
    assert item.details == ("catatan", "sumber", "tingkat keyakinan")
    assert "sumber" in entry.summary and "keyakinan" in entry.summary
    assert "_" not in entry.summary  # no field names


def test_comment_only_changes_and_unknown_files_make_no_entry(minimal_org: Organisation):
    same = {"id": "biro-umum", "nama": "Biro Umum"}
    commits = [
        _commit("c1", EPOCH + 60, FileChange("M", "unit/biro-umum.yml", same, dict(same))),
        _commit("c2", EPOCH + 120, FileChange("A", "lain/x.yml", None, {})),
    ]
    assert [e for e in feed(minimal_org, commits, EPOCH).entries if e.time > EPOCH] == []


def test_many_records_and_the_first_commit(minimal_org: Organisation):
    files = [FileChange("A", f"unit/{u}.yml", None, {"nama": u}) for u in minimal_org.units]
    files.append(
        FileChange(
            "M",
            "sumber.yml",
            {"x": {"judul": "Lama"}},
            {"x": {"judul": "Baru"}, "y": {"judul": "Y"}},
        )
    )
    first = _commit("c0", EPOCH + 10, *files[:2], first=True)
    later = _commit("c1", EPOCH + 20, *files[2:])
    entries = {
        e.time: e
        for e in feed(minimal_org, [later, first], EPOCH).entries
        if not e.title.startswith("Perubahan struktur")
    }
    assert entries[EPOCH + 10].title == "Isi awal situs"
    assert entries[EPOCH + 10].summary == "Isi pertama situs ini: 2 unit."
    busy = entries[EPOCH + 20]
    assert busy.title.startswith("Perubahan isi: ") and "lainnya" in busy.title
    sources = next(i for i in busy.items if i.label == "Daftar sumber")
    assert sources.doc is None and sources.details == ("ditambahkan: “Y”", "diperbarui: “Baru”")


def test_the_atom_document_is_valid_and_stable(minimal_org: Organisation):
    edit = _commit(
        "c1", EPOCH + 60,
        FileChange("M", "unit/biro-umum.yml", {"nama": "Biro Umum"}, {"nama": "Biro Umum", "sumber": ["b"]}),
    )  # fmt: skip
    plan = feed(minimal_org, [edit], EPOCH)
    document = atom(plan)
    assert document == atom(feed(minimal_org, [edit], EPOCH))  # same input, same bytes
    root = etree.fromstring(document)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author/{*}name"):
        assert root.findtext(f"{ATOM}{tag}"), tag
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(plan.entries) >= 2
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("rel") == "alternate"
    hrefs = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert "struktur/biro-umum/" in hrefs and "struktur/perubahan/" in hrefs
    assert root.find(f"{ATOM}link[@rel='self']") is None


def test_with_the_site_address_links_are_absolute(minimal_org: Organisation):
    root = etree.fromstring(atom(feed(minimal_org, [], EPOCH), "https://contoh.go.id/situs/"))
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert (
        self_link is not None and self_link.get("href") == f"https://contoh.go.id/situs/{FEED_FILE}"
    )
    hrefs = [e.get("href") for e in root.iter(f"{ATOM}link")]
    assert all(h.startswith("https://contoh.go.id/situs/") for h in hrefs)


def _git(folder: Path, *args: str, time: int = EPOCH) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Uji",
        "GIT_AUTHOR_EMAIL": "uji@example.invalid",
        "GIT_COMMITTER_NAME": "Uji",
        "GIT_COMMITTER_EMAIL": "uji@example.invalid",
        "GIT_AUTHOR_DATE": f"@{time} +0000",
        "GIT_COMMITTER_DATE": f"@{time} +0000",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_the_history_is_read_from_git(tmp_path: Path):
    content = tmp_path / "konten"
    (content / "unit").mkdir(parents=True)
    unit = content / "unit" / "biro-umum.yml"
    unit.write_text("nama: Biro Umum\nsumber: [a]\n")
    (tmp_path / "README").write_text("bukan konten\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "awal", time=EPOCH)
    unit.write_text("# komentar\nnama: Biro Umum\nsumber: [b]\n")
    (tmp_path / "README").write_text("berubah\n")
    _git(tmp_path, "commit", "-q", "-am", "ubah", time=EPOCH + 3600)
    (tmp_path / "README").write_text("berubah lagi\n")
    _git(tmp_path, "commit", "-q", "-am", "bukan konten", time=EPOCH + 7200)
    later, first = content_history(content)
    assert (later.time, later.first, first.time, first.first) == (EPOCH + 3600, False, EPOCH, True)
    (change,) = later.files
    assert (change.status, change.path) == ("M", "unit/biro-umum.yml")
    assert change.before == {"nama": "Biro Umum", "sumber": ["a"]}
    assert change.after == {"nama": "Biro Umum", "sumber": ["b"]}
    assert [(c.status, c.path) for c in first.files] == [("A", "unit/biro-umum.yml")]


def test_outside_git_there_is_no_history(tmp_path: Path):
    (tmp_path / "unit").mkdir()
    assert content_history(tmp_path) == []


@pytest.mark.site
def test_the_built_site_has_the_feed_linked_from_every_page(built: Project):
    feed_file = built.site / FEED_FILE
    root = etree.fromstring(feed_file.read_bytes())
    assert len(root.findall(f"{ATOM}entry")) >= 1
    home = built.page("")
    assert home.select_one(f"article a[href='{FEED_FILE}']") is not None
    pages = sorted(built.site.rglob("*.html"))
    unlinked = []
    for path in pages:
        tree = built.tree(path.relative_to(built.site).as_posix())
        if tree.xpath("//meta[@http-equiv='refresh']"):
            continue  # a redirect to a moved page, not a page
        links = tree.xpath("//head/link[@rel='alternate' and @type='application/atom+xml']")
        if not (links and links[0].get("title") and links[0].get("href").endswith(FEED_FILE)):
            unlinked.append(path.relative_to(built.site).as_posix())
    assert pages and unlinked == []
