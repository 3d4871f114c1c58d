"""What the map screen and the locator maps bind to: cities in map km, the view's scales, names, touches.

Python owns the geometry (kiosk.data.map_layout): where each name goes at each zoom rung and which city a
touch means. QML only positions what it is given. Names are measured with the font QML will draw them in.
Layouts are cached for the last view size only, one per language (English labels are the Latin names, of
other widths), so a kiosk that runs for weeks holds two.
"""

from __future__ import annotations

import collections
import logging
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.map_canvas import map_asset
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger(__name__)


@QmlNamedElement("CityMap")
@QmlSingleton
class MapModel(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `CityMap`."""

    @staticmethod
    def create(engine):  # QML's singleton `CityMap`: the instance the app provided
        return instance_for(engine, MapModel)

    citiesChanged = Signal()
    layoutChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cities: list[dict] = []  # placed cities, in the list's order
        self._unplaced: list[dict] = []
        self._dots: list[dict] = []
        self._by_id: dict[int, dict] = {}
        self._years: list[int] = []
        self._layout_key: tuple | None = None
        # (size, font, language) → (fit, max zoom, zooms, {cityId: (label, names)}): the last size's two languages.
        self._layouts: collections.OrderedDict[tuple, tuple] = collections.OrderedDict()
        self._fit = 0.0
        self._max_zoom = 1.0
        self._zooms: list[float] = [1.0]

    # -- data ----------------------------------------------------------------------------------------------
    def load(self, repository: Any) -> None:
        """Take the cities of a (re)loaded database; those without coordinates are listed, not placed."""
        asset = map_asset()
        placed, unplaced = [], []
        for c in repository.cities() if repository is not None else ():
            row = {
                "cityId": c.id,
                "name": c.name,
                "nameLatin": getattr(c, "name_latin", "") or "",
                "region": c.region,
                "year": c.year,
            }
            if c.lat is None or c.lon is None or asset is None:
                unplaced.append(row)
                continue
            x, y = asset.place(c.lat, c.lon)
            if not asset.contains(x, y):
                log.warning("city %s (%s) lies outside the map at %.3f, %.3f", c.id, c.name, c.lat, c.lon)
                unplaced.append(row)
                continue
            placed.append({**row, "x": x, "y": y, "names": [], "label": c.name})
        self._cities, self._unplaced = placed, unplaced
        self._dots = [{k: r[k] for k in ("cityId", "year", "x", "y")} for r in placed]
        self._by_id = {r["cityId"]: r for r in placed + unplaced}
        self._years = sorted({r["year"] for r in placed + unplaced})
        self._layout_key = None
        self._layouts.clear()
        self.citiesChanged.emit()
        self.layoutChanged.emit()

    @Property("QVariantList", notify=layoutChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def cities(self) -> list:
        """Cities on the map, in the list's order: cityId, name, region, year, x and y in map km, and `names`:
        per zoom rung, the name's box [dx, dy, w, h] from the dot, or null where the name is not shown."""
        return self._cities

    @Property("QVariantList", notify=citiesChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def dots(self) -> list:
        """The placed cities without their names' layout (cityId, year, x, y): light, for the locator maps."""
        return self._dots

    @Property("QVariantList", notify=citiesChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def unplaced(self) -> list:
        """Cities without coordinates (a curator's new row): listed beside the map."""
        return self._unplaced

    @Property("QVariantList", notify=citiesChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def years(self) -> list:
        return self._years

    @Property(float, constant=True)
    def widthKm(self) -> float:
        asset = map_asset()
        return asset.width_km if asset else 1.0

    @Property(float, constant=True)
    def heightKm(self) -> float:
        asset = map_asset()
        return asset.height_km if asset else 1.0

    def _focus(self) -> tuple[float, float, float, float]:
        asset = map_asset()
        if asset is None:
            return (0.0, 0.0, 1.0, 1.0)
        return asset.focus if asset.focus[2] > 0 else (0.0, 0.0, asset.width_km, asset.height_km)

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def focus(self) -> list:
        """The country's frame within the map, [x, y, w, h] in map km: zoom 1 fits it into the view."""
        return list(self._focus())

    @Slot(int, result=int)
    def yearOf(self, city_id: int) -> int:
        row = self._by_id.get(city_id)
        return row["year"] if row else 0

    @Slot(int, result="QVariant")
    def point(self, city_id: int):
        """{x, y} in map km for a city on the map, or null."""
        row = self._by_id.get(city_id)
        return {"x": row["x"], "y": row["y"]} if row and "x" in row else None

    # -- the view ------------------------------------------------------------------------------------------
    @Slot(float, float, float, str, float, float, float, str)
    def layout(
        self,
        width: float,
        height: float,
        ui_scale: float,
        font_family: str,
        font_px: float,
        dot_radius: float,
        gap: float,
        language: str = "ru",
    ) -> None:
        """Fit the map into width × height and place the names for every zoom rung (cached for one size and
        each language). In English a city's label is its Latin name (its Russian one when it has none)."""
        key = (round(width), round(height), round(ui_scale, 4), font_family, font_px, dot_radius, gap, language)
        if width <= 0 or height <= 0 or key == self._layout_key:
            return
        self._layout_key = key
        if key[:-1] != next(iter(self._layouts), key)[:-1]:
            self._layouts.clear()  # another size: the other language's layout is of no use any more
        if key not in self._layouts:
            self._layouts[key] = self._place(width, height, ui_scale, font_family, font_px, dot_radius, gap, language)
        self._fit, self._max_zoom, self._zooms, names = self._layouts[key]
        for r in self._cities:
            r["label"], r["names"] = names[r["cityId"]]
        self.layoutChanged.emit()

    def _place(
        self,
        width: float,
        height: float,
        ui_scale: float,
        font_family: str,
        font_px: float,
        dot_radius: float,
        gap: float,
        language: str,
    ) -> tuple:
        from PySide6.QtGui import QFont, QFontMetricsF  # Qt types are built on first use: the map's, not home's

        from kiosk.data.map_layout import Anchor, max_zoom, place_names, zoom_ladder  # the map's, not home's (start-up)

        focus = self._focus()
        self._fit = min(width / focus[2], height / focus[3])
        self._max_zoom = max_zoom(self._fit, ui_scale)
        self._zooms = zoom_ladder(self._max_zoom)
        labels = {r["cityId"]: (r["nameLatin"] or r["name"]) if language == "en" else r["name"] for r in self._cities}
        font = QFont(font_family)
        font.setPixelSize(max(1, round(font_px)))
        metrics = QFontMetricsF(font)
        pad = round(font_px * 0.3)
        anchors = [Anchor(r["cityId"], r["x"] * self._fit, r["y"] * self._fit) for r in self._cities]
        sizes = {i: (metrics.horizontalAdvance(label) + 2 * pad, metrics.height() + pad) for i, label in labels.items()}
        # Zoom 1 shows the country centred (MapView.reset): names there stay inside the view.
        first_view = (
            (focus[0] + focus[2] / 2) * self._fit - width / 2,
            (focus[1] + focus[3] / 2) * self._fit - height / 2,
            width,
            height,
        )
        levels = place_names(anchors, sizes, self._zooms, dot_radius, gap, first_view)
        names = {
            i: (label, [list(level[i]) if i in level else None for level in levels]) for i, label in labels.items()
        }
        return self._fit, self._max_zoom, self._zooms, names

    @Property(float, notify=layoutChanged)
    def fitScale(self) -> float:
        """Pixels per km at zoom 1 (the whole country in view)."""
        return self._fit

    @Property(float, notify=layoutChanged)
    def maxZoom(self) -> float:
        return self._max_zoom

    @Slot(float, result=int)
    def rung(self, zoom: float) -> int:
        from kiosk.data.map_layout import level_for

        return level_for(self._zooms, zoom)

    @Slot(int, result=int)
    def countUpTo(self, year: int) -> int:
        """Cities titled in or before `year`, with or without a point on the map."""
        return sum(1 for r in self._by_id.values() if r["year"] <= year)

    @Slot(int, result=int)
    def countIn(self, year: int) -> int:
        return sum(1 for r in self._by_id.values() if r["year"] == year)

    @Slot(float, float, float, float, int, result="QVariant")
    def touch(self, x: float, y: float, zoom: float, reach: float, shown_year: int) -> dict:
        """What a touch at content position (x, y) means at this zoom, among the cities titled up to
        shown_year: {cityId} for one city, or {cityId: 0, choices: [{cityId, name, region, year}]}."""
        scale = self._fit * zoom
        points = [(r["cityId"], r["x"] * scale, r["y"] * scale) for r in self._cities if r["year"] <= shown_year]
        from kiosk.data.map_layout import hit

        result = hit(points, x, y, reach)
        return {
            "cityId": result.city_id or 0,
            "choices": [
                {k: self._by_id[i][k] for k in ("cityId", "name", "nameLatin", "region", "year")}
                for i in result.choices
            ],
        }
