"""The answer options a side of a claim names without their labels: the favourable answer of a scale
("mer fornøyde"), or one of a pair of opposites named by its direction alone ("… gikk ned enn opp")."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from .readings import loose


def positive_options(available: set[str]) -> list[str]:
    """The favourable answer of the figures' scale (lexicon `claims.positive`, first that fits).

    >>> positive_options({"Lite nyttig", "Nyttig", "Verken/eller"}), positive_options({"Ja", "Nei"})
    (['Nyttig'], ['Ja'])
    """
    for labels in (knowledge.lexicon().get("claims") or {}).get("positive") or []:
        found = [o for o in labels if o in available]
        if found:
            return found
    return []


@lru_cache(maxsize=1)
def _directions() -> list[tuple[str, re.Pattern[str]]]:
    found = (knowledge.lexicon().get("claims") or {}).get("directions") or {}
    return [
        (d, re.compile(r"(?<![\wæøå])(" + "|".join(re.escape(w) for w in ws) + r")(?![\wæøå])", re.I))
        for d, ws in found.items()
    ]


def direction_options(side: str, available: set[str]) -> list[str]:
    """The option one side of a comparison names by its direction alone ("… gikk ned enn opp"): the first
    (up) or second (down) option of a pair of opposites (lexicon `claims.opposites`) that the figures have.

    >>> direction_options("opp med hjemmekontor", {"Positiv endring", "Negativ endring", "Ingen endring"})
    ['Positiv endring']
    >>> direction_options("produktiviteten gikk ned", {"Positiv endring", "Negativ endring"})
    ['Negativ endring']
    """
    named = {d for d, pattern in _directions() if pattern.search(side)}
    if len(named) != 1:
        return []  # no direction, or both
    index = 0 if named == {"up"} else 1
    printed = {loose(o): o for o in available}  # the table's own label («… mer støtte og informasjon»)
    for pair in (knowledge.lexicon().get("claims") or {}).get("opposites") or []:
        if all(loose(o) in printed for o in pair):
            return [printed[loose(pair[index])]]
    return []
