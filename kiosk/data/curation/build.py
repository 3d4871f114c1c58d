"""`kiosk-db build`: db/sources (TOML) → one SQLite file, replaced atomically.

The new database is written beside the target and renamed over it (kiosk.data.curation.publish).
"""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from kiosk.data.store import schema
from kiosk.data.novokuznetsk.build import write_section
from kiosk.data.curation.publish import publish, write_meta, write_qr_codes, write_search_terms
from kiosk.data.cities.sources import Sources, load_sources


def _write(db: sqlite_utils.Database, src: Sources) -> None:
    tags = {t.id: t for t in src.tags}
    db["tags"].insert_all(
        {"id": t.id, "label_ru": t.label_ru, "label_en": t.label_en, "icon": t.icon, "position": i}
        for i, t in enumerate(src.tags)
    )
    cities = [cs.city for cs in src.cities]
    db["cities"].insert_all(
        {
            "id": c.id,
            "name": c.name,
            "name_seed": cs.name_seed,
            "region": c.region,
            "region_seed": cs.region_seed,
            "federal_district": c.federal_district,
            "year": c.year,
            "text": c.text,
            "headline": c.headline,
            "lat": c.lat,
            "lon": c.lon,
            "geonameid": cs.geonameid,
            "name_latin": c.name_latin,
            "summary_en": c.summary_en or None,
        }
        for cs, c in zip(src.cities, cities)
    )
    db["memorials"].insert_all(
        {
            "city_id": c.id,
            "kind": c.memorial.kind,
            "title": c.memorial.title,
            "address": c.memorial.address,
            "url": c.memorial.url,
            "seed_text": cs.memorial_seed,
        }
        for cs, c in zip(src.cities, cities)
        if c.memorial is not None
    )
    db["city_tags"].insert_all({"city_id": c.id, "tag_id": t} for c in cities for t in c.tags)
    db["city_sources"].insert_all(
        {"city_id": c.id, "position": i, "title": r.title, "url": r.url, "facts": r.facts}
        for c in cities
        for i, r in enumerate(c.sources)
    )
    db["corrections"].insert_all(
        {
            "id": k.id,
            "city_id": k.city_id,
            "field": k.field,
            "original": k.original,
            "corrected": k.corrected,
            "note": k.note,
        }
        for k in src.corrections()
    )
    db["questions"].insert_all(
        {"id": q.id, "city_id": q.city_id, "field": q.field, "note": q.note} for q in src.questions()
    )
    db["slides"].insert_all(
        {
            "id": s.id,
            "title": s.title,
            "text": s.text,
            "duration": s.duration,
            "position": s.position,
            "enabled": int(s.enabled),
            "source": s.source,
            "title_en": s.title_en or None,
            "text_en": s.text_en or None,
        }
        for s in src.slides
    )
    from kiosk.data.quiz.curated import to_row

    db[schema.QUIZ.name].insert_all(to_row(q) for q in src.quiz)
    write_search_terms(db, cities, tags)
    write_qr_codes(db, (c.memorial.url for c in cities if c.memorial is not None))
    write_section(db, src.section)
    write_meta(db, src.sha256(), src.relative_files())


def build_database(sources_dir: str | Path, out: str | Path) -> Path:
    """Check the sources and write the database to `out`. Raises DataErrors (nothing written) on problems.

    The new file is checked like `kiosk-db validate` before it replaces the old one.
    """
    src = load_sources(sources_dir)  # raises before anything touches the disk
    return publish(out, lambda db: _write(db, src))
