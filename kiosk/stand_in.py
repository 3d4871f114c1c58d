"""Importing a library without the part of its import the kiosk never uses (memory that would stay for weeks)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any


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


class Deferred(ModuleType):
    """A stand-in that hands over to the real module on first use: for a module a library imports only for a
    part the kiosk never calls. (The standard LazyLoader does not defer here: on Python 3.11 the `import`
    statement itself reads the module's __spec__, which runs it.)"""

    def __getattr__(self, attr: str) -> Any:
        real = importlib.import_module(self.__name__)
        if attr.startswith("__") or real is self:  # asked about itself (by an import hook) while standing in
            raise AttributeError(attr)
        return getattr(real, attr)
