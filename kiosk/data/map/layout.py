"""Where city names go on the map, and which city a touch means. Pure geometry in screen pixels; no Qt.

The map zooms continuously, but names keep their pixel size, so placement is computed for a ladder of zoom
levels: the names chosen for level k are shown for every zoom in [zooms[k], zooms[k + 1]). Every box (a name,
or a city's dot) is anchored at its city's point p with a fixed pixel offset, so on the screen it sits at
p·zoom + offset. Two boxes are apart when one of the four separations (left of, right of, above, below) holds;
each is linear in the zoom, so one that holds at both ends of a level holds all through it. A name is only
placed where such a separation exists against every name already placed and every dot: names never overlap
each other or a dot at any zoom. Cities come in the list's order (the decrees' order: the first-wave
industrial centres first), so zoomed out the readable subset is the leading cities; the last level is sought
high enough that every name fits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Box = tuple[float, float, float, float]  # offset from the anchor: dx, dy, width, height (px)


@dataclass(frozen=True, slots=True)
class Anchor:
    id: int
    x: float  # px at zoom 1
    y: float


def candidates(w: float, h: float, r: float, gap: float) -> tuple[Box, ...]:
    """Name positions around a dot of radius r, in order of preference: right, left, above, below, diagonals."""
    d = r + gap
    return (
        (d, -h / 2, w, h),
        (-d - w, -h / 2, w, h),
        (-w / 2, -d - h, w, h),
        (-w / 2, d, w, h),
        (d * 0.7, -d * 0.7 - h, w, h),
        (d * 0.7, d * 0.7, w, h),
        (-d * 0.7 - w, -d * 0.7 - h, w, h),
        (-d * 0.7 - w, d * 0.7, w, h),
    )


def _apart(a: Anchor, ba: Box, b: Anchor, bb: Box, zooms: tuple[float, ...]) -> bool:
    """One separation holds at every zoom given (the ends of a level), hence everywhere between them."""

    def holds(sep: Callable[[float], bool]) -> bool:
        return all(sep(z) for z in zooms)

    return (
        holds(lambda z: a.x * z + ba[0] + ba[2] <= b.x * z + bb[0])
        or holds(lambda z: b.x * z + bb[0] + bb[2] <= a.x * z + ba[0])
        or holds(lambda z: a.y * z + ba[1] + ba[3] <= b.y * z + bb[1])
        or holds(lambda z: b.y * z + bb[1] + bb[3] <= a.y * z + ba[1])
    )


def place_names(
    anchors: list[Anchor],
    sizes: dict[int, tuple[float, float]],
    zooms: list[float],
    dot_radius: float,
    gap: float,
    first_view: Box | None = None,
) -> list[dict[int, Box]]:
    """For each level k (zooms ascending), the names shown and their boxes; a city may be missing from a level.

    The last level runs from zooms[-1] to zooms[-1] (the maximum zoom). first_view (x, y, w, h at zoom 1) is
    what the screen shows before anyone zooms: there, names stay whole inside it."""
    dot = (-dot_radius, -dot_radius, 2 * dot_radius, 2 * dot_radius)
    levels: list[dict[int, Box]] = []
    for k, z in enumerate(zooms):
        ends = (z, zooms[k + 1]) if k + 1 < len(zooms) else (z,)
        # Only anchors that can come near each other within the level need the exact test.
        reach = max((w for w, _ in sizes.values()), default=0) + 2 * dot_radius + 2 * gap
        placed: dict[int, Box] = {}
        for a in anchors:
            w, h = sizes[a.id]
            near = [
                b for b in anchors if b.id != a.id and abs(a.x - b.x) * z < 2 * reach and abs(a.y - b.y) * z < 2 * reach
            ]
            for box in candidates(w, h, dot_radius, gap):
                if k == 0 and first_view is not None and not _within(a, box, first_view):
                    continue
                if all(_apart(a, box, b, dot, ends) for b in near) and all(
                    _apart(a, box, b, placed[b.id], ends) for b in near if b.id in placed
                ):
                    placed[a.id] = box
                    break
        levels.append(placed)
    return levels


# Zoomed all the way in, a kilometre is this many pixels at 1080p: Екатеринбург and Верхняя Пышма, 13 km apart,
# are then two separate touch targets. Zoomed all the way out, the whole map fits the view (zoom 1).
MAX_PX_PER_KM_1080P = 3.0


def max_zoom(fit_px_per_km: float, ui_scale: float) -> float:
    """The largest zoom for a view where zoom 1 shows fit_px_per_km; ui_scale is 1.0 at 1080p."""
    return max(4.0, MAX_PX_PER_KM_1080P * ui_scale / fit_px_per_km)


def _within(a: Anchor, box: Box, view: Box) -> bool:
    x, y = a.x + box[0], a.y + box[1]
    return view[0] <= x and x + box[2] <= view[0] + view[2] and view[1] <= y and y + box[3] <= view[1] + view[3]


def zoom_ladder(max_zoom: float, step: float = 1.5) -> list[float]:
    """1, 1.5, 2.25, … up to max_zoom (which is always the last rung)."""
    zooms = [1.0]
    while zooms[-1] * step < max_zoom * 0.999:
        zooms.append(zooms[-1] * step)
    if zooms[-1] < max_zoom:
        zooms.append(max_zoom)
    return zooms


def level_for(zooms: list[float], zoom: float) -> int:
    """The level whose placement is shown at this zoom."""
    k = 0
    for i, z in enumerate(zooms):
        if zoom >= z - 1e-9:
            k = i
    return k


def screen_boxes(anchors: list[Anchor], level: dict[int, Box], zoom: float) -> dict[int, tuple[float, ...]]:
    """The names' rectangles (x, y, w, h) on the screen at this zoom (for tests and the self-test)."""
    by_id = {a.id: a for a in anchors}
    return {i: (by_id[i].x * zoom + b[0], by_id[i].y * zoom + b[1], b[2], b[3]) for i, b in level.items()}


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


# ---- touch ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    city_id: int | None  # the one city meant, when it is clear
    choices: tuple[int, ...]  # otherwise the cities within reach, nearest first (for a chooser)


def hit(points: list[tuple[int, float, float]], x: float, y: float, reach: float) -> Hit:
    """Which city a touch at (x, y) means. points: (id, x, y) on the screen. Within `reach` (half a touch
    target): one city, or one clearly nearest, is meant. The nearest is clear when the next is farther by half
    the reach or more: a fingertip is not more precise than that, so dots closer than that to each other go to
    a chooser, whichever of them the finger seemed to touch."""
    near = sorted(
        (((px - x) ** 2 + (py - y) ** 2) ** 0.5, cid)
        for cid, px, py in points
        if abs(px - x) <= reach and abs(py - y) <= reach
    )
    near = [(d, cid) for d, cid in near if d <= reach]
    if not near:
        return Hit(None, ())
    if len(near) == 1 or near[1][0] - near[0][0] >= reach / 2:
        return Hit(near[0][1], ())
    return Hit(None, tuple(cid for _, cid in near))
