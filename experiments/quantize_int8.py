"""Experiment (not in the product): int8 dynamic quantisation of the base-size NLI model's linear layers.

Scores the first ``--limit`` pairs of an NLI set with the model as the product runs it (bf16 autocast where the CPU
has fast bf16, else fp32) and with ``torch.ao.quantization.quantize_dynamic`` (int8 weights, fp32 activations),
and reports accuracy and pairs per second of each. The issue keeps a quantised model only within 1 point of the
PyTorch model on MNLI. The record of a run is in ``docs/experiments.md``.

    python experiments/quantize_int8.py ../shared/data/nli/mnli/dev_matched.jsonl [--model base] [--limit 2000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch

from helpers.nli import LABELS, NLIModel
from helpers.nli_data import read_nli_jsonl


def score(model: NLIModel, data) -> tuple[float, float]:
    """Accuracy and pairs per second of ``model`` on ``data`` (premise, hypothesis, label)."""
    start = time.perf_counter()
    probs = model.predict(data["premise"].tolist(), data["hypothesis"].tolist())
    seconds = time.perf_counter() - start
    predicted = np.array(LABELS)[probs[list(LABELS)].to_numpy().argmax(axis=1)]
    return float((predicted == data["label"].to_numpy()).mean()), len(data) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--model", default="base")
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    torch.set_num_threads(2)
    data = read_nli_jsonl(args.data, limit=args.limit)
    plain = NLIModel(args.model)
    plain.predict(["warm up"], ["warm up"])
    acc, speed = score(plain, data)
    print(f"{plain.precision:>5}: accuracy {acc:.4f}, {speed:.1f} pairs/s on {len(data)} pairs")
    quant = NLIModel(args.model, precision="fp32")
    quant._load()
    quant._model = torch.ao.quantization.quantize_dynamic(quant._model, {torch.nn.Linear}, dtype=torch.qint8)
    quant.predict(["warm up"], ["warm up"])
    acc_q, speed_q = score(quant, data)
    print(f" int8: accuracy {acc_q:.4f}, {speed_q:.1f} pairs/s on {len(data)} pairs")


if __name__ == "__main__":
    main()
