"""What the article argues over: the claim its headline reports, and who the headline names.

A wire story about a diplomatic dispute is about one event: "Germany Says Qatar Agreed to LNG Supply Deal;
QatarEnergy Says Talks Continue". Its statements come back to that event in words that share nothing with
each other ("The deal is done" / "no contract had been signed"; "Gas will flow again on New Year's Day" /
supplies "not yet confirmed"), so neither a shared topic word nor a small NLI model ties them. The story
does: a statement that is *on the story* (it shares a word with the headline's claim or the lead, it is a
bare reference such as "the deal is done", or its speaker is someone the headline names) and says the
event happens, or is settled, stands against one on the story that says it does not, or not yet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .frames import Frames, read_frames, topic_words

#: "X Says", "X Said", "..., Minister Says": the attribution around a headline's claim.
_SAYS = re.compile(r"\b(?:says?|said|tells?|told|claims?|announces?|announced)\b\s*", re.I)
#: A content with this many topic stems or fewer refers to the story's event rather than naming another
#: ("The deal is done", "The arrangement was settled at a meeting in Budapest on Friday").
BARE_REFERENCE = 2


def headline_claim(title: str) -> str:
    """The claim a headline reports: its first clause, without who says it.

    "Germany Says Qatar Agreed to LNG Supply Deal; QatarEnergy Says Talks Continue" -> "Qatar Agreed to LNG
    Supply Deal"; "Indonesia to Let Some Nickel Ore Exports Resume, Minister Says" -> "Indonesia to Let Some
    Nickel Ore Exports Resume"; a headline that reports no one's words is its own claim.
    """
    first = re.split(r"[;:|]\s+|\s+[-–—]\s+", title.strip(), maxsplit=1)[0].strip()
    trailing = re.match(r"^(?P<claim>.+?),\s+(?:[\w.’'-]+\s+){1,4}?(?:says?|said|tells?|told)$", first, re.I)
    if trailing:
        return trailing.group("claim").strip()
    says = _SAYS.search(first)
    if says and says.start() > 0 and says.end() < len(first):
        return first[says.end():].strip()
    return first


#: The verb after the speaker of a headline's answering clause: "Moscow Says No Decision", "Army Denies", "La Paz
#: disputes figure", "Delhi Cites States' Role", "Yerevan Sees Testing Into Summer".
_ANSWERS = re.compile(
    r"\b(?:says?|said|denies|denied|rejects|rejected|disputes|disputed|cites|calls|insists|counters|dismisses|contradicts|reports?|"
    r"sees|expects|warns|questions|doubts|demurs|puts?)\b", re.I
)


def headline_parties(title: str) -> tuple[str, str, str]:
    """Who a two-sided headline says claims, who answers, and the answer ("Haiti's council says Kenyan police ...
    have arrived; Nairobi says they are still waiting" -> ("Haiti's council", "Nairobi", "they are still
    waiting")); empty strings when it has no answering clause or either clause has no speaker before its verb."""
    parts = re.split(r"[;|]\s+", title.strip(), maxsplit=1)
    if len(parts) < 2:
        return "", "", ""
    first, second = parts
    trailing = re.match(r"^.+?,\s+(?P<who>(?:[\w.’'-]+\s+){1,4}?)(?:says?|said|tells?|told)$", first, re.I)
    claims = trailing.group("who").strip() if trailing else ""
    if not claims and not re.search(r"\bsaid to\b", first, re.I):  # "Saudi Arabia Said to Agree ...": unnamed sources
        says = _SAYS.search(first)
        claims = first[: says.start()].strip() if says and says.start() > 0 else ""
    answer = _ANSWERS.search(second)
    answers = second[: answer.start()].strip() if answer and answer.start() > 0 else ""
    if not claims or not answers or len(answers.split()) > 5:
        return "", "", ""
    return claims, answers, second[answer.end():].strip()


#: Words of a headline's party that name no one in particular.
_PARTY_FILLER = {"the", "its", "some", "says", "officials", "official", "chief", "leader", "president", "prime", "minister", "president's"}


def names_party(party: str, speaker: str) -> bool:
    """A word of the headline's party is a word of the speaker's name, up to an ending ("Regulator" /
    "Nigerian Upstream Petroleum Regulatory Commission", "Army" / "Sudanese army spokesman", "Palace" /
    "presidential palace"); titles alone ("Minister") name no one."""
    own = [w[:6] for w in re.findall(r"[\w’'-]+", speaker.lower())]
    return any(
        w[:6] in own for w in re.findall(r"[\w’'-]+", party.lower()) if len(w) > 2 and w not in _PARTY_FILLER
    )


@dataclass(frozen=True)
class Story:
    """The headline's claim (as text and frames), the topic stems of the story, and a test for who the headline names."""

    claim: str
    frames: Frames
    topic: frozenset[str]
    names_speaker: Callable[[str, str], bool]
    parties: frozenset[str] = frozenset()  # the countries the headline names


def read_story(title: str, lead: Frames, find_countries: Callable[[str], set[str]]) -> Story | None:
    """The story of an article from its headline and the frames of its lead statement; None without a headline.

    The story's frames are the headline claim's, and the lead's where the headline has none of that kind."""
    if not title.strip():
        return None
    claim = headline_claim(title)
    frames = read_frames(claim.lower())
    if lead.signs:  # the lead says what the headline leaves out ("China scaled back drills" / "had pulled its warships back")
        frames = Frames(signs={**lead.signs, **frames.signs}, topic=frames.topic)
    topic = topic_words(title.lower()) | lead.topic
    named = find_countries(title)
    title_words = set(re.findall(r"[\w’'-]+", title.lower()))

    def names_speaker(speaker: str, country: str) -> bool:
        """The headline names the speaker: by country ("Moscow Says ...") or by a word of its name ("QatarEnergy")."""
        own = {w for w in re.findall(r"\b[A-ZÀ-ÖØ-Þ][\w’'-]+", speaker) if len(w) > 2}
        return bool(country and country in named) or any(w.lower() in title_words for w in own)

    return Story(claim=claim, frames=frames, topic=topic, names_speaker=names_speaker, parties=frozenset(named))


#: Frames that name one kind of event (forces pulled out, a truce, people hurt, who did it, something handed over):
#: a content in the story's one is about the story's event.
SPECIFIC_FRAMES = ("withdrawal", "ceasefire", "casualties", "damage", "buildup", "control", "responsibility", "delivery")


def on_story(frames: Frames, story: Story, speaker: str, country: str, named: frozenset[str] = frozenset()) -> bool:
    """The content is about the story's event: it shares a topic stem with it, is a bare reference to it, its
    speaker is named in the headline, the story is an agreement and the content says whether one was made (or that
    none is made yet with a party the headline names), or the content is in the story's own kind of event
    (``SPECIFIC_FRAMES``)."""
    return (
        bool(frames.topic & story.topic) or len(frames.topic) <= BARE_REFERENCE or story.names_speaker(speaker, country)
        or (frames.names_deal and "agreement" in story.frames.signs)  # whether "the parties had agreed" on the story's deal
        # no deal yet with a party the headline names ("talks with Qatar are progressing"); ``named``: the parties the
        # content names as a counterpart
        or (frames.signs.get("agreement", 0) < 0 and "agreement" in story.frames.signs and bool(named & story.parties))
        # the story's own kind of event, in other words: "The Sohae facility no longer exists" after "dismantled rocket site"
        or any(f in story.frames.signs for f in frames.signs if f in SPECIFIC_FRAMES)
    )


#: Frames that tell of one event from two sides: what flows arrives.
_KIN = {"delivery": "activity", "activity": "delivery"}


def story_sign(frames: Frames, story: Story) -> int:
    """+1 the content says the story's event happens or is settled, -1 that it does not or not yet, 0 neither
    or both.

    An agreement reached backs the story and one not reached undercuts it (headlines report what was agreed or
    will happen, rarely what was not), and "not yet", "no decision" outweighs anything else the content says;
    a frame the headline's claim is in counts in the claim's direction ("China will lift the curbs" against
    "the ban remains in force"); a date set backs the story, one that no longer holds undercuts it.
    """
    signs = frames.signs
    if signs.get("agreement", 0) < 0:
        return -1
    votes = set()
    for frame, sign in signs.items():
        kin = _KIN.get(frame, "")
        if frame in story.frames.signs and frame != "agreement":
            votes.add(sign * story.frames.signs[frame])
        elif frame in ("agreement", "schedule"):
            votes.add(sign)
        elif kin in story.frames.signs:  # "the first volumes are already in our network" of "gas is flowing"
            votes.add(sign * story.frames.signs[kin])
    # the event's own frame speaks louder than a date: "would continue its work as planned until March" says no to
    # "would withdraw the vessel by the end of the week", whatever date it names
    own = {sign * story.frames.signs[f] for f, sign in signs.items() if f in story.frames.signs and f not in ("agreement", "schedule")}
    own |= {sign * story.frames.signs[_KIN[f]] for f, sign in signs.items() if f not in story.frames.signs and _KIN.get(f) in story.frames.signs}
    if len(votes) > 1 and len(own) == 1:
        return own.pop()
    return votes.pop() if len(votes) == 1 else 0
