"""`python -m assistant build`: the DuckDB database and the retrieval index, content-hashed and idempotent.

The build is written into a fresh folder, sealed with a manifest (`integrity.py`) and swapped in by two
renames, so a build killed at any point leaves the previous one usable; a build killed between the two
renames is taken back by the next one."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import duckdb

from . import bank, knowledge, settings
from .embed import make_embedder
from .integrity import BuildError, lock_path, problems, read_manifest, write_manifest
from .report import parse_report
from .responses.store import carry_over
from .retrieve import Index, passage_text_for_index
from .types import Passage

DB_NAME = "barometer.duckdb"
INDEX_DIR = "index"
HASH_FILE = "content.sha256"

SCHEMA = """
CREATE TABLE waves (
    id VARCHAR PRIMARY KEY, label VARCHAR, start_date DATE, end_date DATE,
    invited INTEGER, completed INTEGER, response_rate_pct DOUBLE, description VARCHAR, source_section VARCHAR
);
CREATE TABLE questions (
    id VARCHAR PRIMARY KEY, wave VARCHAR, theme VARCHAR, block VARCHAR, ord INTEGER, text VARCHAR,
    type VARCHAR, filter VARCHAR, asked_to VARCHAR, section VARCHAR, published_in VARCHAR,
    results VARCHAR, note VARCHAR
);
CREATE TABLE items (question_id VARCHAR, item_id VARCHAR, label VARCHAR, ord INTEGER);
CREATE TABLE options (question_id VARCHAR, code INTEGER, label VARCHAR, exclusive BOOLEAN);
CREATE TABLE results (
    row_id INTEGER PRIMARY KEY, source VARCHAR, section VARCHAR, page INTEGER, wave VARCHAR,
    question_id VARCHAR, item VARCHAR, group_dim VARCHAR, group_label VARCHAR, group_min INTEGER,
    group_max INTEGER, option VARCHAR, value DOUBLE, unit VARCHAR, n VARCHAR, n_min INTEGER,
    note VARCHAR, quote VARCHAR, from_prose BOOLEAN, file VARCHAR, row_order INTEGER
);
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE VIEW v_questions AS SELECT * FROM questions;
CREATE VIEW v_items AS SELECT * FROM items;
CREATE VIEW v_options AS SELECT * FROM options;
CREATE VIEW v_waves AS SELECT * FROM waves;
CREATE VIEW v_sample AS
    SELECT wave, group_dim, group_label, source,
        max(CASE WHEN option = 'Nettoutvalg (antall)' THEN value END) AS net_count,
        max(CASE WHEN option = 'Nettoutvalg (prosent)' THEN value END) AS net_pct,
        max(CASE WHEN option = 'Bruttoutvalg (antall)' THEN value END) AS gross_count,
        max(CASE WHEN option = 'Bruttoutvalg (prosent)' THEN value END) AS gross_pct,
        max(CASE WHEN option = 'Differanse (prosentpoeng)' THEN value END) AS diff_pct
    FROM results WHERE question_id = 'UTVALG' AND group_dim <> 'total'
    GROUP BY wave, group_dim, group_label, source;
"""


def content_hash() -> str:
    h = hashlib.sha256()
    for path in knowledge.knowledge_files():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update(settings.get("ASSISTANT_EMBEDDINGS").encode())
    h.update(settings.get("ASSISTANT_ST_MODEL").encode())
    return h.hexdigest()


def _int(v: str) -> int | None:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _n_min(n: str) -> int | None:
    if not n:
        return None
    first = n.replace("–", "-").split("-")[0].strip().replace(" ", "")
    return _int(first)


def questionnaire_passages(start_id: int) -> list[Passage]:
    """One passage per codebook question, labelled "Vedlegg 2", for questions about the questionnaire."""
    out: list[Passage] = []
    waves = {w["id"]: w.get("label", w["id"]) for w in knowledge.codebook()["waves"]}
    for q in knowledge.questions():
        items = "; ".join(i["label"] for i in q.get("items") or [])
        options = "; ".join(o["label"] for o in q.get("options") or [])
        parts = [q["text"]]
        if items:
            parts.append(f"Forhold: {items}.")
        if options:
            parts.append(f"Svaralternativer: {options}.")
        if q.get("filter"):
            parts.append(f"Filter: {q['filter']}.")
        parts.append(f"Spurt i: {waves.get(q['wave'], q['wave'])}.")
        out.append(
            Passage(
                id=start_id + len(out),
                section="8",
                section_title="Vedlegg 2: Spørsmål og svaralternativer",
                text=" ".join(parts),
                kind="codebook",
                label="Vedlegg 2",
                figures=list(q.get("published_in") or []),
                page=None,
            )
        )
    return out


def _load_db(path: Path) -> int:
    conn = duckdb.connect(str(path))
    try:
        conn.execute(SCHEMA)
        cb = knowledge.codebook()
        for w in cb["waves"]:
            conn.execute(
                "INSERT INTO waves VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    w["id"], w.get("label"), w.get("start"), w.get("end"), w.get("invited"), w.get("completed"),
                    w.get("response_rate_pct"), w.get("description"), str(w.get("source_section") or ""),
                ],
            )  # fmt: skip
        for q in cb["questions"]:
            conn.execute(
                "INSERT INTO questions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    q["id"], q["wave"], q.get("theme"), q.get("block"), q.get("order"), q["text"], q.get("type"),
                    q.get("filter"), q.get("asked_to"), str(q.get("section") or ""),
                    ", ".join(q.get("published_in") or []), str(q.get("results")), q.get("note"),
                ],
            )  # fmt: skip
            for i, it in enumerate(q.get("items") or []):
                conn.execute(
                    "INSERT INTO items VALUES (?, ?, ?, ?)", [q["id"], it.get("id"), it["label"], i + 1]
                )
            for op in q.get("options") or []:
                conn.execute(
                    "INSERT INTO options VALUES (?, ?, ?, ?)",
                    [q["id"], op.get("code"), op["label"], bool(op.get("exclusive", False))],
                )
        rows = knowledge.published_rows()
        for i, r in enumerate(rows):
            conn.execute(
                "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    i, r["source"], r["section"], _int(r["page"]), r["wave"], r["question_id"], r["item"],
                    r["group_dim"], r["group"], _int(r["group_min"]), _int(r["group_max"]), r["option"],
                    float(r["value"]), r["unit"], r["n"], _n_min(r["n"]), r["note"], r["quote"],
                    bool(r["quote"]), r["file"], int(r["row_order"]),
                ],
            )  # fmt: skip
        # materialised once at build: the join costs a millisecond a question at run time
        conn.execute(
            "CREATE TABLE v_results AS SELECT r.*, q.text AS question_text, q.theme AS theme "
            "FROM results r LEFT JOIN questions q ON q.id = r.question_id"
        )
        conn.execute("INSERT INTO meta VALUES ('content_hash', ?)", [content_hash()])
        return len(rows)
    finally:
        conn.close()


def _targets() -> list[dict[str, Any]]:
    """Match targets for understanding: one per (question, item), plus one per question."""
    out: list[dict[str, Any]] = []
    for q in knowledge.questions():
        base = " ".join([q["text"], " ".join(q.get("keywords") or [])])
        if q.get("type") == "multi":  # lists of alternatives carry the topic ("ressurser", "samarbeid")
            base += " " + " ".join(
                o["label"] for o in q.get("options") or [] if o["label"] not in ("Vet ikke", "Ja", "Nei")
            )
        out.append({"question_id": q["id"], "item": None, "text": base})
        for it in q.get("items") or []:
            label = " ".join([it["label"], it.get("table_label") or "", *(it.get("aliases") or [])])
            out.append({"question_id": q["id"], "item": it["label"], "text": f"{label}. {base}"})
    return out


@contextlib.contextmanager
def data_lock(out: Path):
    """Builds and response imports into `out` wait for each other (the build's lock file)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(out).open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build(force: bool = False, log=print, out: Path | None = None) -> Path:
    """Build into `out` (default: the ASSISTANT_DATA_DIR setting) unless the manifest says the build there
    is intact and made from the current sources. Concurrent builds wait for each other, and one that
    waited finds the build the other made. Raises `BuildError` when the folder cannot be written."""
    out = out or settings.data_dir()
    digest = content_hash()
    if not force and _current(out, digest):  # needs no lock, so a read-only install can ask
        log(f"Databasen og indeksen er oppdatert ({out}); ingenting å bygge.")
        return out
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with lock_path(out).open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log("Venter på at en annen prosess bygger ferdig …")
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return _build_locked(out, force, log, digest)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    except OSError as err:
        where = f" ({err.filename})" if err.filename else ""
        raise BuildError(f"kunne ikke skrive bygget i {out}: {err.strerror or err}{where}") from err


def _current(out: Path, digest: str) -> bool:
    manifest = read_manifest(out)
    return manifest is not None and manifest.get("content_hash") == digest and not problems(out)


def _recover(out: Path, log) -> None:
    """A build killed between its two renames leaves no `out`, but a complete build beside it."""
    if out.exists():
        return
    for folder in (out.parent / (out.name + ".tmp"), out.parent / (out.name + ".old")):
        if folder.is_dir() and not problems(folder):
            os.replace(folder, out)
            log(f"Et avbrutt bygg etterlot {folder.name}; det er tatt i bruk igjen.")
            return


def _build_locked(out: Path, force: bool, log, digest: str) -> Path:
    _recover(out, log)
    if not force and _current(out, digest):
        log(f"Databasen og indeksen er oppdatert ({out}); ingenting å bygge.")
        return out
    t0 = time.perf_counter()
    tmp = out.parent / (out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    log("Bygger databasen …")
    n_rows = _load_db(tmp / DB_NAME)
    log(f"  {n_rows} publiserte tall lastet.")
    # imported respondent-level responses survive a rebuild (issue 9)
    carried = carry_over(out / DB_NAME, tmp / DB_NAME)
    if carried:
        log(f"  Respondentdata beholdt for: {', '.join(carried)}.")
    log("Deler rapporten i avsnitt …")
    passages = parse_report()
    passages += questionnaire_passages(len(passages))
    log(f"  {len(passages)} avsnitt.")
    log("Lager vektorer (embeddings) …")
    embedder = make_embedder()
    vectors = embedder.passages([passage_text_for_index(p) for p in passages])
    Index.save(tmp / INDEX_DIR, passages, vectors)
    targets = _targets()
    tvec = embedder.passages([t["text"] for t in targets])
    (tmp / INDEX_DIR / "targets.json").write_text(json.dumps(targets, ensure_ascii=False), encoding="utf-8")
    if tvec is not None:
        import numpy as np

        np.save(tmp / INDEX_DIR / "targets.npy", tvec)
    log("Spørsmålsbanken …")
    phrasings = bank.load().phrasings
    bank.save_norms(tmp / INDEX_DIR, bank.load())  # the start need not normalise them again
    bvec = embedder.queries([p.norm for p in phrasings])
    if bvec is not None:
        import numpy as np

        np.save(tmp / INDEX_DIR / "bank.npy", bvec)
    log(f"  {len(phrasings)} formuleringer.")
    (tmp / INDEX_DIR / "embedder.txt").write_text(embedder.name)
    (tmp / HASH_FILE).write_text(digest)
    write_manifest(tmp, digest, embedder.name)  # last: a folder without it is not a finished build
    # two renames; a reader never sees a half-built folder, and `_recover` covers a kill in between
    old = out.parent / (out.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        os.replace(out, old)
    os.replace(tmp, out)
    shutil.rmtree(old, ignore_errors=True)
    log(f"Ferdig på {time.perf_counter() - t0:.1f} s: {out}")
    return out
