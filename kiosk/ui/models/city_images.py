"""What a city page needs to know about its photographs: plain dicts for QML, sources for the dbimage provider."""

from __future__ import annotations

from typing import Any


def build_stamp(repository: Any) -> str:
    """Letters and digits of the file's build time and sources hash: put into image sources so that a replaced
    database never shows a cached picture of the old one under the same id."""
    meta = repository.meta() if hasattr(repository, "meta") else {}
    return "".join(ch for ch in f"{meta.get('built_at', '')}{meta.get('sources_sha256', '')[:12]}" if ch.isalnum())


def city_images(repository: Any) -> dict[int, list[dict]]:
    """City id → [{imageId, source, caption, credit, width, height}] in page order.

    The source carries the build stamp of the file, so a replaced database never shows a cached picture of the
    old one under the same id.
    """
    if not hasattr(repository, "images"):
        return {}
    stamp = build_stamp(repository)
    out: dict[int, list[dict]] = {}
    for im in repository.images():
        if im.owner_type != "city" or not im.owner_id.isdigit():
            continue
        out.setdefault(int(im.owner_id), []).append({
            "imageId": im.id,
            "source": f"image://dbimage/{im.id}?{stamp}",
            "caption": im.caption,
            "credit": im.credit,
            "width": im.width,
            "height": im.height,
        })
    return out
