"""Vega-Lite for computed breakdowns: grouped bars (one bar per option inside each group), «–» at zero for
hidden cells. One group gives plain horizontal bars."""

from __future__ import annotations

import textwrap
from typing import Any

from ..charts import SINGLE, _base, option_colours
from .compose import HIDDEN


def _label(r: dict[str, Any]) -> str:
    if r["value"] is None:
        return HIDDEN
    text = f"{r['value']:g}".replace(".", ",")
    return f"{text} %" if r["unit"] == "pct" else text


def breakdown_chart(rows: list[dict[str, Any]], title: str) -> dict[str, Any] | None:
    if not rows:
        return None
    unit = rows[0]["unit"]

    def serie(r: dict[str, Any]) -> str:
        parts = (r["item"], r["group_label"] if r["group_label"] != "Alle" else "")
        return " – ".join(x for x in parts if x) or "Alle bedrifter"

    series = list(dict.fromkeys(serie(r) for r in rows))
    options = list(dict.fromkeys(r["option"] for r in rows))
    values = [
        {"serie": serie(r), "option": r["option"], "value": r["value"], "pos": r["value"] or 0,
         "label": _label(r), "hidden": r["value"] is None}
        for r in rows
    ]  # fmt: skip
    x_title = {"pct": "Andel (%)", "count": "Antall bedrifter", "mean": "Gjennomsnitt"}[unit]
    spec = _base(rows)
    spec["title"]["text"] = textwrap.wrap(title, 56)[:3]
    grouped = len(series) > 1 and len(options) > 1
    ordered, palette = option_colours(options)
    colours = dict(zip(ordered, palette, strict=True))
    colors = [colours[o] for o in options]
    y = "serie" if len(series) > 1 or len(options) == 1 else "option"
    encoding: dict[str, Any] = {
        "y": {"field": y, "type": "nominal", "sort": series if y == "serie" else options, "title": None},
        "x": {"field": "pos", "type": "quantitative", "title": x_title},
        "tooltip": [{"field": "serie"}, {"field": "option"}, {"field": "label", "title": "Verdi"}],
    }
    if grouped:
        encoding["yOffset"] = {"field": "option", "type": "nominal", "sort": options}
        encoding["color"] = {
            "field": "option",
            "type": "nominal",
            "sort": options,
            "title": None,
            "scale": {"domain": options, **({"range": colors} if colors else {})},
        }
    spec.update(
        {
            "data": {"values": values},
            "height": {"step": 16 if grouped else 26},
            "encoding": encoding,
            "layer": [
                {"mark": {"type": "bar", **({} if grouped else {"color": SINGLE})}},
                {
                    "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                    "encoding": {"text": {"field": "label"}, "color": {"value": "#1f2a36"}},
                },
            ],
        }
    )
    return spec
