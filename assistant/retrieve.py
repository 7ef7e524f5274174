"""Retrieval over report passages and questionnaire entries: BM25 on stemmed Norwegian plus dense
vectors, fused by reciprocal rank. The index is built by `build` and loaded from disk."""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import bm25s
import numpy as np

from .normalize import tokens
from .types import Passage

RRF_K = 60
logging.getLogger("bm25s").setLevel(logging.WARNING)  # it announces every index it builds


class BM25:
    """Okapi BM25 over pre-tokenised (stemmed) documents, scored by `bm25s` (sparse matrices).

    Measured on the bank's 1 293 phrasings of report statements (rank of the passage that holds the
    statement): bm25s and the plain-Python BM25 it replaced rank alike (MRR 0.506 both), bm25s in 0.03 ms a
    query against 0.22 ms. `idf` (Lucene's form) weighs words elsewhere (sentence choice, coverage).
    """

    def __init__(self, docs: list[list[str]], k1: float = 1.4, b: float = 0.75):
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        n = len(docs)
        self.n_docs = n
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._retriever = bm25s.BM25(k1=k1, b=b, method="lucene")
        self._retriever.index([d or ["\x00"] for d in docs], show_progress=False)

    def scores(self, query: list[str]) -> np.ndarray:
        known = sorted(
            {t for t in query if t in self.idf}
        )  # a fixed order: the same floats whatever the seed
        if not known:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)


def passage_text_for_index(p: Passage) -> str:
    head = f"{p.label or ''} {p.section} {p.section_title}".strip()
    return f"{head}. {p.text}"


class Index:
    def __init__(self, passages: list[Passage], vectors: np.ndarray | None):
        self.passages = passages
        self.vectors = vectors if vectors is not None and len(vectors) == len(passages) else None
        self.bm25 = BM25([tokens(passage_text_for_index(p)) for p in passages])

    # persistence -----------------------------------------------------------------------------------
    @staticmethod
    def save(path: Path, passages: list[Passage], vectors: np.ndarray | None) -> None:
        path.mkdir(parents=True, exist_ok=True)
        (path / "passages.json").write_text(
            json.dumps([asdict(p) for p in passages], ensure_ascii=False), encoding="utf-8"
        )
        if vectors is not None:
            np.save(path / "vectors.npy", vectors)

    @classmethod
    def load(cls, path: Path, use_vectors: bool = True) -> Index:
        passages = [Passage(**d) for d in json.loads((path / "passages.json").read_text(encoding="utf-8"))]
        vec_path = path / "vectors.npy"
        vectors = np.load(vec_path) if use_vectors and vec_path.exists() else None
        return cls(passages, vectors)

    # search ----------------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        qvec: np.ndarray | None = None,
        k: int = 8,
        allowed: set[int] | None = None,
        boost: dict[int, float] | None = None,
    ) -> list[tuple[Passage, float]]:
        """Top-k passages by reciprocal-rank fusion of BM25 and dense similarity."""
        n = len(self.passages)
        idx = np.arange(n) if allowed is None else np.array(sorted(allowed), dtype=int)
        if len(idx) == 0:
            return []
        fused = np.zeros(n, dtype=np.float64)
        lex = self.bm25.scores(tokens(query))
        order = idx[np.argsort(-lex[idx], kind="stable")]
        for rank, i in enumerate(order):
            if lex[i] > 0:
                fused[i] += 1.0 / (RRF_K + rank)
        if qvec is not None and self.vectors is not None:
            dense = self.vectors @ qvec
            order = idx[np.argsort(-dense[idx], kind="stable")]
            for rank, i in enumerate(order):
                fused[i] += 1.0 / (RRF_K + rank)
        if boost:
            for i, w in boost.items():
                if fused[i] > 0:
                    fused[i] *= w
        best = idx[np.argsort(-fused[idx], kind="stable")][:k]
        return [(self.passages[i], float(fused[i])) for i in best if fused[i] > 0]
