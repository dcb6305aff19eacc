"""The catalogue of check messages on the field reference page, read from generator/messages.py."""

from __future__ import annotations

from dataclasses import dataclass

from generator.messages import MESSAGES, WARNINGS, shape


@dataclass(frozen=True)
class MessageDoc:
    """One message as the editors' reference lists it."""

    code: str
    warning: bool
    text: str
    """The message with '…' where the file's own values go."""


def message_catalogue() -> tuple[MessageDoc, ...]:
    """Every message, errors first, in the order generator/messages.py groups them."""
    docs = [MessageDoc(code, code in WARNINGS, shape(code)) for code in MESSAGES]
    return tuple(sorted(docs, key=lambda d: d.warning))
