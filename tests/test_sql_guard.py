"""The guard: exactly one SELECT over allow-listed tables and functions, parsed by DuckDB itself."""

from __future__ import annotations

import pytest

from assistant.plan import Plan, compile_plan
from assistant.sql.guard import GuardError, check

ALLOWED = [
    "SELECT value FROM v_results WHERE question_id = ?",
    "SELECT item, sum(value) AS v FROM v_results WHERE question_id = ? GROUP BY item ORDER BY v DESC LIMIT ?",
    "SELECT group_label, string_agg(option, ' + ') FROM v_results GROUP BY group_label",
    "WITH t AS (SELECT * FROM v_sample) SELECT * FROM t",
    "SELECT count(*) FROM results WHERE unit = 'pct' OR NOT from_prose",
]

REFUSED = [
    ("", "Tom"),
    ("DROP TABLE results", "SELECT"),
    ("DELETE FROM results", "SELECT"),
    ("UPDATE results SET value = 0", "SELECT"),
    ("INSERT INTO results VALUES (1)", "SELECT"),
    ("CREATE TABLE x AS SELECT 1", "SELECT"),
    ("SELECT 1; DROP TABLE results", "én"),
    ("SELECT * FROM read_csv('/etc/passwd')", "Tabellfunksjoner"),
    ("SELECT * FROM read_text('/etc/hostname')", "Tabellfunksjoner"),
    ("SELECT * FROM 'data/published/tabell03.csv'", "tillatt"),
    ("COPY results TO '/tmp/out.csv'", "SELECT"),
    ("ATTACH '/tmp/x.db' AS x", "SELECT"),
    ("INSTALL httpfs", "SELECT"),
    ("LOAD httpfs", "SELECT"),
    ("PRAGMA database_list", "SELECT"),
    ("SET enable_external_access = true", "SELECT"),
    ("SELECT getenv('HOME')", "getenv"),
    ("SELECT * FROM duckdb_settings()", "Tabellfunksjoner"),
    ("SELECT * FROM information_schema.tables", "tillatt"),
    ("SELECT * FROM sqlite_master", "tillatt"),
    ("SELECT * FROM secrets", "tillatt"),
    ("SELECT * FROM v_results WHERE x = (SELECT current_setting('threads'))", "current_setting"),
    ("SELEC value FROM v_results", "tolkes"),
]


@pytest.mark.parametrize("sql", ALLOWED)
def test_allowed(sql):
    check(sql)


@pytest.mark.parametrize(("sql", "message"), REFUSED)
def test_refused(sql, message):
    with pytest.raises(GuardError) as err:
        check(sql)
    assert message.lower() in str(err.value).lower()


def test_compiled_plans_pass_the_guard_and_bind_user_values():
    evil = "x'); DROP TABLE results; --"
    for plan in [
        Plan(question_id="AT_NYTTE", items=[evil], groups=[evil], group_dim="storrelse"),
        Plan(kind="rank_items", question_id="BHT_NYTTE", options=["Svært nyttig", evil]),
        Plan(kind="rank_groups", question_id="UTVALG", group_dim="fylke", options=[evil], limit=3),
    ]:
        sql, params = compile_plan(plan)
        check(sql)
        assert evil not in sql and evil in params
