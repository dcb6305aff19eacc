"""`python -m generator serve`: one rebuild per save, the last good site while content is broken.

The preview runs as a real process on a free loopback port; every wait is bounded.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .conftest import Project, fetch

pytestmark = pytest.mark.site

BUILD_TIMEOUT = 180.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    status, body = fetch(url, timeout=2.0)
    assert status == 200, (url, status)
    return body.decode("utf-8")


def _until(check: Callable[[], bool], timeout: float = BUILD_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("tidak terjadi dalam batas waktu")


def _ctrl_c_stops_it() -> None:
    """Ctrl+C (SIGINT) stops the preview, as in a terminal, even when the tests run where SIGINT
    is ignored (a job started in the background by a script): Python only turns SIGINT into
    KeyboardInterrupt when it is not ignored at start, and the preview would wait out the kill."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Preview:
    def __init__(self, project: Project, log: Path) -> None:
        self.port = _free_port()
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--content", str(project.content),
             "--config", str(project.config), "--site", str(project.site), "--port", str(self.port)],
            cwd=project.root,
            env=project.env(),
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
            preexec_fn=_ctrl_c_stops_it,
        )  # fmt: skip

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@contextmanager
def running_preview(project: Project, log: Path) -> Iterator[Preview]:
    """The preview of ``project``, once it says where it serves; stopped afterwards."""
    server = Preview(project, log)
    try:
        _until(lambda: "Pratinjau di " in server.output() or server.process.poll() is not None)
        assert server.process.poll() is None, server.output()
        yield server
    finally:
        server.stop()


@pytest.fixture
def preview(minimal_project: Project, tmp_path: Path) -> Iterator[Preview]:
    with running_preview(minimal_project, tmp_path / "pratinjau.log") as server:
        yield server


def test_broken_content_keeps_the_last_site_and_a_fix_updates_it(
    preview: Preview, minimal_project: Project
):
    project = minimal_project
    page = preview.url + "struktur/biro-umum/"
    assert "<h1" in _get(page) and "Biro Umum" in _get(page)
    assert _get(preview.url + "__pratinjau") == '{"versi": 1, "galat": 0}'

    # Break a file: the terminal shows the error, and the old page is still served at once.
    unit = project.unit_file("biro-umum")
    good = unit.read_text(encoding="utf-8")
    unit.write_text(good.replace("jenis: biro", "jenis: biroo"), encoding="utf-8")
    _until(lambda: "situs terakhir yang sah tetap ditayangkan" in preview.output())
    assert "content/unit/biro-umum.yml:" in preview.output()
    started = time.monotonic()
    stale = _get(page)
    assert time.monotonic() - started < 2
    assert "Biro Umum" in stale and "Konten berisi 1 galat" in stale
    assert _get(preview.url + "__pratinjau") == '{"versi": 2, "galat": 1}'

    # Fix it with a new name: one rebuild, and the page shows the new name without the banner.
    unit.write_text(
        good.replace("nama: Biro Umum", "nama: Biro Umum dan Protokol"), encoding="utf-8"
    )
    _until(lambda: _get(preview.url + "__pratinjau") == '{"versi": 3, "galat": 0}')
    fresh = _get(page)
    assert "Biro Umum dan Protokol" in fresh
    assert "Konten berisi" not in fresh and "location.reload" in fresh
    time.sleep(1.5)  # a second rebuild would have started by now
    assert preview.output().count("membangun ulang") == 2, preview.output()


def test_the_watcher_hears_saves_not_reads(tmp_path: Path):
    """Builds read every page: a read must not reach the watcher (at 10x the national size the
    reads overflowed the kernel's queue and the preview never showed the edit)."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    from generator.tools.preview import watch

    page = tmp_path / "halaman.md"
    page.write_text("a", encoding="utf-8")
    heard: list[str] = []

    class Heard(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            heard.append(event.event_type)

    observer = Observer()
    watch(observer, Heard(), [tmp_path, tmp_path / "tidak-ada"])
    observer.start()
    try:
        for _ in range(20):
            page.read_text(encoding="utf-8")
        time.sleep(1.0)
        assert heard == []
        page.write_text("b", encoding="utf-8")
        _until(lambda: "modified" in heard, 10)
    finally:
        observer.stop()
        observer.join()
