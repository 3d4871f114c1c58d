"""What the map screen and the locator maps bind to: cities in map km, the view's scales, names, touches.

Python owns the geometry (kiosk.data.map.layout): where each name goes at each zoom rung and which city a
touch means. QML only positions what it is given. Names are measured with the font QML will draw them in.
Layouts are cached for the last view size only, one per language (English labels are the Latin names, of
other widths), so a kiosk that runs for weeks holds two.
"""

from __future__ import annotations

import collections
import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.providers.map_canvas import map_asset
from kiosk.ui.models.map_cities import MapCity, MapCityList
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
        self._cities = MapCityList(self)  # placed cities, in the list's order
        self._unplaced = MapCityList(self)
        self._by_id: dict[int, MapCity] = {}
        self._placed: set[int] = set()
        self._revision = 0
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
        placed: list[MapCity] = []
        unplaced: list[MapCity] = []
        for c in repository.cities() if repository is not None else ():
            row = MapCity(c.id, c.name, getattr(c, "name_latin", "") or "", c.region, c.year)
            if c.lat is None or c.lon is None or asset is None:
                unplaced.append(row)
                continue
            x, y = asset.place(c.lat, c.lon)
            if not asset.contains(x, y):
                log.warning("city %s (%s) lies outside the map at %.3f, %.3f", c.id, c.name, c.lat, c.lon)
                unplaced.append(row)
                continue
            placed.append(replace(row, x=x, y=y))
        self._cities.set_rows(tuple(placed))
        self._unplaced.set_rows(tuple(unplaced))
        self._by_id = {r.city_id: r for r in placed + unplaced}
        self._placed = {r.city_id for r in placed}
        self._years = sorted({r.year for r in placed + unplaced})
        self._revision += 1
        self._layout_key = None
        self._layouts.clear()
        self.citiesChanged.emit()
        self.layoutChanged.emit()

    @Property(MapCityList, constant=True)
    def cities(self) -> MapCityList:
        """Cities on the map, in the list's order, with their names' layout for the current view (map_cities)."""
        return self._cities

    @Property(MapCityList, constant=True)
    def unplaced(self) -> MapCityList:
        """Cities without coordinates (a curator's new row): listed beside the map."""
        return self._unplaced

    @Property(int, notify=citiesChanged)
    def revision(self) -> int:
        """Counts the loads: a binding that asks point() or yearOf() names it, to be asked again after one."""
        return self._revision

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
        return row.year if row else 0

    @Slot(int, result="QVariant")
    def point(self, city_id: int):
        """{x, y} in map km for a city on the map, or null."""
        row = self._by_id.get(city_id)
        return {"x": row.x, "y": row.y} if row and city_id in self._placed else None

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
        self._cities.set_names(names)
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

        from kiosk.data.map.layout import Anchor, max_zoom, place_names, zoom_ladder  # the map's, not home's (start-up)

        focus = self._focus()
        self._fit = min(width / focus[2], height / focus[3])
        self._max_zoom = max_zoom(self._fit, ui_scale)
        self._zooms = zoom_ladder(self._max_zoom)
        rows = self._cities.rows
        labels = {r.city_id: (r.name_latin or r.name) if language == "en" else r.name for r in rows}
        font = QFont(font_family)
        font.setPixelSize(max(1, round(font_px)))
        metrics = QFontMetricsF(font)
        pad = round(font_px * 0.3)
        anchors = [Anchor(r.city_id, r.x * self._fit, r.y * self._fit) for r in rows]
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
        from kiosk.data.map.layout import level_for

        return level_for(self._zooms, zoom)

    @Slot(int, result=int)
    def countUpTo(self, year: int) -> int:
        """Cities titled in or before `year`, with or without a point on the map."""
        return sum(1 for r in self._by_id.values() if r.year <= year)

    @Slot(int, int, int, result=int)
    def step(self, row: int, by: int, shown_year: int) -> int:
        """The keyboard's next city from `row` in the list's order (by -1 or 1, round the end), skipping those
        titled after `shown_year`; -1 when there is none."""
        rows = self._cities.rows
        n = len(rows)
        for k in range(1, n):
            i = (row + by * k) % n
            if rows[i].year <= shown_year:
                return i
        return -1

    @Slot(int, result=int)
    def countIn(self, year: int) -> int:
        return sum(1 for r in self._by_id.values() if r.year == year)

    @Slot(float, float, float, float, int, result="QVariant")
    def touch(self, x: float, y: float, zoom: float, reach: float, shown_year: int) -> dict:
        """What a touch at content position (x, y) means at this zoom, among the cities titled up to
        shown_year: {cityId} for one city, or {cityId: 0, choices: [{cityId, name, region, year}]}."""
        scale = self._fit * zoom
        points = [(r.city_id, r.x * scale, r.y * scale) for r in self._cities.rows if r.year <= shown_year]
        from kiosk.data.map.layout import hit

        result = hit(points, x, y, reach)
        return {
            "cityId": result.city_id or 0,
            "choices": [self._choice(self._by_id[i]) for i in result.choices],
        }

    @staticmethod
    def _choice(c: MapCity) -> dict:
        """One city of the chooser a touch between cities opens (a transient answer, read once by QML)."""
        return {"cityId": c.city_id, "name": c.name, "nameLatin": c.name_latin, "region": c.region, "year": c.year}
