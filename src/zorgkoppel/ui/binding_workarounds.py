"""Work-arounds for bugs of the Qt binding, applied once when the interface is imported.

PySide6 6.12.0 on Python 3.11 releases one reference to None that it never took, each time
a Qt function returns nothing (or a Python method returns None to Qt, e.g. a model's
data()). After some thousands of calls None's count reaches zero and Python aborts with
"Fatal Python error: none_dealloc". From Python 3.12 on None is immortal and the bug is
harmless. The check below calls a Qt function that returns nothing and watches None's
count; only when it drops is the count raised so far that it can never reach zero, which
makes None immortal as it is on newer Pythons. A fixed binding leaves everything as it is.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 lost references would take a program years of constant calls.
_HEADROOM = 1 << 40


def binding_releases_none() -> bool:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def protect_none() -> bool:
    """Apply the work-around where needed; True when it was applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not binding_releases_none():
        return False
    # CPython 3.11 keeps an object's reference count in its first field.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    return True
