"""A cross-encoder that reads two attributed statements together: who says what, and how.

The NLI features of the detector see two contents and nothing of who says them or how. The pair model sees
both sides as ``"<speaker> <says|denies|takes back|hedges>: <content>"`` and gives the probability that an
annotator marks the pair as a contradiction. It is LoRA adapters and a head on one of the project's NLI models
(``PAIR_BASES``: the shipped MiniLM, or the base-size model with its NLI adapters merged), fine-tuned on the real
dev set's scored pairs in both orders (a marked pair is "contradiction", every other pair "neutral"). It scores a
pair once, in text order (the earlier statement first: half the time of both orders, and no loss of average
precision on blind sets 3 to 6, see its model card), and that score, on the logit scale, is one more feature
of the detector (``helpers.detector``, group ``pair``).

The detector is fitted on out-of-fold scores: one pair model per fold of episodes scores the pairs it was not
trained on (``out_of_fold``), so the detector never learns from a score the pair model saw the answer to. The
fold models are kept beside the shipped one (``fold-models/``, with the fold of each episode): a dev pair whose
sides changed since training (the attribution changed) is scored by the fold model that never saw its episode,
which is as honest an out-of-fold score as the first.

    python -m helpers train-pair-model data/real/gold/*.json     # folds (resumable), then the shipped model
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import paths
from .paths import BASE_NLI_MODEL, DEFAULT_NLI_MODEL, PAIR_MODEL_DIR

log = logging.getLogger(__name__)

#: How each side of a pair reads: the cue's polarity as a verb.
VERB = {"assert": "says", "deny": "denies", "retract": "takes back", "hedge": "hedges"}
#: The out-of-fold scores of the dev pairs, shipped beside the adapters (keys only, no article text).
OUT_OF_FOLD_FILE = "out-of-fold.csv"
#: Folds of episodes for the out-of-fold scores the detector is fitted on.
DEFAULT_FOLDS = 2
#: The largest share of dev pairs that may lack an out-of-fold score (their sides changed since training, and no
#: fold model of their episode is kept to score them).
MAX_STALE = 0.03
#: The fold models, beside the shipped adapters: one folder per fold and ``episodes.json`` (episode -> fold).
FOLD_MODELS = "fold-models"
#: The files of a saved pair model (peft's adapters and head, and the training facts).
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors", "training.json")
#: The NLI models a pair model can be trained on, by the name its adapter config records (a folder of ``models/``).
PAIR_BASES: dict[str, Path] = {DEFAULT_NLI_MODEL.name: DEFAULT_NLI_MODEL, BASE_NLI_MODEL.name: BASE_NLI_MODEL}
#: Minutes between two checkpoints of a training run.
CHECKPOINT_MINUTES = 15
#: A checkpoint's light form (``save_light``): the trained weights and the step.
LIGHT_WEIGHTS, LIGHT_PROGRESS = "weights.safetensors", "progress.json"
#: Logits are clipped here, so one saturated score cannot dominate the detector.
_CLIP = 1e-4


@dataclass
class PairTraining:
    """The recipe of one pair-model training run."""

    epochs: int = 1
    learning_rate: float = 5e-4
    batch_size: int = 16
    rank: int = 16
    max_length: int = 128
    warmup: float = 0.06
    seed: int = 0
    base: str = BASE_NLI_MODEL.name  # a key of PAIR_BASES


def side_text(speaker: str, polarity: str, content: str) -> str:
    """One side of a pair as the pair model reads it."""
    return f"{speaker} {VERB.get(str(polarity), 'says')}: {content}"


def pair_key(file: str, a_text: str, b_text: str) -> str:
    """A short key for one pair of one article (the out-of-fold table holds keys, not text)."""
    return hashlib.sha1(f"{Path(file).name}\x00{a_text}\x00{b_text}".encode()).hexdigest()[:16]


def to_logit(probability: np.ndarray) -> np.ndarray:
    """The feature the detector reads: the probability on the logit scale, clipped."""
    p = np.clip(np.asarray(probability, dtype=float), _CLIP, 1 - _CLIP)
    return np.log(p / (1 - p))


def _base(name: str = BASE_NLI_MODEL.name):
    """Tokenizer and model of the NLI cross-encoder ``name`` (a key of ``PAIR_BASES``), the pair model's base: the
    shipped MiniLM as saved, the base-size model with its NLI adapters merged."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    if name not in PAIR_BASES:
        raise ValueError(f"pair model base {name!r}: use one of {', '.join(PAIR_BASES)}")
    folder = PAIR_BASES[name]
    if (folder / "adapter_config.json").is_file():
        from .nli import _load_adapter

        return _load_adapter(folder)
    return AutoTokenizer.from_pretrained(str(folder)), AutoModelForSequenceClassification.from_pretrained(str(folder))


class TrainingStopped(Exception):
    """A training run stopped at its deadline after writing its checkpoint: the same call goes on from it."""


def train_pair_model(a_texts: Sequence[str], b_texts: Sequence[str], labels: Sequence[bool], recipe: PairTraining | None = None, max_steps: int | None = None,
                     checkpoint: Path | None = None, every: float = CHECKPOINT_MINUTES, deadline: float | None = None):
    """LoRA adapters and head on the NLI model ``recipe.base``, trained on both orders of each pair. Returns the tokenizer,
    the trained (peft-wrapped) model in eval mode, and the number of steps run.

    With a ``checkpoint`` folder, the trained weights, the optimizer, the schedule and the random state are written
    there every ``every`` minutes, and a run that finds one there goes on from its step (the batches are the same,
    seeded); the folder is removed once the run ends. At the ``deadline`` (a ``time.time()``; None: none) the run
    writes its checkpoint and raises ``TrainingStopped``."""
    import torch

    from .train_nli import _save_checkpoint, add_lora, collate, make_batches, trainable_state

    recipe = recipe or PairTraining()
    torch.manual_seed(recipe.seed)
    random.seed(recipe.seed)
    tokenizer, model = _base(recipe.base)
    column = {v.lower(): int(k) for k, v in model.config.id2label.items()}
    model = add_lora(model, recipe.rank)
    first = list(a_texts) + list(b_texts)
    second = list(b_texts) + list(a_texts)
    targets = [column["contradiction"] if y else column["neutral"] for y in list(labels) * 2]
    encodings = tokenizer(first, second, truncation=True, max_length=recipe.max_length)
    lengths = [len(x) for x in encodings["input_ids"]]
    per_epoch = -(-len(targets) // recipe.batch_size)
    total = min(max_steps or recipe.epochs * per_epoch, recipe.epochs * per_epoch)
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=recipe.learning_rate, weight_decay=0.01)
    warm = max(1, int(recipe.warmup * total))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (total - s) / total))
    from tqdm.auto import tqdm

    checkpoint = Path(checkpoint) if checkpoint is not None else None
    done = _resume(checkpoint, model, optimizer, schedule, total, len(targets)) if checkpoint is not None else 0

    def save() -> None:
        progress = {"step": done, "total": total, "pairs": len(targets)}
        _save_checkpoint(checkpoint, done, model, optimizer, schedule, {**progress, "rng": torch.get_rng_state()}, keep=1)
        save_light(checkpoint, trainable_state(model), progress)

    model.train()
    start = saved = time.time()
    step = 0  # batches gone through, the ones a resumed run skips included
    with tqdm(total=total, initial=done, desc="pair model", unit="step", mininterval=10) as bar:
        for epoch in range(recipe.epochs):
            for batch in make_batches(lengths, recipe.batch_size, recipe.seed, epoch, bucket=20):
                step += 1
                if step <= done:
                    continue
                if done >= total:
                    break
                inputs = collate(encodings, targets, batch, tokenizer.pad_token_id)
                out = model(**inputs)
                out.loss.backward()
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
                done += 1
                bar.update(1)
                if checkpoint is not None and done < total and time.time() - saved >= every * 60:
                    save()
                    saved = time.time()
                if deadline is not None and done < total and time.time() >= deadline:
                    if checkpoint is None:
                        raise ValueError("a time limit needs a checkpoint folder to stop in")
                    save()
                    raise TrainingStopped(f"pair model: stopped at step {done} of {total}; the checkpoint is in {checkpoint}, run the same command again to go on")
    if checkpoint is not None:
        shutil.rmtree(checkpoint, ignore_errors=True)
    log.info("pair model: %d steps in %.0f s", done, time.time() - start)
    return tokenizer, model.eval(), done


def save_light(checkpoint: Path, weights: dict, progress: dict) -> None:
    """Beside a checkpoint's ``state.pt``, its light form: the trained weights in full precision and the step, small
    enough to keep in git, so that a fresh checkout goes on from that step (with fresh optimizer moments)."""
    from safetensors.torch import save_file

    save_file({k: v.contiguous() for k, v in weights.items()}, str(checkpoint / LIGHT_WEIGHTS))
    (checkpoint / LIGHT_PROGRESS).write_text(json.dumps(progress) + "\n")


def _resume(checkpoint: Path, model, optimizer, schedule, total: int, pairs: int) -> int:
    """Load what ``checkpoint`` holds into a run about to start and return its step (0: nothing there): the whole
    state (the NLI trainer's checkpoint format, with the random state), or else the light form (``save_light``),
    whose optimizer starts afresh at the schedule's step."""
    import torch

    from .train_nli import _latest_checkpoint, _load_trained, load_checkpoint, schedule_at

    full = _latest_checkpoint(checkpoint) if checkpoint.is_dir() else None
    light = checkpoint / LIGHT_PROGRESS
    if full is None and not light.is_file():
        return 0
    state = load_checkpoint(full, model, optimizer, schedule) if full is not None else None  # a refused run discards the model
    facts = state["card"] if state is not None else json.loads(light.read_text())
    if facts["total"] != total or facts["pairs"] != pairs:
        raise ValueError(f"{checkpoint}: a checkpoint of another run ({facts['pairs']} pairs, {facts['total']} steps); remove it to train again")
    done = facts["step"]
    if state is not None:
        torch.set_rng_state(facts["rng"])
        log.info("pair model: resumed at step %d of %d from %s", done, total, full)
        return done
    from safetensors.torch import load_file

    _load_trained(model, load_file(str(checkpoint / LIGHT_WEIGHTS)))
    schedule_at(optimizer, schedule, done)
    log.info("pair model: resumed at step %d of %d from the weights kept in %s (fresh optimizer moments)", done, total, checkpoint)
    return done


def save_pair_model(model, out: Path, card: dict, base: str = BASE_NLI_MODEL.name) -> Path:
    """Write the adapters and head (fp16, peft's format; the tokenizer is the base's) and the training facts to ``out``,
    keeping its model card (``README.md``)."""
    import copy

    from .train_nli import _write_atomically

    def write(tmp: Path) -> None:
        small = copy.deepcopy(model).half()
        for cfg in small.peft_config.values():
            cfg.base_model_name_or_path = base  # a model of the project (models/<base>), see PAIR_BASES
        small.save_pretrained(tmp, safe_serialization=True, save_embedding_layers=False)
        (tmp / "README.md").unlink(missing_ok=True)  # peft's template card; the project's card is kept instead
        (tmp / "training.json").write_text(json.dumps(card, indent=2) + "\n")

    _write_atomically(Path(out), write)
    return Path(out)


class PairModel:
    """The trained pair model: loads lazily (as an NLI model: bfloat16 where the hardware runs it natively, batches
    by length); ``device=None`` means auto; ``score`` gives one probability per pair."""

    def __init__(self, folder: str | Path | None = None, device: str | None = None, batch_size: int = 64, max_length: int = 128):
        from .nli import NLIModel

        self.folder = Path(folder) if folder is not None else PAIR_MODEL_DIR
        if not (self.folder / "adapter_config.json").is_file():
            raise ValueError(f"{self.folder}: no pair model here (adapter_config.json missing); run `python -m helpers train-pair-model data/real/gold/*.json`")
        self.nli = NLIModel(self.folder, device=device, batch_size=batch_size, max_length=max_length)

    @classmethod
    def from_trained(cls, tokenizer, model, max_length: int = 128) -> PairModel:
        """A scorer around a model just trained in this process (no folder; full precision)."""
        from .nli import NLIModel

        self = cls.__new__(cls)
        self.folder = None
        self.nli = NLIModel.from_loaded(model, tokenizer, "pair model (in training)", batch_size=64, max_length=max_length)
        return self

    def score(self, a_texts: Sequence[str], b_texts: Sequence[str], cache=None) -> np.ndarray:
        """Probability that each pair is a marked contradiction, read in the order given (pass the earlier statement
        first); with ``cache`` (an ``helpers.cache.NLICache``), scores kept there are read rather than computed, and
        new ones kept."""
        if len(a_texts) != len(b_texts):
            raise ValueError(f"score needs as many first as second sides, got {len(a_texts)} and {len(b_texts)}")
        if not len(a_texts):
            return np.zeros(0)
        scorer = self.nli
        if cache is not None:
            from .cache import cached

            scorer = cached(self.nli, cache)
        return scorer.predict(a_texts, b_texts, progress=False)["contradiction"].to_numpy(float)


_LOADED: dict[str, PairModel] = {}


def get_pair_model(folder: str | Path | None = None) -> PairModel:
    """The pair model of ``folder`` (default: the shipped one), loaded once per process."""
    key = str(Path(folder) if folder is not None else PAIR_MODEL_DIR)
    if key not in _LOADED:
        _LOADED[key] = PairModel(key)
    return _LOADED[key]


def _work_folder(work: str | Path | None) -> Path:
    """Where finished folds and checkpoints are kept (default: ``.cache/pair-model-folds``)."""
    return Path(work) if work is not None else paths.CACHE_DIR / "pair-model-folds"


def _fingerprint(recipe: PairTraining, max_steps: int | None, pairs: pd.DataFrame, *kind) -> str:
    """A short hash of a run's recipe, ``kind`` and data (the pairs' sides and labels): a kept fold or checkpoint is
    reused only by the same run."""
    facts = [asdict(recipe), max_steps, *kind, list(pairs["ta"]), list(pairs["tb"]), list(map(bool, pairs["label"]))]
    return hashlib.sha1(json.dumps(facts).encode()).hexdigest()[:12]


def out_of_fold(pairs: pd.DataFrame, folds: int = DEFAULT_FOLDS, recipe: PairTraining | None = None, work: Path | None = None, max_steps: int | None = None,
                deadline: float | None = None) -> pd.Series:
    """Each pair's score from a pair model trained on the other folds of episodes (``pairs`` has ta, tb, label,
    episode). Every finished fold, and the checkpoint of the fold in training, is kept under ``work``, so an
    interrupted run goes on where it stopped."""
    from sklearn.model_selection import GroupKFold

    recipe = recipe or PairTraining()
    work = _work_folder(work)
    work.mkdir(parents=True, exist_ok=True)
    splitter = GroupKFold(n_splits=min(folds, pairs["episode"].nunique()))
    fingerprint = _fingerprint(recipe, max_steps, pairs, splitter.n_splits, "scored in text order")  # a fold file is reused only for the same split and recipe
    scores = pd.Series(np.nan, index=pairs.index)
    scores.attrs["fold_of_episode"], scores.attrs["fold_models"] = {}, {}
    for k, (train, test) in enumerate(splitter.split(pairs, pairs["label"], pairs["episode"])):
        held = pairs.iloc[test]
        scores.attrs["fold_of_episode"].update({str(e): k for e in held["episode"]})
        done, kept = work / f"{fingerprint}-fold-{k}.npy", work / f"{fingerprint}-fold-{k}"
        if done.is_file():
            scores.iloc[test] = np.load(done)
            if (kept / "adapter_config.json").is_file():
                scores.attrs["fold_models"][k] = kept
            log.info("pair model fold %d: kept from %s", k, done)
            continue
        part = pairs.iloc[train]
        tokenizer, model, _ = train_pair_model(list(part["ta"]), list(part["tb"]), list(part["label"]), recipe, max_steps,
                                               checkpoint=work / f"{fingerprint}-fold-{k}-checkpoint", deadline=deadline)
        scorer = PairModel.from_trained(tokenizer, model, max_length=recipe.max_length)
        values = scorer.score(list(held["ta"]), list(held["tb"]))
        scores.attrs["fold_models"][k] = save_pair_model(model, kept, {"fold": k, "recipe": asdict(recipe), "max_steps": max_steps}, recipe.base)
        np.save(done, values)
        scores.iloc[test] = values
        log.info("pair model fold %d of %d done", k + 1, splitter.n_splits)
    return scores


def keep_fold_models(oof: pd.Series, out: Path) -> None:
    """Copy the fold models of ``out_of_fold`` beside the shipped adapters, with the fold of each episode."""
    _write_fold_models(out, oof.attrs.get("fold_models", {}), oof.attrs.get("fold_of_episode", {}))


def _write_fold_models(out: Path, models: dict, fold_of_episode: dict) -> None:
    """Copy each fold's model folder to ``out/fold-models/<fold>`` and write ``episodes.json`` (episode -> fold)."""
    from .files import write_text_atomic

    folder = Path(out) / FOLD_MODELS
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for k, kept in models.items():
        shutil.copytree(kept, folder / str(k))
    write_text_atomic(folder / "episodes.json", json.dumps(fold_of_episode, indent=1, sort_keys=True) + "\n")


def _score_changed(pairs: pd.DataFrame, scores: np.ndarray, folder: Path) -> int:
    """Score the pairs without an out-of-fold score (NaN) with the kept fold model of their episode, in place; the
    number scored."""
    episodes = folder / FOLD_MODELS / "episodes.json"
    if not episodes.is_file() or "episode" not in pairs:
        return 0
    fold_of = json.loads(episodes.read_text())
    folds = np.array([fold_of.get(str(e), -1) for e in pairs["episode"]])
    scored = 0
    for k in sorted(set(folds[np.isnan(scores)]) - {-1}):
        rows = np.flatnonzero(np.isnan(scores) & (folds == k))
        model = folder / FOLD_MODELS / str(k)
        if rows.size and (model / "adapter_config.json").is_file():
            scores[rows] = get_pair_model(model).score([pairs["ta"].iloc[i] for i in rows], [pairs["tb"].iloc[i] for i in rows])
            scored += rows.size
    if scored:
        log.info("%d changed dev pairs scored by the fold model that never saw their episode", scored)
    return scored


def out_of_fold_scores(pairs: pd.DataFrame, folder: str | Path | None = None, stale: float = MAX_STALE) -> np.ndarray:
    """The out-of-fold scores the shipped pair model keeps for these dev pairs (``pairs`` has file, ta, tb, and
    episode for the fold models).

    A pair whose sides changed since the pair model was trained (a speaker resolved differently, say) is scored by
    the kept fold model that never saw its episode. One that no fold model can score (a new episode, or a pair
    model trained before fold models were kept) gets NaN, for the caller to leave out, as long as such pairs are
    at most ``stale`` of all; beyond that the pair model must be trained again."""
    path = (Path(folder) if folder is not None else PAIR_MODEL_DIR) / OUT_OF_FOLD_FILE
    if not path.is_file():
        raise ValueError(f"{path}: the pair model's out-of-fold scores are missing; run `python -m helpers train-pair-model data/real/gold/*.json`")
    table = pd.read_csv(path, dtype={"key": str}).set_index("key")["score"]
    table = table[~table.index.duplicated()]  # two pairs of one article with the same sides: one fold, one score
    keys = [pair_key(f, a, b) for f, a, b in zip(pairs["file"], pairs["ta"], pairs["tb"])]
    scores = np.array(table.reindex(keys).to_numpy(float))  # a writable copy
    if np.isnan(scores).any():
        _score_changed(pairs, scores, path.parent)
    missing = int(np.isnan(scores).sum())
    if missing > stale * len(keys):
        raise ValueError(
            f"{path}: no out-of-fold score for {missing} of {len(keys)} dev pairs, more than {stale:.0%} (the statements changed "
            "since the pair model was trained, or these articles are new); run `python -m helpers train-pair-model data/real/gold/*.json` again"
        )
    return scores


def write_out_of_fold(pairs: pd.DataFrame, scores: Sequence[float], folder: Path) -> Path:
    """Keep the dev pairs' out-of-fold scores beside the adapters, keyed by ``pair_key`` (no article text)."""
    from .files import write_text_atomic

    table = pd.DataFrame({
        "key": [pair_key(f, a, b) for f, a, b in zip(pairs["file"], pairs["ta"], pairs["tb"])],
        "file": [Path(f).name for f in pairs["file"]], "a": pairs["a"].astype(int), "b": pairs["b"].astype(int),
        "label": pairs["label"].astype(int), "score": np.round(np.asarray(scores, dtype=float), 5),
    })
    return write_text_atomic(Path(folder) / OUT_OF_FOLD_FILE, table.to_csv(index=False))


def check_work_folder(work: str | Path | None, out: str | Path | None = None) -> None:
    """Refuse a work folder inside the output folder: saving the model replaces that folder, and with it the finished
    folds that ``keep_fold_models`` copies from."""
    out = Path(out) if out is not None else PAIR_MODEL_DIR
    if work is not None and Path(work).resolve().is_relative_to(out.resolve()):
        raise ValueError(f"--work {work}: the work folder lies inside the output folder {out}, which saving the model "
                         "replaces; give a folder outside it (make train-pair-model uses models/pair-lora-folds)")


def _training_card(dev: pd.DataFrame, oof: np.ndarray, recipe: PairTraining, max_steps: int | None, steps: int, start: float, **extra) -> dict:
    """The training facts written to ``training.json``: recipe, data, how the run was split, out-of-fold average
    precision and time."""
    from sklearn.metrics import average_precision_score

    return {
        "base": f"{recipe.base} (models/{recipe.base})", "recipe": asdict(recipe), "max_steps": max_steps, "steps": steps,
        "articles": int(dev["file"].nunique()), "episodes": int(dev["episode"].nunique()), "pairs": len(dev), "marked": int(dev["label"].sum()),
        **extra, "out_of_fold_average_precision": round(float(average_precision_score(dev["label"].astype(bool), oof)), 4),
        "seconds": round(time.time() - start),
    }


def train_and_save(pairs: pd.DataFrame, out: str | Path | None = None, folds: int = DEFAULT_FOLDS, recipe: PairTraining | None = None,
                   work: Path | None = None, max_steps: int | None = None, deadline: float | None = None) -> dict:
    """Out-of-fold scores for the dev pairs (``role`` not ``held-out``), then the pair model trained on all of them,
    saved to ``out`` with those scores. Returns the training facts written to ``training.json``. Checkpoints go to
    ``work``; at the ``deadline`` (``time.time()``) the run stops with ``TrainingStopped``, and the same call goes on."""
    recipe = recipe or PairTraining()
    out = Path(out) if out is not None else PAIR_MODEL_DIR
    check_work_folder(work, out)
    dev = pairs[pairs["role"] != "held-out"].reset_index(drop=True)
    if dev.empty or not dev["label"].any():
        raise ValueError("no dev pairs marked as contradictions in the gold files; nothing to train the pair model on")
    start = time.time()
    oof = out_of_fold(dev, folds, recipe, work, max_steps, deadline)
    work = _work_folder(work)
    final = work / f"{_fingerprint(recipe, max_steps, dev, 'final')}-final-checkpoint"
    tokenizer, model, steps = train_pair_model(list(dev["ta"]), list(dev["tb"]), list(dev["label"]), recipe, max_steps, checkpoint=final, deadline=deadline)
    card = _training_card(dev, oof.to_numpy(), recipe, max_steps, steps, start, folds=folds)
    save_pair_model(model, out, card, recipe.base)
    write_out_of_fold(dev, oof.to_numpy(), out)
    keep_fold_models(oof, out)
    _LOADED.pop(str(out), None)
    return card


def extend_and_save(pairs: pd.DataFrame, previous: str | Path | None = None, out: str | Path | None = None,
                    recipe: PairTraining | None = None, work: Path | None = None, max_steps: int | None = None, deadline: float | None = None) -> dict:
    """The pair model trained again on all dev pairs after the dev set grew by whole episodes that the ``previous``
    model (default: the shipped one) never saw: one training instead of the folds and a final run.

    The new episodes' pairs get the previous model's score as their out-of-fold score (it was trained without
    them) and the previous model becomes their fold model; the earlier dev pairs keep their out-of-fold scores
    and fold models. An episode with articles on both sides needs the full ``train_and_save``."""
    recipe = recipe or PairTraining()
    previous = Path(previous) if previous is not None else PAIR_MODEL_DIR
    out = Path(out) if out is not None else PAIR_MODEL_DIR
    check_work_folder(work, out)
    table_path = previous / OUT_OF_FOLD_FILE
    if not (previous / "adapter_config.json").is_file() or not table_path.is_file():
        raise ValueError(f"{previous}: no trained pair model with out-of-fold scores to extend; run `python -m helpers train-pair-model` without --extend")
    dev = pairs[pairs["role"] != "held-out"].reset_index(drop=True)
    seen = set(pd.read_csv(table_path, usecols=["file"])["file"])
    old = np.array([Path(f).name in seen for f in dev["file"]])
    if old.all():
        raise ValueError(f"{previous}: every dev article was already in its training; nothing to extend (run without --extend to train again)")
    shared = set(dev.loc[old, "episode"]) & set(dev.loc[~old, "episode"])
    if shared:
        raise ValueError(f"episode {sorted(shared)[0]!r} has articles the previous pair model saw and articles it did not; "
                         "run `python -m helpers train-pair-model` without --extend")
    work = _work_folder(work)
    fingerprint = _fingerprint(recipe, max_steps, dev, "extend")
    staged, trained = work / f"{fingerprint}-previous", work / f"{fingerprint}-trained"
    if not (staged / "adapter_config.json").is_file():  # a copy: ``out`` may be ``previous``, and saving replaces it
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(previous, staged)
    start = time.time()
    oof = np.full(len(dev), np.nan)
    oof[old] = out_of_fold_scores(dev[old], staged)
    news = dev[~old]
    oof[~old] = PairModel(staged).score(list(news["ta"]), list(news["tb"]))
    if (trained / "adapter_config.json").is_file():
        log.info("pair model: the finished training kept in %s is reused", trained)
        card = json.loads((trained / "training.json").read_text())
    else:
        tokenizer, model, steps = train_pair_model(list(dev["ta"]), list(dev["tb"]), list(dev["label"]), recipe, max_steps,
                                                   checkpoint=work / f"{fingerprint}-checkpoint", deadline=deadline)
        extended = {"articles": len(seen), "new_articles": int(news["file"].nunique()), "new_episodes": int(news["episode"].nunique())}
        card = _training_card(dev, np.nan_to_num(oof), recipe, max_steps, steps, start, extended_from=extended)
        save_pair_model(model, trained, card, recipe.base)  # kept in ``work`` too: a crash after this point loses no training

    def write(tmp: Path) -> None:
        for name in ADAPTER_FILES:
            shutil.copy2(trained / name, tmp / name)
        write_out_of_fold(dev, oof, tmp)
        episodes_file = staged / FOLD_MODELS / "episodes.json"
        fold_of = json.loads(episodes_file.read_text()) if episodes_file.is_file() else {}
        models = {int(p.name): p for p in (staged / FOLD_MODELS).glob("*") if p.is_dir()} if fold_of else {}
        extra = max(models, default=-1) + 1
        fold_of.update({str(e): extra for e in news["episode"]})
        _write_fold_models(tmp, models, fold_of)
        (tmp / FOLD_MODELS / str(extra)).mkdir()
        for name in ADAPTER_FILES:  # the previous model, as the fold model of the episodes it never saw
            shutil.copy2(staged / name, tmp / FOLD_MODELS / str(extra) / name)

    from .train_nli import _write_atomically

    _write_atomically(out, write)  # keeps out's model card
    _LOADED.pop(str(out), None)
    return card
