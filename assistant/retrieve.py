"""Retrieval over report passages and questionnaire entries: BM25 on stemmed Norwegian plus dense
vectors, fused by reciprocal rank. The index is built by `build` and loaded from disk."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import numpy as np

from .normalize import tokens
from .types import Passage

RRF_K = 60


class BM25:
    """Okapi BM25 over pre-tokenised documents (a few hundred passages: plain Python is fast enough)."""

    def __init__(self, docs: list[list[str]], k1: float = 1.4, b: float = 0.75):
        self.k1, self.b = k1, b
        self.tf = [Counter(d) for d in docs]
        self.len = [len(d) for d in docs]
        self.avg = sum(self.len) / max(len(docs), 1)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(set(d))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def scores(self, query: list[str]) -> np.ndarray:
        out = np.zeros(len(self.tf), dtype=np.float32)
        for t in sorted(set(query)):  # a fixed order: the same floats whatever the hash seed
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in enumerate(self.tf):
                f = tf.get(t)
                if f:
                    out[i] += (
                        idf
                        * f
                        * (self.k1 + 1)
                        / (f + self.k1 * (1 - self.b + self.b * self.len[i] / self.avg))
                    )
        return out


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
