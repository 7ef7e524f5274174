"""Press-ready text: the answer as plain text and a source line to paste into a press release."""

from __future__ import annotations

import re
from typing import Any

PUBLICATION = "NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO)"
FIGURE_LABEL = re.compile(r"^(Tabell|Figur|Fotnote)\s+\d+")


def plain_text(markdown: str) -> str:
    """The answer as plain text for pasting into a press release."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", markdown)
    text = re.sub(r"^>\s?", "", text, flags=re.M)
    text = re.sub(r"\\(.)", r"\1", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _n_text(rows: list[dict[str, Any]]) -> str | None:
    values = [str(r.get("n") or "").strip() for r in rows]
    values = list(dict.fromkeys(v for v in values if v))
    if not values:
        return None
    if len(values) == 1:
        return f"n = {values[0]}"
    numbers = [int(x) for v in values for x in re.findall(r"\d+", v)]
    return f"n = {min(numbers)}–{max(numbers)}"


def source_line(answer: dict[str, Any]) -> str:
    """'Kilde: NHOs Arbeidsmiljøbarometer 2021 (…), Tabell 3, n = 336', from the answer's sources and rows."""
    rows = answer.get("data") or []
    # Sources that only name a table a quoted passage mentions are not what the answer rests on.
    sources = [s for s in answer.get("sources") or [] if s.get("quote")] or answer.get("sources") or []
    labels = [s["label"] for s in sources if FIGURE_LABEL.match(s.get("label") or "")]
    labels += [str(r.get("source")) for r in rows if FIGURE_LABEL.match(str(r.get("source") or ""))]
    labels = list(dict.fromkeys(labels))
    if not labels and sources:
        first = sources[0]["label"]
        labels = [first if first.startswith("Vedlegg") else f"avsnitt {first}"]
    pages = sorted({s["page"] for s in sources if s.get("page")})
    parts = [PUBLICATION, *labels]
    if pages:
        parts.append("s. " + ", ".join(str(p) for p in pages))
    n = _n_text(rows)
    if n:
        parts.append(n)
    return "Kilde: " + ", ".join(parts)


def press_text(answer: dict[str, Any]) -> str:
    r"""Plain answer text followed by its source line.

    >>> press_text({"answer": "**Tabell 3**: 39 %", "sources": [{"label": "Tabell 3", "quote": "x"}], "data": [{"n": "257"}]})
    'Tabell 3: 39 %\n\nKilde: NHOs Arbeidsmiljøbarometer 2021 (Agenda Kaupang/Kantar for NHO), Tabell 3, n = 257'
    """
    return plain_text(answer.get("answer") or "") + "\n\n" + source_line(answer)
