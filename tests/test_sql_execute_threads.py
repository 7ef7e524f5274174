"""One Executor shared by many threads, each running statements the guard has not seen yet (as when a
fresh server gets its first questions from many users at once): none is refused or cut off."""

from __future__ import annotations

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
