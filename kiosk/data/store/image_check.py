"""Is this image one the kiosk can show? The limits on images and the check of a stored one, with Pillow.

The kiosk runs this when it opens a database (kiosk.data.store.validate); the curators' tools use the same limits when
they add an image (kiosk.data.curation.images). Nothing here writes.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from kiosk.data.cities.rules import MAX_PIXELS

MAX_SIDE = 2560
FORMATS = {"JPEG": "jpeg", "PNG": "png"}  # what the database holds; Qt decodes both without plugins
_TRAILERS = {"jpeg": b"\xff\xd9", "png": b"IEND\xaeB`\x82"}


def open_checked(data: bytes | Path, name: str) -> Image.Image:
    """The image, opened lazily (nothing decoded yet); ValueError saying why it is not one the kiosk takes."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data) if isinstance(data, bytes) else data)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise ValueError(why(e)) from None
    if im.width * im.height > MAX_PIXELS:
        raise ValueError(
            f"enormous image: {im.width}×{im.height} pixels, at most {MAX_PIXELS // 1_000_000} million "
            f"(scale it down before adding it)"
        )
    return im


def why(e: Exception) -> str:
    """What a curator reads when Pillow cannot take an image: one line, no traceback."""
    if isinstance(e, UnidentifiedImageError):
        return "not an image Pillow can read (use JPEG or PNG)"
    if isinstance(e, (Image.DecompressionBombError, Image.DecompressionBombWarning)):
        return f"enormous image (decompression bomb): {e}"
    text = str(e)
    if "truncated" in text or "broken data stream" in text or isinstance(e, EOFError):
        return f"broken or truncated image file: {text or type(e).__name__}"
    return f"cannot decode the image: {text or type(e).__name__}"


def jpeg_ends_problem(head: bytes, tail: bytes, width: object, height: object) -> str | None:
    """blob_problem for a JPEG from its first bytes and its last: a JPEG's check needs no more (header, size, end
    marker). Only a None is conclusive; the caller judges the whole blob on anything else."""
    if not tail.rstrip(b"\x00").endswith(_TRAILERS["jpeg"]):
        return "no end marker in the tail"
    try:
        with open_checked(head, "blob") as im:
            if FORMATS.get(im.format or "") != "jpeg" or (im.width, im.height) != (width, height):
                return "another format or size"
            if max(im.size) > MAX_SIDE:
                return "too large"
    except (ValueError, OSError, SyntaxError, EOFError) as e:
        return str(e) or type(e).__name__
    return None


def blob_problem(data: object, width: object, height: object, fmt: object) -> str | None:
    """Why a stored image cannot be shown as recorded, or None. Cheap: header, size and trailer, no decoding."""
    if not isinstance(data, bytes) or not data:
        return "no image data"
    if fmt not in _TRAILERS:
        return f"format {fmt!r} is not one of {', '.join(_TRAILERS)}"
    if not data.rstrip(b"\x00").endswith(_TRAILERS[fmt]):
        return f"truncated {fmt} data ({len(data)} bytes): add the image again"
    try:
        with open_checked(data, "blob") as im:
            im.verify()
            if FORMATS.get(im.format or "") != fmt:
                return f"the data is {im.format or 'unknown'}, the row says {fmt}"
            if (im.width, im.height) != (width, height):
                return f"the data is {im.width}×{im.height}, the row says {width}×{height}"
            if max(im.size) > MAX_SIDE:
                return f"{im.width}×{im.height} is larger than {MAX_SIDE} px on the long side"
    except ValueError as e:
        return str(e)
    except (OSError, SyntaxError, EOFError) as e:
        return why(e)
    return None
