"""Optional language model (langchain chat model), used for one thing only: rewriting a question the
deterministic pipeline could not place into the survey's own words. The rewritten question then goes
through the same pipeline, so every number still comes from the database. Never required, never asked
for numbers, and its output is checked before use.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any

from . import knowledge, settings

log = logging.getLogger(__name__)

PROMPT = (
    "Du hjelper en assistent som svarer på spørsmål om NHOs Arbeidsmiljøbarometer 2021 (en "
    "spørreundersøkelse blant NHOs medlemsbedrifter i november 2021 og juni 2022). Skriv brukerens "
    "spørsmål om til ett kort spørsmål på bokmål som bruker ordene i undersøkelsen. Ikke svar på "
    "spørsmålet, og ikke ta med tall som ikke står i brukerens spørsmål. Hvis spørsmålet ikke handler om "
    "undersøkelsen, svar bare INGEN.\n\nSpørsmålene i undersøkelsen:\n{questions}"
)


def make_chat_model() -> Any | None:
    """The configured langchain chat model, or None (the default, and when the provider is unavailable)."""
    provider = settings.get("ASSISTANT_LLM").strip().lower()
    if provider in ("", "none"):
        return None
    model = settings.get("ASSISTANT_LLM_MODEL") or None
    base_url = settings.get("ASSISTANT_LLM_BASE_URL") or None
    try:
        if provider == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(model=model or "gpt-4o-mini", base_url=base_url, temperature=0, timeout=10)
        if provider == "azure":
            from langchain_openai import AzureChatOpenAI

            return AzureChatOpenAI(
                azure_deployment=model,
                azure_endpoint=base_url or os.environ.get("AZURE_OPENAI_ENDPOINT"),
                api_version=os.environ.get("OPENAI_API_VERSION", "2024-06-01"),
                temperature=0,
                timeout=10,
            )
        if provider == "ollama":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(
                model=model or "llama3.1",
                base_url=base_url or "http://localhost:11434/v1",
                api_key=os.environ.get("OLLAMA_API_KEY", "ollama"),
                temperature=0,
                timeout=10,
            )
    except ImportError:
        log.warning(
            "ASSISTANT_LLM=%s, men langchain-openai er ikke installert (pip install -e '.[llm]')", provider
        )
        return None
    except Exception:  # a misconfigured provider must not stop the assistant
        log.exception("Kunne ikke sette opp språkmodellen %s", provider)
        return None
    log.warning("Ukjent ASSISTANT_LLM=%s; bruker ingen språkmodell", provider)
    return None


def rewrite_question(model: Any, question: str) -> str | None:
    """The model's rewording of `question`, or None when it declines or answers with something unusable."""
    questions = "\n".join(f"- {q['text']}" for q in knowledge.questions())
    try:
        reply = model.invoke([("system", PROMPT.format(questions=questions)), ("human", question[:1000])])
    except Exception:
        log.exception("Språkmodellen svarte ikke")
        return None
    text = str(getattr(reply, "content", reply) or "").strip().strip('"«»').strip()
    if not text or text.upper().startswith("INGEN") or "\n" in text or len(text) > 300:
        return None
    # the model may not add numbers: a rewording carries only the user's own
    if set(re.findall(r"\d+", text)) - set(re.findall(r"\d+", question)):
        return None
    return text
