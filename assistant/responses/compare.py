"""Published and computed side by side: the same figure the report printed, computed from the responses.

A published row is comparable when its group (all, a size band, a landsforening or fylke), its item and
its option(s) map onto the codebook; merged options are read from the row's note («Sammenslått: A + B»).
Agreement means within the rounding of the printed number (±0.5 for a whole percentage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import knowledge
from . import contract
from .breakdown import BreakdownError, BreakdownRequest, run_breakdown


@dataclass
class Pair:
    published: dict[str, Any]
    computed: float | None  # exact, not rounded; None when hidden or not comparable
    suppressed: bool = False

    @property
    def agrees(self) -> bool | None:
        if self.computed is None:
            return None
        return (
            abs(self.computed - float(self.published["value"])) <= tolerance(self.published["value"]) + 1e-9
        )


def tolerance(value: Any) -> float:
    """Half a unit of the last printed decimal: 26 → 0.5, 3.9 → 0.05, 4.96 → 0.005.

    >>> tolerance(26.0), tolerance(3.9), tolerance(4.96)
    (0.5, 0.05, 0.005)
    """
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10**-decimals


def _option_codes(q: dict[str, Any], row: dict[str, Any]) -> list[int] | None:
    by_label = contract.option_codes_by_label(q)
    note = row.get("note") or ""
    m = re.search(r"Sammenslått:\s*([^;]+)", note)
    if m:
        labels = [x.strip() for x in m.group(1).split("+")]
        codes = [by_label.get(contract.fold_label(x)) for x in labels]
        return None if None in codes else codes
    code = by_label.get(contract.fold_label(row["option"]))
    return [code] if code is not None else None


def _filters(row: dict[str, Any]) -> dict[str, list[int]] | None:
    dim = row.get("group_dim")
    if dim == "total":
        return {}
    if dim == "storrelse":
        lo = row.get("group_min")
        hi = row.get("group_max")
        if lo is None:
            return None
        hi = 10**9 if hi is None else hi
        codes = [
            o["code"]
            for o in contract.background()["storrelse"]["options"]
            if o["min"] >= lo and (o["max"] if o["max"] is not None else 10**9) <= hi
        ]
        return {"storrelse": codes} if codes else None
    if dim in ("landsforening", "fylke"):
        options = {contract.fold_label(o["label"]): o["code"] for o in contract.background()[dim]["options"]}
        code = options.get(contract.fold_label(row.get("group_label") or ""))
        return {dim: [code]} if code is not None else None
    return None


def compare(executor, rows: list[dict[str, Any]], wave: str) -> list[Pair]:
    """A pair for each comparable published row (rows of other waves or units are left out). One breakdown
    per printed series (item × group), all its options at once."""
    series: dict[tuple, list[tuple[dict[str, Any], list[int] | None]]] = {}
    for row in rows:
        q = knowledge.question(row.get("question_id") or "")
        if q is None or row.get("wave") != wave or row.get("unit") not in ("pct", "mean"):
            continue
        if "(sum)" in (row.get("option") or "") or (row.get("note") or "").startswith("Utledet"):
            continue  # a sum of other rows, or a figure on another base
        filters = _filters(row)
        if filters is None:
            continue
        item = None
        if contract.qtype(q) == "grid":
            item = contract.item_ids_by_label(q).get(contract.fold_label(row.get("item") or ""))
            if item is None:
                continue
        codes = None
        if row["unit"] == "pct":
            codes = _option_codes(q, row)
            if codes is None or set(codes) & set(contract.excluded_from_base(q)):
                continue
        key = (q["id"], item, tuple((k, tuple(v)) for k, v in filters.items()), row["unit"])
        series.setdefault(key, []).append((row, codes))
    pairs: list[Pair] = []
    for (qid, item, filters, unit), members in series.items():
        measure = "mean" if unit == "mean" else "share"
        options = [codes for _row, codes in members] if unit == "pct" else []
        request = BreakdownRequest(
            wave=wave, question_id=qid, item=item, options=options, filters=dict(filters), measure=measure
        )
        try:
            result = run_breakdown(executor, request)
        except BreakdownError:
            continue
        if not result.rows:
            continue
        for i, (row, _codes) in enumerate(members):
            out = result.rows[0] if unit == "mean" else result.rows[i]
            if out["suppressed"]:
                pairs.append(Pair(row, None, suppressed=True))
            elif unit == "mean":
                pairs.append(Pair(row, out["value"]))
            else:
                pairs.append(Pair(row, 100 * out["count"] / int(out["n"])))
    return pairs
