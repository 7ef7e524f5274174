"""One Executor shared by many threads, each running statements the guard has not seen yet (as when a
fresh server gets its first questions from many users at once): none is refused or cut off."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from assistant.build import DB_NAME
from assistant.sql import guard
from assistant.sql.execute import Executor


def test_new_statements_from_many_threads_at_once(built, monkeypatch):
    monkeypatch.setattr(guard, "_PASSED", set())  # every statement is new to the guard
    executor = Executor(built / DB_NAME)
    statements = [f"SELECT value FROM v_results WHERE row_id = ? AND {i} = {i}" for i in range(400)]

    def run(i: int) -> float:
        return executor.run(statements[i], [i % 50]).rows[0]["value"]

    try:
        expected = executor.run("SELECT row_id, value FROM v_results WHERE row_id < 50", max_rows=100).rows
        by_id = {r["row_id"]: r["value"] for r in expected}
        with ThreadPoolExecutor(max_workers=16) as pool:
            values = list(pool.map(run, range(len(statements))))
    finally:
        executor.close()
    assert values == [by_id[i % 50] for i in range(len(statements))]


def test_time_limit_counts_the_statement_not_the_wait_for_the_gil(built, monkeypatch):
    """Busy Python threads make a 1 ms query wait hundreds of ms for the GIL; that wait is no reason to
    cut it off (its answer would fall back to text). A statement that really runs long still is."""
    monkeypatch.setenv("ASSISTANT_SQL_TIME_LIMIT_MS", "150")
    executor = Executor(built / DB_NAME)
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            sum(range(1000))

    spinners = [threading.Thread(target=spin, daemon=True) for _ in range(12)]
    for t in spinners:
        t.start()
    try:
        waited = []
        for i in range(10):
            t0 = time.monotonic()
            assert executor.run("SELECT value FROM v_results WHERE row_id = ?", [i]).rows
            waited.append(time.monotonic() - t0)
    finally:
        stop.set()
        for t in spinners:
            t.join()
        executor.close()
    print(f"\nwall time of a 1 ms query beside 12 busy threads: max {max(waited) * 1000:.0f} ms")
