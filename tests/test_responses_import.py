"""Importing respondent files: CSV, Parquet and SPSS round-trip; mapping files; a bad file imports nothing
and leaves the database byte-identical; the same file twice changes nothing; --replace; rebuilds keep data.

All files are SYNTHETIC, generated here from the codebook (tests/synthetic_responses.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import synthetic_responses as syn
import yaml

from assistant.build import DB_NAME
from assistant.responses import contract
from assistant.responses.store import ImportRefused, import_file
from assistant.responses.validate import MAX_SHOWN, ImportRejected

ROOT = Path(__file__).resolve().parent.parent
CB = contract.export()
WAVE = "2021-11"
COLS = syn.columns(CB, WAVE)


@pytest.fixture
def data_dir(built, tmp_path, monkeypatch) -> Path:
    out = tmp_path / "build"
    shutil.copytree(built, out)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(out))
    return out


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return syn.generate(CB, WAVE, n=300, seed=11)


def stored(data_dir: Path) -> tuple[set, list]:
    con = duckdb.connect(str(data_dir / DB_NAME), read_only=True)
    try:
        answers = set(con.execute("SELECT rid, question_id, item, code FROM resp_answers").fetchall())
        resp = con.execute(
            "SELECT rid, storrelse, landsforening, fylke FROM resp_respondents ORDER BY rid"
        ).fetchall()
    finally:
        con.close()
    return answers, resp


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".sav"])
def test_round_trip(data_dir, tmp_path, rows, suffix):
    path = tmp_path / f"syntetisk{suffix}"
    syn.write(rows, COLS, path)
    outcome = import_file(path, WAVE)
    assert outcome.changed and "300 svar" in outcome.message
    answers, resp = stored(data_dir)
    assert answers == syn.expected_answers(CB, WAVE, rows)
    assert resp == [(i, r["storrelse"], r["landsforening"], r["fylke"]) for i, r in enumerate(rows, 1)]


def test_no_respondent_ids_are_stored(data_dir, tmp_path, rows):
    path = tmp_path / "syntetisk.csv"
    syn.write(rows, COLS, path)
    import_file(path, WAVE)
    blob = (data_dir / DB_NAME).read_bytes()
    assert b"SYN-2021-11-00001" not in blob


def test_mapping_renames_columns_and_translates_labels(data_dir, tmp_path, rows):
    """A vendor file: own column names, text labels instead of codes, 99 for no answer."""
    lf = {o["code"]: o["label"] for o in contract.background()["landsforening"]["options"]}
    vendor_rows = []
    for r in rows:
        v = dict(r)
        v["Bransje"] = lf[r["landsforening"]]  # a label; matched to the codebook's code
        v["Str"] = {1: "En", 2: "Liten", 3: "Mellom", 4: "Stor", 5: "Størst"}[r["storrelse"]]
        v["AT_KONTAKT"] = (
            99 if r["AT_KONTAKT"] is None else {1: "Ja", 2: "Nei", 3: "Vet ikke"}[r["AT_KONTAKT"]]
        )
        vendor_rows.append(v)
    cols = [{"landsforening": "Bransje", "storrelse": "Str"}.get(c, c) for c in COLS] + ["Vekt"]
    path = tmp_path / "leverandor.csv"
    syn.write_csv(vendor_rows, cols, path)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        yaml.safe_dump(
            {
                "columns": {"Bransje": "landsforening", "Str": "storrelse"},
                "ignore": ["Vekt"],
                "values": {"storrelse": {"En": 1, "Liten": 2, "Mellom": 3, "Stor": 4, "Størst": 5}},
                "missing": [99],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    import_file(path, WAVE, mapping)
    answers, resp = stored(data_dir)
    assert answers == syn.expected_answers(CB, WAVE, rows)
    assert [x[1:] for x in resp] == [(r["storrelse"], r["landsforening"], r["fylke"]) for r in rows]


def test_spss_value_labels_win_over_vendor_codes(data_dir, tmp_path, rows):
    """The vendor codes BHT_AVTALE as 1 = Ja, 2 = Nei (the codebook: 1 = Nei, 2 = Ja); labels decide."""
    flipped = [dict(r) for r in rows]
    for r in flipped:
        for item in ("avtale", "egen"):
            col = f"BHT_AVTALE__{item}"
            r[col] = None if r[col] is None else 3 - r[col]
    labels = {f"BHT_AVTALE__{i}": {1: "Ja", 2: "Nei"} for i in ("avtale", "egen")}
    path = tmp_path / "leverandor.sav"
    syn.write(flipped, COLS, path, value_labels=labels)
    import_file(path, WAVE)
    answers, _ = stored(data_dir)
    assert answers == syn.expected_answers(CB, WAVE, rows)


def _corrupt(kind: str, rows: list[dict], tmp_path: Path) -> Path:
    if kind == "bad_code":
        bad = [dict(r) for r in rows]
        bad[4]["AT_KONTAKT"] = 9
        path = tmp_path / "feil.csv"
        syn.write_csv(bad, COLS, path)
    elif kind == "missing_column":
        path = tmp_path / "feil.csv"
        syn.write_csv(rows, [c for c in COLS if c != "GRUNNER__lov"], path)
    elif kind == "truncated_csv":
        path = tmp_path / "feil.csv"
        syn.write_csv(rows, COLS, path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 2 // 3])
    else:
        suffix = ".parquet" if kind == "truncated_parquet" else ".sav"
        path = tmp_path / f"feil{suffix}"
        syn.write(rows, COLS, path)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    "kind, expect",
    [
        ("bad_code", "rad 5, kolonne «AT_KONTAKT», verdi «9»"),
        ("missing_column", "kolonne «GRUNNER__lov»: Kolonnen mangler"),
        ("truncated_csv", "avkuttet"),
        ("truncated_parquet", "avkuttet"),
        ("truncated_sav", "avkuttet"),
    ],
)
def test_corrupt_file_imports_nothing(data_dir, tmp_path, rows, kind, expect):
    good = tmp_path / "god.csv"
    syn.write_csv(rows[:50], COLS, good)
    import_file(good, WAVE)  # data already there: a failed import must not touch them either
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(ImportRejected) as err:
        import_file(_corrupt(kind, rows, tmp_path), WAVE, replace=True)
    report = err.value.report()
    assert expect in report and "Ingenting ble importert" in report
    assert (data_dir / DB_NAME).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        p.name for p in data_dir.iterdir() if "import" not in p.name
    )


def test_report_shows_first_twenty_and_a_count(data_dir, tmp_path, rows):
    bad = [dict(r) for r in rows]
    for r in bad[:30]:
        r["fylke"] = 77
    path = tmp_path / "feil.csv"
    syn.write_csv(bad, COLS, path)
    with pytest.raises(ImportRejected) as err:
        import_file(path, WAVE)
    report = err.value.report()
    assert "fant 30 feil" in report
    assert report.count("  - rad ") == MAX_SHOWN and "… og 10 til." in report
    assert "rad 1, kolonne «fylke», verdi «77»: Ugyldig verdi for fylke (kodene 1–13)." in report


def test_rules_of_the_codebook_are_checked(data_dir, tmp_path, rows):
    bad = [dict(r) for r in rows]
    asked = next(i for i, r in enumerate(bad) if r["AT_KONTAKT"] == 2)
    bad[asked]["AT_NYTTE__tilsyn_covid"] = 5  # answered although not asked (filter: AT_KONTAKT = Ja)
    multi = next(i for i, r in enumerate(bad) if r.get("SF_DIALOG__1") is not None)
    for o in range(1, 8):
        bad[multi][f"SF_DIALOG__{o}"] = 1 if o in (1, 7) else 0  # «Vet ikke» is exclusive
    too_many = next(i for i, r in enumerate(bad) if r.get("UTFORDRINGER__1") is not None)
    for o in range(1, 13):
        bad[too_many][f"UTFORDRINGER__{o}"] = 1 if o <= 5 else 0
    bad[7]["respondent_id"] = bad[3]["respondent_id"]
    path = tmp_path / "feil.csv"
    syn.write_csv(bad, COLS, path)
    with pytest.raises(ImportRejected) as err:
        import_file(path, WAVE)
    report = err.value.report()
    assert (
        f"rad {asked + 1}, kolonne «AT_NYTTE__tilsyn_covid»: Svar fra en bedrift som ikke fikk spørsmålet"
        in report
    )
    assert f"rad {multi + 1}, kolonne «SF_DIALOG__7»: «Vet ikke» kan ikke kombineres" in report
    assert (
        f"rad {too_many + 1}, kolonne «UTFORDRINGER»: 5 svar er valgt, men spørsmålet tillater høyst 3."
        in report
    )
    assert "rad 8, kolonne «respondent_id»" in report and "finnes allerede i rad 4" in report


def test_same_file_twice_changes_nothing_and_replace_is_explicit(data_dir, tmp_path, rows):
    first = tmp_path / "a.csv"
    syn.write_csv(rows, COLS, first)
    assert import_file(first, WAVE).changed
    before = (data_dir / DB_NAME).read_bytes()
    again = import_file(first, WAVE)
    assert not again.changed and "ingenting er endret" in again.message
    assert (data_dir / DB_NAME).read_bytes() == before
    second = tmp_path / "b.csv"
    syn.write_csv(rows[:100], COLS, second)
    with pytest.raises(ImportRefused) as err:
        import_file(second, WAVE)
    assert "--replace" in str(err.value)
    assert (data_dir / DB_NAME).read_bytes() == before
    assert import_file(second, WAVE, replace=True).changed
    _, resp = stored(data_dir)
    assert len(resp) == 100


def test_cli_import(data_dir, tmp_path, rows):
    good = tmp_path / "svar.csv"
    syn.write_csv(rows, COLS, good)
    env = {"ASSISTANT_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"}

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )

    out = cli("import-responses", str(good), "--wave", WAVE, "--check")
    assert out.returncode == 0 and "Filen er i orden: 300 svar" in out.stdout
    assert stored(data_dir)[1] == []
    out = cli("import-responses", str(good), "--wave", WAVE)
    assert out.returncode == 0 and "300 svar fra «svar.csv» er importert for 2021-11." in out.stdout
    bad = _corrupt("bad_code", rows, tmp_path)
    out = cli("import-responses", str(bad), "--wave", WAVE, "--replace")
    assert out.returncode == 1 and "Importen ble avbrutt: fant 1 feil" in out.stderr
    out = cli("import-responses", str(good), "--wave", "2020-01")
    assert out.returncode == 2 and "ukjent bølge" in out.stderr
    out = cli("import-responses", str(tmp_path / "finnes-ikke.xlsx"), "--wave", WAVE)
    assert out.returncode == 1 and "Ukjent filtype «.xlsx»" in out.stderr
    out = cli("remove-responses", "--wave", WAVE)
    assert out.returncode == 0 and "fjernet" in out.stdout
    assert stored(data_dir)[1] == []


def test_rebuild_keeps_imported_responses(tmp_path, monkeypatch, rows):
    from assistant.build import build

    out = tmp_path / "build"
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(out))
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS", "none")  # fast; the index is not what this checks
    build(log=lambda _m: None)
    path = tmp_path / "svar.csv"
    syn.write_csv(rows, COLS, path)
    import_file(path, WAVE)
    before = stored(out)
    messages: list[str] = []
    build(force=True, log=messages.append)
    assert stored(out) == before
    assert any("Respondentdata beholdt for: 2021-11" in m for m in messages)
