"""Root forms of Indonesian words, so search finds 'Biro Perencanaan' for 'rencana'.

Material's search has no Indonesian stemmer. Instead of changing the search engine, each unit page
carries the root forms of its names as extra indexed words. The rules strip the common affixes
(me-/pe-/ber-/ter-/di-/ke-/se-/per-, -kan/-an/-i/-nya) and undo the nasal changes of me-/pe-
(pem+ilih → pilih, peny+usun → susun); where a change is ambiguous, every candidate is kept, since
an extra indexed word costs little and a missing one loses the reader.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("nya", "kan", "an", "i")
# (prefix, replacements for its last letter when a vowel follows)
_NASAL = (
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("mem", ("p", "m")),
    ("pem", ("p", "m")),
    ("men", ("t", "n")),
    ("pen", ("t", "n")),
)
_PLAIN = ("per", "ber", "ter", "me", "pe", "be", "te", "di", "ke", "se")
_MIN = 3  # shorter 'roots' are noise


def _strip_suffix(word: str) -> set[str]:
    forms = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN:
            forms.add(word[: -len(suffix)])
    return forms


def _strip_prefix(word: str) -> set[str]:
    forms = {word}
    for prefix, replacements in _NASAL:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            rest = word[len(prefix) :]
            if rest[0] in "aeiou":
                forms.update(r + rest for r in replacements)
            else:
                forms.add(rest)
    for prefix in _PLAIN:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN:
            forms.add(word[len(prefix) :])
    return forms


def root_forms(text: str) -> list[str]:
    """Root forms of the words in ``text`` that differ from the words themselves, sorted.

    >>> "rencana" in root_forms("Biro Perencanaan dan Organisasi")
    True
    >>> "uang" in root_forms("Biro Keuangan"), "awas" in root_forms("Pengawasan internal")
    (True, True)
    >>> "pilih" in root_forms("Penyelenggaraan Pemilihan"), "selenggara" in root_forms("Penyelenggaraan")
    (True, True)
    """
    words = set(_WORD.findall(text.lower()))
    roots: set[str] = set()
    for word in words:
        if len(word) <= 4:
            continue
        for without_suffix in _strip_suffix(word):
            for once in _strip_prefix(without_suffix):
                # Stacked prefixes, as in per+ke+... or pe+nye+...: strip one more round.
                roots.update(f for f in _strip_prefix(once) if len(f) >= _MIN)
                roots.add(once)
    return sorted(r for r in roots if r not in words and len(r) >= _MIN)
