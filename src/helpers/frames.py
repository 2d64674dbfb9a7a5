"""What a statement's content says about the events diplomatic news argues over: agreements and dates.

A small NLI model misses that "no decision has been taken" contradicts "Russia had agreed to keep the
corridor open", or that a Kremlin spokesman denying "an extension had been agreed" answers it: the two
contents share almost no words, and their conflict lies in the event both talk about. A *frame* is such an
event, with the sign a content gives it: ``+1`` it happened (or is set), ``-1`` it did not, not yet, or only
in part ("negotiations were still under way", "had only discussed the idea").

Two statements *conflict on a frame* when they give it opposite signs (a denial flips its content's sign),
neither only states an intention ("would not sign until ..."), and they are about the same thing: they
share a topic word ("annex", "imports"), or one speaker is a party the other's content names (the Kremlin
denying what "Russia had agreed").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Words that put a content in the agreement frame.
AGREEMENT = re.compile(
    r"\b(?:agree[sd]?|agreeing|agreements?|deals?|accords?|pacts?|arrangements?|understandings?|accept(?:s|ed|ing)?|sign(?:s|ed|ing|ature)?|signed off|"
    r"commit(?:s|ted|ments?)|promis(?:e|es|ed)|pledg(?:e|es|ed)|(?:given|gave) (?:his|her|their|its) word|"
    r"approv(?:e|es|ed|al)|decisions?|settled|breakthrough|consent(?:ed)?|endorse[sd]?)\b",
    re.I,
)
#: Phrases that say an agreement is not (yet, or not fully) there; they put a content in the frame on their own.
UNSETTLED = re.compile(
    r"\b(?:still (?:under ?way|being (?:discussed|negotiated|studied)|under discussion|studying|open|in progress)|"
    r"remain(?:s|ed)? (?:open|unresolved|under discussion)|premature|conditional|"
    r"not (?:final|firm|binding|confirmed)|only (?:discussed|talked about|promised to consider|agreed to continue)|"
    r"need(?:s|ed)? more work|backed away from|backing away from|reneged on|went back on|walked back)\b",
    re.I,
)
#: Words for when something will happen (a content that names one sets a date; "no date" denies it).
SCHEDULE_NOUN = re.compile(r"\b(?:dates?|timetable|deadline|timing|schedule)\b", re.I)
SCHEDULE_WHEN = re.compile(
    r"\b(?:next (?:week|month|year)|within (?:a|one|two|three|\d+) (?:days?|weeks?|months?)|by the end of \w+|"
    r"(?:in|by|before) (?:January|February|March|April|May|June|July|August|September|October|November|December))\b",
    re.I,
)
NEGATION = re.compile(r"\b(?:no|not|never|nothing|none|neither|nor|without|cannot|yet to)\b|n[’']t\b", re.I)
#: After a frame noun, a negated verb says the event did not happen ("such deals could not be made").
_NOT_DONE = re.compile(
    r"\s+(?:(?:on|over|with|about|for|of)\s+[\w’' -]{0,40}?)?(?:could|can|was|were|is|are|has|have|had|would|will|did)\s*(?:not|never|n[’']t)\b",
    re.I,
)
#: A content that only states an intention or readiness says nothing about whether the event happened.
INTENTION = re.compile(r"\b(?:would|will|could|might|ready to|willing to|wants? to|plans? to|intends? to|until)\b", re.I)
#: Words too common in diplomatic news to tie two contents to the same thing.
_GENERIC = frozenset(
    "said says told would could should also two both sides side leaders leader president presidents minister ministers "
    "government official officials country countries new any all last first more other still only been were was have "
    "has had that this with from about after before their there they them will talks talk once already even just very "
    "much many some such like what which when where while because since over under into".split()
)


@dataclass(frozen=True)
class Frames:
    """The frames a content is in, with their signs, and what ties it to other contents."""

    signs: dict[str, int] = field(default_factory=dict)  # frame -> +1 / -1 (content sign, before the cue's polarity)
    intention: bool = False
    topic: frozenset[str] = frozenset()


def _stem(word: str) -> str:
    """A crude stem: without -ing/-ed/-es/-s, then at most five letters ("meeting" and "meet" -> "meet")."""
    if len(word) > 4:
        word = re.sub(r"(?:ing|ed|es|s)$", "", word)
    return word[:5]


def topic_words(text: str) -> frozenset[str]:
    """Stems of the lower-case content words that are not frame, negation or generic words.

    Names are left out: who takes part is a matter of parties, not of topic."""
    text = AGREEMENT.sub(" ", UNSETTLED.sub(" ", text))
    words = re.findall(r"(?<![\w’'-])[a-z][a-z-]+", text)
    return frozenset(_stem(w) for w in words if len(w) > 3 and w not in _GENERIC and not NEGATION.fullmatch(w))


def read_frames(content: str) -> Frames:
    """The frames of one content (attribution already stripped).

    A negation counts only before the frame word ("no deal", "had not signed"), not in what was agreed
    ("agreed not to escalate"); a gerund or infinitive ("before agreeing", "to sign") is no evidence that
    the event happened, so alone it puts the content in no frame.
    """
    signs: dict[str, int] = {}
    events = [m for m in AGREEMENT.finditer(content) if not m.group(0).endswith("ing") and not re.search(r"\bto\s+$", content[: m.start()])]
    unsettled = UNSETTLED.search(content)
    if events or unsettled:
        negated = events and (
            NEGATION.search(content, 0, events[0].start())  # "no deal", "had not signed"
            or _NOT_DONE.match(content, events[0].end())  # "such deals could not be made", "a deal was never reached"
        )
        signs["agreement"] = -1 if unsettled or negated else 1
    if SCHEDULE_NOUN.search(content) and NEGATION.search(content):
        signs["schedule"] = -1  # "no date had been set", "no timetable"
    elif SCHEDULE_WHEN.search(content) and not NEGATION.search(content):
        signs["schedule"] = 1  # "would resume by the end of March", "agreed to meet ... next month"
    first_frame = min([m.start() for m in [*events[:1], unsettled] if m is not None], default=len(content))
    modal = INTENTION.search(content)
    intention = bool(modal and modal.start() < first_frame)
    return Frames(signs=signs, intention=intention, topic=topic_words(content))


def frame_conflict(a: Frames, b: Frames, sign_a: int, sign_b: int, parties: bool = False) -> str | None:
    """The frame on which two statements conflict, or None.

    ``sign_a``/``sign_b`` are the cue polarities (+1 assert, -1 deny or retract); ``parties`` says that one
    speaker is a party the other content names. A schedule conflict needs a shared topic word; an agreement
    conflict needs that, or ``parties`` with an explicit denial on one side, and neither side may only state
    an intention.
    """
    shared = bool(a.topic & b.topic)
    for frame in ("schedule", "agreement"):
        if frame not in a.signs or frame not in b.signs:
            continue
        if a.signs[frame] * sign_a * b.signs[frame] * sign_b >= 0:
            continue
        if frame == "schedule" and shared:
            return frame
        if frame == "agreement" and not (a.intention or b.intention) and (shared or (parties and min(sign_a, sign_b) < 0)):
            return frame
    return None
