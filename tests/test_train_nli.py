"""A tiny training run that saves checkpoints, resumes and reloads."""

import json

from conftest import make_tiny_bert
from helpers.nli import load_nli
from helpers.train_nli import main, make_batches


def test_make_batches_is_length_bucketed_and_reproducible():
    lengths = [i % 37 for i in range(1000)]
    a = make_batches(lengths, 16, seed=3, epoch=0)
    assert a == make_batches(lengths, 16, seed=3, epoch=0)
    assert a != make_batches(lengths, 16, seed=3, epoch=1)
    assert sorted(i for b in a for i in b) == list(range(1000))
    spread = sum(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in a) / len(a)
    assert spread < 5  # sorted inside buckets: little padding


def test_tiny_training_saves_resumes_reloads(tmp_path):
    data = tmp_path / "train.jsonl"
    rows = [
        {"premise": f"The {w} left the city.", "hypothesis": f"The {w} stayed in the city.", "label": "contradiction"} for w in ("troops", "envoy", "minister", "delegation")
    ] + [
        {"premise": f"The {w} met the president.", "hypothesis": f"The {w} saw the president.", "label": "entailment"} for w in ("troops", "envoy", "minister", "delegation")
    ] + [{"premise": "The envoy arrived.", "hypothesis": "It rained.", "label": "neutral"}] * 4
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    base = make_tiny_bert(tmp_path / "base", None)
    ckpt, out = tmp_path / "ckpt", tmp_path / "model"
    common = ["--data", str(data), "--base", str(base), "--out", str(out), "--checkpoint-dir", str(ckpt),
              "--batch-size", "4", "--checkpoint-every", "2", "--log-every", "1", "--epochs", "3"]
    assert main([*common, "--max-steps", "4"]) == 0
    assert sorted(p.name for p in ckpt.iterdir()) == ["step-2", "step-4"]
    first = json.loads((out / "training.json").read_text())
    assert first["steps"] == 4
    # running again with more steps resumes from step 4 instead of starting over
    assert main([*common, "--max-steps", "6"]) == 0
    assert sorted(p.name for p in ckpt.iterdir()) == ["step-4", "step-6"]
    model = load_nli(out, eager=True)
    assert model.model.config.id2label == {0: "entailment", 1: "neutral", 2: "contradiction"}
    assert next(model.model.parameters()).dtype.is_floating_point
    probs = model.predict(["The envoy left."], ["The envoy stayed."])
    assert abs(float(probs.sum(axis=1)[0]) - 1) < 1e-6


def test_training_can_start_from_a_trained_model(tmp_path):
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps({"premise": f"p{i}", "hypothesis": f"h{i}", "label": "neutral"}) for i in range(8)) + "\n")
    first = make_tiny_bert(tmp_path / "first", {0: "entailment", 1: "neutral", 2: "contradiction"}, seed=5)
    out = tmp_path / "continued"
    out.mkdir()
    (out / "README.md").write_text("# model card\n")
    (out / "old-weights.bin").write_text("stale")
    args = ["--data", str(data), "--base", str(first), "--init", str(first), "--out", str(out), "--checkpoint-dir", str(tmp_path / "c"),
            "--batch-size", "4", "--max-steps", "1", "--lr", "0"]
    assert main(args) == 0
    a = load_nli(first, eager=True).predict(["x"], ["y"])
    b = load_nli(out, eager=True).predict(["x"], ["y"])
    assert abs(a - b).to_numpy().max() < 2e-3  # lr 0: the weights carried over (fp16 rounding aside)
    assert json.loads((out / "training.json").read_text())["init"] == str(first)
    assert (out / "README.md").read_text() == "# model card\n" and not (out / "old-weights.bin").exists()


def test_bf16_training_learns_and_is_recorded(tmp_path):
    """``--bf16`` trains under bfloat16 autocast (fp32 master weights): the weights move and the card says so."""
    import torch

    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps({"premise": f"p{i}", "hypothesis": f"h{i}", "label": "contradiction"}) for i in range(8)) + "\n")
    first = make_tiny_bert(tmp_path / "first", {0: "entailment", 1: "neutral", 2: "contradiction"}, seed=5)
    out = tmp_path / "bf16"
    args = ["--data", str(data), "--base", str(first), "--init", str(first), "--out", str(out), "--checkpoint-dir", str(tmp_path / "c"),
            "--batch-size", "4", "--max-steps", "6", "--lr", "1e-2", "--warmup", "0", "--bf16", "--fp32"]
    assert main(args) == 0
    card = json.loads((out / "training.json").read_text())
    assert card["bf16_autocast"] is True
    before = load_nli(first, eager=True, precision="fp32").predict(["p1"], ["h1"])
    after = load_nli(out, eager=True, precision="fp32")
    assert next(after.model.parameters()).dtype == torch.float32
    assert float(after.predict(["p1"], ["h1"])["contradiction"][0]) > float(before["contradiction"][0]) + 0.05


def test_training_bad_data_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"premise": "x"}\n')
    assert main(["--data", str(bad), "--out", str(tmp_path / "m")]) == 2
    assert "a row needs premise, hypothesis and label" in capsys.readouterr().err


def test_off_topic_neutral_pairs_are_added_and_recorded(tmp_path, caplog):
    """``--off-topic`` adds neutral pairs from non-SNLI sources and records how many in the card."""
    words = ("corridor", "treaty", "annex", "roadmap")
    rows = [{"premise": f"Ministers discussed the {w} on Monday.", "hypothesis": f"Nobody mentioned the {w}.", "label": "contradiction"} for w in words]
    rows += [{"premise": f"Reporters asked about the {w} again.", "hypothesis": f"The {w} will be signed soon.", "label": "neutral"} for w in words]
    data = tmp_path / "mnli-like.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    snli = tmp_path / "snli-like.jsonl"
    captions = [{"premise": f"A {w} runs on the beach.", "hypothesis": f"A {w} sleeps.", "label": "contradiction"} for w in ("dog", "cat", "boy", "girl", "man", "woman", "horse", "child")]
    snli.write_text("\n".join(json.dumps(r) for r in captions) + "\n")
    base = make_tiny_bert(tmp_path / "base", None)
    out = tmp_path / "model"
    args = ["--data", str(data), str(snli), "--base", str(base), "--out", str(out), "--checkpoint-dir", str(tmp_path / "c"),
            "--batch-size", "4", "--max-steps", "1", "--off-topic", "0.25"]
    caplog.set_level("INFO")
    assert main(args) == 0
    card = json.loads((out / "training.json").read_text())
    assert card["off_topic_neutral_pairs"] == 4  # a quarter of the 16 pairs
    assert card["pairs"] == 20
    assert not any("off-topic" in d for d in card["data"])
    assert "(4 off-topic neutral)" in caplog.text


def test_lora_training_saves_adapters_resumes_from_the_saved_model_and_reloads(tmp_path):
    """A LoRA run writes a small adapter folder; a fresh checkout (no checkpoints) goes on from the step saved in
    it; the reloaded model carries the trained head (not a random one)."""
    from safetensors.torch import load_file

    data = tmp_path / "train.jsonl"
    rows = [{"premise": f"The {w} left.", "hypothesis": f"The {w} stayed.", "label": "contradiction"} for w in ("envoy", "minister")]
    rows += [{"premise": f"The {w} met him.", "hypothesis": f"The {w} saw him.", "label": "entailment"} for w in ("envoy", "minister")]
    rows += [{"premise": "The envoy arrived.", "hypothesis": "It rained.", "label": "neutral"}] * 2
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    base = make_tiny_bert(tmp_path / "base", None)
    out = tmp_path / "adapters"
    common = ["--data", str(data), "--base", str(base), "--lora", "2", "--out", str(out), "--batch-size", "2",
              "--checkpoint-every", "2", "--log-every", "1", "--epochs", "4"]
    assert main([*common, "--checkpoint-dir", str(tmp_path / "ck1"), "--max-steps", "3"]) == 0
    names = {p.name for p in out.iterdir()}
    assert {"adapter_config.json", "adapter_model.safetensors", "training.json", "resume"} <= names
    assert "model.safetensors" not in names  # only the adapters and the head, never the full weights
    assert json.loads((out / "resume" / "resume.json").read_text()) == {"step": 3}
    # a fresh checkpoint folder: training goes on from step 3 of the saved model, not from scratch
    assert main([*common, "--checkpoint-dir", str(tmp_path / "ck2"), "--max-steps", "5"]) == 0
    assert json.loads((out / "training.json").read_text())["steps_done"] == 5
    assert sorted(p.name for p in (tmp_path / "ck2").iterdir()) == ["step-4", "step-5"]
    trained = load_file(out / "resume" / "trainable.safetensors")
    head = next(v for k, v in trained.items() if "classifier" in k and "modules_to_save" in k and k.endswith("weight"))
    model = load_nli(out, eager=True)
    loaded = model.model.classifier.weight.detach()
    assert loaded.shape == head.shape
    assert float((loaded - head).abs().max()) < 1e-2  # fp16 on disk
    probs = model.predict(["The envoy left."], ["The envoy stayed."])
    assert abs(float(probs.sum(axis=1)[0]) - 1) < 1e-6


def test_lora_stage_starts_from_a_saved_adapter_folder_with_a_new_schedule(tmp_path):
    """``--init`` with an adapter folder: a further stage starts from its trained weights at step 0 of its own schedule."""
    from safetensors.torch import load_file

    data = tmp_path / "train.jsonl"
    rows = [{"premise": f"The {w} left.", "hypothesis": f"The {w} stayed.", "label": "contradiction"} for w in ("envoy", "minister")]
    rows += [{"premise": "The envoy arrived.", "hypothesis": "It rained.", "label": "neutral"}] * 2
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    base = make_tiny_bert(tmp_path / "base", None)
    common = ["--data", str(data), "--base", str(base), "--lora", "2", "--batch-size", "2", "--epochs", "3"]
    first, second = tmp_path / "stage1", tmp_path / "stage2"
    assert main([*common, "--out", str(first), "--checkpoint-dir", str(tmp_path / "ck1"), "--max-steps", "3", "--lr", "1e-2"]) == 0
    # learning rate 0: the second stage's weights are exactly the first stage's, not a fresh initialisation
    assert main([*common, "--out", str(second), "--checkpoint-dir", str(tmp_path / "ck2"), "--init", str(first),
                 "--max-steps", "2", "--lr", "0"]) == 0
    card = json.loads((second / "training.json").read_text())
    assert card["steps_done"] == 2 and card["init"] == str(first)
    before = load_file(first / "resume" / "trainable.safetensors")
    after = load_file(second / "resume" / "trainable.safetensors")
    assert before.keys() == after.keys()
    assert all(float((before[k] - after[k]).abs().max()) == 0 for k in before)


def test_checkpoint_of_another_model_is_refused(tmp_path):
    """Resuming with other --base/--lora settings than the checkpoint's is a one-line error, not a silent restart."""
    data = tmp_path / "train.jsonl"
    data.write_text("\n".join(json.dumps({"premise": "A b.", "hypothesis": "C d.", "label": lab}) for lab in ("entailment", "neutral", "contradiction")) + "\n")
    base = make_tiny_bert(tmp_path / "base", None)
    common = ["--data", str(data), "--base", str(base), "--out", str(tmp_path / "m"), "--checkpoint-dir", str(tmp_path / "ck"),
              "--batch-size", "3", "--checkpoint-every", "1"]
    assert main([*common, "--max-steps", "1"]) == 0
    assert main([*common, "--lora", "2", "--max-steps", "2"]) == 2
