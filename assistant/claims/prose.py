"""Figures the report's own sentences state ("1 av 4 bedrifter …", "(flere enn 200 ansatte, 51 %)"), each
with the group and wave it is about and the interval its wording allows."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .. import knowledge
from ..normalize import normalize
from .parse import amounts_in, groups_in, waves_in, without_groups


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
    listed = listed if len(listed) >= 2 else []  # "henholdsvis" pairs a list of groups with a list of figures
    after = [a for a in amounts if a.start > respectively] if respectively > 0 else []
    out = []
    for a in amounts:
        groups: list[Any] = []
        listed_start = None
        if listed and a in after and after.index(a) < len(listed):
            groups = [listed[after.index(a)]]
        else:
            idx = next(i for i, (s, e) in enumerate(pieces) if s <= a.start < e or i == len(pieces) - 1)
            for j in range(idx, -1, -1):
                s, e = pieces[j]
                earlier = [b for b in amounts if s <= b.start < e and b.start < a.start]
                if j < idx and earlier:  # an earlier figure's piece: only what follows its figure
                    s = max(b.end for b in earlier)
                found = groups_in(normalize(sentence[s:e]))
                if found and j == idx:
                    listed_start, more = _listed_before(sentence, pieces, amounts, j)
                    groups = found[:1] + more
                    break
                if groups and not found:
                    break
                # groups listed before a figure share it ("mellomstore (10-49 ansatte) og store … der 9 av 10");
                # a piece that says more than which groups ends the list
                groups = found + groups
                if j < idx and earlier or found and not _only_groups(sentence[s:e]):
                    break
        labels = set()
        for group in groups:
            if _group_label(group) not in labels:
                labels.add(_group_label(group))
                out.append(_figure(sentence, pieces, a, group, wave, section, label, listed_start))
        if not groups:
            out.append(_figure(sentence, pieces, a, None, wave, section, label))
    for f in out:  # "1713 bedrifter fullførte undersøkelsen": a sample count is of the wave it was counted in
        if f.get("wave") is None and f.get("unit") == "count":
            f["wave"] = _sample_wave(f.get("value"))
    return out


def _listed_before(
    sentence: str, pieces: list[tuple[int, int]], amounts: list[Any], j: int
) -> tuple[int | None, list[Any]]:
    """Groups listed in the pieces just before piece `j` when `j` opens with the list's last group
    ("Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir 3 av 4": the commas cut the list; all three share
    the figure). Pieces holding a figure, or saying more than groups, end the list. First: where the list starts.

    >>> s = "Blant bedrifter med 2-9, 10-49 og 50-100 ansatte oppgir om lag 3 av 4 at de er enige"
    >>> [f["group_label"] for f in prose_figures(s)]
    ['50–100', '2–9', '10–49']
    """
    if not re.match(r"\s*(og\s+|eller\s+)?\d", sentence[pieces[j][0] : pieces[j][1]]):
        return None, []
    out: list[Any] = []
    start = None
    for k in range(j - 1, -1, -1):
        s, e = pieces[k]
        if any(s <= b.start < e for b in amounts) or not _only_groups(sentence[s:e]):
            break
        found = groups_in(normalize(sentence[s:e]))
        bare = re.fullmatch(r"\s*(?:og\s+)?(\d+)\s*[-–]\s*(\d+)\s*", sentence[s:e])
        if bare and not found:  # "10-49" between two size groups of the list is a size group too
            found = [("storrelse", f"{bare[1]}-{bare[2]}", float(bare[1]), float(bare[2]))]
        if not found:
            break
        out, start = found + out, s
    return start, out


def _sample_wave(value: Any) -> str | None:
    """The wave whose sample count (invited, completed: `UTVALG` for all companies) a prose count is."""
    return None if value is None else _sample_counts().get(round(float(value)))


@lru_cache(maxsize=1)
def _sample_counts() -> dict[int, str]:
    return {
        round(float(r["value"])): str(r["wave"])
        for r in knowledge.published()
        if r.get("question_id") == "UTVALG" and r.get("group_dim") == "total" and r.get("unit") == "count"
    }


def _only_groups(piece: str) -> bool:
    """A piece of a sentence that only names groups ("store bedrifter med 50-199", "mellomstore (10-49)").

    >>> _only_groups("store bedrifter med 50-199"), _only_groups("mens lavest nytte oppgis av bedrifter i NHO Transport")
    (True, False)
    """
    rest = without_groups(normalize(piece))
    words = [w for w in re.findall(r"[a-zæøå]+", rest) if w not in _LIST_WORDS]
    return len(words) <= 1


_LIST_WORDS = {"og", "eller", "med", "i", "blant", "bedrifter", "bedriftene", "virksomheter", "ansatte", "årsverk",
               "sammenliknet", "sammenlignet", "de", "dei", "enn", "mot", "til", "fra", "flere", "der"}  # fmt: skip


def _group_label(group: Any) -> str:
    dim, key, lo, hi = group
    if dim != "storrelse":
        return key
    return f"{int(lo)}–{int(hi)}" if hi is not None else f"{int(lo)} eller flere"


def _figure(
    sentence: str,
    pieces: list[tuple[int, int]],
    a: Any,
    group: Any,
    wave: str | None,
    section: str,
    label: str,
    listed_start: int | None = None,
) -> dict[str, Any]:
    """One figure of a sentence as a figure dict, about one group (or all companies); `listed_start`: where the
    list of groups that shares it begins, when commas cut it into earlier pieces."""
    s, e = next(((s, e) for s, e in pieces if s <= a.start < e), (0, len(sentence)))
    s = s if listed_start is None else listed_start
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
    label_g = "Alle" if group is None else _group_label(group)
    unit = {"mean": "mean", "count": "count"}.get(a.kind, "pct")
    return (
        {
            "value": a.value, "unit": unit, "low": a.low, "high": a.high, "text": a.text,
            "option": None, "item": None, "group_dim": group[0] if group else "total", "group_label": label_g,
            "wave": waves[0] if waves else None, "source": label, "section": section, "section_label": label,
            "sentence": sentence, "context": sentence[s:e].strip(), "start": a.start,
        }
    )  # fmt: skip
