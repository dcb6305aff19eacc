"""Shared fixtures and helpers, one per job: throwaway copies of the project, the real site built
once per test run (shared by pytest-xdist workers), one local HTTP server, one browser setup, and
one git repository for the diff tests.

SITUS_UJI_KONTEN=/path/to/content runs the tests on the real content against another content
folder (tests/test_editor_changes.py does so with a copy carrying ordinary editor changes).
"""

from __future__ import annotations

import atexit
import fcntl
import functools
import http.server
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.pipeline.build import NO_BOOK_ENV
from generator.urls import GENERATED_DIRS, GENERATED_FILES

ROOT = Path(__file__).resolve().parent.parent
#: The content the tests on "the real content" read: content/, or the folder SITUS_UJI_KONTEN names.
CONTENT_ENV = "SITUS_UJI_KONTEN"
CONTENT = Path(os.environ.get(CONTENT_ENV) or ROOT / "content").resolve()
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
GOLDEN = ROOT / "tests" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--perbarui-golden",
        action="store_true",
        help="tulis ulang berkas golden di tests/golden/ dari keluaran sekarang (tinjau diff-nya)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>; with --perbarui-golden, rewrite the file instead."""
    update = request.config.getoption("--perbarui-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"{path} belum ada: jalankan pytest --perbarui-golden"
        assert text == path.read_text(encoding="utf-8"), f"berbeda dari {path}"

    return check


@dataclass(frozen=True)
class Project:
    """A copy of the project in a temporary folder: its content can be changed freely.

    Its builds skip the printable book (SITUS_TANPA_BUKU=1) unless ``book`` is set: only tests
    about the book pay for WeasyPrint.
    """

    root: Path
    book: bool = False

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    def unit_file(self, unit_id: str) -> Path:
        return self.content / "unit" / f"{unit_id}.yml"

    def edit(self, relative: str, old: str, new: str) -> Path:
        """Replace text in a content file; fails loudly when ``old`` is not there."""
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    def where(self, relative: str, value: str) -> str:
        """'line:column' of the first occurrence of ``value`` in a content file (1-based)."""
        for number, text in enumerate(
            (self.content / relative).read_text(encoding="utf-8").splitlines(), 1
        ):
            if value in text:
                return f"{number}:{text.index(value) + 1}"
        raise AssertionError(f"{value!r} not in {relative}")

    def run(self, *args: str) -> int:
        """Run the CLI against this project."""
        command, *rest = args
        options = ["--content", str(self.content), "--config", str(self.config)]
        if command == "build":
            options += ["--site", str(self.site)]
        with _environment(self.env_changes()):
            return main([command, *options, *rest])

    def env_changes(self) -> dict[str, str | None]:
        """What this project's builds change in the environment (None: unset)."""
        return {NO_BOOK_ENV: None if self.book else "1"}

    def env(self) -> dict[str, str]:
        """The environment for a build of this project in another process."""
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        for name, value in self.env_changes().items():
            env.pop(name, None)
            if value is not None:
                env[name] = value
        return env

    def git(self, *args: str) -> str:
        """Run git in this project's folder (a throwaway author; no global configuration)."""
        return subprocess.run(
            ["git", "-C", str(self.root), "-c", "user.name=Uji",
             "-c", "user.email=uji@example.invalid", "-c", "commit.gpgsign=false", *args],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    def page(self, url_path: str) -> BeautifulSoup:
        """The built HTML page at a site path such as 'struktur/biro-umum/' (parsed once)."""
        return parse_html(self.page_file(url_path))

    def tree(self, url_path: str) -> lxml.html.HtmlElement:
        """The same page as an lxml tree: for tests that read every page (parsed once)."""
        return parse_tree(self.page_file(url_path))

    def page_file(self, url_path: str) -> Path:
        target = self.site / url_path
        if target.is_dir() or url_path.endswith("/") or not url_path:
            target = target / "index.html"
        return target


@contextmanager
def _environment(changes: dict[str, str | None]) -> Iterator[None]:
    """Set (or, for None, unset) environment variables for the duration of the block."""
    saved = {name: os.environ.get(name) for name in changes}

    def apply(values: dict[str, str | None]) -> None:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    apply(changes)
    try:
        yield
    finally:
        apply(saved)


@functools.cache
def parse_html(path: Path) -> BeautifulSoup:
    """Parse a built page once per test run; tests only read the tree."""
    return BeautifulSoup(path.read_bytes(), "lxml")


@functools.cache
def parse_tree(path: Path) -> lxml.html.HtmlElement:
    """Parse a built page with lxml once per test run: ~30 times faster than BeautifulSoup, for
    the tests that read all 600 pages. Select with XPath (``has_class`` helps)."""
    return lxml.html.fromstring(path.read_bytes())


#: Elements whose text BeautifulSoup's get_text() leaves out (it keeps only ordinary strings).
_NOT_TEXT = frozenset({"script", "style", "template", "rt", "rp"})


#: Where BeautifulSoup keeps whitespace-only strings as they are.
_KEEPS_SPACE = frozenset({"pre", "textarea"})


def tree_strings(element: lxml.html.HtmlElement, keep_space: bool = False) -> Iterator[str]:
    """The strings of an lxml element that BeautifulSoup's ``get_text()`` joins, in order: no
    comments, nothing inside script, style, template or ruby annotations, and a whitespace-only
    string outside pre and textarea as one newline (when it holds one) or one space."""
    if element.tag in _NOT_TEXT:
        return
    keep_space = keep_space or element.tag in _KEEPS_SPACE

    def string(text: str) -> str:
        if keep_space or text.strip(" \n\t\f\r"):
            return text
        return "\n" if "\n" in text else " "

    if element.text:
        yield string(element.text)
    for child in element:
        if isinstance(child.tag, str):  # comments and processing instructions have no text here
            yield from tree_strings(child, keep_space)
        if child.tail:
            yield string(child.tail)


def tree_text(element: lxml.html.HtmlElement, separator: str = "") -> str:
    """``get_text(separator)`` of BeautifulSoup, for an lxml element."""
    return separator.join(tree_strings(element))


def tree_string(element: lxml.html.HtmlElement) -> str | None:
    """BeautifulSoup's ``.string`` for an lxml element: its only string, looking through a chain of
    only children; None when it has several children or none."""
    children = list(element)
    if not children:
        return element.text
    if len(children) == 1 and not element.text and not children[0].tail:
        child = children[0]
        return tree_string(child) if isinstance(child.tag, str) else child.text  # a comment
    return None


def text_of(node: Any) -> str:
    """An element's text as the reader sees it, whitespace collapsed (BeautifulSoup)."""
    return " ".join(node.get_text(" ").split())


def heading_text(element: Any) -> str:
    """A heading's text as the reader sees it, without the permalink sign (BeautifulSoup)."""
    return "".join(
        t for t in element.find_all(string=True) if not t.find_parent(class_="headerlink")
    ).strip()


def fetch(url: str, timeout: float = 10.0) -> tuple[int, bytes]:
    """GET a local URL: its status and body (an error status is an answer, not an exception)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def has_class(name: str) -> str:
    """An XPath predicate: the element has the class ``name`` (like CSS ``.name``)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


@functools.cache
def _shared_book_cache() -> Path:
    import atexit
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="buku-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def copy_project(
    destination: Path,
    fixture: Path | None = None,
    content: Path | None = None,
    *,
    book: bool = False,
) -> Project:
    """Copy the project (content, config, hand-written pages) into ``destination``.

    With ``fixture``, the copy holds that small project instead: its content, its hand-written
    pages and its navigation, on top of the real configuration and assets. ``book``: its builds
    lay out the printable book too.
    """
    destination.mkdir(parents=True, exist_ok=True)
    if fixture is None:
        shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
        shutil.copytree(content or CONTENT, destination / "content")
        # Only the hand-written pages: the generated folders are git-ignored and rebuilt.
        shutil.copytree(
            ROOT / "docs",
            destination / "docs",
            ignore=lambda folder, names: [
                n
                for n in names
                if Path(folder) == ROOT / "docs" and n in (*GENERATED_DIRS, *GENERATED_FILES)
            ],
        )
    else:
        shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.base.yml")
        shutil.copy2(fixture / "mkdocs.yml", destination / "mkdocs.yml")
        shutil.copytree(fixture / "content", destination / "content")
        shutil.copytree(fixture / "docs", destination / "docs")
        shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
    # MkDocs finds the hook and the theme overrides relative to mkdocs.yml.
    (destination / "generator").symlink_to(ROOT / "generator")
    # Copies of one content lay out the same printable book: they share its cache.
    (destination / ".tembolok").mkdir(exist_ok=True)
    (destination / ".tembolok" / "buku").symlink_to(_shared_book_cache(), target_is_directory=True)
    (destination / "overrides").symlink_to(ROOT / "overrides")
    return Project(destination, book)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (made if missing): one pytest-xdist worker at
    a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_folder(factory: pytest.TempPathFactory, name: str) -> Path:
    """A folder for this test run, the same for every pytest-xdist worker."""
    base = factory.getbasetemp()
    # Each worker's basetemp is <run>/popen-gwN; the run's folder is shared by all of them.
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / f"bersama-{name}"


def shared_project(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Project]
) -> Project:
    """``make`` a project in a folder once per test run, even when pytest-xdist runs several
    workers: the first worker to ask makes it under a file lock, the others wait and reuse it.

    Only for projects the tests read and never change.
    """
    folder = run_folder(factory, name)
    done = folder / "selesai.json"
    with locked(folder.with_suffix(".lock")):
        if done.is_file():
            saved = json.loads(done.read_text(encoding="utf-8"))
            return Project(Path(saved["root"]), saved["book"])
        shutil.rmtree(folder, ignore_errors=True)
        project = make(folder / "proyek")
        done.write_text(json.dumps({"root": str(project.root), "book": project.book}))
        return project


# The real site takes the longest to build: it is built in a separate process that starts with
# the first test, so both workers keep testing meanwhile; ``built`` waits for it.
_SITE_RUNNER = """
import os, sys
from pathlib import Path
from generator.cli import main
code = main(sys.argv[2:])
Path(sys.argv[1] + ".baru").write_text(str(code))
os.replace(sys.argv[1] + ".baru", sys.argv[1])
"""
SITE_BUILD_TIMEOUT = 1200.0


def _site_folder(factory: pytest.TempPathFactory) -> Path:
    return run_folder(factory, "situs")


def start_site_build(factory: pytest.TempPathFactory) -> None:
    """Start building the real site (book included) in the background, once per test run."""
    folder = _site_folder(factory)
    with locked(folder.with_suffix(".lock")):
        if (folder / "mulai").is_file():
            return
        shutil.rmtree(folder, ignore_errors=True)
        project = copy_project(folder / "proyek", book=True)
        options = ["--content", str(project.content), "--config", str(project.config)]
        with (folder / "bangun.log").open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-c", _SITE_RUNNER, str(folder / "kode-keluar"), "build",
                 *options, "--site", str(project.site)],
                cwd=project.root, env=project.env(), stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        _STARTED.append(process)
        (folder / "mulai").write_text(str(process.pid))


_STARTED: list[subprocess.Popen[bytes]] = []


@atexit.register
def _stop_site_build() -> None:
    """An interrupted run does not leave the build running."""
    for process in _STARTED:
        if process.poll() is None:
            process.terminate()


def wait_for_site(factory: pytest.TempPathFactory) -> Project:
    """The real site once its background build has finished (started here if it was not)."""
    start_site_build(factory)
    folder = _site_folder(factory)
    exit_file = folder / "kode-keluar"
    deadline = time.monotonic() + SITE_BUILD_TIMEOUT
    while not exit_file.is_file():
        pid = int((folder / "mulai").read_text())
        if not _alive(pid) and not exit_file.is_file():
            pytest.fail(f"pembangunan situs berhenti tanpa hasil:\n{_tail(folder / 'bangun.log')}")
        if time.monotonic() > deadline:
            pytest.fail(f"pembangunan situs melewati batas waktu:\n{_tail(folder / 'bangun.log')}")
        time.sleep(0.2)
    for process in _STARTED:
        process.wait()
    if exit_file.read_text() != "0":
        pytest.fail(f"pembangunan situs gagal:\n{_tail(folder / 'bangun.log')}")
    return Project(folder / "proyek", book=True)


def _alive(pid: int) -> bool:
    if any(p.pid == pid for p in _STARTED):
        return next(p for p in _STARTED if p.pid == pid).poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-4000:] if log.is_file() else ""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A fresh, writable copy of the real project."""
    return copy_project(tmp_path / "proyek")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[str], Project]:
    """Make several independent copies of the project in one test."""

    def make(name: str) -> Project:
        return copy_project(tmp_path / name)

    return make


def _build(project: Project, *args: str) -> Project:
    assert project.run("build", *args) == 0
    return project


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real content, built once per test run into a real site with MkDocs, book included."""
    return wait_for_site(tmp_path_factory)


@pytest.fixture(scope="session", autouse=True)
def _site_build_starts_early(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """When any selected test needs the real site, its build starts with the first test."""
    if any("built" in getattr(item, "fixturenames", ()) for item in request.session.items):
        start_site_build(tmp_path_factory)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of the real site run last, so its build has the rest of the run to finish in; within
    each part the slow tests come first, so pytest-xdist's workers finish together (it hands the
    tests out in this order, one at a time).

    With SITUS_UJI_KONTEN, only the tests that read the content run: the others would repeat,
    on the same small project, what the run without it has shown.
    """
    if os.environ.get(CONTENT_ENV):
        other = [item for item in items if not reads_the_content(item)]
        if other:
            config.hook.pytest_deselected(items=other)
            items[:] = [item for item in items if item not in set(other)]
    items.sort(
        key=lambda item: (
            "built" in getattr(item, "fixturenames", ()),
            item.get_closest_marker("slow") is None,
        )
    )


#: The fixtures made from the content folder (CONTENT).
CONTENT_FIXTURES = frozenset({"built", "served", "org", "project", "make_project"})


def reads_the_content(item: pytest.Item) -> bool:
    """Whether a test reads the content folder: through a fixture made from it, or by naming
    CONTENT in its own code or in the code of one of its fixtures."""
    names = set(getattr(item, "fixturenames", ()))
    if names & CONTENT_FIXTURES:
        return True
    functions = [getattr(item, "function", None)]
    info = getattr(item, "_fixtureinfo", None)
    if info is not None:
        functions += [d.func for defs in info.name2fixturedefs.values() for d in defs]
    return any(_names_content(f) for f in functions if f is not None)


@functools.cache
def _names_content(function: Callable[..., object]) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return True  # unknown: keep the test
    return re.search(r"\bCONTENT\b", source) is not None


PAYLOAD = '<script>alert(1)</script> <img src=x onerror=alert(2)> "]; x [label=" \\N *tebal* [tautan](javascript:alert(3))'
HOSTILE_NAME = f"Biro Umum {PAYLOAD}"


def _q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML string


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small project with hostile text in every kind of editor field, built once."""
    return shared_project(tmp_path_factory, "racun", _hostile)


def _hostile(folder: Path) -> Project:
    # Its book is laid out too: editor text must print as text.
    project = copy_project(folder, MINIMAL, book=True)
    unit = "unit/biro-umum.yml"
    project.edit(unit, "nama: Biro Umum", f"nama: {_q(HOSTILE_NAME)}")
    project.edit(unit, "kepala: Kepala Biro Umum", f"kepala: {_q(PAYLOAD)}")
    project.edit(
        unit,
        "  - nama: Biro Rumah Tangga\n    jenis: informal",
        f"  - nama: {_q(PAYLOAD)}\n    jenis: informal\n    catatan: {_q(PAYLOAD)}",
    )
    project.edit(
        unit,
        "keyakinan: terverifikasi",
        "keyakinan: terverifikasi\nketentuan:\n  - topik: tugas\n    peraturan: uu-7-2017\n"
        f"    pasal: {_q(PAYLOAD)}\n    teks: {_q(PAYLOAD)}\n    butir: [{_q(PAYLOAD)}]\ncatatan: {_q(PAYLOAD)}",
    )
    project.edit(
        "sumber.yml",
        'judul: "Daftar satuan kerja pusat',
        "judul: " + _q(PAYLOAD)[:-1] + " Daftar satuan kerja pusat",
    )
    return _build(project, "--tanpa-peringatan")


def load_org(content: Path):
    from generator.content.load import load_content
    from generator.content.validate import check
    from generator.model.organisation import Organisation

    checked = check(load_content(content))
    assert checked.records is not None, [p.format() for p in checked.errors]
    return Organisation.build(checked.records)


@pytest.fixture(scope="session")
def org():
    """The real content as a model (tests on it check invariants, never today's numbers)."""
    return load_org(CONTENT)


@pytest.fixture(scope="session")
def minimal_org():
    """The small fixture organisation as a model (tests on it may pin exact values)."""
    return load_org(MINIMAL / "content")


@pytest.fixture(scope="session")
def minimal_generated(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The small project with its pages generated (no site), once per test run: for tests that
    only read the pages."""
    return shared_project(tmp_path_factory, "kecil-dibuat", _generate_minimal)


#: The edition the shared small pages stand for (1 January 2027): what is judged out of date on
#: them (an office holder's source) is judged against it, never against the day the tests run.
EDITION_EPOCH = "1798761600"


def _generate_minimal(folder: Path) -> Project:
    project = copy_project(folder, MINIMAL)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EDITION_EPOCH)
        assert project.run("generate", "--tanpa-peringatan") == 0
    return project


@pytest.fixture
def minimal_project(tmp_path: Path) -> Project:
    """A writable copy of the project whose content is the small fixture organisation."""
    return copy_project(tmp_path / "kecil", MINIMAL)


@pytest.fixture
def minimal_book_project(tmp_path: Path) -> Project:
    """The same, for tests about the printable book: its builds lay the book out too."""
    return copy_project(tmp_path / "kecil", MINIMAL, book=True)


# --- one local HTTP server ---------------------------------------------------------------------


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site quietly; like GitHub Pages, a missing address gets the site's 404.html
    (with status 404) when the site has one."""

    not_found: Path | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(root: Path, not_found: Path | None = None) -> Iterator[str]:
    """Serve ``root`` on a free loopback port and yield its base URL (ending in '/'); missing
    paths get ``not_found`` with status 404 when given."""
    handler = type("Handler", (_SiteHandler,), {"not_found": not_found})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(root))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    _SERVED[base] = root
    try:
        yield base
    finally:
        del _SERVED[base]
        server.shutdown()
        server.server_close()


#: The folders serve() is serving, by base URL.
_SERVED: dict[str, Path] = {}


@pytest.fixture(scope="session")
def served(built: Project) -> Iterator[str]:
    """The real site (``built``) served like GitHub Pages on a free local port: its base URL."""
    with serve(built.site, built.site / "404.html") as base:
        yield base


# --- one browser setup --------------------------------------------------------------------------

# CHROMIUM may name another Chromium-based browser already on the machine (e.g. on GitHub runners).
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Screenshots and reports of the browser tests.
ARTIFACTS = ROOT / "test-artifacts"


@dataclass
class Watch:
    """What a page did that it should not: console errors, and requests that left the machine;
    and the requests still under way (for ``settle``)."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pending: set[object] = field(default_factory=set)


#: Every address but the local server's: only these requests are stopped in Python, so the
#: page's own requests never wait on the test process.
ELSEWHERE = re.compile(
    r"^(?!https?://(?:127\.0\.0\.1|localhost)(?::\d+)?(?:[/?#]|$))", re.IGNORECASE
)
#: The site's search index, which Material's search worker fetches and indexes on every page load.
SEARCH_INDEX = "**/search/search_index.json"


@functools.cache
def _empty_index(index: bytes) -> bytes:
    """The search index with its configuration and no documents."""
    return json.dumps({**json.loads(index), "docs": []}).encode()


@functools.cache
def _empty_index_file(path: Path, modified: int, size: int) -> bytes:
    """The same for an index file that serve() serves, read once while it stays unchanged (the
    browser would otherwise hand its 2 MB to this process on every page load)."""
    return _empty_index(path.read_bytes())


def _served_file(url: str) -> Path | None:
    """The file serve() answers ``url`` with, when it serves that address and the file exists."""
    for base, root in _SERVED.items():
        if url.startswith(base):
            path = root / urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
            return path if path.is_file() else None
    return None


@dataclass
class _Tab:
    """One browser tab that open_page hands out again: its handlers report to ``watch``, which
    each open_page replaces."""

    page: Any
    cdp: Any
    watch: Watch = field(default_factory=Watch)


#: The tabs open_page reuses, by browser and settings. A new browser context (and its renderer
#: process) costs Chromium about a second of CPU; a new page in a used tab a fraction of that.
_TABS: dict[tuple[int, int, int, bool, bool], _Tab] = {}


def open_page(
    browser: object,
    base: str,
    *,
    width: int = 1280,
    dark: bool = False,
    height: int = 900,
    search: bool = False,
) -> tuple[Any, Watch]:
    """A page at ``width`` px, light or dark, that refuses (and records) requests leaving the
    machine, and records console errors and dialogs. Nothing is loaded yet:
    ``page.goto(base + path)``.

    The page is a tab of its own browser context, handed out again (blank, its storage cleared,
    its size and colour scheme restored) by the next call with the same settings: use one page
    at a time.

    Unless ``search``, the page's search gets an index with no documents: indexing the real one
    takes Chromium a second or two of CPU on every page load, for tests that never search.
    """
    key = (id(browser), width, height, dark, search)
    tab = _TABS.get(key)
    if tab is None or tab.page.is_closed():
        tab = _TABS[key] = _new_tab(browser, width, height, dark, search)
    else:
        page = tab.page
        origin = re.match(r"https?://[^/]+", page.url)
        # Left first: a page still open could write its storage again (Material keeps the
        # palette there when the colour scheme changes), so it is cleared once nothing of the
        # site runs.
        page.goto("about:blank")
        if origin:
            tab.cdp.send(
                "Storage.clearDataForOrigin",
                {"origin": origin.group(), "storageTypes": "local_storage,session_storage"},
            )
        page.context.clear_cookies()
        if page.viewport_size != {"width": width, "height": height}:
            page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(color_scheme="dark" if dark else "light")
    tab.watch = Watch()
    return tab.page, tab.watch


def _new_tab(browser: Any, width: int, height: int, dark: bool, search: bool) -> _Tab:
    context = browser.new_context(
        viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light"
    )
    page = context.new_page()
    tab = _Tab(page, context.new_cdp_session(page))

    def refuse(request_route: Any) -> None:
        tab.watch.outside.append(request_route.request.url)
        request_route.abort()

    def empty_index(request_route: Any) -> None:
        served = _served_file(request_route.request.url)
        if served is not None:
            stat = served.stat()
            body = _empty_index_file(served, stat.st_mtime_ns, stat.st_size)
            request_route.fulfill(status=200, content_type="application/json", body=body)
            return
        response = request_route.fetch()
        body = _empty_index(response.body()) if response.ok else response.body()
        request_route.fulfill(response=response, body=body)

    page.route(ELSEWHERE, refuse)
    if not search:
        page.route(SEARCH_INDEX, empty_index)
    page.on("request", lambda request: tab.watch.pending.add(request))
    page.on("requestfinished", lambda request: tab.watch.pending.discard(request))
    page.on("requestfailed", lambda request: tab.watch.pending.discard(request))
    page.on(
        "console",
        lambda message: message.type == "error" and tab.watch.errors.append(message.text),
    )
    page.on("pageerror", lambda error: tab.watch.errors.append(str(error)))
    page.on("dialog", lambda dialog: (tab.watch.dialogs.append(dialog.message), dialog.dismiss()))
    return tab


def settle(page: object, watch: Watch) -> None:
    """Wait until the page has loaded and every request it made has finished (Playwright's
    'networkidle' waits half a second more, on every page)."""
    page.wait_for_load_state("load")  # type: ignore[attr-defined]
    while watch.pending:
        page.wait_for_timeout(20)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One Chromium for every browser test: Playwright's sync API allows one driver at a time."""

    from playwright import sync_api as playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Chromium tidak ada: pasang paket Debian 'chromium' (make test memasangnya bila "
            "dijalankan sebagai root)"
        )
    with playwright.sync_playwright() as driver:
        instance = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


# --- one git repository for the diff tests ----------------------------------------------------


@pytest.fixture
def git_repo(minimal_project: Project) -> Project:
    """The small project with its content committed once in a new git repository."""
    minimal_project.git("init", "-q")
    minimal_project.git("add", "content")
    minimal_project.git("commit", "-q", "-m", "awal")
    return minimal_project


def diff_json_agrees(
    content: Path, revision: str, markdown: str, code: int, capsys: pytest.CaptureFixture[str]
) -> dict[str, Any]:
    """Run `diff --format json` after a Markdown diff: it exits alike and holds every change
    and broken address the Markdown lists, as data. Returns the JSON."""
    assert main(["diff", revision, "--content", str(content), "--format", "json"]) == code
    data = json.loads(capsys.readouterr().out)
    assert data["revisi"] == revision
    items = [line[2:] for line in markdown.splitlines() if line.startswith("- ")]
    assert len(data["perubahan"]) + len(data["alamat_rusak"]) == len(items)
    for change in data["perubahan"]:
        assert change["subject"] and change["kind"] and "key" in change["record"]
    for broken in data["alamat_rusak"]:
        assert f"`{broken['alamat']}`: {broken['perbaikan']}" in items
    return data
