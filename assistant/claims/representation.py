"""Claims that a group is over- or underrepresented among the respondents, judged on the method tables'
difference between the share of answers and the share of invited companies (Tabell 9–11)."""

from __future__ import annotations

import re
from typing import Any

from .. import knowledge
from .parse import ParsedClaim
from .readings import band_of, fmt_value, group_phrase
from .verdict import Verdict

_WORD = re.compile(r"\b(over|under)\s*-?\s*representer(?:t|te|es|ast)\b", re.IGNORECASE)
# "utgjør en mindre andel av dem som svarte enn av dem som ble invitert": the same said in words
_PHRASED = re.compile(
    r"\b(større|høyere|mindre|lavere) (?:andel|del) (?:av (?:dem|de|dei|bedriftene|verksemdene) som "
    r"(?:svarte|svarde|deltok|har svart)|av svarene)\b[^.?]*?\benn\b[^.?]*?\b(?:invitert\w*|bruttoutvalget)",
    re.IGNORECASE,
)
_DIFFERENCE = "Differanse (prosentpoeng)"
_SMALL = 0.5  # percentage points: a difference this small is no over- or underrepresentation to speak of


def _num(value: float) -> str:
    return fmt_value(value, "pct").replace(" %", "")


def _band(label: Any) -> tuple[float, float | None] | None:
    text = str(label or "").strip()
    return (float(text), float(text)) if text.isdigit() else band_of(text)


def _within(band: tuple[float, float | None] | None, lo: float, hi: float | None) -> bool:
    if band is None:
        return False
    return band[0] >= lo and (hi is None or (band[1] is not None and band[1] <= hi))


_TURN = {"større": "mindre", "høyere": "lavere", "mindre": "større", "lavere": "høyere"}


def _turned(phrase: str, word: str) -> str:
    """ "mindre andel av dem som svarte enn …" → "større andel …": the comparison the other way round."""
    swap = _TURN[word.lower()]
    return phrase.replace(word, swap if word.islower() else swap.capitalize(), 1)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def judge_representation(p: ParsedClaim, figures: list[dict[str, Any]]) -> Verdict | None:
    """The verdict on "X er overrepresentert", or None when the claim is not about representation.

    >>> from assistant.claims.parse import parse
    >>> rows = [{"question_id": "UTVALG", "group_label": "Norsk Industri", "option": o, "value": v,
    ...          "unit": "pct", "source": "Tabell 10", "wave": "2021-11"}
    ...         for o, v in [("Nettoutvalg (prosent)", 14.65), ("Bruttoutvalg (prosent)", 10.41),
    ...                      ("Differanse (prosentpoeng)", 4.24)]]
    >>> judge_representation(parse("Norsk Industri er overrepresentert blant dem som svarte"), rows).verdict
    'supported'
    >>> judge_representation(parse("Norsk Industri er underrepresentert i utvalget"), rows).verdict
    'contradicted'
    """
    said = _WORD.search(p.text) or _PHRASED.search(p.text)
    if said is None:
        return None
    keys = {g[1].lower() for g in p.groups}
    rows = [f for f in figures if f.get("option") == _DIFFERENCE and f.get("value") is not None]
    named = [f for f in rows if str(f.get("group_label", "")).lower() in keys]
    sizes = [g for g in p.groups if g[0] == "storrelse"]
    if not named and sizes:  # "små bedrifter" (1–9) is the table's rows 1 and 2–9 together
        lo, hi = sizes[0][2], sizes[0][3]
        named = [f for f in rows if _within(_band(f.get("group_label")), lo, hi)]
    rows = named or (rows if len({f.get("group_label") for f in rows}) == 1 else [])
    if not rows:
        return None
    row, labels = rows[0], {f.get("group_label") for f in rows}
    diff = sum(float(f["value"]) for f in rows)
    group = str(row.get("group_label", ""))
    if row.get("group_dim") == "storrelse" or sizes:
        low = min(_band(lab)[0] for lab in labels)  # type: ignore[index]
        highs = [_band(lab)[1] for lab in labels]  # type: ignore[index]
        top = None if None in highs else max(h for h in highs if h is not None)
        band = f"{low:g}" if top == low else f"{low:g}-{top:g}" if top is not None else f"{low:g} eller flere"
        group = _capital(group_phrase(band))

    def label(f: dict[str, Any]) -> Any:
        return f.get("group_label", f.get("group"))  # a published row names its group «group»

    def share(option: str) -> str | None:
        hits = [f for f in figures if label(f) in labels and f.get("option") == option]
        if len({label(f) for f in hits}) != len(labels):
            # the claim's figures hold the difference only: the shares are read from the same table
            hits = [
                f
                for f in knowledge.published()
                if f.get("source") == row.get("source") and label(f) in labels
                and f.get("option") == option and f.get("value") not in (None, "")
            ]  # fmt: skip
        if len({label(f) for f in hits}) != len(labels):
            return None
        total = sum(float(f["value"]) for f in {label(f): f for f in hits}.values())
        return f"{_num(total)} %"

    claimed = "over" if said.group(1).lower() in ("over", "større", "høyere") else "under"
    actual = "over" if diff > 0 else "under"
    answered, invited = share("Nettoutvalg (prosent)"), share("Bruttoutvalg (prosent)")
    gap = f"{'+' if diff > 0 else '−'}{_num(abs(diff))} prosentpoeng ({row.get('source', '')}, november 2021)."
    basis = (
        f"{group} utgjør {answered} av svarene mot {invited} av de inviterte bedriftene, en forskjell på {gap}"
        if answered and invited
        else f"{group}: forskjellen mellom andelen av svarene og andelen av de inviterte bedriftene er {gap}"
    )
    if abs(diff) < _SMALL:
        return Verdict(
            "partly",
            f"Delvis. Forskjellen er svært liten: {basis} Rapporten skriver at det «generelt er små forskjeller "
            "mellom bruttoutvalget og nettoutvalget» (7.2).",
            figure=row,
        )
    if claimed == actual:
        return Verdict("supported", f"Ja. Det stemmer med rapporten: {basis}", figure=row)
    return Verdict(
        "contradicted",
        f"Nei. {group} er {actual}representert, ikke {claimed}representert: {basis}",
        corrected=_WORD.sub(f"{actual}representert", p.text, count=1)
        if said.re is _WORD
        else _PHRASED.sub(lambda m: _turned(m.group(0), m.group(1)), p.text, count=1),
        figure=row,
    )
