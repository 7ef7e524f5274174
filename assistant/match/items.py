"""Which items and answer options of a question the user named (lexicon option words first)."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from .. import knowledge
from ..normalize import fold, tokens
from .words import _key, _label_re, _loose, _word_re, _words, may_match

_NEGATION = re.compile(r"\b(ikke|ikkje|ingen|inga)\b")
_QUOTED = re.compile(r"[«\"']([^»\"']+)[»\"']")  # a part of the question in quotes
# "svarte vet ikke om …", "veit ikkje om …": the answer «Vet ikke», whatever the indirect question names after it
DONT_KNOW = re.compile(
    r"\b(?:(?:vet|veit|visste) (?:ikke|ikkje)|(?:ikke|ikkje) (?:vet|veit|visste)|usikre? på|usikker på|uvisse? på)"
    r" (?:om|hvor|hva|kva|kor|hvordan|korleis)\b"
)


# words that judge or compare (a figure, a group): never alone the name of an item
_JUDGING = frozenset(tokens("bedre verre best beste dårligere dårlegare dårligst høyere lavere større mindre mer meir"))


def _spaced(phrase: str) -> str:
    """An answer phrase as a pattern; «ikke relevant» also said with a verb inside («ikke var relevant»)."""
    head, _sep, rest = phrase.partition(" ")
    if head in ("ikke", "ikkje") and rest:
        return re.escape(head) + r" (?:var |er |vært |har vært |hadde vært )?" + re.escape(rest)
    return re.escape(phrase)


def _first_forms(phrase: str) -> frozenset[str] | None:
    """The forms of an answer phrase's first word that its pattern (`_spaced`, with an -e/-t ending) can
    match whole: the word, and with the ending when the phrase is that word alone (`words.may_match`)."""
    m = re.search(r"[\wæøå]+", phrase)
    if m is None:
        return None
    word = m.group(0)
    return frozenset([word, word + "e", word + "t"] if m.end() == len(phrase) else [word])


# "egen BHT (ikke avtale med ekstern)", "overvekt (altså ikke det aller meste)", "egen BHT, ikke avtale": what is
# set aside is not asked about («ikke relevant» and «ikke aktuelt» are answers, not asides)
SET_ASIDE = re.compile(
    r"\((?:altså |dvs\.? |men )?(?:ikke|ikkje|uten|utan) (?![^)]*\b(?:relevant|aktuelt)\b)[^)]*\)"
    r"|[,–] (?:altså )?(?:ikke|ikkje) (?!bare|berre|kun|er |var |har |hadde |ble |vart )(?![\wæøå -]*\b(?:relevant|aktuelt)\b)[\wæøå -]{1,40}?(?=[?.!)]|$)"
)


# "svarte vet ikke på spørsmålet om … mer støtte": the answer named right after the verb of answering is the
# option asked for, whatever other option the described question names
_ANSWERED = re.compile(
    r"\b(?:svarte|svara|svarer|svart|oppga|oppgav|oppgir|oppgjev|valgte|valde|krysset av for|kryssa av for)"
    r" (?:med |at de |at dei |at )?"
)


def _in_table(names: list[str], avail_fold: dict[str, str]) -> list[str]:
    """The labels the question's table prints for these option names (lexicon `options` values)."""
    return [avail_fold[_loose(x)] for x in names if _loose(x) in avail_fold]


def _negated_words(text: str) -> set[str]:
    """The words a label or question says are absent ("uten veiledning" → {"veiledning"})."""
    return set(tokens(" ".join(re.findall(r"\b(?:uten|utan|ikke|ikkje)\s+([\wæøå-]+)", fold(text)))))


_POPULATION_ASIDE = re.compile(
    r"\((?:også|og|inkludert|inkl\.?|medregnet|regnet med|blant|både|uten|utan|utenom)\b[^()]*\)"
)


def _said_absent(text: str) -> set[str]:
    """Words a question says were absent in other words ("der det ikke var noen veiledning")."""
    return set(
        tokens(
            " ".join(
                re.findall(
                    r"\b(?:ikke|ikkje|ingen|inga|ikkje nokon)\s+(?:(?:var|fikk|fekk|ga|gav|inneholdt|fantes|ble|vart|"
                    r"kom)\s+)?(?:(?:det|der)\s+)?(?:(?:noen|noe|nokon|noko|med)\s+)?([\wæøå-]+)",
                    fold(text),
                )
            )
        )
    )


_SITUATION = re.compile(
    r"\b(?:når|mens|dersom|hvis|om) (?:noen|folk|en|ein|en ansatt|ein tilsett|ansatte|de ansatte|dei tilsette) "
    r"(?:er|var|blir|ble|vart|blei) (?:syke?meldt|syke?meldte|sjukmeld|sjukmelde|sjukemeld)\b|"
    # "… da de fulgte opp sykmeldte", "i oppfølgingen av sykmeldte": the follow-up of sick leave, not the worker
    r"\b(?:da|når|mens) (?:de|dei|vi|me|man|bedriftene|bedriften) (?:fulgte|følger|følgde|skulle følge) opp "
    r"(?:de |dei )?(?:syke?meldte|sjukmelde|sjukemelde)\b|"
    r"\b(?:i|ved|under) (?:oppfølgingen|oppfølging|oppfølginga) av (?:de |dei )?(?:syke?meldte|sjukmelde|sjukemelde)\b"
)


class ItemMatching:
    def _init_items(self, catalogue: list[dict[str, Any]]) -> None:
        # per question, once: the item and option labels the published rows use (looked up per question asked)
        self._items_by_question: dict[str, dict[str, str]] = {}
        self._options_by_question: dict[str, list[str]] = {}
        self._rows_by_question: dict[str, list[dict[str, Any]]] = {}
        for r in catalogue:
            self._rows_by_question.setdefault(r["question_id"], []).append(r)
            if r["item"]:
                self._items_by_question.setdefault(r["question_id"], {}).setdefault(
                    _key(r["item"]), r["item"]
                )
            opts = self._options_by_question.setdefault(r["question_id"], [])
            if r["option"] not in opts:
                opts.append(r["option"])
        for qid, q in self.questions.items():
            opts = self._options_by_question.setdefault(qid, [])
            opts += [o["label"] for o in q.get("options") or [] if o["label"] not in opts]
        lex = knowledge.lexicon()
        self.option_words = {fold(k): v for k, v in (lex.get("options") or {}).items()}
        # "svært lite nyttige" is "svært lite nyttig": adjectives may carry an -e/-t ending
        self._option_res = [
            (p, re.compile(r"(?<![\wæøå])" + _spaced(fold(p)) + r"(?:e|t)?(?![\wæøå])"))
            for p in sorted(self.option_words, key=len, reverse=True)
        ]
        self._option_first = [_first_forms(fold(p)) for p, _pattern in self._option_res]

    def catalogue_rows(self, question_id: str) -> list[dict[str, Any]]:
        """The catalogue's rows of one question, in catalogue order (a new list)."""
        return list(self._rows_by_question.get(question_id, ()))

    def _catalogue_items(self, question_id: str) -> dict[str, str]:
        """Item labels as the published tables print them, keyed by a whitespace-free fold."""
        return self._items_by_question.get(question_id, {})

    def match_items(self, text: str, question_id: str) -> list[str]:
        """Items the user named, as labelled in the published rows (or in the codebook when unpublished)."""
        # "egen BHT, ikke bare avtale med en": what comes after "ikke bare" is not what is asked about
        text = re.sub(r"\b(ikke|ikkje) (bare|kun|berre)\b( [\wæøå-]+){1,3}", " ", text)
        text = SET_ASIDE.sub(" ", text)
        # "… dialogen med fastlegen når noen er sykmeldt": the situation, not the sick-listed employee (an item)
        text = _SITUATION.sub(" ", text)
        q = self.questions.get(question_id) or {}
        published = self._catalogue_items(question_id)
        candidates: list[tuple[str, set[str], set[str]]] = []
        seen: set[str] = set()
        for it in q.get("items") or []:
            label = (
                published.get(_key(it.get("table_label") or ""))
                or published.get(_key(it["label"]))
                or it["label"]
            )
            words = " ".join([it["label"], it.get("table_label") or "", *(it.get("aliases") or [])])
            candidates.append((label, set(tokens(words)), set(tokens(label))))
            seen.add(_key(label))
        for k, label in published.items():
            if k not in seen:
                candidates.append((label, set(tokens(label)), set(tokens(label))))
        # words of the question stem do not tell its items apart; idf is local to this question's items
        stem_tok = set(tokens(q.get("text") or ""))
        qtok = set(tokens(text)) - stem_tok
        df: Counter[str] = Counter()
        for _label, own, _lt in candidates:
            df.update(own)
        n = max(len(candidates), 1)

        def idf(t: str) -> float:
            return math.log(1 + n / df[t]) if df[t] else 0.0

        said_negated = _negated_words(text) | _said_absent(text)
        # words some item's label says are absent («Tilsyn, men uten veiledning»)
        label_negated = set().union(*(_negated_words(label) for label, _o, _t in candidates)) if candidates else set()
        scored = []
        for label, own, label_tok in candidates:
            hits = frozenset(qtok & own)
            if hits and hits <= _negated_words(label) and not hits & said_negated:
                continue  # "veiledningen" does not name «Tilsyn, men uten veiledning»
            if hits & said_negated & label_negated - _negated_words(label):
                continue  # "tilsyn der det ikke var noen veiledning" is not «Tilsyn med veiledning»
            if hits <= _JUDGING:
                continue  # "er det bedre blant de største?" judges a figure; it names no «… et bedre arbeidsmiljø»
            hit = math.fsum(idf(t) for t in hits)
            miss = math.fsum(idf(t) for t in label_tok - qtok - stem_tok)
            if hit > 0:
                scored.append((hit - 0.15 * miss, label, hits, miss))
        if not scored:
            return []
        scored.sort(key=lambda x: -x[0])
        top, _label, top_hits, top_miss = scored[0]
        if top_miss == 0:  # every word of the best item was asked for: that item (and exact ties)
            return [label for sc, label, _h, _m in scored if sc >= top - 1e-9]
        # only words several items share ("tilsynet"): do not pick one of them, keep all they fit equally
        return [label for sc, label, hits, _m in scored if sc >= top - 1e-9 or hits == top_hits]

    def _catalogue_options(self, question_id: str) -> list[str]:
        """Options as the tables print them, then the codebook's own labels."""
        return self._options_by_question.get(question_id, [])

    def match_options(self, text: str, question_id: str | None) -> tuple[list[str], str | None]:
        """Options the user named. Lexicon words ("nyttig" → Nyttig + Svært nyttig) first, longest first."""
        aside = _POPULATION_ASIDE.sub(" ", text)
        if aside != text:
            # "regnet blant alle (også de uten noen på hjemmekontor): … en overvekt av tiden": who counts is said
            # in brackets; the answer asked is named outside them (or not at all)
            return self._match_options(aside, question_id)
        found = self._match_options(text, question_id)
        if not found[0] and re.search(r"[«\"']", text):
            # what is quoted names an item («annen type kontakt»): the answer is named outside the quotes
            found = self._match_options(_QUOTED.sub(" ", text), question_id)
        return found

    def _match_options(self, text: str, question_id: str | None) -> tuple[list[str], str | None]:
        text = SET_ASIDE.sub(" ", text)
        available = self._catalogue_options(question_id) if question_id else []
        avail_fold: dict[str, str] = {}
        for o in available:  # the table's label wins over the codebook's ("… mindre støtte og informasjon")
            avail_fold.setdefault(_loose(o), o)
        quotes = list(_QUOTED.finditer(text))
        quoted = [q.group(1) for q in quotes]
        exact: list[str] = []
        for q in quotes:  # "bare «nyttig», ikke «svært nyttig»": the options quoted, but not those negated
            label = avail_fold.get(_loose(q.group(1)))
            if (
                label
                and label not in exact
                and not _NEGATION.search(" ".join(text[: q.start()].split()[-2:]))
            ):
                exact.append(label)
        if exact:  # an option quoted as printed («nyttig») is that option alone
            return exact, None
        search = " ".join(quoted) if quoted else text
        # a long label written out ("overvekt av tiden på hjemmekontor") is that option, before any shorter
        # lexicon phrase inside it ("ansatte på hjemmekontor")
        loose_search = _loose(search)
        verbatim = sorted(
            (o for f, o in avail_fold.items() if len(f) >= 15 and _label_re(f).search(loose_search)),
            key=len,
            reverse=True,
        )
        before = " ".join(loose_search[: loose_search.find(_loose(verbatim[0]))].split()[-4:]) if verbatim else ""
        # ("mest eller en overvekt av tiden på hjemmekontor": that answer and another, merged, below)
        if verbatim and not _NEGATION.search(before) and not re.search(r"\beller( en| ei| et)?$", before):
            return [verbatim[0]], None
        answered = self._answered_option(search, avail_fold)
        if answered:
            return answered
        unknown = DONT_KNOW.search(search)
        if (
            unknown
        ):  # "vet ikke om de fikk mer eller mindre støtte": what they do not know is no answer of its own
            labels = _in_table(self.option_words.get("vet ikke", []), avail_fold)
            if labels:
                return labels, "vet ikke"
        words = _words(search)
        for (phrase, pattern), first in zip(self._option_res, self._option_first, strict=True):
            if not may_match(first, words):
                continue  # no hit (as pattern.search would find), cheaply
            hit = pattern.search(search)
            if (
                hit
                and not _NEGATION.search(phrase)
                # (within the sentence: "… fikk ikke tilsyn. Hvor nyttig …" negates nothing of «nyttig»)
                and _NEGATION.search(" ".join(re.split(r"[.!?:]\s", search[: hit.start()])[-1].split()[-4:]))
            ):
                # "ikke har noen ansatte på hjemmekontor" is not «Har ansatte på hjemmekontor»; "syntes ikke at
                # den var nyttig" is the lexicon's "ikke nyttig"
                negated = self.option_words.get(f"ikke {phrase}") or []
                labels = _in_table(negated, avail_fold)
                if labels:
                    return labels, f"ikke {phrase}"
                continue
            if hit:
                labels = _in_table(self.option_words[phrase], avail_fold)
                # "nyttig og svært nyttig": a shorter word of the same answer, said on its own elsewhere, too
                for shorter, spattern in self._option_res:
                    if len(shorter) < len(phrase) and shorter in phrase:
                        outside = search[: hit.start()] + " | " + search[hit.end() :]
                        if spattern.search(outside):
                            more = _in_table(self.option_words[shorter], avail_fold)
                            labels += [x for x in more if x not in labels]
                if labels:
                    # a merged category printed as such in a table ("Nyttig" = nyttig + svært nyttig)
                    return labels, phrase
        # the codebook's own aliases of this question's options ("legen", "den som sykemelder")
        aliased = []
        for o in (self.questions.get(question_id or "") or {}).get("options") or []:
            if not isinstance(o, dict) or not o.get("aliases"):
                continue
            label = avail_fold.get(_loose(str(o.get("label") or "")))
            found = (_word_re(a).search(search) for a in o["aliases"])
            # ("overvekt av tiden på kontoret, men ikke nesten hele tiden på kontoret": the answer said not to be
            # meant is not named)
            hits = [m.start() for m in found if m and not _NEGATION.search(" ".join(search[: m.start()].split()[-3:]))]
            if label and hits:
                aliased.append((min(hits), label))
        if aliased:  # the answer named first is the head ("legen til den sykemeldte" is the doctor)
            return [min(aliased)[1]], None
        # direct match against the option labels of this question
        qtok = set(tokens(search))
        whole = set(tokens(text))  # what is quoted is told apart by the rest («overvekt av tiden» i lokalene)
        said = qtok | whole
        option_tokens = {
            o: set(tokens(o.replace("(sum)", ""))) for o in available
        }  # a merged row is its words
        shared: Counter[str] = Counter(t for toks in option_tokens.values() for t in toks)
        best: list[tuple[float, str]] = []
        negated = bool(re.search(r"\b(ikke|ingen|uten)\b", search))
        for o, otok in option_tokens.items():
            if not otok:
                continue
            if bool(re.search(r"\b(ikke|ingen|uten)\b", fold(o))) != negated:
                continue  # "ikke" is a stopword for matching, but «Har ikke ansatte …» is the opposite answer
            cover = math.fsum(self._idf(t) for t in otok & qtok) / math.fsum(self._idf(t) for t in otok)
            # the words that tell this option from its siblings must be there ("hjemmekontor" vs "lokaler")
            own = {t for t in otok if shared[t] == 1}
            if own and not own & said:
                continue
            context = math.fsum(self._idf(t) for t in otok & whole) / math.fsum(self._idf(t) for t in otok)
            if cover >= 0.99 or (cover > 0 and max(cover, context) >= 0.6 and len(otok) >= 3):
                best.append((cover, context, o))
        best.sort(key=lambda x: (x[0] < 0.99, -x[1], -x[0]))
        return ([best[0][2]], None) if best else ([], None)

    def _answered_option(self, search: str, avail_fold: dict[str, str]) -> tuple[list[str], str] | None:
        """The lexicon answer phrase standing right after a verb of answering («svarte vet ikke på …»)."""
        for m in _ANSWERED.finditer(search):
            after = search[m.end() :]
            words = _words(after)
            for (phrase, pattern), first in zip(self._option_res, self._option_first, strict=True):
                if not may_match(first, words):
                    continue
                hit = pattern.search(after)
                if hit is None or hit.start() > 1:
                    continue
                labels = _in_table(self.option_words[phrase], avail_fold)
                if labels:
                    return labels, phrase
        return None

    def item_words(self, question_id: str) -> dict[str, set[str]]:
        """Per item of a question (its table label where published): the words that tell it from its
        siblings — its label, table label and aliases, without the words every item or the stem shares."""
        q = self.questions.get(question_id) or {}
        published = self._catalogue_items(question_id)
        stem = set(tokens(q.get("text") or ""))
        out: dict[str, set[str]] = {}
        for it in q.get("items") or []:
            label = (
                published.get(_key(it.get("table_label") or ""))
                or published.get(_key(it["label"]))
                or it["label"]
            )
            words = " ".join([it["label"], it.get("table_label") or "", *(it.get("aliases") or [])])
            out[label] = set(tokens(words)) - stem
        shared = set.intersection(*out.values()) if len(out) > 1 else set()
        return {label: words - shared for label, words in out.items()}

    def option_phrase(self, text: str) -> str | None:
        """The first answer-option word of the lexicon the text uses ("nyttig", "stor grad"), if any."""
        words = _words(text)
        for (phrase, pattern), first in zip(self._option_res, self._option_first, strict=True):
            if may_match(first, words) and pattern.search(text):
                return phrase
        return None
