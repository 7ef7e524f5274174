"""Every statement passes this guard before it runs.

Layers: DuckDB parses the text itself (exactly one statement, of type SELECT), then sqlglot walks the tree
and refuses any table or function outside the allow-list. Values are never pasted into SQL: plans bind
them as parameters.
"""

from __future__ import annotations

import duckdb
import sqlglot
from sqlglot import exp

ALLOWED_TABLES = frozenset(
    {
        "v_results",
        "v_questions",
        "v_options",
        "v_items",
        "v_waves",
        "v_sample",
        "results",
        "waves",
        "questions",
        "v_resp_waves",
        "v_resp_respondents",
        "v_resp_answers",
    }
)
# Respondent-level views: allowed only inside a statement whose output rows are aggregates (issue 9).
RESPONDENT_TABLES = frozenset({"v_resp_respondents", "v_resp_answers"})
ALLOWED_FUNCTIONS = frozenset(
    {
        "sum",
        "count",
        "min",
        "max",
        "avg",
        "round",
        "coalesce",
        "lower",
        "abs",
        "row_number",
        "string_agg",
        "group_concat",
    }
)


# operators and casts are expressions too in sqlglot's tree; they are not functions to allow-list
_OPERATORS = (
    exp.Binary,
    exp.Connector,
    exp.Unary,
    exp.Predicate,
    exp.Cast,
    exp.Case,
    exp.If,
    exp.Paren,
    exp.Coalesce,
)


class GuardError(ValueError):
    """A statement the guard refuses; the message is Norwegian and safe to show."""


_PASSED: set[str] = set()  # statements already checked: plans reuse a handful of parameterised shapes


def check(sql: str, conn: duckdb.DuckDBPyConnection | None = None) -> None:
    """Raise GuardError unless `sql` is exactly one SELECT over allowed tables and functions.

    >>> check("SELECT value FROM v_results WHERE question_id = ?")
    >>> check("DROP TABLE results")
    Traceback (most recent call last):
    ...
    assistant.sql.guard.GuardError: Bare SELECT-spørringer er tillatt.
    """
    if sql in _PASSED:
        return
    _check(sql, conn)
    if len(_PASSED) < 10_000:
        _PASSED.add(sql)


def _check(sql: str, conn: duckdb.DuckDBPyConnection | None) -> None:
    if not sql or not sql.strip():
        raise GuardError("Tom spørring.")
    probe = conn or duckdb.connect(":memory:")
    try:
        statements = probe.extract_statements(sql)
    except duckdb.Error as err:
        raise GuardError("Spørringen kunne ikke tolkes.") from err
    finally:
        if conn is None:
            probe.close()
    if len(statements) != 1:
        raise GuardError("Nøyaktig én spørring er tillatt.")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise GuardError("Bare SELECT-spørringer er tillatt.")
    try:
        tree = sqlglot.parse_one(sql, read="duckdb")
    except sqlglot.errors.ParseError as err:
        raise GuardError("Spørringen kunne ikke tolkes.") from err
    if not isinstance(tree, exp.Select | exp.Union | exp.With):
        raise GuardError("Bare SELECT-spørringer er tillatt.")
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        name = table.name.lower()
        if not name:
            raise GuardError("Tabellfunksjoner er ikke tillatt.")
        if table.args.get("db") or table.args.get("catalog"):
            raise GuardError("Spørringen viser til en tabell som ikke er tillatt.")
        if name not in ALLOWED_TABLES and name not in ctes:
            raise GuardError(f"Tabellen «{table.name}» er ikke tillatt.")
    if any(t.name.lower() in RESPONDENT_TABLES for t in tree.find_all(exp.Table)):
        _check_aggregated(tree)
    for node in tree.walk():
        if isinstance(node, exp.Anonymous):
            raise GuardError(f"Funksjonen «{node.name}» er ikke tillatt.")
        if isinstance(node, exp.Func) and not isinstance(node, _OPERATORS):
            fname = (node.sql_name() or "").lower()
            if fname not in ALLOWED_FUNCTIONS:
                raise GuardError(f"Funksjonen «{fname}» er ikke tillatt.")


def _outer_selects(tree: exp.Expression) -> list[exp.Select]:
    if isinstance(tree, exp.Union):
        return _outer_selects(tree.left) + _outer_selects(tree.right)
    if isinstance(tree, exp.Subquery):
        return _outer_selects(tree.this)
    return [tree] if isinstance(tree, exp.Select) else []


def _check_aggregated(tree: exp.Expression) -> None:
    """Respondent-level rows never leave the engine: every row a statement over respondent views returns
    must be an aggregate (a GROUP BY or aggregate-only projection), never keyed by the respondent row id.

    >>> check("SELECT storrelse, count(DISTINCT rid) AS n FROM v_resp_respondents GROUP BY storrelse")
    >>> check("SELECT * FROM v_resp_answers")
    Traceback (most recent call last):
    ...
    assistant.sql.guard.GuardError: Svar fra enkeltbedrifter kan bare hentes ut som samletall.
    """
    refused = GuardError("Svar fra enkeltbedrifter kan bare hentes ut som samletall.")
    selects = _outer_selects(tree)
    if not selects or tree.find(exp.Window):  # a window keeps one output row per respondent
        raise refused
    for sel in selects:
        group = sel.args.get("group")
        keys = {k.sql().lower() for k in (group.expressions if group else [])}
        if any(
            c.name.lower() == "rid"
            for k in (group.expressions if group else [])
            for c in k.find_all(exp.Column)
        ):
            raise refused
        if not group and not any(p.find(exp.AggFunc) for p in sel.expressions):
            raise refused
        for proj in sel.expressions:
            inner = proj.unalias() if isinstance(proj, exp.Alias) else proj
            if isinstance(inner, exp.Star) or inner.find(exp.Star) and not inner.find(exp.AggFunc):
                raise refused
            if inner.find(exp.AggFunc) or isinstance(inner, exp.Literal | exp.Null):
                continue
            if inner.sql().lower() not in keys:
                raise refused
