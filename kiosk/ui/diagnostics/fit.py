"""The fit checker: does every visible text of the screen as it stands fit, whole and readable?

`check_window(window)` walks every visible Text item of a QQuickWindow and returns one `Misfit` per defect:

- ``overflow``: the text's lines are taller or wider than its own box (they spill into whatever lies below);
- ``clipped``:  part of the text lies outside an ancestor that clips (or outside the window). Inside a Flickable
  that is fine as long as the text lies inside the Flickable's content: the visitor scrolls to it;
- ``overlap``:  the text's ink overlaps another text of the same layer (a screen, the top bar, an overlay);
- ``elided``:   the text is cut with «…» or by a line limit, and it is not one of ELISION_ALLOWED.

Used by the UI tests (tests/ui/test_fit.py) and by `kiosk --self-test`, over every screen state they visit.
Pure reading: it never changes the scene.
"""

from __future__ import annotations

from dataclasses import dataclass

# The only texts that may be cut with «…»: each has its full form one tap away. objectName -> where that is.
ELISION_ALLOWED: dict[str, str] = {
    "searchText": "the search field: a long query keeps its end in view (the results answer it), a hint its start",
    "nkEventTitle": "a timeline event's title on its packed card: the event's card, a tap away, has it whole",
    "nkRefChipLabel": "a chip in a chapter's text naming an item: the item's card, a tap away, has it whole",
    "galleryCaption": "a thumbnail's caption: a tap opens the picture full screen with its caption whole",
    "galleryCredit": "a thumbnail's credit: a tap opens the picture full screen with its credit whole",
    "nkEntryCaption": "the teaser under a section tile's title: the chapter or screen, a tap away, has it whole",
}
# Things that lie over a screen and hide it while shown: with one open, only its texts (and the shell's bar) are
# checked; texts under it are covered, not shown.
OVERLAYS = ("imageViewer", "nkItemViewer", "nkItemCard", "pinPad", "adminPanel", "idleOverlay", "attractScreen")
ALWAYS_ON_TOP = ("topBar",)
TOLERANCE = 1.5  # px: sub-pixel rounding of font metrics
MIN_OVERLAP = 3.0  # px each way before two texts count as overlapping (descenders touching the next line's ink)


@dataclass(frozen=True)
class Misfit:
    kind: str  # overflow | clipped | overlap | elided
    text: str
    where: str  # the item's objectName path, for a human
    detail: str

    def __str__(self) -> str:
        short = self.text if len(self.text) <= 60 else self.text[:57] + "…"
        return f"{self.kind}: «{short}» at {self.where}: {self.detail}"


@dataclass
class _Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inside(self, other: _Box, tol: float = TOLERANCE) -> bool:
        return (
            self.x >= other.x - tol
            and self.y >= other.y - tol
            and self.right <= other.right + tol
            and self.bottom <= other.bottom + tol
        )

    def overlap(self, other: _Box) -> tuple[float, float]:
        return (
            min(self.right, other.right) - max(self.x, other.x),
            min(self.bottom, other.bottom) - max(self.y, other.y),
        )


def _scene_box(item, x: float = 0.0, y: float = 0.0, w: float | None = None, h: float | None = None) -> _Box:
    from PySide6.QtCore import QPointF

    p = item.mapToScene(QPointF(x, y))
    return _Box(p.x(), p.y(), item.width() if w is None else w, item.height() if h is None else h)


def _ink(text) -> tuple[float, float, float, float]:
    """The painted lines inside the Text's own box (x, y, w, h), from its alignment and content size."""
    w, h = float(text.width()), float(text.height())
    cw, ch = float(text.property("contentWidth")), float(text.property("contentHeight"))
    halign, valign = _alignment(text)
    x = 0.0 if halign & 0x1 else (w - cw if halign & 0x2 else (w - cw) / 2)  # AlignLeft / AlignRight / centre
    y = 0.0 if valign & 0x20 else (h - ch if valign & 0x40 else (h - ch) / 2)  # AlignTop / AlignBottom / centre
    return x, y, cw, ch


def _alignment(text) -> tuple[int, int]:
    """(horizontal, vertical) alignment flags: PySide cannot convert QQuickText's enums, QML can."""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    expr = QQmlExpression(
        QQmlEngine.contextForObject(text), text, "effectiveHorizontalAlignment * 1000 + verticalAlignment"
    )
    result = expr.evaluate()
    flags = int(result[0] if isinstance(result, tuple) else result or 1032)
    return flags // 1000, flags % 1000


def _name(item) -> str:
    parts: list[str] = []
    while item is not None and len(parts) < 4:
        if item.objectName():
            parts.append(item.objectName())
        item = item.parentItem()
    return "/".join(reversed(parts)) or "?"


def _effective_opacity(item) -> float:
    o = 1.0
    while item is not None:
        o *= float(item.opacity())
        item = item.parentItem()
    return o


def _layer(item, root):
    """The top-level child of the window's content item that holds `item` (stack, top bar, an overlay)."""
    layer = item
    while layer.parentItem() is not None and layer.parentItem() is not root:
        if layer.objectName() in OVERLAYS:
            return layer
        layer = layer.parentItem()
    return layer


def _walk(item):
    yield item
    for child in item.childItems():
        yield from _walk(child)


def check_window(window, *, overlaps: bool = True) -> list[Misfit]:
    """Every misfit among the visible texts of `window` as it is now (let it settle first)."""
    root = window.contentItem()
    win = _Box(0, 0, float(window.width()), float(window.height()))
    found: list[Misfit] = []
    inks: list[tuple[object, _Box, object]] = []
    scope = _open_overlay(root)
    for item in _walk(root):
        if not item.inherits("QQuickText") or not item.isVisible():
            continue
        if scope is not None and not _is_ancestor(scope, item) and not _on_top(item):
            continue
        text = item.property("text") or ""
        if not text.strip() or _effective_opacity(item) < 0.05 or item.width() <= 0:
            continue
        where = _name(item)
        name = item.objectName()
        ix, iy, iw, ih = _ink(item)
        if item.property("truncated") and name not in ELISION_ALLOWED:
            found.append(Misfit("elided", text, where, "cut with «…» or a line limit"))
        elif iw > item.width() + TOLERANCE or ih > item.height() + TOLERANCE:
            found.append(
                Misfit(
                    "overflow", text, where, f"lines {iw:.0f}×{ih:.0f} in a box {item.width():.0f}×{item.height():.0f}"
                )
            )
        ink = _scene_box(item, ix, iy, iw, ih) if not item.property("truncated") else _scene_box(item)
        if item.property("clip") and not ink.inside(_scene_box(item)):
            found.append(Misfit("clipped", text, where, "clipped by its own box"))
            continue
        clip = _clipped_by(item, ink, win)
        if clip:
            found.append(Misfit("clipped", text, where, clip))
            continue
        # Overlaps count where the visitor sees them: a list places the delegates it keeps out of view only
        # roughly (it settles them when they scroll in), and the sweep pages every scrolling area through.
        scroller = _scroller(item)
        if scroller is None or _visible_part(ink, _scene_box(scroller)):
            inks.append((item, ink, _layer(item, root)))
    if overlaps:
        found += _overlaps(inks)
    return found


def _open_overlay(root):
    """The last (topmost) overlay shown, or None."""
    shown = None
    for item in _walk(root):
        if item.objectName() in OVERLAYS and item.isVisible() and _effective_opacity(item) > 0.5:
            shown = item
    return shown


def _on_top(item) -> bool:
    while item is not None:
        if item.objectName() in ALWAYS_ON_TOP:
            return True
        item = item.parentItem()
    return False


def _clipped_by(item, ink: _Box, win: _Box) -> str:
    """Why part of `ink` cannot be seen: outside a clipping ancestor, or outside the window ('' when seen)."""
    ancestor = item.parentItem()
    while ancestor is not None:
        if ancestor.inherits("QQuickFlickable") and ancestor.property("interactive"):
            # Scrolling brings it in, if it lies inside the content the Flickable lets the visitor reach. A list
            # or grid only estimates its extent from the delegates made so far: what it has made, it can reach.
            if ancestor.inherits("QQuickItemView"):
                return ""
            content = ancestor.property("contentItem")
            ox, oy = float(ancestor.property("originX") or 0), float(ancestor.property("originY") or 0)
            cw = max(float(ancestor.property("contentWidth") or 0), float(ancestor.width()))
            ch = max(float(ancestor.property("contentHeight") or 0), float(ancestor.height()))
            reach = _scene_box(content, ox, oy, cw, ch)
            if not ink.inside(reach):
                return f"beyond the scrolling content of {_name(ancestor)} ({ch:.0f} px tall)"
            return ""
        if ancestor.property("clip") and not ink.inside(_scene_box(ancestor)):
            return f"clipped by {_name(ancestor)}"
        ancestor = ancestor.parentItem()
    if not ink.inside(win):
        return f"outside the window ({ink.x:.0f},{ink.y:.0f} {ink.w:.0f}×{ink.h:.0f})"
    return ""


def _visible_part(ink: _Box, view: _Box) -> bool:
    dx, dy = ink.overlap(view)
    return dx > 0 and dy > 0


def _scroller(item):
    while item is not None:
        if item.inherits("QQuickFlickable"):
            return item
        item = item.parentItem()
    return None


def _overlaps(inks) -> list[Misfit]:
    found = []
    for i, (a, box_a, layer_a) in enumerate(inks):
        for b, box_b, layer_b in inks[i + 1 :]:
            if layer_a is not layer_b:
                continue
            dx, dy = box_a.overlap(box_b)
            if dx <= MIN_OVERLAP or dy <= MIN_OVERLAP:
                continue
            # Texts in different scrolling areas (or one scrolled, one fixed) pass under each other's clip.
            if _scroller(a) is not _scroller(b):
                continue
            if _is_ancestor(a, b) or _is_ancestor(b, a):
                continue
            found.append(
                Misfit(
                    "overlap",
                    a.property("text"),
                    _name(a),
                    f"overlaps «{str(b.property('text'))[:40]}» by {dx:.0f}×{dy:.0f} px",
                )
            )
    return found


def _is_ancestor(a, b) -> bool:
    while b is not None:
        if b is a:
            return True
        b = b.parentItem()
    return False
