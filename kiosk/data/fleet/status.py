"""One kiosk's status record: what it shows, since when, what it refused, and when it last said so.

A record is a small JSON object written atomically (a temporary file beside it, then a rename), so a sync engine
or a reader never sees half a file. Reading is tolerant: a record from an older or newer kiosk, or a damaged
one, becomes a row with a problem, never an exception.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SUFFIX = ".json"
MAX_BYTES = 64 * 1024  # a record is ~1 KB; anything far larger is not one of ours and is not read whole
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Exhibit:
    """The edition of the exhibit a kiosk shows: the database's own build stamp and sources hash."""

    built_at: str = ""
    sources_sha256: str = ""
    schema_version: str = ""

    @property
    def version(self) -> tuple[str, str]:
        return (self.built_at, self.sources_sha256)


@dataclass(frozen=True)
class Refusal:
    file: str = ""
    reason: str = ""
    at: str = ""


@dataclass(frozen=True)
class KioskStatus:
    kiosk_id: str
    app_version: str
    written_at: str  # UTC, ISO 8601 with Z
    interval_s: float  # how often this kiosk writes: a reader calls it stale after three missed intervals
    started_at: str = ""
    uptime_s: float = 0.0
    available: bool = True
    exhibit: Exhibit = field(default_factory=Exhibit)
    showing_since: str = ""
    unavailable_reason: str = ""
    last_refusal: Refusal | None = None
    last_restart: str = ""  # how the previous run ended, where known ("clean exit", "crash", "killed or power loss")
    visits_today: int | None = None  # from the visit statistics, where they are recorded

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def file_name(kiosk_id: str) -> str:
    """`<kiosk_id>.json`, with anything that is not safe in a file name on every system replaced."""
    safe = _SAFE_ID.sub("_", kiosk_id).strip("._-") or "kiosk"
    return safe[:100] + SUFFIX


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a hidden temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class StatusError(ValueError):
    """A status file that is not a kiosk's status record; str() names the file and what is wrong."""


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else ""


def _number(data: dict[str, Any], key: str) -> float:
    value = data.get(key, 0)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0


def read_status(path: Path) -> KioskStatus:
    """The record in `path`; StatusError when it is not a readable one."""
    try:
        with path.open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise StatusError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise StatusError(f"{path}: larger than {MAX_BYTES // 1024} KB, not a kiosk status file")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise StatusError(f"{path}: not a JSON status file") from None
    if not isinstance(data, dict) or not isinstance(data.get("kiosk_id"), str) or not data["kiosk_id"]:
        raise StatusError(f"{path}: no kiosk_id: not a kiosk status file")
    ex_raw, ref_raw = data.get("exhibit"), data.get("last_refusal")
    ex: dict[str, Any] = ex_raw if isinstance(ex_raw, dict) else {}
    ref: dict[str, Any] | None = ref_raw if isinstance(ref_raw, dict) else None
    visits = data.get("visits_today")
    return KioskStatus(
        kiosk_id=data["kiosk_id"],
        app_version=_text(data, "app_version"),
        written_at=_text(data, "written_at"),
        interval_s=_number(data, "interval_s"),
        started_at=_text(data, "started_at"),
        uptime_s=_number(data, "uptime_s"),
        available=data.get("available") is not False,
        exhibit=Exhibit(_text(ex, "built_at"), _text(ex, "sources_sha256"), _text(ex, "schema_version")),
        showing_since=_text(data, "showing_since"),
        unavailable_reason=_text(data, "unavailable_reason"),
        last_refusal=None if ref is None else Refusal(_text(ref, "file"), _text(ref, "reason"), _text(ref, "at")),
        last_restart=_text(data, "last_restart"),
        visits_today=visits if isinstance(visits, int) and not isinstance(visits, bool) else None,
    )
