"""`kiosk-db publish NEW EXHIBIT_DIR`: place a checked database into a folder that a sync engine shares.

Every kiosk runs on EXHIBIT_DIR/kiosk.sqlite and switches to a new edition between visits. What must never
reach that folder: a file the full validation refuses, a half-written file, or a `-journal`/`-wal` beside the
database. So the new file is checked where it is, copied to a hidden temporary file in the exhibit folder
(which the folder's `.stignore` keeps out of Syncthing), checked again as copied, flushed to disk, and renamed
over the old one in one step.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from kiosk.data.errors import DataError, DataErrors
from kiosk.data.store.sqlite_ro import SQLITE_MAGIC
from kiosk.data.store.validate import check_file

DB_NAME = "kiosk.sqlite"
TEMP_PREFIX = ".kiosk-publish-"
# Lines the exhibit folder's .stignore needs: our own temporary files never travel to a kiosk.
STIGNORE_LINES = (f"(?d){TEMP_PREFIX}*",)
_JOURNAL_MODE_OFFSET = 18  # header bytes 18 and 19: 1 = rollback journal, 2 = WAL


def _refuse_pending_wal(new: Path) -> None:
    wal = new.with_name(new.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        return
    if pending:
        raise DataError(
            new,
            f"{wal.name} holds changes that are not in the file yet: close the program that has it open "
            f"(or run: sqlite3 {new} 'PRAGMA wal_checkpoint(TRUNCATE)') and publish again",
        )


def _as_rollback_journal(path: Path) -> None:
    """A WAL-mode header makes every reader create -wal/-shm beside the file: publish a rollback-journal one."""
    with path.open("r+b") as f:
        header = f.read(100)
        if header.startswith(SQLITE_MAGIC) and header[_JOURNAL_MODE_OFFSET : _JOURNAL_MODE_OFFSET + 2] == b"\x02\x02":
            f.seek(_JOURNAL_MODE_OFFSET)
            f.write(b"\x01\x01")


def ensure_stignore(folder: Path, lines: tuple[str, ...] = STIGNORE_LINES) -> None:
    """Add `lines` to folder/.stignore where they are missing (a curator's own lines stay as they are)."""
    path = folder / ".stignore"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    missing = [line for line in lines if line not in text.splitlines()]
    if missing:
        with path.open("a", encoding="utf-8") as f:
            f.write(("\n" if text and not text.endswith("\n") else "") + "".join(line + "\n" for line in missing))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def publish_exhibit(new: str | Path, exhibit_dir: str | Path, name: str = DB_NAME) -> Path:
    """Check `new` in full and place it as exhibit_dir/name in one rename; DataErrors when it is refused."""
    new, folder = Path(new), Path(exhibit_dir)
    problems = check_file(new)
    if problems:
        raise DataErrors(problems)
    _refuse_pending_wal(new)
    if not folder.is_dir():
        raise DataError(folder, "the exhibit folder does not exist (create it and share it with Syncthing)")
    target = folder / name
    if target.exists() and target.samefile(new):
        raise DataError(new, f"is already the published file {target}: publish a new file, not the shared one")
    ensure_stignore(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, new.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        _as_rollback_journal(tmp)
        # mkstemp makes it private (0600): kiosks, often another user, must read it like the file it replaces.
        Path(tmp).chmod((target.stat().st_mode & 0o777) if target.exists() else 0o644)
        problems = check_file(tmp)  # what is placed is what was checked, even if NEW changed while copying
        if problems:
            raise DataErrors([DataError(new, f"changed while it was copied: {p}") for p in problems])
        Path(tmp).replace(target)
        _fsync_dir(folder)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
