"""NLI scoring throughput: the project's length-sorted batched scorer against transformers.pipeline.

Same model, same pairs, same thread count, one run. Prints a table and appends it to benchmarks/results.md.

    python benchmarks/bench_nli.py [--n 2000] [--threads 2] [--file ../shared/data/nli/mnli/dev_matched.jsonl]
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

import torch

from common import publish
from helpers.evaluation import nli_metrics
from helpers.nli import load_nli, predicted_labels
from helpers.nli_data import read_nli_jsonl
from helpers.paths import SHARED_NLI_DIR

def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--file", default=str(SHARED_NLI_DIR / "mnli" / "dev_matched.jsonl"))
    p.add_argument("--n", type=int, default=2000)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--batch-size", type=int, default=32)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    df = read_nli_jsonl(args.file).head(args.n)
    prem, hyp, gold = df["premise"].tolist(), df["hypothesis"].tolist(), df["label"].tolist()
    model = load_nli(eager=True, device="cpu", batch_size=args.batch_size)

    start = time.perf_counter()
    ours = predicted_labels(model.predict(prem, hyp, progress=False)).tolist()
    t_ours = time.perf_counter() - start

    from transformers import pipeline

    pipe = pipeline("text-classification", model=model.model, tokenizer=model.tokenizer, device=-1, top_k=None)
    start = time.perf_counter()
    out = pipe([{"text": a, "text_pair": b} for a, b in zip(prem, hyp)], truncation=True, max_length=256)
    t_pipe = time.perf_counter() - start
    theirs = [max(scores, key=lambda s: s["score"])["label"].lower() for scores in out]

    acc_ours = nli_metrics(gold, ours)["accuracy"]
    acc_pipe = nli_metrics(gold, theirs)["accuracy"]
    rows = [
        ("helpers NLIModel.predict (length-sorted, batch %d)" % args.batch_size, len(prem) / t_ours, acc_ours),
        ("transformers.pipeline('text-classification')", len(prem) / t_pipe, acc_pipe),
    ]
    lines = [
        f"### NLI throughput — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{args.threads} threads, torch {torch.__version__}",
        "",
        f"`python benchmarks/bench_nli.py --n {args.n} --threads {args.threads}` on {len(prem)} pairs of `{Path(args.file).name}`, model {model.fingerprint}",
        "",
        "| scorer | pairs/s | accuracy |",
        "|---|---:|---:|",
        *[f"| {name} | {rate:.1f} | {acc:.4f} |" for name, rate, acc in rows],
        "",
        f"Speed-up: **{t_pipe / t_ours:.1f}x**; accuracy difference {abs(acc_ours - acc_pipe) * 100:.2f} points.",
        "",
    ]
    publish(lines)


if __name__ == "__main__":
    main()
