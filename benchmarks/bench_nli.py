"""NLI scoring throughput: the project's length-sorted batched scorer against transformers.pipeline.

Same model, same pairs, same thread count, one run. The scorer runs at its default precision (bf16 autocast
where the CPU has AMX/AVX512-BF16, else fp32) and, for comparison, forced to fp32. Prints a table and appends
it to benchmarks/results.md.

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
    p.add_argument("--model", default=None, help="NLI model name or folder (default: the shipped one; 'base' for the base-size model)")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    df = read_nli_jsonl(args.file).head(args.n)
    prem, hyp, gold = df["premise"].tolist(), df["hypothesis"].tolist(), df["label"].tolist()
    model = load_nli(args.model, eager=True, device="cpu", batch_size=args.batch_size)
    fp32 = load_nli(args.model, eager=True, device="cpu", batch_size=args.batch_size, precision="fp32")

    start = time.perf_counter()
    ours = predicted_labels(model.predict(prem, hyp, progress=False)).tolist()
    t_ours = time.perf_counter() - start
    start = time.perf_counter()
    ours_fp32 = predicted_labels(fp32.predict(prem, hyp, progress=False)).tolist()
    t_fp32 = time.perf_counter() - start

    from transformers import pipeline

    pipe = pipeline("text-classification", model=model.model, tokenizer=model.tokenizer, device=-1, top_k=None)
    start = time.perf_counter()
    out = pipe([{"text": a, "text_pair": b} for a, b in zip(prem, hyp)], truncation=True, max_length=256)
    t_pipe = time.perf_counter() - start
    theirs = [max(scores, key=lambda s: s["score"])["label"].lower() for scores in out]

    acc_ours = nli_metrics(gold, ours)["accuracy"]
    acc_pipe = nli_metrics(gold, theirs)["accuracy"]
    rows = [
        (f"helpers NLIModel.predict (length-sorted, batch {args.batch_size}, default precision: {model.precision})", len(prem) / t_ours, acc_ours),
        (f"helpers NLIModel.predict (length-sorted, batch {args.batch_size}, fp32)", len(prem) / t_fp32, nli_metrics(gold, ours_fp32)["accuracy"]),
        ("transformers.pipeline('text-classification'), fp32", len(prem) / t_pipe, acc_pipe),
    ]
    lines = [
        f"### NLI throughput — {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{args.threads} threads, torch {torch.__version__}",
        "",
        f"`python benchmarks/bench_nli.py --n {args.n} --threads {args.threads}{' --model ' + args.model if args.model else ''}` on {len(prem)} pairs of `{Path(args.file).name}`, model {model.describe()['name']} ({model.fingerprint})",
        "",
        "| scorer | pairs/s | accuracy |",
        "|---|---:|---:|",
        *[f"| {name} | {rate:.1f} | {acc:.4f} |" for name, rate, acc in rows],
        "",
        f"Speed-up of the default scorer: **{t_pipe / t_ours:.1f}x** (fp32 alone: {t_pipe / t_fp32:.1f}x); "
        f"accuracy difference {abs(acc_ours - acc_pipe) * 100:.2f} points.",
        "",
    ]
    publish(lines)


if __name__ == "__main__":
    main()
