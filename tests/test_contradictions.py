"""Polarity-aware scoring, kinds, links, pair selection growth, stances.

Scoring tests pass a detector that reads only the polarity-aware NLI score (``polarity_detector``), or one that
flags nothing on its own (``NEVER``), so that they check what ``score_pairs`` feeds it and what it adds (links,
kinds, the paraphrase guard) rather than the fitted weights; the fitted detector has its own tests in
``test_detector.py``."""

import pandas as pd
import pytest
from test_detector import polarity_detector

from helpers.actors import NARRATOR
from helpers.article import Article
from helpers.contradictions import LINKED_FLOOR, candidate_pairs, classify, find_contradictions, score_pairs, score_stances
from helpers.detector import SCORE_AT_CUTOFF, Detector
from helpers.nli import CascadeNLI
from helpers.statements import extract_statements, statements_frame
from helpers.synthetic import synthetic_article

#: A detector that flags nothing on its own: only a link in the text does.
NEVER = Detector(features=["similarity"], coef=[0.0], intercept=-8.0, mean=[0.0], scale=[1.0], cutoff=0.5)


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


def scored(st: pd.DataFrame, pairs, table: dict | None = None, detector: Detector | None = None) -> pd.DataFrame:
    """``score_pairs`` with the table model (always neutral unless ``table`` says otherwise) and ``detector``
    (default: ``polarity_detector``), indexed by pair."""
    return score_pairs(st, pairs, TableModel(table or {}), detector=detector or polarity_detector()).set_index(["a", "b"])


DEAL = "Macron and Putin reached a deal"


def statements_of(text: str, narrator: bool = True) -> pd.DataFrame:
    return statements_frame(extract_statements(Article(text=text, source="t.txt"), narrator=narrator))


def test_assert_vs_deny_conflicts_through_entailment():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Kremlin spokesman", "polarity": "deny", "content": DEAL}])
    links = score_pairs(st, [(0, 1)], TableModel({(DEAL, DEAL): (0.95, 0.04, 0.01)}), detector=polarity_detector())
    assert links.loc[0, "rule_conflict"] == 1.0  # across a denial, entailment is the conflict (a text entails itself)
    assert links.loc[0, "conflict"] >= SCORE_AT_CUTOFF and links.loc[0, "kind"] == "denial"
    assert links.loc[0, "support"] == 0.0 and links.loc[0, "frame"] == ""
    assert len(find_contradictions(links, st)) == 1


def test_two_actors_asserting_the_same_do_not_conflict():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Scholz", "polarity": "assert", "content": DEAL}])
    links = score_pairs(st, [(0, 1)], TableModel({(DEAL, DEAL): (0.95, 0.04, 0.01)}), detector=polarity_detector())
    assert links.loc[0, "rule_conflict"] == 0.0  # two assertions: only contradiction conflicts
    assert links.loc[0, "conflict"] < 0.1 and links.loc[0, "support"] >= 0.95  # the same words: entailed outright
    assert find_contradictions(links, st).empty


def test_a_hedge_takes_no_side_and_contradicting_assertions_conflict():
    other = "Macron and Putin did not reach a deal"
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Peskov", "polarity": "hedge", "content": DEAL},
                {"speaker": "Peskov", "polarity": "assert", "content": other}])
    table = {(DEAL, DEAL): (0.95, 0.04, 0.01), (DEAL, other): (0.01, 0.04, 0.95)}
    links = scored(st, [(0, 1), (0, 2)], table)
    assert links.loc[(0, 1), ["rule_conflict", "support"]].tolist() == [0.0, 0.0]  # a hedge neither opposes nor supports
    assert links.loc[(0, 1), "conflict"] < SCORE_AT_CUTOFF
    assert links.loc[(0, 2), "rule_conflict"] == pytest.approx(0.95) and links.loc[(0, 2), "similarity"] >= 0.7
    assert links.loc[(0, 2), "conflict"] >= SCORE_AT_CUTOFF and links.loc[(0, 2), "kind"] == "factual-conflict"
    assert (links["frame"] == "").all() and links["probability"].between(0, 1).all()


class Recorder:
    """A stand-in model giving every pair the same probabilities and keeping the pairs it was asked about."""

    def __init__(self, probs):
        self.probs, self.seen, self.name = probs, set(), "recorder"

    def predict(self, premises, hypotheses, **_):
        self.seen.update(zip(premises, hypotheses))
        return pd.DataFrame([self.probs] * len(premises), columns=["entailment", "neutral", "contradiction"])


def test_a_cascade_sends_its_full_model_only_the_pairs_a_flag_can_come_from():
    """Pairs with the narrator are never flagged: the screening model's scores stand for them; quoted pairs get
    the full model's, both ways."""
    talks, troops = "Talks were held in Moscow", "Russian troops will leave Belarus"
    st = frame([said(NARRATOR, talks), said("Macron", DEAL), said("Peskov", troops)])
    fast, full = Recorder((0.3, 0.4, 0.3)), Recorder((0.1, 0.1, 0.8))
    links = scored_with(st, CascadeNLI(fast, full, screen=0.0))
    assert {(DEAL, troops), (troops, DEAL)} <= full.seen and not any(talks in pair for pair in full.seen)
    assert (talks, DEAL) in fast.seen and (DEAL, talks) in fast.seen
    assert links.loc[(0, 1), "contradict"] == 0.3 and links.loc[(1, 2), "contradict"] == 0.8
    plain = Recorder((0.1, 0.1, 0.8))
    assert (scored_with(st, plain)["contradict"] == 0.8).all() and (talks, DEAL) in plain.seen  # one model scores all


def scored_with(st: pd.DataFrame, model) -> pd.DataFrame:
    return score_pairs(st, [(0, 1), (0, 2), (1, 2)], model, detector=polarity_detector()).set_index(["a", "b"])


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
    """"denied that any extension had been agreed" is short and general, far from the detailed claim in wording;
    the shipped model and detector still flag it against the claim, and nothing else."""
    text = ("Foreign Minister Anna Berg said on Monday that Norway and Russia had agreed to extend the fishing accord. "
            "The Kremlin spokesman declined to comment. "
            "Later, the Russian foreign ministry denied that any extension had been agreed.")
    st = statements_of(text)
    found = find_contradictions(score_pairs(st, candidate_pairs(st), nli_model), st)
    assert [(r.a_speaker, r.b_speaker, r.kind) for r in found.itertuples()] == [("Anna Berg", "Russian foreign ministry", "denial")]


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
    table = {(f"Emmanuel Macron said that {said[:1].lower() + said[1:]}", denied): (0.95, 0.04, 0.01), (denied, other): (0.9, 0.05, 0.05)}
    links = scored(st, [(0, 1), (1, 2)], table, detector=NEVER)
    assert links.loc[(0, 1), "linked"] and links.loc[(0, 1), "kind"] == "self-contradiction"
    assert links.loc[(0, 1), "conflict"] >= 0.9 and links.loc[(0, 1), "rule_conflict"] == pytest.approx(0.95)
    # Zelenskiy's words are not what Macron denies having said, however much NLI ties the contents
    assert not links.loc[(1, 2), "linked"] and links.loc[(1, 2), "conflict"] < SCORE_AT_CUTOFF
    assert links.loc[(1, 2), ["rule_conflict", "support"]].tolist() == [0.0, 0.0]


def test_a_statement_entails_itself_whatever_the_model_says():
    """An automatic claim is often a statement's own content: its speaker supports it (the model may not say so)."""
    claim = "Russia won't escalate the standoff"
    st = frame([{"speaker": "Emmanuel Macron", "polarity": "assert", "content": claim, "country": "France"}])
    stances = score_stances(st, [claim], TableModel({(claim, claim): (0.3, 0.1, 0.6)}))
    assert stances[["actor", "stance", "score"]].values.tolist() == [["Emmanuel Macron", "supports", 1.0]]


def test_a_walk_back_in_ones_own_no_is_linked_and_not_negated_twice():
    """"Later said no date had been fixed": the text links the walk-back to what it answers, which flags the pair
    whatever the detector says; the content says the "no" itself, so the retraction must not flip it back (the
    two contents contradict: that is the conflict, not their entailment)."""
    st = frame([
        said("Ana Ruiz", "The talks would resume in Lima next week", "Peru"),
        said("Ana Ruiz", "We have a date", "Peru"),
        said("Ana Ruiz", "No date had been fixed", "Peru", polarity="retract", refers_to=1, revision=True),
    ])
    links = scored(st, [(0, 2), (1, 2)], {("We have a date", "No date had been fixed"): (0.02, 0.08, 0.9)}, detector=NEVER)
    assert links.loc[(1, 2), "linked"] and links.loc[(1, 2), "kind"] == "retraction"
    assert links.loc[(1, 2), "conflict"] >= LINKED_FLOOR and "the text links the two statements" in links.loc[(1, 2), "evidence"]
    assert links.loc[(1, 2), "rule_conflict"] == pytest.approx(0.9) and links.loc[(1, 2), "support"] == pytest.approx(0.02)
    assert not links.loc[(0, 2), "linked"] and links.loc[(0, 2), "conflict"] < SCORE_AT_CUTOFF  # no link, and the detector sees nothing


def test_embeddings_are_memoised_in_input_order():
    import numpy as np

    from helpers import contradictions as C

    first = C.embed_texts(["The talks collapsed", "A deal was signed"])
    again = C.embed_texts(["A deal was signed", "Troops pulled back", "The talks collapsed", "A deal was signed"])
    assert again.shape == (4, first.shape[1]) and np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0]) and np.array_equal(again[3], first[1])
    assert "Troops pulled back" in C._EMBED_MEMO  # embedded once, kept for the next call
    assert C.embed_texts([]).shape == (0, first.shape[1])


def test_embeddings_do_not_depend_on_the_batch_and_place_paraphrases_close():
    """Mean pooling over real tokens only: a text padded in a batch with a long one gets its own vector."""
    import numpy as np

    from helpers import contradictions as C

    text = "Peskov denied the report"
    C._EMBED_MEMO.clear()
    alone = C.embed_texts([text])[0]
    C._EMBED_MEMO.clear()
    batched = C.embed_texts(["The Kremlin spokesman said on Tuesday that no deal had been reached in Moscow " * 3, text])[1]
    assert np.allclose(alone, batched, atol=1e-5)
    talks, paraphrase, other = C.embed_texts(["The talks collapsed", "Negotiations broke down", "Prices rose sharply in March"])
    assert float(talks @ paraphrase) > float(talks @ other) + 0.2


def test_a_content_capitalised_by_the_cut_shares_its_first_word():
    """ "said supplies were ..." becomes "Supplies were ...": a common word the article writes in lower case elsewhere
    still ties the content to the claim (it is not a name), so the agreement frame gives a stance NLI misses."""
    claim = "Gazprom had agreed to resume supplies to the region"
    st = frame([
        said("Moldovan energy minister", claim, "Moldova"),
        said("Moldovan prime minister", 'Supplies were "not yet confirmed"', "Moldova"),
    ])
    stances = score_stances(st, [claim], TableModel({})).set_index("actor")
    assert stances.loc["Moldovan prime minister", "stance"] == "denies" and stances.loc["Moldovan prime minister", "score"] >= 0.7
    st.loc[0, ["content", "text"]] = "Gazprom had agreed to resume deliveries to the region"  # "supplies" is nowhere in lower case
    assert "Moldovan prime minister" not in set(score_stances(st, [claim], TableModel({}))["actor"])


def test_the_offices_voice_answers_for_the_office():
    text = ("Denmark's foreign ministry said on Monday that Iceland had agreed to open the fishing zone by the end of the week. "
            "Ministry spokesman Jens Holm later said that no date had been given.")
    st = statements_of(text, narrator=False)
    assert list(st["speaker"]) == ["Danish foreign ministry", "Jens Holm"]
    table = {(st.loc[0, "content"], st.loc[1, "content"]): (0.02, 0.08, 0.9)}
    links = scored(st, [(0, 1)], table)
    assert links.loc[(0, 1), "conflict"] >= SCORE_AT_CUTOFF and links.loc[(0, 1), "kind"] == "self-contradiction"  # one office, two voices
    assert "Jens Holm (said) contradicts what Danish foreign ministry said earlier" in links.loc[(0, 1), "evidence"]
