"""Experiment (not in the product): a cross-encoder trained on the real dev set's statement pairs, next to the detector.

Each pair of quoted statements becomes "<speaker> <says|denies|takes back|hedges>: <content>" on both sides. The
shipped MiniLM NLI model is fine-tuned on the dev articles' pairs (both orders; a pair the gold marks as a
contradiction is the target "contradiction", every other pair "neutral"), then scores the held-out articles' pairs
(both orders, averaged). The script reports average precision on the held-out pairs of the shipped detector's
probability (the ``--model`` entry of ``models/detector.json``), of the cross-encoder alone, and of the two averaged
on the logit scale. The record of a run is in ``docs/experiments.md``.

    python experiments/pair_cross_encoder.py --dev <dev gold files> --held-out <held-out gold files> [--model base]
        [--epochs 2] [--max-steps N] [--out scores.csv]

Two epochs over the 62 dev articles take about 80 minutes on two cores shared with another job.
"""

from __future__ import annotations

import argparse
import random
import time

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score

from helpers.analysis import analyze_article, get_model
from helpers.calibration import collect_pairs
from helpers.detector import load_detector
from helpers.evaluation import load_gold
from helpers.pair_model import side_text
from helpers.paths import DEFAULT_NLI_MODEL


def pair_texts(files: list[str], model) -> pd.DataFrame:
    """Every scored pair of the files with its detector features, gold label and the two statements as text."""
    pairs = collect_pairs(files, model)
    texts = {}
    for path in files:
        result = analyze_article(load_gold(path).article_path, model=model, claims=[])
        for s in result.statement_objects:
            texts[(str(path), s.id)] = side_text(s.speaker, s.polarity, s.content)
    pairs["ta"] = [texts[(f, a)] for f, a in zip(pairs["file"], pairs["a"])]
    pairs["tb"] = [texts[(f, b)] for f, b in zip(pairs["file"], pairs["b"])]
    return pairs


def train(pairs: pd.DataFrame, epochs: int, max_steps: int | None, seed: int = 0):
    """The shipped MiniLM NLI model fine-tuned on the pairs (both orders): marked pairs to contradiction, others to neutral."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.manual_seed(seed)
    rng = random.Random(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(DEFAULT_NLI_MODEL))
    model = AutoModelForSequenceClassification.from_pretrained(str(DEFAULT_NLI_MODEL))
    label = {v.lower(): int(k) for k, v in model.config.id2label.items()}
    rows = list(zip(pairs["ta"], pairs["tb"], pairs["label"])) + list(zip(pairs["tb"], pairs["ta"], pairs["label"]))
    steps = epochs * (len(rows) // 16 + 1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / (0.06 * steps)) * max(0.0, (steps - s) / steps))
    done, start = 0, time.time()
    for epoch in range(epochs):
        rng.shuffle(rows)
        model.train()
        for i in range(0, len(rows), 16):
            batch = rows[i : i + 16]
            enc = tokenizer([r[0] for r in batch], [r[1] for r in batch], truncation=True, max_length=160, padding=True, return_tensors="pt")
            target = torch.tensor([label["contradiction"] if r[2] else label["neutral"] for r in batch])
            torch.nn.functional.cross_entropy(model(**enc).logits, target).backward()
            optimizer.step()
            schedule.step()
            optimizer.zero_grad()
            done += 1
            if max_steps and done >= max_steps:
                return tokenizer, model.eval(), label["contradiction"]
        print(f"epoch {epoch + 1} of {epochs} done in {time.time() - start:.0f} s", flush=True)
    return tokenizer, model.eval(), label["contradiction"]


def score(tokenizer, model, column: int, a: list[str], b: list[str]) -> np.ndarray:
    """Probability of contradiction for each pair, averaged over both orders."""
    def one_way(x: list[str], y: list[str]) -> np.ndarray:
        out = []
        with torch.inference_mode():
            for i in range(0, len(x), 64):
                enc = tokenizer(x[i : i + 64], y[i : i + 64], truncation=True, max_length=160, padding=True, return_tensors="pt")
                out.append(torch.softmax(model(**enc).logits, dim=-1)[:, column].numpy())
        return np.concatenate(out) if out else np.zeros(0)

    return (one_way(a, b) + one_way(b, a)) / 2


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dev", nargs="+", required=True)
    p.add_argument("--held-out", nargs="+", required=True)
    p.add_argument("--model", default="base", help="NLI model whose detector entry gives the baseline probability")
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--max-steps", type=int, default=None, help="stop training after this many steps (a quick check)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--out", default=None, help="write the held-out pairs with both scores as CSV")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    nli = get_model(args.model)
    dev, held = pair_texts(args.dev, nli), pair_texts(args.held_out, nli)
    tokenizer, model, column = train(dev, args.epochs, args.max_steps)
    held["pair_model"] = score(tokenizer, model, column, list(held["ta"]), list(held["tb"]))
    detector = load_detector(args.model if args.model in ("fast", "base", "cascade") else "fast")
    held["detector"] = detector.probability(held)
    clip = lambda x: np.clip(x, 1e-6, 1 - 1e-6)  # noqa: E731
    logit = lambda x: np.log(clip(x) / (1 - clip(x)))  # noqa: E731
    held["average"] = (logit(held["detector"].to_numpy()) + logit(held["pair_model"].to_numpy())) / 2
    y = held["label"].to_numpy(bool)
    print(f"held-out pairs: {len(held)}, marked {int(y.sum())}, articles {held['file'].nunique()}")
    for name in ("detector", "pair_model", "average"):
        print(f"average precision, {name}: {average_precision_score(y, held[name]):.3f}")
    if args.out:
        held[["file", "a", "b", "label", "detector", "pair_model", "average"]].to_csv(args.out, index=False)


if __name__ == "__main__":
    main()
