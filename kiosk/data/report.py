"""`kiosk-db report`: findings for a curator to act on, each naming the record, the field and the evidence.

Grouped by severity: «error» (visitors see something wrong), «warning» (check it against a source),
«info» (worth knowing). `--json` prints the same findings as a list of objects with the stable fields of
Finding (documented in docs/curators.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from kiosk.data.cities import geonames, reference, rules
from kiosk.data.attract import slides as slide_rules
from kiosk.data.novokuznetsk.report import section_counts
from kiosk.data.store.records import City, Memorial
from kiosk.data.store.repository import Repository
from kiosk.data.text.folding import folded

SEVERITIES = ("error", "warning", "info")
TEXT_SHORT = 150  # characters: less than two lines on the city page
TEXT_LONG = 4000  # characters: more than a visitor reads standing
PASSAGE_MIN = 60  # characters: a sentence this long found in two cities is a copy, not a coincidence
# Link shorteners: the QR code carries only a redirect, whose target a visitor cannot see before opening it.
SHORTENERS = {
    "clck.ru",
    "goo.gl",
    "bit.ly",
    "tinyurl.com",
    "vk.cc",
    "t.co",
    "is.gd",
    "cutt.ly",
    "u.to",
    "go.2gis.com",
    "maps.app.goo.gl",
}
FIGURES = ("year", "lat", "lon")  # corrected fields that are figures: two sources disagree on a number
_SHORT_PATH = re.compile(r"^/maps/-/")  # yandex.ru/maps/-/CCUxxx: Yandex's own short links
_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]?")
_NUMBER = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?")
_TOWN_PREFIX = re.compile(r"^(г\.|город|пгт|пос\.|с\.)\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str  # error | warning | info
    check: str  # stable identifier of the check, e.g. "region_not_official"
    table: str  # where the record is: cities, memorials, corrections, questions, images
    id: object  # the record's key (a city id for cities and memorials)
    name: str  # the city's name, for people
    field: str  # the column the finding is about
    evidence: str  # what was found, quoted from the data
    message: str  # what to do about it


def _one_line(value: str, limit: int = 90) -> str:
    flat = " / ".join(ln.strip() for ln in value.splitlines() if ln.strip()) if "\n" in value else value
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def findings(repo: Repository) -> list[Finding]:
    out: list[Finding] = []
    cities = repo.cities()

    def add(
        severity: str,
        check: str,
        city: City | None,
        field: str,
        evidence: str,
        message: str,
        table: str = "cities",
        rid: object = None,
    ) -> None:
        out.append(
            Finding(
                severity,
                check,
                table,
                city.id if rid is None and city else rid,
                city.name if city else "",
                field,
                evidence,
                message,
            )
        )

    def city_of(city_id: int) -> City | None:  # None for a city the kiosk withholds (the quiz reads its own repo)
        try:
            return repo.city(city_id)
        except KeyError:
            return None

    for q in repo.questions():
        add(
            "warning",
            "open_question",
            city_of(q.city_id),
            q.field,
            _one_line(q.note, 300),
            "settle it with the editor, then remove the question",
            "questions",
            q.id,
        )
    out.extend(_section_findings(repo))
    for k in repo.corrections():
        city = city_of(k.city_id)
        evidence = f"«{_one_line(k.original)}» → «{_one_line(k.corrected)}»: {_one_line(k.note, 200)}"
        if k.field in ("lat, lon",):
            add(
                "warning",
                "coordinates_from_geonames",
                city,
                k.field,
                evidence,
                "coordinates were looked up by name: check them on a map",
                "corrections",
                k.id,
            )
        elif k.field in FIGURES:
            add(
                "warning",
                "figures_disagree",
                city,
                k.field,
                evidence,
                "the seed list and the official source give different figures: the shown one needs its source",
                "corrections",
                k.id,
            )
        else:
            add(
                "info",
                "seed_corrected",
                city,
                k.field,
                evidence,
                "shown corrected; the seed keeps the original",
                "corrections",
                k.id,
            )
    for c in cities:
        if reference.official_subject(c.region) is None:
            add(
                "warning",
                "region_not_official",
                c,
                "region",
                c.region,
                "not a federal subject as art. 65 of the Constitution names it",
            )
        if not geonames.is_known_place(c.name):
            add(
                "warning",
                "name_not_in_reference",
                c,
                "name",
                c.name,
                "no place of this name in the GeoNames reference: check the spelling",
            )
        if (why := rules.headline_shape_problem(c.headline, c.text)) is not None:
            add(
                "warning",
                "headline_not_standalone",
                c,
                "headline",
                c.headline,
                f"the card's headline {why}: choose an excerpt that stands alone (db/sources/SOURCES.md)",
            )
        if c.editorial:
            add(
                "info",
                "editorial_text",
                c,
                "text",
                f"{len(c.sources)} public sources: " + "; ".join(_one_line(r.url, 60) for r in c.sources),
                "the exhibition's own text (the list has no row for this city): visitors are told so; "
                "each fact's source is in city_sources",
            )
        length = len(c.text)
        if length < TEXT_SHORT:
            add("warning", "text_short", c, "text", f"{length} characters", f"shorter than {TEXT_SHORT} characters")
        elif length > TEXT_LONG:
            add("info", "text_long", c, "text", f"{length} characters", f"longer than {TEXT_LONG} characters")
        if c.lat is None or c.lon is None:
            add("warning", "no_coordinates", c, "lat, lon", "empty", "the city has no place on a map")
        if not repo.images_of("city", c.id):
            add("info", "no_image", c, "images", "none", "add a photograph with kiosk-db add-image")
        if c.memorial is None:
            add("info", "no_memorial", c, "memorial", "none", "the city page shows no memorial")
            continue
        m = c.memorial
        _memorial_findings(c, m, add)
        if m.url and repo.qr_png(m.url) is None:
            add(
                "warning",
                "qr_missing",
                c,
                "url",
                m.url,
                "no QR code for this address (edited by hand?): the card shows none until a build or an import "
                "of an export draws it",
                "memorials",
            )
    out.extend(_repeated_passages(cities))
    out.extend(_english_findings(repo))
    out.extend(_slide_findings(repo))
    out.extend(_quiz_findings(repo))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(out, key=lambda f: order[f.severity])


def _english_findings(repo: Repository) -> list[Finding]:
    """The exhibition's editorial English: missing for a visible city or a section item, or saying what its
    Russian does not (the number-and-name rule, kiosk.data.english.check)."""
    from kiosk.data.english import audit as english_audit

    hidden = repo.disputed_city_ids()
    out = []
    texts = [
        *english_audit.city_texts([c for c in repo.cities() if c.id not in hidden]),
        *english_audit.section_texts(repo.section()),
    ]
    for t in texts:
        if not t.english:
            out.append(
                Finding(
                    "info",
                    "english_missing",
                    t.table,
                    t.id,
                    t.name,
                    t.field,
                    "empty",
                    "English mode shows only the Russian here: write the exhibition's English (docs/english.md)",
                )
            )
            continue
        if t.field == "summary_en" and not english_audit.SUMMARY_MIN <= len(t.english) <= english_audit.SUMMARY_MAX:
            out.append(
                Finding(
                    "warning",
                    "english_length",
                    t.table,
                    t.id,
                    t.name,
                    t.field,
                    f"{len(t.english)} characters",
                    f"aim for 300–600 characters ({english_audit.SUMMARY_MIN}–{english_audit.SUMMARY_MAX} at most)",
                )
            )
        for why in t.problems():
            out.append(
                Finding(
                    "warning",
                    "english_unsupported",
                    t.table,
                    t.id,
                    t.name,
                    t.field,
                    why,
                    "the English may say only what its Russian says: correct it, or the glossary if a name is right",
                )
            )
    return out


def english_counts(repo: Repository) -> str:
    """One line for the report: how much of what visitors can read has the exhibition's English."""
    from kiosk.data.english import audit as english_audit

    hidden = repo.disputed_city_ids()
    cities = english_audit.city_texts([c for c in repo.cities() if c.id not in hidden])
    section = english_audit.section_texts(repo.section())
    return (
        f"Editorial English (the exhibition's own, written from the Russian; docs/english.md): summary_en for "
        f"{sum(bool(t.english) for t in cities)} of {len(cities)} visible cities, "
        f"{sum(bool(t.english) for t in section)} of {len(section)} Novokuznetsk section texts"
    )


def _section_findings(repo: Repository) -> list[Finding]:
    """The Novokuznetsk section's open questions (beside the city list's) and its seed corrections."""
    section = repo.section()
    name = "Новокузнецк (раздел)"
    out = []
    for q in section.questions:
        readings = ", ".join(sorted({s.seed for s in q.sources}))
        shown = f"; shown: {q.shown}" if q.shown else ""
        out.append(
            Finding(
                "warning",
                "open_question",
                "nk_questions",
                q.id,
                name,
                q.topic,
                _one_line(q.note, 300),
                f"the seeds disagree ({readings}{shown}): settle it with the editor",
            )
        )
    for k in section.corrections:
        out.append(
            Finding(
                "info",
                "seed_corrected",
                "nk_corrections",
                k.id,
                name,
                k.seed,
                f"«{_one_line(k.original, 60)}» → «{_one_line(k.corrected, 60)}»: {_one_line(k.note, 200)}",
                "shown corrected; the seed keeps the original",
            )
        )
    return out


def _slide_findings(repo: Repository) -> list[Finding]:
    """Curators' attract slides the kiosk skips (or whose duration it clamps), and the disabled ones."""
    out = []
    for s in repo.slides():
        name = _one_line(str(s.title or ""), 60)
        for fld, why in slide_rules.problems(s):
            skipped = "its duration is clamped" if fld == "duration" else "the kiosk skips the slide"
            out.append(Finding("error", "slide_invalid", "slides", s.id, name, fld, why, f"{skipped}: fix it"))
        if not s.enabled:
            out.append(
                Finding("info", "slide_disabled", "slides", s.id, name, "enabled", "0", "not shown in attract mode")
            )
    return out


def _quiz_findings(repo: Repository) -> list[Finding]:
    """Curators' quiz questions: each listed (info), the ones the kiosk leaves out of rounds as errors."""
    from kiosk.data.quiz.curated import problems

    out = []
    for q in repo.quiz_questions():
        name = _one_line(str(q.text or ""), 60)
        for fld, why in problems(q):
            out.append(
                Finding("error", "quiz_invalid", "quiz_questions", q.id, name, fld, why, "left out of rounds: fix it")
            )
        english = "with English" if q.has_english() else "Russian only"
        state = "asked in rounds" if q.enabled else "disabled: not asked"
        out.append(Finding("info", "quiz_question", "quiz_questions", q.id, name, "text", english, state))
    return out


def _memorial_findings(c: City, m: Memorial, add: Callable[..., None]) -> None:
    if not m.url:
        add(
            "info",
            "link_missing",
            c,
            "url",
            "empty",
            "no QR code on the page: add the memorial's map link",
            "memorials",
        )
    elif (why := rules.url_problem(m.url)) is not None:
        add("error", "link_not_http", c, "url", m.url, why, "memorials")
    else:
        parts = urlsplit(m.url)
        host = (parts.hostname or "").removeprefix("www.")
        if host in SHORTENERS or _SHORT_PATH.match(parts.path):
            add(
                "warning",
                "link_short",
                c,
                "url",
                m.url,
                "a short link hides its target from the visitor who scans it: use the full map link",
                "memorials",
            )
    # Addresses name the town anywhere among their parts («Сталинградская площадь, Камышин, …»).
    address_parts = [_TOWN_PREFIX.sub("", p).strip() for p in (m.address or "").split(",")]
    named = re.search(rf"\b{re.escape(geonames.norm(c.name))}\b", geonames.norm(m.address or ""))
    if m.address and not named:
        towns = [p for p in address_parts if p and reference.official_subject(p) is None and geonames.is_known_place(p)]
        if towns:
            add(
                "warning",
                "memorial_in_other_town",
                c,
                "address",
                m.address,
                f"the address lies in {towns[0]}, not in {c.name}",
                "memorials",
            )


def _repeated_passages(cities: Sequence[City]) -> list[Finding]:
    """The same passage in two cities' texts; the same passage with other numbers is two figures disagreeing."""
    seen: dict[str, tuple[City, str]] = {}
    out = []
    for c in cities:
        for sentence in sorted({s.strip() for s in _SENTENCE.findall(c.text)}):
            if len(sentence) < PASSAGE_MIN:
                continue
            exact = " ".join(folded(sentence).split())
            shape = _NUMBER.sub("#", exact)
            first, first_exact = seen.setdefault(shape, (c, exact))
            if first is c:
                continue
            if first_exact == exact:
                out.append(
                    Finding(
                        "warning",
                        "passage_repeated",
                        "cities",
                        c.id,
                        c.name,
                        "text",
                        _one_line(sentence, 200),
                        f"the same passage is in the text of {first.id} {first.name}",
                    )
                )
            else:
                theirs = ", ".join(_NUMBER.findall(first_exact))
                out.append(
                    Finding(
                        "warning",
                        "figures_disagree",
                        "cities",
                        c.id,
                        c.name,
                        "text",
                        _one_line(sentence, 200),
                        f"{first.id} {first.name} tells the same with other figures ({theirs}): "
                        "check both against a source",
                    )
                )
    return out


def report_json(repo: Repository) -> str:
    return json.dumps([asdict(f) for f in findings(repo)], ensure_ascii=False, indent=2) + "\n"


def report_text(repo: Repository) -> str:
    meta = repo.meta()
    found = findings(repo)
    lines = [
        f"Data-quality report: {repo.path}",
        f"Built {meta.get('built_at', '?')} by kiosk {meta.get('app_version', '?')}, "
        f"schema {meta.get('schema_version')},"
        f" sources sha256 {meta.get('sources_sha256', '?')[:12]}",
        f"{len(repo.cities())} cities, {len(repo.tags())} tags, {len(repo.images())} images; "
        + ", ".join(f"{sum(f.severity == s for f in found)} {s}(s)" for s in SEVERITIES),
    ]
    for severity in SEVERITIES:
        group = [f for f in found if f.severity == severity]
        lines.extend(["", f"{severity.upper()} ({len(group)}):"])
        for f in group:
            where = f"{f.table}[{f.id}]" + (f" {f.name}" if f.name else "")
            lines.append(f"  {where}: {f.field}: {f.check}: {f.evidence} — {f.message}")
        if not group:
            lines.append("  none")
    lines.extend(["", section_counts(repo.section()), english_counts(repo)])
    return "\n".join(lines) + "\n"
