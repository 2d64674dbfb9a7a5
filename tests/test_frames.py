"""Agreement and schedule frames of statement contents."""

import pytest

from helpers.frames import frame_conflict, read_frames, topic_words


@pytest.mark.parametrize(
    ("content", "signs", "intention"),
    [
        ("Russia had agreed to keep the corridor open", {"agreement": 1}, False),
        ("Putin had agreed not to undertake any new military initiatives", {"agreement": 1}, False),  # negation inside what was agreed
        ("There was no signature and no deal", {"agreement": -1}, False),
        ("There was no such arrangement", {"agreement": -1}, False),
        ("Such deals could not be made in principle", {"agreement": -1}, False),  # a negated passive after the noun
        ("A decision on the corridor has not been taken", {"agreement": -1}, False),
        ("China had accepted a provisional understanding", {"agreement": 1}, False),
        ("Moscow's conditions have not been met and no decision has been taken", {"agreement": -1}, False),
        ("Negotiations were still under way", {"agreement": -1}, False),
        ("Harlan and Wei had only discussed the idea of military contacts", {"agreement": -1}, False),
        ("Belgrade backed away from commitments it had made", {"agreement": -1}, False),
        ("Yerevan was ready to sign the treaty as soon as possible", {}, False),  # an infinitive is not an event
        ("The Kremlin has a pattern of letting deadlines slide before agreeing", {}, False),
        ("His country would not sign any treaty until Armenia changed its constitution", {"agreement": -1}, True),
        ("No date had been set for any meeting", {"schedule": -1}, False),
        ("Aydin and Orlov agreed to meet in Istanbul next month", {"agreement": 1, "schedule": 1}, False),
        ("Imports would resume by the end of March", {"schedule": 1}, False),
        ("Grain prices rose four percent in Chicago", {}, False),
    ],
)
def test_read_frames(content, signs, intention):
    f = read_frames(content)
    assert f.signs == signs
    if signs.get("agreement"):
        assert f.intention is intention


def test_topic_words_leave_out_names_frame_and_generic_words():
    assert topic_words("Macron and Putin had agreed on the text of the annex") == {"text", "annex"}
    assert topic_words("No date had been set for any meeting") == topic_words("They agreed to meet") | {"date"}


def test_frame_conflict_needs_opposite_signs_and_a_tie():
    deal = read_frames("Serbia and Kosovo had accepted the roadmap")
    no_roadmap = read_frames("No roadmap had been accepted")
    brief = read_frames("Anything had been signed")
    assert frame_conflict(deal, no_roadmap, 1, 1) == "agreement"  # shared topic word "roadmap"
    assert frame_conflict(deal, brief, 1, -1) is None  # a denial with no shared word and no party
    assert frame_conflict(deal, brief, 1, -1, parties=True) == "agreement"  # ... unless the denier is a party
    assert frame_conflict(deal, brief, 1, 1, parties=True) is None  # two assertions need a shared topic
    assert frame_conflict(deal, read_frames("The roadmap had been accepted in full"), 1, 1) is None  # same sign
    meet, no_date = read_frames("The two presidents agreed to meet in Istanbul next month"), read_frames("No date has been set for the meeting")
    assert frame_conflict(meet, no_date, 1, 1) == "schedule"
