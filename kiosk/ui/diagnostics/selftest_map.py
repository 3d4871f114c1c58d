"""The self-test's visit to the map: whole country, then zoomed into the Urals and into Siberia at Baikal
(screenshots `map-*`)."""

from __future__ import annotations

URALS = (56.84, 60.6)  # Екатеринбург: the densest crowd of cities on the map
BAIKAL = (53.5, 106.0)  # the lakes layer's landmark (assets/map/lakes.json), between Irkutsk and Ulan-Ude


def visit_map(d, visit) -> list[str]:
    """d: the ShellDriver; visit(name, expect, …) renders and checks one view. Returns what was done."""
    from kiosk.ui.providers.map_canvas import map_asset

    d.nav("map")
    visit("map", "mapScreen")
    view = d.item("mapView")
    asset = map_asset()
    if view is not None and asset is not None:
        x, y = asset.place(*URALS)
        d.call(view, "showKm", x, y, float(view.property("maxZoom")) / 2)
        visit("map-urals", "mapScreen")
        x, y = asset.place(*BAIKAL)
        d.call(view, "showKm", x, y, float(view.property("maxZoom")) / 4)
        visit("map-baikal", "mapScreen")
        d.call(view, "reset")
    d.nav("back")
    return ["map (country, Urals, Baikal)"]
