"""Claims that one actor is the most useful ("bedriftshelsetjenesten er den aktøren bedriftene syns er
nyttigst i sykefraværsoppfølgingen"), judged on the report's sentence that names the top actor
("Bedriftene vurderer kontakten med bedriftshelsetjenesten som klart nyttigst …"): the same actor
supports the claim, another contradicts it. Figures of one actor's services (Tabell 6) do not rank actors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import knowledge
from ..match.questions import scales_named
from ..normalize import normalize, tokens
from ..report import split_sentences
from ..types import Passage
from .parse import ParsedClaim
from .readings import answer_words, shared, topic_tokens
from .statements import actors, sentence_figure
from .verdict import Verdict

_TOP = re.compile(
    r"\b(?:klart |aller )?(?:nyttigste?|nyttigaste?|mest nyttige?|viktigste?|viktigaste?|mest verdifulle?)\b"
)
_VERB = re.compile(r"\b(er|var)\b")
_NOT_TOPIC = set(tokens("nyttigst nyttig mest aktør aktøren bedriftene syns synes er den det som"))


def _first_actor(norm: str, end: int) -> tuple[str, int] | None:
    """The one actor the text names before position `end`, with where it stands (None for none or two)."""
    found = [(a, norm.find(a)) for a in actors(norm[:end])]
    return found[0] if len(found) == 1 else None


def _same(a: str, b: str) -> bool:
    ta, tb = set(tokens(a)) - {"nav"}, set(tokens(b)) - {"nav"}
    return bool(ta & tb) or bool(shared(ta, tb))


def _top_actor_sentences(
    passages: list[Passage], own: set[str], scale: set[str] | None = None
) -> Iterator[tuple[Passage, str, str]]:
    """The report's sentences naming the most useful actor («… som klart nyttigst»), with that actor: on the
    claim's topic (its `own` words in the sentence or the section title) and, given `scale`, its answer scale."""
    for ps in passages:
        if ps.kind != "prose":
            continue
        for sentence in split_sentences(ps.text):
            norm = normalize(sentence)
            mark = _TOP.search(norm)
            if mark is None or (scale and not answer_words(set(tokens(norm))) & scale):
                continue
            top = _first_actor(norm, mark.end())
            if top is None:
                continue
            context = set(tokens(norm)) | set(tokens(normalize(ps.section_label)))
            if own and not shared(own, context):
                continue  # another topic than the claim's
            yield ps, sentence, top[0]


def judge_actor_superlative(p: ParsedClaim, passages: list[Passage]) -> tuple[Verdict, dict[str, Any]] | None:
    if not p.superlative or p.amounts or p.groups:
        return None
    claim = normalize(p.text)
    top = _TOP.search(claim)
    if top is None:
        return None
    mine = _first_actor(claim, top.start())
    verb = _VERB.search(claim)
    if mine is None or (verb is not None and mine[1] > verb.start()):
        return None  # the actor is not the claim's subject ("X er den BHT-tjenesten som er nyttigst")
    scale = answer_words(set(tokens(claim)))
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC} - set(tokens(mine[0]))
    for ps, sentence, theirs in _top_actor_sentences(passages, own, scale):
        figure = sentence_figure(ps, sentence)
        where = f"({ps.section_label})"
        if _same(mine[0], theirs):
            return Verdict("supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure), figure
        return Verdict(
            "contradicted",
            f"Nei. Rapporten peker på en annen aktør som den nyttigste: «{sentence}» {where}.",
            None,
            figure,
            reason="superlative",
        ), figure
    return None


_USEFUL = re.compile(r"\b(?:fornøyde?|nøgde?|nyttig\w*|verdifull\w*|til hjelp|nytte)\b")


def judge_actor_comparison(p: ParsedClaim, passages: list[Passage]) -> tuple[Verdict, dict[str, Any]] | None:
    """ "Bedriftene er mer fornøyd med BHT enn med NAV": the report's sentence naming the most useful actor
    («… bedriftshelsetjenesten som klart nyttigst …») settles it when it names one of the two actors compared."""
    if p.comparison not in ("more", "less") or p.amounts or p.groups:
        return None
    sides = [actors(normalize(side)) for side in p.sides]
    if any(len(a) != 1 for a in sides) or not _USEFUL.search(normalize(p.text)):
        return None
    (left,), (right,) = sides
    if _same(left, right):
        return None
    favoured, other = (left, right) if p.comparison == "more" else (right, left)
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC and not _USEFUL.match(w)}
    own -= set(tokens(left)) | set(tokens(right))  # the words of the comparison left: its topic, if any
    for ps, sentence, top in _top_actor_sentences(passages, own):
        if not (_same(top, favoured) or _same(top, other)):
            continue
        figure = sentence_figure(ps, sentence)
        where = f"({ps.section_label})"
        if _same(top, favoured):
            return Verdict("supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure), figure
        return Verdict(
            "contradicted", f"Nei. Det er omvendt: «{sentence}» {where}.", None, figure, reason="superlative"
        ), figure
    return None


# ("den laveste andelen", "lågast": any ending)
_HIGH = re.compile(r"\b(?:høyest\w*|høgast\w*|flest\w*|størst\w*|mest)\b")
_LOW = re.compile(r"\b(?:lavest\w*|lågast\w*|færrest\w*|minst\w*)\b")


def _associations(norm: str) -> list[tuple[int, str]]:
    """The trade associations a normalised text names, where (lexicon groups, canonical names)."""
    found = []
    for g in (knowledge.lexicon().get("groups") or {}).get("landsforening") or []:
        for w in [g.get("canonical") or "", *(g.get("words") or [])]:
            m = re.search(r"(?<![\wæøå])" + re.escape(normalize(w)) + r"(?![\wæøå])", norm) if w else None
            if m:
                found.append((m.start(), g["canonical"]))
                break
    return sorted(found)


_RATIO = re.compile(r"(?<![\d,])(\d+) av (\d+)\b")


def _scales(norm: str) -> set[str]:
    """The rating scales a normalised text speaks of (lexicon `scales`), contact and agreements aside."""
    return scales_named(norm) - {"yesno"}


def _top_listed(norm: str, lowest: bool) -> str | None:
    """The association with the highest (lowest) figure in a sentence that lists two or more with their
    figures ("9 av 10 i Energi Norge, og henholdsvis 7 av 10 bedrifter tilknyttet Abelia …")."""
    ratios = [(m.start(), m.end(), int(m.group(1)) / int(m.group(2))) for m in _RATIO.finditer(norm)
              if int(m.group(2))]  # fmt: skip
    pairs = []
    for i, name in _associations(norm):
        near = [
            (min(abs(i - e), abs(i - s)), v) for s, e, v in ratios if abs(i - e) <= 30 or abs(s - i) <= 40
        ]
        if near:
            pairs.append((min(near)[1], name))
    if len(pairs) < 2 or len({v for v, _ in pairs}) < 2:
        return None
    return (min(pairs) if lowest else max(pairs))[1]


def judge_association_superlative(
    p: ParsedClaim, passages: list[Passage]
) -> tuple[Verdict, dict[str, Any]] | None:
    """ "NHO Transport er landsforeningen der flest har hatt kontakt med NAV Arbeidslivssenter", judged on
    the sentence "Høyest andel finner vi blant bedriftene i NHO Transport (5 av 10), …"."""
    claimed = [g for g in p.groups if g[0] == "landsforening"]
    if not p.superlative or p.amounts or len(claimed) != 1:
        return None
    claim = normalize(p.text)
    lowest = bool(_LOW.search(claim)) and not _HIGH.search(claim)
    marker = _LOW if lowest else _HIGH
    named = actors(claim)
    own = {w for w in topic_tokens(p) if w not in _NOT_TOPIC}
    own -= {t for g in claimed for t in tokens(normalize(g[1]))}
    own -= set(tokens("landsforening landsforeningen landsforeninga flest høyest størst mest færrest lavest"))
    scales = _scales(claim)  # "mest fornøyd" asks about usefulness, not about contact
    for ps in passages:
        if ps.kind != "prose":
            continue
        passage = normalize(ps.text)
        if named and not named <= actors(passage):
            continue  # about another actor
        if own and len(shared(own, set(tokens(passage)))) < max(1, len(own) // 2):
            continue
        for sentence in split_sentences(ps.text):
            norm = normalize(sentence)
            if scales and not scales & _scales(norm):
                continue
            top = _top_listed(norm, lowest)
            if top is None:
                mark = marker.search(norm)
                if mark is None:
                    continue
                after = [(i, g) for i, g in _associations(norm) if i > mark.start()]
                if not after:
                    continue
                top = after[0][1]
            figure = sentence_figure(ps, sentence)
            where = f"({ps.section_label})"
            if top.lower() == claimed[0][1].lower():
                return Verdict(
                    "supported", f"Ja. Rapporten skriver: «{sentence}» {where}.", None, figure
                ), figure
            corrected = re.sub(re.escape(claimed[0][1]), top, p.text, count=1, flags=re.I)
            return Verdict(
                "contradicted",
                f"Nei. Rapporten peker på {top}: «{sentence}» {where}.",
                corrected if corrected != p.text else None,
                figure,
                reason="superlative",
            ), figure
    return None
