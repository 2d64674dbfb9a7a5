"""The analyze command end to end on the seed article, and the contradiction evaluation."""

import glob
import json
import subprocess
import sys

import pytest

from helpers.evaluation import evaluate_contradictions
from helpers.paths import GOLD_DIR

pytestmark = pytest.mark.slow


def helpers_cli(*args):
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True, timeout=600)


def involves(c, a_speaker, b_speaker, a_words, b_words):
    return (c["a_speaker"], c["b_speaker"]) == (a_speaker, b_speaker) and a_words in c["a_text"] and b_words in c["b_text"]


@pytest.mark.parametrize(("model", "name"), [
    (None, "cascade: minilm-l6-nli (shipped) screening for mpnet-nli-lora (base) at 0.15"),
    ("fast", "minilm-l6-nli (shipped)"),
    ("base", "mpnet-nli-lora (base)"),
])
def test_analyze_seed_end_to_end(tmp_path, seed_article, model, name):
    """The sample article with the default cascade, MiniLM alone and the base-size model (each with its own detector entry)."""
    claims = tmp_path / "claims.txt"
    claims.write_text("# key claims\nPutin agreed not to escalate the standoff over Ukraine\n")
    out = tmp_path / "seed.json"
    chosen = ["--model", model] if model else []
    proc = helpers_cli("analyze", str(seed_article), "--claims", str(claims), "--json", str(out), *chosen)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text())
    assert data["article"]["title"] == "Russia Undercuts Macron’s Report of Putin Deal on Ukraine"
    assert data["article"]["outlet"] == "Bloomberg" and data["article"]["date"] == "2022-02-08"
    from helpers.article import load_article
    from helpers.statements import extract_statements

    assert len(data["statements"]) == len(extract_statements(load_article(seed_article))) >= 21  # every gold statement and the narration
    text = load_article(seed_article).text  # the offsets point into the cleaned text
    quoted = [s for s in data["statements"] if s["speaker"] != "narrator"]
    assert quoted and all(0 <= s["mention_start"] < s["mention_end"] and 0 <= s["cue_start"] < s["cue_end"] for s in quoted if s["mention_start"] >= 0)
    assert all(text[s["cue_start"] : s["cue_end"]].lower() == s["cue"].lower() for s in quoted if s["cue_start"] >= 0 and " " not in s["cue"])
    macron = next(s for s in quoted if s["speaker"] == "Emmanuel Macron" and s["mention_start"] >= 0)
    assert "Macron" in text[macron["mention_start"] : macron["mention_end"]]
    assert data["model"]["name"] == name and len(data["model"]["fingerprint"]) == 16
    assert "no detector fitted" not in proc.stderr
    found = data["contradictions"]
    assert [c["score"] for c in found] == sorted((c["score"] for c in found), reverse=True)
    assert {"a", "b", "a_text", "b_text", "a_speaker", "b_speaker", "kind", "score"} <= found[0].keys()
    top5 = found[:5]
    assert any(c["a_speaker"] == "Emmanuel Macron" and c["b_speaker"] == "Kremlin spokesman" and c["kind"] == "denial" for c in top5)
    assert any(involves(c, "French official", "French official", "", "backed away") or involves(c, "French official", "French official", "at first", "later")
               for c in top5 if c["kind"] == "retraction")
    assert any(c["kind"] == "self-contradiction" and "Finlandization" in c["a_text"] and "denied" in c["b_text"] for c in top5)
    stances = {s["actor"]: s["stance"] for s in data["stances"]}
    assert data["claims"] == ["Putin agreed not to escalate the standoff over Ukraine"]
    assert stances.get("Emmanuel Macron") == "supports"


def test_analyze_bad_claims_file(tmp_path, seed_article):
    bad = tmp_path / "claims.json"
    bad.write_text('{"not": "a list"}')
    proc = helpers_cli("analyze", str(seed_article), "--claims", str(bad))
    assert proc.returncode == 2 and "must be a list of strings" in proc.stderr and "Traceback" not in proc.stderr


def test_contradiction_evaluation(nli_model):
    report = evaluate_contradictions(sorted(glob.glob(str(GOLD_DIR / "*.json"))), nli_model)
    seed = next(f for f in report["files"] if "macron-putin" in f["file"])
    # five of the six gold pairs with the fitted detector (Putin's spokesman's "no deal" against Macron's claim
    # scores below the threshold, his "not so clear" is flagged); the extra flags are conflicts the seed's gold does
    # not list (the Kremlin's "not so clear" against the two leaders' "new security" work, ...)
    assert seed["found"] >= 5 and seed["precision"] >= 0.5
    assert report["held_out"]["gold_pairs"] >= 13 and report["dev"]["gold_pairs"] >= 20
    assert 0 < report["summary"]["precision"] <= 1 and report["by_kind"]["retraction"]["found"] >= 4
    proc = helpers_cli("eval-contradictions", *sorted(glob.glob(str(GOLD_DIR / "*.json"))), "--model", "fast")
    assert proc.returncode == 0 and "HELD_OUT" in proc.stdout and "recall by kind" in proc.stdout
