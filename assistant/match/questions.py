"""Matching a question against the codebook's questions and items: lexical coverage and e5 vectors per
target, combined with the question bank's evidence by the fitted ranker (`rank.Ranker`)."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from .. import knowledge
from ..normalize import tokens
from ..rank import Ranker
from .words import joined

_SCALES: dict[str, Any] = knowledge.lexicon().get("scales") or {}
_SCALE_WORDS = {name: [re.compile(w) for w in s.get("words", [])] for name, s in _SCALES.items()}
_SCALE_ANY = {name: joined(words) for name, words in _SCALE_WORDS.items()}  # one search a scale


# words that frame a question (a ranking, a breakdown by group, whose members) rather than name its topic:
# "hvilken størrelsesgruppe har høyest andel med BHT?" is about BHT agreements
_FRAME = frozenset(
    tokens(
        "høyest høgast lavest lågast flest færrest størst minst mest best dårligst rangert rangering "
        "størrelsesgruppe størrelsesgrupper storleiksgruppe landsforening landsforeninger landsforeininga "
        "fylke fylker fylka nho medlemsbedrifter medlemsbedriftene "
        "forskjell forskjellen forskjellar forskjeller variere varierer variasjon sammenlignet sammenliknet "
        "samanlikna kontra gjelder gjeld oftere oftest oftast sjeldnere hyppigere "
        # how common something is asks for its share («er det vanlig å ha hjemmekontor?»)
        "vanlig vanlige vanleg vanlege vanlegt normalt normal vanligst vanligste vanlegast "
        # a verb's infinitive and a time phrase's noun say nothing of the topic («å ha vært», «i løpet av 2021»)
        "ha løpet "
        # the base of a figure named by what it shows («hvor mange ligger bak figuren om …»)
        "tallene tala figuren resultatene prosentene bygger byggjer basert bygd ligger ligg bak grunnlaget"
    )
)


def topic_words(text: str) -> list[str]:
    """The question's content tokens without the words that frame it (`_FRAME`)."""
    return [t for t in tokens(text) if t not in _FRAME]


def scales_named(text: str) -> set[str]:
    """Every answer scale whose words a (normalised) text uses (lexicon `scales`), yes/no included."""
    return {name for name, any_word in _SCALE_ANY.items() if any_word.search(text)}


def _scales(questions: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Each codebook question's answer scale, read off its options' labels (lexicon `scales`)."""
    out = {}
    for qid, q in questions.items():
        labels = [
            str(o.get("label", "") if isinstance(o, dict) else o).lower() for o in q.get("options") or []
        ]
        for name, s in _SCALES.items():
            marks = [m.lower() for m in s.get("options", [])]
            if (
                name == "yesno"
            ):  # answered Ja / Nei, or "har din bedrift hatt …" ticked for each of its options
                hit = {"ja", "nei"} <= set(labels) or bool(
                    re.search(r"\bhar din bedrift\b.*\bhatt\b", str(q.get("text") or "").lower())
                )
            else:  # a scale has levels: two labels or more carry its word ("Nyttig", "Svært nyttig")
                hit = sum(any(m in lab for m in marks) for lab in labels) >= 2
            if hit:
                out[qid] = name
                break
    return out


@dataclass
class Target:
    question_id: str
    item: str | None
    tokens: Counter[str]
    row: int
    item_tokens: frozenset[str] = frozenset()


class QuestionMatching:
    """Codebook targets (one per question and per item) with their vectors; the ranker's probabilities."""

    def _init_questions(
        self, targets: list[dict[str, Any]], tvecs: np.ndarray | None, ranker: Ranker | None
    ) -> None:
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
        self.ranker = ranker or Ranker.load()
        df: Counter[str] = Counter()
        for t in self.targets:
            df.update(set(t.tokens))
        self._scales = _scales(self.questions)
        n = len(self.targets)
        self.idf = {tok: math.log(1 + n / c) for tok, c in df.items()}
        self.default_idf = math.log(1 + n)

    def _idf(self, tok: str) -> float:
        return self.idf.get(tok, self.default_idf)

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
        bank lexical overlap, answer scale agreement] (see `rank.FEATURES`)."""
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
        qtok = sorted(set(topic_words(text)))  # a fixed order: the same float sums whatever the hash seed
        total = math.fsum(self._idf(t) for t in qtok) or 1.0
        n_q = len(self._qid_names)
        mass = np.zeros(len(self._bank_qidx))
        for t in qtok:
            ids = self._bank_inverted.get(t)
            if ids is not None:
                mass[ids] += self._idf(t)
        near = np.full(n_q, 0.8)
        overlap = np.zeros(n_q)
        if exclude is None:
            self.bank_max(overlap, mass / total)
            if self.bvecs is not None and qvec is not None:
                self.bank_max(near, self.bank_similarities(qvec))
        else:  # fitting: one phrasing left out
            keep = self._bank_qidx >= 0
            keep[exclude] = False
            np.maximum.at(overlap, self._bank_qidx[keep], mass[keep] / total)
            if self.bvecs is not None and qvec is not None:
                np.maximum.at(near, self._bank_qidx[keep], (self.bvecs @ qvec)[keep])
        pos = {qid: i for i, qid in enumerate(self._qid_names)}
        asked = self.asked_scales(text)
        out = {}
        for qid, (score, lex) in base.items():
            i = pos.get(qid)
            bank_near = (float(near[i]) - 0.8) * 5 if i is not None else 0.0
            bank_lex = float(overlap[i]) if i is not None else 0.0
            scale = (1.0 if self._scales.get(qid) in asked else -1.0) if asked else 0.0
            out[qid] = [score, lex, vote_q.get(qid, 0.0), max(bank_near, 0.0), bank_lex, scale]
        return out

    def asked_scales(self, text: str) -> set[str]:
        """The answer scales the question's words ask for ("hvor nyttig" → useful); yes/no words only when
        no rating scale is named."""
        # "(altså hadde dialog med dem, ikke hvor nyttig det var)": a scale said not to be asked
        text = re.sub(
            r"\b(?:ikke|ikkje|ikke om|ikkje om) (?:hvor|kor|hvordan|korleis) (?:nyttig|nytta|nyttige|viktig|viktige|godt|bra)\w*"
            r"(?: (?:det|den|de|dei) (?:var|er))?",
            " ",
            text,
        )
        found = scales_named(text) | self._option_scales(text)
        return found - {"yesno"} if len(found) > 1 else found

    def _option_scales(self, text: str) -> set[str]:
        """The scales whose answers the text names by their label ("andel «verken/eller» om annen kontakt"):
        labels found only among rating scales (not «Vet ikke», which every kind of question has)."""
        return {sc for pattern, scales in self._label_scales.items() if pattern.search(text) for sc in scales}

    @cached_property
    def _label_scales(self) -> dict[re.Pattern[str], set[str]]:
        """Each answer label of a rating scale, as a pattern, with the scales it belongs to."""
        by_label: dict[str, set[str | None]] = {}
        for qid, q in self.questions.items():
            for o in q.get("options") or []:
                label = str(o.get("label", "") if isinstance(o, dict) else o).lower()
                by_label.setdefault(label, set()).add(self._scales.get(qid))
        unscaled = [lab for lab, scales in by_label.items() if None in scales or "yesno" in scales]
        return {
            re.compile(rf"(?<![\wæøå]){re.escape(label)}(?![\wæøå])"): {sc for sc in scales if sc}
            for label, scales in by_label.items()
            if len(label) >= 5
            and scales - {None}
            and "yesno" not in scales | scales_named(label)
            and not any(label in lab for lab in unscaled if lab != label)
        }  # («Har ikke hatt kontakt» names contact, a yes/no question's word, whatever its own scale; «ikke
        # relevant» is part of «Vet ikke / ikke relevant», an answer of a question without a scale)

    def _codebook_scores(self, text: str, qvec: np.ndarray | None) -> dict[str, tuple[float, float]]:
        """Per question: (the wording's fused lexical + dense score against its codebook targets, coverage)."""
        qtok = topic_words(text)
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
