"""What curators read: one or several statistics files (several kiosks) added up over a period.

`read_files()` sums the daily counts of every file between two dates; `Summary` derives from the sums what the
report shows (visits per day and hour, median and 90th-percentile length, shares, top and least cities…). Plain
Python: the report formats (kiosk/data/curation/stats_report.py) only lay out a Summary.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from typing import Any

from kiosk.data.stats.store import NotStatistics, check_format

if TYPE_CHECKING:
    from kiosk.data.novokuznetsk.records import Section

FLAGS = ("opened_city", "opened_section", "map", "english", "large_text", "from_slideshow", "searched")


class StatsReadError(Exception):
    """A file curators named cannot be read as statistics; str() is one line naming it."""


@dataclass
class Totals:
    """The daily counts of some files, summed: (kind, key) → value over the period, and visits per day."""

    files: list[str] = field(default_factory=list)
    kiosks: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per file left out (the same kiosk twice)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    per_day: Counter[str] = field(default_factory=Counter)
    cities: set[str] = field(default_factory=set)  # every city the kiosks show (zero opens included)

    def add_file(self, path: Path, date_from: dt.date | None, date_to: dt.date | None, seen: dict[str, str]) -> None:
        if not path.is_file():
            raise StatsReadError(f"{path}: no such file")
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise StatsReadError(f"{path}: cannot open ({exc})") from None
        try:
            meta = check_format(con, path)
            kiosk = meta.get("kiosk", str(path))
            if kiosk in seen:
                self.skipped.append(f"{path}: the same kiosk as {seen[kiosk]}; counted once")
                return
            seen[kiosk] = str(path)
            lo = (date_from or dt.date.min).isoformat()
            hi = (date_to or dt.date.max).isoformat()
            for day, kind, key, value in con.execute(
                "SELECT day, kind, key, value FROM counts WHERE day BETWEEN ? AND ?", (lo, hi)
            ):
                self.counts[(kind, key)] += value
                if kind == "visits":
                    self.per_day[day] += value
            self.cities.update(json.loads(meta.get("cities", "[]")))
        except NotStatistics as exc:
            raise StatsReadError(str(exc)) from None
        except (sqlite3.Error, ValueError) as exc:
            raise StatsReadError(f"{path}: cannot read ({exc})") from None
        finally:
            con.close()
        self.files.append(str(path))
        self.kiosks += 1

    def of(self, kind: str) -> dict[str, int]:
        return {key: n for (k, key), n in self.counts.items() if k == kind}


def read_files(paths: list[Path], date_from: dt.date | None = None, date_to: dt.date | None = None) -> Totals:
    totals = Totals()
    seen: dict[str, str] = {}
    for path in paths:
        totals.add_file(Path(path), date_from, date_to, seen)
    return totals


def percentile(histogram: dict[int, int], q: float) -> int:
    """The smallest bucket at or below which `q` of the visits lie (nearest rank); 0 for no visits."""
    total = sum(histogram.values())
    if total == 0:
        return 0
    rank = max(1, -(-int(q * total * 1000) // 1000))  # ceil(q·n), exact for the fractions used here
    seen = 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if seen >= rank:
            return bucket
    return max(histogram)  # pragma: no cover


@dataclass
class CityLine:
    name: str
    opens: int
    seconds: int


@dataclass
class Summary:
    """Everything the report shows; `to_dict()` is the JSON format."""

    files: list[str]
    kiosks: int
    skipped: list[str]
    date_from: str  # the period asked for, or the first and last day with visits
    date_to: str
    visits: int
    per_day: list[tuple[str, int]]  # every day of the period, zero days included
    per_hour: list[int]  # 24 values, local time of the kiosk
    median_s: int
    p90_s: int
    mean_s: int
    flags: dict[str, int]  # visits that … (FLAGS)
    searches: int
    searches_empty: int
    screens: dict[str, int]
    top_by_opens: list[CityLine]
    top_by_reading: list[CityLine]
    least_opened: list[CityLine]
    chapters: list[tuple[str, int]]
    cards: list[tuple[str, int]]
    events: dict[str, int]

    def share(self, flag: str) -> float:
        return self.flags.get(flag, 0) / self.visits if self.visits else 0.0

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        d = asdict(self)
        d["shares"] = {f: round(self.share(f), 4) for f in FLAGS}
        d["per_day"] = [{"day": day, "visits": n} for day, n in self.per_day]
        d["chapters"] = [{"chapter": c, "opens": n} for c, n in self.chapters]
        d["cards"] = [{"card": c, "opens": n} for c, n in self.cards]
        return d


def summarise(
    totals: Totals, date_from: dt.date | None = None, date_to: dt.date | None = None, top: int = 10
) -> Summary:
    days = sorted(totals.per_day)
    first = date_from or (dt.date.fromisoformat(days[0]) if days else None)
    last = date_to or (dt.date.fromisoformat(days[-1]) if days else None)
    per_day: list[tuple[str, int]] = []
    if first and last and first <= last and (last - first).days <= 3660:
        d = first
        while d <= last:
            per_day.append((d.isoformat(), totals.per_day.get(d.isoformat(), 0)))
            d += dt.timedelta(days=1)
    else:  # a nonsense period (a clock that ran to 1970 and back): the days that have visits
        per_day = [(day, totals.per_day[day]) for day in days]
    hours = totals.of("hour")
    lengths = {int(k): n for k, n in totals.of("length").items()}
    visits = totals.counts.get(("visits", ""), 0)
    opens, reading = totals.of("city_opens"), totals.of("city_seconds")
    lines = {name: CityLine(name, opens.get(name, 0), reading.get(name, 0)) for name in set(opens) | totals.cities}
    by_opens = sorted(lines.values(), key=lambda c: (-c.opens, -c.seconds, c.name))
    by_reading = sorted(lines.values(), key=lambda c: (-c.seconds, -c.opens, c.name))
    least = sorted(lines.values(), key=lambda c: (c.opens, c.seconds, c.name))
    search = totals.of("search")
    return Summary(
        files=totals.files,
        kiosks=totals.kiosks,
        skipped=totals.skipped,
        date_from=first.isoformat() if first else "",
        date_to=last.isoformat() if last else "",
        visits=visits,
        per_day=per_day,
        per_hour=[hours.get(str(h), 0) for h in range(24)],
        median_s=percentile(lengths, 0.5),
        p90_s=percentile(lengths, 0.9),
        mean_s=round(totals.counts.get(("seconds", ""), 0) / visits) if visits else 0,
        flags={f: totals.counts.get(("flag", f), 0) for f in FLAGS},
        searches=search.get("all", 0),
        searches_empty=search.get("empty", 0),
        screens=dict(sorted(totals.of("screen").items(), key=lambda kv: (-kv[1], kv[0]))),
        top_by_opens=[c for c in by_opens[:top] if c.opens],
        top_by_reading=[c for c in by_reading[:top] if c.seconds],
        least_opened=least[:top],
        chapters=sorted(totals.of("chapter").items(), key=lambda kv: (-kv[1], kv[0])),
        cards=sorted(totals.of("card").items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        events=dict(sorted(totals.of("event").items())),
    )


def name_section_items(summary: Summary, section: Section) -> None:
    """Chapters and cards by their headings from the database's section (a kiosk.data.novokuznetsk.records.Section), the
    id in brackets; ids the section does not know stay as they are (a chapter removed since)."""

    def heading(ref: str) -> str:
        try:
            item = section.item(ref)
        except KeyError:
            return ""
        return next((getattr(item, f) for f in ("title", "name", "label") if getattr(item, f, "")), "")

    def named(ref: str, key: str) -> str:
        title = heading(ref)
        return f"{title} ({key})" if title else key

    summary.chapters = [(named(f"chapter:{c}", c), n) for c, n in summary.chapters]
    summary.cards = [(named(c, c), n) for c, n in summary.cards]
