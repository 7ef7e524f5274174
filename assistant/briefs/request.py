"""Recognise a key-figure request ("Gi meg tre tall om hjemmekontor") and find the questions its
theme covers (the codebook's theme and question `keywords`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import knowledge
from ..normalize import normalize, tokens

DEFAULT_COUNT, MIN_COUNT, MAX_COUNT = 3, 3, 5
_NUMBER_WORDS = {
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
}
_N = r"(?P<n>\d+|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti|et par|noen|nokre)"
_WHAT = (
    r"(?:nøkkel|gode |sentrale |viktige |viktigste |beste )?(?:tall(?:ene)?|funn(?:ene)?|nøkkelfunn(?:ene)?|"
    r"hovedfunn(?:ene)?|høydepunkt(?:er|ene)?|poeng(?:ene)?|fakta)"
)
_ABOUT = r"\s+(?:om|fra|frå|for|på|knyttet til|rundt|innen|angående|når det gjelder)\s+(?P<theme>.+)"
_PATTERNS = [
    re.compile(p)
    for p in (
        rf"^(?:gi meg|gje meg|finn|hent|lag|skriv|foreslå|vis|list opp|jeg vil ha|eg vil ha|jeg trenger|vi trenger|"
        rf"kan du gi meg|kan du finne|kan du hente|har du)\s+(?:de\s+|dei\s+)?(?:{_N}\s+)?{_WHAT}{_ABOUT}",
        rf"^(?:hva|hvilke|kva) (?:er|var)\s+(?:de\s+|dei\s+|den\s+|det\s+)?(?:{_N}\s+)?(?:viktigste\s+|største\s+)?"
        rf"(?:hovedfunn(?:ene)?|nøkkeltall(?:ene)?|nøkkelfunn(?:ene)?|funnene|tallene|saken|nyheten|hovedsaken|"
        rf"poengene)(?:\s+i rapporten)?{_ABOUT}",
        rf"^(?:{_N}\s+)?(?:nøkkeltall|hovedfunn|nøkkelfunn|viktige tall|viktigste tall)(?:ene)?{_ABOUT}",
        rf"^{_N}\s+(?:gode\s+|viktige\s+)?(?:tall|funn|fakta){_ABOUT}",
    )
]
_PURPOSE = re.compile(
    r"\s+(?:til|for|i) (?:et|en|ei|vårt|vår|min|mitt)\s+(?:nyhetsbrev|pressemelding|sak|artikkel|innlegg|"
    r"presentasjon|rapport|tale|post|lysark)\b.*$|\s+(?:i|fra) (?:rapporten|barometeret|undersøkelsen)\b.*$"
)


@dataclass
class BriefRequest:
    count: int
    theme: str  # as the user wrote it ("hjemmekontor", "Arbeidstilsynet")


def detect(text: str) -> BriefRequest | None:
    """A request for key figures on a theme, or None.

    >>> detect("Gi meg tre tall om hjemmekontor")
    BriefRequest(count=3, theme='hjemmekontor')
    >>> detect("fem tall om Arbeidstilsynet til et nyhetsbrev")
    BriefRequest(count=5, theme='arbeidstilsynet')
    >>> detect("Hva er hovedfunnene om bedriftshelsetjenesten?").theme, detect("Hvor mange svarte?")
    ('bedriftshelsetjenesten', None)
    """
    t = normalize(text or "").strip().rstrip("?.! ")
    for pattern in _PATTERNS:
        m = pattern.match(t)
        if not m:
            continue
        theme = _PURPOSE.sub("", m.group("theme")).strip(" ?.!,")
        theme = re.sub(r"^(?:temaet|tema|det|dette)\s+", "", theme)
        if not theme:
            return None
        n = m.groupdict().get("n")
        count = (
            DEFAULT_COUNT
            if not n or not (n.isdigit() or n in _NUMBER_WORDS)
            else int(n)
            if n.isdigit()
            else _NUMBER_WORDS[n]
        )
        return BriefRequest(max(MIN_COUNT, min(MAX_COUNT, count)), theme)
    return None


def match_theme(theme: str) -> tuple[list[str], str | None]:
    """(codebook questions the theme covers, the chapter when it names a whole theme). A whole theme is
    named by its `keywords`; otherwise the questions whose own keywords name it best (published ones only).

    >>> match_theme("Arbeidstilsynet")
    (['AT_KONTAKT', 'AT_NYTTE'], None)
    >>> qids, chapter = match_theme("hjemmekontor"); "HJEM_SITUASJON" in qids, chapter
    (True, '3')
    """
    want = set(tokens(normalize(theme)))
    if not want:
        return [], None
    published = [
        q for q in knowledge.questions() if str(q.get("results")) != "none" and q.get("theme") != "bakgrunn"
    ]
    for th in knowledge.codebook().get("themes") or []:
        if any(set(tokens(normalize(k))) <= want for k in th.get("keywords") or []):
            return [q["id"] for q in published if q.get("theme") == th["id"]], str(th.get("section"))
    scores = {}
    for q in published:
        words = set(tokens(normalize(" ".join([*(q.get("keywords") or []), q.get("title") or ""]))))
        scores[q["id"]] = len(want & words)
    best = max(scores.values(), default=0)
    return ([qid for qid, n in scores.items() if n == best] if best else []), None


@dataclass
class Theme:
    any_of: set[str]  # a whole theme's keywords: one of them is enough ("hjemmearbeid" for "hjemmekontor")
    all_of: set[str]  # a named actor's words: all of them ("nav" and "arbeidslivssenter")


def theme_words(theme: str, chapter: str | None) -> Theme:
    own = set(tokens(normalize(theme)))
    if chapter is None:
        return Theme(set(), own)
    words = set(own)
    for th in knowledge.codebook().get("themes") or []:
        if str(th.get("section")) == chapter:
            for k in th.get("keywords") or []:
                words |= set(tokens(normalize(k)))
    return Theme(words, set())
