"""Respondent-level tables beside the published numbers, and the atomic import.

The assistant reads `barometer.duckdb` read-only. An import never writes to that file: it copies it,
writes the wave's rows into the copy in one transaction, and swaps the copy in with one `os.replace`
only when everything succeeded. A failed import leaves the database byte-identical. Readers that had
the old file open keep reading it until their executor notices the swap and reopens.

Tables (respondent ids are not stored: `rid` is the row number within the file):
- `resp_imports(wave, file_name, file_sha256, mapping_sha256, respondents, answers, imported_at)`
- `resp_respondents(wave, rid, storrelse, landsforening, fylke)` (codes of `background`)
- `resp_answers(wave, rid, question_id, item, code)` (item '' unless a grid; one row per chosen
  option of a multi-choice question)
Views `v_resp_*` are what the guard allows; the two respondent-level views only inside aggregating
statements (see `sql/guard.py`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from .. import settings
from .validate import Coded

SCHEMA = """
CREATE TABLE IF NOT EXISTS resp_imports (
    wave VARCHAR PRIMARY KEY, file_name VARCHAR, file_sha256 VARCHAR, mapping_sha256 VARCHAR,
    respondents INTEGER, answers INTEGER, imported_at VARCHAR
);
CREATE TABLE IF NOT EXISTS resp_respondents (
    wave VARCHAR, rid INTEGER, storrelse INTEGER, landsforening INTEGER, fylke INTEGER
);
CREATE TABLE IF NOT EXISTS resp_answers (wave VARCHAR, rid INTEGER, question_id VARCHAR, item VARCHAR, code INTEGER);
CREATE OR REPLACE VIEW v_resp_waves AS SELECT wave, file_name, respondents, imported_at FROM resp_imports;
CREATE OR REPLACE VIEW v_resp_respondents AS SELECT * FROM resp_respondents;
CREATE OR REPLACE VIEW v_resp_answers AS SELECT * FROM resp_answers;
"""
TABLES = ("resp_imports", "resp_respondents", "resp_answers")


class ImportRefused(ValueError):
    """The import would overwrite data without `--replace`; the message is Norwegian."""


@dataclass
class Outcome:
    changed: bool
    message: str


def create_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(SCHEMA)


def _db_path(data_dir: Path | None) -> Path:
    from ..build import DB_NAME

    return (data_dir or settings.data_dir()) / DB_NAME


def carry_over(old_db: Path, new_db: Path) -> list[str]:
    """Create the response tables in a freshly built database and copy any imported waves from the old one.

    Reads a private copy of the old file, so a reader holding it open is never disturbed."""
    conn = duckdb.connect(str(new_db))
    try:
        create_schema(conn)
        if not old_db.exists():
            return []
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "old.duckdb"
            shutil.copyfile(old_db, copy)
            try:
                old = duckdb.connect(str(copy), read_only=True)
            except duckdb.Error:  # a damaged database (the reason for this rebuild) has nothing to carry
                logging.getLogger(__name__).debug(
                    "Could not read response tables from the old database %s", old_db
                )
                return []
            try:
                present = {
                    r[0] for r in old.execute("SELECT table_name FROM information_schema.tables").fetchall()
                }
                if not set(TABLES) <= present:
                    return []
                frames = {t: old.execute(f"SELECT * FROM {t}").fetch_df() for t in TABLES}
            finally:
                old.close()
        for table, frame in frames.items():
            conn.register("carried", frame)
            conn.execute(f"INSERT INTO {table} SELECT * FROM carried")
            conn.unregister("carried")
        return [r[0] for r in conn.execute("SELECT wave FROM resp_imports ORDER BY wave").fetchall()]
    finally:
        conn.close()


def _swap_in(db: Path, write) -> Outcome:
    """Copy `db`, let `write(conn)` change the copy (it returns an Outcome), swap it in if it changed."""
    from ..build import data_lock
    from ..integrity import read_manifest, write_manifest

    with data_lock(db.parent):
        tmp = db.parent / f".{db.name}.{os.getpid()}.import"
        shutil.copyfile(db, tmp)
        try:
            conn = duckdb.connect(str(tmp))
            try:
                create_schema(conn)
                outcome = write(conn)
                conn.execute("CHECKPOINT")
            finally:
                conn.close()
            if outcome.changed:
                os.replace(tmp, db)
        finally:
            tmp.unlink(missing_ok=True)
            Path(str(tmp) + ".wal").unlink(missing_ok=True)
        if outcome.changed:  # the build's manifest records the new database, or the next start rebuilds
            manifest = read_manifest(db.parent)
            if manifest is not None:
                write_manifest(db.parent, manifest["content_hash"], manifest["embedder"])
        return outcome


def import_coded(
    coded: Coded,
    file_name: str,
    file_sha256: str,
    mapping_sha256: str = "",
    replace: bool = False,
    data_dir: Path | None = None,
) -> Outcome:
    import pyarrow as pa

    db = _db_path(data_dir)

    def write(conn: duckdb.DuckDBPyConnection) -> Outcome:
        prev = conn.execute(
            "SELECT file_sha256, mapping_sha256, file_name FROM resp_imports WHERE wave = ?", [coded.wave]
        ).fetchone()
        if prev and prev[0] == file_sha256 and prev[1] == mapping_sha256:
            return Outcome(
                False, f"«{file_name}» er allerede importert for {coded.wave}; ingenting er endret."
            )
        if prev and not replace:
            raise ImportRefused(
                f"Det finnes allerede respondentdata for {coded.wave} (fra «{prev[2]}»). Bruk --replace for å "
                "erstatte dem med den nye filen. Ingenting ble importert."
            )
        resp = pa.table(
            {
                "wave": [coded.wave] * len(coded.respondents),
                "rid": [r[0] for r in coded.respondents],
                "storrelse": [r[1] for r in coded.respondents],
                "landsforening": [r[2] for r in coded.respondents],
                "fylke": [r[3] for r in coded.respondents],
            }
        )
        answers = pa.table(
            {
                "wave": [coded.wave] * len(coded.answers),
                "rid": [a[0] for a in coded.answers],
                "question_id": [a[1] for a in coded.answers],
                "item": [a[2] for a in coded.answers],
                "code": [a[3] for a in coded.answers],
            }
        )
        conn.begin()
        try:
            for table in TABLES:
                conn.execute(f"DELETE FROM {table} WHERE wave = ?", [coded.wave])
            conn.register("incoming_respondents", resp)
            conn.register("incoming_answers", answers)
            conn.execute("INSERT INTO resp_respondents SELECT * FROM incoming_respondents")
            conn.execute("INSERT INTO resp_answers SELECT * FROM incoming_answers")
            conn.execute(
                "INSERT INTO resp_imports VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    coded.wave, file_name, file_sha256, mapping_sha256, len(coded.respondents),
                    len(coded.answers), dt.datetime.now().isoformat(timespec="seconds"),
                ],
            )  # fmt: skip
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        verb = "erstattet" if prev else "importert"
        n = f"{len(coded.respondents):,}".replace(",", " ")
        return Outcome(True, f"{n} svar fra «{file_name}» er {verb} for {coded.wave}.")

    return _swap_in(db, write)


def import_file(
    path: Path,
    wave: str,
    mapping: Path | None = None,
    replace: bool = False,
    data_dir: Path | None = None,
) -> Outcome:
    """Check `path` against the codebook and import it. Raises ImportRejected (bad file, with the report)
    or ImportRefused (data for the wave exist, no `replace`); in both cases nothing changes."""
    from .validate import code_file, load_mapping

    coded = code_file(path, wave, mapping)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mapping_digest = load_mapping(mapping).digest
    db = _db_path(data_dir)
    if not db.exists():
        if data_dir is not None:
            raise ImportRefused(f"Fant ingen database i {data_dir}. Kjør `python -m assistant build` først.")
        from ..build import build

        build(log=lambda _m: None)  # the database the import goes into (as `make build` would)
    return import_coded(coded, path.name, digest, mapping_digest, replace=replace, data_dir=data_dir)


def remove_wave(wave: str, data_dir: Path | None = None) -> Outcome:
    db = _db_path(data_dir)
    if not db.exists():
        return Outcome(False, "Databasen finnes ikke ennå; ingenting å fjerne.")

    def write(conn: duckdb.DuckDBPyConnection) -> Outcome:
        if not conn.execute("SELECT count(*) FROM resp_imports WHERE wave = ?", [wave]).fetchone()[0]:
            return Outcome(False, f"Ingen respondentdata for {wave}; ingenting er endret.")
        conn.begin()
        for table in TABLES:
            conn.execute(f"DELETE FROM {table} WHERE wave = ?", [wave])
        conn.commit()
        return Outcome(True, f"Respondentdata for {wave} er fjernet.")

    return _swap_in(db, write)


def loaded_waves(executor) -> dict[str, dict[str, Any]]:
    """Waves with imported responses, from the executor's database (kept on the executor until its file is
    swapped: one stat call per question)."""
    from ..sql.execute import QueryError

    executor.refresh()
    cached = getattr(executor, "_responses_loaded", None)
    if cached is not None and cached[0] == executor.generation:
        return cached[1]
    try:
        rows = executor.run(
            "SELECT wave, file_name, respondents, imported_at FROM v_resp_waves ORDER BY wave"
        ).rows
    except QueryError:  # a database built before response tables existed
        rows = []
    loaded = {r["wave"]: r for r in rows}
    executor._responses_loaded = (executor.generation, loaded)
    return loaded
