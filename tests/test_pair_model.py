"""The pair model: how a side reads, the logit feature, training with out-of-fold scores, resuming, loading, errors."""

import json
import logging
import shutil

import numpy as np
import pandas as pd
import pytest

from helpers.calibration import collect_pairs
from helpers.cli import main
from helpers.pair_model import (
    FOLD_MODELS,
    OUT_OF_FOLD_FILE,
    PairModel,
    PairTraining,
    TrainingStopped,
    extend_and_save,
    get_pair_model,
    out_of_fold_scores,
    pair_key,
    save_pair_model,
    side_text,
    to_logit,
    train_pair_model,
)
from helpers.paths import BASE_NLI_MODEL, DATA_DIR, PAIR_MODEL_DIR

REAL = DATA_DIR / "real" / "gold"
#: Three dev articles of three episodes.
DEV = [REAL / f"{name}.json" for name in (
    "dailybeast-2024-11-11-kremlin-insists-trump-putin-call-didnt-happen",
    "dawn-2019-07-23-trump-modi-kashmir",
    "medialine-2025-04-08-tehran-insists-indirect-talks",
)]


def test_a_side_reads_speaker_cue_and_content():
    assert side_text("Dmitry Peskov", "deny", "there was no deal") == "Dmitry Peskov denies: there was no deal"
    assert side_text("Macron", "retract", "x") == "Macron takes back: x" and side_text("Macron", "odd", "x") == "Macron says: x"


def test_the_feature_is_a_clipped_logit():
    values = to_logit(np.array([0.5, 0.0, 1.0, 0.9]))
    assert values[0] == 0.0 and np.isfinite(values).all() and np.isclose(values[1], -values[2]) and values[3] > 2.0


def test_keys_tell_files_and_orders_apart():
    assert pair_key("x/a.json", "p", "q") == pair_key("y/a.json", "p", "q")  # the file's name, not where it lies
    assert len({pair_key("a.json", "p", "q"), pair_key("a.json", "q", "p"), pair_key("b.json", "p", "q")}) == 3


def test_a_folder_without_adapters_is_refused_with_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="no pair model here.*train-pair-model"):
        PairModel(tmp_path)


def test_missing_out_of_fold_scores_are_refused_with_what_to_do(tmp_path):
    pairs = pd.DataFrame({"file": ["a.json"], "ta": ["A says: x"], "tb": ["B denies: x"]})
    with pytest.raises(ValueError, match="out-of-fold scores are missing.*train-pair-model"):
        out_of_fold_scores(pairs, tmp_path)
    (tmp_path / OUT_OF_FOLD_FILE).write_text("key,file,a,b,label,score\n0123456789abcdef,a.json,0,1,0,0.2\n")
    with pytest.raises(ValueError, match="no out-of-fold score for 1 of 1 dev pairs, more than 3%.*train-pair-model"):
        out_of_fold_scores(pairs, tmp_path)


def test_a_few_changed_pairs_get_no_score_rather_than_a_stale_one(tmp_path):
    sides = [(f"A says: {i}", f"B denies: {i}") for i in range(40)]
    pairs = pd.DataFrame({"file": ["a.json"] * 40, "ta": [a for a, _ in sides], "tb": [b for _, b in sides]})
    rows = [f"{pair_key('a.json', a, b)},a.json,{i},{i + 1},0,0.{i % 10}" for i, (a, b) in enumerate(sides[1:], 1)]
    (tmp_path / OUT_OF_FOLD_FILE).write_text("key,file,a,b,label,score\n" + "\n".join(rows) + "\n")
    scores = out_of_fold_scores(pairs, tmp_path)  # one of 40 changed: 2.5 %, under the 3 % allowed
    assert np.isnan(scores[0]) and scores[1:].tolist() == [i % 10 / 10 for i in range(1, 40)]
    with pytest.raises(ValueError, match="no out-of-fold score for 1 of 40 dev pairs, more than 2%"):
        out_of_fold_scores(pairs, tmp_path, stale=0.02)


def test_train_pair_model_rejects_bad_settings(capsys):
    assert main(["train-pair-model", str(DEV[0]), "--folds", "1"]) == 2
    assert "at least 2 folds" in capsys.readouterr().err


def test_a_negative_time_limit_is_refused(capsys):
    assert main(["train-pair-model", str(DEV[0]), "--stop-after", "-5"]) == 2
    assert "--stop-after -5.0: give minutes" in capsys.readouterr().err


def test_a_stopped_training_goes_on_from_its_checkpoint_to_the_same_model(tmp_path):
    from helpers.train_nli import trainable_state

    a = [side_text("Kremlin", "deny", f"there was no call on day {k}") for k in range(6)]
    b = [side_text("Donald Trump", "assert", f"he spoke to Putin on day {k}") for k in range(6)]
    labels = [True, False, True, False, False, True]
    recipe = PairTraining(base="minilm-l6-nli", batch_size=4)
    _, whole, steps = train_pair_model(a, b, labels, recipe, max_steps=3)
    checkpoint = tmp_path / "checkpoint"
    with pytest.raises(TrainingStopped, match="stopped at step 1 of 3"):
        train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint, deadline=0)  # past the deadline after one step
    assert len(list(checkpoint.glob("step-1/state.pt"))) == 1
    _, resumed, resumed_steps = train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint)
    assert steps == resumed_steps == 3 and not checkpoint.exists()  # the checkpoint goes once the run ends
    first, second = trainable_state(whole), trainable_state(resumed)
    assert first.keys() == second.keys() and all(np.allclose(first[k], second[k], atol=1e-6) for k in first)
    # a fresh checkout has only the light form, kept in git: the same weights go on from the same step
    with pytest.raises(TrainingStopped):
        train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint, deadline=0)
    shutil.rmtree(next(checkpoint.glob("step-*")))
    assert json.loads((checkpoint / "progress.json").read_text()) == {"step": 1, "total": 3, "pairs": 12}
    from safetensors.torch import load_file, save_file

    kept = load_file(str(checkpoint / "weights.safetensors"))
    save_file({k: v + 1.0 for k, v in kept.items()}, str(checkpoint / "weights.safetensors"))  # marked, to see them come back
    with pytest.raises(TrainingStopped, match="stopped at step 2 of 3"):  # it went on from step 1
        train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint, deadline=0)
    shutil.rmtree(next(checkpoint.glob("step-*")))
    _, light, light_steps = train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint)
    third = trainable_state(light)
    assert light_steps == 3 and not checkpoint.exists()
    shift = [float((third[k] - first[k]).mean()) for k in first]  # the marked weights, trained two more steps
    assert all(0.98 < x < 1.02 for x in shift)
    # a checkpoint is taken up only by the run that wrote it
    with pytest.raises(TrainingStopped):
        train_pair_model(a, b, labels, recipe, max_steps=3, checkpoint=checkpoint, deadline=0)
    with pytest.raises(ValueError, match="a checkpoint of another run"):
        train_pair_model(a[:4], b[:4], labels[:4], recipe, max_steps=3, checkpoint=checkpoint)


def test_a_work_folder_inside_the_output_folder_is_refused_before_any_work(tmp_path, capsys):
    out = tmp_path / "pair"
    assert main(["train-pair-model", str(DEV[0]), "--out", str(out), "--work", str(out / "folds")]) == 2
    err = capsys.readouterr().err
    assert "inside the output folder" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.slow
def test_training_keeps_out_of_fold_scores_resumes_and_reloads(tmp_path, caplog, nli_model):
    out, work = tmp_path / "pair", tmp_path / "folds"
    args = ["train-pair-model", *map(str, DEV), "--folds", "3", "--max-steps", "2", "--base", "fast", "--out", str(out), "--work", str(work)]
    assert main(args) == 0
    assert (out / "adapter_config.json").is_file() and (out / "training.json").is_file()
    assert len(list(work.glob("*-fold-*.npy"))) == 3
    pairs = collect_pairs(DEV, nli_model, pair=False)
    kept = out_of_fold_scores(pairs, out)  # every dev pair has its out-of-fold score
    assert len(kept) == len(pairs) and ((kept > 0) & (kept < 1)).all()
    model = PairModel(out)
    forward = model.score(list(pairs["ta"][:5]), list(pairs["tb"][:5]))
    assert forward.shape == (5,) and np.allclose(forward[:1], model.score(list(pairs["ta"][:1]), list(pairs["tb"][:1])), atol=0.03)
    with caplog.at_level(logging.INFO, logger="helpers.pair_model"):
        assert main(args) == 0  # the folds are kept: only the final model trains again
    assert sum("kept from" in r.message for r in caplog.records) == 3
    # the fold models stay beside the shipped one, each with the episodes it never saw
    fold_of = json.loads((out / FOLD_MODELS / "episodes.json").read_text())
    assert set(fold_of) == set(pairs["episode"]) and sorted(set(fold_of.values())) == [0, 1, 2]
    assert all((out / FOLD_MODELS / str(k) / "adapter_config.json").is_file() for k in range(3))


@pytest.mark.slow
def test_a_changed_pair_is_scored_by_the_fold_model_that_never_saw_its_episode(tmp_path, nli_model):
    out, work = tmp_path / "pair", tmp_path / "folds"
    assert main(["train-pair-model", *map(str, DEV), "--folds", "3", "--max-steps", "1", "--base", "fast", "--out", str(out), "--work", str(work)]) == 0
    pairs = collect_pairs(DEV, nli_model, pair=False)
    before = out_of_fold_scores(pairs, out)
    changed = pairs.copy()
    changed.loc[0, "tb"] = side_text("Dmitry Peskov", "deny", "there was never any such call")  # the attribution changed
    changed.loc[1, "episode"] = "an episode no fold has seen"
    changed.loc[1, "ta"] = side_text("Kremlin", "assert", "a new statement")
    scores = out_of_fold_scores(changed, out, stale=0.5)
    fold = json.loads((out / FOLD_MODELS / "episodes.json").read_text())[pairs.loc[0, "episode"]]
    expected = PairModel(out / FOLD_MODELS / str(fold)).score([changed.loc[0, "ta"]], [changed.loc[0, "tb"]])
    assert np.isclose(scores[0], expected[0]) and np.isnan(scores[1])  # a new episode has no fold model
    assert np.allclose(scores[2:], before[2:])  # the unchanged pairs keep their kept scores


@pytest.mark.slow
def test_extending_trains_once_and_the_previous_model_scores_the_new_episodes(tmp_path, nli_model, caplog):
    out, work = tmp_path / "pair", tmp_path / "folds"
    common = ["--max-steps", "1", "--base", "fast", "--out", str(out), "--work", str(work)]
    assert main(["train-pair-model", *map(str, DEV[:2]), "--folds", "2", *common]) == 0
    (out / "README.md").write_text("model card\n")
    previous = PairModel(out)
    pairs = collect_pairs(DEV, nli_model, pair=False)
    new = pairs["file"] == str(DEV[2])
    expected = previous.score(list(pairs.loc[new, "ta"]), list(pairs.loc[new, "tb"]))
    before = out_of_fold_scores(pairs[~new], out)
    with caplog.at_level(logging.INFO, logger="helpers.pair_model"):
        assert main(["train-pair-model", *map(str, DEV), "--extend", *common]) == 0
    card = json.loads((out / "training.json").read_text())
    assert card["articles"] == 3 and card["extended_from"] == {"articles": 2, "new_articles": 1, "new_episodes": 1}
    assert (out / "README.md").read_text() == "model card\n"  # the model card stays
    scores = out_of_fold_scores(pairs, out)
    assert np.allclose(scores[new.to_numpy()], expected, atol=1e-4)  # scored by the model that never saw them
    assert np.allclose(scores[~new.to_numpy()], before, atol=1e-4)  # the earlier pairs keep theirs
    fold_of = json.loads((out / FOLD_MODELS / "episodes.json").read_text())
    assert fold_of[pairs.loc[new, "episode"].iloc[0]] == 2 and sorted(set(fold_of.values())) == [0, 1, 2]
    assert sorted(p.name for p in (out / FOLD_MODELS / "2").iterdir()) == ["adapter_config.json", "adapter_model.safetensors", "training.json"]
    assert not any("fold" in r.message and "done" in r.message for r in caplog.records)  # no fold was trained
    # once every dev article has been trained on, there is nothing to extend
    assert main(["train-pair-model", *map(str, DEV), "--extend", *common]) == 2


@pytest.mark.slow
def test_extending_refuses_an_episode_split_across_the_old_and_new_articles(tmp_path, nli_model, capsys):
    out, work = tmp_path / "pair", tmp_path / "folds"
    common = ["--max-steps", "1", "--base", "fast", "--out", str(out), "--work", str(work)]
    assert main(["train-pair-model", *map(str, DEV[:2]), "--folds", "2", *common]) == 0
    table = pd.read_csv(out / OUT_OF_FOLD_FILE)
    table[table["file"] != DEV[1].name].to_csv(out / OUT_OF_FOLD_FILE, index=False)  # as if one article of the second episode were new
    pairs = collect_pairs(DEV[:2], nli_model, pair=False)
    pairs["episode"] = "one episode"
    with pytest.raises(ValueError, match="articles the previous pair model saw and articles it did not"):
        extend_and_save(pairs, out, out, PairTraining(base="minilm-l6-nli"), work, 1)


@pytest.mark.slow
def test_a_pair_model_on_the_base_size_model_saves_and_reloads_on_its_merged_base(tmp_path):
    """Adapters on the base-size NLI model load on that model with its NLI adapters merged, as they were trained."""
    a = [side_text("Emmanuel Macron", "assert", "Putin agreed not to escalate"), side_text("Kremlin", "assert", "talks lasted six hours")]
    b = [side_text("Dmitry Peskov", "deny", "there was no deal with Putin"), side_text("Kremlin", "assert", "the talks were long")]
    recipe = PairTraining(epochs=1, base=BASE_NLI_MODEL.name)
    tokenizer, model, steps = train_pair_model(a, b, [True, False], recipe, max_steps=1)
    assert steps == 1
    trained = PairModel.from_trained(tokenizer, model).score(a, b)
    save_pair_model(model, tmp_path / "pair", {"base": recipe.base}, recipe.base)
    assert json.loads((tmp_path / "pair" / "adapter_config.json").read_text())["base_model_name_or_path"] == "mpnet-nli-lora"
    reloaded = PairModel(tmp_path / "pair").score(a, b)
    assert np.allclose(trained, reloaded, atol=0.03)  # the reloaded model runs in bfloat16 where the hardware has it


def test_an_unknown_pair_model_base_is_refused():
    with pytest.raises(ValueError, match="pair model base 'roberta': use one of minilm-l6-nli, mpnet-nli-lora"):
        train_pair_model(["A says: x"], ["B denies: x"], [True], PairTraining(base="roberta"), max_steps=1)


@pytest.mark.slow
def test_the_shipped_pair_model_ranks_a_denial_of_the_claim_above_an_aside():
    model = get_pair_model(PAIR_MODEL_DIR)
    claim = side_text("Emmanuel Macron", "assert", "Putin agreed not to escalate the crisis over Ukraine")
    denial = side_text("Dmitry Peskov", "deny", "Moscow and Paris reached a deal to de-escalate the crisis")
    aside = side_text("Dmitry Peskov", "assert", "the talks in Moscow lasted more than five hours")
    deny, other = model.score([claim, claim], [denial, aside])
    assert deny > other


@pytest.mark.slow
def test_pair_scores_kept_in_the_cache_are_read_not_computed(tmp_path):
    from helpers.cache import NLICache

    model, cache = get_pair_model(), NLICache(tmp_path / "scores.sqlite")
    a = [side_text("Emmanuel Macron", "assert", "Putin agreed not to escalate"), side_text("Kremlin", "assert", "talks lasted six hours")]
    b = [side_text("Dmitry Peskov", "deny", "there was no deal with Putin"), side_text("Kremlin", "assert", "the talks were long")]
    first = model.score(a, b, cache=cache)
    assert cache.misses == 2 and cache.hits == 0  # two pairs, each read once, in the order given
    assert np.array_equal(model.score(a, b, cache=cache), first) and cache.hits == 2 and cache.misses == 2
    assert np.allclose(first, model.score(a, b), atol=1e-6)


@pytest.mark.slow
def test_the_detector_reads_the_shipped_pair_model_on_what_the_user_sees(nli_model):
    pairs = collect_pairs(DEV[:1], nli_model, pair=False)
    from helpers.analysis import analyze_article
    from helpers.detector import Detector, GROUPS
    from helpers.evaluation import load_gold

    names = list(GROUPS["pair"])
    probe = Detector(features=names, coef=[1.0], intercept=0.0, mean=[0.0], scale=[1.0], cutoff=0.5)
    result = analyze_article(load_gold(DEV[0]).article_path, model=nli_model, claims=[], detector=probe)
    expected = to_logit(get_pair_model().score(list(pairs["ta"]), list(pairs["tb"])))
    assert np.allclose(result.features["pair_model"].to_numpy(), expected, atol=1e-4)
    assert result.links["evidence"].str.contains("pair model", regex=False).any()


def test_two_pairs_with_the_same_sides_read_their_one_score(tmp_path):
    pairs = pd.DataFrame({"file": ["a.json"] * 3, "ta": ["A says: x", "A says: x", "A says: y"], "tb": ["B denies: x", "B denies: x", "B says: z"]})
    key = [pair_key("a.json", a, b) for a, b in zip(pairs["ta"], pairs["tb"])]
    rows = [f"{key[0]},a.json,0,1,1,0.7", f"{key[1]},a.json,2,3,0,0.7", f"{key[2]},a.json,0,4,0,0.1"]
    (tmp_path / OUT_OF_FOLD_FILE).write_text("key,file,a,b,label,score\n" + "\n".join(rows) + "\n")
    assert out_of_fold_scores(pairs, tmp_path).tolist() == [0.7, 0.7, 0.1]
