"""The NLI model wrapper: label mapping, loading errors, the shipped model."""

import subprocess
import sys

import numpy as np
import pytest

from conftest import PROJECT_CACHE_DIR, make_tiny_bert
from helpers.nli import NLIModel, load_nli, map_labels, merge_lora, pick_device, predicted_labels
from helpers.nli_data import LABELS


@pytest.mark.parametrize(
    ("id2label", "expected"),
    [
        ({0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"}, ["contradiction", "neutral", "entailment"]),  # roberta-large-mnli
        ({0: "contradiction", 1: "entailment", 2: "neutral"}, ["contradiction", "entailment", "neutral"]),  # cross-encoder/*
        ({0: "entailment", 1: "neutral", 2: "contradiction"}, ["entailment", "neutral", "contradiction"]),  # MoritzLaurer/*
        ({"0": "Entailment", "1": "Neutral", "2": "Contradiction"}, ["entailment", "neutral", "contradiction"]),
    ],
)
def test_map_labels(id2label, expected):
    assert map_labels(id2label) == expected


@pytest.mark.parametrize("id2label", [{0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, {0: "entailment", 1: "not_entailment"}])
def test_unmappable_labels(id2label):
    with pytest.raises(ValueError, match="cannot be mapped to entailment/neutral/contradiction"):
        map_labels(id2label)


@pytest.mark.parametrize(
    "order", [("contradiction", "neutral", "entailment"), ("contradiction", "entailment", "neutral"), ("entailment", "neutral", "contradiction")]
)
def test_predict_columns_follow_id2label(tmp_path, order):
    """The same weights under two label orders must give the same probabilities per named label."""
    import torch

    a = make_tiny_bert(tmp_path / "a", dict(enumerate(order)), seed=1)
    model = load_nli(a, device="cpu", eager=True, precision="fp32")
    probs = model.predict(["A man sleeps.", "Troops left."], ["A man is awake.", "Troops stayed."])
    assert list(probs.columns) == list(LABELS)
    assert probs.sum(axis=1).round(6).eq(1).all()
    with torch.no_grad():
        logits = model.model(**model.tokenizer(["A man sleeps."], ["A man is awake."], return_tensors="pt")).logits.softmax(-1)[0]
    for i, name in enumerate(order):
        assert probs.loc[0, name] == pytest.approx(float(logits[i]), abs=1e-5)
    assert isinstance(model.model, torch.nn.Module)


def test_tiny_model_with_generic_labels_raises(tmp_path):
    path = make_tiny_bert(tmp_path / "generic", None)
    with pytest.raises(ValueError, match="cannot be mapped"):
        load_nli(path, eager=True)
    model = load_nli(path, labels=["neutral", "entailment", "contradiction"], eager=True)
    assert model.labels == ["neutral", "entailment", "contradiction"]


def test_unknown_model_offline_is_a_clear_error():
    with pytest.raises(ValueError, match="cannot load NLI model 'no-such-org/no-such-nli-model'.*local model folder"):
        load_nli("no-such-org/no-such-nli-model", eager=True)
    with pytest.raises(ValueError, match="neither a model folder nor a valid Hugging Face model name"):
        load_nli("not a valid name!", eager=True)


def test_folder_without_config(tmp_path):
    with pytest.raises(ValueError, match="not a model folder"):
        load_nli(tmp_path, eager=True)
    with pytest.raises(ValueError, match="no-such-dir: no such model folder"):
        load_nli(tmp_path / "no-such-dir", eager=True)


def test_loading_is_lazy():
    model = NLIModel("no-such-org/lazy-model")
    assert model._model is None  # nothing loaded, nothing raised yet


def test_device_auto_follows_what_torch_reports():
    """``device=None`` picks exactly what this machine's torch offers: CUDA, else MPS, else the CPU."""
    import torch

    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    expected = "cuda" if torch.cuda.is_available() else "mps" if mps else "cpu"
    assert pick_device(None) == expected
    assert pick_device("cpu") == "cpu" and pick_device("cuda:1") == "cuda:1"  # an explicit device is kept


@pytest.mark.parametrize(("cuda", "mps", "expected"), [(True, True, "cuda"), (True, False, "cuda"), (False, True, "mps"), (False, False, "cpu")])
def test_device_auto_order(monkeypatch, cuda, mps, expected):
    """Both branches, whatever this machine has: CUDA wins over MPS, the CPU is the fallback (no weights loaded)."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: cuda)
    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: mps)
    assert pick_device(None) == expected
    assert pick_device("cpu") == "cpu"


def test_tests_keep_nli_scores_in_a_temporary_cache(temporary_cache_dir, tmp_path, write_article):
    """The autouse fixture moves the score cache out of the project, here and in child processes, and scoring writes there."""
    from helpers import cache, paths
    from helpers.analysis import analyze_article
    from helpers.cache import NLICache

    assert temporary_cache_dir.is_dir() and not temporary_cache_dir.is_relative_to(paths.PROJECT_ROOT)
    assert paths.CACHE_DIR == temporary_cache_dir and cache.DEFAULT_CACHE == temporary_cache_dir / "nli-cache.sqlite"
    child = subprocess.run([sys.executable, "-c", "from helpers.cache import DEFAULT_CACHE; print(DEFAULT_CACHE)"],
                           capture_output=True, text=True, timeout=120, check=True)
    assert child.stdout.strip() == str(cache.DEFAULT_CACHE)  # what a papermill kernel or a Dask worker opens

    project_cache = PROJECT_CACHE_DIR / "nli-cache.sqlite"
    before = project_cache.stat().st_mtime_ns if project_cache.exists() else None
    model = load_nli(make_tiny_bert(tmp_path / "tiny", {0: "entailment", 1: "neutral", 2: "contradiction"}), device="cpu", eager=True)
    article = write_article(
        "Envoy Says Talks Failed\n\nForeign Minister Anna Berg said on Monday that the talks had collapsed. "
        "Her spokesman denied that the talks had collapsed. The minister later said an agreement was still possible.\n"
    )
    analyze_article(article, model=model, claims=[])  # cache=True: the default cache
    scored = NLICache()
    assert scored.path == cache.DEFAULT_CACHE and len(scored) > 0
    scored.close()
    assert (project_cache.stat().st_mtime_ns if project_cache.exists() else None) == before


@pytest.mark.slow
def test_shipped_model_offline_clear_cases(nli_model):
    probs = nli_model.predict(
        ["Russian troops left Belarus.", "Macron met Putin in Moscow on Monday.", "The talks collapsed without a deal."],
        ["Russian troops stayed in Belarus.", "Macron and Putin held a meeting in Moscow.", "The talks ended with an agreement."],
    )
    assert predicted_labels(probs).tolist() == ["contradiction", "entailment", "contradiction"]
    assert nli_model.labels == ["entailment", "neutral", "contradiction"]
    assert nli_model.model.config.id2label == {0: "entailment", 1: "neutral", 2: "contradiction"}


@pytest.mark.slow
def test_shipped_model_keeps_statements_about_other_things_neutral(nli_model):
    """Two statements of one story about different things are no contradiction; real conflicts still are."""
    off_topic = [
        ("Kyiv was not consulted about the new terms.", "The two presidents will meet in Ankara next month."),
        ("Stable relations are essential for European companies.", "The navy is ready to resume patrols in the strait."),
        ("The European Union welcomed the talks.", "Russia remains the main guarantor of security in the region."),
        ("Monitors will be deployed along the border.", "The constitution is a domestic matter."),
        ("The foreign minister flew to Cairo on Sunday.", "Gas prices fell after the announcement."),
    ]
    conflicts = [
        ("The two sides agreed on the text of the treaty.", "No text has been agreed."),
        ("The minister agreed to resume military talks.", "The minister only discussed the idea of military talks."),
        ("A date has been set for the summit.", "No date has been set for the summit."),
        ("Japan has provided all the data China asked for.", "Japan has not provided the data China asked for."),
    ]

    def contradiction(pairs):  # the larger of the two directions, per pair
        probs = nli_model.predict([a for a, _ in pairs] + [b for _, b in pairs], [b for _, b in pairs] + [a for a, _ in pairs])
        c = probs["contradiction"].to_numpy()
        return [max(c[i], c[i + len(pairs)]) for i in range(len(pairs))]

    assert max(contradiction(off_topic)) < 0.4  # stage 2 of the model: up to 0.92
    assert min(contradiction(conflicts)) > 0.6


@pytest.mark.slow
@pytest.mark.parametrize(("precision", "tolerance"), [("fp32", 1e-5), ("bf16", 0.03)])
def test_shipped_model_order_batching_determinism(precision, tolerance):
    """Padding with other pairs barely moves a score (bf16 rounds more); the same call gives the same bits."""
    model = load_nli(device="cpu", precision=precision, eager=True)
    prem = ["Short.", "A much longer premise about the negotiations between the two delegations in Geneva.", "Troops left."] * 5
    hyp = ["Long hypothesis about something else entirely, for padding.", "Talks.", "Troops stayed."] * 5
    full = model.predict(prem, hyp, batch_size=4)
    single = model.predict(prem[:3], hyp[:3], batch_size=1)
    assert (full.iloc[:3].to_numpy() - single.to_numpy()).__abs__().max() < tolerance
    again = model.predict(prem, hyp, batch_size=4)
    assert (full.to_numpy() == again.to_numpy()).all()
    assert model.predict([], []).empty
    with pytest.raises(ValueError, match="differ in length"):
        model.predict(["a"], [])
    assert len(model.fingerprint) == 16


@pytest.mark.slow
def test_the_fingerprint_changes_with_any_trained_weight(nli_model):
    """The fingerprint hashes a sample of each tensor: a small change to every value of one weight (as training
    makes) still changes it, and the same weights give the same fingerprint."""
    import copy

    import torch

    from helpers.nli import NLIModel

    twin = NLIModel.from_loaded(copy.deepcopy(nli_model.model), nli_model.tokenizer, "twin", precision=nli_model.precision)
    assert twin.fingerprint == nli_model.fingerprint
    changed = copy.deepcopy(nli_model.model)
    with torch.no_grad():
        dict(changed.named_parameters())["bert.encoder.layer.3.attention.self.query.weight"].mul_(1.001)
    assert NLIModel.from_loaded(changed, nli_model.tokenizer, "changed", precision=nli_model.precision).fingerprint != nli_model.fingerprint


@pytest.mark.slow
def test_precision_choice_and_fingerprint(monkeypatch):
    """``auto`` follows the hardware; bf16 and fp32 agree on clear cases but never share a fingerprint (cache key)."""
    from helpers.nli import fast_bf16, pick_precision

    monkeypatch.delenv("HELPERS_NLI_PRECISION", raising=False)
    with pytest.raises(ValueError, match="precision must be one of auto, fp32, bf16, got 'fp16'"):
        load_nli(precision="fp16")
    assert pick_precision(None, "cpu") == ("bf16" if fast_bf16("cpu") else "fp32")
    assert pick_precision("auto", "mps") == "fp32"
    monkeypatch.setenv("HELPERS_NLI_PRECISION", "fp32")
    assert pick_precision(None, "cpu") == "fp32"
    assert pick_precision("bf16", "cpu") == "bf16"  # an explicit argument wins over the environment
    monkeypatch.setenv("HELPERS_NLI_PRECISION", "half")
    with pytest.raises(ValueError, match="HELPERS_NLI_PRECISION must be one of auto, fp32, bf16, got 'half'"):
        load_nli()
    monkeypatch.delenv("HELPERS_NLI_PRECISION")
    fp32, bf16 = (load_nli(device="cpu", precision=p, eager=True) for p in ("fp32", "bf16"))
    assert fp32.fingerprint != bf16.fingerprint and bf16.describe()["precision"] == "bf16"
    prem, hyp = ["Russian troops left Belarus.", "Macron met Putin in Moscow on Monday."], ["Russian troops stayed in Belarus.", "Macron and Putin held a meeting in Moscow."]
    assert predicted_labels(fp32.predict(prem, hyp)).tolist() == predicted_labels(bf16.predict(prem, hyp)).tolist()


def test_cascade_keeps_the_full_model_on_pairs_it_does_not_screen_out(tmp_path):
    """Pairs the fast model lets through get exactly the full model's probabilities; the others keep the fast
    model's, and ``last_rescored`` counts the pairs sent on."""
    from helpers.nli import CascadeNLI

    fast = load_nli(make_tiny_bert(tmp_path / "fast", {0: "entailment", 1: "neutral", 2: "contradiction"}, seed=1), eager=True)
    full = load_nli(make_tiny_bert(tmp_path / "full", {0: "contradiction", 1: "entailment", 2: "neutral"}, seed=2), eager=True)
    premises = [f"The envoy {w} the capital." for w in ("left", "reached", "avoided", "praised", "visited", "named")]
    hypotheses = ["The envoy stayed home.", "The envoy arrived.", "It rained.", "The talks failed.", "Prices rose.", "He spoke."]
    p_fast, p_full = fast.predict(premises, hypotheses), full.predict(premises, hypotheses)
    screen = float(p_fast[["entailment", "contradiction"]].max(axis=1).median())  # half the pairs go on
    cascade = CascadeNLI(fast, full, screen=screen)
    got = cascade.predict(premises, hypotheses)
    through = (p_fast["entailment"] >= screen) | (p_fast["contradiction"] >= screen)
    assert 0 < cascade.last_rescored == int(through.sum()) < len(premises)
    assert np.allclose(got[through].to_numpy(), p_full[through].to_numpy())
    assert np.allclose(got[~through].to_numpy(), p_fast[~through].to_numpy())
    assert cascade.fingerprint != CascadeNLI(fast, full, screen=screen + 0.01).fingerprint
    with pytest.raises(ValueError, match="screen must be between 0 and 1"):
        CascadeNLI(fast, full, screen=1.5)


def _tiny_adapter(tmp_path, **settings):
    """A tiny BERT and a LoRA adapter on it with random (non-zero) weights, saved in peft's format."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForSequenceClassification

    base = make_tiny_bert(tmp_path / "base", {0: "entailment", 1: "neutral", 2: "contradiction"})
    settings = {"target_modules": ["query", "value", "dense"], **settings}
    config = LoraConfig(r=2, lora_alpha=8, modules_to_save=["classifier"], task_type="SEQ_CLS", init_lora_weights=False, **settings)
    peft_model = get_peft_model(AutoModelForSequenceClassification.from_pretrained(str(base)), config)
    peft_model.save_pretrained(tmp_path / "adapter")
    return base, tmp_path / "adapter"


@pytest.mark.parametrize("settings", [{}, {"use_rslora": True}, {"target_modules": ["query", "word_embeddings"]}])
def test_merged_adapter_has_the_weights_peft_merges(tmp_path, settings):
    """The direct merge gives peft's ``merge_and_unload`` weights (LoRA and the saved head); adapters it does not
    handle (rank-stabilised scaling, LoRA on the embeddings) are left to peft, and the model is untouched."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForSequenceClassification

    base, adapter = _tiny_adapter(tmp_path, **settings)
    expected = PeftModel.from_pretrained(AutoModelForSequenceClassification.from_pretrained(str(base)), str(adapter)).merge_and_unload().state_dict()
    model = AutoModelForSequenceClassification.from_pretrained(str(base))
    before = {k: v.clone() for k, v in model.state_dict().items()}
    merged = merge_lora(model, adapter)
    assert merged is not bool(settings)
    reference = expected if merged else before
    assert all(torch.allclose(model.state_dict()[k], reference[k], atol=1e-6) for k in reference)
    assert any(not torch.allclose(before[k], expected[k]) for k in before)  # the adapter changes the model at all


def test_adapter_for_another_base_is_a_clear_error(tmp_path):
    import torch
    from transformers import AutoModelForSequenceClassification

    base, adapter = _tiny_adapter(tmp_path)
    model = AutoModelForSequenceClassification.from_pretrained(str(base))
    model.bert.encoder.layer[0].attention.self.query = torch.nn.Identity()  # a base without that layer
    with pytest.raises(ValueError, match="adapter does not fit its base model"):
        merge_lora(model, adapter)


@pytest.mark.slow
def test_the_base_model_loads_offline_and_gets_the_clear_cases_right(monkeypatch):
    """The LoRA adapters in models/mpnet-nli-lora on all-mpnet-base-v2 from its PyPI pieces, with no hub."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = load_nli("base", eager=True)
    assert model.labels == ["entailment", "neutral", "contradiction"] and not model.is_default
    probs = model.predict(
        ["The minister arrived in Paris on Monday.", "The talks were held in Geneva.", "The ceasefire held overnight."],
        ["The minister arrived in Paris.", "The talks were held in Oman.", "Fighting stopped overnight."],
    )
    assert list(predicted_labels(probs)) == ["entailment", "contradiction", "entailment"]


@pytest.mark.slow
def test_a_model_already_in_memory_scores_as_an_nli_model(nli_model):
    from helpers.nli import NLIModel

    wrapped = NLIModel.from_loaded(nli_model.model, nli_model.tokenizer, "in memory", batch_size=8)
    assert wrapped.labels == nli_model.labels and wrapped.precision == "fp32" and wrapped.device == nli_model.device
    probs = wrapped.predict(["Russian troops left Belarus."], ["Russian troops stayed in Belarus."])
    assert probs.loc[0].idxmax() == "contradiction"
