"""Vega-Lite specs (rendered with Altair in the app, exported with vl-convert): a distribution as a
horizontal stacked bar whose colours carry meaning, breakdowns as one bar per group, rankings as sorted
bars. The question is the title, the table, wave and base the subtitle; exported images carry the source
line. Percentage labels on the bars.

Colours: a diverging scale centred on the neutral option («Verken/eller», «Ingen endring», «Nøytral»,
«I noen grad») — negative options in warm colours, positive in cool ones, the stronger the darker —
and «Vet ikke» / «Ikke relevant» in grey, last and set apart by a gap. Where an option sits on its
scale is read from `polarity` in knowledge/press.yaml.
"""

from __future__ import annotations

import copy
import re
import textwrap
from functools import lru_cache
from typing import Any

from . import knowledge

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
NEGATIVE = {"strong": "#b2182b", "weak": "#e58368", "only": "#d6604d"}
POSITIVE = {"strong": "#1f5f99", "weak": "#6aaed6", "only": "#4393c3"}
NEUTRAL = "#efe2bb"  # a pale sand: the centre of the scale, clearly not the grey of «vet ikke»
MISSING = ["#9e9e9e", "#c4c4c4"]
CATEGORICAL = ["#2b5d8a", "#6fa3c7", "#b7a57a", "#5c7f67", "#9e3d22", "#d36b3c", "#8c6bb1", "#3f8f8a"]
SINGLE = "#2b5d8a"
DARK_INK, LIGHT_INK = "#1f2a36", "#ffffff"
LIGHT = {NEUTRAL, NEGATIVE["weak"], POSITIVE["weak"], *MISSING, CATEGORICAL[1], CATEGORICAL[2]}
GAP = 2.0  # percentage points of white space before the «vet ikke» block
LABEL_MIN = 6  # segments narrower than this get no printed label (the tooltip still has it)
NUMBER_LOCALE = {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0kr"]}
EXPORT_WIDTH = 640
FIGURE_LABEL = re.compile(r"^(Tabell|Figur|Fotnote)\s+\d+")


@lru_cache(maxsize=1)
def _polarity_patterns() -> dict[str, list[re.Pattern[str]]]:
    from .press import wording

    return {k: [re.compile(p) for p in v] for k, v in (wording().get("polarity") or {}).items()}


def polarity(option: str) -> str:
    """'negative' | 'neutral' | 'positive' | 'missing' | 'other' for an answer option.

    >>> [polarity(o) for o in ["Svært lite nyttig", "Verken/eller", "Positiv endring", "Vet ikke", "Hybrid"]]
    ['negative', 'neutral', 'positive', 'missing', 'other']
    """
    label = re.sub(r"^…\s*", "", option or "").strip().lower()
    patterns = _polarity_patterns()
    for kind in ("missing", "neutral", "negative", "positive"):
        if any(p.search(label) for p in patterns.get(kind, [])):
            return kind
    return "other"


def _strong(option: str) -> bool:
    label = (option or "").strip().lower()
    return any(p.search(label) for p in _polarity_patterns().get("strong", []))


def option_colours(options: list[str]) -> tuple[list[str], list[str]]:
    """The options in display order (negative → neutral → positive → others → missing) and their colours.

    >>> option_colours(["Negativ endring", "Ingen endring", "Positiv endring", "Ikke relevant", "Vet ikke"])[1]
    ['#d6604d', '#efe2bb', '#4393c3', '#9e9e9e', '#c4c4c4']
    """
    kinds = {o: polarity(o) for o in options}
    scale = any(k in ("negative", "positive") for k in kinds.values())
    if not scale:  # no scale to centre (e.g. where the employees work): plain categories, «vet ikke» grey
        kinds = {o: "missing" if k == "missing" else "other" for o, k in kinds.items()}
    colours: dict[str, str] = {}
    for side, palette in (("negative", NEGATIVE), ("positive", POSITIVE)):
        members = [o for o in options if kinds[o] == side]
        for o in members:
            if len(members) == 1:
                colours[o] = palette["only"]
            else:
                colours[o] = palette["strong" if _strong(o) else "weak"]
    for o in options:
        if kinds[o] == "neutral":
            colours[o] = NEUTRAL
    others = [o for o in options if kinds[o] == "other"]
    for k, o in enumerate(others):
        colours[o] = CATEGORICAL[k % len(CATEGORICAL)]
    missing = [o for o in options if kinds[o] == "missing"]
    for k, o in enumerate(missing):
        colours[o] = MISSING[min(k, len(MISSING) - 1)]
    if scale:
        rank = {"negative": 0, "neutral": 1, "positive": 2, "other": 3, "missing": 4}

        def key(o: str) -> tuple[int, int]:
            inner = options.index(o)
            if kinds[o] == "negative":  # strong negative at the far left
                inner = 0 if _strong(o) else 1
            elif kinds[o] == "positive":
                inner = 1 if _strong(o) else 0
            return rank[kinds[o]], inner

        ordered = sorted(options, key=key)
    else:
        ordered = [o for o in options if kinds[o] != "missing"] + missing
    return ordered, [colours[o] for o in ordered]


# ---------------------------------------------------------------- titles


def _question_title(rows: list[dict[str, Any]]) -> str:
    """The question as asked (its first question sentence), else the codebook's title."""
    info = knowledge.question(rows[0].get("question_id") or "") or {}
    text = info.get("text") or rows[0].get("question_text") or ""
    asked = re.match(r"^(.*?\?)(\s|$)", text)
    if asked and len(asked.group(1)) <= 160:
        return asked.group(1)
    if info.get("title"):
        return info["title"]
    src = rows[0].get("source") or ""
    return f"Avsnitt {src}" if src[:1].isdigit() else src


def _subtitle(rows: list[dict[str, Any]]) -> str:
    """'Tabell 3 · November 2021 · n = 257'."""
    from .press import _n_text

    parts = []
    src = str(rows[0].get("source") or "")
    parts.append(src if FIGURE_LABEL.match(src) else f"Avsnitt {src}" if src else "")
    wave = {w["id"]: w for w in knowledge.codebook()["waves"]}.get(rows[0].get("wave") or "")
    if wave:
        parts.append(wave["label"])
    n = _n_text(rows)
    if n:
        parts.append(n)
    return " · ".join(p for p in parts if p)


def _base(rows: list[dict[str, Any]]) -> dict[str, Any]:
    lines = textwrap.wrap(_question_title(rows), 56)  # short enough for a phone
    if len(lines) > 3:
        lines = lines[:3]
        lines[-1] = lines[-1].rstrip(" ,.") + " …"
    return {
        "$schema": SCHEMA,
        "title": {"text": lines, "subtitle": _subtitle(rows), "anchor": "start", "fontSize": 14,
                  "subtitleFontSize": 12, "subtitleColor": "#555555", "offset": 10},
        "width": "container",
        "config": {
            "font": "Source Sans Pro, sans-serif",
            "axis": {"labelLimit": 260},
            "legend": {"orient": "bottom", "labelLimit": 320},  # columns: the app and the export decide
            "view": {"stroke": None},
        },
    }  # fmt: skip


def _series_label(r: dict[str, Any]) -> str:
    parts = [p for p in (r.get("item"), r.get("group_label")) if p and p != "Alle"]
    return " – ".join(parts) or "Alle bedrifter"


def _label(value: float, unit: str | None) -> str:
    text = f"{value:g}".replace(".", ",")
    return f"{text} %" if unit == "pct" else text


def _single_bars(
    rows: list[dict[str, Any]], values: list[dict[str, Any]], sort: Any, x_title: str
) -> dict[str, Any]:
    """One bar per row with its value printed beside it (rankings, means, one option per group)."""
    options = list(dict.fromkeys(r.get("option") or "" for r in rows))
    kind = polarity(options[0]) if len(options) == 1 else "other"
    colour = {"negative": NEGATIVE["only"], "positive": POSITIVE["only"], "missing": MISSING[0]}.get(
        kind, SINGLE
    )
    spec = _base(rows)
    spec.update(
        {
            "data": {"values": values},
            "height": {"step": 26},
            "layer": [
                {"mark": {"type": "bar", "color": colour}},
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
        return _single_bars(rows, values, "-x", "Andel (%)" if unit == "pct" else "Gjennomsnitt")
    table_order = list(dict.fromkeys(r["option"] for r in rows))
    series = list(dict.fromkeys(_series_label(r) for r in rows))
    if unit == "mean" or len(table_order) == 1:
        single = [
            {"y": _series_label(r), "value": r["value"], "label": _label(r["value"], unit)} for r in rows
        ]
        return _single_bars(rows, single, series, table_order[0] if len(table_order) == 1 else "Verdi")
    options, colours = option_colours(table_order)
    return _stacked(rows, series, options, colours, unit)


def _stacked(rows: list[dict[str, Any]], series: list[str], options: list[str], colours: list[str],
             unit: str | None) -> dict[str, Any]:  # fmt: skip
    """Segments laid out here (x, x2) so the «vet ikke» block can stand apart after a gap."""
    colour = dict(zip(options, colours, strict=True))
    values = []
    for s in series:
        start = 0.0
        gapped = False
        members = sorted((r for r in rows if _series_label(r) == s), key=lambda r: options.index(r["option"]))
        for r in members:
            if polarity(r["option"]) == "missing" and not gapped and start > 0:
                start += GAP
                gapped = True
            end = start + float(r["value"])
            values.append({
                "serie": s, "option": r["option"], "value": r["value"], "order": options.index(r["option"]),
                "x": start, "x2": end, "mid": (start + end) / 2, "colour": colour[r["option"]],
                "ink": DARK_INK if colour[r["option"]] in LIGHT else LIGHT_INK,
                "label": _label(r["value"], unit) if r["value"] >= LABEL_MIN else "",
                "verdi": _label(r["value"], unit),
            })  # fmt: skip
            start = end
    spec = _base(rows)
    widest = max(v["x2"] for v in values)
    spec.update(
        {
            "data": {"values": values},
            "height": {"step": 34},
            "encoding": {
                "y": {"field": "serie", "type": "nominal", "sort": series, "title": None},
                "tooltip": [{"field": "serie", "title": "Gruppe"}, {"field": "option", "title": "Svar"},
                            {"field": "verdi", "title": "Andel"}],
            },
            # the labels' ink is its own (identity) colour scale, not part of the options' legend
            "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
            "layer": [
                {
                    "mark": {"type": "bar", "stroke": "white", "strokeWidth": 1},
                    "encoding": {
                        "x": {"field": "x", "type": "quantitative", "axis": None,
                              "scale": {"domain": [0, max(100.0, widest)], "nice": False}},
                        "x2": {"field": "x2"},
                        "color": {"field": "option", "type": "nominal", "sort": options, "title": None,
                                  "scale": {"domain": options, "range": colours}},
                        "order": {"field": "order", "type": "quantitative"},
                    },
                },
                {
                    "mark": {"type": "text", "align": "center", "baseline": "middle", "fontWeight": "bold"},
                    "encoding": {
                        "x": {"field": "mid", "type": "quantitative"},
                        "text": {"field": "label"},
                        "color": {"field": "ink", "type": "nominal", "scale": None, "legend": None},
                    },
                },
            ],
        }
    )  # fmt: skip
    return spec


# ---------------------------------------------------------------- export (PNG/SVG, Word)


def export_spec(spec: dict[str, Any], source: str | None = None, width: int = EXPORT_WIDTH) -> dict[str, Any]:
    """A spec for a file: fixed width, white background, Norwegian numbers, and the source line under
    the chart (a file has no page around it to say where the numbers come from)."""
    spec = copy.deepcopy(spec)
    config = spec.pop("config", {})
    config.setdefault("locale", {"number": NUMBER_LOCALE})
    config.setdefault("axisY", {})["labelLimit"] = (config.get("axis") or {}).get("labelLimit", 260)
    config.setdefault("legend", {})["columns"] = 3
    if not isinstance(config["legend"].get("labelLimit", 0), int | float):  # a screen's expression
        config["legend"]["labelLimit"] = 320
    if spec.get("width") == "container":
        spec["width"] = width
    spec.pop("$schema", None)
    if not source:
        return {"$schema": SCHEMA, **spec, "config": config, "background": "white", "padding": 12}
    footer = {
        "width": spec.get("width", width),
        "height": 16,
        "data": {"values": [{"kilde": source}]},
        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 11, "color": "#444444",
                 "limit": spec.get("width", width)},
        "encoding": {"text": {"field": "kilde"}, "x": {"value": 0}, "y": {"value": 0}},
    }  # fmt: skip
    return {"$schema": SCHEMA, "vconcat": [spec, footer], "spacing": 6, "config": config,
            "background": "white", "padding": 12}  # fmt: skip


def png(spec: dict[str, Any], source: str | None = None, scale: float = 2) -> bytes:
    import vl_convert as vlc

    return vlc.vegalite_to_png(export_spec(spec, source), scale=scale)


def svg(spec: dict[str, Any], source: str | None = None) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(export_spec(spec, source))
