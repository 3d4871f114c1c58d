"""glibc's allocator, set up for weeks of uptime before Qt starts its threads (make_qapp calls this).

By default glibc gives each thread that allocates a heap of its own (up to 8 per core, 64 MiB of address space
each), and each keeps the pages its thread freed: the QML loader, the image pool and the X event queue held
3.4 + 2.0 MiB that way in the frozen kiosk. Two heaps shared by all threads hold less (measured at rest on home,
frozen, Xvfb 1920×1080: 1.2 MiB less resident) and contend little: one thread does nearly all the allocating.
No effect elsewhere (Windows, musl).
"""

from __future__ import annotations

import ctypes
import functools
import sys

ARENAS = 2
M_ARENA_MAX = -8  # mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3


@functools.cache
def libc():
    """The C library, by glibc's soname first: ctypes.util.find_library runs `ldconfig -p` in a subprocess
    (~5 ms, and the kiosk is built at every start), so it is only the fallback for other C libraries."""
    if not sys.platform.startswith("linux"):
        return None
    for name in ("libc.so.6", None):
        try:
            return ctypes.CDLL(name or _find_libc())
        except OSError:
            continue
    return None


def _find_libc() -> str:
    import ctypes.util

    return ctypes.util.find_library("c") or "libc.so.6"


def mallopt(param: int, value: int) -> bool:
    """glibc's mallopt(param, value); False where there is no glibc mallopt or it refused."""
    try:
        call = libc().mallopt
    except AttributeError:  # no libc (None) or not glibc
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_int]
    call.restype = ctypes.c_int
    return bool(call(param, value) == 1)


def limit_arenas() -> bool:
    """Share two glibc heaps among all threads; False where there is no glibc mallopt or it refused."""
    return mallopt(M_ARENA_MAX, ARENAS)


__all__ = ["M_ARENA_MAX", "M_MMAP_THRESHOLD", "libc", "limit_arenas", "mallopt"]
