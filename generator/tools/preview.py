"""Live preview: rebuild what a save changed, and serve the last good site meanwhile.

``mkdocs serve`` regenerated the pages inside a hook: while the content had an error every request
waited on a rebuild that could not succeed, and the generator's own writes into docs/ triggered a
second rebuild. Here the watcher ignores what the generator writes, waits for a short quiet spell
(one save is often several file events), writes the pages (only those whose bytes change are
touched), and has MkDocs rebuild only those (generator.pipeline.live), writing each into site/
only when all succeeded. The printable book is laid out only when its link is opened. A plain
``http.server`` thread serves site/ all along, so a request never waits for a build. Pages get a
tiny script that polls the build counter and reloads when it changes, and a banner while the
content has errors.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from generator.errors import ContentError, GeneratorError
from generator.escape import html
from generator.pipeline.build import Pages, book_source, write_book, write_pages
from generator.pipeline.config import docs_dir
from generator.pipeline.live import LiveSite
from generator.pipeline.write import WriteReport, write_if_changed
from generator.urls import BOOK_FILE, GENERATED_DIRS

#: Seconds without file events before rebuilding: editors save in several steps.
QUIET = 0.3
#: The address pages poll for the build counter.
STATUS_PATH = "/__pratinjau"
#: Errors listed in the banner; the terminal has them all.
BANNER_ERRORS = 5

_RELOAD = """<script>(function(){var v=%d;setInterval(function(){fetch("%s",{cache:"no-store"})
.then(function(r){return r.json()}).then(function(s){if(s.versi!==v)location.reload()})
.catch(function(){})},500)})()</script>"""
_BANNER = (
    '<div role="alert" style="padding:.75em 1em;background:#8b0000;'
    'color:#fff;font:14px/1.4 sans-serif">Konten berisi {count} galat; halaman ini hasil pembangunan '
    "terakhir yang berhasil. Perbaiki lalu simpan; halaman dimuat ulang sendiri.<ul>{items}</ul></div>"
)
_PLACEHOLDER = (
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pratinjau</title></head>'
    "<body><p>Situs belum dapat dibangun. Lihat galatnya di terminal.</p></body></html>"
)


@dataclass
class State:
    """What the server tells pages: the build counter and the current errors."""

    version: int = 0
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def finish(self, errors: list[str]) -> None:
        with self.lock:
            self.version += 1
            self.errors = errors

    def read(self) -> tuple[int, list[str]]:
        with self.lock:
            return self.version, list(self.errors)


def inject(page: str, version: int, errors: list[str]) -> str:
    """The page with the reload script, and the error banner while there are errors.

    >>> "location.reload" in inject("<body><p>x</p></body>", 3, [])
    True
    >>> "2 galat" in inject("<body>x</body>", 1, ["a", "<b>"]), "&lt;b&gt;" in inject("<body>", 1, ["<b>"])
    (True, True)
    """
    script = _RELOAD % (version, STATUS_PATH)
    head, found, tail = page.partition("</body>")
    page = head + script + found + tail if found else page + script
    if not errors:
        return page
    items = "".join(f"<li>{html(e)}</li>" for e in errors[:BANNER_ERRORS])
    banner = _BANNER.format(count=len(errors), items=items)
    # At the very top of the page, before the site's header, so it is the first thing seen.
    start = page.find("<body")
    end = page.find(">", start) + 1 if start >= 0 else 0
    return page[:end] + banner + page[end:]


class _Handler(SimpleHTTPRequestHandler):
    state: State
    site: Path
    book: Callable[[], bytes]

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal is for build results."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        version, errors = self.state.read()
        if path == STATUS_PATH:
            self._send(json.dumps({"versi": version, "galat": len(errors)}), "application/json")
            return
        if not self.site.is_dir():
            self._send(inject(_PLACEHOLDER, version, errors), "text/html")
            return
        if path == f"/{BOOK_FILE}":
            self._send_book()
            return
        target = Path(self.translate_path(path))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            self._send(inject(target.read_text(encoding="utf-8"), version, errors), "text/html")
            return
        super().do_GET()

    def _send_book(self) -> None:
        """The book, laid out now if the content changed since it last was."""
        try:
            body = type(self).book()
        except GeneratorError as error:
            self._send(f"galat: {error}", "text/plain", status=500)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _send(self, text: str, kind: str, status: int = 200) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


#: What a save makes the kernel report: a file created, changed, written, moved or deleted. Not
#: the openings and closings of reads: every build reads each page under docs/, and at 10x the
#: national size those reads overflowed inotify's queue; the watcher then walked the whole tree
#: again, over and over, and the edit never showed.
SAVE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]


def watch(observer: BaseObserver, handler: FileSystemEventHandler, folders: list[Path]) -> None:
    """Have ``observer`` tell ``handler`` of saves in ``folders`` (those that exist) and below."""
    for folder in folders:
        if folder.is_dir():
            observer.schedule(
                handler, str(folder.resolve()), recursive=True, event_filter=SAVE_EVENTS
            )


class _Changes(FileSystemEventHandler):
    """Notes the time of the last relevant file event; ignores what the generator writes."""

    def __init__(self, ignored: list[Path]) -> None:
        self.ignored = ignored
        self.last = 0.0
        self.event = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Only saves arrive (SAVE_EVENTS): reads are filtered out by the kernel.
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(str(raw)) if raw else None
            if path is None or any(path.is_relative_to(i) for i in self.ignored):
                continue
            name = path.name
            if name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp")):
                continue
            self.last = time.monotonic()
            self.event.set()


class Preview:
    """The preview server and its watcher; ``say`` prints a line for the editor."""

    def __init__(
        self,
        content_dir: Path,
        config_file: Path,
        site_dir: Path,
        port: int,
        say: Callable[[str], None],
    ) -> None:
        self.content_dir, self.config_file, self.site_dir = content_dir, config_file, site_dir
        self.say = say
        self.state = State()
        self.live = LiveSite(config_file, site_dir)
        self.pages: Pages | None = None
        self.book_lock = threading.Lock()
        handler = type(
            "Handler",
            (_Handler,),
            {"state": self.state, "site": site_dir.resolve(), "book": staticmethod(self.book)},
        )
        try:
            self.server = ThreadingHTTPServer(
                ("127.0.0.1", port), partial(handler, directory=str(site_dir.resolve()))
            )
        except OSError as error:
            raise GeneratorError(
                f"port {port} tidak dapat dipakai ({error.strerror}); pilih port lain dengan --port"
            ) from error
        docs = docs_dir(config_file)
        # Resolved: the watcher reports absolute paths.
        self.changes = _Changes([(docs / d).resolve() for d in GENERATED_DIRS])
        self.observer = Observer()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def rebuild(self) -> None:
        """Write the pages and rebuild the changed ones; on errors the old site stays and the
        errors are shown."""
        started = time.monotonic()
        try:
            self.pages = write_pages(self.content_dir, self.config_file)
            written = time.monotonic()
            update = self.live.refresh()
        except ContentError as error:
            lines = [p.format() for p in error.problems]
            self.say(
                f"Konten berisi {len(lines)} galat; situs terakhir yang sah tetap ditayangkan:"
            )
            for line in lines:
                self.say(f"  {line}")
            self.state.finish(lines)
            return
        except GeneratorError as error:
            self.say(f"galat: {error}")
            self.state.finish([str(error)])
            return
        finished = time.monotonic()
        seconds = _seconds(finished - started)
        split = f"halaman {_seconds(written - started)}, MkDocs {_seconds(finished - written)}"
        if update.full:
            self.say(f"Situs dibangun penuh ({update.files} berkas, {seconds} detik: {split}).")
        else:
            self.say(
                f"Situs diperbarui: {len(update.pages)} halaman dibangun ulang "
                f"({update.files} berkas, {seconds} detik: {split})."
            )
        self.state.finish([])

    def book(self) -> bytes:
        """The printable book of the last good content, laid out if it changed (cached by its
        HTML), also written into docs/ and site/ like a full build does."""
        with self.book_lock:
            pages = self.pages
            if pages is None:
                raise GeneratorError("konten belum dapat dibangun; buku belum ada")
            html = book_source(pages, self.config_file)
            pdf, seconds = write_book(self.config_file, html, WriteReport())
            write_if_changed(self.site_dir / BOOK_FILE, pdf, BOOK_FILE, WriteReport())
            if seconds is not None:
                self.say(f"Buku PDF dibuat dalam {seconds:.1f} detik.".replace(".", ",", 1))
            return pdf

    def start(self) -> None:
        """Build once, then serve and watch."""
        self.rebuild()
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        watch(self.observer, self.changes, [self.content_dir, docs_dir(self.config_file)])
        self.observer.start()
        self.say(f"Pratinjau di {self.url} (tekan Ctrl+C untuk berhenti).")

    def wait_and_rebuild(self, timeout: float | None = None) -> bool:
        """Wait for a change, then for a quiet spell, and rebuild once; False on timeout."""
        if not self.changes.event.wait(timeout):
            return False
        while time.monotonic() - self.changes.last < QUIET:
            time.sleep(QUIET / 3)
        self.changes.event.clear()
        self.say("Perubahan terdeteksi; membangun ulang…")
        self.rebuild()
        return True

    def stop(self) -> None:
        self.observer.stop()
        self.server.shutdown()
        self.server.server_close()
