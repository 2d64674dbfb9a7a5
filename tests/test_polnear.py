"""Scoring attribution against PolNeAR-format files, on small articles written here (no PolNeAR text)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import paths, polnear
from helpers.article import ArticleError
from helpers.polnear import Predicted, content_words, is_speech, names_match, norm_name, rates, read_articles, score_article, shares

POLNEAR_DEV = paths.PROJECT_ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "dev.jsonl"

TEXT = (
    "Finance Minister Ana Ruiz said the budget would be cut by ten percent next year. "
    "Critics believe the plan will fail. "
    "According to the central bank, inflation slowed sharply in March. "
    "The weather in the capital was mild."
)


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def gold(text: str, aid: str, source: str | None, cue: str, content: str) -> dict:
    """One PolNeAR-format attribution with offsets found in ``text``."""
    cs, ce = span(text, content)
    qs, qe = span(text, cue)
    row = {"id": aid, "content": content, "content_start": cs, "content_end": ce, "cue": cue, "cue_start": qs, "cue_end": qe,
           "source": source, "source_start": None, "source_end": None}
    if source is not None:
        row["source_start"], row["source_end"] = span(text, source)
    return row


def article(aid: str = "a1", text: str = TEXT) -> dict:
    return {
        "id": aid,
        "text": text,
        "attributions": [
            gold(text, "E1", "Finance Minister Ana Ruiz", "said", "the budget would be cut by ten percent next year"),
            gold(text, "E2", "Critics", "believe", "the plan will fail"),
            gold(text, "E3", "the central bank", "According to", "inflation slowed sharply in March"),
            {"id": "E4", "content": "", "cue": "said", "source": None},  # no content: not scored
        ],
    }


def predicted(text: str, content: str, mention: str | None, speaker: str, cue: str = "said") -> Predicted:
    ms, me = span(text, mention) if mention else (-1, -1)
    return Predicted(content, ms, me, speaker, cue)


# -- words, names, cues -----------------------------------------------------------------------------------------
def test_content_words_drop_stop_words_case_and_curly_apostrophes():
    words = content_words("The Minister said that the border’s gates would stay CLOSED.")
    assert {"minister", "border's", "gates", "stay", "closed"} <= words
    assert not {"the", "that", "would"} & words
    assert content_words("a I of") == set()


def test_shares_are_over_the_smaller_side():
    assert shares({"budget", "cut"}, {"budget", "cut", "ten", "percent", "year"}) == 1.0
    assert shares({"a", "b", "c"}, {"a", "b", "x", "y", "z"}) == pytest.approx(2 / 3)
    assert shares(set(), {"budget"}) == 0.0 and shares({"budget"}, set()) == 0.0


def test_names_compare_without_case_article_honorific_or_possessive():
    assert norm_name("Mr. Trump’s") == norm_name("trump") == "trump"
    assert norm_name("the Kremlin") == norm_name("Kremlin") == "kremlin"
    assert norm_name("Former President  Obama,") == "obama"
    assert norm_name("Ana Ruiz") != norm_name("Ruiz")


@pytest.mark.parametrize("cue", ["said", "told", "according to", "According to", ":", "says", "has said"])
def test_speech_cues(cue):
    assert is_speech(cue)


@pytest.mark.parametrize("cue", ["believes", "hopes", "thinks", "", None])
def test_thought_cues_are_not_speech(cue):
    assert not is_speech(cue)


# -- one article ------------------------------------------------------------------------------------------------
def test_score_article_counts_found_source_and_precision():
    row = article()
    preds = [
        predicted(TEXT, "the budget would be cut by ten percent next year", "Finance Minister Ana Ruiz", "Ana Ruiz"),
        predicted(TEXT, "inflation slowed sharply in March", "Critics", "Critics", cue="according to"),  # wrong mention
        predicted(TEXT, "The weather in the capital was mild.", "The weather", "narrator"),  # an extra statement
    ]
    result = score_article(row, preds)
    c = result["counts"]
    assert (c["gold"], c["gold_speech"]) == (3, 2)  # E4 has no content; "believe" is not speech
    assert (c["found"], c["found_speech"]) == (2, 2)
    assert (c["with_source"], c["source_right"]) == (2, 1)
    assert (c["predicted"], c["predicted_right"]) == (3, 2)
    r = rates(c)
    assert r["content_recall"] == pytest.approx(0.667) and r["speech_recall"] == 1.0
    assert r["precision"] == pytest.approx(0.667) and r["source_accuracy"] == 0.5
    assert r["resolvable"] == 0 and r["resolution_accuracy"] == 0.0
    whats = sorted(m["what"] for m in result["misses"])
    assert whats == ["content missed", "extra statement", "source wrong"]
    wrong = next(m for m in result["misses"] if m["what"] == "source wrong")
    assert (wrong["gold"], wrong["got"]) == ("the central bank", "Critics")
    missed = next(m for m in result["misses"] if m["what"] == "content missed")
    assert missed["gold"] == "the plan will fail" and missed["cue"] == "believe"


def test_a_statement_sharing_few_words_does_not_match():
    row = article()
    preds = [predicted(TEXT, "the budget was discussed at length by the cabinet on Monday", "Finance Minister Ana Ruiz", "Ana Ruiz")]
    c = score_article(row, preds)["counts"]
    assert c["found"] == 0 and c["predicted_right"] == 0


def test_among_matching_statements_the_one_on_the_gold_source_counts():
    row = article()
    content = "the budget would be cut by ten percent next year"
    preds = [
        predicted(TEXT, content, "Critics", "Critics"),
        predicted(TEXT, content + " officials", "Ana Ruiz", "Ana Ruiz"),  # overlaps the gold source span
    ]
    c = score_article(row, preds)["counts"]
    assert (c["found"], c["source_right"], c["predicted_right"]) == (1, 1, 2)


def test_a_statement_without_a_mention_has_the_source_wrong():
    row = article()
    result = score_article(row, [predicted(TEXT, "the budget would be cut by ten percent next year", None, "someone")])
    assert result["counts"]["source_right"] == 0
    assert [m["got"] for m in result["misses"] if m["what"] == "source wrong"] == ["(none)"]


def test_resolution_right_and_wrong_by_name():
    row = article()
    e1 = row["attributions"][0]
    e3 = row["attributions"][2]
    resolutions = {
        ("a1", e1["source_start"], e1["source_end"]): {"resolved": "ana ruiz", "kind": "name", "named": True},
        ("a1", e3["source_start"], e3["source_end"]): {"resolved": "Central Bank", "kind": "pronoun", "named": True},
        ("a1", 0, 1): {"resolved": "someone else", "named": True},  # no attribution there
    }
    preds = [
        predicted(TEXT, "the budget would be cut by ten percent next year", "Ana Ruiz", "Ana Ruiz"),
        predicted(TEXT, "inflation slowed sharply in March", "the central bank", "Ruiz"),
    ]
    result = score_article(row, preds, resolutions)
    r = rates(result["counts"])
    assert r["resolvable"] == 2 and r["resolution_accuracy"] == 0.5
    assert r["pronoun_resolution_accuracy"] == 0.0
    wrong = [m for m in result["misses"] if m["what"] == "resolution wrong"]
    assert wrong == [{"article": "a1", "what": "resolution wrong", "gold": "Central Bank", "got": "Ruiz", "mention": "the central bank"}]
    # the central bank resolved right (case, article-insensitively) and an unnamed referent is not scored
    preds[1] = predicted(TEXT, "inflation slowed sharply in March", "the central bank", "the Central Bank")
    resolutions[("a1", e1["source_start"], e1["source_end"])]["named"] = False
    r = rates(score_article(row, preds, resolutions)["counts"])
    assert r["resolvable"] == 1 and r["resolution_accuracy"] == 1.0 and r["pronoun_resolution_accuracy"] == 1.0


def test_names_match_without_middle_initials_and_by_surname_only_where_the_article_has_no_full_name():
    assert names_match("Leonard Burman", "Leonard E. Burman") and names_match("Mr. Holtz-Eakin", "Holtz-Eakin")
    assert not names_match("Leonard Burman", "Leonard Baker")
    text = "President Obama said the trend lines were terrifying. Mr. Obama spoke in Honolulu."
    assert names_match("Obama", "Barack Obama", text)  # the article never writes "Barack Obama"
    assert not names_match("Obama", "Barack Obama", text + " Barack Obama was there.")  # it does: the full name is due
    assert not names_match("Obama", "Michelle Obama", "Mr. Obama and Michelle Obama spoke.")
    assert not names_match("Clinton", "Hillary Clinton and Tim Kaine", text)


def test_rates_of_no_counts_are_zero():
    from collections import Counter

    r = rates(Counter())
    assert r["content_recall"] == r["precision"] == r["source_accuracy"] == r["resolution_accuracy"] == 0.0
    assert r["gold"] == r["predicted"] == 0


# -- files ------------------------------------------------------------------------------------------------------
def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_articles_reads_rows_skips_blank_lines_and_limits(tmp_path):
    path = write_jsonl(tmp_path / "dev.jsonl", [article("a1"), "", article("a2"), article("a3")])
    assert [r["id"] for r in read_articles(path)] == ["a1", "a2", "a3"]
    assert [r["id"] for r in read_articles(path, limit=2)] == ["a1", "a2"]


def test_read_articles_missing_file(tmp_path):
    with pytest.raises(ArticleError, match=r"nope\.jsonl: no such file"):
        read_articles(tmp_path / "nope.jsonl")
    assert issubclass(ArticleError, ValueError)


def test_read_articles_bad_json_names_file_and_line(tmp_path):
    path = write_jsonl(tmp_path / "dev.jsonl", [article("a1"), "{not json"])
    with pytest.raises(ArticleError, match=r"dev\.jsonl:2: not valid JSON"):
        read_articles(path)


def test_read_articles_row_without_attributions(tmp_path):
    path = write_jsonl(tmp_path / "dev.jsonl", [{"id": "a1", "text": TEXT}])
    with pytest.raises(ArticleError, match=r"dev\.jsonl:1: an article needs id, text and attributions"):
        read_articles(path)
    with pytest.raises(ArticleError, match=r"dev\.jsonl:1: an article needs"):
        read_articles(write_jsonl(tmp_path / "dev.jsonl", ["[1, 2]"]))


def test_read_articles_empty_file(tmp_path):
    with pytest.raises(ArticleError, match=r"empty\.jsonl: no articles"):
        read_articles(write_jsonl(tmp_path / "empty.jsonl", [""]))


def test_read_resolutions(tmp_path):
    assert polnear.read_resolutions(None) == {}
    path = write_jsonl(tmp_path / "res.jsonl", [{"article": "a1", "source_start": 3, "source_end": 9, "resolved": "X"}])
    assert polnear.read_resolutions(path) == {("a1", 3, 9): {"article": "a1", "source_start": 3, "source_end": 9, "resolved": "X"}}


def said_predictor(calls: list):
    """A trivial predictor: each "X said Y." sentence is Y said by X."""

    def predict(text: str, article_id: str) -> list[Predicted]:
        calls.append(article_id)
        out = []
        start = 0
        for sentence in text.split(". "):
            if " said " in sentence:
                who, what = sentence.split(" said ", 1)
                out.append(Predicted(what, start, start + len(who), who, "said"))
            start += len(sentence) + 2
        return out

    return predict


def test_evaluate_end_to_end(tmp_path):
    second = "The mayor said the bridge would reopen in June. Residents hope the tolls stay low."
    row2 = {"id": "a2", "text": second, "attributions": [
        gold(second, "E1", "The mayor", "said", "the bridge would reopen in June"),
        gold(second, "E2", "Residents", "hope", "the tolls stay low"),
    ]}
    path = write_jsonl(tmp_path / "dev.jsonl", [article("a1"), row2])
    res_path = write_jsonl(tmp_path / "res.jsonl", [
        {"article": "a2", "source_start": 0, "source_end": len("The mayor"), "resolved": "mayor", "kind": "title", "named": True},
    ])
    calls: list = []
    result = polnear.evaluate(path, said_predictor(calls), resolutions=res_path)
    assert calls == ["a1", "a2"]
    assert result["file"] == str(path) and result["articles"] == 2
    total = result["total"]
    assert (total["gold"], total["gold_speech"], total["predicted"]) == (5, 3, 2)
    assert total["content_recall"] == 0.4 and total["speech_recall"] == pytest.approx(0.667)
    assert total["precision"] == 1.0 and total["source_accuracy"] == 1.0
    assert total["resolvable"] == 1 and total["resolution_accuracy"] == 1.0
    assert [a["id"] for a in result["per_article"]] == ["a1", "a2"]
    assert result["per_article"][1]["content_recall"] == 0.5
    assert sum(m["what"] == "content missed" for m in result["misses"]) == 3
    assert polnear.evaluate(path, said_predictor([]), limit=1)["articles"] == 1
    # only the articles the resolution file covers
    calls = []
    only = polnear.evaluate(path, said_predictor(calls), resolutions=res_path, resolved_only=True)
    assert calls == ["a2"] and only["articles"] == 1 and only["total"]["gold"] == 2
    with pytest.raises(ArticleError, match="resolved-only needs a resolution file"):
        polnear.evaluate(path, said_predictor([]), resolved_only=True)


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.is_file(), reason=f"{POLNEAR_DEV} is not there")
def test_attribution_on_polnear_dev_holds_its_figures():
    """Regression floors a little under what the first ten PolNeAR dev articles measure (content 0.728, speech
    0.902, precision 0.955, source 0.758, resolution 0.744): a change that loses real-news attribution fails here."""
    result = polnear.evaluate(POLNEAR_DEV, polnear.predict_statements, limit=10, resolutions=paths.RESOLUTION_GOLD)
    assert result["articles"] == 10
    total = result["total"]
    assert total["content_recall"] >= 0.70 and total["speech_recall"] >= 0.88
    assert total["precision"] >= 0.93 and total["source_accuracy"] >= 0.73 and total["resolution_accuracy"] >= 0.72


def test_bad_resolution_files_name_the_file_and_line(tmp_path):
    from helpers.article import ArticleError
    from helpers.polnear import read_resolutions

    with pytest.raises(ArticleError, match=r"nothere\.jsonl: no such resolution file"):
        read_resolutions(tmp_path / "nothere.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": "a", "source_start": 1, "source_end": 2, "resolved": "X"}\nnot json\n')
    with pytest.raises(ArticleError, match=r"bad\.jsonl:2: not valid JSON"):
        read_resolutions(bad)
    bad.write_text('{"article": "a", "source_end": 2, "resolved": "X"}\n')
    with pytest.raises(ArticleError, match=r"bad\.jsonl:1: a resolution needs article, source_start"):
        read_resolutions(bad)


POLNEAR_TRAIN = POLNEAR_DEV.with_name("train.jsonl")


@pytest.mark.skipif(not POLNEAR_TRAIN.is_file(), reason=f"{POLNEAR_TRAIN} is not there")
@pytest.mark.parametrize("name", ["resolution-heldout.jsonl", "resolution-heldout2.jsonl", "resolution-heldout3.jsonl",
                                  "resolution-heldout4.jsonl", "resolution-heldout5.jsonl"])
def test_every_held_out_resolution_names_an_attribution_of_polnear_train(name):
    path = paths.RESOLUTION_GOLD.with_name(name)
    gold = polnear.read_resolutions(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = {a["id"]: a for a in polnear.read_articles(POLNEAR_TRAIN, ids={r["article"] for r in rows})}
    spans = {(art, a["id"], a["source_start"], a["source_end"]) for art, row in articles.items() for a in row["attributions"]}
    assert gold and len(articles) == len({r["article"] for r in rows})
    assert all((r["article"], r["attribution"], r["source_start"], r["source_end"]) in spans for r in rows)
