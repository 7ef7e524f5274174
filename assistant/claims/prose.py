"""Figures the report's own sentences state ("1 av 4 bedrifter …", "(flere enn 200 ansatte, 51 %)"), each
with the group and wave it is about and the interval its wording allows."""

from __future__ import annotations

import re
from typing import Any

from ..normalize import normalize
from .parse import amounts_in, groups_in, waves_in


def _pieces(sentence: str) -> list[tuple[int, int]]:
    """Spans of a sentence cut at commas, semicolons and og/mens/men, never inside parentheses."""
    spans, start, depth = [], 0, 0
    i = 0
    while i < len(sentence):
        ch = sentence[i]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0:
            m = re.match(r",\s*|;\s*|\s+(?:og|mens|men)\s+", sentence[i:])
            if m:
                spans.append((start, i))
                start = i + m.end()
                i = start
                continue
        i += 1
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if b > a]


def prose_figures(
    sentence: str, section: str = "", label: str = "", wave: str | None = None
) -> list[dict[str, Any]]:
    """Figures a sentence of the report states ("1 av 4 bedrifter …", "(flere enn 200 ansatte, 51 %)"),
    as figure dicts with the group and wave they are about and the interval the wording allows.

    >>> s = "1 av 4 bedrifter har vært i kontakt med Arbeidstilsynet, og lavest andel blant små bedrifter (1-9 ansatte, 15 %)"
    >>> [(f["text"], f["group_label"], f["low"], f["high"]) for f in prose_figures(s)]
    [('1 av 4', 'Alle', 20.0, 30.0), ('15 %', '1–9', 14.5, 15.5)]
    >>> s = "Blant bedrifter med 2–9 og 10–49 ansatte svarer henholdsvis 1 av 10 og 2 av 10 det samme"
    >>> [(f["text"], f["group_label"]) for f in prose_figures(s)]
    [('1 av 10', '2–9'), ('2 av 10', '10–49')]
    """
    amounts = [a for a in amounts_in(sentence) if a.kind in ("pct", "ratio", "quant", "mean", "count")]
    if not amounts:
        return []
    pieces = _pieces(sentence)
    respectively = sentence.lower().find("henholdsvis")
    listed = groups_in(normalize(sentence[:respectively])) if respectively > 0 else []
    after = [a for a in amounts if a.start > respectively] if respectively > 0 else []
    out = []
    for a in amounts:
        group = None
        if listed and a in after and after.index(a) < len(listed):
            group = listed[after.index(a)]
        else:
            idx = next(i for i, (s, e) in enumerate(pieces) if s <= a.start < e or i == len(pieces) - 1)
            for j in range(idx, -1, -1):
                s, e = pieces[j]
                found = groups_in(normalize(sentence[s:e]))
                if found:
                    group = found[0]
                    break
                if j < idx and any(s <= b.start < e for b in amounts):
                    break  # an earlier figure's piece: its group is not this figure's
        s, e = next(((s, e) for s, e in pieces if s <= a.start < e), (0, len(sentence)))
        waves = next(
            (
                ws
                for ws in (
                    waves_in(normalize(t)) for t in (sentence[a.end : a.end + 25], sentence[s:e], sentence)
                )
                if ws
            ),
            [],
        )
        waves = waves if len(waves) == 1 else [w for w in [wave] if w]
        label_g = "Alle"
        if group is not None:
            dim, key, lo, hi = group
            label_g = (
                key
                if dim != "storrelse"
                else (f"{int(lo)}–{int(hi)}" if hi is not None else f"{int(lo)} eller flere")
            )
        unit = {"mean": "mean", "count": "count"}.get(a.kind, "pct")
        out.append(
            {
                "value": a.value, "unit": unit, "low": a.low, "high": a.high, "text": a.text,
                "option": None, "item": None, "group_dim": group[0] if group else "total", "group_label": label_g,
                "wave": waves[0] if waves else None, "source": label, "section": section, "section_label": label,
                "sentence": sentence, "context": sentence[s:e].strip(), "start": a.start,
            }
        )  # fmt: skip
    return out
