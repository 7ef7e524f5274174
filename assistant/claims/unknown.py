"""What a claim says that the report never speaks of: a cause the report does not give («… fordi tjenestene er
for dyre») or a long specific term it never uses («overtredelsesgebyr»). Such a claim is not in the report,
whatever figure it carries: a sentence about something else must not support or contradict it."""

from __future__ import annotations

import re

from ..normalize import normalize, report_tokens, tokens

# "… fordi …", "… på grunn av …", "… som skyldes …": the cause a claim gives
_CAUSE = re.compile(
    r"\b(?:fordi|ettersom|på grunn av|pga\.?|som skyldes|skyldes|grunnet|takket være)\s+(?P<cause>.+)$"
)
LONG = 11  # a word this long is a specific term (a compound), not everyday wording


_OPPOSITE_PREFIX = (("over", "under"), ("under", "over"))
_COMPANY_HEADS = ("bedrift", "virksomhet", "verksemd", "firma")
# words of measurement a claim may use about any figure («overrepresentert med fire prosentpoeng»)
_MEASURE_WORDS = ("prosentpoeng", "prosentandel", "gjennomsnitt", "differanse", "flertall", "mindretall")


def _unknown(text: str) -> list[str]:
    known = report_tokens()

    def plain(t: str) -> bool:
        return (
            t.isdigit() or t in known or any(k.startswith(t) or t.startswith(k) for k in known if len(k) >= 6)
        )

    def knows(t: str) -> bool:
        # "overrepresentert" is the report's "underrepresentert" turned round
        if t.startswith(_MEASURE_WORDS):
            return True
        if plain(t) or any(t.startswith(a) and plain(b + t[len(a) :]) for a, b in _OPPOSITE_PREFIX):
            return True
        # "svarbedrifter", "medlemsvirksomheter": a known word before the word for the companies themselves
        head = next((h for h in _COMPANY_HEADS if t.endswith(h) and len(t) - len(h) >= 3), None)
        return head is not None and plain(re.sub(r"(?<=[^s])s$", "", t[: -len(head)]))

    return [t for t in tokens(normalize(text)) if not knows(t)]


def unsupported_cause(clause: str) -> str | None:
    """The cause the claim gives, when it has words the report never uses («fordi tjenestene er for dyre»)."""
    m = _CAUSE.search(normalize(clause))
    if not m:
        return None
    cause = m.group("cause").strip(" .,")
    return cause if _unknown(cause) else None


def unknown_term(clause: str) -> str | None:
    """A long specific term of the claim the report never uses («overtredelsesgebyr»)."""
    long = [w for w in re.findall(r"[a-zæøå]+", normalize(clause)) if len(w) >= LONG]  # hyphen parts apart
    for w in long:
        if _unknown(w):
            return w
    return None
