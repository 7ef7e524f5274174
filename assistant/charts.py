"""Vega-Lite specs (rendered with Altair in the app): a distribution as a horizontal stacked bar in the
scale's order, breakdowns as grouped bars, rankings as sorted bars. Percentage labels on the bars."""

from __future__ import annotations

from typing import Any

from . import knowledge

PALETTE = ["#9e3d22", "#d36b3c", "#c9c9c9", "#6fa3c7", "#2b5d8a", "#8c8c8c", "#b7a57a", "#5c7f67"]
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def _title(rows: list[dict[str, Any]]) -> str:
    src = rows[0].get("source") or ""
    if src[:1].isdigit():
        src = f"Avsnitt {src}"
    info = knowledge.question(rows[0].get("question_id") or "") or {}
    q = info.get("title") or rows[0].get("question_text") or ""
    return f"{src}: {q}" if q else src


def _base(title: str) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "title": {"text": title[:110] + ("…" if len(title) > 110 else ""), "anchor": "start", "fontSize": 13},
        "width": "container",
        "config": {
            "font": "Source Sans Pro, sans-serif",
            "axis": {"labelLimit": 260},
            "legend": {"orient": "bottom", "columns": 2, "labelLimit": 320},
        },
    }


def _series_label(r: dict[str, Any]) -> str:
    parts = [p for p in (r.get("item"), r.get("group_label")) if p and p != "Alle"]
    return " – ".join(parts) or "Alle bedrifter"


def _label(value: float, unit: str | None) -> str:
    text = f"{value:g}".replace(".", ",")
    return f"{text} %" if unit == "pct" else text


def _single_bars(title: str, values: list[dict[str, Any]], sort: Any, x_title: str) -> dict[str, Any]:
    """One bar per row with its value printed beside it (rankings, means, one option per group)."""
    spec = _base(title)
    spec.update(
        {
            "data": {"values": values},
            "height": {"step": 26},
            "layer": [
                {"mark": {"type": "bar", "color": PALETTE[4]}},
                {
                    "mark": {"type": "text", "align": "left", "dx": 3},
                    "encoding": {"text": {"field": "label"}},
                },
            ],
            "encoding": {
                "y": {"field": "y", "type": "nominal", "sort": sort, "title": None},
                "x": {"field": "value", "type": "quantitative", "title": x_title},
            },
        }
    )
    return spec


def chart_for(rows: list[dict[str, Any]], kind: str) -> dict[str, Any] | None:
    if not rows:
        return None
    unit = rows[0].get("unit")
    if rows[0].get("question_id") == "UTVALG":
        if rows[0].get("group_dim") == "total":
            return None  # a response rate is one number, not a chart
        rows = [r for r in rows if r.get("unit") == "pct"]
    elif unit == "count":
        return None
    # sums printed in the text ("… (sum)") repeat their parts: never stack them with the parts
    rows = [r for r in rows if "(sum)" not in (r.get("option") or "")]
    if not rows:
        return None
    if kind in ("rank_items", "rank_groups"):
        key = "item" if kind == "rank_items" else "group_label"
        values = [{"y": r[key], "value": r["value"], "label": _label(r["value"], unit)} for r in rows]
        return _single_bars(_title(rows), values, "-x", "Andel (%)" if unit == "pct" else "Gjennomsnitt")
    options: list[str] = []
    for r in rows:
        if r["option"] not in options:
            options.append(r["option"])
    series: list[str] = []
    for r in rows:
        s = _series_label(r)
        if s not in series:
            series.append(s)
    palette = PALETTE[: len(options)] if len(options) <= len(PALETTE) else PALETTE * 3
    values = [
        {"serie": _series_label(r), "option": r["option"], "value": r["value"], "order": options.index(r["option"]),
         "colour": palette[options.index(r["option"])],
         "label": _label(r["value"], unit)}
        for r in rows
    ]  # fmt: skip
    if unit == "mean" or len(options) == 1:
        single = [{"y": v["serie"], "value": v["value"], "label": v["label"]} for v in values]
        return _single_bars(_title(rows), single, series, options[0] if len(options) == 1 else "Verdi")
    spec = _base(_title(rows))
    colors = PALETTE[: len(options)] if len(options) <= len(PALETTE) else None
    spec.update(
        {
            "data": {"values": values},
            "height": {"step": 34},
            "encoding": {
                "y": {"field": "serie", "type": "nominal", "sort": series, "title": None},
                "x": {
                    "field": "value",
                    "type": "quantitative",
                    "stack": "zero",
                    "title": "Andel (%)" if unit == "pct" else None,
                    "scale": {"domain": [0, 100]} if unit == "pct" else {},
                },
                "color": {
                    "field": "option",
                    "type": "nominal",
                    "sort": options,
                    "title": None,
                    "scale": {"domain": options, **({"range": colors} if colors else {})},
                },
                "order": {"field": "order", "type": "quantitative"},
                "tooltip": [{"field": "serie"}, {"field": "option"}, {"field": "label", "title": "Verdi"}],
            },
            "layer": [
                {"mark": {"type": "bar"}},
                {
                    "mark": {
                        "type": "text",
                        "dx": -4,
                        "align": "right",
                        "baseline": "middle",
                        "fontWeight": "bold",
                    },
                    "encoding": {
                        "x": {"field": "value", "type": "quantitative", "stack": "zero", "bandPosition": 1},
                        "text": {"condition": {"test": "datum.value >= 9", "field": "label"}, "value": ""},
                        # dark text on the light middle of the palette, white on the strong ends
                        "color": {
                            "condition": {
                                "test": "indexof(['#c9c9c9', '#b7a57a'], datum.colour) >= 0",
                                "value": "#1f2a36",
                            },
                            "value": "white",
                        },
                    },
                },
            ],
        }
    )
    return spec
