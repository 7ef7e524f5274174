"""Names the report never uses: an agency («Mattilsynet», «Petroleumstilsynet») or a numbered thing it numbers
otherwise («dialogmøte 3» when only NAVs dialogmøte 2 was asked about, «figur 40» of 32 figures). A question
about one of them is outside the survey; answering it with the nearest thing the report has (Arbeidstilsynet,
dialogmøte 2) would give a figure for something else.

>>> unknown_reference("hvor mange bedrifter har hatt kontakt med petroleumstilsynet?") is not None
True
>>> unknown_reference("hvor mange bedrifter har hatt kontakt med arbeidstilsynet?") is None
True
>>> "dialogmøte 2" in (unknown_reference("hvor mange har vært i dialogmøte 3?") or "")
True
>>> unknown_reference("hva viser figur 21?") is None
True
>>> unknown_reference("hvor mange vurderte nytten av koronatilsynet?") is None
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import knowledge

# an agency, directorate or institute by its definite compound name
AGENCY = re.compile(r"\b([a-zæøå]{3,}(tilsynet|direktoratet|etaten|departementet|instituttet))\b")
# a thing the report numbers: the number the user gave must be one of the report's
NUMBERED = re.compile(r"\b(dialogmøte|dialogmøtet|tabell|tabellen|figur|figuren|vedlegg|vedlegget)\s+(\d+)\b")
ACTORS = "Arbeidstilsynet, NAV Arbeidslivssenter og bedriftshelsetjenesten"


@lru_cache(maxsize=1)
def _report() -> str:
    return knowledge.report_text().lower()


@lru_cache(maxsize=1)
def _numbers() -> dict[str, set[str]]:
    """The numbers the report gives each numbered thing ("figur" → {"1", …, "32"})."""
    found: dict[str, set[str]] = {}
    for m in re.finditer(r"\b(dialogmøte|tabell|figur|vedlegg)\s+(\d+)\b", _report()):
        found.setdefault(m.group(1), set()).add(m.group(2))
    return found


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """The words the lexicon reads as survey terms («korona», «koronatilsyn»)."""
    lex = knowledge.lexicon()
    return frozenset(str(k).lower() for key in ("synonyms", "nynorsk") for k in (lex.get(key) or {}))


def _a_kind_of(word: str, suffix: str) -> bool:
    """«koronatilsynet» is a kind of inspection the survey asked about, not an agency of its own."""
    return bool({word, word.removesuffix("et"), word[: -len(suffix)]} & _lexicon_words())


def _stem(word: str) -> str:
    return re.sub(r"(et|en)$", "", word) if word not in ("dialogmøte",) else word


def unknown_reference(text: str) -> str | None:
    """Why the survey cannot answer a question about a name the report never uses, or None."""
    if not _report():
        return None  # no report text to check against
    for m in AGENCY.finditer(text):
        if m.group(1) not in _report() and not _a_kind_of(m.group(1), m.group(2)):
            name = m.group(1)[:1].upper() + m.group(1)[1:]
            return (
                f"Undersøkelsen spurte ikke om {name}, og rapporten nevner det ikke. Den har tall for "
                f"bedriftenes kontakt med {ACTORS}."
            )
    for m in NUMBERED.finditer(text):
        thing = "dialogmøte" if m.group(1).startswith("dialogmøte") else _stem(m.group(1))
        have = _numbers().get(thing) or set()
        if have and m.group(2) not in have:
            shown = sorted(have, key=int)
            if thing == "dialogmøte":
                return (
                    f"Undersøkelsen spurte bare om NAVs dialogmøte {', '.join(shown)}, ikke om dialogmøte "
                    f"{m.group(2)}."
                )
            span = f"{shown[0]}–{shown[-1]}" if len(shown) > 2 else " og ".join(shown)
            return f"Rapporten har ingen {thing} {m.group(2)}: den har {thing} {span}."
    return None
