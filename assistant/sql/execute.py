"""Read-only, locked DuckDB connection with a time limit and a row cap (one extra row tells truncation).

The time limit counts the CPU time of the thread running the statement (DuckDB runs it in that thread:
`threads = 1`), not wall time. On a busy server the wall time of a 1 ms query is mostly waiting for the
GIL or for a core; a wall-clock limit then cut off ordinary queries and their answers fell back to
text. A wall-clock backstop of ten times the limit still stops a statement that waits forever."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from .. import settings
from .guard import check

LOCKED_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
    # one connection serves every thread under a lock and the tables are small: no worker threads, so the
    # statement runs in the calling thread and the time limit can count that thread's CPU time
    "threads": 1,
}


class QueryError(RuntimeError):
    """A statement that failed or took too long; the message is Norwegian and safe to show."""


@dataclass
class Result:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def connect_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True, config=dict(LOCKED_CONFIG))


class Watchdog:
    """Interrupts the running statement once its thread has used `limit_s` of CPU time, or after
    `BACKSTOP` times that in wall time. One polling thread per connection; a statement only sets and
    clears a field (no thread per statement, no lock: a busy server is short of GIL hand-offs)."""

    BACKSTOP = 10

    def __init__(self, interrupt: Callable[[], None], limit_s: float):
        self.limit_s = limit_s
        self._interrupt = interrupt
        self._job: tuple[int | None, float, float] | None = None  # CPU clock, CPU and wall at start
        self._stop = threading.Event()
        threading.Thread(target=self._watch, name="sql-watchdog", daemon=True).start()

    @contextmanager
    def running(self) -> Iterator[None]:
        clock = _cpu_clock()
        self._job = (clock, _cpu(clock), time.monotonic())
        try:
            yield
        finally:
            self._job = None

    def over(self, job: tuple[int | None, float, float]) -> bool:
        clock, cpu0, wall0 = job
        try:
            cpu = _cpu(clock) - cpu0
        except OSError:  # the thread is gone, and its statement with it
            return False
        return cpu >= self.limit_s or time.monotonic() - wall0 >= self.BACKSTOP * self.limit_s

    def _watch(self) -> None:
        while not self._stop.wait(min(0.25, self.limit_s / 4)):
            job = self._job
            if job is not None and self.over(job) and self._job is job:
                self._interrupt()

    def close(self) -> None:
        self._stop.set()


def _cpu_clock() -> int | None:
    try:
        return time.pthread_getcpuclockid(threading.get_ident())
    except (AttributeError, OSError):  # not on this platform: wall time stands in
        return None


def _cpu(clock: int | None) -> float:
    return time.clock_gettime(clock) if clock is not None else time.monotonic()


class Executor:
    """Runs guarded SELECTs. One connection, one lock: DuckDB connections are not shared across threads."""

    def __init__(self, path: Path):
        self.path = path
        self.conn = connect_readonly(path)
        self._identity = _identity(path)
        self.generation = 0  # bumped when the file was swapped (a build or a response import) and reopened
        self._lock = threading.Lock()
        self.time_limit_ms = settings.get_int("ASSISTANT_SQL_TIME_LIMIT_MS")
        self.max_rows = settings.get_int("ASSISTANT_SQL_MAX_ROWS")
        # through self.conn: `refresh` may replace the connection after an import
        self._watchdog = Watchdog(lambda: self.conn.interrupt(), self.time_limit_ms / 1000)

    def refresh(self) -> bool:
        """Reopen when the database file was replaced since it was opened (an import swaps in a new file).
        Costs one stat call; returns True when it reopened."""
        identity = _identity(self.path)
        if identity == self._identity or identity is None:
            return False
        with self._lock:
            if identity != self._identity:
                self.conn.close()
                self.conn = connect_readonly(self.path)
                self._identity = identity
                self.generation += 1
        return True

    def run(self, sql: str, params: list[Any] | None = None, max_rows: int | None = None) -> Result:
        """Guarded SELECT. `max_rows` overrides the cap for the engine's own catalogue queries."""
        cap = max_rows or self.max_rows
        with self._lock:
            check(sql, self.conn)  # under the lock: the connection is shared, and `refresh` may swap it
            with self._watchdog.running():
                try:
                    cur = self.conn.execute(sql, params or [])
                    columns = [d[0] for d in cur.description]
                    raw = cur.fetchmany(cap + 1)
                except duckdb.InterruptException as err:
                    raise QueryError("Spørringen tok for lang tid og ble stoppet.") from err
                except duckdb.Error as err:
                    raise QueryError("Spørringen mot databasen feilet.") from err
        truncated = len(raw) > cap
        rows = [dict(zip(columns, r, strict=True)) for r in raw[:cap]]
        return Result(columns, rows, truncated)

    def close(self) -> None:
        self._watchdog.close()
        self.conn.close()


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_mtime_ns
