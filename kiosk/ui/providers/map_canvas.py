"""MapCanvas: a Qt Quick item that paints the map asset's land and lakes for the current view, as vectors.

Painted with QPainter for the area on screen only, so it needs no shaders (the software renderer draws it)
and stays sharp at any zoom and on 4K. The land is one QPainterPath in map km, built once per process from
assets/map/land.json (and lakes.json) and shared by every canvas (the map screen and the small locator maps).
"""

from __future__ import annotations

import collections
import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Property, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickWindow, QSGTexture

from kiosk.ui.platform import locations
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, forget_when_destroyed  # noqa: F401 — @QmlElement reads them

if TYPE_CHECKING:  # read on the first map or locator, after the first frame
    from PySide6.QtGui import QPainterPath

    from kiosk.data.map.asset import MapAsset

log = logging.getLogger(__name__)

_pictures: collections.OrderedDict[tuple, QImage] = collections.OrderedDict()
FADE_KM = 500.0  # the surround's outer band that fades into the sea (db/tools/make_map.py: SURROUND_KM)


def release_pictures() -> int:
    """Forget the kept map pictures (between visits: up to two window-sized images, ~11 MiB at 1080p and
    ~45 MiB at 4K). The next visitor's first map view is drawn again. Returns how many were dropped."""
    dropped = len(_pictures)
    _pictures.clear()
    return dropped


def _forget(keys: list[tuple]) -> None:
    for key in keys:
        _pictures.pop(key, None)
    keys.clear()


def keep_picture(key: tuple, image: QImage) -> None:
    """Keep a drawn view: two pictures at most, and one window-sized (a map view beside a locator map, never two
    map views; each is 7 MiB at 1080p, 28 MiB at 4K)."""
    _pictures[key] = image
    while len(_pictures) > 2 or _kept_bytes() > 1.25 * max(p.sizeInBytes() for p in _pictures.values()):
        _pictures.popitem(last=False)


def _kept_bytes() -> int:
    return sum(picture.sizeInBytes() for picture in _pictures.values())


def asset_path() -> Path:
    return locations.resource_root() / "assets" / "map" / "land.json"


@lru_cache(maxsize=1)
def map_asset() -> MapAsset | None:
    """The asset's frame, projection and focus, loaded once; None (and a log line) when it is missing or
    broken: the map is then blank. Without its outlines: those live on only as land_paths' QPainterPaths (as
    Python tuples of points they kept ~2 MiB resident for the kiosk's whole run)."""
    asset = _load_asset()
    return None if asset is None else replace(asset, land=(), lakes=())


def _load_asset() -> MapAsset | None:
    from kiosk.data.map.asset import MapAsset

    try:
        return MapAsset.load(asset_path())
    except Exception as exc:  # a missing map must not take a screen down
        log.error("map asset %s unusable: %s", asset_path(), exc)
        return None


@lru_cache(maxsize=1)
def land_paths() -> tuple[QPainterPath, QPainterPath, QPainterPath]:
    """(land to fill, lakes to fill with the sea's colour over it, coasts and lake shores to stroke): the coasts
    leave out the edges where the asset's frame cut the land. Built once, from the asset read once more."""
    from PySide6.QtCore import Qt  # here: MapCanvas is registered at start-up, which must not build `Qt` (~15 ms)
    from PySide6.QtGui import QPainterPath  # here too: PySide builds a Qt type on first use (~0.5 ms)

    land, lakes, coast = QPainterPath(), QPainterPath(), QPainterPath()
    land.setFillRule(Qt.FillRule.OddEvenFill)
    lakes.setFillRule(Qt.FillRule.OddEvenFill)  # an island in a lake is a hole in the water
    asset = _load_asset()
    if asset is None:
        return land, lakes, coast
    for path, rings in ((land, asset.land), (lakes, asset.lakes)):
        for ring in rings:
            path.moveTo(QPointF(*ring[0]))
            for point in ring[1:]:
                path.lineTo(QPointF(*point))
            path.closeSubpath()
            _add_shore(coast, ring, asset)
    return land, lakes, coast


def _add_shore(coast: QPainterPath, ring, asset: MapAsset) -> None:
    pen_down = False
    for a, b in zip(ring, ring[1:] + ring[:1]):
        if asset.on_edge(a, b):
            pen_down = False
            continue
        if not pen_down:
            coast.moveTo(QPointF(*a))
            pen_down = True
        coast.lineTo(QPointF(*b))


def _let_go(texture: QSGTexture) -> None:
    """The node owns and deletes the texture; PySide made its wrapper a child of the window's (return-value
    heuristic), which would keep one dead wrapper per view shown for the whole run (every drag frame): unlink it
    and mark it invalid, so the wrapper goes now and never deletes the texture itself."""
    texture.setParent(None)
    shiboken6.invalidate(texture)


@dataclass
class _View:
    """What a canvas shows: pixels per km, the km at the top-left corner, the line width and the colours."""

    kmScale: float = 0.0  # the QML property's name: MapCanvas._set sets it by name
    originX: float = 0.0
    originY: float = 0.0
    coastWidth: float = 1.0
    land: QColor = field(default_factory=lambda: QColor("#3b3a35"))
    sea: QColor = field(default_factory=lambda: QColor("#1d1f21"))
    coast: QColor = field(default_factory=lambda: QColor("#6d655a"))


SETTLE_MS = 150  # a view still this long is drawn properly (until then the last picture is moved and scaled)
_MOVES = ("kmScale", "originX", "originY")


@QmlElement
class MapCanvas(QQuickItem):
    """Shows map km [originX, originX + width / kmScale) × [originY, …): kmScale pixels per km.

    A plain item whose scene-graph node shows the kept picture itself as a texture: a QQuickPaintedItem would
    copy it into a window-sized paint buffer of its own (a second 7.9 MiB at 1080p, 32 MiB at 4K)."""

    viewChanged = Signal()
    _keep: bool

    def _set(self, name: str, value: object) -> None:
        if getattr(self._view, name) != value:
            setattr(self._view, name, value)
            if name in _MOVES and self._shown is not None:
                self._moving = True  # a drag, a glide or a wheel step: the picture moves now, is drawn when still
                self._settle.start()
            self.viewChanged.emit()
            self.update()

    def _on_settled(self) -> None:
        self._moving = False
        self.update()

    # The view (pixels per km and the km at the top-left corner) and the colours; each change repaints.
    def _get_kmScale(self):
        return self._view.kmScale

    def _set_kmScale(self, value) -> None:
        self._set("kmScale", value)

    kmScale = Property(float, _get_kmScale, _set_kmScale, notify=viewChanged)

    def _get_originX(self):
        return self._view.originX

    def _set_originX(self, value) -> None:
        self._set("originX", value)

    originX = Property(float, _get_originX, _set_originX, notify=viewChanged)

    def _get_originY(self):
        return self._view.originY

    def _set_originY(self, value) -> None:
        self._set("originY", value)

    originY = Property(float, _get_originY, _set_originY, notify=viewChanged)

    def _get_coastWidth(self):
        return self._view.coastWidth

    def _set_coastWidth(self, value) -> None:
        self._set("coastWidth", value)

    coastWidth = Property(float, _get_coastWidth, _set_coastWidth, notify=viewChanged)

    def _get_land(self):
        return self._view.land

    def _set_land(self, value) -> None:
        self._set("land", value)

    land = Property(QColor, _get_land, _set_land, notify=viewChanged)

    def _get_sea(self):
        return self._view.sea

    def _set_sea(self, value) -> None:
        self._set("sea", value)

    sea = Property(QColor, _get_sea, _set_sea, notify=viewChanged)

    def _get_coast(self):
        return self._view.coast

    def _set_coast(self, value) -> None:
        self._set("coast", value)

    coast = Property(QColor, _get_coast, _set_coast, notify=viewChanged)

    # False for the map screen's window-sized canvas: its pictures go with it, but for the view it opened on
    # (whole country), which the next tap on «Карта» shows at once (drawing it takes ~0.25 s at 1080p). Kept
    # until the idle reset, all of them weighed 5.5-11 MiB (22-45 at 4K) on every screen opened after the map.
    # Locator maps keep theirs (small, and the next city page shows the same country).
    def _get_keepPictures(self):
        return self._keep

    def _set_keepPictures(self, value) -> None:
        if self._keep != bool(value):
            self._keep = bool(value)
            self.keepPicturesChanged.emit()

    keepPicturesChanged = Signal()
    keepPictures = Property(bool, _get_keepPictures, _set_keepPictures, notify=keepPicturesChanged)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._view = _View()
        self._keep = True
        # The pictures this canvas drew and does not keep; the slot holds the list, not the canvas, whose
        # attributes are already emptied when it runs (forget_when_destroyed).
        self._drawn: list[tuple] = []
        self._opening: tuple | None = None  # the first view painted: kept when the canvas goes
        self._shown: tuple | None = None  # the view the node's texture holds
        self._moving = False  # the view changed less than SETTLE_MS ago
        self._previewing = False  # the node shows the texture moved and scaled, not at its own place
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)
        drawn = self._drawn
        self.setFlag(QQuickItem.Flag.ItemHasContents, True)
        self.widthChanged.connect(self.update)
        self.heightChanged.connect(self.update)
        forget_when_destroyed(self)  # QML creates one per map screen and city page
        self.destroyed.connect(lambda *_: _forget(drawn))

    def updatePaintNode(self, node, _data):
        """Show the picture of this view: the last one kept when there is one (every locator map showing the
        whole country, a city page opened again), else draw it and keep it (keep_picture: two at most, never two
        window-sized; a canvas that does not keep its pictures takes them along when it goes). Under Qt's
        threaded loop (OpenGL) this runs on the render thread while the GUI thread waits for it: Python must not
        pump events holding the GIL then (QTest.qWait, processEvents); kiosk.ui.diagnostics.shell_driver.wait
        releases it."""
        key = self._key()
        if node is not None and key == self._shown:
            if self._previewing:
                node.setRect(QRectF(0, 0, key[0], key[1]))
                self._previewing = False
            return node
        if node is not None and self._moving and key not in _pictures and self._preview(node, key):
            return node
        window = self._scene_window()
        if window is None:
            return node
        image = self.picture(key)
        # Opaque RGB32: the software back end's texture is a QPixmap sharing the image's pixels (no copy), and
        # the OpenGL one uploads it; the node owns the texture and deletes the one it replaces.
        texture = window.createTextureFromImage(image)
        if node is None:
            node = window.createImageNode()
            node.setOwnsTexture(True)
        node.setTexture(texture)
        _let_go(texture)
        node.setRect(QRectF(0, 0, image.width(), image.height()))
        self._shown = key
        self._previewing = False
        return node

    def _preview(self, node, key: tuple) -> bool:
        """While the view moves, show the picture already on screen moved and scaled to the new view instead of
        drawing every step (a full drawing takes ~0.25 s at 1080p on the software back end, far over a frame):
        tap_bench's map drag and wheel steps. The sea shows where it does not reach; the view is drawn properly
        once it has been still for SETTLE_MS. False when the picture cannot stand in (another size or colours)."""
        shown = self._shown
        if shown is None or shown[:2] != key[:2] or shown[5:] != key[5:] or shown[2] <= 0 or key[2] <= 0:
            return False
        ratio = key[2] / shown[2]
        x, y = (shown[3] - key[3]) * key[2], (shown[4] - key[4]) * key[2]
        node.setRect(QRectF(x, y, shown[0] * ratio, shown[1] * ratio))
        self._previewing = True
        return True

    def _scene_window(self) -> QQuickWindow | None:
        """The window showing this item. Not self.window(): PySide's return-value heuristic would make the
        window's Python wrapper a child of this item's, and QML destroying the canvas would then invalidate it
        (the app's window "already deleted" after a map visit)."""
        for window in QGuiApplication.topLevelWindows():
            if isinstance(window, QQuickWindow) and window.contentItem().isAncestorOf(self):
                return window
        return None

    def _key(self) -> tuple:
        v = self._view
        return (
            max(1, round(self.width())),
            max(1, round(self.height())),
            v.kmScale,
            v.originX,
            v.originY,
            v.coastWidth,
            v.land.rgba(),
            v.sea.rgba(),
            v.coast.rgba(),
        )

    def picture(self, key: tuple | None = None) -> QImage:
        """The picture of this view (`key`: the current one): the kept one, or drawn now and kept."""
        key = key or self._key()
        if self._opening is None:
            self._opening = key
        image = _pictures.get(key)
        if image is not None:
            _pictures.move_to_end(key)
            return image
        w, h = key[0], key[1]
        image = QImage(w, h, QImage.Format.Format_RGB32)
        self._draw(QPainter(image), w, h)
        # An image painted on keeps its raster paint engine, with the buffers the land's outline needed
        # (~7 MiB at any size), for as long as it lives; a copy is the pixels alone (2 ms at 1080p).
        image = image.copy()
        keep_picture(key, image)
        if not self._keep and key != self._opening:  # only what is still kept (two at most), so weeks of
            self._drawn[:] = [k for k in self._drawn if k in _pictures] + [key]  # panning do not grow it
        return image

    def _draw(self, painter: QPainter, w: int, h: int) -> None:
        v = self._view
        painter.fillRect(QRectF(0, 0, w, h), v.sea)
        scale = v.kmScale
        if scale > 0:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.scale(scale, scale)
            painter.translate(-v.originX, -v.originY)
            land, lakes, coast = land_paths()
            painter.fillPath(land, v.land)
            painter.fillPath(lakes, v.sea)
            if v.coastWidth > 0:
                from PySide6.QtGui import QPen  # drawing's types are built on the first map, not at start-up

                pen = QPen(v.coast, v.coastWidth)
                pen.setCosmetic(True)  # pixels, not km: the raster engine draws it without building an outline
                painter.strokePath(coast, pen)
            self._fade_edges(painter)
        painter.end()

    def _fade_edges(self, painter: QPainter) -> None:
        """The map's outer band fades into the sea colour: no hard box where the asset ends."""
        asset = map_asset()
        if asset is None:
            return
        from PySide6.QtGui import QLinearGradient  # built on the first map, not at start-up (~1.5 ms)

        w, h, band = asset.width_km, asset.height_km, FADE_KM
        clear = QColor(self._view.sea)
        clear.setAlpha(0)
        for x0, y0, x1, y1, rect in (
            (0, 0, band, 0, QRectF(0, 0, band, h)),
            (w, 0, w - band, 0, QRectF(w - band, 0, band, h)),
            (0, 0, 0, band, QRectF(0, 0, w, band)),
            (0, h, 0, h - band, QRectF(0, h - band, w, band)),
        ):
            gradient = QLinearGradient(x0, y0, x1, y1)
            gradient.setColorAt(0.0, self._view.sea)
            gradient.setColorAt(1.0, clear)
            painter.fillRect(rect, gradient)
