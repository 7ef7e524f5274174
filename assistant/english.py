"""Questions written in English (communications staff often draft in English): read through a glossary of
the survey's terms into bokmål and answered in Norwegian. Only a question that reads as English is
translated; a Norwegian word in a mixed question is kept as it is."""

from __future__ import annotations

import re
from functools import lru_cache

from .knowledge import KNOWLEDGE, load_yaml

# function words that are English and not Norwegian: what tells an English question from a Norwegian one
_ENGLISH = frozenset(
    "the what which who how many much did does do were was is are of and with our their they them please "
    "share percentage percent companies company businesses firms employees survey true correct found find "
    "useful key figures numbers have has that this these from about on in why when where rated compared "
    "labour labor inspection health service services sick leave working home office could would should you your "
    "tell give show explain regarding".split()
)


@lru_cache(maxsize=1)
def _glossary() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    path = KNOWLEDGE / "english.yaml"
    if not path.exists():
        return None, {}
    pairs = {str(k).lower(): str(v or "") for k, v in (load_yaml(path) or {}).get("phrases", {}).items()}
    keys = sorted(pairs, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w'-])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])", re.IGNORECASE
    )
    return pattern, pairs


def is_english(text: str) -> bool:
    """Three English function words or more, and at least a third of the words.

    >>> is_english("How many companies have a BHT agreement?"), is_english("Hvor mange har BHT-avtale?")
    (True, False)
    """
    words = re.findall(r"[a-zA-ZæøåÆØÅ']+", text or "")
    english = sum(w.lower() in _ENGLISH for w in words)
    return english >= 3 and english >= len(words) / 3


def to_norwegian(text: str) -> str:
    """The question in bokmål when it reads as English; otherwise unchanged.

    >>> to_norwegian("How many companies have had contact with the Labour Inspection Authority?")
    'hvor mange bedrifter har hatt kontakt med Arbeidstilsynet?'
    """
    if not is_english(text):
        return text
    pattern, pairs = _glossary()
    if pattern is None:
        return text
    out = pattern.sub(lambda m: pairs[m.group(1).lower()], text)
    return re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", out)).strip()
