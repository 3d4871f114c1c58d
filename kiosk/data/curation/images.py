"""Photographs inside the database (`kiosk-db add-image`, `list-images`, `remove-image`), with Pillow.

On the way in an image is decoded completely (a truncated file fails here, not on the museum floor), turned
upright by its EXIF orientation, scaled to at most MAX_SIDE on the long side and re-encoded without metadata
(no EXIF, GPS or ICC profile: the kiosk shows sRGB and a visitor's photo must not carry where it was taken).
"""

from __future__ import annotations

import io
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from PIL import Image, ImageOps

from kiosk.data.store import schema
from kiosk.data.errors import DataError
from kiosk.data.store.image_check import MAX_SIDE, open_checked, why
from kiosk.data.curation.publish import publish
from kiosk.data.store.records import ImageRef
from kiosk.data.store.sqlite_ro import open_readonly
from kiosk.data.text.folding import folded

MAX_FILE_BYTES = 60 * 1024 * 1024
JPEG_QUALITY = 88


@dataclass(frozen=True, slots=True)
class PreparedImage:
    width: int
    height: int
    format: str  # "jpeg" | "png"
    data: bytes


def prepare_image(path: str | Path) -> PreparedImage:
    """Read, check and re-encode an image file; DataError naming the file and what is wrong."""
    p = Path(path)
    try:
        if not p.is_file():
            raise DataError(path, "file not found" if not p.exists() else "not a regular file")
        size = p.stat().st_size
        if size == 0:
            raise DataError(path, "empty file (0 bytes), not an image")
        if size > MAX_FILE_BYTES:
            raise DataError(
                path, f"enormous file: {size // (1024 * 1024)} MB, at most {MAX_FILE_BYTES // (1024 * 1024)} MB"
            )
        im = open_checked(p, str(p))
        with im:
            im.load()  # decodes everything: a truncated file raises here
            im = ImageOps.exif_transpose(im)
            has_alpha = im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
            im = im.convert("RGBA" if has_alpha else "RGB")
            im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if has_alpha:
                im.save(out, "PNG", optimize=True)
            else:
                im.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            return PreparedImage(im.width, im.height, "png" if has_alpha else "jpeg", out.getvalue())
    except DataError:
        raise
    except ValueError as e:
        raise DataError(path, str(e)) from None
    except (OSError, SyntaxError, EOFError, Image.DecompressionBombError) as e:
        if isinstance(e, OSError) and e.filename:
            raise DataError(path, f"cannot read: {e.strerror or e}") from None
        raise DataError(path, why(e)) from None


def _norm(name: str) -> str:
    return " ".join(folded(name).split())


def resolve_owner(conn: sqlite3.Connection, owner_type: str, ref: str) -> str:
    """The owner's id for a reference given as id or, for cities, as name («Пермь», «пермь»)."""
    if owner_type not in schema.IMAGE_OWNERS:
        raise ValueError(f"unknown owner type {owner_type!r} (known: {', '.join(sorted(schema.IMAGE_OWNERS))})")
    table, key = schema.IMAGE_OWNERS[owner_type]
    ids = [r[0] for r in conn.execute(f'SELECT "{key}" FROM "{table}"')]
    if ref in {str(i) for i in ids}:
        return str(ref)
    if owner_type == "city":
        hits = [str(i) for i, name in conn.execute("SELECT id, name FROM cities") if _norm(name) == _norm(ref)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise ValueError(f"several cities are called {ref!r} (ids {', '.join(hits)}): give the id")
    raise ValueError(f"no {owner_type} {ref!r} in the database")


def list_images(db_path: str | Path, owner_type: str | None = None, owner_id: str | None = None) -> list[ImageRef]:
    conn = open_readonly(db_path)
    try:
        where, args = "", []
        if owner_type is not None:
            where, args = " WHERE owner_type = ? AND owner_id = ?", [owner_type, str(owner_id)]
        return [
            ImageRef(*r)
            for r in conn.execute(
                "SELECT id, owner_type, owner_id, position, coalesce(caption, ''), coalesce(credit, ''), "
                f"width, height, format, length(data) FROM images{where} ORDER BY owner_type, owner_id, position, id",
                args,
            )
        ]
    finally:
        conn.close()


def add_image(
    db_path: str | Path, owner_type: str, owner_ref: str, image_file: str | Path, *, caption: str = "", credit: str = ""
) -> int:
    """Store one image for an owner, after the others; the file is rewritten atomically. Returns the new id."""
    return add_images(db_path, [(owner_type, owner_ref, image_file, caption, credit)])[0]


def add_images(
    db_path: str | Path,
    items: list[tuple[str, str, str | Path, str, str]],
    prepared: list[PreparedImage] | None = None,
) -> list[int]:
    """Store several images (owner type, owner reference, file, caption, credit) in one atomic rewrite, each
    after its owner's others; returns their new ids. `prepared` (prepare_image of each file, e.g. made in
    parallel) skips preparing them here. One rewrite instead of one per image: a thousand photographs are one
    copy and one check of the file, not a thousand (benchmarks/photo_scale_bench.py)."""
    db_path = Path(db_path)
    conn = open_readonly(db_path)  # refuses a file that is not a database before the image is even read
    try:
        owners = []
        for owner_type, owner_ref, *_ in items:
            try:
                owners.append((owner_type, resolve_owner(conn, owner_type, owner_ref)))
            except ValueError as e:
                raise DataError(db_path, str(e), table=schema.IMAGE_OWNERS.get(owner_type, ("images",))[0]) from None
    finally:
        conn.close()
    images = prepared if prepared is not None else [prepare_image(item[2]) for item in items]
    new_ids: list[int] = []

    def fill(db: sqlite_utils.Database) -> None:
        new_ids.clear()
        for (owner_type, owner_id), (*_, caption, credit), image in zip(owners, items, images, strict=True):
            (last_id, last_pos) = db.execute(
                "SELECT (SELECT max(id) FROM images), (SELECT max(position) FROM images "
                "WHERE owner_type = ? AND owner_id = ?)",
                [owner_type, owner_id],
            ).fetchone()
            new_ids.append((last_id or 0) + 1)
            db["images"].insert(
                {
                    "id": new_ids[-1],
                    "owner_type": owner_type,
                    "owner_id": owner_id,
                    "position": 0 if last_pos is None else last_pos + 1,
                    "caption": caption.strip() or None,
                    "credit": credit.strip() or None,
                    "width": image.width,
                    "height": image.height,
                    "format": image.format,
                    "data": image.data,
                }
            )

    publish(db_path, fill, start_from=db_path)
    return new_ids


def remove_image(db_path: str | Path, image_id: int) -> None:
    db_path = Path(db_path)
    conn = open_readonly(db_path)
    try:
        found = conn.execute("SELECT 1 FROM images WHERE id = ?", (image_id,)).fetchone()
    finally:
        conn.close()
    if not found:
        raise DataError(db_path, "no such image", table="images", row_id=image_id)
    publish(db_path, lambda db: db.execute("DELETE FROM images WHERE id = ?", [image_id]), start_from=db_path)
