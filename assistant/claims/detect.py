"""Recognise a claim check ("Kan jeg skrive at …?", "«…» Stemmer det?", "Sjekk: …") and strip its frame."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import OSA

from .. import knowledge
from ..intents import ABOUT_USE
from ..normalize import known_words
from ..report import split_sentences
from .parse import parse

MAX_CLAIMS = 8  # sentences of a pasted draft checked one by one; the rest are named as unchecked

_I = re.IGNORECASE
_ME = r"(?:jeg|vi|eg|me|man)"


# a claim frame before the claim: what is left after it is the claim
_FRAMES_BEFORE = [
    re.compile(p, _I)
    for p in (
        rf"^(?:kan|kunne|får|går det an at) {_ME} (?:trygt )?(?:skrive|si|påstå|hevde|bruke|publisere|slå fast|seie|"
        r"poste|poste på [\wæøå]+|tvitre|tweete|dele|legge ut|skrive på [\wæøå]+|melde|formidle|gå ut med|gå ut og si)"
        r"(?: (?:i|på|til|for|under|foran) [\wæøå -]{1,40}?)?(?: at|:| følgende:?|\s*(?=«))\s*",  # "si på kurset at"
        r"^(?:stemmer|stemmer det|stemmer det virkelig|stemmer det også|stemmer påstanden(?: om)?|er det sant|sant|er det riktig|"
        r"er det korrekt|er det rett|er det slik|er det sånn|er det faktisk slik|er det virkelig slik|er det også riktig|"
        r"holder det å si|holder det å skrive|er det dekning for å si|er det dekning for å skrive|er det belegg for å si|"
        r"har vi dekning for å si|har vi dekning for å skrive|har vi belegg for å si|"
        r"medfører det riktighet|kan det stemme|holder det|er det riktig som det står|er det riktig påstått)"
        r"(?: at|:|\s*(?=«))\s*",  # "Stemmer påstanden «…»?"
        # English frames in a Norwegian message ("Fact check - …", "Is it true at …")
        r"^(?:fact[- ]?check(?:ing)?|quick check|check|is it (?:really )?(?:true|correct|right)|is this (?:true|correct)|"
        r"true or false|sant eller usant|riktig eller galt)(?: that| at)?\s*[:\-–]?\s*",
        r"^(?:sjekk|faktasjekk|faktasjekk av|verifiser|kontroller|kan du sjekke|kan du faktasjekke|vil du sjekke|"
        r"sjekk gjerne|påstand|utkast)(?: om| at| denne| dette| påstanden| setningen| teksten| for meg)*\s*[:\-–]?\s*",
        r"^(?:en|ein|ei|min|vår|vår|han|hun|ho) ?(?:journalist|reporter|avis|kollega|leser|lesar|politiker|kilde|"
        r"rådgiver|artikkel|sak|pressemelding|kommentator)?(?: i [\wæøå]+| fra [\wæøå]+| frå [\wæøå]+)? "
        r"(?:påstår|skriver|skriv|hevder|hevdar|sier|seier|mener|meiner|skrev|skreiv|påsto|hevdet|sa)(?: at|:)\s*",
        r"^(?:det )?(?:påstås|hevdes|sies|blir sagt|blir hevdet|står det i en sak) at\s*",
        # "Er det feil å skrive at …", "Blir det galt å si at …", "Er det greit å skrive at …"
        r"^(?:er|blir|ville|vil|hadde) det (?:vært |være )?(?:feil|galt|greit|ok|riktig|rett|trygt|dekkende|presist|"
        r"korrekt|forsvarlig) (?:å |og )?(?:skrive|si|påstå|hevde|seie|bruke|formulere)(?: at|:)?\s*",
        # "Kan du bekrefte at …", "Bekreft at …", "Tør vi skrive at …"
        r"^(?:kan du |vil du |du kan )?(?:bekrefte|bekreft|avkrefte|stadfeste)(?: eller avkrefte| eller avkreft)?(?: at|:)?\s*",
        rf"^(?:tør|tåler) {_ME} (?:å )?(?:skrive|si|påstå|hevde)(?: at|:)\s*",
    )
]
# "Kan vi bruke dette i pressemeldingen: «…»?", "Kan jeg sitere følgende: …"
_FRAMES_BEFORE.append(
    re.compile(
        rf"^(?:kan|kunne|får|bør|tør|går det an at) {_ME} (?:trygt )?(?:bruke|publisere|skrive|sitere|sende ut) "
        r"(?:dette|denne|følgende|det her|denne setningen|denne påstanden|setningen)"
        r"(?: i [\wæøå -]{1,40}?)?\s*:\s*",
        _I,
    )
)
# "Kollegaen min påstår at …", "Journalisten skriver at …", "I en pressemelding står det at …",
# "Kan vi skrive dette? «…»"
_FRAMES_BEFORE += [
    re.compile(p, _I)
    for p in (
        r"^(?:kollegaen|journalisten|sjefen|lederen|avisen|avisa|artikkelen|saken|pressemeldingen|kilden|"
        r"rådgiveren|styret|politikeren)(?: min| vår| mi| vårt)? (?:påstår|skriver|skriv|hevder|hevdar|sier|seier|"
        r"mener|meiner|skrev|påsto|hevdet|sa)(?: at|:)\s*",
        # "Stemmer tittelen: «…»?", "Tittel: «…» – dekning?", "Ingress: «…» OK?": a headline or an ingress to check
        r"^(?:stemmer|holder|held|er) (?:tittelen|tittelen vår|overskriften|overskrifta|ingressen|setningen|sitatet)"
        r"(?: vår| min| vårt)?\s*[:\-–]?\s*(?=«|\"|“)",
        r"^(?:tittel|tittelen|overskrift|overskriften|ingress|ingressen|sitat|utkast til tittel|forslag til tittel|"
        r"tweet|tekst)\s*[:\-–]\s*(?=«|\"|“)",
        # "En av våre analytikere mener at …", "Noen av medlemmene våre hevder at …"
        r"^(?:en|ein|ei|et|eit|noen|nokon|nokre|flere|fleire|mange)(?: av| blant)? (?:våre |mine |dei |de |vår |min )?"
        r"[\wæøå-]+(?: våre| mine| vår| min| i [\wæøå-]+)? (?:påstår|skriver|skriv|hevder|hevdar|sier|seier|mener|meiner|"
        r"tror|trur|skrev|påsto|hevdet|sa)(?: at|:)\s*",
        r"^i (?:en|ei|et|eit|vår|min|denne|dette|utkastet til en) [\wæøå-]+ (?:står|stod|sto|heter|heiter) det(?: at|:)\s*",
        # "I utkastet vårt står det at …", "I saka vi skriv står det at …"
        r"^i (?:[\wæøå-]+ ){1,3}?(?:står|stod|sto|heter|heiter) det(?: at|:)\s*",
        # "På et møte i bransjeforeningen ble det sagt at …", "Det ble hevdet at …"
        r"^(?:(?:på|i|under|etter) [\wæøå -]{1,50}? )?(?:ble|vart|blei|har) det (?:blitt |vorte )?(?:sagt|hevdet|hevda|"
        r"påstått|nevnt|nemnt|fortalt|fortalde)(?: at|:)\s*",
        r"^det (?:ble|vart|blei|har blitt) (?:sagt|hevdet|hevda|påstått|nevnt|nemnt)(?: [\wæøå -]{1,40}?)?(?: at|:)\s*",
        # "Vi vurderer denne overskriften: «…»", "Vi har skrevet følgende: …"
        r"^(?:vi|jeg|eg|me) (?:vurderer|har skrevet|skriver|planlegger|tenker å bruke|vil bruke|har) (?:denne|dette|følgende|"
        r"en|ei|et)?\s*(?:overskriften|overskrifta|tittelen|ingressen|setningen|setninga|sitatet|formuleringen|påstanden|"
        r"teksten)?\s*:\s*",
        rf"^(?:kan|kunne|får|tør) {_ME} (?:trygt )?(?:skrive|bruke|si|publisere) (?:dette|følgende|denne setningen)\s*\?\s*(?=[«“\"])",
    )
]
# "Er følgende riktig: …"
_FRAMES_BEFORE.append(
    re.compile(
        r"^(?:er|stemmer) (?:følgende|dette|denne påstanden|denne setningen|denne)(?: riktig| korrekt| sant| rett)?"
        r"(?: (?:sitert|gjengitt|referert|forstått|oppsummert|lest))?\s*:\s*",
        _I,
    )
)
# an attribution inside the claim ("Vi skriver i pressemeldingen at …", "NRK skriver at …"): what is claimed
# follows it; a source that "shows" something ("YS-barometeret viser at …") is kept, it is part of the claim
_ATTRIBUTION = re.compile(
    r"^(?:[\wæøåÆØÅ-]+\s+){1,4}?(?:skriver|skriv|skrev|har skrevet|påstår|sier|seier|hevder|hevdar|hevdet|sa|sa til meg|"
    r"fortalte|fortalde|nevnte|nemnde|påsto|hevda|mente|meinte|har hørt|hørte|høyrde|leste|las|"
    r"vil skrive|skal skrive|ønsker å skrive|vurderer å skrive|har tenkt å skrive|planlegger å skrive|vil skrive i [^,.]{1,30}?)"
    r"(?:\s+(?:vi|jeg|eg|me|de|dei|dere|han|hun|ho))?(?:\s+i\s+[^,.]{1,40}?)?\s+at\s+",
    _I,
)
# who says it, after the claim ("…, slik en kollega påstår", "…, ifølge sjefen min", "…, har jeg hørt"): not claimed
_SAID_AFTER = re.compile(
    r"\s*,?\s*(?:(?:slik|sånn|som|etter det) (?:[\wæøå-]+ ){0,4}?(?:påstår|påsto|hevder|hevdar|hevdet|sier|seier|sa|"
    r"skriver|skriv|skrev|mener|meiner|mente|tror|trur|har hørt|har lest|har skrevet|har sagt)|"
    r"(?:ifølge|i følge|iflg\.?) (?!(?:nhos? )?(?:rapporten|barometeret|undersøkelsen|undersøkinga|arbeidsmiljøbarometer))"
    r"(?:[\wæøå-]+ ){0,3}[\wæøå-]+|(?:har|hadde) (?:jeg|eg|vi|me) (?:hørt|høyrt|lest|sett|fått høre))[\s.!?]*$",
    _I,
)
_REPORT_NAMES = (
    r"(?:nhos? )?(?:arbeidsmiljøbarometeret|arbeidsmiljøbarometer(?: 2021)?|barometeret|rapporten|undersøkelsen|"
    r"undersøkinga|nho)(?: 2021)?"
)
# "Står det i rapporten at …", "Sier undersøkelsen at …", "Har rapporten dekning for at …": the report asked of
_FRAMES_BEFORE += [
    re.compile(p, _I)
    for p in (
        rf"^(?:står|stod|sto|heter|heiter) det (?:(?:faktisk|virkelig|egentlig|eigentleg|noe sted|nokon stad) )?"
        rf"(?:i {_REPORT_NAMES} )?at\s*",
        rf"^(?:sier|seier|viser|skriver|skriv|konkluderer|påstår|hevder|fastslår) {_REPORT_NAMES} (?:med )?at\s*",
        # "Rapporten sier vel at …?", "Undersøkelsen viser jo at …?": a statement about the report, asked back
        rf"^{_REPORT_NAMES} (?:sier|seier|viser|syner|skriver|skriv|konkluderer med|fastslår) "
        r"(?:vel|jo|vel også|altså) at\s*(?=.*\?\s*$)",
        rf"^(?:har|finnes det|gir) (?:{_REPORT_NAMES} )?(?:dekning|belegg|grunnlag|støtte) (?:i {_REPORT_NAMES} )?for "
        r"(?:å (?:si|skrive|seie|påstå) )?at\s*",
    )
]
_THIS_REPORT = re.compile(
    rf"^(?:(?:ifølge|iflg\.?|etter|i følge|i) {_REPORT_NAMES}(?: viser)?,?\s+(?:så\s+)?"
    r"(?:(?:står|heter|sies|kommer|går) det(?: fram| frem)?(?: at)?\s+)?|"
    rf"{_REPORT_NAMES} (?:viser|sier|skriver|melder|konkluderer med|fastslår)(?: at|:)\s+)",
    _I,
)
_VERB_FIRST = re.compile(
    r"^(har|hadde|er|var|ble|blir|mener|meiner|synes|synest|syns|opplever|opplevde|oppgir|oppga|svarer|svarte)\s+"
    r"(.{1,60}?\b(?:bedrift|bedrifter|bedriftene|virksomheter|virksomhetene|verksemder|verksemdene))\b\s*",
    _I,
)


def _subject_first(body: str) -> str:
    """A clause that began after an adverbial, in statement order ("har hver femte bedrift opplevd …" →
    "hver femte bedrift har opplevd …"), when its subject states a figure.

    >>> _subject_first("har hver femte bedrift opplevd negativ endring")
    'hver femte bedrift har opplevd negativ endring'
    """
    m = _VERB_FIRST.match(body)
    if not m or not parse(m.group(2)).amounts:
        return body
    return f"{m.group(2)} {m.group(1).lower()} {body[m.end() :]}".strip()


# a claim frame after the claim ("«…» Stemmer det?")
# what a frame after the claim points back at: "det", "den setningen", "denne formuleringen"
_OBJ = (
    r"(?:(?:den|denne|dette|det|den her|slik|sånn) )?(?:setningen|setninga|påstanden|formuleringen|formuleringa|"
    r"teksten|tallet|sitatet|avsnittet)|det|dette|den|denne|sånn|slik"
)
_FRAME_AFTER = re.compile(
    (
        rf"[\s,.;:!?–-]*(?:(?:og |men )?(?:stemmer|holder|held) (?:{_OBJ}|det her|vann|mål)(?: egentlig| virkelig)?(?: vann| mål)?|"
        r"er (?:det|dette|den|påstanden) (?:riktig|rett|korrekt|sant|sannt)|kan (?:jeg|vi|eg|me) (?:skrive|si|bruke) (?:det|dette|den)|"
        # "…, stemmer ikkje det?", "…, er det ikke riktig?": the check asked the other way round
        r"(?:stemmer|stemmer) (?:ikke|ikkje) (?:det|dette)|er (?:det|dette) (?:ikke|ikkje) (?:riktig|rett|sant|korrekt)|"
        r"riktig|korrekt|sant|ikke sant|ikkje sant|"
        rf"(?:er|finnes|fins) (?:det|der) (?:dekning|belegg|grunnlag|støtte) (?:i rapporten |i tallene )?for (?:{_OBJ})|"
        # "Stemmer tallene?", "Er tala rette?": the figures of the quoted draft asked about
        r"(?:stemmer|holder|held) (?:begge |de |dei )?(?:tallene|tala|talla|tallet|talet|prosentene|prosenttallene)|"
        r"er (?:begge |de |dei )?(?:tallene|tala|talla|tallet|talet) (?:riktige|rette|korrekte|riktig|rett|korrekt)|"
        r"stemmer (?:det|dette) med (?:tabellen|rapporten|tallene|tala|undersøkelsen|barometeret)|"
        r"har (?:han|hun|ho|de|dei|den|vi|journalisten|kollegaen) rett|er (?:det|dette) (?:riktig|rett|korrekt) tall|"
        r"kan (?:jeg|vi|eg|me) (?:skrive|si) (?:det|dette|sånn|slik)|går det an|"
        r"kan (?:det|dette|den|det der|det tallet|dette tallet) (?:virkelig |egentlig )?(?:stemme|stemma|være riktig|vere rett|være rett)|"
        r"er (?:det|dette|den) (?:riktig|rett|korrekt) (?:gjengitt|sitert|forstått|oppsummert|lest)|"
        r"(?:har|har ikke) (?:vi|jeg|eg|me) dekning for (?:det|dette|den|overskriften|påstanden)|"
        r"(?:har|finnes det|fins det) (?:barometeret|rapporten|undersøkelsen|dere) (?:tall|dekning|belegg)"
        r"(?: for| som støtter| som viser)? ?(?:det|dette|den|påstanden)?|"
        r"kan (?:vi|jeg|eg|me) (?:vise til|henvise til|bruke) (?:barometeret|rapporten|undersøkelsen)(?: for (?:det|dette))?|"
        r"er (?:det|dette) (?:det|hva|noe) (?:barometeret|rapporten|undersøkelsen) (?:viser|sier|fant)|"
        r"støtter (?:barometeret|rapporten|undersøkelsen|tallene) (?:det|dette|den|påstanden)|"
        r"(?:viser|sier|støtter) (?:barometeret|rapporten|undersøkelsen|undersøkinga|tallene|tala) (?:det|dette|noe slikt|noe sånt)|"
        rf"(?:kan|bør|får|tør) (?:jeg|vi|eg|me) (?:trygt )?(?:bruke|publisere|sende ut|skrive|sitere) (?:{_OBJ})|"
        rf"(?:kan|bør) (?:{_OBJ}) (?:brukes|publiseres|sendes ut|stå)|"
        r"er (?:det|dette|den|setningen) (?:greit|trygt|ok|dekkende|presist) (?:å )?(?:bruke|publisere|skrive)?|"
        # "Ok å publisere?", "Kan du sjekke?", "Sjekk dette": a draft quoted, then the check asked for
        r"(?:er (?:det|dette|den) )?(?:ok|okei|greit|trygt) å (?:publisere|bruke|poste|tvitre|dele|sende ut|skrive)"
        r"(?: (?:det|dette|den))?|(?:kan du |kunne du )?(?:sjekke|sjekk|faktasjekke|faktasjekk|verifisere|bekrefte)"
        r"(?: (?:det|dette|den|tallet|påstanden|setningen))?(?: for meg)?|(?<![\wæøå])(?:ok|okei|greit|dekning|belegg|holder|stemmer|stemmer dette|riktig|rett))"
        r"(?:\s+(?:i|til|på|som|fra|frå|ut fra|etter|ifølge|i følge|iflg\.?|med tanke på)\s+[\wæøå -]{1,40}?)?\s*\?+\s*$"
    ),
    _I,
)
# a check asked after a dash or comma, the question mark left out ("… – stemmer det", "…, riktig")
_DASH_FRAME = re.compile(
    r"\s*(?:[–-]|,)\s*(?:stemmer (?:det|dette)|stemmer|riktig|korrekt|sant|holder (?:det|dette)|ok|er det riktig|"
    r"er det sant|kan det stemme|stemmer det med rapporten)\s*[.!]*\s*$",
    _I,
)
_TRAILING_CHECK = re.compile(r"\s+(?:stemmer|stemmer det|stemmer dette|riktig|korrekt|sant)\s*[.!]*\s*$", _I)
_STATING_VERB = re.compile(
    r"\b(har|hadde|er|var|ble|blir|mener|meiner|synes|syns|synest|syntes|opplever|opplevde|oppgir|oppga|svarer|svarte|"
    r"sier|seier|sa|fikk|fekk|brukte|bruker|vurderer|vurderte|ønsker|ønsket|jobber|jobbet|jobbar|kunne|kan|gikk|økte|"
    r"sank|falt|ser|såg|så|rapporterer|rapporterte|melder|meldte|oppgav|oppgjev)\b",
    _I,
)


def _bare_statement(t: str) -> bool:
    """A statement typed without any frame: a figure, a verb stating it, no question mark, no question word
    («nesten alle bedriftene (9 av 10) hadde dialog med legen i 2021»); or a figure first and what it is of, in
    the shorthand of a note («30 % dårlegare leiing på avstand»); or a sentence comparing, ended with a full
    stop («Det er de minste bedriftene som oftest har vært i kontakt med Arbeidstilsynet.»)."""
    if "?" in t or re.match(_QUESTION_START, t, _I) or len(t.split()) < 4:
        return False
    if re.search(
        r"(?:^|[.:!;–-]\s+)(gi|gje|vis|finn|lag|lage|skriv|hent|send|list|oppsummer|sammenlign|samanlikn|beskriv|forklar)\b",
        t,
        _I,
    ):
        return False  # an instruction ("gi meg 3 tall om …", "…: lag en faktaboks …"), not a statement
    if _ASKS_INDIRECTLY.search(t):
        return False  # "Jeg lurer på hvor mange …": a question without its question mark
    p = parse(t)
    if p.amounts and p.amounts[0].start == 0 and not _FIGURES_WANTED.match(t[p.amounts[0].end :]):
        return True  # the figure first: "1 av 4 småbedr tilsyn utan rettl lite nyttig"
    if len(t.split()) < 5:
        return False
    if p.amounts and _STATING_VERB.search(t):
        return True
    return (
        t.rstrip().endswith(".")
        and len(t.split()) >= 7
        and not re.match(rf"^(?:{_ME}|vår|vårt|våre|min|mitt|hos oss)\b", t, _I)  # the user's own story
        and bool(_COMPARING.search(t))
        and bool(_STATING_VERB.search(t) or re.search(r"\bsom\s+(?:oftest|sjeldnest|mest|minst)\b", t, _I))
    )


# "Jeg lurer på …", "vi vil vite …": a question asked as a statement
_ASKS_INDIRECTLY = re.compile(
    r"\b(?:lurer på|lurar på|undrer på|vil (?:gjerne )?vite|ville vite|vil høre|lyst til å vite|spør om|spør etter|"
    r"fortell|forklar|vet du|veit du|kan du|kunne du|hjelp meg)\b",
    _I,
)
# "3 BHT-tall til …", "4 stk nøkkeltall": a number of figures asked for, no figure stated
_FIGURES_WANTED = re.compile(r"\s*(?:[\wæøå]+-)?(?:tall|tal|nøkkeltall|nøkkeltal|stk|stykker|punkter|kulepunkter)\b", _I)
# a comparison or a ranking stated without a figure
_COMPARING = re.compile(
    r"\b(?:flere|fleire|færre|mer|meir|mindre|oftere|oftare|sjeldnere|oftest|sjeldnest|flest|færrest|størst|"
    r"høyest|lavest|høgast|lågast|bedre|betre|dårligere|dårlegare|vanligere|vanlegare)\b(?! enn \d)",
    _I,
)


_BARE_CHECK = re.compile(
    r"^\W*(?:sjekk|faktasjekk|stemmer det|stemmer dette|er det riktig|er det sant)\W*$", _I
)
_QUOTED = re.compile(r"[«“\"]([^»”\"]{6,})[»”\"]")


# "X ble vel Y?", "X er jo Y?": a statement the writer wants confirmed
_TAG_VEL = re.compile(r"\b(?:ble|var|er|har|hadde|blir|vart|fikk|svarte|svarer) (vel|jo)\s", _I)
# "… «nyttige» (berre det svaralternativet, ikkje «svært nyttig»)": an aside that narrows the answer the claim
# names; what it leaves out is no part of the claim, and a quoted answer it keeps is the one meant
_ONLY_ASIDE = re.compile(r"\s*\((?:bare|berre|kun|altså|altso|dvs\.?|det vil si)\s+([^()]*)\)", _I)


def _only_named(m: re.Match[str]) -> str:
    kept = re.split(
        r",?\s+(?:ikke|ikkje|ikkje med|ikke med|ikke regnet med)\b", m.group(1), maxsplit=1, flags=_I
    )[0]
    quoted = _QUOTED.findall(kept) if "«" in kept else []
    return (" " + " ".join(f"«{q}»" for q in quoted)) if quoted else ""


# "Var det 25 prosent av bedriftene … som syntes …?": a figure asked back as a yes/no question is a claim
_WAS_IT = re.compile(
    r"^(?:var|er|blei|vart|ble) det (?P<amount>(?:om lag |rundt |cirka |ca\.? |bare |berre |hele |heile |over |under )?"
    r"(?:\d+(?:[.,]\d+)?\s*(?:%|prosent)|\d+ av \d+|(?:en|ein|to|tre|fire|fem|seks|sju|syv|åtte|ni) av (?:ti|10)|"
    r"halvparten|halvdelen|hver (?:tredje|fjerde|femte|tiende))\b[^?]*?) som (?P<rest>[^?]+)\?*\s*$",
    _I,
)
_QUESTION_START = r"^(?:kan|vil|skal|må|har du|er du|hva|hvor|hvilke|hvilken|hvilket|hvem|hvordan|når|kva|kor|kven|korleis|kvifor|hvorfor)\b"


@dataclass
class ClaimRequest:
    text: str  # the message as typed
    claims: list[str]  # claim sentences, frame stripped (empty: nothing to check was given)
    unchecked: list[str] = field(default_factory=list)  # sentences over MAX_CLAIMS


# ---------------------------------------------------------------------------------------------- detect


_STORY_END = re.compile(r"(?<=[a-zæøå0-9)])[.!]\s+(?=[A-ZÆØÅ])")
_LEAD_IN = re.compile(r"^[^–:?!.«»]{3,50}?\s*[–:-]\s+(?=\S)")


def _frame_before(t: str) -> str | None:
    """What follows a claim frame at the start of `t` ("" when the frame stands alone), or None."""
    for pattern in _FRAMES_BEFORE:
        m = pattern.match(t)
        if m:
            return t[m.end() :] if re.search(r"[\wæøå]", t[m.end() :]) else ""
    return None


def detect(text: str) -> ClaimRequest | None:
    """The claim(s) a message asks to check, or None when it is not a claim check.

    >>> detect("«Hele 7 av 10 bedrifter synes helsekontrollene er nyttige.» Stemmer det?").claims
    ['Hele 7 av 10 bedrifter synes helsekontrollene er nyttige']
    >>> detect("Sjekk: 55 prosent hadde hjemmekontor i juni 2022.").claims
    ['55 prosent hadde hjemmekontor i juni 2022']
    >>> detect("Stemmer det?").claims, detect("Hvor mange svarte?")
    ([], None)
    """
    t = _frame_typos(re.sub(r"\s+", " ", text or "").strip())
    if not t or re.search(ABOUT_USE, t, re.IGNORECASE):
        return (
            None  # "Kan jeg bruke det i en pressemelding?" asks about the previous answer, it claims nothing
        )
    if _BARE_CHECK.match(t):
        return ClaimRequest(t, [])
    body = None
    # "Til en presentasjon – kan jeg si at …": what it is for, then the frame
    lead_in = _LEAD_IN.match(t)
    candidates = [t, t[lead_in.end() :]] if lead_in else [t]
    # "Og stemmer det at …", "Men er det riktig at …": a connective before the frame
    joined_on = re.match(r"^(?:og|men|så|ok|okei|greit|takk)\b[,.!]?\s+", t, _I)
    if joined_on:
        candidates.append(t[joined_on.end() :])
    # "Vi er 5 tilsette og syntest tilsynet var greitt. Stemmer det at …": the user's story, then the frame
    candidates += [t[m.end() :] for m in _STORY_END.finditer(t)]
    for t_frame in candidates:
        found = _frame_before(t_frame)
        if found is not None:
            if not found:  # "Sjekk denne setningen for meg": the frame alone
                return ClaimRequest(t, [])
            body = found
            break
    if body is None:
        m = _FRAME_AFTER.search(t)
        if (
            m
            and m.start() > 0
            and (_QUOTED.search(t) or not re.match(r"^(hva|hvor|hvilke|hvem|hvordan|når)\b", t, _I))
        ):
            body = t[: m.start()]
    if body is None and (m := _WAS_IT.match(t)):
        body = f"{m['amount']} {m['rest']}"
    if body is None:
        m = _TAG_VEL.search(t)  # "Hovedundersøkelsen ble vel gjennomført i oktober 2021?": a claim asked back
        if m and t.rstrip().endswith("?") and not re.match(_QUESTION_START, t, _I):
            body = re.sub(r"\s+", " ", t[: m.start(1)] + t[m.end(1) :]).rstrip(" ?")
    if body is None and (m := _DASH_FRAME.search(t)) and m.start() > 0:
        body = t[: m.start()]  # "20 prosent sier … – stemmer det": the check asked without a question mark
    if (
        body is None
        and (m := _TRAILING_CHECK.search(t))
        and m.start() > 0
        and parse(t[: m.start()]).amounts
        and not re.match(_QUESTION_START, t, _I)
    ):
        body = t[: m.start()]  # "39 % ingen endring produktivitet stemmer": a figure, then the check, no stop
    if body is None and _bare_statement(t):
        body = t  # "under halvparten av småbedriftene (2-9 ansatte) har BHT-avtale": a figure stated, to check
    if (
        body is None
        and (m := _SAID_AFTER.search(t))
        and m.start() > 0
        and "?" not in t
        and not re.match(_QUESTION_START, t, _I)
        and _STATING_VERB.search(t[: m.start()])
    ):
        body = t[: m.start()]  # "Norsk Industri var underrepresentert …, har jeg hørt.": what was heard, to check
    if body is None:
        return None
    if _nothing_stated(body):  # "Kan du sjekke et tall for meg?": asks for a check, states nothing
        return ClaimRequest(t, [])
    if _QUESTION_WORD.match(body):  # "Kan du sjekke hvor mange …": a question, not a claim
        return None
    quoted = _QUOTED.findall(body)
    if quoted and sum(len(q) for q in quoted) >= 0.5 * len(body):
        body = " ".join(quoted)
    body = _FRAME_AFTER.sub("", body).strip()
    stripped = _THIS_REPORT.sub(
        "", body
    )  # "Ifølge barometeret har …": the report itself is the claim's source
    if stripped != body:
        body = _subject_first(stripped)
    said = _ATTRIBUTION.match(body)
    if said and not parse(said.group(0)).amounts and not re.search(r"bedrift|virksomhet", said.group(0), _I):
        body = body[said.end() :]  # who says it is not part of what is claimed (unless it is the companies)
    body = _SAID_AFTER.sub("", body) or body
    body = _ONLY_ASIDE.sub(_only_named, body)
    sentences = [_clean(s) for s in split_sentences(body)]
    sentences = [s for s in sentences if re.search(r"[a-zæøå]{3}", s, _I)]
    if len(sentences) > 1:  # a pasted draft: check the sentences that state something checkable
        stated = [s for s in sentences if _states_something(s)]
        sentences = stated or sentences
    return ClaimRequest(t, sentences[:MAX_CLAIMS], sentences[MAX_CLAIMS:])


# the slots of the claim frames where a word one keystroke off (a letter too many, missing, wrong or two
# letters swapped) is read as the frame's word ("Kan jeg skirve at …", "Stemer det at …", "… Stemmr det?")
_FRAME_SLOTS = [
    (
        re.compile(r"^(?:kan|kunne|får) (?:jeg|vi|eg|me|man) ([\wæøå]+)", _I),
        ("skrive", "påstå", "hevde", "bruke"),
    ),
    (re.compile(r"^([\wæøå]+)(?= (?:det|dette)\b)", _I), ("stemmer",)),
    (re.compile(r"^(?:er|var) (?:det|dette) ([\wæøå]+)", _I), ("riktig", "korrekt")),
    (re.compile(r"([\wæøå]+)(?= (?:det|dette)\W*$)", _I), ("stemmer",)),
    (re.compile(r"^([\wæøå]+)(?=\s*:)", _I), ("sjekk", "faktasjekk")),
    (
        re.compile(r"\b(?:journalist|kollega|reporter|avis)[\wæøå]* ([\wæøå]+)", _I),
        ("påstår", "hevder", "skriver"),
    ),
]


_QUANTIFIER_WORD = re.compile(r"(?<![\wæøå])[\wæøå]{6,}(?![\wæøå])")


@lru_cache(maxsize=1)
def _quantifier_words() -> frozenset[str]:
    """The long words of the lexicon's quantifiers («halvparten», «flertallet», «tredjedeler»)."""
    phrases = (knowledge.lexicon().get("claims") or {}).get("quantifiers") or {}
    return frozenset(w for phrase in phrases for w in phrase.lower().split() if len(w) >= 6)


def _quantifier_spelled(m: re.Match[str]) -> str:
    """A word one keystroke off a quantifier word, and no word of the report, read as it («Halparten»)."""
    word, lower = m.group(0), m.group(0).lower()
    if lower in _quantifier_words() or lower in known_words():
        return word
    near = sorted(q for q in _quantifier_words() if OSA.distance(lower, q) == 1)
    if len(near) > 1:
        # "et flertal": «flertall» and «fleirtal» are both one keystroke off; the one whose phrase it stands in
        # ("et flertall", not "eit fleirtal")
        text = m.string.lower()
        phrases = (knowledge.lexicon().get("claims") or {}).get("quantifiers") or {}

        def fits(q: str) -> bool:
            said = text[: m.start()] + q + text[m.end() :]
            return any(q in p.split() and re.search(rf"(?<![\wæøå]){re.escape(p)}(?![\wæøå])", said) for p in phrases)

        near = [q for q in near if fits(q)] or near
    if len(near) != 1:
        return word
    return near[0].capitalize() if word[:1].isupper() else near[0]


def _frame_typos(text: str) -> str:
    """The message with typos in its claim-frame words corrected.

    >>> _frame_typos("Kan jeg skirve at 35 prosent har fått mer støtte?"), _frame_typos("Stemer det at 77 % har BHT?")
    ('Kan jeg skrive at 35 prosent har fått mer støtte?', 'Stemmer det at 77 % har BHT?')
    >>> _frame_typos("Er det riktig at en trygg arbeidssituasjon er en viktig grunn?")
    'Er det riktig at en trygg arbeidssituasjon er en viktig grunn?'
    """
    text = _QUANTIFIER_WORD.sub(_quantifier_spelled, text)
    for pattern, words in _FRAME_SLOTS:
        m = pattern.search(text)
        if not m or len(m.group(1)) < 4 or m.group(1).lower() in words:
            continue
        near = [f for f in words if OSA.distance(m.group(1).lower(), f) == 1]
        if len(near) == 1:
            fixed = near[0] if m.group(1)[:1].islower() else near[0].capitalize()
            text = text[: m.start(1)] + fixed + text[m.end(1) :]
    return text


_QUESTION_WORD = re.compile(
    r"^(?:hva|kva|hvor|kor|hvilke|hvilken|kva for|hvem|kven|hvordan|korleis|når)\b", _I
)


@lru_cache(maxsize=1)
def _filler() -> frozenset[str]:
    """Words that ask for a check without stating anything (lexicon `claims.nothing_to_check`)."""
    words = (knowledge.lexicon().get("claims") or {}).get("nothing_to_check") or []
    return frozenset(w for phrase in words for w in phrase.lower().split())


def _nothing_stated(body: str) -> bool:
    """True when what follows a claim frame names a check but states nothing ("et tall for meg").

    >>> _nothing_stated("et tall for meg"), _nothing_stated("77 prosent har avtale")
    (True, False)
    """
    words = re.findall(r"[\wæøå]+", body.lower())
    return bool(words) and all(w in _filler() for w in words)


def _clean(s: str) -> str:
    s = s.strip().strip("«»“”\"'").strip()
    return re.sub(r"[\s?.!]+$", "", s)


def _states_something(sentence: str) -> bool:
    p = parse(sentence)
    return bool(p.amounts or p.comparison or p.change or p.superlative)


# ---------------------------------------------------------------------------------------------- parse
