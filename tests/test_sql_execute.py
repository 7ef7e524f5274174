"""The run-time connection: read-only, no file or network access, configuration locked, row cap."""

from __future__ import annotations

import duckdb
import pytest

from assistant.build import DB_NAME
from assistant.sql.execute import Executor, QueryError, connect_readonly


@pytest.fixture(scope="module")
def conn(built):
    c = connect_readonly(built / DB_NAME)
    yield c
    c.close()


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO results (row_id) VALUES (99999)",
        "DELETE FROM results",
        "UPDATE results SET value = 0",
        "DROP VIEW v_results",
        "CREATE TABLE hack (x INTEGER)",
    ],
)
def test_readonly_connection_refuses_writes(conn, sql):
    with pytest.raises(duckdb.Error):
        conn.execute(sql)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv_auto('data/published/tabell03.csv')",
        "SELECT * FROM read_text('/etc/hostname')",
        "COPY (SELECT 1) TO '/tmp/barometer_leak.csv'",
        "ATTACH '/tmp/barometer_other.duckdb' AS other",
        "INSTALL httpfs",
    ],
)
def test_no_file_or_network_access(conn, sql):
    with pytest.raises(duckdb.Error):
        conn.execute(sql)


def test_configuration_is_locked(conn):
    with pytest.raises(duckdb.Error):
        conn.execute("SET enable_external_access = true")
    assert conn.execute("SELECT current_setting('enable_external_access')").fetchone()[0] is False


def test_executor_guards_and_caps(built, monkeypatch):
    monkeypatch.setenv("ASSISTANT_SQL_MAX_ROWS", "6")
    ex = Executor(built / DB_NAME)
    try:
        res = ex.run("SELECT value FROM v_results WHERE unit = ?", ["pct"])
        assert len(res.rows) == 6 and res.truncated
        small = ex.run(
            "SELECT value FROM v_results WHERE source = ? AND item = ?", ["Tabell 3", "Tilsyn med veiledning"]
        )
        assert not small.truncated and len(small.rows) == 6
        from assistant.sql.guard import GuardError

        with pytest.raises(GuardError):
            ex.run("DELETE FROM results")
        with pytest.raises(QueryError):
            ex.run("SELECT no_such_column FROM v_results")
    finally:
        ex.close()


def test_executor_time_limit(built, monkeypatch):
    monkeypatch.setenv("ASSISTANT_SQL_TIME_LIMIT_MS", "50")
    ex = Executor(built / DB_NAME)
    try:
        slow = "SELECT count(*) FROM results a, results b, results c, results d WHERE a.value + b.value + c.value > d.value"
        with pytest.raises(QueryError) as err:
            ex.run(slow)
        assert "for lang tid" in str(err.value)
        # the connection is still usable afterwards
        assert ex.run("SELECT count(*) AS n FROM results").rows[0]["n"] > 500
    finally:
        ex.close()
