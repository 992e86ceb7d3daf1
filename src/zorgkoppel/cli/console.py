"""Writing to the terminal without ever failing on it.

A windowed build (pythonw, a PyInstaller bundle) has no stdout/stderr at all, and an old
console may not encode every character of a Dutch or French message.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO


def _write(stream: TextIO | None, text: str) -> None:
    if stream is None:
        return
    line = text if text.endswith("\n") else text + "\n"
    try:
        try:
            stream.write(line)
        except UnicodeEncodeError:
            encoding = getattr(stream, "encoding", None) or "ascii"
            stream.write(line.encode(encoding, errors="replace").decode(encoding))
    except OSError:
        return  # a closed pipe: nobody is reading
    with contextlib.suppress(OSError):
        stream.flush()


def say(text: str) -> None:
    """A result, on stdout."""
    _write(sys.stdout, text)


def complain(text: str) -> None:
    """A failure, on stderr."""
    _write(sys.stderr, text)
