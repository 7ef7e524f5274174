"""An outsider follows the README: `codebook --json` and `responses-template` tell what to deliver, a
vendor file with its own column names goes in through the README's mapping file, and a breakdown the
report never printed comes back with the suppression rule in force. Only the CLI is used; the data are
SYNTHETIC, generated from the JSON codebook alone."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import synthetic_responses as syn
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUESTION = "Hvor mange bedrifter i Norsk Industri med 50–199 ansatte har avtale med BHT?"


def readme_section() -> str:
    return README.split("## Respondentdata", 1)[1].split("\n## ", 1)[0]


@pytest.fixture(scope="module")
def workdir(built, tmp_path_factory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("outsider")
    shutil.copytree(built, root / "build")  # what `make build` leaves behind
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(root / "build")}
    return root, env


def run(env: dict, cwd: Path, command: str) -> subprocess.CompletedProcess:
    """A README command line (`.venv/bin/python -m assistant …`), run with this interpreter."""
    section = readme_section()  # `ask --json` is the README's `ask` with machine-readable output
    assert command in section or command.replace(" ask --json ", " ask ") in section, (
        f"not in the README: {command}"
    )
    args = command.split(" -m assistant ", 1)[1]
    argv = [a.strip('"') for a in re.findall(r'"[^"]*"|\S+', args)]
    argv = [a for a in argv if a != ">"][: -1 if ">" in args else None]
    return subprocess.run(
        [sys.executable, "-m", "assistant", *argv], cwd=cwd, env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_from_codebook_to_a_suppressed_breakdown(workdir):
    root, env = workdir
    # 1. the contract
    out = run(env, root, ".venv/bin/python -m assistant codebook --json > kodebok.json")
    assert out.returncode == 0, out.stderr
    codebook = json.loads(out.stdout)
    out = run(
        env, root, ".venv/bin/python -m assistant responses-template --wave 2021-11 --out svarmal-2021-11.csv"
    )
    assert out.returncode == 0, out.stderr
    header = next(csv.reader(open(root / "svarmal-2021-11.csv", encoding="utf-8")))

    # 2. a vendor's file: own names for three columns, labels instead of codes, 99 for no answer, a weight
    mapping = yaml.safe_load(re.search(r"```yaml\n(.*?)```", readme_section(), re.S).group(1))
    (root / "mapping.yaml").write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")
    rename = {v: k for k, v in mapping["columns"].items()}
    sizes = {v: k for k, v in mapping["values"]["storrelse"].items()}
    lf_label = {
        o["code"]: o["label"]
        for o in next(b for b in codebook["background"] if b["id"] == "landsforening")["options"]
    }
    rows = syn.generate(codebook, "2021-11", n=1713, seed=21)
    vendor = []
    for r in rows:
        v = {rename.get(k, k): val for k, val in r.items()}
        v[rename["storrelse"]] = sizes[r["storrelse"]]
        v[rename["landsforening"]] = lf_label[r["landsforening"]]
        v["AT_KONTAKT"] = 99 if r["AT_KONTAKT"] is None else r["AT_KONTAKT"]
        v["Vekt"] = 1.0
        vendor.append(v)
    syn.write_csv(vendor, [rename.get(c, c) for c in header] + ["Vekt"], root / "svar-2021-11.csv")

    # 3. import, twice (the second changes nothing)
    cmd = ".venv/bin/python -m assistant import-responses svar-2021-11.csv --wave 2021-11 --mapping mapping.yaml"
    out = run(env, root, cmd)
    assert out.returncode == 0, out.stderr
    assert "1 713 svar fra «svar-2021-11.csv» er importert for 2021-11." in out.stdout
    db = root / "build" / "barometer.duckdb"
    before = db.read_bytes()
    out = run(env, root, cmd)
    assert out.returncode == 0 and "ingenting er endret" in out.stdout and db.read_bytes() == before

    # 4. a breakdown the report never printed, checked against pandas on the delivered file
    out = run(env, root, f'.venv/bin/python -m assistant ask --json "{QUESTION}"')
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert answer["route"] == "data" and answer["answerable"]
    df = pd.read_csv(root / "svar-2021-11.csv")
    sub = df[
        (df["Bransje"] == "Norsk Industri") & (df["Ansatte"] == "50-199") & df["BHT_AVTALE__avtale"].notna()
    ]
    ja = int((sub["BHT_AVTALE__avtale"] == 2).sum())
    first = answer["answer"].split("\n\n")[0]
    assert f"Av {len(sub)} bedrifter i Norsk Industri med 50-199 ansatte" in first and f"**{ja}**" in first
    assert answer["sources"][0]["label"] == "Respondentdata (november 2021)"

    # 5. the suppression rule is in force: tiny groups are hidden, no row below 5 leaves
    out = run(
        env,
        root,
        '.venv/bin/python -m assistant ask --json "Hvor mange bedrifter i NHO Sjøfart med 1 ansatt har avtale med BHT?"',
    )
    tiny = json.loads(out.stdout)
    assert "kan ikke vises" in tiny["answer"] and all(r["value"] is None for r in tiny["data"])
    out = run(
        env,
        root,
        '.venv/bin/python -m assistant ask --json "Hvor stor andel har hatt kontakt med Arbeidstilsynet, fordelt på fylke?"',
    )
    by_fylke = json.loads(out.stdout)
    assert any(r["suppressed"] for r in by_fylke["data"])
    for r in by_fylke["data"]:
        assert r["n"] is None or int(r["n"]) >= 5
        assert r["count"] is None or r["count"] == 0 or r["count"] >= 5
    assert "SYN-2021" not in out.stdout  # no respondent id ever leaves
