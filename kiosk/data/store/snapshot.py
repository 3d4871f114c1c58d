"""A private copy of the curators' database file, so nothing of theirs is ever opened by SQLite.

Why: SQLite opening the curators' file itself waits on their write locks (a 5 s freeze), creates `-shm`/`-wal`
beside a WAL-mode file (and fails where that folder is read-only), and blocks forever on a FIFO. Copying the
bytes takes no lock, creates nothing beside the file, and is refused up front for anything that is not a
regular file. A copy that changed while it was being taken, or a file with a hot journal beside it (a write in
progress), is refused: the caller keeps what it had and tries again later.

Where: in a folder named for this process (`kiosk-snapshot-<pid>-…`), under `set_home()`'s folder when one is
set (the kiosk uses its state folder: a RAM-backed /tmp would hold a 60 MB copy per start in memory), else in
the system's temporary folder; a copy that does not fit there falls back to the other. A killed process leaves
its copy behind: `remove_leftovers()` (the kiosk runs it after its first frame) removes those of processes that
no longer run.

No Qt here: `kiosk-db validate`, the self-test and the kiosk all go through `take_snapshot`.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
import zlib
from pathlib import Path

from kiosk.data.errors import DataError
from kiosk.data.store.schema import MAX_FILE_BYTES

_KINDS = (
    (stat.S_ISFIFO, "is a FIFO (named pipe)"),
    (stat.S_ISCHR, "is a character device"),
    (stat.S_ISBLK, "is a block device"),
    (stat.S_ISSOCK, "is a socket"),
    (stat.S_ISDIR, "is a folder"),
)
CHUNK = 1 << 20
_DENIED = "cannot read: permission denied (give the kiosk's user read access to the file and its folder)"
PREFIX = "kiosk-snapshot-"
OLD_STYLE_AGE_S = 3600  # earlier versions named copies without their process: those older than this are left over
_home: Path | None = None  # set_home()
RESERVE_BYTES = 64 << 20  # left free beside a private copy: the state folder also holds the statistics and the log
IN_MEMORY_MAX_BYTES = 64 << 20  # the largest copy put in a RAM-backed folder (tmpfs): a photo-less file is ~2 MB


class BusyFile(DataError):
    """The file is being written right now: not broken, just not ready; try again later."""


def regular_file_stat(path: str | Path, what: str = "database file") -> os.stat_result:
    """stat() of `path` (following symlinks) when it is a regular file; else a DataError saying what it is.

    stat() never opens the file, so a FIFO or a device cannot block here.
    """
    try:
        st = Path(path).stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DataError(path, "symlink loop (a link that points back to itself)") from None
        if e.errno in (errno.ENOENT, errno.ENOTDIR):
            if Path(path).is_symlink():
                raise DataError(
                    path, f"broken symlink (points to {Path(path).readlink()}, which does not exist)"
                ) from None
            raise DataError(path, "file not found") from None
        if e.errno in (errno.EACCES, errno.EPERM):
            raise DataError(path, _DENIED) from None
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    for test, message in _KINDS:
        if test(st.st_mode):
            raise DataError(path, f"{message}, not a {what}")
    if not stat.S_ISREG(st.st_mode):
        raise DataError(path, "is not a regular file")
    return st


def size_text(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB" if n >= 1 << 20 else f"{n} bytes"


Signature = tuple[int, int, int, int]


def signature(st: os.stat_result) -> Signature:
    """What changes when a file is replaced or rewritten: device, inode, size, modification time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _open_regular(path: str | Path) -> int:
    """A file descriptor that cannot block: O_NONBLOCK, then fstat proves it is (still) a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DataError(path, "symlink loop (a link that points back to itself)") from None
        if e.errno in (errno.EACCES, errno.EPERM):
            raise DataError(path, _DENIED) from None
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a FIFO between stat() and open()
        os.close(fd)
        raise DataError(path, "is not a regular file")
    return fd


def read_regular(path: str | Path, max_bytes: int, what: str = "file") -> bytes:
    """The bytes of a small regular file, never more than `max_bytes`: a FIFO, a device or a folder is refused
    before it is opened for reading (nothing blocks), and /dev/zero or a huge file cannot fill the memory."""
    st = regular_file_stat(path, what)
    if st.st_size > max_bytes:
        raise DataError(path, f"{what} too large: {size_text(st.st_size)}, at most {size_text(max_bytes)}")
    fd = _open_regular(path)
    try:
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew since stat()
        raise DataError(path, f"{what} too large: more than {size_text(max_bytes)}")
    return data


_FICLONE = 0x40049409  # Linux ioctl: the target shares the source's blocks (btrfs, XFS, bcachefs): no bytes copied


def _copy(path: str | Path, target: Path) -> int | None:
    """Copy the bytes. The kernel copies them where it can: a clone of the blocks (copy on write) on btrfs or XFS,
    else copy_file_range (no bytes through this process; on ext4 ~0.7 s instead of ~1.6 s for 0.5 GB of
    photographs): then None is returned and the checksum is taken from the copy when it is first asked for
    (Snapshot.digest). Elsewhere the bytes pass through here and the checksum (CRC-32 and Adler-32: zlib is loaded
    anyway, unlike hashlib's OpenSSL) is taken on the way; it tells a rewritten file from an identical copy
    (DatabaseService's watcher)."""
    fd = _open_regular(path)
    crc, adler = 0, 1
    try:
        with os.fdopen(fd, "rb", closefd=False) as src, target.open("wb") as dst:
            if _kernel_copy(fd, dst.fileno(), os.fstat(fd).st_size):
                return None
            while chunk := src.read(CHUNK):
                dst.write(chunk)
                crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
        return crc << 32 | adler
    except OSError as e:
        if e.filename == str(target) or e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise _no_room(
                path,
                f"cannot make a private copy in {target.parent}: {e.strerror or e} (free some "
                "space there, or point TMPDIR at a folder with room)",
            ) from None
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)


def _kernel_copy(src: int, dst: int, size: int) -> bool:
    """Copy `size` bytes from the start of `src` to `dst` inside the kernel; False (nothing written) where it cannot
    (another OS, a file system without it, a file that grew): the caller copies through Python. ENOSPC and the like
    are raised as they would be by write()."""
    try:
        import fcntl

        fcntl.ioctl(dst, _FICLONE, src)
        return os.fstat(dst).st_size == size
    except (ImportError, OSError):
        pass
    copy_range = getattr(os, "copy_file_range", None)
    if copy_range is None:
        return False
    done = 0
    try:
        while done < size:
            n = copy_range(src, dst, size - done, done, done)
            if n == 0:
                break
            done += n
    except OSError as e:
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise
        done = 0
    if done != size:
        os.ftruncate(dst, 0)
        return False
    return True


class Snapshot:
    """A private copy in its own temporary folder; `discard()` (or the context manager) removes it."""

    def __init__(
        self, source: str | Path, path: Path, sig: tuple[int, int, int, int], digest: int | None = None
    ) -> None:
        self.source = Path(source)
        self.path = path
        self.signature = sig
        self._digest = digest

    @property
    def digest(self) -> int | None:
        """The checksum of the database file's bytes (content_digest()), read from this copy the first time it is
        asked for when the kernel made the copy (a worker thread's job: ~1 s for 0.5 GB); None once the copy is
        gone. sqlite_ro asks before it changes a WAL-mode copy."""
        if self._digest is None:
            try:
                self._digest = content_digest(self.path)
            except DataError:
                return None
        return self._digest

    def discard(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()


def take_snapshot(path: str | Path, folder: str | Path | None = None) -> Snapshot:
    """Copy `path` (and its `-wal`, if any) into a new private folder; DataError when that is not safe.

    The copy is refused when the file is not a regular file, when a hot rollback journal lies beside it (a
    curator's write in progress), or when the file changed while it was copied (half-copied, rewritten).
    """
    before = regular_file_stat(path)
    if before.st_size > MAX_FILE_BYTES:
        raise DataError(path, f"too large: {size_text(before.st_size)}, at most {size_text(MAX_FILE_BYTES)}")
    journal = Path(f"{path}-journal")
    if journal.exists() and journal.stat().st_size > 0:
        raise BusyFile(
            path,
            "is being written right now (a journal file lies beside it); try again when the "
            "editor has saved and closed it",
        )
    places: list[Path | str | None] = [folder] if folder is not None else [_home, None] if _home else [None]
    for n, place in enumerate(places):
        try:
            return _take(path, before, place)
        except DataError as e:
            if n == len(places) - 1 or not getattr(e, "no_room", False):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _no_room(path: str | Path, message: str) -> DataError:
    error = DataError(path, message)
    error.no_room = True  # type: ignore[attr-defined]  # take_snapshot tries the next place
    return error


def _fstype(folder: Path) -> str:
    """The file-system type of the mount holding `folder` (Linux: /proc/self/mountinfo), '' when unknown."""
    try:
        with Path("/proc/self/mountinfo").open(encoding="utf-8", errors="replace") as f:
            mounts = [line.split(" - ", 1) for line in f]
    except OSError:
        return ""
    best, kind = "", ""
    real = os.path.realpath(folder)
    for head, tail in (m for m in mounts if len(m) == 2):
        point = head.split()[4].replace("\\040", " ")
        if (real == point or real.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, kind = point, tail.split()[0]
    return kind


def _check_room(path: str | Path, folder: Path, need: int) -> None:
    """Refuse up front a copy that would not fit with RESERVE_BYTES to spare (a half-made copy fills the disk the
    kiosk's statistics and log share, and is thrown away anyway), or a large one that would live in memory (a
    RAM-backed temporary folder: a second full copy of the photographs in RAM)."""
    if need > IN_MEMORY_MAX_BYTES and _fstype(folder) in ("tmpfs", "ramfs"):
        raise _no_room(
            path,
            f"cannot make a private copy in {folder}: it is held in memory ({_fstype(folder)}), and "
            f"{size_text(need)} is too much for that (give the kiosk's state folder room on a disk)",
        )
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # mkdtemp or the copy says what is wrong
    if free < need + RESERVE_BYTES:
        raise _no_room(
            path,
            f"cannot make a private copy in {folder}: {size_text(free)} free, {size_text(need + RESERVE_BYTES)} "
            "needed (free some space there, or point TMPDIR at a folder with room)",
        )


def _take(path: str | Path, before: os.stat_result, folder: Path | str | None) -> Snapshot:
    wal = Path(f"{path}-wal")
    try:
        if folder is not None:
            Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
        _check_room(path, Path(folder if folder is not None else tempfile.gettempdir()), before.st_size + _size(wal))
        tmp = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder))
    except OSError as e:
        raise _no_room(path, f"cannot make a private copy: {e.strerror or e}") from None
    target = tmp / "kiosk.sqlite"
    try:
        digest = _copy(path, target)
        if wal.exists() and stat.S_ISREG(wal.stat().st_mode) and wal.stat().st_size > 0:
            _copy(wal, Path(f"{target}-wal"))  # committed changes still in the WAL belong to the file
        after = regular_file_stat(path)
        if signature(before) != signature(after):
            raise BusyFile(path, "changed while it was being read (still being copied?); will try again")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Snapshot(path, target, signature(after), digest)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def set_home(folder: str | Path | None) -> None:
    """Take this process's private copies in `folder` (made when needed), the system's temporary folder if
    they do not fit there; None: the temporary folder only."""
    global _home
    _home = Path(folder) if folder is not None else None


def content_digest(path: str | Path) -> int:
    """The checksum `_copy` gives the bytes of `path` (a regular file), read now."""
    fd = _open_regular(path)
    crc, adler = 0, 1
    try:
        with os.fdopen(fd, "rb", closefd=False) as f:
            while chunk := f.read(CHUNK):
                crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    except OSError as e:
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    finally:
        os.close(fd)
    return crc << 32 | adler


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process (EPERM): running
        return True
    return True


def remove_leftovers(*folders: str | Path | None) -> list[Path]:
    """Remove the private copies that processes no longer running left in `folders` (None: the temporary
    folder); only our own kind, only our own user's. An earlier version named its copies without the process
    (`kiosk-snapshot-<random>`): those go once an hour old (a kiosk still reading one falls back to the
    curators' file for its images). Returns what was removed."""
    removed = []
    uid = getattr(os, "getuid", lambda: None)()
    for folder in folders:
        base = Path(folder) if folder is not None else Path(tempfile.gettempdir())
        try:
            entries = list(os.scandir(base))
        except OSError:
            continue
        for entry in entries:
            if not entry.name.startswith(PREFIX):
                continue
            pid_text, dash, _ = entry.name[len(PREFIX) :].partition("-")
            try:
                st = entry.stat(follow_symlinks=False)
                if not entry.is_dir(follow_symlinks=False) or (uid is not None and st.st_uid != uid):
                    continue
            except OSError:
                continue
            if dash and pid_text.isdigit():
                stale = int(pid_text) != os.getpid() and not _running(int(pid_text))
            else:  # an earlier version's name, without its process: stale once it is older than any copy in use
                stale = not dash and time.time() - st.st_mtime > OLD_STYLE_AGE_S
            if stale:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed.append(Path(entry.path))
    return removed


__all__ = [
    "BusyFile",
    "Snapshot",
    "content_digest",
    "read_regular",
    "regular_file_stat",
    "remove_leftovers",
    "set_home",
    "signature",
    "take_snapshot",
]
