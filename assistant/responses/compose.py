"""Norwegian text for a computed breakdown: the answer first, then the table, hidden cells as «–»."""

from __future__ import annotations

from typing import Any

from ..compose.numbers import count as fmt_count
from ..compose.numbers import fmt
from ..knowledge import WAVE_TEXT
from .compare import Pair

HIDDEN = "–"
SMALL_N = 30


def footnote(min_cell: int) -> str:
    return (
        f"{HIDDEN} = skjult for å beskytte bedriftene som svarte: grupper og svar med færre enn {min_cell} "
        "bedrifter vises ikke, og heller ikke tall som ville gjøre det mulig å regne dem ut."
    )


def group_phrase(label: str, dims: str) -> str:
    """'Norsk Industri, 50-199' over 'landsforening+storrelse' → 'bedrifter i Norsk Industri med 50-199 ansatte'.

    >>> group_phrase("Norsk Industri, 50-199", "landsforening+storrelse")
    'bedrifter i Norsk Industri med 50-199 ansatte'
    >>> group_phrase("Alle", "total")
    'alle bedriftene'
    """
    if dims == "total" or label == "Alle":
        return "alle bedriftene"
    parts = dict(zip(dims.split("+"), label.split(", "), strict=False))
    words = ["bedrifter"]
    for dim in ("landsforening", "fylke"):
        if dim in parts:
            words.append(f"i {parts[dim]}")
    if "storrelse" in parts:
        size = parts["storrelse"]
        words.append("med 1 ansatt" if size == "1" else f"med {size} ansatte")
    return " ".join(words)


def _value(r: dict[str, Any]) -> str:
    if r["value"] is None:
        return HIDDEN
    if r["unit"] == "mean":  # two decimals: computed means are close to each other
        return f"{r['value']:.2f}".replace(".", ",")
    return fmt(r["value"], r["unit"])


def _series(rows: list[dict[str, Any]]) -> list[tuple[tuple[str, str], list[dict[str, Any]]]]:
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault((r["item"], r["group_label"]), []).append(r)
    return list(out.items())


def lead_sentence(rows: list[dict[str, Any]], lead: list[str], how_many: bool, scale_max: int = 0) -> str:
    """One sentence for one group and one item: the option asked about (or the commonest), numbers first."""
    first = rows[0]
    who = group_phrase(first["group_label"], first["group_dim"])
    about = f" om «{first['item']}»" if first["item"] else ""
    if first["n"] is None:
        return (
            f"Tallet for {who} kan ikke vises: færre enn 5 av dem svarte{about}, og så små grupper skjules for å "
            "beskytte bedriftene som svarte."
        )
    n = fmt_count(int(first["n"]))
    if first["unit"] == "mean":
        scale = f" på en skala fra 1 til {scale_max}" if scale_max else ""
        return f"Blant {who} er gjennomsnittet **{_value(first)}**{scale}{about} (n = {n})."
    picked = [r for r in rows if r["option"] in lead] or [
        max((r for r in rows if r["value"] is not None), key=lambda r: r["value"], default=rows[0])
    ]
    if any(r["value"] is None for r in picked):
        hidden = ", ".join(f"«{r['option']}»" for r in picked if r["value"] is None)
        return (
            f"Blant {who} (n = {n}) kan tallet for {hidden}{about} ikke vises: det er skjult for å beskytte "
            "bedriftene som svarte (for få svar, eller det ville gjort det mulig å regne ut et lite tall)."
        )
    counts = " og ".join(fmt_count(r["count"]) for r in picked if r.get("count") is not None)
    tail = f"{counts} av {n}" if counts else f"n = {n}"
    if not (lead and picked[0]["option"] in lead):
        top = picked[0]
        return f"Det vanligste svaret blant {who}{about} var «{top['option']}» (**{_value(top)}**, {tail})."
    if how_many and all(r.get("count") is not None for r in picked):
        said = " og ".join(f"**{fmt_count(r['count'])}** ({_value(r)}) «{r['option']}»" for r in picked)
        return f"Av {n} {who} som svarte{about}, svarte {said}."
    said = " og ".join(f"**{_value(r)}** «{r['option']}»" for r in picked)
    if len(picked) > 1 and first["unit"] == "pct":
        said += f" (til sammen {fmt(round(sum(r['value'] for r in picked), 1), 'pct')})"
    return f"Blant {who} svarte {said}{about} ({tail})."


def _key(srows: list[dict[str, Any]], lead: list[str]) -> float | None:
    """The value a series is ranked by: the mean, or the sum of the options asked about (None if hidden)."""
    if srows[0]["unit"] == "mean":
        return srows[0]["value"]
    picked = [r for r in srows if r["option"] in lead] or srows[:1]
    if any(r["value"] is None for r in picked):
        return None
    return round(sum(r["value"] for r in picked), 1)


def _name(key: tuple[str, str], varying: int) -> str:
    return key[varying] or key[1 - varying] or "Alle"


def range_sentence(series, lead: list[str]) -> str | None:
    """For several series: where the option(s) asked about (or the mean) are highest and lowest."""
    shown = [(k, _key(s, lead)) for k, s in series if _key(s, lead) is not None]
    if len(shown) < 2:
        return None
    varying = 1 if len({k[1] for k, _ in series}) > 1 else 0  # groups differ, else items
    hi = max(shown, key=lambda x: x[1])
    lo = min(shown, key=lambda x: x[1])
    first = series[0][1]
    unit = first[0]["unit"]
    what = (
        "gjennomsnitt"
        if unit == "mean"
        else "andel "
        + " + ".join(f"«{r['option']}»" for r in ([r for r in first if r["option"] in lead] or first[:1]))
    )
    return (
        f"Høyest {what}: **{_name(hi[0], varying)}** ({_value({'value': hi[1], 'unit': unit})}); lavest: "
        f"**{_name(lo[0], varying)}** ({_value({'value': lo[1], 'unit': unit})})."
    )


def compose(
    rows: list[dict[str, Any]],
    question: dict[str, Any],
    lead: list[str],
    how_many: bool,
    pairs: list[Pair],
    published_label: str | None,
    min_cell: int,
    rank: bool = False,
    unpublished: bool = True,
) -> tuple[list[str], list[str]]:
    """Markdown lines and caveats."""
    lines: list[str] = []
    caveats: list[str] = []
    series = _series(rows)
    if rank:
        series.sort(key=lambda s: (_key(s[1], lead) is None, -(_key(s[1], lead) or 0)))
    if len(series) == 1:
        lines += [lead_sentence(series[0][1], lead, how_many, len(question.get("scale") or [])), ""]
    else:
        sentence = range_sentence(series, lead)
        if sentence:
            lines += [sentence, ""]
    wave = WAVE_TEXT.get(question["wave"], question["wave"])
    lines.append(f"**Beregnet fra respondentdata** ({wave}) – spørsmål: «{question['text']}»")
    for (item, group), srows in series:
        title = ", ".join(x for x in (f"«{item}»" if item else "", group if group != "Alle" else "") if x)
        n = srows[0]["n"]
        if n is None:
            text = f"{HIDDEN} (skjult)"
        elif srows[0]["unit"] == "mean":
            text = f"gjennomsnitt {_value(srows[0])} (n = {fmt_count(int(n))})"
        else:
            dist = ", ".join(f"{r['option']} {_value(r)}" for r in srows)
            text = f"{dist} (n = {fmt_count(int(n))})"
        lines.append(f"- {title + ': ' if title else ''}{text}.")
        if n is not None and int(n) < SMALL_N:
            caveats.append(f"Lite grunnlag for {group} (n = {n}): tallene bør tolkes med varsomhet.")
    if any(r["suppressed"] for r in rows):
        lines.append(f"\n{footnote(min_cell)}")
    if pairs:
        lines.append("")
        lines += compare_lines(pairs, published_label or "rapporten")
    elif unpublished:
        caveats.append(
            "Rapporten publiserer ikke denne fordelingen; tallene er beregnet fra respondentdataene."
        )
    return lines, caveats


def compare_lines(pairs: list[Pair], label: str) -> list[str]:
    shown = [p for p in pairs if p.computed is not None]
    off = [p for p in shown if not p.agrees]
    if not shown:
        return [
            f"Sammenligning med {label}: de tilsvarende beregnede tallene er skjult, så de kan ikke sammenlignes."
        ]
    if not off:
        return [
            f"**Stemmer med {label}:** alle {len(shown)} tall rapporten trykker her er de samme som de beregnede, "
            "innenfor avrunding."
        ]
    out = [
        f"**Avvik fra {label}:** {len(off)} av {len(shown)} tall stemmer ikke med de beregnede (utover avrunding):"
    ]
    for p in off[:12]:
        r = p.published
        where = ", ".join(x for x in (r.get("item"), r.get("group_label")) if x and x != "Alle")
        unit = r["unit"]
        out.append(
            f"- {where + ': ' if where else ''}«{r['option']}»: rapporten {fmt(float(r['value']), unit)}, "
            f"beregnet {_value({'value': round(p.computed, 1 if unit == 'pct' else 2), 'unit': unit})}."
        )
    return out
