"""Gold evaluation of statements (targets), NLI metrics and the nli-eval command."""

import glob
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.evaluation import evaluate_nli, evaluate_statements, load_gold, nli_metrics
from helpers.paths import GOLD_DIR

GOLD = sorted(glob.glob(str(GOLD_DIR / "*.json")))
MINI = Path(__file__).parent / "data" / "nli-mini.jsonl"


def test_gold_files_are_valid():
    assert len(GOLD) >= 5
    for path in GOLD:
        gold = load_gold(path)
        assert len(gold.statements) >= 5 and len(gold.contradictions) >= 3
        assert all(g["end"] > g["start"] for g in gold.statements)
        ids = {g["id"] for g in gold.statements}
        assert len(ids) == len(gold.statements) and all(p["a"] in ids and p["b"] in ids for p in gold.contradictions)
    assert [load_gold(p).role for p in GOLD].count("held-out") >= 1


def test_attribution_on_the_written_articles_holds_its_figures():
    """Regression floors on the written articles (now 0.968 found, 0.675 right speaker, precision 0.988): they
    are no longer the measure, but a change that loses them should be seen. The seed keeps every statement."""
    report = evaluate_statements(GOLD)
    s = report["summary"]
    assert s["recall"] >= 0.95 and s["precision"] >= 0.95
    assert s["attribution_accuracy"] >= 0.65, report["confusions"]
    seed = next(f for f in report["files"] if "macron-putin" in f["file"])
    assert seed["recall"] == 1.0 and seed["attribution_accuracy"] == 1.0


@pytest.mark.slow
def test_attribution_on_the_real_dev_articles_holds_its_figures():
    """On the real dev articles (142 when measured), headlines read, the attribution finds 0.912 of the 1,523 gold statements and
    gives 0.553 the right speaker, at precision 0.968 (`eval-statements <the 142 dev files>`); floors a little under
    those."""
    from helpers.paths import DATA_DIR

    real = sorted(p for p in glob.glob(str(DATA_DIR / "real" / "gold" / "*.json")) if '"held-out"' not in Path(p).read_text())
    assert len(real) >= 142
    s = evaluate_statements(real)["summary"]
    assert s["recall"] >= 0.89 and s["attribution_accuracy"] >= 0.53 and s["precision"] >= 0.95


def test_nli_metrics_known_answers():
    gold = ["entailment", "entailment", "neutral", "contradiction", "contradiction", "contradiction"]
    pred = ["entailment", "neutral", "neutral", "contradiction", "contradiction", "entailment"]
    m = nli_metrics(gold, pred)
    assert m["accuracy"] == pytest.approx(4 / 6)
    assert m["per_class"]["entailment"]["precision"] == pytest.approx(0.5)
    assert m["per_class"]["contradiction"]["recall"] == pytest.approx(2 / 3)
    assert m["per_class"]["contradiction"]["f1"] == pytest.approx(0.8)
    assert m["confusion"]["contradiction"]["entailment"] == 1 and m["confusion"]["entailment"]["neutral"] == 1


@pytest.mark.slow
def test_nli_eval_command_on_a_fixture(nli_model):
    proc = subprocess.run([sys.executable, "-m", "helpers", "nli-eval", str(MINI), "--json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    (result,) = out["results"]
    assert result["n"] == 8  # the row labelled "-" is skipped
    direct = evaluate_nli(nli_model, [MINI])[0]
    assert result["accuracy"] == pytest.approx(direct["accuracy"]) and result["accuracy"] >= 0.75
    assert out["model"]["fingerprint"] == nli_model.fingerprint
    table = subprocess.run([sys.executable, "-m", "helpers", "nli-eval", str(MINI), "--limit", "4"], capture_output=True, text=True, timeout=300)
    assert "(n=4)" in table.stdout and "confusion" in table.stdout


def test_nli_eval_off_topic_pairs_are_all_neutral(tmp_path):
    from conftest import make_tiny_bert

    rows = []
    for t in ("corridor", "treaty", "annex"):
        rows += [
            {"premise": f"Ministers discussed the {t} in Geneva.", "hypothesis": f"Nobody mentioned the {t}.", "label": "contradiction"},
            {"premise": f"Reporters asked about the {t} again.", "hypothesis": f"The {t} will be signed next week.", "label": "entailment"},
        ]
    data = tmp_path / "pairs.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    model = make_tiny_bert(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"})
    cmd = [sys.executable, "-m", "helpers", "nli-eval", str(data), "--model", str(model), "--off-topic", "4"]
    proc = subprocess.run([*cmd, "--json"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (result,) = json.loads(proc.stdout)["results"]
    assert result["off_topic"] == 4 and result["n"] == 4
    assert result["per_class"]["neutral"]["support"] == 4 and result["per_class"]["contradiction"]["support"] == 0
    assert "off-topic pairs (all neutral)  (n=4)" in subprocess.run(cmd, capture_output=True, text=True, timeout=300).stdout


def test_nli_eval_missing_file_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "helpers", "nli-eval", "/no/such.jsonl"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "no such file" in proc.stderr and "Traceback" not in proc.stderr


def test_eval_statements_command():
    proc = subprocess.run([sys.executable, "-m", "helpers", "eval-statements", *GOLD], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "ALL" in proc.stdout and "attrib." in proc.stdout


def test_a_gold_statement_in_the_headline_is_read_and_found(tmp_path):
    """The analysis reads the headline as the first paragraph: a gold statement there is located in the text and
    found, and a statement of the body that no gold holds is no true one; a span in neither fails in one line."""
    from helpers.article import ArticleError

    article = tmp_path / "a.txt"
    article.write_text("Kremlin denies deal with France\n\nMOSCOW - Dmitry Peskov said on Tuesday that there was no deal.\n\n"
                       "The ministry said talks would go on.\n", encoding="utf-8")
    gold = {"article": str(article), "role": "held-out", "contradictions": [], "statements": [
        {"id": "head", "text": "Kremlin denies deal with France", "speaker": "Kremlin"},
        {"id": "body", "text": "Dmitry Peskov said on Tuesday that there was no deal.", "speaker": "Dmitry Peskov"}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    located = {g["id"]: (g["start"], g["end"]) for g in load_gold(path).statements}
    assert located["head"] == (0, 31) and located["body"][0] > 31
    row = evaluate_statements([path])["files"][0]
    assert row["found"] == 2 and row["gold"] == 2 and row["right_actor"] == 2
    assert row["predicted_true"] < row["predicted"]  # "The ministry said ..." matches no gold statement
    gold["statements"][0]["text"] = "Peskov denies everything"
    path.write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(ArticleError, match="gold statement 'head' is not in the article text"):
        load_gold(path)


def test_a_gold_statement_in_a_line_the_loader_drops_is_left_unscored_with_its_pairs(tmp_path, caplog):
    """A standfirst repeated in the body is dropped by the loader: a gold statement there, and its pairs, are not
    scored (a warning names them), and the rest of the gold is read as usual."""
    article = tmp_path / "a.txt"
    article.write_text("Kremlin denies deal with France\n\nKremlin spokesman says there was never any deal with France\n\n"
                       "MOSCOW - The Kremlin spokesman said on Tuesday that there was never any deal with France at all.\n\n"
                       "The French president said on Monday that a deal had been reached.\n", encoding="utf-8")
    gold = {"article": str(article), "role": "held-out", "headline": "annotated", "statements": [
        {"id": "deck", "text": "Kremlin spokesman says there was never any deal with France", "speaker": "Kremlin"},
        {"id": "body", "text": "The Kremlin spokesman said on Tuesday that there was never any deal", "speaker": "Kremlin"},
        {"id": "claim", "text": "The French president said on Monday that a deal had been reached", "speaker": "French president"}],
        "contradictions": [{"a": "deck", "b": "claim", "kind": "denial"}, {"a": "body", "b": "claim", "kind": "denial"}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="helpers.evaluation"):
        loaded = load_gold(path)
    assert [g["id"] for g in loaded.statements] == ["body", "claim"]
    assert loaded.contradictions == [{"a": "body", "b": "claim", "kind": "denial"}]
    assert any("'deck'" in r.message and "drops" in r.message for r in caplog.records)


def test_a_gold_statement_split_into_clauses_matches_every_clause():
    from helpers.evaluation import match_parts, match_statements
    from helpers.statements import Statement

    text = "On Tuesday, Ruiz said the sides had agreed on a way forward but acknowledged that no date had been fixed."
    gold = [{"id": "ruiz", "start": 12, "end": len(text) - 1}, {"id": "other", "start": 0, "end": 10}]
    cut = text.index(" but")

    def st(i, start, end, speaker="Ana Ruiz"):
        return Statement(i, 0, start, end, text[start:end], speaker, "Ruiz", "said", "assert", "indirect", "")

    predicted = [st(0, 12, cut), st(1, cut + 5, len(text) - 1), st(2, 0, 10, "narrator")]
    assert match_statements(gold, predicted)["ruiz"].id == 0  # the best single match ...
    assert match_parts(gold, predicted) == {"ruiz": {0, 1}, "other": set()}  # ... and every clause; narration never


@pytest.mark.slow
def test_contradiction_curve_flags_fewer_pairs_as_the_threshold_rises(nli_model):
    from helpers.evaluation import contradiction_curve
    from helpers.paths import GOLD_DIR

    curve = contradiction_curve([GOLD_DIR / "bloomberg-2022-02-08-macron-putin.json"], nli_model, [0.3, 0.6, 0.9])
    assert list(curve["threshold"]) == [0.3, 0.6, 0.9]
    assert list(curve["flagged"]) == sorted(curve["flagged"], reverse=True)
    assert list(curve["found"]) == sorted(curve["found"], reverse=True)
    assert (curve["gold"] == 6).all() and curve.loc[1, "found"] >= 3  # the seed's required pairs at the default
