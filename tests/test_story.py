"""The story a headline reports: its claim, who is on it, and which statements say yes or no to it."""

import itertools

import pytest

from helpers.actors import country_finder
from helpers.frames import read_frames
from helpers.story import headline_claim, headline_parties, names_party, on_story, read_story, story_sign
from test_contradictions import frame, said, scored


@pytest.fixture(autouse=True)
def rules_detector(monkeypatch):
    """The story rules score only in the older rule detector (``detector="rules"``, kept as an option)."""
    monkeypatch.setenv("HELPERS_DETECTOR", "rules")


@pytest.mark.parametrize(
    "title, claim",
    [
        ("Norway Says Iceland Agreed to Share Fishing Quotas; Reykjavik Says Talks Go On", "Iceland Agreed to Share Fishing Quotas"),
        ("Chile to Resume Copper Shipments to Peru, Minister Says", "Chile to Resume Copper Shipments to Peru"),
        ("Kenya says Tanzania will reopen border post - Nairobi", "Tanzania will reopen border post"),
        ("Russia Undercuts Macron’s Report of Putin Deal on Ukraine", "Russia Undercuts Macron’s Report of Putin Deal on Ukraine"),
    ],
)
def test_headline_claim(title, claim):
    assert headline_claim(title) == claim


@pytest.mark.parametrize(
    "title, parties",
    [
        ("Haiti's council says Kenyan police have arrived; Nairobi says they are still waiting", ("Haiti's council", "Nairobi", "they are still waiting")),
        ("Chile to Resume Copper Shipments to Peru, Minister Says; Lima Denies", ("Minister", "Lima", "")),
        ("Peru's president says Bolivia will pay port debt; La Paz disputes figure", ("Peru's president", "La Paz", "figure")),
        ("Saudi Arabia Said to Agree to Extend Output Cuts; Riyadh Denies Decision", ("", "", "")),  # unnamed sources claim
        ("Kremlin says Indian prime minister will attend Moscow summit", ("", "", "")),  # nobody answers
        ("Iraq Says Exports Resumed; Flows Data Show Pipeline Idle", ("", "", "")),  # data, not a speaker
        ("Georgia Says Power Link Complete; Yerevan Sees Testing Into Summer", ("Georgia", "Yerevan", "Testing Into Summer")),
        ("Norway says it froze $1 billion in assets; bankers put figure far lower", ("Norway", "bankers", "figure far lower")),
    ],
)
def test_headline_parties(title, parties):
    assert headline_parties(title) == parties


def test_names_party_by_a_word_of_the_speakers_name():
    assert names_party("Regulator", "Nigerian Upstream Petroleum Regulatory Commission")
    assert names_party("Army", "Sudanese army spokesman")
    assert not names_party("Minister", "Indonesian trade minister")  # a title names no one
    assert not names_party("Nairobi", "Kenyan interior ministry")  # a capital is matched by country, not by name


RAIL = "Lithuania says Poland agreed to open rail link; Warsaw says line needs new tracks"


def test_the_headlines_answer_stands_against_the_claimants_yes():
    st = frame([
        said("Lithuanian transport ministry", "Poland had agreed to open the rail link to freight in March", "Lithuania"),
        said("Polish infrastructure ministry", "Poland valued its cooperation with Vilnius", "Poland"),
        said("Polish infrastructure ministry", "The line would need new tracks and signals before any freight could use it", "Poland"),
        said("Latvian official", "The line would need new tracks and signals before any freight could use it", "Latvia"),
    ])
    links = pair_scores(st, RAIL)
    # no frame reads "would need new tracks"; the headline says it is Warsaw's answer to the claim
    assert links.loc[(0, 2), "frame"] == "story" and links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(0, 1), "conflict"] < 0.6  # the same party's other words are not its answer
    assert links.loc[(0, 3), "conflict"] < 0.6  # the same words from a country the headline does not name
    one_sided = pair_scores(st, RAIL.split(";")[0])
    assert one_sided.loc[(0, 2), "conflict"] < 0.6  # without the answering clause nobody is set against the claim


FISH = "Norway Says Iceland Agreed to Share Fishing Quotas; Reykjavik Says Talks Go On"


def story(title: str = FISH, lead: str = "Iceland had agreed to share its mackerel quotas with Norway"):
    return read_story(title, read_frames(lead), country_finder())


def test_no_headline_no_story():
    assert story(title="  ") is None


@pytest.mark.parametrize(
    "content, sign",
    [
        ("The deal is done", 1),  # an agreement reached backs the claim
        ("No contract had been signed", -1),  # one not reached undercuts it
        ("Boats can sail into the zone from Monday", 1),  # a date set
        ("The talks are still under way, although the boats will sail from Monday", -1),  # "not yet" outweighs the rest
        ("The mackerel season opened on time", 0),  # nothing said of the event
    ],
)
def test_story_sign(content, sign):
    assert story_sign(read_frames(content), story()) == sign


def test_story_sign_follows_the_claims_direction_on_its_frame():
    lifted = story(title="Brazil Says China Will Lift Beef Curbs", lead="China will lift the suspension on beef imports this week")
    assert story_sign(read_frames("The suspension remains in force"), lifted) == -1
    paused = story(title="Egypt Says Ethiopia Will Pause Dam Filling", lead="Ethiopia had committed to pausing the filling")
    assert story_sign(read_frames("The filling would proceed as planned"), paused) == -1


def test_on_story():
    s = story()
    assert on_story(read_frames("Quotas for mackerel were not discussed"), s, "Fisheries ministry", "")  # a shared word
    assert on_story(read_frames("The deal is done"), s, "Minister", "")  # a bare reference to the event
    assert on_story(read_frames("Discussions with Oslo's negotiators were continuing"), s, "Icelandic foreign ministry", "Iceland")  # named in the headline
    assert not on_story(read_frames("The dispute over whaling inspections in the northern fjords remains unresolved"), s, "Danish diplomat", "Denmark")


def story_statements():
    return frame([
        said("Norwegian fisheries minister", "The deal is done", "Norway"),
        said("Norwegian fisheries minister", "Boats can sail into the zone from Monday", "Norway"),
        said("Icelandic foreign ministry", "Discussions were continuing and no text had been signed", "Iceland"),
        said("Faroese official", "Boats can sail into the zone from Monday", "Denmark"),
        said("Danish diplomat", "The dispute over whaling inspections in the northern fjords remains unresolved", "Denmark"),
        said("Norwegian fisheries minister", "Negotiators had made progress and details would be worked out", "Norway", polarity="retract", revision=True),
    ])


def pair_scores(st, title):
    """Every pair of the statements scored with the table model under a headline."""
    return scored(st, list(itertools.combinations(range(len(st)), 2)), title=title)


def test_the_story_sets_the_claimant_against_who_says_no_in_other_words():
    links = pair_scores(story_statements(), FISH)
    # the claimant's yes against the ministry of the country the headline names: no word shared, no party named
    assert links.loc[(0, 2), "frame"] == "story" and links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(1, 2), "frame"] == "story" and links.loc[(1, 2), "conflict"] >= 0.6  # each of the claimant's yeses
    assert links.loc[(0, 5), "frame"] == "agreement" and links.loc[(0, 5), "conflict"] >= 0.6  # own walk-back, one frame
    assert links.loc[(1, 5), "frame"] == "story" and links.loc[(1, 5), "conflict"] >= 0.6  # ... and a date said before it
    assert links.loc[(2, 3), "conflict"] < 0.6  # two others: no claimant on either side
    assert links.loc[(3, 5), "conflict"] < 0.6  # the claimant's walk-back does not argue with everyone else's yes
    assert links.loc[(0, 4), "conflict"] < 0.6  # the diplomat shares no word, is no bare reference and is not named


def test_without_a_headline_there_is_no_story():
    links = pair_scores(story_statements(), "")
    assert (links["frame"] != "story").all()
    assert links.loc[(0, 2), "conflict"] < 0.6


def test_a_story_conflict_between_actors_already_opposed_only_repeats():
    st = frame([
        said("Norwegian fisheries minister", "Iceland had agreed to share its mackerel quotas with Norway", "Norway"),
        said("Icelandic foreign ministry", "Iceland had not agreed to share any mackerel quotas", "Iceland"),
        said("Norwegian fisheries minister", "The deal is done", "Norway"),
        said("Icelandic foreign ministry", "Discussions were continuing and no text had been signed", "Iceland"),
    ])
    links = pair_scores(st, FISH)
    assert links.loc[(0, 1), "conflict"] >= 0.7 and links.loc[(0, 1), "frame"] == "agreement"
    # "The deal is done" does not follow the lead (Iceland answers in between): no echo of it, only a repeat
    assert links.loc[(2, 3), "frame"] == "story" and links.loc[(2, 3), "conflict"] < 0.6


def test_a_country_that_makes_the_claim_speaks_through_its_officials():
    st = frame([
        said("Norway", "Iceland had agreed to share its mackerel quotas", "Norway"),
        said("Tor Berg", "The deal is done", "Norway"),
        said("Icelandic foreign ministry", "Discussions were continuing and no text had been signed", "Iceland"),
        said("Faroese official", "The deal is done", "Denmark"),
    ])
    links = pair_scores(st, FISH)
    assert links.loc[(1, 2), "frame"] == "story" and links.loc[(1, 2), "conflict"] >= 0.6  # Norway's official, for Norway
    assert links.loc[(2, 3), "conflict"] < 0.6  # another country's official is no claimant


def test_the_lead_gives_the_story_the_frames_its_headline_lacks():
    s = story(title="Taiwan says China scaled back drills", lead="China had pulled most of its warships back from the island")
    assert s.frames.signs == {"activity": -1, "withdrawal": 1}
    assert story_sign(read_frames("The exercises were proceeding according to plan"), s) == -1


def test_a_speakers_later_no_on_the_story_walks_back_their_yes():
    st = frame([
        said("Azerbaijani presidential aide", "All twelve were handed over at the border", "Azerbaijan", time="Tuesday", time_rank=2.0),
        said("Azerbaijani presidential aide", "The handover had been delayed for technical reasons", "Azerbaijan", time="Wednesday", time_rank=3.0),
        said("Azerbaijani presidential aide", "The handover had been delayed for technical reasons", "Azerbaijan"),
    ])
    links = pair_scores(st, "Azerbaijan says it freed Armenian detainees")
    assert links.loc[(0, 1), "frame"] == "story" and links.loc[(0, 1), "kind"] == "self-contradiction"
    assert links.loc[(0, 1), "conflict"] >= 0.6
    assert links.loc[(0, 2), "conflict"] < 0.6  # no day, no "later", no walk-back cue: not known to come after


def test_a_later_refusal_to_say_walks_back_the_claim():
    st = frame([
        said("Kremlin", "The Indian prime minister would attend the summit next month", "Russia"),
        said("Yuri Sokolov", "Mehta has accepted the invitation and will be in Moscow on January 20", "Russia"),
        said("Yuri Sokolov", "Mehta himself would come", "Russia", polarity="hedge"),
        said("Karan Bhalla", "The travel schedule is still being worked out", "India"),
    ])
    links = pair_scores(st, "Kremlin says Indian prime minister will attend Moscow summit")
    assert links.loc[(1, 2), "frame"] == "story" and links.loc[(1, 2), "kind"] == "retraction"
    assert links.loc[(1, 3), "conflict"] >= 0.6  # the Kremlin's aide speaks for the Kremlin that made the claim
    assert links.loc[(0, 2), "conflict"] < 0.6  # another speaker's hedge walks nothing back


def test_the_claimants_voice_speaks_for_it():
    st = frame([
        said("Norwegian fisheries ministry", "Iceland had agreed to share its mackerel quotas", "Norway"),
        said("Tor Berg", "The deal is done", "", mention="Fisheries Minister Tor Berg"),
        said("Icelandic foreign ministry", "Discussions were continuing and no text had been signed", "Iceland"),
        said("Lars Eide", "The deal is done", "", mention="Trade Minister Lars Eide"),
    ])
    links = pair_scores(st, FISH)
    # the minister whose title names the claimant's ministry says yes for it; a minister of another ministry does not
    assert links.loc[(1, 2), "frame"] == "story" and links.loc[(1, 2), "conflict"] >= 0.6
    assert links.loc[(2, 3), "conflict"] < 0.6


def test_the_events_own_frame_outweighs_a_date():
    s = story(title="Norway says Russia will pull trawlers from the Barents zone",
              lead="Russia would withdraw its trawlers from the zone by the end of the week")
    assert s.frames.signs.get("activity") == -1
    # a date of its own, for the work going on: still a no to the pull-out
    assert story_sign(read_frames('The trawlers would continue fishing "as planned" until the season ends in March'), s) == -1
    assert story_sign(read_frames("The trawlers would leave within days"), s) == 1


def test_the_claimant_talks_about_its_claim():
    st = frame([
        said("Tor Berg", "Iceland had agreed to share its mackerel quotas"),
        said("Tor Berg", "Boats will sail from next week"),  # no country known, none named in the headline
        said("Faroese fisheries official", "The terms had not been finalized", "Denmark"),
        said("Swedish diplomat", "Boats will sail from next week", "Sweden"),
    ])
    links = pair_scores(st, "Norway Says Iceland Agreed to Share Quotas")
    # no word of the claimant's second statement is in the headline or the lead: it is on the story all the same
    assert links.loc[(1, 2), "frame"] == "story" and links.loc[(1, 2), "conflict"] >= 0.6
    assert links.loc[(2, 3), "conflict"] < 0.6  # the same words from someone else are not


def test_on_an_agreement_story_whoever_says_whether_one_was_made_is_on_it():
    s = story(title="Norway Says Iceland Agreed to Share Fishing Quotas", lead="Iceland had agreed to share its mackerel quotas with Norway")
    assert on_story(read_frames("The parties had agreed on a framework and the timeline was still under discussion"), s, "AU official", "")
    assert not on_story(read_frames("Huge differences remain between the two capitals over whaling"), s, "Analyst", "")  # no deal named


def test_the_claimants_own_voice_is_never_the_answering_party():
    st = frame([
        said("Venezuelan health ministry", "Cuba had delivered 2 million doses of a measles vaccine", "Venezuela"),
        said("Health workers union", "Clinics were short of staff and parents were turned away", ""),
    ])
    links = pair_scores(st, "Venezuela says Cuba sent vaccine doses; health workers report shortages")
    # "health workers" answer; the health ministry, a word of whose name is "health", is the one that claims
    assert links.loc[(0, 1), "frame"] == "story" and links.loc[(0, 1), "conflict"] >= 0.6


def test_a_content_in_the_storys_own_kind_of_event_is_on_it():
    s = story(title="Azerbaijan Says It Dismantled Border Checkpoint; Armenia Disputes It",
              lead="Azerbaijan had dismantled the checkpoint at the Lachin corridor")
    assert s.frames.signs.get("withdrawal") == 1
    # no shared word, more than a bare reference, but the same kind of event: things taken down, or still standing
    assert on_story(read_frames("The concrete barrier on the eastern road is still standing in the village of Aghavno"), s, "Villagers", "")
    # another kind of event in other words is not
    assert not on_story(read_frames("Grain prices in the eastern villages rose sharply over the winter months"), s, "Villagers", "")


def test_what_arrives_answers_a_story_of_what_flows():
    s = story(title="Bulgaria Says Azeri Gas Flowing Through New Link", lead="Gas from Azerbaijan had started flowing through the new link")
    assert s.frames.signs.get("activity") == 1
    assert story_sign(read_frames("The first volumes are already in our network"), s) == 1
    assert story_sign(read_frames("Commercial deliveries would follow within weeks"), s) == -1


def test_no_deal_yet_with_a_party_the_headline_names_is_on_the_story():
    s = story(title="Qatar Said to Agree to Buy French Fighter Jets; Paris Declines Comment", lead="Qatar has agreed to buy 24 fighter jets from France")
    progressing = read_frames("Talks with Qatar are progressing on a weather satellite contract for the navy")
    assert on_story(progressing, s, "Aerion Dynamics", "", frozenset({"Qatar"}))
    assert not on_story(progressing, s, "Aerion Dynamics", "", frozenset({"Chile"}))  # talks with someone else
