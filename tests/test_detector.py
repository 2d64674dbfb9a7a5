"""The fitted contradiction detector: its score scale, its file, fitting, features, links and the paraphrase guard."""

import json
import logging

import numpy as np
import pandas as pd
import pytest

from helpers.contradictions import LINKED_FLOOR, PARAPHRASE_CAP, pick_detector, score_pairs
from helpers.detector import (
    GROUPS, SCORE_AT_CUTOFF, TREES, Detector, DetectorError, best_cutoff, context_features, fit_detector, gold_pairs_of, gold_recall, load_detector,
    pair_features, save_detector,
)
from helpers.paths import DETECTOR_FILE

ALL_FEATURES = [name for group in ("nli", "dismissal", "shape", "speakers") for name in GROUPS[group]]


class TableModel:
    """A stand-in NLI model answering from a table; anything else is neutral."""

    def __init__(self, table=None):
        self.table = table or {}

    def predict(self, premises, hypotheses, progress=None):
        rows = [self.table.get((p, h), (0.05, 0.9, 0.05)) for p, h in zip(premises, hypotheses)]
        return pd.DataFrame(rows, columns=["entailment", "neutral", "contradiction"])


def frame(rows):
    base = {"sentence": 0, "start": 0, "end": 1, "mention": "", "cue": "said", "quote": "indirect", "time": "", "time_rank": None,
            "refers_to": None, "paragraph": 0, "about_speech": False, "country": ""}
    df = pd.DataFrame([{**base, "id": i, **r} for i, r in enumerate(rows)])
    df["text"] = df["content"]
    return df


def polarity_detector(cutoff: float = 0.5) -> Detector:
    """A detector that reads only the polarity-aware NLI score (entailment across a denial, contradiction between assertions)."""
    weights = [8.0 if name == "polarity_score" else 0.0 for name in ALL_FEATURES]
    return Detector(features=ALL_FEATURES, coef=weights, intercept=-4.0, mean=[0.0] * len(weights), scale=[1.0] * len(weights), cutoff=cutoff)


def test_the_cutoff_reads_as_the_default_threshold_and_ranks_are_kept():
    d = polarity_detector(cutoff=0.2)
    p = np.array([0.0, 0.1, 0.2, 0.5, 1.0])
    s = d.score(p)
    assert s[0] == 0.0 and s[-1] == 1.0 and s[2] == pytest.approx(SCORE_AT_CUTOFF)
    assert list(s) == sorted(s) and s[1] < SCORE_AT_CUTOFF < s[3]


def test_the_shipped_detector_file_holds_a_calibrated_fast_entry():
    entry = json.loads(DETECTOR_FILE.read_text())["fast"]
    d = load_detector("fast")
    assert d.features == entry["features"] and len(d.coef) == len(d.features) == len(d.mean) == len(d.scale)
    assert not set(d.features) & set(GROUPS["rules"])  # the rules' outputs did not earn a place (docs/evaluation.md)
    assert 0.0 < d.cutoff < 1.0 and d.report["articles"] >= 40 and d.report["out_of_fold"]["marked"] > 0


def test_a_missing_or_broken_detector_file_is_a_one_line_error(tmp_path):
    with pytest.raises(DetectorError, match=r"missing\.json: the detector file is missing; run `python -m helpers calibrate"):
        load_detector("fast", tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(DetectorError, match=r"broken\.json: cannot read the detector file"):
        load_detector("fast", broken)
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"fast": {"features": ["similarity"]}}))
    with pytest.raises(DetectorError, match=r"the entry for 'fast' is incomplete"):
        load_detector("fast", partial)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"base": polarity_detector().to_dict()}))
    with pytest.raises(DetectorError, match=r"no detector for model 'x' and no 'fast' entry"):
        load_detector("x", other)


def test_a_model_without_its_own_entry_uses_the_fast_one_with_a_warning(tmp_path, caplog):
    path = tmp_path / "detector.json"
    save_detector(polarity_detector(0.3), "fast", path)
    save_detector(polarity_detector(0.4), "base", path)  # the other entry stays
    assert load_detector("base", path).cutoff == 0.4
    with caplog.at_level(logging.WARNING, logger="helpers.detector"):
        assert load_detector("some/hub-model", path).cutoff == 0.3
    assert "not calibrated" in caplog.text


def signal_and_noise(n: int = 600):
    """A feature that predicts the label, one that does not, and six episodes."""
    rng = np.random.default_rng(0)
    signal = rng.random(n)
    labels = rng.random(n) < signal**3
    features = pd.DataFrame({"polarity_score": signal, "similarity": rng.random(n)})
    return features, labels, np.repeat([f"episode-{k}" for k in range(6)], n // 6)


def test_fitting_finds_the_signal_and_chooses_a_cutoff_on_held_out_folds():
    features, labels, groups = signal_and_noise()
    detector, oof = fit_detector(features, labels, groups, ["polarity_score", "similarity"], kind="logistic")
    assert detector.coef[0] > 1.0 and abs(detector.coef[1]) < detector.coef[0] / 3 and not detector.trees
    assert len(oof) == len(labels) and 0.05 <= detector.cutoff <= 0.95
    assert detector.cutoff == pytest.approx(best_cutoff(oof, labels))


def test_the_cutoff_weighs_the_gold_contradictions_found_not_the_pairs_that_find_them():
    # two gold contradictions; the first is found by three pairs (0.9, 0.515, 0.415), the second by one (0.8); two
    # wrong pairs score 0.465 and 0.335. Counting marked pairs, a cut-off down to 0.415 finds every marked pair with
    # one wrong flag (F1 0.89); counting gold contradictions, 0.515 finds both with three right flags of three (F1 1).
    probability = np.array([0.9, 0.8, 0.515, 0.465, 0.415, 0.335])
    labels = np.array([True, True, True, False, True, False])
    finds = [frozenset({"g1"}), frozenset({"g2"}), frozenset({"g1"}), frozenset(), frozenset({"g1"}), frozenset()]
    assert 0.335 < best_cutoff(probability, labels) <= 0.415
    assert 0.465 < best_cutoff(probability, labels, finds, 2) <= 0.515
    assert gold_recall(probability >= 0.85, finds, 2) == 0.5 and gold_recall(probability >= 0.5, finds, 3) == pytest.approx(2 / 3)
    pairs = pd.DataFrame({"finds": ["g1", "g2;g3", "", None], "file": ["x", "x", "y", "y"], "file_gold": [3, 3, 1, 1]})
    keys, total = gold_pairs_of(pairs)
    assert keys == [frozenset({"g1"}), frozenset({"g2", "g3"}), frozenset(), frozenset()] and total == 4
    assert gold_pairs_of(pairs.drop(columns="finds")) == (None, None)


def test_the_trees_find_the_signal_and_predict_from_the_saved_file_as_sklearn_does(tmp_path):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import average_precision_score

    features, labels, groups = signal_and_noise()
    detector, oof = fit_detector(features, labels, groups, ["polarity_score", "similarity"])  # trees by default
    assert detector.trees and not detector.coef and 0.05 <= detector.cutoff <= 0.95
    assert average_precision_score(labels, oof) > average_precision_score(labels, features["similarity"]) + 0.2
    save_detector(detector, "base", tmp_path / "detector.json")
    loaded = load_detector("base", tmp_path / "detector.json")
    z = (features.to_numpy(float) - np.asarray(loaded.mean)) / np.asarray(loaded.scale)
    reference = HistGradientBoostingClassifier(**TREES).fit(z, labels).predict_proba(z)[:, 1]
    assert np.allclose(loaded.probability(features), reference, atol=1e-9)
    with pytest.raises(ValueError, match="detector kind must be one of trees, logistic, got 'forest'"):
        fit_detector(features, labels, groups, ["polarity_score"], kind="forest")


DEAL = "Macron and Putin reached a deal"
NO_DEAL = "There was no deal between Macron and Putin"


def test_an_unknown_detector_is_refused(monkeypatch):
    monkeypatch.delenv("HELPERS_DETECTOR", raising=False)
    assert pick_detector() == pick_detector("model") == "model"
    with pytest.raises(ValueError, match="detector must be one of model, got 'magic'"):
        pick_detector("magic")
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL}, {"speaker": "Peskov", "polarity": "assert", "content": NO_DEAL}])
    with pytest.raises(ValueError, match="detector must be one of model, got 'rules'"):  # the rule detector is gone
        score_pairs(st, [(0, 1)], TableModel(), detector="rules")
    monkeypatch.setenv("HELPERS_DETECTOR", "rules")
    with pytest.raises(ValueError, match="HELPERS_DETECTOR must be one of model, got 'rules'"):
        pick_detector()


def test_a_denial_of_what_was_asserted_is_flagged_and_the_evidence_says_why():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Kremlin spokesman", "polarity": "deny", "content": "Macron and Putin agreed on a deal"}])
    table = {(DEAL, "Macron and Putin agreed on a deal"): (0.95, 0.04, 0.01)}
    links = score_pairs(st, [(0, 1)], TableModel(table), detector=polarity_detector())
    row = links.iloc[0]
    assert row["conflict"] >= SCORE_AT_CUTOFF and row["kind"] == "denial"
    assert "detector probability" in row["evidence"] and "entailment 0.95" in row["evidence"]


def test_two_assertions_that_contradict_are_flagged_and_unrelated_ones_are_not():
    st = frame([{"speaker": "Macron", "polarity": "assert", "content": DEAL},
                {"speaker": "Peskov", "polarity": "assert", "content": NO_DEAL},
                {"speaker": "Scholz", "polarity": "assert", "content": "Gas prices rose in Germany"}])
    table = {(DEAL, NO_DEAL): (0.01, 0.04, 0.95), (NO_DEAL, DEAL): (0.01, 0.04, 0.95)}
    links = score_pairs(st, [(0, 1), (0, 2), (1, 2)], TableModel(table), detector=polarity_detector()).set_index(["a", "b"])
    assert links.loc[(0, 1), "conflict"] >= SCORE_AT_CUTOFF
    assert links.loc[(0, 2), "conflict"] < SCORE_AT_CUTOFF and links.loc[(1, 2), "conflict"] < SCORE_AT_CUTOFF


def test_a_statement_and_its_own_paraphrase_never_conflict():
    said = "No talks with Kyiv have been scheduled"
    again = "There are no talks scheduled with Kyiv"
    st = frame([{"speaker": "Russian foreign ministry", "polarity": "assert", "content": said, "country": "Russia"},
                {"speaker": "Maria Zakharova", "polarity": "assert", "content": again, "country": "Russia",
                 "mention": "ministry spokeswoman Maria Zakharova"}])  # the ministry's voice: one side
    # a detector that would flag anything: only the guard keeps the pair below the threshold
    always = Detector(features=["similarity"], coef=[0.0], intercept=5.0, mean=[0.0], scale=[1.0], cutoff=0.5)
    table = {(said, again): (0.9, 0.08, 0.02), (again, said): (0.85, 0.1, 0.05)}
    row = score_pairs(st, [(0, 1)], TableModel(table), detector=always).iloc[0]
    assert row["conflict"] <= PARAPHRASE_CAP < SCORE_AT_CUTOFF and "they say the same thing" in row["evidence"]
    other = st.assign(country=["Russia", "Ukraine"], mention=["", "Maria Zakharova"])  # two sides that agree: the detector decides
    assert score_pairs(other, [(0, 1)], TableModel(table), detector=always).iloc[0]["conflict"] > SCORE_AT_CUTOFF


def test_denying_having_said_something_links_to_the_speakers_reported_words():
    said = "The Finlandization of Ukraine was one option"
    denied = "Macron made a reference to the Finlandization of Ukraine"
    st = frame([{"speaker": "Emmanuel Macron", "polarity": "assert", "content": said},
                {"speaker": "Emmanuel Macron", "polarity": "deny", "content": denied, "about_speech": True}])
    speech = f"Emmanuel Macron said that the Finlandization of Ukraine was one option"
    never = Detector(features=["similarity"], coef=[0.0], intercept=-8.0, mean=[0.0], scale=[1.0], cutoff=0.5)
    table = {(speech, denied): (0.9, 0.08, 0.02)}
    row = score_pairs(st, [(0, 1)], TableModel(table), detector=never).iloc[0]
    assert bool(row["linked"]) and row["conflict"] >= LINKED_FLOOR and row["kind"] == "self-contradiction"
    assert "the text links the two statements" in row["evidence"]


def test_narration_is_never_flagged_by_the_detector():
    st = frame([{"speaker": "narrator", "polarity": "assert", "content": DEAL},
                {"speaker": "Peskov", "polarity": "assert", "content": NO_DEAL}])
    always = Detector(features=["similarity"], coef=[0.0], intercept=5.0, mean=[0.0], scale=[1.0], cutoff=0.5)
    row = score_pairs(st, [(0, 1)], TableModel(), detector=always).iloc[0]
    assert row["conflict"] == 0.0


@pytest.mark.slow
def test_no_flag_between_a_lead_and_the_quote_that_repeats_it(nli_model, write_article):
    """On a real-style article with the shipped model and detector: the lead and the spokeswoman's quote say the
    same thing, so they are never flagged against each other, while the claim they deny is."""
    from helpers.analysis import analyze_article

    text = (
        "Russia denies Ukraine talks report\n\n"
        "MOSCOW (Reuters) - Russia's foreign ministry on Monday denied a newspaper report that peace talks with Ukraine had been scheduled for next week.\n\n"
        "\"No talks with Ukraine have been scheduled,\" ministry spokeswoman Maria Zakharova told reporters.\n\n"
        "The Financial Times reported on Sunday that Russian and Ukrainian negotiators would meet in Istanbul next week, citing two officials.\n"
    )
    result = analyze_article(write_article(text, "talks.txt"), model=nli_model, claims=[], cache=False)
    by_id = result.statements.set_index("id")
    lead = [i for i, s in by_id.iterrows() if s["speaker"] != "narrator" and "denied" in s["text"]]
    quote = [i for i, s in by_id.iterrows() if "No talks" in s["text"]]
    assert lead and quote
    report = [i for i, s in by_id.iterrows() if s["speaker"] == "Financial Times"]
    flagged = {(int(c.a), int(c.b)) for c in result.contradictions.itertuples()}
    assert (min(lead[0], quote[0]), max(lead[0], quote[0])) not in flagged
    assert (min(quote[0], report[0]), max(quote[0], report[0])) in flagged  # "no talks" against the report of a meeting


def test_the_speakers_countries_tell_one_side_from_two():
    statements = pd.DataFrame({
        "id": [0, 1, 2, 3], "speaker": ["Belarusian military", "Belarusian defence ministry", "Polish government", "analyst"],
        "polarity": ["deny", "assert", "assert", "assert"], "content": ["x y", "x z", "y z", "z"], "paragraph": [0, 1, 2, 3],
        "country": ["Belarus", "Belarus", "Poland", ""],
    })
    rows = pd.DataFrame({"a": [0, 0, 1], "b": [1, 2, 3], "similarity": [0.5] * 3, "rule_conflict": [0.0] * 3, "linked": [False] * 3})
    nli = {(a, b): (0.1, 0.1, 0.5, 0.5) for a, b in zip(rows["a"], rows["b"])}
    dismissal = {name: {i: 0.0 for i in range(4)} for name in ("false", "not_happened", "denies")}
    features = pair_features(rows, statements, nli, dismissal, {(a, b): 0.5 for a, b in zip(rows["a"], rows["b"])})
    assert features["same_country"].tolist() == [1.0, 0.0, 0.0]  # one side; two sides; a speaker of no known country
    assert features["other_country"].tolist() == [0.0, 1.0, 0.0]


def test_a_pair_is_read_against_the_pairs_that_share_its_statements():
    # statement 0 is in three pairs; the pair (0, 1) is the best of them, (0, 3) the worst
    a, b = [0, 0, 0, 4], [1, 2, 3, 5]
    score = np.array([2.0, 1.0, -1.0, 0.5])
    rank, gap, article_gap = context_features(a, b, score).T
    assert np.allclose(rank, np.log1p([0, 1, 2, 0]))
    assert np.allclose(gap, [0.0, 1.0, 3.0, 0.0])  # (4, 5) shares no statement: the best of its own
    assert np.allclose(article_gap, [0.0, 1.0, 3.0, 1.5])


def test_a_pair_without_a_score_leaves_its_neighbours_alone():
    rank, gap, article_gap = context_features([0, 0], [1, 2], np.array([np.nan, 1.0])).T
    assert np.isnan(rank[0]) and np.isnan(gap[0]) and np.isnan(article_gap[0])
    assert (rank[1], gap[1], article_gap[1]) == (0.0, 0.0, 0.0)
    assert context_features([], [], np.array([])).shape == (0, 3)


def test_the_context_features_come_from_the_pair_model_only():
    statements = pd.DataFrame({"id": [0, 1, 2], "speaker": ["a", "b", "c"], "polarity": ["deny", "assert", "assert"],
                               "content": ["x y", "x z", "y z"], "paragraph": [0, 1, 2]})
    rows = pd.DataFrame({"a": [0, 0], "b": [1, 2], "similarity": [0.5] * 2, "rule_conflict": [0.0] * 2, "linked": [False] * 2})
    nli = {(0, 1): (0.1, 0.1, 0.5, 0.5), (0, 2): (0.1, 0.1, 0.5, 0.5)}
    dismissal = {name: {i: 0.0 for i in range(3)} for name in ("false", "not_happened", "denies")}
    similarity = {(0, 1): 0.5, (0, 2): 0.5}
    without = pair_features(rows, statements, nli, dismissal, similarity)
    assert (without[list(GROUPS["context"])] == 0.0).all().all()
    scored = pair_features(rows, statements, nli, dismissal, similarity, pair_scores=[0.9, 0.5])
    assert scored["context_rank"].tolist() == [0.0, pytest.approx(np.log1p(1))]
    assert scored["context_gap"].iloc[1] == pytest.approx(scored["pair_model"].iloc[0] - scored["pair_model"].iloc[1])
