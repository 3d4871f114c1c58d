"""Importing a library without the part of its import the kiosk never uses (memory that would stay for weeks)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType


@contextmanager
def standing_in(name: str, module: ModuleType) -> Iterator[None]:
    """While the block runs, `import name` gives `module` (unless the real one is loaded already); after it,
    neither sys.modules nor the parent package keeps the stand-in, so a later import loads the real module."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = module
    try:
        yield
    finally:
        del sys.modules[name]
        parent, _, child = name.rpartition(".")
        if parent in sys.modules and getattr(sys.modules[parent], child, None) is module:
            delattr(sys.modules[parent], child)
