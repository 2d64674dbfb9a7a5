"""From sentences to attributed statements: speaker, reporting cue, polarity, content, time."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field

import pandas as pd

from .actors import ADJECTIVE_TO_COUNTRY, BODIES, NARRATOR, NATIONALITY, PRONOUNS, ActorResolver, country_finder
from .article import Article, dateline_place
from .attribution import Attribution, find_attributions, parse
from .resolve import resolve_all
from .frames import WEEKDAYS, Frames, read_frames
from .sentences import Sentence, split_sentences

POLARITIES = ("assert", "deny", "hedge", "retract")
#: How statements are found: from a dependency parse, or from the older surface patterns.
ATTRIBUTIONS = ("parse", "rules")
DEFAULT_ATTRIBUTION = "parse"

#: Reporting cues (regex over the sentence) -> polarity. Longest first.
_CUES: list[tuple[str, str]] = [
    (r"declined to (?:comment|say|confirm|elaborate|answer|respond|discuss|give details)", "hedge"),
    (r"refused to (?:comment|say|confirm)", "hedge"),
    (r"(?:would|could|did) not (?:immediately )?(?:say|confirm|comment|respond)|(?:wouldn|couldn|didn)[’']t (?:immediately )?(?:say|confirm|comment|respond)", "hedge"),
    (r"stopped short of (?:saying|confirming)", "hedge"),
    (r"was (?:noncommittal|non-committal|cautious)", "hedge"),
    (r"(?:cautioned|suggested|hinted|speculated|played down|downplayed)", "hedge"),
    (r"described (?:the|its|their|his|her) (?:outcome|talks|meeting|call|agreement|deal|result)s? (?:more )?(?:cautiously|differently|vaguely|in vaguer terms)", "hedge"),
    (r"backed away from|backed off|back(?:ed|ing)? away from|backpedall?ed(?: on| from)?|walked back|walks back|rowed back|retracted|withdrew(?= (?:(?:its|his|her|their|the|that|an|a) )?(?:earlier |initial |previous |original )?(?:claims?|statements?|remarks?|comments?|accusations?|allegations?|announcement|offer|account)\b)|softened", "retract"),
    (r"(?:flatly |firmly |strongly )?(?:(?:was|were) (?:quick|swift) to (?:deny|reject|dismiss)|denied|denies|denying|rejected|rejects|dismissed|dismisses|refuted|disputed|disputes|ruled out|rules out|rebuffed|contradicted|"
     r"poured cold water on|cast doubt on|pushed back (?:on|against)|took issue with)", "deny"),
    (r"called (?:the|his|her|their|that|this|those|these) (?:remarks?|comments?|statements?|claims?|accusations?|allegations?|reports?)", "deny"),
    (r"(?:published|issued|released|put out|posted) (?:a |an |its |his |her |their )?(?:readout|statement|communiqu[ée]|transcript)"
     r"(?: of the (?:call|meeting|talks))?(?: (?:late |later |early |earlier )?(?:on )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
     r"(?: (?:morning|afternoon|evening|night))?)?,? (?:saying|stating)", "assert"),
    (r"(?:had |has )?described(?= (?:the|a|an|its|his|her|their|this|that) [^,.;“\"]{1,60}? as\b)", "assert"),  # content: "<thing> was <what>"
    (r"(?:welcomed|hailed|praised) what (?:he|she|they|it) called", "assert"),  # content: what they called it
    (r"talked up|touted|hailed|boasted(?: of| about)?|trumpeted|played up|accused", "assert"),
    (r"called (?:on|for)|urged|appealed to", "assert"),  # "called on the government to publish ..." -> "the government should publish ..."
    (r"told (?:reporters|journalists|lawmakers|parliament|the press|a news conference|a press conference|a briefing|state (?:television|TV|media)|the (?:BBC|AP|newspaper|Financial Times)|Reuters|Bloomberg|CNN|AFP|TASS|RIA Novosti|Interfax)", "assert"),
    (r"(?:adding|noting|insisting|stressing|arguing|saying)(?= that\s)", "assert"),  # ", adding that ...": the same speaker
    (r"(?<=,\s)saying(?=\s+(?!that\b)[a-z])", "assert"),  # "Relatives gathered outside ..., saying none had returned"
    (r"(?:said|says|say|told|tells|stated|claimed|claims|insisted|insists|argued|argues|stressed|asserted|declared(?!\s+(?:its\s+|their\s+)?(?:independence|war|a\s+state\s+of|martial\s+law|bankruptcy|victory|a\s+ceasefire|a\s+truce|an?\s+emergency))|tweeted|reiterated|vowed|maintained|emphasi[sz]ed|replied|responded|countered|assured|conceded|clarified)", "assert"),
    (r"(?:added|adds|noted|notes|confirmed|confirms|explained|announced|wrote|pledged|promised|warned|acknowledged|admitted|predicted)(?=\s*(?:[,.;:“\"]|that\s|$))", "assert"),
    (r"(?:wrote|writes|posted|tweeted)(?= on (?:Telegram|X|Twitter|Facebook|social media|its website|his website|her website|a blog))", "assert"),
]
#: Hedging cues that make a statement even with nothing after them ("The spokesman declined to comment.")
NO_COMMENT = re.compile(r"(?:declined|refused) to|(?:would|could|did) not|(?:wouldn|couldn|didn)[’']t", re.I)
CUE_RE = re.compile(r"\b(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CUES)) + r")\b")
ACCORDING_RE = re.compile(r"\baccording to\b", re.I)

ROLE_NOUNS = set(
    "spokesman spokeswoman spokesperson spokesmen spokespeople secretary official officials diplomat diplomats aide aides "
    "source sources adviser advisers advisor minister ministers leader leaders president presidents premier chancellor "
    "government ministry office administration embassy cabinet kremlin presidency negotiator negotiators envoy envoys "
    "ambassador commander general chief head analyst analysts observers lawmakers senator people team delegation expert experts "
    "researcher researchers economist economists groups officer officers army navy police organization organisation "
    "television radio media broadcaster newspaper delegate delegates guards soldiers troops agency chairperson chairman "
    "chairwoman ombudsman ombudswoman ombudsperson mediator palace committee court council parliament assembly senate junta "
    "regulator authority mission representative coordinator director commissioner governor mayor lawmaker legislator "
    "judge prosecutor inspector inspectors monitors executive executives headquarters group service services guard judiciary".split()
)
#: What a company or other organisation is called the second time ("Later Friday, the airline said ...").
ORG_NOUNS = frozenset("airline company firm carrier operator insurer manufacturer producer exporter lender utility fund bank".split())
ROLE_NOUNS |= ORG_NOUNS
#: People who speak as a crowd, not for any office ("Villagers near the temple said ...").
CROWD_NOUNS = frozenset(
    "villagers residents witnesses protesters activists farmers fishermen locals critics drivers traders buyers workers merchants relatives families "
    "importers exporters producers growers shippers refiners truckers miners suppliers dealers investors bondholders creditors "
    "bankers lenders brokers lawyers executives agents".split()
)
ROLE_NOUNS |= CROWD_NOUNS
MODIFIERS = set(
    "senior top former deputy chief foreign defense defence junior presidential military western eastern european "
    "russian french ukrainian belarusian american british german chinese turkish two both three several some many "
    "other another second first new interior press state trade economy finance justice security national retired "
    "border customs immigration port airport aviation health election electoral intelligence tax naval humanitarian aid relief "
    "rescue transitional interim caretaker provisional ruling opposition regional local provincial federal central resident monitoring observation".split()
)
SKIP_BEFORE_CUE = re.compile(
    r"(?:\b(?:at first|initially|later|then|also|repeatedly|previously|subsequently|earlier|again|publicly|privately|"
    r"quickly|swiftly|immediately|only|even|once|already|had|has|have|was|were|is|would|will|did|does|do|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"late|early|last week|yesterday|today)\s*)+$"
)
#: The wire's anonymous source, kept whole as the speaker's name.
FAMILIAR_SOURCES = re.compile(
    r"(?:people|sources|officials|a person|a source|an official)\s+(?:familiar with|with knowledge of|briefed on|close to)\s+"
    r"(?:the\s+)?(?:matter|talks|discussions|negotiations|deliberations|situation|plans?|decision)",
    re.I,
)
POSTMODIFIER = re.compile(
    r"\s+(?:familiar with|involved in|close to|with knowledge of|briefed on|representing|near|whose\b|(?:living|waiting|working|stationed|camped) (?:near|in|on|at)|who (?:[a-z]+ed|took part in|was at|spoke|met|led|ran|sat)\b|"
    r"speaking on condition|on the (?:[\w-]+ )?side\b)[^,]*$"
)
#: The countries a text names (by name, adjective, capital or institution).
_FIND_COUNTRIES = country_finder()
#: Where a role speaks from ("border officials at Argeen", "the fund's representative in Pakistan"): not who they are.
PLACE_AFTER_ROLE = re.compile(
    r"(?<=[a-z])\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:[\s-][A-Z][\w’'-]*)*(?:\s+(?:province|region|district|state|county|city|governorate|prefecture))?$"
)
#: Whom a speaker "told", when that ends the sentence: the content is the quote before.
TOLD_WHOM = re.compile(r"(?:(?:a|an|the|his|her|their|its|state|local|national)\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+\s*[.!]?")
CONNECTOR_BEFORE = re.compile(r"(?:,?\s*(?:and|but|then|and then|before|after|while)\s*)$", re.I)
AFTER_CUE_SKIP = re.compile(
    r"^\s*(?:\s*(?:,\s*)?(?:on|late on|early on|in|at|during|after|before|from)\s+(?:a |an |the |his |her |their |its )?"
    r"(?:[\w’'-]+\s+){0,3}?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|statement|interview|briefing|"
    r"conference|call|meeting|post|tweet|speech|message|readout|summit|note|report|letter|address|broadcast|interview|response|reply|answers?|filing|television|TV|radio|bulletin|newsletter|update)\b"
    r"(?:\s+(?:to|with)\s+(?:a\s+|the\s+)?(?:[\w’'-]+\s+){0,3}?(?:questions?|queries|inquiries|requests? for comment|exchange|regulator|"
    r"commission|parliament|lawmakers|investors|reporters|journalists|agency))?(?:\s+on\s+(?:X|Twitter|Facebook|Telegram|social media|its website))?\s*,?|"
    r"\s*(?:in|at|from)\s+(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+(?=\s+that\b)|\s*(?:earlier|later|again|also|previously)\b,?|"
    r"\s*on\s+(?:X|Twitter|Facebook|Telegram|social media|(?:its|his|her|their) website)\b|\s*(?:by (?:tele)?phone|in a (?:tele)?phone (?:interview|call))\b,?|"
    r"\s*(?:late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b,?|\s*(?:hours|days|minutes) later\b,?|"
    r"\s*(?:last|this|earlier this) (?:week|month|year)\b,?|\s*that\s+)+",
)
TIME_RE = re.compile(
    r"\b(at first|initially|later|subsequently|earlier|afterwards|en route to \w+|on the (?:plane|flight|way) to \w+|"
    r"(?:on |last |this |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[’']s)?|yesterday|today|tonight|last week)\b",
    re.I,
)
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ANAPHORIC = re.compile(
    r"^(?:(?:that|this|it)(?:[’']s| is| was|[’']d be| would be) (?:not|n[’']t|far from|hardly|less than) (?:so |entirely |at all |quite )?"
    r"(?:clear|true|the case|accurate|correct|certain|sure|right|settled)|(?:their|his|her|its|the|those|these) "
    r"(?:(?:earlier|previous|initial|original|own|first) )?(?:comments?|remarks?|statements?|claims?|assertions?|account|reports?|words|announcement|accusations?|allegations?|charges?)|"
    r"(?:a|an) (?:claim|assertion|account|report|statement)$)\b",
    re.I,
)
#: A speaker standing by what they said ("The army said it stood by its statement"): the content is that statement again.
REAFFIRM = re.compile(
    r"^(?:[\w’'-]+\s+){0,4}?(?:stood|stands|standing|stand|was standing) by (?:its|his|her|their|the) (?:earlier |previous |initial |original )?"
    r"(?:statement|account|comments?|remarks?|report|claim|assessment|figures?|version)\b|"
    # a decision said to hold: "the expulsion \"stands regardless of ...\"", "the ban remains in force"
    r"^(?:the|its|our|their|his|her)\s+(?:[\w’'-]+\s+)?(?:decision|expulsion|order|ban|ruling|sanctions?|measure)\s+[“\"]?(?:still\s+)?stands\b",
    re.I,
)
#: "..., a claim <who> rejected": the start of a denial that answers the statement before it in the sentence.
CLAIM_LEAD = re.compile(r"(?P<noun>(?:a|an) (?:claim|assertion|account|report|statement))\s+(?:that\s+)?", re.I)
_TOKEN = re.compile(r"[\w][\w’'.\-]*|[^\w\s]")
SPEECH_GERUND = re.compile(r"^(?:even |ever |having )?(?P<verb>making|saying|mentioning|calling|using|suggesting|proposing|referring|promising|offering|agreeing|reaching|giving|having)\b\s*", re.I)
#: Simple past of gerunds that the regular rule ("backing" -> "backed") gets wrong, or that SPEECH_GERUND names
_PAST = {"making": "made", "saying": "said", "giving": "gave", "having": "had", "calling": "called", "using": "used",
         "mentioning": "mentioned", "suggesting": "suggested", "proposing": "proposed", "referring": "referred",
         "promising": "promised", "offering": "offered", "agreeing": "agreed", "reaching": "reached",
         "taking": "took", "breaking": "broke", "seeking": "sought", "telling": "told", "selling": "sold",
         "hiding": "hid", "lying": "lied", "trying": "tried", "sending": "sent", "building": "built",
         "holding": "held", "putting": "put", "running": "ran", "spreading": "spread", "stealing": "stole",
         "bringing": "brought", "buying": "bought", "leaving": "left", "keeping": "kept", "meeting": "met"}


#: Cues whose object is a noun phrase, not a clause ("talked up an agreement")
NOUN_OBJECT_CUE = re.compile(r"talked up|touted|hailed|boasted|trumpeted|played up", re.I)
#: "accused <who> of <gerund> ..." (the content of an accusation)
ACCUSED_OF = re.compile(r"^(?P<who>(?:[\w’'.\-]+\s+){0,7}?[\w’'.\-]+) of [“\"]?(?:(?:deliberately|repeatedly|secretly|illegally) )?(?P<verb>[a-z]+ing)\b\s*")


@dataclass
class Statement:
    """One attributed statement (or a narrator statement)."""

    id: int
    sentence: int
    start: int
    end: int
    text: str
    speaker: str
    mention: str
    cue: str
    polarity: str
    quote: str
    content: str
    time: str = ""
    time_rank: float | None = None
    refers_to: int | None = None
    paragraph: int = 0
    about_speech: bool = False
    content_start: int = -1  # character offsets into the cleaned text (-1: none, e.g. a narrator statement)
    content_end: int = -1
    mention_start: int = -1
    mention_end: int = -1
    cue_start: int = -1
    cue_end: int = -1
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """A JSON-ready dict (without ``extra``)."""
        d = asdict(self)
        d.pop("extra")
        return d


def _cue_polarity(match: re.Match) -> str:
    for name, value in match.groupdict().items():
        if value is not None:
            return _CUES[int(name[1:])][1]
    return "assert"  # pragma: no cover


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


#: Nouns that stand for whichever organisation the article last quoted ("an agency spokesman").
GENERIC_BODIES = frozenset("agency organization organisation bloc alliance programme program fund bank body group".split())
_FUNCTION_WORDS = frozenset(
    "and but or yet so then also who which that this these those when while after before as if not never only even "
    "was were is are be been had has have did does do will would could should may might must can".split()
)


def _compound_noun(toks: list[re.Match], k: int, width: int = 2) -> bool:
    """Token ``k`` is a lower-case noun inside a name, with an owner (a determiner, a capitalised word or a
    possessive) at most ``width`` such nouns before the role."""
    nouns, j = 0, k
    while j >= 0 and nouns <= width:
        tok = toks[j].group()
        if j < k and re.match(r"(?:the|a|an|[A-ZÀ-ÖØ-Þ].*|.*['’]s)$", tok):
            return True
        if tok == "and" and j < k and j > 0 and re.fullmatch(r"[a-z]+", toks[j - 1].group()):
            j -= 1  # "tax and customs agency": two nouns joined inside the compound
            continue
        if not re.fullmatch(r"[a-z]+", tok) or tok in _FUNCTION_WORDS:
            return False
        nouns += 1
        j -= 1
    return False


def _is_head(tok: str) -> bool:
    low = tok.lower().replace("’", "'")
    if low in PRONOUNS:
        return True
    if low in ROLE_NOUNS:
        return True
    if re.fullmatch(r"(?:al|el|ad|as|ash|ar|an|at|az)-[A-ZÀ-ÖØ-Þ][\w’'-]*", tok):
        return True  # "Ali al-Mabrouk"
    return tok[:1].isupper() and low not in {"but", "and", "yet", "while", "meanwhile", "however", "so", "when", "after", "in", "on", "at", "as", "that", "this", "there"}


def _strip_postmodifier(text: str) -> str:
    """Drop a trailing postmodifier ("people familiar with the matter", "drivers waiting on the Colombian side"),
    unless it would swallow another speech cue ("drivers ... said border guards had told them")."""
    m = POSTMODIFIER.search(text)
    text = text[: m.start()] if m and not CUE_RE.search(m.group()) else text
    place = PLACE_AFTER_ROLE.search(text)
    head = re.search(r"([\w’'-]+)\s*$", text[: place.start()]) if place else None
    # a town ("border officials at Argeen") goes; a country or capital stays, it says whose they are ("a spokesman in Beijing")
    local = place is not None and not _FIND_COUNTRIES(place.group())
    return text[: place.start()] if head and local and head.group(1).lower() in ROLE_NOUNS else text


#: A closing quotation after its comma, then nothing but the speaker's words up to the cue:
#: '"...," coast guard spokesman Commodore Jomar Villanueva told reporters'.
_AFTER_QUOTE = re.compile(r"[,?!][”\"]\s+(?P<np>[\w’'.-]+(?:\s+[\w’'.-]+){0,11})\s*$")


#: People named by where they are, before the place's name: "Traders in the border town of ", "Residents of ".
_CROWD_AT = re.compile(
    r"\b(?:[Tt]he\s+)?(?i:" + "|".join(sorted(CROWD_NOUNS, key=len, reverse=True)) + r")\s+(?:in|at|from|near|of)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,4}(?:of\s+|in\s+)?$"
)


def find_speaker_left(sentence: str, cue_start: int) -> tuple[int, int] | None:
    """Span of the speaker noun phrase ending just before the cue (skipping adverbs and appositives); after a
    quotation, every word between it and the cue names the speaker ("coast guard spokesman Commodore ...")."""
    span = _find_speaker_left(sentence, cue_start)
    if span is not None:
        crowd = _CROWD_AT.search(sentence, 0, span[0])
        if crowd and crowd.end() == span[0] and sentence[span[0] : span[0] + 1].isupper():
            span = (crowd.start(), span[1])  # "Traders in the border town of Zalambessa": the traders, not the town
        after = _AFTER_QUOTE.search(sentence, 0, span[1])
        if after and after.start("np") < span[0] and sentence[after.end("np") : span[1]].strip() == "" and not CUE_RE.search(after.group("np")):
            return after.start("np"), span[1]
    return span


def _find_speaker_left(sentence: str, cue_start: int) -> tuple[int, int] | None:
    left = sentence[:cue_start]
    m = SKIP_BEFORE_CUE.search(left)
    end = m.start() if m else len(left)
    stripped = _strip_postmodifier(left[:end].rstrip())
    # an appositive between commas: "The official, who asked not to be named, said"
    if stripped.endswith(","):
        inner_end = len(stripped) - 1
        comma = stripped.rfind(",", 0, inner_end)
        if comma > 0:
            seg = stripped[comma + 1 : inner_end].strip()
            part = r"(?:(?:al|el|ad|as|ash|ar|an|at|az|bin|ibn|abu)-)?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ]?[^\W\d_]+)*"  # "Al-Mansouri", "Jean-Yves", "al-Obeidi"
            if re.fullmatch(rf"(?:{part}\s+){{1,3}}{part}|[A-Z][A-Z&]{{1,7}}", seg):
                s0 = stripped.index(seg, comma)
                return s0, s0 + len(seg)  # "Ukraine's foreign minister, Oksana Hryniv, said"
            titled = re.search(rf"(?<=\s)(?:{part}\s+){{1,3}}{part}$", seg)
            head_np = re.search(r"(?:^|(?<=[,”\"]\s))(?:the|a|an)\s+[^,”\"]*$", stripped[:comma], re.I)
            if titled and head_np and seg[:1].islower() and not CUE_RE.search(seg):
                # "the head of the mission, former Malian prime minister Oumar Keita, told": the whole phrase names him
                return head_np.start(), stripped.index(seg, comma) + titled.end()
            if re.match(r"^(who|whose|which|speaking|asking|talking|requesting)\b", seg) or (len(seg.split()) <= 10 and re.match(r"^(a|an|the)?\s*\w", seg) and not CUE_RE.search(seg)):
                head_zone = _strip_postmodifier(stripped[:comma].rstrip())
                toks = _tokens(head_zone)
                if toks and _is_head(toks[-1].group()) and toks[-1].group().lower() not in PRONOUNS:
                    stripped = head_zone
                elif toks and not _is_head(toks[-1].group()):
                    return _speaker_ending(head_zone)  # "A diplomat from one of the home countries, who ..."
                else:
                    return None
            else:
                return None
        else:
            return None
    toks = _tokens(stripped)
    if toks and not _is_head(toks[-1].group()):
        # a role named by what it is for: "Ukraine's coordination headquarters for prisoners of war said"
        k = next((k for k in range(len(toks) - 2, max(len(toks) - 9, 0) - 1, -1) if toks[k + 1].group().lower() in ("for", "of", "from")
                  and toks[k].group().lower() in ROLE_NOUNS - CROWD_NOUNS), None)
        if k is not None and all(re.fullmatch(r"[\w’'-]+", t.group()) for t in toks[k + 1 :]):
            span = _speaker_ending(stripped[: toks[k].end()])
            return (span[0], toks[-1].end()) if span else None
    if not toks or not _is_head(toks[-1].group()):
        return None
    head = toks[-1]
    if head.group().lower() in PRONOUNS:
        if head.group().lower() == "i":
            return None
        return head.start(), head.end()
    i = len(toks) - 1
    start = head.start()
    while i > 0:
        tok = toks[i - 1].group()
        low = tok.lower().replace("’", "'")
        conn = i - 1
        while conn > 0 and toks[conn].group().lower() in {"of", "for", "the"}:
            conn -= 1
        if conn < i - 1 and toks[conn + 1].group().lower() in {"of", "for"} and toks[i].group()[:1].isupper() and toks[conn].group()[:1].isupper():
            # a name joined by "of (the)" / "for (the)": "International Committee of the Red Cross"
            start = toks[conn].start()
            i = conn
            continue
        if re.fullmatch(r"said|says|say|told|tells", low):
            break  # "drivers ... said border guards had told them": the speaker of "told" starts after "said"
        if low in {"his", "her", "its", "their"} and head.group().lower() in ROLE_NOUNS:
            start = toks[i - 1].start()  # "his office said": whose office, _resolve_mention decides
            break
        if low in {"the", "a", "an"}:
            start = toks[i - 1].start()
            if i - 3 >= 0 and toks[i - 2].group().lower() in {"of", "for", "at", "with"} and toks[i - 3].group().lower() in ROLE_NOUNS:
                i -= 2  # "a spokesperson for the Greek government", "an official at the Airports Authority": the role speaks for the body
                start = toks[i - 1].start()
                continue
            break
        cap = tok[:1].isupper() and low not in {"but", "and", "yet", "while", "meanwhile", "however", "so", "when", "after", "in", "on", "at", "as"}
        if cap or low.endswith("'s") or low in MODIFIERS or low in ROLE_NOUNS or re.fullmatch(r"[\w-]+-(founded|backed|based|led|run|aligned|controlled|allied|appointed|owned|affiliated)", low):
            start = toks[i - 1].start()
            i -= 1
            continue
        if low == "and" and i - 2 >= 0 and toks[i - 2].group()[:1].isupper() and toks[i].group()[:1].isupper():
            start = toks[i - 1].start()
            i -= 1
            continue
        if low == "and" and head.group() in ROLE_NOUNS and i - 2 >= 0 and re.fullmatch(r"[a-z]+", toks[i - 2].group()) and _compound_noun(toks, i - 2):
            start = toks[i - 1].start()  # "Colombia's tax and customs agency"
            i -= 1
            continue
        if head.group() in ROLE_NOUNS and _compound_noun(toks, i - 1):
            # nouns of the compound between its owner and the role: "China's commerce ministry", "a coast guard spokesman"
            start = toks[i - 1].start()
            i -= 1
            continue
        if low in {"bin", "bint", "ibn", "al", "el", "de", "van", "von", "der"} and i - 2 >= 0 and toks[i - 2].group()[:1].isupper() and toks[i].group()[:1].isupper():
            start = toks[i - 1].start()  # "Khalid bin Fahd"
            i -= 1
            continue
        if low in {"de", "van", "von", "der", "al", "el", "bin"} and toks[i].group()[:1].isupper() and (i - 2 < 0 or toks[i - 2].group() in {",", "”", '"', ";"}):
            start = toks[i - 1].start()  # '"...," de Wit told reporters': a surname with its particle
            break
        if low in {"of", "in", "for", "at", "from"} and i - 2 >= 0 and toks[i - 2].group().lower() in ROLE_NOUNS:
            start = toks[i - 1].start()
            i -= 1
            continue
        break
    return start, head.end()


def _speaker_ending(text: str) -> tuple[int, int] | None:
    """The speaker span that ends ``text``, as if a cue followed it."""
    return find_speaker_left(text + " said", len(text) + 1)


def _sentence_subject(left: str) -> tuple[int, int] | None:
    """The speaker span of a sentence whose first verb is no reporting cue ("X welcomed the step but said ..."):
    the noun phrase before that verb, when it opens the sentence."""
    verb = re.search(r"(?<![’'])\b[a-z]+ed\b", left)
    span = find_speaker_left(left, verb.start()) if verb else None
    if span is None:
        return None
    before = left[: span[0]].strip(" “\"")
    # nothing before the subject but a determiner, or a role it is in apposition to ("The UN envoy, Maria Lind,")
    if before.lower() in ("", "the", "a", "an") or (before.endswith(",") and before.count(",") == 1):
        return span
    return None


def find_speaker_right(sentence: str, pos: int) -> tuple[int, int] | None:
    """Span of an inverted speaker after the cue: ``..., said Andrey Kortunov, head of X.``"""
    rest = sentence[pos:]
    familiar = re.match(r"\s*(" + FAMILIAR_SOURCES.pattern + r")", rest, re.I)
    if familiar:  # "according to people familiar with the matter, who asked not to be identified, ..."
        tail = re.match(r"(?:\s*,\s*who [^,]*)?", rest[familiar.end() :])
        return pos + familiar.start(1), pos + familiar.end(1), pos + familiar.end() + tail.end()
    m = re.match(
        r"\s*((?:the |a |an )?(?:(?:[A-Z][\w’'.\-]*|" + "|".join(sorted(MODIFIERS | ROLE_NOUNS)) + r")\s+){0,5}(?:[A-Z][\w’'\-]*|"
        + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\b)"
        r"(?:\s*,\s*(?:the |a |an )?(?:(?:senior|former|deputy|chief|leading|political|defen[cs]e|security|energy|maritime|nonproliferation)\s+)*"
        r"(?:head|chief|director|spokesman|spokeswoman|leader|member|minister|adviser|president|analyst|professor|editor|ambassador|"
        r"researcher|economist|expert|fellow|lecturer|scholar|official|diplomat|lawmaker|founder|partner)\b(?:[^.;]|(?<=\b[A-Z])\.)*)?",
        rest,
    )
    if not m or not m.group(1).strip():
        return None
    return pos + m.start(1), pos + m.end(1), pos + m.end()


def _strip_quotes(text: str) -> str:
    return text.strip().strip("“”\"").strip()


def _quote_type(content_span: str) -> str:
    inside = sum(len(x) for x in re.findall(r"“[^”]*”|\"[^\"]*\"", content_span))
    if inside == 0:
        return "indirect"
    return "direct" if inside >= 0.8 * len(content_span.strip()) else "mixed"


def _past(gerund: str) -> str:
    """Simple past of a verb given as a gerund ("backing" -> "backed", "seeking" -> "sought")."""
    low = gerund.lower()
    return _PAST.get(low) or f"{low[:-3]}ed"


def _normalise_content(content: str, mention: str, polarity: str, body: bool = False, cue: str = "") -> str:
    """Make the reported content a standalone clause: resolve a leading pronoun, rewrite denied gerunds and NPIs,
    and turn an accusation ("accused Belgrade of backing away from ...") into the claim it makes."""
    # '"All 150 ... soil," the headquarters' secretary, Andriy Koval, wrote': the role before the name is no content
    content = re.sub(r"^([“\"][^“”\"]+[”\"])\s*,?\s+(?:the|a|an)\s+[^“”\",]+,?\s*$", r"\1", content.strip())
    c = _strip_quotes(content).strip(" ,;:—–")
    c = re.sub(r"^(?:that|whether)\s+", "", c)
    if polarity == "hedge":
        c = re.sub(r"^(?:on|about|whether)\s+", "", c)
    c = re.sub(r",\s*(?:a|an)\s+(?:claim|assertion|statement|account|view|position)\b.*$", "", c)
    if polarity == "deny":
        # "denied Azerbaijan's claim that Armenian troops had fired ..., calling the accusation disinformation"
        c = re.sub(r"^(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*[’']s?\s+|the\s+|an?\s+)?(?:claims?|reports?|allegations?|accusations?|assertions?|suggestions?)\s+that\s+", "", c)
        c = re.sub(r",\s+calling\s+(?:the|it|them|this|that)\b.*$", "", c)
    c = c.rstrip(".!?,;:”\" ").strip("“\"")
    name = re.sub(r"^(?:the|a|an)\s+", "the ", mention) if mention.lower() not in PRONOUNS else ""
    if name and not re.match(r"\s*[“\"]", content):  # in a quotation "she" is someone else: the speaker would say "I"
        c = re.sub(r"^(?:he|she)[’']s (?=(?:won|been|got|had|made|said|given|agreed|reached|taken|secured|done|received)\b)", f"{name} has ", c, flags=re.I)
        c = re.sub(r"^(?:he|she|they|it)\b" if body else r"^(?:he|she|they)\b", name, c, flags=re.I)
    # after the pronoun step: the accused is not the speaker
    accused = ACCUSED_OF.match(c) if cue.lower().startswith("accused") else None
    if accused:
        who = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}.get(accused.group("who").lower(), accused.group("who"))
        c = f"{who} {_past(accused.group('verb'))} {c[accused.end():]}"
    if polarity == "deny":
        g = SPEECH_GERUND.match(c)
        if g and name:
            c = f"{name} {_past(g.group('verb'))} {c[g.end():]}"
        c = re.sub(r"\bany(thing|one|body)\b", r"some\1", c)
        c = re.sub(r"\bany (?=\w+s\b)", "", c)
        c = re.sub(r"\bany(?= [aeiouAEIOU])", "an", c)
        c = re.sub(r"\bany\b", "a", c)
        c = re.sub(r"\b(?:ever|even) ", "", c)
    elif polarity == "assert" and NOUN_OBJECT_CUE.match(cue) and re.match(r"^(?:an?|the) \w+$|^(?:an?|the) \w+ \w+$", c):
        c = f"there was {c}"  # "talked up an agreement" -> "there was an agreement"
    elif polarity == "assert" and re.match(r"(?:had |has )?described$", cue):
        c = re.sub(r"^(.{1,60}?)\s+as\s+", r"\1 was ", c, count=1)  # "the treaty text as final" -> "the treaty text was final"
    elif polarity == "assert" and re.match(r"called on|urged|appealed to", cue):
        c = re.sub(r"^(.+?)\s+to\s+(?=[a-z])", r"\1 should ", c, count=1)  # "the government to publish" -> "the government should publish"
    elif polarity == "assert" and cue.startswith("called for"):
        c = f"there should be {c}"  # "called for a debate" -> "there should be a debate"
    c = re.sub(r"\s+", " ", c).strip()
    if c.count('"') % 2:
        # the trims cut a quotation mark: 'and that "there is no consensus' lost its closing one,
        # 'no decision has been taken" and that ...' its opening one
        first = c.index('"')
        closing = first > 0 and not c[first - 1].isspace() and (first + 1 == len(c) or not c[first + 1].isalnum())
        c = '"' + c if closing else c + '"'
    if c.count("“") > c.count("”"):
        c += "”"
    elif c.count("”") > c.count("“"):
        c = "“" + c
    return c[:1].upper() + c[1:] if c else c


def _time_of(text: str) -> tuple[str, float | None]:
    found = [m.group(1) for m in TIME_RE.finditer(text)]
    if not found:
        return "", None
    rank = None
    for f in found:
        for i, day in enumerate(DAYS):
            if day in f.lower():
                rank = float(i + 1)
    mod = 0.0
    for f in found:
        fl = f.lower()
        if fl in ("at first", "initially", "earlier"):
            mod = -0.3
        elif fl in ("later", "subsequently", "afterwards"):
            mod = 0.3
        elif fl.startswith(("en route", "on the plane", "on the flight", "on the way")):
            mod = -0.1
    if rank is None and mod:
        rank = mod
    elif rank is not None:
        rank += mod
    return ", ".join(dict.fromkeys(f.strip() for f in found)), rank


@dataclass
class _Raw:
    start: int  # offsets within the sentence
    end: int
    mention: str
    mention_pos: int
    cue: str
    polarity: str
    content: tuple[int, int]
    inherit: bool = False
    cut_by_inverted: bool = False


#: A content that opens with a finite verb has no subject of its own: the cue sat inside a relative clause.
_NO_SUBJECT = re.compile(r"\s*(?:is|are|was|were|has|have|had|will|would|should|could|can|must)\s+(?!not\b)", re.I)


def _nothing_said_after(content_tail: str, after: str, cue: str) -> bool:
    """After "..., X said", what follows the cue is no content of its own (so the content is before): nothing,
    an adjunct with no "that" clause ("on Thursday after two days of talks in Beijing", "after meeting officials
    in Doha", "by phone"), a participle clause ("loosening a ban that ..."), or whom they told ("she told a radio station")."""
    return (
        not content_tail or content_tail.startswith((",", "."))
        or (re.match(r"^(?:on|in|at|to|during|after|before|following|ahead of|while|when|as|by (?:phone|telephone|email|e-mail|video|text message))\b", content_tail) is not None
            and not re.search(r"\bthat\b", content_tail))
        or re.match(r"^(?!(?:saying|adding|noting|insisting|stressing|arguing)\b)[a-z]+ing\b", content_tail) is not None
        or (re.match(rf"^\s*(?:on|in|at|during|after|before|following|late|early|{WEEKDAYS})\b", after) is not None
            and not re.search(r"\bthat\b|[“\"]", after))
        or (cue.startswith("told") and TOLD_WHOM.fullmatch(content_tail) is not None)
    )


def _attributions(sentence: str) -> list[_Raw]:
    """Find the attributed statements inside one sentence (offsets relative to the sentence)."""
    raws: list[_Raw] = []
    quoted = [(q.start(), q.end()) for q in re.finditer(r"“[^”]*”|\"[^\"]*\"", sentence)]
    cues = [
        m for m in CUE_RE.finditer(sentence)
        if not any(a < m.start() < b for a, b in quoted)
        and not re.search(r"\b(?:the|a|an|this|that|its|their|his|her)\s+$", sentence[: m.start()], re.I)  # "the disputed region"
    ]
    # "X played down the deal, saying ...": a bare "saying" after another cue belongs to that cue's statement
    cues = [m for i, m in enumerate(cues) if not (i and m.group() == "saying" and not re.match(r"\s+that\b", sentence[m.end():]))]
    left_speakers = [find_speaker_left(sentence, m.start()) for m in cues]  # each cue's speaker, found once
    # "according to X": content is the rest of the sentence
    for m in ACCORDING_RE.finditer(sentence):
        sp = find_speaker_right(sentence, m.end())
        if sp is None:
            continue
        sp = sp[:2]
        before = sentence[: m.start()].rstrip(" ,")
        if re.search(r"\b(?:said|says|added|wrote|told\s+[\w.]+(?:\s+[\w.]+)?)\s*$", before):
            continue  # '"...," the minister said, according to EBC': the minister speaks; the broadcaster only reports it
        after = sentence[sp[1] :].lstrip(" ,")
        clause = re.match(r"(?:who|which|familiar with|involved in|close to|briefed on)\b[^,]*,\s*", after)  # "according to two
        after = after[clause.end() :] if clause else after  # diplomats who attended the meeting, the decision ..."
        content = (0, len(before)) if len(before.split()) >= 3 else (sp[1] + (len(sentence[sp[1]:]) - len(after)), len(sentence))
        raws.append(_Raw(0, len(sentence), sentence[sp[0] : sp[1]], sp[0], "according to", "assert", content))
    for idx, m in enumerate(cues):
        polarity = _cue_polarity(m)
        cue = m.group(0)
        left = sentence[: m.start()]
        sp = left_speakers[idx]
        inverted = False
        appositive_end = None
        if sp is None and re.search(r"[,”\"]\s*$", left):
            right = find_speaker_right(sentence, m.end())
            if right is not None:
                sp, appositive_end, inverted = right[:2], right[2], True
        lead = CLAIM_LEAD.match(sentence, sp[0]) if sp is not None and polarity == "deny" else None
        if lead:
            # "X said ..., a claim Guyana's government quickly rejected": the government denies the claim just made
            noun_end = sp[0] + len(lead.group("noun"))
            raws.append(_Raw(sp[0], m.end(), sentence[lead.end() : sp[1]], lead.end(), cue, polarity, (sp[0], noun_end)))
            continue
        inherit = False
        if sp is None and not raws and (CONNECTOR_BEFORE.search(left) or (cue == "saying" and left.rstrip().endswith(","))):
            # "The envoy welcomed the step but said ...", "Relatives gathered outside ..., saying ...": the sentence's subject
            sp = _sentence_subject(left)
        if sp is None:
            participle = m.group().endswith("ing") and re.search(r",[”\"]?\s*$", left) is not None  # ', adding' / ',” adding'
            if (CONNECTOR_BEFORE.search(left) or participle) and raws:
                inherit = True
            else:
                continue
        if inherit:
            prev = raws[-1]
            mention, mention_pos = prev.mention, prev.mention_pos
            stmt_start = m.start()
        else:
            mention, mention_pos = sentence[sp[0] : sp[1]], sp[0]
            stmt_start = min(sp[0], m.start())
            prev_end = raws[-1].end if raws else 0
            intro = sentence[prev_end:stmt_start]
            if not inverted and intro.rstrip().endswith(",") and len(intro.split()) <= 15 and not CUE_RE.search(intro):
                lead = re.match(r"\s*(?:(?:But|And|Yet|Meanwhile|However|Still)\b,?\s*)?", intro)
                stmt_start = prev_end + (lead.end() if lead else 0)
        before_speaker = sentence[: (sp[0] if sp and not inverted else m.start())]
        next_start = len(sentence)
        cut_by_inverted = False
        following = idx + 1
        opening = AFTER_CUE_SKIP.match(sentence[m.end() :])
        opens_at = m.end() + (opening.end() if opening else 0)
        while (
            following < len(cues) and left_speakers[following] and left_speakers[following][0] > m.end()
            and re.fullmatch(r"\s*(?:that\s+)?(?:[\w’'-]+\s+){0,3}", sentence[opens_at : left_speakers[following][0]])
        ):
            following += 1  # "said border guards had told them ...": reported speech inside this content, not the next statement
        while (
            following < len(cues) and left_speakers[following] and left_speakers[following][0] > m.end()
            and re.search(r"\band that\s*$", sentence[m.end() : left_speakers[following][0]])
            and sentence[left_speakers[following][0] : left_speakers[following][1]].lower() in ("it", "he", "she", "they")
        ):
            following += 1  # "said talks were progressing and that it did not comment on ...": the same speaker, one content
        if following < len(cues):
            nxt = cues[following]
            nsp = left_speakers[following]
            cut = nsp[0] if nsp and nsp[0] > m.end() else nxt.start()
            conn = CONNECTOR_BEFORE.search(sentence[:cut])
            if conn and conn.start() > m.end():
                cut = conn.start()
            if cut > m.end() and (nsp or CONNECTOR_BEFORE.search(sentence[: nxt.start()])):
                next_start = cut
            elif nsp is None and re.search(r"[,”\"]\s*$", sentence[: nxt.start()]):
                next_start = len(sentence[: nxt.start()].rstrip().rstrip(",”\"").rstrip())  # ", said Y" ends this content
                cut_by_inverted = True
        after = sentence[(sp[1] if inverted else m.end()) : next_start]
        tail = AFTER_CUE_SKIP.match(after)
        content_from = (sp[1] if inverted else m.end()) + (tail.end() if tail else 0)
        content_tail = sentence[content_from:next_start].strip()
        content_before = inverted or (
            re.search(r"[,”\"]\s*$", before_speaker) is not None and _nothing_said_after(content_tail, after, m.group())
        )
        if content_before:
            prev = [r for r in raws if not r.cut_by_inverted]
            prev_end = prev[-1].end if prev and prev[-1].end <= (sp[0] if sp else m.start()) else 0
            c_end = len(before_speaker.rstrip().rstrip(",").rstrip()) if not inverted else len(left.rstrip().rstrip(",”\"").rstrip())
            if before_speaker.rstrip().endswith("”") or left.rstrip().endswith("”"):
                c_end = len(left.rstrip()) if inverted else len(before_speaker.rstrip())
            c_start = prev_end
            lead = re.match(r"\s*(?:(?:But|And|Yet|Meanwhile|However|Still),?\s+)?", sentence[c_start:c_end])
            c_start += lead.end() if lead else 0
            stmt_end = appositive_end if inverted else m.end()
            rest = re.match(r"[^,.;]*", sentence[stmt_end:])
            stmt_end += rest.end() if rest and not inverted else 0
            raws.append(_Raw(c_start, max(stmt_end, m.end()), mention, mention_pos, cue, polarity, (c_start, c_end)))
        else:
            # "told reporters the X was..." / "told Reuters that ..."
            if cue.lower() in ("told", "tells"):
                rec = re.match(r"\s*(?:(?:\w+\s+){1,7}?that\s+|(?:reporters|journalists|lawmakers|the press|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)\s*(?:that\s+)?)", sentence[content_from:next_start])
                if rec:
                    content_from += rec.end()
            end = next_start
            raws.append(_Raw(stmt_start, end, mention, mention_pos, cue, polarity, (content_from, end), cut_by_inverted=cut_by_inverted))
    if not raws:
        fallback = _FALLBACK_SPEAKER.match(sentence)
        if fallback and not _FALLBACK_NOT_SPEAKER.search(fallback.group("np")):
            # no rule named the speaker: the noun phrase that opens the sentence before "said" ("A delegate from
            # another OPEC+ member said ...") is a better guess than the narrator
            c0 = fallback.start("content")
            raws.append(_Raw(0, len(sentence), fallback.group("np"), 0, fallback.group("cue"), "assert", (c0, len(sentence.rstrip().rstrip(".")))))
    # a statement reported inside another's content ("X declared ..., said Y") belongs to the outer one
    return [r for r in raws if not any(o is not r and o.content[0] <= r.start and r.end <= o.content[1] + 1 for o in raws)]


#: The last resort for a sentence no rule attributes: "<noun phrase> said (that) <content>".
_FALLBACK_SPEAKER = re.compile(
    r"^(?P<np>(?:The |A |An |Two |Three |Several |Some )?[A-Za-z][\w’'.+-]*(?:\s+[\w’'.+-]+){0,9}?)"
    r"(?:,\s+(?:a|an|the|which|who)\b[^,]{3,120},)?"  # "A local emergency response room, a volunteer group that ..., said"
    r"\s+(?P<cue>said|says|told reporters)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?\s+(?:that\s+)?(?P<content>[\w“\"].+)$"
)
#: Words that make the opening of a sentence a clause, not a speaker ("Macron's aides have been trying to ...").
_FALLBACK_NOT_SPEAKER = re.compile(
    r"\b(?:is|are|was|were|has|have|had|be|been|will|would|can|could|may|might|should|must|did|does|do|it|he|she|they|we|I|"
    r"who|which|that|when|while|after|before|if|as|because|since|although|and|but)\b|[,;:“”\"]"
)


def _read_content(content_text: str, mention: str, speaker: str, polarity: str, cue: str, resolver: ActorResolver) -> tuple[str, str, bool]:
    """The content as a standalone clause, the polarity (an anaphoric "That is not true" denies) and whether the
    statement denies having *said* something."""
    content = _normalise_content(content_text, mention if mention.lower() not in PRONOUNS else speaker, polarity, resolver.kind(speaker) == "body", cue)
    about_speech = polarity == "deny" and SPEECH_GERUND.match(_strip_quotes(content_text)) is not None
    if ANAPHORIC.match(_strip_quotes(content_text)) and polarity == "assert":
        polarity = "deny"
    return content, polarity, about_speech


def _trim_narration(text: str) -> tuple[int, int]:
    """Offsets of the meaningful part of leftover narration (connectors and dangling words removed)."""
    s, e = 0, len(text)
    lead = re.match(r"[\s,;:—–]*(?:(?:But|And|Yet|Meanwhile|However|Still|While|So)\b,?\s*)?", text)
    if lead:
        s = lead.end()
    tail = re.search(r"(?:,?\s*\b(?:and|but|as|while|so|yet)\b(?:\s+(?:at|in|on|during)\b[^,.;]{0,60})?\s*[,;]?\s*|[,;:—–\s]+)$", text[s:])
    if tail:
        e = s + tail.start()
    return s, e


def extract_statements(
    article: Article, aliases: dict[str, str] | None = None, narrator: bool = True, attribution: str | None = None
) -> list[Statement]:
    """Attributed statements of an article, in article order, with canonical speakers.

    ``attribution`` chooses how sources, cues and contents are found: ``"parse"`` reads them from a dependency
    parse (``attribution.find_attributions``) and resolves speakers in one explicit step (``resolve``);
    ``"rules"`` uses the older surface patterns. ``None`` takes ``HELPERS_ATTRIBUTION`` or the default.
    ``aliases`` maps a mention (e.g. ``"the spokesman"``) to the canonical actor to use.
    Unattributed sentences become statements of the ``narrator`` unless ``narrator`` is False.
    """
    attribution = (attribution or os.environ.get("HELPERS_ATTRIBUTION") or DEFAULT_ATTRIBUTION).lower()
    if attribution not in ATTRIBUTIONS:
        raise ValueError(f"attribution must be one of {', '.join(ATTRIBUTIONS)}, got {attribution!r}")
    text = article.text
    resolver = ActorResolver(text, aliases)
    build = _statements_from_parse if attribution == "parse" else _statements_from_rules
    statements = build(text, resolver, aliases, narrator)
    for i, st in enumerate(statements):
        st.id = i
    _share_sentence_time(statements)
    _link_anaphora_and_retractions(statements, text, article.title)
    _inherit_day(statements)
    home = dateline_country(article)
    lead = next((st.speaker for st in statements if st.speaker != NARRATOR), "")
    home = home or (lead if lead in NATIONALITY else "")  # "Zambia said ...": a minister named without a country is Zambia's
    named: dict[str, str] = {}  # speaker -> the one country a mention of it names ("a spokesman for ... China's army")
    at_home = set()  # "Foreign Office spokesman Nadeem Hashmi" in a story filed from Islamabad speaks for Pakistan
    for st in statements:
        if st.speaker == NARRATOR or resolver.countries.get(st.speaker):
            continue
        found = _FIND_COUNTRIES(re.sub(r"\b(?:Pan|Inter|Latin|Central)[- ]American\b", "", f"{st.mention} {st.speaker}"))  # no one country's
        if len(found) == 1:
            named.setdefault(st.speaker, next(iter(found)))
        elif not found and home and _HOME_OFFICE.search(f"{st.mention} {st.speaker}"):
            at_home.add(st.speaker)
    for st in statements:
        st.extra["actor_kind"] = resolver.kind(st.speaker)
        country = resolver.countries.get(st.speaker, "") or named.get(st.speaker, "")
        st.extra["country"] = country or (home if st.speaker in at_home else "")
    return statements


def _statements_from_parse(text: str, resolver: ActorResolver, aliases: dict[str, str] | None, narrator: bool) -> list[Statement]:
    doc = parse(text)
    found = find_attributions(doc)
    names = resolve_all(doc, found, aliases)
    sentences = split_sentences(text)
    starts = [sent.start for sent in sentences]
    by_sentence: dict[int, list[tuple[Attribution, str]]] = {}
    for a, name in zip(found, names):
        k = max(0, bisect_right(starts, a.content_start) - 1)
        by_sentence.setdefault(k, []).append((a, name))
    statements: list[Statement] = []
    for k, sent in enumerate(sentences):
        covered: list[tuple[int, int]] = []
        sent_statements: list[Statement] = []
        sent_end = sent.start + len(sent.text)
        for a, speaker in by_sentence.get(k, []):
            mention = text[a.mention_start : a.mention_end] if a.mention_start >= 0 else ""
            if not speaker:
                continue  # no source span ("according to" with nothing after it)
            content, polarity, about_speech = _read_content(text[a.content_start : a.content_end], mention, speaker, a.polarity, a.cue, resolver)
            # the statement's span: source, cue and content when they lie in this sentence, else the content alone
            parts = [(a.content_start, a.content_end)] + [
                (s0, s1) for s0, s1 in ((a.cue_start, a.cue_end), (a.mention_start, a.mention_end), a.extra.get("question", (-1, -1)))
                if sent.start <= s0 and s1 <= sent_end
            ]
            start, end = min(p[0] for p in parts), max(p[1] for p in parts)
            time, rank = _time_of(text[sent.start : sent_end] if not a.inherited else "")
            st = Statement(
                id=0, sentence=sent.id, start=start, end=end, text=text[start:end], speaker=speaker, mention=mention,
                cue=a.cue if not a.inherited else "(quote continues)", polarity=polarity, quote=a.quote, content=content,
                time=time, time_rank=rank, paragraph=sent.paragraph, about_speech=about_speech,
                content_start=a.content_start, content_end=a.content_end, mention_start=a.mention_start,
                mention_end=a.mention_end, cue_start=a.cue_start, cue_end=a.cue_end,
            )
            sent_statements.append(st)
            covered.append((max(0, start - sent.start), min(len(sent.text), end - sent.start)))
        if narrator:
            sent_statements.extend(_narration(sent, covered, text))
        sent_statements.sort(key=lambda s: s.start)
        statements.extend(sent_statements)
    return statements


def _statements_from_rules(text: str, resolver: ActorResolver, aliases: dict[str, str] | None, narrator: bool) -> list[Statement]:
    statements: list[Statement] = []
    last_quote_speaker: tuple[str, str] | None = None
    for sent in split_sentences(text):
        raws = _attributions(sent.text)
        if not raws and last_quote_speaker and re.fullmatch(r"\s*[“\"][^“”\"]+[”\"]\s*", sent.text):
            # a quotation continuing the previous speaker's direct quote
            raws = [_Raw(0, len(sent.text), last_quote_speaker[1], 0, "(quote continues)", "assert", (0, len(sent.text)))]
            raws[0].inherit = True
        covered: list[tuple[int, int]] = []
        sent_statements: list[Statement] = []
        for raw in raws:
            c0, c1 = raw.content
            content_text = sent.text[c0:c1]
            if not content_text.strip(" ,.;:“”\"") and not NO_COMMENT.match(raw.cue):
                continue  # "declined to comment." stands alone; any other cue needs a content
            if _NO_SUBJECT.match(content_text) and raw.cue.lower() in ("say", "says", "said"):
                continue  # "a plan Lebanese officials say is needed": "say" inside a relative clause, no statement
            mention = raw.mention
            if raw.inherit and last_quote_speaker and raw.cue == "(quote continues)":
                speaker = last_quote_speaker[0]
            else:
                speaker = _resolve_mention(mention, sent.start + raw.mention_pos, resolver, statements + sent_statements)
            content, polarity, about_speech = _read_content(content_text, mention, speaker, raw.polarity, raw.cue, resolver)
            attribution = sent.text[raw.start : c0] + " " + sent.text[c1 : raw.end]
            if raw is raws[0] and raw.start <= c0:
                attribution = sent.text[: raw.start] + " " + attribution  # "Later on Tuesday he said ..."
            time, rank = _time_of(attribution if raw.start < c0 or c1 < raw.end else sent.text)
            quote = _quote_type(content_text)
            st = Statement(
                id=0, sentence=sent.id, start=sent.start + min(raw.start, c0), end=sent.start + max(raw.end, c1),
                text="", speaker=speaker, mention=mention, cue=raw.cue, polarity=polarity, quote=quote,
                content=content, time=time, time_rank=rank, paragraph=sent.paragraph, about_speech=about_speech,
                content_start=sent.start + c0, content_end=sent.start + c1,
            )
            if mention and raw.cue != "(quote continues)":
                st.mention_start = sent.start + raw.mention_pos
                st.mention_end = st.mention_start + len(mention)
                cue_at = sent.text.find(raw.cue, raw.start)
                if cue_at >= 0:
                    st.cue_start, st.cue_end = sent.start + cue_at, sent.start + cue_at + len(raw.cue)
            st.text = text[st.start : st.end]
            sent_statements.append(st)
            covered.append((min(raw.start, c0), max(raw.end, c1)))
            if quote in ("direct", "mixed"):
                last_quote_speaker = (speaker, mention)
            elif raw.cue != "(quote continues)":
                last_quote_speaker = None
        if narrator:
            sent_statements.extend(_narration(sent, covered, text))
        sent_statements.sort(key=lambda s: s.start)
        statements.extend(sent_statements)
    for i, st in enumerate(statements):
        st.id = i
    _name_roles(statements, resolver)
    _name_groups(statements, resolver)
    return statements


#: Offices a story names without their country when they are the country it is filed from.
_HOME_OFFICE = re.compile(
    r"\b(?:foreign office|foreign ministry|ministry|minister|prime minister|president(?:ial)?|presidency|government|cabinet|"
    r"customs|palace|army|military|police|coast guard)\b",
    re.I,
)


def dateline_country(article: Article) -> str:
    """The country a wire story is filed from, by its dateline ("ISLAMABAD, Dec 3 (Reuters) -", "BUCHAREST,
    Romania (AP) —"); empty when it has none or names no single country."""
    found = _FIND_COUNTRIES(dateline_place(article.removed))
    return next(iter(found)) if len(found) == 1 else ""


#: A document named with the organisation that published it: "a second KCNA commentary on Tuesday", "a Xinhua report".
_DOCUMENT_OF = re.compile(
    r"^(?:[Aa]n?|[Tt]he)\s+(?:(?:second|third|new|later|separate|further|another|fresh)\s+)?(?P<org>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+"
    r"(?:commentary|editorial|statement|communiqu[eé]|readout|dispatch|bulletin|report|article)\b"
)


def _initials(name: str) -> str:
    """"Korean Central News Agency" -> "KCNA" (capitalised words only)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _resolve_mention(mention: str, position: int, resolver: ActorResolver, previous: list[Statement]) -> str:
    mention = re.sub(r"^(?:its|their)\s+(?=\S+\s+\S)", "", mention, flags=re.I)  # "its chief executive": the role, named later
    mention = re.sub(r"^[A-Z][\w’'-]*-based\s+(?=[A-Z])", "", mention)  # "Shenzhen-based Fenglan Battery Technology": where, not who
    mention = re.sub(r"^(?:[Tt]he\s+)?official\s+(?=[A-Z])", "", mention)  # "the official Korean Central News Agency"
    mention = re.sub(r"^(?:[Tt]he\s+)?(?:[\w.’'-]+\s+){1,4}?(?=[A-Z][A-Z&]{1,7}$)", "", mention)  # "the U.N. refugee agency UNHCR"
    document = _DOCUMENT_OF.match(mention)
    if document:  # "a second KCNA commentary on Tuesday": the agency that published it
        mention = document.group("org")
        earlier = next((st.speaker for st in previous if _initials(st.speaker) == mention), None)
        if earlier:
            return earlier  # "KCNA" after "the Korean Central News Agency"
    low = mention.lower()
    if low in PRONOUNS:
        want = PRONOUNS[low]
        for st in reversed(previous):
            kind = resolver.kind(st.speaker)
            if st.speaker == NARRATOR:
                continue
            if want == "person" and kind in ("person", "role", "alias"):
                return st.speaker
            if want == "plural" and kind == "group":
                return st.speaker
            if want == "body" and kind == "body":
                return st.speaker
        person = resolver.person_in(resolver.text[:position])
        return person.name if person and want == "person" else mention
    if low in ("the people", "the person", "the sources", "the source", "the officials"):
        # "one of the people later said": the anonymous source quoted before
        noun = low.split()[1].rstrip("s")
        for st in reversed(previous):
            if st.speaker.lower().startswith(noun):
                return st.speaker
    owner = re.fullmatch(r"(?:his|her)\s+(office|aides?|spokesman|spokeswoman|spokesperson|ministry)", low)
    if owner:
        # "his office said": the office of the person quoted last
        person = next((st.speaker for st in reversed(previous) if resolver.kind(st.speaker) == "person"), None)
        if person:
            return resolver.register(f"{person}'s {owner.group(1)}", "body", resolver.countries.get(person, ""))
    bare = re.fullmatch(r"(?:the|a|an|this|that)\s+((?:[a-z]+ )?(\w+))", low.replace("’", "'"))
    if bare and bare.group(2) in ORG_NOUNS and low.startswith("the ") and not _FIND_COUNTRIES(mention):
        # "the airline": the organisation quoted last ("the Saudi fund" is another one)
        body = next((st.speaker for st in reversed(previous) if st.speaker != NARRATOR and resolver.kind(st.speaker) in ("body", "other")), None)
        if body:
            return body
    if bare and bare.group(2) in ROLE_NOUNS and not resolver.person_in(mention):
        role_words = bare.group(1).split()
        for st in reversed(previous):
            words = st.speaker.lower().split()
            titles = [t.lower().split() for t in resolver.titles_of(st.speaker)]
            heads = [words[-1]] + [t[-1] for t in titles if t]  # "the army" is not "an army officer"
            words += [w for t in titles for w in t]
            if st.speaker != NARRATOR and role_words[-1] in heads and all(w in words for w in role_words[:-1] if w != "senior"):
                return st.speaker
        if role_words[-1] in BODIES and len(role_words) == 1:
            # "the army" after "an Indian army officer": the Indian army
            for st in reversed(previous):
                country = resolver.countries.get(st.speaker, "")
                if st.speaker != NARRATOR and country and role_words[-1] in st.speaker.lower().split():
                    return resolver.register(f"{NATIONALITY.get(country, country)} {role_words[-1]}", "body", country)
        if role_words[-1] in ("spokesman", "spokeswoman", "spokesperson") and len(role_words) > 1:
            bodies = [st.speaker for st in reversed(previous) if resolver.kind(st.speaker) in ("body", "other") and st.speaker != NARRATOR]
            named = [b for b in bodies if re.search(rf"\b{re.escape(role_words[0])}\b", b.lower())]
            if not named and role_words[0] in GENERIC_BODIES:  # "an agency spokesman": the organisation last quoted
                named = bodies[:1]
            if named:
                return resolver.register(f"{named[0]} {role_words[-1]}", "role", resolver.countries.get(named[0], ""))
    return resolver.resolve(mention, position)


def _narration(sent: Sentence, covered: list[tuple[int, int]], text: str) -> list[Statement]:
    """Leftover text of a sentence, outside attributed statements, as narrator statements."""
    out = []
    pieces = []
    pos = 0
    for a, b in sorted(covered):
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    if pos < len(sent.text):
        pieces.append((pos, len(sent.text)))
    for a, b in pieces:
        s, e = _trim_narration(sent.text[a:b])
        chunk = sent.text[a + s : a + e]
        if len(re.findall(r"\w+", chunk)) < 6 or re.match(r"(?:where|who|whose|which|when)\b", chunk, re.I):
            continue
        time, rank = _time_of(chunk)
        st = Statement(
            id=0, sentence=sent.id, start=sent.start + a + s, end=sent.start + a + e, text=chunk,
            speaker=NARRATOR, mention="", cue="", polarity="assert", quote="none",
            content=_normalise_content(chunk, "", "assert"), time=time, time_rank=rank, paragraph=sent.paragraph,
        )
        out.append(st)
    return out


def _name_roles(statements: list[Statement], resolver: ActorResolver) -> None:
    """A role the article names later ("Colombia's foreign minister said ..." then "Foreign Minister Laura Quintero
    told reporters") is that person: the one person whose title ends the role's title, of its country or of none."""
    for role in {st.speaker for st in statements if resolver.kind(st.speaker) == "role"}:
        country = resolver.countries.get(role, "")
        words = role.lower().split()
        matches = [
            p for p in resolver.people.values()
            if p.country in ("", country) and any(
                (2 <= len(t := t_.lower().split()) or t == ["minister"]) and len(t) <= len(words) and words[-len(t) :] == t
                for t_ in p.titles  # "foreign minister", "Minister Walid Haddad"; not a bare "spokesman"
            )
        ]
        if len(matches) != 1:
            continue
        person = matches[0]
        resolver.register(person.name, "person", person.country or country)
        for st in statements:
            if st.speaker == role:
                st.speaker = person.name


def _name_groups(statements: list[Statement], resolver: ActorResolver) -> None:
    """Inside contents, "the two leaders" becomes the pair it stands for ("Macron and Putin")."""
    for st in statements:
        m = re.search(r"\b[Tt]he two (?:leaders|presidents|sides|men)\b|\b[Bb]oth leaders\b", st.content)
        if m:
            group = resolver.group_at(st.start, m.group(0).split()[-1].lower(), exclude=st.speaker)
            if " and " in group:
                st.content = st.content[: m.start()] + group + st.content[m.end() :]


#: Anaphoric nouns for a reported claim, as against "comments" or "remarks", which may be words quoted.
CLAIM_NOUN = re.compile(r"\b(?:claims?|assertions?|account|reports?|allegations?|accusations?|charges?|announcement)\b", re.I)


def _title_words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())}


def _link_anaphora_and_retractions(statements: list[Statement], text: str, title: str = "") -> None:
    """Point anaphoric statements ("that's not so clear", "backed away from their comments") at what they answer,
    and mark walk-backs as retractions: a "later" statement of a speaker (or of the office they speak for) who
    said something "at first", "earlier" or before it in another sentence, and a speaker's word on their own
    words ("had been misunderstood", "had never claimed that ...").

    An anaphor answers the last actor quoted (its own speaker for a walk-back). "The claim" or "his account"
    is a reported claim of that actor, not a direct quote; a denial of "the claim" answers the one the
    headline reports when one shares its words ("Addis Ababa Rejects Claim" under a headline about the
    dam), else the latest. "Comments" or "remarks" are the latest words, quoted or not."""
    headline = _title_words(title)
    read: dict[int, Frames] = {}

    def frames_of(x: Statement) -> Frames:  # each content read once, however many "later" statements look back
        if x.id not in read:
            read[x.id] = read_frames(x.content)
        return read[x.id]

    def frame_signs(x: Statement) -> dict[str, int]:
        return frames_of(x).signs

    said: dict[str, list[Statement]] = {}  # speaker -> their assertions so far, in article order
    for i, st in enumerate(statements):
        if st.speaker == NARRATOR:
            continue
        raw_content = st.content
        if ANAPHORIC.match(raw_content):
            same = st.polarity == "retract"
            candidates = [p for p in reversed(statements[:i]) if p.speaker != NARRATOR and p.refers_to is None and (p.speaker == st.speaker) == same]
            if candidates and CLAIM_NOUN.search(raw_content):
                claims = [p for p in candidates if p.speaker == candidates[0].speaker and p.quote != "direct"]
                if claims and not same:
                    overlap = [len(_title_words(p.content) & headline) for p in claims]
                    claims = [claims[overlap.index(max(overlap))]]
                candidates = claims or candidates
            if candidates:
                st.refers_to = candidates[0].id
        if st.polarity == "assert" and REAFFIRM.match(raw_content):
            before = sorted((p for sp, ps in said.items() if same_office(sp, st.speaker) for p in ps if not p.extra.get("reaffirms")), key=lambda p: p.id)
            if before:
                # "its statement", "his account": their reported claim, the one the headline reports when one does
                st.refers_to = _headline_claim([p for p in before if p.quote != "direct"] or before, headline).id
                st.extra["reaffirms"] = True
                continue
        own = list(said.get(st.speaker, []))
        # what the same speaker, or the office they speak from ("the army" after "an army officer"), said before
        office = sorted((p for sp, ps in said.items() if same_office(sp, st.speaker) for p in ps), key=lambda p: p.id) if st.polarity == "assert" else []
        later = frame_signs(st) if office else {}
        said_no_later = [p for p in office if p.sentence != st.sentence and any(later.get(f, 0) < 0 < sign for f, sign in frame_signs(p).items())]
        # what they said happened, before what they only said would ("the deal is done" before "we will sign")
        said_no_later = [p for p in said_no_later if not frames_of(p).intention] or said_no_later
        dated_later = st.time_rank is not None and st.time_rank >= 0.5 and all(
            p.time_rank is None or p.time_rank < st.time_rank or p.sentence == st.sentence for p in office  # "said X but acknowledged Y"
        )
        own_words = _own_words_back(st) if st.polarity == "assert" else None
        if dated_later and said_no_later and "later" not in st.time.lower() and not own_words:
            # "On Wednesday, the official said the vote had been postponed": a day later, a "no" on what they had said yes to
            st.polarity = "retract"
            st.refers_to = said_no_later[-1].id
            st.extra["revision"] = True  # the content says the "no" itself
        elif "later" in st.time.lower() and office:
            earlier = [p for p in office if re.search(r"at first|initially|earlier", p.time, re.I)]
            opening = text[max(0, st.start - 10) : st.start].split(".")[-1].strip() or st.text  # "But" left outside the statement
            if not earlier and re.match(r"(?:But|However|Yet)\b", opening):
                earlier = office  # "But the official later said ..." walks back what the same speaker said before
            if not earlier:
                # "The official later said the document was a draft that neither side had signed": a later "no"
                # on what the same speaker had said yes to
                earlier = said_no_later
            if not earlier:
                # "X said A. Later on Monday X said B": in wire copy a later word of the same speaker revises
                earlier = [p for p in office if p.sentence != st.sentence]
            if earlier:
                st.polarity = "retract"
                st.refers_to = earlier[-1].id
                st.extra["revision"] = any(sign < 0 for sign in later.values())  # "later said the commitment was not firm"
        elif own and own_words:
            # "Menon said he had been misunderstood" answers his reported claim; "Dahl said he had never said the
            # process was finished" answers his latest words, a quote included
            if own_words.group("never"):
                target = own[-1]
            else:  # "misquoted": the reported claim the headline reports, when one does
                target = _headline_claim([p for p in own if p.quote != "direct"] or own, headline)
            st.polarity = "retract"
            st.refers_to = target.id
            st.extra["revision"] = any(sign < 0 for sign in frame_signs(st).values())  # "... only a study, not a decision"
        if st.polarity == "assert":
            said.setdefault(st.speaker, []).append(st)


def _headline_claim(statements: list[Statement], headline: set[str]) -> Statement:
    """Of a speaker's statements (article order), the first sharing most words with the headline, else the latest."""
    overlap = [len(_title_words(p.content) & headline) for p in statements]
    return statements[overlap.index(max(overlap))] if max(overlap) else statements[-1]


def same_office(a: str, b: str) -> bool:
    """The same actor, or an actor and the office it speaks for ("Indian army officer" and "Indian army")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    rest = re.sub(r"^[’']s\s+", "", long[len(short) :].strip()).lower()  # "Gabriel Deng's office"
    return short != NARRATOR and long.startswith((short + " ", short + "'s ", short + "’s ")) and rest in ROLE_NOUNS - CROWD_NOUNS


#: Ranks in a title that name no office ("Deputy Energy Minister").
_RANKS = {"deputy", "vice", "senior", "acting", "first", "junior", "state", "chief", "assistant", "former"}
#: Offices named by their kind only ("ministry spokesman", "Government spokeswoman").
_GENERIC_OFFICES = {"ministry", "government", "office", "council", "presidency", "cabinet"}
#: The last word of a title that makes its bearer speak for an office ("Government spokeswoman", "Finance Minister").
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "minister", "official", "aide", "adviser", "advisor", "head", "chief", "secretary", "director", "chairman", "chairwoman", "chair"}


def speaks_for(mention: str, speaker: str, office: str) -> bool:
    """The title in a mention makes the speaker the voice of the office: "Government spokeswoman Eleni Markaki" of
    "Greek government", "Finance Minister Hany Fawzi" of "Egyptian finance ministry", "ministry spokesman Youssef
    Alaoui" of "Moroccan foreign ministry". Countries are not compared here."""
    name = {w.lower() for w in speaker.split()}
    title = [w for w in re.findall(r"[\w-]+", mention.lower()) if w not in name and w not in ("a", "an", "the")]
    if title[-2:] == ["prime", "minister"] or title[-1:] in (["premier"], ["chancellor"]):
        # the head of government speaks for it ("Prime Minister Kadri Saar" for "Estonian government"), not for its officials
        return office.lower().split()[-1:] in (["government"], ["cabinet"])
    if "for" in title[1:-1] and title[title.index("for") - 1] in _SPEAKS_FOR:
        # "State Secretary for Economic Affairs": the role, then its portfolio ("economy ministry")
        portfolio = {w[:5] for w in title[title.index("for") + 1 :] if w not in ("the", "and", "affairs")}
        return bool(portfolio) and portfolio <= {w[:5] for w in re.findall(r"[\w-]+", office.lower())}
    if len(title) < 2 or title[-1] not in _SPEAKS_FOR:
        return False
    own = set(title[:-1]) - _RANKS | ({"ministry"} if title[-1] == "minister" else set())
    words = set(re.findall(r"[\w-]+", office.lower())) - set(ADJECTIVE_TO_COUNTRY)
    specific = own - _GENERIC_OFFICES  # "Defense Minister" is not the voice of the finance ministry
    return specific <= words if specific else bool(own & words)


#: A speaker on their own earlier words: "he had been misunderstood", "he had never claimed that ...", "he had perhaps
#: spoken too soon".
_OWN_WORDS_BACK = re.compile(
    r"^(?P<who>[\w’'-]+(?: [\w’'-]+){0,2}) (?:had |has |was |were )?(?:been )?(?:perhaps |maybe |possibly )?(?:misunderstood|misquoted|misinterpreted|"
    r"spoken too soon|spoke too soon|overstated|(?:been )?referring (?:only )?to|referred (?:only )?to|"
    r"quoted out of context|taken out of context|(?P<never>(?:never|not) (?:claimed|said|suggested|stated|announced|promised|mentioned)))\b"
)


def _own_words_back(st: Statement) -> re.Match[str] | None:
    """The speaker's word on their own earlier words, if the content is one ("he had been misunderstood")."""
    m = _OWN_WORDS_BACK.match(re.sub(r"[“”\"]", "", st.content))
    return m if m and any(tok in st.speaker.split() for tok in m.group("who").split()) else None


def _share_sentence_time(statements: list[Statement]) -> None:
    """"On Tuesday, Sandoval said X but acknowledged Y": a speaker's second statement in a sentence, with no time
    of its own, is said when the first one is."""
    for prev, st in zip(statements, statements[1:]):
        if st.sentence == prev.sentence and st.speaker == prev.speaker and not st.time and prev.time:
            st.time, st.time_rank = prev.time, prev.time_rank


def _inherit_day(statements: list[Statement]) -> None:
    """Statements with only a relative time cue take the day of the nearest earlier dated statement."""
    day = None
    for st in statements:
        if st.time_rank is not None and st.time_rank >= 0.5:  # dated: Monday = 1 ... Sunday = 7
            day = float(round(st.time_rank))
        elif st.time_rank is not None and day is not None:  # relative only: at first -0.3, later +0.3
            st.time_rank = day + st.time_rank


def statements_frame(statements: list[Statement]) -> pd.DataFrame:
    """The statements as a DataFrame (one row each, article order)."""
    cols = [
        "id", "sentence", "start", "end", "text", "speaker", "mention", "cue", "polarity", "quote",
        "content", "time", "time_rank", "refers_to", "paragraph", "about_speech",
    ]
    df = pd.DataFrame([s.to_dict() for s in statements], columns=cols)
    df["refers_to"] = df["refers_to"].astype("Int64")
    df["country"] = [s.extra.get("country", "") for s in statements]  # the speaker's, where the article says it
    # a walk-back in the speaker's own "no" ("later said no date had been fixed"): its content speaks for itself
    df["revision"] = [bool(s.extra.get("revision")) for s in statements]
    df["reaffirms"] = [bool(s.extra.get("reaffirms")) for s in statements]  # "stood by its statement": says refers_to again
    return df
