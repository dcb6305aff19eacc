"""Root forms of Indonesian words, so search finds 'Biro Perencanaan' for 'rencana'.

Material's search has no Indonesian stemmer. Instead of changing the search engine, each unit page
carries the root forms of its names as extra indexed words. PySastrawi (Nazief & Adriani with its
improvements, checked against a dictionary of about 30,000 root words) finds them; a 'root' that is
not in that dictionary, or that equals the word, adds nothing, so no noise like 'encana' is indexed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

_WORD = re.compile(r"[a-z]+")
# Acronyms that look like prefixed words: 'pemilu' is PEMIlihan UMum, not pe- + 'milu'. Being in the
# dictionary makes Sastrawi keep them whole.
_WHOLE = ("pemilu", "pemilukada")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    """Sastrawi's stemmer, built once: reading its 30,000-word dictionary takes ~5 ms."""
    words = [*StemmerFactory().get_words_from_file(), *_WHOLE]
    return Stemmer(ArrayDictionary(words))


@lru_cache(maxsize=8192)  # per word; bounded so a long `mkdocs serve` cannot grow it forever
def _root(word: str) -> str | None:
    """The dictionary root of ``word``, or None when it has none other than itself."""
    stemmer = _stemmer()
    root: str = stemmer.stem_word(word)
    if root == word or not stemmer.get_dictionary().contains(root):
        return None
    return root


def root_forms(text: str) -> list[str]:
    """Root forms of the words in ``text`` that differ from the words themselves, in order.

    >>> root_forms("Biro Perencanaan dan Organisasi")
    ['rencana']
    >>> root_forms("Inspektorat Wilayah I: Pengawasan Keuangan")
    ['awas', 'uang']
    >>> root_forms("Biro Teknis Penyelenggaraan Pemilu dan Pemilihan")
    ['selenggara', 'pilih']
    >>> root_forms("Biro Perundang-undangan"), root_forms("Rencana dan Perencanaan")
    (['undang'], [])
    """
    words = _WORD.findall(text.lower())
    present = set(words)
    roots: dict[str, None] = {}  # ordered set
    for word in words:
        root = _root(word)
        if root is not None and root not in present:
            roots[root] = None
    return list(roots)
