"""The facade the city screens bind to (context property `catalog`).

Python owns the data, the search, the facet arithmetic and the counts; QML only presents what is here.
The shell calls `load(repository, search_engine)` after opening the database (and again on a hot reload)
and `reset()` when the kiosk returns to idle. Without a search engine the index is built from the repository on
the first search (or `warm_search()`): start-up puts it off until after the first frame.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Property, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.data.english.names import district_en, memorial_kind_en, region_en
from kiosk.data.store.records import City, Tag
from kiosk.data.text.typography import typeset
from kiosk.ui.models.city_images import ImageRecord, Retired, city_images
from kiosk.ui.models.city_list import CityListModel, initial_letter
from kiosk.ui.models.facets import (
    DISTRICT,
    TAG,
    YEAR,
    FacetFilter,
    FacetModel,
    district_short,
    district_sort_key,
)
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them
from kiosk.ui.models.year_colors import year_colors
from kiosk.data.text.folding import folded

if TYPE_CHECKING:  # made on the first city page, not at start-up
    from kiosk.ui.models.city_detail import CityDetail, Neighbours

log = logging.getLogger(__name__)

MAX_QUERY = 40  # more than any city or region name; keeps a leaning elbow from filling the field
LONG_PARAGRAPH = 2400  # characters; longer paragraphs are cut at a space so one Text never holds a megabyte


class _Engine(Protocol):
    def search(self, query: str) -> list[int]: ...


def _fold(s: str) -> str:
    return folded(s).strip()


def name_key(name: str) -> tuple[str, str]:
    """Russian dictionary order: ё sorts with е, case does not matter."""
    return (_fold(name), name)


def paragraphs_of(text: str) -> list[str]:
    """The text split on newlines, blank lines dropped; a pathological paragraph is cut at spaces."""
    out: list[str] = []
    for raw in (text or "").split("\n"):
        para = raw.strip()
        while len(para) > LONG_PARAGRAPH:
            cut = para.rfind(" ", LONG_PARAGRAPH // 2, LONG_PARAGRAPH)
            cut = cut if cut > 0 else LONG_PARAGRAPH
            out.append(para[:cut].rstrip())
            para = para[cut:].lstrip()
        if para:
            out.append(para)
    return out


def _capitalised(s: str) -> str:
    s = (s or "").strip()
    return s[:1].upper() + s[1:]


@QmlNamedElement("Catalog")
@QmlSingleton
class Catalog(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """The visitor's view of the cities: search, facets, letters, records; QML's singleton `Catalog`."""

    queryChanged = Signal()
    resultsChanged = Signal()  # count, letters, neighbours, summary: anything derived from the result
    loadedChanged = Signal()
    alphabetChanged = Signal()  # the strip's letters: new data, or the other script (А–Я / A–Z)
    languageChanged = Signal()  # labels, regions and districts now in the other language (CityRecord re-reads)

    @staticmethod
    def create(engine):  # QML's singleton `Catalog`: the instance the app provided
        return instance_for(engine, Catalog)

    def __init__(self, parent: QObject | None = None, *, order: str = "name"):
        super().__init__(parent)
        # "name": А–Я when no query is typed (the index strip makes sense only then);
        # "display": the repository's own display order.
        self._order = order
        self._cities: list[City] = []
        self._by_id: dict[int, City] = {}
        self._tags: dict[str, Tag] = {}
        self._images: dict[int, list[ImageRecord]] = {}  # city id → its photographs (kiosk.ui.models.city_images)
        self._retired = Retired()  # the previous database's photographs
        self._qr_urls: frozenset[str] | None = None  # addresses whose QR code the database holds (None: unknown)
        self._engine: _Engine | None = None
        self._engine_source: Any = None  # the repository to build the index from when load() was given none
        self._query = ""
        self._base_ids: list[int] = []  # search result (or everything), ordered
        self._filter = FacetFilter()
        self._model = CityListModel(self)
        self._years = FacetModel(YEAR, self)
        self._districts = FacetModel(DISTRICT, self)
        self._tag_facet = FacetModel(TAG, self)
        self._english = False  # the visitor's language (LanguageService): labels, regions, districts

    # -- loading -------------------------------------------------------------------------------------------
    @Slot(object, object)
    def load(self, repository: Any, search_engine: Any = None) -> None:
        cities = list(repository.cities())
        tags = list(repository.tags()) if hasattr(repository, "tags") else []
        self._retired.retire(r for rs in self._images.values() for r in rs)
        self._images = city_images(repository, self)
        codes = getattr(repository, "qr_png", None)
        urls = {c.memorial.url for c in cities if c.memorial is not None and c.memorial.url}
        self._qr_urls = None if codes is None else frozenset(u for u in urls if codes(u) is not None)
        self.set_data(cities, tags, search_engine, engine_source=repository)

    def set_data(
        self, cities: list[City], tags: list[Tag], search_engine: Any = None, *, engine_source: Any = None
    ) -> None:
        """Load (or hot-reload) the data; keeps the query and the ticks that still make sense. Without a
        search engine, one is built on the first search, from `engine_source` (a repository) if given."""
        self._cities = self._ordered(cities)
        self._by_id = {c.id: c for c in cities}
        self._tags = {t.id: t for t in tags}
        self._engine = search_engine
        with_terms = search_engine is None and hasattr(engine_source, "search_terms")
        self._engine_source = engine_source if with_terms else None

        years = sorted({c.year for c in cities})
        self._years.set_values([(y, str(y), "") for y in years])
        districts = sorted({c.federal_district for c in cities if c.federal_district}, key=district_sort_key)
        used = {t for c in cities for t in c.tags}
        tag_values = [(t.id, t.label_ru, t.icon) for t in tags if t.id in used]
        self._label_facets()

        self._filter.retain(YEAR, set(years))
        self._filter.retain(DISTRICT, set(districts))
        self._filter.retain(TAG, {t[0] for t in tag_values})
        self._model.set_rows(self._model.rows(), self._tags)
        self._search()
        self.loadedChanged.emit()
        self.alphabetChanged.emit()

    def _ordered(self, cities: list[City]) -> list[City]:
        """А–Я by the Russian name; in English mode A–Z by the Latin name, the order the Latin strip indexes."""
        if self._order != "name":
            return list(cities)
        return sorted(cities, key=lambda c: name_key(self._index_name(c)))

    def _index_name(self, c: City) -> str:
        return (self._english and c.name_latin) or c.name

    # -- language ------------------------------------------------------------------------------------------
    def set_language(self, code: str) -> None:
        """English or Russian labels for tags, regions and districts, and the list A–Z by the Latin names; the
        query and ticks stay."""
        english = code == "en"
        if english == self._english:
            return
        self._english = english
        self._model.set_english(english)
        self._label_facets()
        self._cities = self._ordered(self._cities)
        self._search()  # the unsearched list follows the new order; new revision: the screens read their city again
        self.alphabetChanged.emit()
        self.languageChanged.emit()

    def _tag_label(self, tag: Tag) -> str:
        return (tag.label_en or tag.label_ru) if self._english else tag.label_ru

    def _district_label(self, district: str) -> str:
        if self._english and (english := district_en(district)):
            return english.removesuffix(" Federal District")  # the facet's heading names the kind
        return district_short(district)

    def _label_facets(self) -> None:
        districts = sorted({c.federal_district for c in self._cities if c.federal_district}, key=district_sort_key)
        self._districts.set_values([(d, self._district_label(d), "") for d in districts])
        used = {t for c in self._cities for t in c.tags}
        self._tag_facet.set_values([(t.id, self._tag_label(t), t.icon) for t in self._tags.values() if t.id in used])

    # -- the pipeline: query → engine → facets → model -----------------------------------------------------
    def _search(self) -> None:
        q = self._query.strip()
        if not q:
            self._base_ids = [c.id for c in self._cities]
        else:
            try:
                ids = list(self._search_engine().search(q))
            except Exception:  # a kiosk never shows a traceback: the same engine, rebuilt from the records
                log.exception("search engine failed for %r; searching again with one built from the records", q)
                from kiosk.data.search.engine import SearchEngine

                ids = SearchEngine(self._cities, list(self._tags.values())).search(q)
            # Known ids, first occurrence only, in the engine's order.
            self._base_ids = [i for i in dict.fromkeys(ids) if i in self._by_id]
        self._refilter()

    def _search_engine(self) -> _Engine:
        """The search index, built on first use when none came with the data: from the repository's search
        terms, or else from the records (the search module, its stemmer and romaniser load only then)."""
        if self._engine is None:
            from kiosk.data.search.engine import SearchEngine

            source, self._engine_source = self._engine_source, None
            self._engine = (
                SearchEngine.from_repository(source)
                if source is not None
                else SearchEngine(self._cities, list(self._tags.values()))
            )
        return self._engine

    def warm_search(self) -> None:
        """Build the index now (after the first frame), so the visitor's first keystroke does not wait for it."""
        self._search_engine()

    def _refilter(self) -> None:
        base = [self._by_id[i] for i in self._base_ids]
        self._model.set_rows(self._filter.apply(base))
        for model, kind in ((self._years, YEAR), (self._districts, DISTRICT), (self._tag_facet, TAG)):
            model.update_state(self._filter.counts(base, kind), self._filter.selected[kind])
        self.resultsChanged.emit()

    # -- properties ----------------------------------------------------------------------------------------
    def _get_query(self) -> str:
        return self._query

    def _set_query(self, value: str) -> None:
        value = (value or "")[:MAX_QUERY]
        if value == self._query:
            return
        self._query = value
        self.queryChanged.emit()
        self._search()

    query = Property(str, _get_query, _set_query, notify=queryChanged)

    @Property(QObject, constant=True)
    def cities(self) -> CityListModel:
        return self._model

    @Property(QObject, constant=True)
    def years(self) -> FacetModel:
        return self._years

    @Property(QObject, constant=True)
    def districts(self) -> FacetModel:
        return self._districts

    @Property(QObject, constant=True)
    def tags(self) -> FacetModel:
        return self._tag_facet

    @Property(int, constant=True)
    def maxQueryLength(self) -> int:
        return MAX_QUERY

    @Property("QVariantMap", notify=loadedChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def yearColors(self) -> dict[str, str]:
        """Year → colour for every year in the data (badges and filters alike; see year_colors.py)."""
        return {str(y): c for y, c in year_colors(c.year for c in self._cities).items()}

    @Property(int, notify=resultsChanged)
    def count(self) -> int:
        return self._model.rowCount()

    @Property(int, notify=loadedChanged)
    def total(self) -> int:
        return len(self._cities)

    @Property(bool, notify=resultsChanged)
    def filtersActive(self) -> bool:
        return self._filter.active

    @Property(bool, notify=resultsChanged)
    def narrowed(self) -> bool:
        """A query is typed or a facet is ticked: the visitor sees a subset (or nothing)."""
        return self._filter.active or bool(self._query.strip())

    @Property(bool, notify=resultsChanged)
    def ranked(self) -> bool:
        """A query is typed: the result is in order of relevance, not А–Я (the letter index does not apply)."""
        return bool(self._query.strip())

    @Property(int, notify=resultsChanged)
    def activeFilterCount(self) -> int:
        return sum(len(v) for v in self._filter.selected.values())

    @Property(str, notify=resultsChanged)
    def countText(self) -> str:
        n, total = self._model.rowCount(), len(self._cities)  # self.count reads as a Property to mypy
        # Qt picks the plural form from the installed translation (kiosk_ru.qm, kiosk_en.qm; LanguageService).
        if not self.narrowed:
            return self.tr("Всего %n городов", "", n)
        text = self.tr("Найдено %n городов из %1", "", n)
        return text.replace("%1", str(total))

    @Property(str, notify=resultsChanged)
    def filterSummary(self) -> str:
        """«2021 или 2022 · Уральский · Танки»: OR inside a kind, AND (·) between kinds, said in words."""
        parts = []
        orword = self.tr(" или ")
        for model, kind in ((self._years, YEAR), (self._districts, DISTRICT), (self._tag_facet, TAG)):
            chosen = [i["label"] for i in model.items() if i["value"] in self._filter.selected[kind]]
            if chosen:
                parts.append(orword.join(chosen))
        return " · ".join(parts)

    @Property("QStringList", notify=resultsChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def letters(self) -> list[str]:
        """Initial letters present in the current result, А–Я."""
        return sorted({initial_letter(self._index_name(c)) for c in self._model.rows()}, key=_fold)

    @Property("QStringList", notify=alphabetChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def alphabet(self) -> list[str]:
        """Initial letters of all cities: a stable index strip (absent letters are drawn disabled)."""
        return sorted({initial_letter(self._index_name(c)) for c in self._cities}, key=_fold)

    # -- actions -------------------------------------------------------------------------------------------
    @Slot(int)
    def toggleYear(self, year: int) -> None:
        self._filter.toggle(YEAR, int(year))
        self._refilter()

    @Slot(str)
    def toggleDistrict(self, name: str) -> None:
        self._filter.toggle(DISTRICT, name)
        self._refilter()

    @Slot(str)
    def toggleTag(self, tag_id: str) -> None:
        self._filter.toggle(TAG, tag_id)
        self._refilter()

    @Slot()
    def clearFilters(self) -> None:
        if self._filter.active:
            self._filter.clear()
            self._refilter()

    @Slot()
    def clearAll(self) -> None:
        """Query and filters: the empty state's «Сбросить поиск и фильтры»."""
        self._filter.clear()
        if self._query:
            self._query = ""
            self.queryChanged.emit()
        self._search()

    @Slot()
    def reset(self) -> None:
        """Idle reset: a fresh catalogue for the next visitor."""
        self.clearAll()

    # -- questions -----------------------------------------------------------------------------------------
    @Slot(str, result=int)
    def indexOfLetter(self, letter: str) -> int:
        letter = initial_letter(letter) if letter else ""
        for row, c in enumerate(self._model.rows()):
            if initial_letter(self._index_name(c)) == letter:
                return row
        return -1

    @Slot(str, result=int)
    def firstCityOfLetter(self, letter: str) -> int:
        """The id of the first city under this letter in the current result (0: none): the А–Я strip marks it."""
        row = self.indexOfLetter(letter)
        return self._model.cityIdAt(row) if row >= 0 else 0

    def name_of(self, city_id: int) -> str:
        """The city's Russian name ("" for an unknown id): what statistics count a city by."""
        c = self._by_id.get(int(city_id))
        return c.name if c is not None else ""

    def names(self) -> list[str]:
        """Every city shown, by name (statistics list the ones nobody opened)."""
        return [c.name for c in self._cities]

    def city(self, city_id: int) -> CityDetail | None:
        from kiosk.ui.models.city_detail import CityDetail, MemorialDetail, TagLabel

        c = self._by_id.get(int(city_id))
        if c is None:
            return None
        m = c.memorial
        english = self._english
        return CityDetail(
            id=c.id,
            name=c.name,
            region=(english and region_en(c.region)) or c.region,
            federal_district=(english and district_en(c.federal_district)) or c.federal_district,
            year=c.year,
            headline=typeset(c.headline),  # for cards and slides; the city page reads as one text
            paragraphs=tuple(paragraphs_of(typeset(c.text))),
            tags=tuple(
                TagLabel(t, self._tag_label(self._tags[t]), self._tags[t].icon) for t in c.tags if t in self._tags
            ),
            memorial=(
                MemorialDetail(
                    # English mode: the kind in the exhibition's vocabulary (стела → stela); the title stays Russian
                    _capitalised((english and memorial_kind_en(m.kind)) or m.kind),
                    typeset(m.title),
                    typeset(m.address),
                    m.url,
                    self._qr_urls is None or m.url in self._qr_urls,
                )
                if m is not None
                else None
            ),
            images=tuple(self._images.get(c.id, [])),
            name_latin=c.name_latin,
            # English mode: the curators' English summary where they wrote one (the Russian text follows it).
            summary_en=tuple(paragraphs_of(typeset(c.summary_en))) if english else (),
            source_titles=tuple(typeset(r.title) for r in c.sources),
        )

    def neighbours(self, city_id: int) -> Neighbours:
        """Previous/next in the current filtered order; 0 at the ends (the buttons are then disabled).

        A city outside the current result (opened from elsewhere) steps through all cities instead."""
        from kiosk.ui.models.city_detail import Neighbours

        ids = self._model.ids()
        if int(city_id) not in ids:
            ids = [c.id for c in self._cities]
        try:
            i = ids.index(int(city_id))
        except ValueError:
            return Neighbours(count=len(ids))
        prev_id = ids[i - 1] if i > 0 else 0
        next_id = ids[i + 1] if i + 1 < len(ids) else 0
        return Neighbours(
            previous=prev_id,
            next=next_id,
            previous_name=self._index_name(self._by_id[prev_id]) if prev_id else "",  # Latin in English mode
            next_name=self._index_name(self._by_id[next_id]) if next_id else "",
            position=i + 1,
            count=len(ids),
        )

    # -- for tests and the shell ---------------------------------------------------------------------------
    def ids(self) -> list[int]:
        return self._model.ids()
