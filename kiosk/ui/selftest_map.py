"""The self-test's visit to the map: whole country, then zoomed into the Urals (screenshots `map-*`)."""

from __future__ import annotations

URALS = (56.84, 60.6)  # Екатеринбург: the densest crowd of cities on the map


def visit_map(d, visit) -> list[str]:
    """d: the ShellDriver; visit(name, expect, …) renders and checks one view. Returns what was done."""
    from kiosk.ui.map_canvas import map_asset

    d.nav("map")
    visit("map", "mapScreen")
    view = d.item("mapView")
    asset = map_asset()
    if view is not None and asset is not None:
        x, y = asset.place(*URALS)
        d.call(view, "showKm", x, y, float(view.property("maxZoom")) / 2)
        visit("map-urals", "mapScreen")
        d.call(view, "reset")
    d.nav("back")
    return ["map (country, Urals)"]
