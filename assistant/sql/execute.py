"""Read-only, locked DuckDB connection with a time limit and a row cap (one extra row tells truncation)."""

from __future__ import annotations

import threading
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


class Executor:
    """Runs guarded SELECTs. One connection, one lock: DuckDB connections are not shared across threads."""

    def __init__(self, path: Path):
        self.conn = connect_readonly(path)
        self._lock = threading.Lock()
        self.time_limit_ms = settings.get_int("ASSISTANT_SQL_TIME_LIMIT_MS")
        self.max_rows = settings.get_int("ASSISTANT_SQL_MAX_ROWS")

    def run(self, sql: str, params: list[Any] | None = None, max_rows: int | None = None) -> Result:
        """Guarded SELECT. `max_rows` overrides the cap for the engine's own catalogue queries."""
        cap = max_rows or self.max_rows
        with self._lock:
            check(sql, self.conn)  # the guard parses on this connection too: under the lock, or it is busy
            timer = threading.Timer(self.time_limit_ms / 1000, self.conn.interrupt)
            timer.start()
            try:
                cur = self.conn.execute(sql, params or [])
                columns = [d[0] for d in cur.description]
                raw = cur.fetchmany(cap + 1)
            except duckdb.InterruptException as err:
                raise QueryError("Spørringen tok for lang tid og ble stoppet.") from err
            except duckdb.Error as err:
                raise QueryError("Spørringen mot databasen feilet.") from err
            finally:
                timer.cancel()
        truncated = len(raw) > cap
        rows = [dict(zip(columns, r, strict=True)) for r in raw[:cap]]
        return Result(columns, rows, truncated)

    def close(self) -> None:
        self.conn.close()
