"""Respondent-level responses: the codebook as a file contract, import with validation, storage beside the
published numbers, breakdowns through the SQL guard, and disclosure control.

Steps, one module each:
- `contract`: `codebook --json` and the template's columns (what a data provider delivers);
- `readers` and `validate`: read CSV / Parquet / SPSS, apply a mapping file, check every value;
- `store`: the tables, the atomic import (a new database file swapped in only on success);
- `breakdown`: a `BreakdownRequest` compiled to parameterised SQL, run through the guard, then
  `suppress` (small cells and their complements) before any row leaves this package;
- `compare`: computed figures beside the ones the report printed;
- `hook`: an understood question → a request → an `Answer` (the pipeline's one entry point), with
  `chart` for grouped bars.

Public API for any pipeline:

    from assistant.responses import BreakdownRequest, run_breakdown, loaded_waves
    result = run_breakdown(executor, BreakdownRequest(wave="2021-11", question_id="BHT_AVTALE",
                           item="avtale", by=["landsforening"], filters={"storrelse": [4]}))
    result.rows  # aggregated, suppressed rows in the published rows' shape
"""

from __future__ import annotations

from .breakdown import BreakdownError, BreakdownRequest, BreakdownResult, run_breakdown
from .store import loaded_waves

__all__ = ["BreakdownError", "BreakdownRequest", "BreakdownResult", "loaded_waves", "run_breakdown"]
