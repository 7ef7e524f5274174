"""Claims that rank small against large companies without a figure ("små bedrifter sliter mer med
sykefravær enn store", "de minste har mest nytte av NAV Arbeidslivssenter"), judged on the report's own
sentences that say which size group it is ("Generelt sett rapporterer de større bedriftene om større
utfordringer med alle typer sykefravær").

A sentence speaks to the claim when it holds most of the claim's topic words (rare words weigh more) and
names small or large companies next to a comparative ("i større grad", "mest", "mindre grad … enn").
"""

from __future__ import annotations

import re
from typing import Any

from ..normalize import normalize, tokens
from ..report import split_sentences
from ..types import Passage
from .parse import ParsedClaim, parse, side_groups
from .readings import shared, topic_tokens
from .statements import actors, named_actors, sentence_figure
from .verdict import Verdict

_SMALL = (
    r"(?:de\s+)?(?:små|minste|mindre|små og mellomstore)\s+(?:og\s+mellomstore\s+)?(?:bedrift|virksomhet)\w*"
)
_LARGE = r"(?:de\s+)?(?:store|største|større)\s+(?:bedrift|virksomhet)\w*|bedrifter med (?:200|flere enn 200)"
_MORE = (
    r"i større grad|i høyere grad|større|mer|mest|høyest|høyere|flest|flere|oftere|oftest|særlig|"
    r"[a-zæøå]+igst|[a-zæøå]+igere"  # "(klart) nyttigst", "viktigere"
)
_LESS = r"i mindre grad|mindre grad|i lavere grad|mindre|minst|lavest|lavere|færrest|færre|sjeldnere"
_SIZE = re.compile(rf"(?P<small>{_SMALL})|(?P<large>{_LARGE})", re.I)
_COMPARE = re.compile(rf"\b(?:(?P<more>{_MORE})|(?P<less>{_LESS}))\b", re.I)
# the claim's own words of size and comparison are not its topic
_NOT_TOPIC = set(
    tokens(
        "små minste mindre store største større mer mest oftere oftest sjeldnere sjeldnest flere flest færre "
        "færrest høyere høyest lavere lavest bedrift bedrifter bedriftene virksomheter enn "
        "småbedrift småbedrifter småbedriftene storbedrift storbedrifter storbedriftene mikrobedrifter "
        "virksomhetene hos"
    )
)
_MOST = {"mest", "størst", "høyest", "flest", "oftest", "best"}


def _size_of(group: tuple[Any, ...]) -> str | None:
    """'small' or 'large' for a size group of the claim (bands up to 49 employees are small)."""
    if not group or group[0] != "storrelse":
        return None
    lo, hi = group[2], group[3]
    if hi is not None and hi <= 49:
        return "small"
    if lo is not None and lo >= 50:
        return "large"
    return None


def claimed_favoured(p: ParsedClaim) -> str | None:
    """The size class the claim says has more of it: the first side of "mer/flere … enn", the second of
    "mindre/færre … enn", the group of "mest", the other of "minst"."""
    if p.amounts:
        return None
    if p.comparison:
        left, right = side_groups(p.sides[0]), side_groups(p.sides[1])
        if len(p.groups) == 2 and bool(left) != bool(right):
            # "bedrifter med 50 ansatte eller flere … enn de små": the side that lost its "flere" to the
            # comparison has the claim's other group
            known = (left or right)[0]
            rest = [g for g in p.groups if g != known]
            left, right = (left or rest), (right or rest)
        first = _size_of(left[0]) if left else None
        second = _size_of(right[0]) if right else None
        if not first or not second or first == second:
            return None
        return first if p.comparison == "more" else second
    if p.superlative and p.groups:
        size = _size_of(p.groups[0])
        if size is None:
            return None
        if p.superlative.lower() in _MOST:
            return size
        return "large" if size == "small" else "small"
    return None


def _sentence_favours(sentence: str) -> str | None:
    """Which size class a report sentence says has more of it: the size words next to a comparative."""
    sizes = [("small" if m.group("small") else "large", m.start(), m.end()) for m in _SIZE.finditer(sentence)]
    if not sizes:
        return None
    first_size, start, end = sizes[0]
    near = sentence[max(0, start - 60) : end + 100]
    cmp = _COMPARE.search(near)
    if cmp is None:
        return None
    if cmp.group("more"):
        return first_size
    return "large" if first_size == "small" else "small"


def _next_first(passages: list[Passage], ps: Passage) -> str:
    """The first sentence of the passage after `ps` in the same section (a paragraph split by a page)."""
    nxt = passages[ps.id + 1] if 0 <= ps.id + 1 < len(passages) and passages[ps.id].id == ps.id else None
    if nxt is None or nxt.section != ps.section or nxt.kind != "prose":
        return ""
    first = split_sentences(nxt.text)
    return first[0].strip() if first else ""


def judge_size_direction(p: ParsedClaim, passages: list[Passage]) -> tuple[Verdict, dict[str, Any]] | None:
    """Supported or contradicted by the report sentence that ranks the size groups on the claim's topic."""
    want = claimed_favoured(p)
    if want is None:
        return None
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC}
    if not own:
        return None
    named = named_actors(normalize(p.text))
    best: tuple[float, str, Passage, str] | None = None
    for ps in passages:
        if ps.kind != "prose":
            continue
        sentences = split_sentences(ps.text)
        for i, sentence in enumerate(sentences):
            sentence = sentence.lstrip("►•- ").strip()
            if actors(normalize(sentence)) - named:
                continue  # about another actor ("NAVs dialogmøte 2" for a claim about NAV Arbeidslivssenter)
            favours = _sentence_favours(sentence)
            if favours is None:
                continue
            said = set(tokens(normalize(sentence)))
            if i > 0 and re.search(r"\b(dette|disse|det samme)\b", sentence, re.I):
                said |= set(tokens(normalize(sentences[i - 1])))  # "… at dette i større grad er gjort i …"
            found = shared(own, said)
            fit = len(found) / len(own)
            if len(found) >= min(2, len(own)) and fit >= 0.6 and (best is None or fit > best[0]):
                after = sentences[i + 1].strip() if i + 1 < len(sentences) else _next_first(passages, ps)
                if re.search(
                    r"\bdet samme\b", after
                ):  # "… svarer mindre enn 4 av 10 det samme": the other side
                    sentence = f"{sentence} {after}"
                best = (fit, favours, ps, sentence)
    if best is None:
        return None
    fit, favours, ps, sentence = best
    figure = sentence_figure(ps, sentence, group_dim="storrelse")
    where = f"({ps.section_label})"
    if favours == want:
        return Verdict(
            "supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure, fit=fit
        ), figure
    lead = f"Nei. Rapporten sier det motsatte: «{sentence}» {where}."
    return Verdict("contradicted", lead, sentence, figure, reason="size_direction", fit=fit), figure


_TOP = re.compile(
    r"\b(?P<dir>høyest|høgast|lavest|lågast|flest|færrest|størst|minst)(?:e)?\s+(?:andel(?:en)?\s+)?"
    r"(?:finner vi\s+|er det\s+|var det\s+|har\s+|ser vi\s+)?(?:blant|hos|i)\s+(?P<group>[^,;()]{3,60}?"
    r"(?:ansatte|årsverk|bedrifter|virksomheter))(?:\s*\((?P<fig>[^)]*)\))?",
    re.I,
)
_HIGH = {"høyest", "høgast", "flest", "størst"}


def judge_size_superlative(p: ParsedClaim, passages: list[Passage]) -> tuple[Verdict, dict[str, Any]] | None:
    """ "Lavest andel … var blant bedrifter med 10–49 ansatte": the report's sentence naming the size group
    with the highest or lowest share on the claim's topic («… og lavest andel blant bedrifter med 1-9 ansatte
    (15 %)») supports the claim when it names the same group (and figure), else contradicts it."""
    if not p.superlative or not p.groups or p.groups[0][0] != "storrelse":
        return None
    high = p.superlative.lower() in _MOST | _HIGH
    claimed = p.groups[0]
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC}
    if not own:
        return None
    named = named_actors(normalize(p.text))
    best: tuple[float, Passage, str, Any, re.Match[str]] | None = None
    for ps in passages:
        if ps.kind != "prose" or actors(normalize(ps.text)) - named:
            continue
        context = set(tokens(normalize(ps.text)))
        for sentence in split_sentences(ps.text):
            for m in _TOP.finditer(sentence):
                if (m.group("dir").lower() in _HIGH) != high:
                    continue
                groups = [g for g in parse(m.group("group")).groups if g[0] == "storrelse"]
                if not groups:
                    continue
                fit = len(shared(own, context)) / len(own)
                if fit >= 0.6 and (best is None or fit > best[0]):
                    best = (fit, ps, sentence.lstrip("►•- ").strip(), groups[-1], m)
    if best is None:
        return None
    fit, ps, sentence, stated, m = best
    figure = sentence_figure(ps, sentence, group_dim="storrelse")
    where = f"({ps.section_label})"
    same_group = (stated[2], stated[3]) == (claimed[2], claimed[3])
    stated_amounts = parse(m.group("fig") or "").amounts
    same_figure = (
        not p.amounts
        or not stated_amounts
        or any(
            a.low <= s.value <= a.high or s.low <= a.value <= s.high
            for a in p.amounts
            for s in stated_amounts
        )
    )
    if same_group and same_figure:
        return Verdict(
            "supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure, fit=fit
        ), figure
    lead = f"Nei. Rapporten skriver: «{sentence}» {where}."
    return Verdict("contradicted", lead, None, figure, reason="size_superlative", fit=fit), figure
