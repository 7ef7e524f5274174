"""Matching a normalised question against what the survey knows: codebook questions and items (lexical +
dense), answer options, groups (size, landsforening, fylke) and waves. Used by `understand` and `followup`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import knowledge
from .bank import Bank, locate
from .normalize import fold, normalize, tokens, vocabulary
from .rank import Ranker
from .report import figure_refs
from .types import Passage

BANK_TEMPERATURE = 0.02  # cosine similarities of e5 lie close together: a sharp softmax over the nearest

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
    return re.sub(r"^[…\.\s]+", "", fold(label))


def _first_word(phrase: str) -> str:
    found = re.findall(r"[\wæøå]+", fold(phrase))
    return found[0] if found else ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\wæøå]+", text))


def _word_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\wæøå])" + re.escape(fold(phrase)) + r"(?![\wæøå])")


def _key(label: str) -> str:
    return re.sub(r"\s+", "", fold(label))


@dataclass
class Target:
    question_id: str
    item: str | None
    tokens: Counter[str]
    row: int
    item_tokens: frozenset[str] = frozenset()


class Matcher:
    """Holds the codebook match targets (with their vectors) and the catalogue of published rows."""

    def __init__(
        self,
        targets: list[dict[str, Any]],
        tvecs: np.ndarray | None,
        catalogue: list[dict[str, Any]],
        bank: Bank | None = None,
        bvecs: np.ndarray | None = None,
        ranker: Ranker | None = None,
    ):
        self.targets = [
            Target(
                t["question_id"],
                t["item"],
                Counter(tokens(t["text"])),
                i,
                frozenset(tokens(t["item"])) if t["item"] else frozenset(),
            )
            for i, t in enumerate(targets)
        ]
        self.tvecs = tvecs if tvecs is not None and len(tvecs) == len(targets) else None
        self.catalogue = catalogue
        self.bank = bank or Bank()
        self.bvecs = bvecs if bvecs is not None and len(bvecs) == len(self.bank.phrasings) else None
        self.ranker = ranker or Ranker.load()
        # per bank target: its codebook question (given, or inferred for a report statement) and, for a
        # statement, the passage and sentence(s) that hold it
        self.target_qid: list[str | None] = [t.question_id for t in self.bank.targets]
        self.statements: dict[int, tuple[int, str]] = {}
        inverted: dict[str, list[int]] = {}
        for j, p in enumerate(self.bank.phrasings):
            for tok in sorted(set(tokens(p.norm))):
                inverted.setdefault(tok, []).append(j)
        self._bank_inverted = {tok: np.array(ids) for tok, ids in inverted.items()}
        self._index_bank_questions()
        self.questions = {q["id"]: q for q in knowledge.questions()}
        # per question, once: the item and option labels the published rows use (looked up per question asked)
        self._items_by_question: dict[str, dict[str, str]] = {}
        self._options_by_question: dict[str, list[str]] = {}
        for r in catalogue:
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
        df: Counter[str] = Counter()
        for t in self.targets:
            df.update(set(t.tokens))
        n = len(self.targets)
        self.idf = {tok: math.log(1 + n / c) for tok, c in df.items()}
        self.default_idf = math.log(1 + n)
        lex = knowledge.lexicon()
        self.groups = lex.get("groups") or {}
        self.option_words = {fold(k): v for k, v in (lex.get("options") or {}).items()}
        self.wave_words = {w: [fold(x) for x in words] for w, words in (lex.get("waves") or {}).items()}
        self.out_of_scope = lex.get("out_of_scope") or []
        self._oos = [
            (_word_re(w), entry.get("why"))
            for entry in self.out_of_scope
            for w in entry.get("words") or []
            if w
        ]
        self._wave_res = {
            w: [_word_re(x) for x in sorted(words, key=len, reverse=True)]
            for w, words in self.wave_words.items()
        }
        # "svært lite nyttige" is "svært lite nyttig": adjectives may carry an -e/-t ending
        self._option_res = [
            (p, re.compile(r"(?<![\wæøå])" + re.escape(fold(p)) + r"(?:e|t)?(?![\wæøå])"))
            for p in sorted(self.option_words, key=len, reverse=True)
        ]
        self._group_res: list[tuple[re.Pattern[str], int, str, str, str]] = []
        for dim in ("landsforening", "fylke", "storrelse"):
            for g in self.groups.get(dim) or []:
                key = g.get("canonical") or g.get("key")
                for w in dict.fromkeys([*(g.get("words") or []), g.get("canonical") or ""]):  # fixed order
                    if not w:
                        continue
                    pattern = r"(?<![\wæøå])" + re.escape(fold(w)) + r"(?![\wæøå])"
                    if dim == "storrelse" and not re.search(
                        r"\d|bedrift|virksomhet|foretak|ansatt|årsverk", w
                    ):
                        # "de største" is a size group only about companies, not in "de største utfordringene"
                        pattern = (
                            pattern
                            + r"(?:\s+\S+){0,2}?\s*(bedrift|virksomhet|foretak|arbeidsgiver)|"
                            + pattern
                            + r"\s*[?.!]?$"
                        )
                    self._group_res.append((re.compile(pattern), len(w), dim, key, _first_word(w)))
        self.known_words = {fold(w) for w in vocabulary()} | set(_KNOWN_NAMES)
        for dim in self.groups.values():
            for g in dim:
                for w in [*(g.get("words") or []), g.get("canonical") or ""]:
                    self.known_words.update(re.findall(r"[\wæøå]+", fold(w)))
        for src in lex.get("abbreviations_case_sensitive") or {}:
            self.known_words.add(fold(str(src)))

    # ------------------------------------------------------------------ helpers
    def _idf(self, tok: str) -> float:
        return self.idf.get(tok, self.default_idf)

    def attach_statements(self, passages: list[Passage]) -> None:
        """Locate every statement target in the report and infer the codebook question it is about: the one
        question published in the statement's section (or named by its figure), else the clearly best
        lexical match among that section's questions."""
        for t, target in enumerate(self.bank.targets):
            if not target.quote:
                continue
            found = locate(target.quote, passages)
            if found is None:
                continue
            pid, sentence = found
            self.statements[t] = found
            if target.question_id or target.route != "text":
                continue
            p = passages[pid]
            in_section = [
                q for q, info in self.questions.items() if str(info.get("section") or "") == p.section
            ]
            refs = set(figure_refs(sentence)) or set(p.figures)
            named = [q for q in in_section if refs & set(self.questions[q].get("published_in") or [])]
            pool = named if named else in_section
            if len(pool) == 1:
                self.target_qid[t] = pool[0]
            elif pool:
                scores = self._codebook_scores(strip_numbers(sentence), None)
                ranked = sorted(((scores.get(q, (0.0, 0.0))[0], q) for q in pool), reverse=True)
                if ranked[0][0] >= 0.3 and ranked[0][0] - ranked[1][0] >= 0.15:
                    self.target_qid[t] = ranked[0][1]
        self._index_bank_questions()

    def _index_bank_questions(self) -> None:
        """Per phrasing, the position of its target's question in `_qid_names` (-1 when it has none)."""
        self._qid_names = sorted({q for q in self.target_qid if q})
        pos = {q: i for i, q in enumerate(self._qid_names)}
        self._bank_qidx = np.array(
            [pos.get(self.target_qid[p.target] or "", -1) for p in self.bank.phrasings], dtype=int
        )

    def bank_votes(self, qvec: np.ndarray | None, exclude: int | None = None, k: int = 8) -> dict[int, float]:
        """Bank targets voted for by the phrasings nearest to the question (dense, query-to-query): a
        similarity-weighted share of the k nearest, summing to 1. `exclude` leaves one phrasing out (fitting)."""
        if qvec is None or self.bvecs is None or not len(self.bvecs):
            return {}
        sims = self.bvecs @ qvec
        if exclude is not None:
            sims[exclude] = -1.0
        top = np.argpartition(-sims, min(k, len(sims) - 1))[:k]
        weights = np.exp((sims[top] - sims[top].max()) / BANK_TEMPERATURE)
        votes: dict[int, float] = {}
        for j, w in zip(top.tolist(), weights.tolist(), strict=True):
            t = self.bank.phrasings[j].target
            votes[t] = votes.get(t, 0.0) + w
        total = math.fsum(votes.values())
        return {t: v / total for t, v in votes.items()}

    def match_questions(
        self,
        text: str,
        qvec: np.ndarray | None,
        exclude: int | None = None,
        votes: dict[int, float] | None = None,
    ) -> list[tuple[str, float, float]]:
        """(question_id, calibrated probability that this is the question asked, lexical coverage), best first.

        The ranker combines the wording's match with the codebook (lexical and dense) and the question bank's
        vote (the nearest user phrasings); its weights are fitted (`python -m assistant fit`)."""
        feats = self.question_features(text, qvec, exclude, votes)
        scored = [(qid, self.ranker.probability(f), f[1]) for qid, f in feats.items()]
        return sorted(scored, key=lambda x: (-x[1], x[0]))

    def question_features(
        self,
        text: str,
        qvec: np.ndarray | None,
        exclude: int | None = None,
        votes: dict[int, float] | None = None,
    ) -> dict[str, list[float]]:
        """Per codebook question: [codebook score, lexical coverage, bank vote, nearest bank phrasing,
        bank lexical overlap] (see `rank.FEATURES`)."""
        base = self._codebook_scores(text, qvec)
        if not base:
            return {}
        if votes is None:
            votes = self.bank_votes(qvec, exclude)
        vote_q: dict[str, float] = {}
        for t, v in votes.items():
            qid = self.target_qid[t]
            if qid:
                vote_q[qid] = vote_q.get(qid, 0.0) + v
        qtok = sorted(set(tokens(text)))  # a fixed order: the same float sums whatever the hash seed
        total = math.fsum(self._idf(t) for t in qtok) or 1.0
        n_q = len(self._qid_names)
        mass = np.zeros(len(self._bank_qidx))
        for t in qtok:
            ids = self._bank_inverted.get(t)
            if ids is not None:
                mass[ids] += self._idf(t)
        near = np.full(n_q, 0.8)
        overlap = np.zeros(n_q)
        keep = self._bank_qidx >= 0
        if exclude is not None:
            keep = keep.copy()
            keep[exclude] = False
        np.maximum.at(overlap, self._bank_qidx[keep], mass[keep] / total)
        if self.bvecs is not None and qvec is not None:
            np.maximum.at(near, self._bank_qidx[keep], (self.bvecs @ qvec)[keep])
        pos = {qid: i for i, qid in enumerate(self._qid_names)}
        out = {}
        for qid, (score, lex) in base.items():
            i = pos.get(qid)
            bank_near = (float(near[i]) - 0.8) * 5 if i is not None else 0.0
            bank_lex = float(overlap[i]) if i is not None else 0.0
            out[qid] = [score, lex, vote_q.get(qid, 0.0), max(bank_near, 0.0), bank_lex]
        return out

    def _codebook_scores(self, text: str, qvec: np.ndarray | None) -> dict[str, tuple[float, float]]:
        """Per question: (the wording's fused lexical + dense score against its codebook targets, coverage)."""
        qtok = tokens(text)
        if not qtok and qvec is None:
            return {}
        total = math.fsum(self._idf(t) for t in set(qtok)) or 1.0
        best: dict[str, tuple[float, float]] = {}
        dense = self.tvecs @ qvec if (self.tvecs is not None and qvec is not None) else None
        for t in self.targets:
            mass = math.fsum(self._idf(tok) for tok in set(qtok) if tok in t.tokens)
            # a few common words ("ansatte") fully covered are weak evidence: scale by the matched mass
            lex = mass / total * min(1.0, mass / 3.0)
            d = float(dense[t.row]) if dense is not None else 0.0
            dn = max((d - 0.78) / 0.12, 0.0)  # not capped above: breaks ties between full lexical matches
            score = 0.65 * lex + 0.35 * dn if dense is not None else lex
            if len(t.item_tokens) >= 2 and t.item_tokens <= set(qtok):
                score += 0.15  # every word of an item is asked about ("oppfølging av sykefravær")
            if self.questions.get(t.question_id, {}).get("theme") == "bakgrunn" and lex < 0.8:
                score *= 0.6  # background questions (size, HR) only on their own words, not on "ansatte"
            prev = best.get(t.question_id)
            if prev is None or score > prev[0]:
                best[t.question_id] = (score, lex)
        return best

    def _catalogue_items(self, question_id: str) -> dict[str, str]:
        """Item labels as the published tables print them, keyed by a whitespace-free fold."""
        return self._items_by_question.get(question_id, {})

    def match_items(self, text: str, question_id: str) -> list[str]:
        """Items the user named, as labelled in the published rows (or in the codebook when unpublished)."""
        # "egen BHT, ikke bare avtale med en": what comes after "ikke bare" is not what is asked about
        text = re.sub(r"\b(ikke|ikkje) (bare|kun|berre)\b( [\wæøå-]+){1,3}", " ", text)
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

        scored = []
        for label, own, label_tok in candidates:
            hits = frozenset(qtok & own)
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
        available = self._catalogue_options(question_id) if question_id else []
        avail_fold: dict[str, str] = {}
        for o in available:  # the table's label wins over the codebook's ("… mindre støtte og informasjon")
            avail_fold.setdefault(_loose(o), o)
        quoted = re.findall(r"[«\"']([^»\"']+)[»\"']", text)
        exact = [avail_fold[_loose(x)] for x in quoted if _loose(x) in avail_fold]
        if exact:  # an option quoted as printed («nyttig») is that option alone
            return exact, None
        search = " ".join(quoted) if quoted else text
        for phrase, pattern in self._option_res:
            if pattern.search(search):
                labels = [avail_fold[_loose(x)] for x in self.option_words[phrase] if _loose(x) in avail_fold]
                if labels:
                    # a merged category printed as such in a table ("Nyttig" = nyttig + svært nyttig)
                    return labels, phrase
        # direct match against the option labels of this question
        qtok = set(tokens(search))
        option_tokens = {o: set(tokens(o.replace("(sum)", ""))) for o in available}  # a merged row is its words
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
            if own and not own & qtok:
                continue
            if cover >= 0.99 or (cover >= 0.6 and len(otok) >= 3):
                best.append((cover, o))
        best.sort(key=lambda x: -x[0])
        return ([best[0][1]], None) if best else ([], None)

    def item_words(self, question_id: str) -> dict[str, set[str]]:
        """Per item of a question (its table label where published): the words that tell it from its
        siblings — its label, table label and aliases, without the words every item or the stem shares."""
        q = self.questions.get(question_id) or {}
        published = self._catalogue_items(question_id)
        stem = set(tokens(q.get("text") or ""))
        out: dict[str, set[str]] = {}
        for it in q.get("items") or []:
            label = published.get(_key(it.get("table_label") or "")) or published.get(_key(it["label"])) or it["label"]
            words = " ".join([it["label"], it.get("table_label") or "", *(it.get("aliases") or [])])
            out[label] = set(tokens(words)) - stem
        shared = set.intersection(*out.values()) if len(out) > 1 else set()
        return {label: words - shared for label, words in out.items()}

    def option_phrase(self, text: str) -> str | None:
        """The first answer-option word of the lexicon the text uses ("nyttig", "stor grad"), if any."""
        for phrase, pattern in self._option_res:
            if pattern.search(text):
                return phrase
        return None

    def match_group(self, text: str) -> tuple[str | None, str | None]:
        """(group_dim, key): size key from the lexicon (or 'min-max'), or the canonical landsforening/fylke."""
        m = re.search(r"(\d+)\s*(?:-|til)\s*(\d+)\s*(ansatte|årsverk)", text)
        if m:
            return "storrelse", f"{int(m.group(1))}-{int(m.group(2))}"
        m = re.search(
            r"(\d+)\s*(?:\+|eller flere|eller mer)|(?:over|flere enn|mer enn) (\d+) (ansatte|årsverk)", text
        )
        if m:
            lo = int(m.group(1) or m.group(2))
            return "storrelse", f"{lo}-"
        m = re.search(r"\b(?:under|færre enn|mindre enn|opp til|inntil) (\d+) (?:ansatte|årsverk|tilsette)", text)
        if m:  # "under 10 årsverk": the bands below
            return "storrelse", f"1-{int(m.group(1)) - 1}"
        m = re.search(r"\b(\d+) (ansatte|ansatt|årsverk|tilsette)\b", text)
        if m:  # "en liten bedrift med 5 ansatte": the band that holds 5
            return "storrelse", f"{int(m.group(1))}-{int(m.group(1))}"
        words = _words(text)
        hits = [
            (n, dim, key)
            for pattern, n, dim, key, first in self._group_res
            if first in words and pattern.search(text)
        ]
        if hits:
            hits.sort(key=lambda h: -h[0])
            return hits[0][1], hits[0][2]
        if re.search(r"landsforening|bransje", text):
            return "landsforening", None
        if re.search(r"\bfylke|\bregion|landsdel", text):
            return "fylke", None
        if re.search(r"størrelse|antall ansatte|årsverk|store og små|små og store", text):
            return "storrelse", None
        return None, None

    def match_size_groups(self, text: str) -> list[str]:
        """Every size group named, in the order named ("mellomstore … enn de minste" → medium, smallest);
        a longer phrase wins over the words inside it."""
        spans: list[tuple[int, int, str]] = []
        for m in re.finditer(r"(\d+)\s*(?:-|til)\s*(\d+)\s*(?:ansatte|årsverk)?", text):
            spans.append((m.start(), m.end(), f"{int(m.group(1))}-{int(m.group(2))}"))
        for m in re.finditer(
            r"(\d+)\s*(?:\+|eller flere|eller mer)|(?:over|flere enn|mer enn) (\d+) (?:ansatte|årsverk)", text
        ):
            spans.append((m.start(), m.end(), f"{int(m.group(1) or m.group(2))}-"))
        words = _words(text)
        for pattern, _n, dim, key, first in self._group_res:
            if dim == "storrelse" and first in words:
                spans += [(m.start(), m.end(), key) for m in pattern.finditer(text)]
        if spans and re.search(r"\b(og|eller|enn|mot|kontra|versus|vs)\b", text):
            # "de minste og de største bedriftene": the first group's noun is left out
            for g in self.groups.get("storrelse") or []:
                for w in g.get("words") or []:
                    if not re.search(r"\d", w):
                        spans += [(m.start(), m.end(), g["key"]) for m in _word_re(w).finditer(text)]
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        keys: list[str] = []
        end = -1
        for start, stop, key in spans:
            if start < end:
                continue  # inside a longer phrase already taken
            end = stop
            if key not in keys:
                keys.append(key)
        return keys

    def match_named_groups(self, text: str, dim: str) -> list[str]:
        """Every landsforening or fylke named ("Oslo og Viken"), as canonical names, in the order named."""
        words = _words(text)
        found: list[tuple[int, str]] = []
        for pattern, _n, d, key, first in self._group_res:
            if d == dim and first in words:
                m = pattern.search(text)
                if m:
                    found.append((m.start(), key))
        out: list[str] = []
        for _pos, key in sorted(found):
            if key not in out:
                out.append(key)
        return out

    def match_wave(self, text: str) -> list[str]:
        return [wave for wave, patterns in self._wave_res.items() if any(p.search(text) for p in patterns)]

    def strip_slots(self, text: str) -> str:
        text = re.sub(_NUMERIC_GROUP, " ", text)
        words = _words(text)
        for pattern, _n, _dim, _key, first in self._group_res:
            if first in words:  # only phrases whose first word occurs can match: skip the rest cheaply
                text = pattern.sub(" ", text)
        for patterns in self._wave_res.values():
            for p in patterns:
                text = p.sub(" ", text)
        return re.sub(r"\s+", " ", text).strip()

    def company_name(self, raw: str) -> str | None:
        """A capitalised word the survey does not know, asked about as a company ("Hva svarte Equinor?")."""
        words = re.findall(r"[A-Za-zÆØÅæøå][\wæøåÆØÅ&.-]*", raw)
        for i, w in enumerate(words):
            if i == 0 or not w[0].isupper() or w.isupper():
                continue
            f = fold(w).strip(".")
            parts = {f, f.rstrip("s"), *f.split("-")}
            # a word the lexicon rewrites (nynorsk, synonym, typo) is known to the survey, not a name
            if parts & self.known_words or len(f) < 3 or normalize(f) != f:
                continue
            if re.search(r"\b(svarte|svart|mener|syns|sa|rapporterte|gjorde)\b", fold(raw)) or re.search(
                r"\b(as|asa)\b", fold(raw)
            ):
                return w
        return None

    def size_band(self, key: str) -> tuple[int, int | None] | None:
        if re.fullmatch(r"\d+-\d*", key):
            lo, hi = key.split("-")
            return int(lo), (int(hi) if hi else None)
        for g in self.groups.get("storrelse") or []:
            if g.get("key") == key:
                return int(g.get("min") or 1), (int(g["max"]) if g.get("max") is not None else None)
        return None
