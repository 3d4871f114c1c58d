"""Read-only access to a built database: checked, loaded once into typed records, connection closed.

Seventy cities fit in memory many times over; holding no connection means a curator can replace the file at
any time (build uses os.replace) and the kiosk switches by opening a new Repository.
"""

from __future__ import annotations

import sqlite3
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.data.novokuznetsk import load as nk_load
from kiosk.data.store import schema
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.store.records import City, CitySourceRef, Correction, ImageRef, Memorial, OpenQuestion, SearchTerms, Tag
from kiosk.data.store.sqlite_ro import SnapshotConnection, open_readonly
from kiosk.data.store.validate import check_connection

if TYPE_CHECKING:
    from kiosk.data.novokuznetsk.records import Section
    from kiosk.data.store.snapshot import Snapshot
    from kiosk.data.quiz.curated import CuratedQuestion
    from kiosk.data.attract.slides import CuratorSlide

# An open question on one of these fields puts the row itself in doubt (kiosk config: show_disputed_cities).
IDENTITY_FIELDS = ("name",)


class Repository:
    """Everything in one database file, as immutable records in display order."""

    def __init__(
        self,
        path: str | Path,
        cities: tuple[City, ...],
        tags: tuple[Tag, ...],
        meta: dict[str, str],
        corrections: tuple[Correction, ...],
        search_terms: tuple[SearchTerms, ...],
        questions: tuple[OpenQuestion, ...] = (),
        section: Section | dict[str, list[tuple[Any, ...]]] | None = None,
        images: tuple[ImageRef, ...] = (),
        slides: tuple[CuratorSlide, ...] | list[tuple[Any, ...]] = (),
        quiz: tuple[CuratedQuestion, ...] | list[tuple[Any, ...]] = (),
        qr_codes: dict[str, bytes] | None = None,
    ) -> None:
        """`section` and `slides` may be their rows as stored (nk_load.read_rows, schema.SLIDE_ROWS): their records
        are made when first asked for (the kiosk's home shows neither)."""
        self.path = Path(path)
        self._cities = cities
        self._by_id = {c.id: c for c in cities}
        self._tags = tags
        self._meta = dict(meta)
        self._corrections = corrections
        self._search_terms = search_terms
        self._questions = questions
        self._section = section if section is not None else nk_load.NO_ROWS
        self._images = images
        self._slides = slides
        self._quiz = quiz
        self._qr_codes = dict(qr_codes or {})
        self._images_by_owner: dict[tuple[str, str], tuple[ImageRef, ...]] = {}
        for im in images:
            key = (im.owner_type, im.owner_id)
            self._images_by_owner[key] = (*self._images_by_owner.get(key, ()), im)

    @classmethod
    def open(cls, path: str | Path, full_check: bool = True) -> Repository:
        """Check and load the file; raises DataError (DataErrors when there are several problems).
        full_check=False checks only what loading needs (see validate.check_connection; `checked` says which):
        the kiosk's first open, whose remaining checks run after the first frame (`verify_file`)."""
        conn = open_readonly(path)
        try:
            conn.execute("BEGIN")  # one snapshot for checking and loading
            _raise_any(check_connection(conn, path, full=full_check))
            try:
                repo = _load(conn, path)
            except Exception as exc:
                if not full_check and not isinstance(exc, (sqlite3.Error, DataError)):
                    _raise_any(check_connection(conn, path))  # a row that breaks loading: say which, and where
                raise
            repo.checked = full_check
            if repo._images and isinstance(conn, SnapshotConnection) and (kept := conn.detach_snapshot()) is not None:
                repo._keep_snapshot(kept)  # its checksum is read when first asked for (digest())
            elif isinstance(conn, SnapshotConnection) and conn.snapshot is not None:
                repo.content_digest = conn.snapshot.digest  # a file without photographs: small, read now
            return repo
        except sqlite3.Error as e:
            raise DataError(path, f"unreadable: {e}") from None
        finally:
            conn.close()

    checked = True  # every check ran when it was opened (see open(full_check))
    content_digest: int | None = None  # the checksum of the file's bytes as they were read (snapshot.content_digest)

    def _keep_snapshot(self, snapshot: Snapshot) -> None:
        """Images are read on demand from the private snapshot these records came from, never from the
        curators' file (which may have been replaced meanwhile, and must not be copied per image)."""
        self._snapshot = snapshot
        self._snapshot_finalizer = weakref.finalize(self, snapshot.discard)

    def digest(self) -> int | None:
        """The checksum of the file's bytes as they were read (snapshot.content_digest); with photographs it is read
        from the kept snapshot the first time (~1 s for 0.5 GB: never on the GUI thread). None when unknown."""
        snapshot = getattr(self, "_snapshot", None)
        if self.content_digest is None and snapshot is not None:
            self.content_digest = snapshot.digest
        return self.content_digest

    @property
    def snapshot_path(self) -> Path | None:
        """The private snapshot these records came from, while it is kept (a file with images), else None."""
        snapshot = getattr(self, "_snapshot", None)
        return snapshot.path if snapshot is not None and snapshot.path.exists() else None

    def close(self) -> None:
        """Remove the private snapshot kept for images (the kiosk calls this when it switches files)."""
        finalizer = getattr(self, "_snapshot_finalizer", None)
        if finalizer is not None:
            finalizer()

    def cities(self) -> tuple[City, ...]:
        return self._cities

    def disputed_city_ids(self) -> set[int]:
        """Cities whose very identity is an open question (a question on `name`, e.g. row 46: the decree names
        Вологда, the seed Волгоград): what the kiosk hides from visitors unless its config shows them."""
        return {q.city_id for q in self._questions if q.field in IDENTITY_FIELDS}

    def withhold_cities(self, ids: set[int]) -> None:
        """Leave these cities out of what the kiosk shows (cities, city, search terms); the report and the
        exports open the file themselves and still see every row."""
        if not ids:
            return
        self._cities = tuple(c for c in self._cities if c.id not in ids)
        self._by_id = {c.id: c for c in self._cities}
        self._search_terms = tuple(t for t in self._search_terms if t.city_id not in ids)

    def city(self, city_id: int) -> City:
        """The city with this id; KeyError when there is none."""
        return self._by_id[city_id]

    def tags(self) -> tuple[Tag, ...]:
        return self._tags

    def meta(self) -> dict[str, str]:
        return dict(self._meta)

    def qr_png(self, url: str) -> bytes | None:
        """The QR code of a memorial's address as drawn by the build (kiosk.data.qr_codes), None for none."""
        return self._qr_codes.get(url)

    def corrections(self) -> tuple[Correction, ...]:
        return self._corrections

    def questions(self) -> tuple[OpenQuestion, ...]:
        """Open doubts an editor must settle; the values stay as the seed has them meanwhile."""
        return self._questions

    def section(self) -> Section:
        """The Novokuznetsk section (empty when the sources had none), made from its rows on the first call."""
        if isinstance(self._section, dict):
            self._section = nk_load.build_section(self._section)  # a race builds it twice, the same
        return self._section

    def has_section(self) -> bool:
        """bool(section()), without making the section's records (the kiosk's home asks this before its first frame)."""
        section = self._section
        return nk_load.has_section(section) if isinstance(section, dict) else bool(section)

    def slides(self) -> tuple[CuratorSlide, ...]:
        """Curators' attract-mode slides as stored, disabled and broken ones included (the deck filters)."""
        if isinstance(self._slides, list):
            from kiosk.data.attract.slides import from_rows

            self._slides = from_rows(self._slides)
        return self._slides

    def quiz_questions(self) -> tuple[CuratedQuestion, ...]:
        """Curators' quiz questions as stored, disabled and broken ones included (rounds leave those out)."""
        if isinstance(self._quiz, list):
            from kiosk.data.quiz.curated import from_rows

            self._quiz = from_rows(self._quiz)
        return self._quiz

    def images(self) -> tuple[ImageRef, ...]:
        return self._images

    def images_of(self, owner_type: str, owner_id: object) -> tuple[ImageRef, ...]:
        """An owner's images in their order, e.g. images_of("city", 5)."""
        return self._images_by_owner.get((owner_type, str(owner_id)), ())

    def image_data(self, image_id: int) -> bytes:
        """The stored bytes of one image, read from the file now; DataError when it is gone or unreadable."""
        snapshot = getattr(self, "_snapshot", None)
        if snapshot is not None and snapshot.path.exists():
            try:
                conn = sqlite3.connect(snapshot.path.as_uri() + "?mode=ro", uri=True)
            except sqlite3.Error as e:
                raise DataError(self.path, f"unreadable: {e}", table="images", row_id=image_id) from None
        else:
            conn = open_readonly(self.path)
        try:
            row = conn.execute("SELECT data FROM images WHERE id = ?", (image_id,)).fetchone()
        except sqlite3.Error as e:
            raise DataError(self.path, f"unreadable: {e}", table="images", row_id=image_id) from None
        finally:
            conn.close()
        if row is None or not isinstance(row[0], bytes):
            raise DataError(self.path, "no such image", table="images", row_id=image_id)
        return row[0]

    def search_terms(self) -> tuple[SearchTerms, ...]:
        return self._search_terms

    @property
    def schema_version(self) -> int:
        return int(self._meta["schema_version"])

    def __len__(self) -> int:
        return len(self._cities)

    def __repr__(self) -> str:
        return f"Repository({str(self.path)!r}, {len(self._cities)} cities)"


def verify_file(path: str | Path, private: Path | None = None) -> DataError | None:
    """What every check Repository.open runs finds in the file as it is now, as open() would raise it (None: no
    problem). Raises DataError only when the file cannot be read again (gone, being replaced…).
    `private`: the private snapshot already taken of the file as it is now (Repository.snapshot_path), checked
    in place of a second copy (with photographs, a second copy of the whole file on disk)."""
    if private is not None:
        try:
            conn = sqlite3.connect(private.as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as e:
            raise DataError(path, f"unreadable: {e}") from None
    else:
        conn = open_readonly(path)
    try:
        return _as_one(check_connection(conn, path))
    finally:
        conn.close()


def _as_one(problems: list[DataError]) -> DataError | None:
    return (problems[0] if len(problems) == 1 else DataErrors(problems)) if problems else None


def _raise_any(problems: list[DataError]) -> None:
    if (error := _as_one(problems)) is not None:
        raise error


def _load(conn: sqlite3.Connection, path: str | Path) -> Repository:
    q = conn.execute
    tags = tuple(Tag(*r) for r in q("SELECT id, label_ru, label_en, icon FROM tags ORDER BY position, id"))
    position = {t.id: i for i, t in enumerate(tags)}
    city_tags: dict[int, list[str]] = {}
    for cid, tag in q("SELECT city_id, tag_id FROM city_tags"):
        city_tags.setdefault(cid, []).append(tag)
    memorials = {r[0]: Memorial(*r[1:]) for r in q("SELECT city_id, kind, title, address, url FROM memorials")}
    sources: dict[int, list[CitySourceRef]] = {}
    for cid, title, url, facts in q("SELECT city_id, title, url, facts FROM city_sources ORDER BY city_id, position"):
        sources.setdefault(cid, []).append(CitySourceRef(title, url, facts))
    cities = tuple(
        City(
            id=cid,
            name=name,
            region=region,
            federal_district=district,
            year=year,
            text=text,
            headline=headline,
            lat=lat,
            lon=lon,
            name_latin=latin or "",
            tags=tuple(sorted(city_tags.get(cid, ()), key=lambda t: (position.get(t, len(position)), t))),
            memorial=memorials.get(cid),
            summary_en=summary_en or "",
            sources=tuple(sources.get(cid, ())),
        )
        for cid, name, region, district, year, text, headline, lat, lon, latin, summary_en in q(
            "SELECT id, name, region, federal_district, year, text, headline, lat, lon, name_latin, summary_en "
            "FROM cities ORDER BY id"
        )
    )
    meta = {k: v for k, v in q("SELECT key, value FROM meta")}
    corrections = tuple(
        Correction(rid, cid, field, original or "", corrected or "", note)
        for rid, cid, field, original, corrected, note in q(
            "SELECT id, city_id, field, original, corrected, note FROM corrections ORDER BY id"
        )
    )
    questions = tuple(OpenQuestion(*row) for row in q("SELECT id, city_id, field, note FROM questions ORDER BY id"))
    cols = ", ".join(schema.SEARCH_COLUMNS)
    terms = tuple(
        SearchTerms(r[0], *(tuple((v or "").split()) for v in r[1:]))
        for r in q(f"SELECT city_id, {cols} FROM {schema.SEARCH_TERMS.name} ORDER BY city_id")
    )
    images = tuple(
        ImageRef(rid, kind, str(owner), pos, caption or "", credit or "", w, h, fmt)
        for rid, kind, owner, pos, caption, credit, w, h, fmt in q(
            "SELECT id, owner_type, owner_id, position, caption, credit, width, height, format FROM images "
            "ORDER BY owner_type, owner_id, position, id"
        )
    )
    return Repository(
        path,
        cities,
        tags,
        meta,
        corrections,
        terms,
        questions,
        nk_load.read_rows(conn),
        images,
        q(schema.SLIDE_ROWS).fetchall(),
        q(schema.QUIZ_ROWS).fetchall(),
        dict(q(f"SELECT url, png FROM {schema.QR_CODES.name}")),
    )
