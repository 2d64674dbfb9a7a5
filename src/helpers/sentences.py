"""Sentence segmentation with character offsets, robust to abbreviations and quotations."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Titles and other abbreviations after which a period never ends a sentence.
TITLES = frozenset(
    "mr mrs ms dr gen lt col sen rep gov prof st sgt capt maj adm rev hon pres amb insp supt cmdr brig messrs".split()
)
MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
OTHER_ABBREV = frozenset("no nos vs v approx est dept corp inc ltd co jr sr fig vol".split())
#: Words that begin a new sentence after an initialism such as ``U.S.``.
STARTERS = frozenset(
    "The A An He She It They We I But And Yet So In On At As This That These Those There His Her Their Its "
    "Meanwhile However Still While When After Before Both Neither Some Most Many Asked".split()
)
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"
_END = re.compile(r"[.!?]+[”\"’')\]]*")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and its ``[start, end)`` offsets into the article text."""

    id: int
    text: str
    start: int
    end: int
    paragraph: int


def _is_boundary(text: str, dot: int, after: int) -> bool:
    """Decide whether the terminator at ``dot`` (ending at ``after``) closes a sentence."""
    rest = text[after:]
    nxt = re.match(r"\s+([“\"‘'(\[]?)(\S)", rest)
    if not nxt:
        return not rest.strip()
    first = nxt.group(2)
    if first.islower():
        return False
    if text[dot] != ".":
        return True
    word = re.search(r"([A-Za-z.]+)$", text[:dot])
    token = word.group(1) if word else ""
    bare = token.lower().rstrip(".")
    next_word = re.match(r"\s+[“\"‘'(\[]?([\w’']+)", rest)
    next_token = next_word.group(1) if next_word else ""
    if bare in TITLES:
        return False
    if bare in MONTHS and first.isdigit():
        return False
    if bare in OTHER_ABBREV and first.isdigit():
        return False
    if len(token) == 1 and token.isupper():  # an initial: "Vladimir V. Putin"
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):  # U.S. / E.U. / a.m.
        return next_token in STARTERS
    return True


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs (separated by blank lines or single newlines)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; a sentence never ends inside an open quotation."""
    sentences: list[Sentence] = []
    for pno, (p_start, p_end) in enumerate(split_paragraphs(text)):
        start = p_start
        depth = 0
        opened_at = None
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in OPEN_QUOTES:
                depth += 1
                opened_at = i
            elif ch in CLOSE_QUOTES and depth:
                depth -= 1
            elif ch == '"':
                depth = 0 if depth else 1
                opened_at = i if depth else None
            if ch in ".!?":
                m = _END.match(text, i, p_end)
                after = m.end()
                closing = text[i:after]
                d = depth - sum(c in CLOSE_QUOTES for c in closing[1:]) - (closing.count('"') if depth else 0)
                long_quote = opened_at is not None and i - opened_at > 600
                if (d <= 0 or long_quote) and _is_boundary(text[:p_end], i, after):
                    _append(sentences, text, start, after, pno)
                    start = after
                    depth = 0
                    opened_at = None
                i = after
                continue
            i += 1
        _append(sentences, text, start, p_end, pno)
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    s, e = start + lead, end - trail
    if e > s:
        out.append(Sentence(id=len(out), text=text[s:e], start=s, end=e, paragraph=paragraph))
