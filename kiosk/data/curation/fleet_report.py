"""`kiosk-db fleet STATUS_DIR`: one row per kiosk from the status files the kiosks leave in a shared folder.

A kiosk is *current* when it shows the newest edition (the published file's, given --exhibit, else the newest
any kiosk reports) and wrote its status within three of its own intervals; *stale* when it has not; *behind*
when it shows an older edition. Exit code for a monitoring script: 0 every kiosk current, 1 any is not (or
there are no kiosks), 2 the folder cannot be read.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from kiosk.data.fleet.status import SUFFIX, Exhibit, KioskStatus, StatusError, parse_iso, read_status

MISSED_INTERVALS = 3
MAX_FILES = 10_000  # a status folder holds one file per kiosk; far more is not a status folder


@dataclass(frozen=True)
class FleetRow:
    kiosk_id: str
    file: str
    exhibit: Exhibit
    current_edition: bool
    last_seen: str
    age_s: float | None
    stale: bool
    problems: tuple[str, ...]
    status: KioskStatus | None

    @property
    def ok(self) -> bool:
        return not self.problems


def _age(status: KioskStatus, now: dt.datetime) -> float | None:
    written = parse_iso(status.written_at)
    return None if written is None else (now - written).total_seconds()


def newest_edition(statuses: list[KioskStatus], published: Exhibit | None) -> Exhibit | None:
    if published is not None and published.built_at:
        return published
    shown = [s.exhibit for s in statuses if s.exhibit.built_at]
    return max(shown, key=lambda e: e.built_at, default=None)


def _row(path: Path, status: KioskStatus, newest: Exhibit | None, now: dt.datetime) -> FleetRow:
    problems = []
    age = _age(status, now)
    interval = status.interval_s if status.interval_s > 0 else 300.0
    stale = age is None or age > MISSED_INTERVALS * interval
    if age is None:
        problems.append("no time of writing in its status file")
    elif stale:
        problems.append(f"stale: last seen {_span(age)} ago (writes every {_span(interval)})")
    elif age < -interval:
        problems.append(f"its clock is {_span(-age)} ahead")
    current = newest is not None and status.exhibit.version == newest.version
    if not status.available:
        problems.append(f"unavailable: {status.unavailable_reason or 'reason in its log'}")
    elif newest is not None and not current:
        problems.append(f"behind: shows {status.exhibit.built_at or 'an unknown edition'}, newest {newest.built_at}")
    if status.last_refusal is not None:
        r = status.last_refusal
        problems.append(f"refused {r.file or 'a file'} at {r.at or '?'}: {r.reason}")
    return FleetRow(
        status.kiosk_id, path.name, status.exhibit, current, status.written_at, age, stale, tuple(problems), status
    )


def _span(seconds: float) -> str:
    seconds = abs(seconds)
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} d"


def read_fleet(
    status_dir: str | Path, *, now: dt.datetime | None = None, published: Exhibit | None = None
) -> tuple[list[FleetRow], Exhibit | None]:
    """Rows for every status file in `status_dir` (sorted by kiosk id) and the edition they are compared to.
    OSError when the folder cannot be read."""
    folder = Path(status_dir)
    now = now or dt.datetime.now(dt.UTC)
    paths = []
    for p in folder.iterdir():
        if p.name.startswith(".") or p.suffix != SUFFIX or not p.is_file():
            continue  # Syncthing's and our own temporary files, .stignore, folders
        paths.append(p)
        if len(paths) > MAX_FILES:
            raise OSError(f"{folder}: more than {MAX_FILES} status files: not a kiosk status folder")
    loaded: list[tuple[Path, KioskStatus]] = []
    broken: list[FleetRow] = []
    for p in sorted(paths):
        try:
            loaded.append((p, read_status(p)))
        except StatusError as exc:
            broken.append(FleetRow(p.stem, p.name, Exhibit(), False, "", None, True, (str(exc),), None))
    newest = newest_edition([s for _, s in loaded], published)
    rows = [_row(p, s, newest, now) for p, s in loaded] + broken
    return sorted(rows, key=lambda r: (r.kiosk_id, r.file)), newest


def exit_code(rows: list[FleetRow]) -> int:
    return 0 if rows and all(r.ok for r in rows) else 1


def format_text(rows: list[FleetRow], newest: Exhibit | None, folder: Path) -> str:
    if not rows:
        return f"{folder}: no kiosk status files yet\n"
    lines = [f"newest edition: {newest.built_at if newest else 'unknown'}", ""]
    width = max(len(r.kiosk_id) for r in rows)
    for r in rows:
        state = "current" if r.ok else ("stale" if r.stale else "PROBLEM")
        seen = f"{_span(r.age_s)} ago" if r.age_s is not None else "never"
        lines.append(f"{r.kiosk_id:<{width}}  {state:<7}  edition {r.exhibit.built_at or '?':<20}  seen {seen}")
        lines += [f"{'':<{width}}    - {p}" for p in r.problems]
    ok = sum(r.ok for r in rows)
    lines += ["", f"{ok} of {len(rows)} kiosk(s) current"]
    return "\n".join(lines) + "\n"


def format_json(rows: list[FleetRow], newest: Exhibit | None) -> str:
    return (
        json.dumps(
            {
                "newest": None
                if newest is None
                else {"built_at": newest.built_at, "sources_sha256": newest.sources_sha256},
                "kiosks": [
                    {
                        "kiosk_id": r.kiosk_id,
                        "file": r.file,
                        "current": r.ok,
                        "newest_edition": r.current_edition,
                        "stale": r.stale,
                        "built_at": r.exhibit.built_at,
                        "sources_sha256": r.exhibit.sources_sha256,
                        "last_seen": r.last_seen,
                        "age_s": r.age_s,
                        "app_version": r.status.app_version if r.status else "",
                        "problems": list(r.problems),
                    }
                    for r in rows
                ],
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n"
    )
