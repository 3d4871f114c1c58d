"""The memorials' QR codes, drawn when a database is written (`kiosk-db build`, `kiosk-db import`): the addresses
are static, so the running kiosk shows stored pictures and never loads a QR encoder (segno and, through its
writers, urllib.request, http, email and OpenSSL's libcrypto).

Each code is a PNG of one pixel per module, black on white, with the standard quiet zone of four modules; the
kiosk colours and scales it (kiosk.ui.providers.image_providers.QrProvider)."""

from __future__ import annotations

import io

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUIET_ZONE = 4  # modules of light border on each side (the QR standard's minimum)
MAX_PNG_BYTES = 16 * 1024  # one pixel per module: a version-40 code is ~1.5 KB


def png(url: str) -> bytes:
    """The QR code of `url` (error correction M, never a Micro QR code) as PNG bytes."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=1, border=QUIET_ZONE)
    return out.getvalue()


def png_problem(data: object) -> str | None:
    """Why a stored code cannot be shown (checked without decoding: the data layer loads no image library)."""
    if not isinstance(data, bytes):
        return "must be PNG bytes"
    if len(data) > MAX_PNG_BYTES:
        return f"{len(data)} bytes, at most {MAX_PNG_BYTES}"
    if not data.startswith(PNG_SIGNATURE):
        return "not a PNG picture"
    return None
