"""Make the kiosk's map asset, assets/map/land.json, from Natural Earth land polygons. Reproducible.

Source: Natural Earth 1:50m land (public domain), as TopoJSON in the npm package world-atlas 2.0.2
(file land-50m.json; package licence ISC). The package is fetched with `npm pack` (the ordinary npm client)
into a temporary folder and checked against the registry's sha512 pinned below, or read from a local file:

    python db/tools/make_map.py                          # npm pack world-atlas@2.0.2, write the asset
    python db/tools/make_map.py --source land-50m.json   # or world-atlas-2.0.2.tgz, already at hand
    python db/tools/make_map.py --check                  # write nothing; exit 1 if the asset would change

Steps, all pure functions below: decode the TopoJSON → keep rings near northern Eurasia → unwrap longitudes
around the central meridian → project (kiosk.data.map.projection.RUSSIA) → clip to the map's frame
(Sutherland–Hodgman; the frame is the country's extremes plus a surround) → simplify (Douglas–Peucker, SIMPLIFY_KM)
→ round to UNIT_KM → delta-encode.
Integers only and sorted keys: the same input always gives the same bytes. No political borders: land only.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from kiosk.data.map.projection import RUSSIA, LambertConic, wrap_lon  # noqa: E402 — after sys.path gains the repository

PACKAGE = "world-atlas@2.0.2"
PACKAGE_FILE = "package/land-50m.json"
# `npm view world-atlas@2.0.2 dist.integrity`
PACKAGE_SHA512 = "IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
OUT = ROOT / "assets" / "map" / "land.json"

# Northern Eurasia: the frame holds these extremes of the country with MARGIN_KM around them. (lat, lon)
EXTREMES = (
    (54.4, 19.6),  # Kaliningrad region, west
    (69.9, 31.0),  # Kola peninsula
    (81.9, 58.0),  # Franz Josef Land
    (81.3, 95.5),  # Severnaya Zemlya
    (77.7, 104.3),  # Cape Chelyuskin
    (76.2, 140.0),  # New Siberian Islands
    (71.5, -179.5),  # Wrangel Island
    (66.1, -169.7),  # Cape Dezhnev, east
    (50.9, 156.7),  # Kamchatka's cape Lopatka
    (42.6, 130.7),  # Primorye, south-east
    (41.2, 47.8),  # Dagestan, south
    (44.4, 33.6),  # Crimea
)
MARGIN_KM = 250.0
SURROUND_KM = 800.0  # land and sea drawn around that frame, so a wide or tall screen shows geography, not a box
LON_RANGE = (0.0, 215.0)  # rings wholly outside these ranges are skipped before projecting
LAT_RANGE = (30.0, 90.0)
UNIT_KM = 0.5  # stored coordinates are integers in this unit
SIMPLIFY_KM = 0.75  # Douglas–Peucker tolerance: a third of a pixel on a 4K screen zoomed 4× into the Urals
MIN_RING_KM2 = 40.0  # islands smaller than this vanish at any zoom the kiosk offers


# ---- TopoJSON ---------------------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc (quantized, delta-encoded arcs are undone)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for p in arc:
            if transform:
                x, y = x + p[0], y + p[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((p[0], p[1]))
        arcs.append(points)
    return arcs


def ring_points(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    """One ring from arc indices (a negative index ~i is arc i reversed); shared end points once."""
    ring: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc[1:] if ring else arc)
    return ring


def topology_rings(topology: dict, name: str) -> list[list[tuple[float, float]]]:
    """Every ring (outer and holes alike: they are drawn with the even-odd rule) of object `name`."""
    arcs = decode_arcs(topology)
    rings = []

    def polygon(poly):
        rings.extend(ring_points(arcs, r) for r in poly)

    obj = topology["objects"][name]
    for geometry in obj.get("geometries", [obj]):
        if geometry["type"] == "Polygon":
            polygon(geometry["arcs"])
        elif geometry["type"] == "MultiPolygon":
            for poly in geometry["arcs"]:
                polygon(poly)
    return rings


# ---- geometry ---------------------------------------------------------------------------------------------


def unwrap(ring: list[tuple[float, float]], lon0: float) -> list[tuple[float, float]]:
    """Longitudes made continuous along the ring and centred on lon0, so no edge jumps across the map."""
    out, prev = [], None
    for lon, lat in ring:
        lon = wrap_lon(lon, lon0) if prev is None else prev + ((lon - prev + 180.0) % 360.0 - 180.0)
        out.append((lon, lat))
        prev = lon
    return out


def near_region(ring: list[tuple[float, float]]) -> bool:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return (
        max(lats) >= LAT_RANGE[0]
        and min(lats) <= LAT_RANGE[1]
        and max(lons) >= LON_RANGE[0]
        and min(lons) <= LON_RANGE[1]
    )


def frame(projection: LambertConic) -> tuple[float, float, float, float]:
    """The map's rectangle in km (xmin, ymin, xmax, ymax): the country's extremes and a margin."""
    pts = [projection.project(lat, lon) for lat, lon in EXTREMES]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs) - MARGIN_KM, min(ys) - MARGIN_KM, max(xs) + MARGIN_KM, max(ys) + MARGIN_KM


def clip(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a closed ring inside the box (edges along the box where cut)."""
    xmin, ymin, xmax, ymax = box
    edges = (
        (lambda p: p[0] >= xmin, lambda a, b: _cross_x(a, b, xmin)),
        (lambda p: p[0] <= xmax, lambda a, b: _cross_x(a, b, xmax)),
        (lambda p: p[1] >= ymin, lambda a, b: _cross_y(a, b, ymin)),
        (lambda p: p[1] <= ymax, lambda a, b: _cross_y(a, b, ymax)),
    )
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    for inside, cross in edges:
        if not points:
            break
        out = []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        points = out
    return points


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on an open polyline (iterative: coastlines are long). Keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, worst_d = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            if length2 == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length2**0.5
            if d > worst_d:
                worst, worst_d = i, d
        if worst >= 0:
            keep[worst] = True
            stack += [(first, worst), (worst, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """A closed ring split at its two farthest-apart points, so Douglas–Peucker has a real baseline."""
    if len(ring) < 4:
        return list(ring)
    start = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    first = simplify(ring[: far + 1], tolerance)
    second = simplify([*ring[far:], start], tolerance)
    return first + second[1:-1]


def area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))) / 2


def quantize(ring: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[int]:
    """Integers in UNIT_KM from the frame's top-left, delta-encoded (x0, y0, dx1, dy1, …); repeats dropped."""
    flat: list[int] = []
    px = py = None
    x0 = y0 = 0
    for x, y in ring:
        qx, qy = round((x - box[0]) / UNIT_KM), round((y - box[1]) / UNIT_KM)
        if (qx, qy) == (px, py):
            continue
        flat += [qx - x0, qy - y0]
        x0, y0 = px, py = qx, qy
    return flat


# ---- the asset ----------------------------------------------------------------------------------------------


def make_asset(topology: dict, projection: LambertConic = RUSSIA) -> dict:
    focus = frame(projection)
    box = (focus[0] - SURROUND_KM, focus[1] - SURROUND_KM, focus[2] + SURROUND_KM, focus[3] + SURROUND_KM)
    rings = []
    for ring in topology_rings(topology, "land"):
        ring = unwrap(ring, projection.lon0)
        if not near_region(ring):
            continue
        projected = clip([projection.project(lat, lon) for lon, lat in ring], box)
        if len(projected) < 3 or area(projected) < MIN_RING_KM2:
            continue
        simple = simplify_ring(projected, SIMPLIFY_KM)
        encoded = quantize(simple, box)
        if len(encoded) >= 6:
            rings.append(encoded)
    rings.sort(key=lambda r: (-len(r), r[:2]))  # biggest first; a stable order
    width, height = box[2] - box[0], box[3] - box[1]
    return {
        "format": 1,
        "source": "Natural Earth 1:50m land (public domain), npm world-atlas 2.0.2 land-50m.json",
        "projection": projection.as_dict(),
        "origin_km": [round(box[0], 3), round(box[1], 3)],
        "unit_km": UNIT_KM,
        "size": [round(width / UNIT_KM), round(height / UNIT_KM)],
        # The country's frame within the map (x, y, width, height in UNIT_KM): what the kiosk fits on screen.
        "focus": [
            round((focus[0] - box[0]) / UNIT_KM),
            round((focus[1] - box[1]) / UNIT_KM),
            round((focus[2] - focus[0]) / UNIT_KM),
            round((focus[3] - focus[1]) / UNIT_KM),
        ],
        "land": rings,
    }


def encode(asset: dict) -> bytes:
    """Compact, sorted, one ring per line (diffs stay readable), newline at the end."""
    head = {k: v for k, v in asset.items() if k != "land"}
    text = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    rings = ",\n".join(json.dumps(r, separators=(",", ":")) for r in asset["land"])
    return f'{text},"land":[\n{rings}\n]}}\n'.encode()


# ---- input ------------------------------------------------------------------------------------------------


def load_source(path: Path | None) -> dict:
    if path is not None and path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if path is None:
        tmp = Path(tempfile.mkdtemp(prefix="world-atlas-"))
        subprocess.run(
            ["npm", "pack", PACKAGE, "--silent", "--pack-destination", str(tmp)], check=True, stdout=subprocess.DEVNULL
        )
        path = next(tmp.glob("*.tgz"))
    data = path.read_bytes()
    digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != PACKAGE_SHA512:
        raise SystemExit(f"{path}: sha512 {digest} is not {PACKAGE}'s {PACKAGE_SHA512}")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        member = tar.extractfile(PACKAGE_FILE)
        assert member is not None
        return json.loads(member.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="land-50m.json or world-atlas-2.0.2.tgz (default: npm pack)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the asset would change")
    args = parser.parse_args(argv)
    return write_or_check(args.out, encode(make_asset(load_source(args.source))), args.check, "land")


def write_or_check(out: Path, data: bytes, check: bool, layer: str) -> int:
    """Write the asset, or with `check` only say whether it would change (exit 1); shared with make_lakes."""
    old = out.read_bytes() if out.exists() else None
    if check:
        print(f"{out}: {'up to date' if old == data else 'would change'}")
        return 0 if old == data else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{out}: {len(data)} bytes, {len(json.loads(data)[layer])} rings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
