"""The kiosk's statistics file: a SQLite file of its own in the state folder (never the curators' database).

Two tables: `counts` holds daily aggregates (day, kind, key → value) for as long as the kiosk runs, so a year
of visits stays a few megabytes; `visits` holds one row per visit for the last `KEEP_DAYS` days. Nothing in
either is free text: names of cities, ids of chapters and cards, screen names, hours and counts.

`StatsFile` is the file: open (a corrupt or foreign file is set aside and a new one started), add visits,
prune, read a glance for the admin panel. `StatsWriter` runs it on a thread of its own, so the kiosk's GUI
thread only hands over a finished visit; every failure (full disk, read-only folder) costs one log line.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import queue
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from kiosk.data.stats.visit import Visit

log = logging.getLogger("kiosk.statistics")

FILE_NAME = "statistics.sqlite"
FORMAT = "labour-valour-kiosk statistics"
VERSION = 1
KEEP_DAYS = 90

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counts (
    day TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
    PRIMARY KEY (day, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY, day TEXT NOT NULL, hour INTEGER NOT NULL, seconds INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS visits_day ON visits (day);
"""


class NotStatistics(Exception):
    """The file is not a statistics file of this kiosk's format (str() is one line naming it)."""


def length_bucket(seconds: int) -> int:
    """Visit lengths are kept per day as a histogram: 5 s steps to 5 min, 30 s to 30 min, 5 min beyond. The
    bucket's lower bound is its key (medians and the 90th percentile are read from it)."""
    if seconds < 300:
        return seconds - seconds % 5
    if seconds < 1800:
        return seconds - seconds % 30
    return seconds - seconds % 300


def visit_counts(v: Visit) -> Iterable[tuple[str, str, int]]:
    """A visit as the (kind, key, value) rows it adds to its day."""
    yield "visits", "", 1
    yield "seconds", "", v.seconds
    yield "hour", str(v.hour), 1
    yield "length", str(length_bucket(v.seconds)), 1
    flags = {
        "opened_city": v.opened_city,
        "opened_section": v.opened_section,
        "map": v.used_map,
        "english": v.english,
        "large_text": v.large_text,
        "from_slideshow": v.from_slideshow,
        "searched": v.searches > 0,
    }
    for name, on in flags.items():
        if on:
            yield "flag", name, 1
    if v.searches:
        yield "search", "all", v.searches
    if v.searches_empty:
        yield "search", "empty", v.searches_empty
    for name, n in v.screens.items():
        yield "screen", name, n
    for name, (opens, seconds) in v.cities.items():
        yield "city_opens", name, opens
        yield "city_seconds", name, seconds
    for cid, n in v.chapters.items():
        yield "chapter", cid, n
    for ref, n in v.cards.items():
        yield "card", ref, n
    for kind, n in v.events.items():
        yield "event", kind, n
        yield "flag", "event:" + kind, 1


def visit_detail(v: Visit) -> str:
    return json.dumps(
        {
            "from_slideshow": v.from_slideshow,
            "english": v.english,
            "large_text": v.large_text,
            "searches": v.searches,
            "searches_empty": v.searches_empty,
            "screens": dict(v.screens),
            "cities": v.cities,
            "chapters": dict(v.chapters),
            "cards": dict(v.cards),
            "events": dict(v.events),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def check_format(con: sqlite3.Connection, path: Path) -> dict[str, str]:
    """The file's meta table, or NotStatistics when it is another program's file or a newer format."""
    try:
        meta = dict(con.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise  # locked, unreadable: a fault of the moment, not another program's file
        raise NotStatistics(f"{path}: not a kiosk statistics file ({exc})") from None
    except (sqlite3.DatabaseError, ValueError) as exc:
        raise NotStatistics(f"{path}: not a kiosk statistics file ({exc})") from None
    if meta.get("format") != FORMAT:
        raise NotStatistics(f"{path}: not a kiosk statistics file (no format mark)")
    if int(meta.get("version", "0")) > VERSION:
        raise NotStatistics(f"{path}: statistics format {meta.get('version')} is newer than this program's")
    return meta


class StatsFile:
    """The statistics file, read and written by one thread (StatsWriter's)."""

    def __init__(self, path: Path, *, wall: Callable[[], dt.datetime] = dt.datetime.now):
        self.path = Path(path)
        self.wall = wall
        self.con: sqlite3.Connection | None = None
        self.set_aside: Path | None = None  # where a corrupt or foreign file went

    def open(self) -> None:
        """Open or create the file. A corrupt or foreign file is renamed aside (…sqlite.corrupt-YYYYMMDD-HHMMSS)
        and a new one started; OSError / sqlite3.Error for a folder that cannot be written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            try:
                self.con = self._connect()
                verdict = self.con.execute("PRAGMA quick_check").fetchone()[0]
                if verdict != "ok":
                    raise NotStatistics(f"{self.path}: damaged ({verdict})")
                check_format(self.con, self.path)
                self._create()
                return
            except sqlite3.OperationalError:
                self.close()
                raise  # a folder or disk that refuses writes: the file itself may be fine
            except (sqlite3.DatabaseError, NotStatistics) as exc:
                self.close()
                self._set_aside(exc)
        self.con = self._connect()
        self._create()

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=0.5, isolation_level=None, check_same_thread=False)
        con.execute("PRAGMA journal_mode=DELETE")  # one file to copy; no -wal beside it
        return con

    def _create(self) -> None:
        assert self.con is not None
        self.con.executescript(SCHEMA)
        have = dict(self.con.execute("SELECT key, value FROM meta"))
        if "format" not in have:
            rows = {
                "format": FORMAT,
                "version": str(VERSION),
                "kiosk": uuid.uuid4().hex,  # tells two kiosks' files apart when they are read together
                "created": self.wall().isoformat(timespec="seconds"),
            }
            with self.con:
                self.con.execute("BEGIN")
                self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows.items())

    def _set_aside(self, why: Exception) -> None:
        stamp = self.wall().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        self.path.replace(target)
        for extra in ("-journal", "-wal", "-shm"):
            self.path.with_name(self.path.name + extra).unlink(missing_ok=True)
        self.set_aside = target
        log.warning("statistics file %s set aside as %s (%s); a new one is started", self.path, target.name, why)

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    # -- writing
    def add(self, visits: Iterable[Visit], cities: Iterable[str] | None = None) -> None:
        """Add finished visits (one transaction); `cities` names every city the kiosk shows (for the report's
        least-opened list)."""
        assert self.con is not None
        with self.con:
            self.con.execute("BEGIN")
            for v in visits:
                self.con.executemany(
                    "INSERT INTO counts VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (day, kind, key) DO UPDATE SET value = value + excluded.value",
                    ((v.day, kind, key, n) for kind, key, n in visit_counts(v)),
                )
                self.con.execute(
                    "INSERT INTO visits (day, hour, seconds, detail) VALUES (?, ?, ?, ?)",
                    (v.day, v.hour, v.seconds, visit_detail(v)),
                )
            if cities is not None:
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('cities', ?)",
                    (json.dumps(sorted(cities), ensure_ascii=False),),
                )

    def prune(self, today: dt.date, keep_days: int = KEEP_DAYS) -> int:
        """Drop visit rows older than `keep_days` (the daily counts stay). A clock that jumped to 2099 and
        back leaves rows from the future: those older-than-kept by their own date go as well, never newer ones."""
        assert self.con is not None
        cut = (today - dt.timedelta(days=keep_days)).isoformat()
        with self.con:
            return self.con.execute("DELETE FROM visits WHERE day < ?", (cut,)).rowcount

    # -- reading
    def glance(self, today: dt.date, top: int = 3) -> tuple[int, int, list[tuple[str, int]]]:
        """(visits today, visits in the last 7 days including today, the `top` most-opened cities this week)."""
        assert self.con is not None
        week = (today - dt.timedelta(days=6)).isoformat()
        day = today.isoformat()
        n_today = self.con.execute(
            "SELECT coalesce(sum(value), 0) FROM counts WHERE kind = 'visits' AND day = ?", (day,)
        ).fetchone()[0]
        n_week = self.con.execute(
            "SELECT coalesce(sum(value), 0) FROM counts WHERE kind = 'visits' AND day BETWEEN ? AND ?", (week, day)
        ).fetchone()[0]
        cities = self.con.execute(
            "SELECT key, sum(value) AS n FROM counts WHERE kind = 'city_opens' AND day BETWEEN ? AND ? "
            "GROUP BY key ORDER BY n DESC, key LIMIT ?",
            (week, day, top),
        ).fetchall()
        return int(n_today), int(n_week), [(str(k), int(n)) for k, n in cities]


Glance = tuple[int, int, list[tuple[str, int]]]


class StatsWriter:
    """The statistics file on a thread of its own. `add()` and `glance()` only queue work; the GUI thread never
    waits on the disk. Failures are logged once per kind until the file works again; the kiosk carries on."""

    def __init__(
        self,
        path: Path,
        *,
        wall: Callable[[], dt.datetime] = dt.datetime.now,
        on_glance: Callable[[Glance], None] | None = None,
    ):
        self.file = StatsFile(path, wall=wall)
        self.wall = wall
        self.on_glance = on_glance
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._failing: str | None = None  # the last failure logged (one line per failure, not per visit)
        self._thread = threading.Thread(target=self._run, name="statistics", daemon=True)
        self._thread.start()

    # -- called from the GUI thread
    def add(self, visit: Visit, cities: Iterable[str] | None = None) -> None:
        names = None if cities is None else list(cities)
        self._jobs.put(lambda: self._write(visit, names))

    def glance(self) -> None:
        self._jobs.put(self._glance)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far is written (tests, shutdown)."""
        done = threading.Event()
        self._jobs.put(done.set)
        return done.wait(timeout)

    def stop(self, timeout: float = 3.0) -> None:
        self._jobs.put(None)
        self._thread.join(timeout)

    # -- on the writer's thread
    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                break
            try:
                job()
            except Exception:  # statistics never cost the exhibit
                log.exception("statistics: unexpected error")
        self.file.close()

    def _ready(self) -> bool:
        """The file is open, or opened now. A folder that cannot be written is tried again at the next visit
        (a disk may be freed, a folder remounted), logged once."""
        if self.file.con is None:
            try:
                self.file.open()
            except (OSError, sqlite3.Error) as exc:
                self.file.close()
                self._fail(f"statistics: cannot write {self.file.path} ({_reason(exc)}); visits are not recorded")
                return False
        return True

    def _write(self, visit: Visit, cities: list[str] | None) -> None:
        if not self._ready():
            return
        try:
            self.file.add([visit], cities)
            self.file.prune(self.wall().date())
        except sqlite3.Error as exc:
            self._fail(f"statistics: a visit was not recorded in {self.file.path} ({_reason(exc)})")
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                self.file.close()  # corrupted under us: the next write sets it aside and starts anew
            return
        if self._failing:
            log.info("statistics: recording again in %s", self.file.path)
            self._failing = None
        self._glance()

    def _glance(self) -> None:
        if not self._ready() or self.on_glance is None:
            return
        try:
            self.on_glance(self.file.glance(self.wall().date()))
        except sqlite3.Error as exc:
            self._fail(f"statistics: cannot read {self.file.path} ({_reason(exc)})")

    def _fail(self, message: str) -> None:
        if message != self._failing:
            log.warning(message)
            self._failing = message


def _reason(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc)
