"""Word patterns and constants the matchers share."""

from __future__ import annotations

import re
from functools import lru_cache

from ..normalize import fold

_KNOWN_NAMES = (
    "nho", "nav", "bht", "amu", "hms", "ia", "ia-avtalen", "agenda", "kaupang", "kantar", "arbeidstilsynet",
    "vedlegg", "tabell", "figur", "norge", "norsk", "norges", "nhos", "juni", "november", "oslo",
)  # fmt: skip


_NUMERIC_GROUP = (  # "bedrifter med 200 eller flere ansatte", "10-49 ansatte", "5 ansatte", "200+"
    r"(?:(?:bedrifter|virksomheter|verksemder) )?(?:med )?(?:over |under |flere enn |mer enn )?\d+\s*"
    r"(?:(?:-|–|til)\s*\d+\s*)?(?:(?:\+|eller flere|eller mer)\s*(?:ansatte|årsverk)?|(?:ansatte|ansatt|årsverk|tilsette))"
    r"(?=\W|$)"
)


def strip_numbers(text: str) -> str:
    """A report sentence without its figures, for matching its topic."""
    return re.sub(r"\d+([,.]\d+)?\s*(%|prosent)?", " ", text)


def _loose(label: str) -> str:
    """An option label without leading ellipsis or punctuation, folded: matches table and codebook forms."""
    return re.sub(r"\s*/\s*", "/", re.sub(r"^[…\.\s]+", "", fold(label)))  # "Vet ikke / ikke relevant" too


def _first_word(phrase: str) -> str:
    found = re.findall(r"[\wæøå]+", fold(phrase))
    return found[0] if found else ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\wæøå]+", text))


# compiled once per phrase: the phrases come from the knowledge files, and compiled anew per question they
# would crowd other patterns out of `re`'s own cache (512 patterns), which then compiles them again too
@lru_cache(maxsize=8192)
def _word_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\wæøå])" + re.escape(fold(phrase)) + r"(?![\wæøå])")


@lru_cache(maxsize=8192)
def _label_re(label: str) -> re.Pattern[str]:
    """A (folded) label as a whole phrase."""
    return re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")


class _OneByOne:
    """Patterns that could not be joined, searched one after the other."""

    def __init__(self, patterns: list[re.Pattern[str]]):
        self.patterns = patterns

    def search(self, text: str) -> re.Match[str] | None:
        return next((m for p in self.patterns if (m := p.search(text))), None)


def joined(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | _OneByOne:
    """A pattern whose search finds something exactly when one of `patterns`' does: their alternation, unless
    they cannot be joined (flags, back-references, a clash of group names). One search of a dozen short
    word patterns joined takes a fifth of the time of a dozen searches."""
    if not patterns or any(p.flags != re.UNICODE or re.search(r"\\\d|\(\?P=", p.pattern) for p in patterns):
        return _OneByOne(patterns)
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))
    except re.error:
        return _OneByOne(patterns)


def may_match(first: frozenset[str] | None, words: set[str]) -> bool:
    """Whether a phrase pattern whose text starts with one of the words `first` (None: not known) can match a
    text with these `_words`: a pattern bounded by non-word characters matches only where its first word
    stands whole (one of its forms, when the phrase is that word alone and takes an ending)."""
    return first is None or not first.isdisjoint(words)


def _key(label: str) -> str:
    return re.sub(r"\s+", "", fold(label))
