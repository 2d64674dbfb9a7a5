"""Reading NLI pairs and making off-topic neutral pairs."""

import json

import pandas as pd
import pytest

from helpers.nli_data import content_words, off_topic_pairs, read_many


def _story_rows() -> pd.DataFrame:
    """Two premises on each of three subjects, one hypothesis each: each subject word is in two hypotheses."""
    rows = []
    for t in ("corridor", "treaty", "annex"):
        rows += [
            {"premise": f"Ministers discussed the {t} in Geneva on Monday.", "hypothesis": f"Nobody mentioned the {t}.", "label": "contradiction", "source": "x"},
            {"premise": f"Reporters asked the spokesman about the {t} again.", "hypothesis": f"The {t} will be signed next week.", "label": "neutral", "source": "x"},
        ]
    return pd.DataFrame(rows)


def test_content_words_drop_short_and_function_words():
    assert content_words("The envoy said that there was no deal, and Putin agreed.") == {"envoy", "said", "deal", "putin", "agreed"}


def test_off_topic_pairs_are_neutral_share_a_word_and_come_from_another_premise():
    data = _story_rows()
    out = off_topic_pairs(data, 4, seed=1)
    assert len(out) == 4 and set(out["label"]) == {"neutral"}
    assert set(out["source"]) == {"off-topic:x"}
    own = data.groupby("premise")["hypothesis"].agg(set).to_dict()
    for r in out.itertuples():
        assert r.hypothesis not in own[r.premise]  # written for another premise
        assert content_words(r.premise) & content_words(r.hypothesis)  # on the same subject matter
    assert out.equals(off_topic_pairs(data, 4, seed=1))


def test_off_topic_pairs_skip_hypotheses_made_of_the_premise_words():
    data = pd.DataFrame([
        {"premise": "Troops left Belarus after the exercises.", "hypothesis": "Nothing happened in Minsk.", "label": "neutral", "source": "x"},
        {"premise": "Tanks moved near Minsk.", "hypothesis": "Troops left Belarus after exercises.", "label": "neutral", "source": "x"},
        {"premise": "Ships sailed near Odesa.", "hypothesis": "Troops crossed into Belarus yesterday.", "label": "neutral", "source": "x"},
    ])
    out = off_topic_pairs(data, 3, seed=0)
    # the second hypothesis shares words with the first premise too, but is made of them (it would be entailed)
    assert out[["premise", "hypothesis"]].values.tolist() == [["Troops left Belarus after the exercises.", "Troops crossed into Belarus yesterday."]]
    loose = off_topic_pairs(data, 3, seed=0, max_overlap=1.0)
    assert set(loose["hypothesis"]) == {"Troops crossed into Belarus yesterday.", "Troops left Belarus after exercises."}


def test_read_many_names_the_bad_line(tmp_path):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(json.dumps({"premise": "a", "hypothesis": "b", "label": "Neutral"}) + "\n")
    bad.write_text(json.dumps({"premise": "a", "hypothesis": "b", "label": "neutral"}) + "\n{oops\n")
    assert list(read_many([good])["label"]) == ["neutral"]
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not valid JSON"):
        read_many([good, bad])
