"""Polarity-aware scoring, kinds, pair selection growth, stances."""

import pandas as pd
import pytest

from helpers.article import Article
from helpers.contradictions import candidate_pairs, classify, find_contradictions, score_pairs, score_stances
from helpers.statements import extract_statements, statements_frame
from helpers.synthetic import synthetic_article


@pytest.fixture(autouse=True)
def rules_detector(monkeypatch):
    """These tests pin the older rule detector (``detector="rules"``, kept as an option); the fitted detector
    has its own tests in ``test_detector.py``."""
    monkeypatch.setenv("HELPERS_DETECTOR", "rules")


class TableModel:
    """A stand-in NLI model answering from a table (to test the combination logic alone)."""

    def __init__(self, table):
        self.table = table

    def predict(self, premises, hypotheses, progress=None):
        rows = [self.table.get((p, h), self.table.get((h, p), (0.05, 0.9, 0.05))) for p, h in zip(premises, hypotheses)]
        return pd.DataFrame(rows, columns=["entailment", "neutral", "contradiction"])


def frame(rows):
    base = {"sentence": 0, "start": 0, "end": 1, "text": "", "mention": "", "cue": "said", "quote": "indirect", "time": "",
            "time_rank": None, "refers_to": None, "paragraph": 0, "about_speech": False}
    df = pd.DataFrame([{**base, "id": i, **r} for i, r in enumerate(rows)])
    df["text"] = df["content"]
    return df


def said(speaker: str, content: str, country: str = "", polarity: str = "assert", **extra) -> dict:
    """One statement row for ``frame``."""
    return {"speaker": speaker, "polarity": polarity, "content": content, "country": country, **extra}


def scored(st: pd.DataFrame, pairs, table: dict | None = None, title: str = "") -> pd.DataFrame:
    """``score_pairs`` with the table model (always neutral unless ``table`` says otherwise), indexed by pair."""
    return score_pairs(st, pairs, TableModel(table or {}), title=title).set_index(["a", "b"])


DEAL = "Macron and Putin reached a deal"


def statements_of(text: str, narrator: bool = True) -> pd.DataFrame:
    return statements_frame(extract_statements(Article(text=text, source="t.txt"), narrator=narrator))


def test_assert_vs_deny_conflicts_through_entailment():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Kremlin spokesman", "polarity": "deny", "content": DEAL}])
    links = score_pairs(st, [(0, 1)], TableModel({(DEAL, DEAL): (0.95, 0.04, 0.01)}))
    assert links.loc[0, "conflict"] >= 0.95 and links.loc[0, "kind"] == "denial"
    assert len(find_contradictions(links, st, 0.5)) == 1


def test_two_actors_asserting_the_same_do_not_conflict():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Scholz", "polarity": "assert", "content": DEAL}])
    links = score_pairs(st, [(0, 1)], TableModel({(DEAL, DEAL): (0.95, 0.04, 0.01)}))
    assert links.loc[0, "conflict"] < 0.1 and links.loc[0, "support"] >= 0.95  # the same words: entailed outright
    assert find_contradictions(links, st, 0.5).empty


def test_hedges_never_conflict_and_contradicting_assertions_do():
    other = "Macron and Putin did not reach a deal"
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Peskov", "polarity": "hedge", "content": DEAL},
                {"speaker": "Peskov", "polarity": "assert", "content": other}])
    table = {(DEAL, DEAL): (0.95, 0.04, 0.01), (DEAL, other): (0.01, 0.04, 0.95)}
    links = scored(st, [(0, 1), (0, 2)], table)
    assert links.loc[(0, 1), "conflict"] == 0
    assert links.loc[(0, 2), "similarity"] >= 0.7  # same topic: the relatedness gate lets the NLI score through
    assert links.loc[(0, 2), "conflict"] >= 0.95 and links.loc[(0, 2), "kind"] == "factual-conflict"
    assert links.loc[(0, 2), "frame"] == "agreement"  # "did not reach a deal": the frame agrees with NLI


def test_unrelated_contents_do_not_conflict():
    a, b = "Macron and Putin reached a deal", "Grain prices rose four percent in Chicago"
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": a}, {"speaker": "Trader", "polarity": "assert", "content": b}])
    links = score_pairs(st, [(0, 1)], TableModel({(a, b): (0.01, 0.04, 0.95)}))
    assert links.loc[0, "contradict"] == pytest.approx(0.95) and links.loc[0, "conflict"] < 0.2


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (("Macron", "assert"), ("Kremlin spokesman", "deny"), "denial"),
        (("French official", "assert"), ("French official", "retract"), "retraction"),
        (("Macron", "assert"), ("Macron", "deny"), "self-contradiction"),
        (("narrator", "assert"), ("Macron", "assert"), "factual-conflict"),
        (("Macron", "assert"), ("Scholz", "assert"), "factual-conflict"),
    ],
)
def test_kinds(a, b, kind):
    sa = pd.Series({"speaker": a[0], "polarity": a[1]})
    sb = pd.Series({"speaker": b[0], "polarity": b[1]})
    assert classify(sa, sb) == kind


def test_pairs_grow_linearly_above_the_all_pairs_threshold():
    counts = {}
    for n in (150, 300):
        st = statements_of(synthetic_article(n, seed=1), narrator=False)
        counts[n] = len(candidate_pairs(st, all_pairs_max=100, k=6))
        assert counts[n] <= len(st) * 6 * 3
    assert counts[300] / counts[150] < 2.6  # all pairs would grow 4x
    small = statements_of(synthetic_article(20, seed=1), narrator=False)
    assert len(candidate_pairs(small)) == len(small) * (len(small) - 1) // 2


@pytest.mark.slow
def test_real_model_polarity_logic(nli_model):
    text = ("French President Emmanuel Macron said Russia had agreed to withdraw its troops from Belarus. "
            "The Kremlin spokesman denied that Russia had agreed to withdraw its troops from Belarus. "
            "German Chancellor Olaf Scholz said Russia had agreed to withdraw its troops from Belarus.")
    st = statements_of(text)
    links = score_pairs(st, candidate_pairs(st), nli_model).set_index(["a", "b"])
    assert links.loc[(0, 1), "conflict"] >= 0.5 and links.loc[(0, 1), "kind"] == "denial"
    assert links.loc[(1, 2), "conflict"] >= 0.5
    assert links.loc[(0, 2), "conflict"] < 0.5 and links.loc[(0, 2), "support"] >= 0.5


@pytest.mark.slow
def test_stances(nli_model):
    text = ("French President Emmanuel Macron said Russia had agreed not to escalate the standoff over Ukraine. "
            "The Kremlin spokesman denied that Russia had agreed not to escalate the standoff. "
            "A French official declined to comment on whether Russia had agreed not to escalate.")
    st = statements_of(text)
    stances = score_stances(st, ["Russia agreed not to escalate the standoff over Ukraine"], nli_model).set_index("actor")
    assert stances.loc["Emmanuel Macron", "stance"] == "supports"
    assert stances.loc["Kremlin spokesman", "stance"] == "denies"
    assert stances.loc["French official", "stance"] == "hedges"


@pytest.mark.slow
def test_seed_stances_follow_the_story(seed_analysis, nli_model):
    """On the seed: Macron's Tuesday denial of the "Finlandization" remark is his latest position; the French
    official ends up hedging on the agreement, which the Kremlin denies."""
    claims = ["There was an agreement", "The “Finlandization” of Ukraine was one option that could help ease the tensions"]
    stances = score_stances(seed_analysis.statements, claims, nli_model).set_index(["actor", "claim"])
    finland = stances.loc[("Emmanuel Macron", claims[1])]
    assert finland["stance"] == "denies" and finland["history"] == "supports → denies"
    assert "denied even making a reference" in finland["evidence"]
    assert stances.loc[("French official", claims[0]), "stance"] == "hedges"
    assert stances.loc[("Kremlin spokesman", claims[0]), "stance"] == "denies"


@pytest.mark.slow
def test_brief_denial_of_a_detailed_claim_is_flagged(nli_model):
    """"denied that any extension had been agreed" is short and general, so its embedding sits far from the
    detailed claim; a confident entailment still carries the conflict."""
    text = ("Foreign Minister Anna Berg said on Monday that Norway and Russia had agreed to extend the fishing accord. "
            "The Kremlin spokesman declined to comment. "
            "Later, the Russian foreign ministry denied that any extension had been agreed.")
    st = statements_of(text)
    found = find_contradictions(score_pairs(st, candidate_pairs(st), nli_model), st)
    assert [(r.a_speaker, r.b_speaker, r.kind) for r in found.itertuples()] == [("Anna Berg", "Russian foreign ministry", "denial")]


def test_a_party_denying_a_deal_conflicts_even_when_nli_sees_nothing():
    """NLI (here: always neutral) misses it; the agreement frame and the denier's country catch it, once per actor."""
    claim = "Russia had agreed to keep the grain corridor open for another three months"
    st = frame([
        {"speaker": "Kemal Aydin", "polarity": "assert", "content": claim, "country": "Turkey"},
        {"speaker": "Kremlin spokesman", "polarity": "deny", "content": "An extension had been agreed", "country": "Russia"},
        {"speaker": "Kremlin spokesman", "polarity": "deny", "content": "Any deal had been reached", "country": "Russia"},
        {"speaker": "Analyst", "polarity": "deny", "content": "The talks had produced a deal", "country": ""},
        {"speaker": "Kremlin spokesman", "polarity": "assert", "content": "Russia would agree to an extension if its conditions were met", "country": "Russia"},
    ])
    links = scored(st, [(0, 1), (0, 2), (0, 3), (0, 4)])
    assert links.loc[(0, 1), "frame"] == "agreement" and links.loc[(0, 1), "conflict"] >= 0.7
    assert links.loc[(0, 1), "kind"] == "denial" and "whether an agreement was reached" in links.loc[(0, 1), "evidence"]
    assert links.loc[(0, 2), "conflict"] >= 0.7  # the second denial keeps its best (only) Aydin partner
    assert links.loc[(0, 3), "frame"] == ""  # an analyst with no stake, on no shared topic word: no frame conflict
    assert links.loc[(0, 4), "frame"] == "" and links.loc[(0, 4), "conflict"] < 0.1  # an intention ("would agree ... if")


def test_a_camp_is_answered_once_per_statement():
    """Two envoy statements against two of Dragic's: each statement keeps its best answer from the other camp."""
    yes = ["Both sides had accepted the annex", "The annex was agreed in full"]
    no = ["No annex had been agreed", "The annex was never signed"]
    st = frame([{"speaker": "Envoy", "polarity": "assert", "content": c, "country": ""} for c in yes]
               + [{"speaker": "Dragic", "polarity": "assert", "content": c, "country": ""} for c in no])
    table = {(yes[0], no[0]): (0.01, 0.09, 0.9)}
    links = scored(st, [(0, 2), (0, 3), (1, 2), (1, 3)], table)
    assert (links["frame"] == "agreement").all()
    flagged = set(links[links["conflict"] >= 0.6].index)
    assert flagged == {(0, 2), (1, 2), (0, 3)}  # (1, 3) repeats what the others say
    assert links.loc[(1, 3), "conflict"] < 0.6


def test_a_frame_conflict_gives_a_stance_nli_misses():
    """NLI (always neutral here) gives no position; the agreement frame makes the Kremlin deny Russia's deal."""
    st = frame([
        {"speaker": "Kemal Aydin", "polarity": "assert", "content": "Turkey had agreed to mediate", "country": "Turkey"},
        {"speaker": "Kremlin spokesman", "polarity": "deny", "content": "An extension had been agreed", "country": "Russia"},
        {"speaker": "Kremlin spokesman", "polarity": "assert", "content": "No decision on the corridor has been taken", "country": "Russia"},
        {"speaker": "Oksana Hryniv", "polarity": "assert", "content": "Ukrainian ports were ready to keep shipping", "country": "Ukraine"},
    ])
    claim = "Russia had agreed to keep the grain corridor open"
    stances = score_stances(st, [claim], TableModel({})).set_index("actor")
    assert stances.loc["Kremlin spokesman", "stance"] == "denies" and stances.loc["Kremlin spokesman", "score"] >= 0.7
    assert stances.loc["Kremlin spokesman", "history"] == "denies"  # both statements: the party's denial, then "no decision"
    assert "Oksana Hryniv" not in stances.index and "Kemal Aydin" not in stances.index  # no tie to the claim, or the same sign


def test_denying_having_said_something_answers_only_ones_own_words():
    said = "The Finlandization of Ukraine was one option"
    denied = "Macron made a reference to the Finlandization of Ukraine"
    other = "Ukraine would not accept any Finlandization of the country"
    st = frame([
        {"speaker": "Emmanuel Macron", "polarity": "assert", "content": said, "country": "France"},
        {"speaker": "Emmanuel Macron", "polarity": "deny", "content": denied, "country": "France", "about_speech": True},
        {"speaker": "Volodymyr Zelenskiy", "polarity": "assert", "content": other, "country": "Ukraine"},
    ])
    table = {(f"Emmanuel Macron said that {said[:1].lower() + said[1:]}", denied): (0.95, 0.04, 0.01)}
    links = scored(st, [(0, 1), (1, 2)], table)
    assert links.loc[(0, 1), "conflict"] >= 0.9 and links.loc[(0, 1), "kind"] == "self-contradiction"
    assert links.loc[(1, 2), "similarity"] > 0.55  # similar enough for the denial-similarity rule, yet:
    assert links.loc[(1, 2), "conflict"] == 0


def test_a_statement_entails_itself_whatever_the_model_says():
    """An automatic claim is often a statement's own content: its speaker supports it (the model may not say so)."""
    claim = "Russia won't escalate the standoff"
    st = frame([{"speaker": "Emmanuel Macron", "polarity": "assert", "content": claim, "country": "France"}])
    stances = score_stances(st, [claim], TableModel({(claim, claim): (0.3, 0.1, 0.6)}))
    assert stances[["actor", "stance", "score"]].values.tolist() == [["Emmanuel Macron", "supports", 1.0]]


def test_a_denials_follow_up_answers_what_the_denial_answers():
    """"Bekele rejected the claim. The filling schedule was never on the table, he said": the follow-up says no on the
    agreement frame, so it answers the claim the denial points at, whatever NLI says (here: always neutral)."""
    claim = "Ethiopia had committed to halting the next filling of its dam"
    st = frame([
        said("Samir Haddad", claim, "Egypt"),
        said("Samir Haddad", "The ministers would meet again within two weeks", "Egypt"),
        said("Dawit Bekele", "the claim", "Ethiopia", "deny", refers_to=0, paragraph=1),
        said("Dawit Bekele", "The filling schedule was never on the table in Kinshasa", "Ethiopia", paragraph=1),
        said("Dawit Bekele", "Ethiopia would host the next round of talks", "Ethiopia", paragraph=2),
    ])
    st["start"] = st["id"]
    links = scored(st, [(0, 2), (0, 3), (1, 3), (0, 4)])
    assert links.loc[(0, 3), "linked"] and links.loc[(0, 3), "conflict"] >= 0.6
    assert links.loc[(0, 3), "kind"] == "denial" and "spells out the \"said\" of the sentence before" in links.loc[(0, 3), "evidence"]
    assert links.loc[(1, 3), "conflict"] < 0.6  # not what the denial answers
    assert links.loc[(0, 4), "conflict"] < 0.6  # another paragraph, and no "no" in it


def test_activity_and_delivery_frames_flag_what_nli_misses():
    st = frame([
        said("Samir Haddad", "Ethiopia had committed to halting the next filling of its dam", "Egypt"),
        said("Abiy Tessema", "The fifth filling would proceed as planned", "Ethiopia"),
        said("Commerce ministry", "Japan had not yet provided the monitoring data", "China"),
        said("Keiko Mori", "Tokyo had handed over all the data China had asked for", "Japan"),
    ])
    links = scored(st, [(0, 1), (2, 3), (0, 3)])
    assert links.loc[(0, 1), "frame"] == "activity" and links.loc[(0, 1), "conflict"] >= 0.7
    assert "whether it goes ahead" in links.loc[(0, 1), "evidence"]
    assert links.loc[(2, 3), "frame"] == "delivery" and links.loc[(2, 3), "conflict"] >= 0.7
    assert links.loc[(0, 3), "conflict"] < 0.1


def test_a_speaker_saying_yes_then_no_on_the_same_thing_contradicts_themselves():
    st = frame([
        said("Khalifa Al Nuaimi", "The exchange would take place on Friday", "United Arab Emirates"),
        said("Khalifa Al Nuaimi", "The Emirates had never announced a date for the exchange", "United Arab Emirates"),
        said("Khalifa Al Nuaimi", "No date had been set for the vote in parliament", "United Arab Emirates"),
    ])
    links = scored(st, [(0, 1), (0, 2)])
    assert links.loc[(0, 1), "frame"] == "schedule" and links.loc[(0, 1), "kind"] == "self-contradiction"
    assert links.loc[(0, 1), "conflict"] >= 0.7
    assert links.loc[(0, 2), "conflict"] < 0.1  # no shared topic word: a date for something else


def test_a_party_saying_no_answers_what_others_say_it_agreed():
    """NLI (always neutral here) sees nothing; a party's own "has not agreed" answers "<party> had agreed", and any
    party's refusal answers an agreement said to be everyone's."""
    st = frame([
        said("Luis Ortega", "Belize had agreed to joint patrols on the river", "Guatemala"),
        said("Belizean foreign ministry", "The country has not agreed to any patrols outside the treaty", "Belize"),
        said("Luis Ortega", "Honduras had agreed to host the observers", "Guatemala"),
        said("Denise Hall", "Every member state had signed the declaration", "Caricom"),
        said("Belizean foreign ministry", "Belmopan had not given its consent to the declaration", "Belize"),
        said("Belizean foreign ministry", "The river border was never on the table", "Belize"),
        said("Denise Hall", "All members would have to agree", "Caricom"),
    ])
    links = scored(st, [(0, 1), (1, 2), (3, 4), (3, 5), (4, 6)])
    assert links.loc[(0, 1), "frame"] == "agreement" and links.loc[(0, 1), "conflict"] >= 0.6  # "Belize had agreed" / Belize: no
    assert links.loc[(1, 2), "frame"] == ""  # Belize does not answer for Honduras
    assert links.loc[(3, 4), "frame"] == "agreement" and links.loc[(3, 4), "conflict"] >= 0.6  # every member / Belmopan's refusal
    assert links.loc[(3, 5), "frame"] == ""  # a no on something else named is no answer to the declaration
    assert links.loc[(4, 6), "frame"] == ""  # "would have to agree" says nothing of whether they did


def test_a_walk_back_in_ones_own_no_is_not_negated_twice():
    """"Later said no date had been fixed": the content says the "no"; the retraction must not flip it back."""
    st = frame([
        said("Ana Ruiz", "The talks would resume in Lima next week", "Peru"),
        said("Ana Ruiz", "We have a date", "Peru"),
        said("Ana Ruiz", "No date had been fixed", "Peru", polarity="retract", refers_to=1, revision=True),
    ])
    links = scored(st, [(0, 2), (1, 2)])
    assert links.loc[(1, 2), "linked"] and links.loc[(1, 2), "kind"] == "retraction"
    assert links.loc[(0, 2), "frame"] == "schedule" and links.loc[(0, 2), "conflict"] >= 0.6  # the other earlier date, too
    assert links.loc[(0, 2), "kind"] == "retraction"


def test_standing_by_a_statement_answers_its_latest_challenger():
    st = frame([
        said("Chilean navy", "The fishing boats had left the zone", "Chile"),
        said("Peruvian coast guard", "The fishing boats had not left the zone", "Peru"),
        said("Chilean president", "The navy's account was premature", "Chile"),
        said("Chilean navy", "The navy stood by its statement", "Chile", refers_to=0, reaffirms=True),
    ])
    table = {("The fishing boats had left the zone", "The fishing boats had not left the zone"): (0.02, 0.03, 0.95)}
    links = scored(st, [(0, 1), (1, 3), (2, 3)], table)
    assert links.loc[(0, 1), "conflict"] >= 0.6
    assert links.loc[(1, 3), "linked"] and links.loc[(1, 3), "conflict"] >= 0.6  # the latest who disputed what it stands by
    assert "stands by what Chilean navy said earlier" in links.loc[(1, 3), "evidence"]
    assert links.loc[(2, 3), "conflict"] == 0.0  # the president never disputed the navy here: no pair (0, 2) above 0.6


def test_a_later_no_in_ones_own_words_answers_each_earlier_yes():
    """A walk-back linked to one statement also answers the speaker's other "yes" on that frame, not their plans."""
    st = frame([
        said("Felix Hartmann", "Norway has agreed to sell gas to Germany from 2027", "Germany"),
        said("Felix Hartmann", "The deal is done", "Germany"),
        said("Felix Hartmann", "We will sign the contract soon", "Germany"),
        said("Felix Hartmann", "The contract still needs to be finalized", "Germany", polarity="retract", refers_to=1, revision=True),
    ])
    links = scored(st, [(0, 3), (1, 3), (2, 3)])
    assert links.loc[(1, 3), "linked"] and links.loc[(1, 3), "conflict"] >= 0.6
    assert links.loc[(0, 3), "frame"] == "agreement" and links.loc[(0, 3), "conflict"] >= 0.6  # no shared word needed
    assert links.loc[(0, 3), "kind"] == "retraction"
    assert links.loc[(2, 3), "frame"] == ""  # "will sign" was a plan, not a claim that it happened


def test_a_company_named_as_the_party_answers_for_itself():
    """"Gazprom had agreed to resume supplies" / Gazprom: "had not signed any new contract" (no country needed)."""
    st = frame([
        said("Victor Rusu", "Gazprom had agreed to resume supplies to the region", "Moldova"),
        said("Gazprom", "It had not signed any new contract", ""),
        said("Rosneft", "It had not signed any new contract", ""),
    ])
    links = scored(st, [(0, 1), (0, 2)])
    assert links.loc[(0, 1), "frame"] == "agreement" and links.loc[(0, 1), "conflict"] >= 0.6
    assert links.loc[(0, 2), "frame"] == ""  # another company was never said to have agreed


def test_embeddings_are_memoised_in_input_order():
    import numpy as np

    from helpers import contradictions as C

    first = C.embed_texts(["The talks collapsed", "A deal was signed"])
    again = C.embed_texts(["A deal was signed", "Troops pulled back", "The talks collapsed", "A deal was signed"])
    assert again.shape == (4, first.shape[1]) and np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0]) and np.array_equal(again[3], first[1])
    assert "Troops pulled back" in C._EMBED_MEMO  # embedded once, kept for the next call
    assert C.embed_texts([]).shape == (0, first.shape[1])


def test_a_content_capitalised_by_the_cut_shares_its_first_word():
    """ "said supplies were ..." becomes "Supplies were ...": a common word the article writes in lower case elsewhere
    still ties the two contents (it is not a name)."""
    st = frame([
        said("Moldovan energy minister", "Gazprom had agreed to resume supplies to the region", "Moldova"),
        said("Moldovan prime minister", 'Supplies were "not yet confirmed"', "Moldova"),
    ])
    assert scored(st, [(0, 1)]).loc[(0, 1), "frame"] == "agreement"
    st.loc[0, ["content", "text"]] = "Gazprom had agreed to resume deliveries to the region"
    assert scored(st, [(0, 1)]).loc[(0, 1), "frame"] == ""  # no word shared


def test_the_offices_voice_answers_for_the_office(monkeypatch):
    monkeypatch.setenv("HELPERS_ATTRIBUTION", "rules")  # the rule table names "Denmark's foreign ministry" "Danish foreign ministry"
    text = ("Denmark's foreign ministry said on Monday that Iceland had agreed to open the fishing zone by the end of the week. "
            "Ministry spokesman Jens Holm later said that no date had been given.")
    st = statements_of(text, narrator=False)
    assert list(st["speaker"]) == ["Danish foreign ministry", "Jens Holm"]
    links = scored(st, [(0, 1)])
    assert links.loc[(0, 1), "conflict"] >= 0.6 and links.loc[(0, 1), "kind"] == "self-contradiction"  # one office, two voices


def test_two_sides_blaming_each_other_for_the_first_shot_conflict():
    st = frame([
        said("Indian army", "Pakistani troops had opened fire on Indian posts along the Line of Control", "India"),
        said("Pakistani military", "Indian soldiers had fired first near the Neelum valley", "Pakistan"),
        said("Chinese foreign ministry", "Indian soldiers had fired first near the Neelum valley", "China"),
        said("Pakistani military", "Pakistani troops had opened fire on Indian posts along the Line of Control", "Pakistan"),
    ])
    links = scored(st, [(0, 1), (0, 3)])
    assert links.loc[(0, 1), "frame"] == "blame" and links.loc[(0, 1), "conflict"] >= 0.6
    assert links.loc[(0, 3), "frame"] != "blame"  # the same side blamed: no conflict on who started it


def test_a_quote_repeating_the_lead_is_answered_with_it():
    """The lead's claim and the quote that repeats it right after stand together: a denial of "the claim" (linked to
    the lead) answers the quote too; a later statement of the same side that does not follow the lead does not."""
    title = "Guatemala Says Belize Agreed to Reopen Border Crossing; Belize Denies"
    st = frame([
        said("Guatemalan foreign ministry", "Belize had agreed to reopen the Benque border crossing to trucks", "Guatemala"),
        said("Guatemalan foreign ministry", "The agreement is done and the crossing will reopen on Monday", "Guatemala"),
        said("Belizean foreign ministry", "The claim", "Belize", polarity="deny", refers_to=0),
        said("Guatemalan trade official", "The crossing would reopen on Monday", "Guatemala"),
    ])
    links = scored(st, [(0, 2), (1, 2), (2, 3)], title=title)
    assert links.loc[(0, 2), "linked"] and links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(1, 2), "conflict"] >= 0.6 and "repeats what statement 0 says" in links.loc[(1, 2), "evidence"]
    assert links.loc[(1, 2), "kind"] == "denial"
    assert "repeats" not in links.loc[(2, 3), "evidence"]  # not next to the lead


def test_only_a_quote_of_the_same_side_next_to_the_lead_echoes_it():
    title = "Guatemala Says Belize Agreed to Reopen Border Crossing; Belize Denies"
    st = frame([
        said("Guatemalan foreign ministry", "Belize had agreed to reopen the Benque border crossing to trucks", "Guatemala"),
        said("Mexican trade official", "The agreement is done and the crossing will reopen on Monday", "Mexico"),
        said("Belizean foreign ministry", "The claim", "Belize", polarity="deny", refers_to=0),
    ])
    links = scored(st, [(0, 2), (1, 2)], title=title)
    assert links.loc[(0, 2), "conflict"] >= 0.6
    assert "repeats" not in links.loc[(1, 2), "evidence"]


def test_a_claimant_countrys_official_echoes_its_claim_but_not_what_only_the_official_says():
    title = "Malta Says Italy Agreed to Open Ferry Pier; Rome Says Talks Continue"
    st = frame([
        said("Malta", "Italy had agreed to let Maltese ferries use the new pier in Pozzallo", "Malta"),
        said("Joseph Vella", "Italy has agreed. Ferries can already dock at the new pier", "Malta"),
        said("Italian transport ministry", "Talks on the pier were continuing", "Italy"),
        said("Ferry operators", "Ferry operators had not been able to dock at the new pier"),
        said("Joseph Vella", "Italy had agreed in principle and details were still being discussed", "Malta", polarity="retract", refers_to=1),
    ])
    links = scored(st, [(0, 3), (0, 4), (1, 3), (1, 4)], title=title)
    assert links.loc[(1, 3), "frame"] == "ability" and links.loc[(1, 3), "conflict"] >= 0.6  # can dock / could not dock
    assert links.loc[(1, 4), "linked"] and links.loc[(1, 4), "conflict"] >= 0.6
    # Malta's official repeats Malta's claim right after it: his walk-back answers Malta's lead too
    assert links.loc[(0, 4), "conflict"] >= 0.6 and "repeats what statement 1 says" in links.loc[(0, 4), "evidence"]
    # but the lead never said the ferries can dock already: the operators answer the official only
    assert links.loc[(0, 3), "conflict"] < 0.6


def test_the_claiming_partys_minister_after_the_lead_echoes_it(tmp_path, monkeypatch):
    """A two-sided headline says Ghana claims: the Ghanaian minister's quote right after the Ghanaian lead repeats it,
    so Togo's answer to the lead answers the quote too (through the real loader, the rule-based statements and story)."""
    monkeypatch.setenv("HELPERS_ATTRIBUTION", "rules")
    from helpers.article import load_article

    path = tmp_path / "traders.txt"
    path.write_text(
        "Ghana Says Togo Freed 30 Traders; Families Say Only Nine Are Home\n\n"
        "ACCRA, Feb 2 (Reuters) - Ghana's interior ministry said on Monday that Togo had released 30 Ghanaian traders "
        "detained at the border, and that all of them had returned to Accra.\n\n"
        "\"Every one of our 30 traders is back with his family,\" Trade Minister Kofi Mensah told parliament.\n\n"
        "A spokesman for Togo's Ministry of Security said nine traders had been handed over and that the cases of the others "
        "were before the courts in Lome.\n",
        encoding="utf-8",
    )
    article = load_article(path)
    st = statements_frame(extract_statements(article, narrator=False))
    assert list(st["speaker"]) == ["Ghanaian interior ministry", "Kofi Mensah", "Togolese security ministry spokesman"]
    links = scored(st, [(0, 1), (0, 2), (1, 2)], title=article.title)
    assert links.loc[(0, 2), "conflict"] >= 0.6  # Togo: only nine, the others before the courts
    assert links.loc[(1, 2), "conflict"] >= 0.6 and "repeats what statement 0 says" in links.loc[(1, 2), "evidence"]
    assert links.loc[(0, 1), "conflict"] < 0.6  # the lead and its echo agree


def test_two_sides_blaming_each_other_for_a_collision_conflict():
    st = frame([
        said("Vietnamese coast guard", "A Chinese coast guard ship deliberately rammed a Vietnamese fishing boat near the Paracels", "Vietnam"),
        said("Chinese foreign ministry", "The Vietnamese side \"bears full responsibility\" for the incident", "China"),
        said("Chinese coast guard", "The Vietnamese boat had dangerously approached the ship", "China"),
    ])
    links = scored(st, [(0, 1), (0, 2), (1, 2)])
    assert links.loc[(0, 1), "frame"] == "blame" and links.loc[(0, 1), "conflict"] >= 0.6
    assert links.loc[(0, 2), "frame"] == "blame"
    assert links.loc[(1, 2), "conflict"] < 0.6  # both blame Vietnam


def test_a_quote_that_points_back_at_the_lead_stands_with_it():
    title = "Vietnam says Chinese ship rammed fishing boat; China says Hanoi provoked it"
    st = frame([
        said("Vietnamese coast guard", "A Chinese coast guard ship deliberately rammed a Vietnamese fishing boat near the Paracels", "Vietnam"),
        said("Vietnamese coast guard", "This was a deliberate and dangerous act", "Vietnam"),
        said("Chinese foreign ministry", "The Vietnamese side \"bears full responsibility\" for the incident", "China"),
    ])
    links = scored(st, [(0, 1), (0, 2), (1, 2)], title=title)
    assert links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(1, 2), "conflict"] >= 0.6 and "repeats what statement 0 says" in links.loc[(1, 2), "evidence"]


def test_a_story_no_frame_reads_is_what_the_lead_states():
    """"Turnout was 64.2%": no frame reads the claim, so the lead states it, and its own office's later "the figure
    was preliminary" walks it back."""
    title = "Election body says turnout was 64%; monitors dispute figure"
    st = frame([
        said("Central Election Commission", "Turnout in Sunday's parliamentary election was 64.2%", "Kazakhstan", time="on Friday", time_rank=0.0),
        said("Central Election Commission", "The turnout figure was preliminary and final results would follow", "Kazakhstan", time="on Monday", time_rank=1.0),
    ])
    links = scored(st, [(0, 1)], title=title)
    assert links.loc[(0, 1), "frame"] == "story" and links.loc[(0, 1), "conflict"] >= 0.6


def test_two_shooters_do_not_contradict_each_other_on_the_truce():
    st = frame([
        said("Armenian defense ministry", "Azerbaijani forces had fired on Armenian positions", "Armenia"),
        said("Armenian defense ministry spokeswoman", "The Armenian side did not fire a single shot", "Armenia"),
        said("Azerbaijani defense ministry", "Armenian units had fired on its positions", "Azerbaijan"),
    ])
    links = scored(st, [(0, 1), (1, 2)])
    assert links.loc[(0, 1), "frame"] != "ceasefire"  # Azerbaijani fire, and no Armenian fire: both can be true
    assert links.loc[(1, 2), "frame"] == "ceasefire" and links.loc[(1, 2), "conflict"] >= 0.6  # who fired: the Armenian side


def test_state_media_making_the_claim_speak_for_the_state():
    """"according to Ethiopia's state broadcaster EBC": the state claims, so an Ethiopian minister's quote right
    after the lead repeats it, and Eritrea's denial of the lead answers the quote too."""
    title = "Ethiopia and Eritrea to reopen Humera crossing, state media says"
    st = frame([
        said("EBC", "Ethiopia and Eritrea have agreed to reopen the Humera border crossing from next week", "Ethiopia", mention="Ethiopia's state broadcaster EBC"),
        said("Abel Tekle", "The crossing will open on Monday", "Ethiopia"),
        said("Tesfay Mehari", "There was \"no such agreement\"", "Eritrea"),
    ])
    links = scored(st, [(0, 2), (1, 2)], title=title)
    assert links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(1, 2), "conflict"] >= 0.6 and "repeats what statement 0 says" in links.loc[(1, 2), "evidence"]


def test_a_quote_after_the_lead_that_says_nothing_against_it_stands_with_it():
    """"Our fishermen can go back this spring" names no frame: right after the lead, of the same side and with no
    negation, it speaks of what the lead reports; a quote that says "not" is no echo."""
    title = "Japan Says Russia Agreed to Let Fishermen Back; Moscow Says No Change"
    base = [
        said("Japan", "Russia had agreed to let Japanese fishing boats return to waters near the islands from April", "Japan"),
        None,
        said("Russian fishery agency", "The arrangement \"remains suspended\" and no talks on its resumption had been held", "Russia"),
    ]
    base[1] = said("Hiroshi Nakamura", "Our fishermen can go back to their traditional fishing grounds this spring", "Japan")
    links = scored(frame(base), [(0, 2), (1, 2)], title=title)
    assert links.loc[(0, 2), "conflict"] >= 0.6
    assert links.loc[(1, 2), "conflict"] >= 0.6 and "repeats what statement 0 says" in links.loc[(1, 2), "evidence"]
    base[1] = said("Hiroshi Nakamura", "Our fishermen will not be able to fish this spring but talks continue", "Japan")
    links = scored(frame(base), [(0, 2), (1, 2)], title=title)
    assert "repeats" not in links.loc[(1, 2), "evidence"]
