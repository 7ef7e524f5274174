"""Which data rows an answer's lead states: the figures a press text opens with. The lead is the answer's
first paragraph (or, when the answer opens with a table heading and a list, the first figure of each
list line); a figure is matched to the row with that value whose option, item or group the lead names."""

from __future__ import annotations

import re
from typing import Any

from .compose.numbers import count, mean, pct

# Numbers in a lead that are labels, years, bases or ranges, not figures
_NOT_FIGURES = re.compile(
    r"(Tabell|Figur|Fotnote|Vedlegg)\s+\d+|\b(19|20)\d\d\b|\bN\s*=\s*[\d\s–-]+|\d+\s*[–-]\s*\d+", re.I
)
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
DONT_KNOW = re.compile(r"vet ikke|ikke relevant|ikke aktuelt", re.I)


def fmt_as_printed(value: float, unit: str | None) -> str:
    """The number as the answer prints it: 39.0 → "39", 3.9 → "3,9", 16861 → "16 861"."""
    if unit == "mean":
        return mean(value)
    if unit == "count":
        return count(value)
    return pct(value)[:-2]


def option_core(label: str) -> str:
    """«… mindre støtte og informasjon» → "mindre støtte og informasjon"; sums lose their «(sum)»."""
    return re.sub(r"\s*\(sum\)|…", "", label or "").strip().lower()


def _segments(markdown: str) -> tuple[list[str], bool]:
    """Where the answer states its figures: the lead paragraph, or (when the answer opens with a table
    heading and a list) each list line, whose first figure is the asked one."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", markdown or "") if p.strip()]
    if not paragraphs:
        return [], False
    first = paragraphs[0]
    lines = first.splitlines()
    if re.match(r"^(\*\*)?(Tabell|Figur|Fotnote)\s+\d+|^- ", lines[0]):
        bullets = [ln for ln in lines if ln.startswith("- ")]
        return bullets, True
    return [first], False


def headline_rows(answer: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose figures the answer's lead states, in the lead's order. Numbers a claim check quotes
    from the question count only where the lead names their option too (a claimed 30 % is not the
    30 % «Ikke relevant»)."""
    claimed = set(_NUMBER.findall(_NOT_FIGURES.sub(" ", answer.get("question") or "")))
    segments, first_only = _segments(answer.get("answer") or "")
    picked: list[dict[str, Any]] = []
    for segment in segments:
        plain = _NOT_FIGURES.sub(" ", segment.replace("**", ""))
        low = plain.lower()
        for m in _NUMBER.finditer(plain):
            token = m.group(0).replace("\u00a0", " ")
            after = plain[m.end() : m.end() + 9]
            best, best_score = None, -1
            for r in rows:
                if fmt_as_printed(float(r["value"]), r.get("unit")) != token or r in picked:
                    continue
                if r.get("unit") == "pct" and not re.match(r"\s*(%|prosent)", after):
                    continue
                named = bool(option_core(r.get("option", ""))) and option_core(r.get("option", "")) in low
                if token in claimed and not named:
                    continue
                score = 2 * named + (bool(r.get("item")) and r["item"].lower() in low)
                group = r.get("group_label") or r.get("group") or ""
                score += group not in ("", "Alle", "Sum") and group in plain
                if score > best_score:
                    best, best_score = r, score
            if best is not None:
                picked.append(best)
                if first_only:
                    break
    if picked:
        return picked[:5]
    plain_rows = [
        r
        for r in rows
        if "(sum)" not in (r.get("option") or "") and not DONT_KNOW.search(r.get("option") or "")
    ]
    if len(rows) == 1 or not plain_rows:
        return rows[:1]
    return [max(plain_rows, key=lambda r: r["value"])]
