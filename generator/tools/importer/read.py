"""Reading a regulation file into pages of text lines: a PDF's text layer or a plain text copy."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.tools.importer.document import ImportFailed

PAGE_BREAK = "\f"


@dataclass(frozen=True)
class Source:
    """The raw text of one file, page by page."""

    path: Path
    pages: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    """What could not be read (pages without text), for the reviewer."""


def read_source(path: Path) -> Source:
    """Read ``path`` (.pdf or text); raise ImportFailed with an Indonesian message when unusable."""
    if not path.is_file():
        raise ImportFailed(f"berkas '{path}' tidak ditemukan")
    data = path.read_bytes()
    if data.startswith(b"%PDF") or path.suffix.lower() == ".pdf":
        return _read_pdf(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            f"berkas '{path}' bukan teks UTF-8 (bita ke-{error.start + 1}); simpan ulang sebagai UTF-8"
        ) from error
    # A text copy marks page ends with form feeds, as `pdftotext` writes them; without them the
    # cleaner finds pages from their page numbers.
    pages = tuple(tuple(page.splitlines()) for page in text.split(PAGE_BREAK))
    return Source(path, pages)


def _read_pdf(path: Path) -> Source:
    # Imported here so that reading a text copy does not need the PDF library at all.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs recoverable oddities of real-world PDFs; they are not the editor's concern.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not _unlock(reader):
            raise ImportFailed(
                f"berkas PDF '{path}' terkunci dengan kata sandi (terenkripsi), sehingga teksnya "
                "tidak dapat dibaca. Buka kuncinya dulu, atau gunakan salinan teks (.txt)."
            )
        texts = [page.extract_text() or "" for page in reader.pages]
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise ImportFailed(f"berkas '{path}' bukan PDF yang dapat dibaca: {error}") from error
    if not any(text.strip() for text in texts):
        raise ImportFailed(
            f"berkas PDF '{path}' tidak memiliki lapisan teks (hasil pindaian gambar). Jalankan OCR "
            "lebih dulu, atau gunakan salinan teks (.txt)."
        )
    notes = tuple(
        f"halaman {number} tidak memiliki lapisan teks"
        for number, text in enumerate(texts, start=1)
        if not text.strip()
    )
    return Source(path, tuple(tuple(text.splitlines()) for text in texts), notes)


def _unlock(reader: object) -> bool:
    """Try the empty password: many official PDFs are 'encrypted' only against editing."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    assert isinstance(reader, PdfReader)
    try:
        return bool(reader.decrypt(""))
    except (PdfReadError, NotImplementedError, ValueError):
        # NotImplementedError: AES needs the optional 'cryptography' package; treat as locked.
        return False
