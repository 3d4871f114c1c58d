"""The one exception type for data problems, so every layer reports them the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class DataError(Exception):
    """A problem in a source file or a database, located as precisely as we know.

    str() is one line for curators: ``PATH: table[id].field: message``; parts we do not know are left out
    (``PATH: message``, ``PATH: field: message`` for a source file without tables).
    """

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        table: str | None = None,
        row_id: object = None,
        field: str | None = None,
    ) -> None:
        self.path = str(path)
        self.table = table
        self.row_id = row_id
        self.field = field
        # One line per problem, whatever the underlying library said.
        self.message = "; ".join(line.strip() for line in str(message).splitlines() if line.strip())
        super().__init__(str(self))

    @property
    def location(self) -> str:
        where = self.table or ""
        if self.row_id is not None:
            where += f"[{self.row_id}]"
        if self.field:
            where += f".{self.field}" if where else self.field
        return where

    def __str__(self) -> str:
        where = self.location
        return f"{self.path}: {where}: {self.message}" if where else f"{self.path}: {self.message}"

    def __reduce__(
        self,
    ) -> tuple[Any, tuple[Any, ...]]:  # keep pickling (pytest-xdist, multiprocessing) working with keyword arguments
        return (_rebuild, (self.path, self.message, self.table, self.row_id, self.field))


def _rebuild(path: str, message: str, table: str | None, row_id: object, field: str | None) -> DataError:
    return DataError(path, message, table=table, row_id=row_id, field=field)


class DataErrors(DataError):
    """Several problems found in one pass: `.problems` lists them all (the CLI prints one line each).

    str() stays one line, the first problem and how many more, for logs and the kiosk's status line.
    """

    def __init__(self, problems: list[DataError]) -> None:
        if not problems:
            raise ValueError("DataErrors needs at least one problem")
        self.problems = list(problems)
        first = self.problems[0]
        super().__init__(first.path, first.message, table=first.table, row_id=first.row_id, field=first.field)

    def __str__(self) -> str:
        first = DataError.__str__(self.problems[0])
        more = len(self.problems) - 1
        return f"{first} (and {more} more problem{'s' if more > 1 else ''})" if more else first

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (DataErrors, (self.problems,))


def stop_line(path: str | Path) -> DataError:
    """The last line of a check that stopped at schema.MAX_PROBLEMS problems (`stopped` tells it from a problem)."""
    from kiosk.data.store.schema import MAX_PROBLEMS

    line = DataError(path, f"stopped after {MAX_PROBLEMS} problems (there are more): fix these first")
    line.stopped = True  # type: ignore[attr-defined]
    return line
