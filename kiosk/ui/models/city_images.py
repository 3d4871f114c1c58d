"""What a page needs to know about its images (a city's photographs, a Novokuznetsk chapter's or item's): plain
dicts for QML, sources for the dbimage provider."""

from __future__ import annotations

from typing import Any


def build_stamp(repository: Any) -> str:
    """Letters and digits of the file's build time and sources hash: put into image sources so that a replaced
    database never shows a cached picture of the old one under the same id."""
    meta = repository.meta() if hasattr(repository, "meta") else {}
    return "".join(ch for ch in f"{meta.get('built_at', '')}{meta.get('sources_sha256', '')[:12]}" if ch.isalnum())


def owner_images(repository: Any, owner_type: str) -> dict[str, list[dict]]:
    """Owner id (as stored: text) → [{imageId, source, caption, credit, width, height}] in page order, for one
    owner type of schema.IMAGE_OWNERS.

    The source carries the build stamp of the file, so a replaced database never shows a cached picture of the
    old one under the same id.
    """
    if not hasattr(repository, "images"):
        return {}
    stamp = build_stamp(repository)
    out: dict[str, list[dict]] = {}
    for im in repository.images():
        if im.owner_type != owner_type:
            continue
        out.setdefault(im.owner_id, []).append(
            {
                "imageId": im.id,
                "source": f"image://dbimage/{im.id}?{stamp}",
                "caption": im.caption,
                "credit": im.credit,
                "width": im.width,
                "height": im.height,
            }
        )
    return out


def city_images(repository: Any) -> dict[int, list[dict]]:
    """City id → its photographs (as owner_images gives them)."""
    return {int(owner): images for owner, images in owner_images(repository, "city").items() if owner.isdigit()}
