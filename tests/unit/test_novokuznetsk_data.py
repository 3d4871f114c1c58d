"""The Novokuznetsk section against its seeds, read here INDEPENDENTLY of kiosk.data.novokuznetsk.sources.

The seeds 000 and 001 are read with plain regular expressions: every date they give must be on the timeline,
every counted number must be covered by a figure's quote, every line must be in a chapter. The source TOML is
read with tomllib: every quote must occur verbatim in its seed. Seed 002's sentences must never be shown.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest

from kiosk.data.curation import export
from kiosk.data.curation.build import build_database
from kiosk.data.errors import DataErrors
from kiosk.data.report import findings, report_text
from kiosk.data.store.repository import Repository
from kiosk.data.store.validate import check_file
from kiosk.data.text.russian_months import MONTHS_GENITIVE

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "db" / "sources"
SECTION = SOURCES / "novokuznetsk"
SEEDS = ROOT / "db" / "seeds"
MONTHS = MONTHS_GENITIVE  # «26 июля 1941»: the dates as the seeds write them
MONTHS_IN = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def nk_db(tmp_path_factory) -> Path:
    return build_database(SOURCES, tmp_path_factory.mktemp("nk") / "kiosk.sqlite")


@pytest.fixture(scope="module")
def section(nk_db):
    return Repository.open(nk_db).section()


def test_every_date_of_000_and_001_is_on_the_timeline(section):
    days = {e.date for e in section.events} | {e.end for e in section.events}
    years = {int(d[:4]) for d in days if d}
    for spans in ((e.date, e.end) for e in section.events if e.end):
        years |= set(range(int(spans[0][:4]), int(spans[1][:4]) + 1))
    for prefix in ("000", "001"):
        text = seed(prefix)
        for d, month, y in re.findall(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", text):
            assert f"{y}-{MONTHS.index(month) + 1:02d}-{int(d):02d}" in days, f"{prefix}: {d} {month} {y}"
        for month, y in re.findall(r"(" + "|".join(MONTHS_IN) + r")\s+(\d{4})", text):
            assert f"{y}-{MONTHS_IN.index(month) + 1:02d}" in days, f"{prefix}: {month} {y}"
        for y in re.findall(r"(?<![\d№])(19[0-9]{2}|20[0-2][0-9])(?!\d)", text):
            assert int(y) in years, f"{prefix}: year {y} is not on the timeline"


def _counted_numbers(text: str):
    """Positions of numbers that count something: not dates, years, ordinals, № or page/volume numbers."""
    date = re.compile(r"\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4}")
    skip = [m.span() for m in date.finditer(text)]
    for m in re.finditer(r"\d+(?:[\s\xa0]\d{3})*(?:,\s?\d+)?", text):
        start, end = m.span()
        before, after = text[max(0, start - 3) : start], text[end : end + 4]
        value = m.group(0)
        if any(a <= start < b for a, b in skip):
            continue
        if re.fullmatch(r"19\d\d|20[0-2]\d", value):  # a year
            continue
        if re.match(r"-(й|я|го|е)\b", after) or (re.match(r"-[a-zа-я]+\s", after) and "-ти" not in after):
            continue  # 1252-й, 32-я, 393-го (the «20-ти городов» count stays)
        if "№" in before or re.search(r"(Т\.|С\.|[А-ЯA-Z]-)\s?$", before) or before.endswith("ны"):
            continue  # № 11, Т. 11, С. 91, Т-34, ИЛ-2, «войны2»
        yield start, end, value


def test_every_counted_number_is_among_the_figures(section):
    for prefix in ("000", "001"):
        text = seed(prefix)
        spans = []
        for f in section.figures:
            for q in f.sources:
                if q.seed.startswith(prefix):
                    at = text.find(q.quote)
                    spans.append((at, at + len(q.quote)))
        numbers = list(_counted_numbers(text))
        assert len(numbers) >= (4 if prefix == "000" else 25)
        for start, end, _value in numbers:
            assert any(a <= start and end <= b for a, b in spans), f"{prefix}: «{text[start - 20 : end + 20]}»"
    # the words «четверть», «пятую часть», «тысячу дней», «шесть цехов» count too
    labels = {f.id for f in section.figures}
    assert {"share-iron", "share-steel", "kuznetskstroy-days", "shell-shops"} <= labels
    assert len(section.figures) >= 20


def _quotes(obj):
    if isinstance(obj, dict):
        if "quote" in obj:
            yield obj.get("seed"), obj["quote"]
        for v in obj.values():
            yield from _quotes(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _quotes(v)


def test_every_quoted_passage_occurs_in_its_seed():
    found = 0
    for path in sorted(SECTION.glob("*.toml")):
        for prefix, quote in _quotes(tomllib.loads(path.read_text(encoding="utf-8"))):
            assert quote in seed(prefix), f"{path.name}: «{quote[:60]}» not in {prefix}"
            found += 1
    assert found > 100


def test_every_line_of_000_and_001_is_in_a_chapter(section):
    quoted = [q.quote for c in section.chapters for p in c.paragraphs for q in p.sources]
    for prefix in ("000", "001"):
        for line in seed(prefix).splitlines():
            line = line.strip().strip("*").strip()
            if line:
                assert any(line in q for q in quoted), f"{prefix}: «{line[:60]}» is in no chapter"


def visitor_texts(section) -> list[str]:
    """Everything the section can put on screen (the «Источник» cards show the quotes of shown items)."""
    out = []
    for s in section.seeds:
        out += [s.title, s.kind, s.taken]
    for c in section.chapters:
        out += [c.title, c.lead, *(p.text for p in c.paragraphs), *(q.quote for p in c.paragraphs for q in p.sources)]
    for items in (section.events, section.figures, section.people, section.awards, section.units):
        for item in items:
            out += [str(v) for v in vars_of(item)] + [q.quote for q in item.sources]
    for q in section.questions:
        out += [q.topic, q.note]
    return out


def vars_of(item) -> list:
    return [getattr(item, name) for name in item.__slots__ if name != "sources"]


def test_no_sentence_of_002_is_shown(section):
    sentences = [s.strip() for s in re.split(r"(?<=[.!?”])\s+|\n+", seed("002")) if len(s.strip()) > 12]
    assert len(sentences) > 15
    shown = "\n".join(visitor_texts(section))
    for sentence in sentences:
        assert sentence not in shown
    # …nor any long English fragment of it (a quote of 002 lives only in the editor's readings)
    for fragment in re.findall(r"[A-Za-z][A-Za-z ,’'-]{24,}", seed("002")):
        assert fragment.strip() not in shown
    assert not [s for s in section.seeds if s.file.startswith("002") and s.shown]


def test_timeline_has_precisions_and_spans(section):
    by_id = {e.id: e for e in section.events}
    assert by_id["first-armour-heat"].date == "1941-07-26" and by_id["first-armour-heat"].precision == "day"
    assert by_id["katyusha-beams"].precision == "month"
    assert by_id["teenagers"].precision == "year"
    assert (by_id["war-metal"].date, by_id["war-metal"].end, by_id["war-metal"].precision) == (
        "1941-06-22",
        "1945-05-08",
        "span",
    )
    assert [e.date for e in section.events] == sorted(e.date for e in section.events)
    for key in (
        "triple-feat",
        "stalin-prize",
        "kmk-lenin",
        "kmk-labour-red-banner",
        "kmk-kutuzov",
        "city-october-revolution",
        "city-regional-title",
        "city-labour-valour",
    ):
        assert key in by_id


def test_corrections_show_in_text_and_keep_the_quote(section):
    para = section.chapters[0].paragraphs[0]
    assert "Metallургический" in para.sources[0].quote and "Кузнецкстроя, металлургический гигант" in para.text
    award = section.item("award:city-regional-title")
    assert award.sources[0].quote.endswith("войны2.") and award.text.endswith("войны».")


def _copy_sources(tmp_path: Path) -> Path:
    shutil.copytree(SOURCES, tmp_path / "db" / "sources")
    shutil.copytree(SEEDS, tmp_path / "db" / "seeds")
    return tmp_path / "db" / "sources"


def test_build_fails_when_a_quote_drifts_from_its_seed(tmp_path):
    sources = _copy_sources(tmp_path)
    seed_path = next((tmp_path / "db" / "seeds").glob("001_*.txt"))
    text = seed_path.read_text(encoding="utf-8")
    seed_path.write_text(text.replace("первая плавка броневой стали", "первая плавка стали"), encoding="utf-8")
    out = tmp_path / "out.sqlite"
    with pytest.raises(DataErrors) as info:
        build_database(sources, out)
    lines = [str(p) for p in info.value.problems]
    assert any("timeline.toml: event[2].quote: does not occur in 001_" in ln for ln in lines), lines
    assert not out.exists()


def test_build_refuses_a_shown_item_resting_on_002(tmp_path):
    sources = _copy_sources(tmp_path)
    people = sources / "novokuznetsk" / "people.toml"
    people.write_text(
        people.read_text(encoding="utf-8") + '\n[[person]]\nid = "chulkov"\nname = "Chulkov"\n'
        'role = "x"\nseed = "002"\nquote = "Alexander Chulkov"\n',
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as info:
        build_database(sources, tmp_path / "out.sqlite")
    assert "person chulkov is shown but quotes a seed that is never shown" in str(info.value.problems)


def test_validate_catches_a_tampered_quote_and_a_dangling_reference(nk_db, tmp_path):
    db = Path(shutil.copy(nk_db, tmp_path / "copy.sqlite"))
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE nk_quotes SET quote = quote || ' (и ещё)' WHERE kind = 'event' AND item_id = 'kaplun'")
        conn.execute("UPDATE nk_paragraphs SET refs = 'person:nobody' WHERE id = 'feats#3'")
    conn.close()
    lines = [str(p) for p in check_file(db)]
    assert f"{db}: nk_quotes[event,kaplun,0].quote: does not occur in 001_610aeaf4860869c5.txt" in lines
    assert f"{db}: nk_paragraphs[feats#3].refs: 'person:nobody' names no item" in lines


def test_validate_catches_a_shown_item_resting_on_a_seed_never_shown(nk_db, tmp_path):
    """A built file edited by hand: a person's quote moved to 002 (the machine translation nobody sees). The
    build refuses that (above); validate must too, for files that did not come from the build."""
    db = Path(shutil.copy(nk_db, tmp_path / "copy.sqlite"))
    conn = sqlite3.connect(db)
    with conn:
        (hidden, text) = conn.execute("SELECT file, text FROM nk_seeds WHERE NOT shown").fetchone()
        passage = next(line.strip() for line in text.splitlines() if len(line.strip()) > 20)
        conn.execute(
            "UPDATE nk_quotes SET seed = ?, quote = ? WHERE kind = 'person' AND item_id = 'chalkov' AND position = 0",
            (hidden, passage),
        )
    conn.close()
    lines = [str(p) for p in check_file(db)]
    assert f"{db}: nk_quotes[person,chalkov,0].seed: {hidden} is never shown, but this person is" in lines
    assert not [ln for ln in lines if "never shown" in ln and "question" in ln]  # a question may weigh 002


def test_report_lists_the_section_questions_beside_the_city_list(nk_db):
    repo = Repository.open(nk_db)
    found = findings(repo)
    section_questions = [f for f in found if f.table == "nk_questions"]
    assert len(section_questions) == 12 and {f.check for f in section_questions} == {"open_question"}
    assert len([f for f in found if f.table == "nk_corrections"]) == 7  # issue 23 added four
    text = report_text(repo)
    # Beside the city list's questions: both are warnings, listed before the corrections (info).
    assert text.index("nk_questions[armour-first-heat-date]") < text.index("INFO (")
    assert "001_" in next(f.message for f in section_questions if f.id == "armour-first-heat-date")


def test_export_covers_the_section(nk_db, tmp_path):
    data = json.loads(export.to_json(Repository.open(nk_db)))
    assert len(data["nk_events"]) >= 20 and len(data["nk_figures"]) >= 20 and len(data["nk_people"]) >= 19
    assert {q["seed"][:4] for q in data["nk_quotes"]} >= {"000_", "001_"}
    written = {p.name for p in export.write_csv(nk_db, tmp_path)}
    assert {"nk_events.csv", "nk_figures.csv", "nk_people.csv", "nk_quotes.csv", "nk_questions.csv"} <= written
    rows = export.read_csv(tmp_path / "nk_figures.csv", "nk_figures")
    pig_iron = next(r for r in rows if r["id"] == "pig-iron")
    assert (pig_iron["value"], pig_iron["value_text"], pig_iron["countable"]) == (6173.4, "6 173,4", 1)
