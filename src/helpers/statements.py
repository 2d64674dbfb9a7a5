"""From sentences to attributed statements: speaker, reporting cue, polarity, content, time."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field

import pandas as pd

from .actors import ADJECTIVE_TO_COUNTRY, NARRATOR, NATIONALITY, PRONOUNS, country_finder
from .article import Article, dateline_place
from .attribution import Attribution, attribution_spans, find_attributions, parse
from .resolve import RANK_WORDS, Resolver, actor_kinds
from .frames import Frames, read_frames
from .sentences import Sentence, split_sentences

POLARITIES = ("assert", "deny", "hedge", "retract")

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
#: The countries a text names (by name, adjective, capital or institution).
_FIND_COUNTRIES = country_finder()
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


def _strip_quotes(text: str) -> str:
    return text.strip().strip("“”\"").strip()


def _past(gerund: str) -> str:
    """Simple past of a verb given as a gerund ("backing" -> "backed", "seeking" -> "sought")."""
    low = gerund.lower()
    return _PAST.get(low) or f"{low[:-3]}ed"


def _normalise_content(content: str, mention: str, polarity: str, cue: str = "") -> str:
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
        c = re.sub(r"^(?:he|she|they)\b", name, c, flags=re.I)
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
    elif polarity == "assert" and re.match(r"(?:had |has )?(?:described|declared|branded|labell?ed|termed|dubbed|characteri[sz]ed)$", cue):
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


def _read_content(content_text: str, mention: str, speaker: str, polarity: str, cue: str) -> tuple[str, str, bool]:
    """The content as a standalone clause, the polarity (an anaphoric "That is not true" denies) and whether the
    statement denies having *said* something."""
    content = _normalise_content(content_text, mention if mention.lower() not in PRONOUNS else speaker, polarity, cue=cue)
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


def extract_statements(article: Article, aliases: dict[str, str] | None = None, narrator: bool = True) -> list[Statement]:
    """Attributed statements of an article, in article order, with canonical speakers.

    Sources, cues and contents are read from a dependency parse (``attribution.find_attributions``) and the
    speakers resolved in one explicit step (``resolve``).
    ``aliases`` maps a mention (e.g. ``"the spokesman"``) to the canonical actor to use.
    Unattributed sentences become statements of the ``narrator`` unless ``narrator`` is False.
    """
    text = article.text
    statements = _statements_from_parse(text, aliases, narrator)
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
        if st.speaker == NARRATOR:
            continue
        found = _FIND_COUNTRIES(re.sub(r"\b(?:Pan|Inter|Latin|Central)[- ]American\b", "", f"{st.mention} {st.speaker}"))  # no one country's
        if len(found) == 1:
            named.setdefault(st.speaker, next(iter(found)))
        elif not found and home and _HOME_OFFICE.search(f"{st.mention} {st.speaker}"):
            at_home.add(st.speaker)
    for st in statements:
        st.extra.setdefault("actor_kind", "narrator" if st.speaker == NARRATOR else "other")
        country = named.get(st.speaker, "") or st.extra.get("person_country", "")  # "Laura Pinto, Chile's foreign ministry spokesperson"
        st.extra["country"] = country or (home if st.speaker in at_home else "")
    return statements


def _statements_from_parse(text: str, aliases: dict[str, str] | None, narrator: bool) -> list[Statement]:
    doc = parse(text)
    found = find_attributions(doc)
    resolver = Resolver(doc, aliases)
    names = resolver.resolve_all(found)
    kinds = actor_kinds(doc, names)
    countries = resolver.person_countries()
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
            words = text[a.content_start : a.content_end]
            if "aside" in a.extra:  # the cue set in the middle of its content ("The meeting, the minister said, was ...")
                x0, x1 = a.extra["aside"]
                words = f"{text[a.content_start : x0].rstrip(' ,')} {text[x1 : a.content_end].lstrip(' ,')}"
            content, polarity, about_speech = _read_content(words, mention, speaker, a.polarity, a.cue)
            # the statement's span: source, cue and content when they lie in this sentence, else the content alone
            content_span = (a.content_start, a.content_end)
            parts = [content_span] + [(s0, s1) for s0, s1 in attribution_spans(a) if (s0, s1) != content_span and sent.start <= s0 and s1 <= sent_end]
            start, end = min(p[0] for p in parts), max(p[1] for p in parts)
            time, rank = _time_of(text[sent.start : sent_end] if not a.inherited else "")
            st = Statement(
                id=0, sentence=sent.id, start=start, end=end, text=text[start:end], speaker=speaker, mention=mention,
                cue=a.cue if not a.inherited else "(quote continues)", polarity=polarity, quote=a.quote, content=content,
                time=time, time_rank=rank, paragraph=sent.paragraph, about_speech=about_speech,
                content_start=a.content_start, content_end=a.content_end, mention_start=a.mention_start,
                mention_end=a.mention_end, cue_start=a.cue_start, cue_end=a.cue_end, extra={"actor_kind": kinds.get(speaker, "other"), "person_country": countries.get(speaker, "")},
            )
            sent_statements.append(st)
            covered.append((max(0, start - sent.start), min(len(sent.text), end - sent.start)))
        told = sorted(sent_statements, key=lambda s: s.start)
        if narrator:
            sent_statements.extend(_narration(sent, covered, text))
        _widen_to_sentence(told, sent_statements, sent, text)
        sent_statements.sort(key=lambda s: s.start)
        statements.extend(sent_statements)
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


def _widen_to_sentence(told: list[Statement], statements: list[Statement], sent: Sentence, text: str) -> None:
    """Stretch the sentence's first and last attributed statements over the words before and after them that no
    statement holds ("As talks stalled, Lavrov said ...", too short for a narrator's statement): what the reader is shown
    is the sentence, and the speaker, cue and content stay as they were read."""
    lo = sent.start + len(sent.text) - len(sent.text.lstrip())
    hi = sent.start + len(sent.text.rstrip().rstrip(".!?;"))  # the sentence's own full stop stays outside
    inside = [st for st in told if lo <= st.start and st.end <= hi]
    if not inside:
        return
    first, last = inside[0], max(inside, key=lambda s: s.end)
    if not any(st.start < first.start for st in statements if st is not first):
        first.start = lo
    if not any(st.end > last.end for st in statements if st is not last):
        last.end = hi
    for st in {id(first): first, id(last): last}.values():
        st.text = text[st.start : st.end]


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
    headline_end = len(title) if title and text.startswith(title) else 0

    def reported(ps: list[Statement]) -> list[Statement]:
        """The claims a headline can report: reported (not quoted) and in the body, not the headline itself."""
        ps = [p for p in ps if p.quote != "direct"] or ps
        return [p for p in ps if p.end > headline_end] or ps

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
                st.refers_to = _headline_claim(reported(before), headline).id
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
                target = _headline_claim(reported(own), headline)
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
_RANKS = RANK_WORDS | {"senior", "first", "state", "chief"}
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
        "content_start", "content_end", "mention_start", "mention_end", "cue_start", "cue_end",
    ]
    df = pd.DataFrame([s.to_dict() for s in statements], columns=cols)
    df["refers_to"] = df["refers_to"].astype("Int64")
    df["country"] = [s.extra.get("country", "") for s in statements]  # the speaker's, where the article says it
    # a walk-back in the speaker's own "no" ("later said no date had been fixed"): its content speaks for itself
    df["revision"] = [bool(s.extra.get("revision")) for s in statements]
    df["reaffirms"] = [bool(s.extra.get("reaffirms")) for s in statements]  # "stood by its statement": says refers_to again
    return df
