"""Step 1: normalise a question — lexicon (synonyms, nynorsk → bokmål), typos, and tokens for matching.

>>> tokens("Hvor nyttige var risikovurderingene?")
['nytt', 'risikovurdering']
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import rapidfuzz
import Stemmer
import yaml
from rapidfuzz import fuzz, process

from . import knowledge

STOPWORDS = frozenset(
    """
    og i på til av for med som er var det de den en et ei at å om fra har hadde ble blir kan vil skal
    hva hvor hvilke hvilken hvilket hvordan hvem hvorfor når mange mye stor store andel prosent
    jeg du vi dere man seg sin sine sitt deres oss meg deg
    ikke ja nei eller men så også bare enn da der her mer mest
    svarte svart svar bedrift bedrifter bedriftene bedriften the what how
    sier syns synes mener opplevde opplever oppgir viser
    og eller noe noen alle hele ved etter under over mot
    er blitt vært være
    """.split()
)

_STEMMER = Stemmer.Stemmer("norwegian")
_WORD = re.compile(r"[a-zæøåéü0-9]+(?:[-/][a-zæøåéü0-9]+)*")


# fold, stem and tokens are pure and called again and again on the same labels, sentences and words (thousands
# of calls an answer): each remembers its recent results
@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case, NFC, unify quotes and dashes, collapse whitespace."""
    text = unicodedata.normalize("NFC", text).lower()
    text = text.replace("–", "-").replace("—", "-").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


# words the Snowball stemmer merges though they name different things: "den som sykemelder" (the doctor)
# is not "den sykemeldte" (the employee)
_STEM_EXCEPTIONS = {"sykemelder": "sykemelder!", "sykemelderen": "sykemelder!", "sykemeldere": "sykemelder!"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """
    >>> stem("sykemeldte") == stem("sykemeldt"), stem("sykemelder") == stem("sykemeldte")
    (True, False)
    >>> stem("kreativiteten") == stem("kreativitet")
    True
    """
    if word in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[word]
    s = _STEMMER.stemWord(word)
    # "kreativiteten" stems to "kreativitet", "kreativitet" to "kreativit": one stem for the family
    return _STEMMER.stemWord(s) if s.endswith("itet") else s


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    """Stemmed content tokens; compounds joined by - or / are kept whole and also split."""
    return list(_tokens(text, keep_stopwords))


@lru_cache(maxsize=16384)
def _tokens(text: str, keep_stopwords: bool) -> tuple[str, ...]:
    out: list[str] = []
    for w in _WORD.findall(fold(text)):
        parts = [w] + (re.split(r"[-/]", w) if ("-" in w or "/" in w) else [])
        for p in parts:
            if not p or (not keep_stopwords and p in STOPWORDS):
                continue
            out.append(stem(p))
    return tuple(out)


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\wæøå])" + re.escape(fold(phrase)) + r"(?![\wæøå])")


@lru_cache(maxsize=1)
def _replacements() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One alternation over every lexicon phrase (longest first, so phrases win over their words)."""
    lex = knowledge.lexicon()
    pairs: dict[str, str] = {}
    for key in ("nynorsk", "synonyms"):
        for src, dst in (lex.get(key) or {}).items():
            if src and dst and fold(str(src)) != fold(str(dst)):
                pairs[fold(str(src))] = fold(str(dst))
    if not pairs:
        return None, {}
    alternation = "|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True))
    return re.compile(r"(?<![\wæøå-])(" + alternation + r")(?![\wæøå-])"), pairs


@lru_cache(maxsize=1)
def _case_sensitive() -> list[tuple[re.Pattern[str], str]]:
    lex = knowledge.lexicon()
    out = []
    for src, dst in (lex.get("abbreviations_case_sensitive") or {}).items():
        # "NAV ALS" is "NAV Arbeidslivssenter", not "NAV NAV Arbeidslivssenter": the expansion's first word
        # written before the abbreviation is part of what is replaced
        first = str(dst).split()[0] if len(str(dst).split()) > 1 else None
        before = rf"(?:(?i:{re.escape(first)})s?[ -])?" if first else ""
        # "IA-avtale" is already written out: an expansion with a hyphen («IA-avtalen») is not applied before one
        after = r"(?![\wÆØÅæøå-])" if "-" in str(dst) else r"(?![\wÆØÅæøå])"
        out.append((re.compile(r"(?<![\wÆØÅæøå])" + before + re.escape(str(src)) + after), str(dst)))
    return out


def expand_abbreviations(text: str) -> str:
    """The case-sensitive abbreviations written out ("VO" → "verneombud"), nothing else changed."""
    for pattern, dst in _case_sensitive():
        text = pattern.sub(dst, text)
    return text


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Words the survey itself uses (codebook, lexicon, published labels): the target of typo correction."""
    words: set[str] = set()

    def add(text: str) -> None:
        for w in _WORD.findall(fold(text)):
            if len(w) >= 5 and not w.isdigit():
                words.add(w)

    for q in knowledge.questions():
        add(q.get("text", ""))
        for it in q.get("items") or []:
            add(it.get("label", ""))
            for a in it.get("aliases") or []:
                add(a)
        for op in q.get("options") or []:
            add(op.get("label", ""))
        for k in q.get("keywords") or []:
            add(k)
    lex = knowledge.lexicon()
    for key in ("synonyms", "nynorsk"):
        for src, dst in (lex.get(key) or {}).items():
            add(str(src))
            add(str(dst))
    for dim in (lex.get("groups") or {}).values():
        for g in dim:
            for w in g.get("words") or []:
                add(w)
            add(g.get("canonical", ""))
    for w in lex.get("typo_vocabulary_extra") or []:
        add(w)
    for phrases in (lex.get("waves") or {}).values():  # "novemberundersøkelsn" is the November wave
        for w in phrases:  # (its long compound names only: "hovudgrunnen" is no «hovudrunden»)
            if len(str(w)) >= 13 and " " not in str(w):
                add(str(w))
    for entry in lex.get("out_of_scope") or []:  # what the survey does not measure, mistyped, is still refused
        for w in entry.get("words") or []:
            if not str(w).startswith("re:"):
                add(str(w))
    for row in knowledge.published_rows():
        add(row.get("item", ""))
        add(row.get("option", ""))
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words of the language, which are not typos: every word of the report, and the common Norwegian words
    of knowledge/words_nb.txt ("bruke" is not "brukte", "vurderte" is not "vurdere")."""
    words: set[str] = set()
    path = knowledge.KNOWLEDGE / "words_nb.txt"
    for text in (knowledge.report_text(), path.read_text(encoding="utf-8") if path.exists() else ""):
        lines = text.splitlines()
        words.update(_WORD.findall(fold("\n".join(x for x in lines if not x.startswith("#")))))
    return frozenset(words)


@lru_cache(maxsize=1)
def report_names() -> frozenset[str]:
    """Capitalised words of the report (studies and bodies it cites: «Arbeidskraftundersøkelsen», «Ingelsrud»),
    folded: a question naming one asks what the report says about it, not what a company answered."""
    return frozenset(
        fold(w) for w in re.findall(r"(?<![\wæøåÆØÅ])[A-ZÆØÅ][a-zæøå]{3,}", knowledge.report_text())
    )


@lru_cache(maxsize=1)
def report_tokens() -> frozenset[str]:
    """The stemmed words the survey can speak of: the report's, and every word of the lexicon (both sides) and
    the codebook, but the concepts the lexicon lists as not measured (`out_of_scope`)."""
    words = set(tokens(normalize(knowledge.report_text())))
    lexicon = {k: v for k, v in knowledge.lexicon().items() if k != "out_of_scope"}
    words.update(tokens(" ".join(strings(lexicon))))
    words.update(tokens(" ".join(strings(knowledge.codebook()))))
    return frozenset(words)


def strings(node: object, keys: bool = True) -> list[str]:
    """Every string in a nested structure of dicts and lists (the dicts' keys too, unless `keys` is False)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in [*(strings(k) if keys else []), *strings(v, keys)]]
    if isinstance(node, list):
        return [x for v in node for x in strings(v, keys)]
    return []


_PLAIN = {"a": "aåæ", "o": "oø"}


def _with_letters(word: str, vocab) -> str | None:
    """The survey word a word typed without æ, ø or å stands for, when exactly one such spelling is known."""
    slots = [i for i, c in enumerate(word) if c in "ao"]
    if not slots or len(slots) > 4 or any(c in "æøå" for c in word):
        return None
    found = set()
    for combo in itertools.product(*(_PLAIN[word[i]] for i in slots)):
        chars = list(word)
        for i, c in zip(slots, combo, strict=True):
            chars[i] = c
        cand = "".join(chars)
        if cand != word and cand in vocab:
            found.add(cand)
    return found.pop() if len(found) == 1 else None


def _one_letter_inside(a: str, b: str) -> bool:
    """Whether one word is the other with one letter more, neither at the start nor at the end.

    >>> _one_letter_inside("invitasjn", "invitasjon"), _one_letter_inside("nyhetsbrevet", "nyhetsbrev")
    (True, False)
    """
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    return any(long[:i] + long[i + 1 :] == short for i in range(1, len(long) - 1))


def _one_letter_changed(a: str, b: str) -> bool:
    """Whether two words of the same length differ in one letter, neither the first nor the last.

    >>> _one_letter_changed("posetiv", "positiv"), _one_letter_changed("tilsette", "tilsatte"), _one_letter_changed("mangle", "mangel")
    (True, True, False)
    """
    if len(a) != len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


@lru_cache(maxsize=1)
def _vocab_by_length() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for v in vocabulary():
        out.setdefault(len(v), []).append(v)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _vocab_set() -> frozenset[str]:
    return frozenset(vocabulary())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The towns and counties the lexicon reads as a fylke: a name, not a word mistyped ("haldne" ≠ «Halden»)."""
    fylker = (knowledge.lexicon().get("groups") or {}).get("fylke") or []
    return frozenset(str(w) for g in fylker for w in g.get("words") or [])


@lru_cache(maxsize=4096)
def _correct_word(word: str) -> str:
    vocab = vocabulary()
    if word not in vocab and word not in STOPWORDS and re.search(r"aa|oe|ae", word):
        # typed with the old digraphs ("naar", "paa", "foer", "vaere")
        spelled = word.replace("aa", "å").replace("oe", "ø").replace("ae", "æ")
        if spelled in vocab or spelled in known_words() or spelled in STOPWORDS:
            return spelled
    if len(word) < 5 or word in vocab or word in STOPWORDS:  # "nytig", "viktg": five letters are enough
        return word
    if word in known_words():
        return word
    # typed without æ, ø, å ("storste" → "største"): a survey word first, else a word of the report or the
    # language ("fullforte" → "fullførte", "undersokelsen" → "undersøkelsen")
    restored = _with_letters(word, vocab) or _with_letters(word, known_words())
    if restored:
        return restored
    if word[-1] not in "aeiouyæøå" and word + word[-1] in vocab:
        return word + word[-1]  # a double consonant typed single at the end ("ansat" → "ansatt")
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    short = swaps & _vocab_set() - _places() if len(word) < 7 else set()
    if len(short) == 1:  # a short survey word, two letters swapped ("norks" → "norsk"; "haldne" is no «Halden»)
        return short.pop()
    if len(word) >= 7:  # (not "tekne", "førre": short nynorsk words, not typos)
        swapped = (swaps & _vocab_set()) or (swaps & known_words())
        if len(swapped) == 1:
            return swapped.pop()  # two letters typed in the wrong order ("svarprosneten" → "svarprosenten")
        # one letter typed wrong inside a survey word ("posetiv" → "positiv", "negetive" → "negative")
        changed = [v for v in _vocab_by_length().get(len(word), ()) if _one_letter_changed(word, v)]
        if len(changed) == 1:
            return changed[0]
    match = process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=86)
    if not match and len(word) >= 8:
        # a long word of the report with one letter lost or added inside ("invitasjn", "respondentne"; not
        # another ending, "nyhetsbrevet", nor another prefix, "unormale")
        near = process.extractOne(word, known_words(), scorer=fuzz.ratio, score_cutoff=90)
        if near and _one_letter_inside(word, near[0]):
            return near[0]
    if not match and len(word) >= 7:
        # the last letter hit wrong ("kontakr" → "kontakt"), when nothing nearer was found: the one survey word
        # of the same length and start
        ending = [v for v in _vocab_by_length().get(len(word), ()) if v[:-1] == word[:-1]]
        if len(ending) == 1:
            return ending[0]
    if not match:
        return word
    cand = match[0]
    if len(word) >= 7 and match[1] < 90:
        # a word of the report one letter nearer than the survey word found ("fulførte" is «fullførte», not
        # the survey's «fullført»)
        near = process.extractOne(word, known_words(), scorer=fuzz.ratio, score_cutoff=match[1] + 4)
        if near and near[0][0] == word[0] and _one_letter_inside(word, near[0]):
            return near[0]
    # a different first letter or a prefix relation is another word, not a typo: "unyttig" ≠ "nyttig",
    # "mangel" ≠ "mange"
    if cand[0] != word[0]:
        return word
    if cand.startswith(word) or word.startswith(cand):
        # ... but a long word with its last letter lost or doubled is that word ("sykefravære" → "sykefraværet")
        if len(word) < 8 or abs(len(cand) - len(word)) != 1:
            return word
    return cand


def correct_typos(text: str) -> str:
    """Replace unknown long words by their nearest survey word when they are very close ("sykefravar").
    Hyphenated compounds are corrected part by part ("Nelfo-bedriftene" stays a Nelfo word)."""

    pairs = _replacements()[1]

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if (
            "-" in word or "/" in word
        ):  # (a part the lexicon maps, «november-undersokelsen», mapped as a word)
            return re.sub(r"[^-/]+", lambda p: pairs.get(p.group(0)) or _correct_word(p.group(0)), word)
        return _correct_word(word)

    return _WORD.sub(fix, text)


_NYNORSK_PART = {"fråvær": "fravær", "sjukefravær": "sykefravær", "sjukefråvær": "sykefravær", "sjukmeld": "sykmeld",
                 "sjukemeld": "sykemeld", "sjukepeng": "sykepeng"}  # fmt: skip
_NYNORSK_PARTS = re.compile("|".join(sorted(_NYNORSK_PART, key=len, reverse=True)))


def normalize(text: str) -> str:
    """Apply case-sensitive abbreviations, fold case, map nynorsk/colloquial words, fix typos.

    The result is lower-case bokmål close to the report's own vocabulary.
    """
    text = fold(expand_abbreviations(text))
    pattern, pairs = _replacements()
    if pattern is not None:
        text = pattern.sub(lambda m: pairs[m.group(1)], text)
        # a phrase the lexicon lists in bokmål, written with a nynorsk or variant word inside it ("gjentatte
        # korte sykmeldinger", "snakket med legen til den sykmeldte"): once more on the mapped words
        text = pattern.sub(lambda m: pairs[m.group(1)], text)
        # nynorsk inside compounds the lexicon does not list ("langtidssjukefråværet"), what it left
        parts = _NYNORSK_PARTS.sub(lambda m: _NYNORSK_PART[m.group(0)], text)
        corrected = correct_typos(parts)
        if corrected != text:  # a corrected word may itself be a lexicon word
            text = pattern.sub(lambda m: pairs[m.group(1)], corrected)
    else:
        text = correct_typos(text)
    return re.sub(r"\s+", " ", text).strip()


def digest() -> str:
    """A hash of everything `normalize` reads besides its text: the lexicon, the codebook, the published
    labels, the report's and the language's words, this code and the libraries it calls. Texts normalised
    ahead (the build's bank phrasings) are used only while it is unchanged."""
    h = hashlib.sha256()
    kn = knowledge.KNOWLEDGE
    files = [kn / "lexicon.yaml", kn / "codebook.yaml", kn / "report.txt", kn / "words_nb.txt"]
    files += sorted(knowledge.PUBLISHED.glob("*.csv")) + [Path(__file__), Path(knowledge.__file__)]
    for path in files:
        h.update(path.name.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"(missing)")
    h.update(f"rapidfuzz {rapidfuzz.__version__}, unicode {unicodedata.unidata_version}".encode())
    h.update(f"yaml {yaml.__version__} {knowledge.YAML_LOADER.__name__}".encode())
    return h.hexdigest()


# a sentence that asks for nothing of its own: how to answer («trenger eksakt tall», «oppgi kilde») or where
# to look («Hva sier barometeret?»), said beside the question
_FIGURE_WORDS = (
    r"(?:tall|tal|tallet|talet|tallene|tala|prosent|prosenten|prosenttall|kilde|kjelde|kilden|kjelda)"
)
_ASIDE = re.compile(
    r"(?:og |men )?(?:"
    r"(?:hva|kva) (?:sier|seier|viser|syner|finner|fant|fann) (?:arbeidsmiljøbarometeret|barometeret|rapporten|"
    r"undersøkelsen|undersøkinga|tallene|tala|dataene|dere|du|vi)(?: om (?:det|dette|saken|saka))?"
    rf"|(?:jeg |eg |vi |me )?(?:trenger|treng|ønsker|ønskjer|vil ha|må ha|skal ha)(?: et| eit| en| ein)?"
    rf"(?: eksakt| eksakte| nøyaktig| nøyaktige| presist| presise| konkret| konkrete)? {_FIGURE_WORDS}"
    rf"(?: (?:og|med) {_FIGURE_WORDS})?"
    rf"|(?:oppgi|gi|gje|vis|ta med|husk)(?: meg| oss)? (?:kildene|kjeldene|{_FIGURE_WORDS})(?: (?:og|med) {_FIGURE_WORDS})?"
    rf"|(?:med )?{_FIGURE_WORDS}(?: og {_FIGURE_WORDS})?,? (?:takk|please)"
    r"|(?:tusen )?takk(?: på forhånd| for hjelpa| for hjelpen)?"
    r")(?:,? (?:takk|please))?"
    # … and what it is for («trenger tallet til en sak»)
    r"(?: (?:til|for) (?:en |et |ei |eit |min |mitt |mi |vår |vårt |neste )?[\wæøå-]*(?:sak|saka|saken|artikkel|"
    r"artikkelen|pressemelding|pressemeldingen|post|posten|innlegg|innlegget|presentasjon|presentasjonen|kurs|"
    r"kurset|møte|møtet|nyhetsbrev|nyhetsbrevet|rapport|notat|notatet))?\s*[.?!]*"
)


def drop_asides(text: str) -> str:
    """The question without sentences beside it that ask for nothing of their own.

    >>> drop_asides("hvor mange svarte nyttig? trenger eksakt tall")
    'hvor mange svarte nyttig?'
    >>> drop_asides("et medlem spør om tilsyn. hva sier arbeidsmiljøbarometeret?")
    'et medlem spør om tilsyn.'
    >>> drop_asides("hvor mange hadde kontakt med arbeidstilsynet? trenger tallet til en sak.")
    'hvor mange hadde kontakt med arbeidstilsynet?'
    >>> drop_asides("hva sier arbeidsmiljøbarometeret?")
    'hva sier arbeidsmiljøbarometeret?'
    """
    parts = re.split(r"(?<=[.?!])\s+", text.strip())
    kept = [p for p in parts if not _ASIDE.fullmatch(p)]
    return " ".join(kept) if kept and len(kept) < len(parts) else text


def run(turn, ctx) -> None:
    """Step 1: the question in the survey's own words; "Kan jeg skrive at X?" asks about X."""
    from .claims import strip_frame  # claims read the lexicon too: imported when first needed

    turn.text = drop_asides(strip_frame(normalize(turn.raw)))


# a figure, or a judgement of one, and no topic: "tall på dette?", "Er det mye eller lite?", "Gi meg tallet på det"
_NO_TOPIC = frozenset(
    tokens(
        "tall tallet tallene talet tala prosent prosenten andel andelen antall antallet figur dette denne disse desse "
        "mye mykje lite høyt høgt lavt lågt bra dårlig dårleg mange få stort stor liten gi gje meg"
    )
)


def names_nothing(text: str) -> bool:
    """Whether a question's words (stopwords aside) are only figure and judgement words: it names no topic.

    >>> names_nothing("Er det mye eller lite?"), names_nothing("tall på hjemmekontor?")
    (True, False)
    """
    return not set(tokens(text)) - _NO_TOPIC
