"""Faults in the build (assistant/integrity.py, build.py): what an operator can do to `data/build` by
accident — truncate the database, delete or change any file, kill a build halfway, start two processes
on a damaged build, run from a read-only install — ends in a working assistant or in one Norwegian
message naming the command to run, never in a traceback.

These tests build with ASSISTANT_EMBEDDINGS=none (about a second); the integrity logic does not depend
on the embedder.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import readonly

from assistant import knowledge
from assistant.build import DB_NAME, INDEX_DIR, build
from assistant.integrity import MANIFEST, BuildError, ensure_build, problems, read_manifest, write_manifest

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Hvor mange bedrifter svarte på undersøkelsen i november 2021?"
EXPECTED = "1 713"
COMMANDS = ("make build", ".venv/bin/python -m assistant build")


@pytest.fixture(autouse=True)
def no_embeddings(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS", "none")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """One finished build, copied by each test that damages it."""
    with pytest.MonkeyPatch.context() as patch:  # module scope: the autouse fixture is not active yet
        patch.setenv("ASSISTANT_EMBEDDINGS", "none")
        return build(out=tmp_path_factory.mktemp("pristine") / "build", log=lambda _m: None)


@pytest.fixture
def damaged(pristine, tmp_path) -> Path:
    return Path(shutil.copytree(pristine, tmp_path / "build"))


def files_of(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def answers(path: Path) -> str:
    from assistant import Assistant

    a = Assistant(data_dir=path)
    try:
        return a.ask(QUESTION).answer
    finally:
        a.close()


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_EMBEDDINGS": "none", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def cli(*args: str, data_dir: Path, prefix: list[str] | None = None, **extra: str):
    cmd = [sys.executable, "-m", "assistant", *args]
    return subprocess.run(cmd if prefix is None else readonly.wrap(cmd, prefix),
                          cwd=ROOT, env=env(ASSISTANT_DATA_DIR=str(data_dir), **extra),
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def assert_one_message(done: subprocess.CompletedProcess) -> None:
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert all(c in lines[0] for c in COMMANDS), lines[0]


# ---------------------------------------------------------------- the manifest


def test_manifest_lists_every_file_the_build_wrote(pristine):
    manifest = read_manifest(pristine)
    assert manifest is not None
    assert set(manifest["files"]) == files_of(pristine) - {MANIFEST}
    assert {DB_NAME, f"{INDEX_DIR}/targets.json", f"{INDEX_DIR}/passages.json"} <= set(manifest["files"])
    assert manifest["embedder"] == "none" and len(manifest["content_hash"]) == 64
    for rel, meta in manifest["files"].items():
        assert (pristine / rel).stat().st_size == meta["size"]
    assert problems(pristine) == []


def test_manifest_covers_files_another_build_step_adds(damaged):
    """Whatever a later step writes into the build (respondent tables, say) is covered once it reseals."""
    extra = damaged / "responses" / "2021-11.parquet"
    extra.parent.mkdir()
    extra.write_bytes(b"PAR1" + bytes(100))
    manifest = read_manifest(damaged)
    write_manifest(damaged, manifest["content_hash"], manifest["embedder"])
    assert problems(damaged) == []
    extra.unlink()
    assert problems(damaged) == ["responses/2021-11.parquet mangler"]


@pytest.mark.parametrize(
    "damage, expected",
    [
        (lambda p: os.truncate(p / DB_NAME, 100_000), "barometer.duckdb har feil størrelse"),
        (lambda p: (p / INDEX_DIR / "targets.json").unlink(), "index/targets.json mangler"),
        (lambda p: (p / MANIFEST).write_text("{"), "manifest.json er skadet"),
        (lambda p: (p / MANIFEST).unlink(), "manifest.json mangler"),
        (lambda p: shutil.rmtree(p), "finnes ikke"),
    ],
    ids=["truncated-db", "missing-index-file", "broken-manifest", "missing-manifest", "missing-folder"],
)
def test_damage_is_named(damaged, damage, expected):
    damage(damaged)
    found = problems(damaged)
    assert found and expected in found[0]


def test_same_size_different_bytes_is_caught(damaged):
    path = damaged / INDEX_DIR / "passages.json"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert problems(damaged) == ["index/passages.json har endret innhold"]


# ---------------------------------------------------------------- self-healing at start


def test_truncated_database_is_rebuilt_with_a_log_line(damaged, caplog):
    os.truncate(damaged / DB_NAME, 100_000)
    with caplog.at_level(logging.INFO, logger="assistant.integrity"):
        assert EXPECTED in answers(damaged)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "barometer.duckdb har feil størrelse" in warnings[0], warnings
    assert problems(damaged) == []


def test_every_file_of_the_build_is_checked(pristine, tmp_path, caplog):
    """Delete each file the manifest lists, one at a time: each start rebuilds and answers."""
    for i, rel in enumerate(sorted(read_manifest(pristine)["files"])):
        path = Path(shutil.copytree(pristine, tmp_path / str(i)))
        (path / rel).unlink()
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="assistant.integrity"):
            assert EXPECTED in answers(path), rel
        assert any(f"{rel} mangler" in r.getMessage() for r in caplog.records), rel
        assert problems(path) == []


def test_intact_build_is_not_rebuilt(damaged, caplog):
    before = (damaged / MANIFEST).read_bytes()
    with caplog.at_level(logging.INFO, logger="assistant"):
        assert ensure_build(damaged) == damaged
    assert (damaged / MANIFEST).read_bytes() == before
    assert not caplog.records


def test_missing_sources_give_a_message_not_a_rebuild(damaged, tmp_path, monkeypatch):
    os.truncate(damaged / DB_NAME, 10)
    monkeypatch.setattr(knowledge, "PUBLISHED", tmp_path / "nothing")
    with pytest.raises(BuildError) as err:
        ensure_build(damaged)
    assert "kildefilene mangler (data/published/*.csv)" in str(err.value)
    assert all(c in str(err.value) for c in COMMANDS)


def test_cli_on_a_damaged_build_it_cannot_write_prints_one_message(damaged):
    if not readonly.supported():
        pytest.skip("read-only mounts (unshare) are not available here")
    os.truncate(damaged / DB_NAME, 100_000)
    for args in (
        ["ask", QUESTION],
        ["ask", "--json", QUESTION],
        ["eval", str(ROOT / "tests" / "heldout.yaml")],
    ):
        done = cli(*args, data_dir=damaged, prefix=[damaged.parent])
        assert_one_message(done)
        assert "barometer.duckdb har feil størrelse" in done.stderr and "ikke skrivbar" in done.stderr
    done = cli("build", data_dir=damaged, prefix=[damaged.parent])
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "Bygget feilet" in done.stderr and "ASSISTANT_DATA_DIR" in done.stderr


def test_cli_where_no_folder_can_be_made_prints_one_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    done = cli("ask", QUESTION, data_dir=blocker / "build")
    assert_one_message(done)
    assert "finnes ikke" in done.stderr


# ---------------------------------------------------------------- a build killed halfway

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import assistant.build as b

    out, point = Path(sys.argv[1]), sys.argv[2]

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    def log(message):
        if message.startswith(point):
            die()

    if point == "swap":  # between the two renames: `out` is gone, the new build not yet in place
        replace = os.replace

        def replacing(src, dst):
            replace(src, dst)
            if Path(src) == out:
                die()

        b.os.replace = replacing
    if point == "manifest":
        b.write_manifest = lambda folder, *a, **k: ((folder / "manifest.json").write_text('{"form'), die())
    b.build(force=True, log=log, out=out)
    """
)


@pytest.mark.parametrize(
    "point", ["Bygger databasen", "Deler rapporten", "Lager vektorer", "manifest", "swap"]
)
def test_killed_build_leaves_a_usable_build(damaged, point, caplog):
    before = read_manifest(damaged)
    done = subprocess.run([sys.executable, "-c", KILLER, str(damaged), point], cwd=ROOT, env=env(),
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == -9, done.stderr
    if point == "swap":
        assert not damaged.exists()  # the kill really fell between the renames
    else:
        assert read_manifest(damaged) == before and problems(damaged) == []
    with caplog.at_level(logging.INFO, logger="assistant"):
        assert EXPECTED in answers(damaged)
    assert problems(damaged) == []
    built = [r for r in caplog.records if r.getMessage().startswith("Bygger databasen")]
    assert not built, "a usable build was there; nothing should have been rebuilt"
    # the lock died with the process: the next build runs
    build(force=True, out=damaged, log=lambda _m: None)
    assert problems(damaged) == []


# ---------------------------------------------------------------- two processes at once

STARTER = textwrap.dedent(
    """
    import logging, sys, time
    from pathlib import Path
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    from assistant import Assistant
    import assistant.pipeline  # imported before the start line, so both processes start together

    go = Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.005)
    a = Assistant(data_dir=Path(sys.argv[1]))
    print(a.ask(sys.argv[3]).answer)
    """
)


def test_processes_starting_together_on_a_damaged_build_rebuild_once(damaged, tmp_path):
    os.truncate(damaged / DB_NAME, 100_000)
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", STARTER, str(damaged), str(go), QUESTION],
            cwd=ROOT,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(3)
    ]
    time.sleep(3)  # let them import and wait at the start line
    go.touch()
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _o, e in outputs]
    assert all(EXPECTED in out for out, _e in outputs)
    logs = "".join(e for _o, e in outputs)
    assert "Traceback" not in logs
    assert logs.count("Bygger databasen") == 1, logs
    assert problems(damaged) == []


# ---------------------------------------------------------------- read-only install


def test_read_only_install_answers_and_writes_nothing(built):
    """The whole project folder read-only, as in a container image: the CLI answers and writes nothing."""
    skip = ("__pycache__", ".pytest_cache", "test-artifacts")
    before = readonly.snapshot(ROOT, skip)
    prefix = [ROOT] if readonly.supported() else None
    env_ro = {
        "ASSISTANT_EMBEDDINGS": read_manifest(built)["embedder"]
    }  # as built, so `build` finds it current
    done = cli("ask", "--json", QUESTION, data_dir=built, prefix=prefix, **env_ro)
    assert done.returncode == 0, done.stderr
    assert EXPECTED in json.loads(done.stdout)["answer"]
    assert done.stderr == ""
    done = cli("build", data_dir=built, prefix=prefix, **env_ro)
    assert done.returncode == 0 and "ingenting å bygge" in done.stdout, done.stderr
    assert readonly.snapshot(ROOT, skip) == before
